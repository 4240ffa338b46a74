"""Trial en8: titles written with a stop, read from the one table of forms of address, and
trackers written in English by people in Nairobi, Toronto, London, Hong Kong and a US home office."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import status_due_situation

from followup_sheet.statements import asked_of_me, read_statements
from followup_sheet.titles import abbreviated_titles


# --- a title's stop inside a clause ---------------------------------------------------------------
# a date after a titled name stays in the clause that says what it is about, in every language
@pytest.mark.parametrize("note, language", [
    ("tweede gesprek met Mevr. Visser op 10 december", "nl"),
    ("laatste gesprek met Dhr. Bakker op 10 december", "nl"),
    ("colloquio finale con l'Avv. Ferri il 10 dicembre", "it"),
    ("entrevista con D. Julián Soto el 10 de diciembre", "es"),
    ("entrevista final com a Eng. Marta Lobo a 10 de dezembro", "pt"),
    ("rozmowa z inż. Kowalskim 10 grudnia", "pl"),
    ("panel interview w/ Mx. Rivera on Dec 10", "en"),
])
def test_a_date_after_a_titled_name_stays_in_its_clause(note, language):
    said = read_statements(note, dt.date(2026, 11, 20), True, (language, "en"))
    assert [(s.kind, s.date) for s in said] == [("interview", dt.date(2026, 12, 10))]


# whoever the title names, the request after it is in the same clause as the date it asks for
@pytest.mark.parametrize("note, words", [
    ("Dhr. Smit vroeg me na 14 december te bellen", "14 december"),
    ("Sr. Duarte pidió que llame después del 14 de diciembre", "14 de diciembre"),
    ("Prof. Wanjiru asked me to ring after Dec 14", "Dec 14"),
])
def test_a_title_before_the_asker_is_no_sentence_end(note, words):
    assert asked_of_me(note, words)


# every abbreviated title of the language table is read past, and nothing else is: the stop after
# an ordinary word (or an upper-case team such as "HR") still ends the sentence
def test_every_abbreviated_title_is_read_past_and_an_ordinary_stop_is_not():
    titles = abbreviated_titles()
    assert {"mr", "mrs", "dr", "prof", "hr", "mme", "sra", "sig", "dhr", "mevr", "inż", "ing"} <= set(titles)
    assert not {"frau", "monsieur", "señora", "pani", "miss", "professor"} & set(titles)   # whole words
    for title in titles:
        written = title[0].upper() + title[1:] + "."
        note = f"asked me to call {written} Lee after Dec 14"
        assert asked_of_me(note, "Dec 14"), written
    assert not asked_of_me("she asked me to wait. Dec 14 I call them", "Dec 14")
    assert not asked_of_me("recruiter asked for my CV by email to HR. Dec 14 call the office", "Dec 14")


def test_no_title_list_is_kept_beside_the_language_table():
    from pathlib import Path

    import followup_sheet.statements as statements
    source = Path(statements.__file__).read_text(encoding="utf-8")
    assert not re.search(r'\(\s*"dr",\s*"dra",\s*"mr"', source)


# a script's sentences are not cut at a title either, in the languages the scripts speak
@pytest.mark.parametrize("script, language, count", [
    ("Buenos días, quería hablar con la Sra. Gómez sobre el puesto. Muchas gracias.", "es", 2),
    ("Buongiorno, cerco il Sig. Ferri per la posizione. Grazie.", "it", 2),
    ("Goedemiddag, ik zoek Dhr. Bakker over de vacature. Dank u wel.", "nl", 2),
    ("Hi Dr. Lee, this is Ines. I applied on November 3.", "en", 2),
])
def test_a_scripts_sentence_runs_on_past_a_title(script, language, count):
    from followup_sheet.explain import sentences_of
    assert len(sentences_of(script, language)) == count


def test_a_title_polish_writes_without_a_stop_leaves_an_english_stop_alone():
    assert not asked_of_me("she asked me to talk to the hiring mgr. Dec 14 I call the office", "Dec 14")


@pytest.mark.parametrize("cell, language, given, surname", [
    ("Ing. Ana Pérez", "es", "Ana", "Pérez"),
    ("Avv. Carla Neri", "it", "Carla", "Neri"),
    ("Eng. Rui Costa", "pt", "Rui", "Costa"),
])
def test_a_degree_title_is_read_past_in_its_language(cell, language, given, surname):
    from followup_sheet.language import person
    p = person(cell, language)
    assert p is not None and (p.given, p.surname) == (given, surname)


MONDAY = dt.date(2026, 12, 7)


def _plan_of(tmp_path, header, rows, **settings):
    from openpyxl import Workbook

    from followup_sheet.pipeline import compute
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(tmp_path / "t.xlsx")
    outs, _, _ = compute(tmp_path / "t.xlsx", today=MONDAY, **settings)
    return outs[0]


# a voicemail the user left for a titled contact is a call that reached nobody: tried again the
# next business day, whatever language the title is in
@pytest.mark.parametrize("note", [
    "left a vm for Mrs. Otieno 02/12",
    "left voicemail w/ Dr. Pillay's line 02/12",
    "rang Hr. Brandt 02/12, no answer",
])
def test_a_voicemail_for_a_titled_contact_is_retried_the_next_day(tmp_path, note):
    out = _plan_of(tmp_path, ["Company", "Date Applied", "Phone", "Notes"],
                   [["Acme Relief", "16/11/2026", "0700 555 000", note]], country="GB")
    assert (out.plan.at[2, "status"], str(out.plan.at[2, "due"].date())) == ("Overdue", "2026-12-03")


# --- headers as these trackers word them ---------------------------------------------------------
@pytest.mark.parametrize("header, field", [
    ("Last call", "last_contact"), ("Date of call", "last_contact"), ("Trade", "position"),
    ("Position Sought", "position"), ("Post sought", "position"),
])
def test_headers_as_these_strangers_word_them(header, field):
    from followup_sheet.headers import header_decisions
    from followup_sheet.settings import Settings
    assert header_decisions(["Company", header], Settings())[0].get(field) == 1


# a column of people under a header no list knows is the contact: a form of address before a name
# or a role marked beside it, in at least half of its cells
def test_a_column_of_people_is_the_contact_whatever_its_header(tmp_path):
    out = _plan_of(tmp_path, ["Organisation", "Applied", "Dealing with", "Duty station", "Notes"], [
        ["Kenya Red Cross", "20/11/2026", "Mr. Otieno", "Nairobi", "sent CV"],
        ["AMREF", "23/11/2026", "Njoki (HR)", "Kisumu", "sent CV"],
        ["CARE", "24/11/2026", "Dr. Wekesa", "Garissa", "sent CV"],
    ], country="KE")
    assert out.tracker.columns["contact"].header == "Dealing with"
    assert "Mr. Otieno" in out.scripts[2] and "Njoki" in out.scripts[3]


@pytest.mark.parametrize("values", [
    ["Nairobi", "Kisumu", "Garissa"],                         # places
    ["Mr. Otieno", "sent CV and cover letter, waiting", ""],  # a sentence among them
    ["Ms. Lee", "Acme Holdings", "Borealis Ltd", "Kestrel Group"],   # mostly organisations
])
def test_what_is_no_column_of_people(values):
    from followup_sheet.headers import people_like
    assert people_like(values) is None


# --- what a date is, beside money, a part of the day and a passive verb -----------------------------
@pytest.mark.parametrize("note, first, second", [
    ("verbal offer on 2nd December for €54,500, reply by 9th December", ("date", dt.date(2026, 12, 2)),
     ("answer", dt.date(2026, 12, 9))),
    ("offer came 1st Dec at 1,250,000 KES a year - need to respond by 8 Dec", ("date", dt.date(2026, 12, 1)),
     ("answer", dt.date(2026, 12, 8))),
])
def test_a_sum_of_money_is_no_year(note, first, second):
    said = read_statements(note, dt.date(2026, 11, 20), True, ("en",))
    assert [(s.kind, s.date) for s in said] == [first, second]


@pytest.mark.parametrize("note, day", [
    ("agency rang 3/12 am, I missed it", dt.date(2026, 12, 3)),
    ("HR phoned 2/12 p.m. while I was at work", dt.date(2026, 12, 2)),
])
def test_a_part_of_the_day_after_a_date_keeps_the_date(note, day):
    assert [s.date for s in read_statements(note, dt.date(2026, 11, 20), True, ("en",))] == [day]


def test_a_passive_reached_is_no_call_and_indicated_is_no_spanish_request():
    note = "Panel chair indicated that an outcome should be reached by 11 December."
    said = read_statements(note, dt.date(2026, 11, 30), True, ("en",))
    assert [(s.kind, s.date) for s in said] == [("decision", dt.date(2026, 12, 11))]
    assert not asked_of_me(note, "by 11 December")


# --- a referrer or a contact with a title ----------------------------------------------------------
@pytest.mark.parametrize("note, name", [
    ("Referred by Mrs. Wanjiru Kamau, programme lead at the county office", "Mrs. Wanjiru Kamau"),
    ("recommended by Dr. Fenwick (my old pupil master)", "Dr. Fenwick"),
    ("recommended by Frau Dr. Haas from Controlling", "Frau Dr. Haas"),
])
def test_a_referrer_keeps_the_title_written_before_the_name(note, name):
    from followup_sheet.referrals import referral_in
    assert referral_in(note)[0] == name


def test_a_titled_referrer_is_no_contact_of_the_same_title(tmp_path):
    out = _plan_of(tmp_path, ["Firm", "Role", "Applied", "Contact", "Phone", "Notes"], [
        ["Tamarind Legal", "Practice Support Lead", "23/11/2026", "Mr. Hugo Lyle (Head of Practice Support)",
         "020 7946 0000", "Mr. Dev Banerjee, my old head clerk, referred me"],
    ], country="GB")
    script = out.scripts[2]
    assert out.plan.at[2, "situation"] == "referral"
    assert "Mr. Dev Banerjee" in script and "Mr. Lyle" in script and "who the hiring manager is" not in script


# a call the user then missed is the employer's, whoever the note names before it, in lower case too
@pytest.mark.parametrize("note", [
    "priya called thurs 03/12, missed it - on site",
    "site office rang 03/12, couldn't pick up",
])
def test_a_call_the_user_missed_is_returned_the_next_business_day(tmp_path, note):
    out = _plan_of(tmp_path, ["Company", "Applied", "Phone", "Notes"],
                   [["Northgate Civil", "16/11/2026", "0700 555 000", note]], country="GB")
    assert (out.plan.at[2, "status"], str(out.plan.at[2, "due"].date())) == ("Overdue", "2026-12-04")
    assert "returning" in out.scripts[2]


def test_the_users_own_call_that_nobody_took_is_no_call_of_theirs(tmp_path):
    out = _plan_of(tmp_path, ["Company", "Applied", "Phone", "Notes"],
                   [["Northgate Civil", "16/11/2026", "0700 555 000", "I rang 03/12, they didn't pick up"]],
                   country="GB")
    assert "returning" not in out.scripts[2]


# --- steps, promises and times as these notes say them ----------------------------------------------
@pytest.mark.parametrize("note, kind, day", [
    ("shortlisted - cbi scheduled for 10/12 via zoom", "interview", dt.date(2026, 12, 10)),
    ("sat the written test on 1/12", "interview", dt.date(2026, 12, 1)),
    ("Ayo says he'll send the contract by 11/12", "feedback", dt.date(2026, 12, 11)),
    ("quiet for now, ring them back after new yr", "call_back", dt.date(2027, 1, 1)),
])
def test_steps_promises_and_times_as_these_notes_say_them(note, kind, day):
    said = read_statements(note, dt.date(2026, 11, 27), True, ("en",))
    assert [(s.kind, s.date) for s in said] == [(kind, day)]


def test_what_i_send_is_no_news_of_theirs():
    said = read_statements("I'll send the signed form by 11/12", dt.date(2026, 11, 27), True, ("en",))
    assert [s.kind for s in said] != ["feedback"]


@pytest.mark.parametrize("stage", ["Written test", "Aptitude test", "CBI"])
def test_a_test_or_a_cbi_in_the_stage_cell_is_a_step_of_the_hiring(stage):
    from followup_sheet.plan import stage_of
    from followup_sheet.settings import Settings
    assert stage_of(stage, Settings()) == "interviewing"


@pytest.mark.parametrize("header, field", [
    ("Client", "company"), ("Gig", "position"), ("Engagement", "position"), ("Last ping", "last_contact"),
])
def test_a_contractors_headers(header, field):
    from followup_sheet.headers import header_decisions
    from followup_sheet.settings import Settings
    assert header_decisions(["Notes", header], Settings())[0].get(field) == 1


def test_end_of_week_written_short_is_that_weeks_friday():
    said = read_statements("onsite done, they decide EOW", dt.date(2026, 12, 1), False, ("en",))
    assert [(s.kind, s.date) for s in said] == [("decision", dt.date(2026, 12, 4))]


def test_their_attempt_to_call_that_i_missed_is_theirs(tmp_path):
    out = _plan_of(tmp_path, ["Company", "Applied", "Phone", "Notes"],
                   [["Larch Data", "11/16/2026", "415-555-0100", "Omar (TA) tried calling me 12/3, missed it"]],
                   country="US")
    assert (out.plan.at[2, "status"], str(out.plan.at[2, "due"].date())) == ("Overdue", "2026-12-04")


# --- the strangers' trackers, as checked by reading each row ---------------------------------------
FIXTURES = Path(__file__).parent / "fixtures"

NAIROBI = {
    4: ("Due soon", "2026-12-09", "post_interview"),      # CBI on 08/12 still ahead: the thank-you after it
    6: ("Overdue", "2026-11-30", "referral"),             # Otieno from Finance; Wanjiku acknowledged 23/11
    8: ("Due today", "2026-12-07", "post_interview"),     # decision by 04/12 has passed
    9: ("Closed", None, ""),                               # "Regret"
    12: ("Waiting", "2026-12-14", "offer"),               # the letter promised by next week
    13: ("Due today", "2026-12-07", "competing_interest"),  # HR called 04/12, missed
    14: ("Waiting", "2027-01-04", "competing_interest"),  # on hold until January
    15: ("Overdue", "2026-12-04", "competing_interest"),  # left VM for Mrs. Njeri 03/12: tried again next day
    16: ("Closed", None, ""),
}
TORONTO = {
    4: ("Overdue", "2026-12-02", "competing_interest"),
    5: ("Overdue", "2026-11-04", "post_interview"),       # aptitude test passed
    6: ("Due today", "2026-12-07", "competing_interest"),  # "sandra called fri, missed it"
    7: ("Due soon", "2026-12-08", "competing_interest"),
    8: ("Overdue", "2026-11-30", "post_interview"),       # hear back end of week (Nov 27)
    10: ("Due soon", "2026-12-08", "offer"),
    12: ("Waiting", "2027-01-04", "competing_interest"),  # try again after new yr
}
LONDON = {
    3: ("Due today", "2026-12-07", "post_interview"),     # "a decision would be reached by Friday 4th December"
    4: ("Overdue", "2026-10-23", "autoresponse"),
    5: ("Overdue", "2026-11-30", "referral"),             # Referred by Mr. James Okoye
    6: ("Overdue", "2026-12-02", "post_interview"),
    7: ("Closed", None, ""),
    8: ("Due today", "2026-12-07", "competing_interest"),  # Mrs. Nair telephoned whilst I was in court
    9: ("Waiting", "2026-12-14", "competing_interest"),   # on annual leave until 14th December
    10: ("Due today", "2026-12-07", "offer"),             # offer received on 3rd December at £68,000
    11: ("Waiting", "2026-12-10", "post_interview"),
    13: ("Gone cold", None, ""),
    14: ("Closed", None, ""),
}
HONG_KONG = {
    6: ("Overdue", "2026-12-01", "recruiter"),
    8: ("Due today", "2026-12-07", "competing_interest"),  # Ms Wong called 4/12 pm, missed
    9: ("Overdue", "2026-12-04", "offer"),
    10: ("Due today", "2026-12-07", "competing_interest"),
    11: ("Closed", None, ""),
    12: ("Waiting", "2026-12-11", "post_interview"),
}
CONTRACTOR = {
    3: ("Overdue", "2026-12-04", "post_interview"),       # "panel next wk prob": no panel set, the screen's follow-up
    5: ("Due today", "2026-12-07", "autoresponse"),
    7: ("Due today", "2026-12-07", "post_interview"),     # decision EOW after the final round of 12/1
    8: ("Waiting", "2027-01-04", "competing_interest"),   # circle back in Q1
    9: ("Overdue", "2026-12-04", "competing_interest"),   # Dana (HR) tried calling me 12/3, missed it
    10: ("Overdue", "2026-12-03", "referral"),            # Thanksgiving skipped
    11: ("Closed", None, ""),
    12: ("Waiting", "2026-12-14", "competing_interest"),  # OOO til 12/14
    14: ("Closed", None, ""),
    15: ("Overdue", "2026-12-02", "competing_interest"),  # two voicemails
}


@pytest.mark.parametrize("name, country, expected", [
    ("trial_en8_nairobi_ngo.xlsx", "KE", NAIROBI),
    ("trial_en8_toronto_trades_libreoffice.xlsx", "CA-ON", TORONTO),
    ("trial_en8_london_legalops.xlsx", "GB", LONDON),
    ("trial_en8_hongkong_finance.xlsx", "HK", HONG_KONG),
    ("trial_en8_contractor_heldout.xlsx", "US", CONTRACTOR),
])
def test_the_strangers_trackers_read_as_checked(name, country, expected):
    from followup_sheet.pipeline import compute
    outs, _, _ = compute(FIXTURES / name, today=MONDAY, country=country, your_name="Sam Doe", your_phone="555 0100")
    plan = outs[0].plan
    got = status_due_situation(plan, expected)
    assert got == expected


def test_the_scripts_name_whom_the_cells_name_and_claim_nothing_else():
    from followup_sheet.pipeline import compute
    outs, _, _ = compute(FIXTURES / "trial_en8_london_legalops.xlsx", today=MONDAY, country="GB")
    scripts = outs[0].scripts
    assert "Ms. Cole" in scripts[3] and "December 4" in scripts[3] and "asked to get back" not in scripts[3]
    assert "Mr. James Okoye" in scripts[5] and "Mr. Bell" in scripts[5]
    assert "who the hiring manager is" not in scripts[5]
    assert "returning" in scripts[8] and "Mrs. Nair" in scripts[8]
    assert "December 10" in scripts[10]
    outs, _, _ = compute(FIXTURES / "trial_en8_nairobi_ngo.xlsx", today=MONDAY, country="KE")
    tracker, scripts = outs[0].tracker, outs[0].scripts
    assert tracker.columns["contact"].header == "Focal point"
    assert "Hi Wanjiku" in scripts[6] and "Otieno" in scripts[6]
    assert "Achieng" in scripts[13] and "returning" in scripts[13]
    outs, _, _ = compute(FIXTURES / "trial_en8_toronto_trades_libreoffice.xlsx", today=MONDAY, country="CA-ON")
    columns = outs[0].tracker.columns
    assert columns["last_contact"].header == "Last call" and columns["position"].header == "Trade"


# a day said with a doubt is no interview set for that day: no script looks forward to it
@pytest.mark.parametrize("note, kind", [
    ("recruiter thinks onsite maybe Thurs", "date"),
    ("zweites Gespräch vielleicht am 10.12.", "date"),
    ("onsite Thurs 10am confirmed", "interview"),
])
def test_a_hedged_interview_day_is_no_interview_set(note, kind):
    said = read_statements(note, dt.date(2026, 12, 4), True, ("de", "en"))
    assert [s.kind for s in said] == [kind]


@pytest.mark.parametrize("cell, language, said", [
    ("Lic. Ramírez", "es", "Buenos días, Lic. Ramírez:"),
    ("Ing. Marta Solís", "es", "Buenos días, Ing. Marta Solís:"),
    ("Avv. Carla Neri", "it", "Gentile Avv. Carla Neri,"),
])
def test_a_degree_said_with_the_name_stays_in_the_written_greeting(cell, language, said):
    # (Mexico writes and says "Lic. Ramírez", Italy "Avv. Neri": read past to find the name, kept
    # when the name is said; Polish "mgr" is never said)
    from followup_sheet.language import address
    assert address(cell, language)["dear"] == said
    assert address("mgr Anna Nowicka", "pl")["dear"] == "Szanowna Pani,"


def test_a_portuguese_engineer_is_greeted_with_the_degree():
    from followup_sheet.language import address
    assert address("Eng. Rui Costa", "pt")["greet"] == "Bom dia, Eng. Rui"
