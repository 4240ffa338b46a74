"""Render stage, read back: one row's status, next date and why, and each sentence of its script
with the facts (and the cells) it rests on, as `followup-sheet explain` prints them.

In: the computed sheets (pipeline.compute) and a sheet row as the user sees it. Out: an
`Explanation` (plain data). A sentence's sources are the facts whose values it says: a name, a
date as the script says it, the company, the position, a number, or a claim (an offer, an
interview, an automatic reply, the employer's call, a referral, interest elsewhere).
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import itertools
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
    chinese: str = ""          # in Chinese, the characters the run speaks (hanzi.in_form)

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
    (r"\binterview|talk with me|taking the time", ("interviewing", "interview_held", "interview_ahead", "interview",
                                                            "interview_arranging")),
    (r"agree on a time|setting up the interview|days and times", ("interview_arranging",)),
    (r"your client|heard anything back from|come back to you|pass on my thanks", ("agency",)),
    (r"gone to the client|the client has given", ("cv_forwarded",)),
    (r"automatic (?:reply|confirmation)|résumé arrived", ("auto_reply", "autoresponse")),
    (r"returning (?:your|a|\w+'s) call|getting in touch|your e-mail|(?:on|an) [\w.' ]*e-mail from|'s e-mail",
     ("employer_contact",)),
    (r"tried to call you back", ("no_answer",)),
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


@functools.cache
def _title_before_dot() -> re.Pattern[str]:
    """A title written short before a name (the language module's table of titles: "Dr.", "Sra.",
    "Dhr.") or another abbreviation a script may hold ("Inc.", "e.g."), at the end of a text."""
    from .titles import abbreviated_titles
    titles = "|".join(re.escape(t[0].upper() + t[1:]) for t in abbreviated_titles())
    return re.compile(rf"\b(?:{titles}|St|Jr|Inc|Co|Ltd|No|vs|e\.g|i\.e)$")
# A sentence ends at . ! ? before a space and what is no lower-case letter (a capital of any
# alphabet, a digit, a quote, Hangul), or at the full-width 。！？ of Chinese and Japanese, which no
# space follows.
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])\s*(?=\S)")
# Chinese, Japanese and Korean letters: text in them runs on without spaces ("Kim Adlerと申します",
# "김민수님"), so a value next to one still stands on its own.
_RUNS_ON = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
_LABEL = re.compile(r"^(?:Subject|Voicemail|If [^:]{1,60}):\s*")


def sentences_of(script: str, language: str = "en") -> list[str]:
    """The script's sentences, one per line of text or sentence end (titles such as "Dr." and
    "Ms." do not end one, nor does the full stop of a day in a language that writes "3. Dezember")."""
    ordinal = _ORDINAL_DAY if _writes_day_with_a_stop(language) else None
    out: list[str] = []
    for line in script.splitlines():
        line = line.strip()
        if not line:
            continue
        parts = _SPLIT.split(line)
        joined: list[str] = []
        for part in filter(None, parts):
            if joined and (part[0].islower() or _title_before_dot().search(joined[-1][:-1])
                           or ordinal and ordinal.search(joined[-1])):
                joined[-1] += " " + part
            else:
                joined.append(part)
        out.extend(joined)
    return out


_ORDINAL_DAY = re.compile(r"(?<!\d)\d{1,2}\.$")


@functools.cache
def _writes_day_with_a_stop(language: str) -> bool:
    """Whether the language writes the day of a long date with a full stop ("3. Dezember"), from
    its CLDR long date pattern (Babel)."""
    if not language or language == "en":
        return False
    from babel.dates import get_date_format
    try:
        return "d." in get_date_format("long", locale=language).pattern
    except (ValueError, LookupError):
        return False


@dataclass(frozen=True)
class Evidence:
    """A value the script may say, and the fact (with its source) it comes from."""
    says: tuple[str, ...]     # the forms the script may use ("Dana Whitfield", "Dana", "November 3")
    label: str                # "Contact, C5" / "applied Nov 3 ← Date Applied, D5"
    kinds: tuple[str, ...]    # the claims it supports


def _cell(columns: Mapping[str, Any] | None, field: str, row: int) -> str:
    from .facts import source_of
    return source_of(columns, field, row)


def _caller_evidence(frame_row: Any, plan_row: Any, label: str) -> list[Evidence]:
    """The caller the notes name, when the row has no contact (the plan's `caller`), as evidence
    for a sentence that names them."""
    caller = str(plan_row.get("caller") or "")
    if not caller or str(frame_row.get("contact") or "").strip():
        return []
    from .phrases import first  # (phrases imports jinja2, as in `row_evidence`)

    person = person_text(caller)
    return [Evidence(tuple(x for x in (person, first(person), caller, caller.split()[-1]) if x), label, ("contact",))]


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
    noted = str(frame_row.get("people_noted") or "").split()     # read from the notes (read.NOTED_PEOPLE)
    for name in ("contact", "hiring_manager", "referrer"):
        raw = str(frame_row.get(name) or "")
        person = person_text(raw)
        said = tuple(x for x in (person, first(person), note_free(raw).strip(), team_name(raw)) if x)
        if said:
            out.append(Evidence(said, named(name, _cell(columns, "notes" if name in noted else name, row)), (name,)))
    out.extend(_caller_evidence(frame_row, plan_row, named("contact", _cell(columns, "notes", row))))
    facts = plan_row.get("facts") or []
    for name in ("applied_on", "last_contact"):
        day = frame_row.get(name)
        if day is not None and not pd.isna(day) and not facts:   # (the facts carry them when there are any)
            out.append(Evidence(_said_on(day, year, language), named(name, _cell(columns, name, row), day), (name,)))
    for fact in facts:
        said = _said_on(fact.date, year, language) if fact.date is not None else ()
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
            out.append(Evidence(_said_on(day, year, language), named(name, "", day), ("decision",)))
    follow_ups = int(plan_row.get("follow_ups") or 0)
    if follow_ups:
        where = _cell(columns, "follow_ups", row) if columns and "follow_ups" in columns else \
            _cell(columns, "last_contact", row)
        made = w.count("{n} follow-up made", "{n} follow-ups made", follow_ups)
        out.append(Evidence((), f"{made} ← {where}", ("follow_ups",)))
    return out + _you(settings)


def _said_on(day: Any, year: int, language: str) -> tuple[str, ...]:
    """A date as the English scripts say it and as the run's language does ("3. November", "11月3日")."""
    english = human_date(day, year)
    if language == "en":
        return (english,)
    from .language import human_date as local_date
    return tuple(dict.fromkeys((english, local_date(pd.Timestamp(day), year, language))))


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


def kind_of(sentence: str, language: str = "en") -> str:
    """claim | question | courtesy | intent. English by its own patterns; another language by its
    templates' structure (`_said_in`)."""
    if language and language != "en":
        return _kind_in(sentence, language)
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


# --- another language: what its templates say of themselves -----------------------------------

# The facts that make a row's script the template of a situation: a sentence that only the
# templates of one or two situations hold says something of that situation (a thank-you for the
# interview, the automatic reply), and rests on those facts.
SITUATION_KINDS: dict[str, tuple[str, ...]] = {
    "post_interview": ("interviewing", "interview_held", "interview_ahead", "interview", "interview_arranging",
                       "agency"),
    "offer": ("offer",),
    "recruiter": ("agency", "source", "contact"),
    "referral": ("referrer",),
    "hiring_manager": ("hiring_manager",),
    "autoresponse": ("auto_reply", "autoresponse"),
    "competing_interest": ("strong_interest_elsewhere",),
    "call_back": ("employer_contact",),
    "check_in": ("applied", "applied_on"),
}
# A sentence the templates of this many situations hold says nothing of any one of them: a
# greeting, a thanks, a closing, the caller's own interest.
_GENERIC_FROM = 3


@dataclass(frozen=True)
class TemplateText:
    """A language's bundled templates, read for what they say without any value of a row."""
    fixed: dict[str, frozenset[str]]   # a sentence of fixed text -> the situations whose templates hold it
    labels: tuple[str, ...]            # what a line starts with before its colon ("Mailbox", "留守番電話")
    courtesy: frozenset[str]           # the forms of address without a name, the e-mail's close
    # a sentence of fixed text -> the context's values it is said under (`{% if cv_forwarded %}`),
    # wherever the templates say it
    conditions: dict[str, frozenset[str]] = field(default_factory=dict)


def _norm(text: str) -> str:
    """A sentence as its fixed text is looked up: spaces made one, no comma or colon left before it."""
    return " ".join(text.split()).lstrip(",，、:：;； ")


@functools.cache
def template_text(language: str) -> TemplateText:
    """The sentences of fixed text in `language`'s bundled templates (Jinja's own lexer: the data
    between the tags), each with the situations whose templates hold it; the labels their lines
    start with; and the forms of address and the close `language.py` gives a script."""
    from jinja2 import Environment

    from .language import e_mail_close, unnamed_address
    from .render import bundled_templates

    env = Environment()
    names = unnamed_address(language)
    fixed: dict[str, set[str]] = {}
    labels: set[str] = set()
    # (situation, a line of fixed text, the reading it is of and where in it the line starts)
    lines: list[tuple[str, str, list[tuple[str, frozenset[str]]], int]] = []
    files = [p for p in bundled_templates().glob("*.j2") if p.name.count(".") == 1] if language == "en" \
        else bundled_templates().glob(f"*.{language}.j2")
    for path in sorted(files):
        situation = path.name.split(".")[0].rsplit("_", 1)[0]
        for segments in _fixed_readings(list(env.lex(path.read_text(encoding="utf-8"))), names):
            text = "".join(t for t, _ in segments)
            at = 0
            for line in text.split("\n"):
                found = _LINE_LABEL.match(line)
                if found:
                    labels.add(found.group(1).strip())
                lines.append((situation, line, segments, at))
                at += len(line) + 1
    by_length = tuple(sorted(labels, key=len, reverse=True))
    under: dict[str, frozenset[str]] = {}
    for situation, line, segments, at in lines:
        cursor = 0
        for sentence in sentences_of(line, language):
            start = line.find(sentence.split(" ", 1)[0], cursor)
            start = cursor if start < 0 else start
            cursor = start + len(sentence)
            conditions = _conditions_of(segments, at + start, at + cursor)
            key = _norm(_unlabelled(sentence, by_length))
            fixed.setdefault(key, set()).add(situation)
            # (said under other conditions elsewhere, or none: it rests only on those it always has)
            under[key] = under[key] & conditions if key in under else conditions
    courtesy = {_norm(v).rstrip(",:：") for k, v in names.items() if k in ("greet", "dear", "named") and v}
    close = e_mail_close(language)
    if close:
        courtesy.add(_norm(close).rstrip(",:："))
    return TemplateText({k: frozenset(v) for k, v in fixed.items()}, by_length, frozenset(courtesy),
                        {k: v for k, v in under.items() if v})


def _fixed_readings(tokens: list[tuple[int, str, str]], unnamed: Mapping[str, str]
                    ) -> list[list[tuple[str, frozenset[str]]]]:
    """A template's lines as they read with no value of a row in them, in each reading its
    expressions and tags allow: an expression left out or said as a text it quotes (`{{ 'noch
    einmal ' if … else '' }}`, `{{ '再度' if … }}`, `{{ it }}` of `{% set it = '这个职位' if … %}`);
    a form of address (`{{ hm.your }}`) as the language says it of nobody in particular
    (`unnamed`: "Państwa"); a tag a break between lines, or nothing (a short `{% if %}` inside a
    sentence). Comments are left out. A line with too many choices is read in a few of them.
    Each reading is its pieces, each with the context's values it is said under: the names an
    enclosing `{% if %}` or `{% elif %}` tests (not a negated test, nor its `{% else %}`), and
    those a quoted text's own `if` tests."""
    sets: dict[str, list[str]] = {}
    lines: list[list[tuple[str, ...]]] = [[]]    # each line: its pieces, each the texts it may read as
    under: dict[int, frozenset[str]] = {}          # a piece (by id) -> the conditions it is said under
    tests: list[frozenset[str]] = []               # the enclosing {% if %} tests, innermost last
    # whether each enclosing block is past its first branch: such text may be left out, so the
    # first branch is also read joined to what follows the block ("… an {% if x %}und A.{% else
    # %}und B.{% endif %} Danke." reads "… an und A." too)
    later: list[bool] = []
    optional: set[int] = set()                     # those pieces of text (by id)
    kind = ""
    inner: list[str] = []
    named: list[str] = []                          # the names among `inner`
    quoted: list[str] = []
    for _, token, value in tokens:
        if token == "data":
            now = frozenset().union(*tests)
            for k, part in enumerate(value.split("\n")):
                if k:
                    lines.append([])
                lines[-1].append(("", part) if part and any(later) else (part,))
                if part and any(later):
                    optional.add(id(lines[-1][-1]))
                under[id(lines[-1][-1])] = now
        elif token in ("variable_begin", "block_begin", "comment_begin"):
            kind, inner, named, quoted = token.split("_")[0], [], [], []
        elif token == "string" and kind in ("variable", "block"):
            quoted.append(str(ast.literal_eval(value)))
        elif token in ("variable_end", "block_end", "comment_end"):
            names = [v for v in inner if v.strip()]
            if kind == "variable" and len(names) == 3 and names[1] == "." and names[2] in unnamed:
                lines[-1].append((unnamed[names[2]],))          # who.your, hm.greet: a form of address
            elif kind == "variable":
                said = sets.get(names[0], []) if len(names) == 1 else quoted
                piece = tuple(dict.fromkeys(["", *said]))
                lines[-1].append(piece)
                if said and "if" in names:     # ('再' if follow_up_number > 1): said when that holds
                    under[id(piece)] = frozenset().union(*tests) | _tested(names[names.index("if"):], named)
            elif kind == "block" and names[:1] == ["set"] and len(names) > 1:
                sets[names[1]] = quoted
            elif kind == "block":
                _follow_tests(tests, later, names, named)
                lines[-1].append(("", "\n"))
        else:
            inner.append(value)
            if token == "name":
                named.append(value)
    return _readings(lines, under, optional)


def _readings(lines: list[list[tuple[str, ...]]], under: dict[int, frozenset[str]], optional: set[int]
              ) -> list[list[tuple[str, frozenset[str]]]]:
    """Each line's readings, sentence by sentence, each piece with its conditions."""
    out: list[list[tuple[str, frozenset[str]]]] = []
    for line in lines:
        for chunk in _between_sentence_ends(line, under, optional):
            said = [under.get(id(piece), frozenset()) for piece in chunk]
            choices = 1
            for piece in chunk:
                choices *= len(piece)
            if choices <= _MOST_READINGS:
                out.extend(list(zip(reading, said)) for reading in itertools.product(*chunk))
            else:    # the same choice everywhere: none, the first text, the last
                out.extend([(piece[min(k, len(piece) - 1)] if k >= 0 else piece[-1], c)
                            for piece, c in zip(chunk, said)] for k in (0, 1, -1))
    return out


def _conditions_of(segments: list[tuple[str, frozenset[str]]], start: int, end: int) -> frozenset[str]:
    """The conditions of the pieces of a reading that say something between `start` and `end`."""
    out: frozenset[str] = frozenset()
    at = 0
    for text, conditions in segments:
        if text.strip() and at < end and start < at + len(text):
            out |= conditions
        at += len(text)
    return out


def _follow_tests(tests: list[frozenset[str]], later: list[bool], names: list[str], named: list[str]) -> None:
    """The enclosing tests after a block tag, and whether each block is past its first branch:
    `if` opens one, `elif` and `else` change it, `endif` closes it."""
    if names[:1] == ["if"]:
        tests.append(_tested(names, named))
        later.append(False)
    elif names[:1] in (["elif"], ["else"]) and tests:
        tests[-1] = _tested(names, named) if names[0] == "elif" else frozenset()
        later[-1] = True
    elif names[:1] == ["endif"] and tests:
        tests.pop()
        later.pop()


def _tested(names: list[str], named: list[str]) -> frozenset[str]:
    """The values of the row a test holds true (`if cv_forwarded`, `elif hiring_manager and company`),
    those `CONDITION_KINDS` knows: none for a negated test (`if not x`), whose text rests on no fact of x."""
    if "not" in names:
        return frozenset()
    return frozenset(n for n in named if n in CONDITION_KINDS)


_SENTENCE_END = re.compile(r"[.!?](?= )|[。！？]")


def _between_sentence_ends(line: list[tuple[str, ...]], under: dict[int, frozenset[str]] | None = None,
                           optional: set[int] | None = None) -> list[list[tuple[str, ...]]]:
    """A line's pieces cut where its fixed text ends a sentence, so each part's readings are
    counted on their own (a line of many choices is many sentences of few). A piece cut in two
    keeps its conditions in `under` (by id) in both halves; a piece of text that may be left out
    (`optional`: a later branch of a block) is cut too, each half as it was."""
    parts: list[list[tuple[str, ...]]] = [[]]
    for piece in line:
        text = piece[-1]
        left_out = optional is not None and id(piece) in optional
        ends = list(_SENTENCE_END.finditer(text)) if len(piece) == 1 or left_out else []
        if not ends:
            parts[-1].append(piece)
            continue
        cut = ends[-1].end()
        head, tail = (("", text[:cut]), ("", text[cut:])) if left_out else ((text[:cut],), (text[cut:],))
        if under is not None and id(piece) in under:
            under[id(head)] = under[id(tail)] = under[id(piece)]
        parts[-1].append(head)
        parts.append([tail])
    return parts


_MOST_READINGS = 256


# A line of a template that starts with a label of fixed text and a colon ("Mailbox:", "Falls
# nicht erreichbar:", "留守番電話："): short, no comma, no tag before it.
_LINE_LABEL = re.compile(r"^([^{}\n,、，:：]{1,40})[:：]\s*")
# A question: its mark, or in Japanese the particle か that ends a polite question ("…でしょうか。").
_QUESTION_END = re.compile(r"[?？]$|か。?$")


def _unlabelled(sentence: str, labels: tuple[str, ...]) -> str:
    body = sentence.strip()
    for label in labels:
        for colon in (":", "：", " :"):
            if body.startswith(label + colon):
                return body[len(label) + len(colon):].strip()
    return body


def _body(sentence: str, language: str) -> str:
    """The sentence without the label its line starts with."""
    return _unlabelled(sentence, template_text(language).labels)


def _kind_in(sentence: str, language: str) -> str:
    text = template_text(language)
    body = _body(sentence, language)
    for form in text.courtesy:          # a salutation of nobody in particular, then the sentence
        if form and _norm(body).startswith(form):
            rest = _norm(_norm(body)[len(form):])
            if not rest.strip(",.，。、!！ ") or len(text.fixed.get(rest, ())) >= _GENERIC_FROM:
                return "courtesy"
    if _QUESTION_END.search(body) and (language == "ja" or not body.endswith("か")):
        return "question"
    situations = text.fixed.get(_norm(body))
    if situations is not None and len(situations) >= _GENERIC_FROM:
        return "courtesy"
    return "claim"


def situation_sources(sentence: str, language: str, evidence: list[Evidence]) -> list[str]:
    """The facts a sentence of fixed template text in `language` rests on: those that make its
    row's script one of the situations whose templates hold it."""
    situations = template_text(language).fixed.get(_norm(_body(sentence, language)), frozenset())
    kinds = {k for s in situations for k in SITUATION_KINDS.get(s, ())}
    return [ev.label for ev in evidence if kinds & set(ev.kinds)]


# The context's values a template's text may be said under (`{% if cv_forwarded %}`), and the kinds
# of fact (facts.Fact.kind, or a cell's field) that make each true: a sentence said only under one
# rests on those facts, in every language, whatever its words.
CONDITION_KINDS: dict[str, tuple[str, ...]] = {
    "cv_forwarded": ("cv_forwarded",),
    "via_agency": ("agency",), "agency": ("agency",),
    "interview_held": ("interview_held", "interviewing"), "thank_you": ("interview_held",),
    "interview_ahead": ("interview_ahead",), "interview_on": ("interview_ahead", "interview"),
    "interview_arranging": ("interview_arranging",),
    "employer_called": ("employer_contact",), "returning_call": ("employer_contact",),
    "employer_called_on": ("employer_contact",),
    "message_left": ("no_answer",), "message_left_on": ("no_answer",),
    "decision_by": ("decision", "feedback"), "decision_passed": ("decision", "feedback"),
    "decision_news": ("decision", "feedback"), "answer_by": ("decision",),
    "written_offer": ("offer",),
    "hold_ended": ("on_hold", "hold"), "hold_until": ("on_hold", "hold"),
    "call_back": ("call_back",),
    "other_offer_by": ("strong_interest_elsewhere",), "other_offer_written": ("strong_interest_elsewhere",),
    "referrer": ("referrer",), "referrer_dept": ("referrer_dept",), "hiring_manager": ("hiring_manager",),
    "follow_up_number": ("follow_ups",),
}


# How near a sentence with a value's own words must be to a sentence of fixed text (rapidfuzz's
# ratio, 0-100), and how long, to be taken as it
_NEAR_ENOUGH, _NEAR_ENOUGH_FROM = 90, 24


def condition_sources(sentence: str, language: str, evidence: list[Evidence]) -> list[str]:
    """The facts a sentence of the bundled templates rests on because the templates say it only
    under a value of the row (`TemplateText.conditions`): "简历已经推荐给客户" only when the CV was
    passed on, whatever the language."""
    text = template_text(language)
    body = _norm(_body(sentence, language))
    if body not in text.fixed:
        # with the row's values left out, as the templates' fixed text reads; a value said with
        # words of its own (`{{ what }}`: " als Payroll Officer") leaves them: the nearest sentence
        # of fixed text, if it is near enough
        for value in sorted({v for ev in evidence for v in ev.says if len(v) > 1}, key=len, reverse=True):
            body = body.replace(value, "")
        body = _norm(body)
        if body not in text.fixed and len(body) >= _NEAR_ENOUGH_FROM:
            from rapidfuzz import fuzz, process
            near = process.extractOne(body, list(text.fixed), scorer=fuzz.ratio, score_cutoff=_NEAR_ENOUGH)
            body = near[0] if near else body
    conditions = text.conditions.get(body, frozenset())
    kinds = {k for c in conditions for k in CONDITION_KINDS.get(c, ())}
    return [ev.label for ev in evidence if kinds & set(ev.kinds)] if kinds else []


def explain_sentences(script: str, evidence: list[Evidence], language: str = "en") -> list[Sentence]:
    """Each sentence of a script with its kind and the facts it rests on."""
    out = []
    english = not language or language == "en"
    for text in sentences_of(script, language):
        kind = kind_of(text, language)
        sources = sources_of(text, evidence)
        if kind != "courtesy":
            sources = list(dict.fromkeys(sources + condition_sources(text, language or "en", evidence)))
        # a sentence of the templates' fixed text rests on what made the row's situation; in
        # English only where none of its own claim words ("offer", "following up") says more
        if kind == "claim" and not (english and (sources or any(p.search(text) for p, _ in _CLAIMS))):
            sources = list(dict.fromkeys(sources + situation_sources(text, language or "en", evidence)))
        out.append(Sentence(text, sources, kind))
    return out


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
    sentences = explain_sentences("" if problem else script, evidence, settings.language or "en")
    due = plan_row.get("due")
    return Explanation(sheet=t.sheet, row=row, company=str(frame_row.get("company") or ""),
                       position=str(frame_row.get("position") or ""), status=str(plan_row.get("status", "")),
                       due=None if due is None or pd.isna(due) else pd.Timestamp(due).date(),
                       why=str(plan_row.get("why") or ""), channel=str(plan_row.get("channel") or ""),
                       sentences=sentences, problem=problem, language=settings.language or "en",
                       chinese=settings.chinese)


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
