"""Plan stage: whether a text says the employer ended the application in soft words, with no
stage word in it ("they won't be progressing my application", "went with an internal candidate").
Input: one stage, response or note text; output: the words that say it, or "".

Two shapes of sentence carry nearly every such refusal in English, so they are read as shapes, not
as a list of phrases: a step of the process that is negated ("not shortlisted", "won't be taking
it further", "unable to proceed") and a choice of someone else ("decided to go w/ another
candidate", "offered the role to someone else", "filled it internally"). A negation that is still
open ("not shortlisted yet") or a condition ("if not shortlisted") is no refusal. The choice of
someone else is read in the other languages the reader knows too (`_chose_another`: a choosing
verb and a person other than the user, or the verb last: "ont retenu un autre profil", "sich für
einen anderen Bewerber entschieden", "iemand anders aangenomen", "wybrali innego kandydata")."""

from __future__ import annotations

import functools
import re

from .literalscreen import screened

# a step the employer takes an application through
_STEP = (r"(?:progress\w*|proceed\w*|short[-\s]?list\w*|advanc\w*|consider\w*|select\w*|successful"
         # getting through: "didn't make the cut", "did not make it to the next round"
         r"|make\s+(?:it\s+(?:to|through|into)\b(?:\s+\w+){0,3}|the\s+(?:cut|short[-\s]?list|next\s+(?:round|stage)))"
         r"|(?:take|taking|taken|took|move|moving|moved|go|going)\s+(?:(?:it|this|that|me|you|(?:my|your|the|his|her)\s+\w+)\s+)?"
         r"(?:any\s+)?(?:further|forward|ahead))")
_NEGATION = (r"(?:\bnot|n['’]t|\bno\s+longer|\bunable\s+to|\bcannot|\bcan\s+not|\bdecided\s+against"
             r"|\bwill\s+not|\bnot\s+able\s+to)")
# someone other than the user
# "with" as notes write it: "w/", "w", Scots "wi"
_WITH = r"(?:with|w/|wi\b|w\b)"
_OTHER = (r"(?:(?:some|any)(?:one|body)\s+(?:else|" + _WITH + r"|who|that|more|less|\w+er)\b"
          r"|(?:another|other|a\s+different|different|an?\s+internal|internal|an?\s+external|external|a\s+stronger"
          r"|stronger|a\s+more\s+\w+|more\s+\w+|an?\s+\w+\s+internal)\s+(?:\w+\s+)?"
          r"(?:candidates?|applicants?|persons?|people|profiles?|hires?|someone|somebody))")
# choosing: "went with", "go w/", "chose", "offered the role to", "moving forward with"
_CHOICE = (r"(?:(?:went|gone|go|goes|going|proceed\w*|progress\w*|mov(?:e|ed|ing)\s+(?:forward|ahead)|continu\w*)"
           r"\s+" + _WITH + r"|chose|chosen|choose|choosing|picked|selected|hired|appointed|prefer\w*"
           r"|offered\s+(?:it|the\s+\w+)\s+to|filled\s+(?:it|the\s+\w+)\s+with|given\s+(?:it|the\s+\w+)\s+to)")
_INTERNALLY = r"\b(?:filled|hired|hiring|recruited|going|gone|went)\s+(?:\w+\s+){0,3}?internally\b"
_OPEN = re.compile(r"^[^.;,\n]*\b(?:yet|until|till|for\s+now)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|unless|whether|in\s+case|might|may|could|would)\s+(?:\w+\s+){0,3}$",
                        re.IGNORECASE)


# Their answer said as a bare no ("they passed on me", "it's a no", "got the no today", "a no-go"),
# and the opening ended by them ("the role got pulled", "headcount was cancelled", "req scrapped").
# "passed my CV on to the HM" forwards it; "a no-reply e-mail" is no answer.
_THEIR_NO = (r"\bpassed\s+on\s+(?:me|us|my\s+(?:application|cv|resume|résumé|profile|candidacy))\b(?!\s+to\b)"
             r"|\b(?:it['’]?s|it\s+is|it\s+was|got\s+(?:a|the)|the\s+answer\s+(?:is|was)|answer\s+(?:is|was)"
             r"|they\s+said)\s+(?:a\s+)?(?:no|nope)\b"
             # (the no ends its clause, or says from whom or when: "a no from them", "got the no today";
             # not "no worries", "a no brainer", "a no-reply e-mail")
             r"(?=\s*(?:$|[.,;:!?)–—]|-\s|\s+(?:from|for|this|today|yesterday|again|unfortunately|sadly|at|after)\b))"
             r"|\bno[-\s]go\b")
_OPENING_ENDED = (r"\b(?:job|role|position|post|vacancy|opening|req|requisition|headcount)\s+(?:\w+\s+)?"
                  r"(?:got|was|has\s+been|had\s+been|is\s+being|been|is)\s+"
                  r"(?:pulled|cancell?ed|scrapped|axed|eliminated|cut)\b")


@functools.cache
def _shapes() -> re.Pattern[str]:
    negated_step = _NEGATION + r"(?:\s+(?:be|been|being|to|have|has|had|get|getting|got|going\s+to))*\s+" + _STEP
    choice = r"\b" + _CHOICE + r"\s+(?:\w+\s+){0,2}?" + _OTHER + r"\b"
    return re.compile(f"{negated_step}|{choice}|{_INTERNALLY}|{_THEIR_NO}|{_OPENING_ENDED}", re.IGNORECASE)


@functools.cache
def _chose_another() -> re.Pattern[str]:
    """The employer chose another person: a choosing verb, then within a few words a person other
    than me ("went with someone else", "hired an internal candidate", "moving forward with other
    applicants", "ont retenu un autre profil", "eligieron a otra persona", "hanno scelto un altro
    candidato", "escolheram outro candidato", "wybrali innego kandydata"), or, verb last, "für einen
    anderen Bewerber entschieden", "voor een andere kandidaat gekozen". A rejection however it is
    worded; "interviewing other candidates too" chooses no one, "I went with another offer" is mine."""
    person = (r"(?:someone|somebody)(?:\s+else)?|quelqu'un\s+d'autre|alguien|alguém|qualcun\s+altro"
              r"|iemand\s+anders|kogoś"
              r"|internally|en\s+interne|internamente|intern|wewnętrznie|jemand(?:en)?\s+ander(?:e[nms]?)?"
              r"|(?:another|other|different|internal|(?:an|a)\s+(?:internal|different|other|external))\s+(?:\w+\s+)?"
              r"(?:candidates?|applicants?|person|people|profiles?|hire|hires)"
              r"|(?:autres?|otr[oa]s?|altr[oaie]|un'altra|outr[oa]s?|ander(?:e[nmrs]?)?|inn(?:ego|ej|ą|ych|ym|e))\s+(?:\w+\s+)?"
              r"(?:candidat\w*|profil\w*|personne\w*|persona\w*|pessoa\w*|kandida\w*|bewerber\w*|person\w*"
              r"|kandydat\w*|osob\w*|sollicitant\w*)")
    verbs = (r"went|go(?:ing)?|gone|chose|chosen|choose|picked|selected|hired|offered|gave|given|filled|moving|moved"
             r"|move"
             r"|proceed(?:ing|ed)?|decided|vergeben|genommen|eingestellt|retenu|choisi|pris|embauché|opté|optaron"
             r"|eligieron|escogieron|seleccionaron|contrataron|scelto|preso|selezionato|assunto|optato|escolheram"
             # Spanish perfect and Spain's coger ("han cogido a otra persona", "han elegido a otro candidato")
             r"|elegido|escogido|cogido|cogieron|cogió|eligió|escogió|seleccionado|contratado|escolhido|selecionado"
             r"|contrataram|selecionaram|optaram|gekozen|kozen|aangenomen|gaan\s+verder|wybrali|wybrano|zatrudnili"
             r"|zdecydowali|dieron|dad[oa]s?|diedero|dat[oa]|deram|gaven|gegeven|dali|besetzt|pourvu|cubiert[oa]|copert[oa]"
             r"|preenchid[oa]|vervuld|obsadzon[oey]")
    fillers = (r"with|for|pour|por|per|a|voor|na|on|to|it|the|role|job|position|post|offer|sich|für|einen|eine|ein"
               r"|un|une|una|uno|um|uma|een|się|forward|ahead|d'|l'|lo|la|le|il|el|de|du|des|het|ze|zijn|mit")
    verb_last = (r"(?:(?:für|voor)\s+(?:einen|eine|een)?\s*)?(?:" + person + r")(?:\s+\S+){0,2}?\s+"
                 r"(?:entschieden|gekozen|genommen|gewählt|gegaan|eingestellt|aangenomen|vergeben)\b"
                 r"|\bintern\s+(?:besetzt|vergeben|ingevuld|vervuld)")
    return re.compile(rf"(?<![\w'])(?<!\bi\s)(?<!\bich\s)(?<!\bje\s)(?<!\bik\s)(?:{verbs})\b"
                      rf"(?:\s+(?:{fillers})\b){{0,4}}\s+(?:{person})\b|{verb_last}", re.IGNORECASE)


# Each way of naming another person holds one of these: the quick look before the pattern, which
# alone would cost about 60 µs a long note
_OTHER_STEMS = re.compile("some|other|intern|differ|autre|otr|altr|outr|ander|inn|algu|qualcun|iemand|kogoś|jemand"
                          "|wewnętrz")


_MAYBE_BEFORE = re.compile(r"\b(?:might|may|could|would|if|unless|maybe|perhaps|will|going\s+to|worried|afraid|hope)\b"
                           r"[^.;!?]{0,25}$|['’]ll\s+$", re.IGNORECASE)


def _chose_another_said(text: str) -> str:
    """The words saying, in any language the reader knows, that the employer chose someone else,
    or ''."""
    if not _OTHER_STEMS.search(text.lower()):
        return ""
    m = _chose_another().search(text)
    if m and _MAYBE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
        return ""       # "they might go with another candidate": not yet
    return m.group() if m else ""



# The negated step in the other languages the reader knows: a negation, the auxiliaries of a
# passive or perfect, and a verb of being kept or getting through ("no quedé", "niet weerhouden",
# "nicht weitergekommen", "non sono stata selezionata", "não fui aprovada", "nie przeszłam").
# A negation still open ("todavía no", "noch nicht", "ainda não") is no refusal.
_STILL = r"(?<!todavía\s)(?<!todavia\s)(?<!aún\s)(?<!aun\s)(?<!ainda\s)(?<!noch\s)(?<!nog\s)(?<!ancora\s)(?<!jeszcze\s)"
_NEGATED_ELSEWHERE = (
    r"\b" + _STILL + r"(?:no|não|nao|non|niet|nicht|nie)"
    r"(?:\s+(?:me|fui|fue|he|sido|sono|stato|stata|è|ho|sou|foi|ben|werd|wurde|bin|ist|zostałam|zostałem|został[aoy]?"
    r"|mnie|mi|door|vão|vai|van|va|a))*\s+"
    r"(?:qued[eé](?!\s+(?:en|conforme|clar|satisf|bien|mal))|pas[eé]\b|seleccion(?:ad\w*|aron|ó)|weerhouden|geselecteerd"
    r"|doorgelaten|weitergekommen|genommen|berücksichtigt|ausgewählt|passat[oaie]|selezionat\w*|pres[oa]\b"
    r"|passei|aprovad\w*|aprovaram|selecion(?:ad\w*|aram|ou)|przeszł\w*|przeszedł\w*|wybran\w*|zakwalifikowa\w*"
    # going on in the process: "leider nicht weiter", "no continúo en el proceso", "niet door naar de volgende ronde"
    r"|weiter(?=\s*(?:$|[.,;!]|im\s|gekommen))|contin[uú]\w*|sigo\b|prosegu\w*|naar\s+de\s+volgende"
    # the employer going on with it, said of them ("não seguiram com meu perfil", "no siguieron
    # adelante", "não avançaram com a candidatura"), not the user's own "não segui"
    r"|segui(?:ram|u|r)\b|seguem\b|sigui(?:eron|ó|o)\b|siguen\b|seguir\b|avan[çc]a(?:ram|r)\b|avanz(?:aron|ó|ar)\b)")
_STILL_AFTER = re.compile(r"^[^.;,\n]*\b(?:yet|todavía|todavia|aún|aun|ainda|noch|nog|ancora|jeszcze|encore)\b",
                          re.IGNORECASE)


@functools.cache
def _negated_elsewhere() -> re.Pattern[str]:
    return re.compile(_NEGATED_ELSEWHERE, re.IGNORECASE)


# "Unfortunately not this time", "sadly not": a regret and a bare "not", as a stage cell says it
_REGRET_NOT = re.compile(r"\b(?:unfortunately|sadly|regrettably|leider|malheureusement|desafortunadamente"
                         r"|lamentablemente|purtroppo|infelizmente|helaas|niestety)[,\s]+"
                         r"(?:not|nicht|pas|no|non|não|niet|nie)"
                         r"(?:\s+(?:(?:at\s+)?this\s+time|this\s+round|for\s+me|dieses\s+mal|diesmal|cette\s+fois"
                         r"|esta\s+vez|questa\s+volta|desta\s+vez|deze\s+keer|tym\s+razem))?\s*[.!]?\s*$",
                         re.IGNORECASE)


def refusal(text: object) -> str:
    """The words of `text` that say the employer ended the application, or ""."""
    if not isinstance(text, str) or not text:
        return ""
    regret = _REGRET_NOT.search(text)
    if regret is not None:      # (the whole of what is left of the text: "Unfortunately not this time", "leider nicht")
        return regret.group()
    other = _negated_elsewhere().search(text)
    if other is not None and not _STILL_AFTER.match(text[other.end():]):
        return other.group()
    for m in screened(_shapes()).finditer(text):
        clause_start = max(text.rfind(sep, 0, m.start()) for sep in (".", ";", "\n", ","))
        before = text[clause_start + 1:m.start()]
        if _CONDITION.search(before) or re.search(r"\byet\b", text[m.start():m.end()], re.IGNORECASE) \
                or _OPEN.match(text[m.end():]):
            continue
        start = m.start()
        while start > 0 and text[start - 1].isalpha():     # "won't", not "n't"
            start -= 1
        return text[start:m.end()].strip()
    return _chose_another_said(text)
