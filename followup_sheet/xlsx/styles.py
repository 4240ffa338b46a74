"""The styles part: the fills, date format and wrapping the tool's cells need, added once and
found again on later refreshes, everything else in the part kept as it was.
"""

from __future__ import annotations

import copy
import functools
import re

from lxml import etree

from ..errors import UnsupportedContent
from ..settings import Settings
from .order import STYLESHEET_ORDER
from .package import MAIN_NS, REL_NS, Package, parse_xml
from .sheetxml import iter_sheet, sheet_relationships, style_bound

STYLES_TYPE = REL_NS + "/styles"


_CELL_STYLE = re.compile(rb"""<(?:\w+:)?c\s[^>]*?\bs\s*=\s*["'](\d+)["']""")


def highest_style_in_use(pkg: Package, past: int = 0) -> int | None:
    """The highest style number a worksheet cell points at (0 when none names one), if it is
    `past` or more; else None. Only rows whose `style_bound` reaches `past` have their cells' start
    tags read, and a sheet whose rows were all read before (`Package.style_bounds`) is not read
    again when its bound stays below `past`: the usual answer, None, costs no reading. A sheet
    uses a few distinct numbers over many cells, so each distinct one is converted once."""
    found: set[bytes] = set()
    for info in pkg.sheets:
        if not info.is_worksheet or pkg.style_bounds.get(info.part, past) < past:
            continue
        for kind, data in iter_sheet(pkg, info.part):
            if kind == "rows" and style_bound(data) >= past:
                found.update(_CELL_STYLE.findall(data))
    highest = max((int(x) for x in found), default=0)
    return highest if highest >= past else None


def find_styles_part(pkg: Package) -> str:
    for rel_type, member, _ in sheet_relationships(pkg, pkg.workbook_part).values():
        if rel_type == STYLES_TYPE and member and pkg.has(member):
            return member
    raise UnsupportedContent(f"{pkg.path} has no styles part; open it in Excel and save it again")


HEADER_FILL, MARK_FILL = "D9E1F2", "FFF2CC"   # the Today sheet's header row; the cells the user marks


class TodayStyles:
    """The cell formats of the Today sheet: every body cell top-aligned (a wrapped script makes
    rows tall), the header row bold and wrapped, statuses in their tracker colours."""

    def __init__(self, styles: Styles, rtl: bool = False):
        bold, link = styles._font("bold"), styles._font("link")
        self.title = styles.xf(font=bold)
        self.bold = self.title   # the Follow-up Log's header row
        self.header = styles.xf(font=bold, fill=styles._fill(HEADER_FILL), wrap=True)
        self.text = styles.xf(top=True)
        self.wrap = styles.xf(wrap=True)
        self.date = styles.xf(num_fmt=14, top=True)
        self.link = styles.xf(font=link, wrap=True)
        self.mark = styles.xf(fill=styles._fill(MARK_FILL), top=True)
        self.mark_date = styles.xf(num_fmt=14, fill=styles._fill(MARK_FILL), top=True)
        self.status = {name: styles.xf(fill=styles._fill(rgb), top=True) for name, rgb in styles.settings.fills.items()}
        # wrapped text read right to left (Hebrew, Arabic): added to the styles only when the
        # sheet has such text (`rtl`)
        self.wrap_rtl = styles.xf(wrap=True, rtl=True) if rtl else self.wrap


_STYLE_DEPTH = 64   # a real styles part is about five levels deep


class Styles:
    """The styles part, with our fills and cell formats found or appended (never renumbered)."""

    def __init__(self, data: bytes, where: str, settings: Settings, highest_style=None):
        # (past) -> the highest style number a worksheet cell uses if it is `past` or more, else
        # None: for damaged parts (see highest_style_in_use)
        self.highest_style = highest_style
        self.root = parse_xml(data, where)
        if self.root.find("*/" * _STYLE_DEPTH + "*") is not None:   # comparing styles recurses through them
            raise UnsupportedContent(f"{where} nests its elements deeper than any styles part does; refusing "
                                     "to edit it (open the file in Excel and save a copy)")
        self.original = data
        self.settings = settings
        self.changed = False
        self._cache: dict[tuple, int] = {}
        self._index: dict[str, tuple[etree._Element, dict[tuple, int]]] = {}
        self._indexed: dict[str, int] = {}   # how many of the section's elements are in its index
        self._padded = False   # cellXfs made long enough for every cell's style number

    _ORDER = STYLESHEET_ORDER

    def _section(self, name: str) -> etree._Element:
        ns = MAIN_NS
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
            if name == "cellXfs":   # cells may already point at formats this part lacks: keep those plain
                self._keep_dangling_plain(el)
        return el

    def _find_or_add(self, section: str, xml: str | etree._Element) -> int:
        parent = self._section(section)
        # (a fragment's comparable form kept per text: a refresh asks for the same forty-odd
        # fragments, and parsing each to compare it cost more than the look-up)
        found = self._known(section, parent).get(_fragment_key(xml) if isinstance(xml, str) else _canonical(xml))
        if found is not None:
            return found
        el = etree.fromstring(_in_ns(xml)) if isinstance(xml, str) else xml
        if section == "cellXfs":
            self._keep_dangling_plain(parent)
        parent.append(el)
        parent.set("count", str(len(parent)))
        self.changed = True
        return len(parent) - 1

    def _known(self, section: str, parent: etree._Element) -> dict[tuple, int]:
        """The first position of each distinct element of `parent`, kept up to date as elements
        are appended (the part's elements are never changed or removed), so each is brought to
        its comparable form once rather than on every look-up."""
        entry = self._index.get(section)
        if entry is None or entry[0] is not parent:
            entry = self._index[section] = (parent, {})
            self._indexed[section] = 0
        index = entry[1]
        for i in range(self._indexed[section], len(parent)):
            index.setdefault(_canonical(parent[i]), i)
        self._indexed[section] = len(parent)
        return index

    def _keep_dangling_plain(self, xfs: etree._Element) -> None:
        """Before the first format is appended: cells that point past the end of cellXfs (a
        damaged part; Excel and LibreOffice show them plain) would otherwise take the formats we
        append (a cell of 57 shown as a date), so plain formats fill the gap first. The sheets'
        style numbers are looked at once, only when a format is appended at all."""
        if self._padded or not self.highest_style:
            return
        self._padded = True
        highest = self.highest_style(len(xfs))
        if highest is None:   # no cell points past the formats the part has: the usual case
            return
        # applyProtection="0" says nothing new (plain is plain), but keeps these apart from a plain
        # format the tool looks for: a later refresh must find its own, not a filler
        for _ in range(len(xfs), highest + 1):
            xfs.append(etree.fromstring(_in_ns(
                '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="0"/>')))

    def _fill(self, rgb: str) -> int:
        return self._find_or_add("fills", f'<fill><patternFill patternType="solid"><fgColor rgb="FF{rgb}"/>'
                                          f'<bgColor indexed="64"/></patternFill></fill>')

    def _font(self, kind: str) -> int:
        fonts = self._section("fonts")
        base = fonts[0] if len(fonts) else etree.fromstring(_in_ns('<font><sz val="11"/><name val="Calibri"/></font>'))
        font = copy.deepcopy(base)
        ns = MAIN_NS
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

    def xf(self, *, num_fmt: int = 0, font: int = 0, fill: int = 0, wrap: bool = False, top: bool = False,
           rtl: bool = False) -> int:
        """A cell format; `rtl`: read right to left (Hebrew, Arabic text), so the cell starts at
        its right edge and punctuation falls where the reader expects it."""
        key = (num_fmt, font, fill, wrap, top, rtl)
        if key not in self._cache:
            self._section("cellStyleXfs")
            applies = "".join([' applyNumberFormat="1"' if num_fmt else "", ' applyFont="1"' if font else "",
                               ' applyFill="1"' if fill else "",
                               ' applyAlignment="1"' if wrap or top or rtl else ""])
            order = ' readingOrder="2"' if rtl else ""
            align = (f'<alignment vertical="top" wrapText="1"{order}/>' if wrap else
                     f'<alignment vertical="top"{order}/>' if top or rtl else "")
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

    def status_dxf(self, status: str) -> int:
        """A differential format filling a cell with the status's colour, for conditional formats."""
        rgb = self.settings.fills[status]
        return self._find_or_add("dxfs", f'<dxf><fill><patternFill patternType="solid"><fgColor rgb="FF{rgb}"/>'
                                         f'<bgColor rgb="FF{rgb}"/></patternFill></fill></dxf>')

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
    m = re.search(r"^<\w+", xml)
    if m is None:
        raise ValueError(f"not an XML element: {xml[:80]!r}")
    tag_end = m.end()
    return xml[:tag_end] + f' xmlns="{MAIN_NS}"' + xml[tag_end:]


@functools.lru_cache(maxsize=1024)
def _fragment_key(xml: str) -> tuple:
    """The comparable form (`_canonical`) of an XML fragment in the main namespace."""
    return _canonical(etree.fromstring(_in_ns(xml)))


def _canonical(el: etree._Element) -> tuple:
    return (etree.QName(el).localname, tuple(sorted(el.attrib.items())),
            tuple(_canonical(c) for c in el if isinstance(c.tag, str)))

