"""Plan side of the format boundary: read trackers and the plan's values -> `Edits`, what a refresh
changes in the workbook, as data: per tracker sheet the cells (old and new, the headers of added
columns among them), and the Today and Follow-up Log sheets. `--dry-run` prints the Edits;
`write.write_back` applies exactly them (sqlite-utils' `transform_sql()` and `transform()`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import pandas as pd

from .. import columns
from ..businessdays import holiday_dates, years_in_play
from ..dates import text_date_format
from ..hanzi import in_form
from ..settings import Settings
from .cells import clean_text
from .live import MOVING, StatusFormulas, live_columns
from .marksheets import log_sheet, mark_cells
from .package import Package, rels_part_for
from .placement import ToolColumns, is_empty_cell
from .refs import column_letters, column_number
from .sheetedit import CellStyles, column_looks, extend_table, grow_table_rows
from .sheetxml import TableInfo
from .styles import Styles, TodayStyles, find_styles_part, highest_style_in_use
from .todaysheet import (
    external_links,
    has_right_to_left,
    today_sheet_part,
    today_sheet_pieces,
    today_sheet_rels,
)
from .zipout import digest_of_part

if TYPE_CHECKING:
    from ..read import Tracker


class CellEdit(NamedTuple):
    """One cell a refresh changes, as a reader of the sheet sees it before and after (a plain
    tuple: a first refresh of 10,000 rows makes 30,000 of them)."""
    sheet: str
    ref: str          # e.g. "C5"
    old: Any          # '' for an empty cell; dates as dt.date
    new: Any          # '' when the cell is emptied; dates as dt.date
    kind: str         # "header", a tool column's kind (status, date, script, text, number), or "mark"


class FormatEdit(NamedTuple):
    """A change of how one of the tool's columns looks, its cells aside: its width set, or the
    column shown again."""
    sheet: str
    column: str       # e.g. "F"
    what: str         # "width 14" or "shown"


@dataclass(frozen=True)
class MarkEdit:
    """A mark's change of one of the user's cells: the tracker row, the field, the new value
    (a date, a number, text, None to empty it) and the header of the column to add when the
    sheet has none for the field."""
    row: int
    field: str
    value: Any
    header: str


@dataclass
class SheetResults:
    """What the plan says for one tracker sheet: the values of the tool's columns by
    columns.TRACKER_COLUMNS field (per application row), the plan's LIVE_COLUMNS for the status
    formulas (None: plain statuses), and the marks' changes of the user's cells."""
    tracker: Tracker
    values: dict[str, pd.Series]
    timing: pd.DataFrame | None = None
    marks: list[MarkEdit] = field(default_factory=list)
    new_rows: tuple[int, ...] = ()     # application rows added below the last one (inbox --add-missing)


@dataclass
class SheetEdits:
    """The edits of one tracker sheet. `rows` holds what the tool's columns show in each row the
    plan covers (columns.TRACKER_COLUMNS order, dates as dt.date, then the status formula or
    None); the writer writes them in the rows it owns and empties its columns in the others."""
    sheet: str
    part: str
    header_row: int
    placed: ToolColumns                    # where the tool's columns go
    rows: dict[int, tuple]
    marks: dict[int, dict[int, Any]]       # the user's cells the marks change: row -> column -> value
    added_headers: dict[int, str]          # columns the marks add: column -> header
    table: TableInfo | None
    header_style_column: int               # the user's last header cell, whose style the new headers take
    grid: list[list[Any]] = field(repr=False, compare=False)     # the sheet's cells as read: the old values
    styles: CellStyles = field(repr=False, compare=False)
    mark_cells: dict[int, dict[int, tuple]] = field(default_factory=dict, repr=False, compare=False)
    # the tool's columns whose look the write changes, (column, what), worked out when asked
    looks: Callable[[], list[tuple[int, str]]] = field(default=list, repr=False, compare=False)

    @functools.cached_property
    def formats(self) -> list[FormatEdit]:
        """The tool's columns whose width is set or that are shown again (their cells aside)."""
        return [FormatEdit(self.sheet, column_letters(c), what) for c, what in self.looks()]

    @functools.cached_property
    def cells(self) -> list[CellEdit]:
        """The cells whose value changes, in reading order: the rows above against the cells as
        read (worked out when asked: the write takes `rows` and `marks`, a dry run the cells)."""
        cells = _tool_cells(self.sheet, self.header_row, self.grid, self.placed, self.rows)
        by_marks = _mark_edits(self.sheet, self.header_row, self.grid, self.marks, self.added_headers)
        return sorted(cells + by_marks, key=lambda c: _ref_key(c.ref)) if by_marks else cells

    @property
    def clear_rows(self) -> range:
        """The rows whose cells in the tool's columns are the tool's to rewrite."""
        return range(self.header_row + 1, self.placed.clear_end + 1)


@dataclass
class ToolSheetEdits:
    """The Today sheet or the Follow-up Log: its name, whether it is added, how many rows it
    holds (the log: gains), and whether the workbook's copy differs from what it will hold."""
    name: str
    part: str
    added: bool
    rows: int
    # whether it differs, worked out when asked: a refresh that writes streams the sheet as it is
    # made (and compares it there), so only a dry run makes it beforehand
    compare: Callable[[], bool] = field(repr=False, compare=False, default=lambda: True)

    @functools.cached_property
    def differs(self) -> bool:
        return self.compare()


@dataclass
class Edits:
    """Everything a refresh changes in one workbook."""
    path: Any                              # the workbook's path
    sheets: list[SheetEdits]
    today: ToolSheetEdits
    log: ToolSheetEdits | None = None
    lost: list[str] = field(default_factory=list)      # marks with no column left to hold them
    # what the writer takes as made here: the package, the other parts that change (styles,
    # tables, the workbook's list of sheets, ...) and the two tool sheets' contents
    package: Package = field(repr=False, compare=False, default=None)   # type: ignore[assignment]
    parts: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)
    streams: dict[str, Callable[[], Iterable[bytes]]] = field(default_factory=dict, repr=False, compare=False)
    parts_differ: bool = False

    @property
    def cells(self) -> list[CellEdit]:
        return [c for s in self.sheets for c in s.cells]

    @property
    def formats(self) -> list[FormatEdit]:
        return [f for s in self.sheets for f in s.formats]

    @property
    def changed(self) -> bool:
        """Whether the refresh changes anything the workbook shows, a column's width or its being
        hidden included (the cells worked out if need be)."""
        return self.today.differs or (self.log is not None and self.log.differs) or self.parts_differ \
            or any(s.cells or s.formats for s in self.sheets)

    def describe(self) -> list[str]:
        """The Edits as lines for a reader: each changed cell, old → new (a script as a word diff
        of its whole text), then the Today sheet and the log."""
        lines: list[str] = []
        several = len({s.sheet for s in self.sheets}) > 1
        for s in self.sheets:
            if several and (s.cells or s.formats):
                lines.append(f"Sheet {s.sheet!r}:")
            lines.extend(f"  column {f.column}: {f.what}" for f in s.formats)
            for c in s.cells:
                if c.kind == "script" and isinstance(c.old, str) and isinstance(c.new, str):
                    lines.append(f"  {c.ref}: {word_diff(c.old, c.new)}")   # a new script: all {+...+}
                else:
                    lines.append(f"  {c.ref}: {_shown(c.old)} → {_shown(c.new)}")
        t = self.today
        if t.differs:
            lines.append(f"Today sheet {t.name!r}: {'added' if t.added else 'rebuilt'} with {t.rows} call(s)")
        if self.log is not None and self.log.differs:
            lines.append(f"Follow-up Log {self.log.name!r}: {'added, ' if self.log.added else ''}"
                         f"{self.log.rows} entr{'y' if self.log.rows == 1 else 'ies'} appended")
        return lines


def _shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


_WORD = re.compile(r"\S+|\s+")


def word_diff(old: str, new: str) -> str:
    """The whole of `new`, with the words taken out of `old` as [-words-] and the words put in as
    {+words+} (the marks of `git diff --word-diff`); changed words only spaces apart are one change."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    import difflib  # (only a dry run shows word differences)

    pieces: list[tuple[str, str, str]] = []    # (kept, taken out, put in): kept text, or a change
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("".join(a[i1:i2]), "", ""))
        else:
            pieces.append(("", "".join(a[i1:i2]), "".join(b[j1:j2])))
    merged: list[tuple[str, str, str]] = []
    for i, piece in enumerate(pieces):
        between = piece[0] and not piece[0].strip() and 0 < i < len(pieces) - 1
        if between and merged and not merged[-1][0] and not pieces[i + 1][0]:
            merged[-1] = ("", merged[-1][1] + piece[0], merged[-1][2] + piece[0])   # a space inside one change
        elif not piece[0] and merged and not merged[-1][0]:
            merged[-1] = ("", merged[-1][1] + piece[1], merged[-1][2] + piece[2])
        else:
            merged.append(piece)
    return "".join(kept or (f"[-{out}-]" if out else "") + (f"{{+{put}+}}" if put else "")
                   for kept, out, put in merged)


def tool_columns(tracker: Tracker) -> ToolColumns:
    """Where the tool's columns go in a read tracker sheet (found by their headers, else the first
    free columns right of the table; see placement.place_tool_columns)."""
    rows = _padded(tracker.layout.grid())
    return tracker.layout.tool_columns(rows, tracker.header_row - 1, tracker.last_row, tracker.tool_headers,
                                       table_end=max(c.index for c in tracker.columns.values()) - 1,
                                       where=f"{tracker.path}, sheet {tracker.sheet!r}")


def _padded(rows: list[list[Any]]) -> list[list[Any]]:
    width = max((len(r) for r in rows), default=0)
    if all(len(r) == width for r in rows):
        return rows
    return [r + [""] * (width - len(r)) for r in rows]


def plan_edits(sheets: list[SheetResults], today_rows: pd.DataFrame, today: dt.date, settings: Settings, *,
               contacts: tuple[int, int] | None = None, log_entries: list[dict] | None = None) -> Edits:
    """What a refresh changes in the workbook the `sheets` were read from: the tool's columns
    placed, each cell's old and new value, the styles the writer will use, the Today sheet (made
    and compared with the workbook's when asked), the log's new rows. Nothing is written."""
    first = sheets[0].tracker
    pkg: Package = first.package
    styles_part = find_styles_part(pkg)
    styles = Styles(pkg.read(styles_part), f"{pkg.path}: {styles_part}", settings,
                    highest_style=lambda past: highest_style_in_use(pkg, past))
    formulas = (StatusFormulas(today, settings.soon_window,
                               holiday_dates(settings.country, settings.holidays, years_in_play(today)), pkg.date1904)
                if settings.live else None)
    parts: dict[str, bytes] = {}
    streams: dict[str, Callable[[], Iterable[bytes]]] = {}
    lost: list[str] = []
    planned = []
    for results in sheets:
        sheet = _plan_sheet(pkg, results, styles, settings.live, formulas, lost)
        planned.append(sheet)
        if sheet.table is not None:
            where = f"{pkg.path}: {sheet.table.part}"
            table_xml = extend_table(pkg.read(sheet.table.part), sheet.table, sheet.placed.columns, where)
            added_rows = [r for r in results.new_rows if r > sheet.table.ref[2]]
            if added_rows and sheet.table.ref[2] + len(added_rows) == max(added_rows):   # right below it
                grown = grow_table_rows(table_xml or pkg.read(sheet.table.part), sheet.table, max(added_rows), where)
                table_xml = grown or table_xml
            if table_xml is not None:
                parts[sheet.table.part] = table_xml
    today_part, today_name, extra = today_sheet_part(pkg, first.tool_sheets)
    parts.update(extra)
    today_styles = TodayStyles(styles, rtl=has_right_to_left(today_rows))
    rels_part = rels_part_for(today_part)
    links = external_links(today_rows)
    rels = today_sheet_rels(links, pkg.has(rels_part))
    if rels is not None:
        parts[rels_part] = rels

    form = settings.chinese if settings.language == "zh" else ""

    def make_today() -> Iterable[bytes]:
        pieces = today_sheet_pieces(today_rows, links, today, today_styles, pkg.date1904, contacts,
                                    live=settings.live, language=settings.language or "en")
        if form in ("", "simplified"):
            return pieces
        # a tracker kept in traditional characters: its Today sheet in them too (each piece is whole text)
        return (in_form(piece.decode("utf-8"), form).encode("utf-8") for piece in pieces)

    streams[today_part] = make_today
    added = not pkg.has(today_part)
    today_edits = ToolSheetEdits(today_name, today_part, added, len(today_rows),
                                 compare=lambda: added or _digest(make_today()) != digest_of_part(pkg, today_part))
    log_edits = None
    if log_entries:
        log_part, log_name, log_pieces, extra = log_sheet(pkg, first.marks_sheets, log_entries, today_styles, parts,
                                                          frozenset({today_part}))
        parts.update(extra)
        streams[log_part] = log_pieces
        log_edits = ToolSheetEdits(log_name, log_part, not pkg.has(log_part), len(log_entries))
    styles_xml = styles.serialize()   # after every style above was asked for
    if styles_xml is not None:
        parts[styles_part] = styles_xml
    parts_differ = any(not pkg.has(name) or data != pkg.read(name) for name, data in parts.items())
    return Edits(path=pkg.path, sheets=planned, today=today_edits, log=log_edits, lost=lost, package=pkg,
                 parts=parts, streams=streams, parts_differ=parts_differ)


def _digest(pieces: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for piece in pieces:
        digest.update(piece)
    return digest.hexdigest()


def _plan_sheet(pkg: Package, results: SheetResults, styles: Styles, live: bool, formulas: StatusFormulas | None,
                lost: list[str]) -> SheetEdits:
    t = results.tracker
    grid = _padded(t.layout.grid())
    placed = tool_columns(t)
    status = results.values["status"]
    index = status.index
    marks, added = _mark_values(t, grid, placed, results.marks, lost)
    mark_xml = mark_cells(pkg, t.part, marks, styles.date_xf()) if marks else {}
    style = CellStyles(styles, status, live=live)
    shown = [_column_values(results.values[c.field].reindex(index), c.kind) for c in columns.TRACKER_COLUMNS]
    due_letter = column_letters(placed.columns[_date_at()])
    formula = _formulas(status, results.timing, formulas, due_letter)
    rows = dict(zip(index.tolist(), zip(*shown, formula)))
    return SheetEdits(sheet=t.sheet, part=t.part, header_row=t.header_row, placed=placed, rows=rows, marks=marks,
                      added_headers=added, table=t.table, header_style_column=max(c.index for c in t.columns.values()),
                      grid=grid, styles=style, mark_cells=mark_xml,
                      looks=lambda: column_looks(pkg, t.part, placed, f"{pkg.path}: {t.part}"))


def _date_at() -> int:
    """The position of the date column among the tool's columns (the status formulas read it)."""
    return next(i for i, c in enumerate(columns.TRACKER_COLUMNS) if c.kind == "date")


def _column_values(values: pd.Series, kind: str) -> list:
    """A tool column's values as its cells will show them: dates as dt.date, text cleaned as
    stored, None where the cell stays empty."""
    if kind == "date":
        return values.to_numpy(dtype="datetime64[D]").astype(object).tolist()   # NaT -> None
    out = values.to_numpy(dtype=object).tolist()
    if kind == "status":
        return out
    if kind in ("script", "text"):
        return [clean_text(v) if _shows(v) else None for v in out]
    return [float(v) if _shows(v) else None for v in out]


def _shows(value: Any) -> bool:
    """Whether a plan value is worth a cell: not missing, not empty text."""
    return value is not None and value == value and value != ""


def _formulas(status: pd.Series, timing: pd.DataFrame | None, formulas: StatusFormulas | None,
              due_column: str) -> list:
    """The status formula of each row whose status moves by date alone (None for the rest)."""
    if formulas is None or timing is None:
        return [None] * len(status)
    cold = live_columns(timing.reindex(status.index))
    return [formulas.formula(f"{due_column}{row}", cold_from=cold[row][0], cold_pinned=cold[row][1],
                             cold_at_due=cold[row][2]) if value in MOVING else None
            for row, value in zip(status.index, status.to_numpy())]


def seen(value: Any) -> Any:
    """A cell's value as the edits compare it: '' for an empty cell, a date without a time as a date."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _tool_cells(sheet: str, header_row: int, grid: list[list[Any]], placed: ToolColumns,
                rows: dict[int, tuple]) -> list[CellEdit]:
    """The tool's cells whose value changes: its headers, then each row it owns."""
    out = []
    order = sorted(range(len(placed.columns)), key=lambda i: placed.columns[i])   # left to right
    in_order = order == list(range(len(order)))
    kinds = [columns.TRACKER_COLUMNS[i].kind for i in order]
    header = grid[header_row - 1] if header_row <= len(grid) else []
    names = columns.output_headers()
    for i in order:
        col = placed.columns[i]
        old = seen(header[col - 1]) if col <= len(header) else ""
        if old != names[i]:
            out.append(CellEdit(sheet, f"{column_letters(col)}{header_row}", old, names[i], "header"))
    letters = [column_letters(placed.columns[i]) for i in order]
    blank = ("",) * len(letters)
    old_rows = placed.old_values
    for row in sorted(set(rows) | set(old_rows)):
        before = old_rows.get(row, blank)
        if not in_order:
            before = tuple(before[i] for i in order)
        values = rows.get(row)
        after = tuple("" if values[i] is None else values[i] for i in order) if values is not None else blank
        if before == after:   # the usual row on a later day: nothing to look at cell by cell
            continue
        for letter, kind, old, new in zip(letters, kinds, before, after):
            old = seen(old)
            if old != new:
                out.append(CellEdit(sheet, f"{letter}{row}", old, new, kind))
    return out


def _mark_values(t: Tracker, grid: list[list[Any]], placed: ToolColumns, marks: list[MarkEdit],
                 lost: list[str]) -> tuple[dict[int, dict[int, Any]], dict[int, str]]:
    """The user's cells the marks change (row -> column -> value) and the columns to add for the
    fields the sheet lacks (column -> header); a change with no free column left goes to `lost`.
    A date goes as text in the column's own format when the column holds its dates as text."""
    values: dict[int, dict[int, Any]] = {}
    added: dict[int, str] = {}
    where: dict[str, int] = {f: c.index for f, c in t.columns.items()}
    spare = list(placed.spare)
    text_formats: dict[str, str | None] = {}
    for m in marks:
        if m.field not in where:
            if not spare:
                lost.append(f"{t.sheet!r} row {m.row}: no free column for {m.header!r}")
                continue
            where[m.field] = spare.pop(0)
            added[where[m.field]] = m.header
        value = m.value
        if isinstance(value, dt.date) and m.field in t.columns and m.field in t.frame.columns:
            if m.field not in text_formats:   # read from the rows no mark changed (the frame has the marks)
                col = where[m.field] - 1
                marked = {other.row for other in marks if other.field == m.field}
                index = t.frame.index[~t.frame.index.isin(list(marked))]
                typed = pd.Series([grid[r - 1][col] if r <= len(grid) else "" for r in index], index=index,
                                  dtype=object)
                text_formats[m.field] = text_date_format(typed, t.frame.loc[index, m.field])
            fmt = text_formats[m.field]
            if fmt:
                value = value.strftime(fmt)
        values.setdefault(m.row, {})[where[m.field]] = value
    return values, added


def _mark_edits(sheet: str, header_row: int, grid: list[list[Any]], marks: dict[int, dict[int, Any]],
                added: dict[int, str]) -> list[CellEdit]:
    """The user's cells the marks change, and the headers of the columns they add."""
    out = [CellEdit(sheet, f"{column_letters(c)}{header_row}", "", h, "header") for c, h in added.items()]
    for row, cells in marks.items():
        for col, value in cells.items():
            old = seen(grid[row - 1][col - 1]) if row <= len(grid) and col <= len(grid[row - 1]) else ""
            new = "" if value is None or is_empty_cell(value) else value
            if isinstance(new, dt.datetime):
                new = seen(new)
            if old != new:
                out.append(CellEdit(sheet, f"{column_letters(col)}{row}", old, new, "mark"))
    return out


def _ref_key(ref: str) -> tuple[int, int]:
    """A cell reference's place in reading order: row, then column."""
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters):]), column_number(letters)
