"""Crash safety: a refresh killed at any moment leaves the old workbook or the new one, whole;
a refresh that fails normally leaves no temporary file behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import TODAY, run_cli
from openpyxl.worksheet.table import Table

from followup_sheet import filesafe
from followup_sheet.errors import FollowupError, NotAWorkbook, WorkbookBusy
from followup_sheet.pipeline import refresh
from followup_sheet.tuning import STREAM_BLOCK
from followup_sheet.xlsx import write

# (enough rows for the sheet to be several of the compressing thread's blocks, so kills land
# inside a save that is under way on two threads: checked in the test; 3,000 rows took twice the
# time for the same cover)
ROWS = 1_500
KILLS = 25
SEED = int(os.environ.get("FOLLOWUP_CRASH_SEED", "20261126"))


def build_tracker(path: Path, rows: int = ROWS) -> Path:
    """A tracker of `rows` applications with a table, a formula column and dates."""
    rng = random.Random(7)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    ws.append(["Company", "Position", "Date Applied", "Status", "Contact", "Phone", "Notes", "Days Since"])
    stages = ["Applied", "Applied", "Phone screen", "Interviewed", "Offer", "Rejected", "Wishlist"]
    for i in range(rows):
        applied = TODAY - dt.timedelta(days=rng.randint(0, 60))
        r = i + 2
        ws.append([f"Company {i}", f"Role {i % 37}", applied, rng.choice(stages), f"Person {i % 101}",
                   f"555-{i:04d}", "notes " * rng.randint(0, 5), f'=IF(C{r}="","",TODAY()-C{r})'])
        ws.cell(r, 3).number_format = "yyyy-mm-dd"
    ws.add_table(Table(displayName="Applications", ref=f"A1:H{rows + 1}"))
    wb.save(path)
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "followup_sheet", "refresh", str(path), "--today", TODAY.isoformat(), *extra]


# One hash seed for every run, so that "the new version" is one file even if the output were to
# depend on string hashing (test_fidelity checks that it does not).
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def opens(path: Path) -> None:
    import python_calamine

    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
    openpyxl.load_workbook(path, read_only=True).close()
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()


def stray_temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))


@pytest.fixture(scope="module")
def tracker(tmp_path_factory) -> Path:
    return build_tracker(tmp_path_factory.mktemp("crash") / "tracker.xlsx")


def forked_refresh(path: Path, errors: Path | None = None) -> int:
    """The id of a child of this process that runs the command line's `refresh PATH --no-backup`
    (`cli.main`, the code a user's command runs once started) with its output thrown away, and
    ends with its exit code. The test's process has imported the program already, so the child
    is in the refresh from its first moment: a killed `python -m followup_sheet` spent the first
    third of its run (about 0.4 s of 0.7 s) importing, where a kill can do nothing to the file.
    With `errors`, what the command says on its standard error goes to that file."""
    pid = os.fork()
    if pid == 0:       # the child: never back into pytest
        code = 70
        try:
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            sys.stdin, sys.stdout = open(os.devnull, encoding="utf-8"), open(os.devnull, "w", encoding="utf-8")
            sys.stderr = open(errors or os.devnull, "w", encoding="utf-8")
            from followup_sheet.cli import main
            code = main(["refresh", str(path), "--today", TODAY.isoformat(), "--no-backup"])
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    return pid


def exit_code(pid: int) -> int:
    """Wait for the child `pid`; its exit code, or minus the signal that ended it."""
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


@pytest.mark.slow   # dozens of refreshes killed at random moments: about half a minute
def test_killed_refresh_leaves_old_or_new_workbook(tmp_path, tracker):
    old = sha(tracker)
    reference = tmp_path / "reference" / "tracker.xlsx"
    reference.parent.mkdir()
    shutil.copy(tracker, reference)
    start = time.perf_counter()
    said = tmp_path / "reference.err"
    pid = forked_refresh(reference, said)
    writing = None       # when the temporary file first showed up: the save has begun
    while not (ended := os.waitpid(pid, os.WNOHANG))[0]:
        if writing is None and stray_temporaries(reference.parent):
            writing = time.perf_counter() - start
        time.sleep(0.002)
    duration = time.perf_counter() - start
    assert os.waitstatus_to_exitcode(ended[1]) == 0, said.read_text(encoding="utf-8")
    new = sha(reference)
    assert new != old
    opens(tracker)
    opens(reference)
    with zipfile.ZipFile(reference) as zf:
        assert max(i.file_size for i in zf.infolist()) > 4 * STREAM_BLOCK

    rng = random.Random(SEED)
    seen = {"old": 0, "new": 0}
    leftovers = 0
    # uniform over the whole run, then as many again within the save, where a kill can do harm
    start_of_save = writing if writing is not None else duration * 0.6
    delays = [rng.uniform(0, duration * 1.05) for _ in range(KILLS)] \
        + [rng.uniform(start_of_save * 0.95, duration) for _ in range(KILLS)]
    for k, delay in enumerate(delays):
        folder = tmp_path / f"kill{k:02d}"
        folder.mkdir()
        copy = folder / "tracker.xlsx"
        shutil.copy(tracker, copy)
        pid = forked_refresh(copy)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        assert exit_code(pid) in (0, -signal.SIGKILL)
        now = sha(copy)
        assert now in (old, new), (f"kill {k} after {delay:.2f} s of {duration:.2f} s (seed {SEED}) left a "
                                   "workbook that is neither the old nor the new one")
        seen["old" if now == old else "new"] += 1
        with zipfile.ZipFile(copy) as zf:
            assert zf.testzip() is None
        leftovers += len(stray_temporaries(folder))
        # the next run after a crash works as usual: the command in a process of its own, which
        # writes what the refresh in the test's children wrote
        if k == len(delays) - 1:
            again = subprocess.run(cli(copy, "--no-backup"), capture_output=True, text=True, timeout=300, env=ENV)
            assert again.returncode == 0, again.stderr
            assert sha(copy) == new
    print(f"\n{len(delays)} kills over a {duration:.2f} s refresh of {ROWS} rows, the save starting at "
          f"{start_of_save:.2f} s (seed {SEED}): "
          f"{seen['old']} left the old file, {seen['new']} the new one; "
          f"{leftovers} temporary file(s) left behind by killed runs")


def test_open_in_excel_fails_cleanly(tmp_path, tracker):
    copy = tmp_path / "tracker.xlsx"
    shutil.copy(tracker, copy)
    owner = tmp_path / "~$tracker.xlsx"
    name = "Jane Doe".encode("latin-1")
    owner.write_bytes(bytes([len(name)]) + name.ljust(53, b" ") + b"\0" * 2 + "Jane Doe".encode("utf-16-le")
                      + b"\0" * 93)
    before = sha(copy)
    done = run_cli("refresh", copy, "--today", TODAY.isoformat(), "--no-backup")
    assert done.returncode == 1, done.stderr
    assert "Excel" in done.stderr and "tracker.xlsx" in done.stderr, done.stderr
    assert sha(copy) == before
    assert stray_temporaries(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([copy.name, owner.name])


def test_failed_check_of_the_written_file_leaves_no_temporary(tmp_path, tracker, monkeypatch):
    copy = tmp_path / "tracker.xlsx"
    shutil.copy(tracker, copy)
    before = sha(copy)

    def reject(path):
        assert Path(path).exists() and Path(path).parent == tmp_path
        raise NotAWorkbook(f"{path}: the written file failed its check; nothing was replaced")

    monkeypatch.setattr(write, "verify_package", reject)
    with pytest.raises(FollowupError):
        refresh(copy, today=TODAY)
    assert sha(copy) == before
    assert stray_temporaries(tmp_path) == []


def test_interrupted_replace_leaves_no_temporary(tmp_path, tracker, monkeypatch):
    copy = tmp_path / "tracker.xlsx"
    shutil.copy(tracker, copy)
    before = sha(copy)

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(filesafe.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        refresh(copy, today=TODAY, backup=False)
    assert sha(copy) == before
    assert stray_temporaries(tmp_path) == []


def test_saved_elsewhere_meanwhile_is_not_overwritten(tmp_path, tracker, monkeypatch):
    """The user saves the workbook in Excel while the refresh works: nothing is written."""
    copy = tmp_path / "tracker.xlsx"
    shutil.copy(tracker, copy)
    real = write.write_package

    def save_meanwhile(*args, **kwargs):
        out = real(*args, **kwargs)
        with open(copy, "ab") as fh:
            fh.write(b"\0")
        return out

    monkeypatch.setattr(write, "write_package", save_meanwhile)
    saved = None
    with pytest.raises(WorkbookBusy):
        try:
            refresh(copy, today=TODAY, backup=False)
        finally:
            saved = copy.read_bytes()
    assert saved.endswith(b"\0") and saved[:-1] == tracker.read_bytes()
    assert stray_temporaries(tmp_path) == []


def test_disk_failing_while_the_sheet_is_compressed_leaves_the_workbook_alone(tmp_path, tracker, monkeypatch):
    """The big parts are compressed and written on a second thread: an error there (a full
    disk) reaches the caller as itself, the workbook is untouched and no temporary is left."""
    copy = tmp_path / "tracker.xlsx"
    shutil.copy(tracker, copy)
    before = sha(copy)
    real_write = zipfile._ZipWriteFile.write
    calls = []

    def full_disk(self, data):
        if threading.current_thread() is threading.main_thread():
            return real_write(self, data)
        calls.append(len(data))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(zipfile._ZipWriteFile, "write", full_disk)
    with pytest.raises(OSError, match="No space left"):
        refresh(copy, today=TODAY, backup=False)
    assert len(calls) == 2            # the worker wrote nothing more after the failure
    assert sha(copy) == before
    assert stray_temporaries(tmp_path) == []


# --- an interrupt (Ctrl-C, SIGTERM) at any moment ----------------------------------------------

def console_script() -> list[str]:
    """The installed `followup-sheet` command (the console entry point), else the module."""
    script = Path(sys.executable).with_name("followup-sheet")
    return [str(script)] if script.exists() else [sys.executable, "-m", "followup_sheet"]


def startup_seconds() -> float:
    """How long the interpreter takes to reach the program's first line here (its own startup and
    site packages): an interrupt before that is the interpreter's, not the program's."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import followup_sheet.console"], check=True, env=ENV)
        times.append(time.perf_counter() - start)
    return sorted(times)[1]


# What the interpreter prints when a signal lands in its own startup, before the program's first line
INTERPRETER_STARTUP = "Fatal Python error: init_import_site"


def interrupted_run(tracker: Path, folder: Path, signum: int, delay: float) -> tuple[int, str]:
    """A refresh sent `signum` after `delay` seconds. On a busy machine the interpreter's startup
    can outlast the floor the tests measured beforehand: a signal that landed there (the file
    untouched) is the interpreter's, so the try is made again until it reaches the program."""
    copy = folder / "tracker.xlsx"
    for _ in range(5):
        shutil.copy(tracker, copy)
        proc = subprocess.Popen([*console_script(), "refresh", str(copy), "--today", TODAY.isoformat()],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
        time.sleep(delay)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=120)
        if not err.startswith(INTERPRETER_STARTUP):
            break
        assert sha(copy) == sha(tracker), err
    return proc.returncode, err


def leftovers(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.tmp"))


@pytest.fixture(scope="module")
def refreshed(tracker, tmp_path_factory) -> tuple[str, float, float]:
    """(fingerprint of the refreshed tracker, seconds a refresh takes, seconds until its save begins)."""
    folder = tmp_path_factory.mktemp("reference")
    copy = folder / "tracker.xlsx"
    shutil.copy(tracker, copy)
    start = time.perf_counter()
    proc = subprocess.Popen([*console_script(), "refresh", str(copy), "--today", TODAY.isoformat()],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    saving = None
    while proc.poll() is None:
        if saving is None and stray_temporaries(folder):
            saving = time.perf_counter() - start
        time.sleep(0.002)
    duration = time.perf_counter() - start
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    return sha(copy), duration, saving if saving is not None else duration * 0.6


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_refresh_leaves_no_temporary_file(tmp_path, tracker, refreshed, signum):
    """Before, a SIGTERM left the temporary file of the save (or of the backup) beside the
    workbook in 11 of 30 tries."""
    new, duration, saving = refreshed
    old = sha(tracker)
    rng = random.Random(SEED + signum)
    floor = startup_seconds() * 1.2
    delays = [rng.uniform(floor, duration) for _ in range(5)] + [rng.uniform(saving, duration) for _ in range(10)]
    seen = {"old": 0, "new": 0}
    for k, delay in enumerate(delays):
        folder = tmp_path / f"run{k:02d}"
        folder.mkdir()
        code, err = interrupted_run(tracker, folder, signum, delay)
        now = sha(folder / "tracker.xlsx")
        assert now in (old, new), f"try {k} after {delay:.2f} s left a workbook that is neither old nor new"
        seen["old" if now == old else "new"] += 1
        assert leftovers(folder) == [], (k, delay, leftovers(folder))
        assert "Traceback" not in err and "Exception ignored" not in err, err
        if code != 0:
            assert code == 128 + signum, (code, err)
            lines = err.strip().splitlines()
            assert len(lines) == 1 and ("interrupted" in lines[0] or "stopped" in lines[0]), err
            assert ("had already been saved" in lines[0]) == (now == new), lines[0]
    print(f"\n{len(delays)} x {signal.Signals(signum).name} over a {duration:.2f} s refresh: "
          f"{seen['old']} left the old workbook, {seen['new']} the new one, no temporary file")


@pytest.mark.slow
def test_ctrl_c_in_the_first_second_is_one_line_and_130(tmp_path, tracker, refreshed):
    """Ctrl-C at random moments of the first second of `followup-sheet refresh` (the imports, the
    read, the helper processes' forks): never a traceback; exit 130 with one line, or a refresh
    that completed and exits 0; the workbook old or new, never half-written. Before, 3 of 80
    printed a traceback and one of those went on to exit 0."""
    new, duration, _ = refreshed
    old = sha(tracker)
    rng = random.Random(SEED)
    floor = startup_seconds() * 1.2
    outcomes = {0: 0, 130: 0}
    for k in range(30):
        delay = rng.uniform(floor, 1.0)
        folder = tmp_path / f"try{k:02d}"
        folder.mkdir()
        code, err = interrupted_run(tracker, folder, signal.SIGINT, delay)
        assert "Traceback" not in err and "Exception ignored" not in err and "Error" not in err, (delay, err)
        assert code in outcomes, (delay, code, err)
        outcomes[code] += 1
        now = sha(folder / "tracker.xlsx")
        if code == 0:
            assert now == new
        else:
            assert err.strip().splitlines() == [err.strip()] and "interrupted" in err, err
            assert now in (old, new)
        assert leftovers(folder) == []
    print(f"\n30 Ctrl-C from {floor * 1000:.0f} ms to 1 s: {outcomes[130]} exit 130, {outcomes[0]} completed")
