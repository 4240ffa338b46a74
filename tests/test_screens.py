"""The quick looks that decide which texts the plan reads closely (`facts.may_say`,
`statements.may_state_a_date`) give the same answer as the patterns they stand for, on text in
ASCII (their quick path) and on any other text."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from followup_sheet import facts, statements

# pieces the patterns look for, pieces that only look like them, and what stands between words
PIECES = ["Call", "RANG", "e-mail", "Voicemail", "vm", "VM.", "I ", "we\t", "We\n", "Ring", "during", "hiring",
          "Notes", "keynote", "TEXT", "context", "Bel", "label", "Thank", "llamé", "Zurück", "écrit", "répondu",
          "电话", "メール", "연락", "12/9", "3 / 4", "2026-12", "Q3", "q5", "1st", "22ND", "dem 9", "el 12", "Dec",
          "decided", "Maria", "maybe", "MONTH", "tomorrow", "Mañana", "März", "année", "12月", "来週", "内일",
          "ſ", "K", "İ", "ı", "x", "7", "_", "-", "/", ".", ",", "(", "'", "’"]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(string.printable, max_size=6),
                          st.sampled_from([" ", "  ", "\n", ""])), max_size=14).map("".join)


def _said(text: str) -> bool:
    # (the pattern over the text, and over its view with the Latin words glued to Chinese, Japanese
    # or Korean set apart: "DMきた"; an accented stem typed without its accents as `may_say` says)
    views = [text, facts.latin_view(text)] if facts._CJK_TEXT.search(text) else [text]
    bare = facts.without_accents(text)
    return any(facts._may_say().search(v) is not None for v in [*views, bare])


def _dated(text: str) -> bool:
    return bool(text) and (statements._screen().search(text) is not None
                           or statements._cjk_screen().search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_the_quick_looks_answer_as_the_patterns(text):
    assert facts.may_say(text) == _said(text), text
    assert statements.may_state_a_date(text) == _dated(text), text


def test_each_way_in_is_found_and_near_misses_are_not():
    for text in ("the recruiter RANG twice", "Voicemail left", "left a VM", "We spoke", "i sent it", "Note: none",
                 "Bel mij", "Merci, j'ai écrit", "HRから電話", "Call"):
        assert facts.may_say(text) and _said(text), text
    for text in ("during hiring season", "a keynote", "label maker", "Portfolio sent", ""):
        assert not facts.may_say(text) and not _said(text), text
    for text in ("due 12/9", "Q3 budget", "dem 9. wieder", "after the 1st", "next MONTH", "Dec 11", "来週水曜"):
        assert statements.may_state_a_date(text) and _dated(text), text
    for text in ("Maria sent it", "q5 of the form", "version 2", "label", ""):
        assert statements.may_state_a_date(text) == _dated(text), text


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=12), TEXT))
def test_a_script_s_letters_are_found_where_their_class_finds_them(text):
    import re

    from followup_sheet.language import Letters
    from followup_sheet.plan import _CJK

    for ranges in (_CJK, "\uac00-\ud7a3", "\u3040-\u30ff", "\u4e00-\u9fff"):
        found, expected = Letters(ranges).search(text), re.search(f"[{ranges}]", text)
        assert (found and found.span()) == (expected and expected.span()), (ranges, text)


def test_text_without_such_letters_compiles_no_pattern():
    from followup_sheet.language import Letters

    han = Letters("\u4e00-\u9fff")
    assert han.search("Zurück zum Gespräch, naïve — ½ ✓") is None
    assert "pattern" not in vars(han)          # (compiling the class takes a millisecond or two)
    assert han.search("下周 interview").span() == (0, 1)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_word_a_match_is_comes_out_the_same_in_latin_text(text):
    from followup_sheet.plan import WordList, normalise

    words = WordList(("on hold", "call back", "rang", "interview", "entrevista", "面试", "no answer"))
    low = normalise(text)
    for match in words._regex_for(low).finditer(low):
        full = next((w for w, r in words._each if (m := r.match(low, match.start())) and m.end() == match.end()),
                    match.group())
        assert words._word_at(low, match) == full
