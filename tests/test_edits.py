"""Plan, then apply: the Edits a dry run prints are exactly what the write changes.

Each workbook is refreshed twice from the same bytes: as a dry run (which must leave the file
byte for byte as it was) and for real on a copy. Every cell of every tracker sheet is then read
back through python-calamine, before and after, and the cells that differ must be the Edits'
cells, with the Edits' old and new values; the Today sheet and the Follow-up Log must be there
exactly when the Edits say so. Generated trackers of every layout the reader knows (first refresh,
and a later day's over the tool's own columns), marks typed into the Today sheet, and a sample of
the shared corpus (marked slow).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import make_fixtures as mf
import openpyxl
import pytest
from conftest import type_marks, write_sheets
from corpus_tools import CORPUS, CannotAddSheet, add_tracker_block, calamine_grids, corpus_files, corpus_id

from followup_sheet.errors import FollowupError
from followup_sheet.pipeline import refresh
from followup_sheet.settings import Settings
from followup_sheet.xlsx import column_letters
from followup_sheet.xlsx.edits import Edits, seen, word_diff

GOOD = [name for name in mf.BUILDERS if name not in mf.REFUSALS]
LATER = mf.TODAY + dt.timedelta(days=9)


def cell_differences(before: bytes, after: bytes, sheets: list[str]) -> dict[tuple[str, str], tuple[Any, Any]]:
    """(sheet, ref) -> (old, new) for every cell of `sheets` that reads differently after."""
    old, new = calamine_grids(before), calamine_grids(after)
    out = {}
    for sheet in sheets:
        a, b = old[sheet], new[sheet]
        for r in range(max(len(a), len(b))):
            row_a = a[r] if r < len(a) else []
            row_b = b[r] if r < len(b) else []
            for c in range(max(len(row_a), len(row_b))):
                x = seen(row_a[c]) if c < len(row_a) else ""
                y = seen(row_b[c]) if c < len(row_b) else ""
                if x != y:
                    out[(sheet, f"{column_letters(c + 1)}{r + 1}")] = (x, y)
    return out


def sheet_names(data: bytes) -> set[str]:
    return set(calamine_grids(data, max_cells=1))


def plan_against_write(path: Path, today: dt.date, **kwargs: Any) -> tuple[Edits | None, bytes]:
    """Dry-run `path`, write it for real on a copy beside it (where its followup.toml is), and
    return the dry run's Edits and what was written, after checking that the Edits are exactly
    the write's changes. A tracker with no applications yet has no Edits and is not written."""
    before = path.read_bytes()
    dry = refresh(path, today=today, dry_run=True, backup=False, **kwargs)
    assert path.read_bytes() == before, "the dry run changed the file"
    copy = path.with_name(f"written-{path.name}")
    shutil.copyfile(path, copy)
    real = refresh(copy, today=today, backup=False, **kwargs)
    after = copy.read_bytes()
    edits = dry.edits
    if dry.empty:
        assert edits is None and real.empty and after == before
        return None, after
    assert edits is not None
    assert real.written == edits.changed, (real.written, edits.changed)

    tracker_sheets = [s.sheet for s in edits.sheets]
    found = cell_differences(before, after, tracker_sheets)
    planned = {(c.sheet, c.ref): (c.old, c.new) for c in edits.cells}
    assert found == planned, {"written, not planned": {k: v for k, v in found.items() if planned.get(k) != v},
                              "planned, not written": {k: v for k, v in planned.items() if found.get(k) != v}}

    names_before, names_after = sheet_names(before), sheet_names(after)
    assert edits.today.name in names_after
    assert edits.today.added == (edits.today.name not in names_before)
    log = {edits.log.name} if edits.log is not None else set()
    assert names_after == names_before | {edits.today.name} | log
    if edits.log is not None:
        assert edits.log.added == (edits.log.name not in names_before)
    return edits, after


@pytest.fixture(scope="module")
def layouts(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("layouts")


@pytest.mark.parametrize("name", GOOD)
def test_the_edits_are_what_the_write_changes_in_every_layout(layouts, tmp_path, name):
    case = mf.build(name, layouts)
    assert case.path is not None
    settings = {"sheet": case.sheet} if case.sheet else {}
    edits, after = plan_against_write(case.path, mf.TODAY, **settings)
    if edits is None:
        assert name == "empty_template"
        return
    assert edits.cells and edits.changed
    # a later day over the tool's own columns: statuses and dates move, headers stay
    later = case.path.with_name("later.xlsx")
    later.write_bytes(after)
    again, _ = plan_against_write(later, LATER, **settings)
    assert again is not None and all(c.kind != "header" for c in again.cells)


def test_a_second_refresh_the_same_day_plans_nothing_and_writes_nothing(tmp_path):
    path = write_sheets(tmp_path / "jobs.xlsx", HEADERS, {"Applications": ROWS})
    refresh(path, today=MONDAY, backup=False, settings=ME)
    edits, _ = plan_against_write(path, MONDAY, settings=ME)
    assert edits is not None and not edits.changed and edits.cells == [] and not edits.today.differs


def test_a_tool_header_spelled_otherwise_is_planned_as_a_change(tmp_path):
    """A column found by the tool's header in another spelling gets the header as the tool writes
    it; the Edits say so, as the write does it."""
    path = write_sheets(tmp_path / "jobs.xlsx", (*HEADERS, "follow-up STATUS"), {"Applications": ROWS})
    edits, _ = plan_against_write(path, MONDAY, settings=ME)
    assert edits is not None
    assert [(c.ref, c.old, c.new) for c in edits.cells if c.kind == "header"][0] == \
        ("G1", "follow-up STATUS", "Follow-up Status")


# --- marks typed into the Today sheet ------------------------------------------------------

MONDAY = dt.date(2026, 11, 30)
ME = Settings(your_name="Noor Haddad", your_phone="(555) 010-7788")
HEADERS = ("Employer", "Job title", "Applied on", "Last heard", "Where it stands", "Phone")
ROWS = [("Lindqvist Bygg AB", "Site planner", dt.date(2026, 11, 2), None, "sent CV", "+46 8 555 0100"),
        ("Ferreira & Filhos", "Buyer", dt.date(2026, 11, 3), dt.date(2026, 11, 10), "applied", "+351 21 555 0101"),
        ("Okonkwo Logistics", "Dispatcher", dt.date(2026, 11, 4), None, "applied online", "+234 1 555 0102"),
        ("Brightwater Dental", "Receptionist", dt.date(2026, 10, 20), None, "phone screen done", "555-0103")]


@pytest.mark.parametrize("rows, marks", [
    (ROWS, {"Lindqvist Bygg AB": {"Done": "x", "Outcome": "Left voicemail"},
            "Okonkwo Logistics": {"Outcome": "Got the hiring manager's name", "Name": "Chidi Eze"},
            "Brightwater Dental": {"Outcome": "Call back on a date", "Date": dt.date(2026, 12, 7)}}),
    # dates typed as text: a mark's date goes in as text in the same format
    ([(c, p, a.strftime("%d.%m.%Y"), b.strftime("%d.%m.%Y") if b else None, s, ph) for c, p, a, b, s, ph in ROWS],
     {"Ferreira & Filhos": {"Outcome": "Spoke"}, "Lindqvist Bygg AB": {"Outcome": "Got an interview"}}),
])
def test_the_edits_of_marks_are_what_the_write_changes(tmp_path, rows, marks):
    path = write_sheets(tmp_path / "jobs.xlsx", HEADERS, {"Applications": rows})
    refresh(path, today=MONDAY, backup=False, settings=ME)
    type_marks(path, marks)
    edits, after = plan_against_write(path, MONDAY, settings=ME)
    assert edits is not None and [c for c in edits.cells if c.kind == "mark"]
    assert edits.log is not None and edits.log.added and edits.log.rows == len(marks)


def test_a_column_a_mark_adds_is_in_the_edits(tmp_path):
    """The hiring manager's name (and the follow-up count) need columns the sheet lacks: their
    headers are among the Edits, and the name in the row of its mark."""
    path = write_sheets(tmp_path / "jobs.xlsx", HEADERS, {"Applications": ROWS})
    refresh(path, today=MONDAY, backup=False, settings=ME)
    type_marks(path, {"Okonkwo Logistics": {"Outcome": "Got the hiring manager's name", "Name": "Chidi Eze"}})
    edits, _ = plan_against_write(path, MONDAY, settings=ME)
    assert edits is not None
    added = {c.new: c.ref for c in edits.cells if c.kind == "header"}
    assert set(added) == {"Hiring Manager", "Follow-ups"}
    column = added["Hiring Manager"].rstrip("1")
    assert [c.new for c in edits.cells if c.ref == f"{column}4"] == ["Chidi Eze"]


# --- the dry run's words -----------------------------------------------------------------

@pytest.mark.parametrize("old, new, shown", [
    ("Hi Ana, I applied on May 2.", "Hi Ana, I applied on May 2 and called.",
     "Hi Ana, I applied on May [-2.-]{+2 and called.+}"),
    ("Call Kofi\n\nVoicemail: thanks", "Call Kofi\n\nVoicemail: thanks, bye",
     "Call Kofi\n\nVoicemail: [-thanks-]{+thanks, bye+}"),
    ("Thank you. You can reach me at 555-0100.", "Thank you. I'll follow up by e-mail.",
     "Thank you. [-You can reach me at 555-0100.-]{+I'll follow up by e-mail.+}"),
    ("Bonjour Marie", "Bonjour Madame Durand", "Bonjour [-Marie-]{+Madame Durand+}"),
    ("same words", "same words", "same words"),
])
def test_a_changed_script_is_a_word_diff_of_the_whole_text(old, new, shown):
    assert word_diff(old, new) == shown


def test_the_dry_run_prints_the_edits_with_the_script_as_a_word_diff(tmp_path, capsys):
    from followup_sheet.cli import main

    path = write_sheets(tmp_path / "jobs.xlsx", HEADERS, {"Applications": ROWS})
    refresh(path, today=MONDAY, backup=False, settings=ME)
    before = path.read_bytes()
    assert main(["refresh", str(path), "--today", "2026-12-09", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert path.read_bytes() == before
    assert "Dry run:" in out and "would change; nothing written" in out
    # column I holds the scripts; without [you] set they lose the name and the number, as a word diff
    script = out[out.index("  I2: "):out.index("  I3: ")]
    assert "[-this is Noor Haddad,-]{+I'm+}" in script and "Where do things stand?" in script, out
    assert "Today sheet 'Today': rebuilt with" in out


# --- the corpus --------------------------------------------------------------------------

SAMPLE_EVERY = int(os.environ.get("FOLLOWUP_EDITS_SAMPLE", "20"))   # 1: every workbook
CORPUS_SAMPLE = [corpus_id(p) for p in corpus_files()[::SAMPLE_EVERY]]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}")
@pytest.mark.parametrize("item", CORPUS_SAMPLE)
def test_the_edits_are_what_the_write_changes_in_corpus_workbooks(tmp_path, item):
    """As it is (when it refreshes), and with a tracker written right of its first sheet's content."""
    data = (CORPUS / item).read_bytes()
    tried = 0
    for how in ("as it is", "with a tracker block"):
        if how == "with a tracker block":
            try:
                added = add_tracker_block(data)
            except CannotAddSheet:
                continue
            body, sheet = added.data, added.name
        else:
            body, sheet = data, None
        folder = tmp_path / how.replace(" ", "-")
        folder.mkdir()
        path = folder / Path(item).name
        path.write_bytes(body)
        try:
            plan_against_write(path, mf.TODAY, sheet=sheet)
        except FollowupError:
            assert path.read_bytes() == body
            continue
        tried += 1
    if not tried:
        pytest.skip("refused as it is, and no tracker could be added")


# --- how the tool's columns look -------------------------------------------------------------

def _with_cols(path: Path, cols: str) -> None:
    """The tracker sheet's <cols> replaced by `cols`, as a spreadsheet program saves the widths."""
    import re

    from corpus_tools import members, rewrite_member
    data = path.read_bytes()
    part = "xl/worksheets/sheet1.xml"
    xml = members(data)[part]
    if b"<cols>" in xml:
        xml = re.sub(rb"<cols>.*?</cols>", cols.encode(), xml, flags=re.S)
    else:   # (openpyxl writes none for a sheet without widths) where the schema puts it
        xml = xml.replace(b"<sheetData", cols.encode() + b"<sheetData", 1)
    path.write_bytes(rewrite_member(data, part, xml))


@pytest.mark.parametrize("cols, looks", [
    # the three columns given one width together: one range over them, which the write splits
    ('<cols><col min="7" max="9" width="20" customWidth="1"/></cols>',
     [("G", "width 14"), ("H", "width 14"), ("I", "width 70")]),
    # the widths lost but the script column's, which stays hidden as the user left it
    ('<cols><col min="9" max="12" width="9" hidden="1"/></cols>', [("G", "width 14"), ("H", "width 14"),
                                                                  ("I", "width 70")]),
])
def test_a_dry_run_names_the_column_widths_a_refresh_sets(tmp_path, cols, looks):
    """Only the look of the tool's columns changes: the dry run says the workbook changes, and
    which columns, never "unchanged" where the write rewrites them; the next dry run is quiet."""
    path = write_sheets(tmp_path / "jobs.xlsx", HEADERS, {"Applications": ROWS})
    refresh(path, today=MONDAY, backup=False, settings=ME)
    _with_cols(path, cols)
    edits, after = plan_against_write(path, MONDAY, settings=ME)
    assert edits is not None and edits.cells == [] and edits.changed
    assert [(f.column, f.what) for f in edits.formats] == looks
    assert [f"  column {c}: {what}" for c, what in looks] == edits.describe()[:len(looks)]
    path.write_bytes(after)
    again, _ = plan_against_write(path, MONDAY, settings=ME)
    assert again is not None and again.formats == [] and not again.changed


def test_the_columns_a_first_refresh_takes_from_hidden_ones_are_planned_as_shown(tmp_path):
    """Every column right of the table hidden, to the sheet's last: the tool takes the first three
    and shows them, and the dry run says so."""
    path = write_sheets(tmp_path / "jobs.xlsx", HEADERS, {"Applications": ROWS})
    _with_cols(path, '<cols><col min="7" max="16384" width="9" hidden="1"/></cols>')
    edits, after = plan_against_write(path, MONDAY, settings=ME)
    assert edits is not None
    assert {(f.column, f.what) for f in edits.formats} >= {("G", "shown"), ("H", "shown"), ("I", "shown")}
    ws = openpyxl.load_workbook(__import__("io").BytesIO(after))["Applications"]
    assert not any(ws.column_dimensions[c].hidden for c in "GHI")


@pytest.mark.parametrize(("prefix", "content", "last"), [
    (b"", b'<c r="B2"><v>1</v></c><c r="D2" s="3"/>', 4),
    (b"", b'<c r="AB9" t="s"><v>0</v></c>', 28),
    (b"x:", b'<x:c r="C2"><x:v>1</x:v></x:c><x:c r="E2" s="1"></x:c>', 5),
    (b"", b'<c r="E5" t="s"><v>0</v></c><cx r="Z5"/>', 5),        # an element named otherwise is no cell
    (b"", b'<c r="A2"><v>1</v></c><c><v>2</v></c>', None),        # the last cell does not say where it is
    (b"", b"", 0),
])
def test_the_last_cell_of_a_row_is_found_from_its_end(prefix, content, last):
    from followup_sheet.xlsx.sheetedit import CellScanner

    assert CellScanner(prefix).last_column(content) == last
