"""Write side of the format boundary: the plan -> edits of the user's .xlsx package, saved safely.

Only the parts a refresh needs are rewritten (the tracker's worksheet, styles, an extended
table, and for a new Today sheet the workbook, its relationships and content types); every other
zip member is copied as it was, in its original order.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .. import filesafe
from ..businessdays import holiday_dates, years_in_play
from ..errors import NotAWorkbook
from ..settings import Settings
from ..tuning import BesideStream, worth_rows
from .live import StatusFormulas
from .marks import log_sheet, mark_cells
from .package import Package, open_package, rels_part_for
from .sheetedit import CellStyles, TrackerSheet, extend_table
from .styles import Styles, TodayStyles, find_styles_part, styles_in_use
from .todaysheet import today_sheet_part, today_sheet_parts
from .zipout import (
    Discard,
    compress_level,
    copy_member,
    digest_of_part,
    info_like,
    new_info,
    write_stream,
)

if TYPE_CHECKING:
    from ..read import Tracker


@dataclass
class SheetPlan:
    """What to write into one tracker sheet."""
    tracker: Tracker
    status: pd.Series     # per application row
    values: dict[str, pd.Series]   # per application row, by columns.TRACKER_COLUMNS field (dates datetime64)
    timing: pd.DataFrame | None = None   # plan.LIVE_COLUMNS per row; None writes plain statuses
    # marks applied to the user's own cells: row -> {column: (kind "n"/"s"/"", value, style when
    # the cell has none)}, and the headers of columns the marks add (column -> header)
    user_values: dict[int, dict[int, object]] = field(default_factory=dict)
    added_headers: dict[int, str] = field(default_factory=dict)
    user_cells: dict[int, dict[int, tuple]] = field(default_factory=dict)   # user_values as cells, when written


def write_back(sheets: list[SheetPlan], today_rows: pd.DataFrame, today: dt.date, settings: Settings,
               *, output: Path | None = None, backup: bool = True, dry_run: bool = False,
               contacts: tuple[int, int] | None = None, log_entries: list[dict] | None = None) -> WriteOutcome:
    """Edit the workbook all `sheets` came from and save it (in place, or to `output`).
    `contacts`: this week's employer contacts and the weekly minimum, for the Today sheet; the
    Follow-up Log gains `log_entries` in the same save."""
    pkg = sheets[0].tracker.package
    extra = {"log_entries": log_entries} if log_entries else {}
    target = Path(output) if output else pkg.path
    if dry_run:
        changed = build_package(pkg, sheets, today_rows, today, settings, Discard(), contacts, **extra)
        return WriteOutcome(target, changed, written=False, backup=None)
    same_file = output is None or filesafe.same_file(target, pkg.path)
    saved = filesafe.save_atomically(
        target, lambda fh: build_package(pkg, sheets, today_rows, today, settings, fh, contacts, **extra),
        expected_digest=pkg.digest if same_file else None, verify=verify_package,
        backups=settings.backups, backup=backup and same_file, only_if_changed=same_file)
    return WriteOutcome(target, saved.changed, written=saved.written, backup=saved.backup)


@dataclass
class WriteOutcome:
    path: Path
    changed: bool
    written: bool
    backup: Path | None


def verify_package(path: Path) -> None:
    """Re-open what was written: every member's CRC, and the parts a workbook cannot do without."""
    data = Path(path).read_bytes()   # read once for both checks
    bad = _first_bad_member(data)
    if bad is not None:
        raise NotAWorkbook(f"{path}: the written file failed its check (part {bad}); nothing was replaced")
    open_package(path, data)


def _first_bad_member(data: bytes) -> str | None:
    """What ZipFile.testzip does (each member read through, its CRC checked), with the members
    shared out between this thread and one more by size: inflating lets go of the GIL, so two
    cores check the two big sheets at once."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = sorted(zf.infolist(), key=lambda i: -i.file_size)
    halves: tuple[list[str], list[str]] = ([], [])
    sizes = [0, 0]
    for info in infos:
        side = 0 if sizes[0] <= sizes[1] else 1
        halves[side].append(info.filename)
        sizes[side] += info.file_size
    found: list[str | None] = [None, None]
    errors: list[BaseException] = []

    def check(side: int) -> None:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                for name in halves[side]:
                    try:
                        with zf.open(name) as member:
                            while member.read(1 << 20):
                                pass
                    except zipfile.BadZipFile:
                        found[side] = name
                        return
        except BaseException as exc:   # raised in the caller, as testzip would have
            errors.append(exc)

    other = threading.Thread(target=check, args=(1,), name="followup-verify")
    other.start()
    check(0)
    other.join()
    if errors:
        raise errors[0]
    return found[0] or found[1]


def build_package(pkg: Package, sheets: list[SheetPlan], today_rows: pd.DataFrame, today: dt.date,
                  settings: Settings, out, contacts: tuple[int, int] | None = None,
                  log_entries: list[dict] | None = None) -> bool:
    """Write the new workbook into the binary file `out`, member by member in the original
    order; return whether any part's content differs from the original."""
    styles_part = find_styles_part(pkg)
    styles = Styles(pkg.read(styles_part), f"{pkg.path}: {styles_part}", settings,
                     used_styles=lambda: styles_in_use(pkg))
    trackers: dict[str, TrackerSheet] = {}
    streams: dict[str, Callable[[], Iterable[bytes]]] = {}
    small: dict[str, bytes] = {}
    formulas = (StatusFormulas(today, settings.soon_window,
                               holiday_dates(settings.country, settings.holidays, years_in_play(today)), pkg.date1904)
                if settings.live else None)
    for plan in sheets:
        t = plan.tracker
        if plan.user_values:
            plan.user_cells = mark_cells(pkg, t.part, plan.user_values, styles.date_xf())
        trackers[t.part] = TrackerSheet(pkg, plan, CellStyles(styles, plan.status, live=settings.live), formulas)
        if t.table is not None:
            table_xml = extend_table(pkg.read(t.table.part), t, f"{pkg.path}: {t.table.part}")
            if table_xml is not None:
                small[t.table.part] = table_xml
    today_part, extra = today_sheet_part(pkg, sheets[0].tracker.tool_sheets)
    small.update(extra)
    today_styles = TodayStyles(styles)
    with _TodayParts(pkg, today_part, small, today_rows, today, today_styles, contacts, settings.live) as made:
        streams[today_part] = made.sheet
        if log_entries:
            log_part, pieces, extra = log_sheet(pkg, sheets[0].tracker.marks_sheets, log_entries, today_styles,
                                                small, frozenset({today_part}))
            small.update(extra)
            streams[log_part] = pieces
        styles_xml = styles.serialize()   # after every style above was asked for
        if styles_xml is not None:
            small[styles_part] = styles_xml
        return _write_members(pkg, out, trackers, streams, small, made)


class _TodayParts:
    """The Today sheet's worksheet and relationships parts, made beside the tracker's rows (in a
    helper process where it pays, tuning.BesideStream) and fetched when the zip gets to them."""

    def __init__(self, pkg: Package, part: str, small: dict[str, bytes], rows: pd.DataFrame, today: dt.date,
                 style: TodayStyles, contacts: tuple[int, int] | None, live: bool):
        self.rels_part, self.small = rels_part_for(part), small
        self.job = BesideStream(today_sheet_parts, rows, today, style, pkg.date1904, contacts, live,
                                pkg.has(self.rels_part), worth=worth_rows(len(rows)))
        small[self.rels_part] = b""   # holds its place among the parts until the sheet is made
        self.pieces: Iterable[bytes] | None = None

    def sheet(self) -> Iterable[bytes]:
        """The worksheet part's pieces (once); its relationships part goes into `small`."""
        if self.pieces is None:
            rels, self.pieces = self.job.result()
            if rels is None:
                del self.small[self.rels_part]
            else:
                self.small[self.rels_part] = rels
        return self.pieces

    def __enter__(self) -> _TodayParts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.job.close()


def _write_members(pkg: Package, out, trackers: dict[str, TrackerSheet],
                   streams: dict[str, Callable[[], Iterable[bytes]]], small: dict[str, bytes],
                   today: _TodayParts) -> bool:
    """The zip: each member of the original in its order (edited, made anew or copied), then
    the new ones; whether any content changed."""
    changed = False
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in pkg.zip.infolist():
            name = info.filename
            if name == today.rels_part:
                today.sheet()
            if name in trackers:
                sheet = trackers.pop(name)
                write_stream(zf, info_like(info), sheet.pieces(), None)
                changed |= sheet.changed
            elif name in streams:
                changed |= write_stream(zf, info_like(info), streams.pop(name)(), digest_of_part(pkg, name))
            elif name in small:
                data = small.pop(name)
                changed |= data != pkg.read(name)
                zf.writestr(info_like(info), data, compresslevel=compress_level(len(data)))
            else:
                copy_member(pkg, zf, info)
        today.sheet()
        for name, data in small.items():
            changed = True
            zf.writestr(new_info(name), data)
        for name, make in streams.items():
            changed = True
            write_stream(zf, new_info(name), make(), None)
    return changed
