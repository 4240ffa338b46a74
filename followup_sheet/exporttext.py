"""Render stage for the exports: today's calls (and the calendar's upcoming ones) as text files.

Input: the today table (pipeline.today_table) or the sheet outcomes; output: the bytes of a
.csv, .md, .html or .ics file, or the stats page. Writing the file is exportfiles.export_today's job.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from typing import Any

import pandas as pd

from . import columns
from .catalogue import Words
from .status import ACTIVE, CALL_OUTCOMES, Outcome

# The outcome boxes of the printable call sheet (status.CALL_OUTCOMES), with a line to write the
# date or the name on where the outcome needs one.
_BLANK = "____________"
OUTCOMES = tuple(o.value.removesuffix(" a date") + f" {_BLANK}" if o is Outcome.CALL_BACK
                 else f"{o.value}: {_BLANK}" if o is Outcome.GOT_NAME else o.value for o in CALL_OUTCOMES)


def outcome_boxes(language: str = "en") -> tuple[str, ...]:
    """The call sheet's outcome boxes in `language`: the drop-down's words, with a line to write
    the date or the name on where the outcome needs one."""
    if language == "en":
        return OUTCOMES
    w = Words(language)
    return tuple(f"{w.outcome(o.value)}: {_BLANK}" if o in (Outcome.CALL_BACK, Outcome.GOT_NAME)
                 else w.outcome(o.value) for o in CALL_OUTCOMES)
CALENDAR_WEEKS = 4
CALENDAR_STATUSES = tuple(s.value for s in ACTIVE)

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# --- CSV and Markdown -------------------------------------------------------------------------

def today_text(table: pd.DataFrame, fmt: str = "csv", language: str = "en") -> str:
    """Today's calls as text for standard output: CSV (formula-safe, as the .csv export) or
    Markdown. A CSV file's column names and status values stay English whatever the language
    (other programs import them by name); Markdown is read by people, so it speaks `language`."""
    if fmt == "md":
        return markdown_table(shown_table(table, language), more_of(table, language))
    return csv_bytes(shown_table(table), lineterminator="\n", more=more_of(table, language)).decode("utf-8-sig")


def more_of(table: pd.DataFrame, language: str = "en") -> str:
    """The "and N more" line when the daily budget left calls for the next business day."""
    return columns.more_line(int(table.attrs.get("more", 0)), language)


def shown_table(table: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """Today's calls with the exports' columns (columns.export_columns), headers and status
    values as shown in `language` (English: the names a CSV file keeps for other programs)."""
    shown = {}
    records = table.to_dict("records")
    w = Words(language)
    headers = [columns.shown_header(c, language) for c in columns.export_columns()]
    for c, header in zip(columns.export_columns(), headers):
        if c.kind == "date":
            shown[header] = pd.to_datetime(table[c.field]).dt.date.to_numpy() if len(table) else []
        elif c.kind == "status":
            shown[header] = [w.status(str(rec.get(c.field) or "")) for rec in records]
        else:
            shown[header] = [columns.plain_value(c, rec, language=language) for rec in records]
    return pd.DataFrame(shown, columns=headers)


# A phone number as people write it: a leading + and then only digits and separators. Pasted
# into a spreadsheet it can hold no formula (no name, no quote, no operator that reaches out), so
# a Markdown table shows it as it is; a CSV file still guards it, since a spreadsheet opening the
# file would turn +34 600 111 222 into a failed sum.
_PHONE = re.compile(r"\+[\d\s().\-/]*\d[\d\s().\-/]*")


def markdown_table(shown: pd.DataFrame, more: str = "") -> str:
    """A Markdown table; cell text cannot break out of its cell (| escaped, line breaks as <br>)."""
    def cell(value: Any) -> str:
        value = _CONTROL.sub("", value) if isinstance(value, str) and _PHONE.fullmatch(value) else csv_safe(value)
        text = str(value).replace("\\", "\\\\").replace("|", "\\|")
        # raw HTML and link brackets would be live in a notes app that renders Markdown
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = text.replace("[", "\\[").replace("]", "\\]").replace("`", "\\`")
        return re.sub(r"\r\n|\r|\n", "<br>", text)

    lines = ["| " + " | ".join(shown.columns) + " |", "|" + "---|" * len(shown.columns)]
    for rec in shown.itertuples(index=False):
        lines.append("| " + " | ".join(cell(v) for v in rec) + " |")
    if more:
        lines += ["", more]
    return "\n".join(lines) + "\n"


def csv_bytes(shown: pd.DataFrame, lineterminator: str = "\r\n", more: str = "") -> bytes:
    """The CSV file; with `more`, a last row holding only that line (the calls left for later)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator=lineterminator)
    writer.writerow(shown.columns)
    for rec in shown.itertuples(index=False):
        writer.writerow([csv_safe(v) for v in rec])
    if more:
        writer.writerow([more] + [""] * (len(shown.columns) - 1))
    return text.getvalue().encode("utf-8-sig")


def csv_safe(value: Any) -> Any:
    """Spreadsheet programs run CSV cells starting with = + - @ as formulas; make them text.
    Control characters (a terminal's escape sequences among them) are dropped."""
    if isinstance(value, str):
        value = _CONTROL.sub("", value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else value


# --- the printable call sheet ---------------------------------------------------------------

def _environment():
    """The pages' templates, sandboxed as the scripts' are (render.sandboxed_environment_class)."""
    import jinja2

    from .render import bundled_templates, sandboxed_environment_class
    return sandboxed_environment_class()(loader=jinja2.FileSystemLoader(bundled_templates() / "exports"),
                                         autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                                         lstrip_blocks=True, keep_trailing_newline=True)


def _clean(value: Any) -> str:
    """Cell text for a page: control characters dropped (line breaks kept), missing as ''."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return _CONTROL.sub("", str(value)).strip()


def _tel(phone: str) -> str:
    """A tel: link's number (the rule is columns.tel_url's)."""
    return (columns.tel_url(phone) or "").removeprefix("tel:")


def _mailto(email: str) -> str:
    return columns.mailto_url(email) or ""


def call_sheet_html(table: pd.DataFrame, today: dt.date, title: str = "", language: str = "en") -> bytes:
    """The printable call sheet: one block per call with the outcome boxes, one self-contained
    page, its own words in `language`."""
    w = Words(language)
    calls = []
    for r in table.itertuples(index=False):
        phone, email = _clean(r.phone), _clean(r.email)
        script = _clean(r.script)
        if not (phone or email) and script.startswith(w(_no_way())):
            script = script[len(w(_no_way())):].lstrip()
        calls.append({
            "company": _clean(r.company) or w("(no company)"), "position": _clean(r.position),
            "ask_for": _clean(r.ask_for), "phone": phone, "tel": _tel(phone), "email": email,
            "mailto": _mailto(email), "status": _clean(r.status), "days_overdue": int(r.days_overdue or 0),
            "script": script, "notes": _clean(getattr(r, "notes", "")), "why": _clean(getattr(r, "why", "")),
            "where": w("row {row} of {sheet}", row=r.row, sheet=_clean(r.sheet)),
        })
    page = _environment().get_template("call_sheet.html.j2").render(
        calls=calls, today=today, title=_clean(title), outcomes=outcome_boxes(language), more=more_of(table, language),
        w=w).encode("utf-8")
    return sealed(page, ".html", len(page))


def _no_way() -> str:
    from .render import NO_WAY_TO_REACH
    return NO_WAY_TO_REACH


# --- the calendar -------------------------------------------------------------------------------

def upcoming_table(outcomes: list, today: dt.date, weeks: int = CALENDAR_WEEKS) -> pd.DataFrame:
    """Follow-ups due from now to `weeks` weeks ahead (overdue ones included), every sheet, by
    date: the today table's fields plus `channel`."""
    from .render import addresses, asked_for
    end = pd.Timestamp(today + dt.timedelta(weeks=weeks))
    parts = []
    for o in outcomes:
        f, p = o.tracker.frame, o.plan
        rows = p.index[p["status"].isin(CALENDAR_STATUSES) & p["due"].notna() & (p["due"] <= end)]
        parts.append(pd.DataFrame({
            "sheet": o.tracker.sheet, "row": rows.to_numpy(), "company": f.loc[rows, "company"].to_numpy(),
            "position": f.loc[rows, "position"].to_numpy(), "ask_for": asked_for(f.loc[rows], p.loc[rows]),
            "phone": f.loc[rows, "contact_phone"].to_numpy(), "email": addresses(f.loc[rows]),
            "status": p.loc[rows, "status"].to_numpy(), "due": p.loc[rows, "due"].to_numpy(),
            "days_overdue": p.loc[rows, "days_overdue"].to_numpy(), "channel": p.loc[rows, "channel"].to_numpy(),
            "script": o.scripts.loc[rows].to_numpy(), "notes": f.loc[rows, "notes"].to_numpy(),
            "applied_on": f.loc[rows, "applied_on"].to_numpy(),
        }))
    columns = ["sheet", "row", "company", "position", "ask_for", "phone", "email", "status", "due",
               "days_overdue", "channel", "script", "notes", "applied_on"]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    if table.empty:
        return pd.DataFrame(columns=columns)
    return table.sort_values(["due", "sheet", "row"], kind="stable").reset_index(drop=True)


CALL_SLOT = dt.timedelta(minutes=15)          # one call's place in the day
REMINDER = dt.timedelta(minutes=10)           # the alarm, before the call
FORGET_CANCELLED = dt.timedelta(weeks=8)      # a cancellation this old is no longer sent


def event_uid(company: Any, position: Any, applied: Any) -> str:
    """A follow-up's UID from the application itself (company, position, date applied), so a
    renamed tracker, another sheet or moved rows update the same events instead of adding copies."""
    day = "" if applied is None or (not isinstance(applied, str) and pd.isna(applied)) \
        else f"{pd.Timestamp(applied):%Y-%m-%d}"
    key = "\x1f".join([" ".join(_clean(company).casefold().split()), " ".join(_clean(position).casefold().split()),
                       day])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@followup-sheet"


def calendar_ics(table: pd.DataFrame, today: dt.date, title: str, *, hours: tuple[dt.time, dt.time],
                 zone: Any = None, holidays: tuple[dt.date, ...] = (),
                 earlier: dict[str, dict[str, Any]] | None = None,
                 language: str = "en") -> tuple[bytes, dict[str, dict[str, Any]]]:
    """An RFC 5545 calendar made with `icalendar`: each follow-up a timed event within `hours` of
    a business day (an overdue one on the first business day from `today`), in `zone` (a
    zoneinfo zone; None: floating times, which a calendar shows in its own zone), with a
    reminder. Events of `earlier` exports that no longer stand come again as cancellations (same
    UID, a higher SEQUENCE). The property names are the standard's; the text people read
    (SUMMARY, DESCRIPTION, the calendar's name) speaks `language`. Returns the file's bytes and
    the events to remember for next time."""
    import icalendar

    w = Words(language)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//followup-sheet//follow-up calls//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _clean(w("Follow-ups: {title}", title=title)))
    if zone is not None:
        cal.add("x-wr-timezone", zone.key)
    stamp = dt.datetime.combine(today, dt.time(), dt.UTC)
    earlier = earlier or {}
    record: dict[str, dict[str, Any]] = {}
    for uid, start, r in _placed(table, today, hours, zone, holidays):
        name = " ".join(_clean(r.company).split()) or w("(no company)")
        position = " ".join(_clean(r.position).split())
        summary = w("E-mail {company}" if r.channel == "email" else "Call {company}", company=name) \
            + (f" ({position})" if position else "")
        description = _description(r, today, w)
        fingerprint = hashlib.sha256(f"{start.isoformat()}\x1f{summary}\x1f{description}".encode()).hexdigest()
        before = earlier.get(uid, {})
        sequence = int(before.get("sequence", -1)) + (0 if before.get("fingerprint") == fingerprint
                                                      and not before.get("cancelled") else 1)
        sequence = max(sequence, 0)
        cal.add_component(_event(uid, stamp, sequence, start, summary, description, "CONFIRMED"))
        record[uid] = {"sequence": sequence, "fingerprint": fingerprint, "start": start.isoformat(),
                       "summary": summary}
    for uid, before in sorted(earlier.items()):
        if uid in record or not isinstance(before, dict):
            continue
        try:
            start = dt.datetime.fromisoformat(str(before["start"]))
            sequence = int(before["sequence"]) + (0 if before.get("cancelled") else 1)
        except (KeyError, TypeError, ValueError):
            continue
        if start.date() < today - FORGET_CANCELLED:
            continue
        summary = str(before.get("summary", ""))
        cal.add_component(_event(uid, stamp, sequence, start, summary,
                                 w("This follow-up no longer stands: the application was closed, answered or "
                                   "moved on in the tracker."), "CANCELLED"))
        record[uid] = {"sequence": sequence, "start": start.isoformat(), "summary": summary, "cancelled": True}
    if zone is not None:
        cal.add_missing_timezones()
    body = cal.to_ical()
    return sealed(body, ".ics", body.index(b"\r\n") + 2), record


def _placed(table: pd.DataFrame, today: dt.date, hours: tuple[dt.time, dt.time], zone: Any,
            holidays: tuple[dt.date, ...]) -> list[tuple[str, dt.datetime, Any]]:
    """(UID, start, row) of each follow-up: on its due day rolled to a business day and not before
    the first business day from `today`, one CALL_SLOT after the other from the start of `hours`
    (more calls than slots start again at the top of the hours)."""
    from .plan import next_business_day

    first = next_business_day(today, holidays)
    opening = dt.datetime.combine(today, hours[0])
    slots = max(1, (dt.datetime.combine(today, hours[1]) - opening) // CALL_SLOT)
    taken: dict[dt.date, int] = {}
    seen: dict[str, int] = {}
    out = []
    for r in table.itertuples(index=False):
        uid = event_uid(r.company, r.position, getattr(r, "applied_on", None))
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:       # the same application twice: the later rows stay apart
            uid = uid.replace("@", f"-{seen[uid]}@", 1)
        day = max(next_business_day(pd.Timestamp(r.due).date(), holidays), first)
        n = taken.get(day, 0)
        taken[day] = n + 1
        start = dt.datetime.combine(day, hours[0]) + (n % slots) * CALL_SLOT
        out.append((uid, start.replace(tzinfo=zone) if zone is not None else start, r))
    return out


def _event(uid: str, stamp: dt.datetime, sequence: int, start: dt.datetime, summary: str, description: str,
           status: str) -> Any:
    import icalendar

    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    event.add("status", status)
    event.add("dtstart", start)
    event.add("dtend", start + CALL_SLOT)
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT" if status == "CANCELLED" else "OPAQUE")
    if status != "CANCELLED":
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", -REMINDER)
        event.add_component(alarm)
    return event


def _description(r: Any, today: dt.date, w: Words | None = None) -> str:
    w = w or Words()
    due = pd.Timestamp(r.due).date()
    shown = f"{due:%Y-%m-%d}" if w.language == "en" else w.day(due, "medium")
    late = w("Overdue since {day}", day=shown) if due < today else \
        w("{status}, due {day}", status=w.status(str(r.status)), day=shown)
    parts = [late]
    if _clean(r.ask_for):
        parts.append(w("{label}: {value}", label=w("Ask for"), value=_clean(r.ask_for)))
    if _clean(r.phone):
        parts.append(w("{label}: {value}", label=w("Phone"), value=_clean(r.phone)))
    if _clean(r.email):
        parts.append(w("{label}: {value}", label=w("E-mail"), value=_clean(r.email)))
    if not (_clean(r.phone) or _clean(r.email)):
        parts.append(w(_no_way()))
    if _clean(r.notes):
        parts.append(f"{w('Notes:')} {_clean(r.notes)}")
    parts.append(w("({where})", where=w("row {row} of {sheet}", row=r.row, sheet=_clean(r.sheet))))
    return "\n".join(parts) + "\n\n" + _clean(r.script)


def system_zone() -> Any:
    """The computer's time zone as a zoneinfo zone, when it has an IANA name (TZ, or the link
    /etc/localtime on Linux and macOS); None otherwise (Windows), and the calendar's times float."""
    import os
    import zoneinfo
    names = [os.environ.get("TZ", "").lstrip(":")]
    try:
        names.append(os.path.realpath("/etc/localtime").split("/zoneinfo/", 1)[1])
    except (OSError, IndexError):
        pass
    for name in names:
        if name and not name.startswith("/"):
            try:
                return zoneinfo.ZoneInfo(name)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                continue
    return None


# --- the stats page -----------------------------------------------------------------------------

def stats_html(stats: Any, today: dt.date, title: str = "", language: str = "en") -> bytes:
    """The stats page: each figure as a table and inline SVG bars, one self-contained file, its
    words in `language`, its dates and numbers as the language writes them (Babel)."""
    from types import SimpleNamespace

    from babel.dates import format_skeleton
    w = Words(language)
    weeks = [] if stats.per_week is None else [
        f"{d:%b} {d.day}" if language == "en" else format_skeleton("MMMd", d, locale=language)
        for d in stats.per_week["week"]]
    stages = [w(str(v)) for v in stats.per_stage["stage"]]
    page = _environment().get_template("stats.html.j2").render(
        s=SimpleNamespace(stats=stats, today=today, week_labels=weeks, stage_labels=stages), title=_clean(title),
        footnote=STATS_FOOTNOTE, bars=_bars, w=w,
        percent=_percent if language == "en" else lambda v: _percent(v, language),
        day=today.isoformat() if language == "en" else w.day(today, "long")).encode("utf-8")
    return sealed(page, ".html", len(page))


STATS_FOOTNOTE = ("A reply from a person: the stage is an interview or an offer; or the Response column says "
                  "something that is not an automatic reply or \"no reply yet\"; or the application was closed by "
                  "them (a rejection counts, withdrawn or ghosted does not). Went cold: Gone cold status, or marked "
                  "ghosted.")


def _percent(value: float | None, language: str = "en") -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{value:.0%}" if language == "en" else Words(language).percent(value)


def _bars(labels: list[Any], values: list[float], fmt=lambda v: f"{v:g}", top: float | None = None,
          width: int = 560) -> Any:
    """Horizontal bars as an SVG drawing; labels are escaped, numbers are drawn by us."""
    from markupsafe import Markup, escape
    if not values:
        return Markup("")
    row, label_w, text_w = 22, 170, 60
    top = top or max(values) or 1
    out = [f'<svg class="bars" role="img" viewBox="0 0 {width} {row * len(values) + 4}" '
           f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">']
    for i, (label, value) in enumerate(zip(labels, values)):
        y = i * row + 2
        length = (width - label_w - text_w) * (value / top)
        text = _clean(label)
        short = text if len(text) <= 26 else text[:25] + "…"
        out.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(short)}'
                   f'<title>{escape(text)}</title></text>')
        out.append(f'<rect x="{label_w}" y="{y + 3}" width="{length:.1f}" height="{row - 7}" rx="2"/>')
        out.append(f'<text x="{label_w + length + 5:.1f}" y="{y + 15}">{escape(fmt(value))}</text>')
    out.append("</svg>")
    return Markup("".join(out))


# --- knowing our own files again ---------------------------------------------------------------

# A line in the .html and .ics exports: the marker and the fingerprint of the rest of the file, so
# a later export may replace it without --force, but not once someone has edited it.
# (The calendar's line keeps 48 hex digits of the fingerprint: a content line holds 75 octets.)
_SEAL_LINE = {".html": "<!-- followup-sheet export {} -->\n", ".ics": "X-FOLLOWUP-SHEET-EXPORT:{:.48}\r\n"}
_SEAL_FIND = re.compile(rb"(?m)^(?:<!-- followup-sheet export ([0-9a-f]{64}) -->\n|"
                        rb"X-FOLLOWUP-SHEET-EXPORT:([0-9a-f]{48})\r\n)")


def sealed(body: bytes, kind: str, at: int) -> bytes:
    """`body` with the seal line put at byte offset `at` (the start of a line)."""
    digest = hashlib.sha256(body).hexdigest()
    return body[:at] + _SEAL_LINE[kind].format(digest).encode("ascii") + body[at:]


def is_sealed(data: bytes) -> bool:
    """Whether `data` is an .html or .ics export as this tool wrote it."""
    m = _SEAL_FIND.search(data)
    if m is None:
        return False
    rest = data[:m.start()] + data[m.end():]
    return hashlib.sha256(rest).hexdigest().startswith((m.group(1) or m.group(2)).decode())
