"""A sheet laid out like the tracker that the user keeps as an archive (rules §1, docs/rules.md
"Which sheets"): only the sheet the user works in is refreshed; the archive, found by its name,
its grey tab, every row on it being closed, or an earlier year, stays byte for byte as it was,
unless `--sheet` names it."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import set_cell

from followup_sheet.pipeline import refresh
from followup_sheet.read import read_trackers
from followup_sheet.settings import Settings

MONDAY = dt.date(2026, 12, 7)
ME = Settings(your_name="Aoife Brennan", your_phone="087 555 0199", country="IE")
HEADERS = ("Org", "Role", "Applied on", "Status", "Who", "Comments")
LIVE = [
    ("Shannon Freight", "Transport Planner", dt.date(2026, 11, 24), "Applied", "Ciara", "rang them, no joy"),
    ("Midlands Cold Store", "Logistics Planner", dt.date(2026, 11, 30), "Interview", "Declan", "1st int Thurs"),
]
# more rows than the live sheet, so it would win on size alone
OLD = [(f"Depot {n}", "Shift Lead", dt.date(2025, 3, n), "Rejected" if n % 2 else "Applied", "", "")
       for n in range(1, 9)]


def _book(path: Path, sheets: dict[str, list[tuple]], tabs: dict[str, str] | None = None,
          active: int = 0) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for col, header in enumerate(HEADERS, start=1):
            set_cell(ws.cell(1, col), header)
        for r, values in enumerate(rows, start=2):
            for col, value in enumerate(values, start=1):
                set_cell(ws.cell(r, col), value)
                if isinstance(value, dt.date):
                    ws.cell(r, col).number_format = "dd/mm/yyyy"
        if tabs and name in tabs:
            ws.sheet_properties.tabColor = tabs[name]
    wb.active = active
    wb.save(path)
    return path


def _sheet_parts(path: Path) -> dict[str, bytes]:
    """Each sheet's name and the bytes of its worksheet part."""
    wb = openpyxl.load_workbook(path, read_only=True)
    names = wb.sheetnames
    wb.close()
    with zipfile.ZipFile(path) as z:
        return {name: z.read(f"xl/worksheets/sheet{k}.xml") for k, name in enumerate(names, start=1)
                if f"xl/worksheets/sheet{k}.xml" in z.namelist()}


@pytest.mark.parametrize(("name", "tabs", "rows"), [
    ("Archive", None, OLD),
    ("Old apps", None, OLD),
    ("Closed", None, OLD),
    ("Sheet2", {"Sheet2": "FFA6A6A6"}, OLD),                        # a grey tab
    ("Sheet2", None, [r[:3] + ("Rejected",) + r[4:] for r in OLD]),  # every row closed
])
def test_an_archive_beside_the_tracker_is_left_byte_for_byte(tmp_path, name, tabs, rows):
    path = _book(tmp_path / "jobs.xlsx", {"Current": LIVE, name: rows}, tabs)
    before = _sheet_parts(path)[name]
    out = tmp_path / "out.xlsx"
    refresh(path, today=MONDAY, settings=ME, output=out)
    after = _sheet_parts(out)
    assert after[name] == before                                   # the archive is untouched
    wb = openpyxl.load_workbook(out)
    header = [c.value for c in wb["Current"][1]]
    assert "Follow-up Status" in header                            # the live sheet is refreshed
    assert "Follow-up Status" not in [c.value for c in wb[name][1]]


def test_the_sheet_the_user_works_in_wins_over_a_bigger_archive(tmp_path):
    path = _book(tmp_path / "jobs.xlsx", {"Archive": OLD, "Current": LIVE}, active=0)
    trackers = read_trackers(path, ME)
    assert [t.sheet for t in trackers] == ["Current"]
    assert any("archive" in r and "'Archive'" in r for r in trackers[0].reasons)   # `check` says so


def test_an_earlier_year_is_an_archive_and_a_sheet_a_month_is_not(tmp_path):
    path = _book(tmp_path / "years.xlsx", {"2025": OLD, "2026": LIVE})
    assert [t.sheet for t in read_trackers(path, ME)] == ["2026"]
    # one sheet a month, one of them all closed: the tracker going on, every month read
    path = _book(tmp_path / "months.xlsx", {"Oct": [r[:3] + ("Rejected",) + r[4:] for r in OLD[:2]],
                                            "Nov": LIVE})
    assert sorted(t.sheet for t in read_trackers(path, ME)) == ["Nov", "Oct"]


def test_the_archive_is_refreshed_when_named(tmp_path):
    path = _book(tmp_path / "jobs.xlsx", {"Current": LIVE, "Archive": OLD})
    out = tmp_path / "out.xlsx"
    refresh(path, today=MONDAY, settings=ME, output=out, sheet="Archive")
    wb = openpyxl.load_workbook(out)
    assert "Follow-up Status" in [c.value for c in wb["Archive"][1]]
    assert "Follow-up Status" not in [c.value for c in wb["Current"][1]]
