"""The command line as a user runs it: `python -m followup_sheet` and the `followup-sheet` script.

Exit codes are part of the interface: 0 done, 1 a problem the one-line message explains (and
the file is left as it was), 2 the command line was wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import column_of, run_cli, run_cli_process, statuses_by_company, write_tracker

from followup_sheet.cli import COMMANDS
from followup_sheet.tuning import STREAM_BLOCK

REPO = Path(__file__).resolve().parent.parent
DAY = "2026-11-26"    # a Thursday
STATUSES = {"Closed", "Not applied", "Check data", "Gone cold", "Overdue", "Due today", "Due soon", "Waiting"}

ROWS = [
    # Mon 11-16 +5 business days = Mon 11-23: Overdue
    {"Company": "Acme Design", "Position": "Planner", "Date Applied": dt.date(2026, 11, 16), "Status": "Applied",
     "Contact": "Dana Whitfield"},
    # Thu 11-19 +5 = Thu 11-26: Due today
    {"Company": "Beta Labs", "Position": "Analyst", "Date Applied": dt.date(2026, 11, 19), "Status": "Applied"},
    # Tue 11-24 +5 = Tue 12-01: Waiting
    {"Company": "Gamma Works", "Position": "Designer", "Date Applied": dt.date(2026, 11, 24), "Status": "Applied"},
    {"Company": "Delta Corp", "Position": "Engineer", "Date Applied": dt.date(2026, 11, 2), "Status": "Rejected"},
]
# names a spreadsheet would run as formulas if a CSV cell started with them (all Overdue)
DANGEROUS = ["=1+2", "+cmd", "-2+3", "@SUM(A1)"]


@pytest.fixture
def tracker(tmp_path):
    rows = ROWS + [{"Company": name, "Date Applied": dt.date(2026, 11, 16), "Status": "Applied"}
                   for name in DANGEROUS]
    return write_tracker(tmp_path / "jobs.xlsx", rows)


def _ok(proc):
    assert proc.returncode == 0, f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    return proc.stdout


def _one_line_error(proc, code, name):
    assert proc.returncode == code, f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert name in lines[0], lines[0]
    assert "Traceback" not in proc.stderr
    return lines[0]


# --- commands that work -------------------------------------------------------------------------

def test_refresh(tracker):
    out = _ok(run_cli("refresh", tracker, "--today", DAY, "--no-backup"))
    assert "jobs.xlsx" in out
    assert "Acme Design" in out and "Beta Labs" in out       # today's calls are shown
    assert "Gamma Works" not in out.split("Today")[-1]        # Waiting: not a call for today
    statuses = statuses_by_company(tracker)
    assert statuses["Acme Design"] == "Overdue"
    assert statuses["Beta Labs"] == "Due today"
    assert statuses["Gamma Works"] == "Waiting"
    assert statuses["Delta Corp"] == "Closed"
    assert not (tracker.parent / ".followup-backups").exists()


def test_main_called_from_a_program_gives_back_its_garbage_collector(tracker):
    """A one-shot command turns the cyclic collector off (its process exits soon after); `main`
    called from a program that goes on (a script, a test runner) must not leave it off."""
    import gc
    assert gc.isenabled()
    _ok(run_cli("refresh", tracker, "--today", DAY, "--no-backup"))
    assert gc.isenabled()


def test_a_command_that_ends_the_process_leaves_the_collector_off(tracker):
    """`run` (the installed command) exits as soon as a one-shot command returns: turning the
    collector back on would start one collection over every object the run made, just before the
    exit. Only `main` called by a program that goes on gets it back (the test above)."""
    import gc

    from followup_sheet import cli
    try:
        code = cli.main(["-q", "refresh", str(tracker), "--today", DAY, "--no-backup"], output=cli.Output(exits=True))
        assert code == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_command_line_refresh_writes_the_same_file_as_the_library(tmp_path):
    """The command line parses the workbook on a second thread while pandas loads, and every
    write compresses on one; the file must be the very one the plain library call writes."""
    from followup_sheet.pipeline import refresh
    rows = [{"Company": f"Company {i % 97}", "Position": f"Role {i % 13}", "Date Applied": dt.date(2026, 9, 1)
             + dt.timedelta(days=i % 80), "Status": ("Applied", "Interview", "Rejected", "Offer")[i % 4],
             "Contact": f"Person {i}", "Notes": "x" * (i % 50)} for i in range(4400)]
    source = write_tracker(tmp_path / "big.xlsx", rows)
    (tmp_path / "followup.toml").write_text("[cadence]\ncalls_per_day = 0\n", encoding="utf-8")   # a big Today sheet
    by_cli, by_library = tmp_path / "cli.xlsx", tmp_path / "library.xlsx"
    done = run_cli_process("refresh", source, "--today", DAY, "--output", by_cli, "-v")
    _ok(done)
    assert "read while the program started" in done.stderr     # the preloaded copy was used
    refresh(source, today=dt.date.fromisoformat(DAY), output=by_library)
    assert by_cli.read_bytes() == by_library.read_bytes()
    # the new sheet's relationship id carries the usual prefix, whatever the process imported
    with zipfile.ZipFile(by_cli) as zf:
        workbook = zf.read("xl/workbook.xml")
        # several blocks for the compressing thread (each STREAM_BLOCK bytes of the part as made)
        assert max(i.file_size for i in zf.infolist()) > 4 * STREAM_BLOCK
    assert b'name="Today"' in workbook and b"ns0" not in workbook
    assert re.search(rb'<sheet xmlns:r="[^"]+/relationships" name="Today" sheetId="2" r:id="rId\d+"/>', workbook)


def test_refresh_keeps_a_backup_by_default(tracker):
    before = tracker.read_bytes()
    _ok(run_cli("refresh", tracker, "--today", DAY))
    kept = list((tracker.parent / ".followup-backups").iterdir())
    assert [p.read_bytes() for p in kept] == [before]


def test_refresh_twice_says_up_to_date(tracker):
    _ok(run_cli("refresh", tracker, "--today", DAY, "--no-backup"))
    data = tracker.read_bytes()
    _ok(run_cli("refresh", tracker, "--today", DAY, "--no-backup"))
    assert tracker.read_bytes() == data


def test_refresh_dry_run_writes_nothing(tracker):
    before = tracker.read_bytes()
    out = _ok(run_cli("refresh", tracker, "--today", DAY, "--dry-run"))
    assert tracker.read_bytes() == before
    assert sorted(p.name for p in tracker.parent.iterdir()) == ["jobs.xlsx"]
    assert "Overdue" in out and "Due today" in out


def test_refresh_output_leaves_the_tracker_alone(tracker, tmp_path):
    before = tracker.read_bytes()
    copy = tmp_path / "copy.xlsx"
    _ok(run_cli("refresh", tracker, "--today", DAY, "--output", copy))
    assert tracker.read_bytes() == before
    assert statuses_by_company(copy)["Acme Design"] == "Overdue"


def test_today_prints_the_calls_with_scripts(tracker):
    before = tracker.read_bytes()
    out = _ok(run_cli("today", tracker, "--today", DAY))
    assert "Acme Design" in out and "Beta Labs" in out
    assert "Gamma Works" not in out and "Delta Corp" not in out
    assert "Dana" in out                                     # the script speaks to the contact
    assert out.index("Acme Design") < out.index("Beta Labs")  # most overdue first
    assert tracker.read_bytes() == before


def test_today_out_csv(tracker, tmp_path):
    target = tmp_path / "calls.csv"
    _ok(run_cli("today", tracker, "--today", DAY, "--out", target))
    with open(target, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    text = "\n".join(",".join(r) for r in body)
    for name in ("Acme Design", "Beta Labs"):
        assert name in text
    assert "Gamma Works" not in text and "Delta Corp" not in text
    assert len(body) == 2 + len(DANGEROUS)
    for r in rows:
        for cell in r:
            assert cell[:1] not in ("=", "+", "-", "@"), f"CSV cell would run as a formula: {cell!r}"
    company = [i for i, h in enumerate(header) if h.lower() == "company"]
    assert company, header
    listed = [r[company[0]] for r in body]
    for name in DANGEROUS:
        assert any(name in cell for cell in listed), (name, listed)


def test_today_out_xlsx(tracker, tmp_path):
    target = tmp_path / "calls.xlsx"
    _ok(run_cli("today", tracker, "--today", DAY, "--out", target))
    ws = openpyxl.load_workbook(target).active
    company_col = column_of(ws, "Company")
    listed = [ws.cell(r, company_col) for r in range(2, ws.max_row + 1) if ws.cell(r, company_col).value]
    names = [c.value for c in listed]
    assert "Acme Design" in names and "Beta Labs" in names
    assert "Gamma Works" not in names and "Delta Corp" not in names
    assert set(DANGEROUS) <= set(names)
    assert all(c.data_type == "s" for c in listed)


def test_check_explains_the_reading(tmp_path):
    path = write_tracker(tmp_path / "hunt.xlsx", ROWS, sheet="Job Hunt 2026")
    before = path.read_bytes()
    out = _ok(run_cli("check", path))
    assert "Job Hunt 2026" in out                  # the sheet it chose
    for header in ("Company", "Position", "Date Applied", "Status", "Contact"):
        assert header in out
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hunt.xlsx"]


def test_demo_makes_a_workbook_with_every_status(tmp_path):
    folder = tmp_path / "demo"
    _ok(run_cli("demo", folder, "--today", DAY))
    books = list(folder.glob("*.xlsx"))
    assert len(books) == 1, books
    wb = openpyxl.load_workbook(books[0], data_only=True)
    found = set()
    for ws in wb.worksheets:
        header_cells = [c for row in ws.iter_rows(max_row=30) for c in row if c.value == "Follow-up Status"]
        for cell in header_cells:
            found |= {ws.cell(r, cell.column).value for r in range(cell.row + 1, ws.max_row + 1)}
    assert STATUSES <= found, STATUSES - found


def test_console_script(tracker):
    script = Path(sys.executable).parent / "followup-sheet"
    assert script.exists(), script
    proc = subprocess.run([str(script), "refresh", str(tracker), "--today", DAY, "--no-backup"],
                          capture_output=True, text=True, timeout=120)
    _ok(proc)
    assert statuses_by_company(tracker)["Beta Labs"] == "Due today"
    proc = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "followup-sheet" in proc.stdout


# --- handled problems: exit 1, one line naming the file, the file untouched ---------------------

def _broken(tmp_path, kind):
    if kind == "text":
        path = tmp_path / "notes.xlsx"
        path.write_text("Company,Date Applied\nAcme,2026-11-16\n")
    elif kind == "empty":
        path = tmp_path / "empty.xlsx"
        path.write_bytes(b"")
    elif kind == "no-company":
        path = write_tracker(tmp_path / "nocompany.xlsx",
                             [{"Date Applied": dt.date(2026, 11, 16), "Status": "Applied", "Contact": "Dana"}])
    else:
        path = write_tracker(tmp_path / "nodate.xlsx",
                             [{"Company": "Acme", "Position": "Planner", "Status": "Applied"}])
    return path


@pytest.mark.parametrize("kind", ["text", "empty", "no-company", "no-date"])
@pytest.mark.parametrize("command", ["refresh", "today", "check"])
def test_handled_problems_exit_1(tmp_path, kind, command):
    path = _broken(tmp_path, kind)
    before = path.read_bytes()
    proc = run_cli(command, path, "--today", DAY)
    line = _one_line_error(proc, 1, path.name)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    if kind == "no-company":
        assert "Company" in line
    if kind == "no-date":
        assert "Date Applied" in line


def test_missing_file_exits_1(tmp_path):
    _one_line_error(run_cli("refresh", tmp_path / "nowhere.xlsx"), 1, "nowhere.xlsx")


# --- usage errors: exit 2 -----------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["frobnicate", "x.xlsx"],
    ["refresh", "x.xlsx", "--today", "tomorrow"],
    ["today", "x.xlsx", "--today", "2026-13-01"],
    ["refresh"],
    [],
    ["log", "x.xlsx", "--from", "2026-11-30", "--to", "2026-11-23"],
    ["log", "x.xlsx", "--today", "2026-11-26", "--from", "2026-12-07"],
], ids=["unknown-command", "bad-today", "impossible-date", "missing-file-argument", "nothing", "log-from-after-to",
        "log-from-after-this-week"])
def test_usage_errors_exit_2(tmp_path, args):
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "usage" in proc.stderr.lower()
    assert list(tmp_path.iterdir()) == []


# --- documentation ------------------------------------------------------------------------------

@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_in_the_readme(command):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"followup-sheet {command}" in readme, f"README.md does not show `followup-sheet {command}`"


def test_commands_are_the_documented_ten():
    assert set(COMMANDS) == {"refresh", "today", "stats", "check", "log", "demo", "watch", "templates", "inbox",
                             "explain"}


def test_demo_in_a_checkout_leaves_the_committed_sample_alone(tmp_path):
    committed = tmp_path / "sample_tracker.xlsx"
    committed.write_bytes(b"the committed sample stands in here")
    out = _ok(run_cli("demo", tmp_path, "--today", DAY))
    assert committed.read_bytes() == b"the committed sample stands in here"
    assert "Fill in [you]" in out          # no followup.toml: voicemails cannot say how to reach me
    assert (tmp_path / "demo_tracker.xlsx").exists()


def test_ci_runs_the_readme_test_command():
    """.ci/run must run exactly the test command the README gives a new user."""
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    command = ('python3 -m venv .venv && . .venv/bin/activate && python -m pip install ".[test]" '
               '&& python -m pytest -n auto')
    assert command in readme
    assert command in [line.strip() for line in ci.splitlines()]
