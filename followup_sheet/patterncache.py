"""The compiled regular expressions of earlier runs, and what was worked out from them, kept in
the user's cache folder: Python compiles the same few hundred patterns on every start (about
0.1 s of a refresh), and most of that is parsing the pattern and building its program, which
depend only on the pattern's text, its flags and Python's version.

`kept()` wraps one command: while it runs, the standard library's pattern compiler takes a
pattern's program from the cache when it holds it, and the cache is saved (when the run added
to it) as the command ends. Outside it (the library called from a program, the tests) patterns
are compiled as usual. A cache that cannot be read, is damaged or was written by another Python
or another version of the readers is not used, and a program Python refuses is compiled again:
either is only slower, never another answer (tests/test_patterncache.py).
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import importlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

_compiler: Any
_parser: Any
_sre: Any
try:      # the standard library's pattern compiler (private; the same from 3.11 to 3.13)
    _compiler = importlib.import_module("re._compiler")
    _parser = importlib.import_module("re._parser")
    _sre = importlib.import_module("_sre")
    _MAGIC = importlib.import_module("re._constants").MAGIC
except (ImportError, AttributeError):       # pragma: no cover - another Python: no cache
    _compiler = None

_FORMAT = 2
# An entry no run has used for this many saves is dropped (a pattern made from a set's order, or
# from a temporary file's name, is new in every run); past this many entries the cache starts
# again with the run's own.
KEPT_SAVES = 16
MOST_ENTRIES = 5000
_T = TypeVar("_T")
# the regex program's code units, as Python's `_sre` keeps them (`CODESIZE`, 4 bytes)
_CODE = "I"


class _Cache:
    """The entries of the file at `path`, per section: {section: (stamp, {key: checksum and value
    as marshal keeps it}, {key: saves since it was last used})}. A section whose stamp is not the
    running one's is not used."""

    def __init__(self, path: Path | None):
        self.path = path
        self.sections: dict[str, tuple[str, dict[Any, bytes], dict[Any, int]]] = {}
        self.used: set[tuple[str, Any]] = set()
        self.added = False
        if path is not None:
            self.sections = _load(path)

    def get(self, section: str, stamp: str, key: Any) -> Any:
        """The value kept for `key`, or None (none kept, or damaged)."""
        kept = self.sections.get(section)
        self.used.add((section, key))
        if kept is None or kept[0] != stamp:
            return None
        found = kept[1].get(key)
        if not isinstance(found, bytes) or len(found) < 4:
            return None
        if _checksum(key, found[4:]) != found[:4]:
            return None
        try:
            return marshal.loads(found[4:])
        except (EOFError, ValueError, TypeError):
            return None

    def put(self, section: str, stamp: str, key: Any, value: Any) -> None:
        kept = self.sections.get(section)
        if kept is None or kept[0] != stamp:
            kept = self.sections[section] = (stamp, {}, {})
        try:
            body = marshal.dumps(value)
        except ValueError:       # pragma: no cover - a value marshal cannot keep: not kept
            return
        kept[1][key] = _checksum(key, body) + body
        self.added = True

    def save(self) -> None:
        if self.path is None or not self.added:
            return
        sections = {}
        for name, (stamp, entries, ages) in self.sections.items():
            ages = {key: 0 if (name, key) in self.used else ages.get(key, 0) + 1 for key in entries}
            sections[name] = (stamp, {k: v for k, v in entries.items() if ages[k] <= KEPT_SAVES},
                              {k: a for k, a in ages.items() if a <= KEPT_SAVES})
        if sum(len(entries) for _, entries, _ in sections.values()) > MOST_ENTRIES:
            sections = {name: (stamp, {k: v for k, v in entries.items() if not ages[k]}, {k: 0 for k in entries
                                                                                     if not ages[k]})
                        for name, (stamp, entries, ages) in sections.items()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps((_FORMAT, sections)))
            os.replace(temporary, self.path)    # a reader sees the old file or the new one
        except (OSError, ValueError):
            pass


def _checksum(key: Any, body: bytes) -> bytes:
    """The CRC of an entry's key and value: damage to either, or a value filed under another
    key, is seen."""
    # (the key's repr: marshal's bytes for the same key differ with how often its objects are referred to)
    return zlib.crc32(body, zlib.crc32(repr(key).encode("utf-8", "backslashreplace"))).to_bytes(4, "little")


def _load(path: Path) -> dict[str, tuple[str, dict[Any, bytes], dict[Any, int]]]:
    try:
        form, sections = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if form != _FORMAT or not isinstance(sections, dict):
        return {}
    return {name: kept for name, kept in sections.items()
            if isinstance(name, str) and isinstance(kept, tuple) and len(kept) == 3 and isinstance(kept[0], str)
            and isinstance(kept[1], dict) and isinstance(kept[2], dict)}


_cache: _Cache | None = None
# The running Python and its regex programs: another one (even a bug-fix release) starts afresh.
_PROGRAMS_STAMP = f"{sys.version}|{sys.implementation.cache_tag}|{_MAGIC if _compiler else ''}"


def cache_folder(environ: Mapping[str, str]) -> Path | None:
    """The program's folder of caches: under `$XDG_CACHE_HOME` or ~/.cache, `%LOCALAPPDATA%` on
    Windows; None when the environment names none."""
    if os.name == "nt":
        base = environ.get("LOCALAPPDATA", "")
    else:
        base = environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):
            home = environ.get("HOME", "")
            base = os.path.join(home, ".cache") if home else ""
    return Path(base) / "followup-sheet" if base else None


def cache_path(environ: Mapping[str, str]) -> Path | None:
    """Where the patterns' cache lives, in `cache_folder`."""
    folder = cache_folder(environ)
    return folder / f"patterns-{sys.implementation.cache_tag}.bin" if folder else None


def _compile(p: Any, flags: int = 0) -> Any:
    """The standard library's `re._compiler.compile`, with the program of a pattern text taken
    from the cache where it is, and put there where it is not."""
    cache = _cache
    if cache is None or not isinstance(p, str) or flags & _compiler.SRE_FLAG_DEBUG:
        return _original(p, flags)
    key = (p, int(flags))
    found = cache.get("programs", _PROGRAMS_STAMP, key)
    if found is not None:
        try:
            all_flags, packed, groups, names, numbers = found
            units = array.array(_CODE)
            units.frombytes(packed)
            return _sre.compile(p, all_flags, units.tolist(), groups, names, numbers)
        except Exception:   # (Python checks a program before it runs it) compiled afresh below
            pass
    parsed = _parser.parse(p, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    program = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    compiled = _sre.compile(p, *program)
    cache.put("programs", _PROGRAMS_STAMP, key, (program[0], array.array(_CODE, code).tobytes(), *program[2:]))
    return compiled


_original: Callable[..., Any] = _compiler.compile if _compiler else (lambda p, flags=0: None)
# (a platform whose unsigned int is not the 4 bytes of a code unit keeps no programs)
_USABLE = _compiler is not None and array.array(_CODE).itemsize == getattr(_sre, "CODESIZE", 0) == 4


@contextlib.contextmanager
def kept(environ: Mapping[str, str] | None = None) -> Iterator[None]:
    """Patterns compiled with the cache while the block runs; the cache saved as it ends."""
    global _cache
    if not _USABLE or _cache is not None:
        yield
        return
    _cache = _Cache(cache_path(os.environ if environ is None else environ))
    _compiler.compile = _compile
    try:
        yield
    finally:
        _compiler.compile = _original
        cache, _cache = _cache, None
        cache.save()


def remembered(section: str, stamp: str | None, key: Any, work_out: Callable[[], _T]) -> _T:
    """`work_out()`, or what it gave for `key` in an earlier run whose `stamp` was the same (the
    code that works it out: a hash of its source). Only while `kept()` runs; the value must be
    one marshal keeps (strings, numbers, tuples, lists, dicts, sets, None) and not None."""
    cache = _cache
    if cache is None or stamp is None:
        return work_out()
    found = cache.get(section, stamp, key)
    if found is not None:
        return found
    value = work_out()
    if value is not None:
        cache.put(section, stamp, key, value)
    return value


def source_stamp(*modules: Any) -> str | None:
    """A stamp of the modules' source files (their bytes' hash), or None when one cannot be read."""
    digest = hashlib.blake2b(digest_size=16)
    for module in modules:
        try:
            digest.update(Path(module.__file__).read_bytes())
        except (OSError, TypeError, AttributeError):
            return None
    return f"{_PROGRAMS_STAMP}|{digest.hexdigest()}"


def installed_stamp(package: str) -> str | None:
    """A stamp of an installed package (its path, modification time and size), found without
    importing it; None when it is not installed."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        return None
    try:
        info = os.stat(spec.origin)
    except OSError:
        return None
    return f"{spec.origin}|{info.st_mtime_ns}|{info.st_size}"
