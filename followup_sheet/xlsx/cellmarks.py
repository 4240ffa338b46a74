"""What a sheet's cells are marked with beyond their values, for a tracker that says a row's stage
by its look: the solid fill (green, amber, red, with a legend beside it) and a strike-through (a
row crossed out). Each cell's style index (its `s`) is read from the sheet's XML, and each style's
fill and font from the styles part. A colour is compared, never shown.
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


def _style_marks(pkg: Package) -> dict[int, str]:
    """cell style index -> its mark: the solid fill's colour ('rgb:FF92D050', 'theme:9:-0.25',
    'indexed:13'), with ' struck' after it (alone when unfilled) for a struck-through font."""
    try:
        part = find_styles_part(pkg)
        root = parse_xml(pkg.read(part), f"{pkg.path}: {part}")
    except FollowupError:
        return {}
    struck = []
    for font in root.iterfind(f"{{{MAIN_NS}}}fonts/{{{MAIN_NS}}}font"):
        strike = font.find(f"{{{MAIN_NS}}}strike")
        struck.append(strike is not None and strike.get("val", "1") not in ("0", "false"))
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
        fill_id, font_id = int(xf.get("fillId", "0")), int(xf.get("fontId", "0"))
        colour = colours[fill_id] if fill_id < len(colours) else None
        strike = " struck" if font_id < len(struck) and struck[font_id] else ""
        if colour or strike:
            out[i] = f"{colour or ''}{strike}"
    return out


def cell_marks(pkg: Package, part: str, struck_only: bool = False) -> dict[tuple[int, int], str]:
    """(1-based row, 1-based column) -> the cell's mark (see `_style_marks`), for the cells with a
    solid fill or a struck-through font; `struck_only`: the struck-through cells alone (the sheet
    is not read when no style strikes through)."""
    styles = _style_marks(pkg)
    if struck_only:
        styles = {i: m for i, m in styles.items() if m.endswith(" struck")}
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
