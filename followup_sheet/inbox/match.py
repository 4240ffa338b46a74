"""Inbox, matching: a classified `Mail` and the tracker's rows -> the row it is about, with a
confidence (0-100), or the rows it could be about (ambiguous), or none ("not in your tracker").

Evidence, strongest first: the sender is the row's contact e-mail; the sender's domain is the
company's; an applicant-tracking system's display name, the subject or the body names the company.
A display name alone from a domain that is neither the company's nor such a system's is weak
(a look-alike sender), and so is a company named only in the body by a stranger.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..language import form_of_address
from . import words as W
from .classify import is_platform, own_words
from .mailsource import Mail

SURE = 85      # a confidence at least this, and clear of the next row by MARGIN: applied
MARGIN = 10
MAYBE = 60     # below this the message is about no row of the tracker


@dataclass(frozen=True)
class Row:
    sheet: str
    row: int
    company: str
    position: str
    contact_email: str = ""
    contact: str = ""        # the contact cell: the person the user deals with there


@dataclass(frozen=True)
class Match:
    row: Row | None                       # the row, when sure
    confidence: int                       # of the best row (0: none)
    why: str                              # the evidence, for the listing
    candidates: tuple[tuple[Row, int], ...] = ()   # when ambiguous: the rows it could be, best first
    other_position: str = ""              # the company's, but the message names another of its openings

    @property
    def ambiguous(self) -> bool:
        return self.row is None and bool(self.candidates)


_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NON_WORD = re.compile(r"[^\w]+")


_CONNECTORS = frozenset({"and", "und", "et", "y", "e", "en", "och", "og", "i"})
_JOIN = r"[\s\-_.&,]*(?:(?:" + "|".join(sorted(_CONNECTORS)) + r")(?!\w))?[\s\-_.&,]*"
_DOTTED_FORM = re.compile(r"(?<!\w)((?:[^\W\d_]\.){2,})")    # S.L., S.p.A., B.V.: one word, not letters
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)
_POLISH_FORM = re.compile(r"\bsp\.?\s*z\s*o\.?\s*o\.?", re.IGNORECASE)   # "Sp. z o.o." -> one word, spzoo


# Latin letters Unicode does not decompose into a base letter and a mark, as domains write them
# (Wisła -> wisla, Søndergaard -> sondergaard, Łódź -> lodz)
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŀ": "l", "ŧ": "t",
                               "æ": "ae", "œ": "oe", "þ": "th", "ß": "ss"})


def _fold(text: str) -> str:
    """Case and accents left out (Wisła -> wisla, Bäckerei -> backerei); Korean syllables stay
    syllables (NFKD takes them apart into letters, which are put back together)."""
    text = unicodedata.normalize("NFKD", text.casefold()).translate(_UNDECOMPOSED)
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))


def _without_forms(text: str) -> str:
    """The text with the legal forms Japanese, Korean and Chinese attach to a name taken out, and
    a dotted form (S.L., B.V.) made one word, so it is seen as the form it is."""
    for form in W.LEGAL_FORMS_CJK:
        text = text.replace(form, " ")
    text = _POLISH_FORM.sub(" spzoo ", text)
    return _DOTTED_FORM.sub(lambda m: m.group(1).replace(".", "") + " ", text)


@functools.lru_cache(maxsize=4096)
def company_words(company: str) -> tuple[str, ...]:
    """A company's name as words, without notes in brackets, legal forms and 'the'."""
    # a possessive keeps its s on the word (St. Brendan's -> st brendans, as stbrendans.ca writes it)
    words = [w for w in _NON_WORD.split(_without_forms(_fold(_POSSESSIVE.sub("s", _BRACKETS.sub(" ", company)))))
             if w]
    # "and" between two words of a name is written "&" as often ("Lindqvist and Berg")
    words = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and w in _CONNECTORS)]
    while len(words) > 1 and words[-1] in W.LEGAL_FORMS:
        words.pop()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    return tuple(words)


# The second-level parts of country domains that name no one (oakhaven.sch.uk, tacos.com.mx)
_SECOND_LEVEL = ("co", "com", "org", "net", "ac", "gov", "sch", "nhs", "edu", "gob", "gouv", "ltd", "plc")


def _domain_label(domain: str) -> str:
    """The name part of a domain: careers.acme-robotics.co.uk -> acmerobotics; a country's second
    level the Public Suffix List knows counts too (butanta.eng.br, studio.org.pl)."""
    parts = domain.split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and (parts[-2] in _SECOND_LEVEL or _public_suffix(domain).count(".")):
        parts = parts[:-1]
    return parts[-2].replace("-", "") if len(parts) >= 2 else ""


@functools.lru_cache(maxsize=4096)
def _public_suffix(domain: str) -> str:
    """The domain's public suffix ("eng.br", "co.uk", "de"), from the list the package carries."""
    return _suffix_list().publicsuffix(domain) or ""


@functools.cache
def _suffix_list():
    from publicsuffixlist import PublicSuffixList  # the list shipped with the package: nothing fetched
    return PublicSuffixList()


_GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
# Small words a name's short form leaves out ("Bank of X", the d' of "Transport d'Électricité")
_SMALL_WORDS = frozenset({"d", "l", "de", "del", "la", "las", "los", "el", "of", "der", "die", "das", "du", "des", "le",
                          "les", "di", "da", "do", "dos", "van", "von", "y", "und", "and", "et", "e"})


@functools.lru_cache(maxsize=4096)
def name_forms(company: str) -> tuple[tuple[str, ...], ...]:
    """The company's name as words, and again with German letters written out (Bäckerei ->
    baeckerei, as domains write them), and a Japanese name in romaji (さくら薬品 -> sakura yakuhin)."""
    forms = [company_words(company)]
    spelled = company_words(company.translate(_GERMAN_LETTERS))
    if spelled != forms[0]:
        forms.append(spelled)
    forms += romaji_forms(company)
    return tuple(dict.fromkeys(f for f in forms if f))


_KANA = re.compile(r"[\u3040-\u30ff]")
_LONG_VOWELS = (("ou", "o"), ("oo", "o"), ("uu", "u"))


@functools.cache
def _kakasi():
    import pykakasi  # loaded with the first company named in kana
    return pykakasi.kakasi()


def romaji_forms(company: str, japanese: bool = False) -> list[tuple[str, ...]]:
    """A name written in Japanese kana (kanji beside them) as the romaji its domain spells, with
    long vowels written out and left out (あおば商事 -> aoba shouji, aoba shoji), without its legal
    form. Kanji alone may be Chinese and is left as it is, unless `japanese` (the sender's address
    is of Japan: 太宰府銀行 from dazaifu-bank.co.jp)."""
    if not _KANA.search(company) and not (japanese and _CJK.search(company)):
        return []
    words = tuple(w for part in _kakasi().convert(_without_forms(company).strip())
                  if (w := _NON_WORD.sub("", _fold(part["hepburn"]))))
    if not words:
        return []     # nothing kakasi spells (a name in simplified Chinese characters)
    short = tuple(_shorten(w) for w in words)
    return [words, short] if short != words else [words]


def _shorten(word: str) -> str:
    for long, one in _LONG_VOWELS:
        word = word.replace(long, one)
    return word


def is_short_form(token: str, name: tuple[str, ...]) -> bool:
    """Whether `token` is the name cut to the first letters of each word, in order (DB for Deutsche
    Bahn, BBVA for Banco Bilbao Vizcaya Argentaria, SocGen for Société Générale), the small words
    ('de', 'of') taken or left out. At least two words, and the token at least two letters."""
    if len(name) < 2 or len(token) < 2 or not token.isalpha():
        return False
    full = [w for w in name if w.isalpha()]
    big = [w for w in full if w not in _SMALL_WORDS]

    def fits(rest: str, words: list[str]) -> bool:
        if not words:
            return not rest
        head = words[0]
        return any(rest[:n] == head[:n] and fits(rest[n:], words[1:]) for n in range(1, min(len(head), len(rest)) + 1))

    return any(len(ws) >= 2 and fits(token, ws) for ws in (full, big))


def _trade_and_name(label: str, name: tuple[str, ...]) -> bool:
    """Whether the domain is the tracker's name with a word before or after it, the trade the
    tracker leaves out (pasticceriadolcevita.it for 'Dolcevita', brennerlogistik.de for 'Brenner')."""
    joined = "".join(name)
    if len(joined) < 5 or label == joined or not (label.startswith(joined) or label.endswith(joined)):
        return False
    rest = label[len(joined):] if label.startswith(joined) else label[:-len(joined)]
    # a recruiting word added to the name is a look-alike's way (kestrel-analytics-careers.top)
    return not any(rest.startswith(w) or rest.endswith(w) for w in W.SENDER_NOISE if len(w) >= 2 and w.isascii())


def _domain_score(domain: str, forms: tuple[tuple[str, ...], ...]) -> int:
    if not domain or not forms or is_platform(domain) or domain in W.FREE_MAIL:
        return 0
    label = _domain_label(domain)
    best = 0
    for name in forms:
        joined = "".join(name)
        # Exactly the name (or its first word of four letters or more): a look-alike such as
        # acme-robotics-careers.top is not the company.
        if label == joined or (len(name[0]) >= 4 and label == name[0]):
            return 100
        # Two or more of its words in another order or without the rest (cobaltridge.com for Cobalt
        # Ridge Energy, sonnenkorn-baeckerei.de for Bäckerei Sonnenkorn), or its short form (bbva.com)
        if len(name) >= 2 and _joins_words(label, name):
            best = max(best, 90)
        elif len(name) >= 2 and any(len(w) >= 5 and label == w for w in name[1:] if w not in W.LEGAL_FORMS):
            # the name's own word, without the trade word before it (ribamar.pt for Conservas Ribamar)
            best = max(best, 88)
        elif len(label) >= 3 and is_short_form(label, name):
            best = max(best, 88)
    return best


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
_CJK_COUNTRIES = frozenset({"jp", "kr", "cn", "tw", "hk"})
_DOMAIN_CONNECTORS = ("and", "und", "et", "y", "n")


def _joins_words(label: str, name: tuple[str, ...]) -> bool:
    """Whether the label is two or more of the name's words joined, in any order (a letter of its
    own counts: omalleys.ie for O'Malley's, aplus.com for A Plus Tutors)."""
    words = [w for w in name if w]
    if len(words) > 6:
        return False

    def fits(rest: str, left: list[str], used: int) -> bool:
        if not rest:
            return used >= 2
        if used and any(rest.startswith(c) and fits(rest[len(c):], left, used) for c in _DOMAIN_CONNECTORS):
            return True    # alderandpike.com for Alder & Pike
        if used and len(rest) >= 3 and any(w.startswith(rest) and w != rest for w in left):
            return True    # a last word cut short: anhembilog.com.br for Logística Anhembi
        return any(rest.startswith(w) and fits(rest[len(w):], left[:i] + left[i + 1:], used + 1)
                   for i, w in enumerate(left))

    return fits(label, words, 0)


def _display_words(text: str) -> str:
    words = [w for w in _NON_WORD.split(_without_forms(_fold(text))) if w and w not in W.SENDER_NOISE]
    return " ".join(words)


def _names(haystack: str, name: tuple[str, ...]) -> bool:
    """Whether the folded text names the company as whole words; a name in Chinese, Japanese or
    Korean letters, which those languages write without a space around it ("受客户蛇口物流集团委托",
    "영도조선에서"), anywhere but beside a Latin letter or a digit."""
    if not name or (len(name) == 1 and len(name[0]) < 2):
        return False
    joined = _JOIN.join(map(re.escape, name))
    pattern = (r"(?<![a-z0-9])" + joined + r"(?![a-z0-9])") if _CJK.search(name[0]) else \
        (r"(?<!\w)" + joined + r"(?!\w)")
    return re.search(pattern, haystack) is not None


@dataclass(frozen=True)
class _Evidence:
    domain: str
    platform: bool
    display: str
    subject: str
    body: str
    address: str
    free_mail: bool = False
    automated: bool = False


def _person_words(contact: str) -> tuple[str, ...]:
    """The words of a contact cell's person, without a bracketed note, a form of address or an
    initial ("Fiona (recruitment)" -> fiona; "Mr. D. Kerr" -> kerr); a Chinese or Korean name of two
    letters is a name."""
    text = re.sub(r"[(\[（].*?[)\]）]", " ", contact)
    return tuple(w for w in _NON_WORD.split(_fold(text)) if (len(w) >= 3 or (len(w) == 2 and _CJK.match(w)))
                 and w not in W.SENDER_NOISE and not form_of_address(w))   # (陈伟, 周婷: two letters)



def _evidence(mail: Mail) -> _Evidence:
    return _Evidence(domain=mail.domain, platform=is_platform(mail.domain), display=_display_words(mail.sender_name),
                     subject=_without_forms(_fold(mail.subject)),
                     body=_without_forms(_fold(own_words(mail.text)[:8000])),   # (株式会社つばさ出版: the name alone)
                     address=mail.sender_address, free_mail=mail.domain in W.FREE_MAIL, automated=mail.automated)


def _longer_domain(ev: _Evidence, row: Row, name: tuple[str, ...]) -> str:
    """Why the sender's domain is the company's though it is not its name ('' when it is not): the
    company's longer name, in its domain and in its own words, holds the tracker's shorter one; or a
    Japanese name's first word in romaji (tsubasa-pub.co.jp), or a word of a Chinese name in pinyin
    (qinghe-tech.cn for 上海青禾科技), begins the domain and the message names the company in its own
    letters, as the tracker does."""
    label = _domain_label(ev.domain) if ev.domain and not ev.platform and not ev.free_mail else ""
    if not label:
        return ""
    if _trade_and_name(label, name) and (_names(ev.display, name) or _names(ev.subject, name)
                                         or _names(ev.body, name)):
        return f"sender's domain {ev.domain} holds the name"
    if not (_names(ev.subject, name) or _names(ev.body, name)):
        return ""
    if any(len(form[0]) >= 5 and label.startswith(form[0]) for form in romaji_forms(row.company, _of_japan(ev))):
        return f"sender's domain {ev.domain} spells the name's first word, the name written in the message"
    if any(len(spelled) >= 5 and label.startswith(spelled) for spelled in pinyin_words(row.company)):
        return f"sender's domain {ev.domain} spells the name in pinyin, the name written in the message"
    if _spells_hangul(label, row.company):
        return f"sender's domain {ev.domain} spells the Korean name, the name written in the message"
    return ""


def _spells_hangul(label: str, company: str, least: int = 5) -> bool:
    """Whether a domain's name part begins with a Korean name's first syllables in Latin letters
    (yeongdo-ship.co.kr for 영도조선), the final consonants as either romanization writes them
    (dongbaek, dongbaeg)."""
    return any(len(spelled) >= least and fuzz.ratio(spelled, label[:len(spelled)]) >= 85
               for spelled in hangul_words(company))


_HANGUL_ONLY = re.compile(r"^[\uac00-\ud7a3]+$")


@functools.lru_cache(maxsize=4096)
def hangul_words(company: str) -> tuple[str, ...]:
    """A name written in Korean letters, without its legal form, as the romanized first two or more
    of its syllables (해운대물산 -> haeundae, haeundaemul, haeundaemulsan), as a domain begins it."""
    hangul = "".join(_without_forms(company).split())
    if not hangul or not _HANGUL_ONLY.match(hangul):
        return ()
    from hangul_romanize import Transliter  # loaded with the first company named in Korean letters
    from hangul_romanize.rule import academic
    spell = Transliter(academic).translit
    syllables = [spell(ch).replace("-", "") for ch in hangul]
    return tuple("".join(syllables[:n]) for n in range(2, len(syllables) + 1))


def _domain_spells(ev: _Evidence, row: Row, contact: bool = False) -> bool:
    """Whether the sender's own domain spells the row's name written in Japanese, Chinese or Korean
    letters (its first word in romaji, a word in pinyin, its first syllables romanized) in six
    letters or more (five from an address of those countries, nampo-fin.co.kr for 남포금융, or when the
    row's contact writes): the message not naming the company, a shorter one may be a city's (busan)."""
    label = _domain_label(ev.domain) if ev.domain and not ev.platform and not ev.free_mail else ""
    least = 5 if contact or ev.domain.rsplit(".", 1)[-1] in _CJK_COUNTRIES else 6
    return bool(label) and (any(len(form[0]) >= least and label.startswith(form[0])
                                for form in romaji_forms(row.company, _of_japan(ev)))
                            or any(len(spelled) >= least and label.startswith(spelled)
                                   for spelled in pinyin_words(row.company))
                            or _spells_hangul(label, row.company, least))


def _of_japan(ev: _Evidence) -> bool:
    return ev.domain.rsplit(".", 1)[-1] == "jp"


_HAN_ONLY = re.compile(r"^[\u3400-\u9fff]+$")


@functools.lru_cache(maxsize=4096)
def pinyin_words(company: str) -> tuple[str, ...]:
    """A name written in Chinese characters (no kana: that is Japanese), without its legal form, as
    the pinyin of each run of two or more of its characters, as a domain spells the name's own word
    after the city before it (上海青禾科技 -> ..., qinghe, qinghekeji, hekeji, ...)."""
    han = "".join(_without_forms(company).split())
    if not han or not _HAN_ONLY.match(han):
        return ()
    from pypinyin import lazy_pinyin  # loaded with the first company named in Chinese characters
    syllables = [s.lower() for s in lazy_pinyin(han)]
    return tuple("".join(syllables[i:j]) for i in range(len(syllables)) for j in range(i + 2, len(syllables) + 1))


def company_score(ev: _Evidence, row: Row) -> tuple[int, str]:
    """How surely the message comes from (or is about) the row's company, and why."""
    name = company_words(row.company)
    if row.contact_email and ev.address and row.contact_email.strip().lower() == ev.address:
        return 100, "sender is the row's e-mail"
    if not name:
        return 0, ""
    domain = _domain_score(ev.domain, name_forms(row.company))
    if domain:
        return domain, f"sender's domain {ev.domain}"
    longer = _longer_domain(ev, row, name)
    if longer:
        return 88, longer
    trusted = ev.platform   # a tracking system writes for the employer; its display name is the employer's
    shown = " ".join(name)
    display = fuzz.token_set_ratio(ev.display, shown) if ev.display else 0
    if trusted and display >= 90:
        return 95, f"{ev.domain} on behalf of {ev.display!r}"
    in_subject, in_body = _names(ev.subject, name), _names(ev.body, name)
    if trusted and (in_subject or in_body):
        return 90, f"{ev.domain}, company named in the {'subject' if in_subject else 'message'}"
    if trusted and any(is_short_form(word, name) for word in ev.display.split()):
        # the system writes for "DB": the short form of the row's name; sure when the role is named too
        return (88 if _position_bonus(ev, row) or len(ev.display) >= 3 else 75), \
            f"{ev.domain} on behalf of {ev.display!r}, a short form of the name"
    named = in_subject or in_body
    if ev.automated and not ev.free_mail and named and _position_bonus(ev, row):
        # an automatic sender unknown as a tracking system ("no-reply@jobtrain.co.uk") that names the
        # company and the role writes for the employer, as a known system does
        return 88, f"{ev.domain}, an automatic sender naming the company and the role"
    by_person = _by_contact_or_spelling(ev, row, name, named, display)
    if by_person is not None:
        return by_person
    # A sender who is neither the company nor a tracking system: at most 'maybe'.
    if in_subject and display >= 90:
        return 75, "named in the subject and sender's name, from another domain"
    if in_subject or display >= 90:
        return 65, "named in the " + ("subject" if in_subject else "sender's name") + ", from another domain"
    if in_body and not ev.free_mail and not ev.platform and not ev.automated:
        # a person of another company (an agency writing for its client) naming the company: perhaps
        return MAYBE, "named in the message, from another company's address"
    if in_body:
        return 50, "named in the message, from another domain"
    return 0, ""


def _first_word_named(ev: _Evidence, name: tuple[str, ...]) -> bool:
    """Whether the message names the company by the first word of its name, as people say it
    short ("Aoife from Stonebridge" for Stonebridge Capital): a word of five letters or more."""
    return len(name) > 1 and len(name[0]) >= 5 and _names(ev.body, name[:1])


def _by_contact_or_spelling(ev: _Evidence, row: Row, name: tuple[str, ...], named: bool,
                            display: float) -> tuple[int, str] | None:
    """The row's company by who writes: its Contact (from the company's mail and naming it; from a
    private address, listed only), a sender named as the company in Chinese, Japanese or Korean
    letters, a domain that spells such a name; or a private address naming company and role."""
    shown = " ".join(name)
    in_subject, in_body = _names(ev.subject, name), _names(ev.body, name)
    person = _person_words(row.contact)
    contact = bool(person) and set(person) <= set(ev.display.split())
    if contact and not ev.free_mail and named:
        # the row's own contact, writing from the company's mail (an out-of-office, a reply) and naming it
        return 88, f"sender is the row's contact {row.contact!r}, company named"
    if contact and ev.free_mail and (named or _position_bonus(ev, row) or _first_word_named(ev, name)):
        # the row's contact by name, from a private address: listed, never applied
        return 65, f"the row's contact {row.contact!r} by name, from a private address"
    if display >= 90 and _CJK.search(shown) and not ev.free_mail \
            and (ev.domain.rsplit(".", 1)[-1] in _CJK_COUNTRIES or in_subject or in_body):
        # a name in Chinese, Japanese or Korean letters cannot be compared with a domain: the
        # company's name as the sender's, from an address of that country or naming the company in
        # its own letters again ("셀트리온 채용팀" <recruit@celltrion.com>, "[셀트리온] ..."), is the company
        return 85, f"sender's name {ev.display!r} from {ev.domain}"
    if not named and _domain_spells(ev, row, contact):
        # a name in Japanese, Chinese or Korean letters the domain spells, the message not naming it:
        # the row's when its contact writes, else perhaps
        return (88, f"sender is the row's contact {row.contact!r}, from {ev.domain}, which spells the name") \
            if contact else (65, f"sender's domain {ev.domain} spells the name, not named in the message")
    if ev.free_mail and in_body and _position_bonus(ev, row):
        # a private address that signs with the company and names the role: listed, never applied
        return 65, "company and role named by a private address"
    return None


def _position_bonus(ev: _Evidence, row: Row) -> int:
    position = _fold(row.position).strip()
    if not position:
        return 0
    text = f"{ev.subject}\n{ev.body[:4000]}"
    if position in text:
        return 8
    return 4 if fuzz.partial_ratio(position, text) >= 90 else 0


def match(mail: Mail, rows: list[Row]) -> Match:
    """The row `mail` is about: sure when the best row reaches SURE and no other row comes within
    MARGIN of it, or when the rows that do are the same company's and only the best one's position
    is named in the message."""
    ev = _evidence(mail)
    scored = []
    for row in rows:
        score, why = company_score(ev, row)
        if score:
            scored.append((score, _position_bonus(ev, row), why, row))
    if not scored:
        return Match(None, 0, "no row's company is named")
    scored.sort(key=lambda s: (-s[0], -s[1]))
    best, bonus, why, row = scored[0]
    close = [s for s in scored if s[0] >= max(MAYBE, best - MARGIN)]
    confidence = min(100, best + bonus)
    told_apart = all(s[1] < bonus for s in close[1:])
    other = other_position(mail, row) if best >= SURE and not bonus else ""
    if other:
        # the company's, but about another of its openings ("your application for Warehouse Supervisor"
        # when the row is the Supply Planner one): listed, never applied to this row
        return Match(None, confidence, why + f", names another position {other!r}", ((row, confidence),), other)
    if best >= SURE and (len(close) == 1 or told_apart):
        return Match(row, confidence, why + (", position named" if bonus and len(close) > 1 else ""))
    if best >= MAYBE:
        return Match(None, confidence, why, tuple((s[3], min(100, s[0] + s[1])) for s in close))
    return Match(None, confidence, why)


# The opening a message is about, where it names one: after "application for", "applying to the",
# "Bewerbung als", "candidatura a/para/per", "candidature au poste de", up to a word that ends a job's
# name ("position", "at", "bei", "(m/w/d)") or a stop; in Japanese the 職 before へのご応募 or a result.
_NAMED_ROLE = re.compile(
    r"\b(?:application|applying|applied|apply)\s+(?:(?:for|as)\s+(?:the\s+|our\s+|a\s+|an\s+)?|to\s+(?:the|our|a|an)\s+)"
    r"(?:position\s+of\s+)?"
    r"|\bbewerbung\s+(?:als|auf\s+die\s+stelle\s+(?:als\s+)?|für\s+die\s+stelle\s+(?:als\s+)?)"
    r"|\b(?:candidatura|solicitud|postulación)\s+(?:a|al|para|per|como|come)\s+(?:(?:el|la|il)\s+)?"
    r"(?:(?:puesto|posición|posizione|ruolo|vacante)\s+(?:de|di)\s+)?"
    r"|\bcandidature\s+(?:au|pour\s+le)\s+poste\s+(?:de\s+|d['’])?",
    re.IGNORECASE)
_ROLE_END = re.compile(r"\s+(?:position|role|vacancy|opening|job|post|stelle|at|with|in|bei|chez|en|presso|da|di|at)\b"
                       # a new clause: "... de Technicien de maintenance et ne pouvons pas y donner suite"
                       r"|\s+(?:et|and|und|y|e|ed)\s+(?:ne|n['’]|we|wir|nous|no|non|vous|you|sie|unfortunately|leider"
                       r"|malheureusement|lamentablemente|purtroppo)\b"
                       r"|\s*\(|\s*[\n.,;:!?–—|]|\s+-\s|$", re.IGNORECASE)
_ROLE_JA = re.compile(r"([\u3040-\u30ff\u4e00-\u9fff]{1,10}職)(?:へのご応募|に(?:ご)?応募|\s*(?:の)?選考)")


def named_role(mail: Mail) -> str:
    """The position the subject or the first lines of the message name as the one applied for; ''."""
    text = f"{mail.subject}\n{own_words(mail.text)[:1500]}"
    for m in _NAMED_ROLE.finditer(text):
        end = _ROLE_END.search(text, m.end())
        role = text[m.end():end.start() if end else m.end() + 60].strip(" '\"“”")
        if 2 <= len(role) <= 60 and not re.match(r"(?i)(?:this|the|our|your|it|us)\b", role):
            return role
    found = _ROLE_JA.search(text)
    return found.group(1) if found else ""


def _same_role(a: str, b: str) -> bool:
    a, b = _fold(a).strip(), _fold(b).strip()
    return bool(a and b) and (a in b or b in a or fuzz.token_set_ratio(a, b) >= 80 or fuzz.partial_ratio(a, b) >= 90
                              or a.rstrip("職") in b or b in a.rstrip("職"))


def other_position(mail: Mail, row: Row) -> str:
    """The position the message names when it is not the row's, in the same script (a role named in
    another alphabet may be the row's in translation); '' otherwise."""
    if not row.position.strip():
        return ""
    role = named_role(mail)
    if not role or bool(_CJK.search(role)) != bool(_CJK.search(row.position)) or _same_role(role, row.position) \
            or _same_role(role, row.company):     # ("applying for Kestrel Analytics": the company, not a role)
        return ""
    return role


def names_several(mail: Mail, rows: list[Row]) -> bool:
    """Whether the message names two or more of the tracker's companies (a job board's digest, a
    newsletter): then it is about none of their applications."""
    ev = _evidence(mail)
    text = f"{ev.subject}\n{ev.body}"
    named = {name for row in rows if (name := company_words(row.company)) and _names(text, name)}
    return len(named) >= 2


# -- an application the tracker lacks --------------------------------------------------------------

# "... applying to NAME", "Ihre Bewerbung bei NAME", "Votre candidature chez NAME", "Tu solicitud en NAME":
# the name starts with a capital or a digit and runs to the end, a dash, a colon or " for "/" als ".
_AT_COMPANY = re.compile(
    r"\b(?i:apply(?:ing)?|applied|application|bewerbung|candidature|candidatura|solicitud|interest)\b"
    r".{0,40}?\b(?i:to|at|with|for|bei|an|chez|à|auprès\s+de|en|con|a|para)\s+"
    r"(?P<name>[A-Z0-9ÄÖÜÉÈ][\w&.'’-]*(?:\s+[A-Z0-9ÄÖÜÉ&][\w&.'’-]*){0,5})", re.UNICODE)
_ROLE = re.compile(r"\b(?:for\s+the|for|als|pour\s+le\s+poste\s+de|para\s+el\s+puesto\s+de|as)\s+"
                   r"(?P<role>[A-Z][\w/&+.-]*(?:\s+[\w/&+.-]+){0,5}?)\s*(?:position|role|opening|job)?\s*(?:$|[-–:|(!])",
                   re.UNICODE)


def guess_application(mail: Mail) -> tuple[str, str]:
    """The company (and the position, when the subject gives one) of a message about an application
    the tracker lacks: named in the subject ("Thank you for applying to Fernhill Labs"), else the
    sender's name without the recruiting words ("Fernhill Labs Careers"), else the sender's domain
    ("fernhill-labs.com" -> "Fernhill Labs"). '' when none of them names one."""
    subject = " ".join(mail.subject.split())
    company = ""
    found = _AT_COMPANY.search(subject)
    rest = subject
    if found:
        company = re.split(r"\s+(?:for|als|pour|para|as)\s+|\s+[-–|:]\s*", found.group("name"))[0].strip(" .,!")
        rest = subject[found.start("name") + len(company):]
    if not company and mail.sender_name:
        words = [w for w in mail.sender_name.replace('"', " ").split()
                 if _fold(w).strip(".,-") not in W.SENDER_NOISE]
        company = " ".join(words).strip(" .,-")
    if not company and mail.domain and not is_platform(mail.domain) and mail.domain not in W.FREE_MAIL:
        parts = mail.domain.split(".")
        local = len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in ("co", "com")   # blue-finch.co.uk
        label = parts[-3] if local else parts[-2] if len(parts) >= 2 else ""
        company = " ".join(part.capitalize() for part in re.split(r"[-_]", label) if part)
    role = _ROLE.search(rest)
    position = role.group("role").strip(" .,") if role else ""
    after = re.match(r"\s+[-–|:]\s+(?P<role>[^-–|:!]{2,60})$", rest)
    if not position and found and after:    # "... to Quill & Ink Studio - Copywriter"
        position = after.group("role").strip(" .,")
    if _fold(position) in ("your application", "applying", company.casefold()):
        position = ""
    return company, position
