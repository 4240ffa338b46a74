"""The quick paths taken for speed give exactly what the plain ones give (no timing here)."""

import random

from followup_sheet import plan
from followup_sheet.settings import Settings
from followup_sheet.xlsx import cells, sheetxml


def _plain_clean_text(value):
    s = str(value)
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    return cells._FORBIDDEN.sub("", s)[:cells.CELL_TEXT_LIMIT]


def test_clean_text_same_as_the_regex_for_every_code_point():
    for i in range(0x110000):
        text = "Call Ana\n\t" + chr(i) + " today"
        assert cells.clean_text(text) == _plain_clean_text(text), hex(i)


def _formula_cells(data: bytes, one_by_one: bool) -> dict[int, int]:
    found: dict[int, int] = {}
    if one_by_one:   # as it was before the quick path: the same first look, then each formula
        if b"f>" in data or b"f " in data or b"f/" in data:
            sheetxml._formula_cells_one_by_one(data, found)
    else:
        sheetxml._formula_cells(data, found)
    return found


_PIECES = (b'<c r="AB12" s="1">', b'<c r="Z9">', b'<c r="P2" t="str">', b"<c r='Q3'>", b'<c r="ab3">',
           b'<c s="2" r="D4">', b'<x:c r="E5">', b'<c r="F6" x="a:c b">', b"<c>", b'<c r="G7"/>',
           b"<f>", b"<f/>", b'<f t="shared" si="0">', b"<x:f>", b"<f\t>", b"<font>", b"<v>1</v>", b"</c>",
           b"note:f", b" ", b"\n", b"<f", b">", b'<c r="H8"  >', b'<c r="XFD1048576">')


def test_formula_cells_same_as_one_by_one():
    rng = random.Random(13)
    fast_used = 0
    for _ in range(30000):
        data = b"".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 24)))
        expected = _formula_cells(data, one_by_one=True)
        assert _formula_cells(data, one_by_one=False) == expected, data
        fast_used += sheetxml._plain_formula_cells(data) is not None and bool(expected)
    assert fast_used > 100   # the quick path itself was checked, not only its fallback


def test_formula_cells_of_a_written_sheet():
    rows = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>1</v></c><c r="P%d"><f>IF(D%d="","",TODAY()-D%d)</f><v></v></c>'
                    b'<c r="AD%d" s="5" t="n"><f aca="false">AVERAGE(R%d:S%d)</f><v>3</v></c></row>'
                    % ((r,) * 8) for r in range(2, 500))
    assert sheetxml._plain_formula_cells(rows) is not None
    assert _formula_cells(rows, one_by_one=False) == _formula_cells(rows, one_by_one=True) == {16: 499, 30: 499}


def test_word_lists_same_with_and_without_chinese_or_japanese_in_the_text():
    settings = Settings()
    texts = ["Rejected", "not rejected yet", "Offer received", "Interview scheduled", "reject_ed", "réjected",
             "no offer", "applied via portal", "offer_letter", "interviewing2", "面试 rejected", "已拒绝", "offer面试",
             "Phone screen done", "1st interview", "screen-ed", "rejection", "withdrawn by me", ""]
    for words in (settings.closed_words, settings.offer_words, settings.interviewing_words,
                  settings.not_applied_words, plan._TALK_WORDS, plan._AHEAD_WORDS):
        wl = plan.word_list(tuple(words))
        for text in texts:
            low = plan.normalise(text)
            full = [m.span() for m in wl.regex.finditer(low)]
            assert [m.span() for m in wl._regex_for(low).finditer(low)] == full, (words[:3], text)
            if not plan._has_cjk(low):
                assert [m.span() for m in wl._latin.finditer(low)] == full
