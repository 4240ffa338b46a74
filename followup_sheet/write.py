"""Write stage: the plan -> edits of the user's .xlsx package, saved safely.

Only the parts a refresh needs are rewritten (the tracker's worksheet, styles, an extended
table, and for a new Today sheet the workbook, its relationships and content types); every other
zip member is copied as it was, in its original order.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd
from lxml import etree

from . import filesafe, xlsx
from .errors import NotAWorkbook, UnsupportedContent
from .read import OUTPUT_HEADERS, TODAY_MARKER, TODAY_SHEET_NAMES, Tracker
from .settings import Settings

log = logging.getLogger(__name__)

CELL_TEXT_LIMIT = 32_767
STYLES_TYPE = xlsx.REL_NS + "/styles"
WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
STATUS_WIDTH, DATE_WIDTH, SCRIPT_WIDTH = 14, 14, 70
TODAY_HEADERS = ("Company", "Position", "Contact", "Phone", "E-mail", "Status", "Days overdue",
                 "Next follow-up", "Script", "Go to row")
TODAY_WIDTHS = (22, 24, 18, 14, 24, 11, 9, 13, 70, 16)

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ATTR_R = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]{1,3})?(\d+)["']""")
_SPANS = re.compile(rb"""\sspans\s*=\s*["']([^"']*)["']""")


@dataclass
class SheetPlan:
    """What to write into one tracker sheet."""
    tracker: Tracker
    status: pd.Series     # per application row
    due: pd.Series        # datetime64, NaT where none
    script: pd.Series


def write_back(sheets: list[SheetPlan], today_rows: pd.DataFrame, today: dt.date, settings: Settings,
               *, output: Path | None = None, backup: bool = True, dry_run: bool = False) -> "WriteOutcome":
    """Edit the workbook all `sheets` came from and save it (in place, or to `output`)."""
    pkg = sheets[0].tracker.package
    data, changed = build_package(pkg, sheets, today_rows, today, settings)
    target = Path(output) if output else pkg.path
    if dry_run:
        return WriteOutcome(target, changed, written=False, backup=None)
    same_file = output is None or _same_file(target, pkg.path)
    if same_file and not changed:
        return WriteOutcome(target, False, written=False, backup=None)
    kept = filesafe.save_atomically(
        target, data, expected_digest=pkg.digest if same_file else None, verify=verify_package,
        backups=settings.backups, backup=backup and same_file)
    return WriteOutcome(target, changed, written=True, backup=kept)


@dataclass
class WriteOutcome:
    path: Path
    changed: bool
    written: bool
    backup: Path | None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and a.samefile(b)
    except OSError:
        return False


def verify_package(path: Path) -> None:
    """Re-open what was written: every member's CRC, and every XML part we changed parses."""
    with zipfile.ZipFile(path) as zf:
        bad = zf.testzip()
        if bad is not None:
            raise NotAWorkbook(f"{path}: the written file failed its check (part {bad}); nothing was replaced")
    xlsx.open_package(path)


# --- the package -------------------------------------------------------------------------

def build_package(pkg: xlsx.Package, sheets: list[SheetPlan], today_rows: pd.DataFrame, today: dt.date,
                  settings: Settings) -> tuple[bytes, bool]:
    """The new workbook's bytes, and whether any part's content differs from the original."""
    new_parts: dict[str, bytes] = {}
    styles_part = _styles_part(pkg)
    styles = _Styles(pkg.read(styles_part), f"{pkg.path}: {styles_part}", settings,
                     used_styles=lambda: _styles_in_use(pkg))
    for plan in sheets:
        t = plan.tracker
        new_parts[t.part] = _edit_tracker_sheet(pkg, plan, styles, new_parts.get(t.part))
        if t.table is not None:
            table_xml = _extend_table(pkg.read(t.table.part), t, f"{pkg.path}: {t.table.part}")
            if table_xml is not None:
                new_parts[t.table.part] = table_xml

    today_part, extra = _today_sheet_part(pkg, new_parts)
    new_parts[today_part] = _today_sheet_xml(today_rows, today, styles, pkg.date1904)
    new_parts.update(extra)
    styles_xml = styles.serialize()
    if styles_xml is not None:
        new_parts[styles_part] = styles_xml

    changed = any(not pkg.has(name) or pkg.read(name) != data for name, data in new_parts.items())
    return _zip(pkg, new_parts), changed


def _styles_in_use(pkg: xlsx.Package) -> list[int]:
    found = [0]
    for info in pkg.sheets:
        if info.is_worksheet:
            found += [int(x) for x in re.findall(rb"""<(?:\w+:)?c\s[^>]*?\bs\s*=\s*["'](\d+)["']""", pkg.read(info.part))]
    return found


def _styles_part(pkg: xlsx.Package) -> str:
    for rel_type, member, _ in xlsx.sheet_relationships(pkg, pkg.workbook_part).values():
        if rel_type == STYLES_TYPE and member and pkg.has(member):
            return member
    raise UnsupportedContent(f"{pkg.path} has no styles part; open it in Excel and save it again")


def _zip(pkg: xlsx.Package, new_parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for info in pkg.zip.infolist():
            if info.filename in new_parts:
                zf.writestr(_info_like(info), new_parts.pop(info.filename))
            else:
                zf.writestr(_info_like(info), pkg.read(info.filename, keep=False))
        for name, data in new_parts.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                        compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _info_like(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = info.compress_type if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) \
        else zipfile.ZIP_DEFLATED
    copy.external_attr = info.external_attr
    copy.create_system = info.create_system
    return copy


# --- text and cells ----------------------------------------------------------------------

def clean_text(value: object) -> str:
    """Text as stored: XML-forbidden characters removed, within Excel's cell limit."""
    s = _FORBIDDEN.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return s[:CELL_TEXT_LIMIT]


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text_cell(p: str, ref: str, style: int | None, text: str) -> str:
    """An inline string: never a formula or an error, whatever it starts with."""
    s = f' s="{style}"' if style is not None else ""
    body = _escape(clean_text(text))
    return f'<{p}c r="{ref}"{s} t="inlineStr"><{p}is><{p}t xml:space="preserve">{body}</{p}t></{p}is></{p}c>'


def _number_cell(p: str, ref: str, style: int, number: int) -> str:
    return f'<{p}c r="{ref}" s="{style}"><{p}v>{number}</{p}v></{p}c>'


def _serial(day: pd.Timestamp, date1904: bool) -> int:
    epoch = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
    return (day.date() - epoch).days


# --- the tracker sheet -------------------------------------------------------------------

def _edit_tracker_sheet(pkg: xlsx.Package, plan: SheetPlan, styles: "_Styles", previous: bytes | None) -> bytes:
    t = plan.tracker
    where = f"{pkg.path}: {t.part}"
    sheet = xlsx.split_sheet(previous if previous is not None else pkg.read(t.part), where)
    p = sheet.prefix.decode()
    cols = t.output_columns
    letters = [xlsx.column_letters(c) for c in cols]
    header_style = _header_style(sheet, t)

    cells: dict[int, dict[int, str]] = {
        t.header_row: {c: _text_cell(p, f"{xlsx.column_letters(c)}{t.header_row}", header_style, h)
                       for c, h in zip(cols, OUTPUT_HEADERS)}}
    date_style, script_style = styles.date_xf(), styles.script_xf()
    status_styles = {name: styles.status_xf(name) for name in settings_order(styles.settings, plan.status)}
    dues = plan.due.reindex(plan.status.index)
    for row, status, due, script in zip(plan.status.index, plan.status.to_numpy(), dues, plan.script.to_numpy()):
        row_cells = {cols[0]: _text_cell(p, f"{letters[0]}{row}", status_styles[status], status)}
        if pd.notna(due):
            row_cells[cols[1]] = _number_cell(p, f"{letters[1]}{row}", date_style, _serial(due, pkg.date1904))
        if script:
            row_cells[cols[2]] = _text_cell(p, f"{letters[2]}{row}", script_style, script)
        cells[row] = row_cells

    first_clear, last_clear = t.clear_rows
    rows_xml = _rewrite_rows(sheet, cells, set(cols), range(first_clear, last_clear + 1), t.header_row)
    head = sheet.data[:sheet.head_end]
    head = _set_columns(head, sheet, cols, (STATUS_WIDTH, DATE_WIDTH, SCRIPT_WIDTH))
    last_row = max(cells) if cells else t.header_row
    head = _widen_dimension(head, sheet, t.header_row, min(cols), last_row, max(cols))
    return (head + sheet.data[sheet.head_end:sheet.rows_start] + rows_xml
            + sheet.data[sheet.rows_end:])


def settings_order(settings: Settings, statuses: pd.Series) -> list[str]:
    """The statuses present, in a fixed order, so styles are appended the same way every run."""
    present = set(statuses)
    return [name for name in settings.fills if name in present]


def _header_style(sheet: xlsx.SheetXml, t: Tracker) -> int | None:
    """Our header cells look like the user's last header cell."""
    last = max(c.index for c in t.columns.values())
    scan = _Scanner(sheet.prefix)
    for number, start, tag_end, end in scan.rows(sheet.data, sheet.rows_start, sheet.rows_end):
        if number == t.header_row:
            content = sheet.data[tag_end:end]
            for col, c_start, c_end in scan.cells(content):
                if col == last:
                    tag = content[c_start:content.find(b">", c_start)]
                    m = re.search(rb"""\ss\s*=\s*["'](\d+)["']""", tag)
                    return int(m.group(1)) if m else None
        if number >= t.header_row:
            break
    return None


class _Scanner:
    """Finds rows and cells in worksheet XML bytes without parsing them: start tags by regex,
    ends with a plain search (cells and rows never nest)."""

    def __init__(self, prefix: bytes):
        p = re.escape(prefix)
        self.row_start = re.compile(rb"<" + p + rb"row\b[^>]*?(/?)>")
        self.row_end = b"</" + prefix + b"row>"
        self.cell_start = re.compile(rb"<" + p + rb"c\b[^>]*?(/?)>")
        self.cell_end = b"</" + prefix + b"c>"
        self.last_cell = [b"<" + prefix + b"c ", b"<" + prefix + b"c>", b"<" + prefix + b"c/"]

    def rows(self, data: bytes, start: int, stop: int) -> Iterable[tuple[int, int, int, int]]:
        """(row number, start, end of start tag, end) of each row."""
        number = 0
        pos = start
        while True:
            m = self.row_start.search(data, pos, stop)
            if m is None:
                return
            found = _ATTR_R.search(data, m.start(), m.end())
            number = int(found.group(2)) if found else number + 1
            if m.group(1):
                end = m.end()
            else:
                end = data.find(self.row_end, m.end(), stop)
                if end < 0:
                    raise UnsupportedContent("a row of the sheet has no end; open the file in Excel and save it again")
                end += len(self.row_end)
            yield number, m.start(), m.end(), end
            pos = end

    def cells(self, content: bytes) -> Iterable[tuple[int, int, int]]:
        """(column, start, end) of each cell in a row's content."""
        col = 0
        pos = 0
        while True:
            m = self.cell_start.search(content, pos)
            if m is None:
                return
            found = _ATTR_R.search(content, m.start(), m.end())
            col = xlsx.column_number(found.group(1).decode()) if found and found.group(1) else col + 1
            if m.group(1):
                end = m.end()
            else:
                end = content.find(self.cell_end, m.end())
                end = len(content) if end < 0 else end + len(self.cell_end)
            yield col, m.start(), end
            pos = end

    def last_column(self, content: bytes) -> int | None:
        """The column of a row's last cell, when it says so (the usual case), else None."""
        at = max(content.rfind(tag) for tag in self.last_cell)
        if at < 0:
            return 0
        found = _ATTR_R.search(content, at, content.find(b">", at))
        return xlsx.column_number(found.group(1).decode()) if found and found.group(1) else None


def _rewrite_rows(sheet: xlsx.SheetXml, cells: dict[int, dict[int, str]], our_cols: set[int],
                  clear: range, header_row: int) -> bytes:
    """sheetData content with our cells replaced; rows we do not touch are copied byte for byte."""
    out: list[bytes] = []
    pos = sheet.rows_start
    pending = sorted(cells)
    i = 0
    p = sheet.prefix
    scan = _Scanner(p)
    for number, start, tag_end, end in scan.rows(sheet.data, sheet.rows_start, sheet.rows_end):
        while i < len(pending) and pending[i] < number:
            out.append(sheet.data[pos:start])
            pos = start
            out.append(_new_row(p, pending[i], cells[pending[i]]))
            i += 1
        if number not in cells and number not in clear:
            continue
        out.append(sheet.data[pos:start])
        clear_cols = our_cols if (number in clear or number == header_row) else set()
        out.append(_edit_row(scan, sheet.data, start, tag_end, end, p, cells.get(number, {}), clear_cols))
        pos = end
        if i < len(pending) and pending[i] == number:
            i += 1
    out.append(sheet.data[pos:sheet.rows_end])
    while i < len(pending):
        out.append(_new_row(p, pending[i], cells[pending[i]]))
        i += 1
    return b"".join(out)


def _new_row(p: bytes, number: int, cells: dict[int, str]) -> bytes:
    body = "".join(cells[c] for c in sorted(cells))
    pd_ = p.decode()
    return f'<{pd_}row r="{number}">{body}</{pd_}row>'.encode()


def _edit_row(scan: _Scanner, data: bytes, start: int, tag_end: int, end: int, p: bytes,
              new_cells: dict[int, str], clear_cols: set[int]) -> bytes:
    if tag_end == end:   # <row .../>: no cells yet
        start_tag = data[start:tag_end - 2].rstrip() + b">"
        content = b""
    else:
        start_tag = data[start:tag_end]
        content = data[tag_end:end - len(scan.row_end)]
    start_tag = _widen_spans(start_tag, new_cells)
    added = b"".join(new_cells[c].encode() for c in sorted(new_cells))
    last = scan.last_column(content)
    if last is not None and new_cells and last < min(new_cells) and not (clear_cols and last >= min(clear_cols)):
        return start_tag + content + added + scan.row_end   # the usual case: our cells go last
    pending = sorted(new_cells.items())
    out = bytearray()
    pos = 0
    i = 0
    for col, c_start, c_end in scan.cells(content):
        out += content[pos:c_start]
        while i < len(pending) and pending[i][0] < col:
            out += pending[i][1].encode()
            i += 1
        if col not in clear_cols:
            out += content[c_start:c_end]
        pos = c_end
    out += content[pos:]
    while i < len(pending):
        out += pending[i][1].encode()
        i += 1
    return start_tag + bytes(out) + scan.row_end


def _widen_spans(start_tag: bytes, new_cells: dict[int, str]) -> bytes:
    m = _SPANS.search(start_tag)
    if not m or not new_cells:
        return start_tag
    numbers = [int(x) for x in re.findall(rb"\d+", m.group(1))]
    if not numbers:
        return start_tag
    lo, hi = min(numbers + list(new_cells)), max(numbers + list(new_cells))
    if (lo, hi) == (min(numbers), max(numbers)):
        return start_tag
    return start_tag[:m.start(1)] + f"{lo}:{hi}".encode() + start_tag[m.end(1):]


def _set_columns(head: bytes, sheet: xlsx.SheetXml, cols: tuple[int, ...], widths: tuple[int, ...]) -> bytes:
    """Give our columns a width, splitting any <col> range that covers them; others stay as they are."""
    p = sheet.prefix.decode()
    ns = xlsx.MAIN_NS
    existing = [dict(col.attrib) for col in sheet.skeleton.iterfind(f"{{{ns}}}cols/{{{ns}}}col")]
    ranges: list[dict[str, str]] = []
    want = dict(zip(cols, widths))
    for attrs in existing:
        try:
            lo, hi = int(attrs.get("min", "0")), int(attrs.get("max", "0"))
        except ValueError:
            ranges.append(attrs)
            continue
        inside = [c for c in cols if lo <= c <= hi]
        if not inside or (lo == hi and attrs.get("customWidth") in ("1", "true")):
            if lo == hi and lo in want:
                want.pop(lo)     # the user (or an earlier refresh) sized this column: keep it
            ranges.append(attrs)
            continue
        start = lo
        for c in inside:
            if start < c:
                ranges.append({**attrs, "min": str(start), "max": str(c - 1)})
            ranges.append({**attrs, "min": str(c), "max": str(c), "width": str(want.pop(c)), "customWidth": "1"})
            start = c + 1
        if start <= hi:
            ranges.append({**attrs, "min": str(start), "max": str(hi)})
    for c, w in want.items():
        ranges.append({"min": str(c), "max": str(c), "width": str(w), "customWidth": "1"})
    if not ranges:
        return head
    ranges.sort(key=lambda a: int(a.get("min", "0")) if a.get("min", "0").isdigit() else 0)
    body = "".join(f"<{p}col " + " ".join(f'{_attr_name(k)}="{_escape_attr(v)}"' for k, v in a.items()) + "/>"
                   for a in ranges)
    block = f"<{p}cols>{body}</{p}cols>".encode()
    m = re.search(rb"<" + re.escape(sheet.prefix) + rb"cols\b[^>]*?(?:/>|>.*?</" + re.escape(sheet.prefix)
                  + rb"cols>)", head, re.S)
    if m:
        return head[:m.start()] + block + head[m.end():]
    return head + block


def _attr_name(key: str) -> str:
    if key.startswith("{"):
        raise UnsupportedContent("a column definition with namespaced attributes; open in Excel and save again")
    return key


def _escape_attr(v: str) -> str:
    return _escape(v).replace('"', "&quot;")


def _widen_dimension(head: bytes, sheet: xlsx.SheetXml, top: int, left: int, bottom: int, right: int) -> bytes:
    m = re.search(rb"<" + re.escape(sheet.prefix) + rb"""dimension\s+ref\s*=\s*["']([^"']*)["']""", head)
    if not m:
        return head
    old = xlsx.parse_ref(m.group(1).decode())
    if old is None:
        return head
    r1, c1, r2, c2 = min(old[0], top), min(old[1], left), max(old[2], bottom), max(old[3], right)
    ref = f"{xlsx.column_letters(c1)}{r1}:{xlsx.column_letters(c2)}{r2}"
    return head[:m.start(1)] + ref.encode() + head[m.end(1):]


# --- an Excel table our columns join -----------------------------------------------------

def _extend_table(data: bytes, t: Tracker, where: str) -> bytes | None:
    """Add our columns to the table when they sit right after it; None when nothing changes."""
    table = t.table
    cols = t.output_columns
    if table is None or list(cols) != list(range(cols[0], cols[0] + 3)):
        return None
    if not (table.ref[3] + 1 == cols[0] or table.ref[3] == cols[2]):
        return None
    root = xlsx.parse_xml(data, where)
    ns = xlsx.MAIN_NS
    tc = root.find(f"{{{ns}}}tableColumns")
    if tc is None:
        return None
    names = [c.get("name", "") for c in tc]
    if table.ref[3] == cols[2] and names[-3:] == list(OUTPUT_HEADERS):
        return None
    r1, c1, r2, _ = table.ref
    ref = f"{xlsx.column_letters(c1)}{r1}:{xlsx.column_letters(cols[2])}{r2}"
    root.set("ref", ref)
    auto = root.find(f"{{{ns}}}autoFilter")
    if auto is not None:
        auto.set("ref", ref)
    next_id = max((int(c.get("id", "0")) for c in tc), default=0) + 1
    for offset, name in enumerate(OUTPUT_HEADERS):
        if name in names:
            continue
        col = etree.SubElement(tc, f"{{{ns}}}tableColumn")
        col.set("id", str(next_id + offset))
        col.set("name", name)
    tc.set("count", str(len(tc)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- styles ------------------------------------------------------------------------------

class _Styles:
    """The styles part, with our fills and cell formats found or appended (never renumbered)."""

    def __init__(self, data: bytes, where: str, settings: Settings, used_styles=None):
        self.used_styles = used_styles   # () -> style numbers the worksheets use, for damaged parts
        self.root = xlsx.parse_xml(data, where)
        self.original = data
        self.settings = settings
        self.changed = False
        self._cache: dict[tuple, int] = {}

    _ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
              "tableStyles", "colors", "extLst")

    def _section(self, name: str) -> etree._Element:
        ns = xlsx.MAIN_NS
        el = self.root.find(f"{{{ns}}}{name}")
        if el is None:
            el = etree.Element(f"{{{ns}}}{name}")
            later = [self.root.find(f"{{{ns}}}{n}") for n in self._ORDER[self._ORDER.index(name) + 1:]]
            later = [x for x in later if x is not None]
            if later:
                later[0].addprevious(el)
            else:
                self.root.append(el)
            self.changed = True
            if name == "cellXfs" and self.used_styles:
                # cells may already point at formats this part lacks: keep those plain
                for _ in range(max(self.used_styles()) + 1):
                    el.append(etree.fromstring(_in_ns('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>')))
        return el

    def _find_or_add(self, section: str, xml: "str | etree._Element") -> int:
        parent = self._section(section)
        el = etree.fromstring(_in_ns(xml)) if isinstance(xml, str) else xml
        wanted = _canonical(el)
        for i, child in enumerate(parent):
            if _canonical(child) == wanted:
                return i
        parent.append(el)
        parent.set("count", str(len(parent)))
        self.changed = True
        return len(parent) - 1

    def _fill(self, rgb: str) -> int:
        return self._find_or_add("fills", f'<fill><patternFill patternType="solid"><fgColor rgb="FF{rgb}"/>'
                                          f'<bgColor indexed="64"/></patternFill></fill>')

    def _font(self, kind: str) -> int:
        fonts = self._section("fonts")
        base = fonts[0] if len(fonts) else etree.fromstring(_in_ns('<font><sz val="11"/><name val="Calibri"/></font>'))
        font = etree.fromstring(etree.tostring(base))
        ns = xlsx.MAIN_NS
        if kind == "bold":
            if font.find(f"{{{ns}}}b") is None:
                font.insert(0, etree.Element(f"{{{ns}}}b"))
        else:  # link
            for old in font.findall(f"{{{ns}}}color"):
                font.remove(old)
            font.insert(0, etree.Element(f"{{{ns}}}u"))
            color = etree.Element(f"{{{ns}}}color")
            color.set("rgb", "FF0563C1")
            sz = font.find(f"{{{ns}}}sz")
            (sz.addnext(color) if sz is not None else font.append(color))
        return self._find_or_add("fonts", font)

    def xf(self, *, num_fmt: int = 0, font: int = 0, fill: int = 0, wrap: bool = False) -> int:
        key = (num_fmt, font, fill, wrap)
        if key not in self._cache:
            self._section("cellStyleXfs")
            applies = "".join([' applyNumberFormat="1"' if num_fmt else "", ' applyFont="1"' if font else "",
                               ' applyFill="1"' if fill else "", ' applyAlignment="1"' if wrap else ""])
            align = '<alignment vertical="top" wrapText="1"/>' if wrap else ""
            xml = (f'<xf numFmtId="{num_fmt}" fontId="{font}" fillId="{fill}" borderId="0" xfId="0"{applies}>'
                   f'{align}</xf>')
            self._ensure_border()
            self._cache[key] = self._find_or_add("cellXfs", xml)
        return self._cache[key]

    def _ensure_border(self) -> None:
        if not len(self._section("borders")):
            self._find_or_add("borders", "<border><left/><right/><top/><bottom/><diagonal/></border>")
        if not len(self._section("fonts")):
            self._find_or_add("fonts", '<font><sz val="11"/><name val="Calibri"/></font>')
        fills = self._section("fills")
        if not len(fills):
            self._find_or_add("fills", '<fill><patternFill patternType="none"/></fill>')
            self._find_or_add("fills", '<fill><patternFill patternType="gray125"/></fill>')
        csx = self._section("cellStyleXfs")
        if not len(csx):
            self._find_or_add("cellStyleXfs", '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>')

    def status_xf(self, status: str) -> int:
        return self.xf(fill=self._fill(self.settings.fills[status]))

    def date_xf(self) -> int:
        return self.xf(num_fmt=14)

    def script_xf(self) -> int:
        return self.xf(wrap=True)

    def bold_xf(self) -> int:
        return self.xf(font=self._font("bold"))

    def link_xf(self) -> int:
        return self.xf(font=self._font("link"))

    def serialize(self) -> bytes | None:
        if not self.changed:
            return None
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _in_ns(xml: str) -> str:
    """Put a fragment in the main namespace so it can be compared with and added to the part."""
    tag_end = re.search(r"^<\w+", xml).end()
    return xml[:tag_end] + f' xmlns="{xlsx.MAIN_NS}"' + xml[tag_end:]


def _canonical(el: etree._Element) -> tuple:
    return (etree.QName(el).localname, tuple(sorted(el.attrib.items())),
            tuple(_canonical(c) for c in el if isinstance(c.tag, str)))


# --- the Today sheet ---------------------------------------------------------------------

def _today_sheet_part(pkg: xlsx.Package, new_parts: dict[str, bytes]) -> tuple[str, dict[str, bytes]]:
    """The part of our Today sheet: the existing one, or a new sheet added to the workbook."""
    ours = _tool_sheets(pkg)
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


def _tool_sheets(pkg: xlsx.Package) -> set[str]:
    names = {s.name for s in pkg.sheets if s.is_worksheet
             and any(s.name.lower() == n.lower() or s.name.lower().startswith("follow-up today")
                     for n in TODAY_SHEET_NAMES)}
    if not names:
        return set()
    import python_calamine
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(pkg.data))
    ours = set()
    for name in names:
        try:
            first = book.get_sheet_by_name(name).to_python(nrows=1)
        except Exception:
            continue
        if first and first[0] and isinstance(first[0][0], str) and first[0][0].startswith(TODAY_MARKER):
            ours.add(name)
    return ours


def _add_sheet(pkg: xlsx.Package, name: str) -> tuple[str, dict[str, bytes]]:
    ns, rel_ns = xlsx.MAIN_NS, xlsx.REL_NS
    k = 1
    folder = "xl/worksheets/"
    while pkg.has(f"{folder}sheet{k}.xml"):
        k += 1
    part = f"{folder}sheet{k}.xml"

    rels_name = xlsx.rels_part_for(pkg.workbook_part)
    rels = xlsx.parse_xml(pkg.read(rels_name), f"{pkg.path}: {rels_name}")
    ids = {r.get("Id") for r in rels}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    rid = f"rId{n}"
    rel = etree.SubElement(rels, f"{{{xlsx.PKG_REL_NS}}}Relationship")
    rel.set("Id", rid)
    rel.set("Type", xlsx.WORKSHEET_TYPE)
    rel.set("Target", _relative(pkg.workbook_part, part))

    wb = xlsx.parse_xml(pkg.read(pkg.workbook_part), f"{pkg.path}: {pkg.workbook_part}")
    sheets = wb.find(f"{{{ns}}}sheets")
    sheet_id = max((int(s.get("sheetId", "0")) for s in sheets if s.get("sheetId", "0").isdigit()), default=0) + 1
    el = etree.SubElement(sheets, f"{{{ns}}}sheet")
    el.set("name", name)
    el.set("sheetId", str(sheet_id))
    el.set(f"{{{rel_ns}}}id", rid)

    ct = xlsx.parse_xml(pkg.read("[Content_Types].xml"), f"{pkg.path}: [Content_Types].xml")
    override = etree.SubElement(ct, f"{{{xlsx.CT_NS}}}Override")
    override.set("PartName", "/" + part)
    override.set("ContentType", WORKSHEET_CT)

    def dump(root: etree._Element) -> bytes:
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return part, {rels_name: dump(rels), pkg.workbook_part: dump(wb), "[Content_Types].xml": dump(ct)}


def _relative(source_part: str, target: str) -> str:
    import posixpath
    return posixpath.relpath(target, posixpath.dirname(source_part))


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _today_sheet_xml(rows: pd.DataFrame, today: dt.date, styles: _Styles, date1904: bool) -> bytes:
    bold, date_style, wrap, link = styles.bold_xf(), styles.date_xf(), styles.script_xf(), styles.link_xf()
    width = len(TODAY_HEADERS)
    last_col = xlsx.column_letters(width)
    title = (f"{TODAY_MARKER} for {today:%A, %B} {today.day}, {today.year}. Rebuilt on each refresh; "
             "edits here are overwritten.")
    out = [f'<row r="1">{_text_cell("", "A1", bold, title)}</row>',
           '<row r="2">' + "".join(_text_cell("", f"{xlsx.column_letters(i + 1)}2", bold, h)
                                   for i, h in enumerate(TODAY_HEADERS)) + "</row>"]
    links = []
    r = 2
    for r, rec in enumerate(rows.to_dict("records"), start=3):
        values = [rec["company"], rec["position"], rec["contact"], rec["phone"], rec["email"], rec["status"]]
        cells = [_text_cell("", f"{xlsx.column_letters(i + 1)}{r}", None, v) for i, v in enumerate(values) if v]
        cells.append(f'<c r="G{r}"><v>{int(rec["days_overdue"])}</v></c>')
        if pd.notna(rec["due"]):
            cells.append(_number_cell("", f"H{r}", date_style, _serial(pd.Timestamp(rec["due"]), date1904)))
        if rec["script"]:
            cells.append(_text_cell("", f"I{r}", wrap, rec["script"]))
        label = f"{rec['sheet']} row {rec['row']}"
        cells.append(_text_cell("", f"J{r}", link, label))
        links.append(f'<hyperlink ref="J{r}" location="{_escape_attr(_quote_sheet(rec["sheet"]))}!A{rec["row"]}"'
                     f' display="{_escape_attr(label)}"/>')
        out.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    if rows.empty:
        r = 3
        out.append(f'<row r="3">{_text_cell("", "A3", None, "Nothing overdue or due today.")}</row>')
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>'
                   for i, w in enumerate(TODAY_WIDTHS))
    hyperlinks = f"<hyperlinks>{''.join(links)}</hyperlinks>" if links else ""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{xlsx.MAIN_NS}" xmlns:r="{xlsx.REL_NS}">'
        '<sheetPr><tabColor rgb="FFFFB347"/></sheetPr>'
        f'<dimension ref="A1:{last_col}{r}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft"'
        ' state="frozen"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f'<cols>{cols}</cols>'
        f'<sheetData>{"".join(out)}</sheetData>'
        f'{hyperlinks}'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        '</worksheet>')
    return xml.encode("utf-8")
