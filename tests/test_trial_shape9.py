"""Trackers of other shapes, refreshed on Monday 2026-12-07 and read row by row: a chart on the
first sheet and each application over two rows on the second; a Notion export turned .xlsx by
LibreOffice (every cell text, dates with their time of day, a 'Created time' stamp on each record);
a totals row with formulas over a row of merged group labels over the header. The outcomes
pinned here were checked by reading each row."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from followup_sheet.pipeline import compute, refresh
from followup_sheet.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
MONDAY = dt.date(2026, 12, 7)
ME = Settings(your_name="Robin Hale", your_phone="555-0199")
D = dt.date

TWO_ROWS = {
    2: ("Overdue", D(2026, 11, 30), "competing_interest"),   # another employer has a second round
    4: ("Overdue", D(2026, 12, 2), "post_interview"),         # second round on 12/1, in the row below
    6: ("Due soon", D(2026, 12, 9), "recruiter"),             # submitted by the recruiter on 12/2
    8: ("Closed", None, ""),                                  # 'went with someone internal', below
    10: ("Due soon", D(2026, 12, 8), "competing_interest"),
    12: ("Overdue", D(2026, 12, 3), "competing_interest"),
}
NOTION = {
    2: ("Due soon", D(2026, 12, 8), "autoresponse"),
    3: ("Overdue", D(2026, 12, 1), "referral"),
    4: ("Waiting", D(2026, 12, 10), "post_interview"),        # 'December 3, 2026 11:00 AM', decision by Dec 9
    5: ("Gone cold", None, ""),
    6: ("Closed", None, ""),
    7: ("Waiting", D(2026, 12, 11), "recruiter"),
}
GROUPED = {
    4: ("Overdue", D(2026, 12, 2), "competing_interest"),
    6: ("Overdue", D(2026, 12, 2), "competing_interest"),     # a voicemail on 12/1: tried again next day
    7: ("Gone cold", None, ""),
    8: ("Waiting", D(2026, 12, 14), "competing_interest"),    # on leave till 12/14
    9: ("Closed", None, ""),
    11: ("Waiting", D(2026, 12, 10), "hiring_manager"),
}


def _outcomes(tmp_path, name):
    path = shutil.copy(FIXTURES / name, tmp_path / name)
    o = compute(path, settings=ME, today=MONDAY)[0][0]
    seen = {}
    for row in o.plan.index:
        due = o.plan.loc[row, "due"]
        seen[row] = (o.plan.loc[row, "status"], None if pd.isna(due) else due.date(), o.plan.loc[row, "situation"],
                     o.scripts.get(row, ""))
    return o, seen


@pytest.mark.parametrize("name, expected", [
    ("trial_shape9_chart_two_rows.xlsx", TWO_ROWS),
    ("trial_shape9_notion_libreoffice.xlsx", NOTION),
    ("trial_shape9_group_header.xlsx", GROUPED),
])
def test_the_shape9_trackers_read_as_checked(tmp_path, name, expected):
    _, seen = _outcomes(tmp_path, name)
    for row, outcome in expected.items():
        assert seen[row][:3] == outcome, row


def test_the_rows_of_words_are_no_applications_and_stay_untouched(tmp_path):
    o, seen = _outcomes(tmp_path, "trial_shape9_chart_two_rows.xlsx")
    assert sorted(seen) == [2, 4, 6, 8, 10, 12]
    assert "Lee Park" in seen[6][3]
    path = tmp_path / "trial_shape9_chart_two_rows.xlsx"
    refresh(path, today=MONDAY, settings=ME)
    wb = openpyxl.load_workbook(path)
    ws = wb["Apps"]
    status_col = next(c.column for c in ws[1] if c.value == "Follow-up Status")
    for row in (3, 5, 7, 9, 11, 13):
        assert ws.cell(row, status_col).value is None and ws.cell(row, 1).value is None
    assert ws["B5"].value.startswith("2nd round")
    assert wb["Dashboard"]._charts       # the chart on the first sheet is kept


def test_an_export_stamp_makes_no_application_and_no_false_claim(tmp_path):
    o, seen = _outcomes(tmp_path, "trial_shape9_notion_libreoffice.xlsx")
    assert 8 not in seen                                   # a company and its 'Created time' alone
    assert any(s.startswith("Row 8:") for s in o.tracker.skipped_rows)
    assert "Tomas Ek" in seen[3][3]
    assert "Dana" in seen[7][3] and "Apex" not in seen[7][3].split("Dana")[0]
    assert not any("referred" in seen[r][3] for r in (2, 4, 7))     # only Brightwave names a referrer


def test_the_totals_and_group_labels_above_the_header_are_kept(tmp_path):
    path = shutil.copy(FIXTURES / "trial_shape9_group_header.xlsx", tmp_path / "g.xlsx")
    refresh(path, today=MONDAY, settings=ME)
    ws = openpyxl.load_workbook(path)["2026"]
    assert ws["B1"].value == "=COUNTA(A4:A20)" and ws["G1"].value == '=COUNTIF(F4:F20,"Offer")'
    assert {str(r) for r in ws.merged_cells.ranges} == {"A2:C2", "D2:E2", "F2:H2"}
    assert ws["I3"].value == "Follow-up Status" and ws["I2"].value is None
