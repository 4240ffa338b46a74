"""The Today sheet: the worksheet part of today's calls, and the workbook, relationship and
content-type entries that add it to the package the first time.
"""

from __future__ import annotations

import datetime as dt
import itertools
import posixpath
from typing import Iterator

import pandas as pd
from lxml import etree

from .cells import number_cell, text_cell
from .live import formula_cell, stale_notice
from .package import (
    CT_NS,
    MAIN_NS,
    PKG_REL_NS,
    REL_NS,
    WORKSHEET_TYPE,
    Package,
    parse_xml,
    rels_part_for,
)
from .refs import column_letters
from .sheetedit import date_serials, escape_attr
from .styles import TodayStyles
from .values import TODAY_MARKER, TODAY_SHEET_NAMES

WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


TODAY_HEADERS = ("Company", "Position", "Contact", "Phone", "E-mail", "Status", "Days overdue",
                 "Next follow-up", "Script", "Go to row")


TODAY_WIDTHS = (22, 24, 18, 14, 24, 11, 9, 13, 70, 16)


def today_sheet_part(pkg: Package, ours: frozenset[str]) -> tuple[str, dict[str, bytes]]:
    """The part of our Today sheet: the existing one, or a new sheet added to the workbook."""
    taken = {s.name.lower() for s in pkg.sheets}
    for name in TODAY_SHEET_NAMES:
        for info in pkg.sheets:
            if info.name.lower() == name.lower() and info.name in ours:
                return info.part, {}
    name = next((n for n in TODAY_SHEET_NAMES if n.lower() not in taken), None)
    n = 2
    while name is None:
        candidate = f"Follow-up Today {n}"
        name = candidate if candidate.lower() not in taken else None
        n += 1
    return _add_sheet(pkg, name)


def _add_sheet(pkg: Package, name: str, edited: dict[str, bytes] | None = None,
               reserved: frozenset[str] = frozenset()) -> tuple[str, dict[str, bytes]]:
    """Add sheet `name`; `edited` holds parts already changed in this save (a second new sheet),
    `reserved` part names already given out."""
    ns, rel_ns = MAIN_NS, REL_NS
    edited = edited or {}

    def read(part: str) -> bytes:
        return edited[part] if part in edited else pkg.read(part)
    k = 1
    folder = "xl/worksheets/"
    taken = {info.filename.lower() for info in pkg.zip.infolist()} | {r.lower() for r in reserved}
    while f"{folder}sheet{k}.xml" in taken:
        k += 1
    part = f"{folder}sheet{k}.xml"

    rels_name = rels_part_for(pkg.workbook_part)
    rels = parse_xml(read(rels_name), f"{pkg.path}: {rels_name}")
    ids = {r.get("Id") for r in rels}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    rid = f"rId{n}"
    rel = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
    rel.set("Id", rid)
    rel.set("Type", WORKSHEET_TYPE)
    rel.set("Target", _relative(pkg.workbook_part, part))

    wb = parse_xml(read(pkg.workbook_part), f"{pkg.path}: {pkg.workbook_part}")
    sheets = wb.find(f"{{{ns}}}sheets")
    sheet_id = max((int(s.get("sheetId", "0")) for s in sheets if s.get("sheetId", "0").isdigit()), default=0) + 1
    # Name the relationships prefix: left to itself, lxml picks one from a process-wide
    # registry (openpyxl, once imported, puts "r" there; otherwise it is "ns0").
    el = etree.SubElement(sheets, f"{{{ns}}}sheet", nsmap={"r": rel_ns})
    el.set("name", name)
    el.set("sheetId", str(sheet_id))
    el.set(f"{{{rel_ns}}}id", rid)

    ct = parse_xml(read("[Content_Types].xml"), f"{pkg.path}: [Content_Types].xml")
    override = etree.SubElement(ct, f"{{{CT_NS}}}Override")
    override.set("PartName", "/" + part)
    override.set("ContentType", WORKSHEET_CT)

    def dump(root: etree._Element) -> bytes:
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return part, {rels_name: dump(rels), pkg.workbook_part: dump(wb), "[Content_Types].xml": dump(ct)}


def _relative(source_part: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(source_part))


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


_TODAY_TEXT = ("company", "position", "contact", "phone", "email", "status")


NOTICE_CELL = "I1"   # past the title's reach, so the title still shows whole


def _notice(today: dt.date, style: TodayStyles) -> str:
    formula, cached = stale_notice(today)
    return formula_cell("", NOTICE_CELL, style.bold, formula, cached)


def today_sheet_pieces(rows: pd.DataFrame, today: dt.date, style: TodayStyles, date1904: bool,
                       live: bool = False) -> Iterator[bytes]:
    """Our Today sheet's worksheet part, streamed row by row."""
    width = len(TODAY_HEADERS)
    last_row = 2 + max(len(rows), 1)
    title = (f"{TODAY_MARKER} for {today:%A, %B} {today.day}, {today.year}. Rebuilt on each refresh; "
             "edits here are overwritten.")
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>'
                   for i, w in enumerate(TODAY_WIDTHS))
    yield (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        '<sheetPr><tabColor rgb="FFFFB347"/></sheetPr>'
        f'<dimension ref="A1:{column_letters(width)}{last_row}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft"'
        ' state="frozen"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f'<cols>{cols}</cols><sheetData>'
        f'<row r="1">{text_cell("", "A1", style.bold, title)}{_notice(today, style) if live else ""}</row>'
        '<row r="2">' + "".join(text_cell("", f"{column_letters(i + 1)}2", style.bold, h)
                                for i, h in enumerate(TODAY_HEADERS)) + "</row>").encode()
    links = []
    serials = date_serials(pd.Series(rows["due"].to_numpy(), dtype="datetime64[ns]"), date1904) if len(rows) else []
    texts = zip(*(rows[c].to_numpy(dtype=object).tolist() for c in _TODAY_TEXT))
    numbers = zip(rows["days_overdue"].to_numpy(dtype=object).tolist(), rows["row"].to_numpy(dtype=object).tolist(),
                  rows["sheet"].to_numpy(dtype=object).tolist(), rows["script"].to_numpy(dtype=object).tolist())
    for r, values, (late, row, sheet, script), serial in zip(itertools.count(3), texts, numbers, serials):
        cells = [text_cell("", f"{letter}{r}", None, v) for letter, v in zip("ABCDEF", values) if v]
        cells.append(f'<c r="G{r}"><v>{int(late)}</v></c>')
        if serial is not None:
            cells.append(number_cell("", f"H{r}", style.date, serial))
        if script:
            cells.append(text_cell("", f"I{r}", style.wrap, script))
        label = f"{sheet} row {row}"
        cells.append(text_cell("", f"J{r}", style.link, label))
        links.append(f'<hyperlink ref="J{r}" location="{escape_attr(_quote_sheet(sheet))}!A{row}"'
                     f' display="{escape_attr(label)}"/>')
        yield (f'<row r="{r}">' + "".join(cells) + "</row>").encode()
    if rows.empty:
        yield f'<row r="3">{text_cell("", "A3", None, "Nothing overdue or due today.")}</row>'.encode()
    yield b"</sheetData>"
    if links:
        yield ("<hyperlinks>" + "".join(links) + "</hyperlinks>").encode()
    yield (b'<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
           b'</worksheet>')

