"""The sample tracker: a believable job-search workbook for demos, the README and tests.

Every date is placed relative to `today` in business days, so on any day the rules show every
status and every script situation at least once. `python -m followup_sheet.sample [PATH]`
(`sample/__main__.py`, parsed and printed by `cli.sample_main`).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

import numpy as np

from ..settings import Settings
from ..status import Situation
from ..xlsx import column_letters

REFERENCE_DATE = dt.date(2026, 11, 26)  # a Thursday; the committed sample_tracker.xlsx is built for it
DEFAULT_PATH = Path("sample_tracker.xlsx")
FIXED_TIMESTAMP = dt.datetime(2026, 11, 26, 9, 0, 0)

STAGES = ("Wishlist", "Applied", "Phone screen", "Interviewing", "Offer", "Rejected", "Ghosted", "Withdrawn")

DATE_FORMAT = "mm/dd/yyyy"
# (header, column width, number format of its data cells)
COLUMNS = (
    ("Company", 28, None),
    ("Position", 30, None),
    ("Date Applied", 13, DATE_FORMAT),
    ("Last Contact", 13, DATE_FORMAT),
    ("Follow-ups", 11, None),
    ("Status", 14, None),
    ("Response", 38, None),
    ("Contact", 34, None),
    ("Phone", 16, None),
    ("Email", 36, None),
    ("Hiring Manager", 18, None),
    ("Referred By", 15, None),
    ("Referrer Department", 20, None),
    ("Source", 20, None),
    ("No Calls", 10, None),
    ("Follow Up On", 14, DATE_FORMAT),
    ("Days Since Applied", 12, "0"),
    ("Notes", 52, None),
)
HEADERS = tuple(header for header, _, _ in COLUMNS)
VALIDATION_ROWS = 500  # the drop-downs reach below the sample so new rows get them too


@dataclass(frozen=True)
class SampleRow:
    """One application of the sample, with the status and script situation it is meant to show.

    Offsets count business days from `today` (negative = earlier; a pin of 0 is today itself).
    A row either gives `due`, and its dates are worked back from it through the cadence (the base
    is the Last Contact, `lead` business days after applying, when the row has follow-ups or an
    interview or offer, else the Date Applied), or gives `applied`/`last` directly.
    """

    company: str
    position: str
    stage: str
    status: str             # what the rules give on every day (not written to the workbook)
    situation: str = ""     # the script situation, for rows whose status gets a script
    due: int | None = None
    applied: int | None = None
    last: int | None = None
    pin: int | None = None
    lead: int = 10          # business days from applying to the last contact, for `due` rows
    follow_ups: int | None = None
    response: str = ""
    contact: str = ""
    phone: str = ""
    email: str = ""
    manager: str = ""
    referrer: str = ""
    dept: str = ""
    source: str = ""
    no_calls: bool = False
    notes: str = ""


@dataclass(frozen=True)
class Timeline:
    applied: dt.date | None
    last_contact: dt.date | None
    pinned: dt.date | None
    due: dt.date | None     # the follow-up date the rules should compute, if the row has one


# All live interviewing and offer rows are at one employer: `check_in` is only offered when no
# *other* company is interviewing or at offer, so its row is another role at that employer.
ROWS = (
    SampleRow(
        "Cobalt Ridge Health", "Senior Data Analyst", "Interviewing", "Overdue", "post_interview",
        due=-1, follow_ups=1, lead=12,
        response="Panel interview went well; they'll let me know",
        contact="Priya Raman (Talent Acquisition)", phone="(617) 555-0112",
        email="priya.raman@cobaltridgehealth.example", manager="Gordon Ashby",
        source="Company website", notes="Send Gordon the dashboard sample he asked about"),
    SampleRow(
        "Cobalt Ridge Health", "BI Developer", "Phone screen", "Due soon", "post_interview",
        due=1, lead=8, response="Screen with the BI team lead",
        contact="Priya Raman (Talent Acquisition)", phone="(617) 555-0112",
        email="priya.raman@cobaltridgehealth.example", source="Company website",
        notes="Second round still to be scheduled"),
    SampleRow(
        "Cobalt Ridge Health", "Reporting Analyst", "Offer", "Due today", "offer",
        applied=-28, last=-3, pin=0, follow_ups=2, response="Verbal offer; written offer to follow",
        contact="Priya Raman (Talent Acquisition)", phone="(617) 555-0112",
        email="priya.raman@cobaltridgehealth.example", manager="Nadia Collins",
        source="Company website", notes="Priya asked me to call on this date about start date and salary"),
    SampleRow(
        "Cobalt Ridge Health", "Population Health Analyst", "Applied", "Overdue", "check_in",
        due=-3, follow_ups=0, email="careers@cobaltridgehealth.example", source="Company website",
        notes="Different department from my other Cobalt Ridge applications"),
    SampleRow(
        "Fennimore Analytics", "Data Analyst", "Applied", "Overdue", "recruiter",
        due=-5, follow_ups=1, lead=6, contact="Dana Whitfield (Harbor Lane Staffing)",
        phone="(312) 555-0147", email="dana.whitfield@harborlane.example", manager="Luis Ortega",
        source="Staffing agency", notes="Dana sent my résumé to the client"),
    SampleRow(
        "Quillon Freight Systems", "Supply Chain Analyst", "Applied", "Waiting", "recruiter",
        due=4, follow_ups=0, contact="Marcus Bell", phone="(404) 555-0163",
        email="marcus.bell@quillonfreight.example", source="Recruiter (inbound)",
        notes="Marcus found me through my portfolio site"),
    SampleRow(
        "Tarrow & Pike Insurance", "Pricing Analyst", "Applied", "Due today", "referral",
        applied=-6, pin=0, follow_ups=0, phone="(860) 555-0128",
        email="helen.okafor@tarrowpike.example", manager="Helen Okafor", referrer="Sam Delgado",
        dept="Actuarial", source="Referral", notes="Sam suggested calling Helen on this date"),
    SampleRow(
        "Brambleway Foods", "Marketing Data Analyst", "Applied", "Overdue", "referral",
        due=-2, follow_ups=1, lead=9, contact="Rosa Jimenez (HR)", phone="(612) 555-0139",
        email="rosa.jimenez@brambleway.example", manager="Owen Gallagher", referrer="Tessa Lin",
        dept="Consumer Insights", source="Referral"),
    SampleRow(
        "Lumenfield Energy", "Operations Analyst", "Applied", "Due soon", "hiring_manager",
        due=2, follow_ups=0, phone="(303) 555-0171", email="rebecca.stroud@lumenfield.example",
        manager="Rebecca Stroud", source="Job board"),
    SampleRow(
        "Oxbow Learning", "Learning Analytics Specialist", "Applied", "Overdue", "hiring_manager",
        due=-7, follow_ups=2, email="arjun.mehta@oxbowlearning.example", manager="Arjun Mehta",
        source="Alumni network", no_calls=True, notes="Works remotely and prefers e-mail"),
    SampleRow(
        "Sablecrest Bank", "Risk Data Analyst", "Applied", "Overdue", "autoresponse",
        due=-1, follow_ups=0, response="Automatic reply", contact="Talent Acquisition",
        phone="(704) 555-0155", email="careers@sablecrestbank.example", source="Company website"),
    SampleRow(
        "Haverlight Media", "Audience Insights Analyst", "Applied", "Waiting", "autoresponse",
        due=4, response="Application received", contact="People Team",
        email="jobs@haverlight.example", source="Job board"),
    SampleRow(
        "Kestrel Yard Software", "Product Analyst", "Applied", "Overdue", "competing_interest",
        due=-4, follow_ups=0, contact="Chris Novak (HR)", phone="(206) 555-0186",
        email="chris.novak@kestrelyard.example", source="Company website"),
    SampleRow(
        "Marlowe Street Retail", "Merchandise Planning Analyst", "Applied", "Due today",
        "competing_interest",
        applied=-12, last=-2, pin=0, follow_ups=1, response="HR is still reviewing applications",
        contact="Jordan Reyes (HR)", phone="(215) 555-0190", email="jordan.reyes@marlowestreet.example",
        source="Job board", notes="Jordan asked me to call back on this date"),
    SampleRow(
        "Pinecourt Labs", "Research Data Analyst", "Applied", "Due soon", "competing_interest",
        due=1, follow_ups=1, lead=7, contact="Morgan Ellis (HR)", email="morgan.ellis@pinecourt.example",
        source="Job board", no_calls=True, notes="Posting says no phone calls"),
    SampleRow(
        "Driftmark Logistics", "Data Analyst II", "Applied", "Waiting", "competing_interest",
        due=6, pin=-30, follow_ups=1, lead=8, contact="Alex Petrov (HR)", phone="(512) 555-0108",
        email="alex.petrov@driftmark.example", source="Company website",
        notes="Follow Up On is left over from the first posting; the role was re-posted"),
    SampleRow(
        "Verdance Agritech", "GIS Analyst", "Applied", "Waiting", "competing_interest",
        applied=-3, pin=8, follow_ups=0, contact="Lena Fischer (HR)", phone="(515) 555-0174",
        email="lena.fischer@verdance.example", source="Career fair",
        notes="Hiring freeze; HR said to check back on this date"),
    SampleRow(
        "Copperline Telecom", "Network Data Analyst", "Applied", "Overdue", "competing_interest",
        due=-9, follow_ups=2, contact="Terrence Hall (HR)", phone="(469) 555-0152",
        email="terrence.hall@copperline.example", source="Career fair"),
    SampleRow(
        "Nettlefield Pharma", "Clinical Data Analyst", "Applied", "Waiting", "hiring_manager",
        due=5, follow_ups=1, lead=6, contact="Kevin Shaw (HR)", phone="(919) 555-0119",
        email="kevin.shaw@nettlefield.example", manager="Dr. Ines Barros", source="Company website"),
    SampleRow(
        "Wrenhaven Games", "Player Insights Analyst", "Applied", "Gone cold",
        due=-8, follow_ups=3, contact="Hiring team", email="jobs@wrenhaven.example",
        source="Job board", notes="Three follow-ups, no answer"),
    SampleRow(
        "Glassford Partners", "Financial Analyst", "Applied", "Gone cold",
        due=-20, follow_ups=4, lead=15, contact="Paula Grant (HR)", phone="(646) 555-0133",
        email="paula.grant@glassford.example", source="Alumni network"),
    SampleRow(
        "Alder & Finch Consulting", "Business Analyst", "Rejected", "Closed",
        applied=-30, last=-12, follow_ups=1, response="Position filled", contact="Nora Quinn (HR)",
        email="nora.quinn@alderfinch.example", source="Job board"),
    SampleRow(
        "Solmere Clinics", "Healthcare Data Analyst", "Rejected", "Closed",
        applied=-40, last=-15, follow_ups=1, response="Not selected after final interview",
        contact="Ben Harlow (HR)", phone="(503) 555-0166", email="ben.harlow@solmere.example",
        manager="Grace Whitman", source="Company website", notes="Ask Grace for feedback"),
    SampleRow(
        "Tidewell Water Co.", "Asset Data Analyst", "Ghosted", "Closed",
        applied=-45, last=-30, follow_ups=3, contact="Customer Careers", email="careers@tidewell.example",
        source="Job board"),
    SampleRow(
        "Juniper Ledger", "Data Analyst", "Withdrawn", "Closed",
        applied=-22, source="Job board", notes="Role needed relocation"),
    SampleRow(
        "Hollowbrook Transit", "Transit Data Analyst", "Wishlist", "Not applied",
        source="Company website", notes="Deadline mid-December; tailor résumé to ridership work"),
    SampleRow(
        "Emberlane Studios", "Analytics Engineer", "Wishlist", "Not applied",
        referrer="Ken Mori", dept="Data Platform", notes="Ask Ken for an introduction first"),
    SampleRow(
        "Ironbark Civil", "Project Controls Analyst", "Applied", "Check data",
        contact="Ruth Adeyemi (HR)", phone="(602) 555-0181", email="ruth.adeyemi@ironbark.example",
        source="Career fair", notes="Applied at the career fair; add the date"),
)


def business_day(today: dt.date, offset: int) -> dt.date:
    """The `offset`-th business day after `today` (before it when negative); 0 is `today` itself."""
    if offset == 0:
        return today
    roll: Literal["backward", "forward"] = "backward" if offset > 0 else "forward"
    return cast(dt.date, np.busday_offset(np.datetime64(today, "D"), offset, roll=roll).item())


def _shift(day: dt.date, offset: int) -> dt.date:
    return cast(dt.date, np.busday_offset(np.datetime64(day, "D"), offset, roll="forward").item())


def timeline(row: SampleRow, today: dt.date, settings: Settings | None = None) -> Timeline:
    """The row's dates on `today`, and the follow-up date the rules should compute from them."""
    settings = settings or Settings()
    pinned = business_day(today, row.pin) if row.pin is not None else None
    if row.due is None:
        applied = business_day(today, row.applied) if row.applied is not None else None
        last = business_day(today, row.last) if row.last is not None else None
        base = max((d for d in (applied, last) if d is not None), default=None)
        due = pinned if pinned is not None and base is not None and pinned >= base else None
        return Timeline(applied, last, pinned, due)

    if row.situation == Situation.POST_INTERVIEW:
        gap = settings.interview_gap
    elif row.situation == Situation.OFFER:
        gap = settings.offer_gap
    else:
        gap = settings.repeat_gap if row.follow_ups else settings.first_gap
    due = business_day(today, row.due)
    base = _shift(due, -gap)
    if row.follow_ups or row.situation in (Situation.POST_INTERVIEW, Situation.OFFER):
        return Timeline(_shift(base, -row.lead), base, pinned, due)
    return Timeline(base, None, pinned, due)


def build_sample(path, today: dt.date = REFERENCE_DATE, language: str = "en"):
    """Write the sample tracker to `path` (or a binary file object), dated around `today`, in
    `language` (its words from catalogues/samples/LANG.toml; English without one), and return
    `path`."""
    from ..catalogue import sample_catalogue
    from ..xlsx.samplebook import write_sample_workbook

    book = sample_catalogue(language)
    sheet, headers, cells = (book.get(k, {}) for k in ("sheet", "headers", "cells"))
    date_format = book.get("date_format", DATE_FORMAT)
    columns = tuple((headers.get(h, h), width, date_format if fmt == DATE_FORMAT else fmt) for h, width, fmt in COLUMNS)
    rows = [[cells.get(v, v) if isinstance(v, str) else v for v in row] for row in _applications(today)]
    path = path if hasattr(path, "write") else Path(path)
    write_sample_workbook(
        path, columns=columns, rows=rows, sheet=sheet.get("Applications", "Applications"),
        lists_sheet=sheet.get("Lists", "Lists"), lists_header=headers.get("Status", "Status"),
        lists=tuple(cells.get(s, s) for s in STAGES),
        validations=[("LISTS", _column_range("Status")), (f'"{cells.get("Yes", "Yes")}"', _column_range("No Calls"))],
        title=sheet.get("Job applications (sample)", "Job applications (sample)"), timestamp=FIXED_TIMESTAMP)
    return path


def build_new_sample(folder: str | Path, name: str, today: dt.date = REFERENCE_DATE, language: str = "en") -> Path:
    """Write the sample tracker into `folder` under `name`, or 'NAME (2)', 'NAME (3)'... when
    that is taken: an existing file is never replaced. Returns the path written."""
    from ..errors import OutputRefused

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputRefused(f"{folder} is a file, not a folder; give a folder for the demo workbook")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputRefused(f"{folder}: cannot create the folder ({exc.strerror or exc}); "
                            "give a folder you can write to") from None
    buffer = io.BytesIO()
    build_sample(buffer, today, language)
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in range(1, 1000):
        path = folder / (name if n == 1 else f"{stem} ({n}){suffix}")
        try:
            fh = open(path, "xb")    # fails, rather than replace, when the name is taken
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputRefused(f"{path}: cannot write there ({exc.strerror or exc}); "
                                "give a folder you can write to") from None
        try:
            with fh:
                fh.write(buffer.getvalue())
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path
    raise OutputRefused(f"{folder} already holds 999 demo workbooks; give another folder")


def _applications(today: dt.date) -> list[list]:
    """The rows under the header, dated around `today`."""
    applied_column = column_letters(HEADERS.index("Date Applied") + 1)
    rows = []
    for number, row in enumerate(ROWS, start=2):
        dates = timeline(row, today)
        applied_cell = f"{applied_column}{number}"
        rows.append([
            row.company, row.position, dates.applied, dates.last_contact, row.follow_ups,
            row.stage, row.response, row.contact, row.phone, row.email, row.manager,
            row.referrer, row.dept, row.source, "Yes" if row.no_calls else None, dates.pinned,
            f'=IF({applied_cell}="","",TODAY()-{applied_cell})', row.notes,
        ])
    return rows


def _column_range(header: str) -> str:
    letter = column_letters(HEADERS.index(header) + 1)
    return f"{letter}2:{letter}{VALIDATION_ROWS}"
