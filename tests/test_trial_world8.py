"""Trackers by strangers, round eight: a return "next week" read from the row's last contact the
same way in every script; a closed outcome the notes state with no stage beside it; an agency that
has already passed the CV on to its client."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from followup_sheet.pipeline import compute
from followup_sheet.statements import read_statements

TODAY = dt.date(2026, 12, 7)


def _book(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


# --- a return "next week": a week after the day the note was written, in every script ---------

@pytest.mark.parametrize("note", [
    "Sachbearbeiterin im Urlaub, nächste Woche wieder da",
    "she's out, back next week",
    "lo stesso referente rientra la prossima settimana",
    "プロジェクト担当の山本さん、来週戻ってくるとのこと",
    "채용 담당 과장님 다음 주 출근하신다고 함",
    "负责人出差 下周回来再联系",
    "負責人出差 下週回來",
])
def test_next_week_is_a_week_after_the_day_written_in_any_script(note):
    friday = dt.date(2026, 12, 4)
    said = read_statements(note, friday, languages=("en", "de", "it", "ja", "ko", "zh"))
    assert said, note
    assert said[0].date == friday + dt.timedelta(days=7), (note, said)


def test_news_next_week_in_east_asian_notes_may_still_come_until_that_friday():
    said = read_statements("結果は来週中に連絡", dt.date(2026, 12, 2), languages=("ja",))
    assert [st.date for st in said] == [dt.date(2026, 12, 11)]


def test_a_return_next_week_counts_from_the_last_contact_not_from_the_day_applied(tmp_path):
    path = _book(tmp_path / "t.xlsx", [
        ["Company", "Role", "Applied", "Last Contact", "Contact", "Notes"],
        ["Sato Kogyo", "QA", dt.date(2026, 11, 16), dt.date(2026, 12, 4), "佐藤", "佐藤さん出張中 来週戻ります"],
        ["Hanil", "QA", dt.date(2026, 11, 16), dt.date(2026, 12, 4), "박", "박 팀장님 휴가, 다음 주에 복귀"],
        ["Lanting", "QA", dt.date(2026, 11, 16), dt.date(2026, 12, 4), "李", "李经理休假中 下周回来"],
        ["Birch", "QA", dt.date(2026, 11, 16), dt.date(2026, 12, 4), "Ann", "Ann on leave, back next week"],
    ])
    sheets, _, _ = compute(path, today=TODAY)
    plan = sheets[0].plan
    for row in (2, 3, 4, 5):
        assert plan.at[row, "status"] != "Due today", (row, plan.at[row, "why"])
        assert plan.at[row, "due"].date() == dt.date(2026, 12, 11), (row, plan.at[row, "due"], plan.at[row, "why"])
