"""Trackers kept by strangers in English (a hospitality manager in Scotland moving into events, a
US Army veteran writing military dates, a returner over 55 in England writing full sentences) and
the readings their rows needed: a header named by a verb or an adverb ("Last spoke", "Most recent
contact"), a column of stages under a header for something else ("Next step", "Current position"),
dates as the military writes them, a weekday ahead after a past one, a promised call-back day that
is no contact, a soft refusal in Scots, the person the notes name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import status_due_situation

from followup_sheet.headers import header_fields
from followup_sheet.pipeline import compute
from followup_sheet.refusals import refusal
from followup_sheet.settings import Settings
from followup_sheet.statements import read_statements

FIXTURES = Path(__file__).parent / "fixtures"
MONDAY = dt.date(2026, 12, 7)

SCOTLAND = {
    3: ("Overdue", "2026-12-04", "competing_interest"),   # reception said they'd ring back Fri: not a contact
    4: ("Overdue", "2026-12-01", "post_interview"),       # the thank-you; St Andrew's Day is a holiday
    5: ("Overdue", "2026-11-10", "autoresponse"),
    6: ("Due today", "2026-12-07", "competing_interest"),  # HR rang Fri 4/12, missed: call back Monday
    7: ("Closed", None, ""),                                # "Withdrawn" in the Next step column
    8: ("Closed", None, ""),                                # "gone wi someone wi more...": no stage says otherwise
    9: ("Due today", "2026-12-07", "recruiter"),            # "via Hays recruiter - Callum put me forward"
    10: ("Waiting", "2026-12-11", "post_interview"),        # 2nd interview on Thurs (Dec 10) still ahead
    11: ("Due soon", "2026-12-08", "competing_interest"),
    13: ("Overdue", "2026-11-24", "offer"),
    14: ("Overdue", "2026-11-02", "competing_interest"),
    15: ("Waiting", "2026-12-14", "competing_interest"),    # Kirsty off til 14 Dec
}
VETERAN = {
    3: ("Overdue", "2026-11-23", "competing_interest"),   # "call back Mon" after 20NOV26
    4: ("Waiting", "2026-12-14", "post_interview"),       # decision NLT 11DEC26
    5: ("Waiting", "2026-12-10", "competing_interest"),   # "Referred" on USAJOBS names no referrer
    6: ("Overdue", "2026-12-03", "recruiter"),            # "VM left 02DEC26": retried the next day
    7: ("Overdue", "2026-11-19", "competing_interest"),
    8: ("Closed", None, ""),
    9: ("Overdue", "2026-12-03", "offer"),
    10: ("Due today", "2026-12-07", "competing_interest"),  # Denise (HR rep) called 04DEC26
    13: ("Overdue", "2026-12-03", "autoresponse"),        # Thanksgiving skipped
    14: ("Closed", None, ""),
}
RETURNER = {
    4: ("Overdue", "2026-11-23", "autoresponse"),
    5: ("Closed", None, ""),                              # "Unsuccessful" under "Current position"
    7: ("Waiting", "2026-12-10", "post_interview"),       # second interview on Wednesday 9th December
    9: ("Due today", "2026-12-07", "competing_interest"),  # Mr Pike's secretary telephoned on 4th December
    12: ("Waiting", "2027-01-04", "competing_interest"),  # postponed until the new year
    13: ("Waiting", "2026-12-10", "hiring_manager"),      # Mr Desmond Fry on leave until 10th December
}


@pytest.mark.parametrize("name, settings, expected", [
    ("trial_en7_scotland.xlsx", {"country": "GB-SCT", "your_name": "Morag Keir", "your_phone": "0131 555 0199"},
     SCOTLAND),
    ("trial_en7_veteran.xlsx", {"country": "US", "your_name": "Travis Okafor", "your_phone": "910-555-0123"}, VETERAN),
    ("trial_en7_returner_libreoffice.xlsx", {"country": "GB", "your_name": "Margaret Ellison"}, RETURNER),
])
def test_the_strangers_trackers_read_as_checked(name, settings, expected):
    outs, _, _ = compute(FIXTURES / name, today=MONDAY, **settings)
    plan = outs[0].plan
    got = status_due_situation(plan, expected)
    assert got == expected


def test_the_scripts_greet_whom_the_notes_name_and_claim_nothing_else():
    outs, _, _ = compute(FIXTURES / "trial_en7_scotland.xlsx", today=MONDAY, country="GB-SCT")
    scripts, why = outs[0].scripts, outs[0].plan["why"]
    assert "Hi Morag" in scripts[4] and "Hi Kirsty" in scripts[15]
    assert "Callum" in scripts[9] and "referred" not in scripts[9]      # the agency's recruiter put me forward
    assert "agency ← Comments, H9" in why[9]                            # read from the notes, not the empty Who cell
    assert "last contact Dec 4" not in why[3]                            # their promise to ring Friday
    assert "December 10" in scripts[10]
    outs, _, _ = compute(FIXTURES / "trial_en7_veteran.xlsx", today=MONDAY, country="US")
    scripts = outs[0].scripts
    assert "Denise" in scripts[10] and "returning" in scripts[10]
    assert "referred" not in scripts[5].lower()
    outs, _, _ = compute(FIXTURES / "trial_en7_returner_libreoffice.xlsx", today=MONDAY, country="GB")
    scripts = outs[0].scripts
    assert "Hi Gillian" in scripts[6] and "Mr Fry" in scripts[13] and "returning" in scripts[9]


@pytest.mark.parametrize("header, field", [
    ("Last spoke", "last_contact"), ("Date spoke", "last_contact"), ("Most recent contact", "last_contact"),
    ("Current status", "stage"), ("Spoke to", "contact"), ("Person I spoke with", "contact"),
])
def test_headers_as_people_word_them(header, field):
    fields = header_fields(["Employer", "Role", "Applied", header], Settings())
    assert fields.get(field) == 3


@pytest.mark.parametrize("note, day, kind", [
    ("DD-214 emailed 18NOV26, panel 09Dec26", dt.date(2026, 12, 9), "interview"),
    ("offer 04DEC26, answer NLT 14DEC2026", dt.date(2026, 12, 14), "answer"),
    ("2nd interview on Thurs", dt.date(2026, 12, 10), "interview"),
    ("booked na on 12/15 10am", dt.date(2026, 12, 15), "date"),
    ("hiring paused until the new year", dt.date(2027, 1, 1), "hold"),
])
def test_dates_as_strangers_write_them(note, day, kind):
    said = read_statements(note, dt.date(2026, 12, 3), False, ("en",))
    assert (said[-1].date, said[-1].kind if kind != "date" else "date") == (day, kind)


def test_a_choice_of_someone_else_with_with_as_notes_write_it():
    assert refusal("they went wi another candidate")
    assert refusal("gone w someone else")
    assert not refusal("I went wi the other offer")


# --- found on the held-out tracker (a teacher in Jamaica applying to schools in England), fixed after
# counting it ---------------------------------------------------------------------------------------

def test_a_number_column_and_a_column_of_days_heard_back():
    fields = header_fields(["School", "Post", "Sent", "Person", "Contact no."], Settings())
    assert fields.get("contact") == 3 and fields.get("contact_phone") == 4
    outs, _, _ = compute(FIXTURES / "trial_en7_jamaica_heldout.xlsx", today=MONDAY, country="JM")
    tracker, scripts = outs[0].tracker, outs[0].scripts
    assert tracker.columns["last_contact"].header == "Heard back"
    assert "Mr Dawes" in scripts[13] and "Ms Patel" in scripts[11] and "+44" not in scripts[11]
    assert "Mrs Okonkwo" in scripts[4]


def test_their_promised_call_is_not_the_day_they_called():
    outs, _, _ = compute(FIXTURES / "trial_en7_jamaica_heldout.xlsx", today=MONDAY, country="JM")
    plan, scripts = outs[0].plan, outs[0].scripts
    assert plan.at[6, "employer_called_on"].date() == dt.date(2026, 12, 2)     # "Leon called me Wed 2/12"
    assert "December 3" not in scripts[6]


def test_a_referrer_named_before_a_relative_clause():
    from followup_sheet.referrals import referral_in
    assert referral_in("my cousin Delroy Hinds who works in their IT team put in a good word")[0] == "Delroy Hinds"
    assert referral_in("Keisha that I taught with referred me")[0] == "Keisha"


# --- found on the second held-out tracker (a store manager in Texas moving into logistics) -----------

TEXAS = {
    2: ("Overdue", "2026-12-04", "competing_interest"),   # the front desk said the HM would call back tmrw
    3: ("Waiting", "2026-12-11", "post_interview"),       # onsite scheduled Thu 12/10
    4: ("Closed", None, ""),
    5: ("Overdue", "2026-12-01", "competing_interest"),   # Thanksgiving skipped
    6: ("Overdue", "2026-12-03", "post_interview"),       # the thank-you after the 2nd interview
    7: ("Due soon", "2026-12-08", "offer"),
    9: ("Due soon", "2026-12-09", "referral"),
    10: ("Due today", "2026-12-07", "competing_interest"),  # HR called back Fri while at work
    11: ("Waiting", "2027-01-04", "competing_interest"),    # check back after the 1st of the year
}


def test_the_second_held_out_tracker_as_checked():
    outs, _, _ = compute(FIXTURES / "trial_en7_texas_heldout.xlsx", today=MONDAY, country="US")
    plan, scripts = outs[0].plan, outs[0].scripts
    got = status_due_situation(plan, TEXAS)
    assert got == TEXAS
    assert "answer by December 9" in scripts[7]          # "need to give answer by Weds" after the offer of 12/4
    assert "Marcus Lee" in scripts[9]
