"""The `followup-sheet` console command. Ctrl-C and SIGTERM are taken over first, before anything
heavy is imported, so an interrupt at any moment ends the same way: the temporary files of a save
removed, one line on standard error and exit code 130 (143 for SIGTERM).
The workbook is then the old one, or the new one if it was already put in place; never a mix.
"""

from __future__ import annotations

import os
import signal
import sys


def run() -> None:
    for signum in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
        if signum is not None:
            signal.signal(signum, _stop)
    from .cli import run as run_command
    run_command()


def _stop(signum: int, frame: object) -> None:
    """End the program now, whatever it is doing: an exception raised here could be swallowed
    (logging's fork hook printed it and the refresh went on) or print a traceback (during an
    import), so nothing is raised."""
    saved: list[str] = []
    try:   # the module may be half imported when the signal comes
        filesafe = sys.modules.get(f"{__package__}.filesafe")
        getattr(filesafe, "remove_temporaries", lambda: None)()
        saved = [str(path) for path in getattr(filesafe, "saved_in_this_run", [])]
    finally:
        what = "interrupted" if signum == signal.SIGINT else "stopped (SIGTERM)"
        after = f"; {', '.join(saved)} had already been saved" if saved else "; nothing was changed"
        try:
            os.write(2, f"followup-sheet: {what}{after}\n".encode("utf-8", "backslashreplace"))
        finally:
            os._exit(128 + signum)
