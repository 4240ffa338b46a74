"""Trackers kept the way English speakers outside the US keep them (British, Indian, Australian):
day-first dates typed as text, notes in their own words. What the notes say is read as a refresh
and `check` both read it (follow-up rules §3, §7)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from conftest import write_tracker

from followup_sheet.checkreport import check
from followup_sheet.pipeline import compute
from followup_sheet.plan import offer_in_writing, stage_of
from followup_sheet.settings import Settings
from followup_sheet.statements import read_statements

MONDAY = dt.date(2026, 12, 7)
ME = Settings(your_name="Ash Menon", your_phone="0400 111 222", country="GB")
HEADERS = ("Employer", "Post", "Applied on", "Last contact", "Stage", "Contact", "Phone", "Notes")


def _book(path, rows):
    return write_tracker(path, [dict(zip(HEADERS, r)) for r in rows], headers=HEADERS)


def test_check_reads_a_note_date_in_the_order_the_sheet_proved(tmp_path):
    # the date columns are typed day-first ("26/11/2026"), so "02/12" in a note is 2 December, in
    # check's list as in the refresh that plans on it
    path = _book(tmp_path / "t.xlsx", [
        ("Larkspur Homes", "Planner", "18/11/2026", "26/11/2026", "Applied", "Nia Okafor", "020 7946 0555",
         "spoke to Nia 26/11, ring her back on 02/12 please"),
        ("Ormond Press", "Editor", "23/11/2026", "", "Applied", "", "", "")])
    lines = "\n".join(check(path, settings=ME, today=MONDAY).lines)
    assert "'on 02/12' -> 2026-12-02 (call back)" in lines
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    assert outcomes[0].plan.loc[2, "due"].date() == dt.date(2026, 12, 2)


@pytest.mark.parametrize(("note", "day"), [
    ("panel said they would revert by 11-12", dt.date(2026, 12, 11)),
    ("on leave till 09-12, try after that", dt.date(2026, 12, 9)),
    ("joining letter came 02-12. must accept by 08-12.", dt.date(2026, 12, 8)),
])
def test_a_day_and_month_joined_by_a_hyphen_is_a_date(note, day):
    said = read_statements(note, dt.date(2026, 12, 1), True, ("en",))
    assert said and said[-1].date == day


@pytest.mark.parametrize("note", [
    "expected ctc 18-22 lpa, notice period 2-3 months",
    "rate 90-110k, team of 10-12 people",
    "ref no 4471-88, call 98450-12345",
])
def test_ranges_and_numbers_with_a_hyphen_are_no_date(note):
    assert read_statements(note, dt.date(2026, 12, 1), True, ("en",)) == ()


@pytest.mark.parametrize("said", [
    "Recruiter rang - they've decided to go with someone more senior, gutted",
    "mail came: regret that we are not able to take your application further",
    "Jo said the panel chose an internal applicant",
    "Their reply: my profile hasn't been shortlisted",
    "role ended up being filled internally",
    "they're moving ahead w/ other candidates",
])
def test_a_refusal_in_soft_words_is_closed(said):
    assert stage_of(said, Settings()) == "closed"


@pytest.mark.parametrize("said", [
    "not shortlisted yet, panel meets Thursday",
    "if not selected they'll keep my CV on file",
    "they might go with another candidate who can start sooner",
    "Ben put me forward to his client",
    "went with the recruiter's advice and resent my portfolio",
    "HR said to wait, they will revert next week",
])
def test_a_pending_or_hypothetical_no_is_still_open(said):
    assert stage_of(said, Settings()) != "closed"


@pytest.mark.parametrize("said", [
    "spoke to Gemma - they've passed on my application",
    "phone screen 2/12 but didn't make the shortlist",
    "did not make it through to the final stage",
    "heard back, it's a no from the panel",
    "got the no today, onto the next one",
    "the vacancy was scrapped after the restructure",
    "req got cancelled, budget",
    "overqualified apparently, a no-go",
])
def test_their_no_said_as_an_idiom_or_the_opening_ended_by_them_is_closed(said):
    assert stage_of(said, Settings()) == "closed"


@pytest.mark.parametrize("said", [
    "Gemma passed my CV on to the hiring lead",
    "they said no worries about the late reply",
    "a no-brainer, applying today",
    "got a no-reply email from their portal",
    "made the shortlist!",
    "not sure yet if it's a no",
    "hiring paused, the role is on ice until spring",
])
def test_a_no_that_is_not_their_answer_leaves_the_row_open(said):
    assert stage_of(said, Settings()) != "closed"


def test_a_soft_refusal_in_the_notes_is_asked_about_never_called(tmp_path):
    path = _book(tmp_path / "t.xlsx", [
        ("Fenwick Hall", "Curator", "10/11/2026", "27/11/2026", "Applied", "Omar Haddad", "020 7946 0777",
         "27/11 Omar emailed: they've gone with an internal candidate this time"),
        ("Ormond Press", "Editor", "23/11/2026", "", "Applied", "", "", "")])
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    plan = outcomes[0].plan
    assert plan.loc[2, "status"] == "Check data"
    assert "gone with an internal candidate" in str(outcomes[0].scripts.loc[2])
    assert plan.loc[3, "status"] != "Check data"


@pytest.mark.parametrize(("note", "held"), [
    ("verbal offer on the phone, I asked them to put it in writing", False),
    ("offer!! they'll send the offer letter by fri", False),
    ("still waiting on the written offer", False),
    ("no offer letter yet, HR says next week", False),
    ("offer letter arrived 03-12, joining date 4 Jan", True),
    ("have the written offer now, must reply by 11/12", True),
])
def test_an_offer_is_in_writing_only_when_the_clause_says_it_is_held(note, held):
    assert offer_in_writing(note) is held


def test_a_verbal_offer_is_never_called_written_to_another_employer(tmp_path):
    path = _book(tmp_path / "t.xlsx", [
        ("Brackley Ltd", "Analyst", "02/11/2026", "03/12/2026", "Offer", "Mo Ahmed", "020 7946 0222",
         "offered on the phone 03/12, reply by 10/12; asked Mo to send it in writing"),
        ("Ormond Press", "Editor", "10/11/2026", "", "Applied", "", "020 7946 0333", "")])
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    plan, scripts = outcomes[0].plan, outcomes[0].scripts
    assert plan.loc[3, "situation"] == "competing_interest"
    assert "written offer" not in scripts.loc[3]
    assert not plan.loc[2, "written_offer"]


@pytest.mark.parametrize(("country", "applied"), [
    ("GB", dt.date(2026, 11, 2)), ("IN", dt.date(2026, 11, 2)), ("AU", dt.date(2026, 11, 2)),
    ("US", dt.date(2026, 2, 11)),
])
def test_dates_that_prove_no_order_are_read_as_the_country_writes_them(tmp_path, country, applied):
    # every typed date could be either way round: the country's way of writing English decides
    path = _book(tmp_path / "t.xlsx", [
        ("Brackley Ltd", "Analyst", "02/11/2026", "03/12/2026", "Applied", "", "", "rang them, call back 08/12"),
        ("Ormond Press", "Editor", "10/11/2026", "", "Applied", "", "", "")])
    outcomes, _, _ = compute(path, settings=ME.replace(country=country), today=MONDAY)
    frame = outcomes[0].tracker.frame
    assert frame.loc[2, "applied_on"].date() == applied
    assert "first" in outcomes[0].tracker.date_orders["applied_on"]


@pytest.mark.parametrize("note", [
    "Nia tried ringing me thurs 03/12 while I was on the train",
    "HR was trying to call me 03/12, phone was on silent",
    "03/12 the recruiter gave me a buzz but I missed it",
])
def test_an_employer_who_tried_to_call_is_called_back(tmp_path, note):
    path = _book(tmp_path / "t.xlsx", [
        ("Larkspur Homes", "Planner", "18/11/2026", "03/12/2026", "Applied", "Nia Okafor", "020 7946 0555", note),
        ("Ormond Press", "Editor", "23/11/2026", "", "Applied", "", "", "")])
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    plan = outcomes[0].plan
    assert plan.loc[2, "employer_called"]
    assert plan.loc[2, "due"].date() == dt.date(2026, 12, 4)       # the next business day
    assert "returning" in outcomes[0].scripts.loc[2]


def test_a_voicemail_greeting_reached_is_retried_the_next_business_day(tmp_path):
    path = _book(tmp_path / "t.xlsx", [
        ("Larkspur Homes", "Planner", "18/11/2026", "03/12/2026", "Applied", "Nia Okafor", "020 7946 0555",
         "rang Nia 03/12, got her vm, left msg w/ my number"),
        ("Ormond Press", "Editor", "23/11/2026", "", "Applied", "", "", "")])
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    plan = outcomes[0].plan
    assert plan.loc[2, "retry"]
    assert plan.loc[2, "due"].date() == dt.date(2026, 12, 4)
    assert not plan.loc[2, "employer_called"]


@pytest.mark.parametrize(("note", "ack"), [
    ("applied via the careers page, got the auto email straight away", True),
    ("auto confirmation from their ATS, nothing else", True),
    ("sent CV, autogenerated msg came back", True),
    ("chased Nia by mail 03/12, automatic reply says she's on annual leave till 09/12", False),
    ("out of office auto-reply from Nia, back on the 9th", False),
    ("Autoglass depot role, sent CV in person", False),
])
def test_an_automatic_reply_is_an_acknowledgement_unless_it_says_someone_is_away(tmp_path, note, ack):
    path = _book(tmp_path / "t.xlsx", [
        ("Larkspur Homes", "Planner", "18/11/2026", "03/12/2026", "Applied", "Nia Okafor", "020 7946 0555", note),
        ("Ormond Press", "Editor", "23/11/2026", "", "Applied", "", "", "")])
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    assert bool(outcomes[0].plan.loc[2, "autoresponse"]) is ack
    assert ("automatic reply" in outcomes[0].scripts.loc[2]) is ack


def test_the_words_nearest_a_date_say_what_it_is_about(tmp_path):
    # an interview held on 2/12 and the employer's news expected by 10/12, in one clause run
    note = "panel interview 02/12 went fine, portfolio review next, they'll be in touch by 10/12"
    said = read_statements(note, dt.date(2026, 12, 2), True, ("en",))
    assert [(s.date, s.kind) for s in said] == [(dt.date(2026, 12, 2), "interview"),
                                                (dt.date(2026, 12, 10), "feedback")]
    path = _book(tmp_path / "t.xlsx", [
        ("Larkspur Homes", "Planner", "18/11/2026", "02/12/2026", "Interview", "Nia Okafor", "020 7946 0555", note),
        ("Ormond Press", "Editor", "23/11/2026", "", "Applied", "", "", "")])
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    plan, script = outcomes[0].plan, outcomes[0].scripts.loc[2]
    assert pd.isna(plan.loc[2, "interview_ahead"])
    assert plan.loc[2, "decision_on"].date() == dt.date(2026, 12, 10)
    assert "looking forward to the interview" not in script


def _log_book(path):
    """A tracker kept as a log: no status or last-contact column, one column of notes per week."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Autumn search"])
    ws.append(["Org", "Role", "Applied", "Who", "Log 16/11", "Log 23/11", "Log 30/11"])
    ws.append(["Hollins Bakery", "Shift Lead", "09/11/2026", "Fran", "chased Fran by phone", "",
               "Fran rang back, trial shift booked for 10/12"])
    ws.append(["Kettering Rail", "Planner", "12/11/2026", "", "", "email: they went with an internal applicant", ""])
    ws.append(["Marlow Vets", "Receptionist", "13/11/2026", "", "", "", ""])
    ws.append(["Penrose Hotel", "Night Manager", "02/11/2026", "Ivo", "1st interview done", "2nd interview done",
               "Ivo: decision by 09/12"])
    wb.save(path)
    return path


def test_a_log_kept_one_column_per_day_is_read_as_the_notes(tmp_path):
    path = _log_book(tmp_path / "log.xlsx")
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    tracker, plan = outcomes[0].tracker, outcomes[0].plan
    frame = tracker.frame
    # oldest entry first, and the newest entry's day is the last contact
    assert frame.loc[3, "notes"].index("chased Fran") < frame.loc[3, "notes"].index("trial shift")
    assert frame.loc[3, "last_contact"].date() == dt.date(2026, 11, 30)
    assert pd.isna(frame.loc[5, "last_contact"])
    assert plan.loc[4, "status"] == "Closed"              # the newest entry says where it stands
    assert plan.loc[6, "stage"] == "interviewing"
    assert plan.loc[6, "decision_on"].date() == dt.date(2026, 12, 9)
    assert plan.loc[5, "due"].date() == dt.date(2026, 11, 20)     # nothing logged: applied + 5 business days
    assert not any("Log 16/11" in h for h in tracker.ignored_headers)


def test_two_dated_columns_at_least_make_a_log(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Company", "Role", "Applied", "1/4", "Notes"])
    ws.append(["Quarry Tiles", "Estimator", "11/16/2026", "x", "sent CV"])
    wb.save(tmp_path / "one.xlsx")
    outcomes, _, _ = compute(tmp_path / "one.xlsx", settings=ME.replace(country="US"), today=MONDAY)
    assert outcomes[0].tracker.frame.loc[2, "notes"] == "sent CV"


def test_a_column_of_stage_words_under_an_unknown_header_is_the_status(tmp_path):
    headers = ("Company", "Post", "Sent", "Progress?", "Comments")
    rows = [("Alder Mining", "BA", "16/11/2026", "submitted", "via Hays"),
            ("Birch Water", "PM", "17/11/2026", "2nd interview", "went ok"),
            ("Cedar Rail", "Analyst", "18/11/2026", "rejected", "they went w/ someone internal"),
            ("Dune Energy", "Lead", "19/11/2026", "offer!!", "verbal, sign by 11/12")]
    path = write_tracker(tmp_path / "t.xlsx", [dict(zip(headers, r)) for r in rows], headers=headers)
    outcomes, _, _ = compute(path, settings=ME.replace(country="AU"), today=MONDAY)
    tracker, plan = outcomes[0].tracker, outcomes[0].plan
    assert tracker.columns["stage"].header == "Progress?"
    assert list(plan["stage"]) == ["applied", "interviewing", "closed", "offer"]


def test_a_column_of_long_notes_is_never_taken_as_the_status(tmp_path):
    headers = ("Company", "Role", "Date Applied", "Diary")
    rows = [("Alder Mining", "BA", "16/11/2026", "sent the application on their portal after a long evening"),
            ("Birch Water", "PM", "17/11/2026", "interview"), ("Cedar Rail", "Analyst", "18/11/2026", "offer")]
    path = write_tracker(tmp_path / "t.xlsx", [dict(zip(headers, r)) for r in rows], headers=headers)
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    assert "stage" not in outcomes[0].tracker.columns


@pytest.mark.parametrize(("header", "field"), [("Who", "contact"), ("Designation", "position"), ("Agency", "source")])
def test_common_english_headers_name_their_field(tmp_path, header, field):
    headers = ("Company", "Date Applied", header)
    cell = {"contact": "Kim Lee", "position": "SDE 2", "source": "Hays"}[field]
    rows = [("Alder Mining", "16/11/2026", cell)]
    path = write_tracker(tmp_path / "t.xlsx", [dict(zip(headers, r)) for r in rows], headers=headers)
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    assert outcomes[0].tracker.columns[field].header == header


@pytest.mark.parametrize(("note", "kind"), [
    ("offer made 01/12, I said I'd let them know by 10/12", "answer"),
    ("told Mo I'll let him know by 10/12", "answer"),
    ("Mo said he'd let me know by 10/12", "feedback"),
])
def test_who_tells_whom_decides_whose_date_it_is(note, kind):
    said = read_statements(note, dt.date(2026, 12, 1), True, ("en",))
    assert said[-1].date == dt.date(2026, 12, 10) and said[-1].kind == kind


@pytest.mark.parametrize("note", ["portal mail confirming receipt of my CV",
                                  "email acknowledging they have my application"])
def test_a_message_confirming_the_cv_arrived_is_an_acknowledgement(tmp_path, note):
    path = _book(tmp_path / "t.xlsx", [
        ("Larkspur Homes", "Planner", "18/11/2026", "", "Applied", "", "020 7946 0555", note),
        ("Ormond Press", "Editor", "23/11/2026", "", "Applied", "", "", "")])
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    assert outcomes[0].plan.loc[2, "autoresponse"]


@pytest.mark.parametrize(("header", "field"), [("Hiring Mgr", "hiring_manager"), ("Referrer Dept.", "referrer_dept")])
def test_abbreviated_header_words_are_read_written_out(tmp_path, header, field):
    headers = ("Company", "Date Applied", header)
    path = write_tracker(tmp_path / "t.xlsx", [dict(zip(headers, ("Alder Mining", "16/11/2026", "Kim Lee")))],
                         headers=headers)
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    assert outcomes[0].tracker.columns[field].header == header


@pytest.mark.parametrize(("contact", "note", "named"), [
    ("Meera (referrer)", "HR rang on 03/12 while I was driving, missed it", False),
    ("Tom Reid", "voicemail from Ruth Cole 03/12 asking me to ring back", False),
    ("Tom Reid", "Tom rang 03/12, missed it", True),
    ("Tom Reid (recruiter)", "missed a call from the recruiter 03/12", True),
])
def test_a_call_back_names_only_the_person_who_called(tmp_path, contact, note, named):
    path = _book(tmp_path / "t.xlsx", [
        ("Larkspur Homes", "Planner", "18/11/2026", "03/12/2026", "Applied", contact, "020 7946 0555", note),
        ("Ormond Press", "Editor", "23/11/2026", "", "Applied", "", "", "")])
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    script = outcomes[0].scripts.loc[2]
    assert outcomes[0].plan.loc[2, "employer_called"]
    first = contact.split()[0]
    assert (first in script) is named
    assert named or "the person who called me" in script


@pytest.mark.parametrize(("note", "name", "dept"), [
    ("referred by my former manager, Hugh Grant-Ellis (now in their Risk team)", "Hugh Grant-Ellis", "Risk"),
    ("Priyanka from the alumni group referred me, fingers crossed", "Priyanka", ""),
    ("recommended by uni friend Tomasz, Data dept", "Tomasz", "Data"),
])
def test_a_referral_the_notes_state_is_the_referrer(tmp_path, note, name, dept):
    path = _book(tmp_path / "t.xlsx", [
        ("Larkspur Homes", "Planner", "18/11/2026", "", "Applied", "", "020 7946 0555", note),
        ("Ormond Press", "Editor", "23/11/2026", "", "Applied", "", "", "")])
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    frame, plan, script = outcomes[0].tracker.frame, outcomes[0].plan, outcomes[0].scripts.loc[2]
    assert (frame.loc[2, "referrer"], frame.loc[2, "referrer_dept"]) == (name, dept)
    assert plan.loc[2, "situation"] == "referral" and name.split()[0] in script
    assert outcomes[0].tracker.columns["referrer"].header == "Notes"     # the fact's source is the note
    assert plan.loc[3, "situation"] != "referral"


@pytest.mark.parametrize("note", ["going to ask Sunil to refer me", "wasn't referred by anyone, cold application",
                                  "referral bonus scheme mentioned in the ad"])
def test_a_referral_still_to_come_or_denied_is_none(tmp_path, note):
    path = _book(tmp_path / "t.xlsx", [
        ("Larkspur Homes", "Planner", "18/11/2026", "", "Applied", "", "020 7946 0555", note)])
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    assert outcomes[0].tracker.frame.loc[2, "referrer"] == ""


def test_a_call_back_asked_after_that_says_the_date_not_the_pronoun(tmp_path):
    path = _book(tmp_path / "t.xlsx", [
        ("Larkspur Homes", "Planner", "18/11/2026", "01/12/2026", "Applied", "Nia Okafor", "020 7946 0555",
         "rang Nia 01/12, she is on leave till 09/12, told me to call after that")])
    outcomes, _, _ = compute(path, settings=ME, today=MONDAY)
    plan, script = outcomes[0].plan, outcomes[0].scripts.loc[2]
    assert plan.loc[2, "due"].date() == dt.date(2026, 12, 9)
    assert "after that" not in script
