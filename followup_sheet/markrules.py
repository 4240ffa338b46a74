"""Marks, the rules: what the user marked on the Today sheet (Done, Outcome) -> changes of the
tracker's own fields and entries for the Follow-up Log. Pure: no file format, no clock; the day
a mark counts for is the date typed into Done, else the day its Today sheet was built.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .businessdays import business_calendar, years_in_play
from .catalogue import Worded, catalogue, in_language, languages, outcome_words, say
from .plan import stage_of
from .settings import Settings
from .status import Outcome

FOLLOW_UPS = (Outcome.SPOKE, Outcome.VOICEMAIL, Outcome.EMAILED, Outcome.GOT_NAME, Outcome.DONE)
RETRIES = (Outcome.NO_ANSWER, Outcome.GATEKEEPER)
VOICEMAILS_BEFORE_EMAIL = 3
# the columns marks add when the tracker has none for the field (read.py knows these headers)
ADDED_HEADERS = {"last_contact": "Last Follow-up", "follow_ups": "Follow-ups", "pinned": "Snooze until",
                 "hiring_manager": "Hiring Manager", "stage": "Stage", "response": "Response"}
FIELD_NAMES = {"last_contact": "last contact", "follow_ups": "follow-ups", "pinned": "snooze until",
               "hiring_manager": "hiring manager", "stage": "stage", "response": "response"}
# The Follow-up Log's notes are written in the run's language (catalogue section `[fields]` for
# the field names a note's "field: old -> new" parts start with, read back by `marked_cells`);
# the separators ": ", " -> " and "; " and the dates (YYYY-MM-DD) are the same in every language.
FIELDS_SECTION = "fields"
EMPTY = "(empty)"
FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1), dt.date(2100, 12, 31)   # the dates the reader takes as meant
_DONE_WORDS = {"x", "✓", "✔", "yes", "y", "done", "ok", "true", "1"}


@dataclass(frozen=True)
class Mark:
    built: dt.date            # the day its Today sheet was built
    sheet: str                # the tracker sheet and row it points at
    row: int | None
    company: str
    position: str
    contact: str
    outcome: Outcome | None   # None: an Outcome the rules do not know
    outcome_text: str
    done: str                 # Done as typed (a date as YYYY-MM-DD)
    done_day: dt.date | None
    date: dt.date | None      # the Date column (call back on, interview on)
    name: str                 # the Name column (the hiring manager's name)
    where: str                # the Today sheet's row, for messages
    unsure: str = ""          # why the mark cannot be applied with certainty ("" when it can)
    typed: tuple[Any, ...] = ()   # Done, Outcome, Date, Name as read, to put back while the mark is kept
    from_copy: str = ""       # the user's copy of the Today sheet the mark was read from

    @property
    def day(self) -> dt.date:
        return self.done_day or self.built

    @property
    def key(self) -> str:
        return "|".join([f"{self.built:%Y-%m-%d}", f"{self.sheet}!{self.row or ''}", self.company, self.position,
                         self.outcome_text, self.done])


@dataclass(frozen=True)
class Change:
    sheet: str
    row: int
    field: str
    old: Any
    new: Any
    adds_row: bool = False    # the cell of a new application row (below the last one): inbox --add-missing


@dataclass
class MarksResult:
    changes: list[Change] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)    # new Follow-up Log rows
    problems: list[str] = field(default_factory=list)              # marks not applied, and why
    held: list[tuple[Mark, str]] = field(default_factory=list)     # marks kept for the next run, and why
    notes: list[str] = field(default_factory=list)                 # what was read where, columns added
    applied: int = 0
    email_next: dict[str, set[int]] = field(default_factory=dict)  # sheet -> rows on the e-mail script
    # sheet -> (row, field) -> the day of the mark that wrote that cell (which still holds it)
    marked: dict[str, dict[tuple[int, str], dt.date]] = field(default_factory=dict)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


_FORMATS = {"mdy": ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y", "%d.%m.%Y"),
            "dmy": ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y")}
_WORDED = ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")


def _as_date(value: Any, order: str = "mdy") -> dt.date | None:
    """A date typed into a mark's cell; a slashed date is read in `order` (mdy or dmy)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for fmt in _FORMATS.get(order, _FORMATS["mdy"]) + _WORDED:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _plain(text: str) -> str:
    """Text as outcomes are compared: case folded, apostrophes dropped, "e-mail" as "email",
    other punctuation as spaces."""
    low = text.casefold().replace("’", "'").replace("'", "")
    low = re.sub(r"(?<=\w)-(?=\w)", "", low)
    return " ".join(re.sub(r"[^\w]+", " ", low).split())


# Clear synonyms, matched as the whole text (after _plain): a word inside a longer note is no
# evidence ("Spoke - no interview yet" is not an interview), so nothing is matched by a part.
SYNONYMS: dict[Outcome, tuple[str, ...]] = {
    Outcome.SPOKE: ("spoke", "spoken", "spoke to them", "spoke with them", "talked", "talked to them",
                    "talked with them", "had a call", "reached them"),
    Outcome.VOICEMAIL: ("voicemail", "left a voicemail", "left vm", "vm", "lvm", "left a message", "left message",
                        "left voice mail", "voice mail"),
    Outcome.GATEKEEPER: ("gatekeeper", "reception", "receptionist", "front desk", "spoke to reception",
                         "spoke to the receptionist"),
    Outcome.EMAILED: ("email", "emailed", "email sent", "sent email", "sent an email", "sent a mail", "mailed",
                      "emailed them", "emailed recruiter", "emailed the recruiter"),
    Outcome.NO_ANSWER: ("no answer", "no pickup", "no pick up", "didnt pick up", "did not pick up",
                        "nobody answered", "no one answered", "rang out", "unanswered"),
    Outcome.CALL_BACK: ("call back", "callback", "call back later", "call them back", "asked me to call back"),
    Outcome.GOT_NAME: ("got the name", "got name", "got hiring manager name", "got the hiring manager name",
                       "hiring manager name", "got hiring managers name"),
    Outcome.NOT_INTERESTED: ("they are not interested", "theyre not interested", "rejected", "rejection",
                             "they said no", "turned down", "position filled", "role filled", "no longer hiring"),
    Outcome.INTERVIEW: ("interview", "got interview", "interview scheduled", "interview booked", "interview set",
                        "invited to interview", "interview invite"),
    Outcome.WITHDREW: ("withdrew", "withdrawn", "i withdrew my application", "withdrew my application",
                       "im not interested", "i am not interested", "i am no longer interested",
                       "im no longer interested"),
    Outcome.THEY_CALLED: ("they called", "they called me", "they called back", "they rang", "they rang me",
                          "they emailed me", "they emailed", "recruiter called", "recruiter called me",
                          "hr called", "hr called me", "missed their call"),
}


@functools.cache
def _sure() -> dict[str, Outcome]:
    """The outcome words read as one outcome for sure, in English and (from catalogues/*.toml)
    every other language; built on the first mark read, not at import: a refresh without typed
    marks never reads the ten catalogues."""
    sure: dict[str, Outcome] = {_plain(text): o for o in Outcome if o is not Outcome.DONE
                                for text in (o.value, *SYNONYMS.get(o, ()))}
    sure.update({_plain(text): Outcome(english) for text, english in outcome_words().items()
                 if _plain(text) not in sure})
    return sure


# words that point at an outcome, to say why a typed note is unsure (never to apply one)
_CUES = {Outcome.SPOKE: ("spoke", "talked"), Outcome.VOICEMAIL: ("voicemail", "vm", "message"),
         Outcome.GATEKEEPER: ("reception", "receptionist", "gatekeeper", "assistant"),
         Outcome.EMAILED: ("email", "emailed", "mail"),
         Outcome.NO_ANSWER: ("answer",), Outcome.CALL_BACK: ("callback", "call back"), Outcome.GOT_NAME: ("name",),
         Outcome.NOT_INTERESTED: ("interested", "rejected"), Outcome.INTERVIEW: ("interview",),
         Outcome.WITHDREW: ("withdrew", "withdrawn"), Outcome.THEY_CALLED: ("they called",)}
_NEGATION = re.compile(r"\b(?:no|not|never|nobody|none|without|didnt|dont|doesnt|wasnt|isnt|cant|couldnt|wont|nt)\b")


def read_outcome(text: str) -> tuple[Outcome | None, str]:
    """The outcome a typed Outcome cell means, or None and why it cannot be read with certainty:
    only the list's values and whole clear synonyms are read; negations, several outcomes and
    unknown phrases are not guessed."""
    plain = _plain(text)
    sure = _sure()
    if plain in sure:
        return sure[plain], ""
    named = [o.value for o, cues in _CUES.items() if any(re.search(rf"\b{c}\b", plain) for c in cues)]
    negation = _NEGATION.search(plain)
    why: Worded
    if negation:
        why = Worded("it says {word}, so it may mean the opposite of {outcome}", word=repr(negation.group(0)),
                     outcome=repr(named[0])) if named else Worded("it says {word}", word=repr(negation.group(0)))
    elif len(named) > 1:
        why = Worded("it names several outcomes ({names})", names=", ".join(named))
    else:
        why = Worded("it is not one of the list")
    return None, Worded("the Outcome {typed} cannot be read with certainty: {why}; pick one from the list",
                        typed=repr(text), why=why)


_TRACKER_ROW = re.compile(r"^'?(.*?)'?(?:!| row )\$?[A-Z]*\$?(\d+)$")


def _date_in_range(day: dt.date | None, raw: Any, cell: Worded) -> str:
    """Why a mark's date cannot be used ("" when it can): a year no one means (9999, 2300)."""
    if day is not None and not FIRST_DAY <= day <= LAST_DAY:
        return Worded("{cell} holds {day}, not a date you can mean; type the date like 2026-12-08", cell=cell,
                      day=day.isoformat())
    if day is None and _text(raw):
        return Worded("{cell} holds {typed}, not a date; type the date like 2026-12-08", cell=cell,
                      typed=repr(_text(raw)))
    return ""


def parse_marks(rows: list[dict[str, Any]], built: dt.date, today_sheet: str, order: str = "mdy",
                cells: dict[str, str] | None = None, copy: bool = False) -> list[Mark]:
    """The rows of the Today sheet with Done or Outcome filled, as marks; typed dates are read in
    `order` (mdy or dmy); `cells` gives the column letter of each key, to name a cell."""
    marks = []
    cells = cells or {}
    for r in rows:
        done_raw, outcome_text = r.get("done"), _text(r.get("outcome"))
        done_day = _as_date(done_raw, order)
        done = f"{done_day:%Y-%m-%d}" if done_day else _text(done_raw)
        if not done and not outcome_text:
            continue
        if done and not done_day and done.lower() not in _DONE_WORDS and not outcome_text:
            continue   # a note typed into Done, not a mark
        m = _TRACKER_ROW.match(_text(r.get("tracker_row")))
        outcome, unsure = read_outcome(outcome_text) if outcome_text else (Outcome.DONE, "")
        date = _as_date(r.get("date"), order)

        at = {key: Worded("{sheet} cell {cell}", sheet=repr(today_sheet), cell=f"{cells.get(key, '?')}{r['_row']}")
              for key in ("done", "date")}
        typed_date = r.get("date") not in (None, "")
        unsure = (unsure or _date_in_range(done_day, None, at["done"])
                  or (_date_in_range(date, r.get("date"), at["date"]) if typed_date else ""))
        if unsure:
            outcome = None
        marks.append(Mark(built=built, sheet=m.group(1).replace("''", "'") if m else "",
                          row=int(m.group(2)) if m else None, company=_text(r.get("company")),
                          position=_text(r.get("position")), contact=_text(r.get("contact")), outcome=outcome,
                          outcome_text=outcome_text, done=done, done_day=done_day,
                          date=date if date is not None and FIRST_DAY <= date <= LAST_DAY else None,
                          name=_text(r.get("name")),
                          where=Worded("{sheet} row {row}", sheet=repr(today_sheet), row=r["_row"]), unsure=unsure,
                          typed=(done_raw, r.get("outcome"), r.get("date"), r.get("name")),
                          from_copy=today_sheet if copy else ""))
    return marks


@dataclass
class TrackerRows:
    """One tracker sheet as the rules see it (a read Tracker's name, frame and fields)."""
    sheet: str
    frame: pd.DataFrame       # canonical fields, index = sheet row
    fields: set[str]          # fields that have a column the tool may write its values into
    spare: int = 6            # free columns to the right, for the fields that have none
    added: set[str] = field(default_factory=set)   # fields given one of those columns in this run

    def room_for(self, fields: list[str]) -> str:
        """Why the fields cannot all be written ("" when they can): no column left to add."""
        missing = [f for f in fields if f not in self.fields and f not in self.added]
        if len(self.added) + len(missing) <= self.spare:
            return ""
        names = ", ".join(repr(ADDED_HEADERS[f]) for f in missing)
        return Worded("no free column on sheet {sheet} for {names} (the columns right of the table are taken "
                      "or locked by a validation or merge); clear a column to the right of the table",
                      sheet=repr(self.sheet), names=names)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _find_row(mark: Mark, trackers: list[TrackerRows]) -> tuple[TrackerRows, int] | str:
    """The tracker row a mark belongs to: its own row if it still holds that company and
    position, else the one row anywhere holding them; else why there is none."""
    for t in trackers:
        if t.sheet == mark.sheet and mark.row is not None and mark.row in t.frame.index:
            r = t.frame.loc[mark.row]
            if _same(r["company"], mark.company) and _same(r["position"], mark.position):
                return t, mark.row
    hits = [(t, row) for t in sorted(trackers, key=lambda t: t.sheet != mark.sheet)
            for row in t.frame.index[t.frame["company"].map(lambda c: _same(c, mark.company))
                                     & t.frame["position"].map(lambda p: _same(p, mark.position))]]
    if len(hits) == 1:
        return hits[0]
    what = Worded("{company} / {position}", company=mark.company or Worded("(no company)"),
                  position=mark.position or Worded("(no position)"))
    if hits:
        return Worded("{n} tracker rows hold {what}; mark it in the tracker itself", n=len(hits), what=what)
    return Worded("no tracker row holds {what} any more (moved to another company or position, or deleted)",
                  what=what)


def _next_busday(day: dt.date, settings: Settings) -> dt.date:
    cal = business_calendar(settings.country, settings.holidays, years_in_play(day))
    return np.busday_offset(np.datetime64(day, "D"), 1, roll="backward", busdaycal=cal).astype(dt.date)


_WITHDRAWAL = re.compile(r"withdr|retir|zurückgez|desist|ritirat|teruggetrokken|wycofa|i declined|declined offer",
                         re.IGNORECASE)
_INTERVIEW = re.compile(r"interview|entrevista|entretien|vorstellungsgespr|colloquio|sollicitatiegesprek|rozmow|"
                        r"面试|面接|면접", re.IGNORECASE)
_LATER_ROUND = re.compile(r"2nd|second|3rd|third|final|onsite|on-site|panel|zweite|segund|deuxi|finale",
                          re.IGNORECASE)


def _means(word: str, outcome: Outcome) -> bool:
    """Whether a stage word has the meaning the mark writes: a rejection is not a withdrawal,
    an interview not a phone screen nor a later round."""
    if outcome is Outcome.WITHDREW:
        return bool(_WITHDRAWAL.search(word))
    if outcome is Outcome.NOT_INTERESTED:
        return not _WITHDRAWAL.search(word)
    return bool(_INTERVIEW.search(word)) and not _LATER_ROUND.search(word)


_STAGE_OF = {Outcome.NOT_INTERESTED: "closed", Outcome.WITHDREW: "closed", Outcome.INTERVIEW: "interviewing"}
_OWN_WORD = {Outcome.NOT_INTERESTED: "Not interested", Outcome.WITHDREW: "Withdrawn", Outcome.INTERVIEW: "Interview"}


def stage_word(stage: str, frame_stages: pd.Series, settings: Settings, own: str,
               means: Callable[[str], bool] | None = None) -> str:
    """The word to write into the stage column for `stage` (closed, interviewing, offer), for a
    mark and for the inbox alike: the user's own word for it (the most used in `frame_stages`),
    else `own` when the settings read it as that stage, else the first word of the settings' list
    for it, else `own`. With `means`, only words of that meaning count (a withdrawal is not a
    rejection), never a word of another meaning the column happens to use."""
    def fits(word: str) -> bool:
        return stage_of(word, settings) == stage and (means is None or means(word))

    words = [w for w in frame_stages if w and fits(w)]
    if words:
        return pd.Series(words).value_counts().index[0]
    if fits(own):
        return own
    lists = {"closed": settings.closed_words, "interviewing": settings.interviewing_words,
             "offer": settings.offer_words}
    listed = [w for w in lists.get(stage, ()) if means is None or means(w)]
    return listed[0][:1].upper() + listed[0][1:] if listed else own


def _stage_is_further(current: str, outcome: Outcome, settings: Settings) -> bool:
    """Whether the row's stage already says as much or more than the mark: an offer is past an
    interview, and a row closed or interviewing is not moved back by it."""
    now = stage_of(current, settings) if current else "applied"
    if outcome is Outcome.INTERVIEW:
        return now in ("offer", "closed") or (now == "interviewing" and bool(_INTERVIEW.search(current)))
    return now == "closed" and _means(current, outcome)


def _implied_follow_ups(r: pd.Series) -> int:
    last, applied = r["last_contact"], r["applied_on"]
    return int(not pd.isna(last) and (pd.isna(applied) or last > applied))


def _day(value: Any) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def rule_changes(mark: Mark, r: pd.Series, stages: pd.Series, settings: Settings) -> tuple[dict[str, Any], str]:
    """The fields a mark changes on its row (field -> new value) and a note when it is not whole."""
    o, day = mark.outcome, mark.day
    note: str = ""
    new: dict[str, Any] = {}
    pinned = _day(r["pinned"])
    last = _day(r["last_contact"])
    contact = o in FOLLOW_UPS or o in (Outcome.NOT_INTERESTED, Outcome.INTERVIEW, Outcome.WITHDREW)
    if contact:
        if last is None or day > last:
            new["last_contact"] = day
        if pinned is not None and pinned <= day:
            new["pinned"] = None   # done: a snooze up to that day has served
    if o in FOLLOW_UPS:
        count = r["follow_ups"]
        count = _implied_follow_ups(r) if pd.isna(count) else int(count)
        if last == day:
            # the user wrote this day's contact into the row already: one follow-up, not two
            note = Worded("the row already holds a contact on {day}; counted once", day=f"{day:%Y-%m-%d}")
            new["follow_ups"] = max(count, 1)
        else:
            new["follow_ups"] = count + 1
    if o in RETRIES:
        new["pinned"] = _next_busday(day, settings)
    if o is Outcome.THEY_CALLED:
        new["pinned"] = _next_busday(day, settings)    # their call is returned; it is not a follow-up
    if o is Outcome.CALL_BACK:
        if mark.date is None:
            return {}, Worded("{outcome} needs the date in the {column} column",
                              outcome=repr(say("outcomes", Outcome.CALL_BACK.value, settings.language)),
                              column=say("today", "Date", settings.language))
        new["pinned"] = mark.date
    if o is Outcome.GOT_NAME:
        if mark.name:
            new["hiring_manager"] = mark.name
        else:
            note = Worded("no name was typed in the {column} column",
                          column=say("today", "Name", settings.language))
    if o in _STAGE_OF:
        current = str(r["stage"] or "")
        if not _stage_is_further(current, o, settings):
            new["stage"] = stage_word(_STAGE_OF[o], stages, settings, _OWN_WORD[o], means=lambda w: _means(w, o))
    if o is Outcome.INTERVIEW and mark.date is not None:
        new["pinned"] = _next_busday(mark.date, settings)   # the thank-you, the next business day
    return new, note


def _shown(value: Any, language: str = "en") -> str:
    """A cell's value as a log note says it (a date as YYYY-MM-DD, nothing as "(empty)" in `language`)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return say(FIELDS_SECTION, EMPTY, language)
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        value = pd.Timestamp(value).date()
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value) or say(FIELDS_SECTION, EMPTY, language)


def application_key(company: str, position: str) -> str:
    return f"{' '.join(str(company).split()).casefold()}|{' '.join(str(position).split()).casefold()}"


def apply_marks(marks: list[Mark], trackers: list[TrackerRows], log: list[dict[str, Any]],
                settings: Settings) -> MarksResult:
    """Apply each mark not yet in the log to its tracker row (the frames are updated in place).
    A mark that cannot be read or written with certainty is kept (not logged) for the next run;
    a mark whose row is gone is logged as not applied. Only a written mark is logged as applied."""
    done = {str(e.get("key") or "") for e in log}
    result = MarksResult()
    history = list(log)
    language = settings.language or "en"
    for mark in marks:
        label = Worded("{where} ({company}, {outcome})", where=mark.where,
                       company=mark.company or Worded("(no company)"), outcome=mark.outcome_text or Worded("Done"))
        copy = repr(mark.from_copy)
        if mark.key in done:
            if mark.from_copy:
                result.problems.append(Worded("{label}: read from {copy}, a copy of the Today sheet; the same mark "
                                              "is applied once only (see the Follow-up Log)", label=label, copy=copy))
            continue
        if mark.outcome is None:
            result.held.append((mark, mark.unsure))
            result.problems.append(Worded("{label}: kept for the next refresh: {why}", label=label, why=mark.unsure))
            continue
        entry = {"when": mark.day, "company": mark.company, "position": mark.position, "contact": mark.contact,
                 "happened": mark.outcome.value, "tracker_row": f"{mark.sheet}!{mark.row}" if mark.row else "",
                 "key": mark.key}
        found = _find_row(mark, trackers)
        if isinstance(found, str):
            done.add(mark.key)
            result.problems.append(Worded("{label}: not applied: {why}", label=label, why=found))
            result.entries.append({**entry, "changed": in_language(Worded("not applied: {why}", why=found), language)})
            continue
        t, row = found
        r = t.frame.loc[row]
        new, note = rule_changes(mark, r, t.frame["stage"], settings)
        if not new and note:
            result.held.append((mark, note))
            result.problems.append(Worded("{label}: kept for the next refresh: {why}", label=label, why=note))
            continue
        changed = {fld: value for fld, value in new.items() if _shown(r[fld]) != _shown(value)}
        no_room = t.room_for(list(changed))
        if no_room:
            result.held.append((mark, no_room))
            result.problems.append(Worded("{label}: kept for the next refresh: {why}", label=label, why=no_room))
            continue
        done.add(mark.key)
        t.added |= {f for f in changed if f not in t.fields}
        said = []
        for fld, value in changed.items():
            old = r[fld]
            result.changes.append(Change(t.sheet, row, fld, old, value))
            said.append(f"{say(FIELDS_SECTION, FIELD_NAMES[fld], language)}: {_shown(old, language)} -> "
                        f"{_shown(value, language)}")
            t.frame.at[row, fld] = pd.Timestamp(value) if isinstance(value, dt.date) else (
                pd.NaT if value is None and fld in ("pinned", "last_contact") else value)
        notes = [in_language(note, language)] if note else []
        if mark.from_copy:
            notes.append(in_language(Worded("read from {copy}, a copy of the Today sheet", copy=copy), language))
            result.problems.append(Worded("{label}: applied, read from {copy}, a copy of the Today sheet",
                                          label=label, copy=copy))
        result.entries.append({**entry, "tracker_row": f"{t.sheet}!{row}",
                               "changed": "; ".join(said + notes)
                               or in_language(Worded("nothing to change"), language)})
        result.applied += 1
    history += result.entries
    for t in trackers:
        ladder = email_after_voicemails(history, t.frame)
        if ladder:
            result.email_next[t.sheet] = ladder
        cells = marked_cells(history, t.sheet, t.frame)
        if cells:
            result.marked[t.sheet] = cells
    return result


@functools.cache
def _field_of() -> dict[str, str]:
    """A log note's field label, in any language a log was written in -> the field."""
    found = {name: fld for fld, name in FIELD_NAMES.items()}
    for code in languages():
        for fld, name in FIELD_NAMES.items():
            found.setdefault(str(catalogue(code).get(FIELDS_SECTION, {}).get(name, name)), fld)
    return found


@functools.cache
def _empty_said() -> frozenset[str]:
    return frozenset({EMPTY, *(say(FIELDS_SECTION, EMPTY, code) for code in languages())})


@functools.cache
def _not_applied_starts() -> tuple[str, ...]:
    """How a log note of a mark not applied begins, in every language ("not applied: ", "nicht übernommen: ")."""
    said = {in_language(Worded("not applied: {why}", why=""), code) for code in ["en", *languages()]}
    return tuple(sorted(s for s in said if s.strip()))


def not_applied(changed: str) -> bool:
    """Whether a Follow-up Log note says its mark was not applied (in whatever language it was written)."""
    return changed.startswith(_not_applied_starts())


def marked_cells(log: list[dict[str, Any]], sheet: str, frame: pd.DataFrame) -> dict[tuple[int, str], dt.date]:
    """(row, field) -> the day of the latest mark that wrote that cell of `sheet`, for the cells
    that still hold what the mark wrote (a later edit of the user's own is the user's)."""
    found: dict[tuple[int, str], dt.date] = {}
    for e in log:
        where, changed = str(e.get("tracker_row") or ""), str(e.get("changed") or "")
        try:
            day = _day(e.get("when"))
        except (ValueError, TypeError):     # a log cell the user typed over: not a mark's day
            continue
        name, _, row_text = where.rpartition("!")
        if name != sheet or not row_text.isdigit() or day is None or not_applied(changed):
            continue
        row = int(row_text)
        for part in changed.split("; "):
            label, _, values = part.partition(": ")
            fld = _field_of().get(label)
            new = values.rpartition(" -> ")[2]
            if fld is None or " -> " not in values or row not in frame.index or fld not in frame:
                continue
            now = _shown(frame.at[row, fld])
            if (now == new or now == EMPTY and new in _empty_said()) and day >= found.get((row, fld), day):
                found[(row, fld)] = day
    return found


def email_after_voicemails(log: list[dict[str, Any]], frame: pd.DataFrame) -> set[int]:
    """Rows whose last follow-ups were three voicemails in a row (retries in between do not
    break the run): the next follow-up goes by e-mail (rules: the call-attempt ladder)."""
    runs: dict[str, int] = {}
    for e in log:
        if not_applied(str(e.get("changed") or "")):
            continue
        happened = str(e.get("happened") or "")
        k = application_key(_text(e.get("company")), _text(e.get("position")))
        if happened == Outcome.VOICEMAIL.value:
            runs[k] = runs.get(k, 0) + 1
        elif happened not in (Outcome.NO_ANSWER.value, Outcome.GATEKEEPER.value, Outcome.CALL_BACK.value):
            runs[k] = 0
    hot = {k for k, n in runs.items() if n >= VOICEMAILS_BEFORE_EMAIL}
    if not hot:
        return set()
    keys = [application_key(c, p) for c, p in zip(frame["company"], frame["position"])]
    return {row for row, k in zip(frame.index, keys) if k in hot}
