"""Kinds of mail the trial's mailboxes showed, read through a real IMAP server (dovecot): a person
of the company who asks the reader something (a salary, references, a start date) has replied,
even after a thank-you for applying; a reminder of the reader's own interview gives its day, sent
automatically or not; a message about another opening of a company the tracker holds is listed,
never applied to the row of the opening it does hold; a Japanese company whose domain spells its
name's first word in romaji is found when the message names it in its own letters."""

from __future__ import annotations

import datetime as dt

import pytest
from imap_server import DOVECOT, MISSING, OPENSSL, imap_server, scan_tracker
from inbox_mail import message

TODAY = dt.date(2026, 12, 7)
AUTO = {"Auto-Submitted": "auto-generated"}


def _row(company: str, position: str, applied: dt.date = dt.date(2026, 11, 25), **more) -> dict:
    return {"Company": company, "Position": position, "Date Applied": applied, "Stage": "Applied",
            "Response": "", "Last Contact": None, **more}


CASES = {
    # a question in French, no job word in it: the person has replied (said in the tracker's English)
    "salary": (
        [_row("Verrerie Lunel", "Technicienne de production")],
        message("Hélène Garnier <h.garnier@verrerie-lunel.fr>", "Technicienne de production",
                "Bonjour,\nmerci pour votre dossier. Pourriez-vous m'indiquer vos prétentions salariales ?\n"
                "Hélène Garnier", day=dt.date(2026, 12, 2)),
        {(2, "response", "Reply by e-mail from Hélène Garnier"), (2, "last_contact", dt.date(2026, 12, 2))}),
    # a thank-you for applying, within the week, that goes on to ask: no automatic confirmation
    "thanks_then_asks": (
        [_row("Harrowden Fabrication", "Welder", applied=dt.date(2026, 11, 30))],
        message("Callum Pryce <callum.pryce@harrowdenfab.co.uk>", "Welder",
                "Hi Sam, thanks for applying to the Welder role. Would you be able to start in January, and do "
                "you hold a current CSCS card?\nCallum", day=dt.date(2026, 12, 1)),
        {(2, "response", "Reply by e-mail from Callum Pryce"), (2, "last_contact", dt.date(2026, 12, 1))}),
    # a team's acknowledgement that only offers help with questions stays an acknowledgement
    "faq_line": (
        [_row("Osterley Mills", "Payroll Clerk", applied=dt.date(2026, 12, 1))],
        message("Osterley Mills Careers <careers@osterleymills.com>", "Application received",
                "Thank you for your application for Payroll Clerk. Do you have any questions? Just reply to "
                "this e-mail.", day=dt.date(2026, 12, 1)),
        {(2, "response", "Automatic confirmation (e-mail)")}),
    # an automatic reminder, in Italian, of the reader's interview tomorrow (no date written)
    "reminder": (
        [_row("Cantina Valdobbia", "Enologo")],
        message('"Cantina Valdobbia" <noreply@cantinavaldobbia.it>', "Promemoria",
                "Gentile Sam, le ricordiamo che il suo colloquio è domani alle 10:00 presso la cantina.",
                day=dt.date(2026, 12, 7), headers=AUTO),
        {(2, "stage", "Interview"), (2, "response", "Interview on 2026-12-08"),
         (2, "last_contact", dt.date(2026, 12, 7))}),
    # the company's news about another of its openings, and its acknowledgement of the row's own
    "another_opening": (
        [_row("Fenmoor Dairies", "Quality Inspector")],
        [message('"Fenmoor Dairies" <recruitment@fenmoordairies.com>', "Quality Inspector - received",
                 "Thank you for your application for Quality Inspector. We have received it.",
                 day=dt.date(2026, 11, 25)),
         message('"Fenmoor Dairies" <recruitment@fenmoordairies.com>', "Night Shift Supervisor",
                 "Thank you for your application for the Night Shift Supervisor position. Unfortunately we will "
                 "not be taking it further.", day=dt.date(2026, 12, 3))],
        {(2, "response", "Automatic confirmation (e-mail)")}),
    # written in English from Japan: the domain spells かもめ in romaji, the message names the company
    "romaji_domain": (
        [_row("株式会社かもめ工房", "機械設計")],
        message('"Kamome HR" <hr@kamome-works.co.jp>', "Interview invitation",
                "Dear Sam,\nWe would like to invite you to an interview on 15 December at 11:00 JST.\n"
                "Kamome Works (株式会社かもめ工房)", day=dt.date(2026, 12, 3)),
        {(2, "stage", "Interview"), (2, "response", "Interview on 2026-12-15"),
         (2, "last_contact", dt.date(2026, 12, 3))}),
    # (the held-out mailbox's kinds) the slot taken, said back in a reply about the meeting with its time
    "slot_taken": (
        [_row("Mühlbach Werkzeugbau", "Konstrukteur")],
        [message("Sabine Ortlieb <s.ortlieb@muehlbach-werkzeugbau.de>", "Vorstellungsgespräch Konstrukteur",
                 "Guten Tag, wir laden Sie gern zu einem Vorstellungsgespräch ein. Geht Montag, 14. Dezember, "
                 "oder Donnerstag, 10. Dezember, jeweils vormittags?", day=dt.date(2026, 12, 1)),
         message("Sabine Ortlieb <s.ortlieb@muehlbach-werkzeugbau.de>", "AW: Vorstellungsgespräch Konstrukteur",
                 "Gut, dann rufe ich Sie am Donnerstag, 10. Dezember, um 9:30 Uhr an.\n\nAm 02.12.2026 schrieb "
                 "Sam:\n> Donnerstag wäre mir lieber.", day=dt.date(2026, 12, 2))],
        {(2, "stage", "Interview"), (2, "response", "Interview on 2026-12-10"),
         (2, "last_contact", dt.date(2026, 12, 2))}),
    # two slots offered, none taken yet: the stage moves, no day is written
    "slots_offered": (
        [_row("Tolvaj Bakery", "Shift Lead")],
        message("Ilona Tolvaj <ilona@tolvajbakery.com>", "Interview for Shift Lead",
                "Hi Sam, we'd love to interview you. Would Monday 14 December at 8:00 or Wednesday 16 December "
                "at 15:00 suit you better?", day=dt.date(2026, 12, 4)),
        {(2, "stage", "Interview"), (2, "last_contact", dt.date(2026, 12, 4))}),
    # a day without a time in a reply about a meeting is no slot ("we decide by Friday")
    "decision_day": (
        [_row("Pembury Lettings", "Lettings Negotiator", Stage="Interview")],
        message("Gus Arden <gus@pemburylettings.co.uk>", "Re: Interview on Monday",
                "Thanks for coming in, Sam. We'll let you know by Friday 11 December.", day=dt.date(2026, 12, 3)),
        {(2, "response", "Reply by e-mail from Gus Arden"), (2, "last_contact", dt.date(2026, 12, 3))}),
    # the company thanks for the application, its name the subject of the verb (Spanish)
    "thanked_by_the_company": (
        [_row("Hotel Albaicín", "Recepcionista", applied=dt.date(2026, 12, 2))],
        message('"Hotel Albaicín" <empleo@hotelalbaicin.es>', "Recepcionista",
                "Hotel Albaicín le agradece su solicitud para el puesto de Recepcionista.", day=dt.date(2026, 12, 2)),
        {(2, "response", "Automatic confirmation (e-mail)")}),
    # "ne ... pas y donner suite", an adverb in between, about another opening of the company
    "no_follow_up_for_another_opening": (
        [_row("Biscuiterie Lamballe", "Acheteuse")],
        message('"Biscuiterie Lamballe" <rh@biscuiterie-lamballe.fr>', "Votre candidature",
                "Bonjour, nous avons lu votre candidature au poste de Conducteur de ligne et nous ne pourrons hélas "
                "pas y donner suite.", day=dt.date(2026, 12, 3)),
        set()),
    # (the second held-out mailbox's kinds) the slot taken in Chinese, its time glued to 上午/下午
    "slot_taken_in_chinese": (
        [_row("宁波蓝湾港务", "调度员")],
        [message('"宁波蓝湾港务" <hr@lanwan-port.cn>', "面试安排：调度员",
                 "您好，想邀请您来面试。12月14日或12月15日哪天方便？", day=dt.date(2026, 12, 2)),
         message('"宁波蓝湾港务" <hr@lanwan-port.cn>', "回复：面试安排：调度员",
                 "收到，那就定在12月15日下午2:30，公司三楼会议室。", day=dt.date(2026, 12, 3))],
        {(2, "stage", "Interview"), (2, "response", "Interview on 2026-12-15"),
         (2, "last_contact", dt.date(2026, 12, 3))}),
    # a reminder of the reader's own round, said short (终面) after 您的
    "reminder_in_chinese": (
        [_row("成都竹影游戏", "策划", Stage="Interview")],
        message('"成都竹影游戏" <noreply@zhuying-games.cn>', "终面提醒",
                "温馨提示：您的终面定于12月9日上午9点30分，请提前十分钟到达。", day=dt.date(2026, 12, 7)),
        {(2, "response", "Interview on 2026-12-09"), (2, "last_contact", dt.date(2026, 12, 7))}),
    # a question from the company's address, its name the sender's, no job word in it
    "question_in_chinese": (
        [_row("厦门鹭岛文旅", "市场专员")],
        message('"厦门鹭岛文旅" <hr@ludao-travel.cn>', "简单确认一下",
                "您好，请问您最快什么时候可以到岗？", day=dt.date(2026, 12, 3)),
        {(2, "response", "Reply by e-mail from 厦门鹭岛文旅"), (2, "last_contact", dt.date(2026, 12, 3))}),
    # written in English from China: the domain spells 长江 in pinyin, the message names the company
    "pinyin_domain": (
        [_row("武汉长江船舶有限公司", "焊接工程师")],
        message('"Changjiang Shipbuilding HR" <hr@changjiang-ship.cn>', "Video interview",
                "Dear Sam, we would like to invite you to a video interview on 16 December at 09:00 (Beijing time).\n"
                "武汉长江船舶有限公司", day=dt.date(2026, 12, 3)),
        {(2, "stage", "Interview"), (2, "response", "Interview on 2026-12-16"),
         (2, "last_contact", dt.date(2026, 12, 3))}),
    # a decision not to go on, said with the verb negated
    "decided_not_to": (
        [_row("Quarrington Press", "Production Editor")],
        message('"Quarrington Press" <jobs@quarringtonpress.com>', "Production Editor",
                "Thanks for sending the sample edit. The panel has decided not to progress your candidacy at "
                "this point.",
                day=dt.date(2026, 12, 4)),
        {(2, "stage", "Rejected"), (2, "last_contact", dt.date(2026, 12, 4))}),
}


@pytest.fixture(scope="module")
def server():
    if DOVECOT is None or OPENSSL is None:
        pytest.skip(MISSING)
    boxes = {name.replace("_", ""): msg if isinstance(msg, list) else [msg] for name, (_, msg, _) in CASES.items()}
    with imap_server(boxes) as running:
        yield running


@pytest.mark.parametrize("case", list(CASES))
def test_the_kind_is_read_and_only_what_should_change_changes(server, tmp_path, case):
    rows, _, expected = CASES[case]
    _, _, report = scan_tracker(server, tmp_path, case.replace("_", ""), rows, TODAY)
    assert {(p.row, p.field, p.new) for p in report.proposals} == expected, report.proposals
    if case == "another_opening":
        assert [a.subject for a in report.ambiguous] == ["Night Shift Supervisor"]
        assert "about another opening (Night Shift Supervisor)" in report.ambiguous[0].note
    if case == "no_follow_up_for_another_opening":
        assert [(a.kind, a.note.split(")")[0]) for a in report.ambiguous] == [
            ("rejection", "about another opening (Conducteur de ligne")]


@pytest.mark.parametrize("text, asked", [
    ("Könnten Sie mir bis Freitag zwei Referenzen nennen?", True),
    ("¿Nos dices cuándo podrías incorporarte?", True),
    ("入社可能時期をお知らせいただけますでしょうか。", True),
    ("Any questions? Contact us at jobs@example.org.", False),
    ("Haben Sie Fragen zum Ablauf?", False),
    ("We will review your application soon.", False),
])
def test_a_question_to_the_reader(text, asked):
    from followup_sheet.inbox.classify import asks_the_reader
    assert bool(asks_the_reader(text)) is asked


def test_a_question_from_the_companys_marketing_is_no_reply():
    import email

    from followup_sheet.inbox.classify import classify
    from followup_sheet.inbox.mailsource import RawMail, parse_mail
    msg = message('"Tolvaj Bakery" <news@tolvajbakery.com>', "Winter menu",
                  "Have you tried our new rye loaf yet?", day=dt.date(2026, 12, 4))
    raw = email.message_from_bytes(msg.as_bytes()).as_bytes()
    assert classify(parse_mail(RawMail("t", raw, len(raw)))).kind == "other"


@pytest.mark.parametrize("text, day", [
    ("Kind reminder: your panel interview is on Wednesday 9 December at 2pm.", dt.date(2026, 12, 9)),
    ("Wir freuen uns auf Ihr Vorstellungsgespräch morgen.", dt.date(2026, 12, 8)),
    ("Thank you for your interview on 30 November.", None),       # one already held: no day ahead
    ("Our office will be closed tomorrow.", None),                 # no meeting of the reader's
    ("Denk je aan je gesprek van donderdag 10 december om 14:00?", dt.date(2026, 12, 10)),   # (the third held-out)
])
def test_a_reminder_of_the_readers_own_meeting(text, day):
    from followup_sheet.inbox.classify import reminds_of_meeting
    found = reminds_of_meeting(text, TODAY)
    assert (found[1] if found else None) == day
