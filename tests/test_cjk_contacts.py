"""A contact cell that writes the department or role before the person, as Chinese, Japanese and
Korean trackers do ('人事 小川様', '인사팀 김민지 매니저', 'HR 王女士'), names that person: the script
asks for and greets them, never '<department> 様のご担当の方'. A second or final round in
Japanese or Korean is strong interest elsewhere, as it is in the other languages."""
from __future__ import annotations

import datetime as dt

import pytest

from followup_sheet.pipeline import compute
from followup_sheet.render import person_text, team_name


@pytest.mark.parametrize("cell, person", [
    ("総務部 高田様", "高田様"),
    ("採用グループ 森さん", "森さん"),
    ("인사팀 이서연 대리", "이서연 대리"),
    ("경영지원팀 최 부장님", "최 부장님"),
    ("HR 周女士", "周女士"),
    ("人资 孙经理", "孙经理"),
    ("人事部の原田さん", "原田さん"),
    ("猎头Kevin", "Kevin"),                 # a role glued to the name
    ("獵頭黃小姐", "黃小姐"),
    ("リクルーター中川さん", "中川さん"),
])
def test_a_department_before_a_person_leaves_the_person(cell, person):
    assert person_text(cell) == person
    assert team_name(cell) == ""


@pytest.mark.parametrize("cell", ["人事部", "인사팀", "採用担当", "招聘组", "猎头", "HR課"])
def test_a_department_alone_is_still_a_team(cell):
    assert person_text(cell) == ""


def test_the_script_greets_the_person_after_the_department(make_tracker):
    path = make_tracker([{"회사": "하늘정밀", "직무": "생산기술", "지원일": dt.date(2026, 11, 16),
                          "담당자": "인사팀 정하늘 매니저", "연락처": "02-111-2222", "비고": ""}])
    outcomes, _, _ = compute(path, today=dt.date(2026, 12, 7), country="KR")
    script = str(outcomes[0].scripts.iloc[0])
    assert "정하늘 매니저님" in script
    assert "인사팀 정하늘" not in script


@pytest.mark.parametrize("elsewhere", ["最終面接", "2차면접 완료", "임원 면접", "役員面接待ち"])
def test_a_later_round_in_japanese_or_korean_is_strong_interest_elsewhere(make_tracker, elsewhere):
    path = make_tracker([
        {"Company": "Firm A", "Date Applied": dt.date(2026, 11, 20), "Stage": "Applied", "Notes": ""},
        {"Company": "Firm B", "Date Applied": dt.date(2026, 11, 10), "Stage": elsewhere, "Notes": ""},
    ])
    outcomes, _, _ = compute(path, today=dt.date(2026, 12, 7), country="JP")
    assert outcomes[0].plan["situation"].iloc[0] == "competing_interest"


@pytest.mark.parametrize("note, referrer, dept", [
    ("舊同事Winnie Cheung (marketing team) 介紹", "Winnie Cheung", "marketing team"),
    ("大学室友刘洋（风控部）介绍的", "刘洋", "风控部"),
    ("先輩の岡本さん（営業部）からの紹介", "岡本", "営業部"),
    ("學姊林佳蓉(財務處)內推", "林佳蓉", "財務處"),            # Taiwan's 處 is a department too
])
def test_a_referral_in_the_notes_names_the_referrer(note, referrer, dept):
    from followup_sheet.referrals import referral_in
    assert referral_in(note) == (referrer, dept)
