"""Marks that write only what the user meant (issue 27, "the user's tracker gets wrong data"; the
marks of issue 22): typed outcomes are not guessed, the user's note columns are not written into,
a mark is logged only when written, typed dates follow the settings, the Today sheet is found
however the user renamed, retitled or copied it, and stage words keep their meaning. Workbooks
are marked as a user would: saved by openpyxl, and round-tripped through LibreOffice."""

from __future__ import annotations

import datetime as dt
import hashlib

import openpyxl
import pandas as pd
import pytest
from conftest import canonical_frame, write_sheets
from openpyxl.worksheet.datavalidation import DataValidation
from test_marks import libreoffice_save_all

from followup_sheet.markrules import Mark, Outcome, read_outcome, rule_changes
from followup_sheet.pipeline import refresh
from followup_sheet.settings import Settings

MONDAY = dt.date(2026, 11, 30)
ME = Settings(your_name="Sam Okafor", your_phone="(555) 010-7788")
HEADERS = ("Company", "Position", "Date Applied", "Last Contact", "Status", "Phone")
ROWS = [("Harbor Foods", "Buyer", dt.date(2026, 11, 2), None, "Applied", "555-0140"),
        ("Ivy Labs", "Lab Tech", dt.date(2026, 11, 3), None, "Applied", "555-0141"),
        ("Juniper Bank", "Teller", dt.date(2026, 11, 4), None, "Applied", "555-0142"),
        ("Kite Media", "Editor", dt.date(2026, 10, 20), None, "Rejected", "555-0143")]
SAVERS = ["openpyxl", pytest.param("libreoffice", marks=pytest.mark.libreoffice)]


def _tracker(path, rows=ROWS, headers=HEADERS):
    return write_sheets(path, headers, {"Applications": rows})


def _mark(path, marks, sheet="Today"):
    """Type into a Today sheet by company, columns found by header (row 2)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    header = {c.value: c.column for c in ws[2] if c.value}
    for r in range(3, ws.max_row + 1):
        for key, value in marks.get(ws.cell(r, header["Company"]).value, {}).items():
            ws.cell(r, header[key], value)
    wb.save(path)


def _marked(request, tmp_path, save_with, prepare, *args):
    """`tmp_path/jobs.xlsx` as `prepare(path, *args)` leaves it (a tracker refreshed and marked as
    the user would), then saved by openpyxl or, as the user's LibreOffice would save it, taken
    from the module's one LibreOffice run (`saved_by_libreoffice`)."""
    path = tmp_path / "jobs.xlsx"
    if save_with == "openpyxl":
        prepare(path, *args)
    else:
        path.write_bytes(request.getfixturevalue("saved_by_libreoffice")[_lo_key(prepare, args)])
    return path


def _lo_key(prepare, args) -> str:
    return f"{prepare.__name__}{args!r}"


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory) -> dict[str, bytes]:
    """Every workbook of LIBREOFFICE_CASES prepared, then saved by LibreOffice in one run: a
    LibreOffice start costs about a second of CPU, and this module's tests started it eleven times."""
    folder = tmp_path_factory.mktemp("marked")
    paths = {}
    for i, (prepare, args) in enumerate(LIBREOFFICE_CASES):
        paths[_lo_key(prepare, args)] = path = folder / f"case{i:02d}.xlsx"
        prepare(path, *args)
    saved = libreoffice_save_all(list(paths.values()), tmp_path_factory.mktemp("lo"))
    for path in paths.values():      # each one written anew by LibreOffice, none passed through
        assert saved[path.name] != path.read_bytes(), path.name
    return {key: saved[path.name] for key, path in paths.items()}


def _rows(path, sheet="Applications"):
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    return {r[0]: dict(zip(values[0], r)) for r in values[1:] if r[0]}


def _log(path):
    wb = openpyxl.load_workbook(path)
    if "Follow-up Log" not in wb.sheetnames:
        return []
    return [list(r) for r in wb["Follow-up Log"].iter_rows(min_row=3, values_only=True) if r[1]]


def _today(path, sheet="Today"):
    ws = openpyxl.load_workbook(path)[sheet]
    header = [c.value for c in ws[2]]
    return {r[0]: dict(zip(header, r)) for r in ws.iter_rows(min_row=3, values_only=True) if r[0]}


def _day(v):
    return v.date() if isinstance(v, dt.datetime) else v


# --- reading a typed Outcome -----------------------------------------------------------------

@pytest.mark.parametrize("typed, outcome", [
    ("spoke", Outcome.SPOKE),
    ("  LEFT VOICEMAIL. ", Outcome.VOICEMAIL),
    ("e mailed", None),                     # not the word, and not a synonym: not guessed
    ("E-Mailed!", Outcome.EMAILED),
    ("Left a message", Outcome.VOICEMAIL),
    ("no pickup", Outcome.NO_ANSWER),
    ("They’re not interested", Outcome.NOT_INTERESTED),
    ("rejected", Outcome.NOT_INTERESTED),
    ("I withdrew", Outcome.WITHDREW),
    ("withdrawn", Outcome.WITHDREW),
    ("Got the hiring managers name", Outcome.GOT_NAME),
    ("HR called me", Outcome.THEY_CALLED),
    ("interview booked", Outcome.INTERVIEW),
])
def test_list_values_and_whole_synonyms_are_read(typed, outcome):
    assert read_outcome(typed)[0] is outcome


@pytest.mark.parametrize("typed, why", [
    ("Talked to HR - interview not offered", "'not'"),
    ("no mail went out today", "'no'"),
    ("mailbox full, couldn't leave voicemail", "'couldnt'"),
    ("Never reached anyone", "'never'"),
    ("Voicemail, then e-mailed the recruiter", "several outcomes (Left voicemail, E-mailed)"),
    ("receptionist took my name", "several outcomes"),
    ("Spoke about an interview", "several outcomes (Spoke, Got an interview)"),
    ("rang twice", "not one of the list"),
    ("Interviewed? maybe", "not one of the list"),
    ("Sprach mit Frau Weber", "not one of the list"),
    ("#N/A", "not one of the list"),
])
def test_typed_notes_are_not_guessed(typed, why):
    outcome, reason = read_outcome(typed)
    assert outcome is None
    assert why in reason and repr(typed) in reason and "pick one from the list" in reason


def _unsure_marks(path):
    _tracker(path)
    refresh(path, today=MONDAY, settings=ME)
    _mark(path, {"Harbor Foods": {"Outcome": "Talked to HR - interview not offered"},
                 "Ivy Labs": {"Done": "x", "Outcome": "Left VM"},
                 "Juniper Bank": {"Outcome": "voicemail box full, no message left"}})


@pytest.mark.parametrize("save_with", SAVERS)
def test_an_unsure_mark_stays_on_the_today_sheet_until_it_is_clear(request, tmp_path, save_with, cli):
    path = _marked(request, tmp_path, save_with, _unsure_marks)

    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 1
    kept = {m.company: why for m, why in result.marks.held}
    assert set(kept) == {"Harbor Foods", "Juniper Bank"}
    assert all("kept for the next refresh" in p for p in result.marks.problems if "Ivy" not in p)
    rows = _rows(path)
    assert rows["Harbor Foods"]["Status"] == "Applied" and rows["Harbor Foods"]["Last Contact"] is None
    assert rows["Juniper Bank"]["Last Contact"] is None
    assert _day(rows["Ivy Labs"]["Last Contact"]) == MONDAY and rows["Ivy Labs"]["Follow-ups"] == 1
    assert [r[1] for r in _log(path)] == ["Ivy Labs"]            # only the mark that was written
    today = _today(path)
    assert today["Harbor Foods"]["Outcome"] == "Talked to HR - interview not offered"
    assert today["Harbor Foods"]["Done"] == "2026-11-30"          # its day, kept for a later refresh
    assert today["Juniper Bank"]["Outcome"] == "voicemail box full, no message left"
    assert "Ivy Labs" not in today                                # applied: no longer due today

    done = cli("check", str(path), "--today", "2026-11-30")
    assert done.returncode == 1
    assert "Marks kept for the next refresh (2)" in done.stdout and "interview not offered" in done.stdout

    # two days later the user picks from the list: it counts for the day of the call
    _mark(path, {"Harbor Foods": {"Outcome": "Spoke"}})
    result = refresh(path, today=dt.date(2026, 12, 2), settings=ME)
    assert result.marks.applied == 1 and [m.company for m, _ in result.marks.held] == ["Juniper Bank"]
    assert _day(_rows(path)["Harbor Foods"]["Last Contact"]) == MONDAY
    assert sorted(r[1] for r in _log(path)) == ["Harbor Foods", "Ivy Labs"]


# --- the user's own columns ------------------------------------------------------------------

def _note_columns_marked(path):
    headers = ("Company", "Position", "Date Applied", "Status", "Last Follow-up", "Follow-ups")
    rows = [("Harbor Foods", "Buyer", dt.date(2026, 11, 2), "Applied", "asked Priya to pass my CV on", "2 calls"),
            ("Ivy Labs", "Lab Tech", dt.date(2026, 11, 3), "Applied", None, "rang once, emailed once")]
    _tracker(path, rows, headers)
    refresh(path, today=MONDAY, settings=ME)
    _mark(path, {"Harbor Foods": {"Outcome": "Spoke"}, "Ivy Labs": {"Outcome": "E-mailed"}})


@pytest.mark.parametrize("save_with", SAVERS)
def test_note_columns_named_like_the_tools_are_never_written_into(request, tmp_path, save_with):
    path = _marked(request, tmp_path, save_with, _note_columns_marked)
    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 2
    got = _rows(path)
    assert got["Harbor Foods"]["Last Follow-up"] == "asked Priya to pass my CV on"
    assert got["Harbor Foods"]["Follow-ups"] == "2 calls"
    assert got["Ivy Labs"]["Follow-ups"] == "rang once, emailed once"
    assert _day(got["Harbor Foods"]["Last Contact Date"]) == MONDAY and got["Harbor Foods"]["Follow-up Count"] == 1
    assert any("'Follow-ups' holds notes" in n and "'Follow-up Count'" in n for n in result.marks.notes)
    assert any("'Last Follow-up' holds notes" in n for n in result.marks.notes)

    # the next mark goes to the tool's columns again, not to the notes
    refresh(path, today=dt.date(2026, 12, 9), settings=ME)
    _mark(path, {"Harbor Foods": {"Outcome": "Left voicemail"}})
    refresh(path, today=dt.date(2026, 12, 9), settings=ME)
    got = _rows(path)
    assert got["Harbor Foods"]["Follow-ups"] == "2 calls" and got["Harbor Foods"]["Follow-up Count"] == 2
    assert _day(got["Harbor Foods"]["Last Contact Date"]) == dt.date(2026, 12, 9)


NO_ROOM_HEADERS = ("Company", "Position", "Date Applied", "Status", "Phone")


def _no_room_marked(path):
    _tracker(path, [r[:3] + r[4:] for r in ROWS], NO_ROOM_HEADERS)
    wb = openpyxl.load_workbook(path)
    dv = DataValidation(type="list", formula1='"a,b"', allow_blank=True)
    dv.add("J1:XFD1048576")                    # the tool's three columns fit (F:H), one more (I) does not
    wb["Applications"].add_data_validation(dv)
    wb.save(path)
    refresh(path, today=MONDAY, settings=ME)
    _mark(path, {"Harbor Foods": {"Outcome": "Spoke"}})


@pytest.mark.parametrize("save_with", SAVERS)
def test_a_mark_with_no_column_to_go_to_is_kept_not_logged(request, tmp_path, save_with):
    headers = NO_ROOM_HEADERS
    path = _marked(request, tmp_path, save_with, _no_room_marked)
    before = _rows(path)["Harbor Foods"]

    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 0
    assert [m.company for m, _ in result.marks.held] == ["Harbor Foods"]
    assert "no free column" in result.marks.held[0][1] and "'Follow-ups'" in result.marks.held[0][1]
    assert _log(path) == []                                       # not logged as applied
    assert {k: v for k, v in _rows(path)["Harbor Foods"].items() if k in headers} == \
        {k: v for k, v in before.items() if k in headers}
    assert _today(path)["Harbor Foods"]["Outcome"] == "Spoke"      # still there for the next run

    wb = openpyxl.load_workbook(path)                               # the user frees the columns
    wb["Applications"].data_validations.dataValidation = []
    wb.save(path)
    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 1
    got = _rows(path)["Harbor Foods"]
    assert got["Follow-ups"] == 1 and _day(got["Last Follow-up"]) == MONDAY
    assert [r[1] for r in _log(path)] == ["Harbor Foods"]


# --- dates typed into marks ------------------------------------------------------------------

@pytest.mark.parametrize("order, typed, pinned", [
    ("mdy", "12/03/2026", dt.date(2026, 12, 3)),
    ("dmy", "03/12/2026", dt.date(2026, 12, 3)),
    ("dmy", "12/03/2027", dt.date(2027, 3, 12)),
    ("mdy", "2026-12-08", dt.date(2026, 12, 8)),
])
def test_a_typed_mark_date_is_read_in_the_settings_order(tmp_path, order, typed, pinned):
    path = _tracker(tmp_path / "jobs.xlsx")
    settings = ME.replace(date_order=order)
    refresh(path, today=MONDAY, settings=settings)
    _mark(path, {"Juniper Bank": {"Outcome": "Call back on a date", "Date": typed}})
    assert refresh(path, today=MONDAY, settings=settings).marks.applied == 1
    assert _day(_rows(path)["Juniper Bank"]["Snooze until"]) == pinned


NO_ONE_MEANS = [
    ("Date", dt.datetime(2300, 1, 5)),
    ("Date", dt.datetime(9999, 12, 31)),
    ("Done", dt.datetime(9999, 12, 31)),
    ("Date", "31/02/2026"),
]


def _date_no_one_means_marked(path, cell, value):
    _tracker(path)
    refresh(path, today=MONDAY, settings=ME)
    _mark(path, {"Juniper Bank": {"Outcome": "Call back on a date", cell: value},
                 "Ivy Labs": {"Outcome": "Spoke"}})


@pytest.mark.parametrize("save_with", SAVERS)
@pytest.mark.parametrize("cell, value", NO_ONE_MEANS)
def test_a_mark_date_no_one_means_is_refused_with_its_cell(request, tmp_path, save_with, cell, value):
    path = _marked(request, tmp_path, save_with, _date_no_one_means_marked, cell, value)
    ws = openpyxl.load_workbook(path)["Today"]
    letter = next(c.column_letter for c in ws[2] if c.value == cell)
    row = next(c.row for c in ws["A"] if c.value == "Juniper Bank")
    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 1                          # the other mark is not held up
    (mark, why), = result.marks.held
    assert mark.company == "Juniper Bank" and f"'Today' cell {letter}{row}" in why
    assert _rows(path)["Juniper Bank"].get("Snooze until") is None


# --- the Today sheet however the user changed it ---------------------------------------------

def _rename(path, new):
    """Rename the Today sheet as Excel does: the sheet, and the workbook names that point at it
    (openpyxl alone leaves the names as they were)."""
    wb = openpyxl.load_workbook(path)
    old = wb["Today"].title
    wb["Today"].title = new
    for name in wb.defined_names.values():
        name.attr_text = name.attr_text.replace(f"'{old}'!", f"'{new}'!")
    wb.save(path)


def _renamed_or_retitled_marked(path, change):
    _tracker(path)
    refresh(path, today=MONDAY, settings=ME)
    _mark(path, {"Harbor Foods": {"Outcome": "Spoke"}})
    if change == "rename":
        _rename(path, "My calls")
    else:
        wb = openpyxl.load_workbook(path)
        wb["Today"]["A1"] = "Calls for this morning"
        wb.save(path)


@pytest.mark.parametrize("save_with", SAVERS)
@pytest.mark.parametrize("change", ["rename", "retitle"])
def test_marks_on_a_renamed_or_retitled_today_sheet_are_read(request, tmp_path, save_with, change):
    path = _marked(request, tmp_path, save_with, _renamed_or_retitled_marked, change)
    sheet = "My calls" if change == "rename" else "Today"
    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 1
    assert _rows(path)["Harbor Foods"]["Follow-ups"] == 1
    names = openpyxl.load_workbook(path).sheetnames
    assert names.count(sheet) == 1 and len(names) == 3       # Applications, the same Today sheet, the log
    assert "Harbor Foods" not in _today(path, sheet)          # rebuilt: the call is done
    if change == "retitle":
        assert any("no longer says the day" in n for n in result.marks.notes)
    else:
        assert any("'My calls'" in n for n in result.marks.notes)
    assert refresh(path, today=MONDAY, settings=ME).marks.applied == 0


def _copied_today_marked(path):
    _tracker(path)
    refresh(path, today=MONDAY, settings=ME)
    _mark(path, {"Harbor Foods": {"Outcome": "Spoke"}})
    wb = openpyxl.load_workbook(path)
    wb.copy_worksheet(wb["Today"]).title = "Today (2)"
    wb.save(path)
    _mark(path, {"Ivy Labs": {"Outcome": "E-mailed"}}, sheet="Today (2)")   # only on the copy


@pytest.mark.parametrize("save_with", SAVERS)
def test_marks_on_a_copy_of_the_today_sheet_are_applied_once(request, tmp_path, save_with):
    path = _marked(request, tmp_path, save_with, _copied_today_marked)

    result = refresh(path, today=MONDAY, settings=ME)
    assert result.marks.applied == 2
    rows = _rows(path)
    assert rows["Harbor Foods"]["Follow-ups"] == 1 and rows["Ivy Labs"]["Follow-ups"] == 1
    assert any("'Today (2)' is a copy" in n for n in result.marks.notes)
    assert any("Today (2)" in p and "Ivy Labs" in p for p in result.marks.problems)
    assert any("Today (2)" in p and "Harbor Foods" in p and "applied once" in p for p in result.marks.problems)
    assert sorted(r[1] for r in _log(path)) == ["Harbor Foods", "Ivy Labs"]
    assert openpyxl.load_workbook(path).sheetnames.count("Today") == 1

    before = hashlib.sha256(path.read_bytes()).hexdigest()
    again = refresh(path, today=MONDAY, settings=ME)
    assert again.marks.applied == 0 and hashlib.sha256(path.read_bytes()).hexdigest() == before


# --- issue 22: marks that rewrite history ----------------------------------------------------

def _m(outcome: Outcome, date=None):
    return Mark(built=MONDAY, sheet="Applications", row=2, company="Harbor Foods", position="Buyer", contact="",
                outcome=outcome, outcome_text=outcome.value, done="x", done_day=None, date=date, name="",
                where="'Today' row 3")


def _row(**kw):
    base = {"company": "Harbor Foods", "position": "Buyer", "applied_on": dt.date(2026, 11, 2), "stage": "Applied"}
    return canonical_frame([{**base, **kw}]).iloc[0]


@pytest.mark.parametrize("outcome, words, stage, written", [
    (Outcome.NOT_INTERESTED, ["Withdrawn", "Withdrawn", "Rejected"], "Applied", "Rejected"),
    (Outcome.NOT_INTERESTED, ["Withdrawn", "Applied"], "Applied", "Not interested"),
    (Outcome.NOT_INTERESTED, ["Absage", "Beworben"], "Beworben", "Absage"),
    (Outcome.WITHDREW, ["Rejected", "Applied"], "Applied", "Withdrawn"),
    (Outcome.WITHDREW, ["Rejected", "I withdrew my application"], "Applied", "I withdrew my application"),
    (Outcome.INTERVIEW, ["Phone screen", "Applied"], "Applied", "Interview"),
    (Outcome.INTERVIEW, ["Phone screen", "Interviewing", "Final round"], "Phone screen", "Interviewing"),
    (Outcome.INTERVIEW, ["Applied", "1st interview", "2nd interview", "2nd interview"], "Applied", "1st interview"),
    (Outcome.INTERVIEW, ["Applied", "Offer"], "Offer", None),            # past an interview: left as it is
    (Outcome.INTERVIEW, ["Applied", "Interview scheduled"], "Interview scheduled", None),
])
def test_a_stage_mark_writes_a_word_of_its_own_meaning(outcome, words, stage, written):
    new, _ = rule_changes(_m(outcome), _row(stage=stage), pd.Series(words), ME)
    assert new.get("stage") == written


@pytest.mark.parametrize("outcome, row, follow_ups, pinned", [
    # the user typed today's call into Last Contact and also marked it: one follow-up
    (Outcome.SPOKE, {"last_contact": MONDAY}, 1, None),
    (Outcome.EMAILED, {"last_contact": MONDAY, "follow_ups": 2}, 2, None),
    (Outcome.SPOKE, {"last_contact": dt.date(2026, 11, 20), "follow_ups": 1}, 2, None),
    # the employer called: a call-back the next business day, not the user's follow-up
    (Outcome.THEY_CALLED, {"follow_ups": 1}, None, dt.date(2026, 12, 1)),
])
def test_one_follow_up_a_day_and_none_for_the_employers_call(outcome, row, follow_ups, pinned):
    new, _ = rule_changes(_m(outcome), _row(**row), pd.Series(["Applied"]), ME)
    assert new.get("follow_ups") == follow_ups
    assert new.get("pinned") == pinned
    if outcome is Outcome.THEY_CALLED:
        assert "last_contact" not in new


def _not_interested_marked(path):
    rows = ROWS + [("Lumen", "Analyst", dt.date(2026, 10, 1), None, "Withdrawn", "555-0144"),
                   ("Moss", "Planner", dt.date(2026, 10, 2), None, "Withdrawn", "555-0145")]
    _tracker(path, rows)
    refresh(path, today=MONDAY, settings=ME)
    _mark(path, {"Harbor Foods": {"Outcome": "They're not interested"}, "Ivy Labs": {"Outcome": "I withdrew"}})


@pytest.mark.parametrize("save_with", SAVERS)
def test_not_interested_closes_as_a_rejection_in_the_users_words(request, tmp_path, save_with):
    path = _marked(request, tmp_path, save_with, _not_interested_marked)
    assert refresh(path, today=MONDAY, settings=ME).marks.applied == 2
    got = _rows(path)
    assert got["Harbor Foods"]["Status"] == "Rejected"      # Kite's word; never "Withdrawn"
    assert got["Ivy Labs"]["Status"] == "Withdrawn"
    assert got["Harbor Foods"]["Follow-up Status"] == got["Ivy Labs"]["Follow-up Status"] == "Closed"
    assert got["Harbor Foods"].get("Follow-ups") is None    # their answer is no follow-up of the user's


# The workbooks the "libreoffice" cases above take from `saved_by_libreoffice`, one LibreOffice run.
LIBREOFFICE_CASES = [(_unsure_marks, ()), (_note_columns_marked, ()), (_no_room_marked, ()),
                     *[(_date_no_one_means_marked, (cell, value)) for cell, value in NO_ONE_MEANS],
                     (_renamed_or_retitled_marked, ("rename",)), (_renamed_or_retitled_marked, ("retitle",)),
                     (_copied_today_marked, ()), (_not_interested_marked, ())]


# --- the property: whatever is typed, the tracker gets only what the user picked or typed ------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from followup_sheet.columns import OUTCOMES  # noqa: E402
from followup_sheet.markrules import FOLLOW_UPS, SYNONYMS  # noqa: E402

_ANY_DAY = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
_WORDS = st.text(alphabet=st.sampled_from("abcdeilmnorstuvy -,.'!?0123456789/é"), max_size=40)
_FORMULA = st.sampled_from(['="Spoke"', "=1/0", "=TODAY()", '=A1&"x"', "=NA()"])
_OUTCOME = st.one_of(st.none(), st.sampled_from(OUTCOMES), st.sampled_from([s for v in SYNONYMS.values() for s in v]),
                     _WORDS, _FORMULA.map(lambda f: ("formula", f)))
_DATE = st.one_of(st.none(), _ANY_DAY, _WORDS, st.sampled_from(["12/03/2026", "31/02/2026", "2300-01-05"]))
_DONE = st.one_of(st.none(), st.just("x"), _ANY_DAY, _WORDS)
_NAME = st.one_of(st.none(), st.sampled_from(["Dana Lee", "Smith, Jo", "N/A"]), _WORDS)
_MARK = st.fixed_dictionaries({"Done": _DONE, "Outcome": _OUTCOME, "Date": _DATE, "Name": _NAME})
_STAGE_WORDS = {"Applied", "Rejected", "Not interested", "Withdrawn", "Interview"}


def _typed(value):
    if isinstance(value, tuple):          # a formula the user typed
        return value[1]
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day) if value.year >= 1900 else value.isoformat()
    return value


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(marks=st.lists(_MARK, min_size=3, max_size=3))
def test_random_marks_applied_twice_leave_only_what_the_user_picked(tmp_path_factory, marks):
    path = _tracker(tmp_path_factory.mktemp("prop") / "jobs.xlsx")
    refresh(path, today=MONDAY, settings=ME)
    typed = {}
    for company, mark in zip(("Harbor Foods", "Ivy Labs", "Juniper Bank"), marks):
        typed[company] = {k: _typed(v) for k, v in mark.items() if v is not None}
    _mark(path, typed)
    # (a name is written as the tool tidies every text: spaces at its ends and runs of them dropped)
    names = {" ".join(str(m["Name"]).split()) for m in typed.values() if m.get("Name")}

    first = refresh(path, today=MONDAY, settings=ME)
    second = refresh(path, today=MONDAY, settings=ME)
    assert second.marks.applied == 0 and len(second.marks.held) == len(first.marks.held)

    rows = _rows(path)
    log = [r for r in _log(path) if not str(r[5]).startswith("not applied")]
    assert len(log) == first.marks.applied
    for company in ("Harbor Foods", "Ivy Labs", "Juniper Bank"):
        row = rows[company]
        entries = [r for r in log if r[1] == company]
        assert len(entries) <= 1                                   # applied once, not twice
        assert row["Status"] in _STAGE_WORDS
        for key in ("Last Contact", "Snooze until"):
            day = _day(row.get(key))
            assert day is None or dt.date(1990, 1, 1) <= day <= dt.date(2100, 12, 31)
        assert row.get("Hiring Manager") in (None, *names)
        if not entries:                                            # nothing written into the row
            assert row["Status"] == "Applied" and row["Last Contact"] is None
            assert row.get("Follow-ups") is None and row.get("Snooze until") is None
            continue
        when, happened = _day(entries[0][0]), entries[0][4]
        assert happened in OUTCOMES or happened == Outcome.DONE.value
        if happened in {o.value for o in FOLLOW_UPS}:
            assert row["Follow-ups"] == 1 and _day(row["Last Contact"]) == when
        else:
            assert row.get("Follow-ups") is None
        if happened == Outcome.CALL_BACK.value:
            assert _day(row["Snooze until"]) is not None
    today = _today(path)
    for mark, _ in second.marks.held:                              # kept marks are still on the sheet
        assert mark.company in today and today[mark.company]["Outcome"] == (mark.typed[1] or None)
