"""The inbox on mail as strangers' mail arrives: a From header encoded whole, legacy charsets,
soft rejections, an out-of-office reply with its day of return, a friend's forward, and the
applicant-tracking mail of Japan, Korea and China."""

from __future__ import annotations

import datetime as dt
from email.header import Header
from email.mime.text import MIMEText
from email.utils import format_datetime

import pytest
from conftest import write_tracker
from inbox_mail import message, write_mbox

from followup_sheet.inbox import MailSource, scan_inbox
from followup_sheet.inbox.classify import classify
from followup_sheet.inbox.mailsource import RawMail, parse_mail
from followup_sheet.pipeline import compute

SENT = dt.date(2026, 11, 30)
TODAY = dt.date(2026, 12, 7)


def _mail(msg):
    return parse_mail(RawMail("test", msg.as_bytes(), len(msg.as_bytes())))


def _legacy(sender: str, subject: str, body: str, charset: str, day: dt.date = SENT, headers=None) -> MIMEText:
    """A message as older mailers write it: the body in a legacy charset, and non-ASCII headers
    (the From header with its address inside) encoded whole as one encoded word."""
    msg = MIMEText(body, "plain", charset)
    msg["From"] = Header(sender, charset).encode() if not sender.isascii() else sender
    msg["To"] = "kai.nakamura@example.net"
    msg["Subject"] = Header(subject, charset).encode() if not subject.isascii() else subject
    msg["Date"] = format_datetime(dt.datetime(day.year, day.month, day.day, 8, 0, tzinfo=dt.UTC))
    for name, value in (headers or {}).items():
        msg[name] = value
    return msg


def test_a_from_header_encoded_whole_gives_its_name_and_address():
    mail = _mail(_legacy('"Fábrica Olmedo" <talento@myworkdayjobs.com>', "Tu candidatura",
                         "Hola Kai, hemos recibido tu candidatura para Técnico de calidad.", "utf-8"))
    assert mail.sender_name == "Fábrica Olmedo" and mail.domain == "myworkdayjobs.com"
    assert classify(mail).kind == "confirmation"


@pytest.mark.parametrize("sender, subject, body, kind", [
    # French in windows-1252, the acknowledgement said with a verb
    ('"Verrerie Dufay" <careers@dufay.fr>', "Candidature – Technicien méthodes",
     "Madame, Monsieur,\nNous accusons bonne réception de votre candidature et revenons vers vous rapidement.",
     "confirmation"),
    # soft rejections: a decision already made to go on with other people, or the usual farewell
    ("Mara Ionescu <mara@quillstone.com>", "Your application",
     "Thanks for your patience. We've chosen to proceed with a few other applicants for the analyst role.",
     "rejection"),
    ("Careers <careers@harrowgate.org>", "Application update",
     "We appreciate your interest in the coordinator position and wish you every success in your job search.",
     "rejection"),
    # ... but going on with the reader's own application is no rejection
    ("Mara Ionescu <mara@quillstone.com>", "Your application",
     "Good news: we'd like to move forward with your application and schedule an interview next week.",
     "interview"),
])
def test_how_strangers_word_it(sender, subject, body, kind):
    assert classify(_mail(_legacy(sender, subject, body, "windows-1252"))).kind == kind


def test_a_friends_forward_is_not_a_reply():
    mail = _mail(message("Robin <robin.k@gmail.com>", "Fwd: Harrowgate is hiring",
                         "thought you'd like this\n\n---------- Forwarded message ---------\n"
                         "Harrowgate is hiring a coordinator. Apply on our careers page.", day=SENT))
    assert classify(mail).kind != "reply"


@pytest.mark.parametrize("sender, subject, body, charset, kind", [
    ("=?ISO-2022-JP?B?GyRCOzM4NTsqO3YbKEI=?= <noreply@hrmos.co>", "【山杜商事】エントリーありがとうございます",
     "中村 様\n\n山杜商事の経理職にエントリーいただき、ありがとうございます。書類選考の結果は追ってご連絡します。",
     "iso-2022-jp", "confirmation"),
    ("noreply@hrmos.co", "選考結果のご連絡",
     "中村 様\n\n慎重に選考を進めましたが、今回はご期待に添えない結果となりました。", "iso-2022-jp", "rejection"),
    ("recruit@saramin.co.kr", "[한결물산] 면접 안내",
     "나카무라 님, 서류 전형에 합격하셨습니다. 면접 일정을 안내드립니다.", "euc-kr", "interview"),
    ("hr@mokahr.com", "投递成功通知",
     "您好，感谢您的投递！我们已收到您的简历，会尽快安排筛选。", "gb2312", "confirmation"),
])
def test_east_asian_applicant_tracking_mail(sender, subject, body, charset, kind):
    assert classify(_mail(_legacy(sender, subject, body, charset))).kind == kind


def _tracker(tmp_path, pinned: bool = False):
    row = {"Company": "Quillstone", "Position": "Analyst", "Date Applied": dt.date(2026, 11, 20),
           "Stage": "Applied", "Response": "", "Last Contact": dt.date(2026, 11, 30)}
    if pinned:
        row["Follow Up On"] = None
    other = {**row, "Company": "Harrowgate", "Position": "Coordinator"}
    return write_tracker(tmp_path / "jobs.xlsx", [row, other])


AWAY_BODY = ("Thanks for your message. I'm on leave and away from the office until Wednesday, December 16, "
             "with no access to e-mail. For anything urgent, write to team@quillstone.com.")


def test_an_out_of_office_reply_waits_for_the_day_they_are_back(tmp_path):
    path = _tracker(tmp_path)
    box = write_mbox(tmp_path / "in.mbox", [
        message("Mara Ionescu <mara@quillstone.com>", "Out of Office: Analyst application", AWAY_BODY, day=SENT,
                headers={"Auto-Submitted": "auto-replied"})])
    report = scan_inbox(path, MailSource("mbox", box), today=TODAY)
    changes = [(p.row, p.field, p.new) for p in report.proposals]
    assert changes == [(2, "response", "Out of office until 2026-12-16")], changes
    from followup_sheet.inbox import apply_inbox

    apply_inbox(path, report, today=TODAY)
    outcomes, _, _ = compute(path, today=TODAY, country="US")
    plan = outcomes[0].plan
    assert plan.loc[2, "due"].date() == dt.date(2026, 12, 16) and plan.loc[2, "status"] == "Waiting"
    assert plan.loc[2, "situation"] != "autoresponse"      # a person away is no automatic confirmation


def test_an_out_of_office_reply_sets_a_follow_up_column_when_there_is_one(tmp_path):
    path = _tracker(tmp_path, pinned=True)
    box = write_mbox(tmp_path / "in.mbox", [
        message("Mara Ionescu <mara@quillstone.com>", "Automatic reply: Analyst application", AWAY_BODY, day=SENT,
                headers={"Auto-Submitted": "auto-replied"})])
    report = scan_inbox(path, MailSource("mbox", box), today=TODAY)
    assert [(p.row, p.field, p.new) for p in report.proposals] == [(2, "pinned", dt.date(2026, 12, 16))]


def test_an_auto_reply_without_a_day_changes_nothing(tmp_path):
    path = _tracker(tmp_path)
    box = write_mbox(tmp_path / "in.mbox", [
        message("Mara Ionescu <mara@quillstone.com>", "Automatic reply", "I'm out of the office this week.",
                day=SENT, headers={"Auto-Submitted": "auto-replied"})])
    assert scan_inbox(path, MailSource("mbox", box), today=TODAY).proposals == []


def test_a_job_board_digest_naming_the_companies_changes_nothing(tmp_path):
    path = _tracker(tmp_path)
    box = write_mbox(tmp_path / "in.mbox", [
        message("Job Radar <weekly@jobradar.example>", "Quillstone and Harrowgate are hiring",
                "Quillstone: Analyst. Harrowgate: Coordinator - we regret to inform you this one closed. "
                "We'd like to invite you to an interview fast lane!", day=SENT,
                headers={"List-Unsubscribe": "<https://jobradar.example/u>"})])
    assert scan_inbox(path, MailSource("mbox", box), today=TODAY).proposals == []


@pytest.mark.parametrize("sender, subject, body, kind", [
    ('"Tallbacka Bygg" <no-reply@teamtailor-mail.com>', "Application received",
     "Hey! Thank you so much for applying to Tallbacka Bygg. We read every application ourselves.", "confirmation"),
    ("Ines Vogt <ines.vogt@lindenhof-kliniken.de>", "Ihre Bewerbung",
     "Sehr geehrte Frau Park, wir haben uns nach reiflicher Überlegung für eine andere Bewerberin entschieden "
     "und wünschen Ihnen für Ihre weitere berufliche Zukunft alles Gute.", "rejection"),
    ("Ines Vogt <ines.vogt@lindenhof-kliniken.de>", "Ihre Bewerbung",
     "Wir haben uns entschlossen, den Prozess mit weiteren Bewerbern fortzusetzen.", "rejection"),
    ("Omar Said <omar@quaywright.io>", "Good news",
     "Omar here: we're over the moon to offer you the Site Reliability Engineer role, details attached.", "offer"),
])
def test_said_by_its_structure(sender, subject, body, kind):
    assert classify(_mail(message(sender, subject, body, day=SENT))).kind == kind


def test_a_job_boards_alert_is_a_list_mail_even_from_a_job_board():
    mail = _mail(message('"Jobs" <jobalerts-noreply@linkedin.com>', "New jobs for you",
                         "Thank you for applying to jobs on LinkedIn. Quillstone is hiring an Analyst.", day=SENT,
                         headers={"List-Unsubscribe": "<https://linkedin.com/u>"}))
    assert classify(mail).kind == "newsletter"


def test_a_list_mail_naming_two_tracked_companies_changes_nothing(tmp_path):
    path = write_tracker(tmp_path / "jobs.xlsx", [
        {"Company": "Brask and Holm", "Position": "Planner", "Date Applied": dt.date(2026, 11, 20), "Stage": "Applied",
         "Response": ""},
        {"Company": "Quillstone", "Position": "Analyst", "Date Applied": dt.date(2026, 11, 20), "Stage": "Applied",
         "Response": ""}])
    box = write_mbox(tmp_path / "in.mbox", [
        message('"Careers digest" <careers@smartrecruiters.com>', "Brask & Holm and Quillstone",
                "Thank you for applying! Open roles at Brask & Holm and at Quillstone this week.", day=SENT,
                headers={"List-Unsubscribe": "<https://example.org/u>"})])
    report = scan_inbox(path, MailSource("mbox", box), today=TODAY)
    assert report.proposals == [] and report.kinds["newsletter"] == 1


@pytest.mark.parametrize("company, sender, body", [
    ("Olmedo Frutas S.L.", "Lucía <lucia@olmedofrutas.es>", "Nos gustaría invitarte a una entrevista el lunes."),
    ("Brask and Holm", '"Brask & Holm" <no-reply@teamtailor-mail.com>', "Thanks for applying to Brask & Holm!"),
    ("株式会社カエデ", '"カエデ 採用担当" <no-reply@hrmos.co>',
     "カエデの営業職にご応募いただき、ありがとうございます。"),
])
def test_a_company_written_another_way_is_still_its_row(tmp_path, company, sender, body):
    path = write_tracker(tmp_path / "jobs.xlsx", [
        {"Company": company, "Position": "", "Date Applied": dt.date(2026, 11, 20), "Stage": "Applied",
         "Response": ""}])
    box = write_mbox(tmp_path / "in.mbox", [message(sender, "Update", body, day=SENT)])
    report = scan_inbox(path, MailSource("mbox", box), today=TODAY)
    assert [p.row for p in report.proposals][:1] == [2], (report.proposals, report.missing, report.ambiguous)
