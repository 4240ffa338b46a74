"""Read stage, headers: which row of a sheet is the tracker's header and which field each header
names. A header row (a list of cell values) in, field -> column out; the advice to print when a
field is missing; the tool's own headers found in a header row.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .columns import output_headers
from .dates import is_date_cell
from .settings import Settings
from .xlsx import column_letters, is_empty_cell

DATE_FIELDS = ("applied_on", "last_contact", "pinned")
FIELD_WEIGHTS = {"company": 3, "position": 3, "applied_on": 2, "stage": 2, "last_contact": 1,
                 "contact": 1, "response": 1, "pinned": 1, "follow_ups": 1, "source": 1,
                 "notes": 0.5, "contact_email": 0.5, "contact_phone": 0.5, "location": 0.5}

_NOTE = re.compile(r"\s*(\([^)]*\)|\[[^\]]*\])\s*")      # "Company Name (website)"
_DATE_WORDS = re.compile(r"(?:^|[^a-z])(date|dates|dated|datum|fecha|data|when|day)(?:$|[^a-z])|datum|日期|时间")
_DATE_PREPOSITIONS = ("on", "am", "until", "by", "le", "el", "em", "il", "bis")
GENERIC_DATE_HEADERS = ("date", "fecha", "datum", "data", "日期", "applied", "datesent", "sent")


def _fold(text: str) -> str:
    """Lower case, no accents on Latin letters (users write 'Situacao' for 'Situação')."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).replace("\xa0", " ").lower())
    return unicodedata.normalize("NFC", "".join(ch for ch in s if not "\u0300" <= ch <= "\u036f"))


@functools.lru_cache(maxsize=65536)
def _normalize_text(text: str) -> str:
    s = _fold(text).strip()
    s = re.sub(r"\s*\((?:mm|dd|yyyy|yy|m|d)[^)]*\)\s*$", "", s)   # "Applied (mm/dd/yyyy)"
    return "".join(ch for ch in s if ch.isalnum())


def normalize_header(text: Any) -> str:
    """Case-, accent-, space- and punctuation-insensitive key: ' Date-Applied\xa0' -> 'dateapplied'."""
    if text is None:
        return ""
    return _normalize_text(text if isinstance(text, str) else str(text))


def bare_key(text: str) -> str:
    """The key without notes in brackets: 'Company Name (website)' -> 'companyname'."""
    return normalize_header(_NOTE.sub(" ", text))


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[^\w]+|_", _fold(text)) if w)


def names_a_date(text: str) -> bool:
    """'Date Applied', 'Bewerbungsdatum', 'Data Candidatura', 'Follow up on': the header says date."""
    folded = _fold(text)
    words = _words(text)
    return bool(_DATE_WORDS.search(folded)) or (len(words) > 1 and words[-1] in _DATE_PREPOSITIONS)


# --- the header row and its fields ---------------------------------------------------------

def header_fields(row: list[Any], settings: Settings, fuzzy: bool = True) -> dict[str, int]:
    """field -> 0-based column for one candidate header row.

    A header is the field it names exactly (after [columns], then the aliases; a note in
    brackets is ignored), or, with `fuzzy`, one a small typo away. Only then, for the fields
    still missing, a header whose words contain an alias ('Company Name (website)') is taken,
    the longest alias first. The leftmost column wins a field; no column gets two.
    """
    table = _alias_table(settings)
    lookup = table.exact
    found, unmatched = _exact_fields(row, settings, lookup)
    taken = set(found.values())
    if fuzzy:   # typos only for fields no header names exactly ('Function' is no typo of 'Fonction' beside 'Position')
        for col, value in unmatched:
            fld = _fuzzy(normalize_header(value), lookup)
            if fld and fld not in found:
                found[fld] = col
                taken.add(col)
    if "applied_on" not in found:
        for col, value in enumerate(row):
            if isinstance(value, str) and normalize_header(value) in GENERIC_DATE_HEADERS[:5] and col not in taken:
                found["applied_on"] = col
                taken.add(col)
                break
    if fuzzy and unmatched:
        _add_contained(found, taken, unmatched, table)
    return found


def _exact_fields(row: list[Any], settings: Settings,
                  lookup: dict[str, str]) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """The fields headers name exactly (leftmost column first), and the text headers that name none."""
    found: dict[str, int] = {}
    user = {normalize_header(k): v for k, v in settings.columns.items()}
    ours = {normalize_header(h) for h in output_headers()}
    unmatched: list[tuple[int, str]] = []
    for col, value in enumerate(row):
        if not isinstance(value, str):
            continue
        key = normalize_header(value)
        if not key or key in ours:
            continue
        bare = bare_key(value)
        fld = user.get(key) or user.get(bare) or lookup.get(key) or lookup.get(bare)
        if fld is None:
            unmatched.append((col, value))
        elif fld not in found:
            found[fld] = col
    return found, unmatched


def _add_contained(found: dict[str, int], taken: set[int], unmatched: list[tuple[int, str]],
                   table: _AliasTable) -> None:
    """Add to `found` the fields still missing whose alias a free header contains, longest alias first."""
    guesses = []
    for col, value in unmatched:
        if col in taken:
            continue
        guess = _contained_alias(value, table)
        if guess:
            guesses.append((guess[1], -col, guess[0], col))
    for _, _, fld, col in sorted(guesses, reverse=True):
        if fld not in found and col not in taken:
            found[fld] = col
            taken.add(col)


@dataclass(frozen=True)
class _AliasTable:
    exact: dict[str, str]                          # normalized alias -> field
    phrases: tuple[tuple[tuple[str, ...], str], ...]   # alias words -> field, for containment


# Aliases too general to name a field when they are only part of a longer header
# ('Job Link' is not a position, 'Mail Date' is not an e-mail address).
_NOT_CONTAINED = frozenset({
    "job", "title", "role", "rol", "state", "via", "mail", "tel", "hr", "applied", "submitted", "sent",
    "note", "stand", "ort", "chef", "manager", "local", "portal", "canal", "sede", "fase", "phase",
    "stelle", "emploi", "progress", "result", "resultado", "reminder", "referred", "business", "opening",
    "responsable", "responsabile", "mobile", "handy", "data", "titel", "titolo", "retour", "retorno",
    "platform", "plataforma", "kanal", "fonte", "origine", "origem", "empfehlung", "feedback",
})


_LINKS = frozenset({"of", "for", "to", "de", "da", "do", "das", "dos", "di", "del", "della", "dello", "dei",
                    "du", "des", "der", "von", "zur", "zum", "fur", "für", "para", "per", "pour"})
_NAME_WORDS = frozenset({"name", "nome", "nom", "nombre", "names"})


def _alias_table(settings: Settings) -> _AliasTable:
    # Keyed on the aliases' content, not their id(): a watcher reloading an edited followup.toml
    # must see the new aliases even when the new mapping happens to reuse an old object's id.
    return _alias_table_for(tuple((fld, tuple(names)) for fld, names in settings.aliases.items()))


@functools.lru_cache(maxsize=16)
def _alias_table_for(aliases: tuple[tuple[str, tuple[str, ...]], ...]) -> _AliasTable:
    exact: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for fld, names in aliases:
        for name in names:
            exact.setdefault(normalize_header(name), fld)
            words = _words(_NOTE.sub(" ", name))
            if words and not (len(words) == 1 and (words[0] in _NOT_CONTAINED or len(words[0]) < 4)):
                phrases.setdefault(words, fld)
    return _AliasTable(exact, tuple(phrases.items()))


def alias_lookup(settings: Settings) -> dict[str, str]:
    return _alias_table(settings).exact


def _contained_alias(header: str, table: _AliasTable) -> tuple[str, tuple[int, int, int]] | None:
    """The field of the alias found in `header`'s words, when that is unambiguous: one that ends
    the header first ('Recruiter Phone Number' is a phone number), then the longest. A one-word
    alias counts only at the end ('Email Subject' is no e-mail address, 'Company Website' no
    company)."""
    words = _words(header)
    if not words or len(words) > 6 or len(header) > 60:
        return None
    date_only = names_a_date(header)
    link = next((i for i, w in enumerate(words) if w in _LINKS and i), None)
    if link is not None and words[link - 1] not in _NAME_WORDS and not names_a_date(" ".join(words[:link])):
        words = words[:link]   # 'Tipo de Vaga', 'Link to Job': the words before 'de' say what it is
    best: list[tuple[tuple[int, int, int], str]] = []
    for phrase, fld in table.phrases:
        n = len(phrase)
        if n > len(words) or (date_only and fld not in DATE_FIELDS):
            continue
        at_end = words[-n:] == phrase
        if at_end or (n > 1 and any(words[i:i + n] == phrase for i in range(len(words) - n))):
            best.append(((int(at_end), n, len("".join(phrase))), fld))
    if not best:
        return None
    best.sort(reverse=True)
    top = best[0][0]
    fields = {fld for score, fld in best if score == top}
    return (fields.pop(), top) if len(fields) == 1 else None


def _fuzzy(key: str, lookup: dict[str, str]) -> str | None:
    """Typos ('Comapny', 'Staus', 'Date Appled'): a close match to an alias of 5+ letters."""
    if not 5 <= len(key) <= 30 or not key.isascii():
        return None
    import difflib
    near = [k for k in lookup if len(k) >= 5 and k.isascii() and abs(len(k) - len(key)) <= 2]
    match = difflib.get_close_matches(key, near, n=1, cutoff=0.85)
    return lookup[match[0]] if match else None


def _score(fields: dict[str, int]) -> float:
    return sum(FIELD_WEIGHTS.get(f, 0.5) for f in fields)


def find_header(grid: list[list[Any]], settings: Settings) -> tuple[int, dict[str, int], float] | None:
    """The best header row in the first rows. Typos are forgiven only in the few rows that
    already have the most exact headers, so data rows are not fuzzy-matched cell by cell."""
    exact = [(len(header_fields(row, settings, fuzzy=False)), r)
             for r, row in enumerate(grid[: settings.header_search_rows])]
    most = max((e[0] for e in exact), default=0)
    likely = [e for e in exact if e[0] >= 2 and e[0] >= most - 1][:3]
    best = None
    for _, r in sorted(likely, key=lambda e: e[1]):
        fields = header_fields(grid[r], settings)
        if not ({"company", "position"} & fields.keys()):
            continue
        score = _score(fields)
        if best is None or score > best[2]:
            best = (r, fields, score)
    return best



def _headers_seen(row: list[Any]) -> list[tuple[int, str]]:
    return [(c, " ".join(v.split())) for c, v in enumerate(row) if isinstance(v, str) and v.strip()]


def _column_kind(rows: list[list[Any]], col: int) -> str:
    """'date', 'text', 'number' or '' for what most filled cells of a column below the header hold."""
    kinds = {"date": 0, "text": 0, "number": 0}
    for row in rows[:200]:
        v = row[col] if col < len(row) else None
        if v is None or isinstance(v, bool) or (isinstance(v, str) and not v.strip()):
            continue
        if is_date_cell(v):
            kinds["date"] += 1
        elif isinstance(v, (int, float)):
            kinds["number"] += 1
        else:
            kinds["text"] += 1
    best = max(kinds, key=lambda k: kinds[k])
    return best if kinds[best] else ""


def toml_columns(pairs: list[tuple[str, str]]) -> str:
    """The [columns] lines of followup.toml that map each header to its field."""
    return "\n".join(["[columns]", *(f"{json.dumps(h, ensure_ascii=False)} = \"{f}\"" for h, f in pairs)])


def mapping_advice(header: list[Any], below: list[list[Any]], fields: dict[str, int], want: tuple[str, ...]) -> str:
    """What to do when the fields in `want` are missing: the headers seen and the [columns] lines."""
    seen = _headers_seen(header)
    listed = ", ".join(repr(h) for _, h in seen[:20]) + (" ..." if len(seen) > 20 else "")
    free = [(c, h) for c, h in seen if c not in fields.values()
            and not is_tool_header(h)]
    kinds = {c: _column_kind(below, c) for c, _ in free}
    pairs: list[tuple[str, str]] = []
    used: set[int] = set()
    for fld in want:
        if fld in fields or (fld == "position" and any(f == "company" for _, f in pairs)):
            continue
        if fld in DATE_FIELDS:
            pick = [(c, h) for c, h in free if kinds[c] == "date"] or [(c, h) for c, h in free if names_a_date(h)]
        else:
            pick = [(c, h) for c, h in free if kinds[c] == "text" and not names_a_date(h)]
        pick = [p for p in pick if p[0] not in used]
        if pick:
            used.add(pick[0][0])
            pairs.append((pick[0][1], fld))
    if not pairs:
        first = want[0]
        what, name = ("the date you applied", "Date Applied") if first in DATE_FIELDS else ("the company", "Company")
        return (f"headers seen: {listed}; none of them holds {what}: add a column headed {name!r}, or map "
                f"yours in followup.toml under [columns] as \"Your header\" = \"{first}\"")
    return (f"headers seen: {listed}. If these columns hold what the lines below say, add them to "
            "followup.toml beside the workbook:\n" + toml_columns(pairs))


def header_like_row(grid: list[list[Any]], settings: Settings) -> int | None:
    """A row of three or more short labels with filled rows under it: a header nobody mapped."""
    for r, row in enumerate(grid[: settings.header_search_rows]):
        filled = [v for v in row if not is_empty_cell(v) and not isinstance(v, bool)]
        labels = [v for v in filled if isinstance(v, str) and len(v.strip()) <= 40 and not is_date_cell(v)]
        if len(labels) >= 3 and len(labels) >= 0.8 * len(filled) and \
                any(any(not is_empty_cell(v) for v in later) for later in grid[r + 1: r + 4]):
            return r
    return None


def looks_sideways(grid: list[list[Any]]) -> bool:
    """One column per day: a row near the top whose three or more dates are headers, with names
    (not more dates) listed under them. Dates inside one-row-per-application rows never count:
    under an application's dates sit the next application's dates, or nothing."""
    for r, row in enumerate(grid[:10]):
        cols = [c for c, v in enumerate(row) if is_date_cell(v)]
        if len(cols) < 3:
            continue
        below = [grid[b][c] for b in range(r + 1, min(r + 11, len(grid))) for c in cols
                 if c < len(grid[b]) and not is_empty_cell(grid[b][c]) and not isinstance(grid[b][c], bool)]
        names = sum(isinstance(v, str) and not is_date_cell(v) for v in below)
        if names >= 2 and names > len(below) / 2:
            return True
    return False


def duplicate_header_notes(header: list[Any], notes: list[str]) -> None:
    """A note for each header that repeats an earlier one (the first is the one used)."""
    seen: dict[str, int] = {}
    for col, value in enumerate(header):
        key = normalize_header(value)
        if not key:
            continue
        if key in seen:
            notes.append(f"header {str(value).strip()!r} appears twice (columns "
                         f"{column_letters(seen[key] + 1)} and {column_letters(col + 1)}); "
                         f"the first is used")
        else:
            seen[key] = col


def is_tool_header(value: Any) -> bool:
    """Whether a header cell is one of the tool's own column headers (in any spelling)."""
    return normalize_header(value) in {normalize_header(h) for h in output_headers()}


def tool_header_columns(header: list[Any]) -> dict[str, int]:
    """The tool's own headers found in the header row: header -> 0-based column (the first of each)."""
    keys = {normalize_header(h): h for h in output_headers()}
    found = {}
    for col, value in enumerate(header):
        h = keys.get(normalize_header(value)) if isinstance(value, str) else None
        if h and h not in found:
            found[h] = col
    return found


