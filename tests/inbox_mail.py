"""Builders for the inbox tests: messages made with the standard library's email package, and
mailboxes (mbox, Maildir, .eml folders) holding them."""

from __future__ import annotations

import datetime as dt
import itertools
import mailbox
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

_NUMBERS = itertools.count(1)


def ics(day: dt.date, summary: str = "Interview", method: str = "REQUEST") -> bytes:
    start = f"{day:%Y%m%d}T140000Z"
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Calendar//EN\r\n"
            f"METHOD:{method}\r\n"
            f"BEGIN:VEVENT\r\nUID:{start}-interview@example.org\r\nDTSTAMP:{start}\r\nDTSTART:{start}\r\n"
            f"SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode()


def message(sender: str, subject: str, body: str, *, day: dt.date, html: str | None = None,
            invite: dt.date | None = None, headers: dict[str, str] | None = None, attachment: int = 0,
            to: str = "sam.rivera@example.net", method: str = "REQUEST", document: str | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(dt.datetime(day.year, day.month, day.day, 9, 30, tzinfo=dt.UTC))
    msg["Message-ID"] = f"<{next(_NUMBERS)}.{day:%Y%m%d}@mail.example>"
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    if attachment:
        msg.add_attachment(b"\x89PNG" + b"\x00" * attachment, maintype="application", subtype="octet-stream",
                           filename="portfolio.bin")
    if document is not None:   # a PDF attached under this file name
        msg.add_attachment(b"%PDF-1.4\n" + b"0" * 2000, maintype="application", subtype="pdf", filename=document)
    if invite is not None:
        msg.add_attachment(ics(invite, method=method), maintype="text", subtype="calendar", filename="invite.ics")
    return msg


def write_mbox(path: Path, messages: list[EmailMessage]) -> Path:
    box = mailbox.mbox(str(path))
    box.lock()
    try:
        for m in messages:
            box.add(m)
        box.flush()
    finally:
        box.unlock()
        box.close()
    return path


def write_maildir(path: Path, messages: list[EmailMessage]) -> Path:
    box = mailbox.Maildir(str(path), create=True)
    for m in messages:
        box.add(m)
    return path


def write_eml(folder: Path, messages: list[EmailMessage]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, m in enumerate(messages, start=1):
        (folder / f"{i:04d}.eml").write_bytes(m.as_bytes())
    return folder
