"""Marks at the format boundary: the Today sheet's and the Follow-up Log's cells read by header,
the style a tracker's date column uses, and the log sheet written (created, or rows appended
with every existing byte kept).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..catalogue import Worded, header_words
from .cells import number_cell, text_cell
from .package import MAIN_NS, REL_NS, Package
from .refs import column_letters, column_number
from .sheetxml import iter_sheet, sheet_data_prefix
from .values import LOG_MARKER, TODAY_SHEET_NAMES, SheetValues, is_today_title

LOG_SHEET_NAME = "Follow-up Log"
LOG_HEADERS = ("When", "Company", "Position", "Contact", "What happened", "What changed (from -> to)",
               "Tracker row", "Mark key")
LOG_WIDTHS = (12, 22, 24, 18, 28, 60, 16, 40)
LOG_TITLE = (f"{LOG_MARKER}: every mark from the Today sheet, applied to the tracker (or why not). "
             "Kept by followup-sheet; rows are only ever added.")

# header on the Today sheet -> key (several spellings: the sheet's layout may change)
_TODAY_KEYS = {"company": "company", "position": "position", "ask for": "contact", "contact": "contact",
               "phone": "phone", "e-mail": "email", "email": "email", "tracker row": "tracker_row",
               "go to row": "tracker_row", "done": "done", "outcome": "outcome", "date": "date", "name": "name"}


@functools.cache
def _today_keys() -> dict[str, str]:
    """`_TODAY_KEYS` and the same headers in every catalogue's language, built when a Today
    sheet is first read (not at import: a workbook without one never reads the catalogues)."""
    keys = dict(_TODAY_KEYS)
    keys.update({" ".join(shown.split()).lower(): _TODAY_KEYS[english.lower()]    # in the user's language
                 for shown, english in header_words().items() if english.lower() in _TODAY_KEYS})
    return keys


_LOG_KEYS = {"when": "when", "company": "company", "position": "position", "contact": "contact",
             "what happened": "happened", "what changed (from -> to)": "changed", "what changed": "changed",
             "tracker row": "tracker_row", "mark key": "key"}
_HEADER_ROWS = 6
_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"), 1)}


@dataclass
class MarksSheets:
    """What the tool's own sheets hold: the Today sheet's rows (by header) and the log's."""
    today_sheet: str | None = None
    built: dt.date | None = None        # the day the Today sheet was built (from its title)
    today_rows: list[dict[str, Any]] = field(default_factory=list)   # each with "_row", its sheet row
    today_cells: dict[str, str] = field(default_factory=dict)        # key -> its column's letter
    copies: list[MarksSheets] = field(default_factory=list)           # the user's copies of the Today sheet
    notes: list[str] = field(default_factory=list)                    # what was read where, and what not
    log_sheet: str | None = None
    log_part: str | None = None
    log_rows: list[dict[str, Any]] = field(default_factory=list)


def _key(value: Any) -> str:
    return " ".join(str(value).split()).lower() if isinstance(value, str) else ""


def _by_header(grid: list[list[Any]], keys: dict[str, str], needed: str) -> tuple[int, dict[str, int]] | None:
    """The header row (0-based) among the first rows, and key -> column, found by name."""
    for r, row in enumerate(grid[:_HEADER_ROWS]):
        found: dict[str, int] = {}
        for c, value in enumerate(row):
            k = keys.get(_key(value))
            if k and k not in found:
                found[k] = c
        if needed in found and len(found) >= 2:
            return r, found
    return None


def _rows(grid: list[list[Any]], keys: dict[str, str], needed: str) -> list[dict[str, Any]]:
    found = _by_header(grid, keys, needed)
    if found is None:
        return []
    h, cols = found
    out = []
    for r in range(h + 1, len(grid)):
        row = grid[r]
        values = {k: (row[c] if c < len(row) else None) for k, c in cols.items()}
        if any(v not in (None, "") for v in values.values()):
            out.append({**values, "_row": r + 1})
    return out


def built_day(title: Any) -> dt.date | None:
    """The day in a Today sheet's title: "built Monday 30 November 2026" or "for Monday,
    November 30, 2026" (an ISO date too)."""
    if not isinstance(title, str):
        return None
    text = title.lower()
    for pattern, order in ((r"(\d{4})-(\d{2})-(\d{2})", "ymd"), (r"(\d{1,2}) ([a-z]+),? (\d{4})", "dmy"),
                           (r"([a-z]+) (\d{1,2}),? (\d{4})", "mdy")):
        for m in re.finditer(pattern, text):
            a, b, c = m.groups()
            try:
                if order == "ymd":
                    return dt.date(int(a), int(b), int(c))
                if order == "dmy" and a and b in _MONTHS:
                    return dt.date(int(c), _MONTHS[b], int(a))
                if order == "mdy" and a in _MONTHS:
                    return dt.date(int(c), _MONTHS[a], int(b))
            except ValueError:
                continue
    return None


def _today_marks(book: SheetValues, info: Any, found: MarksSheets) -> None:
    grid = book.grid(info, nrows=None)
    found.today_sheet = info.name
    found.built = built_day(grid[0][0] if grid and grid[0] else None)
    found.today_rows = _rows(grid, _today_keys(), "company")
    header = _by_header(grid, _today_keys(), "company")
    found.today_cells = {k: column_letters(c + 1) for k, c in header[1].items()} if header else {}


def read_marks_sheets(book: SheetValues, ours: frozenset[str]) -> MarksSheets:
    """The Today sheet this tool made (`ours`), the user's copies of it (a sheet not ours whose
    first cell carries the Today marker), and its Follow-up Log, read by header."""
    found = MarksSheets()
    names = {i.name: i for i in book.pkg.sheets if i.is_worksheet}
    today = next((names[n] for want in TODAY_SHEET_NAMES for n in names if n.lower() == want.lower() and n in ours),
                 None) or next((names[n] for n in sorted(ours) if n in names), None)
    if today is not None:
        _today_marks(book, today, found)
        if found.built is None and found.today_rows:
            found.notes.append(Worded("the title of {sheet} (cell A1) no longer says the day it was built; "
                                      "its marks count for the day of this refresh", sheet=repr(today.name)))
        if today.name not in TODAY_SHEET_NAMES and found.today_rows:
            found.notes.append(Worded("marks read from {sheet}, the Today sheet under the name you gave it",
                                      sheet=repr(today.name)))
    for info in names.values():
        if info.name in ours or info.name.lower().startswith(LOG_SHEET_NAME.lower()):
            continue
        try:
            first = book.first_row(info)
        except Exception:   # unreadable: not a copy we can read marks from
            continue
        if first and first[0] and is_today_title(first[0][0]):
            copy = MarksSheets()
            _today_marks(book, info, copy)
            found.copies.append(copy)
            found.notes.append(Worded("{sheet} is a copy of the Today sheet; its marks are read too, and a mark "
                                      "that is on both is applied once", sheet=repr(info.name)))
    for info in names.values():
        if not info.name.lower().startswith(LOG_SHEET_NAME.lower()):
            continue
        first = book.first_row(info)
        if first and first[0] and isinstance(first[0][0], str) and first[0][0].startswith(LOG_MARKER):
            found.log_sheet, found.log_part = info.name, info.part
            found.log_rows = _rows(book.grid(info), _LOG_KEYS, "key")
            break
    return found


_NUMBER = re.compile(rb"<(?:\w+:)?v>\s*-?[\d.]+(?:[eE][-+]?\d+)?\s*</(?:\w+:)?v>")


def date_column_styles(pkg: Package, part: str, cols: set[int]) -> dict[int, Counter]:
    """For each column in `cols`: how often each style is used by its cells holding a number (a
    date column's dates), so a date written there looks like the others."""
    from .sheetedit import CellScanner  # the same row and cell finder the writer uses
    seen: dict[int, Counter] = {c: Counter() for c in cols}
    scan = None
    style = re.compile(rb"""\ss\s*=\s*["'](\d+)["']""")
    for kind, data in iter_sheet(pkg, part):
        if kind == "open":
            scan = CellScanner(sheet_data_prefix(data))
        elif kind == "rows" and scan is not None:
            for _, _, tag_end, end in scan.rows(data, 0, len(data)):
                content = data[tag_end:end]
                for col, c_start, c_end in scan.cells(content):
                    if col in cols and _NUMBER.search(content, c_start, c_end):
                        tag = content[c_start:content.find(b">", c_start)]
                        if not re.search(rb"""\st\s*=\s*["'](?!n["'])""", tag):   # a number, not text
                            m = style.search(tag)
                            seen[col][int(m.group(1)) if m else 0] += 1
    return seen


def log_rows_xml(entries: list[dict[str, Any]], first_row: int, bold: int, date_style: int,
                 date1904: bool) -> list[bytes]:
    """The log's rows from `first_row` on: When as a date, the rest as text."""
    epoch = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
    out = []
    for r, e in enumerate(entries, first_row):
        cells = []
        if isinstance(e.get("when"), dt.date):
            cells.append(number_cell("", f"A{r}", date_style, (e["when"] - epoch).days))
        for i, k in enumerate(("company", "position", "contact", "happened", "changed", "tracker_row", "key"), 2):
            if e.get(k):
                cells.append(text_cell("", f"{column_letters(i)}{r}", None, str(e[k])))
        out.append(f'<row r="{r}">{"".join(cells)}</row>'.encode())
    return out


def new_log_pieces(entries: list[dict[str, Any]], bold: int, date_style: int, date1904: bool) -> Iterator[bytes]:
    width = len(LOG_HEADERS)
    last = 2 + max(len(entries), 0)
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>' for i, w in enumerate(LOG_WIDTHS))
    yield (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f'<dimension ref="A1:{column_letters(width)}{last}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft"'
        ' state="frozen"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f'<cols>{cols}</cols><sheetData>'
        f'<row r="1">{text_cell("", "A1", bold, LOG_TITLE)}</row>'
        '<row r="2">' + "".join(text_cell("", f"{column_letters(i + 1)}2", bold, h)
                                for i, h in enumerate(LOG_HEADERS)) + "</row>").encode()
    yield from log_rows_xml(entries, 3, bold, date_style, date1904)
    yield (b'</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
           b'</worksheet>')


_ROW_NUMBER = re.compile(rb"""<(?:\w+:)?row\b[^>]*?\sr\s*=\s*["'](\d+)["']""")


def appended_log_pieces(pkg: Package, part: str, entries: list[dict[str, Any]], bold: int, date_style: int,
                        known_last: int = 2) -> Iterator[bytes]:
    """The existing log part with `entries` added as rows after its last row; every other byte
    as it was but the dimension, grown to the rows after its last value (`known_last`)."""
    last = 2
    head = b""
    prefix = ""
    for kind, data in iter_sheet(pkg, part):
        if kind == "head":
            head = data
        elif kind == "open":
            prefix = sheet_data_prefix(data).decode()
            yield _grown_dimension(head, known_last + len(entries))
            yield data
        elif kind == "rows":
            numbers = _ROW_NUMBER.findall(data)
            if numbers:
                last = max(last, int(numbers[-1]))
            yield data
        else:
            if entries:
                rows = log_rows_xml(entries, last + 1, bold, date_style, pkg.date1904)
                if prefix:
                    tag = prefix.encode()
                    retag = b"<\\g<1>" + tag + b"\\g<2>"   # an XML prefix holds no backslash
                    rows = [re.sub(rb"<(/?)(row|c|is|t|v)\b", retag, r) for r in rows]
                yield b"".join(rows)
                entries = []
            yield data


_DIMENSION = re.compile(rb"""(<(?:\w+:)?dimension\s+ref\s*=\s*["'])([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?(["'])""")


def _grown_dimension(head: bytes, last_row: int) -> bytes:
    """The head with its dimension reaching row `last_row` and the log's last column."""
    m = _DIMENSION.search(head)
    if not m:
        return head
    right = (m.group(4) or m.group(2)).decode()
    if column_number(right) < len(LOG_HEADERS):
        right = column_letters(len(LOG_HEADERS))
    bottom = max(int(m.group(5) or m.group(3)), last_row)
    ref = m.group(2) + m.group(3) + f":{right}{bottom}".encode()
    return head[:m.start()] + m.group(1) + ref + m.group(6) + head[m.end():]


def mark_cells(pkg: Package, part: str, values: dict[int, dict[int, Any]], date_xf: int) -> dict[int, dict[int, tuple]]:
    """Marks' values as the cells sheetedit writes: (kind, value, style when the cell has none,
    the styles a date may keep). A date is a serial day number styled like the column's dates."""
    date_cols = {c for cells in values.values() for c, v in cells.items() if isinstance(v, dt.date)}
    seen = date_column_styles(pkg, part, date_cols) if date_cols else {}
    epoch = dt.date(1904, 1, 1) if pkg.date1904 else dt.date(1899, 12, 30)
    out: dict[int, dict[int, tuple]] = {}
    for row, cells in values.items():
        for col, v in cells.items():
            cell: tuple[str, Any, int | None, frozenset[int] | None]
            if isinstance(v, dt.date):
                styles = seen.get(col) or Counter()
                usual = styles.most_common(1)[0][0] if styles else date_xf
                cell = ("n", (v - epoch).days, usual, frozenset(styles) or frozenset({date_xf}))
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                cell = ("n", int(v) if float(v).is_integer() else v, None, None)
            elif v is None or v == "":
                cell = ("", None, None, None)
            else:
                cell = ("s", str(v), None, None)
            out.setdefault(row, {})[col] = cell
    return out


def log_sheet(pkg: Package, sheets: MarksSheets | None, entries: list[dict[str, Any]], style: Any,
              edited: dict[str, bytes], reserved: frozenset[str]):
    """(part, name, pieces maker, parts changed to add it): the log with `entries` appended, or new."""
    import functools

    from .todaysheet import add_sheet
    if sheets is not None and sheets.log_part:
        known = max([2, *(r["_row"] for r in sheets.log_rows)])
        pieces = functools.partial(appended_log_pieces, pkg, sheets.log_part, entries, style.bold, style.date, known)
        return sheets.log_part, sheets.log_sheet or LOG_SHEET_NAME, pieces, {}
    taken = {s.name.lower() for s in pkg.sheets}
    name, n = LOG_SHEET_NAME, 2
    while name.lower() in taken:
        name, n = f"{LOG_SHEET_NAME} {n}", n + 1
    part, extra = add_sheet(pkg, name, edited, reserved)
    return part, name, functools.partial(new_log_pieces, entries, style.bold, style.date, pkg.date1904), extra
