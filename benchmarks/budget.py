"""Where the time of a refresh goes, set against a target of `--target` times the openpyxl floor
(issue 25 asks for 0.35x at 10,000 rows): the whole command, its fixed part (the same command on
a five-row tracker: the interpreter, the imports, opening and saving a workbook), what is left of
the target for the rows once the fixed part is paid, and the stages' CPU for the rows (read,
plan, scripts, the rest: the Today sheet and the write), measured in running processes (the
whole refresh in one, the stages in another, each warmed up on the five-row tracker).

    python benchmarks/budget.py --runs 3 benchmarks/out/tracker-10000-s0-v1.xlsx ...

The commands run in turns, each on a fresh copy, as in `compare.py`; medians are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
IMPORTS = "import followup_sheet.cli, followup_sheet.pipeline, followup_sheet.render"


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one process; it must exit 0."""
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, dict(os.environ))
    _, status, usage = os.wait4(pid, 0)
    took = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(argv)}")
    return took, usage.ru_utime + usage.ru_stime


def stages(path: Path, today: dt.date, small: Path, whole: bool) -> dict[str, float]:
    """CPU seconds of a refresh of `path` in this process, whole, or by its stages (read, plan,
    scripts), with the imports and the pattern compiles paid before by a refresh of `small`: each
    in a process of its own, so that neither finds the other's notes already read."""
    from followup_sheet import pipeline
    from followup_sheet.plan import build_plan
    from followup_sheet.read import read_trackers
    from followup_sheet.render import render_scripts
    from followup_sheet.settings import Settings

    with tempfile.TemporaryDirectory() as scratch:
        warm = Path(scratch) / "warm.xlsx"
        shutil.copyfile(small, warm)
        pipeline.refresh(warm, today=today, backup=False)
        if whole:
            copy = Path(scratch) / "copy.xlsx"
            shutil.copyfile(path, copy)
            start = time.process_time()
            pipeline.refresh(copy, today=today, backup=False)
            return {"refresh": time.process_time() - start}
    start = time.process_time()
    tracker = read_trackers(path, Settings())[0]
    read = time.process_time() - start
    start = time.process_time()
    plan = build_plan(tracker.frame, today, Settings(), columns=tracker.columns)
    planned = time.process_time() - start
    start = time.process_time()
    render_scripts(tracker.frame, plan, today, Settings())
    return {"read": read, "plan": planned, "scripts": time.process_time() - start}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trackers", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--target", type=float, default=0.35)
    parser.add_argument("--today", default="2026-11-26")
    parser.add_argument("--small", type=Path, default=HERE / "out" / "tracker-5-s0-v1.xlsx",
                        help="the five-row tracker whose refresh is the fixed part")
    parser.add_argument("--stages", type=Path, help=argparse.SUPPRESS)   # (the children's part)
    parser.add_argument("--whole", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    today = dt.date.fromisoformat(args.today)
    if args.stages:
        print(" ".join(f"{k}={v:.4f}" for k, v in stages(args.stages, today, args.small, args.whole).items()))
        return 0
    if not args.trackers:
        parser.error("name at least one tracker")

    print(f"CPUs: {len(os.sched_getaffinity(0))}; load at start: {os.getloadavg()[0]:.2f}")
    trackers = [t.resolve() for t in args.trackers]
    small = args.small.resolve()
    wall: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        os.chdir(work)      # (`python -m` puts the working folder first on sys.path)

        def refresh(src: Path) -> tuple[float, float]:
            copy = work / "in.xlsx"
            shutil.copyfile(src, copy)
            (work / "out.xlsx").unlink(missing_ok=True)
            return timed([sys.executable, "-m", "followup_sheet", "-q", "refresh", str(copy), "--today",
                          args.today, "--no-backup", "--output", str(work / "out.xlsx")])

        def floor(src: Path) -> tuple[float, float]:
            copy = work / "in.xlsx"
            shutil.copyfile(src, copy)
            return timed([sys.executable, "-c", FLOOR, str(copy), str(work / "out.xlsx")])

        for _ in range(args.runs):
            wall.setdefault("python", []).append(timed([sys.executable, "-c", "pass"])[0])
            wall.setdefault("imports", []).append(timed([sys.executable, "-c", IMPORTS])[0])
            wall.setdefault("five rows", []).append(refresh(small)[0])
            for tracker in trackers:
                wall.setdefault(f"floor {tracker.name}", []).append(floor(tracker)[0])
                wall.setdefault(f"refresh {tracker.name}", []).append(refresh(tracker)[0])
        parts: dict[str, dict[str, list[float]]] = {}
        for _ in range(args.runs):
            for tracker in trackers:
                for whole in ([], ["--whole"]):
                    out = subprocess.run([sys.executable, __file__, "--stages", str(tracker), "--today", args.today,
                                          "--small", str(small), *whole],
                                         capture_output=True, text=True, check=True).stdout.split()
                    for item in out:
                        key, value = item.split("=")
                        parts.setdefault(tracker.name, {}).setdefault(key, []).append(float(value))

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:.0f} ms"

    fixed = statistics.median(wall["five rows"])
    print(f"\nthe interpreter alone {ms(wall['python'])}; the imports of a refresh {ms(wall['imports'])}; "
          f"a five-row refresh (the fixed part) {ms(wall['five rows'])}\n")
    print(f"| tracker | floor | target ({args.target}x) | refresh | refresh/floor | target left for the rows "
          "| the rows' part of the refresh | read | plan | scripts | rest (Today, write) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for tracker in trackers:
        fl = statistics.median(wall[f"floor {tracker.name}"])
        ours = statistics.median(wall[f"refresh {tracker.name}"])
        target = fl * args.target
        p = {k: statistics.median(v) for k, v in parts[tracker.name].items()}
        p["rest"] = p["refresh"] - p["read"] - p["plan"] - p["scripts"]
        print(f"| {tracker.name} | {fl * 1000:.0f} ms | {target * 1000:.0f} ms | {ours * 1000:.0f} ms "
              f"| {ours / fl:.2f}x | {(target - fixed) * 1000:.0f} ms | {(ours - fixed) * 1000:.0f} ms "
              f"| {p['read'] * 1000:.0f} ms | {p['plan'] * 1000:.0f} ms | {p['scripts'] * 1000:.0f} ms "
              f"| {p['rest'] * 1000:.0f} ms |")
    print(f"\nload at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
