"""Trackers written as a Shenzhen developer changing jobs (社招: headhunters, 背调, 谈薪), a
Hong Kong applicant mixing Cantonese and English, a Korean new graduate (신입 공채: 서류합격,
인적성, 1차 면접, 최종) and a Japanese mid-career applicant (中途: エージェント, カジュアル面談,
令和 dates), with year-less dates ('11月9日', '12.2(수)', '11/16'), a title row over a merged
cell and a second sheet; each row checked by reading it. Pinned: the rows read right, with
their status, next date, script and the words the script must and must not say."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import assert_rows

from followup_sheet.pipeline import compute

FIXTURES = Path(__file__).parent / "fixtures"
D = pd.Timestamp

ZH_ROWS = {   # sheet row: (status, next date, situation, words the script says, words it must not say)
    3: ("Due today", D("2026-12-07"), "post_interview", ["Amy"], ["猎头Amy"]),    # feedback promised this week
    4: ("Overdue", D("2026-11-27"), "competing_interest", ["王女士"], []),
    5: ("Overdue", D("2026-11-19"), "referral", ["李强", "基础架构部"], []),
    7: ("Overdue", D("2026-12-04"), "offer", ["陈先生"], ["猎先生"]),
    8: ("Due today", D("2026-12-07"), "post_interview", ["回电"], ["感谢您抽出时间"]),   # their call, missed
    9: ("Closed", None, "", [], []),
    10: ("Waiting", D("2026-12-10"), "post_interview", ["12月9日"], []),
    12: ("Overdue", D("2026-11-25"), "autoresponse", ["自动回复"], []),
}
HK_ROWS = {
    3: ("Overdue", D("2026-11-23"), "autoresponse", ["automatic reply"], []),
    4: ("Overdue", D("2026-12-03"), "post_interview", ["Ms Chan", "December 11"], []),
    5: ("Due today", D("2026-12-07"), "competing_interest", ["returning", "December 4"], ["following up again"]),
    6: ("Overdue", D("2026-11-09"), "offer", ["Mr Leung", "December 11"], []),
    7: ("Gone cold", None, "", [], []),
    8: ("Waiting", D("2026-12-10"), "post_interview", ["December 9"], ["Thank you for taking the time"]),
    9: ("Overdue", D("2026-12-01"), "post_interview", ["Mr Ho"], []),
    10: ("Closed", None, "", [], []),
    11: ("Overdue", D("2026-12-02"), "referral", ["Kelvin Lau"], []),
    12: ("Overdue", D("2026-12-04"), "competing_interest", [], []),          # a voicemail: tried again next day
    13: ("Waiting", D("2027-01-04"), "competing_interest", [], []),          # a freeze until January
    14: ("Overdue", D("2026-12-02"), "post_interview", [], []),
}
KO_ROWS = {
    4: ("Overdue", D("2026-12-03"), "post_interview", ["김민지 매니저님", "12월 11일"], ["채용 담당자님"]),
    5: ("Overdue", D("2026-11-12"), "competing_interest", [], []),
    6: ("Waiting", D("2026-12-11"), "post_interview", ["12월 10일"], []),
    7: ("Overdue", D("2026-12-01"), "autoresponse", ["자동 회신"], []),
    8: ("Closed", None, "", [], []),
    9: ("Due today", D("2026-12-07"), "competing_interest", ["12월 4일"], []),
    10: ("Due today", D("2026-12-07"), "post_interview", ["12월 4일"], []),
    11: ("Overdue", D("2026-11-25"), "referral", ["이준호", "감사본부"], []),
    12: ("Not applied", None, "", [], []),
    13: ("Waiting", D("2026-12-10"), "post_interview", ["박 과장님", "12월 9일"], ["인사팀 박"]),
}
JA_ROWS = {
    3: ("Overdue", D("2026-11-24"), "autoresponse", ["自動返信"], []),       # 11/23 is a holiday in Japan
    5: ("Waiting", D("2026-12-10"), "post_interview", ["佐藤様", "12月9日"], ["件名"]),   # thanked already
    6: ("Gone cold", None, "", [], []),
    7: ("Overdue", D("2026-11-19"), "referral", ["田村", "IT企画部"], []),
    9: ("Closed", None, "", [], []),
    11: ("Overdue", D("2026-12-04"), "competing_interest", ["LinkedIn"], []),
    13: ("Waiting", D("2026-12-10"), "post_interview", ["中村様", "12月9日"], []),
    14: ("Waiting", D("2026-12-11"), "competing_interest", ["小川様"], ["人事 小川様"]),   # on leave until 12/11
}


@pytest.mark.parametrize("name, country, language, expected", [
    ("zh_shezhao.xlsx", "CN", "zh", ZH_ROWS), ("hk_cantonese_mix.xlsx", "HK", "en", HK_ROWS),
    ("ko_sinip.xlsx", "KR", "ko", KO_ROWS), ("ja_chuto.xlsx", "JP", "ja", JA_ROWS)])
def test_trackers_kept_in_shenzhen_hong_kong_korea_and_japan(tmp_path, name, country, language, expected):
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    outcomes, _, settings = compute(path, today=dt.date(2026, 12, 7), country=country)
    assert settings.language == language
    assert_rows(outcomes[0].plan, outcomes[0].scripts, expected)
