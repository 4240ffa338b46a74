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
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import columns
from .businessdays import holidays_note
from .errors import BadSettings, OutputRefused
from .export import _csv_bytes, _csv_safe, _markdown, _shown, today_text  # noqa: F401
from .filesafe import not_a_file, same_file
from .marks import ADDED_HEADERS, FIELD_NAMES, Change, MarksResult, TrackerRows, apply_marks, parse_marks
from .plan import LIVE_COLUMNS, STAGES, TODAY_SORT, build_plan, contacts_this_week, sort_today, summary, today_keys
from .read import Tracker, read_trackers
from .render import ask_for, render_scripts, unknown_templates
from .settings import CONFIG_NAME, Settings, country_origin, load_settings, settings_files, user_config_path
from .status import Situation, Status
from .xlsx import column_letters
from .xlsx.export import EXPORT_MARKER  # noqa: F401  (part of the public names)

if TYPE_CHECKING:
    from .xlsx.edits import CellEdit, Edits

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
    edits: Edits | None = None     # what the refresh changes (written, or with dry_run only planned)
    marks: MarksResult = field(default_factory=MarksResult)      # marks from the Today sheet, applied or not

    @property
    def changes(self) -> list[CellEdit]:
        """The cells the refresh changes (the Today sheet and the log aside)."""
        return self.edits.cells if self.edits is not None else []


def _settings(path: Path, settings: Settings | None, config: Path | None, overrides: dict[str, Any]) -> Settings:
    if settings is not None:
        return settings.replace(**overrides) if overrides else settings
    return load_settings(path, config, **overrides)


def compute(path: Path, *, today: dt.date, sheet: str | None = None,
            settings: Settings | None = None, config: Path | None = None, data: bytes | None = None,
            **overrides: Any) -> tuple[list[SheetOutcome], pd.DataFrame, Settings]:
    """Read, plan and render every tracker sheet of `path`; nothing is written. Marks on the
    Today sheet not yet applied count as applied (see `refresh`).

    Returns `(sheets, today_calls, settings)`: per sheet a `SheetOutcome` (`.tracker.frame` the
    rows as read, `.plan` status, due date, situation and channel per row, `.scripts` the script
    text), today's calls in the rules' order (a DataFrame of `today_columns()`), and the settings
    used. `today` is the day to plan for (the library never reads the clock); `sheet` picks one
    sheet; `settings`, or `config` (a followup.toml) and any `Settings` field as a keyword
    (`first_gap=3`), change the rules. Raises a `FollowupError` subclass for a problem the
    message explains."""
    outcomes, todays, settings, _ = _compute(path, sheet=sheet, today=today, settings=settings, config=config,
                                             data=data, **overrides)
    return outcomes, todays, settings


def _compute(path: Path, *, today: dt.date, sheet: str | None = None,
             settings: Settings | None = None, config: Path | None = None, data: bytes | None = None,
             changes: tuple[Change, ...] = (), **overrides: Any
             ) -> tuple[list[SheetOutcome], pd.DataFrame, Settings, MarksResult]:
    path = Path(path)
    settings = _settings(path, settings, config, overrides)
    if settings.templates is not None:
        for warning in unknown_templates(settings.templates):
            log.warning("%s", warning)
    outcomes = []
    trackers = read_trackers(path, settings, sheet, data=data)
    marks = roll_marks(trackers, today, settings)
    if changes:
        roll_changes(trackers, changes, marks)
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
    rows = [TrackerRows(t.sheet, t.frame, set(t.columns), spare_columns(t)) for t in trackers]
    result = apply_marks(marks, rows, sheets.log_rows, settings)
    result.notes.extend(sheets.notes)
    for t in trackers:
        ladder = sorted(result.email_next.get(t.sheet, ()))
        if ladder:
            t.frame.loc[ladder, "no_calls"] = True
    for line in result.problems:
        log.info("%s", line)    # the callers report these (refresh's result)
    return result


def spare_columns(tracker: Tracker) -> int:
    """How many columns can be added beside the tool's on this sheet (for fields it lacks)."""
    from .errors import FollowupError
    from .xlsx.edits import tool_columns
    try:
        return len(tool_columns(tracker).spare)
    except FollowupError:   # no room even for the tool's own columns: refresh says so
        return 0


def can_add_columns(tracker: Tracker) -> bool:
    """Whether a column can be added beside the tool's on this sheet (for a field it lacks)."""
    return spare_columns(tracker) > 0


def roll_changes(trackers: list[Tracker], changes: tuple[Change, ...], marks: MarksResult) -> None:
    """Changes of the user's own cells decided elsewhere (the inbox's), put into the frames so the
    plan sees them, and among the marks' changes so the writer writes them the same way."""
    frames = {t.sheet: t.frame for t in trackers}
    for ch in changes:
        frame = frames.get(ch.sheet)
        if frame is not None and ch.adds_row and ch.row not in frame.index and ch.row > frame.index.max():
            frame.loc[ch.row] = _empty_row(frame)    # a new application below the last one
        if frame is None or ch.row not in frame.index:
            marks.problems.append(f"{ch.sheet!r} row {ch.row}: no such application any more; not changed")
            continue
        frame.at[ch.row, ch.field] = pd.Timestamp(ch.new) if isinstance(ch.new, dt.date) else ch.new
        marks.changes.append(ch)


def _added_rows(marks: MarksResult, sheet: str) -> tuple[int, ...]:
    """The rows the changes add to `sheet` below its last application (inbox --add-missing)."""
    return tuple(sorted({ch.row for ch in marks.changes if ch.sheet == sheet and ch.adds_row}))


def _empty_row(frame: pd.DataFrame) -> list[Any]:
    """A row of nothing, in each column's own kind: no text, no date, no number, no tick."""
    def empty(dtype) -> Any:
        if pd.api.types.is_datetime64_any_dtype(dtype):
            return pd.NaT
        if pd.api.types.is_bool_dtype(dtype):
            return False
        if pd.api.types.is_numeric_dtype(dtype):
            return float("nan") if pd.api.types.is_float_dtype(dtype) else 0
        return ""
    return [empty(t) for t in frame.dtypes]


# the header of a column marks add when the sheet's own column of that name holds the user's notes
NOTES_BESIDE = {"last_contact": "Last Contact Date", "follow_ups": "Follow-up Count"}


def mark_header(tracker: Tracker, field: str, marks: MarksResult) -> str:
    """The header of the column a mark adds for `field` when the sheet has none: the tool's name
    for it, or, when the sheet's own column of that name holds the user's notes, another name
    (said once in the run's notes), so the user's notes are never written into."""
    if field in tracker.note_fields and field in NOTES_BESIDE:
        header = NOTES_BESIDE[field]
        note = (f"sheet {tracker.sheet!r}: your column {ADDED_HEADERS[field]!r} holds notes, so marks write the "
                f"{FIELD_NAMES[field]} into a column {header!r} of its own and leave your notes as they are")
        if note not in marks.notes:
            marks.notes.append(note)
        return header
    if field in tracker.columns:   # the sheet has the column (a row the inbox adds): nothing is added
        return tracker.columns[field].header
    return ADDED_HEADERS[field]


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
            user_changes: tuple[Change, ...] = (), **overrides: Any) -> RefreshResult:
    """Bring the workbook's follow-up columns and Today sheet up to date for `today`, as
    `followup-sheet refresh` does: plan the edits (xlsx.edits.plan_edits), then apply them
    (xlsx.write.write_back); a dry run only plans. The workbook is replaced safely (a backup is
    kept unless `backup=False`) only when something changed, and left byte for byte as it was on
    any error.

    With `output`, the refreshed copy goes there; a file already there (other than the workbook
    itself) is replaced only with `force`, and then a copy of it is kept in the backup folder.
    `dry_run=True` writes nothing and lists the cells that would change in `.changes` (the
    planned `.edits`). The other arguments are `compute`'s. Returns a `RefreshResult`: `.written`,
    `.changed`, `.counts` (rows per status), `.today` (today's calls), `.sheets` (as `compute`
    gives them), `.marks`. Raises a `FollowupError` subclass (`WorkbookBusy`, `BadSettings`, ...)
    for a problem the message explains. `user_changes` of the user's own cells (the inbox's) are
    written in the same save."""
    from .xlsx.edits import MarkEdit, SheetResults, plan_edits
    from .xlsx.write import write_back

    replaces = not dry_run and output is not None and _replaces_other_file(Path(output), Path(path), force)
    outcomes, todays, settings, marks = _compute(path, sheet=sheet, today=today, settings=settings, config=config,
                                                 data=data, changes=user_changes, **overrides)
    target = Path(output) if output else Path(path)
    if _nothing_to_write(outcomes):
        log.info("%s: no applications yet; nothing written", path)
        return RefreshResult(path=target, sheets=outcomes, today=todays, empty=True)
    contacts = None
    if settings.weekly_minimum:
        made = sum(contacts_this_week(o.tracker.frame, today) for o in outcomes)
        contacts = (made, settings.weekly_minimum)
    results = [SheetResults(o.tracker, tracker_values(o), o.plan[list(LIVE_COLUMNS)],
                            [MarkEdit(ch.row, ch.field, ch.new, mark_header(o.tracker, ch.field, marks))
                             for ch in marks.changes if ch.sheet == o.tracker.sheet],
                            _added_rows(marks, o.tracker.sheet)) for o in outcomes]
    edits = plan_edits(results, with_held_marks(todays, marks.held), today, settings, contacts=contacts,
                       log_entries=marks.entries)
    marks.problems.extend(edits.lost)
    counts: dict[str, int] = {}
    for o in outcomes:
        for status, n in summary(o.plan).items():
            counts[status] = counts.get(status, 0) + n
    if dry_run:
        log.info("%s: dry run", target)
        return RefreshResult(path=target, sheets=outcomes, today=todays, changed=edits.changed, counts=counts,
                             edits=edits, marks=marks)
    kept = _backup_of(Path(output), settings.backups) if replaces and output is not None else None
    done = write_back(edits, output=output, backup=backup, backups=settings.backups)
    log.info("%s: %s", done.path, "written" if done.written else "unchanged")
    return RefreshResult(path=done.path, sheets=outcomes, today=todays, changed=done.changed,
                         written=done.written, backup=done.backup or kept, counts=counts, edits=edits, marks=marks)


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


def tracker_values(o: SheetOutcome) -> dict[str, pd.Series]:
    """What each of the tool's tracker columns shows, by its field: the rendered script, or the
    plan's column of that name (so a new column of the plan is one entry in columns.py)."""
    return {c.field: o.scripts if c.field == "script" else o.plan[c.field] for c in columns.TRACKER_COLUMNS}


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
    return all(o.tracker.frame.empty and not o.tracker.tool_headers and not o.tracker.tool_sheets
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
                 weeks: int = 4, settings: Settings | None = None, record: bool = True) -> Exported:
    """Write today's calls to a file of its own (format from the suffix), never the tracker itself.
    The .ics calendar holds the follow-ups of the next `weeks` weeks, from `outcomes`, placed in
    the settings' call hours and time zone, with cancellations for the events of the last
    calendar written there that no longer stand.

    An existing file is replaced only when this tool wrote it and nobody changed it since (a
    marker inside, or the record beside the backups), or with `force`, and then a copy of it is
    kept in the backup folder beside it. The file is written beside the target and renamed over
    it, so a failure leaves nothing half-written. `record`: note what was written (see written.py)."""
    from . import export, written
    from .settings import call_hours, time_zone

    out = Path(out)
    kind = out.suffix.lower()
    if kind not in EXPORT_SUFFIXES:
        raise BadSettings(f"{out}: export to a file ending in {', '.join(EXPORT_SUFFIXES)}")
    existed, ours = _check_export_target(out, tracker, force)
    title = Path(tracker).name if tracker is not None else ""
    if kind in (".html", ".ics") and today is None:
        raise BadSettings(f"{out}: the {kind} export needs the day it is made for")
    events = None
    if kind == ".ics" and today is not None:   # (checked above: both need the day)
        s = settings or Settings()
        upcoming = export.upcoming_table(outcomes or [], today, weeks)
        body, events = export.calendar_ics(upcoming, today, title or out.stem, hours=call_hours(s.call_hours),
                                           zone=time_zone(s.timezone) or export.system_zone(), holidays=s.holidays,
                                           earlier=written.earlier_events(out))
    elif kind == ".html" and today is not None:
        body = export.call_sheet_html(table, today, title)
    elif kind == ".csv":
        body = _csv_bytes(_shown(table))
    elif kind == ".md":
        body = _markdown(_shown(table)).encode("utf-8")
    else:
        body = _xlsx_bytes(_shown(table))
    return save_export(out, body, existed=existed, ours=ours, backups=backups, record=record, events=events)


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


def save_export(out: Path, body: bytes, *, existed: bool, ours: bool, backups: int = 5, record: bool = True,
                events: dict | None = None) -> Exported:
    """`body` written to `out` atomically (a copy of a user's file replaced kept in the backups);
    `existed` and `ours` as `_check_export_target` said. With `record`, what was written (and the
    calendar's `events`) is noted beside the backups, so the next export may replace it; a file
    that carries its own seal (.xlsx, .html) needs no note, and none is made."""
    from . import filesafe, written

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
    if record and (events is not None or not is_tool_export(out)):   # a file with its own seal needs no note
        written.remember(out, body, events)
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
    kind = not_a_file(out)
    if kind is not None:   # a named pipe would wait for a reader, a device (/dev/full) never fill
        raise OutputRefused(f"{out} is {kind}, not a file; nothing was written; export to a regular file instead")
    from . import written
    if is_tool_export(out) or written.wrote(out):
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


@dataclass
class CheckReport:
    path: Path
    trackers: list[Tracker]
    lines: list[str]
    problems: int = 0      # rows with something to fix (checkers exit 1 then)


def check(path: Path, *, today: dt.date, sheet: str | None = None, settings: Settings | None = None,
          config: Path | None = None, **overrides: Any) -> CheckReport:
    """How the workbook was read, as `followup-sheet check` prints it: settings files, sheet,
    header row, column mapping, row problems, stage words. Nothing is written. Returns a
    `CheckReport`: `.lines` (the report), `.problems` (rows with something to fix) and
    `.trackers` (what was read). Arguments as for `compute` (`today` is the day the row
    problems are judged on)."""
    from .xlsx.edits import tool_columns

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
        placed = tool_columns(t)
        letters = [f"{h} -> column {column_letters(c)}{' (exists)' if e else ''}"
                   for h, c, e in zip(columns.output_headers(), placed.columns, placed.existing)]
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
    origin = "the settings passed in" if given_settings is not None or "country" in overrides else \
        country_origin(settings_files(path, config))
    lines.append(holidays_note(settings.country, origin, len(settings.holidays)))
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

