"""The day/month order a sheet's cells are formatted to show dates in: the number format of each
cell (its style's numFmt) read from the styles part and the sheet's XML. Excel's built-in short
date (id 14) follows the reader's system settings and says nothing; a custom format such as
`dd/mm/yyyy` or `m/d/yy` says which order the user reads the column in.
"""

from __future__ import annotations

import re
from collections import Counter

from ..errors import FollowupError
from .package import MAIN_NS, Package, parse_xml
from .refs import column_number
from .sheetxml import iter_sheet
from .styles import find_styles_part

_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*)>")
_REF = re.compile(rb"""\br\s*=\s*["']([A-Z]{1,3})(\d+)["']""")
_STYLE = re.compile(rb"""\bs\s*=\s*["'](\d+)["']""")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def format_order(code: str) -> str | None:
    """'dmy' or 'mdy' for a number format that shows a day and a month as numbers in that order
    ('dd/mm/yyyy', 'm/d/yy h:mm'); None for any other (a month written out, year first, no date)."""
    text = _QUOTED.sub("", code.split(";")[0]).lower()
    text = re.sub(r"h+[^dmy]*?m+|m+(?=[^dmy]*s)", "", text)   # minutes, not months
    day, month, year = text.find("d"), text.find("m"), text.find("y")
    if day < 0 or month < 0 or "mmm" in text or "ddd" in text or (0 <= year < min(day, month)):
        return None
    return "dmy" if day < month else "mdy"


def _style_orders(pkg: Package) -> dict[int, tuple[str, str]]:
    """cell style index -> (order, the number format's code) for the styles that show an order."""
    try:
        part = find_styles_part(pkg)
        root = parse_xml(pkg.read(part), f"{pkg.path}: {part}")
    except FollowupError:   # no styles part, or one that cannot be read: no formats to go by
        return {}
    codes = {int(el.get("numFmtId", "-1")): el.get("formatCode", "")
             for el in root.iterfind(f"{{{MAIN_NS}}}numFmts/{{{MAIN_NS}}}numFmt")}
    out = {}
    for i, xf in enumerate(root.iterfind(f"{{{MAIN_NS}}}cellXfs/{{{MAIN_NS}}}xf")):
        code = codes.get(int(xf.get("numFmtId", "0")))
        order = format_order(code) if code else None
        if order:
            out[i] = (order, code or "")
    return out


# A column's display format is the same down the column as people keep it: the majority of its first
# rows below the header says it (a whole 10,000-row sheet's cells took 0.1 s for the same answer)
FORMAT_ROWS = 500


def column_format_orders(pkg: Package, part: str, columns: set[int], from_row: int,
                         rows: int = FORMAT_ROWS) -> dict[int, tuple[str, str]]:
    """1-based column -> (order, format code) that most of its cells in the `rows` rows below
    `from_row` are formatted in, for the columns in `columns` whose cells show an order at all."""
    styles = _style_orders(pkg)
    if not styles or not columns:
        return {}
    counts: dict[int, Counter] = {c: Counter() for c in columns}
    last = from_row + rows
    for kind, data in iter_sheet(pkg, part):
        if kind != "rows":
            continue
        for cell in _CELL.finditer(data):
            attrs = cell.group(1)
            style = _STYLE.search(attrs)
            ref = _REF.search(attrs)
            if style is None or ref is None or int(ref.group(2)) <= from_row:
                continue
            if int(ref.group(2)) > last:     # (rows come in order in a sheet's XML)
                return {col: found.most_common(1)[0][0] for col, found in counts.items() if found}
            col = column_number(ref.group(1).decode())
            shown = styles.get(int(style.group(1)))
            if col in counts and shown:
                counts[col][shown] += 1
    return {col: found.most_common(1)[0][0] for col, found in counts.items() if found}
