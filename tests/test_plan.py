"""Plan stage: the rules (docs: follow-up rules §2-§6) as tables of hand-worked cases.

Every case runs on TODAY = Thursday 2026-11-26. The calendar around it:

        November 2026                 December 2026
    Mo Tu We Th Fr Sa Su          Mo Tu We Th Fr Sa Su
                       1              1  2  3  4  5  6
     2  3  4  5  6  7  8
     9 10 11 12 13 14 15
    16 17 18 19 20 21 22
    23 24 25 26 27 28 29
    30

"+N bd" below means N business days (Mon-Fri) later. With the default soon_window of 2, "Due
soon" reaches Thu 26 +2 bd = Fri 27 (1), Mon 30 (2) -> up to and including Mon 11-30.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import TODAY, canonical_frame

from followup_sheet.plan import build_plan, classify_stage, today_order
from followup_sheet.settings import Settings

APPLIED = {"company": "Acme", "position": "Planner", "stage": "Applied"}


def _plan(rows, settings=None, today=TODAY):
    frame = canonical_frame(rows)
    return frame, build_plan(frame, today, settings or Settings())


def _day(text):
    return None if text is None else pd.Timestamp(text)


def row(**fields):
    return {**APPLIED, **fields}


# (row fields, settings overrides, expected status, expected Next Follow-up or None)
STATUS_CASES = [
    # --- precedence: Closed, Not applied and Check data come first -----------------------------
    pytest.param(row(stage="Rejected", applied_on="2026-11-16"), {}, "Closed", None, id="closed"),
    pytest.param(row(stage="Rejected"), {}, "Closed", None, id="closed-without-any-date"),
    pytest.param(row(stage="Applied", response="Not moving forward", applied_on="2026-11-16"), {},
                 "Closed", None, id="closed-by-response-text"),
    pytest.param(row(stage="Rejected", applied_on="2026-11-16", problem="Row 2: bad date"), {},
                 "Closed", None, id="closed-beats-check-data"),
    pytest.param(row(stage="Wishlist"), {}, "Not applied", None, id="not-applied"),
    pytest.param(row(stage="Saved", applied_on="2026-11-02"), {}, "Not applied", None,
                 id="not-applied-with-a-date"),
    pytest.param(row(), {}, "Check data", None, id="check-data-no-date"),
    pytest.param(row(pinned="2026-11-30"), {}, "Check data", None, id="check-data-only-a-pinned-date"),
    pytest.param(row(applied_on="2026-11-19", problem="Row 2: 'Last Contact' (D2) is 'soon'"), {},
                 "Check data", None, id="check-data-unreadable-date-beats-due-today"),
    # --- Gone cold: applied stage, follow_ups >= 3 and today >= due -----------------------------
    # base Tue 11-10, 3 follow-ups -> repeat gap 7: Tue 11-10 +7 bd = Thu 11-19 < today
    pytest.param(row(applied_on="2026-10-01", last_contact="2026-11-10", follow_ups=3), {},
                 "Gone cold", None, id="gone-cold"),
    # base Tue 11-17 +7 bd = Wed18 Thu19 Fri20 Mon23 Tue24 Wed25 Thu26 = today -> today >= due
    pytest.param(row(applied_on="2026-10-01", last_contact="2026-11-17", follow_ups=3), {},
                 "Gone cold", None, id="gone-cold-on-the-due-day"),
    pytest.param(row(applied_on="2026-10-01", last_contact="2026-11-10", follow_ups=4), {},
                 "Gone cold", None, id="gone-cold-above-the-cap"),
    # base Wed 11-18 +7 bd = Thu19 Fri20 Mon23 Tue24 Wed25 Thu26 Fri27 -> not yet due
    pytest.param(row(applied_on="2026-10-01", last_contact="2026-11-18", follow_ups=3), {},
                 "Due soon", "2026-11-27", id="capped-but-not-yet-due"),
    pytest.param(row(applied_on="2026-10-01", last_contact="2026-11-10", follow_ups=2), {},
                 "Overdue", "2026-11-19", id="two-follow-ups-is-not-cold"),
    # --- Overdue / Due today / Due soon / Waiting (first follow-up: +5 bd) ----------------------
    # Mon 11-16 +5 bd = Mon 11-23 < today
    pytest.param(row(applied_on="2026-11-16"), {}, "Overdue", "2026-11-23", id="overdue"),
    # Wed 11-18 +5 bd = Thu19 Fri20 Mon23 Tue24 Wed25 -> yesterday
    pytest.param(row(applied_on="2026-11-18"), {}, "Overdue", "2026-11-25", id="overdue-by-one-day"),
    # Thu 11-19 +5 bd = Thu 11-26
    pytest.param(row(applied_on="2026-11-19"), {}, "Due today", "2026-11-26", id="due-today"),
    # applied on a Friday: Fri 11-20 +5 bd = Mon23 Tue24 Wed25 Thu26 Fri27
    pytest.param(row(applied_on="2026-11-20"), {}, "Due soon", "2026-11-27", id="applied-friday-due-soon"),
    # Mon 11-23 +5 bd = Mon 11-30 = today +2 bd: the last day of the window
    pytest.param(row(applied_on="2026-11-23"), {}, "Due soon", "2026-11-30", id="due-soon-last-day-of-window"),
    # Tue 11-24 +5 bd = Tue 12-01 = today +3 bd
    pytest.param(row(applied_on="2026-11-24"), {}, "Waiting", "2026-12-01", id="waiting-first-day-after-window"),
    pytest.param(row(applied_on="2026-11-26"), {}, "Waiting", "2026-12-03", id="waiting-applied-today"),
    # --- business days ------------------------------------------------------------------------
    # Fri 11-13 +5 bd = Fri 11-20
    pytest.param(row(applied_on="2026-11-13"), {}, "Overdue", "2026-11-20", id="applied-friday-plus-a-week"),
    # Sat 11-14 rolls forward to Mon 11-16, +5 bd = Mon 11-23
    pytest.param(row(applied_on="2026-11-14"), {}, "Overdue", "2026-11-23", id="saturday-base-rolls-forward"),
    # Sun 11-22 rolls forward to Mon 11-23, +5 bd = Mon 11-30 (not Fri 11-27)
    pytest.param(row(applied_on="2026-11-22"), {}, "Due soon", "2026-11-30", id="sunday-base-rolls-forward"),
    # holiday Wed 11-25: Thu 11-19 + Fri20 Mon23 Tue24 (Wed25) Thu26 Fri27 = Fri 11-27
    pytest.param(row(applied_on="2026-11-19"), {"holidays": (dt.date(2026, 11, 25),)},
                 "Due soon", "2026-11-27", id="holiday-inside-the-gap"),
    # holiday Mon 11-16 = the base: rolls to Tue 11-17, +5 bd = Tue 11-24
    pytest.param(row(applied_on="2026-11-16"), {"holidays": (dt.date(2026, 11, 16),)},
                 "Overdue", "2026-11-24", id="holiday-on-the-base-day"),
    # holiday Fri 11-27: Mon 11-23 + Tue24 Wed25 Thu26 (Fri27) Mon30 Tue1 = Tue 12-01;
    # the window also skips it: Thu26 + Mon30 (1), Tue 12-01 (2) -> still Due soon
    pytest.param(row(applied_on="2026-11-23"), {"holidays": (dt.date(2026, 11, 27),)},
                 "Due soon", "2026-12-01", id="holiday-inside-the-soon-window"),
    # the time of day is dropped: Thu 11-19 17:45 +5 bd = Thu 11-26
    pytest.param(row(applied_on=dt.datetime(2026, 11, 19, 17, 45)), {}, "Due today", "2026-11-26",
                 id="time-of-day-dropped"),
    # base is the later of applied_on and last_contact: last contact Fri 11-20, 1 follow-up by
    # default -> +7 bd = Mon23 Tue24 Wed25 Thu26 Fri27 Mon30 Tue1
    pytest.param(row(applied_on="2026-11-02", last_contact="2026-11-20"), {}, "Waiting", "2026-12-01",
                 id="base-is-last-contact"),
    # --- follow_ups: from the column, or 0/1 by last contact; first_gap vs repeat_gap ----------
    # no count, contact after applying -> 1 -> repeat gap: Tue 11-17 +7 bd = Thu 11-26
    # (with the first gap it would be Tue 11-24, Overdue)
    pytest.param(row(applied_on="2026-11-02", last_contact="2026-11-17"), {}, "Due today", "2026-11-26",
                 id="default-count-one-after-contact"),
    # contact on the day of applying is not "after": 0 -> Thu 11-19 +5 bd = Thu 11-26
    # (the repeat gap would give Mon 11-30)
    pytest.param(row(applied_on="2026-11-19", last_contact="2026-11-19"), {}, "Due today", "2026-11-26",
                 id="contact-same-day-counts-zero"),
    # contact before applying: 0, and the base stays Thu 11-19 -> Thu 11-26
    pytest.param(row(applied_on="2026-11-19", last_contact="2026-11-13"), {}, "Due today", "2026-11-26",
                 id="contact-before-applying-counts-zero"),
    # the column says 0 although there was contact: first gap from Thu 11-19 = Thu 11-26
    pytest.param(row(applied_on="2026-11-02", last_contact="2026-11-19", follow_ups=0), {},
                 "Due today", "2026-11-26", id="column-zero-wins-over-contact"),
    # the column says 2, no last contact: repeat gap from Tue 11-17 = Thu 11-26 (first gap: Tue 24)
    pytest.param(row(applied_on="2026-11-17", follow_ups=2), {}, "Due today", "2026-11-26",
                 id="column-two-uses-repeat-gap"),
    pytest.param(row(applied_on="2026-11-17", follow_ups=1), {}, "Due today", "2026-11-26",
                 id="column-one-uses-repeat-gap"),
    # --- interviewing and offer gaps ------------------------------------------------------------
    # interviewing: Tue 11-24 +2 bd = Wed25 Thu26
    pytest.param(row(stage="Interview scheduled", applied_on="2026-11-02", last_contact="2026-11-24"), {},
                 "Due today", "2026-11-26", id="interview-gap"),
    # a screen held on Tue 11-24 with no follow-up yet: the thank-you is due the next business day
    pytest.param(row(stage="Phone screen", applied_on="2026-11-24"), {}, "Overdue", "2026-11-25",
                 id="thank-you-after-a-held-screen"),
    # offer: Mon 11-23 +2 bd = Tue24 Wed25 -> yesterday
    pytest.param(row(stage="Offer", applied_on="2026-11-02", last_contact="2026-11-23"), {},
                 "Overdue", "2026-11-25", id="offer-gap"),
    # interview_gap 4: Mon 11-23 + Tue24 Wed25 Thu26 Fri27
    pytest.param(row(stage="Interviewing", applied_on="2026-11-02", last_contact="2026-11-23"),
                 {"interview_gap": 4}, "Due soon", "2026-11-27", id="interview-gap-setting"),
    # offer_gap 1: Wed 11-25 + Thu26
    pytest.param(row(stage="Offer", applied_on="2026-11-02", last_contact="2026-11-25"),
                 {"offer_gap": 1}, "Due today", "2026-11-26", id="offer-gap-setting"),
    # first_gap 3: Mon 11-23 + Tue24 Wed25 Thu26
    pytest.param(row(applied_on="2026-11-23"), {"first_gap": 3}, "Due today", "2026-11-26",
                 id="first-gap-setting"),
    # repeat_gap 2, one follow-up: Tue 11-24 + Wed25 Thu26
    pytest.param(row(applied_on="2026-11-24", follow_ups=1), {"repeat_gap": 2}, "Due today", "2026-11-26",
                 id="repeat-gap-setting"),
    # --- max_follow_ups caps the applied stage; max_interview_follow_ups the interviews -------
    # 5 follow-ups while interviewing: Mon 11-23 +2 bd = Wed 11-25, past the interview cap of 3
    pytest.param(row(stage="Interviewing", applied_on="2026-10-01", last_contact="2026-11-23", follow_ups=5),
                 {}, "Gone cold", None, id="interview-cap"),
    pytest.param(row(stage="Interviewing", applied_on="2026-10-01", last_contact="2026-11-23", follow_ups=5),
                 {"max_interview_follow_ups": 6}, "Overdue", "2026-11-25", id="interview-cap-setting"),
    # 3 follow-ups at offer: Fri 11-20 +2 bd = Mon23 Tue24
    pytest.param(row(stage="Offer extended", applied_on="2026-10-01", last_contact="2026-11-20", follow_ups=3),
                 {}, "Overdue", "2026-11-24", id="cap-ignores-offer"),
    pytest.param(row(applied_on="2026-10-01", last_contact="2026-11-10", follow_ups=3), {"max_follow_ups": 5},
                 "Overdue", "2026-11-19", id="max-follow-ups-setting-raised"),
    # contact after applying counts 1 = the cap of 1; Tue 11-10 +7 bd = Thu 11-19 <= today
    pytest.param(row(applied_on="2026-10-01", last_contact="2026-11-10"), {"max_follow_ups": 1},
                 "Gone cold", None, id="max-follow-ups-setting-lowered"),
    # --- pinned dates -----------------------------------------------------------------------------
    # pinned Mon 11-30 >= base Mon 11-16: used instead of the cadence's Mon 11-23
    pytest.param(row(applied_on="2026-11-16", pinned="2026-11-30"), {}, "Due soon", "2026-11-30",
                 id="pinned-after-base-used"),
    pytest.param(row(applied_on="2026-11-16", pinned="2026-12-15"), {}, "Waiting", "2026-12-15",
                 id="pinned-far-ahead"),
    # pinned earlier than the cadence would say, but after the base: still the pinned day
    pytest.param(row(applied_on="2026-11-16", pinned="2026-11-17"), {}, "Overdue", "2026-11-17",
                 id="pinned-before-cadence-after-base"),
    # pinned on the base day itself counts ("on or after")
    pytest.param(row(applied_on="2026-11-26", pinned="2026-11-26"), {}, "Due today", "2026-11-26",
                 id="pinned-equal-to-base"),
    # a 2000-01-01 placeholder is stale: cadence Thu 11-19 +5 bd = Thu 11-26
    pytest.param(row(applied_on="2026-11-19", pinned="2000-01-01"), {}, "Due today", "2026-11-26",
                 id="pinned-placeholder-ignored"),
    pytest.param(row(applied_on="2026-11-19", pinned="2026-11-18"), {}, "Due today", "2026-11-26",
                 id="pinned-day-before-base-ignored"),
    # the base is the last contact (Fri 11-20): a pin on Thu 11-19 is stale; +7 bd = Tue 12-01
    pytest.param(row(applied_on="2026-11-02", last_contact="2026-11-20", pinned="2026-11-19"), {},
                 "Waiting", "2026-12-01", id="pinned-before-last-contact-ignored"),
    # --- soon_window --------------------------------------------------------------------------
    pytest.param(row(applied_on="2026-11-20"), {"soon_window": 0}, "Waiting", "2026-11-27",
                 id="soon-window-zero"),
    # soon_window 5: Thu26 + Fri27 Mon30 Tue1 Wed2 Thu3 -> up to Thu 12-03
    pytest.param(row(applied_on="2026-11-25"), {"soon_window": 5}, "Due soon", "2026-12-02",
                 id="soon-window-five"),
    pytest.param(row(applied_on="2026-11-26"), {"soon_window": 5}, "Due soon", "2026-12-03",
                 id="soon-window-five-last-day"),
]


@pytest.mark.parametrize("fields,overrides,status,due", STATUS_CASES)
def test_status_and_next_follow_up(fields, overrides, status, due):
    _, plan = _plan([fields], Settings(**overrides))
    got = plan.loc[2]
    assert got["status"] == status
    if due is None:
        assert pd.isna(got["due"]), f"Next Follow-up should be empty for {status}, got {got['due']}"
    else:
        assert pd.Timestamp(got["due"]) == _day(due)


@pytest.mark.parametrize("fields,expected", [
    (row(applied_on="2026-11-19"), 0),                                       # no contact
    (row(applied_on="2026-11-02", last_contact="2026-11-17"), 1),            # contact after applying
    (row(applied_on="2026-11-19", last_contact="2026-11-19"), 0),            # same day is not after
    (row(applied_on="2026-11-19", last_contact="2026-11-13"), 0),            # before applying
    (row(applied_on="2026-11-02", last_contact="2026-11-19", follow_ups=0), 0),  # the column wins
    (row(applied_on="2026-11-17", follow_ups=2), 2),
], ids=["none", "contact-after", "same-day", "contact-before", "column-zero", "column-two"])
def test_follow_up_count(fields, expected):
    _, plan = _plan([fields])
    assert plan.loc[2, "follow_ups"] == expected


def test_statuses_are_worked_out_per_row_in_one_frame():
    rows = [row(company="A", applied_on="2026-11-16"), row(company="B", applied_on="2026-11-19"),
            row(company="C", applied_on="2026-11-20"), row(company="D", applied_on="2026-11-24"),
            row(company="E", stage="Rejected"), row(company="F", stage="Wishlist"), row(company="G")]
    _, plan = _plan(rows)
    assert list(plan.index) == [2, 3, 4, 5, 6, 7, 8]
    assert list(plan["status"]) == ["Overdue", "Due today", "Due soon", "Waiting", "Closed", "Not applied",
                                    "Check data"]


def test_every_status_is_reachable():
    """The eight statuses of rules §4, each from one row of the table above."""
    assert {p.values[2] for p in STATUS_CASES} == {
        "Closed", "Not applied", "Check data", "Gone cold", "Overdue", "Due today", "Due soon", "Waiting"}


# --- §2 stage classification: first match wins -----------------------------------------------

@pytest.mark.parametrize("text,stage", [
    ("Rejected", "closed"),
    ("REJECTED", "closed"),
    ("Offer declined", "closed"),                 # closed is checked before offer
    ("Interview — rejected", "closed"),           # closed before interviewing
    ("Offer accepted", "closed"),
    ("Withdrew", "closed"),
    ("Withdrawn", "closed"),
    ("Not selected", "closed"),
    ("Position filled", "closed"),
    ("Cancelled interview", "closed"),
    ("Canceled", "closed"),
    ("Hired", "closed"),
    ("Ghosted", "closed"),
    ("Not interested", "closed"),
    ("Denied", "closed"),
    ("Wishlist", "not_applied"),
    ("Saved", "not_applied"),
    ("To apply", "not_applied"),
    ("Not yet applied", "not_applied"),
    ("Draft", "not_applied"),
    ("Bookmarked", "not_applied"),
    ("Offer", "offer"),
    ("Negotiating offer", "offer"),               # offer is checked before interviewing
    ("Phone screen", "interviewing"),
    ("Second interview", "interviewing"),
    ("Technical assessment", "interviewing"),
    ("Onsite", "interviewing"),
    ("In process", "interviewing"),
    ("In progress", "interviewing"),
    ("Next round", "interviewing"),
    ("Negotiating", "interviewing"),
    ("Applied", "applied"),
    ("Sent", "applied"),
    ("", "applied"),
])
def test_stage_classification(text, stage):
    got = classify_stage(pd.Series([text]), Settings())
    assert got.iloc[0] == stage


def test_stage_reads_the_response_column_too():
    _, plan = _plan([row(stage="Applied", response="Unfortunately rejected", applied_on="2026-11-16"),
                     row(stage="", response="Phone screen booked", applied_on="2026-11-16")])
    assert plan.loc[2, "status"] == "Closed"
    assert plan.loc[3, "stage"] == "interviewing"


def test_extra_closed_words_from_settings():
    settings = Settings(closed_words=Settings().closed_words + ("binned",))
    _, plan = _plan([row(stage="Binned", applied_on="2026-11-16")], settings)
    assert plan.loc[2, "status"] == "Closed"


# --- §5 scripts: which situation, first match wins --------------------------------------------

OVERDUE = {"applied_on": "2026-11-16"}            # Mon 11-16 +5 bd = Mon 11-23: Overdue
# a final round is strong interest elsewhere (rules §5); a plain "Interviewing" is not
BETA_INTERVIEWING = {"company": "Beta", "position": "Analyst", "stage": "Final round",
                     "applied_on": "2026-11-02", "last_contact": "2026-11-25"}   # active, Due soon

SITUATION_CASES = [
    pytest.param([row(stage="Second interview", source="Recruiter", hiring_manager="Marcus Lee",   # thanked
                      referrer="Priya Patel", response="auto reply", follow_ups=1, **OVERDUE), BETA_INTERVIEWING],
                 "post_interview", id="post-interview-beats-everything"),
    pytest.param([row(stage="Offer", source="Agency", hiring_manager="Marcus Lee", referrer="Priya Patel",
                      **OVERDUE), BETA_INTERVIEWING],
                 "offer", id="offer-beats-recruiter"),
    pytest.param([row(source="Recruiter", hiring_manager="Marcus Lee", referrer="Priya Patel",
                      response="Automatic reply", **OVERDUE), BETA_INTERVIEWING],
                 "recruiter", id="recruiter-by-source"),
    pytest.param([row(contact="Sam Ortiz, Bright Staffing", **OVERDUE)], "recruiter",
                 id="recruiter-by-contact"),
    pytest.param([row(source="Headhunter", **OVERDUE)], "recruiter", id="recruiter-headhunter"),
    pytest.param([row(hiring_manager="Marcus Lee", referrer="Priya Patel", referrer_dept="Engineering",
                      response="Automatic confirmation", **OVERDUE), BETA_INTERVIEWING],
                 "referral", id="referral-beats-hiring-manager-and-autoresponse"),
    pytest.param([row(hiring_manager="Marcus Lee", response="Automatic reply", **OVERDUE), BETA_INTERVIEWING],
                 "hiring_manager", id="hiring-manager-beats-autoresponse"),
    pytest.param([row(referrer="Priya Patel", **OVERDUE), BETA_INTERVIEWING], "referral",
                 id="referrer-without-hiring-manager-is-referral"),
    pytest.param([row(referrer="Yes", **OVERDUE)], "check_in", id="referral-tick-without-a-name-is-not-referral"),
    pytest.param([row(response="Automatic reply", **OVERDUE), BETA_INTERVIEWING],
                 "autoresponse", id="autoresponse-beats-competing-interest"),
    pytest.param([row(stage="Application received", **OVERDUE)], "autoresponse",
                 id="autoresponse-from-stage"),
    pytest.param([row(response="Acknowledged", **OVERDUE)], "autoresponse", id="autoresponse-acknowledged"),
    pytest.param([row(**OVERDUE), BETA_INTERVIEWING], "competing_interest",
                 id="competing-interest-other-company-interviewing"),
    pytest.param([row(**OVERDUE), {**BETA_INTERVIEWING, "stage": "Offer"}], "competing_interest",
                 id="competing-interest-other-company-at-offer"),
    pytest.param([row(**OVERDUE), {**BETA_INTERVIEWING, "company": "Acme"}], "check_in",
                 id="same-company-interviewing-does-not-count"),
    pytest.param([row(**OVERDUE), {**BETA_INTERVIEWING, "company": "  ACME "}], "check_in",
                 id="same-company-other-spelling-does-not-count"),
    pytest.param([row(**OVERDUE), {**BETA_INTERVIEWING, "stage": "Interview — rejected"}], "check_in",
                 id="closed-after-interview-does-not-count"),
    pytest.param([row(**OVERDUE), {**BETA_INTERVIEWING, "stage": "Applied"}], "check_in",
                 id="other-company-only-applied-does-not-count"),
    pytest.param([row(**OVERDUE)], "check_in", id="check-in"),
]


@pytest.mark.parametrize("rows,situation", SITUATION_CASES)
@pytest.mark.parametrize("no_calls,channel", [(False, "call"), (True, "email")], ids=["call", "no-calls"])
def test_script_situation(rows, situation, no_calls, channel):
    rows = [{**rows[0], "no_calls": no_calls}, *rows[1:]]
    _, plan = _plan(rows)
    assert plan.loc[2, "status"] == "Overdue"
    assert plan.loc[2, "situation"] == situation
    assert plan.loc[2, "channel"] == channel


def test_the_interviewing_company_itself_gets_post_interview():
    _, plan = _plan([row(**OVERDUE), BETA_INTERVIEWING])
    assert plan.loc[3, "situation"] == "post_interview"


def test_competing_interest_needs_another_live_process_not_itself():
    """Two interviewing applications at different companies: each is post_interview; a third,
    plain application is told about the competing interest."""
    _, plan = _plan([BETA_INTERVIEWING, {**BETA_INTERVIEWING, "company": "Gamma"}, row(**OVERDUE)])
    assert list(plan["situation"]) == ["post_interview", "post_interview", "competing_interest"]


def test_every_situation_is_covered():
    from followup_sheet.plan import SITUATIONS
    assert {p.values[1] for p in SITUATION_CASES} == set(SITUATIONS)


@pytest.mark.parametrize("fields", [row(stage="Rejected", applied_on="2026-11-16"), row(stage="Wishlist")],
                         ids=["closed", "not-applied"])
def test_no_script_for_closed_or_not_applied(fields):
    _, plan = _plan([fields])
    assert plan.loc[2, "situation"] == ""


# --- §6 Today order ---------------------------------------------------------------------------

def test_today_order():
    """Offers, then interviews, then rows with a hiring manager or referrer, then the rest; in
    each group the most days overdue first, then the oldest application (rules §6)."""
    rows = [
        # row 2: Sun 11-15 rolls to Mon 16, +5 bd = Mon 11-23: 3 days overdue, no person
        row(company="Old3", applied_on="2026-11-15"),
        # row 3: Mon 11-16 +5 bd = Mon 11-23: 3 days overdue, with a hiring manager
        row(company="Person3", applied_on="2026-11-16", hiring_manager="Marcus Lee"),
        # row 4: Wed 11-18 +5 bd = Wed 11-25: 1 day overdue, with a hiring manager
        row(company="Person1", applied_on="2026-11-18", hiring_manager="Dana Cole"),
        # row 5: Thu 11-19 +5 bd = Thu 11-26: due today, no person, applied 11-19
        row(company="New0", applied_on="2026-11-19"),
        # row 6: due today (Tue 11-17 +7 bd), no person, applied 11-02: older than row 5
        row(company="Old0", applied_on="2026-11-02", last_contact="2026-11-17"),
        # row 7: due today, with a referrer, applied 11-19 (younger than row 6)
        row(company="Referred0", applied_on="2026-11-19", referrer="Priya Patel"),
        # row 8: offer, due today (Tue 11-24 +2 bd): first although least overdue
        row(company="Offer0", stage="Offer", applied_on="2026-10-20", last_contact="2026-11-24"),
        # row 9: interviewing, Fri 11-20 +2 bd = Tue 11-24: 2 days overdue
        row(company="Interview2", stage="Final round", applied_on="2026-11-02", last_contact="2026-11-20"),
        # not today's calls: Due soon, Waiting, Closed, Gone cold, Check data
        row(company="Soon", applied_on="2026-11-20"),
        row(company="Wait", applied_on="2026-11-25"),
        row(company="Shut", stage="Rejected", applied_on="2026-11-02"),
        row(company="Cold", applied_on="2026-10-01", last_contact="2026-11-10", follow_ups=3),
        row(company="Check"),
    ]
    frame, plan = _plan(rows)
    order = today_order(frame, plan)
    assert list(frame.loc[order, "company"]) == ["Offer0", "Interview2", "Person3", "Person1", "Referred0",
                                                 "Old3", "Old0", "New0"]
    assert set(plan.loc[order, "status"]) == {"Overdue", "Due today"}


def test_today_order_lists_nothing_when_nothing_is_due():
    frame, plan = _plan([row(applied_on="2026-11-25"), row(stage="Rejected")])
    assert len(today_order(frame, plan)) == 0


def test_plan_uses_the_given_day_not_the_clock():
    """The same row on two different days: the status follows `today`."""
    frame = canonical_frame([row(applied_on="2026-11-19")])
    assert build_plan(frame, dt.date(2026, 11, 25), Settings()).loc[2, "status"] == "Due soon"
    assert build_plan(frame, dt.date(2026, 11, 26), Settings()).loc[2, "status"] == "Due today"
    assert build_plan(frame, dt.date(2026, 11, 27), Settings()).loc[2, "status"] == "Overdue"


def test_many_rows_together_plan_as_each_row_alone():
    """Stage, autoresponse and recruiter words are matched once per distinct text and spread
    back over the rows; a long frame of mixed, repeating rows must give every row what it gets
    when planned on its own."""
    singles = [p.values[0] for p in STATUS_CASES if not p.values[1]]
    rows = [singles[(i * 7) % len(singles)] for i in range(3 * len(singles))]
    rows += [row(source="Agency recruiter"), row(response="Automatic reply: we received it"), row(applied_flag="No")]
    frame, plan = _plan(rows)
    for number, fields in zip(frame.index, rows):
        _, alone = _plan([fields])
        for column in ("stage", "status", "autoresponse", "recruiter"):
            assert plan.at[number, column] == alone.iloc[0][column], (number, column, fields)
    assert plan["recruiter"].sum() >= 1 and plan["autoresponse"].sum() >= 1
    assert (plan["stage"] == "not_applied").any() and plan["stage"].nunique() >= 4


def test_missing_text_matches_no_words():
    """build_plan is public: a frame with None or NaN instead of '' must not match any word list."""
    from followup_sheet.plan import _contains
    s = Settings()
    text = pd.Series(["Agency recruiter", None, float("nan"), ""])
    assert _contains(text, s.recruiter_words).tolist() == [True, False, False, False]
    assert classify_stage(pd.Series([None, "Rejected", float("nan")]), s).tolist() == ["applied", "closed", "applied"]


# Days overdue count business days, as the README's column says and as the due date is counted:
# (today, holidays, expected), for a row due Friday 2026-11-20 (applied Fri 11-13, +5 bd).
@pytest.mark.parametrize("today, holidays, expected", [
    (dt.date(2026, 11, 20), (), 0),
    (dt.date(2026, 11, 23), (), 1),                      # Monday: Friday's call is one day late, not three
    (dt.date(2026, 11, 24), (), 2),
    (dt.date(2026, 11, 26), (), 4),                      # six calendar days
    (dt.date(2026, 11, 24), (dt.date(2026, 11, 23),), 1),  # a holiday is no day late either
    (dt.date(2026, 11, 30), (), 6),
], ids=["due-today", "monday", "tuesday", "thursday", "over-a-holiday", "a-week-on"])
def test_days_overdue_are_business_days(today, holidays, expected):
    _, plan = _plan([row(applied_on="2026-11-13")], Settings(holidays=holidays), today=today)
    assert plan["due"].iloc[0] == pd.Timestamp("2026-11-20")
    assert plan["days_overdue"].iloc[0] == expected
