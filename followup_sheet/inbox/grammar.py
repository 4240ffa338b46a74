"""Inbox, what a sentence says happened, read by its structure rather than by listed phrases: who
is chosen or asked (the reader, or another candidate), whether it is negated or only a condition,
whether it opens with regret, and whether a person offers another day for a meeting.

    "fuiste seleccionada para la segunda fase"        -> the reader goes on: an interview stage
    "esta vez no fuiste seleccionada"                 -> negated: a rejection
    "if you are shortlisted we will be in touch"      -> a condition: nothing happened
    "leider müssen wir Ihnen mitteilen, dass ..."     -> regret with a verb of telling: a rejection
    "nous avons le plaisir de vous convier à un échange" -> asked to a meeting: an interview
    "could we do Friday instead?"                     -> another day offered: a reschedule

Month and weekday names come from Babel (CLDR) for every language the tool speaks, so a date
written "14 grudnia" or "venerdì 11" is read as surely as "December 14".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from . import words as W

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "pt")

# -- the parts of a sentence ------------------------------------------------------------------------

# a negation before the verb, in the sentence ("no fuiste", "nicht ausgewählt", "n'avez pas été", "nie zostałaś")
_NEGATION = (r"(?:\bno\b(?!\s+(?:worries|problem|doubt|rush|pressure|matter))|\bnot\b(?!\s+(?:only|just))"
             r"|\b(?:never|nicht|kein\w*|nie|pas|ne|non|niet|geen|não|nao|nunca|jamais)\b|\bn['’]|\w+n['’]t\b)"
             r"(?:\W+[\w'’]+){0,5}\W*$")   # within the five words before the verb
# a condition: what may happen, not what did ("if you are selected", "sollten Sie", "si vous êtes retenu")
_CONDITION = (r"\b(?:if|unless|should\s+(?:you|your|we|it|the)|once|in\s+case|whether|(?<!not\s)only|wenn|falls|sofern"
              r"|sollten|nur|si|sólo|solo|solamente|seulement|se\s+(?:sarà|sarai|verrà|verrai|for|fores|você)|qualora|als\s+(?:je|jij|u)|indien"
              r"|mits|alleen|jeśli|jeżeli|gdyby|tylko|caso|apenas)\b")
# candidates in general, not the reader ("selected candidates will be contacted")
_GENERIC = (r"\b(?:candidates|applicants|candidats|candidatos|candidatas|candidati|kandidaten|bewerber(?:innen)?"
            r"|kandydaci|kandydatów|sollicitanten|profiles|perfiles|profils|profili|people|persons|personen"
            r"|personnes|personas|persone|pessoas|osob\w*|kandydat(?:ami|om|ach))\b")
# another person is the one chosen ("another candidate was selected", "altri candidati")
_OTHERS = (r"\b(?:another|other|different|andere[nmrs]?|weitere[nr]?|autres?|otros?|otras?|otro|otra|altr[oaie]"
           r"|ander\w*|inn\w*|outr[oa]s?)\s+(?:\w+\s+)?(?:candidat\w*|applicant\w*|kandidat\w*|bewerber\w*"
           r"|profil\w*|perfil\w*|person\w*|persoon|kandydat\w*|sollicitant\w*|profession\w*|profissiona\w*"
           r"|profesional\w*|professionist\w*)")
# regret, the opening of bad news
_REGRET = "|".join(re.escape(w) for w in W.REGRET if w.isascii() or not any("\u3040" <= c for c in w))
# the reader chosen, or going on to the next step
_CHOSEN = (r"\b(?:selected|shortlisted|chosen|successful|pre-?selected|retenu\w*|sélectionn\w*|présélectionn\w*"
           r"|seleccionad\w*|preseleccionad\w*|elegid\w*|ausgewählt|ausgesucht|selezionat\w*|preselezionat\w*"
           r"|scelt[oaie]|geselecteerd|uitgekozen|wybran\w*|zakwalifikowa\w*|selecionad\w*|pré-selecionad\w*"
           r"|escolhid\w*)\b"
           r"|\bmove\s+(?:you|your\s+application|your\s+candidacy)\s+(?:forward|ahead|on)\b"
           r"|\b(?:move|go|proceed)\s+(?:forward|ahead)\s+with\s+(?:you|your)\b"
           r"|\b(?:advance|progress)\s+(?:you|your\s+application)\b"
           # moved on to the next step: said with the word that takes the reader there ("to the next round",
           # "a la segunda fase", "do kolejnego etapu"); "the next step is a review" moves nobody
           r"|\b(?:to|for|into|a|à|al|zur|zum|in\s+die|alla|naar|do|para|pour|per|na)\s+(?:the|la|le|die|den|a|o|de)?\s*"
           r"(?:(?:next|second|final|last|further)\s+(?:stage|round|step|phase)\b"
           r"|(?:siguiente|próxima|segunda|última)\s+(?:fase|etapa|ronda)\b"
           r"|(?:prochaine|seconde|deuxième|dernière)\s+(?:étape|phase)\b"
           r"|(?:nächste|zweite|letzte)n?\s+(?:runde|phase|stufe|auswahlrunde)\b"
           r"|(?:fase|tappa|selezione)\s+successiva\b|prossim[ao]\s+(?:fase|tappa|step)\b"
           r"|(?:volgende|tweede|laatste)\s+(?:ronde|fase|stap)\b"
           r"|(?:kolejn|następn|drugi|ostatni)\w*\s+etap\w*"
           r"|(?:próxima|segunda|última)\s+(?:fase|etapa)\b)")
# telling the reader something ("we must inform you", "müssen wir Ihnen mitteilen", "dobbiamo comunicarle")
_INFORM = (r"\b(?:inform\w*|tell\s+you|let\s+you\s+know|mitteil\w*|mitzuteilen|informier\w*|inform\w*|annonc\w*"
           r"|comunic\w*|mededel\w*|laten\s+weten|poinform\w*|informuj\w*|zawiadam\w*)\b")
# asking the reader to a meeting, and the meeting's nouns
_INVITE = (r"\b(?:invit\w*|convi[dt]\w*|convier|convions|einlad\w*|einzuladen|uitnodig\w*|uit\s+te\s+nodigen"
           r"|zaprasz\w*|zaprosi\w*|convocar\w*|convoc\w*)")
_MEETING = (r"\b(?:interview\w*|screen\w*|call|chat|conversation|meeting|échange|entretien|rencontre|entrevista"
            # an assessment is a stage of its own: a test, a coding challenge, a case study
            r"|assessment|test(?:s|u|y|em|ów|en|es|e)?|coding\s+challenge|case\s+study|prova|aufgabe|zadani\w*"
            r"|opdracht|evaluación|avaliação|valutazione"
            r"|reunión|llamada|charla|gespräch\w*|vorstellungsgespräch|kennenlernen|termin|colloqui\w*|incontro"
            r"|chiamata|gesprek\w*|sollicitatiegesprek|kennismak\w*|rozmow\w*|spotkani\w*|conversa\w*|reunião)\b"
            r"|面接|面談|면접|인터뷰|面试|面試|复试|複試")
# doing an assessment by a day: "please complete the assessment by", "realizar um teste", "absolvieren Sie den Test"
_ASSESSMENT = (r"\b(?:assessment|test(?:s|u|y|em|ów|en|es|e)?|coding\s+challenge|case\s+study"
               r"|prova\s+(?:tecnica|online|pratica)|aufgabe|zadani\w*|opdracht|evaluación|avaliação)\b|適性検査|コーディングテスト|코딩\s*테스트|과제")
_DO = (r"\b(?:complete|take|sit|realizar|realiz[ae]|completar|fazer|fa[çc]a|svolgere|completare|absolvieren|bearbeiten"
       r"|wykona\w*|rozwiąż\w*|rozwiąz\w*|maken|passer|réaliser|hacer|realizar)\b|受検|受験|응시")
# going on with someone: "decidimos avançar com outro candidato", "abbiamo deciso di proseguire con un altro
# profilo", "we'll continue with other applicants"
_GO_ON = (r"\b(?:proceed\w*|continu\w*|pursu\w*|mov\w*\s+forward|go\s+ahead|going\s+ahead|progress\w*|decid\w*"
          r"|chose|chosen|offered|gave|given|hired|appointed|choisi\w*|opté|retenu\w*|elegi\w*|eligi\w*|prosegu\w*|proced\w*|avanz\w*|avanç\w*|prossegu\w*|segu\w*|poursuiv\w*|fortfahr\w*|entschied\w*"
          r"|doorgaan|door\s+te\s+gaan|verder|gekozen|kiez\w*|kies\w*|kontynu\w*|zdecydowa\w*|wybral\w*|scelto|optad\w*|optámos|escolh\w*|opted)\b")
# a candidate said to fit better: "candidates whose qualifications better align", "een kandidaat die meer
# ervaring heeft", "einen Kandidaten mit mehr Erfahrung"
_BETTER_CANDIDATE = (r"\b(?:candidat\w*|applicant\w*|kandida\w*|bewerber\w*|profil\w*|perfil\w*|someone|somebody"
                     r"|iemand|jemand\w*|quelqu'un|alguien|qualcuno|alguém|ktoś|person|personne|persona|pessoa"
                     r"|persoon|osob\w*|profession\w*|profissiona\w*|profesional\w*)\b[^.;!?]{0,60}?"
                     r"\b(?:better|more|closer|stronger|meer|beter|mehr|besser|plus|más|mejor|più|meglio|mais|melhor"
                     r"|bardziej|lepiej|lepsz\w*|więcej)\b")
# the next stage, declined in Korean and Japanese, the negation after the verb ("다음 전형으로 모시지 못하게",
# "次の選考にお進みいただくことはできません")
_NOT_ON_CJK = (r"(?:다음\s*(?:전형|단계)|합격|함께)[^.。!?]{0,20}?(?:못|않|어렵)"
               r"|(?:次の選考|次回の選考|次のステップ)[^。]{0,30}?(?:できません|できかね|いたしかね|叶いません)")
# the reader's profile not fitting what is sought: "la sua esperienza non corrisponde", "does not match",
# "entspricht nicht", "ne correspond pas", "no se ajusta", "nie odpowiada", "sluit niet aan"
_FIT = (r"\b(?:match\w*|fit|fits|align\w*|correspond\w*|corrispond\w*|entsprich\w*|entspricht|passt|ajust\w*"
        r"|encaj\w*|adequa\w*|odpowiada\w*|pasuje|spełnia\w*|aansl\w*|overeen\w*|past)\b")
_PROFILE = (r"\b(?:profile?|experience|background|cv|resume|skills|profil\w*|erfahrung|expérience|perfil|experiencia"
            r"|esperienza|competenze|experiência|ervaring|doświadczeni\w*|kwalifikacj\w*)\b")
# Japanese: not able to meet the wish or the hope ("ご希望に添いかねる", "ご期待に沿えず")
_NOT_MET_JA = r"(?:ご希望|ご期待|ご要望)に(?:添|沿)(?:い|え)(?:かね|ず|ない|ません)"
# taking the application no further: "we won't be taking things further", "not take this forward"
_FURTHER = r"\b(?:tak|mov|carr|progress|proceed|push)\w*\s+(?:[\w'’]+\s+){0,2}?(?:further|forward)\b"
# offering the reader the job
_OFFER = (r"\b(?:offer\w*|propos\w*|ofrec\w*|anbiet\w*|anzubieten|offrir\w*|offrirle|offrirti|aanbied\w*"
          r"|aan\s+te\s+bieden|zaoferowa\w*|zaproponowa\w*|oferec\w*|propor)\b")
_JOB = (r"\b(?:position|role|job|post|poste|puesto|stelle|posizione|ruolo|functie|baan|stanowisk\w*|cargo|vaga"
        r"|posição|contract|contrat|contrato|vertrag|contratto|arbeidsovereenkomst|umow\w*)\b")
_YOU = (r"\b(?:you|vous|te|le|la|Ihnen|dir|ti|lei|u|je|jou|pan[ui]?|pani|panią|lhe|você|vos|usted|tú|tu)\b")
# cancelling a meeting ("we have to cancel the interview", "das Gespräch muss leider ausfallen")
_CANCEL = (r"\b(?:cancel\w*|call\s+off|absag\w*|abzusagen|ausfall\w*|annul\w*|cancelar\w*|cancelad\w*|anular\w*"
           r"|annull\w*|disdett\w*|afzeg\w*|annuleer\w*|geannuleerd|odwoł\w*|anulowa\w*|desmarc\w*)\b"
           r"|キャンセル|中止|취소")
# another day offered instead of the one agreed
# another day in place of the one agreed ("instead", "en vez de", "invece", "zamiast")
_INSTEAD = (r"\b(?:instead|rather|alternatively|another\s+(?:day|time|date|slot)|different\s+(?:day|time|date)"
            r"|stattdessen|lieber|einen\s+anderen\s+(?:tag|termin)|alternativ|plutôt|à\s+la\s+place|autre\s+(?:jour|date"
            r"|créneau|moment)|en\s+su\s+lugar|en\s+lugar\s+de|en\s+vez\s+de\w*|mejor|otro\s+día|otra\s+fecha|invece"
            r"|piuttosto|un\s+altro\s+giorno|in\s+plaats\s+daarvan|liever|een\s+andere\s+(?:dag|datum|tijd)|zamiast"
            r"|w\s+zamian|inny\s+termin|innym\s+terminie|em\s+vez|ao\s+invés|outro\s+dia|outra\s+data)\b")
# moving the meeting: its new day is the one it is moved to ("push to Thursday", "spostato a lunedì 14",
# "przełożyć na 14 grudnia", "12月16日に変更", "11일로 변경"); moved with no such day, it has no new day yet
_MOVE = (r"\b(?:reschedul\w*|postpone\w*|push\w*|mov(?:e|ed|ing)|shift\w*|chang\w*|bump\w*|verschieb\w*|verschob\w*"
         r"|verleg\w*|décal\w*|report\w*|déplac\w*|reprogram\w*|aplaz\w*|cambi\w*|mover|rimand\w*|spost\w*"
         r"|verzet\w*|verplaats\w*|przełoż\w*|przesun\w*|zmieni\w*|remarc\w*|adiar\w*|adiad\w*|alterad\w*|mudad\w*)\b"
         r"|変更|조정|변경|调整|調整|改期|改到|改为|改為|推迟|推遲|延期|更改|变更")
_TO_DAY = (r"(?:\b(?:to|till|until|for|a|al|alla|allo|à|au|auf|na|para|pra|naar|op|em|no|on|zum|zur)\s+"
           r"(?:the\s+|la\s+|le\s+|il\s+|el\s+|den\s+|dem\s+|o\s+|a\s+)?(?:(?:{weekday})[,\s]+)?$)")
_TO_DAY_AFTER = r"^[^。.!?]{0,14}?(?:に|로|으로)"
_TO_DAY_ZH = r"(?:至|到|为|為|成)\s*$"   # "调整至12月11日", "改到周五"
# a proposal: "could we", "would ... work", "how about" (with a question mark)
_PROPOSE = (r"\b(?:could|can|shall|would|does|do|how\s+about|what\s+about|könnten|können|passt|ginge|pourrions"
            r"|pouvons|pourriez|est-ce\s+que|podríamos|podemos|podría|te\s+va|le\s+va|potremmo|possiamo|potrebbe"
            r"|andrebbe|va\s+bene|kunnen|zouden|schikt|past|czy|poderíamos|pode|dá)\b")


@functools.cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _has(pattern: str, text: str) -> re.Match | None:
    return _compiled(pattern).search(text)


# -- days: Babel's month and weekday names ----------------------------------------------------------

@functools.cache
def month_numbers() -> dict[str, int]:
    """Every month name, wide and abbreviated (three letters or more), in each context (the
    Polish genitive 'grudnia' and the nominative 'grudzień') of the tool's languages -> 1..12."""
    from babel.dates import get_month_names
    numbers: dict[str, int] = {}
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=language).items():
                    name = name.casefold().rstrip(".")
                    if len(name) >= 3:
                        numbers.setdefault(name, number)
    return numbers


@functools.cache
def weekday_numbers() -> dict[str, int]:
    """Every weekday name of the tool's languages -> 0 (Monday) .. 6, with the forms a day takes
    after a preposition ('w środę', 'w sobotę')."""
    from babel.dates import get_day_names
    numbers: dict[str, int] = {}
    for language in LANGUAGES:
        for context in ("format", "stand-alone"):
            for number, name in get_day_names("wide", context, locale=language).items():
                name = name.casefold()
                forms = {name}
                if language == "pl" and name.endswith("a"):
                    forms.add(name[:-1] + "ę")      # the accusative: 'w środę', 'w sobotę'
                for form in forms:
                    if len(form) >= 4:
                        numbers.setdefault(form, number)
    return numbers


def _alternatives(names) -> str:
    return "|".join(sorted(map(re.escape, names), key=len, reverse=True))


@functools.cache
def weekday_pattern() -> re.Pattern:
    """A weekday, maybe with its day of the month after it ('Monday the 14th', 'venerdì 11',
    'Montag, 14.') and no month name (one with a month is a date of its own)."""
    return re.compile(rf"(?<!\w)(?P<weekday>{_alternatives(weekday_numbers())})(?!\w)"
                      rf"(?:,?\s+(?:the\s+|den\s+|le\s+|el\s+|il\s+|de\s+|dia\s+|día\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.|º)?"
                      rf"(?![\d:.]\d))?", re.IGNORECASE)


def weekday_day(m: re.Match, after: dt.date) -> dt.date | None:
    """The day a weekday match names, the first such day after `after` (the day of the month
    when given, in this month or the next)."""
    number = weekday_numbers()[m.group("weekday").casefold()]
    if m.group("day"):
        wanted = int(m.group("day"))
        for months in range(0, 3):
            year, month = after.year + (after.month + months - 1) // 12, (after.month + months - 1) % 12 + 1
            try:
                day = dt.date(year, month, wanted)
            except ValueError:
                continue
            if day >= after:
                return day
        return None
    return after + dt.timedelta(days=(number - after.weekday() - 1) % 7 + 1)


# -- the sentence's reading -------------------------------------------------------------------------

@dataclass(frozen=True)
class Said:
    kind: str          # words.REJECTION, OFFER or INTERVIEW, or CANCELLED
    sentence: str      # the sentence that says it, shortened
    day: dt.date | None = None   # a day offered instead (a reschedule)


CANCELLED = "cancelled"   # a meeting called off, or moved with no new day yet
# a sentence: a dotted date (14.12.) is part of it, never its end
_SENTENCE = re.compile(r"(?:\b\d{1,2}\.\d{1,2}\.|[^.!?\n。！？]|[.!?](?=\w))+[.!?。！？]?")


def _short(sentence: str) -> str:
    return " ".join(sentence.split())[:80]


def _before(pattern: str, sentence: str, m: re.Match) -> bool:
    return _has(pattern, sentence[:m.start()]) is not None


def _chosen(sentence: str) -> str | None:
    """The kind a sentence about choosing the reader says: going on (an interview stage), or not
    (a rejection: negated, said with regret, or another person chosen); None when it says none,
    or says it only as a condition."""
    m = _has(_CHOSEN, sentence)
    if m is None or _before(_CONDITION, sentence, m):
        return None
    if _before(_NEGATION, sentence, m) or _has(_OTHERS, sentence) or _has(_REGRET, sentence):
        return W.REJECTION
    return None if _has(_GENERIC, sentence) else W.INTERVIEW


def _positive(pattern: str, sentence: str) -> re.Match | None:
    m = _has(pattern, sentence)
    if m is None or _before(_CONDITION, sentence, m) or _before(_NEGATION, sentence, m):
        return None
    return m


def read_sentence(sentence: str) -> str | None:
    """What one sentence says happened, by its structure (module docstring)."""
    meeting = _has(_MEETING, sentence)
    if meeting and _positive(_CANCEL, sentence):
        return CANCELLED
    chosen = _chosen(sentence)
    if chosen == W.REJECTION:
        return chosen
    others = _has(_OTHERS, sentence) or _has(_BETTER_CANDIDATE, sentence)
    if others and _has(_GO_ON, sentence) and not _before(_CONDITION, sentence, others):
        return W.REJECTION       # gone on with someone else, or with someone said to fit better
    if _has(_NOT_ON_CJK, sentence) or _has(_NOT_MET_JA, sentence):
        return W.REJECTION
    fit = _has(_FIT, sentence)
    if fit and _before(_NEGATION, sentence, fit) and (_has(_REGRET, sentence) or _has(_PROFILE, sentence)) \
            and not _before(_CONDITION, sentence, fit):
        return W.REJECTION       # the reader's profile said not to fit
    further = _has(_FURTHER, sentence)
    if further and _before(_NEGATION, sentence, further) and not _before(_CONDITION, sentence, further):
        return W.REJECTION       # the application taken no further
    if _has(_REGRET, sentence) and _positive(_INFORM, sentence) and not meeting:
        return W.REJECTION       # "leider müssen wir Ihnen mitteilen, ..."
    offer = _positive(_OFFER, sentence)
    if offer and _has(_JOB, sentence[offer.end():]) and _has(_YOU, sentence) and not _has(_OTHERS, sentence):
        return W.OFFER
    if meeting and _positive(_INVITE, sentence):
        return W.INTERVIEW
    if _has(_ASSESSMENT, sentence) and _positive(_DO, sentence):
        return W.INTERVIEW       # an assessment to do: a stage of the process
    return chosen


# the day a meeting was on before it moved ("instead of the 9th", "previsto per il 9", "ursprünglich am")
_OLD_DAY = (r"(?:instead\s+of|rather\s+than|originally|scheduled\s+for|planned\s+for|booked\s+for|from|statt|anstatt"
            r"|ursprünglich|geplant|au\s+lieu\s+d\w*|prévu\w*|en\s+lugar\s+de\w*|en\s+vez\s+de\w*|previst\w*"
            r"|invece\s+d\w*|in\s+plaats\s+van|gepland|zamiast|planowan\w*|em\s+vez\s+d\w*|ao\s+invés\s+d\w*"
            r"|marcad\w*|agendad\w*)\W+(?:[\w'’]+\W+){0,3}$")


def offered_day(sentence: str, sent: dt.date, days_in) -> dt.date | None:
    """A day a person offers for the meeting instead ("could we do Friday instead?"): a sentence
    with a day in it and a word of instead, or a question that proposes it. Of several days, the
    last that is not the one it moves from ("il colloquio previsto per il 9 è spostato al 14")."""
    instead = _has(_INSTEAD, sentence) or (sentence.rstrip().endswith("?") and _has(_PROPOSE, sentence))
    if not (instead or _has(_MOVE, sentence)):
        return None
    days = [(at, day) for at, day in days_in(sentence, sent) if not _has(_OLD_DAY, sentence[max(0, at - 40):at])]
    if not instead:   # only moved: the day it is moved to, else none yet ("we have to postpone Tuesday's call")
        to_day = _TO_DAY.format(weekday=_alternatives(weekday_numbers()))
        days = [(at, day) for at, day in days if _has(to_day, sentence[max(0, at - 30):at])
                or _has(_TO_DAY_AFTER, _rest_after(sentence, at)) or _has(_TO_DAY_ZH, sentence[max(0, at - 3):at])]
    return days[-1][1] if days else None


def _rest_after(sentence: str, at: int) -> str:
    """The text after the day that starts at `at` (its digits and date letters skipped)."""
    m = re.match(r"[\w\s/.]*?(?:日|일)|\S+", sentence[at:])
    return sentence[at + (m.end() if m else 0):]


def what_it_says(text: str, sent: dt.date | None, about_meeting: bool, days_in) -> list[Said]:
    """Each sentence's reading of `text` (the message's own words), in order. A day offered
    instead counts only in a message about a meeting (its subject or the thread it quotes)."""
    out = []
    for m in _SENTENCE.finditer(text[:6000]):
        sentence = m.group(0)
        kind = read_sentence(sentence)
        day = offered_day(sentence, sent, days_in) if (about_meeting and sent is not None) else None
        if day is not None:
            out.append(Said(W.INTERVIEW, _short(sentence), day))
        elif about_meeting and _has(_MEETING, sentence) and _positive(_MOVE, sentence) and kind is None:
            out.append(Said(CANCELLED, _short(sentence)))   # moved, the new day still to come
        elif kind is not None:
            out.append(Said(kind, _short(sentence)))
    return out


def only_a_condition(text: str, words: str) -> bool:
    """Whether the listed words stand in a sentence that says them only as a condition ("if your
    application is successful, we will invite you to an interview")."""
    low = text.casefold()
    at = low.find(words.casefold())
    if at < 0:
        return False
    start = max(low.rfind(stop, 0, at) for stop in (".", "!", "?", "\n", "。")) + 1
    return _has(_CONDITION, low[start:at]) is not None


def about_a_meeting(text: str) -> bool:
    return _has(_MEETING, text) is not None
