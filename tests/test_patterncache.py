"""The patterns' cache (followup_sheet/patterncache.py): a pattern whose program comes from the
cache matches as the one Python compiles; a damaged, stale or foreign cache is not used and
changes no answer; a refresh writes the same bytes with no cache, a warm one and a damaged one."""

from __future__ import annotations

import marshal
import re
import shutil
import zlib
from pathlib import Path

import pytest

from followup_sheet import literalscreen, patterncache
from tests.conftest import run_cli_process

FIXTURES = Path(__file__).parent / "fixtures"

# patterns with what a program holds: named and numbered groups, flags set inside and outside,
# look-arounds, classes, repeats, back references and text outside ASCII
PATTERNS = [
    (r"(?P<day>\d{1,2})[/.](?P<month>\d{1,2})(?:[/.](\d{2,4}))?", 0),
    (r"\b(?:call(?:ed)?|rang|phoned)\s+(?:me|us)\b", re.IGNORECASE),
    (r"(?i)(?<![\w'-])(?:nächste[nrs]?|próxim[oa])\s+(?P<unit>woche|semana)\b", 0),
    (r"^(\w+)\s+\1$", re.MULTILINE),
    (r"[\u4e00-\u9fff]+|[가-힣]+|\d+\s*月", 0),
    (r"(?s)a.*?b(?=c)|x{2,5}?y", re.VERBOSE),
]
TEXTS = ["on 3/12/2026 they called me", "Rang us back", "nächsten Woche", "la próxima semana", "word word\nab",
         "面试在12月", "연락 3 月", "axxxbc xxxy", "", "ſ call ME", "11.4 und 5/6/27"]


def _matches(pattern: re.Pattern[str]) -> list:
    return [(pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex),
             [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)],
             pattern.sub("#", text)) for text in TEXTS]


def _compiled(environ: dict[str, str]) -> list[re.Pattern[str]]:
    re.purge()    # (re's own cache would answer before the compiler is asked)
    with patterncache.kept(environ):
        return [re.compile(p, f) for p, f in PATTERNS]


def _expected() -> list:
    re.purge()
    return [_matches(re.compile(p, f)) for p, f in PATTERNS]


@pytest.fixture
def environ(tmp_path):
    return {"XDG_CACHE_HOME": str(tmp_path / "cache"), "LOCALAPPDATA": str(tmp_path / "cache"),
            "HOME": str(tmp_path)}


def _file(environ) -> Path:
    path = patterncache.cache_path(environ)
    assert path is not None
    return path


def _no_parsing(monkeypatch):
    """Compiling a pattern now fails: what is compiled came from the cache."""
    def refuse(*args, **kwargs):
        raise AssertionError("parsed: the program did not come from the cache")
    monkeypatch.setattr(patterncache._parser, "parse", refuse)


def test_a_program_from_the_cache_matches_as_python_compiles_it(environ, monkeypatch):
    expected = _expected()
    assert [_matches(p) for p in _compiled(environ)] == expected
    assert _file(environ).is_file()
    with monkeypatch.context() as m:
        _no_parsing(m)
        from_cache = _compiled(environ)
    assert [_matches(p) for p in from_cache] == expected


def test_outside_a_command_python_compiles_as_usual(environ):
    assert re._compiler.compile is patterncache._original      # type: ignore[attr-defined]
    with patterncache.kept(environ):
        assert re._compiler.compile is patterncache._compile    # type: ignore[attr-defined]
    assert re._compiler.compile is patterncache._original       # type: ignore[attr-defined]


def _rewrite_all(environ, change) -> None:
    """The kept programs passed through `change(entries) -> entries`."""
    path = _file(environ)
    form, sections = marshal.loads(path.read_bytes())
    stamp, entries, ages = sections["programs"]
    sections["programs"] = (stamp, change(entries), ages)
    path.write_bytes(marshal.dumps((form, sections)))


def _rewrite(environ, change, with_key: bool = False) -> None:
    """Each kept program's stored bytes passed through `change([key,] stored) -> stored`."""
    _rewrite_all(environ, lambda entries: {key: change(key, body) if with_key else change(body)
                                           for key, body in entries.items()})


def _checked(key, body: bytes) -> bytes:
    return zlib.crc32(body, zlib.crc32(repr(key).encode())).to_bytes(4, "little") + body


@pytest.mark.parametrize("damage", [
    pytest.param(lambda path: path.write_bytes(b""), id="empty"),
    pytest.param(lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]), id="cut"),
    pytest.param(lambda path: path.write_bytes(b"\x00garbage" * 100), id="garbage"),
    pytest.param(lambda path: path.write_bytes(marshal.dumps((999, {}))), id="another format"),
])
def test_a_damaged_file_is_not_used_and_is_written_again(environ, damage):
    expected = _expected()
    _compiled(environ)
    damage(_file(environ))
    assert [_matches(p) for p in _compiled(environ)] == expected
    # written again whole: the next run takes every program from it
    assert {key for key, _ in marshal.loads(_file(environ).read_bytes())[1]["programs"][1].items()} \
        >= set(PATTERNS)


def test_a_program_changed_on_disk_is_not_used(environ):
    """A flipped byte inside a program (its checksum no longer matches), or a program that Python
    refuses (its checksum written to match): the pattern is compiled again, and answers the same."""
    expected = _expected()
    _compiled(environ)

    def flipped(stored: bytes) -> bytes:
        return stored[:-3] + bytes([stored[-3] ^ 0x20]) + stored[-2:]
    _rewrite(environ, flipped)
    assert [_matches(p) for p in _compiled(environ)] == expected

    def refused(key, stored: bytes) -> bytes:
        flags, code, groups, groupindex, indexgroup = marshal.loads(stored[4:])
        return _checked(key, marshal.dumps((flags, b"\xff\xff\xff\x7f" * 5, groups, groupindex, indexgroup)))
    _rewrite(environ, refused, with_key=True)

    def swapped(entries: dict) -> dict:
        """each program filed under the next pattern's key, its checksum as written"""
        keys = list(entries)
        return {key: entries[keys[(k + 1) % len(keys)]] for k, key in enumerate(keys)}
    _compiled(environ)
    _rewrite_all(environ, swapped)
    assert [_matches(p) for p in _compiled(environ)] == expected
    assert [_matches(p) for p in _compiled(environ)] == expected


def test_another_pythons_programs_are_not_used(environ, monkeypatch):
    _compiled(environ)
    monkeypatch.setattr(patterncache, "_PROGRAMS_STAMP", "3.99.0 (another)")
    parsed = []
    real_parse = patterncache._parser.parse
    monkeypatch.setattr(patterncache._parser, "parse", lambda *a: parsed.append(a) or real_parse(*a))
    _compiled(environ)
    assert len(parsed) == len(PATTERNS)


def test_a_screen_worked_out_by_other_code_is_not_used(environ, monkeypatch):
    """The literal screens are kept under a stamp of literalscreen.py's source: another source's
    screen (here one that no text passes) is worked out afresh."""
    pattern = re.compile(r"\b(?:rang|called)\s+back\b", re.IGNORECASE)
    with patterncache.kept(environ):
        right = literalscreen.pieces(pattern)
    assert right and any("back" in group for alternative in right for group in alternative)
    path = _file(environ)
    form, sections = marshal.loads(path.read_bytes())
    stamp, entries, ages = sections["screens"]
    wrong = (((),),)
    sections["screens"] = ("another source", {key: _checked(key, marshal.dumps(wrong)) for key in entries}, ages)
    path.write_bytes(marshal.dumps((form, sections)))
    with patterncache.kept(environ):
        assert literalscreen.pieces(pattern) == right
    # and under the running stamp the stored screen is what is used (so the stamp is what guards it)
    form, sections = marshal.loads(path.read_bytes())
    stamp, entries, ages = sections["screens"]
    sections["screens"] = (stamp, {key: _checked(key, marshal.dumps(wrong)) for key in entries}, ages)
    path.write_bytes(marshal.dumps((form, sections)))
    with patterncache.kept(environ):
        assert literalscreen.pieces(pattern) == wrong


def test_an_entry_no_run_uses_is_dropped(environ, monkeypatch):
    monkeypatch.setattr(patterncache, "KEPT_SAVES", 2)
    re.purge()
    with patterncache.kept(environ):
        re.compile(r"only once \d+")
    for n in range(4):
        re.purge()
        with patterncache.kept(environ):
            re.compile(rf"run {n} \d+")     # (each run adds one, so each run saves)
    kept = marshal.loads(_file(environ).read_bytes())[1]["programs"][1]
    assert (r"only once \d+", 0) not in kept
    assert (r"run 3 \d+", 0) in kept and (r"run 1 \d+", 0) in kept


@pytest.mark.parametrize("fixture", ["trial_tracker_es.xlsx", "trial_uk_career_change.xlsx"])
def test_a_refresh_writes_the_same_bytes_whatever_the_cache(tmp_path, monkeypatch, fixture):
    """No cache, then the cache that run left, then that cache with one byte of every entry
    changed (programs and screens): the same workbook. In a process of its own each time, as a
    user runs it, so that every pattern is compiled."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    environ = {"XDG_CACHE_HOME": str(cache)}
    written = []
    for step in ("none", "warm", "damaged"):
        if step == "damaged":
            path = _file(environ)
            form, sections = marshal.loads(path.read_bytes())
            for name, (stamp, entries, ages) in sections.items():
                sections[name] = (stamp, {key: body[:-1] + bytes([body[-1] ^ 1]) for key, body in entries.items()},
                                  ages)
            path.write_bytes(marshal.dumps((form, sections)))
        source = tmp_path / f"{step}.xlsx"
        shutil.copy(FIXTURES / fixture, source)
        result = run_cli_process("refresh", str(source), "--today", "2026-11-26", "--no-backup", "--output",
                         str(tmp_path / f"{step}-out.xlsx"), "-q")
        assert result.returncode == 0, result.stderr
        written.append((tmp_path / f"{step}-out.xlsx").read_bytes())
        assert _file(environ).is_file()
    assert written[0] == written[1] == written[2]
