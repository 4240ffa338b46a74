"""Read stage and plan stage: Chinese written in traditional characters (Taiwan, Hong Kong) read
as the simplified characters the word lists hold. In: any text. Out: the same text with every
traditional character in simplified form (OpenCC's character table), nothing else changed."""
from __future__ import annotations

import functools
import re

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
