"""A clause that turns back to this employer by a word of place ("… here on Fri") makes the named
employer's clause joined before it another employer's (rules §2, §5); a hold written as the
initials of a listed phrase ("KIV", kept in view) is a hold as the status or said by the employer,
not where the user adds it to their own note (rules §2)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from followup_sheet.notestage import clauses_with_owner
from followup_sheet.pipeline import compute
from followup_sheet.plan import contains_words, with_initials
from followup_sheet.settings import Settings

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize("note", [
    "said no to Fernhill's offer, panel here on Thursday",
    "Absage von Lindqvist bekommen, hier Zweitgespräch am Donnerstag",
    "refusé la proposition de Mirabeau, ici entretien final jeudi",
    "rechacé la oferta de Solano, aquí entrevista final el jueves",
    "aanbod van Duinwater afgeslagen, hier tweede gesprek donderdag",
])
def test_a_named_employers_clause_before_a_turn_here_is_theirs(note):
    owners = [other for _, other, _ in clauses_with_owner(note)]
    assert owners == [True, False], (note, owners)


@pytest.mark.parametrize("note", [
    "emailed Priya on the 3rd, interview here Thursday",     # a person, no process of theirs
    "applied online, panel here on Thursday",                # no name
    "Fernhill declined. Panel here on Thursday",             # a sentence of its own
])
def test_no_turn_back_without_a_named_process_in_the_same_sentence(note):
    assert not any(other for _, other, _ in clauses_with_owner(note)), note


@pytest.mark.parametrize("note", [
    "entretien avec Mme Lambert le 30/11, elle doit me recontacter d'ici la fin de la semaine",
    "entrevista con la Sra. Ortega el 30/11, me contestan de aquí a fin de mes",
    "oral avec M. Girard le 30/11, rien reçu jusqu'ici",
])
def test_here_in_a_time_is_no_turn_back(note):
    """"d'ici vendredi", "de aquí a fin de mes", "jusqu'ici" tell a time, not this employer: the
    interview named before them stays this row's."""
    assert not any(other for _, other, _ in clauses_with_owner(note)), note


def test_a_phrase_of_three_words_is_also_read_by_its_initials():
    words = with_initials(("kept in view", "on hold", "暂停"))
    assert "kiv" in words and "oh" not in words
    said = contains_words(_series(["KIV", "kiv till Jan", "kivi fruit stall", "in view of the delay"]),
                          with_initials(Settings().hold_words))
    assert said.tolist() == [True, True, False, False]


def _series(values):
    import pandas as pd
    return pd.Series(values, dtype=object)


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Company", "Role", "Applied", "Last Contact", "Status", "Contact", "Phone", "Notes"])
    rows = [("Applied", "declined Fernhill's offer, panel here on Tuesday 12/8"),
            ("Applied", "spoke to HR, they said KIV"),
            ("KIV", "sent my portfolio on 12/1"),
            ("Applied", "sent my portfolio on 12/1, kiv")]
    for k, (stage, note) in enumerate(rows):
        ws.append([f"Oakmere {k}", "Planner", dt.date(2026, 11, 2), dt.date(2026, 12, 3), stage, "Ida Berg",
                   "555-0142", note])
    path = Path(tmp_path_factory.mktemp("turn")) / "t.xlsx"
    wb.save(path)
    sheets, _, _ = compute(path, today=TODAY)
    return sheets[0].plan


def test_a_turned_down_offer_elsewhere_is_no_check_data(planned):
    row = planned.iloc[0]
    assert row["status"] != "Check data", row["why"]
    assert row["stage"] == "interviewing", row["why"]


@pytest.mark.parametrize("k", [1, 2])
def test_kiv_said_by_them_or_as_the_status_waits_as_a_hold(planned, k):
    row = planned.iloc[k]
    assert row["status"] == "Waiting", row["why"]
    assert "on hold" in row["why"], row["why"]


def test_a_kiv_the_user_adds_to_their_own_note_is_no_hold(planned):
    assert "on hold" not in planned.iloc[3]["why"]
