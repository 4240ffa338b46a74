"""The reader generalises (rules §1): headers in many languages and shapes, dates typed in
many ways, and every decision made on weak evidence listed by `check`. One workbook per kind,
built by tests/reader_fixtures.py."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import reader_fixtures as fx
from conftest import TODAY

from followup_sheet.checkreport import check
from followup_sheet.dates import parse_dates
from followup_sheet.errors import FollowupError, MissingColumns, NoTrackerFound
from followup_sheet.headers import header_decisions, header_fields, mapping_advice
from followup_sheet.pipeline import refresh
from followup_sheet.read import read_tracker
from followup_sheet.settings import Settings


def ts(y: int, m: int, d: int) -> pd.Timestamp:
    return pd.Timestamp(y, m, d)


def notes_of(path) -> list[str]:
    return [line for line in check(path, today=TODAY).lines if line.startswith("Note: ")]


# 1. an exact header beats density --------------------------------------------------------------

def test_an_exact_date_header_is_the_date_applied_however_sparse(tmp_path):
    t = read_tracker(fx.sparse_exact_header(tmp_path))
    assert t.columns["applied_on"].header == "Application date"
    assert t.confidence["applied_on"] == "strong"
    assert t.frame.loc[2, "applied_on"] == ts(2026, 11, 16)
    assert t.frame["applied_on"].iloc[1:].isna().all()


def test_a_header_of_the_fields_words_is_as_clear_as_an_exact_one(tmp_path):
    t = read_tracker(fx.sparse_turkish_header(tmp_path))
    assert {f: c.header for f, c in t.columns.items() if f in ("company", "position", "applied_on", "stage")} == {
        "company": "Şirket Adı", "position": "Pozisyon", "applied_on": "Başvuru Tarihi", "stage": "Durum"}
    assert t.frame.loc[2, "applied_on"] == ts(2026, 11, 18)


def test_a_generic_date_header_taken_as_the_date_applied_is_a_weak_decision(tmp_path):
    from conftest import write_tracker
    rows = [{"Company": "Acme", "Applied": "yes", "Datum": dt.datetime(2026, 11, 2)},
            {"Company": "Beta", "Applied": "no", "Datum": dt.datetime(2026, 11, 4)}]
    t = read_tracker(write_tracker(tmp_path / "generic.xlsx", rows))
    assert t.columns["applied_on"].header == "Datum"
    assert t.confidence["applied_on"].startswith("weak") and "generic" in t.confidence["applied_on"]


def test_a_generic_date_header_still_needs_most_cells_to_be_dates(tmp_path):
    with pytest.raises(MissingColumns):
        read_tracker(fx.generic_date_mostly_words(tmp_path))


# 2. CJK headers by containment ------------------------------------------------------------------

def test_the_application_log_beats_a_longer_sheet_of_postings(tmp_path):
    t = read_tracker(fx.cjk_postings_and_log(tmp_path))
    assert t.sheet == "応募記録"
    assert t.columns["company"].header == "応募先企業" and t.columns["applied_on"].header == "応募した日付"
    assert list(t.frame["company"]) == ["東和精機株式会社", "みなと物流", "青葉商事"]


def test_postings_under_exact_headers_never_beat_the_log(tmp_path):
    t = read_tracker(fx.exact_postings_beside_weak_log(tmp_path))
    assert t.sheet == "我的投递"
    assert {f: c.header for f, c in t.columns.items()} == {
        "company": "目标企业", "position": "应聘岗位", "applied_on": "投递日", "stage": "当前进度"}


@pytest.mark.parametrize("build, expected", [
    (fx.korean_and_chinese, {"company": "회사명", "position": "지원 직무", "applied_on": "지원일", "stage": "상태",
                             "interview_on": "면접 날짜"}),
    (fx.chinese_recruiter_names, {"company": "招聘单位名称", "position": "应聘岗位", "applied_on": "投递时间",
                                  "stage": "进度"}),
])
def test_cjk_headers_that_contain_the_fields_word(tmp_path, build, expected):
    t = read_tracker(build(tmp_path))
    assert {f: c.header for f, c in t.columns.items()} == expected


@pytest.mark.parametrize("header", ["発表日", "公告일", "发布日期", "掲載日", "Date Posted", "Close Date"])
def test_a_postings_date_is_never_the_date_applied(header):
    assert "applied_on" not in header_fields([header], Settings())


# 3. typos and export tools ----------------------------------------------------------------------

def test_one_letter_typos_in_words_of_five_letters_or_more(tmp_path):
    t = read_tracker(fx.typos_indonesian(tmp_path))
    assert {f: c.header for f, c in t.columns.items()} == {
        "company": "Perusahan", "position": "Positon Applied", "applied_on": "Tanggal Melamar", "stage": "Statsu"}
    assert all(t.confidence[f].startswith("weak") for f in t.columns)


@pytest.mark.parametrize("header, field", [
    ("Compnay Name", "company"), ("Aplication Date", "applied_on"), ("Postion Title", "position"),
    ("Företgа", None), ("Staus", "stage"), ("Intrvju datum", "interview_on"),
])
def test_typos_in_headers(header, field):
    found = header_fields([header], Settings())
    assert found == ({field: 0} if field else {})


def test_short_words_are_not_typos():
    """'Rode' or 'Dates' is no typo of 'Role': words under five letters must be exact."""
    assert header_fields(["Rol"], Settings()).get("position") in (0, None)
    assert "position" not in header_fields(["Rode"], Settings())


def test_a_crm_export_has_its_account_as_the_company_and_no_close_date_applied(tmp_path):
    path = fx.crm_export(tmp_path)
    before = path.read_bytes()
    with pytest.raises(MissingColumns) as exc:
        read_tracker(path)
    assert "Create Date\" = " not in str(exc.value)   # when a record was made: no date of applying
    assert "Close Date\" = " not in str(exc.value)
    found = header_fields(["Account Name", "Deal Name", "Deal Stage", "Create Date", "Close Date"], Settings())
    assert found["company"] == 0 and found["stage"] == 2 and "applied_on" not in found
    with pytest.raises(FollowupError):
        refresh(path, today=TODAY)
    assert path.read_bytes() == before


def test_a_job_boards_export(tmp_path):
    t = read_tracker(fx.board_export(tmp_path))
    assert {f: t.columns[f].header for f in ("company", "position", "applied_on")} == {
        "company": "Company Name", "position": "Job Title", "applied_on": "Application Date"}


# 4. a header that names the sheet, not the column ---------------------------------------------

def test_a_column_of_organisation_names_is_the_company_and_check_says_it_guessed(tmp_path):
    path = fx.sheet_name_header(tmp_path)
    t = read_tracker(path)
    assert t.columns["company"].header == "Nhật ký tìm việc"
    assert t.confidence["company"].startswith("weak")
    assert "Đường dẫn" not in [c.header for c in t.columns.values()]   # the links are no company
    notes = notes_of(path)
    assert any("company" in n and "guessed" in n and "column A" in n and "different short names" in n
               for n in notes)


def test_people_and_links_are_never_guessed_as_the_company(tmp_path):
    t = read_tracker(fx.tracker_without_company_header(tmp_path))
    assert t.columns["company"].header == "Att göra"
    assert list(t.frame["company"]) == ["Norrsken AB", "Fjällbruk", "Östkust Rederi"]


@pytest.mark.parametrize("header, values, stages", [
    ("How far I got", ["sent it", "Rejected", "1st round interview", "offer!", "applied", "no reply"],
     ["applied", "closed", "interviewing", "offer", "applied", "applied"]),
    ("Wo stehe ich", ["beworben", "Absage bekommen", "Vorstellungsgespräch", "beworben", "Absage"],
     ["applied", "closed", "interviewing", "applied", "closed"]),
    ("", ["entretien RH", "candidature envoyée", "refusé", "entretien RH"],
     ["interviewing", "applied", "closed", "interviewing"]),
])
def test_a_column_of_stages_under_a_header_no_list_knows_is_the_stage(tmp_path, header, values, stages):
    from conftest import write_tracker
    rows = [{"Company": f"Firm {i}", "Role": "Analyst", "Applied on": dt.datetime(2026, 11, 2 + i), header: v,
             "Remarks": "nothing much"} for i, v in enumerate(values)]
    path = write_tracker(tmp_path / "progress.xlsx", rows, headers=["Company", "Role", "Applied on", header, "Remarks"])
    t = read_tracker(path)
    assert t.columns["stage"].letter == "D"
    assert t.confidence["stage"].startswith("weak")
    from followup_sheet import compute
    sheets, _, _ = compute(path, today=TODAY)
    assert list(sheets[0].plan["stage"]) == stages
    assert any("stage" in n and "guessed from its values" in n and "column D" in n for n in notes_of(path))


@pytest.mark.parametrize("values", [
    ["On-site", "On-site", "On-site", "On-site"],            # one stage word alone: a work mode
    ["LinkedIn", "Indeed", "company website", "LinkedIn"],   # only words that mean applied: a source
    ["Remote", "On-site", "Hybrid", "Remote"],               # mostly words no list knows
    ["Had a long chat with the founder about the product roadmap and then the team interviewed me",
     "They said the offer would depend on the budget for next year which is not set yet",
     "Rejected", "applied"],                                # sentences: notes, not stages
])
def test_columns_that_only_look_a_little_like_stages_are_not_the_stage(tmp_path, values):
    from conftest import write_tracker
    rows = [{"Company": f"Firm {i}", "Role": "Analyst", "Applied on": dt.datetime(2026, 11, 2 + i), "Kind": v}
            for i, v in enumerate(values)]
    t = read_tracker(write_tracker(tmp_path / "kind.xlsx", rows))
    assert "stage" not in t.columns


@pytest.mark.parametrize("header", ["Person", "POC", "Persona", "Osoba", "Kontaktperson"])
def test_a_header_naming_a_person_is_the_contact(header):
    found, _ = header_decisions(["Firm", "Role", header, "Phone"], Settings())
    assert found.get("contact") == 2 and found.get("contact_phone") == 3


@pytest.mark.parametrize("header", ["Who I spoke to", "Person I talked with", "Who?", "Whom to ask for"])
def test_a_header_asking_who_is_the_contact_and_the_script_asks_for_them(tmp_path, header):
    from conftest import write_tracker

    from followup_sheet import compute
    rows = [{"Firm": "Halden Mills", "Role": "Planner", "Sent": dt.datetime(2026, 11, 23),
             header: "Ines Roth (recruiter)", "Phone": "0161 555 0144", "Stage": "Applied"}]
    sheets, _, _ = compute(write_tracker(tmp_path / "who.xlsx", rows), today=dt.date(2026, 12, 7))
    assert sheets[0].tracker.columns["contact"].header == header
    assert sheets[0].plan.iloc[0]["situation"] == "recruiter", sheets[0].plan.iloc[0]["why"]
    assert "Ines" in sheets[0].scripts.iloc[0] and "(recruiter)" not in sheets[0].scripts.iloc[0]


@pytest.mark.parametrize("header", ["Who referred me", "Who applied"])
def test_a_header_asking_who_of_something_else_is_not_the_contact(header):
    found, _ = header_decisions(["Firm", "Role", header, "Phone"], Settings())
    assert found.get("contact") != 2


@pytest.mark.parametrize("header", ["Fecha envío CV", "Datum CV verstuurd", "CV enviado (fecha)",
                                    "Data wysłania CV", "Data invio curriculum", "Datum Unterlagen versandt"])
def test_a_header_of_a_date_and_sending_the_cv_is_the_date_applied(header):
    found, _ = header_decisions(["Empresa", "Role", header], Settings())
    assert found.get("applied_on") == 2


@pytest.mark.parametrize("header, values", [
    ("Komórka", ["601 222 333", "+48 512 004 118", "", "22 650 11 90"]),
    ("Numéro perso", ["06 71 22 40 18", "07.55.12.90.33", "04 91 00 21 17", "06 71 22 40 18"]),
    ("Reach her at", ["(312) 555-0147", "312-555-0199", "n/a", "(773) 555-0102"]),
    ("", ["030/4471822", "0171 2283391", "089 12 34 56", "0221 998877"]),
])
def test_a_column_of_telephone_numbers_under_a_header_no_list_knows_is_the_phone(tmp_path, header, values):
    from conftest import write_tracker
    rows = [{"Company": f"Firm {i}", "Role": "Analyst", "Applied on": dt.datetime(2026, 11, 2 + i),
             "Salary": 52000 + i, "Req": f"REQ-{4410 + i}", header: v} for i, v in enumerate(values)]
    path = write_tracker(tmp_path / "numbers.xlsx", rows,
                         headers=["Company", "Role", "Applied on", "Salary", "Req", header])
    t = read_tracker(path)
    assert t.columns["contact_phone"].letter == "F"
    assert any("phone" in n and "guessed from its values" in n and "column F" in n for n in notes_of(path))


@pytest.mark.parametrize("values", [
    [52000, 61000, 48500, 75000],                           # amounts
    ["2024", "2025", "2026", "2023"],                       # years
    ["75011", "69003", "13001", "31000"],                    # postcodes: too few digits
    ["4410293", "4410381", "4410422", "4410517"],            # job ids: one block, no leading 0 or +
    ["12/03/2026", "2026-11-02", "3.11.2026", "11/30/26"],   # dates
])
def test_columns_of_other_numbers_are_not_the_phone(tmp_path, values):
    from conftest import write_tracker
    rows = [{"Company": f"Firm {i}", "Role": "Analyst", "Applied on": dt.datetime(2026, 11, 2 + i), "Ref": v}
            for i, v in enumerate(values)]
    t = read_tracker(write_tracker(tmp_path / "ref.xlsx", rows))
    assert "contact_phone" not in t.columns


@pytest.mark.parametrize("header", ["What happened", "Journal", ""])
def test_a_column_of_sentences_under_a_header_no_list_knows_is_the_notes(tmp_path, header):
    from conftest import write_tracker
    said = ["spoke to their talent partner, second call planned for next month",
            "nobody picked up, will try the main line on Monday",
            "Sent a portfolio link after they asked for writing samples"]
    rows = [{"Company": f"Firm {i}", "Role": "Analyst", "Applied on": dt.datetime(2026, 11, 2 + i), "Type": "Full-time",
             header: v} for i, v in enumerate(said)]
    path = write_tracker(tmp_path / "journal.xlsx", rows, headers=["Company", "Role", "Applied on", "Type", header])
    t = read_tracker(path)
    assert t.columns["notes"].letter == "E"
    assert t.confidence["notes"].startswith("weak")
    assert list(t.frame["notes"]) == said
    assert any("notes" in n and "guessed from its values" in n and "column E" in n for n in notes_of(path))


@pytest.mark.parametrize("row", [["Company", "Role", "Who"], ["Firma", "Stelle", "Wer"], ["Entreprise", "Poste", "Qui"],
                                 ["Empresa", "Puesto", "Quién"], ["Azienda", "Ruolo", "Chi"], ["公司", "职位", "谁"]])
def test_a_header_asking_who_is_the_contact(row):
    assert header_fields(row, Settings()).get("contact") == 2


# 5. dates typed as numbers -----------------------------------------------------------------------

def test_dates_typed_as_digits(tmp_path):
    t = read_tracker(fx.digit_dates(tmp_path))
    assert list(t.frame["applied_on"]) == [ts(2019, 8, 21), ts(2019, 8, 22), ts(2024, 3, 15), ts(2019, 8, 23),
                                           ts(2019, 8, 1)]
    assert not t.problems.any()


@pytest.mark.parametrize("cell, expected", [
    (8212019, dt.date(2019, 8, 21)), ("08212019", dt.date(2019, 8, 21)), (20240315, dt.date(2024, 3, 15)),
    (21082019, dt.date(2019, 8, 21)), (45000, dt.date(2023, 3, 15)), ("19991231", dt.date(1999, 12, 31)),
])
def test_one_digit_date(cell, expected):
    parsed, problems, _, _ = parse_dates(pd.Series([cell], index=[2], dtype=object), False, Settings())
    assert parsed[2].date() == expected and problems[2] == ""


@pytest.mark.parametrize("cell", [12345678, 99999999, 1234567])
def test_numbers_that_are_no_date_stay_problems(cell):
    parsed, problems, _, _ = parse_dates(pd.Series([cell], index=[2], dtype=object), False, Settings())
    assert pd.isna(parsed[2]) and problems[2]


# 6. day/month order from evidence ----------------------------------------------------------------

@pytest.mark.parametrize("date_format, strong", [("mm/dd/yyyy", True), ("mm-dd-yy", False)])
def test_one_typed_date_never_turns_a_column_of_real_dates(tmp_path, date_format, strong):
    """The real dates formatted month-first decide; under Excel's built-in short date (shown in
    the reader's own system order) they still outvote the typed slip, on weak evidence."""
    path = fx.one_text_date_among_real(tmp_path, date_format)
    t = read_tracker(path)
    assert t.frame.loc[6, "applied_on"] == ts(2026, 11, 6)      # '11/6/2026' month-first like the column
    assert t.frame.loc[5, "applied_on"] == ts(2026, 10, 28)     # the slip read the one way it fits
    assert t.confidence["applied_on"] == "strong" if strong else t.confidence["applied_on"].startswith("weak")
    notes = notes_of(path)
    assert any("'11/6/2026'" in n and "could be 11 Jun 2026" in n for n in notes)
    assert any("'28/10/2026'" in n and "fits only day-first" in n for n in notes)


def test_the_real_dates_number_format_decides_the_typed_ones(tmp_path):
    t = read_tracker(fx.formatted_day_first(tmp_path))
    assert t.frame.loc[6, "applied_on"] == ts(2026, 11, 4)      # '4/11/2026' day-first like the format
    assert t.frame.loc[5, "applied_on"] == ts(2026, 10, 28)     # the month-first slip read the way it fits
    assert "formatted 'dd/mm/yyyy'" in t.date_orders["applied_on"]
    assert t.confidence["applied_on"] == "strong"
    from followup_sheet.pipeline import date_order
    assert date_order([t], Settings()) == "dmy"    # a date typed into a mark or a note reads the same way


@pytest.mark.parametrize("code, order", [
    ("dd/mm/yyyy", "dmy"), ("m/d/yy", "mdy"), ("mm/dd/yyyy h:mm", "mdy"), ("d.m.yyyy", "dmy"),
    ("yyyy-mm-dd", None), ("d-mmm-yy", None), ("h:mm:ss", None), ('[$-409]m/d/yyyy;@', "mdy"),
    ("General", None), ('dd" de "mm', "dmy"),
])
def test_number_format_orders(code, order):
    from followup_sheet.xlsx.formats import format_order
    assert format_order(code) == order


def test_typed_dates_alone_still_decide_their_order():
    values = pd.Series(["13/11/2026", "11/3/2026"], index=[2, 3], dtype=object)
    parsed, _, _, why = parse_dates(values, False, Settings())
    assert parsed[3] == ts(2026, 3, 11) and why.startswith("day-first")


def test_every_date_that_could_be_read_the_other_way_is_listed():
    values = pd.Series(["3/4/2026", "12/12/2026", "2026-04-03", "4/30/2026"], index=[2, 3, 4, 5], dtype=object)
    ambiguous: list[str] = []
    parse_dates(values, False, Settings(), header="Sent", ambiguous=ambiguous)
    assert len(ambiguous) == 1 and "'3/4/2026'" in ambiguous[0] and "could be 03 Apr 2026" in ambiguous[0]


# 7. dates that mean something else ---------------------------------------------------------------

def test_interview_day_and_a_planned_follow_up(tmp_path):
    path = fx.meaning_of_dates(tmp_path)
    t = read_tracker(path)
    assert t.columns["interview_on"].header == "Intervjudatum"
    assert t.columns["pinned"].header == "FollowUp" and "last_contact" not in t.columns
    assert t.frame.loc[2, "interview_on"] == ts(2026, 12, 3) and pd.isna(t.frame.loc[3, "interview_on"])
    assert t.frame.loc[3, "pinned"] == ts(2026, 11, 30)
    assert t.frame["last_contact"].isna().all()


def test_arabic_dates_by_their_meaning(tmp_path):
    t = read_tracker(fx.arabic_meaning(tmp_path))
    assert {f: t.columns[f].header for f in ("applied_on", "interview_on", "pinned")} == {
        "applied_on": "تاريخ التقديم", "interview_on": "موعد المقابلة", "pinned": "تاريخ المتابعة القادمة"}


def test_an_unreadable_interview_day_is_listed_not_a_row_problem(tmp_path):
    from conftest import write_tracker
    rows = [{"Company": "Acme", "Date Applied": dt.datetime(2026, 11, 2), "Interview Day": "after the holidays"},
            {"Company": "Beta", "Date Applied": dt.datetime(2026, 11, 3), "Interview Day": dt.datetime(2026, 12, 1)}]
    t = read_tracker(write_tracker(tmp_path / "iv.xlsx", rows))
    assert not t.problems.any() and t.frame.loc[3, "interview_on"] == ts(2026, 12, 1)
    assert any("'after the holidays'" in n and "interview" in n for n in t.notes)


def test_every_frame_has_an_interview_column(tmp_path):
    t = read_tracker(fx.sparse_exact_header(tmp_path))
    assert "interview_on" in t.frame.columns and str(t.frame["interview_on"].dtype) == "datetime64[ns]"
    assert t.frame["interview_on"].isna().all()


@pytest.mark.parametrize("header, field", [
    ("Interview Day", "interview_on"), ("Gesprächstermin", "interview_on"), ("面试时间", "interview_on"),
    ("Ngày phỏng vấn", "interview_on"), ("Mülakat Tarihi", "interview_on"), ("Tanggal Wawancara", "interview_on"),
    ("תאריך ראיון", "interview_on"), ("Next step date", "pinned"), ("Follow up on", "pinned"),
    ("Sonraki takip tarihi", "pinned"), ("Uppföljningsdatum", "pinned"), ("Ngày liên hệ cuối", "last_contact"),
])
def test_date_headers_by_meaning(header, field):
    assert header_fields([header], Settings()) == {field: 0}


def test_a_numbered_follow_up_of_dates_is_still_a_contact_made(tmp_path):
    from conftest import write_tracker
    rows = [{"Company": "Acme", "Date Applied": dt.datetime(2026, 11, 2), "Follow-up 2": dt.datetime(2026, 11, 20)}]
    t = read_tracker(write_tracker(tmp_path / "fu.xlsx", rows))
    assert t.columns["last_contact"].header == "Follow-up 2" and "pinned" not in t.columns


# 8. hidden columns beside the table --------------------------------------------------------------

def test_the_tools_columns_are_shown_when_every_column_beside_is_hidden(tmp_path):
    path = fx.hidden_beside(tmp_path)
    assert any("hidden" in n and "E, F, G" in n and "shows" in n for n in notes_of(path))
    refresh(path, today=TODAY)
    import openpyxl
    ws = openpyxl.load_workbook(path).active
    assert [ws.cell(1, c).value for c in (5, 6, 7)] == ["Follow-up Status", "Next Follow-up", "Follow-up Script"]
    assert not any(ws.column_dimensions[letter].hidden for letter in "EFG")


def test_refresh_says_it_shows_hidden_columns(tmp_path, capsys):
    from followup_sheet.cli import main
    path = fx.hidden_beside(tmp_path)
    assert main(["refresh", str(path), "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "hidden" in out and "E, F, G" in out


# 9. refusal hints never harmful ------------------------------------------------------------------

def test_a_list_of_leads_gets_no_suggested_mapping(tmp_path):
    path = fx.job_leads(tmp_path)
    with pytest.raises(NoTrackerFound) as exc:
        read_tracker(path)
    text = str(exc.value)
    assert "[columns]\n" not in text
    assert '"Link"' not in text and '"Surname"' not in text and '"Date Posted"' not in text


def test_hints_suggest_only_columns_whose_values_fit():
    header = ["Web", "Reference", "Employer?", "When", "Posted on"]
    below = [["https://a.example/1", "Moreau", "Lumen Optics", dt.datetime(2026, 11, 2), dt.datetime(2026, 10, 1)],
             ["https://a.example/2", "Nakamura", "Ridge Capital", dt.datetime(2026, 11, 5), dt.datetime(2026, 10, 2)],
             ["https://a.example/3", "Silva", "Tern Robotics", "soon", dt.datetime(2026, 10, 3)]]
    advice = mapping_advice(header, below, {}, ("company", "position", "applied_on"))
    assert '"Employer?" = "company"' in advice and '"When" = "applied_on"' in advice
    assert "Web" not in advice.split("[columns]")[1] and "Posted on\" =" not in advice


def test_hints_never_suggest_another_kind_of_date():
    """An order list's 'Ship date' holds dates, but no date of an application."""
    header = ["Company", "Order", "Ship date", "Delivered"]
    below = [["Lumen Optics", "A-1", dt.datetime(2026, 11, 2), dt.datetime(2026, 11, 5)],
             ["Ridge Capital", "A-2", dt.datetime(2026, 11, 3), dt.datetime(2026, 11, 6)]]
    advice = mapping_advice(header, below, {"company": 0}, ("applied_on",))
    assert "\n[columns]" not in advice and "Ship date\" =" not in advice
    sent = [[name, day] for name, _, day, _ in below]
    assert '"Sent on" = "applied_on"' in mapping_advice(["Company", "Sent on"], sent, {"company": 0}, ("applied_on",))


# 10. a mapping added later keeps the tool's data -------------------------------------------------

def test_a_count_mapped_later_keeps_the_tools_counts(tmp_path):
    path = fx.chases_and_tool_count(tmp_path)
    from followup_sheet.settings import load_settings
    t = read_tracker(path, settings=load_settings(path))
    assert t.columns["follow_ups"].header == "# chases"
    assert list(t.frame["follow_ups"].fillna(-1)) == [2, 3, -1]
    assert any("'Follow-ups'" in n and "larger count" in n for n in t.notes)


# 11. confidence ---------------------------------------------------------------------------------

def test_weak_decisions_are_listed_and_strong_ones_are_not(tmp_path):
    path = fx.typos_indonesian(tmp_path)
    t = read_tracker(path)
    notes = notes_of(path)
    for fld, col in t.columns.items():
        listed = any(n.startswith(f"Note: Unsure: {fld} <- {col.header!r}") for n in notes)
        assert listed == t.confidence[fld].startswith("weak")
    strong = read_tracker(fx.board_export(tmp_path))
    assert set(strong.confidence.values()) == {"strong"}


def test_header_decisions_say_why():
    fields, weak = header_decisions(["Tên công ty", "Chức danh", "Ngày ứng tuyển", "Company"], Settings())
    assert fields == {"company": 3, "position": 1, "applied_on": 2}
    assert "company" not in weak and "applied" in weak["applied_on"] and "position" in weak


@pytest.mark.parametrize("header", ["Company Website", "Company contact", "Days since applied", "日本企業",
                                    "Số lần liên hệ", "Interview notes"])
def test_words_of_a_field_beside_other_words_are_not_the_field(header):
    found = header_fields([header], Settings())
    assert not ({"company", "applied_on", "last_contact", "interview_on"} & found.keys())


def test_a_list_of_vendors_is_no_tracker_though_its_names_look_like_companies(tmp_path):
    """A generic 'Date' and a 'Status' are any list's: the company is guessed only beside a
    header only a job search has."""
    from conftest import write_tracker
    rows = [{"Vendor": v, "Date": dt.datetime(2026, 11, i + 1), "Status": "Paid", "Amount": 10 + i}
            for i, v in enumerate(["Hollis Paper", "Marrow Fuel", "Quill & Co", "Tarn Market"])]
    with pytest.raises(MissingColumns):
        read_tracker(write_tracker(tmp_path / "expenses.xlsx", rows))
    rows = [{**r, "Job Title": "Clerk"} for r in rows]
    assert read_tracker(write_tracker(tmp_path / "jobs.xlsx", rows)).columns["company"].header == "Vendor"


@pytest.mark.parametrize("header", ["Reactie", "Antwoord", "返信", "회신", "답변"])
def test_the_employers_reply_column_in_dutch_japanese_and_korean_is_the_response(header):
    found, _ = header_decisions(["Firm", "Role", header], Settings())
    assert found.get("response") == 2


# the notes say who the contact is: "X is the hiring manager" in the tracker's words --------------

@pytest.mark.parametrize("contact, notes", [
    ("Morag Lindsay", "Morag's the hiring mgr - she ran the open day"),
    ("Morag Lindsay", "rang reception, the HM is Morag, back Thursday"),
    ("Lindsay, Morag", "Lindsay = line manager for the role"),
    ("Herr Albers", "Herr Albers ist der Teamleiter, sehr nett"),
    ("Mme Faure", "Mme Faure est la responsable du service, vue au salon"),
    ("Lucía Prieto", "Lucía es la jefa del área, la conocí en la feria"),
])
def test_notes_saying_the_contact_is_the_hiring_manager_make_the_hiring_manager_script(tmp_path, contact, notes):
    from conftest import write_tracker

    from followup_sheet import compute
    rows = [{"Firm": "Halden Mills", "Role": "Planner", "Sent": dt.datetime(2026, 11, 23), "Contact": contact,
             "Phone": "0161 555 0144", "Stage": "Applied", "Notes": notes}]
    sheets, _, _ = compute(write_tracker(tmp_path / "hm.xlsx", rows), today=dt.date(2026, 12, 7))
    assert sheets[0].plan.iloc[0]["situation"] == "hiring_manager", sheets[0].plan.iloc[0]["why"]


@pytest.mark.parametrize("contact, notes", [
    ("Morag Lindsay", "Morag said the hiring manager is off till Monday"),
    ("Morag Lindsay", "Morag knows the hiring mgr from uni"),
    ("Frau Albers", "Frau Weber ist die Teamleiterin"),      # another person, though both are "Frau"
    ("Morag Lindsay", "Morag is the recruiter, the HM is someone in ops"),
])
def test_notes_naming_another_person_as_the_hiring_manager_leave_the_contact_as_they_are(tmp_path, contact, notes):
    from conftest import write_tracker

    from followup_sheet import compute
    rows = [{"Firm": "Halden Mills", "Role": "Planner", "Sent": dt.datetime(2026, 11, 23), "Contact": contact,
             "Phone": "0161 555 0144", "Stage": "Applied", "Notes": notes}]
    sheets, _, _ = compute(write_tracker(tmp_path / "hm.xlsx", rows), today=dt.date(2026, 12, 7))
    assert sheets[0].plan.iloc[0]["situation"] != "hiring_manager", sheets[0].plan.iloc[0]["why"]


# headers as trackers kept in India and Britain write them ----------------------------------------

@pytest.mark.parametrize("header", ["Profile", "Designation", "Post", "Job", "Opening"])
def test_other_english_headers_for_the_job_are_the_position(header):
    found, _ = header_decisions(["Company", header, "Applied Date"], Settings())
    assert found.get("position") == 1


@pytest.mark.parametrize("header", ["LinkedIn Profile", "Job Board", "Post Date"])
def test_headers_about_something_else_of_the_job_are_no_position(header):
    found, _ = header_decisions(["Company", header, "Applied Date"], Settings())
    assert found.get("position") != 1


def test_a_contact_column_of_telephone_numbers_is_the_phone_and_the_name_column_the_contact(tmp_path):
    from conftest import write_tracker

    from followup_sheet import compute
    rows = [{"Company": "Thermax", "Profile": "Process Engineer", "Applied Date": "18-11-2026",
             "HR Name": "Meera", "HR Contact": "9822012345", "Remarks": ""},
            {"Company": "Bajaj Auto", "Profile": "Quality Analyst", "Applied Date": "24-11-2026",
             "HR Name": "Sandeep", "HR Contact": "9011098765", "Remarks": ""}]
    sheets, _, _ = compute(write_tracker(tmp_path / "in.xlsx", rows), today=dt.date(2026, 12, 7))
    columns = sheets[0].tracker.columns
    assert columns["contact"].header == "HR Name" and columns["contact_phone"].header == "HR Contact"
    assert columns["position"].header == "Profile"
    script = sheets[0].scripts.iloc[0]
    assert "Meera" in script and "Process Engineer" in script


def test_a_contact_column_of_names_stays_the_contact(tmp_path):
    from conftest import write_tracker

    from followup_sheet import compute
    rows = [{"Company": "Thermax", "Position": "Process Engineer", "Applied Date": "18-11-2026",
             "HR Contact": "Meera Iyer", "Phone": "98220 12345"},
            {"Company": "Bajaj Auto", "Position": "Quality Analyst", "Applied Date": "24-11-2026",
             "HR Contact": "Sandeep Rao", "Phone": "90110 98765"}]
    sheets, _, _ = compute(write_tracker(tmp_path / "in.xlsx", rows), today=dt.date(2026, 12, 7))
    assert sheets[0].tracker.columns["contact"].header == "HR Contact"


# tick boxes and grouped headers ----------------------------------------------------------------

def _ticks_book(path, rows, headers):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_tick_box_columns_are_whether_you_applied_and_the_steps_reached(tmp_path):
    from followup_sheet import compute
    headers = ["Employer", "Job", "When", "Sent?", "Phone screen?", "Offer made?", "Turned down?", "Tel", "Notes"]
    rows = [["Kinross Mills", "Buyer", dt.datetime(2026, 11, 16), True, False, False, False, "01577 555 010", ""],
            ["Ochil Foods", "Planner", dt.datetime(2026, 11, 9), True, True, False, False, "01786 555 011", ""],
            ["Forth Ports", "Clerk", dt.datetime(2026, 11, 2), True, True, False, True, "0131 555 012", ""],
            ["Tay Bridge Co", "Analyst", dt.datetime(2026, 11, 3), True, True, True, False, "01382 555 013", ""],
            ["Glen Distillers", "Guide", None, False, False, False, False, "", "thinking about it"]]
    sheets, _, _ = compute(_ticks_book(tmp_path / "ticks.xlsx", rows, headers), today=dt.date(2026, 12, 7))
    tracker, plan = sheets[0].tracker, sheets[0].plan
    assert tracker.columns["applied_on"].header == "When"
    assert list(plan["stage"]) == ["applied", "interviewing", "closed", "offer", "not_applied"], plan["why"].tolist()


def test_a_date_header_over_tick_boxes_is_never_a_date_column(tmp_path):
    t = read_tracker(_ticks_book(tmp_path / "t.xlsx", [["Kinross Mills", "Buyer", dt.datetime(2026, 11, 16), True],
                                                        ["Ochil Foods", "Planner", dt.datetime(2026, 11, 9), False]],
                                 ["Company", "Position", "Date", "Interview date?"]))
    assert t.columns["applied_on"].header == "Date" and "interview_on" not in t.columns


def test_a_header_under_a_group_label_is_read_with_it(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["JOB", None, None, "WHO", None])
    ws.merge_cells("A1:C1")
    ws.merge_cells("D1:E1")
    ws.append(["Company", "Position", "Date Applied", "Name", "Number"])
    ws.append(["Kinross Mills", "Buyer", dt.datetime(2026, 11, 16), "Isla Muir", "01577 555 010"])
    ws.append(["Ochil Foods", "Planner", dt.datetime(2026, 11, 9), "Rab Syme", "01786 555 011"])
    wb.save(tmp_path / "g.xlsx")
    t = read_tracker(tmp_path / "g.xlsx")
    assert t.header_row == 2 and t.columns["contact"].header == "Name"


def test_a_title_row_above_the_header_is_no_group_label(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["My applications 2026", None, None, None])
    ws.append(["Company", "Position", "Date Applied", "Name"])
    ws.append(["Kinross Mills", "Buyer", dt.datetime(2026, 11, 16), "x"])
    ws.append(["Ochil Foods", "Planner", dt.datetime(2026, 11, 9), "y"])
    wb.save(tmp_path / "g.xlsx")
    t = read_tracker(tmp_path / "g.xlsx")
    assert "contact" not in t.columns


@pytest.mark.parametrize("header", ["Data aplikowania", "Kiedy aplikowałam", "Data aplikacji"])
def test_a_polish_header_of_applying_with_a_date_word_is_the_date_applied(header):
    found, _ = header_decisions(["Firma", "Stanowisko", header, "Status"], Settings())
    assert found.get("applied_on") == 2


@pytest.mark.parametrize("header", ["Beworben am", "Bewerbung am", "Postulé le", "Postulado el", "Candidatura il",
                                    "Verstuurd op", "Enviado em"])
def test_a_header_of_applying_on_a_day_is_the_date_applied(header):
    found, _ = header_decisions(["Company", "Role", header, "Status"], Settings())
    assert found.get("applied_on") == 2


@pytest.mark.parametrize("header", ["Notes on the call", "Applied via"])
def test_a_header_of_something_else_on_a_day_is_no_date_applied(header):
    found, _ = header_decisions(["Company", "Role", header, "Status"], Settings())
    assert found.get("applied_on") != 2


@pytest.mark.parametrize("cells, days", [
    (["Oct 30", "4 November"], [ts(2026, 10, 30), ts(2026, 11, 4)]),
    (["30 de octubre", "4 nov"], [ts(2026, 10, 30), ts(2026, 11, 4)]),
    (["30. Oktober", "4. Nov."], [ts(2026, 10, 30), ts(2026, 11, 4)]),
])
def test_a_date_typed_with_a_months_name_and_no_year_is_the_nearest_such_day(tmp_path, cells, days):
    from conftest import write_tracker

    from followup_sheet import compute
    rows = [{"Company": "Ochil Foods", "Position": "Planner", "Date Applied": cells[0], "Status": "Applied"},
            {"Company": "Forth Ports", "Position": "Clerk", "Date Applied": cells[1], "Status": "Applied"}]
    sheets, _, _ = compute(write_tracker(tmp_path / "t.xlsx", rows), today=dt.date(2026, 12, 7))
    assert list(sheets[0].tracker.frame["applied_on"]) == days


def test_a_date_cell_with_one_date_among_words_is_that_date(tmp_path):
    from conftest import write_tracker

    from followup_sheet import compute
    rows = [{"Company": "Ochil Foods", "Position": "Planner", "Date Applied": dt.datetime(2026, 11, 16),
             "Last Contact": "rang 12/1, no answer"},
            {"Company": "Forth Ports", "Position": "Clerk", "Date Applied": dt.datetime(2026, 11, 17),
             "Last Contact": "sent chaser 12/2"},
            {"Company": "Tay Mills", "Position": "Buyer", "Date Applied": dt.datetime(2026, 11, 18),
             "Last Contact": "spoke 12/1 then 12/3"}]      # two dates: which one is not guessed
    sheets, _, _ = compute(write_tracker(tmp_path / "t.xlsx", rows), today=dt.date(2026, 12, 7))
    frame = sheets[0].tracker.frame
    assert list(frame["last_contact"][:2]) == [ts(2026, 12, 1), ts(2026, 12, 2)]
    assert pd.isna(frame["last_contact"].iloc[2]) and "spoke 12/1 then 12/3" in frame["problem"].iloc[2]
