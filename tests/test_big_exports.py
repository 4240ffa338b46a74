"""The .xlsx exports at the sizes real trackers reach: the watcher's side list and
`today --out calls.xlsx` with 20,000 calls, `log --out log.xlsx` with 100,000 entries. Each is
complete and right to the last row, and opens in LibreOffice. (The times are measured by
benchmarks/export_bench.py, not here: a timed test fails on a busy machine.)"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from followup_sheet.cli import main
from followup_sheet.watch import side_list_path
from followup_sheet.worklog import LOG_HEADERS, export_log

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
DAY = dt.date(2026, 11, 26)            # a Thursday
CALLS = 20_000
TOWNS = ("Leeds", "Zaragoza", "Lyon", "Graz", "Porto")


def big_tracker(path: Path, rows: int) -> Path:
    """A plain tracker of `rows` applications sent five weeks ago and never answered: every row is
    overdue on DAY, so every row is a call. Written in openpyxl's write-only mode (fast)."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Applications")
    ws.append(["Company", "Role", "Applied", "Status", "Recruiter", "Phone", "City"])
    for i in range(rows):
        ws.append([f"Firm {i:05d} GmbH", "Bookkeeper" if i % 2 else "Stock controller",
                   dt.datetime(2026, 10, 19) + dt.timedelta(days=i % 3), "applied",
                   f"Sam Jones {i}", f"+44 113 496 {i % 10000:04d}", TOWNS[i % len(TOWNS)]])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def tracker(tmp_path_factory) -> Path:
    return big_tracker(tmp_path_factory.mktemp("big") / "Search 2026.xlsx", CALLS)


def listed(path: Path) -> list[tuple]:
    ws = openpyxl.load_workbook(path, read_only=True)["Today"]
    return list(ws.iter_rows(values_only=True))


def check_calls(rows: list[tuple]) -> None:
    """Every application is there once, in the rules' order, with its cells."""
    header, body = rows[0], rows[1:]
    assert len(body) == CALLS
    col = {name: i for i, name in enumerate(header)}
    companies = sorted(r[col["Company"]] for r in body)
    assert companies == [f"Firm {i:05d} GmbH" for i in range(CALLS)]
    assert {r[col["Status"]] for r in body} == {"Overdue"}
    assert all(isinstance(r[col["Row"]], int) for r in body)
    assert all(isinstance(r[col["Next follow-up"]], dt.datetime) for r in body)
    assert all(r[col["Script"]] for r in body)


def soffice_csv(path: Path, tmp_path: Path) -> list[list[str]]:
    """The first sheet of `path` as LibreOffice reads it (converted to CSV headless)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "lo-out"
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
                           "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                           "--outdir", str(out), str(path)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    with open(out / (path.stem + ".csv"), encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.slow
def test_the_side_list_of_a_big_tracker_open_elsewhere_holds_every_call(tracker, tmp_path, capsys):
    work = shutil.copy(tracker, tmp_path / tracker.name)
    (tmp_path / "followup.toml").write_text("[cadence]\ncalls_per_day = 0\n", encoding="utf-8")   # no daily budget
    lock = Path(work).with_name(f".~lock.{Path(work).name}#")
    lock.write_text("Jane Doe,jane,laptop,26.11.2026 08:12,file:///home/jane/.config/libreoffice/4;")
    before = Path(work).read_bytes()
    assert main(["watch", str(work), "--once", "--today", DAY.isoformat()]) == 1
    assert Path(work).read_bytes() == before
    side = side_list_path(Path(work))
    check_calls(listed(side))
    assert f"{CALLS} call(s) for {DAY}" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.libreoffice
def test_today_out_xlsx_with_every_call_opens_in_libreoffice(tracker, tmp_path):
    out = tmp_path / "calls.xlsx"
    assert main(["today", str(tracker), "--today", DAY.isoformat(), "--all", "--out", str(out)]) == 0
    check_calls(listed(out))
    rows = soffice_csv(out, tmp_path)
    assert len(rows) == CALLS + 1
    header = rows[0]
    assert header[:3] == ["Sheet", "Row", "Company"]
    due = header.index("Next follow-up")
    assert all(len(r[due]) == 10 and r[due].startswith("2026-") for r in rows[1:])   # shown as yyyy-mm-dd


@pytest.mark.slow
@pytest.mark.libreoffice
def test_a_log_of_100000_entries_is_written_whole_and_opens_in_libreoffice(tmp_path):
    n = 100_000
    first = dt.date(2024, 1, 1)
    table = pd.DataFrame({
        "Date": [first + dt.timedelta(days=i // 40) for i in range(n)],
        "Employer": [f"Bakery {i} & Sons" for i in range(n)],
        "Phone or address": ["=1+1" if i == 7 else f"Calle Mayor {i}" for i in range(n)],
        "Person contacted": ["" if i % 3 else "Ana Ruiz" for i in range(n)],
        "Method": ["application" if i % 2 else "phone" for i in range(n)],
        "Position": ["Baker"] * n,
        "Result": ["Applied"] * n,
    }, columns=list(LOG_HEADERS))
    out = tmp_path / "log.xlsx"
    export_log(table, out)
    ws = openpyxl.load_workbook(out, read_only=True)["Work search log"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == LOG_HEADERS
    assert len(rows) == n + 1
    assert rows[-1][:3] == (dt.datetime(2024, 1, 1) + dt.timedelta(days=(n - 1) // 40), f"Bakery {n - 1} & Sons",
                            f"Calle Mayor {n - 1}")
    assert rows[8][2] == "=1+1"              # text, never a formula
    assert rows[2][3] is None and rows[1][3] == "Ana Ruiz"
    seen = soffice_csv(out, tmp_path)
    assert len(seen) == n + 1
    assert seen[-1][:2] == [f"{first + dt.timedelta(days=(n - 1) // 40):%Y-%m-%d}", f"Bakery {n - 1} & Sons"]
    assert seen[8][2] == "=1+1"
