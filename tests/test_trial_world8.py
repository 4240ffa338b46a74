"""Trackers by strangers, round eight: a return "next week" read from the row's last contact the
same way in every script; a closed outcome the notes state with no stage beside it; an agency that
has already passed the CV on to its client."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from followup_sheet.pipeline import compute
from followup_sheet.statements import read_statements

TODAY = dt.date(2026, 12, 7)


def _book(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


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
    path = _book(tmp_path / "t.xlsx", [
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
    return _book(path, rows)


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
    path = _book(tmp_path / "t.xlsx", [
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
