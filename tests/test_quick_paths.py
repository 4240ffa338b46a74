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


# --- the plan's text columns as arrays (plan._joined, plan._per_value, facts._texts) -------------

def _random_column(rng: random.Random, n: int) -> list:
    """Cells as a read or hand-built frame may hold them: repeated and distinct texts, blanks,
    spaces, and missing values of every kind."""
    kinds = ["Screening call", " Offer ", "", "  ", "entrevue prévue", "面试通过", None, float("nan"),
             "Applied", "Applied"]
    return [rng.choice(kinds) if rng.random() < 0.8 else f"note {rng.randrange(50)}" for _ in range(n)]


def test_joined_columns_same_as_pandas_adding_them():
    import pandas as pd

    rng = random.Random(7)
    for n in (0, 1, 5, 300):
        for dtype in ("str", object):
            a = pd.Series(_random_column(rng, n), dtype=dtype)
            b = pd.Series(_random_column(rng, n), dtype=dtype)
            want = (a + " . " + b).str.strip()
            got = plan._joined(a.to_numpy(), " . ", b.to_numpy(), strip=True)
            assert len(got) == n
            for w, g in zip(want.tolist(), got.tolist()):
                assert (g == w) if isinstance(w, str) else (not isinstance(g, str)), (w, g)
            unstripped = (a + " " + b).tolist()
            for w, g in zip(unstripped, plan._joined(a.to_numpy(), " ", b.to_numpy()).tolist()):
                assert (g == w) if isinstance(w, str) else (not isinstance(g, str)), (w, g)


def test_a_test_per_distinct_value_same_as_per_row():
    import numpy as np
    import pandas as pd

    rng = random.Random(11)
    for n in (0, 1, 5, 400):
        values = _random_column(rng, n)
        asked: list = []

        def test(texts, asked=asked):
            asked.extend(texts)
            return np.array([len(v) if isinstance(v, str) else -1 for v in texts])
        got = plan._per_value(pd.Series(values, dtype=object).to_numpy(), test)
        assert got.tolist() == [len(v) if isinstance(v, str) else -1 for v in values]
        # each distinct text looked at once
        texts = [v for v in asked if isinstance(v, str)]
        assert len(texts) == len(set(texts))
        both = plan._per_value(np.array(values, dtype=object),
                               lambda t: np.array([[v, v] for v in t], dtype=object).reshape(len(t), 2))
        assert both.shape == (n, 2)
        assert both[:, 0].tolist() == both[:, 1].tolist() and [str(v) for v in both[:, 0]] == [str(v) for v in values]


def test_the_ledgers_texts_have_no_missing_value():
    import pandas as pd

    from followup_sheet import facts

    rng = random.Random(3)
    for dtype in ("str", object):
        column = pd.Series(_random_column(rng, 200), dtype=dtype)
        assert facts._texts(column) == column.fillna("").astype(object).tolist()


def test_a_date_column_as_pandas_to_datetime_makes_it():
    import numpy as np
    import pandas as pd

    from followup_sheet import facts

    days = ["2026-11-30", "NaT", "1999-02-28", "2027-01-01"]
    for unit in ("D", "s", "ms", "us", "ns", "h"):
        values = np.array(days, dtype=f"datetime64[{unit}]")
        want, got = pd.to_datetime(values), facts.datetime_column(values)
        assert got.dtype == want.dtype, unit
        assert pd.Series(got).equals(pd.Series(want)), unit
        assert pd.DataFrame({"d": got}).dtypes.equals(pd.DataFrame({"d": want}).dtypes)
    for empty in (np.array([]), np.array([], dtype="datetime64[D]")):
        assert facts.datetime_column(empty).dtype == pd.to_datetime(empty).dtype
