"""Marks, the rules: what the user marked on the Today sheet (Done, Outcome) -> changes of the
tracker's own fields and entries for the Follow-up Log. Pure: no file format, no clock; the day
a mark counts for is the date typed into Done, else the day its Today sheet was built.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import numpy as np
import pandas as pd

from .businessdays import business_calendar, years_in_play
from .plan import stage_of
from .settings import Settings


class Outcome(str, Enum):
    SPOKE = "Spoke"
    VOICEMAIL = "Left voicemail"
    GATEKEEPER = "Reached a gatekeeper"
    EMAILED = "E-mailed"
    NO_ANSWER = "No answer"
    CALL_BACK = "Call back on a date"
    GOT_NAME = "Got the hiring manager's name"
    NOT_INTERESTED = "Not interested"
    INTERVIEW = "Got an interview"
    DONE = "Followed up"        # Done filled, Outcome left empty


FOLLOW_UPS = (Outcome.SPOKE, Outcome.VOICEMAIL, Outcome.EMAILED, Outcome.GOT_NAME, Outcome.DONE)
RETRIES = (Outcome.NO_ANSWER, Outcome.GATEKEEPER)
VOICEMAILS_BEFORE_EMAIL = 3
# the columns marks add when the tracker has none for the field (read.py knows these headers)
ADDED_HEADERS = {"last_contact": "Last Follow-up", "follow_ups": "Follow-ups", "pinned": "Snooze until",
                 "hiring_manager": "Hiring Manager", "stage": "Stage", "response": "Response"}
FIELD_NAMES = {"last_contact": "last contact", "follow_ups": "follow-ups", "pinned": "snooze until",
               "hiring_manager": "hiring manager", "stage": "stage", "response": "response"}
NOT_APPLIED = "not applied: "
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


@dataclass
class MarksResult:
    changes: list[Change] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)    # new Follow-up Log rows
    problems: list[str] = field(default_factory=list)              # marks not applied, and why
    applied: int = 0
    email_next: dict[str, set[int]] = field(default_factory=dict)  # sheet -> rows on the e-mail script


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _outcome(text: str) -> Outcome | None:
    low = text.lower().replace("’", "'")
    for o in Outcome:
        if low == o.value.lower():
            return o
    loose = {"voicemail": Outcome.VOICEMAIL, "gatekeeper": Outcome.GATEKEEPER, "e-mail": Outcome.EMAILED,
             "email": Outcome.EMAILED, "no answer": Outcome.NO_ANSWER, "call back": Outcome.CALL_BACK,
             "name": Outcome.GOT_NAME, "not interested": Outcome.NOT_INTERESTED, "interview": Outcome.INTERVIEW,
             "spoke": Outcome.SPOKE}
    for word, o in loose.items():
        if word in low:
            return o
    return None


_TRACKER_ROW = re.compile(r"^'?(.*?)'?(?:!| row )\$?[A-Z]*\$?(\d+)$")


def parse_marks(rows: list[dict[str, Any]], built: dt.date, today_sheet: str) -> list[Mark]:
    """The rows of the Today sheet with Done or Outcome filled, as marks."""
    marks = []
    for r in rows:
        done_raw, outcome_text = r.get("done"), _text(r.get("outcome"))
        done_day = _as_date(done_raw)
        done = f"{done_day:%Y-%m-%d}" if done_day else _text(done_raw)
        if not done and not outcome_text:
            continue
        if done and not done_day and done.lower() not in _DONE_WORDS and not outcome_text:
            continue   # a note typed into Done, not a mark
        m = _TRACKER_ROW.match(_text(r.get("tracker_row")))
        outcome = _outcome(outcome_text) if outcome_text else Outcome.DONE
        marks.append(Mark(built=built, sheet=m.group(1).replace("''", "'") if m else "",
                          row=int(m.group(2)) if m else None, company=_text(r.get("company")),
                          position=_text(r.get("position")), contact=_text(r.get("contact")), outcome=outcome,
                          outcome_text=outcome_text, done=done, done_day=done_day, date=_as_date(r.get("date")),
                          name=_text(r.get("name")), where=f"{today_sheet!r} row {r['_row']}"))
    return marks


@dataclass
class TrackerRows:
    """One tracker sheet as the rules see it (a read Tracker's name, frame and fields)."""
    sheet: str
    frame: pd.DataFrame       # canonical fields, index = sheet row
    fields: set[str]          # fields that have a column in the sheet


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
    what = f"{mark.company or '(no company)'} / {mark.position or '(no position)'}"
    if hits:
        return f"{len(hits)} tracker rows hold {what}; mark it in the tracker itself"
    return f"no tracker row holds {what} any more (moved to another company or position, or deleted)"


def _next_busday(day: dt.date, settings: Settings) -> dt.date:
    cal = business_calendar(settings.country, settings.holidays, years_in_play(day))
    return np.busday_offset(np.datetime64(day, "D"), 1, roll="backward", busdaycal=cal).astype(dt.date)


def stage_word(stage: str, frame_stages: pd.Series, settings: Settings, own: str) -> str:
    """The word to write for `stage`: the user's own for it (the most used), else `own` when the
    settings' list for that stage knows it, else the list's first word."""
    words = [w for w in frame_stages if w and stage_of(w, settings) == stage]
    if words:
        return pd.Series(words).value_counts().index[0]
    if stage_of(own, settings) == stage:
        return own
    first = {"closed": settings.closed_words, "interviewing": settings.interviewing_words}[stage][0]
    return first[:1].upper() + first[1:]


def _implied_follow_ups(r: pd.Series) -> int:
    last, applied = r["last_contact"], r["applied_on"]
    return int(not pd.isna(last) and (pd.isna(applied) or last > applied))


def _day(value: Any) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def rule_changes(mark: Mark, r: pd.Series, stages: pd.Series, settings: Settings) -> tuple[dict[str, Any], str]:
    """The fields a mark changes on its row (field -> new value) and a note when it is not whole."""
    o, day, note = mark.outcome, mark.day, ""
    new: dict[str, Any] = {}
    pinned = _day(r["pinned"])
    if o in FOLLOW_UPS or o in (Outcome.NOT_INTERESTED, Outcome.INTERVIEW):
        last = _day(r["last_contact"])
        if last is None or day > last:
            new["last_contact"] = day
        if pinned is not None and pinned <= day:
            new["pinned"] = None   # done: a snooze up to that day has served
    if o in FOLLOW_UPS:
        count = r["follow_ups"]
        new["follow_ups"] = (_implied_follow_ups(r) if pd.isna(count) else int(count)) + 1
    if o in RETRIES:
        new["pinned"] = _next_busday(day, settings)
    if o is Outcome.CALL_BACK:
        if mark.date is None:
            return {}, "'Call back on a date' needs the date in the Date column"
        new["pinned"] = mark.date
    if o is Outcome.GOT_NAME:
        if mark.name:
            new["hiring_manager"] = mark.name
        else:
            note = "no name was typed in the Name column"
    if o is Outcome.NOT_INTERESTED:
        new["stage"] = stage_word("closed", stages, settings, "Not interested")
    if o is Outcome.INTERVIEW:
        new["stage"] = stage_word("interviewing", stages, settings, "Interview")
        if mark.date is not None:
            new["pinned"] = _next_busday(mark.date, settings)   # the thank-you, the next business day
    return new, note


def _shown(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "(empty)"
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        value = pd.Timestamp(value).date()
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value) or "(empty)"


def application_key(company: str, position: str) -> str:
    return f"{' '.join(str(company).split()).casefold()}|{' '.join(str(position).split()).casefold()}"


def apply_marks(marks: list[Mark], trackers: list[TrackerRows], log: list[dict[str, Any]],
                settings: Settings) -> MarksResult:
    """Apply each mark not yet in the log to its tracker row (the frames are updated in place);
    a mark without a sure row, or that the rules cannot apply, is logged as not applied."""
    done = {str(e.get("key") or "") for e in log}
    result = MarksResult()
    history = list(log)
    for mark in marks:
        if mark.key in done:
            continue
        done.add(mark.key)
        entry = {"when": mark.day, "company": mark.company, "position": mark.position, "contact": mark.contact,
                 "happened": mark.outcome.value if mark.outcome else mark.outcome_text,
                 "tracker_row": f"{mark.sheet}!{mark.row}" if mark.row else "", "key": mark.key}
        found = (_find_row(mark, trackers) if mark.outcome
                 else f"the Outcome {mark.outcome_text!r} is not one of the list")
        if isinstance(found, str):
            result.problems.append(
                f"{mark.where} ({mark.company}, {mark.outcome_text or 'Done'}): {NOT_APPLIED}{found}")
            result.entries.append({**entry, "changed": NOT_APPLIED + found})
            continue
        t, row = found
        r = t.frame.loc[row]
        new, note = rule_changes(mark, r, t.frame["stage"], settings)
        if not new and note:
            result.problems.append(f"{mark.where} ({mark.company}): {NOT_APPLIED}{note}")
            result.entries.append({**entry, "changed": NOT_APPLIED + note})
            continue
        said = []
        for fld, value in new.items():
            old = r[fld]
            if _shown(old) == _shown(value):
                continue
            result.changes.append(Change(t.sheet, row, fld, old, value))
            said.append(f"{FIELD_NAMES[fld]}: {_shown(old)} -> {_shown(value)}")
            t.frame.at[row, fld] = pd.Timestamp(value) if isinstance(value, dt.date) else (
                pd.NaT if value is None and fld in ("pinned", "last_contact") else value)
        result.entries.append({**entry, "tracker_row": f"{t.sheet}!{row}",
                               "changed": "; ".join(said + ([note] if note else [])) or "nothing to change"})
        result.applied += 1
    history += result.entries
    for t in trackers:
        ladder = email_after_voicemails(history, t.frame)
        if ladder:
            result.email_next[t.sheet] = ladder
    return result


def email_after_voicemails(log: list[dict[str, Any]], frame: pd.DataFrame) -> set[int]:
    """Rows whose last follow-ups were three voicemails in a row (retries in between do not
    break the run): the next follow-up goes by e-mail (rules: the call-attempt ladder)."""
    runs: dict[str, int] = {}
    for e in log:
        if str(e.get("changed") or "").startswith(NOT_APPLIED):
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
