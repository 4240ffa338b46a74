"""Two trackers written as a Korean experienced hire and a Hong Kong applicant would keep them
(a title row, a header in the user's own words, dates typed as text the country's way, notes in
Korean, and in Cantonese mixed with English), saved through LibreOffice; each row checked by
reading. Pinned: status, next date, which script, words each script must say and must not say."""
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

KO_ROWS = {   # sheet row: (status, next date, situation, words the script says, words it must not say)
    5: ("Overdue", D("2026-11-23"), "autoresponse", ["자동 회신"], []),
    6: ("Due today", D("2026-12-07"), "offer", ["박지영 상무님", "12월 10일까지 답변"], ["언제까지 답변을"]),
    7: ("Due today", D("2026-12-07"), "post_interview", ["이수진 님", "전화를 주셔서"], []),      # their call, missed
    8: ("Gone cold", None, "", [], []),
    9: ("Waiting", D("2027-01-20"), "competing_interest", [], []),    # on hold until mid-January
    10: ("Closed", None, "", [], []),
    11: ("Waiting", D("2026-12-10"), "post_interview", ["12월 9일"], []),
    12: ("Overdue", D("2026-12-03"), "competing_interest", ["12월 10일"], []),   # two calls reached nobody
    13: ("Overdue", D("2026-12-04"), "referral", ["윤지호", "개발팀"], []),
}
HK_ROWS = {
    3: ("Overdue", D("2026-11-10"), "autoresponse", ["automatic reply"], []),
    5: ("Due today", D("2026-12-07"), "competing_interest", ["returning", "Mr Wong", "December 4"], ["April"]),
    6: ("Overdue", D("2026-12-04"), "offer", ["December 11"], []),
    7: ("Gone cold", None, "", [], []),
    8: ("Overdue", D("2026-12-02"), "referral", ["Peter Lau", "engineering team"], []),
    9: ("Closed", None, "", [], []),
    10: ("Waiting", D("2026-12-10"), "post_interview", ["December 9"], []),
    11: ("Overdue", D("2026-12-02"), "competing_interest", ["following up again"], ["January"]),   # voicemail: retry
    12: ("Closed", None, "", [], []),
}


@pytest.mark.parametrize("name, country, language, expected", [
    ("ko_gyeongryeok.xlsx", "KR", "ko", KO_ROWS), ("hk_mixed.xlsx", "HK", "en", HK_ROWS)])
def test_trackers_kept_in_korea_and_hong_kong(tmp_path, name, country, language, expected):
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    outcomes, _, settings = compute(path, today=dt.date(2026, 12, 7), country=country)
    assert settings.language == language
    plan, scripts = outcomes[0].plan, outcomes[0].scripts
    assert_rows(plan, scripts, expected)


def test_the_korean_trackers_date_column_under_its_own_words_is_the_date_applied(tmp_path):
    path = tmp_path / "k.xlsx"
    shutil.copy(FIXTURES / "ko_gyeongryeok.xlsx", path)
    outcomes, _, _ = compute(path, today=dt.date(2026, 12, 7), country="KR")
    tracker = outcomes[0].tracker
    assert tracker.columns["applied_on"].header == "이력서 보낸날"
    assert "guessed" in tracker.confidence["applied_on"]
