"""The inbox command against a real IMAP server: Debian's dovecot-imapd, started here with a
throw-away configuration, mail folder and self-signed certificate on a free port of localhost,
spoken to over IMAPS. Skipped, with the reason, where dovecot or openssl is missing."""

from __future__ import annotations

import datetime as dt
import imaplib
import os
import ssl
from pathlib import Path

import pytest
from conftest import TODAY, run_cli, write_tracker
from imap_server import DOVECOT, MISSING, OPENSSL, PASSWORD, imap_server, imap_settings
from inbox_mail import message

pytestmark = pytest.mark.skipif(DOVECOT is None or OPENSSL is None, reason=MISSING)


@pytest.fixture(scope="module")
def dovecot():
    with imap_server({"sam": _messages()}) as server:
        yield server


SENT = dt.date(2026, 11, 12)


def _messages() -> list:
    return [
        message('"Kestrel Analytics Hiring Team" <no-reply@greenhouse.io>', "Thank you for applying",
                "We have received your application for the Data Analyst role.", day=SENT),
        message("Alex Moreau <alex@northwindtraders.com>", "Interview invitation",
                "We would like to invite you to an interview for the Buyer position.", day=SENT,
                invite=dt.date(2026, 11, 19)),
        message("Alex Moreau <alex@northwindtraders.com>", "Old news", "Thank you for your application.",
                day=dt.date(2026, 9, 1)),     # before the oldest open application: not fetched
    ]


@pytest.fixture
def tracker(tmp_path, dovecot):
    path = write_tracker(tmp_path / "jobs.xlsx", [
        {"Company": "Kestrel Analytics", "Position": "Data Analyst", "Date Applied": dt.date(2026, 11, 2),
         "Stage": "Applied", "Response": ""},
        {"Company": "Northwind Traders", "Position": "Buyer", "Date Applied": dt.date(2026, 11, 3),
         "Stage": "Applied", "Response": ""}])
    (tmp_path / "followup.toml").write_text(imap_settings(dovecot, "sam"))
    return path


def _inbox(tracker: Path, password: str, *more: str):
    env = {**os.environ, "FOLLOWUP_IMAP_PASSWORD": password, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        return run_cli("inbox", tracker, "--imap", "--today", TODAY.isoformat(), *more)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _flags(dovecot) -> list[bytes]:
    context = ssl.create_default_context(cafile=str(dovecot["root"] / "cert.pem"))
    conn = imaplib.IMAP4_SSL("localhost", dovecot["port"], ssl_context=context)
    conn.login("sam", PASSWORD)
    conn.select("INBOX", readonly=True)
    _, data = conn.fetch("1:*", "(FLAGS)")
    conn.logout()
    return [d for d in data if isinstance(d, bytes)]


def test_imaps_read_only_proposes_and_applies(dovecot, tracker):
    before = _flags(dovecot)
    done = _inbox(tracker, PASSWORD)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Read 2 message(s) from imap since 2026-11-02" in done.stdout      # the September one not fetched
    assert "row 2 Kestrel Analytics: 'Response' (column E): (empty) → 'Automatic confirmation (e-mail)'" in done.stdout
    assert "row 3 Northwind Traders: 'Stage' (column D): 'Applied' → 'Interview'" in done.stdout
    assert _flags(dovecot) == before and not any(b"\\Seen" in f for f in before)   # nothing marked read
    applied = _inbox(tracker, PASSWORD, "--apply")
    assert applied.returncode == 0 and "Updated" in applied.stdout, applied.stdout + applied.stderr


def test_a_wrong_password_is_a_clear_message_and_exit_1(dovecot, tracker):
    before = tracker.read_bytes()
    done = _inbox(tracker, "not the password")
    assert done.returncode == 1 and "refused user 'sam'" in done.stderr, done.stderr
    assert tracker.read_bytes() == before


def test_a_certificate_not_trusted_is_refused(dovecot, tracker):
    config = tracker.parent / "followup.toml"
    config.write_text("\n".join(line for line in config.read_text().splitlines() if not line.startswith("cafile")))
    done = _inbox(tracker, PASSWORD)
    assert done.returncode == 1 and "certificate was not accepted" in done.stderr, done.stderr
