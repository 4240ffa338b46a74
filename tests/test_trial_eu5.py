"""Six more strangers' trackers (Austria, Switzerland, Belgium, Argentina, Brazil, Italy): the
kinds of reading they showed wrong, each in words of its own (rules §2, §3, §7)."""

from __future__ import annotations

import pytest

from followup_sheet import facts
from followup_sheet.language import person
from followup_sheet.plan import stage_of
from followup_sheet.render import person_text
from followup_sheet.settings import Settings


# --- a typo is a word no language has -------------------------------------------------------------------
@pytest.mark.parametrize("text, stage", [
    ("offen", "applied"),            # German: open, pending
    ("noch offen", "applied"),
    ("Rückmeldung offen", "applied"),
    ("intervew", "interviewing"),    # no language's word: a typo still counts
    ("rejcted", "closed"),
])
def test_a_stage_word_one_letter_from_a_listed_one_is_a_typo_only_when_it_is_no_word(text, stage):
    assert stage_of(text, Settings()) == stage


# --- whom to ask for ------------------------------------------------------------------------------------
@pytest.mark.parametrize("cell, said", [
    ("Personalberaterin Fr. Kovac", "Fr. Kovac"),
    ("chargée de recrutement Mme Perrin", "Mme Perrin"),
    ("recrutadora Camila", "Camila"),
    ("head hunter Tomasz Wrona", "Tomasz Wrona"),
    ("Lucía de Recursos Humanos", "Lucía"),
    ("Piet van HR", "Piet"),
    ("Jan vom Personal", "Jan"),
    # what must stay whole: a title first, a particle, a lower-case cell, a name with "del"
    ("Frau Dr. Anke Vogt", "Frau Dr. Anke Vogt"),
    ("dott.ssa Ferri", "Dott.ssa Ferri"),
    ("van den Berg", "van den Berg"),
    ("maria souza", "Maria Souza"),
    ("Rosa del Valle", "Rosa del Valle"),
])
def test_a_role_before_a_name_or_a_department_after_it_is_not_said(cell, said):
    assert person_text(cell) == said


@pytest.mark.parametrize("cell, language, surname, gender", [
    ("Mevr. Van Acker", "nl", "Van Acker", "f"), ("Herr von Thun", "de", "von Thun", "m"),
    ("M. De Backer", "fr", "De Backer", "m"),
])
def test_after_a_title_a_particle_is_part_of_the_family_name(cell, language, surname, gender):
    p = person(person_text(cell), language)
    assert p is not None and (p.surname, p.gender, p.given) == (surname, gender, "")


def test_a_particle_alone_before_a_name_without_a_title_is_still_no_given_name():
    p = person("Van Nguyen", "en")
    assert p is not None and (p.given, p.surname) == ("Van", "Nguyen")


# --- notes typed without accents, and nobody who answered --------------------------------------------------
@pytest.mark.parametrize("note", [
    "liguei pra eles dia 1/12, ninguem atendeu",      # Portuguese, no accent
    "chiamato il 30/11 ma non rispondeva nessuno",     # Italian: the negative pronoun after its verb
    "appelé le 2.12, personne n'a décroché",           # French: "personne" as the subject
    "llame el martes, no contesto nadie",              # Spanish, no accents, "nadie" after the verb
    "angerufen, aber niemand hat abgehoben",
    "gebeld maar niemand nam op",
])
def test_a_call_nobody_answered_is_the_users_own_retry(note):
    employer_call, _, tried, *_ = facts._text_facts(f"\x00{note}\x00")
    assert not employer_call and tried == 1


@pytest.mark.parametrize("note", [
    "me ligaram de manha e nao consegui atender",
    "me llamaron y no la cogi",
    "Hr. Brandl hat am 3.12. angerufen, ich konnte nicht abheben",
])
def test_their_call_the_user_missed_is_theirs_however_it_is_typed(note):
    assert facts._text_facts(f"\x00{note}\x00")[0]


@pytest.mark.parametrize("note", [
    "la recruiter me pidió que la llame el lunes",     # a call asked of me, not made: the subjunctive
    "quedamos en que le marque la semana próxima",
])
def test_a_spanish_call_after_que_is_asked_for_not_made(note):
    *_, acted = facts._text_facts(f"\x00{note}\x00")
    assert not acted


def test_a_note_without_accents_is_read_like_one_with_them():
    for bare, accented in [("nao atendi", "não atendi"), ("buzon de voz", "buzón de voz")]:
        assert facts._text_facts(f"\x00{bare}\x00") == facts._text_facts(f"\x00{accented}\x00")
    assert facts.without_accents("Zielińska ćwiczy, Grüße, 電話が") == "Zielinska cwiczy, Gruße, 電話が"


@pytest.mark.parametrize("note, tried", [
    ("relance par mail le 30.11, pas de reponse", 0),     # a message unanswered is no call that reached nobody
    ("accuse de reception automatique", 0),               # the receipt of an application, not a front desk
    ("appele deux fois, pas de reponse", 1),
])
def test_words_read_without_accents_keep_their_sense(note, tried):
    assert facts._text_facts(f"\x00{note}\x00")[2] == tried


# --- stage words: a refusal said as a negated step, and the words for "sent, waiting" ---------------------
@pytest.mark.parametrize("text, stage", [
    ("no quedé", "closed"), ("no me seleccionaron", "closed"), ("niet weerhouden", "closed"),
    ("nicht weitergekommen", "closed"), ("non sono stata presa", "closed"), ("nao fui aprovada", "closed"),
    ("nie zostałam wybrana", "closed"), ("abandonné", "closed"), ("candidatura abbandonata", "closed"),
    # still open, or another sense of the verb
    ("todavía no quedé en nada", "applied"), ("noch nicht genommen", "applied"), ("no quedó claro", "applied"),
    ("nie wybrano jeszcze nikogo", "applied"),
])
def test_a_negated_step_in_each_language_is_a_refusal(text, stage):
    assert stage_of(text, Settings()) == stage


@pytest.mark.parametrize("text", ["verstuurd", "in behandeling", "en attente", "in attesa", "aguardando", "pendiente",
                                  "abgeschickt", "czekam"])
def test_sent_and_waiting_are_known_applied_words_in_each_language(text):
    from followup_sheet.plan import unplaced_words
    assert stage_of(text, Settings()) == "applied" and not unplaced_words(text, Settings())


def test_a_flemish_status_column_and_gsm_are_read():
    from followup_sheet.headers import header_fields
    fields = header_fields(["Werkgever", "Functie", "Datum", "GSM", "Stand van zaken", "Opmerkingen"], Settings())
    assert fields.get("contact_phone") == 3 and fields.get("stage") == 4


# --- whose answer a date is -------------------------------------------------------------------------------
WRITTEN = __import__("datetime").date(2026, 12, 4)


@pytest.mark.parametrize("note, language", [
    ("Vertrag kam am 2.12., ich muss bis 14.12. zu- oder absagen", "de"),
    ("tengo que aceptar antes del 14/12", "es"),
    ("moet ten laatste 14/12 beslissen", "nl"),
    ("devo confermare entro il 14/12", "it"),
    ("preciso aceitar até 14/12", "pt"),
])
def test_an_answer_or_decision_the_writer_owes_is_their_own_answer(note, language):
    from followup_sheet.statements import read_statements
    said = [s for s in read_statements(note, WRITTEN, True, ("en", language)) if s.date.day == 14]
    assert [(s.kind, s.mine) for s in said] == [("answer", True)]


@pytest.mark.parametrize("note, language", [("sie entscheiden bis 14.12.", "de"), ("ils décident d'ici le 14/12", "fr"),
                                            ("ich muss bis 14.12. die Zeugnisse schicken", "de")])
def test_their_decision_or_my_other_errand_is_no_answer_i_owe(note, language):
    from followup_sheet.statements import read_statements
    said = [s for s in read_statements(note, WRITTEN, True, ("en", language)) if s.date.day == 14]
    assert said and not any(s.kind == "answer" and s.mine for s in said)


@pytest.mark.parametrize("note, language", [("resposta até o fim do mês", "pt"), ("ci sentiamo a fine mese", "it"),
                                            ("uitslag tegen eind van de maand", "nl"),
                                            ("odpowiedź do końca miesiąca", "pl")])
def test_the_end_of_the_month_in_each_language(note, language):
    from followup_sheet.statements import read_statements
    said = read_statements(note, WRITTEN, True, ("en", language))
    assert [s.date for s in said] == [__import__("datetime").date(2026, 12, 31)]


# --- an automatic message, a referral, the front desk -------------------------------------------------------
@pytest.mark.parametrize("note, auto", [("automatische ontvangstbevestiging gekregen", True),
                                        ("nur eine automatische Empfangsbestätigung", True),
                                        ("Bestätigung kam, von Frau Roth persönlich", False)])
def test_an_automatic_message_named_by_a_compounds_last_word(note, auto):
    from followup_sheet.plan import auto_reply
    assert auto_reply(note) is auto


@pytest.mark.parametrize("note, who", [
    ("me recomendó mi excompañera Paula (área Ventas)", ("Paula", "Ventas")),
    ("mi ha segnalato il mio ex capo Franco (ufficio tecnico)", ("Franco", "tecnico")),
    ("empfohlen von meiner Nachbarin Ute (Einkauf-Abteilung)", ("Ute", "Einkauf")),
    ("Paula me recomendó", ("Paula", "")),
])
def test_who_referred_me_with_the_verb_first_and_the_department_by_its_noun(note, who):
    from followup_sheet.referrals import referral_in
    assert referral_in(note) == who


@pytest.mark.parametrize("note, tried", [
    ("liguei 3/12, quem atendeu foi a secretária", 1), ("ho chiamato, mi ha risposto la segretaria", 1),
    ("angerufen, die Sekretärin sagt er ist im Meeting", 1),
    ("me postulé comme secrétaire médicale", 0),          # the job, not whom the call reached
])
def test_a_call_that_reached_the_front_desk_is_a_retry(note, tried):
    assert facts._text_facts(f"\x00{note}\x00")[2] == tried


def test_a_verb_after_but_belongs_to_its_own_clause():
    from followup_sheet.statements import read_statements
    said = read_statements("la selezionatrice mi ha cercato il 3/12 ma non ho risposto", WRITTEN, True, ("en", "it"))
    assert [s.kind for s in said] == ["date"]        # the day of their call, not an answer due on it


# --- next week, and a call promised to me ---------------------------------------------------------------------
@pytest.mark.parametrize("note, language", [
    ("entretien la semaine prochaine", "fr"), ("me contestan la próxima semana", "es"),
    ("resultado semana que vem", "pt"), ("colloquio la prossima settimana", "it"),
    ("decyzja w przyszłym tygodniu", "pl"), ("Entscheidung kommende Woche", "de"),
])
def test_next_week_in_every_language_is_a_week_after_the_day_written(note, language):
    from followup_sheet.statements import read_statements
    said = read_statements(note, WRITTEN, True, ("en", language))
    assert [s.date for s in said] == [WRITTEN + __import__("datetime").timedelta(days=7)]


@pytest.mark.parametrize("note, language, kind", [
    ("quedaron en escribirme el lunes", "es", "feedback"),      # they are to write to me: their news
    ("ficaram de me ligar segunda-feira", "pt", "feedback"),
    ("doivent me recontacter lundi", "fr", "feedback"),
    ("devono ricontattarmi lunedì", "it", "feedback"),
    ("tengo que llamarlos el lunes", "es", "call_back"),       # my call to them
    ("devo richiamarli lunedì", "it", "call_back"),
])
def test_a_call_whose_object_is_me_is_their_news_not_my_call(note, language, kind):
    from followup_sheet.statements import read_statements
    said = read_statements(note, WRITTEN, True, ("en", language))
    assert [s.kind for s in said] == [kind]


def test_an_italian_day_with_its_elided_article_is_that_day():
    from followup_sheet.statements import read_statements
    said = read_statements("proposta arrivata, devo accettare entro l'11", WRITTEN, True, ("en", "it"))
    assert [(s.date.day, s.kind, s.mine) for s in said] == [(11, "answer", True)]


# --- found by the held-out trackers (Polish, European Portuguese) ----------------------------------------------
@pytest.mark.parametrize("note", ["telefonaram-me ontem do RH, não consegui atender", "contactaram-me por telefone"])
def test_the_pronoun_after_the_verb_says_they_called_me(note):
    assert facts._text_facts(f"\x00{note}\x00")[0]


@pytest.mark.parametrize("note, who", [
    ("recomendada pela vizinha Marta (departamento financeiro)", ("Marta", "financeiro")),
    ("poleciła mnie znajoma Ola (dział kadr)", ("Ola", "kadr")),
])
def test_who_referred_me_after_a_contracted_preposition_or_a_polish_verb(note, who):
    from followup_sheet.referrals import referral_in
    assert referral_in(note) == who


# --- two of the strangers' trackers, read by hand: what each row comes to on Monday 2026-12-07 ------------------
FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"
MONDAY = __import__("datetime").date(2026, 12, 7)
# company: (status, next follow-up, script kind, words the script must say, words it must never say)
VIENNA = {      # (Austria: December 8 is a public holiday)
    "Wiener Stadtwerke": ("Overdue", "2026-11-10", "autoresponse", ["Frau Huber", "Eingangsbestätigung"], []),
    "Spar AG": ("Waiting", "2026-12-11", "post_interview", ["10. Dezember"], []),
    # stage "offen" is open, not an offer; "hab am 27.11. angerufen, nicht erreicht, Mailbox": a retry
    "Ankerbrot": ("Overdue", "2026-11-30", "competing_interest", ["11. Dezember"], ["Zusage"]),
    # "Fr. Berger hat am 2.12. angerufen, konnte nicht abheben": their call, to be returned
    "Porr Bau": ("Overdue", "2026-12-03", "call_back", ["Frau Berger", "2. Dezember"], []),
    "Raiffeisen NÖ-Wien": ("Closed", "", "", [], []),
    "Magna Steyr": ("Waiting", "2027-01-04", "competing_interest", [], ["Zusage"]),
    # "muss bis 11.12. zusagen": the answer the user owes, said back; the next call two business days on
    "Billa": ("Due today", "2026-12-07", "offer", ["11. Dezember"], ["Bis wann benötigen Sie"]),
    "Erste Bank": ("Overdue", "2026-12-01", "referral", ["Markus", "IT"], []),
    "A1 Telekom": ("Waiting", "2026-12-14", "competing_interest", ["Frau Wagner"], []),
    # "Recruiterin Fr. Novak": the role is not read out
    "Kelly Services": ("Overdue", "2026-12-02", "recruiter", ["Frau Novak"], ["Recruiterin"]),
    "ÖBB": ("Closed", "", "", [], []),
}
GHENT = {       # headed "Stand van zaken" and "GSM"; Dutch as Belgium writes it
    "KBC": ("Overdue", "2026-12-04", "call_back", ["3 december"], []),
    "Barco": ("Overdue", "2026-12-02", "competing_interest", ["meneer Claes"], []),
    "Stad Gent": ("Closed", "", "", [], []),                 # "niet weerhouden"
    "Proximus": ("Overdue", "2026-12-01", "competing_interest", ["mevrouw Janssens"], []),
    "Randstad": ("Overdue", "2026-11-30", "recruiter", ["Lien"], ["consulente"]),
    "UZ Gent": ("Waiting", "2026-12-14", "competing_interest", ["mevrouw De Smet"], ["mevrouw Smet"]),
    "Delhaize": ("Due soon", "2026-12-08", "offer", ["11 december mijn antwoord"], ["een besluit neemt"]),
    "Telenet": ("Overdue", "2026-12-02", "autoresponse", [], []),
    "AZ Sint-Jan": ("Closed", "", "", [], []),
}


@pytest.mark.parametrize("name, country, expected", [("trial_at_wien_libreoffice.xlsx", "AT", VIENNA),
                                                     ("trial_be_gent.xlsx", "BE", GHENT)])
def test_a_strangers_tracker_reads_as_its_notes_say(name, country, expected):
    import numpy as np
    import pandas as pd

    from followup_sheet.pipeline import compute
    from followup_sheet.render import returning_calls

    (sheet, *_), _, settings = compute(FIXTURES / name, today=MONDAY, country=country, your_name="Test",
                                       your_phone="+43 1 234")
    frame, plan, scripts = sheet.tracker.frame, sheet.plan, sheet.scripts
    kinds = np.where(returning_calls(plan), "call_back", plan["situation"].to_numpy(dtype=object))
    seen = {}
    for k, row in enumerate(frame.index):
        due = plan.at[row, "due"]
        seen[frame.at[row, "company"]] = (plan.at[row, "status"], "" if pd.isna(due) else str(due.date()), kinds[k],
                                          str(scripts.at[row]))
    assert settings.language == {"AT": "de", "BE": "nl"}[country]
    for company, (status, due, kind, says, never) in expected.items():
        got_status, got_due, got_kind, text = seen[company]
        assert (got_status, got_due, got_kind) == (status, due, kind), company
        assert all(w in text for w in says), (company, text)
        assert not any(w in text for w in never), (company, text)
