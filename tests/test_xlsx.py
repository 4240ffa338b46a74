"""Package-level helpers that stream worksheet XML without parsing it."""

from __future__ import annotations

import random
import re

import pytest

from followup_sheet.xlsx import package


def _whole_block_search(data: bytes):
    """The plain definition: the last value tag anywhere in the block, then its cell."""
    at = max(data.rfind(tag) for tag in (b"<v>", b"<v ", b"<is>", b":v>", b":is>"))
    if at < 0:
        return None
    cell = max(data.rfind(b"<c ", 0, at), data.rfind(b":c ", 0, at))
    m = re.search(rb"""\sr\s*=\s*["']([A-Za-z]{1,3})(\d+)["']""", data[cell:at])
    return None if cell < 0 or not m else (int(m.group(2)), (m.group(1) + m.group(2)).decode())


def _row(n: int, value: bool, prefix: str = "", inline: bool = False) -> str:
    p = prefix
    if not value:
        return f'<{p}row r="{n}"><{p}c r="A{n}" s="3"/><{p}c r="B{n}" s="3"/></{p}row>'
    if inline:
        return f'<{p}row r="{n}"><{p}c r="C{n}" t="inlineStr"><{p}is><{p}t>x</{p}t></{p}is></{p}c></{p}row>'
    return f'<{p}row r="{n}"><{p}c r="B{n}"><{p}v>{n}</{p}v></{p}c></{p}row>'


@pytest.mark.parametrize("prefix", ["", "x:"])
@pytest.mark.parametrize("inline", [False, True])
def test_last_value_cell_finds_a_value_far_before_the_end(prefix, inline):
    """Only formatted, empty cells after the last value, far more than the first look covers."""
    rows = [_row(1, True, prefix, inline)] + [_row(n, False, prefix) for n in range(2, 20_000)]
    data = "".join(rows).encode()
    assert len(data) > 4 * 2**16
    assert package.last_value_cell(data) == (1, "C1" if inline else "B1") == _whole_block_search(data)


def test_last_value_cell_agrees_with_a_whole_block_search():
    rng = random.Random(20261126)
    for _ in range(200):
        n = rng.randrange(1, 3000)
        rows = [_row(i, rng.random() < 0.02, rng.choice(["", "x:"]), rng.random() < 0.5) for i in range(1, n)]
        data = "".join(rows).encode()
        cut = rng.randrange(0, len(data) + 1)
        assert package.last_value_cell(data[:cut]) == _whole_block_search(data[:cut])


def test_last_value_cell_of_a_block_without_values():
    assert package.last_value_cell(b"") is None
    assert package.last_value_cell("".join(_row(n, False) for n in range(1, 30_000)).encode()) is None


def _zip_with_damage(tmp_path, damaged: str | None):
    """A zip of one big and several small stored members; the data of `damaged` has one byte
    changed after it was written, so only its CRC tells."""
    import io
    import zipfile

    members = {"xl/worksheets/sheet1.xml": b"<row/>" * 200_000, "xl/worksheets/sheet2.xml": b"<c/>" * 50_000,
               "xl/styles.xml": b"<styleSheet/>", "[Content_Types].xml": b"<Types/>"}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    data = bytearray(buf.getvalue())
    if damaged is not None:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
            info = zf.getinfo(damaged)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        data[start + info.file_size // 2] ^= 0x20
    return bytes(data)


@pytest.mark.parametrize("damaged", [None, "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                                     "xl/styles.xml", "[Content_Types].xml"])
def test_the_written_file_check_finds_a_damaged_member(tmp_path, damaged):
    """The check after a save reads every member through, whichever of its two threads has it."""
    import io
    import zipfile

    from followup_sheet.xlsx.write import _first_bad_member

    data = _zip_with_damage(tmp_path, damaged)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() == damaged        # the damage is real, as the standard check sees it
    assert _first_bad_member(data) == damaged
