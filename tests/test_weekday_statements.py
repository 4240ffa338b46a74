"""A clause that states only a weekday ("ring them by Thursday") is read by date arithmetic, with the
same answer dateparser gives; anything else about a weekday still goes to dateparser."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_sheet import statements

FOUR = ("en", "de", "fr", "es")
# Monday 2027-03-01 to Sunday 2027-03-07, and a week across the turn of a year
WRITTEN = [dt.date(2027, 3, 1) + dt.timedelta(days=n) for n in range(7)] + [dt.date(2027, 12, 29)]

# (clause, language): every relation of `_RELATIONS`, in the four languages
RESOLVED = [
    ("ring the hiring lead by Thursday", "en"),
    ("panel on Tuesday", "en"),
    ("offer call this Monday", "en"),
    ("references wanted next Wednesday", "en"),
    ("portfolio review after Thursday", "en"),
    ("reachable from Tuesday", "en"),
    ("silence until Wednesday", "en"),
    ("send the sample till Monday", "en"),
    ("nudge them before Friday", "en"),
    ("coding task due Thursday", "en"),
    ("Monday", "en"),
    ("Zusage bis Donnerstag erwartet", "de"),
    ("Probetag am Mittwoch", "de"),
    ("nächsten Montag nachhaken", "de"),
    ("kommenden Freitag Rückruf", "de"),
    ("diesen Dienstag Unterlagen schicken", "de"),
    ("Bescheid vor Mittwoch", "de"),
    ("erreichbar ab Donnerstag", "de"),
    ("relancer la RH mardi", "fr"),
    ("visite des locaux ce jeudi", "fr"),
    ("retour d'ici lundi", "fr"),
    ("dossier avant mercredi", "fr"),
    ("joignable dès vendredi", "fr"),
    ("nouvelles après mardi", "fr"),
    ("enviar el portafolio el jueves", "es"),
    ("segunda ronda el próximo lunes", "es"),
    ("confirmar este viernes", "es"),
    ("esperar hasta el martes", "es"),
    ("respuesta antes del miércoles", "es"),
    ("llamar después del jueves", "es"),
]

# read by dateparser, not by the arithmetic: a time of day, another date, a relation it reads
# otherwise, two weekdays, a word joined to the day
FALLBACK = [
    "tour of the office Thursday afternoon",
    "offer letter Monday 3/8",
    "recruiter phoned last Wednesday",
    "deadline by next Monday",
    "call Tuesday or Thursday",
    "tuesday-standup notes",
    "réponse lundi prochain",
    "entrevista el martes por la tarde",
]


def _read_all(clauses, languages=FOUR):
    statements.read_statements.cache_clear()
    statements._weekday_clause.cache_clear()
    return [statements.read_statements(c, w, False, languages) for c in clauses for w in WRITTEN]


def _parser_answers(monkeypatch, clauses, languages=FOUR):
    """What the code gives with the arithmetic switched off: dateparser's reading."""
    with monkeypatch.context() as m:
        m.setattr(statements, "_weekday_reader", lambda languages: None)
        return _read_all(clauses, languages)


def _no_parser(monkeypatch):
    def refuse(text, *args, **kwargs):
        if text.strip():
            raise AssertionError(f"dateparser asked about {text!r}")
        return []
    monkeypatch.setattr(statements, "_search", refuse)


@pytest.mark.parametrize(("clause", "language"), RESOLVED)
def test_each_relation_is_read_without_the_parser_as_the_parser_reads_it(monkeypatch, clause, language):
    languages = tuple(dict.fromkeys(("en", language)))
    expected = _parser_answers(monkeypatch, [clause], languages)
    assert any(expected), clause        # the parser finds a date in it on some day
    with monkeypatch.context() as m:
        _no_parser(m)
        got = _read_all([clause], languages)
    assert got == expected


def test_the_date_is_the_next_such_day_after_the_day_written(monkeypatch):
    _no_parser(monkeypatch)
    statements.read_statements.cache_clear()
    wednesday = dt.date(2027, 3, 3)
    (said,) = statements.read_statements("follow up with the recruiter by Wednesday", wednesday, False, FOUR)
    assert said.date == dt.date(2027, 3, 10) and said.words == "by Wednesday" and said.kind == "call_back"
    (said,) = statements.read_statements("Rückruf am Freitag", wednesday, False, FOUR)
    assert said.date == dt.date(2027, 3, 5) and said.words == "am Freitag"
    # "this" on the day itself is that day: no day of its own, as the parser has it
    assert statements.read_statements("call this Wednesday", wednesday, False, FOUR) == ()
    # across the end of a year
    (said,) = statements.read_statements("rappeler lundi", dt.date(2027, 12, 29), False, FOUR)
    assert said.date == dt.date(2028, 1, 3)


@pytest.mark.parametrize("clause", FALLBACK)
def test_what_else_goes_with_a_weekday_is_left_to_the_parser(monkeypatch, clause):
    asked: list[str] = []
    real = statements._search

    def spy(text, *args, **kwargs):
        if text.strip():
            asked.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(statements, "_search", spy)
    statements.read_statements.cache_clear()
    statements._weekday_clause.cache_clear()
    statements.read_statements(clause, WRITTEN[0], False, FOUR)
    assert asked, clause


def test_a_list_of_notes_reads_the_same_as_with_the_parser_alone(monkeypatch):
    notes = [c for c, _ in RESOLVED] + FALLBACK + [
        "Left a voicemail. Ring again on Monday!",
        "(Friday) final round",
        "Salary talk next Thursday; offer decision on Dec 12",
        "Nachfrage bis Montag, sonst absagen",
        "Le recruteur rappelle jeudi. Relancer après vendredi",
        "Llamar el lunes; la decisión llega el viernes",
        "Friday's panel went well",
        "Mon-Fri availability only",
        "Decision by  Thursday",            # two spaces: the parser's words are not found in the note
        "retour d’ici jeudi",
        "PHONE SCREEN THIS TUESDAY",
        "follow-up Monday",
        "call Tuesday; decide by Thursday",
    ]
    expected = _parser_answers(monkeypatch, notes)
    assert sum(1 for e in expected if e) > len(notes)      # most of them state a day
    assert _read_all(notes) == expected
    assert _read_all(notes, ("en",)) == _parser_answers(monkeypatch, notes, ("en",))


def test_weekday_names_come_from_babel_for_each_language():
    regex, days = statements._weekday_reader(FOUR)
    from babel import Locale

    for language in FOUR:
        for number, name in Locale.parse(language).days["format"]["wide"].items():
            assert days[name.lower()] == number
    assert statements._weekday_reader(("it",)) is None      # no relations known: the parser reads it


def test_a_word_that_only_begins_like_a_month_is_no_date(monkeypatch):
    _no_parser(monkeypatch)
    statements.read_statements.cache_clear()
    for note in ("the decisions take long; recruiter is slow", "Maria from the panel liked the demo",
                 "Junior role, marketing team"):
        assert statements._names_date(note) is False
        assert statements.read_statements(note, WRITTEN[0], False, FOUR) == ()
    for word in ("Dec", "dez.", "Sept", "Novemb", "março", "janv."):
        assert statements._is_month_word(word), word
    for word in ("decisions", "Maria", "Junior", "marketing", "Mayor", "augment"):
        assert not statements._is_month_word(word), word


def test_a_month_name_still_goes_to_the_parser():
    statements.read_statements.cache_clear()
    (said,) = statements.read_statements("final decision on Dec 12", dt.date(2027, 11, 30), False, FOUR)
    assert said.date == dt.date(2027, 12, 12) and said.kind == "decision"


@pytest.mark.parametrize("clause", ["second round Tuesday at 10am", "call Thurs @ 2", "Gespräch am Dienstag um 10 Uhr"])
def test_a_weekday_with_a_time_of_day_is_that_weekday_as_the_parser_reads_it(clause):
    statements.read_statements.cache_clear()
    (said,) = statements.read_statements(clause, WRITTEN[0], False, FOUR)
    assert said.date.weekday() in (1, 3) and said.date > WRITTEN[0]
