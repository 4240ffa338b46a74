"""Measure `followup-sheet watch`: CPU used while idle, and the delay from a save to the refresh.

    python benchmarks/watch_bench.py                    # sample tracker, --poll 3 then 1, 60 s idle each
    python benchmarks/watch_bench.py --poll 3 --idle 60 --saves 8
    python benchmarks/watch_bench.py --rows 1000        # a generated tracker (benchmarks/make_trackers.py)

For each poll interval, one real watcher process runs on a scratch copy of the tracker:

* start-up: from launching the process to its first "refreshed" line (imports + first refresh);
* idle: the process's CPU time (user + system) over `--idle` seconds in which nothing touches the
  file, as a share of one core; the workbook must not be written meanwhile;
* saves: a user's save (openpyxl sets one Status to "Rejected" and saves in place), then the time
  until the watcher's "refreshed ... (saved)" line, which it logs once the new file is in place.
  Saves are spread over the poll cycle, so the figures show the best, typical and worst phase;
* stop: SIGTERM (Ctrl-Break is not sent on Windows: the process is terminated) and the exit code.

CPU time comes from psutil when it is installed, else from /proc (Linux); without either the idle
figure is reported as unavailable. The script prints figures and always exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_trackers import DEFAULT_OUTDIR, REFERENCE_DAY, ensure_tracker  # noqa: E402

EVENT = re.compile(r"^\S+ \S+ (refreshed|skipped) .*\((\w[^)]*)\)")
STOPPED = re.compile(r"stopped")


def cpu_seconds(pid: int) -> tuple[float, float] | None:
    """User + system CPU time of a running process and the resolution of that figure, or None."""
    try:
        import psutil
        times = psutil.Process(pid).cpu_times()
        return times.user + times.system, 0.001
    except ImportError:
        pass
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    tick = 1 / os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) * tick, tick


def events(log: Path) -> list[tuple[str, str]]:
    found = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        m = EVENT.match(line)
        if m:
            found.append((m.group(1), m.group(2)))
    return found


def wait_until(condition, timeout: float, step: float = 0.01) -> float | None:
    """Seconds until `condition()` holds, or None after `timeout`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if condition():
            return time.perf_counter() - start
        time.sleep(step)
    return None


def user_saves(path: Path, row: int) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["Applications"]
    status = next(c.column for c in ws[1] if c.value == "Status")
    ws.cell(row, status).value = "Rejected"
    wb.save(path)


def measure(source: Path, poll: float, idle: float, saves: int, workdir: Path) -> dict:
    tracker = workdir / f"poll-{poll:g}" / "tracker.xlsx"
    tracker.parent.mkdir(parents=True)
    shutil.copyfile(source, tracker)
    log = tracker.with_name("watch.log")
    argv = [sys.executable, "-m", "followup_sheet", "watch", str(tracker), "--poll", str(poll),
            "--today", REFERENCE_DAY.isoformat(), "--no-backup"]
    result: dict = {"poll": poll}
    with open(log, "w") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                cwd=tracker.parent)
    try:
        if wait_until(lambda: events(log), 120) is None:
            result["problem"] = "no first refresh within 120 s:\n" + log.read_text()
            return result
        result["startup"] = time.perf_counter() - started
        time.sleep(min(poll, 2))                       # let the first refresh's after-effects pass

        before, stamp = cpu_seconds(proc.pid), tracker.stat().st_mtime_ns
        t0 = time.perf_counter()
        time.sleep(idle)
        after, elapsed = cpu_seconds(proc.pid), time.perf_counter() - t0
        if before is not None and after is not None:
            result["idle_cpu"] = after[0] - before[0]
            result["idle_share"] = result["idle_cpu"] / elapsed
            result["resolution"] = after[1]
            result["idle_seconds"] = elapsed
        result["idle_writes"] = tracker.stat().st_mtime_ns != stamp

        delays = []
        for i in range(saves):
            time.sleep((i * 0.618 * poll) % poll)      # a different phase of the poll cycle each time
            seen = len(events(log))
            user_saves(tracker, row=2 + i)
            delay = wait_until(lambda seen=seen: len(events(log)) > seen, 10 * poll + 30)
            if delay is None:
                result["problem"] = f"save {i + 1} was not refreshed:\n" + log.read_text()
                break
            delays.append(delay)
        result["delays"] = delays

        t0 = time.perf_counter()
        proc.send_signal(signal.SIGTERM if os.name != "nt" else signal.SIGBREAK)
        result["exit_code"] = proc.wait(timeout=30)
        result["stop"] = time.perf_counter() - t0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return result


def report(r: dict) -> None:
    print(f"\n--poll {r['poll']:g}")
    if "startup" in r:
        print(f"  start-up to first refresh : {r['startup']:.2f} s")
    if "idle_share" in r:
        print(f"  idle CPU                  : {r['idle_cpu'] * 1000:.0f} ms in {r['idle_seconds']:.0f} s "
              f"= {r['idle_share'] * 100:.3f}% of one core (measured in steps of {r['resolution'] * 1000:g} ms)")
    elif "idle_writes" in r:
        print("  idle CPU                  : unavailable (install psutil)")
    if "idle_writes" in r:
        print(f"  writes while idle         : {'YES (a refresh loop?)' if r['idle_writes'] else 'none'}")
    d = r.get("delays")
    if d:
        print(f"  save -> refreshed file    : median {statistics.median(d):.2f} s, min {min(d):.2f} s, "
              f"max {max(d):.2f} s over {len(d)} saves")
    if "exit_code" in r:
        print(f"  SIGTERM -> exit           : {r['stop']:.2f} s, exit code {r['exit_code']}")
    if r.get("problem"):
        print("  PROBLEM: " + r["problem"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--poll", type=float, nargs="+", default=[3.0, 1.0], help="poll intervals to try")
    parser.add_argument("--idle", type=float, default=60.0, help="seconds of idle measurement (default 60)")
    parser.add_argument("--saves", type=int, default=5, help="saves to time per poll interval")
    parser.add_argument("--rows", type=int, help="use a generated tracker of this many rows instead of the sample")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="watch-bench-") as tmp:
        workdir = Path(tmp)
        if args.rows:
            source, _ = ensure_tracker(DEFAULT_OUTDIR, args.rows)
        else:
            from followup_sheet.sample import build_sample
            source = build_sample(workdir / "sample.xlsx", today=REFERENCE_DAY)
        print(f"followup-sheet watch on {source.name} ({source.stat().st_size / 1024:.0f} KB), "
              f"{dt.datetime.now():%Y-%m-%d %H:%M}, Python {sys.version.split()[0]}, {sys.platform}")
        for poll in args.poll:
            report(measure(source, poll, args.idle, args.saves, workdir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
