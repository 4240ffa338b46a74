"""The inbox command: mail in several languages and shapes -> the rows it is about -> proposed
changes, applied through refresh's writer; bad mailboxes leave the tracker untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import tracemalloc
from pathlib import Path

import openpyxl
import pytest
from conftest import TODAY, column_of, run_cli, write_tracker
from inbox_mail import message, write_eml, write_maildir, write_mbox

from followup_sheet.errors import BadSettings
from followup_sheet.inbox import MailSource, apply_inbox, imap_password, scan_inbox
from followup_sheet.inbox.classify import classify
from followup_sheet.inbox.mailsource import MailProblem, RawMail, mbox_messages, parse_mail, trim
from followup_sheet.inbox.match import Row, match
from followup_sheet.pipeline import compute
from followup_sheet.settings import load_settings

SENT = dt.date(2026, 11, 12)


def _mail(msg):
    return parse_mail(RawMail("test", msg.as_bytes(), len(msg.as_bytes())))


# -- classification ---------------------------------------------------------------------------------

CLASSIFIED = [
    # sender, subject, body, kind
    ('"Kestrel Analytics" <no-reply@us.greenhouse-mail.io>', "Thanks for applying!",
     "Hi Sam, thanks for applying to the Data Analyst opening. Our team reviews every application.", "confirmation"),
    ("Talent <talent@smartrecruiters.com>", "Application received: Buyer",
     "If your background matches, we will reach out to schedule next steps.", "confirmation"),
    ("Recrutement <rh@maison-lefebvre.fr>", "Votre candidature",
     "Bonjour, nous avons bien reçu votre candidature au poste de comptable.", "confirmation"),
    ("Karriere <jobs@brunnhofer.de>", "Eingangsbestätigung Ihrer Bewerbung",
     "Guten Tag, Ihre Bewerbung ist bei uns eingegangen.", "confirmation"),
    ("Selección <empleo@grupo-alameda.es>", "Tu candidatura",
     "Hola, hemos recibido tu candidatura para el puesto de analista.", "confirmation"),
    ("Jo Park <jo@kestrel.io>", "Your application", "Hi Sam, after careful review we have decided to move "
     "forward with other candidates for the role. Best of luck.", "rejection"),
    ("Personal <hr@brunnhofer.de>", "Ihre Bewerbung", "Leider müssen wir Ihnen mitteilen, dass wir uns für "
     "einen anderen Kandidaten entschieden haben.", "rejection"),
    ("RH <rh@maison-lefebvre.fr>", "Votre candidature", "Nous avons le regret de vous informer que votre "
     "candidature n'a pas été retenue.", "rejection"),
    ("RRHH <rrhh@grupo-alameda.es>", "Proceso de selección", "Lamentamos informarte que no has sido seleccionada "
     "para el puesto.", "rejection"),
    ("Dana <dana@northwind.com>", "Next steps", "We'd like to invite you to an interview for the Buyer role. "
     "Could you share your availability for Thursday?", "interview"),
    ("Personal <hr@brunnhofer.de>", "Einladung", "Wir möchten Sie gerne zu einem Vorstellungsgespräch einladen "
     "für die Stelle als Konstrukteur.", "interview"),
    ("Dana <dana@northwind.com>", "Offer", "We are delighted to offer you the position of Buyer. The offer "
     "letter is attached.", "offer"),
    ("Chris Vale <chris@talentbridge.co>", "Quick question", "Hi Sam, I came across your profile and have a "
     "role that might fit: a senior analyst position with my client.", "recruiter"),
    ("Jo Park <jo@kestrel.io>", "Re: Data Analyst application", "Thanks Sam, got it. I'll pass it to the "
     "hiring manager this week.\n\nOn Mon, Nov 9, 2026 at 10:00 Sam wrote:\n> thank you for applying", "reply"),
    # a negated invitation is none; a confirmation that only mentions a future interview stays one
    ("Jo Park <jo@kestrel.io>", "Your application", "Thank you for your application. We will not invite you to "
     "an interview at this time, but we keep your résumé on file.", "confirmation"),
    # newsletters, job alerts and spam look-alikes
    ("Career Tips <news@careertips.example>", "5 interview tips for your application",
     "We'd like to invite you to an interview masterclass.", "newsletter"),
    ("Deals <deals@shop.example>", "Black Friday", "Thank you for your order.", "other"),
]


@pytest.mark.parametrize("sender, subject, body, kind", CLASSIFIED)
def test_each_message_is_classified(sender, subject, body, kind):
    headers = {"List-Unsubscribe": "<mailto:leave@careertips.example>"} if "news@" in sender else None
    mail = _mail(message(sender, subject, body, day=SENT, headers=headers))
    assert classify(mail).kind == kind


def test_an_attached_invitation_gives_the_interview_day():
    msg = message("Dana <dana@northwind.com>", "Interview: Buyer", "Please find the invitation attached.",
                  day=SENT, invite=dt.date(2026, 11, 19))
    what = classify(_mail(msg))
    assert (what.kind, what.interview_on) == ("interview", dt.date(2026, 11, 19))


@pytest.mark.parametrize("body, day", [
    ("We'd like to invite you to an interview on November 18 at 2pm.", dt.date(2026, 11, 18)),
    ("Wir möchten Sie zu einem Vorstellungsgespräch einladen, am 20. November um 10 Uhr.", dt.date(2026, 11, 20)),
    ("Nous souhaitons vous inviter à un entretien le 3 décembre.", dt.date(2026, 12, 3)),
    ("Can we schedule an interview on 2026-11-24?", dt.date(2026, 11, 24)),
])
def test_an_interview_day_in_the_text(body, day):
    assert classify(_mail(message("Dana <dana@northwind.com>", "Interview", body, day=SENT))).interview_on == day


def test_html_only_message_is_read_as_text_without_scripts():
    msg = message("Jo <jo@kestrel.io>", "Update", "", day=SENT,
                  html="<html><script>alert('x')</script><p>We regret to inform you that the position has "
                       "been filled.</p><img src='https://tracker.example/pixel.gif'></html>")
    msg.get_body(("plain",)).set_content(" ")
    mail = _mail(msg)
    assert "alert" not in mail.text and classify(mail).kind == "rejection"


def test_malformed_mime_and_8bit_headers_are_read_leniently():
    raw = (b"From: =?utf-8?q?Bewerbermanagement_M=C3=BCller?= <jobs@mueller-werke.de>\r\n"
           b"Subject: Ihre Bewerbung f\xfcr Konstrukteur\r\n"          # Latin-1 byte in a raw header
           b"Date: not a date at all\r\n"
           b"Content-Type: multipart/mixed; boundary=\"never-closed\"\r\n\r\n"
           b"--never-closed\r\nContent-Type: text/plain; charset=x-unknown-charset\r\n\r\n"
           b"Leider m\xfcssen wir Ihnen eine Absage erteilen.\r\n")
    mail = parse_mail(RawMail("broken.eml", raw, len(raw)))
    assert mail.subject == "Ihre Bewerbung für Konstrukteur"
    assert mail.sender_name == "Bewerbermanagement Müller" and mail.date is None
    assert classify(mail).kind == "rejection"


def test_a_25_mb_attachment_is_not_held_and_the_invitation_after_it_is_read(tmp_path):
    big = message("Dana <dana@northwind.com>", "Interview: Buyer", "Invitation attached.", day=SENT,
                  attachment=25 * 2**20, invite=dt.date(2026, 11, 19))
    box = write_mbox(tmp_path / "big.mbox", [big])
    del big
    tracemalloc.start()
    raws = list(mbox_messages(box))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(raws) == 1 and raws[0].size > 25 * 2**20
    assert len(raws[0].data) < 2**20 and peak < 8 * 2**20      # kept: under 1 MB; held at most: 8 MB
    assert classify(parse_mail(raws[0])).interview_on == dt.date(2026, 11, 19)


def test_trim_keeps_every_part_header_and_cuts_long_bodies():
    lines = [b"Content-Type: multipart/mixed; boundary=b1\n", b"\n", b"--b1\n", b"Content-Type: text/plain\n", b"\n",
             *([b"x" * 1000 + b"\n"] * 1000), b"--b1\n", b"Content-Type: text/plain\n", b"\n", b"tail\n", b"--b1--\n"]
    data, size = trim(lines)
    assert size == sum(map(len, lines)) and len(data) < 300_000 and data.endswith(b"tail\n--b1--\n")


# -- matching ---------------------------------------------------------------------------------------

ROWS = [Row("Jobs", 2, "Kestrel Analytics, Inc.", "Data Analyst"), Row("Jobs", 3, "Northwind Traders", "Buyer"),
        Row("Jobs", 4, "Northwind Traders", "Category Manager"), Row("Jobs", 5, "Alameda (client confidential)", ""),
        Row("Jobs", 6, "Harbor Lane", "Planner", "m.okafor@gmail.com")]


@pytest.mark.parametrize("sender, subject, body, row, sure", [
    ('"Kestrel Analytics Hiring Team" <no-reply@greenhouse.io>', "Thanks", "Thanks for applying.", 2, True),
    ("Jo <jo@kestrelanalytics.com>", "Update", "Hello", 2, True),
    ("Dana <dana@northwindtraders.com>", "Your Buyer application", "Thanks", 3, True),
    ("Dana <dana@northwindtraders.com>", "Your application", "Thanks", None, False),     # which of the two?
    ("Ops <careers@alameda.es>", "Tu candidatura", "Hola", 5, True),
    ("Mia Okafor <m.okafor@gmail.com>", "Re: Planner", "Sure, call me Friday.", 6, True),
    ('"Kestrel Analytics" <hr@kestrel-analytics-careers.top>', "Interview!", "Click to confirm.", None, False),
    ("Someone <someone@gmail.com>", "Hello", "Nothing about any company.", None, False),
])
def test_a_message_is_matched_to_its_row_or_not(sender, subject, body, row, sure):
    found = match(_mail(message(sender, subject, body, day=SENT)), ROWS)
    assert (found.row.row if found.row else None) == row
    assert (found.confidence >= 85 and found.row is not None) == sure


# -- the whole command: 200 messages for a 40-row tracker ------------------------------------------

COMPANIES = [
    "Kestrel Analytics", "Northwind Traders", "Blue Harbor Logistics", "Quillfeather Press", "Maple & Finch",
    "Tidewater Health", "Corvid Systems", "Lumen Bakery", "Orchard Row Capital", "Saltmarsh Energy",
    "Ironbark Builders", "Pelican Freight", "Greyfield Labs", "Amberline Foods", "Copperleaf Studio",
    "Brightwater Utilities", "Foxglove Media", "Granite Peak Bank", "Hollowell Insurance", "Juniper Robotics",
    "Brunnhofer Maschinenbau GmbH", "Seidlitz Logistik AG", "Maison Lefebvre", "Atelier Rocheval",
    "Grupo Alameda", "Bodegas Verdial", "Lantern Dental", "Mossgate Partners", "Nettlefield Farms",
    "Oakhaven Schools", "Pinecrest Realty", "Quarry Lane Motors", "Ravenwood Games", "Stonebridge Legal",
    "Thornbury Hotels", "Umberfield Telecom", "Vantage Cove", "Willowmere Clinic", "Yarrow Biotech",
    "Zephyr Outdoor",
]


def _domain(company: str) -> str:
    words = company.replace("&", " ").replace(",", " ").split()
    words = [w for w in words if w.lower() not in ("gmbh", "ag")]
    return "".join(words).lower() + (".de" if company.endswith(("GmbH", "AG")) else ".com")


def _plan(i: int) -> str:
    """What the mailbox says about row i: the outcome a user would expect."""
    return ["confirmed", "rejected", "interview", "confirmed", "interview-ics", "rejected", "offer",
            "confirmed", "reply", "rejected"][i % 10]


def _mailbox_messages() -> list:
    msgs = []
    for i, company in enumerate(COMPANIES):
        applied = dt.date(2026, 10, 1) + dt.timedelta(days=i)
        lang = "de" if company in COMPANIES[20:22] else "fr" if company in COMPANIES[22:24] else \
            "es" if company in COMPANIES[24:26] else "en"
        ats = f'"{company} Recruiting" <no-reply@us.greenhouse-mail.io>' if i % 2 else \
            f"{company} Careers <careers@{_domain(company)}>"
        confirm = {"en": ("Thank you for applying to " + company, "We have received your application."),
                   "de": ("Ihre Bewerbung bei " + company, "Vielen Dank für Ihre Bewerbung."),
                   "fr": ("Votre candidature chez " + company, "Nous avons bien reçu votre candidature."),
                   "es": ("Tu candidatura en " + company, "Hemos recibido tu candidatura.")}[lang]
        msgs.append(message(ats, confirm[0], f"Hello,\n{confirm[1]}\n{company}", day=applied))
        person = f"Alex Moreau <alex@{_domain(company)}>"
        later = applied + dt.timedelta(days=9)
        kind = _plan(i)
        if kind == "rejected":
            text = {"en": "We regret to inform you that we will not be moving forward with your application.",
                    "de": "Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden "
                          "haben.",
                    "fr": "Nous avons le regret de vous informer que votre candidature n'a pas été retenue.",
                    "es": "Lamentamos informarte que no has sido seleccionada para el puesto."}[lang]
            msgs.append(message(person, f"{company}: your application", text, day=later))
        elif kind in ("interview", "interview-ics"):
            msgs.append(message(person, "Interview invitation", "We would like to invite you to an interview for "
                                "the position. Please share your availability.", day=later,
                                invite=later + dt.timedelta(days=5) if kind == "interview-ics" else None))
        elif kind == "offer":
            msgs.append(message(person, "Offer", "We are pleased to offer you the position.", day=later))
        elif kind == "reply":
            msgs.append(message(person, "Re: my application", "Thanks for the note, we are still reviewing "
                                "applications and will be in touch.", day=later))
    filler = 200 - len(msgs)
    for n in range(filler):
        company = COMPANIES[n % len(COMPANIES)]
        day = dt.date(2026, 11, 1) + dt.timedelta(days=n % 20)
        if n % 4 == 0:    # newsletters that name companies and use the words
            msgs.append(message("Job Alerts <alerts@jobsdigest.example>", f"New jobs at {company}",
                                f"{company} is hiring! Schedule an interview coaching session today.", day=day,
                                headers={"List-Unsubscribe": "<https://jobsdigest.example/u>",
                                         "Precedence": "bulk"}))
        elif n % 4 == 1:  # look-alike senders
            msgs.append(message(f'"{company}" <hr@{_domain(company)[:-4]}-careers-jobs.top>',
                                "Interview invitation", "Congratulations! We would like to invite you to an "
                                "interview. Confirm your bank details to continue.", day=day))
        elif n % 4 == 2:  # applications the tracker lacks
            msgs.append(message(f'"Fernhill Co{n}" <no-reply@lever.co>', f"Thanks for applying to Fernhill Co{n}",
                                "We have received your application.", day=day))
        else:             # everyday mail
            msgs.append(message("Mum <mum@example.org>", "Sunday lunch", "Are you coming on Sunday?", day=day))
    return msgs


@pytest.fixture(scope="module")
def forty(tmp_path_factory):
    folder = tmp_path_factory.mktemp("forty")
    rows = [{"Company": c, "Position": "Analyst", "Date Applied": dt.date(2026, 10, 1) + dt.timedelta(days=i),
             "Stage": "Applied", "Response": "", "Last Contact": None, "Phone": "555-0100"}
            for i, c in enumerate(COMPANIES)]
    tracker = write_tracker(folder / "jobs.xlsx", rows,
                            headers=["Company", "Position", "Date Applied", "Stage", "Response", "Last Contact",
                                     "Phone"])
    box = write_mbox(folder / "mail.mbox", _mailbox_messages())
    return tracker, box


def test_every_confirmation_rejection_and_invitation_finds_its_row(forty):
    tracker, box = forty
    report = scan_inbox(tracker, MailSource("mbox", box), today=TODAY)
    assert report.read == 200
    by_row: dict[int, dict[str, object]] = {}
    for p in report.proposals:
        by_row.setdefault(p.row, {})[p.field] = p.new
    for i, company in enumerate(COMPANIES):
        got, kind = by_row.get(i + 2, {}), _plan(i)
        want_stage = {"rejected": "Rejected", "interview": "Interview", "interview-ics": "Interview",
                      "offer": "Offer"}.get(kind)
        assert got.get("stage") == want_stage, (company, kind, got)
        if kind == "confirmed":
            assert got.get("response") == "Automatic confirmation (e-mail)", (company, got)
        if kind in ("rejected", "interview", "interview-ics", "offer", "reply"):
            assert got.get("last_contact") == dt.date(2026, 10, 1) + dt.timedelta(days=i + 9), (company, got)
    assert {p.row for p in report.proposals} == {i + 2 for i in range(40)}
    # the look-alikes, newsletters and everyday mail changed nothing; the unknown applications are listed
    filler = range(200 - 40 - sum(_plan(i) != "confirmed" for i in range(40)))
    assert report.kinds["newsletter"] == sum(n % 4 == 0 for n in filler)
    assert len(report.missing) == sum(n % 4 == 2 for n in filler)
    assert all("Fernhill" in m.subject for m in report.missing)
    # the look-alikes are at most listed for the user to look at, never applied
    assert len(report.ambiguous) <= sum(n % 4 == 1 for n in filler)
    assert all(a.subject == "Interview invitation" and a.sender in COMPANIES for a in report.ambiguous)


def test_apply_then_refresh_gives_the_statuses_and_scripts_a_user_expects(forty, tmp_path):
    tracker, box = forty
    copy = tmp_path / "jobs.xlsx"
    copy.write_bytes(tracker.read_bytes())
    report = scan_inbox(copy, MailSource("mbox", box), today=TODAY)
    result = apply_inbox(copy, report, today=TODAY)
    assert result.written and result.backup is not None and result.backup.read_bytes() == tracker.read_bytes()
    outcomes, _, _ = compute(copy, today=TODAY)
    plan = outcomes[0].plan
    for i, company in enumerate(COMPANIES):
        kind, row = _plan(i), i + 2
        status, situation = plan.at[row, "status"], plan.at[row, "situation"]
        if kind == "rejected":
            assert status == "Closed", company
        elif kind == "offer":
            assert situation == "offer", company
        elif kind.startswith("interview"):
            assert situation == "post_interview", company
        elif kind == "confirmed":
            assert situation == "autoresponse", company
    # a second run finds nothing new to change
    assert scan_inbox(copy, MailSource("mbox", box), today=TODAY).proposals == []


def test_the_dry_run_lists_the_diff_and_writes_nothing(forty):
    tracker, box = forty
    before = hashlib.sha256(tracker.read_bytes()).hexdigest()
    done = run_cli("inbox", tracker, "--mbox", box, "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    assert "'Applications' row 3 Northwind Traders: 'Stage' (column D): 'Applied' → 'Rejected'" in done.stdout
    filler = range(200 - 40 - sum(_plan(i) != "confirmed" for i in range(40)))
    assert f"Not in your tracker ({sum(n % 4 == 2 for n in filler)}):" in done.stdout
    assert "Summary: 200 read" in done.stdout and "68 matched to a row" in done.stdout
    assert "--apply" in done.stdout
    assert hashlib.sha256(tracker.read_bytes()).hexdigest() == before


def test_maildir_and_eml_folders_give_the_same_proposals_as_mbox(forty, tmp_path):
    tracker, box = forty
    msgs = _mailbox_messages()[:30]
    want = scan_inbox(tracker, MailSource("mbox", write_mbox(tmp_path / "a.mbox", msgs)), today=TODAY).proposals
    for source in (MailSource("maildir", write_maildir(tmp_path / "md", msgs)),
                   MailSource("eml", write_eml(tmp_path / "eml", msgs))):
        got = scan_inbox(tracker, source, today=TODAY).proposals
        assert sorted((p.row, p.field, str(p.new)) for p in got) == sorted((p.row, p.field, str(p.new)) for p in want)
        assert want


# -- the user's columns ----------------------------------------------------------------------------

def test_a_tracker_without_a_response_column_gets_one_and_says_so(tmp_path):
    tracker = write_tracker(tmp_path / "t.xlsx", [{"Company": "Kestrel Analytics", "Date Applied": dt.date(2026, 11, 2),
                                                   "Stage": "Applied"}])
    box = write_mbox(tmp_path / "m.mbox", [message('"Kestrel Analytics" <no-reply@greenhouse.io>', "Thanks",
                                                   "Thank you for applying.", day=SENT)])
    report = scan_inbox(tracker, MailSource("mbox", box), today=TODAY)
    assert [(p.field, p.column) for p in report.proposals] == [("response", "new column 'Response'")]
    apply_inbox(tracker, report, today=TODAY)
    ws = openpyxl.load_workbook(tracker).active
    assert ws.cell(2, column_of(ws, "Response")).value == "Automatic confirmation (e-mail)"


def test_stage_words_follow_the_users_column(tmp_path):
    tracker = write_tracker(tmp_path / "t.xlsx", [
        {"Company": "Kestrel Analytics", "Date Applied": dt.date(2026, 11, 2), "Stage": "Beworben"},
        {"Company": "Corvid Systems", "Date Applied": dt.date(2026, 11, 2), "Stage": "Abgesagt"}])
    box = write_mbox(tmp_path / "m.mbox", [message("Jo <jo@kestrelanalytics.com>", "Ihre Bewerbung",
                                                   "Leider müssen wir Ihnen eine Absage erteilen.", day=SENT)])
    [p] = scan_inbox(tracker, MailSource("mbox", box), today=TODAY).proposals
    assert (p.field, p.old, p.new) == ("stage", "Beworben", "Abgesagt")


def test_a_value_like_a_formula_is_written_as_text(tmp_path):
    """Nothing from a message is evaluated: a sender's name that looks like a formula stays text."""
    tracker = write_tracker(tmp_path / "t.xlsx", [{"Company": "Kestrel Analytics", "Date Applied": dt.date(2026, 11, 2),
                                                   "Response": "", "Last Contact": None}])
    box = write_mbox(tmp_path / "m.mbox", [message('"=HYPERLINK(""http://x.example"")" <jo@kestrelanalytics.com>',
                                                   "Re: my application", "Thanks, I'll get back to you.", day=SENT)])
    report = scan_inbox(tracker, MailSource("mbox", box), today=TODAY)
    apply_inbox(tracker, report, today=TODAY)
    cell = openpyxl.load_workbook(tracker).active.cell(2, 3)
    assert cell.data_type == "s" and cell.value.startswith("Reply by e-mail from =HYPERLINK")


# -- bad input -------------------------------------------------------------------------------------

def _untouched(tracker: Path, *args: str) -> str:
    before = tracker.read_bytes()
    done = run_cli("inbox", tracker, *args, "--today", TODAY.isoformat(), "--apply")
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert tracker.read_bytes() == before
    assert "Traceback" not in done.stderr
    return done.stderr


@pytest.fixture
def small(tmp_path):
    return write_tracker(tmp_path / "t.xlsx", [{"Company": "Kestrel Analytics", "Date Applied": dt.date(2026, 11, 2),
                                                "Stage": "Applied"}])


def test_a_file_that_is_not_mbox_is_refused(small, tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("Shopping list\nmilk\n")
    assert "is not an mbox file" in _untouched(small, "--mbox", str(bogus))


def test_a_folder_that_is_not_a_maildir_is_refused(small, tmp_path):
    assert "is not a Maildir" in _untouched(small, "--maildir", str(tmp_path))


def test_a_message_that_crashes_a_parser_stops_the_run_and_names_it(small, tmp_path, monkeypatch):
    box = write_mbox(tmp_path / "m.mbox", [message('"Kestrel Analytics" <no-reply@greenhouse.io>', "Thanks",
                                                   "Thank you for applying.", day=SENT)])
    import followup_sheet.inbox.mailsource as source

    def broken(msg):
        raise RecursionError("maximum recursion depth exceeded")
    monkeypatch.setattr(source, "_body", broken)
    before = small.read_bytes()
    with pytest.raises(MailProblem, match=r"m\.mbox, message 1: this message could not be read"):
        scan_inbox(small, MailSource("mbox", box), today=TODAY)
    report = scan_inbox(small, MailSource("mbox", box), today=TODAY, skip_unreadable=True)
    assert len(report.unreadable) == 1 and report.proposals == []
    assert small.read_bytes() == before


def test_imap_unreachable_host_and_plain_text_to_another_host(small, tmp_path):
    config = tmp_path / "followup.toml"
    config.write_text('[inbox]\nhost = "127.0.0.1"\nport = 1\nuser = "sam"\n')
    import os
    env_before = os.environ.get("FOLLOWUP_IMAP_PASSWORD")
    os.environ["FOLLOWUP_IMAP_PASSWORD"] = "secret"
    try:
        assert "cannot be reached" in _untouched(small, "--imap")
        config.write_text('[inbox]\nhost = "mail.example.com"\nuser = "sam"\ntls = false\n')
        assert "only for a server on this computer" in _untouched(small, "--imap")
    finally:
        if env_before is None:
            del os.environ["FOLLOWUP_IMAP_PASSWORD"]
        else:
            os.environ["FOLLOWUP_IMAP_PASSWORD"] = env_before


def test_the_password_is_never_a_setting(tmp_path):
    config = tmp_path / "followup.toml"
    config.write_text('[inbox]\nhost = "imap.example.com"\nuser = "sam"\npassword = "hunter2"\n')
    with pytest.raises(BadSettings, match="never kept in the settings file"):
        load_settings(config=config)


def test_the_password_comes_from_the_environment_without_a_keyring(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    settings = load_settings().replace(imap_host="imap.example.com", imap_user="sam")
    assert imap_password(settings, {"FOLLOWUP_IMAP_PASSWORD": "s3cret"}) == "s3cret"
    with pytest.raises(BadSettings, match="FOLLOWUP_IMAP_PASSWORD"):
        imap_password(settings, {})


# -- applications the tracker lacks: --add-missing --------------------------------------------------

def _table_tracker(path: Path, below: list | None = None) -> Path:
    """Two applications in an Excel table (A1:D3), and optionally a row of the user's right below."""
    from openpyxl.worksheet.table import Table
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Jobs"
    ws.append(["Employer", "Job", "Sent", "Reply"])
    ws.append(["Larchmont Bakery", "Shift lead", dt.datetime(2026, 11, 3), None])
    ws.append(["Tidewater Clinic", "Receptionist", dt.datetime(2026, 11, 4), None])
    ws.add_table(Table(displayName="Sent", ref="A1:D3"))
    if below:
        ws.append(below)
    wb.save(path)
    return path


def _confirmations() -> list:
    return [
        message('"Ostrava Glassworks Careers" <no-reply@jobs.lever.co>',
                "Thanks for applying to Ostrava Glassworks - Kiln technician", "Your application is in.",
                day=dt.date(2026, 11, 9)),
        message('"Ostrava Glassworks Careers" <no-reply@jobs.lever.co>', "We got your application",
                "A second confirmation for the same place.", day=dt.date(2026, 11, 10)),
        message("Personalabteilung <bewerbung@mühlbach-druck.de>",
                "Eingangsbestätigung: Ihre Bewerbung bei Mühlbach Druck als Drucker", "Vielen Dank für Ihre Bewerbung.",
                day=dt.date(2026, 11, 11)),
        message("Tidewater Clinic <noreply@tidewaterclinic.org>", "Thank you for applying",
                "We received your application.", day=dt.date(2026, 11, 5)),     # already a row: matched
        message('"Bramble Insurance" <hr@bramble-insurance-jobs.top>', "Interview invitation",
                "Confirm your bank details to book a slot.", day=dt.date(2026, 11, 12)),   # never a row
    ]


def test_add_missing_proposes_one_row_per_confirmed_application_below_the_table(tmp_path):
    tracker = _table_tracker(tmp_path / "jobs.xlsx")
    box = write_mbox(tmp_path / "m.mbox", _confirmations())
    plain = scan_inbox(tracker, MailSource("mbox", box), today=TODAY)
    assert not any(p.adds_row for p in plain.proposals)                   # only when asked
    report = scan_inbox(tracker, MailSource("mbox", box), today=TODAY, add_missing=True)
    rows = {}
    for p in report.proposals:
        if p.adds_row:
            rows.setdefault(p.row, {})[p.field] = p.new
    assert rows == {
        4: {"company": "Ostrava Glassworks", "position": "Kiln technician", "applied_on": dt.date(2026, 11, 9),
            "response": "Automatic confirmation (e-mail)"},
        5: {"company": "Mühlbach Druck", "position": "Drucker", "applied_on": dt.date(2026, 11, 11),
            "response": "Automatic confirmation (e-mail)"}}
    apply_inbox(tracker, report, today=TODAY)
    ws = openpyxl.load_workbook(tracker)["Jobs"]
    assert [c.value for c in ws[4]][:4] == ["Ostrava Glassworks", "Kiln technician", dt.datetime(2026, 11, 9),
                                           "Automatic confirmation (e-mail)"]
    assert ws.cell(5, 1).value == "Mühlbach Druck"
    assert ws.tables["Sent"].ref.endswith("5")                            # the table takes the new rows in
    status = column_of(ws, "Follow-up Status")
    assert ws.cell(4, status).value and ws.cell(5, status).value          # refreshed in the same save
    again = scan_inbox(tracker, MailSource("mbox", box), today=TODAY, add_missing=True)
    assert not any(p.adds_row for p in again.proposals)                   # now they are rows: nothing twice


@pytest.mark.libreoffice
def test_rows_added_from_the_mail_open_in_libreoffice(tmp_path):
    from test_big_exports import soffice_csv
    tracker = _table_tracker(tmp_path / "jobs.xlsx")
    box = write_mbox(tmp_path / "m.mbox", _confirmations())
    apply_inbox(tracker, scan_inbox(tracker, MailSource("mbox", box), today=TODAY, add_missing=True), today=TODAY)
    seen = soffice_csv(tracker, tmp_path)
    assert [r[0] for r in seen[:5]] == ["Employer", "Larchmont Bakery", "Tidewater Clinic", "Ostrava Glassworks",
                                        "Mühlbach Druck"]


def test_add_missing_never_writes_over_a_row_of_the_users(tmp_path):
    tracker = _table_tracker(tmp_path / "jobs.xlsx", below=["Total sent", None, 2, None])
    box = write_mbox(tmp_path / "m.mbox", _confirmations())
    before = hashlib.sha256(tracker.read_bytes()).hexdigest()
    report = scan_inbox(tracker, MailSource("mbox", box), today=TODAY, add_missing=True)
    assert not any(p.adds_row for p in report.proposals)
    assert any("row 4 is not empty" in n and "2 application(s)" in n for n in report.notes)
    assert hashlib.sha256(tracker.read_bytes()).hexdigest() == before


def test_add_missing_dry_run_lists_the_new_rows(tmp_path):
    tracker = _table_tracker(tmp_path / "jobs.xlsx")
    box = write_mbox(tmp_path / "m.mbox", _confirmations())
    before = tracker.read_bytes()
    done = run_cli("inbox", tracker, "--mbox", box, "--add-missing", "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    assert "New rows for applications the tracker lacks (2):" in done.stdout
    assert "'Jobs' row 4: 'Employer' (column A): 'Ostrava Glassworks'" in done.stdout
    assert tracker.read_bytes() == before
    plain = run_cli("inbox", tracker, "--mbox", box, "--today", TODAY.isoformat())
    assert "--add-missing proposes a row" in plain.stdout


# -- a sheet with neither Follow Up On nor Response, unknown senders, the row's own contact --------

def test_an_interview_day_goes_into_a_new_response_column_so_no_thank_you_comes_before_it(tmp_path):
    tracker = write_tracker(tmp_path / "t.xlsx", [{"Company": "Lorne Ferries", "Job": "Deck Officer",
                                                   "Applied": dt.date(2026, 11, 16), "Progress": "Applied"}])
    box = write_mbox(tmp_path / "m.mbox", [message(
        "Isla Baird <isla.baird@lorneferries.co.uk>", "RE: Deck Officer",
        "Hi, the marine superintendent would like a call with you - are you free Thursday 10th at 11am?",
        day=dt.date(2026, 12, 3))])
    report = scan_inbox(tracker, MailSource("mbox", box), today=dt.date(2026, 12, 7))
    assert ("response", "new column 'Response'", "Interview on 2026-12-10") in \
        [(p.field, p.column, p.new) for p in report.proposals]
    apply_inbox(tracker, report, today=dt.date(2026, 12, 7))
    sheets, _, _ = compute(tracker, today=dt.date(2026, 12, 7))
    plan = sheets[0].plan.iloc[0]
    assert plan["status"] in ("Waiting", "Due soon") and plan["next_reason"] == "interview", plan["why"]
    script = sheets[0].scripts.iloc[0].lower()
    assert "looking forward to the interview on december 10" in script and "taking the time" not in script, script


def test_an_automatic_sender_no_list_knows_that_names_the_company_and_the_role_is_the_employers(tmp_path):
    tracker = write_tracker(tmp_path / "t.xlsx", [
        {"Company": "Tayside Health Board", "Position": "Ward Clerk", "Date Applied": dt.date(2026, 11, 23)},
        {"Company": "Dundee Port", "Position": "Planner", "Date Applied": dt.date(2026, 11, 24)}])
    box = write_mbox(tmp_path / "m.mbox", [message(
        '"Recruitment" <noreply@hireportal-scot.example>', "We have your application",
        "Thank you for applying for the Ward Clerk vacancy at Tayside Health Board and Community Services. "
        "This is an automated message.", day=dt.date(2026, 11, 23))])
    report = scan_inbox(tracker, MailSource("mbox", box), today=dt.date(2026, 12, 7))
    assert [(p.row, p.field) for p in report.proposals] == [(2, "response")]


def test_an_automatic_sender_that_names_the_company_without_the_role_stays_listed(tmp_path):
    tracker = write_tracker(tmp_path / "t.xlsx", [
        {"Company": "Tayside Health Board", "Position": "Ward Clerk", "Date Applied": dt.date(2026, 11, 23)}])
    box = write_mbox(tmp_path / "m.mbox", [message(
        '"Reviews" <noreply@ratemyemployer.example>', "New reviews this week",
        "Tayside Health Board has 3 new reviews. Read what staff say.", day=dt.date(2026, 11, 30))])
    report = scan_inbox(tracker, MailSource("mbox", box), today=dt.date(2026, 12, 7))
    assert report.proposals == []


def test_an_out_of_office_from_the_rows_own_contact_that_names_the_company_is_that_row(tmp_path):
    tracker = write_tracker(tmp_path / "t.xlsx", [
        {"Company": "Tayside Health Board", "Position": "Ward Clerk", "Date Applied": dt.date(2026, 11, 23),
         "Contact": "Morven (HR)"},
        {"Company": "Dundee Port", "Position": "Planner", "Date Applied": dt.date(2026, 11, 24), "Contact": "Ewan"}])
    box = write_mbox(tmp_path / "m.mbox", [message(
        "Morven Cairns <m.cairns@thb.scot.example>", "Automatic reply: Ward Clerk",
        "I am on annual leave and will return on Monday 14 December.\nMorven Cairns, Tayside Health Board",
        day=dt.date(2026, 12, 1))])
    report = scan_inbox(tracker, MailSource("mbox", box), today=dt.date(2026, 12, 7))
    assert [(p.row, p.field, p.new) for p in report.proposals] == [(2, "response", "Out of office until 2026-12-14")]


@pytest.mark.parametrize("subject", ["Odpowiedź automatyczna: Specjalista", "Automatyczna odpowiedź: Specjalista"])
def test_a_polish_automatic_reply_in_either_word_order_is_an_out_of_office(tmp_path, subject):
    tracker = write_tracker(tmp_path / "t.xlsx", [{"Firma": "Wodociągi Gdańskie", "Stanowisko": "Specjalista",
                                                   "Data aplikacji": dt.date(2026, 11, 20), "Status": "Wysłano"}])
    box = write_mbox(tmp_path / "m.mbox", [message(
        "Ewa Lis <ewa.lis@wodociagi-gdanskie.pl>", subject,
        "Dzień dobry, jestem na urlopie do 15.12.2026. W pilnych sprawach proszę dzwonić do sekretariatu.",
        day=dt.date(2026, 12, 2))])
    report = scan_inbox(tracker, MailSource("mbox", box), today=dt.date(2026, 12, 7))
    assert [p.kind for p in report.proposals] == ["away"]
    assert report.proposals[0].new.endswith("2026-12-15")
