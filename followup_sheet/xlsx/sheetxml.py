"""Worksheet XML, read as a stream: the head before `sheetData`, the rows in blocks, the tail;
where the rows and the last value are, which columns hold anything (values, formulas, comments,
validations, merges, names), hidden columns and tables.
"""

from __future__ import annotations

import html
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..errors import NotAWorkbook, UnsupportedContent
from ..tuning import KEEP_SHEETS_UP_TO
from .package import (
    MAIN_NS,
    REL_NS,
    Package,
    SheetInfo,
    dtd_refused,
    last_value_cell,
    parse_xml,
    rels_part_for,
    resolve_target,
)
from .refs import LAST_COLUMN, column_number, parse_ref

_SHEETDATA_OPEN = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(/?)>")


@dataclass
class SheetScan:
    """A worksheet part read once, in blocks: what lies around the rows, and where values end.

    Only the head (before the rows) and the tail (after them) are kept and parsed; the rows are
    looked at block by block, so a sheet of any size costs little memory (the package keeps the
    blocks for the write only while a workbook's come to `tuning.KEEP_SHEETS_UP_TO`).
    """
    prefix: bytes              # namespace prefix of the main namespace, b"" or e.g. b"x:"
    head: bytes                # everything before "<sheetData"
    tail: bytes                # everything after the rows (runs of padding squeezed to one space)
    skeleton: etree._Element   # head + <sheetData/> + tail, parsed
    last_value: tuple[int, str] | None   # (row, cell) of the last cell holding a value
    far_right: tuple[int, str] | None    # (column, cell) of the rightmost cell from column BA on
    row_bytes: int = 0                   # the size of the rows' XML: values far apart in few bytes are strays
    formulas: dict[int, int] = field(default_factory=dict)   # column -> last row holding a formula


CHUNK = 1 << 20


# Cells from column BA on: rare in a tracker, so the blocks holding none are passed over quickly.
_WIDE_HINT = re.compile(rb"""r\s*=\s*["'](?:[A-Z]{3}|[B-Z][A-Z])\d""")


_WIDE_CELL = re.compile(rb"""<(?:\w+:)?c\s[^>]*?\br\s*=\s*["']([A-Z]{3}|[B-Z][A-Z])(\d+)["'][^>]*(?<!/)>""")


_MARKUP_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


_SPACE_RUN = re.compile(rb"[ \t\r\n]{256,}")   # padding: kept as one space in the parsed skeleton


_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")


_CELL_REF = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]{1,3})(\d+)["']""")


# A style number written as a cell's start tag writes it (`s="3"`), looked for anywhere in the
# rows. The pattern starts with a literal, so it runs at about the speed of a plain search; one
# that starts at each cell's `<c` and reads the tag up to its `s` (styles.highest_style_in_use)
# tries every tag, 4-6 times slower.
_STYLE_NUMBER = re.compile(rb"""s\s*=\s*["'](\d+)["']""")


def style_bound(data: bytes) -> int:
    """A number no style number a cell in the rows `data` points at exceeds: the highest number
    written as `s="N"` anywhere in them (in a cell's start tag or not); -1 when there is none."""
    return max(map(int, set(_STYLE_NUMBER.findall(data))), default=-1)


# Padding: XML comments, and long runs of whitespace between elements, carry nothing a sheet
# holds, but a part can be padded with hundreds of megabytes of them. They are dropped as the
# part is read (Unpadded), so every later step sees only the sheet's own XML.
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
PAD_AFTER_TAG = 4096      # whitespace this long after an end tag or an empty element: squeezed to one space
PAD_ANYWHERE = 1 << 16    # whitespace this long anywhere: longer than any cell's text (32,767 characters)
_LONG_SPACE = re.compile(rb" {%d,}" % PAD_AFTER_TAG)   # searched where every whitespace byte is a space
_SPACE = b" \t\r\n"
CONTEXT = 2048            # bytes looked back for the tag before a run of whitespace
_FLAT = bytes.maketrans(b"\t\r\n", b"   ")


class Unpadded:
    """A worksheet part, read through `read(n)` without its padding: comments removed, and runs of
    whitespace squeezed to one space where they cannot be a cell's text (PAD_AFTER_TAG bytes after
    an end tag or an empty element such as `</row>` or `<c r="A1"/>`, PAD_ANYWHERE bytes anywhere).
    A sheet without padding reads byte for byte as stored. Each byte is looked at a bounded
    number of times and at most about one block is held back, so time is linear in the part's
    size and memory that of a block."""

    def __init__(self, src):
        self.src = src
        self.raw = b""            # read, not yet cleared of comments (a comment's start or end cut by the block)
        self.held = b""           # cleared of comments, held back: the last tag and the whitespace after it
        self.in_comment = False
        self.squeezing = False    # inside a run of whitespace already written as one space
        self.context = b""        # the last bytes sent, for what stands before a run of whitespace
        self.dropped = 0          # bytes of padding left out

    def read(self, n: int) -> bytes:
        while True:
            data = self.src.read(n)
            out = self._clean(self.raw + data, last=not data)
            if out or not data:
                return out

    def _clean(self, data: bytes, last: bool) -> bytes:
        self.raw = b""
        if self.in_comment:
            end = data.find(b"-->")
            if end < 0:
                self.raw = b"" if last else data[-2:]
                self.dropped += len(data) - len(self.raw)
                return self._space(b"", last)
            self.dropped += end + 3
            data = data[end + 3:]
            self.in_comment = False
        if b"<!--" in data:
            size = len(data)
            data = _COMMENT.sub(b"", data)
            start = data.find(b"<!--")
            if start >= 0:   # runs past this block; its last two bytes may begin its "-->"
                self.in_comment = True
                self.raw = b"" if last else data[start + 4:][-2:]
                data = data[:start]
            self.dropped += size - len(data) - len(self.raw)
        if not last and not self.in_comment:
            for k in (3, 2, 1):   # "<!-", "<!" or "<" at the end may start a comment
                if data.endswith(b"<!--"[:k]):
                    self.raw, data = data[-k:], data[:-k]
                    break
        return self._space(data, last)

    def _space(self, data: bytes, last: bool) -> bytes:
        if self.squeezing:
            kept = data.lstrip(_SPACE)
            self.dropped += len(data) - len(kept)
            if not kept and not last:
                return b""
            self.squeezing, data = False, kept
        data, self.held = self.held + data, b""
        squeezed = False
        if not last:
            body = data.rstrip(_SPACE)
            run = len(data) - len(body)
            if run >= PAD_ANYWHERE or (run >= PAD_AFTER_TAG and _ends_an_element(self._before(body, len(body)))):
                self.dropped += run - 1
                self.squeezing = squeezed = True
                data = body
            elif run:   # whitespace at the end may go on in the next block
                data, self.held = body, data[len(body):]
        out = self._squeeze(data) + (b" " if squeezed else b"")
        self.context = (self.context + out[-CONTEXT:])[-CONTEXT:]
        return out

    def _before(self, data: bytes, at: int) -> bytes:
        """The last CONTEXT bytes before position `at` of `data`, what was sent before included."""
        window = data[max(at - CONTEXT, 0):at]
        return window if len(window) == CONTEXT else self.context[len(window) - CONTEXT:] + window

    def _squeeze(self, data: bytes) -> bytes:
        flat = data.translate(_FLAT)   # one pass at C speed: a sheet without long runs costs no regex
        if b" " * PAD_AFTER_TAG not in flat:
            return data
        pieces, at = [], 0
        for m in _LONG_SPACE.finditer(flat):
            if m.end() - m.start() >= PAD_ANYWHERE or _ends_an_element(self._before(data, m.start())):
                pieces.append(data[at:m.start()] + b" ")
                self.dropped += m.end() - m.start() - 1
                at = m.end()
        pieces.append(data[at:])
        return b"".join(pieces)

    def close(self) -> None:
        self.src.close()

    def __enter__(self) -> Unpadded:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ends_an_element(data: bytes) -> bool:
    """Whether `data` ends with an end tag (`</row>`) or an empty element (`<c r="A1"/>`), after
    which whitespace is never a cell's text."""
    if not data.endswith(b">"):
        return False
    if data.endswith(b"/>"):
        return True
    lt = data.rfind(b"<")
    return lt >= 0 and data[lt + 1:lt + 2] == b"/"


def iter_sheet(pkg: Package, part: str, chunk: int = CHUNK):
    """Stream a worksheet part: ("head", bytes), ("open", the sheetData start tag), then
    ("rows", bytes) blocks that each hold whole rows (and what lies between them), then one or
    more ("tail", bytes) blocks, the first starting at "</sheetData>". No block is much larger
    than `chunk` unless a single row is, and each byte is searched a bounded number of times, so
    a part padded with whitespace costs time in proportion to its size and memory of one block.
    A part kept by its first read (`Package.kept_sheets`) is given as it was then."""
    kept = pkg.kept_sheets.get(part)
    if kept is not None and chunk == CHUNK:
        yield from kept
        return
    where = f"{pkg.path}: {part}"
    try:
        src = Unpadded(pkg.zip.open(part))
    except KeyError:
        raise NotAWorkbook(f"{where} is missing; the file is damaged") from None
    try:
        with src:
            head = bytearray()   # grows in place: a padded head costs linear time
            while True:
                data = src.read(chunk)
                searched = max(len(head) - 65536, 0)   # a start tag cut by the block's end is found again
                head += data
                m = _SHEETDATA_OPEN.search(head, searched)
                if m:
                    break
                if not data:
                    raise UnsupportedContent(f"{where} has no cell data section; the sheet is damaged")
            buf = bytes(head)
            del head
            prefix = m.group(1)
            yield "head", buf[:m.start()]
            yield "open", buf[m.start():m.end()]
            if m.group(2):   # <sheetData/>
                yield from _tail(buf[m.end():], src, chunk)
                return
            buf = buf[m.end():]
            close = b"</" + prefix + b"sheetData>"
            row = b"<" + prefix + b"row"
            row_end = b"</" + prefix + b"row>"
            searched = 0   # bytes at the start of buf already known to hold no `close`
            while True:
                end = buf.find(close, max(searched - len(close), 0))
                if end >= 0:
                    yield "rows", buf[:end]
                    yield from _tail(buf[end:], src, chunk)
                    return
                searched = len(buf)
                cut = buf.rfind(row)
                if cut <= 0:
                    cut = _after_last_row(buf, row, row_end)
                if cut > 0:
                    yield "rows", buf[:cut]
                    buf = buf[cut:]
                    searched -= cut
                data = src.read(chunk)
                if not data:
                    raise NotAWorkbook(f"{where} is cut short (no end of its cell data); open it in Excel "
                                       "and save a copy")
                buf += data
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise NotAWorkbook(f"{where} is damaged ({exc}); open it in Excel, which can often repair it, "
                           "and save a copy") from None


def _after_last_row(buf: bytes, row: bytes, row_end: bytes) -> int:
    """When no row starts after the first one in `buf`: the end of the text behind the last
    complete row, if nothing but text follows it (whitespace padding, typically); else 0."""
    lt = buf.rfind(b"<")
    if lt < 0:
        return len(buf)    # no tag at all: text between rows
    gt = buf.find(b">", lt)
    if gt < 0:   # a tag cut at the end of the block: keep it for the next one
        return lt if _ends_a_row(buf[:lt], row, row_end) else 0
    if _ends_a_row(buf[:gt + 1], row, row_end):
        return len(buf)
    return 0


def _ends_a_row(data: bytes, row: bytes, row_end: bytes) -> bool:
    """Whether `data`, trailing text aside, ends with a row's end tag or an empty row."""
    stripped = data.rstrip()
    if stripped.endswith(row_end):
        return True
    if stripped.endswith(b"/>"):
        start = stripped.rfind(b"<")
        return stripped.startswith(row, start) and stripped[start + len(row):start + len(row) + 1] in b" \t\r\n/"
    return False


def _tail(first: bytes, src, chunk: int):
    yield "tail", first
    while data := src.read(chunk):
        yield "tail", data


def sheet_data_prefix(open_tag: bytes) -> bytes:
    m = _SHEETDATA_OPEN.match(open_tag)
    if m is None:
        raise ValueError(f"not a <sheetData> start tag: {open_tag[:80]!r}")
    return m.group(1)


def _row_ends(data: bytes, prefix: bytes):
    """The rightmost cell from column BA on of each row in `data` that has one (cells stand in
    column order, so the last one with a value is the rightmost): one look per row, not per cell."""
    close, start = b"</" + prefix + b"row>", b"<" + prefix + b"c "
    pos = 0
    while True:
        end = data.find(close, pos)
        if end < 0:
            return
        cell = data.rfind(start, pos, end)
        if cell >= 0:
            m = _WIDE_CELL.match(data, cell, end)
            if m is None and data.find(b"/>", cell, end) >= 0:   # the last cell only styled: look at all
                m = max(_WIDE_CELL.finditer(data, pos, end), key=lambda w: column_number(w.group(1).decode()),
                        default=None)
            if m is not None:
                yield m
        pos = end + len(close)


def scan_sheet(pkg: Package, part: str) -> SheetScan:
    return finish_scan(pkg, part, scan_fields(pkg, part))


def finish_scan(pkg: Package, part: str, fields: dict) -> SheetScan:
    """A SheetScan from `scan_fields`: the head and tail parsed around an empty sheetData."""
    skeleton = parse_xml(fields["head"] + b"<" + fields["prefix"] + b"sheetData/>" + fields["tail"],
                         f"{pkg.path}: {part}")
    return SheetScan(**fields, skeleton=skeleton)


def scan_fields(pkg: Package, part: str) -> dict:
    """Everything a SheetScan holds but the parsed skeleton, as plain values."""
    head = tail = b""
    prefix = b""
    last: tuple[int, str] | None = None
    far: tuple[int, str] | None = None
    row_bytes = 0
    formulas: dict[int, int] = {}
    styles = -1
    keep: list[tuple[str, bytes]] | None = []
    room = KEEP_SHEETS_UP_TO - sum(len(data) for kept in pkg.kept_sheets.values() for _, data in kept)
    for kind, data in iter_sheet(pkg, part):
        if keep is not None:
            keep.append((kind, data))
            room -= len(data)
            if room < 0:
                keep = None
        if kind == "head":
            head = data
        elif kind == "open":
            prefix = sheet_data_prefix(data)
        elif kind == "rows":
            if b"<!" in data and _MARKUP_DECLARATION.search(data):
                raise dtd_refused(f"{pkg.path}: part {part}")
            row_bytes += len(data)
            found = last_value_cell(data)
            if found is not None:
                last = found
            if _WIDE_HINT.search(data):
                for m in _row_ends(data, prefix):
                    col = column_number(m.group(1).decode())
                    if far is None or col > far[0]:
                        far = (col, (m.group(1) + m.group(2)).decode())
            _formula_cells(data, formulas)
            styles = max(styles, style_bound(data))
        else:
            if not tail and data.startswith(b"</"):
                data = data[len(b"</" + prefix + b"sheetData>"):]
            tail += _SPACE_RUN.sub(b" ", data)
    pkg.style_bounds[part] = styles   # for the write, which would otherwise read the rows again for them
    if keep is not None and part not in pkg.kept_sheets:
        pkg.kept_sheets[part] = keep
    return {"prefix": prefix, "head": head, "tail": tail, "last_value": last, "far_right": far,
            "row_bytes": row_bytes, "formulas": formulas}


def _formula_cells(data: bytes, found: dict[int, int]) -> None:
    """Note the column and row of each cell in `data` that holds a formula. Its cached result may
    be empty or missing (LibreOffice, openpyxl), so the values alone do not show the cell is used."""
    if b"f>" not in data and b"f " not in data and b"f/" not in data:
        return
    cells = _plain_formula_cells(data)
    if cells is None:
        _formula_cells_one_by_one(data, found)
        return
    last: dict[bytes, int] = {}
    for digits, letters in cells:
        row = int(digits[::-1])
        if last.get(letters, 0) < row:
            last[letters] = row
    for letters, row in last.items():
        col = column_number(letters[::-1].decode())
        if found.get(col, 0) < row:
            found[col] = row


# A formula's cell as Excel, LibreOffice and openpyxl write it, `<c r="P2" ...><f>`, read backwards
# from its `<f`: searched in the reversed block, the rare "f<>" leads the regex, so it runs at
# the speed of a plain search instead of trying every cell (a 10,000-row sheet with three formula
# columns: 0.1 s less).
_FORMULA_CELL_REVERSED = re.compile(rb'f<>[^>:<]{0,2000}"(\d{1,7})([A-Z]{1,3})"=r c<')


def _plain_formula_cells(data: bytes) -> list[tuple[bytes, bytes]] | None:
    """(row digits, column letters), both reversed, of every formula in `data` when each `<f` in it
    is a formula written as above; else None, and the block is read formula by formula. Exactly
    the cells _formula_cells_one_by_one finds: every `<f` must start a tag and stand right
    after a start tag of that form (no prefix, r first, no ':' or '<' inside, short)."""
    if b":f" in data:
        return None
    tags = data.count(b"<f")
    plain = data.count(b"<f>")
    if plain != tags:
        plain += data.count(b"<f ") + data.count(b"<f/")
    if plain != tags:
        return None
    cells = _FORMULA_CELL_REVERSED.findall(data[::-1])
    return cells if len(cells) == tags else None


def _formula_cells_one_by_one(data: bytes, found: dict[int, int]) -> None:
    for m in _FORMULA.finditer(data):
        at = m.start()
        lo = max(at - 2048, 0)   # the cell's start tag is just before its formula
        cell = max(data.rfind(b"<c ", lo, at), data.rfind(b":c ", lo, at))
        if cell < 0:
            continue
        ref = _CELL_REF.search(data, cell, data.find(b">", cell))
        if ref is None:
            continue
        col, row = column_number(ref.group(1).decode()), int(ref.group(2))
        if found.get(col, 0) < row:
            found[col] = row


@dataclass(frozen=True)
class TableInfo:
    part: str
    name: str
    ref: tuple[int, int, int, int]   # first row, first col, last row, last col (1-based)
    header_rows: int
    totals_rows: int


def grey_tab(skeleton: etree._Element) -> bool:
    """Whether the sheet's tab is coloured grey (an RGB colour with its three parts within a tenth
    of each other, neither black nor white; or the theme's white or black shaded by a tint):
    the colour people give a sheet they keep as an archive."""
    colour = skeleton.find(f"{{{MAIN_NS}}}sheetPr/{{{MAIN_NS}}}tabColor")
    if colour is None:
        return False
    rgb = (colour.get("rgb") or "")[-6:]
    if len(rgb) == 6:
        try:
            parts = [int(rgb[i:i + 2], 16) for i in (0, 2, 4)]
        except ValueError:
            return False
        return max(parts) - min(parts) <= 25 and 0x20 <= max(parts) <= 0xE8
    if colour.get("theme") in ("0", "1"):
        try:
            return float(colour.get("tint", "0")) != 0
        except ValueError:
            return False
    return colour.get("indexed") in ("22", "23", "55")     # the legacy palette's greys


def hidden_columns(skeleton: etree._Element) -> set[int]:
    hidden: set[int] = set()
    for col in skeleton.iterfind(f"{{{MAIN_NS}}}cols/{{{MAIN_NS}}}col"):
        if col.get("hidden", "0").lower() in ("1", "true"):
            try:
                lo, hi = int(col.get("min", "0")), int(col.get("max", "0"))
            except ValueError:
                continue
            hidden.update(range(max(lo, 1), min(hi, 16384) + 1))
    return hidden


def sheet_relationships(pkg: Package, part: str) -> dict[str, tuple[str, str, str]]:
    """Relationship id -> (type, target member, raw target) for one part."""
    name = rels_part_for(part)
    if not pkg.has(name):
        return {}
    root = parse_xml(pkg.read(name), f"{pkg.path}: {name}")
    out = {}
    for rel in root:
        external = rel.get("TargetMode") == "External"
        target = rel.get("Target", "")
        out[rel.get("Id", "")] = (rel.get("Type", ""), "" if external else resolve_target(part, target), target)
    return out


def sheet_tables(pkg: Package, part: str, skeleton: etree._Element) -> list[TableInfo]:
    rels = sheet_relationships(pkg, part)
    tables = []
    for tp in skeleton.iterfind(f"{{{MAIN_NS}}}tableParts/{{{MAIN_NS}}}tablePart"):
        rel_type, member, _ = rels.get(tp.get(f"{{{REL_NS}}}id", ""), ("", "", ""))
        if not member or not pkg.has(member):
            continue
        root = parse_xml(pkg.read(member), f"{pkg.path}: {member}")
        ref = parse_ref(root.get("ref", ""))
        if ref is None:
            continue
        tables.append(TableInfo(part=member, name=root.get("displayName") or root.get("name", ""), ref=ref,
                                header_rows=int(root.get("headerRowCount", "1") or 1),
                                totals_rows=int(root.get("totalsRowCount", "0") or 0)))
    return tables


_COMMENTS_TYPES = ("/comments", "/threadedComment")


_NAME_AREA = re.compile(r"""(?:'((?:[^']|'')+)'|([^'!\s,()=+\-*/&^<>;{}"]+))!"""
                        r"""\$?([A-Za-z]{1,3})\$?(\d*)(?::\$?([A-Za-z]{1,3})\$?(\d*))?""")


def occupied_columns(pkg: Package, info: SheetInfo, scan: SheetScan, from_row: int) -> set[int]:
    """Columns that hold something at or below row `from_row` other than a value: a formula
    (whatever its cached result), a comment, a data validation, a merge, or a defined name's
    range. Values are the read stage's to see. A data validation over whole rows (A to XFD, the
    whole sheet included: some exporters and users apply a drop-down that way) says nothing about
    the columns beside the table, and takes none; one that names columns takes them."""
    taken = {col for col, row in scan.formulas.items() if row >= from_row}

    def add(ref: str, whole_rows_count: bool = True) -> None:
        for area in ref.split():
            box = parse_ref(area) or _whole_columns(area) or _whole_rows(area)
            if box is None or box[2] < from_row:
                continue
            if not whole_rows_count and box[1] <= 1 and box[3] >= LAST_COLUMN:
                continue
            taken.update(range(max(box[1], 1), min(box[3], LAST_COLUMN) + 1))

    ns = MAIN_NS
    for merge in scan.skeleton.iterfind(f"{{{ns}}}mergeCells/{{{ns}}}mergeCell"):
        add(merge.get("ref", ""))
    for ref in _validation_refs(scan.skeleton):
        add(ref, whole_rows_count=False)
    for ref in _comment_refs(pkg, info):
        add(ref)
    for ref in _defined_name_refs(pkg, info.name):
        add(ref)
    return taken


def _validation_refs(skeleton: etree._Element) -> Iterator[str]:
    """The ranges of the sheet's data validations (sqref attribute, or an x14 sqref element)."""
    for el in skeleton.iter():
        if isinstance(el.tag, str) and etree.QName(el).localname == "dataValidation":
            yield el.get("sqref", "")
            for child in el:
                if isinstance(child.tag, str) and etree.QName(child).localname == "sqref":
                    yield child.text or ""


def _comment_refs(pkg: Package, info: SheetInfo) -> Iterator[str]:
    """The cells of the sheet's comments and threaded comments."""
    for rel_type, member, _ in sheet_relationships(pkg, info.part).values():
        if rel_type.endswith(_COMMENTS_TYPES) and member and pkg.has(member):
            for el in parse_xml(pkg.read(member), f"{pkg.path}: {member}").iter():
                if isinstance(el.tag, str) and el.get("ref"):
                    yield el.get("ref", "")


def cell_notes(pkg: Package, info: SheetInfo) -> dict[tuple[int, int], str]:
    """(1-based row, 1-based column) -> the text of the cell's note: a threaded comment's replies
    joined, else a legacy note's runs (without the author's name Excel puts first, and without the
    stand-in text Excel writes beside a threaded comment for older versions)."""
    threaded: dict[tuple[int, int], list[str]] = {}
    legacy: dict[tuple[int, int], str] = {}
    for rel_type, member, _ in sheet_relationships(pkg, info.part).values():
        if not (rel_type.endswith(_COMMENTS_TYPES) and member and pkg.has(member)):
            continue
        root = parse_xml(pkg.read(member), f"{pkg.path}: {member}")
        authors = [" ".join((a.text or "").split()) for a in root.iter() if isinstance(a.tag, str)
                   and etree.QName(a).localname == "author"]
        for el in root.iter():
            if not isinstance(el.tag, str) or not el.get("ref"):
                continue
            box = parse_ref(el.get("ref", ""))
            if box is None:
                continue
            kind = etree.QName(el).localname
            runs = [t.text or "" for t in el.iter() if isinstance(t.tag, str)
                    and etree.QName(t).localname in ("t", "text") and not len(t)]
            text = " ".join("".join(runs).split()) if kind == "comment" else " ".join(" ".join(runs).split())
            if kind == "comment":
                author = authors[int(el.get("authorId", "0"))] if el.get("authorId", "0").isdigit() \
                    and int(el.get("authorId", "0")) < len(authors) else ""
                if author and text.startswith(author + ":"):
                    text = text[len(author) + 1:].strip()
                if text.startswith("[Threaded comment]"):
                    continue
                legacy[(box[0], box[1])] = text
            elif kind == "threadedComment" and text:
                threaded.setdefault((box[0], box[1]), []).append(text)
    notes = {at: text for at, text in legacy.items() if text}
    notes.update({at: " ".join(texts) for at, texts in threaded.items()})
    return notes


# a cell whose formula is HYPERLINK(link, "Name") with no result saved (a file written by a script
# and never opened in a spreadsheet): the name it shows is the formula's second argument
_LINK_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"[^>]*>\s*<f(?:\s[^>]*)?>\s*(?:_xlfn\.)?HYPERLINK\('
                        rb'\s*(?:"[^"]*"|&quot;.*?&quot;|[^,()]*)\s*,\s*(?:"((?:[^"]|"")*)"|&quot;(.*?)&quot;)\s*\)'
                        rb'\s*</f>\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>', re.IGNORECASE)


def unsaved_link_names(pkg: Package, info: SheetInfo, columns: set[int]) -> dict[tuple[int, int], str]:
    """(1-based row, 1-based column) -> the name a HYPERLINK formula in one of `columns` shows, for
    the cells whose result was never saved (their value reads empty)."""
    data = pkg.read(info.part)
    if b"HYPERLINK" not in data.upper():
        return {}
    names = {}
    for m in _LINK_CELL.finditer(data):
        col = column_number(m.group(1).decode())
        if col in columns:
            raw = m.group(3) if m.group(3) is not None else m.group(4)
            names[(int(m.group(2)), col)] = html.unescape(raw.decode("utf-8", "replace")).replace('""', '"')
    return names


def _defined_name_refs(pkg: Package, sheet_name: str) -> Iterator[str]:
    """The ranges on this sheet of the workbook's defined names, other than Excel's own (_xlnm.)."""
    ns = MAIN_NS
    book = parse_xml(pkg.read(pkg.workbook_part), f"{pkg.path}: {pkg.workbook_part}")
    for name in book.iterfind(f"{{{ns}}}definedNames/{{{ns}}}definedName"):
        if name.get("name", "").lower().startswith("_xlnm."):
            continue   # print areas, print titles and filters are not data
        for m in _NAME_AREA.finditer(name.text or ""):
            sheet = m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2)
            if sheet != sheet_name:
                continue
            if m.group(5) is None:   # one cell
                if m.group(4):
                    yield f"{m.group(3)}{m.group(4)}"
            else:
                yield f"{m.group(3)}{m.group(4) or 1}:{m.group(5)}{m.group(6) or 1048576}"


def _whole_rows(area: str) -> tuple[int, int, int, int] | None:
    """'2:500' or '$2:$500' -> (2, 1, 500, 16384)."""
    m = re.match(r"^\$?(\d+):\$?(\d+)$", area.strip())
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    return min(a, b), 1, max(a, b), LAST_COLUMN


def _whole_columns(area: str) -> tuple[int, int, int, int] | None:
    """'F:F' or '$F:$H' -> (1, 6, 1048576, 8)."""
    m = re.match(r"^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$", area.strip())
    if not m:
        return None
    a, b = column_number(m.group(1)), column_number(m.group(2))
    return 1, min(a, b), 1048576, max(a, b)

