"""Watch: keep a tracker fresh while it is in use - at start, at daily times and after each save.

Input: the workbook's path, a clock (for the day and the moments of each step) and a sleep;
output: `pipeline.refresh()` runs and one log line per event. The daily times are jobs of a
`schedule.Scheduler` the watcher owns. The loop only calls `Watcher.step()` and sleeps as long
as it says; tests move the time itself (time-machine), which the clock and `schedule` both follow.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import secrets
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import schedule

from . import exportfiles, filesafe, pipeline
from .catalogue import Worded, Words, in_language
from .errors import BadSettings, FollowupError, NotAWorkbook, WorkbookBusy
from .settings import POLL_RANGE

log = logging.getLogger(__name__)

DEFAULT_TIMES = ("07:30",)
RETRY_AFTER = dt.timedelta(seconds=30)   # after an error the file itself is not to blame for
WAKE_GAP = dt.timedelta(seconds=60)      # a step this much later than planned: the computer slept
SETTLE = 1.0                             # seconds a changed file must stay the same before it is read


@dataclass(frozen=True)
class Fingerprint:
    size: int
    mtime_ns: int
    sha256: str


def fingerprint(path: Path, previous: Fingerprint | None = None) -> Fingerprint | None:
    """Size, mtime and content hash, or None while the file cannot be read (mid-save, missing).

    The file is only hashed when its size or mtime moved, so an idle watcher costs one stat.
    """
    try:
        st = path.stat()
        if previous and (st.st_size, st.st_mtime_ns) == (previous.size, previous.mtime_ns):
            return previous
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return Fingerprint(st.st_size, st.st_mtime_ns, digest)


def side_list_path(path: Path, n: int = 1) -> Path:
    """Where today's calls go while the workbook is open elsewhere: `<stem> - Today.xlsx`, or
    `<stem> - Today (n).xlsx` when a file the tool did not write has that name."""
    return path.with_name(f"{path.stem} - Today.xlsx" if n == 1 else f"{path.stem} - Today ({n}).xlsx")


SIDE_LIST_NAMES = 50   # "- Today.xlsx" to "- Today (50).xlsx"


class Watcher:
    """Refreshes one workbook when asked to by the start, the daily times or a finished save."""

    def __init__(self, path: Path, *, times: tuple[str, ...] | list[str] = DEFAULT_TIMES, poll: float = 3.0,
                 clock: Callable[[], dt.datetime], today: dt.date | None = None, backup: bool = True,
                 sleep: Callable[[float], object] | None = None, inbox: bool | None = None, **read_options):
        if not POLL_RANGE[0] <= poll <= POLL_RANGE[1]:   # also refuses nan
            raise BadSettings(f"--poll must be between {POLL_RANGE[0]:g} and {POLL_RANGE[1]:g} seconds, not {poll:g}")
        self.path = Path(path)
        self.poll = poll
        self.fixed_today = today
        self.backup = backup
        self.read_options = read_options            # sheet, config, templates
        self.clock = clock
        self._stopping = threading.Event()
        self.sleep = sleep or self._stopping.wait   # a signal ends the real sleep at once
        self.stop_reason = ""

        self.language = _language(self.path, read_options)   # of the event lines; a refresh says the tracker's
        self.due: str | None = Worded("start")      # why a refresh is wanted, None when none is
        self.retry_at: dt.datetime | None = None
        self.seen = fingerprint(self.path)          # the file as last looked at...
        self.quiet_looks = 1                        # ...and at how many later looks it was the same
        self.handled: Fingerprint | None = None     # the content last refreshed (or found broken)
        self.waiting_for: str | None = None         # who has the workbook open
        self.side_list = SideList(self.path, read_options)
        self.last_error: str | None = None
        self.last_step: dt.datetime | None = None

        # The watcher's own scheduler, not schedule's module-level one: two watchers in one
        # process (tests, a library user) must not run each other's jobs.
        self.scheduler = schedule.Scheduler()
        daily = sorted({_daily_time(t) for t in times})
        for at in daily:
            job = self.scheduler.every().day.at(at)
            job.do(self._daily, job)
        self.inbox = InboxCheck.for_watcher(self.path, inbox, read_options)
        if self.inbox is not None:    # once a day, at the first daily time (proposals only: nothing is written)
            self.scheduler.every().day.at(daily[0]).do(self._inbox_due)
        self.inbox_wanted = False

    # --- the loop -----------------------------------------------------------------------------

    def run(self) -> int:
        """Step, sleep, repeat until stopped (Ctrl-C, SIGTERM or `stop()`); exit code 0."""
        with _stop_on_signals(self.stop):
            while not self._stopping.is_set():
                pause = self.step()
                if not self._stopping.is_set():
                    self.sleep(pause)
        w = self.words()
        log.info(w("stopped ({reason})", reason=self.stop_reason) if self.stop_reason else w("stopped"))
        return 0

    def words(self) -> Words:
        """The event lines' texts in the run's language."""
        return Words(self.language, "watch")

    def said(self, text: str) -> str:
        """A reason or an error of an event line in the run's language."""
        return in_language(text, self.language, "watch")

    def stop(self, reason: str = "") -> None:
        """Ask the loop to end after the current step; safe to call from a signal handler."""
        self.stop_reason = self.stop_reason or reason
        self._stopping.set()

    def once(self) -> int:
        """One refresh now: 0 when the workbook is up to date, 1 when it could not be updated."""
        self.due = Worded("once")
        now = self.clock()
        done = self._refresh(now)
        if self.inbox is not None:
            self.inbox.run(self._today(now), self.language)
        return 0 if done else 1

    def step(self) -> float:
        """Look at the clock and the file, refresh when something asks for it; seconds to the next step.

        A changed file is looked at again after SETTLE seconds (not a whole poll), and read once
        it was the same at two looks in a row.
        """
        now = self.clock()
        if self.last_step and now - self.last_step > dt.timedelta(seconds=self.poll) + WAKE_GAP:
            log.debug("the clock jumped %s ahead (the computer slept?)", now - self.last_step)
        self.last_step = now
        self.scheduler.run_pending()   # a time slept through runs once, now (schedule's own rule)
        self._look_at_file()
        settled = self.quiet_looks >= 1
        if self.due and settled and (self.retry_at is None or now >= self.retry_at):
            self._refresh(now)
        if self.inbox_wanted and self.inbox is not None and self.due is None:   # after the day's refresh
            self.inbox_wanted = False
            self.inbox.run(self._today(now), self.language)
        return self.poll if settled else min(self.poll, SETTLE)

    # --- what asks for a refresh --------------------------------------------------------------

    def _request(self, reason: str) -> None:
        if self.due is None:
            self.due = reason
            log.debug("refresh wanted: %s", reason)

    def _daily(self, job: schedule.Job) -> None:
        at = f"{job.at_time:%H:%M}" if job.at_time else "?"
        late = self.clock() - job.next_run if job.next_run else dt.timedelta(0)   # still the planned moment
        self._request(Worded("daily {at}, missed while the computer slept", at=at) if late > WAKE_GAP
                      else Worded("daily {at}", at=at))

    def _inbox_due(self) -> None:
        self.inbox_wanted = True

    def _look_at_file(self) -> None:
        current = fingerprint(self.path, self.seen)
        if current != self.seen:
            self.seen, self.quiet_looks, self.retry_at = current, 0, None
            log.debug("%s changed; waiting until it stops changing", self.path.name)
            return
        self.quiet_looks += 1
        if current is None or self.handled is None:
            return
        if current.sha256 == self.handled.sha256:
            self.handled = current        # touched, same content: not a save
        else:
            self._request(Worded("saved"))

    # --- doing it -----------------------------------------------------------------------------

    def _today(self, now: dt.datetime) -> dt.date:
        return self.fixed_today or now.date()

    def _refresh(self, now: dt.datetime) -> bool:
        owner = filesafe.lock_owner(self.path)
        if owner:
            self._wait_for_close(owner, now)
            return False
        if self.waiting_for:
            log.debug("%s is no longer open in %s", self.path.name, self.waiting_for)
            self.waiting_for = None
        reason = self.due
        try:
            result = pipeline.refresh(self.path, today=self._today(now), backup=self.backup, **self.read_options)
        except Exception as exc:   # any failed tick is logged and the watcher goes on
            self._failed(exc, reason, now)
            return False
        self.due, self.retry_at, self.last_error = None, None, None
        self.seen = self.handled = fingerprint(self.path)   # our own write is not a user's save
        self.quiet_looks = 1
        self.language = result.language or self.language
        w = self.words()
        calls = w.count("{n} call(s) today", "{n} call(s) today", len(result.today))
        if result.marks.applied:
            calls += w.count(", {n} mark(s) from the Today sheet applied", ", {n} mark(s) from the Today sheet applied",
                             result.marks.applied)
        for line in result.marks.problems:
            log.warning(w("mark not applied: {problem}", problem=self.said(line)))
        name, why = self.path.name, self.said(reason or "")
        if result.written:
            log.info(w("refreshed {name} ({reason}): {calls}", name=name, reason=why, calls=calls))
        elif result.empty:
            log.info(w("skipped {name} ({reason}): no applications yet; nothing written", name=name, reason=why))
        else:
            log.info(w("skipped {name} ({reason}): already up to date, {calls}", name=name, reason=why, calls=calls))
        self.side_list.remove()
        return True

    def _failed(self, exc: Exception, reason: str | None, now: dt.datetime) -> None:
        message = str(exc) or type(exc).__name__
        if message != self.last_error:
            said = in_language(Worded(exc.wording, **exc.fields), self.language) \
                if isinstance(exc, FollowupError) and exc.wording else message
            log.error(self.words()("error ({reason}): {error}", reason=self.said(reason or ""), error=said))
        log.debug("details of the error", exc_info=exc)
        self.last_error = message
        if isinstance(exc, WorkbookBusy):
            return                                  # opened or saved meanwhile: try once it is quiet
        if isinstance(exc, OSError) and not isinstance(exc, NotAWorkbook):
            self.retry_at = now + RETRY_AFTER      # a passing permission or disk problem
            return
        self.handled, self.due = self.seen, None    # the file itself is broken: wait for the next save

    def _wait_for_close(self, owner: str, now: dt.datetime) -> None:
        if self.waiting_for != owner:
            found = filesafe.lock_files(self.path)
            locks = ", ".join(p.name for p in found)
            others = [name for lock in found for name in filesafe.same_length_owners(self.path, lock)]
            w = self.words()
            if others:
                log.warning(w("waiting: {name} or {others} is open in {owner} (the owner file {locks} fits each of "
                              "these names), so {name} is not updated until it is closed (if none is open anywhere, "
                              "delete the lock file {locks})", name=self.path.name, owner=owner, locks=locks,
                              others=(" or " if self.language == "en" else " / ").join(others)))
            else:
                log.warning(w("waiting: {name} is open in {owner}, so it is not updated until it is closed (if it is "
                              "not open anywhere, delete the lock file {locks})", name=self.path.name, owner=owner,
                              locks=locks))
            self.waiting_for = owner
        self.side_list.language = self.language
        self.side_list.show(self.seen.sha256 if self.seen else None, self._today(now))


class InboxCheck:
    """The daily look at the user's mail (`[inbox] watch = true`, or `watch --inbox`): the changes
    the new mail implies are logged with the command that shows and writes them. Nothing is
    written: every change to the user's cells waits for `inbox --apply`."""

    def __init__(self, path: Path, source, read_options: dict):
        self.path, self.source, self.read_options = path, source, read_options

    @classmethod
    def for_watcher(cls, path: Path, wanted: bool | None, read_options: dict) -> InboxCheck | None:
        """The check when asked for (`wanted`, else the settings' `[inbox] watch`), else None.
        A mailbox that is not set up is refused at start when `--inbox` asked for it, else logged."""
        if wanted is False:
            return None
        from .inbox import watched_source
        from .settings import load_settings
        try:
            settings = load_settings(path, read_options.get("config"))
            if not (wanted or settings.inbox_watch):
                return None
            return cls(path, watched_source(settings, path), read_options)
        except BadSettings as exc:
            if wanted:
                raise
            language = _language(path, read_options)
            error = in_language(Worded(exc.wording, **exc.fields), language) if exc.wording else str(exc)
            log.error(Words(language, "watch")("error (inbox): {error}; the daily inbox check is off", error=error))
            return None

    def run(self, today: dt.date, language: str = "en") -> None:
        from .inbox import scan_inbox
        w = Words(language, "watch")
        options = {k: v for k, v in self.read_options.items() if k in ("sheet", "config")}
        try:
            report = scan_inbox(self.path, self.source, today=today, skip_unreadable=True, **options)
        except Exception as exc:   # the mail is not the workbook: log it and go on watching
            error = in_language(Worded(exc.wording, **exc.fields), language) \
                if isinstance(exc, FollowupError) and exc.wording else str(exc) or type(exc).__name__
            log.error(w("error (inbox {source}): {error}", source=self.source, error=error))
            log.debug("details of the error", exc_info=exc)
            return
        flag = f"--{self.source.kind}" + (f" {self.source.path}" if self.source.path else "")
        if not report.proposals:
            log.info(w.count("inbox {source}: {n} message(s) read, nothing new for {name}",
                             "inbox {source}: {n} message(s) read, nothing new for {name}", report.read,
                             source=self.source, name=self.path.name))
            return
        log.warning(w.count("inbox {source}: {n} change(s) proposed for {name}; review them with: {command} (add "
                            "--apply to write them)",
                            "inbox {source}: {n} change(s) proposed for {name}; review them with: {command} (add "
                            "--apply to write them)", len(report.proposals), source=self.source,
                            name=self.path.name, command=f"followup-sheet inbox {self.path} {flag}"))
        for p in report.proposals[:10]:
            log.info("  " + w("{sheet} row {row} {company}: {column} -> {value} ({subject})", sheet=repr(p.sheet),
                              row=p.row, company=p.company, column=p.column, value=repr(p.new),
                              subject=p.subject[:60]))
        if len(report.proposals) > 10:
            log.info("  " + w("and {n} more", n=len(report.proposals) - 10))


class SideList:
    """Today's calls in a file beside the workbook (`NAME - Today.xlsx`) while the workbook is
    open elsewhere and cannot be written; removed once its Today sheet is current again. Never
    a file of the user's: only a name that is free or holds a list this tool wrote."""

    def __init__(self, path: Path, read_options: dict):
        self.path = path
        self.read_options = read_options            # sheet, config, templates
        self.key: tuple | None = None               # (workbook content, day) of the list written
        self.written: tuple[Path, str | None] | None = None   # the list written and its digest
        self.language = "en"                        # of its event lines (the watcher's)

    def show(self, content: str | None, today: dt.date) -> None:
        """Write the list for this content of the workbook and this day, unless it is written."""
        if (content, today) != self.key:
            self.key = (content, today)
            self.write(today)

    def target(self) -> Path | None:
        """The first side list name that is free or holds a list this tool wrote (and, if written
        during this run, not changed since); never a file of the user's."""
        for n in range(1, SIDE_LIST_NAMES + 1):
            side = side_list_path(self.path, n)
            if not os.path.lexists(side):
                return side
            if side.is_symlink() or not side.is_file() or not exportfiles.is_tool_export(side):
                continue
            if self.written and self.written[0] == side and _digest(side) != self.written[1]:
                continue   # the user has edited the list we wrote
            return side
        return None

    def write(self, today: dt.date) -> None:
        w = Words(self.language, "watch")
        side = self.target()
        if side is None:
            log.error(w("error (today's list): every name from {first} to {last} is taken by another file; move some "
                        "away", first=side_list_path(self.path).name,
                        last=side_list_path(self.path, SIDE_LIST_NAMES).name))
            return
        owner = filesafe.lock_owner(side)
        if owner:
            log.info(w("skipped {name}: it is open in {owner}", name=side.name, owner=owner))
            return
        tmp = None
        try:
            _, table, _ = pipeline.compute(self.path, today=today, **self.read_options)
            # a name nobody has (the export refuses to replace a file it did not write)
            tmp = side.with_name(f".{side.stem}.{os.getpid()}-{secrets.token_hex(6)}.tmp.xlsx")
            exportfiles.export_today(table, tmp, record=False)   # (the side list is known by its seal)
            if not os.path.lexists(side) or exportfiles.is_tool_export(side):   # nobody put a file there meanwhile
                os.replace(tmp, side)
            else:
                raise FileExistsError(f"{side.name} appeared meanwhile; it is left alone")
            self.written = (side, _digest(side))
        except Exception as exc:
            if tmp is not None:
                tmp.unlink(missing_ok=True)
            error = in_language(Worded(exc.wording, **exc.fields), self.language) \
                if isinstance(exc, FollowupError) and exc.wording else str(exc) or type(exc).__name__
            log.error(w("error (today's list): {error}", error=error))
            log.debug("details of the error", exc_info=exc)
            return
        day = f"{today}" if self.language == "en" else w.day(today, "full")
        log.info(w.count("wrote today's list to {name}: {n} call(s) for {day}",
                         "wrote today's list to {name}: {n} call(s) for {day}", len(table), name=side.name, day=day))

    def remove(self) -> None:
        """The Today sheet is current again, so a side list written meanwhile would only go stale.
        Only the file as written is removed: one the user changed since is theirs."""
        if self.key is None:
            return
        self.key = None
        written, self.written = self.written, None
        if written is None:
            return
        side, digest = written
        if side.is_file() and not side.is_symlink() and _digest(side) == digest and not filesafe.lock_owner(side):
            with contextlib.suppress(OSError):
                side.unlink()
                log.info(Words(self.language, "watch")("removed {name}: the workbook's Today sheet is current",
                                                       name=side.name))


def _language(path: Path, read_options: dict) -> str:
    """The language of the event lines before a refresh has said the tracker's: --language, else
    [you] language in the settings, else the language of the tracker's own headers and stage
    words (a look at the workbook), else English."""
    from .settings import declared_language
    config = read_options.get("config")
    return (read_options.get("language") or declared_language(path, config)
            or pipeline.tracker_language(path, sheet=read_options.get("sheet"), config=config) or "en")


def _daily_time(text: str) -> str:
    """A daily time as `schedule` takes it ("7:30" -> "07:30")."""
    try:
        return f"{dt.datetime.strptime(text.strip(), '%H:%M'):%H:%M}"
    except ValueError:
        raise BadSettings(f"--at {text!r} is not a time like 07:30") from None


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@contextlib.contextmanager
def _stop_on_signals(stop: Callable[[str], None]):
    """Ctrl-C, SIGTERM (and Ctrl-Break on Windows) only set a flag: no step is cut in half."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for name in ("SIGINT", "SIGTERM", "SIGBREAK"):
        if hasattr(signal, name):
            sig = getattr(signal, name)
            previous[sig] = signal.signal(sig, lambda signum, frame: stop(signal.Signals(signum).name))
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
