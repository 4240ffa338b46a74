"""Read stage: a log kept as one column per day ("Log 11/23", "30 Nov", "Update 12/4", a real date
as the header) -> each row's notes, oldest entry first, and the day of its newest entry. Input: the
header row, the sheet's body and the columns already taken; output: a `DatedLog`, or None when the
sheet keeps no such log (two dated columns at least: one alone may be anything)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

# the words a log column's header may put around its day
_LOG_WORDS = re.compile(r"^\s*(?:log|logged|update[sd]?|notes?|entry|entries|comments?|status|contact(?:ed)?|activity"
                        r"|follow[-\s]?ups?|week\s+of|wk\s+of|w/c|w/e|as\s+of|on)?\s*[:\-–]?\s*(?P<day>.+?)\s*"
                        r"(?:log|update|notes?|entry)?\s*$", re.IGNORECASE)
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})\s*[/.\-]\s*(?P<b>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{2}|\d{4}))?$")
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | \
    {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {"sept": 9}
_NAMED = re.compile(r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[a-z]+)\.?|(?P<m2>[a-z]+)\.?\s+(?P<d2>\d{1,2})"
                    r"(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{4}))?$", re.IGNORECASE)


class DatedLog(NamedTuple):
    columns: list[tuple[int, dt.date]]     # (column, its day), oldest first
    notes: pd.Series                       # per row: the entries joined, oldest first ("" when none)
    newest: pd.Series                      # per row: the day of its newest entry (NaT when none)


def _header_day(value: Any, day_first: bool, near: dt.date) -> dt.date | None:
    """The day a header names, a year-less one in the year that puts it nearest `near`."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = _LOG_WORDS.match(value)
    text = m.group("day") if m else value.strip()
    year: int | None = None
    if (iso := _ISO.match(text)) is not None:
        year, month, day = int(iso["y"]), int(iso["m"]), int(iso["d"])
    elif (num := _NUMERIC.match(text)) is not None:
        a, b = int(num["a"]), int(num["b"])
        month, day = (b, a) if day_first else (a, b)
        if num["y"]:
            year = int(num["y"]) + (2000 if len(num["y"]) == 2 else 0)
    elif (named := _NAMED.match(text)) is not None:
        month = _MONTHS.get((named["m1"] or named["m2"]).lower(), 0)
        day = int(named["d1"] or named["d2"])
        year = int(named["y"]) if named["y"] else None
    else:
        return None
    candidates = [year] if year else [near.year - 1, near.year, near.year + 1]
    days = []
    for y in candidates:
        try:
            days.append(dt.date(y, month, day))
        except ValueError:
            continue
    return min(days, key=lambda d: abs((d - near).days)) if days else None


def names_a_day(value: Any) -> bool:
    """Whether a header names a day, as a log column's does ("Log 11/23", "30 Nov")."""
    return _header_day(value, False, dt.date(2000, 1, 1)) is not None or _header_day(value, True, dt.date(2000, 1, 1)) \
        is not None


def _written(value: Any) -> bool:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return False
    return bool(str(value).strip())


def dated_log(header: list[Any], body: pd.DataFrame, taken: set[int], day_first: bool,
              near: dt.date) -> DatedLog | None:
    """The sheet's log columns (headers that name a day, outside the columns `taken`), read as
    notes: each row's entries joined oldest first, and the day of its newest entry."""
    found = []
    for col, value in enumerate(header):
        if col in taken or col not in body.columns:
            continue
        day = _header_day(value, day_first, near)
        if day is not None:
            found.append((col, day))
    if len(found) < 2:
        return None
    found.sort(key=lambda cd: cd[1])
    texts, newest = [], []
    for _, row in body.iterrows():
        entries = [(str(row[c]).strip(), d) for c, d in found if _written(row[c])]
        texts.append(". ".join(e.rstrip(".") for e, _ in entries))
        newest.append(np.datetime64(entries[-1][1], "ns") if entries else np.datetime64("NaT", "ns"))
    return DatedLog(found, pd.Series(texts, index=body.index, dtype=object),
                    pd.Series(np.array(newest, dtype="datetime64[ns]"), index=body.index))
