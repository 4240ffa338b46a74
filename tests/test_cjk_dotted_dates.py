"""In Chinese, Japanese and Korean notes a dotted date is month.day, as a slashed one is
('12.9(수) 2차 면접', '约了12.10终面'); a number's decimals are no date ('3.5万', '4.5천')."""
from __future__ import annotations

import datetime as dt

import pytest

from followup_sheet.statements import read_statements

WRITTEN = dt.date(2026, 11, 30)


@pytest.mark.parametrize("note, day", [
    ("12.9(수) 2차 면접 보기로 함", dt.date(2026, 12, 9)),
    ("서류 결과 12.4까지 나온다고 함", dt.date(2026, 12, 4)),
    ("约了12.10下午终面", dt.date(2026, 12, 10)),
    ("12.11に最終面接の予定", dt.date(2026, 12, 11)),
    ("12.3 人事から電話あり", dt.date(2026, 12, 3)),
])
def test_a_dotted_date_in_east_asian_notes_is_month_then_day(note, day):
    days = [s.date for s in read_statements(note, WRITTEN)]
    assert day in days, (note, days)
    assert not any(d.month in (2, 3, 4, 9, 10, 11) and d.day == 12 for d in days), days


@pytest.mark.parametrize("note", ["期望薪资3.5万 面试还没约", "연봉 4.5천 제시받음", "팀장님이 3.5% 인상 언급"])
def test_a_decimal_in_east_asian_notes_is_no_date(note):
    assert not read_statements(note, WRITTEN)


def test_a_dotted_date_in_a_german_note_stays_day_first():
    assert [s.date for s in read_statements("Gespräch am 3.12. mit Frau Vogel", WRITTEN)] == [dt.date(2026, 12, 3)]


@pytest.mark.parametrize("note", ["12/3 内定の電話をもらった 回答期限は12/10", "12/3 HR来电说给offer 12/10前答复",
                                  "12/3 收到offer 要求12/10前回覆"])
def test_an_entrys_day_is_its_first_events_when_a_space_parts_the_next(note):
    # Chinese and Japanese notes part events with a space: the 3rd is the call's day, the 10th the answer's
    said = read_statements(note, WRITTEN)
    assert [(s.date, s.kind) for s in said][0] == (dt.date(2026, 12, 3), "logged")
    assert said[-1].date == dt.date(2026, 12, 10) and said[-1].kind == "answer"
