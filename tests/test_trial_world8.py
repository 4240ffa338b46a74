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


# --- a closed outcome the notes state, with no stage cell to contradict it ----------------------

_ENDED = [
    "erst Telefonat mit AG, dann kam die Absage per Mail",
    "On a appris qu'ils ont retenu un autre profil",
    "eligieron a otra persona para el puesto",
    "mi hanno scartato dopo il colloquio conoscitivo",
    "nos, przyszła odmowa od firmy",
    "最終面接の後 不採用の通知が来た",
    "면접 후 불합격 통보 받음",
    "电话面后 被拒了",
    "went w/ an internal hire in the end",
]
_STILL_OPEN = [
    "hoping they don't pick someone else",
    "noch keine Absage, also abwarten",
    "si me rechazan, sigo buscando",
    "pewnie odrzucili, brak odpowiedzi",
    "不採用なら連絡なしとのこと",
    "아직 불합격 통보 없음",
    "afraid they'll go with another candidate",
]


def _closing_book(path: Path, notes: list[str], stage: str = "") -> Path:
    rows: list[list[object]] = [["Org", "Role", "Applied on", "Status", "Comments"]]
    rows += [[f"Firma {k}", "Planner", dt.date(2026, 11, 23), stage, note] for k, note in enumerate(notes)]
    return _book(path, rows)


def test_a_plain_end_in_the_notes_closes_a_row_with_no_stage_and_cites_the_note(tmp_path):
    sheets, _, _ = compute(_closing_book(tmp_path / "t.xlsx", _ENDED), today=TODAY)
    plan = sheets[0].plan
    for k, note in enumerate(_ENDED):
        row = k + 2
        assert plan.at[row, "status"] == "Closed", (note, plan.at[row, "status"], plan.at[row, "check"])
        assert [f.source for f in plan.at[row, "facts"] if f.kind == "closed"] == [f"Comments, E{row}"], note


def test_an_end_negated_hoped_feared_or_conditional_leaves_the_row_open(tmp_path):
    sheets, _, _ = compute(_closing_book(tmp_path / "t.xlsx", _STILL_OPEN), today=TODAY)
    plan = sheets[0].plan
    for k, note in enumerate(_STILL_OPEN):
        row = k + 2
        assert plan.at[row, "status"] not in ("Closed", "Check data"), (note, plan.at[row, "status"],
                                                                         plan.at[row, "check"])


def test_an_end_in_the_notes_beside_an_open_stage_cell_is_still_asked_about(tmp_path):
    sheets, _, _ = compute(_closing_book(tmp_path / "t.xlsx", _ENDED[:3], stage="Applied"), today=TODAY)
    assert set(sheets[0].plan["status"]) == {"Check data"}
