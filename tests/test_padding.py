"""A sheet part padded with comments and whitespace (a small file that unpacks to hundreds of
megabytes) is read in time and memory that grow with the sheet's own XML, not with the padding:
the padding is dropped as the part is streamed (sheetxml.Unpadded), and the tracker is read and
refreshed as if it were not there."""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import TODAY, write_tracker

from followup_sheet.pipeline import refresh
from followup_sheet.xlsx import sheetxml
from followup_sheet.xlsx.sheetxml import PAD_AFTER_TAG, PAD_ANYWHERE, Unpadded

SHEET = "xl/worksheets/sheet1.xml"
ROWS = [{"Company": name, "Position": role, "Date Applied": dt.date(2026, 10, day), "Status": "Applied"}
        for name, role, day in [("Brauerei Kessler", "Controller", 5), ("Lumen Ópticas", "Analista", 12),
                                ("Northgate Freight", "Dispatcher", 19), ("Okapi Studio", "UX writer", 26)]]


def _filler(size: int, seed: int) -> list[bytes]:
    """`size` bytes of padding in pieces: runs of blank lines and tabs, and comments holding
    numbers that differ, so the part does not deflate past the zip-bomb check's ratio."""
    rnd, pieces, made = random.Random(seed), [], 0
    while made < size:
        piece = b"\n\t\t" + b" " * 1500 + b"<!-- filler %d -->" % rnd.getrandbits(40)
        pieces.append(piece)
        made += len(piece)
    return pieces


PLACES = {   # where the padding goes: (the text it goes before, or after)
    "before the sheet data": (b"<sheetData>", "before"),
    "inside the sheet data, before the first row": (b"<sheetData>", "after"),
    "between two rows": (b'<row r="3"', "before"),
    "after the rows": (b"</sheetData>", "after"),
}


def padded_tracker(path: Path, place: str, size: int) -> Path:
    """A tracker whose sheet part holds `size` bytes of padding at `place`, written a piece at a
    time so the test itself does not hold it."""
    plain = write_tracker(path.with_name("plain.xlsx"), ROWS)
    anchor, side = PLACES[place]
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != SHEET:
                zout.writestr(info, data)
                continue
            at = data.index(anchor) + (len(anchor) if side == "after" else 0)
            with zout.open(SHEET, "w", force_zip64=True) as dst:
                dst.write(data[:at])
                for piece in _filler(size, seed=len(place)):
                    dst.write(piece)
                dst.write(data[at:])
    return path


def read_through(data: bytes, chunk: int) -> tuple[bytes, int]:
    src = Unpadded(io.BytesIO(data))
    out = []
    while block := src.read(chunk):
        out.append(block)
    return b"".join(out), src.dropped


# --- what is dropped, and what is kept ----------------------------------------------------

LONG, VERY_LONG = b" " * PAD_AFTER_TAG, b"\r\n" * (PAD_ANYWHERE // 2)
CASES = [
    # (stored, read)
    (b'<row r="1"><c r="A1"><v>1</v></c></row>', b'<row r="1"><c r="A1"><v>1</v></c></row>'),
    (b"<row>\n  <c/>\n</row>\n", b"<row>\n  <c/>\n</row>\n"),                     # pretty-printed: kept
    (b"</row><!-- a note from the program that wrote it --><row>", b"</row><row>"),
    (b"<!---->x<!-- -- -->y", b"xy"),
    (b"</row>" + LONG + b"<row>", b"</row> <row>"),
    (b'<c r="A1"/>' + LONG + b"\t" + b"<c/>", b'<c r="A1"/> <c/>'),
    (b"</row>" + LONG[:-1] + b"<row>", b"</row>" + LONG[:-1] + b"<row>"),          # one byte short: kept
    (b'<t xml:space="preserve">' + LONG + b"</t>", b'<t xml:space="preserve">' + LONG + b"</t>"),  # a cell's text
    (b'<t xml:space="preserve">' + VERY_LONG + b"</t>", b'<t xml:space="preserve"> </t>'),   # longer than any text
    (b"</row>" + LONG + b"<!-- x -->" + LONG + b"<row>", b"</row> <row>"),            # one run once the comment goes
]


@pytest.mark.parametrize("chunk", [3, 64, 4096, 1 << 20])
@pytest.mark.parametrize("stored, read", CASES)
def test_padding_is_dropped_and_everything_else_kept(stored, read, chunk):
    got, dropped = read_through(stored, chunk)
    assert got == read
    assert dropped == len(stored) - len(read)


def test_a_sheet_without_padding_reads_byte_for_byte(tmp_path):
    path = write_tracker(tmp_path / "tracker.xlsx", ROWS)
    with zipfile.ZipFile(path) as zf:
        stored = zf.read(SHEET)
    assert read_through(stored, 7) == (stored, 0)


# --- a padded tracker is read and refreshed -----------------------------------------------

@pytest.mark.parametrize("place", PLACES)
def test_a_padded_tracker_is_refreshed_as_if_unpadded(tmp_path, place):
    path = padded_tracker(tmp_path / "tracker.xlsx", place, 3 * PAD_ANYWHERE)
    plain = tmp_path / "plain.xlsx"
    refresh(plain, today=TODAY, backup=False)
    refresh(path, today=TODAY, backup=False)
    got, want = openpyxl.load_workbook(path), openpyxl.load_workbook(plain)
    assert [[c.value for c in row] for row in got["Applications"].iter_rows()] == \
           [[c.value for c in row] for row in want["Applications"].iter_rows()]
    assert got.sheetnames == want.sheetnames
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo(SHEET).file_size < 2 * PAD_ANYWHERE   # the padding is not written back


RUN = """
import resource, sys
from followup_sheet.cli import main
code = main(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_SELF)
# VmHWM, not ru_maxrss: Linux keeps the parent's size in ru_maxrss across fork and exec
with open("/proc/self/status") as fh:
    peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
print(f"{code} {usage.ru_utime + usage.ru_stime:.2f} {peak // 1024}")
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from /proc")
@pytest.mark.parametrize("place", PLACES)
def test_300_mb_of_padding_takes_seconds_and_little_memory(tmp_path, place):
    """The issue's case: 300 MB of padding in a file of about 2 MB. CPU time is measured (not the
    wall clock, which a busy machine stretches); the figure before was 94 s and 1 GB."""
    path = padded_tracker(tmp_path / "tracker.xlsx", place, 300 * 2**20)
    assert path.stat().st_size < 4 * 2**20
    done = subprocess.run([sys.executable, "-c", RUN, "-q", "refresh", str(path), "--today", TODAY.isoformat(),
                           "--no-backup"], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(Path(sheetxml.__file__).parents[2])})
    code, seconds, mb = done.stdout.split()[-3:]
    assert code == "0", done.stderr
    assert float(seconds) < 5, f"{seconds} s of CPU"
    assert int(mb) < 300, f"{mb} MB"
    assert openpyxl.load_workbook(path)["Applications"].cell(1, 5).value == "Follow-up Status"
