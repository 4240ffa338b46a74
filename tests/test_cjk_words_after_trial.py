"""Words the held-out East Asian trackers used that the reader did not know: Taiwan's header for a
job title (職稱), Korean trackers' loanword header for the contact (컨택), an informal offer
(内々定), and a call that came told as '打來' without the word for a call."""
from __future__ import annotations

import datetime as dt

from conftest import write_sheets

from followup_sheet.pipeline import compute

TODAY = dt.date(2026, 12, 7)


def test_a_taiwanese_job_title_header_is_the_position(tmp_path):
    path = write_sheets(tmp_path / "t.xlsx", ("公司", "職稱", "投遞日期", "進度"),
                        {"求職": [("永豐電子", "韌體工程師", dt.date(2026, 11, 20), "已投遞")]})
    outcomes, _, _ = compute(path, today=TODAY, country="TW")
    assert outcomes[0].tracker.columns["position"].header == "職稱"
    assert "韌體工程師" in str(outcomes[0].scripts.iloc[0])


def test_a_korean_contact_header_in_its_loanword_names_the_person(tmp_path):
    path = write_sheets(tmp_path / "k.xlsx", ("회사", "직무", "지원일", "컨택", "연락처"),
                        {"지원": [("소라테크", "QA", dt.date(2026, 11, 20), "정유진 책임", "010-1234-5678")]})
    outcomes, _, _ = compute(path, today=TODAY, country="KR")
    assert outcomes[0].tracker.columns["contact"].header == "컨택"
    assert "정유진 책임님" in str(outcomes[0].scripts.iloc[0])


def test_an_informal_offer_is_an_offer(make_tracker):
    path = make_tracker([{"Company": "Hoshi", "Date Applied": dt.date(2026, 11, 20), "Status": "内々定"}])
    outcomes, _, _ = compute(path, today=TODAY, country="JP")
    assert outcomes[0].plan["stage"].iloc[0] == "offer"


def test_a_call_that_came_told_as_da_lai_is_the_employers(make_tracker):
    path = make_tracker([
        {"公司": "某银行", "投递日期": dt.date(2026, 11, 20), "备注": "12/4 人事打來 正在開會沒接到"},
        {"公司": "某证券", "投递日期": dt.date(2026, 11, 20), "备注": "12/4 我打來問進度 說還在篩選"},
    ])
    outcomes, _, _ = compute(path, today=TODAY, country="TW")
    assert outcomes[0].plan["employer_called"].tolist() == [True, False]
