"""Which way round a language writes a date's day and month, alone or in a country (from Babel's
CLDR short date formats): the fallback the read stage and the notes use when a sheet's own dates
prove no order. Input: a language code and a country code; output: True for day first."""

from __future__ import annotations

import functools


@functools.cache
def writes_day_first(language: str, country: str = "") -> bool:
    """Whether the language writes a date's day before its month ("3.12.26", "03/12/2026"), from
    its short date format in Babel's CLDR data; English, Chinese, Japanese and Korean do not. With
    a country ("GB", "IN", "DE-BY"), the way that language is written there: English in Britain,
    India or Australia writes the day first, in the US the month (a language not written there:
    the country's own)."""
    if country:
        return _locale_writes_day_first(language or "en", country.split("-")[0].upper())
    if not language or language == "en":     # (no Babel import for an English run)
        return False
    from babel.dates import get_date_format
    try:
        pattern = get_date_format("short", locale=language).pattern
    except (ValueError, LookupError):
        return False
    day, month = pattern.find("d"), pattern.find("M")
    return 0 <= day < month


@functools.cache
def _locale_writes_day_first(language: str, country: str) -> bool:
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_date_format
    for name in (f"{language}_{country}", f"und_{country}"):
        try:
            pattern = get_date_format("short", locale=Locale.parse(name)).pattern
        except (ValueError, LookupError, UnknownLocaleError):
            continue
        day, month = pattern.find("d"), pattern.find("M")
        return 0 <= day < month
    return writes_day_first(language)
