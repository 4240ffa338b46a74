"""The speed tricks, in one place: each says why it exists and what it saved when measured on a
10,000-row tracker on two shared cores (docs/benchmarks.md has the method). Nothing here changes
what is read or written, only how fast.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import select
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, NoReturn, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

# Cell values are parsed on a worker thread while the program imports pandas (values.preload):
# calamine's parse lets go of the GIL, so its 0.1 s hides behind the 0.2 s import. Above this
# size the saving stays the same while the worker's own heap (glibc gives each thread one)
# would raise the peak memory of a big refresh by about a tenth, so bigger files are read by
# the caller. About 40,000 tracker rows.
PRELOAD_LIMIT = 4 * 2**20   # bytes on disk

# Big parts are compressed on a second thread while they are made (zipout.write_stream): zlib,
# CRC and SHA-256 let go of the GIL, so deflating (0.06 s) overlaps editing the rows. Pieces
# are handed over in blocks, so the hand-over costs nothing, and few may wait, so memory stays flat.
STREAM_BLOCK = 256 * 1024   # bytes handed to the compressing thread at a time
STREAM_QUEUE = 4            # blocks that may wait for it

# Parts this big or bigger are deflated at level 1 instead of 6: several times faster for a
# few percent more bytes (zipout.compress_level).
FAST_LEVEL_FROM = 4 * 2**20   # bytes

# While that thread compresses, the GIL is handed over every 0.5 ms instead of every 5 ms: the
# worker needs it briefly between the C calls that release it, and with the default interval it
# waits behind the busy caller and falls behind, so the write ends waiting for it (its gain has
# not been measured apart from the thread's).
SWITCH_INTERVAL = 0.0005    # seconds

_switching_lock = threading.Lock()
_switching_users = 0
_switching_saved = 0.005


def fast_switching(on: bool) -> None:
    """Shorten the switch interval (on=True) or give the old one back (on=False). Counted, so
    overlapping users restore the first value."""
    global _switching_users, _switching_saved
    with _switching_lock:
        if on:
            if _switching_users == 0:
                _switching_saved = sys.getswitchinterval()
                sys.setswitchinterval(min(_switching_saved, SWITCH_INTERVAL))
            _switching_users += 1
        else:
            _switching_users -= 1
            if _switching_users == 0:
                sys.setswitchinterval(_switching_saved)


def quick_exit(code: int, streams: Iterable[Any]) -> NoReturn:
    """For a command that has finished (not the watcher): leave without the interpreter's
    teardown, which frees every object and module one by one (pandas and numpy among them) and
    took 60-80 ms of a run whatever the tracker's size. What the teardown would still do that
    matters is done first: the output `streams` (the CLI's stdout and stderr) flushed and the
    log handlers closed. Every file the program writes is closed by then (`with` blocks), and
    helper processes are reaped. The CLI has flushed and checked the streams already; output that
    fails only here (a full disk) still makes the exit code 1, never 0 with the output cut short."""
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
    logging.shutdown()
    os._exit(code)


def one_shot_gc() -> None:
    """For a command that runs once and exits (not the watcher): no cyclic garbage collection.
    Such a run makes millions of short-lived cell objects and no cycles worth collecting before
    it exits; the collector would only rescan them (about 5% of a refresh)."""
    gc.disable()


# A piece of work whose inputs are ready (the scan of the sheet's XML during the imports, the
# last 45% of the scripts, the Today sheet) is done in a forked copy of the process, on the
# second core, while this one goes on (Beside). Threads cannot do this: scanning, rendering and
# building XML hold the GIL. The copy shares this process's memory until either writes to it,
# so nothing is sent to it; its result comes back through an unlinked temporary file, pickled
# or as a stream of blocks. Each page either process writes to while both live is copied first
# (about 2 us), so a split in two never halves the time. On a 10,000-row tracker the three take
# about 13% off a refresh (docs/benchmarks.md). Only where it is safe and pays:
# - one-shot commands, which call allow_helpers() (the watcher does not);
# - Linux (fork is the only way to share the memory; macOS frameworks are not fork-safe);
# - two or more CPUs this process may use, or the copy would only take turns with it;
# - no other thread in the process: a fork copies only the calling thread, so a lock another
#   thread held would stay locked in the copy. numpy's BLAS starts a thread when imported
#   unless told not to (allow_helpers does; a refresh does no linear algebra).
# Whatever goes wrong in the copy (an error, a crash, a kill, no answer in HELPER_TIMEOUT), the
# work is done again here: the result is the same, only later. The copy never writes a file
# of the user's, prints or logs: it ends with os._exit, so no buffer it inherited is flushed twice.
HELPER_TIMEOUT = 120.0      # seconds to wait for a copy before doing its work here
HELPER_MIN_ROWS = 1000      # rows of work below which a fork (about 5 ms) costs more than it saves
HELPER_MIN_BYTES = 100_000  # the same for a workbook's size on disk (about 1,000 tracker rows)

_helpers_allowed = False


_running: set[int] = set()   # the helper processes working now


def stop_helpers() -> None:
    """For an interrupt that ends the program now (console.py): the helper processes end too,
    rather than finish work nobody will take."""
    for pid in list(_running):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def worth_rows(rows: int) -> bool:
    """Whether work on this many rows pays for a helper process."""
    return rows >= HELPER_MIN_ROWS


def worth_bytes(size: int) -> bool:
    """Whether reading ahead a workbook of this size pays for a helper process."""
    return size >= HELPER_MIN_BYTES


def allow_helpers(on: bool = True) -> None:
    """Let `Beside` fork (for one-shot commands; see above). Call before numpy is imported."""
    global _helpers_allowed
    _helpers_allowed = on
    if on and "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def helpers_usable() -> bool:
    """Whether a `Beside` started now would fork."""
    if not _helpers_allowed or sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2 and len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


class Beside(Generic[T]):
    """`work(*args)`, done in a forked copy of this process when it is `worth` it (worth_rows,
    worth_bytes) and `helpers_usable()`; else, or if the copy fails, done here when
    `result()` is asked for. `work` must be pure: no output, no files of the user's, no change
    another part of the program could see. Use as a context manager, so that a copy nobody
    waits for is stopped and its temporary file let go of."""

    def __init__(self, work: Callable[..., T], *args: Any, worth: bool):
        self.work, self.args = work, args
        self.pid: int | None = None
        self._out: Any = None
        self._done = -1
        if worth and helpers_usable():
            self._start()
        self.forked = self.pid is not None

    def _start(self) -> None:
        try:
            out = tempfile.TemporaryFile()
        except OSError:
            return
        r, w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            out.close()
            os.close(r)
            os.close(w)
            return
        if pid == 0:
            self._child(out.fileno(), r, w)
        os.close(w)
        self.pid, self._out, self._done = pid, out, r
        _running.add(pid)
        log.debug("%s: working in helper process %d", self.work.__name__, pid)

    def _child(self, out: int, r: int, w: int) -> None:
        code = 1
        try:
            os.close(r)
            signal.signal(signal.SIGINT, signal.SIG_DFL)   # Ctrl-C ends the copy at once
            sizes = self._send(out, self.work(*self.args))
            os.write(w, b"".join(n.to_bytes(8, "little") for n in sizes))
            code = 0
        finally:
            os._exit(code)

    _ANSWER = 1   # numbers the copy sends back when done (see _send)

    def _send(self, out: int, value: T) -> list[int]:
        """In the copy: write `value` to the file `out`; the sizes to send back."""
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        _write_at(out, data, 0)
        return [len(data)]

    def _receive(self, sizes: list[int]) -> T:
        return pickle.loads(_read_at(self._out.fileno(), sizes[0], 0))

    def result(self) -> T:
        if self.pid is not None:
            sizes = self._answer()
            try:
                if sizes is not None:
                    return self._receive(sizes)
            except Exception:   # a copy killed halfway through writing: the work is done here
                pass
            finally:
                self._reap()
            log.debug("%s: the helper process gave no result; done here instead", self.work.__name__)
        return self._here()

    def _here(self) -> T:
        """The work, done in this process."""
        return self.work(*self.args)

    def _answer(self) -> list[int] | None:
        ready, _, _ = select.select([self._done], [], [], HELPER_TIMEOUT)
        if not ready:
            return None
        want = 8 * self._ANSWER
        got = os.read(self._done, want)
        if len(got) != want:
            return None
        return [int.from_bytes(got[i:i + 8], "little") for i in range(0, want, 8)]

    def _reap(self) -> None:
        """Stop the copy if it still runs, and wait for it to end."""
        pid, self.pid = self.pid, None
        if pid is None:
            return
        _running.discard(pid)
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == 0:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        finally:
            os.close(self._done)

    def close(self) -> None:
        """Stop the copy if it still runs, and let go of its file."""
        self._reap()
        if self._out is not None:
            self._out.close()
            self._out = None

    def __enter__(self) -> Beside[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class BesideStream(Beside[tuple[Any, Iterable[bytes]]]):
    """A `Beside` whose work gives (a small value, an iterable of bytes pieces): the copy writes
    the pieces to its file as they come, and `result()` gives them back read from it in blocks,
    so a big part (the Today sheet of a big tracker) is never whole in memory."""

    _ANSWER = 2

    def _send(self, out: int, value: tuple[Any, Iterable[bytes]]) -> list[int]:
        small, pieces = value
        pos = 0
        for piece in pieces:
            pos = _write_at(out, piece, pos)
        data = pickle.dumps(small, protocol=pickle.HIGHEST_PROTOCOL)
        _write_at(out, data, pos)
        return [pos, len(data)]

    def _receive(self, sizes: list[int]) -> tuple[Any, Iterable[bytes]]:
        stream, size = sizes
        small = pickle.loads(_read_at(self._out.fileno(), size, stream))
        return small, self._blocks(self._out.fileno(), stream)

    @staticmethod
    def _blocks(fd: int, size: int) -> Iterator[bytes]:
        pos = 0
        while pos < size:
            block = os.pread(fd, min(STREAM_BLOCK, size - pos), pos)
            if not block:
                raise OSError(f"the helper's file ended at {pos} of {size} bytes")
            pos += len(block)
            yield block


class BesideList(Beside[list]):
    """A `Beside` whose work yields a long list in slices: the copy pickles each slice as it is
    made, so it never holds the whole list and its pickle at once (a helper's peak memory counts
    as the program's)."""

    def __init__(self, work: Callable[..., Iterable[list]], *args: Any, worth: bool):
        super().__init__(work, *args, worth=worth)   # type: ignore[arg-type]  # its slices, joined by result()

    def _send(self, out: int, value: Iterable[list]) -> list[int]:
        pos = 0
        for part in value:
            pos = _write_at(out, pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL), pos)
        return [pos]

    def _receive(self, sizes: list[int]) -> list:
        whole: list = []
        with os.fdopen(os.dup(self._out.fileno()), "rb") as fh:
            while fh.tell() < sizes[0]:
                whole.extend(pickle.load(fh))
            if fh.tell() != sizes[0]:
                raise OSError("the helper's slices do not end where it said")
        return whole

    def _here(self) -> list:
        return [item for part in self.work(*self.args) for item in part]


def _write_at(fd: int, data: bytes, pos: int) -> int:
    """Write all of `data` at `pos`; the position after it."""
    view = memoryview(data)
    while view:
        n = os.pwrite(fd, view, pos)
        view, pos = view[n:], pos + n
    return pos


def _read_at(fd: int, size: int, pos: int) -> bytearray:
    data = bytearray()
    while len(data) < size:
        part = os.pread(fd, size - len(data), pos + len(data))
        if not part:
            raise OSError(f"the helper's file ended at {len(data)} of {size} bytes")
        data += part
    return data
