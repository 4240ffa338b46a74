"""Chinese, Japanese and Korean notes: who a contact or an answer goes to (their news to hear by,
an answer the user owes, a call that came to the user whoever made it), the end of a part of a
month for news, and calls that reached nobody (rules §2, §3)."""
from __future__ import annotations

import datetime as dt

import pytest

from followup_sheet import facts
from followup_sheet.referrals import referral_in
from followup_sheet.statements import read_statements

WRITTEN = dt.date(2026, 12, 1)     # a Tuesday


def _said(text: str) -> list[tuple[str, dt.date, bool]]:
    return [(s.kind, s.date, s.mine) for s in read_statements(text, WRITTEN)]


@pytest.mark.parametrize("text, day", [
    ("面试官说周四前会通知结果", dt.date(2026, 12, 3)),          # they will notify by Thursday
    ("对方讲12月8日之前给我回个电话", dt.date(2026, 12, 8)),       # they will call me back
    ("合否連絡は12月9日までにもらえるそうです", dt.date(2026, 12, 9)),
    ("12월 10일까지 결과 알려준다고 했음", dt.date(2026, 12, 10)),
    ("人事佢話下個禮拜通知", dt.date(2026, 12, 11)),               # Cantonese: next week, until its Friday
])
def test_news_that_comes_to_the_user_is_a_day_to_hear_by(text, day):
    said = _said(text)
    assert any(kind in ("feedback", "decision") and when == day and not mine for kind, when, mine in said), said


@pytest.mark.parametrize("text, day", [
    ("人事要求我12月9日前确认是否接受", dt.date(2026, 12, 9)),
    ("入社の承諾は12月15日までに", dt.date(2026, 12, 15)),
    ("12월 11일까지 답 드리기로 했음", dt.date(2026, 12, 11)),
    ("12月10日前要回覆對方", dt.date(2026, 12, 10)),
])
def test_an_answer_the_user_owes_is_the_users_own_deadline(text, day):
    said = _said(text)
    assert any(kind == "answer" and when == day and mine for kind, when, mine in said), said


@pytest.mark.parametrize("text, day", [
    ("결과 발표는 12월 중순", dt.date(2026, 12, 20)),
    ("選考結果は12月下旬に連絡が来る", dt.date(2026, 12, 31)),
    ("结果一月份出", dt.date(2027, 1, 31)),
])
def test_news_in_a_part_of_a_month_may_come_until_that_parts_end(text, day):
    said = _said(text)
    assert any(when == day for _, when, _ in said), said


@pytest.mark.parametrize("text", [
    "昨天电话来了 我在开会没接到",
    "会社から電話をもらったが気づかなかった",
    "오전에 전화가 왔는데 회의 중이라 못 받음",
    "佢哋打嚟 我冇接到",
    # the sender, then the verb with 过 ("has called"): "人事打过电话", "HR打過電話給我"
    "人事部打过电话，没接到",
    "HR打過電話給我 當時在上班沒接",
])
def test_a_call_that_came_to_the_user_is_the_employers_whoever_made_it(text):
    assert facts._EMPLOYER_CALL.search(text) is not None


@pytest.mark.parametrize("text", [
    "我打过去问进度",
    "我给人事打过电话",
    "こちらから電話する予定",
    "내일 전화 드릴 예정",
    "自動返信メールが来た",      # a mail that came may be automatic: no person's contact by its verb alone
])
def test_the_users_own_or_planned_call_and_an_automatic_mail_are_not_the_employers(text):
    assert facts._EMPLOYER_CALL.search(text) is None


@pytest.mark.parametrize("text", ["인사팀에 전화했지만 통화 안 됨", "다시 걸었는데 부재중", "打过去冇人聽"])
def test_a_call_that_reached_nobody_in_korean_or_cantonese_is_a_retry(text):
    assert facts._attempt().search(text) is not None


@pytest.mark.parametrize("note, referrer, dept", [
    ("大学室友陈晓内推（数据平台部）", "陈晓", "数据平台部"),
    ("市場部林志明學長推薦", "林志明", "市場部"),
    ("ゼミの先輩の佐藤さんの紹介", "佐藤", ""),
    ("지인 추천 (재무팀 한서준 과장)", "한서준", "재무팀"),
    ("my cousin Ana Ruiz (data team) referred me", "Ana Ruiz", "data team"),
    # the one who did it marked by に, the department in brackets before it
    ("サークルの先輩の田村さん（人事部）に紹介してもらった", "田村", "人事部"),
    ("高橋さんに紹介していただいた", "高橋", ""),
])
def test_a_referral_the_notes_give_in_any_script(note, referrer, dept):
    assert referral_in(note) == (referrer, dept)


@pytest.mark.parametrize("note", ["想找学长内推一下", "紹介してもらう予定", "헤드헌터 소개", "朋友推荐的公司"])
def test_a_referral_still_to_ask_for_or_without_a_name_is_none(note):
    assert referral_in(note) == ("", "")


def test_a_slashed_date_in_a_cjk_note_follows_a_day_first_tracker():
    from followup_sheet.statements import cjk_dates
    written = dt.date(2026, 11, 20)
    assert [d for *_, d, _ in cjk_dates("3/12 陳小姐打嚟", written, day_first=True)] == [dt.date(2026, 12, 3)]
    assert [d for *_, d, _ in cjk_dates("3/12 陈小姐打来电话", written)] == [dt.date(2027, 3, 12)]


@pytest.mark.parametrize("text", ["打咗畀佢 留咗voicemail", "留了VM"])
def test_a_voicemail_left_in_cantonese_or_mixed_words_is_a_retry(text):
    assert facts._attempt().search(text) is not None


@pytest.mark.parametrize("words", ["SPI受検済み", "GD通過", "Webテスト受験", "在线测评"])
def test_steps_of_japanese_graduate_hiring_and_assessments_are_interviewing(words):
    from followup_sheet.plan import stage_of
    from followup_sheet.settings import Settings
    assert stage_of(words, Settings()) == "interviewing"


@pytest.mark.parametrize("cell, language, greeting", [
    ("猎头 Jenny", "zh", "Jenny，您好"),         # the function is no part of the name
    ("HR Amy", "zh", "Amy，您好"),               # and 'HR' is no German 'Hr.' (Herr): no 先生 for Amy
    ("人事 松本さん", "ja", "松本様"),
    ("이서연 헤드헌터", "ko", "이서연 헤드헌터님"),
    ("Mr Lam", "zh", "Lam先生，您好"),
])
def test_a_contact_cell_with_the_persons_function_greets_the_person(cell, language, greeting):
    from followup_sheet.language import address
    assert address(cell, language)["greet"] == greeting


@pytest.mark.parametrize("notes", ["12/3 招聘方来电 没接到，回拨过去没人接",
                                   "12/3 HR called, I missed it; called back, no answer"])
def test_a_call_back_that_reached_nobody_after_their_call_is_a_retry_whatever_the_stage_says(notes):
    employer_call, _, attempts, _, after = facts._text_facts(f"\x00{notes}\x00已投递 applied")
    assert (employer_call, attempts, after) == (False, 1, True)


def test_a_polite_refusal_in_the_stage_is_closed():
    from followup_sheet.plan import stage_of
    from followup_sheet.settings import Settings
    assert stage_of("婉拒", Settings()) == "closed"


def test_where_the_referrer_works_said_after_the_referral():
    assert referral_in("学姊周若彤内推 她在采购部") == ("周若彤", "采购部")


@pytest.mark.parametrize("text", ["結果は今週中にメールで来るらしい", "이번 주 중에 결과 알려주기로", "说这周内出结果"])
def test_news_within_this_week_may_come_until_its_friday(text):
    assert any(when == dt.date(2026, 12, 4) for _, when, _ in _said(text)), _said(text)


def test_in_a_note_of_spaced_events_the_answer_owed_is_not_their_news():
    said = _said("12/1 内定の電話あり 回答は12/11まで")
    assert ("answer", dt.date(2026, 12, 11)) in [(kind, when) for kind, when, _ in said], said


@pytest.mark.parametrize("text", ["11/30(月)一次面接 結果は今週中に連絡くれる", "11/30（一）二面 下周给结果"])
def test_a_weekday_in_brackets_is_the_dates_own_and_the_interview_stays_its(text):
    from followup_sheet.statements import cjk_dates
    found = [(d, k) for _, _, d, k in cjk_dates(text, dt.date(2026, 11, 29))]
    assert (dt.date(2026, 11, 30), "interview") in found, found


def test_a_log_entrys_interview_ends_at_a_cjk_stop():
    note = "11/27 二次面接を受けた。合否は12/8までに"
    said = [(s.kind, s.date) for s in read_statements(note, dt.date(2026, 11, 20))]
    assert ("interview", dt.date(2026, 11, 27)) in said, said


@pytest.mark.parametrize("words, stage", [("已签三方", "closed"), ("三方协议已寄回", "closed")])
def test_a_signed_campus_agreement_ends_the_search(words, stage):
    from followup_sheet.plan import stage_of
    from followup_sheet.settings import Settings
    assert stage_of(words, Settings()) == stage


def test_a_confirmation_mail_in_chinese_is_an_automatic_reply(tmp_path):
    from conftest import write_sheets

    from followup_sheet.pipeline import compute
    rows = [("青禾食品", "质检", dt.date(2026, 11, 16), "已投递", "官网提交后收到确认邮件")]
    path = write_sheets(tmp_path / "c.xlsx", ("公司", "岗位", "投递日期", "状态", "备注"), {"Sheet1": rows})
    outcomes, _, _ = compute(path, today=dt.date(2026, 12, 7), country="CN")
    assert outcomes[0].plan.loc[2, "situation"] == "autoresponse"
