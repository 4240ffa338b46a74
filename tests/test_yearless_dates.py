"""A date typed without its year in a date column ('12/3', '12.3(수)', '11月20日', '3/12' in a
day-first sheet) is the day nearest the run's day; a weekday in brackets after it picks the
reading it fits. Read without the run's day, such a date is still a problem to fix."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from followup_sheet.dates import parse_dates
from followup_sheet.settings import Settings

TODAY = dt.date(2026, 12, 7)     # a Monday


def _read(values, today=TODAY, **settings):
    parsed, problems, _, _ = parse_dates(pd.Series(values, index=range(2, 2 + len(values)), dtype=object), False,
                                         Settings(**settings), header="Applied", column=3, today=today)
    return [None if pd.isna(d) else d.date() for d in parsed], list(problems)


@pytest.mark.parametrize("typed, day", [
    ("11/16", dt.date(2026, 11, 16)),
    ("12/4", dt.date(2026, 12, 4)),
    ("11.10(화)", dt.date(2026, 11, 10)),      # a Tuesday this year
    ("12.3(수)", dt.date(2025, 12, 3)),        # the 3rd of December was a Wednesday last year, not this
    ("12.3（木）", dt.date(2026, 12, 3)),
    ("11月20日", dt.date(2026, 11, 20)),
    ("12월 1일 (화)", dt.date(2026, 12, 1)),
    ("12月2日(周三)", dt.date(2026, 12, 2)),
    ("11.30.", dt.date(2026, 11, 30)),          # read day-first it is no date
    ("1/4", dt.date(2027, 1, 4)),               # nearer next January than last
])
def test_a_date_without_its_year_is_the_day_nearest_the_run(typed, day):
    dates, problems = _read([typed, "2026-11-02"])
    assert dates[0] == day, (typed, dates)
    assert problems[0] == ""


def test_a_day_first_sheets_date_without_a_year_is_read_day_first():
    dates, _ = _read(["3/12", "28/11/2026"])
    assert dates[0] == dt.date(2026, 12, 3)


def test_a_weekday_that_fits_no_reading_leaves_the_columns_own_reading():
    dates, _ = _read(["12/2 (Sun)", "2026-11-02"])       # 2 December 2026 is a Wednesday
    assert dates[0] == dt.date(2026, 12, 2)


def test_without_the_runs_day_a_date_without_a_year_is_still_a_problem():
    dates, problems = _read(["11/16", "11月20日"], today=None)
    assert dates == [None, None]
    assert all(problems)
