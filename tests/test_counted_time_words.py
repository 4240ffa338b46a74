"""Time words as tired people shorten and count them (follow-up rules §3, "Dates the row states"):
a span counted in digits or in words with a shortened unit, "next" with a shortened unit, a part
of next month, and a day of the month said alone, which is never an ordinal that counts things."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_sheet.statements import may_state_a_date, read_statements

WED = dt.date(2026, 12, 2)       # a Wednesday


def _one(text: str, written: dt.date = WED):
    said = read_statements(text, written)
    assert len(said) == 1, said
    return said[0]


@pytest.mark.parametrize(("text", "day", "kind"), [
    # a span counted with a shortened unit, in digits or in words
    ("supervisor reckons they'll decide in 3 wks", dt.date(2026, 12, 23), "decision"),
    ("ring the depot again in ten days", dt.date(2026, 12, 12), "call_back"),
    ("she'll revert within a fortnight", dt.date(2026, 12, 16), "feedback"),
    ("chase in a couple of wks if nothing", dt.date(2026, 12, 16), "call_back"),
    ("HR gal says decision in 2 mths", dt.date(2027, 2, 2), "decision"),
    # the same kind in the other languages the reader knows
    ("Entscheidung in vierzehn Tagen", dt.date(2026, 12, 16), "decision"),
    ("Rückmeldung in drei Wo.", dt.date(2026, 12, 23), "feedback"),
    ("ils me rappellent dans une quinzaine", dt.date(2026, 12, 17), "feedback"),
    ("me avisan en diez días", dt.date(2026, 12, 12), "feedback"),
    ("decyzja za dwa tygodnie", dt.date(2026, 12, 16), "decision"),
    ("beslissing over drie weken", dt.date(2026, 12, 23), "decision"),
    # "next" with a shortened unit; the employer's news next week is by its Friday
    ("nudge the recruiter nxt wk", dt.date(2026, 12, 9), "call_back"),
    ("panel will let me know next wk", dt.date(2026, 12, 11), "feedback"),
    # a part of next month
    ("they'll come back to me early next mth", dt.date(2027, 1, 10), "feedback"),
    ("decision end of next month", dt.date(2027, 1, 31), "decision"),
    ("Entscheidung Ende nächsten Monats", dt.date(2027, 1, 31), "decision"),
    ("réponse fin du mois prochain", dt.date(2027, 1, 31), "answer"),
    # a day of the month alone, with any preposition of time
    ("phone screen pencilled in for the 15th", dt.date(2026, 12, 15), "interview"),
    ("site visit around the 4th", dt.date(2026, 12, 4), "date"),
])
def test_shortened_and_counted_time_words(text, day, kind):
    said = _one(text)
    assert (said.date, said.kind) == (day, kind)


def test_a_day_of_the_month_is_never_before_the_day_written():
    # written on the 20th: "the 3rd" is next month's, not this month's past one
    said = _one("she said to phone on the 3rd", dt.date(2026, 11, 20))
    assert said.date == dt.date(2026, 12, 3)
    assert _one("she said to phone on the 3rd", dt.date(2026, 12, 3)).date == dt.date(2027, 1, 3)


@pytest.mark.parametrize("text", [
    "rang after the 2nd interview, no joy",
    "shortlisted for the 3rd round",
    "picked up on the 4th attempt",
    "Absage nach dem 2. Gespräch",
    # a span about nothing states no date
    "the ad was reposted after 3 wks",
])
def test_an_ordinal_that_counts_things_or_a_span_about_nothing_is_no_date(text):
    assert read_statements(text, WED) == ()


def test_the_quick_look_lets_a_counted_span_through_and_little_else():
    assert may_state_a_date("call back in 10 days")
    assert may_state_a_date("chase nxt wk")
    assert not may_state_a_date("rang them, no joy, says she'll revert")


def test_the_unit_words_are_cldrs():
    from babel import Locale

    from followup_sheet.statements import LANGUAGES, UNIT_WORDS
    for unit, words in UNIT_WORDS.items():
        cldr = set()
        for language in LANGUAGES:
            forms = Locale.parse(language)._data["unit_patterns"][f"duration-{unit}"]
            for length in ("long", "short", "narrow"):
                for key, pattern in dict(forms[length]).items():
                    word = pattern.replace("{0}", "").strip().lower() if isinstance(pattern, str) else ""
                    if key != "per" and len(word.rstrip(".")) >= 2 and " " not in word and not word.startswith("/"):
                        cldr.add(word)
        assert set(words.split()) == cldr, unit


def test_the_spelled_counts_are_num2words():
    num2words = pytest.importorskip("num2words").num2words

    from followup_sheet.statements import COUNT_WORDS, LANGUAGES
    assert set(COUNT_WORDS) == set(LANGUAGES)
    for language, words in COUNT_WORDS.items():
        assert words.split("|") == [num2words(n, lang=language).lower() for n in range(2, 32)], language


# a title written with a stop before a name does not end the clause that says what the date is about
@pytest.mark.parametrize("note, language, kind", [
    ("tercera entrevista con la Dra. Ibáñez el 10 de diciembre", "es", "interview"),
    ("panel with Dr. Okafor and two leads on 10/12", "en", "interview"),
    ("entretien final avec Mme. Caron le 10 décembre", "fr", "interview"),
    ("Gespräch mit Hr. Vogt am 10.12.", "de", "interview"),
])
def test_a_titles_stop_before_a_name_keeps_the_clause_whole(note, language, kind):
    said = read_statements(note, dt.date(2026, 11, 20), True, (language, "en"))
    assert [s.kind for s in said] == [kind] and said[0].date == dt.date(2026, 12, 10)


# trying again after a span is a call to make then
@pytest.mark.parametrize("note, language", [
    ("switchboard said try again in a week", "en"),
    ("Sekretariat: in einer Woche nochmal probieren", "de"),
    ("me dijeron que vuelva a intentar en una semana", "es"),
])
def test_trying_again_after_a_span_is_a_call_back_then(note, language):
    said = read_statements(note, dt.date(2026, 11, 27), True, (language, "en"))
    assert [(s.kind, s.date) for s in said] == [("call_back", dt.date(2026, 12, 4))]


# "March" and "May" are words as well as months: a month with a day, or alone after a word of when
@pytest.mark.parametrize("note, day", [
    ("freeze on hiring until March", dt.date(2027, 3, 1)),
    ("panel decides March 4", dt.date(2027, 3, 4)),
    ("they pushed it to the 4th of March", dt.date(2027, 3, 4)),
    ("restarting the search in May", dt.date(2027, 5, 1)),
])
def test_march_and_may_are_months_with_a_day_or_after_a_word_of_when(note, day):
    assert [s.date for s in read_statements(note, dt.date(2026, 11, 20), False, ("en",))] == [day]


@pytest.mark.parametrize("note", ["recruiter may ring Friday afternoon or so", "I may march in there myself"])
def test_may_and_march_as_words_are_no_month(note):
    assert all(s.date.month not in (3, 5) for s in read_statements(note, dt.date(2026, 11, 20), False, ("en",)))
