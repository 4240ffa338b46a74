"""Two of the outputs' wordings, in every language: the terminal's count line says each status
with the plural form the language gives its number (Babel's CLDR rules), and the call sheet's
"When" field never says its label's word twice."""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata

import pandas as pd
import pytest
from babel import Locale

from followup_sheet import catalogue
from followup_sheet.cli import STATUS_COUNTS, STATUS_ORDER, _print_summary
from followup_sheet.exporttext import call_sheet_html

LANGUAGES = ["en", *catalogue.languages()]


class _Said:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def say(self, text: str) -> None:
        self.lines.append(text)


def _line(counts: dict[str, int], language: str) -> str:
    said = _Said()
    _print_summary(said, counts, language)     # type: ignore[arg-type]
    return said.lines[-1]


# (language, status, count, what the line says): the form the number takes, not the status's singular
COUNTS = [
    ("fr", "Closed", 1, "1 clôturée"), ("fr", "Closed", 3, "3 clôturées"),
    ("fr", "Not applied", 2, "2 pas encore envoyées"),
    ("es", "Closed", 4, "4 cerradas"), ("es", "Overdue", 1, "1 atrasada"), ("es", "Overdue", 6, "6 atrasadas"),
    ("it", "Closed", 3, "3 chiuse"), ("it", "Not applied", 2, "2 non ancora inviate"),
    ("pt", "Closed", 5, "5 encerradas"), ("pt", "Overdue", 2, "2 atrasadas"), ("pt", "Closed", 1, "1 encerrada"),
    ("pl", "Closed", 1, "1 zamknięta"), ("pl", "Closed", 3, "3 zamknięte"), ("pl", "Closed", 5, "5 zamkniętych"),
    ("pl", "Closed", 22, "22 zamknięte"), ("pl", "Closed", 12, "12 zamkniętych"), ("pl", "Waiting", 4, "4 oczekujące"),
    ("de", "Waiting", 1, "1 wartet"), ("de", "Waiting", 3, "3 warten"), ("de", "Closed", 3, "3 abgeschlossen"),
    ("nl", "Waiting", 2, "2 in afwachting"), ("nl", "Closed", 7, "7 afgesloten"),
    ("en", "Closed", 3, "3 closed"), ("en", "Due today", 1, "1 due today"),
    ("zh", "Closed", 3, "已结束 3 份"), ("ja", "Overdue", 2, "期日超過 2件"), ("ko", "Waiting", 4, "대기 중 4건"),
]


@pytest.mark.parametrize("code, status, n, said", COUNTS)
def test_the_count_line_says_each_status_in_the_form_its_number_takes(code, status, n, said):
    line = _line({status: n}, code)
    assert line.endswith(" " + said) or line.endswith(said), line
    assert line.startswith(catalogue.say("messages", "Applications:", code))


@pytest.mark.parametrize("code", catalogue.languages())
def test_every_catalogue_words_every_status_count_with_its_plural_forms(code):
    book = catalogue.catalogue(code)["messages"]
    locale = Locale.parse(code)
    for status in STATUS_ORDER:
        entry = book[STATUS_COUNTS[status]]
        forms = entry if isinstance(entry, dict) else {"other": entry}
        assert "other" in forms and all("{n}" in f for f in forms.values()), (code, status, forms)
        # a table names only forms the language has (a misspelt one would never be picked)
        assert set(forms) <= set(locale.plural_form.tags) | {"other"}, (code, status, sorted(forms))
    # the line lists each status once, in the order of the statuses, with its own number
    counts = {s: i + 2 for i, s in enumerate(STATUS_ORDER)}
    line = _line(counts, code)
    numbers = [int(x) for x in re.findall(r"\d+", line)]
    assert numbers == list(counts.values()), line


def test_a_language_whose_status_words_agree_with_the_number_changes_them_beyond_one():
    """Where a status agrees with its number ("1 clôturée", "3 clôturées"; "1 zamknięta", "5
    zamkniętych"), a count the language does not say as one never takes the singular's words."""
    for code in catalogue.languages():
        book = catalogue.catalogue(code)["messages"]
        plural_form = Locale.parse(code).plural_form
        for status in STATUS_ORDER:
            if not isinstance(book[STATUS_COUNTS[status]], dict):
                continue
            one = _line({status: 1}, code).rsplit("1", 1)[1]
            for n in (2, 3, 5, 11, 25, 100):
                if plural_form(n) != "one":
                    shown = _line({status: n}, code).rsplit(str(n), 1)[1]
                    assert shown != one, (code, status, n, shown)


# --- the call sheet's "When" ------------------------------------------------------------------

def _when_values(code: str) -> tuple[str, list[str]]:
    rows = [{"company": f"Firma {i}", "position": "", "ask_for": "", "phone": "555 0100", "email": "",
             "status": status, "days_overdue": overdue, "script": "", "notes": "", "why": "", "row": i + 2,
             "sheet": "Tracker"}
            for i, (status, overdue) in enumerate([(s, 0) for s in STATUS_ORDER] + [("Overdue", 1), ("Overdue", 4)])]
    page = call_sheet_html(pd.DataFrame(rows), dt.date(2026, 11, 26), "", code).decode("utf-8")
    label = catalogue.say("outputs", "When", code)
    values = re.findall(r"<dt>" + re.escape(html.escape(label)) + r"</dt><dd>(.*?)</dd>", page)
    return label, [html.unescape(re.sub(r"<[^>]+>", "", v)) for v in values]


def _words(text: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"\w+", text)]


def _cjk(text: str) -> bool:
    return any(unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")) for c in text)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_call_sheet_when_field_never_says_its_label_twice(code):
    label, values = _when_values(code)
    assert len(values) == len(STATUS_ORDER) + 2
    for value in values:
        assert value.strip(), (code, values)
        for word in _words(label):
            if _cjk(word):          # no spaces between words: the label's word inside the value
                assert word not in value.casefold(), (code, label, value)
            else:
                assert word not in _words(value), (code, label, value)


def test_the_japanese_and_korean_call_sheets_say_when_a_call_is_due_in_a_word():
    assert _when_values("ja")[1][STATUS_ORDER.index("Due today")] == "今日"
    assert _when_values("ko")[1][STATUS_ORDER.index("Due soon")] == "임박"
    assert _when_values("de")[1][STATUS_ORDER.index("Due today")] == "Heute"
