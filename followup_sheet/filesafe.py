"""Safe saving: who has the workbook open, atomic replacement, backups.

Knows files, not spreadsheets: the bytes to save come from the write stage.
"""

from __future__ import annotations

import datetime as dt
import errno
import glob
import hashlib
import logging
import os
import re
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import FollowupError, ReadOnlyWorkbook, SaveFailed, WorkbookBusy

log = logging.getLogger(__name__)

BACKUP_FOLDER = ".followup-backups"


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same inode (hard links, symlinks, other spellings), or,
    where one does not exist yet, the same resolved path, case folded where the system does."""
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def file_kind(mode: int) -> str:
    """What a file of this `st_mode` is, in words, for a message about something that is not a
    regular file."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_a_file(path: Path) -> str | None:
    """What `path` is when something other than a regular file is there (a link is followed):
    'a named pipe (FIFO)', 'a device'...; None for a regular file or when nothing is there."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else file_kind(mode)


def lock_files(path: Path) -> list[Path]:
    """The owner/lock files Excel and LibreOffice keep beside an open workbook.

    Excel's owner file is `~$` + the workbook's name; for long names Office drops the name's first
    one or two characters. Such a shortened owner file counts only when no other workbook in the
    folder matches it better (`~$tracker.xlsx` belongs to tracker.xlsx, not to v2tracker.xlsx)."""
    path = Path(path)
    name = path.name
    candidates = [path.with_name("~$" + name), path.with_name(".~lock." + name + "#")]
    found = [p for p in candidates if p.exists()]
    for dropped in (1, 2):
        if len(name) > dropped:
            owner = path.with_name("~$" + name[dropped:])
            if owner.exists() and not _better_owned(path, name[dropped:], dropped):
                found.append(owner)
    return found


def _better_owned(path: Path, owned: str, dropped: int) -> bool:
    """Whether another workbook in the folder is named more like `owned` (the name in an owner
    file) than `path`, which is `dropped` characters longer."""
    folder = path.parent
    for fewer in range(dropped):
        pattern = "?" * fewer + glob.escape(owned)
        try:
            if any(other.name != path.name for other in folder.glob(pattern)):
                return True
        except OSError:
            return False
    return False


_NAME_LIMIT = 60


def _person(text: str) -> str:
    """A user or host name from a lock file, as far as it is readable; never control characters."""
    kept = "".join(ch for ch in text if ch.isprintable()).strip()
    return kept[:_NAME_LIMIT] + ("..." if len(kept) > _NAME_LIMIT else "")


def lock_owner(path: Path) -> str | None:
    """'Excel (Jane Doe)' or 'LibreOffice (jane on laptop)' when the workbook is open, else None."""
    for lock in lock_files(Path(path)):
        try:
            with open(lock, "rb") as fh:
                raw = fh.read(4096)
        except OSError:
            raw = b""
        if lock.name.startswith(".~lock."):
            fields = [_person(f) for f in raw.decode("utf-8", "replace").split(",")]
            who = fields[0] or (fields[1] if len(fields) > 1 else "")
            host = fields[2] if len(fields) > 2 else ""
            detail = " on ".join(x for x in (who, host) if x)
            return f"LibreOffice ({detail})" if detail else "LibreOffice"
        who = ""
        if raw and raw[0] <= 54:     # the user name field is 54 bytes; a longer one is not a name
            who = _person(raw[1:1 + raw[0]].decode("latin-1", "replace").strip("\x00 "))
        return f"Excel ({who})" if who else "Excel"
    return None


def same_length_owners(path: Path, lock: Path) -> list[str]:
    """The other workbooks beside `path` that a shortened Excel owner file `lock` fits as well as
    it fits `path` ('~$bs 2026.xlsx' fits 'Jobs 2026.xlsx' and 'Mobs 2026.xlsx'): which one is
    open cannot be told from the file."""
    path, owned = Path(path), lock.name[2:]
    dropped = len(path.name) - len(owned)
    if not lock.name.startswith("~$") or dropped not in (1, 2):
        return []
    try:
        return sorted(other.name for other in path.parent.glob("?" * dropped + glob.escape(owned))
                      if other.name != path.name and not other.name.startswith(("~$", ".~lock.")))
    except OSError:
        return []


def ensure_not_open(path: Path) -> None:
    owner = lock_owner(path)
    if owner:
        locks = lock_files(path)
        names = ", ".join(p.name for p in locks)
        others = [name for lock in locks for name in same_length_owners(path, lock)]
        if others:
            raise WorkbookBusy(
                f"{path} or {' or '.join(others)} is open in {owner}: the owner file {names} fits "
                f"{'both names' if len(others) == 1 else 'each of these names'}; close it there and run again, "
                f"or write a copy with --output (if {'neither' if len(others) == 1 else 'none'} is open "
                f"anywhere, delete the leftover lock file {names})")
        raise WorkbookBusy.worded(
            "{path} is open in {owner}; close it there and run again, or write a copy with --output "
            "(if it is not open anywhere, delete the leftover lock file {names})", path=path, owner=owner, names=names)


def digest_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


@dataclass
class Saved:
    changed: bool          # the new content differs from the old
    written: bool          # the target was replaced
    backup: Path | None


def save_atomically(target: Path, write: Callable[[BinaryIO], bool], *, expected_digest: str | None,
                    verify: Callable[[Path], None], backups: int = 5, backup: bool = True,
                    only_if_changed: bool = False) -> Saved:
    """Replace `target` with what `write(file)` writes, so that any crash leaves the old file or
    the new one, never a mix. `write` returns whether the content changed; with `only_if_changed`
    an unchanged result is dropped and the target left alone.

    `expected_digest` is the fingerprint of what was read: if the file changed since, nothing is
    written. The new file keeps the old one's permissions; a symlink is followed, not replaced.
    """
    real = Path(os.path.realpath(target))
    _check_target(Path(target), real, in_place=expected_digest is not None)
    ensure_not_open(Path(target))
    if real != Path(target):
        ensure_not_open(real)
    _check_unchanged(real, expected_digest)
    _remove_stale_temporaries(real)
    mode = _mode_for(real)
    try:
        fd, tmp_name = _new_temporary(real.parent, real.name)
    except OSError as exc:
        raise _save_failed(exc, real) from None
    tmp = Path(tmp_name)
    kept = None
    try:
        with os.fdopen(fd, "w+b") as fh:
            changed = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if only_if_changed and not changed:
            tmp.unlink()
            return Saved(changed=False, written=False, backup=None)
        verify(tmp)
        os.chmod(tmp, mode)
        if backup and real.exists() and backups > 0:
            kept = _keep_backup(real, backups)
        _check_unchanged(real, expected_digest)
        held = _hold_interrupts()   # an interrupt's last line says whether this happened
        try:
            _replace(tmp, real)
            saved_in_this_run.append(real)
        finally:
            _release_interrupts(held)
        _fsync_folder(real.parent)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, FollowupError):
            raise _save_failed(exc, real) from None
        raise
    finally:
        _temporaries.discard(tmp_name)
    return Saved(changed=changed, written=True, backup=kept)


def _check_target(target: Path, real: Path, in_place: bool) -> None:
    """A file can only be saved where a file can be: refuse folders, missing folders and files the
    user made read-only before any work is done."""
    if real.is_dir():
        raise SaveFailed(f"{target} is a folder; give the name of the file to write, "
                         f"e.g. {target / 'tracker copy.xlsx'}")
    kind = not_a_file(real)
    if kind is not None:   # its backup would read a named pipe or a device (/dev/zero) forever
        raise SaveFailed(f"{target} is {kind}, not a file; nothing was written; give the name of a file to write")
    if not real.parent.is_dir():
        raise SaveFailed(f"{real.parent} does not exist (needed for {target}); create the folder first "
                         "or choose another place")
    if real.exists() and not _writable(real):
        what = "the workbook" if in_place else "the file"
        raise ReadOnlyWorkbook(
            f"{target}: {what} is read-only; nothing was changed; make it writable (Windows: Properties, clear "
            "'Read-only'; macOS/Linux: chmod u+w) and run again, or write a copy with --output")


def _writable(path: Path) -> bool:
    """Read-only by its mode bits (which is also how Python shows the Windows attribute) or by
    what the operating system would allow this user."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


REPLACE_TRIES = 6   # about 3 seconds in all: a virus scanner or sync tool lets go by then


def _replace(tmp: Path, real: Path) -> None:
    """os.replace, tried again for a few seconds while another program holds the file (Windows
    refuses to replace a file that is open elsewhere)."""
    pause = 0.1
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(tmp, real)
            return
        except PermissionError:
            if attempt == REPLACE_TRIES - 1:
                raise WorkbookBusy(
                    f"{real} is in use by another program (or you may not change it), so it could not be "
                    "replaced; nothing was changed; close it there and run again, or write a copy with "
                    "--output") from None
            time.sleep(pause)
            pause *= 2


def _save_failed(exc: OSError, real: Path, backup_folder: Path | None = None) -> SaveFailed:
    """The one-line message for an operating system error while saving."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return SaveFailed(f"{real}: the disk is full ({reason}); nothing was changed; free some space and "
                          "run again")
    if exc.errno == errno.EFBIG:
        return SaveFailed(f"{real}: the new file would pass this system's file size limit ({reason}, "
                          "e.g. `ulimit -f`); nothing was changed; raise the limit and run again")
    if backup_folder is not None:
        return SaveFailed(f"{real}: cannot keep a backup in {backup_folder} ({reason}); nothing was changed; "
                          "make that folder writable (or move a file of that name away), or run with --no-backup")
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return SaveFailed(f"{real}: cannot write in the folder {real.parent} ({reason}); nothing was changed; "
                          "make the folder writable, or write a copy elsewhere with --output")
    return SaveFailed(f"{real}: could not be saved ({reason}); nothing was changed")


# The temporary files being written now, for an interrupt (Ctrl-C, SIGTERM) to remove before the
# program ends (console.py): a killed run left them beside the workbook until a later run found
# them stale. And the files this run has replaced, for its last line.
_temporaries: set[str] = set()
saved_in_this_run: list[Path] = []


def _new_temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new temporary file for `name` in `folder` (fd, path), known to `remove_temporaries`
    from the moment it exists: an interrupt is held off between the two."""
    held = _hold_interrupts()
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        _temporaries.add(tmp_name)
    finally:
        _release_interrupts(held)
    return fd, tmp_name


_INTERRUPTS = {getattr(signal, name) for name in ("SIGINT", "SIGTERM") if hasattr(signal, name)}


def _hold_interrupts() -> set | None:
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _INTERRUPTS)


def _release_interrupts(held: set | None) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def remove_temporaries() -> None:
    """For an interrupt that ends the program now: remove the temporary files being written.
    The workbook is then the old one, or the new one if it was already put in place."""
    for name in list(_temporaries):
        try:
            os.unlink(name)
        except OSError:
            pass


STALE_AFTER = 15 * 60   # seconds: no refresh takes this long, so such a temporary file is orphaned


def _remove_stale_temporaries(real: Path, folder: Path | None = None) -> None:
    """Temporary files a killed run left beside the workbook, or in `folder` (its backups);
    never a running one's: too recent."""
    now = time.time()
    for tmp in (folder or real.parent).glob(f".{glob.escape(real.name)}.*.tmp"):
        try:
            if now - tmp.stat().st_mtime > STALE_AFTER:
                tmp.unlink()
                log.info("removed %s, left by an interrupted run", tmp.name)
        except OSError:
            pass


def _check_unchanged(real: Path, expected: str | None) -> None:
    if expected is None:
        return
    now = digest_of(real)
    if now is not None and now != expected:
        raise WorkbookBusy(f"{real} changed on disk while it was being processed (saved from another "
                           "program?); nothing was written; run again")


def _mode_for(real: Path) -> int:
    try:
        return stat.S_IMODE(real.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def keep_backup(real: Path, keep: int) -> Path:
    """A copy of `real` in the backup folder beside it (the newest `keep` copies are kept)."""
    return _keep_backup(real, keep)


def _keep_backup(real: Path, keep: int) -> Path:
    """Copy the workbook into the backup folder the way the workbook itself is saved (a temporary
    file, flushed to disk, then renamed), so a backup is whole or not there at all."""
    folder = real.parent / BACKUP_FOLDER
    try:
        folder.mkdir(exist_ok=True)
        if not folder.is_dir():
            raise FileExistsError(errno.EEXIST, "a file, not a folder, has that name", str(folder))
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        dest = folder / f"{real.stem}.{stamp}{real.suffix}"
        data = real.read_bytes()
        _remove_stale_temporaries(real, folder)
        fd, tmp_name = _new_temporary(folder, real.name)
    except OSError as exc:
        raise _save_failed(exc, real, folder) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, dest)
    except BaseException as exc:
        Path(tmp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _save_failed(exc, real, folder) from None
        raise
    finally:
        _temporaries.discard(tmp_name)
    ours = re.compile(re.escape(real.stem) + r"\.\d{8}-\d{6}-\d{6}" + re.escape(real.suffix))
    old = sorted(p for p in folder.iterdir() if ours.fullmatch(p.name))   # never another file there
    for extra in old[:-keep]:
        extra.unlink(missing_ok=True)
    return dest


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
