"""Read stage, dates: a date column's cells (real dates, serial numbers, text in many languages
and orders) -> dates, with a problem per cell that is not one, and the day/month order used and
why. Also what counts as a placeholder ('N/A', 'TBD'): a cell that holds nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .catalogue import Worded
from .dayfirst import writes_day_first
from .settings import Settings
from .xlsx import column_letters, is_empty_cell

_PLACEHOLDER_TRIM = " \t()[]{}<>*_.:;!'\"`"


def is_placeholder(text: str, blank_words) -> bool:
    """'N/A', 'Not Mentioned', '(unknown)', 'TBD.' (rules §7): a cell that holds nothing."""
    low = " ".join(text.lower().split())
    if low in blank_words:
        return True
    trimmed = low.strip(_PLACEHOLDER_TRIM)
    return bool(trimmed) and trimmed != low and trimmed in blank_words


def is_date_cell(v: Any) -> bool:
    """Whether a cell holds a date: a real one, or text this module reads as one either way round."""
    if isinstance(v, (dt.date, dt.datetime)):
        return True
    if not isinstance(v, str) or len(v) > 40:
        return False
    text = " ".join(v.split())
    return any(isinstance(_text_date(text, order), dt.date) for order in ("mdy", "dmy"))


def is_time_stamp(v: Any) -> bool:
    """Whether a cell holds a date with a time of day on it ('December 5, 2026 4:44 PM', a real
    date-time off midnight): the stamp an export puts on every record it made."""
    if isinstance(v, dt.datetime):
        return (v.hour, v.minute, v.second) != (0, 0, 0)
    if not isinstance(v, str) or len(v) > 60:
        return False
    text = " ".join(v.split())
    return _without_time(text) != text and is_date_cell(text)


_TYPED_NUMBERS = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}\s*$")


def typed_day_first(cells: Iterable[Any]) -> bool:
    """Whether the dates typed among `cells` are day first: more of them have a day above 12 in the
    first place ('16/11/2026') than in the second ('11/16/2026')."""
    first = second = 0
    for v in cells:
        m = _TYPED_NUMBERS.match(v) if isinstance(v, str) else None
        if m is not None:
            first += int(m.group(1)) > 12
            second += int(m.group(2)) > 12
    return first > second


def cell_date(v: Any, day_first: bool = False) -> dt.date | None:
    """The day a cell holds, for comparing one column's dates with another's in the same row (a
    typed date that could be read either way round is read month-first, or day-first with
    `day_first`; a rough answer, never one to plan with); None when the cell holds no date."""
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if not isinstance(v, str) or len(v) > 40:
        return None
    text = " ".join(v.split())
    for order in (("dmy", "mdy") if day_first else ("mdy", "dmy")):
        d = _text_date(text, order)
        if isinstance(d, dt.date):
            return d
    return None


_TEXT_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%m/%d/%y", "%d/%m/%y", "%d.%m.%y",
                      "%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%Y/%m/%d", "%d-%m-%Y", "%m-%d-%Y")


def text_date_format(values: pd.Series, parsed: pd.Series) -> str | None:
    """The strftime format of a date column that holds its dates as text (most filled cells are
    text), found by writing the dates read back in each format; None for a column of real dates."""
    filled = [(v, d) for v, d in zip(values.to_numpy()[:2000], parsed.to_numpy()[:2000]) if not is_empty_cell(v)]
    texts = [(v.strip(), pd.Timestamp(d)) for v, d in filled[:200] if isinstance(v, str) and not pd.isna(d)]
    if not texts or len(texts) * 2 <= min(len(filled), 200):
        return None
    for fmt in _TEXT_DATE_FORMATS:
        if all(d.strftime(fmt) == v for v, d in texts[:50]):
            return fmt
    return None


# month number by its name and abbreviation, in the languages the reader knows
MONTH_NUMBERS = {m.lower(): i for i, m in enumerate(
    ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"]) if m}
MONTH_NUMBERS.update({k[:3]: v for k, v in list(MONTH_NUMBERS.items())})
MONTH_NUMBERS.update({"sept": 9, "ene": 1, "abr": 4, "ago": 8, "dic": 12, "janv": 1, "févr": 2, "fevr": 2,
                "avr": 4, "mai": 5, "juin": 6, "juil": 7, "août": 8, "aout": 8, "déc": 12, "mär": 3,
                "märz": 3, "okt": 10, "dez": 12})
for _i, _names in enumerate([   # month names in the languages the headers are read in
        "enero janvier januar gennaio janeiro januari styczeń", "febrero février fevrier februar febbraio "
        "fevereiro februari luty", "marzo mars märz maerz março marco maart marzec", "abril avril aprile "
        "april kwiecień", "mayo mai maggio maio mei maj", "junio juin juni giugno junho czerwiec",
        "julio juillet juli luglio julho lipiec", "agosto août aout augustus sierpień", "septiembre "
        "setiembre septembre settembre setembro wrzesień", "octubre octobre oktober ottobre outubro "
        "październik", "noviembre novembre november novembro listopad", "diciembre décembre decembre "
        "dezember dicembre dezembro december grudzień"], start=1):
    MONTH_NUMBERS.update({name: _i for name in _names.split()})
# Polish says a date's month in the genitive ("3 grudnia")
MONTH_NUMBERS.update({name: _i for _i, name in enumerate(
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia".split(),
    start=1)})
_MON = r"([A-Za-zÀ-ÿźńś]{3,11})\.?"
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_CJK = re.compile(r"^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?$")   # 2026年11月3日, 2026년 11월 3일
_KO_DOTTED = re.compile(r"^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?$")   # 2026. 11. 3.
# A year counted from an era: Japan's (令和8年11月3日, R8.11.3) and the Republic of China's, as
# Taiwan writes dates (民國115年11月3日, 115/11/03). The first year of each era, by its names.
_ERA_START = {"令和": 2019, "r": 2019, "平成": 1989, "h": 1989, "昭和": 1926, "s": 1926,
              "民國": 1912, "民国": 1912}
_ERA = re.compile(r"^(令和|平成|昭和|民國|民国|[RrHhSs])\s*(\d{1,3}|元)\s*[年./\-]"
                  r"\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*日?$")
_ROC = re.compile(r"^(1\d\d)[/.\-](\d{1,2})[/.\-](\d{1,2})$")          # 115/11/03: Taiwan's year 115 is 2026
# a weekday in brackets after a date, as East Asian trackers add it: '12.3(수)', '12/3（木）', '12月3日(周四)'
_WEEKDAY_TAG = r"(?:\s*[(（]\s*([^()（）\d]{1,6}?)\s*[)）])?"
_CJK_NO_YEAR = re.compile(r"^(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?" + _WEEKDAY_TAG + "$")  # 11月3日, 11월 3일
# a day and month with no year: '12/3', '12.3.', '11.10(화)'
_NUMERIC_NO_YEAR = re.compile(r"^(\d{1,2})\s*([/.])\s*(\d{1,2})\.?" + _WEEKDAY_TAG + "$")
_WEEKDAY_LETTERS = {**{ch: i for i, ch in enumerate("월화수목금토일")},
                    **{ch: i for i, ch in enumerate("月火水木金土日")},
                    **{ch: i for i, ch in enumerate("一二三四五六")}, "天": 6}
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$", re.I)
# '3 Nov 2026', '3. November 2026', '3 de noviembre de 2026', and as the US military writes it, '07DEC26'
_DAY_MON_YEAR = re.compile(rf"^(?:[A-Za-z]+,?\s+)?(\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?(?:\s+de)?[\s\-/]*{_MON}"
                           rf"(?:\s+de)?[\s\-/,]*(\d{{2}}|\d{{4}})$")
_MON_DAY_YEAR = re.compile(rf"^(?:[A-Za-z]+,?\s+)?{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$")


def _epoch(date1904: bool) -> dt.date:
    return dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)


def parse_dates(values: pd.Series, date1904: bool, settings: Settings, header: str = "",
                column: int = 0, sheet: tuple[str, str] | None = None,
                ambiguous: list[str] | None = None,
                shown: tuple[str, str] | None = None,
                evidence: tuple | None = None, today: dt.date | None = None
                ) -> tuple[pd.Series, pd.Series, float, str]:
    """One date column -> (dates as datetime64, a problem per row, share of date-like cells,
    the day/month order used and why).

    A date typed without its year ('12/3', '12.3(수)', '12月3日') is the day nearest `today` (a
    weekday in brackets after it decides the year, and the order of a dotted one, when it fits
    one reading only); without `today` it is a problem to fix.

    Day-first versus month-first is decided once for the column, never per cell: the settings,
    else the column's evidence (a first number above 12 means day-first, a second one above 12
    month-first), else the convention of the separator (03.11.2026 is day-first), else
    month-first. `sheet` is the order the sheet's other date columns prove (`sheet_date_order`),
    used before that last fallback. In a column of real dates (cells Excel itself stores as
    dates) the few typed ones never decide: a typed date that fits only the other order is read
    the one way it fits; `shown` (the order and number format most of the column's cells are
    formatted in) then decides. Each date that could be read the other way round is added to
    `ambiguous`. `evidence`: the column's `date_evidence`, when the caller has it already.
    """
    order, dotted, why = _evidence_order(values, settings.date_order, sheet, header, shown, evidence,
                                         (settings.language, settings.country))
    letters = column_letters(column) if column else "?"
    dates: list[Any] = []
    problems: list[str] = []
    good = bad = 0
    placeholders = set(settings.placeholder_dates)
    no_date = _no_date_pattern(settings.no_date_words)
    lenient = _REAL_FIRST in why
    # each distinct value read once: a column repeats its dates (10,000 rows hold a few hundred days)
    read: dict[tuple[type, Any], tuple[dt.date | None, str]] = {}
    for row, v in values.items():
        key: tuple[type, Any] | None = (type(v), v)
        try:
            known = read.get(key) if key is not None else None
        except TypeError:      # (a value that cannot be a key is read each time)
            known = key = None
        if known is None:
            known = _one_date(v, date1904, order, settings, dotted, no_date, today)
            if key is not None:
                read[key] = known
        d, problem = known
        if problem and lenient and isinstance(v, str):
            other = _text_date(" ".join(v.split()), _FLIP[order], _FLIP[dotted])
            if isinstance(other, dt.date):
                d, problem = other, ""
                if ambiguous is not None:
                    ambiguous.append(f"Row {row}: {v.strip()!r} in {header!r} fits only {_ORDER_WORD[_FLIP[order]]}; "
                                     f"read as {other:%d %b %Y} (the column is {_ORDER_WORD[order]})")
        elif ambiguous is not None and d is not None and not problem:
            flipped = _other_reading(v, order, dotted)
            if flipped is not None and flipped != d:
                used = _ORDER_WORD[dotted if isinstance(v, str) and "." in v else order]
                ambiguous.append(f"Row {row}: {str(v).strip()!r} in {header!r} read as {d:%d %b %Y} ({used}); "
                                 f"could be {flipped:%d %b %Y}")
        if d is not None and d in placeholders:
            d = None
        beyond = _beyond_limits(d) if d is not None and not problem else ""
        if beyond:   # a date still, for the column's share of dates, but not one to plan with
            good += 1
            problem, d = beyond, None
        elif problem:
            bad += 1
        if problem:
            problems.append(Worded("Row {row}: {header} ({cell}) is {value}; {problem}", row=row, header=repr(header),
                                   cell=f"{letters}{row}", value=show_cell(v), problem=problem))
        else:
            problems.append("")
            if d is not None:
                good += 1
        dates.append(d)
    series = pd.Series(pd.to_datetime(pd.Series(dates, index=values.index, dtype=object), errors="coerce"),
                       index=values.index).astype("datetime64[ns]")
    ratio = good / (good + bad) if good + bad else 1.0
    return series, pd.Series(problems, index=values.index, dtype=object), ratio, why


@functools.lru_cache(maxsize=16)
def _no_date_pattern(words: tuple[str, ...]) -> re.Pattern:
    """A cell holding one of `words` as whole words ('Not yet applied' holds 'not yet')."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w.strip())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)" if alternatives else r"(?!x)x", re.I)


def show_cell(v: Any) -> str:
    """A cell's value for a message, quoted and cut to 40 characters."""
    s = str(v)
    return repr(s if len(s) <= 40 else s[:37] + "...")


_ORDER_WORD = {"dmy": "day-first", "mdy": "month-first"}
_FLIP = {"dmy": "mdy", "mdy": "dmy"}
_REAL_FIRST = "real dates first"


def is_weak_order(why: str) -> bool:
    """Whether the day/month order of a date column (the `why` parse_dates gives) was chosen on
    weak evidence: no value proves it, only a convention, the sheet or the header's language."""
    if "are formatted" in why:
        return False
    return any(w in why for w in ("could be either", "nothing shows", "though both", _REAL_FIRST))


def _other_reading(v: Any, order: str, dotted: str | None) -> dt.date | None:
    """The date a numeric date cell would be read as in the other day/month order, if it is one."""
    if isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and float(v).is_integer():
        digits = str(int(v))
        if len(digits) in (7, 8):
            got = _digits_date(digits, _FLIP[order])
            return got if isinstance(got, dt.date) else None
        return None
    if not isinstance(v, str):
        return None
    text = " ".join(v.split())
    m = _NUMERIC.match(text)
    if m is None:
        return _digits_date(text, _FLIP[order]) if _DIGITS.match(text) else None
    flipped = _text_date(text, _FLIP[order], _FLIP[dotted or "dmy"])
    return flipped if isinstance(flipped, dt.date) else None


_DIGITS = re.compile(r"^\d{7,8}$")


def _digits_date(digits: str, order: str) -> dt.date | None:
    """A date typed as digits: 20240315 (year first), 08212019 or 8212019 (month, day, year),
    21082019 (day, month, year): the year-first reading when it is one, else the reading in
    `order`, else the only other reading that is a date. Years outside 1990-2100 are no date."""
    def ok(y: int, m: int, d: int) -> dt.date | None:
        return _make(y, m, d) if 1990 <= y <= 2100 else None
    if len(digits) == 8:
        year_first = ok(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if year_first:
            return year_first
        a, b, y = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    elif len(digits) == 7:
        a, b, y = int(digits[:1]), int(digits[1:3]), int(digits[3:])
        if a == 0:
            return None
        # 8212019: one digit then two; read month-first that is 8/21, day-first 8/21 is no date
        month_first = ok(y, a, b)
        day_first = _make(y, int(digits[1:3]), a) if 1990 <= y <= 2100 else None
        first, second = (month_first, day_first) if order == "mdy" else (day_first, month_first)
        return first or second
    else:
        return None
    month_first, day_first = ok(y, a, b), ok(y, b, a)
    first, second = (month_first, day_first) if order == "mdy" else (day_first, month_first)
    return first or second


def _scan_dates(values: pd.Series):
    """What a column's text dates show: per separator ('.' or '/' for slashes and dashes) the
    first value proving day-first and month-first, the first value seen, and other kinds' counts."""
    # separator -> [first > 12 example, second > 12 example]
    proof: dict[str, list[str | None]] = {".": [None, None], "/": [None, None]}
    seen: dict[str, str | None] = {".": None, "/": None}
    counts = {"iso": 0, "real": 0, "named": 0, "numeric": 0, "serial": 0}
    for v in values:
        if isinstance(v, (dt.date, dt.datetime)):
            counts["real"] += 1
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool) and 20000 <= v <= 80000:
            counts["serial"] += 1      # a day as Excel counts it, in a General cell (1954-2119)
            continue
        if not isinstance(v, str):
            continue
        text = v.strip()
        m = _NUMERIC.match(text)
        if m:
            counts["numeric"] += 1
            sep = "." if text[len(m.group(1))] == "." else "/"
            seen[sep] = seen[sep] or text
            a, b = int(m.group(1)), int(m.group(2))
            if a > 12 and proof[sep][0] is None:
                proof[sep][0] = text
            if b > 12 and proof[sep][1] is None:
                proof[sep][1] = text
        elif _ISO.match(text) or _CJK.match(text):
            counts["iso"] += 1
        elif _DAY_MON_YEAR.match(text) or _MON_DAY_YEAR.match(text):
            counts["named"] += 1
    return proof, seen, counts


def _numeric_part(text: str, i: int) -> int:
    """The i-th number of a date _scan_dates matched with _NUMERIC."""
    m = _NUMERIC.match(text)
    if m is None:
        raise ValueError(f"not a numeric date: {text!r}")
    return int(m.group(i))


def _proven(proof, sep: str) -> tuple[str, str] | None:
    first, second = proof[sep]
    if first and not second:
        return "dmy", f"day-first: {first} has a {_numeric_part(first, 1)} in the first place"
    if second and not first:
        return "mdy", f"month-first: {second} has a {_numeric_part(second, 2)} in the second place"
    return None


def sheet_date_order(columns: list[tuple[str, pd.Series]]) -> tuple[str, str] | None:
    """The order the sheet's other date columns prove (their evidence, or their dotted dates),
    for a column that shows none itself: one person typed them all. None when they disagree."""
    return order_of_evidence([(label, date_evidence(values)) for label, values in columns])


def date_evidence(values: pd.Series) -> tuple:
    """What a column's dates show of their order, for `order_of_evidence`: worked out once per
    column and handed to the look for each of the sheet's other date columns (a sheet of four
    date columns scanned twelve times over: 70 ms of the wide 10,000-row tracker's read)."""
    return _scan_dates(values)


def order_of_evidence(columns: list[tuple[str, tuple]]) -> tuple[str, str] | None:
    """`sheet_date_order` of columns given as (header, `date_evidence`)."""
    found = []
    for label, evidence in columns:
        proof, seen, _ = evidence
        for sep in ("/", "."):
            got = _proven(proof, sep) or (("dmy", f"dotted dates ({seen['.']})") if sep == "." and seen["."] else None)
            if got:
                found.append((got[0], f"{_ORDER_WORD[got[0]]} like {label!r} ({got[1].split(': ', 1)[-1]})"))
    if found and len({order for order, _ in found}) == 1:
        return found[0]
    return None


def _evidence_order(values: pd.Series, setting: str = "auto", sheet: tuple[str, str] | None = None,
                    header: str = "", shown: tuple[str, str] | None = None,
                    evidence: tuple | None = None, where: tuple[str, str] = ("", "")) -> tuple[str, str, str]:
    """(order of slashed and dashed dates, order of dotted dates, why) for one column; `sheet`
    is what the sheet's other date columns prove, and `header` the column's header (its
    language), for when this one proves nothing."""
    proof, seen, counts = evidence if evidence is not None else _scan_dates(values)
    if not (seen["."] or seen["/"]):
        if counts["named"]:
            return "mdy", "dmy", "month written in words" + (" and ISO dates" if counts["iso"] else "") \
                + ", no order needed"
        if counts["iso"]:
            return "mdy", "dmy", "ISO dates (year first), no order needed"
        if counts["real"]:
            return "mdy", "dmy", "real dates, no order needed"
        if counts["serial"]:
            return "mdy", "dmy", "day numbers in General cells, read as dates, no order needed"
        return "mdy", "dmy", "no dates yet"
    if setting in _ORDER_WORD:
        return setting, setting, f"{_ORDER_WORD[setting]}: date_order = \"{setting}\" in the settings"

    dotted = _proven(proof, ".")
    slashed = _slashed_order(proof, counts, dotted, sheet, header, shown, where) if seen["/"] else None
    reasons = []
    if seen["."]:
        if dotted is None:
            dotted = ("dmy", f"day-first: dotted dates ({seen['.']}) are written day-first")
        reasons.append(dotted[1])
    if seen["/"]:
        if slashed is None:
            slashed = _unproven_slashed(proof["/"], seen["/"], dotted, sheet, header, where)
        if not reasons or dotted is None or slashed != dotted:
            reasons.append(slashed[1] if not reasons else f"{seen['/']}: {slashed[1]}")
    main_order, dotted_order = slashed or dotted, dotted or slashed
    if main_order is None or dotted_order is None:   # a separator was seen, and each seen one got an order
        raise AssertionError("a seen date separator has no order")
    return main_order[0], dotted_order[0], "; ".join(reasons)


def _slashed_order(proof, counts, dotted: tuple[str, str] | None, sheet: tuple[str, str] | None, header: str,
                   shown: tuple[str, str] | None, where: tuple[str, str] = ("", "")) -> tuple[str, str] | None:
    """The order of a column's slashed and dashed dates from its evidence, or None when nothing
    but the fallbacks (`_unproven_slashed`) can tell. Where real dates outnumber the typed ones,
    the typed ones prove nothing: the real dates' number format decides, else the fallbacks."""
    proven = _proven(proof, "/")
    formatted = (shown[0], f"{_ORDER_WORD[shown[0]]}: the column's dates are formatted {shown[1]!r}") \
        if shown is not None else None
    if counts["real"] > counts["numeric"] and (proven or formatted):
        # Excel stored most cells as dates and left these as text: one '13/11/2026' among real
        # month-first dates is a slip, not a day-first column
        fallback = formatted or _unproven_slashed([None, None], "the other typed dates", dotted, sheet, header, where)
        example = proof["/"][0] or proof["/"][1]
        typed = f"the typed {example!r} does not decide" if proven else "they prove nothing"
        return (fallback[0], f"{fallback[1]}; {_REAL_FIRST}: the column's {counts['real']} real dates "
                             f"outnumber its {counts['numeric']} typed ones, so {typed}")
    if proven or (proof["/"][0] and proof["/"][1]):
        return proven
    return formatted


# Words of date headers in languages whose writers put the day first (03/11/2026 is 3 November):
# Spanish, French, German, Italian, Portuguese, Dutch, Polish. English is left out on purpose:
# American and British trackers use the same headers and opposite orders.
_DAY_FIRST_HEADER_WORDS = {
    "Spanish": {"fecha", "solicitud", "postulación", "postulacion", "envío", "envio", "último", "ultimo", "contacto",
                "enviado", "enviada", "aplicación", "candidatura"},
    "French": {"envoyée", "envoyé", "envoi", "dernier", "relance", "relancé", "candidaté", "postulé"},
    "German": {"datum", "beworben", "eingereicht", "gesendet", "versendet", "abgeschickt", "letzter", "kontakt",
               "bewerbung", "bewerbungsdatum", "einreichdatum"},
    "Italian": {"data", "inviata", "inviato", "invio", "contatto", "candidatura", "ultimo"},
    "Portuguese": {"data", "enviado", "enviada", "envio", "candidatado", "candidatura", "inscrição", "submissão",
                   "contato", "contacto", "último"},
    "Dutch": {"datum", "sollicitatiedatum", "sollicitatie", "gesolliciteerd", "laatste", "verstuurd"},
    "Polish": {"data", "złożenia", "aplikacji", "ostatni", "wysłano", "kontakt"},
}
_HEADER_WORD = re.compile(r"[^\W\d_]+")


def day_first_language(header: str) -> str | None:
    """The day-first language(s) a date column's header is written in ('Fecha de solicitud' ->
    'Spanish', 'Datum' -> 'German or Dutch'), or None: English, or no word that tells."""
    words = set(_HEADER_WORD.findall(str(header).casefold()))
    if "date" in words and words & {"de", "d", "du", "l"}:    # date de candidature, date d'envoi
        return "French"
    if words == {"data"}:   # an English word too
        return None
    found = [lang for lang, known in _DAY_FIRST_HEADER_WORDS.items() if words & known]
    if not found:
        return None
    best = max(len(words & _DAY_FIRST_HEADER_WORDS[lang]) for lang in found)   # the language most words are in
    found = [lang for lang in found if len(words & _DAY_FIRST_HEADER_WORDS[lang]) == best]
    return found[0] if len(found) == 1 else ", ".join(found[:-1]) + " or " + found[-1]


def _unproven_slashed(proof: list[str | None], example: str | None, dotted: tuple[str, str] | None,
                      sheet: tuple[str, str] | None, header: str = "",
                      where: tuple[str, str] = ("", "")) -> tuple[str, str]:
    """The order of slashed dates that prove none (or both), and why: the dotted dates' order, else
    the sheet's, else the order of the header's language, else how the settings' language is
    written in their country (`where`: language, country; English in Britain, India or Australia is
    day-first), else month-first."""
    first, second = proof
    if first and second:
        why = (f"month-first, though both {first} and {second} appear (one of them is mistyped); "
               "set date_order in followup.toml if the column is day-first")
        return ("mdy", why)
    if dotted is not None:
        return (dotted[0], f"{_ORDER_WORD[dotted[0]]} like the dotted dates ({example} could be either)")
    if sheet is not None:
        return sheet
    language = day_first_language(header)
    if language is not None:
        return ("dmy", f"day-first: the header {header!r} is in {language}, where dates are written day first "
                       f"({example} could be either); set date_order = \"mdy\" in followup.toml if you mean "
                       "month-first")
    language, country = where
    if country and writes_day_first(language or "en", country):
        return ("dmy", f"day-first: dates are written day first in {country} ({example} could be either); "
                       "set date_order = \"mdy\" in followup.toml if you mean month-first")
    return ("mdy", f"month-first: nothing shows the order ({example} could be either); "
                   "set date_order = \"dmy\" in followup.toml if you mean day-first")


def _one_date(v: Any, date1904: bool, order: str, settings: Settings, dotted: str | None = None,
              no_date: re.Pattern | None = None, today: dt.date | None = None) -> tuple[dt.date | None, str]:
    if v is None or isinstance(v, bool):
        return None, ""
    if isinstance(v, dt.datetime):
        return v.date(), ""
    if isinstance(v, dt.date):
        return v, ""
    if isinstance(v, (dt.time, dt.timedelta)):
        return None, ""      # serial 0 ("1900-01-00") or a duration: a placeholder
    if isinstance(v, (int, float)):
        return _number_date(v, date1904, order)
    s = " ".join(str(v).replace("\xa0", " ").split())
    low = s.lower()
    if not s or is_placeholder(s, settings.blank_words) or low in settings.no_date_words:
        return None, ""
    parsed = _text_date(s, order, dotted or order)
    if today is not None and (parsed is None or isinstance(parsed, str)):
        parsed = _yearless_date(s, order, dotted or order, today) or parsed
    if parsed is None and (inside := _DATE_INSIDE.findall(s)) and len(inside) == 1:
        # one date among words ("emailed 12/1", "called 3.12. (voicemail)"): that date
        found = _text_date(inside[0], order, dotted or order)
        if today is not None and (found is None or isinstance(found, str)):
            found = _yearless_date(inside[0], order, dotted or order, today) or found
        parsed = found if isinstance(found, dt.date) else None
    if parsed is None:
        if no_date is not None and no_date.search(s):
            return None, ""    # "Not yet applied", "pending (recruiter call)"
        return None, Worded("not a date this tool can read; type a date like 2026-03-10")
    if isinstance(parsed, str):
        return None, parsed
    return parsed, ""


_NAMED_NO_YEAR = re.compile(r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th|\.|º|er)?\s*(?:de\s+|of\s+|di\s+)?"
                            r"(?P<m1>[^\W\d_]{3,})\.?"
                            r"|(?P<m2>[^\W\d_]{3,})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th|\.)?)$", re.IGNORECASE)


# a date in figures among words in a date cell ("emailed 12/1", "12.3. angerufen")
_DATE_INSIDE = re.compile(r"(?<![\w/.\-])\d{1,2}[/.]\d{1,2}(?:[/.](?:\d{4}|\d{2}))?\.?(?![\w/\-]|\.\d)")


def _yearless_date(s: str, order: str, dotted: str, today: dt.date) -> dt.date | None:
    """A day and month typed without a year ('12/3', '12.3(수)', '12月3日（木）') as the day nearest
    `today` that fits. The month comes first in Chinese, Japanese and Korean writing ('月'), else
    as the column's order says; a weekday in brackets picks the reading it fits, and its year."""
    m = _CJK_NO_YEAR.match(s)
    named = _NAMED_NO_YEAR.match(s)
    if m:
        readings = [(int(m.group(1)), int(m.group(2)))]
        tag = m.group(3)
    elif named:     # a month's name and a day, no year: "Nov 16", "19 November", "16 de noviembre", "16. Nov."
        month = MONTH_NUMBERS.get((named.group("m1") or named.group("m2")).lower())
        if month is None:
            return None
        readings, tag = [(month, int(named.group("d1") or named.group("d2")))], None
    else:
        m = _NUMERIC_NO_YEAR.match(s)
        if m is None:
            return None
        a, b, tag = int(m.group(1)), int(m.group(3)), m.group(4)
        first = (dotted if m.group(2) == "." else order) != "dmy"
        readings = [(a, b), (b, a)] if first else [(b, a), (a, b)]
    weekday = _weekday_of(tag) if tag else None
    days = [d for month, day in readings for y in (today.year - 1, today.year, today.year + 1)
            if (d := _make(y, month, day)) is not None]
    # (a weekday that fits no reading is a slip of the weekday: the first reading, as without one,
    # or the other when only it is a date: '11.30.')
    fits = [d for d in days if d.weekday() == weekday] or [d for d in days if (d.month, d.day) == readings[0]] or days
    return min(fits, key=lambda d: abs((d - today).days)) if fits else None


def _weekday_of(tag: str) -> int | None:
    """The weekday a bracketed tag names ('수', '木', '周四', '星期三', 'Thu'), or None."""
    tag = re.sub(r"^(?:周|週|星期|禮拜|礼拜)|(?:曜日|曜|요일)$", "", tag.strip())
    if len(tag) == 1 and tag in _WEEKDAY_LETTERS:
        return _WEEKDAY_LETTERS[tag]
    english = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    return english.index(tag[:3].lower()) if tag[:3].lower() in english else None


def _number_date(v: float, date1904: bool, order: str) -> tuple[dt.date | None, str]:
    """A number in a date column: an Excel serial (1990-2100), or a date typed as digits."""
    if v != v:
        return None, ""
    if 1 <= v < 2958466:
        d = _epoch(date1904) + dt.timedelta(days=int(v))
        if dt.date(1990, 1, 1) <= d <= dt.date(2100, 1, 1):
            return d, ""
    if v == 0:
        return None, ""
    if float(v).is_integer() and 1_000_000 <= v < 100_000_000:
        typed = _digits_date(str(int(v)), order)
        if typed is not None:
            return typed, ""
    return None, Worded("a number, not a date; type a date like 2026-03-10")


# a time of day after the date, as exports and clocks write it ("December 3, 2026 11:00 AM",
# "3 Dec 2026, 14:30", "2026-12-03T09:15:00Z", "3.12.2026 9h30", "Dec 3, 2026 at 2pm"): dropped
_TIME_TAIL = re.compile(r"(?:,?\s+(?:at\s+|um\s+|à\s+|@\s*)?|T)(?:\d{1,2}(?:[:h]\d{2}(?::\d{2}(?:\.\d+)?)?)"
                        r"(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?$",
                        re.IGNORECASE)


def _without_time(s: str) -> str:
    """`s` less a time of day after its date (the date itself when there is none)."""
    if ":" in s or "m" in s.lower() or "h" in s:
        bare = _TIME_TAIL.sub("", s)
        if bare != s and bare[-1:].isalnum():
            return bare
    return s


def _text_date(s: str, order: str, dotted: str | None = None) -> dt.date | str | None:
    s = _without_time(s)
    if _DIGITS.match(s):
        return _digits_date(s, order)
    m = _ISO.match(s) or _CJK.match(s) or _KO_DOTTED.match(s)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _ERA.match(s)
    if m:
        year = 1 if m.group(2) == "元" else int(m.group(2))
        return _make(_ERA_START[m.group(1).lower()] + year - 1, int(m.group(3)), int(m.group(4)))
    m = _ROC.match(s)
    if m:
        return _make(1911 + int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if _CJK_NO_YEAR.match(s) or _NUMERIC_NO_YEAR.match(s):
        return Worded("has no year; type the full date, like 2026-03-10")
    m = _NUMERIC.match(s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 else y
        if s[len(m.group(1))] == ".":
            order = dotted or "dmy"
        day, month = (a, b) if order == "dmy" else (b, a)
        made = _make(y, month, day)
        if made is None and month > 12:
            return Worded("not a valid date when read day-first like the rest of this column; fix it, or set "
                          "date_order in followup.toml" if order == "dmy" else
                          "not a valid date when read month-first like the rest of this column; fix it, or set "
                          "date_order in followup.toml")
        return made
    m = _DAY_MON_YEAR.match(s)
    if m:
        named = MONTH_NUMBERS.get(m.group(2).lower())
        if named:
            y = int(m.group(3))
            return _make(y + 2000 if y < 100 else y, named, int(m.group(1)))
    m = _MON_DAY_YEAR.match(s)
    if m:
        named = MONTH_NUMBERS.get(m.group(1).lower())
        if named:
            return _make(int(m.group(3)), named, int(m.group(2)))
    if re.match(rf"^(\d{{1,2}}[\s\-/]+{_MON}|{_MON}\s+\d{{1,2}})$", s):
        return Worded("has no year; type the full date, like 2026-03-10")
    return None


# The dates a tracker's cells are read as: Excel stores none before 1900, and a later one than
# this is a typo (2300 for 2030) or a stand-in for "no date" (9999-12-31). The limits also keep
# each date, and the dates the plan counts from it, inside what datetime64[ns] holds (1677-2262):
# outside it one such cell stopped the whole tracker.
DATE_LIMITS = (dt.date(1900, 1, 1), dt.date(2199, 12, 31))


def _beyond_limits(d: dt.date) -> str | Worded:
    """Why the date `d` cannot be one of a job search ('' when it can)."""
    low, high = DATE_LIMITS
    if low <= d <= high:
        return ""
    return Worded("the year {year} cannot be right (dates from {low} to {high} are read); type the date like "
                  "2026-03-10", year=d.year, low=low.year, high=high.year)


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None

