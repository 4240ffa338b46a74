"""The inbox on mail that reaches the reader by another way than the company's own answer, read
through a real IMAP server (dovecot, tests/imap_server.py) in one mailbox for one tracker: a
company's forward of its colleague's message (read as that message; a friend's forward stays
nothing), a meeting confirmed in a reply whose subject names no meeting ("R: Disponibilità"),
the Polish "Odp:" and its "W dniu ... pisze:" quote, an agency writing for its client and a
known contact writing from a private address (listed for that row, never applied), and Korean
companies found by the romanized name their domain begins with; and text parts whose declared
charset is not the one they are written in (windows-1252 or EUC-KR sent as UTF-8, UTF-8 sent as
Latin-1)."""

from __future__ import annotations

import datetime as dt
import email
from email.header import Header
from email.utils import format_datetime

import pytest
from imap_server import DOVECOT, MISSING, OPENSSL, imap_server, scan_tracker
from inbox_mail import message

pytestmark = pytest.mark.skipif(DOVECOT is None or OPENSSL is None, reason=MISSING)

TODAY = dt.date(2026, 12, 7)
D = dt.date


APPLIED = D(2026, 11, 20)


def _row(company, position, contact="", stage="Applied", applied=APPLIED):
    return {"Company": company, "Position": position, "Date Applied": applied, "Stage": stage, "Response": "",
            "Last Contact": applied, "Contact": contact}


ROWS = [
    _row("Kaltenbach Präzisionstechnik", "Fertigungsplaner"),  # 2: a forward, German
    _row("은하물산", "재무회계"),  # 3: a forward, Korean
    _row("Lindenhof Baumschule", "Gärtner"),  # 4: a friend's forward
    _row("Oleificio Santoro", "Responsabile qualità", contact="Gemma Santoro"),  # 5: a slot confirmed
    _row("Sadownictwo Kamiński", "Technolog upraw", contact="Marta Kamińska"),  # 6: Odp: and its quote
    _row("Van Houten Tuinbouw", "Teeltmanager"),  # 7: an agency
    _row("Marlowe Freight Systems", "Route Planner", contact="Declan Ashe"),  # 8: a private address
    _row("청라정밀", "생산기술", contact="윤태호"),  # 9: contact, romanized domain
    _row("송도해운", "선박영업"),  # 10: on hold, a person
    _row("Tonnellerie Vasseur", "Comptable"),  # 11: cp1252 said UTF-8
    _row("Fromagerie Aubrac", "Chef d'équipe"),  # 12: UTF-8 said Latin-1
    _row("해송물류", "물류관리"),  # 13: EUC-KR said UTF-8
    _row("东湖光电", "光学工程师", contact="吴静"),  # 14: a two-letter contact, the name glued in a sentence
    _row("西溪茶业", "品牌策划"),  # 15: moved, the new day after 至
    _row("Veenstra Kwekerij", "Teeltadviseur"),  # 16: "gesprek" with a day, asked
    _row("Ostwald Gerätebau", "Konstrukteur", stage="Interview", contact="Ute Brandl"),  # 17: an offer file
    _row("Malabar Spices Export", "Export Executive"),  # 18: a visit with its day and time, in a reply
    _row("Nilgiri Polymers", "Process Engineer"),  # 19: a dashed day, from India's tracking system
    _row("Cauvery Textiles", "Merchandiser", contact="Divya Menon"),  # 20: a request without a question mark
    _row("松江信用金庫", "融資担当"),  # 21: kanji alone, from a .jp address
    _row("有明マリン", "整備士"),  # 22: 募集 as the job word
    _row("Gschwandtner Holzbau", "Zimmerin"),  # 23: on hold, said with regret
    _row("Quinta do Vale Seco", "Enóloga"),  # 24: on hold, Portuguese, with regret
    _row("Brenner Optik", "Augenoptikerin"),  # 25: an appointment and its details below it
    _row("Panadería La Espiga", "Encargada de turno"),  # 26: RV: (Spanish Outlook's forward), a decision
    _row("Cantina Rivalta", "Sommelier"),  # 27: another one chosen, said in Italian
    _row("Cerâmica Itaquera", "Designer de Produto", applied=D(2026, 12, 1)),  # 28: no-reply said in Portuguese
    _row("Marcenaria Jabaquara", "Projetista"),  # 29: a domain under .eng.br
    _row("Transportadora Guarulhos", "Analista de Frota"),  # 30: transguarulhos: a word cut short
    _row("Livraria Tatuapé", "Livreira", contact="Otávio Reis"),  # 31: "a sua" asks, from a private address
    _row("Mercado Lapa", "Supervisora"),  # 32: waiting for the reader, a visit
    _row("Horno San Telmo", "Pastelera"),  # 33: waiting for an answer is no visit
    _row("Torrefazione Galvani", "Tostatrice", applied=D(2026, 12, 2)),  # 34: "ricevuto la tua candidatura"
    _row("Enoteca Sabotino", "Sommelier", contact="Piero Sabotino"),  # 35: the verb says "you"
    _row("Tessitura Lambro", "Tecnica tessile", stage="Interview"),  # 36: a letter of hiring attached
    _row("수목원카페", "바리스타"),  # 37: another applicant chosen, said in Korean
    _row("Brouwerij Zuidwal", "Brouwer", stage="Interview"),  # 38: a project's proposal attached is no offer
]


def _mislabelled(sender: str, subject: str, body: str, written_in: str, declared: str, day: dt.date):
    """A message whose body is written in one charset and declares another, as some mailers send."""
    name, _, address = sender.rpartition(" <")
    head = (f"From: {Header(name, 'utf-8').encode()} <{address}\r\nTo: ola@example.net\r\n"
            f"Subject: {Header(subject, 'utf-8').encode()}\r\n"
            f"Date: {format_datetime(dt.datetime(day.year, day.month, day.day, 8, tzinfo=dt.UTC))}\r\n"
            f"Message-ID: <{written_in}.{declared}@mail.example>\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset=\"{declared}\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
    return email.message_from_bytes(head.encode("ascii") + body.encode(written_in))

MAIL = [
    message("Jonas Weber <jonas.weber@kaltenbach-praezision.de>", "WG: Termin Vorstellungsgespräch",
            "Hallo, anbei die Bestätigung unserer Personalabteilung.\nGruß Jonas\n\n"
            "---------- Weitergeleitete Nachricht ----------\nVon: Personal <personal@kaltenbach-praezision.de>\n"
            "Datum: Mi., 2. Dez. 2026 um 11:02\nBetreff: Termin\nAn: Jonas Weber\n\n"
            "Ihr Vorstellungsgespräch findet am Mittwoch, 9. Dezember, um 13:30 Uhr in Werk 2 statt.",
            day=D(2026, 12, 2)),
    message("오세린 <serin.oh@eunha-trading.co.kr>", "전달: 서류전형 결과",
            "안녕하세요, 은하물산 오세린입니다. 팀장님 회신을 전달드립니다.\n\n---------- 전달된 메일 ----------\n"
            "보낸사람: 배경민 <kyungmin.bae@eunha-trading.co.kr>\n제목: 서류전형 결과\n\n"
            "아쉽게도 이번 채용에서는 함께하지 못하게 되었습니다.", day=D(2026, 12, 2)),
    message("Fenna <fenna.dekker@gmail.com>", "Fwd: Lindenhof Baumschule sucht Gärtner",
            "schau mal!\n\n---------- Forwarded message ---------\nFrom: Lindenhof Baumschule <info@lindenhof.de>\n\n"
            "Wir laden Sie herzlich zu einem Vorstellungsgespräch am Donnerstag, 10. Dezember ein.",
            day=D(2026, 12, 1)),
    message("Gemma Santoro <gemma@oleificiosantoro.it>", "R: Disponibilità",
            "Buongiorno,\nperfetto, le confermo l'appuntamento per martedì 15 dicembre alle 10:30 in frantoio.\n\n"
            "Gemma Santoro", day=D(2026, 12, 3)),
    message("Marta Kamińska <marta.kaminska@sadownictwo-kaminski.pl>", "Odp: Termin",
            "Dzień dobry,\ndziękuję, zatem do zobaczenia na spotkaniu w piątek 11 grudnia o 9:30 w sadzie.\n\n"
            "W dniu 2.12.2026 o 18:40 Ola Nowicka pisze:\n> Pasuje mi piątek.", day=D(2026, 12, 3)),
    message("Sanne Bakker <sanne.bakker@groeipad-werving.nl>", "Uw sollicitatie",
            "Beste Ola,\n\nnamens onze opdrachtgever Van Houten Tuinbouw nodig ik u graag uit voor een gesprek "
            "over de functie van teeltmanager, op woensdag 9 december om 14:00.\n\nSanne Bakker", day=D(2026, 12, 3)),
    message("Declan Ashe <declan.ashe.home@gmail.com>", "Route Planner",
            "Hi Ola, Declan from Marlowe here, writing from home. Could you send me your availability for next "
            "week?\n\nDeclan", day=D(2026, 12, 4)),
    message("윤태호 <taeho.yoon@cheongna-precision.co.kr>", "RE: 자료 요청",
            "안녕하세요. 포트폴리오 파일을 다시 보내주실 수 있을까요?\n\n윤태호 드림", day=D(2026, 12, 4)),
    message("한수빈 <subin.han@songdo-shipping.co.kr>", "선박영업 포지션 안내",
            "안녕하세요, 송도해운 인사팀 한수빈입니다. 선박영업 포지션 채용이 잠정 보류되었음을 알려드립니다. "
            "재개되면 다시 연락드리겠습니다.", day=D(2026, 12, 2)),
    message("吴静 <wujing@donghu-opto.com>", "到岗时间", "你好，请问你最快什么时候可以到岗？\n\n吴静",
            day=D(2026, 12, 3)),
    message("陆明 <luming@xixichaye.cn>", "时间调整",
            "您好，这里是西溪茶业人事部。原定12月8日的面试改期至12月10日（周四）上午10点，地点不变。",
            day=D(2026, 12, 3)),
    message("Pieter Hoekstra <pieter@veenstrakwekerij.nl>", "Je sollicitatie",
            "Hoi Ola,\nLijkt het je leuk om vrijdag 11 december om 10:00 langs te komen voor een gesprek in de kas?\n\n"
            "Pieter", day=D(2026, 12, 3)),
    message("Ute Brandl <ute.brandl@ostwald-geraetebau.de>", "Unterlagen",
            "Hallo Ola,\nanbei wie besprochen.\n\nViele Grüße\nUte", day=D(2026, 12, 4),
            document="Gehaltsangebot_Ostwald.pdf"),
    message("Arjun Pillai <arjun.pillai@malabarspices.in>", "Re: Travel",
            "Hi Ola,\nThanks, that works. We'll see you at our Kochi office on Wednesday, 16th December at 11 AM.\n\n"
            "Arjun", day=D(2026, 12, 4)),
    message("Nilgiri Polymers <noreply@darwinbox.in>", "Technical round - Process Engineer",
            "Dear Ola,\nYou have been shortlisted for the technical interview for Process Engineer at "
            "Nilgiri Polymers, "
            "scheduled on 14-Dec-2026 at 10:30 AM IST.\n\nTalent Acquisition", day=D(2026, 12, 2)),
    message("Divya Menon <divya.menon@cauverytextiles.com>", "Merchandiser",
            "Hi Ola,\nKindly share your notice period and a copy of your last payslip.\n\nDivya", day=D(2026, 12, 3)),
    message("人事部 岡田 <okada@matsue-shinkin.co.jp>", "選考結果について",
            "小川様\n\n松江信用金庫 人事部の岡田です。慎重に検討いたしましたが、今回は採用を見送らせていただきます。",
            day=D(2026, 12, 2)),
    message("森 直樹 <n.mori@ariake-marine.co.jp>", "整備士の募集について",
            "小川様\n\n有明マリンの森です。整備士の募集につきまして、社内の事情により年明けまで一時停止となりました。",
            day=D(2026, 12, 2)),
    message("Florian Gschwandtner <florian@gschwandtner-holzbau.at>", "Ihre Bewerbung",
            "Liebe Frau Nowak,\nleider muss ich Ihnen mitteilen, dass wir die Stelle vorerst auf Eis gelegt haben. "
            "Ihre Unterlagen behalten wir gerne.\n\nFlorian Gschwandtner", day=D(2026, 12, 2)),
    message("Marta Sousa <marta.sousa@quintadovaleseco.pt>", "Candidatura",
            "Olá Ola,\ninfelizmente o processo de recrutamento para esta vaga foi suspenso até março. Guardamos a "
            "sua candidatura.\n\nMarta Sousa", day=D(2026, 12, 2)),
    message("Petra Brenner <petra@brenner-optik.at>", "Termin",
            "Liebe Frau Nowak,\nwir bestätigen Ihren Vorstellungstermin:\nDatum: Do., 17.12.2026\nUhrzeit: 15:30\n"
            "Ort: Filiale Graben\n\nPetra Brenner", day=D(2026, 12, 3)),
    message("Nuria Campos <nuria.campos@laespiga.es>", "RV: Proceso encargada de turno",
            "Hola Ola,\nte reenvío lo que me contesta el gerente.\n\nNuria\n\n-----Mensaje original-----\n"
            "De: Tomás Ferrer <tomas.ferrer@laespiga.es>\nEnviado el: miércoles, 2 de diciembre de 2026 19:30\n"
            "Asunto: Proceso\n\nAl final hemos decidido seguir adelante con otra candidata con más experiencia.",
            day=D(2026, 12, 3)),
    message("Elisa Rivalta <elisa@cantinarivalta.it>", "Candidatura sommelier",
            "Gentile Ola,\ndopo i colloqui abbiamo deciso di proseguire con un altro profilo. Grazie ancora.",
            day=D(2026, 12, 3)),
    message("Cerâmica Itaquera <naoresponda@vagas-itaquera.com.br>", "Candidatura recebida",
            "Olá! Recebemos sua candidatura para Designer de Produto na Cerâmica Itaquera.", day=D(2026, 12, 1)),
    message("Sílvia Prado <silvia@jabaquara.eng.br>", "Projetista",
            "Olá Ola, gostaríamos de convidar você para uma entrevista na quinta-feira, 10 de dezembro, às 14h.",
            day=D(2026, 12, 2)),
    message("Renato Lopes <renato.lopes@guarulhostrans.com.br>", "Analista de Frota",
            "Olá Ola, qual seria a sua disponibilidade para começar?", day=D(2026, 12, 3)),
    message("Otávio Reis <otavio.reis.livros@gmail.com>", "Livreira",
            "Oi Ola, Otávio da Livraria Tatuapé aqui, do meu e-mail pessoal. Qual é a sua pretensão salarial?",
            day=D(2026, 12, 3)),
    message("Célia Bastos <celia@mercadolapa.com.br>", "Re: Uniforme",
            "Oi Ola, não precisa de uniforme. Te aguardo na segunda, 14/12, às 7h, na entrada de funcionários.",
            day=D(2026, 12, 4)),
    message("Inés Paz <ines@hornosantelmo.com.ar>", "Re: Consulta",
            "Hola Ola, esperamos su respuesta hasta el viernes 11 de diciembre a las 12:00.", day=D(2026, 12, 4)),
    message("Torrefazione Galvani <noreply@selezione-galvani.it>", "Candidatura",
            "Ciao Ola, ti confermiamo di aver ricevuto la tua candidatura come Tostatrice presso Torrefazione "
            "Galvani. Ti faremo sapere.", day=D(2026, 12, 2)),
    message("Piero Sabotino <piero.sabotino@enotecasabotino.it>", "Sommelier",
            "Ciao Ola, vorresti passare a fare due chiacchiere la prossima settimana?", day=D(2026, 12, 3)),
    message("Irene Lambro <irene@tessituralambro.it>", "Documenti", "Ciao Ola, ecco quanto promesso.\n\nIrene",
            day=D(2026, 12, 4), document="lettera_assunzione_2027.pdf"),
    message("수목원카페 <jobs@sumokwon-cafe.co.kr>", "[수목원카페] 결과 안내",
            "안녕하세요. 검토 끝에 이번에는 다른 지원자분과 함께하기로 결정했습니다. 감사합니다.", day=D(2026, 12, 2)),
    message("Kees Zuidwal <kees@brouwerijzuidwal.nl>", "Stukken", "Hoi Ola, zie bijlage.\n\nKees",
            day=D(2026, 12, 4), document="Projectvoorstel_tapkamer.pdf"),
    _mislabelled("Tonnellerie Vasseur <rh@tonnellerie-vasseur.fr>", "Votre candidature",
                 "Madame,\nAprès étude de votre dossier, votre candidature n'a pas été retenue.\nCordialement",
                 "cp1252", "utf-8", D(2026, 12, 1)),
    _mislabelled("Fromagerie Aubrac <equipe@fromagerie-aubrac.fr>", "Votre candidature",
                 "Bonjour,\nNous serions ravis de vous recevoir en entretien le lundi 14 décembre à 9h30 à la cave.",
                 "utf-8", "iso-8859-1", D(2026, 12, 2)),
    _mislabelled("해송물류 인사팀 <hr@haesong-logis.co.kr>", "[해송물류] 안내",
                 "안녕하세요. 서류전형에 합격하셨습니다. 면접은 12월 16일(수) 오전 11시 본사에서 진행됩니다.",
                 "euc-kr", "utf-8", D(2026, 12, 2)),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    with imap_server({"ola": MAIL}) as server:
        yield scan_tracker(server, tmp_path_factory.mktemp("passed_on"), "ola", ROWS, TODAY)[2]


def _changes(report, row):
    return {(p.field, p.new) for p in report.proposals if p.row == row}


def test_a_companys_forward_is_read_as_the_message_it_passes_on(report):
    assert _changes(report, 2) == {("stage", "Interview"), ("response", "Interview on 2026-12-09"),
                                   ("last_contact", D(2026, 12, 2))}
    assert _changes(report, 3) == {("stage", "Rejected"), ("last_contact", D(2026, 12, 2))}


def test_a_friends_forward_stays_nothing(report):
    assert _changes(report, 4) == set()
    assert not any("Lindenhof" in a.subject for a in [*report.ambiguous, *report.missing])


def test_a_meeting_confirmed_in_a_reply_whose_subject_names_none(report):
    assert _changes(report, 5) == {("stage", "Interview"), ("response", "Interview on 2026-12-15"),
                                   ("last_contact", D(2026, 12, 3))}
    # "Odp:" is a reply, and "W dniu ... pisze:" starts its quote (the day in it is not a second slot)
    assert _changes(report, 6) == {("stage", "Interview"), ("response", "Interview on 2026-12-11"),
                                   ("last_contact", D(2026, 12, 3))}


def test_an_agency_and_a_private_address_are_listed_for_the_row_never_applied(report):
    assert _changes(report, 7) == set() and _changes(report, 8) == set()
    listed = {a.subject: a.note for a in report.ambiguous}
    assert "row 7 Van Houten Tuinbouw" in listed["Uw sollicitatie"]          # the client, named in the body
    assert "row 8 Marlowe Freight Systems" in listed["Route Planner"]         # the contact, "from Marlowe"
    assert not report.missing


def test_korean_companies_by_the_romanized_name_their_domain_begins_with(report):
    # the row's contact asks from a domain that spells 청라 (cheongna), the company not named
    assert _changes(report, 9) == {("response", "Reply by e-mail from 윤태호"), ("last_contact", D(2026, 12, 4))}
    # a person (a name written without a space) says the opening is on hold: a reply, no rejection
    assert _changes(report, 10) == {("response", "Reply by e-mail from 한수빈"), ("last_contact", D(2026, 12, 2))}


def test_a_text_read_in_the_charset_it_is_written_in_not_the_one_it_declares(report):
    assert _changes(report, 11) == {("stage", "Rejected"), ("last_contact", D(2026, 12, 1))}
    assert _changes(report, 12) == {("stage", "Interview"), ("response", "Interview on 2026-12-14"),
                                    ("last_contact", D(2026, 12, 2))}
    assert _changes(report, 13) == {("stage", "Interview"), ("response", "Interview on 2026-12-16"),
                                    ("last_contact", D(2026, 12, 2))}


def test_chinese_and_japanese_names_inside_a_sentence_and_a_two_letter_contact(report):
    # 吴静 (the row's contact) writes from donghu-opto.com (donghu: 东湖), naming no company
    assert _changes(report, 14) == {("response", "Reply by e-mail from 吴静"), ("last_contact", D(2026, 12, 3))}
    # "这里是西溪茶业人事部": the name glued to the next word; 改期至 gives the new day, not the 8th
    assert _changes(report, 15) == {("stage", "Interview"), ("response", "Interview on 2026-12-10"),
                                    ("last_contact", D(2026, 12, 3))}


def test_a_dutch_gesprek_and_an_offer_file_named_by_a_compound(report):
    assert _changes(report, 16) == {("stage", "Interview"), ("response", "Interview on 2026-12-11"),
                                    ("last_contact", D(2026, 12, 3))}
    assert _changes(report, 17) == {("stage", "Offer"), ("last_contact", D(2026, 12, 4))}
    assert ("stage", "Offer") not in _changes(report, 38)      # a compound of no word of work


def test_a_visit_a_dashed_day_and_a_request_without_a_question_mark(report):
    assert _changes(report, 18) == {("stage", "Interview"), ("response", "Interview on 2026-12-16"),
                                    ("last_contact", D(2026, 12, 4))}
    assert _changes(report, 19) == {("stage", "Interview"), ("response", "Interview on 2026-12-14"),
                                    ("last_contact", D(2026, 12, 2))}
    assert _changes(report, 20) == {("response", "Reply by e-mail from Divya Menon"), ("last_contact", D(2026, 12, 3))}


def test_a_name_in_kanji_alone_from_japan_and_a_person_on_an_opening_paused(report):
    assert _changes(report, 21) == {("stage", "Rejected"), ("last_contact", D(2026, 12, 2))}
    assert _changes(report, 22) == {("response", "Reply by e-mail from 森 直樹"), ("last_contact", D(2026, 12, 2))}


def test_an_opening_on_hold_is_no_rejection_and_an_appointment_has_its_details_below(report):
    assert _changes(report, 23) == {("response", "Reply by e-mail from Florian Gschwandtner"),
                                    ("last_contact", D(2026, 12, 2))}
    assert _changes(report, 24) == {("response", "Reply by e-mail from Marta Sousa"), ("last_contact", D(2026, 12, 2))}
    assert _changes(report, 25) == {("stage", "Interview"), ("response", "Interview on 2026-12-17"),
                                    ("last_contact", D(2026, 12, 3))}


def test_a_spanish_forward_and_a_decision_for_someone_else_in_other_languages(report):
    assert _changes(report, 26) == {("stage", "Rejected"), ("last_contact", D(2026, 12, 3))}
    assert _changes(report, 27) == {("stage", "Rejected"), ("last_contact", D(2026, 12, 3))}


def test_portuguese_no_reply_second_level_domains_and_questions(report):
    assert _changes(report, 28) == {("response", "Automatic confirmation (e-mail)")}
    assert _changes(report, 29) == {("stage", "Interview"), ("response", "Interview on 2026-12-10"),
                                    ("last_contact", D(2026, 12, 2))}
    assert _changes(report, 30) == {("response", "Reply by e-mail from Renato Lopes"), ("last_contact", D(2026, 12, 3))}
    listed = {a.subject: a.note for a in report.ambiguous}
    assert "row 31 Livraria Tatuapé" in listed["Livreira"] and _changes(report, 31) == set()


def test_waiting_for_the_reader_is_a_visit_waiting_for_an_answer_is_not(report):
    assert _changes(report, 32) == {("stage", "Interview"), ("response", "Interview on 2026-12-14"),
                                    ("last_contact", D(2026, 12, 4))}
    assert _changes(report, 33) == {("response", "Reply by e-mail from Inés Paz"), ("last_contact", D(2026, 12, 4))}


def test_italian_received_a_question_in_the_verb_and_a_letter_of_hiring(report):
    assert _changes(report, 34) == {("response", "Automatic confirmation (e-mail)")}
    assert _changes(report, 35) == {("response", "Reply by e-mail from Piero Sabotino"),
                                    ("last_contact", D(2026, 12, 3))}
    assert _changes(report, 36) == {("stage", "Offer"), ("last_contact", D(2026, 12, 4))}


def test_another_applicant_chosen_said_in_korean(report):
    assert _changes(report, 37) == {("stage", "Rejected"), ("last_contact", D(2026, 12, 2))}
