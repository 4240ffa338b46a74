"""Two versions of followup-sheet side by side: `refresh` from each source tree and the openpyxl
floor, run in turns on the same trackers in one run, so a busy moment on a shared machine spoils
one round instead of one side.

    python benchmarks/compare.py --before /tmp/old-checkout --runs 7 TRACKER.xlsx ...

Each side runs as `python -m followup_sheet` with its tree first on PYTHONPATH (byte-compiled
first, as an install would be). Per round and tracker the three commands run in an order that
rotates from round to round, each on a fresh copy of the input. Printed per tracker: median
times, the median of the per-round ratios to the floor for each side, the median of the
per-round after/before ratios, and the peak RSS of each side; then the CPU time (user + system)
of each side and the median of the per-round after/before CPU ratios, and the load at the end.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOOR = "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])"


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall-clock seconds, peak RSS (KB) and CPU seconds (user + system) of one process; it must exit 0."""
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env)
    _, status, usage = os.wait4(pid, 0)
    took = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(argv)}")
    return took, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trackers", nargs="+", type=Path)
    parser.add_argument("--before", type=Path, required=True, help="source tree of the old version")
    parser.add_argument("--after", type=Path, default=HERE.parent, help="source tree of the new one (this one)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", default="2026-11-26")
    args = parser.parse_args(argv)

    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    for tree in trees.values():
        compileall.compile_dir(tree / "followup_sheet", quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    envs = {name: {**env, "PYTHONPATH": str(tree)} for name, tree in trees.items()} | {"floor": env}
    sides = ("before", "after", "floor")
    times: dict[tuple[str, str], list[float]] = {}
    rss: dict[tuple[str, str], int] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    print(f"CPUs this run may use: {len(os.sched_getaffinity(0))}; load at start: {os.getloadavg()[0]:.2f}")
    trackers = [t.resolve() for t in args.trackers]
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        # `python -m` puts the working directory first on sys.path: run from a checkout, both sides
        # would import that checkout's code. So run from the scratch folder, and check each side.
        os.chdir(work)
        for side in ("before", "after"):
            where = subprocess.run([sys.executable, "-c", "import followup_sheet; print(followup_sheet.__file__)"],
                                   env=envs[side], capture_output=True, text=True, check=True).stdout.strip()
            if not Path(where).resolve().is_relative_to(trees[side]):
                raise SystemExit(f"the {side} side imports {where}, not the code in {trees[side]}")
        for round_ in range(args.runs):
            for tracker in trackers:
                order = sides[round_ % 3:] + sides[:round_ % 3]
                for side in order:
                    src, out = work / f"in-{side}.xlsx", work / f"out-{side}.xlsx"
                    shutil.copyfile(tracker, src)
                    if side == "floor":
                        cmd = [sys.executable, "-c", FLOOR, str(src), str(out)]
                    else:
                        cmd = [sys.executable, "-m", "followup_sheet", "-q", "refresh", str(src), "--today",
                               args.today, "--no-backup", "--output", str(out)]
                    took, kb, used = timed(cmd, envs[side])
                    times.setdefault((tracker.name, side), []).append(took)
                    cpu.setdefault((tracker.name, side), []).append(used)
                    rss[(tracker.name, side)] = max(rss.get((tracker.name, side), 0), kb)
                    out.unlink(missing_ok=True)
                row = {s: times[(tracker.name, s)][-1] for s in sides}
                print(f"round {round_ + 1} {tracker.name}: before {row['before']:.3f}s after {row['after']:.3f}s "
                      f"floor {row['floor']:.3f}s", flush=True)
    print()
    print("| tracker | before | after | floor | before/floor | after/floor | after/before | RSS before | RSS after |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for tracker in trackers:
        t = {s: times[(tracker.name, s)] for s in sides}
        per = {s: statistics.median(a / f for a, f in zip(t[s], t["floor"])) for s in ("before", "after")}
        gain = statistics.median(a / b for a, b in zip(t["after"], t["before"]))
        print(f"| {tracker.name} | {statistics.median(t['before']) * 1000:.0f} ms "
              f"| {statistics.median(t['after']) * 1000:.0f} ms | {statistics.median(t['floor']):.2f} s "
              f"| {per['before']:.2f}x | {per['after']:.2f}x | {gain:.2f}x "
              f"| {rss[(tracker.name, 'before')] // 1024} MB | {rss[(tracker.name, 'after')] // 1024} MB |")
    # CPU time moves less with the load than the wall clock: the same work, however long it waited
    print()
    print("| tracker | CPU before | CPU after | CPU floor | after/before (median of the rounds' pairs) |")
    print("|---|---:|---:|---:|---:|")
    for tracker in trackers:
        c = {s: cpu[(tracker.name, s)] for s in sides}
        gain = statistics.median(a / b for a, b in zip(c["after"], c["before"]))
        print(f"| {tracker.name} | {statistics.median(c['before']) * 1000:.0f} ms "
              f"| {statistics.median(c['after']) * 1000:.0f} ms | {statistics.median(c['floor']) * 1000:.0f} ms "
              f"| {gain:.2f}x |")
    print(f"\nload at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
