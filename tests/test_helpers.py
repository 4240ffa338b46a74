"""Helper processes (tuning.Beside): work done in a forked copy on the other core, with the same
result as doing it here, whatever happens to the copy.

Each case runs in a fresh interpreter: the pytest process has threads of its own (numpy's BLAS
among them), and a process with threads never forks (see tuning.helpers_usable)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(sys.platform != "linux" or len(os.sched_getaffinity(0)) < 2,
                                reason="helper processes are used on Linux with two or more CPUs")


def run_fresh(code: str, *args: str) -> dict:
    """Run `code` in a new interpreter that allowed helpers (as one-shot commands do) before
    anything else; it prints one JSON object."""
    prelude = "import json, os, sys, signal, time\nfrom followup_sheet import tuning\ntuning.allow_helpers()\n"
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code), *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_work_is_done_in_a_helper_process():
    got = run_fresh("""
        parent = os.getpid()
        def work(a, b):
            return {"pid": os.getpid(), "sum": a + b}
        with tuning.Beside(work, 2, 3, worth=True) as job:
            value = job.result()
        print(json.dumps({"parent": parent, "forked": job.forked, **value}))
    """)
    assert got["forked"] is True
    assert got["pid"] != got["parent"]   # done elsewhere...
    assert got["sum"] == 5               # ...with the same answer


def test_not_worth_it_or_not_allowed_is_done_here():
    got = run_fresh("""
        def work():
            return os.getpid()
        small = tuning.Beside(work, worth=False)
        tuning.allow_helpers(False)
        barred = tuning.Beside(work, worth=True)
        print(json.dumps({"me": os.getpid(), "small": [small.forked, small.result()],
                          "barred": [barred.forked, barred.result()]}))
    """)
    assert got["small"] == [False, got["me"]]
    assert got["barred"] == [False, got["me"]]


def test_no_helper_while_another_thread_runs_or_with_one_cpu():
    got = run_fresh("""
        import threading
        alone = tuning.helpers_usable()
        stop = threading.Event()
        t = threading.Thread(target=stop.wait)
        t.start()
        with_thread = tuning.helpers_usable()
        stop.set(); t.join()
        deadline = time.monotonic() + 5
        while len(os.listdir("/proc/self/task")) > 1 and time.monotonic() < deadline:
            time.sleep(0.01)   # a joined thread's OS thread ends a moment later
        after = tuning.helpers_usable()
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        one_cpu = tuning.helpers_usable()
        print(json.dumps([alone, with_thread, after, one_cpu]))
    """)
    assert got == [True, False, True, False]


def test_numpy_starts_no_thread_once_helpers_are_allowed():
    got = run_fresh("""
        import pandas
        print(json.dumps({"threads": len(os.listdir("/proc/self/task")), "usable": tuning.helpers_usable()}))
    """)
    assert got == {"threads": 1, "usable": True}


@pytest.mark.parametrize("failure", ["raises", "killed", "exits", "silent"])
def test_a_helper_that_fails_leaves_the_work_to_this_process(failure):
    got = run_fresh("""
        failure = sys.argv[1]
        parent = os.getpid()
        tuning.HELPER_TIMEOUT = 1.0
        def work(n):
            if os.getpid() != parent:
                if failure == "raises":
                    raise RuntimeError("broken in the copy")
                if failure == "killed":
                    os.kill(os.getpid(), signal.SIGKILL)
                if failure == "exits":
                    os._exit(0)          # ends without an answer
                if failure == "silent":
                    time.sleep(60)       # never answers: stopped after HELPER_TIMEOUT
            return [os.getpid(), n * 2]
        start = time.monotonic()
        with tuning.Beside(work, 21, worth=True) as job:
            pid = job.pid
            value = job.result()
        took = time.monotonic() - start
        try:
            os.waitpid(pid, os.WNOHANG)
            reaped = False
        except ChildProcessError:
            reaped = True
        print(json.dumps({"parent": parent, "forked": job.forked, "value": value, "reaped": reaped,
                          "took": took}))
    """, failure)
    assert got["forked"] is True
    assert got["value"] == [got["parent"], 42]   # done again here, same answer
    assert got["reaped"] is True                  # no helper left behind
    assert got["took"] < 30


def test_a_helper_nobody_waits_for_is_stopped():
    got = run_fresh("""
        def work():
            time.sleep(60)
        try:
            with tuning.Beside(work, worth=True) as job:
                pid = job.pid
                raise KeyError("the caller failed")
        except KeyError:
            pass
        try:
            os.waitpid(pid, os.WNOHANG)
            reaped = False
        except ChildProcessError:
            reaped = True
        print(json.dumps({"forked": job.forked, "reaped": reaped}))
    """)
    assert got == {"forked": True, "reaped": True}


def test_a_stream_comes_back_in_blocks_with_its_value():
    got = run_fresh("""
        import hashlib
        parent = os.getpid()
        def work(n):
            pieces = (bytes([i % 251]) * 100_000 for i in range(n))   # 8 MB in 80 pieces
            return {"pid": os.getpid()}, pieces
        expected = hashlib.sha256(b"".join(bytes([i % 251]) * 100_000 for i in range(80))).hexdigest()
        with tuning.BesideStream(work, 80, worth=True) as job:
            small, pieces = job.result()
            blocks = list(pieces)
        print(json.dumps({"parent": parent, "small": small, "same": hashlib.sha256(b"".join(blocks)).hexdigest()
                          == expected, "largest": max(map(len, blocks)), "forked": job.forked}))
    """)
    assert got["forked"] is True
    assert got["small"]["pid"] != got["parent"]
    assert got["same"] is True
    assert got["largest"] <= 256 * 1024   # read back in blocks, never whole


def test_a_list_comes_back_slice_by_slice():
    got = run_fresh("""
        parent = os.getpid()
        def work(n):
            for start in range(0, n, 1000):
                yield [(os.getpid(), i) for i in range(start, min(start + 1000, n))]
        with tuning.BesideList(work, 4500, worth=True) as job:
            there = job.result()
        here = tuning.BesideList(work, 4500, worth=False).result()
        print(json.dumps({"parent": parent, "forked": job.forked, "there": there, "here": here}))
    """)
    assert got["forked"] is True
    assert [i for _, i in got["there"]] == list(range(4500)) == [i for _, i in got["here"]]
    assert {pid for pid, _ in got["there"]} != {got["parent"]}   # made in the helper
    assert {pid for pid, _ in got["here"]} == {got["parent"]}


REFRESH = """
    mode, src, out = sys.argv[1:4]
    if mode == "off":
        tuning.allow_helpers = lambda on=True: None     # the CLI's call does nothing
    else:
        tuning.HELPER_MIN_ROWS = tuning.HELPER_MIN_BYTES = 0   # helpers even for a small tracker
    if mode == "kill":
        from followup_sheet.xlsx import todaysheet
        parent = os.getpid()
        real = todaysheet.today_sheet_pieces
        def dies(*args, **kwargs):
            if os.getpid() != parent:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        todaysheet.today_sheet_pieces = dies
    import io, contextlib
    from followup_sheet.cli import main
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["-v", "refresh", src, "--today", "2026-11-26", "--no-backup", "--output", out])
    print(json.dumps({"code": code, "helpers": err.getvalue().count("working in helper process"),
                      "redone": err.getvalue().count("gave no result; done here instead")}))
"""


@pytest.fixture
def sample_copy(tmp_path):
    copy = tmp_path / "tracker.xlsx"
    copy.write_bytes((ROOT / "sample_tracker.xlsx").read_bytes())
    return copy


def test_refresh_with_helpers_writes_the_same_bytes(tmp_path, sample_copy):
    """The sample, refreshed with every helper forced on, with the Today sheet's helper killed
    mid-work, and with helpers off: one workbook, byte for byte."""
    outs = {}
    for mode in ("off", "on", "kill"):
        out = tmp_path / mode / "out.xlsx"
        out.parent.mkdir()
        got = run_fresh(REFRESH, mode, str(sample_copy), str(out))
        assert got["code"] == 0
        assert got["helpers"] == {"off": 0, "on": 3, "kill": 3}[mode]
        assert got["redone"] == {"off": 0, "on": 0, "kill": 1}[mode]   # each helper's result used, but the killed one
        outs[mode] = out.read_bytes()
    assert outs["on"] == outs["off"]
    assert outs["kill"] == outs["off"]


def test_the_watcher_uses_no_helper():
    from followup_sheet import cli, tuning

    seen = []
    real = cli.COMMANDS["watch"]
    try:
        cli.COMMANDS["watch"] = lambda args: seen.append(tuning._helpers_allowed) or 0
        assert cli.main(["watch", str(ROOT / "sample_tracker.xlsx")]) == 0
    finally:
        cli.COMMANDS["watch"] = real
    assert seen == [False]
