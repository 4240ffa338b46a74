"""Trackers kept by strangers in German, French, Spanish, Italian, Portuguese, Dutch and Polish:
what the reader must get right in each (rules §2, §3, §8)."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from followup_sheet.read import ColumnInfo
from followup_sheet.language import choose_language
from followup_sheet.settings import Settings


def _tracker(headers: list[str], stages: list[str]) -> SimpleNamespace:
    frame = pd.DataFrame({"stage": stages, "response": [""] * len(stages)})
    return SimpleNamespace(columns={f"f{i}": ColumnInfo(i + 1, h) for i, h in enumerate(headers)}, frame=frame)


@pytest.mark.parametrize("headers, stages, code", [
    # a header said the same in English and French, and an accented abbreviation of "Tel"
    (["Société", "Intitulé du poste", "Contact", "Tél", "Statut"], ["relancé", "entretien passé"], "fr"),
    # an Italian stage word that begins like an English one ("offerta" is not "offer")
    (["Azienda", "Ruolo", "Note", "Stato"], ["offerta ricevuta", "in attesa"], "it"),
    (["Bedrijf", "Functie", "Contact", "Status"], ["aanbod", "verstuurd"], "nl"),
    # English words with English endings still make a tracker English
    (["Company", "Role", "Contact", "Status"], ["Offered", "Interviewing"], "en"),
])
def test_words_every_language_shares_do_not_make_a_tracker_a_mix(headers, stages, code):
    assert choose_language([_tracker(headers, stages)], Settings()).code == code


def test_a_real_english_phrase_still_makes_a_mix():
    choice = choose_language([_tracker(["Azienda", "Ruolo", "Date Applied", "Contact"], ["colloquio"])], Settings())
    assert choice.code == "en" and "mixes" in choice.reason
