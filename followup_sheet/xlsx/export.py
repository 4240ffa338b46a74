"""The .xlsx export of today's calls: a small workbook of its own, built with openpyxl and sealed
with the fingerprint of its sheet, so a later export knows the file as its own and unchanged.

Input: column headers and rows of plain values. Output: the file's bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from .cells import clean_text
from .refs import column_letters

# In the export's properties, followed by the fingerprint of its sheet (see `sealed`).
EXPORT_MARKER = "followup-sheet export: calls due today"
EXPORT_SHEET = "xl/worksheets/sheet1.xml"
_SEAL = re.compile(re.escape(EXPORT_MARKER).encode() + rb" ([0-9a-f]{64})")


def today_workbook(headers: list[str], rows: list[list[Any]], kinds: list[str], widths: list[float]) -> bytes:
    """A sheet 'Today' of `rows` under bold `headers`, sealed (see `sealed`)."""
    return sealed(table_workbook("Today", headers, rows, kinds, widths, description=f"{EXPORT_MARKER} {'0' * 64}"))


def table_workbook(title: str, headers: list[str], rows: list[list[Any]], kinds: list[str], widths: list[float],
                   description: str | None = None) -> bytes:
    """A workbook of one sheet `title`: `rows` under bold `headers`; text is always text (never a
    formula). Each column's kind ('date' gets a date format, 'wrap' wrapped text) and width as given."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.properties.creator = "followup-sheet"
    if description is not None:
        wb.properties.description = description
    ws = wb.active
    ws.title = title
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for rec in rows:
        ws.append([clean_text(v) if isinstance(v, str) else v for v in rec])
        for cell, kind in zip(ws[ws.max_row], kinds):
            if isinstance(cell.value, str):
                cell.data_type = TYPE_STRING   # never a formula or an error code
            if kind == "date":
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = Alignment(wrap_text=kind == "wrap", vertical="top")
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[column_letters(i)].width = width
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def sealed(data: bytes) -> bytes:
    """The export with its sheet's fingerprint put after the marker in its properties."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        digest = hashlib.sha256(src.read(EXPORT_SHEET)).hexdigest()
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = body.replace(f"{EXPORT_MARKER} {'0' * 64}".encode(), f"{EXPORT_MARKER} {digest}".encode())
            dst.writestr(info, body)
    return out.getvalue()


def is_sealed_export(path: Path) -> bool:
    """Whether the .xlsx file `path` carries the export marker with the fingerprint of its sheet
    as it is now (Excel keeps the marker when the user edits and saves; the fingerprint then
    no longer matches)."""
    try:
        if path.stat().st_size > 64 * 2**20:
            return False
        with zipfile.ZipFile(path) as zf:
            core, sheet = zf.getinfo("docProps/core.xml"), zf.getinfo(EXPORT_SHEET)
            if core.file_size > 2**16 or sheet.file_size > 256 * 2**20:
                return False
            m = _SEAL.search(zf.read(core))
            return m is not None and m.group(1).decode() == hashlib.sha256(zf.read(sheet)).hexdigest()
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError):
        return False
