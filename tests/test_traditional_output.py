"""A tracker kept in traditional characters (Taiwan, Hong Kong) is answered in them (rules §8):
its scripts, its Today sheet and the messages, as the country writes them (OpenCC's s2tw, s2hk);
a tracker in simplified characters keeps simplified output, and `[you] chinese` decides when set."""
from __future__ import annotations

import datetime as dt

import opencc
import openpyxl
import pytest
from conftest import write_sheets

from followup_sheet import catalogue
from followup_sheet.cli import main
from followup_sheet.hanzi import in_form
from followup_sheet.pipeline import compute, refresh

TODAY = dt.date(2026, 12, 7)
TRADITIONAL_HEADERS = ("公司名稱", "應徵職位", "投遞日期", "最後聯繫", "進度", "聯絡人", "電話", "備註")
TRADITIONAL_ROWS = [
    ("港灣物流", "Operations Analyst", dt.date(2026, 11, 16), None, "已投遞", "", "2345 6789", "收到自動回覆"),
    ("維多利亞銀行", "風險分析", dt.date(2026, 11, 10), dt.date(2026, 12, 2), "二面", "何小姐", "2987 6543",
     "12月2日二面完 佢話下星期通知"),
    ("九龍設計", "UX designer", dt.date(2026, 11, 2), None, "已投遞", "", "3111 2222", "朋友內推"),
]
SIMPLIFIED_HEADERS = ("公司", "岗位", "投递日期", "最后联系", "状态", "联系人", "电话", "备注")
SIMPLIFIED_ROWS = [
    ("海川科技", "测试工程师", dt.date(2026, 11, 16), None, "已投递", "", "021-5555-6666", "收到自动回复"),
    ("北辰数据", "数据分析", dt.date(2026, 11, 10), dt.date(2026, 12, 2), "二面", "赵女士", "010-8888-7777",
     "二面结束"),
]


def _simplified_only(text: str) -> set[str]:
    """The characters of `text` that traditional writing has another form of."""
    to_traditional = opencc.OpenCC("s2t")
    return {ch for ch in text if "\u4e00" <= ch <= "\u9fff" and to_traditional.convert(ch) != ch}


def _today_cells(path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [str(v) for row in wb["Today"].iter_rows(values_only=True) for v in row if isinstance(v, str)]


@pytest.mark.parametrize("country, form", [("HK", "hk"), ("TW", "tw")])
def test_a_tracker_in_traditional_characters_gets_scripts_and_today_in_them(tmp_path, country, form):
    path = write_sheets(tmp_path / "t.xlsx", TRADITIONAL_HEADERS, {"工作": TRADITIONAL_ROWS})
    outcomes, _, settings = compute(path, today=TODAY, country=country)
    assert (settings.language, settings.chinese) == ("zh", form)
    scripts = [str(s) for s in outcomes[0].scripts if str(s)]
    assert scripts
    for script in scripts:
        assert not _simplified_only(script), script
        assert in_form(script, form) == script        # nothing left to convert
    refresh(path, today=TODAY, country=country, backup=False)
    cells = _today_cells(path)
    assert any("何小姐" in c for c in cells)
    assert not _simplified_only("".join(cells)), sorted(_simplified_only("".join(cells)))


def test_a_tracker_in_simplified_characters_keeps_simplified_output(tmp_path):
    path = write_sheets(tmp_path / "s.xlsx", SIMPLIFIED_HEADERS, {"Sheet1": SIMPLIFIED_ROWS})
    outcomes, _, settings = compute(path, today=TODAY, country="CN")
    assert settings.chinese == "simplified"
    said = "".join(str(s) for s in outcomes[0].scripts)
    assert "联系" in said or "回复" in said or "面试" in said, said
    assert not any(word in said for word in ("聯繫", "回覆", "面試")), said


def test_the_setting_decides_over_the_trackers_writing(tmp_path):
    path = write_sheets(tmp_path / "t.xlsx", TRADITIONAL_HEADERS, {"工作": TRADITIONAL_ROWS})
    outcomes, _, settings = compute(path, today=TODAY, country="HK", chinese="simplified")
    assert settings.chinese == "simplified"
    said = "".join(str(s) for s in outcomes[0].scripts)
    assert _simplified_only(said), said
    _, _, settings = compute(path, today=TODAY, country="SG", chinese="traditional")
    assert settings.chinese == "tw"


def test_outcomes_picked_in_traditional_characters_are_read_back():
    words = catalogue.outcome_words()
    changed = [(shown, english) for english, shown in catalogue.catalogue("zh")["outcomes"].items()
               if in_form(shown, "tw") != shown]
    assert changed
    for shown, english in changed:
        assert words[in_form(shown, "tw")] == english
        assert words[in_form(shown, "hk")] == english


def test_the_refresh_messages_are_in_traditional_characters(tmp_path, capsys):
    path = write_sheets(tmp_path / "t.xlsx", TRADITIONAL_HEADERS, {"工作": TRADITIONAL_ROWS})
    (tmp_path / "followup.toml").write_text('[you]\ncountry = "TW"\n', encoding="utf-8")
    code = main(["refresh", str(path), "--today", TODAY.isoformat(), "--no-backup"])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "申請" in said or "已逾期" in said, said
    assert not _simplified_only(said), sorted(_simplified_only(said))


def test_check_reads_traditional_stage_words_as_the_plan_does(tmp_path):
    from followup_sheet.checkreport import check
    rows = [(*TRADITIONAL_ROWS[0][:4], "已投遞", *TRADITIONAL_ROWS[0][5:]),
            (*TRADITIONAL_ROWS[1][:4], "暫停招募", *TRADITIONAL_ROWS[1][5:])]
    path = write_sheets(tmp_path / "t.xlsx", TRADITIONAL_HEADERS, {"工作": rows})
    said = "\n".join(check(path, today=TODAY, country="TW").lines)
    assert "Stage words" in said
    assert "unknown:" not in said, said
