"""Helpers for the fidelity tests: the shared corpus, a tracker sheet added by editing the zip,
comparisons of two packages, and a small process pool with a per-file time limit.

The builders and comparisons work on the zip and XML directly, independently of the code under
test; only the checks of a refreshed package read the tool's own constants.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import multiprocessing
import multiprocessing.connection
import os
import posixpath
import re
import time
import traceback
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import TODAY
from lxml import etree

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
WORKSHEET_TYPE = REL_NS + "/worksheet"
WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

TRACKER_HEADERS = ("Company", "Position", "Date Applied", "Status", "Days Since")
TRACKER_ROWS = (
    ("Acme Corp", "Data Analyst", dt.date(2026, 11, 10), "Applied"),
    ("Globex & Sons", "Support <Lead>", dt.date(2026, 11, 19), "Phone screen"),
    ("Initech", "Engineer", dt.date(2026, 11, 23), "Applied"),
    ("Umbrella", "Manager", dt.date(2026, 11, 25), "Interviewed"),
    ("Hooli", "Designer", dt.date(2026, 10, 1), "Rejected"),
)


# --- the corpus --------------------------------------------------------------------------

def corpus_files() -> list[Path]:
    """Every workbook of the corpus, in a stable order."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in (".xlsx", ".xlsm") and p.is_file())


def corpus_id(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix()


# --- a tracker sheet added by editing the package ----------------------------------------

class CannotAddSheet(Exception):
    """The package is too odd to give it a sheet by hand (no workbook part, no relationships...)."""


def _parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    return etree.fromstring(data, parser)


def _dump(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_part_for(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve_target(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def workbook_part(zf: zipfile.ZipFile) -> str:
    try:
        rels = _parse(zf.read("_rels/.rels"))
    except (KeyError, etree.XMLSyntaxError) as exc:
        raise CannotAddSheet(f"package relationships unreadable: {exc}") from None
    for rel in rels:
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            return resolve_target("", rel.get("Target", ""))
    raise CannotAddSheet("no officeDocument relationship")


def serial(day: dt.date, date1904: bool) -> int:
    epoch = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
    return (day - epoch).days


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{excel_escape(text)}</t></is></c>'


def tracker_sheet_xml(date1904: bool = False, rows: Iterable[tuple] = TRACKER_ROWS) -> bytes:
    """A tracker part: inline-string header, inline strings, date serials, and a formula column
    (Days Since) with cached values, so that cached results in the tracker can be checked."""
    out = ['<row r="1">' + "".join(_inline(f"{chr(65 + i)}1", h) for i, h in enumerate(TRACKER_HEADERS))
           + "</row>"]
    r = 1
    for r, (company, position, applied, status) in enumerate(rows, start=2):
        cached = (TODAY - applied).days
        out.append(f'<row r="{r}">{_inline(f"A{r}", company)}{_inline(f"B{r}", position)}'
                   f'<c r="C{r}"><v>{serial(applied, date1904)}</v></c>{_inline(f"D{r}", status)}'
                   f'<c r="E{r}"><f>TODAY()-C{r}</f><v>{cached}</v></c></row>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
            f'<dimension ref="A1:E{r}"/>'
            '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>'
            f'<sheetData>{"".join(out)}</sheetData>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            '</worksheet>').encode()


@dataclass
class Added:
    data: bytes        # the package with the tracker
    name: str          # the tracker sheet's name
    part: str          # its zip member


@dataclass
class _Book:
    zf: zipfile.ZipFile
    names: set[str]
    wb_part: str
    wb: etree._Element
    date1904: bool


def _open_book(data: bytes) -> _Book:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = {m.filename for m in zf.infolist()}
        wb_part = workbook_part(zf)
        wb = _parse(zf.read(wb_part))
    except CannotAddSheet:
        raise
    except Exception as exc:  # not a zip, or damaged core parts: nothing sensible to add a tracker to
        raise CannotAddSheet(f"not a readable package: {exc}") from None
    if etree.QName(wb).namespace != MAIN_NS:
        raise CannotAddSheet(f"workbook part in namespace {etree.QName(wb).namespace}")
    pr = wb.find(f"{{{MAIN_NS}}}workbookPr")
    date1904 = pr is not None and pr.get("date1904", "0").lower() in ("1", "true")
    return _Book(zf, names, wb_part, wb, date1904)


def _rebuilt(book: _Book, replaced: dict[str, bytes], new: dict[str, bytes]) -> bytes:
    try:
        return rebuild_zip(book.zf, replaced, new)
    except Exception as exc:
        raise CannotAddSheet(f"cannot copy the zip members: {exc}") from None


def add_tracker_sheet(data: bytes, name: str = "Tracker", sheet_xml: bytes | None = None) -> Added:
    """`data` (an .xlsx/.xlsm package) with one more worksheet, the tracker, added at the end.

    Adds the sheet part, a <sheet> in the workbook part, a relationship and a content-type
    override; every other member is copied unchanged and in order.
    """
    book = _open_book(data)
    wb_rels = rels_part_for(book.wb_part)
    if wb_rels not in book.names or "[Content_Types].xml" not in book.names:
        raise CannotAddSheet("the workbook's relationships or the content types are missing")
    try:
        rels = _parse(book.zf.read(wb_rels))
        ct = _parse(book.zf.read("[Content_Types].xml"))
    except Exception as exc:
        raise CannotAddSheet(f"core part unreadable: {exc}") from None
    sheets = book.wb.find(f"{{{MAIN_NS}}}sheets")
    if sheets is None:
        raise CannotAddSheet("workbook lists no sheets")

    taken = {s.get("name", "").lower() for s in sheets}
    unique, n = name, 2
    while unique.lower() in taken:
        unique, n = f"{name} {n}", n + 1

    folder = posixpath.join(posixpath.dirname(book.wb_part), "worksheets")
    lower = {n.lower() for n in book.names}
    k = 1
    while posixpath.join(folder, f"sheet{k}.xml").lower() in lower:
        k += 1
    part = posixpath.join(folder, f"sheet{k}.xml")

    ids = {r.get("Id") for r in rels}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    rid = f"rId{n}"
    rel = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
    rel.set("Id", rid)
    rel.set("Type", WORKSHEET_TYPE)
    rel.set("Target", posixpath.relpath(part, posixpath.dirname(book.wb_part)))

    sheet_ids = [int(s.get("sheetId")) for s in sheets if str(s.get("sheetId", "")).isdigit()]
    el = etree.SubElement(sheets, f"{{{MAIN_NS}}}sheet")
    el.set("name", unique)
    el.set("sheetId", str(max(sheet_ids, default=0) + 1))
    el.set(f"{{{REL_NS}}}id", rid)

    override = etree.SubElement(ct, f"{{{CT_NS}}}Override")
    override.set("PartName", "/" + part)
    override.set("ContentType", WORKSHEET_CT)

    replaced = {book.wb_part: _dump(book.wb), wb_rels: _dump(rels), "[Content_Types].xml": _dump(ct)}
    new = {part: sheet_xml if sheet_xml is not None else tracker_sheet_xml(book.date1904)}
    return Added(_rebuilt(book, replaced, new), unique, part)


_CELL_REF = re.compile(rb"""<(?:\w+:)?c\b[^>]*?\sr\s*=\s*["']([A-Z]{1,3})\d+["']""")


def add_tracker_block(data: bytes) -> Added:
    """`data` with the tracker written into its first worksheet, two columns right of everything
    in it, on rows 1-6: existing rows gain cells at their end, missing rows are inserted."""
    book = _open_book(data)
    sheet, part = next(((s, p) for s, p in _worksheets(book) if p in book.names), (None, ""))
    if sheet is None:
        raise CannotAddSheet("no worksheet")
    xml = book.zf.read(part)
    try:
        root = _parse(xml)
    except etree.XMLSyntaxError as exc:
        raise CannotAddSheet(f"worksheet unreadable: {exc}") from None
    sheet_data = root.find(f"{{{MAIN_NS}}}sheetData")
    if sheet_data is None:
        raise CannotAddSheet("worksheet without sheetData")
    rows = list(sheet_data.iterfind(f"{{{MAIN_NS}}}row"))
    if any(r.get("r") is None for r in rows):
        raise CannotAddSheet("rows without numbers")
    shift = max((_col_number(m.group(1)) for m in _CELL_REF.finditer(xml)), default=0) + 1
    if shift + 9 > 16384:
        raise CannotAddSheet("no room to the right")

    by_number = {int(r.get("r")): r for r in rows}
    block = _parse(tracker_sheet_xml(book.date1904)).find(f"{{{MAIN_NS}}}sheetData")
    for new_row in block:
        number = int(new_row.get("r"))
        target = by_number.get(number)
        if target is None:
            target = etree.Element(f"{{{MAIN_NS}}}row", r=str(number))
            later = [r for n, r in sorted(by_number.items()) if n > number]
            if later:
                later[0].addprevious(target)
            else:
                sheet_data.append(target)
            by_number[number] = target
        for cell in new_row:
            letters = re.match(r"[A-Z]+", cell.get("r")).group()
            cell.set("r", f"{column_letters(_col_number(letters.encode()) + shift)}{number}")
            formula = cell.find(f"{{{MAIN_NS}}}f")
            if formula is not None:
                formula.text = f"TODAY()-{column_letters(3 + shift)}{number}"
            target.append(cell)
        target.attrib.pop("spans", None)
    return Added(_rebuilt(book, {part: _dump(root)}, {}), sheet.get("name", ""), part)


def _worksheets(book: _Book) -> list[tuple[etree._Element, str]]:
    """(<sheet> element, worksheet member) in workbook order; chart and dialog sheets left out."""
    try:
        rels = {r.get("Id"): (r.get("Type", ""), resolve_target(book.wb_part, r.get("Target", "")))
                for r in _parse(book.zf.read(rels_part_for(book.wb_part))) if r.get("TargetMode") != "External"}
    except Exception as exc:
        raise CannotAddSheet(f"workbook relationships unreadable: {exc}") from None
    out = []
    for sheet in book.wb.iterfind(f"{{{MAIN_NS}}}sheets/{{{MAIN_NS}}}sheet"):
        rel_type, part = rels.get(sheet.get(f"{{{REL_NS}}}id"), ("", ""))
        if rel_type == WORKSHEET_TYPE:
            out.append((sheet, part))
    return out


def rebuild_zip(zf: zipfile.ZipFile, replaced: dict[str, bytes], new: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in zf.infolist():
            body = replaced.get(info.filename)
            dst.writestr(info, body if body is not None else zf.read(info.filename))
        for name, body in new.items():
            dst.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), body,
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def rewrite_member(data: bytes, member: str, body: bytes) -> bytes:
    zf = zipfile.ZipFile(io.BytesIO(data))
    return rebuild_zip(zf, {member: body}, {})


def members(data: bytes) -> dict[str, bytes]:
    """Every member of the package `data` by name (a dict of the caller's own)."""
    return dict(_members(data))


@functools.lru_cache(maxsize=4)
def _members(data: bytes) -> dict[str, bytes]:
    # the checks of one refreshed workbook ask for the members of its two packages (before,
    # after) about three times each: each package is inflated once
    zf = zipfile.ZipFile(io.BytesIO(data))
    return {info.filename: zf.read(info.filename) for info in zf.infolist()}


def member_order(data: bytes) -> list[str]:
    return [info.filename for info in zipfile.ZipFile(io.BytesIO(data)).infolist()]


# --- what the tool owns, and what changed ------------------------------------------------

@functools.lru_cache(maxsize=4)
def core_parts(data: bytes) -> tuple[str, str, str | None]:
    """(workbook part, its relationships part, styles part or None)."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    wb_part = workbook_part(zf)
    wb_rels = rels_part_for(wb_part)
    styles = None
    try:
        for rel in _parse(zf.read(wb_rels)):
            if str(rel.get("Type", "")).endswith("/styles"):
                styles = resolve_target(wb_part, rel.get("Target", ""))
    except KeyError:
        pass
    return wb_part, wb_rels, styles


def sheet_parts(data: bytes) -> dict[str, str]:
    """Sheet name -> worksheet member."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    wb_part = workbook_part(zf)
    rels = {r.get("Id"): resolve_target(wb_part, r.get("Target", ""))
            for r in _parse(zf.read(rels_part_for(wb_part))) if r.get("TargetMode") != "External"}
    wb = _parse(zf.read(wb_part))
    return {s.get("name"): rels.get(s.get(f"{{{REL_NS}}}id"), "")
            for s in wb.iterfind(f"{{{MAIN_NS}}}sheets/{{{MAIN_NS}}}sheet")}


def unexpected_changes(before: bytes, after: bytes, owned: set[str]) -> list[str]:
    """Members not in `owned` that differ, went missing or moved; new members not in `owned`."""
    old, new = members(before), members(after)
    problems = [f"{n}: changed" for n in old if n in new and n not in owned and old[n] != new[n]]
    problems += [f"{n}: missing after the refresh" for n in old if n not in new]
    problems += [f"{n}: new member not owned by the tool" for n in new if n not in old and n not in owned]
    old_order = member_order(before)
    kept = [n for n in member_order(after) if n in old]
    if kept != old_order:
        problems.append("the order of the original members changed")
    return problems


def _canon(el: etree._Element) -> bytes:
    return etree.tostring(el, method="c14n")


def without_print_titles(before_xml: bytes, after_xml: bytes) -> bytes:
    """The written workbook part less the Today sheet's print titles (a `_xlnm.Print_Titles`
    name the tool adds), its hidden marker name (values.TODAY_NAME), and the definedNames element
    holding them if the workbook had none."""
    old, new = _parse(before_xml), _parse(after_xml)
    names = new.find(f"{{{MAIN_NS}}}definedNames")
    if names is None:
        return after_xml
    had = {_canon(d) for d in old.iterfind(f"{{{MAIN_NS}}}definedNames/*")}
    for d in list(names):
        if d.get("name") in ("_xlnm.Print_Titles", "_followup_sheet_today") and _canon(d) not in had:
            names.remove(d)
    if not len(names) and old.find(f"{{{MAIN_NS}}}definedNames") is None:
        new.remove(names)
    return etree.tostring(new)


def additive_only(before_xml: bytes, after_xml: bytes, container: str | None = None) -> list[str]:
    """Changes to an owned XML part that are not pure additions.

    The root's attributes and every child of the root (or, for `container`, every child of that
    element) must be unchanged and in order; new children may only come at the end.
    """
    old, new = _parse(before_xml), _parse(after_xml)
    problems = []
    if old.tag != new.tag:
        return [f"root element {old.tag} became {new.tag}"]
    if dict(old.attrib) != dict(new.attrib):
        problems.append(f"root attributes changed: {dict(old.attrib)} -> {dict(new.attrib)}")
    for prefix, uri in old.nsmap.items():
        if new.nsmap.get(prefix) != uri:
            problems.append(f"namespace declaration {prefix}={uri} lost")
    if container is None:
        old_kids, new_kids = list(old), list(new)
    else:
        a, b = old.find(container), new.find(container)
        if a is None:
            return problems
        if b is None:
            return problems + [f"{container} removed"]
        old_kids, new_kids = list(a), list(b)
        rest_a = [_canon(x) for x in old if x is not a]
        rest_b = [_canon(x) for x in new if x is not b]
        if rest_a != rest_b:
            problems.append(f"elements other than {container} changed")
    for i, kid in enumerate(old_kids):
        if i >= len(new_kids) or _canon(kid) != _canon(new_kids[i]):
            problems.append(f"child {i} ({etree.QName(kid).localname if isinstance(kid.tag, str) else 'comment'}) "
                            "changed or removed")
            break
    return problems


def styles_only_appended(before_xml: bytes, after_xml: bytes) -> list[str]:
    """Every existing entry of every styles collection keeps its index and content."""
    old, new = _parse(before_xml), _parse(after_xml)
    problems = []
    for section in old:
        if not isinstance(section.tag, str):
            continue
        match = new.find(section.tag)
        if match is None:
            problems.append(f"{etree.QName(section).localname} removed")
            continue
        after = list(match)
        for i, entry in enumerate(section):
            if i >= len(after) or _canon(entry) != _canon(after[i]):
                problems.append(f"{etree.QName(section).localname}[{i}] changed")
                break
    return problems


SCHEMA_ORDER = {
    "worksheet": ("sheetPr dimension sheetViews sheetFormatPr cols sheetData sheetCalcPr sheetProtection "
                  "protectedRanges scenarios autoFilter sortState dataConsolidate customSheetViews mergeCells "
                  "phoneticPr conditionalFormatting dataValidations hyperlinks printOptions pageMargins pageSetup "
                  "headerFooter rowBreaks colBreaks customProperties cellWatches ignoredErrors smartTags drawing "
                  "legacyDrawing legacyDrawingHF drawingHF picture oleObjects controls webPublishItems tableParts "
                  "extLst").split(),
    "styleSheet": "numFmts fonts fills borders cellStyleXfs cellXfs cellStyles dxfs tableStyles colors extLst".split(),
    "workbook": ("fileVersion fileSharing workbookPr workbookProtection bookViews sheets functionGroups "
                 "externalReferences definedNames calcPr oleSize customWorkbookViews pivotCaches smartTagPr "
                 "smartTagTypes webPublishing fileRecoveryPr webPublishObjects extLst").split(),
}


def schema_order_problems(xml: bytes) -> list[str]:
    """Children of a worksheet, styles or workbook root out of the order the schema requires
    (Excel repairs such a file; LibreOffice and openpyxl do not mind)."""
    root = _parse(xml)
    order = SCHEMA_ORDER.get(etree.QName(root).localname)
    if order is None or etree.QName(root).namespace != MAIN_NS:
        return []
    seen = [etree.QName(c).localname for c in root
            if isinstance(c.tag, str) and etree.QName(c).namespace == MAIN_NS and etree.QName(c).localname in order]
    ranks = [order.index(n) for n in seen]
    problems = [f"<{seen[i + 1]}> after <{seen[i]}>" for i in range(len(ranks) - 1) if ranks[i + 1] < ranks[i]]
    problems += [f"<{n}> twice" for n in sorted(set(seen)) if seen.count(n) > 1 and n not in
                 ("conditionalFormatting",)]
    return problems


_FORMULA_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*?(?<!/)>(?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?f\b.*?</(?:\w+:)?c>", re.S)


_CELL_COLUMN = re.compile(rb"""^<(?:\w+:)?c\b[^>]*?\sr\s*=\s*["']([A-Z]{1,3})\d""")


def formula_cells(sheet_xml: bytes) -> list[bytes]:
    """The raw XML of every cell holding a formula (its cached <v> included)."""
    return _FORMULA_CELL.findall(sheet_xml)


# --- reading values back ------------------------------------------------------------------

def calamine_grids(data: bytes, max_cells: int = 2_000_000) -> dict[str, list[list[Any]]]:
    """Sheet -> rows of values from A1, as python-calamine reads them."""
    import python_calamine
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    grids = {}
    for name in book.sheet_names:
        try:
            sheet = book.get_sheet_by_name(name)
            end = sheet.end
            if end is not None and (end[0] + 1) * (end[1] + 1) > max_cells:
                grids[name] = [[f"<too big: {end}>"]]
                continue
            grids[name] = sheet.to_python(skip_empty_area=False)
        except Exception as exc:   # a chart sheet, or a sheet calamine cannot read
            grids[name] = [[f"<unreadable: {type(exc).__name__}>"]]
    return grids


_MERGE_REF = re.compile(rb"""<(?:\w+:)?mergeCell\s+ref\s*=\s*["']\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)["']""")


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters.decode():
        n = n * 26 + ord(ch) - 64
    return n


def merged_cell_count(data: bytes) -> int:
    """Cells covered by merges in all worksheets: openpyxl makes an object for each one."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    total = 0
    for info in zf.infolist():
        if "worksheets/" in info.filename and info.filename.endswith(".xml"):
            for m in _MERGE_REF.finditer(zf.read(info.filename)):
                rows = abs(int(m.group(4)) - int(m.group(2))) + 1
                cols = abs(_col_number(m.group(3)) - _col_number(m.group(1))) + 1
                total += rows * cols
    return total


class TooBigForOpenpyxl(Exception):
    pass


def openpyxl_cells(data: bytes, max_merged: int = 200_000) -> dict[str, dict[tuple[int, int], Any]]:
    """Sheet -> {(row, column): value} of the non-empty cells, as openpyxl reads them."""
    import warnings

    import openpyxl
    merged = merged_cell_count(data)
    if merged > max_merged:
        raise TooBigForOpenpyxl(f"merges cover {merged} cells; openpyxl would take minutes")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(io.BytesIO(data))
    out = {}
    for ws in wb.worksheets:
        # the stored cells only: iter_rows() would fill the whole used rectangle
        out[ws.title] = {key: _plain(c.value) for key, c in ws._cells.items() if c.value is not None}
    return out


def _plain(value: Any) -> Any:
    """Array and data-table formulas as comparable tuples (openpyxl objects compare by identity)."""
    if isinstance(value, (str, int, float, dt.date, dt.time, dt.timedelta)):
        return value
    return (type(value).__name__, tuple(sorted((k, str(v)) for k, v in vars(value).items())))


def grid_cells(grid: list[list[Any]]) -> dict[tuple[int, int], Any]:
    return {(r + 1, c + 1): v for r, row in enumerate(grid) for c, v in enumerate(row) if v not in ("", None)}


def compare_cells(before: dict[tuple[int, int], Any], after: dict[tuple[int, int], Any],
                  skip: Callable[[int, int], bool]) -> list[str]:
    keys = {k for k in set(before) | set(after) if not skip(*k)}
    diffs = []
    for key in sorted(keys):
        a, b = before.get(key), after.get(key)
        if a != b and not (isinstance(a, float) and isinstance(b, float) and a != a and b != b):
            diffs.append(f"R{key[0]}C{key[1]}: {a!r} -> {b!r}")
    return diffs


# --- a process pool with a time limit per item ------------------------------------------

@dataclass
class Outcome:
    item: str
    kind: str            # what the worker function returned as its kind, or "hang" / "worker died"
    detail: str
    seconds: float
    extra: Any = None


def _worker(conn, func):
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        start = time.perf_counter()
        try:
            kind, detail, extra = func(item)
        except BaseException:  # report, never die: the parent tells crashes from hangs
            kind, detail, extra = "harness error", traceback.format_exc(), None
        conn.send((kind, detail, time.perf_counter() - start, extra))


def run_parallel(func: Callable[[str], tuple[str, str, Any]], items: list[str], workers: int = 2,
                 kill_after: float = 60.0) -> dict[str, Outcome]:
    """Run `func(item)` for every item in `workers` forked processes.

    `func` returns (kind, detail, extra). An item still running after `kill_after` seconds is
    recorded as a hang and its worker replaced; a worker that dies is recorded as well.
    """
    ctx = multiprocessing.get_context("fork")
    todo = list(reversed(items))
    results: dict[str, Outcome] = {}
    busy: dict[Any, tuple[Any, str, float]] = {}   # conn -> (process, item, start)
    idle: list[tuple[Any, Any]] = []

    def spawn():
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(child, func), daemon=True)
        proc.start()
        child.close()
        return proc, parent

    pool = [spawn() for _ in range(max(1, min(workers, len(items))))]
    idle.extend(pool)
    try:
        while todo or busy:
            while idle and todo:
                proc, conn = idle.pop()
                item = todo.pop()
                conn.send(item)
                busy[conn] = (proc, item, time.perf_counter())
            ready = multiprocessing.connection.wait(list(busy), timeout=1.0)
            for conn in ready:
                proc, item, start = busy.pop(conn)
                try:
                    kind, detail, seconds, extra = conn.recv()
                except (EOFError, OSError):
                    proc.join(5)
                    results[item] = Outcome(item, "worker died", f"exit code {proc.exitcode}",
                                            time.perf_counter() - start)
                    idle.append(spawn())
                    continue
                results[item] = Outcome(item, kind, detail, seconds, extra)
                idle.append((proc, conn))
            now = time.perf_counter()
            for conn, (proc, item, start) in list(busy.items()):
                if now - start > kill_after:
                    proc.kill()
                    proc.join(5)
                    busy.pop(conn)
                    conn.close()
                    results[item] = Outcome(item, "hang", f"killed after {kill_after:.0f} s", now - start)
                    idle.append(spawn())
    finally:
        for _proc, conn in idle + [(p, c) for c, (p, _, _) in busy.items()]:
            try:
                conn.send(None)
            except OSError:
                pass
        for proc, _conn in idle + [(p, c) for c, (p, _, _) in busy.items()]:
            proc.join(2)
            if proc.is_alive():
                proc.kill()
                proc.join(2)
    return results


# --- a small tracker workbook written as raw XML ------------------------------------------

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def excel_escape(text: str) -> str:
    """Text as Excel stores it: characters XML cannot hold as _xHHHH_, then XML escapes."""
    text = _XML_FORBIDDEN.sub(lambda m: "_x005F_" if m.group() == "_" else f"_x{ord(m.group()):04X}_", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def column_letters(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _cell(ref: str, value: Any, date1904: bool, shared: dict[str, int] | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="1"><v>{serial(value, date1904)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if shared is not None:
        index = shared.setdefault(str(value), len(shared))
        return f'<c r="{ref}" t="s"><v>{index}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{excel_escape(str(value))}</t></is></c>'


def minimal_workbook(headers: list[str], rows: list[list[Any]], *, date1904: bool = False,
                     sheet_name: str = "Applications", shared_strings: bool = False) -> bytes:
    """An .xlsx with one sheet: `headers` on row 1, then `rows`.

    Strings become inline strings, or shared strings as Excel writes them (forbidden characters as
    _xHHHH_); dates become serials with a date format, numbers stay numbers, None leaves the cell out.
    """
    body = []
    shared: dict[str, int] | None = {} if shared_strings else None
    for r, values in enumerate([headers, *rows], start=1):
        cells = "".join(_cell(f"{column_letters(c)}{r}", v, date1904, shared) for c, v in enumerate(values, start=1))
        body.append(f'<row r="{r}">{cells}</row>')
    width = max(len(headers), *(len(r) for r in rows)) if rows else len(headers)
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
             f'<dimension ref="A1:{column_letters(width)}{len(rows) + 1}"/>'
             '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
             '<sheetFormatPr defaultRowHeight="15"/>'
             f'<sheetData>{"".join(body)}</sheetData>'
             '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
             '</worksheet>')
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{CT_NS}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{WORKSHEET_CT}"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.styles+xml"/></Types>'),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN_NS}" '
            f'xmlns:r="{REL_NS}">{pr}<bookViews><workbookView/></bookViews>'
            f'<sheets><sheet name="{excel_escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{WORKSHEET_TYPE}" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN_NS}">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            '</styleSheet>'),
        "xl/worksheets/sheet1.xml": sheet,
    }
    if shared is not None:
        items = "".join(f'<si><t xml:space="preserve">{excel_escape(text)}</t></si>' for text in shared)
        parts["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN_NS}" '
            f'count="{len(shared)}" uniqueCount="{len(shared)}">{items}</sst>')
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            "</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
                        'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            "</Relationships>", f'<Relationship Id="rId3" Type="{REL_NS}/sharedStrings" '
                                'Target="sharedStrings.xml"/></Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text.encode("utf-8"))
    return out.getvalue()


# --- checks of a refreshed package --------------------------------------------------------

def written_ok(before: bytes, after: bytes, result, copy: Path) -> list[str]:
    """The written file passes its CRC check and only the parts the tool owns changed."""
    if not result.written:
        return [] if after == before else ["reported not written, but the file changed"]
    problems = []
    with zipfile.ZipFile(copy) as zf:
        bad = zf.testzip()
        if bad:
            problems.append(f"written file fails its CRC check at {bad}")
    wb_part, wb_rels, styles = core_parts(before)
    owned = {wb_part, wb_rels, "[Content_Types].xml"} | ({styles} if styles else set())
    for outcome in result.sheets:
        owned.add(outcome.tracker.part)
        if outcome.tracker.table is not None:
            owned.add(outcome.tracker.table.part)
    new = set(members(after)) - set(members(before))
    sheets = {n for n in new if not n.endswith(".rels")}
    if len(sheets) > 1 or new - sheets - {rels_part_for(n) for n in sheets}:
        problems.append(f"more than one new member (besides the Today sheet's links): {sorted(new)}")
    problems += unexpected_changes(before, after, owned | new)
    return problems


def tracker_fidelity(added: Added, after: bytes, result, copy: Path, applications: int = 5,
                     with_openpyxl: bool = True) -> list[str]:
    """Everything a refresh of the added tracker must keep, and the tool's output readable
    (every user cell compared through python-calamine, and openpyxl unless told not to)."""
    before = added.data
    problems = written_ok(before, after, result, copy)
    tracker = result.sheets[0].tracker
    if tracker.part != added.part:
        problems.append(f"refreshed {tracker.part}, not the tracker {added.part}")
    old, new = members(before), members(after)
    problems += _part_problems(before, old, new, added.part)
    placed = result.edits.sheets[0].placed.columns
    ours = set(placed)
    ours_letters = {column_letters(c) for c in ours}

    def users_formulas(xml: bytes) -> list[bytes]:   # the live statuses in our columns are the tool's
        return [c for c in formula_cells(xml)
                if (m := _CELL_COLUMN.search(c)) is None or m.group(1).decode() not in ours_letters]
    if users_formulas(old[added.part]) != users_formulas(new[added.part]):
        problems.append("formula cells (or their cached values) in the tracker sheet changed")
    today_sheets = set(sheet_parts(after)) - set(sheet_parts(before))
    if len(today_sheets) != 1:
        problems.append(f"expected one new (Today) sheet, found {sorted(today_sheets)}")

    def skipper(sheet: str):
        if sheet != added.name:
            return lambda r, c: False
        return lambda r, c: c in ours

    problems += _calamine_problems(before, after, added.name, placed, today_sheets,
                                   applications, skipper)
    if with_openpyxl:
        problems += _openpyxl_problems(before, after, skipper)
    return problems


def _part_problems(before: bytes, old: dict, new: dict, tracker_part: str) -> list[str]:
    """The workbook, its relationships, content types and styles only added to; every part the
    refresh touched or added in schema order (unless it was out of order already)."""
    problems = []
    wb_part, wb_rels, styles = core_parts(before)
    main = f"{{{MAIN_NS}}}"
    for part, container in ((wb_part, main + "sheets"), (wb_rels, None), ("[Content_Types].xml", None)):
        after_part = without_print_titles(old[part], new[part]) if part == wb_part else new[part]
        problems += [f"{part}: {p}" for p in additive_only(old[part], after_part, container)]
    if styles:
        problems += [f"{styles}: {p}" for p in styles_only_appended(old[styles], new[styles])]
    today_parts = set(new) - set(old)
    for part in [tracker_part, wb_part, *([styles] if styles else []), *today_parts]:
        if part in old and schema_order_problems(old[part]):
            continue     # out of order already: not the tool's doing
        problems += [f"{part}: {p}" for p in schema_order_problems(new[part])]
    return problems


def _calamine_problems(before: bytes, after: bytes, tracker_sheet: str, output_columns, today_sheets,
                       applications: int, skipper) -> list[str]:
    """The user cells as python-calamine sees them, and the tool's output read back."""
    try:
        grids_before = calamine_grids(before)
    except Exception:
        return []       # calamine cannot read the original: nothing to compare with
    try:
        grids_after = calamine_grids(after)
    except Exception as exc:
        return [f"calamine cannot read the result: {exc!r}"]
    return (tool_output_reads_back(grids_after, tracker_sheet, output_columns, today_sheets, applications)
            + sheet_differences("calamine", {k: grid_cells(g) for k, g in grids_before.items()},
                                {k: grid_cells(g) for k, g in grids_after.items()}, skipper))


def _openpyxl_problems(before: bytes, after: bytes, skipper) -> list[str]:
    """The user cells as openpyxl sees them, when it can load the original."""
    try:
        cells_before = openpyxl_cells(before)
    except Exception:
        return []                 # openpyxl cannot load the original either
    try:
        cells_after = openpyxl_cells(after)
    except Exception as exc:
        return [f"openpyxl cannot load the result (it loads the original): {exc!r}"]
    return sheet_differences("openpyxl", cells_before, cells_after, skipper)


def sheet_differences(reader: str, before: dict, after: dict, skipper) -> list[str]:
    """Every sheet of `before` still there in `after`, with the same user cells (as `reader` saw them)."""
    problems = []
    for sheet, cells in before.items():
        if sheet not in after:
            problems.append(f"{reader}: sheet {sheet!r} missing after")
            continue
        diffs = compare_cells(cells, after[sheet], skipper(sheet))
        if diffs:
            problems.append(f"{reader}: sheet {sheet!r}: " + "; ".join(diffs[:5]))
    return problems


def tool_output_reads_back(grids, tracker_sheet: str, columns, today_sheets, applications: int) -> list[str]:
    """The three headers over the tool's columns, a status on every row, the Today sheet's title."""
    from followup_sheet.columns import output_headers
    from followup_sheet.xlsx import TODAY_MARKER

    problems = []
    grid = grids.get(tracker_sheet, [])
    header = [grid[0][c - 1] if grid and c - 1 < len(grid[0]) else None for c in columns]
    if tuple(header) != output_headers():
        problems.append(f"tracker header over the tool's columns reads {header}")
    statuses = [row[columns[0] - 1] if columns[0] - 1 < len(row) else None for row in grid[1:]]
    if len(statuses) < applications or not all(isinstance(x, str) and x for x in statuses[:applications]) \
            or any(statuses[applications:]):
        problems.append(f"statuses read back as {statuses[:applications + 3]}")
    for name in today_sheets:
        first = grids.get(name, [[None]])
        if not (first and first[0] and str(first[0][0]).startswith(TODAY_MARKER)):
            problems.append(f"the Today sheet {name!r} starts with {first[0][:1] if first else None}")
    return problems
