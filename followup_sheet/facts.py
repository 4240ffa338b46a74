"""Plan stage, the fact ledger: per row what happened, who made the contact (the user or the
employer), when, by which channel, and the cell (or mark) it was read from.

In: the tidy tracker frame, the settings, where each field's column is. Out: a `Ledger`: the
columns the cadence needs (vectorised), and per row the list of `Fact` records `explain` shows.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from . import negations
from .agencies import Agencies
from .catalogue import say
from .chasers import count_of, may_chase, said_by_them, tells_a_past_contact, user_chases
from .dates import MONTH_NUMBERS
from .language import Letters
from .literalscreen import Screened, screened
from .notestage import elsewhere_spans, may_name_a_step, not_so_yet, of_another_employer
from .settings import Settings
from .statements import LANGUAGES as STATEMENT_LANGUAGES
from .statements import Statement, approximate, may_state_a_date, names_a_calendar_day, read_statements, said_ahead
from .titles import not_a_titles_stop

USER, EMPLOYER = "user", "employer"


class Fact(NamedTuple):
    kind: str              # applied, last_contact, auto_reply, employer_contact, interview_held, ...
    text: str              # the words (or the date) as the sheet holds them
    date: dt.date | None
    who: str               # "user", "employer" or ""
    channel: str           # "call", "email" or ""
    source: str            # "Notes, P17"; "mark on Today, Dec 3" for a cell a Today-sheet mark wrote
    marked: dt.date | None = None   # the day of the mark that wrote the cell, if one did

    def label(self, language: str = "en") -> str:
        """Short and human, for the Why column, in `language`: 'decision Dec 11 ← Notes, P17',
        'Entscheidung 11. Dez. ← Notizen, P17'; a mark's cell: 'last contact Dec 3 ← mark on Today, Dec 3'."""
        words = say(FACTS_SECTION, self.kind.replace("_", " "), language or "en")
        if self.date is not None:
            # a part of a month or a week is shown as written ("decision mid-Dec"), not as the day
            # the plan bounds it by
            rough = bool(self.text) and approximate(self.text)
            words += f" {' '.join(self.text.split()) if rough else short_date(self.date, language)}"
        source = self.source
        if self.marked is not None:
            source = mark_source(self.marked, language)
        return f"{words} ← {source}" if source else words


_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# The catalogues' section for the Why column's fact words (each COMPLETE catalogue has every one).
FACTS_SECTION = "facts"
FACT_WORDS = ("applied", "pinned", "last contact", "offer", "closed", "interviewing", "agency", "auto reply",
              "employer contact", "interview held", "interview ahead", "interview arranging", "no answer", "on hold",
              "strong interest elsewhere", "hold", "decision", "feedback", "answer", "interview", "back", "call back",
              "date", "cv forwarded", "gone cold")
MARK_SOURCE = "mark on Today, {day}"


@functools.lru_cache(maxsize=4096)
def short_date(day: dt.date, language: str = "en") -> str:
    """'Dec 7' (English), '7. Dez.', '7 déc.', '12月7日': the month and day as the language
    abbreviates them (Babel's CLDR skeleton MMMd)."""
    if not language or language == "en":
        return f"{_MONTH_ABBR[day.month]} {day.day}"
    from babel.dates import format_skeleton
    try:
        return format_skeleton("MMMd", day, locale=language)
    except (ValueError, LookupError):
        return f"{_MONTH_ABBR[day.month]} {day.day}"


def mark_source(day: dt.date, language: str = "en") -> str:
    """Where a fact from a Today-sheet mark came from: 'mark on Today, Dec 3'."""
    return say(FACTS_SECTION, MARK_SOURCE, language or "en").format(day=short_date(day, language))


def _negated(text: str, start: int, end: int | None = None) -> bool:
    before = text[max(0, start - 24):start]
    if _negation().search(before) is not None:
        return True
    # Chinese puts the negation before ("没有收到HR的邮件"), Japanese and Korean after ("連絡なし", "연락 없음")
    if end is not None and _cjk_future().match(text[end:]):
        return True     # 'から電話するので待って', '전화 준다고 함': a call promised, not one that came
    if end is not None and _cjk_missed().match(text[end:]):
        return False    # 'HR打来电话 没接到', '電話がありましたが出られませんでした': their call, my missed answer
    return end is not None and _cjk_contact_word().search(text[start:end]) is not None and (
        _cjk_negation_before().search(before) is not None or _cjk_negation_after().match(text[end:]) is not None)


@functools.cache
def _cjk_future() -> re.Pattern[str]:
    """Right after a contact word: it is promised, not made (Japanese する/します/予定/くれる,
    Korean 준다/줄게/예정/하겠)."""
    return re.compile(r"\s*(?:を|が|は|で)?\s*(?:する(?!(?:と|も))|します|してくれる|してくださる|くれる|いただける"
                      r"|予定"
                      r"|(?:을|를)?\s*(?:준다|줄게|줄\s*예정|할\s*예정|주겠|준대|주기로|드릴|할게))")


@functools.cache
def _cjk_missed() -> re.Pattern[str]:
    """After an employer's call: the user did not pick up. The negation is of the user's answer,
    not of the call (Chinese 没接, Japanese 出られなかった, Korean 못 받음)."""
    return re.compile(r"[^。！？.!?\n]{0,14}?(?:没接|沒接|未接|没能接|沒能接|没听到|沒聽到|冇接|冇聽到|唔得閒接"
                      r"|出られ|出れな|取れな|気づかな"
                      r"|못\s*받|놓쳤|놓침)")


@functools.cache
def _negation() -> re.Pattern[str]:
    # (in each Latin-script language the reader knows: "geen voicemail", "nessuna segreteria", "sem
    # recado", "sin buzón", "bez wiadomości", "aucun message" deny the thing, they do not tell of it;
    # not Italian "mai", which is also the French May)
    return re.compile(negations.latin() +
                      # (two words between, and where: "sin mensaje en el buzón", "no message on my voicemail")
                      r"(?:\s+\w+){0,2}(?:\s+(?:en|in|on|auf|op|na|no|em|nella|sulla|dans|sur|w)\s+\w+)?\s*$",
                      re.IGNORECASE)


# A word between the parts of a verb that is no negation: "hat mich am Montag angerufen" tells of a
# call, "hat nicht angerufen" and "heb nooit gebeld" do not
# (the parts of a verb stand apart in German and Dutch: their negations, from the one table)
_UNDENIED = r"(?!" + negations.alternation(negations.LATIN["de"] + negations.LATIN["nl"]) + r"\b)"


# The employer reached out ("the recruiter rang", "missed their call", "voicemail from HR", "they
# e-mailed to set up a call"), in the languages the reader knows. The user's own attempts are
# `_attempt()`; an employer's message is not the user's follow-up.
_WHO = (r"(?:hr|the\s+recruiter|recruiter|recruiting|talent(?:\s+team)?|hiring\s+manager|the\s+manager|manager"
        r"|they|she|he|someone|somebody|the\s+company"
        r"|(?-i:(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?!(?:I|We|Then|Also|Just|And|So|Finally|Today|Yesterday|Never|Nobody|No)\b)"
        r"[A-Z][a-z]+)"
        # (someone of theirs: "Mr Pike's secretary"; who they are between commas: "the hiring
        # manager, Mr Desmond Fry,")
        r"(?:['’]s\s+(?:secretary|assistant|pa|office))?(?:,\s+[^,;.]{1,40},)?"
        r"(?:\s+from\s+\w+)?)")
# "<a contact> from <a sender>" in the reader's languages ("e-mail from HR", "got a mail from the
# recruiter", "Anruf von der Personalabteilung", "llamada de RRHH", "mail de la RH", "telefonata
# dall'HR"): who did what, from the clause's two parts rather than from whole phrases.
_CALL_NOUNS = (r"(?:phone\s+)?call|ring|voicemail|vm|anruf|rückruf|appel|llamada|chiamata|telefonata|ligação|ligacao"
               r"|telefonema|telefoontje|oproep|telefon|połączenie")
_MAIL_NOUNS = (r"e-?mail|mail|message|msg|dm|inmail|sms|note|text|invite|invitation|nachricht|courriel|correo|mensaje"
               r"|messaggio"
               r"|mensagem|bericht|wiadomość|wiadomosc")
# (Portuguese "do" is "from the"; Polish "do" before a form of address is "to": "mail do Pana Nowaka"
# is the user's own message)
_FROM = (r"(?:from|by|von|vom|de|du|des|del|da|do(?!\s+(?:pan|pani|panią|pana|panu|państwa)\b)|dos|dal|dalla"
         r"|dall['’]|van|od)")
# Job boards and applicant tracking systems: what they send is automatic, and none is a person
PLATFORMS = ("LinkedIn", "Indeed", "Glassdoor", "StepStone", "Xing", "Monster", "ZipRecruiter", "Workday", "Greenhouse",
             "Lever", "InfoJobs", "SmartRecruiters", "Personio", "Taleo", "iCIMS", "SuccessFactors", "Jobvite",
             "Teamtailor", "Recruitee", "Workable")
_ARTICLE = (r"(?:(?:the|a|an|their|her|his|der|die|dem|den|la|le|les|el|los|las|il|lo|i|gli|o|os|as|het|de)\s+"
            r"|l['’])?")
_SENDER = (r"(?:hr\b|human\s+resources|recruit\w*|talent\w*|hiring\s+\w+|manager\w*|personal\w*|rrhh\b|rh\b"
           r"|recursos\s+humanos|ressources\s+humaines|recrut\w*|reclut\w*|risorse\s+umane|selezion\w*"
           r"|ufficio|department|abteilung|departamento|département|afdeling|dział|dzial"
           r"|company|firma|unternehmen|empresa|entreprise|azienda|bedrijf|them\b|her\b|him\b|someone|somebody|team\b"
           # a name, not a job board's or an applicant tracking system's (their messages are automatic)
           r"|(?-i:(?!(?:" + "|".join(PLATFORMS) + r"|XING|Infojobs"
           r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*)\b)"
           r"[A-ZÄÖÜÉ][\w'’-]+))")


def _contact_from(nouns: str) -> str:
    return r"\b(?:" + nouns + r")\s+" + _FROM + r"\s*" + _ARTICLE + _SENDER


# The same in Chinese, Japanese and Korean: a sender, "from" (から, 에서, 打来), a contact word;
# or "received <sender>'s <contact>" (接到/收到HR的电话).
# a person by a title or honorific ('佐藤さん', '王女士', '김 과장님'), also of a department ('人事の佐藤さん')
_CJK_PERSON = (r"(?:(?:人事|採用|人事部|人资|人資|인사팀)\s*(?:の|的|)\s*)?"
               r"(?:[\u4e00-\u9fff\u30a0-\u30ff]{1,5}?(?:さん|様|氏|部長|課長|女士|小姐|先生|经理|經理|老师|主管)"
               r"|[\uac00-\ud7a3]{1,4}\s*(?:(?:과장|부장|대리|팀장|매니저|차장|실장)\s*님?|님))")
_CJK_SENDER = (r"(?:HR|hr|(?<![a-z])(?:recruiter|headhunter|hrbp|hiring\s*manager|manager|talent\s*team|ta)(?![a-z])"
               r"|人事(?:部|課|室|グループ|担当者?)?|[\u4e00-\u9fff]{1,3}(?:部|課|室)(?![\u4e00-\u9fff])"
               r"|人资|人資|人力资源|人力資源|招聘(?:方|专员|負責人|负责人)?|猎头|獵頭|面试官|面試官"
               r"|经理|經理|"
               r"採用担当者?|担当者|採用チーム|リクルーター|企業|会社|公司|对方|對方|인사팀|인사\s*담당자|채용\s*담당자"
               r"|리크루터|헤드헌터|회사|담당자|" + _CJK_PERSON + ")")
_CJK_CALL_WORDS = r"(?:电话|電話|来电|來電|전화)"
_CJK_MAIL_WORDS = (r"(?:邮件|郵件|メール|消息|短信|メッセージ|연락|메일|이메일|문자|連絡|联系|聯繫|微信|私信|카톡"
                   # (a message's Latin name glued to the sentence: 'リクルーターからDMきた', 'HR发了email')
                   r"|(?<![a-z])(?:dm|e-?mail|mail|inmail|wechat|line|kakao(?:talk)?|sms|msg)(?![a-z]))")


@functools.cache
def _cjk_contact_word() -> re.Pattern[str]:
    return re.compile(_CJK_CALL_WORDS + "|" + _CJK_MAIL_WORDS)


@functools.cache
def _cjk_negation_before() -> re.Pattern[str]:
    return re.compile(r"(?:" + negations.east_asian_before() + r")\s*\S{0,3}$")


@functools.cache
def _cjk_negation_after() -> re.Pattern[str]:
    return re.compile(r"\s*(?:が|は|이|가|も)?\s*(?:来(?:てい)?|あり)?"
                      r"(?:" + negations.east_asian_after() + r"|안\s*옴|未|没)")


_CJK_TEXT = Letters("\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3")


@functools.cache
def _bare_letter(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


@functools.lru_cache(maxsize=4096)     # (each pattern of a note's close reading asks again for the same text)
def without_accents(text: str) -> str:
    """Latin letters without their accents ("não atendí" -> "nao atendi"), each still one
    character, so a match's place is the same in both texts: a note typed without accents reads
    as one typed with them. Other scripts are left as they are (a Japanese voiced kana is no
    accented letter)."""
    if text.isascii():
        return text
    return "".join(_bare_letter(ch) if "\u00c0" <= ch < "\u0250" else ch for ch in text)


# Chinese, Japanese and Korean letters as the Latin patterns see them: not letters of their words,
# so a Latin word glued to them ("HR打电话", "DMきた", "HR한테") still starts and ends there
@functools.cache
def _east_asian_run() -> re.Pattern[str]:
    return re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]+")


@functools.lru_cache(maxsize=4096)
def latin_view(text: str) -> str:
    """`without_accents(text)`, with each Chinese, Japanese or Korean letter one mark that is
    neither a letter nor a space: a change of script is a word's edge, and no Latin phrase runs
    across such letters. A match's place is the same in both texts."""
    bare = without_accents(text)
    if bare.isascii() or _CJK_TEXT.search(bare) is None:
        return bare
    return _east_asian_run().sub(lambda run: "\x7f" * len(run.group()), bare)


class _Latin:
    """A pattern over Latin letters read without their accents, on text read the same way (each
    Chinese, Japanese or Korean letter a word's edge: `latin_view`)."""

    def __init__(self, source: str):
        self.pattern = re.compile(without_accents(source), re.IGNORECASE)
        # (behind a literal screen: text holding none of the pieces every match needs is not searched)
        self._screened = Screened(self.pattern)

    def finditer(self, text: str) -> list[re.Match]:
        return list(self._screened.finditer(latin_view(text)))

    def search(self, text: str) -> re.Match | None:
        return self._screened.search(latin_view(text))


class _Scripts:
    """A pattern in Latin script (read without accents) and one in Chinese, Japanese or Korean,
    searched as one (the second only in text holding those characters), each compiled when first
    used."""

    def __init__(self, latin: str, cjk: str):
        self._sources = latin, cjk

    @functools.cached_property
    def latin(self) -> _Latin:
        return _Latin(self._sources[0])

    @functools.cached_property
    def cjk(self) -> re.Pattern[str]:
        return re.compile(self._sources[1], re.IGNORECASE)

    def finditer(self, text: str) -> list[re.Match]:
        found = list(self.latin.finditer(text))
        if _CJK_TEXT.search(text):
            found = sorted(found + list(self.cjk.finditer(text)), key=lambda m: m.start())
        return found

    def search(self, text: str) -> re.Match | None:
        return self.latin.search(text) or (self.cjk.search(text) if _CJK_TEXT.search(text) else None)


# when, between the sender and the verb ('人资昨天打电话来', '인사팀에서 어제 전화')
_CJK_WHEN = (r"(?:昨天|今天|前天|上午|下午|早上|晚上|刚才|剛才|刚刚|剛剛|又|也|昨日|今日|今朝|先ほど|さっき"
             r"|어제|오늘|아까|방금|또|그저께|一昨日|おととい"
             # (or the day: '인사팀에서 12월 2일 전화 옴', '人事から12月2日に電話')
             r"|\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일号號]\s*(?:に|에)?)?")


def _cjk_contact(words: str) -> str:
    # (a sender after 给/向/跟 is whom the user called: '我给HR打了电话')
    return (r"(?<![给給向跟对對])" + _CJK_SENDER + r"\s*" + _CJK_WHEN
            + r"\s*(?:から|より|打来|打來|发来|發來|来了|來了|에게서|한테서|에서|으로부터|로부터)\s*" + _CJK_WHEN
            + r"\s*(?:の|的|了)?\s*(?:\S{0,2}?)" + words
            # '人资打电话来', 'HR给我打了电话': the sender, then the verb around the contact word
            + r"|(?<![给給向跟对對])" + _CJK_SENDER + r"\s*" + _CJK_WHEN
            + r"\s*(?:给我|給我)?\s*(?:打[了过過]?|发[了过過]?|發[了过過]?|来了?|來了?)\s*" + words
            + r"|(?:接到|收到|接了|收了)\s*" + _CJK_SENDER + r"\s*(?:的|打来的|发来的)?\s*" + words
            # Korean '한테/에게' is 'to' or 'from' by its verb: 'HR한테 연락 옴' came to the user,
            # 'HR한테 연락함' went from the user
            + r"|" + _CJK_SENDER + r"\s*(?:한테|에게|께)\s*" + _CJK_WHEN + r"\s*" + words
            + r"\s*(?:이|가|도)?\s*(?:옴|왔|온|오셨|와서|와요|받)"
            # an English verb in a Chinese or Cantonese sentence, the user its object: 'HR call咗我',
            # 'recruiter email了我' (and 'HR打call俾我')
            + r"|(?<![给給向跟对對])" + _CJK_SENDER + r"\s*" + _CJK_WHEN + r"\s*(?:打)?\s*"
            + (r"(?:call|ring|phone)" if words == _CJK_CALL_WORDS
               else r"(?:e-?mail|mail|text|whatsapp|wechat|dm|pm|msg|message)")
            + r"(?:ed|d)?\s*(?:咗|了|過|过|左)?\s*(?:俾我|給我|给我|我)"
            + (_CJK_CALL_CAME if words == _CJK_CALL_WORDS else ""))


# whoever made it, a phone call that came to the user: the verb says its way ('전화 왔는데',
# '電話があった', '電話をもらった', '来电', Cantonese '打嚟', '打俾我'); a mail that came may be an
# automatic one ('自動返信メールが来ただけ'), so only a call is a person's by its verb alone
_CJK_CALL_CAME = (r"|" + _CJK_CALL_WORDS + r"\s*(?:이|가|が|を)?\s*(?:왔|온|오셨|あった|ありました|来た|きた|来ました"
                  r"|もらった|もらいました|いただいた|いただきました|来了|來了|进来|進來)"
                  r"|打嚟|打咗嚟|打咗俾我|打俾我|打给我|打給我|来电|來電"
                  # a missed call said as a noun: Japanese 不在着信 / 着信あり, Korean 부재중 전화 (before
                  # the word for a call; after it, "전화했는데 부재중", the other side was out), Chinese 未接来电
                  r"|不在着信|着信(?:が)?(?:あり|あった|ありました)|부재\s*중\s*전화|부재중\s*전화"
                  r"|未接来电|未接來電"
                  # a voicemail of theirs: '採用担当から留守電あり', 'HR留了语音'
                  # (the user's is '留守電に入れた', '我留了言')
                  r"|留守電(?:あり|が入|が残|が来)|留守番電話(?:あり|が入|が残)"
                  r"|(?<![给給向跟对對])" + _CJK_SENDER + r"\s*留了?(?:语音|語音|言)"
                  # '打来/打來' is a call that came ('HR打來 沒接到'), unless the user made it ('我打來問')
                  r"|(?<![我])打(?:了)?(?:来|來)(?!问|問|确认|確認)")


_EMPLOYER_CALL_LATIN = (
    r"\b" + _WHO + r"\s+(?:just\s+|finally\s+|also\s+)?"
    r"(?:called|rang|phoned|telephoned|rung|left\s+(?:me\s+)?a\s+(?:voicemail|message|vm)"
    # an attempt of theirs is their call too: "tried calling me", "tried to ring", "attempted to reach me by phone"
    r"|(?:tried|trying|attempted|was\s+trying)\s+(?:to\s+)?(?:call|ring|phon|reach\s+me\s+by\s+phone)\w*"
    # ("tried to reach me", "tried to get hold of me", "tried getting in touch")
    r"|(?:tried|trying|attempted)\s+(?:to\s+)?(?:reach(?:ing)?\s+me|get(?:ting)?\s+hold\s+of\s+me|get(?:ting)?\s+in\s+touch)"
    # (the attempt said with the user as its object alone: "tried me twice", "tried my mobile")
    r"|(?:tried|trying)\s+(?:me|my\s+(?:mobile|cell|phone|number))\b"
    r"|gave\s+me\s+a\s+(?:call|ring|buzz))\b"
    r"|\bmissed\s+(?:a\s+|the\s+|their\s+|her\s+|his\s+|(?:the\s+)?\w+['’]s\s+)?(?:phone\s+)?call"
    # a call the user then missed is theirs, whoever the note names before it ("sandra called
    # fri, missed it", "rang 3/12 couldn't pick up"): one does not miss one's own call
    # ("I called fri and they didn't pick up" is the user's call that reached nobody)
    r"|(?<!\bi\s)\b(?:called|rang|phoned|rung|calling|ringing)\b[^;.!?\n]{0,30}?(?:\bmissed\s+(?:it|the\s+call)\b"
    r"|(?<!they\s)(?<!she\s)(?<!he\s)(?<!one\s)(?<!nobody\s)(?<!anyone\s)"
    r"\b(?:didn['’]?t|did\s+not|couldn['’]?t|could\s+not)\s+(?:pick\s+up|answer|take\s+it)\b)"
    r"|\b(?:received|got|had|returned|return)\s+(?:a\s+|the\s+|their\s+|her\s+|his\s+)?(?:phone\s+)?(?:call|voicemail|vm)"
    r"\s+(?:from|by)\b"
    r"|\b(?:voicemail|vm|missed\s+call)\s+from\b"
    r"|\b(?:hat|haben)\s+(?:mich\s+)?(?:" + _UNDENIED + r"[\w.]+\s+){0,3}?(?:angerufen|zurückgerufen)"
    r"|\banruf\s+(?:von|vom|verpasst)"
    # (whose call between the noun and the participle: "Anruf der Personalabteilung am 3.12. verpasst")
    r"|\banruf\s+(?:der|des|von|vom)\s+[^;,\n]{0,40}?\bverpasst"
    r"|\bverpasste[nr]?\s+anruf"
    r"|\brief\s+(?:mich\s+)?(?:an|zurück)\b"
    r"|\bm['’]ont\s+(?:appel|téléphon|rappel|contact)|\bm['’]a\s+(?:appel|téléphon|rappel|contact)"
    r"|\bappel\s+(?:manqué|de|du|des)\b|\bappel\s+en\s+absence\b|\bmessage\s+vocal\s+(?:de|du|des)\b"
    # their message on my voicemail: "Rückruf-Bitte auf der Mailbox", "Nachricht auf meiner Mailbox von"
    r"|\b(?:nachricht|rückruf\w*)[^.;\n]{0,20}?\bauf\s+(?:der|meiner|die|meine)\s+mailbox"
    r"|\bmailbox-?nachricht\s+(?:von|vom|der|des)\b"
    r"|\bdeixaram\s+(?:um\s+|uma\s+)?(?:recado|mensagem)"
    r"|\bme\s+(?:llamó|llamaron|llamo|devolvió\s+la\s+llamada|marcó|marcaron)"
    r"|\bllamada\s+(?:perdida|de|del)\b"
    r"|\bno\s+alcancé\s+a\s+(?:contestar|responder)"
    r"|\bmi\s+(?:ha|hanno)\s+(?:chiamat|telefonat|richiamat|contattat)|\bme\s+(?:ligou|ligaram|telefonou|contatou|contataram)"
    # the employer as the subject of a third person's call, with no pronoun ("o RH ligou terça", "la
    # reclutadora llamó", "l'HR ha chiamato"), and a missed call said as a noun ("ligação perdida")
    r"|\b(?:o\s+|a\s+|la\s+|el\s+|l['’]\s*)?(?:rh|rrhh|hr|recrutador[a]?|reclutador[a]?|recruiter|selecionador[a]?"
    r"|gestor[a]?|empresa|azienda|selezionatore|selezionatrice)\s+(?:ligou|ligaram|telefonou|llamó|llamaron|telefoneó"
    r"|ha\s+chiamato|hanno\s+chiamato|ha\s+telefonato)\b"
    r"|\b(?:liga[çc][ãa]o|chamada)\s+perdida\b|\bchiamata\s+persa\b"
    # the pronoun after the verb, as Portugal writes it: "ligaram-me", "telefonou-me", "contactaram-me"
    r"|\b(?:ligaram|ligou|telefonaram|telefonou|contactaram|contactou|contataram|contatou)-me\b"
    r"|\b(?:heeft|hebben)\s+(?:me|mij)\s+(?:" + _UNDENIED + r"[\w.\-/]+\s+){0,3}?(?:gebeld|teruggebeld)"
    r"|\bbelde\s+(?:me|mij)\b"
    # they left me a (voice) message: "m'a laissé un message vocal", "me dejó un mensaje de voz",
    # "mi ha lasciato un messaggio", "me deixou um recado", "hat auf die Mailbox gesprochen",
    # "heeft een bericht ingesproken", "zostawiła wiadomość"
    r"|\bm['’]\s*(?:a|ont)\s+laiss[ée]\s+un\s+(?:message|vocal|mot)"
    r"|\bme\s+(?:dej[óo]|dejaron)\s+(?:un\s+)?(?:mensaje|recado|audio|buz[óo]n)"
    r"|\bmi\s+(?:ha|hanno)\s+lasciato\s+(?:un\s+)?messaggio"
    r"|\bme\s+deixou\s+(?:uma\s+mensagem|um\s+recado)|\bdeixou-me\s+(?:uma\s+mensagem|um\s+recado)"
    r"|\b(?:hat|haben)\s+(?:mir\s+)?(?:[\w.\-/]+\s+){0,3}?(?:auf\s+(?:die|meine|den)\s+(?:mailbox|anrufbeantworter|ab)"
    r"\s+gesprochen|(?:eine\s+)?(?:sprach)?nachricht\s+hinterlassen)"
    r"|\b(?:heeft|hebben)\s+(?:me\s+|mij\s+)?(?:[\w.\-/]+\s+){0,3}?(?:bericht|voicemail)\s+(?:ingesproken|achtergelaten)"
    r"|\bzostawi(?:ł|ła|li|ły)\s+(?:mi\s+)?wiadomoś"
    # who called, from the verb's person where the language says it: Polish "dzwoniła" (she
    # called; "dzwoniłam" is I), Dutch "X belde" / "heeft gebeld" with anyone but ik/we as subject
    r"|\b(?:za)?dzwoni(?:ł|ła|li|ły)\b|\boddzwoni(?:ł|ła|li|ły)\b"
    r"|\b(?!(?:ik|we|wij|toen|en|ook|dan)\b)(?-i:[A-Za-z]\w+)\s+(?:belde|heeft\s+gebeld|hebben\s+gebeld)\b"
    # the subject after the verb, as Dutch puts it after a word of time ("gisteren belden ze", "toen belde hij")
    r"|\bbeld(?:e|en)\s+(?:ze|zij|hij|die|men)\b"
    # a call I did not take was theirs: "no lo cogí", "não atendi", "nie odebrałam", "heb hem gemist",
    # "ich war nicht da", "j'ai raté l'appel"
    r"|\bno\s+(?:lo\s+|la\s+|le\s+)?(?:cogí|contesté|pude\s+contestar|atendí)"
    r"|\bnão\s+(?:atendi|consegui\s+atender|pude\s+atender)|\bperdi\s+a\s+ligação"
    r"|\bnie\s+(?:odebrał(?:am|em)|zdążył(?:am|em)\s+odebrać)|\bnieodebran\w*"
    r"|\b(?:heb|had)\s+(?:hem|haar|het|ze|die)\s+gemist\b|\bgemiste\s+oproep"
    r"|\b(?:ich\s+)?war\s+nicht\s+da\b|\bnicht\s+(?:rangegangen|drangegangen)"
    r"|\b(?:konnte|kam)\s+(?:ich\s+)?nicht\s+(?:ran|dran|abheben|abnehmen|rangehen|drangehen)\b"
    r"|\braté\s+(?:l['’]|leur\s+|son\s+)appel"
    r"|\bnon\s+(?:ho\s+)?(?:risposto|fatto\s+in\s+tempo\s+a\s+rispondere)|\bchiamata\s+persa"
    r"|" + _contact_from(_CALL_NOUNS))
_EMPLOYER_MAIL_LATIN = (
    r"\b" + _WHO + r"\s+(?:just\s+|also\s+)?(?:e-?mailed|mailed|messaged|wrote|texted|reached\s+out|got\s+in\s+touch)\b"
    r"|\b(?:received|got|had)\s+(?:an?\s+|the\s+|their\s+|her\s+|his\s+)?(?:e-?mail|message|note|invite|invitation)"
    r"\s+from\b"
    r"|\b(?:hat|haben)\s+(?:mir\s+)?(?:gemailt|geschrieben)|\b(?:mail|e-mail|nachricht)\s+(?:von|vom)\b"
    r"|\bhat\s+sich\s+gemeldet|\bm['’]ont\s+écrit|\bm['’]a\s+écrit|\b(?:mail|e-mail|courriel|message)\s+(?:de|du)\s+(?:la|l['’]|rh)"
    r"|\bme\s+(?:escribió|escribieron|contactó|contactaron|mandaron\s+un\s+correo)|\b(?:correo|mensaje)\s+de\b(?!\s+voz\b)"
    r"|\bmi\s+(?:ha|hanno)\s+(?:scritt|contattat)|\bme\s+(?:escreveu|escreveram|contatou|contataram)"
    r"|\b(?:escreveram|escreveu|enviaram|enviou|mandaram|mandou)-me\b"
    r"|\b(?:heeft|hebben)\s+(?:me|mij)\s+(?:gemaild|geschreven|gecontacteerd)"
    # anyone who sent *me* a message is the employer's side ("their talent partner sent me an InMail")
    # (an invitation is to a meeting, read as one; not a message to answer)
    r"|\b(?:sent|dropped|shot|forwarded)\s+me\s+(?:an?\s+|the\s+|another\s+)?(?:[\w-]+\s+)?"
    r"(?!invit)(?:" + _MAIL_NOUNS + r")\b"
    r"|" + _contact_from(_MAIL_NOUNS))
# (the Chinese, Japanese and Korean forms are looked for only in text that has such characters:
# on a 10,000-row tracker in Latin script they cost a sixth of the ledger's time for nothing)
_EMPLOYER_CALL = _Scripts(_EMPLOYER_CALL_LATIN, _cjk_contact(_CJK_CALL_WORDS))
_EMPLOYER_MAIL = _Scripts(_EMPLOYER_MAIL_LATIN, _cjk_contact(_CJK_MAIL_WORDS))


# An employer's call nobody answered: missed, a voicemail or a message left, an attempt
_UNANSWERED_CALL = re.compile(r"\bmissed\b|voicemail|\bvm\b|\bleft\s+(?:me\s+)?a\s+(?:message|msg)|\btried\b|\btrying\b"
                              r"|\battempted\b|\b(?:didn['’]?t|did\s+not|couldn['’]?t|could\s+not)\s+(?:pick|answer|get\s+to)"
                              r"|verpasst|buzón|messagerie|segreteria|caixa\s+postal|voicemail|poczt", re.IGNORECASE)


def call_unanswered(text: str) -> bool:
    """Whether `text` tells of an employer's call the user did not answer ("missed Sean's call",
    "voicemail from HR", "HR tried calling")."""
    return _UNANSWERED_CALL.search(text) is not None


# An employer's call or e-mail that carried its message ("HR called to say they'd keep me in view",
# "rang to let me know the panel was moved"): a conversation had, no call of theirs to return
_GAVE_ITS_NEWS = re.compile(r"\b(?:called|rang|rung|phoned|e-?mailed|wrote|messaged|texted)\s+(?:me\s+|us\s+)?"
                            r"(?:back\s+)?to\s+(?:say|tell|inform|let\s+(?:me|us)\s+know|advise|update)\b",
                            re.IGNORECASE)


def contact_gave_its_news(text: str) -> bool:
    """Whether `text` tells of the employer's call or e-mail that said what it was for, and was not
    missed ("HR called to say KIV my application", not "Ann rang to say hi, missed it")."""
    return _GAVE_ITS_NEWS.search(text) is not None and not call_unanswered(text)


_ROLE_CALLER = re.compile(r"^(?:the\s+)?(?:hr|human\s+resources|recruit\w*|talent(?:\s+team)?|hiring\s+\w+|manager"
                          r"|company|someone|somebody|team|personal\w*|rrhh|rh)\b", re.IGNORECASE)
# A pronoun is nobody's name: a subject ("they", "sie", "ils", "ella", "zij") or the object a
# language puts before the verb ("Me llamó el Sr. Ruiz", "Mi ha chiamato", "Mich hat ... angerufen").
# (not those that are also given names: Ella, Elle, Lei, Ona)
_PRONOUN_CALLER = re.compile(r"^(?:they|she|he|them|her|him|sie|er|ihr|mich|mir|uns|ils|il|on|me|m['’]?|nous"
                             r"|ellos|ellas|él|el|te|nos|le|les|lo|la|loro|lui|mi|ci|eles|elas|ela|ele"
                             r"|zij|hij|ze|mij|ons|oni|one|mnie|nam)$", re.IGNORECASE)


def tells_their_contact(text: str) -> bool:
    """Whether `text` (a clause) tells of the employer's call or e-mail ("HR rang to set up a
    screen", "rh ligou agendando entrevista")."""
    return bool(_hits(_EMPLOYER_CALL, text) or _hits(_EMPLOYER_MAIL, text))


def employer_caller(text: str) -> str:
    """Who the newest call or e-mail of the employer's in `text` came from, as the note says it
    ("HR", "Sarah", "the recruiter"), or "" when it does not say."""
    hits = [m for m in _hits(_EMPLOYER_CALL, text)] + [m for m in _hits(_EMPLOYER_MAIL, text)]
    if not hits:
        return ""
    hit = max(hits, key=lambda m: m.start())
    said = hit.group()
    after = re.search(r"\b(?:from|by)\s+(.+)$", said, re.IGNORECASE)
    if after:
        return after.group(1).strip()
    # "voicemail from" ends at its sender; "missed a call" may be followed by one
    lead = r"\s*" if re.search(r"(?:from|by)$", said, re.IGNORECASE) else r"\s+(?:from|by)\s+"
    sender = re.match(lead + r"((?:the\s+)?[\w'-]+(?:\s+[A-Z][\w'-]+)?)", text[hit.end():])
    if sender:
        return sender.group(1).strip()
    if not re.match(_WHO + r"\b", said.strip(), re.IGNORECASE):
        return ""
    words = re.match(r"((?:the\s+)?[\w'’-]+(?:\s+(?:team|manager|resources))?)", said.strip())
    return words.group(1) if words else ""


# A person named with a form of address ("Fr. Novak", "Pan Zięba", "Sra. Torres", "Mr. Ellis"): a
# name for certain, where a capitalised word alone may be a place, a product or the company.
_TITLED_PERSON = re.compile(
    r"(?<![\w.])(?:Frau|Fr\.|Herr|Hr\.|Mme|Madame|Monsieur|M\.|Sra\.|Sr\.|Señora|Señor|Srta\.|Sig\.ra|Sig\.|Signora"
    r"|Dott\.(?:ssa)?|Mevrouw|Mevr\.|Dhr\.|Pan[ia]?|Panią|Pana|Panem|Mr\.?|Mrs\.?|Ms\.?|Dr\.|Lic\.|Ing\.)"
    r"\s+(?:[A-ZÄÖÜÁÉÍÓÚÑŁŚŻŹĆ][\w'’-]+)(?:\s+[A-ZÄÖÜÁÉÍÓÚÑŁŚŻŹĆ][\w'’-]+)?")


def caller_named(text: str) -> str:
    """The person a note that tells of the employer's call or message names by a form of address,
    when it names one and only one ("4.12. Anruf verpasst, Fr. Novak hat aufs Band gesprochen",
    "dzwonił Pan Zięba"), as written; '' otherwise."""
    if not text or not (tells_their_contact(text) or call_unanswered(text)):
        return ""
    named = {m.group(0) for m in _TITLED_PERSON.finditer(text)}
    return next(iter(named)) if len(named) == 1 else ""


def someone_else_called(caller: str, contact: str) -> bool:
    """Whether the caller a note names is not the row's contact: a name that is none of the
    contact's, or a role while the contact cell says the contact has another part."""
    if not caller or not contact or _PRONOUN_CALLER.match(caller):
        return False
    names = {w.casefold() for w in re.findall(r"[^\W\d_]+", contact)}
    if _ROLE_CALLER.match(caller):
        # a role may be the contact's own ("the recruiter" and "Jo Bell"): someone else only when
        # the contact cell's note gives the contact another part ("Anand (referral)", "Kim (HM)")
        part = re.search(r"\(([^)]*)\)", contact)
        return part is not None and not {w.casefold() for w in re.findall(r"[^\W\d_]+", part.group(1))} \
            & {w.casefold() for w in re.findall(r"[^\W\d_]+", caller)}
    first = re.findall(r"[^\W\d_]+", caller)
    return bool(first) and first[0][:1].isupper() and first[0].casefold() not in names


# The user's call that reached nobody: retried the next business day (rules §3).
_NOBODY = r"(?:nobody|no\s+one|niemand|keiner|personne|nadie|ninguém|nessuno|nikt)"
_ANSWERED = (r"(?:answer|pick|abgenommen|abgehoben|rangegangen|décroch|répon|contest|atend|cogi|rispos|rispond"
             r"|odebra|opgenomen|opnam|nam\s+op)\w*")


@functools.cache
def _attempt() -> _Scripts:
    # (one word start for all the Latin forms: Python's regex engine tried a `\b` per alternative
    # at every position of a note, 80 µs a long note; the Chinese, Japanese and Korean forms are
    # looked for only in text that holds such letters)
    return _Scripts(
        r"\b(?:no\s+answer|no\s+pick[-\s]?up|did(?:n['’]t|\s+not)\s+pick\s+up|went\s+to\s+(?:voicemail|vm|answerphone)"
        r"|left\s+(?:a\s+|another\s+)?(?:voicemail|vm|message|msg)|(?:vm|msg)\s+left\b|lvm\b|voicemail\b|answerphone\b"
        r"|answering\s+machine"
        r"|got\s+(?:his|her|their|the)\s+(?:vm|voicemail|answering\s+machine)|gatekeeper|front\s+desk"
        r"|(?<!de\s)(?<!d['’])reception(?:ist)?\b(?!\s+d)|switchboard|nicht\s+erreicht|(?:keiner|niemand|nicht)\s+(?:ran|abgenommen|abgehoben"
        r"|rangegangen)|mailbox|anrufbeantworter"
        r"|pas\s+de\s+réponse|répondeur|messagerie|standard\b"
        # (the front desk, not the receipt of a document: "confirmando recepción del CV")
        r"|sin\s+respuesta|no\s+contest(?!é)|buzón|contestador|recepción(?!\s+de)"
        r"|segreteria|non\s+rispond|nessuno\s+rispond|centralino"
        r"|caixa\s+postal|não\s+atendeu|ninguém\s+atendeu|recepção(?!\s+d)"
        r"|geen\s+gehoor|niet\s+opgenomen|ingesproken|receptie"
        # (the voicemail in any of its cases: "poczta", "na pocztę", "na poczcie głosowej")
        r"|pocz(?:t[aęy]|cie)\s+głosow|nagra(?:łam|łem)\s+się|nie\s+odbiera|nikt\s+nie\s+odebrał|sekretariat"
        # a message the user left, as the other languages write it ("laissé un message", "AB besprochen")
        r"|laiss[ée]\s+un\s+(?:message|vocal)|message\s+laiss[ée]|dej[ée]\s+(?:un\s+)?(?:mensaje|recado)"
        r"|ho\s+lasciato\s+un\s+messaggio|deixei\s+(?:um\s+)?(?:recado|mensagem)"
        r"|(?:ab|anrufbeantworter|mailbox)\s+(?:am\s+)?(?:[\d./]+\s+)?besprochen|auf\s+(?:den\s+ab|das\s+band|die\s+mailbox)\s+gesprochen"
        r"|zostawi(?:łam|łem)\s+wiadomość"
        # someone at the front desk, not the person: "me atendió la secretaria", "a secretária disse",
        # "die Sekretärin", "la segretaria", "de secretaresse" (with its article: not a job applied for)
        r"|(?:la|a|die|de|het|una|uma|eine|une)\s+(?:secretari[ao]|secrétaire|segretari[ao]|secretária|sekretärin"
        r"|secretaresse|recepcionista|réceptionniste|receptionist[e]?|standardiste|centralinista|telefonist\w*)\b"
        r"|\bsekretark\w*"
        # nobody answered, the negative pronoun before or after its verb: "personne n'a décroché",
        # "non ha risposto nessuno", "no contestó nadie", "ninguém atendeu", "niemand nam op"
        r"|" + _NOBODY + r"\s+(?:[\w'’]+\s+){0,2}?" + _ANSWERED
        + r"|" + _ANSWERED + r"\s+(?:[\w'’]+\s+)?" + _NOBODY + r"\b)",
        # the user's call in Chinese, Japanese, Korean: the answering machine, nobody picked up, out
        r"留守電|留守番電話|担当者?(?:の方)?(?:は|が)?(?:不在|外出中|席を外)"
        r"|(?:電話|かけ)[^。\n]{0,8}?(?:不在|つながらなかった|繋がらなかった|出なかった)|(?:没人|沒人|无人|無人)接|没接通|沒接通"
        r"|语音信箱|語音信箱|转到留言|留了言|留咗言|冇人聽|冇人接|(?:留咗|留了|留)\s*(?:voicemail|vm|口訊|口讯|message)|음성\s*메시지|음성\s*사서함|음성사서함|부재중|전화했는데\s*안\s*받"
        r"|통화\s*(?:안|못)\s*(?:됨|됐|되|했)|연결\s*(?:안|이\s*안)\s*(?:됨|됐|되)")


@functools.cache
def _call_word() -> _Latin:
    return _Latin(r"\bcall|\brang\b|\bphon|\bdial|\btried|\banruf|\bangerufen|\bappel|\bllam|\bchiam"
                  r"|\btelefon|\blig|\b(?:ge)?bel|\bdzwoni")


@functools.cache
def _thanked() -> _Scripts:
    return _Scripts(r"\bthank[-\s]?you\s+(?:sent|note|mail|e-?mail)"
                    r"|\b(?:sent|wrote|emailed|e-mailed)\s+(?:a\s+)?thank"
                    r"|\bthanked\b|\bdankes|\bbedankt|\bremerci|\bagradec",
                    # the user's thank-you in Japanese, Korean and Chinese: the message, then the
                    # user's sending of it (お礼メール送付済, 감사 메일 보냄, 发了感谢邮件, send咗thank you
                    # email); a 感谢信 that came is a refusal, never the user's thanks
                    r"お礼(?:の)?(?:メール|メッセージ|状|の連絡)\s*(?:を|は)?\s*(?:送[っつりる]|送付|送信|済|出し)"
                    r"|감사\s*(?:메일|인사|문자|편지|이메일|메세지|메시지)\s*(?:을|를|도)?\s*(?:보냄|보냈|드림|드렸|전송|발송)"
                    r"|(?:发了?|發了?|寄了?|写了?|寫了?)\s*(?:一?封)?\s*(?:感谢|感謝|致谢|致謝)\s*(?:邮件|郵件|信息|訊息|短信|email|mail)"
                    r"|(?:感谢|感謝)(?:邮件|郵件)\s*(?:已)?(?:发|發)"
                    r"|(?:send|sent)\s*(?:咗|了|左)?\s*(?:a\s+)?thank\s*you")


# Read without accents, Spanish "llamé" (I called) is also "(que) llame" (that I call: the
# subjunctive, a call asked for, not made); after "que" it is that. (Looked behind only once the
# verb is found: a look-behind before it was tried at every word.)
_NOT_AFTER_QUE = r"(?<!que\s{verb})(?<!que\s[lmt][aeo]\s{verb})(?<!que\s[lmt][aeo]s\s{verb})"


@functools.cache
def _user_after() -> _Latin:
    return _Latin(r"\b(?:i|we)\s+(?:followed\s+up|called|emailed|e-mailed|wrote|sent|rang|phoned)\b"
                  r"|\breturned\s+(?:their|the|her|his)\s+call|\bcalled\s+(?:them|her|him)\s+back"
                  r"|\b(?:habe|hab)\s+(?:" + _UNDENIED + r"\w+\s+)?(?:zurückgerufen|angerufen|geschrieben)"
                  r"|\brappelée?\b"
                  r"|\bdevolví|\b(?:emailed|e-mailed|wrote to|called)\s+(?:hr|the\s+recruiter|them|her|him)\b"
                  r"|\bnachgefasst|\brelancé|\bj['’]ai\s+(?:appelé|écrit|relancé)"
                  r"|\bllamé" + _NOT_AFTER_QUE.format(verb="llamé") + r"|\bescribí"
                  # the user's own call or message in Italian, Portuguese, Dutch, Polish, Mexican Spanish
                  r"|\bho\s+(?:chiamato|richiamato|scritto)|\bliguei|\bretornei|\bescrevi"
                  r"|\bmarqué" + _NOT_AFTER_QUE.format(verb="marqué") +
                  r"|\bik\s+(?:belde|heb\s+(?:" + _UNDENIED + r"\w+\s+)?(?:gebeld|teruggebeld|gemaild))"
                  r"|(?<!niet\s)\bteruggebeld"
                  r"|\b(?:za|od)?dzwonił(?:am|em)\b|\bnapisał(?:am|em)\b")


# A match starts where a word starts (the look-behind): any address inside a run of letters is also
# found from the run's first letter, and the search stays linear on a 40,000-letter cell (without it,
# every letter of a long cell with no "@" was tried as the start: seconds per cell).
# The recruiter or agency passed the user's CV on to its client: one clause holds what went (the
# CV, a profile, the application), a verb of passing it on in a past form and to whom (the client,
# the employer, the hiring manager). Its subject is someone other than the user: a person or a
# pronoun before the verb, or the CV itself ("CV an den Kunden weitergeleitet", "CV poszło do
# klienta"); a verb whose ending names the user ("przesłałam", "envié") is no such form, and a
# clause that says it negated, hoped, as a condition or still ahead is none (`notestage.not_so_yet`).
# Read only for the rows whose script is the recruiter's or an agency's (`_Facts.live`).
_CV_WORDS = (r"\b(?:cv|c\.v\.?|r[ée]sum[ée]|resume|profile|application|lebenslauf|unterlagen|bewerbung\w*|profil\w*"
             r"|candidature|dossier|curriculum|curr[íi]culo|hoja\s+de\s+vida|candidatura|sollicitatie\w*|aplikacj\w*"
             r"|dokument\w*|kandydatur\w*)\b|履歴書|職務経歴書|レジュメ|简历|簡歷|履历|履歷|이력서|레쥬메|서류|경력기술서")
_CV_PASSED = (r"\b(?:forwarded|fwd(?:ed|['’]d)?|passed|sent|submitted|presented|shared|pitched|introduced|handed|put"
              r"|went|gone|weitergeleitet|weitergegeben|weitergereicht|vorgestellt|geschickt|übermittelt|eingereicht"
              r"|präsentiert|gesendet|leitete|schickte|reichte|ging|transmis\w*|envoy[ée]\w*|présent[ée]\w*|soumis\w*"
              r"|transf[ée]r[ée]\w*|suivre|remis\w*|parti\w*|envi(?:ó|aron|ad[oa]s?)|pas(?:ó|aron|ad[oa]s?)"
              r"|present(?:ó|aron|ad[oa]s?)|remiti(?:ó|eron|d[oa]s?)|reenvi(?:ó|aron|ad[oa]s?)|mand(?:ó|aron|ad[oa]s?)"
              r"|inoltrat[oaie]|inviat[oaie]|mandat[oaie]|passat[oaie]|presentat[oaie]|girat[oaie]|sottopost[oaie]"
              r"|trasmess[oaie]|encaminh(?:ou|aram|ad[oa]s?)|envi(?:ou|aram)|repass(?:ou|aram|ad[oa]s?)"
              r"|apresent(?:ou|aram|ad[oa]s?)|mand(?:ou|aram)|doorgestuurd|doorgezet|voorgesteld|gestuurd|ingediend"
              r"|aangeboden|doorgegeven|stuurde|gepresenteerd|przesłał[aoi]?|przesłan\w*|przekazał[aoi]?|przekazan\w*"
              r"|wysłał[aoi]?|wysłan\w*|podesłał[aoi]?|przedstawił[aoi]?|przedstawion\w*|poszł[oay]|trafił[aoy]?)\b"
              r"|推荐|推薦|推给|推給|推到|推了|转给|轉給|发给|發給|递给|遞給|交给|交給|推薦し|送付|提出|送っ|送り|出し|回し|渡し"
              r"|전달|추천|제출|보냈|넘겼|넘어갔|들어갔")
_CV_TO = (r"\b(?:client\w*|employer|hiring\s+manager|hm|the\s+company|kunde\w*|auftraggeber\w*|arbeitgeber\w*"
          r"|fachabteilung|unternehmen|employeur|entreprise|empleador\w*|empresa|azienda|committente|klant\w*"
          r"|opdrachtgever\w*|werkgever\w*|klient\w*|pracodawc\w*|firm(?:y|ie|ę)|zleceniodawc\w*)\b"
          r"|客户|客戶|甲方|用人部门|用人部門|企業|クライアント|先方|고객사|클라이언트|기업")
# the user as the one who sent it: a first person before the verb ("I sent", "j'ai transmis", "ho
# inoltrato", "heb doorgestuurd", "我把简历", "제가"), not "my CV" or "我的简历"
_CV_MINE = (r"\b(?:i|i['’]ve|i['’]d|ich|habe|wir|je|j['’]|nous|yo|he(?=\s+(?:envi|pas|present|remit|mand|reenvi))"
            r"|hemos|io|ho|abbiamo|eu|nós|ik|heb|we|ja)\b|我(?![的们們])|私(?!の)|제가|내가|저는|나는")


@functools.cache
def _cv_passed() -> re.Pattern[str]:
    return re.compile(_CV_PASSED, re.IGNORECASE)


@functools.cache
def _cv_parts() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return (re.compile(_CV_WORDS, re.IGNORECASE), re.compile(_CV_TO, re.IGNORECASE),
            re.compile(_CV_MINE, re.IGNORECASE))


def cv_passed_on(text: Any) -> str:
    """The clause of `text` that says the recruiter or agency passed the user's CV on to the client
    ("Marta fwd my CV to the client", "agencja przekazała CV klientowi", "履歴書を企業に推薦済み"), or ''."""
    if not isinstance(text, str) or not text or screened(_cv_parts()[0]).search(text) is None:
        return ""
    what, to, mine = _cv_parts()
    for clause in _CLAUSES_OF_NOTES.split(text):
        verb = _cv_passed().search(clause)
        if verb is None or what.search(clause) is None or to.search(clause) is None:
            continue
        before = clause[:verb.start()]
        cv = what.search(clause)
        if mine.search(clause[:verb.end()]) or not (before.strip() or (cv is not None and cv.start() < verb.start())):
            continue      # the user sent it, or no one is said to have: "sent CV to the client"
        if not_so_yet(clause):
            continue      # "hasn't forwarded my CV yet", "will send my profile to the client"
        return clause.strip()
    return ""


_CLAUSES_OF_NOTES = re.compile(r"(?<!\d)[.;!?\n]|,\s|\s[-–—]\s|。|；|，")


_EMAIL = re.compile(r"(?<![^@\s])[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_PHONE = re.compile(r"\+?\d[\d\s().\-/]{5,}\d")


class Ledger(NamedTuple):
    """What the cadence needs per row (vectorised), and per row the dated statements read from
    its notes and response (each with the field it was read from)."""
    columns: pd.DataFrame
    statements: list[list[tuple[Statement, str]]]


def source_of(columns: Mapping[str, Any] | None, field: str, row: Any) -> str:
    """'Notes, P17': the user's header and the cell of `field` in `row` (the frame's index is the
    sheet row); the field's name and the row number without a known column."""
    info = (columns or {}).get(field)
    if info is None:
        return f"{field.replace('_', ' ')}, row {row}"
    return f"{info.header}, {info.letter}{row}"


def _per_unique(text: list[str], test, rows: np.ndarray, otherwise: Any = None) -> list:
    """`test` once per distinct text (in the order they first come), spread back over the rows;
    `otherwise` on the rows that `rows` (a boolean mask) leaves out, whose text is not looked at."""
    out = [otherwise] * len(text)
    answers: dict[str, Any] = {}
    for k in np.flatnonzero(rows).tolist():
        value = text[k]
        out[k] = answers[value] if value in answers else answers.setdefault(value, test(value))
    return out


def _texts(values: pd.Series) -> list[Any]:
    """A column's values as a list, a missing one (None, NaN, NA) as ''."""
    return ["" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v for v in values.tolist()]


def _hits(regex: re.Pattern | _Scripts, text: str) -> list[re.Match]:
    return [m for m in regex.finditer(text) if not _negated(text, m.start(), m.end())]


@functools.lru_cache(maxsize=4096)
def _my_attempts(text: str) -> tuple[re.Match, ...]:
    """The user's calls that reached nobody: not a message the employer left ("they left a vm",
    "mi hanno lasciato un messaggio in segreteria": their call's own words before it, in its clause)."""
    hits = [m for m in _hits(_attempt(), text)
            if not said_by_them(text, m.start()) and not _left_for_me().match(text, m.end())]
    if not hits:
        return ()
    theirs = [m.end() for m in _EMPLOYER_CALL.finditer(text)]
    between = re.compile(r"[.;,\n，。；、]")
    # a message left, with no subject of its own, in a clause joined by a comma to the employer's
    # call is theirs ("recruiter called 12/2, left msg", "인사팀에서 전화 옴, 음성메시지 남김")
    ends = re.compile(r"[.;\n。；!?！？]")
    return tuple(m for m in hits if not any(
        0 <= m.start() - end <= 30 and not between.search(text, end, m.start())
        or 0 <= m.start() - end <= 40 and not ends.search(text, end, m.start()) and _message_left(text, m)
        for end in theirs))


# A message said left, and no one of the user's side before it in its clause: "left msg", "lvm",
# "음성메시지 남김", "留守電に残した"
_LEFT = re.compile(r"\b(?:left|lvm|vm\s+left|msg\s+left)\b|남김|남겼|남겨|残し|留言|留了言|留咗言|hinterl|laiss|dej"
                   r"|lasciat|deixei|ingesproken|zostawi|besprochen", re.IGNORECASE)
_COMMA = re.compile(r"[,，、]")
_SUBJECT_MINE = re.compile(r"\b(?:i|we|ich|wir|je|j['’]|yo|io|eu|ik|ja)\b|我|私|僕|제가|내가|저는|나는", re.IGNORECASE)


def _message_left(text: str, hit: re.Match) -> bool:
    """Whether `hit` is a message left whose clause names no subject of the user's side."""
    begin = max((m.end() for m in _COMMA.finditer(text, 0, hit.start())), default=0)
    clause = text[begin:hit.end() + 12]
    return _LEFT.search(clause) is not None and _SUBJECT_MINE.search(text, begin, hit.start()) is None


# Right after a message on the voicemail, the verb that says it was left for the user, or came:
# Japanese intransitive or benefactive (留守電にメッセージが残っていた, 残してくれた), Korean honorific,
# benefactive or received (남기셨, 남겨 주셨, 받음, 와 있)
@functools.cache
def _left_for_me() -> re.Pattern[str]:
    return re.compile(r"[^、。,.!?！？\n]{0,14}?(?:残って|残され|残して(?:くれ|くださ|もらっ|いただ|あっ)"
                      r"|入って|入ってい|届い|남기셨|남겨\s*(?:주|놓으셨|두셨)|받았|받음|와\s*있|왔)")


_SEP = "\x00"
# Every pattern above holds one of these stems or word starts; text without any needs no closer look.
_SAY_STEMS = ("call", "rang", "rung", "phon", "mail", "messag", "wrote", "text", "reach", "touch", "voicemail",
              "answer", "pick", "desk", "recept", "gatekeep", "switchboard", "thank", "anruf", "angerufen", "gemeldet",
              "geschrieben", "erreicht", "abgenommen", "mailbox", "beantworter", "dank", "appel", "écrit", "répon",
              "messagerie", "standard", "remerci", "relanc", "llam", "escrib", "contest", "buzón", "devolv",
              "respuesta", "agradec", "nachgefasst", "rief", "zurück", "invit", "nachricht", "rückruf", "courriel",
              "correo", "mensaj", "chiamat", "telefon", "ligaç", "ligac", "ligou", "ligaram", "bericht", "wiadom",
              "połącz", "oproep", "contat", "dzwoni", "odebra", "atend", "caixa", "poczt", "poczcie",
              "nagrał", "segreteria",
              "gehoor", "gemist", "opgenomen", "ingesproken", "cogí", "war nicht da", "rangegangen", "raté",
              "rispond", "rispost", "persa", "marc", "abgehoben", "abheb", "abnehm", "rangeh", "décroch", "opnam",
              "nam op", "alcancé", "liguei", "escrevi", "napisał", "chamad", "hold of", "vocal",
              # they got in touch with me: "m'a contactée", "me contactó", "mi ha contattato"
              "m'a contact", "m’a contact", "m'ont contact", "m’ont contact", "contactó", "contactaron", "contattat",
              "laiss", "lasciat", "deixou", "recado", "dejó", "dejaron", "hinterlass", "zostawi",
              "centralino", "receptie", "sekretariat", "gebeld", "secretar", "secrétaire", "segretari", "sekretär",
              "sekretark",
              "recepcionist", "réceptionn", "standardist", "telefonist",
              "电话", "電話", "来电", "來電", "邮件", "郵件", "メール", "連絡", "联系", "聯繫", "消息", "短信",
              "전화", "메일", "연락", "문자", "留守", "不在", "没人", "沒人", "无人", "無人", "接通", "留言", "음성",
              "부재", "통화", "연결", "打嚟", "打咗", "打俾", "打给", "打給", "冇人", "着信", "语音", "語音")
_SAY_WORD_STARTS = r"\b(?:vm\b|lvm\b|dm\b|sms\b|msg|inmail|(?:i|we)\s|ring|note|text|bel)"


@functools.cache
def _may_say() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _SAY_STEMS)) + "|" + _SAY_WORD_STARTS, re.IGNORECASE)


# (a stem typed without its accents, "cogi", "buzon", is looked for too)
_ASCII_SAY_STEMS = tuple(dict.fromkeys(without_accents(stem) for stem in _SAY_STEMS
                                       if without_accents(stem).isascii()))


@functools.cache
def _ascii_word_starts() -> re.Pattern:
    return re.compile(_SAY_WORD_STARTS)


def may_say(text: str) -> bool:
    """Whether `text` may mention a contact (`_may_say()` finds something): the same answer, about
    eight times quicker for text in ASCII, most notes. Python's regex engine tries each of the
    alternatives at every position, and ignoring case costs more again: ASCII text is lower-cased
    once and each stem looked for with `in`; only the few word starts need a pattern."""
    if text.isascii():
        low = text.lower()
        return any(stem in low for stem in _ASCII_SAY_STEMS) or _ascii_word_starts().search(low) is not None
    if _may_say().search(text) is not None:
        return True
    if _CJK_TEXT.search(text) and _may_say().search(latin_view(text)) is not None:
        return True     # a Latin word glued to Chinese, Japanese or Korean ("DMきた")
    bare = without_accents(text)
    return bare != text and (may_say(bare) if bare.isascii() else _may_say().search(bare) is not None)


@functools.cache
def _clauses() -> re.Pattern[str]:
    return re.compile(r"[;\n]|\." + not_a_titles_stop() + r"\s|,\s+(?=\d{1,2}[/.]\d)")


def _attempt_run(text: str, employer_spans: list[tuple[int, int]]) -> int:
    """The calls that reached nobody at the end of a log ("12/1 no answer; 12/2 voicemail"): a
    clause saying anything else ends the run, since attempts count in a row."""
    hits = [m for m in _my_attempts(text) if not any(s <= m.start() < e for s, e in employer_spans)
            and not re.match(r"\s*(?:from|by|von|de)\b(?!\s+voz\b)", text[m.end():], re.IGNORECASE)]
    if not hits:
        return 0
    if all(m.group().lower().startswith(("no", "nao", "nie", "non", "pas", "sin", "sem", "geen", "brak"))
           for m in hits) \
            and not _call_word().search(text):
        return 0     # "no answer yet" to an application is not a call that reached nobody
    starts = [m.start() for m in hits]
    run, end = 0, len(text)
    for cut in reversed([0, *[m.end() for m in _clauses().finditer(text)]]):
        clause = text[cut:end]
        end = cut
        if not clause.strip(" .,;\n"):
            continue
        if any(cut <= x < cut + len(clause) for x in starts):
            run += _calls_in(clause)
        elif not _aside(clause):
            break
    return run


def _calls_in(clause: str) -> int:
    """How many calls that reached nobody one clause of a log tells of: one, or one per part
    between commas that gives its own day ("left vm Dec 1, left vm Dec 2, left vm Dec 3": three;
    "went to voicemail, left a message": one call)."""
    parts = re.split(r",\s+", clause)
    if len(parts) < 2:
        return 1
    dated = sum(1 for part in parts if _my_attempts(part) and may_state_a_date(part)
                and read_statements(part, _ANY_DAY))
    return max(1, dated)


# words of a step or an outcome a clause may tell of without a contact verb
_EVENT_WORDS = re.compile(r"\b(?:interview\w*|offer\w*|reject\w*|declin\w*|withdr\w*|screen\w*|hired|accepted)\b",
                          re.IGNORECASE)


_ANY_DAY = dt.date(2000, 1, 3)     # whether a clause states a day at all, read from any day


def _aside(clause: str) -> bool:
    """Whether a clause of a log tells of nothing that happened: no contact of anyone's, no day,
    no step or outcome ("worked nights so couldnt call earlier", "need to update CV"): it does not
    end a run of calls that reached nobody."""
    return not (tells_a_past_contact(clause) or may_name_a_step(clause)
                or may_state_a_date(clause) and read_statements(clause, _ANY_DAY)
                or _EVENT_WORDS.search(clause) or _hits(_EMPLOYER_CALL, clause) or _hits(_EMPLOYER_MAIL, clause))


def _text_facts(joined: str) -> tuple[bool, bool, int, bool, bool]:
    """(the employer's call is the latest contact, their e-mail is, calls in a row that reached
    nobody, a thank-you was sent, the user acted after the employer's last contact) for one
    row's response, notes and stage (joined by NUL; the notes are a log, oldest first)."""
    response, notes, stage = (joined.split(_SEP) + ["", "", ""])[:3]
    text = f"{response}\n{notes}\n{stage}"
    if not may_say(text) and not may_chase(text):     # one quick look first: most rows mention no contact at all
        return False, False, 0, False, False
    employer = [(m.start(), m.end(), "call") for m in _hits(_EMPLOYER_CALL, text)] \
        + [(m.start(), m.end(), "mail") for m in _hits(_EMPLOYER_MAIL, text)]
    spans = [(a, b) for a, b, _ in employer]
    attempts = _attempt_run(notes, []) if _attempt().search(notes) else _attempt_run(f"{response}\n{stage}", [])
    if attempts and employer:     # (the run ends with the notes: the stage after them is no clause of the log)
        attempts = _attempt_run(text[:len(response) + 1 + len(notes)], spans) and attempts
    chases = [c for c in user_chases(text) if not any(a <= c.start < b for a, b in spans)]
    if attempts and chases:
        # (a contact of the user's own after the last call that reached nobody ends the run: "left
        # a voicemail 11/23, emailed 11/30" waits for the e-mail's answer, not a call tomorrow)
        last_attempt = max(m.end() for m in _my_attempts(text))
        attempts = 0 if any(c.start >= last_attempt for c in chases) else attempts
    mine = [m.start() for m in _user_after().finditer(text)] + [m.start() for m in _thanked().finditer(text)] \
        + [m.start() for m in _my_attempts(text) if not any(a <= m.start() < b for a, b in spans)] \
        + [c.start for c in chases]
    if not employer:
        return False, False, attempts, bool(_thanked().search(text)), bool(mine)
    latest = max(employer)
    after = any(x > latest[1] for x in mine)
    return (latest[2] == "call" and not after, latest[2] == "mail" and not after, 0 if not after else attempts,
            bool(_thanked().search(text)), after)


def _stage_may_state_a_date(text: str) -> bool:
    """A stage states a date only with a number or a month's name in it ("On hold until 12/9",
    "On hold until Jan"), not a weekday or a relative word alone ("Declined", "Applied Monday")."""
    return may_state_a_date(text) and (any(ch.isdigit() for ch in text) or any(
        word in MONTH_NUMBERS and word != "may" for word in re.findall(r"[^\W\d_]{3,}", text.lower())))


def has_address(text: Any) -> bool:
    return isinstance(text, str) and _EMAIL.search(text) is not None


def has_phone(text: Any) -> bool:
    return isinstance(text, str) and _PHONE.search(text) is not None


_NOTHING_SAID = (False, False, 0, False, False)


def _this_employers(note: str, said: tuple[Statement, ...]) -> list[Statement]:
    """`said` without the rounds of another employer's process the note tells of ("also final
    round w/ Maple Ridge next wk"): strong interest elsewhere, no interview of this row's."""
    return [st for st in said if not (st.kind == "interview" and of_another_employer(note, st.words))]


def _this_employers_days(field: str, text: str, said: tuple[Statement, ...]) -> tuple[Statement, ...]:
    """The statements of a note without those in its clauses about another employer ("also
    interviewing at Zenith - final round next wk"): their days are not this row's; only the answer
    another employer's offer awaits is kept, as strong interest elsewhere reads it."""
    other = elsewhere_spans(text) if field == "notes" and said else []
    if not other:
        return said

    def inside(words: str) -> bool:
        at = text.find(words)
        return at >= 0 and any(start <= at < end for start, end in other)
    return tuple(st for st in said if st.kind == "answer" or not inside(st.words))


def read_ledger(frame: pd.DataFrame, settings: Settings, columns: Mapping[str, Any] | None = None,
                rows: np.ndarray | None = None, today: dt.date | None = None) -> Ledger:
    """The per-row facts of `frame` that the cadence of rules §2-§5 needs. `rows` (a boolean
    mask; every row without it): the rows whose texts are read; the others say nothing (the plan
    reads no fact of a closed or not-applied row, a third of a large tracker)."""
    idx = frame.index
    if rows is None:
        rows = np.ones(len(idx), dtype=bool)
    applied = frame["applied_on"].to_numpy(dtype="datetime64[D]")
    last = frame["last_contact"].to_numpy(dtype="datetime64[D]")
    written = np.where(np.isnat(last), applied, last)         # the day the notes were last written
    # (the cells as lists: `.iat` per statement cost 4 µs a look-up, 17,522 of them on the narrow tracker)
    texts = {f: _texts(frame[f]) for f in ("notes", "response", "stage")}
    # joined in Python: pandas 3 drops a NUL when it adds strings column-wise
    joined = [f"{r}{_SEP}{n}{_SEP}{t}" for r, n, t in zip(texts["response"], texts["notes"], texts["stage"])]
    said = _per_unique(joined, _text_facts, rows, _NOTHING_SAID)
    said_arr = np.array(said, dtype=object).reshape(len(idx), 5) if len(idx) else np.empty((0, 5), dtype=object)

    # dated statements: a quick screen, then the parser on the few notes that may state a date
    order = settings.date_order == "dmy"
    # the parser tries the run's language and English (every language it knows only when none is
    # set), and the other language of a tracker that mixes two ("Mme Roy en congé jusqu'au 14 décembre")
    langs = tuple(dict.fromkeys((settings.language, "en", *(x for x in settings.note_languages
                                                             if x in STATEMENT_LANGUAGES)))) \
        if settings.language in STATEMENT_LANGUAGES else STATEMENT_LANGUAGES
    stated: list[tuple[Statement, str] | None] = [None] * len(idx)
    all_stated: list[list[tuple[Statement, str]]] = [[] for _ in idx]
    anchored = written.copy()     # the day the notes were written, at least the last calendar day they give
    offers = _offer_words(tuple(settings.offer_words))
    for field in ("notes", "response", "stage"):     # ("On hold until 12/9" in the stage column)
        values = texts[field]
        # (a stage states a date only with a number in it: "On hold until 12/9", not "Declined")
        screen = may_state_a_date if field != "stage" else _stage_may_state_a_date
        maybe = np.array(_per_unique(texts[field], screen, rows, False), dtype=bool)
        for k in np.flatnonzero(maybe & ~np.isnat(written)):
            # (a row with no last contact: its notes may have been written up to today)
            until = today if np.isnat(last[k]) else None
            here: tuple[Statement, ...] = read_statements(values[k], written[k].astype(object), order, langs, until)
            here = _this_employers_days(field, values[k], here)
            if today is not None:
                # a note that gives the calendar day of something that happened ("onsite 11/24,
                # they'd decide early next week") was written on or after it: its relative days
                # ("next week") count from there; its calendar days stay as first read
                # (a call or an offer the sentence tells of is such a thing too: "Zusage am Telefon
                # am 4.12., soll mich bis Freitag melden" answers by the Friday after the 4th)
                seen = [st.date for st in here if (st.kind in ("interview", "date") or st.kind == "call_back"
                                                   and _tells_a_contact(values[k], st, today, offers))
                        and written[k].astype(object) < st.date <= today and names_a_calendar_day(st.words)]
                if seen:
                    again = read_statements(values[k], max(seen), order, langs, until)
                    here = tuple(sorted([st for st in here if names_a_calendar_day(st.words)]
                                        + [st for st in again if not names_a_calendar_day(st.words)],
                                        key=lambda st: values[k].find(st.words)))
                    anchored[k] = max(anchored[k], np.datetime64(max(seen), "D"))
            all_stated[k].extend((st, field) for st in _this_employers(values[k], here))
    interview: list[dt.date | None] = [None] * len(idx)
    interview_field = [""] * len(idx)
    answer: list[dt.date | None] = [None] * len(idx)      # the day a decision or news is due, or an answer
    owed: list[dt.date | None] = [None] * len(idx)        # a decision or an answer only: never the employer's news
    # that latest day is when they said they would get back ("Rückmeldung bis", "réponse promise
    # avant"), not a decision: the scripts say it in kind
    news = [False] * len(idx)
    rough = [False] * len(idx)    # that day is only a part of a month's ("bis Mitte Dezember")
    interview_rough = [False] * len(idx)   # the interview's day is only a bound ("2nd round in 2 wks", "w/c 14 Dec")
    interview_words = [""] * len(idx)      # the words that gave the interview's day
    offers = _offer_words(tuple(settings.offer_words))
    cells = texts
    logged: list[dt.date | None] = [None] * len(idx)      # the latest day a log entry of the notes tells of
    logged_rough = [False] * len(idx)
    noted: list[dt.date | None] = [None] * len(idx)       # the latest day a log entry was written
    for i, found in enumerate(all_stated):
        if today is not None:     # a log entry opening with a day still to come says what is planned then
            found[:] = [(Statement(f[0].date, "date", f[0].words), f[1])
                        if f[0].kind in ("logged", "noted") and f[0].date > today else f for f in found]
        found[:] = [(Statement(st.date, "logged", st.words), field)
                    if _tells_a_contact(cells[field][i], st, today, offers) else (st, field) for st, field in found]
        entries = [f[0].date for f in found if f[0].kind == "logged"]
        logged[i] = max(entries) if entries else None
        # (that day said only as a week, "vorige week gebeld": a bound, no day a script may say)
        logged_rough[i] = bool(entries) and all(approximate(f[0].words) for f in found
                                                if f[0].kind == "logged" and f[0].date == logged[i])
        notes_on = [f[0].date for f in found if f[0].kind in ("logged", "noted")]
        noted[i] = max(notes_on) if notes_on else None
        others = [f for f in found if f[0].kind not in ("interview", "logged", "noted")]
        if others:     # the latest date the row states, one about something in particular first
            stated[i] = max(others, key=lambda f: (f[0].kind != "date", f[0].date))
        # (an answer the user owes is no decision of theirs: "need to answer by 12/11")
        answers = [f[0] for f in found if f[0].kind in ("decision", "feedback", "answer") and not f[0].mine]
        if answers:    # the latest day; on one day a decision is said over the news
            last_said = max(answers, key=lambda s: (s.date, s.kind == "decision"))
            answer[i], news[i] = last_said.date, last_said.kind != "decision"
            rough[i] = approximate(last_said.words, cells[next(f for st, f in found if st is last_said)][i])
        deadlines = [f[0].date for f in found if f[0].kind in ("decision", "answer")]
        owed[i] = max(deadlines) if deadlines else None
        talks = [f for f in found if f[0].kind == "interview"]
        if talks:
            latest = max(talks, key=lambda f: f[0].date)
            interview[i], interview_field[i] = latest[0].date, latest[1]
            interview_rough[i] = approximate(latest[0].words, cells[latest[1]][i])
            interview_words[i] = latest[0].words

    # the user's own chasers the notes and response tell of ("emailed twice", "3rd f/u sent"): how
    # many, and whether one came after the interview the notes give (in the order written, or by its day)
    chases = [0] * len(idx)
    chased_after = [False] * len(idx)
    for k in np.flatnonzero(rows):
        for field in ("response", "notes"):
            value = cells[field][k]
            # (a call of the user's that reached nobody is a retry, counted by the retry rule)
            chased = tuple(c for c in user_chases(value) if not _reached_nobody(value, c.start))
            if not chased:
                continue
            chases[k] += count_of(chased)
            told_talks = [st for st, f in all_stated[k] if f == field and st.kind == "interview"]
            told = max((value.find(st.words) for st in told_talks), default=-1)
            logged_days = [st.date for st, f in all_stated[k] if f == field and st.kind == "logged"]
            talk_day = max((st.date for st in told_talks), default=None)
            chased_after[k] = chased_after[k] or any(c.start > told for c in chased) \
                or (talk_day is not None and any(d > talk_day for d in logged_days))
    stated_on = np.array([np.datetime64(s[0].date, "D") if s else np.datetime64("NaT", "D") for s in stated])
    interview_on = np.array([np.datetime64(d, "D") if d else np.datetime64("NaT", "D") for d in interview])
    out = pd.DataFrame({
        "employer_call": said_arr[:, 0].astype(bool) if len(idx) else np.zeros(0, bool),
        "employer_mail": said_arr[:, 1].astype(bool) if len(idx) else np.zeros(0, bool),
        "attempts": said_arr[:, 2].astype(int) if len(idx) else np.zeros(0, int),
        "thanked": said_arr[:, 3].astype(bool) if len(idx) else np.zeros(0, bool),
        "user_after": said_arr[:, 4].astype(bool) if len(idx) else np.zeros(0, bool),
        "chases": np.array(chases, dtype=int),
        "chased_after": np.array(chased_after, dtype=bool),
        "stated_on": datetime_column(stated_on),
        "interview_stated": datetime_column(interview_on),
        "interview_field": interview_field,
        "interview_is_rough": interview_rough,
        "interview_words": interview_words,
        "answer_on": datetime_column(np.array([np.datetime64(d, "D") if d else np.datetime64("NaT", "D")
                                              for d in answer])),
        "answer_is_news": news,
        "answer_is_rough": rough,
        "deadline_on": datetime_column(np.array([np.datetime64(d, "D") if d else np.datetime64("NaT", "D")
                                                for d in owed])),
        # the calendar days the notes give to something that happened or was planned, without a
        # word of what is owed ("verbal offer 12/2", "onsite 11/24")
        "event_days": [tuple(sorted(f[0].date for f in found if f[0].kind in ("date", "interview")
                                    and names_a_calendar_day(f[0].words)))
                       for found in all_stated],
        # the days the notes give to something that happened or is to happen with no more said
        # ("HR rang Thursday", "called 12/1"): the plan takes the latest one not after today as
        # the day of an employer's contact
        # (not a day said ahead: "he will ring back Thursday" is no day of a contact)
        "plain_days": [tuple(sorted(f[0].date for f in found if f[0].kind in ("date", "call_back")
                                    and not said_ahead(str(texts[f[1]][i]), f[0].words)))
                       for i, found in enumerate(all_stated)],
        "stated_kind": [s[0].kind if s else "" for s in stated],
        "stated_mine": np.array([bool(s and s[0].mine) for s in stated], dtype=bool),   # an answer the user owes
        "stated_words": [s[0].words if s else "" for s in stated],
        "stated_field": [s[1] if s else "" for s in stated],
        "logged_on": datetime_column(np.array([np.datetime64(d, "D") if d else np.datetime64("NaT", "D")
                                              for d in logged], dtype="datetime64[D]")),
        "logged_rough": np.array(logged_rough, dtype=bool),
        "written": datetime_column(np.fmax(anchored, np.array(     # (typed: a sheet without rows gives an empty list)
            [np.datetime64(d, "D") if d else np.datetime64("NaT", "D") for d in noted], dtype="datetime64[D]"))),
        "email_only": _email_only(frame),
    }, index=idx)
    return Ledger(out, all_stated)


def _reached_nobody(text: str, at: int) -> bool:
    """Whether the sentence of `text` at `at` says a call reached nobody ("phoned twice, no answer")."""
    start = max((m.end() for m in _sentence_end().finditer(text, 0, at)), default=0)
    end = _sentence_end().search(text, at)
    return bool(_my_attempts(text[start:end.start() if end else len(text)]))


def _tells_a_contact(text: str, said: Statement, today: dt.date | None, offers: Any = None) -> bool:
    """Whether a plain or call-back date is the day of a contact its sentence tells of ("le marqué el
    1/12, me mandó a buzón", "liguei 30/11, caixa postal", "laissé un message le 30/11"): a day
    that has come, in a sentence with a call or message made, theirs or the user's, or with the
    employer's offer ("oferta verbal 2/12", "Angebot per Mail am 3.12."; `offers`: a word list)."""
    if said.kind not in ("date", "call_back") or today is None or said.date > today:
        return False
    at = text.find(said.words)
    if at < 0 or said_ahead(text, said.words):     # ("they'll ring back Fri": a promise, not a contact)
        return False
    start = max((m.end() for m in _sentence_end().finditer(text, 0, at)), default=0)
    end = _sentence_end().search(text, at + len(said.words))
    sentence = text[start:end.start() if end else len(text)]
    return any(p.search(sentence) for p in (_attempt(), _user_after(), _EMPLOYER_CALL, _EMPLOYER_MAIL)) \
        or bool(user_chases(sentence)) \
        or (offers is not None and offers.search(sentence) is not None)


@functools.lru_cache(maxsize=4)
def _offer_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """The offer words as whole words (a stem may take an ending: "oferta", "Angebot", "offre")."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")",
                      re.IGNORECASE)


@functools.cache
def _sentence_end() -> re.Pattern[str]:
    return re.compile(r"(?<![0-9])\." + not_a_titles_stop() + r"\s|[;\n!?]")


def _email_only(frame: pd.DataFrame) -> np.ndarray:
    """An e-mail address (in the e-mail column or the contact cell) and no phone number (rules §5)."""
    # (plain loops: six pandas string methods cost more than a small tracker's cells)
    contact = [str(v) for v in _texts(frame["contact"])]
    nothing = [""] * len(contact)
    email = [str(v) for v in _texts(frame["contact_email"])] if "contact_email" in frame else nothing
    phone = [str(v) for v in _texts(frame["contact_phone"])] if "contact_phone" in frame else nothing
    digit = re.compile(r"\d")
    return np.array([("@" in e or _EMAIL.search(c) is not None) and not (digit.search(p) or _PHONE.search(c))
                     for c, e, p in zip(contact, email, phone)], dtype=bool)


def _field_saying(texts: Mapping[str, Any], patterns: tuple[re.Pattern | _Scripts, ...]) -> str:
    """The first of response, notes and stage (`texts`, by field) whose text one of `patterns` finds."""
    for field in ("response", "notes", "stage"):
        text = texts[field]
        if isinstance(text, str) and any(p.search(text) for p in patterns):
            return field
    return "notes"


def datetime_column(values: np.ndarray) -> Any:
    """`values` as `pandas.to_datetime` makes a frame's column of them, without its cost per call
    (some 80 µs, thirteen calls a plan): a datetime64 array in a unit pandas keeps (s, ms, us, ns)
    as it is, one in days in seconds; anything else through `pandas.to_datetime` itself."""
    if values.dtype.kind != "M":
        return pd.to_datetime(values)       # (an empty list's array is float)
    return values if np.datetime_data(values.dtype)[0] in ("s", "ms", "us", "ns") else values.astype("datetime64[s]")


def _dates(values: Any) -> list[dt.date | None]:
    """Dates as `datetime.date` objects, None where there is none (once per column, not per cell)."""
    # numpy turns a day into a `datetime.date` and NaT into None itself, without pandas' per-call cost
    return np.asarray(values, dtype="datetime64[ns]").astype("datetime64[D]").astype(object).tolist()


class _Facts:
    """The plan's columns as lists, once, and each row's facts from them."""

    def __init__(self, frame: pd.DataFrame, plan: pd.DataFrame, ledger: Ledger,
                 columns: Mapping[str, Any] | None, hold_field: np.ndarray, agencies: Agencies | None = None,
                 marked: Mapping[tuple[Any, str], dt.date] | None = None):
        idx = frame.index
        self.agencies = agencies
        self.marked = marked or {}
        self.frame, self.ledger, self.columns, self.hold_field = frame, ledger, columns, hold_field
        self.day = {c: _dates(frame[c]) for c in ("applied_on", "last_contact", "pinned")}
        self.day["interview_on"] = _dates(frame["interview_on"]) if "interview_on" in frame else [None] * len(idx)
        for c in ("employer_called_on", "interview_ahead", "hold_until", "other_offer_by"):
            self.day[c] = _dates(plan[c])
        self.day["returned_call_on"] = _dates(plan["returned_call_on"]) if "returned_call_on" in plan \
            else [None] * len(idx)
        self.text = {c: frame[c].tolist() for c in ("stage", "response", "notes")}
        self.cols = {c: plan[c].tolist() for c in ("stage", "last_by", "employer_called", "interview_held", "retry",
                                                    "strong_elsewhere", "next_reason", "situation",
                                                    "autoresponse_field", "chases", "stage_in_notes",
                                                    "interview_arranging", "arranging_field")}
        self.returned = plan["returned_unanswered"].tolist() if "returned_unanswered" in plan else [False] * len(idx)
        self.silent = plan["went_silent"].tolist() if "went_silent" in plan else [""] * len(idx)
        self.interview_field = ledger.columns["interview_field"].tolist()
        self.interview_words = ledger.columns["interview_words"].tolist()
        self.cell = {f: source_of(columns, f, "{row}") for f in
                     ("applied_on", "last_contact", "pinned", "stage", "response", "notes", "interview_on")}
        self._values: dict[str, list] = {}   # frame columns as lists, made when first read

    def value(self, field: str, i: int) -> Any:
        """The frame's cell of `field` in the i-th row (a list look-up, not `frame.at`: the wide
        tracker's rows ask about 2,000 times)."""
        values = self._values.get(field)
        if values is None:
            values = self._values[field] = self.frame[field].tolist()
        return values[i]

    def texts(self, i: int) -> dict[str, Any]:
        return {f: self.value(f, i) for f in ("response", "notes", "stage")}

    def where(self, field: str | None, row: Any) -> str:
        if not field:
            return ""
        if field in ("contact", "hiring_manager") and "people_noted" in self.frame \
                and field in str(self.frame.at[row, "people_noted"]).split():
            field = "notes"      # a person read from the notes (read.NOTED_PEOPLE): their cell is the source
        if field in self.cell:
            return self.cell[field].replace("{row}", str(row))
        return source_of(self.columns, field, row)

    def fact(self, kind: str, words: str, date: dt.date | None, who: str, channel: str, field: str | None,
             row: Any) -> Fact:
        """A fact read from `field` of `row`; from the mark that wrote that cell, when one did."""
        if not self.marked:
            return Fact(kind, words, date, who, channel, self.where(field, row))
        marked = self.marked.get((row, field)) if field else None
        if marked is not None:
            return Fact(kind, words, date, who, channel, mark_source(marked), marked)
        return Fact(kind, words, date, who, channel, self.where(field, row))

    def closed(self, i: int, row: Any) -> list[Fact]:
        if self.cols["stage"][i] != "closed":
            return []
        field = "notes" if self.cols["stage_in_notes"][i] else "stage" if self.text["stage"][i] else "response"
        return [self.fact("closed", self.text[field][i], None, "", "", field, row)]

    def _statements(self, i: int, add) -> None:
        """The dates the notes state, each a fact of its kind: a log entry's day is a contact (the
        plan counts it as the last one once it has come); the day an entry was only written is no
        fact of its own, nor, beside an interview being arranged, an interview's day."""
        arranging = self.cols["interview_arranging"][i]
        # (an interview the plan moved to the first day its words can still name, "来週火曜" in a row
        # saying it is ahead: the day first read from the date applied is none of the row's)
        ahead = self.day["interview_ahead"][i]
        for st, field in self.ledger.statements[i]:
            if st.kind == "interview" and ahead and ahead != st.date and st.words == self.interview_words[i] \
                    and not names_a_calendar_day(st.words):
                continue
            if st.kind != "noted" and not (st.kind == "interview" and arranging):
                add("last_contact" if st.kind == "logged" else st.kind, st.words, st.date, "", "", field)

    def _people_and_replies(self, i: int, add) -> None:
        """The automatic reply a cell tells of."""
        cols = self.cols
        if cols["autoresponse_field"][i] and cols["situation"][i] == "autoresponse":
            add("auto_reply", "", None, EMPLOYER, "email", cols["autoresponse_field"][i])

    def _cv_passed_on(self, i: int, add) -> None:
        """The recruiter or agency has passed the CV on to its client (`cv_passed_on`)."""
        for field in ("response", "notes"):
            said = cv_passed_on(self.value(field, i))
            if said:
                add("cv_forwarded", said, None, EMPLOYER, "", field)
                return

    def _returned(self, i: int, add) -> None:
        """The employer's call the user returned and reached nobody: still their call to return."""
        if self.returned[i]:
            add("employer_contact", "", self.day["returned_call_on"][i], EMPLOYER, "call", "notes")

    def _silence(self, i: int, add) -> None:
        """The employer's silence the notes tell of, for a row Gone cold by it ("ghosted")."""
        if self.silent[i]:
            add("gone_cold", self.silent[i], None, EMPLOYER, "", "notes")

    def _chasers(self, i: int, add) -> None:
        """The user's own chasers without a day ("emailed twice"): a contact of theirs all the same."""
        if self.cols["chases"][i] and not any(st.kind == "logged" for st, _ in self.ledger.statements[i]):
            field = "response" if user_chases(str(self.value("response", i) or "")) else "notes"
            add("last_contact", "", None, USER, "", field)

    def live(self, i: int, row: Any) -> list[Fact]:
        day, cols, text = self.day, self.cols, self.text
        facts: list[Fact] = []

        def add(kind: str, words: str, date: dt.date | None, who: str, channel: str, field: str | None) -> None:
            facts.append(self.fact(kind, words, date, who, channel, field, row))

        if day["applied_on"][i]:
            add("applied", "", day["applied_on"][i], USER, "", "applied_on")
        if cols["next_reason"][i] == "pinned":
            add("pinned", "", day["pinned"][i], USER, "", "pinned")
        if day["last_contact"][i]:
            add("last_contact", "", day["last_contact"][i], cols["last_by"][i], "", "last_contact")
        stage_field = "notes" if cols["stage_in_notes"][i] else "stage" if text["stage"][i] else "response"
        if cols["stage"][i] in ("offer", "closed", "interviewing"):
            add(cols["stage"][i], text[stage_field][i], None, EMPLOYER if cols["stage"][i] == "offer" else "", "",
                stage_field)
        if self.agencies is not None and self.agencies.field[i]:
            field = self.agencies.field[i]
            add("agency", str(self.value(field, i)), None, EMPLOYER, "", field)
        if cols["situation"][i] == "recruiter" or self.agencies is not None and self.agencies.field[i]:
            self._cv_passed_on(i, add)
        self._people_and_replies(i, add)
        if cols["employer_called"][i]:
            field = _field_saying(self.texts(i), (_EMPLOYER_CALL, _EMPLOYER_MAIL))
            by_mail = _EMPLOYER_MAIL.search(str(self.value(field, i))) is not None
            add("employer_contact", "", day["employer_called_on"][i], EMPLOYER, "email" if by_mail else "call", field)
        if cols["interview_held"][i]:
            on = day["interview_on"][i]
            add("interview_held", "", on, "", "", "interview_on" if on else stage_field)
        if day["interview_ahead"][i]:
            field = "interview_on" if day["interview_on"][i] else (self.interview_field[i] or "notes")
            add("interview_ahead", "", day["interview_ahead"][i], EMPLOYER, "", field)
        if cols["interview_arranging"][i]:
            add("interview_arranging", "", None, EMPLOYER, "", cols["arranging_field"][i])
        if cols["retry"][i]:
            add("no_answer", "", None, USER, "call", _field_saying(self.texts(i), (_attempt(),)))
        if day["hold_until"][i]:
            add("on_hold", "", day["hold_until"][i], EMPLOYER, "", str(self.hold_field[i]))
        self._silence(i, add)
        self._returned(i, add)
        self._statements(i, add)
        self._chasers(i, add)
        if cols["strong_elsewhere"][i] or day["other_offer_by"][i]:
            add("strong_interest_elsewhere", "", day["other_offer_by"][i], "", "", None)
        return facts


def collect_facts(frame: pd.DataFrame, plan: pd.DataFrame, ledger: Ledger,
                  columns: Mapping[str, Any] | None, hold_field: np.ndarray, agencies: Agencies | None = None,
                  marked: Mapping[tuple[Any, str], dt.date] | None = None) -> pd.Series:
    """Per row the list of `Fact`s behind its status and date, each with its source (for `explain`
    and the Why column). Built from the plan's columns, so every date the plan shows is here.
    Closed rows get only what closed them and not-applied rows none: nothing is planned for them
    (about a third of the benchmark's 10k rows; skipping them saves a quarter of the ledger's time)."""
    source = _Facts(frame, plan, ledger, columns, hold_field, agencies, marked)
    live = ~plan["status"].isin(["Closed", "Not applied"]).to_numpy()
    rows = [source.live(i, row) if live[i] else source.closed(i, row) for i, row in enumerate(frame.index)]
    return pd.Series(rows, index=frame.index, dtype=object)


# The user left a message when their call reached nobody ("left a vm", "deixei recado", "Nachricht
# auf der Mailbox hinterlassen", "留守電に伝言を残した"): the next call may say so (rules §7).
_LEFT_MESSAGE = re.compile(
    r"\b(?:left\s+(?:a\s+|another\s+|her\s+|him\s+|them\s+)?(?:voicemail|vm|message|msg)|(?:vm|msg|message)\s+left"
    r"|(?:nachricht|sprachnachricht)\w*\s+(?:auf\s+\w+\s+\w+\s+)?(?:hinterlassen|hinterlegt|gesprochen)"
    r"|(?:auf\s+(?:die|der)\s+mailbox|aufs\s+band|auf\s+den\s+ab)\s+gesprochen|ab\s+besprochen|mailbox\s+besprochen"
    r"|laiss[ée]\s+(?:un\s+)?(?:message|vocal|mot)|(?:dej[ée]|deje)\s+(?:un\s+)?(?:mensaje|recado|audio)"
    r"|lasciat[oa]\s+(?:un\s+)?messaggio|deix(?:ei|amos)\s+(?:um\s+)?(?:recado|mensagem)"
    r"|(?:bericht|voicemail)\s+(?:achtergelaten|ingesproken)|ingesproken"
    r"|zostawi(?:łam|łem|ł|ła)\s+wiadomość|nagra(?:łam|łem)\s+się)\b"
    r"|留守電に(?:伝言|メッセージ)|伝言を?(?:残|入れ)|メッセージを?残|留了?言|留了语音|留了語音|留咗言"
    r"|메시지\s*(?:남김|남겼|남기)|음성\s*(?:메시지|사서함)에?\s*남", re.IGNORECASE)


# The user's return of the employer's call ("called back", "returned it", "retornei", "zurückgerufen").
_RETURNING = re.compile(
    r"\b(?:call(?:ed)?\s+(?:them\s+|her\s+|him\s+|hr\s+)?back|return(?:ed)?\s+(?:it|the\s+call|their\s+call|her\s+call"
    r"|his\s+call)|rang\s+(?:them\s+|her\s+|him\s+)?back|zurückgerufen|rückruf\s+versucht|rappel[ée]e?|devolv[íi]"
    r"|richiamat[oa]|ho\s+richiamato|retornei|liguei\s+de\s+volta|teruggebeld|oddzwoni\w*)\b"
    r"|折り返し|回电|回電|回拨|回撥|다시\s*전화|콜백", re.IGNORECASE)


# (a semicolon ends a clause after a day too: "rang 2/12; called back 3/12")
_RETURN_CLAUSES = re.compile(r"[;\n。；]|(?<!\d)[.!?]|,\s|\s[-–—]\s|，")


def returned_call(note: str, statements: list[tuple[Statement, str]]) -> tuple[dt.date | None, dt.date | None, bool]:
    """For a note that tells of the employer's call and then of the user's return of it that
    reached nobody ("Fernanda rang 12/2, I missed it; called back 12/3, voicemail, left a message"):
    (the day of their call, the day of the user's try, whether the user left a message), each the
    latest day the note's log entries (`statements`) give in the clauses before the user's return
    and from it on; (None, None, False) when the note tells no such thing."""
    calls = _hits(_EMPLOYER_CALL, note)
    if not calls:
        return None, None, False
    first = calls[0].end()
    back = [m.start() for m in _RETURNING.finditer(note) if m.start() >= first] \
        + [m.start() for m in _user_after().finditer(note) if m.start() >= first]
    tries = [m.start() for m in _my_attempts(note) if m.start() >= first]
    if not tries or not back or max(tries) < min(back):
        return None, None, False
    cuts = [0] + [m.end() for m in _RETURN_CLAUSES.finditer(note)]

    def clause(at: int) -> int:
        return max(k for k, c in enumerate(cuts) if c <= at)
    returned = clause(min(back))
    days = [(note.find(st.words), st.date) for st, field in statements
            if field == "notes" and st.kind in ("logged", "noted", "date", "call_back")]
    theirs = max((d for at, d in days if 0 <= at and clause(at) < returned), default=None)
    tried = max((d for at, d in days if at >= 0 and clause(at) >= returned), default=None)
    return theirs, tried, _LEFT_MESSAGE.search(note, cuts[returned]) is not None
