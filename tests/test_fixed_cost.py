"""What a small refresh pays whatever its size: work done once, or only when it is needed."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import numpy as np
import pandas as pd

from followup_sheet.settings import Settings
from followup_sheet.xlsx.styles import Styles

_PART = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         b'<fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts>'
         b'<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
         b'</fill><fill><patternFill patternType="solid"><fgColor rgb="FF00AA00"/><bgColor indexed="64"/>'
         b'</patternFill></fill></fills>'
         b'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
         b'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
         b'<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
         b'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
         b'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
         b'</styleSheet>')


def test_formats_are_found_where_the_part_first_has_them_and_appended_once():
    styles = Styles(_PART, "styles.xml", Settings())
    assert styles.date_xf() == 1                   # the first of the two equal formats, as before
    assert styles._fill("00AA00") == 2             # a fill the part already has
    wrap = styles.script_xf()
    assert wrap == 3 and styles.changed            # a new one goes at the end...
    fresh = Styles(styles.serialize() or b"", "styles.xml", Settings())
    assert fresh.script_xf() == wrap and not fresh.changed   # ...and the next run finds it there
    assert styles._fill("112233") == 3
    assert styles._fill("112233") == 3             # appended after the look-ups began: found, not added twice
    assert styles.xf(fill=3, top=True) == styles.xf(fill=3, top=True) == 4


def test_a_damaged_part_is_padded_to_the_highest_style_a_cell_uses():
    styles = Styles(_PART, "styles.xml", Settings(), highest_style=lambda past: 6)
    assert styles.script_xf() == 7                 # 3..6 kept plain for the cells that point there


def test_the_day_columns_are_plain_dates_and_none():
    from followup_sheet import facts

    days = pd.Series(pd.to_datetime(["2026-03-01 18:30", None, "1969-12-31 23:59", "2100-02-28 00:00"]))
    assert facts._dates(days) == [dt.date(2026, 3, 1), None, dt.date(1969, 12, 31), dt.date(2100, 2, 28)]
    assert facts._dates(np.array([], dtype="datetime64[ns]")) == []
    assert all(type(d) is dt.date for d in facts._dates(days) if d is not None)


def test_importing_the_refresh_reads_no_language_catalogue():
    code = ("import followup_sheet.pipeline, followup_sheet.markrules, followup_sheet.xlsx.marksheets\n"
            "from followup_sheet import catalogue\n"
            "print(catalogue.catalogue.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_a_first_refresh_reads_no_other_language_and_other_titles_are_still_known(make_tracker, tmp_path):
    code = ("import datetime as dt, sys\n"
            "from pathlib import Path\n"
            "from followup_sheet import catalogue, refresh\n"
            "refresh(Path(sys.argv[1]), today=dt.date(2026, 5, 4), output=Path(sys.argv[2]), backup=False)\n"
            "print(catalogue.catalogue.cache_info().currsize)")
    tracker = make_tracker([{"Company": "Lindqvist Bau", "Position": "Site planner",
                             "Date Applied": dt.date(2026, 4, 20), "Status": "Applied"},
                            {"Company": "Orsini Tessuti", "Position": "Buyer",
                             "Date Applied": dt.date(2026, 4, 27), "Status": "Applied"}])
    out = subprocess.run([sys.executable, "-c", code, str(tracker), str(tmp_path / "first.xlsx")],
                         capture_output=True, text=True, check=True).stdout
    assert int(out.strip()) <= 1            # English asked for, and no file of any other language read
    from followup_sheet.xlsx.values import LOG_MARKER, is_tool_sheet, today_marker

    german = today_marker("de")
    assert german != today_marker("en")
    assert is_tool_sheet([[german + " – 4. Mai 2026"]]) and is_tool_sheet([[LOG_MARKER]])
    assert not is_tool_sheet([["Bewerbungen " + german]]) and not is_tool_sheet([[None]]) and not is_tool_sheet([])


def test_a_sheet_read_whole_is_not_parsed_again_for_its_first_cell(make_tracker, tmp_path, monkeypatch):
    from followup_sheet import refresh
    from followup_sheet.xlsx import values

    tracker = make_tracker([{"Company": "Vasquez Mill", "Position": "Scheduler", "Date Applied": dt.date(2026, 4, 20),
                             "Status": "Applied"}])
    parsed: list[str] = []
    real = values.SheetValues.sheet

    def counted(self, info):
        if info.name not in self._sheets:
            parsed.append(info.name)
        return real(self, info)

    monkeypatch.setattr(values.SheetValues, "sheet", counted)
    refresh(tracker, today=dt.date(2026, 5, 4), output=tmp_path / "once.xlsx", backup=False)
    assert parsed and len(parsed) == len(set(parsed)), parsed      # each sheet parsed once
    parsed.clear()
    refresh(tmp_path / "once.xlsx", today=dt.date(2026, 5, 5), output=tmp_path / "twice.xlsx", backup=False)
    assert parsed and len(parsed) == len(set(parsed)), parsed


def test_the_first_row_kept_from_a_whole_read_is_the_one_calamine_gives(tmp_path):
    import openpyxl

    from followup_sheet.xlsx.package import open_package
    from followup_sheet.xlsx.values import SheetValues

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Offset"
    sheet["C3"], sheet["D3"], sheet["C4"] = "Follow-up Today", 7, "below"
    book.create_sheet("Blank")
    book.save(tmp_path / "offset.xlsx")
    pkg = open_package(tmp_path / "offset.xlsx")
    for info in pkg.sheets:
        fresh = SheetValues(pkg).sheet(info).to_python(nrows=1)
        kept = SheetValues(pkg)
        kept.grid(info)
        assert kept.first_row(info) == fresh, info.name
    first = SheetValues(pkg)
    first.grid(pkg.sheets[0])
    assert first.first_row(pkg.sheets[0])[0][:2] == ["Follow-up Today", 7]


def test_a_plain_refresh_imports_neither_babel_nor_difflib(make_tracker, tmp_path):
    code = ("import datetime as dt, sys\n"
            "from pathlib import Path\n"
            "from followup_sheet import refresh\n"
            "refresh(Path(sys.argv[1]), today=dt.date(2026, 5, 4), output=Path(sys.argv[2]), backup=False)\n"
            "print(sorted(m for m in ('babel', 'difflib') if m in sys.modules))")
    tracker = make_tracker([{"Company": "Brennan Joinery", "Position": "Estimator",
                             "Date Applied": dt.date(2026, 4, 20), "Status": "Applied"}])
    out = subprocess.run([sys.executable, "-c", code, str(tracker), str(tmp_path / "plain.xlsx")],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"      # Babel's place names only for a company name that needs them; diffs for a dry run


def _inflations(monkeypatch) -> list[str]:
    """The worksheet parts a refresh inflates, one entry each time."""
    from followup_sheet.xlsx import sheetxml

    opened: list[str] = []

    class Counted(sheetxml.Unpadded):
        def __init__(self, src):
            opened.append(src.name)
            super().__init__(src)

    monkeypatch.setattr(sheetxml, "Unpadded", Counted)
    return opened


_ROWS = [{"Company": "Vasquez Tiling", "Position": "Estimator", "Date Applied": dt.date(2026, 10, 5),
          "Status": "Applied", "Notes": "rang the office, left a message"},
         {"Company": "Nordhavn Ferries", "Position": "Dispatcher", "Date Applied": dt.date(2026, 11, 2),
          "Status": "Interview", "Notes": "panel on the 12th"}]


def test_the_tracker_sheet_is_inflated_once_for_its_scan_and_its_write(make_tracker, tmp_path, monkeypatch):
    from followup_sheet import refresh

    tracker = make_tracker(_ROWS)
    opened = _inflations(monkeypatch)
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    refresh(tracker, today=dt.date(2026, 11, 26), output=first, backup=False)
    assert opened == ["xl/worksheets/sheet1.xml"]
    # above the limit the sheet is read again for the write, and the file is the same
    monkeypatch.setattr("followup_sheet.xlsx.sheetxml.KEEP_SHEETS_UP_TO", 0)
    opened.clear()
    refresh(tracker, today=dt.date(2026, 11, 26), output=second, backup=False)
    assert opened.count("xl/worksheets/sheet1.xml") == 2
    assert first.read_bytes() == second.read_bytes()
