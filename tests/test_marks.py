"""Marks on the Today sheet roll into the tracker once, with a Follow-up Log; per-row overrides;
the work-search log (issue 14). Workbooks are marked as a user would: saved by openpyxl, and
round-tripped through LibreOffice."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess

import openpyxl
import pandas as pd
import pytest
from conftest import canonical_frame, set_cell, type_marks, write_sheets

from followup_sheet import pipeline
from followup_sheet.markrules import Mark, Outcome, TrackerRows, apply_marks, rule_changes, stage_word
from followup_sheet.pipeline import refresh
from followup_sheet.plan import build_plan
from followup_sheet.settings import Settings
from followup_sheet.worklog import work_search_log

MONDAY = dt.date(2026, 11, 30)
ME = Settings(your_name="Jordan Rivera", your_phone="(555) 014-2233")
HEADERS = ("Company", "Position", "Date Applied", "Last Contact", "Status", "Phone")
ROWS = [("Acme", "Analyst", dt.date(2026, 11, 2), None, "Applied", "555-0100"),
        ("Bolt", "Engineer", dt.date(2026, 11, 3), dt.date(2026, 11, 10), "Applied", "555-0101"),
        ("Cord", "Designer", dt.date(2026, 11, 4), None, "Applied", "555-0102"),
        ("Dove", "Writer", dt.date(2026, 10, 20), None, "Phone screen done", "555-0103")]


def _tracker(path, rows=ROWS, headers=HEADERS):
    return write_sheets(path, headers, {"Applications": rows})


def libreoffice_save_all(paths, folder) -> dict[str, bytes]:
    """Each workbook of `paths` opened and saved by LibreOffice as .xlsx, in one LibreOffice run
    (a start costs about a second of CPU): file name -> the bytes LibreOffice wrote. The names
    must differ. A file the batch stopped at is saved in a run of its own, then the rest again."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    out = folder / "lo"
    out.mkdir(exist_ok=True)
    pending = list(paths)
    while pending:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), *map(str, pending)],
                       check=True, capture_output=True, timeout=180 * len(pending))
        left = [p for p in pending if not (out / p.name).exists()]
        if left:       # the file the batch stopped at, alone: a second failure is its own
            subprocess.run([soffice, "--headless", f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
                            "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(left[0])],
                           check=True, capture_output=True, timeout=180)
            assert (out / left[0].name).exists(), f"LibreOffice did not save {left[0].name}"
        pending = left[1:]
    return {p.name: (out / p.name).read_bytes() for p in paths}


def _libreoffice_roundtrip(path, tmp_path):
    path.write_bytes(libreoffice_save_all([path], tmp_path)[path.name])


def _sheet(path, name):
    wb = openpyxl.load_workbook(path, data_only=True)   # live statuses: their cached values
    return [list(r) for r in wb[name].iter_rows(values_only=True)]


def _tracker_rows(path):
    rows = _sheet(path, "Applications")
    head = rows[0]
    return {r[0]: dict(zip(head, r)) for r in rows[1:] if r[0]}


def _day(v):
    return v.date() if isinstance(v, dt.datetime) else v


@pytest.mark.parametrize("save_with", ["openpyxl", pytest.param("libreoffice", marks=pytest.mark.libreoffice)])
def test_three_marks_roll_into_the_tracker_once(tmp_path, save_with):
    path = _tracker(tmp_path / "jobs.xlsx")
    refresh(path, today=MONDAY, settings=ME)
    today_rows = {r[0] for r in _sheet(path, "Today")[2:]}
    assert {"Acme", "Bolt", "Cord"} <= today_rows          # all three are due: something to mark
    type_marks(path, {"Acme": {"Done": "x", "Outcome": "Spoke"},
                 "Bolt": {"Outcome": "No answer"},
                 "Cord": {"Outcome": "Call back on a date", "Date": dt.date(2026, 12, 8)}})
    if save_with == "libreoffice":
        _libreoffice_roundtrip(path, tmp_path)

    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 3 and not result.marks.problems

    rows = _tracker_rows(path)
    # Spoke: a follow-up on the day the sheet was built; the count starts from the one implied (none)
    assert _day(rows["Acme"]["Last Contact"]) == MONDAY
    assert rows["Acme"]["Follow-ups"] == 1
    assert rows["Acme"]["Follow-up Status"] == "Waiting"
    assert _day(rows["Acme"]["Next Follow-up"]) == dt.date(2026, 12, 9)     # 7 business days on
    # No answer: retried the next business day, not counted, last contact unchanged
    assert _day(rows["Bolt"]["Last Contact"]) == dt.date(2026, 11, 10)
    assert rows["Bolt"]["Follow-ups"] is None
    assert _day(rows["Bolt"]["Snooze until"]) == dt.date(2026, 12, 1)
    assert rows["Bolt"]["Follow-up Status"] == "Due soon"
    # Call back on a date: pinned there
    assert _day(rows["Cord"]["Snooze until"]) == dt.date(2026, 12, 8)
    assert rows["Cord"]["Last Contact"] is None
    assert _day(rows["Cord"]["Next Follow-up"]) == dt.date(2026, 12, 8)
    # the unmarked row is as the rules leave it
    assert rows["Dove"]["Status"] == "Phone screen done" and rows["Dove"]["Last Contact"] is None

    log = _sheet(path, "Follow-up Log")
    assert log[1] == ["When", "Company", "Position", "Contact", "What happened", "What changed (from -> to)",
                      "Tracker row", "Mark key"]
    entries = {r[1]: r for r in log[2:]}
    assert len(log[2:]) == 3
    assert entries["Acme"][4] == "Spoke"
    assert entries["Acme"][5] == "last contact: (empty) -> 2026-11-30; follow-ups: (empty) -> 1"
    assert entries["Bolt"][5] == "snooze until: (empty) -> 2026-12-01"
    assert entries["Cord"][5] == "snooze until: (empty) -> 2026-12-08"
    assert all(_day(r[0]) == MONDAY for r in log[2:])

    today = _sheet(path, "Today")
    listed = [r[0] for r in today[2:] if r[0]]
    assert listed == ["Dove"]                               # the three marked rows are no longer due today
    assert not any(v in ("x", "Spoke", "No answer") for r in today for v in r)   # rebuilt without marks

    before = hashlib.sha256(path.read_bytes()).hexdigest()
    again = refresh(path, today=MONDAY, settings=ME)
    assert again.marks.applied == 0 and not again.written
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_refresh_killed_mid_save_applies_the_marks_once(tmp_path, monkeypatch):
    from followup_sheet.xlsx import marksheets, write
    path = _tracker(tmp_path / "jobs.xlsx")
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Acme": {"Done": "x", "Outcome": "Left voicemail"}})
    marked = path.read_bytes()

    real = marksheets.new_log_pieces
    tracker_pieces = write.TrackerSheet.pieces
    streamed = []

    def tracker_done(self):
        yield from tracker_pieces(self)
        streamed.append(self.edits.mark_cells)

    def dies(*args, **kwargs):   # the tracker part is written, the new log part (the last) is not
        raise KeyboardInterrupt
        yield from real(*args, **kwargs)
    monkeypatch.setattr(write.TrackerSheet, "pieces", tracker_done)
    monkeypatch.setattr(marksheets, "new_log_pieces", dies)
    with pytest.raises(KeyboardInterrupt):
        refresh(path, today=MONDAY, settings=ME)
    assert streamed and streamed[0]          # the tracker part, with the mark, was built first
    assert path.read_bytes() == marked
    monkeypatch.setattr(marksheets, "new_log_pieces", real)

    assert refresh(path, today=MONDAY, settings=ME).marks.applied == 1
    assert refresh(path, today=MONDAY, settings=ME).marks.applied == 0
    rows = _tracker_rows(path)
    assert rows["Acme"]["Follow-ups"] == 1
    assert len(_sheet(path, "Follow-up Log")[2:]) == 1


def test_a_mark_follows_a_moved_row_and_reports_a_deleted_one(tmp_path):
    path = _tracker(tmp_path / "jobs.xlsx")
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Acme": {"Outcome": "Spoke"}, "Bolt": {"Outcome": "Spoke"}})
    wb = openpyxl.load_workbook(path)
    ws = wb["Applications"]
    ws.insert_rows(2)                       # Acme moves from row 2 to row 3
    for c, v in enumerate(("Zeta", "Chemist", dt.date(2026, 11, 20), None, "Applied", "555-0199"), 1):
        set_cell(ws.cell(2, c), v)
    for c in range(1, 7):                   # Bolt (now row 4) becomes another application
        ws.cell(4, c).value = None
    for c, v in enumerate(("Bolt", "Manager", dt.date(2026, 11, 3)), 1):
        set_cell(ws.cell(4, c), v)
    wb.save(path)

    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 1
    assert len(result.marks.problems) == 1 and "Bolt / Engineer" in result.marks.problems[0]
    rows = _tracker_rows(path)
    assert rows["Acme"]["Follow-ups"] == 1 and _day(rows["Acme"]["Last Contact"]) == MONDAY
    assert rows["Zeta"]["Follow-ups"] is None and rows["Zeta"]["Last Contact"] is None
    assert rows["Bolt"]["Follow-ups"] is None
    log = _sheet(path, "Follow-up Log")[2:]
    assert [r[6] for r in log if r[1] == "Acme"] == ["Applications!3"]
    assert [r[5] for r in log if r[1] == "Bolt"][0].startswith("not applied: no tracker row holds Bolt / Engineer")


def test_marks_from_an_earlier_day_apply_to_their_day(tmp_path):
    path = _tracker(tmp_path / "jobs.xlsx")
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Acme": {"Outcome": "E-mailed"}, "Cord": {"Done": dt.date(2026, 11, 27), "Outcome": "Spoke"}})
    result = refresh(path, today=dt.date(2026, 12, 3), settings=ME)
    assert result.marks.applied == 2
    rows = _tracker_rows(path)
    assert _day(rows["Acme"]["Last Contact"]) == MONDAY                  # the sheet's day, not the refresh's
    assert _day(rows["Cord"]["Last Contact"]) == dt.date(2026, 11, 27)   # the date typed into Done


def test_text_dates_are_written_as_text_in_the_same_format(tmp_path):
    rows = [("Acme", "Analyst", "11/02/2026", "11/05/2026", "Applied", "555-0100"),
            ("Bolt", "Engineer", "11/03/2026", "11/04/2026", "Applied", "555-0101")]
    path = _tracker(tmp_path / "jobs.xlsx", rows)
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Acme": {"Outcome": "Spoke"}})
    refresh(path, today=MONDAY, settings=ME)
    assert _tracker_rows(path)["Acme"]["Last Contact"] == "11/30/2026"


def test_a_real_date_keeps_the_column_date_style(tmp_path):
    path = _tracker(tmp_path / "jobs.xlsx")
    wb = openpyxl.load_workbook(path)
    for r in (3,):
        wb["Applications"].cell(r, 4).number_format = "dd mmm yyyy"
    wb.save(path)
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Acme": {"Outcome": "Spoke"}})
    refresh(path, today=MONDAY, settings=ME)
    ws = openpyxl.load_workbook(path)["Applications"]
    assert ws.cell(2, 4).number_format == "dd mmm yyyy"    # as the column's other date (row 3)
    assert ws.cell(2, 4).value == dt.datetime(2026, 11, 30)


def test_three_voicemails_switch_the_next_follow_up_to_email(tmp_path):
    path = _tracker(tmp_path / "jobs.xlsx")
    day = MONDAY
    for _ in range(3):
        refresh(path, today=day, settings=ME.replace(first_gap=0, repeat_gap=0, max_follow_ups=10))
        type_marks(path, {"Acme": {"Outcome": "Left voicemail"}})
        day += dt.timedelta(days=1)
    result = refresh(path, today=day, settings=ME.replace(first_gap=0, repeat_gap=0, max_follow_ups=10))
    plan = result.sheets[0].plan
    assert plan.at[2, "channel"] == "email"
    assert plan.at[3, "channel"] == "call"
    assert _tracker_rows(path)["Acme"]["Follow-ups"] == 3


def test_work_search_log_lists_exactly_the_week(tmp_path):
    rows = ROWS + [("Echo", "Tester", dt.date(2026, 11, 27), None, "Applied", "555-0104"),
                   ("Fern", "Clerk", dt.date(2026, 12, 1), None, "Applied", "555-0105")]
    path = _tracker(tmp_path / "jobs.xlsx", rows)
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Acme": {"Outcome": "Spoke"}, "Bolt": {"Outcome": "E-mailed"}})
    refresh(path, today=MONDAY, settings=ME)
    table = work_search_log(path, dt.date(2026, 11, 30), dt.date(2026, 12, 6), settings=ME)
    got = sorted(zip(table["Date"], table["Employer"], table["Method"], table["Result"]))
    assert got == [(MONDAY, "Acme", "phone", "Spoke"), (MONDAY, "Bolt", "e-mail", "E-mailed"),
                   (dt.date(2026, 12, 1), "Fern", "application", "Applied")]
    earlier = work_search_log(path, dt.date(2026, 11, 23), dt.date(2026, 11, 29), settings=ME)
    assert list(earlier["Employer"]) == ["Echo"]
    assert list(earlier["Phone or address"]) == ["555-0104"]


def test_log_command_refuses_to_write_over_the_tracker(tmp_path, cli):
    path = _tracker(tmp_path / "jobs.xlsx")
    before = path.read_bytes()
    done = cli("log", str(path), "--out", str(path))
    assert done.returncode == 1 and path.read_bytes() == before
    out = tmp_path / "week.csv"
    done = cli("log", str(path), "--today", "2026-11-04", "--out", str(out))
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Date,Employer,Phone or address,Person contacted,Method,Position,Result"
    assert [x.split(",")[1] for x in lines[1:]] == ["Acme", "Bolt", "Cord"]


# --- the rules, one outcome at a time ------------------------------------------------------

def _frame_row(**kw):
    base = {"company": "Acme", "position": "Analyst", "applied_on": dt.date(2026, 11, 2), "stage": "Applied"}
    return canonical_frame([{**base, **kw}]).iloc[0]


def _m(outcome, done_day=None, date=None, name=""):
    return Mark(built=MONDAY, sheet="Applications", row=2, company="Acme", position="Analyst", contact="",
                outcome=outcome, outcome_text=outcome.value, done="x", done_day=done_day, date=date, name=name,
                where="Today row 3")


@pytest.mark.parametrize("outcome, row, expected", [
    (Outcome.SPOKE, {}, {"last_contact": MONDAY, "follow_ups": 1}),
    (Outcome.VOICEMAIL, {"follow_ups": 2, "last_contact": dt.date(2026, 11, 20)},
     {"last_contact": MONDAY, "follow_ups": 3}),
    (Outcome.EMAILED, {"last_contact": dt.date(2026, 11, 20)}, {"last_contact": MONDAY, "follow_ups": 2}),
    (Outcome.NO_ANSWER, {}, {"pinned": dt.date(2026, 12, 1)}),
    (Outcome.GATEKEEPER, {}, {"pinned": dt.date(2026, 12, 1)}),
    (Outcome.SPOKE, {"pinned": dt.date(2026, 11, 27)}, {"last_contact": MONDAY, "follow_ups": 1, "pinned": None}),
    (Outcome.NOT_INTERESTED, {}, {"last_contact": MONDAY, "stage": "Not interested"}),
    (Outcome.INTERVIEW, {}, {"last_contact": MONDAY, "stage": "Interview"}),
])
def test_rule_per_outcome(outcome, row, expected):
    r = _frame_row(**row)
    new, note = rule_changes(_m(outcome), r, pd.Series(["Applied"]), ME)
    assert new == expected and note == ""


def test_rules_with_a_date_or_a_name():
    r = _frame_row()
    assert rule_changes(_m(Outcome.CALL_BACK, date=dt.date(2026, 12, 8)), r, pd.Series(["Applied"]), ME)[0] == \
        {"pinned": dt.date(2026, 12, 8)}
    assert rule_changes(_m(Outcome.CALL_BACK), r, pd.Series(["Applied"]), ME) == \
        ({}, "'Call back on a date' needs the date in the Date column")
    got = rule_changes(_m(Outcome.GOT_NAME, name="Dana Lee"), r, pd.Series(["Applied"]), ME)[0]
    assert got == {"last_contact": MONDAY, "follow_ups": 1, "hiring_manager": "Dana Lee"}
    # the interview on Friday 4 December: the thank-you goes out on Monday 7 December
    got = rule_changes(_m(Outcome.INTERVIEW, date=dt.date(2026, 12, 4)), r, pd.Series(["Applied"]), ME)[0]
    assert got["pinned"] == dt.date(2026, 12, 7)
    # the user's own word for the stage wins over the settings'
    got = rule_changes(_m(Outcome.NOT_INTERESTED), r, pd.Series(["Applied", "Rejected", "Rejected"]), ME)[0]
    assert got["stage"] == "Rejected"
    got = rule_changes(_m(Outcome.INTERVIEW), r, pd.Series(["Applied", "1st interview"]), ME)[0]
    assert got["stage"] == "1st interview"
    # a date typed into Done is the day it counts for
    assert rule_changes(_m(Outcome.SPOKE, done_day=dt.date(2026, 11, 26)), r, pd.Series([]), ME)[0]["last_contact"] \
        == dt.date(2026, 11, 26)


def test_a_mark_is_applied_once_by_its_key():
    frame = canonical_frame([{"company": "Acme", "position": "Analyst", "applied_on": dt.date(2026, 11, 2)}])
    mark = _m(Outcome.SPOKE)
    first = apply_marks([mark], [TrackerRows("Applications", frame, set())], [], ME)
    assert first.applied == 1
    again = apply_marks([mark], [TrackerRows("Applications", frame, set())], first.entries, ME)
    assert again.applied == 0 and again.changes == []


def test_max_follow_ups_per_row_caps_that_row():
    frame = canonical_frame([
        {"company": "A", "applied_on": dt.date(2026, 10, 1), "last_contact": dt.date(2026, 11, 10), "follow_ups": 2},
        {"company": "B", "applied_on": dt.date(2026, 10, 1), "last_contact": dt.date(2026, 11, 10), "follow_ups": 2,
         "max_follow_ups": 2},
        {"company": "C", "applied_on": dt.date(2026, 10, 1), "last_contact": dt.date(2026, 11, 10), "follow_ups": 3,
         "max_follow_ups": 5}])
    status = build_plan(frame, MONDAY, Settings()).set_index(frame["company"])["status"]
    assert status["A"] == "Overdue" and status["B"] == "Gone cold" and status["C"] == "Overdue"


def test_override_headers_are_read(tmp_path):
    path = _tracker(tmp_path / "jobs.xlsx", [("Acme", "Analyst", dt.date(2026, 11, 2), None, "Applied", "555",
                                             dt.date(2026, 12, 9), "yes", 5)],
                    HEADERS + ("Snooze until", "No calls", "Max follow-ups"))
    from followup_sheet.read import read_tracker
    t = read_tracker(path)
    assert {"pinned", "no_calls", "max_follow_ups"} <= set(t.columns)
    row = t.frame.iloc[0]
    assert row["max_follow_ups"] == 5 and bool(row["no_calls"]) and row["pinned"] == pd.Timestamp(2026, 12, 9)


def test_a_workbook_without_marks_gets_no_log(tmp_path):
    path = _tracker(tmp_path / "jobs.xlsx")
    refresh(path, today=MONDAY, settings=ME)
    assert "Follow-up Log" not in openpyxl.load_workbook(path).sheetnames
    assert pipeline.refresh(path, today=MONDAY, settings=ME).marks.entries == []


@pytest.mark.slow
def test_a_refresh_killed_at_any_moment_applies_the_marks_once(tmp_path):
    import os
    import random
    import signal
    import sys
    import time
    marked = _tracker(tmp_path / "jobs.xlsx")
    refresh(marked, today=MONDAY, settings=ME)
    type_marks(marked, {"Acme": {"Outcome": "Spoke"}, "Bolt": {"Outcome": "No answer"}})
    old = marked.read_bytes()
    env = {**os.environ, "PYTHONHASHSEED": "0"}

    def run(path):
        return subprocess.Popen([sys.executable, "-m", "followup_sheet", "refresh", str(path), "--today",
                                 "2026-11-30", "--no-backup"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=env, cwd=path.parent)
    start = time.perf_counter()
    reference = tmp_path / "ref" / "jobs.xlsx"
    reference.parent.mkdir()
    reference.write_bytes(old)
    assert run(reference).wait(120) == 0
    duration = time.perf_counter() - start
    new = reference.read_bytes()
    rng = random.Random(14)
    for k in range(8):
        copy = tmp_path / f"kill{k}" / "jobs.xlsx"
        copy.parent.mkdir()
        copy.write_bytes(old)
        proc = run(copy)
        time.sleep(rng.uniform(duration * 0.3, duration))
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        assert copy.read_bytes() in (old, new)
        refresh(copy, today=MONDAY, settings=ME)          # the next refresh after the kill
        refresh(copy, today=MONDAY, settings=ME)
        log = _sheet(copy, "Follow-up Log")[2:]
        assert sorted(r[1] for r in log) == ["Acme", "Bolt"]
        assert _tracker_rows(copy)["Acme"]["Follow-ups"] == 1


def test_dry_run_lists_the_cells_marks_would_change(tmp_path):
    path = _tracker(tmp_path / "jobs.xlsx")
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Acme": {"Outcome": "Spoke"}})
    before = path.read_bytes()
    result = refresh(path, today=MONDAY, settings=ME, dry_run=True)
    assert path.read_bytes() == before
    got = {(c.ref, c.old, c.new) for c in result.changes if c.sheet == "Applications"}
    assert {("D2", "", MONDAY), ("J1", "", "Follow-ups"), ("J2", "", 1)} <= got


@pytest.mark.parametrize("title, day", [
    ("followup-sheet: today's calls for Monday, November 30, 2026. Rebuilt on each refresh", MONDAY),
    ("followup-sheet: today's calls, built Monday 30 November 2026", MONDAY),
    ("followup-sheet: today's calls, built 2026-12-01", dt.date(2026, 12, 1)),
    ("followup-sheet: today's calls", None),
])
def test_the_day_a_today_sheet_was_built(title, day):
    from followup_sheet.xlsx.marksheets import built_day
    assert built_day(title) == day


def test_marks_on_a_call_sheet_layout_by_header(tmp_path):
    """The redesigned Today sheet (headers in another order, Tracker row as Sheet!row, extra
    columns) is read by header name."""
    path = _tracker(tmp_path / "jobs.xlsx")
    refresh(path, today=MONDAY, settings=ME)
    wb = openpyxl.load_workbook(path)
    ws = wb["Today"]
    ws.delete_rows(2, ws.max_row)
    ws["A1"] = "followup-sheet: today's calls, built Friday 27 November 2026"
    heads = ("Company", "Position", "Ask for", "Phone", "E-mail", "Status", "Days overdue", "Script", "Notes",
             "Tracker row", "Done", "Outcome", "Date", "Name", "Something else")
    for c, h in enumerate(heads, 1):
        ws.cell(2, c, h)
    for r, (company, position, row, outcome, name) in enumerate(
            [("Bolt", "Engineer", 3, "Got the hiring manager's name", "Dana Lee"),
             ("Cord", "Designer", 4, "Not interested", None)], 3):
        for c, v in zip((1, 2, 10, 12, 14, 15), (company, position, f"Applications!{row}", outcome, name, "?")):
            ws.cell(r, c, v)
    wb.save(path)
    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 2
    rows = _tracker_rows(path)
    assert rows["Bolt"]["Hiring Manager"] == "Dana Lee"
    assert _day(rows["Bolt"]["Last Contact"]) == dt.date(2026, 11, 27)
    assert rows["Cord"]["Status"] == "Not interested" and rows["Cord"]["Follow-up Status"] == "Closed"


def test_the_log_grows_by_appending_and_stays_readable(tmp_path):
    path = _tracker(tmp_path / "jobs.xlsx")
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Acme": {"Outcome": "Spoke"}})
    refresh(path, today=MONDAY, settings=ME)
    wb = openpyxl.load_workbook(path)
    wb["Follow-up Log"]["I3"] = "my own note"            # the user's note beside an entry is kept
    wb.save(path)
    type_marks(path, {"Bolt": {"Outcome": "Spoke"}})
    refresh(path, today=MONDAY, settings=ME)
    import zipfile
    with zipfile.ZipFile(path) as zf:
        parts = [zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
    log_part = next(x for x in parts if b"|Bolt|Engineer|Spoke|" in x)
    assert b'<dimension ref="A1:I4"/>' in log_part      # grown over the appended row
    log = _sheet(path, "Follow-up Log")
    assert [r[1] for r in log[2:]] == ["Acme", "Bolt"] and log[2][8] == "my own note"


def test_every_part_written_with_marks_keeps_the_schema_order(tmp_path):
    import zipfile

    from corpus_tools import schema_order_problems
    path = _tracker(tmp_path / "jobs.xlsx")
    refresh(path, today=MONDAY, settings=ME)
    type_marks(path, {"Acme": {"Outcome": "Got the hiring manager's name", "Name": "Dana Lee"},
                 "Bolt": {"Outcome": "Got an interview", "Date": dt.date(2026, 12, 4)}})
    before = {}
    with zipfile.ZipFile(path) as zf:
        before = {n: zf.read(n) for n in zf.namelist()}
    refresh(path, today=MONDAY, settings=ME)
    with zipfile.ZipFile(path) as zf:
        written = {n: zf.read(n) for n in zf.namelist() if before.get(n) != zf.read(n)}
    assert any(b"Dana Lee" in x for x in written.values())
    for name, xml in written.items():
        if name.endswith(".xml"):
            assert schema_order_problems(xml) == [], name
    rows = _tracker_rows(path)
    assert rows["Acme"]["Hiring Manager"] == "Dana Lee" and rows["Acme"]["Follow-ups"] == 1
    # the tracker's only interviewing word is a phone screen (Dove's), which is not an interview:
    # the mark writes "Interview"; the thank-you on the Monday after Friday
    assert rows["Bolt"]["Status"] == "Interview"
    assert _day(rows["Bolt"]["Snooze until"]) == dt.date(2026, 12, 7)
    assert rows["Bolt"]["Follow-up Status"] == "Waiting"


# --- the stage word: one rule for the marks and the inbox ---------------------------------------

WITHDRAWAL = re.compile(r"withdr|zurückgez|retir", re.IGNORECASE)


@pytest.mark.parametrize("column, stage, own, means, written", [
    # the user's own word for the stage, the most used one, whatever its language
    (["Absage", "abgesagt", "Absage", "Entrevista", ""], "closed", "Rejected", None, "Absage"),
    (["Absage", "Entrevista", "entrevista"], "interviewing", "Interview", None, "Entrevista"),
    # with a meaning, a word of the same stage but another meaning is passed over
    (["Absage", "Absage"], "closed", "Withdrawn", WITHDRAWAL.search, "Withdrawn"),
    (["Absage", "Candidature retirée"], "closed", "Withdrawn", WITHDRAWAL.search, "Candidature retirée"),
    # nothing of that stage in the column: the tool's word
    (["", "Entrevista"], "closed", "Rejected", None, "Rejected"),
])
def test_the_stage_word_is_the_users_own_of_that_meaning(column, stage, own, means, written):
    assert stage_word(stage, pd.Series(column), Settings(), own, means=means) == written


def test_a_stage_word_the_settings_do_not_read_is_replaced_by_one_of_their_list():
    """Lists without the tool's word: the first listed word of that meaning, so the next read
    takes the row for what the mark or the message said."""
    settings = Settings().replace(closed_words=("abgelehnt", "zurückgezogen"))
    assert stage_word("closed", pd.Series([""]), settings, "Not interested") == "Abgelehnt"
    assert stage_word("closed", pd.Series([""]), settings, "Withdrawn", means=WITHDRAWAL.search) == "Zurückgezogen"
    nothing_fits = Settings().replace(closed_words=("abgelehnt",))
    assert stage_word("closed", pd.Series([""]), nothing_fits, "Withdrawn", means=WITHDRAWAL.search) == "Withdrawn"
