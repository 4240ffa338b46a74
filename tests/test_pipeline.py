"""The pipeline's own outputs: what `check` says about stage words and [you], and the Today list
merged over several sheets (follow-up rules §2, §6, §7)."""

from __future__ import annotations

import datetime as dt

from conftest import TODAY, write_sheets

from followup_sheet.checkreport import check
from followup_sheet.pipeline import NO_WAY_TO_REACH, compute
from followup_sheet.settings import Settings

ME = Settings(your_name="Jordan Rivera", your_phone="(555) 014-2233")
HEADERS = ("Company", "Position", "Date Applied", "Last Contact", "Status", "Hiring Manager", "Phone", "Email")


def _workbook(path, sheets):
    return write_sheets(path, HEADERS, sheets)


def _row(company, status="Applied", applied=dt.date(2026, 11, 16), last=None, manager=None, phone="(555) 010-1000"):
    return (company, "Analyst", applied, last, status, manager, phone, None)


def test_check_lists_the_words_that_placed_each_stage_text(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", {"Applications": [
        _row("A", "Offer declined"), _row("B", "written offer being drafted"), _row("C", "Phone Screen"),
        _row("D", "Wishlist"), _row("E", "Applied"), _row("F", "Already sent my portfolio"), _row("G", "Accepted"),
        _row("H", "No offer yet"), _row("I", "Abgesagt")]})
    lines = check(path, settings=ME, today=TODAY).lines
    text = "\n".join(lines)
    assert "  closed        <- 'Offer declined' (declin), 'Abgesagt' (abgesagt)" in lines
    assert "  offer         <- 'written offer being drafted' (offer)" in lines
    assert "  interviewing  <- 'Phone Screen' (screen)" in lines
    assert "  not_applied   <- 'Wishlist' (wish list)" in lines
    assert "  applied       <- 'Applied', 'Already sent my portfolio', 'Accepted', " \
           "'No offer yet' (not counted after a negation: offer)" in lines
    unsure = lines[lines.index(next(x for x in lines if x.startswith("Stage text read as applied"))) + 1:]
    assert "  'Already sent my portfolio' (unknown: already, portfolio)" in unsure
    assert "  'Accepted' (unknown: accepted)" in unsure
    assert not any("'Applied'" in x or "No offer yet" in x for x in unsure[:3]), text


def test_check_says_nothing_is_unplaced_when_everything_is_known(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", {"Applications": [_row("A", "Applied"), _row("B", "Not yet heard back")]})
    text = "\n".join(check(path, settings=ME, today=TODAY).lines)
    assert "read as applied only because" not in text


def test_check_reminds_to_fill_in_you(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", {"Applications": [_row("A")]})
    text = "\n".join(check(path, settings=Settings(), today=TODAY).lines)
    assert "Fill in [you]" in text and 'phone = "' in text and 'email = "' in text
    assert "Fill in [you]" not in "\n".join(check(path, settings=ME, today=TODAY).lines)


def test_today_merges_sheets_in_the_rules_order(tmp_path):
    # Sheet One: an applied row 3 days overdue (Mon 11-16 +5 bd = Mon 11-23) and a row with a
    # hiring manager 1 day overdue; Sheet Two: an offer due today (Tue 11-24 +2 bd) and an
    # interview 2 days overdue (Fri 11-20 +2 bd = Tue 11-24).
    path = _workbook(tmp_path / "t.xlsx", {
        "One": [_row("Plain3"), _row("Manager1", applied=dt.date(2026, 11, 18), manager="Marcus Lee")],
        "Two": [_row("Offer0", "Offer", applied=dt.date(2026, 10, 20), last=dt.date(2026, 11, 24)),
                _row("Interview2", "Final round", applied=dt.date(2026, 11, 2), last=dt.date(2026, 11, 20))],
    })
    _, table, _ = compute(path, today=TODAY, settings=ME.replace(sheets=("One", "Two")))
    assert list(table["company"]) == ["Offer0", "Interview2", "Manager1", "Plain3"]
    assert list(table["sheet"]) == ["Two", "Two", "One", "One"]


def test_a_row_without_phone_or_email_says_to_find_one_first(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", {"Applications": [_row("Reachable"), _row("Unreachable", phone=None)]})
    _, table, _ = compute(path, today=TODAY, settings=ME)
    scripts = dict(zip(table["company"], table["script"]))
    assert set(scripts) == {"Reachable", "Unreachable"}
    assert scripts["Unreachable"].startswith(NO_WAY_TO_REACH + "\n\nHello")
    assert NO_WAY_TO_REACH not in scripts["Reachable"]
