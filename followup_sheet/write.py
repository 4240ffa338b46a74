"""Write stage: the plan -> edits of the user's .xlsx package, saved safely.

Only the parts a refresh needs are rewritten (the tracker's worksheet, styles, an extended
table, and for a new Today sheet the workbook, its relationships and content types); every other
zip member is copied as it was, in its original order.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import io
import itertools
import logging
import posixpath
import queue
import re
import sys
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np
import pandas as pd
from lxml import etree

from . import filesafe, xlsx
from .errors import NotAWorkbook, UnsupportedContent
from .read import OUTPUT_HEADERS, Tracker
from .settings import Settings
from .values import TODAY_MARKER, TODAY_SHEET_NAMES

log = logging.getLogger(__name__)

CELL_TEXT_LIMIT = 32_767
STREAM_BLOCK = 256 * 1024   # bytes handed to the compressing thread at a time
STREAM_QUEUE = 4            # blocks that may wait for it
SWITCH_INTERVAL = 0.0005    # seconds; see _Background
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
    target = Path(output) if output else pkg.path
    if dry_run:
        changed = build_package(pkg, sheets, today_rows, today, settings, _Discard())
        return WriteOutcome(target, changed, written=False, backup=None)
    same_file = output is None or filesafe.same_file(target, pkg.path)
    saved = filesafe.save_atomically(
        target, lambda fh: build_package(pkg, sheets, today_rows, today, settings, fh),
        expected_digest=pkg.digest if same_file else None, verify=verify_package,
        backups=settings.backups, backup=backup and same_file, only_if_changed=same_file)
    return WriteOutcome(target, saved.changed, written=saved.written, backup=saved.backup)


@dataclass
class WriteOutcome:
    path: Path
    changed: bool
    written: bool
    backup: Path | None


class _Discard(io.RawIOBase):
    """A write-only sink for a dry run: the package is built and compared, never stored."""

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        return len(data)


def verify_package(path: Path) -> None:
    """Re-open what was written: every member's CRC, and the parts a workbook cannot do without."""
    data = Path(path).read_bytes()   # read once for both checks
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        bad = zf.testzip()
        if bad is not None:
            raise NotAWorkbook(f"{path}: the written file failed its check (part {bad}); nothing was replaced")
    xlsx.open_package(path, data)


# --- the package -------------------------------------------------------------------------

def build_package(pkg: xlsx.Package, sheets: list[SheetPlan], today_rows: pd.DataFrame, today: dt.date,
                  settings: Settings, out) -> bool:
    """Write the new workbook into the binary file `out`, member by member in the original
    order; return whether any part's content differs from the original."""
    styles_part = _styles_part(pkg)
    styles = _Styles(pkg.read(styles_part), f"{pkg.path}: {styles_part}", settings,
                     used_styles=lambda: _styles_in_use(pkg))
    trackers: dict[str, _TrackerSheet] = {}
    streams: dict[str, Callable[[], Iterator[bytes]]] = {}
    small: dict[str, bytes] = {}
    for plan in sheets:
        t = plan.tracker
        trackers[t.part] = _TrackerSheet(pkg, plan, _CellStyles(styles, plan.status))
        if t.table is not None:
            table_xml = _extend_table(pkg.read(t.table.part), t, f"{pkg.path}: {t.table.part}")
            if table_xml is not None:
                small[t.table.part] = table_xml
    today_part, extra = _today_sheet_part(pkg, sheets[0].tracker.tool_sheets)
    small.update(extra)
    streams[today_part] = functools.partial(_today_sheet, today_rows, today, _TodayStyles(styles), pkg.date1904)
    styles_xml = styles.serialize()   # after every style above was asked for
    if styles_xml is not None:
        small[styles_part] = styles_xml

    changed = False
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in pkg.zip.infolist():
            name = info.filename
            if name in trackers:
                sheet = trackers.pop(name)
                _write_stream(zf, _info_like(info), sheet.pieces(), None)
                changed |= sheet.changed
            elif name in streams:
                changed |= _write_stream(zf, _info_like(info), streams.pop(name)(), _digest_of_part(pkg, name))
            elif name in small:
                data = small.pop(name)
                changed |= data != pkg.read(name)
                zf.writestr(_info_like(info), data, compresslevel=_level(len(data)))
            else:
                _copy_member(pkg, zf, info)
        for name, data in small.items():
            changed = True
            zf.writestr(_new_info(name), data)
        for name, make in streams.items():
            changed = True
            _write_stream(zf, _new_info(name), make(), None)
    return changed


def _level(size: int) -> int:
    """Small parts compress well and quickly; big ones are written fast."""
    return 6 if size < 4 * 2**20 else 1


def _write_stream(zf: zipfile.ZipFile, info: zipfile.ZipInfo, pieces: Iterable[bytes], old_digest: str | None) -> bool:
    """Write a part as it is made; True when it differs from the part whose digest is given.

    The part is made here and compressed on a second thread: zlib, CRC and SHA-256 let go of
    the GIL, so on two cores compressing costs next to nothing. Pieces are gathered into
    blocks of about `STREAM_BLOCK` bytes first, so the hand-over costs nothing either, and at
    most `STREAM_QUEUE` blocks wait, so memory stays flat."""
    digest = hashlib.sha256() if old_digest is not None else None
    info.compress_type = zipfile.ZIP_DEFLATED
    _set_level(info, 1)   # the big parts: fast beats a few percent smaller
    with zf.open(info, "w") as dst:
        def store(block: bytes) -> None:
            if digest is not None:
                digest.update(block)
            dst.write(block)
        with _Background(store) as sink:
            for block in _blocks(pieces, STREAM_BLOCK):
                sink.put(block)
    return digest is None or digest.hexdigest() != old_digest


def _blocks(pieces: Iterable[bytes], size: int) -> Iterator[bytes]:
    """The same bytes in blocks of at least `size` (the last may be smaller)."""
    gathered: list[bytes] = []
    n = 0
    for piece in pieces:
        gathered.append(piece)
        n += len(piece)
        if n >= size:
            yield b"".join(gathered)
            gathered, n = [], 0
    if gathered:
        yield b"".join(gathered)


class _Background:
    """Calls `work(item)` on a worker thread, in order, for each item `put`; leaving the `with`
    block waits for all of them, and an error in `work` is raised in the caller. When the block
    is left by an exception (Ctrl-C included) the items still queued are dropped, and the worker
    has always stopped before the block is left, so nothing writes to a closed file."""

    def __init__(self, work: Callable[[bytes], None]):
        self.work = work
        self.queue: queue.Queue = queue.Queue(maxsize=STREAM_QUEUE)
        self.error: BaseException | None = None
        self.abandoned = False
        self.thread = threading.Thread(target=self._run, name="followup-compress", daemon=True)

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None and not self.abandoned:
                try:
                    self.work(item)
                except BaseException as exc:   # kept for the caller; later items are dropped
                    self.error = exc

    def put(self, item: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(item)

    def __enter__(self) -> "_Background":
        self.thread.start()
        _fast_switching(True)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.abandoned = exc_type is not None
        interrupted: BaseException | None = None
        sent = False
        try:
            while self.thread.is_alive():
                try:
                    if not sent:
                        self.queue.put(None)
                        sent = True
                    self.thread.join()
                except BaseException as again:   # Ctrl-C meanwhile: stop the worker first, then raise
                    interrupted = interrupted or again
                    self.abandoned = True
        finally:
            _fast_switching(False)
        if interrupted is not None:
            raise interrupted
        if self.error is not None and exc_type is None:
            raise self.error


_switching_lock = threading.Lock()
_switching_users = 0
_switching_saved = 0.005


def _fast_switching(on: bool) -> None:
    """While a worker compresses, let it have the GIL back sooner: it needs it briefly between
    the C calls that release it, and with the default 5 ms switch interval it waits behind the
    busy caller and falls behind. Counted, so overlapping users restore the first value."""
    global _switching_users, _switching_saved
    with _switching_lock:
        if on:
            if _switching_users == 0:
                _switching_saved = sys.getswitchinterval()
                sys.setswitchinterval(min(_switching_saved, SWITCH_INTERVAL))
            _switching_users += 1
        else:
            _switching_users -= 1
            if _switching_users == 0:
                sys.setswitchinterval(_switching_saved)


def _set_level(info: zipfile.ZipInfo, level: int) -> None:
    try:
        info.compress_level = level     # Python 3.13+
    except AttributeError:
        info._compresslevel = level     # Python 3.11-3.12


def _digest_of_part(pkg: xlsx.Package, name: str) -> str:
    digest = hashlib.sha256()
    with pkg.zip.open(name) as src:
        while chunk := src.read(xlsx.CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_member(pkg: xlsx.Package, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    copy = _info_like(info)
    try:
        with pkg.zip.open(info) as src, zf.open(copy, "w") as dst:
            while chunk := src.read(xlsx.CHUNK):
                dst.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise NotAWorkbook(f"{pkg.path}: part {info.filename} is damaged ({exc}); open the file in Excel, "
                           "which can often repair it, and save a copy") from None


def _new_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _styles_in_use(pkg: xlsx.Package) -> list[int]:
    found = [0]
    pattern = re.compile(rb"""<(?:\w+:)?c\s[^>]*?\bs\s*=\s*["'](\d+)["']""")
    for info in pkg.sheets:
        if info.is_worksheet:
            for kind, data in xlsx.iter_sheet(pkg, info.part):
                if kind == "rows":
                    found += [int(x) for x in pattern.findall(data)]
    return found


def _styles_part(pkg: xlsx.Package) -> str:
    for rel_type, member, _ in xlsx.sheet_relationships(pkg, pkg.workbook_part).values():
        if rel_type == STYLES_TYPE and member and pkg.has(member):
            return member
    raise UnsupportedContent(f"{pkg.path} has no styles part; open it in Excel and save it again")


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
    s = str(value)
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if _FORBIDDEN.search(s):
        s = _FORBIDDEN.sub("", s)
    return s[:CELL_TEXT_LIMIT]


def _escape(s: str) -> str:
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    return s


@functools.lru_cache(maxsize=4096)
def _short_text(text: str) -> str:
    return _escape(clean_text(text))


def _text_cell(p: str, ref: str, style: int | None, text: str) -> str:
    """An inline string: never a formula or an error, whatever it starts with."""
    s = f' s="{style}"' if style is not None else ""
    # statuses, companies, names repeat row after row; scripts are long and mostly unique
    body = _short_text(text) if type(text) is str and len(text) <= 200 else _escape(clean_text(text))
    return f'<{p}c r="{ref}"{s} t="inlineStr"><{p}is><{p}t xml:space="preserve">{body}</{p}t></{p}is></{p}c>'


def _number_cell(p: str, ref: str, style: int, number: int) -> str:
    return f'<{p}c r="{ref}" s="{style}"><{p}v>{number}</{p}v></{p}c>'


# --- the tracker sheet -------------------------------------------------------------------

class _CellStyles:
    """The style numbers of one tracker sheet's cells, settled before any cell is written."""

    def __init__(self, styles: "_Styles", statuses: pd.Series):
        present = set(statuses)
        self.status = {name: styles.status_xf(name) for name in styles.settings.fills if name in present}
        self.date = styles.date_xf()
        self.script = styles.script_xf()


class _TodayStyles:
    def __init__(self, styles: "_Styles"):
        self.bold, self.date, self.wrap, self.link = (styles.bold_xf(), styles.date_xf(), styles.script_xf(),
                                                      styles.link_xf())


class _TrackerSheet:
    """The tracker's worksheet part, streamed: our three columns written, all else as it was.
    `changed` says, once streamed, whether any row or the head came out different."""

    def __init__(self, pkg: xlsx.Package, plan: SheetPlan, style: _CellStyles):
        self.pkg, self.plan, self.style = pkg, plan, style
        self.changed = False

    def pieces(self) -> Iterator[bytes]:
        pkg, plan, t = self.pkg, self.plan, self.plan.tracker
        cols = t.output_columns
        letters = [xlsx.column_letters(c) for c in cols]
        serials = _serials(plan.due.reindex(plan.status.index), pkg.date1904)
        rows = dict(zip(plan.status.index, zip(plan.status.to_numpy(), serials, plan.script.to_numpy())))
        last_row = max([t.header_row, *rows])
        editor = None
        for kind, data in xlsx.iter_sheet(pkg, t.part):
            if kind == "head":
                head = data
            elif kind == "open":
                p = xlsx.sheet_data_prefix(data)
                new_cols = {c for c, existed in zip(cols, t.existing_output) if not existed}
                new_head = _set_columns(head, p, cols, (STATUS_WIDTH, DATE_WIDTH, SCRIPT_WIDTH), f"{pkg.path}: {t.part}",
                                        show=new_cols)
                new_head = _widen_dimension(new_head, p, t.header_row, min(cols), last_row, max(cols))
                self.changed |= new_head != head
                yield new_head
                yield data
                editor = _RowEditor(p.decode(), t, rows, letters, self.style)
            elif kind == "rows":
                yield editor.block(data)
            else:   # the tail, in one or more blocks
                if editor is not None:
                    yield editor.finish()
                    self.changed |= editor.changed
                    editor = None
                yield data


def _serials(due: pd.Series, date1904: bool) -> list:
    """Dates as the workbook's serial day numbers (None where there is no date)."""
    epoch = np.datetime64("1904-01-01" if date1904 else "1899-12-30", "D")
    days = due.to_numpy(dtype="datetime64[D]")
    serials = (days - epoch).astype("int64").astype(object)
    serials[np.isnat(days)] = None
    return serials.tolist()


class _RowEditor:
    """Rewrites rows block by block: our cells replaced in the rows we own, other rows copied
    byte for byte, rows the sheet lacks inserted in order."""

    def __init__(self, p: str, t: Tracker, rows: dict, letters: list[str], style: _CellStyles):
        self.p = p
        self.scan = _Scanner(p.encode())
        self.t = t
        self.rows = rows
        self.letters = letters
        self.style = style
        self.cols = t.output_columns
        self.our_cols = set(self.cols)
        self.clear = range(t.clear_rows[0], t.clear_rows[1] + 1)
        self.pending = sorted({t.header_row, *rows})
        self.i = 0
        self.number = 0
        self.header_style: int | None = None
        self.changed = False

    def cells(self, number: int) -> dict[int, str]:
        p, cols, letters = self.p, self.cols, self.letters
        if number == self.t.header_row:
            return {c: _text_cell(p, f"{letter}{number}", self.header_style, h)
                    for c, letter, h in zip(cols, letters, OUTPUT_HEADERS)}
        if number not in self.rows:
            return {}
        status, serial, script = self.rows[number]
        out = {cols[0]: _text_cell(p, f"{letters[0]}{number}", self.style.status[status], status)}
        if serial is not None:
            out[cols[1]] = _number_cell(p, f"{letters[1]}{number}", self.style.date, serial)
        if script:
            out[cols[2]] = _text_cell(p, f"{letters[2]}{number}", self.style.script, script)
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
            owned = number in self.clear or number == self.t.header_row
            if number not in self.rows and not owned:
                continue
            out.append(data[pos:start])
            if number == self.t.header_row:
                self.header_style = _last_header_style(self.scan, data[tag_end:end], self.t)
            row = _edit_row(self.scan, data, start, tag_end, end, self.cells(number),
                            self.our_cols if owned else set())
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


def _last_header_style(scan: "_Scanner", content: bytes, t: Tracker) -> int | None:
    """Our header cells look like the user's last header cell."""
    last = max(c.index for c in t.columns.values())
    for col, c_start, _ in scan.cells(content):
        if col == last:
            tag = content[c_start:content.find(b">", c_start)]
            m = re.search(rb"""\ss\s*=\s*["'](\d+)["']""", tag)
            return int(m.group(1)) if m else None
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


def _new_row(p: str, number: int, cells: dict[int, str]) -> bytes:
    body = "".join(cells[c] for c in sorted(cells))
    return f'<{p}row r="{number}">{body}</{p}row>'.encode()


def _edit_row(scan: _Scanner, data: bytes, start: int, tag_end: int, end: int,
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


def _set_columns(head: bytes, prefix: bytes, cols: tuple[int, ...], widths: tuple[int, ...], where: str,
                 show: set[int] = frozenset()) -> bytes:
    """Give our columns a width, splitting any <col> range that covers them; others stay as they are.
    The columns in `show` (new ones the read stage found free but hidden) are un-hidden."""
    p = prefix.decode()
    ns = xlsx.MAIN_NS
    block = re.search(rb"<" + re.escape(prefix) + rb"cols\b[^>]*?(?:/>|>.*?</" + re.escape(prefix) + rb"cols>)",
                      head, re.S)
    existing = []
    if block:
        root_tag = re.match(rb"(?:<\?[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<([\w:.-]+)", head, re.S).group(1)
        doc = xlsx.parse_xml(head + b"</" + root_tag + b">", where)
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
    body = "".join(f"<{p}col " + " ".join(f'{_attr_name(k)}="{_escape_attr(v)}"' for k, v in a.items()) + "/>"
                   for a in ranges)
    new_block = f"<{p}cols>{body}</{p}cols>".encode()
    if block:
        return head[:block.start()] + new_block + head[block.end():]
    return head + new_block


def _attr_name(key: str) -> str:
    if key.startswith("{"):
        raise UnsupportedContent("a column definition with namespaced attributes; open in Excel and save again")
    return key


def _escape_attr(v: str) -> str:
    return _escape(v).replace('"', "&quot;")


def _widen_dimension(head: bytes, prefix: bytes, top: int, left: int, bottom: int, right: int) -> bytes:
    m = re.search(rb"<" + re.escape(prefix) + rb"""dimension\s+ref\s*=\s*["']([^"']*)["']""", head)
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

_STYLE_DEPTH = 64   # a real styles part is about five levels deep


class _Styles:
    """The styles part, with our fills and cell formats found or appended (never renumbered)."""

    def __init__(self, data: bytes, where: str, settings: Settings, used_styles=None):
        self.used_styles = used_styles   # () -> style numbers the worksheets use, for damaged parts
        self.root = xlsx.parse_xml(data, where)
        if self.root.find("*/" * _STYLE_DEPTH + "*") is not None:   # comparing styles recurses through them
            raise UnsupportedContent(f"{where} nests its elements deeper than any styles part does; refusing "
                                     "to edit it (open the file in Excel and save a copy)")
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
        font = copy.deepcopy(base)
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

def _today_sheet_part(pkg: xlsx.Package, ours: frozenset[str]) -> tuple[str, dict[str, bytes]]:
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


def _add_sheet(pkg: xlsx.Package, name: str) -> tuple[str, dict[str, bytes]]:
    ns, rel_ns = xlsx.MAIN_NS, xlsx.REL_NS
    k = 1
    folder = "xl/worksheets/"
    taken = {info.filename.lower() for info in pkg.zip.infolist()}   # part names ignore case (OPC)
    while f"{folder}sheet{k}.xml" in taken:
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
    # Name the relationships prefix: left to itself, lxml picks one from a process-wide
    # registry (openpyxl, once imported, puts "r" there; otherwise it is "ns0").
    el = etree.SubElement(sheets, f"{{{ns}}}sheet", nsmap={"r": rel_ns})
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
    return posixpath.relpath(target, posixpath.dirname(source_part))


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


_TODAY_TEXT = ("company", "position", "contact", "phone", "email", "status")


def _today_sheet(rows: pd.DataFrame, today: dt.date, style: _TodayStyles, date1904: bool) -> Iterator[bytes]:
    """Our Today sheet's worksheet part, streamed row by row."""
    width = len(TODAY_HEADERS)
    last_row = 2 + max(len(rows), 1)
    title = (f"{TODAY_MARKER} for {today:%A, %B} {today.day}, {today.year}. Rebuilt on each refresh; "
             "edits here are overwritten.")
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>'
                   for i, w in enumerate(TODAY_WIDTHS))
    yield (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{xlsx.MAIN_NS}" xmlns:r="{xlsx.REL_NS}">'
        '<sheetPr><tabColor rgb="FFFFB347"/></sheetPr>'
        f'<dimension ref="A1:{xlsx.column_letters(width)}{last_row}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft"'
        ' state="frozen"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f'<cols>{cols}</cols><sheetData>'
        f'<row r="1">{_text_cell("", "A1", style.bold, title)}</row>'
        '<row r="2">' + "".join(_text_cell("", f"{xlsx.column_letters(i + 1)}2", style.bold, h)
                                for i, h in enumerate(TODAY_HEADERS)) + "</row>").encode()
    links = []
    serials = _serials(pd.Series(rows["due"].to_numpy(), dtype="datetime64[ns]"), date1904) if len(rows) else []
    texts = zip(*(rows[c].to_numpy(dtype=object).tolist() for c in _TODAY_TEXT))
    numbers = zip(rows["days_overdue"].to_numpy(dtype=object).tolist(), rows["row"].to_numpy(dtype=object).tolist(),
                  rows["sheet"].to_numpy(dtype=object).tolist(), rows["script"].to_numpy(dtype=object).tolist())
    for r, values, (late, row, sheet, script), serial in zip(itertools.count(3), texts, numbers, serials):
        cells = [_text_cell("", f"{letter}{r}", None, v) for letter, v in zip("ABCDEF", values) if v]
        cells.append(f'<c r="G{r}"><v>{int(late)}</v></c>')
        if serial is not None:
            cells.append(_number_cell("", f"H{r}", style.date, serial))
        if script:
            cells.append(_text_cell("", f"I{r}", style.wrap, script))
        label = f"{sheet} row {row}"
        cells.append(_text_cell("", f"J{r}", style.link, label))
        links.append(f'<hyperlink ref="J{r}" location="{_escape_attr(_quote_sheet(sheet))}!A{row}"'
                     f' display="{_escape_attr(label)}"/>')
        yield (f'<row r="{r}">' + "".join(cells) + "</row>").encode()
    if rows.empty:
        yield f'<row r="3">{_text_cell("", "A3", None, "Nothing overdue or due today.")}</row>'.encode()
    yield b"</sheetData>"
    if links:
        yield ("<hyperlinks>" + "".join(links) + "</hyperlinks>").encode()
    yield (b'<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
           b'</worksheet>')
