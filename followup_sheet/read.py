"""Read stage: a workbook file -> one tidy DataFrame of canonical fields per tracker sheet.

Finds the tracker sheet and its header row, maps headers to fields, reads every date, and
records where each row and column lives so the write stage can put results back.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import xlsx
from .columns import output_headers
from .errors import MissingColumns, NoTrackerFound, UnsupportedContent
from .settings import Settings
from .status import Status
from .xlsx import SheetLayout, TableInfo, WorkbookLayout, is_tool_sheet, open_workbook

log = logging.getLogger(__name__)

LAST_COLUMN = 16384   # XFD: a cell, column or dimension past it makes the file invalid
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
    package: Any                   # the format package's handle for the write side; opaque here
    sheet: str
    part: str
    header_row: int
    columns: dict[str, ColumnInfo]
    frame: pd.DataFrame
    output_columns: tuple[int, ...]    # one per columns.TRACKER_COLUMNS
    existing_output: tuple[bool, ...]
    last_row: int                  # last row of the table (applications or not)
    clear_rows: tuple[int, int]    # rows whose cells in our columns are ours to rewrite
    table: TableInfo | None
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped_rows: list[str] = field(default_factory=list)
    date_orders: dict[str, str] = field(default_factory=dict)    # date field -> order used, and why
    ignored_headers: list[str] = field(default_factory=list)      # headers mapped to no field
    tool_sheets: frozenset[str] = frozenset()   # Today sheets this tool made (it may rebuild them)
    # what the tool's columns hold now, by sheet row (rows with something in them), for a dry run's diff
    old_output: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    # for marks written into the user's own cells (see marks.py): date fields whose column holds
    # dates as text, with the strftime format they are written in; free columns right of ours
    text_dates: dict[str, str] = field(default_factory=dict)
    spare_columns: tuple[int, ...] = ()
    # fields whose column the user fills with notes (words, not the dates or count marks write)
    note_fields: frozenset[str] = frozenset()
    marks_sheets: Any = None    # xlsx.marks.MarksSheets: the Today sheet's and the log's cells

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


_NOTE = re.compile(r"\s*(\([^)]*\)|\[[^\]]*\])\s*")      # "Company Name (website)"
_DATE_WORDS = re.compile(r"(?:^|[^a-z])(date|dates|dated|datum|fecha|data|when|day)(?:$|[^a-z])|datum|日期|时间")
_DATE_PREPOSITIONS = ("on", "am", "until", "by", "le", "el", "em", "il", "bis")
GENERIC_DATE_HEADERS = ("date", "fecha", "datum", "data", "日期", "applied", "datesent", "sent")


def _fold(text: str) -> str:
    """Lower case, no accents on Latin letters (users write 'Situacao' for 'Situação')."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).replace("\xa0", " ").lower())
    return unicodedata.normalize("NFC", "".join(ch for ch in s if not "\u0300" <= ch <= "\u036f"))


@functools.lru_cache(maxsize=65536)
def _normalize_text(text: str) -> str:
    s = _fold(text).strip()
    s = re.sub(r"\s*\((?:mm|dd|yyyy|yy|m|d)[^)]*\)\s*$", "", s)   # "Applied (mm/dd/yyyy)"
    return "".join(ch for ch in s if ch.isalnum())


def normalize_header(text: Any) -> str:
    """Case-, accent-, space- and punctuation-insensitive key: ' Date-Applied\xa0' -> 'dateapplied'."""
    if text is None:
        return ""
    return _normalize_text(text if isinstance(text, str) else str(text))


def _bare_key(text: str) -> str:
    """The key without notes in brackets: 'Company Name (website)' -> 'companyname'."""
    return normalize_header(_NOTE.sub(" ", text))


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[^\w]+|_", _fold(text)) if w)


def names_a_date(text: str) -> bool:
    """'Date Applied', 'Bewerbungsdatum', 'Data Candidatura', 'Follow up on': the header says date."""
    folded = _fold(text)
    words = _words(text)
    return bool(_DATE_WORDS.search(folded)) or (len(words) > 1 and words[-1] in _DATE_PREPOSITIONS)


def read_trackers(path: Path, settings: Settings | None = None, sheet: str | None = None,
                  data: bytes | None = None) -> list[Tracker]:
    """Every tracker sheet to refresh: `sheet`, else the settings' `sheets`, else the best one."""
    settings = settings or Settings()
    book = open_workbook(Path(path), data)
    names = [sheet] if sheet else list(settings.sheets)
    if names:
        missing = [n for n in names if n not in [s.name for s in book.sheets]]
        if missing:
            raise NoTrackerFound(f"{book.path}: no sheet named {missing[0]!r}; sheets are: "
                                 + ", ".join(repr(s.name) for s in book.sheets))
        trackers = [_read_sheet(book, book.sheet(n), settings, reasons=["chosen by name"]) for n in names]
    else:
        best = _pick_sheet(book, settings)
        trackers = [_read_sheet(book, best[0], settings, reasons=best[1])]
    ours = book.tool_sheets()
    marks = book.marks_sheets(ours)
    for t in trackers:
        t.tool_sheets = ours
        t.marks_sheets = marks
    return trackers


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


_PLACEHOLDER_TRIM = " \t()[]{}<>*_.:;!'\"`"


def is_placeholder(text: str, blank_words) -> bool:
    """'N/A', 'Not Mentioned', '(unknown)', 'TBD.' (rules §7): a cell that holds nothing."""
    low = " ".join(text.lower().split())
    if low in blank_words:
        return True
    trimmed = low.strip(_PLACEHOLDER_TRIM)
    return bool(trimmed) and trimmed != low and trimmed in blank_words


# --- choosing the sheet and the header ---------------------------------------------------

def _header_fields(row: list[Any], settings: Settings, fuzzy: bool = True) -> dict[str, int]:
    """field -> 0-based column for one candidate header row.

    A header is the field it names exactly (after [columns], then the aliases; a note in
    brackets is ignored), or, with `fuzzy`, one a small typo away. Only then, for the fields
    still missing, a header whose words contain an alias ('Company Name (website)') is taken,
    the longest alias first. The leftmost column wins a field; no column gets two.
    """
    table = _alias_table(settings)
    lookup = table.exact
    found, unmatched = _exact_fields(row, settings, lookup)
    taken = set(found.values())
    if fuzzy:   # typos only for fields no header names exactly ('Function' is no typo of 'Fonction' beside 'Position')
        for col, value in unmatched:
            fld = _fuzzy(normalize_header(value), lookup)
            if fld and fld not in found:
                found[fld] = col
                taken.add(col)
    if "applied_on" not in found:
        for col, value in enumerate(row):
            if isinstance(value, str) and normalize_header(value) in GENERIC_DATE_HEADERS[:5] and col not in taken:
                found["applied_on"] = col
                taken.add(col)
                break
    if fuzzy and unmatched:
        _add_contained(found, taken, unmatched, table)
    return found


def _exact_fields(row: list[Any], settings: Settings,
                  lookup: dict[str, str]) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """The fields headers name exactly (leftmost column first), and the text headers that name none."""
    found: dict[str, int] = {}
    user = {normalize_header(k): v for k, v in settings.columns.items()}
    ours = {normalize_header(h) for h in output_headers()}
    unmatched: list[tuple[int, str]] = []
    for col, value in enumerate(row):
        if not isinstance(value, str):
            continue
        key = normalize_header(value)
        if not key or key in ours:
            continue
        bare = _bare_key(value)
        fld = user.get(key) or user.get(bare) or lookup.get(key) or lookup.get(bare)
        if fld is None:
            unmatched.append((col, value))
        elif fld not in found:
            found[fld] = col
    return found, unmatched


def _add_contained(found: dict[str, int], taken: set[int], unmatched: list[tuple[int, str]],
                   table: _AliasTable) -> None:
    """Add to `found` the fields still missing whose alias a free header contains, longest alias first."""
    guesses = []
    for col, value in unmatched:
        if col in taken:
            continue
        guess = _contained_alias(value, table)
        if guess:
            guesses.append((guess[1], -col, guess[0], col))
    for _, _, fld, col in sorted(guesses, reverse=True):
        if fld not in found and col not in taken:
            found[fld] = col
            taken.add(col)


@dataclass(frozen=True)
class _AliasTable:
    exact: dict[str, str]                          # normalized alias -> field
    phrases: tuple[tuple[tuple[str, ...], str], ...]   # alias words -> field, for containment


# Aliases too general to name a field when they are only part of a longer header
# ('Job Link' is not a position, 'Mail Date' is not an e-mail address).
_NOT_CONTAINED = frozenset({
    "job", "title", "role", "rol", "state", "via", "mail", "tel", "hr", "applied", "submitted", "sent",
    "note", "stand", "ort", "chef", "manager", "local", "portal", "canal", "sede", "fase", "phase",
    "stelle", "emploi", "progress", "result", "resultado", "reminder", "referred", "business", "opening",
    "responsable", "responsabile", "mobile", "handy", "data", "titel", "titolo", "retour", "retorno",
    "platform", "plataforma", "kanal", "fonte", "origine", "origem", "empfehlung", "feedback",
})


_LINKS = frozenset({"of", "for", "to", "de", "da", "do", "das", "dos", "di", "del", "della", "dello", "dei",
                    "du", "des", "der", "von", "zur", "zum", "fur", "für", "para", "per", "pour"})
_NAME_WORDS = frozenset({"name", "nome", "nom", "nombre", "names"})


def _alias_table(settings: Settings) -> _AliasTable:
    # Keyed on the aliases' content, not their id(): a watcher reloading an edited followup.toml
    # must see the new aliases even when the new mapping happens to reuse an old object's id.
    return _alias_table_for(tuple((fld, tuple(names)) for fld, names in settings.aliases.items()))


@functools.lru_cache(maxsize=16)
def _alias_table_for(aliases: tuple[tuple[str, tuple[str, ...]], ...]) -> _AliasTable:
    exact: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for fld, names in aliases:
        for name in names:
            exact.setdefault(normalize_header(name), fld)
            words = _words(_NOTE.sub(" ", name))
            if words and not (len(words) == 1 and (words[0] in _NOT_CONTAINED or len(words[0]) < 4)):
                phrases.setdefault(words, fld)
    return _AliasTable(exact, tuple(phrases.items()))


def _alias_lookup(settings: Settings) -> dict[str, str]:
    return _alias_table(settings).exact


def _contained_alias(header: str, table: _AliasTable) -> tuple[str, tuple[int, int, int]] | None:
    """The field of the alias found in `header`'s words, when that is unambiguous: one that ends
    the header first ('Recruiter Phone Number' is a phone number), then the longest. A one-word
    alias counts only at the end ('Email Subject' is no e-mail address, 'Company Website' no
    company)."""
    words = _words(header)
    if not words or len(words) > 6 or len(header) > 60:
        return None
    date_only = names_a_date(header)
    link = next((i for i, w in enumerate(words) if w in _LINKS and i), None)
    if link is not None and words[link - 1] not in _NAME_WORDS and not names_a_date(" ".join(words[:link])):
        words = words[:link]   # 'Tipo de Vaga', 'Link to Job': the words before 'de' say what it is
    best: list[tuple[tuple[int, int, int], str]] = []
    for phrase, fld in table.phrases:
        n = len(phrase)
        if n > len(words) or (date_only and fld not in DATE_FIELDS):
            continue
        at_end = words[-n:] == phrase
        if at_end or (n > 1 and any(words[i:i + n] == phrase for i in range(len(words) - n))):
            best.append(((int(at_end), n, len("".join(phrase))), fld))
    if not best:
        return None
    best.sort(reverse=True)
    top = best[0][0]
    fields = {fld for score, fld in best if score == top}
    return (fields.pop(), top) if len(fields) == 1 else None


def _fuzzy(key: str, lookup: dict[str, str]) -> str | None:
    """Typos ('Comapny', 'Staus', 'Date Appled'): a close match to an alias of 5+ letters."""
    if not 5 <= len(key) <= 30 or not key.isascii():
        return None
    import difflib
    near = [k for k in lookup if len(k) >= 5 and k.isascii() and abs(len(k) - len(key)) <= 2]
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


def _refuse_headers_without_company(book: WorkbookLayout, settings: Settings) -> None:
    """A header row that has the other tracker columns but no company: say which column to map."""
    for info in book.sheets:
        if not info.is_worksheet:
            continue
        grid = info.grid(nrows=settings.header_search_rows + 50)
        for r, row in enumerate(grid[: settings.header_search_rows]):
            fields = _header_fields(row, settings)
            if len(fields) >= 2 and ({"applied_on", "last_contact", "stage"} & fields.keys()):
                raise MissingColumns(
                    f"{book.path}, sheet {info.name!r}: row {r + 1} looks like a tracker header but no column "
                    f"names the company or the position; {_fix(row, grid[r + 1:], fields, ('company', 'position'))}")


def _headers_seen(row: list[Any]) -> list[tuple[int, str]]:
    return [(c, " ".join(v.split())) for c, v in enumerate(row) if isinstance(v, str) and v.strip()]


def _column_kind(rows: list[list[Any]], col: int) -> str:
    """'date', 'text', 'number' or '' for what most filled cells of a column below the header hold."""
    kinds = {"date": 0, "text": 0, "number": 0}
    for row in rows[:200]:
        v = row[col] if col < len(row) else None
        if v is None or isinstance(v, bool) or (isinstance(v, str) and not v.strip()):
            continue
        if _is_date_cell(v):
            kinds["date"] += 1
        elif isinstance(v, (int, float)):
            kinds["number"] += 1
        else:
            kinds["text"] += 1
    best = max(kinds, key=lambda k: kinds[k])
    return best if kinds[best] else ""


def toml_columns(pairs: list[tuple[str, str]]) -> str:
    """The [columns] lines of followup.toml that map each header to its field."""
    return "\n".join(["[columns]", *(f"{json.dumps(h, ensure_ascii=False)} = \"{f}\"" for h, f in pairs)])


def _fix(header: list[Any], below: list[list[Any]], fields: dict[str, int], want: tuple[str, ...]) -> str:
    """What to do when the fields in `want` are missing: the headers seen and the [columns] lines."""
    seen = _headers_seen(header)
    listed = ", ".join(repr(h) for _, h in seen[:20]) + (" ..." if len(seen) > 20 else "")
    free = [(c, h) for c, h in seen if c not in fields.values()
            and normalize_header(h) not in {normalize_header(o) for o in output_headers()}]
    kinds = {c: _column_kind(below, c) for c, _ in free}
    pairs: list[tuple[str, str]] = []
    used: set[int] = set()
    for fld in want:
        if fld in fields or (fld == "position" and any(f == "company" for _, f in pairs)):
            continue
        if fld in DATE_FIELDS:
            pick = [(c, h) for c, h in free if kinds[c] == "date"] or [(c, h) for c, h in free if names_a_date(h)]
        else:
            pick = [(c, h) for c, h in free if kinds[c] == "text" and not names_a_date(h)]
        pick = [p for p in pick if p[0] not in used]
        if pick:
            used.add(pick[0][0])
            pairs.append((pick[0][1], fld))
    if not pairs:
        first = want[0]
        what, name = ("the date you applied", "Date Applied") if first in DATE_FIELDS else ("the company", "Company")
        return (f"headers seen: {listed}; none of them holds {what}: add a column headed {name!r}, or map "
                f"yours in followup.toml under [columns] as \"Your header\" = \"{first}\"")
    return (f"headers seen: {listed}. If these columns hold what the lines below say, add them to "
            "followup.toml beside the workbook:\n" + toml_columns(pairs))


def _header_like_row(grid: list[list[Any]], settings: Settings) -> int | None:
    """A row of three or more short labels with filled rows under it: a header nobody mapped."""
    for r, row in enumerate(grid[: settings.header_search_rows]):
        filled = [v for v in row if not _is_empty_cell(v) and not isinstance(v, bool)]
        labels = [v for v in filled if isinstance(v, str) and len(v.strip()) <= 40 and not _is_date_cell(v)]
        if len(labels) >= 3 and len(labels) >= 0.8 * len(filled) and \
                any(any(not _is_empty_cell(v) for v in later) for later in grid[r + 1: r + 4]):
            return r
    return None


def _is_date_cell(v: Any) -> bool:
    if isinstance(v, (dt.date, dt.datetime)):
        return True
    if not isinstance(v, str) or len(v) > 40:
        return False
    text = " ".join(v.split())
    return any(isinstance(_text_date(text, order), dt.date) for order in ("mdy", "dmy"))


def _looks_sideways(grid: list[list[Any]]) -> bool:
    """One column per day: a row near the top whose three or more dates are headers, with names
    (not more dates) listed under them. Dates inside one-row-per-application rows never count:
    under an application's dates sit the next application's dates, or nothing."""
    for r, row in enumerate(grid[:10]):
        cols = [c for c, v in enumerate(row) if _is_date_cell(v)]
        if len(cols) < 3:
            continue
        below = [grid[b][c] for b in range(r + 1, min(r + 11, len(grid))) for c in cols
                 if c < len(grid[b]) and not _is_empty_cell(grid[b][c]) and not isinstance(grid[b][c], bool)]
        names = sum(isinstance(v, str) and not _is_date_cell(v) for v in below)
        if names >= 2 and names > len(below) / 2:
            return True
    return False


def _pick_sheet(book: WorkbookLayout, settings: Settings) -> tuple[SheetLayout, list[str]]:
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
        found = _find_header(grid, settings)
        if found is None:
            if _looks_sideways(grid):
                sideways.append(info.name)
            else:
                r = _header_like_row(grid, settings)
                if r is not None:
                    unmapped.append((info, grid, r))
            seen.append(f"{info.name!r} (no tracker header)")
            continue
        r, fields, score = found
        rows_below = sum(1 for row in grid[r + 1:] if any(not _is_blank(v, settings) for v in row))
        if info.state != "visible":
            score -= 2
        if idx == book.active_sheet:
            score += 0.25
        candidates.append(_Candidate(info, r, fields, score + min(rows_below, 100) / 50, rows_below))
        seen.append(f"{info.name!r}")
    if not candidates:
        if too_big:
            raise UnsupportedContent(too_big[0])
        _refuse_headers_without_company(book, settings)
        if unmapped:
            info, grid, r = unmapped[0]
            raise NoTrackerFound(
                f"{book.path}: no header names a company or position (sheets seen: {', '.join(seen)}); on sheet "
                f"{info.name!r}, row {r + 1}: {_fix(grid[r], grid[r + 1:], {}, ('company', 'position', 'applied_on'))}")
        if sideways:
            raise NoTrackerFound(
                f"{book.path}: sheet {sideways[0]!r} is laid out sideways (one column per date), which this "
                "tool cannot follow; make a sheet with one row per application and columns such as "
                "Company, Position, Date Applied, Status")
        raise NoTrackerFound(
            f"{book.path}: no sheet looks like a job tracker; add a header row (within the first "
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

def _read_sheet(book: WorkbookLayout, info: SheetLayout, settings: Settings, reasons: list[str]) -> Tracker:
    where = f"{book.path}, sheet {info.name!r}"
    if not info.is_worksheet:
        raise NoTrackerFound(f"{where} is a chart or dialog sheet, not a table; pick a worksheet with --sheet")
    grid = info.grid()
    found = _find_header(grid, settings)
    if found is None:
        if _looks_sideways(grid):
            raise NoTrackerFound(f"{where} is laid out sideways (one column per date); make a sheet with one "
                                 "row per application and columns such as Company, Position, Date Applied")
        r = _header_like_row(grid, settings)
        if r is not None:
            raise NoTrackerFound(f"{where}: no header names a company or position; row {r + 1}: "
                                 + _fix(grid[r], grid[r + 1:], {}, ("company", "position", "applied_on")))
        raise NoTrackerFound(f"{where}: no header row with a Company or Position column in the first "
                             f"{settings.header_search_rows} rows; add one, or map your headers in "
                             "followup.toml under [columns]")
    h, fields, _ = found
    header = grid[h]
    hidden = info.hidden_columns()
    tables = info.tables()
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

    note_fields: set[str] = set()
    fields, date_frames, date_orders = _settle_date_fields(body, header, fields, book, settings, notes, where,
                                                           note_fields)

    frame = _canonical(body, fields, date_frames, settings)
    is_app, last_row, table_end = _applications(frame, body, header, fields, settings)
    if last_row:
        _require(header, rows[h + 1:], fields, where)
    skipped = _skipped_rows(frame, body, header, is_app, table_end, fields, settings)
    frame = frame.loc[is_app].copy()
    frame = frame.loc[: last_row] if last_row else frame.iloc[0:0]
    last_row = last_row or h + 1
    ours = {normalize_header(o) for o in output_headers()}
    ignored = [f"{' '.join(str(v).split())!r} (column {xlsx.column_letters(c + 1)})" for c, v in enumerate(header)
               if c not in fields.values() and not _is_empty_cell(v) and normalize_header(v) not in ours]

    existing = _existing_output(header)
    taken = info.occupied_columns(from_row=h + 1)
    out_cols, used_existing = _output_columns(rows, h, last_row, header, existing, hidden,
                                              info.merges(), width, taken,
                                              table_end=max(fields.values()), where=where)
    clear_end = _our_rows_end(rows, h, last_row, out_cols[0]) if used_existing[0] else last_row
    columns = {f: ColumnInfo(c + 1, str(header[c]).strip()) for f, c in sorted(fields.items(), key=lambda x: x[1])}
    old_output = _old_output(rows, h, max(clear_end, last_row), out_cols, used_existing)
    text_dates = {f: fmt for f in date_frames if (fmt := _text_date_format(body[fields[f]], date_frames[f][0]))}
    spare = _spare_columns(rows, h, header, out_cols, hidden, info.merges(), width, taken)
    return Tracker(path=book.path, package=book.source, sheet=info.name, part=info.part, header_row=h + 1,
                   columns=columns, frame=frame, output_columns=out_cols, existing_output=used_existing,
                   last_row=last_row, clear_rows=(h + 2, max(clear_end, last_row)),
                   table=table if table is not None and table.totals_rows == 0 else None,
                   reasons=reasons, notes=notes, skipped_rows=skipped, date_orders=date_orders,
                   ignored_headers=ignored, old_output=old_output, text_dates=text_dates, spare_columns=spare,
                   note_fields=frozenset(note_fields))


_TEXT_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%m/%d/%y", "%d/%m/%y", "%d.%m.%y",
                      "%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%Y/%m/%d", "%d-%m-%Y", "%m-%d-%Y")


def _text_date_format(values: pd.Series, parsed: pd.Series) -> str | None:
    """The strftime format of a date column that holds its dates as text (most filled cells are
    text), found by writing the dates read back in each format; None for a column of real dates."""
    filled = [(v, d) for v, d in zip(values.to_numpy()[:2000], parsed.to_numpy()[:2000]) if not _is_empty_cell(v)]
    texts = [(v.strip(), pd.Timestamp(d)) for v, d in filled[:200] if isinstance(v, str) and not pd.isna(d)]
    if not texts or len(texts) * 2 <= min(len(filled), 200):
        return None
    for fmt in _TEXT_DATE_FORMATS:
        if all(d.strftime(fmt) == v for v, d in texts[:50]):
            return fmt
    return None


def _spare_columns(rows, h, header, out_cols, hidden, merges, width, taken, n: int = 6) -> tuple[int, ...]:
    """Up to `n` free visible columns (1-based) right of the headers and the tool's columns, free by
    the same test as the tool's columns (`_output_columns`), for the columns marks may add."""
    start = max([c for c, v in enumerate(header) if not _is_empty_cell(v)] + [c - 1 for c in out_cols]) + 1
    found: list[int] = []
    for col in range(start, LAST_COLUMN):
        if len(found) == n:
            break
        if col + 1 in hidden or col + 1 in taken or col + 1 in out_cols:
            continue
        if any(c1 <= col <= c2 and r2 >= h for r1, c1, r2, c2 in merges):
            continue
        if col < width and not all(_is_empty_cell(rows[r][col]) for r in range(h, len(rows))):
            continue
        found.append(col + 1)
    return tuple(found)


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


def _require(header: list[Any], below: list[list[Any]], fields: dict[str, int], where: str) -> None:
    if not ({"applied_on", "last_contact"} & fields.keys()):
        raise MissingColumns(f"{where}: no column holds the date you applied or last heard back; "
                             + _fix(header, below, fields, ("applied_on",)))


def _settle_date_fields(body, header, fields, book, settings, notes, where, note_fields: set[str]):
    """Parse each date field. A header that names a date ('Date Applied', 'Einreichdatum') or that
    [columns] maps is that field however few dates it holds yet; a vaguer one ('Applied', 'Last
    Contact') is kept only when most of its filled cells are dates. A field whose column holds
    words goes to `note_fields`, and another column headed for it (one marks added) is taken."""
    fields = dict(fields)
    frames: dict[str, tuple[pd.Series, pd.Series]] = {}
    orders: dict[str, str] = {}
    user = {normalize_header(k) for k in settings.columns}
    _follow_up_dates(body, header, fields, user, notes)
    _follow_up_notes(body, header, fields, settings, notes, note_fields)
    columns = {fld: (str(header[fields[fld]]).strip(), body[fields[fld]] if fields[fld] in body.columns
                     else pd.Series([], dtype=object)) for fld in DATE_FIELDS if fld in fields}
    for fld in DATE_FIELDS:
        if fld not in fields:
            continue
        col = fields[fld]
        label, values = columns[fld]
        sheet = sheet_date_order([c for f, c in columns.items() if f != fld])
        parsed, problems, ratio, order = parse_dates(values, book.date1904, settings, header=label, column=col + 1,
                                                     sheet=sheet)
        clear = normalize_header(label) in user or _bare_key(label) in user or \
            (names_a_date(label) and normalize_header(label) not in GENERIC_DATE_HEADERS)
        if ratio < 0.5 and not clear:
            del fields[fld]
            note_fields.add(fld)
            other = _other_column(fld, header, fields, settings, col)
            if other is not None:
                o_label = str(header[other]).strip()
                parsed, problems, ratio, order = parse_dates(body[other], book.date1904, settings, header=o_label,
                                                             column=other + 1, sheet=sheet)
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
    if "applied_on" not in fields:
        _adopt_generic_date(body, header, fields, frames, orders, book, settings, notes)
    return fields, frames, orders


def _follow_up_dates(body, header, fields: dict[str, int], user: set[str], notes: list[str]) -> None:
    """A 'Follow-up' column of dates is when you followed up, not how often: the last contact."""
    col = fields.get("follow_ups")
    if col is None or col not in body.columns or normalize_header(header[col]) in user:
        return
    filled = [v for v in body[col].head(2000) if not _is_empty_cell(v) and not isinstance(v, bool)]
    if not filled or sum(_is_date_cell(v) for v in filled) * 2 <= len(filled):
        return
    label = f"{str(header[col]).strip()!r} (column {xlsx.column_letters(col + 1)})"
    del fields["follow_ups"]
    if "last_contact" in fields:
        notes.append(f"{label} holds dates, not a number of follow-ups; ignored")
    else:
        fields["last_contact"] = col
        notes.append(f"{label} holds dates, not a number of follow-ups; read as the last contact")


def _other_column(fld: str, header: list[Any], fields: dict[str, int], settings: Settings,
                  skip: int) -> int | None:
    """Another column right of `skip` whose header names `fld` exactly (a column marks added
    beside the user's column of notes), not taken by another field."""
    lookup = _alias_table(settings).exact
    taken = set(fields.values())
    for col in range(skip + 1, len(header)):
        value = header[col]
        if col in taken or not isinstance(value, str):
            continue
        if lookup.get(normalize_header(value)) == fld or lookup.get(_bare_key(value)) == fld:
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


def _adopt_generic_date(body, header, fields, frames, orders, book, settings, notes) -> None:
    taken = set(fields.values())
    for col, value in enumerate(header):
        if col in taken or normalize_header(value) not in GENERIC_DATE_HEADERS:
            continue
        parsed, problems, ratio, order = parse_dates(body[col], book.date1904, settings,
                                                     header=str(value).strip(), column=col + 1)
        if ratio >= 0.5:
            fields["applied_on"] = col
            frames["applied_on"] = (parsed, problems)
            orders["applied_on"] = order
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
    out["max_follow_ups"] = _numbers(body[fields["max_follow_ups"]]) if "max_follow_ups" in fields else np.nan
    out["no_calls"] = _truthy(body[fields["no_calls"]]) if "no_calls" in fields else False
    problems = pd.Series("", index=body.index, dtype=object)
    for fld in DATE_FIELDS:
        if fld in date_frames:
            p = date_frames[fld][1]
            problems = problems.where(problems != "", p)
    out["problem"] = problems
    return out


def _text(values: pd.Series, settings: Settings) -> pd.Series:
    """Tidy text; placeholders ('N/A', 'Not Mentioned', '(unknown)') are empty (rules §7)."""
    blank = frozenset(settings.blank_words)

    def clean(v: Any) -> str:
        if type(v) is str:
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


def _truthy(values: pd.Series) -> pd.Series:
    yes = {"yes", "y", "true", "x", "1", "✓", "✔", "email only", "no calls", "do not call", "sí", "si", "oui", "ja"}
    return values.map(lambda v: v is True or (isinstance(v, (int, float)) and not isinstance(v, bool) and v == 1)
                      or (isinstance(v, str) and v.strip().lower() in yes)).astype(bool)


_FLAG_WORDS = frozenset({"yes", "no", "y", "n", "x", "0", "1", "true", "false", "✓", "✔", "✗", "☐", "☑"})


def _says_something(v: Any, blank) -> bool:
    if isinstance(v, (dt.date, dt.datetime)):
        return True
    if isinstance(v, str):
        t = " ".join(v.split())
        return bool(t) and t.lower() not in _FLAG_WORDS and not is_placeholder(t, blank)
    return False


def _unmapped_columns(header: list[Any], fields: dict[str, int], body: pd.DataFrame) -> list[int]:
    ours = {normalize_header(o) for o in output_headers()}
    mapped = set(fields.values())
    return [c for c, v in enumerate(header) if c not in mapped and c in body.columns and not _is_empty_cell(v)
            and normalize_header(v) not in ours]


def _own_cells(frame: pd.DataFrame, body: pd.DataFrame, header: list[Any], fields: dict[str, int],
               settings: Settings, named: pd.Series) -> pd.Series:
    """Whether each row says something besides its company and position (rules §1): in a mapped
    field or an unmapped column alike; placeholders, checkbox ticks and bare numbers (counters
    and formula results) say nothing."""
    own = pd.Series(False, index=frame.index)
    for fld in TEXT_FIELDS:
        if fld not in ("company", "position") and fld in fields:
            own |= frame[fld] != ""
    own |= frame[list(DATE_FIELDS)].notna().any(axis=1) | (frame["problem"] != "")
    todo = frame.index[(named & ~own).to_numpy()]      # usually a few rows: look at the other columns
    blank = settings.blank_words
    for col in _unmapped_columns(header, fields, body) if len(todo) else ():
        says = body.loc[todo, col].map(lambda v: _says_something(v, blank)).astype(bool)
        own.loc[says.index[says.to_numpy()]] = True
    return own


def _applications(frame: pd.DataFrame, body: pd.DataFrame, header: list[Any], fields, settings
                  ) -> tuple[pd.Series, int, int]:
    """Which rows are applications, the last application's row and the table's last row.

    A row counts when it has a company or position and at least one more filled cell of its
    own (rules §1). A block after blank rows belongs to the table only if it starts with an
    application, so a legend or totals block below the table is left alone.
    """
    named = (frame["company"] != "") | (frame["position"] != "")
    is_app = named & _own_cells(frame, body, header, fields, settings, named)
    has_date = frame[list(DATE_FIELDS)].notna().any(axis=1) | (frame["problem"] != "")
    filled = (frame[list(TEXT_FIELDS)] != "").any(axis=1) | has_date | frame["follow_ups"].notna()
    mapped = sorted(set(fields.values()))
    first_col = body[mapped[0]] if mapped else pd.Series("", index=body.index)
    first_text = first_col.where(first_col.map(lambda v: type(v) is str), "").to_numpy()

    last = 0
    end = 0
    in_gap = False
    # rows of formula results or placeholders alone below the last application are not the table's
    says = ((frame[list(TEXT_FIELDS)] != "").any(axis=1) | frame[list(DATE_FIELDS)].notna().any(axis=1)).to_numpy()
    for row, app, full, text, say in zip(frame.index, is_app.to_numpy(), filled.to_numpy(), first_text, says):
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


def _skipped_rows(frame, body, header, is_app, table_end, fields, settings) -> list[str]:
    """Every row inside the table that is not an application, with the reason (rules §1)."""
    out: list[str] = []
    if not table_end:
        return out
    mapped = sorted(set(fields.values()))
    by_col = {c: f for f, c in fields.items()}
    others = _unmapped_columns(header, fields, body)
    for col in others:
        by_col[col] = repr(" ".join(str(header[col]).split()))
    for row in frame.index[(frame.index <= table_end) & ~is_app.to_numpy()]:
        raw = {c: body.at[row, c] for c in mapped}
        raw.update({c: body.at[row, c] for c in others if _says_something(body.at[row, c], settings.blank_words)})
        shown = {c: v for c, v in raw.items() if not _is_empty_cell(v) and not isinstance(v, bool)}
        if not shown:
            continue
        name = frame.at[row, "company"] or frame.at[row, "position"]
        held = [f"{by_col[c]} {_show(v)}" for c, v in shown.items()][:4]
        if name:
            out.append(f"Row {row}: only {', '.join(held)}; nothing else filled in, so not counted as an "
                       "application (add the date, stage or a note if you applied)")
            continue
        placeholders = [_show(raw[fields[f]]) for f in ("company", "position")
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


# --- where our columns go ----------------------------------------------------------------

def _existing_output(header: list[Any]) -> dict[str, int]:
    keys = {normalize_header(h): h for h in output_headers()}
    found = {}
    for col, value in enumerate(header):
        h = keys.get(normalize_header(value)) if isinstance(value, str) else None
        if h and h not in found:
            found[h] = col
    return found


def _output_columns(rows, h, last_row, header, existing, hidden, merges, width, taken=frozenset(),
                    table_end: int = 0, where: str = "the sheet"):
    """Where the three columns go: found by header, else the first free columns.

    A column is free when nothing in it, from the header row down, holds a value, a formula (even
    one whose result is empty), a comment, a data validation, a merge or a defined name's range
    (`taken` holds the 1-based columns the package says are in use). The first free visible
    columns after the last header come first; then free columns between the table and the last
    header; then hidden ones (the write stage shows them). Never past XFD, the last column."""
    last_header = max((c for c, v in enumerate(header) if v is not None and not isinstance(v, bool)
                       and (not isinstance(v, str) or v.strip())), default=0)
    below = range(h, len(rows))   # 0-based rows: the header and everything under it

    def free(col: int) -> bool:
        if col in existing.values() or col + 1 in taken:
            return False
        for _r1, c1, r2, c2 in merges:
            if c1 <= col <= c2 and r2 >= h:
                return False
        if col >= width:
            return True
        return all(_is_empty_cell(rows[r][col]) for r in below)

    wanted = [name for name in output_headers() if name not in existing]
    after = max([last_header, *existing.values()]) + 1 if existing else last_header + 1
    order = [range(after, LAST_COLUMN), range(table_end + 1, min(after, LAST_COLUMN))]
    chosen: list[int] = []
    for shown in (True, False):
        for span in order:
            for col in span:
                if len(chosen) == len(wanted):
                    break
                if (col + 1 not in hidden) == shown and col not in chosen and free(col):
                    chosen.append(col)
    if len(chosen) < len(wanted):
        first = xlsx.column_letters(table_end + 2)
        merged = [f"{xlsx.column_letters(c1 + 1)}{r1 + 1}:{xlsx.column_letters(c2 + 1)}{r2 + 1}"
                  for r1, c1, r2, c2 in merges if c1 <= after <= c2 and r2 >= h]
        raise UnsupportedContent(
            f"{where}: no free column for {', '.join(repr(n) for n in wanted)}: every column from {first} to XFD "
            "(the last one) holds a value, formula, comment, validation, merged cells or a named range"
            + (f" (merged cells {merged[0]})" if merged else "") + f"; clear {len(wanted)} columns right of the "
            f"table (or unmerge cells there), or type the header {wanted[0]!r} over a column you want used")
    out: list[int] = []
    used: list[bool] = []
    picks = iter(sorted(chosen[:len(wanted)], key=lambda c: (c < after, c)))
    for name in output_headers():
        if name in existing:
            out.append(existing[name] + 1)
            used.append(True)
        else:
            out.append(next(picks) + 1)
            used.append(False)
    return tuple(out), tuple(used)


def _is_empty_cell(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v == "")


def _old_output(rows, h, end, out_cols, used_existing) -> dict[int, tuple[Any, ...]]:
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
    ours = {s.value for s in Status}
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
for _i, _names in enumerate([   # month names in the languages the headers are read in
        "enero janvier januar gennaio janeiro januari styczeń", "febrero février fevrier februar febbraio "
        "fevereiro februari luty", "marzo mars märz maerz março marco maart marzec", "abril avril aprile "
        "april kwiecień", "mayo mai maggio maio mei maj", "junio juin juni giugno junho czerwiec",
        "julio juillet juli luglio julho lipiec", "agosto août aout augustus sierpień", "septiembre "
        "setiembre septembre settembre setembro wrzesień", "octubre octobre oktober ottobre outubro "
        "październik", "noviembre novembre november novembro listopad", "diciembre décembre decembre "
        "dezember dicembre dezembro december grudzień"], start=1):
    _MONTHS.update({name: _i for name in _names.split()})
_MON = r"([A-Za-zÀ-ÿźńś]{3,11})\.?"
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_CJK = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")   # 2026年11月3日
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$", re.I)
# '3 Nov 2026', '3. November 2026', '3 de noviembre de 2026'
_DAY_MON_YEAR = re.compile(rf"^(?:[A-Za-z]+,?\s+)?(\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?(?:\s+de)?[\s\-/]+{_MON}"
                           rf"(?:\s+de)?[\s\-/,]+(\d{{2}}|\d{{4}})$")
_MON_DAY_YEAR = re.compile(rf"^(?:[A-Za-z]+,?\s+)?{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$")


def _epoch(date1904: bool) -> dt.date:
    return dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)


def parse_dates(values: pd.Series, date1904: bool, settings: Settings, header: str = "",
                column: int = 0, sheet: tuple[str, str] | None = None) -> tuple[pd.Series, pd.Series, float, str]:
    """One date column -> (dates as datetime64, a problem per row, share of date-like cells,
    the day/month order used and why).

    Day-first versus month-first is decided once for the column, never per cell: the settings,
    else the column's evidence (a first number above 12 means day-first, a second one above 12
    month-first), else the convention of the separator (03.11.2026 is day-first), else
    month-first. `sheet` is the order the sheet's other date columns prove (`sheet_date_order`),
    used before that last fallback.
    """
    order, dotted, why = _evidence_order(values, settings.date_order, sheet, header)
    letters = xlsx.column_letters(column) if column else "?"
    dates: list[Any] = []
    problems: list[str] = []
    good = bad = 0
    placeholders = set(settings.placeholder_dates)
    no_date = _no_date_pattern(settings.no_date_words)
    for row, v in values.items():
        d, problem = _one_date(v, date1904, order, settings, dotted, no_date)
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
    return series, pd.Series(problems, index=values.index, dtype=object), ratio, why


@functools.lru_cache(maxsize=16)
def _no_date_pattern(words: tuple[str, ...]) -> re.Pattern:
    """A cell holding one of `words` as whole words ('Not yet applied' holds 'not yet')."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w.strip())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)" if alternatives else r"(?!x)x", re.I)


def _show(v: Any) -> str:
    s = str(v)
    return repr(s if len(s) <= 40 else s[:37] + "...")


_ORDER_WORD = {"dmy": "day-first", "mdy": "month-first"}


def _scan_dates(values: pd.Series):
    """What a column's text dates show: per separator ('.' or '/' for slashes and dashes) the
    first value proving day-first and month-first, the first value seen, and other kinds' counts."""
    # separator -> [first > 12 example, second > 12 example]
    proof: dict[str, list[str | None]] = {".": [None, None], "/": [None, None]}
    seen: dict[str, str | None] = {".": None, "/": None}
    counts = {"iso": 0, "real": 0, "named": 0}
    for v in values:
        if isinstance(v, (dt.date, dt.datetime)):
            counts["real"] += 1
            continue
        if not isinstance(v, str):
            continue
        text = v.strip()
        m = _NUMERIC.match(text)
        if m:
            sep = "." if text[len(m.group(1))] == "." else "/"
            seen[sep] = seen[sep] or text
            a, b = int(m.group(1)), int(m.group(2))
            if a > 12 and proof[sep][0] is None:
                proof[sep][0] = text
            if b > 12 and proof[sep][1] is None:
                proof[sep][1] = text
        elif _ISO.match(text) or _CJK.match(text):
            counts["iso"] += 1
        elif _DAY_MON_YEAR.match(text) or _MON_DAY_YEAR.match(text):
            counts["named"] += 1
    return proof, seen, counts


def _numeric_part(text: str, i: int) -> int:
    """The i-th number of a date _scan_dates matched with _NUMERIC."""
    m = _NUMERIC.match(text)
    if m is None:
        raise ValueError(f"not a numeric date: {text!r}")
    return int(m.group(i))


def _proven(proof, sep: str) -> tuple[str, str] | None:
    first, second = proof[sep]
    if first and not second:
        return "dmy", f"day-first: {first} has a {_numeric_part(first, 1)} in the first place"
    if second and not first:
        return "mdy", f"month-first: {second} has a {_numeric_part(second, 2)} in the second place"
    return None


def sheet_date_order(columns: list[tuple[str, pd.Series]]) -> tuple[str, str] | None:
    """The order the sheet's other date columns prove (their evidence, or their dotted dates),
    for a column that shows none itself: one person typed them all. None when they disagree."""
    found = []
    for label, values in columns:
        proof, seen, _ = _scan_dates(values)
        for sep in ("/", "."):
            got = _proven(proof, sep) or (("dmy", f"dotted dates ({seen['.']})") if sep == "." and seen["."] else None)
            if got:
                found.append((got[0], f"{_ORDER_WORD[got[0]]} like {label!r} ({got[1].split(': ', 1)[-1]})"))
    if found and len({order for order, _ in found}) == 1:
        return found[0]
    return None


def _evidence_order(values: pd.Series, setting: str = "auto",
                    sheet: tuple[str, str] | None = None, header: str = "") -> tuple[str, str, str]:
    """(order of slashed and dashed dates, order of dotted dates, why) for one column; `sheet`
    is what the sheet's other date columns prove, and `header` the column's header (its
    language), for when this one proves nothing."""
    proof, seen, counts = _scan_dates(values)
    if not (seen["."] or seen["/"]):
        if counts["named"]:
            return "mdy", "dmy", "month written in words" + (" and ISO dates" if counts["iso"] else "") \
                + ", no order needed"
        if counts["iso"]:
            return "mdy", "dmy", "ISO dates (year first), no order needed"
        if counts["real"]:
            return "mdy", "dmy", "real dates, no order needed"
        return "mdy", "dmy", "no dates yet"
    if setting in _ORDER_WORD:
        return setting, setting, f"{_ORDER_WORD[setting]}: date_order = \"{setting}\" in the settings"

    def decide(sep: str) -> tuple[str, str] | None:
        return _proven(proof, sep)
    slashed, dotted = decide("/"), decide(".")
    reasons = []
    if seen["."]:
        if dotted is None:
            dotted = ("dmy", f"day-first: dotted dates ({seen['.']}) are written day-first")
        reasons.append(dotted[1])
    if seen["/"]:
        if slashed is None:
            slashed = _unproven_slashed(proof["/"], seen["/"], dotted, sheet, header)
        if not reasons or dotted is None or slashed != dotted:
            reasons.append(slashed[1] if not reasons else f"{seen['/']}: {slashed[1]}")
    main_order, dotted_order = slashed or dotted, dotted or slashed
    if main_order is None or dotted_order is None:   # a separator was seen, and each seen one got an order
        raise AssertionError("a seen date separator has no order")
    return main_order[0], dotted_order[0], "; ".join(reasons)


# Words of date headers in languages whose writers put the day first (03/11/2026 is 3 November):
# Spanish, French, German, Italian, Portuguese, Dutch, Polish. English is left out on purpose:
# American and British trackers use the same headers and opposite orders.
_DAY_FIRST_HEADER_WORDS = {
    "Spanish": {"fecha", "solicitud", "postulación", "postulacion", "envío", "envio", "último", "ultimo", "contacto",
                "enviado", "enviada", "aplicación", "candidatura"},
    "French": {"envoyée", "envoyé", "envoi", "dernier", "relance", "relancé", "candidaté", "postulé"},
    "German": {"datum", "beworben", "eingereicht", "gesendet", "versendet", "abgeschickt", "letzter", "kontakt",
               "bewerbung", "bewerbungsdatum", "einreichdatum"},
    "Italian": {"data", "inviata", "inviato", "invio", "contatto", "candidatura", "ultimo"},
    "Portuguese": {"data", "enviado", "enviada", "envio", "candidatado", "candidatura", "inscrição", "submissão",
                   "contato", "contacto", "último"},
    "Dutch": {"datum", "sollicitatiedatum", "sollicitatie", "gesolliciteerd", "laatste", "verstuurd"},
    "Polish": {"data", "złożenia", "aplikacji", "ostatni", "wysłano", "kontakt"},
}
_HEADER_WORD = re.compile(r"[^\W\d_]+")


def day_first_language(header: str) -> str | None:
    """The day-first language(s) a date column's header is written in ('Fecha de solicitud' ->
    'Spanish', 'Datum' -> 'German or Dutch'), or None: English, or no word that tells."""
    words = set(_HEADER_WORD.findall(str(header).casefold()))
    if "date" in words and words & {"de", "d", "du", "l"}:    # date de candidature, date d'envoi
        return "French"
    if words == {"data"}:   # an English word too
        return None
    found = [lang for lang, known in _DAY_FIRST_HEADER_WORDS.items() if words & known]
    if not found:
        return None
    best = max(len(words & _DAY_FIRST_HEADER_WORDS[lang]) for lang in found)   # the language most words are in
    found = [lang for lang in found if len(words & _DAY_FIRST_HEADER_WORDS[lang]) == best]
    return found[0] if len(found) == 1 else ", ".join(found[:-1]) + " or " + found[-1]


def _unproven_slashed(proof: list[str | None], example: str | None, dotted: tuple[str, str] | None,
                      sheet: tuple[str, str] | None, header: str = "") -> tuple[str, str]:
    """The order of slashed dates that prove none (or both), and why: the dotted dates' order, else
    the sheet's, else the order of the header's language, else month-first."""
    first, second = proof
    if first and second:
        why = (f"month-first, though both {first} and {second} appear (one of them is mistyped); "
               "set date_order in followup.toml if the column is day-first")
        return ("mdy", why)
    if dotted is not None:
        return (dotted[0], f"{_ORDER_WORD[dotted[0]]} like the dotted dates ({example} could be either)")
    if sheet is not None:
        return sheet
    language = day_first_language(header)
    if language is not None:
        return ("dmy", f"day-first: the header {header!r} is in {language}, where dates are written day first "
                       f"({example} could be either); set date_order = \"mdy\" in followup.toml if you mean "
                       "month-first")
    return ("mdy", f"month-first: nothing shows the order ({example} could be either); "
                   "set date_order = \"dmy\" in followup.toml if you mean day-first")


def _one_date(v: Any, date1904: bool, order: str, settings: Settings, dotted: str | None = None,
              no_date: re.Pattern | None = None) -> tuple[dt.date | None, str]:
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
    if not s or is_placeholder(s, settings.blank_words) or low in settings.no_date_words:
        return None, ""
    parsed = _text_date(s, order, dotted or order)
    if parsed is None:
        if no_date is not None and no_date.search(s):
            return None, ""    # "Not yet applied", "pending (recruiter call)"
        return None, "not a date this tool can read; type a date like 2026-03-10"
    if isinstance(parsed, str):
        return None, parsed
    return parsed, ""


def _text_date(s: str, order: str, dotted: str | None = None) -> dt.date | str | None:
    m = _ISO.match(s) or _CJK.match(s)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NUMERIC.match(s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 else y
        if s[len(m.group(1))] == ".":
            order = dotted or "dmy"
        day, month = (a, b) if order == "dmy" else (b, a)
        made = _make(y, month, day)
        if made is None and month > 12:
            first = "day" if order == "dmy" else "month"
            return (f"not a valid date when read {first}-first like the rest of this column; "
                    "fix it, or set date_order in followup.toml")
        return made
    m = _DAY_MON_YEAR.match(s)
    if m:
        named = _MONTHS.get(m.group(2).lower())
        if named:
            y = int(m.group(3))
            return _make(y + 2000 if y < 100 else y, named, int(m.group(1)))
    m = _MON_DAY_YEAR.match(s)
    if m:
        named = _MONTHS.get(m.group(1).lower())
        if named:
            return _make(int(m.group(3)), named, int(m.group(2)))
    if re.match(rf"^(\d{{1,2}}[\s\-/]+{_MON}|{_MON}\s+\d{{1,2}})$", s):
        return "has no year; type the full date, like 2026-03-10"
    return None


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
