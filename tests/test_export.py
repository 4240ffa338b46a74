"""The exports of `today --output` (issue 15), each opened the way its reader opens it: the call
sheet in headless Chromium (phone width, A4 and Letter PDFs read back with pdftotext), the
calendar with the icalendar parser, the CSV in LibreOffice, the Markdown as text. A hostile
company name stays inert in every one, and no export ever lands on the tracker."""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import zoneinfo
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli
from corpus_tools import minimal_workbook

SCRIPT = Path(sys.executable).parent / "followup-sheet"
DAY = "2026-11-26"    # a Thursday
TODAY = dt.date(2026, 11, 26)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

HOSTILE = {
    "formula": '=HYPERLINK("http://x","y")',
    "script": "<script>alert(1)</script>",
    "attribute": '"><img src=x onerror=alert(1)>',
    "newline": "Acme\nEVIL: injected line",
    "control": "Bell\x07 and \x1b[31mred\x1b[0m Corp",
    "ics": "Semi;colon, comma\\ back",
}


def row(company, applied, **more):
    return {"Company": company, "Position": more.pop("Position", "Analyst"), "Date Applied": applied,
            "Status": "Applied", **more}


ROWS = [
    row("Acme Design", dt.date(2026, 11, 16), Contact="Dana Whitfield", Phone="+1 (555) 010-0100",
        Email="dana@acme.example", Notes="Asked me to call after Thanksgiving"),
    row("Beta Labs", dt.date(2026, 11, 19), Phone="555-0101"),                       # due today
    row("Quiet Co", dt.date(2026, 11, 17)),                                        # neither phone nor e-mail
    row("Gamma Works", dt.date(2026, 11, 24), Phone="555-0103"),                     # due 12-01: Due soon
    row("Delta Corp", dt.date(2026, 11, 20), Phone="555-0104",                       # due 12-16: in 4 weeks
        **{"Follow Up On": dt.date(2026, 12, 16)}),
    row("Far Future Ltd", dt.date(2026, 11, 20), Phone="555-0105",                   # due 2027-01-06: beyond
        **{"Follow Up On": dt.date(2027, 1, 6)}),
    row("Closed Inc", dt.date(2026, 11, 2), Status="Rejected"),
    *[row(name, dt.date(2026, 11, 16), Phone="555-0199", Email="x@y.example", Notes=name)
      for name in HOSTILE.values()],
]
TODAY_NAMES = ["Acme Design", "Beta Labs", "Quiet Co", *HOSTILE.values()]


def write_tracker(path: Path, rows: list[dict]) -> Path:
    """A one-sheet tracker as Excel writes one, control characters included (as _xHHHH_)."""
    headers = list(dict.fromkeys(k for r in rows for k in r))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(minimal_workbook(headers, [[r.get(h) for h in headers] for r in rows], shared_strings=True))
    return path


def fs(*args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command line, run in this process (conftest.run_cli); the test that gives the command
    an environment of its own runs the installed script."""
    return run_cli(*args, cwd=cwd)


def ok(proc):
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture
def tracker(tmp_path):
    return write_tracker(tmp_path / "jobs.xlsx", ROWS)


@pytest.fixture
def export(tracker):
    def make(name: str, *more: str) -> Path:
        target = tracker.parent / name
        ok(fs("today", tracker, "--today", DAY, "--output", target, *more))
        return target
    return make


def shown(name: str) -> str:
    """A company name as a page shows it: control characters gone, runs of white space one space."""
    return " ".join(re.sub("[\x00-\x08\x0b-\x1f\x7f]", "", name).split())


# --- the call sheet -----------------------------------------------------------------------------

class Page(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's parser sees them."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def blocks(self) -> int:
        return sum(1 for tag, attrs in self.tags if tag == "section" and attrs.get("class") == "call")


def test_html_call_sheet_has_a_block_per_call_with_links(export):
    page = Page(export("calls.html").read_text(encoding="utf-8"))
    assert page.blocks() == len(TODAY_NAMES)
    links = [a["href"] for tag, a in page.tags if tag == "a"]
    assert "tel:+15550100100" in links and "mailto:dana@acme.example" in links
    assert all(h.startswith(("tel:", "mailto:")) for h in links), links
    text = " ".join(" ".join(page.text).split())
    for name in ("Acme Design", "Beta Labs", "Quiet Co"):
        assert name in text
    assert "Gamma Works" not in text and "Closed Inc" not in text
    assert "Dana Whitfield" in text                          # whom to ask for
    assert "Asked me to call after Thanksgiving" in text     # the notes
    assert "3 days overdue" in text                          # Acme: applied 11-16, due 5 business days on, 11-23
    for outcome in ("Spoke", "Left voicemail", "Reached a gatekeeper", "E-mailed", "No answer", "Call back on",
                    "Got the hiring manager's name", "Not interested", "Got an interview"):
        assert text.count(outcome) == len(TODAY_NAMES), outcome


def test_html_row_without_phone_or_email_says_find_one_first(export):
    body = export("calls.html").read_text(encoding="utf-8")
    blocks = body.split('<section class="call">')[1:]
    quiet = [b for b in blocks if "Quiet Co" in b]
    assert len(quiet) == 1 and "Find a number or e-mail first" in quiet[0]
    assert sum("Find a number or e-mail first" in b for b in blocks) == 1


def test_html_is_one_self_contained_file(export):
    body = export("calls.html").read_text(encoding="utf-8")
    page = Page(body)
    assert not [t for t, a in page.tags if t in ("script", "link", "img", "iframe", "object", "embed")]
    assert not [a for t, a in page.tags if "src" in a]
    assert "url(" not in body and "@import" not in body
    assert "@page" in body and "@media print" in body and 'name="viewport"' in body


def test_hostile_text_is_inert_in_html(export):
    body = export("calls.html").read_text(encoding="utf-8")
    page = Page(body)
    assert [t for t, a in page.tags if t in ("script", "img")] == []
    assert not any(k.startswith("on") for t, a in page.tags for k in a)
    text = " ".join(page.text)
    for name in HOSTILE.values():
        assert shown(name) in " ".join(text.split()), name      # shown as text, whole
    assert "\x1b" not in body and "\x07" not in body


def _chromium(tmp_path: Path, *args: str) -> None:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--no-pdf-header-footer", f"--user-data-dir={tmp_path / 'chromium-profile'}", *args],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]


def _printed(page: Path, tmp_path: Path, size: str) -> tuple[Path, float]:
    """`page` printed to PDF by Chromium on paper of `size` (CSS page size); the PDF and its
    width in points."""
    copy = tmp_path / f"print-{size.replace(' ', '-')}.html"
    copy.write_text(page.read_text(encoding="utf-8").replace("@page {", f"@page {{ size: {size};", 1),
                    encoding="utf-8")
    pdf = copy.with_suffix(".pdf")
    _chromium(tmp_path, f"--print-to-pdf={pdf}", copy.as_uri())
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width = float(re.search(r"Page size:\s+([\d.]+) x", info).group(1))
    return pdf, width


def _words_fit(pdf: Path, width: float) -> str:
    """The PDF's text; every word lies inside the page's width (nothing cut off at the side)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    right = [float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)]
    left = [float(x) for x in re.findall(r'xMin="([\d.]+)"', boxes)]
    assert right, "no text in the PDF"
    assert max(right) <= width + 0.5 and min(left) >= 0, (max(right), min(left), width)
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.chromium
@pytest.mark.parametrize("size, points", [("A4", 595), ("letter", 612), ("390px 3000px", 292.5)],
                         ids=["A4", "Letter", "phone-width"])
def test_html_prints_without_cut_off_text_in_chromium(export, tmp_path, size, points):
    pdf, width = _printed(export("calls.html"), tmp_path, size)
    assert abs(width - points) < 1.5
    text = " ".join(_words_fit(pdf, width).split())
    for name in TODAY_NAMES:
        assert shown(name) in text, name
    assert text.count("Got an interview") == len(TODAY_NAMES)


@pytest.mark.chromium
def test_html_screenshot_at_phone_width_in_chromium(export, tmp_path):
    png = tmp_path / "phone.png"
    _chromium(tmp_path, "--window-size=390,1600", f"--screenshot={png}", export("calls.html").as_uri())
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (390, 1600)
    assert len(data) > 20_000          # a page of text, not a blank (a blank 390x1600 PNG is ~5 KB)


# --- the calendar -------------------------------------------------------------------------------

icalendar = pytest.importorskip("icalendar")


def events(path: Path) -> dict[str, object]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


MADRID = zoneinfo.ZoneInfo("Europe/Madrid")


def with_settings(tracker: Path, text: str) -> Path:
    (tracker.parent / "followup.toml").write_text(text, encoding="utf-8")
    return tracker


def test_ics_events_are_timed_in_call_hours_in_the_users_zone_with_a_reminder(export, tracker):
    with_settings(tracker, '[you]\ncall_hours = "10:00-12:00"\ntimezone = "Europe/Madrid"\n')
    path = export("follow-ups.ics")
    found = events(path)
    names = {s.split(" ", 1)[1].rsplit(" (", 1)[0] for s in found}
    assert {"Acme Design", "Beta Labs", "Quiet Co", "Gamma Works", "Delta Corp"} <= names
    assert "Far Future Ltd" not in names and "Closed Inc" not in names
    acme = found["Call Acme Design (Analyst)"]
    assert acme["DTSTART"].dt == dt.datetime(2026, 11, 26, 10, 0, tzinfo=MADRID)     # overdue: today, first call
    assert acme["DTEND"].dt - acme["DTSTART"].dt == dt.timedelta(minutes=15)
    assert acme["DTSTART"].params["TZID"] == "Europe/Madrid"
    assert found["Call Gamma Works (Analyst)"]["DTSTART"].dt.date() == dt.date(2026, 12, 1)
    for event in found.values():
        start = event["DTSTART"].dt
        assert start.tzinfo is not None and start.utcoffset() == dt.timedelta(hours=1)   # CET in winter
        assert dt.time(10, 0) <= start.time() < dt.time(12, 0) and start.weekday() < 5
        assert str(event["STATUS"]) == "CONFIRMED"
        alarms = event.walk("VALARM")
        assert len(alarms) == 1 and alarms[0]["TRIGGER"].dt == -dt.timedelta(minutes=10)
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
    zones = icalendar.Calendar.from_ical(path.read_bytes()).walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Madrid"]
    description = str(acme["DESCRIPTION"])
    assert "+1 (555) 010-0100" in description and "Dana" in description
    assert "Hello, may I speak with Dana Whitfield?" in description          # the script, line breaks kept
    assert "\n\n" in description
    assert "Find a number or e-mail first" in str(found["Call Quiet Co (Analyst)"]["DESCRIPTION"])


def test_ics_calls_of_one_day_follow_each_other(export):
    starts = sorted(e["DTSTART"].dt for e in events(export("follow-ups.ics")).values()
                    if e["DTSTART"].dt.date() == TODAY)
    assert len(starts) == 3 + len(HOSTILE)
    assert [b - a for a, b in zip(starts, starts[1:])] == [dt.timedelta(minutes=15)] * (len(starts) - 1)
    assert starts[0].time() == dt.time(9, 0)                          # the default hours: 09:00-17:00


def test_ics_without_a_zone_setting_uses_the_computers(tracker, tmp_path):
    out = tmp_path / "calls.ics"
    env = {**os.environ, "TZ": "America/Chicago"}
    ok(subprocess.run([str(SCRIPT), "today", str(tracker), "--today", DAY, "--output", str(out)],
                      capture_output=True, text=True, timeout=180, env=env))
    acme = events(out)["Call Acme Design (Analyst)"]
    assert acme["DTSTART"].dt == dt.datetime(2026, 11, 26, 9, 0, tzinfo=zoneinfo.ZoneInfo("America/Chicago"))


@pytest.mark.parametrize("day, first", [("2026-11-28", dt.date(2026, 11, 30)),    # Saturday: Monday
                                        ("2026-11-29", dt.date(2026, 11, 30)),    # Sunday: Monday
                                        ("2026-11-26", TODAY)])
def test_ics_events_fall_on_business_days_only(tracker, tmp_path, day, first):
    out = tmp_path / "calls.ics"
    ok(fs("today", tracker, "--today", day, "--output", out))
    found = events(out)
    assert found["Call Acme Design (Analyst)"]["DTSTART"].dt.date() == first
    assert all(e["DTSTART"].dt.weekday() < 5 for e in found.values())


def test_ics_a_call_that_no_longer_stands_is_cancelled_with_the_same_uid(tracker, tmp_path):
    out = tmp_path / "calls.ics"
    ok(fs("today", tracker, "--today", DAY, "--output", out))
    before = events(out)["Call Beta Labs (Analyst)"]
    rows = [dict(r, Status="Rejected") if r["Company"] == "Beta Labs" else r for r in ROWS]
    write_tracker(tracker, rows)                                     # Beta Labs said no
    ok(fs("today", tracker, "--today", "2026-11-27", "--output", out))   # the next day, the same file
    after = icalendar.Calendar.from_ical(out.read_bytes())
    beta = [e for e in after.walk("VEVENT") if str(e["UID"]) == str(before["UID"])]
    assert len(beta) == 1 and str(beta[0]["STATUS"]) == "CANCELLED"
    assert int(beta[0]["SEQUENCE"]) > int(before["SEQUENCE"])
    assert beta[0]["DTSTART"].dt == before["DTSTART"].dt and not beta[0].walk("VALARM")
    standing = [e for e in after.walk("VEVENT") if str(e["STATUS"]) == "CONFIRMED"]
    assert "Call Acme Design (Analyst)" in {str(e["SUMMARY"]) for e in standing}
    ok(fs("today", tracker, "--today", "2026-11-30", "--output", out))   # still sent, not raised again
    again = [e for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
             if str(e["UID"]) == str(before["UID"])]
    assert str(again[0]["STATUS"]) == "CANCELLED" and int(again[0]["SEQUENCE"]) == int(beta[0]["SEQUENCE"])


def test_ics_uid_comes_from_the_application_not_the_file(tracker, tmp_path):
    first = tracker.parent / "a.ics"
    ok(fs("today", tracker, "--today", DAY, "--output", first))
    (tmp_path / "later").mkdir()
    renamed = write_tracker(tmp_path / "later" / "Job hunt (copy).xlsx",    # renamed, its rows moved down
                            [row("Inserted Above Ltd", dt.date(2026, 11, 20), Phone="1"), *ROWS])
    second = tmp_path / "later" / "b.ics"
    ok(fs("today", renamed, "--today", "2026-11-27", "--output", second))
    uid = {s: str(e["UID"]) for s, e in events(first).items()}
    later = {s: str(e["UID"]) for s, e in events(second).items()}
    assert all(later[s] == uid[s] for s in uid)
    assert len(set(uid.values())) == len(uid)
    reapplied = write_tracker(tmp_path / "again.xlsx", [row("Acme Design", dt.date(2026, 11, 17), Phone="1")])
    third = tmp_path / "c.ics"
    ok(fs("today", reapplied, "--today", DAY, "--output", third))
    assert str(events(third)["Call Acme Design (Analyst)"]["UID"]) != uid["Call Acme Design (Analyst)"]


def test_ics_same_company_and_position_twice_are_two_events(tmp_path):
    path = write_tracker(tmp_path / "twice.xlsx", [row("Twin Co", dt.date(2026, 11, 16), Phone="1"),
                                                   row("Twin Co", dt.date(2026, 11, 16), Phone="2")])
    out = tmp_path / "twice.ics"
    ok(fs("today", path, "--today", DAY, "--output", out))
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert len({str(e["UID"]) for e in cal.walk("VEVENT")}) == 2


def test_ics_is_read_the_same_by_a_second_reader(export, tracker):
    """The `ics` package has a parser of its own (not icalendar's): times, zones and alarms."""
    ics = pytest.importorskip("ics")
    with_settings(tracker, '[you]\ntimezone = "Europe/Madrid"\n')
    path = export("follow-ups.ics")
    calendar = ics.Calendar(path.read_text(encoding="utf-8"))
    mine = events(path)
    assert len(calendar.events) == len(mine)
    by_name = {e.name: e for e in calendar.events}
    for summary, event in mine.items():
        other = by_name[summary]
        assert other.begin.datetime == event["DTSTART"].dt
        assert other.end.datetime - other.begin.datetime == dt.timedelta(minutes=15)
        assert [a.trigger for a in other.alarms] == [-dt.timedelta(minutes=10)]
        assert other.uid == str(event["UID"])


@pytest.mark.parametrize("text, fix", [('call_hours = "17:00-09:00"', "ends before it starts"),
                                       ('call_hours = "nine to five"', "09:00-17:00"),
                                       ('timezone = "Mars/Olympus"', "Europe/Madrid")])
def test_bad_call_hours_or_zone_name_the_setting(tracker, tmp_path, text, fix):
    with_settings(tracker, f"[you]\n{text}\n")
    proc = fs("today", tracker, "--today", DAY, "--output", tmp_path / "calls.ics")
    assert proc.returncode == 1 and fix in proc.stderr and "followup.toml" in proc.stderr
    assert not (tmp_path / "calls.ics").exists()


def test_ics_lines_are_folded_and_text_escaped(export):
    data = export("follow-ups.ics").read_bytes()
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert any(line.startswith(b" ") for line in lines)            # long descriptions were folded
    data.decode("utf-8")                                            # folding never split a character
    assert b"Semi\\;colon\\, comma\\\\ back" in data.replace(b"\r\n ", b"")


def test_hostile_text_is_inert_in_ics(export):
    found = events(export("follow-ups.ics"))
    summaries = set(found)
    for name in HOSTILE.values():
        assert f"Call {shown(name)} (Analyst)" in summaries, (name, summaries)
    assert all("\n" not in s for s in summaries)
    data = export("again.ics").read_bytes()
    assert not re.search(rb"(?m)^EVIL", data)          # the newline in a name made no property of its own
    assert b"\x1b" not in data and b"\x07" not in data
    cal = icalendar.Calendar.from_ical(data)
    assert len(cal.walk("VEVENT")) == len(found)


# --- Markdown and CSV ---------------------------------------------------------------------------

def test_hostile_text_is_inert_in_markdown(export):
    lines = export("calls.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 + len(TODAY_NAMES)                        # a newline in a name made no row
    body = "\n".join(lines)
    assert "<script" not in body and "<img" not in body and "\x1b" not in body
    assert "&lt;script&gt;" in body
    assert all(line.count("|") - line.count("\\|") == lines[0].count("|") for line in lines)
    assert "'=HYPERLINK" in body


def test_markdown_shows_a_phone_number_as_written_and_csv_guards_it(export):
    """`+1 (555) 010-0100` holds no formula a spreadsheet could run, so Markdown shows it as it is;
    a CSV file keeps the quote that stops a spreadsheet from reading it as a sum."""
    markdown = export("calls.md").read_text(encoding="utf-8")
    assert "| +1 (555) 010-0100 |" in markdown and "'+1 (555)" not in markdown
    assert "'=HYPERLINK" in markdown                                  # anything else is still guarded
    assert "'+1 (555) 010-0100" in export("calls.csv").read_text(encoding="utf-8-sig")


def _csv_in_libreoffice(csv_path: Path, tmp_path: Path):
    """`csv_path` opened by LibreOffice with formulas evaluated, saved as .xlsx: its first sheet."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "lo-out"
    # comma, double quote, UTF-8, from line 1, ..., token 13: evaluate formulas (as a user's double-click does)
    infilter = "CSV:44,34,76,1,,0,false,true,false,false,false,false,true"
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
                           "--norestore", f"--infilter={infilter}", "--convert-to", "xlsx", "--outdir", str(out),
                           str(csv_path)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    return openpyxl.load_workbook(out / (csv_path.stem + ".xlsx")).active


@pytest.mark.libreoffice
def test_hostile_text_is_inert_in_csv_read_by_libreoffice(export, tmp_path):
    ws = _csv_in_libreoffice(export("calls.csv"), tmp_path)
    header = [c.value for c in ws[1]]
    company = header.index("Company") + 1
    cells = [ws.cell(r, company) for r in range(2, ws.max_row + 1)]
    assert all(c.data_type == "s" for c in cells), [(c.value, c.data_type) for c in cells]
    values = [c.value for c in cells]
    assert "'" + HOSTILE["formula"] in values
    assert HOSTILE["script"] in values
    assert not any(c.data_type == "f" for r in ws.iter_rows() for c in r)


@pytest.mark.libreoffice
def test_libreoffice_would_run_an_unprefixed_formula(tmp_path):
    """The check above can fail: the same import runs a bare =1+2 as a formula."""
    raw = tmp_path / "raw.csv"
    raw.write_text("Company\n=1+2\n", encoding="utf-8")
    ws = _csv_in_libreoffice(raw, tmp_path)
    assert ws.cell(2, 1).data_type == "f"


# --- formats and refusals -----------------------------------------------------------------------

def test_unknown_suffix_is_a_usage_error_listing_the_formats(tracker):
    proc = fs("today", tracker, "--today", DAY, "--output", tracker.parent / "calls.txt")
    assert proc.returncode == 2
    for suffix in (".xlsx", ".csv", ".md", ".html", ".ics"):
        assert suffix in proc.stderr
    assert sorted(p.name for p in tracker.parent.iterdir()) == ["jobs.xlsx"]


def test_weeks_goes_with_the_calendar_only(tracker):
    proc = fs("today", tracker, "--today", DAY, "--output", tracker.parent / "calls.html", "--weeks", "2")
    assert proc.returncode == 2 and "--weeks" in proc.stderr
    proc = fs("today", tracker, "--today", DAY, "--output", tracker.parent / "c.ics", "--weeks", "0")
    assert proc.returncode == 2 and "--weeks" in proc.stderr


@pytest.mark.parametrize("suffix", [".html", ".ics", ".md"])
@pytest.mark.parametrize("force", [False, True])
def test_export_onto_the_tracker_is_refused_in_every_format(tmp_path, suffix, force):
    tracker = write_tracker(tmp_path / f"jobs{suffix}", ROWS)   # a workbook someone named .html
    before = tracker.read_bytes()
    proc = fs("today", tracker, "--today", DAY, "--output", tracker, *(["--force"] if force else []))
    assert proc.returncode == 1, proc.stderr
    assert "is the tracker" in proc.stderr
    assert tracker.read_bytes() == before


@pytest.mark.parametrize("name", ["mine.html", "mine.ics", "mine.md"])
def test_a_users_file_needs_force(tracker, name):
    theirs = tracker.parent / name
    theirs.write_text("my own file", encoding="utf-8")
    proc = fs("today", tracker, "--today", DAY, "--output", theirs)
    assert proc.returncode == 1 and "--force" in proc.stderr
    assert theirs.read_text(encoding="utf-8") == "my own file"
    ok(fs("today", tracker, "--today", DAY, "--output", theirs, "--force"))
    kept = [k for k in (tracker.parent / ".followup-backups").iterdir() if k.name != "written.json"]
    assert [k.read_text(encoding="utf-8") for k in kept] == ["my own file"]


@pytest.mark.parametrize("name", ["calls.csv", "calls.md"])
def test_a_daily_text_export_replaces_its_own_file_but_never_a_users(tracker, name):
    """A CSV or Markdown file cannot carry a mark: the record beside the backups knows it."""
    target = tracker.parent / name
    ok(fs("today", tracker, "--today", DAY, "--output", target))
    ok(fs("today", tracker, "--today", "2026-11-27", "--output", target))      # the second day
    assert not [k for k in (tracker.parent / ".followup-backups").iterdir() if k.name != "written.json"]
    target.write_text(target.read_text(encoding="utf-8") + "my own line\n", encoding="utf-8")
    proc = fs("today", tracker, "--today", "2026-11-30", "--output", target)
    assert proc.returncode == 1 and "was not written by followup-sheet" in proc.stderr
    assert target.read_text(encoding="utf-8").endswith("my own line\n")
    other = tracker.parent / ("other" + target.suffix)
    other.write_bytes(target.read_bytes())             # the same bytes under a name the tool never wrote
    assert fs("today", tracker, "--today", DAY, "--output", other).returncode == 1


@pytest.mark.parametrize("name", ["calls.html", "calls.ics"])
def test_its_own_export_is_replaced_but_not_once_edited(export, tracker, name):
    target = export(name)
    export(name)                                   # the next day's export replaces it without --force
    target.write_bytes(target.read_bytes().replace(b"Acme Design", b"Acme Design (my note)"))
    proc = fs("today", tracker, "--today", DAY, "--output", target)
    assert proc.returncode == 1 and "--force" in proc.stderr
    assert b"(my note)" in target.read_bytes()


def test_nothing_due_today_still_makes_a_sheet_and_a_calendar(tmp_path):
    path = write_tracker(tmp_path / "calm.xlsx", [row("Later Ltd", dt.date(2026, 11, 24), Phone="555-0100")])
    sheet, cal = tmp_path / "calls.html", tmp_path / "calls.ics"
    ok(fs("today", path, "--today", DAY, "--output", sheet))
    ok(fs("today", path, "--today", DAY, "--output", cal))
    page = Page(sheet.read_text(encoding="utf-8"))
    assert page.blocks() == 0 and "Nothing is overdue or due today." in " ".join(page.text)
    assert list(events(cal)) == ["Call Later Ltd (Analyst)"]      # due Tuesday 12-01: in the calendar


def test_hostile_text_is_inert_in_xlsx(export):
    ws = openpyxl.load_workbook(export("calls.xlsx")).active
    header = [c.value for c in ws[1]]
    cells = [ws.cell(r, header.index("Company") + 1) for r in range(2, ws.max_row + 1)]
    assert all(c.data_type == "s" for c in cells)
    values = [c.value for c in cells]
    for name in (HOSTILE["formula"], HOSTILE["script"], HOSTILE["attribute"], HOSTILE["newline"]):
        assert shown(name) in values, name     # (the read stage already made the line break a space)
    assert not any(c.data_type == "f" for r in ws.iter_rows() for c in r)


@pytest.mark.parametrize("phone, link", [
    ("+1 (555) 010-0100", "+15550100100"), ("555-0100 ext. 12", "5550100"), ("555-0100 / 555-0199", "5550100"),
    ("Phone: 555-0100", "5550100"), ("javascript:alert(1)", ""), ("call HR", ""), ("12", ""),
])
def test_tel_link_dials_the_first_number_only(phone, link):
    from followup_sheet.exporttext import _tel
    assert _tel(phone) == link


# --- a weekend or a holiday -------------------------------------------------------------------

WEEKEND_ROWS = [
    row("Lunes Logistics", dt.date(2026, 11, 23), Phone="555-0110"),                 # due Monday 11-30
    row("Sunday Pin GmbH", dt.date(2026, 11, 16), Phone="555-0111", **{"Remind on": dt.date(2026, 11, 29)}),
    row("Later Ltd", dt.date(2026, 11, 26), Phone="555-0112"),                       # due Thursday 12-03
]


@pytest.mark.parametrize("day, settings, weekday, expected", [
    ("2026-11-29", "", "Sunday 2026-11-29", {"Lunes Logistics": "Due today", "Sunday Pin GmbH": "Overdue"}),
    ("2026-11-28", "", "Saturday 2026-11-28", {"Lunes Logistics": "Due today", "Sunday Pin GmbH": "Overdue"}),
    # the holiday also moves Lunes Logistics' first follow-up to Tuesday 12-01
    ("2026-11-27", '[cadence]\nholidays = ["2026-11-27"]\n', "Friday 2026-11-27", {"Sunday Pin GmbH": "Overdue"}),
], ids=["sunday", "saturday", "a-holiday"])
def test_on_a_day_off_today_prepares_the_next_business_days_calls_and_says_so(tmp_path, day, settings, weekday,
                                                                               expected):
    path = write_tracker(tmp_path / "jobs.xlsx", WEEKEND_ROWS)
    if settings:
        (tmp_path / "followup.toml").write_text(settings, encoding="utf-8")
    printed = ok(fs("today", path, "--today", day)).stdout
    assert f"{weekday} is not a business day: these are the calls for Monday 2026-11-30." in printed
    assert "Later Ltd" not in printed
    sheet = tmp_path / "calls.html"
    ok(fs("today", path, "--today", day, "--output", sheet))
    page = sheet.read_text(encoding="utf-8")
    assert "Calls for Monday, November 30, 2026" in page and "Sunday," not in page and "Saturday," not in page
    listed = tmp_path / "calls.csv"
    ok(fs("today", path, "--today", day, "--output", listed))
    statuses = {r["Company"]: r["Status"] for r in csv.DictReader(listed.read_text(encoding="utf-8-sig").splitlines())}
    assert statuses == expected            # nothing is "Due today" on the Sunday it was pinned to


def test_on_a_business_day_nothing_is_said(tmp_path):
    path = write_tracker(tmp_path / "jobs.xlsx", WEEKEND_ROWS)
    assert "not a business day" not in ok(fs("today", path, "--today", "2026-11-30")).stdout
