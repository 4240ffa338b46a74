"""A refreshed workbook opens in LibreOffice: converted headlessly to CSV, the statuses, dates and
the Today sheet read back as written. Skipped only where LibreOffice is not installed."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess

import pytest
from conftest import TODAY, write_tracker

from followup_sheet.pipeline import refresh

pytestmark = pytest.mark.libreoffice

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FAKETIME = shutil.which("faketime")
# CSV, comma, double quote, UTF-8, from line 1, ..., cells as shown, ..., every sheet (-1)
ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

ROWS = [
    # (TODAY is Thu 2026-11-26; "+5 bd" = five business days)
    # due dates: Acme Mon 11-23, Beta Thu 11-26, Gamma Fri 11-27, Delta Wed 12-02
    {"Company": "Acme", "Position": "Planner", "Date Applied": dt.date(2026, 11, 16), "Status": "Applied"},
    {"Company": "Beta", "Position": "Analyst", "Date Applied": dt.date(2026, 11, 19), "Status": "Applied"},
    {"Company": "Gamma", "Position": "Designer", "Date Applied": dt.date(2026, 11, 20), "Status": "Applied"},
    {"Company": "Delta", "Position": "Engineer", "Date Applied": dt.date(2026, 11, 25), "Status": "Applied"},
    {"Company": "Epsilon", "Position": "Writer", "Date Applied": dt.date(2026, 11, 2), "Status": "Rejected"},
    {"Company": "Zeta", "Position": "Manager", "Status": "Wishlist"},
    {"Company": "Eta", "Position": "Tester", "Status": "Applied"},
    {"Company": '=HYPERLINK("http://x")', "Position": "Odd", "Date Applied": dt.date(2026, 11, 16),
     "Status": "Applied"},
]
EXPECTED = {"Acme": "Overdue", "Beta": "Due today", "Gamma": "Due soon", "Delta": "Waiting",
            "Epsilon": "Closed", "Zeta": "Not applied", "Eta": "Check data", '=HYPERLINK("http://x")': "Overdue"}


def _convert(path, tmp_path):
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "csv"
    profile = tmp_path / "lo-profile"
    # the statuses are live formulas: LibreOffice recalculates them for the day its clock says
    clock = [FAKETIME, f"{TODAY:%Y-%m-%d} 10:00:00"] if FAKETIME else []
    proc = subprocess.run(
        [*clock, SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", ALL_SHEETS, "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    sheets = {}
    for f in sorted(out.glob("*.csv")):
        sheet = f.stem[len(path.stem) + 1:] if f.stem.startswith(path.stem + "-") else f.stem
        with open(f, newline="", encoding="utf-8") as fh:
            sheets[sheet] = list(csv.reader(fh))
    assert sheets, f"no CSV written: {proc.stdout} {proc.stderr}"
    return sheets


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("lo")
    path = write_tracker(tmp_path / "tracker.xlsx", ROWS)
    if FAKETIME is None:   # without a clock to set, plain values read the same on any day
        (tmp_path / "followup.toml").write_text("[saving]\nlive = false\n")
    refresh(path, today=TODAY, backup=False)
    return _convert(path, tmp_path)


def test_statuses_read_back_in_libreoffice(converted):
    rows = converted["Applications"]
    header = rows[0]
    assert "Follow-up Status" in header, header
    status = header.index("Follow-up Status")
    got = {r[0]: r[status] for r in rows[1:] if r and r[0]}
    assert got == EXPECTED


def test_next_follow_up_is_a_date_in_libreoffice(converted):
    rows = converted["Applications"]
    header = rows[0]
    due = header.index("Next Follow-up")
    got = {r[0]: r[due] for r in rows[1:] if r and r[0]}
    # shown in the cell's date format; whatever the format, it must hold the right day and month
    for company, day in {"Acme": dt.date(2026, 11, 23), "Beta": dt.date(2026, 11, 26),
                         "Delta": dt.date(2026, 12, 2)}.items():
        shown = got[company]
        assert shown, company
        assert str(day.day) in shown and (str(day.month) in shown or day.strftime("%b") in shown), (company, shown)
    assert got["Epsilon"] == "" and got["Eta"] == ""


def test_text_company_is_not_evaluated_in_libreoffice(converted):
    companies = [r[0] for r in converted["Applications"][1:] if r]
    assert '=HYPERLINK("http://x")' in companies


def test_today_sheet_in_libreoffice(converted):
    assert "Today" in converted, sorted(converted)
    text = [cell for row in converted["Today"] for cell in row]
    for company in ("Acme", "Beta", '=HYPERLINK("http://x")'):
        assert company in text
    for company in ("Gamma", "Delta", "Epsilon", "Zeta", "Eta"):
        assert company not in text


def test_call_sheet_columns_in_libreoffice(converted):
    from followup_sheet import columns
    rows = converted["Today"]
    assert rows[0][0].startswith("followup-sheet: today's calls, built ")
    assert rows[1][:len(columns.sheet_columns())] == [c.header for c in columns.sheet_columns()]
    link = rows[1].index("Tracker row")
    phone = rows[1].index("Phone")
    listed = {r[0]: r for r in rows[2:] if r and r[0]}
    assert listed["Acme"][link] == "Applications!2" and listed["Beta"][link] == "Applications!3"
    assert listed["Acme"][phone] == "Find a number or e-mail first"     # the rows here have neither
