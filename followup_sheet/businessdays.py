"""Business days for the plan: Monday to Friday, less the public holidays of the user's country
(the `holidays` package) and the extra days of `[cadence] holidays` (rules §3).

Input: the settings and the years a run's dates fall in; output: one numpy calendar, built once
per run and used wherever a business day is counted.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Mapping

import numpy as np

from .errors import BadSettings

# Years either side of today a run builds holidays for: older or later dates are counted as
# Monday to Friday (the holidays of 2014 do not change whom to call today).
YEARS_AROUND_TODAY = 5


def years_in_play(today: dt.date, dates: np.ndarray | None = None) -> range:
    """The years a run counts business days in: those of `dates` (datetime64, NaT left out) and
    today's, and one more for due dates past the last of them, within YEARS_AROUND_TODAY of today."""
    low = high = today.year
    if dates is not None:
        known = dates[~np.isnat(dates)].astype("datetime64[Y]")
        if known.size:
            low = min(low, int(known.min().astype(int)) + 1970)
            high = max(high, int(known.max().astype(int)) + 1970)
    return range(max(low, today.year - YEARS_AROUND_TODAY), min(high + 1, today.year + YEARS_AROUND_TODAY) + 1)


def holiday_dates(country: str, extra: tuple[dt.date, ...], years: range) -> tuple[dt.date, ...]:
    """The public holidays of `country` ("US", or with a region "DE-BY") in `years`, with the
    `extra` days, sorted; just `extra` without a country."""
    return _holiday_dates(country, tuple(sorted(set(extra))), years.start, years.stop)


@functools.lru_cache(maxsize=16)
def _holiday_dates(country: str, extra: tuple[dt.date, ...], start: int, stop: int) -> tuple[dt.date, ...]:
    days = set(extra)
    if country:
        days.update(_country_holidays(country, range(start, stop)))
    return tuple(sorted(days))


def business_calendar(country: str, extra: tuple[dt.date, ...], years: range) -> np.busdaycalendar:
    """The numpy calendar of Monday to Friday less `holiday_dates`, for `busday_offset` and
    `busday_count`. The same arguments give the same calendar object for the whole run."""
    return _calendar(holiday_dates(country, extra, years))


@functools.lru_cache(maxsize=16)
def _calendar(days: tuple[dt.date, ...]) -> np.busdaycalendar:
    return np.busdaycalendar(holidays=np.array(days, dtype="datetime64[D]"))


def _split(country: str) -> tuple[str, str | None]:
    code, _, region = country.partition("-")
    return code, region or None


def _country_holidays(country: str, years: range) -> list[dt.date]:
    import holidays

    code, region = _split(country)
    return list(holidays.country_holidays(code, subdiv=region, years=years))


def country_problem(country: str, as_written: str | None = None) -> str | None:
    """Why `country` ("US", "DE-BY") cannot be used for holidays (None when it can): an unknown
    code or region. Messages quote it `as_written` in the settings."""
    if not country:
        return None
    import holidays

    code, region = _split(country)
    country = country if as_written is None else as_written
    supported: Mapping[str, list[str]] = holidays.list_supported_countries()
    if code not in supported:
        return (f"country {country!r} is not a country the holidays package knows; use its two-letter code, "
                "like \"US\", \"GB\" or \"DE\", or \"\" for no public holidays")
    if region is not None and region not in supported[code]:
        regions = ", ".join(supported[code][:12]) + (", ..." if len(supported[code]) > 12 else "")
        return (f"country {country!r}: {code} has no region {region!r}; use one of {regions}, or just "
                f"\"{code}\" for its nationwide holidays")
    return None


def check_country(country: str) -> str:
    """`country` as the settings keep it ("us" -> "US", "de-by" -> "DE-BY"), or BadSettings."""
    code, _, region = country.strip().partition("-")
    code = code.upper()
    if region:    # as the holidays package spells it: "by" is BY
        import holidays
        known = holidays.list_supported_countries().get(code, [])
        region = next((r for r in known if r.casefold() == region.casefold()), region)
    normal = f"{code}-{region}" if region else code
    problem = country_problem(normal, country)
    if problem:
        raise BadSettings(problem)
    return normal


def country_name(country: str) -> str:
    """'United States (US)', 'Germany (DE-BY)': the country as people read it, with its code."""
    from holidays.registry import COUNTRIES

    code, _ = _split(country)
    for class_name, alpha2, *_ in COUNTRIES.values():
        if alpha2 == code:
            return f"{re.sub(r'(?<=[a-z])(?=[A-Z])', ' ', class_name)} ({country})"
    return country


_LOCALE_VARIABLES = ("LC_ALL", "LC_TIME", "LANG")


def system_country(environ: Mapping[str, str] | None = None) -> tuple[str, str]:
    """The country of the system's locale and where it was found: ("GB", "LANG=en_GB.UTF-8"),
    or ("", "") when the locale names none (C, POSIX, "en" alone) or one the holidays package
    does not know. LC_ALL, then LC_TIME, then LANG, as the C library reads them."""
    environ = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if not value:
            continue
        found = re.match(r"[A-Za-z]{2,3}[_-]([A-Za-z]{2})(?=$|[.@])", value)
        code = found.group(1).upper() if found else ""
        if code and country_problem(code) is None:
            return code, f"{name}={value}"
        return "", ""    # the first variable set decides, as for the C library
    return "", ""


def holidays_note(country: str, origin: str, extra: int = 0) -> str:
    """`check`'s line on the holidays business days skip, where the country came from, and how
    to change it."""
    own = f", and {extra} day(s) of your own ([cadence] holidays)" if extra else ""
    if not country:
        return (f"Holidays: no country's public holidays (none in the settings or the system locale){own}; "
                "to skip your country's, add country = \"US\" (its two-letter code) under [you] in followup.toml")
    return (f"Holidays: the public holidays of {country_name(country)}, from {origin}{own}; to change it, "
            "set country = \"GB\" (another code, or \"\" for none) under [you] in followup.toml")
