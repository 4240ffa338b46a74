"""Output the tool cannot finish writing (standard output on a full disk or /dev/full, a --log file
that fills up, an export onto a named pipe or a device) ends in exit code 1 and one line on the
terminal's standard error; never exit 0 with the output cut short, an internal error, a
traceback, a wait that never ends, or memory growing without bound. Each command runs in a child
process with a timeout, as a user runs it, where the process is what is tested (its standard output
and its exit); the refusals of an export target run the command line in this process under a time
limit, and one of each kind runs as a process too.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TODAY, run_cli, time_limit, write_tracker

DAY = TODAY.isoformat()


@pytest.fixture(scope="module")
def tracker(tmp_path_factory) -> Path:
    """Enough calls due today that the list is far longer than 64 KB."""
    rows = [{"Company": f"Harbor Freight {i}", "Position": "Stock associate", "Contact": f"Dana Whit {i}",
             "Phone": f"(555) 013-{i:04d}", "Date Applied": TODAY - dt.timedelta(days=9 + i % 20),
             "Status": "Applied"} for i in range(600)]
    folder = tmp_path_factory.mktemp("out")
    # every call listed (no daily budget), and a way back for the voicemails (no [you] reminder)
    (folder / "followup.toml").write_text('[you]\nname = "Sam Rivera"\nphone = "(555) 010-2233"\n\n'
                                          "[cadence]\ncalls_per_day = 0\n", encoding="utf-8")
    return write_tracker(folder / "jobs.xlsx", rows)


def cli(*args, stdout=subprocess.PIPE, file_limit: int | None = None, timeout: float = 60):
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # the write fails with EFBIG, like a full disk
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))
    return subprocess.run([sys.executable, "-m", "followup_sheet", *map(str, args)], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=timeout, preexec_fn=limit)


def one_line(err: str, *words: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_the_list_on_standard_output_cut_short_by_a_full_disk_is_exit_1(tracker, tmp_path):
    whole = cli("today", tracker, "--today", DAY, "--out", "-")
    assert whole.returncode == 0 and len(whole.stdout.encode()) > 200_000
    out = tmp_path / "calls.csv"
    with open(out, "w") as fh:
        done = cli("today", tracker, "--today", DAY, "--out", "-", stdout=fh, file_limit=64 * 1024)
    assert out.stat().st_size == 64 * 1024        # the disk took what it could
    assert done.returncode == 1, done.stderr
    one_line(done.stderr, "standard output", "cut short", "File too large")


@pytest.mark.parametrize("command", [["today"], ["today", "--out", "-"], ["check"], ["refresh", "--output", "{copy}"],
                                     ["stats"], ["log", "--from", "2026-10-01"]])
def test_standard_output_on_dev_full(tracker, tmp_path, command):
    args = [a.replace("{copy}", str(tmp_path / "copy.xlsx")) for a in command]
    with open("/dev/full", "w") as full:
        done = cli(args[0], tracker, "--today", DAY, *args[1:], stdout=full)
    assert done.returncode == 1, done.stderr
    one_line(done.stderr, "standard output could not be written", "No space left on device")


def test_a_log_file_that_fills_up(tracker, tmp_path):
    log = tmp_path / "runs.log"
    done = cli("--log", log, "-v", "check", tracker, "--today", DAY, file_limit=1024)
    assert done.returncode == 1, done.stderr
    one_line(done.stderr, f"--log {log}", "cut short")
    assert log.stat().st_size == 1024


def test_a_log_on_dev_full(tracker):
    done = cli("--log", "/dev/full", "check", tracker, "--today", DAY)
    assert done.returncode == 1
    one_line(done.stderr, "--log /dev/full", "No space left on device")


def test_a_log_onto_a_named_pipe_nobody_reads(tracker, tmp_path):
    pipe = tmp_path / "runs.log"
    os.mkfifo(pipe)
    done = cli("--log", pipe, "check", tracker, "--today", DAY, timeout=30)
    assert done.returncode == 1
    one_line(done.stderr, "runs.log", "named pipe nothing reads from")


EXPORTS = [
    (["today", "--force", "--out"], "calls.csv"),
    (["today", "--out"], "calls.xlsx"),
    (["today", "--force", "--out"], "calls.html"),
    (["stats", "--force", "--output"], "stats.html"),
    (["log", "--force", "--out"], "week.csv"),
    (["refresh", "--force", "--output"], "copy.xlsx"),
]
KINDS = ["named pipe", "device"]


def export_target(tmp_path: Path, name: str, kind: str) -> Path:
    target = tmp_path / name
    if kind == "named pipe":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/full")
    return target


def check_refused(tmp_path: Path, target: Path, kind: str, before: list[str], done) -> None:
    assert done.returncode == 1, done.stderr
    one_line(done.stderr, target.name, kind, "not a file")
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert target.is_fifo() if kind == "named pipe" else os.readlink(target) == "/dev/full"


@pytest.mark.parametrize("command, name", EXPORTS)
@pytest.mark.parametrize("kind", KINDS)
def test_an_export_onto_a_pipe_or_a_device_is_refused(tracker, tmp_path, command, name, kind):
    target = export_target(tmp_path, name, kind)
    before = sorted(p.name for p in tmp_path.iterdir())
    with time_limit(60):
        done = run_cli(command[0], tracker, "--today", DAY, *command[1:], target)
    check_refused(tmp_path, target, kind, before, done)


@pytest.mark.parametrize("kind", KINDS)
def test_an_export_onto_a_pipe_or_a_device_is_refused_by_the_command(tracker, tmp_path, kind):
    """The same refusal from the command as a user runs it: a process that ends, exit code 1."""
    command, name = EXPORTS[1]
    target = export_target(tmp_path, name, kind)
    before = sorted(p.name for p in tmp_path.iterdir())
    done = cli(command[0], tracker, "--today", DAY, *command[1:], target, timeout=60)
    check_refused(tmp_path, target, kind, before, done)


def test_the_quick_exit_does_not_leave_with_0_when_its_flush_fails():
    code = ("from followup_sheet.tuning import quick_exit\n"
            "class Full:\n"
            "    def flush(self):\n"
            "        raise OSError(28, 'No space left on device')\n"
            "quick_exit(0, (Full(),))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert done.returncode == 1, done.stderr
