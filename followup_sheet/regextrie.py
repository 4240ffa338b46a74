"""One regex for many words, as a tree of their shared beginnings ('rej(?:ect...)|re(?:scind...)'):
Python's regex engine tries an alternation branch by branch, at every place of a text, so a tree
that tries one branch per letter is many times quicker than a plain list of the words. Used by the
word lists (`plan.WordList`) and the table of negations (`negations.alternation`). Imports
nothing of the package."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def trie_regex(words: Iterable[Sequence[str]]) -> str:
    """The words, each a sequence of regex pieces (a letter escaped, a separator's class), as one
    regex sharing their beginnings; branches in the order the words first reach them. A word that
    ends where a longer one goes on makes the rest optional, so each matches only whole."""
    trie: dict = {}
    for tokens in words:
        node = trie
        for token in tokens:
            node = node.setdefault(token, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [token + pattern(child) for token, child in node.items() if token]
        optional = "" in node
        if not branches:
            return ""
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")
    return pattern(trie)
