"""Settings files from elsewhere: whatever a followup.toml holds, the answer is a BadSettings
naming the file, the line and the fix (exit 1, the tracker untouched), never an internal error."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run_cli, write_tracker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_sheet.errors import BadSettings
from followup_sheet.settings import Settings, load_settings

DAY = "2026-11-26"

DEEP = "[reading]\nsheets = " + "[" * 3000 + "]" * 3000 + "\n"

# (label, file bytes, the line the message names, words it must hold)
BAD_FILES = [
    ("deep list", ("# my settings\n" + DEEP).encode(), 3, ["nested too deeply", "sheets = ["]),
    ("deep inline table", b"[you]\nname = 'Kim'\npitch = " + b"{a=" * 2000 + b"1" + b"}" * 2000 + b"\n", 3,
     ["nested too deeply"]),
    ("NUL in a value", b'[you]\nname = "Kim\x00 Lee"\n', 2, ["control character", "'\\x00'", "delete it"]),
    ("NUL after a comment", b"[cadence]\nfirst_gap = 4 # four\x00\n", 2, ["control character"]),
    ("escape character", b'[you]\nname = "Kim"\npitch = "\x1b[31mred"\n', 3, ["control character", "'\\x1b'"]),
    ("Latin-1 text", '[you]\nname = "Kim"\npitch = "Café"\n'.encode("latin-1"), 3, ["not UTF-8", "save the file"]),
    ("text for a number", b'[you]\nname = "Kim"\n\n[cadence]\nrepeat_gap = "a week"\n', 5, ["whole number"]),
    ("gap out of range", b"[cadence]\nfirst_gap = 4\nrepeat_gap = 900\n", 3, ["repeat_gap must be between 0 and 365"]),
    ("date order", b"[reading]\n\ndate_order = 'ymd'\n", 3, ["date_order must be auto, mdy or dmy"]),
    ("unknown setting", b"[cadence]\nfirst_gap = 4\nsecond_gap = 9\n", 3, ["no setting 'second_gap'", "known:"]),
    ("bad colour", b"[fills]\nWaiting = 'A9D08E'\nOverdue = 'red'\n", 3, ["not a colour"]),
    ("unknown word list", b"[words]\nclosed = ['binned']\nbinned = ['x']\n", 3, ["no list 'binned'"]),
    ("alias list of numbers", b"[aliases]\ncompany = [1, 2]\n", 2, ["header name or a list"]),
    ("field not in quotes", b"[columns]\nFirm = 3\n", 2, ["should name a field"]),
    ("unknown section", b"[you]\nname = 'Kim'\n[extras]\nx = 1\n", 3, ["unknown section"]),
    ("a setting above any section", b"first_gap = 4\n", 1, ["should be a section"]),
]


@pytest.mark.parametrize("label, data, line, words", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_settings_name_the_file_and_line(tmp_path, label, data, line, words):
    path = tmp_path / "followup.toml"
    path.write_bytes(data)
    with pytest.raises(BadSettings) as caught:
        load_settings(config=path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line {line}: "), message
    for word in words:
        assert word in message
    assert "UTF-16" not in message


@pytest.mark.parametrize("data", [DEEP.encode(), b'[you]\nname = "Kim\x00"\n'], ids=["deep", "NUL"])
def test_the_command_line_says_it_in_one_line_and_leaves_the_tracker(tmp_path, data):
    tracker = write_tracker(tmp_path / "apps.xlsx", [
        {"Company": "Fenwick Tiles", "Date Applied": dt.date(2026, 11, 2), "Status": "applied"}])
    (tmp_path / "followup.toml").write_bytes(data)
    before = tracker.read_bytes()
    proc = run_cli("refresh", tracker, "--today", DAY)
    assert proc.returncode == 1
    assert "internal error" not in proc.stderr and "UTF-16" not in proc.stderr
    assert "followup.toml, line " in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert tracker.read_bytes() == before


@pytest.mark.parametrize("header", ["Follow-up Status", "next follow-up", "FOLLOW_UP SCRIPT", " Follow up  Status "])
def test_columns_cannot_map_the_tools_own_columns(tmp_path, header):
    path = tmp_path / "followup.toml"
    path.write_text(f'[columns]\n"Firm" = "company"\n"{header}" = "stage"\n', encoding="utf-8")
    with pytest.raises(BadSettings) as caught:
        load_settings(config=path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line 3: ")
    assert "writes itself" in message and "rename it" in message
    with pytest.raises(BadSettings, match="writes itself"):
        Settings(columns={header: "notes"})


@pytest.mark.parametrize("header", ["My Follow-up Status", "Status", "Follow-up notes", "Next step"])
def test_columns_may_map_headers_that_only_look_alike(tmp_path, header):
    path = tmp_path / "followup.toml"
    path.write_text(f'[columns]\n"{header}" = "stage"\n', encoding="utf-8")
    assert dict(load_settings(config=path).columns) == {header: "stage"}


def test_a_tracker_mapping_its_own_column_is_refused_before_anything_is_read(tmp_path):
    tracker = write_tracker(tmp_path / "apps.xlsx", [
        {"Company": "Fenwick Tiles", "Date Applied": dt.date(2026, 11, 2), "Follow-up Status": "phone screen"}])
    (tmp_path / "followup.toml").write_text('[columns]\n"Follow-up Status" = "stage"\n', encoding="utf-8")
    before = tracker.read_bytes()
    proc = run_cli("refresh", tracker, "--today", DAY)
    assert proc.returncode == 1 and "followup.toml, line 2" in proc.stderr and "writes itself" in proc.stderr
    assert tracker.read_bytes() == before


TOML_PIECES = st.sampled_from([
    "[you]\n", "[cadence]\n", "[columns]\n", "[fills]\n", "[words]\n", "[aliases]\n", "[reading]\n", "[saving]\n",
    "name = ", "first_gap = ", "sheets = ", "Overdue = ", "closed = ", "company = ", '"Follow-up Status" = ',
    "backups = ", "holidays = ", "live = ", "date_order = ", "x.y = ", "[", "]", "{", "}", ",", "=", '"', "'",
    '"""', "\n", " ", "#", "1", "-5", "1e400", "2026-12-25", "true", "'stage'", '"mdy"', "[[a]]\n", "\x00",
    "\x1b", "é", "\ufeff", "\r\n", "x = " + "[" * 1200, "y = " + "{a=" * 600,
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(TOML_PIECES, max_size=40), raw=st.binary(max_size=40))
def test_any_settings_file_is_read_or_refused_with_a_bad_settings(tmp_path, pieces, raw):
    path = tmp_path / "followup.toml"
    path.write_bytes("".join(pieces).encode("utf-8") + raw)
    try:
        load_settings(config=path)
    except BadSettings as exc:
        assert str(exc).startswith(str(path))
