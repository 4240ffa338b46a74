"""Inbox, reading: an mbox file, a Maildir, a folder of .eml files or an IMAP folder -> one `Mail`
at a time (sender, subject, date, the text of the body, the dates of attached invitations).

Read-only and streamed: each message is cut down while it is read (headers, and the first
PART_LIMIT bytes of each MIME part), so a 25 MB attachment is never held in memory. Nothing in a
message is run or fetched: HTML is turned into text, remote content is never loaded.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email
import email.header
import email.policy
import email.utils
import imaplib
import logging
import re
import socket
import ssl
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import IO

from ..errors import FollowupError

log = logging.getLogger(__name__)

PART_LIMIT = 256 * 1024       # bytes kept of each MIME part's body: text and invitations fit, attachments are cut
HEADER_LIMIT = 128 * 1024     # bytes kept of a message's (or a part's) headers
LINE_LIMIT = 64 * 1024        # a line longer than this is read in pieces
TEXT_LIMIT = 64 * 1024        # characters of body text classification looks at
IMAP_FETCH = 512 * 1024       # bytes of each message fetched from an IMAP server (BODY.PEEK[]<0.N>)
IMAP_BATCH = 20               # messages per FETCH: at most IMAP_BATCH * IMAP_FETCH bytes in memory
IMAP_TIMEOUT = 30             # seconds
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


class MailProblem(FollowupError, OSError):
    """The mail could not be read: not a mailbox, a server that cannot be reached or refuses the
    login, a message a parser fails on. Nothing was written."""


@dataclass(frozen=True)
class RawMail:
    where: str       # for messages: "inbox.mbox, message 12", "IMAP INBOX, UID 33"
    data: bytes      # the message, cut down (see PART_LIMIT)
    size: int        # its real size in bytes


@dataclass(frozen=True)
class Mail:
    where: str
    message_id: str
    sender_name: str
    sender_address: str
    subject: str
    date: dt.datetime | None
    text: str                                   # the body as plain text (HTML converted), at most TEXT_LIMIT
    invitations: tuple[dt.date, ...] = ()       # DTSTART of each event of an attached text/calendar
    cancelled: bool = False                     # an attached calendar calls its event off (METHOD:CANCEL)
    attachments: tuple[str, ...] = ()           # the file names of its attachments ("Offer_Letter.pdf")
    to_self: bool = False                       # sent by the address it is sent to: the user's own message
    automated: bool = False                     # Auto-Submitted, X-Autoreply, a no-reply sender
    bulk: bool = False                          # a mailing list or newsletter (List-Id, List-Unsubscribe, bulk)
    size: int = 0
    defects: tuple[str, ...] = field(default=())

    @property
    def domain(self) -> str:
        return self.sender_address.rpartition("@")[2].lower()

    @property
    def local_part(self) -> str:
        return self.sender_address.rpartition("@")[0].lower()


# -- cutting a message down while it is read ------------------------------------------------------

class _Trimmer:
    """Fed a message line by line, keeps its headers and the first PART_LIMIT bytes of each MIME
    part's body (the boundaries are followed, so the parts after a big attachment are kept)."""

    def __init__(self) -> None:
        self.out: list[bytes] = []
        self.size = 0
        self.boundaries: list[bytes] = []
        self.headers: list[bytes] = []
        self.header_bytes = 0
        self.in_headers = True
        self.budget = 0

    def feed(self, line: bytes) -> None:
        self.size += len(line)
        if self.in_headers:
            if line.strip() == b"":
                self._end_headers(line)
            elif self.header_bytes < HEADER_LIMIT:
                self.headers.append(line)
                self.header_bytes += len(line)
            return
        if line.startswith(b"--") and self.boundaries and self._boundary(line):
            return
        if self.budget >= len(line):
            self.out.append(line)
            self.budget -= len(line)
        else:
            self.budget = 0

    def _boundary(self, line: bytes) -> bool:
        mark = line.rstrip()
        for i in range(len(self.boundaries) - 1, -1, -1):
            b = self.boundaries[i]
            if mark == b"--" + b:
                del self.boundaries[i + 1:]
                self.out.append(line)
                self.in_headers, self.headers, self.header_bytes = True, [], 0
                return True
            if mark == b"--" + b + b"--":
                del self.boundaries[i:]
                self.out.append(line)
                self.budget = 4096 if self.boundaries else 0   # the epilogue
                return True
        return False

    def _end_headers(self, blank: bytes) -> None:
        block = b"".join(self.headers)
        self.out.append(block + blank)
        self.in_headers = False
        self.budget = PART_LIMIT
        try:
            head = BytesHeaderParser(policy=email.policy.compat32).parsebytes(block)
            boundary = head.get_boundary() if head.get_content_maintype() == "multipart" else None
        except Exception:   # a header no parser can read: the part is kept as text
            boundary = None
        if boundary:
            self.boundaries.append(boundary.encode("utf-8", "surrogateescape"))
            self.budget = 8192   # the preamble

    def result(self) -> bytes:
        if self.in_headers and self.headers:   # a message with headers only
            self.out.append(b"".join(self.headers))
        return b"".join(self.out)


def trim(lines: Iterable[bytes]) -> tuple[bytes, int]:
    """A message's lines, cut down (see _Trimmer); and its real size."""
    t = _Trimmer()
    for line in lines:
        t.feed(line)
    return t.result(), t.size


def _lines(fh: IO[bytes]) -> Iterator[bytes]:
    while True:
        line = fh.readline(LINE_LIMIT)
        if not line:
            return
        yield line


# -- the sources ----------------------------------------------------------------------------------

_FROM_QUOTED = re.compile(rb"^>+From ")


def mbox_messages(path: Path) -> Iterator[RawMail]:
    """Each message of an mbox file, in file order."""
    path = Path(path)
    try:
        fh = open(path, "rb")
    except IsADirectoryError:
        raise MailProblem.worded("{path} is a folder; for a Maildir use --maildir, for .eml files --eml",
                                 path=path) from None
    except OSError as exc:
        raise MailProblem.worded("{path}: the mailbox cannot be read ({reason})", path=path,
                                 reason=exc.strerror or exc) from None
    with fh:
        first = fh.readline(LINE_LIMIT)
        while first in (b"\n", b"\r\n"):
            first = fh.readline(LINE_LIMIT)
        if not first:
            return
        if not first.startswith(b"From "):
            raise MailProblem.worded("{path} is not an mbox file (it does not start with a 'From ' line); export the "
                                     "folder from your mail program as mbox, or use --eml for a folder of .eml files",
                                     path=path)
        n, trimmer, blank_before = 1, _Trimmer(), False
        for line in _lines(fh):
            if blank_before and line.startswith(b"From "):
                yield RawMail(f"{path.name}, message {n}", trimmer.result(), trimmer.size)
                n, trimmer, blank_before = n + 1, _Trimmer(), False
                continue
            blank_before = line in (b"\n", b"\r\n")
            trimmer.feed(line[1:] if _FROM_QUOTED.match(line) else line)
        yield RawMail(f"{path.name}, message {n}", trimmer.result(), trimmer.size)


def _file_message(path: Path, where: str) -> RawMail:
    try:
        with open(path, "rb") as fh:
            data, size = trim(_lines(fh))
    except OSError as exc:
        raise MailProblem.worded("{where}: cannot be read ({reason})", where=where,
                                 reason=exc.strerror or exc) from None
    return RawMail(where, data, size)


def maildir_messages(folder: Path) -> Iterator[RawMail]:
    """Each message of a Maildir (its new/ and cur/ folders), in name order; nothing is moved."""
    folder = Path(folder)
    if not (folder / "cur").is_dir() or not (folder / "new").is_dir():
        raise MailProblem.worded("{folder} is not a Maildir (it has no cur and new folders); give the Maildir folder "
                                 "itself, or use --eml for a folder of .eml files, --mbox for an mbox file",
                                 folder=folder)
    for sub in ("new", "cur"):
        for path in sorted(p for p in (folder / sub).iterdir() if p.is_file() and not p.name.startswith(".")):
            yield _file_message(path, f"{sub}/{path.name}")


def eml_messages(folder: Path) -> Iterator[RawMail]:
    """Each .eml file of a folder, in name order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise MailProblem.worded("{folder} is not a folder; --eml takes the folder that holds your .eml files",
                                 folder=folder)
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".eml" and p.is_file())
    if not paths:
        raise MailProblem.worded("{folder} holds no .eml files; save the messages there (drag them out of your mail "
                                 "program), or use --mbox / --maildir", folder=folder)
    for path in paths:
        yield _file_message(path, path.name)


@dataclass(frozen=True)
class ImapAccount:
    host: str
    user: str
    password: str
    port: int = 0
    folder: str = "INBOX"
    tls: bool = True
    cafile: str = ""


def imap_date(day: dt.date) -> str:
    """A date as IMAP's SEARCH wants it (English month names whatever the locale): 05-Mar-2026."""
    return f"{day.day:02d}-{_MONTHS[day.month - 1]}-{day.year}"


def _connect(account: ImapAccount) -> imaplib.IMAP4:
    where = f"{account.host}:{account.port or (993 if account.tls else 143)}"
    if not account.tls and account.host.lower() not in _LOCAL_HOSTS:
        raise MailProblem.worded("[inbox] tls = false: the password would cross the network in the clear to {where}; "
                                 "plain IMAP is only for a server on this computer (localhost); remove that line",
                                 where=where)
    try:
        if account.tls:
            context = ssl.create_default_context(cafile=account.cafile or None)
            return imaplib.IMAP4_SSL(account.host, account.port or 993, ssl_context=context, timeout=IMAP_TIMEOUT)
        return imaplib.IMAP4(account.host, account.port or 143, timeout=IMAP_TIMEOUT)
    except ssl.SSLCertVerificationError as exc:
        raise MailProblem.worded("{where}: the server's certificate was not accepted ({reason}); if it is your own "
                                 "server, set [inbox] cafile to its certificate", where=where,
                                 reason=exc.verify_message) from None
    except (ssl.SSLError, imaplib.IMAP4.error) as exc:
        raise MailProblem.worded("{where}: no secure connection ({reason}); check [inbox] host and port (IMAPS is "
                                 "usually port 993)", where=where, reason=exc) from None
    except FileNotFoundError:
        raise MailProblem.worded("[inbox] cafile {path}: no such file", path=account.cafile) from None
    except (socket.gaierror, OSError) as exc:
        raise MailProblem.worded("{where}: the mail server cannot be reached ({reason}); check [inbox] host and "
                                 "port in followup.toml and your connection", where=where,
                                 reason=getattr(exc, "strerror", None) or exc) from None


_FETCHED = re.compile(rb"UID (\d+)")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


def imap_messages(account: ImapAccount, since: dt.date | None) -> Iterator[RawMail]:
    """The messages of the account's folder (since `since`), read-only: the folder is EXAMINEd,
    bodies are fetched with BODY.PEEK, no flag is changed."""
    conn = _connect(account)
    try:
        try:
            conn.login(account.user, account.password)
        except imaplib.IMAP4.error:
            raise MailProblem.worded("{host}: the server refused user {user} with that password; check the password "
                                     "in your keyring (or FOLLOWUP_IMAP_PASSWORD) and [inbox] user",
                                     host=account.host, user=repr(account.user)) from None
        typ, _ = conn.select(_quoted(account.folder), readonly=True)    # EXAMINE
        if typ != "OK":
            raise MailProblem.worded("{host}: no folder {folder}; set [inbox] folder to one that exists",
                                     host=account.host, folder=repr(account.folder))
        criteria = ("SINCE", imap_date(since)) if since else ("ALL",)
        typ, found = conn.uid("SEARCH", *criteria)
        uids = found[0].split() if typ == "OK" and found and found[0] else []
        log.info("IMAP %s: %d message(s)", account.folder, len(uids))
        for start in range(0, len(uids), IMAP_BATCH):
            batch = b",".join(uids[start:start + IMAP_BATCH]).decode("ascii")
            typ, data = conn.uid("FETCH", batch, f"(RFC822.SIZE BODY.PEEK[]<0.{IMAP_FETCH}>)")
            if typ != "OK":
                raise MailProblem.worded("{host}: the server would not send messages {batch}", host=account.host,
                                         batch=batch)
            for item in data:
                if not isinstance(item, tuple):
                    continue
                head, body = item
                uid, size = _FETCHED.search(head), _SIZE.search(head)
                data_bytes, _ = trim(body.splitlines(keepends=True))
                yield RawMail(f"IMAP {account.folder}, UID {uid.group(1).decode() if uid else '?'}", data_bytes,
                              int(size.group(1)) if size else len(body))
    except MailProblem:
        raise
    except (OSError, imaplib.IMAP4.abort) as exc:
        raise MailProblem.worded("{host}: the connection broke off ({reason}); nothing was written; try again",
                                 host=account.host, reason=exc) from None
    finally:
        try:
            conn.logout()
        except (OSError, imaplib.IMAP4.error):
            pass


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- parsing one message --------------------------------------------------------------------------

def _clean(text: str) -> str:
    """Header or body text with undecodable bytes (8-bit headers) read as UTF-8, else cp1252."""
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    raw = text.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def _raw_header(msg: Message, name: str) -> str | None:
    items = msg.raw_items() if isinstance(msg, EmailMessage) else msg.items()
    return next((str(v) for k, v in items if k.lower() == name.lower()), None)


def _header(msg: Message, name: str) -> str:
    """A header's text; a header the strict parser rejects, or that holds raw 8-bit bytes (which
    it would turn into U+FFFD), is decoded the lenient way: UTF-8, else cp1252."""
    try:
        value = msg.get(name)
        if value is None:
            return ""
        if "\ufffd" not in str(value):
            return " ".join(_clean(str(value)).split())
    except Exception:   # a malformed header (bad encoded words, broken address lists)
        pass
    raw = _raw_header(msg, name)
    if raw is None:
        return ""
    raw = _clean(raw)
    try:
        text = str(email.header.make_header(email.header.decode_header(str(raw))))
    except Exception:   # beyond repair: the raw text
        text = str(raw)
    return " ".join(_clean(text).split())


_ADDRESS = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+")


def _sender(msg: Message) -> tuple[str, str]:
    text = _header(msg, "From")
    name, address = email.utils.parseaddr(text)
    if not _ADDRESS.fullmatch(address.strip()):
        # some mailers encode the whole From header, the address inside, as one encoded word:
        # decoded first, it reads as any other ('"Lumière SA" <jobs@...>')
        raw = _raw_header(msg, "From") or ""
        try:
            decoded = str(email.header.make_header(email.header.decode_header(raw)))
        except Exception:   # beyond repair: what the first reading gave
            decoded = ""
        again = email.utils.parseaddr(" ".join(_clean(decoded).split()))
        if _ADDRESS.fullmatch(again[1].strip()):
            name, address = again
    return name.strip().strip('"'), address.strip().lower()


def _date(msg: Message) -> dt.datetime | None:
    text = _header(msg, "Date")
    try:
        return email.utils.parsedate_to_datetime(text) if text else None
    except (TypeError, ValueError, IndexError):
        return None


_NO_REPLY = re.compile(r"(?:^|[._+-])(?:no-?reply|do-?not-?reply|donotreply|notifications?|mailer-daemon|postmaster|"
                       r"auto-?confirm|automated|bounce"
                       # "do not reply" in the languages the reader knows: naoresponda, no-responder, ne-pas-repondre,
                       # nicht-antworten, niet-beantwoorden, non-rispondere, nie-odpowiadaj
                       r"|n[aã]o-?respond[ae]|no-?respond(?:er|a)|ne-?pas-?repondre|nepasrepondre|nicht-?antworten"
                       r"|niet-?beantwoorden|non-?rispondere|nie-?odpowiadaj)(?:$|[._+-])")


def _automated(msg: Message, address: str) -> bool:
    auto = _header(msg, "Auto-Submitted").lower()
    if auto and auto != "no":
        return True
    if _header(msg, "X-Autoreply") or _header(msg, "X-Autorespond"):
        return True
    return _NO_REPLY.search(address.partition("@")[0]) is not None


def _bulk(msg: Message) -> bool:
    precedence = _header(msg, "Precedence").lower()
    return precedence in ("bulk", "list", "junk") or bool(_header(msg, "List-Id") or _header(msg, "List-Unsubscribe"))


def _part_text(part: Message) -> str:
    try:
        raw = part.get_payload(decode=True)
    except (LookupError, ValueError, AssertionError):   # a broken transfer encoding
        raw = None
    if not isinstance(raw, bytes):
        content = part.get_payload()
        return _clean(content) if isinstance(content, str) else ""
    return _clean(decoded(raw, part.get_content_charset()))


# Charsets that give a letter for every byte: a text in another charset still "decodes" in them
_SINGLE_BYTE = re.compile(r"^(?:iso8859-\d+|cp12\d\d|cp437|cp850|koi8-\w|mac-\w+|ascii)$")


def decoded(raw: bytes, declared: str | None) -> str:
    """A text part's bytes as text, the charset it declares taken when it reads them, else the one
    they are in: UTF-8 sent as Latin-1 or windows-1252 (which read any bytes, wrongly), Latin-1,
    EUC-KR or GB2312 sent as UTF-8, 8-bit text sent as ASCII (charset-normalizer guesses which)."""
    codec = ""
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = ""
    if codec:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            text = None
        if text is not None and not (_SINGLE_BYTE.match(codec) and not raw.isascii() and _is_utf8(raw)):
            return text
    if _is_utf8(raw):
        return raw.decode("utf-8")
    from charset_normalizer import from_bytes  # loaded with the first part its charset does not read
    best = from_bytes(raw).best()
    return str(best) if best is not None else raw.decode("utf-8", "replace")


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def html_text(html: str) -> str:
    """The words of an HTML body; scripts and styles dropped, nothing fetched."""
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head", "title"]):
        tag.decompose()
    return soup.get_text(" ")


CANCELLED = dt.date.min   # what _invitation_days gives for an event called off


def _invitation_days(data: bytes) -> list[dt.date]:
    """The days of an attached calendar's events; [CANCELLED] when it calls them off."""
    import icalendar
    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception:   # a calendar icalendar cannot read: no date from it
        return []
    if str(cal.get("METHOD", "")).upper() == "CANCEL" or \
            any(str(e.get("STATUS", "")).upper() == "CANCELLED" for e in cal.walk("VEVENT")):
        return [CANCELLED]
    days = []
    for event in cal.walk("VEVENT"):
        start = event.get("DTSTART")
        value = getattr(start, "dt", None)
        if isinstance(value, dt.datetime):
            days.append(value.date())
        elif isinstance(value, dt.date):
            days.append(value)
    return days


def _is_calendar(part: Message) -> bool:
    name = (part.get_filename() or "").lower() if _safe(part.get_filename) else ""
    return part.get_content_type() == "text/calendar" or name.endswith(".ics")


def _safe(call) -> bool:
    try:
        call()
        return True
    except Exception:   # a malformed Content-Disposition
        return False


def _attachment_names(msg: Message) -> tuple[str, ...]:
    names = []
    for part in msg.walk():
        if not part.is_multipart() and not _is_calendar(part) and _safe(part.get_filename):
            name = part.get_filename()
            if name:
                names.append(_clean(str(name))[:120])
    return tuple(names)


def _to_self(msg: Message, address: str) -> bool:
    """Whether the sender is among the recipients: a message the user sent themselves (a forward
    kept as a note), never one from an employer."""
    if not address:
        return False
    try:
        recipients = email.utils.getaddresses([_header(msg, "To"), _header(msg, "Cc")])
    except Exception:   # a malformed recipient header: not the user's own
        return False
    return any(a.strip().lower() == address for _, a in recipients)


def _body(msg: Message) -> tuple[str, list[dt.date]]:
    plain: list[str] = []
    html: list[str] = []
    days: list[dt.date] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        if _is_calendar(part):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                days += _invitation_days(payload)
            continue
        disposition = (part.get_content_disposition() or "") if _safe(part.get_content_disposition) else ""
        if disposition == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain":
            plain.append(_part_text(part))
        elif kind == "text/html":
            html.append(_part_text(part))
    text = "\n".join(plain) if any(t.strip() for t in plain) else "\n".join(html_text(h) for h in html)
    return text[:TEXT_LIMIT], days


def parse_mail(raw: RawMail) -> Mail:
    """One message as classification sees it. Malformed headers and unknown charsets are read
    leniently; a message a parser still fails on raises MailProblem naming it."""
    try:
        msg = email.message_from_bytes(raw.data, policy=email.policy.default)
        name, address = _sender(msg)
        text, days = _body(msg)
        return Mail(where=raw.where, message_id=_header(msg, "Message-ID"), sender_name=name,
                    sender_address=address, subject=_header(msg, "Subject"), date=_date(msg), text=text,
                    invitations=tuple(d for d in days if d != CANCELLED), cancelled=CANCELLED in days,
                    attachments=_attachment_names(msg), to_self=_to_self(msg, address),
                    automated=_automated(msg, address), bulk=_bulk(msg), size=raw.size,
                    defects=tuple(type(d).__name__ for d in msg.defects))
    except MailProblem:
        raise
    except Exception as exc:   # any parser's failure on this message: named, so it can be moved aside
        raise MailProblem.worded("{where}: this message could not be read ({reason}); move it out of the mailbox, "
                                 "or add --skip-unreadable to leave it out", where=raw.where,
                                 reason=f"{type(exc).__name__}: {exc}") from None
