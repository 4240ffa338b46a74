"""Shared builders: canonical plan frames, small tracker workbooks, the CLI in this process or a fresh one."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import signal
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest

TODAY = dt.date(2026, 11, 26)   # a Thursday

# The columns `read_tracker(...).frame` holds (see read.py, _canonical); test_read checks this list
# against a real read so the plan tests feed the plan what the read stage really produces.
TEXT_COLUMNS = ("company", "position", "contact", "contact_phone", "contact_email", "hiring_manager",
                "referrer", "referrer_dept", "source", "notes", "stage", "response", "applied_flag",
                "location")
DATE_COLUMNS = ("applied_on", "last_contact", "pinned", "interview_on")
FRAME_COLUMNS = TEXT_COLUMNS + DATE_COLUMNS + ("follow_ups", "max_follow_ups", "no_calls", "problem")


def canonical_frame(rows: list[dict[str, Any]], first_row: int = 2) -> pd.DataFrame:
    """A frame shaped like the read stage's: text '' , dates NaT, follow_ups NaN, no_calls False.

    Dates may be given as 'YYYY-MM-DD' strings, dates or datetimes. The index is the sheet row
    number, starting at `first_row`.
    """
    unknown = {k for row in rows for k in row} - set(FRAME_COLUMNS)
    if unknown:
        raise KeyError(f"not a canonical field: {sorted(unknown)}")
    index = pd.RangeIndex(first_row, first_row + len(rows))
    out = pd.DataFrame(index=index)
    for name in TEXT_COLUMNS:
        out[name] = pd.Series([str(r.get(name, "")) for r in rows], index=index, dtype=object)
    for name in DATE_COLUMNS:
        values = [r.get(name) for r in rows]
        out[name] = pd.Series(pd.to_datetime(pd.Series(values, index=index, dtype=object)),
                              index=index).astype("datetime64[ns]")
    out["follow_ups"] = pd.Series([float(r["follow_ups"]) if r.get("follow_ups") is not None else np.nan
                                   for r in rows], index=index, dtype=float)
    out["max_follow_ups"] = pd.Series([float(r["max_follow_ups"]) if r.get("max_follow_ups") is not None else np.nan
                                       for r in rows], index=index, dtype=float)
    out["no_calls"] = pd.Series([bool(r.get("no_calls", False)) for r in rows], index=index, dtype=bool)
    out["problem"] = pd.Series([str(r.get("problem", "")) for r in rows], index=index, dtype=object)
    return out


def pytest_configure(config):
    """The commands the tests run in processes of their own (hundreds of them) read the package's
    bytecode instead of compiling its source each time: where PYTHONDONTWRITEBYTECODE is set no
    run writes it, and compiling took about 0.1 s of CPU of every such process. Only stale
    files are written, once, by the main process (not by each pytest-xdist worker)."""
    if not hasattr(config, "workerinput"):
        import compileall

        import followup_sheet
        compileall.compile_dir(Path(followup_sheet.__file__).parent, quiet=2)
        _temporary_files_in_memory(config)


MEMORY_FOLDER = Path("/dev/shm")
MEMORY_NEEDED = 2 * 2**30
CACHE_KEPT = 64 * 2**20


def _temporary_files_in_memory(config) -> None:
    """The tests' temporary folders (tmp_path, the corpus sweep's copies, LibreOffice's profiles)
    in a folder of our own in a memory file system where the machine has one with room to spare,
    unless TMPDIR or --basetemp says where they go. Each refresh a test makes saves its workbook
    safely, with an fsync of the file and of its folder: on a disk that waits about 8 ms a save
    (test_edits: 401 fsyncs, 3.3 s of its 20 s of CPU), and a test waiting on the disk leaves its
    core idle. The code run is the same; pytest-xdist's workers and every process a test starts
    inherit TMPDIR. What outlives a run there is small: pytest keeps only failed tests' folders
    (pyproject.toml) of its last three runs, and Jinja2's bytecode cache (followup_sheet.render),
    which gains files with each new template text, is emptied once it passes CACHE_KEPT."""
    import os
    import shutil
    import stat
    import tempfile

    if os.environ.get("TMPDIR") or config.option.basetemp or not MEMORY_FOLDER.is_dir():
        return
    free = os.statvfs(MEMORY_FOLDER)
    if free.f_bavail * free.f_frsize < MEMORY_NEEDED:
        return
    folder = MEMORY_FOLDER / f"followup-sheet-tests-{os.getuid()}"
    try:
        folder.mkdir(mode=0o711, exist_ok=True)
        mode = os.lstat(folder)
    except OSError:
        return
    if not stat.S_ISDIR(mode.st_mode) or mode.st_uid != os.getuid():     # not ours: leave it
        return
    # (others may pass through it, never list it: the test IMAP server runs as its own user and
    # reads its password file in a folder of 0755 made here; pytest's own folders stay 0700)
    os.chmod(folder, 0o711)
    for cache in folder.glob("_jinja2-cache-*"):
        if sum(f.stat().st_size for f in cache.iterdir() if f.is_file()) > CACHE_KEPT:
            shutil.rmtree(cache, ignore_errors=True)
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = None       # worked out again from TMPDIR on its next use


def pytest_collection_finish(session):
    """Python's cycle collector tuned as the command runs without it (followup_sheet.cli): the
    objects alive once the tests are collected (the imported modules, pandas', the tests' own
    tables) are frozen out of its scans, and it runs every 20,000 allocations instead of 700.
    The tests make millions of short-lived objects; a collection scanned the whole heap each time.
    FOLLOWUP_TESTS_GC=default keeps Python's own settings (to compare)."""
    import gc
    import os

    if os.environ.get("FOLLOWUP_TESTS_GC") != "default":
        gc.collect()
        gc.freeze()
        gc.set_threshold(20_000, 20, 20)


def pytest_collection_modifyitems(items):
    """The files with long sweeps (`slow` tests) first, the most slow tests first, then the other
    files by their number of tests; each file's tests keep their order. With `-n auto --dist
    loadfile --no-loadscope-reorder` (pyproject.toml) a worker takes whole files in this order:
    pytest-xdist's own order (most tests first) handed the killed-refresh series out last, and it
    ran alone on one core for minutes at the end of the run."""
    tests: dict = {}
    slow: dict = {}
    for item in items:
        tests[item.path] = tests.get(item.path, 0) + 1
        slow[item.path] = slow.get(item.path, 0) + (item.get_closest_marker("slow") is not None)
    items.sort(key=lambda item: (not slow[item.path], -slow[item.path], -tests[item.path]))


@pytest.fixture(autouse=True)
def no_user_settings(monkeypatch, tmp_path_factory):
    """Every test, and every command it runs, sees an empty user-wide settings folder, an empty
    cache folder and a locale without a country, whatever the machine's ~/.config, ~/.cache and
    locale hold."""
    empty = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(empty))
    monkeypatch.setenv("APPDATA", str(empty))
    monkeypatch.setenv("LC_ALL", "C.UTF-8")    # no country's holidays from the machine's locale
    monkeypatch.setenv("XDG_CACHE_HOME", str(empty / "cache"))
    return empty


@pytest.fixture
def make_frame():
    return canonical_frame


class Formula(str):
    """A cell value to be written as a formula (plain strings are always written as text)."""


def write_tracker(path: Path, rows: list[dict[str, Any]], headers: Iterable[str] | None = None,
                  sheet: str = "Applications", date_format: str = "yyyy-mm-dd") -> Path:
    """A one-sheet tracker: header row 1, one row per dict (keys are header texts).

    Strings are stored as text even when they look like formulas or error codes ('=X', '#N/A');
    wrap a value in `Formula` to store a formula. Dates and datetimes get `date_format`.
    """
    headers = list(headers) if headers is not None else _union_keys(rows)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for col, header in enumerate(headers, start=1):
        set_cell(ws.cell(1, col), header)
    for r, row in enumerate(rows, start=2):
        for col, header in enumerate(headers, start=1):
            if header in row and row[header] is not None:
                cell = ws.cell(r, col)
                set_cell(cell, row[header])
                if isinstance(row[header], (dt.date, dt.datetime)):
                    cell.number_format = date_format
    path = Path(path)
    wb.save(path)
    return path


def write_sheets(path: Path, headers: Iterable[str], sheets: dict[str, list[tuple]]) -> Path:
    """A workbook of one sheet per entry of `sheets`, each with `headers` in row 1 and its rows
    (tuples in header order) below, stored as `set_cell` does; dates get yyyy-mm-dd."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for col, header in enumerate(headers, start=1):
            set_cell(ws.cell(1, col), header)
        for r, values in enumerate(rows, start=2):
            for col, value in enumerate(values, start=1):
                if value is not None:
                    set_cell(ws.cell(r, col), value)
                    if isinstance(value, dt.date):
                        ws.cell(r, col).number_format = "yyyy-mm-dd"
    wb.save(path)
    return Path(path)


def rows_book(path: Path, rows: list[list[object]]) -> Path:
    """A workbook of one sheet holding `rows` as openpyxl appends them (the caller writes the
    header row, and any title rows above it, as the first rows)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return Path(path)


def set_cell(cell, value: Any) -> None:
    """Store `value`; text stays text (openpyxl would otherwise read '=..' as a formula)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    cell.value = value
    if isinstance(value, str) and not isinstance(value, Formula):
        cell.data_type = "s"


def _union_keys(rows: list[dict[str, Any]]) -> list[str]:
    seen: list[str] = []
    for row in rows:
        for key in row:
            if key not in seen:
                seen.append(key)
    return seen


@pytest.fixture
def make_tracker(tmp_path):
    """make_tracker(rows, name='tracker.xlsx', headers=None, ...) -> path of a new workbook."""
    def build(rows, name: str = "tracker.xlsx", **kwargs) -> Path:
        return write_tracker(tmp_path / name, rows, **kwargs)
    return build


def zip_members(path: Path) -> dict[str, bytes]:
    """Every member of a zip file by name (timestamps and compression left out)."""
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info.filename) for info in zf.infolist()}


@contextlib.contextmanager
def time_limit(seconds: float):
    """Fail instead of waiting for ever in this process (the product walking a million empty rows,
    a named pipe opened with no one at the other end): the alarm's exception interrupts the wait."""
    def on_alarm(signum, frame):
        raise TimeoutError(f"took longer than {seconds} s")
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_cli_process(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m followup_sheet ARGS` in a fresh process, as a user would run it: for what only a
    process shows (its exit, signals, the console's encoding, the installed command, start-up)."""
    return subprocess.run([sys.executable, "-m", "followup_sheet", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The command line's `main(ARGS)` in this process, with its standard output and error
    caught as the process's would be (UTF-8 text streams) and `cwd` as the working folder: the
    same code a user's command runs after start-up, without the half second of start-up (mostly
    importing pandas) that a fresh process pays. `timeout` is the process runner's; here it is
    unused. Tests of what only a process shows use `run_cli_process`."""
    import io
    import os

    from followup_sheet import cli

    def stream() -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="\n", write_through=True)

    out, err = stream(), stream()
    saved = sys.stdout, sys.stderr, sys.argv, os.getcwd()
    # the root logger as a fresh process has it (no handler), so the command's own logging set-up
    # writes its warnings to the caught standard error; pytest's handlers come back afterwards
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    root.handlers = []
    # a fresh process writing into a pipe finds no terminal and takes 80 x 24; so does this one,
    # whatever terminal the tests run in
    size = {k: os.environ.get(k) for k in ("COLUMNS", "LINES")}
    os.environ.setdefault("COLUMNS", "80")
    os.environ.setdefault("LINES", "24")
    sys.stdout, sys.stderr, sys.argv = out, err, ["followup-sheet", *map(str, args)]
    try:
        if cwd is not None:
            os.chdir(cwd)
        try:
            code = cli.main([str(a) for a in args])
        except SystemExit as exc:      # argparse's usage errors, --help, --version
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdout, sys.stderr, sys.argv = saved[0], saved[1], saved[2]
        os.chdir(saved[3])
        root.handlers, root.level = handlers, level
        for k, v in size.items():
            if v is None:
                os.environ.pop(k, None)

    def text(s: io.TextIOWrapper) -> str:
        s.flush()
        return s.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    return subprocess.CompletedProcess(["followup-sheet", *map(str, args)], code, text(out), text(err))


@pytest.fixture
def cli():
    return run_cli


def column_of(ws, header: str, header_row: int = 1) -> int:
    """The 1-based column whose header cell reads `header` (exactly)."""
    found = [c.column for c in ws[header_row] if c.value == header]
    assert len(found) == 1, f"expected one {header!r} header in row {header_row}, found {len(found)}"
    return found[0]


def statuses_by_company(path: Path, sheet: str = "Applications", company_header: str = "Company"):
    """{company: status} as written in the workbook's Follow-up Status column (the cached value
    of a live status formula: what the workbook shows until a program recalculates it)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet]
    status_col = column_of(ws, "Follow-up Status")
    company_col = column_of(ws, company_header)
    return {ws.cell(r, company_col).value: ws.cell(r, status_col).value
            for r in range(2, ws.max_row + 1) if ws.cell(r, company_col).value is not None}


def type_marks(path: Path, marks: dict[str, dict[str, object]], company: str = "Company",
               added: tuple[str, ...] = ("Done", "Outcome", "Date", "Name")) -> None:
    """Type into the Today sheet as a user would: the marks' columns (Done / Outcome / Date /
    Name, or the language's headers) by the row's `company` cell; columns found by header, those
    of `added` put at the right when the sheet has none yet."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Today"]
    header = {c.value: c.column for c in ws[2] if c.value}
    for name in added:
        if name not in header:
            header[name] = ws.max_column + 1
            ws.cell(2, header[name], name)
    for r in range(3, ws.max_row + 1):
        for key, value in marks.get(ws.cell(r, header[company]).value, {}).items():
            ws.cell(r, header[key], value)
    wb.save(path)


def assert_rows(plan, scripts, expected) -> None:
    """Each row of `expected` (row -> status, next date or None, situation, words its script says,
    words it never says) as the plan and scripts have it."""
    import pandas as pd
    for row, (status, due, situation, says, never) in expected.items():
        got = plan.loc[row]
        assert got["status"] == status, (row, got["why"])
        assert (pd.isna(got["due"]) if due is None else got["due"] == due), (row, got["due"])
        assert got["situation"] == situation, (row, got["situation"])
        script = str(scripts.loc[row])
        for word in says:
            assert word in script, (row, word, script)
        for word in never:
            assert word not in script, (row, word, script)


def status_due_situation(plan, rows) -> dict:
    """row -> (status, next date as YYYY-MM-DD or None, situation) of `plan`, for the rows a trial
    pinned as checked by reading."""
    got = {}
    for row in rows:
        due = plan.at[row, "due"]
        got[row] = (plan.at[row, "status"], None if pd.isna(due) else str(due.date()), plan.at[row, "situation"])
    return got
