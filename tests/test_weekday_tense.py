"""A day of the week said alone takes the tense of the words that govern it in its clause, not of
the whole clause: a promise or a plan after a past event is still ahead."""

import datetime as dt

import pytest

from followup_sheet.statements import read_statements

WEDNESDAY = dt.date(2026, 12, 2)
NEXT = {"mon": dt.date(2026, 12, 7), "tue": dt.date(2026, 12, 8), "thu": dt.date(2026, 12, 3),
        "fri": dt.date(2026, 12, 4)}
LAST = {"mon": dt.date(2026, 11, 30), "tue": dt.date(2026, 12, 1), "thu": dt.date(2026, 11, 26),
        "fri": dt.date(2026, 11, 27)}


@pytest.mark.parametrize(("note", "day"), [
    # a past event first, then what someone will do
    ("had a quick word w the office mgr she'll phone me back Fri", NEXT["fri"]),
    ("left a msg with reception who said ring back Mon", NEXT["mon"]),
    ("phoned the venue and was told to try again Tues", NEXT["tue"]),
    ("chatted to the GM about rotas he is calling me Thurs", NEXT["thu"]),
    ("panel went fine they would let me know Fri", NEXT["fri"]),
    ("met the ops director, outcome by Tues", NEXT["tue"]),
    ("second interview done - next steps Mon", NEXT["mon"]),
    ("went grand overall feedback Fri", NEXT["fri"]),
    ("tuve la entrevista y me contestarán el viernes", NEXT["fri"]),
    ("hatte das Gespräch, sie wird sich Freitag melden", NEXT["fri"]),
    # what was done stays in the past
    ("submitted the form Mon", LAST["mon"]),
    ("got their answer Tues", LAST["tue"]),
    ("Thurs rang the hotel no answer", LAST["thu"]),
    ("recruiter emailed me Fri", LAST["fri"]),
])
def test_a_weekday_takes_the_tense_of_its_own_verb(note, day):
    said = read_statements(note, WEDNESDAY, False, ("en", "es", "de"))
    assert [s.date for s in said] == [day]


def test_two_short_weekdays_in_one_clause_are_each_read():
    said = read_statements("did a phone screen w/ TA Thurs, decision Tues", WEDNESDAY)
    assert [s.date for s in said] == [LAST["thu"], NEXT["tue"]]


@pytest.mark.parametrize(("note", "language"), [
    ("j'ai eu l'entretien et elle va me rappeler vendredi", "fr"),
    ("ho avuto il colloquio e mi richiamerà venerdì", "it"),
    ("tive a entrevista e ela vai ligar na sexta-feira", "pt"),
    ("gesprek gehad en ze zal vrijdag bellen", "nl"),
    ("miałam rozmowę i mają zadzwonić w piątek", "pl"),
    ("hatte das Gespräch und sie wird am Freitag anrufen", "de"),
    ("tuve la entrevista y van a llamar el viernes", "es"),
])
def test_a_promise_after_a_past_event_is_ahead_in_each_language(note, language):
    said = read_statements(note, WEDNESDAY, True, ("en", language))
    assert [s.date for s in said] == [NEXT["fri"]]
