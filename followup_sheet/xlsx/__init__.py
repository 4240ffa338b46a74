"""The format boundary: everything that knows the insides of an .xlsx package (zip, XML, parts,
styles, calamine, openpyxl) lives in this sub-package; nothing outside it imports lxml, zipfile,
openpyxl or python-calamine (tests/test_architecture.py checks).

The read stage takes a plain `WorkbookLayout` from `open_workbook`; the write stage imports
`xlsx.write` when it runs. The rest of the read side is re-exported here too.
"""

from .cells import clean_text
from .layout import SheetLayout, WorkbookLayout, open_workbook
from .marksheets import MarksSheets
from .package import Package, SheetInfo, open_package
from .placement import ToolColumns, is_empty_cell
from .refs import column_letters, column_number, parse_ref
from .sheetxml import SheetScan, TableInfo, hidden_columns, occupied_columns, scan_sheet, sheet_tables
from .values import (
    TODAY_MARKER,
    TODAY_SHEET_NAMES,
    SheetValues,
    discard_preload,
    is_tool_sheet,
    open_values,
    preload,
)

__all__ = [
    "TODAY_MARKER", "TODAY_SHEET_NAMES", "Package", "SheetInfo", "SheetLayout", "SheetScan", "SheetValues",
    "MarksSheets", "TableInfo", "ToolColumns", "WorkbookLayout", "clean_text", "column_letters", "column_number",
    "discard_preload", "hidden_columns", "is_empty_cell", "is_tool_sheet", "occupied_columns", "open_package",
    "open_values", "open_workbook", "parse_ref", "preload", "scan_sheet", "sheet_tables",
]
