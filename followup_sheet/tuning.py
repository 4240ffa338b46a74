"""The sizes and switches of the speed tricks (the preload, the compressing thread, the fast
level, no-gc, the quick exit): each says why it exists and what it saved when measured on a
10,000-row tracker on two shared cores (docs/benchmarks.md has the method; docs/architecture.md
lists every trick, this module's and the others', with its measured reason). Nothing here
changes what is read or written, only how fast.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

# Cell values are parsed on a worker thread while the program imports pandas (values.preload):
# calamine's parse lets go of the GIL, so its 0.1 s hides behind the 0.2 s import. Above this
# size the saving stays the same while the worker's own heap (glibc gives each thread one)
# would raise the peak memory of a big refresh by about a tenth, so bigger files are read by
# the caller. About 40,000 tracker rows.
PRELOAD_LIMIT = 4 * 2**20   # bytes on disk

# The worksheets' XML as first read for the extent scan (inflated, padding dropped) is kept for
# the later readers, the write above all, while the workbook's kept XML comes to at most this
# much: the tracker sheet is then inflated once instead of twice, 26 ms less of the main
# thread's CPU at 10,000 rows (the default shape; 52 ms wide, 14 ms narrow), for that much more
# memory (6, 13 and 4 MB) until the run ends. Bigger sheets are read again, as before.
KEEP_SHEETS_UP_TO = 16 * 2**20   # bytes of worksheet XML per workbook

# Big parts are compressed on a second thread while they are made (zipout.write_stream): zlib,
# CRC and SHA-256 let go of the GIL, so deflating (0.06 s) overlaps editing the rows. Pieces
# are handed over in blocks, so the hand-over costs nothing, and few may wait, so memory stays flat.
STREAM_BLOCK = 256 * 1024   # bytes handed to the compressing thread at a time
STREAM_QUEUE = 4            # blocks that may wait for it

# The written file's CRCs are re-read on two threads (write.verify_package) only when the smaller
# half of its members holds this much: below it, starting and joining the thread cost more than
# the inflating it shares (a five-row tracker: about a tenth of its in-process refresh went to
# the verify and compress threads' start, hand-over and join).
VERIFY_THREAD_FROM = 256 * 1024   # bytes, uncompressed

# Parts this big or bigger are deflated at level 1 instead of 6: several times faster for a
# few percent more bytes (zipout.compress_level).
FAST_LEVEL_FROM = 4 * 2**20   # bytes


def quick_exit(code: int, streams: Iterable[Any]) -> NoReturn:
    """For a command that has finished (not the watcher): leave without the interpreter's
    teardown, which frees every object and module one by one (pandas and numpy among them) and
    took 60-80 ms of a run whatever the tracker's size. What the teardown would still do that
    matters is done first: the output `streams` (the CLI's stdout and stderr) flushed and the
    log handlers closed. Every file the program writes is closed by then (`with` blocks). The
    CLI has flushed and checked the streams already; output that fails only here (a full disk)
    still makes the exit code 1, never 0 with the output cut short.

    Under a tracer, a profiler or coverage the normal exit is taken: they write their results
    during the teardown, and a quick exit would lose them."""
    for stream in streams:
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:   # output into `head` and the like
            pass
        except ValueError:        # a closed stream
            pass
        except OSError:
            code = code or 1
    if observed():
        sys.exit(code)
    logging.shutdown()
    os._exit(code)


def observed() -> bool:
    """Whether a tracer, a profiler or coverage watches this process (sys.settrace,
    sys.setprofile, or a sys.monitoring tool on Python 3.12+)."""
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is None:
        return False
    return any(monitoring.get_tool(tool) is not None
               for tool in (monitoring.DEBUGGER_ID, monitoring.COVERAGE_ID, monitoring.PROFILER_ID))


def one_shot_gc() -> None:
    """For a command that runs once and exits (not the watcher): no cyclic garbage collection.
    Such a run makes millions of short-lived cell objects and no cycles worth collecting before
    it exits; the collector would only rescan them (about 5% of a refresh)."""
    gc.disable()
