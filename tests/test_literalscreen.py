"""The quick look before a costly pattern (`literalscreen`): whatever the text, the screened
pattern answers as the pattern does."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_sheet import chasers, facts, literalscreen, plan, refusals, statements
from followup_sheet.literalscreen import Screened, pieces
from followup_sheet.plan import _AHEAD_WORDS, _TALK_WORDS, word_list
from followup_sheet.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _word_list_patterns() -> list[re.Pattern[str]]:
    defaults = Settings()
    lists = [value for name, value in vars(defaults).items() if name.endswith("_words") and value
             and name not in ("blank_words", "no_date_words")]     # (read whole, not as word lists)
    found = []
    for words in [*lists, _AHEAD_WORDS, _TALK_WORDS]:
        listed = word_list(tuple(words))
        found += [listed._latin, listed.regex]
    return found


PATTERNS = [
    facts._EMPLOYER_CALL.latin.pattern, facts._EMPLOYER_MAIL.latin.pattern, refusals._shapes(),
    statements._quarter(), statements._month_end(), statements._next_year(), statements._week_end(),
    statements._day_alone(), statements._dotted(), statements._dashed(),
    *[screen.pattern for _, screen in statements._kinds()],
    plan._AWAY, chasers._latin(),
    *_word_list_patterns(),
]
SCREENS = [Screened(p, unscreened=0, trial=None) for p in PATTERNS]


def _same(screen: Screened, text: str) -> None:
    pattern = screen.pattern
    assert [m.span() for m in screen.finditer(text)] == [m.span() for m in pattern.finditer(text)], text
    assert (screen.search(text) is None) == (pattern.search(text) is None), text
    assert screen.sub("#", text) == pattern.sub("#", text), text


def test_most_patterns_have_a_screen():
    """The screen is worth its place: most of the notes' patterns give pieces to look for."""
    screened = [s for s in SCREENS if s.pieces]
    assert len(screened) >= len(SCREENS) * 3 // 4
    assert all(piece for s in screened for needs in s.pieces for group in needs for piece in group)


@pytest.mark.parametrize(("source", "flags", "text", "wanted"), [
    (r"\bcall(?:ed|ing)\b", re.IGNORECASE, "they CALLED back", [[{"called", "calling"}]]),
    # each alternative with all it needs: here a verb and then "from"
    (r"\brang\b|\b(?:got|had)\s+a\s+call\s+from\b", re.IGNORECASE, "Had a call FROM them",
     [[{"rang"}], [{"call"}, {"from"}, {"got", "had"}, {"a"}]]),
    (r"(?:ab|cd)+x", 0, "cdabx", [[{"abx", "cdx"}, {"ab", "cd"}]]),
    (r"a\d+b", 0, "a12b", [[{"a"}, {"b"}]]),
    # 'ſ' (long s) and the Kelvin sign match ASCII letters when case is ignored
    (r"ſeen|\u212aept", re.IGNORECASE, "SEEN and kept", [[{"seen"}], [{"kept"}]]),
    (r"\u4f60\u597d|caf\u00e9", 0, "hello cafe", []),      # no ASCII text can hold either
])
def test_pieces(source, flags, text, wanted):
    pattern = re.compile(source, flags)
    assert [[set(group) for group in needs] for needs in pieces(pattern) or ()] == wanted
    _same(Screened(pattern, unscreened=0, trial=None), text)


def test_a_screen_most_text_passes_is_left_off():
    """(after ten looks at distinct texts: a text asked again is answered as before, and is no look)"""
    screen = Screened(re.compile(r"\bcall(?:ed|ing)?\b"), unscreened=0, trial=10)
    assert screen.pieces
    for _ in range(10):
        assert screen.may_match("recall")
    assert screen.pieces
    for n in range(9):
        assert screen.may_match(f"recall {n}")
    assert screen.pieces is None
    _same(screen, "they called")
    kept = Screened(re.compile(r"\bcall(?:ed|ing)?\b"), unscreened=0, trial=10)
    for n in range(10):
        assert not kept.may_match(f"rang {n}")
    assert kept.pieces


def test_a_text_asked_again_is_answered_as_the_first_time(monkeypatch):
    """Each screen keeps its answers (the readers ask the same clause again), up to KEPT_ANSWERS
    texts; past that it looks again, with the same answers."""
    monkeypatch.setattr(literalscreen, "KEPT_ANSWERS", 3)
    screen = Screened(re.compile(r"\b(?:rang|called)\s+back\b", re.IGNORECASE), unscreened=0, trial=None)
    texts = ["They rang back", "no news", "CALLED  back today", "rang, not back", "nothing", "called back"]
    first = [screen.may_match(t) for t in texts]
    assert first == [True, False, True, True, False, True]
    assert len(screen._answers) == 3
    assert [screen.may_match(t) for t in texts] == first
    for text in texts:
        _same(screen, text)


def test_no_pieces_when_a_match_may_hold_any_text():
    assert pieces(re.compile(r"\d+|\w{3}")) is None
    assert pieces(re.compile(r"(?:late)?")) is None
    assert Screened(re.compile(r"x*"), unscreened=0).may_match("")


def test_the_first_characters_are_read_unscreened():
    screen = Screened(re.compile(r"\bcalled\b"), unscreened=12)     # characters: three notes of four
    assert screen.pieces is None
    assert [screen.may_match("rang") for _ in range(4)] == [True, True, True, False]
    assert screen.pieces


def _real_texts() -> list[str]:
    texts = set()
    for path in [ROOT / "sample_tracker.xlsx", *sorted((ROOT / "tests" / "fixtures").glob("*.xlsx"))]:
        book = openpyxl.load_workbook(path, read_only=True)
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                texts.update(v for v in row if isinstance(v, str))
        book.close()
    return sorted(texts)


def test_real_notes():
    texts = _real_texts()
    assert len(texts) > 100
    for screen in SCREENS:
        for text in texts:
            _same(screen, text)
            _same(screen, text.upper())


_ASCII = st.characters(min_codepoint=1, max_codepoint=127)


@functools.cache
def _matching(number: int) -> st.SearchStrategy[str]:
    """ASCII text the screen's pattern matches. The word lists' class of a letter that is not
    Chinese or Japanese is, in ASCII text, `\\w`: hypothesis builds its strategy from the class
    character by character (all of Unicode, most of this file's time), so it is drawn from the
    same pattern with `\\w` there, which matches the same ASCII text."""
    pattern = SCREENS[number].pattern
    return st.from_regex(re.compile(pattern.pattern.replace(plan._LATIN_WORD_CHAR, r"\w"), pattern.flags),
                         alphabet=_ASCII)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_text_that_matches_passes_the_screen(data):
    """Text made to match each pattern (as hypothesis reads it), with text around it."""
    number = data.draw(st.integers(0, len(SCREENS) - 1))
    screen = SCREENS[number]
    inside = data.draw(_matching(number))
    text = data.draw(st.text(_ASCII, max_size=8)) + inside + data.draw(st.text(_ASCII, max_size=8))
    if screen.pattern.search(text):
        assert screen.may_match(text), (screen.pattern.pattern[:60], text)
    _same(screen, text)


_PIECES = {piece for s in SCREENS for needs in s.pieces or () for group in needs for piece in group}
_WORDS = sorted(_PIECES | {"call", "back", "no", "11/24", "Dec", "q3", " "})


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_WORDS) | st.text(st.characters(max_codepoint=0x17f), max_size=4), max_size=12),
       st.sampled_from([" ", "", ". ", "-", "\n"]))
def test_notes_made_of_near_words(words, glue):
    """Notes made of the pieces and bits of words, in and out of ASCII, cased either way."""
    text = glue.join(words)
    for screen in SCREENS:
        _same(screen, text)
        _same(screen, text.title())


def test_threads_sharing_a_screen_get_the_pattern_s_answers():
    """The screen is worked out and left off while other threads look (the watcher's refreshes)."""
    import threading
    screen = Screened(re.compile(r"\bcall(?:ed|ing)?\b"), unscreened=300, trial=200)
    wrong = []

    def look():
        for i in range(3000):
            text = "they called" if i % 3 == 0 else "recall"
            if (screen.search(text) is None) != (screen.pattern.search(text) is None):
                wrong.append(text)
    threads = [threading.Thread(target=look) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not wrong


def test_a_pattern_has_one_screen():
    from followup_sheet.literalscreen import screened
    pattern = statements._quarter()
    assert screened(pattern) is screened(statements._quarter())
    assert screened(pattern).pattern is pattern
    assert screened(re.compile(r"\bq\d")) is not screened(pattern)
