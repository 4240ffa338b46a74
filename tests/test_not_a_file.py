"""A tracker path that is not a workbook file: a named pipe, a device, a huge file that only starts
like one, a zip whose table of contents lies. Each is refused quickly, in little memory, with one
line naming the file, what it is and the fix, exit 1, and nothing touched. Before, a pipe waited
forever, /dev/zero and a 3 GB sparse file were read into memory whole, and a lying table of
contents ended in the cell reader's 'Cannot detect file format'.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TODAY, run_cli, time_limit
from corpus_tools import minimal_workbook
from test_badinput import run_refresh

HEADERS = ["Employer", "Job title", "Applied on", "Where it stands", "Recruiter"]
ROWS = [["Contoso Pharma", "Lab technician", "2026-11-04", "Sent CV", "Maria Lopez"],
        ["Blue Yonder Air", "Ops planner", "2026-11-18", "Phone screen done", "Tom Becker"]]


def workbook() -> bytes:
    return minimal_workbook(HEADERS, ROWS, shared_strings=True)


def listing(folder: Path) -> dict[str, str]:
    """Each name in the folder with what it is (and a regular file's fingerprint)."""
    out = {}
    for p in sorted(folder.iterdir()):
        if p.is_symlink():
            out[p.name] = "-> " + os.readlink(p)
        elif p.is_fifo():
            out[p.name] = "fifo"
        else:
            out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest() if p.stat().st_size < 2**20 else \
                f"{p.stat().st_size} bytes"
    return out


def refused(tmp_path: Path, path: Path, *words: str, command: str = "refresh") -> str:
    before = listing(tmp_path)
    args = [command, str(path), "--today", TODAY.isoformat()]
    done = subprocess.run([sys.executable, "-m", "followup_sheet", *args], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    for word in (path.name, *words):
        assert word in lines[0], lines[0]
    assert listing(tmp_path) == before
    return lines[0]


@pytest.mark.parametrize("command", ["refresh", "check", "today", "stats", "log", "watch"])
def test_a_named_pipe_is_refused_at_once(tmp_path, command):
    """`refresh` as a process, as a user runs it; the other commands' command line in this
    process, under a time limit (a pipe opened for reading waits for a writer)."""
    pipe = tmp_path / "jobs.xlsx"
    os.mkfifo(pipe)
    extra = "--once" if command == "watch" else None
    before = listing(tmp_path)
    args = [command, str(pipe), "--today", TODAY.isoformat(), *([extra] if extra else [])]
    if command == "refresh":
        done = subprocess.run([sys.executable, "-m", "followup_sheet", *args], capture_output=True, text=True,
                              timeout=60)
    else:
        with time_limit(60):
            done = run_cli(*args)
    assert done.returncode == 1, done.stderr
    line = done.stderr.strip().splitlines()[-1]
    assert "jobs.xlsx" in line and "named pipe" in line and "the .xlsx file itself" in line, done.stderr
    assert "Traceback" not in done.stderr
    assert listing(tmp_path) == before


def test_a_link_to_a_device_is_refused_without_reading_it(tmp_path):
    link = tmp_path / "jobs.xlsx"
    link.symlink_to("/dev/zero")
    code, _, err, seconds, peak_mb = run_refresh(link, timeout=60)
    assert code == 1, err
    assert "jobs.xlsx is a device" in err and "Traceback" not in err
    assert peak_mb < 300, peak_mb
    assert os.readlink(link) == "/dev/zero"


def sparse(path: Path, size: int, head: bytes) -> Path:
    """A file of `size` bytes that holds only `head` (the rest a hole: no disk space used)."""
    with open(path, "wb") as fh:
        fh.write(head)
        fh.truncate(size)
    return path


def test_a_3_gb_file_that_starts_like_a_workbook_is_refused_by_its_size(tmp_path):
    path = sparse(tmp_path / "jobs.xlsx", 3 * 2**30, workbook()[:4096])
    code, _, err, seconds, peak_mb = run_refresh(path, timeout=60)
    assert code == 1, err
    assert "jobs.xlsx is 3072 MB" in err and "512 MB limit" in err, err
    assert peak_mb < 300, peak_mb
    assert path.stat().st_size == 3 * 2**30


def test_a_big_file_cut_short_is_refused_without_holding_it(tmp_path):
    """Under the size limit, a file that starts like a workbook but has no table of contents at
    its end (a download cut short, then padded) is refused from its last 64 KB."""
    path = sparse(tmp_path / "jobs.xlsx", 400 * 2**20, workbook()[:4096])
    code, _, err, seconds, peak_mb = run_refresh(path, timeout=60)
    assert code == 1, err
    assert "jobs.xlsx is a damaged workbook" in err and "restore it from a backup" in err, err
    assert peak_mb < 300, peak_mb


# --- zips whose table of contents lies -------------------------------------------------------

def _end(data: bytes) -> int:
    return data.rfind(b"PK\x05\x06")


def _first_entry(data: bytes) -> int:
    offset = struct.unpack_from("<I", data, _end(data) + 16)[0]
    return data.index(b"PK\x01\x02", offset)


def more_parts_than_listed(data: bytes) -> bytes:
    out = bytearray(data)
    struct.pack_into("<HH", out, _end(data) + 8, 40, 40)
    return bytes(out)


def table_past_the_end(data: bytes) -> bytes:
    out = bytearray(data)
    struct.pack_into("<I", out, _end(data) + 16, len(data) + 4096)
    return bytes(out)


def part_bigger_than_the_file(data: bytes) -> bytes:
    out = bytearray(data)
    struct.pack_into("<I", out, _first_entry(data) + 20, 3_000_000_000)
    return bytes(out)


def part_starting_past_the_end(data: bytes) -> bytes:
    out = bytearray(data)
    struct.pack_into("<I", out, _first_entry(data) + 42, 5 * len(data))
    return bytes(out)


def cut_in_half(data: bytes) -> bytes:
    return data[:len(data) // 2]


@pytest.mark.parametrize("damage", [more_parts_than_listed, table_past_the_end, part_bigger_than_the_file,
                                    part_starting_past_the_end, cut_in_half])
def test_a_zip_whose_table_of_contents_lies_is_called_damaged(tmp_path, damage):
    path = tmp_path / "jobs.xlsx"
    path.write_bytes(damage(workbook()))
    line = refused(tmp_path, path, "damaged workbook", "Excel", "restore it from a backup")
    said = line.replace(str(path), "")
    assert "Cannot detect" not in said and "zip" not in said.lower(), line


def test_the_same_workbook_undamaged_refreshes(tmp_path):
    path = tmp_path / "jobs.xlsx"
    path.write_bytes(workbook())
    done = run_cli("refresh", path, "--today", TODAY.isoformat(), "--no-backup")
    assert done.returncode == 0, done.stderr


def test_a_copy_on_a_regular_file_still_works_through_a_link(tmp_path):
    """A link to a regular file is the file: followed, not refused."""
    real = tmp_path / "real.xlsx"
    real.write_bytes(workbook())
    link = tmp_path / "jobs.xlsx"
    link.symlink_to(real)
    out = tmp_path / "copy.xlsx"
    done = run_cli("refresh", link, "--today", TODAY.isoformat(), "--output", out)
    assert done.returncode == 0, done.stderr
    assert out.is_file()
    shutil.rmtree(tmp_path / ".followup-backups", ignore_errors=True)
