"""The one promise, tried on random folders: whatever the command, paths, targets and file
contents, every file the user had is still there with the same bytes - except the tracker, which
is either unchanged or correctly refreshed with its previous bytes in a backup, and files the user
explicitly let the tool replace (--force), whose previous bytes are in a backup too. Exit codes
are 0, 1 or 2, and nothing printed is a traceback.

Commands run in-process through `cli.main`, so a hundred examples take seconds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import io
import os
import tempfile
from pathlib import Path

from corpus_tools import members, minimal_workbook, rewrite_member
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from followup_sheet import filesafe, xlsx
from followup_sheet.cli import main

DAY = "2026-11-26"
HEADERS = ["Company", "Position", "Date Applied", "Status", "Contact"]


def _valid(rows: int) -> bytes:
    return minimal_workbook(HEADERS, [[f"Company {i}", "Analyst", dt.date(2026, 11, 1 + i % 25), "Applied",
                                       f"Person {i}"] for i in range(rows)], shared_strings=rows % 2 == 0)


VALID = _valid(3)
CONTENTS = {
    "valid": VALID,
    "valid, longer": _valid(40),
    "valid, control characters": minimal_workbook(HEADERS, [["Acme\x1b[2J", "An\x07alyst", dt.date(2026, 11, 10),
                                                              "Applied", "Jane\x01"]]),
    "truncated zip": VALID[: len(VALID) // 2],
    "garbage": bytes(range(256)) * 4,
    "empty": b"",
    "csv text": b"Company,Date Applied\r\nAcme,2026-11-10\r\n",
    "dtd in the sheet": rewrite_member(VALID, "xl/worksheets/sheet1.xml",
                                       b"<!--" + b"x" * 5000 + b'--><!DOCTYPE x [<!ENTITY a "b">]>'
                                       + members(VALID)["xl/worksheets/sheet1.xml"].split(b"?>", 1)[1]),
    "no sheet data": rewrite_member(VALID, "xl/worksheets/sheet1.xml", b"<worksheet/>"),
}
# what the user keeps beside the tracker (never the tool's)
USER_FILES = {
    "notes.csv": b"my,own\r\nnotes,here\r\n",
    "other.xlsx": _valid(2),
    "plain.txt": b"hello",
    "sub/inner.xlsx": _valid(1),
}
# targets for --out / --output, as a user might spell them
TARGETS = ["tracker.xlsx", "./tracker.xlsx", "{abs}", "link.xlsx", "hard.xlsx", "TRACKER.xlsx", "notes.csv",
           "other.xlsx", "plain.txt", "sub", "sub/inner.xlsx", "new.xlsx", "new.csv", "missing/new.csv",
           "sub/new.xlsx", "dangling.xlsx"]




def _build(folder: Path, content: bytes, lock: bool, read_only: bool) -> dict[str, bytes]:
    tracker = folder / "tracker.xlsx"
    tracker.write_bytes(content)
    for name, data in USER_FILES.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / "link.xlsx").symlink_to("tracker.xlsx")
    os.link(tracker, folder / "hard.xlsx")
    (folder / "dangling.xlsx").symlink_to("gone.xlsx")
    if lock:
        (folder / "~$tracker.xlsx").write_bytes(bytes([4]) + b"Jane".ljust(54, b"\0"))
    if read_only:
        tracker.chmod(0o444)
    return _files(folder)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink() and filesafe.BACKUP_FOLDER not in p.parts}


def _backups(folder: Path) -> list[bytes]:
    return [p.read_bytes() for p in folder.rglob("*") if filesafe.BACKUP_FOLDER in p.parts and p.is_file()]


def _opens(data: bytes, where: Path) -> bool:
    try:
        xlsx.open_package(where, data)
        return True
    except Exception:
        return False


def _command(kind: str, target: str | None, force: bool, folder: Path) -> list[str]:
    tracker = str(folder / "tracker.xlsx")
    if target is not None:
        target = str(folder / target) if target != "{abs}" else os.path.abspath(tracker)
    if kind == "refresh":
        return ["refresh", tracker, "--today", DAY] + (["--output", target] if target else []) \
            + (["--force"] if force else [])
    if kind == "today":
        return ["today", tracker, "--today", DAY] + (["--out", target] if target else []) \
            + (["--force"] if force and target else [])
    if kind == "dry run":
        return ["refresh", tracker, "--dry-run", "--today", DAY] + (["--output", target] if target else [])
    if kind == "check":
        return ["check", tracker]
    return ["watch", tracker, "--once", "--today", DAY]


RARELY = st.sampled_from([False, False, False, True])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.one_of(st.sampled_from(["valid", "valid, longer", "valid, control characters"]),
                         st.sampled_from(sorted(CONTENTS))),
       kind=st.sampled_from(["refresh", "today", "watch", "refresh", "today", "dry run", "check"]),
       target=st.one_of(st.none(), st.sampled_from(TARGETS)), force=st.booleans(), lock=RARELY,
       read_only=RARELY, run_in_folder=st.booleans())
def test_nothing_the_user_had_is_lost(content, kind, target, force, lock, read_only, run_in_folder):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        before = _build(folder, CONTENTS[content], lock, read_only)
        argv = _command(kind, target, force, folder)
        out, err = io.StringIO(), io.StringIO()
        cwd = os.getcwd()
        try:
            if run_in_folder:
                os.chdir(folder)
                argv = [a.replace(str(folder) + os.sep, "") if a.startswith(str(folder)) else a for a in argv]
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = main(argv)
                except SystemExit as exc:
                    code = exc.code
        finally:
            os.chdir(cwd)
            gc.enable()
        printed = out.getvalue() + err.getvalue()
        event(f"{kind} exit {code}")
        assert code in (0, 1, 2), (argv, code, printed)
        assert "Traceback" not in printed and "internal error" not in printed, (argv, printed)

        after = _files(folder)
        backups = _backups(folder)
        for name, old in before.items():
            new = after.get(name)
            if new == old:
                continue
            assert old in backups, f"{name} changed or vanished without a backup: {argv}\n{printed}"
            if name in ("tracker.xlsx", "hard.xlsx"):    # the tracker, by either of its names
                assert new is not None and _opens(new, folder / name), f"the tracker was damaged: {argv}"
                assert kind in ("refresh", "watch") and code == 0, (argv, code)
            else:
                assert force, f"{name} replaced without --force: {argv}"
