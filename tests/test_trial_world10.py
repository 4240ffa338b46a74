"""Trackers by strangers, round ten: the deadline of another employer's offer that falls before a
row's call is not said on that call; an absence said after "until" and its day
(German, Dutch and Polish put the words last); a contact cell that names only a part of the firm
gives way to the person the notes name; a French stage cell that says the application was
withdrawn in one participle."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import rows_book

from followup_sheet.pipeline import compute
from followup_sheet.plan import stage_of
from followup_sheet.read import read_trackers
from followup_sheet.settings import Settings
from followup_sheet.statements import read_statements

TODAY = dt.date(2026, 12, 7)      # a Monday
WRITTEN = dt.date(2026, 11, 30)


# --- an offer elsewhere counts only while its answer is still ahead on the day of the call -------

@pytest.fixture(scope="module")
def offers_elsewhere(tmp_path_factory):
    path = rows_book(tmp_path_factory.mktemp("w10") / "candidature.xlsx", [
        ["Azienda", "Ruolo", "Inviata il", "Referente", "Telefono", "Stato", "Note"],
        # row 2: an offer, to be answered by Wednesday 9 December
        ["Ferramenta Bassi", "Magazziniere", dt.date(2026, 11, 16), "Sig. Bassi", "+39 051 555 01",
         "proposta", "proposta ricevuta il 2/12, devo rispondere entro il 9/12"],
        # row 3: the contact is away until the 15th: its call comes after that answer is given
        ["Logistica Emiliana", "Addetto spedizioni", dt.date(2026, 11, 20), "Dott.ssa Neri", "+39 051 555 02",
         "inviata", "la dott.ssa Neri è in ferie fino al 15/12"],
        # row 4: overdue today, while the offer is still open
        ["Trasporti Gallo", "Pianificatore", dt.date(2026, 11, 18), "", "+39 051 555 03",
         "inviata", "nessuna risposta"],
    ])
    outcome = compute(path, today=TODAY)[0][0]
    return outcome.plan, outcome.scripts


def test_an_offer_answered_before_the_call_is_said_without_its_past_deadline(offers_elsewhere):
    plan, scripts = offers_elsewhere
    assert plan.at[3, "status"] == "Waiting" and plan.at[3, "due"].date() == dt.date(2026, 12, 15), plan.at[3, "why"]
    # the offer was made (strong interest, as with a deadline already past today), but on the 15th
    # "I must answer by the 9th" is no longer true: the call says no deadline
    assert plan.at[3, "situation"] == "competing_interest", plan.at[3, "why"]
    assert pd.isna(plan.at[3, "other_offer_by"])
    assert "9 dicembre" not in scripts[3] and "entro il" not in scripts[3], scripts[3]


def test_an_offer_still_open_on_the_call_is_said_with_its_deadline(offers_elsewhere):
    plan, scripts = offers_elsewhere
    assert plan.at[4, "status"] == "Overdue", plan.at[4, "why"]
    assert plan.at[4, "situation"] == "competing_interest", plan.at[4, "why"]
    assert plan.at[4, "other_offer_by"].date() == dt.date(2026, 12, 9)
    assert "9 dicembre" in scripts[4], scripts[4]


def test_of_two_offers_elsewhere_a_later_call_takes_the_one_still_open(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Company", "Role", "Applied", "Stage", "Notes"],
        ["Harbour Freight Co", "Planner", dt.date(2026, 11, 10), "offer", "verbal offer, must reply by Dec 9"],
        ["Ridge Mills", "Buyer", dt.date(2026, 11, 12), "offer", "offer letter in hand, answer due Dec 18"],
        ["Lowland Foods", "Analyst", dt.date(2026, 11, 20), "applied", "hiring mgr out of office until Dec 14"],
    ])
    plan = compute(path, today=TODAY)[0][0].plan
    assert plan.at[4, "due"].date() == dt.date(2026, 12, 14), plan.at[4, "why"]
    assert plan.at[4, "situation"] == "competing_interest"
    assert plan.at[4, "other_offer_by"].date() == dt.date(2026, 12, 18)


# --- an absence said after "until" and its day -------------------------------------------------

@pytest.mark.parametrize("note, language", [
    ("Frau Haas ist bis 14. Dezember auf Urlaub", "de"),
    ("Personalchef bis zum 14.12. in Karenz", "de"),
    ("de recruiter is tot 14 december met verlof", "nl"),
    ("kierowniczka do 14.12 na urlopie", "pl"),
    ("la jefa de RRHH hasta el 14/12 de vacaciones", "es"),
    ("a gestora fica até 14/12 de férias", "pt"),
    ("la responsabile fino al 14/12 in ferie", "it"),
])
def test_an_absence_said_after_until_and_its_day_is_a_return(note, language):
    said = read_statements(note, WRITTEN, day_first=True, languages=(language, "en"))
    assert [(st.date, st.kind) for st in said] == [(dt.date(2026, 12, 14), "back")], said


@pytest.mark.parametrize("note, language, kind", [
    ("am 14.12. zurückrufen", "de", "call_back"),              # a call, not a return
    ("Gespräch am 14.12., danach Urlaub", "de", "interview"),   # the absence is another clause's
])
def test_words_after_a_day_that_are_no_absence_until_it_keep_their_kind(note, language, kind):
    said = read_statements(note, WRITTEN, day_first=True, languages=(language, "en"))
    assert [st.kind for st in said] == [kind], said


def test_a_name_beside_an_absence_after_it_is_no_month():
    said = read_statements("Jan is ziek tot 14 december", WRITTEN, day_first=True, languages=("nl", "en"))
    assert [st.date for st in said if st.kind == "back"] == [dt.date(2026, 12, 14)], said


# --- a contact cell naming only a part of the firm ---------------------------------------------

def test_a_part_of_the_firm_in_the_contact_cell_gives_way_to_the_person_the_notes_name(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Firma", "Stelle", "Datum", "Kontakt", "Notizen"],
        ["Holzbau Ertl", "Disponentin", dt.date(2026, 11, 23), "Personalabteilung",
         "Mo angerufen, Frau Lechner ist erst ab Mittwoch wieder da"],
        ["Brauerei Moser", "Einkauf", dt.date(2026, 11, 23), "Fr. Brandstätter",
         "Herr Kaiser aus der Personalabteilung meldet sich"],
        ["Mühle Pichl", "Lager", dt.date(2026, 11, 23), "HR", "noch nichts gehört"],
    ])
    frame = read_trackers(path, Settings())[0].frame
    assert frame.at[2, "contact"] == "Frau Lechner"
    assert frame.at[3, "contact"] == "Fr. Brandstätter"     # a person's cell is the user's word
    assert frame.at[4, "contact"] == "HR"                   # no one named: the part stays, asked for


# --- a French stage cell saying the application was withdrawn -----------------------------------

@pytest.mark.parametrize("cell", ["retirée", "Retirée", "retiré", "candidature retirée"])
def test_a_withdrawn_french_stage_is_closed(cell):
    assert stage_of(cell, Settings()) == "closed"


# --- the user's chaser in the Dutch simple past, its subject left out ---------------------------

@pytest.mark.parametrize("note, mine", [
    ("belde de recruiter op 1/12, niemand thuis", True),
    ("mailde Annelies vorige week nog", True),
    ("stuurde nog een herinnering op 30/11", True),
    ("Ik mailde hen op maandag", True),
    ("Wouter belde op 2/12 terwijl ik in de trein zat", False),    # he called: the employer's contact
    ("ze mailde me dat de vacature nog open is", False),
])
def test_a_dutch_simple_past_without_subject_is_the_users_chaser(note, mine):
    from followup_sheet.chasers import user_chases
    assert bool(user_chases(note)) is mine, user_chases(note)


# --- a voicemail the user left, in the cases Polish puts the word in ----------------------------

def test_a_voicemail_left_in_polish_is_retried_the_next_business_day(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Firma", "Stanowisko", "Data wysłania", "Osoba", "Telefon", "Etap", "Uwagi"],
        ["Kolej Mazowiecka", "Dyspozytor", "23.11.2026", "Pan Wrona", "+48 22 555 10", "wysłane",
         "w piątek 4.12 nagrałam się na pocztę głosową"],
        ["Mleczarnia Sobik", "Planista", "23.11.2026", "Pani Sobik", "+48 22 555 20", "wysłane",
         "4.12 dzwoniłem, włączyła się poczta głosowa"],
    ])
    plan = compute(path, today=TODAY)[0][0].plan
    for row in (2, 3):
        assert (plan.at[row, "status"], plan.at[row, "due"].date()) == ("Due today", TODAY), plan.at[row, "why"]


# --- a form of address in small letters before a name ------------------------------------------

@pytest.mark.parametrize("note, person", [
    ("het onthaal zegt dat mevrouw Claes tot 15/12 met verlof is", "Mevrouw Claes"),
    ("mevrouw van Damme belt na de kerstvakantie", "Mevrouw van Damme"),
    ("sekretarka: pani Zając wraca 14.12", "Pani Zając"),
    ("la sra. Paredes está de viaje hasta el lunes", "Sra. Paredes"),
])
def test_a_form_of_address_in_small_letters_names_the_person(note, person):
    from followup_sheet.referrals import people_in
    assert people_in(note, "Acme") == ((person, ""),)


def test_a_small_polish_pan_that_addresses_no_one_is_no_person():
    from followup_sheet.referrals import people_in
    assert people_in("pan z recepcji nie wiedział nic", "Acme") == ()


# --- two of the round's trackers, as checked by reading -----------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def lausanne():
    # a Swiss hotel receptionist's tracker, saved through LibreOffice: a merged title row, dates
    # typed as text with dots, a second sheet of notes
    outcome = compute(FIXTURES / "trial_world10_lausanne_libreoffice.xlsx", today=TODAY)[0][0]
    return outcome.plan, outcome.scripts


def test_the_lausanne_tracker_reads_as_checked(lausanne):
    from conftest import status_due_situation
    plan, scripts = lausanne
    want = {
        3: ("Due today", "2026-12-07", "post_interview"),     # they were to call back by Friday the 4th
        4: ("Overdue", "2026-11-24", "autoresponse"),
        5: ("Closed", None, ""),                               # "ils ont retenu un autre candidat"
        6: ("Overdue", "2026-12-03", "post_interview"),       # the thank-you after the second talk
        7: ("Overdue", "2026-12-01", "competing_interest"),   # the Continental's offer, open to the 10th
        8: ("Due today", "2026-12-07", "competing_interest"),  # her missed call on Friday, returned Monday
        9: ("Due today", "2026-12-07", "offer"),
        10: ("Overdue", "2026-12-03", "referral"),
        11: ("Overdue", "2026-10-29", "competing_interest"),  # chased twice already
        12: ("Waiting", "2026-12-14", "competing_interest"),  # away until the 14th
        13: ("Closed", None, ""),                              # "retirée"
    }
    assert status_due_situation(plan, want) == want
    assert scripts[8].startswith("Bonjour. Je rappelle Madame Berset"), scripts[8]
    assert "F&B" in scripts[10] and "Julie Pasche" in scripts[10]
    assert "revenir vers vous" in scripts[11]           # a follow-up again, not a first introduction
    # the call on the 14th: the offer elsewhere was to be answered by the 10th, not said as ahead
    assert "10 décembre" not in scripts[12] and "Madame Perrin" in scripts[12], scripts[12]
    assert "10 décembre" in scripts[7]


@pytest.fixture(scope="module")
def graz():
    # an Austrian logistics planner's tracker: a title row and a blank row above the header, dates
    # typed as text, a column the tool does not know (AMS gemeldet)
    outcome = compute(FIXTURES / "trial_world10_graz.xlsx", today=TODAY)[0][0]
    return outcome.plan, outcome.scripts


def test_the_graz_tracker_reads_as_checked(graz):
    from conftest import status_due_situation
    plan, scripts = graz
    want = {
        4: ("Overdue", "2026-11-23", "autoresponse"),
        5: ("Overdue", "2026-12-02", "post_interview"),
        6: ("Closed", None, ""),
        7: ("Overdue", "2026-12-04", "competing_interest"),   # his call on the 3rd, not picked up
        8: ("Due soon", "2026-12-09", "competing_interest"),  # Frau Wagner away until the 9th
        9: ("Waiting", "2026-12-11", "post_interview"),       # the second talk on Thursday the 10th
        10: ("Overdue", "2026-12-02", "referral"),
        11: ("Overdue", "2026-10-19", "competing_interest"),
        14: ("Closed", None, ""),
        15: ("Due today", "2026-12-07", "competing_interest"),  # a voicemail on Friday: tried again Monday
    }
    assert status_due_situation(plan, want) == want
    assert 13 not in plan.index or plan.at[13, "status"] == ""      # a company alone is no application
    # the contact cell says only "Personalabteilung": the call asks for the person the notes name
    assert "mit Frau Wagner sprechen" in scripts[8], scripts[8]
    assert any(f.kind == "back" for f in plan.at[8, "facts"]), plan.at[8, "why"]
    assert "Mag. Hofer" in scripts[7] and "3. Dezember" in scripts[7]
    assert "Markus Leitner" in scripts[10]
    assert plan.at[12, "stage"] == "offer" and "11. Dezember" in scripts[12]


# --- Dutch splits "terugbellen": the particle at the end is their news, not a return -------------

@pytest.mark.parametrize("note, kind", [
    ("na het gesprek: ze bellen mij terug tegen donderdag 10/12", "feedback"),
    ("de directeur komt erop terug voor 10/12", "feedback"),
    ("An is met verlof en pas terug op 10/12", "back"),       # her own return stays one
])
def test_a_dutch_call_back_split_around_its_object_is_their_news(note, kind):
    said = read_statements(note, WRITTEN, day_first=True, languages=("nl", "en"))
    assert [(st.date, st.kind) for st in said] == [(dt.date(2026, 12, 10), kind)], said


# --- a test or an exam of the employer's, named the other languages' way -------------------------

@pytest.mark.parametrize("note, language", [
    ("teste técnico agendado pra 10/12", "pt"),
    ("prueba técnica online el 10/12", "es"),
    ("test technique prévu le 10/12", "fr"),
    ("prova scritta il 10/12", "it"),
    ("Eignungstest am 10.12.", "de"),
    ("schriftelijke toets op 10/12", "nl"),
    ("test kompetencji 10.12", "pl"),
])
def test_a_test_named_noun_first_is_a_step_on_its_day(note, language):
    said = read_statements(note, WRITTEN, day_first=True, languages=(language, "en"))
    assert [(st.date, st.kind) for st in said] == [(dt.date(2026, 12, 10), "interview")], said


@pytest.fixture(scope="module")
def tests_taken(tmp_path_factory):
    path = rows_book(tmp_path_factory.mktemp("w10t") / "postulaciones.xlsx", [
        ["Empresa", "Puesto", "Fecha", "Estado", "Notas"],
        ["Textil Andina", "Analista de costos", dt.date(2026, 11, 20), "evaluación",
         "hice la prueba técnica online el 3/12, espero resultados"],
        ["Minera Sur", "Contador", dt.date(2026, 11, 20), "entrevista", "entrevista con la jefa el 3/12"],
        ["Banco Norte", "Auditor", dt.date(2026, 11, 25), "evaluación", "examen psicotécnico el jueves 10/12"],
    ])
    outcome = compute(path, today=TODAY)[0][0]
    return outcome.plan, outcome.scripts


def test_a_test_taken_gets_no_thanks_for_a_talk(tests_taken):
    plan, scripts = tests_taken
    # the test on the 3rd: the next call asks for the next steps, and thanks no one for a talk
    assert not plan.at[2, "thank_you"] and not plan.at[2, "interview_held"], plan.at[2, "why"]
    assert plan.at[2, "channel"] == "call" and "tiempo que me dedicó" not in scripts[2], scripts[2]
    # a talk held that day is thanked for, as before
    assert plan.at[3, "thank_you"] and "tiempo que me dedicó" in scripts[3], scripts[3]


def test_a_test_still_ahead_gets_no_call_before_it(tests_taken):
    plan, _ = tests_taken
    assert plan.at[4, "interview_ahead"].date() == dt.date(2026, 12, 10), plan.at[4, "why"]
    assert plan.at[4, "status"] == "Waiting" and plan.at[4, "due"].date() == dt.date(2026, 12, 11)


def test_a_written_test_taken_in_english_gets_no_thank_you_either(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Company", "Role", "Applied", "Stage", "Notes"],
        ["Harrow Mills", "Buyer", dt.date(2026, 11, 20), "assessment",
         "sat the aptitude test on 12/3, results pending"],
    ])
    outcome = compute(path, today=TODAY)[0][0]
    assert not outcome.plan.at[2, "thank_you"], outcome.plan.at[2, "why"]
    assert "taking the time to talk" not in outcome.scripts[2], outcome.scripts[2]


# --- an interview said relative to the day of writing, in a row that says it is ahead ------------

@pytest.fixture(scope="module")
def relative_interviews(tmp_path_factory):
    path = rows_book(tmp_path_factory.mktemp("w10r") / "aplikacje.xlsx", [
        ["Firma", "Stanowisko", "Data wysłania", "Etap", "Uwagi"],
        # the stage says the interview is planned; the note says "next Thursday" only
        ["Piekarnia Ratajczak", "Księgowa", dt.date(2026, 10, 26), "rozmowa zaplanowana",
         "druga rozmowa w przyszły czwartek po południu"],
        # nothing says it is still ahead: read from the date applied, as before (held, thanked)
        ["Hurtownia Maj", "Księgowa", dt.date(2026, 10, 26), "rozmowa", "rozmowa w przyszły czwartek"],
    ])
    outcome = compute(path, today=TODAY)[0][0]
    return outcome.plan, outcome.scripts


def test_a_relative_interview_in_a_row_saying_it_is_planned_is_still_ahead(relative_interviews):
    plan, scripts = relative_interviews
    # written any day up to today: the first Thursday of a next week not yet past is the 10th
    assert plan.at[2, "interview_ahead"].date() == dt.date(2026, 12, 10), plan.at[2, "why"]
    assert not plan.at[2, "thank_you"] and plan.at[2, "status"] in ("Waiting", "Due soon"), plan.at[2, "why"]
    # the day is the plan's guess, never said aloud, and the day first read is no fact of the row's
    assert "10 grudnia" not in scripts[2] and "paź" not in plan.at[2, "why"], (scripts[2], plan.at[2, "why"])
    # (held on the Thursday after the date applied; weeks past, its follow-up is due, not a thank-you)
    assert plan.at[3, "interview_held"] and not plan.at[3, "thank_you"], plan.at[3, "why"]
    assert plan.at[3, "status"] == "Overdue", plan.at[3, "why"]


def test_an_interview_said_only_as_a_span_is_not_dated_in_another_language(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Firma", "Stelle", "Beworben", "Stand", "Notizen"],
        ["Kessler Bau", "Planer", dt.date(2026, 12, 1), "Gespräch", "Zweitgespräch in 2 Wochen"],
    ])
    outcome = compute(path, today=TODAY)[0][0]
    assert outcome.plan.at[2, "interview_rough"], outcome.plan.at[2, "why"]
    assert "Dezember" not in outcome.scripts[2], outcome.scripts[2]
