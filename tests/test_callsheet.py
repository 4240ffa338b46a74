"""The Today sheet as a call sheet: its columns, links, drop-down, print settings and styles read
back with openpyxl and from the package's XML; one column table drives the sheet, the exports and
the terminal; this week's employer contacts."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import openpyxl
import pandas as pd
import pytest
from conftest import TODAY, write_tracker
from lxml import etree

from followup_sheet import cli, columns
from followup_sheet.exporttext import today_text
from followup_sheet.pipeline import compute, refresh
from followup_sheet.plan import contacts_this_week
from followup_sheet.settings import Settings, settings_from_toml
from followup_sheet.xlsx.values import TODAY_MARKER

CALL_SHEET_HEADERS = ["Company", "Position", "Ask for", "Phone", "E-mail", "Status", "Days overdue", "Why", "Script",
                      "Notes", "Tracker row", "Done", "Outcome", "Date", "Name"]

ROWS = [   # TODAY is Thu 2026-11-26
    {"Company": "Acme", "Position": "Planner", "Date Applied": dt.date(2026, 11, 16), "Status": "Applied",
     "Contact": "Dana Lee", "Phone": "+1 (555) 010-0100", "Email": "dana@acme.example",
     "Notes": "Met Dana at the job fair"},                                                  # Overdue, 3 days
    {"Company": "Beta", "Position": "Analyst", "Date Applied": dt.date(2026, 11, 19), "Status": "Applied",
     "Email": "jobs@beta.example"},                                                        # Due today
    {"Company": "Gamma", "Position": "Designer", "Date Applied": dt.date(2026, 11, 12), "Status": "Applied"},
    {"Company": "Delta", "Position": "Engineer", "Date Applied": dt.date(2026, 11, 25), "Status": "Applied"},
]


@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    path = write_tracker(tmp_path_factory.mktemp("call") / "tracker.xlsx", ROWS)
    refresh(path, today=TODAY, backup=False, settings=Settings(weekly_minimum=3))
    return path


def _by_company(ws):
    return {ws.cell(r, 1).value: r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value}


def test_call_sheet_columns_and_values(sheet):
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Today"]
    assert [c.value for c in ws[2]] == CALL_SHEET_HEADERS
    title = ws["A1"].value
    assert title.startswith(TODAY_MARKER) and "built Thursday 26 November 2026" in title
    assert "1 of 3 employer contacts this week" in title           # Delta, applied Wednesday
    rows = _by_company(ws)
    assert list(rows) == ["Gamma", "Acme", "Beta"]                 # most overdue first
    col = {h: i + 1 for i, h in enumerate(CALL_SHEET_HEADERS)}
    acme, beta, gamma = rows["Acme"], rows["Beta"], rows["Gamma"]
    assert ws.cell(acme, col["Ask for"]).value == "Dana Lee"
    assert ws.cell(acme, col["Notes"]).value == "Met Dana at the job fair"
    assert ws.cell(acme, col["Status"]).value == "Overdue" and ws.cell(acme, col["Days overdue"]).value == 3
    assert ws.cell(beta, col["Status"]).value == "Due today" and ws.cell(beta, col["Days overdue"]).value == 0
    tracker_rows = {ws2.cell(r, 1).value: r for ws2 in [wb["Applications"]] for r in range(2, 6)}
    for company, r in rows.items():
        cell = ws.cell(r, col["Tracker row"])
        assert cell.value == f"Applications!{tracker_rows[company]}"
        assert cell.hyperlink.location == f"'Applications'!A{tracker_rows[company]}"
        for mark in ("Done", "Outcome", "Date", "Name"):
            assert ws.cell(r, col[mark]).value is None
    # links: tel: with digits and + only, mailto:, none where there is nothing to link
    assert ws.cell(acme, col["Phone"]).hyperlink.target == "tel:+15550100100"
    assert ws.cell(acme, col["E-mail"]).hyperlink.target == "mailto:dana@acme.example"
    assert ws.cell(beta, col["Phone"]).value is None and ws.cell(beta, col["Phone"]).hyperlink is None
    assert ws.cell(beta, col["E-mail"]).hyperlink.target == "mailto:jobs@beta.example"
    # no phone, no e-mail: listed, and says so in the Phone cell and the script
    assert ws.cell(gamma, col["Phone"]).value == "Find a number or e-mail first"
    assert ws.cell(gamma, col["Phone"]).hyperlink is None
    assert "Find a number or e-mail first" in ws.cell(gamma, col["Script"]).value


def test_external_links_are_external_relationships(sheet):
    with zipfile.ZipFile(sheet) as zf:
        wb = etree.fromstring(zf.read("xl/workbook.xml"))
        names = [s.get("name") for s in wb.iter("{*}sheet")]
        rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        rid = [s for s in wb.iter("{*}sheet") if s.get("name") == "Today"][0].get(
            "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        part = "xl/" + [r.get("Target") for r in rels if r.get("Id") == rid][0].lstrip("/").removeprefix("xl/")
        sheet_rels = etree.fromstring(zf.read(part.replace("worksheets/", "worksheets/_rels/") + ".rels"))
    assert "Today" in names
    targets = {r.get("Target"): r for r in sheet_rels}
    assert set(targets) == {"tel:+15550100100", "mailto:dana@acme.example", "mailto:jobs@beta.example"}
    for r in targets.values():
        assert r.get("TargetMode") == "External" and r.get("Type").endswith("/hyperlink")


def test_outcome_drop_down_and_prompts(sheet):
    ws = openpyxl.load_workbook(sheet)["Today"]
    by_header = {ws.cell(2, c).value: ws.cell(2, c).column_letter for c in range(1, ws.max_column + 1)}
    found = {}
    for dv in ws.data_validations.dataValidation:
        found[str(dv.sqref)] = dv
    outcome = found[f"{by_header['Outcome']}3:{by_header['Outcome']}5"]
    assert outcome.type == "list"
    assert outcome.formula1 == '"' + ",".join(columns.OUTCOMES) + '"'
    assert columns.OUTCOMES == ("Spoke", "Left voicemail", "Reached a gatekeeper", "E-mailed", "No answer",
                                "Call back on a date", "Got the hiring manager's name", "Not interested",
                                "Got an interview", "They called me", "I withdrew")
    for mark in ("Done", "Outcome", "Date", "Name"):
        dv = found[f"{by_header[mark]}3:{by_header[mark]}5"]
        assert dv.showInputMessage and dv.prompt and dv.promptTitle == mark
    assert "x" in found[f"{by_header['Done']}3:{by_header['Done']}5"].prompt


def test_print_settings_freeze_alignment_and_fills(sheet):
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Today"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows.replace("$", "") == "2:2"
    assert ws.freeze_panes == "A3"
    assert all(m <= 0.75 for m in (ws.page_margins.left, ws.page_margins.right))
    assert all(c.alignment.wrap_text for c in ws[2])                       # headers whole
    for c, column in zip(ws[2], columns.sheet_columns()):
        width = ws.column_dimensions[c.column_letter].width
        if column.kind in ("phone", "email", "row"):     # no spaces to wrap at: as wide as the longest
            longest = max(len(ws.cell(r, c.column).value or "") for r in range(3, 6) if ws.cell(r, c.column).hyperlink)
            assert width >= max(column.width, longest), column.header
        else:
            assert width == pytest.approx(column.width), column.header
    fills = Settings().fills
    tracker = wb["Applications"]
    status_col = [c.column for c in tracker[1] if c.value == "Follow-up Status"][0]
    tracker_fill = {tracker.cell(r, 1).value: tracker.cell(r, status_col).fill.fgColor.rgb for r in range(2, 6)}
    for r in range(3, 6):
        for c in ws[r]:
            assert c.alignment.vertical == "top", c.coordinate
        status = ws.cell(r, 6)
        assert status.fill.fgColor.rgb == "FF" + fills[status.value]
        assert status.fill.fgColor.rgb == tracker_fill[ws.cell(r, 1).value]


# --- the order of elements Excel requires ---------------------------------------------------------

WORKSHEET_ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
                   "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
                   "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
                   "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
                   "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
                   "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
                   "controls", "webPublishItems", "tableParts", "extLst"]
SHEETPR_ORDER = ["tabColor", "outlinePr", "pageSetUpPr"]
WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
                  "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize",
                  "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
                  "fileRecoveryPr", "webPublishObjects", "extLst"]
STYLES_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
                "tableStyles", "colors", "extLst"]


def _in_order(el, order):
    names = [etree.QName(c).localname for c in el if isinstance(c.tag, str)]
    assert all(n in order for n in names), names
    positions = [order.index(n) for n in names]
    assert positions == sorted(positions), names


def _today_part(zf):
    for name in zf.namelist():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            if TODAY_MARKER.encode() in zf.read(name)[:3000]:
                return name
    raise AssertionError("no Today sheet part")


@pytest.mark.parametrize("rows", [ROWS, ROWS[3:]], ids=["calls", "no calls"])
def test_today_sheet_parts_keep_the_schema_order(rows, tmp_path):
    path = write_tracker(tmp_path / "order.xlsx", rows)
    refresh(path, today=TODAY, backup=False)
    refresh(path, today=TODAY + dt.timedelta(days=1), backup=False)   # rebuilt over the old one
    with zipfile.ZipFile(path) as zf:
        today = etree.fromstring(zf.read(_today_part(zf)))
        workbook = etree.fromstring(zf.read("xl/workbook.xml"))
        styles = etree.fromstring(zf.read("xl/styles.xml"))
    _in_order(today, WORKSHEET_ORDER)
    _in_order(today.find("{*}sheetPr"), SHEETPR_ORDER)
    for needed in ("pageSetup", "pageMargins", "printOptions", "headerFooter"):
        assert today.find("{*}" + needed) is not None, needed
    if rows is ROWS:
        assert today.find("{*}hyperlinks") is not None and today.find("{*}dataValidations") is not None
        dvs = today.find("{*}dataValidations")
        assert int(dvs.get("count")) == len(dvs)
    _in_order(workbook, WORKBOOK_ORDER)
    titles = [d for d in workbook.iter("{*}definedName") if d.get("name") == "_xlnm.Print_Titles"]
    assert len(titles) == 1 and titles[0].text == "'Today'!$2:$2"
    sheets = [s.get("name") for s in workbook.iter("{*}sheet")]
    assert titles[0].get("localSheetId") == str(sheets.index("Today"))
    _in_order(styles, STYLES_ORDER)
    for section in styles:
        if section.get("count") is not None:
            assert int(section.get("count")) == len(section), etree.QName(section).localname


def test_print_titles_follow_the_sheet_when_sheets_move(tmp_path):
    path = write_tracker(tmp_path / "moved.xlsx", ROWS)
    refresh(path, today=TODAY, backup=False)
    wb = openpyxl.load_workbook(path)
    wb.move_sheet("Today", offset=-1)     # the user drags the Today tab to the front
    wb.save(path)
    refresh(path, today=TODAY, backup=False)
    with zipfile.ZipFile(path) as zf:
        workbook = etree.fromstring(zf.read("xl/workbook.xml"))
    sheets = [s.get("name") for s in workbook.iter("{*}sheet")]
    titles = [d for d in workbook.iter("{*}definedName") if d.get("name") == "_xlnm.Print_Titles"]
    assert sheets.index("Today") == 0
    assert [(d.get("localSheetId"), d.text) for d in titles] == [("0", "'Today'!$2:$2")]


# --- one table: a new Today column appears in the sheet, the exports and the terminal ----------------

def test_a_new_today_column_is_one_table_entry(tmp_path, monkeypatch, capsys):
    rows = [{**r, "Source": f"Fair {r['Company']}"} for r in ROWS]
    path = write_tracker(tmp_path / "extra.xlsx", rows)
    extra = columns.TodayColumn("Source", "source", 12, "text", "set")
    table = list(columns.TODAY_COLUMNS)
    table.insert(table.index(next(c for c in table if c.header == "Status")), extra)
    monkeypatch.setattr(columns, "TODAY_COLUMNS", tuple(table))

    result = refresh(path, today=TODAY, backup=False)
    ws = openpyxl.load_workbook(path)["Today"]
    headers = [c.value for c in ws[2]]
    assert headers == [*CALL_SHEET_HEADERS[:5], "Source", *CALL_SHEET_HEADERS[5:]]
    assert [ws.cell(r, 6).value for r in range(3, 6)] == ["Fair Gamma", "Fair Acme", "Fair Beta"]
    assert ws.column_dimensions["F"].width == 12

    shown = pd.read_csv(__import__("io").StringIO(today_text(result.today)))
    assert list(shown["Source"]) == ["Fair Gamma", "Fair Acme", "Fair Beta"]
    assert "| Source |" in today_text(result.today, "md").splitlines()[0]

    cli._print_today(cli.Output(), result.today)
    out = capsys.readouterr().out
    head = out.splitlines()[1]
    assert "Source" in head and head.index("Source") < head.index("Status")
    assert "Fair Acme" in out


def test_a_new_tracker_column_is_one_table_entry(tmp_path, monkeypatch):
    """A fourth tracker column is a table entry naming a plan column: the writer, the dry run's
    list of changes and a second refresh (which finds the column again by its header) follow."""
    path = write_tracker(tmp_path / "fourth.xlsx", ROWS)
    extra = (columns.TrackerColumn("Follow-up Situation", "situation", 16, "text"),
             columns.TrackerColumn("Follow-up Days Late", "days_overdue", 9, "number"))
    monkeypatch.setattr(columns, "TRACKER_COLUMNS", columns.TRACKER_COLUMNS + extra)

    outcomes, _, _ = compute(path, today=TODAY)
    planned = refresh(path, today=TODAY, dry_run=True).changes
    assert {c.new for c in planned if c.old == "" and "Follow-up" in str(c.new)} >= {
        "Follow-up Situation", "Follow-up Days Late"}

    refresh(path, today=TODAY, backup=False)
    ws = openpyxl.load_workbook(path)["Applications"]
    header = [c.value for c in ws[1]]
    at = {h: header.index(h) + 1 for h in (*columns.output_headers(),)}
    plan = outcomes[0].plan
    for row in plan.index:
        assert ws.cell(row, at["Follow-up Situation"]).value == str(plan.at[row, "situation"])
        late = plan.at[row, "days_overdue"]
        assert ws.cell(row, at["Follow-up Days Late"]).value == (None if pd.isna(late) else late)
    assert ws.column_dimensions[openpyxl.utils.get_column_letter(at["Follow-up Situation"])].width == 16

    before = path.read_bytes()
    refresh(path, today=TODAY, backup=False)
    assert path.read_bytes() == before


def test_export_and_terminal_columns_come_from_the_table(sheet, capsys):
    _, table, _ = compute(sheet, today=TODAY)
    csv_head = today_text(table).splitlines()[0].split(",")
    assert csv_head == [c.header for c in columns.export_columns()]
    assert "Ask for" in csv_head and "Notes" in csv_head and "Done" not in csv_head
    cli._print_today(cli.Output(), table)
    head = capsys.readouterr().out.splitlines()[1].split()
    assert head == " ".join(c.terminal or c.header for c in columns.terminal_columns()).split()


# --- this week's employer contacts ----------------------------------------------------------------

D = dt.date


@pytest.mark.parametrize("applied, last, expected", [
    ([D(2026, 11, 23)], [None], 1),                     # Monday of the week
    ([D(2026, 11, 29)], [None], 1),                     # Sunday of the week
    ([D(2026, 11, 22)], [None], 0),                     # the Sunday before
    ([D(2026, 11, 30)], [None], 0),                     # the Monday after
    ([D(2026, 11, 2)], [D(2026, 11, 24)], 1),           # a follow-up this week
    ([D(2026, 11, 24)], [D(2026, 11, 24)], 1),          # applied and "last contact" the same day: once
    ([D(2026, 11, 24)], [D(2026, 11, 26)], 2),          # applied, then followed up
    ([None, D(2026, 11, 25), D(2026, 10, 1)], [None, None, D(2026, 10, 3)], 1),
])
def test_contacts_this_week(applied, last, expected):
    frame = pd.DataFrame({"applied_on": pd.to_datetime(pd.Series(applied, dtype=object)),
                          "last_contact": pd.to_datetime(pd.Series(last, dtype=object))})
    assert contacts_this_week(frame, TODAY) == expected


def test_weekly_minimum_setting(tmp_path):
    toml = tmp_path / "followup.toml"
    toml.write_text("[log]\nweekly_minimum = 3\n", encoding="utf-8")
    assert settings_from_toml(toml) == {"weekly_minimum": 3}
    assert Settings().weekly_minimum == 0


def test_no_weekly_line_by_default(tmp_path):
    path = write_tracker(tmp_path / "plain.xlsx", ROWS)
    refresh(path, today=TODAY, backup=False)
    title = openpyxl.load_workbook(path)["Today"]["A1"].value
    assert title.startswith(TODAY_MARKER) and "employer contacts" not in title
    assert re.search(r"built \w+day \d+ \w+ \d{4}", title)


def test_tracker_column_widths_come_from_the_table(tmp_path, monkeypatch):
    wider = tuple(columns.TrackerColumn(c.header, c.field, 90 if c.kind == "script" else c.width, c.kind)
                  for c in columns.TRACKER_COLUMNS)
    monkeypatch.setattr(columns, "TRACKER_COLUMNS", wider)
    path = write_tracker(tmp_path / "wide.xlsx", ROWS)
    refresh(path, today=TODAY, backup=False)
    ws = openpyxl.load_workbook(path)["Applications"]
    ours = columns.output_headers()
    widths = {c.value: ws.column_dimensions[c.column_letter].width for c in ws[1] if c.value in ours}
    assert widths == {"Follow-up Status": 14, "Next Follow-up": 14, "Follow-up Script": 90}


@pytest.mark.parametrize("contact, shown", [
    ("Smith, John", "John Smith"),
    ("Priya Raman (Talent Acquisition)", "Priya Raman"),
    ("jane doe", "Jane Doe"),
    ("People Team", "People Team"),            # a team: whom to ask for, as written
    ("careers@acme.example", ""),              # an address: where to write, not whom to ask for (§5)
])
def test_ask_for_names_the_person_as_the_script_does(make_tracker, contact, shown):
    """The call sheet's Ask for, the exports and the terminal say the name the script says."""
    path = make_tracker([{"Company": "Acme", "Position": "Analyst", "Date Applied": dt.date(2026, 11, 10),
                          "Status": "Applied", "Contact": contact, "Phone": "555-0100"}])
    outcomes, table, _ = compute(path, today=TODAY)
    assert table["ask_for"].tolist() == [shown]
    script = outcomes[0].scripts.iloc[0]
    if shown != contact:
        assert shown in script and contact not in script     # the script says it the same way


# --- the column table's kinds and the outcome words ------------------------------------------------

@pytest.mark.parametrize("kind", ["wrap", "mark", "phone", "stauts", ""])
def test_a_tracker_column_takes_only_a_tracker_kind(kind):
    with pytest.raises(ValueError):
        columns.TrackerColumn("Seguimiento", "situation", 12, kind)


def test_a_column_kind_given_as_text_is_the_enum_member():
    column = columns.TodayColumn("Fuente", "source", 12, "wrap")
    assert column.kind is columns.ColumnKind.WRAP
    assert columns.TrackerColumn("Nächster Schritt", "due", 12, "date").kind is columns.ColumnKind.DATE


def test_every_outcome_the_sheet_offers_is_read_back_as_that_outcome():
    """The Outcome drop-down, the call sheet's boxes and the marks' rules share one list: each
    choice the Today sheet offers is the outcome the rules apply, and each call sheet box starts
    with one."""
    from followup_sheet.exporttext import OUTCOMES as BOXES
    from followup_sheet.markrules import read_outcome
    from followup_sheet.status import CALL_OUTCOMES, Outcome

    offered = columns.OUTCOMES
    assert offered and Outcome.DONE.value not in offered
    assert [read_outcome(text)[0] for text in offered] == [Outcome(text) for text in offered]
    assert len(BOXES) == len(CALL_OUTCOMES)
    for box, outcome in zip(BOXES, CALL_OUTCOMES):
        assert box.startswith(outcome.value.removesuffix(" a date"))
