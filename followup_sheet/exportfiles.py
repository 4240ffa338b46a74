"""The files of their own that commands write beside the tracker (today's calls, the stats page,
a refreshed copy): never the tracker itself, never someone's file without `force`, written
atomically, and a copy kept of what they replace. Input: the bytes of an export (exporttext.py,
xlsx/exportbook.py); output: the file and where its backup went.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import columns
from .catalogue import say
from .errors import BadSettings, OutputRefused
from .filesafe import not_a_file, same_file
from .hanzi import bytes_in_form, frame_in_form, in_form
from .settings import Settings

if TYPE_CHECKING:
    from .pipeline import SheetOutcome


def replaces_other_file(out: Path, tracker: Path, force: bool) -> bool:
    """Whether writing to `out` replaces a file other than the tracker; refused without `force`."""
    if not os.path.lexists(out) or out.is_dir() or same_file(out, tracker):
        return False    # nothing to lose (a folder is refused when it is written to)
    if not force:
        raise OutputRefused(f"{out} already exists; pick another name for the copy, or add --force to "
                            "replace it (a copy of it is kept in .followup-backups)")
    return True


def backup_of(out: Path, backups: int) -> Path | None:
    """A copy of the file at `out` kept in the backup folder beside it before it is replaced (None:
    no file there); refused when no copy can be kept."""
    from . import filesafe
    real = Path(os.path.realpath(out))
    if not real.is_file():
        return None
    try:
        return filesafe.keep_backup(real, max(backups, 1))
    except OSError as exc:
        raise OutputRefused(f"{out}: no backup of it could be kept ({exc.strerror or exc}), so it was left "
                            "as it was; free some space or write the copy somewhere else") from None


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
    from . import exporttext, written
    from .settings import call_hours, time_zone

    out = Path(out)
    kind = out.suffix.lower()
    if kind not in EXPORT_SUFFIXES:
        raise BadSettings(f"{out}: export to a file ending in {', '.join(EXPORT_SUFFIXES)}")
    existed, ours = check_export_target(out, tracker, force)
    title = Path(tracker).name if tracker is not None else ""
    if kind in (".html", ".ics") and today is None:
        raise BadSettings(f"{out}: the {kind} export needs the day it is made for")
    events = None
    language = (settings.language if settings is not None else "") or "en"
    # a tracker kept in traditional characters gets its exports in them, as its Today sheet
    form = (settings.chinese if settings is not None and language == "zh" else "") or ""
    if kind == ".ics" and today is not None:   # (checked above: both need the day)
        s = settings or Settings()
        upcoming = exporttext.upcoming_table(outcomes or [], today, weeks)
        body, events = exporttext.calendar_ics(upcoming, today, title or out.stem, hours=call_hours(s.call_hours),
                                               zone=time_zone(s.timezone) or exporttext.system_zone(),
                                               holidays=s.holidays, earlier=written.earlier_events(out),
                                               language=language)
    elif kind == ".html" and today is not None:
        body = exporttext.call_sheet_html(table, today, title, language)
    elif kind == ".csv":
        body = exporttext.csv_bytes(exporttext.shown_table(table), more=exporttext.more_of(table, language))
    elif kind == ".md":
        body = exporttext.markdown_table(exporttext.shown_table(table, language),
                                       exporttext.more_of(table, language)).encode("utf-8")
    else:
        body = _xlsx_bytes(frame_in_form(exporttext.shown_table(table, language), form),
                           in_form(exporttext.more_of(table, language), form), language, form)
    if kind != ".xlsx":
        body = bytes_in_form(body, form)
    return save_export(out, body, existed=existed, ours=ours, backups=backups, record=record, events=events)


def export_stats(stats: Any, out: Path, *, today: dt.date, tracker: Path | None = None, force: bool = False,
                 backups: int = 5, language: str = "en", chinese: str = "") -> Exported:
    """Write the stats page (an .html file of its own), with the same refusals as export_today;
    `chinese`: the characters of Chinese output (hanzi.in_form)."""
    from . import exporttext

    out = Path(out)
    if out.suffix.lower() != ".html":
        raise BadSettings(f"{out}: the stats page is an .html file")
    existed, ours = check_export_target(out, tracker, force)
    body = exporttext.stats_html(stats, today, Path(tracker).name if tracker is not None else "", language)
    body = bytes_in_form(body, chinese if language == "zh" else "")
    return save_export(out, body, existed=existed, ours=ours, backups=backups)


def save_export(out: Path, body: bytes, *, existed: bool, ours: bool, backups: int = 5, record: bool = True,
                events: dict | None = None) -> Exported:
    """`body` written to `out` atomically (a copy of a user's file replaced kept in the backups);
    `existed` and `ours` as `check_export_target` said. With `record`, what was written (and the
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


def check_export_target(out: Path, tracker: Path | None, force: bool) -> tuple[bool, bool]:
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
    from .xlsx.exportbook import is_sealed_export
    path = Path(path)
    if path.suffix.lower() in (".html", ".ics") and path.is_file():
        from .exporttext import is_sealed
        try:
            return path.stat().st_size <= 64 * 2**20 and is_sealed(path.read_bytes())
        except OSError:
            return False
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not path.is_file():
        return False
    return is_sealed_export(path)


def _xlsx_bytes(shown: pd.DataFrame, more: str = "", language: str = "en", form: str = "") -> bytes:
    from .xlsx.exportbook import today_workbook
    rows = [[v if isinstance(v, str) else None if pd.isna(v) else v for v in rec]
            for rec in shown.itertuples(index=False)]
    if more:   # the calls the daily budget left for the next business day
        rows.append([more] + [None] * (len(shown.columns) - 1))
    table = columns.export_columns()
    return today_workbook(list(shown.columns), rows, [c.kind for c in table], [c.width for c in table],
                          in_form(say("outputs", "Today", language), form))
