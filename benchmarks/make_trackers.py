"""Generate realistic job-tracker workbooks for the benchmarks.

    python benchmarks/make_trackers.py OUTDIR --rows 100 1000 10000 100000

Each workbook looks like a tracker a job seeker keeps by hand in Excel: a header on row 1,
17 columns (dates in mm/dd/yyyy, counts, a status picked from a drop-down, contacts, a
formula column, free-text notes), an Excel table over the data, a conditional format on the
Status column and a second sheet "Lists" that feeds the drop-downs. Applications are spread
over the eight weeks before REFERENCE_DAY (2026-11-26), so from 1,000 rows up a refresh on that
day meets every follow-up status: overdue, due today, due soon, waiting, gone cold, closed,
not applied and a few rows with data to check.

Cell contents depend only on (rows, seed). The files are written in openpyxl's write-only
mode, which streams rows and keeps 100,000-row files fast to make; tables, data validation,
conditional formats, column widths and frozen panes all work there as long as the table's
columns are named explicitly (done below).

`ensure_tracker()` caches files by name (size, seed and GENERATOR_VERSION) so the benchmark
builds each size once; bump GENERATOR_VERSION whenever the output changes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
import unicodedata
import warnings
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

GENERATOR_VERSION = 1
REFERENCE_DAY = dt.date(2026, 11, 26)
WINDOW_DAYS = 56            # applications fall in the eight weeks before REFERENCE_DAY
DATE_FORMAT = "mm/dd/yyyy"
SALARY_FORMAT = '"$"#,##0'
DEFAULT_OUTDIR = Path(__file__).resolve().parent / "out"

# (header, column width). "Days Since" must stay in column P and "Date Applied" in D:
# the formula below refers to D by letter, as a hand-made sheet would.
COLUMNS = (
    ("Company", 24), ("Position", 28), ("Location", 18), ("Date Applied", 13),
    ("Last Contact", 13), ("Follow-ups", 11), ("Status", 14), ("Response", 18),
    ("Contact", 20), ("Phone", 16), ("Email", 32), ("Hiring Manager", 20),
    ("Referred By", 18), ("Source", 18), ("Salary", 12), ("Days Since", 11), ("Notes", 48),
)
HEADERS = tuple(name for name, _ in COLUMNS)
COL = {name: get_column_letter(i) for i, name in enumerate(HEADERS, 1)}
assert COL["Date Applied"] == "D" and COL["Status"] == "G"

# Drop-down values (sheet "Lists") with the share of rows that get each one.
STATUS_WEIGHTS = (
    ("Applied", 46), ("Phone Screen", 6), ("Interviewing", 10), ("Offer", 2),
    ("Rejected", 14), ("Ghosted", 6), ("Withdrawn", 2), ("Wishlist", 14),
)
STATUSES = tuple(s for s, _ in STATUS_WEIGHTS)
SOURCE_WEIGHTS = (
    ("LinkedIn", 34), ("Indeed", 22), ("Company website", 16), ("Recruiter agency", 8),
    ("Referral", 7), ("Glassdoor", 5), ("ZipRecruiter", 4), ("Handshake", 2), ("Job fair", 2),
)
SOURCES = tuple(s for s, _ in SOURCE_WEIGHTS)

_PREFIXES = (
    "Northwind", "Blue Harbor", "Cedar", "Lumen", "Granite", "Brightpath", "Silverline",
    "Redwood", "Kestrel", "Orchard", "Summit", "Tidewater", "Ironbark", "Juniper", "Meridian",
    "Halcyon", "Copperleaf", "Riverstone", "Aster", "Pinecrest", "Bluebird", "Foxglove",
    "Oakridge", "Starling", "Wavecrest", "Evergreen", "Beacon", "Harborview", "Larkspur", "Quarry",
)
_SUFFIXES = (
    "Analytics", "Labs", "Health", "Logistics", "Software", "Systems", "Foods", "Energy",
    "Financial", "Robotics", "Media", "Bio", "Insurance", "Consulting", "Retail", "Partners",
    "Networks", "Learning", "Manufacturing", "Capital",
)
_SUFFIX_FORMS = ("", " Inc.", " LLC", " Co.", " Group", " & Co")
_LEVELS = ("", "", "", "Junior ", "Senior ", "Lead ", "Staff ", "Associate ")
_ROLES = (
    "Data Analyst", "Software Engineer", "Product Manager", "UX Designer", "Marketing Coordinator",
    "Account Executive", "Customer Success Manager", "Operations Analyst", "Project Manager",
    "Business Analyst", "QA Engineer", "Financial Analyst", "HR Generalist", "DevOps Engineer",
    "Content Strategist", "Supply Chain Analyst", "Sales Development Rep", "Data Scientist",
    "Technical Writer", "Office Manager",
)
_CITIES = (
    "Austin, TX", "Denver, CO", "Chicago, IL", "Seattle, WA", "Boston, MA", "New York, NY",
    "Atlanta, GA", "Raleigh, NC", "Phoenix, AZ", "Portland, OR", "Columbus, OH", "Remote",
    "Remote", "Remote (US)", "Hybrid - Dallas, TX", "Minneapolis, MN", "San Diego, CA",
    "Pittsburgh, PA", "Nashville, TN", "Salt Lake City, UT",
)
_FIRST = (
    "Maria", "James", "Aisha", "Wei", "Olivia", "Diego", "Priya", "Noah", "Fatima", "Liam",
    "Sofia", "Kwame", "Emma", "Hiroshi", "Chloé", "Mateo", "Zoë", "Ethan", "Amara", "Lucas",
    "Grace", "Omar", "Hannah", "Santiago", "Mei", "Jonas", "Ava", "Ravi", "Elena", "Samuel",
)
_LAST = (
    "Garcia", "Smith", "Okafor", "Zhang", "Johnson", "Hernández", "Patel", "Brown", "Khan",
    "Miller", "Rossi", "Mensah", "Davis", "Tanaka", "Dubois", "López", "Wilson", "Nguyen",
    "Müller", "O'Brien", "Kim", "Haddad", "Anderson", "Silva", "Chen", "Schmidt", "Taylor",
    "Singh", "Petrova", "Moore",
)
_RESPONSES = (
    ("", 58), ("Automatic reply", 22), ("Auto-acknowledged", 4), ("Recruiter replied", 6),
    ("Email from HR", 4), ("Scheduled call", 3), ("Rejection email", 3),
)
_NOTES = (
    "", "", "", "", "", "Tailored resume v3", "Cover letter sent", "Follow up with recruiter",
    "Salary range posted: 90-110k", "Asked about visa sponsorship", "Take-home due Friday",
    "Met at career fair", "Spoke with {name} about next steps",
    "Portal says \"under review\"", "Team uses Python & SQL <3", "Hiring freeze rumoured",
    "Second round: panel + case study\nBring portfolio", "Referral via alumni network",
    "Applied through Easy Apply", "Rescheduled interview (recruiter sick)",
    "Very interested - great mission!", "Benefits look good; 401k match 5%",
)
_NO_DATE_TEXT = ("N/A", "no response", "pending", "-")


def _weighted(pairs):
    values, weights = zip(*pairs)
    return values, list(weights)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def _sheet_furniture(ws, last_row: int) -> None:
    """Column widths, frozen header, drop-downs, status colours, the Excel table and the header
    row: what a write-only sheet needs before its first data row."""
    last_col = get_column_letter(len(HEADERS))
    # Sheet layout that write-only mode needs before the first row.
    for i, (_, width) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"

    # Drop-downs fed from the Lists sheet, as a template would do it.
    status_dv = DataValidation(
        type="list", formula1=f"=Lists!$A$2:$A${len(STATUSES) + 1}", allow_blank=True,
        showErrorMessage=True, errorTitle="Status", error="Pick a status from the list.")
    status_dv.add(f"{COL['Status']}2:{COL['Status']}{last_row}")
    source_dv = DataValidation(
        type="list", formula1=f"=Lists!$B$2:$B${len(SOURCES) + 1}", allow_blank=True,
        showErrorMessage=False)
    source_dv.add(f"{COL['Source']}2:{COL['Source']}{last_row}")
    ws.data_validations.append(status_dv)   # write-only sheets lack add_data_validation
    ws.data_validations.append(source_dv)

    # Status colours.
    status_range = f"{COL['Status']}2:{COL['Status']}{last_row}"
    for word, colour, font in (("Offer", "C6EFCE", "006100"), ("Interviewing", "DDEBF7", "1F4E78"),
                               ("Phone Screen", "DDEBF7", "1F4E78"), ("Rejected", "F2F2F2", "7F7F7F"),
                               ("Ghosted", "F2F2F2", "7F7F7F")):
        ws.conditional_formatting.add(status_range, CellIsRule(
            operator="equal", formula=[f'"{word}"'],
            fill=PatternFill(start_color=colour, end_color=colour, fill_type="solid"),
            font=Font(color=font)))

    # The Excel table over header + data. Write-only sheets cannot read their own cells back,
    # so the columns are named here rather than by openpyxl at save time.
    table = Table(displayName="Applications", ref=f"A1:{last_col}{last_row}")
    table.tableColumns = [TableColumn(id=i, name=name) for i, name in enumerate(HEADERS, 1)]
    table.autoFilter = AutoFilter(ref=table.ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True,
                                          showColumnStripes=False, showFirstColumn=False,
                                          showLastColumn=False)
    with warnings.catch_warnings():   # openpyxl always warns here in write-only mode
        warnings.filterwarnings("ignore", "In write-only mode you must add table columns")
        ws.add_table(table)

    header_font = Font(bold=True)
    header = []
    for name in HEADERS:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = header_font
        header.append(cell)
    ws.append(header)


def make_tracker(path, rows: int, seed: int = 0) -> Path:
    """Write a `rows`-row job tracker to `path` (overwritten) and return the path."""
    if rows < 1:
        raise ValueError("rows must be 1 or more")
    path = Path(path)
    rng = random.Random(f"followup-tracker:{seed}:{rows}")

    wb = Workbook(write_only=True)
    wb.properties.creator = "followup-sheet benchmarks"
    wb.properties.created = dt.datetime(2026, 11, 26, 9, 0, 0)
    ws = wb.create_sheet("Applications")
    lists = wb.create_sheet("Lists")

    last_row = rows + 1
    _sheet_furniture(ws, last_row)

    status_values, status_weights = _weighted(STATUS_WEIGHTS)
    source_values, source_weights = _weighted(SOURCE_WEIGHTS)
    response_values, response_weights = _weighted(_RESPONSES)
    wrap = Alignment(wrap_text=True, vertical="top")

    def date_cell(value):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell

    companies = [f"{p} {s}{rng.choice(_SUFFIX_FORMS)}" for p in _PREFIXES for s in _SUFFIXES]
    for r in range(2, last_row + 1):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        company = rng.choice(companies)
        slug = _ascii(company.split(" ")[0])
        status = rng.choices(status_values, status_weights)[0]
        source = rng.choices(source_values, source_weights)[0]

        age = rng.randint(0, WINDOW_DAYS)             # days since applying, on REFERENCE_DAY
        applied = REFERENCE_DAY - dt.timedelta(days=age)
        last_contact = None
        follow_ups = 0
        response = rng.choices(response_values, response_weights)[0]
        if status == "Wishlist":
            applied_cell = None if rng.random() < 0.8 else date_cell(applied)
            response = ""
        else:
            applied_cell = date_cell(applied)
            # At most one follow-up a week after the first five days, and most people stop
            # after two or three.
            due = (age - 5) // 7 + 1 if age >= 5 else 0
            follow_ups = min(due, rng.choices((0, 1, 2, 3, 4), (25, 30, 25, 15, 5))[0])
            if status in ("Phone Screen", "Interviewing", "Offer") or (
                    follow_ups and rng.random() < 0.7) or rng.random() < 0.25:
                since = rng.randint(0, max(0, age))
                last_contact = REFERENCE_DAY - dt.timedelta(days=since)
            if status in ("Rejected", "Ghosted") and rng.random() < 0.5:
                response = "Rejection email" if status == "Rejected" else ""

        last_cell = date_cell(last_contact) if last_contact else None
        # A sprinkle of what hand-kept sheets contain: text where a date goes, a contact
        # logged before the application, an application dated in the future.
        odd = rng.random()
        if odd < 0.01:
            last_cell = rng.choice(_NO_DATE_TEXT)
        elif odd < 0.014 and applied_cell is not None:
            last_cell = date_cell(applied - dt.timedelta(days=rng.randint(3, 20)))
        elif odd < 0.017 and applied_cell is not None:
            applied_cell = date_cell(REFERENCE_DAY + dt.timedelta(days=rng.randint(2, 30)))

        salary = WriteOnlyCell(ws, value=rng.randrange(48_000, 185_000, 500))
        salary.number_format = SALARY_FORMAT
        note = rng.choice(_NOTES).replace("{name}", rng.choice(_FIRST))
        notes = None
        if note:
            notes = WriteOnlyCell(ws, value=note)
            if "\n" in note:
                notes.alignment = wrap

        ws.append((
            company,
            f"{rng.choice(_LEVELS)}{rng.choice(_ROLES)}",
            rng.choice(_CITIES),
            applied_cell,
            last_cell,
            follow_ups,
            status,
            response or None,
            f"{first} {last}" if rng.random() < 0.75 else None,
            f"({rng.randint(201, 989)}) 555-{rng.randint(100, 199):04d}" if rng.random() < 0.55 else None,
            f"{_ascii(first)[0]}.{_ascii(last)}@{slug}.com" if rng.random() < 0.6 else None,
            f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" if rng.random() < 0.3 else None,
            f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" if rng.random() < 0.12 else None,
            source,
            salary if rng.random() < 0.7 else None,
            f'=IF(D{r}="","",TODAY()-D{r})',
            notes,
        ))

    # The Lists sheet the drop-downs read from.
    lists.column_dimensions["A"].width = 16
    lists.column_dimensions["B"].width = 20
    lists_header = []
    for name in ("Status", "Source"):
        cell = WriteOnlyCell(lists, value=name)
        cell.font = Font(bold=True)
        lists_header.append(cell)
    lists.append(lists_header)
    for i in range(max(len(STATUSES), len(SOURCES))):
        lists.append((STATUSES[i] if i < len(STATUSES) else None,
                      SOURCES[i] if i < len(SOURCES) else None))

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def tracker_path(outdir, rows: int, seed: int = 0) -> Path:
    """Where `ensure_tracker` keeps the file for this size and seed."""
    return Path(outdir) / f"tracker-{rows}-s{seed}-v{GENERATOR_VERSION}.xlsx"


def ensure_tracker(outdir, rows: int, seed: int = 0, *, force: bool = False) -> tuple[Path, float | None]:
    """Return (path, seconds spent generating, or None when the cached file was reused)."""
    path = tracker_path(outdir, rows, seed)
    if path.is_file() and not force:
        return path, None
    start = time.perf_counter()
    make_tracker(path, rows, seed)
    return path, time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Write realistic job-tracker workbooks (one per size) for the benchmarks.")
    parser.add_argument("outdir", nargs="?", type=Path, default=DEFAULT_OUTDIR,
                        help=f"folder for the files (default: {DEFAULT_OUTDIR})")
    parser.add_argument("--rows", type=int, nargs="+", default=[100, 1000, 10000, 100000],
                        metavar="N", help="data rows per tracker (default: 100 1000 10000 100000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument("--force", action="store_true", help="rebuild files that already exist")
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.rows):
        parser.error("--rows values must be 1 or more")
    for rows in args.rows:
        path, took = ensure_tracker(args.outdir, rows, args.seed, force=args.force)
        size = path.stat().st_size / 1024
        state = f"made in {took:.1f}s" if took is not None else "cached"
        print(f"{rows:>7} rows  {size:9.0f} KB  {state:>14}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
