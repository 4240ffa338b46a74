"""Trackers kept by strangers in German, French, Spanish, Italian, Portuguese, Dutch and Polish:
what the reader must get right in each (rules §2, §3, §8)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from followup_sheet import facts, statements
from followup_sheet.headers import header_fields
from followup_sheet.language import choose_language, person
from followup_sheet.pipeline import compute
from followup_sheet.plan import stage_of
from followup_sheet.read import ColumnInfo
from followup_sheet.render import person_text, returning_calls
from followup_sheet.settings import Settings
from followup_sheet.statements import read_statements


def _tracker(headers: list[str], stages: list[str]) -> SimpleNamespace:
    frame = pd.DataFrame({"stage": stages, "response": [""] * len(stages)})
    return SimpleNamespace(columns={f"f{i}": ColumnInfo(i + 1, h) for i, h in enumerate(headers)}, frame=frame)


@pytest.mark.parametrize("headers, stages, code", [
    # a header said the same in English and French, and an accented abbreviation of "Tel"
    (["Société", "Intitulé du poste", "Contact", "Tél", "Statut"], ["relancé", "entretien passé"], "fr"),
    # an Italian stage word that begins like an English one ("offerta" is not "offer")
    (["Azienda", "Ruolo", "Note", "Stato"], ["offerta ricevuta", "in attesa"], "it"),
    (["Bedrijf", "Functie", "Contact", "Status"], ["aanbod", "verstuurd"], "nl"),
    # English words with English endings still make a tracker English
    (["Company", "Role", "Contact", "Status"], ["Offered", "Interviewing"], "en"),
])
def test_words_every_language_shares_do_not_make_a_tracker_a_mix(headers, stages, code):
    assert choose_language([_tracker(headers, stages)], Settings()).code == code


def test_a_real_english_phrase_still_makes_a_mix():
    choice = choose_language([_tracker(["Azienda", "Ruolo", "Date Applied", "Contact"], ["colloquio"])], Settings())
    assert choice.code == "en" and "mixes" in choice.reason


# --- dates the notes state ------------------------------------------------------------------------


FRIDAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize("note, language, day, kind", [
    ("mi devono rispondere entro giovedì", "it", dt.date(2026, 12, 10), "answer"),
    # (they are to give the answer: the employer's news, not an answer the user owes)
    ("ficaram de dar a resposta até terça", "pt", dt.date(2026, 12, 8), "feedback"),
    ("tenho que responder até terça-feira", "pt", dt.date(2026, 12, 8), "answer"),
    ("sollicitatiegesprek op woensdag", "nl", dt.date(2026, 12, 9), "interview"),
    ("rozmowa w poniedziałek rano", "pl", dt.date(2026, 12, 7), "interview"),
])
def test_a_weekday_in_italian_portuguese_dutch_and_polish_is_read(note, language, day, kind):
    said = read_statements(note, FRIDAY, True, ("en", language))
    assert [(s.date, s.kind) for s in said] == [(day, kind)]


def test_weekday_names_of_every_language_the_reader_knows_are_looked_for():
    from babel import Locale

    for language in statements.LANGUAGES:
        for number, name in Locale.parse(language).days["format"]["wide"].items():
            if number < 5:
                assert name.lower() in statements._WEEKDAYS, (language, name)


@pytest.mark.parametrize("note", ["segunda entrevista marcada", "passei para a quinta etapa"])
def test_a_portuguese_ordinal_is_no_weekday(note):
    assert read_statements(note, FRIDAY, True, ("en", "pt")) == ()


@pytest.mark.parametrize("note, language, day, kind", [
    ("termin odpowiedzi 11.12", "pl", dt.date(2026, 12, 11), "answer"),
    ("Entscheidung fällt bis 15.12", "de", dt.date(2026, 12, 15), "decision"),
    ("vóór 9.12 reageren op het aanbod", "nl", dt.date(2026, 12, 9), "answer"),
])
def test_a_dotted_day_and_month_without_the_last_dot_is_a_date_not_a_time(note, language, day, kind):
    said = read_statements(note, FRIDAY, True, ("en", language))
    assert [(s.date, s.kind) for s in said] == [(day, kind)]


@pytest.mark.parametrize("note", ["Gespräch 10.15 Uhr", "Gehalt 3.400 brutto", "wersja 2.1.3"])
def test_a_time_of_day_or_a_number_with_dots_is_no_day(note):
    assert all(s.date.month != 1 for s in read_statements(note, FRIDAY, True, ("en", "de", "pl")))


@pytest.mark.parametrize("note, language, back", [
    ("la referente è in ferie fino al 14/12", "it", dt.date(2026, 12, 14)),
    ("gestora de férias até 15/12", "pt", dt.date(2026, 12, 15)),
    ("contactpersoon met verlof tot 16-12", "nl", dt.date(2026, 12, 16)),
    ("kierowniczka na urlopie do 17.12", "pl", dt.date(2026, 12, 17)),
])
def test_someone_away_until_a_day_in_each_language(note, language, back):
    said = read_statements(note, FRIDAY, True, ("en", language))
    assert [(s.date, s.kind) for s in said] == [(back, "back")]


# --- a note kept as a log ----------------------------------------------------------------------------
def test_a_log_entry_is_read_from_the_day_it_opens_with():
    applied = dt.date(2026, 11, 2)
    said = read_statements("26/11 hablé con la jefa, me dicen algo la semana que viene", applied, True, ("en", "es"))
    assert said[0] == statements.Statement(dt.date(2026, 11, 26), "logged", "26/11")
    assert all(s.date > dt.date(2026, 11, 26) for s in said[1:])       # "next week" after Nov 26, not Nov 2


def test_a_log_entry_about_an_interview_is_the_interview_day():
    said = read_statements("9.12. Vorstellungsgespräch 14 Uhr", dt.date(2026, 11, 20), True, ("en", "de"))
    assert [(s.date, s.kind) for s in said] == [(dt.date(2026, 12, 9), "interview")]


def test_several_entries_each_have_their_day():
    note = "18.11. Mailbox\n25.11. nochmal probiert, Sekretariat"
    said = read_statements(note, dt.date(2026, 11, 10), True, ("en", "de"))
    assert [(s.date, s.kind) for s in said] == [(dt.date(2026, 11, 18), "logged"),
                                                (dt.date(2026, 11, 25), "logged")]


# --- headers cut short -----------------------------------------------------------------------------


@pytest.mark.parametrize("header, fld", [("Obs.", "notes"), ("Obs", "notes"), ("Org", "company"),
                                         ("Cel", "contact_phone"), ("WhatsApp", "contact_phone")])
def test_a_header_cut_short_is_the_field_it_begins(header, fld):
    assert header_fields(["Vaga", "Data de envio", "Situação", header], Settings()).get(fld) == 3


def test_a_short_header_that_begins_two_fields_is_none():
    assert 3 not in header_fields(["Empresa", "Vaga", "Data de envio", "Sta"], Settings()).values()


@pytest.mark.parametrize("note, language", [("Gespräch Donnerstag um 14 Uhr", "de"),
                                            ("entrevista el jueves a las 16", "es"),
                                            ("colloquio giovedì alle 15", "it"),
                                            ("gesprek donderdag om 14.00 uur", "nl")])
def test_a_weekday_with_a_time_of_day_is_that_weekday(note, language):
    said = read_statements(note, FRIDAY, True, ("en", language))
    assert [s.date for s in said] == [dt.date(2026, 12, 10)]


@pytest.mark.parametrize("note, language, day", [
    ("nos vimos el martes con la jefa de equipo", "es", dt.date(2026, 12, 1)),
    ("hatte am Mittwoch das Zweitgespräch", "de", dt.date(2026, 12, 2)),
    ("dinsdag het tweede gesprek gehad", "nl", dt.date(2026, 12, 1)),
    ("we meet Tuesday with the team lead", "en", dt.date(2026, 12, 8)),
    ("nos vemos el martes con la jefa de equipo", "es", dt.date(2026, 12, 8)),
])
def test_a_weekday_said_in_the_past_is_the_last_one_not_the_next(note, language, day):
    said = read_statements(note, FRIDAY, True, ("en", language))
    assert [s.date for s in said] == [day]


# --- who made the call ---------------------------------------------------------------------------------


@pytest.mark.parametrize("note", [
    "zadzwoniła pani z kadr, nie zdążyłam odebrać",      # she called (Polish: the verb says who)
    "de recruiter Femke heeft gebeld",
    "gemiste oproep van de werkgever",
    "me ligaram do RH e não consegui atender",
    "ligação perdida, não atendi",
    "tuvieron que llamarme y no lo cogí",
    "Anruf kam, ich war nicht da",
    "non ho risposto, era l'ufficio del personale",
])
def test_a_call_the_employer_made_or_i_missed_is_theirs(note):
    employer_call, *_ = facts._text_facts(f"\x00{note}\x00")
    assert employer_call


@pytest.mark.parametrize("note, attempts", [
    ("zadzwoniłam, poczta głosowa", 1),            # I called (Polish first person): voicemail
    ("ik belde, geen gehoor", 1),
    ("liguei, caixa postal", 1),
    ("chiamato, segreteria", 1),
    ("llamé, buzón de voz", 1),
])
def test_my_own_call_that_reached_nobody_is_a_retry(note, attempts):
    employer_call, _, tried, *_ = facts._text_facts(f"\x00{note}\x00")
    assert not employer_call and tried == attempts


# --- stage words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, stage", [
    ("candidatura ritirata", "closed"), ("desisti da vaga", "closed"), ("zelf ingetrokken", "closed"),
    ("afwijzing per mail", "closed"), ("dostałam odmowę", "closed"),
    ("Zweitgespräch", "interviewing"), ("Telefoninterview", "interviewing"), ("VG", "interviewing"),
    ("kennismakingsgesprek", "interviewing"), ("Jobangebot", "offer"),
    ("kein Telefoninterview", "applied"), ("Terminabsage", "applied"),
])
def test_withdrawals_rejections_and_compounds_in_each_language(text, stage):
    assert stage_of(text, Settings()) == stage


def test_a_german_title_with_its_dot_is_no_hr_department():
    assert person_text("Hr. Yilmaz") and not person_text("HR")


# --- scripts ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cell, gender, surname", [("p. Zielińska", "f", "Zielińska"), ("mgr Nowicka", "f", "Nowicka"),
                                                   ("p. Kowalski", "m", "Kowalski"), ("p. Nowak", "", "Nowak")])
def test_a_polish_title_and_surname_say_how_to_address_the_person(cell, gender, surname):
    p = person(cell, "pl")
    assert p is not None and (p.gender, p.surname) == (gender, surname)


# --- two strangers' trackers, read by hand: what each row must come to on Monday 2026-12-07 -------------

FIXTURES = Path(__file__).parent / "fixtures"
MONDAY = dt.date(2026, 12, 7)
# company: (status, next follow-up, script kind, words the script must say, words it must not say)
SPANISH = {
    "Grupo Arenal": ("Overdue", "2026-11-19", "competing_interest", ["12 de noviembre", "InfoJobs"], []),
    # "3/12 me llamó Marta de RRHH, nos vemos el jueves a las 11": an interview on Thursday Dec 10
    "Clínica Benítez": ("Waiting", "2026-12-11", "post_interview", ["10 de diciembre"],
                        ["devuelvo la llamada", "11 de diciembre", "17 de noviembre"]),
    # "4/12 nos vimos el jueves ...": held on Thursday Dec 3, the thank-you was due Friday
    "Logística Sur": ("Overdue", "2026-12-04", "post_interview", ["agradecerle"], ["10 de diciembre"]),
    # "4/12 me llamaron de RRHH y no lo cogí": their call of Dec 4, to be returned
    "Seguros Alba": ("Due today", "2026-12-07", "call_back", ["4 de diciembre"], ["20 de noviembre"]),
    "Ayuntamiento de Getafe": ("Closed", "", "", [], []),
    "Bodegas Prado": ("Overdue", "2026-12-04", "offer", ["10 de diciembre"], []),
    "Fintech Olé": ("Waiting", "2026-12-14", "competing_interest", [], []),
    # "27/11 llamé, buzón de voz, dejé mensaje": a retry the next business day
    "Editorial Sol": ("Overdue", "2026-11-30", "competing_interest", ["de nuevo"], []),
}
POLISH = {
    # "dzwoniła p. Zielińska, rozmowa rekrutacyjna w czwartek o 10" (written Friday Dec 4)
    "Bank Wisła": ("Waiting", "2026-12-11", "post_interview", ["panią Zielińską", "10 grudnia"], ["Oddzwaniam"]),
    "Softix": ("Closed", "", "", [], []),
    "Logistyka Plus": ("Overdue", "2026-11-25", "competing_interest", ["18 listopada"], []),
    # "dzwonili z HR, nie odebrałam, oddzwonić"
    "Hotel Wawel": ("Due today", "2026-12-07", "call_back", ["Oddzwaniam", "4 grudnia"], []),
    "Apteka Zdrowie": ("Due today", "2026-12-07", "offer", ["panią Nowicką", "10 grudnia"], []),
    # "dzwoniłam 1.12, poczta głosowa": my call, a retry the next business day
    "Nova IT": ("Overdue", "2026-12-02", "competing_interest", ["ponownie"], ["Oddzwaniam"]),
    "Urząd Miasta": ("Gone cold", "", "", [], []),
    "Meble Dąb": ("Waiting", "2026-12-14", "competing_interest", [], []),
}


@pytest.mark.parametrize("name, expected", [("trial_tracker_es.xlsx", SPANISH), ("trial_tracker_pl.xlsx", POLISH)])
def test_a_strangers_tracker_reads_as_its_notes_say(name, expected):
    (sheet, *_), _, settings = compute(FIXTURES / name, today=MONDAY)
    frame, plan, scripts = sheet.tracker.frame, sheet.plan, sheet.scripts
    kinds = np.where(returning_calls(plan), "call_back", plan["situation"].to_numpy(dtype=object))
    seen = {}
    for k, row in enumerate(frame.index):
        due = plan.at[row, "due"]
        seen[frame.at[row, "company"]] = (plan.at[row, "status"], "" if pd.isna(due) else str(due.date()), kinds[k],
                                          str(scripts.at[row]))
    assert settings.language == name[-7:-5]
    for company, (status, due, kind, says, never) in expected.items():
        got_status, got_due, got_kind, text = seen[company]
        assert (got_status, got_due, got_kind) == (status, due, kind), company
        assert all(w in text for w in says), (company, text)
        assert not any(w in text for w in never), (company, text)


# --- found by the held-out trackers ----------------------------------------------------------------------
@pytest.mark.parametrize("headers, stages, code", [
    # Spanish headers of which two the tables know only as Portuguese: a majority, no English word
    (["Compañía", "Vacante", "Fecha de postulación", "Celular", "Comentarios"], ["rechazado", "entrevista"], "es"),
    # an abbreviation is written alike in every language
    (["Unternehmen", "Kontaktperson", "Tel.", "Stand", "Kommentar"], ["abgesagt"], "de"),
])
def test_a_tracker_mostly_in_one_language_is_read_in_it(headers, stages, code):
    assert choose_language([_tracker(headers, stages)], Settings()).code == code


@pytest.mark.parametrize("note, written, day", [
    ("tengo entrevista el miércoles 9 a las 10", dt.date(2026, 11, 27), dt.date(2026, 12, 9)),
    ("entretien mardi 15 à 10h", dt.date(2026, 11, 20), dt.date(2026, 12, 15)),
    ("colloquio martedì 15", dt.date(2026, 11, 20), dt.date(2026, 12, 15)),
])
def test_a_weekday_with_a_day_of_the_month_is_in_the_month_where_it_falls_so(note, written, day):
    assert [s.date for s in read_statements(note, written, True, ("en", "es", "fr", "it"))] == [day]


# an English weekday, whole or short, before an ordinal day with no month
@pytest.mark.parametrize("note, written, day", [
    ("Tamsin out sick until Wed 9th", dt.date(2026, 11, 12), dt.date(2026, 12, 9)),
    ("2nd interview Thurs the 10th", dt.date(2026, 11, 24), dt.date(2026, 12, 10)),
    ("panel on Tue 15th at 2", dt.date(2026, 11, 20), dt.date(2026, 12, 15)),
    ("she's away till Monday 4th", dt.date(2026, 12, 1), dt.date(2027, 1, 4)),
])
def test_an_english_weekday_before_an_ordinal_day_is_in_the_month_where_it_falls_so(note, written, day):
    assert [s.date for s in read_statements(note, written, False, ("en",))] == [day]


@pytest.mark.parametrize("note", ["on Monthly 3rd", "ahead of the 2nd interview"])
def test_a_word_that_only_begins_like_a_weekday_or_a_counted_round_is_no_day(note):
    assert read_statements(note, dt.date(2026, 11, 20), False, ("en",)) == ()


@pytest.mark.parametrize("note", ["le marqué el 1/12, me mandó a buzón", "liguei dia 1/12 e caiu na caixa postal",
                                  "oferta verbal el 1/12, muy contenta"])
def test_a_day_in_a_sentence_that_tells_of_a_contact_is_that_contacts_day(note):
    frame = pd.DataFrame({"notes": [note], "response": [""], "stage": ["enviado"], "contact": [""],
                          "applied_on": [pd.Timestamp("2026-11-20")], "last_contact": [pd.NaT]})
    ledger = facts.read_ledger(frame, Settings(language="es", date_order="dmy"), today=dt.date(2026, 12, 7))
    assert ledger.columns["logged_on"].iloc[0] == pd.Timestamp("2026-12-01")
    assert ledger.columns["stated_on"].isna().iloc[0]       # no day to call on


@pytest.mark.parametrize("note", ["me marcaron ayer y no alcancé a contestar",
                                  "Frau Kern hat heute Vormittag angerufen",
                                  "Hr. Pichler hat am Freitag zurückgerufen"])
def test_more_ways_to_say_the_employer_called(note):
    assert facts._text_facts(f"\x00{note}\x00")[0]


def test_a_call_back_names_no_day_the_row_does_not_give(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Entreprise", "Poste", "Date de candidature", "Téléphone", "Statut", "Commentaires"])
    ws.append(["Clinique des Lilas", "Aide-soignante", "18/11/2026", "04 11 22 33 44", "en attente",
               "on m'a appelée pendant une réunion, je n'ai pas pu répondre"])
    wb.save(tmp_path / "suivi.xlsx")
    (sheet, *_), _, _ = compute(tmp_path / "suivi.xlsx", today=MONDAY)
    script = sheet.scripts.iloc[0]
    assert returning_calls(sheet.plan)[0] and "18 novembre" not in script and "novembre" not in script


def test_after_the_interview_an_employers_call_that_set_it_up_is_not_returned():
    (sheet, *_), _, _ = compute(FIXTURES / "trial_tracker_es.xlsx", today=dt.date(2026, 12, 14))
    frame, plan = sheet.tracker.frame, sheet.plan
    row = frame.index[frame["company"] == "Clínica Benítez"][0]
    k = list(frame.index).index(row)
    assert (plan.at[row, "status"], str(plan.at[row, "due"].date())) == ("Overdue", "2026-12-11")
    assert not returning_calls(plan)[k] and "devuelvo" not in sheet.scripts.at[row]
    assert plan.at[row, "thank_you"]


@pytest.mark.parametrize("note, auto", [
    ("só recebi e-mail automático de confirmação", True), ("tylko automatyczne potwierdzenie", True),
    ("risposta automatica e basta", True), ("automatische Antwort bekommen", True),
    ("Autohaus Meyer, Verkauf", False), ("no automatic reply at all", False),
])
def test_an_automatic_message_told_in_a_note(note, auto):
    from followup_sheet.plan import auto_reply
    assert auto_reply(note) is auto


@pytest.mark.parametrize("note, day", [("proposta recebida 3/12, preciso responder até dia 9", "2026-12-03"),
                                       ("mondeling aanbod op 3-12, contract volgt, reageren voor 10-12", "2026-12-03"),
                                       ("oferta 4.12, odpowiedź do 11.12", "2026-12-04")])
def test_the_day_an_offer_came_is_a_contact_and_the_answer_day_stays_the_answers(note, day):
    frame = pd.DataFrame({"notes": [note], "response": [""], "stage": ["oferta"], "contact": [""],
                          "applied_on": [pd.Timestamp("2026-11-20")], "last_contact": [pd.NaT]})
    ledger = facts.read_ledger(frame, Settings(date_order="dmy"), today=dt.date(2026, 12, 7)).columns
    assert ledger["logged_on"].iloc[0] == pd.Timestamp(day)
    assert ledger["deadline_on"].iloc[0] > pd.Timestamp(day)


def test_a_sheet_without_rows_has_an_empty_ledger():
    frame = pd.DataFrame({f: pd.Series([], dtype=object) for f in ("notes", "response", "stage", "contact")})
    frame["applied_on"] = pd.Series([], dtype="datetime64[ns]")
    frame["last_contact"] = pd.Series([], dtype="datetime64[ns]")
    ledger = facts.read_ledger(frame, Settings(), today=MONDAY).columns
    assert len(ledger) == 0 and "logged_on" in ledger
