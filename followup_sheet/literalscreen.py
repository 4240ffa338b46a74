"""A quick look before a costly pattern, for the plan's readers of notes: the literal pieces every
match of a compiled pattern must hold, worked out once from the pattern's own parse, and looked
for with `in` in lower-cased ASCII text. Text that holds none of them cannot match, and the
pattern is not run; other text (and text outside ASCII) goes to the pattern as before."""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterator
from typing import Any

_parser: Any
_c: Any
try:      # the regex parser of the standard library (private, the same since 3.11); without it, no screen
    _parser = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
except ImportError:       # pragma: no cover
    _parser = None

# the most strings a set of alternatives may grow to while pieces are joined
_MOST = 64
_Pieces = frozenset[str]


def _best(candidates: list[_Pieces]) -> _Pieces | None:
    """The set to look for: the one whose shortest piece is longest (rarer in text), then the smallest."""
    usable = [c for c in candidates if c and all(c)]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _sequence(items: Any) -> tuple[_Pieces | None, _Pieces | None]:
    """(the strings the sequence matches exactly, if it matches only a few; a set of pieces one of
    which every match holds, or None)."""
    candidates: list[_Pieces] = []
    run: _Pieces | None = frozenset({""})
    whole = True
    for op, av in items:
        exact, needed = _node(op, av)
        if exact is not None and run is not None and len(run) * len(exact) <= _MOST:
            run = frozenset(a + b for a in run for b in exact)
            continue
        whole = False
        if run is not None:
            candidates.append(run)
        if needed is not None:
            candidates.append(needed)
        run = exact if exact is not None else frozenset({""})
    if run is not None:
        candidates.append(run)
    return (run if whole else None), _best(candidates)


def _node(op: Any, av: Any) -> tuple[_Pieces | None, _Pieces | None]:
    if op is _c.LITERAL:
        return frozenset({chr(av)}), frozenset({chr(av)})
    if op is _c.SUBPATTERN:
        return _sequence(av[-1])
    if op is _c.BRANCH:
        results = [_sequence(branch) for branch in av[1]]
        exacts = [e for e, _ in results if e is not None]
        exact = frozenset().union(*exacts) if len(exacts) == len(results) else None
        if exact is not None and len(exact) > _MOST:
            exact = None
        if exact is not None and all(exact):
            return exact, exact
        needs = [n for _, n in results if n is not None]
        return exact, (frozenset().union(*needs) if len(needs) == len(results) else None)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, item = av
        exact, needed = _sequence(item)
        if low == high == 1:
            return exact, needed
        if low == 0 and high == 1 and exact is not None:
            return exact | {""}, None
        return None, (needed if low >= 1 else None)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""}), None       # takes no text: the pieces on either side stay joined
    return None, None


@functools.cache
def _ascii_form(ch: str) -> str | None:
    """The lower-case ASCII letter a character outside ASCII matches when case is ignored ('ſ'
    matches 's', the Kelvin sign 'k'): one whose upper or lower case is that letter, or None."""
    for other in (ch.lower(), ch.upper()):
        if len(other) == 1 and other.isascii() and re.fullmatch(re.escape(ch), other, re.IGNORECASE):
            return other.lower()
    return None


def _in_ascii(piece: str) -> str | None:
    """`piece` as lower-cased ASCII text may hold it, or None when no ASCII text can."""
    out = []
    for ch in piece:
        form = ch.lower() if ch.isascii() else _ascii_form(ch)
        if form is None:
            return None
        out.append(form)
    return "".join(out)


def pieces(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-cased ASCII strings one of which every match of `pattern` in ASCII text holds (an
    empty tuple: it matches no ASCII text), or None when no such set is known."""
    if _parser is None:
        return None
    try:
        _, needed = _sequence(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:       # pragma: no cover - a form this reader does not know: no screen
        return None
    if needed is None:
        return None
    forms = {_in_ascii(p) for p in needed}
    # (a shorter piece inside a longer one is enough: "call" covers "called")
    kept = sorted({p for p in forms if p is not None}, key=len)
    return tuple(p for i, p in enumerate(kept) if not any(q in p for q in kept[:i]))


class Screened:
    """`pattern` with the quick look first: `search`, `match`, `finditer` and `sub` answer as the
    pattern does, and text in ASCII that holds none of its pieces is not searched at all."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.pieces = pieces(pattern)

    def may_match(self, text: str) -> bool:
        if self.pieces is None or not text.isascii():
            return True
        low = text.lower()
        return any(p in low for p in self.pieces)

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.pattern.search(text, *args) if self.may_match(text) else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self.pattern.match(text, *args) if self.may_match(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, *args) if self.may_match(text) else iter(())

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return self.pattern.sub(repl, text, count) if self.may_match(text) else text


@functools.lru_cache(maxsize=256)
def screened(pattern: re.Pattern[str]) -> Screened:
    """`pattern` with its quick look (made once per pattern)."""
    return Screened(pattern)
