"""A date no job search has (a typo year like 2300, a stand-in like 9999-12-31, a year with digits
missing) in the tracker's own date columns: that row is Check data with its cell named, and every
other row is planned as usual. Before, one such cell stopped the whole tracker with an internal
error (pandas cannot hold it as datetime64[ns]).
"""

from __future__ import annotations

import datetime as dt
import gc

import openpyxl
import pytest
from conftest import TODAY, write_tracker

from followup_sheet.cli import main

DAY = TODAY.isoformat()


@pytest.fixture(autouse=True)
def _collector_back_on():
    yield
    gc.enable()   # `main` turns it off for one-shot commands


# (header of the column, what the user typed or stored, the cell) for the row of 'Northwind'
FAR = [
    ("Date Applied", dt.datetime(2300, 6, 2), "C3"),          # a real date cell, 2300 for 2030
    ("Date Applied", dt.datetime(9999, 12, 31), "C3"),        # Excel's last day, as "no date"
    ("Date Applied", "9999-12-31", "C3"),
    ("Date Applied", "2/11/2602", "C3"),
    ("Date Applied", "0026-11-03", "C3"),                     # the century left out
    ("Date Applied", "March 3, 2263", "C3"),
    ("Last Contact", dt.datetime(2262, 4, 12), "E3"),         # one day past what datetime64[ns] holds
    ("Last Contact", "31.12.9999", "E3"),
    ("Next Follow-up Date", dt.datetime(3026, 1, 8), "F3"),
]


def tracker(tmp_path, header: str, value) -> openpyxl.Workbook:
    rows = [
        {"Company": "Fabrikam", "Position": "Buyer", "Date Applied": dt.date(2026, 11, 9), "Status": "Applied"},
        {"Company": "Northwind", "Position": "Planner", "Date Applied": dt.date(2026, 11, 2), "Status": "Applied"},
        {"Company": "Tailspin", "Position": "Clerk", "Date Applied": dt.date(2026, 11, 12), "Status": "Applied"},
    ]
    rows[1][header] = value
    return write_tracker(tmp_path / "hunt.xlsx", rows,
                         headers=["Company", "Position", "Date Applied", "Status", "Last Contact",
                                  "Next Follow-up Date"])


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("header, value, cell", FAR)
def test_a_far_date_marks_its_row_and_names_the_cell(tmp_path, capsys, header, value, cell):
    path = tracker(tmp_path, header, value)
    code, out, err = run(capsys, "refresh", path, "--today", DAY, "--no-backup")
    assert code == 0, err
    assert "internal error" not in err and "Traceback" not in err
    said = [line for line in out.splitlines() if cell in line]
    assert len(said) == 1 and "Row 3" in said[0] and header in said[0] and "2026-03-10" in said[0], out
    ws = openpyxl.load_workbook(path)["Applications"]
    status = {ws.cell(r, 1).value: ws.cell(r, 7).value for r in range(2, 5)}
    assert ws.cell(1, 7).value == "Follow-up Status"
    assert status["Northwind"] == "Check data"
    assert status["Fabrikam"] != "Check data" and status["Tailspin"] != "Check data", status

    code, out, err = run(capsys, "check", path, "--today", DAY)
    assert code == 1 and "internal error" not in err, err
    assert f"({cell})" in out


# (a date after today is read, then named as a typo in an applied date: rules §1; a pinned one is fine)
@pytest.mark.parametrize("header,value", [("Date Applied", dt.datetime(1900, 3, 1)),
                                          ("Next Follow-up Date", dt.datetime(2199, 12, 31)),
                                          ("Next Follow-up Date", "2199-12-31")])
def test_dates_up_to_the_limits_are_read(tmp_path, capsys, header, value):
    path = tracker(tmp_path, header, value)
    code, out, err = run(capsys, "check", path, "--today", DAY)
    assert code == 0, out + err
    assert "C3" not in out and "F3" not in out


def test_a_column_of_far_dates_is_still_a_date_column(tmp_path, capsys):
    """A vague header ('Last Contact') is dropped when its cells are not dates; a cell that is a
    date with a wrong year is a date all the same, and its row is the one to fix."""
    path = tracker(tmp_path, "Last Contact", dt.datetime(2300, 1, 5))
    code, out, _ = run(capsys, "check", path, "--today", DAY)
    assert code == 1
    assert "holds words" not in out
    assert "'Last Contact' (E3) is '2300-01-05'" in out
