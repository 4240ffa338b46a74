"""Two of the plan stage's speed tricks, each timed against the plain code it replaced, in turns
(median of `--runs`): the word lists' trie regexes (plan._trie_regex) and the stage words worked
out once per distinct text (plan._per_value, pandas.factorize).

    python benchmarks/tricks_bench.py [--rows 10000] [--runs 7]

The texts are a tracker's Status and Response cells as benchmarks/make_trackers.py draws them.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_trackers import _RESPONSES, STATUS_WEIGHTS  # noqa: E402

from followup_sheet import plan  # noqa: E402
from followup_sheet.settings import Settings  # noqa: E402


def stage_texts(rows: int, seed: int = 0) -> pd.Series:
    rng = random.Random(seed)
    stages, stage_weights = zip(*STATUS_WEIGHTS)
    responses, response_weights = zip(*_RESPONSES)
    return pd.Series([f"{rng.choices(stages, stage_weights)[0]} {rng.choices(responses, response_weights)[0]}".strip()
                      for _ in range(rows)], dtype=object)


def plain_alternation(words: tuple[str, ...]) -> re.Pattern:
    """The word list as one alternative per word, the look-behind shared: the regex before the trie."""
    tokens = ["".join(plan._word_tokens(w)) for w in dict.fromkeys(plan.normalise(w) for w in words) if w]
    return re.compile(rf"(?<!{plan._LATIN_WORD_CHAR})(?:" + "|".join(tokens) + ")")


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    settings = Settings()
    texts = stage_texts(args.rows)
    lows = [plan.normalise(t) for t in texts]
    lists = [getattr(settings, name) for name in plan._STAGE_FIELDS]
    trie = [plan.word_list(tuple(words))._latin for words in lists]
    plain = [plain_alternation(tuple(words)) for words in lists]

    def search_all(patterns):
        return lambda: [[p.search(low) for p in patterns] for low in lows]

    def per_row():
        return pd.Series([plan.stage_of(v, settings) for v in texts], index=texts.index)

    def per_value():
        return plan.classify_stage(texts, settings)

    assert per_row().equals(per_value())
    pairs = {"trie regexes (every row, every stage list)": (search_all(trie), search_all(plain)),
             "stage per distinct text (factorize)": (per_value, per_row)}
    print(f"{args.rows} rows, {texts.nunique()} distinct stage texts, median of {args.runs} runs in turns")
    for name, (trick, without) in pairs.items():
        with_times, without_times = [], []
        for _ in range(args.runs):
            with_times.append(timed(trick))
            without_times.append(timed(without))
        a, b = statistics.median(with_times) * 1000, statistics.median(without_times) * 1000
        print(f"  {name}: {a:.1f} ms with, {b:.1f} ms without ({b / a:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
