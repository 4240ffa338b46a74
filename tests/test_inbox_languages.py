"""What the inbox writes into a tracker is in the tracker's language, in every language the tool
speaks, and the next refresh reads it back as what it says (a stage, an automatic reply, the day
someone is back). End to end through a real IMAP server for a German and a Spanish tracker."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import write_tracker
from imap_server import DOVECOT, MISSING, OPENSSL, imap_server, scan_tracker
from inbox_mail import message

from followup_sheet.catalogue import Words, languages
from followup_sheet.inbox import (
    AWAY_TEXT,
    INTERVIEW_TEXT,
    OWN_WORD,
    REPLY_TEXT,
    RESPONSE_TEXT,
    apply_inbox,
)
from followup_sheet.inbox import words as W
from followup_sheet.pipeline import compute
from followup_sheet.plan import stage_of, word_list
from followup_sheet.settings import Settings

TODAY = dt.date(2026, 12, 7)
ALL = ["en", *languages()]
MEANS = {W.REJECTION: "closed", W.OFFER: "offer", W.INTERVIEW: "interviewing", W.CONFIRMATION: "applied"}


def test_every_language_is_covered():
    assert len(ALL) >= 11 and {"de", "fr", "es", "it", "pt", "nl", "pl", "zh", "ja", "ko"} <= set(ALL)


@pytest.mark.parametrize("code", ALL)
def test_each_written_text_is_in_the_language_and_read_back_as_what_it_says(code):
    said = Words(code, "inbox")
    settings = Settings()
    automatic = word_list(settings.autoresponse_words)
    for kind, english in RESPONSE_TEXT.items():
        text = said(english)
        assert code == "en" or text != english, (code, english)
        assert stage_of(text, settings) == MEANS[kind], (code, text)
        assert automatic.holds(text) == (kind == W.CONFIRMATION), (code, text)
    for stage, english in OWN_WORD.items():
        word = said(english)
        assert (code == "en") == (word == english), (code, word)
        assert stage_of(word, settings) == stage, (code, word)
    reply = said(REPLY_TEXT, sender="Noor Haddad")
    assert "Noor Haddad" in reply and (code == "en") == reply.startswith("Reply by e-mail")
    assert stage_of(reply, settings) == "applied" and not automatic.holds(reply)


@pytest.mark.parametrize("code", ALL)
def test_an_out_of_office_note_in_the_language_makes_the_next_follow_up_wait(code, tmp_path):
    note = Words(code, "inbox")(AWAY_TEXT, day="2026-12-16")
    assert code == "en" or not note.startswith("Out of office")
    path = write_tracker(tmp_path / "t.xlsx", [{"Company": "Ferrand Optique", "Date Applied": dt.date(2026, 11, 20),
                                                "Status": "Applied", "Response": note}])
    outcomes, _, _ = compute(path, today=TODAY, language=code, country="US")
    plan = outcomes[0].plan
    assert plan.loc[2, "due"].date() == dt.date(2026, 12, 16) and plan.loc[2, "status"] == "Waiting", (code, note)


@pytest.mark.parametrize("code", ALL)
def test_an_interview_day_noted_in_the_language_gets_no_call_before_it(code, tmp_path):
    said = Words(code, "inbox")
    note = said(INTERVIEW_TEXT, day="2026-12-10")
    assert code == "en" or not note.startswith("Interview on")
    assert stage_of(note, Settings()) == "interviewing", note   # read as an interview where no Stage column says it
    path = write_tracker(tmp_path / "t.xlsx", [{"Company": "Ferrand Optique", "Date Applied": dt.date(2026, 11, 20),
                                                "Last Contact": dt.date(2026, 12, 1), "Status": said("Interview"),
                                                "Response": note}])
    outcomes, _, _ = compute(path, today=TODAY, language=code, country="US")
    plan = outcomes[0].plan
    # Latin-script notes give the thank-you the day after; the Chinese, Japanese and Korean reader
    # takes the day itself (statements.cjk_dates): never a call before the interview
    assert plan.loc[2, "due"].date() >= dt.date(2026, 12, 10), (code, note, plan.loc[2, "due"])
    assert plan.loc[2, "status"] in ("Waiting", "Due soon"), (code, note)


# -- through the real server -----------------------------------------------------------------------

DE_ROWS = [
    {"Firma": "Gärtnerei Lindholm", "Stelle": "Gärtnerin", "Beworben am": dt.date(2026, 11, 18), "Status": "Beworben",
     "Rückmeldung": "", "Letzter Kontakt": None},
    {"Firma": "Hafenkontor Brandt", "Stelle": "Buchhalterin", "Beworben am": dt.date(2026, 11, 19),
     "Status": "Beworben", "Rückmeldung": "", "Letzter Kontakt": None},
    {"Firma": "Ostseewerft Kiel", "Stelle": "Schweißerin", "Beworben am": dt.date(2026, 11, 20),
     "Status": "Beworben", "Rückmeldung": "", "Letzter Kontakt": None},
]
DE_MAIL = [
    message('"Gärtnerei Lindholm" <no-reply@personio.de>', "Eingangsbestätigung",
            "Guten Tag, wir haben Ihre Bewerbung erhalten und melden uns in Kürze.", day=dt.date(2026, 11, 18)),
    message("Ole Brandt <ole@hafenkontor-brandt.de>", "AW: Buchhalterin",
            "Hallo, danke für die Nachfrage, wir sind noch in der Auswahl.", day=dt.date(2026, 12, 1)),
    message("Merle Jansen <m.jansen@ostseewerft-kiel.de>", "Ihre Bewerbung",
            "Guten Tag, wir freuen uns, Ihnen die Stelle anzubieten. Den Arbeitsvertrag senden wir per Post.",
            day=dt.date(2026, 12, 2)),
]
ES_ROWS = [
    {"Empresa": "Panadería Robles", "Puesto": "Dependienta", "Fecha de postulación": dt.date(2026, 11, 18),
     "Estado": "Postulado", "Respuesta": "", "Último contacto": None},
    {"Empresa": "Aceites Guadalmina", "Puesto": "Comercial", "Fecha de postulación": dt.date(2026, 11, 19),
     "Estado": "Postulado", "Respuesta": "", "Último contacto": None},
    {"Empresa": "Bodegas Tejada", "Puesto": "Enóloga", "Fecha de postulación": dt.date(2026, 11, 20),
     "Estado": "Postulado", "Respuesta": "", "Último contacto": None},
]
ES_MAIL = [
    message("Ramón Tejada <ramon@bodegastejada.es>", "Entrevista",
            "Hola, nos gustaría invitarte a una entrevista el miércoles 16 de diciembre a las 11:00.",
            day=dt.date(2026, 12, 1)),
    message("Ramón Tejada <ramon@bodegastejada.es>", "Re: Entrevista", "Perfecto, nos vemos entonces. Un saludo.",
            day=dt.date(2026, 12, 2)),
    message("Rocío Ortega <rocio@panaderiarobles.es>", "Respuesta automática",
            "Estoy de vacaciones hasta el 14 de diciembre, sin acceso al correo.", day=dt.date(2026, 12, 1),
            headers={"Auto-Submitted": "auto-replied"}),
    message("Andrés Vela <andres.vela@aceitesguadalmina.com>", "Entrevista",
            "Hola, nos gustaría invitarte a una entrevista el martes 15 de diciembre.", day=dt.date(2026, 12, 2)),
]


@pytest.fixture(scope="module")
def server():
    if DOVECOT is None or OPENSSL is None:
        pytest.skip(MISSING)
    with imap_server({"greta": DE_MAIL, "paz": ES_MAIL}) as running:
        yield running


def _scan(server, tmp_path, user, rows):
    return scan_tracker(server, tmp_path, user, rows, TODAY)


def test_a_german_tracker_gets_german_words_from_the_mail(server, tmp_path):
    path, config, report = _scan(server, tmp_path, "greta", DE_ROWS)
    got = {(p.row, p.field): p.new for p in report.proposals}
    assert got[(2, "response")] == "Eingangsbestätigung (E-Mail)", report.proposals
    assert got[(3, "response")] == "Antwort per E-Mail von Ole Brandt"
    assert got[(4, "stage")] == "Angebot"
    apply_inbox(path, report, today=TODAY, config=config)
    outcomes, _, _ = compute(path, today=TODAY, config=config, country="DE")
    plan = outcomes[0].plan
    assert plan.loc[2, "situation"] == "autoresponse" and plan.loc[4, "situation"] == "offer"


def test_a_spanish_tracker_gets_spanish_words_from_the_mail(server, tmp_path):
    path, config, report = _scan(server, tmp_path, "paz", ES_ROWS)
    got = {(p.row, p.field): p.new for p in report.proposals}
    assert got[(2, "response")] == "Ausente hasta el 2026-12-14", report.proposals
    assert got[(3, "stage")] == "Entrevista"
    assert got[(4, "response")] == "Entrevista el 2026-12-16" and got[(4, "stage")] == "Entrevista"
    assert got[(4, "last_contact")] == dt.date(2026, 12, 2)
