"""The fill colour of a sheet's cells, for a tracker that says a row's stage by its colour (green,
amber, red) and a legend beside it: each cell's style index (its `s`) read from the sheet's XML,
and each style's solid fill from the styles part. A colour is compared, never shown.
"""

from __future__ import annotations

import re

from ..errors import FollowupError
from .package import MAIN_NS, Package, parse_xml
from .refs import column_number
from .sheetxml import iter_sheet
from .styles import find_styles_part

_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*)>")
_REF = re.compile(rb"""\br\s*=\s*["']([A-Z]{1,3})(\d+)["']""")
_STYLE = re.compile(rb"""\bs\s*=\s*["'](\d+)["']""")


def _style_fills(pkg: Package) -> dict[int, str]:
    """cell style index -> its solid fill's colour ('rgb:FF92D050', 'theme:9:-0.25', 'indexed:13')."""
    try:
        part = find_styles_part(pkg)
        root = parse_xml(pkg.read(part), f"{pkg.path}: {part}")
    except FollowupError:
        return {}
    colours: list[str | None] = []
    for fill in root.iterfind(f"{{{MAIN_NS}}}fills/{{{MAIN_NS}}}fill"):
        pattern = fill.find(f"{{{MAIN_NS}}}patternFill")
        fg = pattern.find(f"{{{MAIN_NS}}}fgColor") if pattern is not None else None
        if pattern is None or pattern.get("patternType") != "solid" or fg is None:
            colours.append(None)
            continue
        kind = next((k for k in ("rgb", "theme", "indexed") if fg.get(k) is not None), None)
        colours.append(None if kind is None else f"{kind}:{fg.get(kind)}:{fg.get('tint', '0')}".lower())
    out = {}
    for i, xf in enumerate(root.iterfind(f"{{{MAIN_NS}}}cellXfs/{{{MAIN_NS}}}xf")):
        fill_id = int(xf.get("fillId", "0"))
        colour = colours[fill_id] if fill_id < len(colours) else None
        if colour:
            out[i] = colour
    return out


def cell_fills(pkg: Package, part: str) -> dict[tuple[int, int], str]:
    """(1-based row, 1-based column) -> fill colour, for the cells with a solid fill."""
    styles = _style_fills(pkg)
    if not styles:
        return {}
    out: dict[tuple[int, int], str] = {}
    for kind, data in iter_sheet(pkg, part):
        if kind != "rows":
            continue
        for attrs in _CELL.findall(data):
            style, ref = _STYLE.search(attrs), _REF.search(attrs)
            if style is None or ref is None:
                continue
            colour = styles.get(int(style.group(1)))
            if colour:
                out[(int(ref.group(2)), column_number(ref.group(1).decode()))] = colour
    return out
