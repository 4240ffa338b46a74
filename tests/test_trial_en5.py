"""Trackers kept by strangers in English (a Canadian nurse, a South African accountant, a
Philippine applicant, an American engineer's monthly sheets, a student) and the readings their
rows needed: a contact's role marked in the contact cell, the user's own later chasers, a stage
said only in the notes, a weekday in a note of a tracker with no last-contact column
(follow-up rules §1-§3, §5, §7)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
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
    # (an in-house recruiter or talent partner is the employer's own: no agency's client to ask about)
    assert plan.loc[4, "situation"] == "recruiter" and plan.loc[5, "situation"] == "check_in"
    assert "Hi Marisol," in scripts[2] and "(HM)" not in scripts[2]
    assert "Hi K. Adeyemi," in scripts[3] and "mgr" not in scripts[3]
    assert "Hi Oskar," in scripts[4] and "someone in" not in scripts[4] and "recruiter about" not in scripts[4]
    assert "Hi Wen," in scripts[5] and "(TA)" not in scripts[5]


# -- the user's own later actions are follow-ups ------------------------------------------------

@pytest.mark.parametrize(("note", "count"), [
    ("pinged her on linkedin, nothing back", 1),
    ("chased x2 since, crickets", 2),
    ("follow-up email sent tue", 1),
    ("4th f/u sent, last try", 4),
    ("wrote to the hiring lead again", 2),
    ("habe zweimal nachgefragt", 2),
    ("relancée trois fois par mail", 3),
    ("les escribí dos veces", 2),
    ("ho sollecitato via mail", 1),
    ("cobrei duas vezes por e-mail", 2),
    ("twee keer nagebeld", 2),
    ("napisałam ponownie do rekrutera", 2),
    ("又发邮件催了一次", 2),
    ("先週メールで催促しました", 1),
    ("담당자에게 다시 메일 보냄", 2),
])
def test_the_users_own_chasers_are_counted(note, count):
    from followup_sheet.chasers import chase_count
    assert chase_count(note) == count


@pytest.mark.parametrize("note", [
    "recruiter pinged me on linkedin",
    "Keisha emailed back asking for references",
    "HR rang and left a msg",
    "haven't followed up yet",
    "need to chase them next week",
    "sent my resume through the portal",
    "Herr Roth hat angerufen",
    "elle m'a relancé",
    "me escribió la reclutadora",
    "HR给我发了邮件",
    "인사팀에서 전화함",
])
def test_their_contact_or_one_not_made_is_no_chaser(note):
    from followup_sheet.chasers import chase_count
    assert chase_count(note) == 0


def test_a_held_interview_chased_since_is_no_longer_a_thank_you(tmp_path):
    plan, scripts = _run(tmp_path, [
        ("Umber Health", "Nurse", "2026-10-19", "Interviewed", "Gail Fox", "555 0105",
         "panel 11/9 seemed keen. nothing since, chased x2"),
        ("Vetch Clinic", "Nurse", "2026-10-19", "Interviewed", "Ravi Shah", "555 0106", "panel 11/9 seemed keen"),
    ])
    assert not plan.loc[2, "thank_you"] and plan.loc[2, "follow_ups"] == 2
    assert "Thank you for taking the time" not in scripts[2] and "thank you again" in scripts[2]
    assert any(f.kind == "last_contact" and f.source.startswith("Comments") for f in plan.loc[2, "facts"])
    # the row without a chaser is four weeks past its thank-you's day: the follow-up is due
    # instead, which still thanks the panel (a thank-you weeks late is no next step)
    assert not plan.loc[3, "thank_you"] and plan.loc[3, "follow_ups"] == 0 and plan.loc[3, "status"] == "Overdue"
    assert "next steps" in scripts[3] and "thank you for taking the time" in scripts[3], scripts[3]
    assert not scripts[3].startswith("Subject:"), scripts[3]       # a call, not the thank-you e-mail


def test_counted_chasers_reach_the_cap(tmp_path):
    plan, _ = _run(tmp_path, [("Wren Dairy", "Clerk", "2026-11-02", "Applied", "", "555 0107",
                               "3rd follow-up email sent, still nothing")])
    assert plan.loc[2, "follow_ups"] == 3 and plan.loc[2, "status"] == "Gone cold"


# -- a weekday in a note of a tracker without a last-contact column ------------------------------

@pytest.mark.parametrize(("note", "language", "day"), [
    ("rang the front office Thursday, said to wait", "en", dt.date(2026, 12, 3)),
    ("Mittwoch nochmal angerufen", "de", dt.date(2026, 12, 2)),
    ("relancé par mail mardi", "fr", dt.date(2026, 12, 1)),
    ("les llamé el martes", "es", dt.date(2026, 12, 1)),
    ("ho chiamato mercoledì", "it", dt.date(2026, 12, 2)),
    ("liguei na quinta-feira", "pt", dt.date(2026, 12, 3)),
    ("dinsdag nagebeld", "nl", dt.date(2026, 12, 1)),
    ("zadzwoniłam we wtorek", "pl", dt.date(2026, 12, 1)),
    ("周三给招聘经理打了电话", "zh", dt.date(2026, 12, 2)),
    ("木曜日に人事へメールしました", "ja", dt.date(2026, 12, 3)),
    ("화요일에 담당자에게 전화함", "ko", dt.date(2026, 12, 1)),
])
def test_a_past_weekday_is_the_last_such_day_before_the_refresh(note, language, day):
    from followup_sheet.statements import read_statements
    langs = ("en", language) if language not in ("zh", "ja", "ko") else ("en",)
    said = read_statements(note, dt.date(2026, 11, 9), False, langs, until=MONDAY)
    assert [s.date for s in said] == [day]
    # with the day the note was written known, it is the last such day on or before it
    assert read_statements(note, dt.date(2026, 11, 9), False, langs)[0].date < dt.date(2026, 11, 9)


def test_a_chaser_on_a_weekday_sets_the_last_contact_without_a_last_contact_column(tmp_path):
    plan, scripts = _run(tmp_path, [
        ("Yarrow Bank", "Teller", "2026-11-09", "Applied", "", "555 0108", "called them Thursday, no news yet"),
    ])
    assert any(f.kind == "last_contact" and f.date == dt.date(2026, 12, 3) for f in plan.loc[2, "facts"])
    assert plan.loc[2, "due"].date() == dt.date(2026, 12, 14)     # Dec 3 + 7 business days
    assert "following up again" in scripts[2]


# -- a stage said only in the notes --------------------------------------------------------------

def _noted(note):
    from followup_sheet.notestage import stage_in_notes
    from followup_sheet.plan import stage_of
    return stage_in_notes(note, lambda clause: stage_of(clause, Settings())).stage


@pytest.mark.parametrize(("note", "stage"), [
    ("cleared the coding round!!", "interviewing"),
    ("3rd round set up for next thu", "interviewing"),
    ("pay talks ongoing w/ HR", "interviewing"),
    ("submitted the take-home sun night", "interviewing"),
    ("phone screen went ok. verbal offer today, 85k", "offer"),
    ("Fallstudie abgegeben, warte auf Feedback", "interviewing"),
    ("cas pratique rendu lundi", "interviewing"),
    ("pasé la prueba técnica", "interviewing"),
    ("fiz o teste técnico ontem", "interviewing"),
    ("tweede ronde gehad", "interviewing"),
    ("二面过了", "interviewing"),
    ("課題を提出した", "interviewing"),
    ("과제 제출함", "interviewing"),
])
def test_a_step_the_notes_say_happened_is_the_stage(note, stage):
    assert _noted(note) == stage


@pytest.mark.parametrize("note", [
    "no interview yet, just the auto mail",
    "hoping for a 2nd round",
    "didn't get to the final round last time i applied",
    "if they like the portfolio there's a case study",
    "keine Einladung zum Gespräch",
    "waiting for an offer, fingers crossed",
    "sin entrevista todavía",
])
def test_a_step_negated_or_hoped_for_is_no_stage(note):
    assert _noted(note) == ""


def test_the_stage_in_the_notes_is_the_rows_and_the_why_cites_the_notes(tmp_path):
    plan, scripts = _run(tmp_path, [
        ("Zinnia Games", "QA", "2026-11-23", "Applied", "Lou Park", "555 0109", "cleared the coding round!!"),
        ("Aster Labs", "QA", "2026-11-23", "", "Mo Diaz", "555 0110", "pay talks ongoing w/ HR"),
        ("Bluet Co", "QA", "2026-11-23", "Applied", "Nia Ray", "555 0111", "hoping for a 2nd round"),
    ])
    assert list(plan["stage"]) == ["interviewing", "interviewing", "applied"]
    assert plan.loc[2, "situation"] == "post_interview" and plan.loc[2, "interview_held"]
    assert any(f.kind == "interviewing" and f.source == "Comments, G2" for f in plan.loc[2, "facts"])
    assert "Thank you for taking the time" not in scripts[3]      # talks going on: next steps, no thanks
    assert plan.loc[4, "situation"] == "check_in"


# -- found on the trial trackers ------------------------------------------------------------------

def test_a_missed_call_on_a_weekday_is_returned_and_their_voicemail_is_no_attempt_of_mine(tmp_path):
    # no last-contact column: the weekday is the last one before the refresh; "they left a vm" is
    # the employer's message, not a call of mine that reached nobody
    plan, scripts = _run(tmp_path, [("Cobalt Care", "RN", "2026-11-16", "Applied", "Ines Roy", "555 0112",
                                     "missed HR's call Thursday, they left a vm")])
    assert plan.loc[2, "employer_called"] and not plan.loc[2, "retry"]
    assert plan.loc[2, "due"].date() == dt.date(2026, 12, 4)
    assert "returning" in scripts[2] and "December 3" in scripts[2]


@pytest.mark.parametrize("note", ["panel done 11/20, theyd be in touch next week",
                                  "panel done 11/20, they would get in touch next week"])
def test_their_news_without_an_apostrophe_is_still_their_news(note):
    from followup_sheet.statements import read_statements
    said = read_statements(note, dt.date(2026, 11, 20), False, ("en",))
    assert any(s.kind == "feedback" for s in said)


def test_a_south_african_tracker_reads_post_cell_and_recruiter_agency(tmp_path):
    headers = ("Company", "Post", "Applied", "Recruiter/Agency", "Cell", "Outcome", "Comments")
    plan, scripts = _run(tmp_path, [
        ("Karoo Mills", "Cost Accountant", "2026-11-23", "Zanele Khumalo", "082 555 0113", "Applied", ""),
        ("Fynbos Ltd", "Tax Clerk", "2026-11-10", "", "", "Regret", "regret mail came 1/12"),
    ], settings=Settings(your_name="Robin Tan", country="ZA"), headers=headers)
    assert "Hello, may I speak with Zanele Khumalo?" in scripts[2] and "Cost Accountant role" in scripts[2]
    assert plan.loc[2, "channel"] == "call"          # the phone came from the Cell column
    assert plan.loc[3, "status"] == "Closed"


@pytest.mark.parametrize(("note", "count"), [
    ("thank-you mailed the same day. chased again on the 3rd", 2),     # the chaser says it is the second
    ("emailed twice since the panel", 2),
    ("2nd round done nov 25. emailed a thank you right after", 1),    # a date's number is no ordinal
    ("follow up 1 sent 11/20, 3rd follow-up sent 12/4", 3),
])
def test_a_chasers_number_is_not_added_to_the_ones_before_it(note, count):
    from followup_sheet.chasers import chase_count
    assert chase_count(note) == count


def test_calls_that_reached_nobody_are_retries_not_follow_ups(tmp_path):
    plan, _ = _run(tmp_path, [("Gannet Bank", "Analyst", "2026-11-25", "Applied", "", "555 0114",
                               "rang twice, no answer")])
    assert plan.loc[2, "follow_ups"] == 0 and plan.loc[2, "retry"]


def test_last_weekday_said_without_a_last_contact_is_the_one_before_the_refresh(tmp_path):
    plan, scripts = _run(tmp_path, [("Heron Land", "Clerk", "2026-11-16", "Applied", "", "555 0115",
                                     "missed a call from their HR last Tuesday")])
    assert plan.loc[2, "employer_called"] and "December 1" in scripts[2]


def test_a_filipino_title_is_kept_with_the_surname_and_an_exam_is_a_step(tmp_path):
    plan, scripts = _run(tmp_path, [
        ("Ibis Corp", "Clerk", "2026-11-23", "Applied", "Ma'am Dela Cruz", "555 0116", ""),
        ("Jacana Inc", "Clerk", "2026-11-23", "Exam", "", "555 0117", ""),
    ])
    assert "Hi Ma'am Cruz" in scripts[2] or "Hi Ma'am Dela Cruz" in scripts[2]
    assert plan.loc[3, "stage"] == "interviewing"


def test_a_tracker_kept_one_sheet_a_month_is_read_whole(tmp_path):
    from conftest import write_sheets
    headers = ("Company", "Role", "Date", "Stage", "Recruiter", "HM", "Notes")
    path = write_sheets(tmp_path / "t.xlsx", headers, {
        "Sep": [("Kestrel AI", "SWE", dt.date(2026, 9, 8), "Rejected", "", "", "")],
        "Oct": [("Linnet Data", "SWE", dt.date(2026, 10, 12), "Ghosted", "", "", "")],
        "Nov": [("Merlin Soft", "SWE", dt.date(2026, 11, 24), "Applied", "", "Ola Berg", "applied online"),
                ("Nuthatch", "SWE", dt.date(2026, 11, 20), "Offer", "Pia Lund", "",
                 "verbal offer came in; countered Fri")],
    })
    outcomes = compute(path, settings=ME, today=MONDAY)[0]
    assert [len(o.plan) for o in outcomes] == [1, 1, 2]
    nov = outcomes[2].plan
    assert nov.loc[2, "situation"] == "hiring_manager"          # the HM column names the hiring manager
    # the counter-offer sent on Friday is the user's latest contact
    assert any(f.kind == "last_contact" and f.date == dt.date(2026, 12, 4) for f in nov.loc[3, "facts"])


@pytest.mark.parametrize(("note", "day"), [
    ("sent another note Mon", dt.date(2026, 11, 30)),
    ("pinged HR thurs", dt.date(2026, 12, 3)),
])
def test_a_shortened_weekday_is_a_weekday(note, day):
    from followup_sheet.statements import read_statements
    assert [s.date for s in read_statements(note, dt.date(2026, 11, 2), False, ("en",), until=MONDAY)] == [day]


@pytest.mark.parametrize("note", ["next month maybe", "friend's wedding", "wednesday's child"])
def test_words_that_begin_like_a_shortened_weekday_are_none(note):
    from followup_sheet.statements import read_statements
    assert all(s.words.lower() not in ("mon", "wed", "fri") for s in
               read_statements(note, dt.date(2026, 11, 2), False, ("en",)))


def test_the_tools_own_next_date_is_never_read_back_as_the_users(tmp_path):
    # a "Next step" column of words: the refresh's own Next Follow-up column must not stand in for it
    from followup_sheet.pipeline import refresh
    headers = ("Company", "Role", "Date", "Stage", "Next step", "Notes")
    path = write_tracker(tmp_path / "t.xlsx", [dict(zip(headers, ("Osprey Co", "Eng", dt.date(2026, 11, 3), "Offer",
                                                                  "negotiate", "offer 11/30")))], headers=headers)
    refresh(path, today=MONDAY, settings=ME)
    plan = compute(path, settings=ME, today=dt.date(2026, 12, 14))[0][0].plan
    assert not any(f.kind == "pinned" for f in plan.loc[2, "facts"])
    assert plan.loc[2, "next_reason"] != "pinned"


# -- found on the held-out tracker (a student's internships) --------------------------------------

def test_an_emoji_ends_a_clause():
    from followup_sheet.statements import read_statements
    said = read_statements("offer came 12/1 🥳 need to sign by 12/15", dt.date(2026, 11, 20), False, ("en",))
    assert [(s.date, s.kind) for s in said][0] == (dt.date(2026, 12, 1), "date")


def test_yesterday_without_a_last_contact_is_the_day_before_the_refresh(tmp_path):
    plan, _ = _run(tmp_path, [("Pipit Apps", "Intern", "2026-11-12", "", "", "555 0118",
                               "recruiter rang yesterday while i was at work, must ring back")])
    assert plan.loc[2, "employer_called"] and plan.loc[2, "due"].date() == MONDAY


@pytest.mark.parametrize("said", ["superday on the 11th!!", "did the OA last night", "hirevue done"])
def test_a_students_steps_are_interview_steps(said):
    assert _noted(said) == "interviewing"


# -- two trial trackers kept as fixtures: the outcomes checked by reading them ---------------------

FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"

# (sheet, row) -> (status, next date or None, situation) as read and checked on the refresh day
ZA_ACCOUNTANT = {   # South Africa: day-first typed dates, Post/Cell/Recruiter/Agency headers, saved by LibreOffice
    # panel 24/11, "they will revert by 04/12": that day gone, the follow-up after it (no longer the thank-you)
    ("Applications", 2): ("Due today", dt.date(2026, 12, 7), "post_interview"),
    # Robert Walters is an agency; "12/11. called him Tues": the user's call on December 1
    ("Applications", 3): ("Waiting", dt.date(2026, 12, 10), "recruiter"),
    ("Applications", 4): ("Overdue", dt.date(2026, 11, 24), "autoresponse"),      # "ackn email received"
    ("Applications", 6): ("Closed", None, ""),                                    # "Regret"
    ("Applications", 7): ("Overdue", dt.date(2026, 12, 3), "hiring_manager"),     # "Johan van Wyk - hiring mgr"
    ("Applications", 9): ("Waiting", dt.date(2026, 12, 10), "post_interview"),    # interview with client 09/12
    ("Applications", 10): ("Not applied", None, ""),
}
US_MONTHLY = {      # one sheet a month under one header, a colour legend beside it
    ("Nov", 2): ("Due soon", dt.date(2026, 12, 8), "offer"),            # "... by 12/9. countered Fri": Dec 4
    ("Oct", 2): ("Closed", None, ""),
    ("Oct", 4): ("Due today", dt.date(2026, 12, 7), "post_interview"),   # onsite 11/19, emailed Jules Thursday
    ("Nov", 3): ("Overdue", dt.date(2026, 11, 17), "referral"),
    ("Nov", 4): ("Waiting", dt.date(2026, 12, 11), "post_interview"),   # HM round 12/10 still ahead
    ("Nov", 5): ("Waiting", dt.date(2027, 1, 4), "competing_interest"),  # freeze until January
    ("Dec", 2): ("Due soon", dt.date(2026, 12, 8), "hiring_manager"),    # the HM column
    ("Dec", 3): ("Overdue", dt.date(2026, 12, 4), "check_in"),           # Kim's missed call 12/3, returned
}


@pytest.mark.parametrize(("name", "country", "expected"), [
    ("trial_za_accountant_libreoffice.xlsx", "ZA", ZA_ACCOUNTANT),
    ("trial_us_monthly_sheets.xlsx", "US", US_MONTHLY),
])
def test_the_trial_trackers_read_as_checked(tmp_path, name, country, expected):
    import shutil
    path = shutil.copy(FIXTURES / name, tmp_path / name)
    settings = Settings(your_name="Sam Rivera", your_phone="555-0100", country=country)
    outcomes = compute(path, settings=settings, today=MONDAY)[0]
    seen = {}
    for o in outcomes:
        for row in o.plan.index:
            due = o.plan.loc[row, "due"]
            seen[(o.tracker.sheet, row)] = (o.plan.loc[row, "status"], None if pd.isna(due) else due.date(),
                                           o.plan.loc[row, "situation"], o.scripts.get(row, ""))
    for key, (status, due, situation) in expected.items():
        assert seen[key][:3] == (status, due, situation), key
    scripts = {k: v[3] for k, v in seen.items()}
    if country == "ZA":
        assert "at Robert Walters" not in scripts[("Applications", 3)]   # the agency is not the employer
        assert "Hays" not in scripts[("Applications", 9)]
        assert "Hello, may I speak with Johan van Wyk?" in scripts[("Applications", 7)]
    else:
        assert "returning Kim Vo's call" in scripts[("Dec", 3)] and "December 3" in scripts[("Dec", 3)]
        assert "Thank you for taking the time" not in scripts[("Oct", 4)]      # chased since: thanks again


def test_a_superday_with_a_date_is_an_interview_ahead(tmp_path):
    plan, scripts = _run(tmp_path, [("Quail Capital", "Trading Intern", "2026-11-16", "", "Ana (recruiter)", "555 0119",
                                     "superday 12/10 🤯")])
    assert plan.loc[2, "stage"] == "interviewing"
    assert plan.loc[2, "interview_ahead"].date() == dt.date(2026, 12, 10)
    assert "looking forward to the interview on December 10" in scripts[2]
