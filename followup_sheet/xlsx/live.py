"""A live workbook: the Follow-up Status formulas that move with TODAY(), the conditional formats
that colour the Status column by its value, and the Today sheet's "built on" notice.

Formulas are built only from cell references and constants the tool computes; no cell's content
ever becomes formula text. Function names are those Excel and LibreOffice both document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from ..status import ACTIVE, Status
from .cells import escape_text
from .order import WORKSHEET_ORDER, tail_position, top_elements

# statuses that move by date alone, and so get a formula
MOVING = tuple(s.value for s in ACTIVE)
STATUSES = tuple(s.value for s in Status)
FORMULA_LIMIT = 8192   # Excel's longest formula, in characters


def _date(day: dt.date) -> str:
    return f"DATE({day.year},{day.month},{day.day})"


def serial(day: dt.date, date1904: bool) -> int:
    return (day - (dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30))).days


class StatusFormulas:
    """Formula text for the rows whose status moves by date alone (rules §3-§4 as a formula over
    the row's Next Follow-up cell and TODAY())."""

    def __init__(self, today: dt.date, soon_window: int, holidays: Iterable[dt.date], date1904: bool):
        # holidays before today cannot matter on a later day; weekends are no business days anyway
        ahead = sorted({h for h in holidays if h >= today and h.weekday() < 5})
        self.holidays = ("," + "{" + ",".join(str(serial(h, date1904)) for h in ahead) + "}") if ahead else ""
        self.soon_window = soon_window

    def formula(self, due_ref: str, *, cold_from: dt.date | None, cold_pinned: bool, cold_at_due: bool) -> str | None:
        """The status formula of one row whose Next Follow-up is in `due_ref`; None when it
        would be longer than a formula may be (the cell then keeps its plain value)."""
        d, h = due_ref, self.holidays
        soon_limit = f"WORKDAY(WORKDAY(TODAY()-1,1{h}),{self.soon_window}{h})"   # busday_offset, roll forward
        chain = (f'IF({d}<TODAY(),"Overdue",IF({d}=TODAY(),"Due today",'
                 f'IF({d}<={soon_limit},"Due soon","Waiting")))')
        cold = []
        if cold_at_due:             # at the last allowed follow-up: cold once the date comes
            cold.append(f"TODAY()>={d}")
        if cold_from is not None:   # too old, unless a pinned date is still ahead
            cold.append(f"AND(TODAY()>={_date(cold_from)},TODAY()>{d})" if cold_pinned
                        else f"TODAY()>={_date(cold_from)}")
        if cold:
            test = cold[0] if len(cold) == 1 else f"OR({','.join(cold)})"
            chain = f'IF({test},"Gone cold",{chain})'
        return chain if len(chain) < FORMULA_LIMIT else None


def formula_cell(p: str, ref: str, style: int | None, formula: str, cached: str) -> str:
    """A formula cell with a text result: the cached value is what readers that do not calculate see."""
    s = f' s="{style}"' if style is not None else ""
    return f'<{p}c r="{ref}"{s} t="str"><{p}f>{escape_text(formula)}</{p}f><{p}v>{escape_text(cached)}</{p}v></{p}c>'


def live_columns(plan) -> dict[int, tuple]:
    """Per sheet row: (cold_from, cold_pinned, cold_at_due) from the plan's columns of the same names."""
    days = plan["cold_from"].to_numpy(dtype="datetime64[D]")
    cold_from = days.tolist()     # datetime.date, None for NaT
    return dict(zip(plan.index.tolist(), zip(cold_from, plan["cold_pinned"].tolist(), plan["cold_at_due"].tolist())))


# --- the Status column's conditional formats ----------------------------------------------

_RULE = re.compile(rb"<(?:[\w.-]+:)?cfRule\b")
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?formula>([^<]*)</(?:[\w.-]+:)?formula>")
_SQREF = re.compile(rb"""\ssqref\s*=\s*["']([^"']*)["']""")
_PRIORITY = re.compile(rb"""\spriority\s*=\s*["'](\d+)["']""")
_CELL_TYPE = re.compile(rb"""\stype\s*=\s*["']cellIs["']""")


def _is_ours(element: bytes, column: str) -> bool:
    """Our rule set: only cellIs rules, each equal to a quoted status, on cells of our column."""
    m = _SQREF.search(element, 0, element.find(b">"))
    if not m:
        return False
    areas = m.group(1).decode().split()
    if not areas or not all(re.fullmatch(rf"\$?{column}\$?\d+(?::\$?{column}\$?\d+)?", a) for a in areas):
        return False
    rules = _RULE.findall(element)
    formulas = [f.replace(b"&quot;", b'"').decode() for f in _FORMULA.findall(element)]
    return (bool(rules) and len(rules) == len(formulas) == len(_CELL_TYPE.findall(element))
            and all(f.startswith('"') and f.endswith('"') and f[1:-1] in STATUSES for f in formulas))


def status_ranges(column: str, rows: Iterable[int]) -> str:
    """The sqref of exactly these rows' cells in `column`, runs of rows as ranges."""
    out = []
    numbers = sorted(set(rows))
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        out.append(f"{column}{numbers[i]}" if i == j else f"{column}{numbers[i]}:{column}{numbers[j]}")
        i = j + 1
    return " ".join(out)


def place_status_formats(tail: bytes, p: str, column: str, rows: Iterable[int],
                         dxfs: Mapping[str, int] | None) -> bytes:
    """The worksheet's tail with our conditional formats for the Status column `column` in place:
    replacing our earlier set where it stands, else after the user's own; taken out when `dxfs`
    is None (live off). The user's own conditional formats are left as they are."""
    ours = []
    first = tail.find(b">") + 1
    for name, start, end in top_elements(tail, first):
        if name == "conditionalFormatting" and _is_ours(tail[start:end], column):
            ours.append((start, end))
    rows = list(rows)
    new = b""
    if dxfs is not None and rows:
        others = b"".join([tail[:ours[0][0]], tail[ours[-1][1]:]]) if ours else tail
        top = max((int(x) for x in _PRIORITY.findall(others)), default=0)
        rules = "".join(
            f'<{p}cfRule type="cellIs" dxfId="{dxfs[status]}" priority="{top + k}" operator="equal">'
            f'<{p}formula>"{escape_text(status)}"</{p}formula></{p}cfRule>'
            for k, status in enumerate((s for s in STATUSES if s in dxfs), start=1))
        new = (f'<{p}conditionalFormatting sqref="{status_ranges(column, rows)}">{rules}'
               f'</{p}conditionalFormatting>').encode()
    if ours:
        out = [tail[:ours[0][0]], new]
        pos = ours[0][1]
        for start, end in ours[1:]:   # a duplicate set (none should exist) goes too
            out.append(tail[pos:start])
            pos = end
        out.append(tail[pos:])
        return b"".join(out)
    if not new:
        return tail
    at = tail_position(tail, "conditionalFormatting", WORKSHEET_ORDER)
    return tail[:at] + new + tail[at:]


def stale_notice(today: dt.date, then: str = "", language: str = "en") -> tuple[str, str]:
    """The Today sheet's notice, followed by the text `then`: (formula, cached value on `today`).
    On the day the sheet was built it reads `then`; on any later day "Built on Monday, November
    30; refresh for today's list" comes first. `then` is the tool's own text; a piece longer than
    the 255 characters a formula's text constant may hold is joined from shorter ones."""
    if language == "en":
        built = f"Built on {today:%A, %B} {today.day}; refresh for today's list"
    else:
        from babel.dates import format_skeleton

        from ..catalogue import say
        built = say("outputs", "Built on {day}; refresh for today's list", language).format(
            day=format_skeleton("MMMMEEEEd", today, locale=language))
    from ..catalogue import next_sentence
    text = built + (next_sentence(language) + then if then else "")
    return f"IF(TODAY()>{_date(today)},{text_constant(text)},{text_constant(then)})", then


def text_constant(text: str, most: int = 255) -> str:
    """`text` as a formula's text constant: quotes doubled, and longer text (a translated notice)
    joined with & from pieces of at most `most` characters, the most a formula's text may hold."""
    pieces = [text[i:i + most] for i in range(0, len(text), most)] or [""]
    return "&".join('"' + p.replace('"', '""') + '"' for p in pieces)
