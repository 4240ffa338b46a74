"""Trackers kept by strangers in English (an Irish warehouse manager moving into planning, a
graduate in Lagos, a nurse back from a career break in Missouri, a designer in Wellington) and
the readings their rows needed (follow-up rules §1-§3, §5, §7): the last contact named by its
verb, a call that gave their news, a run of unanswered calls past an aside, an interview given
only a week or a span, titles and "@" in a contact cell, a source written as a description."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import write_tracker

from followup_sheet.headers import header_fields
from followup_sheet.phrases import first, via
from followup_sheet.pipeline import compute
from followup_sheet.referrals import referral_in
from followup_sheet.settings import Settings

MONDAY = dt.date(2026, 12, 7)
ME = Settings(your_name="Rua Fletcher", your_phone="022 555 0173", country="NZ")
HEADERS = ("Employer", "Job", "Date applied", "Stage", "Contact", "Phone", "Notes")


def _run(tmp_path, rows, headers=HEADERS, settings=ME):
    path = write_tracker(tmp_path / "t.xlsx", [dict(zip(headers, r)) for r in rows], headers=headers)
    outcome = compute(path, settings=settings, today=MONDAY)[0][0]
    return outcome.plan, outcome.scripts


@pytest.mark.parametrize("header", ["Last rang", "Date called", "Last chased", "Last phoned"])
def test_the_last_contact_named_by_its_verb(header):
    fields = header_fields(["Company", "Role", "Applied", header, "Status"], Settings())
    assert fields.get("last_contact") == 3


def test_a_call_that_gave_their_news_needs_no_call_back(tmp_path):
    plan, scripts = _run(tmp_path, [
        # the agent rang and said when she would come back: a conversation, not a call to return
        ("Harakeke Print", "Studio Manager", dt.date(2026, 11, 16), "Applied", "Kiri (Hudson)", "09 555 0101",
         "Kiri rang 3/12 - shortlist being drawn up, she'll come back to me within a fortnight"),
        # a missed call that left news is still returned
        ("Totara Build", "Site Coordinator", dt.date(2026, 11, 16), "Applied", "Ben", "09 555 0102",
         "missed Ben's call 3/12, his vm says they'll decide within a fortnight"),
    ])
    assert not plan.loc[2, "employer_called"]
    assert plan.loc[2, "due"].date() == dt.date(2026, 12, 18)     # the day after December 17
    assert "returning" not in scripts[2]
    assert plan.loc[3, "employer_called"] and "returning" in scripts[3]


def test_unanswered_calls_run_on_past_an_aside(tmp_path):
    plan, _ = _run(tmp_path, [
        ("Rimu Health", "Ward Clerk", dt.date(2026, 11, 9), "Applied", "", "09 555 0103",
         "rang 2/12 no pickup. on earlies all week so hard to ring"),
    ])
    assert plan.loc[2, "retry"]
    assert plan.loc[2, "due"].date() == dt.date(2026, 12, 3)


def test_an_interview_given_only_a_week_or_a_span_is_not_said_as_a_day(tmp_path):
    plan, scripts = _run(tmp_path, [
        ("Kauri Freight", "Planner", dt.date(2026, 11, 10), "Interview", "Mere", "09 555 0104",
         "final round w/c 14 Dec, time tbc"),
        ("Nikau Labs", "Designer", dt.date(2026, 11, 10), "Interview", "Ana", "09 555 0105",
         "1st interview 3/12, 2nd round in 2 wks"),
    ])
    for row in (2, 3):
        assert plan.loc[row, "interview_rough"]
        assert "December 1" not in scripts[row]      # neither the 14th nor the 17th is said
        assert "looking forward to the interview for" in scripts[row]


def test_a_day_alone_after_til_and_a_call_that_reached_nobody():
    from followup_sheet.statements import read_statements
    said = read_statements("Hemi away til the 16th, ring then", dt.date(2026, 12, 2))
    assert [(s.date, s.kind) for s in said] == [(dt.date(2026, 12, 16), "back")]
    # "no answer" owes nobody an answer
    said = read_statements("phoned thurs no answer", dt.date(2026, 12, 2))
    assert all(s.kind != "answer" for s in said)


@pytest.mark.parametrize(("text", "kind"), [
    ("exam results out within 3 wks", "decision"),
    ("they will get back by the 18th", "feedback"),
    ("recruiter will call me back next wk", "feedback"),
    ("I'll get back to Wiremu by Friday", "call_back"),
    ("he'll phone again in a wk", "feedback"),
    ("I'll phone again in a wk", "call_back"),
])
def test_whose_news_a_date_is(text, kind):
    from followup_sheet.statements import read_statements
    said = read_statements(text, dt.date(2026, 12, 2))
    assert [s.kind for s in said] == [kind]


@pytest.mark.parametrize(("contact", "greeted"), [
    ("Engr. Bello", "Engr. Bello"),
    ("Arch. Ifeoma Nwosu", "Arch. Nwosu"),
    ("J. Okafor", "J. Okafor"),
    ("Tola Adebayo", "Tola"),
])
def test_a_shortened_title_before_the_surname_is_kept(contact, greeted):
    assert first(contact) == greeted


def test_a_call_to_an_answerphone_reached_nobody(tmp_path):
    plan, _ = _run(tmp_path, [
        ("Matai Energy", "HR Clerk", dt.date(2026, 11, 9), "Applied", "", "09 555 0109",
         "phoned 1/12 no one picked up. phoned 3/12 went to answerphone. school run all week"),
    ])
    assert plan.loc[2, "retry"] and plan.loc[2, "due"].date() == dt.date(2026, 12, 4)


@pytest.mark.parametrize(("cell", "name"), [("Wiremu - agency (Randstad)", "Wiremu"),
                                            ("Lisa, recruitment consultant", "Lisa")])
def test_an_agency_mark_in_the_contact_cell(cell, name):
    from followup_sheet.contactrole import RECRUITER, contact_role
    assert contact_role(cell) == (name, RECRUITER)


def test_a_contact_at_an_agency_is_greeted_by_name(tmp_path):
    _, scripts = _run(tmp_path, [("Pukeko Media", "Designer", dt.date(2026, 11, 23), "Applied", "Jess @ Robert Half",
                                  "09 555 0106", "")])
    assert "Hi Jess," in scripts[2]
    assert "@" not in scripts[2]


@pytest.mark.parametrize(("source", "said"), [
    ("mate", ""), ("walk in", ""), ("Online portal", ""), ("my cousin", " through my cousin"),
    ("agency - Hudson", " through Hudson"), ("Seek", " through Seek"), ("IrishJobs", " through IrishJobs"),
])
def test_a_source_is_said_only_when_it_names_something(source, said):
    assert via(source) == said


def test_a_word_put_in_is_a_referral_but_not_to_the_one_who_put_it(tmp_path):
    assert referral_in("Tane from the gym put in a good word with the owner")[0] == "Tane"
    plan, _ = _run(tmp_path, [("Kea Tours", "Guide", dt.date(2026, 11, 23), "Applied", "Moana", "09 555 0107",
                               "Moana put a word in for me")])
    assert plan.loc[2, "situation"] != "referral"        # Moana is whom the user calls


def test_a_portfolio_review_is_an_interview(tmp_path):
    plan, scripts = _run(tmp_path, [("Weka Studio", "UI Designer", dt.date(2026, 11, 23), "Portfolio review", "Hine",
                                     "09 555 0108", "portfolio review with Hine on the 10th")])
    assert plan.loc[2, "stage"] == "interviewing"
    assert plan.loc[2, "interview_ahead"].date() == dt.date(2026, 12, 10)


# -- two trial trackers kept as fixtures: the outcomes checked by reading them ---------------------

FIXTURES = Path(__file__).parent / "fixtures"
IE_LOGISTICS = {    # Ireland: text dates day first, "Last rang", a title merged over the header, LibreOffice
    4: ("Due today", dt.date(2026, 12, 7), "competing_interest"),   # "she'll revert early next week" (from 27/11)
    5: ("Waiting", dt.date(2026, 12, 18), "post_interview"),        # 2nd round "in 2 wks" after Thurs 3/12
    6: ("Overdue", dt.date(2026, 11, 12), "autoresponse"),
    7: ("Waiting", dt.date(2026, 12, 14), "competing_interest"),    # Mick on leave til the 14th
    8: ("Closed", None, ""),
    9: ("Waiting", dt.date(2026, 12, 21), "recruiter"),             # Orla rang; back to me in a fortnight
    12: ("Waiting", dt.date(2026, 12, 15), "post_interview"),       # final round w/c 14 Dec
    13: ("Closed", None, ""),                                       # "Ghosted"
    14: ("Overdue", dt.date(2026, 12, 4), "competing_interest"),    # missed Sean's call Thursday
    15: ("Overdue", dt.date(2026, 12, 3), "offer"),                  # answer by the 11th
}
NZ_DESIGNER = {     # New Zealand: a portfolio review, a take-home, an agency, a referral, LibreOffice
    4: ("Waiting", dt.date(2026, 12, 11), "post_interview"),        # portfolio review on the 10th
    6: ("Overdue", dt.date(2026, 11, 9), "autoresponse"),
    7: ("Overdue", dt.date(2026, 11, 27), "referral"),              # Aroha put in a good word
    8: ("Closed", None, ""),
    11: ("Waiting", dt.date(2026, 12, 16), "post_interview"),       # second interview for the 15th
    12: ("Closed", None, ""),                                       # withdrawn
    13: ("Due soon", dt.date(2026, 12, 9), "competing_interest"),   # emailed Liam 30/11
    14: ("Overdue", dt.date(2026, 12, 4), "offer"),
}


@pytest.mark.parametrize(("name", "country", "expected"), [
    ("trial_ie_logistics_libreoffice.xlsx", "IE", IE_LOGISTICS),
    ("trial_nz_designer_libreoffice.xlsx", "NZ", NZ_DESIGNER),
])
def test_the_trial_trackers_read_as_checked(tmp_path, name, country, expected):
    path = shutil.copy(FIXTURES / name, tmp_path / name)
    settings = Settings(your_name="Sam Rivera", your_phone="555-0100", country=country)
    outcome = compute(path, settings=settings, today=MONDAY)[0][0]
    plan, scripts = outcome.plan, outcome.scripts
    for row, (status, due, situation) in expected.items():
        got = plan.loc[row, "due"]
        assert (plan.loc[row, "status"], None if pd.isna(got) else got.date(), plan.loc[row, "situation"]) \
            == (status, due, situation), row
    if country == "IE":
        assert "returning" not in scripts[9]
        assert "December 14" not in scripts[12] and "December 17" not in scripts[5]   # only a week, a span
        assert "returning your call on December 3" in scripts[14]
        assert "answer by December 11" in scripts[15]
        assert "through walk in" not in scripts[11]
    else:
        assert "Aroha referred me" in scripts[7] and "through mate" not in scripts[7]
        assert "Hi Sophie" in scripts[9]
