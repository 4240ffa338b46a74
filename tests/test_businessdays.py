"""Business days skip the public holidays of the user's country (rules §3), everywhere one is
counted: next dates, days overdue, the Due soon window, the Today sheet and its live formulas.

The weeks around the turn of the year:

        December 2026                  January 2027
    Mo Tu We Th Fr Sa Su          Mo Tu We Th Fr Sa Su
        1  2  3  4  5  6                       1  2  3
     7  8  9 10 11 12 13           4  5  6  7  8  9 10
    14 15 16 17 18 19 20          11 12 13 14 15 16 17
    21 22 23 24 25 26 27          18 19 20 21 22 23 24
    28 29 30 31

Holidays on weekdays in those weeks: US Fri 25, Fri Jan 1; DE the same (its 26th is a Saturday);
GB Fri 25, Mon 28 (Boxing Day, moved off the Saturday) and Fri Jan 1; Israel (IL) none of them;
"" is no country: Monday to Friday only.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import openpyxl
import pandas as pd
import pytest
from conftest import canonical_frame, run_cli, write_tracker

from followup_sheet.businessdays import holiday_dates, system_country, years_in_play
from followup_sheet.errors import BadSettings
from followup_sheet.pipeline import check, compute
from followup_sheet.plan import build_plan
from followup_sheet.settings import Settings, load_settings

COUNTRIES = ["", "IL", "US", "DE", "GB"]


def _plan(rows, today, country, **settings):
    frame = canonical_frame([{"company": "Hollis Ceramics", "stage": "sent CV", **r} for r in rows])
    return build_plan(frame, today, Settings(country=country, **settings))


# first follow-up = the application day (rolled forward to a business day) + 5 business days
# (applied on, {country: expected next follow-up})
NEXT_DATES = [
    pytest.param("2026-12-18", {"": "2026-12-25", "IL": "2026-12-25", "US": "2026-12-28", "DE": "2026-12-28",
                                "GB": "2026-12-29"}, id="friday-before-christmas"),
    pytest.param("2026-12-23", {"": "2026-12-30", "IL": "2026-12-30", "US": "2026-12-31", "DE": "2026-12-31",
                                "GB": "2027-01-04"}, id="across-christmas-and-new-year"),
    pytest.param("2026-12-28", {"": "2027-01-04", "IL": "2027-01-04", "US": "2027-01-05", "DE": "2027-01-05",
                                "GB": "2027-01-06"}, id="applied-on-a-gb-holiday"),
    pytest.param("2026-12-25", {"": "2027-01-01", "IL": "2027-01-01", "US": "2027-01-05", "DE": "2027-01-05",
                                "GB": "2027-01-06"}, id="applied-on-christmas-day"),
]


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("applied, expected", NEXT_DATES)
def test_the_next_date_skips_the_countrys_holidays(applied, expected, country):
    # read on the day it was sent: a date after today is Check data (rules §1)
    plan = _plan([{"applied_on": applied}], dt.date.fromisoformat(applied), country)
    assert plan["due"].iloc[0] == pd.Timestamp(expected[country])


# Due Wed Dec 23 (applied Wed Dec 16 + 5); on Mon Jan 4 it is this many business days late
DAYS_OVERDUE = {"": 8, "IL": 8, "US": 6, "DE": 6, "GB": 5}


@pytest.mark.parametrize("country", COUNTRIES)
def test_days_overdue_are_business_days_less_holidays(country):
    plan = _plan([{"applied_on": "2026-12-16"}], dt.date(2027, 1, 4), country)
    assert plan["due"].iloc[0] == pd.Timestamp("2026-12-23")
    assert plan["status"].iloc[0] == "Overdue"
    assert plan["days_overdue"].iloc[0] == DAYS_OVERDUE[country]


@pytest.mark.parametrize("today, due, late", [
    ("2026-11-30", "2026-11-27", 1),     # Friday to Monday: one business day, not three days
    ("2026-11-27", "2026-11-26", 1),
    ("2026-11-26", "2026-11-26", 0),
    ("2026-12-07", "2026-11-23", 10),
])
def test_days_overdue_without_a_country(today, due, late):
    plan = _plan([{"applied_on": "2026-11-02", "pinned": due}], dt.date.fromisoformat(today), "")
    assert plan["days_overdue"].iloc[0] == late


# On Wed Dec 23 with soon_window 2, Due soon reaches: "" and IL Fri 25, US and DE Mon 28, GB Tue 29.
# (pinned next date, {country: status})
SOON = [
    pytest.param("2026-12-24", {"": "Due soon", "IL": "Due soon", "US": "Due soon", "DE": "Due soon",
                                "GB": "Due soon"}, id="christmas-eve"),
    pytest.param("2026-12-28", {"": "Waiting", "IL": "Waiting", "US": "Due soon", "DE": "Due soon",
                                "GB": "Due soon"}, id="monday-after"),
    pytest.param("2026-12-29", {"": "Waiting", "IL": "Waiting", "US": "Waiting", "DE": "Waiting",
                                "GB": "Due soon"}, id="tuesday-after"),
]


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("pinned, expected", SOON)
def test_the_soon_window_counts_business_days_less_holidays(pinned, expected, country):
    plan = _plan([{"applied_on": "2026-12-01", "pinned": pinned}], dt.date(2026, 12, 23), country)
    assert plan["status"].iloc[0] == expected[country]


@pytest.mark.parametrize("country", ["US", "GB", "DE", "FR", "CA", "AU", "KR", "IE", "NZ"])
def test_no_follow_up_falls_on_christmas_or_new_years_day(country):
    days = pd.date_range("2026-11-20", "2027-01-01")
    rows = [{"applied_on": d, "follow_ups": n} for d in days for n in (0, 1)]
    rows += [{"applied_on": d, "stage": "phone screen done"} for d in days]
    plan = _plan(rows, dt.date(2027, 1, 1), country, first_gap=3, repeat_gap=4)   # no date after today
    due = set(plan["due"].dropna().dt.date)
    assert len(due) > 20
    assert dt.date(2026, 12, 25) not in due and dt.date(2027, 1, 1) not in due


def test_without_a_country_christmas_is_a_business_day():
    plan = _plan([{"applied_on": "2026-12-18"}], dt.date(2026, 12, 18), "")
    assert plan["due"].iloc[0] == pd.Timestamp("2026-12-25")


def test_own_holidays_add_to_the_countrys():
    plan = _plan([{"applied_on": "2026-12-18"}], dt.date(2026, 12, 18), "US",
                 holidays=(dt.date(2026, 12, 24),))
    assert plan["due"].iloc[0] == pd.Timestamp("2026-12-29")    # 21 22 23 [24] [25] 28 29


def test_the_calendar_is_built_for_the_years_in_play():
    assert years_in_play(dt.date(2026, 12, 23)) == range(2026, 2028)
    dates = np.array(["2025-03-02", "NaT", "2027-02-01"], dtype="datetime64[D]")
    assert years_in_play(dt.date(2026, 12, 23), dates) == range(2025, 2029)
    far = np.array(["1999-01-01", "2262-01-01"], dtype="datetime64[D]")
    assert years_in_play(dt.date(2026, 12, 23), far) == range(2021, 2032)
    days = holiday_dates("US", (), range(2026, 2028))
    assert dt.date(2026, 12, 25) in days and dt.date(2027, 1, 1) in days and dt.date(2028, 1, 1) not in days



# A mark made on Thursday Dec 24: "No answer" is retried the next business day; "Got an
# interview" dated that day gets its thank-you the next business day. (country: that day)
NEXT_BUSINESS_DAY = {"": dt.date(2026, 12, 25), "IL": dt.date(2026, 12, 25), "US": dt.date(2026, 12, 28),
                     "DE": dt.date(2026, 12, 28), "GB": dt.date(2026, 12, 29)}


@pytest.mark.parametrize("country", COUNTRIES)
def test_marks_pin_the_next_business_day_of_the_same_calendar(country):
    from followup_sheet.marks import Mark, Outcome, rule_changes

    eve = dt.date(2026, 12, 24)
    row = canonical_frame([{"company": "Hollis Ceramics", "applied_on": "2026-12-01", "stage": "sent CV"}]).iloc[0]
    settings = Settings(country=country)
    for outcome, date in ((Outcome.NO_ANSWER, None), (Outcome.INTERVIEW, eve)):
        mark = Mark(built=eve, sheet="Applications", row=2, company="Hollis Ceramics", position="", contact="",
                    outcome=outcome, outcome_text=outcome.value, done="x", done_day=eve, date=date, name="",
                    where="Today row 3")
        new, _ = rule_changes(mark, row, pd.Series(["sent CV"]), settings)
        assert new["pinned"] == NEXT_BUSINESS_DAY[country], outcome

# --- where the country comes from -----------------------------------------------------------

@pytest.mark.parametrize("environ, country", [
    ({"LANG": "en_US.UTF-8"}, "US"),
    ({"LANG": "en_GB.UTF-8", "LC_TIME": "de_DE.UTF-8"}, "DE"),
    ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "CA"),
    ({"LANG": "sr_RS@latin"}, "RS"),
    ({"LANG": "C.UTF-8"}, ""),
    ({"LANG": "POSIX"}, ""),
    ({"LANG": "en"}, ""),
    ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, ""),     # the first one set decides
    ({}, ""),
])
def test_the_country_of_the_system_locale(environ, country):
    assert system_country(environ)[0] == country


@pytest.mark.parametrize("written, kept", [("us", "US"), ("GB", "GB"), ("de-by", "DE-BY"), ("", "")])
def test_the_country_from_the_settings_file(tmp_path, written, kept):
    path = tmp_path / "followup.toml"
    path.write_text(f'[you]\nname = "Noor"\ncountry = "{written}"\n', encoding="utf-8")
    assert load_settings(config=path).country == kept


def test_the_settings_file_wins_over_the_locale(tmp_path, monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert load_settings().country == "GB"
    path = tmp_path / "followup.toml"
    path.write_text('[you]\ncountry = ""\n', encoding="utf-8")
    assert load_settings(config=path).country == ""
    assert load_settings(config=path, country="IE").country == "IE"


@pytest.mark.parametrize("written, words", [
    ("Germany", ["'Germany' is not a country", "two-letter code"]),
    ("XX", ["'XX'"]),
    ("DE-QQ", ["has no region 'QQ'", "BY"]),
])
def test_an_unknown_country_is_refused_with_its_line(tmp_path, written, words):
    path = tmp_path / "followup.toml"
    path.write_text(f'[you]\nname = "Noor"\n\ncountry = "{written}"\n', encoding="utf-8")
    with pytest.raises(BadSettings) as caught:
        load_settings(config=path)
    assert str(caught.value).startswith(f"{path}, line 4: [you] country ")
    for word in words:
        assert word in str(caught.value)


# --- check says which holidays, and how to change it ---------------------------------------

@pytest.fixture
def tracker(tmp_path):
    return write_tracker(tmp_path / "search.xlsx", [
        {"Company": "Hollis Ceramics", "Date Applied": dt.date(2026, 12, 16), "Status": "sent CV"},
        {"Company": "Okafor & Sons", "Date Applied": dt.date(2026, 12, 22), "Status": "sent CV"},
    ])


def _holidays_line(report):
    return next(line for line in report.lines if line.startswith("Holidays: "))


def test_check_names_the_country_and_the_file_it_came_from(tracker):
    (tracker.parent / "followup.toml").write_text('[you]\ncountry = "gb"\n', encoding="utf-8")
    line = _holidays_line(check(tracker, today=dt.date(2027, 1, 4)))
    assert "United Kingdom (GB)" in line and f"[you] country in {tracker.parent / 'followup.toml'}" in line
    assert 'country = "GB"' in line and '"" for none' in line


def test_check_names_the_locale_it_came_from(tracker, monkeypatch):
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    line = _holidays_line(check(tracker, today=dt.date(2027, 1, 4)))
    assert "Germany (DE)" in line and "the system locale (LC_ALL=de_DE.UTF-8)" in line


def test_check_says_when_no_holidays_are_skipped(tracker):
    line = _holidays_line(check(tracker, today=dt.date(2027, 1, 4)))
    assert "no country's public holidays" in line and 'add country = "US"' in line


# --- the Today sheet and its live formulas, through a real refresh --------------------------

@pytest.mark.parametrize("country, late", [("", [8, 4]), ("US", [6, 2]), ("GB", [5, 1])])
def test_the_today_sheet_counts_the_same_business_days(tracker, country, late):
    (tracker.parent / "followup.toml").write_text(f'[you]\ncountry = "{country}"\n', encoding="utf-8")
    outcomes, calls, _ = compute(tracker, today=dt.date(2027, 1, 4))
    assert list(calls["company"]) == ["Hollis Ceramics", "Okafor & Sons"]
    assert list(calls["days_overdue"]) == late
    proc = run_cli("refresh", tracker, "--today", "2027-01-04", "--no-backup")
    assert proc.returncode == 0, proc.stderr
    ws = openpyxl.load_workbook(tracker)["Today"]
    header = next(r for r in ws.iter_rows(values_only=True) if r and "Days overdue" in r)
    at = header.index("Days overdue")
    shown = [r[at] for r in ws.iter_rows(values_only=True) if r and r[0] in ("Hollis Ceramics", "Okafor & Sons")
             or (len(r) > 1 and r[1] in ("Hollis Ceramics", "Okafor & Sons"))]
    assert shown == late


def test_the_live_formulas_skip_the_same_holidays(tracker):
    (tracker.parent / "followup.toml").write_text('[you]\ncountry = "US"\n', encoding="utf-8")
    proc = run_cli("refresh", tracker, "--today", "2027-01-04", "--no-backup")
    assert proc.returncode == 0, proc.stderr
    ws = openpyxl.load_workbook(tracker).worksheets[0]
    formulas = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "WORKDAY" in c.value]
    assert formulas
    mlk_day = (dt.date(2027, 1, 18) - dt.date(1899, 12, 30)).days     # a US holiday ahead of today
    assert all(str(mlk_day) in f for f in formulas)


# --- the holidays of earlier runs --------------------------------------------------------------

_YEARS = ("from followup_sheet.settings import load_settings\n"
          "from followup_sheet.businessdays import holiday_dates\n"
          "import sys\n"
          "s = load_settings(country='gb')\n"
          "days = holiday_dates(s.country, (), range(2026, 2028))\n"
          "print(s.country, len(days), days[-1], 'holidays' in sys.modules)\n")


def _run(code, **env):
    import os
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_a_later_run_takes_the_holidays_from_the_cache(tmp_path):
    first = _run(_YEARS, XDG_CACHE_HOME=str(tmp_path))
    assert first == ["GB", "15", "2027-12-28", "True"]
    assert _run(_YEARS, XDG_CACHE_HOME=str(tmp_path)) == ["GB", "15", "2027-12-28", "False"]


def test_a_cache_of_another_holidays_version_is_not_used(tmp_path):
    import json
    cache = tmp_path / "followup-sheet" / "holidays.json"
    cache.parent.mkdir()
    cache.write_text(json.dumps({"stamp": "an older holidays package",
                                 "days": {"GB": {"2026": ["2026-03-03"], "2027": ["2027-03-03"]}}}), encoding="utf-8")
    assert _run(_YEARS, XDG_CACHE_HOME=str(tmp_path)) == ["GB", "15", "2027-12-28", "True"]
    assert "2026-12-28" in cache.read_text(encoding="utf-8")


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    for _ in range(2):
        assert _run(_YEARS, XDG_CACHE_HOME=str(blocked)) == ["GB", "15", "2027-12-28", "True"]
