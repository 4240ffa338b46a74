"""Trackers kept in Japanese, Korean and Chinese (simplified, and traditional as in Taiwan): their
headers, dates, stage words, who called whom, and the dates their notes state, as people there
write them (rules §1-§3, the reader's own patterns for these languages)."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import assert_rows, write_sheets

from followup_sheet import facts
from followup_sheet.dates import _text_date
from followup_sheet.headers import _concept_field
from followup_sheet.pipeline import compute
from followup_sheet.plan import classify_stage
from followup_sheet.settings import Settings
from followup_sheet.statements import cjk_dates

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("header, field", [
    ("채용 담당자", "contact"), ("담당자 이메일", "contact_email"), ("휴대폰 번호", "contact_phone"),
    ("진행 현황", "stage"), ("최근 연락 날짜", "last_contact"), ("지원경로", "source"),
    ("採用担当", "contact"), ("担当者メール", "contact_email"), ("メールアドレス", "contact_email"),
    ("経路", "source"),
    # traditional characters, as Taiwan and Hong Kong write them
    ("公司名稱", "company"), ("應徵職缺", "position"), ("投遞日期", "applied_on"), ("聯絡電話", "contact_phone"),
    ("最後聯繫日", "last_contact"), ("聯絡人", "contact"),
])
def test_a_header_in_chinese_japanese_or_korean_is_its_field(header, field):
    found = _concept_field(header)
    assert found is not None and found[0] == field, found


@pytest.mark.parametrize("header", ["번호", "名称", "連絡先"])
def test_a_header_of_small_or_vague_words_is_no_field(header):
    assert _concept_field(header) is None


@pytest.mark.parametrize("text, day", [
    ("令和8年10月5日", dt.date(2026, 10, 5)), ("R8.9.30", dt.date(2026, 9, 30)),
    ("平成31年4月1日", dt.date(2019, 4, 1)), ("令和元年7月8日", dt.date(2019, 7, 8)),
    ("民國115年10月5日", dt.date(2026, 10, 5)), ("115/10/05", dt.date(2026, 10, 5)),
    ("2026. 10. 5.", dt.date(2026, 10, 5)), ("2026년 10월 5일", dt.date(2026, 10, 5)),
])
def test_era_and_east_asian_dates_in_a_date_column(text, day):
    assert _text_date(text, "mdy") == day


@pytest.mark.parametrize("text", ["10月5日", "10월 5일"])
def test_a_date_without_its_year_says_so(text):
    said = _text_date(text, "mdy")
    assert not isinstance(said, dt.date) and said is not None and "no year" in str(said)


@pytest.mark.parametrize("words, stage", [
    ("不採用", "closed"), ("内定辞退", "closed"), ("お見送り", "closed"), ("応募予定", "not_applied"),
    ("書類選考中", "applied"), ("適性検査", "interviewing"),
    ("최종 불합격", "closed"), ("서류 탈락", "closed"), ("인적성 검사", "interviewing"), ("지원 예정", "not_applied"),
    ("终面", "interviewing"), ("三面挂了", "closed"), ("收到感谢信", "closed"),
    ("未錄取", "closed"), ("錄取通知", "offer"), ("二面結束", "interviewing"),
])
def test_stage_words_of_the_three_languages(words, stage, tmp_path):
    settings = Settings(language="zh") if any("\u4e00" <= ch <= "\u9fff" for ch in words) else Settings()
    got = classify_stage(pd.Series([words]), settings).iloc[0]
    if got == "applied" and stage != "applied":
        # traditional characters are read through the plan (the tracker's text as written)
        got = _plan_of(tmp_path, words, "zh").iloc[0]["stage"]
    assert got == stage


def _plan_of(tmp_path, stage_text, language, notes=""):
    headers = ("公司", "岗位", "投递日期", "最近联系", "状态", "备注")
    rows = [("甲公司", "会计", dt.date(2026, 11, 20), dt.date(2026, 12, 3), stage_text, notes)]
    path = write_sheets(tmp_path / "t.xlsx", headers, {"Sheet1": rows})
    outcomes, _, _ = compute(path, today=dt.date(2026, 12, 7), language=language, country="CN")
    return outcomes[0].plan


def _employer_calls(text):
    return [m.group(0) for m in facts._hits(facts._EMPLOYER_CALL, text)]


@pytest.mark.parametrize("text", [
    "採用の田中さんから電話あったけど会議中で出られなかった",
    "채용팀 이 대리님한테서 전화 왔었는데 운전중이라 못 받았음",
    "招聘经理打来电话 在地铁上没接到",
    "人資昨天打電話來 我沒接到",
])
def test_a_call_the_user_missed_is_the_employers_call(text):
    from followup_sheet.hanzi import simplified

    assert _employer_calls(simplified(text)), text


@pytest.mark.parametrize("text", [
    "我给人事打了电话",         # the user called HR
    "没有收到HR的电话",          # no call came
    "회사 근처에서 전화했음",      # the user called, near the company
])
def test_the_users_own_call_or_a_call_that_never_came_is_not_the_employers(text):
    assert not _employer_calls(text), text


@pytest.mark.parametrize("text", [
    "先方に電話したが留守番電話だった", "打过去没人接", "인사팀에 전화했는데 안 받음 음성 메시지 남김",
])
def test_a_call_that_reached_nobody_is_a_retry(text):
    assert facts._attempt().search(text)


WRITTEN = dt.date(2026, 12, 2)     # a Wednesday


@pytest.mark.parametrize("text, kind, day", [
    ("选拔结果下周出来", "decision", dt.date(2026, 12, 11)),          # news next week: until its Friday
    ("合否は来週中に連絡をいただける予定", "decision", dt.date(2026, 12, 11)),
    ("채용 잠정 보류 내년 2월쯤 재개", "hold", dt.date(2027, 2, 1)),
    ("三月份再联系", "call_back", dt.date(2027, 3, 1)),
])
def test_dates_a_note_states(text, kind, day):
    found = [(k, d) for _, _, d, k in cjk_dates(text, WRITTEN)]
    assert (kind, day) in found, found


def test_between_two_dates_each_takes_the_words_nearer_to_it():
    found = [(k, d) for _, _, d, k in cjk_dates("11/28 2차 면접 완료 결과 발표는 12월 8일", WRITTEN)]
    assert ("interview", dt.date(2026, 11, 28)) in found, found
    assert ("decision", dt.date(2026, 12, 8)) in found, found


def test_a_chinese_tracker_with_english_loanwords_speaks_chinese(tmp_path):
    headers = ("公司", "岗位", "投递日期", "状态", "备注")
    rows = [("乙科技", "前端", dt.date(2026, 11, 20), "offer", ""),
            ("丙网络", "测试", dt.date(2026, 11, 25), "HR面", "")]
    path = write_sheets(tmp_path / "t.xlsx", headers, {"Sheet1": rows})
    _, _, settings = compute(path, today=dt.date(2026, 12, 7), country="CN")
    assert settings.language == "zh"


def test_a_tracker_headed_in_traditional_characters_is_chinese_not_japanese(tmp_path):
    headers = ("公司名稱", "應徵日期", "進度", "備註")
    rows = [("丁光電", dt.date(2026, 11, 20), "已投遞", "")]
    path = write_sheets(tmp_path / "t.xlsx", headers, {"Sheet1": rows})
    _, _, settings = compute(path, today=dt.date(2026, 12, 7), country="TW")
    assert settings.language == "zh"


def test_a_japanese_tracker_headed_only_in_kanji_stays_japanese(tmp_path):
    headers = ("会社名", "応募日", "状況", "備考")
    rows = [("戊商事", dt.date(2026, 11, 20), "応募済み", "")]
    path = write_sheets(tmp_path / "t.xlsx", headers, {"Sheet1": rows})
    _, _, settings = compute(path, today=dt.date(2026, 12, 7), country="JP")
    assert settings.language == "ja"


def test_a_contacts_note_in_full_width_brackets_is_not_read_aloud():
    from followup_sheet.render import note_free, person_text

    assert note_free("周女士（猎头公司）") == "周女士"
    assert person_text("高橋【人事部】") == "高橋"


# Two trackers kept as people in Japan and Taiwan keep them (a title row over a merged cell, their
# own header words, 令和 and 民國 dates, a second sheet, a column the tool does not know), each row
# checked by reading it. Pinned: status, next date, which script, and what its sentences claim.
D = pd.Timestamp
JA_ROWS = {   # sheet row: (status, next date, situation, words the script says, words it must not say)
    4: ("Overdue", D("2026-11-24"), "autoresponse", ["自動返信"], []),       # 11/23 is a holiday in Japan
    # their call, missed: return it (and the offer of row 10 is real: strong interest elsewhere)
    5: ("Overdue", D("2026-12-03"), "competing_interest", ["佐藤様", "折り返し"], []),
    6: ("Due today", D("2026-12-07"), "post_interview", ["12月11日"], ["12月7日までに"]),   # 来週中: by Friday
    7: ("Overdue", D("2026-12-01"), "post_interview", ["12月10日"], []),
    8: ("Closed", None, "", [], []), 9: ("Gone cold", None, "", [], []),
    # 11月20日 in the date column, without its year: the 20th of November nearest the day of the run
    10: ("Due today", D("2026-12-07"), "offer", ["高橋様", "内定"], []),
    11: ("Waiting", D("2026-12-14"), "competing_interest", [], []),
    13: ("Closed", None, "", [], []), 14: ("Not applied", None, "", [], []),
    15: ("Waiting", D("2026-12-10"), "post_interview", ["12月9日"], []),
    16: ("Due today", D("2026-12-07"), "competing_interest", [], []),    # the answering machine: retried next day
}
TW_ROWS = {
    4: ("Overdue", D("2026-11-23"), "autoresponse", ["自動回覆"], ["自动回复"]),   # 115/11/16 is 2026; traditional
    5: ("Overdue", D("2026-12-04"), "post_interview", ["12月11日", "林女士"], []),
    6: ("Closed", None, "", [], []),
    7: ("Due today", D("2026-12-07"), "competing_interest", ["陳先生", "回電"], ["回电"]),
    8: ("Overdue", D("2026-12-04"), "offer", ["12月10日"], []),
    9: ("Due today", D("2026-12-07"), "referral", ["王大明", "研發部"], []),   # a referral said only in the notes
    10: ("Gone cold", None, "", [], []),     # "石沉大海": the note says it went silent, Gone cold (the Why cites it)
    11: ("Waiting", D("2026-12-10"), "post_interview", ["12月9日"], []),
    13: ("Waiting", D("2026-12-10"), "competing_interest", ["12月10日"], []),   # the offer above is real
}


@pytest.mark.parametrize("name, country, language, expected", [
    ("ja_tenshoku.xlsx", "JP", "ja", JA_ROWS), ("tw_oubo.xlsx", "TW", "zh", TW_ROWS)])
def test_trackers_kept_in_japan_and_taiwan(tmp_path, name, country, language, expected):
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    outcomes, _, settings = compute(path, today=dt.date(2026, 12, 7), country=country)
    assert settings.language == language
    plan, scripts = outcomes[0].plan, outcomes[0].scripts
    assert sorted(plan.index) == sorted(expected)
    assert_rows(plan, scripts, expected)


@pytest.mark.parametrize("header, field", [
    ("エントリー日", "applied_on"), ("直近の連絡", "last_contact"), ("選考ステップ", "stage"), ("媒体", "source"),
    ("서류 제출일", "applied_on"), ("모집 분야", "position"), ("현재 상태", "stage"),
    ("投简历日期", "applied_on"), ("上次沟通", "last_contact"), ("备注说明", "notes"),
])
def test_more_ways_to_head_a_column(header, field):
    found = _concept_field(header)
    assert found is not None and found[0] == field, found


def test_a_department_that_called_is_a_sender_and_a_promised_call_is_no_call():
    assert _employer_calls("11/30 総務課から電話あり、出られず")
    assert not _employer_calls("採用担当から電話するので待っていてほしいとのこと")
    assert not _employer_calls("인사팀에서 다음 주에 전화 준다고 함")


def test_nobody_there_when_the_user_called_is_a_retry():
    assert facts._attempt().search("先方に電話したけど不在だった")


@pytest.mark.parametrize("text, day", [
    ("選考は一旦ストップ、2月下旬に再開の見込み", dt.date(2027, 2, 21)),
    ("招聘暂停 明年3月中旬再联系", dt.date(2027, 3, 11)),
])
def test_a_part_of_a_month(text, day):
    assert day in [d for _, _, d, _ in cjk_dates(text, WRITTEN)]


@pytest.mark.parametrize("text, kind, day", [
    ("12/1一面 面完HR说三天内给结果", "decision", dt.date(2026, 12, 5)),
    ("1週間以内に合否をご連絡しますとのこと", "decision", dt.date(2026, 12, 9)),
    ("11/30 二面 聊完说下周出结果", "interview", dt.date(2026, 11, 30)),     # the result is next week's
])
def test_within_a_period_and_the_words_of_each_date(text, kind, day):
    found = [(k, d) for _, _, d, k in cjk_dates(text, WRITTEN)]
    assert (kind, day) in found, found
