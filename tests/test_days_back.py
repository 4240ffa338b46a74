"""Yesterday and the day before, said in words in each language the reader knows (rules §3):
the day before the note's written day, and the one before that; read from the refresh day when the
row holds no day the note was written on."""
from __future__ import annotations

import datetime as dt

import pytest

from followup_sheet.statements import LANGUAGES, read_statements

WRITTEN = dt.date(2026, 11, 19)     # a Thursday
ALL = (*LANGUAGES, "zh", "ja", "ko")


@pytest.mark.parametrize("note, back", [
    ("the agency rep phoned me yesterday afternoon", 1),
    ("Frau Okafor hat gestern zurückgerufen", 1),
    ("ayer por la tarde me escribió la reclutadora", 1),
    ("ieri pomeriggio mi ha scritto la selezionatrice", 1),
    ("a recrutadora mandou e-mail ontem", 1),
    ("gisteren een mail van de recruiter gekregen", 1),
    ("wczoraj rekruterka przysłała maila", 1),
    ("昨天下午猎头发了微信", 1),
    ("昨日エージェントからメールが届いた", 1),
    ("어제 헤드헌터한테 메일 받음", 1),
    ("the agency rep phoned me the day before yesterday", 2),
    ("Frau Okafor hat vorgestern zurückgerufen", 2),
    ("avant-hier la recruteuse m'a écrit", 2),
    ("anteayer me escribió la reclutadora", 2),
    ("l'altro ieri mi ha scritto la selezionatrice", 2),
    ("a recrutadora mandou e-mail anteontem", 2),
    ("eergisteren een mail van de recruiter gekregen", 2),
    ("przedwczoraj rekruterka przysłała maila", 2),
    ("前天猎头发了微信", 2),
    ("おとといエージェントからメールが届いた", 2),
    ("一昨日エージェントからメールが届いた", 2),
    ("그저께 헤드헌터한테 메일 받음", 2),
])
def test_yesterday_and_the_day_before_are_days_before_the_writing(note, back):
    said = read_statements(note, WRITTEN, day_first=True, languages=ALL)
    assert [st.date for st in said] == [WRITTEN - dt.timedelta(days=back)], (note, said)


def test_french_hier_is_yesterday_in_a_french_run_only():
    french = read_statements("la recruteuse m'a rappelée hier", WRITTEN, day_first=True, languages=("fr", "en"))
    assert [st.date for st in french] == [dt.date(2026, 11, 18)]
    # German and Dutch "hier" is "here"
    assert read_statements("Unterlagen hier abgelegt", WRITTEN, day_first=True, languages=("de", "en")) == ()
    assert read_statements("cv hier opgeslagen", WRITTEN, day_first=True, languages=ALL) == ()


def test_without_a_written_day_the_refresh_day_counts():
    refresh = dt.date(2026, 12, 4)
    said = read_statements("vorgestern Anruf der Personalabteilung", dt.date(2026, 11, 2), day_first=True,
                           languages=("de", "en"), until=refresh)
    assert [st.date for st in said] == [dt.date(2026, 12, 2)]


def test_italian_mai_after_a_negation_is_never_not_may():
    said = read_statements("chiamato il 3 dicembre, non hanno mai risposto", WRITTEN, day_first=True,
                           languages=ALL)
    assert [st.date for st in said] == [dt.date(2026, 12, 3)], said
