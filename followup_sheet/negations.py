"""Plan stage, the words that deny what they stand by ("no offer yet", "keine Rückmeldung", "没有面试",
"面接なし"), one table per language the reader knows, for every reader of the notes: the stage words
(`plan`), the employer's contacts (`facts`), a step or outcome said in the notes (`notestage`) and the
dated statements (`statements`). It imports only `regextrie` of the package.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .regextrie import trie_regex

# Before what they deny, as whole words. Not Italian "mai" (never): it is also the French May, and
# "non" stands before it anyway ("non mi hanno mai chiamato"). English "n't" is `CONTRACTED`; its
# forms typed without the apostrophe ("didnt") are words here.
LATIN: dict[str, tuple[str, ...]] = {
    "en": ("no", "not", "never", "without", "didnt", "dont", "doesnt", "wasnt", "werent", "isnt", "arent",
           "havent", "hasnt", "hadnt", "wont", "cant", "couldnt", "wouldnt", "shouldnt"),
    "de": ("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "keinerlei", "nie", "niemals", "ohne"),
    "fr": ("pas", "jamais", "aucun", "aucune", "sans"),
    "es": ("no", "nunca", "jamás", "sin", "ningún", "ninguno", "ninguna"),
    "it": ("non", "nessun", "nessuno", "nessuna", "senza"),
    "pt": ("não", "nunca", "jamais", "sem", "nenhum", "nenhuma", "nem"),
    "nl": ("geen", "niet", "nooit", "zonder"),
    "pl": ("nie", "nigdy", "bez", "brak", "żaden", "żadna", "żadne", "żadnej", "żadnego", "żadnych", "żadnym"),
}
# One small word that may stand between a negation and what it denies: an article, "any", "yet"
# ("not yet interviewed", "nooit een aanbod", "pas encore d'offre": the elided article is the reader's)
BETWEEN: dict[str, tuple[str, ...]] = {
    "en": ("a", "an", "any", "the", "yet"),
    "de": ("ein", "eine", "einen", "einem", "noch"),
    "fr": ("un", "une", "des", "encore"),
    "es": ("un", "una", "todavía", "aún"),
    "it": ("un", "una", "uno", "ancora"),
    "pt": ("um", "uma", "ainda"),
    "nl": ("een", "nog"),
    "pl": ("jeszcze",),
}
# English's negation glued to its verb ("didn't", "won’t"), as a regex.
CONTRACTED = r"n['’]t"
# Chinese puts the negation before what it denies ("没有面试"); Japanese and Korean after ("面接なし",
# "면접 없음"), and Korean also right before a verb ("안 옴", "못 받음"). 不 also opens words that deny
# nothing (不错 "good", 不过 "but"): a reader that looks at a whole clause leaves it to `not_so` words.
EAST_ASIAN_BEFORE: dict[str, tuple[str, ...]] = {
    "zh": ("没有", "沒有", "没", "沒", "未", "无", "無", "不"),
}
# (as regexes: Korean 안 only as a word of its own, "안 옴", since it also opens 안내 "guide" and ends
# 제안 "offer")
EAST_ASIAN_AFTER: dict[str, tuple[str, ...]] = {
    "ja": ("ない", "なし", "無し", "なかった", "ません"),
    "ko": ("없", "않", "못", r"안(?=\s|$)(?<![\uac00-\ud7a3]안)"),
}


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@functools.cache
def latin_words() -> tuple[str, ...]:
    """Every Latin-script negation word of every language, each also without its accents (a note
    typed without them: "nao", "jamas", "zadnej"), longest first so an alternation takes the whole
    word."""
    words = {w for forms in LATIN.values() for w in forms}
    words |= {_bare(w) for w in words}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def latin() -> str:
    """A regex of one Latin-script negation: a listed word from its start (`\\b`), or the "n't" that
    ends a word (only its last letters: a `\\w*` before it would be tried at every letter of a
    note). What may follow it is the caller's."""
    return r"(?:\b" + alternation(latin_words()) + r"|" + CONTRACTED + ")"


def alternation(words: tuple[str, ...]) -> str:
    """An alternation of `words` as a tree of their letters ("n(?:o(?:t|n)?|ie)", `regextrie`):
    Python's regex engine then tries one branch per letter instead of every word at every place of
    a note. Each word still matches only whole from where it starts: a shorter one where no longer
    one goes on is the branch's last choice."""
    return trie_regex(tuple(re.escape(ch) for ch in word) for word in sorted(words))


@functools.cache
def between_words() -> tuple[str, ...]:
    """Every language's small words of `BETWEEN`, each also without its accents, longest first."""
    words = {w for forms in BETWEEN.values() for w in forms}
    words |= {_bare(w) for w in words}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def east_asian_before() -> str:
    """A regex of a negation written before what it denies (Chinese)."""
    return alternation(tuple(w for forms in EAST_ASIAN_BEFORE.values() for w in forms))


@functools.cache
def east_asian_after() -> str:
    """A regex of a negation written after what it denies (Japanese, Korean): its plain words as a
    tree of letters, then those written as a regex of their own."""
    forms = [w for forms in EAST_ASIAN_AFTER.values() for w in forms]
    plain = tuple(w for w in forms if re.escape(w) == w)
    return "|".join([alternation(plain), *(w for w in forms if re.escape(w) != w)])
