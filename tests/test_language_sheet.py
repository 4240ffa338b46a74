"""The Today sheet in the user's language, and its marks read back (rules §8): a German user
picks "Mailbox besprochen" and the tracker gets the voicemail counted once."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import openpyxl
import pytest
from conftest import type_marks, write_sheets

from followup_sheet import catalogue, columns
from followup_sheet.checkreport import check
from followup_sheet.markrules import read_outcome
from followup_sheet.pipeline import refresh
from followup_sheet.settings import Settings
from followup_sheet.status import Outcome
from followup_sheet.xlsx.todaysheet import INSTRUCTIONS

MONDAY = dt.date(2026, 11, 30)
ME = Settings(your_name="Lena Vogel", your_phone="0176 5550123")
HEADERS = ("Firma", "Stelle", "Bewerbungsdatum", "Letzter Kontakt", "Status", "Telefon", "Ansprechpartner")
ROWS = [("Kranich Logistik AG", "Disponentin", dt.date(2026, 11, 2), None, "Beworben", "030 5550100", "Frau Weiß"),
        ("Sonnenhof Hotels", "Rezeption", dt.date(2026, 11, 3), None, "Beworben", "030 5550101", "Tobias Kern")]
COMPLETE = ("de", "fr", "es", "it", "pt", "nl", "pl", "zh", "ja", "ko")


def _today(path):
    wb = openpyxl.load_workbook(path)
    return wb, wb["Today"]


def test_a_german_tracker_gets_a_german_today_sheet_and_reads_a_german_mark_back(tmp_path):
    path = write_sheets(tmp_path / "bewerbungen.xlsx", HEADERS, {"Bewerbungen": ROWS})
    refresh(path, today=MONDAY, settings=ME)
    wb, ws = _today(path)
    headers = [c.value for c in ws[2] if c.value]
    assert headers[:3] == ["Firma", "Stelle", "Ansprechperson"] and "Ergebnis" in headers
    assert any("Guten Tag" in str(c.value) for row in ws.iter_rows(min_row=3) for c in row)
    with zipfile.ZipFile(path) as z:
        sheet = next(z.read(n).decode() for n in z.namelist() if "Mailbox besprochen" in z.read(n).decode("utf-8",
                                                                                                            "ignore"))
    assert "Nicht erreicht" in sheet and "Left voicemail" not in sheet     # the drop-down is German

    type_marks(path, {"Kranich Logistik AG": {"Erledigt": "x", "Ergebnis": "Mailbox besprochen"}},
               company="Firma", added=())

    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 1 and not result.marks.problems
    rows = {r[0]: r for r in openpyxl.load_workbook(path)["Bewerbungen"].iter_rows(min_row=2, values_only=True)}
    head = [c.value for c in openpyxl.load_workbook(path)["Bewerbungen"][1]]
    kranich = dict(zip(head, rows["Kranich Logistik AG"]))
    assert kranich["Letzter Kontakt"].date() == MONDAY
    log = [r for r in openpyxl.load_workbook(path)["Follow-up Log"].iter_rows(min_row=3, values_only=True) if r[1]]
    assert [r[4] for r in log] == ["Left voicemail"]                       # counted once, as a voicemail
    again = refresh(path, today=MONDAY, settings=ME)
    assert again.marks.applied == 0


def test_a_slashed_date_typed_into_a_german_mark_reads_day_first(tmp_path):
    """A German tracker of real date cells proves no order; the day typed into the mark's Datum
    ("4/12/2026", call back then) is read as Germans write it, December 4, not April 12 (rules §3)."""
    path = write_sheets(tmp_path / "bewerbungen.xlsx", HEADERS, {"Bewerbungen": ROWS})
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Kranich Logistik AG": {"Erledigt": "x", "Ergebnis": "Später wieder anrufen",
                                              "Datum": "4/12/2026"}}, company="Firma", added=())
    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 1 and not result.marks.problems, result.marks.problems
    sheet = openpyxl.load_workbook(path)["Bewerbungen"]
    head = [c.value for c in sheet[1]]
    kranich = next(dict(zip(head, r)) for r in sheet.iter_rows(min_row=2, values_only=True)
                   if r[0] == "Kranich Logistik AG")
    assert kranich["Snooze until"].date() == dt.date(2026, 12, 4), kranich


def test_check_says_the_language_it_chose(tmp_path):
    path = write_sheets(tmp_path / "bewerbungen.xlsx", HEADERS, {"Bewerbungen": ROWS})
    report = check(path, today=MONDAY)
    said = [line for line in report.lines if line.startswith("Language:")]
    assert len(said) == 1 and "German (de)" in said[0] and "'Bewerbungsdatum'" in said[0]
    assert report.language.code == "de" and "Bewerbungsdatum" in report.language.reason
    assert "--language en" in said[0]


@pytest.mark.parametrize("code", catalogue.languages())
def test_every_catalogue_has_every_outcome_and_each_reads_back_as_that_outcome(code):
    shown = catalogue.catalogue(code)["outcomes"]
    assert set(shown) == set(columns.OUTCOMES)
    for english, text in shown.items():
        assert "," not in text                        # a comma would split the drop-down's list
        assert read_outcome(text) == (Outcome(english), "")
        assert read_outcome(f"  {text.upper()} ") == (Outcome(english), "")
    for english, words in catalogue.catalogue(code).get("outcome_words", {}).items():
        for word in words:
            assert read_outcome(word)[0] is Outcome(english), (code, word)


@pytest.mark.parametrize("code", COMPLETE)
def test_a_complete_catalogue_has_every_today_sheet_text(code):
    wanted = {c.header for c in columns.sheet_columns()} | {c.prompt for c in columns.sheet_columns() if c.prompt}
    wanted |= {INSTRUCTIONS, "Pick one of the choices in the list.", columns.MORE_LINE}
    book = catalogue.catalogue(code)["today"]
    assert wanted - set(book) == set(), f"{code} lacks {wanted - set(book)}"
    assert set(book) - wanted == set(), f"{code} has keys no sheet shows: {set(book) - wanted}"


@pytest.mark.parametrize("code", COMPLETE)
def test_the_waiting_line_is_said_in_the_language_with_its_number(code):
    one, many = columns.more_line(1, code), columns.more_line(7, code)
    assert "1" in one and "7" in many and "{n}" not in one + many
    assert one != columns.more_line(1) and many != columns.more_line(7)      # not the English line
    assert columns.more_line(0, code) == ""


def test_the_waiting_line_follows_the_languages_plural():
    assert columns.more_line(1, "de") == "und 1 weiterer Eintrag – er wartet auf den nächsten Werktag"
    assert columns.more_line(3, "de") == "und 3 weitere Einträge – sie warten auf den nächsten Werktag"
    assert columns.more_line(1, "fr").endswith("reporté au prochain jour ouvré")
    assert columns.more_line(2, "fr").endswith("reportés au prochain jour ouvré")


def test_a_german_today_sheet_says_why_and_what_waits_in_german(tmp_path):
    rows = [(f"Firma {chr(65 + i)}", "Buchhalter", dt.date(2026, 11, 2 + i), None, "Beworben", f"030 555{i:04d}", "")
            for i in range(5)]
    path = write_sheets(tmp_path / "bewerbungen.xlsx", HEADERS, {"Bewerbungen": rows})
    refresh(path, today=MONDAY, settings=Settings(your_name="Lena Vogel", calls_per_day=2))
    _, ws = _today(path)
    assert "Grund" in [c.value for c in ws[2]] and "Why" not in [c.value for c in ws[2]]
    last = [c.value for c in ws[ws.max_row] if c.value]
    assert last == ["und 3 weitere Einträge – sie warten auf den nächsten Werktag"]


def test_no_translated_outcome_means_two_outcomes():
    seen: dict[str, str] = {}
    for code in catalogue.languages():
        book = catalogue.catalogue(code)
        pairs = [(t, e) for e, t in book["outcomes"].items()]
        pairs += [(w, e) for e, ws in book.get("outcome_words", {}).items() for w in ws]
        for text, english in pairs:
            key = re.sub(r"\W+", " ", text.casefold()).strip()
            assert seen.setdefault(key, english) == english, f"{text!r} ({code}) is {english} and {seen[key]}"


@pytest.mark.parametrize("code", [c for c in catalogue.sample_languages() if c != "en"])
def test_the_sample_has_every_text_in_each_of_its_languages(code):
    from followup_sheet import sample

    book = catalogue.sample_catalogue(code)
    texts = {v for row in sample.ROWS for v in (row.position, row.response, row.contact, row.source, row.notes,
                                                  row.stage) if v} | set(sample.STAGES) | {"Yes"}
    assert texts - set(book["cells"]) == set()
    assert set(sample.HEADERS) - set(book["headers"]) == set()


def test_demo_in_french_makes_a_french_tracker_and_french_scripts(tmp_path, cli):
    out = cli("demo", str(tmp_path), "--language", "fr", "--today", "2026-11-26")
    assert out.returncode == 0, out.stderr
    path = tmp_path / "demo_tracker.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:1] == ["Candidatures"] and wb["Candidatures"]["A1"].value == "Entreprise"
    assert [c.value for c in wb["Today"][2]][:3] == ["Entreprise", "Poste", "Demander"]
    scripts = [c.value for row in wb["Today"].iter_rows(min_row=3) for c in row if isinstance(c.value, str)
               and "\n" in c.value]
    assert scripts and all(s.startswith(("Bonjour", "Objet")) for s in scripts)
    assert "Pourrais-je parler à Madame Raman" in out.stdout + "".join(scripts)
    lines = check(path, today=MONDAY).lines
    assert any(line.startswith("Language: French (fr)") for line in lines)


@pytest.mark.parametrize("code", [c for c in catalogue.sample_languages() if c != "en"])
def test_the_sample_in_a_language_is_read_as_that_language(tmp_path, code):
    from followup_sheet.language import LANGUAGES
    from followup_sheet.sample import build_sample

    path = build_sample(tmp_path / f"sample-{code}.xlsx", MONDAY, code)
    said = [line for line in check(path, today=MONDAY).lines if line.startswith("Language:")]
    assert said and said[0].startswith(f"Language: {LANGUAGES[code]} ({code}), because"), said


PL_HEADERS = ("Firma", "Stanowisko", "Data wysłania CV", "Ostatni kontakt", "Etap rekrutacji", "Telefon",
              "Osoba kontaktowa")
PL_ROWS = [("Hurtownia Bałtyk S.A.", "Specjalistka ds. zakupów", dt.date(2026, 11, 2), None, "Wysłano", "22 555 01 00",
            "Pani Beata Sikorska"),
           ("Drukarnia Orzeł", "Grafik", dt.date(2026, 11, 3), None, "Wysłane", "22 555 01 01", "Jan Kmieć"),
           ("Piekarnia Kłos", "Kierowca", dt.date(2026, 11, 3), None, "Odrzucona", "22 555 01 02", "")]


def test_a_polish_tracker_gets_polish_scripts_and_today_sheet_and_reads_a_polish_mark_back(tmp_path):
    path = write_sheets(tmp_path / "aplikacje.xlsx", PL_HEADERS, {"Aplikacje": PL_ROWS})
    assert check(path, today=MONDAY).language.code == "pl"
    refresh(path, today=MONDAY, settings=ME)
    wb, ws = _today(path)
    headers = [c.value for c in ws[2] if c.value]
    assert headers[:3] == ["Firma", "Stanowisko", "Z kim rozmawiać"] and "Wynik" in headers
    col = {c.value: c.column for c in ws[2] if c.value}
    companies = [ws.cell(r, col["Firma"]).value for r in range(3, ws.max_row + 1)]
    assert "Piekarnia Kłos" not in companies                           # "Odrzucona" closed it
    scripts = [c.value for row in ws.iter_rows(min_row=3) for c in row if isinstance(c.value, str) and "\n" in c.value]
    assert scripts and all(s.startswith("Dzień dobry") for s in scripts)
    assert any("Czy mogę rozmawiać z panią Sikorską?" in s for s in scripts)
    assert any("wysłanej 2 listopada" in s for s in scripts)           # the date as Poles say it
    type_marks(path, {"Hurtownia Bałtyk S.A.": {"Zrobione": "x", "Wynik": "Nagrana wiadomość głosowa"}},
               company="Firma", added=())

    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 1 and not result.marks.problems
    log = [r for r in openpyxl.load_workbook(path)["Follow-up Log"].iter_rows(min_row=3, values_only=True) if r[1]]
    assert [r[4] for r in log] == ["Left voicemail"]                       # counted once, as a voicemail


def test_demo_in_polish_makes_a_polish_tracker_and_polish_scripts(tmp_path, cli):
    out = cli("demo", str(tmp_path), "--language", "pl", "--today", "2026-11-26")
    assert out.returncode == 0, out.stderr
    wb = openpyxl.load_workbook(tmp_path / "demo_tracker.xlsx")
    assert wb.sheetnames[:1] == ["Aplikacje"] and wb["Aplikacje"]["A1"].value == "Firma"
    assert [c.value for c in wb["Today"][2]][:3] == ["Firma", "Stanowisko", "Z kim rozmawiać"]
    scripts = [c.value for row in wb["Today"].iter_rows(min_row=3) for c in row if isinstance(c.value, str)
               and "\n" in c.value]
    assert scripts and all(s.startswith(("Dzień dobry", "Temat")) for s in scripts)
    assert any("Czy mogę rozmawiać z panią Raman?" in s for s in scripts)     # "Pani Priya Raman" in the cell
    assert any(s.startswith("Temat") for s in scripts)                         # e-mail first where there is an address
    lines = check(tmp_path / "demo_tracker.xlsx", today=MONDAY).lines
    assert any(line.startswith("Language: Polish (pl)") for line in lines)


def test_the_follow_up_log_and_a_mark_not_applied_speak_the_trackers_language(tmp_path, cli):
    """A German run writes the Follow-up Log's notes in German ("letzter Kontakt: (leer) -> …")
    and says why a mark waits in German; the next refresh still reads those notes back (the cell
    a mark wrote is sourced as the mark)."""
    from test_language_outputs import english_left

    from followup_sheet.catalogue import in_language

    path = write_sheets(tmp_path / "bewerbungen.xlsx", HEADERS, {"Bewerbungen": ROWS})
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Kranich Logistik AG": {"Erledigt": "x", "Ergebnis": "Mailbox besprochen"},
                      "Sonnenhof Hotels": {"Erledigt": "x", "Ergebnis": "Später wieder anrufen"}},   # no Datum
               company="Firma", added=())
    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 1 and len(result.marks.problems) == 1
    said = in_language(result.marks.problems[0], "de")
    assert "Sonnenhof Hotels" in said and "„Datum“" in said and "bleibt" in said, said
    assert english_left(said.replace("'Today'", ""), "de") == [], said        # (the sheet's name stays)
    assert "kept for" not in said and "needs the date" not in said, said
    log = [r for r in openpyxl.load_workbook(path)["Follow-up Log"].iter_rows(min_row=3, values_only=True) if r[1]]
    notes = [r[5] for r in log]
    assert len(notes) == 1 and "letzter Kontakt: (leer) -> 2026-11-30" in notes[0], notes
    assert "last contact" not in notes[0] and "follow-ups" not in notes[0] and "(empty)" not in notes[0], notes
    again = refresh(path, today=MONDAY + dt.timedelta(days=1), settings=ME)
    assert (2, "last_contact") in again.marks.marked.get("Bewerbungen", {}), again.marks.marked


def test_refresh_says_a_mark_not_applied_in_the_trackers_language(tmp_path, cli):
    path = write_sheets(tmp_path / "bewerbungen.xlsx", HEADERS, {"Bewerbungen": ROWS})
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Sonnenhof Hotels": {"Erledigt": "x", "Ergebnis": "vielleicht Mailbox, nicht sicher"}},
               company="Firma", added=())
    done = cli("refresh", path, "--today", MONDAY.isoformat())
    line = next(x for x in done.stdout.splitlines() if x.startswith("Eintrag nicht übernommen:"))
    assert "Sonnenhof Hotels" in line and "nicht eindeutig" in line and "wählen Sie" in line, line
    assert "cannot be read" not in line and "kept for" not in line and "row" not in line, line
