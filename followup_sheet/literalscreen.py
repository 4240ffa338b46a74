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
# pieces every match holds: one of each set (the rarest set first)
_Needs = tuple[_Pieces, ...]


def _rarity(group: _Pieces) -> float:
    """How likely text is to hold one of the pieces by chance (each taken as letters drawn at
    random, one of 27 per character): the least likely set is looked for first. An empty set,
    which no ASCII text holds, comes before any."""
    return sum(27.0 ** -len(p) for p in group)


def _needs(groups: list[_Pieces]) -> _Needs:
    usable = {g for g in groups if "" not in g}
    return tuple(sorted(usable, key=lambda g: (_rarity(g), sorted(g))))


def _sequence(items: Any) -> tuple[_Pieces | None, _Needs]:
    """(the strings the sequence matches exactly, if it matches only a few; the sets of pieces
    every match holds one of each)."""
    groups: list[_Pieces] = []
    run: _Pieces = frozenset({""})
    whole = True
    for op, av in items:
        exact, needs = _node(op, av)
        if exact is not None and len(run) * len(exact) <= _MOST:
            run = frozenset(a + b for a in run for b in exact)
            continue
        whole = False
        groups += [run, *needs]
        run = exact if exact is not None else frozenset({""})
    groups.append(run)
    return (run if whole else None), _needs(groups)


def _node(op: Any, av: Any) -> tuple[_Pieces | None, _Needs]:
    if op is _c.LITERAL:
        # (as lower-cased ASCII text holds it; no ASCII text holds a Chinese letter)
        form = _ascii_form(chr(av))
        found = frozenset({form}) if form is not None else frozenset()
        return found, (found,)
    if op is _c.SUBPATTERN:
        return _sequence(av[-1])
    if op is _c.BRANCH:
        results = [_sequence(branch) for branch in av[1]]
        exacts = [e for e, _ in results if e is not None]
        exact = frozenset().union(*exacts) if len(exacts) == len(results) and sum(map(len, exacts)) <= _MOST \
            else None
        if exact is not None and "" not in exact:
            return exact, (exact,)
        # one set for the whole: each alternative's rarest
        if all(needs for _, needs in results):
            return exact, (frozenset().union(*(needs[0] for _, needs in results)),)
        return exact, ()
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, item = av
        exact, needs = _sequence(item)
        if low == high == 1:
            return exact, needs
        if low == 0 and high == 1 and exact is not None:
            return exact | {""}, ()
        return None, (needs if low >= 1 else ())
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""}), ()       # takes no text: the pieces on either side stay joined
    return None, ()


def _alternatives(items: Any) -> list[Any]:
    """The pattern's top-level alternatives (`a|b`, also `\\b(?:a|b)` as the parser leaves it)."""
    branches = [av for op, av in items if op is _c.BRANCH]
    rest = [op for op, _ in items if op is not _c.BRANCH]
    if len(branches) == 1 and all(op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT) for op in rest):
        return [[*[(op, av) for op, av in items if op is not _c.BRANCH], *branch] for branch in branches[0][1]]
    return [items]


@functools.cache
def _ascii_form(ch: str) -> str | None:
    """The character as lower-cased ASCII text holds it: an ASCII one lower-cased, one outside
    ASCII as the ASCII letter it matches when case is ignored ('ſ' matches 's', the Kelvin sign
    'k'), or None when no ASCII character matches it."""
    if ch.isascii():
        return ch.lower()
    for other in (ch.lower(), ch.upper()):
        if len(other) == 1 and other.isascii() and re.fullmatch(re.escape(ch), other, re.IGNORECASE):
            return other.lower()
    return None


Alternatives = tuple[tuple[tuple[str, ...], ...], ...]


def pieces(pattern: re.Pattern[str]) -> Alternatives | None:
    """What every match of `pattern` in ASCII text holds, as lower-cased ASCII strings: for some
    alternative, a piece of each of its sets (an empty tuple: it matches no ASCII text); None
    when nothing is known."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        found = [_sequence(alternative)[1] for alternative in _alternatives(list(parsed))]
    except Exception:       # pragma: no cover - a form this reader does not know: no screen
        return None
    if not all(found):
        return None
    alternatives = []
    for needs in found:
        if not all(needs):      # (a set no ASCII text holds: the alternative cannot match)
            continue
        groups = []
        for group in needs:
            # (a shorter piece inside a longer one is enough: "call" covers "called")
            kept = sorted(group, key=lambda p: (len(p), p))
            groups.append(tuple(p for i, p in enumerate(kept) if not any(q in p for q in kept[:i])))
        alternatives.append(tuple(groups))
    return tuple(alternatives)


class Screened:
    """`pattern` with the quick look first: `search`, `match`, `finditer` and `sub` answer as the
    pattern does, and text in ASCII that holds none of its pieces is not searched at all."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.pieces = pieces(pattern)
        # each alternative's rarest set, together: most text holds none of them
        self._first = tuple(dict.fromkeys(p for needs in self.pieces or () for p in needs[0]))

    def may_match(self, text: str) -> bool:
        if self.pieces is None or not text.isascii():
            return True
        low = text.lower()
        if not any(p in low for p in self._first):
            return False
        for needs in self.pieces:
            for group in needs:
                if not any(p in low for p in group):
                    break
            else:
                return True
        return False

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
