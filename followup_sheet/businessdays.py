"""Business days for the plan: Monday to Friday, less the public holidays of the user's country
(the `holidays` package) and the extra days of `[cadence] holidays` (rules §3).

Input: the settings and the years a run's dates fall in; output: one numpy calendar, built once
per run and used wherever a business day is counted.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from .errors import BadSettings
from .patterncache import cache_folder, installed_stamp

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
    """The country's holidays in `years`, from the cache of earlier runs where it has them.
    Importing `holidays` imports all its ~250 countries: 50-85 ms of CPU a run, a sixth to a
    quarter of a dry run of the sample tracker (docs/benchmarks.md); reading the cache costs
    nothing measurable."""
    cache = HolidayCache.here()
    found = cache.get(country, years) if cache else None
    if found is not None:
        return found
    import holidays

    code, region = _split(country)
    days = sorted(holidays.country_holidays(code, subdiv=region, years=years))
    if cache:
        cache.put(country, years, days)
    return days


class HolidayCache:
    """Holidays worked out by earlier runs, per country and year, in the user's cache folder
    (`$XDG_CACHE_HOME` or ~/.cache, `%LOCALAPPDATA%` on Windows). The file names the installed
    `holidays` package (its path and modification time): another version starts it afresh. A
    cache that cannot be read or written is only slower, never an error."""

    _loaded: dict[Path, HolidayCache] = {}

    def __init__(self, path: Path, stamp: str):
        self.path, self.stamp = path, stamp
        self.days: dict[str, dict[str, list[str]]] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("stamp") == stamp and isinstance(data.get("days"), dict):
                self.days = data["days"]
        except (OSError, ValueError):
            pass

    @classmethod
    def here(cls, environ: Mapping[str, str] | None = None) -> HolidayCache | None:
        path, stamp = _cache_path(os.environ if environ is None else environ), _package_stamp()
        if path is None or stamp is None:
            return None
        cache = cls._loaded.get(path)
        if cache is None or cache.stamp != stamp:
            cache = cls._loaded[path] = cls(path, stamp)
        return cache

    def spelling(self, country: str) -> str | None:
        """The country as cached ("DE-BY" for "DE-by"), or None when it is not."""
        return next((known for known in self.days if known.casefold() == country.casefold()), None)

    def get(self, country: str, years: range) -> list[dt.date] | None:
        per_year = self.days.get(country, {})
        if not all(str(y) in per_year for y in years):
            return None
        try:
            return [dt.date.fromisoformat(d) for y in years for d in per_year[str(y)]]
        except (TypeError, ValueError):
            return None

    def put(self, country: str, years: range, days: list[dt.date]) -> None:
        per_year = self.days.setdefault(country, {})
        for y in years:
            per_year[str(y)] = [d.isoformat() for d in days if d.year == y]
        body = json.dumps({"stamp": self.stamp, "days": self.days}, sort_keys=True)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_text(body, encoding="utf-8")
            os.replace(temporary, self.path)    # a reader sees the old file or the new one
        except OSError:
            pass


def _cache_path(environ: Mapping[str, str]) -> Path | None:
    folder = cache_folder(environ)
    return folder / "holidays.json" if folder else None


def _package_stamp() -> str | None:
    """The installed holidays package, found without importing it."""
    return installed_stamp("holidays")


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
    written = f"{code.upper()}-{region}" if region else code.upper()
    cache = HolidayCache.here()
    cached = cache.spelling(written) if cache else None
    if cached:    # checked when it was cached
        return cached
    if region:    # as the holidays package spells it: "by" is BY
        import holidays
        known = holidays.list_supported_countries().get(code.upper(), [])
        region = next((r for r in known if r.casefold() == region.casefold()), region)
    normal = f"{code.upper()}-{region}" if region else code.upper()
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
        cache = HolidayCache.here(environ)
        if code and ((cache and cache.spelling(code)) or country_problem(code) is None):
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
