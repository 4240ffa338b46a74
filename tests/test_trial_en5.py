"""Trackers kept by strangers in English (a Canadian nurse, a South African accountant, a
Philippine applicant, an American engineer's monthly sheets, a student) and the readings their
rows needed: a contact's role marked in the contact cell, the user's own later chasers, a stage
said only in the notes, a weekday in a note of a tracker with no last-contact column
(follow-up rules §1-§3, §5, §7)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import write_tracker

from followup_sheet.contactrole import HIRING_MANAGER, HR, RECRUITER, contact_role
from followup_sheet.pipeline import compute
from followup_sheet.settings import Settings

MONDAY = dt.date(2026, 12, 7)
ME = Settings(your_name="Robin Tan", your_phone="555 0142", country="US")
HEADERS = ("Org", "Role", "Applied On", "Status", "Who", "Phone", "Comments")


def _run(tmp_path, rows, settings=ME, today=MONDAY, headers=HEADERS):
    path = write_tracker(tmp_path / "t.xlsx", [dict(zip(headers, r)) for r in rows], headers=headers)
    outcome = compute(path, settings=settings, today=today)[0][0]
    return outcome.plan, outcome.scripts


@pytest.mark.parametrize(("cell", "name", "role"), [
    ("Marisol Vega (HM)", "Marisol Vega", HIRING_MANAGER),
    ("K. Adeyemi - hiring mgr", "K. Adeyemi", HIRING_MANAGER),
    ("Lena Brandt (Teamleiterin)", "Lena Brandt", HIRING_MANAGER),
    ("Oskar, recruiter", "Oskar", RECRUITER),
    ("Wen (TA)", "Wen", RECRUITER),
    ("Claire Martin / chargée de recrutement", "Claire Martin", RECRUITER),
    ("Herr Lutz (Personalabteilung)", "Herr Lutz", HR),
    ("Paula Sousa (RH)", "Paula Sousa", HR),
    ("李经理（用人部门）", "李经理", HIRING_MANAGER),
    ("박지훈 / 채용 담당자", "박지훈", RECRUITER),
])
def test_a_role_marked_beside_a_name_is_the_persons_role(cell, name, role):
    assert contact_role(cell) == (name, role)


@pytest.mark.parametrize("cell", ["Moss, Harriet", "Ana Lima (Randstad)", "Bo Chen, Bright Staffing", "HR",
                                  "Jo (met at career fair)"])
def test_a_name_with_no_role_mark_is_left_as_written(cell):
    assert contact_role(cell) == (cell, "")


def test_the_marked_role_picks_the_script_and_the_name_is_said_without_the_mark(tmp_path):
    plan, scripts = _run(tmp_path, [
        ("Quill Foods", "Buyer", "2026-11-20", "Applied", "Marisol Vega (HM)", "555 0101", ""),
        ("Ravel Ltd", "Buyer", "2026-11-20", "Applied", "K. Adeyemi - hiring mgr", "555 0102", ""),
        ("Sorrel Inc", "Buyer", "2026-11-20", "Applied", "Oskar, recruiter", "555 0103", ""),
        ("Tansy Co", "Buyer", "2026-11-20", "Applied", "Wen (TA)", "555 0104", ""),
    ])
    assert plan.loc[2, "situation"] == "hiring_manager" and plan.loc[3, "situation"] == "hiring_manager"
    assert plan.loc[4, "situation"] == "recruiter" and plan.loc[5, "situation"] == "recruiter"
    assert "Hi Marisol," in scripts[2] and "(HM)" not in scripts[2]
    assert "Hi K. Adeyemi," in scripts[3] and "mgr" not in scripts[3]
    assert "Hi Oskar," in scripts[4] and "someone in" not in scripts[4] and "recruiter about" not in scripts[4]
    assert "Hi Wen," in scripts[5] and "(TA)" not in scripts[5]
