"""The Today sheet: the worksheet part of today's calls, and the workbook, relationship and
content-type entries that add it to the package the first time.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from collections.abc import Iterator

import pandas as pd
from lxml import etree

from .. import columns
from ..catalogue import Words, next_sentence, say
from .cells import escape_text, number_cell, text_cell
from .live import formula_cell, stale_notice
from .package import (
    CT_NS,
    MAIN_NS,
    PKG_REL_NS,
    REL_NS,
    WORKSHEET_TYPE,
    Package,
    parse_xml,
    rels_part_for,
)
from .refs import column_letters
from .sheetedit import date_serials, escape_attr
from .styles import TodayStyles
from .values import TODAY_MARKER, TODAY_NAME, TODAY_SHEET_NAMES, today_marker

WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def today_sheet_part(pkg: Package, ours: frozenset[str]) -> tuple[str, str, dict[str, bytes]]:
    """The part and name of our Today sheet: the existing one, or a new sheet added to the
    workbook; and the package parts that change for it (the workbook's print titles among them)."""
    part, name, extra = _find_or_add_sheet(pkg, ours)
    _print_titles(pkg, name, extra)
    return part, name, extra


def _marker_names(names: etree._Element, value: str) -> bool:
    """Put the hidden TODAY_NAME (see values.py) in `names`, pointing at `value`; False when it
    already does."""
    ns = MAIN_NS
    found = [d for d in names if d.get("name", "").lower() == TODAY_NAME.lower()]
    if len(found) == 1 and found[0].text == value and found[0].get("localSheetId") is None:
        return False
    for d in found:
        names.remove(d)
    el = etree.SubElement(names, f"{{{ns}}}definedName")
    el.set("name", TODAY_NAME)
    el.set("hidden", "1")
    el.text = value
    return True


def _find_or_add_sheet(pkg: Package, ours: frozenset[str]) -> tuple[str, str, dict[str, bytes]]:
    taken = {s.name.lower() for s in pkg.sheets}
    for name in TODAY_SHEET_NAMES:
        for info in pkg.sheets:
            if info.name.lower() == name.lower() and info.name in ours:
                return info.part, info.name, {}
    for info in pkg.sheets:   # ours under the name the user gave it
        if info.name in ours and info.is_worksheet:
            return info.part, info.name, {}
    free = next((n for n in TODAY_SHEET_NAMES if n.lower() not in taken), None)
    n = 2
    while free is None:
        candidate = f"Follow-up Today {n}"
        free = candidate if candidate.lower() not in taken else None
        n += 1
    name = free
    part, extra = add_sheet(pkg, name)
    return part, name, extra


def _print_titles(pkg: Package, name: str, extra: dict[str, bytes]) -> None:
    """The header row repeated on every printed page: a `_xlnm.Print_Titles` name local to the
    Today sheet, put in the workbook part only when it is missing or stale."""
    ns = MAIN_NS
    data = extra.get(pkg.workbook_part) or pkg.read(pkg.workbook_part)
    wb = parse_xml(data, f"{pkg.path}: {pkg.workbook_part}")
    sheets = wb.find(f"{{{ns}}}sheets")
    index = next(i for i, s in enumerate(sheets) if s.get("name") == name)
    value = f"{_quote_sheet(name)}!${HEADER_ROW}:${HEADER_ROW}"
    names = wb.find(f"{{{ns}}}definedNames")
    if names is None:
        names = etree.Element(f"{{{ns}}}definedNames")
        before = sheets
        for later in ("functionGroups", "externalReferences"):
            found = wb.find(f"{{{ns}}}{later}")
            before = found if found is not None else before
        before.addnext(names)
    changed = _marker_names(names, f"{_quote_sheet(name)}!$A$1")
    titles = [d for d in names if d.get("name", "").lower() == "_xlnm.print_titles"]
    if not any(d.get("localSheetId") == str(index) and d.text == value for d in titles):
        for d in titles:   # ours from before the sheets moved, or a stale one on our sheet
            if d.get("localSheetId") == str(index) or (d.text or "").startswith(_quote_sheet(name) + "!"):
                names.remove(d)
        el = etree.SubElement(names, f"{{{ns}}}definedName")
        el.set("name", "_xlnm.Print_Titles")
        el.set("localSheetId", str(index))
        el.text = value
    elif not changed:
        return
    extra[pkg.workbook_part] = etree.tostring(wb, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_sheet(pkg: Package, name: str, edited: dict[str, bytes] | None = None,
               reserved: frozenset[str] = frozenset()) -> tuple[str, dict[str, bytes]]:
    """Add sheet `name`; `edited` holds parts already changed in this save (a second new sheet),
    `reserved` part names already given out."""
    ns, rel_ns = MAIN_NS, REL_NS
    edited = edited or {}

    def read(part: str) -> bytes:
        return edited[part] if part in edited else pkg.read(part)
    k = 1
    folder = "xl/worksheets/"
    taken = {info.filename.lower() for info in pkg.zip.infolist()} | {r.lower() for r in reserved}
    while f"{folder}sheet{k}.xml" in taken:
        k += 1
    part = f"{folder}sheet{k}.xml"

    rels_name = rels_part_for(pkg.workbook_part)
    rels = parse_xml(read(rels_name), f"{pkg.path}: {rels_name}")
    ids = {r.get("Id") for r in rels}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    rid = f"rId{n}"
    rel = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
    rel.set("Id", rid)
    rel.set("Type", WORKSHEET_TYPE)
    rel.set("Target", _relative(pkg.workbook_part, part))

    wb = parse_xml(read(pkg.workbook_part), f"{pkg.path}: {pkg.workbook_part}")
    sheets = wb.find(f"{{{ns}}}sheets")
    sheet_id = max((int(s.get("sheetId", "0")) for s in sheets if s.get("sheetId", "0").isdigit()), default=0) + 1
    # Name the relationships prefix: left to itself, lxml picks one from a process-wide
    # registry (openpyxl, once imported, puts "r" there; otherwise it is "ns0").
    el = etree.SubElement(sheets, f"{{{ns}}}sheet", nsmap={"r": rel_ns})
    el.set("name", name)
    el.set("sheetId", str(sheet_id))
    el.set(f"{{{rel_ns}}}id", rid)

    ct = parse_xml(read("[Content_Types].xml"), f"{pkg.path}: [Content_Types].xml")
    override = etree.SubElement(ct, f"{{{CT_NS}}}Override")
    override.set("PartName", "/" + part)
    override.set("ContentType", WORKSHEET_CT)

    def dump(root: etree._Element) -> bytes:
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return part, {rels_name: dump(rels), pkg.workbook_part: dump(wb), "[Content_Types].xml": dump(ct)}


def _relative(source_part: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(source_part))


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


HYPERLINK_TYPE = REL_NS + "/hyperlink"
HEADER_ROW = 2          # the title above it, the calls below it
TITLE_HEIGHT, HEADER_HEIGHT, LINE_HEIGHT = 20, 32, 15


def _instructions(ref: str, today: dt.date, style: TodayStyles, live: bool, language: str = "en") -> str:
    """What to do with the sheet, in the title row above the scripts. In a live workbook it is a
    formula that puts the notice of an earlier day's sheet (live.stale_notice) first: one cell,
    so that neither cuts the other off (a cell that holds a formula, even one showing nothing,
    stops the text to its left from running on)."""
    instructions = say("today", INSTRUCTIONS, language)
    if not live:
        return text_cell("", ref, style.text, instructions)
    formula, cached = stale_notice(today, then=instructions, language=language)
    return formula_cell("", ref, style.text, formula, cached)


def _title(today: dt.date, contacts: tuple[int, int] | None, language: str = "en") -> str:
    """The title cell: the marker the tool knows its sheet by (values.today_markers), the day it
    was built as the language writes it, and in another language than English the ISO date too,
    which the next refresh reads back whatever the language (marksheets.built_day)."""
    if language == "en":
        title = f"{TODAY_MARKER}, built {today:%A} {today.day} {today:%B %Y}"
    else:
        w = Words(language)
        title = (f"{today_marker(language)}, " + w("built {day}", day=w.day(today))
                 + f" ({today.isoformat()})")
    if contacts is not None:
        week = Words(language)("{done} of {wanted} employer contacts this week", done=contacts[0], wanted=contacts[1])
        title += next_sentence(language) + week
    return title


INSTRUCTIONS = ("Mark each call in Done and Outcome (and Date or Name where the outcome asks for one); "
                "the next refresh applies the marks to your tracker and rebuilds this sheet.")


def external_links(rows: pd.DataFrame) -> list[dict[str, tuple[str, str]]]:
    """Per row, its tel:/mailto: links: column header -> (relationship id, URL). Worked out
    once, for the sheet's relationships part and its cells alike."""
    link_columns = [c for c in columns.sheet_columns() if c.kind in ("phone", "email")]
    urls = [[(columns.tel_url if c.kind == "phone" else columns.mailto_url)(v if isinstance(v, str) else "")
             for v in rows[c.field].tolist()] for c in link_columns]
    out = []
    n = 0
    for found in zip(*urls) if urls else ([()] * len(rows)):
        targets = {}
        for c, url in zip(link_columns, found):
            if url:
                n += 1
                targets[c.header] = (f"rId{n}", url)
        out.append(targets)
    return out


def today_sheet_rels(links: list[dict[str, tuple[str, str]]], keep_empty: bool) -> bytes | None:
    """The Today sheet's relationships: one external hyperlink per tel:/mailto: link (None
    when there is none, unless `keep_empty`: an old part's links must go too)."""
    rels = [f'<Relationship Id="{rid}" Type="{HYPERLINK_TYPE}" Target="{escape_attr(url)}" TargetMode="External"/>'
            for targets in links for rid, url in targets.values()]
    if not rels and not keep_empty:
        return None
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL_NS}">' + "".join(rels) + "</Relationships>").encode()


def today_sheet_parts(rows: pd.DataFrame, today: dt.date, style: TodayStyles, date1904: bool,
                      contacts: tuple[int, int] | None, live: bool,
                      keep_empty_rels: bool) -> tuple[bytes | None, Iterator[bytes]]:
    """The Today sheet's relationships part (see today_sheet_rels) and its worksheet part's
    pieces."""
    links = external_links(rows)
    return (today_sheet_rels(links, keep_empty_rels),
            today_sheet_pieces(rows, links, today, style, date1904, contacts, live=live))


UNBROKEN_MAX = 48   # an address wider than this is cut off rather than make the page tiny


def _width(column: columns.TodayColumn, rows: pd.DataFrame) -> float:
    """The table's width, or wider for a phone, e-mail or tracker row that would not fit: they
    hold no spaces to wrap at, and a cut address is no use."""
    if column.kind not in ("phone", "email", "row"):
        return column.width
    texts = ([columns.row_label(s, r) for s, r in zip(rows["sheet"].tolist(), rows["row"].tolist())]
             if column.kind == "row" else rows[column.field].tolist())
    longest = max((len(t) for t in texts if isinstance(t, str)), default=0)
    return max(column.width, min(round(longest * 1.05 + 2), UNBROKEN_MAX))


def _row_heights(texts: list[list], wrapped: list[columns.TodayColumn]) -> list[float]:
    """About how tall the wrapped cells make each row (Excel does not size rows when it opens a
    file); `texts` holds the wrapped columns' values, a list per column."""
    heights: list[float] = []
    per_line = [max(int(c.width * 1.2), 1) for c in wrapped]
    for values in zip(*texts) if texts else []:
        lines = 1
        for text, width in zip(values, per_line):
            if isinstance(text, str) and len(text) > width:
                lines = max(lines, sum(max(1, -(-len(part) // width)) for part in text.split("\n")))
            elif isinstance(text, str) and "\n" in text:
                lines = max(lines, text.count("\n") + 1)
        heights.append(LINE_HEIGHT * min(lines, 26))
    return heights


CHUNK = 1000   # rows worked out together, column by column


def today_sheet_pieces(rows: pd.DataFrame, links: list[dict[str, tuple[str, str]]], today: dt.date,
                       style: TodayStyles, date1904: bool, contacts: tuple[int, int] | None = None,
                       live: bool = False, language: str = "en") -> Iterator[bytes]:
    """Our Today sheet's worksheet part, streamed: a call sheet with a row per call, the columns
    of columns.sheet_columns(), marks typed into its last columns."""
    shown = columns.sheet_columns()
    last = column_letters(len(shown))
    first_row = HEADER_ROW + 1
    last_row = HEADER_ROW + max(len(rows), 1)
    more = columns.more_line(int(rows.attrs.get("more", 0)), language)   # the daily budget's rest (rules §6)
    end_row = last_row + 1 if more else last_row
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{_width(c, rows)}" customWidth="1"/>'
                   for i, c in enumerate(shown))
    script_at = next((i for i, c in enumerate(shown) if c.kind == "wrap"), 1)   # past the title's reach
    title_cells = text_cell("", "A1", style.title, _title(today, contacts, language)) \
        + _instructions(f"{column_letters(script_at + 1)}1", today, style, live, language)
    yield (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        '<sheetPr><tabColor rgb="FFFFB347"/><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{last}{end_row}"/>'
        f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{HEADER_ROW}" topLeftCell="A{first_row}"'
        ' activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f'<cols>{cols}</cols><sheetData>'
        f'<row r="1" ht="{TITLE_HEIGHT}" customHeight="1">{title_cells}</row>'
        f'<row r="{HEADER_ROW}" ht="{HEADER_HEIGHT}" customHeight="1">'
        + "".join(text_cell("", f"{column_letters(i + 1)}{HEADER_ROW}", style.header, say("today", c.header, language))
                  for i, c in enumerate(shown)) + "</row>").encode()
    hyperlinks: list[str] = []
    wrapped = [c for c in shown if c.kind in ("text", "wrap", "email")]
    for start in range(0, len(rows), CHUNK):
        chunk = rows.iloc[start:start + CHUNK]
        numbers = range(first_row + start, first_row + start + len(chunk))
        cells = [_column_cells(c, column_letters(i + 1), chunk, numbers, links[start:start + CHUNK], style,
                               date1904, hyperlinks, language) for i, c in enumerate(shown)]
        heights = _row_heights([chunk[c.field].tolist() for c in wrapped], wrapped)
        yield "".join(f'<row r="{r}" ht="{h}">' + "".join(row) + "</row>"
                      for r, h, row in zip(numbers, heights, zip(*cells))).encode()
    if rows.empty:
        nothing = "Nothing overdue or due today." if language == "en" else \
            Words(language)("Nothing is overdue or due today.")
        cell = text_cell("", f"A{first_row}", None, nothing)
        yield f'<row r="{first_row}">{cell}</row>'.encode()
    if more:
        yield f'<row r="{end_row}">{text_cell("", f"A{end_row}", style.title, more)}</row>'.encode()
    yield b"</sheetData>"
    if not rows.empty:
        yield _validations(shown, first_row, last_row, language).encode()
    if hyperlinks:
        yield ("<hyperlinks>" + "".join(hyperlinks) + "</hyperlinks>").encode()
    # Printed: landscape, one page wide and as many tall as it takes, the header row on every
    # page (the workbook's Print_Titles name), gridlines so each call reads as a row.
    yield (b'<printOptions gridLines="1"/>'
           b'<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.25" footer="0.3"/>'
           b'<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
           b'<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>'
           b'</worksheet>')


def _column_cells(c: columns.TodayColumn, letter: str, chunk: pd.DataFrame, numbers: range,
                  links: list[dict[str, tuple[str, str]]], style: TodayStyles, date1904: bool,
                  hyperlinks: list[str], language: str = "en") -> list[str]:
    """One column's cells for a chunk of rows; its hyperlinks are added to `hyperlinks`."""
    if c.kind in ("mark", "mark_date"):
        s = style.mark_date if c.kind == "mark_date" else style.mark
        kept = chunk[KEPT_MARKS[c.header]].tolist() if KEPT_MARKS.get(c.header) in chunk else [None] * len(chunk)
        return [_kept_mark(f"{letter}{r}", s, v, date1904) for r, v in zip(numbers, kept)]
    if c.kind == "row":
        out = []
        for r, sheet, row in zip(numbers, chunk["sheet"].tolist(), chunk["row"].tolist()):
            label = columns.row_label(sheet, row)
            out.append(text_cell("", f"{letter}{r}", style.link, label))
            hyperlinks.append(f'<hyperlink ref="{letter}{r}" location="{escape_attr(_quote_sheet(sheet))}'
                              f'!A{int(row)}" display="{escape_attr(label)}"/>')
        return out
    values = chunk[c.field].tolist()
    if c.kind in ("phone", "email"):
        out = []
        emails = chunk["email"].tolist() if "email" in chunk else [""] * len(values)
        for r, value, email, targets in zip(numbers, values, emails, links):
            ref = f"{letter}{r}"
            text = columns.plain_value(c, {c.field: value, "email": email}, language=language)
            if c.header in targets:
                out.append(text_cell("", ref, style.link, text))
                hyperlinks.append(f'<hyperlink ref="{ref}" r:id="{targets[c.header][0]}"/>')
            elif text:
                out.append(text_cell("", ref, style.wrap, text))
            else:
                out.append(f'<c r="{ref}" s="{style.wrap}"/>')
        return out
    if c.kind == "status":
        # the status's colour by its value, its word in the language: nothing reads this column
        # back (the tracker's own column keeps the English value, docs/rules.md §11)
        return [text_cell("", f"{letter}{r}", style.status.get(v, style.text), say("statuses", v, language))
                for r, v in zip(numbers, values)]
    if c.kind in ("number", "days"):
        return [f'<c r="{letter}{r}" s="{style.text}"><v>{int(v)}</v></c>' if _is_number(v)
                else f'<c r="{letter}{r}" s="{style.text}"/>' for r, v in zip(numbers, values)]
    if c.kind == "date":
        serials = date_serials(pd.Series(chunk[c.field].to_numpy(), dtype="datetime64[ns]"), date1904)
        return [number_cell("", f"{letter}{r}", style.date, v) if v is not None
                else f'<c r="{letter}{r}" s="{style.date}"/>'
                for r, v in zip(numbers, serials)]
    return [text_cell("", f"{letter}{r}", style.wrap_rtl if reads_right_to_left(v) else style.wrap,
                      v if isinstance(v, str) else str(v))   # wrapped: nothing cut off
            if v is not None and v == v and v != "" else f'<c r="{letter}{r}" s="{style.wrap}"/>'
            for r, v in zip(numbers, values)]


_RTL_LETTERS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def has_right_to_left(rows: pd.DataFrame) -> bool:
    """Whether any text cell of the Today sheet may read right to left (a quick look for Hebrew
    or Arabic letters; `reads_right_to_left` decides per cell)."""
    fields = [c.field for c in columns.sheet_columns() if c.field in rows and c.kind in ("text", "wrap")]
    return any(_RTL_LETTERS.search("\x00".join(map(str, rows[f].tolist()))) for f in fields)


def reads_right_to_left(value: object) -> bool:
    """Whether text starts, in its first letter with a direction, in a right-to-left script
    (Hebrew, Arabic...): Unicode's rule for a paragraph's direction (UAX #9, P2)."""
    if not isinstance(value, str):
        return False
    for ch in value:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


# a mark kept for the next refresh is typed back into its row: Today column -> today-table column
KEPT_MARKS = {"Done": "mark_done", "Outcome": "mark_outcome", "Date": "mark_date", "Name": "mark_name"}


def _kept_mark(ref: str, style: int, value, date1904: bool) -> str:
    """A mark cell: empty, or the value of a mark kept for the next refresh, as it was typed."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date) and dt.date(1900, 3, 1) <= value <= dt.date(9999, 12, 31):
        epoch = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
        return number_cell("", ref, style, (value - epoch).days)
    if _is_number(value):
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    if value is None or value != value or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    return text_cell("", ref, style, str(value))


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def _validations(shown, first_row: int, last_row: int, language: str = "en") -> str:
    """A drop-down for each mark column with choices, and for every mark column a note saying
    what to type, shown when one of its cells is selected."""
    out = []
    for i, c in enumerate(shown):
        if c.kind not in ("mark", "mark_date"):
            continue
        letter = column_letters(i + 1)
        sqref = f"{letter}{first_row}:{letter}{last_row}"
        header = say("today", c.header, language)
        common = (f' allowBlank="1" showInputMessage="1" promptTitle="{escape_attr(header[:32])}"'
                  f' prompt="{escape_attr(say("today", c.prompt, language)[:255])}"')
        if c.choices:
            listed = ",".join(say("outcomes", v, language) for v in c.choices).replace('"', '""')
            error = say("today", "Pick one of the choices in the list.", language)
            out.append(f'<dataValidation type="list"{common} showErrorMessage="1" errorTitle="{escape_attr(header)}"'
                       f' error="{escape_attr(error)}" sqref="{sqref}">'
                       f'<formula1>{escape_text(chr(34) + listed + chr(34))}</formula1></dataValidation>')
        else:
            out.append(f'<dataValidation{common} sqref="{sqref}"/>')
    return f'<dataValidations count="{len(out)}">' + "".join(out) + "</dataValidations>" if out else ""
