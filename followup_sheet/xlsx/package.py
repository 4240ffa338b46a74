"""The .xlsx package: sniff the bytes, refuse what we cannot edit safely, list the sheets.

Input: a path. Output: a `Package` holding the bytes that were read (and their fingerprint),
the zip directory, the workbook's sheets and date system. Shared by the read and write sides.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import NotAWorkbook, UnsupportedContent, WorkbookBusy
from ..filesafe import file_kind

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"


WORKSHEET_TYPE = REL_NS + "/worksheet"


# Limits checked before anything is parsed: a tracker is far below all of them.
MAX_FILE_BYTES = 512 * 1024 * 1024


MAX_PART_BYTES = 1024 * 1024 * 1024


MAX_COMPRESSION_RATIO = 400


MAX_PARTS = 20_000


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class SheetInfo:
    name: str
    part: str          # zip member, e.g. "xl/worksheets/sheet1.xml"
    sheet_id: str
    rel_id: str
    state: str         # visible | hidden | veryHidden
    is_worksheet: bool  # False for chart sheets and dialog sheets


@dataclass
class Package:
    path: Path
    data: bytes
    digest: str
    zip: zipfile.ZipFile
    sheets: list[SheetInfo]
    date1904: bool
    workbook_part: str
    active_sheet: int = 0
    _names: set[str] = field(default_factory=set)
    _cache: dict[str, bytes] = field(default_factory=dict)
    # worksheet part -> sheetxml.style_bound over its rows, noted by the first read of all of them
    style_bounds: dict[str, int] = field(default_factory=dict)
    # worksheet part -> its XML as sheetxml.iter_sheet gave it, kept by that first read while the
    # kept parts come to at most tuning.KEEP_SHEETS_UP_TO (the package's bytes never change)
    kept_sheets: dict[str, list[tuple[str, bytes]]] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return name in self._names

    def read(self, name: str, keep: bool = True) -> bytes:
        """One part's bytes (kept for the next caller unless `keep` is False)."""
        if name in self._cache:
            return self._cache[name]
        data = _read_member(self.path, self.zip, name)
        if keep:
            self._cache[name] = data
        return data

    def sheet(self, name: str) -> SheetInfo:
        for info in self.sheets:
            if info.name == name:
                return info
        raise KeyError(name)


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def xml_parser() -> etree.XMLParser:
    """A parser that never resolves entities, loads DTDs or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=True, remove_blank_text=False)


def dtd_refused(where: str) -> UnsupportedContent:
    return UnsupportedContent(f"{where} declares a DTD or entities, which a workbook never needs; "
                              "refusing to read it (save a fresh copy from Excel)")


def parse_xml(data: bytes, where: str) -> etree._Element:
    """Parse one XML part; a DTD (the carrier of entity-expansion attacks) is refused wherever it
    stands, as the parser itself reports it (no entity is ever resolved or loaded)."""
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as exc:
        raise NotAWorkbook(f"{where} is damaged ({_one_line(exc)}); open the file in Excel and save a copy") from None
    except (RecursionError, MemoryError):
        raise UnsupportedContent(f"{where} nests its elements deeper than any workbook does; refusing to "
                                 "read it (open the file in Excel and save a copy)") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise dtd_refused(where)
    return root


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]


def open_package(path: Path, data: bytes | None = None) -> Package:
    """Read `path` once, sniff what it really is, and open it as an editable .xlsx package."""
    path = Path(path)
    if data is None:
        data = _read_file(path)
    _sniff(path, data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise NotAWorkbook.worded("{path} is damaged (its zip structure is broken or the file is cut short); "
                                  "open it in Excel, which can often repair it, and save a copy", path=path) from None
    _check_directory(path, data, infos)
    names = {info.filename for info in infos}
    _check_unique(path, infos)
    _check_kind(path, names)
    _check_limits(path, infos)
    _check_member(path, zf, "[Content_Types].xml")   # _rels/.rels is parsed just below
    _refuse_dtds(path, zf, infos)
    workbook_part = _office_document(path, zf)
    if workbook_part not in names:
        raise NotAWorkbook(f"{path}: the workbook part {workbook_part} is missing; the file is damaged")
    wb_xml = _read_member(path, zf, workbook_part)
    root = parse_xml(wb_xml, f"{path}: {workbook_part}")
    if root.tag.startswith("{" + STRICT_NS):
        raise UnsupportedContent(
            f"{path} is saved as 'Strict Open XML Spreadsheet', which this tool cannot edit safely; "
            "in Excel use File > Save As > 'Excel Workbook (*.xlsx)' and run again")
    if root.tag != f"{{{MAIN_NS}}}workbook":
        raise NotAWorkbook(f"{path}: {workbook_part} is not a spreadsheet workbook part")
    sheets = _sheets(path, zf, names, workbook_part, root)
    pr = root.find(f"{{{MAIN_NS}}}workbookPr")
    date1904 = pr is not None and pr.get("date1904", "0").lower() in ("1", "true")
    view = root.find(f"{{{MAIN_NS}}}bookViews/{{{MAIN_NS}}}workbookView")
    try:
        active = int(view.get("activeTab", "0")) if view is not None else 0
    except ValueError:
        active = 0
    return Package(path=path, data=data, digest=fingerprint(data), zip=zf, sheets=sheets,
                   date1904=date1904, workbook_part=workbook_part, active_sheet=active, _names=names)


def _read_file(path: Path) -> bytes:
    """The bytes of `path`, once it is known to be a regular file of a tracker's size: a named pipe
    would wait for a writer forever, a device (/dev/zero) never ends, and a huge file would be held
    in memory whole (a 3 GB sparse file took 3 GB)."""
    try:
        # not blocking: opening a named pipe to read would otherwise wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise NotAWorkbook(f"{path} is {file_kind(st.st_mode)}, not a workbook file; give the path of "
                                   "the .xlsx file itself")
            if st.st_size > MAX_FILE_BYTES:
                raise UnsupportedContent(_too_big(path, st.st_size))
            _check_end(path, fd, st.st_size)
            data = fh.read(st.st_size)   # (a bigger size to read would be allocated in full first)
            if fh.read(1):
                raise WorkbookBusy(f"{path} grew while it was being read (saved from another program?); "
                                   "nothing was changed; run again")
    except WorkbookBusy:
        raise
    except FileNotFoundError:
        raise NotAWorkbook.worded("{path}: no such file", path=path) from None
    except IsADirectoryError:
        raise NotAWorkbook(f"{path} is a folder, not a workbook") from None
    except PermissionError:
        raise NotAWorkbook(f"{path}: permission denied reading the file") from None
    except OSError as exc:
        raise NotAWorkbook(f"{path}: the file cannot be read ({exc.strerror or exc}); copy it to a local "
                           "folder and run again on the copy") from None
    return data


def _check_end(path: Path, fd: int, size: int) -> None:
    """A file that starts like a zip ends with the end record of its table of contents, which
    fits in the file: checked on the last 64 KB before the whole file is read (a big file that
    only starts like a workbook, such as one cut short, is refused without holding it)."""
    if os.pread(fd, 4, 0) != b"PK\x03\x04":
        return   # not a zip: _sniff says what it is
    tail_at = max(0, size - 22 - 65535)
    tail = os.pread(fd, size - tail_at, tail_at)
    end = tail.rfind(_END)
    if end < 0 or len(tail) < end + 22:
        raise _damaged(path, "the end of its table of contents is missing")
    size_of_table, offset = struct.unpack_from("<II", tail, end + 12)
    if offset != 0xFFFFFFFF and offset + size_of_table > tail_at + end:
        raise _damaged(path, "its table of contents is not where the file says")


def _too_big(path: Path, size: int) -> str:
    return (f"{path} is {size // 2**20} MB, larger than any tracker ({MAX_FILE_BYTES // 2**20} MB limit); "
            "check you picked the right file")


def _sniff(path: Path, data: bytes) -> None:
    if not data:
        raise NotAWorkbook(f"{path} is empty (0 bytes); restore it from a backup or save it again from Excel")
    if len(data) > MAX_FILE_BYTES:
        raise UnsupportedContent(_too_big(path, len(data)))
    if data.startswith(_OLE2):
        if "EncryptedPackage".encode("utf-16-le") in data or b"EncryptedPackage" in data:
            raise NotAWorkbook.worded("{path} is password-protected; open it in Excel, remove the password "
                                      "(File > Info > Protect Workbook > Encrypt with Password, clear it), save, "
                                      "and run again", path=path)
        raise NotAWorkbook.worded("{path} is an old Excel 97-2003 (.xls) file; open it in Excel or LibreOffice "
                                  "and save it as .xlsx, then run again on the .xlsx", path=path)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return
    utf16 = _utf16_text(data[:4096])
    if utf16 is not None:
        text = utf16.lstrip("\ufeff \t\r\n").lower()
        kind = "web page (HTML)" if "<html" in text else "XML" if text.startswith("<") else "text (CSV)"
        raise NotAWorkbook(f"{path} is a UTF-16 {kind} file with a spreadsheet name, not an Excel workbook; "
                           "open it in Excel and save it as 'Excel Workbook (*.xlsx)'")
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or b"<html" in head:
        raise NotAWorkbook(f"{path} is a web page (HTML) with a spreadsheet name, not a real .xlsx; "
                           "open it in Excel and save it as 'Excel Workbook (*.xlsx)'")
    if head.startswith(b"<"):
        kind = "an Excel 2003 XML spreadsheet" if b"urn:schemas-microsoft-com:office:spreadsheet" in data[:8192] \
            else "an XML file"
        raise NotAWorkbook(f"{path} is {kind} with a spreadsheet name, not a real .xlsx; open it in Excel "
                           "and save it as 'Excel Workbook (*.xlsx)'")
    if _looks_like_text(data[:4096]):
        raise NotAWorkbook(f"{path} is a text (CSV) file with a spreadsheet name, not a real .xlsx; "
                           "open it in Excel and save it as 'Excel Workbook (*.xlsx)'")
    raise NotAWorkbook(f"{path} is not an Excel workbook (unrecognised content); "
                       "check you picked the right file")


def _utf16_text(sample: bytes) -> str | None:
    """The start of `sample` as text, when it is UTF-16 text (a byte-order mark, or every other
    byte zero as in plain Latin text); else None."""
    if sample.startswith(b"\xff\xfe"):
        encoding = "utf-16-le"
    elif sample.startswith(b"\xfe\xff"):
        encoding = "utf-16-be"
    elif len(sample) >= 8 and sample[1:64:2].count(0) >= len(sample[1:64:2]) * 0.9 and 0 not in sample[0:64:2]:
        encoding = "utf-16-le"
    elif len(sample) >= 8 and sample[0:64:2].count(0) >= len(sample[0:64:2]) * 0.9 and 0 not in sample[1:64:2]:
        encoding = "utf-16-be"
    else:
        return None
    return sample[: len(sample) // 2 * 2].decode(encoding, "replace")


def _looks_like_text(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # a cut multi-byte character at the very end is fine
            return False
    return b"\x00" not in sample


_END = b"PK\x05\x06"             # the end record of a zip's central directory (its table of contents)
_END64_LOCATOR = b"PK\x06\x07"   # where a zip64 end record is, just before that


def _check_directory(path: Path, data: bytes, infos: list[zipfile.ZipInfo]) -> None:
    """The zip's table of contents agrees with itself and with the file: it holds as many parts as
    its end record says, starts where that record says, and each part lies inside the file. Python's
    zip reader overlooks such lies and the cell reader then fails with 'Cannot detect file
    format'; to the user it is one thing, a damaged copy (cut short or garbled in a download)."""
    end = data.rfind(_END, max(0, len(data) - 22 - 65535))
    if end < 0 or len(data) < end + 22:
        return   # ZipFile found none either and said so
    count, size, offset = struct.unpack_from("<HII", data, end + 10)
    if count == 0xFFFF or 0xFFFFFFFF in (size, offset):
        locator = end - 20
        if locator < 0 or data[locator:locator + 4] != _END64_LOCATOR:
            raise _damaged(path, "its zip64 end record is missing")
        at = struct.unpack_from("<Q", data, locator + 8)[0]
        if at + 56 > len(data) or data[at:at + 4] != b"PK\x06\x06":
            raise _damaged(path, "its zip64 end record is not where the file says")
        count, size, offset = struct.unpack_from("<QQQ", data, at + 32)
        end = at
    if count != len(infos):
        raise _damaged(path, f"its table of contents says {count} parts but lists {len(infos)}")
    start = end - size   # where the table of contents really begins
    if start < 0 or offset > start:
        raise _damaged(path, "its table of contents is not where the file says")
    for info in infos:
        if info.header_offset < 0 or info.header_offset + 30 + info.compress_size > start:
            raise _damaged(path, f"part {_printable(info.filename)} would end past the end of the file")


def _damaged(path: Path, detail: str) -> NotAWorkbook:
    return NotAWorkbook(f"{path} is a damaged workbook ({detail}): it was probably cut short or garbled while "
                       "being copied or downloaded; open it in Excel, which can often repair it, and save a copy, "
                       "or restore it from a backup")


def _check_unique(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Two zip entries of one name (part names ignore case) leave it open which one a program
    reads; whichever the tool kept, the other would be lost or shown instead."""
    seen: set[str] = set()
    for info in infos:
        key = info.filename.lower()
        if key in seen:
            raise NotAWorkbook(f"{path}: part {_printable(info.filename)} is stored twice in the file, so "
                               "programs may read different contents; open it in Excel and save a copy")
        seen.add(key)


def _printable(text: str, limit: int = 120) -> str:
    shown = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}"
                    for ch in text[:limit])
    return shown + ("..." if len(text) > limit else "")


def _check_kind(path: Path, names: set[str]) -> None:
    if "xl/workbook.bin" in names:
        raise NotAWorkbook(f"{path} is an Excel Binary Workbook (.xlsb); in Excel use File > Save As > "
                           "'Excel Workbook (*.xlsx)' and run again on the .xlsx")
    if "content.xml" in names and "mimetype" in names:
        raise NotAWorkbook(f"{path} is an OpenDocument spreadsheet (.ods); in LibreOffice use File > "
                           "Save As > 'Excel 2007-365 (.xlsx)' and run again on the .xlsx")
    if "[Content_Types].xml" not in names:
        if any(n.startswith("word/") for n in names) or any(n.startswith("ppt/") for n in names):
            raise NotAWorkbook(f"{path} is a Word or PowerPoint file, not a workbook")
        raise NotAWorkbook(f"{path} is a zip archive, not an Excel workbook; check you picked the right file")
    if any(n.startswith("word/") for n in names) or any(n.startswith("ppt/") for n in names):
        raise NotAWorkbook(f"{path} is a Word or PowerPoint file, not a workbook")


def _check_limits(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise UnsupportedContent(f"{path} has {len(infos)} parts, more than any workbook should "
                                 f"({MAX_PARTS} limit); refusing to process it")
    for info in infos:
        if info.flag_bits & 0x1:
            raise NotAWorkbook(f"{path}: part {info.filename} is encrypted at zip level; "
                               "this is not how Excel protects files; save a fresh copy from Excel")
        if info.file_size > MAX_PART_BYTES:
            raise UnsupportedContent(f"{path}: part {info.filename} unpacks to {info.file_size // 2**20} MB; "
                                     "refusing to process it")
        if info.compress_size and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO \
                and info.file_size > 50 * 2**20:
            raise UnsupportedContent(f"{path}: part {info.filename} unpacks {info.file_size // info.compress_size}"
                                     " times larger than it is stored (a zip bomb?); refusing to process it")


def _read_member(path: Path, zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        return zf.read(name)
    except KeyError:
        raise NotAWorkbook(f"{path}: required part {name} is missing; the file is damaged") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        raise NotAWorkbook(f"{path}: part {name} is damaged (the file is cut short or corrupt); open it "
                           "in Excel, which can often repair it, and save a copy") from None


def _refuse_dtds(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """No XML part of a workbook declares a DTD; one that does is an entity-expansion or
    external-entity attack on whatever parses it, so the file is refused before any parsing.

    A DTD can only stand in the prolog, before the first element: each part (whatever its name)
    is read through its prolog, comments and processing instructions of any length included,
    in blocks, so parts that are copied or streamed rather than parsed are covered too."""
    for info in infos:
        if info.is_dir():
            continue
        try:
            with zf.open(info) as fh:
                found = prolog_has_dtd(fh)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
            raise NotAWorkbook(f"{path}: part {_printable(info.filename)} is damaged (the file is cut short or "
                               "corrupt); open it in Excel, which can often repair it, and save a copy") from None
        if found:
            raise dtd_refused(f"{path}: part {_printable(info.filename)}")


_PROLOG_BLOCK = 1 << 16


def prolog_has_dtd(fh) -> bool:
    """Whether the XML in the binary stream `fh` declares a document type before its first element.

    Reads until the first element starts (or the stream ends, or it is not XML): white space,
    the XML declaration, comments and processing instructions are skipped whatever their length,
    keeping only a few bytes of each in memory. UTF-16 text is read as such."""
    first = fh.read(_PROLOG_BLOCK)
    encoding = _xml_encoding(first)
    if encoding is None:
        return False
    import codecs
    decoder = codecs.getincrementaldecoder(encoding)("replace")
    buf = decoder.decode(first).lstrip("\ufeff")
    ended = False

    def more() -> bool:
        nonlocal buf, ended
        if ended:
            return False
        block = fh.read(_PROLOG_BLOCK)
        if not block:
            ended = True
            buf += decoder.decode(b"", final=True)
            return False
        buf += decoder.decode(block)
        return True

    while True:
        buf = buf.lstrip(" \t\r\n")
        while len(buf) < 10 and more():
            buf = buf.lstrip(" \t\r\n")
        if not buf.startswith("<"):
            return False                      # not XML, or text before the root: no DTD to read
        if buf.startswith("<!--") or buf.startswith("<?"):
            close, start = ("-->", 4) if buf.startswith("<!--") else ("?>", 2)
            at = buf.find(close, start)
            while at < 0:
                buf = buf[:start] + buf[max(start, len(buf) - len(close)):]   # keep only what may end it
                if not more():
                    return False
                at = buf.find(close, start)
            buf = buf[at + len(close):]
            continue
        return buf.startswith("<!")           # <!DOCTYPE (in any case) or other markup before the root


def _xml_encoding(head: bytes) -> str | None:
    """The encoding XML text starting with `head` is in, if it looks like XML at all."""
    if head.startswith((b"\xff\xfe\x00\x00", b"<\x00\x00\x00")):
        return "utf-32-le"
    if head.startswith((b"\x00\x00\xfe\xff", b"\x00\x00\x00<")):
        return "utf-32-be"
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return "utf-16-le"
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return "utf-16-be"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return "utf-8" if stripped.startswith(b"<") or (head and not stripped) else None   # all white space: read on


_VALUE_TAGS = (b"<v>", b"<v ", b"<is>", b":v>", b":is>")


def last_value_cell(data: bytes) -> tuple[int, str] | None:
    """(row, cell reference) of the last cell holding a value in worksheet XML, found from the end.
    The search looks at a growing tail of `data` first: a tag the sheet never uses (inline
    strings, a prefix) would otherwise be looked for through the whole block."""
    at, size = -1, 1 << 16
    while at < 0:
        lo = max(len(data) - size, 0)
        at = max(data.rfind(tag, lo) for tag in _VALUE_TAGS)
        if lo == 0:
            break
        size *= 4
    if at < 0:
        return None
    cell = max(data.rfind(b"<c ", 0, at), data.rfind(b":c ", 0, at))
    m = re.search(rb"""\sr\s*=\s*["']([A-Za-z]{1,3})(\d+)["']""", data[cell:at])
    if cell < 0 or not m:
        return None
    return int(m.group(2)), (m.group(1) + m.group(2)).decode()


def _check_member(path: Path, zf: zipfile.ZipFile, name: str) -> None:
    parse_xml(_read_member(path, zf, name), f"{path}: {name}")


def _office_document(path: Path, zf: zipfile.ZipFile) -> str:
    root = parse_xml(_read_member(path, zf, "_rels/.rels"), f"{path}: _rels/.rels")
    for rel in root:
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            return resolve_target("", rel.get("Target", ""))
    return "xl/workbook.xml"


def rels_part_for(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve_target(source_part: str, target: str) -> str:
    """A relationship target, made into a zip member name."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def _sheets(path: Path, zf: zipfile.ZipFile, names: set[str], workbook_part: str,
            root: etree._Element) -> list[SheetInfo]:
    rels_name = rels_part_for(workbook_part)
    targets: dict[str, tuple[str, str]] = {}
    if rels_name in names:
        rels = parse_xml(_read_member(path, zf, rels_name), f"{path}: {rels_name}")
        for rel in rels:
            if rel.get("TargetMode") == "External":
                continue
            targets[rel.get("Id", "")] = (rel.get("Type", ""), resolve_target(workbook_part, rel.get("Target", "")))
    sheets = []
    for el in root.iterfind(f"{{{MAIN_NS}}}sheets/{{{MAIN_NS}}}sheet"):
        rid = el.get(f"{{{REL_NS}}}id", "")
        rel_type, part = targets.get(rid, ("", ""))
        sheets.append(SheetInfo(
            name=el.get("name", ""), part=part, sheet_id=el.get("sheetId", ""), rel_id=rid,
            state=el.get("state", "visible"),
            is_worksheet=rel_type == WORKSHEET_TYPE and part in names,
        ))
    if not sheets:
        raise NotAWorkbook(f"{path}: the workbook lists no sheets; the file is damaged")
    return sheets

