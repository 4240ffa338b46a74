"""A quick look before a costly pattern, for the plan's readers of notes: the literal pieces every
match of a compiled pattern must hold, worked out once from the pattern's own parse, and looked
for with `in` in lower-cased ASCII text. Text that holds none of them cannot match, and the
pattern is not run; other text (and text outside ASCII) goes to the pattern as before."""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Iterator
from typing import Any, NamedTuple

from . import patterncache

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


_NOTHING = frozenset({""})


class _Known(NamedTuple):
    """What is known of every match of a piece of pattern, as lower-cased ASCII text: the strings
    it is exactly (if only a few; else None), begins with, ends with, and the sets of pieces it
    holds one of each (`_NOTHING`: nothing known)."""
    exact: _Pieces | None
    starts: _Pieces
    ends: _Pieces
    needs: _Needs


def _joined(left: _Pieces, right: _Pieces) -> _Pieces | None:
    return frozenset(a + b for a in left for b in right) if len(left) * len(right) <= _MOST else None


def _sequence(items: Any) -> _Known:
    groups: list[_Pieces] = []
    run: _Pieces = _NOTHING         # the text since the last piece not known exactly
    starts: _Pieces | None = None
    for op, av in items:
        known = _node(op, av)
        if known.exact is not None:
            longer = _joined(run, known.exact)
            if longer is not None:
                run = longer
                continue
            groups.append(run)
            run = known.exact
            starts = starts if starts is not None else _NOTHING
            continue
        # the text so far runs on into the start of this piece, and its end into what follows
        into = _joined(run, known.starts)
        groups += [into if into is not None else run, *known.needs]
        if starts is None:
            starts = into if into is not None else run
        run = known.ends
    groups.append(run)
    if starts is None:       # every piece known exactly
        return _Known(run, run, run, _needs(groups))
    return _Known(None, starts, run, _needs(groups))


def _node(op: Any, av: Any) -> _Known:
    if op is _c.LITERAL:
        # (as lower-cased ASCII text holds it; no ASCII text holds a Chinese letter)
        form = _ascii_form(chr(av))
        found = frozenset({form}) if form is not None else frozenset()
        return _Known(found, found, found, (found,))
    if op is _c.SUBPATTERN:
        return _sequence(av[-1])
    if op is _c.BRANCH:
        results = [_sequence(branch) for branch in av[1]]

        def union(sets: list[_Pieces]) -> _Pieces:
            joined = frozenset().union(*sets)
            return joined if len(joined) <= _MOST and "" not in joined else _NOTHING
        exacts = [r.exact for r in results if r.exact is not None]
        exact = frozenset().union(*exacts) if len(exacts) == len(results) and sum(map(len, exacts)) <= _MOST \
            else None
        starts, ends = union([r.starts for r in results]), union([r.ends for r in results])
        if exact is not None and "" not in exact:
            return _Known(exact, exact, exact, (exact,))
        # one set for the whole: each alternative's rarest
        needs = (frozenset().union(*(r.needs[0] for r in results)),) if all(r.needs for r in results) else ()
        return _Known(exact, starts, ends, needs)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, item = av
        known = _sequence(item)
        if low == high == 1:
            return known
        if low == 0 and high == 1 and known.exact is not None:
            return _Known(known.exact | {""}, _NOTHING, _NOTHING, ())
        if low >= 1:
            return _Known(None, known.starts, known.ends, known.needs)
        return _Known(None, _NOTHING, _NOTHING, ())
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _Known(_NOTHING, _NOTHING, _NOTHING, ())       # takes no text: the pieces on either side stay joined
    return _Known(None, _NOTHING, _NOTHING, ())


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
    when nothing is known. Kept from earlier runs of this code (`patterncache`)."""
    return patterncache.remembered("screens", _stamp(), (pattern.pattern, pattern.flags), lambda: _pieces(pattern))


@functools.cache
def _stamp() -> str | None:
    return patterncache.source_stamp(sys.modules[__name__])


def _pieces(pattern: re.Pattern[str]) -> Alternatives | None:
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        found = [_sequence(alternative).needs for alternative in _alternatives(list(parsed))]
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



def _passes(screen: tuple[tuple[str, ...], Alternatives], low: str) -> bool:
    """Whether lower-cased ASCII text holds, for some alternative, a piece of each of its sets."""
    first, alternatives = screen
    holds = low.__contains__      # (`map` over it: a quarter quicker than a generator)
    if not any(map(holds, first)):
        return False
    for needs in alternatives:
        for group in needs:
            if not any(map(holds, group)):
                break
        else:
            return True
    return False


# Working out the pieces costs about as much as compiling the pattern (about 1 ms), or as the
# pattern's reading some 4,000 characters of notes; so a pattern reads its first 8,000 characters
# unscreened, and a tracker whose notes are few or short never pays for it. A screen that most
# text passes costs more than it saves (each piece is looked for, then the pattern runs anyway):
# one that passed more than half of its first looks is left off.
UNSCREENED = 8000
TRIAL = 256
# the most texts whose answers a screen keeps (about 100 bytes each)
KEPT_ANSWERS = 100_000


class Screened:
    """`pattern` with the quick look first: `search`, `match`, `finditer` and `sub` answer as the
    pattern does, and text in ASCII that holds none of its pieces is not searched at all.
    `unscreened`: the characters read before the pieces are worked out; `trial`: the looks after which
    a screen that passed most text is left off (None: never)."""

    def __init__(self, pattern: re.Pattern[str], unscreened: int = UNSCREENED, trial: int | None = TRIAL):
        self.pattern = pattern
        self._unscreened = unscreened
        self._trial = trial
        self._looks = self._passed = 0
        # (each alternative's rarest set together, the alternatives), or None: no screen. One
        # attribute, set whole, so a reader on another thread never sees half of it.
        self._screen: tuple[tuple[str, ...], Alternatives] | None = None
        # each text's answer: the readers ask the same pattern of the same clause or note again
        # (another reader, another row with the same note, a note read again from another day)
        self._answers: dict[str, bool] = {}
        if not unscreened:
            self._work_out()

    @property
    def pieces(self) -> Alternatives | None:
        return self._screen[1] if self._screen is not None else None

    def _work_out(self) -> None:
        found = pieces(self.pattern)
        if found is not None:
            # each alternative's rarest set, together: most text holds none of them
            self._screen = tuple(dict.fromkeys(p for needs in found for p in needs[0])), found

    def may_match(self, text: str) -> bool:
        if self._unscreened > 0:
            self._unscreened -= len(text)
            if self._unscreened <= 0:
                self._work_out()
            return True
        screen = self._screen
        if screen is None:
            return True
        known = self._answers.get(text)
        if known is not None:
            return known
        if not text.isascii():
            return True
        passed = _passes(screen, text.lower())
        if self._trial is not None and self._looks < self._trial:
            self._looks += 1
            self._passed += passed
            if self._looks == self._trial and 2 * self._passed > self._trial:
                self._screen = None
        if len(self._answers) < KEPT_ANSWERS:
            self._answers[text] = passed
        return passed

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.pattern.search(text, *args) if self.may_match(text) else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self.pattern.match(text, *args) if self.may_match(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, *args) if self.may_match(text) else iter(())

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return self.pattern.sub(repl, text, count) if self.may_match(text) else text


# (by the pattern's id: hashing a compiled pattern hashes its whole program, 3-5 µs for these,
# asked per note; each entry keeps its pattern alive, so an id is never reused)
_SCREENED: dict[int, Screened] = {}


def screened(pattern: re.Pattern[str]) -> Screened:
    """`pattern` with its quick look, made once per pattern: for patterns that live as long as
    the program (a module's, or one a cached function compiled)."""
    found = _SCREENED.get(id(pattern))
    if found is None:
        found = _SCREENED[id(pattern)] = Screened(pattern)
    return found
