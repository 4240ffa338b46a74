"""The whole job: read -> plan -> render -> write, for the CLI and the watcher alike.

`compute()` reads, plans and renders; `refresh()` also plans the workbook's edits and applies
them; `today_table()` gives today's calls. The check report (`checkreport.check`) and the
exports' files (`exportfiles.export_today`) have modules of their own.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import columns
from .catalogue import Worded, in_language, say
from .dayfirst import writes_day_first
from .exportfiles import backup_of, replaces_other_file
from .language import chinese_form, choose_language, with_first_channel
from .markrules import ADDED_HEADERS, FIELD_NAMES, Change, MarksResult, TrackerRows, apply_marks, parse_marks
from .plan import LIVE_COLUMNS, TODAY_SORT, build_plan, contacts_this_week, sort_today, summary, today_keys
from .portugal import portuguese_form
from .read import Tracker, read_trackers
from .render import NO_WAY_TO_REACH, addresses, asked_for, render_scripts, unknown_templates
from .settings import Settings, settings_for
from .status import Status

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
    language: str = "en"           # the language the run spoke (settings, else the tracker's: rules §8)
    chinese: str = ""              # in Chinese, the characters it wrote: simplified, tw or hk (hanzi.in_form)

    @property
    def changes(self) -> list[CellEdit]:
        """The cells the refresh changes (the Today sheet and the log aside)."""
        return self.edits.cells if self.edits is not None else []


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
    settings = settings_for(path, settings, config, overrides)
    if settings.templates is not None:
        for warning in unknown_templates(settings.templates):
            log.warning("%s", warning)
    outcomes = []
    trackers = read_trackers(path, settings, sheet, data=data, today=today)
    if not settings.language:
        choice = choose_language(trackers, settings)
        others = (choice.suggested,) if choice.suggested else ()
        settings = settings.replace(language=choice.code, note_languages=others)
    settings = settings.replace(chinese=chinese_form(trackers, settings),
                                portuguese=portuguese_form(trackers, settings))
    marks = roll_marks(trackers, today, settings)
    if changes:
        roll_changes(trackers, changes, marks)
    for tracker in trackers:
        plan = with_first_channel(build_plan(tracker.frame, today, notes_settings(tracker, settings),
                                             columns=tracker.columns,
                                             marked=marks.marked.get(tracker.sheet)),
                                  tracker.frame, settings)
        scripts = render_scripts(tracker.frame, plan, today, settings)
        outcomes.append(SheetOutcome(tracker, plan, scripts))
    return outcomes, today_table(outcomes, settings.calls_per_day, settings.language), settings, marks


def notes_settings(tracker: Tracker, settings: Settings) -> Settings:
    """The settings a sheet's notes are read with: a slashed date in a note ("call back 4/12") in
    the order `date_order` says (rules §3)."""
    order = date_order([tracker], settings)
    return settings if order == "mdy" or settings.date_order == order else settings.replace(date_order=order)


def tracker_language(path: Path, *, sheet: str | None = None, config: Path | None = None) -> str:
    """The language a run on `path` would speak (the settings', else that of the tracker's headers
    and stage words: rules §8), for a line said before the first refresh (`watch`'s first);
    '' when the workbook or its settings cannot be read (the refresh then says why)."""
    from .errors import FollowupError
    try:
        settings = settings_for(Path(path), None, config, {})
        if settings.language:
            return settings.language
        return choose_language(read_trackers(Path(path), settings, sheet), settings).code
    except (FollowupError, OSError, ValueError):
        return ""


def date_order(trackers: list[Tracker], settings: Settings) -> str:
    """How a slashed date typed into a mark or written in a note reads ("4/12"): the setting, else
    the order the trackers' date columns proved, else day-first in a tracker whose language writes
    dates day first in the settings' country (English in Britain or India), else month-first (rules §3)."""
    if settings.date_order in ("mdy", "dmy"):
        return settings.date_order
    for t in trackers:
        for why in t.date_orders.values():
            if why.startswith("day-first"):
                return "dmy"
            if why.startswith("month-first") and not why.startswith("month-first: nothing shows"):
                return "mdy"
    return "dmy" if writes_day_first(settings.language, settings.country) else "mdy"


def roll_marks(trackers: list[Tracker], today: dt.date, settings: Settings) -> MarksResult:
    """Apply the Today sheet's marks not yet in the Follow-up Log to the trackers' frames (so the
    plan sees them), and put the rows due an e-mail after three voicemails on the e-mail script.
    Marks on a sheet whose title gives no day count for `today`; marks on the user's copies of
    the Today sheet are read too, and applied once."""
    sheets = trackers[0].marks_sheets if trackers else None
    if sheets is None:
        return MarksResult()
    order = date_order(trackers, settings)
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
            marks.problems.append(Worded("{sheet} row {row}: no such application any more; not changed",
                                         sheet=repr(ch.sheet), row=ch.row))
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
    more = table.attrs.get("more", 0)
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
    table.attrs["more"] = more
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

    replaces = not dry_run and output is not None and replaces_other_file(Path(output), Path(path), force)
    outcomes, todays, settings, marks = _compute(path, sheet=sheet, today=today, settings=settings, config=config,
                                                 data=data, changes=user_changes, **overrides)
    target = Path(output) if output else Path(path)
    if _nothing_to_write(outcomes):
        log.info("%s: no applications yet; nothing written", path)
        return RefreshResult(path=target, sheets=outcomes, today=todays, empty=True, language=settings.language)
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
                             edits=edits, marks=marks, language=settings.language,
                             chinese=settings.chinese)
    kept = backup_of(Path(output), settings.backups) if replaces and output is not None else None
    done = write_back(edits, output=output, backup=backup, backups=settings.backups)
    log.info("%s: %s", done.path, "written" if done.written else "unchanged")
    return RefreshResult(path=done.path, sheets=outcomes, today=todays, changed=done.changed,
                         written=done.written, backup=done.backup or kept, counts=counts, edits=edits, marks=marks,
                         language=settings.language, chinese=settings.chinese)


def data_problems(outcomes: list[SheetOutcome], language: str = "en") -> list[str]:
    """A line per row with data to fix ("Check data" rows among them) saying what is wrong and how
    to fix it, in `language`; `check` and `refresh` list the same."""
    lines = []
    for o in outcomes:
        problem = o.tracker.frame["problem"]
        check_data = o.plan["status"] == Status.CHECK_DATA.value
        t = o.tracker
        where = next((t.columns[f] for f in ("applied_on", "last_contact") if f in t.columns), None)
        for row in o.plan.index[(problem != "") | check_data]:
            if problem.at[row]:
                lines.append(in_language(problem.at[row], language, "problems"))
                continue
            if "check" in o.plan and o.plan.at[row, "check"]:      # a date after today (rules §1)
                lines.append(in_language(o.plan.at[row, "check"], language, "problems"))
                continue
            name = t.frame.at[row, "company"] or t.frame.at[row, "position"]
            cell = f"{where.header!r} ({where.letter}{row})" if where is not None else Worded("the date you applied")
            lines.append(in_language(Worded("Row {row}: {name} has no date yet; fill in {cell} (the date you applied "
                                            "or last heard from them), or its stage if you have not applied",
                                            row=row, name=repr(name), cell=cell), language, "problems"))
    return lines


def tracker_values(o: SheetOutcome) -> dict[str, pd.Series]:
    """What each of the tool's tracker columns shows, by its field: the rendered script, or the
    plan's column of that name (so a new column of the plan is one entry in columns.py)."""
    return {c.field: o.scripts if c.field == "script" else o.plan[c.field] for c in columns.TRACKER_COLUMNS}


def _nothing_to_write(outcomes: list[SheetOutcome]) -> bool:
    """A tracker with no applications yet, never refreshed: it is left exactly as it is (an empty
    template must not gain columns and an empty Today sheet). One this tool has written before
    is still refreshed, so statuses of deleted rows do not linger."""
    return all(o.tracker.frame.empty and not o.tracker.tool_headers and not o.tracker.tool_sheets
               for o in outcomes)


def today_table(outcomes: list[SheetOutcome], calls_per_day: int = 0, language: str = "en") -> pd.DataFrame:
    """Overdue and Due today rows of every tracker sheet, in the rules' order (plan.today_keys,
    also across sheets). A row with neither phone nor e-mail says to find one first (rules §6),
    in `language`.
    With `calls_per_day`, only that many rows: `table.attrs["more"]` counts the rest, which wait
    for the next business day (`waiting_count`, `columns.more_line`)."""
    parts: list[dict[str, Any]] = []
    wanted = today_columns()
    no_way = say("outputs", NO_WAY_TO_REACH, language or "en")
    for o in outcomes:
        f, p = o.tracker.frame, o.plan
        ko = sort_today(today_keys(f, p))
        order = ko.index
        # only the columns the table shows, each taken in today's order once (the plan has some
        # forty columns: taking whole frames was most of this function's time on a small tracker)
        fo, po = _taken(f, order, _FRAME_FIELDS), _taken(p, order, _PLAN_FIELDS)
        phone, email = fo["contact_phone"], addresses(fo)
        script = [f"{no_way}\n\n{text}" if not (ph or em) else text
                  for text, ph, em in zip(o.scripts.to_numpy()[o.scripts.index.get_indexer(order)].tolist(),
                                          phone.tolist(), email.tolist())]
        parts.append({
            "sheet": o.tracker.sheet, "row": order.to_numpy(), "company": fo["company"],
            "position": fo["position"], "contact": fo["contact"],
            "phone": phone, "email": email,
            "status": po["status"], "days_overdue": po["days_overdue"],
            "due": po["due"], "script": pd.Series(script, dtype=object).to_numpy(),
            **{f"_{k}": ko[k].to_numpy() for k in TODAY_SORT if k != "row"},
            "ask_for": asked_for(fo, po), "notes": fo["notes"],
            **{name: fo[name] if name in fo else po[name] if name in po else ""
               for name in wanted[len(TODAY_BASE):]},
            "_sheet": len(parts),
        })
    if len(parts) == 1:      # (one sheet's columns, in today's order already: the table made once)
        table = pd.DataFrame({name: parts[0][name] for name in wanted})
    elif parts:
        table = pd.concat([pd.DataFrame(part) for part in parts], ignore_index=True)
        table = sort_today(table, prefix="_", sheet="_sheet")[wanted].reset_index(drop=True)
    else:
        table = pd.DataFrame(columns=wanted)
    more = max(len(table) - calls_per_day, 0) if calls_per_day > 0 else 0
    if more:
        table = table.iloc[:calls_per_day].copy()
    table.attrs["more"] = more
    return table


# the tracker's and the plan's columns today_table reads (asked_for and addresses included),
# and each field of the Today columns, which may come from either
_FRAME_FIELDS = ("company", "position", "contact", "contact_phone", "contact_email", "hiring_manager", "notes")
_PLAN_FIELDS = ("status", "days_overdue", "due", "situation")


def _taken(frame: pd.DataFrame, order: pd.Index, names: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The columns `names` of `frame`, with every field of the Today columns it holds, as arrays
    of their rows in `order`."""
    at = frame.index.get_indexer(order)
    wanted = [n for n in (*names, *columns.today_fields()) if n in frame.columns]
    return {n: frame[n].to_numpy()[at] for n in dict.fromkeys(wanted)}


def waiting_count(table: pd.DataFrame) -> int:
    """How many of today's calls the daily budget left for the next business day (rules §6)."""
    return int(table.attrs.get("more", 0))
