"""Read stage and plan stage: Chinese written in traditional characters (Taiwan, Hong Kong) read
as the simplified characters the word lists hold. In: any text. Out: the same text with every
traditional character in simplified form (OpenCC's character table), nothing else changed."""
from __future__ import annotations

import functools
import re
from typing import Any

_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")


@functools.cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=65536)
def simplified(text: str, chinese: bool = False) -> str:
    """`text` with traditional Chinese characters written simplified ('應徵日期' -> '应征日期'); a
    text that is not traditional Chinese (no such character, or Japanese: kana, or kanji only as
    Japanese writes them, '最終連絡日') is returned as it is. Only for reading: what the user wrote
    is never changed in the workbook. `chinese`: convert whatever the text is (a header, matched
    against words folded the same way, or a note of a Chinese tracker: '下週三面試')."""
    if not _HAN.search(text) or not (chinese or (not _KANA.search(text) and written_chinese(text))):
        return text
    return str(_converter().convert(text))


@functools.cache
def _to_japanese():
    import opencc

    return opencc.OpenCC("t2jp")


@functools.lru_cache(maxsize=4096)
def written_chinese(text: str) -> bool:
    """Whether `text` holds a traditional Chinese character that Japanese writes otherwise (稱,
    應, 聯, 錄: Japanese writes 称, 応, 連, 録), so the text is Chinese, not Japanese; kanji
    Japanese shares with Chinese (電話, 進度) say nothing."""
    return bool(_HAN.search(text)) and str(_to_japanese().convert(text)) != text


# The forms of Chinese output: the settings' `[you] chinese` word -> OpenCC's conversion from the
# simplified characters the catalogues and templates are written in ("" and "simplified": none)
FORMS = {"simplified": "", "tw": "s2tw", "hk": "s2hk"}


@functools.cache
def _from_simplified(config: str):
    import opencc

    return opencc.OpenCC(config)


def in_form(text: str, form: str) -> str:
    """`text` (Chinese written in simplified characters) in the characters of `form`: "tw" as
    Taiwan writes them, "hk" as Hong Kong does (OpenCC's s2tw, s2hk: character by character, the
    words kept, so a company's name already written in traditional characters stays as it is);
    "" or "simplified" as it is."""
    config = FORMS.get(form or "simplified", "")
    if not config or not _HAN.search(text):
        return text
    return str(_from_simplified(config).convert(text))


def bytes_in_form(body: bytes, form: str) -> bytes:
    """A UTF-8 text file's bytes (a CSV, Markdown, HTML or calendar export) with its Chinese in
    the characters of `form` (`in_form`); as they are for simplified output."""
    if not FORMS.get(form or "simplified", ""):
        return body
    return in_form(body.decode("utf-8"), form).encode("utf-8")


def frame_in_form(frame: Any, form: str) -> Any:
    """A table's column names and text cells in the characters of `form` (`in_form`); numbers,
    dates and empty cells as they are."""
    if not FORMS.get(form or "simplified", ""):
        return frame
    converted = frame.rename(columns=lambda c: in_form(c, form) if isinstance(c, str) else c)
    for column in converted.columns:
        converted[column] = [in_form(v, form) if isinstance(v, str) else v for v in converted[column]]
    return converted


def written_traditional(texts) -> bool:
    """Whether Chinese `texts` (a tracker's headers and cells) are written in traditional
    characters: more of them hold a character only traditional writing has (one OpenCC's t2s
    changes) than hold one only simplified writing has (one its s2t changes)."""
    traditional = simplified_only = 0
    for text in texts:
        if not isinstance(text, str) or not _HAN.search(text) or _KANA.search(text):
            continue
        if str(_converter().convert(text)) != text:
            traditional += 1
        elif str(_from_simplified("s2t").convert(text)) != text:
            simplified_only += 1
    return traditional > simplified_only


def form_for(chinese: str, country: str) -> str:
    """The form of Chinese output the `[you] chinese` setting asks for: "traditional" as the
    country writes it (Hong Kong and Macau: "hk"; elsewhere Taiwan's "tw")."""
    if chinese == "traditional":
        return "hk" if country.upper()[:2] in ("HK", "MO") else "tw"
    return chinese
