"""Plan stage: the fact ledger and the cadence it drives (rules §1-§5), as a table of rows written
the way people write their trackers, in English, German, French and Spanish.

Each case: the rows (the first is the one checked), the day it is read, settings, then the
status, the next date, the channel, and one fact the row's ledger must hold with its cell.

        November 2026              December 2026               January 2027
    Mo Tu We Th Fr Sa Su       Mo Tu We Th Fr Sa Su       Mo Tu We Th Fr Sa Su
                       1           1  2  3  4  5  6                    1  2  3
     2  3  4  5  6  7  8        7  8  9 10 11 12 13        4  5  6  7  8  9 10
     9 10 11 12 13 14 15       14 15 16 17 18 19 20       11 12 13 14 15 16 17
    16 17 18 19 20 21 22       21 22 23 24 25 26 27       18 19 20 21 22 23 24
    23 24 25 26 27 28 29       28 29 30 31                25 26 27 28 29 30 31
    30
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import canonical_frame

from followup_sheet.plan import build_plan, company_key
from followup_sheet.read import ColumnInfo
from followup_sheet.settings import Settings

WED = dt.date(2026, 12, 9)
HEADERS = {"company": "Company", "position": "Role", "applied_on": "Date Applied", "last_contact": "Last Contact",
           "follow_ups": "Follow-ups", "stage": "Status", "response": "Response", "contact": "Contact",
           "contact_phone": "Phone", "contact_email": "Email", "notes": "Notes", "no_calls": "Email Only",
           "pinned": "Follow Up On", "source": "Source"}
COLUMNS = {field: ColumnInfo(i, header) for i, (field, header) in enumerate(HEADERS.items(), start=1)}
LETTER = {field: info.letter for field, info in COLUMNS.items()}


def app(company="Marlow Tiles", **fields):
    return {"company": company, "position": "Estimator", "contact_phone": "+1 555 0100", **fields}


def cell(field, row=2):
    return f"{HEADERS[field]}, {LETTER[field]}{row}"


# (rows, today, settings, status, next date, channel, (fact kind, its field))
CASES = [
    # --- §2: the employer reached out: a return call the next business day, not the user's follow-up
    pytest.param([app(applied_on="2026-11-20", last_contact="2026-12-08",
                      notes="Missed the recruiter's call at lunch, she left a message")], WED, {},
                 "Due today", "2026-12-09", "call", ("employer_contact", "notes"), id="employer-missed-call"),
    pytest.param([app(applied_on="2026-11-20", last_contact="2026-12-07", response="Frau Keller hat angerufen")],
                 WED, {}, "Overdue", "2026-12-08", "call", ("employer_contact", "response"), id="employer-called-de"),
    pytest.param([app(applied_on="2026-11-20", last_contact="2026-12-08",
                      notes="La RH m'a appelée pendant ma réunion")],
                 WED, {}, "Due today", "2026-12-09", "call", ("employer_contact", "notes"), id="employer-called-fr"),
    pytest.param([app(applied_on="2026-11-20", last_contact="2026-12-09", notes="Me llamaron de RRHH, devolver")],
                 WED, {}, "Due soon", "2026-12-10", "call", ("employer_contact", "notes"), id="employer-called-es"),
    pytest.param([app(applied_on="2026-11-20", last_contact="2026-12-08", response="They e-mailed to set up a chat",
                      contact_phone="")],
                 WED, {}, "Due today", "2026-12-09", "call", ("employer_contact", "response"),
                 id="employer-emailed-no-phone-known-yet"),
    # a verbal offer: the employer made the last contact; offer gap from it
    pytest.param([app(stage="Verbal offer", applied_on="2026-11-02", last_contact="2026-12-07")], WED, {},
                 "Due today", "2026-12-09", "call", ("offer", "stage"), id="verbal-offer"),
    # --- §5: strong interest elsewhere only beyond a first interview, at another employer
    pytest.param([app(applied_on="2026-11-23"), app("Ostwind Logistik GmbH", stage="Vorstellungsgespräch",
                                                     applied_on="2026-11-25", last_contact="2026-12-07")],
                 WED, {}, "Overdue", "2026-11-30", "call", ("applied", "applied_on"), id="first-interview-elsewhere"),
    pytest.param([app(applied_on="2026-11-23"), app("Pellucid Labs", stage="Panel interview with the VP",
                                                     applied_on="2026-11-16", last_contact="2026-12-07")],
                 WED, {}, "Overdue", "2026-11-30", "call", ("strong_interest_elsewhere", None),
                 id="panel-elsewhere"),
    pytest.param([app("Harbor & Finch, Inc.", applied_on="2026-11-23"),
                  app("HARBOR & FINCH INC", stage="Final round", applied_on="2026-11-16", last_contact="2026-12-07")],
                 WED, {}, "Overdue", "2026-11-30", "call", ("applied", "applied_on"), id="same-company-two-roles"),
    # --- §3: dates the row states, read from the day they were written
    pytest.param([app(applied_on="2026-11-16", last_contact="2026-11-30",
                      notes="HR asked me to call back the week of 12/14")],
                 WED, {}, "Waiting", "2026-12-14", "call", ("call_back", "notes"), id="call-back-week-of"),
    pytest.param([app(applied_on="2026-11-16", last_contact="2026-11-25",
                      notes="Hiring manager back from leave 12/10")],
                 WED, {}, "Due soon", "2026-12-10", "call", ("back", "notes"), id="back-from-leave"),
    pytest.param([app(applied_on="2026-11-16", last_contact="2026-11-24", response="They decide by Dec 11")],
                 WED, {}, "Waiting", "2026-12-14", "call", ("decision", "response"), id="decide-by-month-name"),
    pytest.param([app(applied_on="2026-11-16", last_contact="2026-11-24", notes="decision by 12/11/2026")],
                 WED, {}, "Waiting", "2026-12-14", "call", ("decision", "notes"), id="decide-by-with-year"),
    # written in November, read in January: Dec 18 is last month's, not next December's
    pytest.param([app(applied_on="2026-11-10", last_contact="2026-11-20", notes="panel said decision Dec 18")],
                 dt.date(2027, 1, 6), {}, "Overdue", "2026-12-21", "call", ("decision", "notes"),
                 id="written-in-november-read-in-january"),
    # written in November, read in December: 1/8 is the coming January
    pytest.param([app(applied_on="2026-11-10", last_contact="2026-11-20", notes="they decide on 1/8")],
                 WED, {}, "Waiting", "2027-01-11", "call", ("decision", "notes"), id="year-less-into-next-year"),
    pytest.param([app(applied_on="2026-11-10", last_contact="2026-11-27", notes="Entscheidung bis 15.12.")],
                 WED, {}, "Waiting", "2026-12-16", "call", ("decision", "notes"), id="decision-de-dotted"),
    pytest.param([app(applied_on="2026-11-10", last_contact="2026-11-27", response="réponse avant le 11 décembre")],
                 WED, {}, "Waiting", "2026-12-14", "call", ("answer", "response"), id="answer-fr"),
    pytest.param([app(applied_on="2026-11-10", last_contact="2026-11-27", notes="volver a llamar el 10 de diciembre")],
                 WED, {}, "Due soon", "2026-12-10", "call", ("call_back", "notes"), id="call-back-es"),
    # --- §2/§3: on hold waits for the stated date, else hold_days; never a call today
    pytest.param([app(stage="On hold", applied_on="2026-11-02", last_contact="2026-11-20",
                      notes="hiring freeze until Q1")], WED, {"country": "US"},
                 "Waiting", "2027-01-04", "call", ("on_hold", "stage"), id="hold-until-quarter"),
    pytest.param([app(applied_on="2026-11-02", last_contact="2026-11-30", response="Position paused")],
                 WED, {}, "Waiting", "2026-12-30", "call", ("on_hold", "response"), id="hold-days"),
    pytest.param([app(applied_on="2026-11-02", last_contact="2026-11-20", notes="Stelle pausiert bis Januar")],
                 WED, {"country": "DE"}, "Waiting", "2027-01-04", "call", ("on_hold", "notes"), id="hold-de-january"),
    pytest.param([app(applied_on="2026-11-02", last_contact="2026-11-03", notes="proceso pospuesto, sin fecha")],
                 dt.date(2026, 12, 3), {}, "Due today", "2026-12-03", "call", ("on_hold", "notes"),
                 id="hold-es-ends-today-is-due-not-waiting"),
    # --- §3: interviews
    pytest.param([app(stage="Interview scheduled", applied_on="2026-11-16", last_contact="2026-12-01",
                      notes="video interview on 12/15 with two engineers")],
                 WED, {}, "Waiting", "2026-12-16", "call", ("interview_ahead", "notes"), id="interview-ahead"),
    pytest.param([app(stage="Interviewed", applied_on="2026-11-16", last_contact="2026-12-08",
                      notes="first interview 12/8, went fine")],
                 WED, {}, "Due today", "2026-12-09", "email", ("interview_held", "stage"), id="thank-you-next-day"),
    pytest.param([app(stage="Interviewed", applied_on="2026-11-16", last_contact="2026-12-04",
                      notes="interview 12/3, thank-you note sent")],
                 WED, {}, "Overdue", "2026-12-08", "call", ("interview_held", "stage"), id="after-thank-you-gap"),
    pytest.param([app(stage="Interviewed", applied_on="2026-11-16", last_contact="2026-12-03",
                      notes="interview 12/2, thanked them; they decide by 12/10")],
                 WED, {}, "Due soon", "2026-12-11", "call", ("decision", "notes"), id="after-interview-decision"),
    pytest.param([app(stage="Second interview", applied_on="2026-10-01", last_contact="2026-12-01", follow_ups=3)],
                 WED, {}, "Gone cold", None, "", ("interviewing", "stage"), id="interview-follow-up-cap"),
    pytest.param([app(stage="Second interview", applied_on="2026-10-01", last_contact="2026-12-01", follow_ups=2)],
                 WED, {}, "Overdue", "2026-12-03", "call", ("interviewing", "stage"), id="interview-under-the-cap"),
    pytest.param([app(stage="Offer", applied_on="2026-10-01", last_contact="2026-12-01", follow_ups=5)],
                 WED, {}, "Overdue", "2026-12-03", "call", ("offer", "stage"), id="offer-under-its-cap"),
    # --- §3: calls that reached nobody
    pytest.param([app(applied_on="2026-11-16", last_contact="2026-12-08", notes="called at 10, no answer")],
                 WED, {}, "Due today", "2026-12-09", "call", ("no_answer", "notes"), id="retry-once"),
    pytest.param([app(applied_on="2026-11-16", last_contact="2026-12-07",
                      notes="12/4 called: no answer. 12/7 got the front desk")],
                 WED, {}, "Overdue", "2026-12-08", "call", ("no_answer", "notes"), id="retry-twice"),
    pytest.param([app(applied_on="2026-11-16", last_contact="2026-12-03",
                      notes="12/1 rang, no answer; 12/2 voicemail; 12/3 reception again")],
                 WED, {}, "Waiting", "2026-12-14", "email", ("applied", "applied_on"), id="retries-capped-then-email"),
    pytest.param([app(applied_on="2026-12-01", last_contact="2026-12-31", notes="called, no answer")],
                 dt.date(2026, 12, 31), {"country": "US"}, "Due soon", "2027-01-04", "call", ("no_answer", "notes"),
                 id="retry-skips-new-year-us"),
    # --- §3: holidays
    pytest.param([app(applied_on="2026-12-18")], dt.date(2026, 12, 22), {"country": "US"},
                 "Waiting", "2026-12-28", "call", ("applied", "applied_on"), id="christmas-us"),
    pytest.param([app(applied_on="2026-12-18")], dt.date(2026, 12, 22), {"country": "GB"},
                 "Waiting", "2026-12-29", "call", ("applied", "applied_on"), id="christmas-and-boxing-day-gb"),
    pytest.param([app(applied_on="2026-12-24")], dt.date(2026, 12, 24), {"country": "DE"},
                 "Waiting", "2027-01-04", "call", ("applied", "applied_on"), id="christmas-and-new-year-de"),
    # --- §5: the channel
    pytest.param([app(contact="talent@brightwell.example", contact_phone="", applied_on="2026-11-30")],
                 WED, {}, "Overdue", "2026-12-07", "email", ("applied", "applied_on"), id="email-in-contact-cell"),
    pytest.param([app(contact="Rui Santos", contact_email="rui@nordvik.example", contact_phone="",
                      applied_on="2026-11-30")],
                 WED, {}, "Overdue", "2026-12-07", "email", ("applied", "applied_on"), id="email-column-no-phone"),
    pytest.param([app(applied_on="2026-11-30", no_calls=True)], WED, {}, "Overdue", "2026-12-07", "email",
                 ("applied", "applied_on"), id="no-calls"),
    # --- §2: typos and marks
    pytest.param([app(stage="rejcted ❌", applied_on="2026-11-02")], WED, {}, "Closed", None, "",
                 ("closed", "stage"), id="typo-with-cross-mark"),
    pytest.param([app(stage="Intervew done", applied_on="2026-11-16", follow_ups=1, last_contact="2026-12-07")],
                 WED, {}, "Due today", "2026-12-09", "call", ("interviewing", "stage"), id="typo-interview"),
    # --- §1: a date after today is a typo
    pytest.param([app(applied_on="2027-01-15")], WED, {}, "Check data", None, "", ("applied", "applied_on"),
                 id="future-applied-date"),
    pytest.param([app(applied_on="2026-11-02", last_contact="2026-12-19")], WED, {}, "Check data", None, "",
                 ("last_contact", "last_contact"), id="future-last-contact"),
    # --- the response, the notes and the stage are read apart: the employer's call in the notes of an
    # "Applied" row with its own response is a return call, not the user's voicemail
    pytest.param([app(stage="Applied", response="nothing yet", applied_on="2026-11-20", last_contact="2026-12-08",
                      notes="Recruiter phoned 12/8 while I was driving, she left a voicemail")], WED, {},
                 "Due today", "2026-12-09", "call", ("employer_contact", "notes"), id="employer-call-beside-a-stage"),
    # --- dates as people write them: a day alone, a week's end, a date with its hour
    pytest.param([app(applied_on="2026-11-20", last_contact="2026-12-01",
                      notes="Office manager: try again after the 14th, she is travelling")], WED, {},
                 # ("try again" is a call to make after it)
                 "Waiting", "2026-12-15", "call", ("call_back", "notes"), id="after-a-day-alone"),
    pytest.param([app(stage="Applied", applied_on="2026-11-20", last_contact="2026-12-01",
                      notes="Panel lead says they decide by end of next week")], WED, {},
                 "Waiting", "2026-12-14", "call", ("decision", "notes"), id="decision-end-of-next-week"),
    pytest.param([app(stage="Screening booked", applied_on="2026-11-20", last_contact="2026-12-01",
                      notes="video screen on 12/16 at 9:30am with the team lead")], WED, {},
                 "Waiting", "2026-12-17", "call", ("interview_ahead", "notes"), id="interview-date-with-its-hour"),
    # on an offer, a decision date is the user's deadline: the call comes before it, not after
    pytest.param([app(stage="Zusage", applied_on="2026-11-16", last_contact="2026-12-07",
                      notes="Vertrag kommt per Post; Entscheidung meinerseits bis 18.12.")], WED, {},
                 "Due today", "2026-12-09", "call", ("offer", "stage"), id="offer-decision-is-the-users-deadline"),
    # a period that is about nothing is no date: the usual cadence holds
    pytest.param([app(applied_on="2026-11-30", notes="Their posting had been open for 12 weeks; team of 8")], WED, {},
                 "Overdue", "2026-12-07", "call", ("applied", "applied_on"), id="a-period-about-nothing"),
    # --- closed, in the tracker's own language
    pytest.param([app(stage="Stelle anderweitig besetzt", applied_on="2026-11-02")], WED, {}, "Closed", None, "",
                 ("closed", "stage"), id="filled-de"),
    pytest.param([app(stage="Proceso cerrado", applied_on="2026-11-02")], WED, {}, "Closed", None, "",
                 ("closed", "stage"), id="closed-es"),
    # --- the notes say it is over while the stage is still open: asked about, never called
    pytest.param([app(stage="Applied", applied_on="2026-11-20", last_contact="2026-12-02",
                      notes="Hiring lead rang: they are not moving forward with me, went internal")], WED, {},
                 "Check data", None, "", ("applied", "applied_on"), id="turned-down-in-the-notes"),
    pytest.param([app(stage="Applied", applied_on="2026-12-02",
                      notes="not rejected yet as far as I know")], WED, {},
                 "Due today", "2026-12-09", "call", ("applied", "applied_on"), id="negated-closed-word-in-the-notes"),
    # --- §3: cold for every open stage, listed for confirmation
    pytest.param([app(stage="Offer", applied_on="2026-08-03", last_contact="2026-09-01")], WED, {},
                 "Gone cold", None, "", ("offer", "stage"), id="old-offer-goes-cold"),
]


@pytest.mark.parametrize("rows,today,settings,status,due,channel,fact", CASES)
def test_row_status_date_channel_and_fact(rows, today, settings, status, due, channel, fact):
    plan = build_plan(canonical_frame(rows), today, Settings(**settings), columns=COLUMNS)
    got = plan.loc[2]
    assert got["status"] == status, got["why"]
    assert (None if pd.isna(got["due"]) else got["due"].date()) == (dt.date.fromisoformat(due) if due else None)
    assert got["channel"] == channel
    kind, field = fact
    held = [(f.kind, f.source) for f in got["facts"]]
    assert (kind, cell(field) if field else "") in held, held


def _one(rows, today=WED, **settings):
    return build_plan(canonical_frame(rows), today, Settings(**settings), columns=COLUMNS)


def test_employer_call_is_not_the_users_follow_up_and_last_contact_is_theirs():
    plan = _one([app(applied_on="2026-11-20", last_contact="2026-12-08", notes="got a voicemail from Priya at HR")])
    assert plan.at[2, "follow_ups"] == 0
    assert plan.at[2, "last_by"] == "employer" and bool(plan.at[2, "employer_called"])
    assert plan.at[2, "employer_called_on"] == pd.Timestamp("2026-12-08")
    assert plan.at[2, "next_reason"] == "return_call"


@pytest.mark.parametrize("notes, called_on", [
    ("their recruiter phoned on tuesday, I couldn't pick up", "2026-12-01"),   # the Tuesday after applying
    ("missed a call from HR 12/3, no message", "2026-12-03"),
    ("had a missed call from HR", None),                                        # no day given: none said
])
def test_the_employers_call_is_dated_by_the_day_the_note_gives_it(notes, called_on):
    plan = _one([app(applied_on="2026-11-30", notes=notes)], today=dt.date(2026, 12, 7))
    assert bool(plan.at[2, "employer_called"]), plan.at[2, "why"]
    said = plan.at[2, "employer_called_on"]
    assert (None if pd.isna(said) else said) == (None if called_on is None else pd.Timestamp(called_on))
    assert plan.at[2, "next_reason"] == "return_call"


@pytest.mark.parametrize("theirs, mine", [
    ("the recruiter tried me twice on 12/3, couldn't answer", "I tried them twice on 12/3, nobody answered"),
    ("Ops manager tried my mobile 12/3 while I was driving", "tried their switchboard 12/3, engaged"),
])
def test_their_attempt_with_me_as_its_object_is_their_call_mine_at_them_is_not(theirs, mine):
    plan = _one([app(applied_on="2026-11-16", stage="Applied", notes=theirs),
                 app("Pellow Mills", applied_on="2026-11-16", stage="Applied", notes=mine)])
    assert plan.at[2, "next_reason"] == "return_call" and plan.at[2, "last_by"] == "employer", plan.at[2, "why"]
    assert plan.at[2, "employer_called_on"] == pd.Timestamp("2026-12-03")
    assert plan.at[3, "next_reason"] != "return_call" and not bool(plan.at[3, "employer_called"])


@pytest.mark.parametrize("note, on", [
    ("their talent partner sent me an InMail 12/3 about next steps", "2026-12-03"),
    ("LinkedIn msg from the recruiter on 12/2, wants to chat", "2026-12-02"),
    ("got an SMS from HR 12/4", "2026-12-04"),
])
def test_a_short_message_from_the_employer_is_their_contact(note, on):
    plan = _one([app(applied_on="2026-11-16", stage="Applied", notes=note)])
    assert plan.at[2, "next_reason"] == "return_call" and plan.at[2, "last_by"] == "employer", plan.at[2, "why"]
    assert plan.at[2, "employer_called_on"] == pd.Timestamp(on)


@pytest.mark.parametrize("theirs, mine", [
    ("la recruteuse m'a laissé un message vocal le 3/12", "j'ai laissé un message à la RH le 3/12"),
    ("el reclutador me dejó un mensaje de voz el 3/12", "le dejé un mensaje al reclutador el 3/12"),
    ("la selezionatrice mi ha lasciato un messaggio il 3/12", "ho lasciato un messaggio in segreteria il 3/12"),
    ("Herr Brandt hat mir am 3.12. eine Nachricht hinterlassen", "ich habe am 3.12. eine Nachricht hinterlassen"),
    ("de recruiter heeft op 3-12 een bericht ingesproken", "ik heb op 3-12 een bericht ingesproken"),
    ("rekruterka zostawiła wiadomość 3.12", "zostawiłam wiadomość 3.12"),
])
def test_a_message_they_left_me_is_their_call_one_i_left_is_not(theirs, mine):
    plan = _one([app(applied_on="2026-11-16", stage="Applied", notes=theirs),
                 app("Pellow Mills", applied_on="2026-11-16", stage="Applied", notes=mine)], date_order="dmy")
    assert plan.at[2, "next_reason"] == "return_call" and plan.at[2, "last_by"] == "employer", plan.at[2, "why"]
    assert plan.at[3, "next_reason"] != "return_call" and not bool(plan.at[3, "employer_called"])


def test_their_call_with_words_between_the_auxiliary_and_the_verb_is_theirs():
    plan = _one([app(applied_on="2026-11-16", stage="Gesolliciteerd",
                     notes="Lotte heeft me vorige week gebeld, ik heb haar nog niet teruggebeld")])
    assert plan.at[2, "next_reason"] == "return_call" and plan.at[2, "last_by"] == "employer", plan.at[2, "why"]


def test_users_own_attempt_is_not_an_employer_call():
    plan = _one([app(applied_on="2026-11-20", last_contact="2026-12-08", notes="I called, left a voicemail")])
    assert not plan.at[2, "employer_called"] and plan.at[2, "last_by"] == "user"
    assert bool(plan.at[2, "retry"])


@pytest.mark.parametrize("notes, retry", [
    ("rang the office 12/1, nobody picked up, wrote to their careers inbox 12/3 too", False),
    ("voicemail for the hiring lead on the 1st; then messaged her on LinkedIn", False),
    ("Anrufbeantworter am 1.12., danach eine Mail an Frau Roth geschickt", False),
    ("messaged her on LinkedIn 11/30; called 12/3, no answer", True),      # the call came last
    ("called 12/2, left a voicemail", True),
])
def test_a_contact_of_the_users_own_after_a_call_that_reached_nobody_ends_the_retries(notes, retry):
    plan = _one([app(applied_on="2026-11-16", notes=notes)], today=dt.date(2026, 12, 7))
    assert bool(plan.at[2, "retry"]) is retry, plan.at[2, "why"]


def test_strong_interest_flags_other_rows_only():
    plan = _one([app(applied_on="2026-11-23"), app("Pellucid Labs", stage="Onsite", applied_on="2026-11-16",
                                                    last_contact="2026-12-07"), app("Corvid Ltd", stage="Phone screen",
                                                                                    applied_on="2026-11-23")])
    assert list(plan["strong_elsewhere"]) == [True, False, True]
    assert plan.at[2, "situation"] == "competing_interest"


@pytest.mark.parametrize("other", ["Vorstellungsgespräch", "Entretien prévu", "Entrevista agendada",
                                   "Phone screen done", "Assessment sent", "Interview scheduled for 12/14"])
def test_first_talks_elsewhere_are_not_strong_interest(other):
    plan = _one([app(applied_on="2026-11-23"), app("Otherco", stage=other, applied_on="2026-11-23",
                                                    last_contact="2026-12-01")])
    assert not plan.at[2, "strong_elsewhere"] and plan.at[2, "situation"] != "competing_interest"


@pytest.mark.parametrize("a,b", [("Acme, Inc.", "ACME INC"), ("Brauhaus Nord GmbH", "brauhaus nord"),
                                 ("Kite Ltd (London office)", "Kite Limited")])
def test_company_names_as_one_employer(a, b):
    assert company_key(a) == company_key(b)


def test_thank_you_is_on_today_the_next_business_day_only():
    rows = [app(stage="Interviewed", applied_on="2026-11-16", last_contact="2026-12-04", notes="interview on 12/4")]
    monday = _one(rows, dt.date(2026, 12, 7))
    assert monday.at[2, "status"] == "Due today" and bool(monday.at[2, "thank_you"])
    assert monday.at[2, "channel"] == "email"
    done = _one([{**rows[0], "last_contact": "2026-12-07"}], dt.date(2026, 12, 8))
    assert not done.at[2, "thank_you"] and done.at[2, "due"] == pd.Timestamp("2026-12-09")


def test_a_thank_you_not_sent_before_the_decision_day_gives_way_to_the_follow_up_after_it():
    rows = [app(stage="2nd interview done", applied_on="2026-11-09",
                notes="second round with the ops director on 11/24, verdict promised by 12/2")]
    before = _one(rows, dt.date(2026, 11, 30))
    assert bool(before.at[2, "thank_you"]) and before.at[2, "due"] == pd.Timestamp("2026-11-25")
    after = _one(rows, dt.date(2026, 12, 7))
    assert not after.at[2, "thank_you"] and after.at[2, "channel"] == "call"
    assert after.at[2, "due"] == pd.Timestamp("2026-12-03") and after.at[2, "next_reason"] == "decision"


def test_interview_ahead_keeps_every_call_off_until_after_it():
    rows = [app(stage="Interview booked", applied_on="2026-11-16", last_contact="2026-12-01",
                notes="onsite loop on 12/17")]
    for day in pd.bdate_range("2026-12-02", "2026-12-17"):
        plan = _one(rows, day.date())
        assert plan.at[2, "status"] not in ("Overdue", "Due today"), day
        assert plan.at[2, "interview_ahead"] == pd.Timestamp("2026-12-17")


def test_why_names_the_cells():
    plan = _one([app(stage="Offer", applied_on="2026-11-02", last_contact="2026-12-04",
                     notes="verbal offer, answer by Dec 14")])
    assert "answer Dec 14 ← Notes, K2" in plan.at[2, "why"]
    assert "offer ← Status, F2" in plan.at[2, "why"]
    assert plan.at[2, "answer_by"] == pd.Timestamp("2026-12-14")


def test_future_date_message_names_the_cell():
    plan = _one([app(applied_on="2026-11-02"), app(applied_on="2027-02-01")])
    assert plan.at[3, "check"].startswith("Row 3: Date Applied, C3 is 2027-02-01")
    assert plan.at[2, "check"] == ""


def test_facts_without_column_names_say_field_and_row():
    plan = build_plan(canonical_frame([app(applied_on="2026-11-02")]), WED, Settings())
    assert plan.at[2, "facts"][0].source == "applied on, row 2"


def test_cold_interviews_and_offers_are_listed_for_confirmation():
    plan = _one([app(stage="Offer", applied_on="2026-06-01", last_contact="2026-07-01"),
                 app(applied_on="2026-06-01"),
                 app(stage="Interviewing", applied_on="2026-06-01", last_contact="2026-07-01")])
    assert list(plan["status"]) == ["Gone cold"] * 3
    assert list(plan["confirm_cold"]) == [True, False, True]


def test_check_lists_the_dates_read_and_the_cold_interviews(tmp_path):
    from conftest import write_tracker

    from followup_sheet.checkreport import check
    path = write_tracker(tmp_path / "t.xlsx", [
        {"Company": "Vantor", "Date Applied": dt.date(2026, 11, 2), "Last Contact": dt.date(2026, 11, 24),
         "Notes": "they decide by Dec 11"},
        {"Company": "Quayside", "Date Applied": dt.date(2026, 6, 1), "Last Contact": dt.date(2026, 7, 1),
         "Status": "Offer"},
        {"Company": "Tollan", "Date Applied": dt.date(2027, 3, 1)}])
    lines = check(path, today=WED, settings=Settings()).lines
    assert "  Row 2: Notes, D2: 'by Dec 11' -> 2026-12-11 (decision)" in lines
    assert any(line.startswith("  Row 3: Quayside (offer)") for line in lines)
    assert any(line.startswith("  Row 4: Date Applied, B4 is 2027-03-01, after today") for line in lines)


def test_a_future_date_row_says_which_cell_to_fix_in_its_script():
    from followup_sheet.render import render_scripts
    frame = canonical_frame([app(applied_on="2026-11-02", last_contact="2027-01-20")])
    plan = build_plan(frame, WED, Settings(), columns=COLUMNS)
    script = render_scripts(frame, plan, WED, Settings()).at[2]
    assert script.startswith("Row 2: Last Contact, D2 is 2027-01-20, after today")


def test_cadence_keys_from_the_settings_file(tmp_path):
    from followup_sheet.settings import load_settings
    config = tmp_path / "followup.toml"
    config.write_text('[cadence]\nmax_retries = 1\nhold_days = 10\nmax_interview_follow_ups = 5\n\n'
                      '[words]\nhold = ["stalled"]\n')
    s = load_settings(config=config)
    assert (s.max_retries, s.hold_days, s.max_interview_follow_ups) == (1, 10, 5)
    assert "stalled" in s.hold_words and "on hold" in s.hold_words
    plan = build_plan(canonical_frame([app(applied_on="2026-11-02", last_contact="2026-12-01",
                                           notes="Search stalled")]), WED, s, columns=COLUMNS)
    assert plan.at[2, "hold_until"] == pd.Timestamp("2026-12-11")


def test_the_answer_date_survives_a_later_date_in_the_same_note():
    plan = _one([app(stage="Offer", applied_on="2026-11-02", last_contact="2026-12-04",
                     notes="answer by 12/14; manager back from leave 12/21")])
    assert plan.at[2, "answer_by"] == pd.Timestamp("2026-12-14")
    # the offer's own cadence goes on: the later date may not push the call past the answer date
    assert plan.at[2, "next_reason"] == "cadence" and plan.at[2, "due"] == pd.Timestamp("2026-12-08")


def test_an_automatic_reply_in_the_notes_gets_the_autoresponse_call_but_a_car_dealer_does_not():
    plan = _one([app(applied_on="2026-11-30", notes="only an auto-reply so far, nobody wrote back"),
                 app("Northgate Auto Group", applied_on="2026-11-30", notes="auto dealership, sales floor role")])
    assert plan.at[2, "situation"] == "autoresponse"
    assert plan.at[3, "situation"] != "autoresponse"



@pytest.mark.parametrize("response", [
    "auto email thanking me for applying",
    "Applying... got the automated confirmation though",
    "no-reply message: thanks for applying to Marlow!",
])
def test_a_word_of_applying_in_an_automatic_reply_is_the_senders_not_the_stage(response):
    plan = _one([app(applied_on="2026-11-30", response=response),
                 app("Kestrel Labs", applied_on="2026-11-30", stage="Applying"),
                 app("Oakum Press", applied_on="2026-11-30", response="still applying, cover letter half done")])
    assert plan.at[2, "stage"] == "applied" and plan.at[2, "situation"] == "autoresponse"
    assert plan.at[3, "stage"] == "not_applied" and plan.at[4, "stage"] == "not_applied"


def test_an_agency_named_in_the_notes_makes_a_recruiter_call_but_an_in_house_recruiter_does_not():
    plan = _one([app(applied_on="2026-11-30", notes="placed through Brightwater staffing agency"),
                 app("Quayside Mills", applied_on="2026-11-30", notes="their recruiter looked at my CV")])
    assert plan.at[2, "situation"] == "recruiter"
    assert plan.at[3, "situation"] != "recruiter"


# --- a recruiting agency known by its name: the contact is an agency's recruiter (rules §2, §5)
# (company, contact, source, language, the field that names the agency or None)
AGENCIES = [
    ("Hays", "Lena Brandt", "", "de", "company"),
    ("Randstad Nederland B.V.", "Sanne de Vries", "", "nl", "company"),
    ("Adecco España S.A.", "Lucía Gómez", "", "es", "company"),
    ("Michael Page International", "Owen Price", "", "en", "company"),
    ("Kelly Services Inc.", "", "", "en", "company"),
    ("Nordlicht Personalberatung GmbH", "Jonas Weber", "", "de", "company"),
    ("Brückner Personalvermittlung", "", "", "de", "company"),
    ("Vega Intérim", "Claire Martin", "", "fr", "company"),
    ("Atlas Recrutement", "", "", "fr", "company"),
    ("Levante Selección", "Marta Ruiz", "", "es", "company"),
    ("Talento ETT", "", "", "es", "company"),
    ("Tri-County Staffing", "Ray Dunn", "", "en", "company"),
    ("Bluewater Recruitment Ltd", "", "", "en", "company"),
    ("Granite Executive Search", "", "", "en", "company"),
    ("Marlow Tiles", "Ana Ruiz (Randstad)", "", "en", "contact"),
    ("Ostwind Logistik", "Jan Hahn / Hays", "", "de", "contact"),
    ("Marlow Tiles", "Owen Price", "Robert Half", "en", "source"),
    ("Marlow Tiles", "Owen Price", "Zeitarbeitsfirma Kröger", "de", "source"),
    # not agencies: a consulting firm, a legal form, a brand's word inside another company's name
    ("Accenture Consulting", "Priya Nair", "", "en", None),
    ("Kessler Consulting GmbH", "", "", "de", None),
    ("Reed Elsevier", "", "", "en", None),
    ("Hudson's Bay Company", "", "", "en", None),
    ("Marlow Tiles", "Kate Hudson", "", "en", None),
    ("Marlow Tiles", "Personnel Office", "LinkedIn", "en", None),
    ("Marlow Tiles", "Jan Hahn, Recruiting", "", "en", None),           # the employer's own team
    ("Ostwind Logistik", "Jana Roth", "Resourcing team", "de", None),
    ("Quincalla SL", "Marta Ruiz (Selección)", "", "es", None),
    ("Marlow Tiles", "Jan Hahn, Vesta Zeitarbeit", "", "de", "contact"),
    ("Marlow Tiles", "Owen Price", "Brightwater Recruitment Ltd", "en", "source"),
]


@pytest.mark.parametrize("company,contact,source,language,field", AGENCIES)
def test_an_agency_known_by_its_name_gets_the_recruiter_call_with_its_cell(company, contact, source, language, field):
    plan = _one([app(company, contact=contact, source=source, applied_on="2026-11-23")], language=language)
    agency = [f for f in plan.at[2, "facts"] if f.kind == "agency"]
    if field is None:
        assert plan.at[2, "situation"] != "recruiter" and not agency
        return
    assert plan.at[2, "situation"] == "recruiter"
    assert [f.source for f in agency] == [cell(field)]
    assert bool(plan.at[2, "agency_company"]) == (field == "company")
    assert agency[0].label(language) in plan.at[2, "why"]


def test_agencies_of_ones_own_from_the_settings_file(tmp_path):
    from followup_sheet.settings import settings_from_toml
    path = tmp_path / "followup.toml"
    path.write_text('[words]\nagencies = ["Kastanje Talent"]\n', encoding="utf-8")
    values = settings_from_toml(path)
    row = [app("Kastanje Talent", applied_on="2026-11-23")]
    assert _one(row).at[2, "situation"] != "recruiter"
    assert _one(row, **values).at[2, "situation"] == "recruiter"


# --- an employer's message, said as "<a contact> from <a sender>": their contact, due a reply the
# next business day, never the user's own follow-up (rules §2)
# (where, the words, the channel the fact holds or None when it is no employer contact)
SENT_BY_THEM = [
    ("notes", "E-mail from HR this morning, they want references", "email"),
    ("response", "got a mail from the recruiter about salary", "email"),
    ("notes", "Text from Joanna (talent team) re: availability", "email"),
    ("response", "call from the hiring manager, missed it", "call"),
    ("notes", "Rückruf von der Personalabteilung heute", "call"),
    ("response", "Nachricht vom Recruiting-Team", "email"),
    ("notes", "llamada de recursos humanos, devolver", "call"),
    ("response", "correo del reclutador con preguntas", "email"),
    ("notes", "courriel de la recruteuse ce matin", "email"),
    ("notes", "telefonata dall'ufficio del personale", "call"),
    ("response", "e-mail do RH pedindo documentos", "email"),
    ("notes", "mail van de recruiter over het salaris", "email"),
    ("notes", "猎头打来电话，没接到", "call"),
    ("response", "收到HR的邮件，要补材料", "email"),
    ("notes", "採用担当者からメールが届いた", "email"),
    ("response", "인사 담당자에게서 전화가 왔음", "call"),
    # not the employer's: the user's own, none at all, a job board's
    ("notes", "sent an e-mail to HR", None),
    ("notes", "still no mail from the recruiter", None),
    ("response", "noch keine Nachricht von der Firma", None),
    ("notes", "email from LinkedIn with similar jobs", None),
    ("notes", "call from Monday's list: not done", None),
    ("notes", "还没有收到HR的邮件", None),
    ("notes", "人事から連絡なし", None),
    ("response", "인사팀에 전화함", None),
]


@pytest.mark.parametrize("field,words,channel", SENT_BY_THEM)
def test_an_employers_message_is_their_contact_due_a_reply(field, words, channel):
    plan = _one([app(applied_on="2026-11-20", last_contact="2026-12-08", **{field: words})])
    got = plan.loc[2]
    contact = [f for f in got["facts"] if f.kind == "employer_contact"]
    if channel is None:
        assert not got["employer_called"] and not contact, got["why"]
        return
    assert got["employer_called"] and got["last_by"] == "employer" and got["follow_ups"] == 0
    assert got["next_reason"] == "return_call" and got["due"] == pd.Timestamp("2026-12-09")
    assert [(f.channel, f.source) for f in contact] == [(channel, cell(field))]


# --- a fact read from a cell a Today-sheet mark wrote says it came from that mark (rules §7) ------
MARK_MONDAY = dt.date(2026, 11, 30)
MARKED = [
    # (outcome typed, its Date column, language, the fact kind, the words its source must say)
    ("Spoke", None, "en", "last_contact", "mark on Today, Nov 30"),
    ("Call back on a date", dt.date(2026, 12, 10), "en", "pinned", "mark on Today, Nov 30"),
    ("Not interested", None, "en", "closed", "mark on Today, Nov 30"),
    ("Gesprochen", None, "de", "last_contact", "Eintrag im Blatt „Today“, 30. Nov."),
    ("Volver a llamar en una fecha", dt.date(2026, 12, 10), "es", "pinned", "anotación en la hoja «Today», 30 nov"),
]


@pytest.mark.parametrize("outcome,date,language,kind,source", MARKED)
def test_a_fact_from_a_marked_cell_is_sourced_as_the_mark(tmp_path, outcome, date, language, kind, source):
    import openpyxl
    from conftest import write_sheets

    from followup_sheet import catalogue
    from followup_sheet.pipeline import refresh
    headers = ("Company", "Position", "Date Applied", "Last Contact", "Status", "Phone")
    rows = [("Fenwick Glass", "Buyer", dt.date(2026, 11, 2), None, "Applied", "555-0190"),
            ("Ostwind Logistik", "Planer", dt.date(2026, 11, 3), None, "Applied", "555-0191")]
    path = write_sheets(tmp_path / "t.xlsx", headers, {"Applications": rows})
    me = Settings(your_name="Sam Okafor", language=language)
    refresh(path, today=MARK_MONDAY, settings=me)
    said = {k: catalogue.say("today", k, language) for k in ("Company", "Done", "Outcome", "Date")}
    wb = openpyxl.load_workbook(path)     # typed as the user would, under the sheet's own headers
    ws = wb["Today"]
    header = {c.value: c.column for c in ws[2] if c.value}
    for r in range(3, ws.max_row + 1):
        if ws.cell(r, header[said["Company"]]).value == "Fenwick Glass":
            ws.cell(r, header[said["Done"]], "x")
            ws.cell(r, header[said["Outcome"]], outcome)
            if date:
                ws.cell(r, header[said["Date"]], date)
    wb.save(path)
    result = refresh(path, today=MARK_MONDAY, settings=me)
    plan = result.sheets[0].plan
    facts = {f.kind: f for f in plan.at[2, "facts"]}
    assert facts[kind].marked == MARK_MONDAY and facts[kind].source == "mark on Today, Nov 30"
    assert source in plan.at[2, "why"], plan.at[2, "why"]
    # the other row's cells were written by nobody but the user
    assert all(f.marked is None and "mark" not in f.source for f in plan.at[3, "facts"])


# --- the Why column's fact words speak the run's language (rules §8) ----------------------------
@pytest.mark.parametrize("language,words", [
    ("en", ["on hold Dec 14", "Notes, K2"]),
    ("de", ["pausiert 14. Dez.", "Notes, K2"]),
    ("es", ["en pausa 14 dic", "Notes, K2"]),
    ("fr", ["en pause 14 déc.", "Notes, K2"]),
    ("ja", ["保留 12月14日", "Notes, K2"]),
])
def test_why_speaks_the_runs_language(language, words):
    plan = _one([app(applied_on="2026-11-20", last_contact="2026-11-30", notes="hiring freeze until 12/14")],
                language=language)
    why = plan.at[2, "why"]
    for w in words:
        assert w in why, why
    if language != "en":
        assert "on hold" not in why and "Dec" not in why


def test_every_complete_catalogue_has_every_fact_word():
    from followup_sheet import catalogue
    from followup_sheet.facts import FACT_WORDS, FACTS_SECTION, MARK_SOURCE
    for code in ("de", "fr", "es", "it", "pt", "nl", "pl", "zh", "ja", "ko"):
        book = catalogue.catalogue(code).get(FACTS_SECTION, {})
        wanted = {*FACT_WORDS, MARK_SOURCE}
        assert wanted - set(book) == set(), f"{code} lacks {wanted - set(book)}"
        assert "{day}" in book[MARK_SOURCE]
        assert all(book[w] != w or w in ("date",) for w in FACT_WORDS if code != "en"), code


# --- Chinese, Japanese and Korean dates in the notes, read from the day they were written (§3) ---
# written on Thursday, November 26 2026 (the row's last contact); (note, the day, what it is about)
CJK_NOTES = [
    ("HR说12月10日以后再联系", dt.date(2026, 12, 11), "call_back"),
    ("十二月十四日二面", dt.date(2026, 12, 14), "interview"),
    ("下周四面试", dt.date(2026, 12, 3), "interview"),
    ("他们说星期五之前给答复", dt.date(2026, 11, 27), "feedback"),     # their answer is their news
    ("两周后决定", dt.date(2026, 12, 10), "decision"),
    ("招聘冻结到2027年1月11日", dt.date(2027, 1, 11), "hold"),
    ("来週の水曜日に面接", dt.date(2026, 12, 2), "interview"),
    ("12月8日までに返事をもらう予定", dt.date(2026, 12, 8), "feedback"),
    ("5日後に電話する", dt.date(2026, 12, 1), "call_back"),
    ("면접은 다음 주 화요일", dt.date(2026, 12, 1), "interview"),
    ("12월 7일까지 답변 예정", dt.date(2026, 12, 7), "answer"),
    ("일주일 뒤 연락", None, None),          # a count in words the reader leaves alone
    ("3일 후에 다시 연락", dt.date(2026, 11, 29), "call_back"),
    ("面接は12/4の予定", dt.date(2026, 12, 4), "interview"),
    ("明天上午再打电话", dt.date(2026, 11, 27), "call_back"),
    ("あさって二次面接", dt.date(2026, 11, 28), "interview"),
    ("다음 달에 결과 발표", dt.date(2026, 12, 1), "decision"),
    ("明日香さんに書類を送った", None, None),    # a name that starts like "tomorrow"
    ("下个月再联系", dt.date(2026, 12, 1), "call_back"),
]


@pytest.mark.parametrize("note,day,kind", CJK_NOTES)
def test_chinese_japanese_and_korean_dates_are_read_from_the_day_written(note, day, kind):
    from followup_sheet.statements import read_statements
    found = read_statements(note, dt.date(2026, 11, 26))
    if day is None:
        assert found == ()
        return
    assert [(s.date, s.kind) for s in found] == [(day, kind)]


def test_a_year_less_cjk_date_is_the_next_after_the_day_written_not_after_today():
    # written in late November, read in January: still that December
    plan = _one([app(applied_on="2026-11-16", last_contact="2026-11-27", notes="12月11日までに結果の連絡")],
                today=dt.date(2027, 1, 6), language="ja")
    assert [(f.kind, f.date) for f in plan.at[2, "facts"] if f.kind == "decision"] == \
        [("decision", dt.date(2026, 12, 11))]


def test_check_lists_the_cjk_notes_it_read_a_date_from(tmp_path):
    from conftest import write_tracker

    from followup_sheet.checkreport import check
    path = write_tracker(tmp_path / "t.xlsx", [
        {"Company": "青木商事", "Date Applied": dt.date(2026, 11, 2), "Last Contact": dt.date(2026, 11, 30),
         "Notes": "下周三面试"},
        {"Company": "한빛전자", "Date Applied": dt.date(2026, 11, 2), "Last Contact": dt.date(2026, 11, 30),
         "Notes": "12월 11일까지 답변"}])
    lines = check(path, today=WED, settings=Settings()).lines
    assert "  Row 2: Notes, D2: '下周三' -> 2026-12-09 (interview)" in lines, lines
    assert "  Row 3: Notes, D3: '12월 11일' -> 2026-12-11 (answer)" in lines, lines


def test_explain_shows_the_agency_and_the_ended_hold_with_their_cells(tmp_path):
    from conftest import write_tracker

    from followup_sheet.explain import explain_row
    path = write_tracker(tmp_path / "t.xlsx", [
        {"Company": "Brightwater Recruitment", "Position": "Planner", "Date Applied": dt.date(2026, 11, 2),
         "Contact": "Ola Nordmann", "Phone": "555-0100"},
        {"Company": "Fenwick Glass", "Position": "Buyer", "Date Applied": dt.date(2026, 11, 2),
         "Last Contact": dt.date(2026, 11, 20), "Contact": "Ola Nordmann", "Phone": "555-0101",
         "Notes": "hiring freeze until 12/9"}],
        headers=["Company", "Position", "Date Applied", "Last Contact", "Contact", "Phone", "Notes"])
    agency = explain_row(path, 2, today=WED)
    assert "agency ← Company, A2" in agency.why
    hold = explain_row(path, 3, today=WED)
    passed = next(s for s in hold.sentences if "now that it has passed" in s.text)
    assert any("Notes, G3" in src for src in passed.sources), passed.sources


def test_the_ledger_reads_only_the_rows_it_is_given():
    from followup_sheet import facts
    frame = canonical_frame([
        app(applied_on="2026-11-20", last_contact="2026-12-01", notes="Recruiter rang on 12/1, call back on 12/14"),
        app(applied_on="2026-11-20", last_contact="2026-12-01", stage="Rejected",
            notes="Recruiter rang on 12/1, call back on 12/14")])
    every = facts.read_ledger(frame, Settings())
    assert every.columns["employer_call"].tolist() == [True, True]
    assert all(every.statements)
    first = facts.read_ledger(frame, Settings(), rows=pd.Series([True, False]).to_numpy())
    assert first.columns["employer_call"].tolist() == [True, False]
    assert first.columns.iloc[0].equals(every.columns.iloc[0])
    assert first.statements[0] == every.statements[0] and first.statements[1] == []
    assert first.columns["stated_on"].isna().tolist() == [False, True]


def test_a_closed_row_s_notes_are_not_read_and_change_nothing(monkeypatch):
    from followup_sheet import facts
    said = "Hiring manager phoned 12/2; interview on 12/15, they will decide by 12/18"
    rows = [app(applied_on="2026-11-20", last_contact="2026-12-01", notes="Sent my portfolio"),
            app(company="Quayside Dental", applied_on="2026-11-10", last_contact="2026-12-02", stage="Withdrawn",
                notes=said),
            app(company="Hollin Farm", applied_on="2026-11-12", stage="Not applied", applied_flag="no", notes=said)]
    quiet = [dict(r, notes="") if r["company"] != "Marlow Tiles" else r for r in rows]
    looked_at: list[str] = []
    real = facts._text_facts
    monkeypatch.setattr(facts, "_text_facts", lambda text: looked_at.append(text) or real(text))
    plan = build_plan(canonical_frame(rows), WED, Settings(), columns=COLUMNS)
    assert not any("Hiring manager" in t for t in looked_at), looked_at
    assert any("portfolio" in t for t in looked_at)
    blank = build_plan(canonical_frame(quiet), WED, Settings(), columns=COLUMNS)
    assert plan["status"].tolist()[1:] == ["Closed", "Not applied"]
    pd.testing.assert_frame_equal(plan.drop(columns=["facts", "why"]), blank.drop(columns=["facts", "why"]))
    assert [len(f) for f in plan["facts"]][1:] == [1, 0]


# --- the employer chose someone else, however it is worded (rules §2: closed) ------------------

@pytest.mark.parametrize("text", [
    "sadly they've gone with an internal applicant",
    "Recruiter said the client picked another candidate",
    "they offered the post to someone else",
    "Leider hat man sich für eine andere Bewerberin entschieden",
    "Ils ont choisi une autre candidate",
    "Contrataron a otra candidata con más experiencia",
    "alla fine hanno assunto un'altra persona",
    "A vaga foi dada a outra pessoa",
    "Ze hebben iemand anders aangenomen",
    "Zatrudnili inną osobę",
])
def test_the_employer_choosing_someone_else_is_closed_in_the_stage_and_asked_about_in_the_notes(text):
    from followup_sheet.plan import stage_of
    assert stage_of(text, Settings()) == "closed", text
    plan = _one([app(stage="Applied", applied_on="2026-11-30", notes=text)])
    assert plan.at[2, "status"] == "Check data"
    assert "but the status is still open" in str(plan.at[2, "check"])


@pytest.mark.parametrize("text", [
    "they're meeting other candidates this week as well",
    "I went with another agency for my CV review",
    "HR put me through to someone else in the team",
    "moving to another city in January, remote ok",
    "panel had a different person from last time",
])
def test_other_people_in_a_note_are_no_rejection(text):
    from followup_sheet.plan import stage_of
    assert stage_of(text, Settings()) == "applied", text
    plan = _one([app(stage="Applied", applied_on="2026-11-30", notes=text)])
    assert plan.at[2, "status"] != "Check data"


# --- what the notes say in their own words ----------------------------------------------------

@pytest.mark.parametrize("note", [
    "only got an automated email back so far",
    "respuesta automática: confirman la recepción de mi candidatura",
    "Autoantwort: automatische Bestätigung erhalten",
    "mail automatique de confirmation, rien d'autre",
    "no-reply message thanking me, nothing else",
    "their system said they received your application",
    # the word for "automatic" and the message with other words between
    "an automatic application confirmation landed within the hour",
    "automatische bevestiging van ontvangst gekregen",
    "서류 접수 후 자동 발송된 확인 문자 옴",
    "系统自动发了一封确认邮件",
    "応募後すぐ自動で届いた受付メール",
])
def test_an_automatic_reply_told_in_the_notes_own_words_is_one_and_names_its_cell(note):
    plan = _one([app(stage="Applied", applied_on="2026-12-01", notes=note)])
    assert plan.at[2, "situation"] == "autoresponse", plan.at[2, "why"]
    assert ("auto_reply", cell("notes")) in [(f.kind, f.source) for f in plan.at[2, "facts"]]


@pytest.mark.parametrize("note", ["Auto Glass Express referred me", "emailed them about the automation team",
                                  "auto parts supplier, sent an email to the plant manager",
                                  "자동차 부품 회사 인사팀에 메일 보냄", "自动驾驶团队的HR发了邮件给我",
                                  "自動車メーカーの人事にメールした"])
def test_auto_in_a_name_or_another_word_is_no_automatic_reply(note):
    plan = _one([app(stage="Applied", applied_on="2026-12-01", notes=note)])
    assert plan.at[2, "situation"] != "autoresponse"


def test_a_relative_day_in_a_note_counts_from_the_last_calendar_day_it_gives():
    # written after the panel of 11/24 (the row's own dates are older): "in a week" is from then
    plan = _one([app(stage="Final round", applied_on="2026-10-26",
                     notes="panel on 11/24 went ok; they will decide in a week")], today=dt.date(2026, 12, 7))
    decided = [f.date for f in plan.at[2, "facts"] if f.kind == "decision"]
    assert decided == [dt.date(2026, 12, 1)], plan.at[2, "why"]
    interviews = [f.date for f in plan.at[2, "facts"] if f.kind == "interview"]
    assert interviews == [dt.date(2026, 11, 24)]


@pytest.mark.parametrize("note", ["hiring manager off sick till 12/14", "Frau Kern ist krank bis zum 14.12.",
                                  "la responsable est absente jusqu'au 14 décembre", "Jan is ziek tot 14 december"])
def test_someone_away_until_a_day_is_back_that_day(note):
    plan = _one([app(stage="Applied", applied_on="2026-12-01", notes=note)], today=dt.date(2026, 12, 7))
    assert [f.date for f in plan.at[2, "facts"] if f.kind == "back"] == [dt.date(2026, 12, 14)], plan.at[2, "why"]
    assert plan.at[2, "due"] == pd.Timestamp("2026-12-14")


@pytest.mark.parametrize("stage, note, due", [
    ("Offer", "got the offer 12/3, written contract to follow", "2026-12-07"),        # offer_gap 2 after Dec 3
    ("Interviewing", "2nd interview was 11/27 with the director, thank-you email sent", "2026-12-01"),
    ("Applied", "they phoned 12/2 asking for my notice period, I told them 4 weeks", "2026-12-03"),   # a return call
])
def test_an_event_the_notes_date_by_the_calendar_is_the_rows_last_contact(stage, note, due):
    plan = _one([app(stage=stage, applied_on="2026-10-19", notes=note)], today=dt.date(2026, 12, 7))
    assert plan.at[2, "due"] == pd.Timestamp(due), plan.at[2, "why"]
    assert plan.at[2, "status"] not in ("Gone cold", "Check data")


def test_the_receipt_of_a_document_is_no_front_desk():
    note = "correo automático con acuse de recepción del CV"
    plan = _one([app(stage="Enviado", applied_on="2026-12-01", notes=note)])
    assert not bool(plan.at[2, "retry"]), plan.at[2, "why"]
    assert "no_answer" not in [f.kind for f in plan.at[2, "facts"]]


# --- a referrer the notes name (rules §5: referral) --------------------------------------------

@pytest.mark.parametrize("note, name, dept", [
    ("got in through my old flatmate Priya Shah (she is in Product)", "", ""),     # no referral word: no one
    ("referred by my neighbour Luis Ortega (works in Logistics)", "Luis Ortega", "Logistics"),
    ("Hannah Cole referred me after the meetup", "Hannah Cole", ""),
    ("über Empfehlung von meiner Kollegin Petra Haas", "Petra Haas", ""),
    ("recommandé par Julien Roux", "Julien Roux", ""),
    ("referida por mi prima Lucía", "Lucía", ""),
    ("referred by a former classmate", "", ""),                                     # a relation, no name
    # where the referrer works, said as each language says it, and names with particles
    ("referred by my squash partner Omar Haddad who is in their payments team", "Omar Haddad", "payments"),
    ("empfohlen von Ute Lang aus dem Controlling", "Ute Lang", "Controlling"),
    ("recommandée par Inès Faure de l'équipe logistique", "Inès Faure", "logistique"),
    ("recomendado por Tomás de la Cruz, del área de Compras", "Tomás de la Cruz", "Compras"),
    ("aanbevolen door Sanne van Dijk van de afdeling Juridische Zaken", "Sanne van Dijk", "Juridische Zaken"),
    ("segnalato da Giulia Neri di Torino", "Giulia Neri", ""),                   # a place, no department
    # the name first, what is said of them between commas, then the verb; a long clause is never
    # cut inside its last word
    ("Gustavo Ibarra, del equipo de reclamos, me recomendó para el puesto", "Gustavo Ibarra", "reclamos"),
    ("Wes Doyle, who sits in their underwriting team, referred me", "Wes Doyle", "underwriting"),
    ("Birgit Sommer, aus dem Qualitätsmanagement, hat mich empfohlen", "Birgit Sommer", "Qualitätsmanagement"),
    ("Maud Leclerc, du service paie, m'a recommandée", "Maud Leclerc", "paie"),
    ("Koen van der Berg, van de afdeling Logistiek, heeft mij aanbevolen", "Koen van der Berg", "Logistiek"),
    ("me refirió Hernán Ocampo, un viejo amigo que trabaja en el equipo de facturaciones", "Hernán Ocampo",
     "facturaciones"),
    # "in" a part of the firm between the name and the verb is where they work; "from" is where from
    ("my flatmate Rhys Owen in treasury referred me", "Rhys Owen", "treasury"),
    ("Kerry-Ann Bell from church referred me", "Kerry-Ann Bell", ""),
])
def test_a_referrer_named_in_the_notes_makes_the_referral_script_name_them(tmp_path, note, name, dept):
    from conftest import write_tracker

    from followup_sheet import compute
    rows = [{"Company": "Marlow Tiles", "Position": "Estimator", "Date Applied": dt.datetime(2026, 12, 1),
             "Status": "Applied", "Notes": note}]
    sheets, _, _ = compute(write_tracker(tmp_path / "ref.xlsx", rows), today=dt.date(2026, 12, 9))
    frame, plan, scripts = sheets[0].tracker.frame, sheets[0].plan, sheets[0].scripts
    if not name:
        assert plan.iloc[0]["situation"] != "referral"
        return
    assert plan.iloc[0]["situation"] == "referral", plan.iloc[0]["why"]
    assert frame.iloc[0]["referrer"] == name and frame.iloc[0]["referrer_dept"] == dept
    assert name in scripts.iloc[0], scripts.iloc[0]
    assert sheets[0].tracker.columns["referrer"].header == "Notes"     # its source is the notes' cell


@pytest.mark.parametrize("note, written", [
    ("verbal offer 12/2, asked them for the written offer", False),
    ("still waiting on the offer letter", False),
    ("no offer letter yet, HR says Monday", False),
    ("offer letter arrived by e-mail, reading the benefits", True),
    ("signed nothing yet but the written offer came Friday", True),
])
def test_a_written_offer_asked_for_or_awaited_is_not_in_writing(note, written):
    plan = _one([app(stage="Offer", applied_on="2026-11-20", notes=note)])
    assert bool(plan.at[2, "written_offer"]) is written


@pytest.mark.parametrize("note", ["applied through Greenhouse, got their confirmation mail",
                                  "the StepStone Bestätigung kam sofort"])
def test_a_platforms_message_is_an_automatic_reply(note):
    plan = _one([app(stage="Applied", applied_on="2026-12-01", notes=note)])
    assert plan.at[2, "situation"] == "autoresponse", plan.at[2, "why"]


# --- a step the notes say is another employer's (rules §5: strong interest elsewhere) ------------

@pytest.mark.parametrize("note", [
    "got an offer from another company last week, have to answer by 12/11",
    "Angebot von einem anderen Arbeitgeber liegt vor, Antwort bis 11.12.",
    "otra empresa me hizo una oferta, tengo que contestar antes del 11/12",
    "他社から内定をもらった。返事は12/11まで",
    "타사 최종 합격함",
    "final round with another firm on Thursday",
])
def test_an_offer_or_a_late_round_at_another_employer_told_in_a_note_is_strong_interest_not_this_rows_stage(note):
    rows = [app(stage="", applied_on="2026-11-25", notes=note), app("Corvid Ltd", stage="Applied",
                                                                     applied_on="2026-11-23")]
    plan = _one(rows, today=dt.date(2026, 12, 7))
    assert plan.at[2, "stage"] == "applied", plan.at[2, "why"]
    # this row's own cadence goes on (the answer owed is to the other employer), and both rows may say it
    assert plan.at[2, "due"] == pd.Timestamp("2026-12-02"), plan.at[2, "why"]
    assert list(plan["situation"]) == ["competing_interest", "competing_interest"]


@pytest.mark.parametrize("note", [
    "hoping for an offer from another company",
    "no offer from the other company in the end",
    "turned down an offer elsewhere",
    "phone screen with another company on Friday",       # a first talk is no strong interest
    "waiting for an offer from another firm",
])
def test_a_step_at_another_employer_hoped_refused_or_only_a_first_talk_is_no_strong_interest(note):
    plan = _one([app(stage="", applied_on="2026-11-25", notes=note)], today=dt.date(2026, 12, 7))
    assert plan.at[2, "stage"] == "applied" and plan.at[2, "situation"] == "check_in", plan.at[2, "why"]


@pytest.mark.parametrize("stage, wanted", [("최종 합격했습니다", "offer"), ("2차 면접을 봤어요", "interviewing"),
                                           ("불합격입니다", "closed"), ("서류 합격함", "interviewing")])
def test_a_korean_stage_word_with_its_endings_is_that_stage(stage, wanted):
    plan = _one([app(stage=stage, applied_on="2026-11-25")], today=dt.date(2026, 12, 7))
    assert plan.at[2, "stage"] == wanted


@pytest.mark.parametrize("stage", ["Nog te solliciteren", "noch zu bewerben", "à candidater", "por postular",
                                   "ancora da candidare", "a candidatar", "jeszcze do wysłania", "yet to submit"])
def test_a_stage_saying_still_to_apply_or_send_is_not_applied_in_each_language(stage):
    plan = _one([app(stage=stage)], today=dt.date(2026, 12, 7))
    assert plan.at[2, "stage"] == "not_applied" and plan.at[2, "status"] == "Not applied"


@pytest.mark.parametrize("stage", ["à relancer", "noch offen", "te laat gereageerd", "da sentire"])
def test_a_stage_saying_still_to_do_something_else_is_no_not_applied(stage):
    plan = _one([app(stage=stage, applied_on="2026-11-30")], today=dt.date(2026, 12, 7))
    assert plan.at[2, "stage"] != "not_applied"


@pytest.mark.parametrize("stage", ["Tweede gesprek", "druga rozmowa", "2. Gespräch", "seconda fase", "3e tour",
                                   "laatste ronde", "terceira etapa", "最終面接", "최종 면접"])
def test_a_later_round_said_in_any_language_is_strong_interest_for_the_other_rows(stage):
    rows = [app(stage="Applied", applied_on="2026-11-23"),
            app("Pellucid Labs", stage=stage, applied_on="2026-11-16", last_contact="2026-12-04")]
    plan = _one(rows, today=dt.date(2026, 12, 7))
    assert plan.at[2, "situation"] == "competing_interest", plan.at[3, "stage"]


@pytest.mark.parametrize("stage", ["Zweitgespräch", "Endrunde", "Folgegespräch geplant", "vervolggesprek", "eindronde"])
def test_a_later_round_glued_into_one_word_is_strong_interest_for_the_other_rows(stage):
    rows = [app(stage="Applied", applied_on="2026-11-23"),
            app("Pellucid Labs", stage=stage, applied_on="2026-11-16", last_contact="2026-12-04")]
    plan = _one(rows, today=dt.date(2026, 12, 7))
    assert plan.at[3, "stage"] == "interviewing" and plan.at[2, "situation"] == "competing_interest", plan.at[3, "why"]


# a stage cell naming a step of the process the stage lists leave to the notes' reader, or a
# shortlist: the interview stage
@pytest.mark.parametrize("stage", ["Technical round cleared", "Shortlisted", "short-listed for panel",
                                   "Case study sent back", "Fallstudie abgegeben"])
def test_a_stage_cell_naming_a_step_or_a_shortlist_is_the_interview_stage(stage):
    plan = _one([app(stage=stage, applied_on="2026-11-23")], today=dt.date(2026, 12, 7))
    assert plan.at[2, "stage"] == "interviewing", plan.at[2, "why"]


@pytest.mark.parametrize("stage", ["no technical round yet", "Applied via portal"])
def test_a_stage_cell_naming_no_step_stays_applied(stage):
    plan = _one([app(stage=stage, applied_on="2026-11-23")], today=dt.date(2026, 12, 7))
    assert plan.at[2, "stage"] == "applied", plan.at[2, "why"]


# the stage cell says only "Interview"; the row's own notes say which round
@pytest.mark.parametrize("stage, notes", [
    ("Interview", "3rd interview w/ the directors on Weds"),
    ("Interviewing", "final round booked for the 14th, panel of four"),
    ("Vorstellungsgespräch", "Zweitgespräch mit dem Bereichsleiter am 10.12."),
    ("Entretien", "deuxième entretien prévu avec le DG"),
    ("Colloquio", "fatto il secondo colloquio col direttore"),
    ("Gesprek", "tweede gesprek gehad met de manager"),
])
def test_a_later_round_in_the_notes_of_an_interviewing_row_is_strong_interest_for_the_other_rows(stage, notes):
    rows = [app(stage="Applied", applied_on="2026-11-23"),
            app("Pellucid Labs", stage=stage, applied_on="2026-11-16", last_contact="2026-12-04", notes=notes)]
    plan = _one(rows, today=dt.date(2026, 12, 7))
    assert plan.at[2, "situation"] == "competing_interest", plan.at[3, "why"]


@pytest.mark.parametrize("stage, notes", [
    ("Interview", "no 2nd interview, they said the role was paused"),
    ("Interview", "hoping they'll invite me to a second round"),
    ("Interview", "phone screen done, 2nd interview if the manager likes my CV"),
    ("Vorstellungsgespräch", "kein Zweitgespräch geplant"),
])
def test_a_later_round_negated_or_hoped_in_the_notes_is_no_strong_interest(stage, notes):
    rows = [app(stage="Applied", applied_on="2026-11-23"),
            app("Pellucid Labs", stage=stage, applied_on="2026-11-16", last_contact="2026-12-04", notes=notes)]
    assert _one(rows, today=dt.date(2026, 12, 7)).at[2, "situation"] == "check_in"


@pytest.mark.parametrize("stage", ["Erstes Gespräch", "pierwsza rozmowa", "eerste gesprek", "一次面接"])
def test_a_first_round_in_any_language_is_no_strong_interest(stage):
    rows = [app(stage="Applied", applied_on="2026-11-23"),
            app("Pellucid Labs", stage=stage, applied_on="2026-11-16", last_contact="2026-12-04")]
    assert _one(rows, today=dt.date(2026, 12, 7)).at[2, "situation"] == "check_in"


@pytest.mark.parametrize("note, called", [
    ("me ligaram na quinta e não deu para atender", "2026-12-03"),
    ("o RH ligou terça, estava no ônibus", "2026-12-01"),
    ("ligação perdida da recrutadora na segunda", "2026-11-30"),
])
def test_a_call_on_a_weekday_said_the_brazilian_way_is_that_day(note, called):
    plan = _one([app(stage="", applied_on="2026-11-20", notes=note)], today=dt.date(2026, 12, 7))
    assert plan.at[2, "next_reason"] == "return_call", plan.at[2, "why"]
    assert plan.at[2, "employer_called_on"] == pd.Timestamp(called), plan.at[2, "why"]


def test_a_second_interview_said_in_portuguese_is_no_monday():
    plan = _one([app(stage="segunda entrevista marcada", applied_on="2026-11-20")], today=dt.date(2026, 12, 7))
    assert not [f for f in plan.at[2, "facts"] if f.date == dt.date(2026, 11, 23)], plan.at[2, "why"]


# a call of theirs the user missed, as each language says it: the next call returns it
@pytest.mark.parametrize("language, order, note", [
    ("en", "mdy", "the recruiter tried to get hold of me 12/3 while I was driving"),
    ("de", "dmy", "Anruf der Recruiterin am 3.12. verpasst"),
    ("fr", "dmy", "le recruteur m'a appelé le 3/12 mais je n'ai pas décroché"),
    ("fr", "dmy", "la chargée de recrutement m'a téléphoné le 3/12, je n'ai pas pu lui répondre"),
    ("it", "dmy", "mi hanno chiamato il 3/12, non sono riuscita a rispondere"),
    ("es", "dmy", "me llamaron de la empresa el 3/12 y no pude atender"),
    ("ja", "mdy", "12/3 採用担当から着信があった"),
    ("ko", "mdy", "12/3 채용담당자 부재중 전화 2통"),
    ("zh", "mdy", "12月3日有个HR的未接来电"),
])
def test_a_call_of_theirs_the_user_missed_is_returned_in_each_language(language, order, note):
    plan = _one([app(stage="", applied_on="2026-11-16", notes=note)], today=dt.date(2026, 12, 7),
                language=language, date_order=order)
    assert plan.at[2, "next_reason"] == "return_call" and plan.at[2, "status"] == "Overdue", plan.at[2, "why"]


@pytest.mark.parametrize("language, order, note", [
    ("ko", "mdy", "12/3 인사팀에 전화했는데 부재중"),          # the other side was out: a retry
    ("en", "mdy", "I tried to reach them on 12/3, no answer"),
])
def test_a_call_of_the_users_that_reached_nobody_is_no_call_of_theirs(language, order, note):
    plan = _one([app(stage="", applied_on="2026-11-16", notes=note)], today=dt.date(2026, 12, 7),
                language=language, date_order=order)
    assert plan.at[2, "next_reason"] != "return_call", plan.at[2, "why"]


def test_a_leave_until_a_month_said_by_its_name_alone_waits_for_that_month():
    plan = _one([app(stage="", applied_on="2026-11-16", notes="contactpersoon met ouderschapsverlof tot februari")],
                today=dt.date(2026, 12, 7), language="nl", date_order="dmy")
    assert plan.at[2, "status"] == "Waiting" and plan.at[2, "due"] == pd.Timestamp("2027-02-01"), plan.at[2, "why"]


@pytest.mark.parametrize("note", ["phoned Carys 26/11, still shortlisting, told to try again in a week",
                                  "spoke to Carys 26/11 - ring back in 7 days"])
def test_a_span_after_a_call_is_the_next_call_not_a_contact_made(note):
    plan = _one([app(stage="Applied", applied_on="2026-11-02", notes=note)], today=dt.date(2026, 12, 7),
                date_order="dmy")
    assert plan.at[2, "status"] == "Overdue" and plan.at[2, "due"] == pd.Timestamp("2026-12-03"), plan.at[2, "why"]


@pytest.mark.parametrize("note", ["mi hanno scritto per fissare un colloquio, attendo la data",
                                  "la RH m'a écrit pour planifier un échange téléphonique",
                                  "the coordinator emailed to fix a date for the panel"])
def test_arranging_said_with_a_purpose_or_a_wish_is_an_interview_being_arranged_not_held(note):
    from followup_sheet.notestage import being_arranged
    assert being_arranged(note)
    plan = _one([app(stage="", applied_on="2026-11-23", notes=note)], today=dt.date(2026, 12, 7))
    assert plan.at[2, "stage"] == "interviewing" and plan.at[2, "next_reason"] != "thank_you", plan.at[2, "why"]


# their message left on the user's phone, or a missed call said as a noun, in more languages
@pytest.mark.parametrize("language, order, note", [
    ("fr", "dmy", "appel en absence du cabinet le 3/12"),
    ("fr", "dmy", "message vocal du recruteur le 3/12"),
    ("de", "dmy", "Bitte um Rückruf auf meiner Mailbox, 3.12."),
    ("it", "dmy", "il 3/12 mi hanno lasciato un messaggio in segreteria"),
    ("pt", "dmy", "tive uma chamada perdida do RH no dia 3/12"),
    ("pt", "dmy", "deixaram uma mensagem na caixa postal no dia 3/12"),
    ("ja", "mdy", "12/3 人事から留守電が入っていた"),
    ("zh", "mdy", "12月3日招聘专员留了语音"),
])
def test_their_message_or_missed_call_said_as_a_noun_is_returned(language, order, note):
    plan = _one([app(stage="", applied_on="2026-11-16", notes=note)], today=dt.date(2026, 12, 7),
                language=language, date_order=order)
    assert plan.at[2, "next_reason"] == "return_call", plan.at[2, "why"]


@pytest.mark.parametrize("language, order, note", [
    ("it", "dmy", "il 3/12 ho lasciato un messaggio in segreteria"),     # the user's own: a retry
    ("zh", "mdy", "12月3日我给HR留了言"),
])
def test_a_message_the_user_left_is_no_call_of_theirs(language, order, note):
    plan = _one([app(stage="", applied_on="2026-11-16", notes=note)], today=dt.date(2026, 12, 7),
                language=language, date_order=order)
    assert plan.at[2, "next_reason"] != "return_call", plan.at[2, "why"]


@pytest.mark.parametrize("stage", ["2次面接", "３次面接"])
def test_a_japanese_later_round_written_with_a_digit_is_strong_interest(stage):
    rows = [app(stage="Applied", applied_on="2026-11-23"),
            app("Pellucid Labs", stage=stage, applied_on="2026-11-16", last_contact="2026-12-04")]
    assert _one(rows, today=dt.date(2026, 12, 7), language="ja").at[2, "situation"] == "competing_interest"


@pytest.mark.parametrize("stage, due", [("On hold until Jan", "2027-01-01"), ("Paused till March", "2027-03-01"),
                                        ("Hiring freeze until Feb", "2027-02-01")])
def test_a_stage_cell_on_hold_until_a_month_waits_for_it(stage, due):
    plan = _one([app(stage=stage, applied_on="2026-11-16")], today=dt.date(2026, 12, 7))
    assert plan.at[2, "status"] == "Waiting" and plan.at[2, "due"] == pd.Timestamp(due), plan.at[2, "why"]


# a rejection in a stage cell's soft words: a regret and a bare "not", a negated way on, not passing
@pytest.mark.parametrize("language, stage", [
    ("en", "Sadly not this round"), ("de", "Leider nicht"), ("de", "nicht weitergekommen"),
    ("es", "no sigo en el proceso"), ("nl", "helaas niet door naar de volgende ronde"), ("zh", "一面没通过"),
    ("de", "Kein Interesse mehr"),
])
def test_a_rejection_in_a_stage_cells_soft_words_is_closed(language, stage):
    plan = _one([app(stage=stage, applied_on="2026-11-16")], today=dt.date(2026, 12, 7), language=language)
    assert plan.at[2, "status"] == "Closed", plan.at[2, "why"]


@pytest.mark.parametrize("language, stage", [
    ("en", "Applied - unfortunately not heard back"), ("de", "leider noch nicht gemeldet"),
    ("de", "nichts weiter gehört"), ("es", "continúo en el proceso"),
])
def test_a_stage_cell_with_regret_or_a_negation_of_something_else_is_no_rejection(language, stage):
    plan = _one([app(stage=stage, applied_on="2026-11-16")], today=dt.date(2026, 12, 7), language=language)
    assert plan.at[2, "status"] != "Closed", plan.at[2, "why"]


# a weekday with a time of day, a Portuguese weekday after "para", and a plain day still to come in
# a row whose stage says the interview is ahead: the interview's day, no call before it
@pytest.mark.parametrize("language, stage, note", [
    ("en", "Interview scheduled", "Thurs @ 3pm w/ the ops lead"),
    ("en", "Invited to interview", "Thursday at 11"),
    ("de", "Vorstellungsgespräch", "Einladung für Donnerstag um 14 Uhr"),
    ("fr", "Candidature envoyée", "convoqué jeudi à 9h pour un entretien"),
    ("es", "Enviado", "me citaron el jueves para una entrevista"),
    ("pt", "Entrevista", "entrevista marcada para quinta às 10h"),
])
def test_an_interview_day_said_with_a_time_or_as_a_plain_day_ahead_gets_no_call_before_it(language, stage, note):
    plan = _one([app(stage=stage, applied_on="2026-11-16", last_contact="2026-12-04", notes=note)],
                today=dt.date(2026, 12, 7), language=language, date_order="mdy" if language == "en" else "dmy")
    assert plan.at[2, "status"] == "Waiting" and plan.at[2, "due"] == pd.Timestamp("2026-12-11"), plan.at[2, "why"]


@pytest.mark.parametrize("language, order, note", [
    ("nl", "dmy", "Petra belde me op 2/12, kon niet opnemen en ze sprak geen bericht in, geen voicemail"),
    ("it", "dmy", "mi ha chiamato Giulia il 2/12, ero in riunione, nessuna segreteria"),
    ("pt", "dmy", "a recrutadora me ligou dia 2/12 e não atendi, sem recado na caixa postal"),
    ("es", "dmy", "me llamó la reclutadora el 2/12 y no lo cogí, sin mensaje en el buzón"),
    ("pl", "dmy", "rekruterka dzwoniła 2.12, nie odebrałam, bez wiadomości, żadnej poczty głosowej"),
])
def test_a_voicemail_the_note_denies_is_no_call_of_the_users(language, order, note):
    # (their call the user missed, and no message left: "geen voicemail", "nessuna segreteria", "sem
    # recado", "sin mensaje en el buzón" deny a voicemail, they tell of no call of the user's to one)
    plan = _one([app(stage="", applied_on="2026-11-16", notes=note)], today=dt.date(2026, 12, 7),
                language=language, date_order=order)
    assert plan.at[2, "next_reason"] == "return_call" and plan.at[2, "status"] == "Overdue", plan.at[2, "why"]


@pytest.mark.parametrize("language, note", [
    ("de", "zweite Runde beim Bereichsleiter am 10. Dezember"),
    ("nl", "volgende ronde met de manager op 10 december"),
    ("es", "segunda ronda con el director el 10 de diciembre"),
    ("pt", "segunda rodada com a diretoria em 10 de dezembro"),
    ("pl", "druga runda z dyrektorem 10 grudnia"),
    ("en", "final round with the VP on 10th December"),
])
def test_a_round_on_a_day_named_by_its_month_is_the_interview_ahead(language, note):
    # (a day and a month's name are read whatever language the parser would have guessed: "Runde am
    # 10. Dezember" had been 10 a.m., "am" being English; a round is a step in every language)
    plan = _one([app(stage="Interview", applied_on="2026-11-02", notes=note)], today=dt.date(2026, 12, 7),
                language=language, date_order="dmy")
    assert plan.at[2, "interview_ahead"] == pd.Timestamp("2026-12-10"), plan.at[2, "why"]
    assert plan.at[2, "status"] == "Waiting" and plan.at[2, "due"] == pd.Timestamp("2026-12-11"), plan.at[2, "why"]


@pytest.mark.parametrize("language, note", [
    ("pt", "entrevista dia 25/11; a gestora falou que retorna até quarta (2/12)"),
    ("pt", "entrevista dia 25/11, o diretor disse que me liga na quarta 2/12"),
    ("es", "entrevista el 25/11, la jefa dijo que me llama el miércoles 2/12"),
    ("it", "colloquio il 25/11, il responsabile ha detto che mi richiama mercoledì 2/12"),
    ("fr", "entretien le 25/11, la responsable a dit qu'elle me rappelle mercredi 2/12"),
])
def test_their_call_or_answer_said_in_the_present_is_their_news_not_a_request_to_me(language, note):
    # (Portuguese, Spanish, Italian and French say what is to come in the present: "retorna até
    # quarta" is their answer by Wednesday, not the user asked to get back in touch from then)
    plan = _one([app(stage="Interview", applied_on="2026-11-10", notes=note)], today=dt.date(2026, 12, 7),
                language=language, date_order="dmy")
    assert plan.at[2, "next_reason"] == "feedback", plan.at[2, "why"]
    assert plan.at[2, "due"] == pd.Timestamp("2026-12-03"), plan.at[2, "why"]


@pytest.mark.parametrize("note", [
    "recruiter says they are still screening applicants",
    "HR: currently interviewing other people, back to me after",
    "still short-listing per Tom",
    "applied on site, no reply",
    "applied onsite via their careers portal",
])
def test_the_employers_selection_going_on_or_where_the_application_went_is_no_step_of_mine(note):
    # (their work still going on and the place an application went name no stage the user reached;
    # an interview of the user's is one: the last row)
    plan = _one([app(stage="", applied_on="2026-11-16", notes=note),
                 app("Kestrel Labs", stage="", applied_on="2026-11-16", notes="Dana is interviewing me on 12/1")],
                today=dt.date(2026, 12, 7))
    assert plan.at[2, "stage"] == "applied", plan.at[2, "why"]
    assert plan.at[3, "stage"] == "interviewing", plan.at[3, "why"]


@pytest.mark.parametrize("note, ahead", [
    ("assessment centre booked for 12/10", "2026-12-10"),
    ("invited to an assessment day 12/9 in Leeds", "2026-12-09"),
    ("video chat with the ops lead 12/9 at 2", "2026-12-09"),
    ("trial shift 12/11 at the Leith branch", "2026-12-11"),
])
def test_an_assessment_centre_or_a_chat_on_a_day_to_come_is_an_interview_ahead(note, ahead):
    plan = _one([app(stage="", applied_on="2026-11-16", notes=note)], today=dt.date(2026, 12, 7))
    assert plan.at[2, "interview_ahead"] == pd.Timestamp(ahead), plan.at[2, "why"]
    assert plan.at[2, "status"] == "Waiting", plan.at[2, "why"]


def test_a_step_said_to_be_also_at_another_named_firm_is_not_this_rows():
    plan = _one([app(stage="Applied", applied_on="2026-11-16", notes="also interviewing with Corvid Bank"),
                 app("Kestrel Labs", stage="Applied", applied_on="2026-11-16",
                     notes="auch bei Krones im Vorstellungsgespräch")],
                today=dt.date(2026, 12, 7))
    assert plan.at[2, "stage"] == "applied" and plan.at[3, "stage"] == "applied", plan["why"].tolist()


@pytest.mark.parametrize("language, note", [
    ("ko", "2차 면접 연락 옴, 목요일 오후"),
    ("zh", "收到面试通知，周四"),
    ("ja", "面接の日程が決まった、木曜"),
])
def test_a_weekday_as_its_own_part_after_an_interview_is_the_interviews_day_in_cjk(language, note):
    # (a weekday alone after a comma is the part before's, as "interview invite received, Thursday")
    plan = _one([app(stage="", applied_on="2026-11-16", last_contact="2026-12-07", notes=note)],
                today=dt.date(2026, 12, 7), language=language)
    assert plan.at[2, "interview_ahead"] == pd.Timestamp("2026-12-10"), plan.at[2, "why"]


@pytest.mark.parametrize("language, note", [
    ("nl", "Jeroen heeft me vorige week gebeld, ik heb nog niet teruggebeld"),
    ("en", "Priya rang me last week, haven't got back to her yet"),
    ("de", "Herr Brandt hat mich letzte Woche angerufen, noch nicht zurückgerufen"),
])
def test_their_call_said_only_as_last_week_is_returned_without_a_day_said(language, note):
    # (the week bounds when it was; the script must not say "on November 30" for "last week")
    plan = _one([app(stage="", applied_on="2026-11-16", notes=note)], today=dt.date(2026, 12, 7),
                language=language, date_order="dmy")
    assert plan.at[2, "next_reason"] == "return_call", plan.at[2, "why"]
    assert pd.isna(plan.at[2, "employer_called_on"]), plan.at[2, "employer_called_on"]


def test_a_slashed_date_only_one_order_can_read_is_read_that_way_in_a_day_first_tracker():
    # ("12/15" has no fifteenth month: in a day-first tracker it is December 15, not a day of 2115)
    plan = _one([app(stage="Interview", applied_on="2026-11-16", notes="final panel on 12/15 at HQ")],
                today=dt.date(2026, 12, 7), date_order="dmy")
    assert plan.at[2, "interview_ahead"] == pd.Timestamp("2026-12-15"), plan.at[2, "why"]
