"""Plan stage, a stage said only in the notes: "Technical round cleared", "2nd round booked for
the 14th", "salary talks going on", "did the case study", "Fallstudie abgegeben", "二面过了".

In: one note of a row whose stage cell says no more than applied, and the stage reader of one
text. Out: the stage the notes say the application reached (an offer over an interview), with the
clause that says it; nothing for a step negated, wished for or only hoped ("no 2nd round",
"hoping for an offer", "if they invite me").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from . import negations
from .literalscreen import screened

_RANK = {"interviewing": 1, "offer": 2}


class NotedStage(NamedTuple):
    stage: str      # "interviewing", "offer", or "" when the notes say no step
    clause: str     # the words that say it, as written


# Steps of a hiring process the stage lists leave to the stage cell's own words (a round, a case
# study, a task, a test, pay talks), in the reader's languages: in a note they are an interview stage.
_STEPS = (
    r"\b(?:(?:\d+(?:st|nd|rd|th)|first|second|third|final|last|next|technical|tech|hr|culture|panel|onsite|coding"
    r"|manager)\s+round|super\s?day|oa|online\s+assessment|coding\s+assessment|hirevue|round\s+(?:\d|two|three|one)\b|(?:online\s+|written\s+|qualifying\s+)?exam|written\s+test|cbi|panel|case\s+study|take[-\s]?home|assignment|coding\s+(?:test|challenge"
    r"|exercise)|portfolio\s+review|design\s+(?:review|challenge|exercise)|technical\s+(?:test|task|exercise)|aptitude\s+test|psychometric|(?:salary|pay|comp|contract|package)\s+"
    r"(?:talks?|discussions?|negotiations?|chat)|presentation\s+to\s+the\s+panel"
    r"|runde|fallstudie|probearbeit|probetag|probedienst|hospitation|schnuppertag|testaufgabe|case-aufgabe|gehaltsverhandlung|vertragsverhandlung"
    r"|gehaltsgespräch|étude\s+de\s+cas|cas\s+pratique|test\s+technique|négociation\s+salariale|(?:deuxième|second|dernier)\s+tour"
    r"|ronda|caso\s+práctico|prueba\s+técnica|negociación\s+salarial|caso\s+studio|prova\s+tecnica|test\s+tecnico"
    r"|trattativa|estudo\s+de\s+caso|teste\s+técnico|dinâmica\s+de\s+grupo|negociação\s+salarial|segunda\s+etapa"
    r"|ronde|casus|salarisonderhandeling|arbeidsvoorwaardengesprek|runda|etap|zadanie\s+rekrutacyjne|negocjacje)\b"
    r"|笔试|筆試|二面|三面|终面|終面|测评|測評|谈薪|談薪|二次面接|最終面接|課題|適性検査|条件面談|給与交渉"
    r"|\d차\s*면접|과제|코딩\s*테스트|인적성|연봉\s*협상|처우\s*협의")
# What makes a step not (yet) true of the application: a negation, a wish, a condition, a doubt
# ("no 2nd round", "didn't make the final round", "hoping for an offer", "if they invite me").
# (the negations are every reader's: `negations`)
# (one tree of letters for the negations and these plain words: `negations.alternation`)
_WISHES = ("hope", "hoping", "hopefully", "wish", "if", "might", "maybe", "may", "would", "could", "falls", "wenn",
           "vielleicht", "espère", "peut-être", "espero", "ojalá", "quizás", "spero", "forse", "talvez", "hoop",
           "misschien", "jeśli", "może")
_NOT_SO = (
    r"\b" + negations.alternation(negations.latin_words() + _WISHES) + r"\b|" + negations.CONTRACTED + r"\b"
    r"|\b(?:fingers\s+crossed|hoffe\w*|tal\s+vez|mam\s+nadzieję)\b"
    r"|" + negations.east_asian_before() + "|" + negations.east_asian_after() + r"|如果|希望|たら|れば")
# Waiting for a step is not having it ("waiting for the offer", "offer expected next week"): an
# offer only when it is said to be made.
# ("pending" before what it waits on is a condition of an offer made: "offer pending board approval")
_AWAITED = (r"\b(?:waiting|awaiting|expect\w*|pending(?!\s+(?:the\s+|a\s+|my\s+)?[^\W\d_])|soon"
            r"|next\s+week|should\s+(?:come|get)|warte\w*|erwarte\w*"
            r"|attends?|attente|esper\w*|aguard\w*|in\s+attesa|aspetto|wacht\w*|verwacht\w*|czekam|oczekuj\w*)\b"
            r"|等|待|待ち|予定|기다|예정")
# The interviewer is a person, not an interview ("面试官说…", "面接官から…"): a note that quotes them
# says no step of its own.
_PEOPLE = re.compile(r"面试官|面試官|面接官|면접관|interviewer", re.IGNORECASE)
# A step said to be another employer's ("offer from another company", "内定あり（他社）", "otra empresa
# me hizo una oferta", "타사 최종 합격"): not this application's, but strong interest elsewhere.
_ELSEWHERE = (
    r"\b(?:another|other|different|competing)\s+(?:company|companies|employer|firm|place|offer)\b|\belsewhere\b"
    r"|\bander(?:e|en|er|es)?\s+(?:firma|unternehmen|arbeitgeber|stelle|bedrijf|werkgever)\b"
    r"|\b(?:woanders|anderswo|anderweitig|ailleurs|altrove|elders)\b"
    r"|\bautre\s+(?:entreprise|société|boîte|employeur)\b|\botra\s+(?:empresa|compañía)\b|\ben\s+otro\s+lado\b"
    r"|\baltra\s+(?:azienda|società)\b|\boutra\s+(?:empresa|companhia)\b|\bem\s+outro\s+lugar\b"
    r"|\binn(?:a|ej|ą|ym)\s+firm\w*|\bgdzie\s+indziej\b"
    r"|他社|別の会社|別会社|其他公司|别的公司|別的公司|另一家|别家|別家|다른\s*회사|타사|다른\s*곳"
    # "also" a step at a firm the note names: a process of the user's besides this one ("also
    # interviewing at Zenith", "auch bei Krones im Gespräch", "aussi en entretien chez Thales")
    r"|\b(?:also|auch|aussi|también|anche|também|ook|też|również)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:(?:at|with|from|bei|chez|con|com|met|presso|en|em|w)\s+|w/\s*)(?-i:[A-Z])")
# (a stop after a digit ends a clause only after a date written with slashes, "decision on 09/12.
# also ...": "am 10.12." and "am 9. Dezember" keep theirs; a semicolon and a new line always do)
# A question is no step taken ("offer from Sembawang? not yet"): the words up to a question mark
_QUESTION = re.compile(r"[^.;!?\n。？]*[?？]")
_CLAUSES = re.compile(r"(?<!\d)[.!?]|[;\n]|(?<=/\d)\.(?=\s)|(?<=/\d\d)\.(?=\s)|,\s|\s[-–—]\s|。|；|，")
# A clause joined to the one before by a comma or a dash goes on about the same thing: after a clause
# about another employer it is that employer's too ("also interviewing at Zenith - final round next wk"),
# unless it turns back to this one ("…, final round here on Fri", "…, aber hier zweite Runde").
_GOES_ON = re.compile(r"\s*(?:,|\s[-–—]\s|，)\s*$")
_BACK_HERE = (
    r"\b(?:here|this\s+(?:one|company|firm|role|job|place|position)|hier|diese[rsn]?\s+(?:firma|stelle)"
    # ("ici" and "aquí" as a place, not in a time: "d'ici vendredi", "jusqu'ici", "de aquí a fin de mes")
    r"|(?<!d['’])(?<!jusqu['’])ici"
    r"|(?<!de\s)aquí|acá|(?<!de\s)aqui|qui\s+invece|invece|tutaj|w\s+tej\s+firmie"
    r"|but|however|whereas|aber|jedoch|mais|pero|sin\s+embargo|però|mas|porém|maar|ale|natomiast)\b"
    r"|这里|這裡|这边|這邊|这家|這家|本公司|こちら|この会社|当社|御社|貴社|여기|이쪽|이\s*회사|但是|但|けど|하지만|그런데")


# A word of place that turns to this employer ("here", "hier", "ici", "aquí", "tutaj", "这里", "こちら",
# "여기"), not a conjunction alone
_HERE = (r"\b(?:here|this\s+(?:one|company|firm|role|job|place|position)|hier|diese[rsn]?\s+(?:firma|stelle)"
         r"|(?<!d['’])(?<!jusqu['’])ici"      # (not in a time: "d'ici vendredi", "jusqu'ici")
         r"|(?<!de\s)aquí|acá|(?<!de\s)aqui|qui\s+invece|tutaj|w\s+tej\s+firmie|hier\s+bij)\b"
         r"|这里|這裡|这边|這邊|这家|這家|本公司|こちら|この会社|当社|御社|貴社|여기|이쪽|이\s*회사")
# A name in a clause, not its first word: a capital after a space that is no first person, month,
# weekday or common abbreviation ("turned down Zenith", "declined the Harlow offer")
_A_NAME = re.compile(r"(?<=\s)(?!(?:I|HR|CV|TA|HM|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
                     r"|Oct|Nov|Dec)\w*\b)[A-Z][\w&'’-]+")


_JOIN = re.compile(r",\s|\s[-–—]\s|，")
# A step or an end of a hiring process, said of the employer a clause names
_A_PROCESS = (r"\b(?:offer\w*|round|interview\w*|onsite|panel|turned\s+down|declin\w*|reject\w*|accept\w*|withdr\w*"
              r"|angebot|absage|zusage|abgesagt|\w*gespräch|runde|offre|entretien|refus\w*|décliné|oferta|entrevista"
              r"|rechaz\w*|ronda|offerta|colloquio|rifiutat\w*|proposta|recus\w*|aanbod|gesprek|afgewezen|afgeslagen"
              r"|ronde|rozmow\w*|odrzuc\w*|odmówi\w*|runda)\b")


@functools.cache
def _a_process() -> re.Pattern[str]:
    return re.compile(_A_PROCESS, re.IGNORECASE)


@functools.cache
def _here() -> re.Pattern[str]:
    return re.compile(_HERE, re.IGNORECASE)


@functools.cache
def _back_here() -> re.Pattern[str]:
    return re.compile(_BACK_HERE, re.IGNORECASE)


def clauses_with_owner(note: str) -> list[tuple[str, bool, int]]:
    """The clauses of `note` as written (not stripped), each with whether it is about another
    employer and where it starts: a clause that names one, and the clauses a comma or a dash joins
    after it until one turns back to this employer or a sentence ends."""
    out: list[tuple[str, bool, int]] = []
    joined: list[bool] = []      # whether each clause goes on from the one before (a comma, a dash)
    start, carried, goes_on = 0, False, False
    for cut in [*_CLAUSES.finditer(note), None]:
        end = cut.start() if cut is not None else len(note)
        clause = note[start:end]
        if clause.strip():
            other = bool(screened(_elsewhere()).search(clause)) \
                or (carried and not screened(_back_here()).search(clause))
            out.append((clause, other, start))
            joined.append(goes_on)
            carried = other
        if cut is None:
            break
        goes_on = bool(_GOES_ON.match(cut.group()))
        if not goes_on:
            carried = False     # (a sentence ends: the next one may be about anything)
        start = cut.end()
    return _named_before_here(out, joined) if any(joined) and _may_turn_here(note) else out


@functools.lru_cache(maxsize=4096)     # (asked of the same note by each reader of its clauses)
def _may_turn_here(note: str) -> bool:
    """Whether `note` may hold a named employer's clause joined before one that turns here (a quick
    look: a word of place after a comma or a dash, and a word of a process)."""
    here = screened(_here()).search(note)
    return here is not None and _JOIN.search(note, 0, here.start()) is not None \
        and screened(_a_process()).search(note) is not None


def _named_before_here(out: list[tuple[str, bool, int]], joined: list[bool]) -> list[tuple[str, bool, int]]:
    """A clause that turns to this employer by a word of place ("final round here on Fri", "hier
    Zweitgespräch") says the clauses joined before it in its sentence were about another: those
    that name one by its name and tell of a step or an end of a process ("turned down Zenith, final
    round here on Fri"; not "emailed Priya, interview here Friday")."""
    out = list(out)
    for k, (clause, other, _) in enumerate(out):
        if other or not screened(_here()).search(clause):
            continue
        j = k
        while j > 0 and joined[j]:
            j -= 1
            before, was, at = out[j]
            if not was and _A_NAME.search(before.strip()) and screened(_a_process()).search(before):
                out[j] = (before, True, at)
    return out


def elsewhere_spans(note: str) -> list[tuple[int, int]]:
    """Where in `note` the clauses about another employer are (start, end), for the dated statements
    read from the whole note (`facts.read_ledger`)."""
    if not note or (screened(_elsewhere()).search(note) is None and not _may_turn_here(note)):
        return []
    spans = []
    for clause, other, at in clauses_with_owner(note):
        if other:
            # (from where the clause names the other employer: "final round here Dec 10 and also
            # interviewing at Zenith" keeps this row's day; a clause carried over is theirs whole)
            named = screened(_elsewhere()).search(clause)
            spans.append((at + (named.start() if named else 0), at + len(clause)))
    return spans
# What keeps an outcome from being one yet, besides `_NOT_SO`: a fear, a guess or a future ("afraid
# they'll go with someone else", "wohl eine Absage", "pewnie odrzucili", "不採用かも", "불합격일 듯").
_NOT_YET = (r"\b(?:will|shall|going\s+to|gonna|afraid|worried|fear\w*|probably|prob|likely|guess|wird|werden"
            r"|wahrscheinlich|wohl|befürchte\w*|probablement|sans\s+doute|peur|probablemente|seguramente|miedo"
            r"|probabilmente|temo|provavelmente|medo|waarschijnlijk|bang|pewnie|chyba|prawdopodobnie|boję)\b"
            r"|['’]ll\b|\bsi\s+(?:me|nos|no|han|ha|je|j['’]|on|ils?|elles?)\b|\bs['’]ils?\b|\bse\s+(?:mi|ci|non|me|eu|não)\b"
            r"|\bjeżeli\b|\bgdyby\b|\bals\s+(?:ze|zij|ik)\b"
            r"|たぶん|多分|かも|なら|だろう|でしょう|予定|つもり|아마|듯|것\s*같|예정|하겠|할게|드릴게"
            r"|可能|大概|也许|也許|恐怕|怕|要是|的话|的話|打算|准备|準備|将会|將會")


@functools.cache
def _steps() -> re.Pattern[str]:
    return re.compile(_STEPS, re.IGNORECASE)


@functools.cache
def _not_so() -> re.Pattern[str]:
    return re.compile(_NOT_SO, re.IGNORECASE)


@functools.cache
def _awaited() -> re.Pattern[str]:
    return re.compile(_AWAITED, re.IGNORECASE)


@functools.cache
def _elsewhere() -> re.Pattern[str]:
    return re.compile(_ELSEWHERE, re.IGNORECASE)


def may_name_a_step(note: str) -> bool:
    """Whether `note` names a step of a hiring process beyond the stage words (a quick look first)."""
    return _steps().search(note) is not None


def stage_in_notes(note: str, stage_of: Callable[[str], str]) -> NotedStage:
    """The furthest stage `note` says the application reached (`stage_of` reads one clause's stage
    words, with their negations, as a stage cell is read), and the clause that says it."""
    best = NotedStage("", "")
    if not note:
        return best
    for clause, other, _ in clauses_with_owner(_QUESTION.sub(" ", note) if "?" in note or "？" in note else note):
        clause = clause.strip()
        if other:
            continue        # (another employer's step: `strong_elsewhere`)
        stage = stage_of(_PEOPLE.sub(" ", clause))
        if stage not in _RANK:
            stage = "interviewing" if _steps().search(clause) else ""
        if not stage or _not_so().search(clause):
            continue
        if stage == "offer" and _awaited().search(clause):
            stage = "interviewing" if _steps().search(clause) else ""
            if not stage:
                continue
        if _RANK[stage] > _RANK.get(best.stage, 0):
            best = NotedStage(stage, clause)
    return best


# A consequence drawn from what the clause said before it ("so", "daher", "donc", "así que",
# "quindi", "então", "dus", "więc", "所以", "だから", "그래서")
_CONSEQUENCE = (r"\b(?:so|therefore|hence|thus|deshalb|daher|darum|donc|alors|así\s+que|por\s+eso|quindi|perciò"
                r"|então|por\s+isso|dus|daarom|więc|dlatego|zatem)\b|所以|因此|だから|ので|그래서|따라서")


@functools.cache
def _consequence() -> re.Pattern[str]:
    return re.compile(_CONSEQUENCE, re.IGNORECASE)


@functools.cache
def _not_yet() -> re.Pattern[str]:
    return re.compile(_NOT_YET, re.IGNORECASE)


def outcome_in_notes(note: str, ends: Callable[[str], str]) -> str:
    """The clause of `note` that says plainly that this application is over ("they went with someone
    else", "Absage erhalten", "不採用の連絡あり"), or ''. `ends` gives the words of one clause that
    say so (a closed word, a refusal in soft words), or ''. Those words said negated, wished, as a
    condition, a guess, a fear or ahead ("no rejection yet", "hope they don't go with someone else",
    "si me rechazan", "不採用なら"), or of another employer, are no outcome."""
    if not note:
        return ""
    for clause, other, _ in clauses_with_owner(note):
        clause = clause.strip()
        if other:
            continue
        words = ends(clause)
        if not words:
            continue
        # (what comes before a "so" is the reason, its negation is the reason's: "they can't
        # sponsor a visa so not moving forward")
        at = clause.find(words)
        reason = [m for m in _consequence().finditer(clause, 0, at)] if at > 0 else []
        if reason:
            clause = clause[reason[-1].end():]
        if not_so_yet(clause.replace(words, " ")):    # (the words' own negation is theirs: "not selected", "不採用")
            continue
        return clause
    return ""


def not_so_yet(clause: str) -> bool:
    """Whether `clause` says what it tells negated, wished, as a condition, a doubt, a fear or still
    ahead ("not yet", "hope", "if", "probably", "will", "もし", "예정"): then it is no fact of the row."""
    return bool(screened(_not_so()).search(clause) or screened(_not_yet()).search(clause))


def this_employers(note: str) -> str:
    """`note` without its clauses about another employer ("turned down an offer elsewhere")."""
    if not note or (screened(_elsewhere()).search(note) is None and not _may_turn_here(note)):
        return note
    return ". ".join(c.strip() for c, other, _ in clauses_with_owner(note) if not other)


def of_another_employer(note: str, words: str) -> bool:
    """Whether `words` of `note` stand where it tells of another employer's process ("also final
    round w/ Maple Ridge next wk"; `elsewhere_spans`): a day they give is no step of this
    application ("final round here Dec 10 and also interviewing at Kestrel" keeps its Dec 10)."""
    if not note or not words:
        return False
    at = note.find(words)
    return at >= 0 and any(start <= at < end for start, end in elsewhere_spans(note))


def strong_here(note: str, strong: Callable[[str], bool]) -> str:
    """The clause of `note` that says this application went beyond a first talk ("2nd interview
    Thurs 10th", "Zweitgespräch am 1.12."), or ''. A step negated, wished for or another
    employer's is none (another employer's: `strong_elsewhere`)."""
    if not note or not strong(note):
        return ""
    for clause, other, _ in clauses_with_owner(note):
        clause = clause.strip()
        if not other and strong(clause) and not _not_so().search(clause):
            return clause
    return ""


def strong_elsewhere(note: str, stage_of: Callable[[str], str], strong: Callable[[str], bool]) -> str:
    """The clause of `note` that says another employer has made an offer or has the user beyond a
    first talk ("内定あり（他社：キーエンス）", "2nd round with another company on Friday"), or ''.
    A step negated, wished for, awaited or turned down is none."""
    if not note or (screened(_elsewhere()).search(note) is None and not _may_turn_here(note)):
        return ""
    for clause, other, _ in clauses_with_owner(note):
        clause = clause.strip()
        if not other or _not_so().search(clause) or _awaited().search(clause):
            continue
        stage = stage_of(clause)
        if stage not in _RANK and _steps().search(clause):
            stage = "interviewing"      # (a step the stage lists leave out: "a panel on the 10th")
        if stage == "offer" or (stage == "interviewing" and strong(clause)):
            return clause
    return ""


# An interview being arranged (rules §3: the interview stage ahead, not silence): a word of arranging
# said as going on or still to do (not done: "scheduled for Thursday" is a date the statements read)
# and, in the same clause, a word of what is arranged: an interview, a call, a date or a time.
# German, Japanese, Chinese and Korean join the two in one word ('Terminabstimmung', '日程調整').
_ARRANGING = (
    r"\b(?:schedul(?:ing|e)|(?:being|to\s+be|getting|get)\s+(?:scheduled|arranged|booked|set\s+up)|arrang(?:ing|e)"
    # (their asking when the user is free: "emailed asking for my availability for a chat")
    r"|(?:ask\w*|want\w*|need\w*|request\w*)\s+(?:for\s+|about\s+)?(?:my|your)\s+availability"
    r"|when\s+I(?:['’]m|\s+am)\s+(?:free|available)"
    r"|setting\s+up|to\s+set\s+up|book(?:ing)?\s+(?:in\s+)?(?:a|an|the)|coordinat(?:ing|e)|tb[ac]"
    r"|(?:finding|find|sorting\s+out|sort\s+out|working\s+out|figuring\s+out|pick(?:ing)?)\s+(?:a|the)\s+(?:time|date|slot)"
    r"|\w*abstimm(?:en|ung)\w*|\w*vereinbar(?:en|ung)\w*|terminfindung|terminsuche|koordinier\w*"
    r"|(?:wird|werden)\s+(?:gerade\s+|noch\s+)?(?:abgestimmt|vereinbart|gesucht|geplant|koordiniert|organisiert)"
    r"|en\s+cours\s+d[e']\s*(?:planification|programmation|organisation)|à\s+(?:planifier|fixer|caler|programmer|organiser|définir)"
    r"|(?:on|nous)\s+(?:cale|calons|fixe|fixons|planifie|planifions|organise|organisons)|caler|trouver\s+(?:un|une)"
    r"|agendando|coordinando|programando|organizando|cuadrando|fijando|definiendo|marcando|combinando"
    r"|(?:por|a|para)\s+(?:agendar|coordinar|programar|definir|fijar|marcar|combinar|cuadrar)|em\s+agendamento"
    r"|(?:buscando|viendo|vendo)\s+(?:una\s+|uma\s+)?(?:fecha|hora|horario|data|horário)"
    r"|(?:da|per|di)\s+(?:fissare|programmare|definire|concordare|organizzare|pianificare)|fissando|concordando|organizzando"
    # (a purpose or a wish before the verb: "pour fixer un entretien", "ils veulent planifier", "to fix a date")
    r"|(?:pour|veulent|veut|voudrait|voudraient|souhaite\w*)\s+(?:fixer|planifier|caler|programmer|organiser)"
    r"|to\s+fix\s+(?:a|the)\s+(?:time|date|slot)"
    r"|pianificando|in\s+fase\s+di\s+(?:pianificazione|organizzazione|definizione)"
    r"|(?:aan\s+het\s+)?(?:inplannen|plannen|prikken|afstemmen)|(?:wordt|worden)\s+(?:ingepland|gepland|afgestemd)"
    r"|(?:in\s+)?te\s+plannen"
    r"|ustala\w*|ustalenia|umawia\w*|do\s+umówienia|planuj\w*)\b"
    r"|調整|候補日|约时间|約時間|协调|協調|协商时间|協商時間|待安排|安排中|在约|在約|确认时间|確認時間"
    r"|조율|잡는\s*중|일정\s*(?:잡는|맞추는|협의)|날짜\s*(?:잡는|맞추는)")
_ARRANGED = (
    r"\b(?:interview\w*|screen\w*|calls?|chat|meeting|talk|date|time|slot|appointment|\w*gespräch\w*|telefonat"
    r"|\w*termin\w*|entretien|entrevue|échange|visio|rdv|rendez-vous|rencontre|créneau|appel|entrevista|llamada|reuni[oóã]n?|reunião|cita"
    r"|fecha|hora|horario|conversa|ligação|data|horário|colloquio|incontro|chiamata|appuntamento|\w*gesprek"
    r"|afspraak|datum|rozmow\w*|spotkani\w*)\b"
    r"|面接|面談|日程|面试|面試|时间|時間|면접|일정|통화|날짜|미팅")
_ARRANGING_NOT = (negations.latin() + r"\b|" + negations.east_asian_before() + "|" + negations.east_asian_after())
_ARRANGE_CLAUSES = re.compile(r"(?<!\d)[.;!?\n]|,\s|\s[-–—/]\s|。|；|，|、")


@functools.cache
def _arranging() -> re.Pattern[str]:
    return re.compile(_ARRANGING, re.IGNORECASE)


@functools.cache
def _arranged() -> re.Pattern[str]:
    return re.compile(_ARRANGED, re.IGNORECASE)


@functools.cache
def _arranging_not() -> re.Pattern[str]:
    return re.compile(_ARRANGING_NOT, re.IGNORECASE)


def being_arranged(note: str) -> str:
    """The clause of `note` that says an interview, a call or its date is being arranged
    ("scheduling a call", "in Terminabstimmung", "entretien en cours de planification",
    "agendando entrevista", "一次面接 日程調整中"), or ''. The arranging must be going on or still
    to do, and not negated; a clause about another employer says nothing of this one."""
    if not note or screened(_arranging()).search(note) is None:
        return ""
    for clause in _ARRANGE_CLAUSES.split(note):
        found = _arranging().search(clause)
        if found is None or _arranged().search(clause) is None:
            continue
        if _arranging_not().search(clause[:found.start()]) or _elsewhere().search(clause):
            continue
        return clause.strip()
    return ""


# An offer the user has accepted (rules §2: "offer accepted" closes the row, hired): a verb of
# accepting or signing and, in the same clause, an offer or a contract ("accepted the offer",
# "Zusage gegeben", "j'ai accepté l'offre", "firmé el contrato", "内定承諾", "오퍼 수락").
_ACCEPTING = (
    r"\b(?:accepted|took|signed|angenommen|unterschrieben|akzeptiert|zusage\s+(?:gegeben|erteilt|geschickt)"
    r"|(?:habe|hab)\s+(?:\w+\s+){0,3}?zugesagt|accepté|acceptée|signé|signée|acept(?:é|ada|ado|ó)|firm(?:é|ado|ada|ó)"
    r"|accettat[oa]|firmat[oa]|aceit(?:ei|ou|ada|o)|assin(?:ei|ou|ado|ada)"
    r"|geaccepteerd|aangenomen|getekend|ondertekend"
    r"|przyj(?:ął|ęł)\w*|przyjęt\w*|zaakceptowa\w*|podpisa\w*)\b"
    r"|接受了|已接受|签了|簽了|已签|已簽|承諾(?:し|済|した)|受諾|サインした|수락(?:함|했|완료)|승낙(?:함|했)|서명(?:함|했)")
# (a choice still being weighed or not yet made: "thinking about whether to accept", "überlege noch",
# "signed nothing yet")
_WEIGHING = (
    r"\b(?:nothing|yet|nichts|noch|rien|encore|nada|todavía|ainda|niente|ancora|niets|nog|nic|jeszcze|whether|considering|thinking|deciding|undecided|ob|überleg\w*|réfléchi\w*|hésit\w*|pensando|decidiendo"
    r"|valutando|considerando|overweeg\w*|twijfel\w*|zastanawiam|czy)\b|迷って|検討|考虑|考慮|犹豫|猶豫|고민")
_ACCEPTED_THING = (
    r"\b(?:offer|job\s+offer|contract|angebot|stellenangebot|vertrag\w*|zusage|offre|contrat|promesse\s+d['’]embauche"
    r"|oferta|contrato|offerta|contratto|proposta|aanbod|arbeidsovereenkomst|contract|ofert\w*|umow\w*)\b"
    r"|offer|录用|錄用|合同|内定|内々定|契約|오퍼|입사\s*제안|계약|합격")
# A silence the notes tell of (rules §4 Gone cold): a word that says the employer went silent
# ("ghosted", "Funkstille", "silence radio", "音沙汰なし", "연락 두절"), or no reply said with how long
# it has lasted, four weeks or more ("no reply for 6 weeks", "seit 2 Monaten keine Antwort").
_SILENT = (
    r"\b(?:ghost(?:ed|ing)|ge?ghost(?:et|ed)?|radio\s+silence|dead\s+silence|funkstille|totenstille"
    r"|silence\s+radio|aucune\s+nouvelle|sans\s+nouvelles|sin\s+noticias|silencio\s+(?:total|absoluto)"
    r"|nessuna\s+notizia|sparit[oi]|sem\s+notícias|sumiram|sumiu|niets\s+meer\s+gehoord|radiostilte"
    r"|cisza|zero\s+odzewu|brak\s+odzewu|zamilkli)\b"
    r"|音沙汰(?:なし|無し)|音信不通|梨のつぶて|杳无音信|杳無音信|石沉大海|没消息了|沒消息了|연락\s*두절|무소식|잠수")
_NO_REPLY = (
    r"\b(?:(?:heard|hear)\s+nothing|nothing\s+(?:heard|back)|(?:haven['’]?t|not|never)\s+heard(?:\s+back)?"
    r"|nichts\s+(?:mehr\s+)?gehört|rien\s+(?:reçu|entendu)|nada\s+de\s+(?:noticias|notícias)|niente\s+di\s+nuovo"
    r"|niks\s+(?:meer\s+)?gehoord|nic\s+nie\s+wiem)\b"
    r"|\b(?:no|zero|keine?|kein\w*|pas\s+de|aucune?|sin|sem|nessuna?|geen|brak|nic)\s+"
    r"(?:reply|response|answer|word|news|contact|feedback|antwort|rückmeldung|reaktion|nachricht|réponse|retour"
    r"|nouvelles?|respuesta|noticias|contacto|risposta|notizie|riscontro|resposta|retorno|notícias|reactie"
    r"|antwoord|bericht|odpowiedzi|odzewu|kontaktu|informacji)\b"
    r"|連絡(?:なし|無し|がない|が来ない)|返事(?:なし|がない)|没(?:有)?(?:回复|回音|消息)|沒(?:有)?(?:回覆|回音|消息)|无回复|無回覆"
    r"|연락\s*(?:없|안\s*옴)|답(?:변|장)?\s*없")
_SILENCE_LENGTH = (
    r"(\d+|a|one|two|three|four|five|six|ein(?:e[mnr]?)?|zwei|drei|vier|fünf|sechs|un|une|deux|trois|quatre|cinq|six"
    r"|uno|una|dos|tres|cuatro|cinco|seis|due|tre|quattro|cinque|sei|um|uma|duas|três|quatro|een|twee|drie|vier|vijf|zes"
    r"|jeden|jedna|dwa|dwóch|trzy|cztery|pięć|sześć|一|二|两|兩|三|四|五|六|한|두|세|네|다섯|여섯)"
    r"\s*\+?\s*(?:full\s+)?(weeks?|wks?|tyg\w*|months?|mos?|wochen|woche|monaten?|monate|semaines?|mois|semanas?|meses|mes"
    r"|settimane|settimana|mesi|mese|weken|week|maanden|maand|tygodni\w*|tydzień|miesi\w*|週間|か月|ヶ月|カ月|个月|個月|周|週|星期"
    r"|주|주일|달|개월)")
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ein": 1, "eine": 1, "einem": 1,
            "einen": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "un": 1, "une": 1,
            "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4,
            "cinco": 5, "seis": 6, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "um": 1, "uma": 1,
            "duas": 2, "três": 3, "quatro": 4, "een": 1, "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "jeden": 1,
            "jedna": 1, "dwa": 2, "dwóch": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "一": 1, "二": 2, "两": 2,
            "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6}
SILENT_WEEKS = 4      # a stated silence this long or longer is the application gone cold


@functools.cache
def _accepting() -> re.Pattern[str]:
    return re.compile(_ACCEPTING, re.IGNORECASE)


@functools.cache
def _accepted_thing() -> re.Pattern[str]:
    return re.compile(_ACCEPTED_THING, re.IGNORECASE)


@functools.cache
def _silent() -> re.Pattern[str]:
    return re.compile(_SILENT, re.IGNORECASE)


@functools.cache
def _no_reply() -> re.Pattern[str]:
    return re.compile(_NO_REPLY, re.IGNORECASE)


@functools.cache
def _silence_length() -> re.Pattern[str]:
    return re.compile(_SILENCE_LENGTH, re.IGNORECASE)


def offer_accepted(note: str) -> str:
    """The clause of `note` that says the user accepted this employer's offer ("accepted the offer,
    start in January", "Zusage gegeben", "j'ai accepté l'offre", "内定承諾しました"), or ''. An
    acceptance negated, hoped, conditional or still ahead ("will accept if they match the salary",
    "overweeg het aanbod aan te nemen"?) or another employer's is none."""
    if not note or screened(_accepting()).search(note) is None or screened(_accepted_thing()).search(note) is None:
        return ""
    for clause, other, _ in clauses_with_owner(note):
        clause = clause.strip()
        if other or not (_accepting().search(clause) and _accepted_thing().search(clause)):
            continue
        if not_so_yet(clause) or _awaited().search(clause) or re.search(_WEIGHING, clause, re.IGNORECASE):
            continue
        return clause
    return ""


def _weeks(found: re.Match[str]) -> float:
    count, unit = found.group(1).lower(), found.group(2).lower()
    number = int(count) if count.isdigit() else _NUMBERS.get(count, 1)
    monthly = re.match(r"mo|mes|mois|maand|miesi|か月|ヶ月|カ月|个月|個月|달|개월", unit)
    return number * (4.3 if monthly else 1)


def went_silent(note: str) -> str:
    """The clause of `note` that says this employer went silent ("ghosted after the 2nd round",
    "Funkstille", "no reply for 6 weeks", "2ヶ月連絡なし"), or ''. A silence of a length told
    must be `SILENT_WEEKS` or longer; negated, hoped or feared ("not ghosted, just slow",
    "hope they don't ghost me") or another employer's, it is none."""
    if not note or (screened(_silent()).search(note) is None and screened(_no_reply()).search(note) is None):
        return ""
    for clause, other, _ in clauses_with_owner(note):
        clause = clause.strip()
        if other:
            continue
        word = _silent().search(clause)
        lengths = [_weeks(m) for m in _silence_length().finditer(clause)]
        if word is not None:
            # (a silence word with a length told short is a pause, not yet cold: "cisza od 2 tyg.")
            if not not_so_yet(clause[:word.start()]) and (not lengths or max(lengths) >= SILENT_WEEKS):
                return clause
            continue
        if _no_reply().search(clause) is not None and lengths and max(lengths) >= SILENT_WEEKS:
            return clause
    return ""
