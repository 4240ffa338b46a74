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
