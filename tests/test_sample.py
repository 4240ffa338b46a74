"""The sample tracker: the committed file is what its generator makes, and on any day the rules
give every status and every script situation, each on the row meant to show it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from followup_sheet.cli import sample_main as main
from followup_sheet.sample import HEADERS, REFERENCE_DATE, ROWS, STAGES, build_sample, timeline
from followup_sheet.settings import Settings

COMMITTED = Path(__file__).resolve().parents[1] / "sample_tracker.xlsx"
STATUSES = ("Closed", "Not applied", "Check data", "Gone cold", "Overdue", "Due today", "Due soon", "Waiting")
SCRIPTED = ("Overdue", "Due today", "Due soon", "Waiting")
SITUATIONS = ("post_interview", "offer", "recruiter", "referral", "hiring_manager", "autoresponse",
              "competing_interest", "check_in")
PLAN_DAYS = [
    REFERENCE_DATE,                 # Thursday
    dt.date(2026, 11, 27),          # Friday
    dt.date(2026, 11, 28),          # Saturday
    dt.date(2026, 11, 29),          # Sunday
    dt.date(2026, 11, 30),          # Monday
    dt.date(2027, 3, 17),           # Wednesday
]
EVERY_DAY = [REFERENCE_DATE + dt.timedelta(days=n) for n in range(21)] + [dt.date(2027, 2, 28)]


def _snapshot(path: Path) -> dict:
    """What a user sees in the workbook, flat: values, formats, styles, validations, widths, panes."""
    wb = openpyxl.load_workbook(path)
    shot = {"sheets": wb.sheetnames, "created": wb.properties.created, "modified": wb.properties.modified}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                font, fill, alignment = cell.font, cell.fill, cell.alignment
                shot[ws.title, cell.coordinate] = (
                    cell.value, cell.number_format, font.name, font.sz, font.b,
                    font.color.value if font.color else None, fill.fill_type, fill.fgColor.value,
                    alignment.vertical, alignment.wrap_text)
        shot[ws.title, "widths"] = {letter: dim.width for letter, dim in ws.column_dimensions.items()}
        shot[ws.title, "validations"] = sorted((dv.type, dv.formula1, str(dv.sqref), dv.allow_blank)
                                               for dv in ws.data_validations.dataValidation)
        shot[ws.title, "panes"] = (ws.freeze_panes, ws.auto_filter.ref)
    return shot


def test_committed_sample_matches_generator(tmp_path):
    fresh = _snapshot(build_sample(tmp_path / "sample.xlsx"))
    committed = _snapshot(COMMITTED)
    differences = [f"{key}: committed {committed.get(key)!r}, generated {fresh.get(key)!r}"
                   for key in sorted(set(committed) | set(fresh), key=str)
                   if committed.get(key) != fresh.get(key)]
    assert not differences, (
        "sample_tracker.xlsx is stale; run `python -m followup_sheet.sample` in the repository root\n"
        + "\n".join(differences[:10]))


def test_generator_is_reproducible(tmp_path):
    first = build_sample(tmp_path / "first.xlsx")
    assert main([str(tmp_path / "second.xlsx")]) == 0
    assert first.read_bytes() == (tmp_path / "second.xlsx").read_bytes()


def test_workbook_layout(tmp_path):
    wb = openpyxl.load_workbook(build_sample(tmp_path / "sample.xlsx"))
    assert wb.sheetnames == ["Applications", "Lists"]
    sheet, lists = wb["Applications"], wb["Lists"]
    assert tuple(cell.value for cell in sheet[1]) == HEADERS
    assert all(cell.font.b and cell.fill.fill_type == "solid" for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == len(ROWS) + 1
    for letter in "CDP":
        assert {cell.number_format for cell in sheet[letter][1:]} == {"mm/dd/yyyy"}
    assert sheet["Q2"].value == '=IF(C2="","",TODAY()-C2)'
    assert [cell.value for cell in lists["A"][1:]] == list(STAGES)
    status_list = [dv for dv in sheet.data_validations.dataValidation if "F2" in str(dv.sqref)]
    assert len(status_list) == 1 and status_list[0].type == "list"
    assert status_list[0].formula1 == f"Lists!$A$2:$A${len(STAGES) + 1}"


def test_row_table_covers_every_status_and_situation():
    assert 24 <= len(ROWS) <= 30
    assert {row.status for row in ROWS} == set(STATUSES)
    scripted = [row for row in ROWS if row.status in SCRIPTED]
    assert {row.situation for row in scripted} == set(SITUATIONS)
    assert all(row.situation == "" for row in ROWS if row.status not in SCRIPTED)
    assert any(row.no_calls for row in scripted)
    stages = {row.stage for row in ROWS}
    assert {"Applied", "Interviewing", "Phone screen", "Rejected", "Offer", "Wishlist", "Ghosted"} <= stages
    assert stages <= set(STAGES)
    overdue = [row.due for row in ROWS if row.status == "Overdue"]
    assert len(set(overdue)) >= 4, "Today needs several rows, overdue by different amounts"
    assert sum(row.status == "Due today" for row in ROWS) >= 2


def test_contact_details_are_fictional():
    for row in ROWS:
        assert not row.phone or row.phone[-8:-2] == "555-01", row.phone
        assert not row.email or row.email.endswith(".example"), row.email


@pytest.mark.parametrize("today", EVERY_DAY, ids=str)
def test_dates_keep_each_row_on_its_status(today):
    """The timing part of the rules (§3-§4) on the generator's own dates, day by day."""
    settings = Settings()
    day = np.datetime64(today, "D")
    soon_limits = [np.busday_offset(day, settings.soon_window, roll=roll).item()
                   for roll in ("backward", "forward")]
    for row in ROWS:
        dates = timeline(row, today)
        where = f"{row.company} / {row.position} on {today:%a %Y-%m-%d}"
        known = [d for d in (dates.applied, dates.last_contact) if d is not None]
        assert all(d <= today for d in known), f"{where}: a date in the future"
        if row.status == "Check data":
            assert not known, where
        elif row.status in SCRIPTED + ("Gone cold",):
            assert known and dates.due >= max(known), where
        if dates.pinned is not None and known and dates.pinned < max(known):
            assert dates.due != dates.pinned, f"{where}: a stale pin must not set the date"
        if row.status == "Overdue":
            assert dates.due < today, where
        elif row.status == "Due today":
            assert dates.due == today, where
        elif row.status == "Due soon":
            assert today < dates.due <= min(soon_limits), where
        elif row.status == "Waiting":
            assert dates.due > max(soon_limits), where
        elif row.status == "Gone cold":
            assert dates.due <= today and row.follow_ups >= settings.max_follow_ups, where


@pytest.mark.parametrize("today", PLAN_DAYS, ids=str)
def test_plan_shows_every_status_and_situation(today, tmp_path):
    from followup_sheet.plan import build_plan
    from followup_sheet.read import read_tracker

    tracker = read_tracker(build_sample(tmp_path / "sample.xlsx", today))
    plan = build_plan(tracker.frame, today=today, settings=Settings())

    assert len(plan) == len(ROWS)
    wrong = []
    for row, (_, got) in zip(ROWS, plan.iterrows()):
        expected = {"status": row.status}
        if row.status in SCRIPTED:
            expected["situation"] = row.situation
            # rules §5: e-mail when calls are off, or with an address and no number
            expected["channel"] = "email" if row.no_calls or (row.email and not row.phone) else "call"
            expected["due"] = timeline(row, today).due
        actual = {"status": got["status"], "situation": got["situation"], "channel": got["channel"],
                  "due": pd.Timestamp(got["due"]).date() if pd.notna(got["due"]) else None}
        for key, value in expected.items():
            if actual[key] != value:
                wrong.append(f"{row.company} / {row.position}: {key} {actual[key]!r}, expected {value!r}")
    assert not wrong, f"on {today:%a %Y-%m-%d}:\n" + "\n".join(wrong)

    assert set(plan["status"]) == set(STATUSES)
    assert set(plan.loc[plan["status"].isin(SCRIPTED), "situation"]) == set(SITUATIONS)
