"""What the read stage gets from a workbook: each sheet as a plain layout (values from A1, hidden
columns, merges, tables' ranges, columns in use below a row) and the date system; no XML or zip.
`source` is the opaque handle the write side edits the package through.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .cellmarks import cell_marks
from .formats import column_format_orders
from .marksheets import MarksSheets, read_marks_sheets
from .package import Package, SheetInfo
from .placement import ToolColumns, place_tool_columns
from .sheetxml import (
    TableInfo,
    cell_notes,
    grey_tab,
    hidden_columns,
    occupied_columns,
    sheet_tables,
    unsaved_link_names,
)
from .values import SheetValues, open_values


class SheetLayout:
    """One sheet: its name, state and kind, and its contents asked for as needed (each is read
    once, when first asked for, so choosing a sheet reads only the first rows of the others)."""

    def __init__(self, book: WorkbookLayout, info: SheetInfo):
        self._book, self._info = book, info
        self.name = info.name
        self.state = info.state                # visible | hidden | veryHidden
        self.is_worksheet = info.is_worksheet  # False for chart and dialog sheets
        self.part = info.part                  # the write side's name for the sheet; opaque here
        self._grid: list[list[Any]] | None = None

    def grid(self, nrows: int | None = None) -> list[list[Any]]:
        """The values from A1, row by row (the first `nrows` rows, or all). The whole grid is
        kept once read, so the write side plans its edits from the cells the read stage saw."""
        if self._grid is not None:
            return self._grid if nrows is None else self._grid[:nrows]
        if nrows is not None:
            return self._book._values.grid(self._info, nrows=nrows)
        self._grid = self._book._values.grid(self._info)
        return self._grid

    def hidden_columns(self) -> set[int]:
        """1-based numbers of the hidden columns."""
        return hidden_columns(self._scan().skeleton)

    def grey_tab(self) -> bool:
        """Whether the sheet's tab is coloured grey (`sheetxml.grey_tab`)."""
        return grey_tab(self._scan().skeleton)

    def merges(self) -> list[tuple[int, int, int, int]]:
        """Merged ranges as 0-based (first row, first column, last row, last column)."""
        return self._book._values.merged(self._info)

    def date_formats(self, columns: set[int], from_row: int) -> dict[int, tuple[str, str]]:
        """1-based column -> ('dmy' or 'mdy', the number format) most of its cells below row
        `from_row` are formatted to show dates in (columns whose formats show no order left out)."""
        return column_format_orders(self._book.source, self._info.part, columns, from_row)

    def marks(self, struck_only: bool = False) -> dict[tuple[int, int], str]:
        """(1-based row, 1-based column) -> the cell's solid fill colour, ending ' struck' when its
        text is struck through (an opaque key to compare; `cellmarks.cell_marks`)."""
        return cell_marks(self._book.source, self._info.part, struck_only)

    def cell_notes(self) -> dict[tuple[int, int], str]:
        """(1-based row, 1-based column) -> the text of the note (comment) on that cell."""
        return cell_notes(self._book.source, self._info)

    def unsaved_link_names(self, columns: set[int]) -> dict[tuple[int, int], str]:
        """(1-based row, 1-based column) -> the name a HYPERLINK formula shows in one of the
        1-based `columns`, for the cells holding one whose result was never saved; none unless
        those columns hold formulas."""
        if not columns & set(self._scan().formulas):
            return {}
        return unsaved_link_names(self._book.source, self._info, columns)

    def tables(self) -> list[TableInfo]:
        """The sheet's Excel tables and their ranges."""
        return sheet_tables(self._book.source, self._info.part, self._scan().skeleton)

    def occupied_columns(self, from_row: int) -> set[int]:
        """1-based columns holding a formula, comment, validation, merge or named range at or
        below row `from_row` (values aside: they are in the grid)."""
        return occupied_columns(self._book.source, self._info, self._scan(), from_row=from_row)

    def tool_columns(self, rows: list[list[Any]], header_index: int, last_row: int, existing: dict[str, int],
                     table_end: int, where: str) -> ToolColumns:
        """Where the tool's columns go in this sheet, its grid `rows` read with the header at 0-based
        `header_index` (see `placement.place_tool_columns`)."""
        return place_tool_columns(rows, header_index, last_row, existing, self.hidden_columns(), self.merges(),
                                  self.occupied_columns(from_row=header_index + 1), table_end, where)

    def _scan(self):
        return self._book._values.scan(self._info)


class WorkbookLayout:
    """A workbook as the read stage sees it: its path, date system, active sheet and sheets."""

    def __init__(self, pkg: Package, values: SheetValues):
        self.source = pkg          # the opaque handle for the write side
        self._values = values
        self.path: Path = pkg.path
        self.date1904: bool = pkg.date1904
        self.active_sheet: int = pkg.active_sheet
        self.sheets = [SheetLayout(self, info) for info in pkg.sheets]

    def sheet(self, name: str) -> SheetLayout:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)

    def tool_sheets(self) -> frozenset[str]:
        """Today sheets this tool made (their first cell carries its marker)."""
        return self._values.tool_sheets()

    def marks_sheets(self, ours: frozenset[str]) -> MarksSheets:
        """The marks typed into our Today sheet and the Follow-up Log's entries, read by header."""
        return read_marks_sheets(self._values, ours)


def open_workbook(path: Path, data: bytes | None = None) -> WorkbookLayout:
    """Open `path` (or `data`, its bytes) for reading, from the preload if one was started."""
    pkg, values = open_values(Path(path), data)
    return WorkbookLayout(pkg, values)
