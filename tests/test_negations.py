"""One table of negations for every reader of the notes (rules §2, §3): a word that denies what it
stands by is seen by the stage words, the employer's contacts, the steps and outcomes said in the
notes and the dated statements alike, in each language the reader knows."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from followup_sheet import negations
from followup_sheet.chasers import _NOT_DONE
from followup_sheet.facts import _negation, tells_their_contact
from followup_sheet.notestage import _arranging_not, _not_so, not_so_yet, outcome_in_notes, stage_in_notes
from followup_sheet.pipeline import compute
from followup_sheet.plan import _NEGATED_BEFORE, stage_of
from followup_sheet.settings import Settings
from followup_sheet.statements import _unanswered

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize("word", negations.latin_words())
def test_every_reader_sees_every_negation_word(word):
    """Each word of the table, before what it denies, is a negation to each reader."""
    assert _NEGATED_BEFORE.search(f"so {word} "), word
    assert _NOT_DONE.search(f"{word} "), word
    assert _arranging_not().search(f"{word} "), word
    assert _negation().search(f"{word} voicemail"), word
    assert _not_so().search(f"{word} second round"), word
    assert _unanswered().search(f"{word} answered"), word


@pytest.mark.parametrize("word", ["didn’t", "won't", "shouldn't"])
def test_an_english_contraction_is_a_negation_to_every_reader(word):
    assert _NEGATED_BEFORE.search(f"they {word} ")
    assert _negation().search(f"they {word} leave a")
    assert _not_so().search(f"they {word} offer")
    assert _unanswered().search(f"they {word} pick up")


@pytest.mark.parametrize("clause", ["没有笔试", "二次面接はなかった", "최종 면접 없음", "오퍼 안 옴",
                                    "内定はまだありません"])
def test_east_asian_negations_keep_a_clause_from_being_a_fact(clause):
    assert not_so_yet(clause), clause


@pytest.mark.parametrize("clause", ["제안 받음", "안내 메일 받음", "二面过了"])
def test_east_asian_words_that_only_look_like_a_negation_deny_nothing(clause):
    assert not not_so_yet(clause), clause


# Stage words in a cell or a note, denied in each Latin-script language's own words
@pytest.mark.parametrize("text", [
    "aucune proposition d'embauche pour le moment",      # fr
    "nenhuma oferta até agora",                          # pt
    "noch niemals ein Angebot bekommen",                 # de
    "ninguna oferta por ahora",                          # es
    "nooit een aanbod gehad",                            # nl
    "toujours pas d’offre écrite",                       # fr, the article elided
])
def test_a_denied_offer_is_no_offer(text):
    assert stage_of(text, Settings()) != "offer", text


@pytest.mark.parametrize("text", ["jamais d'entretien", "nunca una entrevista", "nem entrevista marcada"])
def test_a_denied_interview_is_no_interview(text):
    assert stage_of(text, Settings()) == "applied", text


@pytest.mark.parametrize("note", [
    "ningún caso práctico por ahora",
    "jamás llegamos a la segunda ronda",
    "aucune étude de cas demandée",
    "żadnego zadania rekrutacyjnego nie było",
    "nenhum estudo de caso",
    "niemals eine Fallstudie gemacht",
])
def test_a_denied_step_in_the_notes_is_no_interview(note):
    noted = stage_in_notes(note, lambda clause: stage_of(clause, Settings()))
    assert noted.stage == "", (note, noted)


@pytest.mark.parametrize("note", [
    "die Recruiterin hat bis heute nicht angerufen",
    "Herr Brandt hat mich noch nie angerufen",
    "de recruiter heeft me nooit gebeld",
])
def test_a_call_denied_inside_the_verb_is_no_contact(note):
    assert not tells_their_contact(note), note


@pytest.mark.parametrize("note", [
    "die Recruiterin hat mich gestern Vormittag angerufen",
    "de recruiter heeft me vanochtend gebeld",
])
def test_a_call_with_words_inside_the_verb_is_still_a_contact(note):
    assert tells_their_contact(note), note


def test_a_negated_reason_before_so_does_not_deny_the_outcome():
    def ends(clause: str) -> str:
        return "went with another candidate" if "went with another candidate" in clause else ""
    assert outcome_in_notes("they don't sponsor visas so they went with another candidate", ends)
    assert outcome_in_notes("kein Budget, daher went with another candidate", ends)
    assert not outcome_in_notes("not sure they went with another candidate", ends)
    assert not outcome_in_notes("so far I don't think they went with another candidate", ends)


_ROWS = [
    # (stage cell, note) -> the stage the row is read in
    ("Applied", "aucune offre reçue à ce jour", "applied"),
    ("Applied", "nenhuma proposta ainda, só conversa", "applied"),
    ("Applied", "ningún caso práctico todavía", "applied"),
    ("Applied", "żadnej drugiej rundy nie będzie", "applied"),
    ("Applied", "Frau Otto hat nicht angerufen", "applied"),
    ("Applied", "zweite Runde am Dienstag gehabt", "interviewing"),
]


@pytest.fixture(scope="module")
def planned(tmp_path_factory) -> list:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Company", "Role", "Applied", "Last Contact", "Status", "Contact", "Phone", "Notes"])
    for k, (stage, note, _) in enumerate(_ROWS):
        ws.append([f"Brückner {k} AG", "Analyst", dt.date(2026, 11, 2), dt.date(2026, 12, 3), stage, "Ida Berg",
                   "555-0142", note])
    path = Path(tmp_path_factory.mktemp("negations")) / "t.xlsx"
    wb.save(path)
    sheets, _, _ = compute(path, today=TODAY)
    return [sheets[0].plan.iloc[k] for k in range(len(_ROWS))]


@pytest.mark.parametrize("k", range(len(_ROWS)))
def test_a_refreshed_row_reads_the_negation_as_every_reader_does(planned, k):
    row, (_, note, stage) = planned[k], _ROWS[k]
    assert row["stage"] == stage, (note, row["why"])
    assert "employer contact" not in row["why"], (note, row["why"])
