"""Read stage, plain layout: headers in row 1 spelled every which way, dates as cells and as text,
problems named by row and cell, and the errors for files that are not trackers."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import DATE_COLUMNS, FRAME_COLUMNS, TEXT_COLUMNS, write_tracker

from followup_sheet.errors import FollowupError, MissingColumns, NotAWorkbook
from followup_sheet.read import read_tracker

HEADERS = [" COMPANY NAME ", "Job Title", "date_applied", "Application-Status", "LAST_CONTACT", "Notes"]


@pytest.fixture
def plain(tmp_path):
    rows = [
        {" COMPANY NAME ": "Acme", "Job Title": "Planner", "date_applied": dt.datetime(2026, 11, 3),
         "Application-Status": "Applied", "LAST_CONTACT": dt.datetime(2026, 11, 10)},
        {" COMPANY NAME ": "Beta", "Job Title": "Analyst", "date_applied": "2026-11-05",
         "Application-Status": "Interview", "LAST_CONTACT": dt.datetime(2026, 11, 12, 14, 30)},
        {" COMPANY NAME ": "Gamma", "Job Title": "Designer", "date_applied": "Nov 6, 2026",
         "LAST_CONTACT": "2026-11-13"},
        {" COMPANY NAME ": "Delta", "Job Title": "Engineer", "date_applied": "9 November 2026",
         "LAST_CONTACT": dt.datetime(2026, 11, 16)},
        {" COMPANY NAME ": "Epsilon", "Job Title": "Writer", "date_applied": "next week",
         "Notes": "typed a plan, not a date"},
        {" COMPANY NAME ": "Zeta", "Job Title": "Tester", "date_applied": dt.datetime(2026, 11, 2),
         "LAST_CONTACT": "soon-ish"},
    ]
    return write_tracker(tmp_path / "plain.xlsx", rows, headers=HEADERS)


def test_header_spellings_map_to_fields(plain):
    t = read_tracker(plain)
    assert t.sheet == "Applications"
    assert t.header_row == 1
    found = {field: (col.letter, col.header) for field, col in t.columns.items()}
    assert found["company"] == ("A", "COMPANY NAME")
    assert found["position"] == ("B", "Job Title")
    assert found["applied_on"] == ("C", "date_applied")
    assert found["stage"] == ("D", "Application-Status")
    assert found["last_contact"] == ("E", "LAST_CONTACT")
    assert found["notes"] == ("F", "Notes")


def test_frame_has_the_canonical_shape(plain):
    """The plan tests build frames of this shape by hand; it must match a real read."""
    frame = read_tracker(plain).frame
    assert set(frame.columns) == set(FRAME_COLUMNS)
    for name in DATE_COLUMNS:
        assert frame[name].dtype == "datetime64[ns]", name
    for name in TEXT_COLUMNS:
        assert frame[name].map(type).eq(str).all(), name
    assert frame["follow_ups"].dtype == float
    assert frame["no_calls"].dtype == bool
    assert list(frame.index) == [2, 3, 4, 5, 6, 7]     # sheet row numbers


def test_text_and_values(plain):
    frame = read_tracker(plain).frame
    assert list(frame["company"]) == ["Acme", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"]
    assert frame.at[2, "position"] == "Planner"
    assert frame.at[3, "stage"] == "Interview"
    assert frame.at[4, "stage"] == ""
    assert frame.at[6, "notes"] == "typed a plan, not a date"


@pytest.mark.parametrize("row,expected", [
    (2, "2026-11-03"),      # a real date cell
    (3, "2026-11-05"),      # ISO text
    (4, "2026-11-06"),      # 'Nov 6, 2026'
    (5, "2026-11-09"),      # '9 November 2026'
    (7, "2026-11-02"),
])
def test_applied_dates_from_cells_and_text(plain, row, expected):
    frame = read_tracker(plain).frame
    assert frame.at[row, "applied_on"] == pd.Timestamp(expected)


def test_last_contact_dates(plain):
    frame = read_tracker(plain).frame
    assert frame.at[2, "last_contact"] == pd.Timestamp("2026-11-10")
    assert pd.Timestamp(frame.at[3, "last_contact"]).normalize() == pd.Timestamp("2026-11-12")
    assert frame.at[4, "last_contact"] == pd.Timestamp("2026-11-13")
    assert pd.isna(frame.at[6, "last_contact"])


def test_unreadable_dates_are_problems_named_by_row_and_cell(plain):
    t = read_tracker(plain)
    frame = t.frame
    assert pd.isna(frame.at[6, "applied_on"])
    problem = frame.at[6, "problem"]
    assert problem.startswith("Row 6:"), problem
    assert "C6" in problem and "date_applied" in problem and "next week" in problem
    other = frame.at[7, "problem"]
    assert other.startswith("Row 7:"), other
    assert "E7" in other and "soon-ish" in other
    assert set(t.problems.index) == {6, 7}
    assert all(frame.loc[[2, 3, 4, 5], "problem"] == "")


def test_problem_rows_still_count_as_applications(plain):
    """A row with a company and an unreadable date is an application (it gets Check data)."""
    assert 6 in read_tracker(plain).frame.index


def test_company_alone_is_not_an_application(tmp_path):
    """Rules §1: a company needs a date, a stage or a contact to count."""
    rows = [
        {"Company": "Acme", "Date Applied": dt.datetime(2026, 11, 3), "Status": "Applied"},
        {"Company": "Company only"},
        {"Company": "Beta", "Date Applied": dt.datetime(2026, 11, 4)},
    ]
    frame = read_tracker(write_tracker(tmp_path / "t.xlsx", rows)).frame
    assert list(frame["company"]) == ["Acme", "Beta"]


def test_totals_row_below_the_table_is_not_an_application(tmp_path):
    """Rules §1: totals below the table are not applications (here a count under Status)."""
    rows = [
        {"Company": "Acme", "Date Applied": dt.datetime(2026, 11, 3), "Status": "Applied"},
        {"Company": "Beta", "Date Applied": dt.datetime(2026, 11, 4), "Status": "Applied"},
        {},
        {"Company": "Total", "Status": 2},
    ]
    frame = read_tracker(write_tracker(tmp_path / "t.xlsx", rows)).frame
    assert list(frame["company"]) == ["Acme", "Beta"]


def test_missing_company_column(tmp_path):
    rows = [{"Date Applied": dt.datetime(2026, 11, 3), "Status": "Applied", "Contact": "Dana"}]
    path = write_tracker(tmp_path / "nocompany.xlsx", rows)
    with pytest.raises(FollowupError) as err:
        read_tracker(path)
    assert "Company" in str(err.value)
    assert "nocompany.xlsx" in str(err.value)
    assert isinstance(err.value, MissingColumns), f"{type(err.value).__name__}: {err.value}"


def test_missing_date_column(tmp_path):
    rows = [{"Company": "Acme", "Position": "Planner", "Status": "Applied"}]
    path = write_tracker(tmp_path / "nodate.xlsx", rows)
    with pytest.raises(MissingColumns) as err:
        read_tracker(path)
    assert "Date Applied" in str(err.value)
    assert "nodate.xlsx" in str(err.value)
    assert isinstance(err.value, KeyError)


@pytest.mark.parametrize("content", [b"Company,Date Applied\nAcme,2026-11-03\n", b""],
                         ids=["csv-renamed", "empty"])
def test_not_a_workbook(tmp_path, content):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(content)
    with pytest.raises(NotAWorkbook) as err:
        read_tracker(path)
    assert "tracker.xlsx" in str(err.value)
    assert path.read_bytes() == content


def test_a_preloaded_workbook_is_read_once_and_the_same(plain, monkeypatch):
    """The command line starts reading the workbook on a worker thread while pandas loads
    (values.preload); the read stage then takes that, and gets what it would have read itself."""
    from followup_sheet.xlsx import values
    alone = read_tracker(plain)
    opened = []
    real_open = values.open_package
    monkeypatch.setattr(values, "open_package", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k))
    values.preload(plain)
    ahead = read_tracker(plain)
    assert opened == [plain]            # opened once, on the worker thread
    assert values._pending is None       # taken: the next read opens the file afresh
    pd.testing.assert_frame_equal(ahead.frame, alone.frame)
    assert ahead.package.digest == alone.package.digest
    read_tracker(plain)
    assert opened == [plain, plain]


def test_a_preload_of_another_file_is_not_used(plain, tmp_path):
    from followup_sheet.xlsx import values
    other = write_tracker(tmp_path / "other.xlsx", [{"Company": "Omega", "Date Applied": dt.datetime(2026, 11, 2)}])
    values.preload(other)
    assert list(read_tracker(plain).frame["company"]) == ["Acme", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"]
    assert values._pending is None


@pytest.mark.parametrize("content", [b"", b"Company,Date\nAcme,2026-11-02\n", b"PK\x03\x04broken"],
                         ids=["empty", "csv", "broken-zip"])
def test_a_preloaded_bad_file_fails_as_it_would_without(tmp_path, content):
    from followup_sheet.xlsx import values
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(content)
    with pytest.raises(FollowupError) as direct:
        read_tracker(bad)
    values.preload(bad)
    with pytest.raises(FollowupError) as ahead:
        read_tracker(bad)
    assert type(ahead.value) is type(direct.value) and str(ahead.value) == str(direct.value)
    assert str(bad) in str(ahead.value)
    assert bad.read_bytes() == content


def test_a_big_or_missing_file_is_not_preloaded(plain, tmp_path, monkeypatch):
    """Preloading saves a fixed moment but its memory is not shared with the main thread's: a big
    workbook (over PRELOAD_LIMIT bytes) is read by the caller instead, as is a missing one."""
    from followup_sheet.xlsx import values
    values.preload(plain)
    assert values._pending is not None
    values.open_values(plain)
    monkeypatch.setattr(values, "PRELOAD_LIMIT", plain.stat().st_size - 1)
    values.preload(plain)
    assert values._pending is None
    assert list(read_tracker(plain).frame["company"])[:2] == ["Acme", "Beta"]
    values.preload(tmp_path / "missing.xlsx")
    assert values._pending is None
    with pytest.raises(NotAWorkbook, match="no such file"):
        read_tracker(tmp_path / "missing.xlsx")


def test_a_preload_of_a_file_changed_since_is_not_used(plain, tmp_path):
    """A preload nobody took at once (a command that failed first, a library caller) must never
    hand out an older copy of the file: it is used only while size, time and inode still match."""
    import os

    from followup_sheet.xlsx import values
    values.preload(plain)
    newer = write_tracker(tmp_path / "newer.xlsx", [{"Company": "Omega", "Date Applied": dt.datetime(2026, 11, 2)}])
    os.replace(newer, plain)
    assert list(read_tracker(plain).frame["company"]) == ["Omega"]


def test_a_failed_command_leaves_no_preload_behind(plain, tmp_path):
    from followup_sheet import cli
    from followup_sheet.xlsx import values
    assert cli.main(["check", str(plain), "--config", str(tmp_path / "missing.toml")]) == 1
    assert values._pending is None


# --- headers, dates and rows in the trackers' own words -------------------------------------

@pytest.mark.parametrize("header, field", [
    ("Apply Date", "applied_on"), ("Date Received", "applied_on"), ("Einreichdatum", "applied_on"),
    ("Firma", "company"), ("Jobtitel", "position"), ("Azienda", "company"), ("Posizione", "position"),
    ("Piattaforma", "source"), ("Esito", "stage"), ("Stato", "stage"), ("Note", "notes"),
    ("Contatto", "contact"), ("Referente", "contact"), ("Telefono", "contact_phone"),
    ("Data candidatura", "applied_on"), ("Ruolo", "position"),
    ("Empresa", "company"), ("Vaga", "position"), ("Data Submissão", "applied_on"), ("Data Submissao", "applied_on"),
    ("Data Resposta", "last_contact"), ("Etapa", "stage"), ("Cargo", "position"), ("Situação", "stage"),
    ("Observações", "notes"), ("Contato", "contact"), ("Telefone", "contact_phone"),
    ("intitulé mission", "position"), ("Intitule mission", "position"), ("Organization", "company"),
    ("Company Name (website)", "company"), ("Nachfassen am", "pinned"), ("Wiedervorlage", "pinned"),
    ("Nicht anrufen", "no_calls"), ("Empfohlen von", "referrer"), ("Quelle", "source"),
    ("Recruiter Phone Number", "contact_phone"), ("Current Application Status", "stage"),
    ("Comments / Notes", "notes"), ("Status (drop-down)", "stage"),
    ("Telefono del Contatto", "contact_phone"), ("Email do Recrutador", "contact_email"),
    ("Data di invio candidatura", "applied_on"), ("Status of Application", "stage"),
])
def test_header_in_own_words(header, field):
    from followup_sheet.headers import header_fields
    from followup_sheet.settings import Settings
    assert header_fields([header], Settings()) == {field: 0}


@pytest.mark.parametrize("header", ["Email Subject", "Company Website", "Job Link",
                                    "Salary Range", "Days since applied", "Tipo de Vaga", "Link to Job"])
def test_header_that_only_mentions_a_field_is_not_it(header):
    from followup_sheet.headers import header_fields
    from followup_sheet.settings import Settings
    assert header_fields([header], Settings()) == {}


def test_one_column_never_two_fields_and_exact_beats_contained():
    from followup_sheet.headers import header_fields
    from followup_sheet.settings import Settings
    found = header_fields(["Company Name Website", "Company", "Role"], Settings())
    assert found == {"company": 1, "position": 2}
    assert len(set(found.values())) == len(found)


def test_generic_date_header_still_needs_dates(tmp_path):
    rows = [{"Company": "Acme", "Position": "Planner", "Date": "soon", "Status": "Applied"},
            {"Company": "Beta", "Position": "Analyst", "Date": "whenever", "Status": "Applied"},
            {"Company": "Gamma", "Position": "Tester", "Date": dt.datetime(2026, 11, 2), "Status": "Applied"}]
    with pytest.raises(MissingColumns):
        read_tracker(write_tracker(tmp_path / "generic.xlsx", rows))


@pytest.mark.parametrize("cells, expected", [
    (["03.11.2026", "10.11.2026", "05.11.2026"], ["2026-11-03", "2026-11-10", "2026-11-05"]),
    (["03.11.2026", "3/4/2026"], ["2026-11-03", "2026-04-03"]),      # slashes follow the dotted dates
    (["03.11.2026", "11/25/2026"], ["2026-11-03", "2026-11-25"]),    # each separator its own evidence
    (["3/4/2026", "11/25/2026"], ["2026-03-04", "2026-11-25"]),
])
def test_dotted_dates_are_day_first(cells, expected):
    from followup_sheet.dates import parse_dates
    from followup_sheet.settings import Settings
    parsed, problems, ratio, why = parse_dates(pd.Series(cells, index=range(2, 2 + len(cells)), dtype=object),
                                               False, Settings(), header="Datum", column=3)
    assert [str(x.date()) for x in parsed] == expected
    assert ratio == 1.0 and not problems.any()
    assert why


@pytest.mark.parametrize("text", ["Not yet applied", "pending (recruiter call)", "noch nicht", "in attesa"])
def test_no_date_phrases_inside_a_cell_are_no_date(text):
    from followup_sheet.dates import parse_dates
    from followup_sheet.settings import Settings
    parsed, problems, _, _ = parse_dates(pd.Series([text], index=[2], dtype=object), False, Settings())
    assert pd.isna(parsed[2]) and problems[2] == ""


@pytest.mark.parametrize("text", ["N/A", "-", "TBD", "Not Mentioned", "Unknown", "none", "Unable to Determine",
                                  "Not specified", "(unknown)", "N/A.", "  not   mentioned ", "Keine Angabe",
                                  "Não informado", "未知"])
def test_placeholders_are_empty(text):
    from followup_sheet.read import tidy_text
    from followup_sheet.settings import Settings
    assert list(tidy_text(pd.Series([text, "Acme"], dtype=object), Settings())) == ["", "Acme"]


def test_looks_sideways_only_with_dates_as_headers():
    from followup_sheet.headers import looks_sideways
    days = [dt.date(2026, 11, n) for n in (2, 3, 4)]
    assert looks_sideways([days, ["Acme", "Globex", "Initech"], ["Hooli", "", "Wonka"]])
    rows = [["Who", "Gig", "Sent", "Chased", "Call back"]] + [
        [f"Co {n}", "Analyst", dt.date(2026, 11, n), dt.date(2026, 11, n + 5), dt.date(2026, 11, n + 9)]
        for n in range(2, 8)]
    assert not looks_sideways(rows)
    assert not looks_sideways(rows[1:])


def test_alias_lookup_follows_the_aliases_content():
    """A watcher reloads followup.toml: new aliases must count even if the new mapping object
    reuses the id() of the old one (ids are reused as soon as an object is freed)."""
    from followup_sheet.headers import alias_lookup
    from followup_sheet.settings import Settings
    aliases = {"company": ("outfit",), "position": ("gig",)}
    assert alias_lookup(Settings(aliases=aliases))["outfit"] == "company"
    aliases["company"] = ("crew",)                  # the same dict object, edited
    lookup = alias_lookup(Settings(aliases=aliases))
    assert lookup.get("crew") == "company" and "outfit" not in lookup
    for n in range(50):                              # fresh objects, ids recycled
        assert alias_lookup(Settings(aliases={"company": (f"firm{n}",)}))[f"firm{n}"] == "company"


def test_follow_up_column_of_dates_is_the_last_contact(tmp_path):
    """'Follow-up 1' with dates in it: when you followed up, not a count of 2,026 follow-ups."""
    rows = [{"Company": "Acme", "Date Applied": dt.datetime(2026, 11, 2), "Follow-up 1": dt.datetime(2026, 11, 20)},
            {"Company": "Beta", "Date Applied": dt.datetime(2026, 11, 3), "Follow-up 1": None}]
    t = read_tracker(write_tracker(tmp_path / "fu.xlsx", rows))
    assert "follow_ups" not in t.columns
    assert t.columns["last_contact"].header == "Follow-up 1"
    assert t.frame.at[2, "last_contact"] == pd.Timestamp("2026-11-20")
    assert t.frame["follow_ups"].isna().all()


def test_a_column_without_evidence_follows_the_sheets_other_date_columns(tmp_path):
    """'05/11/2026' proves nothing, but the same person typed '20/11/2026' next to it."""
    rows = [{"Company": "Acme", "Date Applied": "05/11/2026", "Last Contact": "20/11/2026"},
            {"Company": "Beta", "Date Applied": "12/11/2026", "Last Contact": None}]
    t = read_tracker(write_tracker(tmp_path / "sheet_order.xlsx", rows))
    assert list(t.frame["applied_on"]) == [pd.Timestamp("2026-11-05"), pd.Timestamp("2026-11-12")]
    assert "day-first like 'Last Contact'" in t.date_orders["applied_on"]


@pytest.mark.parametrize("text, expected", [
    ("3. November 2026", "2026-11-03"), ("3 de noviembre de 2026", "2026-11-03"),
    ("3 de novembro de 2026", "2026-11-03"),
    ("03 novembre 2026", "2026-11-03"), ("1er janvier 2026", "2026-01-01"), ("12 Dezember 2026", "2026-12-12"),
    ("3 settembre 2026", "2026-09-03"), ("2026年11月3日", "2026-11-03"),
])
def test_dates_written_in_the_trackers_languages(text, expected):
    from followup_sheet.dates import parse_dates
    from followup_sheet.settings import Settings
    parsed, problems, _, _ = parse_dates(pd.Series([text], index=[2], dtype=object), False, Settings())
    assert str(parsed[2].date()) == expected and problems[2] == ""


def test_formula_results_below_the_table_are_not_listed(tmp_path):
    """A template's '=C5+7' down 200 rows shows 7 where no date is typed yet: not a row to report."""
    rows = [{"Company": "Acme", "Date Applied": dt.datetime(2026, 11, 2), "Follow-up Date": dt.datetime(2026, 11, 9)}]
    rows += [{"Follow-up Date": 7} for _ in range(30)]
    t = read_tracker(write_tracker(tmp_path / "template_rows.xlsx", rows))
    assert list(t.frame.index) == [2]
    assert t.skipped_rows == [] and not t.problems.any()


def test_a_typo_never_beats_a_header_that_names_the_field():
    """'Function' is one letter from the French 'Fonction' (a position): beside a real 'Position'
    column it is not read as the position, whichever comes first."""
    from followup_sheet.headers import header_fields
    from followup_sheet.settings import Settings
    found = header_fields(["Function", "Formula", "Company", "Position", "Date Applied"], Settings())
    assert found["position"] == 3 and 0 not in found.values()


@pytest.mark.parametrize("header, field", [
    ("Compnay", "company"), ("Postion", "position"), ("Date Aplied", "applied_on"), ("Staus", "stage"),
    ("Last Contcat", "last_contact"), ("Recrutier", "contact"), ("Refrerer", "referrer"),
])
def test_a_header_a_typo_away_names_its_field(header, field):
    from followup_sheet.headers import header_fields
    from followup_sheet.settings import Settings
    assert header_fields(["Priority", header], Settings()).get(field) == 1


@pytest.mark.parametrize("header", ["Contractor", "Contacts made", "Positive"])
def test_a_header_that_is_a_word_of_its_own_is_no_typo_of_a_field(header):
    """'Contractor' (a trades tracker's employer) is two letters from the Spanish alias 'Contacto':
    it is a word of its own, not that alias mistyped, so it never makes the column the contact."""
    from followup_sheet.headers import header_decisions
    from followup_sheet.settings import Settings
    fields, weak = header_decisions([header, "Job", "Applied", "Foreman / Contact"], Settings())
    assert 0 not in fields.values(), (fields, weak)
    assert fields.get("contact") == 3


@pytest.mark.parametrize("header, field", [("Contactpersoon", "contact"), ("Gesolliciteerd", "applied_on")])
def test_a_word_one_letter_from_an_alias_or_holding_its_start_still_names_its_field(header, field):
    """A word of its own that is the alias as another language writes it ('Contactpersoon',
    'contactperson'), or its start ('Gesolliciteerd', 'gesolliciteerd op'), names the field."""
    from followup_sheet.headers import header_fields
    from followup_sheet.settings import Settings
    assert header_fields(["Bedrijf", header], Settings()).get(field) == 1


def test_a_trades_tracker_headed_contractor_calls_the_foreman_at_the_contractor(tmp_path):
    """The 'Contractor' column is read by its values (companies) as the company, the 'Foreman /
    Contact' column as the person to ask for."""
    import openpyxl

    from followup_sheet.pipeline import compute
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Contractor", "Job", "Applied", "Foreman / Contact", "Phone", "Status"])
    for name, job, person in [("Birchwood Electric", "Journeyman", "Ray Kelly"), ("Northgate Power", "Apprentice", ""),
                              ("Summit Mechanical", "Wireman", "Jo Park")]:
        ws.append([name, job, dt.datetime(2026, 11, 23), person, "(312) 555-0100", "Applied"])
    wb.save(tmp_path / "jobs.xlsx")
    outs, _, _ = compute(tmp_path / "jobs.xlsx", today=dt.date(2026, 12, 7), country="US")
    frame, scripts = outs[0].tracker.frame, outs[0].scripts
    assert frame["company"].tolist() == ["Birchwood Electric", "Northgate Power", "Summit Mechanical"]
    assert "Ray" in scripts[2] and "Birchwood Electric" in scripts[2] and "speak with Birchwood" not in scripts[2]


def test_a_wide_header_is_matched_once_per_distinct_text(monkeypatch):
    """Thousands of headers nobody maps ('Week 1' ... 'Week 3000'), looked at while choosing the
    sheet and again while reading it: each distinct text goes through the typo matcher once, and a
    text seen in an earlier row or an earlier read is not matched again."""
    from followup_sheet import headers
    from followup_sheet.settings import Settings
    settings = Settings(aliases={**Settings().aliases, "company": ("Employer Name",)})   # a table of its own
    calls: list[str] = []
    real = headers.process.extract

    class Counting:
        @staticmethod
        def extract(query, *args, **kwargs):
            calls.append(query)
            return real(query, *args, **kwargs)

    monkeypatch.setattr(headers, "process", Counting)
    row = ["Employer Name", "Position", "Date Applied"] + [f"Week {n}" for n in range(1, 3001)]
    first = headers.header_fields(row, settings)
    again = headers.header_fields(row + ["Week 1", "Wekk 12"], settings)
    assert first == {"company": 0, "position": 1, "applied_on": 2}
    assert again == first
    assert sorted(calls) == sorted({headers.normalize_header(h) for h in row[3:]} | {"wekk12"})


def test_typos_follow_the_aliases_of_each_run():
    """A watcher reloads followup.toml: what was found for a header under the old aliases is not
    used under the new ones."""
    from followup_sheet.headers import header_fields
    from followup_sheet.settings import Settings
    row = ["Outfiter", "Gig", "Sent on"]
    assert header_fields(row, Settings(aliases={"company": ("outfitter",)})).get("company") == 0
    assert "company" not in header_fields(row, Settings(aliases={"company": ("crew name",)}))


@pytest.mark.parametrize("header, language", [
    ("Fecha de solicitud", "Spanish"), ("Date de candidature", "French"), ("Date d'envoi", "French"),
    ("Bewerbungsdatum", "German"), ("Beworben am", "German"), ("Datum", "German or Dutch"),
    ("Data de envio", "Portuguese"), ("data di invio", "Italian"), ("Sollicitatiedatum", "Dutch"),
    ("Data złożenia", "Polish"), ("Último contacto", "Spanish or Portuguese"),
    # English says nothing: American and British trackers share the headers, not the order
    ("Date Applied", None), ("Applied", None), ("Last Contact", None), ("Date", None), ("Data", None),
    ("申请日期", None),
])
def test_the_language_of_a_date_header(header, language):
    from followup_sheet.dates import day_first_language
    assert day_first_language(header) == language


@pytest.mark.parametrize("header, setting, expected, why", [
    ("Fecha de solicitud", "auto", ["2026-11-03", "2026-10-05"], "in Spanish"),
    ("Bewerbungsdatum", "auto", ["2026-11-03", "2026-10-05"], "in German"),
    ("Date Applied", "auto", ["2026-03-11", "2026-05-10"], "month-first: nothing shows the order"),
    ("Fecha de solicitud", "mdy", ["2026-03-11", "2026-05-10"], "date_order"),   # the setting still decides
])
def test_ambiguous_text_dates_follow_the_header_language(header, setting, expected, why):
    """03/11/2026 proves no order; a Spanish or German header says the writer puts the day first."""
    from followup_sheet.dates import parse_dates
    from followup_sheet.settings import Settings
    cells = pd.Series(["03/11/2026", "05/10/2026"], index=[2, 3], dtype=object)
    parsed, problems, ratio, reason = parse_dates(cells, False, Settings(date_order=setting), header=header, column=3)
    assert [str(x.date()) for x in parsed] == expected
    assert why in reason


def test_the_other_date_columns_still_come_before_the_header_language():
    """A column that proves month-first (11/23/2026) decides for its ambiguous neighbour, whatever
    language the neighbour's header is in."""
    from followup_sheet.dates import parse_dates, sheet_date_order
    from followup_sheet.settings import Settings
    proven = pd.Series(["11/23/2026"], index=[2], dtype=object)
    sheet = sheet_date_order([("Last Contact", proven)])
    cells = pd.Series(["03/11/2026"], index=[2], dtype=object)
    parsed, _, _, reason = parse_dates(cells, False, Settings(), header="Fecha de solicitud", column=3, sheet=sheet)
    assert str(parsed.iloc[0].date()) == "2026-03-11" and "month-first" in reason


@pytest.mark.parametrize(("columns", "order"), [
    ([("Applied", ["13/02/2026", "03/04/2026"]), ("Last Contact", ["02/03/2026"])], "dmy"),
    ([("Applied", ["02/13/2026"]), ("Interview", ["4/5/2026", "11/30/2026"])], "mdy"),
    ([("Angelegt", ["3.4.2026"]), ("Gesprochen", ["7.5.2026"])], "dmy"),          # dotted dates
    ([("Applied", ["13/02/2026"]), ("Follow-up", ["02/13/2026"])], None),         # they disagree
    ([("Applied", ["2026-02-13"]), ("Last Contact", [None, "n/a"])], None),        # nothing proven
])
def test_the_sheet_s_order_comes_from_each_column_s_evidence_worked_out_once(columns, order):
    from followup_sheet.dates import date_evidence, order_of_evidence, sheet_date_order

    series = [(label, pd.Series(values, dtype=object)) for label, values in columns]
    found = order_of_evidence([(label, date_evidence(values)) for label, values in series])
    assert (found and found[0]) == order
    assert found == sheet_date_order(series)


def test_a_date_column_reads_each_cell_as_alone_when_values_repeat():
    """parse_dates reads each distinct value once: cells that repeat, and values equal to each
    other across types (1 and 1.0 and True, a date and a midnight datetime, 0.0 and -0.0), are
    each read as a column of that one cell reads them, in the column's order."""
    from followup_sheet.dates import parse_dates
    from followup_sheet.settings import Settings
    cells = ["3/4/2026", 46000, 46000.0, True, 1, 1.0, dt.date(2026, 3, 4), dt.datetime(2026, 3, 4),
             "3/4/2026", "not a date", "not a date", 0.0, -0.0, float("nan"), None, "14/3/2026", "3/4/2026",
             "03.04.2026", "03.04.2026", ["a list"]]
    index = range(2, 2 + len(cells))
    parsed, problems, _, why = parse_dates(pd.Series(cells, index=index, dtype=object), False,
                                           Settings(date_order="dmy"), header="Applied", column=2,
                                           today=dt.date(2026, 11, 26))
    for row, cell in zip(index, cells):
        alone, alone_problems, _, _ = parse_dates(pd.Series([cell], index=[row], dtype=object), False,
                                                  Settings(date_order="dmy"), header="Applied", column=2,
                                                  today=dt.date(2026, 11, 26))
        assert (pd.isna(parsed[row]) and pd.isna(alone[row])) or parsed[row] == alone[row], cell
        assert str(problems[row]) == str(alone_problems[row]), cell
    assert parsed[2] == parsed[10] == pd.Timestamp("2026-04-03") and parsed[8] == parsed[9]
    assert problems[4] == "" and problems[11] != ""
