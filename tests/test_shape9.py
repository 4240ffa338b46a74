"""Trackers of other shapes: an application written over two rows (the second holding only words),
and dates exported with the time of day after them."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest

from followup_sheet.pipeline import compute
from followup_sheet.read import read_tracker
from followup_sheet.settings import Settings

D = dt.datetime


def _book(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Jobs"
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_the_second_row_of_an_application_is_its_notes(tmp_path):
    path = _book(tmp_path / "pairs.xlsx", [
        ["Firm", "Job", "Sent", "Where it's at", "Remarks"],
        ["Alder Mills", "Buyer", D(2026, 11, 20), "Applied", ""],
        ["", "their hr rang back 12/3 and booked a video call", None, "", ""],
        ["Birchway", "Planner", D(2026, 11, 23), "Applied", "portal only"],
        ["", "", None, "", "no reply"],
        ["", "", None, "", "nudged them on linkedin"],
        ["Cedar Row", "Analyst", D(2026, 11, 25), "Applied", ""],
        ["", "Clerk", D(2026, 11, 26), "", ""],             # a dated row of its own: an application
        ["Dovecote", "Porter", D(2026, 11, 27), "Applied", ""],
        [],
        ["", "a line below the table, not a note", None, "", ""],
    ])
    t = read_tracker(path)
    notes = t.frame["notes"]
    assert "video call" in notes[2]
    assert notes[4].startswith("portal only") and "no reply" in notes[4] and "linkedin" in notes[4]
    assert not {3, 5, 6, 11} & set(t.frame.index)
    assert 8 in t.frame.index and t.frame.at[8, "position"] == "Clerk"
    assert notes[7] == "" and notes[9] == ""
    assert not any(s.startswith(("Row 3:", "Row 5:", "Row 6:")) for s in t.skipped_rows)
    assert any("two rows per application" in n and "3, 5, 6" in n for n in t.notes)


def test_words_under_an_application_change_what_it_is_owed(tmp_path):
    path = _book(tmp_path / "pairs.xlsx", [
        ["Organisation", "Role", "Date Applied", "Stage"],
        ["Dunmore Labs", "Technician", D(2026, 11, 9), "Applied"],
        ["", "turned down by email, they hired internally", None, ""],
        ["Elmstead", "Porter", D(2026, 12, 1), "Applied"],
    ])
    outcome = compute(path, settings=Settings(), today=dt.date(2026, 12, 7))[0][0]
    assert list(outcome.plan.index) == [2, 4]
    assert outcome.plan.loc[2, "status"] == "Check data"      # the notes say it is over; the stage does not
    assert "turned down" in outcome.scripts[2]
    assert outcome.plan.loc[4, "status"] == "Due soon"


@pytest.mark.parametrize("text", [
    "December 3, 2026 11:00 AM",         # a Notion or Airtable export
    "3 Dec 2026, 14:30",
    "2026-12-03T09:15:00Z",              # an ISO timestamp from an API export
    "Thursday, December 3, 2026 9:02 PM",
    "03.12.2026 9h30",
    "Dec 3, 2026 at 2pm",
])
def test_a_date_with_its_time_of_day_is_that_date(tmp_path, text):
    path = _book(tmp_path / "stamps.xlsx", [
        ["Company", "Position", "Date Applied", "Last Contact"],
        ["Fenwick", "Editor", "November 20, 2026 8:15 AM", text],
        ["Gorsedale", "Writer", "November 23, 2026 5:40 PM", "December 1, 2026 10:05 AM"],
    ])
    t = read_tracker(path)
    assert t.frame.at[2, "last_contact"] == pd.Timestamp(2026, 12, 3)
    assert t.frame.at[2, "applied_on"] == pd.Timestamp(2026, 11, 20)
    assert (t.frame["problem"] == "").all()


@pytest.mark.parametrize("headings", [
    ["Ideas", "Sent", "Screening", "Interviews", "Offers", "No"],
    ["To apply", "Applied", "Interview", "Rejected"],
])
def test_a_board_of_stages_is_refused_with_where_and_how(tmp_path, headings):
    from followup_sheet.errors import FollowupError
    from followup_sheet.pipeline import refresh

    rows = [["Where my applications are"], headings,
            ["Harrowgate"] + ["Lindqvist AB"] * (len(headings) - 1),
            ["", "Mossley & Co"] + [""] * (len(headings) - 2)]
    path = _book(tmp_path / "board.xlsx", rows)
    before = path.read_bytes()
    with pytest.raises(FollowupError) as err:
        refresh(path, today=dt.date(2026, 12, 7), settings=Settings())
    said = str(err.value)
    last = chr(ord("A") + len(headings) - 1)
    assert "board.xlsx" in said and "'Jobs'" in said and f"A2:{last}2" in said and f"A3:{last}4" in said
    assert "one row per application" in said
    assert path.read_bytes() == before


def test_tick_boxes_under_stage_headings_are_no_board(tmp_path):
    path = _book(tmp_path / "ticks.xlsx", [
        ["Firm", "Date", "Applied", "Interview", "Offer", "Rejected"],
        ["Nettlebed", D(2026, 11, 2), True, True, False, False],
        ["Oxhey", D(2026, 11, 3), True, False, False, True],
    ])
    t = read_tracker(path)
    assert list(t.frame["company"]) == ["Nettlebed", "Oxhey"]


def test_an_export_stamp_on_every_record_is_not_the_users_own_cell(tmp_path):
    rows = [["Company", "Position", "Date Applied", "Stage", "Created", "Notes"],
            ["Hawthorn Ltd", "Clerk", "November 24, 2026", "Applied", "November 24, 2026 9:12 PM", "via site"],
            ["Ivybridge", "Porter", "November 30, 2026", "Applied", "November 30, 2026 7:03 AM", ""],
            ["Jessop & Daughters", "", "", "", "December 2, 2026 6:45 PM", ""]]
    t = read_tracker(_book(tmp_path / "export.xlsx", rows))
    assert list(t.frame.index) == [2, 3]
    assert any(s.startswith("Row 4:") for s in t.skipped_rows)
    rows[3][4] = "looked at their site, apply?"            # a word of the user's own: an application
    rows[0][4] = "Thoughts"
    for r in rows[1:3]:
        r[4] = ""
    t = read_tracker(_book(tmp_path / "own.xlsx", rows))
    assert 4 in t.frame.index


@pytest.mark.parametrize("shown, typed, day", [
    ("dd/mm/yyyy hh:mm", "10/12", dt.date(2026, 12, 10)),
    ("d/m/yy", "10/12", dt.date(2026, 12, 10)),
    ("mm/dd/yyyy", "12/10", dt.date(2026, 12, 10)),
])
def test_the_format_real_dates_are_shown_in_reads_the_notes_dates(tmp_path, shown, typed, day):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Company", "Position", "Applied", "Notes"])
    ws.append(["Kilnsey Ltd", "Surveyor", D(2026, 11, 16, 10, 30), f"second interview on {typed}"])
    ws.append(["Langdale", "Planner", D(2026, 11, 27, 15, 5), ""])
    for r in (2, 3):
        ws.cell(r, 3).number_format = shown
    path = tmp_path / "shown.xlsx"
    wb.save(path)
    o = compute(path, settings=Settings(), today=dt.date(2026, 12, 7))[0][0]
    assert o.plan.loc[2, "status"] == "Waiting"
    assert o.plan.loc[2, "due"].date() > day                     # no call before the interview day
    assert day.strftime("%B") + f" {day.day}" in o.scripts[2]


def test_a_legend_beside_the_table_is_no_second_row(tmp_path):
    path = _book(tmp_path / "legend.xlsx", [
        ["Company", "Role", "Applied", "Stage", "Notes", None, "Key"],
        ["Moorfield", "Welder", D(2026, 11, 20), "Applied", "", None, "Offer"],
        ["", "", None, "", "", None, "Final round"],
        ["Nantwich", "Fitter", D(2026, 11, 23), "Applied", "", None, ""],
    ])
    t = read_tracker(path)
    assert list(t.frame["notes"]) == ["", ""]


def test_a_row_number_and_a_rating_alone_make_no_application(tmp_path):
    path = _book(tmp_path / "rated.xlsx", [
        ["No.", "Priority", "Company", "Role", "Applied", "Status"],
        [1, "★★★", "Oakhanger", "Buyer", D(2026, 11, 20), "Applied"],
        [2, "!!", "Pelsall", "", None, ""],
        [3, "☆", "Quarndon", "", None, ""],
        [4, "★★", "Rainow", "", None, "Applied"],          # a stage of its own: an application
    ])
    t = read_tracker(path)
    assert list(t.frame["company"]) == ["Oakhanger", "Rainow"]
    assert any(s.startswith("Row 3:") for s in t.skipped_rows)


def test_a_columns_display_format_is_read_from_its_first_rows(tmp_path):
    # (the majority of the first rows below the header: a 10,000-row sheet's every cell took 0.1 s
    # for the same answer; a column switched to another format further down keeps its first one)
    from followup_sheet.xlsx.formats import column_format_orders
    from followup_sheet.xlsx.package import open_package
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Company", "Position", "Applied"])
    for r in range(2, 1203):
        ws.append([f"Firm {r}", "Clerk", D(2026, 11, 16)])
        ws.cell(r, 3).number_format = "dd/mm/yyyy" if r < 400 else "mm/dd/yyyy"
    path = tmp_path / "long.xlsx"
    wb.save(path)
    pkg = open_package(path)
    assert column_format_orders(pkg, "xl/worksheets/sheet1.xml", {3}, 1)[3][0] == "dmy"
    assert column_format_orders(pkg, "xl/worksheets/sheet1.xml", {3}, 1, rows=10**6)[3][0] == "mdy"
