"""The .xlsx exports (today's calls, the work-search log): a small workbook of their own, written
part by part, the today list sealed with the fingerprint of its sheet, so a later export knows
the file as its own and unchanged.

Input: column headers and rows of plain values (text, numbers, dates). Output: the file's bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as escape_attr_text

from .cells import number_cell, text_cell
from .package import CT_NS, MAIN_NS, PKG_REL_NS, REL_NS
from .refs import column_letters
from .zipout import new_info

# In the export's properties, followed by the fingerprint of its sheet (see `sealed`).
EXPORT_MARKER = "followup-sheet export: calls due today"
EXPORT_SHEET = "xl/worksheets/sheet1.xml"
_SEAL = re.compile(re.escape(EXPORT_MARKER).encode() + rb" ([0-9a-f]{64})")

def today_workbook(headers: list[str], rows: list[list[Any]], kinds: list[str], widths: list[float],
                   title: str = "Today") -> bytes:
    """A sheet `title` ('Today' in the user's language) of `rows` under bold `headers`, sealed
    (see `is_sealed_export`)."""
    return table_workbook(title[:31], headers, rows, kinds, widths, seal=True)


def table_workbook(title: str, headers: list[str], rows: list[list[Any]], kinds: list[str], widths: list[float],
                   seal: bool = False) -> bytes:
    """A workbook of one sheet `title`: `rows` under bold `headers`, the header row frozen; text is
    always text (never a formula). Each column's kind ('date' gets a date format, 'wrap' wrapped
    text) and width as given. With `seal`, the properties carry the export marker and the
    fingerprint of the sheet.

    The parts are written here rather than by openpyxl: its normal mode looked up `ws.max_row`
    after each appended row (20,000 calls: over 120 s), and its write-only mode still took 8 s,
    half of it hashing each cell's style. Here each row is one string (20,000 calls: about 1 s)."""
    sheet = "".join(_sheet_xml(title, headers, rows, kinds, widths)).encode("utf-8")
    description = f"{EXPORT_MARKER} {hashlib.sha256(sheet).hexdigest()}" if seal else None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, part in _package_parts(title, description):
            zf.writestr(new_info(name), part.encode("utf-8"))
        info = new_info(EXPORT_SHEET)
        zf.writestr(info, sheet, compresslevel=6 if len(sheet) < 2**22 else 1)
    return out.getvalue()


# Cell styles (the cellXfs of `_STYLES_XML`): the header, plain text, wrapped text, a date.
_HEADER, _TEXT, _WRAP, _DATE = 1, 2, 3, 4
_EPOCH = dt.datetime(1899, 12, 30)


def _sheet_xml(title: str, headers: list[str], rows: list[list[Any]], kinds: list[str],
               widths: list[float]) -> Iterator[str]:
    letters = [column_letters(i) for i in range(1, max(len(headers), 1) + 1)]
    yield (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN_NS}" '
           f'xmlns:r="{REL_NS}"><dimension ref="A1:{letters[-1]}{len(rows) + 1}"/>'
           '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
           'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
           '<sheetFormatPr defaultRowHeight="15"/><cols>')
    yield "".join(f'<col min="{i}" max="{i}" width="{width:g}" customWidth="1"/>'
                  for i, width in enumerate(widths, start=1))
    yield '</cols><sheetData><row r="1">'
    yield "".join(text_cell("", f"{letter}1", _HEADER, str(text)) for letter, text in zip(letters, headers))
    yield "</row>"
    styles = [_WRAP if kind == "wrap" else _DATE if kind == "date" else _TEXT for kind in kinds]
    for n, rec in enumerate(rows, start=2):
        cells = [_cell(f"{letter}{n}", value, style) for letter, value, style in zip(letters, rec, styles)]
        yield f'<row r="{n}">{"".join(cells)}</row>'
    yield ('</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
           '</worksheet>')


def _cell(ref: str, value: Any, style: int) -> str:
    """One cell: text as an inline string, a date as its serial number, a number; nothing for a
    missing value."""
    if value is None:
        return ""
    if isinstance(value, str):
        return text_cell("", ref, style, value) if value else ""
    if isinstance(value, dt.datetime):   # (pandas' Timestamp is one)
        if value != value:                # NaT
            return ""
        serial = (value.replace(tzinfo=None) - _EPOCH) / dt.timedelta(days=1)
        return number_cell("", ref, _DATE, serial if serial % 1 else int(serial))   # type: ignore[arg-type]
    if isinstance(value, dt.date):
        return number_cell("", ref, _DATE, (value - _EPOCH.date()).days)
    if isinstance(value, bool):
        return f'<c r="{ref}" s="{style}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)) or hasattr(value, "item"):   # numpy numbers too
        number = value.item() if hasattr(value, "item") else value
        if isinstance(number, float) and not math.isfinite(number):
            return ""
        return number_cell("", ref, style if style != _DATE else _TEXT, number)
    return text_cell("", ref, style, str(value))


def _package_parts(title: str, description: str | None) -> list[tuple[str, str]]:
    """Every part but the sheet: content types, relationships, properties, workbook, styles."""
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    sheet_ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    types = (f'<Types xmlns="{CT_NS}">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             f'<Override PartName="/{EXPORT_SHEET}" ContentType="{sheet_ct}"/>'
             '<Override PartName="/xl/styles.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
             '<Override PartName="/docProps/core.xml" '
             'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
             '<Override PartName="/docProps/app.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    root_rels = (f'<Relationships xmlns="{PKG_REL_NS}">'
                 f'<Relationship Id="rId1" Type="{office}/officeDocument" Target="xl/workbook.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                 'metadata/core-properties" Target="docProps/core.xml"/>'
                 f'<Relationship Id="rId3" Type="{office}/extended-properties" Target="docProps/app.xml"/>'
                 '</Relationships>')
    core = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>followup-sheet</dc:creator>'
            + (f"<dc:description>{escape_attr_text(description)}</dc:description>" if description else "")
            + "</cp:coreProperties>")
    app = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           "<Application>followup-sheet</Application></Properties>")
    workbook = (f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><bookViews><workbookView/></bookViews>'
                f'<sheets><sheet name="{escape_attr_text(title, {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/>'
                "</sheets></workbook>")
    workbook_rels = (f'<Relationships xmlns="{PKG_REL_NS}">'
                     f'<Relationship Id="rId1" Type="{office}/worksheet" Target="worksheets/sheet1.xml"/>'
                     f'<Relationship Id="rId2" Type="{office}/styles" Target="styles.xml"/></Relationships>')
    return [("[Content_Types].xml", declaration + types), ("_rels/.rels", declaration + root_rels),
            ("docProps/core.xml", declaration + core), ("docProps/app.xml", declaration + app),
            ("xl/workbook.xml", declaration + workbook), ("xl/_rels/workbook.xml.rels", declaration + workbook_rels),
            ("xl/styles.xml", declaration + _STYLES_XML)]


_STYLES_XML = (
    f'<styleSheet xmlns="{MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">'
    '<alignment vertical="top"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


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
