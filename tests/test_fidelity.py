"""What a refresh keeps: macros, what LibreOffice can open, and text that must never turn into a
formula or an error, whatever the user typed; dates in any form and either date system.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from corpus_tools import (
    CORPUS,
    MAIN_NS,
    TODAY,
    CannotAddSheet,
    add_tracker_sheet,
    column_letters,
    corpus_files,
    corpus_id,
    members,
    minimal_workbook,
    rewrite_member,
    sheet_parts,
)
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from followup_sheet.errors import FollowupError
from followup_sheet.pipeline import refresh
from followup_sheet.xlsx.todaysheet import INSTRUCTIONS

MACRO_CT = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}")


def _refresh_copy(folder: Path, name: str, data: bytes, **kwargs):
    """Refresh a copy; returns (result or the FollowupError, bytes after)."""
    path = folder / name
    path.write_bytes(data)
    try:
        result = refresh(path, today=TODAY, backup=False, **kwargs)
    except FollowupError as exc:
        assert path.read_bytes() == data, f"refused ({exc}) but the file changed"
        return exc, data
    return result, path.read_bytes()


# --- macros ------------------------------------------------------------------------------

MACRO_FILES = [p for p in corpus_files() if p.suffix.lower() == ".xlsm"]


def _workbook_content_type(data: bytes) -> str:
    zf = zipfile.ZipFile(io.BytesIO(data))
    ct = etree.fromstring(zf.read("[Content_Types].xml"))
    for el in ct.iterfind(f"{{{CT_NS}}}Override"):
        if el.get("PartName", "").lower() == "/xl/workbook.xml":
            return el.get("ContentType", "")
    return ""


@needs_corpus
@pytest.mark.parametrize("src", MACRO_FILES, ids=[corpus_id(p) for p in MACRO_FILES])
def test_macros_survive(tmp_path, src):
    try:
        added = add_tracker_sheet(src.read_bytes())
    except CannotAddSheet as exc:
        pytest.skip(f"not a workbook a tracker can be added to: {exc}")
    result, after = _refresh_copy(tmp_path, src.name, added.data, sheet=added.name)
    if isinstance(result, FollowupError):
        pytest.skip(f"refused, file unchanged: {result}")
    before_parts, after_parts = members(added.data), members(after)
    macro_parts = [n for n in before_parts if any(k in n.lower() for k in ("vba", "ctrlprops", "activex"))]
    for name in macro_parts:
        assert after_parts.get(name) == before_parts[name], f"{name} changed or went missing"
    assert _workbook_content_type(added.data) == MACRO_CT
    assert _workbook_content_type(after) == MACRO_CT


# --- LibreOffice ---------------------------------------------------------------------------

LO_SAMPLE = [
    "xlsxwriter/chart_bar01.xlsx",            # a chart
    "xlsxwriter/chartsheet01.xlsx",           # a chart sheet
    "xlsxwriter/image01.xlsx",                # a picture
    "xlsxwriter/table01.xlsx",                # an Excel table
    "xlsxwriter/comment01.xlsx",              # comments (VML)
    "xlsxwriter/macro01.xlsm",                # macros
    "xlsxwriter/data_validation01.xlsx",      # data validation
    "xlsxwriter/cond_format01.xlsx",          # conditional formats
    "xlsxwriter/defined_name01.xlsx",         # defined names
    "xlsxwriter/textbox01.xlsx",              # a shape
    "xlsxwriter/rich_string01.xlsx",          # rich text
    "xlsxwriter/array_formula01.xlsx",        # array formulas
    "closedxml/Examples/PivotTables/PivotTables.xlsx",       # pivot tables
    "closedxml/Other/Sparklines/SparklineThemes/inputfile.xlsx",  # sparklines
    "closedxml/Other/Shapes/sheet-with-form-controls-input.xlsx",  # form controls
    "closedxml/TryToLoad/Date1904System.xlsx",               # 1904 dates
    "closedxml/TryToLoad/FileWithButton.xlsm",               # a button and macros
]

CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _lo_to_csv(files: list[Path], outdir: Path, profile: Path, timeout: int = 120) -> None:
    """Every sheet of each file to `outdir/<stem>-<sheet>.csv`, in one LibreOffice run for all of
    them (a start of LibreOffice costs seconds). A file LibreOffice fails on stops the batch: the
    first file left without output is then converted alone, the rest in a new batch, so a file
    LibreOffice cannot convert has still had a run of its own."""
    outdir.mkdir(parents=True, exist_ok=True)
    pending = list(files)
    while pending:
        _lo_run(pending, outdir, profile, timeout * len(pending))
        left = [f for f in pending if not any(outdir.glob(f"{f.stem}-*.csv"))]
        if not left:
            return
        _lo_run(left[:1], outdir, profile, timeout)   # the file the batch stopped at, alone
        pending = left[1:]


def _lo_run(files: list[Path], outdir: Path, profile: Path, timeout: int) -> None:
    cmd = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", CSV_ALL_SHEETS, "--outdir", str(outdir), *map(str, files)]
    try:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        pass    # no output: the comparison below reports it


def _sheets_csv(outdir: Path, stem: str) -> dict[str, list[list[str]]]:
    out = {}
    for f in outdir.glob(f"{stem}-*.csv"):
        with open(f, newline="", encoding="utf-8", errors="replace") as fh:
            out[f.stem[len(stem) + 1:]] = list(csv.reader(fh))
    return out


@pytest.mark.libreoffice
@needs_corpus
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_refreshed_workbooks(tmp_path):
    profile = tmp_path / "lo-profile"
    before_dir, after_dir = tmp_path / "before", tmp_path / "after"
    before_dir.mkdir()
    after_dir.mkdir()
    names: dict[str, tuple[str, str, tuple[int, ...]]] = {}   # file -> (corpus id, tracker sheet, our columns)
    for i, item in enumerate(LO_SAMPLE):
        src = CORPUS / item
        if not src.exists():
            continue
        added = add_tracker_sheet(src.read_bytes())
        name = f"f{i:02d}{src.suffix}"
        (before_dir / name).write_bytes(added.data)
        (after_dir / name).write_bytes(added.data)
        result = refresh(after_dir / name, sheet=added.name, today=TODAY, backup=False)
        assert result.written, item
        names[name] = (item, added.name, result.edits.sheets[0].placed.columns)
    assert len(names) >= 15, "the LibreOffice sample shrank; pick other corpus files"

    failures = []
    compared = 0
    _lo_to_csv([before_dir / name for name in names], tmp_path / "csv-before", profile)
    _lo_to_csv([after_dir / name for name in names], tmp_path / "csv-after", profile)
    for name, (item, tracker, ours) in names.items():
        stem = Path(name).stem
        before = _sheets_csv(tmp_path / "csv-before", stem)
        if not before:
            continue   # LibreOffice cannot convert the original either
        compared += 1
        after = _sheets_csv(tmp_path / "csv-after", stem)
        if not after:
            failures.append(f"{item}: LibreOffice converted the original but not the refreshed file")
            continue
        new_sheets = set(after) - set(before)
        if len(new_sheets) != 1:
            failures.append(f"{item}: sheets before {sorted(before)}, after {sorted(after)}")
        for sheet, rows in before.items():
            got = after.get(sheet)
            if sheet == tracker and got is not None:
                keep = [i for i in range(max(map(len, got), default=0)) if i + 1 not in ours]
                got = [[r[i] for i in keep if i < len(r)] for r in got]
                rows = [[r[i] for i in keep if i < len(r)] for r in rows]
                rows = [r + [""] * (len(g) - len(r)) for r, g in zip(rows, got)]
            if got != rows:
                failures.append(f"{item}: sheet {sheet!r} reads differently in LibreOffice after the refresh")
        today = next(iter(new_sheets), None)
        if today and not (after[today] and after[today][0] and after[today][0][0].startswith("followup-sheet")):
            failures.append(f"{item}: LibreOffice reads the Today sheet as {after[today][:1]}")
        status = [r[ours[0] - 1] for r in after.get(tracker, [])[1:] if len(r) >= ours[0]]
        if len(status) != 5 or not all(status):
            failures.append(f"{item}: LibreOffice reads the statuses as {status}")
    assert not failures, "\n".join(failures)
    assert compared >= 12, f"LibreOffice converted only {compared} of the originals"


# --- hostile text --------------------------------------------------------------------------

HEADERS = ["Company", "Position", "Date Applied", "Status", "Contact", "Notes"]

TRICKY = st.sampled_from([
    "=1+1", '=HYPERLINK("http://example.com","click")', "=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)",
    "#N/A", "#DIV/0!", "#REF!", "#VALUE!", "TRUE", "1e5", "0012", "]]>", "<b>&amp;</b>", "a\"b'c",
    "😀 👩‍💻", "שלום עולם", "مرحبا", "\u202eevil\u202c", "_x0041_", " ", "\t\n\r", "\x00", "\ud800",
    "\udfff\ud83d", "\ufffe\uffff", "null", "None", "nan", "{{ 7*7 }}", "{% raw %}",
])
CONTROL = st.text(st.characters(min_codepoint=0, max_codepoint=0x1F), min_size=1, max_size=8)
SURROGATES = st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3)
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)
HUGE = st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "=", "<", "é", "😀"]),
                 st.integers(32_760, 40_000))
HOSTILE = st.one_of(
    TRICKY, CONTROL, SURROGATES, ANY_TEXT, HUGE,
    st.builds(lambda a, b: a + b, TRICKY, ANY_TEXT),
    st.builds(lambda a, b: a + b, ANY_TEXT, st.one_of(CONTROL, SURROGATES)),
)
STAGES = st.one_of(st.sampled_from(["Applied", "Interviewed", "Phone screen", "Offer", ""]), HOSTILE)
APPLIED = [dt.date(2026, 11, 2), dt.date(2026, 11, 10), dt.date(2026, 11, 19), dt.date(2026, 11, 24)]


def _tool_cells(after: bytes, before: bytes, result) -> list[tuple[str, etree._Element]]:
    """(where, <c>) for every cell the tool wrote: its three columns and the whole Today sheet."""
    tracker = result.sheets[0].tracker
    new_parts = members(after)
    today = {part for name, part in sheet_parts(after).items() if name not in sheet_parts(before)}
    assert len(today) == 1, today
    today_part = today.pop()
    ours = {column_letters(c) for c in result.edits.sheets[0].placed.columns}
    out = []
    parser = etree.XMLParser(huge_tree=True, resolve_entities=False)
    for part, keep in ((tracker.part, lambda ref: ref.rstrip("0123456789") in ours), (today_part, lambda ref: True)):
        root = etree.fromstring(new_parts[part], parser)
        for c in root.iter(f"{{{MAIN_NS}}}c"):
            if keep(c.get("r", "")):
                out.append((f"{part}!{c.get('r')}", c))
    return out


# The only formulas the tool writes: a live status over its own row's Next Follow-up cell, and the
# Today sheet's instructions with its "built on" notice; their quoted words are the tool's, never
# a cell's text.
_OUR_WORDS = {"Overdue", "Due today", "Due soon", "Waiting", "Gone cold", ""}
_OUR_FUNCTIONS = {"IF", "AND", "OR", "TODAY", "DATE", "WORKDAY"}


def _is_our_formula(formula: str, row: str, due_column: str, today_sheet: bool) -> bool:
    words = set(re.findall(r'"([^"]*)"', formula))
    rest = re.sub(r'"[^"]*"', "", formula)
    if set(re.findall(r"([A-Z]+)\(", rest)) - _OUR_FUNCTIONS:
        return False
    refs = set(re.findall(r"\b([A-Z]{1,3}\d+)\b", rest))
    if today_sheet:   # the instructions, opened on a later day by the "built on" notice
        return refs == set() and len(words) == 2 and INSTRUCTIONS in words \
            and all(w.startswith("Built on") and w.endswith(INSTRUCTIONS) for w in words - {INSTRUCTIONS})
    return (refs == {f"{due_column}{row}"} and words <= _OUR_WORDS
            and re.fullmatch(r"[A-Z0-9(),<>=+\-{}]*", rest) is not None)


def _assert_no_formulas(after: bytes, before: bytes, result) -> None:
    cells = _tool_cells(after, before, result)
    assert cells
    status, due = (column_letters(c) for c in result.edits.sheets[0].placed.columns[:2])
    for where, c in cells:
        f = c.find(f"{{{MAIN_NS}}}f")
        if f is not None:
            ref = c.get("r", "")
            today_sheet = ref == "H1" and not where.startswith(result.sheets[0].tracker.part + "!")
            assert ref.rstrip("0123456789") == status or today_sheet, f"{where} holds a formula"
            assert c.get("t") == "str" and c.find(f"{{{MAIN_NS}}}v") is not None, f"{where}: no cached text"
            assert _is_our_formula(f.text, ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), due, today_sheet), \
                f"{where} holds a formula that is not the tool's: {f.text!r}"
            continue
        assert c.get("t") in (None, "n", "inlineStr"), f"{where} has type {c.get('t')!r}"
        text = "".join(c.itertext())
        assert len(text) <= 32_767, f"{where} holds {len(text)} characters, over Excel's limit"


def _assert_reopens(after: bytes) -> None:
    import warnings

    import openpyxl
    import python_calamine

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(io.BytesIO(after))
    for ws in wb.worksheets:      # the input holds no formulas: only the tool's own may read as one
        for row in ws.iter_rows():
            for cell in row:
                ours = cell.data_type == "f" and cell.value.startswith("=IF(") and '"' in cell.value
                assert cell.data_type != "e" and (cell.data_type != "f" or ours), \
                    f"openpyxl reads {ws.title}!{cell.coordinate} as type {cell.data_type}: {cell.value!r}"
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(after))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()


def _refresh_and_check_output(data: bytes) -> None:
    """Refresh a copy of `data`: a refusal is fine (counted), a refreshed file must hold no
    formula or error cell of ours and reopen in openpyxl and calamine."""
    with tempfile.TemporaryDirectory() as folder:
        result, after = _refresh_copy(Path(folder), "tracker.xlsx", data)
    event(f"refused: {type(result).__name__}" if isinstance(result, FollowupError)
          else "no applications" if result.empty else "refreshed")
    if isinstance(result, FollowupError):
        return
    if result.empty:   # e.g. company and position only control characters: no application, file untouched
        assert after == data
        return
    _assert_no_formulas(after, data, result)
    _assert_reopens(after)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(rows=st.lists(st.tuples(HOSTILE, HOSTILE, st.sampled_from(APPLIED), STAGES, HOSTILE, HOSTILE),
                     min_size=1, max_size=4))
@example(rows=[("\x1f", "\x1f", dt.date(2026, 11, 2), "Applied", "=1+1", "=1+1")])   # no application: untouched
def test_hostile_text_is_never_a_formula(rows):
    data = minimal_workbook(HEADERS, [[c, p, d, s, who, notes] for c, p, d, s, who, notes in rows])
    _refresh_and_check_output(data)


def test_formula_like_text_round_trips_as_text(tmp_path):
    tricky = ['=HYPERLINK("http://example.com","x")', "+1", "-1", "@A1", "#N/A", "#DIV/0!"]
    rows = [[t, t, dt.date(2026, 11, 2), "Applied", t, t] for t in tricky]
    data = minimal_workbook(HEADERS, rows)
    result, after = _refresh_copy(tmp_path, "tracker.xlsx", data)
    assert not isinstance(result, FollowupError), result
    _assert_no_formulas(after, data, result)
    import python_calamine
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(after))
    today = [n for n in book.sheet_names if n != "Applications"][0]
    grid = book.get_sheet_by_name(today).to_python()
    companies = {row[0] for row in grid[2:]}
    assert companies == set(tricky), companies


# --- odd dates -----------------------------------------------------------------------------

FORMATS = ["%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y",
           "%B %d %Y", "%A, %d %B %Y", "%d-%b-%y", "%m/%d/%y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M",
           "%b %d", "%d %b", "%Y%m%d", "%d/%m", "%x"]
DAYS = st.dates(dt.date(1899, 1, 1), dt.date(2200, 12, 31))
RECENT = st.dates(dt.date(2026, 8, 1), dt.date(2026, 11, 26))
ODD_DATE = st.one_of(
    st.builds(lambda d, f: d.strftime(f), st.one_of(RECENT, DAYS), st.sampled_from(FORMATS)),
    RECENT, DAYS,
    st.integers(-10, 3_000_000),
    st.floats(-1e6, 1e7, allow_nan=False),
    st.sampled_from(["", " ", "N/A", "TBD", "-", "next week", "31/02/2026", "2026-13-01", "00/00/0000",
                     "1900-01-00", "29/02/2025", "2/30/2026", "1e309", "NaN", "inf", "٢٠٢٦-١١-١٠",
                     "2026年11月10日"]),
    st.booleans(),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dates=st.lists(ODD_DATE, min_size=1, max_size=6), date1904=st.booleans())
def test_odd_dates_never_crash(dates, date1904):
    rows = [[f"Company {i}", "Analyst", d, "Applied", "", ""] for i, d in enumerate(dates)]
    data = minimal_workbook(HEADERS, rows, date1904=date1904)
    _refresh_and_check_output(data)


@settings(max_examples=30, deadline=None)
@given(applied=st.lists(RECENT, min_size=1, max_size=5))
def test_1904_workbook_plans_and_writes_the_same_dates(applied):
    """The same real dates give the same plan in either date system, and the written
    Next Follow-up cells read back as the planned dates."""
    import python_calamine

    plans = []
    for date1904 in (False, True):
        rows = [[f"Company {i}", "Analyst", d, "Applied", "", ""] for i, d in enumerate(applied)]
        with tempfile.TemporaryDirectory() as folder:
            result, after = _refresh_copy(Path(folder), "tracker.xlsx", minimal_workbook(HEADERS, rows,
                                                                                          date1904=date1904))
        assert not isinstance(result, FollowupError), result
        plan = result.sheets[0].plan
        plans.append(plan[["status", "due"]].to_dict("list"))
        due_col = result.edits.sheets[0].placed.columns[1]
        grid = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(after)) \
            .get_sheet_by_name("Applications").to_python()
        for row_number, due in plan["due"].items():
            cell = grid[row_number - 1][due_col - 1]
            if due == due and due is not None:
                got = cell.date() if isinstance(cell, dt.datetime) else cell
                assert got == due.date(), (date1904, row_number, cell, due)
    assert plans[0] == plans[1]


# --- the same input gives the same file ----------------------------------------------------

def test_refresh_is_deterministic(tmp_path):
    """Two runs on the same workbook and day write the same bytes, whatever Python's hash seed."""
    import os
    import sys

    rows = [[f"Company {i}", "Analyst", d, stage, "", ""]
            for i, (d, stage) in enumerate([(dt.date(2026, 10, 1), "Applied"), (dt.date(2026, 11, 19), "Applied"),
                                            (dt.date(2026, 11, 24), "Interviewed"), (dt.date(2026, 11, 10), "Rejected"),
                                            (dt.date(2026, 11, 25), "Wishlist"), (dt.date(2026, 11, 20), "Offer")])]
    data = minimal_workbook(HEADERS, rows)
    outputs = set()
    for seed in ("1", "2", "3"):
        path = tmp_path / f"seed{seed}.xlsx"
        path.write_bytes(data)
        done = subprocess.run([sys.executable, "-m", "followup_sheet", "refresh", str(path), "--today",
                               TODAY.isoformat(), "--no-backup"], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs.add(path.read_bytes())
    assert len(outputs) == 1, "the refreshed file depends on the hash seed (the order of a set?)"


def test_a_cell_pointing_past_the_styles_keeps_its_plain_look(tmp_path):
    """A damaged styles part: a cell's style number is beyond the part's cell formats (Excel and
    LibreOffice show it plain). The formats a refresh appends must not become that cell's: a
    number stays a number, not a date or a coloured status cell."""
    import openpyxl
    from python_calamine import CalamineWorkbook

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    ws.append(["Company", "Date Applied", "Status"])
    ws.append(["Wrenfield Optics", dt.datetime(2026, 11, 2), "Applied"])
    ws.append(["Halden Freight", dt.datetime(2026, 11, 19), "Interview"])
    budget = wb.create_sheet("Budget")
    budget["B2"] = 57
    path = tmp_path / "jobs.xlsx"
    wb.save(path)
    data = path.read_bytes()
    sheet2 = members(data)["xl/worksheets/sheet2.xml"]
    styles = members(data)["xl/styles.xml"].decode()
    count = int(re.search(r'<cellXfs count="(\d+)"', styles).group(1))
    dangling = count + 6          # far enough that the appended formats reach it
    patched = re.sub(rb'<c r="B2"( [^>]*)?>', f'<c r="B2" s="{dangling}" t="n">'.encode(), sheet2)
    assert patched != sheet2
    path.write_bytes(rewrite_member(data, "xl/worksheets/sheet2.xml", patched))
    refresh(path, today=dt.date(2026, 11, 26), backup=False)
    after = members(path.read_bytes())
    xfs = re.search(rb"<cellXfs[^>]*>(.*?)</cellXfs>", after["xl/styles.xml"], re.S).group(1)
    xf = re.findall(rb"<xf [^>]*?(?:/>|>.*?</xf>)", xfs, re.S)[dangling]
    assert b'numFmtId="0"' in xf and b'fillId="0"' in xf              # still the plain look
    shown = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Budget").to_python()
    assert [v for row in shown for v in row if v != ""] == [57.0]      # a number, not a date
