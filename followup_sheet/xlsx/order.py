"""The child order ECMA-376 requires of a worksheet, a styles part and a workbook (Excel reports a
file as damaged when it is broken), and functions that put a new element where the order says,
in a parsed tree or in the bytes of a worksheet's tail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

WORKSHEET_ORDER = (
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
    "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
    "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
    "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
    "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
    "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
    "extLst")

STYLESHEET_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
                    "tableStyles", "colors", "extLst")

WORKBOOK_ORDER = (
    "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
    "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews",
    "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects",
    "extLst")

ORDERS = {"worksheet": WORKSHEET_ORDER, "styleSheet": STYLESHEET_ORDER, "workbook": WORKBOOK_ORDER}

# Elements that may stand more than once in a row (the rest at most once).
REPEATABLE = frozenset({"conditionalFormatting"})


def rank(name: str, order: tuple[str, ...]) -> int | None:
    """Where an element's local name stands in `order`; None for one the order does not know."""
    try:
        return order.index(name)
    except ValueError:
        return None


def insert_in_order(parent: etree._Element, child: etree._Element, order: tuple[str, ...]) -> None:
    """Add `child` to `parent` after every sibling the order puts before it or beside it (so a
    second conditionalFormatting goes after the first), before the first that comes later."""
    mine = rank(etree.QName(child).localname, order)
    if mine is None:
        raise ValueError(f"{etree.QName(child).localname} is not in the order given")
    for el in parent:
        if isinstance(el.tag, str):
            theirs = rank(etree.QName(el).localname, order)
            if theirs is not None and theirs > mine:
                el.addprevious(child)
                return
    parent.append(child)


# --- the tail of a worksheet, as bytes -----------------------------------------------------

_TAG = re.compile(rb"<(/?)((?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*)"
                  rb"""(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(/?)>""")
_SKIP = re.compile(rb"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>", re.S)


def top_elements(xml: bytes, start: int = 0) -> Iterator[tuple[str, int, int]]:
    """(local name, start, end) of each element at the top level of `xml` from `start` on, where
    `xml` holds the children of one parent and then, maybe, that parent's end tag (where it stops).
    Comments and processing instructions between them are skipped."""
    depth = 0
    pos = start
    began = 0
    name = ""
    while True:
        lt = xml.find(b"<", pos)
        if lt < 0:
            return
        skip = _SKIP.match(xml, lt)
        if skip:
            pos = skip.end()
            continue
        m = _TAG.match(xml, lt)
        if m is None:
            raise ValueError(f"unreadable markup at byte {lt}")
        closing, qname, empty = m.group(1), m.group(2).decode(), m.group(3)
        local = qname.rsplit(":", 1)[-1]
        if closing:
            if depth == 0:
                return     # the parent's end
            depth -= 1
            if depth == 0:
                yield name, began, m.end()
        elif empty:
            if depth == 0:
                yield local, lt, m.end()
        else:
            if depth == 0:
                name, began = local, lt
            depth += 1
        pos = m.end()


def tail_position(tail: bytes, name: str, order: tuple[str, ...] = WORKSHEET_ORDER) -> int:
    """Where in a worksheet's tail (from "</sheetData>" to "</worksheet>") an element `name` goes:
    after every element the order puts before it or beside it, before the first that comes later."""
    mine = rank(name, order)
    first = tail.find(b">") + 1   # past </sheetData>
    end = tail.rfind(b"</")       # the worksheet's end tag
    for local, start, _ in top_elements(tail, first):
        theirs = rank(local, order)
        if theirs is not None and mine is not None and theirs > mine:
            return start
    return end
