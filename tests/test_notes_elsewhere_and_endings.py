"""Notes that tell of another employer's next steps, an offer the user accepted, and an employer
gone silent: whose step it is, and what the row's status says (rules §2, §4, §5)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from followup_sheet.notestage import clauses_with_owner, offer_accepted, went_silent
from followup_sheet.pipeline import compute

TODAY = dt.date(2026, 12, 7)


def _plan(tmp_path: Path, stage: str, note: str, header: str = "Notes"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Company", "Role", "Applied", "Last Contact", "Status", "Contact", "Phone", header])
    ws.append(["Norrland Data", "Analyst", dt.date(2026, 11, 2), dt.date(2026, 12, 3), stage, "Ida Berg",
               "555-0142", note])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    sheets, _, _ = compute(path, today=TODAY)
    return sheets[0].plan.iloc[0]


# --- another employer's step, carried on by the clauses joined after it -------------------------

_CARRIED = [
    "also in talks with Pellworm Labs - they want me back for a panel on Dec 10",
    "also interviewing with Okapi Freight, onsite with their CTO next week",
    "auch bei Wendel GmbH im Gespräch, Zweitgespräch dort am 10.12.",
    "aussi en entretien chez Brossard, deuxième tour la semaine prochaine",
    "también en proceso con Lumbre, segunda ronda el jueves",
    "anche in selezione presso Vetri Sud, secondo colloquio giovedì",
    "também em processo com Ipê Digital, segunda etapa na quinta",
    "ook in gesprek met Duinwater, tweede ronde volgende week",
    "też rekrutuję się w Sobieski, druga runda w czwartek",
    "他社も選考中 - 最終面接は来週",
    "另一家公司也在面 - 下周终面",
    "다른 회사도 진행 중, 다음 주 2차 면접",
]


@pytest.mark.parametrize("note", _CARRIED)
def test_a_clause_joined_after_another_employers_is_theirs_too(note):
    owners = clauses_with_owner(note)
    assert len(owners) >= 2, owners
    assert all(other for _, other, _ in owners), owners


@pytest.mark.parametrize("note", [
    "also interviewing at Kestrel Bank, but the final round here is on Friday",
    "auch bei Wendel GmbH im Gespräch, aber hier Zweitgespräch am Freitag",
    "aussi en entretien chez Brossard, mais ici deuxième tour vendredi",
    "también en proceso con Lumbre, pero aquí segunda ronda el jueves",
    "다른 회사도 진행 중, 여기는 다음 주 2차 면접",
])
def test_a_clause_that_turns_back_to_this_employer_is_this_rows(note):
    owners = clauses_with_owner(note)
    assert owners[0][1] and not owners[-1][1], owners


def test_a_new_sentence_is_not_carried_over():
    owners = clauses_with_owner("also interviewing at Kestrel Bank. Final round here next week")
    assert [other for _, other, _ in owners] == [True, False]


@pytest.mark.parametrize("note", [
    "also in talks with Pellworm Labs - they want me back for a panel on Dec 10",
    "also interviewing with Okapi Freight, final round on Dec 10",
])
def test_another_employers_later_round_is_no_interview_of_this_row(tmp_path, note):
    row = _plan(tmp_path, "Applied", note)
    assert row["stage"] == "applied", row["why"]
    assert pd_isnat(row["interview_ahead"]), row["why"]
    assert "interview" not in row["why"], row["why"]
    assert row["situation"] == "competing_interest", row["why"]


def test_this_employers_round_after_a_turn_back_still_counts(tmp_path):
    row = _plan(tmp_path, "Applied", "also interviewing with Okapi Freight, but final round here on Dec 10")
    assert row["stage"] == "interviewing", row["why"]
    assert row["interview_ahead"].date() == dt.date(2026, 12, 10), row["why"]


def pd_isnat(value) -> bool:
    import pandas as pd
    return bool(pd.isna(value))


# --- an offer the user accepted: the row is closed (hired) --------------------------------------

_ACCEPTED = [
    ("Offer", "signed the offer on Friday, first day Jan 11"),
    ("Offer", "Offer accepted :)"),
    ("Angebot", "Zusage gegeben, Vertrag liegt unterschrieben bei HR"),
    ("Offre", "offre acceptée, début en janvier"),
    ("Oferta", "acepté la oferta ayer"),
    ("Offerta", "ho accettato l'offerta, inizio a febbraio"),
    ("Proposta", "aceitei a proposta por telefone"),
    ("Aanbod", "aanbod aangenomen, start 1 februari"),
    ("Oferta", "przyjęłam ofertę, start od stycznia"),
    ("内定", "内定承諾した"),
    ("录用", "已接受录用"),
    ("오퍼", "오퍼 수락함"),
]


@pytest.mark.parametrize("stage,note", _ACCEPTED)
def test_an_accepted_offer_beside_an_offer_stage_is_closed(tmp_path, stage, note):
    assert offer_accepted(note), note
    row = _plan(tmp_path, stage, note)
    assert row["status"] == "Closed", (note, row["status"], row["why"], row["check"])
    assert row["situation"] == "", row["situation"]
    assert "Notes" in row["why"], row["why"]


@pytest.mark.parametrize("note", [
    "will accept if the relocation is paid",
    "torn on whether to accept the offer",
    "Angebot noch nicht angenommen",
    "j'accepterai l'offre si le salaire suit",
    "si me suben el sueldo acepto la oferta",
    "accepted an offer at another company",
    "オファーは検討中",
])
def test_an_acceptance_hoped_weighed_or_elsewhere_leaves_the_offer_open(tmp_path, note):
    assert not offer_accepted(note), note
    row = _plan(tmp_path, "Offer", note)
    assert row["status"] != "Closed", (note, row["why"])


# --- the employer went silent: Gone cold, the note cited ---------------------------------------

_SILENT = [
    ("Applied", "totally ghosted after the recruiter screen"),
    ("Interviewing", "heard nothing for 7 weeks after the panel"),
    ("Interviewing", "no word for two months since the onsite"),
    ("Vorstellungsgespräch", "seit dem Gespräch Funkstille"),
    ("Beworben", "seit 5 Wochen keine Rückmeldung"),
    ("Entretien", "aucune nouvelle depuis l'entretien"),
    ("Entrevista", "sin respuesta desde hace 6 semanas"),
    ("Colloquio", "nessuna risposta da due mesi"),
    ("Entrevista", "sem resposta há 2 meses"),
    ("Gesprek", "al 8 weken geen reactie"),
    ("Rozmowa", "od 2 miesięcy brak odpowiedzi"),
    ("面接", "面接後 音沙汰なし"),
    ("面试", "面试后两个月没回复"),
    ("면접", "면접 후 연락 두절"),
]


@pytest.mark.parametrize("stage,note", _SILENT)
def test_a_silence_told_in_the_notes_is_gone_cold_with_the_note_cited(tmp_path, stage, note):
    assert went_silent(note), note
    row = _plan(tmp_path, stage, note)
    assert row["status"] == "Gone cold", (note, row["status"], row["why"], row["check"])
    assert row["went_silent"], row
    assert any(f.kind == "gone_cold" and "Notes" in f.source for f in row["facts"]), row["facts"]


@pytest.mark.parametrize("note", [
    "no reply for 10 days",
    "keine Rückmeldung bisher",
    "hope they don't ghost me",
    "pas encore de réponse",
    "another company ghosted me, still waiting to hear here",
])
def test_a_short_feared_or_other_silence_is_no_cold_row(tmp_path, note):
    row = _plan(tmp_path, "Applied", note)
    assert row["status"] != "Gone cold", (note, row["why"])


# --- their call returned, nobody answered, a message left: the next call says both -------------

_RETURNED = [
    ("en", ["Company", "Role", "Applied", "Last Contact", "Status", "Contact", "Phone", "Notes"], "Applied",
     "Priya phoned Dec 2 while I was driving; rang her back Dec 3, voicemail, left a msg",
     ["returning your call on December 2", "on December 3 and left you a message"]),
    ("de", ["Firma", "Stelle", "Beworben am", "Letzter Kontakt", "Status", "Ansprechpartner", "Telefon", "Notizen"],
     "Beworben", "Anruf von Frau Keller am 2.12. verpasst; am 3.12. zurückgerufen, nur Mailbox, Nachricht hinterlassen",
     ["am 2. Dezember", "am 3. Dezember schon einmal zurückgerufen"]),
    ("fr", ["Entreprise", "Poste", "Date de candidature", "Dernier contact", "Statut", "Contact", "Téléphone", "Notes"],
     "Candidature envoyée", "appel manqué de Mme Roux le 2/12 ; rappelée le 3/12, répondeur, laissé un message",
     ["du 2 décembre", "le 3 décembre et je vous ai laissé un message"]),
    ("es", ["Empresa", "Puesto", "Fecha de postulación", "Último contacto", "Estado", "Contacto", "Teléfono", "Notas"],
     "Postulado", "me llamó Lucía el 2/12 y no pude contestar; le devolví la llamada el 3/12, buzón, dejé un mensaje",
     ["del 2 de diciembre", "el 3 de diciembre y le dejé un mensaje"]),
    ("it", ["Azienda", "Posizione", "Data candidatura", "Ultimo contatto", "Stato", "Contatto", "Telefono", "Note"],
     "Inviata", "chiamata persa da Giulia il 2/12; richiamata il 3/12, segreteria, lasciato un messaggio",
     ["il 2 dicembre", "il 3 dicembre e le ho lasciato un messaggio"]),
    ("pt", ["Empresa", "Cargo", "Data da candidatura", "Último contato", "Status", "Contato", "Telefone",
            "Observações"],
     "Enviado", "a Bia da empresa ligou 2/12 e não consegui atender; retornei 3/12, caixa postal, deixei recado",
     ["2 de dezembro", "no dia 3 de dezembro e deixei um recado"]),
    ("nl", ["Bedrijf", "Functie", "Gesolliciteerd op", "Laatste contact", "Status", "Contactpersoon", "Telefoon",
            "Notities"], "Gesolliciteerd",
     "gemiste oproep van Sanne op 2-12; op 3-12 teruggebeld, voicemail, bericht ingesproken",
     ["op 2 december", "op 3 december al geprobeerd terug te bellen"]),
    ("pl", ["Firma", "Stanowisko", "Data aplikacji", "Ostatni kontakt", "Status", "Osoba kontaktowa", "Telefon",
            "Notatki"], "Wysłane",
     "nieodebrane połączenie od p. Nowak 2.12; oddzwoniłam 3.12, poczta głosowa, zostawiłam wiadomość",
     ["3 grudnia nie udało się połączyć"]),
    ("ja", ["会社名", "職種", "応募日", "最終連絡日", "ステータス", "担当者", "電話", "メモ"], "応募済み",
     "12月2日 田中様から着信あり、出られず。12月3日 折り返したが留守電、伝言を残した",
     ["12月2日に", "12月3日に一度折り返しお電話し"]),
    ("zh", ["公司", "职位", "投递日期", "最后联系", "状态", "联系人", "电话", "备注"], "已投递",
     "12月2日 王经理来电没接到；12月3日 回电，转到语音信箱，留了言", ["12月2日", "我在12月3日回过电话"]),
    ("ko", ["회사", "직무", "지원일", "최근 연락", "상태", "담당자", "전화", "메모"], "지원 완료",
     "12월 2일 김 과장님한테서 전화 왔는데 못 받음. 12월 3일 다시 전화했는데 안 받으셔서 음성 메시지 남김",
     ["12월 3일에 다시 전화드렸는데"]),
]


@pytest.mark.parametrize("lang,header,stage,note,says", _RETURNED, ids=[c[0] for c in _RETURNED])
def test_a_returned_call_that_reached_nobody_is_returned_again_with_the_message_left(tmp_path, lang, header, stage,
                                                                                    note, says):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    ws.append(["Fjordline", "Analyst", dt.date(2026, 11, 2), dt.date(2026, 12, 3), stage, "Dana Ruiz", "555-0142",
               note])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    sheets, _, _ = compute(path, today=TODAY)
    row, script = sheets[0].plan.iloc[0], str(sheets[0].scripts.iloc[0])
    assert bool(row["returned_unanswered"]) and bool(row["message_left"]), (row["why"])
    assert row["message_left_on"].date() == dt.date(2026, 12, 3), row["why"]
    assert row["due"].date() == dt.date(2026, 12, 4), row["why"]     # the retry, the next business day
    for words in says:
        assert words in script, (words, script)


def test_a_returned_call_without_a_message_says_no_message(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Company", "Role", "Applied", "Last Contact", "Status", "Contact", "Phone", "Notes"])
    ws.append(["Fjordline", "Analyst", dt.date(2026, 11, 2), dt.date(2026, 12, 3), "Applied", "Dana Ruiz",
               "555-0142", "Dana rang Dec 2, missed it; called back Dec 3, no answer"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    sheets, _, _ = compute(path, today=TODAY)
    script = str(sheets[0].scripts.iloc[0])
    assert "returning your call on December 2" in script, script
    assert "message" not in script.split("Voicemail:")[0], script


# --- voicemails the user left, and a decision date beside them ---------------------------------

def _one_row(tmp_path: Path, header: list[str], stage: str, note: str):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    ws.append(["Fjordline", "Analyst", dt.date(2026, 11, 2), dt.date(2026, 12, 3), stage, "Dana Ruiz", "555-0142",
               note])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    sheets, _, _ = compute(path, today=TODAY)
    return sheets[0].plan.iloc[0], str(sheets[0].scripts.iloc[0])


_EN = ["Company", "Role", "Applied", "Last Contact", "Status", "Contact", "Phone", "Notes"]
_FR = ["Entreprise", "Poste", "Date de candidature", "Dernier contact", "Statut", "Contact", "Téléphone", "Notes"]
_ES = ["Empresa", "Puesto", "Fecha de postulación", "Último contacto", "Estado", "Contacto", "Teléfono", "Notas"]
_DE = ["Firma", "Stelle", "Beworben am", "Letzter Kontakt", "Status", "Ansprechpartner", "Telefon", "Notizen"]


@pytest.mark.parametrize("header,stage,note", [
    (_EN, "Applied", "vm left Nov 30, vm left Dec 1, vm left Dec 3"),
    (_FR, "Candidature envoyée", "laissé un message le 30/11, laissé un message le 1/12, laissé un message le 3/12"),
    (_ES, "Postulado", "dejé mensaje el 30/11, dejé mensaje el 1/12, dejé mensaje el 3/12"),
], ids=["en", "fr", "es"])
def test_three_voicemails_in_one_sentence_are_three_and_the_next_try_is_an_email(tmp_path, header, stage, note):
    row, _ = _one_row(tmp_path, header, stage, note)
    assert row["channel"] == "email", (row["channel"], row["why"])
    assert not row["retry"], row["why"]


@pytest.mark.parametrize("header,stage,note,decided", [
    (_EN, "Applied", "vm left Dec 3, they decide by Dec 10", "December 10"),
    (_DE, "Beworben", "3.12. Mailbox, Entscheidung bis 10.12.", "10. Dezember"),
    (_FR, "Candidature envoyée", "3/12 répondeur, décision d'ici le 10/12", "10 décembre"),
    (_ES, "Postulado", "3/12 buzón de voz; deciden antes del 10/12", "10 de diciembre"),
], ids=["en", "de", "fr", "es"])
def test_a_decision_date_ahead_wins_over_the_retry_and_the_script_says_it(tmp_path, header, stage, note, decided):
    # (a guard: the retry waits for the day after the decision, and the script's claim is that day)
    row, script = _one_row(tmp_path, header, stage, note)
    assert row["due"].date() == dt.date(2026, 12, 11), row["why"]
    assert decided in script, script


@pytest.mark.parametrize("note", [
    "They decide by Dec 11. Left a vm Dec 3",
    "Hiring decision expected Jan 8. Called Dec 3, no answer",
])
def test_a_sentence_after_a_decision_day_is_not_that_decision(note):
    from followup_sheet.statements import read_statements
    said = read_statements(note, dt.date(2026, 12, 1), False, ("en",), None)
    assert [st.kind for st in said if st.date == dt.date(2026, 12, 3)] != ["decision"], said
    assert any(st.kind == "decision" for st in said), said


@pytest.mark.parametrize("lang,header,stage,note,says", [
    ("de", ["Firma", "Stelle", "Beworben am", "Letzter Kontakt", "Status", "Ansprechpartner", "E-Mail", "Notizen"],
     "Beworben", "Rückruf von Herrn Wolf am 2.12. verpasst; am 3.12. zurückgerufen, Mailbox, Nachricht hinterlassen",
     "am 3. Dezember schon einmal zurückgerufen"),
    ("nl", ["Bedrijf", "Functie", "Gesolliciteerd op", "Laatste contact", "Status", "Contactpersoon", "E-mail",
            "Notities"], "Gesolliciteerd",
     "gemiste oproep van Joost op 2-12; op 3-12 teruggebeld, voicemail, bericht ingesproken",
     "op 3 december al geprobeerd terug te bellen"),
    ("ko", ["회사", "직무", "지원일", "최근 연락", "상태", "담당자", "이메일", "메모"], "지원 완료",
     "12월 2일 박 팀장님한테서 전화 왔는데 못 받음. 12월 3일 다시 전화했는데 안 받으셔서 음성 메시지 남김",
     "12월 3일에 다시 전화드렸는데"),
], ids=["de", "nl", "ko"])
def test_the_email_version_of_a_returned_call_says_the_message_left_too(tmp_path, lang, header, stage, note, says):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    ws.append(["Fjordline", "Analyst", dt.date(2026, 11, 2), dt.date(2026, 12, 3), stage, "Dana Ruiz",
               "dana.ruiz@fjordline.example", note])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    sheets, _, _ = compute(path, today=TODAY)
    row, script = sheets[0].plan.iloc[0], str(sheets[0].scripts.iloc[0])
    assert row["channel"] == "email", row["channel"]
    assert says in script, script


def test_every_sentence_of_a_returned_call_has_its_source(tmp_path):
    from followup_sheet.explain import explain_row
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(_EN)
    ws.append(["Fjordline", "Analyst", dt.date(2026, 11, 2), dt.date(2026, 12, 3), "Applied", "Dana Ruiz",
               "555-0142", "Priya phoned Dec 2 while I was driving; rang her back Dec 3, voicemail, left a msg"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    found = explain_row(path, 2, today=TODAY)
    assert not found.unsourced, [s.text for s in found.unsourced]
    facts = compute(path, today=TODAY)[0][0].plan.iloc[0]["facts"]
    assert any(f.kind == "employer_contact" and f.date == dt.date(2026, 12, 2) for f in facts), facts


@pytest.mark.parametrize("stage,note", [
    ("Interviewing", "2nd round Dec 10; also talking to another company - early stage"),
    ("Applied", "final round here Dec 10 and also interviewing at Kestrel Bank"),
])
def test_this_rows_day_before_a_clause_about_another_employer_stays_this_rows(tmp_path, stage, note):
    row = _plan(tmp_path, stage, note)
    assert row["interview_ahead"].date() == dt.date(2026, 12, 10), row["why"]
