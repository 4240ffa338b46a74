"""Nothing of the user's is ever lost: exports never land on the tracker or on a file the tool did
not write, the demo never overwrites, hostile packages and settings are refused with one line,
and text from cells never reaches the terminal or a CSV with control characters in it.

Each test reproduces a way the tool used to lose data or crash; the command runs in-process
(`cli.main`) unless the console itself is what is tested.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import TODAY
from corpus_tools import members, minimal_workbook, rewrite_member

from followup_sheet import filesafe
from followup_sheet.cli import main
from followup_sheet.errors import FollowupError
from followup_sheet.pipeline import refresh

DAY = TODAY.isoformat()
HEADERS = ["Company", "Position", "Date Applied", "Status", "Contact"]
ROWS = [["Acme", "Analyst", dt.date(2026, 11, 10), "Applied", "Jane Roe"],
        ["Globex", "Engineer", dt.date(2026, 11, 16), "Applied", "John Doe"]]


@pytest.fixture(autouse=True)
def _collector_back_on():
    """`main` turns the garbage collector off for one-shot commands; the test process needs it."""
    yield
    gc.enable()


def tracker_bytes(rows=ROWS, shared_strings: bool = True) -> bytes:
    return minimal_workbook(HEADERS, rows, shared_strings=shared_strings)


@pytest.fixture
def tracker(tmp_path) -> Path:
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(tracker_bytes())
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str, *names: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}


# --- 1. today --out never replaces the tracker or a file the tool did not write ----------------

def spellings(tracker: Path) -> dict[str, str]:
    folder = tracker.parent
    link = folder / "link.xlsx"
    link.symlink_to(tracker)
    hard = folder / "hard.xlsx"
    os.link(tracker, hard)
    return {"same": str(tracker), "relative": os.path.relpath(tracker), "dotted": str(folder / "." / tracker.name),
            "symlink": str(link), "hard link": str(hard)}


@pytest.mark.parametrize("spelling", ["same", "relative", "dotted", "symlink", "hard link"])
@pytest.mark.parametrize("force", [False, True])
def test_today_out_onto_the_tracker_is_refused(tracker, capsys, spelling, force):
    target = spellings(tracker)[spelling]
    before = snapshot(tracker.parent)
    code, out, err = run(capsys, "today", tracker, "--today", DAY, "--out", target, *(["--force"] if force else []))
    assert code == 1, (out, err)
    line = one_line(err, "tracker.xlsx")
    assert "is the tracker" in line or "is the workbook" in line, line
    assert snapshot(tracker.parent) == before


def test_today_out_onto_the_tracker_in_another_case_on_a_case_insensitive_disk(tracker, capsys, monkeypatch):
    """A different case names the same file on Windows and macOS disks; here the disk is made to
    look like one by letting `samefile` compare names without case."""
    real_samefile = os.path.samefile
    monkeypatch.setattr(os.path, "samefile",
                        lambda a, b: str(a).lower() == str(b).lower() or real_samefile(a, b))
    target = tracker.with_name("TRACKER.XLSX")
    target.write_bytes(tracker.read_bytes())   # what the case-insensitive disk would show
    before = snapshot(tracker.parent)
    code, out, err = run(capsys, "today", tracker, "--today", DAY, "--out", target, "--force")
    assert code == 1
    one_line(err, "TRACKER.XLSX")
    assert snapshot(tracker.parent) == before


@pytest.mark.parametrize("name", ["notes.xlsx", "notes.csv"])
def test_today_out_onto_a_users_file_needs_force_and_then_keeps_a_backup(tracker, capsys, name):
    theirs = tracker.parent / name
    theirs.write_bytes(b"my own notes, not the tool's")
    before = snapshot(tracker.parent)
    code, out, err = run(capsys, "today", tracker, "--today", DAY, "--out", theirs)
    assert code == 1
    line = one_line(err, name)
    assert "--force" in line
    assert snapshot(tracker.parent) == before

    code, out, err = run(capsys, "today", tracker, "--today", DAY, "--out", theirs, "--force")
    assert code == 0, err
    backups = [b for b in (tracker.parent / filesafe.BACKUP_FOLDER).iterdir() if b.name != "written.json"]
    assert [b.read_bytes() for b in backups] == [b"my own notes, not the tool's"]
    assert theirs.read_bytes() != b"my own notes, not the tool's"
    assert "backup" in out


def test_refresh_output_onto_an_existing_file_needs_force_and_then_keeps_a_backup(tracker, capsys):
    theirs = tracker.parent / "mine.xlsx"
    theirs.write_bytes(b"my own workbook")
    before = snapshot(tracker.parent)
    code, out, err = run(capsys, "refresh", tracker, "--today", DAY, "--output", theirs)
    assert code == 1
    assert "--force" in one_line(err, "mine.xlsx")
    assert snapshot(tracker.parent) == before

    code, out, err = run(capsys, "refresh", tracker, "--today", DAY, "--output", theirs, "--force")
    assert code == 0, err
    backups = list((tracker.parent / filesafe.BACKUP_FOLDER).iterdir())
    assert [b.read_bytes() for b in backups] == [b"my own workbook"]
    assert zipfile.is_zipfile(theirs)
    assert tracker.read_bytes() == before["tracker.xlsx"]


def test_today_out_xlsx_overwrites_its_own_export_without_force(tracker, capsys):
    out_path = tracker.parent / "calls.xlsx"
    assert run(capsys, "today", tracker, "--today", DAY, "--out", out_path)[0] == 0
    first = out_path.read_bytes()
    code, out, err = run(capsys, "today", tracker, "--today", "2026-11-27", "--out", out_path)
    assert code == 0, err
    assert out_path.read_bytes() != first
    assert not (tracker.parent / filesafe.BACKUP_FOLDER).exists()


def test_an_export_the_user_has_edited_is_theirs(tracker, capsys):
    """Excel keeps a workbook's properties (the tool's marker among them) when the user adds notes
    to an export and saves it: such a file is the user's now."""
    import openpyxl
    out_path = tracker.parent / "calls.xlsx"
    assert run(capsys, "today", tracker, "--today", DAY, "--out", out_path)[0] == 0
    wb = openpyxl.load_workbook(out_path)
    wb["Today"]["L2"] = "called, call back Monday"
    wb.save(out_path)
    edited = out_path.read_bytes()
    code, out, err = run(capsys, "today", tracker, "--today", "2026-11-27", "--out", out_path)
    assert code == 1
    assert "--force" in one_line(err, "calls.xlsx")
    assert out_path.read_bytes() == edited


def test_today_out_into_a_missing_folder(tracker, capsys):
    before = snapshot(tracker.parent)
    code, out, err = run(capsys, "today", tracker, "--today", DAY, "--out", tracker.parent / "nope" / "calls.csv")
    assert code == 1
    line = one_line(err, "nope")
    assert "folder" in line
    assert snapshot(tracker.parent) == before


def test_today_out_onto_a_folder(tracker, capsys):
    (tracker.parent / "calls.csv").mkdir()
    code, out, err = run(capsys, "today", tracker, "--today", DAY, "--out", tracker.parent / "calls.csv")
    assert code == 1
    one_line(err, "calls.csv")


def test_a_failing_export_leaves_nothing_half_written(tracker, capsys, monkeypatch):
    out_path = tracker.parent / "calls.csv"
    out_path.write_bytes(b"old")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    code, out, err = run(capsys, "today", tracker, "--today", DAY, "--out", out_path, "--force")
    assert code == 1
    one_line(err, "calls.csv")
    assert out_path.read_bytes() == b"old"
    assert sorted(p.name for p in tracker.parent.iterdir() if p.name != filesafe.BACKUP_FOLDER) \
        == ["calls.csv", "tracker.xlsx"]


def test_today_out_xlsx_with_control_characters_in_cells(tmp_path, capsys):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(tracker_bytes([["Acme\x1b[31m\x07", "Analyst", dt.date(2026, 11, 10), "Applied", "Jane\x01Roe"]]))
    code, out, err = run(capsys, "today", path, "--today", DAY, "--out", tmp_path / "calls.xlsx")
    assert code == 0, err
    import openpyxl
    ws = openpyxl.load_workbook(tmp_path / "calls.xlsx")["Today"]
    assert ws["C2"].value == "Acme[31m"


# --- 2. demo never overwrites --------------------------------------------------------------

def test_demo_never_overwrites_an_existing_demo_tracker(tmp_path, capsys):
    mine = tmp_path / "demo_tracker.xlsx"
    mine.write_bytes(b"the user started using the demo")
    code, out, err = run(capsys, "demo", tmp_path, "--today", DAY)
    assert code == 0, err
    assert mine.read_bytes() == b"the user started using the demo"
    assert (tmp_path / "demo_tracker (2).xlsx").exists()
    assert "demo_tracker (2).xlsx" in out
    code, out, err = run(capsys, "demo", tmp_path, "--today", DAY)
    assert code == 0 and (tmp_path / "demo_tracker (3).xlsx").exists()


def test_demo_into_a_file(tmp_path, capsys):
    afile = tmp_path / "notes.txt"
    afile.write_bytes(b"x")
    code, out, err = run(capsys, "demo", afile, "--today", DAY)
    assert code == 1
    one_line(err, "notes.txt")
    assert afile.read_bytes() == b"x"


# --- 3. duplicate zip entries ----------------------------------------------------------------

@pytest.mark.parametrize("twice", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "docProps/none.xml"])
def test_a_package_with_two_parts_of_one_name_is_refused(tmp_path, capsys, twice):
    base = tracker_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as zf:
        for info in src.infolist():
            zf.writestr(info, src.read(info))
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            zf.writestr(twice, src.read(twice) if twice in src.namelist() else b"<x/>")
            if twice not in src.namelist():
                zf.writestr(twice, b"<y/>")
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(out.getvalue())
    code, _, err = run(capsys, "refresh", path, "--today", DAY)
    assert code == 1
    line = one_line(err, "tracker.xlsx", twice)
    assert "twice" in line
    assert path.read_bytes() == out.getvalue()


# --- 4. DTDs anywhere, external entities and deep nesting in styles --------------------------

XXE = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LONG_COMMENT = b"<!--" + b"x" * 5000 + b"-->"


def doctype_late(part: str, payload: bytes = XXE):
    def build(base: bytes) -> bytes:
        body = members(base)[part]
        decl = re.match(rb"<\?xml[^>]*\?>\s*", body)
        head = decl.group() if decl else b""
        return rewrite_member(base, part, head + LONG_COMMENT + b"\n" + LONG_COMMENT + payload + body[len(head):])
    return build


DTD_PARTS = ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml", "xl/sharedStrings.xml",
             "xl/styles.xml", "_rels/.rels", "xl/_rels/workbook.xml.rels"]


@pytest.mark.parametrize("part", DTD_PARTS)
def test_a_dtd_after_a_long_comment_is_refused(tmp_path, capsys, part):
    data = doctype_late(part)(tracker_bytes())
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(data)
    code, _, err = run(capsys, "refresh", path, "--today", DAY)
    assert code == 1, err
    line = one_line(err, "tracker.xlsx", part)
    assert "DTD" in line
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx"]


def test_a_dtd_in_a_part_the_tool_only_copies_is_refused(tmp_path, capsys):
    base = tracker_bytes()
    app = b'<?xml version="1.0"?>' + LONG_COMMENT * 3 + XXE + b"<Properties/>"
    with zipfile.ZipFile(io.BytesIO(base)) as src:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            for info in src.infolist():
                zf.writestr(info, src.read(info))
            zf.writestr("docProps/app.xml", app)
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(out.getvalue())
    code, _, err = run(capsys, "refresh", path, "--today", DAY)
    assert code == 1
    one_line(err, "docProps/app.xml", "DTD")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_dtd_in_a_utf16_part_is_refused(tmp_path, capsys, encoding):
    base = tracker_bytes()
    body = members(base)["xl/workbook.xml"]
    body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", body)
    text = (f'<?xml version="1.0" encoding="{encoding.upper()}"?>' + LONG_COMMENT.decode() + XXE.decode()
            + body.decode())
    data = rewrite_member(base, "xl/workbook.xml", text.encode(encoding))
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(data)
    code, _, err = run(capsys, "refresh", path, "--today", DAY)
    assert code == 1
    one_line(err, "xl/workbook.xml", "DTD")


def test_a_doctype_between_the_rows_is_refused(tmp_path, capsys):
    base = tracker_bytes()
    sheet = members(base)["xl/worksheets/sheet1.xml"].replace(b'<row r="2"', LONG_COMMENT + XXE + b'<row r="2"', 1)
    data = rewrite_member(base, "xl/worksheets/sheet1.xml", sheet)
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(data)
    code, _, err = run(capsys, "refresh", path, "--today", DAY)
    assert code == 1
    one_line(err, "sheet1.xml", "DTD")
    assert path.read_bytes() == data


def test_a_dtd_after_much_white_space_is_refused(tmp_path, capsys):
    base = tracker_bytes()
    app = b" \n" * 200_000 + XXE + b"<Properties/>"
    with zipfile.ZipFile(io.BytesIO(base)) as src:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for info in src.infolist():
                zf.writestr(info, src.read(info))
            zf.writestr("docProps/app.xml", app)
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(out.getvalue())
    code, _, err = run(capsys, "refresh", path, "--today", DAY)
    assert code == 1
    one_line(err, "docProps/app.xml", "DTD")


def test_doctype_inside_a_comment_is_not_a_dtd(tmp_path, capsys):
    part = "xl/worksheets/sheet1.xml"
    data = doctype_late(part, b"<!-- <!DOCTYPE x> -->")(tracker_bytes())
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(data)
    code, _, err = run(capsys, "refresh", path, "--today", DAY, "--no-backup")
    assert code == 0, err


def nested_styles(kind: str, depth: int):
    def build(base: bytes) -> bytes:
        body = members(base)["xl/styles.xml"].decode()
        inner = "<x>" * depth + "</x>" * depth
        if kind == "font":
            body = body.replace("<font>", "<font>" + inner, 1) if "<font>" in body else \
                re.sub(r"(<font\b[^>]*>)", lambda m: m.group(1) + inner, body, count=1)
        else:
            body = re.sub(r"(<fill\b[^>]*>)", lambda m: m.group(1) + inner, body, count=1)
        return rewrite_member(base, "xl/styles.xml", body.encode())
    return build


@pytest.mark.parametrize("kind", ["font", "fill"])
@pytest.mark.parametrize("depth", [300, 1500, 5000])
def test_deep_nesting_in_styles_is_a_clean_refusal_or_works(tmp_path, capsys, kind, depth):
    data = nested_styles(kind, depth)(tracker_bytes())
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(data)
    code, _, err = run(capsys, "refresh", path, "--today", DAY, "--no-backup")
    assert code in (0, 1), err
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 1:
        one_line(err, "tracker.xlsx", "styles")
        assert path.read_bytes() == data


def test_external_entity_in_styles_is_refused(tmp_path, capsys):
    data = doctype_late("xl/styles.xml")(tracker_bytes())
    data = rewrite_member(data, "xl/styles.xml", members(data)["xl/styles.xml"].replace(
        b"<fonts", b"<!-- &xxe; --><fonts", 1))
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(data)
    code, _, err = run(capsys, "refresh", path, "--today", DAY)
    assert code == 1
    one_line(err, "styles", "DTD")


# --- 5. a stray value far away costs no memory -----------------------------------------------

def test_a_stray_value_at_zz42000_is_refused_before_loading(tmp_path):
    from test_badinput import run_refresh
    base = tracker_bytes()
    sheet = members(base)["xl/worksheets/sheet1.xml"]
    sheet = sheet.replace(b"</sheetData>", b'<row r="42000"><c r="ZZ42000" t="inlineStr"><is><t>x</t></is></c>'
                                           b"</row></sheetData>")
    data = rewrite_member(base, "xl/worksheets/sheet1.xml", sheet)
    assert len(data) < 10_000
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(data)
    code, out, err, seconds, rss_mb = run_refresh(path)
    assert code == 1, err
    one_line(err, "tracker.xlsx", "ZZ42000")
    assert path.read_bytes() == data
    assert rss_mb < 300, f"peak memory {rss_mb} MB"


def test_a_stray_value_far_below_in_a_narrow_column_is_refused_before_loading(tmp_path):
    from test_badinput import run_refresh
    base = tracker_bytes()
    sheet = members(base)["xl/worksheets/sheet1.xml"]
    sheet = sheet.replace(b"</sheetData>", b'<row r="250000"><c r="AZ250000" t="inlineStr"><is><t>x</t></is></c>'
                                           b"</row></sheetData>")
    data = rewrite_member(base, "xl/worksheets/sheet1.xml", sheet)
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(data)
    code, out, err, seconds, rss_mb = run_refresh(path)
    assert code == 1, err
    one_line(err, "tracker.xlsx", "AZ250000")
    assert rss_mb < 300, f"peak memory {rss_mb} MB"


@pytest.mark.parametrize("prefix", [b"", b"x:"])
def test_the_rightmost_value_of_each_row_is_found(prefix):
    from followup_sheet.xlsx.sheetxml import _row_ends
    p = prefix
    rows = (b'<%row r="1"><%c r="A1"><%v>1</%v></%c><%c r="BC1"><%v>2</%v></%c></%row>'
            b'<%row r="2"><%c r="CA2"><%v>1</%v></%c><%c r="XFD2" s="3"/></%row>'
            b'<%row r="3"><%c r="B3"><%v>1</%v></%c></%row>').replace(b"%", p)
    assert [m.group(1) + m.group(2) for m in _row_ends(rows, prefix)] == [b"BC1", b"CA2"]


# --- 6. watch --poll -------------------------------------------------------------------------

@pytest.mark.parametrize("poll", ["1e-9", "0", "-1", "nan", "inf", "1e308", "0.1", "99999"])
def test_watch_poll_out_of_range_is_a_usage_error(tracker, capsys, poll):
    code, _, err = run(capsys, "watch", tracker, "--poll", poll, "--once")
    assert code == 2
    assert "--poll" in err and "Traceback" not in err


def test_watch_poll_in_range(tracker, capsys):
    code, _, err = run(capsys, "watch", tracker, "--poll", "0.5", "--once", "--today", DAY, "--no-backup")
    assert code == 0, err


# --- 7. settings, templates and the console ---------------------------------------------------

SETTINGS = {
    "cadence is a number": ("cadence = 5\n", "cadence"),
    "aliases is a number": ("[aliases]\ncompany = 5\n", "company"),
    "words is a number": ("words = 5\n", "words"),
    "huge first gap": ("[cadence]\nfirst_gap = 1000000000\n", "first_gap"),
    "negative backups": ("[saving]\nbackups = -1\n", "backups"),
    "huge header search": ("[reading]\nheader_search_rows = 100000000\n", "header_search_rows"),
}


@pytest.mark.parametrize("case", SETTINGS)
def test_bad_settings_are_one_line(tracker, capsys, case):
    text, name = SETTINGS[case]
    config = tracker.parent / "followup.toml"
    config.write_text(text, encoding="utf-8")
    before = tracker.read_bytes()
    code, _, err = run(capsys, "refresh", tracker, "--today", DAY)
    assert code == 1, err
    one_line(err, "followup.toml", name)
    assert tracker.read_bytes() == before


def test_a_single_alias_string_is_one_alias(tmp_path, capsys):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(minimal_workbook(["Outfit", "Date Applied", "Status"],
                                      [["Acme", dt.date(2026, 11, 10), "Applied"]]))
    (tmp_path / "followup.toml").write_text('[aliases]\ncompany = "Outfit"\n', encoding="utf-8")
    code, out, err = run(capsys, "check", path)
    assert code == 0, err
    assert "company" in out and "'Outfit'" in out


@pytest.mark.parametrize("text, field, expected", [
    ('[reading]\nsheets = "Applications"\n', "sheets", ("Applications",)),
    ("[cadence]\nholidays = 2026-12-25\n", "holidays", (dt.date(2026, 12, 25),)),
    ('[aliases]\ncompany = "Outfit"\n', "aliases", "Outfit"),
])
def test_one_item_written_without_brackets_is_a_list_of_one(tmp_path, text, field, expected):
    from followup_sheet.settings import settings_from_toml
    path = tmp_path / "followup.toml"
    path.write_text(text, encoding="utf-8")
    value = settings_from_toml(path)[field]
    if field == "aliases":
        assert value["company"][0] == expected and "O" not in value["company"]
    else:
        assert value == expected


def test_config_pointing_at_a_folder(tracker, capsys):
    code, _, err = run(capsys, "refresh", tracker, "--config", tracker.parent)
    assert code == 1
    one_line(err, str(tracker.parent), "folder")


def test_a_missing_templates_folder_is_an_error(tracker, capsys):
    code, _, err = run(capsys, "today", tracker, "--templates", tracker.parent / "mine")
    assert code == 1
    one_line(err, "mine")


def test_a_template_that_is_not_utf8(tracker, capsys):
    folder = tracker.parent / "mine"
    folder.mkdir()
    from followup_sheet.render import bundled_templates
    for t in bundled_templates().glob("*.j2"):
        (folder / t.name).write_bytes("Bonjour {{ company }} – é".encode("cp1252") + b"\xff\xfe")
    code, _, err = run(capsys, "today", tracker, "--today", DAY, "--templates", folder)
    assert code == 1
    one_line(err, "UTF-8")


def test_an_unexpected_error_is_one_line(tracker, capsys, monkeypatch):
    import followup_sheet.checkreport as checkreport
    monkeypatch.setattr(checkreport, "check", lambda *a, **k: 1 / 0)
    code, _, err = run(capsys, "check", tracker)
    assert code == 1
    line = one_line(err, "internal error")
    assert "ZeroDivisionError" in line
    code, _, err = run(capsys, "check", tracker, "-v")
    assert code == 1 and "Traceback" in err


def test_a_console_that_cannot_show_the_text(tmp_path):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(tracker_bytes([["日本株式会社", "Analyst", dt.date(2026, 11, 10), "Applied", "Jane Roe"]]))
    env = dict(os.environ, PYTHONIOENCODING="cp1252")
    for command in (["today", str(path), "--today", DAY], ["refresh", str(path), "--today", DAY, "--no-backup"]):
        done = subprocess.run([sys.executable, "-m", "followup_sheet", *command], capture_output=True, env=env,
                              timeout=120)
        assert done.returncode == 0, done.stderr.decode("cp1252", "replace")
        assert b"Traceback" not in done.stderr


# --- 8. control characters, lock files, file kinds -------------------------------------------

ESCAPED = ["Acme\x1b[2J\x1b]0;pwned\x07", "Analyst\x9b31m", dt.date(2026, 11, 10), "Applied", "Jane\u202eRoe"]


@pytest.mark.parametrize("command", ["today", "refresh"])
def test_control_characters_never_reach_the_terminal(tmp_path, capsys, command):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(tracker_bytes([ESCAPED], shared_strings=False))
    code, out, err = run(capsys, command, path, "--today", DAY, "--no-backup" if command == "refresh" else "-v")
    assert code == 0, err
    assert "Acme" in out
    bad = re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out + err)
    assert not bad, bad


def test_control_characters_never_reach_the_terminal_through_the_watcher(tmp_path, capsys):
    path = tmp_path / "jobs\x1b[2J.xlsx"
    path.write_bytes(tracker_bytes())
    code, out, err = run(capsys, "watch", path, "--once", "--today", DAY, "--no-backup")
    assert code == 0, err
    assert "jobs\\x1b[2J.xlsx" in err
    assert "\x1b" not in out + err


def test_control_characters_never_reach_the_csv(tmp_path, capsys):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(tracker_bytes([ESCAPED], shared_strings=False))
    code, out, err = run(capsys, "today", path, "--today", DAY, "--out", tmp_path / "calls.csv")
    assert code == 0, err
    text = (tmp_path / "calls.csv").read_text(encoding="utf-8-sig")
    assert "Acme" in text
    bad = re.findall(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
    assert not bad, bad


def test_a_garbage_owner_file_gives_a_short_clean_message(tracker, capsys):
    (tracker.parent / ("~$" + tracker.name)).write_bytes(bytes([200]) + bytes(range(256)) + b"\x1b[2J" * 20)
    code, _, err = run(capsys, "refresh", tracker, "--today", DAY)
    assert code == 1
    line = one_line(err, "tracker.xlsx", "Excel")
    assert len(line) < 400, line
    assert not re.search(r"[\x00-\x1f\x7f-\x9f]", line), line


def test_an_owner_file_belongs_to_the_workbook_it_names(tmp_path):
    for name in ("tracker.xlsx", "v2tracker.xlsx", "xv2tracker.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    owner = tmp_path / "~$tracker.xlsx"
    owner.write_bytes(bytes([4]) + b"Jane".ljust(54, b"\x00"))
    assert filesafe.lock_owner(tmp_path / "tracker.xlsx") == "Excel (Jane)"
    assert filesafe.lock_owner(tmp_path / "v2tracker.xlsx") is None
    assert filesafe.lock_owner(tmp_path / "xv2tracker.xlsx") is None
    (tmp_path / "tracker.xlsx").unlink()   # now the shortened forms may be the workbook it means
    assert filesafe.lock_owner(tmp_path / "v2tracker.xlsx") == "Excel (Jane)"
    assert filesafe.lock_owner(tmp_path / "xv2tracker.xlsx") is None          # three characters more
    owner.unlink()
    (tmp_path / "~$2tracker.xlsx").write_bytes(bytes([4]) + b"Jane".ljust(54, b"\x00"))
    # one character shorter: the better match
    assert filesafe.lock_owner(tmp_path / "v2tracker.xlsx") == "Excel (Jane)"
    assert filesafe.lock_owner(tmp_path / "xv2tracker.xlsx") is None


@pytest.mark.parametrize("content, says", [
    ("Company,Date\r\nAcme,2026-01-01\r\n".encode("utf-16"), "UTF-16"),
    ("Company,Date\r\nAcme,2026-01-01\r\n".encode("utf-16-be"), "UTF-16"),
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "XML"),
    ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'.encode("utf-16"), "UTF-16 XML"),
    (b"&amp;&lt;&gt;&nbsp;" * 100, "text"),
])
def test_what_a_file_is_is_said(tmp_path, capsys, content, says):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(content)
    code, _, err = run(capsys, "refresh", path)
    assert code == 1
    line = one_line(err, "tracker.xlsx", says)
    assert "not an Excel workbook" in line or "not a real .xlsx" in line


def test_library_errors_are_followup_errors_for_the_new_cases(tmp_path):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(doctype_late("xl/styles.xml")(tracker_bytes()))
    with pytest.raises(FollowupError):
        refresh(path, today=TODAY, backup=False)


@pytest.mark.parametrize("names, owner", [
    (["Jobs 2026.xlsx", "Mobs 2026.xlsx"], "~$bs 2026.xlsx"),               # Excel dropped two characters
    (["A Bewerbungen.xlsx", "B Bewerbungen.xlsx", "C Bewerbungen.xlsx"], "~$ Bewerbungen.xlsx"),
    (["1 search.xlsx", "2 search.xlsx"], "~$ search.xlsx"),                 # one character
])
def test_an_owner_file_that_fits_two_workbooks_names_both(tmp_path, capsys, names, owner):
    for name in names:
        (tmp_path / name).write_bytes(tracker_bytes())
    (tmp_path / owner).write_bytes(bytes([5]) + b"Priya".ljust(54, b"\x00"))
    fits = [n for n in names if n[-len(owner) + 2:] == owner[2:]]
    assert len(fits) >= 2
    for name in fits:
        before = snapshot(tmp_path)
        code, _, err = run(capsys, "refresh", tmp_path / name, "--today", DAY)
        assert code == 1
        line = one_line(err, "Excel (Priya)", owner)
        for other in fits:
            assert other in line, line
        assert ("neither" if len(fits) == 2 else "none") in line
        assert snapshot(tmp_path) == before


def test_the_watcher_names_both_workbooks_an_owner_file_fits(tmp_path):
    for name in ("Jobs 2026.xlsx", "Mobs 2026.xlsx"):
        (tmp_path / name).write_bytes(tracker_bytes())
    (tmp_path / "~$bs 2026.xlsx").write_bytes(bytes([5]) + b"Priya".ljust(54, b"\x00"))
    done = subprocess.run([sys.executable, "-m", "followup_sheet", "watch", str(tmp_path / "Jobs 2026.xlsx"),
                           "--today", DAY, "--once"], capture_output=True, text=True, timeout=120)
    waiting = [line for line in done.stderr.splitlines() if "waiting" in line]
    assert len(waiting) == 1, done.stderr
    assert "Jobs 2026.xlsx or Mobs 2026.xlsx is open in Excel (Priya)" in waiting[0], waiting[0]
