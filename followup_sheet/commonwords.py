"""Whether a word is a common word of a Latin-script language the reader knows (wordfreq's word
lists), so that a word one or two letters from a listed one is taken for itself, not for a typo of
it: German "offen" (open) is no "offer" mistyped, a "Contractor" header no "Contacto"; "rejcted"
and "Comapny" are no language's words. Imports nothing of the package."""

from __future__ import annotations

import functools

# the Latin-script languages the reader knows (`statements.LANGUAGES`)
_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")
# this common (Zipf scale: once per million words) in one of them
_COMMON_ZIPF = 3.0


@functools.cache
def common_word(token: str) -> bool:
    """Whether `token` (one lower-case word) is a common word of one of those languages."""
    from wordfreq import zipf_frequency
    return any(zipf_frequency(token, code, wordlist="small") >= _COMMON_ZIPF for code in _LANGUAGES)
