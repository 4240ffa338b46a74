"""Files the tool must refuse, each with its own clear message (naming the file and the fix), exit
code 1, the file left byte-identical, and quickly: not workbooks, damaged workbooks, formats it
cannot edit, XML bombs. Also workbooks that are only huge on paper must not cost time or memory.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import TODAY, run_cli
from corpus_tools import add_tracker_sheet, members, minimal_workbook, rebuild_zip, rewrite_member

from followup_sheet.errors import FollowupError
from followup_sheet.pipeline import refresh

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
MAIN_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_NS = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
ACTION = re.compile(r"\b(save|open|remove|restore|run again|check|delete|re-?export|choose|pick)\b", re.I)

# The CLI in a child that also reports its own peak memory (one case cannot hide another's).
RUN_CLI = """
import resource, sys
from followup_sheet.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
# VmHWM is this program's own peak: ru_maxrss may still hold the parent's size from before exec
# (Linux keeps it across fork and exec), which made a big test process look like ours.
try:
    with open("/proc/self/status") as fh:
        peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
# the CPU time spent, which a busy machine does not stretch as it stretches the wall clock
used = resource.getrusage(resource.RUSAGE_SELF)
sys.stderr.write("\\n@maxrss_kb=%d\\n@cpu_s=%.3f\\n" % (peak, used.ru_utime + used.ru_stime))
sys.exit(code)
"""


def run_refresh(path: Path, *extra: str, timeout: float = 120) -> tuple[int, str, str, float, int]:
    """(exit code, stdout, stderr without the memory line, CPU seconds, peak memory in MB). The CPU
    seconds and the memory guard against a refresh that walks a sheet's size on paper (minutes and
    gigabytes), never measure speed: that is the benchmarks' job."""
    proc = subprocess.run([sys.executable, "-c", RUN_CLI, "refresh", str(path), "--today", TODAY.isoformat(),
                           *extra], capture_output=True, text=True, timeout=timeout)
    m = re.search(r"\n@maxrss_kb=(\d+)\n@cpu_s=([\d.]+)\n", proc.stderr)
    err = proc.stderr[:m.start()] if m else proc.stderr
    return proc.returncode, proc.stdout, err, float(m.group(2)) if m else -1.0, int(m.group(1)) // 1024 if m else -1


# --- the inputs ----------------------------------------------------------------------------

def tracker_xlsx() -> bytes:
    """A normal tracker laid out as Excel saves one: shared strings, a date style, dates."""
    return minimal_workbook(
        ["Company", "Position", "Date Applied", "Status", "Contact"],
        [["Acme", "Analyst", dt.date(2026, 11, 10), "Applied", "Jane Roe"],
         ["Globex", "Engineer", dt.date(2026, 11, 19), "Interviewed", "John Doe"],
         ["Initech", "Designer", dt.date(2026, 11, 23), "Applied", None]],
        shared_strings=True)


def _zip(parts: dict[str, bytes], stored_first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body, compress_type=zipfile.ZIP_STORED if name == stored_first else None)
    return out.getvalue()


def password_protected() -> bytes:
    # What the sniff needs: an OLE2 compound file holding an "EncryptedPackage" stream.
    header = OLE2 + bytes(504)
    directory = "EncryptedInfo".encode("utf-16-le").ljust(128, b"\0") \
        + "EncryptedPackage".encode("utf-16-le").ljust(128, b"\0")
    return header + directory + bytes(4096)


def old_xls() -> bytes:
    return OLE2 + bytes(504) + "Workbook".encode("utf-16-le").ljust(128, b"\0") + bytes(4096)


def xlsb() -> bytes:
    return _zip({
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                               b'package/2006/content-types"/>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                       b'package/2006/relationships"/>',
        "xl/workbook.bin": bytes(64),
    })


def ods() -> bytes:
    return _zip({
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:'
                       b'opendocument:xmlns:office:1.0"/>',
        "META-INF/manifest.xml": b'<?xml version="1.0"?><manifest/>',
    }, stored_first="mimetype")


def strict(base: bytes) -> bytes:
    """`base` with its spreadsheet namespace rewritten to Strict OOXML's."""
    zf = zipfile.ZipFile(io.BytesIO(base))
    parts = {}
    for info in zf.infolist():
        body = zf.read(info.filename)
        if info.filename.endswith((".xml", ".rels")):
            body = body.replace(MAIN_NS, STRICT_NS).replace(
                b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                b"http://purl.oclc.org/ooxml/officeDocument/relationships")
        parts[info.filename] = body
    return _zip(parts)


def corrupt_member(base: bytes, member: str) -> bytes:
    """`base` with bytes flipped inside the compressed data of one member."""
    zf = zipfile.ZipFile(io.BytesIO(base))
    info = zf.getinfo(member)
    raw = bytearray(base)
    name_len, extra_len = int.from_bytes(raw[info.header_offset + 26:info.header_offset + 28], "little"), \
        int.from_bytes(raw[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    middle = start + info.compress_size // 2
    for i in range(middle, min(middle + 8, start + info.compress_size)):
        raw[i] ^= 0xFF
    return bytes(raw)


def with_app_part(base: bytes) -> bytes:
    """`base` plus a docProps/app.xml, a part the tool copies without reading."""
    app = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.'
           b'openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel'
           b'</Application>' + b"".join(b"<Company>Example %d</Company>" % i for i in range(200)) + b"</Properties>")
    return rebuild_zip(zipfile.ZipFile(io.BytesIO(base)), {}, {"docProps/app.xml": app})


LAUGHS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10)) + b"]>\n")
XXE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')


def with_doctype(base: bytes, member: str, doctype: bytes, use: bytes) -> bytes:
    """`member` of `base` behind `doctype`, its first text node replaced by the entity `use`."""
    body = members(base)[member]
    body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", body)
    body = re.sub(rb"<t\b[^>]*>[^<]*</t>", b"<t>" + use + b"</t>", body, count=1)
    return rewrite_member(base, member, doctype + body)


def entity_in_sheet(doctype: bytes, use: bytes):
    """The sheet behind `doctype`, with a cell F3 holding the entity `use`."""
    def build(base: bytes) -> bytes:
        body = members(base)["xl/worksheets/sheet1.xml"]
        body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", body)
        cell = b'<c r="F3" t="inlineStr"><is><t>' + use + b"</t></is></c>"
        body = re.sub(rb'(<row r="3"[^>]*>.*?)(</row>)', lambda m: m.group(1) + cell + m.group(2), body,
                      count=1, flags=re.S)
        return rewrite_member(base, "xl/worksheets/sheet1.xml", doctype + body)
    return build


# name -> (file name, builder from the normal tracker's bytes, what the message must say)
CASES = {
    "password": ("protected.xlsx", lambda b: password_protected(), r"password"),
    "old-xls": ("old.xls", lambda b: old_xls(), r"97-2003|\.xls\b"),
    "old-xls-renamed": ("renamed.xlsx", lambda b: old_xls(), r"97-2003|\.xls\b"),
    "xlsb": ("binary.xlsb", lambda b: xlsb(), r"\.xlsb|Binary"),
    "ods": ("calc.ods", lambda b: ods(), r"OpenDocument|\.ods"),
    "ods-renamed": ("calc.xlsx", lambda b: ods(), r"OpenDocument|\.ods"),
    "csv": ("export.xlsx", lambda b: b"Company,Position,Date Applied\r\nAcme,Analyst,2026-11-10\r\n", r"CSV|text"),
    "html": ("report.xlsx", lambda b: b"<html><body><table><tr><td>Company</td></tr></table></body></html>",
             r"HTML|web page"),
    "empty": ("empty.xlsx", lambda b: b"", r"empty|0 bytes"),
    "strict": ("strict.xlsx", strict, r"Strict"),
    "truncated": ("truncated.xlsx", lambda b: b[: len(b) // 2], r"damaged|cut short|corrupt"),
    "corrupt-sheet": ("corrupt.xlsx", lambda b: corrupt_member(b, "xl/worksheets/sheet1.xml"),
                      r"damaged|corrupt"),
    "corrupt-untouched-part": ("corrupt2.xlsx", lambda b: corrupt_member(with_app_part(b), "docProps/app.xml"),
                               r"damaged|corrupt"),
    "laughs-shared-strings": ("laughs.xlsx", lambda b: with_doctype(b, "xl/sharedStrings.xml", LAUGHS, b"&lol9;"),
                              r"DTD|entit"),
    "laughs-sheet": ("laughs2.xlsx", entity_in_sheet(LAUGHS, b"&lol9;"), r"DTD|entit"),
    "xxe-sheet": ("xxe.xlsx", entity_in_sheet(XXE, b"&xxe;"), r"DTD|entit"),
    "xxe-shared-strings": ("xxe2.xlsx", lambda b: with_doctype(b, "xl/sharedStrings.xml", XXE, b"&xxe;"),
                           r"DTD|entit"),
    "xxe-workbook": ("xxe3.xlsx", lambda b: with_doctype(b, "xl/workbook.xml", XXE, b""), r"DTD|entit"),
    # a DTD behind a long comment, past where a quick look at the start of a part would see it
    "xxe-sheet-late-doctype": ("xxe4.xlsx", entity_in_sheet(XXE.replace(b"?>\n", b"?>\n<!--" + b"x" * 5000 + b"-->", 1),
                                                            b"&xxe;"), r"DTD|entit"),
}


@pytest.fixture(scope="module")
def base() -> bytes:
    return tracker_xlsx()


def test_the_base_tracker_refreshes(tmp_path, base):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(base)
    done = run_cli("refresh", path, "--today", TODAY.isoformat(), "--no-backup")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("case", CASES)
def test_refused_clearly_and_untouched(tmp_path, base, case):
    name, build, must_say = CASES[case]
    data = build(base)
    path = tmp_path / name
    path.write_bytes(data)
    start = time.process_time()
    done = run_cli("refresh", path, "--today", TODAY.isoformat())
    seconds = time.process_time() - start
    assert done.returncode == 1, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr
    message = done.stderr.strip()
    assert message.startswith("followup-sheet: "), message
    assert name in message, f"the message does not name the file: {message}"
    assert re.search(must_say, message, re.I), f"the message does not say what is wrong ({must_say}): {message}"
    assert ACTION.search(message.replace(str(path), "")), f"the message does not say what to do: {message}"
    assert "root:" not in message and "/bin/bash" not in message, "file contents leaked into the message"
    assert path.read_bytes() == data, "the refused file changed"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name], "something was left beside the file"
    # (a guard against a file that makes the reader work without end, a zip bomb's kind, not a speed
    # measurement: CPU seconds, which a busy machine does not stretch)
    assert seconds < 10, f"took {seconds:.1f} s of CPU to refuse"


@pytest.mark.parametrize("case", CASES)
def test_library_raises_a_followup_error(tmp_path, base, case):
    name, build, _ = CASES[case]
    path = tmp_path / name
    path.write_bytes(build(base))
    with pytest.raises(FollowupError) as info:
        refresh(path, today=TODAY, backup=False)
    assert type(info.value).__name__ in ("NotAWorkbook", "UnsupportedContent"), repr(info.value)


def test_each_problem_has_its_own_message(tmp_path, base):
    by_cause = {}
    for case, (name, build, _) in CASES.items():
        path = tmp_path / name
        path.write_bytes(build(base))
        try:
            refresh(path, today=TODAY, backup=False)
        except FollowupError as exc:
            by_cause.setdefault(str(exc).replace(str(path), "FILE"), []).append(case)
        except Exception:
            pass     # a crash: test_library_raises_a_followup_error reports it
    same_kind = [{"old-xls", "old-xls-renamed"}, {"ods", "ods-renamed"},
                 {"laughs-shared-strings", "laughs-sheet", "xxe-sheet", "xxe-shared-strings", "xxe-workbook",
                  "xxe-sheet-late-doctype"}]
    for message, cases in by_cause.items():
        assert len(cases) == 1 or any(set(cases) <= group for group in same_kind), \
            f"{cases} share one message: {message}"


# --- huge on paper -------------------------------------------------------------------------

HUGE_HEADERS = ["Company", None, "Position", "Date Applied", "Status"]


def huge_rows(n: int) -> list[list]:
    return [[f"Company {i}", None, "Analyst", dt.date(2026, 11, 10), "Applied"] for i in range(n)]


def _huge(sheet_edit, rows: int = 3) -> bytes:
    base = minimal_workbook(HUGE_HEADERS, huge_rows(rows))
    sheet = members(base)["xl/worksheets/sheet1.xml"]
    return rewrite_member(base, "xl/worksheets/sheet1.xml", sheet_edit(sheet))


def whole_column_merge(sheet: bytes) -> bytes:
    sheet = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', sheet)
    return sheet.replace(b"</sheetData>",
                         b'</sheetData><mergeCells count="1"><mergeCell ref="B1:B1048576"/></mergeCells>')


def stray_cell(ref: bytes):
    """A value in `ref`: added at the end of its row, or in a row of its own at the end."""
    row = re.sub(rb"\D", b"", ref)
    cell = b'<c r="%s" t="inlineStr"><is><t>x</t></is></c>' % ref

    def edit(sheet: bytes) -> bytes:
        pattern = rb'(<row r="%s"[^>]*>.*?)(</row>)' % row
        if re.search(pattern, sheet, re.S):
            return re.sub(pattern, lambda m: m.group(1) + cell + m.group(2), sheet, count=1, flags=re.S)
        return sheet.replace(b"</sheetData>", b'<row r="%s">%s</row></sheetData>' % (row, cell))
    return edit


# case -> (edit of the sheet, tracker rows)
HUGE = {
    "merge B1:B1048576, dimension A1:XFD1048576": (whole_column_merge, 3),
    "one stray cell at A1048576": (stray_cell(b"A1048576"), 3),
    "one stray cell at Z1048576": (stray_cell(b"Z1048576"), 3),
    "one stray cell at XFD1": (stray_cell(b"XFD1"), 3),
    "1,500 rows and one stray cell at XFD2": (stray_cell(b"XFD2"), 1500),
}


@pytest.mark.parametrize("case", HUGE)
def test_huge_on_paper_is_quick_and_small(tmp_path, case):
    edit, rows = HUGE[case]
    data = _huge(edit, rows)
    assert len(data) < 100_000
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(data)
    code, out, err, seconds, rss_mb = run_refresh(path, "--no-backup", timeout=300)
    assert code in (0, 1), f"exit {code}\n{err}"
    if code == 1:
        assert "Traceback" not in err and "tracker.xlsx" in err, err
        assert path.read_bytes() == data, "refused, but the file changed"
    # (a guard, not a speed measurement: a refresh that walked the sheet's size on paper, some 17
    # billion cells, would take minutes of CPU and gigabytes; this one takes about a second)
    assert 0 <= seconds < 15, f"took {seconds:.1f} s of CPU ({rss_mb} MB)"
    assert rss_mb < 400, f"peak memory {rss_mb} MB ({seconds:.1f} s of CPU)"


def test_far_away_cell_in_another_sheet_does_not_block_the_tracker(tmp_path):
    """A stray value deep down a sheet that is not the tracker (a list, a data dump) is no reason
    to refuse the workbook: the tracker sheet is found and refreshed, quickly."""
    lists = minimal_workbook(["Stages"], [["Applied"], ["Interviewed"]], sheet_name="Lists")
    sheet = members(lists)["xl/worksheets/sheet1.xml"]
    lists = rewrite_member(lists, "xl/worksheets/sheet1.xml", stray_cell(b"A500000")(sheet))
    tracker_sheet = members(minimal_workbook(HUGE_HEADERS, huge_rows(3)))["xl/worksheets/sheet1.xml"]
    data = add_tracker_sheet(lists, name="Applications", sheet_xml=tracker_sheet).data
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(data)
    code, out, err, seconds, rss_mb = run_refresh(path, "--no-backup")
    assert code == 0, err
    assert 0 <= seconds < 15 and rss_mb < 400, f"{seconds:.1f} s of CPU, {rss_mb} MB"     # (a guard, as above)
