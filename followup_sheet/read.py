"""Read stage: a workbook file -> one tidy DataFrame of canonical fields per tracker sheet.

Chooses the tracker sheet, reads its rows into the canonical fields (the header row and its
mapping come from headers.py, the dates from dates.py) and records where each row and column
lives, the tool's own columns placed by the format package, so the write stage can put results back.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import xlsx
from .agencies import brand_in
from .contactrole import HIRING_MANAGER, RECRUITER, contact_role, manager_in_notes, role_of
from .dates import (
    MONTH_NUMBERS,
    date_evidence,
    is_date_cell,
    is_placeholder,
    is_time_stamp,
    is_weak_order,
    order_of_evidence,
    parse_dates,
    show_cell,
)
from .dayfirst import writes_day_first
from .errors import MissingColumns, NoTrackerFound, UnsupportedContent
from .headers import (
    DATE_FIELDS,
    GENERIC_DATE_HEADERS,
    alias_lookup,
    bare_key,
    duplicate_header_notes,
    fields_down,
    find_header,
    header_concepts,
    header_decisions,
    header_fields,
    header_like_row,
    is_tool_header,
    looks_sideways,
    mapping_advice,
    names_a_date,
    normalize_header,
    past_form,
    tool_header_columns,
)
from .language import person
from .logcolumns import dated_log
from .plan import stage_of, unplaced_words
from .referrals import people_in, referral_in
from .settings import Settings
from .xlsx import SheetLayout, TableInfo, WorkbookLayout, is_empty_cell, is_tool_sheet, open_workbook

log = logging.getLogger(__name__)

TEXT_FIELDS = ("company", "position", "contact", "contact_phone", "contact_email", "hiring_manager",
               "referrer", "referrer_dept", "source", "notes", "stage", "response", "applied_flag",
               "location")
_END_WORDS = re.compile(r"^\s*(total|totals|legend|key|summary|notes?\s*:|statistics|stats)\b", re.I)
_END_CELL = re.compile(r"^\s*((grand\s+)?totals?(\s+applications)?|legend|key|summary|notes|statistics|stats|count)"
                       r"\s*:?\s*$", re.I)


@dataclass(frozen=True)
class ColumnInfo:
    index: int      # 1-based column number
    header: str     # the header text as the user wrote it

    @property
    def letter(self) -> str:
        return xlsx.column_letters(self.index)


@dataclass
class Tracker:
    """One tracker sheet, read: the data and where it lives."""
    path: Path
    package: Any                   # the format package's handle for the write side; opaque here
    layout: SheetLayout            # the sheet as read; the write side places its columns from it
    sheet: str
    part: str
    header_row: int
    columns: dict[str, ColumnInfo]
    frame: pd.DataFrame
    last_row: int                  # last row of the table (applications or not)
    table: TableInfo | None
    tool_headers: dict[str, int]   # the tool's own headers in the header row -> 0-based column
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped_rows: list[str] = field(default_factory=list)
    date_orders: dict[str, str] = field(default_factory=dict)    # date field -> order used, and why
    ignored_headers: list[str] = field(default_factory=list)      # headers mapped to no field
    tool_sheets: frozenset[str] = frozenset()   # Today sheets this tool made (it may rebuild them)
    # fields whose column the user fills with notes (words, not the dates or count marks write)
    note_fields: frozenset[str] = frozenset()
    marks_sheets: Any = None    # xlsx.marksheets.MarksSheets: the Today sheet's and the log's cells
    # field -> 'strong', or 'weak: why' for a header or date decision made on weak evidence (each
    # weak one is also a note, so `check` lists it)
    confidence: dict[str, str] = field(default_factory=dict)
    # notes a refresh prints too (what it does that the user might not see: hidden columns shown)
    refresh_notes: list[str] = field(default_factory=list)

    @functools.cached_property
    def duplicates(self) -> list[str]:
        """The same application in two rows (worked out when asked: only `check` lists them)."""
        return _duplicates(self.frame)

    @property
    def problems(self) -> pd.Series:
        return self.frame["problem"][self.frame["problem"] != ""]


@dataclass
class _Candidate:
    info: SheetLayout
    header_row: int          # 0-based within grid
    fields: dict[str, int]   # field -> 0-based col
    score: float
    rows_below: int
    header: tuple[Any, ...] = ()    # the header row's cells as read


def read_trackers(path: Path, settings: Settings | None = None, sheet: str | None = None,
                  data: bytes | None = None, today: dt.date | None = None) -> list[Tracker]:
    """Every tracker sheet to refresh: `sheet`, else the settings' `sheets`, else the best one.
    `today`: the day of the run, the year of a date typed without one ('12/3', '12.3(수)') is
    read by (`dates.parse_dates`); without it such a date is a problem to fix."""
    settings = settings or Settings()
    book = open_workbook(Path(path), data)
    names = [sheet] if sheet else list(settings.sheets)
    if names:
        missing = [n for n in names if n not in [s.name for s in book.sheets]]
        if missing:
            raise NoTrackerFound(f"{book.path}: no sheet named {missing[0]!r}; sheets are: "
                                 + ", ".join(repr(s.name) for s in book.sheets))
        trackers = [_read_sheet(book, book.sheet(n), settings, reasons=["chosen by name"], today=today)
                    for n in names]
    else:
        best, reasons, siblings = _pick_sheet(book, settings)
        # a tracker kept as one sheet per month or period ("Oct", "Nov", "Dec") under the same
        # header: every such sheet is read, in the workbook's order
        chosen = {best.name, *(c.name for c in siblings)}
        trackers = [_read_sheet(book, info, settings,
                                reasons=reasons if info.name == best.name
                                else [f"the same header as {best.name!r}: the tracker goes on there"], today=today)
                    for info in book.sheets if info.name in chosen]
    if len(trackers) > 1:
        _stages_by_sheet(trackers, settings)
        _moved_rows(trackers, settings)
    ours = book.tool_sheets()
    marks = book.marks_sheets(ours)
    for t in trackers:
        t.tool_sheets = ours
        t.marks_sheets = marks
    return trackers


def _stages_by_sheet(trackers: list[Tracker], settings: Settings) -> None:
    """A tracker kept one sheet per stage ('Applied', 'Interviews', 'Offers'): when the sheets'
    names read as two stages or more, one of them past applying, a row whose stage and response
    cells say nothing is at its sheet's stage, read from the sheet's name as a stage cell is."""
    named = {t.sheet: stage_of(t.sheet, settings) for t in trackers}
    if len(set(named.values())) < 2 or set(named.values()) <= {"applied", "not applied"}:
        return
    for t in trackers:
        f = t.frame
        if f.empty:
            continue
        silent = (f["stage"].astype(str).str.strip() == "") & (f["response"].astype(str).str.strip() == "")
        if not silent.any():
            continue
        t.frame = f.assign(stage=f["stage"].where(~silent, t.sheet))
        t.notes.append(f"One sheet per stage: the rows of {t.sheet!r} with no stage of their own are at its stage "
                       f"({named[t.sheet]}): {int(silent.sum())}")


def _moved_rows(trackers: list[Tracker], settings: Settings) -> None:
    """One application on two sheets of one tracker (a sheet per stage, 'Applied' then
    'Interviewing', with the row copied on rather than moved): the copy with the newer news (the
    later last contact or date applied; on a tie, the later sheet) is followed up, the other is
    no application and `check` says where it went, so nobody is called twice about one job. A
    closed copy is an application of its own (turned down in October, applied again in December)."""
    seen: dict[tuple[str, str], list[tuple[pd.Timestamp, int, Tracker, Any]]] = {}
    for order, t in enumerate(trackers):
        f = t.frame
        if f.empty:
            continue
        newest = f[["applied_on", "last_contact"]].max(axis=1)
        for row, company, position, day in zip(f.index, f["company"].map(normalize_header),
                                               f["position"].map(normalize_header), newest):
            if company and position and stage_of(f.at[row, "stage"] or f.at[row, "response"], settings) != "closed":
                seen.setdefault((company, position), []).append(
                    (pd.Timestamp.min if pd.isna(day) else day, order, t, row))
    for copies in seen.values():
        sheets = {id(t) for _, _, t, _ in copies}
        if len(sheets) < 2:
            continue       # twice on one sheet: check lists it as a duplicate, as before
        kept = max(copies, key=lambda c: (c[0], c[1]))
        _, _, there, where = kept
        for _, _, t, row in copies:
            if t is there:
                continue
            frame = t.frame
            t.skipped_rows.append(f"Row {row}: {frame.at[row, 'company']!r} / {frame.at[row, 'position']!r} is "
                                  f"also on sheet {there.sheet!r}, row {where}, with newer news: followed up "
                                  "there; delete this row or close it")
            t.frame = frame.drop(index=row)


def read_tracker(path: Path, sheet: str | None = None, settings: Settings | None = None) -> Tracker:
    """The one tracker sheet of `path` (see `read_trackers`)."""
    return read_trackers(path, settings, sheet)[0]


def _is_blank(value: Any, settings: Settings) -> bool:
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, str):
        s = value.strip()
        return not s or is_placeholder(s, settings.blank_words)
    return False


def _refuse_headers_without_company(book: WorkbookLayout, settings: Settings) -> None:
    """A header row that has the other tracker columns but no company: say which column to map."""
    for info in book.sheets:
        if not info.is_worksheet:
            continue
        grid = info.grid(nrows=settings.header_search_rows + 50)
        for r, row in enumerate(grid[: settings.header_search_rows]):
            fields = header_fields(row, settings)
            if len(fields) >= 2 and ({"applied_on", "last_contact", "stage"} & fields.keys()):
                board = _board(row, grid[r + 1:], r + 1, settings)
                if board:
                    raise MissingColumns(f"{book.path}, sheet {info.name!r}: {board}")
                raise MissingColumns(
                    f"{book.path}, sheet {info.name!r}: row {r + 1} looks like a tracker header but no column "
                    "names the company or the position; "
                    + mapping_advice(row, grid[r + 1:], fields, ("company", "position")))


def _board(row: list[Any], below: list[list[Any]], at: int, settings: Settings) -> str:
    """A board of cards, one column per stage ('To apply', 'Applied', 'Interview', 'Offer',
    'Rejected') and an employer's name under the stage it is in: not a table of one row per
    application, so nothing can be written beside a row. The advice ('' when `row`, the sheet's
    row `at`, is no such board)."""
    stages = {c: stage_of(str(v), settings) for c, v in enumerate(row) if isinstance(v, str) and v.strip()}
    if len(stages) < 3 or len(set(stages.values()) - {"applied"}) < 2:
        return ""
    cards = [(r, c) for r, cells in enumerate(below[:200]) for c in stages if c < len(cells)
             and not is_empty_cell(cells[c])]
    if not cards or not all(isinstance(below[r][c], str) for r, c in cards):
        return ""        # tick boxes or dates under the headings: a tracker's columns
    first, last = xlsx.column_letters(min(stages) + 1), xlsx.column_letters(max(stages) + 1)
    end = max(r for r, _ in cards)
    return (f"{first}{at}:{last}{at} is a board with one column per stage ("
            + ", ".join(repr(" ".join(str(row[c]).split())) for c in sorted(stages)[:6])
            + f"), {len(cards)} names under them in {first}{at + 1}:{last}{at + end + 1}: followup-sheet reads one row "
            "per application and writes beside it. Make a sheet with one row per application and columns "
            "Company, Stage and Date Applied (the stage is the heading a name stands under), then run it "
            "on that sheet with --sheet; this workbook was not changed")


def _sheet_score(header_score: float, fields: dict[str, int], visible: bool, active: bool, rows_below: int) -> float:
    """How much a sheet looks like the tracker: its header row's score, less for a hidden sheet and
    for one without a date of application (a list of postings or ideas, chosen only when alone),
    more for the active sheet and for filled rows."""
    score = header_score - (0 if visible else 2) + (0.25 if active else 0) + min(rows_below, 100) / 50
    return score - (0 if {"applied_on", "last_contact"} & fields.keys() else 5)


def _pick_sheet(book: WorkbookLayout, settings: Settings) -> tuple[SheetLayout, list[str], list[SheetLayout]]:
    """The sheet that looks most like the tracker, why, and the visible sheets whose header row
    names the same fields in the same columns (the tracker continued on another sheet)."""
    candidates: list[_Candidate] = []
    seen: list[str] = []
    too_big: list[str] = []
    sideways = []
    unmapped: list[tuple[SheetLayout, list[list[Any]], int]] = []
    ours = book.tool_sheets()   # the Today sheet, even renamed or retitled, is no tracker
    for idx, info in enumerate(book.sheets):
        if not info.is_worksheet or info.name in ours:
            seen.append(f"{info.name!r} (not a worksheet)")
            continue
        try:
            grid = info.grid(nrows=settings.header_search_rows + 200)
        except UnsupportedContent as exc:
            too_big.append(str(exc))
            seen.append(f"{info.name!r} (too big to read)")
            continue
        if is_tool_sheet(grid):
            continue
        found = find_header(grid, settings, STAGE_READER)
        if found is None:
            if looks_sideways(grid):
                sideways.append(info.name)
            else:
                r = header_like_row(grid, settings)
                if r is not None:
                    unmapped.append((info, grid, r))
            seen.append(f"{info.name!r} (no tracker header)")
            continue
        r, fields = found.row, found.fields
        rows_below = sum(1 for row in grid[r + 1:] if any(not _is_blank(v, settings) for v in row))
        score = _sheet_score(found.score, fields, info.state == "visible", idx == book.active_sheet, rows_below)
        candidates.append(_Candidate(info, r, fields, score, rows_below, tuple(grid[r])))
        seen.append(f"{info.name!r}")
    if not candidates:
        if too_big:
            raise UnsupportedContent(too_big[0])
        _refuse_headers_without_company(book, settings)
        if unmapped:
            info, grid, r = unmapped[0]
            board = _board(grid[r], grid[r + 1:], r + 1, settings)
            if board:
                raise NoTrackerFound(f"{book.path}, sheet {info.name!r}: {board}")
            raise NoTrackerFound(
                f"{book.path}: no header names a company or position (sheets seen: {', '.join(seen)}); on sheet "
                f"{info.name!r}, row {r + 1}: "
                + mapping_advice(grid[r], grid[r + 1:], {}, ("company", "position", "applied_on")))
        if sideways:
            raise NoTrackerFound(
                f"{book.path}: sheet {sideways[0]!r} is laid out sideways (one column per date), which this "
                "tool cannot follow; make a sheet with one row per application and columns such as "
                "Company, Position, Date Applied, Status")
        raise NoTrackerFound(
            f"{book.path}: no sheet looks like a job tracker; add a header row (within the first "
            f"{settings.header_search_rows} rows) with a Company or Position column and a date column such "
            "as Date Applied, or name the sheet with --sheet. Sheets seen: " + ", ".join(seen))
    return _choose(candidates, settings)


def _choose(candidates: list[_Candidate], settings: Settings) -> tuple[SheetLayout, list[str], list[SheetLayout]]:
    """The best of the candidate sheets, why, and the sheets read with it; an archive is neither."""
    archived = _archives(candidates, settings) if len(candidates) > 1 else {}
    for c in candidates:
        if c.info.name in archived:
            c.score -= _ARCHIVE_PENALTY
    best = max(candidates, key=lambda c: c.score)
    labels = ", ".join(f"{f}" for f in best.fields)
    reasons = [f"its row {best.header_row + 1} looks like a tracker header ({labels})",
               f"{best.rows_below} filled rows below it"]
    siblings = [c for c in candidates if c is not best and c.fields == best.fields and c.rows_below
                and c.header == best.header and c.info.state == "visible" and c.info.name not in archived]
    others = [c for c in candidates if c is not best and c not in siblings and c.info.name not in archived]
    if siblings:
        reasons.append("sheets " + ", ".join(repr(c.info.name) for c in siblings)
                       + " have the same header and are read with it")
    kept = [c for c in candidates if c is not best and c.info.name in archived]
    if kept:
        reasons.append("left as they are, kept as an archive: " + "; ".join(
            f"{c.info.name!r} ({archived[c.info.name]})" for c in kept) + "; use --sheet to refresh one")
    if others:
        reasons.append("it beat " + ", ".join(f"{c.info.name!r} (score {c.score:.1f})" for c in others)
                       + f" with score {best.score:.1f}; use --sheet to choose another")
    return best.info, reasons, [c.info for c in siblings]


# An archive loses more than a filled sheet and the active one gain (rows_below / 50 <= 2, 0.25):
# the sheet the user works in wins over the archive they moved more rows to.
_ARCHIVE_PENALTY = 3.0
_YEAR_NAME = re.compile(r"^\D*?((?:19|20)\d\d)\D*$")


def _archives(candidates: list[_Candidate], settings: Settings) -> dict[str, str]:
    """The candidate sheets the user keeps as an archive, each with why: a name that says so
    ("Archive", "Old apps", "Abgeschlossen"), a grey tab, every application on it closed, or a
    name that is only an earlier year than another tracker sheet's ("2025" beside "2026" or
    "Applications"). A sheet a month ("Oct", "Nov 2025") is the tracker going on, not an archive."""
    words = {w.casefold() for w in settings.archive_words}
    out: dict[str, str] = {}
    for c in candidates:
        name = c.info.name.casefold()
        if words & set(re.findall(r"[^\W\d_]+", name)) or any(w in name for w in words if not w.isascii()):
            out[c.info.name] = "its name"
        elif c.info.grey_tab():
            out[c.info.name] = "its grey tab"
        elif not _names_a_month(c.info.name) and _all_closed(c, settings):
            out[c.info.name] = "every application on it is closed"
    years = {c.info.name: _year_name(c.info.name) for c in candidates}
    for c in candidates:
        year = years[c.info.name]
        if year is None or c.info.name in out:
            continue
        later = [o for o in candidates if o is not c and o.info.name not in out and o.fields == c.fields
                 and (years[o.info.name] or 9999) > year]
        if later:
            out[c.info.name] = f"an earlier year than {later[0].info.name!r}"
    return out


def _year_name(name: str) -> int | None:
    """The year a sheet's name is only (`2025`, `Apps 2025`), when it names no month as well."""
    m = _YEAR_NAME.match(name.strip())
    if m is None or _names_a_month(name):
        return None
    return int(m.group(1))


def _names_a_month(name: str) -> bool:
    return any(w.casefold() in MONTH_NUMBERS for w in re.findall(r"[^\W\d_]+", name))


def _all_closed(c: _Candidate, settings: Settings) -> bool:
    """Whether every filled row below the header names a closed stage (a sheet of finished applications)."""
    col = c.fields.get("stage")
    if col is None:
        return False
    rows = [row for row in c.info.grid(nrows=settings.header_search_rows + 200)[c.header_row + 1:]
            if any(not _is_blank(v, settings) for v in row)]
    stages = [row[col] if col < len(row) else None for row in rows]
    return bool(rows) and all(isinstance(v, str) and stage_of(v, settings) == "closed" for v in stages)


# --- one sheet ---------------------------------------------------------------------------

STAGE_READER = (stage_of, unplaced_words)    # how a column of stages under an unknown header is told


def _read_sheet(book: WorkbookLayout, info: SheetLayout, settings: Settings, reasons: list[str],
                today: dt.date | None = None) -> Tracker:
    where = f"{book.path}, sheet {info.name!r}"
    if not info.is_worksheet:
        raise NoTrackerFound(f"{where} is a chart or dialog sheet, not a table; pick a worksheet with --sheet")
    grid = info.grid()
    found = find_header(grid, settings, STAGE_READER)
    down = fields_down(grid, found, settings)
    if down:
        cells = ", ".join(f"{xlsx.column_letters(c + 1)}{r + 1} {label!r}" for r, c, label in down[:4])
        raise NoTrackerFound(
            f"{where} holds one application per column: the field names run down column "
            f"{xlsx.column_letters(down[0][1] + 1)} ({cells}{', ...' if len(down) > 4 else ''}), and this tool "
            "reads one row per application. Copy the table, paste it onto a new sheet with Paste Special > "
            "Transpose (the field names then run across row 1), and refresh that sheet with --sheet")
    if found is None:
        if looks_sideways(grid):
            raise NoTrackerFound(f"{where} is laid out sideways (one column per date); make a sheet with one "
                                 "row per application and columns such as Company, Position, Date Applied")
        r = header_like_row(grid, settings)
        board = _board(grid[r], grid[r + 1:], r + 1, settings) if r is not None else ""
        if board:
            raise NoTrackerFound(f"{where}: {board}")
        if r is not None:
            raise NoTrackerFound(f"{where}: no header names a company or position; row {r + 1}: "
                                 + mapping_advice(grid[r], grid[r + 1:], {}, ("company", "position", "applied_on")))
        raise NoTrackerFound(f"{where}: no header row with a Company or Position column in the first "
                             f"{settings.header_search_rows} rows; add one, or map your headers in "
                             "followup.toml under [columns]")
    h, fields = found.row, dict(found.fields)
    weak = dict(found.weak)
    header = grid[h]
    tables = info.tables()
    table = next((t for t in tables if t.ref[0] == h + 1 and t.ref[1] <= min(fields.values()) + 1 <= t.ref[3]),
                 None)
    notes: list[str] = []
    duplicate_header_notes(header, notes)

    width = max((len(r) for r in grid), default=0)
    rows = [r + [""] * (width - len(r)) for r in grid]
    body = pd.DataFrame(rows[h + 1:], index=pd.RangeIndex(h + 2, len(rows) + 1), dtype=object) \
        if len(rows) > h + 1 else pd.DataFrame(index=pd.RangeIndex(h + 2, h + 2), columns=range(width), dtype=object)
    if table is not None:
        body = body.loc[: table.ref[2] - table.totals_rows]

    _repeated_headers(body, header, fields, notes)
    _unsaved_link_names(body, fields, info, notes)
    _merged_down(body, info, header, notes)
    run_header = _grouped_numbers(header, rows, h, info)
    _free_numbered_run(run_header, fields, weak, notes)
    note_fields: set[str] = set()
    fields, date_frames, date_orders = _settle_date_fields(body, header, fields, book, settings, notes, where,
                                                           note_fields, info, h + 1, today)

    _merge_counts(body, header, fields, settings, notes)
    frame = _canonical(body, fields, date_frames, settings)
    _ticked_steps(frame, body, header, fields, settings, notes)
    _struck_rows(frame, rows, fields, info, notes)
    _notes_from_cell_notes(frame, header, info, notes)
    _stage_from_fills(frame, body, rows, h, fields, info, settings, notes)
    log_columns = _read_dated_log(body, header, fields, frame, date_orders, settings, notes)
    log_columns |= _numbered_follow_ups(body, run_header, fields, frame, book, settings, notes, today)
    continued = _continuation_rows(frame, body, header, fields, settings, notes)
    events = _event_rows(frame, fields, notes)
    continued |= events
    from_notes = _referrals_from_notes(frame, fields, notes)
    _people_from_notes(frame, notes, "referrer" in from_notes, tuple(settings.agency_names))
    is_app, last_row, table_end = _applications(frame, body, header, fields, settings)
    if events:
        is_app &= ~frame.index.isin(events)
    if last_row:
        _require(header, rows[h + 1:], fields, where)
    skipped = _skipped_rows(frame, body, header, is_app & ~frame.index.isin(continued), table_end, fields,
                            settings, continued)
    frame = frame.loc[is_app].copy()
    frame = frame.loc[: last_row] if last_row else frame.iloc[0:0]
    last_row = last_row or h + 1
    ignored = [f"{' '.join(str(v).split())!r} (column {xlsx.column_letters(c + 1)})" for c, v in enumerate(header)
               if c not in fields.values() and c not in log_columns and not is_empty_cell(v) and not is_tool_header(v)]

    columns = {f: ColumnInfo(c + 1, str(header[c]).strip()) for f, c in sorted(fields.items(), key=lambda x: x[1])}
    for fld in from_notes:        # read from the notes: their cell is the source
        columns[fld] = columns["notes"]
    confidence = _confidence(columns, weak, date_orders, notes, settings)
    shown = _hidden_note(info, rows, h, last_row, header, fields, where)
    notes.extend(shown)
    return Tracker(path=book.path, package=book.source, layout=info, sheet=info.name, part=info.part,
                   header_row=h + 1, columns=columns, frame=frame, last_row=last_row,
                   table=table if table is not None and table.totals_rows == 0 else None,
                   tool_headers=tool_header_columns(header), reasons=reasons, notes=notes, skipped_rows=skipped,
                   date_orders=date_orders, ignored_headers=ignored, note_fields=frozenset(note_fields),
                   confidence=confidence, refresh_notes=shown)


def _referrals_from_notes(frame: pd.DataFrame, fields: dict[str, int], notes: list[str]) -> tuple[str, ...]:
    """With no referrer column, the referrer (and department) a row's notes name ("Referred by
    Deepak, Platform dept", "Marcus from my cohort referred me"), as `referrals` reads them.
    Returns the fields so read, whose cells are the notes' (a fact's source names the notes cell)."""
    if "referrer" in fields or "notes" not in fields:
        return ()
    found = [(row, *referral_in(text)) for row, text in frame["notes"].items() if text]
    # (the person the row's contact names is no referrer of the user to that person: "Mick put a
    # word in", Mick being whom the user calls, is an insider's word, not a referral to him)
    contacts = frame["contact"] if "contact" in frame else pd.Series("", index=frame.index)
    found = [(row, name, dept) for row, name, dept in found
             if name and _first_name_word(name).casefold() not in str(contacts.get(row, "") or "").casefold()]
    if not found:
        return ()
    for row, name, dept in found:
        frame.at[row, "referrer"] = name
        if dept and "referrer_dept" not in fields:
            frame.at[row, "referrer_dept"] = dept
    said = ", ".join(f"row {row}: {name!r}" + (f" ({dept})" if dept else "") for row, name, dept in found[:10])
    notes.append(f"Referrers read from the notes (no Referred By column): {said}")
    return ("referrer",) + (("referrer_dept",) if "referrer_dept" not in fields and any(d for _, _, d in found) else ())


def _first_name_word(name: str) -> str:
    """The first word of a name that is no title ("Mr. James Okoye", "Mr James Okoye" -> "James")."""
    said = person(name)
    return (said.given or said.surname).split()[0] if said and (said.given or said.surname) else name.split()[0]


# the frame's column that says which of a row's people fields were read from its notes ("contact",
# "hiring_manager", both space-separated): their source is then the notes cell, not the column's
NOTED_PEOPLE = "people_noted"


def _people_from_notes(frame: pd.DataFrame, notes: list[str], referrers_noted: bool = False,
                       brands: tuple[str, ...] = ()) -> None:
    """With the contact cell empty (or naming only a part of the firm), the person of the
    employer the row's notes name with their part ("spoke w/ Priya from TA", "Marcus the hiring
    mgr said", "HR (Dolores) rang"): a hiring manager fills an empty hiring-manager field,
    another the contact, when the notes name one such person (rules §5, §7: a name the row holds;
    its source is the notes cell).
    `referrers_noted`: the referrers were read from the notes too; one the notes call the
    recruiter ("Hays recruiter - Callum put me forward") put the user forward as the agency's
    recruiter: the contact, not a referrer. A recruiter beside an agency's brand (`brands`) is
    written with it as the contact's note ("Callum (Hays)"), as a tracker's own contact cell says it."""
    texts = frame["notes"].tolist()
    contacts = frame["contact"].tolist()
    # (a contact cell that names only a part of the firm, "Personalabteilung", "HR", is asked for,
    # never greeted: the person the notes name there is whom the user calls)
    wanted = [k for k, (text, who) in enumerate(zip(texts, contacts))
              if text and (not who or role_of(who))]
    if not wanted:
        return
    companies, managers_were, referrers = (frame[f].tolist() for f in ("company", "hiring_manager", "referrer"))
    managers, noted = list(managers_were), [""] * len(texts)
    unreferred = False
    found: list[tuple[Any, str, str]] = []
    for k in wanted:
        people = people_in(texts[k], str(companies[k] or ""))
        if not people:
            continue
        referrer = str(referrers[k] or "").casefold().split()
        if referrers_noted and referrer and any(role == RECRUITER and referrer[0] in name.casefold().split()
                                                for name, role in people):
            referrers[k], referrer = "", []
            unreferred = True
        people = tuple((name, role) for name, role in people
                       if not (referrer and referrer[0] in name.casefold().split()))
        bosses = [name for name, role in people if role == HIRING_MANAGER]
        others = [name for name, role in people if role != HIRING_MANAGER]
        said = []
        if len(bosses) == 1 and not managers[k]:
            managers[k] = bosses[0]
            said.append("hiring_manager")
        if len(others) == 1:
            contacts[k] = others[0]
            brand = brand_in(texts[k], brands) if RECRUITER in (role for _, role in people) else ""
            if brand:
                spelt = re.search(re.escape(brand), texts[k], re.IGNORECASE)
                contacts[k] = f"{others[0]} ({spelt.group() if spelt else brand})"
            said.append("contact")
        if said:
            noted[k] = " ".join(said)
            who = ", ".join(managers[k] if f == "hiring_manager" else contacts[k] for f in said)
            found.append((frame.index[k], who, " and ".join(f.replace("_", " ") for f in said)))
    if found:
        frame["contact"], frame["hiring_manager"], frame[NOTED_PEOPLE] = contacts, managers, noted
        if unreferred:
            frame["referrer"] = referrers
        listed = ", ".join(f"row {row}: {who!r} ({what})" for row, who, what in found[:10])
        notes.append(f"People read from the notes where the contact cell is empty: {listed}")


def _in_order(days: pd.DataFrame, applied: pd.Series) -> bool:
    """Whether a run of date columns reads as steps taken one after another: in nearly every row
    with two or more, each day is on or after the one before it and on or after the date applied."""
    filled = days.notna().sum(axis=1)
    if days.notna().to_numpy().sum() < 2:
        return False
    stepped = days.ffill(axis=1).diff(axis=1).iloc[:, 1:]
    ordered = ~(stepped < pd.Timedelta(0)).any(axis=1)
    after = ~(days.lt(applied, axis=0)).any(axis=1)
    fine = (ordered & after)[filled > 0]
    return bool(fine.mean() >= 0.9)


def _merged_down(body: pd.DataFrame, info: SheetLayout, header: list[Any], notes: list[str]) -> None:
    """A cell merged down over several rows of the table (one company over two roles) holds the
    value of each row it covers: Excel keeps it in the first row only. Only the reading copies
    it; the merged cells are never written."""
    said: list[str] = []
    for r1, c1, r2, _ in info.merges():
        if r2 <= r1 or r1 + 1 not in body.index or c1 not in body.columns:
            continue
        below = [r for r in range(r1 + 2, r2 + 2) if r in body.index]
        value = body.at[r1 + 1, c1]
        if is_empty_cell(value) or not below or not all(is_empty_cell(body.at[r, c1]) for r in below):
            continue
        for r in below:
            body.at[r, c1] = value
        letter = xlsx.column_letters(c1 + 1)
        said.append(f"{letter}{r1 + 1}:{letter}{r2 + 1}")
    if said:
        notes.append(f"Cells merged down over several rows, read as the value of each row they cover: "
                     f"{', '.join(said[:10])}" + (f" and {len(said) - 10} more" if len(said) > 10 else ""))


def _read_dated_log(body: pd.DataFrame, header: list[Any], fields: dict[str, int], frame: pd.DataFrame,
                    date_orders: dict[str, str], settings: Settings, notes: list[str]) -> set[int]:
    """A log kept as one column per day ("Log 11/23", "11/30", "Update 12/4"): its entries are the
    row's notes, after those of a notes column, oldest first, and its newest entry's day is the
    last contact when no later one is known. Returns the log's columns."""
    known = np.concatenate([frame[c].to_numpy(dtype="datetime64[ns]") for c in ("applied_on", "last_contact")])
    known = known[~np.isnat(known)]
    if not len(known):
        return set()
    if settings.date_order in ("mdy", "dmy"):
        day_first = settings.date_order == "dmy"
    elif any(why.startswith("day-first") for why in date_orders.values()):
        day_first = True
    elif any(why.startswith("month-first") and "nothing shows" not in why for why in date_orders.values()):
        day_first = False
    else:
        day_first = writes_day_first(settings.language, settings.country)
    found = dated_log(header, body, set(fields.values()), day_first, pd.Timestamp(known.max()).date())
    if found is None:
        return set()
    own = frame["notes"].astype(object)
    frame["notes"] = [f"{a.rstrip('. ')}. {b}" if a and b else a or b for a, b in zip(own, found.notes)]
    last = frame["last_contact"]
    frame["last_contact"] = last.where(last.notna() & (last >= found.newest.fillna(last)), found.newest)
    if "stage" not in fields and "response" not in fields:
        # no column says where an application stands: the log does, read as a stage cell is (a closed
        # word wins, then an offer, then an interview: "2nd interview done. decision by 12/9")
        frame["response"] = found.notes.to_numpy()
    labels = ", ".join(f"{str(header[c]).strip()!r} ({xlsx.column_letters(c + 1)})" for c, _ in found.columns)
    notes.append(f"Log columns, one per day, read as the notes (oldest first): {labels}; a row's newest entry "
                 "is its last contact when no later date is given"
                 + ("; with no status column, the log says the stage" if "stage" not in fields
                    and "response" not in fields else ""))
    return {c for c, _ in found.columns}


# a header that counts: 'Follow-up 2', 'F/U #3', 'Contact 1', '2nd follow up', '1. Nachfassen'
_NUMBER_AFTER = re.compile(r"\s*(.*?[^\d\s#])\s*(?:#|no\.?|nr\.?)?\s*(\d{1,2})\s*", re.I)
_NUMBER_BEFORE = re.compile(r"\s*(\d{1,2})(?:\.|st|nd|rd|th|e|er|º|ª)?\s+(\D.*?)\s*", re.I)
_FU = re.compile(r"\bf\s*/\s*u[p]?\b|\bfu\b", re.I)      # the follow-up's own shorthand


def _numbered_stem(value: Any) -> tuple[frozenset[str] | str, int, bool] | None:
    """(the run's key, the number, whether the header's words name following up) for a header of
    one step in a numbered run: 'Follow-up 2' and 'F/U 3' share the follow-up concept; a stem no
    word list knows ('2nd chase', 'Nudge 1') is keyed by its own words and proven by its dates.
    None for any other header (a next or planned one is a plan, an interview no contact made)."""
    if not isinstance(value, str):
        return None
    m = _NUMBER_AFTER.fullmatch(value)
    if m is not None:
        stem, number = m[1], m[2]
    else:
        m = _NUMBER_BEFORE.fullmatch(value)
        if m is None:
            return None
        stem, number = m[2], m[1]
    concepts = header_concepts(_FU.sub(" follow up ", stem))
    if concepts & {"next", "interview", "count", "posted", "date"}:
        return None
    if concepts & {"follow up", "contact"}:
        return frozenset(concepts & {"follow up", "contact"}), int(number), True
    if concepts or len(stem.strip()) < 3 or not re.fullmatch(r"[^\W\d_]+(?:[\s\-][^\W\d_]+)?", stem.strip()):
        return None
    return normalize_header(stem), int(number), False


def _grouped_numbers(header: list[Any], rows: list[list[Any]], h: int, info: SheetLayout) -> list[Any]:
    """The header row with each bare number ('#1', '2', 'No. 3') read with the label merged over
    it in the row above ('FOLLOW-UPS' over '#1', '#2', '#3' is 'FOLLOW-UPS #1'...), for the
    numbered runs; the header row itself is left as it is."""
    bare = [c for c, v in enumerate(header)
            if re.fullmatch(r"\s*(?:#|no\.?|nr\.?)?\s*\d{1,2}\s*", str(v or ""), re.I) and str(v or "").strip()]
    if not bare or h == 0:
        return header
    out = list(header)
    for r1, c1, r2, c2 in info.merges():
        if r2 != h - 1 or c2 <= c1:
            continue
        label = rows[r1][c1] if r1 < len(rows) and c1 < len(rows[r1]) else None
        if not isinstance(label, str) or not label.strip():
            continue
        for c in bare:
            if c1 <= c <= c2:
                out[c] = f"{label.strip()} {str(header[c]).strip()}"
    return out


def _free_numbered_run(header: list[Any], fields: dict[str, int], weak: dict[str, str], notes: list[str]) -> None:
    """'Reminder 1' beside 'Reminder 2' is the first of a run of follow-ups made, not a typo of
    the planned 'Reminder' date nor of a count: a field taken by a member of a run of two or more
    numbered follow-up headers on weak evidence is let go, for the run to be read as one."""
    stems: dict[frozenset[str] | str, list[int]] = {}
    for col, value in enumerate(header):
        stem = _numbered_stem(value)
        if stem is not None and stem[2]:
            stems.setdefault(stem[0], []).append(col)
    members = {c for cols in stems.values() if len(cols) >= 2 for c in cols}
    for fld in ("pinned", "follow_ups"):
        taken = fields.get(fld)
        if taken is not None and taken in members and fld in weak:
            del fields[fld]
            del weak[fld]
            notes.append(f"{str(header[taken]).strip()!r} (column {xlsx.column_letters(taken + 1)}) is the first of a "
                         f"numbered run of follow-ups, not the {fld.replace('_', ' ')} column")


def _numbered_follow_ups(body, header, fields: dict[str, int], frame: pd.DataFrame, book: WorkbookLayout,
                         settings: Settings, notes: list[str], today: dt.date | None) -> set[int]:
    """One column per follow-up ('Follow-up 1', 'Follow-up 2', 'F/U 3'), each the day of that
    follow-up: the newest filled day is the row's last contact, and the filled days count its
    follow-ups when no column counts them. A run whose words no list knows ('1st chase', '2nd
    chase') counts when its days come after the date applied and in the run's order in nearly
    every row. Returns the run's columns."""
    taken = {c for f, c in fields.items() if f != "last_contact"}
    runs: dict[frozenset[str] | str, list[tuple[int, int]]] = {}
    known: dict[frozenset[str] | str, bool] = {}
    for col, value in enumerate(header):
        stem = _numbered_stem(value) if col not in taken and col in body.columns else None
        if stem is not None:
            runs.setdefault(stem[0], []).append((stem[1], col))
            known[stem[0]] = stem[2]
    key = max(runs, key=lambda k: len(runs[k]), default=None)
    run = sorted(runs[key]) if key is not None else []
    if len(run) < 2 or len({n for n, _ in run}) < len(run):
        return set()
    days = []
    for _, col in run:
        filled = [v for v in body[col].head(2000) if not is_empty_cell(v)]
        if filled and sum(is_date_cell(v) for v in filled) * 2 <= len(filled):
            return set()        # a column of words: notes of a follow-up, not its day
        parsed, _, _, _ = parse_dates(body[col], book.date1904, settings, header=str(header[col]).strip(),
                                      column=col + 1, today=today)
        days.append(parsed.to_numpy(dtype="datetime64[ns]"))
    stacked = pd.DataFrame(np.column_stack(days), index=frame.index).apply(pd.to_datetime)
    if key is not None and not known[key] and (not _in_order(stacked, frame["applied_on"])
                           or (today is not None and (stacked > pd.Timestamp(today)).any(axis=None))):
        return set()    # (a day still ahead: rounds booked, not contacts made)
    newest = stacked.max(axis=1)
    last = frame["last_contact"]
    frame["last_contact"] = last.where(last.notna() & (last >= newest.fillna(last)), newest)
    if "follow_ups" not in fields:
        made = stacked.notna().sum(axis=1).astype(float)
        frame["follow_ups"] = frame["follow_ups"].where(frame["follow_ups"].notna() | (made == 0), made)
    labels = ", ".join(f"{str(header[c]).strip()!r} ({xlsx.column_letters(c + 1)})" for _, c in sorted(run))
    notes.append(f"One column per follow-up, each its day: {labels}; a row's newest day is its last contact"
                 + ("" if "follow_ups" in fields else ", and its filled days count its follow-ups"))
    return {c for _, c in run}


def _hidden_note(info: SheetLayout, rows: list[list[Any]], h: int, last_row: int, header: list[Any],
                 fields: dict[str, int], where: str) -> list[str]:
    """When the tool's new columns land in hidden columns (every column right of the table is
    hidden), say that they are shown and the rest stay hidden."""
    hidden = info.hidden_columns()
    if not hidden or not fields:
        return []
    try:
        placed = info.tool_columns(rows, h, last_row, tool_header_columns(header), max(fields.values()), where)
    except UnsupportedContent:
        return []    # the write stage says why
    shown = [c for c, there in zip(placed.columns, placed.existing) if not there and c in hidden]
    if not shown:
        return []
    letters = ", ".join(xlsx.column_letters(c) for c in shown)
    return [f"sheet {info.name!r}: the columns beside the table are hidden; the tool's columns go into {letters}, "
            "which a refresh shows (un-hides); the other hidden columns stay hidden"]


def _confidence(columns: dict[str, ColumnInfo], weak: dict[str, str], date_orders: dict[str, str],
                notes: list[str], settings: Settings) -> dict[str, str]:
    """field -> 'strong' or 'weak: why'; each weak decision is added to `notes` ('Unsure: ...')."""
    out: dict[str, str] = {}
    for fld, col in columns.items():
        why = weak.get(fld)
        order = date_orders.get(fld, "")
        if why is None and is_weak_order(order):
            why = f"its dates' day/month order: {order}"
        if why is None and fld in DATE_FIELDS:   # a date column settled by what it holds
            alone, alone_weak = header_decisions([col.header], settings)
            why = "its header names another field, but the column holds dates" if alone.get(fld) != 0 \
                else alone_weak.get(fld)
        out[fld] = f"weak: {why}" if why else "strong"
        if why:
            notes.append(f"Unsure: {fld} <- {col.header!r} (column {col.letter}): {why}")
    return out


def _require(header: list[Any], below: list[list[Any]], fields: dict[str, int], where: str) -> None:
    if not ({"applied_on", "last_contact"} & fields.keys()):
        raise MissingColumns(f"{where}: no column holds the date you applied or last heard back; "
                             + mapping_advice(header, below, fields, ("applied_on",)))


def _settle_date_fields(body, header, fields, book, settings, notes, where, note_fields: set[str],
                        info: SheetLayout | None = None, header_row: int = 0, today: dt.date | None = None):
    """Parse each date field. A header that names a date ('Date Applied', 'Einreichdatum') or that
    [columns] maps is that field however few dates it holds yet; a vaguer one ('Applied', 'Last
    Contact') is kept only when most of its filled cells are dates. A field whose column holds
    words goes to `note_fields`, and another column headed for it (one marks added) is taken."""
    fields = dict(fields)
    frames: dict[str, tuple[pd.Series, pd.Series]] = {}
    orders: dict[str, str] = {}
    if "response" in fields and "last_contact" not in fields and fields["response"] in body.columns \
            and sum(not is_empty_cell(v) for v in body[fields["response"]].head(2000)) >= 2:
        # a "Heard back" column of days, not of words: when they last answered, the last contact
        # (an empty column is no column of days: the tool may write its words there)
        _, _, ratio, _ = parse_dates(body[fields["response"]], book.date1904, settings, today=today)
        if ratio >= 0.8:
            fields["last_contact"] = fields.pop("response")
            notes.append(f"{str(header[fields['last_contact']]).strip()!r} (column "
                         f"{xlsx.column_letters(fields['last_contact'] + 1)}) holds dates: read as the last contact")
    user = {normalize_header(k) for k in settings.columns}
    _follow_up_dates(body, header, fields, user, notes)
    _follow_up_notes(body, header, fields, settings, notes, note_fields)
    columns = {fld: (str(header[fields[fld]]).strip(), body[fields[fld]] if fields[fld] in body.columns
                     else pd.Series([], dtype=object)) for fld in DATE_FIELDS if fld in fields}
    # each column's evidence once, for the look at the sheet's other date columns (a lone one has none)
    evidence = {fld: (label, date_evidence(values)) for fld, (label, values) in columns.items()} \
        if len(columns) > 1 else {}
    for fld in DATE_FIELDS:
        if fld not in fields:
            continue
        col = fields[fld]
        label, values = columns[fld]
        if ticked(values):     # ("Applied?" of TRUE/FALSE): tick boxes, whatever the header says
            del fields[fld]
            where_ = f"{label!r} (column {xlsx.column_letters(col + 1)})"
            if fld == "applied_on" and "applied_flag" not in fields:
                fields["applied_flag"] = col
                notes.append(f"{where_} holds tick boxes, not dates; read as whether you applied")
            else:
                notes.append(f"{where_} holds tick boxes, not dates; read as a step when it names one")
            continue
        sheet = order_of_evidence([e for f, e in evidence.items() if f != fld])
        ambiguous: list[str] = []
        parsed, problems, ratio, order = parse_dates(values, book.date1904, settings, header=label, column=col + 1,
                                                     sheet=sheet, ambiguous=ambiguous,
                                                     shown=_shown_order(info, values, col, header_row),
                                                     evidence=evidence[fld][1] if fld in evidence else None,
                                                     today=today)
        clear = normalize_header(label) in user or bare_key(label) in user or \
            (names_a_date(label) and normalize_header(label) not in GENERIC_DATE_HEADERS)
        if ratio < 0.5 and not clear:
            del fields[fld]
            note_fields.add(fld)
            other = _other_column(fld, header, fields, settings, col)
            if other is not None:
                o_label = str(header[other]).strip()
                parsed, problems, ratio, order = parse_dates(body[other], book.date1904, settings, header=o_label,
                                                             column=other + 1, sheet=sheet, today=today)
                fields[fld] = other
                frames[fld] = (parsed, problems)
                orders[fld] = order
                notes.append(f"{label!r} (column {xlsx.column_letters(col + 1)}) holds words, not dates; "
                             f"{o_label!r} (column {xlsx.column_letters(other + 1)}) is read instead")
                continue
            if fld == "applied_on" and "applied_flag" not in fields:
                fields["applied_flag"] = col
                notes.append(f"{label!r} (column {xlsx.column_letters(col + 1)}) holds words, not dates; "
                             "read as whether you applied")
            else:
                notes.append(f"{label!r} (column {xlsx.column_letters(col + 1)}) holds words, not dates; ignored")
            continue
        frames[fld] = (parsed, problems)
        orders[fld] = order
        _ambiguous_notes(ambiguous, label, notes)
        if fld == "interview_on":   # no row is Check data for it, but what was not read is said
            unread = [p for p in problems if p]
            notes.extend(f"Unsure: {p.split('; ')[0]}; not read as an interview date" for p in unread[:10])
    if "applied_on" not in fields:
        _adopt_generic_date(body, header, fields, frames, orders, book, settings, notes, today)
    _real_dates_shown(fields, orders, info, header_row)
    return fields, frames, orders


def _real_dates_shown(fields: dict[str, int], orders: dict[str, str], info: SheetLayout | None,
                      header_row: int) -> None:
    """Columns of real dates need no order to be read, but the number format they are shown in
    (`dd/mm/yyyy hh:mm`) is the order the user writes dates in: a note's '4/12' is read by it
    (`pipeline.date_order`). Asked of the sheet only when no column proved an order already."""
    if info is None or any(o.startswith(("day-first", "month-first")) for o in orders.values()):
        return
    real = {fld: fields[fld] + 1 for fld, why in orders.items() if why == "real dates, no order needed"
            and fld in fields}
    shown = info.date_formats(set(real.values()), header_row) if real else {}
    for fld, col in real.items():
        if col in shown:
            order, code = shown[col]
            orders[fld] = f"{'day-first' if order == 'dmy' else 'month-first'}: real dates, no order needed to " \
                          f"read them; the column's dates are formatted {code!r}"


_TYPED_DATE = re.compile(r"^\s*\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\s*$")


def _shown_order(info: SheetLayout | None, values: pd.Series, col: int, header_row: int) -> tuple[str, str] | None:
    """The day/month order the column's cells are formatted in, asked of the sheet only when the
    column mixes real dates with typed ones that could be read either way round."""
    head = values.to_numpy()[:5000]
    if info is None or not any(isinstance(v, (dt.date, dt.datetime)) for v in head):
        return None
    if not any(isinstance(v, str) and _TYPED_DATE.match(v) for v in head):
        return None
    return info.date_formats({col + 1}, header_row).get(col + 1)


def _ambiguous_notes(ambiguous: list[str], label: str, notes: list[str], most: int = 20) -> None:
    """Every date read one way that could be read the other (rules §1), the first `most` in full."""
    notes.extend(f"Unsure: {line}" for line in ambiguous[:most])
    if len(ambiguous) > most:
        notes.append(f"Unsure: {len(ambiguous) - most} more dates in {label!r} could be read the other way round "
                     "(set date_order in followup.toml to decide)")


def _follow_up_dates(body, header, fields: dict[str, int], user: set[str], notes: list[str]) -> None:
    """A 'Follow-up' column of dates is when you followed up, not how often: the last contact."""
    col = fields.get("follow_ups")
    if col is None or col not in body.columns or normalize_header(header[col]) in user:
        return
    filled = [v for v in body[col].head(2000) if not is_empty_cell(v) and not isinstance(v, bool)]
    if not filled or sum(is_date_cell(v) for v in filled) * 2 <= len(filled):
        return
    label = f"{str(header[col]).strip()!r} (column {xlsx.column_letters(col + 1)})"
    del fields["follow_ups"]
    if _plans_ahead(str(header[col])) and "pinned" not in fields:
        fields["pinned"] = col
        notes.append(f"{label} holds dates under a follow-up header that names no past contact; read as the "
                     "date you planned to follow up (map it to last_contact under [columns] if it is when you did)")
    elif "last_contact" in fields:
        notes.append(f"{label} holds dates, not a number of follow-ups; ignored")
    else:
        fields["last_contact"] = col
        notes.append(f"{label} holds dates, not a number of follow-ups; read as the last contact")


_PAST = re.compile(r"\d|\b(?:followed|done|sent|made|last|previous|prior|first|second|third|1st|2nd|3rd)\b", re.I)


def _plans_ahead(header: str) -> bool:
    """'FollowUp', 'Follow up', 'Next follow-up': a plan; 'Follow-up 1', 'Followed up', 'Last
    follow-up': a contact made."""
    return not _PAST.search(header) and not past_form(header)   # ('Relancé', 'Nachgefasst': done)


def _merge_counts(body, header, fields: dict[str, int], settings: Settings, notes: list[str]) -> None:
    """A follow-ups column mapped under [columns] ('# chases') beside the one marks added
    ('Follow-ups', holding the counts marks kept while the user's column was not read): each row
    keeps the larger count, so no count goes back to 0, and the mapped column is the one written."""
    col = fields.get("follow_ups")
    if col is None or col not in body.columns:
        return
    user = {normalize_header(k) for k, v in settings.columns.items() if v == "follow_ups"}
    if normalize_header(header[col]) not in user:
        return
    lookup = alias_lookup(settings)
    for other, value in enumerate(header):
        if other == col or other not in body.columns or not isinstance(value, str) or other in fields.values():
            continue
        if lookup.get(normalize_header(value)) != "follow_ups":
            continue
        mine, theirs = _numbers(body[col]), _numbers(body[other])
        larger = theirs > mine.fillna(-1)
        if larger.any():
            body.loc[larger[larger].index, col] = theirs[larger]
        theirs_label = f"{str(header[other]).strip()!r} (column {xlsx.column_letters(other + 1)})"
        notes.append(f"{theirs_label} also counts follow-ups; "
                     f"each row keeps the larger count of it and {str(header[col]).strip()!r} "
                     f"(column {xlsx.column_letters(col + 1)}), which is the one counted on from now"
                     + (f" ({int(larger.sum())} rows took the larger count)" if larger.any() else ""))
        return


def _other_column(fld: str, header: list[Any], fields: dict[str, int], settings: Settings,
                  skip: int) -> int | None:
    """Another column right of `skip` whose header names `fld` exactly (a column marks added
    beside the user's column of notes), not taken by another field, and not one of the tool's own
    (its Next Follow-up is the date it worked out, never the user's)."""
    lookup = alias_lookup(settings)
    taken = set(fields.values())
    for col in range(skip + 1, len(header)):
        value = header[col]
        if col in taken or not isinstance(value, str) or is_tool_header(value):
            continue
        if lookup.get(normalize_header(value)) == fld or lookup.get(bare_key(value)) == fld:
            return col
    return None


def _is_note(value: Any) -> bool:
    """A cell of a count column that holds words ("called twice, no reply"), not a number."""
    if isinstance(value, str):
        return bool(value.strip()) and not re.fullmatch(r"\s*\d+(?:\.0+)?\s*", value)
    return isinstance(value, (dt.date, dt.datetime))


def _follow_up_notes(body, header, fields: dict[str, int], settings: Settings, notes: list[str],
                     note_fields: set[str]) -> None:
    """A 'Follow-ups' column of notes is the user's own: read as no count, never written over."""
    col = fields.get("follow_ups")
    if col is None or col not in body.columns:
        return
    if not any(_is_note(v) for v in body[col].head(2000)):
        return
    del fields["follow_ups"]
    note_fields.add("follow_ups")
    label = f"{str(header[col]).strip()!r} (column {xlsx.column_letters(col + 1)})"
    other = _other_column("follow_ups", header, fields, settings, col)
    if other is not None:
        fields["follow_ups"] = other
        notes.append(f"{label} holds notes, not a number of follow-ups; {str(header[other]).strip()!r} "
                     f"(column {xlsx.column_letters(other + 1)}) is read instead")
    else:
        notes.append(f"{label} holds notes, not a number of follow-ups; kept as your notes")


def _adopt_generic_date(body, header, fields, frames, orders, book, settings, notes,
                        today: dt.date | None = None) -> None:
    taken = set(fields.values())
    for col, value in enumerate(header):
        if col in taken or normalize_header(value) not in GENERIC_DATE_HEADERS:
            continue
        parsed, problems, ratio, order = parse_dates(body[col], book.date1904, settings,
                                                     header=str(value).strip(), column=col + 1, today=today)
        if ratio >= 0.5:
            fields["applied_on"] = col
            frames["applied_on"] = (parsed, problems)
            orders["applied_on"] = order
            notes.append(f"{str(value).strip()!r} (column {xlsx.column_letters(col + 1)}) taken as the date applied")
            return


def _canonical(body: pd.DataFrame, fields: dict[str, int], date_frames, settings: Settings) -> pd.DataFrame:
    n = len(body)
    cols: dict[str, Any] = {}     # (one frame made from the columns: a column set at a time cost more on small sheets)
    for fld in TEXT_FIELDS:
        cols[fld] = tidy_text(body[fields[fld]], settings).to_numpy() if fld in fields else np.full(n, "", dtype=object)
    for fld in DATE_FIELDS:
        cols[fld] = date_frames[fld][0].to_numpy(dtype="datetime64[ns]") if fld in date_frames \
            else np.full(n, np.datetime64("NaT", "ns"))
    for fld in ("follow_ups", "max_follow_ups"):
        cols[fld] = _numbers(body[fields[fld]]).to_numpy() if fld in fields else np.full(n, np.nan)
    cols["no_calls"] = _truthy(body[fields["no_calls"]]).to_numpy() if "no_calls" in fields else np.zeros(n, dtype=bool)
    cols["hiring_manager"] = _marked_managers(cols["contact"], cols["hiring_manager"], cols["notes"])
    problems = np.full(n, "", dtype=object)
    for fld in DATE_FIELDS:
        if fld in date_frames and fld != "interview_on":   # an unreadable interview day blocks no follow-up
            p = date_frames[fld][1].to_numpy()
            problems = np.where(problems != "", problems, p)
    cols["problem"] = problems
    return pd.DataFrame(cols, index=body.index)


def _marked_managers(contact: np.ndarray, manager: np.ndarray, notes: np.ndarray) -> np.ndarray:
    """The hiring manager column, filled where it is empty and the contact cell marks its person
    as the hiring manager ("Dana Ruiz (HM)", "J. Okafor - hiring mgr"), or the notes say that person
    is ("Gary's the hiring mgr", "Frau Roth ist die Teamleiterin"): that person, without the mark."""
    out = manager.copy()
    for k, (who, known, note) in enumerate(zip(contact.tolist(), manager.tolist(), notes.tolist())):
        if who and not known:
            said = contact_role(who)
            if said.role == HIRING_MANAGER or not said.role and note and "@" not in who \
                    and manager_in_notes(said.name, note):
                out[k] = said.name
    return out


_HALF_WIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")


def full_width_kana(text: str) -> str:
    """Half-width katakana, as older Japanese systems and quick typing write it ('ﾀﾅｶさんから電話',
    '山本(ｴｰｼﾞｪﾝﾄ)'), in the full-width letters every reader knows (NFKC joins 'ｼﾞ' into 'ジ')."""
    if max(text, default="") < "\uff61":
        return text
    return _HALF_WIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def tidy_text(values: pd.Series, settings: Settings) -> pd.Series:
    """Tidy text; placeholders ('N/A', 'Not Mentioned', '(unknown)') are empty (rules §7);
    half-width katakana in full width (`full_width_kana`)."""
    blank = frozenset(settings.blank_words)

    def clean(v: Any) -> str:
        if type(v) is str:
            v = full_width_kana(v)
            if v.isprintable() and v == v.strip() and "  " not in v:   # already tidy: the usual case
                return "" if is_placeholder(v, blank) else v
        elif v is None or isinstance(v, bool):
            return ""
        elif isinstance(v, float):
            if v != v:
                return ""
            v = int(v) if v.is_integer() else v
        elif isinstance(v, (dt.datetime, dt.date)):
            return v.strftime("%Y-%m-%d")
        s = " ".join(str(v).replace("\xa0", " ").split())
        return "" if is_placeholder(s, blank) else s

    seen: dict[str, str] = {}   # text repeats down a column (stages, sources, companies)
    out = []
    for v in values.to_numpy():   # a plain loop: no call per cell for text seen before
        if type(v) is str:
            done = seen.get(v)
            if done is None:
                done = seen[v] = clean(v)
        else:
            done = clean(v)
        out.append(done)
    return pd.Series(out, index=values.index, dtype=object)


def _numbers(values: pd.Series) -> pd.Series:
    def num(v: Any) -> float:
        if isinstance(v, bool) or v is None:
            return np.nan
        if isinstance(v, (int, float)):
            return float(v)
        m = re.search(r"\d+", str(v))
        return float(m.group()) if m else np.nan
    return values.map(num).astype(float)




def ticked(values: pd.Series) -> bool:
    """Whether a column is one of tick boxes: two or more filled cells, and (nearly) all of them
    TRUE/FALSE (Excel's and Google Sheets' check boxes), yes/no or a tick mark."""
    def tick(v: Any) -> bool:
        return isinstance(v, bool) or (isinstance(v, str) and v.strip().lower() in _TICKS)
    head = values.head(2000).tolist()
    first = next((v for v in head if not is_empty_cell(v)), None)
    if first is None or not tick(first):
        return False        # (most columns: their first filled cell already says no)
    filled = [v for v in head if not is_empty_cell(v)]
    ticks = sum(tick(v) for v in filled)
    return len(filled) >= 2 and ticks >= 0.9 * len(filled)


def _ticked_steps(frame: pd.DataFrame, body: pd.DataFrame, header: list[Any], fields: dict[str, int],
                  settings: Settings, notes: list[str]) -> None:
    """Tick-box columns whose header names a step of the process ("Interview?", "Offer?",
    "Rejected?", "Entrevista", "Absage"), in a row whose stage cell says nothing: the headers of the
    ticked ones are its stage text, read as a stage cell is (a closed step wins, then an offer, then
    an interview). A tick-box column taken as a text field says its header when ticked."""
    used = set(fields.values())
    if "applied_flag" not in fields:     # ("Sent?", "Applied?" beside a date column of its own)
        flag = next((c for c, v in enumerate(header) if c not in used and c in body.columns and isinstance(v, str)
                     and "applied" in header_concepts(re.sub(r"[?¿!:]+", " ", v).strip()) and ticked(body[c])), None)
        if flag is not None:
            fields["applied_flag"] = flag
            used.add(flag)
    for fld in ("response", "stage"):
        if fld in fields and fields[fld] in body.columns and ticked(body[fields[fld]]):
            label = re.sub(r"[?¿!:]+", " ", str(header[fields[fld]])).strip()
            frame[fld] = _truthy(body[fields[fld]]).map({True: label, False: ""}).to_numpy()
    if "applied_flag" in fields and fields["applied_flag"] in body.columns and ticked(body[fields["applied_flag"]]):
        filled = body[fields["applied_flag"]].map(lambda v: not is_empty_cell(v))
        frame["applied_flag"] = np.where(filled, _truthy(body[fields["applied_flag"]]).map({True: "yes", False: "no"}),
                                         "")
    steps = []
    for col, value in enumerate(header):
        label = re.sub(r"[?¿!:]+", " ", "" if value is None else str(value)).strip()
        if col in used or not label or col not in body.columns or not ticked(body[col]):
            continue
        if stage_of(label, settings) in ("closed", "offer", "interviewing"):
            steps.append((col, label))
    if not steps:
        return
    ticks = [_truthy(body[col]).tolist() for col, _ in steps]
    said = [" · ".join(label for (_, label), row in zip(steps, row_ticks) if row)
            for row_ticks in zip(*ticks)]
    empty = frame["stage"].astype(str).str.strip() == ""
    frame["stage"] = frame["stage"].where(~empty, pd.Series(said, index=frame.index))
    notes.append("Tick boxes read as steps: " + ", ".join(
        f"{label!r} (column {xlsx.column_letters(col + 1)})" for col, label in steps))


def _struck_rows(frame: pd.DataFrame, rows: list[list[Any]], fields: dict[str, int], info: SheetLayout,
                 notes: list[str]) -> None:
    """A row whose every filled cell of the table is struck through has been crossed out by the
    user: the application is over, whatever its stage cell still says (read as closed). A cell
    struck through alone (an old phone number) says nothing of the row."""
    struck = info.marks(struck_only=True)
    if not struck:
        return
    table = sorted(set(fields.values()))
    crossed = []
    for r in frame.index:
        if r - 1 >= len(rows):
            continue
        filled = [c for c in table if c < len(rows[r - 1]) and not is_empty_cell(rows[r - 1][c])]
        if len(filled) >= 2 and all((r, c + 1) in struck for c in filled):
            crossed.append(r)
    if not crossed:
        return
    frame["stage"] = ["closed (struck through)" if r in crossed else v for r, v in zip(frame.index, frame["stage"])]
    notes.append("Rows struck through, read as closed: " + ", ".join(map(str, crossed[:20]))
                 + (f" and {len(crossed) - 20} more" if len(crossed) > 20 else "")
                 + "; write a closed word (Rejected, Withdrawn) in the stage to say it outright")


def _stage_from_fills(frame: pd.DataFrame, body: pd.DataFrame, rows: list[list[Any]], h: int,
                      fields: dict[str, int], info: SheetLayout, settings: Settings, notes: list[str]) -> None:
    """Rows coloured by their stage (green, amber, red) under an empty stage column, with a legend
    beside or below the table naming each colour ('green = interview', 'Red - rejected'): a row
    whose stage and response say nothing takes the words of the legend cell filled like it, read
    as a stage cell is. Without a legend a colour says nothing: it is only mentioned."""
    key = fields.get("company", fields.get("position"))
    # (the frame's text columns are tidy text: a filled cell is one that is not "")
    said = (frame["stage"].to_numpy() != "") | (frame["response"].to_numpy() != "")
    named = frame["company"].to_numpy() != ""
    if key is None or not named.any() or (said & named).sum() * 2 > named.sum():
        return     # (the stage is in words: the sheet's colours are not read at all)
    table = set(fields.values())

    def own_cells(r: int) -> int:
        return sum(not is_empty_cell(rows[r - 1][t]) for t in table if t < len(rows[r - 1])) if r - 1 < len(rows) else 0

    fills = {at: mark.removesuffix(" struck") for at, mark in info.marks().items()}
    fills = {at: colour for at, colour in fills.items() if colour}
    merged = {(r + 1, c + 1) for r1, c1, r2, c2 in info.merges() if r2 > r1
              for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}

    def row_colour(r: int) -> str | None:
        # the colour most of the row's own cells are filled with: a cell merged over several rows
        # (one company over two roles) has the colour of the first of them, not of this row
        shown = Counter(fills.get((r, c + 1)) for c in table if (r, c + 1) not in merged)
        return shown.most_common(1)[0][0] if shown else None

    row_fill = {r: row_colour(r) for r in frame.index[named & ~said] if own_cells(r) > 1}
    colours = {c for c in row_fill.values() if c}
    if not colours:
        return
    legend: dict[str, tuple[str, str]] = {}
    doubled: set[str] = set()
    for (r, c), colour in sorted(fills.items(), key=lambda item: (item[0][1], item[0][0])):
        if colour not in colours or r <= h + 1 or r - 1 >= len(rows) or c - 1 >= len(rows[r - 1]):
            continue
        if c - 1 in table and own_cells(r) > 1:
            continue      # a cell of an application, not of the legend
        text = rows[r - 1][c - 1]
        if not isinstance(text, str) or not text.strip() or len(text.split()) > 8:
            continue
        if colour in legend and legend[colour][0] != text.strip():
            doubled.add(colour)
        legend[colour] = (text.strip(), f"{xlsx.column_letters(c)}{r}")
    legend = {c: v for c, v in legend.items() if c not in doubled}
    stages = {c: stage_of(text, settings) for c, (text, _) in legend.items()}
    if len(legend) < 2 or all(s == "applied" for s in stages.values()):
        notes.append(f"{len([r for r, c in row_fill.items() if c])} rows are coloured but their stage cells are "
                     "empty, and no legend beside the table names the colours; the colours are not read: "
                     "write each row's stage in words (Applied, Interview, Rejected)")
        return
    found = {r: legend[colour][0] for r, colour in row_fill.items() if colour in legend}
    frame["stage"] = [found.get(r, v) for r, v in zip(frame.index, frame["stage"])]
    read = len(found)
    cells = ", ".join(f"{text!r} ({cell})" for text, cell in legend.values())
    notes.append(f"Stage read from the rows' fill colours by the legend {cells}: {read} rows; "
                 "write the stage in words to say it outright")


def _truthy(values: pd.Series) -> pd.Series:
    yes = {"yes", "y", "true", "x", "1", "✓", "✔", "email only", "no calls", "do not call", "sí", "si", "oui", "ja"}
    return values.map(lambda v: v is True or (isinstance(v, (int, float)) and not isinstance(v, bool) and v == 1)
                      or (isinstance(v, str) and v.strip().lower() in yes)).astype(bool)


_FLAG_WORDS = frozenset({"yes", "no", "y", "n", "x", "0", "1", "true", "false", "✓", "✔", "✗", "☐", "☑"})
# tick boxes: the flag words but figures and single letters other than x (0/1 or y/n may be a count or a code)
_TICKS = _FLAG_WORDS - {"0", "1", "y", "n"}


def _says_something(v: Any, blank) -> bool:
    """Whether a cell of a column no field names tells of an application: a date or words; not a
    tick, a placeholder, a number (a row's number, a count) or marks alone (a rating '★★★', '!!')."""
    if isinstance(v, (dt.date, dt.datetime)):
        return True
    if isinstance(v, str):
        t = " ".join(v.split())
        return bool(t) and t.lower() not in _FLAG_WORDS and not is_placeholder(t, blank) \
            and any(ch.isalnum() for ch in t)
    return False


def _unmapped_columns(header: list[Any], fields: dict[str, int], body: pd.DataFrame) -> list[int]:
    mapped = set(fields.values())
    return [c for c, v in enumerate(header) if c not in mapped and c in body.columns and not is_empty_cell(v)
            and not is_tool_header(v)]


def _own_cells(frame: pd.DataFrame, body: pd.DataFrame, header: list[Any], fields: dict[str, int],
               settings: Settings, named: np.ndarray, dated: np.ndarray) -> np.ndarray:
    """Whether each row says something besides its company and position (rules §1): in a mapped
    field or an unmapped column alike; placeholders, checkbox ticks and bare numbers (counters
    and formula results) say nothing. `dated`: the rows with a date or a date problem."""
    own = dated.copy()
    for fld in TEXT_FIELDS:
        if fld not in ("company", "position") and fld in fields:
            own |= frame[fld].to_numpy() != ""
    todo = frame.index[named & ~own]      # usually a few rows: look at the other columns
    blank = settings.blank_words
    for col in _unmapped_columns(header, fields, body) if len(todo) else ():
        if _stamped(body.loc[frame.index[named], col]):
            continue
        says = body.loc[todo, col].map(lambda v: _says_something(v, blank)).astype(bool)
        own[frame.index.get_indexer(says.index[says.to_numpy()])] = True
    return own


def _unsaved_link_names(body: pd.DataFrame, fields: dict[str, int], info: SheetLayout, notes: list[str]) -> None:
    """A company or position typed as =HYPERLINK(link, "Acme") in a file whose formulas' results
    were never saved (written by a script, not yet opened in a spreadsheet) reads empty: it is the
    name the formula shows."""
    cols = {fields[f] for f in ("company", "position") if f in fields and fields[f] in body.columns}
    if not cols or body.empty:
        return
    if not any(body[c].map(is_empty_cell).any() for c in cols):
        return
    names = info.unsaved_link_names({c + 1 for c in cols})
    filled = [(row, col - 1, name) for (row, col), name in names.items()
              if row in body.index and col - 1 in cols and is_empty_cell(body.at[row, col - 1]) and name.strip()]
    for row, col, name in filled:
        body.at[row, col] = name
    if filled:
        notes.append("Link formulas without a saved result read as the names they show: "
                     + ", ".join(f"{xlsx.column_letters(col + 1)}{row} {name!r}" for row, col, name in filled[:5])
                     + (f" and {len(filled) - 5} more" if len(filled) > 5 else ""))


def _repeated_headers(body: pd.DataFrame, header: list[Any], fields: dict[str, int], notes: list[str]) -> None:
    """A printed layout repeats its header at the top of each page: a row whose cells under the
    named columns say those columns' headers again is a heading, not an application, and is read
    as empty (its 'Date Applied' is no date to fix); `check` says which rows."""
    named = sorted({c for c in fields.values() if c in body.columns and isinstance(header[c], str)
                    and header[c].strip()})
    if len(named) < 2:
        return
    first = named[0]
    label = normalize_header(header[first])
    column = body[first]
    maybe = column.index[column.map(lambda v: isinstance(v, str) and normalize_header(v) == label).to_numpy()]
    again = [row for row in maybe
             if sum(normalize_header(body.at[row, c]) == normalize_header(header[c]) for c in named)
             >= max(2, 0.6 * len(named))]
    if not again:
        return
    body.loc[again, :] = ""
    shown = ", ".join(str(r) for r in again[:5]) + (f" and {len(again) - 5} more" if len(again) > 5 else "")
    notes.append(f"Row{'s' if len(again) > 1 else ''} {shown} repeat{'' if len(again) > 1 else 's'} the header "
                 "(a printed page's heading); not read as applications")


def _stamped(values: pd.Series) -> bool:
    """A column no field names, filled on every named row with a date and its time of day: the
    record's stamp ('Created time' of a Notion or Airtable export, a form's 'Timestamp'), made by
    the tool the tracker came from, not by the user; it says nothing of the application."""
    return len(values) >= 3 and bool(values.map(is_time_stamp).all())


def _applications(frame: pd.DataFrame, body: pd.DataFrame, header: list[Any], fields, settings
                  ) -> tuple[pd.Series, int, int]:
    """Which rows are applications, the last application's row and the table's last row.

    A row counts when it has a company or position and at least one more filled cell of its
    own (rules §1). A block after blank rows belongs to the table only if it starts with an
    application, so a legend or totals block below the table is left alone.
    """
    texts = np.zeros(len(frame), dtype=bool)   # any text field filled
    for fld in TEXT_FIELDS:
        texts |= frame[fld].to_numpy() != ""
    dates = np.zeros(len(frame), dtype=bool)   # any date field filled
    for fld in DATE_FIELDS:
        dates |= frame[fld].notna().to_numpy()
    has_date = dates | (frame["problem"].to_numpy() != "")
    named = (frame["company"].to_numpy() != "") | (frame["position"].to_numpy() != "")
    is_app = pd.Series(named & _own_cells(frame, body, header, fields, settings, named, has_date), index=frame.index)
    filled = texts | has_date | frame["follow_ups"].notna().to_numpy()
    mapped = sorted(set(fields.values()))
    first_col = body[mapped[0]] if mapped else pd.Series("", index=body.index)
    first_text = first_col.where(first_col.map(lambda v: type(v) is str), "").to_numpy()

    # rows of formula results or placeholders alone below the last application are not the table's
    says = texts | dates
    last = 0
    end = 0
    in_gap = False
    for row, app, full, text, say in zip(frame.index, is_app.to_numpy(), filled, first_text, says):
        if not full:
            in_gap = True
            continue
        if text and (_END_CELL.match(text) or (not app and _END_WORDS.match(text))):
            break
        if in_gap and not app and last:
            break
        in_gap = False
        if say:
            end = row
        if app:
            last = row
    if last:
        is_app = is_app & (frame.index <= last)
    return is_app, last, max(end, last)


def _skipped_rows(frame, body, header, is_app, table_end, fields, settings,
                  continued: frozenset[int] = frozenset()) -> list[str]:
    """Every row inside the table that is not an application, with the reason (rules §1)."""
    out: list[str] = []
    if not table_end:
        return out
    is_app = is_app | frame.index.isin(continued)     # read as the notes of the row above: said once
    mapped = sorted(set(fields.values()))
    by_col = {c: f for f, c in fields.items()}
    others = _unmapped_columns(header, fields, body)
    for col in others:
        by_col[col] = repr(" ".join(str(header[col]).split()))
    for row in frame.index[(frame.index <= table_end) & ~is_app.to_numpy()]:
        raw = {c: body.at[row, c] for c in mapped}
        raw.update({c: body.at[row, c] for c in others if _says_something(body.at[row, c], settings.blank_words)})
        shown = {c: v for c, v in raw.items() if not is_empty_cell(v) and not isinstance(v, bool)}
        if not shown:
            continue
        name = frame.at[row, "company"] or frame.at[row, "position"]
        held = [f"{by_col[c]} {show_cell(v)}" for c, v in shown.items()][:4]
        if name:
            out.append(f"Row {row}: only {', '.join(held)}; nothing else filled in, so not counted as an "
                       "application (add the date, stage or a note if you applied)")
            continue
        placeholders = [show_cell(raw[fields[f]]) for f in ("company", "position")
                        if f in fields and isinstance(raw[fields[f]], str) and raw[fields[f]].strip()]
        if placeholders:
            out.append(f"Row {row}: company and position are placeholders ({', '.join(placeholders)}); "
                       "nothing to call about, not counted as an application")
        elif all(_is_blank(v, settings) or isinstance(v, (int, float)) for v in shown.values()):
            out.append(f"Row {row}: only placeholders, numbers or formula results ({', '.join(held)}); "
                       "not counted as an application")
        else:
            out.append(f"Row {row}: no company or position (has {', '.join(held)}); not counted as an "
                       "application; fill in the company or the position")
    return out


def _notes_from_cell_notes(frame: pd.DataFrame, header: list[Any], info: SheetLayout, notes: list[str]) -> None:
    """A note (comment) the user put on a cell of an application's row says what happened as a
    notes cell does ('Called 4.12., phone interview on 9.12.'): it is read after the row's notes."""
    said = info.cell_notes()
    if not said:
        return
    kept = frame["notes"].to_numpy(dtype=object, copy=True)
    where = {row: i for i, row in enumerate(frame.index)}
    cells = []
    for (row, col), text in sorted(said.items()):
        if row not in where or col > len(header) or is_empty_cell(header[col - 1]) or is_tool_header(header[col - 1]):
            continue
        i = where[row]
        kept[i] = f"{kept[i].rstrip('. ')}. {text}" if kept[i] else text
        cells.append(f"{xlsx.column_letters(col)}{row}")
    if cells:
        frame["notes"] = kept
        notes.append(f"Notes on cells read with their row's notes: {', '.join(cells)}")


def _event_rows(frame: pd.DataFrame, fields: dict[str, int], notes: list[str]) -> frozenset[int]:
    """A contact log, one row per event (a day, the company, what happened) instead of one per
    application: when the only dated column's rows name the same company and position on two days
    or more, for two applications or more making at least a third of the dated rows, each such
    group is one application, read on its newest row: the first day is the date applied, the
    newest the last contact, the events (oldest first) its notes, and with no stage column they
    say its stage, as a log kept in columns does. Returns the earlier rows, which are not
    applications and get nothing written."""
    dated = [f for f in ("applied_on", "last_contact") if f in fields]
    if "company" not in fields or len(dated) != 1 or {"pinned", "interview_on"} & fields.keys():
        return frozenset()
    day = frame[dated[0]]
    company = frame["company"].to_numpy()
    position = frame["position"].to_numpy()
    groups: dict[tuple[str, str], list[int]] = {}
    for row, name, job, when in zip(frame.index, company, position, day.to_numpy()):
        if name and not pd.isna(when):
            groups.setdefault((" ".join(name.casefold().split()), " ".join(job.casefold().split())), []).append(row)
    repeated = [rows for rows in groups.values() if len(rows) >= 2 and day.loc[rows].nunique() == len(rows)]
    in_groups = sum(len(rows) for rows in repeated)
    if len(repeated) < 2 or 3 * in_groups < sum(len(rows) for rows in groups.values()):
        return frozenset()
    earlier: set[int] = set()
    said = []
    texts = {f: dict(zip(frame.index, frame[f].to_numpy(dtype=object))) for f in TEXT_FIELDS}
    applied, last_contact = frame["applied_on"].copy(), frame["last_contact"].copy()
    for rows in repeated:
        rows = sorted(rows, key=lambda r: (day.at[r], r))
        newest = rows[-1]
        told = [texts["notes"][r].strip() for r in rows if texts["notes"][r].strip()]
        texts["notes"][newest] = ". ".join(t.rstrip(". ") for t in told)
        for fld in TEXT_FIELDS:
            if fld != "notes" and not texts[fld][newest]:
                texts[fld][newest] = next((texts[fld][r] for r in reversed(rows) if texts[fld][r]), "")
        first, last = day.at[rows[0]], day.at[newest]
        applied.at[newest] = first
        last_contact.at[newest] = last if last > first else pd.NaT
        if "stage" not in fields and "response" not in fields:
            texts["response"][newest] = texts["notes"][newest]
        earlier.update(rows[:-1])
        said.append(f"{texts['company'][newest]} (rows {', '.join(str(r) for r in rows)}: row {newest})")
    for fld, values in texts.items():
        frame[fld] = np.array(list(values.values()), dtype=object)
    frame["applied_on"], frame["last_contact"] = applied, last_contact
    notes.append("One row per contact event: the rows of one company and position are read as one application, "
                 "on its newest row (the first day is the date applied, the events its notes, oldest first): "
                 + "; ".join(said))
    return frozenset(earlier)


def _continuation_rows(frame: pd.DataFrame, body: pd.DataFrame, header: list[Any], fields: dict[str, int],
                       settings: Settings, notes: list[str]) -> frozenset[int]:
    """Two rows per application: a row right below an application's first row (or below another
    such row) that has no company, no date, no stage and no count, and holds only words, in one cell
    or in the notes and response columns, carries on the row above: its words are that row's notes
    (rules §1). The row itself is not an application and the tool writes nothing into it."""
    company = frame["company"].to_numpy()
    quiet = (company == "") & (frame["stage"].to_numpy() == "") & (frame["problem"].to_numpy() == "") \
        & frame["follow_ups"].isna().to_numpy()
    for fld in DATE_FIELDS:
        quiet &= frame[fld].isna().to_numpy()
    if not quiet.any() or "company" not in fields:
        return frozenset()
    wordy = {fields[f] for f in ("notes", "response") if f in fields}
    lo, hi = min(fields.values()), max(fields.values())     # the table: its headed columns side by side
    while lo > 0 and not is_empty_cell(header[lo - 1]):
        lo -= 1
    while hi + 1 < len(header) and not is_empty_cell(header[hi + 1]):
        hi += 1
    cols = [c for c in range(lo, hi + 1) if c in body.columns and not is_empty_cell(header[c])
            and not is_tool_header(header[c])]
    blank_beside = [c for c in body.columns if c not in cols and not (c < len(header) and is_tool_header(header[c]))]
    index = frame.index
    head: int | None = None
    said: list[int] = []
    out: set[int] = set()
    kept = frame["notes"].to_numpy(dtype=object, copy=True)
    for i, row in enumerate(index):
        if not quiet[i]:
            head = row if company[i] != "" else None
            continue
        cells = {c: body.at[row, c] for c in cols if not is_empty_cell(body.at[row, c])}
        words = [c for c, v in cells.items() if isinstance(v, str) and _says_something(v, settings.blank_words)]
        if any(not is_empty_cell(body.at[row, c]) for c in blank_beside):
            words = []
        if head is None or i == 0 or index[i - 1] != row - 1 or not words or len(words) != len(cells) \
                or (len(words) > 1 and not set(words) <= wordy):
            head = None
            continue
        text = "\n".join(" ".join(str(cells[c]).split()) for c in words)
        at = index.get_loc(head)
        kept[at] = f"{kept[at]}\n{text}".strip()
        out.add(row)
        said.append(row)
    if not said:
        return frozenset()
    frame["notes"] = kept
    gone = index.isin(said)
    for fld in TEXT_FIELDS:
        frame[fld] = np.where(gone, "", frame[fld].to_numpy(dtype=object))
    if said:
        notes.append("Rows read as the notes of the application above them (two rows per application): "
                     + ", ".join(map(str, said[:10])) + (f" and {len(said) - 10} more" if len(said) > 10 else ""))
    return frozenset(out)


def _duplicates(frame: pd.DataFrame) -> list[str]:
    """The same company and position applied to more than once: one call covers them all."""
    company = frame["company"].map(normalize_header)
    position = frame["position"].map(normalize_header)
    keyed = pd.DataFrame({"c": company, "p": position})
    keyed = keyed[(keyed["c"] != "") & (keyed["p"] != "")]
    keyed = keyed[keyed.duplicated(keep=False)]   # most trackers have none: no groups to walk
    out = []
    for _key, index in keyed.groupby(["c", "p"], sort=False).indices.items():
        if len(index) > 1:
            rows = [int(r) for r in keyed.index[index]]
            first = rows[0]
            out.append(f"{frame.at[first, 'company']!r} / {frame.at[first, 'position']!r} appears in rows "
                       + ", ".join(map(str, rows[:-1])) + f" and {rows[-1]}: the same application twice? "
                       "One follow-up covers it; delete or close the extra row")
    return out


