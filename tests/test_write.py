"""Write stage, end to end through `refresh()`: our three columns and the Today sheet appear, the
user's cells stay exactly as they were, a second run changes nothing, text stays text, and an
open workbook is never written."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile

import openpyxl
import pytest
from conftest import TODAY, Formula, column_of, set_cell, write_tracker, zip_members
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from followup_sheet.errors import WorkbookBusy
from followup_sheet.pipeline import refresh
from followup_sheet.settings import DEFAULT_FILLS

OUR_HEADERS = ("Follow-up Status", "Next Follow-up", "Follow-up Script")
STATUSES = ("Closed", "Not applied", "Check data", "Gone cold", "Overdue", "Due today", "Due soon", "Waiting")
HEADERS = ["Company", "Position", "Date Applied", "Last Contact", "Follow-ups", "Status", "Hiring Manager",
           "Salary", "Days Since"]          # A..I; J is hidden; K holds a user note in row 10

# company, position, applied, last contact, follow-ups, stage, hiring manager -> expected status, due
# (TODAY is Thu 2026-11-26; "+N bd" = N business days)
ROWS = [
    ("Acme", "Planner", dt.date(2026, 11, 16), None, None, "Applied", None,            # +5 bd = Mon 11-23
     "Overdue", dt.date(2026, 11, 23)),
    ("Beta", "Analyst", dt.date(2026, 11, 19), None, None, "Applied", None,            # +5 bd = Thu 11-26
     "Due today", dt.date(2026, 11, 26)),
    ("Gamma", "Designer", dt.date(2026, 11, 20), None, None, "Applied", None,          # Fri +5 bd = Fri 11-27
     "Due soon", dt.date(2026, 11, 27)),
    ("Delta", "Engineer", dt.date(2026, 11, 25), None, None, "Applied", None,          # +5 bd = Wed 12-02
     "Waiting", dt.date(2026, 12, 2)),
    ("Epsilon", "Writer", dt.date(2026, 11, 2), None, None, "Rejected", None, "Closed", None),
    ("Zeta", "Manager", None, None, None, "Wishlist", None, "Not applied", None),
    ("Eta", "Tester", None, None, None, "Applied", None, "Check data", None),
    # 3 follow-ups, last contact Tue 11-10 +7 bd = Thu 11-19 <= today
    ("Theta", "Lead", dt.date(2026, 10, 1), dt.date(2026, 11, 10), 3, "Applied", None, "Gone cold", None),
    ("Iota", "Architect", dt.date(2026, 11, 18), None, None, "Applied", "Marcus Lee",  # +5 bd = Wed 11-25
     "Overdue", dt.date(2026, 11, 25)),
    # contact after applying -> 1 follow-up -> +7 bd from Tue 11-17 = Thu 11-26
    ("Kappa", "Director", dt.date(2026, 11, 2), dt.date(2026, 11, 17), None, "Applied", None,
     "Due today", dt.date(2026, 11, 26)),
]
FIRST_ROW = 2
EXPECTED_STATUS = {r[0]: r[7] for r in ROWS}
EXPECTED_DUE = {r[0]: r[8] for r in ROWS}
# Today: Overdue and Due today; no offers or interviews, so the row with a hiring manager first
# (Iota), then the rest: most days overdue first (Acme 3), then the due-today rows, the older
# application first (Kappa 11-02, Beta 11-19).
EXPECTED_TODAY = ["Iota", "Acme", "Kappa", "Beta"]


def build_rich_workbook(path, extra_sheets=()):
    """A tracker with formulas, number formats, fonts, fills, merged cells, a hidden column right
    after the header, a user note further right, and a second sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    for col, header in enumerate(HEADERS, start=1):
        cell = ws.cell(1, col, header)
        cell.font = Font(bold=True, color="FF1F4E78")
        cell.fill = PatternFill("solid", fgColor="FFDDEBF7")
    for r, (company, position, applied, last, count, stage, manager, *_expected) in enumerate(ROWS, start=FIRST_ROW):
        for col, value in enumerate((company, position, applied, last, count, stage, manager), start=1):
            if value is not None:
                set_cell(ws.cell(r, col), value)
        ws.cell(r, 3).number_format = "yyyy-mm-dd"
        ws.cell(r, 4).number_format = "d mmm yyyy"
        ws.cell(r, 8, 85000 + 1000 * r).number_format = '"$"#,##0'
        ws.cell(r, 9).value = Formula(f"=IF(C{r}=\"\",\"\",TODAY()-C{r})")
        ws.cell(r, 9).number_format = "0"
    ws["A2"].font = Font(italic=True, color="FFC00000")
    ws["F5"].fill = PatternFill("solid", fgColor="FFFFFF00")
    ws["B3"].alignment = Alignment(horizontal="center")
    ws.column_dimensions["J"].hidden = True
    set_cell(ws["K10"], "call back Monday")          # far down: column K is not free
    ws.column_dimensions["A"].width = 24
    set_cell(ws["A14"], "Notes: salaries are yearly")
    ws.merge_cells("A14:D14")
    ws.freeze_panes = "A2"

    summary = wb.create_sheet("Summary")
    set_cell(summary["A1"], "Applications sent")
    summary["B1"] = Formula("=COUNTA(Applications!A2:A11)")
    summary["B1"].font = Font(bold=True)
    set_cell(summary["A3"], "A merged note")
    summary.merge_cells("A3:C4")
    summary["A5"] = 0.25
    summary["A5"].number_format = "0.0%"
    for name, filler in extra_sheets:
        filler(wb.create_sheet(name))
    wb.save(path)
    return path


def snapshot(path, skip_sheets=(), skip_columns=None):
    """Every cell that has a value or a style: value, type, number format, font, fill, alignment."""
    wb = openpyxl.load_workbook(path)
    cells = {}
    for ws in wb.worksheets:
        if ws.title in skip_sheets:
            continue
        skip = (skip_columns or {}).get(ws.title, ())
        for row in ws.iter_rows():
            for c in row:
                if c.column in skip or (c.value is None and not c.has_style):
                    continue
                cells[(ws.title, c.coordinate)] = (c.value, c.data_type, c.number_format, repr(c.font),
                                                   repr(c.fill), repr(c.alignment))
    layout = {}
    for ws in wb.worksheets:
        if ws.title in skip_sheets:
            continue
        skip = {openpyxl.utils.get_column_letter(c) for c in (skip_columns or {}).get(ws.title, ())}
        widths = {k: (d.hidden, d.width) for k, d in ws.column_dimensions.items() if k not in skip}
        layout[ws.title] = (sorted(str(m) for m in ws.merged_cells.ranges), widths, ws.freeze_panes)
    return cells, layout


@pytest.fixture
def rich(tmp_path):
    return build_rich_workbook(tmp_path / "tracker.xlsx")


@pytest.fixture
def refreshed(rich):
    before = rich.read_bytes()
    result = refresh(rich, today=TODAY, backup=False)
    return rich, before, result


def _rows_by_company(ws, company_col=1):
    return {ws.cell(r, company_col).value: r for r in range(FIRST_ROW, FIRST_ROW + len(ROWS))}


# (a) ------------------------------------------------------------------------------------------

def test_headers_go_in_the_first_free_visible_columns(refreshed):
    path, _, _ = refreshed
    ws = openpyxl.load_workbook(path)["Applications"]
    # I is the last header, J is hidden, K has a user value in row 10: L, M, N are the first free ones
    assert [ws.cell(1, c).value for c in (12, 13, 14)] == list(OUR_HEADERS)
    assert ws.cell(1, 10).value is None and ws.cell(1, 11).value is None
    assert ws["K10"].value == "call back Monday"
    assert ws.column_dimensions["J"].hidden


# (b) ------------------------------------------------------------------------------------------

def _rgb(cell):
    fill = cell.fill
    if fill is None or fill.fill_type in (None, "none"):
        return None
    return fill.fgColor.rgb[-6:].upper()


def _hue(rgb):
    """A rough colour name for a 6-digit RGB hex, to check the rules' colour words."""
    if rgb is None:
        return "none"
    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    if r == g == b:
        return "white" if r >= 0xF8 else "grey" if r >= 0xA8 else "dark grey"
    if r > 0xC0 and g < 0x90 and b < 0x90:
        return "red"
    if r > 0xE0 and 0x90 <= g < 0xD0 and b < 0x90:
        return "orange"
    if r > 0xE0 and g >= 0xD0 and b < 0xB0:
        return "yellow"
    if g > r and g > b:
        return "green"
    if r > g and b > g:
        return "purple"
    return "other"


RULE_COLOURS = {"Overdue": {"red"}, "Due today": {"orange"}, "Due soon": {"yellow"}, "Waiting": {"green"},
                "Check data": {"purple"}, "Gone cold": {"dark grey"}, "Closed": {"grey"},
                "Not applied": {"none", "white"}}


@pytest.mark.parametrize("status", STATUSES)
def test_default_fill_matches_the_rules_colour(status):
    assert _hue(DEFAULT_FILLS[status].upper()) in RULE_COLOURS[status]


def test_status_cells_are_filled_per_status(refreshed):
    path, _, _ = refreshed
    ws = openpyxl.load_workbook(path, data_only=True)["Applications"]   # a live status's cached value
    status_col = column_of(ws, "Follow-up Status")
    seen = {}
    for company, r in _rows_by_company(ws).items():
        cell = ws.cell(r, status_col)
        assert cell.value == EXPECTED_STATUS[company], company
        assert cell.data_type == "s"
        rgb = _rgb(cell)
        assert _hue(rgb) in RULE_COLOURS[cell.value], (company, cell.value, rgb)
        if rgb is not None:
            assert rgb == DEFAULT_FILLS[cell.value].upper()
        seen.setdefault(cell.value, set()).add(rgb)
    assert set(seen) == set(STATUSES)
    assert all(len(colours) == 1 for colours in seen.values()), seen
    colours = [next(iter(c)) for c in seen.values()]
    assert len(set(colours)) == len(colours), "each status needs its own colour"


# (c) ------------------------------------------------------------------------------------------

def test_next_follow_up_is_a_real_date_and_scripts_wrap(refreshed):
    path, _, _ = refreshed
    ws = openpyxl.load_workbook(path)["Applications"]
    due_col, script_col = column_of(ws, "Next Follow-up"), column_of(ws, "Follow-up Script")
    for company, r in _rows_by_company(ws).items():
        due, script = ws.cell(r, due_col), ws.cell(r, script_col)
        expected = EXPECTED_DUE[company]
        if expected is None:
            assert due.value is None, company
        else:
            assert due.is_date, (company, due.value, due.number_format)
            assert due.value.date() == expected, company
            assert re.search(r"[dmy]", due.number_format.lower()), due.number_format
        if EXPECTED_STATUS[company] in ("Overdue", "Due today", "Due soon", "Waiting"):
            assert isinstance(script.value, str) and len(script.value) > 40, company
            assert script.alignment.wrap_text, company
            assert company in script.value
    eta = ws.cell(_rows_by_company(ws)["Eta"], script_col).value
    assert eta and "date" in eta.lower(), f"Check data should say what to fix, got {eta!r}"


# (d) ------------------------------------------------------------------------------------------

def test_user_cells_are_unchanged(rich, tmp_path):
    before = snapshot(rich)
    refresh(rich, today=TODAY, backup=False)
    after = snapshot(rich, skip_sheets=("Today",), skip_columns={"Applications": (12, 13, 14)})
    assert after[0] == before[0]
    assert after[1] == before[1]


def test_sheets_keep_their_order_and_ours_is_added(refreshed):
    path, _, _ = refreshed
    assert openpyxl.load_workbook(path).sheetnames == ["Applications", "Summary", "Today"]


def test_untouched_parts_are_byte_identical(refreshed):
    """Only the tracker sheet, the styles and (for the new Today sheet) the workbook, its
    relationships and the content types may change; every other member is copied as it was."""
    path, before, _ = refreshed
    original = dict(zip_members_from_bytes(before))
    now = zip_members(path)
    may_change = {"xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                  "[Content_Types].xml"}
    assert "xl/worksheets/sheet2.xml" in original        # the Summary sheet
    for name, data in original.items():
        if name not in may_change:
            assert now.get(name) == data, name
    assert set(original) <= set(now)


def zip_members_from_bytes(data):
    import io
    import zipfile
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            yield info.filename, zf.read(info.filename)


# (e) ------------------------------------------------------------------------------------------

def test_second_refresh_changes_nothing(refreshed, tmp_path):
    path, _, first = refreshed
    assert first.written
    members = zip_members(path)
    again = refresh(path, today=TODAY, backup=False)
    assert not again.changed
    assert zip_members(path) == members
    # the same build written to another file (so it is really produced again) is identical too
    copy = tmp_path / "copy.xlsx"
    refresh(path, today=TODAY, backup=False, output=copy)
    assert zip_members(copy) == members


def test_second_refresh_adds_no_column_or_sheet(refreshed):
    path, _, _ = refreshed
    refresh(path, today=TODAY, backup=False)
    wb = openpyxl.load_workbook(path)
    header = [c.value for c in wb["Applications"][1]]
    for name in OUR_HEADERS:
        assert header.count(name) == 1, name
    assert wb.sheetnames == ["Applications", "Summary", "Today"]


def test_refresh_on_a_later_day_updates_in_place(refreshed):
    path, _, _ = refreshed
    refresh(path, today=dt.date(2026, 11, 27), backup=False)
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb["Applications"]
    status_col = column_of(ws, "Follow-up Status")
    rows = _rows_by_company(ws)
    assert ws.cell(rows["Beta"], status_col).value == "Overdue"       # was due Thu, now Fri
    assert ws.cell(rows["Gamma"], status_col).value == "Due today"
    assert [c.value for c in ws[1]].count("Follow-up Status") == 1
    assert len(wb.sheetnames) == 3


# (f) ------------------------------------------------------------------------------------------

def _today_rows(ws):
    """(company, status, hyperlink location) for each listed call, from the header row on."""
    header_row = next(r for r in range(1, 6) if ws.cell(r, 1).value == "Company")
    status_col = next(c.column for c in ws[header_row] if c.value == "Status")
    out = []
    for r in range(header_row + 1, ws.max_row + 1):
        if ws.cell(r, 1).value is None:
            continue
        links = [c.hyperlink.location for c in ws[r] if c.hyperlink is not None]
        out.append((ws.cell(r, 1).value, ws.cell(r, status_col).value, links))
    return out


def _link_target(location):
    m = re.fullmatch(r"'?(.+?)'?!\$?([A-Z]+)\$?(\d+)", location)
    assert m, location
    return m.group(1).replace("''", "'"), int(m.group(3))


def test_today_sheet_lists_overdue_and_due_today_in_order(refreshed):
    path, _, _ = refreshed
    wb = openpyxl.load_workbook(path)
    rows = _today_rows(wb["Today"])
    assert [company for company, _, _ in rows] == EXPECTED_TODAY
    assert [status for _, status, _ in rows] == [EXPECTED_STATUS[c] for c in EXPECTED_TODAY]
    sheet_rows = _rows_by_company(wb["Applications"])
    for company, _, links in rows:
        assert len(links) == 1, company
        assert _link_target(links[0]) == ("Applications", sheet_rows[company]), company


def _user_today(ws):
    set_cell(ws["A1"], "My own list for today")
    set_cell(ws["A2"], "Buy stamps")
    ws["B2"] = Formula("=LEN(A2)")
    ws["A2"].font = Font(bold=True)


def test_users_own_today_sheet_is_left_alone(tmp_path):
    path = build_rich_workbook(tmp_path / "tracker.xlsx", extra_sheets=[("Today", _user_today)])
    before = snapshot(path)
    refresh(path, today=TODAY, backup=False)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Applications", "Summary", "Today", "Follow-up Today"]
    after = snapshot(path, skip_sheets=("Follow-up Today",), skip_columns={"Applications": (12, 13, 14)})
    assert after == before
    assert [company for company, _, _ in _today_rows(wb["Follow-up Today"])] == EXPECTED_TODAY
    refresh(path, today=TODAY, backup=False)
    assert openpyxl.load_workbook(path).sheetnames == ["Applications", "Summary", "Today", "Follow-up Today"]


# (g) ------------------------------------------------------------------------------------------

TRICKY = ['=HYPERLINK("http://x")', "#N/A", "@SUM(1)", "+1-555-0100", "-minus"]


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    rows = [{"Company": name, "Date Applied": dt.date(2026, 11, 16), "Status": "Applied"} for name in TRICKY]
    path = write_tracker(tmp_path / "tricky.xlsx", rows)
    refresh(path, today=TODAY, backup=False)
    wb = openpyxl.load_workbook(path)
    today = wb["Today"]
    listed = {c.value: c for row in today.iter_rows() for c in row if c.value in TRICKY}
    assert set(listed) == set(TRICKY)
    for cell in listed.values():
        assert cell.data_type == "s", (cell.coordinate, cell.value, cell.data_type)
    ws = wb["Applications"]
    ours = {f"{get_column_letter(column_of(ws, 'Follow-up Status'))}{r}" for r in range(2, ws.max_row + 1)}
    for sheet in (today, wb["Applications"]):
        for row in sheet.iter_rows():
            for c in row:
                if c.data_type == "f":   # only the tool's own: a live status, the Today sheet's notice
                    assert c.coordinate in (ours if sheet is ws else {"H1"}), (sheet.title, c.coordinate)
                    assert not any(name in c.value for name in TRICKY), (sheet.title, c.coordinate, c.value)
                assert c.data_type != "e", (sheet.title, c.coordinate, c.value)
    script_col = column_of(ws, "Follow-up Script")
    for r, name in enumerate(TRICKY, start=2):
        script = ws.cell(r, script_col)
        said = name.split("(")[0].strip()   # text in brackets after a company is a note, never read aloud
        assert script.data_type == "s" and said in script.value
    raw = zip_members(path)
    for name, data in raw.items():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            assert b"<f " not in data, name
            for formula in re.findall(rb"<f>([^<]*)</f>", data):   # the tool's own only
                assert formula.startswith(b"IF(") and b"HYPERLINK" not in formula and b"SUM" not in formula, formula


# (h) ------------------------------------------------------------------------------------------

def test_output_leaves_the_original_byte_identical(rich, tmp_path):
    before = rich.read_bytes()
    out = tmp_path / "out" / "copy.xlsx"
    out.parent.mkdir()
    result = refresh(rich, today=TODAY, backup=False, output=out)
    assert rich.read_bytes() == before
    assert result.path == out
    ws = openpyxl.load_workbook(out)["Applications"]
    assert [ws.cell(1, c).value for c in (12, 13, 14)] == list(OUR_HEADERS)
    assert not (rich.parent / ".followup-backups").exists()


def test_backup_is_kept(rich):
    before = rich.read_bytes()
    result = refresh(rich, today=TODAY, backup=True)
    folder = rich.parent / ".followup-backups"
    kept = list(folder.iterdir())
    assert len(kept) == 1
    assert kept[0].read_bytes() == before
    assert result.backup is not None and result.backup.read_bytes() == before
    assert rich.read_bytes() != before


def test_no_backup_when_asked(rich):
    refresh(rich, today=TODAY, backup=False)
    assert not (rich.parent / ".followup-backups").exists()


# (i) ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lock_name,content", [
    (".~lock.tracker.xlsx#", b"Jane Doe,jane,laptop,26.11.2026 08:00,file:///x;"),
    ("~$tracker.xlsx", b"\x08Jane Doe" + b" " * 45 + b"\x08\x00J\x00a\x00n\x00e\x00"),
], ids=["libreoffice", "excel"])
def test_open_workbook_is_not_written(rich, lock_name, content):
    (rich.parent / lock_name).write_bytes(content)
    before = rich.read_bytes()
    with pytest.raises(WorkbookBusy) as err:
        refresh(rich, today=TODAY, backup=True)
    assert "tracker.xlsx" in str(err.value)
    assert rich.read_bytes() == before
    assert sorted(p.name for p in rich.parent.iterdir()) == sorted([lock_name, "tracker.xlsx"])


def test_open_workbook_can_still_be_written_to_another_file(rich, tmp_path):
    (rich.parent / ".~lock.tracker.xlsx#").write_bytes(b"Jane Doe,jane,laptop,26.11.2026 08:00,file:///x;")
    before = rich.read_bytes()
    out = tmp_path / "elsewhere" / "copy.xlsx"
    out.parent.mkdir()
    refresh(rich, today=TODAY, backup=False, output=out)
    assert rich.read_bytes() == before
    assert openpyxl.load_workbook(out)["Applications"].cell(1, 12).value == "Follow-up Status"


def test_refresh_of_a_copy_matches(rich, tmp_path):
    """Refreshing in place and refreshing a copy give the same content."""
    copy = tmp_path / "copy.xlsx"
    shutil.copy(rich, copy)
    refresh(rich, today=TODAY, backup=False)
    refresh(copy, today=TODAY, backup=False)
    assert zip_members(rich) == zip_members(copy)


def test_a_killed_runs_old_temporary_file_is_cleared_but_a_fresh_one_is_kept(tmp_path):
    """A run killed mid-save leaves `.NAME.xxxx.tmp`; the next save removes it once it is clearly
    orphaned, and never touches one a concurrent run may still be writing."""
    import os
    import time

    from followup_sheet.filesafe import STALE_AFTER

    path = write_tracker(tmp_path / "t.xlsx", [{"Company": "Acme", "Date Applied": dt.date(2026, 11, 2)}])
    stale = tmp_path / ".t.xlsx.abc123.tmp"
    fresh = tmp_path / ".t.xlsx.def456.tmp"
    stale.write_bytes(b"half a workbook")
    fresh.write_bytes(b"being written")
    old = time.time() - STALE_AFTER - 60
    os.utime(stale, (old, old))
    refresh(path, today=TODAY, backup=False)
    assert not stale.exists()
    assert fresh.exists()


def test_a_part_that_fails_while_being_made_stops_the_compressing_thread():
    """Big parts are made here and compressed on a worker thread: an error while making one
    comes out as itself, and the worker has stopped by then (what was queued is dropped: the
    whole file is thrown away)."""
    import io
    import threading

    from followup_sheet.errors import UnsupportedContent
    from followup_sheet.xlsx import zipout

    def pieces():
        for _ in range(200):
            yield b"<row/>" * 1000          # 1.2 MB in all: several blocks for the worker
        raise UnsupportedContent("a row of the sheet has no end")

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        with pytest.raises(UnsupportedContent, match="no end"):
            zipout.write_stream(zf, zipout.new_info("xl/worksheets/sheet9.xml"), pieces(), None)
    assert not [t for t in threading.enumerate() if t.name == "followup-compress"]


def test_ctrl_c_while_the_compressing_thread_works_stops_it_before_going_on():
    """Ctrl-C while waiting for the worker: it is told to drop what is queued and waited for,
    so it never writes to the part after the part is closed; then the interrupt goes on."""
    import threading
    import time

    from followup_sheet.xlsx import zipout

    done = []
    bg = zipout._Background(lambda item: (time.sleep(0.02), done.append(item)))
    real_join, joins = bg.thread.join, []

    def join_interrupted(*args):
        joins.append(1)
        if len(joins) == 1:
            raise KeyboardInterrupt
        return real_join(*args)

    bg.thread.join = join_interrupted
    with pytest.raises(KeyboardInterrupt):
        with bg:
            for _ in range(4):
                bg.put(b"block")
            alive_inside = bg.thread.is_alive()
    assert alive_inside and not bg.thread.is_alive()     # running in the block, stopped after it
    assert len(joins) == 2 and 1 <= len(done) < 4        # the queued blocks were dropped
    assert not [t for t in threading.enumerate() if t.name == "followup-compress"]


def test_the_today_part_name_differs_from_every_part_ignoring_case(tmp_path):
    """Part names are case-insensitive in a package: with a 'Sheet2.xml' already there, the new
    Today sheet must not be 'sheet2.xml'."""
    path = write_tracker(tmp_path / "cased.xlsx", [{"Company": "Acme", "Date Applied": dt.date(2026, 11, 2)}])
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            zf.writestr(info, data)
        zf.writestr("xl/worksheets/Sheet2.xml", b"<unused/>")
    refresh(path, today=TODAY, backup=False)
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
    assert len({n.lower() for n in names}) == len(names)
    assert "xl/worksheets/sheet3.xml" in names
