"""Plan stage, the user's own chasers a note tells of: "emailed twice", "pinged the recruiter again
last wk", "sent another note Mon", "3rd f/u", "2x nachgefragt", "relancé deux fois", "les escribí
otra vez", "又发了一封邮件催", "再度メールした", "다시 메일 보냄".

In: one note. Out: the `Chase`s it tells of: where each stands and how many contacts it counts.
A chase is a contact verb (call, e-mail, message, write, chase, follow up) in a past form, with the
user or no one as its subject, not negated and not planned; the application itself ("sent my CV")
is none. Its count comes from the clause ("twice", "x3", "3rd", "again": at least the second).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from . import negations
from .literalscreen import screened


class Chase(NamedTuple):
    start: int       # where the verb stands in the note
    end: int
    times: int       # how many of the user's contacts the clause tells of ("twice": 2; 1 unless it says more)
    nth: int = 1     # which contact the clause says this one is ("3rd f/u": 3, "again": at least 2)


# The verbs, each in a past form the user says of themself, by language. German, Dutch, French and
# Italian put a participle after an auxiliary whose person says who did it (`_THEIRS` below).
_ENGLISH_VERBS = (
    # English: a past form (-ed, or an irregular one); "sent"/"dropped"/"shot" only with a message
    r"(?:e-?mailed|mailed|called|rang|rung|phoned|pinged|messaged|texted|dm['’]?d|inmailed|wrote(?:\s+to)?"
    r"|followed[-\s]up|f/?u['’]?d|chased|countered|nudged|bumped|checked\s+in|reached\s+out|touched\s+base|poked"
    r"|(?:sent|dropped|shot|fired\s+off)\s+(?:them\s+|him\s+|her\s+|hr\s+|the\s+\w+\s+)?(?:a\s+|an\s+|another\s+"
    r"|one\s+more\s+|my\s+|\d\w*\s+|second\s+|third\s+|a\s+(?:quick|short|polite|follow[-\s]?up)\s+)?"
    r"(?:quick\s+|short\s+|polite\s+|follow[-\s]?up\s+|linkedin\s+)?"
    r"(?:note|e-?mail|mail|message|msg|follow[-\s]?up|f/?u|reminder|chaser|nudge|text|dm|inmail|line|ping"
    r"|counter(?:[-\s]?offer)?)"
    # the message first, then its participle ("2nd f/u sent", "follow-up email done")
    r"|(?:f/?u|follow[-\s]?up|chaser|reminder|nudge)(?:\s+(?:e-?mail|mail|note|msg|call))?\s+(?:sent|done|made))"
)
_OTHER_VERBS = (
    # German participles ("nachgefragt", "nochmal angerufen", "Mail geschickt")
    r"|(?:nachgefragt|nachgehakt|nachgefasst|angerufen|zurückgerufen|nachtelefoniert|geschrieben|angeschrieben"
    # (the participle last, with to whom between: "eine Mail an Frau Roth geschickt")
    r"|gemailt|erinnert|(?:(?:e-?)?mail|nachricht)(?:\s+(?:an|ans|zu|für)\b(?:\s+[\w.-]+){1,3}?)?"
    r"\s+(?:geschickt|geschrieben|gesendet))"
    # French
    r"|(?:relancée?s?|rappelée?|(?:ai|avons)\s+(?:re)?(?:appelé|écrit|relancé|envoyé\s+(?:un|une)\s+(?:mail|message"
    r"|courriel|relance))|relance\s+envoyée)"
    # Spanish (first person preterite)
    r"|(?:llamé|volví\s+a\s+(?:llamar|escribir)|escribí|les\s+escribí|insistí|(?:mandé|envié)\s+(?:un\s+|otro\s+)?"
    r"(?:correo|mail|mensaje|email|recordatorio)|(?:di|hice)\s+seguimiento)"
    # Italian
    r"|(?:(?:ho|abbiamo)\s+(?:ri)?(?:chiamato|scritto|sollecitato|ricontattato|telefonato|mandato\s+(?:una\s+|un'?\s*)?"
    r"(?:mail|email|messaggio)|inviato\s+(?:una\s+|un'?\s*)?(?:mail|email|messaggio))|sollecitato|risollecitato)"
    # Portuguese (first person preterite)
    r"|(?:liguei|escrevi|cobrei|insisti|(?:mandei|enviei)\s+(?:um\s+|outro\s+|uma\s+|outra\s+)?(?:e-?mail|mensagem"
    r"|lembrete)|fiz\s+(?:o\s+)?follow[-\s]?up|entrei\s+em\s+contato|voltei\s+a\s+(?:ligar|escrever))"
    # Dutch ("nagebeld", "ik heb gemaild", "ik belde")
    r"|(?:nagebeld|nagemaild|nagevraagd|gebeld|gemaild|teruggebeld"
    r"|(?:mail|bericht)(?:\s+(?:naar|aan)\b(?:\s+[\w.-]+){1,3}?)?\s+(?:gestuurd|verstuurd)"
    # (the simple past, "ik" often left out as a diary leaves it out: "mailde Lotte op 27/11"; a
    # subject before it is read below: "Els belde", "ze mailde")
    r"|(?:ik\s+)?(?P<past>belde|mailde|schreef|stuurde\s+(?:nog\s+)?(?:een\s+)?(?:mail|bericht|herinnering)))"
    # Polish (first person past, either gender)
    r"|(?:(?:za)?dzwoniłam|(?:za)?dzwoniłem|napisałam|napisałem|(?:wysłałam|wysłałem)\s+(?:\w+\s+)?(?:maila|mail|wiadomość"
    r"|przypomnienie)|przypomniałam\s+się|przypomniałem\s+się|ponagliłam|ponagliłem)"
)
# Whose the verb is when a word before it says: a third person, an auxiliary of the third person,
# or the employer as the subject ("HR called", "she emailed", "hat angerufen", "m'a appelée",
# "heeft gebeld"); the user's own ("I", "ich habe", "j'ai", "ik heb") or none is the user's.
_NOT_A_SUBJECT = (r"(?!(?:I|We|Then|Also|Just|And|So|Finally|Today|Yesterday|Again|Last|Later|Since|After|Never|Still"
                  r"|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday"
                  r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ich|Wir|Nochmal|Erneut|Heute|Gestern"
                  r"|Ik|Vandaag|Gisteren|Hoy|Ayer|Oggi|Ieri|Hoje|Ontem|Dziś|Wczoraj)\b)")
_THEIRS = re.compile(
    r"(?:\b(?:they|she|he|hr|recruiter|manager|someone|somebody|who|company|team|it|that|which"
    r"|(?-i:(?<=\x01)" + _NOT_A_SUBJECT + r"[A-Z][a-z]+))"
    r"(?:\s+(?:had|has|have|just|finally|also|then|again|already|never|actually))?"
    r"|\b(?:hat|haben|sie|er)(?:\s+\w+){0,2}|\bm['’]a|\bnous\s+a|\b(?:il|elle|ils|elles)\s+(?:m['’])?(?:a|ont)"
    r"|\b(?:ha|hanno|mi\s+ha|mi\s+hanno)|\bheeft(?:\s+[\w.\-/]+){0,3}|\bhebben\s+ze(?:\s+[\w.\-/]+){0,3}|\bhij|\bzij|\bze)\s*$",
    re.IGNORECASE)
_MINE = re.compile(r"(?:\b(?:i|we)(?:\s+(?:had|have|just|finally|also|then|again|already|ve|'ve|’ve))?|\b(?:ich|wir)\s+"
                   r"(?:habe|hab|haben)(?:\s+\w+){0,2}|\bhab(?:e)?|\bj['’]ai|\bik(?:\s+heb)?(?:\s+\w+){0,2})\s*$",
                   re.IGNORECASE)
# A verb joined to the one before it shares its subject ("HR called and emailed me").
_JOINED = re.compile(r"^\s*(?:,\s*)?(?:and|&|\+|und|et|y|e|en|i|then|dann|puis|luego|poi|depois|toen|potem)"
                     r"(?:\s+(?:then|also|again))?\s*$", re.IGNORECASE)
# A verb after these is not done: negated, planned, owed or wished ("haven't emailed", "need to call",
# "should follow up", "noch nicht angerufen", "pas encore relancé", "no les escribí", "non ho scritto").
_NOT_DONE = re.compile(
    # (the negations are every reader's, `negations`; "ne" opens the French one, "mai" is Italian's never)
    r"(?:" + negations.latin() + r"|\bne\s+\w+|\bmai"
    r"|\bwill|\bshould|\bneed\s+to|\bhave\s+to|\bgoing\s+to|\bgonna|\bto|\bmust|\bplan(?:ning)?\s+to|\bmaybe"
    r"|\bif|\bmuss|\bsoll|\bwerde|\bdois|\bvais|\btengo\s+que|\bvoy\s+a|\bdevo|\bvou|\bpreciso|\bmoet|\bga|\bmuszę)"
    r"(?:\s+\w+)?\s*$", re.IGNORECASE)
# The application itself, not a chaser ("sent my CV", "emailed the resume to HR").
_APPLICATION = re.compile(r"^\W*(?:(?:my|the|a|an|mein(?:en)?|den|mon|ma|mi|el|il|la|o|a|mijn|moje?)\s+)?"
                          r"(?:cv|resume|résumé|application|portfolio|cover\s+letter|bewerbung|lebenslauf"
                          r"|candidature|candidatura|currículo|curriculum|sollicitatie)\b", re.IGNORECASE)
_CJK_VERBS = (
    # Chinese: the user's mail, call or nudge, done (了/过) or again (又/再次)
    r"(?:(?:又|再次|再|也)?(?:发了|發了|打了|催了|问了|問了|追问了|追問了|跟进了|跟進了|联系了|聯繫了)"
    r"|(?:又|再次)(?:发|發|打|催|问|問|联系|聯繫)|发邮件(?:跟进|催|问)|發郵件(?:跟進|催|問)|打电话(?:问|催)|打電話(?:問|催)"
    # Japanese: past forms of mail, call, nudge, ask, follow up, contact
    r"|(?:メール|電話|催促|問い合わせ|問合せ|フォロー|連絡|リマインド)(?:を|で)?(?:しました|した|入れた|送った|送りました"
    r"|入れました|かけた|かけました)|(?:メール|リマインド)(?:を)?(?:送付|送信)(?:した|しました)"
    # Korean: past or the note's plain "-함", "-했", "-보냄"
    r"|(?:메일|이메일|전화|연락|문의|팔로업|독촉)(?:을|를)?\s*(?:함|했|드림|드렸|보냄|보냈|넣음|넣었))"
)
# A call or mail that came ("電話があった", "来电", "전화가 왔다"): made, by the employer (never a
# chaser of the user's)
_CJK_CAME = re.compile(r"(?:電話|連絡|メール)が(?:あった|ありました|来た|きた|来ました|きました)|来电|來電|打来|打來"
                       r"|(?:전화|연락|메일)(?:이|가)?\s*(?:왔|옴)")
# In Chinese, Japanese and Korean the employer as the sender before the verb makes it theirs
# ("HR给我打了电话", "人事から電話した"? no: 人事から電話があった; "인사팀에서 전화함").
_CJK_THEIRS = re.compile(r"(?:给我|給我|从|從|から|에서|에게서|한테서|이\s*|가\s*)\s*$")
_CJK_NOT_DONE = re.compile(r"(?:没|沒|未|要|得|打算|准备|準備|予定|つもり|ない|안|못|할\s*예정)\s*$")

# How many contacts a clause counts: a number of times, an ordinal before the follow-up word, or
# "again"/"another" (at least the second).
_TIMES = re.compile(
    r"\b(?:x\s*(?P<x1>\d)|(?P<x2>\d)\s*x|(?P<n>\d{1,2})\s*(?:times|mal|fois|veces|volte|vezes|keer|razy|次|回|번)"
    r"|(?<![\d/.\-])(?P<o>\d{1,2})(?:\s*(?:st|nd|rd|th|ème|º|ª|°)|e)\s*(?:f/?u|follow[-\s]?up|e-?mail|mail|chaser|call"
    r"|nudge|relance|seguimiento|sollecito|cobrança|contato|herinnering|przypomnienie)(?![\w-])"
    r"|(?<![\d/.\-])(?P<od>\d)\.\s*(?:nachfrage|erinnerung|anruf|mail|e-mail)(?!\w))"
    r"|(?P<w2>twice|zweimal|deux\s+fois|dos\s+veces|due\s+volte|duas\s+vezes|twee\s+keer|dwa\s+razy|两次|兩次|二回|二度|두\s*번)"
    r"|(?P<w3>thrice|three\s+times|dreimal|trois\s+fois|tres\s+veces|tre\s+volte|três\s+vezes|drie\s+keer|trzy\s+razy"
    r"|三次|三回|三度|세\s*번)"
    r"|(?P<w2o>second|zweite[nr]?|deuxième|segund[oa]|second[oa]|tweede|drug[iaą])\s+(?:f/?u|follow[-\s]?up|e-?mail"
    r"|mail|chaser|call|note|nachfrage|relance|seguimiento|sollecito|cobrança|herinnering|przypomnienie)"
    r"|(?P<w3o>third|dritte[nr]?|troisième|tercer[oa]?|terz[oa]|terceir[oa]|derde|trzeci[aeą]?)\s+(?:f/?u|follow[-\s]?up"
    r"|e-?mail|mail|chaser|call|note|nachfrage|relance|seguimiento|sollecito|cobrança|herinnering|przypomnienie)"
    r"|(?P<again>again|another|one\s+more|once\s+more|erneut|nochmal|noch\s+einmal|wieder|à\s+nouveau|de\s+nouveau"
    r"|encore|otra\s+vez|de\s+nuevo|di\s+nuovo|ancora|de\s+novo|novamente|outr[oa]|opnieuw|nog\s+een|ponownie|znowu"
    r"|jeszcze\s+raz|又|再次|再度|もう一度|다시|또|재)",
    re.IGNORECASE)


@functools.cache
def _latin() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-])(?:(?P<en>{_ENGLISH_VERBS})|{_OTHER_VERBS.lstrip('|')})(?![\w'’])", re.IGNORECASE)


@functools.cache
def _cjk() -> re.Pattern[str]:
    return re.compile(_CJK_VERBS)


_CLAUSE = re.compile(r"(?<!\d)[.;!?\n。！？；]|,\s|\b(?:but|aber|mais|pero|ma|mas|maar|ale)\b|，|、")


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    begin = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    after = _CLAUSE.search(text, end)
    return begin, after.start() if after else len(text)


def _count(clause: str) -> tuple[int, int]:
    """(how many contacts, which one) a clause says: "twice" (2, 1), "3rd f/u" (1, 3), "again" (1, 2)."""
    times, nth = 1, 1
    for m in _TIMES.finditer(clause):
        number = m.group("x1") or m.group("x2") or m.group("n")
        ordinal = m.group("o") or m.group("od")
        if number:
            times = max(times, int(number))
        elif m.group("w3"):
            times = max(times, 3)
        elif m.group("w2"):
            times = max(times, 2)
        elif ordinal:
            nth = max(nth, int(ordinal))
        elif m.group("w3o"):
            nth = max(nth, 3)
        elif m.group("w2o") or m.group("again"):
            nth = max(nth, 2)
    return min(times, 9), min(nth, 9)


@functools.lru_cache(maxsize=4096)
def user_chases(text: str) -> tuple[Chase, ...]:
    """The user's own chasers `text` tells of, in the order written."""
    if not may_chase(text):
        return ()
    out: list[Chase] = []
    last: tuple[int, bool] = (-1, False)      # the previous verb of the clause, and whether it was mine
    for m in screened(_latin()).finditer(text):
        begin, end = _clause_bounds(text, m.start(), m.end())
        before = text[begin:m.start()]
        if last[0] >= begin and _JOINED.match(text[last[0]:m.start()]):
            mine = last[1]      # "HR called and emailed me": the subject of the verb before
        else:
            # (a capitalised word is a subject before an English verb, and before a Dutch simple
            # past, second in its clause: "Els belde"; German and Dutch put the object before a
            # participle: "HR am Freitag angerufen")
            marked = re.sub(r"(?<![\w'’])(?=[A-Z])", "\x01", before) if m.group("en") or m.group("past") else before
            mine = not (_THEIRS.search(marked) and not _MINE.search(before))
        last = (m.end(), mine)
        if not mine or _NOT_DONE.search(before) or _APPLICATION.match(text[m.end():end]):
            continue
        out.append(Chase(m.start(), m.end(), *_count(text[begin:end])))
    if max(text, default=" ") >= "\u3040":
        for m in _cjk().finditer(text):
            begin, end = _clause_bounds(text, m.start(), m.end())
            before = text[begin:m.start()]
            if _CJK_THEIRS.search(before) or _CJK_NOT_DONE.search(before):
                continue
            out.append(Chase(m.start(), m.end(), *_count(text[begin:end])))
    # one chaser a clause: its verbs ("又发邮件催") tell of one contact, counted by the clause
    kept: list[Chase] = []
    for chase in sorted(out):
        if kept and _clause_bounds(text, chase.start, chase.end)[0] <= kept[-1].start:
            continue
        kept.append(chase)
    return tuple(kept)


# Every verb above holds one of these (lower-case); text without any, and without a Chinese,
# Japanese or Korean letter, tells of no chaser.
_STEMS = ("mail", "call", "counter", "rang", "rung", "phon", "ping", "messag", "text", "dm", "wrote", "follow", "f/u",
          "fu'd", "chase", "nudg", "bump", "check", "reach", "touch", "poke", "sent", "drop", "shot", "fired", "left",
          "nachge", "angerufen", "zurückgerufen", "nachtelefon", "geschrieben", "gemailt", "erinnert", "geschickt",
          "gesendet", "relanc", "rappel", "appel", "écrit", "envoy", "llam", "escrib", "insist", "mand", "envi",
          "seguimiento", "chiam", "scritt", "sollecit", "ricontatt", "telefon", "inviat", "lig", "escrev", "cobr",
          "fiz", "entrei", "voltei", "gebeld", "gemaild", "nagevraagd", "gestuurd", "verstuurd", "belde", "mailde",
          "dzwoni", "napisał", "wysłał", "przypomnia", "ponagli", "stuurde", "schreef")


def may_chase(text: str) -> bool:
    """Whether `text` may tell of a chaser (a quick look before `user_chases`)."""
    if not text:
        return False
    low = text.lower()
    return any(stem in low for stem in _STEMS) or max(text) >= "\u3040"


# A contact told in the past by anyone (the user's verbs above, and the employer's third-person
# forms): a weekday in such a clause has come ("called them Friday", "HR rang Thursday", "am
# Freitag angerufen", "liguei na quinta-feira", "me llamó el jueves").
_THEIR_PAST = (r"(?<![\w'’-])(?:missed|verpasst|manqué|perdida|perdí|persa|perso|perdi|gemist|nieodebran\w*"
               r"|llamó|llamaron|escribió|escribieron|ligou|ligaram|escreveu|escreveram|chiamato|scritto"
               r"|telefonou|telefonaram|contactou|contactaram|contatou|contataram"
               r"|telefonato|appelée?|écrit|zadzwonił[ao]?|dzwonił[ao]?|napisał[ao]?|zadzwonili|zadzwoniły|dzwonili"
               r"|dzwoniły|napisali|napisały|oddzwonili|gebeld|gemaild"
               r"|mailde|belde)(?![\w'’])")


@functools.cache
def _their_past() -> re.Pattern[str]:
    return re.compile(_THEIR_PAST, re.IGNORECASE)


def past_contacts(clause: str) -> list[tuple[int, int]]:
    """Where `clause` tells of a call or a message that was made, by whoever (not negated), in a
    Latin-script language: the verbs' spans."""
    return [m.span() for m in (*_latin().finditer(clause), *_their_past().finditer(clause))
            if not _NOT_DONE.search(clause[:m.start()])]


def tells_a_past_contact(clause: str) -> bool:
    """Whether `clause` tells of a call or a message that was made, by whoever (not negated)."""
    if past_contacts(clause):
        return True
    # Chinese, Japanese, Korean: a call or mail done ("打了电话", "電話した", "전화함"), by whoever
    return max(clause, default=" ") >= "\u3040" and any(
        not _CJK_NOT_DONE.search(clause[:m.start()])
        for m in (*_cjk().finditer(clause), *_CJK_CAME.finditer(clause)))


def said_by_them(text: str, start: int) -> bool:
    """Whether the words before `start` in its clause make the verb there the employer's ("they
    left a vm", "HR left a message", "Frau Roth hat angerufen"), not the user's."""
    begin, _ = _clause_bounds(text, start, start)
    before = text[begin:start]
    marked = re.sub(r"(?<![\w'’])(?=[A-Z])", "\x01", before)
    return _THEIRS.search(marked) is not None and _MINE.search(before) is None


def chase_count(text: str) -> int:
    """How many of the user's own contacts `text` tells of: its chasers' counts summed, or the
    highest number one of them says it is ("sent another note": at least the second)."""
    return count_of(user_chases(text))


def count_of(chases: tuple[Chase, ...]) -> int:
    """How many contacts `chases` make: their counts summed, at least the highest one's number."""
    return max(sum(c.times for c in chases), max((c.nth for c in chases), default=0))
