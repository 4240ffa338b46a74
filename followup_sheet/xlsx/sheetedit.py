"""Editing a tracker worksheet while it streams: the tool's cells in the rows it owns, its
column widths, the dimension and spans, and the table grown over its columns. Every other byte
of the sheet is copied as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from lxml import etree

from .. import columns
from ..errors import UnsupportedContent
from .cells import clean_text_cell, escape_text, number_cell, text_cell
from .live import STATUSES, formula_cell, place_status_formats
from .package import MAIN_NS, Package, parse_xml
from .refs import column_letters, column_number, parse_ref
from .sheetxml import TableInfo, iter_sheet, sheet_data_prefix
from .styles import Styles

if TYPE_CHECKING:
    from .edits import SheetEdits
    from .placement import ToolColumns

log = logging.getLogger(__name__)

TAIL_LIMIT = 4 << 20   # bytes after the rows kept whole to place the conditional formats in


def _due_at() -> int:
    """The position of the date column among the tool's columns (the status formulas read it)."""
    return next(i for i, c in enumerate(columns.TRACKER_COLUMNS) if c.kind == "date")


_ATTR_R = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]{1,3})?(\d+)["']""")


_SPANS = re.compile(rb"""\sspans\s*=\s*["']([^"']*)["']""")


class CellStyles:
    """The style numbers of one tracker sheet's cells, settled before any cell is written."""

    def __init__(self, styles: Styles, statuses: pd.Series, live: bool = False):
        present = set(statuses)
        self.status = {name: styles.status_xf(name) for name in styles.settings.fills if name in present}
        self.date = styles.date_xf()
        self.script = styles.script_xf()
        # the conditional formats' fills, one per status (live workbooks only)
        self.dxfs = ({name: styles.status_dxf(name) for name in STATUSES if name in styles.settings.fills}
                     if live else None)


class TrackerSheet:
    """The tracker's worksheet part, streamed: the tool's cells as the edits hold them, all else as
    it was. `changed` says, once streamed, whether any row or the head came out different."""

    def __init__(self, pkg: Package, edits: SheetEdits):
        self.pkg, self.edits = pkg, edits
        self.changed = False

    def pieces(self) -> Iterator[bytes]:
        pkg, e = self.pkg, self.edits
        cols = e.placed.columns
        letters = [column_letters(c) for c in cols]
        rows = _with_serials(e.rows, pkg.date1904)
        last_row = max([e.header_row, *rows])
        editor: _RowEditor | None = None
        tail: list[bytes] | None = []
        for kind, data in iter_sheet(pkg, e.part):
            if kind == "head":
                head = data
            elif kind == "open":
                p = sheet_data_prefix(data)
                new_cols = {c for c, existed in zip(cols, e.placed.existing) if not existed}
                widths = tuple(c.width for c in columns.TRACKER_COLUMNS)
                new_head = _set_columns(head, p, cols, widths, f"{pkg.path}: {e.part}", show=new_cols)
                new_head = _widen_dimension(new_head, p, e.header_row, min(cols), last_row,
                                            max([*cols, *e.added_headers]))
                self.changed |= new_head != head
                yield new_head
                yield data
                editor = _RowEditor(p.decode(), e, rows, letters)
            elif kind == "rows":
                if editor is None:
                    raise ValueError(f"{pkg.path}: {e.part}: rows before <sheetData>")
                yield editor.block(data)
            else:   # the tail, in one or more blocks: kept whole to place the conditional formats
                if editor is not None:
                    yield editor.finish()
                    self.changed |= editor.changed
                    editor = None
                if tail is None:
                    yield data
                    continue
                tail.append(data)
                if sum(map(len, tail)) > TAIL_LIMIT:
                    # padded far beyond any real sheet: streamed as it is, without conditional formats
                    log.info("%s: %s: the sheet's end is too large to place conditional formats in", pkg.path, e.part)
                    yield from tail
                    tail = None
        if tail is not None:
            old_tail = b"".join(tail)
            new_tail = place_status_formats(old_tail, p.decode(), letters[0], rows, e.styles.dxfs)
            self.changed |= new_tail != old_tail
            yield new_tail


def _with_serials(rows: dict[int, tuple], date1904: bool) -> dict[int, tuple]:
    """The rows' values with the date column's dates as the workbook's serial day numbers."""
    at = _due_at()
    epoch = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
    out = {}
    for row, values in rows.items():
        due = values[at]
        if due is not None:
            values = (*values[:at], (due - epoch).days, *values[at + 1:])
        out[row] = values
    return out


def _shows(value) -> bool:
    """Whether a plan value is worth a cell: not missing, not empty text."""
    return value is not None and value == value and value != ""


def date_serials(due: pd.Series, date1904: bool) -> list:
    """Dates as the workbook's serial day numbers (None where there is no date)."""
    epoch = np.datetime64("1904-01-01" if date1904 else "1899-12-30", "D")
    days = due.to_numpy(dtype="datetime64[D]")
    serials = (days - epoch).astype("int64").astype(object)
    serials[np.isnat(days)] = None
    return serials.tolist()


class _RowEditor:
    """Rewrites rows block by block: our cells replaced in the rows we own, other rows copied
    byte for byte, rows the sheet lacks inserted in order."""

    def __init__(self, p: str, edits: SheetEdits, rows: dict, letters: list[str]):
        self.p = p
        self.user = edits.mark_cells    # row -> {column: (kind, value, style when the cell has none)}: marks
        self.added = edits.added_headers    # column -> header of a column the marks add
        self.scan = CellScanner(p.encode())
        self.header_row = edits.header_row
        self.header_style_column = edits.header_style_column
        self.rows = rows
        self.letters = letters
        self.style = edits.styles
        self.cols = edits.placed.columns
        self.due_at = _due_at()   # the date column's place in each row's values
        self.our_cols = set(self.cols)
        self.clear = edits.clear_rows
        self.pending = sorted({self.header_row, *rows, *self.user})
        self.i = 0
        self.number = 0
        self.header_style: int | None = None
        self.changed = False

    def cells(self, number: int, kept: dict[int, int | None] | None = None) -> dict[int, str]:
        p, cols, letters = self.p, self.cols, self.letters
        if number == self.header_row:
            heads = {c: text_cell(p, f"{letter}{number}", self.header_style, h)
                     for c, letter, h in zip(cols, letters, columns.output_headers())}
            heads.update({c: text_cell(p, f"{column_letters(c)}{number}", self.header_style, h)
                          for c, h in self.added.items()})
            return heads
        marked = self.user.get(number)
        mine = _user_cells(p, number, marked, kept or {}) if marked else {}
        if number not in self.rows:
            return mine
        *values, formula = self.rows[number]
        due = values[self.due_at]
        out = {}
        for col, letter, column, value in zip(cols, letters, columns.TRACKER_COLUMNS, values):
            ref = f"{letter}{number}"
            if column.kind == "status" and formula is not None and due is not None:
                out[col] = formula_cell(p, ref, self.style.status[value], formula, value)
            elif column.kind == "status":
                out[col] = text_cell(p, ref, self.style.status[value], value)
            elif column.kind == "date" and value is not None:
                out[col] = number_cell(p, ref, self.style.date, value)
            elif column.kind == "script" and value:
                out[col] = clean_text_cell(p, ref, self.style.script, value)
            elif column.kind == "text" and _shows(value):
                out[col] = clean_text_cell(p, ref, None, value)
            elif column.kind == "number" and _shows(value):
                out[col] = f'<{p}c r="{ref}"><{p}v>{float(value):g}</{p}v></{p}c>'
        out.update(mine)
        return out

    def block(self, data: bytes) -> bytes:
        out: list[bytes] = []
        pos = 0
        pending = self.pending
        for number, start, tag_end, end in self.scan.rows(data, 0, len(data), self.number):
            self.number = number
            while self.i < len(pending) and pending[self.i] < number:
                out.append(data[pos:start])
                pos = start
                out.append(_new_row(self.p, pending[self.i], self.cells(pending[self.i])))
                self.changed = True
                self.i += 1
            owned = number in self.clear or number == self.header_row
            marked = self.user.get(number)
            if number not in self.rows and not owned and not marked:
                continue
            out.append(data[pos:start])
            if number == self.header_row:
                self.header_style = _last_header_style(self.scan, data[tag_end:end], self.header_style_column)
            clear = self.our_cols if owned else set()
            kept = _styles_of(self.scan, data[tag_end:end], set(marked)) if marked else None
            if marked:
                clear = clear | set(marked)
            elif number == self.header_row and self.added:
                clear = clear | set(self.added)
            row = _edit_row(self.scan, data, start, tag_end, end, self.cells(number, kept), clear)
            self.changed = self.changed or row != data[start:end]
            out.append(row)
            pos = end
            if self.i < len(pending) and pending[self.i] == number:
                self.i += 1
        out.append(data[pos:])
        return b"".join(out)

    def finish(self) -> bytes:
        rest = [_new_row(self.p, n, self.cells(n)) for n in self.pending[self.i:]]
        self.changed = self.changed or bool(rest)
        self.i = len(self.pending)
        return b"".join(rest)


def _user_cells(p: str, number: int, cells: dict[int, tuple], kept: dict[int, int | None]) -> dict[int, str]:
    """A mark's values in the user's own cells, each keeping the style its cell had."""
    out = {}
    for col, (kind, value, fallback, date_styles) in cells.items():
        ref = f"{column_letters(col)}{number}"
        style = kept.get(col)
        if style is None or (date_styles is not None and style not in date_styles):
            style = fallback   # a date needs a date format: the column's, unless the cell has one
        if kind == "n":
            s = f' s="{style}"' if style is not None else ""
            out[col] = f'<{p}c r="{ref}"{s}><{p}v>{value}</{p}v></{p}c>'
        elif kind == "s":
            out[col] = text_cell(p, ref, style, value)
        elif style is not None:   # emptied: the cell stays, with its style
            out[col] = f'<{p}c r="{ref}" s="{style}"/>'
    return out


def _styles_of(scan: CellScanner, content: bytes, cols: set[int]) -> dict[int, int | None]:
    """The style numbers of the cells in `cols` of a row, where it has them."""
    found: dict[int, int | None] = {}
    for col, c_start, _ in scan.cells(content):
        if col in cols:
            tag = content[c_start:content.find(b">", c_start)]
            m = re.search(rb"""\ss\s*=\s*["'](\d+)["']""", tag)
            found[col] = int(m.group(1)) if m else None
    return found


def _last_header_style(scan: CellScanner, content: bytes, last: int) -> int | None:
    """Our header cells look like the user's last header cell (in column `last`)."""
    for col, c_start, _ in scan.cells(content):
        if col == last:
            tag = content[c_start:content.find(b">", c_start)]
            m = re.search(rb"""\ss\s*=\s*["'](\d+)["']""", tag)
            return int(m.group(1)) if m else None
    return None


class CellScanner:
    """Finds rows and cells in worksheet XML bytes without parsing them: start tags by regex,
    ends with a plain search (cells and rows never nest)."""

    def __init__(self, prefix: bytes):
        p = re.escape(prefix)
        self.row_start = re.compile(rb"<" + p + rb"row\b[^>]*?(/?)>")
        self.row_end = b"</" + prefix + b"row>"
        self.cell_start = re.compile(rb"<" + p + rb"c\b[^>]*?(/?)>")
        self.cell_end = b"</" + prefix + b"c>"
        self.cell_open = b"<" + prefix + b"c"

    def rows(self, data: bytes, start: int, stop: int, number: int = 0) -> Iterable[tuple[int, int, int, int]]:
        """(row number, start, end of start tag, end) of each row; `number` is the row before."""
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
            col = column_number(found.group(1).decode()) if found and found.group(1) else col + 1
            if m.group(1):
                end = m.end()
            else:
                end = content.find(self.cell_end, m.end())
                end = len(content) if end < 0 else end + len(self.cell_end)
            yield col, m.start(), end
            pos = end

    def last_column(self, content: bytes) -> int | None:
        """The column of a row's last cell, when it says so (the usual case), else None."""
        # the last `<c` followed by a space, `>` or `/`: one search back from the end, where the
        # last cell is (three searches, one per ending, scanned the whole row for the two it lacks:
        # 10 ms more at 10,000 rows)
        tag = self.cell_open
        at = content.rfind(tag)
        while at >= 0 and content[at + len(tag):at + len(tag) + 1] not in (b" ", b">", b"/"):
            at = content.rfind(tag, 0, at)
        if at < 0:
            return 0
        found = _ATTR_R.search(content, at, content.find(b">", at))
        return column_number(found.group(1).decode()) if found and found.group(1) else None


def _new_row(p: str, number: int, cells: dict[int, str]) -> bytes:
    body = "".join(cells[c] for c in sorted(cells))
    return f'<{p}row r="{number}">{body}</{p}row>'.encode()


def _edit_row(scan: CellScanner, data: bytes, start: int, tag_end: int, end: int,
              new_cells: dict[int, str], clear_cols: set[int]) -> bytes:
    if tag_end == end:   # <row .../>: no cells yet
        start_tag = data[start:tag_end - 2].rstrip() + b">"
        content = b""
    else:
        start_tag = data[start:tag_end]
        content = data[tag_end:end - len(scan.row_end)]
    start_tag = _widen_spans(start_tag, new_cells)
    added = "".join(new_cells[c] for c in sorted(new_cells)).encode()
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
    if b"spans" not in start_tag:   # most writers leave spans out: no regex per row
        return start_tag
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


def column_looks(pkg: Package, part: str, placed: ToolColumns, where: str) -> list[tuple[int, str]]:
    """(column, what) for each of the tool's columns whose look the write changes, as
    `TrackerSheet.pieces` sets them (`_set_columns`): a width set ("width 14", where the column had
    none of its own) or a column shown again ("shown"). Only the sheet's head is read."""
    head = prefix = None
    pieces = iter_sheet(pkg, part)
    try:
        for kind, data in pieces:
            if kind == "head":
                head = data
            elif kind == "open":
                prefix = sheet_data_prefix(data)
                break
    finally:
        pieces.close()
    if head is None or prefix is None:
        return []
    cols = placed.columns
    new_cols = {c for c, existed in zip(cols, placed.existing) if not existed}
    widths = tuple(c.width for c in columns.TRACKER_COLUMNS)
    before = _column_attrs(head, prefix, cols, where)
    after = _column_attrs(_set_columns(head, prefix, cols, widths, where, show=new_cols), prefix, cols, where)
    out = []
    for c in sorted(cols):
        old, new = before.get(c, {}), after.get(c, {})
        if old.get("hidden") in ("1", "true") and new.get("hidden") not in ("1", "true"):
            out.append((c, "shown"))
        if (old.get("width"), old.get("customWidth")) != (new.get("width"), new.get("customWidth")):
            out.append((c, f"width {new.get('width', 'default')}"))
    return out


def _column_attrs(head: bytes, prefix: bytes, cols: tuple[int, ...], where: str) -> dict[int, dict[str, str]]:
    """The attributes of the <col> range that covers each of `cols` in the worksheet's head."""
    if re.search(rb"<" + re.escape(prefix) + rb"cols\b", head) is None:
        return {}
    root = re.match(rb"(?:<\?[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<([\w:.-]+)", head, re.S)
    if root is None:
        return {}
    doc = parse_xml(head + b"</" + root.group(1) + b">", where)
    out: dict[int, dict[str, str]] = {}
    for col in doc.iterfind(f"{{{MAIN_NS}}}cols/{{{MAIN_NS}}}col"):
        attrs = dict(col.attrib)
        try:
            lo, hi = int(attrs.get("min", "0")), int(attrs.get("max", "0"))
        except ValueError:
            continue
        out.update({c: attrs for c in cols if lo <= c <= hi})
    return out


def _set_columns(head: bytes, prefix: bytes, cols: tuple[int, ...], widths: tuple[float, ...], where: str,
                 show: set[int] | frozenset[int] = frozenset()) -> bytes:
    """Give our columns a width, splitting any <col> range that covers them; others stay as they are.
    The columns in `show` (new ones the read stage found free but hidden) are un-hidden."""
    p = prefix.decode()
    ns = MAIN_NS
    block = re.search(rb"<" + re.escape(prefix) + rb"cols\b[^>]*?(?:/>|>.*?</" + re.escape(prefix) + rb"cols>)",
                      head, re.S)
    existing = []
    if block:
        root = re.match(rb"(?:<\?[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<([\w:.-]+)", head, re.S)
        if root is None:
            raise ValueError(f"{where}: the worksheet has no root element")
        root_tag = root.group(1)
        doc = parse_xml(head + b"</" + root_tag + b">", where)
        existing = [dict(col.attrib) for col in doc.iterfind(f"{{{ns}}}cols/{{{ns}}}col")]
    ranges: list[dict[str, str]] = []
    want = dict(zip(cols, widths))
    for attrs in existing:
        try:
            lo, hi = int(attrs.get("min", "0")), int(attrs.get("max", "0"))
        except ValueError:
            ranges.append(attrs)
            continue
        inside = [c for c in cols if lo <= c <= hi]
        if not inside or (lo == hi and attrs.get("customWidth") in ("1", "true") and lo not in show):
            if lo == hi and lo in want:
                want.pop(lo)     # the user (or an earlier refresh) sized this column: keep it
            ranges.append(attrs)
            continue
        start = lo
        for c in inside:
            if start < c:
                ranges.append({**attrs, "min": str(start), "max": str(c - 1)})
            mine = {**attrs, "min": str(c), "max": str(c), "width": str(want.pop(c)), "customWidth": "1"}
            if c in show:
                mine.pop("hidden", None)
            ranges.append(mine)
            start = c + 1
        if start <= hi:
            ranges.append({**attrs, "min": str(start), "max": str(hi)})
    for c, w in want.items():
        ranges.append({"min": str(c), "max": str(c), "width": str(w), "customWidth": "1"})
    if not ranges:
        return head
    ranges.sort(key=lambda a: int(a.get("min", "0")) if a.get("min", "0").isdigit() else 0)
    body = "".join(f"<{p}col " + " ".join(f'{_attr_name(k)}="{escape_attr(v)}"' for k, v in a.items()) + "/>"
                   for a in ranges)
    new_block = f"<{p}cols>{body}</{p}cols>".encode()
    if block:
        return head[:block.start()] + new_block + head[block.end():]
    return head + new_block


def _attr_name(key: str) -> str:
    if key.startswith("{"):
        raise UnsupportedContent("a column definition with namespaced attributes; open in Excel and save again")
    return key


def escape_attr(v: str) -> str:
    return escape_text(v).replace('"', "&quot;")


def _widen_dimension(head: bytes, prefix: bytes, top: int, left: int, bottom: int, right: int) -> bytes:
    m = re.search(rb"<" + re.escape(prefix) + rb"""dimension\s+ref\s*=\s*["']([^"']*)["']""", head)
    if not m:
        return head
    old = parse_ref(m.group(1).decode())
    if old is None:
        return head
    r1, c1, r2, c2 = min(old[0], top), min(old[1], left), max(old[2], bottom), max(old[3], right)
    ref = f"{column_letters(c1)}{r1}:{column_letters(c2)}{r2}"
    return head[:m.start(1)] + ref.encode() + head[m.end(1):]


def extend_table(data: bytes, table: TableInfo, cols: tuple[int, ...], where: str) -> bytes | None:
    """Add our columns (`cols`) to the table when they sit right after it; None when nothing changes."""
    if table is None or list(cols) != list(range(cols[0], cols[0] + len(cols))):
        return None
    if not (table.ref[3] + 1 == cols[0] or table.ref[3] == cols[-1]):
        return None
    root = parse_xml(data, where)
    ns = MAIN_NS
    tc = root.find(f"{{{ns}}}tableColumns")
    if tc is None:
        return None
    names = [c.get("name", "") for c in tc]
    if table.ref[3] == cols[-1] and names[-len(cols):] == list(columns.output_headers()):
        return None
    r1, c1, r2, _ = table.ref
    ref = f"{column_letters(c1)}{r1}:{column_letters(cols[-1])}{r2}"
    root.set("ref", ref)
    auto = root.find(f"{{{ns}}}autoFilter")
    if auto is not None:
        auto.set("ref", ref)
    next_id = max((int(c.get("id", "0")) for c in tc), default=0) + 1
    for offset, name in enumerate(columns.output_headers()):
        if name in names:
            continue
        col = etree.SubElement(tc, f"{{{ns}}}tableColumn")
        col.set("id", str(next_id + offset))
        col.set("name", name)
    tc.set("count", str(len(tc)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)



def grow_table_rows(data: bytes, table: TableInfo, last_row: int, where: str) -> bytes | None:
    """The table's range (and its filter's) taken down to `last_row` when rows were added right
    below it (inbox --add-missing); None when it already reaches there, or has a totals row (the
    rows would sit below the totals: the caller never adds rows there, the totals row is not empty)."""
    r1, c1, r2, c2 = table.ref
    if last_row <= r2 or table.totals_rows:
        return None
    root = parse_xml(data, where)
    ref = root.get("ref", "")
    start, _, end = ref.partition(":")
    if not end:
        return None
    letters = end.rstrip("0123456789")
    new_ref = f"{start}:{letters}{last_row}"
    root.set("ref", new_ref)
    auto = root.find(f"{{{MAIN_NS}}}autoFilter")
    if auto is not None and ":" in auto.get("ref", ""):
        a_start, _, a_end = auto.get("ref", "").partition(":")
        auto.set("ref", f"{a_start}:{a_end.rstrip('0123456789')}{last_row}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
