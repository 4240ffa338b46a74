"""The whole job: read -> plan -> render -> write, for the CLI and the watcher alike.

`refresh()` updates a workbook; `check()` explains how it was read; `today_table()` and
`export_today()` give today's calls without touching the workbook.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import columns
from .errors import BadSettings, OutputRefused
from .export import _csv_bytes, _csv_safe, _markdown, _shown, today_text  # noqa: F401
from .filesafe import same_file
from .marks import ADDED_HEADERS, FIELD_NAMES, MarksResult, TrackerRows, apply_marks, parse_marks
from .plan import LIVE_COLUMNS, STAGES, TODAY_SORT, build_plan, contacts_this_week, sort_today, summary, today_keys
from .read import Tracker, read_trackers
from .render import ask_for, render_scripts, unknown_templates
from .settings import CONFIG_NAME, Settings, load_settings, settings_files, user_config_path
from .status import Situation, Status
from .xlsx import column_letters
from .xlsx.export import EXPORT_MARKER  # noqa: F401  (part of the public names)

log = logging.getLogger(__name__)

# today_table's columns: these, then the fields the column table shows (columns.today_fields)
TODAY_BASE = ["sheet", "row", "company", "position", "contact", "phone", "email", "status", "days_overdue",
              "due", "script", "ask_for", "notes"]


def today_columns() -> list[str]:
    return TODAY_BASE + [f for f in columns.today_fields() if f not in TODAY_BASE]


@dataclass
class SheetOutcome:
    tracker: Tracker
    plan: pd.DataFrame
    scripts: pd.Series


@dataclass
class RefreshResult:
    path: Path                     # the workbook written (or that would be)
    sheets: list[SheetOutcome]
    today: pd.DataFrame            # today's calls, in the rules' order (today_columns())
    changed: bool = False          # the workbook's content differs from before
    written: bool = False
    backup: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)
    empty: bool = False            # no applications yet: the workbook was left untouched
    changes: list[CellChange] = field(default_factory=list)   # with dry_run: the cells that would change
    marks: MarksResult = field(default_factory=MarksResult)      # marks from the Today sheet, applied or not


def _settings(path: Path, settings: Settings | None, config: Path | None, overrides: dict[str, Any]) -> Settings:
    if settings is not None:
        return settings.replace(**overrides) if overrides else settings
    return load_settings(path, config, **overrides)


def compute(path: Path, *, today: dt.date, sheet: str | None = None,
            settings: Settings | None = None, config: Path | None = None, data: bytes | None = None,
            **overrides: Any) -> tuple[list[SheetOutcome], pd.DataFrame, Settings]:
    """Read, plan and render every tracker sheet of `path`; nothing is written. Marks on the
    Today sheet not yet applied count as applied (see `refresh`)."""
    outcomes, todays, settings, _ = _compute(path, sheet=sheet, today=today, settings=settings, config=config,
                                             data=data, **overrides)
    return outcomes, todays, settings


def _compute(path: Path, *, today: dt.date, sheet: str | None = None,
             settings: Settings | None = None, config: Path | None = None, data: bytes | None = None,
             **overrides: Any) -> tuple[list[SheetOutcome], pd.DataFrame, Settings, MarksResult]:
    path = Path(path)
    settings = _settings(path, settings, config, overrides)
    if settings.templates is not None:
        for warning in unknown_templates(settings.templates):
            log.warning("%s", warning)
    outcomes = []
    trackers = read_trackers(path, settings, sheet, data=data)
    marks = roll_marks(trackers, today, settings)
    for tracker in trackers:
        plan = build_plan(tracker.frame, today, settings)
        scripts = render_scripts(tracker.frame, plan, today, settings)
        outcomes.append(SheetOutcome(tracker, plan, scripts))
    return outcomes, today_table(outcomes), settings, marks


def _mark_date_order(trackers: list[Tracker], settings: Settings) -> str:
    """How a date typed into a mark reads: the setting, else the order the tracker's dates were
    read in (month-first when nothing shows it, as the reader does)."""
    if settings.date_order in ("mdy", "dmy"):
        return settings.date_order
    for t in trackers:
        for why in t.date_orders.values():
            if why.startswith("day-first"):
                return "dmy"
            if why.startswith("month-first"):
                return "mdy"
    return "mdy"


def roll_marks(trackers: list[Tracker], today: dt.date, settings: Settings) -> MarksResult:
    """Apply the Today sheet's marks not yet in the Follow-up Log to the trackers' frames (so the
    plan sees them), and put the rows due an e-mail after three voicemails on the e-mail script.
    Marks on a sheet whose title gives no day count for `today`; marks on the user's copies of
    the Today sheet are read too, and applied once."""
    sheets = trackers[0].marks_sheets if trackers else None
    if sheets is None:
        return MarksResult()
    order = _mark_date_order(trackers, settings)
    marks = parse_marks(sheets.today_rows, sheets.built or today, sheets.today_sheet or "Today", order,
                        sheets.today_cells)
    for copy in sheets.copies:
        marks += parse_marks(copy.today_rows, copy.built or today, copy.today_sheet or "Today", order,
                             copy.today_cells, copy=True)
    rows = [TrackerRows(t.sheet, t.frame, set(t.columns), len(t.spare_columns)) for t in trackers]
    result = apply_marks(marks, rows, sheets.log_rows, settings)
    result.notes.extend(sheets.notes)
    for t in trackers:
        ladder = sorted(result.email_next.get(t.sheet, ()))
        if ladder:
            t.frame.loc[ladder, "no_calls"] = True
    for line in result.problems:
        log.info("%s", line)    # the callers report these (refresh's result)
    return result


# the header of a column marks add when the sheet's own column of that name holds the user's notes
NOTES_BESIDE = {"last_contact": "Last Contact Date", "follow_ups": "Follow-up Count"}


def mark_values(tracker: Tracker, marks: MarksResult) -> tuple[dict[int, dict[int, Any]], dict[int, str], list[str]]:
    """The user's cells the applied marks change on one sheet (row -> column -> value: a date,
    a number, text, None to empty it), the columns to add for fields the sheet lacks, and any
    change with no column left to hold it (apply_marks keeps such marks, so none is expected).
    Dates go as text in the column's own format when the column holds text dates; a column of
    the user's notes is never written into: a column is added beside it, and that is said."""
    values: dict[int, dict[int, Any]] = {}
    added: dict[int, str] = {}
    where: dict[str, int] = {f: c.index for f, c in tracker.columns.items()}
    spare = list(tracker.spare_columns)
    lost = []
    for ch in marks.changes:
        if ch.sheet != tracker.sheet:
            continue
        if ch.field not in where:
            if not spare:
                lost.append(f"{tracker.sheet!r} row {ch.row}: no free column for {ADDED_HEADERS[ch.field]!r}")
                continue
            where[ch.field] = spare.pop(0)
            header = ADDED_HEADERS[ch.field]
            if ch.field in tracker.note_fields and ch.field in NOTES_BESIDE:
                header = NOTES_BESIDE[ch.field]
                marks.notes.append(f"sheet {tracker.sheet!r}: your column {ADDED_HEADERS[ch.field]!r} holds notes, "
                                   f"so marks write the {FIELD_NAMES[ch.field]} into a new column {header!r} "
                                   f"(column {column_letters(where[ch.field])}) and leave your notes as they are")
            added[where[ch.field]] = header
        value = ch.new
        if isinstance(value, dt.date) and ch.field in tracker.text_dates:
            value = value.strftime(tracker.text_dates[ch.field])
        values.setdefault(ch.row, {})[where[ch.field]] = value
    return values, added, lost


MARK_CELLS = ("mark_done", "mark_outcome", "mark_date", "mark_name")   # the Today sheet's Done, Outcome, Date, Name


def with_held_marks(table: pd.DataFrame, held: list) -> pd.DataFrame:
    """Today's calls for the Today sheet, with each kept mark typed back into its row (a row of
    its own when its call is not listed today), so the user sees it and can pick an outcome.
    Done holds the mark's day, so it still counts for the day it was made."""
    if not held:
        return table
    table = table.copy()
    for name in MARK_CELLS:
        table[name] = None
    extra = []
    for mark, _ in held:
        _, outcome, date, name = mark.typed
        done = mark.day.isoformat()   # as text: read back the same, a refused year included
        cells = dict(zip(MARK_CELLS, (done, outcome, date, name)))
        hit = table.index[(table["sheet"] == mark.sheet) & (table["row"] == mark.row)] if mark.row else []
        if len(hit):
            for k, v in cells.items():
                table.at[hit[0], k] = v
        else:
            extra.append({"sheet": mark.sheet, "row": mark.row or 0, "company": mark.company,
                          "position": mark.position, "contact": mark.contact, "ask_for": mark.contact, **cells})
    if extra:
        table = pd.concat([table, pd.DataFrame(extra)], ignore_index=True)
        for c in table.columns:
            if table[c].dtype == object:
                table[c] = table[c].where(table[c].notna(), "")
    return table


def refresh(path: Path, *, today: dt.date, sheet: str | None = None,
            settings: Settings | None = None, config: Path | None = None, output: Path | None = None,
            dry_run: bool = False, backup: bool = True, data: bytes | None = None, force: bool = False,
            **overrides: Any) -> RefreshResult:
    """Bring the workbook's follow-up columns and Today sheet up to date for `today`.

    With `output`, the refreshed copy goes there; a file already there (other than the workbook
    itself) is replaced only with `force`, and then a copy of it is kept in the backup folder."""
    from .xlsx.write import SheetPlan, write_back

    replaces = not dry_run and output is not None and _replaces_other_file(Path(output), Path(path), force)
    outcomes, todays, settings, marks = _compute(path, sheet=sheet, today=today, settings=settings, config=config,
                                                 data=data, **overrides)
    if _nothing_to_write(outcomes):
        log.info("%s: no applications yet; nothing written", path)
        return RefreshResult(path=Path(output) if output else Path(path), sheets=outcomes, today=todays,
                             empty=True)
    plans = []
    for o in outcomes:
        values, added, lost = mark_values(o.tracker, marks)
        marks.problems.extend(lost)
        plans.append(SheetPlan(o.tracker, o.plan["status"], tracker_values(o), o.plan[list(LIVE_COLUMNS)],
                               user_values=values, added_headers=added))
    kept = _backup_of(Path(output), settings.backups) if replaces and output is not None else None
    contacts = None
    if settings.weekly_minimum:
        made = sum(contacts_this_week(o.tracker.frame, today) for o in outcomes)
        contacts = (made, settings.weekly_minimum)
    done = write_back(plans, with_held_marks(todays, marks.held), today, settings, output=output, backup=backup,
                      dry_run=dry_run, contacts=contacts, log_entries=marks.entries)
    counts: dict[str, int] = {}
    for o in outcomes:
        for status, n in summary(o.plan).items():
            counts[status] = counts.get(status, 0) + n
    log.info("%s: %s", done.path, "written" if done.written else "unchanged" if not done.changed else "dry run")
    changes = cell_changes(outcomes) + _mark_changes(plans, marks) if dry_run and done.changed else []
    return RefreshResult(path=done.path, sheets=outcomes, today=todays, changed=done.changed,
                         written=done.written, backup=done.backup or kept, counts=counts, changes=changes,
                         marks=marks)


def data_problems(outcomes: list[SheetOutcome]) -> list[str]:
    """A line per row with data to fix ("Check data" rows among them) saying what is wrong and how
    to fix it; `check` and `refresh` list the same."""
    lines = []
    for o in outcomes:
        problem = o.tracker.frame["problem"]
        check_data = o.plan["status"] == Status.CHECK_DATA.value
        t = o.tracker
        where = next((t.columns[f] for f in ("applied_on", "last_contact") if f in t.columns), None)
        for row in o.plan.index[(problem != "") | check_data]:
            if problem.at[row]:
                lines.append(problem.at[row])
                continue
            name = t.frame.at[row, "company"] or t.frame.at[row, "position"]
            cell = f"{where.header!r} ({where.letter}{row})" if where is not None else "the date you applied"
            lines.append(f"Row {row}: {name!r} has no date yet; fill in {cell} (the date you applied or last "
                         "heard from them), or its stage if you have not applied")
    return lines


@dataclass(frozen=True)
class CellChange:
    sheet: str
    ref: str          # e.g. "C5"
    old: Any          # '' for an empty cell; dates as dt.date
    new: Any


def tracker_values(o: SheetOutcome) -> dict[str, pd.Series]:
    """What each of the tool's tracker columns shows, by its field: the rendered script, or the
    plan's column of that name (so a new column of the plan is one entry in columns.py)."""
    return {c.field: o.scripts if c.field == "script" else o.plan[c.field] for c in columns.TRACKER_COLUMNS}


def _shown_value(kind: str, value: Any) -> Any:
    """A tracker column's value as the dry run compares it with the cell's."""
    from .xlsx import clean_text

    if kind == "date":
        return _day(value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return clean_text(value) if kind in ("script", "text") and isinstance(value, str) else value


def cell_changes(outcomes: list[SheetOutcome]) -> list[CellChange]:
    """The cells of the tracker sheets that a refresh would change, old value and new, in sheet
    order: the headers of columns it adds, then each row's status, next date and script (the
    Today sheet, rebuilt as a whole, is not listed cell by cell)."""

    changes: list[CellChange] = []
    for o in outcomes:
        t = o.tracker
        letters = [column_letters(c) for c in t.output_columns]
        for letter, header, existed in zip(letters, columns.output_headers(), t.existing_output):
            if not existed:
                changes.append(CellChange(t.sheet, f"{letter}{t.header_row}", "", header))
        values = tracker_values(o)
        shown = [[_shown_value(c.kind, v) for v in values[c.field].reindex(o.plan.index).tolist()]
                 for c in columns.TRACKER_COLUMNS]
        new = dict(zip(o.plan.index, zip(*shown)))
        owned = set(range(t.clear_rows[0], t.clear_rows[1] + 1))
        for row in sorted(set(new) | (set(t.old_output) & owned)):
            blank = ("",) * len(letters)
            before = t.old_output.get(row, blank)
            after = new.get(row, blank)
            for letter, old, value in zip(letters, before, after):
                old = _day(old) if isinstance(old, dt.date) else old
                if old != value and not (old == "" and value is None):
                    changes.append(CellChange(t.sheet, f"{letter}{row}", old, "" if value is None else value))
    return changes


def _mark_changes(plans: list, marks: MarksResult) -> list[CellChange]:
    """The user's cells the marks would change (and the headers of columns they add), for a dry run."""
    out: list[CellChange] = []
    for p in plans:
        t = p.tracker
        out += [CellChange(t.sheet, f"{column_letters(c)}{t.header_row}", "", h) for c, h in p.added_headers.items()]
        olds: dict[int, dict[str, Any]] = {ch.row: {} for ch in marks.changes if ch.sheet == t.sheet}
        for ch in marks.changes:
            if ch.sheet == t.sheet:
                olds[ch.row][ch.field] = ch.old
        for row, cells in sorted(p.user_values.items()):
            fields = {c.index: f for f, c in t.columns.items()}
            for col, value in sorted(cells.items()):
                old = olds.get(row, {}).get(fields.get(col, ""), "")
                old = "" if old is None or (not isinstance(old, str) and pd.isna(old)) else _day(old) \
                    if isinstance(old, (dt.datetime, pd.Timestamp)) else old
                out.append(CellChange(t.sheet, f"{column_letters(col)}{row}", old, "" if value is None else value))
    return out


def _day(value: Any) -> dt.date | None:
    """A date cell's value as a date ('' and NaT: none)."""
    if value is None or value == "" or pd.isna(value):
        return None
    if isinstance(value, dt.datetime) or isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _replaces_other_file(out: Path, tracker: Path, force: bool) -> bool:
    """Whether writing to `out` replaces a file other than the tracker; refused without `force`."""
    if not os.path.lexists(out) or out.is_dir() or same_file(out, tracker):
        return False    # nothing to lose (a folder is refused when it is written to)
    if not force:
        raise OutputRefused(f"{out} already exists; pick another name for the copy, or add --force to "
                            "replace it (a copy of it is kept in .followup-backups)")
    return True


def _backup_of(out: Path, backups: int) -> Path | None:
    from . import filesafe
    real = Path(os.path.realpath(out))
    if not real.is_file():
        return None
    try:
        return filesafe.keep_backup(real, max(backups, 1))
    except OSError as exc:
        raise OutputRefused(f"{out}: no backup of it could be kept ({exc.strerror or exc}), so it was left "
                            "as it was; free some space or write the copy somewhere else") from None


NO_WAY_TO_REACH = "Find a number or e-mail first: this row has neither a phone nor an e-mail."


def _nothing_to_write(outcomes: list[SheetOutcome]) -> bool:
    """A tracker with no applications yet, never refreshed: it is left exactly as it is (an empty
    template must not gain columns and an empty Today sheet). One this tool has written before
    is still refreshed, so statuses of deleted rows do not linger."""
    return all(o.tracker.frame.empty and not any(o.tracker.existing_output) and not o.tracker.tool_sheets
               for o in outcomes)


def today_table(outcomes: list[SheetOutcome]) -> pd.DataFrame:
    """Overdue and Due today rows of every tracker sheet, in the rules' order (plan.today_keys,
    also across sheets). A row with neither phone nor e-mail says to find one first (rules §6)."""
    parts: list[pd.DataFrame] = []
    wanted = today_columns()
    for o in outcomes:
        f, p = o.tracker.frame, o.plan
        keys = today_keys(f, p)
        order = sort_today(keys).index
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
            "ask_for": _ask_for(f.loc[order], p.loc[order]), "notes": f.loc[order, "notes"].to_numpy(),
            **{name: f.loc[order, name].to_numpy() if name in f.columns else "" for name in wanted[len(TODAY_BASE):]},
            "_sheet": len(parts),
        }))
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=wanted)
    if len(outcomes) > 1 and not table.empty:
        table = sort_today(table, prefix="_", sheet="_sheet")
    return table[wanted].reset_index(drop=True)


def _ask_for(frame: pd.DataFrame, plan: pd.DataFrame) -> Any:
    """The person the script asks for: the hiring manager in the hiring-manager and referral
    situations, else the contact (the hiring manager when there is none), as the templates do,
    and named as the script names them (render.ask_for)."""
    manager = frame["hiring_manager"].to_numpy(dtype=object)
    contact = frame["contact"].to_numpy(dtype=object)
    uses_manager = plan["situation"].isin([Situation.HIRING_MANAGER.value, Situation.REFERRAL.value]).to_numpy() \
        | (contact == "")
    chosen = np.where(uses_manager & (manager != ""), manager, contact)
    return np.array([ask_for(v) if isinstance(v, str) else v for v in chosen], dtype=object)


@dataclass
class Exported:
    path: Path
    backup: Path | None = None    # the file the export replaced (only with `force`)


EXPORT_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".md", ".html", ".ics")


def export_today(table: pd.DataFrame, out: Path, *, tracker: Path | None = None, force: bool = False,
                 backups: int = 5, outcomes: list[SheetOutcome] | None = None, today: dt.date | None = None,
                 weeks: int = 4) -> Exported:
    """Write today's calls to a file of its own (format from the suffix), never the tracker itself.
    The .ics calendar holds the follow-ups of the next `weeks` weeks, from `outcomes`.

    An existing file is replaced only when it is an .xlsx export this tool wrote (its marker is
    inside), or with `force`, and then a copy of it is kept in the backup folder beside it. The
    file is written beside the target and renamed over it, so a failure leaves nothing half-written."""
    from . import export

    out = Path(out)
    kind = out.suffix.lower()
    if kind not in EXPORT_SUFFIXES:
        raise BadSettings(f"{out}: export to a file ending in {', '.join(EXPORT_SUFFIXES)}")
    existed, ours = _check_export_target(out, tracker, force)
    title = Path(tracker).name if tracker is not None else ""
    if kind in (".html", ".ics") and today is None:
        raise BadSettings(f"{out}: the {kind} export needs the day it is made for")
    if kind == ".ics" and today is not None:   # (checked above: both need the day)
        upcoming = export.upcoming_table(outcomes or [], today, weeks)
        body = export.calendar_ics(upcoming, today, title or out.stem)
    elif kind == ".html" and today is not None:
        body = export.call_sheet_html(table, today, title)
    elif kind == ".csv":
        body = _csv_bytes(_shown(table))
    elif kind == ".md":
        body = _markdown(_shown(table)).encode("utf-8")
    else:
        body = _xlsx_bytes(_shown(table))
    return save_export(out, body, existed=existed, ours=ours, backups=backups)


def export_stats(stats: Any, out: Path, *, today: dt.date, tracker: Path | None = None, force: bool = False,
                 backups: int = 5) -> Exported:
    """Write the stats page (an .html file of its own), with the same refusals as export_today."""
    from . import export

    out = Path(out)
    if out.suffix.lower() != ".html":
        raise BadSettings(f"{out}: the stats page is an .html file")
    existed, ours = _check_export_target(out, tracker, force)
    body = export.stats_html(stats, today, Path(tracker).name if tracker is not None else "")
    return save_export(out, body, existed=existed, ours=ours, backups=backups)


def save_export(out: Path, body: bytes, *, existed: bool, ours: bool, backups: int = 5) -> Exported:
    """`body` written to `out` atomically (a copy of a user's file replaced kept in the backups);
    `existed` and `ours` as `_check_export_target` said."""
    from . import filesafe

    def write(fh) -> bool:
        fh.write(body)
        return True

    try:
        saved = filesafe.save_atomically(out, write, expected_digest=filesafe.digest_of(out) if existed else "absent",
                                         verify=lambda path: None, backups=max(backups, 1),
                                         backup=existed and not ours)
    except FileNotFoundError:
        raise OutputRefused(f"{out}: the folder {out.parent} does not exist; create it first or export "
                            "somewhere else") from None
    except PermissionError:
        raise OutputRefused(f"{out}: permission denied writing there; export to a folder you can write to") from None
    except OSError as exc:
        raise OutputRefused(f"{out}: could not be written ({exc.strerror or exc}); nothing was changed there; "
                            "free some space or export somewhere else") from None
    return Exported(out, saved.backup)


def _check_export_target(out: Path, tracker: Path | None, force: bool) -> tuple[bool, bool]:
    """Refuse an export onto the tracker (in any spelling), onto a folder, into a missing folder,
    or onto someone's file without `force`. Whether a file is there to replace, and whether it
    is an export the tool wrote."""
    folder = out.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputRefused(f"{out}: the folder {folder} {what}; create it first or export somewhere else")
    if not os.path.lexists(out):
        return False, False
    if tracker is not None and same_file(out, Path(tracker)):
        raise OutputRefused(f"{out} is the tracker {tracker} itself; the export is a file of its own: "
                            f"pick another name, e.g. '{Path(tracker).stem} - Today{out.suffix}'")
    if out.is_dir():
        raise OutputRefused(f"{out} is a folder; give a file name to export to, e.g. {out / 'today.csv'}")
    if not out.exists():
        raise OutputRefused(f"{out} is a link to a file that does not exist; remove the link or export "
                            "somewhere else")
    if is_tool_export(out):
        return True, True
    if not force:
        raise OutputRefused(f"{out} already exists and was not written by followup-sheet; pick another name, "
                            "or add --force to replace it (a copy is kept in .followup-backups)")
    return True, False


def is_tool_export(path: Path) -> bool:
    """Whether `path` is an .xlsx export of today's calls that this tool wrote and nobody changed
    since: its marker is inside, with the fingerprint of the sheet as written. (Excel keeps the
    marker when the user edits and saves the file; the fingerprint then no longer matches.)
    The .html and .ics exports carry the same kind of seal in a line of their own. A CSV file
    cannot carry a marker, so no CSV file is ever taken for one of ours."""
    from .xlsx.export import is_sealed_export
    path = Path(path)
    if path.suffix.lower() in (".html", ".ics") and path.is_file():
        from .export import is_sealed
        try:
            return path.stat().st_size <= 64 * 2**20 and is_sealed(path.read_bytes())
        except OSError:
            return False
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not path.is_file():
        return False
    return is_sealed_export(path)


def _xlsx_bytes(shown: pd.DataFrame) -> bytes:
    from .xlsx.export import today_workbook
    rows = [[v if isinstance(v, str) else None if pd.isna(v) else v for v in rec]
            for rec in shown.itertuples(index=False)]
    table = columns.export_columns()
    return today_workbook(list(shown.columns), rows, [c.kind for c in table], [c.width for c in table])


def _sealed(data: bytes) -> bytes:
    """The export with its sheet's fingerprint put after the marker in its properties."""
    from .xlsx.export import sealed
    return sealed(data)


@dataclass
class CheckReport:
    path: Path
    trackers: list[Tracker]
    lines: list[str]
    problems: int = 0      # rows with something to fix (checkers exit 1 then)


def check(path: Path, *, today: dt.date, sheet: str | None = None, settings: Settings | None = None,
          config: Path | None = None, **overrides: Any) -> CheckReport:
    """How the workbook was read: sheet, header row, column mapping, row problems, stage words."""
    path = Path(path)
    given_settings = settings
    settings = _settings(path, settings, config, overrides)
    trackers = read_trackers(path, settings, sheet)
    lines: list[str] = []
    count = 0
    if given_settings is None:
        files = settings_files(path, config)
        lines.append("Settings: " + (", ".join(str(f) for f in files) if files else
                                     f"the built-in defaults (no {CONFIG_NAME} beside the workbook or in "
                                     f"{user_config_path() or 'your settings folder'})"))
    for t in trackers:
        lines.append(f"Sheet: {t.sheet!r}" + (f" (chosen because {'; '.join(t.reasons)})" if t.reasons else ""))
        lines.append(f"Header row: {t.header_row}")
        lines.append("Columns:")
        for fld, col in sorted(t.columns.items(), key=lambda kv: kv[1].index):
            order = t.date_orders.get(fld)
            lines.append(f"  {fld:<15} <- {col.header!r} (column {col.letter}{', ' + order if order else ''})")
        lines.append("Ignored headers: " + (", ".join(t.ignored_headers)
                                            + " (no field; map one under [columns] in followup.toml if it matters)"
                                            if t.ignored_headers else "none"))
        letters = [f"{h} -> column {column_letters(c)}{' (exists)' if e else ''}"
                   for h, c, e in zip(columns.output_headers(), t.output_columns, t.existing_output)]
        lines.append("Writes: " + "; ".join(letters))
        if t.table is not None:
            lines.append(f"Excel table: {t.table.name} (the new columns join it)")
        for note in t.notes:
            lines.append(f"Note: {note}")
        n = len(t.frame)
        lines.append(f"Applications: {n} (rows {t.frame.index.min()}-{t.frame.index.max()})" if n
                     else "Applications: 0 (none found under the header)")
        lines.extend(_stage_word_lines(t.frame, settings))
        if t.duplicates:
            lines.append(f"Duplicates ({len(t.duplicates)}):")
            lines.extend(f"  {d}" for d in t.duplicates)
        if t.skipped_rows:
            lines.append(f"Rows not taken as applications ({len(t.skipped_rows)}):")
            lines.extend(f"  {p}" for p in t.skipped_rows)
        plan = build_plan(t.frame, today, settings)
        problems = data_problems([SheetOutcome(t, plan, pd.Series(dtype=object))])
        count += len(problems)
        if problems:
            lines.append(f"Row problems ({len(problems)}):")
            lines.extend(f"  {p}" for p in problems)
        else:
            lines.append("Row problems: none")
        lines.append("")
    marks = roll_marks(trackers, today, settings)
    lines.extend(f"Marks: {note}" for note in marks.notes)
    if marks.held:
        count += len(marks.held)
        lines.append(f"Marks kept for the next refresh ({len(marks.held)}):")
        lines.extend(f"  {mark.where} ({mark.company or '(no company)'}): {why}" for mark, why in marks.held)
    reminder = you_reminder(settings)
    if reminder:
        lines.append(reminder)
    return CheckReport(path, trackers, lines, problems=count)


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

