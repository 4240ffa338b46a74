"""Read stage, headers: which row of a sheet is the tracker's header and which field each header
names. A header row (a list of cell values) in, field -> column out; the advice to print when a
field is missing; the tool's own headers found in a header row.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .columns import output_headers
from .commonwords import common_word
from .dates import cell_date, is_date_cell, is_placeholder, typed_day_first
from .hanzi import simplified
from .logcolumns import names_a_day
from .settings import FIELD_CONCEPTS, HEADER_WORDS, Settings
from .xlsx import column_letters, is_empty_cell

# How the rules read a stage cell, given by the caller (the plan's `stage_of` and `unplaced_words`),
# so the header finder can tell a column of stages under a header no list knows
StageReader = tuple[Callable[[Any, Settings], str], Callable[[Any, Settings], list[str]]]

DATE_FIELDS = ("applied_on", "last_contact", "pinned", "interview_on")
FIELD_WEIGHTS = {"company": 3, "position": 3, "applied_on": 2, "stage": 2, "last_contact": 1, "interview_on": 0.5,
                 "contact": 1, "response": 1, "pinned": 1, "follow_ups": 1, "source": 1,
                 "notes": 0.5, "contact_email": 0.5, "contact_phone": 0.5, "location": 0.5}

_NOTE = re.compile(r"\s*(\([^)]*\)|\[[^\]]*\])\s*")      # "Company Name (website)"
_DATE_WORDS = re.compile(r"(?:^|[^a-z])(date|dates|dated|datum|fecha|data|when|day)(?:$|[^a-z])|datum|日期|时间")
_DATE_PREPOSITIONS = ("on", "am", "until", "by", "le", "el", "em", "il", "bis")
# a date, but not which one: the first ones (GENERIC_DATES) are the date applied when no header
# names it better and most of their cells are dates
GENERIC_DATES = ("date", "fecha", "datum", "data", "日期", "tarih", "ngay", "tanggal", "תאריך", "تاريخ", "日付", "날짜")
GENERIC_DATE_HEADERS = (*GENERIC_DATES, "applied", "datesent", "sent")


# Abbreviations headers use for the words of a field ("Hiring Mgr", "Referrer Dept"), written out
_ABBREVIATIONS = re.compile(r"\b(?:(?P<manager>mgr|mngr)|(?P<department>dept))\b\.?")


def _fold(text: str) -> str:
    """Lower case, no accents on Latin letters (users write 'Situacao' for 'Situação'), Chinese in
    simplified characters ('聯絡人' is '联络人'), the usual abbreviations written out ('Hiring Mgr' is
    'hiring manager')."""
    s = simplified(unicodedata.normalize("NFKC", text), chinese=True)
    s = unicodedata.normalize("NFKD", s.replace("\xa0", " ").lower())
    s = _ABBREVIATIONS.sub(lambda m: str(m.lastgroup), s)
    return unicodedata.normalize("NFC", "".join(ch for ch in s if not "\u0300" <= ch <= "\u036f"))


@functools.lru_cache(maxsize=65536)
def _normalize_text(text: str) -> str:
    s = _fold(text).strip()
    s = re.sub(r"\s*\((?:mm|dd|yyyy|yy|m|d)[^)]*\)\s*$", "", s)   # "Applied (mm/dd/yyyy)"
    return "".join(ch for ch in s if ch.isalnum())


def normalize_header(text: Any) -> str:
    """Case-, accent-, space- and punctuation-insensitive key: ' Date-Applied\xa0' -> 'dateapplied'."""
    if text is None:
        return ""
    return _normalize_text(text if isinstance(text, str) else str(text))


def bare_key(text: str) -> str:
    """The key without notes in brackets: 'Company Name (website)' -> 'companyname'."""
    return normalize_header(_NOTE.sub(" ", text))


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[^\w]+|_", _fold(text)) if w)


def names_a_date(text: str) -> bool:
    """'Date Applied', 'Bewerbungsdatum', 'Data Candidatura', 'Follow up on': the header says date."""
    folded = _fold(text)
    words = _words(text)
    if _DATE_WORDS.search(folded) or (len(words) > 1 and words[-1] in _DATE_PREPOSITIONS):
        return True
    concepts = header_concepts(text)
    return "date" in concepts and "count" not in concepts


# --- the header row and its fields ---------------------------------------------------------

def header_fields(row: list[Any], settings: Settings, fuzzy: bool = True) -> dict[str, int]:
    """field -> 0-based column for one candidate header row (see `header_decisions`)."""
    return header_decisions(row, settings, fuzzy)[0]


def header_decisions(row: list[Any], settings: Settings, fuzzy: bool = True) -> tuple[dict[str, int], dict[str, str]]:
    """field -> 0-based column for one candidate header row, and why each field found on weak
    evidence was taken (a field named exactly is strong and has no entry).

    A header is the field it names exactly (after [columns], then the aliases; a note in
    brackets is ignored), or, with `fuzzy`, one a small typo away. Only then, for the fields
    still missing, a header whose words contain an alias ('Company Name (website)') is taken,
    the longest alias first; then a header made of the field's words in any language
    (settings.HEADER_WORDS: 'Başvuru Tarihi', '招聘单位名称'); then one whose word of five letters
    or more is one letter from a known word ('Positon Applied'). Without `fuzzy` only exact
    headers and the field's words count. The leftmost column wins a field; no column gets two.
    """
    table = _alias_table(settings)
    lookup = table.exact
    found, unmatched = _exact_fields(row, settings, lookup)
    weak: dict[str, str] = {}
    taken = set(found.values())
    if fuzzy:   # typos only for fields no header names exactly ('Function' is no typo of 'Fonction' beside 'Position')
        for col, value in unmatched:
            fld = _fuzzy(normalize_header(value), table)
            if fld and fld not in found:
                found[fld] = col
                taken.add(col)
                weak[fld] = "close to a known header (a typo?)"
    if "applied_on" not in found:
        for col, value in enumerate(row):
            if isinstance(value, str) and normalize_header(value) in GENERIC_DATES and col not in taken:
                found["applied_on"] = col
                taken.add(col)
                weak["applied_on"] = "a generic date header"
                break
    if fuzzy and unmatched:
        unmatched = _date_concepts(found, taken, unmatched, weak)
        before = set(found)
        _add_contained(found, taken, unmatched, table)
        for fld in set(found) - before:
            weak[fld] = "the header contains a known header"
    if unmatched:
        for how, guess in (("is made of the field's words", _concept_field),
                           ("has a one-letter typo", _typo_field if fuzzy else None),
                           ("is short for", _abbreviated_field if fuzzy else None),
                           ("joins words of which one names the field", _joined_field)):
            if guess is None:
                continue
            for col, value in unmatched:
                if col in taken:
                    continue
                got = guess(value, table)
                if got and got[0] not in found:
                    found[got[0]] = col
                    taken.add(col)
                    weak[got[0]] = f"the header {how}{got[1]}"
    return found, weak


def _exact_fields(row: list[Any], settings: Settings,
                  lookup: dict[str, str]) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """The fields headers name exactly (leftmost column first), and the text headers that name none."""
    found: dict[str, int] = {}
    user = {normalize_header(k): v for k, v in settings.columns.items()}
    ours = {normalize_header(h) for h in output_headers()}
    unmatched: list[tuple[int, str]] = []
    for col, value in enumerate(row):
        if not isinstance(value, str):
            continue
        key = normalize_header(value)
        if not key or key in ours:
            continue
        bare = bare_key(value)
        fld = user.get(key) or user.get(bare) or lookup.get(key) or lookup.get(bare)
        if fld is None:
            unmatched.append((col, value))
        elif fld not in found:
            found[fld] = col
    return found, unmatched


def _add_contained(found: dict[str, int], taken: set[int], unmatched: list[tuple[int, str]],
                   table: _AliasTable) -> None:
    """Add to `found` the fields still missing whose alias a free header contains, longest alias first."""
    guesses = []
    for col, value in unmatched:
        if col in taken:
            continue
        guess = _contained_alias(value, table)
        if guess:
            guesses.append((guess[1], -col, guess[0], col))
    for _, _, fld, col in sorted(guesses, reverse=True):
        if fld not in found and col not in taken:
            found[fld] = col
            taken.add(col)


@dataclass(frozen=True)
class _AliasTable:
    exact: dict[str, str]                          # normalized alias -> field
    typo_targets: dict[int, tuple[str, ...]] = field(default_factory=dict)   # by length: ASCII aliases, 5+ letters
    # alias words -> field, for containment, by the alias's first word
    phrases_from: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    # what was found for each header text, worked out once (a wide header has thousands)
    typos: dict[str, str | None] = field(default_factory=dict, compare=False)
    contained: dict[str, tuple[str, tuple[int, int, int]] | None] = field(default_factory=dict, compare=False)
    vocabulary: frozenset[str] = frozenset()      # the known words (of aliases and HEADER_WORDS), folded
    vocabulary_by_length: dict[int, tuple[str, ...]] = field(default_factory=dict)   # words of 5+ letters
    word_typos: dict[str, tuple[str, str] | None] = field(default_factory=dict, compare=False)


# what a header may say after the job it names: that it is the one wished for ('Position Sought',
# 'Role wanted')
_WISHED_FOR = frozenset({"sought", "wanted", "desired", "targeted"})
# Aliases too general to name a field when they are only part of a longer header
# ('Job Link' is not a position, 'Mail Date' is not an e-mail address).
_NOT_CONTAINED = frozenset({
    "job", "title", "role", "rol", "state", "via", "mail", "tel", "hr", "applied", "submitted", "sent",
    "note", "stand", "ort", "chef", "manager", "local", "portal", "canal", "sede", "fase", "phase",
    "stelle", "emploi", "progress", "result", "resultado", "reminder", "referred", "business", "opening",
    "responsable", "responsabile", "mobile", "handy", "data", "titel", "titolo", "retour", "retorno",
    "platform", "plataforma", "kanal", "fonte", "origine", "origem", "empfehlung", "feedback",
})


_LINKS = frozenset({"of", "for", "to", "de", "da", "do", "das", "dos", "di", "del", "della", "dello", "dei",
                    "du", "des", "der", "von", "zur", "zum", "fur", "für", "para", "per", "pour",
                    # ("Person I spoke with", "Kontakt mit")
                    "with", "mit", "avec", "con", "com", "met"})
_NAME_WORDS = frozenset({"name", "nome", "nom", "nombre", "names"})


def _alias_table(settings: Settings) -> _AliasTable:
    # Keyed on the aliases' content, not their id(): a watcher reloading an edited followup.toml
    # must see the new aliases even when the new mapping happens to reuse an old object's id.
    return _alias_table_for(tuple((fld, tuple(names)) for fld, names in settings.aliases.items()))


@functools.lru_cache(maxsize=16)
def _alias_table_for(aliases: tuple[tuple[str, tuple[str, ...]], ...]) -> _AliasTable:
    exact: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for fld, names in aliases:
        for name in names:
            exact.setdefault(normalize_header(name), fld)
            words = _words(_NOTE.sub(" ", name))
            if words and not (len(words) == 1 and (words[0] in _NOT_CONTAINED or len(words[0]) < 4)):
                phrases.setdefault(words, fld)
    targets: dict[int, list[str]] = {}
    for key in exact:
        if len(key) >= 5 and key.isascii():
            targets.setdefault(len(key), []).append(key)
    starting: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for pair in phrases.items():
        starting.setdefault(pair[0][0], []).append(pair)
    vocabulary = {w for _, names in aliases for name in names for w in _words(name)}
    vocabulary |= {w for names in HEADER_WORDS.values() for name in names for w in _words(name)}
    by_length: dict[int, list[str]] = {}
    for w in sorted(vocabulary):
        if len(w) >= 5 and w.isalpha():
            by_length.setdefault(len(w), []).append(w)
    return _AliasTable(exact, {n: tuple(keys) for n, keys in targets.items()},
                       {word: tuple(pairs) for word, pairs in starting.items()}, vocabulary=frozenset(vocabulary),
                       vocabulary_by_length={n: tuple(ws) for n, ws in by_length.items()})


def alias_lookup(settings: Settings) -> dict[str, str]:
    return _alias_table(settings).exact


def _contained_alias(header: str, table: _AliasTable) -> tuple[str, tuple[int, int, int]] | None:
    """`_find_contained_alias`, worked out once per distinct header text (see `_fuzzy`)."""
    if header not in table.contained:
        _remember(table.contained, header, _find_contained_alias(header, table))
    return table.contained[header]


def _find_contained_alias(header: str, table: _AliasTable) -> tuple[str, tuple[int, int, int]] | None:
    """The field of the alias found in `header`'s words, when that is unambiguous: one that ends
    the header first ('Recruiter Phone Number' is a phone number), then the longest. A one-word
    alias counts only at the end ('Email Subject' is no e-mail address, 'Company Website' no
    company)."""
    words = _words(header)
    if not words or len(words) > 6 or len(header) > 60:
        return None
    if len(words) > 1 and words[-1] in _WISHED_FOR:
        words = words[:-1]     # 'Position Sought' is the position: the word after it says it is wished for
    date_only = names_a_date(header)
    link = next((i for i, w in enumerate(words) if w in _LINKS and i), None)
    if link is not None and words[link - 1] not in _NAME_WORDS and not names_a_date(" ".join(words[:link])):
        words = words[:link]   # 'Tipo de Vaga', 'Link to Job': the words before 'de' say what it is
    best: list[tuple[tuple[int, int, int], str]] = []
    for phrase, fld in (pair for word in set(words) for pair in table.phrases_from.get(word, ())):
        n = len(phrase)
        if n > len(words) or (date_only and fld not in DATE_FIELDS):
            continue
        at_end = words[-n:] == phrase
        if at_end or (n > 1 and any(words[i:i + n] == phrase for i in range(len(words) - n))):
            best.append(((int(at_end), n, len("".join(phrase))), fld))
    if not best:
        return None
    best.sort(reverse=True)
    top = best[0][0]
    fields = {fld for score, fld in best if score == top}
    return (fields.pop(), top) if len(fields) == 1 else None


@dataclass(frozen=True)
class _ConceptIndex:
    """settings.HEADER_WORDS, folded and indexed for matching word by word (see its comment)."""
    whole: dict[tuple[str, ...], frozenset[str]]    # phrases whose last word is under five letters (+ plurals)
    starts: dict[tuple[str, ...], frozenset[str]]   # phrases whose last word may start a longer word
    ends: dict[str, frozenset[str]]                 # date words that may end a longer word ('datum')
    inside: tuple[tuple[str, str], ...]             # (word, concept) in scripts without spaces
    longest: int                                    # words in the longest phrase


@functools.lru_cache(maxsize=4)
def _concept_index(words: tuple[tuple[str, tuple[str, ...]], ...]) -> _ConceptIndex:
    whole: dict[tuple[str, ...], set[str]] = {}
    starts: dict[tuple[str, ...], set[str]] = {}
    ends: dict[str, set[str]] = {}
    inside: list[tuple[str, str]] = []
    for concept, names in words:
        for name in names:
            w = " ".join(re.split(r"[\s_\-/]+", _fold(name))).strip()
            if not w:
                continue
            if not all(_spaced(ch) for ch in w if ch.isalpha()):
                inside.append((w.replace(" ", ""), concept))
                continue
            parts = tuple(w.split(" "))
            last = parts[-1]
            if len(last) >= 5:
                starts.setdefault(parts, set()).add(concept)
                if concept == "date":
                    ends.setdefault(last, set()).add(concept)
            else:
                for form in (last, last + "s", last + "es"):
                    whole.setdefault((*parts[:-1], form), set()).add(concept)
    longest = max((len(k) for k in (*whole, *starts)), default=1)
    return _ConceptIndex({k: frozenset(v) for k, v in whole.items()}, {k: frozenset(v) for k, v in starts.items()},
                         {k: frozenset(v) for k, v in ends.items()}, tuple(inside), longest)


def _spaced(ch: str) -> bool:
    """Whether a letter is of a script that puts spaces between words and no article on them."""
    return ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u0370" <= ch <= "\u052f" or "\u1e00" <= ch <= "\u1eff"


@functools.lru_cache(maxsize=65536)
def header_concepts(header: str) -> frozenset[str]:
    """The HEADER_WORDS concepts a header holds ('Ngày phỏng vấn' -> {'date', 'interview'})."""
    # (kept per header: the words' key was built and hashed again on each of some 120 calls a read)
    return _header_concepts(header, _words_key())


@functools.cache
def _words_key() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((c, tuple(ws)) for c, ws in HEADER_WORDS.items())


# small words a header may hold besides the field's words ('Nama Perusahaan', 'Tên công ty')
_FILLERS = frozenset({"the", "a", "an", "your", "my", "our", "name", "names", "nome", "nom", "nombre", "namn",
                      "nama", "ten", "adi", "adı", "ad", "isim", "navn", "naam", "שם", "اسم", "yang", "cua", "och",
                      "ve",
                      "va", "dan", "и", "ו", "و", "no", "i", "en", "at", "in",
                      "번호", "号码", "號碼", "番号", "名称", "이름", "の",
                      # 'current', 'the content of', 'explained' before or after a field's words
                      "현재", "현", "現在", "现在", "当前", "目前", "说明", "説明", "설명", "내용", "内容", "欄", "栏",
                      "current", "most",   # ('Current status', 'Most recent contact')
                      # what was sent ('Fecha envío CV', 'Date CV sent'): the application itself
                      "cv", "résumé", "lebenslauf", "unterlagen", "curriculum", "简历", "履歴書", "이력서"})


@functools.lru_cache(maxsize=65536)
def _header_concepts(header: str, words: tuple[tuple[str, tuple[str, ...]], ...],
                     partial: bool = False) -> frozenset[str]:
    """The concepts of `header`, or none when a word of it is neither a concept's word nor a small
    word ('Company Website' is about a website) unless `partial`."""
    if len(header) > 60:
        return frozenset()
    folded = " ".join(re.split(r"[\s_\-/:()\[\]#.,]+", _fold(header))).strip()
    tokens = folded.split(" ")
    if not folded or len(tokens) > 6:
        return frozenset()
    index = _concept_index(words)
    found: set[str] = set()
    covered = [t in _FILLERS or t in _LINKS for t in tokens]
    for i in range(len(tokens)):
        for n in range(1, min(index.longest, len(tokens) - i) + 1):
            span = tuple(tokens[i:i + n])
            got = set(index.whole.get(span, ()))
            head, last = span[:-1], span[-1]
            for k in range(5, len(last) + 1):
                got |= index.starts.get((*head, last[:k]), frozenset())
            if got:
                found |= got
                covered[i:i + n] = [True] * n
        token = tokens[i]
        for k in range(5, len(token)):
            ending = index.ends.get(token[-k:])
            if ending:
                found |= ending
                covered[i] = True
    if not folded.isascii():
        squeezed = folded.replace(" ", "")
        # each place a word stands, the longest word there: the 일 (day) inside 이메일 (e-mail)
        # and the 联络 (contact) inside 联络人 (contact person) are parts of the longer word
        spans = [(m.start(), m.start() + len(word), word, concept) for word, concept in index.inside
                 for m in re.finditer(re.escape(word), squeezed)]
        offsets = []     # where each token stands in the squeezed text
        at = 0
        for token in tokens:
            offsets.append((at, at + len(token)))
            at += len(token)
        for start, end, _word, concept in spans:
            if any(s <= start and end <= e and e - s > end - start for s, e, _, _ in spans):
                continue
            found.add(concept)
            for i, (a, b) in enumerate(offsets):
                if a < end and start < b:      # '채용 담당자': 채용담당 covers both words
                    covered[i] = True
    return frozenset(found) if found and (partial or all(covered)) else frozenset()


# words a field's header may hold besides its own ('Vị trí ứng tuyển': the position applied for)
_MAY_ALSO_SAY = {"company": {"applied"}, "position": {"applied"}, "source": {"applied"}, "contact": {"contact"},
                 "contact_phone": {"contact"}, "contact_email": {"contact"}}


_SPOKE = re.compile(r"\b(?:spoke|spoken|talked)\b", re.IGNORECASE)


def _date_concepts(found: dict[str, int], taken: set[int], unmatched: list[tuple[int, Any]],
                   weak: dict[str, str]) -> list[tuple[int, Any]]:
    """A header made of a date field's words is that date, not the field of an alias inside it
    ("Most recent contact" holds "contact", but it is when): `found` gets it; the rest is returned."""
    for col, value in list(unmatched):
        said = _concept_field(str(value)) if isinstance(value, str) else None
        if said is not None and said[0] in DATE_FIELDS and said[0] not in found and col not in taken:
            found[said[0]] = col
            taken.add(col)
            weak[said[0]] = f"the header is made of the field's words{said[1]}"
            unmatched = [(c, v) for c, v in unmatched if c != col]
    return unmatched


# the word for "on (a day)" a header ends with, in the languages the reader knows ("Bewerbung am",
# "Postulé le", "Candidatura il", "Verzonden op", "Enviado em", "Wysłane dnia")
_ON_A_DAY = re.compile(r"\s(?:on|am|le|el|il|em|op|dnia)\s*[:.]?\s*$", re.IGNORECASE)


def _concept_field(header: str, table: _AliasTable | None = None) -> tuple[str, str] | None:
    """The field whose concept combination (settings.FIELD_CONCEPTS) the header holds and nothing
    more: 'Tanggal Melamar' is the date applied, 'Company contact' is no company."""
    on = _ON_A_DAY.search(header)
    if on is not None and header_concepts(header[:on.start()]) == {"applied"}:
        return "applied_on", " (applied, on a day)"     # ("Bewerbung am", "Postulé le": the day it was sent)
    concepts = header_concepts(header)
    if not concepts:
        return None
    if concepts & {"last", "date"} and "person" in concepts and _SPOKE.search(header):
        # a verb of talking after "last" or beside a date is when, not who ("Last spoke", "Date talked")
        concepts = concepts - {"person"}
    matches: dict[str, set[str]] = {}
    for fld, combos in FIELD_CONCEPTS.items():
        for combo in combos:
            if set(combo) <= concepts:
                matches.setdefault(fld, set()).update(combo)
    if "posted" in concepts:
        matches.pop("applied_on", None)
    if "count" in concepts:   # 'Days since applied' counts days
        matches = {f: c for f, c in matches.items() if f not in DATE_FIELDS}
    if "interview" in concepts:   # 'Interview follow-up date' is about the interview
        matches = {f: c for f, c in matches.items() if f == "interview_on"}
    fits = [f for f, used in matches.items() if not (concepts - used - {"posted"} - _MAY_ALSO_SAY.get(f, set()))]
    if len(fits) != 1:
        return None
    return fits[0], f" ({', '.join(sorted(matches[fits[0]]))})"


_JOINED = re.compile(r"\s*[/／・|&＆]\s*")


def _joined_field(header: str, table: _AliasTable) -> tuple[str, str] | None:
    """The field of a header that joins two or three words with a slash when exactly one of them
    names a field ('心得/備註': thoughts and notes; 'Notes / Thoughts'): the user's own word beside
    a known one."""
    parts = [p for p in _JOINED.split(header.strip()) if p]
    if not 2 <= len(parts) <= 3:
        return None
    named = {}
    for part in parts:
        key = normalize_header(part)
        fld = table.exact.get(key) or table.exact.get(bare_key(part))
        if fld is None:
            concept = _concept_field(part)
            fld = concept[0] if concept else None
        if fld is not None:
            named[part] = fld
    if len(set(named.values())) != 1:
        return None
    (part, fld), = list(named.items())[:1]
    return fld, f" ({part!r})"


def _typo_field(header: str, table: _AliasTable) -> tuple[str, str] | None:
    """The field of `header` once a word of five letters or more that is one edit (a letter
    missing, extra, changed or two swapped) from exactly one known word is put right."""
    if header in table.word_typos:
        return table.word_typos[header]
    got = None
    words = _words(header)
    if 0 < len(words) <= 6 and len(header) <= 60:
        fixed = []
        changed = []
        for w in words:
            if len(w) >= 5 and w.isalpha() and w not in table.vocabulary:
                near = [k for n in (len(w) - 1, len(w), len(w) + 1) for k in table.vocabulary_by_length.get(n, ())]
                close = [m[0] for m in process.extract(w, near, scorer=OSA.distance, score_cutoff=1, limit=None)]
                if len(close) == 1:
                    changed.append(f"{w!r} read as {close[0]!r}")
                    w = close[0]
            fixed.append(w)
        if changed:
            text = " ".join(fixed)
            key = normalize_header(text)
            fld = table.exact.get(key)
            if fld is None:
                contained = _find_contained_alias(text, table)
                fld = contained[0] if contained else None
            if fld is None:
                concept = _concept_field(text)
                fld = concept[0] if concept else None
            if fld is not None:
                got = (fld, f" ({', '.join(changed)})")
    _remember(table.word_typos, header, got)
    return got


def _abbreviated_field(header: str, table: _AliasTable) -> tuple[str, str] | None:
    """The field of a header cut short ('Obs', 'Obs.', 'Org', 'Cel'): one word of three to five
    letters, maybe with a dot, that begins known headers of one field only ('obs' begins
    observaciones, observações and observations, all notes); 'Sta' begins status, stage and
    stanowisko, two fields, so it is none."""
    m = re.fullmatch(r"\s*([^\W\d_]{3,5})\.?\s*", header)
    if m is None:
        return None
    short = normalize_header(m.group(1))
    if short in table.exact or short in table.vocabulary:
        return None
    fields = {fld for key, fld in table.exact.items() if key.startswith(short) and len(key) > len(short) + 1}
    if len(fields) != 1:
        return None
    (fld,) = fields
    whole = min((key for key, f in table.exact.items() if f == fld and key.startswith(short)), key=len)
    return fld, f" {whole!r}"


def _fuzzy(key: str, table: _AliasTable) -> str | None:
    """Typos ('Comapny', 'Staus', 'Date Appled'): the field of the alias of 5+ letters closest to
    `key` (a normalised header), when their similarity is 85% or more; the closest first, then the
    alphabetically last. Worked out once per distinct header text: a header row is looked at more
    than once (choosing the sheet, then reading it), and a wide one holds thousands of headers
    (16,384 headers: 32,760 difflib matches took 25 s; rapidfuzz, once per text, with the
    contained aliases also found once: under 2 s, test_write_safety's header across every column)."""
    if key in table.typos:
        return table.typos[key]
    fld = None
    if 5 <= len(key) <= 30 and key.isascii():
        near = [k for n in range(len(key) - 2, len(key) + 3) for k in table.typo_targets.get(n, ())]
        scored = process.extract(key, near, scorer=fuzz.ratio, score_cutoff=85, limit=None)
        if scored:
            best = max(scored, key=lambda m: (m[1], m[0]))[0]
            if not _another_word(key, best):
                fld = table.exact[best]
    _remember(table.typos, key, fld)
    return fld


def _another_word(key: str, alias: str) -> bool:
    """Whether the header `key`, near `alias`, is a word of its own and not that alias mistyped:
    "Contractor" is no "Contacto" (two letters apart, neither holding the other), while
    "Contactpersoon" is "contactperson" as Dutch writes it (one letter) and "gesolliciteerd" holds
    the start of "gesolliciteerd op". Asked only of a near miss: the word lists take a moment to load."""
    if alias in key or key in alias or OSA.distance(key, alias) <= 1:
        return False
    return key.isalpha() and common_word(key)


_REMEMBERED = 100_000   # distinct header texts remembered per alias table (a watcher runs for days)


def _remember(memo: dict, key: str, value: Any) -> None:
    if len(memo) >= _REMEMBERED:
        memo.clear()
    memo[key] = value


def _score(fields: dict[str, int], weak: dict[str, str] | None = None) -> float:
    """A header row's worth: its fields' weights, a field found on weak evidence counting half."""
    weak = weak or {}
    return sum(FIELD_WEIGHTS.get(f, 0.5) * (0.5 if f in weak else 1) for f in fields)


@dataclass(frozen=True)
class HeaderMatch:
    row: int                   # 0-based row of the grid
    fields: dict[str, int]     # field -> 0-based column
    score: float
    weak: dict[str, str]       # field -> why it was taken on weak evidence


def find_header(grid: list[list[Any]], settings: Settings,
                stages: StageReader | None = None) -> HeaderMatch | None:
    """The best header row in the first rows. Typos are forgiven only in the few rows that
    already have the most headers named exactly or by their words, so data rows are not
    fuzzy-matched cell by cell."""
    exact = [(len(header_fields(row, settings, fuzzy=False)), r)
             for r, row in enumerate(grid[: settings.header_search_rows])]
    most = max((e[0] for e in exact), default=0)
    likely = [e for e in exact if e[0] >= 2 and e[0] >= most - 1][:3]
    best = _best_header(grid, settings, sorted(r for _, r in likely), stages)
    if best is None:   # headers all typos or guesses ('Perusahan', 'Positon Applied'): the rows naming one
        tried = {r for _, r in likely}
        rows = [r for n, r in sorted(exact, key=lambda e: (-e[0], e[1])) if n >= 1 and r not in tried][:3]
        label_row = header_like_row(grid, settings)
        if label_row is not None and label_row not in tried:
            rows.append(label_row)
        best = _best_header(grid, settings, sorted(set(rows)), stages)
    if best is None:   # headed in a language no list knows ('Yritys', 'Cég'): the columns by their values
        label_row = header_like_row(grid, settings)
        if label_row is not None:
            best = _header_by_values(grid, settings, label_row, stages)
    return best


def repeated_like(values: list[Any]) -> str | None:
    """Why a column's cells look like stages in words no list knows ('Beadva', 'Haettu'), or None:
    four or more filled, all short text (three words or fewer, no date, number, address or link),
    few different values among them, one at least repeated."""
    filled = [v for v in values if not is_empty_cell(v) and not isinstance(v, bool)]
    texts = [" ".join(v.split()).casefold() for v in filled if isinstance(v, str)]
    if len(texts) < 4 or len(texts) < len(filled):
        return None
    if any(len(t.split()) > 3 or len(t) > 30 or is_date_cell(t) or _URLISH.search(t) or any(c.isdigit() for c in t)
           for t in texts):
        return None
    distinct = len(set(texts))
    if distinct == len(texts) or distinct > 0.6 * len(texts):
        return None
    return f"{distinct} different short values repeated over {len(texts)} filled cells, as stages are"


# A header word in a past form names an event that happened, so a column of days under it holds
# that event's days ('Chased', 'Nachgefasst', 'Aktualisiert', 'Relancé', 'Respondieron',
# 'Sollecitata', 'Wysłano', 'Odpisali', '連絡済み', '已联系'): read by the word's ending (its
# tense), not from a list of verbs. A word that plans ('scheduled', 'geplant', 'prévu') is no event yet.
_PAST_WORD = re.compile(
    r"[a-z]{2,}ed|sent|rang|spoke|heard|wrote|met"                        # English
    r"|[a-zäöüß]*ge[a-zäöüß]{2,}(?:t|en|d)|[a-zäöüß]{3,}iert"              # German, Dutch
    r"|(?:be|er|ver|ent|zer)[a-zäöüß]{3,}(?:t|en)"
    r"|[a-zàâçéèêëîïôûù]{2,}(?:é|ée|és|ées)|[a-zàâçéèêëîïôûù]{2,}(?:du|çu)e?s?"   # French
    r"|[a-záéíóúñãõâêôàèìò]{3,}(?:ad[oa]s?|id[oa]s?|at[oaie]|it[oaie]|ut[oaie])"   # Spanish, Portuguese, Italian
    r"|[a-záéíóúñãõâê]{3,}(?:aron|ieron|aram|eram|iram)"                  # ... the preterite's 'they'
    r"|[a-ząćęłńóśźż]{3,}(?:ano|ono|ęto|ali|ały|ili|iły|yli|yły|ał|ała|ało|ił|iła|iło)",  # Polish
    re.IGNORECASE)
_PAST_CJK = re.compile(r"済|完了|した|^已|了$|했|완료|됨$")
_PLANNED = re.compile(r"(?i)schedul|plann|geplant|vorgesehen|prévu|programm|previst|pianific|gepland|zaplanow"
                      r"|expect|erwartet|予定|计划|計画|예정")


@functools.lru_cache(maxsize=4096)
def past_form(header: str) -> bool:
    """Whether a short header (three words at most) says an event happened: a word of it in a past
    form, nothing of it planned ('Chased', 'Bewerbung gesendet', 'Relancé', '送信済み')."""
    text = unicodedata.normalize("NFC", header).strip()
    words = re.findall(r"[^\W\d_]+", text)
    if not words or len(words) > 3 or _PLANNED.search(text):
        return False
    return any(_PAST_WORD.fullmatch(w) for w in words) or bool(_PAST_CJK.search(text))


_NOT_AN_EVENT = frozenset({"posted", "count", "interview", "next", "status"})
_NEAR_A_FOLLOW_UP = ("pinned", "follow_ups")


def guess_last_contact(header: list[Any], below: list[list[Any]], fields: dict[str, int],
                       weak: dict[str, str]) -> tuple[int, str] | None:
    """Beside a date applied, a column not taken most of whose filled cells are dates, on or after
    the row's date applied in nearly every row that has both, under a header that says an event
    happened ('Chased', 'Odpisali', 'Nachgefasst') or names only the latest ('Latest', 'Zuletzt'):
    the last contact's day (the values decide with the header); (0-based column, why). A column
    taken as the follow-up date or count only for a header near theirs ('Relancée' by 'Relance') is
    free for it: its tense says the follow-up happened."""
    applied = fields.get("applied_on")
    if applied is None or "last_contact" in fields:
        return None
    taken = {c for f, c in fields.items() if not (f in _NEAR_A_FOLLOW_UP and f in weak)}
    rows = below[:200]
    found = []
    for col, value in enumerate(header):
        if col in taken or not isinstance(value, str) or is_tool_header(value) or names_a_day(value):
            continue
        text = " ".join(value.split())
        concepts = _header_concepts(text, _words_key(), partial=True)
        latest = bool(concepts) and concepts <= {"last", "date", "contact"} and "last" in concepts
        if concepts & _NOT_AN_EVENT or not (latest or past_form(text)):
            continue
        values = [row[col] if col < len(row) else None for row in rows]
        filled = [v for v in values if not is_empty_cell(v) and not isinstance(v, bool)]
        dated = sum(is_date_cell(v) for v in filled)
        if not dated or dated < 0.6 * len(filled) or (dated < 2 and dated < len(filled)):
            continue
        day_first = typed_day_first([*values, *(row[applied] for row in rows if applied < len(row))])
        pairs: list[tuple[dt.date, dt.date]] = []
        for v, row in zip(values, rows):
            d, a = cell_date(v, day_first), cell_date(row[applied], day_first) if applied < len(row) else None
            if d is not None and a is not None:
                pairs.append((d, a))
        later = sum(d >= a for d, a in pairs)
        if pairs and later < 0.8 * len(pairs):
            continue      # (often before the application: some other day, a posting's)
        if pairs and 2 * sum(d > a for d, a in pairs) < len(pairs):
            continue      # (mostly the same day: the record's own stamp, 'Created', not a contact)
        how = "names only the latest" if latest else "says an event happened"
        found.append((col, f"{text!r} (column {column_letters(col + 1)}) holds days ({dated} of {len(filled)} "
                           f"filled cells), on or after the date applied in {later} of {len(pairs)} rows, under a "
                           f"header that {how}: read as the last contact"))
    return found[0] if len(found) == 1 else None


def _lone_date_applied(header: list[Any], below: list[list[Any]], fields: dict[str, int],
                       weak: dict[str, str]) -> tuple[dict[str, int], dict[str, str]]:
    """A company, a stage or a position, and a person to reach beside one lone date column ('Sökt',
    'Odesláno'): that column is the day the application went out, whatever the header's language.
    Without a stage or position named, a column of a few short values repeated ('Odesláno',
    'Pohovor', 'Zamítnuto') is taken as the stage with it."""
    if {"applied_on", "last_contact"} & fields.keys() or "company" not in fields \
            or not {"contact", "contact_email", "contact_phone"} & fields.keys():
        return fields, weak
    staged: tuple[int, str] | None = None
    if not {"stage", "position"} & fields.keys():
        staged = _guess_column(header, below, fields, Settings(), "stage", repeated_like,
                               lambda values, why: -int(why.split()[0]))
        if staged is None:
            return fields, weak
        fields, weak = {**fields, "stage": staged[0]}, {**weak, "stage": staged[1]}
    dated = _only_date_column(header, below, fields)
    if dated is None:
        if staged is not None:
            fields, weak = {k: v for k, v in fields.items() if k != "stage"}, {k: v for k, v in weak.items()
                                                                              if k != "stage"}
        return fields, weak
    return {**fields, "applied_on": dated[0]}, {**weak, "applied_on": dated[1]}


def _only_date_column(header: list[Any], below: list[list[Any]], fields: dict[str, int]) -> tuple[int, str] | None:
    """The one column not taken most of whose filled cells are dates, when it is the only one
    (a lone date beside an application is the day it was sent); (0-based column, why)."""
    taken = set(fields.values())
    dated = []
    for col, value in enumerate(header):
        if col in taken or is_tool_header(value):
            continue
        filled = [row[col] for row in below[:200] if col < len(row)
                  and not is_empty_cell(row[col]) and not isinstance(row[col], bool)]
        count = sum(is_date_cell(v) for v in filled)
        if count >= 2 and count >= 0.6 * len(filled):
            dated.append((col, f"{count} of {len(filled)} filled cells are dates, the row's only dates"))
    if len(dated) != 1:
        return None
    col, why = dated[0]
    label = " ".join(str(header[col] or "").split()) or "(no header)"
    return col, (f"no header names the date applied; {label!r} (column {column_letters(col + 1)}) was guessed "
                 f"from its values: {why}")


def _header_by_values(grid: list[list[Any]], settings: Settings, r: int,
                      stages: StageReader | None) -> HeaderMatch | None:
    """A row of labels in a language the lists do not know, read by the values under it (rules §1
    and §8): organisation names are the company and a column of dates (the earliest of their
    row, else under a date word) the date applied; with them, e-mail addresses, telephone
    numbers, sentences and stage words are the contact's address, phone, notes and stage. A
    table without a company, a date and an address, a phone or notes is no tracker (an expense
    list's vendors, days and 'Paid' are not applications), and nothing is taken."""
    header, below = grid[r], grid[r + 1:]
    fields, weak = header_decisions(header, settings)
    for fld, guess in (("company", lambda f: guess_company(header, below, f, settings)),
                       ("applied_on", lambda f: guess_applied_on(header, below, f, settings)
                        or _only_date_column(header, below, f))):
        if fld not in fields:
            got = guess(fields)
            if got is None:
                return None
            fields, weak = {**fields, fld: got[0]}, {**weak, fld: got[1]}
    fields, weak = _addresses_by_values(header, below, fields, weak, settings)
    for fld, guess in (("contact_phone", lambda f: guess_phone(header, below, f, settings)),
                       ("notes", lambda f: guess_notes(header, below, f, settings)),
                       ("stage", lambda f: guess_stage(header, below, f, settings, stages) if stages else None)):
        if fld not in fields:
            got = guess(fields)
            if got is not None:
                fields, weak = {**fields, fld: got[0]}, {**weak, fld: got[1]}
    if "stage" not in fields:
        got = _guess_column(header, below, fields, settings, "stage", repeated_like,
                            lambda values, why: -int(why.split()[0]))
        if got is not None:
            fields, weak = {**fields, "stage": got[0]}, {**weak, "stage": got[1]}
    if not {"contact_email", "contact_phone", "notes"} & fields.keys():
        return None     # (a status beside names and days is any list's: 'Paid', 'Sent')
    return HeaderMatch(r, fields, _score(fields, weak), weak)


def _about_applications(fields: dict[str, int], weak: dict[str, str]) -> bool:
    """Whether a header row without a company still names something only a job search has: a
    position, or a date applied or of contact, an interview or follow-up (a generic 'Date' beside
    'Status' is any list's: an expense sheet's vendors are no companies applied to)."""
    specific = {"position", "applied_on", "last_contact", "interview_on", "follow_ups", "pinned"}
    return any(f in fields and not (f == "applied_on" and weak.get(f) == "a generic date header") for f in specific)


def _best_header(grid: list[list[Any]], settings: Settings, rows: list[int],
                 stages: StageReader | None = None) -> HeaderMatch | None:
    best = None
    for r in rows:
        fields, weak = _grouped_fields(grid[r], grid[r - 1] if r else [], *header_decisions(grid[r], settings),
                                       settings)
        fields, weak = _guessed_fields(grid[r], grid[r + 1:], fields, weak, settings, stages)
        if not ({"company", "position"} & fields.keys()):
            continue
        score = _score(fields, weak)
        if best is None or score > best.score:
            best = HeaderMatch(r, fields, score, weak)
    return best


def _grouped_fields(header: list[Any], above: list[Any], fields: dict[str, int], weak: dict[str, str],
                    settings: Settings) -> tuple[dict[str, int], dict[str, str]]:
    """A header under a row of group labels, each over the columns up to the next one (merged
    cells: "CONTACT" over "Name" and "Phone", two groups or more): a column whose own header names no field is the
    field its group's label and its header name together ("Contact Name")."""
    labels = [v.strip() if isinstance(v, str) else "" for v in above]
    filled = [v for v in labels if v]
    own = sum(1 for v in header if isinstance(v, str) and v.strip())
    if len(filled) < 2 or len(filled) * 2 > own or any(re.search(r"\d", v) for v in filled):
        return fields, weak
    taken, group = set(fields.values()), ""
    fields, weak = dict(fields), dict(weak)
    for col, value in enumerate(header):
        group = labels[col] if col < len(labels) and labels[col] else group if col < len(labels) else ""
        text = value.strip() if isinstance(value, str) else ""
        if col in taken or not text or not group:
            continue
        found = header_decisions([f"{group} {text}"], settings)[0]
        name = next((f for f, c in found.items() if c == 0 and f not in fields), None)
        if name is not None:
            fields[name] = col
            weak[name] = f"{text!r} (column {column_letters(col + 1)}) under the group {group!r}"
    return fields, weak


def _guessed_fields(header: list[Any], below: list[list[Any]], fields: dict[str, int], weak: dict[str, str],
                    settings: Settings, stages: StageReader | None) -> tuple[dict[str, int], dict[str, str]]:
    """The fields of a header row with those its columns' values show (each a weak decision)."""
    fields, weak = _no_dates_for_names(below, fields, weak)
    if "company" not in fields and len(fields) >= 2 and _about_applications(fields, weak):
        guessed = guess_company(header, below, fields, settings)
        if guessed is not None:
            fields, weak = {**fields, "company": guessed[0]}, {**weak, "company": guessed[1]}
    fields, weak = _addresses_by_values(header, below, fields, weak, settings)
    # a contact column of telephone numbers ("HR Contact": 9876500001) is the phone; a column
    # whose header alone names the contact ("HR Name") is then the person
    if "contact" in fields and "contact_phone" not in fields:
        moved = _numbers_under_contact(header, below, fields, settings)
        if moved is not None:
            fields, weak = moved[0], {**weak, **moved[1]}
    # a contact column of dates ('Últ. contacto', 'Lst contact': 01/12/26) is the last contact's day
    if "last_contact" not in fields:
        moved = _dates_under_contact(header, below, fields, settings)
        if moved is not None:
            fields, weak = moved[0], {**weak, **moved[1]}
    # a phone header over an empty column, the numbers under another header ("Mob" left blank,
    # the numbers under "Ph" or "Tel no."): the numbers are the phone
    phone = fields.get("contact_phone")
    if phone is not None and not any(phone < len(row) and str(row[phone] or "").strip() for row in below):
        taken = set(fields.values())
        for col, text in enumerate(header):
            values = [row[col] for row in below if col < len(row)]
            if col not in taken and set(header_decisions([str(text or "")], settings)[0]) <= {"contact_phone"} \
                    and phone_like(values, settings.blank_words):
                fields = {**fields, "contact_phone": col}
                weak = {**weak, "contact_phone": f"{text!r} (column {column_letters(col + 1)}) holds the numbers"}
                break
    job = bool({"company", "position"} & fields.keys())
    # (numbers first: a column of '+48 512 004 118' has four 'words' but is no sentence)
    steps: list[tuple[str, bool, Callable[[], tuple[int, str] | None]]] = [
        ("contact_phone", job, lambda: guess_phone(header, below, fields, settings)),
        ("contact", job, lambda: guess_contact(header, below, fields, settings)),
        ("applied_on", bool(_JOB_SEARCH_FIELDS & fields.keys()),
         lambda: guess_applied_on(header, below, fields, settings)),
        ("notes", job, lambda: guess_notes(header, below, fields, settings)),
        ("stage", job and stages is not None,
         lambda: guess_stage(header, below, fields, settings, stages) if stages is not None else None),
    ]
    for name, wanted, guess in steps:
        if name == "stage" and "stage" not in fields and stages is not None and "pinned" in fields:
            # (a "Next step" column of stage words is the stage, before one is guessed elsewhere)
            fields, weak = _stages_for_days([header, *below], 0, fields, weak, settings, stages)
        if name not in fields and wanted:
            found = guess()
            if found is not None:
                fields, weak = {**fields, name: found[0]}, {**weak, name: found[1]}
        if name == "applied_on":
            fields, weak = _applied_and_after(header, below, fields, weak)
    return fields, weak


def _applied_and_after(header: list[Any], below: list[list[Any]], fields: dict[str, int], weak: dict[str, str]
                       ) -> tuple[dict[str, int], dict[str, str]]:
    """The lone date column as the date applied (`_lone_date_applied`), then a later event's days
    beside it as the last contact (`guess_last_contact`)."""
    fields, weak = _lone_date_applied(header, below, fields, weak)
    for name, guess in (("last_contact", guess_last_contact), ("pinned", _next_alone), ("position", _posting_words)):
        found = guess(header, below, fields, weak) if name not in fields else None
        if found is not None:
            fields = {f: c for f, c in fields.items() if c != found[0]}
            weak = {f: w for f, w in weak.items() if f in fields}
            fields, weak = {**fields, name: found[0]}, {**weak, name: found[1]}
    return fields, weak


def _filled(below: list[list[Any]], col: int) -> list[Any]:
    return [row[col] for row in below[:200] if col < len(row) and not is_empty_cell(row[col])
            and not isinstance(row[col], bool)]


def _next_alone(header: list[Any], below: list[list[Any]], fields: dict[str, int],
                weak: dict[str, str]) -> tuple[int, str] | None:
    """A header that says only 'next' ('Next', 'Nächste', 'Prochaine') over a column of days: the
    day planned for the next step, as 'Next date' is (the values decide with the header)."""
    taken = set(fields.values())
    for col, value in enumerate(header):
        if col in taken or not isinstance(value, str) or _header_concepts(" ".join(value.split()), _words_key()) \
                != {"next"}:
            continue
        filled = _filled(below, col)
        dated = sum(is_date_cell(v) for v in filled)
        if dated and dated >= 0.6 * len(filled):
            return col, (f"{' '.join(value.split())!r} (column {column_letters(col + 1)}) says only 'next' over "
                         f"days ({dated} of {len(filled)} filled cells): the day planned")
    return None


def _posting_words(header: list[Any], below: list[list[Any]], fields: dict[str, int],
                   weak: dict[str, str]) -> tuple[int, str] | None:
    """A header that says only 'posting' over words, not days or links: the job posted, the
    position."""
    taken = set(fields.values())
    for col, value in enumerate(header):
        if col in taken or not isinstance(value, str) or _header_concepts(" ".join(value.split()), _words_key()) \
                != {"posted"}:
            continue
        filled = _filled(below, col)
        words = [v for v in filled if isinstance(v, str) and not is_date_cell(v) and not _URLISH.search(v)]
        if len(words) >= 2 and len(words) >= 0.8 * len(filled):
            return col, (f"{' '.join(value.split())!r} (column {column_letters(col + 1)}) says only 'posting' "
                         f"over words ({len(words)} of {len(filled)} filled cells): the job posted")
    return None


# the fields a cell of names or words fills, never a day
_NAMED_FIELDS = ("company", "position", "contact", "hiring_manager", "referrer", "referrer_dept", "source")


def _no_dates_for_names(below: list[list[Any]], fields: dict[str, int], weak: dict[str, str]
                        ) -> tuple[dict[str, int], dict[str, str]]:
    """The fields without those of names or words taken only on weak evidence (a header that
    contains a known word: 'Deadline vacature', 'Closing date (role)') whose column holds dates
    (most of its filled cells, however few): a column of days names no company, job or person."""
    dropped = []
    for fld in _NAMED_FIELDS:
        col = fields.get(fld)
        if col is None or fld not in weak:
            continue
        filled = [v for v in (row[col] if col < len(row) else None for row in below[:200])
                  if not is_empty_cell(v) and not isinstance(v, bool)]
        dated = sum(is_date_cell(v) for v in filled)
        if dated and dated >= 0.8 * len(filled):
            dropped.append(fld)
    if not dropped:
        return fields, weak
    return ({f: c for f, c in fields.items() if f not in dropped},
            {f: why for f, why in weak.items() if f not in dropped})


def _numbers_under_contact(header: list[Any], below: list[list[Any]], fields: dict[str, int],
                           settings: Settings) -> tuple[dict[str, int], dict[str, str]] | None:
    """When the column taken as the contact holds telephone numbers: the fields with it as the
    phone, and as the contact another column whose header alone names one; or None."""
    col = fields["contact"]
    why = phone_like([row[col] if col < len(row) else None for row in below[:200]], settings.blank_words, plain=True)
    if why is None:
        return None
    out = {f: c for f, c in fields.items() if f != "contact"}
    out["contact_phone"] = col
    label = " ".join(str(header[col]).split())
    weak = {"contact_phone": f"{label!r} (column {column_letters(col + 1)}) holds telephone numbers, not names: {why}"}
    taken = set(out.values())
    for c, value in enumerate(header):
        text = "" if value is None else str(value)
        if c not in taken and text.strip() and header_decisions([text], settings)[0].get("contact") == 0:
            out["contact"] = c
            break
    return out, weak


def _dates_under_contact(header: list[Any], below: list[list[Any]], fields: dict[str, int], settings: Settings
                         ) -> tuple[dict[str, int], dict[str, str]] | None:
    """When the column taken as the contact, or one left over whose header names a contact
    ('Últ. contacto' beside 'Persona'), holds dates, not names (most of its filled cells, two or
    more): the fields with it as the last contact; or None."""
    taken = set(fields.values())
    for col, value in enumerate(header):
        text = "" if value is None else " ".join(str(value).split())
        if col != fields.get("contact") and (col in taken or not text
                                             or header_decisions([text], settings)[0].get("contact") != 0):
            continue
        filled = [v for v in (row[col] if col < len(row) else None for row in below[:200])
                  if not is_empty_cell(v) and not isinstance(v, bool)]
        dated = sum(is_date_cell(v) for v in filled)
        if dated < 2 or dated < 0.8 * len(filled):
            continue
        out = {f: c for f, c in fields.items() if c != col}
        out["last_contact"] = col
        return out, {"last_contact": f"{text!r} (column {column_letters(col + 1)}) names a contact and holds "
                                     f"dates, not names: {dated} of {len(filled)} filled cells are dates"}
    return None


_EMAIL = re.compile(r"[^@\s<>()]+@[^@\s<>()]+\.[A-Za-z]{2,}")
# the fields whose cell may hold a person's e-mail address in place of a name (rules §5)
_MAY_HOLD_ADDRESSES = frozenset({"contact", "contact_email", "hiring_manager", "referrer", "notes", "response"})


def email_like(values: list[Any], blank_words: tuple[str, ...] = ()) -> str | None:
    """Why a column's cells look like e-mail addresses, or None: two or more filled (a
    placeholder is not), and most of them one address (mailto: or a name around it allowed)."""
    filled = [v for v in values if not is_empty_cell(v) and not isinstance(v, bool)
              and not (isinstance(v, str) and is_placeholder(v, blank_words))]
    mails = [v for v in filled if isinstance(v, str) and len(_EMAIL.findall(v)) == 1
             and len(v.split()) <= 4]
    if len(mails) < 2 or len(mails) < 0.8 * len(filled):
        return None
    return f"{len(mails)} of {len(filled)} filled cells are e-mail addresses"


def _addresses_by_values(header: list[Any], below: list[list[Any]], fields: dict[str, int], weak: dict[str, str],
                         settings: Settings) -> tuple[dict[str, int], dict[str, str]]:
    """A column of e-mail addresses is the contact's e-mail, whatever a header in a language the
    lists do not know seemed to name ('E-post', 'Sähköposti', 'Elérhetőség'): a field taken on weak
    evidence whose cells are addresses gives its column up, and an address column no header
    names is taken as `contact_email`, read from its values."""
    if "contact_email" in fields:
        return fields, weak
    fields, weak = dict(fields), dict(weak)
    for fld, col in list(fields.items()):
        if fld in weak and fld not in _MAY_HOLD_ADDRESSES:
            values = [row[col] if col < len(row) else None for row in below[:200]]
            why = email_like(values, settings.blank_words)
            if why:
                del fields[fld], weak[fld]
                text = " ".join(str(header[col]).split())
                fields["contact_email"] = col
                weak["contact_email"] = (f"{text!r} (column {column_letters(col + 1)}) seemed to name the {fld}, "
                                         f"but its values are e-mail addresses: {why}")
                return fields, weak
    if {"company", "position"} & fields.keys():
        mailed = _guess_column(header, below, fields, settings, "e-mail address",
                               lambda values: email_like(values, settings.blank_words), lambda values, _: 0)
        if mailed is not None:
            fields["contact_email"] = mailed[0]
            weak["contact_email"] = mailed[1]
    return fields, weak


def _headers_seen(row: list[Any]) -> list[tuple[int, str]]:
    return [(c, " ".join(v.split())) for c, v in enumerate(row) if isinstance(v, str) and v.strip()]


def _column_kind(rows: list[list[Any]], col: int) -> str:
    """'date', 'text', 'number' or '' for what most filled cells of a column below the header hold."""
    kinds = {"date": 0, "text": 0, "number": 0}
    for row in rows[:200]:
        v = row[col] if col < len(row) else None
        if v is None or isinstance(v, bool) or (isinstance(v, str) and not v.strip()):
            continue
        if is_date_cell(v):
            kinds["date"] += 1
        elif isinstance(v, (int, float)):
            kinds["number"] += 1
        else:
            kinds["text"] += 1
    best = max(kinds, key=lambda k: kinds[k])
    return best if kinds[best] else ""


_URLISH = re.compile(r"(?i)^(?:https?://|www\.)|@|\.(?:com|org|net|io)(?:/|$)")
_PERSON_WORDS = frozenset({"name", "names", "surname", "lastname", "firstname", "fullname", "apellido", "apellidos",
                           "nachname", "vorname", "prenom", "nom", "cognome", "sobrenome", "soyadi", "ad", "ho",
                           "ten", "nama", "efternamn", "fornamn", "שם", "اسم", "姓名", "名前", "이름", "person",
                           "contact", "reference", "referee", "referent", "recruiter", "interviewer",
                           "manager", "owner", "by", "people", "kontaktperson"})
# legal forms and words that end or start organisation names: evidence that ranks a guess
_ORG_MARKS = re.compile(r"(?i)(?:^|\s)(?:inc|ltd|llc|llp|plc|gmbh|ag|ab|as|asa|oy|bv|nv|sa|sas|sarl|srl|spa|sl|co|corp|"
                        r"corporation|company|group|holdings?|pt|cv|tbk|jsc|kk|labs?|systems|technologies|"
                        r"bank|university|hospital|foundation)\.?(?:$|\s)|株式会社|有限公司|公司|集团|会社|شركة|בע\"מ")


def _org_marks(values: list[Any]) -> int:
    return sum(1 for v in values if isinstance(v, str) and _ORG_MARKS.search(v))


def organisation_like(values: list[Any]) -> str | None:
    """Why a column's cells look like organisation names ('' parts joined), or None: three or more
    filled, most of them different, none a date, a number, a link or an e-mail address, and short
    (no sentences)."""
    filled = [v for v in values if not is_empty_cell(v) and not isinstance(v, bool)]
    if len(filled) < 3:
        return None
    texts = [" ".join(v.split()) for v in filled if isinstance(v, str)]
    if len(texts) < len(filled) or any(is_date_cell(t) or _URLISH.search(t) for t in texts):
        return None
    if any(re.fullmatch(r"[\d\s.,:%$€£+\-/]+", t) for t in texts):
        return None
    # (a full stop ends a sentence, and the legal form of 'MOL Nyrt.', 'Acme Co.' too)
    if any(len(t) > 50 or len(t.split()) > 5 or t.endswith(("!", "?"))
           or (t.endswith(".") and len(t.split()) >= 3 and len(t.split()[-1]) > 6) for t in texts):
        return None
    distinct = len({t.casefold() for t in texts})
    if distinct < 3 or distinct < 0.6 * len(texts):
        return None
    return f"{distinct} different short names in {len(texts)} filled cells, no dates, numbers, links or sentences"


def guess_company(header: list[Any], below: list[list[Any]], fields: dict[str, int],
                  settings: Settings) -> tuple[int, str] | None:
    """When no header names the company: the leftmost unmapped text column whose header names no
    field and no person ('JobTracker' over the names of companies) and whose cells look like
    organisation names (`organisation_like`), legal forms ranking a column first; (0-based
    column, why)."""
    return _guess_column(header, below, fields, settings, "company", organisation_like,
                         lambda values, _: _org_marks(values),
                         skip=lambda text: bool(set(_words(text)) & _PERSON_WORDS
                                                or (text and header_concepts(text) - {"company"})))


def _stages_for_days(grid: list[list[Any]], r: int, fields: dict[str, int], weak: dict[str, str],
                     settings: Settings, stages: StageReader) -> tuple[dict[str, int], dict[str, str]]:
    """A "Next step" column of stage words ("Applied", "Interview", "Offer"), not of days, under
    a header that names no date: the stage, not the day of the next follow-up."""
    col = fields["pinned"]
    if names_a_date(str(grid[r][col] or "")):
        return fields, weak
    why = stage_like([row[col] if col < len(row) else None for row in grid[r + 1:r + 201]], settings, stages)
    if not why:
        return fields, weak
    return ({k: v for k, v in fields.items() if k != "pinned"} | {"stage": col},
            {**weak, "stage": f"{str(grid[r][col]).strip()!r} holds stages, not days: {why}"})


def stage_like(values: list[Any], settings: Settings, stages: StageReader) -> str | None:
    """Why a column's cells look like the stages of applications ('' parts joined), or None: three
    or more filled, all text and short, most of them read as a stage by the rules' word lists
    (a stage word, or only the words that mean "applied"), at least one naming a stage past
    applying, and two stages or more among them (a column of "On-site" alone is a work mode)."""
    stage_of, unplaced_words = stages
    filled = [v for v in values if not is_empty_cell(v) and not isinstance(v, bool)]
    texts = [" ".join(v.split()) for v in filled if isinstance(v, str)]
    if len(texts) < 3 or len(texts) < 0.8 * len(filled):
        return None
    if sum(len(t.split()) > 8 or len(t) > 80 for t in texts) > 0.1 * len(texts):
        return None      # sentences: notes, not stages
    counts: dict[str, int] = {}
    for text in dict.fromkeys(t.casefold() for t in texts):
        stage = stage_of(text, settings)
        if stage == "applied" and unplaced_words(text, settings):
            continue     # words no list knows: not evidence either way
        counts[stage] = counts.get(stage, 0) + sum(t.casefold() == text for t in texts)
    read = sum(counts.values())
    if len(counts) < 2 or read < 0.6 * len(texts) or not set(counts) - {"applied"}:
        return None
    named = ", ".join(s.replace("_", " ") for s in counts)
    return f"{read} of {len(texts)} filled cells name a stage ({named})"


_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")


def _word_count(text: str) -> int:
    """The words of a cell: Chinese and Japanese write no spaces between words, so there two
    letters count as a word ('12/2一面完 说下周通知' is a sentence of several words)."""
    spaced = len(text.split())
    letters = len(_CJK_LETTER.findall(text))
    return max(spaced, spaced + letters // 2 - len(re.findall(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]+", text)))


def sentence_like(values: list[Any]) -> str | None:
    """Why a column's cells look like notes (free sentences), or None: two or more filled, all
    text, and most of them four words or more, not links or e-mail addresses."""
    filled = [v for v in values if not is_empty_cell(v) and not isinstance(v, bool)]
    texts = [" ".join(v.split()) for v in filled if isinstance(v, str)]
    if len(texts) < 2 or len(texts) < 0.8 * len(filled):
        return None
    long = [t for t in texts if _word_count(t) >= 4 and not _URLISH.match(t)]
    if len(long) >= 0.6 * len(texts):
        return f"{len(long)} of {len(texts)} filled cells are sentences"
    # a tired log's short lines ('applied', 'rejection email', 'phone screen w Tina, went fine'):
    # four words on average, nearly each line its own (a stage column repeats a few words)
    words = sum(_word_count(t) for t in texts if not _URLISH.match(t))
    if len(texts) >= 4 and words >= 4 * len(texts) and len(set(texts)) >= 0.9 * len(texts):
        return f"{len(texts)} filled cells of {words / len(texts):.1f} words on average, nearly all different"
    return None


def guess_notes(header: list[Any], below: list[list[Any]], fields: dict[str, int],
                settings: Settings) -> tuple[int, str] | None:
    """When no header names the notes ("Log", "What happened", "Story"): the unmapped text column
    whose cells are sentences (`sentence_like`), the one with the most words; (0-based column, why)."""
    return _guess_column(header, below, fields, settings, "notes", sentence_like,
                         lambda values, _: sum(_word_count(v) for v in values if isinstance(v, str)))


def guess_contact(header: list[Any], below: list[list[Any]], fields: dict[str, int],
                  settings: Settings) -> tuple[int, str] | None:
    """When no header names the contact ("Focal point", "Dealing with"): the unmapped text column
    whose cells are people (`people_like`), the one with the most; (0-based column, why)."""
    return _guess_column(header, below, fields, settings, "contact",
                         lambda values: people_like(values, settings.blank_words),
                         lambda _, why: int(why.split()[0]))


def people_like(values: list[Any], blank_words: tuple[str, ...] = ()) -> str | None:
    """Why a column's cells look like the people one deals with, or None: two or more filled,
    short (five words at most besides a role's mark or a note in brackets, no sentence, no address
    or number), and at least half of them saying they are a person: a form of address before a
    name ("Mr. Kamau", "Frau Roth") or the role of one marked beside it ("Achieng (HR)")."""
    from .contactrole import contact_role
    from .titles import form_of_address

    filled = [v for v in values if not is_empty_cell(v) and not isinstance(v, bool)
              and not (isinstance(v, str) and is_placeholder(v, blank_words))]
    if len(filled) < 2 or not all(isinstance(v, str) and len(_BRACKETED.sub(" ", contact_role(v).name).split()) <= 5
                                  and "@" not in v and not any(c.isdigit() for c in v) for v in filled):
        return None
    people = sum(1 for v in filled
                 if (len(v.split()) > 1 and form_of_address(v.split()[0]) and v.split()[1][:1].isupper())
                 or contact_role(v).role)
    if people < 2 or 2 * people < len(filled):
        return None
    return f"{people} of {len(filled)} filled cells are people (a form of address or a role beside a name)"


_BRACKETED = re.compile(r"[(\[（【［][^()\[\]（）【】［］]*[)\]）】］]")


# a telephone number as people type it: digits in groups, a leading + or 0, brackets, dashes,
# dots or slashes between them ("612 345 678", "+44 (0)141 496 0000", "030/1234567")
_PHONE = re.compile(r"\+?\(?\d[\d\s().\-/]{4,22}\d")


def phone_like(values: list[Any], blank_words: tuple[str, ...] = (), plain: bool = False) -> str | None:
    """Why a column's cells look like telephone numbers, or None: two or more filled (a
    placeholder such as 'n/a' is not), and most of them a number of 7 to 15 digits typed as text
    in groups, or with a leading 0 or + (a plain number is a count or an amount; a date or a
    year is no number to dial). `plain`: under a header that says contact, a run of 7 to 15
    digits alone is a number too ("9876500001", as India writes a mobile)."""
    filled = [v for v in values if not is_empty_cell(v) and not isinstance(v, bool)
              and not (isinstance(v, str) and is_placeholder(v, blank_words))]
    if len(filled) < 2:
        return None
    def dialable(v: Any) -> bool:
        if plain and isinstance(v, int) and 7 <= len(str(abs(v))) <= 15:
            return True
        if not isinstance(v, str) or is_date_cell(v):
            return False
        if plain and v.strip().isdigit() and 7 <= len(v.strip()) <= 15:
            return True
        text = v.strip()
        digits = sum(c.isdigit() for c in text)
        grouped = any(sep in text for sep in " ()-./") or text.startswith(("0", "+"))
        return _PHONE.fullmatch(text) is not None and 7 <= digits <= 15 and grouped
    numbers = [v for v in filled if dialable(v)]
    if len(numbers) < 2 or len(numbers) < 0.8 * len(filled):
        return None
    return f"{len(numbers)} of {len(filled)} filled cells are telephone numbers"


def guess_phone(header: list[Any], below: list[list[Any]], fields: dict[str, int],
                settings: Settings) -> tuple[int, str] | None:
    """When no header names the phone ("Móvil", "Komórka", "Cell"): the leftmost unmapped column
    whose cells are telephone numbers (`phone_like`); (0-based column, why)."""
    return _guess_column(header, below, fields, settings, "phone",
                         lambda values: phone_like(values, settings.blank_words), lambda values, _: 0)


def guess_stage(header: list[Any], below: list[list[Any]], fields: dict[str, int],
                settings: Settings, stages: StageReader) -> tuple[int, str] | None:
    """When no header names the stage ("Where I'm at", "Progress", "状况"): the unmapped text
    column whose cells read most like stages (`stage_like`); (0-based column, why)."""
    return _guess_column(header, below, fields, settings, "stage", lambda values: stage_like(values, settings, stages),
                         lambda _, why: int(why.split()[0]))


def _guess_column(header: list[Any], below: list[list[Any]], fields: dict[str, int], settings: Settings,
                  name: str, judge: Callable[[list[Any]], str | None],
                  weight: Callable[[list[Any], str], int],
                  skip: Callable[[str], bool] = lambda _: False) -> tuple[int, str] | None:
    """The unmapped column, under a header that names no field and no day (nor what `skip` says
    of it), whose values `judge` finds like `name`'s, the heaviest by `weight` when several are,
    else the leftmost; (0-based column, why)."""
    taken = set(fields.values())
    found = []
    for col, value in enumerate(header):
        if col in taken or is_tool_header(value):
            continue
        text = "" if value is None else str(value)
        if names_a_date(text) or names_a_day(value) or skip(text) \
                or (text and set(header_decisions([text], settings)[0]) - set(fields)):
            # (a column headed by a day is one of a log's: logcolumns reads those; a header naming
            # a field another column already holds says nothing: 'Current position' beside 'Post')
            continue
        values = [row[col] if col < len(row) else None for row in below[:200]]
        why = judge(values)
        if why:
            found.append((-weight(values, why), col, text, why))
    if not found:
        return None
    _, col, text, why = min(found)
    label = " ".join(text.split()) or "(no header)"
    return col, (f"no header names the {name}; {label!r} (column {column_letters(col + 1)}) was guessed "
                 f"from its values: {why}")


# fields only a job search's tracker has: beside one of them a column of dates under a header no
# list knows may be the date applied (beside a company and a stage alone it may be a sales list's)
_JOB_SEARCH_FIELDS = frozenset({"position", "last_contact", "interview_on", "follow_ups", "pinned", "referrer",
                                "hiring_manager"})
# what a date column's header may say beside a word of date or of applying and still be the date
# applied: nothing of these (a posting's date, a count of days, an interview's, the next or last one)
_OTHER_DATES = frozenset({"posted", "count", "interview", "follow up", "next", "last", "contact", "status"})


def earliest_share(values: list[Any], others: list[list[Any]]) -> tuple[int, int]:
    """In how many rows a column's date is the earliest of the row's dates (ties count), and in
    how many rows it had another date to be compared with: `others` holds each row's other cells."""
    earliest = compared = 0
    # (typed dates in the order the sheet types them: '10/11/2026' before '02/12/2026' in Milan)
    day_first = typed_day_first([*values, *(o for rest in others for o in rest)])
    for v, rest in zip(values, others):
        d = cell_date(v, day_first)
        if d is None:
            continue
        days = [e for e in (cell_date(o, day_first) for o in rest if not is_empty_cell(o)) if e is not None]
        if days:
            compared += 1
            earliest += d <= min(days)
    return earliest, compared


def guess_applied_on(header: list[Any], below: list[list[Any]], fields: dict[str, int],
                     settings: Settings) -> tuple[int, str] | None:
    """When no header names the date applied ('送信日', '접수일자', 'Quando'): a column under a header
    that names no other field, no posting's, interview's, next or last date and no count, most of
    whose filled cells are dates, and either whose header holds a word of date or of applying in
    any script (the 日 of '送信日', the 일자 of '접수일자') with its dates never mostly later than the
    row's others (a start date wished for is no date applied), or whose dates are the earliest of
    their row in nearly every row that has another; (0-based column, why). A header with a date
    word ranks first, then the column whose dates are most often their row's earliest, then the
    leftmost."""
    taken = set(fields.values())
    rows = below[:200]
    found = []
    for col, value in enumerate(header):
        if col in taken or is_tool_header(value) or names_a_day(value):
            continue
        text = "" if value is None else " ".join(str(value).split())
        concepts = _header_concepts(text, _words_key(), partial=True) if text else frozenset()
        if concepts & _OTHER_DATES or (text and header_decisions([text], settings)[0]):
            continue
        values = [row[col] if col < len(row) else None for row in rows]
        filled = [v for v in values if not is_empty_cell(v) and not isinstance(v, bool)]
        dated = sum(is_date_cell(v) for v in filled)
        if dated < 2 or dated < 0.6 * len(filled):
            continue
        others = [[v for c, v in enumerate(row) if c != col] for row in rows]
        first, compared = earliest_share(values, others)
        worded = bool(concepts & {"date", "applied"}) or (bool(text) and names_a_date(text))
        if worded and compared >= 2 and first < 0.5 * compared:
            continue      # mostly later than the row's other dates: another date of the application
        if not worded and (compared < 2 or first < 0.8 * compared):
            continue
        reasons = [f"{dated} of {len(filled)} filled cells are dates"]
        if worded:
            reasons.append("its header holds a word of date" + (" or of applying" if "applied" in concepts else ""))
        if compared:
            reasons.append(f"the earliest of their row's dates in {first} of {compared} rows")
        found.append((not worded, -(first / compared if compared else 0), col, text, ", ".join(reasons)))
    if not found:
        return None
    _, _, col, text, why = min(found)
    label = text or "(no header)"
    return col, (f"no header names the date applied; {label!r} (column {column_letters(col + 1)}) was guessed "
                 f"from its values and header: {why}")


def toml_columns(pairs: list[tuple[str, str]]) -> str:
    """The [columns] lines of followup.toml that map each header to its field."""
    return "\n".join(["[columns]", *(f"{json.dumps(h, ensure_ascii=False)} = \"{f}\"" for h, f in pairs)])


def _application_date_header(header: str) -> bool:
    """Whether a date column's header may be a date of the application: a generic date ('When',
    'Datum'), or one with a word of applying, contact or following up among words of the user's
    own ('When I sent it'); never a posting's, a count, or another kind of date ('Ship date')."""
    some = _header_concepts(header, _words_key(), partial=True)
    if some & {"posted", "count"}:
        return False
    return bool(some & {"applied", "contact", "last", "follow up", "next"}) or header_concepts(header) == {"date"}


def mapping_advice(header: list[Any], below: list[list[Any]], fields: dict[str, int], want: tuple[str, ...]) -> str:
    """What to do when the fields in `want` are missing: the headers seen and the [columns] lines,
    suggested only for columns whose values fit the field (organisation names for the company,
    mostly dates for a date field; never a link, a person's name or a posting's date)."""
    seen = _headers_seen(header)
    listed = ", ".join(repr(h) for _, h in seen[:20]) + (" ..." if len(seen) > 20 else "")
    free = [(c, h) for c, h in seen if c not in fields.values()
            and not is_tool_header(h)]
    kinds = {c: _column_kind(below, c) for c, _ in free}
    pairs: list[tuple[str, str]] = []
    used: set[int] = set()
    for fld in want:
        if fld in fields or (fld == "position" and any(f == "company" for _, f in pairs)):
            continue
        if fld in DATE_FIELDS:   # mostly dates, under a header of an application's words only: not a
            # posting's dates (a list of leads is no tracker), nor a shipping or birth date
            pick = [(c, h) for c, h in free if kinds[c] == "date" and _application_date_header(h)]
        elif fld == "company":   # organisation-like names under a header that names no person
            values = {c: [row[c] if c < len(row) else None for row in below[:200]] for c, _ in free}
            pick = sorted(((c, h) for c, h in free if not (set(_words(h)) & _PERSON_WORDS) and not names_a_date(h)
                           and organisation_like(values[c])), key=lambda p: (-_org_marks(values[p[0]]), p[0]))
        else:
            pick = []   # a position is words like any other column's: nothing in the values shows it
        pick = [p for p in pick if p[0] not in used]
        if pick:
            used.add(pick[0][0])
            pairs.append((pick[0][1], fld))
    if not pairs:
        first = want[0]
        what, name = ("the date you applied", "Date Applied") if first in DATE_FIELDS else ("the company", "Company")
        return (f"headers seen: {listed}; none of them holds {what}: add a column headed {name!r}, or map "
                f"yours in followup.toml under [columns] as \"Your header\" = \"{first}\"")
    return (f"headers seen: {listed}. If these columns hold what the lines below say, add them to "
            "followup.toml beside the workbook:\n" + toml_columns(pairs))


def header_like_row(grid: list[list[Any]], settings: Settings) -> int | None:
    """A row of three or more short labels with filled rows under it: a header nobody mapped."""
    for r, row in enumerate(grid[: settings.header_search_rows]):
        filled = [v for v in row if not is_empty_cell(v) and not isinstance(v, bool)]
        labels = [v for v in filled if isinstance(v, str) and len(v.strip()) <= 40 and not is_date_cell(v)]
        if len(labels) >= 3 and len(labels) >= 0.8 * len(filled) and \
                any(any(not is_empty_cell(v) for v in later) for later in grid[r + 1: r + 4]):
            return r
    return None


def looks_sideways(grid: list[list[Any]]) -> bool:
    """One column per day: a row near the top whose three or more dates are headers, with names
    (not more dates) listed under them. Dates inside one-row-per-application rows never count:
    under an application's dates sit the next application's dates, or nothing."""
    for r, row in enumerate(grid[:10]):
        cols = [c for c, v in enumerate(row) if is_date_cell(v)]
        if len(cols) < 3:
            continue
        below = [grid[b][c] for b in range(r + 1, min(r + 11, len(grid))) for c in cols
                 if c < len(grid[b]) and not is_empty_cell(grid[b][c]) and not isinstance(grid[b][c], bool)]
        names = sum(isinstance(v, str) and not is_date_cell(v) for v in below)
        if names >= 2 and names > len(below) / 2:
            return True
    return False


def fields_down(grid: list[list[Any]], found: HeaderMatch | None, settings: Settings) -> list[tuple[int, int, str]]:
    """A tracker turned on its side, one application per column: its first filled column, read
    down, names more fields (three or more, a company or position among them) than the header row
    found across; each (0-based row, 0-based column, label) of those field names, else none."""
    rows = grid[:60]
    col = next((c for c in range(min(3, max((len(r) for r in rows), default=0)))
                if sum(c < len(r) and isinstance(r[c], str) and r[c].strip() != "" for r in rows) >= 3), None)
    if col is None:
        return []
    down = [r[col] if col < len(r) else None for r in rows]
    fields = header_fields(down, settings, fuzzy=False)
    across = len(found.fields) if found is not None else 0
    if len(fields) < 3 or not {"company", "position"} & fields.keys() or len(fields) <= across:
        return []
    # the cells right of the labels hold values, not more labels (a list of fields is no tracker)
    beside = [r[col + 1] for r in rows if col + 1 < len(r) and not is_empty_cell(r[col + 1])]
    if len(beside) < 2 or len(header_fields(beside, settings, fuzzy=False)) >= 2:
        return []
    return [(r, col, str(down[r]).strip()) for r in sorted(fields.values())]


def duplicate_header_notes(header: list[Any], notes: list[str]) -> None:
    """A note for each header that repeats an earlier one (the first is the one used)."""
    seen: dict[str, int] = {}
    for col, value in enumerate(header):
        key = normalize_header(value)
        if not key:
            continue
        if key in seen:
            notes.append(f"header {str(value).strip()!r} appears twice (columns "
                         f"{column_letters(seen[key] + 1)} and {column_letters(col + 1)}); "
                         f"the first is used")
        else:
            seen[key] = col


def is_tool_header(value: Any) -> bool:
    """Whether a header cell is one of the tool's own column headers (in any spelling)."""
    return normalize_header(value) in {normalize_header(h) for h in output_headers()}


def tool_header_columns(header: list[Any]) -> dict[str, int]:
    """The tool's own headers found in the header row: header -> 0-based column (the first of each)."""
    keys = {normalize_header(h): h for h in output_headers()}
    found = {}
    for col, value in enumerate(header):
        h = keys.get(normalize_header(value)) if isinstance(value, str) else None
        if h and h not in found:
            found[h] = col
    return found


