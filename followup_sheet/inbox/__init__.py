"""Inbox awareness: the user's mail -> the changes it implies for the tracker's own columns
(Response, Stage, Last contact), proposed for the user to confirm; `apply_inbox` writes them
through refresh's lossless writer.

    mailsource (read mail) -> classify (what it is) -> match (which row) -> propose (this module)
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..catalogue import Worded, Words, in_language
from ..errors import BadSettings, said_in
from ..markrules import ADDED_HEADERS, Change, stage_word
from ..plan import stage_of, word_list
from ..settings import Settings
from ..status import Status
from . import words as W
from .classify import NEWSLETTER, REPLY, Classified, classify, is_platform, passed_on
from .mailsource import (
    ImapAccount,
    Mail,
    MailProblem,
    RawMail,
    eml_messages,
    imap_messages,
    maildir_messages,
    mbox_messages,
    parse_mail,
)
from .match import MAYBE, SURE, Match, Row, company_words, guess_application, match, names_several

log = logging.getLogger(__name__)

SOURCES = ("mbox", "maildir", "eml", "imap")
PASSWORD_VARIABLE = "FOLLOWUP_IMAP_PASSWORD"
KEYRING_SERVICE = "followup-sheet"
PROGRESS_EVERY = 500
# The stage each kind of message moves a row to, and how far along each stage is: a message never
# moves a row back (an invitation after a rejection changes nothing).
KIND_STAGE = {W.REJECTION: "closed", W.OFFER: "offer", W.INTERVIEW: "interviewing"}
# What the inbox writes into the user's cells: English keys, said in the tracker's language from the
# catalogues' [inbox] section (each translation is read back by the next refresh as the same stage,
# automatic reply or day of return: tests/test_inbox_languages.py).
OWN_WORD = {"closed": "Rejected", "offer": "Offer", "interviewing": "Interview"}
STAGE_RANK = {"not_applied": 0, "applied": 0, "interviewing": 1, "offer": 2, "closed": 3}
REPLY_TEXT = "Reply by e-mail from {sender}"
AWAY_TEXT = "Out of office until {day}"    # the day as YYYY-MM-DD in every language: the next refresh reads it
INTERVIEW_TEXT = "Interview on {day}"
RESPONSE_TEXT = {
    W.CONFIRMATION: "Automatic confirmation (e-mail)",
    W.REJECTION: "Rejection (e-mail)",
    W.OFFER: "Offer (e-mail)",
    W.INTERVIEW: "Interview invitation (e-mail)",
}
KIND_NAMES = {W.CONFIRMATION: "automatic confirmation", W.REJECTION: "rejection", W.OFFER: "offer",
              W.INTERVIEW: "interview invitation", W.RECRUITER: "recruiter outreach", REPLY: "reply from a person",
              W.AWAY: "out-of-office reply",
              "newsletter": "newsletter or list mail", "other": "nothing for the tracker"}


@dataclass(frozen=True)
class MailSource:
    kind: str                 # one of SOURCES
    path: Path | None = None  # the mbox file, the Maildir or the folder of .eml files

    def __str__(self) -> str:
        return f"{self.kind} {self.path}" if self.path else self.kind


@dataclass(frozen=True)
class Proposal:
    """One cell the mail would change."""
    sheet: str
    row: int
    company: str
    field: str
    column: str          # the column's header and letter, or "new column 'Response'"
    old: Any
    new: Any
    day: dt.date | None  # the message's date
    subject: str
    kind: str
    confidence: int

    adds_row: bool = False   # a cell of a row added for an application the tracker lacks (--add-missing)

    def change(self) -> Change:
        return Change(self.sheet, self.row, self.field, self.old, self.new, adds_row=self.adds_row)


@dataclass(frozen=True)
class Listed:
    """A message shown but not applied: ambiguous, or about an application the tracker lacks."""
    day: dt.date | None
    subject: str
    sender: str
    kind: str
    note: str
    company: str = ""     # the company the message names (an application the tracker lacks)
    position: str = ""


@dataclass
class InboxReport:
    source: str
    since: dt.date | None
    read: int = 0
    before_since: int = 0
    kinds: Counter = field(default_factory=Counter)
    matched: int = 0
    proposals: list[Proposal] = field(default_factory=list)
    ambiguous: list[Listed] = field(default_factory=list)
    missing: list[Listed] = field(default_factory=list)
    also: list[Listed] = field(default_factory=list)     # read for a row, but a newer or stronger message decides
    unreadable: list[str] = field(default_factory=list)
    largest: int = 0     # bytes, the largest message read
    notes: list[str] = field(default_factory=list)
    language: str = "en"  # the run's: the notes, and what the command line says of the report

    def words(self) -> Words:
        return Words(self.language, "inbox")


# -- where the mail comes from ----------------------------------------------------------------------

def imap_password(settings: Settings, environ: dict[str, str] | None = None) -> str:
    """The IMAP password: the system keyring's (service 'followup-sheet', user USER@HOST) when
    the keyring package is installed and holds one, else FOLLOWUP_IMAP_PASSWORD. Never a setting."""
    account = f"{settings.imap_user}@{settings.imap_host}"
    try:
        import keyring
        secret = keyring.get_password(KEYRING_SERVICE, account)
    except Exception:   # no keyring package, or no keyring backend on this system
        secret = None
    if secret:
        return secret
    environ = dict(os.environ) if environ is None else environ
    secret = environ.get(PASSWORD_VARIABLE, "")
    if not secret:
        raise BadSettings.worded("no password for {account}: store it in your system keyring ({command}) or set "
                                 "{variable}; it is never read from followup.toml", account=account,
                                 command=f"keyring set {KEYRING_SERVICE} {account}", variable=PASSWORD_VARIABLE)
    return secret


def imap_account(settings: Settings, password: str) -> ImapAccount:
    if not settings.imap_host or not settings.imap_user:
        raise BadSettings.worded("--imap needs [inbox] host and user in followup.toml, e.g.{example}",
                                 example="\n  [inbox]\n  host = \"imap.example.com\"\n  user = \"you@example.com\"\n"
                                         "  folder = \"INBOX\"")
    return ImapAccount(host=settings.imap_host, user=settings.imap_user, password=password, port=settings.imap_port,
                       folder=settings.imap_folder, tls=settings.imap_tls, cafile=settings.imap_cafile)


def watched_source(settings: Settings, workbook: Path) -> MailSource:
    """The mail `watch` looks at once a day: the `[inbox]` mbox, maildir or eml path (one of them;
    a relative path is taken from the workbook's folder), else the IMAP account."""
    paths = [(kind, getattr(settings, f"inbox_{kind}")) for kind in ("mbox", "maildir", "eml")]
    given = [(kind, value) for kind, value in paths if value]
    if len(given) > 1:
        raise BadSettings.worded("[inbox] sets {names}: give the one mailbox watch should read",
                                 names=", ".join(k for k, _ in given))
    if given:
        kind, value = given[0]
        path = Path(value).expanduser()
        return MailSource(kind, path if path.is_absolute() else Path(workbook).parent / path)
    if settings.imap_host and settings.imap_user:
        return MailSource("imap")
    raise BadSettings.worded("[inbox] watch = true needs a mailbox: set [inbox] mbox, maildir or eml to a path, or "
                             "host and user for IMAP, in followup.toml")


def raw_messages(source: MailSource, settings: Settings, since: dt.date | None,
                 password: str | None = None) -> Iterator[RawMail]:
    if source.kind == "imap":
        return imap_messages(imap_account(settings, password or imap_password(settings)), since)
    if source.path is None:
        raise BadSettings(f"--{source.kind} needs a path")
    readers = {"mbox": mbox_messages, "maildir": maildir_messages, "eml": eml_messages}
    return readers[source.kind](source.path)


# -- the tracker's side -----------------------------------------------------------------------------

@dataclass
class _Sheet:
    sheet: str
    frame: pd.DataFrame
    headers: dict[str, str]      # field -> "'Stage' (column D)"
    can_add: bool                # a free column is there for a field the sheet lacks
    grid: list[list[Any]] = field(default_factory=list, repr=False)   # the sheet's values from A1


def _rows(sheets: list[_Sheet]) -> list[Row]:
    rows = []
    for s in sheets:
        f = s.frame
        emails = f["contact_email"] if "contact_email" in f.columns else pd.Series("", index=f.index)
        people = f["contact"] if "contact" in f.columns else pd.Series("", index=f.index)
        for row, company, position, address, person in zip(f.index, f["company"], f["position"], emails, people):
            rows.append(Row(s.sheet, int(row), str(company or ""), str(position or ""), str(address or ""),
                            str(person or "")))
    return rows


def oldest_open(outcomes: list) -> dt.date | None:
    """The day the oldest application still open was made (or last heard of): mail before it is
    about nothing the tracker still waits for."""
    days = []
    for o in outcomes:
        open_rows = ~o.plan["status"].isin([Status.CLOSED.value, Status.NOT_APPLIED.value])
        f = o.tracker.frame.loc[open_rows[open_rows].index]
        base = f["applied_on"].fillna(f["last_contact"]) if len(f) else pd.Series(dtype="datetime64[ns]")
        days += [pd.Timestamp(d).date() for d in base.dropna()]
    return min(days) if days else None


# -- the proposals ----------------------------------------------------------------------------------

def _next_business_day(day: dt.date, settings: Settings) -> dt.date:
    cal = np.busdaycalendar(holidays=np.array(settings.holidays, dtype="datetime64[D]"))
    return np.busday_offset(np.datetime64(day, "D"), 1, roll="backward", busdaycal=cal).astype(dt.date)


def _blank(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def _day(value: Any) -> dt.date | None:
    return None if _blank(value) else pd.Timestamp(value).date()


def _sender(mail: Mail) -> str:
    name = " ".join(mail.sender_name.split())[:60]
    return name or mail.sender_address or "(no sender)"


CONFIRMATION_DAYS = 7   # an automatic confirmation comes within days of applying


def _prompt(mail: Mail, applied: dt.date | None) -> bool:
    """Whether a confirmation can be the automatic one: sent by a system (a tracking system, an
    automatic sender), or within CONFIRMATION_DAYS of applying. A person's "thank you for your
    application" weeks later opens a reply of another kind ("... the position was filled
    internally"), never an automatic confirmation."""
    if mail.automated or is_platform(mail.domain) or applied is None or mail.date is None:
        return True
    return (mail.date.date() - applied).days <= CONFIRMATION_DAYS


def _interview_ahead(new: dict[str, tuple[Any, Mail, Classified, Match]], day: dt.date | None) -> bool:
    """Whether the Response proposed so far notes an interview on or after `day` (a later message's):
    an automatic message (an out-of-office reply, an acknowledgement) never drops that day."""
    if "response" not in new:
        return False
    what = new["response"][2]
    return what.kind == W.INTERVIEW and what.interview_on is not None and (day is None or what.interview_on >= day)


# A stage word that names one round ("Phone screen", "Tweede gesprek", "2차 면접", "最終面接"), or a meeting
# already held ("Gesprek gehad", "面接済み"), is not the word for an invitation to one: the inbox writes the
# column's general word, else its own.
_ROUND = re.compile(r"\b(?:phone|telephone|video|screen\w*|first|second|third|final|last|1st|2nd|3rd|tweede|derde"
                    r"|done|held|had|gehad|geweest|gehabt|geführt|fait|passé|hecha|realizad\w*|fatto|svolto|feita"
                    r"|odbyt\w*|odbyła|odbył"
                    r"|eerste|laatste|zweite|dritte|erste|letzte|deuxième|premier|première|segund\w*|tercer\w*|primer\w*"
                    r"|final\w*|secondo|seconda|terzo|primo|ultimo|drug\w*|trzeci\w*|pierwsz\w*|ostatni\w*|telefon\w*)\b"
                    r"|[1-3]\s*[차次]|[一二三]次|最終|최종|済|완료", re.IGNORECASE)


def _no_round(word: str) -> bool:
    return _ROUND.search(word) is None


def _row_changes(s: _Sheet, row: int, messages: list[tuple[Mail, Classified, Match]],
                 settings: Settings) -> dict[str, tuple[Any, Mail, Classified, Match]]:
    """The fields the row's messages change (field -> new value and the message that decided
    it), the messages taken oldest first."""
    r = s.frame.loc[row]
    written = Words(settings.language or "en", "inbox")
    stage = stage_of(f"{r['stage']} {r['response']}", settings)
    last = _day(r["last_contact"])
    response_free = _blank(r["response"]) or word_list(settings.autoresponse_words).holds(r["response"])
    new: dict[str, tuple[Any, Mail, Classified, Match]] = {}
    for mail, what, found in sorted(messages, key=lambda m: m[0].date or dt.datetime.min.replace(tzinfo=dt.UTC)):
        day = mail.date.date() if mail.date else None
        target = KIND_STAGE.get(what.kind)
        if target and STAGE_RANK[target] > STAGE_RANK[stage]:
            stage = target
            if "stage" not in s.headers and "response" in s.headers:   # the response column then says it
                new["response"] = (written(RESPONSE_TEXT[what.kind]), mail, what, found)
            else:
                own = written(OWN_WORD[target])
                new["stage"] = (stage_word(target, s.frame["stage"], settings, own, means=_no_round), mail, what, found)
        elif what.kind == W.CONFIRMATION and STAGE_RANK[stage] == 0 and _blank(r["response"]) \
                and "response" not in new and _prompt(mail, _day(r["applied_on"])):
            # (an acknowledgement after a person's reply, an invitation or an away note says less than they do)
            new["response"] = (written(RESPONSE_TEXT[W.CONFIRMATION]), mail, what, found)
        if what.kind == W.INTERVIEW and what.interview_on is not None and stage == "interviewing":
            # the thank-you waits for the interview; a later message that moves it (a reschedule) moves it
            # too: in Follow Up On, else in a Response the user has not written, which the next refresh reads
            if "pinned" in s.headers:
                new["pinned"] = (_next_business_day(what.interview_on, settings), mail, what, found)
            elif response_free:     # (a new Response column when the sheet has none, as for a confirmation)
                new["response"] = (written(INTERVIEW_TEXT, day=f"{what.interview_on:%Y-%m-%d}"), mail, what, found)
        if what.kind == W.AWAY and what.back_on is not None and (day is None or what.back_on > day):
            # away until a day: the next follow-up waits for it (a pinned date, else the Response
            # says it, which the next refresh reads as the day they are back); not their contact
            cal = np.busdaycalendar(holidays=np.array(settings.holidays, dtype="datetime64[D]"))
            back = np.busday_offset(np.datetime64(what.back_on, "D"), 0, roll="forward", busdaycal=cal).astype(dt.date)
            if "pinned" in s.headers:
                # the later of the row's day and one an earlier message set (an interview's thank-you)
                pinned = new["pinned"][0] if "pinned" in new else _day(r["pinned"])
                if pinned is None or pinned < back:
                    new["pinned"] = (back, mail, what, found)
            elif response_free and STAGE_RANK[stage] < STAGE_RANK["closed"] and not _interview_ahead(new, day):
                new["response"] = (written(AWAY_TEXT, day=f"{what.back_on:%Y-%m-%d}"), mail, what, found)
        if what.kind in (*KIND_STAGE, REPLY, W.RECRUITER) and day is not None and (last is None or day > last):
            last = day
            new["last_contact"] = (day, mail, what, found)
            # the interview's day stays, and so does a day of return still ahead
            dated = "response" in new and (new["response"][2].kind == W.INTERVIEW or (
                new["response"][2].kind == W.AWAY and new["response"][2].back_on is not None
                and new["response"][2].back_on > day))
            if what.kind in (REPLY, W.RECRUITER) and response_free and not dated:
                new["response"] = (written(REPLY_TEXT, sender=_sender(mail)), mail, what, found)
    if "last_contact" in new and "last_contact" not in s.headers:
        del new["last_contact"]   # an employer's e-mail is not the user's follow-up: no Last Follow-up column for it
    return new


def propose(sheets: list[_Sheet], matched: dict[tuple[str, int], list[tuple[Mail, Classified, Match]]],
            settings: Settings, also: list[Listed] | None = None) -> list[Proposal]:
    """The cells the matched messages change; each message of a row that decides none of them (an
    acknowledgement before a recruiter's call, an invitation before its reschedule: the newest event
    decides) goes into `also`, so the report still shows everything that was read for the row."""
    by_name = {s.sheet: s for s in sheets}
    w = Words(settings.language or "en", "inbox")
    out = []
    for (sheet, row), messages in sorted(matched.items()):
        s = by_name[sheet]
        changes = _row_changes(s, row, messages, settings)
        deciding = {id(mail) for _, mail, _, _ in changes.values()}
        for mail, what, _ in sorted(messages, key=lambda m: m[0].date or dt.datetime.min.replace(tzinfo=dt.UTC)):
            if also is not None and id(mail) not in deciding:
                also.append(Listed(mail.date.date() if mail.date else None, mail.subject, _sender(mail), what.kind,
                                   w("row {row} {company}", row=row, company=s.frame.at[row, "company"]),
                                   str(s.frame.at[row, "company"])))
        for fld, (value, mail, what, found) in changes.items():
            old = s.frame.at[row, fld]
            old = "" if _blank(old) else _day(old) if fld in ("last_contact", "pinned") else old
            if old == value:
                continue
            column = s.headers.get(fld) or Words(settings.language or "en", "inbox")(
                "new column {header}", header=repr(ADDED_HEADERS[fld]))
            out.append(Proposal(sheet, row, str(s.frame.at[row, "company"]), fld, column, old, value,
                                mail.date.date() if mail.date else None, mail.subject, what.kind, found.confidence))
    return out


def _guess_company(mail: Mail) -> str:
    """Where a message came from, as evidence in a listing (the sender's domain shows a look-alike);
    the company a new row gets is match.guess_application's."""
    if mail.sender_name and is_platform(mail.domain):
        return mail.sender_name
    if mail.domain and not is_platform(mail.domain) and mail.domain not in W.FREE_MAIL:
        return mail.domain
    return mail.sender_name or mail.sender_address or "unknown sender"


# Rows the tracker lacks: only an automatic confirmation shows that the user applied (an invitation or
# a rejection about an application nobody recorded may be a look-alike, and stays listed).
ADDS_ROWS_FOR = (W.CONFIRMATION,)


def new_rows(s: _Sheet, report: InboxReport) -> list[Proposal]:
    """A row below the last application of sheet `s` for each company that sent an automatic
    confirmation the tracker has no row for (the oldest message per company): Company, Position
    when the message names one and the sheet has the column, the day it came as Date Applied
    (else Last contact) and 'Automatic confirmation (e-mail)' as Response, in columns the sheet
    has. Only rows that are empty in every cell are used; the first row that is not stops it
    (said in the report's notes): nothing of the user's is moved or written over."""
    known = {company_words(str(c)) for c in s.frame["company"] if str(c).strip()}
    wanted: dict[tuple[str, ...], Listed] = {}
    for m in sorted((m for m in report.missing if m.kind in ADDS_ROWS_FOR and m.company),
                    key=lambda m: m.day or dt.date.max):
        key = company_words(m.company)
        if key and key not in known and key not in wanted:
            wanted[key] = m
    if not wanted:
        return []
    day_field = "applied_on" if "applied_on" in s.headers else "last_contact" if "last_contact" in s.headers else ""
    row = int(s.frame.index.max()) + 1 if len(s.frame) else 2
    out: list[Proposal] = []
    for added, m in enumerate(wanted.values()):
        taken = row <= len(s.grid) and any(not _blank(v) for v in s.grid[row - 1])
        if taken:
            report.notes.append(report.words().count(
                "{sheet} row {row} is not empty, so {n} application(s) from your mail were not added (from "
                "{company} on); add them by hand, or make room below your last application",
                "{sheet} row {row} is not empty, so {n} application(s) from your mail were not added (from "
                "{company} on); add them by hand, or make room below your last application",
                len(wanted) - added, sheet=repr(s.sheet), row=row, company=repr(m.company)))
            break
        values = {"company": m.company, "position": m.position if "position" in s.headers else "",
                  day_field: m.day if day_field and m.day else "",
                  "response": report.words()(RESPONSE_TEXT[m.kind]) if "response" in s.headers else ""}
        for fld, value in values.items():
            if fld and value != "":
                out.append(Proposal(s.sheet, row, m.company, fld, s.headers[fld] if fld in s.headers else fld, "",
                                    value, m.day, m.subject, m.kind, 100, adds_row=True))
        row += 1
    return out


# -- the whole scan ---------------------------------------------------------------------------------

def scan_inbox(tracker: Path, source: MailSource, *, today: dt.date, sheet: str | None = None,
               config: Path | None = None, settings: Settings | None = None, password: str | None = None,
               skip_unreadable: bool = False, progress: Callable[[int], None] | None = None,
               add_missing: bool = False, language: str | None = None) -> InboxReport:
    """Read the mail of `source` (only what came since the oldest open application), classify
    each message, match it to the tracker's rows and propose the changes; nothing is written."""
    from ..pipeline import can_add_columns, compute
    outcomes, _, settings = compute(Path(tracker), today=today, sheet=sheet, settings=settings, config=config,
                                    language=language)
    w = Words(settings.language or "en", "inbox")
    sheets = []
    for o in outcomes:
        t = o.tracker
        headers = {f: w("{header} (column {letter})", header=repr(c.header), letter=c.letter)
                   for f, c in t.columns.items()}
        sheets.append(_Sheet(t.sheet, t.frame, headers, can_add_columns(t), t.layout.grid()))
    rows = _rows(sheets)
    since = oldest_open(outcomes)
    report = InboxReport(str(source), since, language=settings.language or "en")
    seen: set[str] = set()
    placing = _Placing(report)
    with said_in(report.language):   # a mailbox that cannot be read is said in the tracker's language
        for raw in raw_messages(source, settings, since, password):
            report.read += 1
            report.largest = max(report.largest, raw.size)
            if progress is not None and report.read % PROGRESS_EVERY == 0:
                progress(report.read)
            try:
                mail = parse_mail(raw)
            except MailProblem as exc:
                if not skip_unreadable:
                    raise
                report.unreadable.append(in_language(Worded(exc.wording, **exc.fields), report.language)
                                         if exc.wording else str(exc))
                continue
            if mail.message_id and mail.message_id in seen:
                continue
            seen.add(mail.message_id)
            if since is not None and mail.date is not None and mail.date.date() < since:
                report.before_since += 1
                continue
            mail = passed_on(mail)     # a company's forward: read as the message it passes on
            what = classify(mail)
            if what.for_tracker and mail.bulk and names_several(mail, rows):
                what = Classified(NEWSLETTER)     # a list mail from a job board that names several companies
            report.kinds[what.kind] += 1
            if not what.for_tracker:
                continue
            placing.take(mail, what, match(mail, rows))
    placing.finish(rows)
    report.proposals = propose(sheets, placing.matched, settings, report.also)
    if add_missing and sheets:
        report.proposals += new_rows(sheets[0], report)
    for s in sheets:
        if not s.can_add:
            report.notes.append(w("{sheet} has no free column for a field it lacks (Stage, Response); such "
                                  "changes are left out", sheet=repr(s.sheet)))
    log.info("inbox: %d message(s) read, %d matched", report.read, report.matched)
    return report


@dataclass
class _Placing:
    """The messages placed on their rows, listed, or kept until the whole mailbox is read: a message
    about no sure row from a sender (or a company domain, never a mail service's) whose other
    messages were surely about one row is about that row too (an out-of-office reply signed "Sato"
    after an invitation signed with the company)."""
    report: InboxReport
    matched: dict[tuple[str, int], list[tuple[Mail, Classified, Match]]] = field(default_factory=dict)
    later: list[tuple[Mail, Classified, Match]] = field(default_factory=list)   # kept without their text
    senders: dict[str, set[tuple[str, int]]] = field(default_factory=dict)     # address -> the rows it was sure of

    def take(self, mail: Mail, what: Classified, found: Match) -> None:
        own_address = bool(mail.sender_address) and not is_platform(mail.domain)
        if found.row is None and own_address:
            self.later.append((replace(mail, text=""), what, found))
            return
        if found.row is not None and own_address:
            for key in (mail.sender_address, *(("@" + mail.domain,) if mail.domain not in W.FREE_MAIL else ())):
                self.senders.setdefault(key, set()).add((found.row.sheet, found.row.row))
        _place(mail, what, found, self.report, self.matched)

    def finish(self, rows: list[Row]) -> None:
        by_key = {(r.sheet, r.row): r for r in rows}
        for mail, what, found in self.later:
            theirs = self.senders.get(mail.sender_address) or self.senders.get("@" + mail.domain, set())
            if len(theirs) == 1 and not found.other_position:   # (another opening of theirs stays listed)
                row = by_key[next(iter(theirs))]
                found = Match(row, SURE, f"the same sender (or company address) as a message matched to row {row.row}")
            _place(mail, what, found, self.report, self.matched)


def _place(mail: Mail, what: Classified, found: Match, report: InboxReport,
           matched: dict[tuple[str, int], list[tuple[Mail, Classified, Match]]]) -> None:
    day = mail.date.date() if mail.date else None
    w = report.words()
    if found.row is not None:
        report.matched += 1
        matched.setdefault((found.row.sheet, found.row.row), []).append((mail, what, found))
    elif found.ambiguous:
        rows = ", ".join(w("row {row} {company} ({confidence}%)", row=r.row, confidence=c,
                           company=r.company + (f" / {r.position}" if r.position else ""))
                         for r, c in found.candidates[:4])
        note = w("about another opening ({role}) than {rows}", role=found.other_position, rows=rows) \
            if found.other_position else w("could be {rows}", rows=rows)
        report.ambiguous.append(Listed(day, mail.subject, _sender(mail), what.kind, note))
    elif what.kind != REPLY and found.confidence < MAYBE:
        company, position = guess_application(mail)
        report.missing.append(Listed(day, mail.subject, _sender(mail), what.kind,
                                     w("from {sender}", sender=_guess_company(mail)), company, position))


def apply_inbox(tracker: Path, report: InboxReport, *, today: dt.date, sheet: str | None = None,
                config: Path | None = None, backup: bool = True, language: str | None = None) -> Any:
    """Write the report's proposals into the user's own cells, with a refresh in the same save
    (so the tool's columns and Today sheet follow), through the lossless writer and with a backup.
    Returns the refresh's result. The one place that hands changes to the writer."""
    from ..pipeline import refresh
    changes = tuple(p.change() for p in report.proposals)
    return refresh(Path(tracker), today=today, sheet=sheet, config=config, backup=backup, user_changes=changes,
                   language=language)
