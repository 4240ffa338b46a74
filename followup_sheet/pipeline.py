"""The whole job: read -> plan -> render -> write, for the CLI and the watcher alike.

`refresh()` updates a workbook; `check()` explains how it was read; `today_table()` and
`export_today()` give today's calls without touching the workbook.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .plan import STAGES, TODAY_SORT, build_plan, summary, today_keys
from .read import Tracker, read_trackers
from .render import render_scripts
from .settings import Settings, load_settings
from .xlsx import column_letters

log = logging.getLogger(__name__)

TODAY_COLUMNS = ["sheet", "row", "company", "position", "contact", "phone", "email", "status",
                 "days_overdue", "due", "script"]
EXPORT_HEADERS = {"sheet": "Sheet", "row": "Row", "company": "Company", "position": "Position",
                  "contact": "Contact", "phone": "Phone", "email": "E-mail", "status": "Status",
                  "days_overdue": "Days overdue", "due": "Next follow-up", "script": "Script"}


@dataclass
class SheetOutcome:
    tracker: Tracker
    plan: pd.DataFrame
    scripts: pd.Series


@dataclass
class RefreshResult:
    path: Path                     # the workbook written (or that would be)
    sheets: list[SheetOutcome]
    today: pd.DataFrame            # today's calls, in the rules' order (TODAY_COLUMNS)
    changed: bool = False          # the workbook's content differs from before
    written: bool = False
    backup: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)


def _settings(path: Path, settings: Settings | None, config: Path | None, overrides: dict[str, Any]) -> Settings:
    if settings is not None:
        return settings.replace(**overrides) if overrides else settings
    return load_settings(path, config, **overrides)


def compute(path: Path, *, sheet: str | None = None, today: dt.date | None = None,
            settings: Settings | None = None, config: Path | None = None, data: bytes | None = None,
            **overrides: Any) -> tuple[list[SheetOutcome], pd.DataFrame, Settings]:
    """Read, plan and render every tracker sheet of `path`; nothing is written."""
    path = Path(path)
    settings = _settings(path, settings, config, overrides)
    today = today or dt.date.today()
    outcomes = []
    for tracker in read_trackers(path, settings, sheet, data=data):
        plan = build_plan(tracker.frame, today, settings)
        scripts = render_scripts(tracker.frame, plan, today, settings)
        outcomes.append(SheetOutcome(tracker, plan, scripts))
    return outcomes, today_table(outcomes), settings


def refresh(path: Path, *, sheet: str | None = None, today: dt.date | None = None,
            settings: Settings | None = None, config: Path | None = None, output: Path | None = None,
            dry_run: bool = False, backup: bool = True, data: bytes | None = None,
            **overrides: Any) -> RefreshResult:
    """Bring the workbook's follow-up columns and Today sheet up to date for `today`."""
    from .write import SheetPlan, write_back

    today = today or dt.date.today()
    outcomes, todays, settings = compute(path, sheet=sheet, today=today, settings=settings, config=config,
                                         data=data, **overrides)
    plans = [SheetPlan(o.tracker, o.plan["status"], o.plan["due"], o.scripts) for o in outcomes]
    done = write_back(plans, todays, today, settings, output=output, backup=backup, dry_run=dry_run)
    counts: dict[str, int] = {}
    for o in outcomes:
        for status, n in summary(o.plan).items():
            counts[status] = counts.get(status, 0) + n
    log.info("%s: %s", done.path, "written" if done.written else "unchanged" if not done.changed else "dry run")
    return RefreshResult(path=done.path, sheets=outcomes, today=todays, changed=done.changed,
                         written=done.written, backup=done.backup, counts=counts)


NO_WAY_TO_REACH = "Find a number or e-mail first: this row has neither a phone nor an e-mail."


def today_table(outcomes: list[SheetOutcome]) -> pd.DataFrame:
    """Overdue and Due today rows of every tracker sheet, in the rules' order (plan.today_keys,
    also across sheets). A row with neither phone nor e-mail says to find one first (rules §6)."""
    parts = []
    for o in outcomes:
        f, p = o.tracker.frame, o.plan
        keys = today_keys(f, p)
        order = keys.sort_values(TODAY_SORT, na_position="last", kind="stable").index
        phone, email = f.loc[order, "contact_phone"].to_numpy(), f.loc[order, "contact_email"].to_numpy()
        script = [f"{NO_WAY_TO_REACH}\n\n{text}" if not (ph or em) else text
                  for text, ph, em in zip(o.scripts.loc[order].tolist(), phone.tolist(), email.tolist())]
        parts.append(pd.DataFrame({
            "sheet": o.tracker.sheet, "row": order.to_numpy(), "company": f.loc[order, "company"].to_numpy(),
            "position": f.loc[order, "position"].to_numpy(), "contact": f.loc[order, "contact"].to_numpy(),
            "phone": phone, "email": email,
            "status": p.loc[order, "status"].to_numpy(), "days_overdue": p.loc[order, "days_overdue"].to_numpy(),
            "due": p.loc[order, "due"].to_numpy(), "script": pd.Series(script, dtype=object).to_numpy(),
            **{f"_{k}": keys.loc[order, k].to_numpy() for k in TODAY_SORT if k != "row"},
            "_sheet": len(parts),
        }))
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=TODAY_COLUMNS)
    if len(outcomes) > 1 and not table.empty:
        by = [f"_{k}" for k in TODAY_SORT if k != "row"] + ["_sheet", "row"]
        table = table.sort_values(by, na_position="last", kind="stable")
    return table[TODAY_COLUMNS].reset_index(drop=True)


def export_today(table: pd.DataFrame, out: Path) -> Path:
    """Write today's calls to a .csv or .xlsx file of its own (never the tracker itself)."""
    out = Path(out)
    shown = table.rename(columns=EXPORT_HEADERS)
    shown["Next follow-up"] = pd.to_datetime(shown["Next follow-up"]).dt.date
    if out.suffix.lower() == ".csv":
        with open(out, "w", newline="", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh)
            writer.writerow(shown.columns)
            for rec in shown.itertuples(index=False):
                writer.writerow([_csv_safe(v) for v in rec])
        return out
    if out.suffix.lower() in (".xlsx", ".xlsm"):
        _export_xlsx(shown, out)
        return out
    from .errors import BadSettings
    raise BadSettings(f"{out}: export to a .csv or .xlsx file")


def _csv_safe(value: Any) -> Any:
    """Spreadsheet programs run CSV cells starting with = + - @ as formulas; make them text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _export_xlsx(shown: pd.DataFrame, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment, Font

    from .write import clean_text

    wb = Workbook()
    ws = wb.active
    ws.title = "Today"
    ws.append(list(shown.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for rec in shown.itertuples(index=False):
        ws.append([None if not isinstance(v, str) and pd.isna(v) else v for v in rec])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.value = clean_text(cell.value)
                cell.data_type = TYPE_STRING   # never a formula or an error code
        ws.cell(ws.max_row, 10).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 11).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGHIJK", (14, 6, 22, 24, 18, 14, 24, 11, 9, 13, 70)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    wb.save(out)


@dataclass
class CheckReport:
    path: Path
    trackers: list[Tracker]
    lines: list[str]


def check(path: Path, *, sheet: str | None = None, settings: Settings | None = None,
          config: Path | None = None, today: dt.date | None = None, **overrides: Any) -> CheckReport:
    """How the workbook was read: sheet, header row, column mapping, row problems, stage words."""
    path = Path(path)
    settings = _settings(path, settings, config, overrides)
    trackers = read_trackers(path, settings, sheet)
    lines: list[str] = []
    for t in trackers:
        lines.append(f"Sheet: {t.sheet!r}" + (f" (chosen because {'; '.join(t.reasons)})" if t.reasons else ""))
        lines.append(f"Header row: {t.header_row}")
        lines.append("Columns:")
        for fld, col in sorted(t.columns.items(), key=lambda kv: kv[1].index):
            order = t.date_orders.get(fld)
            extra = {"dmy": ", day-first", "mdy": ", month-first"}.get(order, "")
            lines.append(f"  {fld:<15} <- {col.header!r} (column {col.letter}{extra})")
        letters = [f"{h} -> column {column_letters(c)}{' (exists)' if e else ''}"
                   for h, c, e in zip(("Follow-up Status", "Next Follow-up", "Follow-up Script"),
                                      t.output_columns, t.existing_output)]
        lines.append("Writes: " + "; ".join(letters))
        if t.table is not None:
            lines.append(f"Excel table: {t.table.name} (the new columns join it)")
        for note in t.notes:
            lines.append(f"Note: {note}")
        n = len(t.frame)
        lines.append(f"Applications: {n} (rows {t.frame.index.min()}-{t.frame.index.max()})" if n
                     else "Applications: none found under the header")
        lines.extend(_stage_word_lines(t.frame, settings))
        problems = list(t.problems) + t.skipped_rows
        if problems:
            lines.append(f"Row problems ({len(problems)}):")
            lines.extend(f"  {p}" for p in problems)
        else:
            lines.append("Row problems: none")
        lines.append("")
    reminder = you_reminder(settings)
    if reminder:
        lines.append(reminder)
    return CheckReport(path, trackers, lines)


def you_reminder(settings: Settings) -> str | None:
    """What to fill in when [you] has no phone or e-mail (voicemails then end "I'll follow up
    by e-mail" instead of saying how to reach you)."""
    if settings.your_phone or settings.your_email:
        return None
    return ("Fill in [you]: voicemails end with how to reach you, and your phone and e-mail are not set. "
            "Add to followup.toml beside the workbook:\n"
            "  [you]\n  name = \"Your Name\"\n  phone = \"(555) 010-0000\"\n  email = \"you@example.com\"")


def _stage_word_lines(frame: pd.DataFrame, settings: Settings) -> list[str]:
    """Which stage each distinct stage/response text went to and the words that decided it, then
    the texts read as applied only because no list knew their words (rules §2)."""
    from .plan import stage_words, unplaced_words

    stage_text = (frame["stage"] + " " + frame["response"]).str.strip()
    shown_as = frame["stage"].map(repr).where(frame["stage"] != "", "")
    with_response = frame["response"] != ""
    shown_as = shown_as.where(~with_response, shown_as + " + response " + frame["response"].map(repr))
    texts = pd.DataFrame({"shown": shown_as.str.lstrip(" +"), "text": stage_text})
    texts = texts[texts["shown"] != ""].drop_duplicates("shown")
    if texts.empty:
        return []
    placed: dict[str, list[str]] = {}
    unsure: list[str] = []
    for shown, text in zip(texts["shown"], texts["text"]):
        stage, words, negated = stage_words(text, settings)
        why = [", ".join(dict.fromkeys(words))] if words else []
        why += [f"not counted after a negation: {', '.join(dict.fromkeys(negated))}"] if negated else []
        placed.setdefault(stage, []).append(f"{shown} ({'; '.join(why)})" if why else shown)
        unknown = unplaced_words(text, settings)
        if unknown:
            unsure.append(f"{shown} (unknown: {', '.join(dict.fromkeys(unknown))})")
    lines = ["Stage words:"]
    for stage, shown in sorted(placed.items(), key=lambda kv: STAGES.index(kv[0])):
        more = f" and {len(shown) - 12} more" if len(shown) > 12 else ""
        lines.append(f"  {stage:<13} <- {', '.join(shown[:12])}{more}")
    if unsure:
        lines.append(f"Stage text read as applied only because no word list knows it ({len(unsure)}); "
                     "add its words to [words] in followup.toml if it means something else:")
        lines.extend(f"  {u}" for u in unsure[:30])
        if len(unsure) > 30:
            lines.append(f"  and {len(unsure) - 30} more")
    return lines

