"""A person of the employer the notes name with their part, when the contact cell is empty: the
scripts ask for them and greet them (rules §5, §7), the explanation cites the notes cell, and no
company, weekday, month, country, verb or word for a part is taken for a person."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import write_tracker

from followup_sheet.explain import row_evidence
from followup_sheet.pipeline import compute
from followup_sheet.referrals import people_in
from followup_sheet.settings import Settings

MONDAY = dt.date(2026, 12, 7)
ME = Settings(your_name="Morag Keir", your_phone="0131 555 0199", country="GB")
HEADERS = ("Organisation", "Job", "Applied on", "Last touch", "Who", "Tel", "Where it's at", "Comments")


@pytest.mark.parametrize(("note", "company", "people"), [
    ("chatted w/ Fiona from TA - shortlisting this wk", "Balmoral Events", (("Fiona", "recruiter"),)),
    ("Hamish the hiring mgr says they'll decide by the 11th", "Caledonia Venues", (("Hamish", "hiring_manager"),)),
    ("reception (Shona) took a msg", "Forth Hotels", (("Shona", "hr"),)),
    ("recruitment partner Ewan rang back", "Leith Conferences", (("Ewan", "recruiter"),)),
    ("Isla Reid (events director) liked my portfolio", "Tay Arena", (("Isla Reid", ""),)),
    ("spoke to Calum the GM and Ailsa in HR", "Skye Lodge", (("Calum", ""), ("Ailsa", "hr"))),
    ("Frau Becker aus der Personalabteilung meldet sich", "Messe Nord", (("Frau Becker", "hr"),)),
    ("Camille des RH me rappelle", "Salons Lyon", (("Camille", "hr"),)),
    ("Lucía de RRHH me escribió", "Ferias Sur", (("Lucía", "hr"),)),
    # no person: a verb, the company, a weekday, a month, a country, a team
    ("Met the hiring manager, went well", "Argyll Events", ()),
    ("Phoned the recruiter twice", "Argyll Events", ()),
    ("Argyll HR (Events) rang", "Argyll Events", ()),
    ("recruiter Friday - no news", "Argyll Events", ()),
    ("HR (December intake) full", "Argyll Events", ()),
    ("Ireland (HR) asked for refs", "Argyll Events", ()),
    ("left a msg wi reception", "Argyll Events", ()),
])
def test_the_people_a_note_names_with_their_part(note, company, people):
    assert people_in(note, company) == people


def _run(tmp_path, rows):
    path = write_tracker(tmp_path / "t.xlsx", [dict(zip(HEADERS, r)) for r in rows], headers=HEADERS)
    outcome = compute(path, settings=ME, today=MONDAY)[0][0]
    return outcome, path


def test_the_person_the_notes_name_is_asked_for_and_greeted(tmp_path):
    applied, touched = dt.date(2026, 11, 16), dt.date(2026, 11, 25)
    outcome, _ = _run(tmp_path, [
        ("Balmoral Events", "Events Coordinator", applied, touched, "", "0131 555 0101", "Applied",
         "chatted w/ Fiona from TA, she'll be in touch"),
        ("Caledonia Venues", "Events Manager", applied, touched, "", "0131 555 0102", "Applied",
         "Hamish the hiring mgr rang me, keen"),
        # a contact cell is kept: the notes' person is only for an empty one
        ("Forth Hotels", "Conference Lead", applied, touched, "Kirsty Gow", "0131 555 0103", "Applied",
         "Shona from HR emailed"),
        ("Tay Arena", "Venue Manager", applied, touched, "", "0131 555 0104", "Applied",
         "Met the hiring manager, went well"),
    ])
    plan, scripts, frame = outcome.plan, outcome.scripts, outcome.tracker.frame
    assert "Hi Fiona" in scripts[2] and plan.loc[2, "situation"] != "hiring_manager"
    assert "Hi Hamish" in scripts[3] and plan.loc[3, "situation"] == "hiring_manager"
    assert "Kirsty" in scripts[4] and "Shona" not in scripts[4]
    assert "Hi " not in scripts[5].split("\n")[0] and "Met" not in scripts[5]
    evidence = row_evidence(frame.loc[2].to_dict(), plan.loc[2].to_dict(), 2, outcome.tracker.columns, MONDAY, ME)
    said = [ev.label for ev in evidence if "Fiona" in ev.says]
    assert said == ["contact ← Comments, H2"]


# a person named with a form of address and no part, when the notes name no one else
@pytest.mark.parametrize("note, person", [
    ("Herr Lindqvist ist bis 14.12. auf Dienstreise", "Herr Lindqvist"),
    ("Mrs Adeyemi rang while I was out", "Mrs Adeyemi"),
    ("Sra. Olmedo de vacaciones hasta el lunes", "Sra. Olmedo"),
    ("採用の佐々木さんは来週まで不在", "佐々木さん"),
])
def test_a_person_named_with_a_form_of_address_is_the_employers(note, person):
    assert [name for name, _ in people_in(note, "Nordhafen Logistik")] == [person]


@pytest.mark.parametrize("note", ["Herr Weber und Frau Roth waren beide da",   # two people: none chosen
                                  "担当者様からの連絡待ち",                       # "the person in charge"
                                  "applied through the portal"])
def test_no_single_titled_person_names_no_one(note):
    assert people_in(note, "Nordhafen Logistik") == ()
