"""Layouts by new strangers (round ten): a date column under a header that says an event
happened, a 'Latest' column of date-times, and the shapes of tracker read since."""

import datetime as dt

import pandas as pd
import pytest
from openpyxl import Workbook

from followup_sheet.headers import find_header, past_form
from followup_sheet.read import read_tracker
from followup_sheet.settings import Settings

D = dt.datetime


def _fields(header, rows):
    match = find_header([header, *rows], Settings())
    assert match is not None
    return {f: header[c] for f, c in match.fields.items()}


# a second date column under a participle, beside the application's own day
@pytest.mark.parametrize("header", [
    ["Arbeitgeber", "Stelle", "Beworben am", "Nachgehakt", "Stand"],
    ["Pracodawca", "Stanowisko", "Data aplikacji", "Oddzwonili", "Status"],
    ["Azienda", "Ruolo", "Data candidatura", "Ricontattata", "Stato"],
    ["Empresa", "Puesto", "Fecha solicitud", "Contestaron", "Estado"],
    ["会社", "職種", "応募日", "返信済み", "状況"],
    ["Company", "Role", "Date Applied", "Nudged", "Status"],
    ["Bedrijf", "Functie", "Sollicitatiedatum", "Nagebeld", "Status"],
])
def test_a_participle_over_later_days_is_the_last_contact(header):
    rows = [["Kern AG", "Analyst", D(2026, 10, 1), D(2026, 10, 19), "offen"],
            ["Lumo", "Tester", D(2026, 10, 7), None, ""],
            ["Brava", "Dev", D(2026, 10, 12), D(2026, 11, 2, 16, 40), ""]]
    fields = _fields(header, rows)
    assert fields["applied_on"] == header[2]
    assert fields["last_contact"] == header[3]


# participles alone, the only date columns: the earlier is the application, the later the contact
def test_two_participles_the_earlier_applied_the_later_contact():
    header = ["Firma", "Stelle", "Verschickt", "Beantwortet", "Notizen"]
    rows = [["Kern AG", "Analyst", D(2026, 10, 1), D(2026, 10, 19), "noch nix"],
            ["Lumo", "Tester", D(2026, 10, 7), D(2026, 10, 21), ""]]
    fields = _fields(header, rows)
    assert (fields["applied_on"], fields["last_contact"]) == ("Verschickt", "Beantwortet")


def test_a_follow_up_header_in_a_past_form_over_days_is_when_it_was_done(tmp_path):
    # ('Relancée' is near the count's 'Relances'; its days say when, its tense that it happened)
    wb = Workbook()
    ws = wb.active
    ws.append(["Entreprise", "Poste", "Date de candidature", "Relancée", "Statut"])
    ws.append(["Kern", "Analyste", D(2026, 10, 1), D(2026, 10, 19), "en attente"])
    ws.append(["Lumo", "Testeur", D(2026, 10, 7), D(2026, 10, 26), ""])
    wb.save(tmp_path / "suivi.xlsx")
    frame = read_tracker(tmp_path / "suivi.xlsx").frame
    assert list(frame["last_contact"].dt.day) == [19, 26]
    assert frame["pinned"].isna().all()


@pytest.mark.parametrize("latest", ["Latest", "Zuletzt", "Ostatnio", "Laatst"])
def test_a_latest_column_of_date_times_is_the_last_contact(latest):
    header = ["Company", "Role", "Applied", latest, "Notes"]
    rows = [["Kern", "Analyst", D(2026, 10, 1), D(2026, 10, 19, 9, 12), "rang them"],
            ["Lumo", "Tester", D(2026, 10, 7), D(2026, 10, 30, 17, 3), ""]]
    assert _fields(header, rows)["last_contact"] == latest


# what the values or the header's tense say is no contact made
@pytest.mark.parametrize("header, rows", [
    # a day planned, not happened
    (["Company", "Role", "Date Applied", "Call scheduled", "Status"],
     [["Kern", "Analyst", D(2026, 10, 1), D(2026, 12, 19), ""], ["Lumo", "QA", D(2026, 10, 7), D(2026, 12, 21), ""]]),
    # days before the application: a posting's, not a contact's
    (["Company", "Role", "Date Applied", "Listed", "Status"],
     [["Kern", "Analyst", D(2026, 10, 1), D(2026, 9, 19), ""], ["Lumo", "QA", D(2026, 10, 7), D(2026, 9, 21), ""]]),
    # a start date wished for names no event
    (["Company", "Role", "Date Applied", "Start", "Status"],
     [["Kern", "Analyst", D(2026, 10, 1), D(2027, 1, 4), ""], ["Lumo", "QA", D(2026, 10, 7), D(2027, 2, 1), ""]]),
    # a participle over words, not days
    (["Company", "Role", "Date Applied", "Referred", "Status"],
     [["Kern", "Analyst", D(2026, 10, 1), "Tom", ""], ["Lumo", "QA", D(2026, 10, 7), "Ana", ""]]),
])
def test_no_last_contact_from_a_plan_an_earlier_day_or_words(header, rows):
    assert "last_contact" not in _fields(header, rows)


@pytest.mark.parametrize("text, past", [
    ("Chased", True), ("Nachgefasst", True), ("Aktualisiert", True), ("Relancé", True), ("Contestaron", True),
    ("Sollecitata", True), ("Wysłano", True), ("連絡済み", True), ("已联系", True),
    ("Follow-up scheduled", False), ("Geplant", False), ("Next step", False), ("Company", False),
    ("Notes", False), ("Stelle", False),
])
def test_past_form_reads_the_headers_tense(text, past):
    assert past_form(text) is past


def _saved(path, rows, title="Sheet"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_header_repeated_at_the_top_of_each_printed_page_is_no_application(tmp_path):
    head = ["Bedrijf", "Functie", "Datum sollicitatie", "Status", "Opmerkingen"]
    path = _saved(tmp_path / "lijst.xlsx", [
        head,
        ["Stork", "Monteur", "02-11-2026", "gesolliciteerd", "nog niks"],
        ["Vanderlande", "Planner", "09-11-2026", "gesprek", "gesprek op 10-12"],
        ["pagina 1"],
        head,
        ["Damen", "Lasser", "16-11-2026", "afgewezen", ""],
    ])
    t = read_tracker(path)
    assert list(t.frame["company"]) == ["Stork", "Vanderlande", "Damen"]
    assert (t.frame["problem"] == "").all()          # its 'Datum sollicitatie' is no date to fix
    assert any("Row 5 repeats the header" in n for n in t.notes)


def test_a_tracker_on_its_side_is_refused_naming_the_cells_and_the_fix(tmp_path):
    from followup_sheet.errors import FollowupError
    from followup_sheet.pipeline import refresh
    path = _saved(tmp_path / "sideways.xlsx", [
        ["Firma", "Kern AG", "Lumo GmbH", "Brava"],
        ["Stelle", "Analyst", "Tester", "Entwickler"],
        ["Beworben am", D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 16)],
        ["Status", "offen", "Absage", "Gespräch"],
    ], title="Übersicht")
    before = path.read_bytes()
    with pytest.raises(FollowupError) as err:
        refresh(path, today=dt.date(2026, 12, 7), settings=Settings())
    said = str(err.value)
    assert "sideways.xlsx" in said and "'Übersicht'" in said and "A1 'Firma'" in said and "A3 'Beworben am'" in said
    assert "Transpose" in said
    assert path.read_bytes() == before


@pytest.fixture(scope="module")
def contact_log(tmp_path_factory):
    """A log of contacts, one row per event, in Spanish: two applications over several rows."""
    path = _saved(tmp_path_factory.mktemp("log") / "registro.xlsx", [
        ["Fecha", "Empresa", "Puesto", "Contacto", "Qué pasó"],
        [D(2026, 11, 3), "Softtek", "QA", "", "mandé cv por la web"],
        [D(2026, 11, 5), "Globant", "Dev Jr", "", "postulé en linkedin, sin respuesta"],
        [D(2026, 11, 10), "Softtek", "QA", "Marta (RRHH)", "primera entrevista con Marta, bien"],
        [D(2026, 11, 17), "Kio", "Soporte", "", "envié solicitud y llegó correo automático"],
        [D(2026, 11, 24), "Globant", "Dev Jr", "", "me escribieron que eligieron otro candidato"],
        [D(2026, 12, 1), "Softtek", "QA", "Raúl Vega", "segunda entrevista con Raúl el jefe del área, muy bien"],
    ], title="Registro")
    return read_tracker(path)


def test_a_log_of_contacts_is_one_application_per_company_on_its_newest_row(contact_log):
    frame = contact_log.frame
    assert list(frame.index) == [5, 6, 7]
    softtek = frame.loc[7]
    assert (softtek["company"], softtek["contact"]) == ("Softtek", "Raúl Vega")
    assert softtek["applied_on"].date() == dt.date(2026, 11, 3)
    assert softtek["last_contact"].date() == dt.date(2026, 12, 1)
    assert softtek["notes"].index("mandé cv") < softtek["notes"].index("primera") < softtek["notes"].index("segunda")
    assert frame.loc[6, "applied_on"].date() == dt.date(2026, 11, 5)
    assert "eligieron otro" in frame.loc[6, "response"]
    assert pd.isna(frame.loc[5, "last_contact"])
    assert any("One row per contact event" in n and "row 7" in n for n in contact_log.notes)


def test_a_company_twice_on_the_same_day_or_once_each_is_no_log(tmp_path):
    path = _saved(tmp_path / "two.xlsx", [
        ["Date Applied", "Company", "Role", "Notes"],
        [D(2026, 11, 3), "Hartwell", "Clerk", "applied via site"],
        [D(2026, 11, 3), "Hartwell", "Porter", "applied via site too"],
        [D(2026, 11, 5), "Tennant", "Clerk", "sent cv to the store"],
        [D(2026, 11, 6), "Ashby", "Clerk", "sent cv to the store"],
    ])
    assert list(read_tracker(path).frame.index) == [2, 3, 4, 5]


def test_a_note_on_a_cell_of_the_row_is_read_with_the_rows_notes(tmp_path):
    from openpyxl.comments import Comment
    wb = Workbook()
    ws = wb.active
    ws.append(["Société", "Poste", "Date de candidature", "Statut", "Remarques"])
    ws.append(["Vinci", "Conducteur de travaux", D(2026, 11, 20), "envoyée", ""])
    ws.append(["Alstom", "Technicien", D(2026, 11, 23), "envoyée", "rien pour l'instant"])
    ws.append(["Thales", "Testeur", D(2026, 11, 24), "envoyée", ""])
    ws["A1"].comment = Comment("colonne à trier", "Zoé")
    ws["A2"].comment = Comment("Zoé:\nrappelée par la RH le 2/12, entretien le 10/12", "Zoé")
    ws["C3"].comment = Comment("relancé par mail le 1/12", "Zoé")
    wb.save(tmp_path / "suivi.xlsx")
    t = read_tracker(tmp_path / "suivi.xlsx")
    notes = t.frame["notes"]
    assert notes[2] == "rappelée par la RH le 2/12, entretien le 10/12"       # without the author's name
    assert notes[3] == "rien pour l'instant. relancé par mail le 1/12"
    assert notes[4] == ""
    assert "colonne" not in " ".join(notes)                                     # the header's note is no row's
    assert any("A2, C3" in n for n in t.notes)


@pytest.mark.parametrize("next_header", ["Next", "Nächste", "Prochaine"])
def test_a_header_saying_only_next_over_days_is_the_day_planned(next_header):
    header = ["Firm", "Sent", next_header, "Notes"]
    rows = [["Kern", D(2026, 11, 2), D(2026, 12, 10), "2nd round to book"],
            ["Lumo", D(2026, 11, 9), None, ""], ["Brava", D(2026, 11, 12), D(2026, 12, 14), ""]]
    assert _fields(header, rows)["pinned"] == next_header


def test_a_header_saying_only_posting_is_the_job_over_words_not_over_links():
    rows = [["Kern", "Data Analyst", D(2026, 11, 2), "Applied"], ["Lumo", "Scheduler", D(2026, 11, 9), "Applied"]]
    assert _fields(["Org", "Posting", "Sent", "Status"], rows)["position"] == "Posting"
    links = [["Kern", "https://kern.example/jobs/1", D(2026, 11, 2), "Applied"],
             ["Lumo", "www.lumo.example/careers/7", D(2026, 11, 9), "Applied"]]
    assert "position" not in _fields(["Org", "Posting", "Sent", "Status"], links)


def test_a_link_formula_never_calculated_reads_as_the_name_it_shows(tmp_path):
    # (a workbook written by a script: the formulas have no saved result, so their cells read empty)
    path = _saved(tmp_path / "links.xlsx", [
        ["Company", "Role", "Date Applied", "Notes"],
        ['=HYPERLINK("https://jobs.example/ferro?id=1&src=li","Ferro & Söhne")', "Welder", D(2026, 11, 2), "x"],
        ["Quill", '=HYPERLINK(C9,"Night ""Porter""")', D(2026, 11, 3), ""],
        ["Rook", "Clerk", D(2026, 11, 4), ""],
    ])
    t = read_tracker(path)
    assert list(t.frame["company"]) == ["Ferro & Söhne", "Quill", "Rook"]
    assert list(t.frame["position"]) == ["Welder", 'Night "Porter"', "Clerk"]
    assert any("A2 'Ferro & Söhne'" in n for n in t.notes)
