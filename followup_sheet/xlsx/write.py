"""Write side of the format boundary: `Edits` (edits.plan_edits) -> the user's .xlsx package, saved safely.

Only the parts the edits name are rewritten (the tracker's worksheet, styles, an extended
table, and for a new Today sheet the workbook, its relationships and content types); every other
zip member is copied as it was, in its original order.
"""

from __future__ import annotations

import io
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .. import filesafe
from ..errors import NotAWorkbook
from ..tuning import VERIFY_THREAD_FROM
from .edits import Edits
from .package import Package, open_package
from .sheetedit import TrackerSheet
from .zipout import compress_level, copy_member, digest_of_part, info_like, new_info, write_stream


def write_back(edits: Edits, *, output: Path | None = None, backup: bool = True, backups: int = 5) -> WriteOutcome:
    """Apply `edits` (see edits.plan_edits) to the workbook they were planned for and save it, in
    place or to `output`: the tracker sheets' cells from the edits, the Today sheet and the log
    as made there, every other part copied. Written beside the target and renamed over it; in
    place, an unchanged result leaves the file as it was."""
    pkg = edits.package
    target = Path(output) if output else pkg.path
    same_file = output is None or filesafe.same_file(target, pkg.path)
    saved = filesafe.save_atomically(
        target, lambda fh: write_package(pkg, fh, edits), expected_digest=pkg.digest if same_file else None,
        verify=verify_package, backups=backups, backup=backup and same_file, only_if_changed=same_file)
    return WriteOutcome(target, saved.changed, written=saved.written, backup=saved.backup)


@dataclass
class WriteOutcome:
    path: Path
    changed: bool
    written: bool
    backup: Path | None


def verify_package(path: Path) -> None:
    """Re-open what was written: every member's CRC, and the parts a workbook cannot do without."""
    data = Path(path).read_bytes()   # read once for both checks
    bad = _first_bad_member(data)
    if bad is not None:
        raise NotAWorkbook(f"{path}: the written file failed its check (part {bad}); nothing was replaced")
    open_package(path, data)


def _first_bad_member(data: bytes) -> str | None:
    """What ZipFile.testzip does (each member read through, its CRC checked), with the members
    shared out between this thread and one more by size: inflating lets go of the GIL, so two
    cores check the two big sheets at once."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = sorted(zf.infolist(), key=lambda i: -i.file_size)
    halves: tuple[list[str], list[str]] = ([], [])
    sizes = [0, 0]
    for info in infos:
        side = 0 if sizes[0] <= sizes[1] else 1
        halves[side].append(info.filename)
        sizes[side] += info.file_size
    found: list[str | None] = [None, None]
    errors: list[BaseException] = []

    def check(side: int) -> None:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                for name in halves[side]:
                    try:
                        with zf.open(name) as member:
                            while member.read(1 << 20):
                                pass
                    except zipfile.BadZipFile:
                        found[side] = name
                        return
        except BaseException as exc:   # raised in the caller, as testzip would have
            errors.append(exc)

    if sizes[1] < VERIFY_THREAD_FROM:   # little to inflate: a second thread costs more than it saves
        check(0)
        check(1)
    else:
        other = threading.Thread(target=check, args=(1,), name="followup-verify")
        other.start()
        check(0)
        other.join()
    if errors:
        raise errors[0]
    return found[0] or found[1]


def write_package(pkg: Package, out, edits: Edits) -> bool:
    """The zip: each member of the original in its order (edited, made anew or copied), then
    the new ones; whether any content changed."""
    changed = False
    trackers = {s.part: TrackerSheet(pkg, s) for s in edits.sheets}
    streams = dict(edits.streams)
    small = dict(edits.parts)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in pkg.zip.infolist():
            name = info.filename
            if name in trackers:
                sheet = trackers.pop(name)
                write_stream(zf, info_like(info), sheet.pieces(), None)
                changed |= sheet.changed
            elif name in streams:
                changed |= write_stream(zf, info_like(info), streams.pop(name)(), digest_of_part(pkg, name))
            elif name in small:
                data = small.pop(name)
                changed |= data != pkg.read(name)
                zf.writestr(info_like(info), data, compresslevel=compress_level(len(data)))
            else:
                copy_member(pkg, zf, info)
        for name, data in small.items():
            changed = True
            zf.writestr(new_info(name), data)
        for name, make in streams.items():
            changed = True
            write_stream(zf, new_info(name), make(), None)
    return changed
