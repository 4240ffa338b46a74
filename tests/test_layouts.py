"""Tracker layouts seen in the wild: every workbook from make_fixtures.py is read, checked and refreshed.

Each case is handled right (the right sheet, header, columns, rows, dates and statuses) or refused
with exit code 1, a one-line message naming the file, and the file left byte-for-byte untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import logging
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import python_calamine

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_fixtures as mf  # noqa: E402
from conftest import time_limit  # noqa: E402

TODAY = mf.TODAY.isoformat()
STATUSES = {"Closed", "Not applied", "Check data", "Gone cold", "Overdue", "Due today", "Due soon", "Waiting"}
DATED = {"Overdue", "Due today", "Due soon", "Waiting"}
OUTPUT_HEADERS = ("Follow-up Status", "Next Follow-up", "Follow-up Script")
GOOD = [name for name in mf.BUILDERS if name not in mf.REFUSALS]
REFUSED = sorted(mf.REFUSALS)
ALL = list(mf.BUILDERS)


# --- helpers -------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, mf.Case]:
    return mf.build_all(tmp_path_factory.mktemp("layouts"))


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run_cli(*args: object, seconds: float = 20) -> Run:
    """`followup-sheet ARGS` in this process (a subprocess per call would cost ~1 s each)."""
    from followup_sheet.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_argv, saved_handlers = sys.argv, list(logging.root.handlers)
    sys.argv = ["followup-sheet", *map(str, args)]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), time_limit(seconds):
            try:
                code = main()
            except SystemExit as exc:
                code = exc.code
    finally:
        sys.argv = saved_argv
        logging.root.handlers[:] = saved_handlers
    if code is None:
        code = 0
    elif not isinstance(code, int):
        err.write(str(code))
        code = 1
    return Run(code, out.getvalue(), err.getvalue())


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*"))


def copy_case(c: mf.Case, dest: Path, with_settings: bool = True) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(c.path, dest / c.path.name)
    toml = c.path.parent / "followup.toml"
    if with_settings and toml.exists():
        shutil.copy2(toml, dest / "followup.toml")
    return dest / c.path.name


def read(c: mf.Case, **kwargs):
    from followup_sheet.read import read_tracker
    from followup_sheet.settings import load_settings

    settings = kwargs.pop("settings", None) or load_settings(c.path)
    with time_limit(20):
        return read_tracker(c.path, settings=settings, **kwargs)


def norm(text: object) -> str:
    return " ".join(str(text).replace("\u00a0", " ").split()).lower()


def letter(col: int) -> str:
    return openpyxl.utils.get_column_letter(col)


def grid(path: Path, sheet: str, nrows: int = 300) -> list[list[object]]:
    """Cell values (as Excel would show them cached) from A1, read without openpyxl."""
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(sheet).to_python(skip_empty_area=False, nrows=nrows)


def cell(rows: list[list[object]], row: int, col: int) -> object:
    if row - 1 < len(rows) and col - 1 < len(rows[row - 1]):
        return rows[row - 1][col - 1]
    return ""


def all_values(path: Path, can_openpyxl: bool) -> dict[str, dict[tuple[int, int], object]]:
    """sheet -> {(row, col): value} of every non-empty cell (formulas as their text with openpyxl)."""
    if can_openpyxl:
        wb = openpyxl.load_workbook(path)
        return {ws.title: {rc: c.value for rc, c in ws._cells.items() if c.value not in (None, "")}
                for ws in wb.worksheets}
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    out = {}
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        out[name] = {(r, c): v for r, row in enumerate(rows, 1) for c, v in enumerate(row, 1) if v not in (None, "")}
    return out


def hidden_columns(ws) -> set[int]:
    """Hidden columns, ranges included (column_dimensions['D'] says nothing about a hidden C:E)."""
    out = set()
    for dim in ws.column_dimensions.values():
        if dim.hidden and dim.min and dim.max:
            out.update(range(dim.min, dim.max + 1))
    return out


def as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def status_columns(rows: list[list[object]], header_row: int) -> dict[str, int]:
    header = rows[header_row - 1] if header_row - 1 < len(rows) else []
    return {str(v).strip(): n for n, v in enumerate(header, 1) if str(v).strip() in OUTPUT_HEADERS}


def refresh_copy(c: mf.Case, tmp_path: Path, *extra: object, with_settings: bool = True) -> tuple[Path, Run]:
    target = copy_case(c, tmp_path / "work", with_settings)
    return target, run_cli("refresh", target, "--today", TODAY, "--no-backup", *extra)


# --- the fixtures themselves ---------------------------------------------------------------

@pytest.mark.parametrize("name", GOOD)
def test_fixture_is_what_it_claims(built, name):
    """Guards the fixtures: the stated header, companies and dates are really in the cells."""
    c = built[name]
    rows = grid(c.path, c.sheet)
    for fld, (header, col) in c.columns.items():
        assert cell(rows, c.header_row, col) == header, (fld, header)
    company_col = c.columns["company"][1]
    for company, row in c.apps.items():
        if company not in c.extra.get("no_company", ()):
            assert cell(rows, row, company_col) == company
    for (row, fld), want in c.dates.items():
        got = cell(rows, row, c.columns[fld][1]) if fld in c.columns else None
        if isinstance(got, dt.date) and want is not None and got.year > 2000:
            assert as_date(got) == want, (row, fld)
    if name == "empty_fill":
        with pytest.raises(TypeError):
            openpyxl.load_workbook(c.path)


# --- reading -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", GOOD)
def test_read_tracker(built, name):
    c = built[name]
    t = read(c)
    wrong = []
    if t.sheet != c.sheet:
        wrong.append(f"sheet {t.sheet!r}, expected {c.sheet!r}")
    if t.header_row != c.header_row:
        wrong.append(f"header row {t.header_row}, expected {c.header_row}")
    wrong += _wrong_columns(t, c)
    rows = sorted(int(r) for r in t.frame.index)
    if rows != sorted(c.apps.values()):
        wrong.append(f"application rows {rows}, expected {sorted(c.apps.values())}")
    wrong += _wrong_dates(t, c)
    wrong += _wrong_problems(t, c)
    if not t.reasons or not all(str(r).strip() for r in t.reasons):
        wrong.append(f"no reason given for picking the sheet: {t.reasons!r}")
    assert not wrong, "\n".join(wrong)


def _wrong_columns(t, c) -> list[str]:
    wrong = []
    for fld, (header, col) in c.columns.items():
        got = t.columns.get(fld)
        if got is None:
            wrong.append(f"{fld}: not mapped, expected {header!r} (column {letter(col)})")
        elif got.index != col or norm(got.header) != norm(header):
            wrong.append(f"{fld}: {got.header!r} (column {letter(got.index)}), "
                          f"expected {header!r} (column {letter(col)})")
    return wrong


def _wrong_dates(t, c) -> list[str]:
    wrong = []
    for (row, fld), want in sorted(c.dates.items()):
        if row not in t.frame.index or fld not in t.frame.columns:
            continue
        got = t.frame.loc[row, fld]
        if want is None:
            if not pd.isna(got):
                wrong.append(f"row {row} {fld}: {got!r}, expected empty")
        elif pd.isna(got) or pd.Timestamp(got).normalize() != pd.Timestamp(want):
            wrong.append(f"row {row} {fld}: {got!r}, expected {want}")
    return wrong


def _wrong_problems(t, c) -> list[str]:
    wrong = []
    for company, row in c.apps.items():
        if row not in t.frame.index:
            continue
        problem = str(t.frame.loc[row, "problem"])
        needles = c.problems.get(row)
        if needles:
            if not all(n in problem for n in needles):
                wrong.append(f"row {row} problem {problem!r} should mention {needles}")
        elif c.statuses.get(company) not in (None, "Check data") and problem:
            wrong.append(f"row {row} ({company}) has a problem: {problem!r}")
    return wrong


@pytest.mark.parametrize("name", GOOD)
def test_output_columns_are_free(built, name):
    """The tool's three columns land on empty, visible, unmerged columns (not a summary block)."""
    c = built[name]
    t = read(c)
    from followup_sheet.xlsx.edits import tool_columns
    cols = tool_columns(t).columns
    assert len(set(cols)) == 3, cols
    if c.openpyxl_can_open:
        ws = openpyxl.load_workbook(c.path)[c.sheet]
        hidden = hidden_columns(ws)
        assert not hidden & set(cols), f"hidden column(s) {sorted(hidden & set(cols))} chosen"
        for merged in ws.merged_cells.ranges:
            assert not any(merged.min_col <= col <= merged.max_col for col in cols), f"{merged} is in the way"
    taken = {col for (_row, col) in all_values(c.path, c.openpyxl_can_open)[c.sheet]}
    assert not taken & set(cols), f"column(s) {[letter(x) for x in sorted(taken & set(cols))]} hold data"


@pytest.mark.parametrize("name", REFUSED)
def test_library_refuses(built, name):
    from followup_sheet import errors

    c = built[name]
    with pytest.raises(getattr(errors, c.refuse)) as info:
        read(c)
    assert isinstance(info.value, errors.FollowupError)
    message = str(info.value)
    assert c.path.name in message
    for word in c.refuse_words:
        assert word in message.lower()


# --- check ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL)
def test_check(built, name):
    c = built[name]
    before, files = sha256(c.path), listing(c.path.parent)
    result = run_cli("check", c.path, "--today", TODAY)
    assert sha256(c.path) == before, "check changed the workbook"
    assert listing(c.path.parent) == files, "check wrote files"
    assert "Traceback" not in result.text
    if c.refuse:
        assert result.code == 1, result.text
        assert c.path.name in result.text
        for word in c.refuse_words:
            assert word in result.text.lower()
        return
    assert result.code == (1 if "Row problems (" in result.out else 0), result.text   # 1: rows to fix
    out = result.out
    assert c.sheet in out
    assert re.search(rf"header[^\n]*\b{c.header_row}\b", out, re.I), f"header row {c.header_row} not shown:\n{out}"
    for fld, (_header, col) in c.columns.items():
        assert re.search(rf"^\s*{fld}\b[^\n]*\bcolumn {letter(col)}\b", out, re.M | re.I), \
            f"no line for {fld} (column {letter(col)}):\n{out}"
    n = len(c.apps)
    assert re.search(rf"\b{n}\b[^\n]*application|application[^\n]*\b{n}\b", out, re.I), \
        f"{n} applications not shown:\n{out}"


# --- refresh -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL)
def test_refresh(built, name, tmp_path):
    c = built[name]
    target = copy_case(c, tmp_path / "work")
    before, files = sha256(target), listing(target.parent)
    original = all_values(target, c.openpyxl_can_open)
    result = run_cli("refresh", target, "--today", TODAY, "--no-backup")
    assert "Traceback" not in result.text
    if c.refuse:
        assert result.code == 1, result.text
        lines = [line for line in result.text.splitlines() if line.strip()]
        assert c.path.name in lines[0]
        fix = lines[1:]   # a one-line message, or one ending with the exact [columns] lines to add
        assert not fix or (fix[0] == "[columns]" and all(re.fullmatch(r'".+" = "\w+"', x) for x in fix[1:])), \
            f"expected a one-line message or one ending in [columns] lines, got:\n{result.text}"
        assert sha256(target) == before, "a refused file was changed"
        assert listing(target.parent) == files, "a refused refresh left files behind"
        return
    assert result.code == 0, result.text
    if c.extra.get("untouched"):
        assert "no applications yet; nothing written" in result.out, result.text
        assert sha256(target) == before, "a tracker without applications was changed"
        assert listing(target.parent) == files
        return

    rows = grid(target, c.sheet, nrows=c.header_row + 300)
    heads = status_columns(rows, c.header_row)
    assert set(heads) == set(OUTPUT_HEADERS), f"header row {c.header_row} has {heads}"
    status_col, next_col, script_col = (heads[h] for h in OUTPUT_HEADERS)
    wrong = []
    for company, want in c.statuses.items():
        got = cell(rows, c.apps[company], status_col)
        if got != want:
            wrong.append(f"{company} (row {c.apps[company]}): {got!r}, expected {want!r}")
    app_rows = set(c.apps.values())
    for row in range(c.header_row + 1, len(rows) + 1):
        status, due = cell(rows, row, status_col), cell(rows, row, next_col)
        if row in app_rows:
            if status not in STATUSES:
                wrong.append(f"row {row}: status {status!r}")
            elif (status in DATED) != (as_date(due) is not None):
                wrong.append(f"row {row}: {status} with Next Follow-up {due!r}")
            elif status == "Check data" and not str(cell(rows, row, script_col)).strip():
                wrong.append(f"row {row}: Check data without saying what to fix")
        elif status not in ("", None):
            wrong.append(f"row {row} is not an application but got {status!r}")
    assert not wrong, "\n".join(wrong)

    after = all_values(target, c.openpyxl_can_open)
    assert "Today" in after, f"no Today sheet; sheets: {list(after)}"
    ours = set(heads.values())
    for sheet, cells in original.items():
        kept = {rc: v for rc, v in after.get(sheet, {}).items() if not (sheet == c.sheet and rc[1] in ours)}
        assert kept == cells, f"cells on {sheet!r} outside the tool's columns changed"


# --- which sheet ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["intro_sheet_active", "empty_sheet2_active", "lists_sheet_active",
                                  "raw_and_clean", "two_trackers", "summary_pivot_chart", "emoji_sheet_names"])
def test_check_says_why_the_sheet_was_picked(built, name):
    c = built[name]
    t = read(c)
    out = run_cli("check", c.path, "--today", TODAY).out
    assert any(str(reason) in out for reason in t.reasons), f"reasons {t.reasons} not in:\n{out}"


@pytest.mark.parametrize("name, sheet", [("two_trackers", "Internships"), ("raw_and_clean", "Raw export")])
def test_sheet_option(built, name, sheet):
    c = built[name]
    layout: mf.Layout = c.extra[sheet]
    t = read(c, sheet=sheet)
    assert t.sheet == sheet
    assert t.header_row == layout.header_row
    for fld, (_header, col) in layout.columns.items():
        if fld in ("company", "position", "applied_on", "stage"):
            assert t.columns[fld].index == col, fld
    assert sorted(t.frame.index) == sorted(layout.apps.values())
    result = run_cli("check", c.path, "--sheet", sheet, "--today", TODAY)
    assert result.code == 0, result.text
    assert sheet in result.out


def test_settings_choose_the_sheet(built):
    from followup_sheet.settings import Settings

    c = built["two_trackers"]
    t = read(c, settings=Settings(sheets=("Internships",)))
    assert t.sheet == "Internships"
    assert t.columns["company"].index == 4


def test_settings_refresh_several_sheets(built, tmp_path):
    c = built["two_trackers"]
    target = copy_case(c, tmp_path)
    (tmp_path / "followup.toml").write_text('[reading]\nsheets = ["Full-time", "Internships"]\n', encoding="utf-8")
    result = run_cli("refresh", target, "--today", TODAY, "--no-backup")
    assert result.code == 0, result.text
    for sheet, layout in (("Full-time", c), ("Internships", c.extra["Internships"])):
        rows = grid(target, sheet)
        heads = status_columns(rows, layout.header_row)
        assert "Follow-up Status" in heads, f"{sheet} was not refreshed"
        for company, want in layout.statuses.items():
            assert cell(rows, layout.apps[company], heads["Follow-up Status"]) == want, (sheet, company)


def test_unknown_sheet_name_is_refused(built, tmp_path):
    from followup_sheet.errors import NoTrackerFound

    c = built["two_trackers"]
    with pytest.raises(NoTrackerFound, match="Part-time"):
        read(c, sheet="Part-time")
    target, result = refresh_copy(c, tmp_path, "--sheet", "Part-time")
    assert result.code == 1
    assert "Part-time" in result.text and target.name in result.text
    assert sha256(target) == sha256(c.path)


def test_emoji_sheet_chosen_by_name(built, tmp_path):
    c = built["emoji_sheet_names"]
    target, result = refresh_copy(c, tmp_path, "--sheet", "📋 Applications ✅")
    assert result.code == 0, result.text
    rows = grid(target, "📋 Applications ✅")
    status_col = status_columns(rows, 1)["Follow-up Status"]
    assert cell(rows, c.apps["Acme Corp"], status_col) == "Overdue"


def test_pivot_table_and_chart_survive(built, tmp_path):
    c = built["summary_pivot_chart"]
    target, result = refresh_copy(c, tmp_path)
    assert result.code == 0, result.text
    with zipfile.ZipFile(c.path) as before, zipfile.ZipFile(target) as after:
        kept = [n for n in before.namelist() if re.search(r"pivot|chart|drawing", n)]
        assert any("pivotTable" in n for n in kept) and any("charts/" in n for n in kept)
        for name in kept:
            assert name in after.namelist(), f"{name} was dropped"
            assert after.read(name) == before.read(name), f"{name} was rewritten"


# --- where the header is / which columns mean what --------------------------------------------

def test_excel_table_stays_consistent(built, tmp_path):
    c = built["excel_table"]
    target, result = refresh_copy(c, tmp_path)
    assert result.code == 0, result.text
    ws = openpyxl.load_workbook(target)["Applications"]
    assert list(ws.tables) == ["Applications"]
    table = ws.tables["Applications"]
    (min_col, min_row, max_col, max_row) = openpyxl.utils.cell.range_boundaries(table.ref)
    assert (min_col, min_row) == (2, 3) and max_row >= max(c.apps.values())
    assert len(table.tableColumns) == max_col - min_col + 1, "table columns do not match its range"
    for col, column in zip(range(min_col, max_col + 1), table.tableColumns):
        assert str(ws.cell(min_row, col).value) == column.name, "a table header differs from its column name"


def test_response_column_is_read_as_the_status(built):
    c = built["response_holds_status"]
    t = read(c)
    used = {fld for fld, info in t.columns.items() if info.index == c.extra["response_column"]}
    assert used & {"stage", "response"}, f"'Response' mapped to {used or 'nothing'}"


def test_applied_yes_no_is_not_the_date(built):
    c = built["applied_yes_no"]
    t = read(c)
    assert t.columns["applied_on"].index != c.extra["applied_column"]


@pytest.mark.parametrize("name", ["own_followup_date", "own_followupdue"])
def test_pinned_date_is_the_next_follow_up(built, name, tmp_path):
    c = built[name]
    target, result = refresh_copy(c, tmp_path)
    assert result.code == 0, result.text
    rows = grid(target, c.sheet)
    next_col = status_columns(rows, c.header_row)["Next Follow-up"]
    for company, want in c.extra["next"].items():
        assert as_date(cell(rows, c.apps[company], next_col)) == want, company


def test_settings_columns_via_config_flag(built, tmp_path):
    c = built["settings_columns"]
    target = copy_case(c, tmp_path / "alone", with_settings=False)
    config = tmp_path / "elsewhere.toml"
    shutil.copy2(c.path.parent / "followup.toml", config)
    result = run_cli("check", target, "--config", config, "--today", TODAY)
    assert result.code == 0, result.text
    assert re.search(r"^\s*company\b[^\n]*\bcolumn A\b", result.out, re.M), result.out
    from followup_sheet.settings import load_settings
    t = read(c, settings=load_settings(target, config=config))
    assert t.columns["applied_on"].index == 3


# --- dates ---------------------------------------------------------------------------------

def test_date_order_comes_from_the_settings(built):
    from followup_sheet.settings import Settings

    c = built["date_order_setting"]
    acme = c.apps["Acme Corp"]                 # "02/11/2026"
    assert read(c).frame.loc[acme, "applied_on"] == pd.Timestamp("2026-11-02")
    month_first = read(c, settings=Settings(date_order="mdy"))
    assert month_first.frame.loc[acme, "applied_on"] == pd.Timestamp("2026-02-11")


def test_unreadable_date_is_shown_by_check_and_in_the_script(built, tmp_path):
    c = built["words_in_date_column"]
    row = c.apps["Vandelay"]
    out = run_cli("check", c.path, "--today", TODAY).out
    line = next((x for x in out.splitlines() if re.search(rf"\bRow {row}\b", x)), "")
    assert f"C{row}" in line and "next week" in line, f"no problem line for row {row}:\n{out}"
    for other in set(c.apps.values()) - {row}:
        assert not re.search(rf"\bRow {other}\b", out), f"row {other} reported as a problem:\n{out}"
    target, result = refresh_copy(c, tmp_path)
    assert result.code == 0, result.text
    rows = grid(target, c.sheet)
    script_col = status_columns(rows, c.header_row)["Follow-up Script"]
    assert f"C{row}" in str(cell(rows, row, script_col))


def test_million_row_formatting_is_not_walked(built, tmp_path):
    c = built["formatting_to_max_row"]
    from followup_sheet.read import read_tracker
    with time_limit(5):
        t = read_tracker(c.path)
    assert sorted(t.frame.index) == sorted(c.apps.values())
    target = copy_case(c, tmp_path)
    result = run_cli("refresh", target, "--today", TODAY, "--no-backup", seconds=10)
    assert result.code == 0, result.text


# --- data ends / hidden rows ----------------------------------------------------------------

def test_filter_hidden_rows_stay_hidden(built, tmp_path):
    c = built["filter_hidden_rows"]
    target, result = refresh_copy(c, tmp_path)
    assert result.code == 0, result.text
    ws = openpyxl.load_workbook(target)["Applications"]
    for row in c.extra["hidden_rows"]:
        assert ws.row_dimensions[row].hidden, f"row {row} was un-hidden"
    assert ws.auto_filter.ref


# --- stage words ---------------------------------------------------------------------------

def test_check_shows_which_word_went_to_which_stage(built):
    c = built["stage_words"]
    out = run_cli("check", c.path, "--today", TODAY).out
    for word, stage, _status in mf.STAGE_WORDS:
        lines = [x.lower().replace("_", " ") for x in out.splitlines() if word.strip().lower() in x.lower()]
        assert lines, f"{word!r} not shown:\n{out}"
        if stage == "applied":
            assert any("applied" in x and "not applied" not in x for x in lines), (word, lines)
        else:
            assert any(stage in x for x in lines), (word, stage, lines)


def test_words_setting_needs_the_settings(built, tmp_path):
    c = built["words_setting"]
    target, result = refresh_copy(c, tmp_path, with_settings=False)
    assert result.code == 0, result.text
    rows = grid(target, c.sheet)
    status_col = status_columns(rows, c.header_row)["Follow-up Status"]
    assert cell(rows, c.apps["Acme Corp"], status_col) == "Due soon"


# --- the real command ----------------------------------------------------------------------

def _command() -> list[str]:
    script = Path(sys.executable).parent / "followup-sheet"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from followup_sheet.cli import main; sys.exit(main())"]


def test_installed_command(built, tmp_path):
    good = built["intro_sheet_active"]
    done = subprocess.run([*_command(), "check", str(good.path), "--today", TODAY],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Applications" in done.stdout
    bad = copy_case(built["sideways"], tmp_path)
    before = sha256(bad)
    done = subprocess.run([*_command(), "refresh", str(bad), "--today", TODAY, "--no-backup"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert bad.name in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert sha256(bad) == before


# --- trackers other people keep (their words, languages and habits) -----------------------------

def check_out(c: mf.Case) -> str:
    result = run_cli("check", c.path, "--today", TODAY)
    # check exits 1 exactly when it lists rows to fix
    assert result.code == (1 if "Row problems (" in result.out else 0), result.text
    return result.out


def test_exact_date_header_is_kept_however_sparse(built, tmp_path):
    c = built["sparse_exact_date"]
    t = read(c)
    assert t.columns["applied_on"].header == "Date Applied"
    assert "applied_flag" not in t.columns
    assert not t.problems.any(), list(t.problems)   # 'not yet applied', 'to apply' mean no date yet
    target, result = refresh_copy(c, tmp_path)
    assert result.code == 0, result.text


@pytest.mark.parametrize("name", list(mf.OWN_WORDS))
def test_headers_in_the_trackers_own_words(built, name):
    c = built[name]
    t = read(c)
    assert {f: col.index for f, col in t.columns.items()} == {f: col for f, (_h, col) in c.columns.items()}


@pytest.mark.parametrize("name, column, why", [
    ("dotted_text_dates", "C", "day-first: dotted dates"),
    ("dotted_text_dates", "E", "day-first: 24.11.2026 has a 24 in the first place"),
    ("text_dates_mdy", "C", "month-first: 11/23/2026 has a 23 in the second place"),
    ("text_dates_dmy", "C", "day-first: 23-11-26 has a 23 in the first place"),
    ("date_order_setting", "C", 'day-first: date_order = "dmy"'),
    ("date_formats", "C", "real dates, no order needed"),
    ("text_dates", "C", "no order needed"),
])
def test_check_says_which_date_order_and_why(built, name, column, why):
    out = check_out(built[name])
    line = next((x for x in out.splitlines() if f"(column {column}," in x), "")
    assert why in line, f"{why!r} not on the column {column} line:\n{out}"


def test_nachfassen_am_is_a_date_not_the_count(built):
    t = read(built["dotted_text_dates"])
    assert t.columns["pinned"].header == "Nachfassen am"
    assert "follow_ups" not in t.columns


def test_dates_inside_application_rows_are_not_sideways(built):
    from followup_sheet.errors import NoTrackerFound

    c = built["unknown_headers_with_dates"]
    with pytest.raises(NoTrackerFound) as info:
        read(c)
    message = str(info.value)
    assert "sideways" not in message and "add a header row" not in message.lower(), message
    assert "sideways" in str(pytest.raises(NoTrackerFound, read, built["sideways"]).value)


@pytest.mark.parametrize("name", ["unknown_headers_with_dates"])
def test_refusal_prints_columns_lines_that_work(built, name, tmp_path):
    """The [columns] lines a refusal prints are valid followup.toml, and with them the file is read."""
    c = built[name]
    target = copy_case(c, tmp_path / "work")
    result = run_cli("refresh", target, "--today", TODAY, "--no-backup")
    assert result.code == 1, result.text
    assert "[columns]" in result.err and "headers seen" in result.err, result.err
    block = result.err[result.err.index("[columns]"):]
    (target.parent / "followup.toml").write_text(block, encoding="utf-8")
    again = run_cli("refresh", target, "--today", TODAY, "--no-backup")
    assert again.code == 0, again.text
    rows = grid(target, "Log")
    assert status_columns(rows, 1), "no follow-up columns after following the advice"


def test_rows_without_a_company_or_a_date_are_applications(built):
    c = built["rows_without_company"]
    t = read(c)
    for position in mf.NO_COMPANY:
        assert c.apps[position] in t.frame.index, position
    assert c.apps["Stark"] in t.frame.index
    out = check_out(c)
    idea = c.extra["idea_row"]
    assert re.search(rf"^\s*Row {idea}: only company 'Wonka'", out, re.M), out
    stark = c.apps["Stark"]
    # its notes say "Draft — not yet applied": not applied, so no date is asked for
    assert not re.search(rf"^\s*Row {stark}: 'Stark' has no date yet", out, re.M), out


def test_placeholders_are_empty_and_placeholder_rows_are_no_calls(built, tmp_path):
    c = built["placeholders_email_log"]
    t = read(c)
    assert t.frame.loc[c.extra["not_mentioned_row"], "position"] == ""
    assert t.frame.loc[c.apps["Soylent"], "stage"] == ""
    out = check_out(c)
    for row in c.extra["placeholder_rows"]:
        assert re.search(rf"^\s*Row {row}: company and position are placeholders", out, re.M), out
    assert "'Email Subject' (column E)" in out, out
    target, result = refresh_copy(c, tmp_path)
    assert result.code == 0, result.text
    rows = grid(target, c.sheet)
    script = str(cell(rows, c.apps["Acme Corp"], status_columns(rows, 1)["Follow-up Script"]))
    assert script and "Not Mentioned" not in script, script


def test_check_lists_duplicate_applications(built):
    c = built["duplicate_applications"]
    first, second = c.extra["duplicate_rows"]
    out = check_out(c)
    assert re.search(rf"rows {first} and {second}\b", out), out


def test_check_lists_ignored_headers_always(built):
    assert "Ignored headers: none" in check_out(built["intro_sheet_active"])
    out = check_out(built["formula_rows"])
    assert re.search(r"Ignored headers: .*'#' \(column A\).*'Days since applied' \(column G\)", out), out


def test_empty_tracker_is_left_untouched(built, tmp_path):
    c = built["empty_template"]
    target, result = refresh_copy(c, tmp_path)
    assert result.code == 0, result.text
    assert "no applications yet; nothing written" in result.out
    assert sha256(target) == sha256(c.path)
    assert "Applications: 0" in check_out(c)
