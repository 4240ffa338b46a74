"""Zip output: members copied as they were, or streamed and compressed on a second thread
(the block sizes and levels it uses are in `tuning`, with why each pays).
"""

from __future__ import annotations

import hashlib
import queue
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator

from ..errors import NotAWorkbook
from ..tuning import FAST_LEVEL_FROM, STREAM_BLOCK, STREAM_QUEUE
from .package import Package
from .sheetxml import CHUNK


def compress_level(size: int) -> int:
    """Small parts compress well and quickly; big ones are written fast."""
    return 6 if size < FAST_LEVEL_FROM else 1


def write_stream(zf: zipfile.ZipFile, info: zipfile.ZipInfo, pieces: Iterable[bytes], old_digest: str | None) -> bool:
    """Write a part as it is made; True when it differs from the part whose digest is given.

    The part is made here and compressed on a second thread: zlib, CRC and SHA-256 let go of
    the GIL, so on two cores compressing costs next to nothing. Pieces are gathered into
    blocks of about `STREAM_BLOCK` bytes first, so the hand-over costs nothing either, and at
    most `STREAM_QUEUE` blocks wait, so memory stays flat."""
    digest = hashlib.sha256() if old_digest is not None else None
    info.compress_type = zipfile.ZIP_DEFLATED
    _set_level(info, 1)   # the big parts: fast beats a few percent smaller
    with zf.open(info, "w") as dst:
        def store(block: bytes) -> None:
            if digest is not None:
                digest.update(block)
            dst.write(block)
        blocks = _blocks(pieces, STREAM_BLOCK)
        first = next(blocks, None)
        second = next(blocks, None) if first is not None else None
        if first is None or second is None:   # a part of one block: a thread would cost more than it saves
            if first is not None:
                store(first)
        else:
            with _Background(store) as sink:
                sink.put(first)
                sink.put(second)
                for block in blocks:
                    sink.put(block)
    return digest is None or digest.hexdigest() != old_digest


def _blocks(pieces: Iterable[bytes], size: int) -> Iterator[bytes]:
    """The same bytes in blocks of at least `size` (the last may be smaller)."""
    gathered: list[bytes] = []
    n = 0
    for piece in pieces:
        gathered.append(piece)
        n += len(piece)
        if n >= size:
            yield b"".join(gathered)
            gathered, n = [], 0
    if gathered:
        yield b"".join(gathered)


class _Background:
    """Calls `work(item)` on a worker thread, in order, for each item `put`; leaving the `with`
    block waits for all of them, and an error in `work` is raised in the caller. When the block
    is left by an exception (Ctrl-C included) the items still queued are dropped, and the worker
    has always stopped before the block is left, so nothing writes to a closed file."""

    def __init__(self, work: Callable[[bytes], None]):
        self.work = work
        self.queue: queue.Queue = queue.Queue(maxsize=STREAM_QUEUE)
        self.error: BaseException | None = None
        self.abandoned = False
        self.thread = threading.Thread(target=self._run, name="followup-compress", daemon=True)

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None and not self.abandoned:
                try:
                    self.work(item)
                except BaseException as exc:   # kept for the caller; later items are dropped
                    self.error = exc

    def put(self, item: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(item)

    def __enter__(self) -> _Background:
        self.thread.start()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.abandoned = exc_type is not None
        interrupted: BaseException | None = None
        sent = False
        while self.thread.is_alive():
            try:
                if not sent:
                    self.queue.put(None)
                    sent = True
                self.thread.join()
            except BaseException as again:   # Ctrl-C meanwhile: stop the worker first, then raise
                interrupted = interrupted or again
                self.abandoned = True
        if interrupted is not None:
            raise interrupted
        if self.error is not None and exc_type is None:
            raise self.error


def _set_level(info: zipfile.ZipInfo, level: int) -> None:
    try:
        info.compress_level = level     # type: ignore[attr-defined]  # Python 3.13+, unknown to 3.11 stubs
    except AttributeError:
        info._compresslevel = level     # type: ignore[attr-defined]  # Python 3.11-3.12, private


def digest_of_part(pkg: Package, name: str) -> str:
    digest = hashlib.sha256()
    with pkg.zip.open(name) as src:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def copy_member(pkg: Package, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    copy = info_like(info)
    try:
        with pkg.zip.open(info) as src, zf.open(copy, "w") as dst:
            while chunk := src.read(CHUNK):
                dst.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise NotAWorkbook(f"{pkg.path}: part {info.filename} is damaged ({exc}); open the file in Excel, "
                           "which can often repair it, and save a copy") from None


def new_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def info_like(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = info.compress_type if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) \
        else zipfile.ZIP_DEFLATED
    copy.external_attr = info.external_attr
    copy.create_system = info.create_system
    return copy

