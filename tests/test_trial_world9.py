"""Trackers by strangers, round nine: a weekday said beside the day it names is that one day; the
employer not going on with an application, said of them in Portuguese and Spanish; a column of
days whose header only contains a word of a text field is not that field."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import rows_book, status_due_situation

from followup_sheet.headers import find_header
from followup_sheet.pipeline import compute
from followup_sheet.refusals import refusal
from followup_sheet.settings import Settings
from followup_sheet.statements import read_statements

TODAY = dt.date(2026, 12, 7)
MONDAY = dt.date(2026, 11, 23)


# --- a weekday beside a date, or beside "next week", is one day ---------------------------------

@pytest.mark.parametrize("note, language, day", [
    ("prazo pra dar resposta: quinta 3/12", "pt", dt.date(2026, 12, 3)),
    ("Zusage bis Donnerstag, 3.12. geben", "de", dt.date(2026, 12, 3)),
    ("muszę odpowiedzieć do czwartku 3.12", "pl", dt.date(2026, 12, 3)),
    ("callback Thurs, Dec 3", "en", dt.date(2026, 12, 3)),
    ("gesprek op donderdag 3-12", "nl", dt.date(2026, 12, 3)),
])
def test_a_weekday_beside_its_date_is_that_date_alone(note, language, day):
    said = read_statements(note, MONDAY, day_first=True, languages=(language, "en"))
    assert [st.date for st in said] == [day], (note, said)


@pytest.mark.parametrize("note, language", [
    ("assessment komende week maandag", "nl"),
    ("final round next week Monday", "en"),
    ("Abschlussgespräch Montag nächste Woche", "de"),
])
def test_a_weekday_of_next_week_is_that_weekday_of_the_week_after(note, language):
    # written on a Monday: "Monday next week" is a week on, not the same day or the week's span
    said = read_statements(note, MONDAY, day_first=True, languages=(language, "en"))
    assert [st.date for st in said] == [dt.date(2026, 11, 30)], (note, said)


def test_a_weekday_and_a_date_that_end_a_range_stay_two_days():
    said = read_statements("urlop od poniedziałku do 15.12", MONDAY, day_first=True, languages=("pl", "en"))
    assert len({st.date for st in said}) == 2, said


def test_an_answer_due_on_a_weekday_and_date_sets_the_offer_answer_day(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Empresa", "Vaga", "Data envio", "Situação", "Obs"],
        ["Clínica Aurora", "Enfermeira", dt.date(2026, 11, 30), "proposta",
         "tenho até quinta 10/12 pra dar a resposta"],
    ])
    plan = compute(path, today=TODAY)[0][0].plan
    assert plan.at[2, "answer_by"].date() == dt.date(2026, 12, 10), plan.at[2, "why"]
    assert "26 de nov" not in plan.at[2, "why"] and "3 de dez" not in plan.at[2, "why"], plan.at[2, "why"]


# --- the employer did not go on with it, said of them --------------------------------------------

@pytest.mark.parametrize("text", [
    "pena, não seguiram adiante com a candidatura",
    "a clínica não vai seguir com meu processo",
    "me avisaram que não avançaram com meu nome",
    "lamentablemente no siguieron con mi perfil",
    "la empresa no va a seguir con el proceso",
])
def test_the_employer_not_going_on_is_a_refusal(text):
    assert refusal(text), text


@pytest.mark.parametrize("text", [
    "ainda não seguiram com nada, vou aguardar",
    "não segui a dica do recrutador",
    "vou seguir mandando currículo",
    "no avancé mucho con la carta",
])
def test_the_users_own_not_going_on_or_a_step_still_open_is_no_refusal(text):
    assert not refusal(text), text


def test_a_portuguese_soft_refusal_closes_the_row(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Empresa", "Vaga", "Data envio", "Obs"],
        ["Laboratório Sol", "Coleta", dt.date(2026, 11, 20), "mandaram msg: infelizmente não seguiram com meu perfil"],
        ["Hospital Lua", "Técnica", dt.date(2026, 11, 20), "ainda não seguiram com a seleção"],
    ])
    plan = compute(path, today=TODAY)[0][0].plan
    assert plan.at[2, "status"] == "Closed"
    assert plan.at[3, "status"] != "Closed"


# --- a column of days under a header that only contains a text field's word ----------------------

def test_a_column_of_days_is_no_position_however_its_header_reads():
    settings = Settings()
    grid = [
        ["Werkgever", "Traineeship", "Verstuurd", "Sluitingsdatum functie", "Opmerkingen"],
        ["Arcadis", "Data trainee", dt.date(2026, 11, 2), "15-11-2026", "eerste gesprek gehad"],
        ["Alliander", "Tech trainee", dt.date(2026, 11, 9), None, "nog niks gehoord"],
    ]
    match = find_header(grid, settings)
    assert match is not None
    assert "position" not in match.fields or match.fields["position"] != 3, match.fields


def test_a_header_naming_the_position_exactly_keeps_it():
    settings = Settings()
    grid = [
        ["Company", "Position", "Date Applied", "Notes"],
        ["Arcadis", "Data trainee", dt.date(2026, 11, 2), "first interview done"],
        ["Alliander", "Tech trainee", dt.date(2026, 11, 9), "nothing yet"],
    ]
    match = find_header(grid, settings)
    assert match is not None and match.fields["position"] == 1


# --- headers: the person one spoke with, the place one applied to --------------------------------

@pytest.mark.parametrize("header", ["Conversei com", "Hablé con", "Gesprochen mit", "Parlé à", "Gesproken met"])
def test_the_person_spoken_with_is_the_contact_in_any_language(header):
    settings = Settings()
    grid = [
        ["Firma", header, "Data", "Notas"],
        ["Vetra", "Lúcia Prado", dt.date(2026, 11, 2), "enviei cv"],
        ["Orbis", "Tomás Reis", dt.date(2026, 11, 9), "sem retorno"],
    ]
    match = find_header(grid, settings)
    assert match is not None and match.fields.get("contact") == 1, (header, match)


@pytest.mark.parametrize("header", ["応募先", "지원처"])
def test_the_place_applied_to_is_the_company(header):
    settings = Settings()
    grid = [
        [header, "職種", "応募日", "メモ"],
        ["旭川観光ホテル", "予約係", dt.date(2026, 11, 2), "連絡待ち"],
        ["小樽運河ホテル", "フロント", dt.date(2026, 11, 9), "書類送付済み"],
    ]
    match = find_header(grid, settings)
    assert match is not None and match.fields.get("company") == 0, (header, match)


def test_a_verb_of_talking_in_a_header_keeps_the_tracker_in_its_language(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Clínica / Lab", "Vaga", "Mandei o CV em", "Conversei com", "Situação", "Obs"],
        ["Lab Vértice", "Técnica", dt.date(2026, 11, 20), "Sra. Neide", "entrevista", "entrevista dia 2/12"],
        ["Clínica Horizonte", "Enfermeira", dt.date(2026, 11, 24), "Rui", "", "sem retorno"],
    ])
    sheets, _, settings = compute(path, today=TODAY)
    assert settings.language == "pt"
    assert sheets[0].tracker.columns["contact"].header == "Conversei com"


# --- a department glued before the person is not part of the name ------------------------------

@pytest.mark.parametrize("contact, greeted, left_out", [
    ("教务处刘老师", "刘老师", "处刘老师"),
    ("招生办周主任", "周主任", "办周主任"),
    ("人事の森さん", "森さん", "の森さん"),
])
def test_a_glued_department_is_not_read_aloud_as_the_name(tmp_path, contact, greeted, left_out):
    path = rows_book(tmp_path / "t.xlsx", [
        ["学校", "岗位", "投递日期", "联系人", "备注"],
        ["江汉实验小学", "美术教师", dt.date(2026, 11, 16), contact, "投了简历 还没消息"],
    ])
    sheets, _, _ = compute(path, today=TODAY)
    script = sheets[0].scripts[2]
    assert greeted in script and left_out not in script, script


# --- a call received "yesterday", told in the past in the tracker's language ----------------------

@pytest.mark.parametrize("headers, note", [
    (["Empresa", "Vaga", "Data envio", "Obs"], "a moça do RH ligou ontem, não consegui atender"),
    (["Empresa", "Puesto", "Fecha envío", "Notas"], "ayer me llamaron de RRHH y no pude contestar"),
    (["Firma", "Stelle", "Beworben am", "Notizen"], "gestern hat die Personalabteilung angerufen, verpasst"),
    (["Firma", "Stanowisko", "Data aplikacji", "Notatki"], "wczoraj dzwoniła rekruterka, nie odebrałam"),
    (["Bedrijf", "Functie", "Gesolliciteerd op", "Opmerkingen"], "gisteren belden ze van HR, gemist"),
])
def test_a_call_received_yesterday_is_returned_the_next_business_day(tmp_path, headers, note):
    # a call the day before the refresh (a Monday) is returned on the refresh day, a Tuesday
    path = rows_book(tmp_path / "t.xlsx", [headers, ["Nordal", "QA", dt.date(2026, 11, 16), note]])
    plan = compute(path, today=dt.date(2026, 12, 8))[0][0].plan
    assert plan.at[2, "employer_called"], plan.at[2, "why"]
    assert plan.at[2, "due"].date() == dt.date(2026, 12, 8), plan.at[2, "why"]


# --- a role's capitals written straight after the name --------------------------------------------

@pytest.mark.parametrize("cell, name, role", [
    ("Renata RH", "Renata", "hr"),
    ("Joost HR", "Joost", "hr"),
    ("Beatriz Lomba RRHH", "Beatriz Lomba", "hr"),
    ("Karel HM", "Karel", "hiring_manager"),
])
def test_a_role_in_capitals_after_the_name_is_a_mark(cell, name, role):
    from followup_sheet.contactrole import contact_role
    assert contact_role(cell) == (name, role)


@pytest.mark.parametrize("cell", ["Ana Hr", "Lisa Ta", "Tom Rhodes", "Smith, John"])
def test_a_name_that_only_looks_like_a_role_keeps_its_words(cell):
    from followup_sheet.contactrole import contact_role
    assert contact_role(cell).name == cell


# --- the strangers' trackers of this round, their outcomes as checked by reading ------------------

FIXTURES = Path(__file__).parent / "fixtures"
BELO_HORIZONTE = {
    2: ("Due today", "2026-12-07", "post_interview"),  # the thank-you after the talk of 4/12
    3: ("Overdue", "2026-11-10", "autoresponse"),
    4: ("Overdue", "2026-11-25", "referral"),          # Consciência Negra (Nov 20) skipped
    5: ("Due today", "2026-12-07", "competing_interest"),  # HR's call "ontem", to be returned
    6: ("Gone cold", None, ""),
    7: ("Overdue", "2026-11-16", "offer"),             # the answer is due "até sexta 11/12"
    8: ("Closed", None, ""),                           # "não seguiram com meu perfil"
    9: ("Overdue", "2026-12-03", "competing_interest"),  # voicemail left 2/12
}
GRONINGEN = {
    3: ("Overdue", "2026-12-04", "post_interview"),
    4: ("Overdue", "2026-11-23", "autoresponse"),
    5: ("Overdue", "2026-11-09", "referral"),
    6: ("Waiting", "2026-12-11", "post_interview"),    # assessment on 10 dec still ahead
    8: ("Closed", None, ""),
    10: ("Overdue", "2026-12-03", "competing_interest"),  # Karin's call of 2/12 not picked up
    11: ("Waiting", "2026-12-15", "competing_interest"),  # on leave "t/m 14 december"
}
SAPPORO = {
    4: ("Overdue", "2026-11-26", "autoresponse"),      # Labour Thanksgiving Day skipped
    5: ("Overdue", "2026-12-02", "post_interview"),
    6: ("Overdue", "2026-12-04", "competing_interest"),  # 人事's call of 12/3 not taken
    7: ("Gone cold", None, ""),
    8: ("Due soon", "2026-12-09", "competing_interest"),
    9: ("Closed", None, ""),
    11: ("Overdue", "2026-11-18", "offer"),
}
# (row, words its script says, words it never says)
SAYS_NOW = {
    "trial_world9_bh_enfermagem_libreoffice.xlsx": [
        (2, ("Cláudia", "9 de dezembro"), ()),
        (4, ("doutora Fernanda", "Júlia"), ()),
        (5, ("6 de dezembro", "Marcos"), ("Marcos RH", "equipe de")),
        (7, ("11 de dezembro",), ("13 de novembro",)),
    ],
    "trial_world9_groningen_traineeship.xlsx": [(3, ("11 december", "mevrouw Bakker"), ("30-11-2026",)),
                                                (10, ("Karin", "2 december"), ())],
    "trial_world9_sapporo_hotel_libreoffice.xlsx": [(5, ("12月10日", "田村部長"), ()), (11, ("12月14日",), ())],
}


@pytest.mark.parametrize("name, country, language, expected", [
    ("trial_world9_bh_enfermagem_libreoffice.xlsx", "BR", "pt", BELO_HORIZONTE),
    ("trial_world9_groningen_traineeship.xlsx", "NL", "nl", GRONINGEN),
    ("trial_world9_sapporo_hotel_libreoffice.xlsx", "JP", "ja", SAPPORO),
])
def test_the_strangers_trackers_of_round_nine_read_as_checked(name, country, language, expected):
    outs, _, used = compute(FIXTURES / name, today=TODAY, country=country, your_name="Sam Tester",
                            your_phone="+1 555 0100")
    assert used.language == language
    plan, scripts = outs[0].plan, outs[0].scripts
    got = status_due_situation(plan, expected)
    assert got == expected
    for row, says, never in SAYS_NOW[name]:
        for words in says:
            assert words in scripts.loc[row], (row, words, scripts.loc[row])
        for words in never:
            assert words not in scripts.loc[row], (row, words, scripts.loc[row])
    assert "why" in plan and not any("13 de nov" in str(w) for w in plan["why"]), plan["why"].tolist()


# --- a week of a month in Chinese, Japanese and Korean; a month alone in the month written ----------

@pytest.mark.parametrize("note, language", [
    ("录取结果1月第三周公布", "zh"),
    ("合否は1月第3週に連絡", "ja"),
    ("합격자 발표 1월 셋째 주", "ko"),
    ("최종 결과 1월 3주차 발표", "ko"),
])
def test_news_in_a_week_of_the_month_may_come_until_that_weeks_friday(note, language):
    # January 2027: the 1st is a Friday, so its third week runs from Monday the 11th to Friday the 15th
    said = read_statements(note, dt.date(2026, 12, 3), languages=(language, "en"))
    assert [st.date for st in said] == [dt.date(2027, 1, 15)], (note, said)
    assert said[0].kind in ("decision", "feedback")


def test_a_week_of_the_month_is_never_said_as_a_day(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["기관", "직무", "지원일", "담당", "진행", "메모"],
        ["한빛연구소", "연구원", dt.date(2026, 11, 9), "정 책임", "면접", "12월 1일 면접 봄, 결과는 12월 셋째 주"],
    ])
    sheets, _, _ = compute(path, today=TODAY)
    plan, script = sheets[0].plan, sheets[0].scripts[2]
    assert plan.at[2, "decision_on"].date() == dt.date(2026, 12, 18), plan.at[2, "why"]
    assert "18일" not in script and "2027" not in script, script


@pytest.mark.parametrize("note, language", [("12月中に連絡するとのこと", "ja"), ("이번 결과 12월 말 발표", "ko")])
def test_a_month_named_in_the_month_written_is_this_years(note, language):
    said = read_statements(note, dt.date(2026, 12, 2), languages=(language, "en"))
    assert said and all(st.date.year == 2026 for st in said), said


# --- a header cut short with a stop is no word of one language -------------------------------------

def test_a_header_cut_short_with_a_stop_keeps_the_tracker_in_its_language(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Azienda", "Ruolo", "Inviata il", "Referente", "Cell.", "Note"],
        ["Vetreria Sud", "Contabile", dt.date(2026, 11, 20), "sig.ra Costa", "333 1234567", "nessuna risposta"],
    ])
    _, _, settings = compute(path, today=TODAY)
    assert settings.language == "it"


@pytest.mark.parametrize("note, language", [
    ("담당 박 선임 12월 10일까지 출장", "ko"),
    ("负责人出差到12月10日", "zh"),
    ("担当の高橋さんは12月10日まで出張", "ja"),
])
def test_a_person_away_on_a_business_trip_until_a_day_is_back_then(note, language):
    said = read_statements(note, dt.date(2026, 11, 25), languages=(language, "en"))
    assert [(st.date, st.kind) for st in said] == [(dt.date(2026, 12, 10), "back")], said
