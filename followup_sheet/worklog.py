"""The work-search log: every application and follow-up in a period (date, employer, its phone
or address, person contacted, method, position, result), from the tracker's dates and the
Follow-up Log, for the forms unemployment offices ask for. Read only; exports as .csv or .xlsx.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from .catalogue import Words
from .errors import BadSettings
from .exportfiles import Exported, check_export_target, save_export
from .exporttext import csv_bytes
from .hanzi import frame_in_form, in_form
from .language import chinese_form, choose_language
from .markrules import Outcome, application_key, not_applied
from .read import read_trackers
from .settings import Settings, settings_for

LOG_HEADERS = ("Date", "Employer", "Phone or address", "Person contacted", "Method", "Position", "Result")


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the week holding `day`."""
    start = day - dt.timedelta(days=day.weekday())
    return start, start + dt.timedelta(days=6)


def work_search_log(path: Path, start: dt.date, end: dt.date, *, sheet: str | None = None,
                    settings: Settings | None = None, config: Path | None = None) -> pd.DataFrame:
    """Applications (their Date Applied) and follow-ups (the Follow-up Log's applied marks, and a
    row's last-contact date where the log holds nothing for that day) from `start` to `end`."""
    settings = settings_for(Path(path), settings, config, {})
    # (a date typed without its year: the one nearest the log's end)
    trackers = read_trackers(Path(path), settings, sheet, today=end)
    records: list[tuple] = []
    rows: dict[str, pd.Series] = {}
    for t in trackers:
        f = t.frame
        for _, r in f.iterrows():
            rows.setdefault(application_key(r["company"], r["position"]), r)
    logged: set[tuple[str, dt.date]] = set()
    entries = trackers[0].marks_sheets.log_rows if trackers and trackers[0].marks_sheets else []
    for e in entries:
        day = _date(e.get("when"))
        if day is None or not_applied(str(e.get("changed") or "")):
            continue
        k = application_key(e.get("company") or "", e.get("position") or "")
        logged.add((k, day))
        if start <= day <= end:
            r = rows.get(k)
            happened = str(e.get("happened") or "")
            records.append((day, str(e.get("company") or ""), _reach(r), str(e.get("contact") or "") or _person(r),
                            "e-mail" if happened == Outcome.EMAILED.value else "phone",
                            str(e.get("position") or ""), happened))
    for k, r in rows.items():
        applied, last = _date(r["applied_on"]), _date(r["last_contact"])
        if applied is not None and start <= applied <= end:
            records.append((applied, r["company"], _reach(r), _person(r), "application", r["position"],
                            r["stage"] or "Applied"))
        if last is not None and start <= last <= end and (k, last) not in logged and last != applied:
            records.append((last, r["company"], _reach(r), _person(r), "follow-up (method not recorded)",
                            r["position"], r["response"] or r["stage"] or ""))
    table = pd.DataFrame(records, columns=list(LOG_HEADERS))
    table = table.sort_values(["Date", "Employer"], kind="stable").reset_index(drop=True)
    table.attrs["language"] = settings.language or choose_language(trackers, settings).code
    # (in Chinese, the characters the tracker is kept in: its log is said in them too)
    table.attrs["chinese"] = chinese_form(trackers, settings.replace(language=table.attrs["language"]))
    return table


def _date(value: Any) -> dt.date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return None
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return pd.Timestamp(value).date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _reach(r: pd.Series | None) -> str:
    if r is None:
        return ""
    return r["contact_phone"] or r["location"] or r["contact_email"]


def _person(r: pd.Series | None) -> str:
    return "" if r is None else (r["contact"] or r["hiring_manager"])


def shown_log(table: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """The log as people read it in `language`: its headers, methods and the outcomes picked from
    the drop-down in that language (names, positions and the tracker's own words as written)."""
    if language == "en":
        return table
    w = Words(language)
    shown = table.copy()
    shown["Method"] = shown["Method"].map(lambda v: w(str(v)))
    shown["Result"] = shown["Result"].map(lambda v: w.outcome(str(v)) if str(v) in _OUTCOMES else w(str(v)))
    return shown.rename(columns={h: w(h) for h in LOG_HEADERS})


_OUTCOMES = frozenset(o.value for o in Outcome)


def export_log(table: pd.DataFrame, out: Path, *, tracker: Path | None = None, force: bool = False,
               backups: int = 5, language: str = "en") -> Exported:
    """The work-search log as a .csv or .xlsx file of its own, never the tracker itself. The
    .xlsx file speaks `language` (headers, methods, outcomes); a CSV file keeps the English
    column names other programs import it by, its cells in `language`."""
    out = Path(out)
    kind = out.suffix.lower()
    if kind not in (".csv", ".xlsx"):
        raise BadSettings(f"{out}: export the log to a .csv or .xlsx file")
    existed, _ = check_export_target(out, tracker, force)
    form = table.attrs.get("chinese", "") if language == "zh" else ""
    shown = frame_in_form(shown_log(table, language), form)
    if kind == ".csv":
        body = csv_bytes(shown.set_axis(list(LOG_HEADERS), axis=1))
    else:
        body = _xlsx(shown, in_form(Words(language)("Work search log"), form))
    return save_export(out, body, existed=existed, ours=False, backups=backups)


def _xlsx(table: pd.DataFrame, title: str = "Work search log") -> bytes:
    from .xlsx.exportbook import table_workbook
    rows = [[None if not isinstance(v, str) and pd.isna(v) else v for v in rec]
            for rec in table.itertuples(index=False)]
    kinds = ["date"] + ["text"] * (len(table.columns) - 1)
    return table_workbook(title[:31], list(table.columns), rows, kinds, [12, 24, 18, 20, 16, 24, 28])
