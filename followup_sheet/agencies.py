"""Plan stage, recruiting agencies: whether the company, contact or source cell, or the row's notes,
names a staffing or recruiting agency (rules §2, §5), so the contact is a recruiter working for a
client.

In: the tidy frame and the settings' agency words and names. Out: per row the field that names
an agency and the words that show it ("" where none does).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from .literalscreen import screened
from .settings import Settings

# What may follow a brand in a company cell and still be that brand: "Randstad Deutschland GmbH",
# "Hays plc", "Robert Half International". Anything else ("Reed Elsevier", "Hudson's Bay") is
# another company that shares the word.
_LEGAL_FORMS = frozenset((
    "gmbh", "ag", "se", "kg", "ohg", "ug", "mbh", "co", "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp",
    "plc", "corp", "corporation", "company", "sa", "sas", "sarl", "sl", "slu", "srl", "spa", "bv", "nv", "ab", "as",
    "oy", "kk", "pty", "group", "groupe", "grupo", "gruppe", "holding", "holdings", "international", "global",
    "worldwide", "uk", "usa", "us", "emea", "dach", "europe", "professional", "professionals", "services",
))
# Agency words that also name an employer's own team ("Jan Hahn, Recruiting", "Resourcing team",
# "service recrutement"): they make a company's name an agency's, never a contact's note or a source.
_TEAM_WORDS = frozenset(("recruitment", "recruiting", "recruiters", "personnel", "resourcing", "talent solutions",
                         "selección", "seleccion", "reclutamiento", "recrutement", "recrutamento", "werving",
                         "rekrutacja", "ricerca e selezione", "selezione del personale"))
_BRACKETED = re.compile(r"[(\[]([^)\]]*)[)\]]")
# where a contact cell's own note starts: "Jana Kovac / Adecco", "Tom Reed @ Hays", "Ana (Randstad)",
# Polish "Tomek z Hays" (only a lower-case "z": "Anna Z Nowak" keeps her initial)
_CONTACT_NOTE = re.compile(r"\s(?:[-–—/|@]|at|from|of|via|von|bei|de|chez|da|di|van|(?-i:z|ze))\s|,\s*|[(\[]",
                           re.IGNORECASE)


# the languages whose country names may follow a brand ("Randstad Deutschland", "Adecco Ibérica")
_PLACE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")


@functools.cache
def _places(language: str) -> frozenset[str]:
    """Country and region names (Babel's CLDR data) in the reader's languages and `language`, as words."""
    from babel import Locale  # (only a company name with words after its legal form asks)

    names: set[str] = set()
    for code in dict.fromkeys((*_PLACE_LANGUAGES, language or "en")):
        try:
            territories = Locale.parse(code).territories
        except (ValueError, LookupError):
            continue
        for name in territories.values():
            names.update(re.findall(r"\w+", name.lower()))
    return frozenset(names)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w&-]+", text.lower().replace(".", ""))   # "B.V." is "bv"


@functools.lru_cache(maxsize=8)
def _by_first_word(brands: tuple[str, ...]) -> dict[str, list[tuple[str, list[str]]]]:
    """The brands by their first word (a name is compared only with the brands it starts like)."""
    index: dict[str, list[tuple[str, list[str]]]] = {}
    for brand in sorted(brands, key=len, reverse=True):
        own = _words(brand)
        if own:
            index.setdefault(own[0], []).append((brand, own))
    return index


def brand_of(name: str, brands: tuple[str, ...], language: str = "") -> str:
    """The brand `name` is ("Adecco España SA" -> "adecco"), '' when it names another company."""
    words = _words(_BRACKETED.sub(" ", name))
    for brand, own in _by_first_word(brands).get(words[0], []) if words else ():
        if words[:len(own)] == own:
            rest = words[len(own):]
            if all(w in _LEGAL_FORMS or w in _places(language) for w in rest):
                return brand
    return ""


def brand_in(text: str, brands: tuple[str, ...]) -> str:
    """A brand named anywhere in `text` as whole words (a contact's note, a source cell), also in
    the case a Polish preposition gives it ("Kasia z Randstadu", "w Haysie")."""
    words = _words(text)
    index = _by_first_word(brands)
    for i, word in enumerate(words):
        if word not in index and (i == 0 or words[i - 1] in _POLISH_PREPOSITIONS):
            word = next((word[:-len(e)] for e in _POLISH_ENDINGS if word.endswith(e) and word[:-len(e)] in index), word)
        for brand, own in index.get(word, []):
            if [word, *words[i + 1:i + len(own)]] == own:
                return brand
    return ""


def _ends_a_name(text: str, word: str) -> bool:
    words = [w for w in _words(text) if w not in _LEGAL_FORMS]
    own = _words(word)
    return len(words) > len(own) and words[-len(own):] == own


def _contact_note(contact: str) -> str:
    """What a contact cell says besides the person: 'Ana Ruiz (Randstad)' -> 'Randstad'."""
    m = _CONTACT_NOTE.search(contact)
    return contact[m.end():] if m else ""


# The people of an agency, as a note calls them ("Personalberaterin", "chasseur de têtes",
# "consultora de selección", "intercedente", "エージェント", "헤드헌터", "猎头顾问"): a note that says the
# contact is one of them, or that the application went through one, makes the contact an agency's
# recruiter. ("recruiter" alone may be the employer's own.)
_AGENCY_NAME_END = re.compile(r"(?:エージェント|ヘッドハンター|에이전시|헤드헌터)(?:株式会社|\(株\)|㈱|\s*$)")
_AGENCY_PEOPLE = re.compile(
    r"\b(?:agency|agencies|headhunt\w*|head\s+hunter\w*|recruitment\s+consultant\w*|third[-\s]party\s+recruiter"
    r"|personalberater\w*|personaldienstleist\w*|personalvermittl\w*|vermittler\w*|agentur\w*|zeitarbeit\w*"
    r"|cabinet\s+(?:de\s+recrutement|de\s+chasse|rh)|chasseu(?:r|se)s?\s+de\s+têtes|agence\s+d['’]intérim|consultante?\s+en\s+recrutement"
    r"|agencia|consultor(?:a|es)?\s+de\s+selecci[oó]n|cazatalentos|consultoria\s+de\s+(?:rh|recrutamento)|agência"
    r"|agenzia|società\s+di\s+(?:selezione|ricerca)|consulente\s+(?:di|della)\s+selezione|cacciatore\s+di\s+teste"
    r"|recruitmentbureau|uitzendbureau|intercedente?|werving\s+en\s+selectie|agencj\w*|firm\w*\s+rekrutacyjn\w*"
    r"|headhunterk\w*)\b"
    r"|エージェント|人材紹介|ヘッドハンター|転職支援|猎头|獵頭|헤드헌터|헤드헌팅|서치펌|에이전시", re.IGNORECASE)
# A brand in a note is the agency only where the note ties it to a person or the route: after a
# word of belonging or passage ("Lisa from Michael Page", "via Hays", "z Randstadu", "über Hays"),
# in brackets ("ben (hays)"), or before the word for its consultant ("a Michael Page consultant").
_BRAND_BEFORE = re.compile(r"(?:\b(?:from|at|of|with|via|through|thru|by|von|bei|über|de|du|chez|da|di|van|z|ze|przez)"
                           r"|@|[(\[])\s*$", re.IGNORECASE)
_BRAND_AFTER = re.compile(r"^\s*(?:[)\]]|(?:consultant\w*|recruiter\w*|rep\b|agent\w*|berater\w*|consultor\w*"
                          r"|consulente|adviseur|konsultant\w*|rekruter\w*))", re.IGNORECASE)
_NOT_THROUGH = re.compile(r"\b(?:no|not|never|without|kein\w*|nicht|ohne|pas|sans|sin|sem|senza|geen|niet|zonder|bez)"
                          r"\W+(?:\w+\W+){0,2}$", re.IGNORECASE)
_POLISH_PREPOSITIONS = frozenset(("z", "ze", "w", "we", "przez", "od"))
_POLISH_ENDINGS = ("owi", "em", "ie", "u", "a")
# the endings Polish gives a brand after its preposition ("z Randstadu", "w Haysie", "przez Adecco")
_POLISH_CASE = re.compile(r"(?:u|em|ie|a|owi)\b")


@functools.lru_cache(maxsize=8)
def _brand_starts(brands: tuple[str, ...]) -> re.Pattern[str]:
    """The first words of the brands, as the start of a word (a Polish ending may follow)."""
    firsts = sorted({own[0] for own in (_words(b) for b in brands) if own}, key=len, reverse=True)
    return re.compile(r"(?<![\w&-])(?:" + "|".join(map(re.escape, firsts)) + r")")


def agency_in_note(note: str, brands: tuple[str, ...]) -> str:
    """The words of `note` that say the contact works for a recruiting agency or the application
    went through one ("Lisa is a Michael Page consultant", "Hr. Krause ist Personalberater",
    "エージェントの佐藤さん経由"), or ''. Not when negated ("not through an agency")."""
    if not note:
        return ""
    if screened(_AGENCY_PEOPLE).search(note) is not None:
        for m in _AGENCY_PEOPLE.finditer(note):
            if not _NOT_THROUGH.search(note[:m.start()]):
                return m.group(0)
    low = note.lower()
    if _brand_starts(brands).search(low) is None:     # (a quick look: most notes name no brand)
        return ""
    index = _by_first_word(brands)
    for m in re.finditer(r"[\w&-]+", low):
        token = m.group(0).replace(".", "")
        if token not in index and re.search(r"\b(?:z|ze|w|we|przez|od)\s+$", low[:m.start()]):
            token = next((token[:-len(e)] for e in ("owi", "em", "ie", "u", "a")
                          if token.endswith(e) and token[:-len(e)] in index), token)
        for brand, own in index.get(token, []):
            end = m.start() + len(brand)
            if _words(low[m.start():end]) != own:
                continue
            if end < len(low) and low[end].isalnum():
                inflected = _POLISH_CASE.match(low, end)
                if inflected is None or not re.search(r"\b(?:z|ze|w|we|przez|od)\s+$", low[:m.start()]):
                    continue
                end = inflected.end()
            if (_BRAND_BEFORE.search(low[:m.start()]) or _BRAND_AFTER.match(low[end:])) \
                    and not _NOT_THROUGH.search(low[:m.start()]):
                return note[m.start():end]
    return ""


class Agencies:
    """Per row: which cell names an agency, and with which words."""

    def __init__(self, field: list[str], words: list[str]):
        self.field, self.words = field, words

    @property
    def named(self) -> np.ndarray:
        return np.array([bool(f) for f in self.field], dtype=bool)

    @property
    def company(self) -> np.ndarray:
        """The company cell itself is the agency (the client employer is not known)."""
        return np.array([f == "company" for f in self.field], dtype=bool)


def find_agencies(frame: pd.DataFrame, settings: Settings, found: Callable[[str], list[str]]) -> Agencies:
    """The company cell first, then the contact's own note, then the source, then the row's notes
    (`agency_in_note`). `found`: the agency words a text holds (whole words, as rules §2 matches
    words)."""
    brands = tuple(settings.agency_names)
    language = settings.language

    @functools.cache
    def company(text: str) -> str:
        hits = found(text)
        if hits:
            return hits[0]
        # (a Japanese or Korean agency's name ends with its trade's word: "マイナビエージェント"; as a
        # source, "エージェント" says only the route, and the contact may be the employer's own HR)
        trade = _AGENCY_NAME_END.search(text) if not text.isascii() else None
        return trade.group(0) if trade else brand_of(text, brands, language)

    def agency_words(text: str) -> list[str]:
        """The agency words of a contact's note or a source: a word that also names a team only
        as the end of a longer name ("Brightwater Recruitment", not "Recruiting" or "Resourcing team")."""
        return [w for w in found(text) if w not in _TEAM_WORDS or _ends_a_name(text, w)]

    @functools.cache
    def contact(text: str) -> str:
        note = _contact_note(text)
        hits = agency_words(note) if note else []
        if hits or not note:
            return hits[0] if hits else ""
        # (or a word for an agency's people, as a note says it: "Ito (エージェント)", "Kim (headhunter)")
        person = screened(_AGENCY_PEOPLE).search(note)
        return brand_in(note, brands) or (person.group(0) if person else "")

    @functools.cache
    def source(text: str) -> str:
        hits = agency_words(text)
        return hits[0] if hits else brand_in(text, brands)

    @functools.cache
    def notes(text: str) -> str:
        return agency_in_note(text, brands)

    fields, said = [], []
    for c, p, s, n in zip(_texts(frame, "company"), _texts(frame, "contact"), _texts(frame, "source"),
                          _texts(frame, "notes")):
        for field, test, text in (("company", company, c), ("contact", contact, p), ("source", source, s),
                                  ("notes", notes, n)):
            hit = test(text) if text else ""
            if hit:
                fields.append(field)
                said.append(hit)
                break
        else:
            fields.append("")
            said.append("")
    return Agencies(fields, said)


def _texts(frame: pd.DataFrame, field: str) -> list[str]:
    if field not in frame:
        return [""] * len(frame)
    return [v if isinstance(v, str) else "" for v in frame[field].tolist()]
