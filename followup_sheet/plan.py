"""Plan stage: the tidy tracker DataFrame -> status, next date, script situation and order per row.

Pure pandas/numpy over whole columns; `today` and the settings are arguments (rules §2-§6).
The facts behind each row come from `facts.read_ledger` (notes' dates from `statements`).

Columns of `build_plan`'s result that scripts, the Today sheet and `explain` read (NaT/""/False
when a row has none, and on rows without a situation):

- stage, status, due, follow_ups, situation, channel ("call"/"email"), days_overdue
- last_by: who made the last contact, "user", "employer" (their call or e-mail, an offer) or ""
- employer_called (bool), employer_called_on (date): the employer reached out; the return call
  is due the business day after, and it is not the user's follow-up; caller (text): the person
  the notes name as the caller by a form of address, when the contact cell is empty
- interview_held (bool); thank_you (bool): a held interview's thank-you is what is due (e-mail)
- interview_arranging (bool): the notes or stage say an interview is being arranged and give no day
  yet ("scheduling a call", "日程調整中"): the script asks to settle a time
- interview_ahead (date): an interview still to come; nothing is due before it; interview_rough
  (bool): the notes give it only a week or a span ("w/c 14 Dec", "2nd round in 2 wks"), so no
  script says its day
- hold_until (date): an on-hold row waits until then (the stated date, else hold_days)
- retry (bool): the last call reached nobody; tried again the next business day
- stated_on (date): the date the notes or response state; next_reason: what set `due`
  (pinned, interview, return_call, hold, thank_you, retry, cadence, or the stated date's kind:
  decision, feedback, answer, back, call_back, date)
- answer_by (date): a decision or answer deadline the row states that is still ahead (not the
  employer's news, "they'll let me know by"); decision_on (date): the day a decision, news or an
  answer is due, whether ahead or past (a script says it, or that it has come); decision_news
  (bool): that day is the employer's news ("Rückmeldung bis", "they'll get back to me by"), not
  a decision, so a script says it in kind; decision_rough (bool): only a part of a month was
  given ("mid-December"), so decision_on is that part's last day and no script says it; call_back (text,
  "after Thanksgiving"); written_offer (bool)
- via_agency (bool): the contact (or the company cell) is a recruiting agency's, as the company, the
  contact's note, the source or the notes say (`agencies.find_agencies`)
- strong_elsewhere (bool): another employer has an offer, a later round, an onsite, a panel or a
  negotiation going; other_offer_by / other_offer_written: that offer's deadline, for
  competing_interest rows only
- confirm_cold (bool): an interview or offer that went cold; `check` lists it for confirmation
- returned_unanswered (bool), returned_call_on (date), message_left (bool), message_left_on (date): the
  employer's call the user returned and reached nobody, its day, and the message the user left then
- went_silent (str): the clause of the notes that made the row Gone cold ("ghosted", "no reply for 6 weeks")
- check (text): why a row is Check data when the plan found it (a date after today, naming the cell)
- facts (list of `facts.Fact`: kind, text, date, who, channel, source) and why (text: the
  facts with their cells, "decision Dec 11 ← Notes, P17 · ...") for the Why column and `explain`
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from . import negations
from .agencies import find_agencies
from .businessdays import business_calendar, years_in_play
from .catalogue import Worded
from .commonwords import common_word
from .facts import (
    PLATFORMS,
    call_unanswered,
    caller_named,
    collect_facts,
    contact_gave_its_news,
    datetime_column,
    read_ledger,
    returned_call,
    source_of,
    tells_their_contact,
)
from .hanzi import simplified
from .language import Letters
from .literalscreen import Screened, screened
from .notestage import (
    being_arranged,
    may_name_a_step,
    offer_accepted,
    outcome_in_notes,
    stage_in_notes,
    strong_elsewhere,
    strong_here,
    this_employers,
    went_silent,
)
from .refusals import refusal
from .regextrie import trie_regex
from .settings import BLANK_WORDS, Settings
from .statements import LANGUAGES, TEST_WORDS, asked_of_me, names_a_calendar_day, read_statements
from .status import ACTIVE, TODAY_STATUSES, Situation, Status

LIVE_COLUMNS = ("cold_from", "cold_pinned", "cold_at_due")   # what a live status formula needs
SITUATIONS = tuple(s.value for s in Situation)   # in the rules' order: the first that applies wins
STAGES = ("closed", "offer", "interviewing", "not_applied", "applied")   # rules §2, in matching order
_STAGE_FIELDS = ("closed_words", "offer_words", "interviewing_words", "not_applied_words")

# A listed word right after one of these does not count ("no offer yet", "not interviewed"); one
# small word may stand between ("not yet interviewed", "without an offer").
# (the negations are every reader's: `negations`)
_NEGATIONS = negations.latin_words()
_FILLERS = negations.between_words()
# (French elides the article onto the word: "pas d'offre", "jamais d’entretien")
_NEGATED_BEFORE = re.compile(
    r"(?:^|[^\w])(?:" + negations.alternation(_NEGATIONS) + r"|\w+n['’]t)"
    r"(?:\s+" + negations.alternation(_FILLERS) + r")?"
    r"\s+(?:[dl]['’])?$")
# Nor after a condition: "if not selected they keep the CV", "unless they reject me" say what may happen
_CONDITION_BEFORE = re.compile(r"(?:^|[^\w])(?:if|unless|whether|in\s+case)"
                               r"(?:\s+(?:they|we|i|it|you|she|he|am|are|is|was|were|be|get|gets|got|i['’]m"
                               r"|they['’]re|the\s+\w+))*\s+$")
_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
_CJK_NEGATED_BEFORE = re.compile(r"(?:" + negations.east_asian_before() + r")$")
# Japanese and Korean put it after ("面接なし", "면접 없음")
# (after the noun's particle and a 'yet' too: "面接はまだない", "면접 못 봄", "오퍼는 아직 없음")
_CJK_NEGATED_AFTER = re.compile(r"\s*(?:は|が|も|을|를|은|는|이|가|도)?\s*(?:まだ|아직)?\s*"
                                r"(?:" + negations.east_asian_after() + ")")
_HANGUL_RANGE = "\uac00-\ud7a3"
_HANGUL = Letters(_HANGUL_RANGE)
# A letter or digit of the Latin (or another spaced) script: not Chinese, Japanese or Korean. A
# change of script is a word's edge ("HR面接", "offer到了", "HR한테"), as a space is.
_LATIN_WORD_CHAR = rf"[^\W{_CJK}{_HANGUL_RANGE}]"
_EAST_ASIAN_CHAR = Letters(_CJK + _HANGUL_RANGE)
# A round named by a Latin word glued to 面 ("Final面", "HR面", "tech面") is that round's
# interview: read as the English words say it, so it is an interview, and a final one is a late round
_LATIN_ROUND = re.compile(r"([a-z0-9]+)\s?面(?![试試谈談接前对對上子])")


# (each of a dozen word lists asks it of the same notes: worked out once per text)
@functools.lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """Text as the word lists see it: one Unicode form, case folded (accents kept); a round
    named by a Latin word glued to 面 reads as that round's interview ("final面" -> "final interview")."""
    low = unicodedata.normalize("NFC", text).casefold()
    if "面" in low:
        low = _LATIN_ROUND.sub(r" \1 interview ", low)
    return low


_CJK_CHAR = Letters(_CJK)


def _has_cjk(word: str) -> bool:
    return _CJK_CHAR.search(word) is not None


def _has_east_asian(text: str) -> bool:
    """Chinese, Japanese or Korean letters: a Latin word's edge is then also where the script changes."""
    return _EAST_ASIAN_CHAR.search(text) is not None


def _is_hangul(word: str) -> bool:
    return _HANGUL.search(word) is not None and not _has_cjk(word)


_SEPARATOR = r"[\s\-_]*"


def _word_tokens(word: str) -> tuple[str, ...]:
    """One listed word or phrase as regex pieces, without its start: a last word of five letters
    or more is a stem that may take an ending, a shorter one must end there; spaces and hyphens
    in a phrase match any run of spaces, hyphens or underscores; a Korean word takes any endings.
    Chinese words match as they are."""
    if _has_cjk(word):
        return tuple(re.escape(ch) for ch in word)
    parts = [p for p in re.split(r"[\s\-_]+", word) if p]
    if _is_hangul(word):
        # Korean glues particles and other nouns to a word ("면접을", "1차면접", "최종합격"): a Korean
        # word matches inside the run of letters, as a Chinese one does, with or without its spaces
        return tuple(tok for i, part in enumerate(parts)
                     for tok in ((_SEPARATOR,) if i else ()) + tuple(re.escape(ch) for ch in part))
    tokens: list[str] = []
    for i, part in enumerate(parts):
        if i:
            tokens.append(_SEPARATOR)
        tokens.extend(re.escape(ch) for ch in part)
    tokens.append(rf"{_LATIN_WORD_CHAR}*" if len(parts[-1]) >= 5 else rf"(?!{_LATIN_WORD_CHAR})")
    return tuple(tokens)


class WordList:
    """A list of words or phrases, matched as rules §2 says: whole words (a word starts where no
    letter or digit comes before it), outside a negation. Chinese words match anywhere."""

    def __init__(self, words: tuple[str, ...]):
        self.words = tuple(dict.fromkeys(w for w in (normalise(w.strip()).strip() for w in words) if w))
        latin = [w for w in self.words if not _has_cjk(w) and not _is_hangul(w)]
        cjk = [w for w in self.words if _has_cjk(w) or _is_hangul(w)]
        alternatives = []
        if latin:   # one look-behind for all of them: far quicker than one per word
            alternatives.append(rf"(?<!{_LATIN_WORD_CHAR})" + trie_regex([_word_tokens(w) for w in latin]))
        if cjk:
            alternatives.append(trie_regex([_word_tokens(w) for w in cjk]))
        self._pattern = "|".join(alternatives) or r"(?!x)x"
        # In text without Chinese or Japanese, a Latin word character is any word character. The
        # full class costs about 1 ms to compile each of the 25 times the lists use it (Python
        # expands its ranges character by character), so it is compiled only for text that needs it.
        self._latin = re.compile(self._pattern.replace(_LATIN_WORD_CHAR, r"\w"))

    @functools.cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self._pattern)

    def _regex_for(self, low: str) -> Screened:
        return self._screened if _has_east_asian(low) else self._screened_latin

    @functools.cached_property
    def _screened(self) -> Screened:
        return Screened(self.regex)

    @functools.cached_property
    def _screened_latin(self) -> Screened:
        return Screened(self._latin)

    @functools.cached_property
    def _each(self) -> list[tuple[str, re.Pattern]]:
        """Each word alone, longest first, to tell which word a match is (compiled when first
        asked: only some texts need them)."""
        return [(w, re.compile("".join(_word_tokens(w)))) for w in sorted(self.words, key=len, reverse=True)]

    @functools.cached_property
    def _each_latin(self) -> list[tuple[str, re.Pattern]]:
        """`_each` for text without Chinese or Japanese (see `_latin`): 0.1 ms a word less to compile."""
        return [(w, re.compile("".join(_word_tokens(w)).replace(_LATIN_WORD_CHAR, r"\w")))
                for w in sorted(self.words, key=len, reverse=True)]

    def _word_at(self, low: str, match: re.Match) -> str:
        for word, regex in self._each if _has_east_asian(low) else self._each_latin:
            here = regex.match(low, match.start())
            if here and here.end() == match.end():
                return word
        return match.group()

    def found(self, text: Any) -> list[str]:
        """The listed words the text holds outside a negation."""
        return self._matches(text, negated=False)

    def negated(self, text: Any) -> list[str]:
        """The listed words the text holds right after a negation (which do not count)."""
        return self._matches(text, negated=True)

    def holds(self, text: Any) -> bool:
        """Whether the text holds one of the words outside a negation (stops at the first)."""
        if not isinstance(text, str) or not text:
            return False
        low = normalise(text)
        return any(not self._after_negation(low, m) and not _not_a_step(low, m)
                   for m in self._regex_for(low).finditer(low))

    def _after_negation(self, low: str, match: re.Match) -> bool:
        before = low[max(0, match.start() - 40):match.start()]
        if _has_cjk(match.group()):
            return _CJK_NEGATED_BEFORE.search(before) is not None \
                or _CJK_NEGATED_AFTER.match(low, match.end()) is not None
        if _HANGUL.search(match.group()):
            return _CJK_NEGATED_AFTER.match(low, match.end()) is not None
        # a Latin word in Chinese, Japanese or Korean text takes that text's negation ("没有offer", "offer없음")
        if _has_east_asian(low) and (_CJK_NEGATED_BEFORE.search(before) is not None
                                     or _CJK_NEGATED_AFTER.match(low, match.end()) is not None):
            return True
        if not before:
            return False
        return _NEGATED_BEFORE.search(before) is not None or _CONDITION_BEFORE.search(before) is not None

    def _matches(self, text: Any, negated: bool) -> list[str]:
        if not isinstance(text, str) or not text:
            return []
        low = normalise(text)
        return [self._word_at(low, m) for m in self._regex_for(low).finditer(low)
                if self._after_negation(low, m) == negated and not _not_a_step(low, m)]

    def strip(self, text: str) -> str:
        """The text with every listed word taken out (negated or not)."""
        low = normalise(text)
        return self._regex_for(low).sub(" ", low)


# A listed word that is no step of the user's application: the employer's own work still going on
# ("they're still shortlisting", "still interviewing other candidates"; not "she is interviewing
# me"), or where the application went ("applied on site", "applied online via the portal").
_THEIR_WORK_BEFORE = re.compile(r"\b(?:still|currently|are|is|were|they['’]re|busy)\s+$")
_APPLYING_BEFORE = re.compile(r"\b(?:applied|apply|applying|submitted)\s+(?:in\s+person\s+)?$")
_ME_AFTER = re.compile(r"\s+(?:me|us)\b")
_SELECTING = ("interview", "shortlist", "short-list", "screen")


def _not_a_step(low: str, match: re.Match) -> bool:
    before = low[max(0, match.start() - 30):match.start()]
    if not before or not match.group()[:1].isascii():
        return False
    if _APPLYING_BEFORE.search(before):     # (an "on site" only: "Applied. Automatic reply" is one)
        return re.sub(r"[\s\-_]", "", match.group()) == "onsite"
    # (the selection is theirs; "still applying" is the user's own work, a step not yet taken)
    return match.group().endswith("ing") and match.group().startswith(_SELECTING) \
        and _THEIR_WORK_BEFORE.search(before) is not None and _ME_AFTER.match(low, match.end()) is None


@functools.lru_cache(maxsize=64)
def word_list(words: tuple[str, ...]) -> WordList:
    return WordList(words)


# A cross mark means closed (rules §2), wherever it stands ("rejected ❌", "❌ no").
_CLOSED_MARK = re.compile("[\u274c\u2716\u2717\u2718]")

@functools.cache
def _auto_reply() -> re.Pattern[str]:
    """A note telling of an automatic reply in its own words: "auto" before or after a word for
    a message ("auto email", "automated e-mail", "réponse automatique", "automatische
    Bestätigung", "自動返信"), or the receipt of the application said as the sender says it
    ("received your application", "thanks for applying")."""
    message = (r"(?:reply|replies|replied|e-?mails?|mails?|response|responded|confirmation|confirmed|message|msg|note"
               r"|receipt"
               r"|ack\w*"
               # (a German or Dutch compound is what its last word is: "Eingangsbestätigung", "ontvangstbevestiging")
               r"|antwort|\w*nachricht|\w*bestätigung|réponse|message|courriel|respuesta|correo|mensaje"
               r"|risposta|messaggio|resposta|mensagem|antwoord|\w*bericht|\w*bevestiging|reactie|odpowied\w*|wiadomoś\w*"
               r"|potwierdzeni\w*)")
    auto = (r"(?:auto(?:[-\s]?generated)?|automatic(?:ally)?|automated|automatisch\w*|automatique|automátic[oa]"
            r"|automatic[oa]|automatyczn\w*|no-?reply)")
    platform = "(?:" + "|".join(PLATFORMS) + ")"
    return re.compile(
        rf"(?<!\w){auto}[\s\-]*{message}(?!\w)|(?<!\w){message}\s+{auto}(?!\w)"
        # (the word in full with up to two words between: "automatic receipt confirmation",
        # "automatisch gegenereerde ontvangst e-mail"; "auto parts e-mail" is about cars)
        rf"|(?<!\w){auto}(?<!\bauto)[\s\-]+(?:[^\W\d_]+[\s\-]+){{1,2}}?{message}(?!\w)"
        # a job board's or tracking system's confirmation ("applied through Greenhouse, got their
        # confirmation mail"); a message through one may be a person's ("LinkedIn message from Sara")
        rf"|(?<!\w){platform}[^.;!?\n]{{0,30}}?(?<!\w)(?:confirm\w*|acknowledg\w*|receipt|\w*bestätigung|confirmaci[oó]n"
        r"|conferma|confirmação|bevestiging|potwierdzeni\w*)"
        r"|\breceived\s+(?:your|my|the)\s+(?:application|cv|r[ée]sum[ée]|candidacy)"
        # a message that confirms the CV arrived: "email confirming they got my CV"
        r"|\b(?:confirm\w*|acknowledg\w*)\b[^.;\n]{0,30}?\b(?:receiv\w*|receipt|got|have|has)\b"
        r"[^.;\n]{0,20}?\b(?:cv|résumé|resume|application)\b"
        r"|\bthanks?(?:\s+you)?\s+for\s+(?:your\s+)?(?:application|applying)\b"
        # (the word for "automatic", then a word for a message within a few letters of the same
        # clause: "自动发送的确认邮件", "自動で受付確認メール", "자동 접수 확인 메일")
        # ("自動車", "自动驾驶", "자동차", "自动化" are cars and automation)
        r"|(?:自动|自動|자동)(?!化|驾驶|駕駛|車|车|運転|차|화)[^。，、；,;.!?！？\n]{0,8}?(?:回复|回覆|邮件|郵件|确认|確認|短信|返信|送信|応答|メール"
        r"|회신|답장|메일|응답|문자|확인)", re.IGNORECASE)


# Every way `_auto_reply` knows holds one of these: the quick look first (the pattern alone costs
# about 90 µs a long note)
_AUTO_SCREEN = re.compile("auto|no-?reply|receiv|receipt|thank|confirm|acknowledg|自动|自動|자동|"
                          + "|".join(p.lower() for p in PLATFORMS))


def auto_reply(text: Any) -> bool:
    """Whether a note tells of an automatic reply (`_auto_reply`)."""
    if not isinstance(text, str) or not text or _AUTO_SCREEN.search(text.lower()) is None:
        return False
    found = _auto_reply().search(text)     # ("no automatic reply at all" is none)
    return found is not None and not _NEGATED_BEFORE.search(text[:found.start()][-40:].lower())


# What a listed stem may become in a typo's word ("rejcted" is "rejected" less one letter).
_ENDINGS = ("", "s", "d", "ed", "ing", "ion", "ions", "ment", "ew")


@functools.lru_cache(maxsize=16)
def _stage_forms(lists: tuple[tuple[str, ...], ...]) -> dict[str, tuple[str, str]]:
    """Each single listed word of five letters or more, with the endings it may take -> (the
    listed word, its stage)."""
    forms: dict[str, tuple[str, str]] = {}
    for stage, words in zip(STAGES, lists):
        for word in words:
            w = normalise(word)
            if len(w) >= 5 and w.isalpha() and not _has_east_asian(w):
                for ending in _ENDINGS:
                    forms.setdefault(w + ending, (w, stage))
    return forms


@functools.lru_cache(maxsize=16)
def _compound_heads(lists: tuple[tuple[str, ...], ...]) -> dict[str, tuple[str, str]]:
    """The listed words of seven letters or more (as listed, no ending) a compound may end with,
    once per set of lists (a scan of every form per word cost 0.14 ms a stage cell)."""
    forms = _stage_forms(lists)
    return {f: forms[f] for f in forms if len(f) >= 7 and f == forms[f][0]}


def typo_stage(text: Any, settings: Settings) -> tuple[str, str, str] | None:
    """(stage, the listed word, the word as typed) when a word of five letters or more is one
    letter away from exactly one listed word ("intervew", "rejcted"), or is a compound whose last
    word is a listed one ("Telefoninterview"), outside a negation."""
    if not isinstance(text, str):
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein
    lists = tuple(getattr(settings, name) for name in _STAGE_FIELDS)
    forms = _stage_forms(lists)
    low = normalise(text)
    # (a typo is a Latin word's: one glued to Chinese, Japanese or Korean ends where that script starts)
    for m in re.finditer(rf"[^\W\d_{_CJK}{_HANGUL_RANGE}]{{5,}}" if _has_east_asian(low) else r"[^\W\d_]{5,}", low):
        token = m.group()
        if token in forms or _NEGATED_BEFORE.search(low[max(0, m.start() - 40):m.start()]):
            continue
        # a German or Dutch compound is what its last word is: "Telefoninterview", "Zweitgespräch",
        # "kennismakingsgesprek", "Jobangebot" (heads of seven letters or more, so "Terminabsage" is none)
        heads = _compound_heads(lists)
        head = next((heads[token[-n:]] for n in range(len(token) - 3, 6, -1) if token[-n:] in heads), None)
        if head is not None:
            return head[1], head[0], token
        near = process.extract(token, list(forms), scorer=Levenshtein.distance, score_cutoff=1, limit=None)
        listed = {forms[form] for form, _, _ in near}
        if len(listed) == 1 and not common_word(token):
            word, stage = listed.pop()
            return stage, word, token
    return None


def stage_of(text: Any, settings: Settings) -> str:
    """The stage of one stage/response text: the first list holding one of its words (rules §2);
    else a one-letter typo of exactly one listed word."""
    if isinstance(text, str) and (_CLOSED_MARK.search(text) or refusal(text)):
        return "closed"
    for stage, name in zip(STAGES, _STAGE_FIELDS):
        if word_list(getattr(settings, name)).holds(text):
            return stage
        if stage == "closed" and refusal(text):      # "they won't be progressing it": closed in soft words
            return stage
    typo = typo_stage(text, settings)
    return typo[0] if typo else "applied"


def stage_words(text: Any, settings: Settings) -> tuple[str, list[str], list[str]]:
    """The stage, the listed words that decided it ([] for applied), and the listed words the
    text holds right after a negation, which did not count."""
    negated = [w for name in _STAGE_FIELDS for w in word_list(getattr(settings, name)).negated(text)]
    if isinstance(text, str) and _CLOSED_MARK.search(text):
        return "closed", _CLOSED_MARK.findall(text), negated
    for stage, name in zip(STAGES, _STAGE_FIELDS):
        hits = word_list(getattr(settings, name)).found(text)
        if hits:
            return stage, hits, negated
        if stage == "closed" and refusal(text):
            return stage, [refusal(text)], negated
    typo = typo_stage(text, settings)
    if typo:
        return typo[0], [f"{typo[2]} (as {typo[1]})"], negated
    return "applied", [], negated


_SMALL_WORD = re.compile(r"^(?:\d+|\w{1,2}|via|from|for|and|the|has|have|was|been|with|my|on|at|to|of|by|in|me)$")


def unplaced_words(text: Any, settings: Settings) -> list[str]:
    """For text read as applied only because nothing matched: its words that no list knows
    (empty when the text plainly means applied, like "Applied online" or "No response yet")."""
    if not isinstance(text, str) or stage_of(text, settings) != "applied":
        return []
    rest = word_list(settings.applied_words).strip(text)
    rest = word_list(with_initials(settings.hold_words)).strip(rest)    # (a hold is known: the row waits)
    for name in ("autoresponse_words", *_STAGE_FIELDS):
        rest = word_list(getattr(settings, name)).strip(rest)
    words = re.findall(r"[^\W\d_]+|[" + _CJK + "]+", rest)
    return [w for w in words if not _SMALL_WORD.match(w) and w not in _NEGATIONS]


def _as_read(frame: pd.DataFrame, chinese: bool) -> pd.DataFrame:
    """The frame with its stage, response and notes in simplified Chinese characters where they
    were written in traditional ones ('未錄取', '人資打電話來'), as the word lists hold them
    (`chinese`: the tracker is Chinese, so every such text is); a frame without such text is
    returned as it is."""
    texts = [c for c in ("stage", "response", "notes") if c in frame.columns]
    # (looked at as plain lists first: mapping three columns cost more than a small tracker's cells)
    if all(not isinstance(v, str) or simplified(v, chinese) == v for c in texts for v in frame[c].tolist()):
        return frame
    return frame.assign(**{c: frame[c].map(lambda v: simplified(v, chinese) if isinstance(v, str) else v)
                           for c in texts})


def classify_stage(text: pd.Series, settings: Settings) -> pd.Series:
    """Stage per row from its stage/response words; the first list that matches wins (rules §2)."""
    return pd.Series(_per_value(text, lambda t: [stage_of(v, settings) for v in t]), index=text.index)


def _per_value(text: pd.Series | np.ndarray, test) -> np.ndarray:
    """`test` (a list -> array function) run once per distinct value of `text` (a column or its
    array), spread back over the rows: trackers repeat a handful of stage, response and source
    words. (A dict on the plain values, not `pandas.factorize` and a Series of the distinct
    values: those cost more than the test on a small tracker's five rows.)"""
    seen: dict[Any, int] = {}
    codes = np.array([seen.setdefault(v, len(seen)) for v in text.tolist()], dtype=np.intp)
    return np.asarray(test(list(seen)))[codes]


def _per_clause(notes: np.ndarray, read: Callable[[str], str]) -> np.ndarray:
    """Per row `read` of its note (the clause it finds, or '')."""
    return _per_value(notes, lambda t: np.array([read(v) if isinstance(v, str) and v else "" for v in t],
                                                dtype=object))


# An automatic reply that says someone is away answers a message of the user's, not the
# application: "auto reply says she's OOO til 12/8" is an absence, never "my résumé arrived"
_AWAY = re.compile(r"\b(?:ooo|out\s+of\s+(?:the\s+)?office|(?:on|taking)\s+(?:annual\s+|parental\s+|maternity\s+"
                   r"|paternity\s+|sick\s+)?(?:leave|holiday|holidays|vacation|pto)|away\s+(?:until|till|til|from|on)"
                   r"|abwesen\w*|urlaub|absent\w*|ausente|fuori\s+ufficio|afwezig)\b", re.IGNORECASE)
_AUTO_MENTION = re.compile(r"\bauto|\babwesenheitsnotiz|\brespuesta\s+autom", re.IGNORECASE)


def _away_reply(text: Any) -> bool:
    """True when every clause of `text` that names an automatic reply says someone is away."""
    if not isinstance(text, str) or not screened(_AWAY).search(text):
        return False
    clauses = [c for c in re.split(r"[.;\n]|,\s", text) if _AUTO_MENTION.search(c)]
    return bool(clauses) and all(_AWAY.search(c) for c in clauses)


def says_refusal(text: pd.Series) -> np.ndarray:
    """True where the text says the employer ended the application in soft words (`refusals`)."""
    return _per_value(text, lambda t: np.array([bool(refusal(v)) for v in t], dtype=bool))


def contains_words(text: pd.Series, words: tuple[str, ...]) -> np.ndarray:
    """True where the text holds one of `words` (whole words, outside a negation)."""
    holds = word_list(tuple(words)).holds
    return _per_value(text, lambda t: np.array([holds(v) for v in t], dtype=bool))


def _strong_interest(text: pd.Series, settings: Settings) -> np.ndarray:
    """True where the text shows an interview beyond a first screen (rules §5)."""
    beyond = _beyond_a_first_talk(settings)
    return _per_value(text, lambda t: np.array([isinstance(v, str) and beyond(v) for v in t], dtype=bool))


def _beyond_a_first_talk(settings: Settings) -> Callable[[str], bool]:
    """Whether a text names an interview beyond a first talk: a strong-interest word once the first
    screens' words are taken out (rules §5)."""
    screens = word_list(tuple(settings.first_screen_words))
    strong = word_list(tuple(settings.strong_interest_words))
    return lambda text: strong.holds(screens.strip(text))


def _clause_stage(settings: Settings, closed: bool = False) -> Callable[[str], str]:
    """The stage one clause of a note says by the offer and interview words ("offer", "interviewing"
    or ""), and with `closed` first "closed" for a closed word ("turned down an offer elsewhere" is
    no live offer). The stage cell's typo and refusal readers are left out: they cost 0.2 ms a clause."""
    offer, talk = word_list(tuple(settings.offer_words)), word_list(tuple(settings.interviewing_words))
    shut = word_list(tuple(settings.closed_words)) if closed else None

    def clause_stage(clause: str) -> str:
        if shut is not None and shut.holds(clause):
            return "closed"
        return "offer" if offer.holds(clause) else "interviewing" if talk.holds(clause) else ""
    return clause_stage


# An interviewing row whose stage or response names a conversation that has happened gets the
# thank-you; "In progress", "Assessment" or "Interview scheduled" get the next-steps wording.
_TALK_WORDS = ("interview", "screen", "onsite", "on-site", "round", "panel", "call", "spoke", "talked", "met",
               "negotiat", "gespräch", "vorstellungsgespräch", "entretien", "entrevista", "colloquio",
               "sollicitatiegesprek", "gesprek", "rozmowa", "rozmowie", "rozmowę", "面试", "面接", "면접")
_AHEAD_WORDS = ("scheduled", "booked", "upcoming", "invited", "invitation", "set for", "planned", "to schedule",
                "waiting", "awaiting", "pending", "tomorrow", "requested",
                "geplant", "eingeladen", "einladung", "programad", "agendad", "prévu", "programmat", "convocat",
                # an invitation, in the other languages ("convoquée", "me citaron", "convidada", 面接の案内,
                # 면접 제안, 面试邀请)
                "convoqu", "citaron", "citado", "citada", "invitación", "invitacion", "convite", "convidad",
                "案内", "招待", "제안", "초대", "邀请", "邀請",
                "gepland", "ingepland", "uitgenodigd", "uitnodiging", "zaplanowan", "umówion", "zaprosz",
                "安排", "待面试", "予定", "決まった", "確定", "예정", "확정",
                # a plan made, in the words that say so ('约了周四', '打算', '日程が決まり', '일정 잡힘')
                "约了", "約了", "约好", "約好", "约在", "約在", "約咗", "约咗", "打算", "准备", "準備", "予約",
                "決まり",
                "잡혔", "잡힘", "앞두고")


def _first_day_ahead(text: str, words: str, base: np.datetime64, today: dt.date, s: Settings) -> np.datetime64:
    """The first day on or after `today` that `words` of `text` name when written on a day from a
    week before today to today (and not before `base`); NaT when they name none, or name a
    calendar day ("12/10" is that day, whenever it was written)."""
    if names_a_calendar_day(words):
        return np.datetime64("NaT", "D")
    langs = tuple(x for x in dict.fromkeys((s.language, "en")) if x in LANGUAGES)
    for back in range(7, -1, -1):
        written = today - dt.timedelta(days=back)
        if np.datetime64(written, "D") < base:
            continue
        for said in read_statements(text, written, s.date_order == "dmy", langs):
            if said.words == words and said.kind == "interview" and said.date >= today:
                return np.datetime64(said.date, "D")
    return np.datetime64("NaT", "D")


@functools.cache
def _a_test() -> re.Pattern[str]:
    return re.compile(TEST_WORDS, re.IGNORECASE)


def _test_alone(stage_text: np.ndarray, notes: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Per row of `rows`, whether its stage and notes name a test or an exam and no talk (an
    online test taken is no conversation to thank anyone for: the next call asks for the next
    steps)."""
    talk, test = word_list(_TALK_WORDS), screened(_a_test())
    out = np.zeros(len(rows), dtype=bool)
    seen: dict[str, bool] = {}
    for k in np.flatnonzero(rows):
        text = f"{stage_text[k]} . {notes[k]}"
        if text not in seen:      # (behind the literal screen: most notes name no test at all)
            seen[text] = test.search(text) is not None and not talk.holds(text)
        out[k] = seen[text]
    return out


def _interview_held(text: pd.Series) -> np.ndarray:
    talk, ahead = word_list(_TALK_WORDS), word_list(_AHEAD_WORDS)
    return _per_value(text, lambda t: np.array(
        [talk.holds(v) and not ahead.holds(v) for v in t], dtype=bool))


def _callers(cells: Mapping[str, np.ndarray], contact: np.ndarray, called: np.ndarray) -> np.ndarray:
    """Per row whose employer called and whose contact cell (in `contact`) is empty: the person the
    notes or the response (in `cells`) name as the caller by a form of address
    (`facts.caller_named`), else ''."""
    out = np.full(len(called), "", dtype=object)
    for k in np.flatnonzero(called & ~_filled(contact)):
        said = "\n".join(v for v in (cells["response"][k], cells["notes"][k]) if isinstance(v, str))
        out[k] = caller_named(said)
    return out


def _filled(text: np.ndarray) -> np.ndarray:
    """True where a cell holds more than spaces (a missing value counts as filled, as pandas
    compares it)."""
    return np.array([not isinstance(v, str) or v.strip() != "" for v in text.tolist()], dtype=bool)


def _filled_in(text: np.ndarray) -> np.ndarray:
    """The values with a missing one (None, NaN) as ''."""
    out = np.empty(len(text), dtype=object)
    out[:] = ["" if v is None or (isinstance(v, float) and v != v) else v for v in text.tolist()]
    return out


def _joined(*parts: np.ndarray | str, strip: bool = False) -> np.ndarray:
    """Row by row, the texts of `parts` (a column's values, or one text for every row) joined, as
    pandas adds text columns (a row missing one of them is missing: NaN), stripped with `strip`."""
    n = next(len(p) for p in parts if not isinstance(p, str))
    columns = [itertools.repeat(p, n) if isinstance(p, str) else p.tolist() for p in parts]
    out = np.empty(n, dtype=object)
    if all(isinstance(p, str) or all(type(v) is str for v in c) for p, c in zip(parts, columns)):
        # (the usual case: text columns hold text, '' for an empty cell; one join a row, no test)
        columns = [itertools.repeat(p, n) if isinstance(p, str) else c for p, c in zip(parts, columns)]
        joined = ["".join(values) for values in zip(*columns)]
        out[:] = [t.strip() for t in joined] if strip else joined
        return out
    for k, values in enumerate(zip(*columns)):
        if all(isinstance(v, str) for v in values):
            out[k] = "".join(values).strip() if strip else "".join(values)
        else:
            out[k] = np.nan
    return out


def _noted_stages(notes: pd.Series | np.ndarray, settings: Settings) -> np.ndarray:
    """Per row (stage, clause): the stage its notes say it reached, or ("", "")."""
    # (the offer and interview words only: a closed word in the notes makes the row Check data on its own)
    clause_stage = _clause_stage(settings)

    def test(values):
        out = np.empty((len(values), 2), dtype=object)
        for k, v in enumerate(values):
            out[k] = tuple(stage_in_notes(v, clause_stage)) if v and (may_name_a_step(v) or clause_stage(v)) \
                else ("", "")
        return out
    return _per_value(notes, test)


def _outcomes_in_notes(notes: pd.Series | np.ndarray, settings: Settings) -> np.ndarray:
    """Per row the clause of its notes that says plainly the application is over, or ''
    (`notestage.outcome_in_notes`): a closed word as written, or a refusal in soft words."""
    closed = word_list(tuple(settings.closed_words))

    def ends(clause: str) -> str:
        listed = closed.found(clause)
        if listed:
            # (a Latin word's ending, not the Chinese, Japanese or Korean words that follow: "不採用なら")
            hit = re.search(re.escape(listed[0]).replace(r"\ ", r"[\s\-_]+") + r"[^\W\d_\u3040-\u9fff\uac00-\ud7a3]*",
                            clause, re.IGNORECASE)
            return hit.group() if hit else listed[0]
        return refusal(clause)
    return _per_value(notes, lambda t: np.array([outcome_in_notes(v, ends) if isinstance(v, str) else "" for v in t],
                                                dtype=object))


def _told_elsewhere(notes: pd.Series, settings: Settings) -> np.ndarray:
    """Per row: its notes say another employer has made an offer or has the user beyond a first
    talk (`notestage.strong_elsewhere`)."""
    clause_stage, beyond = _clause_stage(settings, closed=True), _beyond_a_first_talk(settings)
    return _per_value(notes, lambda t: np.array(
        [bool(isinstance(v, str) and strong_elsewhere(v, clause_stage, beyond)) for v in t], dtype=bool))


def _applied_flag_stage(flag: pd.Series) -> np.ndarray:
    """An 'Applied' column of yes/no: no means not applied yet."""
    no = {"no", "n", "false", "0", "not yet", "nope"}
    return _per_value(flag, lambda f: np.array([isinstance(v, str) and v.lower().strip() in no for v in f], dtype=bool))


def _busday(dates: pd.Series) -> np.ndarray:
    return dates.to_numpy(dtype="datetime64[D]")


def next_business_day(day: dt.date, holidays: tuple[dt.date, ...] = ()) -> dt.date:
    """`day` itself when it is a business day (Monday to Friday, not one of `holidays`), else the next one."""
    calendar = np.busdaycalendar(holidays=np.array(holidays, dtype="datetime64[D]"))
    return np.busday_offset(np.datetime64(day, "D"), 0, roll="forward", busdaycal=calendar).astype(object)


def _day_after(days: np.ndarray, cal: np.busdaycalendar) -> np.ndarray:
    """The business day after each day (after a Saturday: the Monday); NaT stays NaT."""
    ok = ~np.isnat(days)
    safe = np.where(ok, days, np.datetime64("2000-01-03", "D"))
    out = np.busday_offset(np.busday_offset(safe, 0, roll="backward", busdaycal=cal), 1, busdaycal=cal)
    return np.where(ok, out, np.datetime64("NaT", "D"))


def _on_or_after(days: np.ndarray, cal: np.busdaycalendar) -> np.ndarray:
    """The first business day on or after each day; NaT stays NaT."""
    ok = ~np.isnat(days)
    safe = np.where(ok, days, np.datetime64("2000-01-03", "D"))
    return np.where(ok, np.busday_offset(safe, 0, roll="forward", busdaycal=cal), np.datetime64("NaT", "D"))


def _noted_day(days: pd.Series, base: np.ndarray, today: np.datetime64, rows: np.ndarray) -> np.ndarray:
    """For `rows` (a mask), the latest of `days` (dates a note gives) from `base` to `today`, else
    `base`."""
    out = base.copy()
    said_days = days.to_numpy()
    for i in np.flatnonzero(rows):
        for day in reversed(said_days[i]):
            d = np.datetime64(day, "D")
            if base[i] <= d <= today:
                out[i] = d
                break
    return out


def _nat(n: int) -> np.ndarray:
    return np.full(n, np.datetime64("NaT", "D"))


def build_plan(frame: pd.DataFrame, today: dt.date, settings: Settings | None = None,
               columns: Mapping[str, Any] | None = None,
               marked: Mapping[tuple[Any, str], dt.date] | None = None) -> pd.DataFrame:
    """Status, due date, situation, channel and Today priority for every application row, and the
    facts behind them. `columns` (field -> an object with `.header` and `.letter`, as
    `Tracker.columns`) lets each fact name its cell; without it a fact names its field and row.
    `marked`: (sheet row, field) -> the day of the Today-sheet mark that wrote that cell, so a fact
    read from it says it came from that mark."""
    s = settings or Settings()
    frame = _as_read(frame, s.language == "zh")
    today64 = np.datetime64(today, "D")
    idx = frame.index
    n = len(idx)

    # (the text columns as arrays, taken once: each look-up and masked copy of a column costs pandas
    # more than a small tracker's rows)
    cells = {f: frame[f].to_numpy() for f in ("stage", "response", "notes")}
    notes = cells["notes"]
    stage_text = _joined(cells["stage"], " ", cells["response"], strip=True)
    stage = _per_value(stage_text, lambda t: [stage_of(v, s) for v in t]).astype(object)
    # an automatic reply noted in the notes counts too, by its unmistakable words ("auto" alone in
    # a note may be a car dealer's name)
    in_notes = tuple(w for w in s.autoresponse_words if w not in ("auto", "automatic", "automated", "confirmation"))
    told = {f: contains_words(cells[f], s.autoresponse_words) | _per_value(
        cells[f], lambda t: np.array([auto_reply(v) for v in t], dtype=bool)) for f in ("stage", "response")}
    auto_in = {**told, "notes": contains_words(notes, in_notes)}
    # an employer's automatic reply means the application went out: a word of not having applied
    # in the same cells is the sender's ("auto email, thanks for applying"), never the stage
    stage = np.where((stage == "not_applied") & (told["stage"] | told["response"]), "applied", stage)
    stage = np.where(_applied_flag_stage(frame["applied_flag"].to_numpy()) & (stage == "applied"), "not_applied", stage)
    # a stage said only in the notes, while the stage cell says no more than applied ("Technical
    # round cleared", "2nd round booked for the 14th"): the row's stage, its clause read as a stage cell's
    noted = _noted_stages(np.where(stage == "applied", notes, ""), s)
    # (and the stage cell's own words the same way: "Technical round cleared", "Case study sent")
    in_cell = _noted_stages(np.where(stage == "applied", cells["stage"], ""), s)
    noted = np.where((noted[:, 0] == "")[:, None], in_cell, noted)
    from_notes = noted[:, 0] != ""
    stage = np.where(from_notes, noted[:, 0], stage)
    stage_text = np.where(from_notes, _joined(stage_text, " ", noted[:, 1], strip=True), stage_text)
    # an interview being arranged ("scheduling a call", "in Terminabstimmung", "日程調整中"): the
    # interview stage, ahead (rules §3), not an application still waiting for news
    talking = (stage == "applied") | (stage == "interviewing")
    arranging_in = {f: _per_value(np.where(talking, text, ""),
                                  lambda t: np.array([being_arranged(v) if v else "" for v in t], dtype=object))
                    for f, text in (("stage", stage_text), ("notes", notes))}
    arranging = (arranging_in["stage"] != "") | (arranging_in["notes"] != "")
    by_notes = (arranging_in["notes"] != "") & (stage == "applied")
    stage = np.where(arranging & (stage == "applied"), "interviewing", stage)
    stage_text = np.where(by_notes, _joined(stage_text, " ", arranging_in["notes"], strip=True), stage_text)
    from_notes = from_notes | by_notes
    # a row with no date at all whose notes say it is still to be sent ("meant to apply before
    # xmas", "CV noch abschicken"): not applied, rather than Check data asking for a date
    applied = _busday(frame["applied_on"])
    contacted = _busday(frame["last_contact"])
    undated = np.isnat(applied) & np.isnat(contacted)
    unsent = contains_words(np.where((stage == "applied") & undated, notes, ""), s.not_applied_words)
    stage = np.where(unsent, "not_applied", stage)
    strong = _strong_interest(stage_text, s)
    # a later round said in the notes of a row at the interview stage ("Interview" / "2nd interview
    # Thurs 10th Dec"): the row is beyond a first talk too
    beyond = _beyond_a_first_talk(s)
    strong |= _per_value(np.where((stage == "interviewing") & ~strong, notes, ""), lambda t: np.array(
        [bool(isinstance(v, str) and strong_here(v, beyond)) for v in t], dtype=bool))
    # an agency named in the notes ("via a staffing agency") too; "recruiter" alone there may be the
    # employer's own
    agency_words = tuple(w for w in s.recruiter_words if w not in ("recruiter", "reclutador"))
    # the company, the contact's own note or the source names a recruiting agency ("Hays",
    # "Nordlicht Personalberatung", "Ana Ruiz (Randstad)"): the contact is the agency's recruiter
    agencies = find_agencies(frame, s, word_list(tuple(s.agency_words)).found)
    contact = frame["contact"].to_numpy()
    recruiter = contains_words(_joined(frame["source"].to_numpy(), " ", contact), s.recruiter_words) \
        | contains_words(notes, agency_words) | agencies.named
    # a closed outcome the notes state plainly while neither the stage nor the response cell says
    # anything ("they went with someone else", "Absage erhalten", "不採用の連絡あり"): the row is
    # closed, its note the fact (rules §2, §6); a row whose stage cell says otherwise is asked about
    unstaged = ~_filled(cells["stage"]) & ~_filled(cells["response"]) \
        & np.isin(stage, ["applied", "interviewing", "offer"])
    outcome = _outcomes_in_notes(np.where(unstaged, notes, ""), s)
    ended = outcome != ""
    stage = np.where(ended, "closed", stage)
    stage_text = np.where(ended, outcome, stage_text)
    from_notes = from_notes | ended
    # an offer the notes say the user accepted ("accepted the offer", "Zusage gegeben"), whatever open
    # stage the cell still says: hired, the row closed (rules §2 "offer accepted"), no more calls
    took = _per_clause(np.where(np.isin(stage, ["applied", "interviewing", "offer"]), notes, ""), offer_accepted)
    hired = took != ""
    stage = np.where(hired, "closed", stage)
    stage_text = np.where(hired, took, stage_text)
    from_notes = from_notes | hired
    st = stage
    open_stage = np.isin(st, ["applied", "interviewing", "offer"])
    open_notes = np.where(open_stage, notes, "")
    auto_in["notes"] = auto_in["notes"] | _per_value(
        open_notes, lambda t: [auto_reply(v) for v in t]).astype(bool)
    # an automatic reply saying someone is away is an absence, not "my résumé arrived"
    away = _per_value(_joined(np.where(open_stage, stage_text, ""), " . ", open_notes),
                      lambda t: np.array([_away_reply(v) for v in t], dtype=bool))
    auto_in = {f: hit & ~away for f, hit in auto_in.items()}
    autoresponse = auto_in["stage"] | auto_in["response"] | auto_in["notes"]
    # the cell that tells of it, for the fact's source
    auto_field = np.select([auto_in["response"], auto_in["stage"], auto_in["notes"]], ["response", "stage", "notes"],
                           default="")
    # (what the notes of a closed or not-applied row say is never read: only open rows have facts)
    read = read_ledger(frame, s, columns, rows=open_stage, today=today)
    ledger = read.columns

    # a log entry's day in the notes ("4/12 HR rang") is a contact too, once it has come
    logged = ledger["logged_on"].to_numpy(dtype="datetime64[D]")
    last = np.fmax(contacted, np.where(logged <= today64, logged, np.datetime64("NaT", "D")))
    # (a last contact the row holds as a day, not only as a week: "vorige week gebeld" is no day to say)
    day_said = ~np.isnat(last) & (~np.isnat(contacted) | ~ledger["logged_rough"].to_numpy(dtype=bool))
    pinned = _busday(frame["pinned"])
    interview_on = _busday(frame["interview_on"]) if "interview_on" in frame else _nat(n)
    stated_on = ledger["stated_on"].to_numpy(dtype="datetime64[D]")
    base = np.fmax(applied, last)                    # NaT-aware: the later known date
    has_base = ~np.isnat(base)
    # something the notes date by the calendar after those ("verbal offer 12/2", "onsite 11/24")
    # happened then: the row's last contact, whoever made it, is at least that day
    base = np.where(has_base & open_stage, _noted_day(ledger["event_days"], np.where(has_base, base, today64),
                                                       today64, has_base & open_stage), base)
    cal = business_calendar(s.country, s.holidays,
                            years_in_play(today, np.concatenate([base, pinned, stated_on, interview_on,
                                                                 ledger["interview_stated"].to_numpy(dtype="datetime64[D]")])))
    safe_base = np.where(has_base, base, today64)

    # who made the last contact (rules §2, §7): an employer's call or e-mail is not the user's follow-up
    employer_called = open_stage & (ledger["employer_call"].to_numpy() | ledger["employer_mail"].to_numpy()) \
        & ~ledger["user_after"].to_numpy() & has_base
    # the day of their contact: the latest day the notes give to a plain event, between the base and
    # today ("HR rang Thursday", after an application on the Wednesday), else the base itself
    called_on = _noted_day(ledger["plain_days"], safe_base, today64, employer_called)
    # a call that gave their news ("Orla rang, client reviewing CVs, she'll come back to me in a
    # fortnight") was answered: a conversation, nothing to return; the row waits for that news
    news_on = ledger["answer_on"].to_numpy(dtype="datetime64[D]")
    # (on an offer the day after the call is the user's answer, not their news: the offer's own
    # cadence and cap go on from the call, as before)
    talked = employer_called & ~np.isnat(news_on) & (news_on > called_on) & (st != "offer")
    for k in np.flatnonzero(talked):
        said = [v for v in (cells["response"][k], notes[k]) if isinstance(v, str)]
        talked[k] = not call_unanswered("\n".join(said))
    # an interview being arranged, told apart from their call ("Anruf von Fr. Gruber, Termin wird noch
    # abgestimmt", "recruiter emailed, scheduling a call") is what their call or e-mail said: it was
    # answered, and the next step is to agree a time; arranging as the call's purpose ("HR rang to set
    # up a screen") leaves the call to be returned
    arranged_apart = np.zeros(n, dtype=bool)
    for k in np.flatnonzero(employer_called & ~talked & arranging):
        clause = arranging_in["notes"][k] or arranging_in["stage"][k]
        said = [v for v in (cells["response"][k], notes[k]) if isinstance(v, str)]
        arranged_apart[k] = not tells_their_contact(clause) and not call_unanswered("\n".join(said))
    talked = talked | arranged_apart
    for k in np.flatnonzero(employer_called & ~talked):
        talked[k] = contact_gave_its_news("\n".join(v for v in (cells["response"][k], notes[k]) if isinstance(v, str)))
    employer_called = employer_called & ~talked
    called_on = np.where(talked, safe_base, called_on)
    call_day_noted = called_on != safe_base          # the notes gave the call its day
    employer_called_on = np.where(employer_called, called_on, np.datetime64("NaT", "D"))
    last_by = np.select([~has_base, (employer_called | talked | (st == "offer")) & ~ledger["user_after"].to_numpy()],
                        ["", "employer"], default="user")

    # (their call, answered or not, is no follow-up of the user's)
    contacted_after = ~np.isnat(last) & (np.isnat(applied) | (last > applied)) & ~employer_called & ~talked
    counted = frame["follow_ups"].to_numpy(dtype=float)
    # the user's own chasers the notes tell of count too ("emailed twice": two follow-ups), when
    # the tracker keeps no count of its own
    chases = ledger["chases"].to_numpy(dtype=int)
    follow_ups = np.where(np.isnan(counted), np.maximum(np.where(contacted_after, 1, 0), chases), counted)

    # interviews: one still ahead gets no call before it; a held one a thank-you the next business day
    kind = ledger["stated_kind"].to_numpy()
    written = ledger["written"].to_numpy(dtype="datetime64[D]")
    # a date after the day the note was written states what is to come; one on or before it records what was
    fresh = ~np.isnat(stated_on) & (np.isnat(written) | (stated_on > written))
    stated_interview = ledger["interview_stated"].to_numpy(dtype="datetime64[D]")
    interview_day = np.where(np.isnat(interview_on), stated_interview, interview_on)
    # an interview being arranged has no day yet: a past day beside it is the day of the entry that
    # says so ("12/2 HR reached out - setting up a phone screen") or of an earlier round's talk
    # ...unless the arranging clause gives an earlier day: it was arranged then, and held on its day
    # ("12/2 phone screen w/ Hannah. 11/25 Hannah emailed to set up screen")
    for k in np.flatnonzero(arranging & (interview_day < today64) & (arranging_in["notes"] != "")):
        langs = tuple(x for x in dict.fromkeys(("en", s.language)) if x in LANGUAGES)
        days = [st.date for st in read_statements(arranging_in["notes"][k], safe_base[k].astype(object),
                                                  s.date_order == "dmy", langs)]
        if days and np.datetime64(max(days), "D") < interview_day[k] and interview_day[k] >= safe_base[k]:
            arranging[k] = False
    interview_day = np.where(arranging & (interview_day < today64), np.datetime64("NaT", "D"), interview_day)
    ahead_words = contains_words(stage_text, _AHEAD_WORDS) | contains_words(notes, _AHEAD_WORDS) | arranging
    # an interview said only relative to the day of writing ("面接は来週火曜", "rozmowa w przyszły
    # wtorek"), in a row that keeps no last contact and says the interview is still ahead ("面接予定",
    # "Interview scheduled"): the note may have been written any day up to today, so its day is
    # the first the words can name that is not past, not the one they named from the date applied
    relative = ahead_words & ~arranging & np.isnat(interview_on) & np.isnat(contacted) \
        & (interview_day < today64) & (ledger["interview_words"].to_numpy() != "")
    reread = np.zeros(n, dtype=bool)      # (a day so found is the plan's guess: never said aloud)
    for k in np.flatnonzero(relative):
        field = ledger["interview_field"].iat[k]
        day = _first_day_ahead(str(cells[field][k] if field in cells else ""),
                               str(ledger["interview_words"].iat[k]), safe_base[k], today, s)
        reread[k] = not np.isnat(day)
        interview_day[k] = interview_day[k] if np.isnat(day) else day
    # a row at the interview stage whose words say the interview is ahead ("Interview scheduled",
    # "invited") and whose notes give only a plain day still to come ("Thurs @ 2"): that day is its day
    plain_ahead = (st == "interviewing") & ahead_words & ~arranging & np.isnat(interview_day) & (kind == "date") \
        & fresh & (stated_on >= today64)
    interview_day = np.where(plain_ahead, stated_on, interview_day)
    # an employer's call that set up an interview on or after its day was answered by that interview
    # ("3/12 HR rang, we meet Thursday"): before it nothing is returned, after it comes the thank-you
    about_interview = employer_called & ~np.isnat(interview_day) & (interview_day >= safe_base)
    employer_called = employer_called & ~about_interview
    employer_called_on = np.where(employer_called, employer_called_on, np.datetime64("NaT", "D"))
    interviewing = st == "interviewing"
    interview_ahead = np.where(open_stage & (st != "offer") & ~np.isnat(interview_day) & (interview_day >= today64),
                               interview_day, np.datetime64("NaT", "D"))
    ahead = ~np.isnat(interview_ahead)
    held = interviewing & ~ahead & ((~np.isnat(interview_day) & (interview_day < today64))
                                    | (_interview_held(stage_text) & ~(ahead_words & np.isnat(interview_day))))
    # (a test taken, with no talk named, is a step passed, not a conversation held)
    held = held & ~_test_alone(stage_text, notes, held)
    held_on = np.where(~np.isnat(interview_day) & (interview_day < today64), interview_day, safe_base)
    # without the interview's own date, the thank-you is due only while no follow-up is counted
    known_day = ~np.isnat(interview_day) & (interview_day < today64)
    # (a chaser of the user's after the interview is the follow-up that came after it: no thank-you now)
    thank_you = held & ~ledger["thanked"].to_numpy() & ~ledger["chased_after"].to_numpy() & has_base & np.where(
        known_day, np.isnat(last) | (last <= held_on), follow_ups == 0)

    # on hold: waits until the stated date or hold_days after base, never a call today
    hold_in = {f: contains_words(cells[f], s.hold_words) for f in ("stage", "response", "notes")}
    # the listed phrases' initials ("KIV") in a stage or response cell; in the notes only when said
    # to be the employer's ("HR said KIV": a bare "kiv" after the user's own words is as often the
    # user's "keep an eye on it")
    for f in ("stage", "response", "notes"):
        hold_in[f] |= _per_value(cells[f], lambda t, f=f: np.array(
            [_initials_in(v, s.hold_words, said=f == "notes") for v in t], dtype=bool))
    hold = open_stage & (hold_in["stage"] | hold_in["response"] | hold_in["notes"]) & has_base
    hold_field = np.select([hold_in["stage"], hold_in["response"]], ["stage", "response"], default="notes")
    # (news promised for a day ends the wait too: "1월 중순에 다시 연락 준다고 함")
    hold_stated = fresh & np.isin(kind, ["hold", "date", "call_back", "back", "feedback", "decision"]) \
        & (stated_on > safe_base)
    hold_day = np.where(hold_stated, stated_on, safe_base + np.timedelta64(s.hold_days, "D"))
    hold_until = np.where(hold, _on_or_after(hold_day, cal), np.datetime64("NaT", "D"))
    hold_said = _hold_words(frame, hold, hold_field, s)

    # calls that reached nobody: retried the next business day, max_retries in a row, then e-mail
    attempts = ledger["attempts"].to_numpy()
    retry = open_stage & (attempts >= 1) & (attempts <= s.max_retries) & has_base
    retries_spent = open_stage & (attempts > s.max_retries)
    # the employer's call the user returned and reached nobody ("she rang 12/2, I missed it; called
    # back 12/3, voicemail, left a message"): the next try still returns their call, and says the
    # message left (rules §7: each from its cell)
    returned = np.zeros(n, dtype=bool)
    returned_of, message_on = _nat(n), _nat(n)
    message_left = np.zeros(n, dtype=bool)
    for k in np.flatnonzero(retry | retries_spent):
        if not isinstance(notes[k], str):
            continue
        theirs, tried, left = returned_call(notes[k], read.statements[k])
        if theirs is None and tried is None and not left:
            continue
        returned[k], message_left[k] = True, left
        returned_of[k] = np.datetime64(theirs, "D") if theirs else returned_of[k]
        message_on[k] = np.datetime64(tried, "D") if tried and left else message_on[k]

    # a plain dated statement sets the next date (after a decision date: the business day after)
    # (an answer deadline on an offer is the user's own: the offer's timeline check goes on)
    decision = (kind == "decision") | (kind == "feedback") | (kind == "answer")
    stated_next = np.where(decision, _day_after(stated_on, cal), _on_or_after(stated_on, cal))
    # (nor may another stated date push an offer's next call past the day its answer is due)
    answer_on = ledger["deadline_on"].to_numpy(dtype="datetime64[D]")    # (the employer's news is no deadline)
    # on an offer the decision is the user's own: "decide by 11.12." is the answer's deadline, not a
    # day to wait for
    offer_answer = (st == "offer") & ((kind == "answer") | (kind == "decision")
                                      | (~np.isnat(answer_on) & (answer_on < stated_on)))
    # an answer the user owes anywhere ("要求12月9号前答复" in a negotiation) is no day to wait for
    # either, nor one beside another employer's offer ("内定あり（他社）。返事は12/11まで")
    told_elsewhere = _told_elsewhere(notes, s)
    offer_answer = offer_answer | ledger["stated_mine"].to_numpy(dtype=bool) | (told_elsewhere & (kind == "answer"))
    use_stated = open_stage & fresh & has_base & ~offer_answer

    gap = np.select(
        [interviewing, st == "offer", follow_ups == 0],
        [s.interview_gap, s.offer_gap, s.first_gap], default=s.repeat_gap).astype(int)
    cadence_due = np.busday_offset(safe_base, gap, roll="forward", busdaycal=cal)
    use_pin = ~np.isnat(pinned) & has_base & (pinned >= safe_base)
    # once the day the row gives for the decision has come and gone, the follow-up after it is
    # what is due: a thank-you not sent by then is no longer the next step (the script asks for
    # the news, and still thanks for the interview)
    thank_you = thank_you & ~(use_stated & decision & (stated_next <= today64))
    # nor once it is later than a follow-up would be (its day and repeat_gap more): a thank-you
    # weeks late is no next step; the follow-up is, or a day the row states ("call back in January")
    thank_day = _day_after(held_on, cal)
    thank_you = thank_you & ~(np.busday_offset(np.where(np.isnat(thank_day), today64, thank_day), s.repeat_gap,
                                               roll="forward", busdaycal=cal) < today64)
    reasons = ["pinned", "interview", "return_call", "hold", "thank_you", "stated", "retry"]
    choices = [use_pin, ahead, employer_called, hold, thank_you, use_stated, retry]
    dates = [pinned, _day_after(interview_ahead, cal), _day_after(employer_called_on, cal), hold_until,
             thank_day, stated_next, _day_after(safe_base, cal)]
    due = np.select(choices, dates, default=cadence_due)
    next_reason = np.select(choices, reasons, default="cadence").astype(object)
    next_reason = np.where(next_reason == "stated", kind, next_reason)
    due = np.where(has_base, due, np.datetime64("NaT", "D"))
    soon_limit = np.busday_offset(today64, s.soon_window, roll="forward", busdaycal=cal)

    future = (~np.isnat(applied) & (applied > today64)) | (~np.isnat(last) & (last > today64))
    # the notes say it is over ("they're not interested", "offer rescinded") while the stage is open:
    # asked about, never called (rules §7: every sentence true)
    # (a clause about another employer says nothing of this application: "turned down an offer elsewhere")
    own_notes = _per_value(notes, lambda t: np.array([this_employers(v) if isinstance(v, str) else v for v in t],
                                                     dtype=object))
    ended_in_notes = open_stage & (contains_words(own_notes, s.closed_words)
                                   | says_refusal(np.where(open_stage, own_notes, "")))
    # (said negated, hoped, as a condition or a guess, it is no end: "hope they don't pick someone else")
    ended_clause = _outcomes_in_notes(np.where(ended_in_notes, own_notes, ""), s)
    # the notes say the employer went silent ("ghosted", "Funkstille", "no reply for 6 weeks"): Gone
    # cold, the note cited (rules §4), not a question about a closed word; unless an interview or a
    # pinned date still ahead says otherwise
    silence = _per_clause(np.where(open_stage, notes, ""), went_silent)
    silent = (silence != "") & ~ahead & ~(~np.isnat(pinned) & (pinned >= today64))
    ended_in_notes &= (ended_clause != "") & ~(silent & (ended_clause == silence))
    bad_date = (frame["problem"].to_numpy() != "") | future | ended_in_notes
    date_ahead = (~np.isnat(pinned) & (pinned >= today64) & has_base & (pinned >= safe_base)) \
        | ((use_stated | hold) & (due >= today64)) | ahead
    cold = has_base & ((today64 - safe_base).astype("timedelta64[D]").astype(int) > s.cold_after_days) & ~date_ahead
    own_cap = frame["max_follow_ups"].to_numpy(dtype=float) if "max_follow_ups" in frame else np.full(n, np.nan)
    cap = np.where(np.isnan(own_cap), s.max_follow_ups, own_cap)   # a row's "Max follow-ups" wins
    # An interviewing row stops at max_interview_follow_ups (the thank-you among them); an offer, which
    # comes later, at the applied cap plus that. Only while the user made the last contact: the
    # employer's newer call or offer keeps the row open.
    capped = ((st == "applied") & (follow_ups >= cap)) \
        | ((last_by == "user") & ~thank_you & ~ahead
           & ((interviewing & (follow_ups >= s.max_interview_follow_ups))
              | ((st == "offer") & (follow_ups >= cap + s.max_interview_follow_ups))))
    status = np.select(
        [st == "closed",
         st == "not_applied",
         ~has_base | bad_date,
         open_stage & ((capped & (today64 >= due) & ~employer_called) | cold | silent),
         due < today64,
         due == today64,
         (due > today64) & (due <= soon_limit)],
        [Status.CLOSED.value, Status.NOT_APPLIED.value, Status.CHECK_DATA.value, Status.GONE_COLD.value,
         Status.OVERDUE.value, Status.DUE_TODAY.value, Status.DUE_SOON.value],
        default=Status.WAITING.value)
    active = np.isin(status, [x.value for x in ACTIVE])

    # a process on hold is no strong interest while the row says so (nothing moves there)
    hot = active & ~future & ~hold & ((st == "offer") | (interviewing & strong))
    # (or the notes of a live row say another employer has made an offer or has the user in a later
    # round: "内定あり（他社）", "offer from another company")
    company = frame["company"].to_numpy()
    live_other = _elsewhere(company, hot) | bool((told_elsewhere & active).any())
    has_mgr = _names_someone(frame["hiring_manager"].to_numpy(), s.blank_words)
    has_ref = _names_someone(frame["referrer"].to_numpy(), s.blank_words)
    situation = np.select(
        [interviewing, st == "offer", recruiter, has_ref, has_mgr, autoresponse, live_other],
        list(SITUATIONS[:-1]), default=SITUATIONS[-1])
    situation = np.where(active, situation, "")
    email = frame["no_calls"].to_numpy(dtype=bool) | ledger["email_only"].to_numpy() | retries_spent \
        | (thank_you & (next_reason == "thank_you"))

    # business days, as the README promises and as the due date is counted: Friday's call is one
    # day late on Monday, not three
    late = active & ~np.isnat(due)
    days_overdue = np.where(late, np.busday_count(np.where(late, due, today64).astype("datetime64[D]"), today64,
                                                  busdaycal=cal).astype(float), np.nan)
    nat = np.datetime64("NaT", "D")
    check = _future_messages(frame, future & (st != "closed") & (st != "not_applied"), columns, today)
    status = np.where((future | ended_in_notes) & (st != "closed") & (st != "not_applied"), Status.CHECK_DATA.value,
                      status)
    noted_facts = _note_facts(np.where(active, notes, ""), np.where(active, stage_text, ""), ledger, today)
    written_offer = noted_facts.pop("written_offer") & (st == "offer")
    # the day the row's call is made: a deadline elsewhere before it is past by then, not to be said
    call_day = np.where(active & ~np.isnat(due) & (due > today64), due, today64).astype("datetime64[D]")
    other_by, other_written = _offer_elsewhere(company, active & (st == "offer"), noted_facts["answer_by"],
                                               written_offer, call_day)
    competing = situation == Situation.COMPETING_INTEREST.value
    plan = pd.DataFrame({
        "stage": st,
        "status": status,
        "due": datetime_column(np.where(active, due, nat)),
        "follow_ups": follow_ups.astype(int),
        "situation": situation,
        "channel": np.where(situation != "", np.where(email, "email", "call"), ""),
        "days_overdue": np.where(np.isnan(days_overdue), 0, np.maximum(days_overdue, 0)).astype(int),
        "autoresponse": autoresponse,
        "autoresponse_field": auto_field,
        "recruiter": recruiter,
        "agency_company": agencies.company,
        # the person the row names (or the company cell itself) is a recruiting agency's: the scripts
        # ask them about their client, never speak to them as the employer
        "via_agency": agencies.named & (_filled(contact) | agencies.company),
        "person": has_mgr | has_ref,
        "interview_held": held,
        "last_by": last_by,
        "chases": chases,
        "stage_in_notes": from_notes,
        "employer_called": employer_called & active,
        # the person the notes name as the one who called, for a row whose contact cell is empty
        "caller": _callers(cells, contact, employer_called & active),
        # the day said aloud only when the row gives one (a last contact, a log entry's day, the day the
    # notes give the call: "HR rang Thursday"); a call the
        # notes mention without a day is returned without one ("your call", not "your call of <applied>")
        "employer_called_on": datetime_column(np.where(employer_called & active & (day_said | call_day_noted),
                                                      employer_called_on, nat)),
        "thank_you": thank_you & active,
        "interview_ahead": datetime_column(np.where(active, interview_ahead, nat)),
        # an interview being arranged, with no day yet: the script asks to settle a time
        "interview_arranging": active & arranging & interviewing & np.isnat(interview_ahead) & ~held,
        "arranging_field": np.where(arranging_in["notes"] != "", "notes", "stage"),
        # the notes give the interview only a week or a span ("2nd round in 2 wks", "w/c 14 Dec"):
        # the plan keeps that day, the scripts never say it
        "interview_rough": active & np.isnat(interview_on) & ~np.isnat(interview_ahead)
        & (ledger["interview_is_rough"].to_numpy(dtype=bool) | reread),
        "hold_until": datetime_column(np.where(active, hold_until, nat)),
        # the hold's own words once its end has come ("hiring freeze"): the call says it has passed
        # (only a day the row states: hold_days' own end is the tool's guess, no "pause until" to claim)
        "hold_ended": np.where(active & hold & hold_stated & (hold_until <= today64), hold_said, ""),
        "retry": retry & active & ~employer_called,
        # their call returned with no answer: its day, and the message the user left and its day
        "returned_unanswered": returned & active & ~employer_called,
        "returned_call_on": datetime_column(np.where(returned & active & ~employer_called, returned_of, nat)),
        "message_left": message_left & returned & active & ~employer_called,
        "message_left_on": datetime_column(np.where(message_left & returned & active & ~employer_called,
                                                    message_on, nat)),
        "stated_on": datetime_column(np.where(active & fresh, stated_on, nat)),
        "next_reason": np.where(active, next_reason, ""),
        "strong_elsewhere": live_other & active,
        "confirm_cold": (status == Status.GONE_COLD.value) & np.isin(st, ["interviewing", "offer"]),
        # the clause of the notes that says the employer went silent, for a row Gone cold by it
        "went_silent": np.where(silent & (status == Status.GONE_COLD.value), silence, ""),
        "check": np.where(check != "", check, _ended_messages(frame, ended_in_notes, columns, s)),
        **noted_facts,
        "written_offer": written_offer,
        "other_offer_by": datetime_column(np.where(competing, other_by, np.datetime64("NaT", "D"))),
        "other_offer_written": other_written & competing,
    }, index=idx)
    plan["facts"] = collect_facts(frame, plan, read, columns, hold_field, agencies, marked)
    plan["call_back"] = _asked_call_backs(plan["call_back"], plan["facts"], frame)
    # in the run's language, as the Today sheet that shows it (rules §8)
    plan["why"] = [" · ".join(f.label(s.language) for f in facts if f.kind != "applied") for facts in plan["facts"]]
    # What a later day alone would change (a live workbook's status formula): an open row goes
    # cold on `cold_from` (unless a date of its own, pinned, stated, a hold or an interview, is
    # still ahead), or at its due date when it is at its last allowed follow-up.
    moving = active & open_stage
    cold_day = safe_base + np.timedelta64(s.cold_after_days + 1, "D")
    plan["cold_from"] = datetime_column(np.where(moving, cold_day, np.datetime64("NaT", "D")))
    plan["cold_pinned"] = moving & (use_pin | use_stated | hold | ahead)
    plan["cold_at_due"] = moving & capped & ~employer_called
    return plan


def _future_messages(frame: pd.DataFrame, future: np.ndarray, columns: Mapping[str, Any] | None,
                     today: dt.date) -> np.ndarray:
    """For a date after today in the applied or last-contact column: which cell to fix (rules §1)."""
    out = np.full(len(frame), "", dtype=object)
    for i in np.flatnonzero(future):
        row = frame.index[i]
        for field in ("applied_on", "last_contact"):
            day = frame[field].iloc[i]
            if not pd.isna(day) and pd.Timestamp(day).date() > today:
                out[i] = Worded("Row {row}: {cell} is {day}, after today; correct the date so the next follow-up can "
                                "be worked out", row=row, cell=source_of(columns, field, row),
                                day=f"{pd.Timestamp(day):%Y-%m-%d}")
                break
    return out


def _ended_messages(frame: pd.DataFrame, ended: np.ndarray, columns: Mapping[str, Any] | None,
                    settings: Settings) -> np.ndarray:
    """For a row whose notes say it is over while its stage is open: what to do (rules §7)."""
    out = np.full(len(frame), "", dtype=object)
    closed = word_list(tuple(settings.closed_words))
    for i in np.flatnonzero(ended):
        row = frame.index[i]
        note = str(frame["notes"].iloc[i])
        listed = closed.found(note)
        if listed:
            hit = re.search(re.escape(listed[0]).replace(r"\ ", r"[\s\-_]+") + r"\w*", note, re.IGNORECASE)
            said = hit.group() if hit else listed[0]
        else:       # said in soft words ("went with an internal candidate")
            said = refusal(note)
        if columns is not None and not ({"stage", "response"} & set(columns)):
            # (no column to set: say to add one, not to change a status the sheet does not have)
            out[i] = Worded("Row {row}: {cell} says {said} but the sheet has no status column; if the application is "
                            "over, add one (Status) and write a closed word in this row (Rejected, Withdrawn); if it "
                            "is not, reword the note", row=row, cell=source_of(columns, "notes", row), said=repr(said))
            continue
        out[i] = Worded("Row {row}: {cell} says {said} but the status is still open; if the application is over, "
                        "set its status to a closed word (Rejected, Withdrawn); if it is not, reword the note",
                        row=row, cell=source_of(columns, "notes", row), said=repr(said))
    return out


_LEGAL_SUFFIX = re.compile(r"\b(?:inc|incorporated|llc|ltd|limited|plc|corp|corporation|co|company|gmbh|ag|kg|se"
                           r"|sa|sas|sarl|sl|srl|spa|bv|nv|ab|oy|as|pty|pte|kk)\b")


def company_key(name: Any) -> str:
    """A company name as one employer: case, accents' forms, punctuation, bracketed notes and
    legal suffixes (Inc, GmbH, Ltd...) dropped: "ACME, Inc." and "Acme (Berlin office)" are one."""
    if not isinstance(name, str):
        return ""
    text = re.sub(r"\([^)]*\)|\[[^]]*\]", " ", normalise(name))
    text = re.sub(r"[^\w\s&]", " ", text)
    text = _LEGAL_SUFFIX.sub(" ", text)
    return " ".join(text.split())


_STATED_KINDS = ("hold", "decision", "feedback", "answer", "interview", "back", "call_back", "date")


def review_lines(frame: pd.DataFrame, plan: pd.DataFrame) -> list[str]:
    """What `check` lists from the plan: each date read from a note or a response, and each
    interview or offer that went cold, for the user to confirm (rules §3)."""
    lines: list[str] = []
    read = [(row, f) for row, facts in plan["facts"].items() for f in facts if f.kind in _STATED_KINDS and f.text]
    if read:
        lines.append(f"Dates read from notes ({len(read)}):")
        lines.extend(f"  Row {row}: {f.source}: {f.text!r} -> {f.date:%Y-%m-%d} ({f.kind.replace('_', ' ')})"
                     for row, f in read)
    cold = plan.index[plan["confirm_cold"].to_numpy(dtype=bool)]
    if len(cold):
        lines.append(f"Gone cold: still open? ({len(cold)}):")
        for row in cold:
            name = " / ".join(v for v in (frame.at[row, "company"], frame.at[row, "position"]) if v)
            lines.append(f"  Row {row}: {name or '(no company)'} ({plan.at[row, 'stage']}) has had no contact for a "
                         "long time; close it, or give a date to follow up")
    return lines


def _company_keys(company: pd.Series | np.ndarray) -> np.ndarray:
    return np.asarray(_per_value(company, lambda names: [company_key(v) for v in names]), dtype=object)


def _elsewhere(company: np.ndarray, hot: np.ndarray) -> np.ndarray:
    """True where ANOTHER company has a live offer or an interview beyond a first screen (§5)."""
    if not hot.any():     # (no such row anywhere: none elsewhere either)
        return np.zeros(len(hot), dtype=bool)
    seen: dict[str, int] = {}
    group = np.array([seen.setdefault(k, len(seen)) for k in _company_keys(company).tolist()], dtype=np.intp)
    hot_per_company = np.bincount(group, weights=hot, minlength=len(seen))[group]
    return (hot.sum() - hot_per_company) > 0


# Cell text that means "nothing here" (the read stage empties these; a frame built another way
# must still never have one taken for a name or read aloud).
PLACEHOLDERS = frozenset(BLANK_WORDS)
_NOT_A_NAME = PLACEHOLDERS | {"no name", "yes", "y", "no", "n", "true", "false", "x", "✓", "✔", "0", "1",
                             "referral", "referred"}


def _names_someone(text: pd.Series | np.ndarray, blanks: tuple[str, ...] = ()) -> np.ndarray:
    """True where a cell holds a name, not a yes/no tick or a placeholder."""
    skip = _NOT_A_NAME | {b.casefold() for b in blanks}
    return _per_value(text, lambda t: np.array(
        [isinstance(v, str) and v.strip(" .") != "" and v.strip(" .").casefold() not in skip for v in t], dtype=bool))


# --- what the notes plainly say (rules §7) ---------------------------------------------------

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_CALL_BACK = re.compile(
    r"\b(?:asked|told|said)\s+(?:me\s+)?to\s+(?:call|ring|check|follow|get|reach)(?:\s+(?:back|in|up|out))?"
    r"(?:\s+in\s+touch)?\s+(?P<when>(?:after|before|once|when|until)\s+(?:(?!\s(?:about|to|re|regarding|for)\b)[^.;,\n]){1,30}"
    r"|in\s+(?:a|an|one|two|three|four|\d+)\s+(?:days?|weeks?|months?)"
    r"|next\s+(?:week|month|year|" + _WEEKDAY[3:-1] + r")"
    r"|on\s+" + _WEEKDAY + r")(?=$|[\s.;,!)])", re.IGNORECASE)
_WRITTEN_OFFER = re.compile(r"\b(?:written offer|offer letter)\b(?!\s+(?:to follow|pending|expected|coming|on its way))"
                            r"|\bin writing\b", re.IGNORECASE)
# A written offer mentioned in a clause that asks for it, waits for it, expects it by a day or
# denies it is one the user does not hold yet ("asked for it in writing", "offer letter by 10-12",
# "no offer letter yet"): the clause's mood, not a list of phrases around the two words.
_NOT_HELD_YET = re.compile(
    r"\b(?:ask\w*|request\w*|wait\w*|await\w*|expect\w*|pending|will|shall|going\s+to|to\s+follow|coming|soon"
    r"|need\w*|want\w*|hop\w*|promis\w*|chas\w*|until|once|no|not|never|yet|without)\b|n['’]t\b"
    r"|['’]ll\b|\bby\s+(?:\d|mon|tue|wed|thu|fri|sat|sun|next|end|the|early|mid|jan|feb|mar|apr|may|jun|jul|aug|sep"
    r"|oct|nov|dec)", re.IGNORECASE)
_CLAUSE_EDGE = re.compile(r"[.;!?\n]|,\s|\s-\s|\sbut\s")


def offer_in_writing(text: str) -> bool:
    """Whether `text` says the user holds the offer in writing: a mention whose own clause neither
    asks for it, waits for it nor denies it."""
    for m in _WRITTEN_OFFER.finditer(text):
        edges = [e.end() for e in _CLAUSE_EDGE.finditer(text, 0, m.start())]
        end = _CLAUSE_EDGE.search(text, m.end())
        clause = text[edges[-1] if edges else 0:end.start() if end else len(text)]
        if not _NOT_HELD_YET.search(clause):
            return True
    return False
_POINTS_BACK = re.compile(r"^(?:after|before|once|when|until)\s+(?:that|this|then|it|which|those)$", re.IGNORECASE)
_MAY_SAY = re.compile(r"asked|told|said|written|letter|writing", re.IGNORECASE)


def _initials_in(text: Any, words: tuple[str, ...], said: bool = False) -> bool:
    """Whether `text` holds the initials of a listed phrase as a word of its own ("KIV"); with
    `said`, only as what the employer said ("HR said KIV", "recruiter: KIV for now")."""
    initials = _initials_only(words)
    if not initials or not isinstance(text, str) or not text:
        return False
    low = text.casefold()
    if not any(i in low for i in initials):
        return False
    for m in re.finditer(r"\b(?:" + "|".join(initials) + r")\b", low):
        if not said or _SAID_BY_THEM.search(re.split(r"[.;\n,]", low[:m.start()])[-1]):
            return True
    return False


# Their words reported right before what they said: "HR said", "they told me (to)", "recruiter:"
_SAID_BY_THEM = re.compile(r"(?:\b(?:said|says|told\s+me|replied|mentioned|informed\s+me|advised|confirmed)"
                           r"(?:\s+(?:that|to|it\s+is|it['’]s|they['’]ll|they\s+will|they\s+would|will))?"
                           r"|\b(?:hr|recruiter|they|she|he|company|manager)\s*:)\s*$")


@functools.cache
def _initials_only(words: tuple[str, ...]) -> tuple[str, ...]:
    return with_initials(words)[len(dict.fromkeys(words)):]


@functools.cache
def with_initials(words: tuple[str, ...]) -> tuple[str, ...]:
    """`words` and the initials of each of their phrases of three or more Latin-script words, as
    trackers shorten them ("kept in view": "KIV"), read as a word of their own."""
    initials = ("".join(w[0] for w in phrase.split()) for phrase in words
                if len(phrase.split()) >= 3 and phrase.isascii() and all(w.isalpha() for w in phrase.split()))
    return tuple(dict.fromkeys((*words, *initials)))


def _hold_words(frame: pd.DataFrame, hold: np.ndarray, hold_field: np.ndarray, s: Settings) -> np.ndarray:
    """The hold word each held row's cell says ("hiring freeze", "en pausa"), '' elsewhere."""
    found = word_list(tuple(s.hold_words)).found    # (initials alone: "a pause in the process")
    out = np.full(len(frame), "", dtype=object)
    for i in np.flatnonzero(hold):
        words = found(frame[hold_field[i]].iat[i])
        out[i] = max(words, key=len) if words else ""
    return out


def _note_facts(notes: np.ndarray, stage_text: np.ndarray, ledger: pd.DataFrame,
                today: dt.date) -> dict[str, np.ndarray]:
    """What the notes say plainly: an answer deadline still ahead (a decision date the dated-
    statement reader found, "answer due Dec 7"), when someone asked to be called back ("after
    Thanksgiving"), and whether an offer is in writing."""
    text = _joined(_filled_in(notes), " . ", _filled_in(stage_text))

    def facts(values):
        out = []
        for v in values:
            if not _MAY_SAY.search(v):     # most notes say none of it: one quick look
                out.append(("", False))
                continue
            back = _CALL_BACK.search(v)
            when = back.group("when").strip() if back else ""
            # "after that" points back into the note ("on leave till 08-12, told to call after
            # that"): said alone in a script it means nothing, and the date is read on its own
            out.append(("" if _POINTS_BACK.match(when) else when, offer_in_writing(v)))
        return np.array(out, dtype=object) if out else np.empty((0, 2), dtype=object)
    found = _per_value(text, facts)
    # (on the columns' arrays: NaT compares false, as pandas' comparisons do, at a tenth of the cost)
    live = (notes != "") | (stage_text != "")   # both "" on rows without a live status
    answer = ledger["answer_on"].to_numpy(dtype="datetime64[ns]")       # a decision, news or an answer
    owed = ledger["deadline_on"].to_numpy(dtype="datetime64[ns]")        # a decision or an answer: a deadline
    written = ledger["written"].to_numpy(dtype="datetime64[ns]")
    nat = np.datetime64("NaT", "ns")
    decided = (owed >= np.datetime64(today, "ns")) & live
    # the decision's day, ahead or come; one on or before the day the notes were last written was
    # what was expected then ("shortlist by 11/20" before an interview on 11/24), not what is now
    ahead_of_notes = np.isnat(written) | (answer > written)
    return {"answer_by": np.where(decided, owed, nat),
            "decision_on": np.where(live & ahead_of_notes, answer, nat),
            "decision_news": live & ahead_of_notes & ~np.isnat(answer) & ledger["answer_is_news"].to_numpy(dtype=bool),
            # only a part of a month was said ("mid-December"): the plan keeps its last day, the
            # scripts never say a day nobody gave
            "decision_rough": live & ahead_of_notes & ~np.isnat(answer)
            & ledger["answer_is_rough"].to_numpy(dtype=bool),
            "call_back": found[:, 0],
            "written_offer": found[:, 1].astype(bool)}


def _asked_call_backs(english: pd.Series, facts: pd.Series, frame: pd.DataFrame) -> pd.Series:
    """The call backs someone asked of me: the English notes' own words ("after Thanksgiving"),
    else, for a note in any language the reader knows, a dated call-back statement in a clause
    that says someone asked it ("bat mich, nach dem 15. anzurufen", "vroeg me na 10 december
    terug te bellen"): "from December 16", the day it allows. A call back I planned myself ("ab
    dem 14.12. nachfassen") is none."""
    out = english.copy()
    # (plain lists, not a look-up in the frame per row and cell: about half the time this took)
    cells = [frame[f].reindex(english.index).tolist() for f in ("notes", "response", "stage")]
    for i, (row, said, found) in enumerate(zip(english.index, english.tolist(),
                                               facts.reindex(english.index).tolist())):
        if said or not isinstance(found, list):
            continue
        asked = [f for f in found if f.kind == "call_back" and f.date is not None and f.text]
        if not asked:
            continue
        text = "\n".join(str(column[i] or "") for column in cells)
        days = [f.date for f in asked if asked_of_me(text, f.text)]
        if days:
            day = max(days)
            out[row] = f"from {_ENGLISH_MONTHS[day.month - 1]} {day.day}"
    return out


_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December")


def _offer_elsewhere(company: np.ndarray, live_offer: np.ndarray, answer_by: np.ndarray,
                     written_offer: np.ndarray, call_day: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the nearest answer deadline of a live offer at ANOTHER company that is still ahead
    on the row's `call_day` (a deadline before the call is past by then), and whether that offer
    is in writing: what the competing-interest script may say about it (rules §5)."""
    n = len(company)
    by = np.full(n, np.datetime64("NaT", "ns"), dtype="datetime64[ns]")
    written = np.zeros(n, dtype=bool)
    with_offer = live_offer & ~np.isnat(answer_by)
    if not with_offer.any():      # most trackers: no live offer with a deadline
        return by, written
    offers = pd.DataFrame({"answer_by": answer_by, "written_offer": written_offer})[with_offer]
    key = _company_keys(company)
    offers = offers.assign(key=key[with_offer]).sort_values("answer_by").drop_duplicates("key")
    day = call_day.astype("datetime64[ns]")
    # nearest first: each row takes the first deadline of another company on or after its call
    for when, is_written, owner in offers.itertuples(index=False, name=None):
        take = np.isnat(by) & (key != owner) & (day <= when.to_datetime64())
        by[take] = when.to_datetime64()
        written[take] = bool(is_written)
        if not np.isnat(by).any():
            break
    return by, written




def today_keys(frame: pd.DataFrame, plan: pd.DataFrame) -> pd.DataFrame:
    """Today's rows (Overdue and Due today) with what orders them (rules §6): the group (offers,
    interviews and thank-yous, employer call-backs, rows with a hiring manager or referrer, the
    rest), then most days overdue, then the oldest application. Sort by `TODAY_SORT`;
    `pipeline.today_table` merges sheets with it."""
    due_now = np.isin(plan["status"].to_numpy(), [s.value for s in TODAY_STATUSES])
    person = plan["person"].to_numpy()
    stage = plan["stage"].to_numpy()
    thank_you = plan["thank_you"].to_numpy(dtype=bool) if "thank_you" in plan else np.zeros(len(plan), bool)
    called = plan["employer_called"].to_numpy(dtype=bool) if "employer_called" in plan else np.zeros(len(plan), bool)
    group = np.select([stage == "offer", (stage == "interviewing") | thank_you, called, person], [0, 1, 2, 3],
                      default=4)
    applied, contact = (frame[c].to_numpy(dtype="datetime64[ns]") for c in ("applied_on", "last_contact"))
    # (the columns as arrays, only the rows due taken: a frame made whole, then cut, cost more)
    return pd.DataFrame({
        "group": group[due_now],
        "overdue": -plan["days_overdue"].to_numpy()[due_now],
        "applied": np.where(np.isnat(applied), contact, applied)[due_now],
        "row": frame.index.to_numpy()[due_now],
    }, index=frame.index[due_now])


TODAY_SORT = ["group", "overdue", "applied", "row"]


def sort_today(keys: pd.DataFrame, prefix: str = "", sheet: str | None = None) -> pd.DataFrame:
    """`keys` (columns of `today_keys`, their names after `prefix`) in today's order; rows of
    several sheets that tie on everything else go by the `sheet` column, then the row number."""
    by = [prefix + k for k in TODAY_SORT[:-1]] + ([sheet] if sheet else []) + [TODAY_SORT[-1]]
    columns = [keys[c].to_numpy() for c in by]
    if all(c.dtype.kind in "iufM" for c in columns):
        # numbers and days: numpy's stable sort by several keys (the last key given is the first
        # sort key), which puts a missing number or day last as `sort_values` does, at a tenth of its cost
        return keys.iloc[np.lexsort(columns[::-1])]
    return keys.sort_values(by, na_position="last", kind="stable")


def today_order(frame: pd.DataFrame, plan: pd.DataFrame) -> pd.Index:
    """Rows for today's calls, the calls that matter most first (rules §6)."""
    return sort_today(today_keys(frame, plan)).index


def summary(plan: pd.DataFrame) -> dict[str, int]:
    counts = Counter(plan["status"].tolist())     # (a plain count: value_counts costs more on a small plan)
    return {s.value: counts[s.value] for s in Status}


def contacts_this_week(frame: pd.DataFrame, today: dt.date) -> int:
    """Employer contacts in the week (Monday to Sunday) holding `today`: each application sent
    that week, and each row last contacted that week on a day other than the one it was sent."""
    monday = np.datetime64(today - dt.timedelta(days=today.weekday()), "D")
    week = (monday, monday + np.timedelta64(7, "D"))
    applied = pd.to_datetime(frame["applied_on"]).to_numpy(dtype="datetime64[D]")
    last = pd.to_datetime(frame["last_contact"]).to_numpy(dtype="datetime64[D]")
    in_week_applied = (applied >= week[0]) & (applied < week[1])
    in_week_last = (last >= week[0]) & (last < week[1]) & (last != applied)
    return int(in_week_applied.sum() + in_week_last.sum())
