"""Time the .xlsx exports at the sizes of issue 28 and the reliability issue: the watcher's side
list (`NAME - Today.xlsx`, written by `watch --once` while the workbook is open elsewhere) and
`today --out calls.xlsx` at 20,000 calls, and `log --out log.xlsx` at 100,000 entries.

    python benchmarks/export_bench.py                 # 20,000 calls, 100,000 log entries, 3 runs
    python benchmarks/export_bench.py --calls 16000 --log-rows 100000 --runs 5

Each figure is the median wall-clock time of whole processes (`python -m followup_sheet ...`),
start-up and reading the tracker included, as a user waits for them; the log is timed on its own
(`export_log` of a ready table), since a tracker with 100,000 contacts in one week is not one
anybody keeps. Limits: under 5 s for the side list at 20,000 rows (issue 28), under 120 s and
60 s for the other two (the reliability issue). The script prints one line per figure and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

DAY = "2026-11-26"


def tracker(path: Path, rows: int) -> Path:
    """Applications sent five weeks before DAY, never answered: every row is a call."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Applications")
    ws.append(["Company", "Role", "Applied", "Status", "Recruiter", "Phone"])
    for i in range(rows):
        ws.append([f"Firm {i:05d}", "Bookkeeper", dt.datetime(2026, 10, 19), "applied", f"Sam Jones {i}",
                   f"+44 113 496 {i % 10000:04d}"])
    wb.save(path)
    return path


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "followup_sheet", *args], capture_output=True, check=False)
    return time.perf_counter() - start


def log_export_seconds(rows: int, folder: Path) -> float:
    code = ("import datetime as dt, sys, time, pandas as pd\n"
            "from followup_sheet.worklog import LOG_HEADERS, export_log\n"
            f"n = {rows}\n"
            "t = pd.DataFrame({'Date': [dt.date(2024, 1, 1) + dt.timedelta(days=i // 40) for i in range(n)],\n"
            "  'Employer': [f'Bakery {i}' for i in range(n)], 'Phone or address': ['Calle Mayor 1'] * n,\n"
            "  'Person contacted': ['Ana Ruiz'] * n, 'Method': ['phone'] * n, 'Position': ['Baker'] * n,\n"
            "  'Result': ['Applied'] * n}, columns=list(LOG_HEADERS))\n"
            "start = time.perf_counter()\n"
            f"export_log(t, {str(folder / 'log.xlsx')!r}, force=True)\n"
            "print(time.perf_counter() - start)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--log-rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = tracker(folder / "big.xlsx", options.calls)
        side, today, log = [], [], []
        for _ in range(options.runs):
            work = Path(shutil.copy(source, folder / "Search.xlsx"))
            work.with_name(f".~lock.{work.name}#").write_text("Jane Doe,jane,laptop,26.11.2026 08:12,;")
            side.append(timed(["watch", str(work), "--once", "--today", DAY]))
            (folder / "Search - Today.xlsx").unlink()
            today.append(timed(["today", str(source), "--today", DAY, "--out", str(folder / "calls.xlsx"),
                                "--force"]))
            log.append(log_export_seconds(options.log_rows, folder))
    print(f"side list (watch --once, workbook open), {options.calls:,} calls: {statistics.median(side):.2f} s "
          "(limit 5 s)")
    print(f"today --out calls.xlsx, {options.calls:,} calls: {statistics.median(today):.2f} s (limit 120 s)")
    print(f"log --out log.xlsx (export_log), {options.log_rows:,} entries: {statistics.median(log):.2f} s "
          "(limit 60 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
