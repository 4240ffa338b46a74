"""The sample tracker's workbook, built with openpyxl and saved without the clock.

Input: the columns (header, width, number format), the rows of values, the drop-down lists
and their ranges. Output: a reproducible .xlsx file: the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

HEADER_FILL_COLOR = "DDEBF7"


def write_sample_workbook(target, *, columns: tuple[tuple[str, int, str | None], ...], rows: list[list[Any]],
                          sheet: str, lists_sheet: str, lists_header: str, lists: tuple[str, ...],
                          validations: list[tuple[str, str]], title: str, timestamp: dt.datetime) -> None:
    """Write the workbook to `target` (a path or a binary file object).

    `columns` are (header, width, number format of the data cells); `rows` the values under the
    header (a text starting with '=' is a formula); `lists` the entries of the lists sheet under
    `lists_header`; `validations` (formula, range) pairs of drop-downs on the main sheet, a
    formula of "LISTS" meaning the lists sheet's entries."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    fill, bold = PatternFill("solid", fgColor=HEADER_FILL_COLOR), Font(bold=True)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([header for header, _, _ in columns])
    for values in rows:
        ws.append(values)
    last_row = ws.max_row
    for index, (_, width, number_format) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
        if number_format:
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
    for cell in ws[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for text_cells in ws.iter_rows(min_row=2, min_col=1, max_col=len(columns)):
        for cell in text_cells:
            cell.alignment = Alignment(vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last_row}"
    lists_range = f"{lists_sheet}!$A$2:$A${len(lists) + 1}"
    for formula, where in validations:
        dv = DataValidation(type="list", formula1=lists_range if formula == "LISTS" else formula, allow_blank=True)
        dv.add(where)
        ws.add_data_validation(dv)

    other = wb.create_sheet(lists_sheet)
    other.append([lists_header])
    for entry in lists:
        other.append([entry])
    other["A1"].font = bold
    other["A1"].fill = fill
    other.column_dimensions["A"].width = 16

    wb.properties.creator = "followup-sheet"
    wb.properties.title = title
    wb.properties.created = timestamp
    wb.properties.modified = timestamp
    _save_reproducibly(wb, target, timestamp)


def _save_reproducibly(wb, target, timestamp: dt.datetime) -> None:
    """Save without the clock: fixed document properties and zip entry times, so regenerating
    an unchanged sample gives the same bytes (openpyxl's own `save` stamps the current time)."""
    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    stamp = timestamp.timetuple()[:6]
    target = target if hasattr(target, "write") else Path(target)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for member in source.infolist():
            entry = zipfile.ZipInfo(member.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, source.read(member))
