"""A live workbook: refreshed on one day, opened in LibreOffice on later days (the clock moved
with libfaketime), its statuses read what `refresh --today LATER` writes; colours follow by
conditional formats; cached values for readers that do not calculate; user text never a formula.

LibreOffice recalculates TODAY() (volatile) on load anyway; the profile also sets "recalculate
on load: always" for Excel files (OOXMLRecalcMode = 0), so the whole chain is recomputed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import TODAY, write_tracker

from followup_sheet.errors import BadSettings
from followup_sheet.pipeline import refresh
from followup_sheet.settings import DEFAULT_FILLS, load_settings

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FAKETIME = shutil.which("faketime")
ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
HOSTILE = '=HYPERLINK("http://example.com","click")'

d = dt.date
# TODAY is Thu 2026-11-26; Tue 2026-12-01 is a holiday in the settings below.
ROWS = [
    {"Company": "Acme", "Date Applied": d(2026, 11, 16), "Status": "Applied"},          # due Mon 11-23
    {"Company": "Beta", "Date Applied": d(2026, 11, 19), "Status": "Applied"},          # due 11-26
    {"Company": "Gamma", "Date Applied": d(2026, 11, 20), "Status": "Applied"},         # due 11-27
    {"Company": "Delta", "Date Applied": d(2026, 11, 25), "Status": "Applied"},         # due 12-03
    # due 12-02: soon only with the holiday
    {"Company": "Kappa", "Date Applied": d(2026, 11, 24), "Status": "Applied"},
    {"Company": "Lambda", "Date Applied": d(2026, 11, 2), "Last Contact": d(2026, 11, 25), "Status": "Interview"},
    {"Company": "Omega", "Date Applied": d(2026, 11, 2), "Last Contact": d(2026, 11, 26), "Status": "Offer"},
    {"Company": "Capped", "Date Applied": d(2026, 11, 10), "Last Contact": d(2026, 11, 24), "Follow-ups": 3,
     "Status": "Applied"},                                                               # last follow-up due 12-04
    {"Company": "Pinned", "Date Applied": d(2026, 8, 3), "Follow Up On": d(2026, 12, 2), "Status": "Applied"},
    {"Company": "Aging", "Date Applied": d(2026, 10, 1), "Status": "Applied"},          # cold from 12-01
    {"Company": "Gone", "Date Applied": d(2026, 6, 1), "Status": "Applied"},
    {"Company": "Epsilon", "Date Applied": d(2026, 11, 2), "Status": "Rejected"},
    {"Company": "Zeta", "Status": "Wishlist"},
    {"Company": "Eta", "Status": "Applied", "Notes": "call Monday"},
    {"Company": HOSTILE, "Date Applied": d(2026, 11, 23), "Status": "Applied", "Notes": "=1+2"},
]
HEADERS = ["Company", "Date Applied", "Last Contact", "Follow-ups", "Follow Up On", "Status", "Notes"]
TOML = '[cadence]\nholidays = ["2026-12-01", "2026-11-13"]\n'   # the second one is past
LATER = [TODAY, d(2026, 11, 27), d(2026, 11, 28), d(2026, 12, 1), d(2026, 12, 2), d(2026, 12, 3), d(2027, 2, 15)]


def make_tracker(folder: Path, live: bool | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    toml = TOML + ("" if live is None else f"[saving]\nlive = {str(live).lower()}\n")
    (folder / "followup.toml").write_text(toml)
    return write_tracker(folder / "tracker.xlsx", ROWS, headers=HEADERS)


def plain_statuses(folder: Path, day: dt.date) -> dict[str, str]:
    """What `refresh --today day` writes, with plain values."""
    path = make_tracker(folder, live=False)
    refresh(path, today=day, backup=False)
    return statuses(path)


def statuses(path: Path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path, data_only=True)["Applications"]
    header = [c.value for c in ws[1]]
    col = header.index("Follow-up Status")
    return {row[0]: row[col] for row in ws.iter_rows(min_row=2, values_only=True) if row[0]}


def sheet_xml(path: Path, part: str = "xl/worksheets/sheet1.xml") -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(part).decode()


def soffice_csv(path: Path, day: dt.date, tmp: Path) -> dict[str, list[list[str]]]:
    """Every sheet of `path` as LibreOffice computes it on `day` (the clock faked)."""
    if SOFFICE is None or FAKETIME is None:
        pytest.skip("needs LibreOffice (soffice) and libfaketime (faketime)")
    profile = tmp / "profile"
    user = profile / "user"
    if not user.exists():
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" '
            'oor:op="fuse"><value>0</value></prop></item></oor:items>\n')
    out = tmp / f"csv-{day}"
    proc = subprocess.run(
        [FAKETIME, f"{day:%Y-%m-%d} 10:00:00", SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--norestore", "--convert-to", ALL_SHEETS, "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    sheets = {}
    for f in sorted(out.glob("*.csv")):
        with open(f, newline="", encoding="utf-8") as fh:
            sheets[f.stem[len(path.stem) + 1:]] = list(csv.reader(fh))
    assert sheets, proc.stdout + proc.stderr
    return sheets


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The tracker refreshed on TODAY, live (the default)."""
    folder = tmp_path_factory.mktemp("live")
    path = make_tracker(folder)
    refresh(path, today=TODAY, backup=False)
    return path


def test_the_rows_cover_every_move(tmp_path):
    """Guards the test data: on TODAY and the later days, every moving status occurs, and rows
    move from one to another (else the LibreOffice test below would prove little)."""
    first = plain_statuses(tmp_path / "a", TODAY)
    assert {"Overdue", "Due today", "Due soon", "Waiting", "Gone cold", "Closed", "Not applied",
            "Check data"} <= set(first.values())
    moved = plain_statuses(tmp_path / "b", d(2026, 12, 3))
    assert {c for c in first if first[c] != moved[c]} >= {"Gamma", "Delta", "Capped", "Pinned", "Aging", "Kappa"}
    assert plain_statuses(tmp_path / "c", d(2026, 11, 27))["Kappa"] == "Due soon"   # the holiday counts


@pytest.mark.libreoffice
@pytest.mark.parametrize("day", LATER, ids=str)
def test_libreoffice_on_a_later_day_reads_that_days_statuses(built, tmp_path, day):
    sheets = soffice_csv(built, day, tmp_path)
    rows = sheets["Applications"]
    col = rows[0].index("Follow-up Status")
    got = {r[0]: r[col] for r in rows[1:] if r and r[0]}
    assert got == plain_statuses(tmp_path / "plain", day)
    notice = " ".join(sheets["Today"][0])
    if day > TODAY:
        assert "Built on Thursday, November 26; refresh for today's list" in notice
    else:
        assert "Built on" not in notice


def test_status_cells_hold_formulas_with_the_cached_status(built, tmp_path):
    xml = sheet_xml(built)
    plain = plain_statuses(tmp_path, TODAY)
    moving = {c for c, s in plain.items() if s in ("Overdue", "Due today", "Due soon", "Waiting")}
    cells = re.findall(r'<c r="([A-Z]+)(\d+)"[^>]*t="str"><f>([^<]*)</f><v>([^<]*)</v></c>', xml)
    ws = openpyxl.load_workbook(built)["Applications"]
    status_col = [c.value for c in ws[1]].index("Follow-up Status") + 1
    by_row = {int(r): (col, f, v) for col, r, f, v in cells}
    for r in range(2, ws.max_row + 1):
        company = ws.cell(r, 1).value
        value = ws.cell(r, status_col).value
        if company in moving:
            assert r in by_row and by_row[r][2] == plain[company], company
            assert isinstance(value, str) and value.startswith("=IF("), company
        else:
            assert value == plain[company] and r not in by_row, company
    assert statuses(built) == plain                      # openpyxl's cached values
    frame = pd.read_excel(built, sheet_name="Applications", engine="calamine")
    assert dict(zip(frame["Company"], frame["Follow-up Status"])) == plain


def test_formulas_use_only_documented_functions_and_no_user_text(built):
    with zipfile.ZipFile(built) as zf:
        parts = {n: zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/")}
    formulas = [f for xml in parts.values() for f in re.findall(r"<f>([^<]*)</f>", xml)]
    assert formulas
    names = {n for f in formulas for n in re.findall(r"([A-Z][A-Z0-9.]*)\(", f.replace("&quot;", '"'))}
    assert names <= {"IF", "OR", "AND", "TODAY", "DATE", "WORKDAY"}, names
    for f in formulas:
        text = re.sub(r'"[^"]*"', '""', f.replace("&gt;", ">").replace("&lt;", "<"))
        assert "HYPERLINK" not in f and "1+2" not in f
        assert re.fullmatch(r"[A-Z0-9(),<>=+\-{}\"]*", text), f   # references, numbers, our words only
    ws = openpyxl.load_workbook(built)["Applications"]
    hostile = [c for row in ws.iter_rows() for c in row if c.value in (HOSTILE, "=1+2")]
    assert len(hostile) == 2 and all(c.data_type == "s" for c in hostile)


def test_colours_follow_the_value_by_conditional_formats(built):
    wb = openpyxl.load_workbook(built)
    ws = wb["Applications"]
    status_col = [c.value for c in ws[1]].index("Follow-up Status") + 1
    letter = openpyxl.utils.get_column_letter(status_col)
    status_cells = {f"{letter}{r}" for r in range(2, ws.max_row + 1) if ws.cell(r, status_col).value}
    found = {}
    for rng in ws.conditional_formatting:
        cells = {c for part in str(rng.sqref).split() for row in ws[part] for c in
                 [x.coordinate for x in (row if isinstance(row, tuple) else (row,))]}
        for rule in rng.rules:
            if rule.type == "cellIs" and rule.operator == "equal":
                found[rule.formula[0].strip('"')] = (cells, rule.dxf.fill.bgColor.rgb, rule.dxf.fill.fgColor.rgb)
    assert set(found) == set(DEFAULT_FILLS)
    for status, (cells, bg, fg) in found.items():
        assert cells == status_cells, status
        assert bg == fg == "FF" + DEFAULT_FILLS[status], status
    xml = sheet_xml(built)   # the static fills stay for readers that do not evaluate formats
    assert 's="' in re.search(rf'<c r="{letter}2"[^>]*>', xml).group()


def test_the_users_conditional_formats_stay_first_and_ours_are_not_repeated(tmp_path):
    folder = tmp_path / "cf"
    path = make_tracker(folder)
    wb = openpyxl.load_workbook(path)
    ws = wb["Applications"]
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import PatternFill
    ws.conditional_formatting.add("A2:A20", FormulaRule(formula=['ISNUMBER(SEARCH("a",A2))'],
                                                        fill=PatternFill("solid", bgColor="FF00FF00")))
    ws.conditional_formatting.add("F2:F20", CellIsRule(operator="equal", formula=['"Offer"'],
                                                       fill=PatternFill("solid", bgColor="FF0000FF")))
    wb.save(path)
    refresh(path, today=TODAY, backup=False)
    first = path.read_bytes()
    xml = sheet_xml(path)
    blocks = re.findall(r'<conditionalFormatting sqref="([^"]*)">(.*?)</conditionalFormatting>', xml)
    assert [b[0] for b in blocks][:2] == ["A2:A20", "F2:F20"] and len(blocks) == 3
    priorities = [int(p) for p in re.findall(r'priority="(\d+)"', xml)]
    assert len(set(priorities)) == len(priorities) and priorities[:2] == [1, 2]
    refresh(path, today=TODAY, backup=False)
    assert path.read_bytes() == first                    # byte-identical on the same day
    refresh(path, today=d(2026, 12, 3), backup=False)
    assert len(re.findall(r"<conditionalFormatting ", sheet_xml(path))) == 3
    with zipfile.ZipFile(path) as zf:
        styles = zf.read("xl/styles.xml").decode()
    dxfs = re.search(r'<dxfs count="(\d+)">(.*?)</dxfs>', styles)
    assert int(dxfs.group(1)) == dxfs.group(2).count("<dxf>") == 2 + len(DEFAULT_FILLS)


def test_a_second_refresh_on_the_same_day_is_byte_identical(built, tmp_path):
    copy = tmp_path / "again.xlsx"
    shutil.copy(built, copy)
    shutil.copy(built.parent / "followup.toml", tmp_path / "followup.toml")
    result = refresh(copy, today=TODAY, backup=False)
    assert not result.changed and copy.read_bytes() == built.read_bytes()


def test_live_off_writes_plain_values_and_takes_ours_away(tmp_path):
    off = make_tracker(tmp_path / "off", live=False)
    refresh(off, today=TODAY, backup=False)
    xml = sheet_xml(off)
    assert "<f>" not in xml and "conditionalFormatting" not in xml
    assert "<f>" not in sheet_xml(off, "xl/worksheets/sheet2.xml")      # the Today sheet
    with zipfile.ZipFile(off) as zf:
        assert b"<dxf>" not in zf.read("xl/styles.xml")
    # on, then off again: the same bytes as never on
    toggled = make_tracker(tmp_path / "toggled", live=True)
    refresh(toggled, today=TODAY, backup=False)
    assert "<f>" in sheet_xml(toggled)
    (tmp_path / "toggled" / "followup.toml").write_text(TOML + "[saving]\nlive = false\n")
    refresh(toggled, today=TODAY, backup=False)
    assert sheet_xml(toggled) == xml


def test_live_setting_is_parsed_and_checked(tmp_path):
    (tmp_path / "followup.toml").write_text("[saving]\nlive = false\n")
    assert load_settings(tmp_path / "t.xlsx").live is False
    assert load_settings(tmp_path / "t2.xlsx", config=None).live is False
    (tmp_path / "followup.toml").write_text('[saving]\nlive = "no"\n')
    with pytest.raises(BadSettings, match="live must be true or false"):
        load_settings(tmp_path / "t.xlsx")


def test_the_today_sheet_keeps_its_marker_and_says_when_it_was_built(built):
    ws = openpyxl.load_workbook(built)["Today"]
    assert ws["A1"].value.startswith("followup-sheet: today's calls, built Thursday 26 November 2026")
    notice = ws["H1"].value   # above the scripts, with the instructions
    instructions = ("Mark each call in Done and Outcome (and Date or Name where the outcome asks for one); "
                    "the next refresh applies the marks to your tracker and rebuilds this sheet.")
    assert notice == ('=IF(TODAY()>DATE(2026,11,26),"Built on Thursday, November 26; refresh for today\'s list. '
                      f'{instructions}","{instructions}")')
    assert all(len(piece) < 255 for piece in re.findall(r'"([^"]*)"', notice))   # Excel's limit per text
    assert openpyxl.load_workbook(built, data_only=True)["Today"]["H1"].value.startswith("Mark each call")


def test_a_1904_workbook_gets_its_holidays_as_1904_serials(tmp_path):
    path = make_tracker(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    wb.save(path)
    refresh(path, today=TODAY, backup=False)
    formulas = re.findall(r"<f>([^<]*)</f>", sheet_xml(path))
    serial_1904 = (d(2026, 12, 1) - d(1904, 1, 1)).days
    assert formulas and all(f"{{{serial_1904}}}" in f for f in formulas if "WORKDAY" in f)
    raw = io.BytesIO(path.read_bytes())
    frame = pd.read_excel(raw, sheet_name="Applications", engine="calamine")
    assert dict(zip(frame["Company"], frame["Follow-up Status"]))["Beta"] == "Due today"


def test_conditional_formats_in_a_prefixed_sheet_are_placed_replaced_and_removed():
    from followup_sheet.xlsx.live import place_status_formats
    theirs = (b'<x:conditionalFormatting sqref="A2:A9"><x:cfRule type="expression" dxfId="0" priority="4">'
              b'<x:formula>A2&gt;1</x:formula></x:cfRule></x:conditionalFormatting>')
    tail = (b'</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells>' + theirs +
            b'<x:dataValidations count="1"><x:dataValidation sqref="D2:D9" prompt="a &gt; b"/></x:dataValidations>'
            b'<x:pageMargins left="0.7"/><x:extLst><x:ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}">'
            b'<x14:cfRule priority="9"/></x:ext></x:extLst></x:worksheet>')
    dxfs = {"Overdue": 3, "Waiting": 4}
    first = place_status_formats(tail, "x:", "E", [2, 3, 4, 7], dxfs)
    ours = (b'<x:conditionalFormatting sqref="E2:E4 E7"><x:cfRule type="cellIs" dxfId="3" priority="10" '
            b'operator="equal"><x:formula>"Overdue"</x:formula></x:cfRule><x:cfRule type="cellIs" dxfId="4" '
            b'priority="11" operator="equal"><x:formula>"Waiting"</x:formula></x:cfRule></x:conditionalFormatting>')
    assert first == tail.replace(theirs, theirs + ours)            # after theirs, before dataValidations
    again = place_status_formats(first, "x:", "E", [2, 3, 4, 7, 8], dxfs)
    assert again == first.replace(b'sqref="E2:E4 E7"', b'sqref="E2:E4 E7:E8"')   # replaced where it stood
    assert place_status_formats(again, "x:", "E", [2], None) == tail          # live off: ours taken away
    # a rule set on another column, or with a formula of its own, is the user's
    other = ours.replace(b'"E2:E4 E7"', b'"F2:F4"')
    assert place_status_formats(tail.replace(theirs, other), "x:", "E", [2], None) == tail.replace(theirs, other)
