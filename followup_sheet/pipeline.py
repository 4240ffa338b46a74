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

from .plan import build_plan, summary, today_order
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


def today_table(outcomes: list[SheetOutcome]) -> pd.DataFrame:
    """Overdue and Due today rows of every tracker sheet, in the rules' order."""
    parts = []
    for o in outcomes:
        f, p = o.tracker.frame, o.plan
        order = today_order(f, p)
        parts.append(pd.DataFrame({
            "sheet": o.tracker.sheet, "row": order.to_numpy(), "company": f.loc[order, "company"].to_numpy(),
            "position": f.loc[order, "position"].to_numpy(), "contact": f.loc[order, "contact"].to_numpy(),
            "phone": f.loc[order, "contact_phone"].to_numpy(), "email": f.loc[order, "contact_email"].to_numpy(),
            "status": p.loc[order, "status"].to_numpy(), "days_overdue": p.loc[order, "days_overdue"].to_numpy(),
            "due": p.loc[order, "due"].to_numpy(), "script": o.scripts.loc[order].to_numpy(),
            "_person": ((f.loc[order, "hiring_manager"] != "") | (f.loc[order, "referrer"] != "")).to_numpy(),
            "_applied": f.loc[order, "applied_on"].fillna(f.loc[order, "last_contact"]).to_numpy(),
        }))
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=TODAY_COLUMNS)
    if len(outcomes) > 1 and not table.empty:
        table = table.assign(_o=-table["days_overdue"], _p=~table["_person"].astype(bool)) \
            .sort_values(["_o", "_p", "_applied"], na_position="last", kind="stable")
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


EXPORT_MARKER = "followup-sheet: list of today's calls"   # the description of an .xlsx `export_today` made


def is_tool_export(path: Path) -> bool:
    """Whether `path` is an .xlsx export this tool wrote: its document description is our marker."""
    import zipfile
    import zlib

    from .xlsx import parse_xml
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > 2**20:
                return False
            root = parse_xml(zf.read(info), f"{path}: docProps/core.xml")
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zlib.error, NotImplementedError):
        return False   # missing, unreadable, not a zip, no properties, damaged: not provably ours
    return any(el.tag == "{http://purl.org/dc/elements/1.1/}description" and (el.text or "") == EXPORT_MARKER
               for el in root)


def _export_xlsx(shown: pd.DataFrame, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment, Font

    from .write import clean_text

    wb = Workbook()
    wb.properties.description = EXPORT_MARKER   # so the watcher can tell its own side list from a user's file
    ws = wb.active
    ws.title = "Today"
    ws.append(list(shown.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for rec in shown.itertuples(index=False):
        ws.append([None if not isinstance(v, str) and pd.isna(v) else clean_text(v) if isinstance(v, str) else v
                   for v in rec])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
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
    from .plan import classify_stage

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
        stage_text = (t.frame["stage"] + " " + t.frame["response"]).str.strip()
        shown_as = t.frame["stage"].map(repr).where(t.frame["stage"] != "", "")
        with_response = t.frame["response"] != ""
        shown_as = shown_as.where(~with_response, shown_as + " + response " + t.frame["response"].map(repr))
        words = pd.DataFrame({"text": shown_as.str.lstrip(" +"), "stage": classify_stage(stage_text, settings)})
        words = words[words["text"] != ""].drop_duplicates("text")
        if not words.empty:
            lines.append("Stage words:")
            for stage, group in words.groupby("stage", sort=False):
                shown = ", ".join(group["text"].head(12))
                more = f" and {len(group) - 12} more" if len(group) > 12 else ""
                lines.append(f"  {stage:<13} <- {shown}{more}")
        problems = list(t.problems) + t.skipped_rows
        if problems:
            lines.append(f"Row problems ({len(problems)}):")
            lines.extend(f"  {p}" for p in problems)
        else:
            lines.append("Row problems: none")
        lines.append("")
    return CheckReport(path, trackers, lines)

