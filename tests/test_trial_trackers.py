"""Two trackers kept as strangers keep them, checked row by row by reading what their cells say
(follow-up rules §1-§7): a British career changer's (day-first dates typed as text, a title row, a
merged cell, the notes in British English) and an American's weekly log saved through LibreOffice
(no status or last-contact column: one column of notes per week). Pinned here: each row's status,
next date and kind of script, and that no script claims what its row does not hold."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from followup_sheet.pipeline import compute
from followup_sheet.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
MONDAY = dt.date(2026, 12, 7)
ME = Settings(your_name="Sam Doe", your_phone="555 0100")

UK = {   # row: (status, next date, situation)
    4: ("Overdue", dt.date(2026, 12, 3), "competing_interest"),     # chased by e-mail 24/11, 7 business days
    6: ("Overdue", dt.date(2026, 11, 23), "autoresponse"),          # only the automated acknowledgement
    7: ("Overdue", dt.date(2026, 12, 2), "post_interview"),         # first interview 01/12: the thank-you
    8: ("Overdue", dt.date(2026, 11, 30), "competing_interest"),    # Amira rang 27/11, missed: call her back
    9: ("Due soon", dt.date(2026, 12, 9), "recruiter"),
    10: ("Closed", None, ""),                                       # "Unsuccessful"
    12: ("Overdue", dt.date(2026, 11, 30), "offer"),                # offered 26/11, my answer by 11 Dec
    13: ("Gone cold", None, ""),
    15: ("Waiting", dt.date(2026, 12, 17), "post_interview"),       # assessment centre 16 Dec: thanks after it
}
LOG = {
    3: ("Waiting", dt.date(2026, 12, 10), "post_interview"),        # phone screen set for 12/9: no call before
    4: ("Closed", None, ""),                                        # rejection e-mail, filled internally
    6: ("Waiting", dt.date(2026, 12, 15), "competing_interest"),    # three voicemails: the next is an e-mail
    7: ("Waiting", dt.date(2026, 12, 14), "competing_interest"),    # they decide by 12/11
    8: ("Overdue", dt.date(2026, 12, 2), "competing_interest"),     # applied 11/24: 5 business days, Thanksgiving out
    9: ("Waiting", dt.date(2026, 12, 10), "offer"),                 # offer coming, in writing by 12/10
}


def _outcome(name: str, country: str):
    outcomes, _, _ = compute(FIXTURES / name, settings=ME.replace(country=country), today=MONDAY)
    return outcomes[0]


@pytest.mark.parametrize(("name", "country", "expected"), [
    ("trial_uk_career_change.xlsx", "GB", UK), ("trial_us_weekly_log_libreoffice.xlsx", "US", LOG)])
def test_each_row_gets_the_status_date_and_script_its_cells_call_for(name, country, expected):
    o = _outcome(name, country)
    for row, (status, due, situation) in expected.items():
        got = o.plan.loc[row]
        assert (got["status"], None if got["due"] != got["due"] else got["due"].date(), got["situation"]) \
            == (status, due, situation), f"row {row}"


def test_rows_that_are_no_applications_get_nothing():
    assert 14 not in _outcome("trial_uk_career_change.xlsx", "GB").plan.index         # a company alone
    assert 10 not in _outcome("trial_us_weekly_log_libreoffice.xlsx", "US").plan.index


def test_the_british_scripts_claim_nothing_the_rows_do_not_hold():
    o = _outcome("trial_uk_career_change.xlsx", "GB")
    scripts = o.scripts
    assert all("written offer and" not in s for s in scripts)        # Vantage's offer is pending references
    assert [r for r, s in scripts.items() if "automatic reply" in s] == [6]
    assert "looking forward to the interview" not in scripts[7]      # held on 01/12; the 11th is their news
    assert "December 11" in scripts[7] and "December 11" in scripts[12]
    assert "When would you like my answer" not in scripts[12]        # the notes say it: by Friday 11 Dec
    assert "returning" in scripts[8] and "November 27" in scripts[8]
    assert "confidential" not in scripts[9]
    assert "Sophie" in scripts[4] and "Dr Ellis" in scripts[15]


def test_the_log_scripts_claim_nothing_the_rows_do_not_hold():
    o = _outcome("trial_us_weekly_log_libreoffice.xlsx", "US")
    assert not o.plan["autoresponse"].drop(3).any()                   # only Orbit's log says "auto ack"
    assert o.plan.loc[7, "decision_on"].date() == dt.date(2026, 12, 11)
    assert o.tracker.frame.loc[7, "last_contact"].date() == dt.date(2026, 11, 30)   # the newest log entry
