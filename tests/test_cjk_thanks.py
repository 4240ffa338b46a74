"""A thank-you the user sent after an interview, told in Japanese, Korean or Chinese, is sent:
no second thank-you is asked for. A 感谢信 that came is a refusal, never the user's thanks. An
interview still to be arranged (约面试) gives no interview day: the day is the call's."""
from __future__ import annotations

import datetime as dt

import pytest

from followup_sheet.pipeline import compute

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize("note", [
    "二次面接済み お礼メール送付済",
    "2차 면접 봤고 감사 메일 발송",
    "二面完 感谢邮件已发",
    "second interview done, send咗thank you email",
])
def test_a_thank_you_told_in_east_asian_notes_is_sent(make_tracker, note):
    path = make_tracker([{"Company": "Firm", "Date Applied": dt.date(2026, 11, 16), "Status": "Interview",
                          "Notes": note}])
    outcomes, _, _ = compute(path, today=TODAY, country="HK" if "send咗" in note else "US")
    got = outcomes[0].plan.iloc[0]
    assert got["interview_held"]
    assert not got["thank_you"], got["why"]


def test_a_thank_you_letter_that_came_is_a_refusal(make_tracker):
    path = make_tracker([{"公司": "某科技", "投递日期": dt.date(2026, 11, 16), "状态": "已投递", "备注": "收到感谢信"}])
    outcomes, _, _ = compute(path, today=TODAY, country="CN")
    assert outcomes[0].plan.iloc[0]["status"] in ("Closed", "Check data")


def test_a_call_to_arrange_an_interview_is_returned(make_tracker):
    path = make_tracker([{"公司": "某电商", "投递日期": dt.date(2026, 11, 23), "状态": "一面",
                          "备注": "12月4日 HR打电话约面试 没接到"}])
    outcomes, _, _ = compute(path, today=TODAY, country="CN")
    got = outcomes[0].plan.iloc[0]
    assert got["employer_called"] and not got["interview_held"]
    assert got["status"] == "Due today"
