"""Read stage: a workbook file -> one tidy DataFrame of canonical fields per tracker sheet.

Finds the tracker sheet and its header row, maps headers to fields, reads every date, and
records where each row and column lives so the write stage can put results back.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import xlsx
from .errors import MissingColumns, NoTrackerFound, UnsupportedContent
from .settings import Settings
from .values import SheetValues, is_tool_sheet, open_values

log = logging.getLogger(__name__)

OUTPUT_HEADERS = ("Follow-up Status", "Next Follow-up", "Follow-up Script")
DATE_FIELDS = ("applied_on", "last_contact", "pinned")
TEXT_FIELDS = ("company", "position", "contact", "contact_phone", "contact_email", "hiring_manager",
               "referrer", "referrer_dept", "source", "notes", "stage", "response", "applied_flag",
               "location")
FIELD_WEIGHTS = {"company": 3, "position": 3, "applied_on": 2, "stage": 2, "last_contact": 1,
                 "contact": 1, "response": 1, "pinned": 1, "follow_ups": 1, "source": 1,
                 "notes": 0.5, "contact_email": 0.5, "contact_phone": 0.5, "location": 0.5}
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
    package: xlsx.Package
    sheet: str
    part: str
    header_row: int
    columns: dict[str, ColumnInfo]
    frame: pd.DataFrame
    output_columns: tuple[int, int, int]
    existing_output: tuple[bool, bool, bool]
    last_row: int                  # last row of the table (applications or not)
    clear_rows: tuple[int, int]    # rows whose cells in our columns are ours to rewrite
    table: xlsx.TableInfo | None
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped_rows: list[str] = field(default_factory=list)
    date_orders: dict[str, str] = field(default_factory=dict)
    tool_sheets: frozenset[str] = frozenset()   # Today sheets this tool made (it may rebuild them)
    # what the tool's columns hold now, by sheet row (rows with something in them), for a dry run's diff
    old_output: dict[int, tuple[Any, Any, Any]] = field(default_factory=dict)

    @property
    def problems(self) -> pd.Series:
        return self.frame["problem"][self.frame["problem"] != ""]


@dataclass
class _Candidate:
    info: xlsx.SheetInfo
    header_row: int          # 0-based within grid
    fields: dict[str, int]   # field -> 0-based col
    score: float
    rows_below: int


@functools.lru_cache(maxsize=65536)
def _normalize_text(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).replace("\xa0", " ").strip().lower()
    s = re.sub(r"\s*\((?:mm|dd|yyyy|yy|m|d)[^)]*\)\s*$", "", s)   # "Applied (mm/dd/yyyy)"
    return "".join(ch for ch in s if ch.isalnum())


def normalize_header(text: Any) -> str:
    """Case-, space- and punctuation-insensitive key: ' Date-Applied\xa0' -> 'dateapplied'."""
    if text is None:
        return ""
    return _normalize_text(text if isinstance(text, str) else str(text))


def read_trackers(path: Path, settings: Settings | None = None, sheet: str | None = None,
                  data: bytes | None = None) -> list[Tracker]:
    """Every tracker sheet to refresh: `sheet`, else the settings' `sheets`, else the best one."""
    settings = settings or Settings()
    pkg, book = open_values(Path(path), data)
    names = [sheet] if sheet else list(settings.sheets)
    if names:
        missing = [n for n in names if n not in [s.name for s in pkg.sheets]]
        if missing:
            raise NoTrackerFound(f"{pkg.path}: no sheet named {missing[0]!r}; sheets are: "
                                 + ", ".join(repr(s.name) for s in pkg.sheets))
        trackers = [_read_sheet(pkg, book, pkg.sheet(n), settings, reasons=["chosen by name"]) for n in names]
    else:
        best = _pick_sheet(pkg, book, settings)
        trackers = [_read_sheet(pkg, book, best[0], settings, reasons=best[1])]
    ours = book.tool_sheets()
    for t in trackers:
        t.tool_sheets = ours
    return trackers


def read_tracker(path: Path, sheet: str | None = None, settings: Settings | None = None) -> Tracker:
    """The one tracker sheet of `path` (see `read_trackers`)."""
    return read_trackers(path, settings, sheet)[0]


def _is_blank(value: Any, settings: Settings) -> bool:
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, str):
        s = value.strip()
        return not s or s.lower() in settings.blank_words
    return False


# --- choosing the sheet and the header ---------------------------------------------------

def _header_fields(row: list[Any], settings: Settings, fuzzy: bool = True) -> dict[str, int]:
    """field -> 0-based column for one candidate header row (leftmost column wins)."""
    found: dict[str, int] = {}
    user = {normalize_header(k): v for k, v in settings.columns.items()}
    lookup = _alias_lookup(settings)
    ours = {normalize_header(h) for h in OUTPUT_HEADERS}
    for col, value in enumerate(row):
        if not isinstance(value, str):
            continue
        key = normalize_header(value)
        if not key or key in ours:
            continue
        fld = user.get(key) or lookup.get(key) or (_fuzzy(key, lookup) if fuzzy else None)
        if fld and fld not in found:
            found[fld] = col
    if "applied_on" not in found:
        for col, value in enumerate(row):
            if isinstance(value, str) and normalize_header(value) in ("date", "fecha", "datum", "日期") \
                    and col not in found.values():
                found["applied_on"] = col
                break
    return found


_LOOKUP_CACHE: dict[int, dict[str, str]] = {}


def _alias_lookup(settings: Settings) -> dict[str, str]:
    key = id(settings.aliases)
    if key not in _LOOKUP_CACHE:
        table: dict[str, str] = {}
        for fld, names in settings.aliases.items():
            for name in names:
                table.setdefault(normalize_header(name), fld)
        _LOOKUP_CACHE[key] = table
    return _LOOKUP_CACHE[key]


def _fuzzy(key: str, lookup: dict[str, str]) -> str | None:
    """Typos ('Comapny', 'Staus', 'Date Appled'): a close match to an alias of 5+ letters."""
    if not 5 <= len(key) <= 30 or not key.isascii():
        return None
    import difflib
    near = [k for k in lookup if len(k) >= 5 and abs(len(k) - len(key)) <= 2]
    match = difflib.get_close_matches(key, near, n=1, cutoff=0.85)
    return lookup[match[0]] if match else None


def _score(fields: dict[str, int]) -> float:
    return sum(FIELD_WEIGHTS.get(f, 0.5) for f in fields)


def _find_header(grid: list[list[Any]], settings: Settings) -> tuple[int, dict[str, int], float] | None:
    """The best header row in the first rows. Typos are forgiven only in the few rows that
    already have the most exact headers, so data rows are not fuzzy-matched cell by cell."""
    exact = [(len(_header_fields(row, settings, fuzzy=False)), r)
             for r, row in enumerate(grid[: settings.header_search_rows])]
    most = max((e[0] for e in exact), default=0)
    likely = [e for e in exact if e[0] >= 2 and e[0] >= most - 1][:3]
    best = None
    for _, r in sorted(likely, key=lambda e: e[1]):
        fields = _header_fields(grid[r], settings)
        if not ({"company", "position"} & fields.keys()):
            continue
        score = _score(fields)
        if best is None or score > best[2]:
            best = (r, fields, score)
    return best


def _refuse_headers_without_company(pkg: xlsx.Package, book: SheetValues, settings: Settings) -> None:
    """A header row that has the other tracker columns but no company: say which column to add."""
    for info in pkg.sheets:
        if not info.is_worksheet:
            continue
        for r, row in enumerate(book.grid(info, nrows=settings.header_search_rows)):
            fields = _header_fields(row, settings)
            if len(fields) >= 2 and ({"applied_on", "last_contact", "stage"} & fields.keys()):
                raise MissingColumns(
                    f"{pkg.path}, sheet {info.name!r}: row {r + 1} looks like a tracker header but has no "
                    "Company column; add a column headed 'Company' (or map yours in followup.toml under [columns])")


def _looks_sideways(grid: list[list[Any]]) -> bool:
    """One column per day: a row near the top holding three or more dates."""
    for row in grid[:10]:
        dates = sum(isinstance(v, (dt.date, dt.datetime)) for v in row)
        if dates >= 3:
            return True
    return False


def _pick_sheet(pkg: xlsx.Package, book, settings: Settings) -> tuple[xlsx.SheetInfo, list[str]]:
    candidates: list[_Candidate] = []
    seen: list[str] = []
    too_big: list[str] = []
    sideways = []
    for idx, info in enumerate(pkg.sheets):
        if not info.is_worksheet:
            seen.append(f"{info.name!r} (not a worksheet)")
            continue
        try:
            grid = book.grid(info, nrows=settings.header_search_rows + 200)
        except UnsupportedContent as exc:
            too_big.append(str(exc))
            seen.append(f"{info.name!r} (too big to read)")
            continue
        if is_tool_sheet(grid):
            continue
        found = _find_header(grid, settings)
        if found is None:
            if _looks_sideways(grid):
                sideways.append(info.name)
            seen.append(f"{info.name!r} (no tracker header)")
            continue
        r, fields, score = found
        rows_below = sum(1 for row in grid[r + 1:] if any(not _is_blank(v, settings) for v in row))
        if info.state != "visible":
            score -= 2
        if idx == pkg.active_sheet:
            score += 0.25
        candidates.append(_Candidate(info, r, fields, score + min(rows_below, 100) / 50, rows_below))
        seen.append(f"{info.name!r}")
    if not candidates:
        if too_big:
            raise UnsupportedContent(too_big[0])
        _refuse_headers_without_company(pkg, book, settings)
        if sideways:
            raise NoTrackerFound(
                f"{pkg.path}: sheet {sideways[0]!r} is laid out sideways (one column per date), which this "
                "tool cannot follow; make a sheet with one row per application and columns such as "
                "Company, Position, Date Applied, Status")
        raise NoTrackerFound(
            f"{pkg.path}: no sheet looks like a job tracker; add a header row (within the first "
            f"{settings.header_search_rows} rows) with a Company or Position column and a date column such "
            "as Date Applied, or name the sheet with --sheet. Sheets seen: " + ", ".join(seen))
    best = max(candidates, key=lambda c: c.score)
    labels = ", ".join(f"{f}" for f in best.fields)
    reasons = [f"its row {best.header_row + 1} looks like a tracker header ({labels})",
               f"{best.rows_below} filled rows below it"]
    others = [c for c in candidates if c is not best]
    if others:
        reasons.append("it beat " + ", ".join(f"{c.info.name!r} (score {c.score:.1f})" for c in others)
                       + f" with score {best.score:.1f}; use --sheet to choose another")
    return best.info, reasons


# --- one sheet ---------------------------------------------------------------------------

def _read_sheet(pkg: xlsx.Package, book, info: xlsx.SheetInfo, settings: Settings,
                reasons: list[str]) -> Tracker:
    where = f"{pkg.path}, sheet {info.name!r}"
    if not info.is_worksheet:
        raise NoTrackerFound(f"{where} is a chart or dialog sheet, not a table; pick a worksheet with --sheet")
    grid = book.grid(info)
    found = _find_header(grid, settings)
    if found is None:
        if _looks_sideways(grid):
            raise NoTrackerFound(f"{where} is laid out sideways (one column per date); make a sheet with one "
                                 "row per application and columns such as Company, Position, Date Applied")
        raise NoTrackerFound(f"{where}: no header row with a Company or Position column in the first "
                             f"{settings.header_search_rows} rows; add one, or map your headers in "
                             "followup.toml under [columns]")
    h, fields, _ = found
    header = grid[h]
    scan = book.scan(info)
    hidden = xlsx.hidden_columns(scan.skeleton)
    tables = xlsx.sheet_tables(pkg, info.part, scan.skeleton)
    table = next((t for t in tables if t.ref[0] == h + 1 and t.ref[1] <= min(fields.values()) + 1 <= t.ref[3]),
                 None)
    notes: list[str] = []
    _note_duplicates(header, fields, notes)

    width = max((len(r) for r in grid), default=0)
    rows = [r + [""] * (width - len(r)) for r in grid]
    body = pd.DataFrame(rows[h + 1:], index=pd.RangeIndex(h + 2, len(rows) + 1), dtype=object) \
        if len(rows) > h + 1 else pd.DataFrame(index=pd.RangeIndex(h + 2, h + 2), columns=range(width), dtype=object)
    if table is not None:
        body = body.loc[: table.ref[2] - table.totals_rows]

    fields, date_frames, date_orders = _settle_date_fields(body, header, fields, pkg, settings, notes, where)
    _require(pkg, info, header, fields, where)

    frame = _canonical(body, fields, date_frames, settings)
    is_app, last_row = _applications(frame, body, fields, settings)
    skipped = _skipped_rows(frame, body, is_app, last_row, fields, settings)
    frame = frame.loc[is_app].copy()
    frame = frame.loc[: last_row] if last_row else frame.iloc[0:0]
    last_row = last_row or h + 1

    existing = _existing_output(header)
    out_cols, used_existing = _output_columns(rows, h, last_row, header, existing, hidden,
                                              book.merged(info), width)
    clear_end = _our_rows_end(rows, h, last_row, out_cols[0]) if used_existing[0] else last_row
    columns = {f: ColumnInfo(c + 1, str(header[c]).strip()) for f, c in sorted(fields.items(), key=lambda x: x[1])}
    old_output = _old_output(rows, h, max(clear_end, last_row), out_cols, used_existing)
    return Tracker(path=pkg.path, package=pkg, sheet=info.name, part=info.part, header_row=h + 1,
                   columns=columns, frame=frame, output_columns=out_cols, existing_output=used_existing,
                   last_row=last_row, clear_rows=(h + 2, max(clear_end, last_row)),
                   table=table if table is not None and table.totals_rows == 0 else None,
                   reasons=reasons, notes=notes, skipped_rows=skipped, date_orders=date_orders,
                   old_output=old_output)


def _note_duplicates(header: list[Any], fields: dict[str, int], notes: list[str]) -> None:
    seen: dict[str, int] = {}
    for col, value in enumerate(header):
        key = normalize_header(value)
        if not key:
            continue
        if key in seen:
            notes.append(f"header {str(value).strip()!r} appears twice (columns "
                         f"{xlsx.column_letters(seen[key] + 1)} and {xlsx.column_letters(col + 1)}); "
                         f"the first is used")
        else:
            seen[key] = col


def _require(pkg, info, header, fields: dict[str, int], where: str) -> None:
    if "company" not in fields and "position" not in fields:
        raise MissingColumns(f"{where}: no Company column; add a column headed 'Company' "
                             "(or map yours in followup.toml under [columns])")
    if not ({"applied_on", "last_contact"} & fields.keys()):
        raise MissingColumns(f"{where}: no date column; add a column headed 'Date Applied' with the date "
                             "you sent each application (or map yours in followup.toml under [columns])")


def _settle_date_fields(body, header, fields, pkg, settings, notes, where):
    """Keep a date field only when most of its cells are dates; parse each one."""
    fields = dict(fields)
    frames: dict[str, tuple[pd.Series, pd.Series]] = {}
    orders: dict[str, str] = {}
    for fld in DATE_FIELDS:
        if fld not in fields:
            continue
        col = fields[fld]
        values = body[col] if col in body.columns else pd.Series([], dtype=object)
        parsed, problems, ratio, order = parse_dates(values, pkg.date1904, settings,
                                                     header=str(header[col]).strip(), column=col + 1)
        if ratio < 0.5:
            del fields[fld]
            label = str(header[col]).strip()
            if fld == "applied_on" and "applied_flag" not in fields:
                fields["applied_flag"] = col
                notes.append(f"{label!r} (column {xlsx.column_letters(col + 1)}) holds words, not dates; "
                             "read as whether you applied")
            else:
                notes.append(f"{label!r} (column {xlsx.column_letters(col + 1)}) holds words, not dates; ignored")
            continue
        frames[fld] = (parsed, problems)
        if order:
            orders[fld] = order
    if "applied_on" not in fields:
        _adopt_generic_date(body, header, fields, frames, pkg, settings, notes)
    return fields, frames, orders


def _adopt_generic_date(body, header, fields, frames, pkg, settings, notes) -> None:
    taken = set(fields.values())
    for col, value in enumerate(header):
        if col in taken or normalize_header(value) not in ("date", "applied", "datesent", "sent", "fecha", "datum"):
            continue
        parsed, problems, ratio, _ = parse_dates(body[col], pkg.date1904, settings,
                                                 header=str(value).strip(), column=col + 1)
        if ratio >= 0.5:
            fields["applied_on"] = col
            frames["applied_on"] = (parsed, problems)
            notes.append(f"{str(value).strip()!r} (column {xlsx.column_letters(col + 1)}) taken as the date applied")
            return


def _canonical(body: pd.DataFrame, fields: dict[str, int], date_frames, settings: Settings) -> pd.DataFrame:
    out = pd.DataFrame(index=body.index)
    for fld in TEXT_FIELDS:
        out[fld] = _text(body[fields[fld]], settings) if fld in fields else ""
    for fld in DATE_FIELDS:
        out[fld] = date_frames[fld][0] if fld in date_frames else pd.Series(pd.NaT, index=body.index,
                                                                           dtype="datetime64[ns]")
    out["follow_ups"] = _numbers(body[fields["follow_ups"]]) if "follow_ups" in fields else np.nan
    out["no_calls"] = _truthy(body[fields["no_calls"]]) if "no_calls" in fields else False
    problems = pd.Series("", index=body.index, dtype=object)
    for fld in DATE_FIELDS:
        if fld in date_frames:
            p = date_frames[fld][1]
            problems = problems.where(problems != "", p)
    out["problem"] = problems
    return out


def _text(values: pd.Series, settings: Settings) -> pd.Series:
    blank = set(settings.blank_words)

    def clean(v: Any) -> str:
        if type(v) is str:
            if v.isprintable() and v == v.strip() and "  " not in v:   # already tidy: the usual case
                return "" if v.lower() in blank else v
        elif v is None or isinstance(v, bool):
            return ""
        elif isinstance(v, float):
            if v != v:
                return ""
            v = int(v) if v.is_integer() else v
        elif isinstance(v, (dt.datetime, dt.date)):
            return v.strftime("%Y-%m-%d")
        s = " ".join(str(v).replace("\xa0", " ").split())
        return "" if s.lower() in blank else s

    seen: dict[str, str] = {}   # text repeats down a column (stages, sources, companies)

    def clean_text(v: str) -> str:
        done = seen.get(v)
        if done is None:
            done = seen[v] = clean(v)
        return done
    return pd.Series([clean_text(v) if type(v) is str else clean(v) for v in values.to_numpy()],
                     index=values.index, dtype=object)


def _numbers(values: pd.Series) -> pd.Series:
    def num(v: Any) -> float:
        if isinstance(v, bool) or v is None:
            return np.nan
        if isinstance(v, (int, float)):
            return float(v)
        m = re.search(r"\d+", str(v))
        return float(m.group()) if m else np.nan
    return values.map(num).astype(float)


def _truthy(values: pd.Series) -> pd.Series:
    yes = {"yes", "y", "true", "x", "1", "✓", "✔", "email only", "no calls", "do not call", "sí", "si", "oui", "ja"}
    return values.map(lambda v: v is True or (isinstance(v, (int, float)) and not isinstance(v, bool) and v == 1)
                      or (isinstance(v, str) and v.strip().lower() in yes)).astype(bool)


def _applications(frame: pd.DataFrame, body: pd.DataFrame, fields, settings) -> tuple[pd.Series, int]:
    """Which rows are applications, and the last row of the table.

    A row counts when it has a company or position and a date, a stage or a contact (rules §1).
    A block after blank rows belongs to the table only if it starts with an application, so a
    legend or totals block below the table is left alone.
    """
    named = (frame["company"] != "") | (frame["position"] != "")
    has_date = frame[list(DATE_FIELDS)].notna().any(axis=1) | (frame["problem"] != "")
    has_more = (frame["stage"] != "") | (frame["response"] != "") | (frame["contact"] != "") \
        | (frame["applied_flag"] != "")
    is_app = named & (has_date | has_more)
    filled = (frame[list(TEXT_FIELDS)] != "").any(axis=1) | has_date | frame["follow_ups"].notna()
    mapped = sorted(set(fields.values()))
    first_col = body[mapped[0]] if mapped else pd.Series("", index=body.index)
    first_text = first_col.where(first_col.map(type) == str, "").to_numpy()

    last = 0
    in_gap = False
    for row, app, full, text in zip(frame.index, is_app.to_numpy(), filled.to_numpy(), first_text):
        if not full:
            in_gap = True
            continue
        if text and (_END_CELL.match(text) or (not app and _END_WORDS.match(text))):
            break
        if in_gap and not app and last:
            break
        in_gap = False
        if app:
            last = row
    if last:
        is_app = is_app & (frame.index <= last)
    return is_app, last


def _skipped_rows(frame, body, is_app, last_row, fields, settings) -> list[str]:
    out = []
    if not last_row:
        return out
    mapped = sorted(set(fields.values()))
    for row in frame.index[(frame.index <= last_row) & ~is_app.to_numpy()]:
        values = [body.at[row, c] for c in mapped]
        if all(_is_blank(v, settings) for v in values):
            continue
        if frame.at[row, "company"] or frame.at[row, "position"]:
            out.append(f"Row {row}: has a company or position but no date, stage or contact; "
                       "not counted as an application")
    return out


# --- where our columns go ----------------------------------------------------------------

def _existing_output(header: list[Any]) -> dict[str, int]:
    keys = {normalize_header(h): h for h in OUTPUT_HEADERS}
    found = {}
    for col, value in enumerate(header):
        h = keys.get(normalize_header(value)) if isinstance(value, str) else None
        if h and h not in found:
            found[h] = col
    return found


def _output_columns(rows, h, last_row, header, existing, hidden, merges, width):
    """Where the three columns go: found by header, else the first free visible columns."""
    last_header = max((c for c, v in enumerate(header) if v is not None and not isinstance(v, bool)
                       and (not isinstance(v, str) or v.strip())), default=0)
    span = range(h, min(last_row, len(rows)))   # 0-based rows: header .. last data row

    def free(col: int) -> bool:
        if col + 1 in hidden or col in existing.values():
            return False
        for r1, c1, r2, c2 in merges:
            if c1 <= col <= c2 and r1 <= span.stop and r2 >= h:
                return False
        if col >= width:
            return True
        return all(_is_empty_cell(rows[r][col]) for r in span)

    out: list[int] = []
    used: list[bool] = []
    col = max([last_header, *existing.values()]) + 1 if existing else last_header + 1
    for name in OUTPUT_HEADERS:
        if name in existing:
            out.append(existing[name] + 1)
            used.append(True)
            continue
        while not free(col):
            col += 1
        out.append(col + 1)
        used.append(False)
        col += 1
    return tuple(out), tuple(used)


def _is_empty_cell(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v == "")


def _old_output(rows, h, end, out_cols, used_existing) -> dict[int, tuple[Any, Any, Any]]:
    """The values now in the tool's existing columns, rows under the header to `end` (sheet rows)."""
    cols = [c - 1 if used else None for c, used in zip(out_cols, used_existing)]
    if not any(c is not None for c in cols):
        return {}
    old = {}
    for r in range(h + 1, min(end, len(rows))):
        row = rows[r]
        values = tuple("" if c is None or c >= len(row) or row[c] is None else row[c] for c in cols)
        if any(not _is_empty_cell(v) for v in values):
            old[r + 1] = values
    return old


def _our_rows_end(rows, h, last_row, status_col: int) -> int:
    """After a user deletes applications at the end, our old cells below the table are ours too."""
    ours = {"Closed", "Not applied", "Check data", "Gone cold", "Overdue", "Due today", "Due soon", "Waiting"}
    end = last_row
    for r in range(last_row, len(rows)):   # 0-based index r is sheet row r + 1
        row = rows[r]
        value = row[status_col - 1] if status_col - 1 < len(row) else ""
        if value in ours:
            end = r + 1
        elif not _is_empty_cell(value):
            break
    return end


# --- dates -------------------------------------------------------------------------------

_MONTHS = {m.lower(): i for i, m in enumerate(
    ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"]) if m}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS.update({"sept": 9, "ene": 1, "abr": 4, "ago": 8, "dic": 12, "janv": 1, "févr": 2, "fevr": 2,
                "avr": 4, "mai": 5, "juin": 6, "juil": 7, "août": 8, "aout": 8, "déc": 12, "mär": 3,
                "märz": 3, "okt": 10, "dez": 12})
_MON = r"([A-Za-zÀ-ÿ]{3,9})\.?"
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$", re.I)
_DAY_MON_YEAR = re.compile(rf"^(?:[A-Za-z]+,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?[\s\-/]+{_MON}[\s\-/,]+(\d{{2}}|\d{{4}})$")
_MON_DAY_YEAR = re.compile(rf"^(?:[A-Za-z]+,?\s+)?{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$")


def _epoch(date1904: bool) -> dt.date:
    return dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)


def parse_dates(values: pd.Series, date1904: bool, settings: Settings, header: str = "",
                column: int = 0) -> tuple[pd.Series, pd.Series, float, str]:
    """One date column -> (dates as datetime64, a problem per row, share of date-like cells, order).

    Day-first versus month-first is decided once for the column (settings, else evidence: a
    first number above 12 means day-first), never per cell.
    """
    order = settings.date_order
    if order == "auto":
        order = _evidence_order(values)
    letters = xlsx.column_letters(column) if column else "?"
    dates: list[Any] = []
    problems: list[str] = []
    good = bad = 0
    placeholders = set(settings.placeholder_dates)
    for row, v in values.items():
        d, problem = _one_date(v, date1904, order or "mdy", settings)
        if d is not None and d in placeholders:
            d = None
        if problem:
            bad += 1
            problems.append(f"Row {row}: {header!r} ({letters}{row}) is {_show(v)}; {problem}")
        else:
            problems.append("")
            if d is not None:
                good += 1
        dates.append(d)
    series = pd.Series(pd.to_datetime(pd.Series(dates, index=values.index, dtype=object), errors="coerce"),
                       index=values.index).astype("datetime64[ns]")
    ratio = good / (good + bad) if good + bad else 1.0
    return series, pd.Series(problems, index=values.index, dtype=object), ratio, order


def _show(v: Any) -> str:
    s = str(v)
    return repr(s if len(s) <= 40 else s[:37] + "...")


def _evidence_order(values: pd.Series) -> str:
    first_big = second_big = False
    for v in values:
        if isinstance(v, str):
            m = _NUMERIC.match(v.strip())
            if m:
                a, b = int(m.group(1)), int(m.group(2))
                first_big |= a > 12
                second_big |= b > 12
    if first_big and not second_big:
        return "dmy"
    if second_big and not first_big:
        return "mdy"
    return ""   # no evidence (or contradictory): the caller falls back to month-first


def _one_date(v: Any, date1904: bool, order: str, settings: Settings) -> tuple[dt.date | None, str]:
    if v is None or isinstance(v, bool):
        return None, ""
    if isinstance(v, dt.datetime):
        return v.date(), ""
    if isinstance(v, dt.date):
        return v, ""
    if isinstance(v, (dt.time, dt.timedelta)):
        return None, ""      # serial 0 ("1900-01-00") or a duration: a placeholder
    if isinstance(v, (int, float)):
        if v != v:
            return None, ""
        if 1 <= v < 2958466:
            d = _epoch(date1904) + dt.timedelta(days=int(v))
            if dt.date(1990, 1, 1) <= d <= dt.date(2100, 1, 1):
                return d, ""
        if v == 0:
            return None, ""
        return None, "a number, not a date; type a date like 2026-03-10"
    s = " ".join(str(v).replace("\xa0", " ").split())
    low = s.lower()
    if not s or low in settings.blank_words or low in settings.no_date_words:
        return None, ""
    d = _text_date(s, order)
    if d is None:
        return None, "not a date this tool can read; type a date like 2026-03-10"
    if isinstance(d, str):
        return None, d
    return d, ""


def _text_date(s: str, order: str) -> dt.date | str | None:
    m = _ISO.match(s)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NUMERIC.match(s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 else y
        day, month = (a, b) if order == "dmy" else (b, a)
        made = _make(y, month, day)
        if made is None and month > 12:
            first = "day" if order == "dmy" else "month"
            return (f"not a valid date when read {first}-first like the rest of this column; "
                    "fix it, or set date_order in followup.toml")
        return made
    m = _DAY_MON_YEAR.match(s)
    if m:
        month = _MONTHS.get(m.group(2).lower())
        if month:
            y = int(m.group(3))
            return _make(y + 2000 if y < 100 else y, month, int(m.group(1)))
    m = _MON_DAY_YEAR.match(s)
    if m:
        month = _MONTHS.get(m.group(1).lower())
        if month:
            return _make(int(m.group(3)), month, int(m.group(2)))
    if re.match(rf"^(\d{{1,2}}[\s\-/]+{_MON}|{_MON}\s+\d{{1,2}})$", s):
        return "has no year; type the full date, like 2026-03-10"
    return None


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
