"""The tool's columns in one table: the three it adds to the tracker, and the columns of today's
calls as the Today sheet, the exports and the terminal show them. A new column is one entry here;
the readers and writers take headers, fields, widths and kinds from this table.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .catalogue import say, say_count
from .status import OUTCOME_CHOICES, Outcome


class ColumnKind(enum.StrEnum):
    """How a column's cells are shown and written."""
    STATUS = "status"         # the status, filled in its colour
    DATE = "date"
    SCRIPT = "script"         # the follow-up script, wrapped (tracker)
    TEXT = "text"
    WRAP = "wrap"             # text that wraps (Today sheet)
    NUMBER = "number"
    DAYS = "days"             # days overdue
    PHONE = "phone"           # a tel: link
    EMAIL = "email"           # a mailto: link
    ROW = "row"               # the tracker row it comes from ("Applications!12")
    MARK = "mark"             # a cell the user types a mark into (Today sheet)
    MARK_DATE = "mark_date"   # a mark's date


TRACKER_KINDS = frozenset({ColumnKind.STATUS, ColumnKind.DATE, ColumnKind.SCRIPT, ColumnKind.TEXT, ColumnKind.NUMBER})


@dataclass(frozen=True)
class TrackerColumn:
    """A column the tool writes into the tracker; `field` names the plan column it shows ("script"
    is the rendered script). Exactly one column is of kind status and one of kind date (the status
    formulas read that date)."""
    header: str
    field: str
    width: float
    kind: ColumnKind   # one of TRACKER_KINDS (a plain string of one is taken)

    def __post_init__(self) -> None:
        kind = ColumnKind(self.kind)
        if kind not in TRACKER_KINDS:
            raise ValueError(f"{self.header}: a tracker column is one of {', '.join(sorted(TRACKER_KINDS))}")
        object.__setattr__(self, "kind", kind)


TRACKER_COLUMNS: tuple[TrackerColumn, ...] = (
    TrackerColumn("Follow-up Status", "status", 14, ColumnKind.STATUS),
    TrackerColumn("Next Follow-up", "due", 14, ColumnKind.DATE),
    TrackerColumn("Follow-up Script", "script", 70, ColumnKind.SCRIPT),
)


def output_headers() -> tuple[str, ...]:
    """The headers of the tool's tracker columns, in order (read when needed, not at import)."""
    return tuple(c.header for c in TRACKER_COLUMNS)


OUTCOMES = tuple(o.value for o in OUTCOME_CHOICES)   # the Outcome column's drop-down


@dataclass(frozen=True)
class TodayColumn:
    """A column of today's calls. `field` names a column of pipeline.today_table (a tracker field
    such as "source" is taken from the tracker as it is); mark columns have none: the user types
    there. `where` says which outputs show it: s(heet), e(xports), t(erminal)."""
    header: str
    field: str | None
    width: float
    kind: ColumnKind    # (a plain string of one is taken)
    where: str = "se"
    terminal: str = ""  # a shorter header in the terminal
    prompt: str = ""    # mark columns: what to type, shown when the cell is selected
    choices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ColumnKind(self.kind))


NO_WAY_TO_REACH_CELL = "Find a number or e-mail first"


MORE_LINE = "and {n} more — they wait for the next business day"


def more_line(more: int, language: str = "en") -> str:
    """The line under today's calls when the daily budget (`calls_per_day`) left some for later,
    in `language` (its catalogue's [today] entry for MORE_LINE)."""
    if more <= 0:
        return ""
    return say_count("today", MORE_LINE, more, language)

TODAY_COLUMNS: tuple[TodayColumn, ...] = (
    TodayColumn("Sheet", "sheet", 14, ColumnKind.TEXT, "e"),
    TodayColumn("Row", "row", 6, ColumnKind.NUMBER, "e"),
    TodayColumn("Company", "company", 18, ColumnKind.TEXT, "set"),
    TodayColumn("Position", "position", 20, ColumnKind.TEXT, "set"),
    TodayColumn("Ask for", "ask_for", 15, ColumnKind.TEXT, "set"),
    TodayColumn("Phone", "phone", 15, ColumnKind.PHONE, "set"),
    TodayColumn("E-mail", "email", 22, ColumnKind.EMAIL),
    TodayColumn("Status", "status", 11, ColumnKind.STATUS, "set"),
    TodayColumn("Days overdue", "days_overdue", 8, ColumnKind.DAYS, "set", terminal="Late"),
    TodayColumn("Next follow-up", "due", 12, ColumnKind.DATE, "e"),
    TodayColumn("Why", "why", 28, ColumnKind.WRAP),
    TodayColumn("Script", "script", 55, ColumnKind.WRAP),
    TodayColumn("Notes", "notes", 24, ColumnKind.WRAP),
    TodayColumn("Tracker row", "row", 15, ColumnKind.ROW, "s"),
    TodayColumn("Done", None, 7, ColumnKind.MARK, "s", prompt="When you have made this call or sent the e-mail, type x "
                "(or ✓, or the date you did it, if not today)."),
    TodayColumn("Outcome", None, 18, ColumnKind.MARK, "s", prompt="Pick what happened from the list. The next refresh "
                "applies it to your tracker.", choices=OUTCOMES),
    TodayColumn("Date", None, 11, ColumnKind.MARK_DATE, "s", prompt=f"For \"{Outcome.CALL_BACK}\": the date to call "
                f"back. For \"{Outcome.INTERVIEW}\": the interview date."),
    TodayColumn("Name", None, 14, ColumnKind.MARK, "s", prompt=f"For \"{Outcome.GOT_NAME}\": type the name."),
)


def sheet_columns() -> tuple[TodayColumn, ...]:
    return tuple(c for c in TODAY_COLUMNS if "s" in c.where)


def export_columns() -> tuple[TodayColumn, ...]:
    return tuple(c for c in TODAY_COLUMNS if "e" in c.where)


def terminal_columns() -> tuple[TodayColumn, ...]:
    return tuple(c for c in TODAY_COLUMNS if "t" in c.where)


def today_fields() -> list[str]:
    """The today-table fields the columns show (Tracker row shows both sheet and row)."""
    fields = []
    for c in TODAY_COLUMNS:
        for f in (("sheet", "row") if c.kind == "row" else (c.field,) if c.field else ()):
            if f not in fields:
                fields.append(f)
    return fields


def row_label(sheet: str, row: int) -> str:
    """The Tracker row cell's text, e.g. "Applications!12" (read back to find the row)."""
    return f"{sheet}!{int(row)}"


def tel_url(phone: str) -> str | None:
    """A tel: link of the digits (and a leading +) only, so nothing else can get in; of the first
    number only ("555-0100 ext. 12" and "555-0100 / 555-0199" dial 5550100). None: no number."""
    m = re.search(r"\+?\(?\d[\d\s().\-]*", phone or "")
    if m is None:
        return None
    digits = re.sub(r"[^0-9]", "", m.group())
    if len(digits) < 3:
        return None
    return "tel:" + ("+" if m.group().startswith("+") else "") + digits


def mailto_url(email: str) -> str | None:
    from urllib.parse import quote
    email = (email or "").strip()
    if not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", email):
        return None
    return "mailto:" + quote(email, safe="@.+-_")


def plain_value(column: TodayColumn, record: Mapping[Any, Any], terminal: bool = False, language: str = "en") -> Any:
    """The column's value for one row of today's table, as plain text/number/date (exports and
    the terminal; there a phone column falls back to the e-mail)."""
    if column.kind == "row":
        return row_label(record["sheet"], record["row"])
    value = record.get(column.field) if column.field else None
    if column.kind == "phone" and not value:
        return (record.get("email") if terminal else None) or (
            say("outputs", NO_WAY_TO_REACH_CELL, language) if not record.get("email") else value)
    return value


def shown_header(column: TodayColumn, language: str = "en", terminal: bool = False) -> str:
    """A column's header in `language`: the Today sheet's word where it has one (catalogue
    [today]), else the exports' (catalogue [outputs]); `terminal`: the shorter terminal one."""
    text = (column.terminal or column.header) if terminal else column.header
    shown = say("today", text, language)
    return shown if shown != text else say("outputs", text, language)
