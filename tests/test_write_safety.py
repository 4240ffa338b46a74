"""Nothing of the user's is lost: columns that look empty but are not, the watcher's side list,
read-only trackers, the sheet's last column, backups on a full disk, huge whitespace, and write
failures that end in a one-line message with the workbook untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import TODAY, run_cli, write_tracker
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from followup_sheet.pipeline import refresh
from followup_sheet.read import read_tracker
from followup_sheet.xlsx import column_number
from followup_sheet.xlsx.edits import tool_columns

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

ROWS = [{"Company": f"Firm {i}", "Position": "Analyst", "Date Applied": dt.date(2026, 11, 2 + i % 20),
         "Status": "Rejected" if i % 3 == 0 else "Applied"} for i in range(30)]


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _soffice(src: Path, outdir: Path, fmt: str) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = outdir / "lo-profile"
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                           "--convert-to", fmt, "--outdir", str(outdir), str(src)],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    return outdir


# --- columns that look empty but hold something ------------------------------------------

def _tracker_with_formula_column(path: Path) -> Path:
    """Company..Status in A:D, then in F (no header) =IF(D2="Nope","yes","") on every row, which
    is "" on every row: openpyxl saves the formulas with no cached result."""
    write_tracker(path, ROWS)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for r in range(2, len(ROWS) + 2):
        ws.cell(r, 6).value = f'=IF(D{r}="Nope","yes","")'
    wb.save(path)
    return path


def _formulas(path: Path, col: str) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)["Applications"]
    return {f"{col}{r}": ws[f"{col}{r}"].value for r in range(2, len(ROWS) + 2)}


def test_formula_column_without_cached_values_is_not_written_over(tmp_path):
    path = _tracker_with_formula_column(tmp_path / "tracker.xlsx")
    before = _formulas(path, "F")
    assert all(v.startswith("=IF(") for v in before.values())
    tracker = read_tracker(path)
    assert 6 not in tool_columns(tracker).columns
    refresh(path, today=TODAY, backup=False)
    assert _formulas(path, "F") == before


def test_formula_column_saved_by_libreoffice_is_not_written_over(tmp_path):
    """LibreOffice stores the empty text results as cached values: calamine reads them as ''."""
    (tmp_path / "src").mkdir()
    source = _tracker_with_formula_column(tmp_path / "src" / "tracker.xlsx")
    _soffice(source, tmp_path / "lo", "xlsx")
    path = tmp_path / "lo" / "tracker.xlsx"
    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
    assert b"<f" in sheet and b"IF(" in sheet        # LibreOffice kept the formulas...
    before = _formulas(path, "F")
    assert sum(1 for v in before.values() if str(v).startswith("=IF(")) == len(ROWS)
    refresh(path, today=TODAY, backup=False)
    assert _formulas(path, "F") == before


@pytest.mark.parametrize("kind", ["comment", "validation", "name", "merge", "value below"])
def test_a_column_holding_anything_is_occupied(tmp_path, kind):
    path = write_tracker(tmp_path / "tracker.xlsx", ROWS)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    if kind == "comment":
        ws["F20"].comment = Comment("call back in March", "me")
    elif kind == "validation":
        dv = DataValidation(type="list", formula1='"yes,no"')
        dv.add("F2:F31")
        ws.add_data_validation(dv)
    elif kind == "name":
        wb.defined_names["Picks"] = DefinedName("Picks", attr_text="Applications!$F$2:$F$31")
    elif kind == "merge":
        ws.merge_cells("F40:G41")
    else:
        ws["F60"] = "total: 30"
    wb.save(path)
    tracker = read_tracker(path)
    assert 6 not in tool_columns(tracker).columns
    assert tool_columns(tracker).columns == (5, 7, 8) if kind != "merge" else (5, 8, 9)


# --- a read-only tracker -----------------------------------------------------------------

def _one_line_failure(proc) -> str:
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.fixture
def tracker(tmp_path):
    return write_tracker(tmp_path / "tracker.xlsx", ROWS[:8])


def test_a_read_only_tracker_is_not_replaced(tmp_path, tracker):
    tracker.chmod(0o444)
    before = sha(tracker)
    line = _one_line_failure(run_cli("refresh", tracker, "--today", TODAY.isoformat()))
    assert "the workbook is read-only" in line and str(tracker) in line and "--output" in line
    assert sha(tracker) == before
    assert not (tmp_path / ".followup-backups").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx"]


def test_a_read_only_tracker_can_still_be_copied_or_tried(tmp_path, tracker):
    tracker.chmod(0o444)
    before = sha(tracker)
    assert run_cli("refresh", tracker, "--today", TODAY.isoformat(), "--dry-run").returncode == 0
    copy = tmp_path / "copy.xlsx"
    proc = run_cli("refresh", tracker, "--today", TODAY.isoformat(), "--output", copy)
    assert proc.returncode == 0, proc.stderr
    assert copy.exists() and sha(tracker) == before


# --- write failures: one line, exit 1, nothing changed ------------------------------------

def test_output_into_a_missing_folder(tmp_path, tracker):
    before = sha(tracker)
    line = _one_line_failure(run_cli("refresh", tracker, "--today", TODAY.isoformat(),
                                     "--output", tmp_path / "nowhere" / "copy.xlsx"))
    assert "nowhere" in line and "does not exist" in line
    assert sha(tracker) == before


def test_output_onto_a_folder(tmp_path, tracker):
    (tmp_path / "folder.xlsx").mkdir()   # named like a workbook, so only the write stage can tell
    before = sha(tracker)
    line = _one_line_failure(run_cli("refresh", tracker, "--today", TODAY.isoformat(),
                                     "--output", tmp_path / "folder.xlsx"))
    assert "is a folder" in line
    assert sha(tracker) == before
    assert list((tmp_path / "folder.xlsx").iterdir()) == []


def _entries(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha(p) if p.is_file() else "dir" for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("no_backup", [False, True])
def test_a_folder_that_cannot_be_written(tmp_path, tracker, monkeypatch, no_backup):
    """chmod cannot stop root, so the refusal the operating system would give is simulated."""
    from followup_sheet import filesafe
    from followup_sheet.errors import FollowupError
    real = filesafe.tempfile.mkstemp

    def refuse(*args, dir=None, **kwargs):
        if Path(dir) == tmp_path:
            raise PermissionError(13, "Permission denied", str(dir))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(filesafe.tempfile, "mkstemp", refuse)
    before = _entries(tmp_path)
    with pytest.raises(FollowupError, match="cannot write in the folder") as err:
        refresh(tracker, today=TODAY, backup=not no_backup)
    assert str(tmp_path) in str(err.value) and "--output" in str(err.value)
    assert _entries(tmp_path) == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_a_read_only_folder_for_real(tmp_path, tracker):
    tmp_path.chmod(0o555)
    try:
        _one_line_failure(run_cli("refresh", tracker, "--today", TODAY.isoformat()))
        _one_line_failure(run_cli("refresh", tracker, "--today", TODAY.isoformat(), "--no-backup"))
    finally:
        tmp_path.chmod(0o755)


def test_a_backup_folder_that_is_a_file(tmp_path, tracker):
    (tmp_path / ".followup-backups").write_text("mine")
    before = _entries(tmp_path)
    line = _one_line_failure(run_cli("refresh", tracker, "--today", TODAY.isoformat()))
    assert ".followup-backups" in line and "--no-backup" in line
    assert _entries(tmp_path) == before
    assert run_cli("refresh", tracker, "--today", TODAY.isoformat(), "--no-backup").returncode == 0


def test_a_backup_folder_that_cannot_be_written(tmp_path, tracker, monkeypatch):
    from followup_sheet import filesafe
    from followup_sheet.errors import FollowupError
    (tmp_path / ".followup-backups").mkdir()
    real = filesafe.tempfile.mkstemp

    def refuse(*args, dir=None, **kwargs):
        if Path(dir).name == ".followup-backups":
            raise PermissionError(13, "Permission denied", str(dir))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(filesafe.tempfile, "mkstemp", refuse)
    before = _entries(tmp_path)
    with pytest.raises(FollowupError, match=r"\.followup-backups.*--no-backup"):
        refresh(tracker, today=TODAY)
    assert _entries(tmp_path) == before


def test_a_full_disk_while_the_backup_is_written_leaves_no_partial_backup(tmp_path, tracker, monkeypatch):
    from followup_sheet import filesafe
    from followup_sheet.errors import FollowupError
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell the backup's file from the workbook's")
    real_fsync = filesafe.os.fsync

    def full(fd):   # a full disk often shows only when the data is flushed
        if ".followup-backups" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(28, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(filesafe.os, "fsync", full)
    before = sha(tracker)
    with pytest.raises(FollowupError, match="disk is full"):
        refresh(tracker, today=TODAY)
    assert sha(tracker) == before
    folder = tmp_path / ".followup-backups"
    assert not folder.exists() or list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".followup-backups") == ["tracker.xlsx"]


def test_a_full_disk_while_the_workbook_is_written(tmp_path, tracker, monkeypatch):
    from followup_sheet.errors import FollowupError
    from followup_sheet.xlsx import write

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write, "verify_package", full)   # the last write-side step before the replace
    before = _entries(tmp_path)
    with pytest.raises(FollowupError, match="disk is full") as err:
        refresh(tracker, today=TODAY)
    assert str(tracker) in str(err.value)
    assert _entries(tmp_path) == {k: v for k, v in before.items()}


def test_a_file_size_limit_ends_in_a_message(tmp_path, tracker):
    resource = pytest.importorskip("resource")
    before = sha(tracker)
    limit = tracker.stat().st_size // 2

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    import sys
    proc = subprocess.run([sys.executable, "-m", "followup_sheet", "refresh", str(tracker),
                           "--today", TODAY.isoformat(), "--no-backup"],
                          capture_output=True, text=True, preexec_fn=small_files, timeout=120)
    line = _one_line_failure(proc)
    assert "size limit" in line
    assert sha(tracker) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx"]


def test_a_workbook_held_by_another_program(tmp_path, tracker, monkeypatch):
    """Windows refuses to replace a file another program holds open ("file in use")."""
    from followup_sheet import filesafe
    from followup_sheet.errors import WorkbookBusy
    tries = []

    def held(src, dst):
        tries.append(dst)
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(filesafe.os, "replace", held)
    monkeypatch.setattr(filesafe.time, "sleep", lambda s: None)
    before = sha(tracker)
    with pytest.raises(WorkbookBusy, match="in use by another program"):
        refresh(tracker, today=TODAY, backup=False)
    assert len(tries) > 1                     # tried again before giving up
    assert sha(tracker) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx"]


# --- the watcher's side list -------------------------------------------------------------

def _watch_open_then_closed(tracker: Path, caplog) -> list[str]:
    """A watcher meets the tracker open in LibreOffice (so it writes today's list beside it),
    then closed (so it refreshes the tracker and removes that list); its log lines."""
    import logging

    from followup_sheet.watch import Watcher
    caplog.set_level(logging.INFO, "followup_sheet.watch")
    now = [dt.datetime(2026, 11, 26, 8, 0)]

    def sleep(seconds):
        now[0] += dt.timedelta(seconds=seconds)

    lock = tracker.with_name(f".~lock.{tracker.name}#")
    lock.write_text("Jane Doe,jane,laptop,26.11.2026 08:12,file:///home/jane/.config/libreoffice/4;")
    watcher = Watcher(tracker, poll=60, clock=lambda: now[0], sleep=sleep, today=TODAY, backup=False)
    sleep(watcher.step())
    side_lists = sorted(p.name for p in tracker.parent.glob("* - Today*.xlsx"))
    lock.unlink()
    sleep(watcher.step())
    return side_lists, [r.getMessage() for r in caplog.records if r.name == "followup_sheet.watch"]


def test_the_side_list_never_replaces_or_deletes_a_file_of_the_users(tmp_path, tracker, caplog):
    mine = tmp_path / "tracker - Today.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "my own notes for today"
    wb.save(mine)
    before = sha(mine)
    side_lists, log = _watch_open_then_closed(tracker, caplog)
    assert side_lists == ["tracker - Today (2).xlsx", "tracker - Today.xlsx"]
    assert any("tracker - Today (2).xlsx" in line for line in log if line.startswith("wrote"))
    assert sha(mine) == before                                       # still there, same bytes
    assert not (tmp_path / "tracker - Today (2).xlsx").exists()      # ours, removed once current
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == \
        ["tracker - Today.xlsx", "tracker.xlsx"]


def test_the_side_list_the_tool_wrote_is_reused_and_removed(tmp_path, tracker, caplog):
    """A list left by a watcher that was stopped while the tracker was open carries the marker:
    the next watcher writes over it rather than choosing another name."""
    from followup_sheet.exportfiles import export_today
    from followup_sheet.pipeline import compute
    _, table, _ = compute(tracker, today=TODAY)
    export_today(table.iloc[:0], tmp_path / "tracker - Today.xlsx")
    side_lists, _ = _watch_open_then_closed(tracker, caplog)
    assert side_lists == ["tracker - Today.xlsx"]
    assert not (tmp_path / "tracker - Today.xlsx").exists()


def test_a_side_list_the_user_changed_is_not_removed(tmp_path, tracker, caplog, monkeypatch):
    """Once written, the list is the user's to open and edit: it is removed only as it was written."""
    from followup_sheet import watch
    real = watch.SideList.write

    def then_edited(self, today):
        real(self, today)
        side = tmp_path / "tracker - Today.xlsx"
        wb = openpyxl.load_workbook(side)
        wb.active["A30"] = "called them, call back Monday"
        wb.save(side)

    monkeypatch.setattr(watch.SideList, "write", then_edited)
    _watch_open_then_closed(tracker, caplog)
    assert openpyxl.load_workbook(tmp_path / "tracker - Today.xlsx").active["A30"].value.startswith("called")


def test_the_side_list_drops_characters_xml_cannot_hold(tmp_path, caplog):
    from make_fixtures import edit_package
    path = write_tracker(tmp_path / "tracker.xlsx", [
        {"Company": "ACMEX", "Position": "POSX", "Date Applied": dt.date(2026, 11, 2), "Status": "Applied",
         "Contact": "Bob"}])
    edit_package(path, {"xl/worksheets/sheet1.xml": lambda d: d.replace(b"ACMEX", b"Ac_x0001_me_x001B_[31m")
                        .replace(b"POSX", b"Pos\x07ition")})
    side_lists, log = _watch_open_then_closed(path, caplog)
    assert side_lists == ["tracker - Today.xlsx"], log
    assert not [line for line in log if line.startswith("error")], log


# --- never past XFD, the last column ------------------------------------------------------

XFD = 16384
_CELL_OR_COL = re.compile(rb"""<(?:\w+:)?(c|col|dimension)\b[^>]*>""")


def _columns_named(data: bytes) -> list[int]:
    """Every column number a worksheet part names: cell references, <col> ranges, the dimension."""
    found = []
    for m in _CELL_OR_COL.finditer(data):
        tag = m.group(0)
        if m.group(1) == b"col":
            found += [int(x) for x in re.findall(rb"""\b(?:min|max)\s*=\s*["'](\d+)["']""", tag)]
        else:
            for attr in re.findall(rb"""\b(?:r|ref)\s*=\s*["']([^"']+)["']""", tag):
                found += [column_number(x.decode()) for x in re.findall(rb"([A-Z]+)\d+", attr)]
    return found


def _never_past_xfd(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                assert max(_columns_named(zf.read(name)), default=0) <= XFD, name


HEADERS = ["Company", "Position", "Date Applied", "Status"]


def _wide_tracker(path: Path, extra_headers: int = 0) -> Path:
    rows = [dict(r) for r in ROWS[:6]]
    return write_tracker(path, rows, headers=HEADERS + [f"Extra {i}" for i in range(extra_headers)])


def test_a_value_in_xfd1_keeps_the_columns_inside_the_sheet(tmp_path):
    path = _wide_tracker(tmp_path / "tracker.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active["XFD1"] = "far away"
    wb.save(path)
    refresh(path, today=TODAY, backup=False)
    _never_past_xfd(path)
    ws = openpyxl.load_workbook(path).active
    assert ws["XFD1"].value == "far away"
    assert [ws.cell(1, c).value for c in (5, 6, 7)] == ["Follow-up Status", "Next Follow-up", "Follow-up Script"]
    if SOFFICE is not None:
        out = _soffice(path, tmp_path / "csv", "csv")
        assert "Follow-up Status" in (out / "tracker.csv").read_text(encoding="utf-8", errors="replace")


@pytest.mark.slow   # a 16,384-column header goes through the header matcher: about a minute
def test_a_header_across_every_column_is_refused_with_the_fix(tmp_path):
    path = _wide_tracker(tmp_path / "tracker.xlsx", extra_headers=XFD - len(HEADERS))
    before = sha(path)
    line = _one_line_failure(run_cli("refresh", path, "--today", TODAY.isoformat()))
    assert "XFD" in line and "Follow-up Status" in line and "Applications" in line
    assert sha(path) == before


def test_a_merge_to_the_last_column_is_refused_with_the_fix(tmp_path):
    from make_fixtures import edit_package
    path = _wide_tracker(tmp_path / "tracker.xlsx", extra_headers=5)     # A:I
    # written into the XML: openpyxl would make an object for each of the merge's 17 billion cells
    edit_package(path, {"xl/worksheets/sheet1.xml": lambda d: d.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="J1:XFD1048576"/></mergeCells>')})
    before = sha(path)
    line = _one_line_failure(run_cli("refresh", path, "--today", TODAY.isoformat()))
    assert "E to XFD" in line and "merged cells J1:XFD1048576" in line and "unmerge" in line
    assert sha(path) == before


def test_hidden_columns_to_the_last_one_are_used_and_only_ours_shown(tmp_path):
    path = _wide_tracker(tmp_path / "tracker.xlsx", extra_headers=8)     # A:L
    wb = openpyxl.load_workbook(path)
    wb.active.column_dimensions.group("M", "XFD", hidden=True)
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        assert b'min="13" max="16384"' in zf.read("xl/worksheets/sheet1.xml")
    refresh(path, today=TODAY, backup=False)
    _never_past_xfd(path)
    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
    cols = {(int(a), int(b)): b"hidden" in tag for tag, a, b in
            re.findall(rb"""(<col [^>]*min="(\d+)" max="(\d+)"[^>]*>)""", sheet)}
    assert not cols[(13, 13)] and not cols[(14, 14)] and not cols[(15, 15)]
    assert cols[(16, XFD)]
    ws = openpyxl.load_workbook(path).active
    assert ws.cell(1, 13).value == "Follow-up Status"
    if SOFFICE is not None:
        out = _soffice(path, tmp_path / "csv", "csv")
        text = (out / "tracker.csv").read_text(encoding="utf-8", errors="replace")
        assert "Follow-up Status" in text


# --- whitespace: linear time, memory bounded by the block size ----------------------------

WHITESPACE = 40 * 2**20   # under the 50 MB a part may unpack to before its compression ratio is checked


def _padded(path: Path, where: str) -> Path:
    """A tracker whose sheet part holds 40 MB of whitespace after its last row or after its rows
    (behind </sheetData>); deflated, the file stays small on disk."""
    from make_fixtures import edit_package
    write_tracker(path, ROWS[:6])
    pad = b" \r\n\t" * (WHITESPACE // 4)
    if where == "before the rows":
        edit_package(path, {"xl/worksheets/sheet1.xml": lambda d: d.replace(b"<sheetData>", pad + b"<sheetData>")})
    else:
        new = pad + b"</sheetData>" if where == "after the last row" else b"</sheetData>" + pad
        edit_package(path, {"xl/worksheets/sheet1.xml": lambda d: d.replace(b"</sheetData>", new)})
    assert path.stat().st_size < 2**20
    return path


def test_whitespace_before_the_rows_is_read_in_linear_time(tmp_path):
    """The head is kept whole (the write stage edits it), but gathered in place, not re-copied."""
    from followup_sheet import xlsx
    from followup_sheet.xlsx import sheetxml
    pkg = xlsx.open_package(_padded(tmp_path / "tracker.xlsx", "before the rows"))
    kinds = [kind for kind, _ in sheetxml.iter_sheet(pkg, pkg.sheets[0].part)]
    assert kinds[:2] == ["head", "open"]
    refresh(pkg.path, today=TODAY, backup=False)
    assert openpyxl.load_workbook(pkg.path).active.cell(1, 5).value == "Follow-up Status"


@pytest.mark.parametrize("where", ["after the last row", "after the rows"])
def test_whitespace_is_streamed_in_blocks(tmp_path, where):
    from followup_sheet import xlsx
    from followup_sheet.xlsx import sheetxml
    pkg = xlsx.open_package(_padded(tmp_path / "tracker.xlsx", where))
    sizes = [len(data) for _, data in sheetxml.iter_sheet(pkg, pkg.sheets[0].part)]
    assert sum(sizes) < 2**20   # the padding is left out as it streams past (sheetxml.Unpadded)
    assert max(sizes) <= 2 * sheetxml.CHUNK


@pytest.mark.parametrize("where", ["after the last row", "after the rows"])
def test_whitespace_costs_memory_of_one_block(tmp_path, where):
    import tracemalloc
    path = _padded(tmp_path / "tracker.xlsx", where)
    tracemalloc.start()
    try:
        result = refresh(path, today=TODAY, dry_run=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.changed
    assert peak < 24 * 2**20, f"peak {peak / 2**20:.0f} MB for {WHITESPACE / 2**20:.0f} MB of whitespace"
    refresh(path, today=TODAY, backup=False)
    ws = openpyxl.load_workbook(path).active
    assert ws.cell(1, 5).value == "Follow-up Status"


@pytest.mark.parametrize("chunk", [5, 37, 64, 1000, 1 << 20])
def test_streamed_blocks_hold_whole_rows_and_every_byte(tmp_path, chunk):
    from make_fixtures import edit_package

    from followup_sheet import xlsx
    from followup_sheet.xlsx import sheetxml
    path = write_tracker(tmp_path / "tracker.xlsx", ROWS)
    edit_package(path, {"xl/worksheets/sheet1.xml": lambda d: d.replace(b"</row>", b"</row>\n   ", 5)
                        .replace(b"</sheetData>", b'<row r="90"/>  \n<row r="91" spans="1:2"/>' + b" " * 300
                                 + b"</sheetData>" + b"\n" * 700)})
    pkg = xlsx.open_package(path)
    part = pkg.sheets[0].part
    blocks = list(sheetxml.iter_sheet(pkg, part, chunk=chunk))
    assert b"".join(data for _, data in blocks) == pkg.zip.read(part)
    for kind, data in blocks:
        if kind == "rows":
            starts = len(re.findall(rb"<row\b", data))
            assert starts == data.count(b"</row>") + len(re.findall(rb"<row\b[^>]*/>", data))
    kinds = [k for k, _ in blocks]
    assert kinds[-1] == "tail" and blocks[kinds.index("tail")][1].startswith(b"</sheetData>")


def test_old_backups_are_pruned_by_their_exact_names_only(tmp_path, tracker):
    """Only this workbook's own backups are pruned: not a file the user put in the folder, nor
    the backups of a workbook whose name starts the same way."""
    from followup_sheet.settings import Settings
    folder = tmp_path / ".followup-backups"
    folder.mkdir()
    others = {"tracker.mine.xlsx": b"mine", "tracker.v2.20200101-000000-000000.xlsx": b"v2 backup"}
    for name, data in others.items():
        (folder / name).write_bytes(data)
    for day in (TODAY, TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=2)):
        refresh(tracker, today=day, settings=Settings(backups=1))
    for name, data in others.items():
        assert (folder / name).read_bytes() == data
    assert len([p for p in folder.iterdir() if p.name not in others]) == 1


# --- a data validation over the whole sheet or whole rows --------------------------------

_VALIDATIONS = re.compile(rb"<(?:\w+:)?dataValidations\b.*?</(?:\w+:)?dataValidations>", re.S)


def _tracker_with_validation(path: Path, *areas: str) -> Path:
    """The 30 applications in A:D, and a drop-down of the job boards applied to `areas`."""
    write_tracker(path, ROWS)
    wb = openpyxl.load_workbook(path)
    dv = DataValidation(type="list", formula1='"LinkedIn,Indeed,Referral,Company site"', allow_blank=True)
    for area in areas:
        dv.add(area)
    wb.active.add_data_validation(dv)
    wb.save(path)
    return path


def _sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("areas", [("A1:XFD1048576",), ("A2:XFD31",), ("A1:XFD1", "A5:XFD40")],
                         ids=["the whole sheet", "the table's rows", "rows above and through the table"])
def test_a_validation_over_whole_rows_leaves_the_columns_beside_the_table_free(tmp_path, areas):
    from lxml import etree
    from test_callsheet import WORKSHEET_ORDER
    path = _tracker_with_validation(tmp_path / "tracker.xlsx", *areas)
    validations = _VALIDATIONS.search(_sheet_xml(path))
    assert validations is not None
    assert tool_columns(read_tracker(path)).columns == (5, 6, 7)
    proc = run_cli("refresh", path, "--today", TODAY.isoformat(), "--no-backup")
    assert proc.returncode == 0, proc.stderr
    sheet = _sheet_xml(path)
    after = _VALIDATIONS.search(sheet)
    assert after is not None and after.group(0) == validations.group(0)      # the drop-down as it was
    names = [etree.QName(c).localname for c in etree.fromstring(sheet) if isinstance(c.tag, str)]
    assert [WORKSHEET_ORDER.index(n) for n in names] == sorted(WORKSHEET_ORDER.index(n) for n in names), names
    ws = openpyxl.load_workbook(path).active
    assert [ws.cell(1, c).value for c in (5, 6, 7)] == ["Follow-up Status", "Next Follow-up", "Follow-up Script"]
    assert [str(dv.sqref) for dv in ws.data_validations.dataValidation] == [" ".join(areas)]
    out = _soffice(path, tmp_path / "csv", "csv")
    shown = (out / "tracker.csv").read_text(encoding="utf-8", errors="replace").splitlines()
    assert shown[0].split(",")[4:7] == ["Follow-up Status", "Next Follow-up", "Follow-up Script"]
    assert shown[1].startswith("Firm 0,Analyst,") and shown[1].split(",")[4] == "Closed"


def test_a_validation_on_the_columns_beside_the_table_keeps_them_taken(tmp_path):
    """A drop-down someone put in E:G is theirs: the tool's columns go after it."""
    path = _tracker_with_validation(tmp_path / "tracker.xlsx", "E1:G1048576")
    refresh(path, today=TODAY, backup=False)
    ws = openpyxl.load_workbook(path).active
    assert [ws.cell(1, c).value for c in (8, 9, 10)] == ["Follow-up Status", "Next Follow-up", "Follow-up Script"]
    assert all(ws.cell(r, c).value is None for r in range(1, 32) for c in (5, 6, 7))
    assert [str(dv.sqref) for dv in ws.data_validations.dataValidation] == ["E1:G1048576"]


def test_a_validation_over_every_column_right_of_the_table_is_refused_with_the_fix(tmp_path):
    path = _tracker_with_validation(tmp_path / "tracker.xlsx", "E1:XFD1048576")
    before = sha(path)
    line = _one_line_failure(run_cli("refresh", path, "--today", TODAY.isoformat()))
    assert "'Applications'" in line and "E to XFD" in line and "validation" in line
    assert "clear 3 columns right of the table" in line
    assert sha(path) == before
