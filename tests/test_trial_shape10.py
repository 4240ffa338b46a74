"""Trackers of round ten's shapes, refreshed on Monday 2026-12-07 and read row by row: a log of
contacts, one row per event (US); an .xlsm printed in pages, its header repeated on each (Portugal);
rows grouped under merged month rows, saved by LibreOffice, with the news in a rich-text note and
in cell notes (Austria). The outcomes pinned here were checked by reading each row."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from followup_sheet.pipeline import compute, refresh
from followup_sheet.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
MONDAY = dt.date(2026, 12, 7)
D = dt.date

LOG = {
    5: ("Overdue", D(2026, 11, 19), "autoresponse"),
    8: ("Due today", D(2026, 12, 7), "competing_interest"),   # another employer's second interview
    9: ("Closed", None, ""),                                   # 'rejection email' on its newest row
    10: ("Waiting", D(2026, 12, 14), "post_interview"),        # 'decision by Dec 11', rows 2, 4, 7 before
}
PAGES = {
    2: ("Overdue", D(2026, 11, 10), "autoresponse"),
    3: ("Due soon", D(2026, 12, 10), "post_interview"),        # interview 9/12 ahead
    5: ("Closed", None, ""),
    8: ("Waiting", D(2026, 12, 11), "competing_interest"),     # on holiday until 11/12
    9: ("Due soon", D(2026, 12, 9), "offer"),                  # 8/12 is a holiday in Portugal
    10: ("Due soon", D(2026, 12, 10), "referral"),
}
MONTHS = {
    5: ("Closed", None, ""),
    8: ("Waiting", D(2026, 12, 11), "post_interview"),         # second interview 10.12. in a rich-text note
    9: ("Overdue", D(2026, 11, 23), "autoresponse"),
    12: ("Due soon", D(2026, 12, 10), "competing_interest"),   # its news only in a cell note: interview 9.12.
    13: ("Waiting", D(2026, 12, 14), "competing_interest"),    # 'in Urlaub bis 14.12.'
}
SETTINGS = {
    "trial_shape10_contact_log.xlsx": Settings(your_name="Jordan Price", your_phone="918-555-0142", country="US"),
    "trial_shape10_printed_pages.xlsm": Settings(your_name="Inês Carvalho", your_phone="912 345 678", country="PT"),
    "trial_shape10_month_groups_libreoffice.xlsx": Settings(your_name="Lisa Brunner", your_phone="+43 664 1234567",
                                                            country="AT"),
}


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    """Each tracker computed, then refreshed in place once: (outcome, path, the file's bytes before)."""
    out = {}
    for name, settings in SETTINGS.items():
        path = Path(shutil.copy(FIXTURES / name, tmp_path_factory.mktemp("shape10") / name))
        before = path.read_bytes()
        outcome = compute(path, settings=settings, today=MONDAY)[0][0]
        refresh(path, today=MONDAY, settings=settings)
        out[name] = (outcome, path, before)
    return out


def _seen(outcome):
    plan = outcome.plan
    return {row: (plan.at[row, "status"], None if pd.isna(plan.at[row, "due"]) else plan.at[row, "due"].date(),
                  plan.at[row, "situation"]) for row in plan.index}


@pytest.mark.parametrize("name, expected", [
    ("trial_shape10_contact_log.xlsx", LOG),
    ("trial_shape10_printed_pages.xlsm", PAGES),
    ("trial_shape10_month_groups_libreoffice.xlsx", MONTHS),
])
def test_the_shape10_trackers_read_as_checked(refreshed, name, expected):
    seen = _seen(refreshed[name][0])
    for row, outcome in expected.items():
        assert seen[row] == outcome, row


def test_a_contact_log_is_written_on_each_applications_newest_row_only(refreshed):
    outcome, path, _ = refreshed["trial_shape10_contact_log.xlsx"]
    assert sorted(outcome.plan.index) == [5, 8, 9, 10]
    assert "December 11" in outcome.scripts[10] and "Greg" in outcome.scripts[10]
    assert "offer" not in outcome.scripts[8]              # strong interest elsewhere is a second round, no offer
    ws = openpyxl.load_workbook(path)["Contact Log"]
    status = next(c.column for c in ws[1] if c.value == "Follow-up Status")
    written = [r for r in range(2, 11) if ws.cell(r, status).value not in (None, "")]
    assert written == [5, 8, 9, 10]
    assert [ws.cell(r, 5).value for r in (2, 7)] == ["applied online", "2nd interview w/ Greg the hiring manager"]


def test_a_printed_xlsm_keeps_its_macros_and_its_repeated_header(refreshed):
    outcome, path, before = refreshed["trial_shape10_printed_pages.xlsm"]
    assert 7 not in outcome.plan.index and 6 not in outcome.plan.index
    with zipfile.ZipFile(path) as new, zipfile.ZipFile(io.BytesIO(before)) as old:
        assert new.read("xl/vbaProject.bin") == old.read("xl/vbaProject.bin")
        assert b"macroEnabled" in new.read("[Content_Types].xml")
    ws = openpyxl.load_workbook(path)["Candidaturas"]
    assert [c.value for c in ws[7]][:6] == ["Empresa", "Função", "Data candidatura", "Contacto", "Estado",
                                             "Observações"]
    assert all(ws.cell(7, c).value is None for c in range(7, 10))


def test_month_rows_stay_untouched_and_the_cell_notes_survive(refreshed):
    outcome, path, before = refreshed["trial_shape10_month_groups_libreoffice.xlsx"]
    assert not {4, 7, 11} & set(outcome.plan.index)
    ws = openpyxl.load_workbook(path)["Bewerbungen"]
    for row in (4, 7, 11):
        assert all(ws.cell(row, c).value is None for c in range(2, 10))
    assert {str(m) for m in ws.merged_cells.ranges} == {"A4:F4", "A7:F7", "A11:F11"}
    with zipfile.ZipFile(path) as new, zipfile.ZipFile(io.BytesIO(before)) as old:
        assert new.read("xl/comments1.xml") == old.read("xl/comments1.xml")
    assert "Zweitgespräch" not in outcome.scripts[12] and "10. Dezember" in outcome.scripts[8]
