"""A weekday said in a note written on that very weekday (rules §3, dates the row states): the day
of something that comes to the user (an offer, news), with no tense and nothing that says it is
ahead, is the day the note was written, not a week later; an interview or a call set up, next week
or a plan is the next such weekday."""
from __future__ import annotations

import datetime as dt

import pytest

from followup_sheet.statements import LANGUAGES, read_statements

TUESDAY = dt.date(2026, 11, 17)
ALL = (*LANGUAGES, "zh", "ja", "ko")


@pytest.mark.parametrize("note", [
    "verbal offer tues, written one to follow",
    "mündliche Zusage am Dienstag",
    "offre orale mardi",
    "oferta verbal el martes",
    "proposta verbale martedì",
    "mondeling aanbod dinsdag",
    "周二口头offer",
    "화요일 구두 오퍼",
])
def test_the_writing_days_own_weekday_is_that_day(note):
    said = read_statements(note, TUESDAY, day_first=True, languages=ALL)
    assert [st.date for st in said] == [TUESDAY], (note, said)


@pytest.mark.parametrize("note", [
    "second interview next Tuesday",
    "final interview Tuesday",
    "entretien final mardi",
    "火曜日に最終面接",
    "they will call me Tuesday",
    "interview booked for Tuesday",
    "下周二面试",
    "来週火曜日に面接の予定",
    "다음 주 화요일 면접 예정",
])
def test_a_plan_or_next_week_is_a_week_on(note):
    said = read_statements(note, TUESDAY, day_first=True, languages=ALL)
    assert [st.date for st in said] == [TUESDAY + dt.timedelta(days=7)], (note, said)


@pytest.mark.parametrize("note", ["interview Thursday", "木曜日に面接", "feedback call Monday"])
def test_another_weekday_is_still_the_next_one(note):
    said = read_statements(note, TUESDAY, day_first=True, languages=ALL)
    assert len(said) == 1 and TUESDAY < said[0].date <= TUESDAY + dt.timedelta(days=6), (note, said)
