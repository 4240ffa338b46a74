"""Several messages about one row between two runs, read through a real IMAP server (dovecot):
the newest event decides the row's state, an automatic message never takes the place of what a
person or an invitation said (the interview's day stays), and every message read for the row is
still shown by the report, the ones that decided nothing under "Also read for a row"."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from conftest import run_cli
from imap_server import DOVECOT, MISSING, OPENSSL, PASSWORD, imap_server, scan_tracker
from inbox_mail import message

TODAY = dt.date(2026, 12, 7)
AUTO = {"Auto-Submitted": "auto-replied"}


def _row(company: str, position: str, **more) -> dict:
    return {"Company": company, "Position": position, "Date Applied": dt.date(2026, 11, 24), "Stage": "Applied",
            "Response": "", **more}


# The recruiter writes first, in person; the tracking system's acknowledgement comes two days later.
PERSON_THEN_SYSTEM = [
    message("Orla Brennick <orla.brennick@marrowvale.com>", "Your Logistics Coordinator application",
            "Hello Sam, I look after hiring for the Logistics Coordinator opening at Marrowvale. "
            "Have you got time for a short phone call on Wednesday? Orla", day=dt.date(2026, 11, 30)),
    message('"Marrowvale Careers" <no-reply@marrowvale.teamtailor-mail.com>',
            "Application received: Logistics Coordinator",
            "Thanks for applying to Marrowvale! We have received your application for Logistics Coordinator.",
            day=dt.date(2026, 12, 2)),
]
# An acknowledgement on the day of applying, then a recruiter who asks for a call.
SYSTEM_THEN_PERSON = [
    message('"Pellucid Glass" <donotreply@pellucidglass.com>', "We got your application",
            "Thank you for your application for Process Engineer at Pellucid Glass. We have received it.",
            day=dt.date(2026, 11, 24)),
    message("Idris Kaplan <idris.kaplan@pellucidglass.com>", "Process Engineer - a call?",
            "Hi Sam, I'm recruiting for the Process Engineer role at Pellucid Glass and would like to have a "
            "quick call about it. When suits you? Idris", day=dt.date(2026, 12, 3)),
]
# An interview on Tuesday 15 December, then the interviewer's out-of-office reply: back on the 17th.
INTERVIEW_THEN_LONG_AWAY = [
    message("Wren Aldous <wren@copperfinch.co.uk>", "Interview - Bookkeeper",
            "Dear Sam, we would like to invite you to an interview for the Bookkeeper role on Tuesday "
            "15 December at 11am at our office. Kind regards, Wren, Copperfinch", day=dt.date(2026, 12, 1)),
    message("Wren Aldous <wren@copperfinch.co.uk>", "Out of office: Re: Interview - Bookkeeper",
            "I am out of the office and back on Thursday 17 December. Urgent matters: office@copperfinch.co.uk",
            day=dt.date(2026, 12, 3), headers=AUTO),
]
BOXES = {"personthensystem": PERSON_THEN_SYSTEM, "systemthenperson": SYSTEM_THEN_PERSON,
         "interviewthenaway": INTERVIEW_THEN_LONG_AWAY}


@pytest.fixture(scope="module")
def server():
    if DOVECOT is None or OPENSSL is None:
        pytest.skip(MISSING)
    with imap_server(BOXES) as running:
        yield running


def _changes(report) -> set:
    return {(p.row, p.field, p.new) for p in report.proposals}


def test_an_acknowledgement_after_a_persons_reply_does_not_take_its_place(server, tmp_path):
    _, _, report = scan_tracker(server, tmp_path, "personthensystem",
                                [_row("Marrowvale", "Logistics Coordinator")], TODAY)
    assert _changes(report) == {(2, "response", "Reply by e-mail from Orla Brennick")}
    assert [(a.subject, a.kind) for a in report.also] == [("Application received: Logistics Coordinator",
                                                           "confirmation")]


def test_the_newest_event_decides_and_the_earlier_one_is_still_shown(server, tmp_path):
    path, config, report = scan_tracker(server, tmp_path, "systemthenperson",
                                        [_row("Pellucid Glass", "Process Engineer")], TODAY)
    assert _changes(report) == {(2, "response", "Reply by e-mail from Idris Kaplan")}
    assert [a.subject for a in report.also] == ["We got your application"]
    assert report.also[0].note == "row 2 Pellucid Glass" and report.also[0].day == dt.date(2026, 11, 24)
    os.environ["FOLLOWUP_IMAP_PASSWORD"] = PASSWORD
    try:
        done = run_cli("inbox", path, "--imap", "--config", config, "--today", TODAY.isoformat())
    finally:
        del os.environ["FOLLOWUP_IMAP_PASSWORD"]
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Also read for a row, where a newer message decides (1):" in done.stdout
    assert "'We got your application' automatic confirmation, row 2 Pellucid Glass" in done.stdout


def test_an_out_of_office_reply_never_drops_an_interview_still_ahead(server, tmp_path):
    _, _, report = scan_tracker(server, tmp_path, "interviewthenaway", [_row("Copperfinch", "Bookkeeper")], TODAY)
    got = _changes(report)
    assert (2, "response", "Interview on 2026-12-15") in got and (2, "stage", "Interview") in got
    assert not any(p.field == "response" and "Out of office" in str(p.new) for p in report.proposals)
    assert [a.kind for a in report.also] == ["away"]
