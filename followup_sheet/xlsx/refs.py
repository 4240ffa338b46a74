"""Cell references: column letters and numbers, and A1-style ranges."""

from __future__ import annotations

import re

LAST_COLUMN = 16384   # XFD: a cell, column or dimension past it makes the file invalid
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def parse_ref(ref: str) -> tuple[int, int, int, int] | None:
    """'B2:D9' (or 'B2') -> (2, 2, 9, 4); None when it is not a plain cell range."""
    parts = ref.split(":")
    if not 1 <= len(parts) <= 2:
        return None
    coords = []
    for p in parts:
        m = _REF.match(p.strip())
        if not m:
            return None
        coords.append((int(m.group(2)), column_number(m.group(1))))
    (r1, c1), (r2, c2) = coords[0], coords[-1]
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)

