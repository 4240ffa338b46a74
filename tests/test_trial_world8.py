"""Trackers by strangers, round eight: a return "next week" read from the row's last contact the
same way in every script; a closed outcome the notes state with no stage beside it; an agency that
has already passed the CV on to its client."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import rows_book, status_due_situation

from followup_sheet.pipeline import compute
from followup_sheet.statements import read_statements

TODAY = dt.date(2026, 12, 7)


# --- a return "next week": a week after the day the note was written, in every script ---------

@pytest.mark.parametrize("note", [
    "Sachbearbeiterin im Urlaub, nächste Woche wieder da",
    "she's out, back next week",
    "lo stesso referente rientra la prossima settimana",
    "プロジェクト担当の山本さん、来週戻ってくるとのこと",
    "채용 담당 과장님 다음 주 출근하신다고 함",
    "负责人出差 下周回来再联系",
    "負責人出差 下週回來",
])
def test_next_week_is_a_week_after_the_day_written_in_any_script(note):
    friday = dt.date(2026, 12, 4)
    said = read_statements(note, friday, languages=("en", "de", "it", "ja", "ko", "zh"))
    assert said, note
    assert said[0].date == friday + dt.timedelta(days=7), (note, said)


def test_news_next_week_in_east_asian_notes_may_still_come_until_that_friday():
    said = read_statements("結果は来週中に連絡", dt.date(2026, 12, 2), languages=("ja",))
    assert [st.date for st in said] == [dt.date(2026, 12, 11)]


def test_a_return_next_week_counts_from_the_last_contact_not_from_the_day_applied(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Company", "Role", "Applied", "Last Contact", "Contact", "Notes"],
        ["Sato Kogyo", "QA", dt.date(2026, 11, 16), dt.date(2026, 12, 4), "佐藤", "佐藤さん出張中 来週戻ります"],
        ["Hanil", "QA", dt.date(2026, 11, 16), dt.date(2026, 12, 4), "박", "박 팀장님 휴가, 다음 주에 복귀"],
        ["Lanting", "QA", dt.date(2026, 11, 16), dt.date(2026, 12, 4), "李", "李经理休假中 下周回来"],
        ["Birch", "QA", dt.date(2026, 11, 16), dt.date(2026, 12, 4), "Ann", "Ann on leave, back next week"],
    ])
    sheets, _, _ = compute(path, today=TODAY)
    plan = sheets[0].plan
    for row in (2, 3, 4, 5):
        assert plan.at[row, "status"] != "Due today", (row, plan.at[row, "why"])
        assert plan.at[row, "due"].date() == dt.date(2026, 12, 11), (row, plan.at[row, "due"], plan.at[row, "why"])


# --- a closed outcome the notes state, with no stage cell to contradict it ----------------------

_ENDED = [
    "erst Telefonat mit AG, dann kam die Absage per Mail",
    "On a appris qu'ils ont retenu un autre profil",
    "eligieron a otra persona para el puesto",
    "mi hanno scartato dopo il colloquio conoscitivo",
    "nos, przyszła odmowa od firmy",
    "最終面接の後 不採用の通知が来た",
    "면접 후 불합격 통보 받음",
    "电话面后 被拒了",
    "went w/ an internal hire in the end",
]
_STILL_OPEN = [
    "hoping they don't pick someone else",
    "noch keine Absage, also abwarten",
    "si me rechazan, sigo buscando",
    "pewnie odrzucili, brak odpowiedzi",
    "不採用なら連絡なしとのこと",
    "아직 불합격 통보 없음",
    "afraid they'll go with another candidate",
]


def _closing_book(path: Path, notes: list[str], stage: str = "") -> Path:
    rows: list[list[object]] = [["Org", "Role", "Applied on", "Status", "Comments"]]
    rows += [[f"Firma {k}", "Planner", dt.date(2026, 11, 23), stage, note] for k, note in enumerate(notes)]
    return rows_book(path, rows)


def test_a_plain_end_in_the_notes_closes_a_row_with_no_stage_and_cites_the_note(tmp_path):
    sheets, _, _ = compute(_closing_book(tmp_path / "t.xlsx", _ENDED), today=TODAY)
    plan = sheets[0].plan
    for k, note in enumerate(_ENDED):
        row = k + 2
        assert plan.at[row, "status"] == "Closed", (note, plan.at[row, "status"], plan.at[row, "check"])
        assert [f.source for f in plan.at[row, "facts"] if f.kind == "closed"] == [f"Comments, E{row}"], note


def test_an_end_negated_hoped_feared_or_conditional_leaves_the_row_open(tmp_path):
    sheets, _, _ = compute(_closing_book(tmp_path / "t.xlsx", _STILL_OPEN), today=TODAY)
    plan = sheets[0].plan
    for k, note in enumerate(_STILL_OPEN):
        row = k + 2
        assert plan.at[row, "status"] not in ("Closed", "Check data"), (note, plan.at[row, "status"],
                                                                         plan.at[row, "check"])


def test_an_end_in_the_notes_beside_an_open_stage_cell_is_still_asked_about(tmp_path):
    sheets, _, _ = compute(_closing_book(tmp_path / "t.xlsx", _ENDED[:3], stage="Applied"), today=TODAY)
    assert set(sheets[0].plan["status"]) == {"Check data"}


# --- the agency has passed the CV on to its client: the recruiter script asks for their feedback --

# (language, a note saying the recruiter passed the CV on, a note that does not, what the script says then)
_PASSED_ON = [
    ("en", "Priya at the agency fwd my CV to the client on Mon", "Priya says she'll send my CV to the client soon",
     "gone to the client"),
    ("de", "Hr. Brandl hat meinen Lebenslauf an den Kunden weitergeleitet", "Lebenslauf noch nicht beim Kunden",
     "an den Kunden weitergeleitet"),
    ("fr", "la consultante a transmis mon CV au client hier", "j'ai transmis mon CV au client moi-même",
     "transmis mon dossier au client"),
    ("es", "la consultora ya pasó mi CV a la empresa cliente", "si le gusta, pasará mi CV al cliente",
     "se envió al cliente"),
    ("it", "la recruiter ha girato il mio curriculum al cliente", "spero che mandi il curriculum al cliente",
     "inoltrato al cliente"),
    ("pt", "a consultora encaminhou meu currículo para o cliente", "ainda não encaminhou o currículo ao cliente",
     "encaminhado ao cliente"),
    ("nl", "bureau heeft mijn cv doorgestuurd naar de opdrachtgever", "ik heb mijn cv zelf naar de klant gestuurd",
     "naar de klant gestuurd"),
    ("pl", "rekruterka przekazała moje CV klientowi", "przesłałam CV do klienta sama",
     "przekazane klientowi"),
    ("zh", "猎头说已经把简历推给客户了", "猎头还没把简历推给客户", "推荐给客户了"),
    ("ja", "エージェントの方が履歴書を企業に推薦済み", "履歴書を企業に推薦する予定", "ご推薦いただいたと"),
    ("ko", "헤드헌터가 이력서를 고객사에 전달함", "이력서 고객사에 전달 예정", "고객사에 전달된 것으로"),
]


@pytest.mark.parametrize("language, passed, not_passed, says", _PASSED_ON)
def test_a_recruiter_who_passed_the_cv_on_is_asked_for_the_clients_feedback(tmp_path, language, passed,
                                                                             not_passed, says):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Company", "Role", "Applied", "Source", "Contact", "Phone", "Email", "Notes"],
        ["Kestrel", "Planner", dt.date(2026, 11, 25), "agency", "Dana Fox", "+49 30 5550100", "", passed],
        ["Kestrel", "Planner", dt.date(2026, 11, 25), "agency", "Dana Fox", "", "dana@example.com", passed],
        ["Osprey", "Planner", dt.date(2026, 11, 25), "agency", "Dana Fox", "+49 30 5550100", "", not_passed],
    ])
    sheets, _, _ = compute(path, today=TODAY, language=language)
    plan, scripts = sheets[0].plan, sheets[0].scripts
    for row in (2, 3):
        assert plan.at[row, "situation"] == "recruiter", (row, plan.at[row, "situation"])
        assert says in scripts.loc[row], (row, scripts.loc[row])
        assert [f.source for f in plan.at[row, "facts"] if f.kind == "cv_forwarded"] == [f"Notes, H{row}"]
    assert says not in scripts.loc[4], scripts.loc[4]
    assert not [f for f in plan.at[4, "facts"] if f.kind == "cv_forwarded"]


def test_the_english_sentence_about_the_clients_feedback_names_its_note():
    from followup_sheet.explain import _CLAIMS
    sentence = "I understand my résumé has gone to the client: has there been any feedback yet?"
    assert [kinds for pattern, kinds in _CLAIMS if pattern.search(sentence)] == [("cv_forwarded",)]


# --- a tracker's language when a few of its words are ones no list tags --------------------------

def test_a_german_tracker_with_a_loanword_or_two_speaks_german(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Unternehmen", "Stelle", "Beworben am", "Stand", "Ansprechpartner", "Mail", "Notiz"],
        ["Lechwerke", "Elektroniker", "12.11.2026", "Absage", "", "", ""],
        ["Zollner", "Prüftechniker", "19.11.2026", "Vorstellungsgespräch", "Fr. Ertl", "ertl@zollner.example",
         "Probearbeiten nächste Woche"],
        ["Hirschvogel", "Mechatroniker", "26.11.2026", "beworben", "", "", ""],
    ])
    _, _, used = compute(path, today=TODAY)
    assert used.language == "de"


def test_an_english_tracker_with_a_german_stage_word_stays_english(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Company", "Role", "Applied", "Stage", "Contact", "Email", "Notes"],
        ["Lechwerke", "Electrician", dt.date(2026, 11, 12), "Absage", "", "", ""],
        ["Zollner", "Test tech", dt.date(2026, 11, 19), "Interview", "Ms Ertl", "ertl@zollner.example", ""],
        ["Hirschvogel", "Mechatronics", dt.date(2026, 11, 26), "Applied", "", "", ""],
    ])
    _, _, used = compute(path, today=TODAY)
    assert used.language == "en"


# --- half-width katakana -------------------------------------------------------------------------

def test_half_width_katakana_reads_as_full_width():
    from followup_sheet.read import full_width_kana
    assert full_width_kana("ｸﾎﾞﾀさん(ﾘｸﾙｰﾀｰ)から連絡") == "クボタさん(リクルーター)から連絡"
    assert full_width_kana("Ｑ３ ｴﾝﾄﾘｰ済") == "Ｑ３ エントリー済"      # (only the katakana changes)


def test_a_call_told_in_half_width_katakana_is_the_employers_call(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["会社名", "職種", "応募日", "最終連絡日", "担当者", "電話", "備考"],
        ["東海精機", "品質保証", "2026/11/18", "2026/12/04", "ﾖｼﾀﾞ", "052-555-0150", "ﾖｼﾀﾞさんから電話あり 出られず"],
    ])
    sheets, _, _ = compute(path, today=TODAY)
    plan = sheets[0].plan
    assert bool(plan.at[2, "employer_called"]), plan.at[2, "why"]
    assert plan.at[2, "due"].date() == TODAY
    assert "ヨシダ" in sheets[0].scripts.loc[2]


# --- an agency said in Japanese: in the company's name or beside the contact ---------------------

def test_a_japanese_agency_in_the_company_name_or_beside_the_contact_is_the_recruiters(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["会社名", "職種", "応募日", "担当者", "電話", "備考"],
        ["東海キャリアエージェント", "品質保証", "2026/11/24", "小林", "052-555-0160", ""],
        ["三河精工", "品質管理", "2026/11/24", "伊藤(ｴｰｼﾞｪﾝﾄ)", "052-555-0161", ""],
        ["三河精工", "品質管理", "2026/11/24", "伊藤(人事部)", "052-555-0162", ""],
    ])
    sheets, _, _ = compute(path, today=TODAY)
    plan = sheets[0].plan
    assert plan.at[2, "situation"] == "recruiter" and plan.at[3, "situation"] == "recruiter", plan["situation"]
    assert plan.at[4, "situation"] != "recruiter"


# --- a date-applied column no header list names, its dates typed day first ------------------------

def test_a_typed_day_first_column_of_application_dates_is_the_date_applied(tmp_path):
    # ('Currículo enviado': the CV sent; the dates typed as Portugal and Brazil write them)
    path = rows_book(tmp_path / "t.xlsx", [
        ["Empresa", "Vaga", "Currículo enviado", "Último contato", "Situação", "Obs"],
        ["Natura", "Compradora", "17/11/2026", "", "enviado", ""],
        ["Renner", "Compradora", "09/11/2026", "01/12/2026", "entrevista", ""],
        ["Riachuelo", "Analista", "20/11/2026", "03/12/2026", "", ""],
        ["Arezzo", "Compradora", "02/12/2026", "", "", ""],
    ])
    sheets, _, _ = compute(path, today=TODAY)
    columns = sheets[0].tracker.columns
    assert columns["applied_on"].header == "Currículo enviado"
    plan = sheets[0].plan
    assert plan.at[5, "due"].date() == dt.date(2026, 12, 9), plan.at[5, "why"]
    assert "Check data" not in set(plan["status"])


def test_typed_dates_are_compared_in_the_order_the_sheet_types_them():
    from followup_sheet.dates import cell_date, typed_day_first
    assert typed_day_first(["16/11/2026", "02/12/2026", None, 3])
    assert not typed_day_first(["11/16/2026", "12/02/2026"])
    assert cell_date("02/12/2026", day_first=True) == dt.date(2026, 12, 2)
    assert cell_date("02/12/2026") == dt.date(2026, 2, 12)


# --- a tracker kept in two languages: the notes are read in both ---------------------------------

def test_a_bilingual_trackers_notes_are_read_in_its_other_language_too(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Company", "Poste", "Applied on", "Dernier contact", "Statut", "Contact", "Notes"],
        ["Caisse Pop", "Agente", dt.date(2026, 11, 20), dt.date(2026, 12, 1), "Applied", "M. Côté",
         "M. Côté absent jusqu'au 15 décembre"],
        ["Bell", "CSR", dt.date(2026, 11, 20), dt.date(2026, 12, 1), "Phone screen", "Julie", ""],
        ["Telus", "Agent", dt.date(2026, 11, 25), None, "Offer", "Nadia", ""],
    ])
    sheets, _, used = compute(path, today=TODAY)
    assert used.language == "en" and used.note_languages == ("fr",)
    assert sheets[0].plan.at[2, "due"].date() == dt.date(2026, 12, 15), sheets[0].plan.at[2, "why"]


# --- the strangers' trackers of this round, their outcomes as checked by reading ------------------

FIXTURES = Path(__file__).parent / "fixtures"
MUENCHEN = {
    3: ("Overdue", "2026-11-23", "autoresponse"),
    4: ("Overdue", "2026-12-03", "post_interview"),    # the thank-you after the talk of 2.12.
    5: ("Waiting", "2026-12-11", "post_interview"),    # Probearbeiten on 10.12. still ahead
    6: ("Closed", None, ""),
    7: ("Overdue", "2026-12-01", "check_in"),          # Fr. Huber's call not picked up: called back
    8: ("Due today", "2026-12-07", "recruiter"),       # the profile is with the agency's client
    9: ("Due soon", "2026-12-09", "check_in"),
    10: ("Waiting", "2026-12-14", "check_in"),         # on leave until 14.12.
    11: ("Gone cold", None, ""),
    13: ("Waiting", "2026-12-14", "check_in"),         # "se melden sich in 2 Wochen"
    14: ("Closed", None, ""),                          # "Absage erhalten", no stage
}
NAGOYA = {
    3: ("Overdue", "2026-11-24", "autoresponse"),      # Labour Thanksgiving Day skipped
    4: ("Overdue", "2026-12-03", "post_interview"),
    5: ("Due today", "2026-12-07", "check_in"),        # ﾀﾅｶさん's call on 12/4, to be returned
    6: ("Closed", None, ""),
    7: ("Closed", None, ""),                           # 不採用の連絡あり, no stage
    8: ("Due today", "2026-12-07", "recruiter"),       # an agency, the CV recommended to the employer
    9: ("Waiting", "2026-12-11", "check_in"),          # back "next week", written on Friday 12/4
    10: ("Waiting", "2026-12-10", "check_in"),
    11: ("Gone cold", None, ""),
}
MILANO = {
    3: ("Overdue", "2026-11-23", "autoresponse"),
    4: ("Due today", "2026-12-07", "post_interview"),  # "mi risentono entro venerdì": no news by the 4th
    5: ("Overdue", "2026-12-04", "competing_interest"),  # Marco Galli's missed call, returned
    6: ("Closed", None, ""),
    7: ("Closed", None, ""),
    8: ("Due today", "2026-12-07", "recruiter"),
    9: ("Due soon", "2026-12-10", "competing_interest"),  # back on 10/12; the 8th is a holiday
    10: ("Waiting", "2026-12-11", "competing_interest"),
    11: ("Gone cold", None, ""),
    12: ("Overdue", "2026-11-30", "referral"),
    13: ("Due soon", "2026-12-09", "offer"),
    14: ("Overdue", "2026-12-02", "competing_interest"),  # only hoped they pick no one else: open
}
# (row, words its script says, words it never says)
SAYS = {
    "trial_world8_muenchen.xlsx": [(8, ("an den Kunden weitergeleitet",), ("Fachabteilung",)),
                                   (7, ("Frau Huber", "angerufen"), ()),
                                   (5, ("10. Dezember",), ("Dank noch einmal für das Gespräch",)),
                                   (4, ("11. Dezember",), ())],
    "trial_world8_nagoya.xlsx": [(8, ("ご推薦いただいた",), ("御社",)), (5, ("折り返し",), ())],
    "trial_world8_milano_libreoffice.xlsx": [(8, ("inoltrato al cliente", "19 novembre"), ("inviata di recente",)),
                                             (12, ("Paola Riva",), ()), (13, ("11 dicembre",), ())],
}


@pytest.mark.parametrize("name, country, language, expected", [
    ("trial_world8_muenchen.xlsx", "DE-BY", "de", MUENCHEN),
    ("trial_world8_nagoya.xlsx", "JP", "ja", NAGOYA),
    ("trial_world8_milano_libreoffice.xlsx", "IT", "it", MILANO),
])
def test_the_strangers_trackers_of_round_eight_read_as_checked(name, country, language, expected):
    outs, _, used = compute(FIXTURES / name, today=TODAY, country=country, your_name="Sam Tester",
                            your_phone="+1 555 0100")
    assert used.language == language
    plan, scripts = outs[0].plan, outs[0].scripts
    got = status_due_situation(plan, expected)
    assert got == expected
    for row, says, never in SAYS[name]:
        for words in says:
            assert words in scripts.loc[row], (row, words, scripts.loc[row])
        for words in never:
            assert words not in scripts.loc[row], (row, words, scripts.loc[row])


@pytest.mark.parametrize("note", [
    "entrevue téléphonique le 2 déc, la recruteuse me revient la semaine prochaine",
    "1re entrevue faite le 2 déc., ils vont me revenir next week",
    "appel avec RH le 2 déc, on me reviendra vendredi",
])
def test_their_news_said_with_revenir_is_a_day_to_hear_by_not_an_interview(note):
    said = read_statements(note, dt.date(2026, 12, 2), languages=("en", "fr"))
    assert said and said[-1].kind == "feedback", said


@pytest.mark.parametrize("note", [
    "relancé par courriel, mon interlocutrice est en réunion",
    "Mon dossier est chez le client",
    "la recruteuse a transmis mon CV",
])
def test_french_mon_before_its_noun_is_no_monday(note):
    assert not read_statements(note, dt.date(2026, 11, 26), languages=("fr", "en"))


@pytest.mark.parametrize("note, day", [
    ("entrevue Mon 10am", dt.date(2026, 11, 30)),
    ("rappel Mon", dt.date(2026, 11, 30)),
    ("call back mon", dt.date(2026, 11, 30)),
])
def test_an_english_monday_stays_a_monday_in_a_french_reading(note, day):
    said = read_statements(note, dt.date(2026, 11, 26), languages=("fr", "en"))
    assert [st.date for st in said] == [day]


def test_a_choice_of_someone_else_in_the_spanish_perfect_closes_and_its_condition_does_not(tmp_path):
    notes = ["nos dijeron que han cogido a otra persona", "al final han elegido a otro candidato",
             "si han cogido a otra persona, mala suerte", "no han contratado a otra persona todavía"]
    sheets, _, _ = compute(_closing_book(tmp_path / "t.xlsx", notes), today=TODAY)
    assert list(sheets[0].plan["status"])[:2] == ["Closed", "Closed"]
    assert "Closed" not in list(sheets[0].plan["status"])[2:] and "Check data" not in list(sheets[0].plan["status"])


def test_a_contact_header_over_dates_is_the_last_contact_and_persona_is_the_person(tmp_path):
    path = rows_book(tmp_path / "t.xlsx", [
        ["Empresa", "Puesto", "Fecha de envío", "Ult. contacto", "Persona", "Notas"],
        ["Ayesa", "Técnica", "09/11/26", "27/11/26", "Dña. Pilar Soto", ""],
        ["Abengoa", "Analista", "13/11/26", "02/12/26", "Jorge", ""],
        ["Cosentino", "Técnica", "18/11/26", "", "", ""],
    ])
    sheets, _, used = compute(path, today=TODAY)
    columns = sheets[0].tracker.columns
    assert columns["last_contact"].header == "Ult. contacto" and columns["contact"].header == "Persona"
    assert used.language == "es"
    assert sheets[0].plan.at[3, "due"].date() == dt.date(2026, 12, 11)     # from the last contact, 2/12
