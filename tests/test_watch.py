"""The watcher: daily times, times slept through, saves, open workbooks, errors and stopping,
with the time itself moved (time-machine: the watcher's clock and `schedule` both follow it) by
a sleep that only moves it; then the real `followup-sheet watch` process end to end."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
import schedule
import time_machine

from followup_sheet import pipeline
from followup_sheet.cli import main
from followup_sheet.errors import BadSettings
from followup_sheet.sample import build_sample
from followup_sheet.watch import RETRY_AFTER, SETTLE, Watcher, side_list_path

DAY = dt.date(2026, 11, 26)            # a Thursday; the sample is built for it
START = dt.datetime(2026, 11, 26, 6, 0)
POLL = 60.0                            # fake seconds: any value works, fewer steps run faster


class FakeTime:
    """The moved time: `now` is what every clock of the process reads; a sleep moves it on."""

    def __init__(self, traveller):
        self.traveller = traveller

    @property
    def now(self) -> dt.datetime:
        return dt.datetime.now()

    @now.setter
    def now(self, moment: dt.datetime) -> None:
        self.traveller.move_to(moment)

    def clock(self) -> dt.datetime:
        return dt.datetime.now()

    def sleep(self, seconds: float) -> None:
        self.traveller.shift(dt.timedelta(seconds=seconds))


class RefreshSpy:
    """Counts pipeline.refresh calls (with the clock's time and the day asked for) and runs it."""

    def __init__(self, time_: FakeTime, fail_with: list[BaseException] | None = None):
        self.calls: list[tuple[dt.datetime, dt.date]] = []
        self.time = time_
        self.fail_with = fail_with or []
        self.real = pipeline.refresh

    def __call__(self, path, **kwargs):
        self.calls.append((self.time.now, kwargs["today"]))
        if self.fail_with:
            raise self.fail_with.pop(0)
        return self.real(path, **kwargs)


@pytest.fixture
def tracker(tmp_path) -> Path:
    return build_sample(tmp_path / "tracker.xlsx", today=DAY)


@pytest.fixture
def fake():
    with time_machine.travel(START, tick=False) as traveller:
        yield FakeTime(traveller)


@pytest.fixture
def spy(monkeypatch, fake):
    spy = RefreshSpy(fake)
    monkeypatch.setattr(pipeline, "refresh", spy)
    return spy


def make_watcher(path: Path, fake: FakeTime, **kwargs) -> Watcher:
    kwargs.setdefault("backup", False)
    return Watcher(path, poll=POLL, clock=fake.clock, sleep=fake.sleep, **kwargs)


def run_until(watcher: Watcher, fake: FakeTime, until: dt.datetime) -> None:
    while fake.now < until:
        fake.sleep(watcher.step())


def steps(watcher: Watcher, fake: FakeTime, n: int) -> None:
    for _ in range(n):
        fake.sleep(watcher.step())


def columns(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[1] if c.value}


def statuses(path: Path) -> dict[int, str]:
    """Row number -> the Follow-up Status the workbook shows."""
    ws = openpyxl.load_workbook(path, data_only=True)["Applications"]
    col = columns(ws).get("Follow-up Status")
    if col is None:
        return {}
    return {r: ws.cell(r, col).value for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value}


def user_saves(path: Path, row: int, stage: str = "Rejected") -> None:
    """What a user does in a spreadsheet program: change a Status cell and save."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Applications"]
    ws.cell(row, columns(ws)["Status"]).value = stage
    wb.save(path)


def overdue_rows(path: Path) -> list[int]:
    return [r for r, s in statuses(path).items() if s == "Overdue"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def events(caplog, word: str) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.name == "followup_sheet.watch" and r.getMessage().startswith(word)]


def libreoffice_lock(path: Path) -> Path:
    lock = path.with_name(f".~lock.{path.name}#")
    lock.write_text("Jane Doe,jane,laptop,26.11.2026 08:12,file:///home/jane/.config/libreoffice/4;")
    return lock


def excel_owner_file(path: Path) -> Path:
    lock = path.with_name("~$" + path.name)
    lock.write_bytes(bytes([8]) + b"Jane Doe".ljust(54, b" ") + "Jane Doe".encode("utf-16-le").ljust(110, b"\0"))
    return lock


# --- daily times ----------------------------------------------------------------------------

@pytest.mark.parametrize("times, expected", [
    (["07:30"], [(START, DAY),
                 (dt.datetime(2026, 11, 26, 7, 30), DAY),
                 (dt.datetime(2026, 11, 27, 7, 30), dt.date(2026, 11, 27))]),
    (["18:00", "07:30"], [(START, DAY),
                          (dt.datetime(2026, 11, 26, 7, 30), DAY),
                          (dt.datetime(2026, 11, 26, 18, 0), DAY),
                          (dt.datetime(2026, 11, 27, 7, 30), dt.date(2026, 11, 27)),
                          (dt.datetime(2026, 11, 27, 18, 0), dt.date(2026, 11, 27))]),
])
def test_refreshes_at_start_and_at_each_daily_time(tracker, fake, spy, times, expected):
    watcher = make_watcher(tracker, fake, times=times)
    run_until(watcher, fake, dt.datetime(2026, 11, 27, 23, 0))
    assert spy.calls == expected


def test_daily_times_are_jobs_of_the_watchers_own_scheduler(tracker, fake, spy):
    watcher = make_watcher(tracker, fake, times=["18:00", "7:30", "07:30"])
    other = make_watcher(tracker, fake, times=["12:00"])
    assert schedule.default_scheduler.jobs == []        # the module-level scheduler is left alone
    assert [f"{job.at_time:%H:%M}" for job in watcher.scheduler.jobs] == ["07:30", "18:00"]
    assert watcher.scheduler.next_run == dt.datetime(2026, 11, 26, 7, 30)
    assert other.scheduler.next_run == dt.datetime(2026, 11, 26, 12, 0)


@pytest.mark.parametrize("at", ["25:00", "7.30", "noon", ""])
def test_a_daily_time_that_is_no_time_is_refused(tracker, at):
    with pytest.raises(BadSettings, match="is not a time like 07:30"):
        Watcher(tracker, times=[at], clock=lambda: START)


def test_daily_refresh_writes_the_new_day_and_skips_when_nothing_changes(tracker, fake, spy, caplog):
    caplog.set_level(logging.INFO, "followup_sheet.watch")
    watcher = make_watcher(tracker, fake, times=["07:30"], today=DAY)   # --today fixes the date
    run_until(watcher, fake, dt.datetime(2026, 11, 27, 8, 0))
    assert [c[1] for c in spy.calls] == [DAY, DAY, DAY]
    assert len(events(caplog, "refreshed")) == 1
    assert len(events(caplog, "skipped")) == 2


def test_a_time_slept_through_runs_once_on_wake(tracker, fake, spy, caplog):
    caplog.set_level(logging.INFO, "followup_sheet.watch")
    watcher = make_watcher(tracker, fake, times=["07:30", "12:00"])
    watcher.step()
    fake.now = dt.datetime(2026, 11, 29, 14, 5)     # the laptop slept for three and a half days
    run_until(watcher, fake, dt.datetime(2026, 11, 29, 23, 0))
    assert spy.calls == [(START, DAY), (dt.datetime(2026, 11, 29, 14, 5), dt.date(2026, 11, 29))]
    assert any("missed while the computer slept" in m for m in events(caplog, "refreshed"))
    run_until(watcher, fake, dt.datetime(2026, 11, 30, 8, 0))
    assert spy.calls[-1] == (dt.datetime(2026, 11, 30, 7, 30), dt.date(2026, 11, 30))


def test_a_sleep_before_the_daily_time_changes_nothing(tracker, fake, spy):
    watcher = make_watcher(tracker, fake, times=["07:30"])
    watcher.step()
    fake.now = dt.datetime(2026, 11, 26, 7, 0)
    run_until(watcher, fake, dt.datetime(2026, 11, 26, 7, 29))
    assert len(spy.calls) == 1
    run_until(watcher, fake, dt.datetime(2026, 11, 26, 7, 31))
    assert len(spy.calls) == 2


# --- saves ----------------------------------------------------------------------------------

def test_a_save_is_refreshed_once_the_file_stops_changing(tracker, fake, spy, caplog):
    caplog.set_level(logging.INFO, "followup_sheet.watch")
    watcher = make_watcher(tracker, fake)
    watcher.step()
    row = overdue_rows(tracker)[0]
    user_saves(tracker, row)
    assert watcher.step() == SETTLE                 # sees the change: not read yet, look again soon
    assert len(spy.calls) == 1
    assert watcher.step() == POLL                   # unchanged since the last look: read it
    assert len(spy.calls) == 2
    assert statuses(tracker)[row] == "Closed"
    assert "(saved)" in events(caplog, "refreshed")[-1]


def test_a_file_still_being_written_is_never_read(tracker, fake, spy):
    watcher = make_watcher(tracker, fake)
    watcher.step()
    rows = overdue_rows(tracker)
    data = tracker.read_bytes()
    for n in range(5):                              # a slow save: the file grows at every poll
        tracker.write_bytes(data[: len(data) * (n + 1) // 6])
        watcher.step()
    tracker.unlink()                                # some programs delete, then rename a temp file
    watcher.step()
    assert len(spy.calls) == 1
    user_saves_to = tracker.with_name("saved-elsewhere.xlsx")
    user_saves_to.write_bytes(data)
    user_saves(user_saves_to, rows[0])
    os.replace(user_saves_to, tracker)
    steps(watcher, fake, 2)
    assert len(spy.calls) == 2
    assert statuses(tracker)[rows[0]] == "Closed"


def test_own_writes_and_touches_are_not_saves(tracker, fake, spy):
    watcher = make_watcher(tracker, fake)
    watcher.step()                                  # writes the statuses
    written = tracker.stat().st_mtime_ns
    steps(watcher, fake, 20)
    os.utime(tracker, ns=(written + 5_000_000_000, written + 5_000_000_000))   # same content
    steps(watcher, fake, 20)
    assert len(spy.calls) == 1
    assert tracker.stat().st_mtime_ns == written + 5_000_000_000


# --- open workbooks -------------------------------------------------------------------------

@pytest.mark.parametrize("lock, owner", [(libreoffice_lock, "LibreOffice (Jane Doe on laptop)"),
                                         (excel_owner_file, "Excel (Jane Doe)")])
def test_an_open_workbook_is_left_alone_until_closed(tracker, fake, spy, caplog, lock, owner):
    caplog.set_level(logging.INFO, "followup_sheet.watch")
    watcher = make_watcher(tracker, fake, times=["07:30"])
    watcher.step()
    row = overdue_rows(tracker)[0]
    lock_file = lock(tracker)
    user_saves(tracker, row)                        # saved in the spreadsheet program, still open
    saved = digest(tracker)
    run_until(watcher, fake, dt.datetime(2026, 11, 26, 8, 0))
    assert digest(tracker) == saved
    assert len(spy.calls) == 1
    waiting = events(caplog, "waiting")
    assert len(waiting) == 1 and owner in waiting[0] and lock_file.name in waiting[0]
    side = side_list_path(tracker)
    listed = [r[1] for r in openpyxl.load_workbook(side)["Today"].iter_rows(min_row=2, values_only=True)]
    assert listed and row not in listed             # the side list follows the user's save

    lock_file.unlink()
    steps(watcher, fake, 1)
    assert len(spy.calls) == 2
    assert statuses(tracker)[row] == "Closed"
    assert not side.exists()


def test_the_morning_list_is_written_beside_a_workbook_left_open(tracker, fake, spy, caplog):
    caplog.set_level(logging.INFO, "followup_sheet.watch")
    watcher = make_watcher(tracker, fake, times=["07:30"])
    watcher.step()
    libreoffice_lock(tracker)
    run_until(watcher, fake, dt.datetime(2026, 11, 27, 7, 45))
    assert len(spy.calls) == 1
    wrote = events(caplog, "wrote today's list")
    assert len(wrote) == 2 and wrote[-1].endswith("for 2026-11-27")
    ws = openpyxl.load_workbook(side_list_path(tracker))["Today"]
    assert [c.value for c in ws[1]][:3] == ["Sheet", "Row", "Company"]


# --- errors ---------------------------------------------------------------------------------

def test_a_broken_file_is_reported_once_and_refreshed_once_fixed(tracker, fake, spy, caplog):
    caplog.set_level(logging.INFO, "followup_sheet.watch")
    watcher = make_watcher(tracker, fake, times=["07:30"])
    watcher.step()
    good = tracker.read_bytes()
    tracker.write_bytes(b"Company,Position\nAcme,Clerk\n")   # saved as CSV by mistake
    run_until(watcher, fake, dt.datetime(2026, 11, 27, 8, 0))  # through a daily time too
    assert len(events(caplog, "error")) == 1
    assert len(spy.calls) == 4                      # start, the save, 07:30 on both days
    tracker.write_bytes(good)
    steps(watcher, fake, 2)
    assert events(caplog, "refreshed")[-1].startswith("refreshed tracker.xlsx (saved)")


def test_a_passing_permission_error_is_retried(tracker, fake, monkeypatch, caplog):
    caplog.set_level(logging.INFO, "followup_sheet.watch")
    spy = RefreshSpy(fake, fail_with=[PermissionError(13, "Permission denied"),
                                      PermissionError(13, "Permission denied")])
    monkeypatch.setattr(pipeline, "refresh", spy)
    watcher = Watcher(tracker, poll=5, clock=fake.clock, sleep=fake.sleep, backup=False)
    run_until(watcher, fake, START + RETRY_AFTER - dt.timedelta(seconds=1))
    assert len(spy.calls) == 1
    run_until(watcher, fake, START + 2 * RETRY_AFTER + dt.timedelta(seconds=10))
    assert [t - START for t, _ in spy.calls] == [dt.timedelta(0), RETRY_AFTER, 2 * RETRY_AFTER]
    assert len(events(caplog, "error")) == 1
    assert len(events(caplog, "refreshed")) == 1


def test_a_crash_inside_a_refresh_does_not_end_the_watcher(tracker, fake, monkeypatch, caplog):
    spy = RefreshSpy(fake, fail_with=[RuntimeError("unexpected")])
    monkeypatch.setattr(pipeline, "refresh", spy)
    watcher = make_watcher(tracker, fake, times=["07:30"])
    run_until(watcher, fake, dt.datetime(2026, 11, 26, 8, 0))
    assert len(spy.calls) == 2                      # the start failed; 07:30 came anyway


def test_poll_must_be_positive(tracker):
    with pytest.raises(BadSettings):
        Watcher(tracker, poll=0, clock=lambda: START)


# --- stopping -------------------------------------------------------------------------------

@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_loop_after_the_write(tracker, fake, monkeypatch, sig):
    def refresh_interrupted(path, **kwargs):
        os.kill(os.getpid(), sig)                   # arrives in the middle of the refresh
        return real(path, **kwargs)

    real = pipeline.refresh
    monkeypatch.setattr(pipeline, "refresh", refresh_interrupted)
    before = signal.getsignal(sig)                  # (a test worker process may ignore SIGINT)
    watcher = make_watcher(tracker, fake)
    assert watcher.run() == 0
    assert set(statuses(tracker).values()) >= {"Overdue", "Closed"}
    assert watcher.stop_reason == sig.name
    assert signal.getsignal(sig) == before          # the handler the run found, given back


def test_stop_between_steps(tracker, fake, spy):
    def sleep(seconds):
        fake.sleep(seconds)
        if fake.now >= dt.datetime(2026, 11, 26, 9, 0):
            watcher.stop()

    watcher = Watcher(tracker, poll=POLL, clock=fake.clock, sleep=sleep, backup=False)
    assert watcher.run() == 0
    assert fake.now == dt.datetime(2026, 11, 26, 9, 0)
    assert len(spy.calls) == 2


# --- the command ----------------------------------------------------------------------------

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (refreshed|skipped|waiting|wrote|error)")


def test_once_refreshes_and_exits(tracker, capsys):
    assert main(["watch", str(tracker), "--once", "--today", "2026-11-26", "--no-backup"]) == 0
    assert main(["watch", str(tracker), "--once", "--today", "2026-11-26", "--no-backup"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert [LINE.match(x).group(1) for x in lines] == ["refreshed", "skipped"]
    assert "Overdue" in statuses(tracker).values()


def test_once_on_an_open_workbook_writes_the_list_beside_it_and_exits_1(tracker, capsys):
    libreoffice_lock(tracker)
    before = digest(tracker)
    assert main(["watch", str(tracker), "--once", "--today", "2026-11-26"]) == 1
    assert digest(tracker) == before
    assert side_list_path(tracker).exists()
    lines = capsys.readouterr().err.splitlines()
    assert [LINE.match(x).group(1) for x in lines] == ["waiting", "wrote"]


def test_once_on_a_broken_or_missing_file_exits_1(tmp_path, capsys):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    assert main(["watch", str(broken), "--once"]) == 1
    assert main(["watch", str(tmp_path / "missing.xlsx")]) == 1
    err = capsys.readouterr().err
    assert LINE.match(err.splitlines()[0]).group(1) == "error"
    assert "missing.xlsx: no such file" in err


# --- the real process -----------------------------------------------------------------------

def wait_for(condition, timeout: float, what: str, log: Path):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = condition()
        except (OSError, KeyError, ValueError, EOFError):   # the file being replaced right now
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"no {what} within {timeout} s; watcher log:\n{log.read_text()}")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is not deliverable on Windows")
def test_watch_process_end_to_end(tmp_path):
    tracker = build_sample(tmp_path / "My Tracker.xlsx", today=DAY)
    log = tmp_path / "watch.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "followup_sheet", "watch", str(tracker), "--poll", "1",
             "--today", "2026-11-26"], stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path)
    try:
        wait_for(lambda: "Overdue" in statuses(tracker).values(), 20, "start refresh", log)
        first, second = overdue_rows(tracker)[:2]

        user_saves(tracker, first)                  # a stage set to "Rejected" and saved
        wait_for(lambda: statuses(tracker)[first] == "Closed", 6, "refresh after the save", log)

        quiet = digest(tracker), tracker.stat().st_mtime_ns
        time.sleep(3.5)
        assert (digest(tracker), tracker.stat().st_mtime_ns) == quiet, "written although nothing changed"

        lock = libreoffice_lock(tracker)
        user_saves(tracker, second)                 # saved while still open in LibreOffice
        saved = digest(tracker)
        wait_for(side_list_path(tracker).exists, 6, "today's list beside the open workbook", log)
        time.sleep(2.5)
        assert digest(tracker) == saved, "written while the workbook was open"

        lock.unlink()
        wait_for(lambda: statuses(tracker)[second] == "Closed", 6, "refresh after closing", log)

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=5) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = log.read_text()
    assert text.count("waiting:") == 1
    assert "(saved)" in text and text.rstrip().endswith("stopped (SIGTERM)")
    assert not side_list_path(tracker).exists()


# -- the daily look at the mail ------------------------------------------------------------------

def _mailbox_for_sample(path: Path) -> Path:
    """A rejection from a company with one application on the sample tracker, and a newsletter."""
    from inbox_mail import message, write_mbox
    ws = openpyxl.load_workbook(path).active
    heads = {c.value: c.column for c in ws[1]}
    names = [ws.cell(r, heads["Company"]).value for r in range(2, ws.max_row + 1)]
    company = next(n for r, n in enumerate(names, start=2)
                   if n and names.count(n) == 1 and ws.cell(r, heads["Status"]).value == "Applied")
    domain = "".join(ch for ch in company.lower() if ch.isalnum()) + ".com"
    return write_mbox(path.with_name("mail.mbox"), [
        message(f"Dana Whitlock <dana@{domain}>", f"{company}: your application",
                "We regret to inform you that we will not be moving forward with your application.",
                day=DAY - dt.timedelta(days=1)),
        message("Weekly Jobs <news@jobsletter.example>", "Ten new roles", "See what is new this week.",
                day=DAY - dt.timedelta(days=1), headers={"List-Unsubscribe": "<https://jobsletter.example/u>"})])


def test_the_daily_inbox_check_proposes_and_writes_nothing(tracker, fake, spy, caplog):
    caplog.set_level(logging.INFO, "followup_sheet.watch")
    box = _mailbox_for_sample(tracker)
    (tracker.parent / "followup.toml").write_text('[inbox]\nwatch = true\nmbox = "mail.mbox"\n', encoding="utf-8")
    watcher = make_watcher(tracker, fake, times=["07:30", "12:00"])
    run_until(watcher, fake, dt.datetime(2026, 11, 26, 7, 0))
    before = digest(tracker)
    assert not any("inbox" in r.getMessage() for r in caplog.records)     # not before the first daily time
    run_until(watcher, fake, dt.datetime(2026, 11, 26, 23, 0))
    proposed = [r.getMessage() for r in caplog.records if "change(s) proposed" in r.getMessage()]
    assert len(proposed) == 1                                             # once a day, not at 12:00 too
    assert f"followup-sheet inbox {tracker} --mbox {box}" in proposed[0]
    assert digest(tracker) == before                                      # proposals only: nothing written
    run_until(watcher, fake, dt.datetime(2026, 11, 27, 8, 0))
    assert len([r for r in caplog.records if "change(s) proposed" in r.getMessage()]) == 2


def test_the_inbox_check_is_off_by_default_and_a_bad_mailbox_does_not_stop_the_watcher(tracker, fake, spy, caplog):
    caplog.set_level(logging.INFO, "followup_sheet.watch")
    _mailbox_for_sample(tracker)
    assert make_watcher(tracker, fake).inbox is None                      # no [inbox] watch, no --inbox
    (tracker.parent / "followup.toml").write_text('[inbox]\nwatch = true\nmbox = "gone.mbox"\n', encoding="utf-8")
    watcher = make_watcher(tracker, fake, times=["07:30"])
    run_until(watcher, fake, dt.datetime(2026, 11, 27, 8, 0))
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert errors and all("inbox" in e for e in errors) and "gone.mbox" in errors[0]
    assert len(spy.calls) == 3                                            # the refreshes went on


def test_watch_inbox_without_a_mailbox_is_refused_at_start(tracker, fake):
    with pytest.raises(BadSettings, match=r"\[inbox\] mbox, maildir or eml"):
        make_watcher(tracker, fake, inbox=True)
