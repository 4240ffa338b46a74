"""The date applied under a header no list knows (rules §1): found by its values (mostly dates,
the earliest of their row) and its header's form (a word of date or day in any script), said in
`check` as a guess with its reasons; never a posting's, an interview's or a later date."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import write_sheets

from followup_sheet.checkreport import check
from followup_sheet.read import read_tracker

D = dt.date
TODAY = D(2026, 12, 7)


def _book(tmp_path, headers, first, second):
    """Three applications: `first` and `second` are each row's two dates, in header order."""
    rows = [(company, role, a, b, note) for (company, role, note), a, b in zip(
        [("Alpha", "A", "x"), ("Beta", "B", "y"), ("Gamma", "C", "z")], first, second)]
    return write_sheets(tmp_path / "t.xlsx", headers, {"Sheet1": rows})


EARLY = [D(2026, 11, 2), D(2026, 11, 4), D(2026, 11, 10)]
LATE = [D(2026, 11, 12), None, D(2026, 11, 20)]


@pytest.mark.parametrize("headers", [
    ("会社", "職種", "書類を出した日", "最終連絡日", "メモ"),       # Japanese: 日 (day) after words no list has
    ("회사", "직무", "서류 보낸 일자", "최근 연락 날짜", "메모"),     # Korean: 일자 (date)
    ("公司", "岗位", "发出的日子", "上次沟通", "备注"),             # Chinese: 日子 (day)
    ("公司名稱", "職缺", "寄出年月日", "最後聯繫日", "備註"),        # traditional: 年月日
    ("Firma", "Stelle", "Verschickt", "Letzter Kontakt", "Notizen"),  # no date word: the earliest dates
])
def test_a_date_column_under_an_unknown_header_is_the_date_applied(tmp_path, headers):
    path = _book(tmp_path, headers, EARLY, LATE)
    tracker = read_tracker(path)
    assert tracker.columns["applied_on"].header == headers[2]
    assert tracker.frame.loc[2, "applied_on"].date() == D(2026, 11, 2)
    said = "\n".join(check(path, today=TODAY).lines)
    assert "guessed" in said and headers[2] in said, said


@pytest.mark.parametrize("headers", [
    ("会社", "職種", "入社可能日", "最終連絡日", "メモ"),      # a start date: later than the row's other date
    ("Company", "Role", "Start", "Last Contact", "Notes"),
])
def test_a_date_column_later_than_the_rows_other_dates_is_not_the_date_applied(tmp_path, headers):
    path = _book(tmp_path, headers, [D(2027, 1, 5), D(2027, 2, 1), D(2027, 1, 20)], LATE)
    tracker = read_tracker(path)
    assert "applied_on" not in tracker.columns


@pytest.mark.parametrize("header", ["掲載日", "面接日程", "次回連絡日", "Days since"])
def test_a_postings_an_interviews_or_a_next_date_is_never_guessed_as_applied(tmp_path, header):
    path = _book(tmp_path, ("会社", "職種", header, "最終連絡日", "メモ"), EARLY, LATE)
    tracker = read_tracker(path)
    assert tracker.columns.get("applied_on") is None or tracker.columns["applied_on"].header != header


def test_a_column_of_words_under_a_day_header_is_not_guessed(tmp_path):
    path = _book(tmp_path, ("会社", "職種", "曜日", "最終連絡日", "メモ"), ["月", "火", "水"], LATE)
    tracker = read_tracker(path)
    assert "applied_on" not in tracker.columns


def test_notes_in_chinese_or_japanese_are_found_by_their_sentences_without_spaces(tmp_path):
    rows = [("Alpha", "A", D(2026, 11, 2), "营", "面完了对方说下周给结果"),
            ("Beta", "B", D(2026, 11, 4), "技", "人事から電話があったが出られなかった"),
            ("Gamma", "C", D(2026, 11, 10), "营", "投了以后一直没有消息")]
    path = write_sheets(tmp_path / "n.xlsx", ("公司", "职位", "投递日期", "部门", "一些想法"), {"Sheet1": rows})
    assert read_tracker(path).columns["notes"].header == "一些想法"


@pytest.mark.parametrize("header, field", [("心得/備註", "notes"), ("Thoughts / Notes", "notes"),
                                           ("窗口", "contact"), ("聯絡窗口", "contact")])
def test_a_header_joining_the_users_word_to_a_known_one_or_a_regional_word(header, field):
    from followup_sheet.headers import header_fields
    from followup_sheet.settings import Settings
    assert header_fields(["公司", "職缺", header], Settings()).get(field) == 2
