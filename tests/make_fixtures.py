"""Test fixtures: one workbook per tracker layout seen in the wild, each built from code.

Every builder writes `<name>/<name>.xlsx` (and a `followup.toml` beside it when the case is about
settings) and returns a `Case`: what a correct reader should find in that file. openpyxl builds
the workbooks; raw zip/XML edits add what openpyxl cannot express (shared strings, cached formula
results, pivot tables, an empty <fill/>). Run `python tests/make_fixtures.py OUTDIR` to look at them.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import openpyxl
from lxml import etree
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

TODAY = dt.date(2026, 11, 26)   # a Thursday
MAX_ROW = 1_048_576

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DATE_FIELDS = ("applied_on", "last_contact", "pinned")


def d(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


# --- what a fixture promises ---------------------------------------------------------------

@dataclass
class Case:
    """A built workbook and what a correct reader finds in it."""
    name: str
    about: str
    path: Path | None = None
    sheet: str | None = None                     # the tracker sheet picked without --sheet
    header_row: int | None = None                # 1-based
    columns: dict[str, tuple[str, int]] = field(default_factory=dict)   # field -> (header, column)
    apps: dict[str, int] = field(default_factory=dict)      # company -> sheet row; exactly the applications
    statuses: dict[str, str] = field(default_factory=dict)  # company -> Follow-up Status on TODAY
    dates: dict[tuple[int, str], dt.date | None] = field(default_factory=dict)  # (row, field) -> date, None = empty
    problems: dict[int, tuple[str, ...]] = field(default_factory=dict)          # row -> text its problem must hold
    refuse: str | None = None                    # error class name when the file must be refused
    refuse_words: tuple[str, ...] = ()           # what the refusal message must mention
    openpyxl_can_open: bool = True
    shared_strings: bool = True                  # rewrite inline strings as shared strings, as Excel saves
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class App:
    """One application row; `status` is what the rules give it on TODAY (None: not asserted)."""
    company: str
    position: str = ""
    applied_on: Any = None
    stage: str = ""
    last_contact: Any = None
    contact: str = ""
    notes: str = ""
    status: str | None = None
    status_no_contact: str | None = None   # the status when the sheet has no last-contact column
    extra: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        if name in self.extra:
            return self.extra[name]
        return getattr(self, name, None)


@dataclass(frozen=True)
class Fmt:
    """A cell value with its own number format."""
    value: Any
    number_format: str


@dataclass
class Layout:
    """Where write_tracker put things."""
    header_row: int
    columns: dict[str, tuple[str, int]]
    apps: dict[str, int]
    statuses: dict[str, str]
    dates: dict[tuple[int, str], dt.date | None]
    last_row: int
    last_col: int


# Expected statuses on Thursday 2026-11-26 with default settings:
#   applied 11-02, no contact -> due 11-09             -> Overdue
#   applied 11-23              -> due 11-30 (<= 11-30) -> Due soon
#   interview, last 11-24      -> due 11-26            -> Due today (from 11-16 -> 11-18: Overdue)
#   applied 11-25              -> due 12-02            -> Waiting
def standard_apps() -> list[App]:
    return [
        App("Acme Corp", "Data Analyst", d(2026, 11, 2), "Applied", None, "Jane Roe",
            "Found on LinkedIn", status="Overdue"),
        App("Globex", "Backend Engineer", d(2026, 11, 23), "Applied", status="Due soon"),
        App("Initech", "Business Analyst", d(2026, 10, 1), "Rejected", d(2026, 10, 20),
            status="Closed"),
        App("Umbrella", "Lab Scientist", d(2026, 11, 16), "Interview", d(2026, 11, 24), "Sam Lee",
            status="Due today", status_no_contact="Overdue"),
        App("Hooli", "Product Manager", None, "Wishlist", notes="Ask Tom for a referral",
            status="Not applied"),
        App("Soylent", "UX Designer", d(2026, 11, 25), "Applied", status="Waiting"),
    ]


STD_HEADERS = [("Company", "company"), ("Position", "position"), ("Date Applied", "applied_on"),
               ("Status", "stage"), ("Last Contact", "last_contact"), ("Contact", "contact"),
               ("Notes", "notes")]
STAGE_CHOICES = '"Wishlist,Applied,Interview,Offer,Rejected"'


def write_tracker(ws, headers: list[tuple[str, str | None]], apps: list[App], top: int = 1,
                  left: int = 1, date_format: str = "mm/dd/yyyy", gaps: dict[int, int] | None = None,
                  validation: bool = True, header_fill: str = "1F4E78") -> Layout:
    """Write a header row at (top, left) and one row per app; `gaps` = {app index: blank rows before it}."""
    gaps = gaps or {}
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=header_fill)
    columns: dict[str, tuple[str, int]] = {}
    for i, (text, fld) in enumerate(headers):
        col = left + i
        cell = ws.cell(top, col, text if text != "" else None)
        cell.font, cell.fill = bold, fill
        ws.column_dimensions[get_column_letter(col)].width = max(12, min(40, len(text.strip()) + 4))
        if fld:
            columns[fld] = (text, col)
    rows: dict[str, int] = {}
    statuses: dict[str, str] = {}
    dates: dict[tuple[int, str], dt.date | None] = {}
    has_last_contact = any(fld == "last_contact" for _, fld in headers)
    row = top
    for n, app in enumerate(apps):
        row += 1 + gaps.get(n, 0)
        rows[app.company] = row
        status = app.status if has_last_contact else (app.status_no_contact or app.status)
        if status:
            statuses[app.company] = status
        for i, (_text, fld) in enumerate(headers):
            if not fld:
                continue
            value = app.get(fld)
            cell = ws.cell(row, left + i)
            if isinstance(value, Fmt):
                cell.value, cell.number_format = value.value, value.number_format
            elif value not in (None, ""):
                cell.value = value
                if isinstance(value, (dt.date, dt.datetime)):
                    cell.number_format = date_format
            if fld in DATE_FIELDS:
                plain = value.value if isinstance(value, Fmt) else value
                if plain is None or plain == "":
                    dates[(row, fld)] = None
                elif isinstance(plain, (dt.date, dt.datetime)) and plain.year > 2000:
                    dates[(row, fld)] = plain.date() if isinstance(plain, dt.datetime) else plain
    if validation and "stage" in columns:
        letter = get_column_letter(columns["stage"][1])
        dv = DataValidation(type="list", formula1=STAGE_CHOICES, allow_blank=True)
        dv.add(f"{letter}{top + 1}:{letter}{top + 200}")
        ws.add_data_validation(dv)
    ws.freeze_panes = ws.cell(top + 1, left)
    return Layout(top, columns, rows, statuses, dates, row, left + len(headers) - 1)


def case_from(name: str, about: str, layout: Layout, sheet: str, **more: Any) -> Case:
    return Case(name=name, about=about, sheet=sheet, header_row=layout.header_row,
                columns=dict(layout.columns), apps=dict(layout.apps), statuses=dict(layout.statuses),
                dates=dict(layout.dates), **more)


def intro_text(ws, lines: list[str], bold_first: bool = True) -> None:
    for i, line in enumerate(lines, start=1):
        ws.cell(i, 1, line or None)
    if bold_first:
        ws.cell(1, 1).font = Font(bold=True, size=16)
    ws.column_dimensions["A"].width = 90


def write_toml(path: Path, text: str) -> None:
    (path.parent / "followup.toml").write_text(text.strip() + "\n", encoding="utf-8")


# --- raw package edits ---------------------------------------------------------------------

def edit_package(path: Path, edits: dict[str, Callable[[bytes], bytes]] | None = None,
                 add: dict[str, bytes] | None = None) -> None:
    """Rewrite the zip: members in `edits` are transformed, the rest copied as is, `add` appended."""
    edits, add = edits or {}, add or {}
    source = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in edits:
                data = edits[info.filename](data)
            zout.writestr(info, data)
        for name, data in add.items():
            zout.writestr(name, data)


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name -> zip member of its worksheet XML."""
    with zipfile.ZipFile(path) as z:
        book = etree.fromstring(z.read("xl/workbook.xml"))
        rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for s in book.iter(f"{{{NS}}}sheet"):
        target = targets[s.get(f"{{{REL_NS}}}id")]
        out[s.get("name")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    return out


def use_shared_strings(path: Path) -> None:
    """Store text the way Excel does (xl/sharedStrings.xml) instead of openpyxl's inline strings."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if "xl/sharedStrings.xml" in names:
            return
        sheets = {n: z.read(n) for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")}
    index: dict[str, int] = {}
    converted: dict[str, bytes] = {}
    for name, data in sheets.items():
        root = etree.fromstring(data)
        for c in root.iter(f"{{{NS}}}c"):
            if c.get("t") != "inlineStr":
                continue
            inline = c.find(f"{{{NS}}}is")
            text = "".join(inline.itertext())
            c.remove(inline)
            c.set("t", "s")
            etree.SubElement(c, f"{{{NS}}}v").text = str(index.setdefault(text, len(index)))
        converted[name] = _xml(root)
    if not index:
        return
    sst = etree.Element(f"{{{NS}}}sst", nsmap={None: NS})
    sst.set("count", str(len(index)))
    sst.set("uniqueCount", str(len(index)))
    for text in index:
        t = etree.SubElement(etree.SubElement(sst, f"{{{NS}}}si"), f"{{{NS}}}t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    def add_rel(data: bytes) -> bytes:
        root = etree.fromstring(data)
        rel = etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship")
        rel.set("Id", "rIdSharedStrings")
        rel.set("Type", f"{REL_NS}/sharedStrings")
        rel.set("Target", "sharedStrings.xml")
        return _xml(root)

    def add_type(data: bytes) -> bytes:
        root = etree.fromstring(data)
        over = etree.SubElement(root, f"{{{CT_NS}}}Override")
        over.set("PartName", "/xl/sharedStrings.xml")
        over.set("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")
        return _xml(root)

    edits: dict[str, Callable[[bytes], bytes]] = {n: (lambda _old, new=v: new) for n, v in converted.items()}
    edits["xl/_rels/workbook.xml.rels"] = add_rel
    edits["[Content_Types].xml"] = add_type
    edit_package(path, edits, add={"xl/sharedStrings.xml": _xml(sst)})


def set_cached_values(path: Path, sheet: str, values: dict[str, Any]) -> None:
    """Give formula cells the cached results Excel would have saved (openpyxl saves none)."""
    part = sheet_parts(path)[sheet]

    def edit(data: bytes) -> bytes:
        root = etree.fromstring(data)
        for c in root.iter(f"{{{NS}}}c"):
            ref = c.get("r")
            if ref not in values or c.find(f"{{{NS}}}f") is None:
                continue
            value = values[ref]
            v = c.find(f"{{{NS}}}v")
            if v is None:
                v = etree.SubElement(c, f"{{{NS}}}v")
            if isinstance(value, bool):
                c.set("t", "b")
                v.text = "1" if value else "0"
            elif isinstance(value, str):
                c.set("t", "str")
                v.text = value
            else:
                c.attrib.pop("t", None)
                v.text = repr(value)
        return _xml(root)

    edit_package(path, {part: edit})


def add_status_pivot(path: Path, on_sheet: str, source_sheet: str, source_ref: str,
                     fields: list[str], axis: str, items: list[str], location: str) -> None:
    """Add a pivot table counting the rows per value of `axis` to `on_sheet` (cache saved without records)."""
    part = sheet_parts(path)[on_sheet]
    k = fields.index(axis)
    cache_fields = "".join(
        f'<cacheField name={quoteattr(f)} numFmtId="0">'
        + (f'<sharedItems count="{len(items)}">' + "".join(f"<s v={quoteattr(i)}/>" for i in items)
           + "</sharedItems>" if f == axis else "<sharedItems/>")
        + "</cacheField>" for f in fields)
    cache = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<pivotCacheDefinition xmlns="{NS}" xmlns:r="{REL_NS}" saveData="0" refreshOnLoad="1" '
        f'createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="0">'
        f'<cacheSource type="worksheet"><worksheetSource ref="{source_ref}" sheet={quoteattr(source_sheet)}/>'
        f'</cacheSource><cacheFields count="{len(fields)}">{cache_fields}</cacheFields></pivotCacheDefinition>'
    ).encode()
    pivot_fields = "".join(
        (f'<pivotField axis="axisRow" dataField="1" showAll="0"><items count="{len(items) + 1}">'
         + "".join(f'<item x="{n}"/>' for n in range(len(items))) + '<item t="default"/></items></pivotField>')
        if f == axis else '<pivotField showAll="0"/>' for f in fields)
    row_items = "<i><x/></i>" + "".join(f'<i><x v="{n}"/></i>' for n in range(1, len(items))) \
        + '<i t="grand"><x/></i>'
    table = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<pivotTableDefinition xmlns="{NS}" name="StatusCount" cacheId="1" dataCaption="Values" '
        f'applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" '
        f'applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" '
        f'minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" '
        f'indent="0" outline="1" outlineData="1">'
        f'<location ref="{location}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>'
        f'<pivotFields count="{len(fields)}">{pivot_fields}</pivotFields>'
        f'<rowFields count="1"><field x="{k}"/></rowFields>'
        f'<rowItems count="{len(items) + 1}">{row_items}</rowItems>'
        f'<colItems count="1"><i/></colItems>'
        f'<dataFields count="1"><dataField name={quoteattr("Count of " + axis)} fld="{k}" subtotal="count" '
        f'baseField="0" baseItem="0"/></dataFields>'
        f'<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" '
        f'showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>'
    ).encode()
    table_rels = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/pivotCacheDefinition" '
        f'Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>').encode()

    def workbook(data: bytes) -> bytes:
        root = etree.fromstring(data)
        caches = etree.Element(f"{{{NS}}}pivotCaches")
        cache_el = etree.SubElement(caches, f"{{{NS}}}pivotCache")
        cache_el.set("cacheId", "1")
        cache_el.set(f"{{{REL_NS}}}id", "rIdPivotCache1")
        calc = root.find(f"{{{NS}}}calcPr")
        calc.addnext(caches)
        return _xml(root)

    def add_rel(rel_id: str, kind: str, target: str) -> Callable[[bytes], bytes]:
        def edit(data: bytes) -> bytes:
            root = etree.fromstring(data)
            rel = etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship")
            rel.set("Id", rel_id)
            rel.set("Type", f"{REL_NS}/{kind}")
            rel.set("Target", target)
            return _xml(root)
        return edit

    def content_types(data: bytes) -> bytes:
        root = etree.fromstring(data)
        for name, kind in (("/xl/pivotCache/pivotCacheDefinition1.xml", "pivotCacheDefinition"),
                           ("/xl/pivotTables/pivotTable1.xml", "pivotTable")):
            over = etree.SubElement(root, f"{{{CT_NS}}}Override")
            over.set("PartName", name)
            over.set("ContentType", f"application/vnd.openxmlformats-officedocument.spreadsheetml.{kind}+xml")
        return _xml(root)

    sheet_rels = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
    with zipfile.ZipFile(path) as z:
        has_rels = sheet_rels in z.namelist()
    edits = {
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": add_rel("rIdPivotCache1", "pivotCacheDefinition",
                                              "pivotCache/pivotCacheDefinition1.xml"),
        "[Content_Types].xml": content_types,
    }
    add = {
        "xl/pivotCache/pivotCacheDefinition1.xml": cache,
        "xl/pivotTables/pivotTable1.xml": table,
        "xl/pivotTables/_rels/pivotTable1.xml.rels": table_rels,
    }
    pivot_rel = add_rel("rIdPivotTable1", "pivotTable", "../pivotTables/pivotTable1.xml")
    if has_rels:
        edits[sheet_rels] = pivot_rel
    else:
        add[sheet_rels] = pivot_rel(f'<Relationships xmlns="{PKG_REL_NS}"/>'.encode())
    edit_package(path, edits, add)


def add_empty_fill(path: Path) -> None:
    """An empty <fill/> in the styles part: valid for Excel, a TypeError for openpyxl."""
    def edit(data: bytes) -> bytes:
        root = etree.fromstring(data)
        fills = root.find(f"{{{NS}}}fills")
        etree.SubElement(fills, f"{{{NS}}}fill")
        fills.set("count", str(len(fills)))
        return _xml(root)
    edit_package(path, {"xl/styles.xml": edit})


# --- the cases -----------------------------------------------------------------------------

BUILDERS: dict[str, Callable[[Path], Case]] = {}
REFUSALS: set[str] = set()          # the names of the cases that must be refused


def case(func: Callable[[Path], Case]) -> Callable[[Path], Case]:
    BUILDERS[func.__name__] = func
    return func


def refusal(func: Callable[[Path], Case]) -> Callable[[Path], Case]:
    REFUSALS.add(func.__name__)
    return case(func)


# Which sheet

@case
def intro_sheet_active(path: Path) -> Case:
    wb = openpyxl.Workbook()
    intro = wb.active
    intro.title = "Read me"
    intro_text(intro, [
        "How to use this job tracker", "",
        "1. Add one row per application on the Applications sheet: Company, Position, Date Applied.",
        "2. Pick a Status from the drop-down: Applied, Interview, Offer, Rejected.",
        "3. Update Last Contact whenever you hear back, and write the Contact's name.",
        "", "Status", "Applied", "Interview", "Rejected", "", "Good luck!"])
    ws = wb.create_sheet("Applications")
    layout = write_tracker(ws, STD_HEADERS, standard_apps())
    wb.active = 0
    wb.save(path)
    return case_from("intro_sheet_active", "an intro page is the active sheet", layout, "Applications")


@case
def empty_sheet2_active(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    layout = write_tracker(ws, STD_HEADERS, standard_apps())
    wb.create_sheet("Sheet2")
    wb.create_sheet("Sheet3")
    wb.active = 1
    wb.save(path)
    return case_from("empty_sheet2_active", "an empty Sheet2 is the active sheet", layout, "Applications")


@case
def lists_sheet_active(path: Path) -> Case:
    wb = openpyxl.Workbook()
    lists = wb.active
    lists.title = "Lists"
    for col, (head, values) in enumerate([
            ("Status", ["Wishlist", "Applied", "Interview", "Offer", "Rejected", "Ghosted"]),
            ("Source", ["LinkedIn", "Indeed", "Referral", "Company site", "Recruiter"]),
            ("Yes/No", ["Yes", "No"])], start=1):
        lists.cell(1, col, head).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            lists.cell(row, col, value)
    ws = wb.create_sheet("Job Log")
    layout = write_tracker(ws, STD_HEADERS, standard_apps(), validation=False)
    dv = DataValidation(type="list", formula1="Lists!$A$2:$A$7", allow_blank=True)
    dv.add("D2:D300")
    ws.add_data_validation(dv)
    wb.active = 0
    wb.save(path)
    return case_from("lists_sheet_active", "a drop-down lists sheet is the active sheet", layout, "Job Log")


@case
def raw_and_clean(path: Path) -> Case:
    wb = openpyxl.Workbook()
    raw = wb.active
    raw.title = "Raw export"
    raw_layout = write_tracker(
        raw, [("Company", "company"), ("Job Title", "position"), ("Date Applied", "applied_on"),
              ("Link", "link")],
        [App(a.company, a.position, a.applied_on.isoformat() if a.applied_on else None,
             extra={"link": f"https://jobs.example.com/{n}"})
         for n, a in enumerate(standard_apps()) if a.applied_on],
        validation=False, header_fill="808080")
    clean = wb.create_sheet("Cleaned")
    layout = write_tracker(clean, STD_HEADERS, standard_apps())
    wb.active = 0
    wb.save(path)
    return case_from("raw_and_clean", "a raw export (active) and a cleaned copy with more columns",
                     layout, "Cleaned", extra={"Raw export": raw_layout})


INTERNSHIPS = [
    App("Wayne Enterprises", "Summer Intern", d(2026, 11, 2), "Applied", status="Overdue"),
    App("Stark Industries", "Research Intern", d(2026, 11, 23), "Applied", status="Due soon"),
    App("Cyberdyne", "Robotics Intern", d(2026, 10, 5), "Declined", status="Closed"),
]


@case
def two_trackers(path: Path) -> Case:
    wb = openpyxl.Workbook()
    full = wb.active
    full.title = "Full-time"
    layout = write_tracker(full, STD_HEADERS, standard_apps())
    intern = wb.create_sheet("Internships")
    intern_layout = write_tracker(
        intern, [("Date Applied", "applied_on"), ("Status", "stage"), ("Role", "position"),
                 ("Company", "company"), ("Notes", "notes")], INTERNSHIPS)
    wb.save(path)
    return case_from("two_trackers", "'Full-time' and 'Internships' trackers, different column orders",
                     layout, "Full-time", extra={"Internships": intern_layout})


@case
def summary_pivot_chart(path: Path) -> Case:
    wb = openpyxl.Workbook()
    summary = wb.active
    summary.title = "Summary"
    summary["A1"] = "Applications by status"
    summary["A1"].font = Font(bold=True, size=14)
    counts = [("Applied", 3), ("Interview", 1), ("Rejected", 1), ("Wishlist", 1)]
    summary["A3"], summary["B3"] = "Row Labels", "Count of Status"
    for row, (label, count) in enumerate(counts, start=4):
        summary.cell(row, 1, label)
        summary.cell(row, 2, count)
    summary.cell(4 + len(counts), 1, "Grand Total")
    summary.cell(4 + len(counts), 2, sum(c for _, c in counts))
    chart = BarChart()
    chart.title = "Applications by status"
    chart.add_data(Reference(summary, min_col=2, min_row=3, max_row=3 + len(counts)), titles_from_data=True)
    chart.set_categories(Reference(summary, min_col=1, min_row=4, max_row=3 + len(counts)))
    summary.add_chart(chart, "D3")
    ws = wb.create_sheet("Applications")
    layout = write_tracker(ws, STD_HEADERS, standard_apps())
    wb.active = 0
    wb.save(path)
    add_status_pivot(path, "Summary", "Applications", f"A1:G{layout.last_row}",
                     [h for h, _ in STD_HEADERS], "Status", [label for label, _ in counts],
                     f"A3:B{4 + len(counts)}")
    return case_from("summary_pivot_chart", "an active summary sheet with a pivot table and a chart",
                     layout, "Applications")


@case
def emoji_sheet_names(path: Path) -> Case:
    wb = openpyxl.Workbook()
    home = wb.active
    home.title = "🏠 Start"
    intro_text(home, ["Job hunt 2026 🚀", "", "Applications are on the 📋 sheet."])
    ws = wb.create_sheet("📋 Applications ✅")
    layout = write_tracker(ws, STD_HEADERS, standard_apps())
    wb.create_sheet("📊 Stats")["A1"] = "Nothing here yet"
    wb.active = 0
    wb.save(path)
    return case_from("emoji_sheet_names", "emoji in the sheet names", layout, "📋 Applications ✅")


# Where the header is

@case
def merged_title_banners(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws["A1"] = "My Job Search 2026"
    ws["A1"].font = Font(bold=True, size=18)
    ws.merge_cells("A1:G1")
    ws["A2"] = "Tip: choose a Status from the drop-down, and type dates as mm/dd/yyyy."
    ws["A2"].font = Font(italic=True)
    ws.merge_cells("A2:G2")
    for ref, text in (("A4:C4", "THE JOB"), ("D4:E4", "PROGRESS"), ("F4:G4", "PEOPLE & NOTES")):
        first = ref.split(":")[0]
        ws[first] = text
        ws[first].alignment = Alignment(horizontal="center")
        ws[first].fill = PatternFill("solid", fgColor="DDEBF7")
        ws.merge_cells(ref)
    layout = write_tracker(ws, STD_HEADERS, standard_apps(), top=5)
    wb.save(path)
    return case_from("merged_title_banners", "merged title, tip line, blank row, group banners above the header",
                     layout, "Tracker")


@case
def header_deep(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Job Tracker"
    lines = ["JOB APPLICATION TRACKER", "Instructions"]
    lines += [f"Step {n}: " + text for n, text in enumerate([
        "Save this template to your own drive.", "Fill in one row for every job you apply to.",
        "Use the Status drop-down to keep track of where each application stands.",
        "Write the date you applied in the Date Applied column.",
        "When someone replies, put the date in Last Contact.",
        "Keep notes short; use the Notes column for names and links.",
        "Sort by Date Applied to see the oldest first.",
        "Colour rows green when you get an interview.",
        "Do not delete the header row.", "Review the sheet every Monday."], start=1)]
    lines += ["", "Tips"] + [f"- tip {n}: follow up politely after a week" for n in range(1, 12)]
    for i, text in enumerate(lines[:25], start=1):
        ws.cell(i, 1, text)
    ws.merge_cells("A1:G1")
    layout = write_tracker(ws, STD_HEADERS, standard_apps(), top=27)
    wb.save(path)
    return case_from("header_deep", "the header is on row 27 under a page of instructions",
                     layout, "Job Tracker", shared_strings=False)


@case
def header_whitespace_case(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    headers = [(" Company" + " " * 28, "company"), ("\u00a0Position\u00a0", "position"),
               ("DATE APPLIED", "applied_on"), ("  status  ", "stage"), ("last contact", "last_contact"),
               ("Contact\u00a0Name", "contact"), ("NOTES ", "notes")]
    layout = write_tracker(ws, headers, standard_apps())
    wb.save(path)
    return case_from("header_whitespace_case", "headers with 28 trailing spaces, non-breaking spaces, odd case",
                     layout, "Applications")


@case
def header_typos(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    headers = [("Comapny", "company"), ("Position", "position"), ("Date Appled", "applied_on"),
               ("Staus", "stage"), ("Last Contact", "last_contact"), ("Contact", "contact")]
    layout = write_tracker(ws, headers, standard_apps())
    wb.save(path)
    return case_from("header_typos", "common typos in some headers: Comapny, Date Appled, Staus",
                     layout, "Applications")


@case
def header_duplicates_hidden(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = standard_apps()
    for n, app in enumerate(apps):
        app.extra["location"] = ["Remote", "Berlin", "Austin", "Remote", "London", "Paris"][n]
        app.extra["location2"] = ["US", "DE", "US", "US", "UK", "FR"][n]
    headers = [("Company", "company"), ("Position", "position"), ("LOCATION", "location"),
               ("Date Applied", "applied_on"), ("", None), ("Status", "stage"),
               ("LOCATION", "location2"), ("Notes", "notes")]
    layout = write_tracker(ws, headers, apps)
    ws.column_dimensions["E"].hidden = True
    wb.save(path)
    columns = {k: v for k, v in layout.columns.items() if k not in ("location", "location2")}
    return Case("header_duplicates_hidden", "two LOCATION columns and an empty hidden column inside the header",
                sheet="Applications", header_row=1, columns=columns, apps=layout.apps,
                statuses=layout.statuses, dates=layout.dates)


@case
def excel_table(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    ws["B1"] = "Applications 2026"
    ws["B1"].font = Font(bold=True, size=14)
    layout = write_tracker(ws, STD_HEADERS, standard_apps(), top=3, left=2)
    ref = f"B3:{get_column_letter(layout.last_col)}{layout.last_row}"
    table = Table(displayName="Applications", ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    wb.save(path)
    return case_from("excel_table", "an Excel table (B3) holds the tracker", layout, "Applications",
                     extra={"table_ref": ref})


# Which columns mean what

SPELLINGS = {
    "spellings_employer": [("Employer", "company"), ("Job Title", "position"), ("Application Date", "applied_on"),
                           ("Outcome", "stage"), ("Last Contacted", "last_contact"), ("Recruiter", "contact")],
    "spellings_organisation": [("Organisation", "company"), ("Role", "position"),
                               ("Date Submitted", "applied_on"), ("Stage", "stage"),
                               ("Last Touch", "last_contact"), ("HR Contact", "contact")],
    "spellings_applied_company": [("Applied Company", "company"), ("Job Role", "position"),
                                  ("Resume Sent", "applied_on"), ("Result", "stage"),
                                  ("Last Email Date", "last_contact"), ("Sent To", "contact")],
    "spellings_company_name": [("Company Name", "company"), ("Title", "position"), ("Applied On", "applied_on"),
                               ("Application Status", "stage"), ("Last Follow-up", "last_contact"),
                               ("Contact Name", "contact"), ("Comments", "notes")],
}


def _spelling_builder(name: str, headers: list[tuple[str, str]]) -> Callable[[Path], Case]:
    def build(path: Path) -> Case:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Jobs"
        layout = write_tracker(ws, headers, standard_apps())
        wb.save(path)
        return case_from(name, "headers: " + ", ".join(h for h, _ in headers), layout, "Jobs",
                         shared_strings=name != "spellings_employer")
    build.__name__ = name
    return build


for _name, _headers in SPELLINGS.items():
    case(_spelling_builder(_name, _headers))


@case
def generic_date(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    layout = write_tracker(ws, [("Company", "company"), ("Position", "position"), ("Date", "applied_on"),
                                ("Status", "stage"), ("Notes", "notes")], standard_apps())
    wb.save(path)
    return case_from("generic_date", "a generic 'Date' column is the date applied", layout, "Applications")


@case
def applied_yes_no(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = [
        App("Acme Corp", "Data Analyst", d(2026, 11, 2), status="Overdue", extra={"applied_flag": "yes"}),
        App("Globex", "Backend Engineer", d(2026, 11, 23), status="Due soon", extra={"applied_flag": "Yes"}),
        App("Hooli", "Product Manager", d(2026, 11, 20), status="Not applied", extra={"applied_flag": "not yet"}),
        App("Soylent", "UX Designer", d(2026, 11, 25), status="Waiting", extra={"applied_flag": "yes"}),
        App("Initech", "Business Analyst", d(2026, 10, 1), "Rejected", status="Closed",
            extra={"applied_flag": "yes"}),
    ]
    layout = write_tracker(ws, [("Company", "company"), ("Position", "position"), ("Applied", "applied_flag"),
                                ("Date", "applied_on"), ("Status", "stage")], apps)
    wb.save(path)
    columns = {k: v for k, v in layout.columns.items() if k != "applied_flag"}
    return Case("applied_yes_no", "'Applied' holds yes / not yet; the dates are under 'Date'",
                sheet="Applications", header_row=1, columns=columns, apps=layout.apps,
                statuses=layout.statuses, dates=layout.dates, extra={"applied_column": 3})


@case
def response_holds_status(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = [
        App("Acme Corp", "Data Analyst", d(2026, 11, 2), status="Overdue", extra={"response": "No response"}),
        App("Initech", "Business Analyst", d(2026, 10, 1), status="Closed", extra={"response": "Rejected"}),
        App("Umbrella", "Lab Scientist", d(2026, 11, 24), contact="Sam Lee", status="Due today",
            extra={"response": "Interview scheduled"}),
        App("Globex", "Backend Engineer", d(2026, 11, 23), status="Due soon"),
        App("Soylent", "UX Designer", d(2026, 11, 25), status="Waiting",
            extra={"response": "Auto-reply received"}),
    ]
    layout = write_tracker(ws, [("Company", "company"), ("Role", "position"), ("Date Applied", "applied_on"),
                                ("Response", "response"), ("Contact", "contact")], apps, validation=False)
    wb.save(path)
    columns = {k: v for k, v in layout.columns.items() if k != "response"}
    return Case("response_holds_status", "no Status column; 'Response' holds the status",
                sheet="Applications", header_row=1, columns=columns, apps=layout.apps,
                statuses=layout.statuses, dates=layout.dates, extra={"response_column": 4})


def _pinned_apps() -> list[App]:
    # applied 11-02, pinned 11-27 -> Due soon (Overdue without the pin)
    # applied 11-23, pinned 12-10 -> Waiting (Due soon without it)
    # applied 11-16, pinned 2000-01-01 (stale) -> due 11-23 -> Overdue
    # applied 11-20 (Fri), no pin -> due 11-27 -> Due soon
    # applied 11-24, pinned 11-26 -> Due today
    return [
        App("Acme Corp", "Data Analyst", d(2026, 11, 2), "Applied", status="Due soon",
            extra={"pinned": d(2026, 11, 27)}),
        App("Globex", "Backend Engineer", d(2026, 11, 23), "Applied", status="Waiting",
            extra={"pinned": d(2026, 12, 10)}),
        App("Initech", "Business Analyst", d(2026, 11, 16), "Applied", status="Overdue",
            extra={"pinned": d(2000, 1, 1)}),
        App("Umbrella", "Lab Scientist", d(2026, 11, 20), "Applied", status="Due soon"),
        App("Soylent", "UX Designer", d(2026, 11, 24), "Applied", status="Due today",
            extra={"pinned": d(2026, 11, 26)}),
    ]


def _pinned_builder(name: str, header: str) -> Callable[[Path], Case]:
    def build(path: Path) -> Case:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Applications"
        layout = write_tracker(ws, [("Company", "company"), ("Position", "position"),
                                    ("Date Applied", "applied_on"), ("Status", "stage"),
                                    (header, "pinned"), ("Notes", "notes")], _pinned_apps())
        wb.save(path)
        return case_from(name, f"the tracker's own '{header}' column is the pinned date", layout,
                         "Applications", extra={"next": {"Acme Corp": d(2026, 11, 27),
                                                         "Globex": d(2026, 12, 10),
                                                         "Soylent": d(2026, 11, 26)}})
    build.__name__ = name
    return build


case(_pinned_builder("own_followup_date", "Follow-up Date"))
case(_pinned_builder("own_followupdue", "FollowUpDue"))


LANGUAGES = {
    "headers_chinese": ("求职记录", [("公司", "company"), ("职位", "position"), ("投递日期", "applied_on"),
                                 ("状态", "stage"), ("联系人", "contact"), ("备注", "notes")], "yyyy/m/d"),
    "headers_spanish": ("Solicitudes", [("Empresa", "company"), ("Puesto", "position"),
                                        ("Fecha de solicitud", "applied_on"), ("Estado", "stage"),
                                        ("Contacto", "contact"), ("Notas", "notes")], "dd/mm/yyyy"),
    "headers_french": ("Candidatures", [("Entreprise", "company"), ("Poste", "position"),
                                        ("Date de candidature", "applied_on"), ("Statut", "stage"),
                                        ("Dernier contact", "last_contact"), ("Remarques", "notes")], "dd/mm/yyyy"),
    "headers_german": ("Bewerbungen", [("Unternehmen", "company"), ("Stelle", "position"),
                                       ("Bewerbungsdatum", "applied_on"), ("Status", "stage"),
                                       ("Letzter Kontakt", "last_contact"), ("Ansprechpartner", "contact")],
                       "dd.mm.yyyy"),
}


def _language_builder(name: str, sheet: str, headers: list[tuple[str, str]], fmt: str) -> Callable[[Path], Case]:
    def build(path: Path) -> Case:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = sheet
        layout = write_tracker(ws, headers, standard_apps(), date_format=fmt, validation=False)
        wb.save(path)
        return case_from(name, "headers in another language: " + ", ".join(h for h, _ in headers), layout, sheet)
    build.__name__ = name
    return build


for _name, (_sheet, _headers, _fmt) in LANGUAGES.items():
    case(_language_builder(_name, _sheet, _headers, _fmt))


@case
def settings_columns(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Log"
    headers = [("Who", "company"), ("Gig", "position"), ("When I sent it", "applied_on"),
               ("Where it's at", "stage"), ("Poked them", "last_contact")]
    layout = write_tracker(ws, headers, standard_apps())
    wb.save(path)
    write_toml(path, """
[columns]
"Who" = "company"
"Gig" = "position"
"When I sent it" = "applied_on"
"Where it's at" = "stage"
"Poked them" = "last_contact"
""")
    return case_from("settings_columns", "[columns] in followup.toml maps headers no alias knows", layout, "Log")


# Where the data ends

@case
def blank_rows_inside(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    layout = write_tracker(ws, STD_HEADERS, standard_apps(), gaps={2: 1, 4: 2})
    wb.save(path)
    return case_from("blank_rows_inside", "blank rows (one, then two) inside the data", layout, "Applications")


@case
def formula_rows(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = standard_apps()
    for n, app in enumerate(apps):
        app.extra["referral"] = n % 2 == 0
    headers = [("#", None)] + STD_HEADERS[:5] + [("Days since applied", None), ("Referral?", "referral")]
    layout = write_tracker(ws, headers, apps)
    last = 60
    cached: dict[str, Any] = {}
    for row in range(2, last + 1):
        ws.cell(row, 1, "=ROW()-1")
        cached[f"A{row}"] = row - 1
        ws.cell(row, 7, f'=IF(D{row}="","",TODAY()-D{row})')
        applied = next((a.applied_on for a in apps if layout.apps[a.company] == row), None)
        cached[f"G{row}"] = (TODAY - applied).days if applied else ""
        if row > layout.last_row:
            ws.cell(row, 8, False)                      # an unticked checkbox
            if row <= layout.last_row + 15:
                ws.cell(row, 5, "N/A")                  # the drop-down's default
    wb.save(path)
    set_cached_values(path, "Applications", cached)
    columns = {k: v for k, v in layout.columns.items() if k != "referral"}
    return Case("formula_rows", "rows below the data hold only formulas, 'N/A' defaults and FALSE checkboxes",
                sheet="Applications", header_row=1, columns=columns, apps=layout.apps,
                statuses=layout.statuses, dates=layout.dates)


@case
def legend_below(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    layout = write_tracker(ws, STD_HEADERS[:6], standard_apps())
    r = layout.last_row + 3
    ws.cell(r, 1, "Legend:").font = Font(bold=True)
    for i, (colour, fill, word) in enumerate([("Blue", "BDD7EE", "Applied"), ("Green", "C6EFCE", "Interview"),
                                              ("Grey", "D9D9D9", "Rejected"), ("Gold", "FFD966", "Offer")],
                                             start=1):
        ws.cell(r + i, 1, colour).fill = PatternFill("solid", fgColor=fill)
        ws.cell(r + i, 4, word)
    total = r + 7
    ws.cell(total, 1, "Total applications").font = Font(bold=True)
    ws.cell(total, 3, f"=COUNTA(A2:A{layout.last_row})")
    notes = total + 3
    ws.cell(notes, 1, "Notes").font = Font(bold=True)
    ws.cell(notes + 1, 1, "Ask Jane about a referral at Globex")
    ws.cell(notes + 2, 1, "Update the CV before December")
    wb.save(path)
    set_cached_values(path, "Applications", {f"C{total}": len(layout.apps)})
    return case_from("legend_below", "a colour legend, a totals row and notes below the table after a gap",
                     layout, "Applications")


@case
def summary_right(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    layout = write_tracker(ws, STD_HEADERS, standard_apps())
    spacer = layout.last_col + 1
    ws.column_dimensions[get_column_letter(spacer)].hidden = True
    ws.column_dimensions[get_column_letter(spacer)].width = 2
    a, b = get_column_letter(spacer + 1), get_column_letter(spacer + 2)
    ws[f"{a}1"] = "Summary"
    ws[f"{a}1"].font = Font(bold=True)
    ws.merge_cells(f"{a}1:{b}1")
    cached = {}
    for row, word in enumerate(["Applied", "Interview", "Rejected", "Wishlist"], start=2):
        ws[f"{a}{row}"] = word
        ws[f"{b}{row}"] = f'=COUNTIF(D:D,"{word}")'
        cached[f"{b}{row}"] = sum(1 for app in standard_apps() if app.stage == word)
    ws[f"{a}7"] = "Keep going!"
    ws.merge_cells(f"{a}7:{b}8")
    wb.save(path)
    set_cached_values(path, "Applications", cached)
    return case_from("summary_right", "a merged summary block right of the table, behind a hidden spacer column",
                     layout, "Applications")


@case
def formatting_to_max_row(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    layout = write_tracker(ws, STD_HEADERS, standard_apps(), validation=False)
    last = get_column_letter(layout.last_col)
    dv = DataValidation(type="list", formula1=STAGE_CHOICES, allow_blank=True)
    dv.add(f"D2:D{MAX_ROW}")
    ws.add_data_validation(dv)
    ws.conditional_formatting.add(f"A2:{last}{MAX_ROW}", FormulaRule(
        formula=['$D2="Rejected"'], fill=PatternFill("solid", fgColor="D9D9D9")))
    ws.cell(MAX_ROW, layout.last_col).fill = PatternFill("solid", fgColor="FFF2CC")
    ws.cell(MAX_ROW, 3).number_format = "mm/dd/yyyy"
    wb.save(path)
    return case_from("formatting_to_max_row", "validation, conditional formats and a styled cell down to row 1,048,576",
                     layout, "Applications")


@case
def filter_hidden_rows(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    layout = write_tracker(ws, STD_HEADERS, standard_apps())
    ws.auto_filter.ref = f"A1:G{layout.last_row}"
    ws.auto_filter.add_filter_column(3, ["Applied", "Interview"])
    hidden = [layout.apps["Initech"], layout.apps["Hooli"]]
    for row in hidden:
        ws.row_dimensions[row].hidden = True
    wb.save(path)
    return case_from("filter_hidden_rows", "an autofilter hides two applications", layout, "Applications",
                     extra={"hidden_rows": hidden})


# Dates

@case
def date_formats(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = [
        App("Acme Corp", "Data Analyst", Fmt(d(2026, 11, 2), "mm/dd/yyyy"), "Applied", status="Overdue"),
        App("Globex", "Backend Engineer", Fmt(d(2026, 11, 23), "dd/mmm/yy"), "Applied", status="Due soon"),
        App("Initech", "Business Analyst", Fmt(d(2026, 10, 1), "d-mmm"), "Rejected", status="Closed"),
        App("Umbrella", "Lab Scientist", Fmt(d(2026, 11, 16), "mmmm d"), "Interview",
            Fmt(dt.datetime(2026, 11, 24, 16, 45), "yyyy-mm-dd hh:mm:ss"), status="Due today"),
        App("Soylent", "UX Designer", Fmt(d(2026, 11, 25), "[$-409]mmmm d, yyyy;@"), "Applied", status="Waiting"),
        # applied in March: older than cold_after_days (60)
        App("Hooli", "Product Manager", Fmt(d(2026, 3, 15), "yyyy"), "Applied", status="Gone cold"),
        App("Vandelay", "Importer", Fmt(dt.datetime(2026, 11, 20, 9, 30), "m/d/yyyy h:mm AM/PM"), "Applied",
            status="Due soon"),
    ]
    layout = write_tracker(ws, STD_HEADERS[:5], apps)
    wb.save(path)
    return case_from("date_formats", "real dates in many number formats, datetimes with a time of day",
                     layout, "Applications")


_TEXT_CASE_LAST_CONTACT = d(2026, 11, 24)
_EXCEL_EPOCH = d(1899, 12, 30)


def _text_date_case(name: str, about: str, applied: list[str], expected: list[dt.date],
                    last_contact: Any = _TEXT_CASE_LAST_CONTACT, toml: str = "",
                    statuses: dict[str, str] | None = None) -> Callable[[Path], Case]:
    """Standard rows (minus Hooli, plus more 'Applied' rows when `applied` is longer), dates typed as text."""
    def build(path: Path) -> Case:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Applications"
        apps = [a for a in standard_apps() if a.company != "Hooli"]
        apps += [App(name, "Analyst", stage="Applied") for name in ("Vandelay", "Wonka", "Stark")]
        apps = apps[:len(applied)]
        for app, text in zip(apps, applied):
            app.applied_on = text
            app.status = (statuses or {}).get(app.company, app.status)
            if app.company == "Umbrella":
                app.last_contact = last_contact
        layout = write_tracker(ws, STD_HEADERS[:5], apps)
        wb.save(path)
        if toml:
            write_toml(path, toml)
        c = case_from(name, about, layout, "Applications")
        for app, when in zip(apps, expected):
            c.dates[(layout.apps[app.company], "applied_on")] = when
        if isinstance(last_contact, str):
            c.dates[(layout.apps["Umbrella"], "last_contact")] = d(2026, 11, 24)
        return c
    build.__name__ = name
    return build


# order of the standard rows without Hooli: Acme, Globex, Initech, Umbrella, Soylent
case(_text_date_case(
    "text_dates", "dates typed as text: 2026-06-01, 2024.1.30, 4 Mar 2026, March 4, 2026, 16 Nov 2026 ...",
    ["2026-11-02", "2026.11.23", "2024.1.30", "16 Nov 2026", "November 25, 2026",
     "2026-06-01", "4 Mar 2026", "March 4, 2026"],
    [d(2026, 11, 2), d(2026, 11, 23), d(2024, 1, 30), d(2026, 11, 16), d(2026, 11, 25),
     d(2026, 6, 1), d(2026, 3, 4), d(2026, 3, 4)],
    last_contact="Nov 24, 2026", statuses={"Vandelay": "Gone cold", "Wonka": "Gone cold", "Stark": "Gone cold"}))
case(_text_date_case(
    "text_dates_mdy", "text dates m/d/yyyy; 11/23/2026 proves month-first, so 3/4/2026 is March 4",
    ["11/2/2026", "11/23/2026", "3/4/2026", "11/16/2026", "11/25/2026"],
    [d(2026, 11, 2), d(2026, 11, 23), d(2026, 3, 4), d(2026, 11, 16), d(2026, 11, 25)]))
case(_text_date_case(
    "text_dates_dmy", "text dates dd-mm-yy; 23-11-26 proves day-first, so 04-03-26 is 4 March",
    ["02-11-26", "23-11-26", "04-03-26", "16-11-26", "25-11-26"],
    [d(2026, 11, 2), d(2026, 11, 23), d(2026, 3, 4), d(2026, 11, 16), d(2026, 11, 25)],
    last_contact="24-11-26"))
case(_text_date_case(
    "date_order_setting", "only ambiguous text dates; [reading] date_order = \"dmy\" decides",
    ["02/11/2026", "10/11/2026", "04/03/2026", "09/11/2026", "11/11/2026"],
    [d(2026, 11, 2), d(2026, 11, 10), d(2026, 3, 4), d(2026, 11, 9), d(2026, 11, 11)],
    toml='[reading]\ndate_order = "dmy"', statuses={"Globex": "Overdue", "Soylent": "Overdue"}))


@case
def date_order_per_column(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = [  # Date Applied is day-first (23/11), Last Contact month-first (11/24)
        App("Acme Corp", "Data Analyst", "02/11/2026", "Applied", "11/05/2026", status="Overdue"),
        App("Globex", "Backend Engineer", "23/11/2026", "Applied", status="Due soon"),
        App("Umbrella", "Lab Scientist", "16/11/2026", "Interview", "11/24/2026", status="Due today"),
        App("Initech", "Business Analyst", "01/10/2026", "Rejected", "10/20/2026", status="Closed"),
    ]
    layout = write_tracker(ws, STD_HEADERS[:5], apps)
    wb.save(path)
    c = case_from("date_order_per_column", "Date Applied is day-first, Last Contact month-first",
                  layout, "Applications")
    rows = layout.apps
    c.dates.update({
        (rows["Acme Corp"], "applied_on"): d(2026, 11, 2), (rows["Acme Corp"], "last_contact"): d(2026, 11, 5),
        (rows["Globex"], "applied_on"): d(2026, 11, 23),
        (rows["Umbrella"], "applied_on"): d(2026, 11, 16), (rows["Umbrella"], "last_contact"): d(2026, 11, 24),
        (rows["Initech"], "applied_on"): d(2026, 10, 1), (rows["Initech"], "last_contact"): d(2026, 10, 20),
    })
    return c


def _serial(when: dt.date, epoch: dt.date = _EXCEL_EPOCH) -> int:
    return (when - epoch).days


@case
def serial_in_general_cell(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = standard_apps()
    apps[1].applied_on = _serial(d(2026, 11, 23))      # Globex: 46349 in a General cell
    layout = write_tracker(ws, STD_HEADERS, apps)
    wb.save(path)
    c = case_from("serial_in_general_cell", "a bare serial number (46349) in a General cell of the date column",
                  layout, "Applications")
    c.dates[(layout.apps["Globex"], "applied_on")] = d(2026, 11, 23)
    return c


@case
def date1904(path: Path) -> Case:
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Applications"
    apps = standard_apps()
    apps[1].applied_on = _serial(d(2026, 11, 23), epoch=d(1904, 1, 1))   # Globex, General cell
    layout = write_tracker(ws, STD_HEADERS, apps)
    wb.save(path)
    c = case_from("date1904", "the 1904 date system, with one bare serial", layout, "Applications")
    c.dates[(layout.apps["Globex"], "applied_on")] = d(2026, 11, 23)
    return c


@case
def placeholder_dates(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = [
        App("Acme Corp", "Data Analyst", d(2000, 1, 1), "Applied", d(2026, 11, 16), status="Overdue"),
        App("Globex", "Backend Engineer", Fmt(0, "yyyy-mm-dd"), "Applied", status="Check data"),
        App("Initech", "Business Analyst", d(2026, 11, 23), "Applied", status="Due soon",
            extra={"pinned": d(2000, 1, 1)}),
        App("Umbrella", "Lab Scientist", d(1900, 1, 1), "Applied", status="Check data"),
        App("Soylent", "UX Designer", d(2026, 11, 25), "Applied", status="Waiting"),
    ]
    layout = write_tracker(ws, STD_HEADERS[:5] + [("Follow Up On", "pinned")], apps)
    wb.save(path)
    c = case_from("placeholder_dates", "placeholder dates 2000-01-01, 1900-01-00 (serial 0), 1900-01-01",
                  layout, "Applications")
    rows = layout.apps
    c.dates.update({(rows["Acme Corp"], "applied_on"): None, (rows["Globex"], "applied_on"): None,
                    (rows["Umbrella"], "applied_on"): None})
    return c


@case
def words_in_date_column(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = [
        App("Acme Corp", "Data Analyst", d(2026, 11, 2), "Applied", "No Response", status="Overdue"),
        App("Globex", "Backend Engineer", d(2026, 11, 23), "Applied", "TBD", status="Due soon"),
        App("Initech", "Business Analyst", d(2026, 10, 1), "Rejected", d(2026, 10, 20), status="Closed"),
        App("Umbrella", "Lab Scientist", d(2026, 11, 16), "Interview", d(2026, 11, 24), status="Due today"),
        App("Soylent", "UX Designer", d(2026, 11, 25), "Applied", "In Progress", status="Waiting"),
        App("Wonka", "Chocolatier", d(2026, 11, 10), "Applied", d(2026, 11, 12), status="Overdue"),
        App("Stark", "Engineer", d(2026, 11, 18), "Applied", d(2026, 11, 19), status="Due soon"),
        App("Vandelay", "Importer", "next week", "Applied", status="Check data"),
    ]
    layout = write_tracker(ws, [("Company", "company"), ("Position", "position"), ("Date Applied", "applied_on"),
                                ("Status", "stage"), ("Response Date", "last_contact")], apps)
    wb.save(path)
    c = case_from("words_in_date_column", "'No Response', 'TBD', 'In Progress' in a date column; one 'next week'",
                  layout, "Applications")
    rows = layout.apps
    for company in ("Acme Corp", "Globex", "Soylent", "Vandelay"):
        c.dates[(rows[company], "last_contact")] = None
    c.dates[(rows["Vandelay"], "applied_on")] = None
    c.problems[rows["Vandelay"]] = (f"C{rows['Vandelay']}", "next week")
    return c


# Stage words

STAGE_WORDS = [  # stage text, stage it belongs to, status on TODAY when applied 11-23
    ("Denied", "closed", "Closed"),
    ("denied ", "closed", "Closed"),
    ("Denied 1 Interview", "closed", "Closed"),
    ("Email Sent", "applied", "Due soon"),
    ("Ready", "not applied", "Not applied"),
    ("Awaiting Recruiter Action", "applied", "Due soon"),
    ("Resume downloaded", "applied", "Due soon"),
    ("First level assessment done", "interviewing", "Overdue"),
    ("I said no", "closed", "Closed"),
    ("Position Canceled", "closed", "Closed"),
]


@case
def stage_words(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = [App(f"Company {n:02d}", "Analyst", d(2026, 11, 23), word, status=status)
            for n, (word, _stage, status) in enumerate(STAGE_WORDS, start=1)]
    layout = write_tracker(ws, STD_HEADERS[:4], apps, validation=False)
    wb.save(path)
    return case_from("stage_words", "stage words in odd case and spacing, and another tool's vocabulary",
                     layout, "Applications")


@case
def words_setting(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = [App("Acme Corp", "Data Analyst", d(2026, 11, 23), "Binned", status="Closed"),
            App("Globex", "Backend Engineer", d(2026, 11, 23), "Applied", status="Due soon")]
    layout = write_tracker(ws, STD_HEADERS[:4], apps, validation=False)
    wb.save(path)
    write_toml(path, '[words]\nclosed = ["binned"]')
    return case_from("words_setting", "[words] closed = [\"binned\"] in followup.toml", layout, "Applications")


# Trackers other people keep: their own words, languages and habits

@case
def sparse_exact_date(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Jobs"
    apps = [  # one date; the rest are not applied yet and say so in the date column
        App("Acme Corp", "Data Analyst", d(2026, 11, 2), "Applied", status="Overdue"),
        App("Globex", "Backend Engineer", "not yet", "Wishlist", status="Not applied"),
        App("Hooli", "Product Manager", "Not yet applied", "Wishlist", status="Not applied"),
        App("Soylent", "UX Designer", None, "Saved", notes="ask Tom", status="Not applied"),
        App("Wonka", "Chocolatier", "-", "Wishlist", status="Not applied"),
        App("Stark", "Engineer", "to apply", "To apply", status="Not applied"),
    ]
    layout = write_tracker(ws, [("Company", "company"), ("Position", "position"), ("Date Applied", "applied_on"),
                                ("Status", "stage"), ("Notes", "notes")], apps)
    wb.save(path)
    c = case_from("sparse_exact_date", "'Date Applied' holds one date and five not-yet rows", layout, "Jobs")
    for company in ("Globex", "Hooli", "Soylent", "Wonka", "Stark"):
        c.dates[(layout.apps[company], "applied_on")] = None
    return c


OWN_WORDS = {  # name: sheet, headers, date format, text dates (None: real date cells)
    "headers_italian": ("Candidature", [("Azienda", "company"), ("Posizione", "position"), ("Data", "applied_on"),
                                        ("Piattaforma", "source"), ("Esito", "stage"), ("Contatto", "contact"),
                                        ("Telefono", "contact_phone"), ("Note", "notes")], "dd/mm/yyyy"),
    "headers_italian_long": ("Foglio1", [("Nome Azienda", "company"), ("Ruolo", "position"),
                                         ("Data candidatura", "applied_on"), ("Stato", "stage"),
                                         ("Ultimo contatto", "last_contact"), ("Segnalato da", "referrer")],
                             "dd/mm/yyyy"),
    "headers_portuguese": ("Candidaturas", [("Empresa", "company"), ("Vaga", "position"),
                                            ("Data Submissão", "applied_on"), ("Etapa", "stage"),
                                            ("Data Resposta", "last_contact"), ("Contato", "contact"),
                                            ("Telefone", "contact_phone"), ("Observações", "notes")], "dd/mm/yyyy"),
    "headers_portuguese_plain": ("Planilha1", [("Empresa", "company"), ("Cargo", "position"),
                                               ("Data", "applied_on"), ("Situação", "stage"),
                                               ("Fonte", "source")], "dd/mm/yyyy"),
    "headers_german_own": ("Bewerbungen", [("Firma", "company"), ("Jobtitel", "position"),
                                           ("Einreichdatum", "applied_on"), ("Status", "stage"),
                                           ("Letzter Kontakt", "last_contact"), ("Nachfassen am", "pinned"),
                                           ("Quelle", "source")], "dd.mm.yyyy"),
    "headers_bracket_note": ("Applications", [("Company Name (website)", "company"), ("Job Title", "position"),
                                              ("Apply Date", "applied_on"), ("Status", "stage"),
                                              ("Recruiter Phone Number", "contact_phone"),
                                              ("Comments / Notes", "notes")], "mm/dd/yyyy"),
    "headers_organization": ("Suivi", [("Organization", "company"), ("intitulé mission", "position"),
                                       ("Date Received", "applied_on"), ("Statut", "stage"),
                                       ("Personne de contact", "contact")], "dd/mm/yyyy"),
}


def _own_words_builder(name: str, sheet: str, headers: list[tuple[str, str]], fmt: str) -> Callable[[Path], Case]:
    def build(path: Path) -> Case:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = sheet
        apps = standard_apps()
        for app in apps:
            app.extra.update({"source": "LinkedIn", "contact_phone": "+39 02 1234 5678", "referrer": "Ada Rossi"})
            if any(f == "pinned" for _, f in headers):
                app.extra["pinned"] = None
        layout = write_tracker(ws, headers, apps, date_format=fmt, validation=False)
        wb.save(path)
        return case_from(name, "headers in the tracker's own words: " + ", ".join(h for h, _ in headers),
                         layout, sheet)
    build.__name__ = name
    return build


for _name, (_sheet, _headers, _fmt) in OWN_WORDS.items():
    case(_own_words_builder(_name, _sheet, _headers, _fmt))


@case
def dotted_text_dates(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bewerbungen"
    apps = [  # typed as text, every one ambiguous: dotted dates are day-first
        App("Acme Corp", "Data Analyst", "03.11.2026", "Beworben", status="Overdue"),
        App("Globex", "Backend Engineer", "12.11.2026", "Beworben", status="Overdue"),
        App("Umbrella", "Lab Scientist", "10.11.2026", "Interview", "24.11.2026", status="Due today"),
        App("Soylent", "UX Designer", "05.11.2026", "Beworben", extra={"pinned": "27.11.2026"}, status="Due soon"),
    ]
    layout = write_tracker(ws, [("Firma", "company"), ("Stelle", "position"), ("Bewerbungsdatum", "applied_on"),
                                ("Status", "stage"), ("Letzter Kontakt", "last_contact"),
                                ("Nachfassen am", "pinned")], apps, validation=False)
    wb.save(path)
    c = case_from("dotted_text_dates", "text dates 03.11.2026 are day-first; 'Nachfassen am' is a date",
                  layout, "Bewerbungen")
    rows = layout.apps
    c.dates.update({(rows["Acme Corp"], "applied_on"): d(2026, 11, 3), (rows["Globex"], "applied_on"): d(2026, 11, 12),
                    (rows["Umbrella"], "applied_on"): d(2026, 11, 10),
                    (rows["Umbrella"], "last_contact"): d(2026, 11, 24),
                    (rows["Soylent"], "applied_on"): d(2026, 11, 5), (rows["Soylent"], "pinned"): d(2026, 11, 27)})
    return c


NO_COMPANY = ("Data Engineer", "ML Engineer", "Analytics Lead")


@case
def rows_without_company(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    headers = [("Company", "company"), ("Position", "position"), ("Date Applied", "applied_on"), ("Status", "stage"),
               ("Source", "source"), ("Notes", "notes")]
    layout = write_tracker(ws, headers, standard_apps())
    row = layout.last_row
    c = case_from("rows_without_company", "rows with a position and a date but no company; a draft row with no "
                  "date or stage; an idea with only a company", layout, "Applications")
    for position, applied in zip(NO_COMPANY, (d(2026, 11, 2), d(2026, 11, 3), d(2026, 11, 4))):
        row += 1
        ws.cell(row, 2, position)
        ws.cell(row, 3, applied).number_format = "mm/dd/yyyy"
        c.apps[position] = row
        c.statuses[position] = "Overdue"
        c.dates[(row, "applied_on")] = applied
    row += 1
    ws.cell(row, 1, "Wonka")                                 # an idea, not an application
    c.extra["idea_row"] = row
    row += 1
    for col, value in enumerate(["Stark", "Engineer", None, None, "Company website", "Draft — not yet applied"], 1):
        ws.cell(row, col, value)
    c.apps["Stark"] = row
    c.extra["no_company"] = NO_COMPANY
    wb.save(path)
    return c


@case
def placeholders_email_log(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Email log"
    headers = [("Date Received", "applied_on"), ("Company", "company"), ("Job Title", "position"),
               ("Status", "stage"), ("Email Subject", "subject")]
    apps = [
        App("Acme Corp", "Not Mentioned", d(2026, 11, 2), "Applied", status="Overdue",
            extra={"subject": "Thank you for applying"}),
        App("Globex", "Backend Engineer", d(2026, 11, 23), "Applied", status="Due soon",
            extra={"subject": "Application received"}),
        App("Unable to Determine", "Not Mentioned", d(2026, 11, 5), "Unknown",
            extra={"subject": "Security alert: new sign-in"}),
        App("N/A", "TBD", d(2026, 11, 6), "N/A", extra={"subject": "Your weekly job digest"}),
        App("Soylent", "UX Designer", d(2026, 11, 25), "Not specified", status="Waiting",
            extra={"subject": "We got your application"}),
    ]
    layout = write_tracker(ws, headers, apps, validation=False)
    wb.save(path)
    c = case_from("placeholders_email_log", "an e-mail-derived log with 'Not Mentioned', 'Unable to Determine' and "
                  "a security-alert mail", layout, "Email log")
    c.columns.pop("subject")     # an e-mail's subject line is no field the rules use
    c.extra["placeholder_rows"] = [c.apps.pop("Unable to Determine"), c.apps.pop("N/A")]
    c.extra["not_mentioned_row"] = c.apps["Acme Corp"]
    return c


@case
def duplicate_applications(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = standard_apps() + [App("ACME CORP", "Data  Analyst", d(2026, 11, 3), "Applied", status="Overdue")]
    layout = write_tracker(ws, STD_HEADERS, apps)
    wb.save(path)
    return case_from("duplicate_applications", "the same company and position applied to twice", layout,
                     "Applications", extra={"duplicate_rows": (layout.apps["Acme Corp"], layout.apps["ACME CORP"])})


@case
def empty_template(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    layout = write_tracker(ws, STD_HEADERS, [])
    ws.cell(1, 8, "Days since applied")
    for row in range(2, 30):
        ws.cell(row, 8, f'=IF(C{row}="","",TODAY()-C{row})')
    wb.save(path)
    return case_from("empty_template", "a template with headers, a drop-down and formulas but no applications",
                     layout, "Applications", extra={"untouched": True})


# Refusals that must name the fix

@case
def unknown_date_header(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    layout = write_tracker(ws, [("Company", "company"), ("Position", "position"), ("When I sent it", "applied_on"),
                                ("Status", "stage")], standard_apps())
    wb.save(path)
    return case_from("unknown_date_header", "the date column's header is the user's own words: a column of dates "
                     "under a header with a word of time ('When') is guessed as the date applied", layout,
                     "Applications", extra={"guessed": "applied_on"})


@refusal
def unknown_headers_with_dates(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Log"
    apps = standard_apps()
    for app in apps:
        app.extra.update({"who": app.company, "gig": app.position, "sent": app.applied_on or d(2026, 11, 20),
                          "chased": d(2026, 11, 20), "call": d(2026, 11, 30)})
    # (a header no list knows for the job: "Gig" is a freelancer's word for the position now)
    write_tracker(ws, [("Who", "who"), ("Thing", "gig"), ("Sent", "sent"), ("Chased", "chased"),
                       ("Call back", "call")], apps)
    wb.save(path)
    return Case("unknown_headers_with_dates", "one row per application, three date columns, headers in the "
                "user's own words: not 'sideways'", refuse="NoTrackerFound",
                refuse_words=("'who'", "[columns]", '"who" = "company"', '= "applied_on"'))


# Layouts to refuse

@refusal
def sideways(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "November"
    days = [d(2026, 11, 2) + dt.timedelta(days=n) for n in range(5)]
    companies = [["Acme Corp", "Globex"], ["Initech"], ["Umbrella", "Hooli", "Soylent"], [], ["Wonka"]]
    for col, (day, names) in enumerate(zip(days, companies), start=1):
        ws.cell(1, col, day).number_format = "ddd d mmm"
        ws.cell(1, col).font = Font(bold=True)
        for row, name in enumerate(names, start=2):
            ws.cell(row, col, name)
    wb.save(path)
    return Case("sideways", "one column per day, companies listed under each date",
                refuse="NoTrackerFound")


@refusal
def no_header(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row, (name, note, n) in enumerate([("Acme Corp", "called twice", 2), ("Globex", "emailed", 1),
                                           ("Initech", "nothing yet", 0), ("Umbrella", "liked the call", 3)],
                                          start=1):
        ws.cell(row, 1, name)
        ws.cell(row, 2, note)
        ws.cell(row, 3, n)
    wb.save(path)
    return Case("no_header", "a list with no recognisable header", refuse="NoTrackerFound")


@refusal
def no_date_column(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    apps = standard_apps()
    write_tracker(ws, [("Company", "company"), ("Position", "position"), ("Status", "stage"),
                       ("Contact", "contact"), ("Notes", "notes")], apps)
    wb.save(path)
    return Case("no_date_column", "a tracker without any date column", refuse="MissingColumns",
                refuse_words=("date",))


# Files openpyxl cannot open

@case
def empty_fill(path: Path) -> Case:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Applications"
    layout = write_tracker(ws, STD_HEADERS, standard_apps())
    wb.save(path)
    add_empty_fill(path)
    return case_from("empty_fill", "an empty <fill/> in xl/styles.xml (openpyxl raises TypeError)",
                     layout, "Applications", openpyxl_can_open=False)


# --- building --------------------------------------------------------------------------------

def build(name: str, outdir: Path) -> Case:
    folder = Path(outdir) / name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.xlsx"
    result = BUILDERS[name](path)
    if result.shared_strings:
        use_shared_strings(path)
    result.path = path
    return result


def build_all(outdir: Path) -> dict[str, Case]:
    return {name: build(name, outdir) for name in BUILDERS}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/make_fixtures.py OUTDIR")
    for built in build_all(Path(sys.argv[1])).values():
        print(f"{built.path}  {built.about}")
