"""Render stage, read back: one row's status, next date and why, and each sentence of its script
with the facts (and the cells) it rests on, as `followup-sheet explain` prints them.

In: the computed sheets (pipeline.compute) and a sheet row as the user sees it. Out: an
`Explanation` (plain data). A sentence's sources are the facts whose values it says: a name, a
date as the script says it, the company, the position, a number, or a claim (an offer, an
interview, an automatic reply, the employer's call, a referral, interest elsewhere).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .catalogue import Worded, Words
from .errors import NotAnApplication
from .facts import short_date
from .render import human_date, note_free, person_text, team_name
from .settings import Settings
from .status import Status


@dataclass
class Sentence:
    text: str
    sources: list[str] = field(default_factory=list)   # the facts it says, each with its cell
    kind: str = "claim"                                 # claim | question | courtesy | intent


@dataclass
class Explanation:
    sheet: str
    row: int
    company: str
    position: str
    status: str
    due: dt.date | None
    why: str
    channel: str
    sentences: list[Sentence]
    problem: str = ""          # a Check data row: what to fix, instead of a script
    language: str = "en"       # the run's language: the sources and the messages are said in it

    @property
    def unsourced(self) -> list[Sentence]:
        """The sentences that claim something no fact of the row holds."""
        return [s for s in self.sentences if s.kind == "claim" and not s.sources]


# --- which facts a sentence says ----------------------------------------------------------------

# Claims the templates make and the kinds of fact (facts.Fact.kind, or a cell's field) that make
# them true.
_CLAIM_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\boffer\b", ("offer", "strong_interest_elsewhere")),
    (r"follow up by e-mail", ("no_way_back",)),
    (r"\binterview|talk with me|taking the time", ("interviewing", "interview_held", "interview_ahead", "interview")),
    (r"automatic (?:reply|confirmation)|résumé arrived", ("auto_reply", "autoresponse")),
    (r"returning (?:your|a|\w+'s) call|getting in touch|your e-mail|(?:on|an) [\w.' ]*e-mail from|'s e-mail",
     ("employer_contact",)),
    (r"another employer", ("strong_interest_elsewhere",)),
    (r"\brefer|recommend", ("referrer",)),
    (r"hiring decision", ("hiring_manager",)),
    (r"asked to (?:call back|get back in touch)", ("call_back",)),
    (r"now that it has passed", ("on_hold", "hold")),
    (r"\bagain\b|following up", ("follow_ups",)),
)
_CLAIMS = tuple((re.compile(p, re.IGNORECASE), kinds) for p, kinds in _CLAIM_WORDS)
_COURTESY = re.compile(r"^(?:(?:hi|hello|dear)\b(?: [^,.?!]{1,40})?[,.]?|thank you\.?|thanks so much\.?"
                       r"|thank you for your (?:time|help)\.?|best regards,?|thank you for keeping me in mind\.?)$",
                       re.IGNORECASE)
# What the caller says of their own wishes and manners, not of the row ("I'd like to talk with
# you", "I'm still very interested"): true whenever the user chooses to say it.
_INTENT = re.compile(r"^(?:I'm calling to|I'd\b|I want\b|I wanted to (?:write|speak)|I'm excited"
                     r"|I'm still very interested|I'm looking forward to the next step"
                     r"|I know (?:these decisions|how busy)"
                     r"|If there's anything"
                     r"|Your company has a good reputation|Since you're the one|One point that may help"
                     r"|Is there anything|Could we|Does this week)", re.IGNORECASE)
_TITLES_BEFORE_DOT = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|Inc|Co|Ltd|Mme|M|Hr|Fr|No|vs|e\.g|i\.e))$")
# A sentence ends at . ! ? before a space and a capital, or at the full-width 。！？ of Chinese and
# Japanese, which no space follows.
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'(A-ZÀ-ÖØ-Þ0-9])|(?<=[。！？])\s*(?=\S)")
# Chinese, Japanese and Korean letters: text in them runs on without spaces ("Kim Adlerと申します",
# "김민수님"), so a value next to one still stands on its own.
_RUNS_ON = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
_LABEL = re.compile(r"^(?:Subject|Voicemail|If [^:]{1,60}):\s*")


def sentences_of(script: str) -> list[str]:
    """The script's sentences, one per line of text or sentence end (titles such as "Dr." and
    "Ms." do not end one)."""
    out: list[str] = []
    for line in script.splitlines():
        line = line.strip()
        if not line:
            continue
        parts = _SPLIT.split(line)
        joined: list[str] = []
        for part in filter(None, parts):
            if joined and _TITLES_BEFORE_DOT.search(joined[-1][:-1]):
                joined[-1] += " " + part
            else:
                joined.append(part)
        out.extend(joined)
    return out


@dataclass(frozen=True)
class Evidence:
    """A value the script may say, and the fact (with its source) it comes from."""
    says: tuple[str, ...]     # the forms the script may use ("Dana Whitfield", "Dana", "November 3")
    label: str                # "Contact, C5" / "applied Nov 3 ← Date Applied, D5"
    kinds: tuple[str, ...]    # the claims it supports


def _cell(columns: Mapping[str, Any] | None, field: str, row: int) -> str:
    from .facts import source_of
    return source_of(columns, field, row)


def row_evidence(frame_row: Mapping[str, Any], plan_row: Mapping[str, Any], row: int,
                 columns: Mapping[str, Any] | None, today: dt.date, settings: Settings) -> list[Evidence]:
    """Everything the row holds that a script may say: its cells (as the script words them), the
    plan's facts (each with its source) and what [you] gives."""
    from .phrases import first

    year = today.year
    language = settings.language or "en"
    w = Words(language, "explain")
    out: list[Evidence] = []

    def named(name: str, cell: str, day: Any = None) -> str:
        """'company ← Company, B5', 'applied on Nov 3 ← Date Applied, D5', in the language."""
        said = w(name.replace("_", " "))
        if day is not None:
            said += f" {short_date(pd.Timestamp(day).date(), language)}"
        return f"{said} ← {cell}" if cell else said

    for name in ("company", "position", "source", "referrer_dept"):
        text = note_free(str(frame_row.get(name) or "").strip())
        if text:
            out.append(Evidence((text,), named(name, _cell(columns, name, row)), (name,)))
    for name in ("contact", "hiring_manager", "referrer"):
        raw = str(frame_row.get(name) or "")
        person = person_text(raw)
        said = tuple(x for x in (person, first(person), note_free(raw).strip(), team_name(raw)) if x)
        if said:
            out.append(Evidence(said, named(name, _cell(columns, name, row)), (name,)))
    facts = plan_row.get("facts") or []
    for name in ("applied_on", "last_contact"):
        day = frame_row.get(name)
        if day is not None and not pd.isna(day) and not facts:   # (the facts carry them when there are any)
            out.append(Evidence((human_date(day, year),), named(name, _cell(columns, name, row), day), (name,)))
    for fact in facts:
        said = (human_date(fact.date, year),) if fact.date is not None else ()
        out.append(Evidence(said, fact.label(language), (fact.kind,)))
    if plan_row.get("autoresponse") and not any(f.kind == "auto_reply" for f in facts):
        field = plan_row.get("autoresponse_field") or "response"
        out.append(Evidence((), named("automatic reply", _cell(columns, field, row)), ("autoresponse",)))
    if plan_row.get("call_back"):
        out.append(Evidence((str(plan_row["call_back"]),), named("asked to call back", _cell(columns, "notes", row)),
                            ("call_back",)))
    for name in ("answer_by", "other_offer_by"):
        day = plan_row.get(name)
        if day is not None and not pd.isna(day):
            out.append(Evidence((human_date(day, year),), named(name, "", day), ("decision",)))
    follow_ups = int(plan_row.get("follow_ups") or 0)
    if follow_ups:
        where = _cell(columns, "follow_ups", row) if columns and "follow_ups" in columns else \
            _cell(columns, "last_contact", row)
        made = w.count("{n} follow-up made", "{n} follow-ups made", follow_ups)
        out.append(Evidence((), f"{made} ← {where}", ("follow_ups",)))
    return out + _you(settings)


def _you(settings: Settings) -> list[Evidence]:
    """What [you] lets a script say: the name, phone, e-mail and pitch; or that there is no way back."""
    out = [Evidence((value,), f"[you] {label}", ()) for label, value in (
        ("name", settings.your_name), ("phone", settings.your_phone), ("e-mail", settings.your_email),
        ("pitch", settings.pitch)) if value]
    if not (settings.your_phone or settings.your_email):
        said = Words(settings.language or "en", "explain")("[you] has no phone or e-mail")
        out.append(Evidence((), said, ("no_way_back",)))
    return out


def sources_of(sentence: str, evidence: list[Evidence]) -> list[str]:
    """The labels of the evidence a sentence says: by its values, then by its claims."""
    low = sentence.casefold()
    found: list[str] = []
    for ev in evidence:
        if any(_says(low, s) for s in ev.says):
            found.append(ev.label)
    for pattern, kinds in _CLAIMS:
        if pattern.search(sentence):
            found.extend(ev.label for ev in evidence if set(kinds) & set(ev.kinds))
    return list(dict.fromkeys(found))


def _says(low_sentence: str, value: str) -> bool:
    value = value.casefold().strip()
    if len(value) < 2:
        return False
    edge = rf"[^\W{_RUNS_ON}]"        # a letter or digit of a spaced script: the value goes on
    return re.search(rf"(?<!{edge})" + re.escape(value) + rf"(?!{edge})", low_sentence) is not None


def kind_of(sentence: str) -> str:
    body = _LABEL.sub("", sentence).strip()
    if sentence.startswith("If ") and ":" in sentence[:60] and body.endswith("?"):
        return "question"
    if body.endswith("?"):
        return "question"
    if not body or _COURTESY.match(body):
        return "courtesy"
    if _INTENT.match(body):
        return "intent"
    return "claim"


# --- the row ----------------------------------------------------------------------------------

def explain(outcomes: list, row: int, today: dt.date, settings: Settings, sheet: str | None = None) -> Explanation:
    """The explanation of sheet row `row` (of `sheet`, else of the one tracker sheet read).
    Raises NotAnApplication, with the reason, for a row the tool does not take as an application."""
    if sheet is None and len(outcomes) > 1:
        names = ", ".join(repr(o.tracker.sheet) for o in outcomes)
        raise _said(NotAnApplication.worded("the workbook has several tracker sheets ({names}); name one with --sheet",
                                            names=names), settings)
    chosen = outcomes[0] if sheet is None else next((o for o in outcomes if o.tracker.sheet == sheet), None)
    if chosen is None:
        raise _said(NotAnApplication.worded("no tracker sheet {sheet} was read; the sheets are {names}",
                                            sheet=repr(sheet),
                                            names=", ".join(repr(o.tracker.sheet) for o in outcomes)), settings)
    t = chosen.tracker
    if row not in t.frame.index:
        reason = skipped_reason(t, row)
        raise _said(NotAnApplication.worded(reason.wording, **reason.fields), settings)
    frame_row = t.frame.loc[row].to_dict()
    plan_row = chosen.plan.loc[row].to_dict()
    evidence = row_evidence(frame_row, plan_row, row, t.columns, today, settings)
    script = str(chosen.scripts.get(row, "") or "")
    problem = script if plan_row.get("status") == Status.CHECK_DATA.value else ""
    sentences = []
    for text in sentences_of("" if problem else script):
        kind = kind_of(text)
        sentences.append(Sentence(text, sources_of(text, evidence), kind))
    due = plan_row.get("due")
    return Explanation(sheet=t.sheet, row=row, company=str(frame_row.get("company") or ""),
                       position=str(frame_row.get("position") or ""), status=str(plan_row.get("status", "")),
                       due=None if due is None or pd.isna(due) else pd.Timestamp(due).date(),
                       why=str(plan_row.get("why") or ""), channel=str(plan_row.get("channel") or ""),
                       sentences=sentences, problem=problem, language=settings.language or "en")


def _said(exc: NotAnApplication, settings: Settings) -> NotAnApplication:
    """The error, to be said in the run's language (known here, after the read)."""
    exc.language = settings.language or ""
    return exc


def skipped_reason(tracker: Any, row: int) -> Worded:
    """Why sheet row `row` is no application, as `check` says it."""
    where = {"sheet": repr(tracker.sheet), "row": row, "rows": _span(tracker)}
    if row == tracker.header_row:
        return Worded("{sheet} row {row} is the header row; give the row of an application (rows {rows})", **where)
    if row < tracker.header_row:
        return Worded("{sheet} row {row} is above the table's header (row {header}); give the row of an "
                      "application (rows {rows})", header=tracker.header_row, **where)
    for line in tracker.skipped_rows:
        if line.startswith(f"Row {row}:"):
            return Worded("{sheet} row {row} is not an application: {why}", why=line.split(":", 1)[1].strip(),
                          **where)
    if row > tracker.last_row:
        return Worded("{sheet} row {row} is below the table (its last row is {last}); give the row of an "
                      "application (rows {rows})", last=tracker.last_row, **where)
    return Worded("{sheet} row {row} is empty or holds nothing of an application; give the row of an application "
                  "(rows {rows})", **where)


def _span(tracker: Any) -> str | Worded:
    index = tracker.frame.index
    return f"{index.min()}-{index.max()}" if len(index) else Worded("none yet")


def explain_row(path: Path, row: int, *, today: dt.date, sheet: str | None = None, settings: Settings | None = None,
                config: Path | None = None, **overrides: Any) -> Explanation:
    """Read, plan and render the workbook (nothing is written) and explain one row of it."""
    from .pipeline import compute

    outcomes, _, used = compute(path, today=today, sheet=sheet, settings=settings, config=config, **overrides)
    return explain(outcomes, row, today, used, sheet)
