"""Where the tool's three columns go in a tracker sheet: the columns found by their headers, else
the first free ones right of the table (free of values, formulas, comments, validations, merges
and named ranges), the rows whose cells in them are the tool's, what they hold now, and the free
columns beyond them. The sheet's grid and what the package says is in use in; a `ToolColumns` out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..columns import output_headers
from ..errors import UnsupportedContent
from ..status import Status
from .refs import column_letters

LAST_COLUMN = 16384   # XFD: a cell, column or dimension past it makes the file invalid


def is_empty_cell(value: Any) -> bool:
    """Whether a cell of a sheet's grid (`SheetLayout.grid()`) holds nothing: no value, or empty text."""
    return value is None or (isinstance(value, str) and value == "")


@dataclass(frozen=True)
class ToolColumns:
    """Where the tool's columns are in one sheet (columns 1-based, rows as the sheet numbers them)."""
    columns: tuple[int, ...]       # one per columns.TRACKER_COLUMNS
    existing: tuple[bool, ...]     # whether each was found by its header (else it is added)
    clear_end: int                 # the last row whose cells in those columns are ours to rewrite
    old_values: dict[int, tuple[Any, ...]] = field(default_factory=dict)   # what they hold now, by row
    spare: tuple[int, ...] = ()    # free visible columns right of them, for the columns marks add


def place_tool_columns(rows: list[list[Any]], header_index: int, last_row: int, existing: dict[str, int],
                       hidden: set[int], merges: list[tuple[int, int, int, int]], taken: set[int],
                       table_end: int, where: str) -> ToolColumns:
    """The tool's columns in a sheet whose grid is `rows` (padded to one width) with its header at
    0-based `header_index` and its last table row `last_row`: `existing` names the tool's headers
    already there (header -> 0-based column), `hidden`, `merges` and `taken` are the sheet's hidden
    columns, merged ranges and columns in use other than by values, `table_end` the last mapped
    0-based column. Raises UnsupportedContent, naming `where`, when no column is free."""
    h = header_index
    header = rows[h]
    width = max((len(r) for r in rows), default=0)
    out_cols, used_existing = _output_columns(rows, h, last_row, header, existing, hidden, merges, width, taken,
                                              table_end=table_end, where=where)
    clear_end = max(_our_rows_end(rows, h, last_row, out_cols[0]) if used_existing[0] else last_row, last_row)
    return ToolColumns(columns=out_cols, existing=used_existing, clear_end=clear_end,
                       old_values=_old_output(rows, h, clear_end, out_cols, used_existing),
                       spare=_spare_columns(rows, h, header, out_cols, hidden, merges, width, taken))


def _spare_columns(rows, h, header, out_cols, hidden, merges, width, taken, n: int = 6) -> tuple[int, ...]:
    """Up to `n` free visible columns (1-based) right of the headers and the tool's columns, free by
    the same test as the tool's columns (`_output_columns`), for the columns marks may add."""
    start = max([c for c, v in enumerate(header) if not is_empty_cell(v)] + [c - 1 for c in out_cols]) + 1
    found: list[int] = []
    for col in range(start, LAST_COLUMN):
        if len(found) == n:
            break
        if col + 1 in hidden or col + 1 in taken or col + 1 in out_cols:
            continue
        if any(c1 <= col <= c2 and r2 >= h for r1, c1, r2, c2 in merges):
            continue
        if col < width and not all(is_empty_cell(rows[r][col]) for r in range(h, len(rows))):
            continue
        found.append(col + 1)
    return tuple(found)


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
        return all(is_empty_cell(rows[r][col]) for r in below)

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
        first = column_letters(table_end + 2)
        merged = [f"{column_letters(c1 + 1)}{r1 + 1}:{column_letters(c2 + 1)}{r2 + 1}"
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


def _old_output(rows, h, end, out_cols, used_existing) -> dict[int, tuple[Any, ...]]:
    """The values now in the tool's existing columns, rows under the header to `end` (sheet rows)."""
    cols = [c - 1 if used else None for c, used in zip(out_cols, used_existing)]
    if not any(c is not None for c in cols):
        return {}
    old = {}
    for r in range(h + 1, min(end, len(rows))):
        row = rows[r]
        values = tuple("" if c is None or c >= len(row) or row[c] is None else row[c] for c in cols)
        if any(not is_empty_cell(v) for v in values):
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
        elif not is_empty_cell(value):
            break
    return end


