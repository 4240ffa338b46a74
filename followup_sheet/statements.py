"""Plan stage, dated statements: the dates a note or a response states ("decide by Dec 11",
"back from leave 12/9", "freeze until Q1"), each read from the day the text was written.

In: one text, the day it was written, the date order. Out: `Statement`s (date, kind, words).
Dates are read by `dateparser`; this module only says what each date is about.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from . import negations, patterncache
from .chasers import past_contacts, tells_a_past_contact
from .literalscreen import Screened, screened
from .titles import not_a_titles_stop


def _longest_first(words: Iterable[str]) -> list[str]:
    """The words of an alternation, each once: the longest first, words of one length in order
    (a set's own order changes from run to run, and so would the pattern's text: the patterns'
    cache, `patterncache`, finds a pattern by its text)."""
    return sorted(set(words), key=lambda w: (-len(w), w))


# Most notes state no date: one quick look for a digit, a month or a relative period first.
_MONTH_STEMS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",    # en
    "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "okt", "dez",           # de
    "janv", "févr", "fevr", "mars", "avr", "juin", "juil", "août", "aout", "déc",          # fr
    "ene", "enero", "febr", "marzo", "abr", "mayo", "agosto", "sept", "oct", "dic",        # es
    # it, pt, nl, pl: the full names the stems above miss (Babel's, the Polish genitive as dates say
    # it: "10 grudnia"); short ones that begin other words ("mei", "maja", "maio") are left out
    "gennaio", "febbraio", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
    "fevereiro", "setembro", "outubro", "maart", "oktober",
    "stycznia", "lutego", "marca", "kwietnia", "czerwca", "lipca", "sierpnia", "września", "października",
    "listopada", "grudnia", "styczeń", "luty", "kwiecień", "czerwiec", "lipiec", "sierpień", "wrzesień",
    "październik", "listopad", "grudzień",
)

# Monday to Friday in every language of LANGUAGES, as Babel (CLDR) names them (tests/test_trial_eu.py
# compares), and the Brazilian short forms of the "-feira" names ("até sexta"); those that are also
# ordinals ("segunda entrevista", "quinta etapa") count only after a word of relation
# (`_ORDINAL_DAY_SAID`, and `_ORDINAL_DAYS` when the parser finds one alone).
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "montag", "dienstag", "mittwoch", "donnerstag",
             "freitag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "lunes", "martes", "miércoles", "jueves",
             "viernes", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "segunda-feira", "terça-feira",
             "quarta-feira", "quinta-feira", "sexta-feira", "terça", "sexta",
             "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "poniedziałek", "wtorek", "środa", "czwartek",
             "piątek", "środę", "poniedziałku", "wtorku", "środy", "czwartku", "piątku")
# English weekdays as notes shorten them ("sent another note Mon", "countered Fri"): whole words only
# ("month", "wedding" and "friend" are none)
_SHORT_WEEKDAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4}
_SHORT_WEEKDAY = r"\b(?:" + "|".join(sorted(_SHORT_WEEKDAYS, key=len, reverse=True)) + r")\b"
# A Chinese, Japanese or Korean weekday said alone, without this, next or last week ("周五", "金曜日",
# "금요일"): in a clause in the past it is the last such day, as a weekday of the other languages
_CJK_BARE_WEEKDAY = re.compile(r"(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]|[月火水木金土日]曜日?|[월화수목금토일]요일")
_YESTERDAY = re.compile(r"\b(?:yesterday|gestern|ayer|ieri|ontem|gisteren|wczoraj)\b", re.IGNORECASE)
# The day before the day of writing, and the day before that, said in words in each language the
# reader knows. French "hier" is also German's and Dutch's "here": read only in a French run.
_ONE_DAY_BACK = r"yesterday|gestern|ayer|ieri|ontem|gisteren|wczoraj"
_TWO_DAYS_BACK = (r"(?:the\s+)?day\s+before\s+yesterday|vorgestern|avant-hier|anteayer|antes\s+de\s+ayer"
                  r"|antier|l['’]altro\s*ieri|altroieri|anteontem|eergisteren|przedwczoraj")
# (for the screen: the words no other of its lists begins)
_DAYS_BACK_SCREEN = ("vorgestern", "hier\\b", "anteayer", "antier", "anteontem", "altroieri", "eergisteren",
                     "przedwczoraj")
_ORDINAL_DAYS = re.compile(r"(?<!\w)(?:segunda|quarta|quinta)(?!-)(?!\w)", re.IGNORECASE)
_DAY_RELATION_PT = re.compile(r"(?:\b(?:na|nesta|nessa|essa|esta|próxima|proxima|até|ate|de|da|toda)\s+)$",
                              re.IGNORECASE)
_ORDINAL_DAY_SAID = r"\b(?:na|nesta|nessa|essa|esta|próxima|proxima|até|ate|toda)\s+(?:segunda|quarta|quinta)\b(?!-)"
_PERIOD_WORDS = (
    "quarter", "month", "week", "eow", "year", "tomorrow", "yesterday", "gestern", "ayer", "ieri", "ontem", "gisteren",
    "wczoraj",
    "quartal", "monat", "woche", "jahr", "morgen",
    "trimestre", "mois", "semaine", "année", "demain",
    "mes", "semana", "año", "mañana",
    "mese", "settimana", "domani", "mês", "amanhã", "maand", "miesiąca", "miesiąc", "tydzień", "tygodnia", "tygodniu",
    "jutro",
) + _WEEKDAYS


# A day of its own: a numeric date, a month's name or a weekday. Without one, a period ("after 12
# weeks", "next month") is a date only when the clause says what it is about ("decide", "call
# back"): "the posting was reopened after 12 weeks" states no date.
# A day and month joined by a hyphen, as India, the Netherlands and many others write them ("by
# 10-12", "on 04-12"): a date unless a unit or an amount follows ("2-3 weeks", "70-80k", "10-12 days")
# or it is part of a longer run of numbers (a phone number, "2026-12-04" is read by its own form).
# The units of time are those of every language the reader knows ("2-3 dagen", "10-12 Tage", "2-3
# semanas", "2-3 tygodnie": CLDR's names, which tests/test_trial_eu6.py compares them with).
_TIME_UNITS = (r"weeks?|wks?|days?|months?|mos?|years?|yrs?|hours?|hrs?|mins?"
               r"|tage?n?|wochen?|monate?n?|jahre?n?|stunden?"
               r"|jours?|semaines?|mois|ans?|heures?"
               r"|d[ií]as?|semanas?|mes(?:es)?|años?|anos?|horas?|mês"
               r"|giorn[oi]|settiman[ae]|mes[ei]|ann[oi]|or[ae]"
               r"|dag(?:en)?|weken|maand(?:en)?|jaar|uur"
               r"|dni|dzień|tydzień|tygod\w*|miesi\w*|lat[a]?|rok|godzin\w*")
_A_RANGE = re.compile(r"\d{1,2}\s*-\s*\d{1,2}")
_UNIT_AFTER = re.compile(r"\s*(?:" + _TIME_UNITS + r")\b", re.IGNORECASE)
_HYPHEN_DAY_MONTH = (r"(?<![\d\-/.])\d{1,2}-\d{1,2}(?![\d\-/]|\.\d)(?!\s*(?:k\b|%|\+|(?:" + _TIME_UNITS
                     + r"|lpa|lakhs?|lacs?|rounds?|people)\b))")


@functools.cache
def _absolute() -> re.Pattern[str]:
    return re.compile(_ORDINAL_DAY_SAID + "|" + _SHORT_WEEKDAY + r"|\d{1,2}\s?[/.]\s?\d{1,2}|\d{4}-\d|"
                      + _HYPHEN_DAY_MONTH + r"|\b(?:"
                      + "|".join(_longest_first(_MONTH_STEMS + _WEEKDAYS)) + ")",
                      re.IGNORECASE)


@functools.cache
def _calendar_day() -> re.Pattern[str]:
    months = "|".join(_longest_first(_MONTH_STEMS))
    # (a day and month with a dash, as Dutch, Portuguese and Polish write them, "3-12", is one too)
    return re.compile(r"\d{1,2}\s?[/.]\s?\d{1,2}|\d{4}-\d|" + _HYPHEN_DAY_MONTH + r"|\d.*\b(?:" + months + r")"
                      r"|\b(?:" + months + r").*\d|\d+\s*月\s*\d+|\d+\s*월\s*\d+", re.IGNORECASE)


def names_a_calendar_day(words: str) -> bool:
    """Whether a statement's words name a day of the calendar by itself ("11/24", "24-11", "Nov 24",
    "24. November", "11月24日"), not relative to the day they were written ("next week", "Thursday")."""
    return _calendar_day().search(words) is not None


_SCREEN_NUMBERS = (r"\d{1,2}\s?[/.]\s?\d{1,2}|\d{4}-\d|\d(?:st|nd|rd|th)\b"
                   r"|\d(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\d|" + _HYPHEN_DAY_MONTH)
# the year-end holidays as a time ("after the holidays", "nach den Feiertagen"): whole words only
# ("feste" alone begins "festgestellt")
_HOLIDAY_WORDS = ("holidays", "christmas", "xmas", "new year", "new yr", "feiertagen", "weihnachten", "neujahr",
                  "jahreswechsel",
                  "fêtes", "fetes", "noël", "noel", "nouvel an", "fiestas", "navidad", "navidades", "año nuevo",
                  "feste", "natale", "capodanno", "festas", "natal", "ano novo", "feestdagen", "kerst", "nieuwjaar",
                  "świętach", "świętami", "nowym roku", "sylwestrze", "jahresende", "anno", "jaar", "roku")
_SCREEN_WORDS = (_ORDINAL_DAY_SAID + "|" + _SHORT_WEEKDAY
                 + r"|\b(?:q[1-4]\b|(?:dem|den|del|le|el|dia|día|il|dnia)\s+\d{1,2}\b|l['’]\d{1,2}\b|"
                 + "|".join(_longest_first(_MONTH_STEMS + _PERIOD_WORDS + _DAYS_BACK_SCREEN)) + ")"
                 + r"|\b(?:" + "|".join(_HOLIDAY_WORDS) + r")\b")


@functools.cache
def _screen_words() -> str:
    # (and a span's or a week's unit as a whole word, as `_counted` and `_next_unit` read it: "in 10
    # days", "next wk")
    # (inside the one alternation after a word's start: a second one costs a look at every place of
    # every note, 1 ms a note measured)
    opening = r"|\b(?:q[1-4]\b|"
    return _SCREEN_WORDS.replace(opening, opening + r"(?:" + _alternation(_units()) + r")(?!\w)|", 1)


@functools.cache
def _screen() -> re.Pattern[str]:
    return re.compile(_SCREEN_NUMBERS + "|" + _screen_words(), re.IGNORECASE)


@functools.cache
def _ascii_screen() -> tuple[re.Pattern, re.Pattern]:
    """SCREEN's two halves for lower-cased ASCII text: the numbers, which start with a digit, and
    the words, which start at a word's start."""
    return re.compile(_SCREEN_NUMBERS), re.compile(_screen_words())


# (asked of a note by the plan's screen, then again by `read_statements` and of each of its log
# entries: answered once per text)
@functools.lru_cache(maxsize=8192)
def may_state_a_date(text: str) -> bool:
    """Whether `text` may state a date (`_screen()` or `_cjk_screen()` finds something): the same answer,
    about 2.5 times quicker for text in ASCII, most notes. Python's regex engine tries an
    alternation that starts with a word boundary at every position, and ignoring case costs more
    again: ASCII text is lower-cased once, its numbers are looked for with a pattern that skips to
    the digits, and `_cjk_screen()`, which needs a Chinese, Japanese or Korean letter, is not tried."""
    if not text:
        return False
    if text.isascii():
        low = text.lower()
        numbers, words = _ascii_screen()
        found = numbers.search(low) is not None or words.search(low) is not None
    else:
        # every form `_cjk_screen()` looks for holds a letter from U+3040 up: text without one needs
        # no look (nor the pattern, 2-3 ms to compile)
        found = _screen().search(text) is not None or max(text) >= "\u3040" and _cjk_screen().search(text) is not None
    # (a dashed "16-12" is read only in a language that writes dates so: `read_statements`)
    return found or ("-" in text and _dashed().search(text) is not None)

# To call, ring back, contact or write, as an infinitive (Spanish, Portuguese, French, Italian)
# (Mexico says "hablar" and "marcar" for phoning: "quedaron de hablarme", "me van a marcar")
_CALL_INFINITIVE = (r"(?:llamar|avisar|contactar|escribir|hablar|marcar|ligar|chamar|retornar|contatar"
                    r"|rappeler|recontacter|appeler|contacter|écrire|chiamar[e]?|richiamar[e]?|contattar[e]?|ricontattar[e]?|scriver[e]?"
                    r"|sentir[e]?)")
# What a date is about, from the words before it in the same clause (the kind whose words stand
# nearest the date; at a tie, the first listed).
# A test or an exam of the employer's, as each language names it: English with the adjective first,
# the others with the noun first ("teste técnico", "examen psicotécnico", "test technique", "prova
# scritta", "test kompetencji"), an adjective before a Dutch noun, a German compound
# ("Eignungstest"). A step of the process, as an interview is, but no talk to thank anyone for.
TEST_WORDS = (r"(?:written|technical|tech|aptitude|psychometric|skills?|trade)\s+(?:test|exam)"
              r"|\b(?:test|teste|prueba|examen|exame|prova|egzamin)\s+(?:t[ée]cnic[oa]|technique|psicot[ée]cnic[oa]"
              r"|psychotechnique|escrit[oa]|[ée]crit|scritt[oa]|pr[aá]tic[oa]|pratique|pratic[oa]|online"
              r"|de\s+(?:nivel|n[íi]vel|conocimientos|conhecimentos|aptitud|aptid[ãa]o|logique|l[óo]gica)"
              r"|d['’]aptitude|attitudinal[ei]|kompetencji|wiedzy|praktyczn\w*|pisemn\w*)"
              r"|\b(?:technische|schriftelijke|praktische)\s+(?:test|toets)|\w*(?:einstellungs|eignungs|fach)test\b")
KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("hold", r"on hold|paused|on pause|freeze|postponed|pausiert|auf eis|einstellungsstopp|verschoben|en pause|gel des"
             r"|suspendu|report[ée]|en pausa|congelad|pospuest|aplazad|gel[ée]|en suspens|mis en attente"
             r"|sospes|congelat|in pausa|bevroren|gepauzeerd|stilgelegd|pausad|suspens|wstrzyman|zawieszon"),
    ("decision", r"decid|decision|decisi|entscheid|décid|décision|decisão|decyzj|beslis|besluit|outcome|verdict"
                 r"|\bresults?\b|ergebnis|résultat|resultado|risultat|uitslag|wynik|esito"),
    # the employer's news ("they'll let me know by 12/3"): a day to hear by, never an answer I owe
    ("feedback", r"hear back|let me know|get back to me|feedback|revert"
                 # their promise to come back, said without "to me" ("they will get back by Friday")
                 r"|(?<!\bi)(?<!\bi\s)(?<!\bwe)(?<!\bwe\s)(?:will|['’]ll|would|should|to|gonna)\s+(?:get|come)\s+back"
                 r"(?!\s+to\s+(?:them|him|her|the)\b)"
                 r"|(?:will|would|['’]?ll|['’]?d)\s+(?:be|get)\s+in\s+touch"
                 # what they promise to send ("she will send the letter by next wk", "they'll send the contract")
                 r"|(?<!\bi\s)(?<!\bwe\s)(?<!\bi)(?<!\bwe)(?:will|['’]ll|to|gonna)\s+send\b"
                 r"|circle back|reach back out|come back to me|touch base with me"
                 r"|(?:should|will|['’]ll|expect\w*\s+to|hop(?:e|ing)\s+to)\s+hear\b|\bhear\s+(?:by|from\s+(?:them|her|him))\b"
                 r"|rückmeldung|bescheid|retorno\b|terugkoppeling"
                 # their call back with the particle at the end, as Dutch splits it ("ze bellen mij
                 # terug", "hij komt erop terug"): their news, not someone's return
                 r"|\b(?:bellen|belt|komen|komt)\s+(?:[\w'’]+\s+){0,3}?terug\b"
                 r"|informacj[aęi] zwrotn|faranno sapere|fanno sapere|far sapere|me dir[áa]n"
                 r"|laten\s+(?:[\w/.-]+\s+){0,4}?weten"
                 r"|dadz[ąa] znać|dać znać|odezw[ąa]|melden sich|meldet sich|me dicen algo|me dirán algo"
                 # (revenir with me as its object, as Quebec says it too: "elle me revient", "va me revenir")
                 r"|(?:revien|reviendr|revenir)\w*\s+vers\s+(?:moi|nous)|\b(?:me|nous)\s+(?:revien|reviendr|revenir)\w*"
                 r"|ficaram de dar|vão dar retorno|\bavis[aá]r|me avisan"
                 r"|avvisarmi|mi avvisano|me recontact\w*|laten horen|dadzą odpowiedź"
                 # what they say will come ("they say by 15/12", "mi dicono entro il", "sie sagen bis")
                 r"|\b(?:they|she|he)\s+(?:say|says|said)\b|\bsie\s+sagen|\bils\s+(?:me\s+)?disent|\bme\s+dicen\b"
                 r"|\bmi\s+dicono|\b(?:me\s+)?dizem\b|\bze\s+zeggen|\bmówią"
                 # what I will hear or know from them ("ik hoor binnen twee weken iets", "sabré algo")
                 r"|\bik\s+hoor\b|\bhoor\s+ik\b|\bich\s+höre\b|\bhöre\s+ich\b|\bsabré\b|\bsaprò\b|\bsaberei\b"
                 r"|\bi(?:['’]ll|\s+will|\s+should)\s+know\b|\bdowiem\s+się\b|\bje\s+(?:le\s+)?saurai\b|\bj['’]en\s+saurai\b"
                 # they are to call me: a calling verb with me as its object, in the present, the
                 # future or after a promise ("quedó en llamarme", "ils me rappellent", "will ring
                 # me"); never in the past ("me llamaron", "hat mich angerufen" is a call received)
                 r"|(?:will|['’]ll|['’]d|to|gonna|going\s+to|would|should)\s+(?:call|ring|phone|e-?mail|contact)\s+me"
                 r"(?:\s+back)?\b"
                 # their call again, not mine ("she'll ring again next wk"; "I'll ring again" is mine)
                 r"|(?<!\bi)(?<!\bi\s)(?<!\bwe)(?<!\bwe\s)(?:will|['’]ll|gonna|going\s+to)\s+(?:call|ring|phone)\s+again\b"
                 r"|\b(?:llamarme|contactarme|escribirme)\b|\bme\s+(?:llamar[áa]n?|llaman|contactar[áa]n?"
                 r"|van?\s+a\s+(?:llamar|contactar|hablar|marcar))\b"
                 r"|\bme\s+(?:rappeler|recontacter|contacter|rappelleront|rappellera|rappellent|recontacteront"
                 r"|recontactera)\b"
                 r"|\b(?:richiamarmi|chiamarmi|contattarmi|ricontattarmi)\b|\bmi\s+(?:richiamano|richiameranno"
                 r"|richiamerà|chiamano|chiameranno|chiamerà|ricontattano|ricontatteranno)\b"
                 r"|\bme\s+(?:ligar|ligam|ligarão|ligará|retornar|chamar|contatar|contactar|vão\s+ligar|vai\s+ligar)\b"
                 # their call or answer said in the present for what is to come, as Portuguese, Spanish,
                 # Italian and French do ("ele retorna até sexta", "me liga amanhã", "me llama el lunes",
                 # "mi richiama lunedì", "il me rappelle vendredi"); the past is a call received
                 r"|\b(?:me\s+)?(?:retorna|retornam|(?:vai|vão)\s+(?:me\s+)?retornar)\b|\bme\s+(?:liga|escreve|chama)\b"
                 r"|\bme\s+(?:llama|escribe|avisa|contacta)\b|\bmi\s+(?:chiama|richiama|scrive|ricontatta)\b"
                 r"|\bme\s+(?:rappelle|recontacte|écrit\s+d['’]ici)\b"
                 r"|\b(?:ligar|contactar)-me\b"
                 r"|\bmich\s+(?:an)?rufen\b|\b(?:rufen|ruft)\s+mich\b"
                 r"|\b(?:me|mij)\s+(?:terug)?bellen\b|\bbell(?:en|t)\s+(?:me|mij)\b"
                 r"|\b(?:zadzwonią|oddzwonią)\b"
                 # a call or message still to come whose object is me: their news, not my call
                 # ("quedaron en llamarme", "ficaram de me ligar", "devono richiamarmi", "ils doivent me rappeler")
                 r"|\b" + _CALL_INFINITIVE + r"-?(?:me|mi)\b|\b(?:me|mi|m['’])\s+" + _CALL_INFINITIVE + r"\b"
                 r"|\bmi\s+(?:devono|dovrebbero|dovranno|faranno|vogliono)\s+" + _CALL_INFINITIVE + r"\b"
                 r"|\bmich\s+(?:an|zurück)rufen|\bmij\s+(?:terug)?bellen|\bdo\s+mnie\s+(?:za)?dzwoni"),
    # (who tells whom: "they'll let me know" is their news, "I'll let them know" my answer)
    # (a call that reached nobody is no answer owed: "rang wed no answer", "no reply")
    ("answer", r"deadline|(?<!\bno )(?<!n't )(?<!\bnot )(?:answer(?!phone|ing\s+machine)|respond|reply)|sign\b|accept"
               r"|confirm\s+(?:joining|acceptance|the\s+offer)"
               r"|let\s+(?:them|him|her|you|the\s+\w+)\s+know"
               r"|antwort|frist|réponse|répondre|respuesta|responder|plazo|rispost"
               r"|resposta|antwoord|reactie|odpowied|contestar|contesto|rispond|reageren|reageer|antwoorden"
               # signing the contract is the answer to an offer ("muss bis 15.12. unterschreiben")
               r"|unterschreib|unterzeichn|signer|firmar|firmare|assinar|ondertekenen|teken\b|podpisa"),
    ("interview", r"interview|\bcbi\b|" + TEST_WORDS
                  + r"|screen|onsite|on-site|panel|round|super\s?day|portfolio\s+review"
                  # an assessment centre or day, a chat, and a trial shift or day, are meetings with the
                  # employer as an interview is
                  r"|assessment\s+(?:cent(?:re|er)|day)|\bchat\b|trial\s+(?:shift|day)|work\s+trial"
                  r"|design\s+review"
                  r"|gespräch|entretien|entrevue|entrevista"
                  # a round of the process ("zweite Runde", "tweede ronde", "segunda ronda", "druga runda")
                  r"|\brunde\b|\bronde\b|\bronda\b|\brodada\b|\brunda\b"
                  r"|colloquio|gesprek|rozmow|\bvg\b|nos vemos|nos vimos|quedamos|termin\b|rendez-vous|\brdv\b|\bcita\b"
                  r"|appuntamento|ci vediamo|reunião|afspraak|spotkanie"
                  # a trial day or shift ("Schnuppertag am 11.12.", "Probedienst Mo")
                  r"|probetag|probearbeit|probedienst|hospitation|schnuppertag"),
    ("back", r"leave|vacation|holiday|out of office|\booo\b|returns?\b|back from|urlaub|elternzeit|karenz|zurück"
             r"|\bout\s+(?:sick|ill|until|till|til)|\bsick\b|\bill\b|\baway\b|\boff\s+(?:until|till|til|sick)|absent"
             r"|unavailable|krank|abwesend|malade|enferm|de baja|malat|assente|doente|ausente|\bziek|afwezig"
             r"|\bchor[ayz]|nieobecn|\burlop"
             r"|congé|vacances|de retour|vacaciones|de vuelta|regresa|vuelve|in ferie|ferie|rientr|in vacanza"
             r"|férias|ferias|licença|de volta|volta\b|vakantie|verlof|terug\b|wraca"),
    # (a thing "reached" in the passive is no call: "a decision would be reached by Friday")
    # ("ring" as a word's start: "ring me Tue", not "hiring manager", "during", "bring")
    ("call_back", r"call|\bring|phone|check|follow|touch|(?<!\bbe\s)(?<!\bbeen\s)reach|contact|back|chase|nudge|ping\b"
                  r"|melden|melde|anrufen|anzurufen|rückruf"
                  r"|rappeler|rappelle|relancer|recontacter|llamar|llame|contactar|volver a|richiam|ricontatt"
                  r"|risentir|farmi sentire|sentirci|contatt|ligar|ligue|retorn|contato|terugbel|bellen|contact op"
                  r"|zadzwoni|oddzwoni|kontakt|odezwa|odezwać|telefon"
                  # a call made or received, in the past as the notes tell it ("o RH me ligou ontem",
                  # "ayer me llamó", "gestern angerufen", "wczoraj dzwonili", "gisteren belde")
                  r"|\blig(?:ou|aram|ação)\b|\bllam(?:ó|aron|ada)\b|angerufen|\brief(?:en)?\b|\bdzwoni"
                  r"|\bbeld(?:e|en)\b|gebeld|\bchiam(?:ato|ata|ò|arono)\b|\bappel[ée]e?s?\b"
                  # to try again ("try again in a week", "nochmal probieren", "réessayer", "riprovare")
                  r"|\btry\s+(?:them\s+|her\s+|him\s+)?again|\bretry|(?:nochmal|noch\s+einmal|erneut)\s+(?:versuchen|probieren)"
                  r"|réessayer|ressayer|reintentar|(?:volver|vuelv[aeo]s?|volveré)\s+a\s+(?:intentar|llamar)|riprovare|tentar\s+de\s+novo|opnieuw\s+proberen"
                  r"|spróbować\s+ponownie"),
)
# Kinds that may be said after the date in the same clause, as German, Dutch and Polish put the
# verb last ("nach dem 15. anrufen", "na 10 december terugbellen"), in the order they are looked
# at when the words before it say nothing; an absence last ("bis 9.12. auf Urlaub", "tot 14
# december met verlof"), as "zurückrufen" is a call, not a return.
_AFTER_KINDS = ("hold", "decision", "feedback", "answer", "call_back", "back")


@functools.cache
def _kinds() -> list[tuple[str, Screened]]:
    return [(kind, Screened(re.compile(words, re.IGNORECASE))) for kind, words in KIND_WORDS]


@functools.cache
def _after_kinds() -> list[tuple[str, Screened]]:
    readers = dict(_kinds())
    return [(kind, readers[kind]) for kind in _AFTER_KINDS]


# Someone asked me to do it (a call back the employer asked for, not one I planned myself), in
# the languages the reader knows: "asked me to", "bat mich", "m'a demandé", "me pidió", "mi ha
# chiesto", "pediu", "vroeg", "poprosiła", "让我", "ように", "달라고".
REQUEST_WORDS = (
    r"\basked\b|\btold me\b|\bwants? me to\b|\bsaid to\b|\brequested\b|\bsuggested\b"
    r"|\bbat\b|\bbitte\b|\bgebeten\b|\bsolle?\b|\bsollte\b|\bsagte\b|\bmeinte\b"
    r"|demandé|\bdit de\b|\bm'a dit\b|\bprié\b"
    r"|\bpidi[óo]\b|\bpidieron\b|\bdijo\b|\bdijeron\b|\bindic[óa]\b|\bindicaron\b"
    r"|\bchiest[oa]\b|\bdetto di\b|\bpregat[oa]\b"
    r"|\bpediu\b|\bpediram\b|\bpedido\b|\bdisse\b|\bdisseram\b|\bfalou para\b"
    r"|\bvroeg(?:en)?\b|\bgevraagd\b|\bzei\b|\bverzoek\b"
    r"|\b(?:po)?prosi(?:ł|ła|li|ły)\b|\bkazał[ao]?\b|\bpolecił[ao]?\b|\bmam (?:zadzwonić|się odezwać)"
    r"|让我|请我|要我|叫我|要求|ように|とのこと|ほしい|ください|下さい|달라고|하라고|해\s?달라|요청"
)


@functools.cache
def _request() -> re.Pattern[str]:
    return re.compile(REQUEST_WORDS, re.IGNORECASE)


def asked_of_me(text: str, words: str) -> bool:
    """Whether the clause of `text` holding `words` (a dated statement's words) says someone asked
    me to do it: "she asked me to call after the 15th", "bat mich, nach dem 15. anzurufen"."""
    at = text.find(words) if words else -1
    if at < 0:
        return False
    start = max((m.end() for m in _clause_end().finditer(text, 0, at)), default=0)
    end = _clause_end().search(text, at + len(words))
    return _request().search(text[start:end.start() if end else len(text)]) is not None


# a full stop after a digit is no clause's end: German and Polish ordinals ("am 3. Dezember")
@functools.cache
def _clause_end() -> re.Pattern[str]:
    # (a pictograph stands where a tired writer would put a full stop: "offer 12/2 🎉 deadline 12/16")
    # (after a date, a full stop before a lower-case word that is no month's name ends the clause
    # too: "sent CV 12/11. called him Tues"; "am 3. Dezember" is an ordinal)
    # (nor does the stop of a title before a name: "con la Dra. Gómez el 10 de diciembre", "M. Roche")
    # (each look behind the stop itself, so that only a stop is looked behind, not every letter)
    return re.compile(r"(?<![0-9])\." + not_a_titles_stop() + r"\s|[;\n!?\u2600-\u27bf\U0001f300-\U0001faff]\s?"
                      r"|(?<=[0-9])\.\s+(?=[a-z])(?!(?:" + _MONTHS + r"))"
                      # (and before a capital after a day with its month: "decision by Dec 11. Left vm
                      # Dec 3", "bis 11.12. Mailbox am 3.12."; "am 3. Dezember" is still an ordinal)
                      r"|(?<=[0-9])(?<=[0-9]{2}|\s[0-9]|\.[0-9])\.\s+(?=[A-ZÀ-Þ])(?!(?i:" + _MONTHS + r"))")


@functools.cache
def _quarter() -> re.Pattern[str]:
    return re.compile(r"\b(?:q([1-4])|(next|nächste[sn]?|prochain|próximo|siguiente)\s+(?:quarter|quartal|trimestre)"
                      r"|(?:quarter|quartal|trimestre)\s+(?:prochain|próximo|siguiente))\b", re.IGNORECASE)


@functools.cache
def _month_end() -> re.Pattern[str]:
    return re.compile(r"\b(?:end\s+of\s+(?:the\s+)?month|month[-\s]end|ende\s+(?:des\s+)?monats|monatsende"
                      r"|ende\s+dieses\s+monats|fin\s+(?:du\s+|de\s+ce\s+|de\s+)?mois|fines?\s+de(?:l)?\s+mes"
                      r"|fine\s+(?:del\s+|di\s+questo\s+)?mese|(?:fim|final)\s+(?:do\s+|deste\s+)?m[eê]s"
                      r"|einde?\s+(?:van\s+)?(?:de|deze)\s+maand|(?:koniec|końca|końcem|koncem)\s+(?:tego\s+)?miesiąca)\b",
                      re.IGNORECASE)


@functools.cache
def _next_year() -> re.Pattern[str]:
    return re.compile(r"\b(?:(?:early|beginning of)\s+next\s+year|anfang\s+nächsten\s+jahres"
                      r"|début\s+(?:de\s+)?l'année\s+prochaine|principios\s+del\s+(?:próximo\s+)?año(?:\s+que\s+viene)?"
                      # after the year-end holidays, as each language says it: the new year
                      r"|after\s+(?:the\s+)?(?:holidays|holiday\s+season|christmas|xmas|new\s+y(?:ea)?r(?:['’]s)?)"
                      r"|(?:in|until|till|til|into|to|for)\s+(?:the\s+)?new\s+y(?:ea)?r(?!['’]s\s+eve)"
                      r"|(?:after|from|past)\s+the\s+(?:1st|first)\s+of\s+the\s+year"
                      r"|nach\s+(?:den\s+)?(?:feiertagen|weihnachten|neujahr|dem\s+jahreswechsel)|im\s+neuen\s+jahr"
                      r"|après\s+(?:les\s+)?(?:fêtes|fetes|noël|noel|le\s+nouvel\s+an)"
                      r"|despu[ée]s\s+de\s+(?:las\s+)?(?:fiestas|navidad(?:es)?|año\s+nuevo)"
                      r"|dopo\s+(?:le\s+)?(?:feste|natale|capodanno)|depois\s+d(?:as|o)\s+(?:festas|natal|ano\s+novo)"
                      r"|após\s+as\s+festas|na\s+(?:de\s+)?(?:feestdagen|kerst|nieuwjaar)"
                      r"|po\s+(?:świętach|nowym\s+roku|sylwestrze))(?!\w)",
                      re.IGNORECASE)


# Early, the middle or the end of a named month ("mid-Dec", "Mitte Dezember", "mi-décembre", "a
# mediados de diciembre", "metà dicembre", "meados de dezembro", "half december", "połowa grudnia",
# "early January", "fin janvier"): dateparser reads the month alone as its 1st or as today's day
# of it, so "Entscheidung bis Mitte Dezember" was December 1. The day taken is the part's last:
# the 10th, the 15th, the month's last day.
_PART_WORDS = {
    10: r"early|beginning\s+of|start\s+of|anfang|début|debut|principios\s+de|comienzos\s+de|inicios?\s+de"
        r"|inizio(?:\s+di)?|início\s+de|começo\s+de|begin|początek|na\s+początku",
    15: r"mid|middle\s+of|mitte|mi|milieu\s+de|mediados\s+de|mitad\s+de|metà(?:\s+di)?|meados(?:\s+de)?"
        r"|metade\s+de|half|medio|midden|połow[aie]|w\s+połowie",
    31: r"late|end\s+of|ende|fin(?:\s+de|\s+d')?|finales\s+de|fines\s+de|final\s+de|fine(?:\s+di)?|fim\s+de"
        r"|finais\s+de|eind(?:e)?(?:\s+van)?|koniec|końc[ua]|pod\s+koniec",
}


def _month_numbers() -> dict[str, int]:
    """January 1 ... December 12 by the lower-case name and abbreviation, in the languages the
    reader knows (`dates.MONTH_NUMBERS`: Polish "grudnia" too; imported here, as pandas with it,
    only when a note is read)."""
    from .dates import MONTH_NUMBERS
    return MONTH_NUMBERS


@functools.cache
def _month_part() -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(n) for n in _month_numbers() if len(n) >= 3), key=len, reverse=True))
    parts = "|".join(f"(?P<p{day}>{words})" for day, words in _PART_WORDS.items())
    return re.compile(rf"(?<!\w)(?:the\s+|la\s+|a\s+|à\s+|in\s+|em\s+|a\s+)?(?:{parts})"
                      rf"(?:\s*-\s*|\s+|(?=l\s))(?:of\s+)?"
                      rf"(?:(?P<month>{names})\.?|(?P<next>{_NEXT_MONTH})|(?P<this>{_THIS_MONTH}))(?!\w)",
                      re.IGNORECASE)


# the month written in, as a part of it says it ("mid month", "mid-month", "early this month",
# "Mitte des Monats", "mi-mois", "a mediados de mes", "a metà mese", "meados do mês", "half deze
# maand", "w połowie miesiąca"); its end is `_month_end`'s
_THIS_MONTH = (r"(?:the\s+|this\s+|des\s+|dieses\s+|du\s+|de\s+ce\s+|del\s+|de\s+|do\s+|deste\s+|della\s+"
               r"|di\s+questo\s+|van\s+de(?:ze)?\s+|deze\s+|tego\s+)?"
               r"(?:month|monats|monat|mois|mes|mese|mês|maand|miesiąca)")


# the month after the one written, as a part of it says it ("early next month", "Mitte nächsten
# Monats", "fin du mois prochain", "a finales del mes que viene", "eind volgende maand")
_NEXT_MONTH = (r"(?:the\s+|des\s+|du\s+|del\s+|l\s+|do\s+|della\s+|van\s+|de\s+)?"
               r"(?:(?:next|nxt|following)\s+(?:month|mth|mo)|(?:nächsten|kommenden)\s+monats|mois\s+prochain"
               r"|mes\s+que\s+viene|próximo\s+mes|mes\s+próximo|mes\s+siguiente|prossimo\s+mese|mese\s+prossimo"
               r"|próximo\s+mês|mês\s+que\s+vem|volgende\s+maand|przyszłego\s+miesiąca)")


# A week said for the employer's answer ("they'll let me know this week", "quedó en llamarme esta
# semana", "Rückmeldung nächste Woche"): the Friday of that week bounds it. Only for a decision,
# news or an answer: "interview this week" gives no day, and dateparser's reading of "next week"
# (a week after the day written) stays for the other kinds.
@functools.cache
def _a_week() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(?:(?P<after>(?:the\s+)?week\s+after\s+next|(?:die\s+)?übernächste[n]?\s+woche)"
        r"|(?P<this>this\s+week|within\s+the\s+week|eow|diese\s+woche|dieser\s+woche|cette\s+semaine"
        r"|(?:en\s+|n)?esta\s+semana|questa\s+settimana|deze\s+week|w\s+tym\s+tygodniu)"
        r"|(?P<next>next\s+week|(?:die\s+)?(?:nächste|kommende)n?\s+woche|la\s+semaine\s+prochaine"
        r"|(?:la\s+)?(?:próxima|proxima|siguiente)\s+semana|(?:la\s+)?semana\s+(?:que\s+viene|próxima)"
        r"|(?:la\s+)?(?:prossima\s+settimana|settimana\s+prossima)|(?:na\s+)?semana\s+que\s+vem"
        r"|volgende\s+week|w\s+przyszłym\s+tygodniu))(?!\w)", re.IGNORECASE)


# the week before the one written in, said as a week ("last week", "vorige week", "la semaine
# dernière"): a bound for the plan, no day to say
_LAST_WEEK = re.compile(
    r"(?:last\s+week|(?:die\s+)?(?:letzte|vergangene)n?\s+woche|la\s+semaine\s+(?:dernière|derniere|passée|passee)"
    r"|la\s+semana\s+pasada|la\s+settimana\s+scorsa|a\s+semana\s+passada|(?:na\s+)?semana\s+passada"
    r"|vorige\s+week|afgelopen\s+week|w\s+(?:zeszłym|ubiegłym)\s+tygodniu|上周|上週|先週|지난\s*주)", re.IGNORECASE)


def approximate(words: str, text: str = "") -> bool:
    """Whether a dated statement's words give only a part of a month, a week or the new year
    ("Mitte Dezember", "end of January", "this week", "after the holidays"), a counted span ("in 2
    wks", "within a fortnight", "next wk"), or, in `text`, a day that opens a week ("w/c 14 Dec",
    "the week of 12/14"): its day is a bound for the plan, never said as a day."""
    words = words.strip()
    cjk_part = _cjk_month_alone().fullmatch(words) if words and max(words) >= "\u3040" else None
    if cjk_part is not None and (cjk_part.group("part") or cjk_part.group("wk")):
        return True     # (a part or a week of a month in Chinese, Japanese or Korean: "12月中旬", "12월 둘째 주")
    if screened(_month_part()).search(words) is not None or _a_week().fullmatch(words) is not None \
            or _LAST_WEEK.fullmatch(words) is not None \
            or _next_year().fullmatch(words) is not None or _year_end().fullmatch(words) is not None \
            or _counted().fullmatch(words) is not None or _next_unit().fullmatch(words) is not None:
        return True
    at = text.find(words) if words and text else -1
    return at > 0 and _week_of().search(text, 0, at) is not None


# the week a day opens, as notes say it ("w/c 14 Dec", "wc 12/14", "week of 12/14", "week commencing",
# "w/b", "Woche vom", "semaine du", "semana del")
@functools.cache
def _week_of() -> re.Pattern[str]:
    return re.compile(r"(?:\bw/[cb]|\bw\.?c\.?|\bwk\s+of|\bweek\s+(?:of|commencing|beginning|starting)"
                      r"|\bwoche\s+(?:vom|ab)|\bsemaine\s+du|\bsemana\s+del?|\bsettimana\s+del)\s*(?:the\s+|dem\s+)?$",
                      re.IGNORECASE)


def _month_part_day(m: re.Match[str], written: dt.date) -> dt.date:
    """The last day of the part of the month `m` says, in that month nearest the day written
    ("late Nov" written on December 2 is last month's, "early January" next year's)."""
    day = next(int(g[1:]) for g, v in m.groupdict().items() if g.startswith("p") and v)
    if m.group("this"):      # (once that part of the month written in is past, the next month's)
        first = written.replace(day=1)
        if min(day, calendar.monthrange(first.year, first.month)[1]) < written.day:
            first = _add_months(first, 1)
        month, year = first.month, first.year
    elif m.group("next"):
        first = _add_months(written.replace(day=1), 1)
        month, year = first.month, first.year
    else:
        month = _month_numbers()[m.group("month").lower().rstrip(".")]
        year = min((written.year - 1, written.year, written.year + 1),
                   key=lambda y: (abs((y - written.year) * 12 + month - written.month), -y))   # a tie: ahead
    day = next(int(g[1:]) for g, v in m.groupdict().items() if g.startswith("p") and v)
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


# "end of next week", "Ende der Woche", "fin de la semaine prochaine", "fin de la próxima semana":
# the Friday of that week
@functools.cache
def _week_end() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:end\s+of\s+(?:the\s+|this\s+)?(?P<n1>next\s+)?week"
        r"|ende\s+(?:der|dieser|(?P<n2>nächste[rn]?|kommende[rn]?))\s+woche"
        r"|fin\s+de\s+(?:la\s+|cette\s+)?semaine(?P<n3>\s+prochaine)?"
        r"|fin(?:al)?\s+de\s+(?:la\s+|esta\s+)?(?P<n4>próxima\s+|siguiente\s+)?semana(?P<n5>\s+que\s+viene)?"
        # Italian, Portuguese, Dutch, Polish: "entro fine settimana", "até o fim da semana", "eind
        # van de week", "do końca (przyszłego) tygodnia"
        r"|fine\s+(?:della\s+|di\s+questa\s+)?(?P<n6>prossima\s+)?settimana(?P<n7>\s+prossima)?"
        r"|(?:fim|final)\s+d[aeo]\s+(?:esta\s+)?(?P<n8>próxima\s+)?semana(?P<n9>\s+que\s+vem)?"
        r"|eind(?:e)?\s+(?:van\s+)?(?:de|deze|(?P<n10>volgende))\s+week"
        r"|(?:koniec|końca)\s+(?:tego\s+)?(?P<n11>przyszłego\s+)?tygodnia"
        # the middle of a week, its Wednesday: "Mitte nächster Woche", "milieu de la semaine prochaine",
        # "mediados de la semana que viene", "metà della prossima settimana", "meio da próxima semana",
        # "midden volgende week", "połowa przyszłego tygodnia", "mid next week"
        r"|(?P<mid>mid(?:dle)?(?:\s+of)?(?:\s+the)?\s+(?P<n12>next\s+)?week"
        r"|mitte\s+(?:der\s+|dieser\s+)?(?P<n13>nächste[rn]?\s+|kommende[rn]?\s+)?woche"
        r"|(?:au\s+)?milieu\s+de\s+(?:la\s+)?semaine(?P<n14>\s+prochaine)?"
        r"|mediados\s+de\s+(?:la\s+|esta\s+)?(?P<n15>próxima\s+|siguiente\s+)?semana(?P<n16>\s+que\s+viene)?"
        r"|(?:a\s+)?metà\s+(?:della\s+|di\s+questa\s+)?(?P<n17>prossima\s+)?settimana(?P<n18>\s+prossima)?"
        r"|meio\s+d[ao]\s+(?:esta\s+)?(?P<n19>próxima\s+)?semana(?P<n20>\s+que\s+vem)?"
        r"|midden\s+(?:van\s+)?(?:de\s+|deze\s+)?(?P<n21>volgende\s+)?week"
        r"|(?:połowa|połowie)\s+(?:tego\s+)?(?P<n22>przyszłego\s+)?tygodnia))\b",
        re.IGNORECASE)


# "next week" as the languages dateparser's search does not read it say it ("la semaine
# prochaine", "la semana que viene", "semana que vem", "prossima settimana", "w przyszłym
# tygodniu", "kommende Woche"): a week after the day written, as dateparser reads "next week"
@functools.cache
def _next_week() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(?:(?:la\s+)?semaine\s+(?:prochaine|suivante)|(?:la\s+)?(?:próxima|proxima|siguiente)\s+semana"
        r"|(?:la\s+|na\s+)?semana\s+(?:que\s+viene|que\s+vem|próxima|proxima|entrante)"
        r"|(?:na\s+)?(?:próxima|proxima)\s+semana|(?:la\s+)?prossima\s+settimana"
        r"|(?:w\s+)?przyszłym\s+tygodniu|(?:w\s+)?następnym\s+tygodniu|kommende[n]?\s+woche)(?!\w)",
        re.IGNORECASE)


# A counted span of time from the day written ("in 2 wks", "within a fortnight", "in ten days", "in
# zwei Wochen", "dans 15 jours", "za dwa tygodnie"), and "next" with a shortened unit ("next wk",
# "nxt wk", "nächste Wo."): the units in every form CLDR writes them (Babel: "wk", "wks", "mths",
# "Wo.", "sem.", "tyg."), the counts as digits or as the words num2words spells them, or an
# indefinite article ("a", "eine", "une") for one. Read by date arithmetic, not by the parser, which
# reads none of these but a few English and German ones.
_SPAN_BEFORE = {
    # language: the words that put a span ahead of the day written ("in", "within", "after")
    "en": ("in", "within", "after", "in another", "inside of"),
    "de": ("in", "innerhalb von", "innerhalb", "nach", "binnen"),
    "fr": ("dans", "d'ici", "sous", "après", "d’ici"),
    "es": ("en", "dentro de", "después de", "en unos", "en unas"),
    "it": ("tra", "fra", "entro", "dopo"),
    "pt": ("em", "daqui a", "dentro de", "depois de"),
    "nl": ("over", "binnen", "na"),
    "pl": ("za", "w ciągu", "po"),
}
# one, as an article says it, and the feminine forms of two num2words does not spell
_ONE_WORDS = ("a", "an", "one", "ein", "eine", "einer", "einem", "un", "une", "una", "uno", "um", "uma", "een",
              "jeden", "jedna", "jednego")
_COUPLE = (r"a\s+couple\s+of|a\s+couple|couple\s+of|couple|duas|dwie|due|dos|deux|zwei|twee|dois|two|dwa|dwóch")
# a unit CLDR has no name for: a fortnight is two weeks; "une quinzaine", "una quincena" fifteen days
_OTHER_UNITS = {"fortnight": ("week", 2), "fortnights": ("week", 2), "quinzaine": ("day", 15),
                "quincena": ("day", 15), "quindicina": ("day", 15), "quinzena": ("day", 15),
                # German's dative plural after "in" and "nach" ("in 14 Tagen", "nach 3 Monaten"),
                # and the short forms notes write that CLDR does not ("mo", "mos", "wk.")
                "tagen": ("day", 1), "monaten": ("month", 1), "mo": ("month", 1), "mos": ("month", 1)}
_NEXT_WORDS = r"next|nxt|following|nächste[nrs]?|kommende[nrs]?"


# Each word for a day, a week or a month in LANGUAGES, as CLDR writes the unit in its long, short
# and narrow forms (Babel's unit patterns, without the one-letter and the per-unit ones), and the
# numbers two to thirty-one as num2words spells them: tables here, since a refresh should import
# neither Babel nor num2words for its notes' quick look (tests/test_counted_time_words.py compares
# both with the libraries).
UNIT_WORDS = {
    "day": ("dag dagen day days dia dias dni dnia dzień día días gg giorni giorno jour jours tag tage tg."),
    "week": ("sem sem. semaine semaines semana semanas sett. settimana settimane tydz. tydzień tyg. tygodni "
             "tygodnia tygodnie week weeks weken wk wkn wks wo. woche wochen"),
    "month": ("m-c m-ca m-ce m-cy maand maanden mes mese meses mesi mies. miesiąc miesiąca miesiące miesięcy mnd "
              "mois mon. monat monate month months mth mths mês"),
}
COUNT_WORDS = {
    "en": ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
           "sixteen|seventeen|eighteen|nineteen|twenty|twenty-one|twenty-two|twenty-three|"
           "twenty-four|twenty-five|twenty-six|twenty-seven|twenty-eight|twenty-nine|thirty|"
           "thirty-one"),
    "de": ("zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|"
           "sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|einundzwanzig|zweiundzwanzig|dreiundzwanzig|"
           "vierundzwanzig|fünfundzwanzig|sechsundzwanzig|siebenundzwanzig|achtundzwanzig|"
           "neunundzwanzig|dreißig|einunddreißig"),
    "fr": ("deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
           "dix-sept|dix-huit|dix-neuf|vingt|vingt et un|vingt-deux|vingt-trois|vingt-quatre|"
           "vingt-cinq|vingt-six|vingt-sept|vingt-huit|vingt-neuf|trente|trente et un"),
    "es": ("dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|"
           "dieciséis|diecisiete|dieciocho|diecinueve|veinte|veintiuno|veintidós|veintitrés|"
           "veinticuatro|veinticinco|veintiséis|veintisiete|veintiocho|veintinueve|treinta|"
           "treinta y uno"),
    "it": ("due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|"
           "quindici|sedici|diciassette|diciotto|diciannove|venti|ventuno|ventidue|ventitré|"
           "ventiquattro|venticinque|ventisei|ventisette|ventotto|ventinove|trenta|trentuno"),
    "pt": ("dois|três|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|treze|catorze|quinze|dezasseis|"
           "dezassete|dezoito|dezanove|vinte|vinte e um|vinte e dois|vinte e três|vinte e quatro|"
           "vinte e cinco|vinte e seis|vinte e sete|vinte e oito|vinte e nove|trinta|trinta e um"),
    "nl": ("twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|"
           "zestien|zeventien|achttien|negentien|twintig|eenentwintig|tweeëntwintig|drieëntwintig|"
           "vierentwintig|vijfentwintig|zesentwintig|zevenentwintig|achtentwintig|negenentwintig|"
           "dertig|eenendertig"),
    "pl": ("dwa|trzy|cztery|pięć|sześć|siedem|osiem|dziewięć|dziesięć|jedenaście|dwanaście|"
           "trzynaście|czternaście|piętnaście|szesnaście|siedemnaście|osiemnaście|dziewiętnaście|"
           "dwadzieścia|dwadzieścia jeden|dwadzieścia dwa|dwadzieścia trzy|dwadzieścia cztery|"
           "dwadzieścia pięć|dwadzieścia sześć|dwadzieścia siedem|dwadzieścia osiem|"
           "dwadzieścia dziewięć|trzydzieści|trzydzieści jeden"),
}


@functools.cache
def _units() -> dict[str, tuple[str, int]]:
    """Each lower-case word for a day, a week or a month in LANGUAGES (`UNIT_WORDS`), with its unit."""
    out = {word: (unit, 1) for unit, words in UNIT_WORDS.items() for word in words.split()}
    out.update(_OTHER_UNITS)
    return out


@functools.cache
def _count_words() -> dict[str, int]:
    """Numbers one to thirty-one as words in LANGUAGES (`COUNT_WORDS`), and "one" as an article says it."""
    out = {word: 1 for word in _ONE_WORDS}
    for words in COUNT_WORDS.values():
        for n, word in enumerate(words.split("|"), start=2):
            out.setdefault(word, n)
    return out


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in _longest_first(words))   # type: ignore[arg-type]


@functools.cache
def _counted() -> re.Pattern[str]:
    before = _alternation({w for words in _SPAN_BEFORE.values() for w in words})
    counts = r"\d{1,2}|" + _COUPLE + "|" + _alternation(_count_words())
    return re.compile(rf"(?<!\w)(?:{before})\s+(?:(?:the\s+)?next\s+)?(?P<n>{counts})(?:\s+|(?<=\d)\s*)"
                      rf"(?P<unit>{_alternation(_units())})(?!\w)", re.IGNORECASE)


@functools.cache
def _unit_word() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(_units())})(?!\w)", re.IGNORECASE)


@functools.cache
def _next_unit() -> re.Pattern[str]:
    # (a whole "next week" or "next month" is read as before, by `_weeks_of_news` and the parser)
    units = {w for w, (unit, _) in _units().items() if unit in ("week", "month")}
    return re.compile(rf"(?<!\w)(?:(?:{_NEXT_WORDS})\s+(?P<unit>{_alternation(units - {'week', 'month'})})"
                      rf"|nxt\s+(?P<full>week|month))(?!\w)", re.IGNORECASE)


def _count(said: str) -> int:
    said = re.sub(r"\s+", " ", said.lower())
    if said.isdigit():
        return int(said)
    if re.fullmatch(_COUPLE, said):
        return 2
    return _count_words().get(said, 0)


def _spans(text: str, written: dt.date) -> Iterator[tuple[int, int, dt.date, None]]:
    """Counted spans and "next" with a shortened unit (`_counted`, `_next_unit`), each a date only
    when its clause says what it is about ("the role was reposted after 3 wks" states none)."""
    # (a unit first: the two patterns open with short common words, "in", "en", "za", that the
    # literal screen lets through in most notes; measured 0.3 s on the wide 10,000-row benchmark)
    if screened(_unit_word()).search(text) is None:
        return
    for m in screened(_counted()).finditer(text):
        unit, times = _units()[m.group("unit").lower()]
        n = _count(m.group("n")) * times
        if n:       # (about nothing, it is dropped once its kind is known: `_read_statements`)
            yield m.start(), m.end(), _after_units(written, unit, n), None
    for m in screened(_next_unit()).finditer(text):
        unit, times = _units()[(m.group("unit") or m.group("full")).lower()]
        kind = _kind(text[:m.start()], text[m.end():])[0]
        if unit == "month":
            yield m.start(), m.end(), _add_months(written.replace(day=1), 1), None
        elif kind in ("decision", "feedback", "answer"):      # their news next week: by its Friday
            friday = written + dt.timedelta(days=4 - written.weekday())
            yield m.start(), m.end(), friday + dt.timedelta(days=7 if friday >= written else 14), None
        elif kind != "date":
            yield m.start(), m.end(), written + dt.timedelta(days=7 * times), None


def _after_units(written: dt.date, unit: str, n: int) -> dt.date:
    if unit == "month":
        return _add_months(written, n)
    return written + dt.timedelta(days=n * (7 if unit == "week" else 1))


# A day of the month alone ("after the 15th", "nach dem 15.", "después del 15", "après le 15"): the
# next such day after the day it was written
_MONTHS = "|".join(_longest_first(_MONTH_STEMS))


# An ordinal before a noun counts things ("after the 2nd interview", "for the 3rd round", "nach dem 2.
# Gespräch"): a day of the month is followed by nothing, a stop, a number or time, or a word of the
# closed classes (a preposition, conjunction, pronoun or auxiliary: "on the 3rd at 10", "by the 21st
# she said"); in German, by no capitalised noun.
_AFTER_A_DAY = ("at", "and", "or", "to", "then", "if", "but", "so", "when", "as", "with", "for", "re", "about", "in",
                "from", "until", "till", "by", "before", "after", "around", "pm", "am", "i", "we", "she", "he",
                "they", "you", "it", "is", "was", "will", "would", "should", "could", "can", "may", "might", "be",
                "latest", "at the latest", "morning", "afternoon", "evening", "eve", "or so", "ish", "via", "per",
                "hopefully", "probably", "maybe", "apparently", "too", "also", "again", "instead", "onwards",
                "onward", "of this month", "of next month", "this month", "next month")


@functools.cache
def _day_alone() -> re.Pattern[str]:
    follows = "|".join(sorted((w.replace(" ", r"\s+") for w in _AFTER_A_DAY), key=len, reverse=True))
    # (an English weekday may stand before the day, whole or short: "until Wed 9th", "interview Thurs the 10th")
    weekday = r"(?P<wd>(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6})\.?,?\s+(?:the\s+)?"
    return re.compile(
        r"(?:(?:\b(?:after|before|by|until|till|til|thru|through|from|on|for|around|about|due|since|circa|approx)"
        r"|['’]til)\s+(?:the\s+)?(?:" + weekday + r")?|\b" + weekday.replace("wd", "wd2") + r")"
        r"(?P<d1>\d{1,2})(?:st|nd|rd|th)\b"
        r"(?!\s*(?:of\s+)?(?:" + _MONTHS + r"))(?![ \t]+(?!(?:" + follows + r")\b)[a-z])"
        r"|\b(?:dem|den|am)\s+(?P<d2>\d{1,2})\.(?![\d.])(?!\s*(?:" + _MONTHS + r"))(?!\s*(?-i:[A-ZÄÖÜ]))"
        # (Italian elides the article before 8 and 11: "entro l'11", "dall'8")
        r"|(?:\b(?:del|el|le|dia|día|il|dnia)\s+|\bl['’]|\b(?:dal|all|dell|nell|sull)['’])(?P<d3>\d{1,2})\b(?![/.\d])"
        r"(?!\s*(?:de\s+)?(?:" + _MONTHS + r"))",
        re.IGNORECASE)


# the day after the date: "after the 15th" means from the 16th
@functools.cache
def _after() -> re.Pattern[str]:
    return re.compile(r"(?:\bafter|\bnach(?:\s+de[mn])?|\bab(?:\s+de[mn])?|\baprès(?:\s+le)?|\bdespués(?:\s+del?)?"
                      r"|\ba\s+partir(?:\s+d[eoa]l?)?|\bdopo(?:\s+il|\s+l')?|\bdepois(?:\s+d[eoa])?|\bna|\bpo|\bt/m|\btot\s+en\s+met)\s*(?:the\s+)?$",
                      re.IGNORECASE)


# "16-12", "2-12-2026": day-month with dashes, as Dutch writes a date (its short format in CLDR);
# not a range of hours, days or weeks in any language the reader knows ("9-17 uur", "2-3 weken",
# "2-3 semanas")
@functools.cache
def _dashed() -> re.Pattern[str]:
    return re.compile(r"(?<![\d\-/.,])\b(\d{1,2})-(\d{1,2})(?:-(\d{4}|\d{2}))?(?![\d\-/])"
                      r"(?!\s*(?:(?:" + _TIME_UNITS + r"|u|h|min)\b|%))", re.IGNORECASE)


@functools.cache
def writes_dashes(language: str) -> bool:
    """Whether `language` writes a short date with dashes between day and month ("16-12-2026")."""
    from babel.dates import get_date_format
    try:
        pattern = get_date_format("short", locale=language).pattern
    except (ValueError, LookupError):
        return False
    return re.search(r"d+-M+|M+-d+", pattern) is not None and pattern.find("d") < pattern.find("M")


_DECIMAL_AMOUNT = re.compile(r"\d+\.\d+\s*(?:[%万萬千천만억배倍元]|k\b)", re.IGNORECASE)
_MONEY = re.compile(r"(?:[$£€¥₹₦]\s?|\b(?:usd|eur|gbp|hkd|kes|ksh|cad|aud|nzd|inr|sgd|chf|pln)\s?)"
                    r"\d[\d,.]*(?:\s?[km]\b)?|\b\d{1,3}(?:,\d{3})+(?![\d,])", re.IGNORECASE)
_DATE_THEN_PART_OF_DAY = re.compile(r"(\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?)\s*[ap]\.?m\b\.?", re.IGNORECASE)


@functools.cache
def _dotted() -> re.Pattern[str]:
    # "7.12." and "7.12.2026"; "10.12" without the last dot too (German, Dutch and Polish notes drop
    # it), unless it is a time of day ("um 10.30", "10.15 Uhr", "o 9.45") or a number ("3.800", "1.5.2")
    return re.compile(r"(?<![\d.,])\b(?<!\bum )(?<!\bo )(?<!\bom )(?<!\bà )(?<!\balle )(?<!\bat )(?<!\bgodz\. )"
                      r"(\d{1,2})\.(\d{1,2})(?!\d)(?:\.(?:(\d{4}|\d{2})(?![\d.])|(?![\d.]))|(?![\d.,]\d)(?!\s*(?:uhr|h\b|godz|uur|k\b|[%万萬千천만억배倍元년年]|시간|小时)))",
                      re.IGNORECASE)


# A fragment dateparser found is a date only with a month, a numeric date or a weekday/period in it
# ("may", "so" or "am 7" alone are words, not dates).
@functools.cache
def _date_like() -> re.Pattern[str]:
    return re.compile(r"\d{1,4}\s*[/.]\s*\d{1,2}|\d{3,4}\s*-\s*\d{1,2}|" + _HYPHEN_DAY_MONTH
                      + r"|\d{4}-\d{2}-\d{2}|\b(?:" + "|".join(
        _longest_first(set(_MONTH_STEMS) - {"may", "mar", "mes", "sept"}))
        + r")[a-zé]*\.?(?:\s|$|,)|\bmay\s+\d|\d\s+may\b|\b(?:mar|sept)\.?\s*\d|\d\s*(?:mar|sept)\b|"
        # ("March" is a word too: a month with a day; alone after a word of when, `_when_before`)
        + r"\bmarch\s+\d|\d(?:st|nd|rd|th)?\s+(?:of\s+)?march\b|"
        + "|".join(_PERIOD_WORDS), re.IGNORECASE)


def _when_before(text: str, fragment: str) -> bool:
    """Whether `fragment` is "March" or "May" alone after a word of when ("Paused until March",
    "back in May"): a month then, not the verb."""
    words = fragment.strip().lower().rsplit(None, 1)
    if not words or words[-1] not in ("march", "may"):
        return False
    if len(words) == 2:        # ("in May": the parser took the word of when in)
        return _when_word().search(words[0]) is not None
    at = text.find(fragment)
    return at > 0 and _when_word().search(text[:at]) is not None


@functools.cache
def _when_word() -> re.Pattern[str]:
    return re.compile(r"\b(?:until|till|til|in|by|from|since|before|after|early|mid|late|end\s+of|beginning\s+of"
                      r"|start\s+of)\s*$", re.IGNORECASE)


LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")   # the Latin-script languages the reader knows


class Statement(NamedTuple):
    date: dt.date
    kind: str        # hold | decision | feedback | answer | interview | back | call_back | date | logged | noted
    words: str       # the words that state it, as written
    mine: bool = False   # an answer or a deadline the user owes ("need to answer by", "Frist"), not the employer's


@functools.cache
def _mine() -> re.Pattern[str]:
    """What makes an answer's date the user's own: a deadline word, or the writer's own obligation
    or answer ("I need to", "ich muss", "je dois", "tengo que", "devo", "preciso", Portugal's "tenho de",
    "moet", "muszę",
    "my answer"); without it an answer is the employer's ("réponse promise avant le 3")."""
    return re.compile(
        r"\bdeadline|\bdue\b|\bfrist|date limite|\bplazo|\bscadenz|\bprazo|\btermin\b|\buiterste"
        r"|\b(?:i|we)\s+(?:need|have|must|should|got|ought)\b|\bneed\s+to\b|\bhave\s+to\b|\bmust\b|\bmy\s+(?:answer|reply|response|decision)"
        r"|\bmuss\b|\bmüssen\b|\bmeine\s+(?:antwort|entscheidung)|\bje\s+dois\b|\bdois\b|\bma\s+réponse"
        r"|\btengo\s+que\b|\bdebo\b|\bmi\s+respuesta|\bdevo\b|\bla\s+mia\s+risposta|\bpreciso\b|\btenho\s+(?:que|de)\b"
        r"|\bminha\s+resposta|\bmoet\b|\bmijn\s+antwoord|\bmuszę\b|\bmoja\s+odpowied|\bmam\s+czas",
        re.IGNORECASE)


@functools.cache
def _conjunction() -> re.Pattern[str]:
    return re.compile(r"(?<!-)\s(?:but|and|or|aber|und|oder|mais|et|ou|pero|y|e|o|ma|però|mas|maar|en|of|ale|i|lub"
                      r"|oraz)\s", re.IGNORECASE)


@functools.cache
def _by_a_day() -> re.Pattern[str]:
    """A word of relation right before a date that makes it a day to act by ("by", "bis", "avant",
    "hasta", "entro", "até", "voor", "przed"), not one to act from ("after", "ab", "après")."""
    return re.compile(r"\b" + _BY + r"\s*$", re.IGNORECASE)


@functools.cache
def _until_a_day() -> re.Pattern[str]:
    """"until" right before a date, in the languages the reader knows (with the article some put
    between: "bis zum", "jusqu'au", "hasta el", "fino al", "até o")."""
    return re.compile(r"\b(?:until|till|til|bis(?:\s+(?:zum|zur|einschließlich))?|jusqu['’]\s*(?:au|à|a)"
                      r"|hasta(?:\s+el)?|fino\s+a[l']?|até(?:\s+[oa])?|tot(?:\s+en\s+met)?|do)\s*$", re.IGNORECASE)


_BY = r"(?:by|until|till|before|bis|spätestens|avant|d['’]ici|antes\s+del?|hasta|entro|até|voor|uiterlijk|przed)"
# ... and within a span ("within two weeks", "binnen twee weken", "innerhalb von", "dans les", "w ciągu")
_WITHIN = r"(?:within|innerhalb|binnen|dans\s+les|dentro\s+de|em\s+até|w\s+ciągu)"


@functools.cache
def _by_or_within() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words before a date, and a date's own opening words, that make it a day something comes
    by: `_by_a_day`'s and those of a span ("within two weeks")."""
    either = rf"(?:{_BY}|{_WITHIN})"
    return re.compile(rf"\b{either}\s*$", re.IGNORECASE), re.compile(rf"\s*{either}\b", re.IGNORECASE)


@functools.cache
def _owed_answer() -> re.Pattern[str]:
    """The verbs of the answer to an offer: to accept, confirm or turn it down, or to decide."""
    return re.compile(r"\b(?:zusag|absag|annehm|confirm|conferm|bevestig|potwierdz|beslis|decid|entscheid|décid"
                      r"|zdecyd|acept|accett|aceit|akcept|accept)\w*", re.IGNORECASE)


@functools.cache
def _unanswered() -> re.Pattern[str]:
    """Not answering (the phone), in the languages the reader knows."""
    return re.compile(
        negations.latin() + r"\s+(?:[\w'’]+\s+){0,2}?"
        r"(?:répond\w*|repond\w*|décroch\w*|decroch\w*|rispo\w*|contest\w*|atend\w*|respond\w*|answer\w*"
        r"|antwort\w*|rangeh\w*|rangegangen"
        r"|opnem\w*|opgenomen|odebra\w*|pick\w*\s+(?:it\s+)?up)", re.IGNORECASE)


# A day said with a doubt ("prob", "maybe", "vielleicht", "peut-être", "quizás", "forse", "talvez",
# "misschien", "może"): a guess, not a day set
@functools.cache
def _hedged() -> re.Pattern[str]:
    return re.compile(r"\b(?:prob|probably|maybe|possibly|perhaps|hopefully|tentative(?:ly)?|tbc|vielleicht|eventuell"
                      r"|peut-être|peut-etre|probablement|quizás?|tal\s+vez|probablemente|forse|probabilmente"
                      r"|talvez|provavelmente|misschien|waarschijnlijk|może|prawdopodobnie)\b", re.IGNORECASE)


def _kind(before: str, after: str = "", said_as: str = "") -> tuple[str, bool]:
    """What a date is about, and whether it is the user's own answer or deadline: the words
    before it in its clause, else those after it up to a comma (only the kinds a verb at the end
    can say). `said_as`: the date's own words, which may open with "by"."""
    # (not answering the phone is no answer owed or given: "je n'ai pas pu répondre", "no pude contestar")
    unanswered = screened(_unanswered())    # (a quick look first: the negations are many words)
    before, after = unanswered.sub(" ", before), unanswered.sub(" ", after)
    clause = _clause_end().split(before)[-1]
    # (a verb after "but" or "and" is another clause's: "mi hanno chiamato il 2/12 ma non ho risposto")
    rest = _conjunction().split(re.split(r",\s|\s[-–—]\s", _clause_end().split(after, maxsplit=1)[0], maxsplit=1)[0],
                                maxsplit=1)[0]
    # the nearest words first: those since the last comma, then the verb after the date, then the
    # whole clause ("Gespräch lief gut, ich muss bis 3.12. antworten" is an answer, not a talk);
    # within words before the date, the kind whose word ends nearest it ("first interview 1/12,
    # they'll be in touch by 11/12" is news, not an interview)
    near = re.split(r",\s", clause)[-1]
    # (a verb split around the date, as Dutch and German do: "ze laten voor 11 december iets
    # weten", "sie geben bis Freitag Bescheid": the words on both sides, read as one, for the
    # kinds a verb at the end can say)
    around = (near + " " + rest, True)
    tries = ((near, False), (rest, True), around, (clause, False)) if near != clause \
        else ((clause, False), (rest, True), around)
    for words, verb_last in tries:
        nearest, said = -1, ""
        for kind, regex in _after_kinds() if verb_last else _kinds():
            if verb_last:
                # (an absence said after its day only after "until": "bis 9.12. auf Urlaub", "do
                # 14.12 na urlopie"; "Jan is ziek tot 14 december" is no absence until January)
                if regex.search(words) and (kind != "back" or _until_a_day().search(before)):
                    said = kind
                    break
                continue
            ends = [m.end() for m in regex.finditer(words)]
            if ends and ends[-1] > nearest:
                nearest, said = ends[-1], kind
        if said == "interview" and words is not near \
                and (_by_or_within()[0].search(before) or _by_or_within()[1].match(said_as)):
            return "feedback", False  # "second interview done, by 15/12": a talk is held on a day, news comes by one
        if said in ("decision", "date", "call_back") and _mine().search(clause + " " + rest) is not None \
                and (said == "decision" or _owed_answer().search(clause + " " + rest)):
            return "answer", True     # "moet beslissen tegen 11/12", "muss bis 11.12. zusagen": mine to give
        if said == "call_back" and _by_a_day().search(before):
            return "answer", True     # "soll mich bis Freitag melden": a day to have called by, not to call from
        if said == "interview" and _hedged().search(near + " " + rest):
            return "date", False     # "panel next wk prob", "2nd round maybe Thurs": no interview set for that day
        if said:
            mine = said == "answer" and _mine().search(clause + " " + rest) is not None
            if said == "answer" and not mine and dict(_kinds())["feedback"].search(words):
                said = "feedback"     # "ficaram de dar a resposta": their answer is their news
            return said, mine
    if _mine().search(clause + " " + rest) is not None and _owed_answer().search(clause + " " + rest):
        return "answer", True
    return "date", False


def _quarter_start(written: dt.date, quarter: int | None) -> dt.date:
    """The first day of quarter `quarter` after `written` (None: of the next quarter)."""
    current = (written.month - 1) // 3 + 1
    target = current % 4 + 1 if quarter is None else quarter
    year = written.year + (1 if target <= current else 0)
    return dt.date(year, 3 * (target - 1) + 1, 1)


# A note kept as a log: each entry opens with the day it was written ("3/12 HR called, we meet
# Thursday", "14.11. Mailbox"), at the start of the cell, of a line or of a sentence. Such a date says when the
# entry happened, not a day to come.
@functools.cache
def _entry_date() -> re.Pattern[str]:
    return re.compile(r"(?:^|\n|(?<=[a-zäöüéèàç!]\.\s))[ \t\-•*]*"
                      r"(\d{1,2})\s?([/.\-])\s?(\d{1,2})(?:\2(\d{4}|\d{2}))?\.?(?![\d/])"
                      r"(?:\s*[:\-–]\s*|\s+)(?=[^\W\d])")


def _entries(text: str, written: dt.date, day_first: bool) -> list[tuple[int, int, dt.date | None]]:
    """(start, end, its day) of each entry of a log kept in `text`; one entry with no day of its
    own when the text is no such log. An entry's day is read as the note's other dates are (a
    dotted one day first, a slashed one in the order given)."""
    found = []
    for m in _entry_date().finditer(text):
        first, second = int(m.group(1)), int(m.group(3))
        # (in Chinese, Japanese or Korean text a dotted date is month.day too: '12.2 1차면접')
        day, month = (first, second) if day_first or (m.group(2) == "." and not _cjk_char().search(text)) \
            else (second, first)
        when = _day_month(day, month, m.group(4), written)
        if when is not None:
            found.append((m.start(1), m.end(), when))
    if not found:
        return [(0, len(text), None)]
    out: list[tuple[int, int, dt.date | None]] = [(0, found[0][0], None)] if text[:found[0][0]].strip() else []
    for k, (start, _, when) in enumerate(found):
        out.append((start, found[k + 1][0] if k + 1 < len(found) else len(text), when))
    return out


def _entry_kind(rest: str) -> str:
    """What an entry's opening day is about: what its first words say ("10/12 entrevista" is the
    interview's day, "2/12 Entscheidung bis Freitag" a decision's); the day the entry was only
    written when its first clause gives another day ("noted": "4/12 we met on Thursday"); else the
    day of what the entry tells ("logged"; a call is what happened that day: "4/12 me llamaron", "20.11. Rückruf von
    HR"; one still to come is planned for that day, which the plan knows from today)."""
    # (the stops of Chinese and Japanese end a clause too, and so does a space after their letters:
    # '12/3 内定の電話をもらった 回答期限は12/10' is the call's day, the answer's is another)
    # (in Chinese and Japanese, whose words take no spaces, any space: '12/1 收到offer 要求12/8前回覆';
    # the first words below stop at one after their letters or before the next date)
    cjk = _cjk_char().search(rest) is not None
    spaced = r"|(?<=[\u3040-\u30ff\u4e00-\u9fff])\s+|\s+(?=\d{1,2}[/.月])" if cjk else ""
    unspaced = r"|\s+" if cjk and not _HANGUL_LETTER.search(rest) else spaced
    clause = re.split(r"[,;!?\n。！？；，]|(?<![0-9])\." + not_a_titles_stop() + r"\s" + unspaced, rest, maxsplit=1)[0]
    if _absolute().search(_without_false_months(clause, LANGUAGES)):
        return "noted"     # "4/12 nos vimos el jueves": the day it was written; the meeting's is Thursday
    first = re.split(r"[,;.!?\n。、，；！？]|\d" + spaced, rest, maxsplit=1)[0]
    for kind, regex in _kinds():
        if kind != "call_back" and regex.search(first):
            return kind
    # "12/4 一次面接おわった": the interview's day; of several, the word the entry opens with
    # ("12/3 一面結束 下週會通知結果" is the interview's, the result comes next week)
    hits = [(m.start(), kind) for kind, regex in _cjk_kinds() if kind != "call_back"
            for m in [regex.search(first)] if m]
    return min(hits)[1] if hits else "logged"


@functools.lru_cache(maxsize=4096)
def read_statements(text: str, written: dt.date, day_first: bool = False,
                    languages: tuple[str, ...] = LANGUAGES, until: dt.date | None = None) -> tuple[Statement, ...]:
    """Every date `text` states, each read as the writer meant it on `written` (a date without a
    year is the next such day after it), with what the date is about. `languages`: those the
    parser tries (each costs time; the run's language and English are enough for one tracker).
    A note kept as a log ("3/12 HR called, we meet Thursday") is read entry by entry, each from the
    day it opens with (kind "logged" when nothing in it says the day is about something else). `until`: the
    latest day the note may have been written, when the row does not say (a tracker without a
    last contact, read on the refresh day): a weekday said in the past is then the last such day
    before it that is not before `written` ("called them Friday")."""
    if not may_state_a_date(text):
        return ()
    entries = _entries(text, written, day_first)
    if len(entries) > 1 or entries[0][2] is not None:
        out: list[Statement] = []
        for start, end, when in entries:
            piece = text[start:end]
            said = _read_statements(piece, max(written, when) if when else written, day_first, languages)
            if when is not None and said and said[0].date == when \
                    and piece.lstrip(" \t-•*").startswith(said[0].words.split()[0]):
                said = (Statement(when, _entry_kind(piece[len(said[0].words):]), said[0].words), *said[1:])
            out.extend(said)
        return tuple(out)
    said = _read_statements(text, written, day_first, languages, until)
    if until is None or until <= written or not any(
            st.date < written and not re.search(r"\d", st.words) and not _absolute().search(st.words) for st in said):
        return said
    # a past said relative to the day of writing ("HR called yesterday", "emailed last week"), in a
    # row that does not say when its note was written: read from the refresh day, when that fits
    again = {st.words: st for st in _read_statements(text, until, day_first, languages)}
    return tuple(_from_until(st, again.get(st.words), written, until) for st in said)


def _from_until(said: Statement, late: Statement | None, written: dt.date, until: dt.date) -> Statement:
    """`said` (read from `written`), or `late` (the same words read from `until`) when they state
    a day relative to the writing ("yesterday", "last week", "2 days ago") that was in the past."""
    if late is None or re.search(r"\d", said.words) or _absolute().search(said.words):
        return said
    if said.date < written and written <= late.date < until:
        return late
    return said


def _for_the_parser(text: str, taken: list[tuple[int, int]]) -> str:
    """`text` as the date parser is to read it: the dates already read, times of day and amounts
    blanked out (the same length, so places stay), the first of a month made plain."""
    rest = text
    for start, end in taken:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    rest = _time_of_day().sub(lambda m: " " * len(m.group()), rest)    # "a las 11" is no 11th
    # the first of a month as French, Spanish, Portuguese and Italian write it ("le 1er déc", "1º de
    # dezembro"): the parser reads no day in "1er" and dropped the note's other dates with it
    rest = _first_of_month().sub(lambda m: m.group(1) + " " * (len(m.group()) - 1), rest)
    if "." in rest:     # nor is an amount with its decimals ('3.5%', '4.5천', '3.5k') a day and month
        rest = _DECIMAL_AMOUNT.sub(lambda m: " " * len(m.group()), rest)
    # nor is a sum of money a year ("on 3rd December at £68,000" is no day in 2068), and a part of
    # the day right after a date ("called 4/12 pm") is no clock time that takes the date's figures
    # (looked for only in a note with a currency sign or a comma: the pattern took 15 µs a note, the
    # look 0.3 µs, and a sum is written with one or the other)
    if "," in rest or any(sign in rest for sign in "$£€¥₹₦"):
        rest = _MONEY.sub(lambda m: " " * len(m.group()), rest)
    return _DATE_THEN_PART_OF_DAY.sub(lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))), rest)


def _read_statements(text: str, written: dt.date, day_first: bool = False,
                     languages: tuple[str, ...] = LANGUAGES, until: dt.date | None = None) -> tuple[Statement, ...]:
    if not may_state_a_date(text):
        return ()
    found: list[tuple[int, Statement]] = []
    taken: list[tuple[int, int]] = []
    for start, end, day, kind in cjk_dates(text, written, day_first):     # Chinese, Japanese, Korean
        taken.append((start, end))
        found.append((start, Statement(day, kind, text[start:end].strip(),
                                       kind in ("answer", "decision") and cjk_owed(text, start, end))))
    for start, end, day in _days_back(text, written, languages):     # yesterday, the day before
        if not any(s <= start < e for s, e in taken):
            taken.append((start, end))
            found.append((start, _statement(text, start, end, day)))
    dashes = day_first and any(writes_dashes(x) for x in languages if x != "en") and "-" in text
    named = _spoken_statements(text, written, dashes, until, found, taken)
    rest = _for_the_parser(text, taken)
    clauses = _date_clauses(rest, languages)
    for (start, end, day), (a, b) in _weekday_clauses(clauses, written, languages, named):
        said = _statement(text, start, end, day)
        if day != written and (said.kind != "date" or _absolute().search(said.words)):   # as below
            found.append((start, said))
        clauses = clauses[:a] + " " * (b - a) + clauses[b:]     # the rest of the clause states no date
    for fragment, when in _search(clauses, written, "DMY" if day_first else "MDY", languages):
        if not _date_like().search(fragment) and not _when_before(clauses, fragment):
            continue      # (a time of day with a date, "12/10 at 2pm", is that day)
        if when.date() == written and not re.search(r"\d", fragment):
            continue        # "this week", "today": no day of its own
        start = rest.find(fragment)
        if start < 0 and " " in fragment:     # (the parser gives a run of spaces as one)
            spaced = re.search(r"\s+".join(map(re.escape, fragment.split())), rest)
            start, fragment = (spaced.start(), spaced.group()) if spaced else (-1, fragment)
        if start >= 0 and _no_day_here(fragment, rest, start):
            continue
        if start >= 0 and all(not (s <= start < e) for s, e in taken):
            day = _recent(_its_digits(fragment, when.date(), day_first, written), fragment, written)
            said = _statement(text, start, start + len(fragment), day)
            # a period about nothing is no date; yesterday is a day of its own
            if said.kind != "date" or _absolute().search(fragment) or _YESTERDAY.search(fragment):
                found.append((start, said))
    return tuple(_in_its_tense(text, start, _its_month(_its_weekday(_on_its_weekday(s, written), written), written),
                               written, until)
                 for start, s in _one_day_each(text, sorted(found, key=lambda f: f[0]), written))


@functools.cache
def _days_back_said(french: bool) -> re.Pattern[str]:
    one = _ONE_DAY_BACK + ("|hier" if french else "")
    return re.compile(rf"\b(?:(?P<two>{_TWO_DAYS_BACK})|(?P<one>{one}))\b", re.IGNORECASE)


def _days_back(text: str, written: dt.date, languages: tuple[str, ...]) -> Iterator[tuple[int, int, dt.date]]:
    """(start, end, day) of each "yesterday" (the day before `written`) and "the day before
    yesterday" (two days before) said in words ("gestern", "hier", "ayer", "ieri", "ontem",
    "gisteren", "wczoraj"; "vorgestern", "avant-hier", "anteayer", "l'altro ieri", "anteontem",
    "eergisteren", "przedwczoraj"). Chinese, Japanese and Korean say them as their other near
    days are read (`cjk_dates`)."""
    french = "fr" in languages and not {"de", "nl"} & set(languages)
    for m in screened(_days_back_said(french)).finditer(text):
        yield m.start(), m.end(), written - dt.timedelta(days=2 if m.group("two") else 1)


# What may stand between a weekday and the date it names ("Fri 12/11", "Dienstag, den 15.12.",
# "até sexta 11/12", "next week Tuesday"): spaces, a comma or an abbreviation's stop, and at most
# one short word that is no conjunction and no word of a range ("Mon and 12/15", "od poniedziałku
# do 15.12" are two days)
_NAMING_GAP = re.compile(r"\.?[\s,]*(?:(?!(?:to|til|bis|do|tot|até|ate|au|al|a|à|or|ou|o|of|lub|en|et|e|i|y|und"
                         r"|and|then|dann)\b)[^\W\d_]{1,4}\.?[\s,]+)?", re.IGNORECASE)
_NEXT_WEEK_SAID = re.compile(r"(?:(?:next|nxt|following|nächste[nrs]?|kommende[nrs]?|volgende|komende)\s+"
                             r"(?:week|wk|woche|wo\.?)|" + _next_week().pattern + ")", re.IGNORECASE)


def _weekday_only(said: Statement) -> bool:
    """Whether `said` names a weekday and no day of the month ("until Fri", "na terça", "dinsdag")."""
    low = said.words.casefold()
    return not re.search(r"\d", low) and any(m.group() in _weekday_numbers() or m.group() in _SHORT_WEEKDAYS
                                             or m.group() in _WEEKDAYS for m in re.finditer(r"[^\W\d_]+", low))


def _one_day_each(text: str, found: list[tuple[int, Statement]], written: dt.date) -> list[tuple[int, Statement]]:
    """The statements of `found` (by their start), with a weekday said right beside the day it
    names made one statement: beside a date ("Fri 12/11", "até sexta 11/12") it is that date,
    with the weekday's kind when the date has none ("bis Freitag 11.12."); beside "next week"
    ("volgende week dinsdag", "Tuesday next week") it is that weekday of the week after the one
    written in, not a day of its own."""
    out = list(found)
    i = 0
    while i + 1 < len(out):
        (a, first), (b, second) = out[i], out[i + 1]
        end = text.find(first.words, a) + len(first.words) if text.find(first.words, a) >= 0 else -1
        if end < 0 or end > b or not _NAMING_GAP.fullmatch(text, end, b):
            i += 1
            continue
        pair = (first, second)
        day = [st for st in pair if _weekday_only(st)]
        other = [st for st in pair if not _weekday_only(st)]
        if len(day) != 1:
            i += 1
            continue
        weekday, dated = day[0], other[0]
        kind, mine = dated.kind, dated.mine or weekday.mine
        if kind == "date":
            kind = weekday.kind
        if _NEXT_WEEK_SAID.fullmatch(dated.words.strip()):
            monday = written + dt.timedelta(days=7 - written.weekday())
            when = monday + dt.timedelta(days=weekday.date.weekday())
        elif re.search(r"\d", dated.words) or any(stem in dated.words.casefold() for stem in _MONTH_STEMS):
            when = dated.date
        else:
            i += 1
            continue
        words = text[a:b + len(second.words)] if text.find(second.words, b) == b else dated.words
        out[i:i + 2] = [(a, Statement(when, kind, words.strip(), mine))]
    return out


def _spoken_statements(text: str, written: dt.date, dashes: bool, until: dt.date | None,
                       found: list[tuple[int, Statement]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The statements of the dates `_spoken_dates` reads, added to `found` and their spans to
    `taken`; returns the spans of those said as a day and a month's name."""
    named: list[tuple[int, int]] = []
    for start, end, day, lead in _spoken_dates(text, written, dashes, until):
        if any(s <= start < e for s, e in taken):
            continue
        said = _statement(text, start, end, day, None if lead == _NAMED else lead)
        if said.kind == "date" and _counted().fullmatch(said.words):
            continue        # a span about nothing: "the ad was reposted after 3 wks"
        taken.append((start, end))
        found.append((start, said))
        if lead == _NAMED:
            named.append((start, end))
    return named


def _its_month(said: Statement, written: dt.date) -> Statement:
    """A month's name alone ("tot januari", "bis Januar", "until March") is the first day of that
    month after `written`: the parser reads some languages' names alone as another day (dateparser
    1.2 reads Dutch "januari" as a day of November)."""
    number = _month_numbers().get(said.words.strip(" .,").lower())
    if number is None:
        return said
    year = written.year + (1 if number <= written.month else 0)
    return Statement(dt.date(year, number, 1), said.kind, said.words, said.mine)




@functools.cache
def _italian_never() -> re.Pattern[str]:
    """An Italian negation, a word or two before "mai" ("non mi hanno mai chiamato")."""
    return re.compile(r"\b(?:" + "|".join(negations.LATIN["it"]) + r")(?:\s+[\w'’]+){0,2}\s+$", re.IGNORECASE)


def _no_day_here(fragment: str, rest: str, start: int) -> bool:
    """Whether what the parser read as a date at `start` of `rest` is none: an ordinal
    ("segunda entrevista" is the second interview, not Monday's) or a range of days or weeks
    ("za 2-3 tygodnie")."""
    if _ORDINAL_DAYS.fullmatch(fragment.strip()) and not _DAY_RELATION_PT.search(rest[:start]):
        return True
    if fragment.strip().casefold() == "mai" and _italian_never().search(rest, max(0, start - 40), start):
        return True     # "nessuno ha mai risposto": Italian's never, not the French May
    return _A_RANGE.fullmatch(fragment.strip()) is not None \
        and _UNIT_AFTER.match(rest, start + len(fragment)) is not None


# A date in figures (`2/12`, `20.11`) with a word before it in the parser's reading: the date's
# day and month are its figures. The parser reads some short words before one as a number
# ("a 2/12", Portugal's "on 2 December", became February 1, 2112: "a" as one).
_FIGURES = re.compile(r"(?<![\d/.\-])(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?(?![\d/.]\d)")


def _its_digits(fragment: str, day: dt.date, day_first: bool, written: dt.date) -> dt.date:
    """`day` as the parser read `fragment`, or the date its figures say (a year-less one the next
    such day after `written`) when the parser's reading does not have that day and month."""
    m = _FIGURES.search(fragment)
    if m is None or m.start() == 0:
        return day
    a, b = int(m.group(1)), int(m.group(2))
    d, mo = (a, b) if day_first else (b, a)
    if not 1 <= mo <= 12 and 1 <= d <= 12:
        d, mo = mo, d     # the other order is its only reading ("12/15" in a day-first tracker is December 15)
    if (day.day, day.month) == (d, mo) or not 1 <= mo <= 12:
        return day
    return _day_month(d, mo, m.group(3), written) or day


@functools.cache
def _first_of_month() -> re.Pattern[str]:
    return re.compile(r"(?<![\d.,/])(1)(?:er|re|ère|º|°|o\.)(?=\s+(?:de\s+|di\s+)?(?:" + _MONTHS + r"))", re.IGNORECASE)


def _english_weekday(word: str) -> int | None:
    """Monday 0 ... Sunday 6 for an English weekday written whole or short ("Wed", "Weds", "Thurs",
    "Tuesday"), else None."""
    low = word.casefold()
    for number, name in enumerate(calendar.day_name):
        name = name.casefold()
        if len(low) >= 3 and (name.startswith(low) or low == name[:3] + "s"):
            return number
    return None


def _day_on_weekday(day: int, weekday: int, written: dt.date) -> dt.date | None:
    """Day `day` of the month in which it falls on `weekday`: the first such on or after
    `written`, else the last before it ("Wed 9th": the 9th that is a Wednesday)."""
    days = []
    for months in range(-2, 4):
        year, month = written.year + (written.month - 1 + months) // 12, (written.month - 1 + months) % 12 + 1
        if day <= calendar.monthrange(year, month)[1] and dt.date(year, month, day).weekday() == weekday:
            days.append(dt.date(year, month, day))
    later = [d for d in days if d >= written]
    return later[0] if later else days[-1] if days else None


def _on_its_weekday(said: Statement, written: dt.date) -> Statement:
    """A weekday with a day of the month and no month ("miércoles 9", "Mittwoch, den 9.", "mercredi
    9") is that day in the month where it falls on that weekday: the first such after `written`,
    else the last before it."""
    m = re.search(r"(?<![\d/.])(\d{1,2})(?![\d/.]\d)", said.words)
    if m is None or _date_like().search(re.sub(r"\d", "", said.words)) is None \
            or re.search(r"\d\s*[/.\-]\s*\d", said.words):
        return said
    names = [w for w in re.findall(r"[^\W\d_]+", said.words.casefold()) if w in _weekday_numbers()]
    if not names or any(stem in said.words.casefold() for stem in _MONTH_STEMS if len(stem) > 3):
        return said
    found = _day_on_weekday(int(m.group(1)), _weekday_numbers()[names[0]], written)
    return said if found is None else Statement(found, said.kind, said.words)


def _its_weekday(said: Statement, written: dt.date) -> Statement:
    """A weekday said alone falls on that weekday: the parser reads some names as another day
    (dateparser 1.2 reads "quinta-feira", Thursday, as a Friday); then it is the next such day
    after `written`."""
    low = said.words.casefold()
    if re.search(r"\d", said.words) or not any(day in low for day in _WEEKDAYS):
        return said
    names = {_weekday_numbers()[w] for w in re.findall(r"[^\W\d_]+(?:-feira)?", said.words.casefold())
             if w in _weekday_numbers()}
    if len(names) != 1 or said.date.weekday() in names:
        return said
    ahead = (names.pop() - written.weekday()) % 7 or 7
    return Statement(written + dt.timedelta(days=ahead), said.kind, said.words, said.mine)


@functools.cache
def _weekday_numbers() -> dict[str, int]:
    """Monday 0 ... Sunday 6 by the lower-case name, in the Latin-script languages the reader knows (Babel's)."""
    out: dict[str, int] = {}
    for language in LANGUAGES:
        for number, name in _day_names(language):
            out[name.lower()] = number
            out[name.lower().split("-")[0]] = number
    return out


# A time of day said with a word ("a las 11", "um 10 Uhr", "à 14h", "alle 9", "às 10", "om 14.00
# uur", "o 10"): never a day of the month. Taken out before the parser reads the clause, which
# reads "jueves a las 11", "Donnerstag um 14 Uhr" and "giovedì alle 15" as the 11th, 14th and
# 15th (measured with dateparser 1.2); English "Tuesday at 10am" it reads right.
@functools.cache
def _time_of_day() -> re.Pattern[str]:
    return re.compile(r"(?<![\w/])(?:a\s+las?|a\s+la|à|às|as|alle|ore|um|om|o|godz\.?)\s+\d{1,2}(?:[:.h]\d{2})?"
                      r"(?![\d/\-]|\.\d)\s*(?:h\b|uhr\b|uur\b|horas?\b|godz\w*|am\b|pm\b)?", re.IGNORECASE)


# Words that put a clause in the past, in the languages the reader knows: an auxiliary with a
# participle, a past form of "to be", "to have" or "to meet", or yesterday/last. A weekday said in
# the past ("nos vimos el jueves", "hatte am Donnerstag das Gespräch") is the last such day on or
# before the day the note was written, not the next.
_PAST = (r"\b(?:was|were|had|went|met|yesterday|last|hatte|hatten|war|waren|gehabt|gewesen|gestern|letzte[nmr]?"
         r"|lief|j'ai\s+eu|a\s+eu\s+lieu|s'est\s+(?:bien\s+)?passée?|était|hier|dernier|dernière"
         r"|vimos|vi|fui|fue|fuimos|tuve|tuvimos|estuve|ayer|pasado|pasada"
         r"|ho\s+avuto|abbiamo\s+avuto|è\s+andat[oa]|c'è\s+stat[oa]|ieri|scors[oa]"
         r"|tive|teve|tivemos|foi|fiz|fizemos|ontem|passad[oa]"
         r"|gehad|had|hadden|vorige|afgelopen|gisteren"
         r"|miałam|miałem|mieliśmy|była|był|było|odbył[aoy]?|wczoraj|zeszł\w*|ostatni\w*)\b")


@functools.cache
def _past() -> re.Pattern[str]:
    return re.compile(_PAST, re.IGNORECASE)


def _its_clause(text: str, start: int) -> tuple[int, str]:
    """(where it begins, the clause) of the words at `start`: between commas and clause ends."""
    begin = max((m.end() for m in _clause_end().finditer(text, 0, start)), default=0)
    begin = max(begin, text.rfind(",", 0, start) + 1)
    end_match = _clause_stop().search(text, start)
    return begin, text[begin:end_match.start() if end_match else len(text)]


@functools.cache
def _clause_stop() -> re.Pattern[str]:
    return re.compile(r"[,;\n!?]|(?<![0-9])\." + not_a_titles_stop() + r"\s")


def said_ahead(text: str, words: str) -> bool:
    """Whether the day `words` (a statement's words, found in `text`) is said as one still to
    come by the words that govern it: a promise, a plan or what is owed ("they'll ring back Fri",
    "told to call 4/12"), not a contact made that day."""
    at = text.find(words)
    if at < 0:
        return False
    if _counted().match(words) or _by_or_within()[1].match(words):
        return True     # ("try again in a week", "within 2 weeks"): a span counted from the writing is ahead
    begin, clause = _its_clause(text, at)
    return _weekday_tense(clause, at - begin, at - begin + len(words)) == "future"


# What sets a day said alone after the day of writing, in the part of its clause that governs it:
# a future or a plan ("they'll ring Fri", "is calling me Friday", "going to", "wird", "va", "vai",
# "zal", a future tense "rappellera"/"llamará"/"richiamerà"), a to-infinitive after a word that
# asks, tells or plans ("asked me to call back Mon", "told to ring Fri"), what someone said or
# promised (its words start afresh: "phoned HR who said call back Mon"), an arrangement ("booked",
# "scheduled", "moved") or a target ("for", "by", "until", "bis", "d'ici", "entro", "hasta").
_FUTURE = (r"(?<=\w)['’](?:ll|d)(?![\w'’])|(?<=\w)['’](?:s|re|m)\s+(?!\w+ed\b)\w+ing(?![\w'’])"
           r"|(?<![\w'’])(?:will|shall|gonna|going\s+to|would|(?:is|are|am)\s+(?!\w+ed\b)\w+ing|(?:asked|told|want\w*|need\w*|plan\w*|hop\w*|expect\w*|supposed|due|promised|agreed"
           r"|about|has|have|had)\s+(?:\w+\s+)?to|said|says|told\s+(?:me|us|him|her)|mentioned|promised|that"
           r"|(?:schedul|book|arrang|planned|confirm|invit|expect|slated|pencil|moved|pushed|postpon|reschedul|delay)\w*"
           r"|for|by|until|till|til|before|wird|werden|soll|sollen|möchte|dass|bis|va|vont|doit|doivent|devrait|que|qu['’]"
           r"|d['’]ici|pour|avant|\w+(?:lera|leront|tera|teront|cera|ceront|dra|dront)|van?\s+a|vamos\s+a|quedó\s+en|quedaron\s+en|debe"
           r"|deben|para|antes\s+del?|hasta|\w+(?:rá|rán)|deve|devono|dovrebbe|che|entro|per|\w+(?:rà|ranno)|vai|vão"
           r"|ficou\s+de|ficaram\s+de|devem|até|\w+rão|zal|zullen|gaat|gaan|dat|tot|mają?|że|przed|obiecał\w*"
           r")(?![\w'’])")
# What someone will tell: a noun for it right before the day ("feedback Fri", "decision by Tue")
# is owed, unless a past verb just before it has it ("got feedback Mon").
_OWED = (r"(?<![\w'’])(?:feedback|decision|answer|results?|outcome|response|reply|next\s+steps?|update|news"
         r"|deadline|call\s*back|back\s+to\s+me|know)(?![\w'’])")
# English past forms beyond those of "to be", "to have" and "to meet": an irregular one, or -ed
# (not -eed: "need", "agreed" is no past of a contact; nor an arrangement, which is above)
_PAST_EN = (r"(?<![\w'’])(?:sent|got|spoke|spoken|heard|gave|took|came|did|saw|left|wrote|rang|rung|went|met"
            r"|(?!(?:schedul|book|arrang|planned|confirm|invit|expect|slated|pencil|moved|pushed|postpon|reschedul"
            r"|delay|interest)\w*)[a-z]{2,}[^e\W]ed)(?![\w'’])")


_OBJECT_GAP = re.compile(r"\W*(?:(?:the|a|an|their|his|her|its|my|our|your|some|any|\w+ive|good|bad|great|final"
                         r"|first|quick)\W+){0,2}", re.IGNORECASE)


@functools.cache
def _tense_marks() -> re.Pattern[str]:
    return re.compile(f"(?P<future>{_FUTURE})|(?P<owed>{_OWED})|(?P<past>{_PAST_EN})", re.IGNORECASE)


def _weekday_tense(clause: str, at: int, end: int) -> str | None:
    """Whether the day said at `at`..`end` of `clause` lies in the past ("past"), ahead ("future")
    or the clause does not say (None): the nearest word before it that says so decides ("had a chat
    with Tom, he'll ring me Fri" is ahead; "got feedback Mon" past), else the first after it
    ("Mon: rang them")."""
    # (a dash or a colon parts a note's clauses for this: "had phone screen - next step Fri")
    cut = max((m.end() for m in re.finditer(r"\s[-–—]\s|:\s", clause[:at])), default=0)
    after = re.search(r"\s[-–—]\s|:\s", clause[end:])
    stop = end + after.start() if after else len(clause)
    marks = [(m.start(), m.end(), "past") for m in _past().finditer(clause, cut, stop)]
    marks += [(a, b, "past") for a, b in past_contacts(clause[:stop]) if a >= cut]
    marks += [(m.start(), m.end(), m.lastgroup or "") for m in _tense_marks().finditer(clause, cut, stop)]
    # (of the day's own words only the word of relation it opens with: "by Fri")
    marks = [mark for mark in marks if not at < mark[0] < end and not (mark[0] == at and mark[2] != "future")]
    before = sorted((mark for mark in marks if mark[1] <= at or at <= mark[0] < end),
                    key=lambda m: (m[1], m[2] != "future"))
    if before:
        start, _, kind = before[-1]
        if kind == "owed":
            # (between the verb and its object only a determiner or an adjective: "got their feedback Mon",
            # not "went well feedback Fri")
            verb = before[-2] if len(before) > 1 else None
            return "past" if verb and verb[2] == "past" and _OBJECT_GAP.fullmatch(clause[verb[1]:start]) else "future"
        return kind
    later = sorted(mark for mark in marks if mark[0] >= end)
    return {"owed": "future"}.get(later[0][2], later[0][2]) if later else None


# A weekday said as the next one ("next Tuesday", "nächsten Dienstag", "mardi prochain")
_NEXT_SAID = re.compile(r"\b(?:next|nxt|following|coming|nächste\w*|kommende\w*|prochain\w*|próxim\w*|proxim\w*"
                        r"|prossim\w*|volgende|komende|przyszł\w*|następn\w*)\b", re.IGNORECASE)
def _on_the_day_written(said: Statement, clause: str, written: dt.date, until: dt.date | None) -> bool:
    """Whether a weekday said with no tense is the day the note was written, not a week on: it is
    that day's own weekday, nothing in its clause says next week, and the day is of something that
    comes to the user rather than one set up ahead (an offer, news: kind "date"; "verbal offer
    fri" written on a Friday). An interview, a call or a deadline on that weekday is a plan: the
    next one ("2nd interview on Thurs" written on a Thursday)."""
    return until is None and said.kind == "date" and said.date == written + dt.timedelta(days=7) \
        and not _NEXT_WEEK_SAID.search(clause) and not _NEXT_SAID.search(clause)


# What says a Chinese, Japanese or Korean clause is about a plan still ahead (an intent, a
# schedule, a booking)
_CJK_AHEAD = re.compile(r"予定|つもり|します|する(?!た)|예정|하기로|할\s*(?:것|거)|예약"
                        r"|打算|准备|準備|将|將|要|会|會|约|約|安排")


def _in_its_tense(text: str, start: int, said: Statement, written: dt.date,
                  until: dt.date | None = None) -> Statement:
    """`said` as its clause's tense has it: a weekday alone in a clause in the past (a past form
    of be, have or meet, or a call or message made) is the last such day on or before `written`;
    with `until` (the note may have been written as late as the day before it), the last such
    day before `until`, when that is not before `written`."""
    if re.search(r"\d", said.words) or not (_absolute().search(said.words) or _CJK_BARE_WEEKDAY.fullmatch(said.words)) \
            or (said.date <= written and until is None) or said.words.strip(" .,").lower() in _month_numbers():
        return said     # (a month's name alone is no weekday: "met verlof tot januari" is January)
    begin, clause = _its_clause(text, start)
    if _CJK_BARE_WEEKDAY.fullmatch(said.words):
        if not _past().search(clause) and not tells_a_past_contact(clause):
            if _on_the_day_written(said, clause, written, until) and not _CJK_AHEAD.search(clause):
                return Statement(written, said.kind, said.words, said.mine)
            return said
    else:
        tense = _weekday_tense(clause, start - begin, start - begin + len(said.words))
        if tense is None and _on_the_day_written(said, clause, written, until):
            return Statement(written, said.kind, said.words, said.mine)
        if tense != "past":
            return said
    if until is not None and said.date < until:
        # ("last Thursday" the parser read from `written`: the last such day before `until` too)
        latest = said.date + dt.timedelta(days=7 * ((until - said.date).days // 7))
        if latest >= until:
            latest -= dt.timedelta(days=7)
        if latest >= written:
            return Statement(latest, said.kind, said.words)
    if said.date <= written:
        return said
    day = said.date
    while day > written:
        day -= dt.timedelta(days=7)
    return Statement(day, said.kind, said.words)


# --- Chinese, Japanese and Korean dates ------------------------------------------------------------
# dateparser reads these forms wrongly or not at all (measured with 1.2: "12月9日以后再联系" became a
# December 5 a year later, "下周三" the next week's same weekday as the day written, "来週の金曜日" nothing),
# so the regular numeric forms are read here, each from the day the note was written: 年/月/日 and
# 월/일 dates, a weekday (周/週/星期/礼拜 + 一…日, 月…日曜日, 월…일요일) with this/next week
# (本周/下周, 今週/来週/再来週, 이번 주/다음 주), next week alone, tomorrow and the day after,
# next month (its first day), and "N days/weeks later".
_CJK_NUM = "〇零一二两兩三四五六七八九十"
_N = rf"(?:\d{{1,4}}|[{_CJK_NUM}]{{1,3}})"


@functools.cache
def _cjk_date() -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?P<y>\d{{4}})\s*[年년]\s*)?(?P<m>{_N})\s*[月월]\s*(?P<d>{_N})\s*[日号號일]")


_ZH_DAYS, _JA_DAYS, _KO_DAYS = "一二三四五六日天", "月火水木金土日", "월화수목금토일"


@functools.cache
def _cjk_weekday() -> re.Pattern[str]:
    return re.compile(
        r"(?P<zw>下下|下个|下個|下|这个|這個|这|這|本|上)?\s*(?:周|週|星期|礼拜|禮拜)(?P<zd>[一二三四五六日天])"
        r"|(?P<jw>再来週|来週|今週|先週)?\s*の?\s*(?P<jd>[月火水木金土日])曜日?"
        r"|(?P<kw>다다음\s*주|다음\s*주|이번\s*주|지난\s*주)?\s*(?P<kd>[월화수목금토일])요일")


@functools.cache
def _cjk_next_week() -> re.Pattern[str]:
    return re.compile(r"下周|下週|下个星期|下個星期|下星期|下个?礼拜|下個?禮拜|来週|來週|다음\s*주")


@functools.cache
def _cjk_this_week() -> re.Pattern[str]:
    return re.compile(r"今週中|今週いっぱい|本周内|这周内|這週內|本週內|这周之内|這週之內|이번\s*주\s*(?:중|안|내)")


# tomorrow, the day after, next month (its first day)
_CJK_DAYS_AHEAD = {"明天": 1, "明日": 1, "내일": 1, "后天": 2, "後天": 2, "明後日": 2, "あさって": 2, "모레": 2,
                   # (and back: yesterday and the day before, days of their own)
                   "昨天": -1, "昨日": -1, "어제": -1,
                   "前天": -2, "一昨日": -2, "おととい": -2, "그저께": -2, "그제": -2}


@functools.cache
def _cjk_near() -> re.Pattern[str]:
    return re.compile("|".join(sorted(_CJK_DAYS_AHEAD, key=len, reverse=True)))


@functools.cache
def _cjk_next_month() -> re.Pattern[str]:
    return re.compile(r"下个月|下個月|下月|来月|來月|다음\s*달")


_WEEK_ORDINALS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4,
                  "첫": 1, "둘": 2, "셋": 3, "넷": 4}
_MONTH_PART = {"中旬": 11, "半ば": 11, "中": 11, "중순": 11, "下旬": 21, "末": 21, "底": 21, "말": 21, "하순": 21}


@functools.cache
def _cjk_month_alone() -> re.Pattern[str]:
    """A month without its day ('1月に', '내년 1월에', '明年三月'), next year's when it says so."""
    return re.compile(r"(?P<ny>来年|來年|明年|내년|翌年)?\s*"
                      r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*(?:月|월)"
                      r"\s*(?:(?P<part>上旬|中旬|下旬|初め|初旬|半ば|末|初|中|底|말|초|중순|하순)"
                      # or a week of it ("12月第二周", "12月第2週", "12월 둘째 주", "12월 2주차")
                      r"|(?P<wk>(?:第\s*[一二三四1-4]\s*(?:周|週)|(?:첫|둘|셋|넷)째\s*주|[1-4]\s*주\s*차)))?"
                      r"(?!\s*(?:\d|[一二三四五六七八九十]|[日号號일]))")


@functools.cache
def _cjk_later() -> re.Pattern[str]:
    return re.compile(rf"(?P<n>{_N})\s*"
                      r"(?P<u>天|日|일|个?星期|個?星期|周|週間?|주|个月|個月|か月|ヶ月|カ月|개월|달)\s*"
                      # later, or within (一周内, 1週間以内, 일주일 이내): by the period's end either way
                      r"(?:以后|以後|之后|之後|后|後|후|뒤|이후|以内|之内|内|內|이내|안에)")


@functools.cache
def _cjk_char() -> re.Pattern[str]:
    return re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")


@functools.cache
def _cjk_slashed() -> re.Pattern[str]:
    # '12/9', and '12.9' as Korea, China and Japan dot a month and day ('12.2(수)'), never a
    # number's decimals ('3.5万', '4.5천', '2.5倍', '3.5%')
    return re.compile(r"(?<![\d/.])(\d{1,2})(?:/|\.(?![\d.]*\s*(?:[%万萬千천만억배倍kK元년]|시간|小时)))(\d{1,2})"
                      r"(?![\d/]|\.\d)")


@functools.cache
def _cjk_after() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:以后|以後|之后|之後|后|後|以降|이후|후|뒤|过后|過後)")


_CJK_LETTER = "[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]"


@functools.cache
def _cjk_screen() -> re.Pattern[str]:
    return re.compile(
        r"[月월]\s*[\d" + _CJK_NUM + "]|" + _CJK_LETTER + r"[^/\n]{0,12}\d[/.]\d|\d[/.]\d{1,2}[^/\n]{0,12}"
        + _CJK_LETTER
        + r"|[周週期拜]\s*[一二三四五六日天]|曜日?|요일|下周|下週|下个?星期|下個?星期|下个?礼拜|下個?禮拜"
        r"|来週|來週|今週中|本周内|这周内|這週內|本週內|다음\s*[주달]|이번\s*주"
        r"|明天|明日|내일|后天|後天|明後日|あさって|모레|下个?月|下個月|来月|來月|昨天|昨日|前天|おととい|어제|그저께|그제"
        r"|圣诞|聖誕|クリスマス|크리스마스|年底|年内|年內|年末|연내|연말"
        r"|[天日일周週주月달]間?\s*(?:以后|以後|之后|之後|后|後|후|뒤|이후|以内|之内|内|內|이내|안에)"
        r"|[\d一二三四五六七八九十]\s*[月월]")


# What a CJK date is about, from its clause (the words may stand before or after the date).
CJK_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("hold", r"暂停|暫停|冻结|凍結|搁置|擱置|延期|保留|中断|中斷|見合わせ|보류|중단|동결|연기|再開|재개|恢复|恢復"),
    ("decision", r"决定|決定|结果|結果|합격\s*여부|합불|당락|결정|결과|合否"),
    ("answer", r"答复|答覆|回复|回覆|回答|返事|返答|回信|답변|회신|답장|承諾|承诺|受諾|수락"
               r"|답(?=\s*(?:을|은|이)?\s*(?:주|줘|드리|드려|달|해야|하기로))"),
    # 面试官: the interviewer; a round named in Latin letters glued to 面 ('Final面', 'HR面') is an interview
    # (an interview to be arranged, '约面试', '面接の日程調整', is no interview's day: the day is the call's)
    ("interview", r"(?<![约約])(?:面试|面試|面接(?!の?日程調整)|面谈|面談"
                  r"|(?:[一二三四终終复複]|(?<![A-Za-z])[A-Za-z]{1,12}\s?)面(?![试試谈談接前对對上子])"
                  r"|면접|(?<![A-Za-z])(?:[Ii]nterview|[Oo]nsite))(?![官관])"),   # (English in a mixed note too)
    # (the verb 戻る in any form: 戻ります, 戻って, 戻られる; 출근/복직: back at work)
    ("back", r"休假|放假|回来|回來|返回|復帰|休暇|戻[りるっられ]|복귀|복직|출근|휴가|돌아|出差|出張|출장"),
    ("call_back", r"联系|聯繫|联络|聯絡|再联系|回电|回電|电话|電話|連絡|연락|전화"),
)


# Who a CJK clause's contact or answer goes to, from its verb: news that comes to the user (they
# will tell, notify, contact me, give feedback or a result: 给我反馈, 会通知, 連絡がある, 알려 준다)
# is the employer's news, a day to hear by, never a call the user was asked to make; an answer the
# user owes (要求我答复, 承諾は…まで, 답 주기로, 회신해야) is the user's own deadline.
CJK_THEIR_NEWS = (
    r"给(?:我)?(?:个)?(?:反馈|答复|回复|结果|消息|通知|回音|回话|offer)|給(?:我)?(?:個)?(?:反饋|答覆|回覆|結果|消息|通知|回音|回話)"
    r"|(?:会|會|就)(?:通知|反馈|反饋|告诉|告訴|回复|回覆|答复|答覆|联系|聯繫|聯絡|找)|通知我|告诉我|告訴我|回复我|回覆我"
    r"|联系我|联络我|聯繫我|聯絡我|出结果|出結果|有结果|有結果|有消息|等通知|等消息|話.{0,6}(?:通知|覆|回)|话.{0,6}(?:通知|回)"
    r"|给我(?:回|打)?(?:个)?电话|給我(?:回|打)?(?:個)?電話|打给我|打給我|(?:通過|合否|合格|結果|選考)(?:の)?連絡"
    r"|連絡(?:が|は|を)?(?:ある|あり|来|くる|くれ|もらえ|いただけ|いただく|します|する(?:と|予定))|通知|お知らせ"
    r"|知らせ(?:る|ます|て(?:くれ|もらえ|いただけ))|(?:返事|回答|連絡|結果)(?:が|を)(?:来|くる|もらえ|もらう|いただ)|結果(?:が|は)?(?:出る|出ます|わかる|分かる)"
    r"|알려\s*(?:주|준|줄|드리|드린)|연락\s*(?:을|이)?\s*(?:준|주기로|주겠|줄|주신|온|올|오기로|드린다고|드리겠다고)"
    r"|통보|발표|결과\s*(?:가|는)?\s*나오|회신\s*(?:을)?\s*(?:준|주기로|주신)")
CJK_MINE = (
    r"要求(?:我)?.{0,10}(?:答复|回复|确认|决定)|要求(?:我)?.{0,10}(?:答覆|回覆|確認|決定)"
    r"|我(?:要|得|需要|必须|须|应该).{0,10}(?:答复|回复|决定|确认)|我(?:要|得|需要|必須|須|應該).{0,10}(?:答覆|回覆|決定|確認)"
    r"|(?:要|得|需要|必须|必須|须|須)[^，,。]{0,10}?(?:回覆|回复|答复|答覆|确认|確認|決定|决定)"
    r"|答复期限|答覆期限|截止|承諾|受諾|回答期限|(?:返事|回答)(?:を|は)?(?:する|しなければ|しないと|します)"
    r"|수락|입사\s*여부|(?:답|답변|회신)\s*(?:을|은)?\s*(?:주기로|줘야|드려야|드리기로|해야|하기로)|결정\s*(?:해야|하기로)")


@functools.cache
def _cjk_their_news() -> re.Pattern[str]:
    return re.compile(CJK_THEIR_NEWS, re.IGNORECASE)


@functools.cache
def _cjk_mine() -> re.Pattern[str]:
    return re.compile(CJK_MINE)


def cjk_owed(text: str, start: int, end: int) -> bool:
    """Whether the CJK date at text[start:end] is an answer the user owes (CJK_MINE in its part of
    the clause)."""
    left, right = _cjk_clause_bounds(text, start, end)
    return _cjk_mine().search(_cjk_segment(text, start, end, left, right)) is not None


def _cjk_clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    cuts = [m.start() for m in _cjk_clause().finditer(text)]
    return max([c + 1 for c in cuts if c < start], default=0), min([c for c in cuts if c >= end], default=len(text))


@functools.cache
def _cjk_kinds() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(words)) for kind, words in CJK_KIND_WORDS]


@functools.cache
def _cjk_clause() -> re.Pattern[str]:
    return re.compile(r"[。；;！!？?\n，,、]")


def _cjk_number(text: str) -> int:
    """'12', '十二', '二十一', '两' as a number (0 when it is none)."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2, "兩": 2}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(text, 0) if len(text) == 1 else 0


def _cjk_kind(text: str, start: int, end: int, neighbours: tuple[int, int] = (-1, -1)) -> str:
    """What the date at text[start:end] is about, from its clause (the first kind of CJK_KIND_WORDS
    whose word it holds). A clause ends at a stop; where no stop parts this date from the one
    before or after it (`neighbours`: where the previous date ends, where the next one starts), a
    word between them is the nearer date's ('12/3 1차 면접 봄 결과는 다음주에': the interview is 12/3's, the result
    next week's)."""
    cuts = [m.start() for m in _cjk_clause().finditer(text)]
    left = max([c + 1 for c in cuts if c < start], default=0)
    right = min([c for c in cuts if c >= end], default=len(text))
    before, after = neighbours

    def own(m: re.Match, offset: int) -> bool:
        middle = offset + (m.start() + m.end()) / 2
        if middle < start:
            return not (before >= left and middle - before < start - middle)
        return not (0 <= after <= right and after - middle < middle - end)

    said = _cjk_segment(text, start, end, left, right)
    for kind, regex in _cjk_kinds():
        if any(own(m, left) for m in regex.finditer(text[left:start])) \
                or any(own(m, end) for m in regex.finditer(text[end:right])):
            return _cjk_direction(kind, said)
    if left and text[left - 1] in "，,、" and not text[left:start].strip() \
            and _CJK_TIME_OF_DAY.fullmatch(text[end:right].strip(" )）")):
        # a date that is its own part after a comma is the part before's ("면접 제안 받음, 목요일",
        # "面试邀请，周四"), as in the Latin-script languages
        first = max([c + 1 for c in cuts if c < left - 1], default=0)
        for kind, regex in _cjk_kinds():
            if regex.search(text[first:left - 1]):
                return _cjk_direction(kind, said)
    return _cjk_direction("date", said)   # "通過連絡は1週間以内", "下周通知": news to hear by


# nothing, or a time of that day ("오후", "午後3時", "下午2点", "14:00")
_CJK_TIME_OF_DAY = re.compile(r"(?:오전|오후|午前|午後|上午|下午|晚上|夜)?\s*"
                              r"(?:\d{1,2}\s*(?:시|時|点|點|:\d\d)(?:\s*\d{1,2}\s*분|半)?)?")
_CJK_BRACKETED_WEEKDAY = re.compile(r"\s*[(（]\s*(?:[月火水木金土日]|[一二三四五六日天]|[월화수목금토일])\s*[)）]")


def _cjk_segment(text: str, start: int, end: int, left: int, right: int) -> str:
    """The words of the date's own part of its clause, for who a contact or answer goes to:
    Chinese and Japanese notes part events with a space ('12/2 内定連絡あり 返事は12/14までに': the
    answer is the user's, the news was theirs); Korean puts spaces between words, so its clause is
    the whole."""
    clause = text[left:right]
    if _HANGUL_LETTER.search(clause):
        return clause
    before = [m.end() for m in re.finditer(r"\s+", text[left:start])]
    after = re.search(r"\s", text[end:right])
    return text[left + (before[-1] if before else 0): end + after.start() if after else right]


_HANGUL_LETTER = re.compile(r"[\uac00-\ud7a3]")


def _cjk_direction(kind: str, clause: str) -> str:
    """A contact or answer the clause says comes to the user (CJK_THEIR_NEWS) is their news; an
    answer the user owes stays an answer; else the kind as found."""
    if kind in ("call_back", "answer", "date") and _cjk_their_news().search(clause) \
            and not (kind == "answer" and _cjk_mine().search(clause)):
        return "feedback"
    if kind in ("call_back", "date") and _cjk_mine().search(clause):
        return "answer"       # "要求我12月9日前确认": the user's answer, whatever its word
    return kind


def _week_day(written: dt.date, weekday: int, weeks: int | None) -> dt.date:
    """Weekday `weekday` (0 = Monday) of the week `weeks` after the one `written` falls in; with
    None, the next such day after `written`."""
    if weeks is None:
        ahead = (weekday - written.weekday()) % 7 or 7
        return written + dt.timedelta(days=ahead)
    monday = written - dt.timedelta(days=written.weekday())
    return monday + dt.timedelta(weeks=weeks, days=weekday)


_WEEKS = {"下下": 2, "再来週": 2, "下个": 1, "下個": 1, "下": 1, "来週": 1, "这个": 0, "這個": 0, "这": 0, "這": 0,
          "本": 0, "今週": 0, "上": -1, "先週": -1, "다다음주": 2, "다음주": 1, "이번주": 0, "지난주": -1}


def cjk_dates(text: str, written: dt.date, day_first: bool = False) -> Iterator[tuple[int, int, dt.date, str]]:
    """(start, end, day, what it is about) of each Chinese, Japanese or Korean date in `text`,
    read from the day it was written; "以后/後/후" after a date means from the day after it. A
    slashed date is month/day as China, Japan and Korea write it, day/month with `day_first` (a
    Hong Kong tracker whose dates are day first: '4/12 打嚟' is December 4)."""
    # (each of the screen's forms holds a letter from U+3040 up)
    if text.isascii() or max(text) < "\u3040" or not _cjk_screen().search(text):
        return
    taken: list[tuple[int, int]] = []
    dated: list[tuple[int, int, dt.date, bool]] = []
    for start, end, day, relative in sorted(_cjk_spans(text, written, day_first), key=lambda x: (x[0], -x[1])):
        if any(s <= start < e for s, e in taken):
            continue          # "下周三" is one date, not next week and a Wednesday
        weekday = _CJK_BRACKETED_WEEKDAY.match(text, end)
        if weekday:           # "12/1(月)": the weekday in brackets is the date's own
            end = weekday.end()
        taken.append((start, end))
        dated.append((start, end, day, relative))
    for k, (start, end, day, relative) in enumerate(dated):
        neighbours = (dated[k - 1][1] if k else -1, dated[k + 1][0] if k + 1 < len(dated) else -1)
        kind = _cjk_kind(text, start, end, neighbours)
        if relative and kind == "date":
            continue          # a period about nothing is no date (and 明日香 is a name)
        if kind not in ("decision", "feedback", "answer") and _cjk_after().match(text[end:]):
            day += dt.timedelta(days=1)
        elif kind in ("decision", "feedback", "answer") and _cjk_next_week().fullmatch(text[start:end]):
            day = _week_day(written, 4, 1)   # news "next week" (来週中に, 다음 주에, 下周) may come until its Friday
        elif kind in ("decision", "feedback", "answer") and relative:
            month = _cjk_month_alone().fullmatch(text[start:end].strip())
            if month is not None and month.group("wk"):     # news in a week of the month: until its Friday
                day = day + dt.timedelta(days=(4 - day.weekday()) % 7)
            elif month is not None:         # news "early December" (12月上旬, 12월 초) may come until its 10th
                day = _part_end(day, bool(month.group("part")))
        yield start, end, day, kind


def _part_end(first: dt.date, part: bool) -> dt.date:
    """The last day of the part of a month that starts on `first` (the 1st: its 10th; the 11th: its
    20th; the 21st: the month's last day); without a part, of the whole month."""
    if part and first.day == 1:
        return first.replace(day=10)
    if part and first.day == 11:
        return first.replace(day=20)
    return _add_months(first.replace(day=1), 1) - dt.timedelta(days=1)


def _cjk_spans(text: str, written: dt.date, day_first: bool = False) -> list[tuple[int, int, dt.date, bool]]:
    """Every CJK date form found, overlapping ones included (the longest is taken), and whether
    it is relative (tomorrow, next week, N days later) rather than a day of its own."""
    spans: list[tuple[int, int, dt.date, bool]] = []
    for m in _cjk_date().finditer(text):
        month, day_of_month = _cjk_number(m.group("m")), _cjk_number(m.group("d"))
        found = _day_month(day_of_month, month, m.group("y"), written) if 1 <= month <= 12 else None
        if found is not None:
            spans.append((m.start(), m.end(), found, False))
    if _cjk_char().search(text):      # 12/9 in a Chinese, Japanese or Korean note is month/day there
        for m in _cjk_slashed().finditer(text):
            a, b = int(m.group(1)), int(m.group(2))
            found = _day_month(a, b, None, written) if day_first else _day_month(b, a, None, written)
            if found is not None:
                spans.append((m.start(), m.end(), found, False))
    spans += [(a, b, day, False) for a, b, day in _cjk_weekdays(text, written)]
    for m in _cjk_near().finditer(text):
        ahead = _CJK_DAYS_AHEAD[m.group()]
        spans.append((m.start(), m.end(), written + dt.timedelta(days=ahead), ahead > 0))
    for m in _cjk_next_month().finditer(text):
        spans.append((m.start(), m.end(), _add_months(written.replace(day=1), 1), True))
    for m in _cjk_month_alone().finditer(text):
        month = _cjk_number(m.group("m"))
        # early, middle or late in the month (上旬/中旬/下旬, 초/중순/하순, 月底): its 1st, 11th or 21st
        day_of = _MONTH_PART.get(m.group("part") or "", 1)
        first = dt.date(written.year + 1 if m.group("ny") else written.year, month, day_of)
        # (the month the note is written in is this year's: "12月に連絡" on December 2)
        if not m.group("ny") and first.month < written.month:
            first = first.replace(year=written.year + 1)
        if m.group("wk"):       # the k-th week: the week (Monday to Sunday) that holds its day 1 + 7(k - 1)
            inside = first + dt.timedelta(days=7 * (_WEEK_ORDINALS[re.sub(r"[\s第周週주차째]", "", m.group("wk"))] - 1))
            first = max(first, inside - dt.timedelta(days=inside.weekday()))
        spans.append((m.start(), m.end(), first, True))
    spans += _cjk_week_spans(text, written)
    for m in _cjk_later().finditer(text):
        n, unit = _cjk_number(m.group("n")), m.group("u")
        if n <= 0:
            continue
        if unit in ("天", "日", "일"):
            later = written + dt.timedelta(days=n)
        elif "月" in unit or unit in ("개월", "달"):
            later = _add_months(written, n)
        else:
            later = written + dt.timedelta(weeks=n)
        spans.append((m.start(), m.end(), later, True))
    return spans


def a_week_after(written: dt.date) -> dt.date:
    """"Next week" said with nothing about news (a return, a call back): a week after the day the
    note was written, as dateparser reads it, in every language ("back next week", "来週戻ります")."""
    return written + dt.timedelta(days=7)


def _cjk_week_spans(text: str, written: dt.date) -> list[tuple[int, int, dt.date, bool]]:
    """Next week (a week after the day written; news then may come until its Friday, `cjk_dates`)
    and "within this week" (its Friday), relative spans."""
    spans = [(m.start(), m.end(), a_week_after(written), True) for m in _cjk_next_week().finditer(text)]
    spans += [(m.start(), m.end(), max(written, _week_day(written, 4, 0)), True)
              for m in _cjk_this_week().finditer(text)]
    return spans


def _cjk_weekdays(text: str, written: dt.date) -> list[tuple[int, int, dt.date]]:
    spans = []
    for m in _cjk_weekday().finditer(text):
        if m.group("zd"):
            weekday, which = _ZH_DAYS.index(m.group("zd")), m.group("zw")
        elif m.group("jd"):
            weekday, which = _JA_DAYS.index(m.group("jd")), m.group("jw")
        else:
            weekday, which = _KO_DAYS.index(m.group("kd")), m.group("kw")
        weeks = _WEEKS.get(re.sub(r"\s", "", which)) if which else None
        spans.append((m.start(), m.end(), _week_day(written, min(weekday, 6), weeks)))
    return spans


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = day.year + (day.month - 1 + months) // 12, (day.month - 1 + months) % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_OWN_PREPOSITION = re.compile(r"(?:on|at|by|am|op|le|el|il)\s", re.IGNORECASE)


def _statement(text: str, start: int, end: int, day: dt.date, lead: int | None = None) -> Statement:
    """The date at text[start:end] with what it is about; "after the 15th" is from the 16th (a
    decision's or an answer's day after is the plan's to add)."""
    kind, mine = _kind(text[:start], text[end:], text[start:end])
    # (a date with a preposition of its own is not after the word before it: Taglish "for
    # interview na on 12/10", "na" being "now", not Dutch "after")
    if kind not in ("decision", "feedback", "answer") and not _OWN_PREPOSITION.match(text, start) \
            and _after().search(text[:start if lead is None else lead]):
        day += dt.timedelta(days=1)
    return Statement(day, kind, text[start:end].strip(), mine)


def _spoken_dates(text: str, written: dt.date, dashes: bool = False, until: dt.date | None = None
                  ) -> Iterator[tuple[int, int, dt.date, int | None]]:
    """(start, end, day, where the day's own words start) of each date said in words the parser
    does not read as meant: quarters, a month's or a week's end, early next year, a day of the
    month alone, day.month. A day of the month alone is the next such day after `written`; with
    `until` (the note has no day of its own: the row has no last contact), on or after `until`,
    the refresh day ("need to answer by the 11th" in a row that only says when it was applied)."""
    yield from _months_and_years(text, written)
    ends = [m.span() for m in screened(_week_end()).finditer(text)]
    yield from (w for w in _weeks_of_news(text, written) if not any(a <= w[0] < b for a, b in ends))
    yield from (w for w in _spans(text, written) if not any(a <= w[0] < b for a, b in ends))
    for m in screened(_next_week()).finditer(text):
        if not any(a <= m.start() < b for a, b in ends):      # ("fin de la semaine prochaine" is its Friday)
            yield m.start(), m.end(), a_week_after(written), None
    for m in screened(_week_end()).finditer(text):
        friday = written + dt.timedelta(days=4 - written.weekday())
        later = any(m.group(f"n{k}") for k in range(1, 23))
        day = friday - dt.timedelta(days=2) if m.group("mid") else friday     # the middle of a week: its Wednesday
        yield m.start(), m.end(), day + dt.timedelta(days=7 if later or day < written else 0), None
    for m in screened(_short_weekday_pt()).finditer(text):     # "ligou-me na quinta": the parser reads no "quinta"
        said = (m.group("day") or m.group("alone")).lower()
        ahead = (_weekday_numbers()[said.replace("terca", "terça")] - written.weekday()) % 7 or 7
        yield m.start(), m.end(), written + dt.timedelta(days=ahead), None
    for m in screened(_polish_weekday()).finditer(text):       # "odpowiedzieć do środy": the parser reads no "środy"
        number = next(n for n, stem in enumerate(_POLISH_DAY_STEMS) if m.group("day").lower().startswith(stem))
        ahead = (number - written.weekday()) % 7 or 7
        yield m.start(), m.end(), written + dt.timedelta(days=ahead), None
    for m in screened(_day_alone()).finditer(text):
        group = next(g for g in ("d1", "d2", "d3") if m.group(g))
        after = written if until is None or until <= written else until - dt.timedelta(days=1)
        named = _english_weekday(m.group("wd") or m.group("wd2") or "")
        if (m.group("wd") or m.group("wd2")) and named is None:
            continue      # ("on Monthly 3rd"): no weekday, no day
        alone = _next_day_of_month(int(m.group(group)), after) if named is None \
            else _day_on_weekday(int(m.group(group)), named, after + dt.timedelta(days=1))
        if alone is not None:
            yield m.start(), m.end(), alone, m.start(group)
    for m in screened(_dotted()).finditer(text):       # 7.12. is day.month wherever it is written that way
        dotted = _day_month(int(m.group(1)), int(m.group(2)), m.group(3), written)
        if dotted is not None:
            yield m.start(), m.end(), dotted, None
    yield from _military_dates(text)
    yield from _named_days(text, written)
    if dashes:
        for m in screened(_dashed()).finditer(text):
            dashed = _day_month(int(m.group(1)), int(m.group(2)), m.group(3), written)
            if dashed is not None:
                yield m.start(), m.end(), dashed, None


# (what `_spoken_dates` gives as the day's own words' start for a day and a month's name: its clause
# still states that date when the weekday reader looks at it, "le 26 nov, elle présente mon CV")
_NAMED = -1


@functools.cache
def _named_day() -> re.Pattern[str]:
    """A day of the month and a month's name, in any language the reader knows ("9 December", "am
    9. Dezember", "op 9 december", "9 de diciembre de 2026", "9 grudnia"): read here rather than by
    the parser, which picks one language for the whole text and so reads "Runde am 9. Dezember" as
    9 a.m. ("am" being English). (Not Spanish "ago", which is also the English word.)"""
    names = "|".join(sorted((re.escape(n) for n in _month_numbers() if len(n) >= 3 and n != "ago"),
                            key=len, reverse=True))
    return re.compile(rf"(?<![\w/.\-])(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+|of\s+|di\s+)?"
                      rf"(?P<month>{names})\.?(?:,?\s+(?:de\s+)?(?P<year>\d{{4}}))?(?!\w)", re.IGNORECASE)


def _named_days(text: str, written: dt.date) -> Iterator[tuple[int, int, dt.date, int | None]]:
    """"am 9. Dezember", "op 9 december", "9 de diciembre de 2026": without a year, the next such
    day after `written` (or one shortly before it)."""
    if not any(ch.isdigit() for ch in text):
        return
    for m in screened(_named_day()).finditer(text):
        month = _month_numbers()[m.group("month").lower()]
        named = _day_month(int(m.group("day")), month, m.group("year"), written)
        if named is not None:
            yield m.start(), m.end(), named, _NAMED


# A date as the US military writes it, in one word: "07DEC26", "11Dec2026".
_MILITARY_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MILITARY = re.compile(r"(?<![\w/.\-])(\d{1,2})(" + "|".join(_MILITARY_MONTHS) + r")(\d{2}|\d{4})(?![\w/.\-])",
                       re.IGNORECASE)


def _military_dates(text: str) -> Iterator[tuple[int, int, dt.date, int | None]]:
    """"NLT 11DEC26": the day, the month's three letters, the year."""
    if not any(ch.isdigit() for ch in text):
        return
    for m in _MILITARY.finditer(text):
        year = int(m.group(3))
        try:
            day = dt.date(year + 2000 if year < 100 else year, _MILITARY_MONTHS.index(m.group(2).lower()) + 1,
                          int(m.group(1)))
        except ValueError:
            continue
        yield m.start(), m.end(), day, None


# A weekday as Portuguese says it without "-feira", after a word of relation ("na quinta", "até
# segunda", "nesta quarta"): the parser reads none of "segunda", "quarta", "quinta" (alone they are
# also ordinals: "segunda entrevista"), and reads "sexta" and "terça" only sometimes.
@functools.cache
def _short_weekday_pt() -> re.Pattern[str]:
    # ("terça" and "sexta" are no ordinal: a weekday alone too, "o RH ligou terça")
    return re.compile(r"\b(?:na|nesta|nessa|esta|essa|próxima|proxima|até|ate|toda|para|pra)\s+"
                      r"(?P<day>segunda|terça|terca|quarta|quinta|sexta)\b(?!-)"
                      r"|(?<![\w-])(?P<alone>terça|terca|sexta)(?![\w-])", re.IGNORECASE)


# A Polish weekday in the case a preposition gives it ("do środy", "we wtorek" is read, "do
# piątku", "w środę", "po niedzieli"): the parser reads only the nominative. The stems, Monday first.
_POLISH_DAY_STEMS = ("poniedział", "wtor", "środ", "czwart", "piąt", "sobot", "niedziel")


@functools.cache
def _polish_weekday() -> re.Pattern[str]:
    return re.compile(r"\b(?:do|w|we|na|od|po|przed)\s+(?P<day>poniedziałku|wtorku|środ[yęa]|czwartku|piątku"
                      r"|sobot[yęa]|niedziel[iaę])\b", re.IGNORECASE)


@functools.cache
def _year_end() -> re.Pattern[str]:
    """The year's end as a bound, as each language says it: before or by the year-end holidays
    ("before xmas", "by Christmas", "vor Weihnachten", "avant les fêtes", "antes de Navidad", "prima
    di Natale", "antes do Natal", "voor de kerst", "przed świętami", "圣诞节前", "クリスマス前",
    "크리스마스 전"), group `eve`; or by the end of the year ("end of the year", "Jahresende", "d'ici
    la fin de l'année", "fin de año", "entro fine anno", "até o fim do ano", "eind van het jaar",
    "do końca roku", "年底前", "年内", "연내"). Not the new year after them (`_next_year`)."""
    return re.compile(
        r"(?:\b(?:(?P<eve>(?:before|by|until|till|ahead\s+of)\s+(?:the\s+)?(?:holidays|holiday\s+season|christmas|xmas)"
        r"|(?:vor|bis)\s+(?:den\s+)?(?:feiertagen|weihnachten)|avant\s+(?:les\s+)?(?:fêtes|fetes|noël|noel)"
        r"|antes\s+de\s+(?:las\s+)?(?:fiestas|navidad(?:es)?)|(?:prima\s+(?:di|delle)|entro)\s+(?:feste|natale)"
        r"|(?:antes\s+d(?:o|as)|até\s+o)\s+(?:natal|festas)|voor\s+de\s+(?:kerst|feestdagen)|przed\s+świętami)"
        r"|(?:(?:by|before|until|till|at)\s+(?:the\s+)?)?end\s+of\s+(?:the\s+)?year"
        r"|(?:by|before|until|till|at)\s+(?:the\s+)?year[-\s]?end"
        r"|(?:bis\s+)?(?:zum\s+)?jahresende|(?:bis\s+)?ende\s+(?:des\s+)?jahres"
        r"|(?:d['’]ici\s+|avant\s+)?(?:la\s+)?fin\s+(?:de\s+l['’]|d['’])ann[ée]e"
        r"|(?:para\s+|antes\s+de\s+)?(?:fin(?:al)?(?:es)?)\s+de(?:l)?\s+año"
        r"|(?:entro\s+)?(?:la\s+)?fine\s+(?:dell['’]\s*)?anno"
        r"|(?:até\s+o\s+)?(?:fim|final)\s+do\s+ano"
        r"|(?:voor\s+)?(?:het\s+)?eind(?:e)?\s+van\s+het\s+jaar"
        r"|(?:do\s+|przed\s+)?końc(?:a|em)\s+roku)(?!\w))"
        r"|(?P<eve_cjk>圣诞节?前|聖誕節?前|クリスマス(?:まで|前)|크리스마스\s*전)|年底前?|年内|年內|年末まで|연내|연말까지",
        re.IGNORECASE)


def _year_end_day(m: re.Match[str], written: dt.date) -> dt.date:
    """Christmas Eve for the holidays, else the year's last day, of the year written in (the next
    one once that day is past)."""
    day = (12, 24) if m.group("eve") or m.group("eve_cjk") else (12, 31)
    said = dt.date(written.year, *day)
    return said if said >= written else dt.date(written.year + 1, *day)


def _months_and_years(text: str, written: dt.date) -> Iterator[tuple[int, int, dt.date, None]]:
    """Quarters, a month's end, a part of a named month, the year's end, the new year (`_spoken_dates`)."""
    for m in screened(_quarter()).finditer(text):
        yield m.start(), m.end(), _quarter_start(written, int(m.group(1)) if m.group(1) else None), None
    # (a part of a month first: "fin du mois prochain" is next month's end, not this month's)
    for m in screened(_month_part()).finditer(text):
        if m.group("this") and m.group("p31"):
            continue        # (the end of the month written in: `_month_end`)
        yield m.start(), m.end(), _month_part_day(m, written), None
    for m in screened(_month_end()).finditer(text):
        day = dt.date(written.year, written.month, calendar.monthrange(written.year, written.month)[1])
        if day <= written:
            nxt = (written.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            day = nxt.replace(day=calendar.monthrange(nxt.year, nxt.month)[1])
        yield m.start(), m.end(), day, None
    for m in screened(_next_year()).finditer(text):
        yield m.start(), m.end(), dt.date(written.year + 1, 1, 1), None
    for m in screened(_year_end()).finditer(text):
        yield m.start(), m.end(), _year_end_day(m, written), None


def _weeks_of_news(text: str, written: dt.date) -> Iterator[tuple[int, int, dt.date, None]]:
    """This or next week said for the employer's news or decision (`_a_week`): its Friday."""
    for m in screened(_a_week()).finditer(text):
        if _kind(text[:m.start()], text[m.end():])[0] in ("decision", "feedback", "answer"):
            friday = written + dt.timedelta(days=4 - written.weekday())
            if friday < written:     # written at the weekend: that week is over
                friday += dt.timedelta(days=7)
            weeks = 2 if m.group("after") else 1 if m.group("next") else 0
            yield m.start(), m.end(), friday + dt.timedelta(days=7 * weeks), None


def _next_day_of_month(day: int, written: dt.date) -> dt.date | None:
    """Day `day` of the month it was written in when still ahead of `written`, else of the next month."""
    for months in (0, 1, 2):
        year, month = written.year + (written.month - 1 + months) // 12, (written.month - 1 + months) % 12 + 1
        if day <= calendar.monthrange(year, month)[1]:
            candidate = dt.date(year, month, day)
            if candidate > written:
                return candidate
    return None


def _settings(written: dt.date, order: str) -> dict:
    return {"RELATIVE_BASE": dt.datetime(written.year, written.month, written.day), "PREFER_DATES_FROM": "future",
            "DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


def _search(text: str, written: dt.date, order: str, languages: tuple[str, ...] = LANGUAGES
            ) -> list[tuple[str, dt.datetime]]:
    if not text.strip():
        return []
    from dateparser.search import search_dates  # a second to import: only when a note states a date
    return search_dates(text, languages=list(languages), settings=_settings(written, order)) or []


def _date_clauses(text: str, languages: tuple[str, ...] = LANGUAGES) -> str:
    """The text with every clause that holds no date word blanked out (same length, so places
    stay), so the parser reads a few words instead of a long note: it costs about 1 ms a clause."""
    pieces, last = [], 0
    for m in _clause_end().finditer(text):
        pieces.append((last, m.end()))
        last = m.end()
    pieces.append((last, len(text)))
    return "".join(_date_pieces(text[a:b], languages) if _may_state(text[a:b], languages) else " " * (b - a)
                   for a, b in pieces)


def _date_pieces(clause: str, languages: tuple[str, ...]) -> str:
    """A clause that may state a date with each comma-separated piece of it that holds no date word
    blanked out: a figure beside a date there ("offre reçue le 4 déc, 62k, réponse avant vendredi")
    made the parser drop the weekday after it."""
    if "," not in clause:
        return clause
    pieces = clause.split(",")
    if all(_may_state(p, languages) for p in pieces):
        return clause
    return ",".join(p if _may_state(p, languages) or not re.search(r"\d", p) else " " * len(p) for p in pieces)


# A clause whose only date is a weekday, with a word or two of relation before it ("by Friday",
# "am Freitag", "ce vendredi", "hasta el martes"): the next such day after the day it was written,
# by plain date arithmetic; the parser reads it the same way at about 2 ms a clause. The words of
# relation, per language, and whether the parser counts them as part of the date's words (its
# answers for each are compared in tests/test_weekday_statements.py); what else the parser reads
# with a weekday ("last Friday", "Friday morning", "Friday 5pm") goes to it.
_RELATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # language: (words kept in the date's words, words before it that are not)
    "en": (("by", "on", "this", "next", "after", "from"), ("until", "till", "before", "due")),
    "de": (("am",), ("bis", "nächsten", "nächste", "kommenden", "diesen", "vor", "ab")),
    "fr": (("après",), ("ce", "prochain", "d'ici", "avant", "jusqu'à", "dès", "le")),
    "es": (("del",), ("el", "este", "próximo", "hasta", "antes", "después", "para el", "desde el")),
}


# words after a weekday that the parser may read together with it: right after it, and anywhere
# after it (a time of day, a week)
@functools.cache
def _next_to_weekday() -> re.Pattern[str]:
    return re.compile(r"\s*(?:next|last|after|at|the|of|um|nach|à|a|le|el|de)\b", re.IGNORECASE)


@functools.cache
def _after_weekday() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:morning|afternoon|evening|night|noon|midday|week|morgens?|früh|vormittags?|mittags?|nachmittags?"
        r"|abends?|nachts?|woche|matin|midi|après-midi|soir|nuit|semaine|prochaine?|dernier|mañana|tarde|noche"
        r"|mediodía|semana|próxim[oa]|pasad[oa]|que\s+viene)\b", re.IGNORECASE)


@functools.cache
def _relation_before() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w'])(?:last|letzten|dernier|pasado|this|next|by|on|after|from|until|till|before|due|am|bis|vor|ab"
        r"|nächsten|nächste|kommenden|diesen|ce|d'ici|avant|jusqu'à|dès|après|le|el|este|próximo|hasta|antes"
        r"|después|del|para|desde)\s*$", re.IGNORECASE)


@functools.cache
def _weekday_reader(languages: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """One regex for a weekday with its word of relation in `languages` (those of `_RELATIONS`),
    and each weekday's number (Monday 0) by its lower-case name, from Babel's (CLDR's) names."""
    days: dict[str, int] = {}
    kept: set[str] = set()
    other: set[str] = set()
    for language in languages:
        if language not in _RELATIONS:
            continue
        for number, name in _day_names(language):
            days[name.lower()] = number
        kept.update(_RELATIONS[language][0])
        other.update(_RELATIONS[language][1])
        if language == "en":
            days.update(_SHORT_WEEKDAYS)
    if not days:
        return None

    def alternation(words: set[str]) -> str:
        return "|".join(re.escape(w).replace("\\ ", r"\s+") for w in _longest_first(words))

    day = alternation(set(days))
    # (?P<word>) the date's words as the parser gives them (one space inside: the parser gives other
    # spaces as one, and such words were never found in the note); what may stand before them
    regex = re.compile(r"^(?P<lead>[^\d]*?)(?:(?<![\w'-])(?:" + alternation(other) + r")\s+){0,2}"
                       r"(?P<word>(?:(?<![\w'-])(?:" + (alternation(kept) or "(?!)") + r") )?(?<![\w'-])(?P<day>"
                       + day + r"))(?![\w'-])(?P<tail>[^\d]*)$", re.IGNORECASE)
    return regex, days


@functools.cache
def _clock_time() -> re.Pattern[str]:
    return re.compile(r"(?:(?:\bat|@|\bum|\bà|\ba\s+las?|\bàs|\balle|\bom|\bo)\s*\d{1,2}(?:[:.h]\d{2})?"
                      r"(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h|u)\b)?"
                      r"|\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h)(?![\w])|\b\d{1,2}:\d{2}\b)(?![/\d.])",
                      re.IGNORECASE)


@functools.cache
def _counted_thing() -> re.Pattern[str]:
    return re.compile(r"(?<![\w/.])\d{1,2}(?:st|nd|rd|th)\s+(?=[a-z])(?!(?:of\s+)?(?:" + _MONTHS + r"))", re.IGNORECASE)


def _day_names(language: str) -> tuple[tuple[int, str], ...]:
    """Babel's (CLDR's) wide weekday names, as they are used and then stand alone, with each
    day's number; kept from earlier runs with this code and this Babel (`patterncache`): Babel
    loads the language's whole locale data for them, about 15 ms a language."""
    return patterncache.remembered("day names", _babel_stamp(), language, lambda: _babel_day_names(language))


def _babel_day_names(language: str) -> tuple[tuple[int, str], ...]:
    from babel import Locale  # imported with the first note that names a day

    names = Locale.parse(language).days
    return tuple((number, name) for context in ("format", "stand-alone")
                 for number, name in names[context]["wide"].items())


# a noun right after French "mon" (my): a word of letters, not an English word of time after "Mon"
# (a time of day is blanked out before: "Mon 10am call" keeps its Monday)
_FRENCH_OWNED = re.compile(r"\s(?!(?:morning|afternoon|evening|night|at|am|pm|or|and|to)\b)[^\W\d_]", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _weekday_clause(clause: str, languages: tuple[str, ...]) -> tuple[int, int, int, bool] | None:
    """(start, end, weekday, said "this") of the one weekday `clause` states when that is all it
    states (see `_RELATIONS`), else None. Once per distinct clause text."""
    reader = _weekday_reader(languages)
    if reader is None or _absolute().search(clause) is None:
        return None
    regex, days = reader
    # (an ordinal before a noun counts the thing, not a day: "2nd interview on Thurs", "3rd call Mon";
    # a time of day is the day's own: "Thurs at 2", "jeudi à 10h", "Donnerstag um 10 Uhr")
    if any(ch.isdigit() for ch in clause):
        clause = _counted_thing().sub(lambda c: " " * len(c.group()), clause)
        clause = _clock_time().sub(lambda c: " " * len(c.group()), clause)
    m = regex.match(clause)
    if m is None or _next_to_weekday().match(m.group("tail")) or _after_weekday().search(m.group("tail")):
        return None
    lead, tail = m.group("lead"), m.group("tail")
    if _names_date(lead, languages) or _names_date(tail, languages):
        return None     # something else in the clause the parser could read as a date
    if "fr" in languages and m.group("word").lower() == "mon" and _FRENCH_OWNED.match(tail):
        return None     # French "my" before its noun ("envoyé mon CV", "mon contact est absent"), no Monday
    if _relation_before().search(lead):
        return None     # a relation the parser reads otherwise, or two ("by next Friday")
    word = m.group("word")
    first = word.split()[0].lower()
    return m.start("word"), m.end("word"), days[m.group("day").lower()], first == "this"


def _weekday_clauses(clauses: str, written: dt.date, languages: tuple[str, ...],
                     named: list[tuple[int, int]] | None = None
                     ) -> Iterator[tuple[tuple[int, int, dt.date], tuple[int, int]]]:
    """(start, end, day) of the weekday of each clause of `clauses` (`_date_clauses`' text) that
    states a weekday and nothing else, with the clause's own (start, end): the first such day after
    `written` ("this Friday" on a Friday is that day). `named`: spans read already as a day and a
    month's name (blank in `clauses`): a clause holding one states that date besides."""
    last = 0
    for m in [*_clause_end().finditer(clauses), None]:
        end = m.end() if m is not None else len(clauses)
        a, piece = last, clauses[last:end]
        last = end
        if not piece.strip():
            continue
        read = None if any(a <= start < end for start, _ in named or ()) else _weekday_clause(piece, languages)
        if read is not None:
            parts = [(a, end, read)]
        elif "," in piece and _absolute().search(piece) is not None:   # (a weekday or a month's name in it)
            # a clause of parts of which some state a weekday and nothing else ("interviewed Tues,
            # feedback Fri", "screen done 3/12, 2nd interview on Thurs"): each such part's (the
            # parser reads no date in it); a weekday alone beside another date is that date's own
            # ("Friday, Dec 5") and stays with it
            pieces = piece.split(",")
            dated = [_names_date(part, languages) for part in pieces]
            parts, at = [], a
            for k, part in enumerate(pieces):
                said = _weekday_clause(part, languages) if dated[k] else None
                beside = any(0 <= j < len(pieces) and dated[j] and _weekday_clause(pieces[j], languages) is None
                             for j in (k - 1, k + 1))
                # (the weekday ends its part: "présente mon CV au client" holds no Monday)
                if said is not None and not part[said[1]:].strip(" .") \
                        and not (beside and part[said[0]:said[1]].strip() == part.strip()):
                    parts.append((at, at + len(part), said))
                at += len(part) + 1
        else:
            continue
        for begin, stop_at, (start, stop, weekday, this) in parts:
            ahead = (weekday - written.weekday()) % 7
            day = written + dt.timedelta(days=ahead if ahead or this else 7)
            yield (begin + start, begin + stop, day), (begin, stop_at)


@functools.lru_cache(maxsize=8192)
def _may_state(clause: str, languages: tuple[str, ...] = LANGUAGES) -> bool:
    """Whether `clause` may state a date; once per distinct clause (notes repeat their clauses)."""
    bare = _without_false_months(clause, languages)
    # (what the clause is about from its own words: "decision" is no month, but it is a decision)
    return bool(_absolute().search(bare)) or (_screen().search(bare) is not None and _kind(clause)[0] != "date")


def _names_date(text: str, languages: tuple[str, ...] = LANGUAGES) -> bool:
    """Whether `text` holds a word of the screens, a month's name only when it is one."""
    text = _without_false_months(text, languages)
    return _screen().search(text) is not None or _absolute().search(text) is not None


@functools.cache
def _stem() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _MONTHS + r")\w*\.?", re.IGNORECASE)


def _without_false_months(text: str, languages: tuple[str, ...]) -> str:
    """`text` with each word that begins like a month's name but is none ("decisions", "Maria",
    "Junior") blanked out, so the screens do not take it for one: a month's name only in a language
    the parser is not asked to read is no date to it either."""
    if not _stem().search(text):
        return text
    return _stem().sub(lambda m: m.group(0) if _is_month_word(m.group(0), languages) or _other_word().match(m.group(0))
                     else " " * len(m.group(0)), text)


# the screens' other words that begin like a month ("martes", "mardi")
@functools.cache
def _other_word() -> re.Pattern[str]:
    return re.compile("|".join(_longest_first(_PERIOD_WORDS + _WEEKDAYS)), re.IGNORECASE)


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1024)
def _is_month_word(word: str, languages: tuple[str, ...] = LANGUAGES) -> bool:
    """A month's name or the start of one ("Dec", "Dez.", "sept", "Novemb") in a language the
    reader knows, by Babel's (CLDR's) names; the stems of `_MONTH_STEMS` count as they are."""
    folded = _fold(word.rstrip("."))
    return folded in _FOLDED_STEMS or any(name.startswith(folded) for name in _month_names(languages))


_FOLDED_STEMS = frozenset(_fold(stem) for stem in _MONTH_STEMS)


@functools.cache
def _month_names(languages: tuple[str, ...]) -> frozenset[str]:
    """The names, kept from earlier runs with this code and this Babel (`patterncache`): Babel
    loads each language's whole locale data for them, about 90 ms for the eight languages."""
    return patterncache.remembered("month names", _babel_stamp(), languages, lambda: _babel_month_names(languages))


@functools.cache
def _babel_stamp() -> str | None:
    code, babel = patterncache.source_stamp(sys.modules[__name__]), patterncache.installed_stamp("babel")
    return f"{code}|{babel}" if code and babel else None


def _babel_month_names(languages: tuple[str, ...]) -> frozenset[str]:
    from babel import Locale  # imported with the first word that begins like a month's name

    names: set[str] = set()
    for language in languages:
        months = Locale.parse(language).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names.update(_fold(name.rstrip(".")) for name in months[context][width].values())
    return frozenset(names)


@functools.cache
def _year() -> re.Pattern[str]:
    return re.compile(r"\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2}\b")


_LOOK_BACK_DAYS = 62


def _recent(day: dt.date, fragment: str, written: dt.date) -> dt.date:
    """A date without a year is the next such day after the day it was written, unless it is that
    day or falls in the two months before it: "answer due Nov 20" noted on Nov 23 is that Nov 20."""
    if _year().search(fragment) or day.year == written.year:
        return day
    try:
        before = day.replace(year=day.year - 1)
    except ValueError:      # Feb 29
        return day
    return before if dt.timedelta(0) <= written - before <= dt.timedelta(days=_LOOK_BACK_DAYS) else day


def _day_month(day: int, month: int, year: str | None, written: dt.date) -> dt.date | None:
    """A day and month as written in a dotted date; without a year, the next such day after `written`."""
    try:
        if year:
            return dt.date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        this = dt.date(written.year, month, day)
        return this if this >= written or (written - this).days <= _LOOK_BACK_DAYS \
            else dt.date(written.year + 1, month, day)
    except ValueError:
        return None
