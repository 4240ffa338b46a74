"""What the exports wrote: a small record beside the backups (`.followup-backups/written.json` in
the export's folder), so a later export knows its own file again (a CSV or Markdown file cannot
carry a mark inside) and the calendar knows the events it sent before.

Input: the export's path, its bytes and the calendar's events; output: those, read back.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from .filesafe import BACKUP_FOLDER, digest_of

log = logging.getLogger(__name__)

RECORD = "written.json"
RECORD_LIMIT = 16 * 2**20   # a bigger record is not ours to read


def _record_path(out: Path) -> Path:
    return Path(os.path.realpath(out)).parent / BACKUP_FOLDER / RECORD


def _entries(out: Path) -> dict[str, Any]:
    """The record of the export's folder ({} when there is none or it cannot be read)."""
    path = _record_path(out)
    try:
        if path.stat().st_size > RECORD_LIMIT:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _entry(out: Path) -> dict[str, Any]:
    entry = _entries(out).get(Path(os.path.realpath(out)).name)
    return entry if isinstance(entry, dict) else {}


def wrote(out: Path) -> bool:
    """Whether `out` is, byte for byte, the file an export last wrote there."""
    digest = _entry(out).get("sha256")
    return isinstance(digest, str) and digest == digest_of(Path(out))


def earlier_events(out: Path) -> dict[str, dict[str, Any]]:
    """The calendar events the last export to `out` held, by UID (even if the file was edited or
    removed since: a calendar that imported them still has them)."""
    events = _entry(out).get("events")
    return events if isinstance(events, dict) else {}


def remember(out: Path, body: bytes, events: dict[str, dict[str, Any]] | None = None) -> None:
    """Note that `body` was written to `out` (and the calendar's events). The export itself is
    already in place: a record that cannot be written is logged, and the next export of the same
    name then asks for --force as for any file."""
    path = _record_path(out)
    entries = _entries(out)
    entry: dict[str, Any] = {"sha256": hashlib.sha256(body).hexdigest()}
    if events is not None:
        entry["events"] = events
    entries[Path(os.path.realpath(out)).name] = entry
    tmp = path.with_name(f".{RECORD}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(exist_ok=True)
        tmp.write_text(json.dumps(entries, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        log.warning("%s: could not note what was written (%s); the next export there will need --force",
                    path, exc.strerror or exc)
