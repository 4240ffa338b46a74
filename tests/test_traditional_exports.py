"""A tracker kept in traditional characters gets its exports, its stats, its work-search log and
`explain` in them too (rules §8), not only its scripts and Today sheet; a tracker in simplified
characters keeps simplified ones."""
from __future__ import annotations

import datetime as dt
import zipfile

import opencc
import pytest
from conftest import write_sheets

from followup_sheet.cli import main

TODAY = dt.date(2026, 12, 7)
HEADERS = ("機構", "職缺", "遞交日期", "近況", "聯絡窗口", "電話", "備忘")
ROWS = [   # a Taipei applicant's own words
    ("晴川資訊", "後端工程師", dt.date(2026, 11, 12), "已遞交", "吳小姐", "02-2700-1234", "人資來電 當時在開會沒接到"),
    ("北投醫療", "產品經理", dt.date(2026, 11, 3), "二面", "鄭經理", "02-2891-5678", "11/30 二面結束 說一週內回覆"),
    ("淡水航運", "資料工程師", dt.date(2026, 11, 20), "錄取", "蔡先生", "02-2622-9012", "口頭錄取 要求12/11前答覆"),
]
SIMPLIFIED = ("公司", "岗位", "投递日期", "状态", "联系人", "电话", "备注")
SIMPLIFIED_ROWS = [("青松科技", "测试开发", dt.date(2026, 11, 12), "已投递", "刘女士", "0755-8888-1234",
                    "HR来电没接到")]


def _simplified_only(text: str) -> set[str]:
    """The characters of `text` that traditional writing has another form of."""
    to_traditional = opencc.OpenCC("s2t")
    return {ch for ch in text if "\u4e00" <= ch <= "\u9fff" and to_traditional.convert(ch) != ch}


def _tracker(tmp_path, headers=HEADERS, rows=ROWS):
    (tmp_path / "followup.toml").write_text('[you]\ncountry = "TW"\nphone = "0912-345-678"\n', encoding="utf-8")
    return write_sheets(tmp_path / "求職.xlsx", headers, {"進度表": rows})


def _run(capsys, *args) -> str:
    code = main([*args, "--today", TODAY.isoformat()])
    said = capsys.readouterr()
    assert code == 0, said
    return said.out


def _text_of(path) -> str:
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    return path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("suffix", [".md", ".csv", ".html", ".xlsx", ".ics"])
def test_todays_exports_are_in_traditional_characters(tmp_path, capsys, suffix):
    path = _tracker(tmp_path)
    out = tmp_path / f"calls{suffix}"
    _run(capsys, "today", str(path), "--out", str(out))
    text = _text_of(out)
    assert "吳小姐" in text or suffix == ".ics"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text.replace("吳小姐", ""))
    assert not _simplified_only(text), sorted(_simplified_only(text))


def test_todays_calls_on_standard_output_are_in_traditional_characters(tmp_path, capsys):
    said = _run(capsys, "today", str(_tracker(tmp_path)), "--out", "-", "--format", "md")
    assert "晴川資訊" in said
    assert not _simplified_only(said), sorted(_simplified_only(said))


def test_stats_on_screen_and_as_a_page_are_in_traditional_characters(tmp_path, capsys):
    path = _tracker(tmp_path)
    said = _run(capsys, "stats", str(path))
    page = tmp_path / "stats.html"
    _run(capsys, "stats", str(path), "--out", str(page))
    for text in (said, page.read_text(encoding="utf-8")):
        assert "申請" in text
        assert not _simplified_only(text), sorted(_simplified_only(text))


def test_explain_speaks_traditional_characters(tmp_path, capsys):
    said = _run(capsys, "explain", str(_tracker(tmp_path)), "2")
    assert "晴川資訊" in said and "狀態" in said
    assert not _simplified_only(said), sorted(_simplified_only(said))


def test_the_work_search_log_is_in_traditional_characters(tmp_path, capsys):
    path = _tracker(tmp_path)
    said = _run(capsys, "log", str(path), "--from", "2026-11-01", "--to", "2026-12-07")
    book = tmp_path / "log.xlsx"
    _run(capsys, "log", str(path), "--from", "2026-11-01", "--to", "2026-12-07", "--out", str(book))
    for text in (said, _text_of(book)):
        assert "北投醫療" in text
        assert not _simplified_only(text), sorted(_simplified_only(text))


def test_a_tracker_in_simplified_characters_keeps_simplified_stats(tmp_path, capsys):
    said = _run(capsys, "stats", str(_tracker(tmp_path, SIMPLIFIED, SIMPLIFIED_ROWS)))
    assert "申请" in said


def test_headers_in_chinese_characters_tell_the_language_even_when_guessed(tmp_path):
    # none of this tracker's headers is a known alias but '電話'; '遞交', '聯絡' are written so
    # only in Chinese (Japanese writes 逓, 連), and no header or note holds kana
    from followup_sheet.pipeline import compute
    _, _, settings = compute(_tracker(tmp_path), today=TODAY)
    assert (settings.language, settings.chinese) == ("zh", "tw")
