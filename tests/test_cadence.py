"""Plan stage: every date the plan gives a script and every claim it lets a script make is backed
by a fact in the row's ledger (or, for strong interest elsewhere, by another employer's row).

A property test over random trackers: rows put together from the kinds of things people write
(stages, replies and notes in four languages, with and without dates), read on a random day.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from conftest import canonical_frame
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_facts import COLUMNS

from followup_sheet.plan import build_plan, company_key
from followup_sheet.settings import Settings

STAGES = ["Applied", "", "Phone screen", "Interviewed", "Interview scheduled", "Final round", "Panel",
          "Verbal offer", "Offer", "On hold", "Rejected", "rejcted ❌", "Vorstellungsgespräch", "Entretien prévu",
          "Entrevista final", "Second interview", "Onsite", "Negotiating", "Wishlist", "Intervew"]
RESPONSES = ["", "Automatic reply", "HR called", "They e-mailed to set up a call", "No answer", "Voicemail",
             "Frau Brandt hat angerufen", "me llamaron", "La RH m'a écrit", "Position paused", "Hiring freeze"]
COMPANIES = ["Acme", "ACME Inc.", "Brightline GmbH", "Corvel Ltd", "Dunford", "Eastway (agency)", "Fenwick S.A."]


@st.composite
def note(draw) -> str:
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    forms = [f"{month}/{day}", f"{day}.{month}.", dt.date(2026, month, day).strftime("%b %d"),
             dt.date(2026, month, day).strftime("%B %d, %Y"), "Q1", "next quarter", "end of month", "in January"]
    date = draw(st.sampled_from(forms))
    lead = draw(st.sampled_from([
        "they decide by", "answer by", "interview on", "call back the week of", "back from leave", "freeze until",
        "recruiter rang", "missed their call", "called, no answer", "left a voicemail", "thank-you sent",
        "Entscheidung bis", "réponse avant le", "volver a llamar el", "", "spoke with Dana"]))
    return draw(st.sampled_from([f"{lead} {date}", lead, "", f"{lead} {date}; I emailed HR"]))


DAYS = st.dates(dt.date(2026, 9, 1), dt.date(2027, 2, 26))


@st.composite
def tracker_row(draw) -> dict:
    applied = draw(DAYS)
    row = {"company": draw(st.sampled_from(COMPANIES)), "position": draw(st.sampled_from(["Analyst", "Lead"])),
           "applied_on": applied, "stage": draw(st.sampled_from(STAGES)), "response": draw(st.sampled_from(RESPONSES)),
           "notes": draw(note())}
    if draw(st.booleans()):
        row["last_contact"] = applied + dt.timedelta(days=draw(st.integers(0, 40)))
    if draw(st.integers(0, 4)) == 0:
        row["pinned"] = applied + dt.timedelta(days=draw(st.integers(-10, 60)))
    if draw(st.booleans()):
        row["follow_ups"] = draw(st.integers(0, 6))
    row["contact_phone"] = draw(st.sampled_from(["", "+1 555 0101"]))
    row["contact_email"] = draw(st.sampled_from(["", "hr@example.org"]))
    return row


STATED = {"decision", "feedback", "answer", "interview", "back", "call_back", "date", "hold"}
BACKING = {"return_call": "employer_contact", "thank_you": "interview_held", "interview": "interview_ahead",
           "hold": "on_hold", "retry": "no_answer", "pinned": "pinned"}


def _day(value) -> dt.date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _check_row(row, got, facts, plan, frame) -> None:
    dated = {(f.kind, f.date) for f in facts}
    kinds = {f.kind for f in facts}
    for column, kind in (("interview_ahead", "interview_ahead"), ("hold_until", "on_hold"),
                         ("employer_called_on", "employer_contact")):
        if _day(got[column]):
            assert (kind, _day(got[column])) in dated, (column, facts)
    for column in ("stated_on", "answer_by"):
        if _day(got[column]):
            assert any(f.kind in STATED and f.date == _day(got[column]) for f in facts), (column, facts)
    due, reason = _day(got["due"]), got["next_reason"]
    if due:
        if reason in STATED and reason not in BACKING:
            backers = [f.date for f in facts if f.kind in STATED and f.date]
        elif reason == "cadence":
            backers = [f.date for f in facts if f.kind in ("applied", "last_contact")]
        else:
            backers = [f.date for f in facts if f.kind == BACKING[reason]] or \
                ([_day(frame.at[row, "last_contact"]) or _day(frame.at[row, "applied_on"])]
                 if reason in ("retry", "thank_you") and BACKING[reason] in kinds else [])
        assert backers, (reason, facts)
        assert any(b is None or b <= due for b in backers), (reason, due, facts)
    if got["employer_called"]:
        assert "employer_contact" in kinds
    if got["interview_held"] and got["situation"]:
        assert "interview_held" in kinds
    if got["strong_elsewhere"]:
        assert "strong_interest_elsewhere" in kinds
        others = plan[[company_key(c) != company_key(frame.at[row, "company"]) for c in frame["company"]]]
        assert (others["stage"].isin(["offer", "interviewing"]) & others["status"].isin(
            ["Overdue", "Due today", "Due soon", "Waiting"])).any()
    if _day(got["other_offer_by"]):
        others = plan[[company_key(c) != company_key(frame.at[row, "company"]) for c in frame["company"]]]
        assert (others["answer_by"] == got["other_offer_by"]).any()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(tracker_row(), min_size=1, max_size=6), today=DAYS, country=st.sampled_from(["", "US", "DE"]))
def test_every_date_and_claim_has_a_fact_behind_it(rows, today, country):
    frame = canonical_frame(rows)
    plan = build_plan(frame, today, Settings(country=country), columns=COLUMNS)
    for row, got in plan.iterrows():
        _check_row(row, got, got["facts"], plan, frame)
        for f in got["facts"]:
            assert f.source == "" or f.source.endswith(str(row)) or f.source == "mark", f
