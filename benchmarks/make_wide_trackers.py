"""Generate job trackers of a second, different shape for the benchmarks ("wide").

    python benchmarks/make_wide_trackers.py OUTDIR --rows 1000 10000
    python benchmarks/make_wide_trackers.py --writer openpyxl      # skip the LibreOffice pass

Where `make_trackers.py` writes a lean 17-column sheet in openpyxl's write-only mode, these look
like a heavier hand-kept workbook:

- a title line and a blank row above the header (row 3), 30 columns: dates, a stage, contacts, a
  job link and reference that differ on every row, salary bounds with a midpoint formula, a
  days-open formula, a contact looked up on the second sheet by formula, ratings, long notes;
- many shared strings: most text cells are distinct (links, references, notes built from
  sentence parts), and a few long notes repeat on many rows;
- per-cell styles: fills by priority, borders, wrapped notes, date, currency and percent formats;
- a second sheet "Contacts" (one row per company: name, e-mail, phone, notes) that the
  tracker's formulas read.

The workbook is built with openpyxl in its normal (not write-only) mode, then, when LibreOffice
is installed, opened and saved again by `soffice --headless --convert-to xlsx`, so the file is
LibreOffice's XML (its own shared-string table, style table, cell attributes and formula
results) rather than openpyxl's. `--writer openpyxl` keeps openpyxl's file. Cell contents depend
only on (rows, seed); the file name records the writer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_trackers import (
    _CITIES,
    _FIRST,
    _LAST,
    _LEVELS,
    _PREFIXES,
    _ROLES,
    _SUFFIXES,
    DEFAULT_OUTDIR,
    REFERENCE_DAY,
    _ascii,
)
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

GENERATOR_VERSION = 1
HEADER_ROW = 3
WINDOW_DAYS = 70

COLUMNS = (
    ("Company", 24), ("Job Title", 28), ("Location", 18), ("Work Mode", 10), ("Date Applied", 12),
    ("Last Contact", 12), ("Follow-ups", 9), ("Stage", 14), ("Response", 20), ("Recruiter", 20),
    ("Recruiter Email", 30), ("Phone", 16), ("Hiring Manager", 20), ("Referred By", 18), ("Source", 14),
    ("Job Link", 44), ("Job Ref", 12), ("Salary Min", 11), ("Salary Max", 11), ("Salary Mid", 11),
    ("Days Open", 9), ("Contact (lookup)", 20), ("Priority", 9), ("Interest", 8), ("Match", 8),
    ("Next Step", 26), ("Interview Date", 13), ("Resume Version", 14), ("Notes", 60), ("Company Notes", 60),
)
HEADERS = tuple(name for name, _ in COLUMNS)
COL = {name: get_column_letter(i) for i, name in enumerate(HEADERS, 1)}

STAGES = (("Applied", 40), ("Phone screen", 7), ("Interview scheduled", 5), ("Second interview", 5),
          ("Offer", 2), ("Rejected", 15), ("No response", 8), ("Withdrawn", 3), ("Not applied yet", 15))
SOURCES = ("LinkedIn", "Indeed", "Company site", "Referral", "Recruiter", "Glassdoor", "Meetup", "Newsletter")
MODES = ("Remote", "Hybrid", "On-site")
RESPONSES = (("", 55), ("Auto reply", 20), ("Recruiter emailed back", 8), ("Call booked", 5),
             ("Rejection email", 7), ("Asked for references", 2), ("Sent assessment", 3))
NEXT_STEPS = ("", "", "Send thank-you note", "Prepare case study", "Check portal", "Ask referrer for intro",
              "Research the team", "Update salary expectations", "Wait for feedback", "Send portfolio link")
# Sentence parts: notes are assembled from two to four, so most notes differ from each other.
_NOTE_PARTS = (
    "Spoke with {name} about the team structure", "the role reports to the head of {dept}",
    "they use {tool} daily", "asked about the on-call rotation", "benefits include a learning budget",
    "the posting was reopened after {n} weeks", "salary band confirmed at the phone screen",
    "second round is a take-home due in {n} days", "recruiter said decisions come by end of month",
    "{name} from the alumni group offered to refer me", "office is {n} stops from home on the train",
    "need to mention the migration project", "they liked the dashboard in my portfolio",
    "team of {n} engineers, growing to {m}", "interviewer was late but friendly",
    "must follow up if nothing by Friday", "visa sponsorship possible for this role",
)
_DEPTS = ("data", "platform", "product", "operations", "finance", "growth", "support", "infrastructure")
_TOOLS = ("Python", "SQL", "Tableau", "Kubernetes", "Figma", "Salesforce", "Excel", "dbt", "Spark", "Jira")
# Long notes pasted again and again (the same boilerplate on many rows).
_BOILERPLATE = (
    "Standard application: tailored resume, cover letter from the 2026 template, portfolio link, and the "
    "two references from the last role. Follow up after one week if there is no reply from the recruiter.",
    "Applied through the careers portal. The portal asks for a new account per company; login saved in the "
    "password manager under the company name. Status updates are only visible after logging in again.",
    "Recruiter reached out first on LinkedIn. Salary expectations given as a range, flexible on start date, "
    "available for interviews Tuesday to Thursday afternoons. Keep messages short and mention the referral.",
)

_HEADER_FILL = PatternFill("solid", start_color="1F4E78", end_color="1F4E78")
_PRIORITY_FILLS = {"High": PatternFill("solid", start_color="F8CBAD", end_color="F8CBAD"),
                   "Medium": PatternFill("solid", start_color="FFE699", end_color="FFE699"),
                   "Low": PatternFill("solid", start_color="E2EFDA", end_color="E2EFDA")}
_THIN = Side(style="thin", color="BFBFBF")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights)[0]


def _note(rng: random.Random) -> str:
    parts = rng.sample(_NOTE_PARTS, rng.randint(2, 4))
    text = "; ".join(parts).format(name=rng.choice(_FIRST), dept=rng.choice(_DEPTS), tool=rng.choice(_TOOLS),
                                   n=rng.randint(2, 12), m=rng.randint(13, 40))
    return text[0].upper() + text[1:] + "."


def _fill_contacts(contacts, companies: list[str], rng: random.Random) -> int:
    """The Contacts sheet the tracker's lookup formulas read: one person per company. Returns its last row."""
    contacts.append(("Company", "Contact", "Email", "Phone", "Notes"))
    for cell in contacts[1]:
        cell.font = Font(bold=True)
    for company in companies:
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        contacts.append((company, f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}@{_ascii(company)}.example",
                         f"+1 {rng.randint(201, 989)} 555 {rng.randint(1000, 1999)}", _note(rng)))
    for letter, width in zip("ABCDE", (26, 20, 36, 18, 60)):
        contacts.column_dimensions[letter].width = width
    return len(companies) + 1


def build_workbook(rows: int, seed: int = 0) -> Workbook:
    """The workbook in memory (openpyxl, normal mode)."""
    if rows < 1:
        raise ValueError("rows must be 1 or more")
    rng = random.Random(f"followup-wide:{seed}:{rows}")
    wb = Workbook()
    ws = wb.active
    ws.title = "Job Search"
    contacts = wb.create_sheet("Contacts")

    companies = [f"{p} {s}" for p in _PREFIXES for s in _SUFFIXES]
    contacts_end = _fill_contacts(contacts, companies, rng)

    ws["A1"] = f"Job search {REFERENCE_DAY.year}: applications and follow-ups"
    ws["A1"].font = Font(bold=True, size=14)
    for i, (name, width) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=HEADER_ROW, column=i, value=name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(HEADERS))}{HEADER_ROW + rows}"

    wrap = Alignment(wrap_text=True, vertical="top")
    for r in range(HEADER_ROW + 1, HEADER_ROW + rows + 1):
        company = rng.choice(companies)
        stage = _weighted(rng, STAGES)
        age = rng.randint(0, WINDOW_DAYS)
        applied = REFERENCE_DAY - dt.timedelta(days=age)
        applied_value = None if stage == "Not applied yet" and rng.random() < 0.7 else applied
        last_contact = None
        follow_ups = 0
        if applied_value is not None:
            follow_ups = min((age // 8), rng.choice((0, 1, 1, 2, 3)))
            if rng.random() < 0.45 or stage in ("Phone screen", "Interview scheduled", "Second interview", "Offer"):
                last_contact = REFERENCE_DAY - dt.timedelta(days=rng.randint(0, age))
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        low = rng.randrange(45_000, 160_000, 1000)
        priority = rng.choice(("High", "Medium", "Medium", "Low", "Low"))
        interview = None
        if stage in ("Interview scheduled", "Second interview"):
            interview = REFERENCE_DAY + dt.timedelta(days=rng.randint(-5, 14))
        values = {
            "Company": company,
            "Job Title": f"{rng.choice(_LEVELS)}{rng.choice(_ROLES)}",
            "Location": rng.choice(_CITIES),
            "Work Mode": rng.choice(MODES),
            "Date Applied": applied_value,
            "Last Contact": last_contact,
            "Follow-ups": follow_ups,
            "Stage": stage,
            "Response": _weighted(rng, RESPONSES) or None,
            "Recruiter": f"{first} {last}" if rng.random() < 0.7 else None,
            "Recruiter Email": f"{_ascii(first)[0]}{_ascii(last)}@{_ascii(company.split()[0])}.example"
            if rng.random() < 0.6 else None,
            "Phone": f"+1 ({rng.randint(201, 989)}) 555-{rng.randint(1000, 9999)}" if rng.random() < 0.5 else None,
            "Hiring Manager": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" if rng.random() < 0.3 else None,
            "Referred By": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" if rng.random() < 0.1 else None,
            "Source": rng.choice(SOURCES),
            "Job Link": f"https://jobs.{_ascii(company.split()[0])}.example/openings/{rng.randrange(10**7, 10**8)}"
                        f"?src={rng.choice(SOURCES).lower().replace(' ', '-')}",
            "Job Ref": f"REQ-{rng.randrange(10**5, 10**6)}",
            "Salary Min": low,
            "Salary Max": low + rng.randrange(5_000, 40_000, 1000),
            "Salary Mid": f"=AVERAGE({COL['Salary Min']}{r}:{COL['Salary Max']}{r})",
            "Days Open": f'=IF({COL["Date Applied"]}{r}="","",TODAY()-{COL["Date Applied"]}{r})',
            "Contact (lookup)": f'=IFERROR(VLOOKUP({COL["Company"]}{r},Contacts!$A$2:$B${contacts_end},2,FALSE),"")',
            "Priority": priority,
            "Interest": rng.randint(1, 5),
            "Match": round(rng.uniform(0.4, 1.0), 2),
            "Next Step": rng.choice(NEXT_STEPS) or None,
            "Interview Date": interview,
            "Resume Version": f"v{rng.randint(1, 9)}.{rng.randint(0, 20)}",
            "Notes": _note(rng) if rng.random() < 0.8 else None,
            "Company Notes": rng.choice(_BOILERPLATE) if rng.random() < 0.5 else None,
        }
        for i, name in enumerate(HEADERS, 1):
            value = values[name]
            cell = ws.cell(row=r, column=i, value=value)
            cell.border = _BORDER
            if name in ("Date Applied", "Last Contact", "Interview Date"):
                cell.number_format = "dd mmm yyyy"
            elif name.startswith("Salary"):
                cell.number_format = '"$"#,##0'
            elif name == "Match":
                cell.number_format = "0%"
            elif name == "Priority":
                cell.fill = _PRIORITY_FILLS[priority]
            elif name in ("Notes", "Company Notes"):
                cell.alignment = wrap
    return wb


def make_wide_tracker(path, rows: int, seed: int = 0, writer: str = "auto") -> tuple[Path, str]:
    """Write a `rows`-row wide tracker to `path`; return it and the writer that made the file
    ("libreoffice" or "openpyxl"; "auto" is LibreOffice when `soffice` is on the PATH)."""
    path = Path(path)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if writer == "auto":
        writer = "libreoffice" if soffice else "openpyxl"
    if writer == "libreoffice" and not soffice:
        raise RuntimeError("LibreOffice (soffice) is not installed; use --writer openpyxl")
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = build_workbook(rows, seed)
    with tempfile.TemporaryDirectory(prefix="followup-wide-") as tmp:
        made = Path(tmp) / "made.xlsx"
        wb.save(made)
        if writer == "libreoffice":
            outdir = Path(tmp) / "out"
            profile = Path(tmp) / "profile"   # a private profile: never the user's, never locked
            subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                            "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(made)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)
            made = outdir / "made.xlsx"
            if not made.is_file():
                raise RuntimeError("LibreOffice wrote no file")
        tmp_target = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        shutil.copyfile(made, tmp_target)
        os.replace(tmp_target, path)
    return path, writer


def wide_tracker_path(outdir, rows: int, seed: int = 0, writer: str = "libreoffice") -> Path:
    return Path(outdir) / f"wide-{rows}-s{seed}-{writer}-v{GENERATOR_VERSION}.xlsx"


def ensure_wide_tracker(outdir, rows: int, seed: int = 0, writer: str = "auto", *,
                        force: bool = False) -> tuple[Path, float | None]:
    """Return (path, seconds spent generating, or None when the cached file was reused)."""
    if writer == "auto":
        writer = "libreoffice" if (shutil.which("soffice") or shutil.which("libreoffice")) else "openpyxl"
    path = wide_tracker_path(outdir, rows, seed, writer)
    if path.is_file() and not force:
        return path, None
    start = time.perf_counter()
    make_wide_tracker(path, rows, seed, writer)
    return path, time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write wide job-tracker workbooks (one per size) for the benchmarks.")
    parser.add_argument("outdir", nargs="?", type=Path, default=DEFAULT_OUTDIR,
                        help=f"folder for the files (default: {DEFAULT_OUTDIR})")
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10000], metavar="N",
                        help="data rows per tracker (default: 1000 10000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument("--writer", choices=("auto", "libreoffice", "openpyxl"), default="auto",
                        help="program that writes the final file (default: LibreOffice if installed)")
    parser.add_argument("--force", action="store_true", help="rebuild files that already exist")
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.rows):
        parser.error("--rows values must be 1 or more")
    for rows in args.rows:
        path, took = ensure_wide_tracker(args.outdir, rows, args.seed, args.writer, force=args.force)
        state = f"made in {took:.1f}s" if took is not None else "cached"
        print(f"{rows:>7} rows  {path.stat().st_size / 1024:9.0f} KB  {state:>14}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
