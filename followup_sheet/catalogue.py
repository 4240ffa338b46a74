"""Messages in the user's language (rules §8): the Today sheet's headers, notes and drop-down
values, and the outcome words the next refresh reads back, whatever language they were picked in.

One TOML file per language in `catalogues/`, keyed by the English text; a key a file leaves out
is shown in English. TOML rather than gettext's compiled .mo files: Python reads it without a
build step (`tomllib`), a translator edits it in any text editor, and a review sees the English
and the translation side by side on one line.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

from .hanzi import in_form

FOLDER = Path(__file__).resolve().parent / "catalogues"


@functools.cache
def catalogue(language: str) -> dict[str, dict[str, Any]]:
    """The sections of a language's catalogue (`today`, `outcomes`, `outcome_words`); {} for
    English and for a language without a file."""
    path = FOLDER / f"{language}.toml"
    if language == "en" or not path.is_file():
        return {}
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def next_sentence(language: str) -> str:
    """What ends one sentence before another in `language`: "。" in Chinese and Japanese (no
    space), ". " elsewhere."""
    return "。" if language in ("zh", "ja") else ". "


def say(section: str, text: str, language: str) -> str:
    """`text` (English) in `language`, or as it is when the catalogue has no translation."""
    return str(catalogue(language).get(section, {}).get(text, text))


def say_count(section: str, text: str, count: int, language: str) -> str:
    """`text` (English, with `{n}`) in `language` for `count` things, `{n}` filled in. A
    translation is a string, or a table of the language's plural forms (Babel's CLDR rules:
    `one`, `few`, `many`, `other`...) where the words change with the number; `other` is taken
    for a form the table leaves out."""
    shown = catalogue(language).get(section, {}).get(text, text)
    if isinstance(shown, dict):
        from babel import Locale

        shown = shown.get(Locale.parse(language).plural_form(count), shown["other"])
    return str(shown).format(n=count)


def languages() -> list[str]:
    """The languages with a catalogue file."""
    return sorted(p.stem for p in FOLDER.glob("*.toml"))


@functools.cache
def outcome_words() -> dict[str, str]:
    """Every translated Outcome value and its other spellings, in every language, -> the English
    Outcome value: a mark picked in German is read back in a run that speaks French."""
    words: dict[str, str] = {}
    for code in languages():
        book = catalogue(code)
        for english, shown in book.get("outcomes", {}).items():
            for form in _forms(code, shown):
                words.setdefault(form, english)
        for english, more in book.get("outcome_words", {}).items():
            for word in more:
                for form in _forms(code, word):
                    words.setdefault(form, english)
    return words


def _forms(code: str, text: str) -> tuple[str, ...]:
    """`text` and, in Chinese, the same in traditional characters as Taiwan and Hong Kong write them
    (the Today sheet of a tracker kept in traditional characters shows those: hanzi.in_form)."""
    if code != "zh":
        return (text,)
    return tuple(dict.fromkeys((text, *(in_form(text, form) for form in ("tw", "hk")))))


@functools.cache
def header_words() -> dict[str, str]:
    """Every translated Today sheet header, in every language, -> the English header."""
    return {form: english for code in languages()
            for english, shown in catalogue(code).get("today", {}).items() if len(english) < 30
            for form in _forms(code, shown)}


@functools.cache
def sample_catalogue(language: str) -> dict[str, Any]:
    """The sample tracker's text in a language (`catalogues/samples/LANG.toml`): `date_format`,
    and `sheet`, `headers`, `cells` tables keyed by the English text; {} without a file."""
    path = FOLDER / "samples" / f"{language}.toml"
    if language == "en" or not path.is_file():
        return {}
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def sample_languages() -> list[str]:
    """The languages the sample tracker can be made in, English first."""
    return ["en", *sorted(p.stem for p in (FOLDER / "samples").glob("*.toml"))]


# --- the exports, the stats page, the work-search log, the terminal and the messages ------------

def plural(section: str, one: str, other: str, count: int, language: str, **fields: Any) -> str:
    """`other` (English, with `{n}`; `one` its English singular) in `language` for `count`
    things, `{n}` and `fields` filled in; the catalogue's entry is keyed by `other` (a string, or
    a table of the language's plural forms as in `say_count`)."""
    shown = catalogue(language).get(section, {}).get(other)
    if shown is None:
        shown = one if count == 1 else other
    elif isinstance(shown, dict):
        from babel import Locale
        shown = shown.get(Locale.parse(language).plural_form(count), shown["other"])
    return str(shown).format(n=count, **fields)


# The catalogues' section for a status said after the call sheet's "When" label (`Words.when`).
WHEN_SECTION = "when"


class Words:
    """The texts a user reads outside the scripts, in one language: `w("Phone")`,
    `w("Calls for {day}", day=...)`, `w.count("{n} day overdue", "{n} days overdue", 3)`, `w.day(date)`.
    Section `outputs` (exports, stats page, work-search log, terminal headers, the Today sheet's
    title) and `messages` (what the command line says)."""

    def __init__(self, language: str = "en", section: str = "outputs") -> None:
        self.language = language or "en"
        self.section = section

    def _section(self, text: str) -> str:
        """The section that translates `text`: its own, else `messages`, `outputs`, the Today
        sheet's (a text said the same everywhere is translated once)."""
        book = catalogue(self.language)
        return next((s for s in (self.section, "messages", "outputs", "today") if text in book.get(s, {})),
                    self.section)

    def __call__(self, text: str, /, **fields: Any) -> str:
        shown = say(self._section(text), text, self.language)
        return shown.format(**fields) if fields else shown

    def count(self, one: str, other: str, count: int, **fields: Any) -> str:
        return plural(self._section(other), one, other, count, self.language, **fields)

    def by_day(self, text: str, number: int, **fields: Any) -> str:
        """`text` with `fields` filled in, where the words before a day of the month change with
        its number: the catalogue's entry is a string, or a table of the language's ordinal forms
        (Babel's CLDR rules; Italian `many` for 8, 11: "dall'8", "dall'11", `other`: "dal 9")."""
        shown: Any = catalogue(self.language).get(self._section(text), {}).get(text, text)
        if isinstance(shown, dict):
            from babel import Locale
            shown = shown.get(Locale.parse(self.language).ordinal_form(number), shown["other"])
        return str(shown).format(**fields)

    def outcome(self, english: str) -> str:
        """An Outcome value as the drop-down shows it in this language."""
        return say("outcomes", english, self.language)

    def status(self, english: str) -> str:
        """A Follow-up Status value as the exports show it (the tracker's column keeps the
        English value: docs/rules.md §11)."""
        return say("statuses", english, self.language)

    def when(self, english: str) -> str:
        """A Follow-up Status value as the call sheet says it after its "When" label: the
        catalogue's `[when]` wording where the status would say the label's word again
        (Japanese 期日 / 今日が期日 -> 期日 / 今日), else the status as `status` shows it."""
        return str(catalogue(self.language).get(WHEN_SECTION, {}).get(english) or self.status(english))

    def day(self, value: Any, form: str = "full") -> str:
        """A date as the language writes it (Babel's CLDR patterns): 'full' with the weekday,
        'long' without it, 'medium', 'short'."""
        from babel.dates import format_date
        return format_date(value, form, locale=self.language)

    def number(self, value: float, form: str | None = None) -> str:
        """`value` as the language writes numbers; `form` a CLDR pattern ("0.0": one decimal)."""
        from babel.numbers import format_decimal
        return format_decimal(value, form, locale=self.language)

    def percent(self, value: float) -> str:
        from babel.numbers import format_percent
        return format_percent(value, locale=self.language)


class Worded(str):
    """A message that is English text and also remembers its wording and fields, so it can be
    said again in another language once that language is known: a row problem found while
    reading (`Row 12: 'Date Applied' (C12) is '31/02'; ...`) is written into the tracker in the
    tracker's language, which is settled only after the read. A field may be a Worded itself."""

    wording: str
    fields: dict[str, Any]

    def __new__(cls, wording: str, **fields: Any) -> Worded:
        made = super().__new__(cls, wording.format(**fields))
        made.wording, made.fields = wording, fields
        return made

    def __reduce__(self):   # a pickled copy (a worker process, a cache) keeps its wording
        return _worded, (self.wording, self.fields)


def _worded(wording: str, fields: dict[str, Any]) -> Worded:
    return Worded(wording, **fields)


def in_language(text: Any, language: str, section: str = "messages") -> str:
    """`text` in `language`: a Worded message (and each Worded field of it) through the catalogue's
    `section`; any other text as it is."""
    if not isinstance(text, Worded) or not language or language == "en":
        return str(text)
    fields = {k: in_language(v, language, section) for k, v in text.fields.items()}
    return Words(language, section)(text.wording, **fields)
