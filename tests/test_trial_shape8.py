"""Trackers shaped unlike a one-row table, refreshed on Monday 2026-12-07 and read row by row: a
header at C6 under a merged title with frozen panes, a filter, a hidden column, grouped rows and a
company merged over two roles; a column per follow-up; the stage said only by the rows' colours and
a legend. The outcomes pinned here were checked by reading each row."""
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
ME = Settings(your_name="Sam Rivera", your_phone="555-0100")
D = dt.date

OFFSET = {
    ("Search", 7): ("Due today", D(2026, 12, 7), "recruiter"),       # the recruiter: chase next week
    ("Search", 8): ("Overdue", D(2026, 11, 23), "check_in"),         # the company merged from C7
    ("Search", 9): ("Overdue", D(2026, 12, 3), "check_in"),          # a missed call: return it
    ("Search", 10): ("Waiting", D(2027, 1, 1), "check_in"),          # a freeze until January
    ("Search", 11): ("Waiting", D(2026, 12, 10), "check_in"),
    ("Search", 12): ("Gone cold", None, ""),                        # a grouped row, October
    ("Search", 14): ("Due soon", D(2026, 12, 9), "check_in"),        # the date in Next step
}
FOLLOW_UP_COLUMNS = {
    ("Tracker", 4): ("Overdue", D(2026, 11, 25), "competing_interest"),   # a voicemail: retried next day
    ("Tracker", 5): ("Overdue", D(2026, 11, 27), "competing_interest"),   # (another employer's offer)
    ("Tracker", 6): ("Gone cold", None, ""),                              # three follow-ups made
    ("Tracker", 7): ("Waiting", D(2026, 12, 10), "post_interview"),
    ("Tracker", 8): ("Closed", None, ""),
    ("Tracker", 9): ("Due soon", D(2026, 12, 9), "recruiter"),
    ("Tracker", 10): ("Due soon", D(2026, 12, 8), "offer"),
}
COLOURS = {
    ("Applications", 2): ("Overdue", D(2026, 12, 3), "post_interview"),   # green: interviewing
    ("Applications", 3): ("Closed", None, ""),                            # red: rejected
    ("Applications", 4): ("Overdue", D(2026, 12, 2), "check_in"),         # amber: waiting to hear
    ("Applications", 5): ("Closed", None, ""),
    ("Applications", 6): ("Due soon", D(2026, 12, 9), "check_in"),
}


def _outcomes(tmp_path, name):
    path = shutil.copy(FIXTURES / name, tmp_path / name)
    seen = {}
    for o in compute(path, settings=ME, today=MONDAY)[0]:
        for row in o.plan.index:
            due = o.plan.loc[row, "due"]
            seen[(o.tracker.sheet, row)] = (o.plan.loc[row, "status"], None if pd.isna(due) else due.date(),
                                           o.plan.loc[row, "situation"], o.scripts.get(row, ""),
                                           o.tracker.frame.loc[row])
    return seen


@pytest.mark.parametrize("name, expected", [
    ("trial_shape8_offset_merged.xlsx", OFFSET),
    ("trial_shape8_follow_up_columns.xlsx", FOLLOW_UP_COLUMNS),
    ("trial_shape8_stage_colours.xlsx", COLOURS),
])
def test_the_shaped_trackers_read_as_checked(tmp_path, name, expected):
    seen = _outcomes(tmp_path, name)
    for key, (status, due, situation) in expected.items():
        assert seen[key][:3] == (status, due, situation), key


def test_what_the_shaped_rows_say(tmp_path):
    offset = _outcomes(tmp_path, "trial_shape8_offset_merged.xlsx")
    assert "Senior Buyer role at Northwind Traders" in offset[("Search", 8)][3]
    assert "returning Ms. Ada Kim's call" in offset[("Search", 9)][3]
    assert not any("strong interest" in v[3] for v in offset.values())   # no offer or final round elsewhere
    chased = _outcomes(tmp_path, "trial_shape8_follow_up_columns.xlsx")
    assert chased[("Tracker", 6)][4]["follow_ups"] == 3
    assert chased[("Tracker", 4)][4]["last_contact"] == pd.Timestamp(2026, 11, 24)
    assert "following up again" in chased[("Tracker", 4)][3]
    assert "I applied for the Copywriter role" in chased[("Tracker", 5)][3]      # no follow-up made yet


def test_the_refresh_keeps_the_layout_around_the_table(tmp_path):
    path = shutil.copy(FIXTURES / "trial_shape8_offset_merged.xlsx", tmp_path / "t.xlsx")
    refresh(path, today=MONDAY, settings=ME, backup=False)
    ws = openpyxl.load_workbook(path)["Search"]
    assert {str(r) for r in ws.merged_cells.ranges} == {"B2:I3", "C7:C8"}
    assert ws["C8"].value is None and ws["C7"].value == "Northwind Traders"
    assert ws.freeze_panes == "D7" and ws.auto_filter.ref == "C6:J14"
    assert ws.column_dimensions["J"].hidden and ws["J7"].value == "42k"
    assert [ws.row_dimensions[r].outlineLevel for r in (12, 13)] == [1, 1]
    assert [ws.cell(6, c).value for c in (11, 12, 13)] == ["Follow-up Status", "Next Follow-up", "Follow-up Script"]
