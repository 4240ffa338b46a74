"""Read stage: who referred the user, when the notes say it and no column does ("Referred by my
old head of dept, Claire Moss (now in their Finance team)", "Marcus from my cohort referred me").
Input: one note; output: the referrer's name and department as written, or ("", "").

Read by the sentence's shape, who did what: a name after "referred by" / "recommended by" (the
words that describe the person skipped: "my old head of dept,"), or a name as the subject of
"referred me"; the department from "in/from their X team", "X dept" right after the name. A
referral still to come ("will ask Jo to refer me") or denied ("not referred") is none."""

from __future__ import annotations

import functools
import re
from typing import Any

from .literalscreen import screened
from .titles import form_of_address, titles_before_a_name

# a name, with the form of address or title written before it ("Mr. James Okoye", "Frau Roth")
_NAME = r"(?P<name>(?-i:(?:" + titles_before_a_name() + r"\s+){0,2}[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?))"
_BY = re.compile(r"\b(?:referred|recommended|put\s+forward|referral)\s+(?:by|from)\s+"
                 r"(?:(?:my|our|a|an|the|his|her)\s+)?(?:(?-i:[a-z][\w'’/-]*)[\s,]+){0,6}?" + _NAME, re.IGNORECASE)
_SUBJECT = re.compile(_NAME + r"(?:\s+(?P<where>from|at|in|on)(?P<place>(?:\s+[\w'’]+){1,4}?))?"
                      r"\s+(?:has\s+|had\s+|kindly\s+)?"
                      r"(?:referred|recommended)\s+me\b", re.IGNORECASE)
_DEPT = re.compile(r"^\s*[(,]?\s*(?:(?:who\s+is|now|is|works?)\s+)?(?:in|from|on|at)?\s*(?:(?:their|the|its)\s+)?"
                   r"(?P<dept>(?-i:[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*))\s+(?:team|dept\.?|department|division|group)\b",
                   re.IGNORECASE)
_NOT_NAMES = frozenset({"I", "Me", "My", "He", "She", "They", "HR", "The", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
                        "Sun", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "LinkedIn", "Indeed"})
_UNSAID = re.compile(r"\b(?:not|never|no|n['’]t|will|going\s+to|to\s+be|hope|hoping|ask\w*|might|may|could)\b"
                     r"[^.;\n]{0,25}$", re.IGNORECASE)


def referral_in(note: object) -> tuple[str, str]:
    """(referrer, department) the note says, or ("", "")."""
    if not isinstance(note, str):
        return "", ""
    if "refer" not in note.lower() and "recommend" not in note.lower():
        return referral_elsewhere(note)
    for pattern in (_BY, _SUBJECT):
        for m in pattern.finditer(note):
            name = m.group("name")
            if name.split()[0] in _NOT_NAMES or _UNSAID.search(note[:m.start()]):
                continue
            dept = _DEPT.match(note[m.end():])
            # ("Rhys Owen in treasury referred me": "in" a part of the firm is where they work)
            inside = (m.groupdict().get("place") or "").strip() \
                if (m.groupdict().get("where") or "").lower() == "in" else ""
            return name, dept.group("dept") if dept else _department(note[m.end():]) or inside
    return referral_elsewhere(note)


# Who referred me, as a note says it: the words before the name ("referred by", "empfohlen von",
# "recommandé par", Quebec's "référée par", "referido por", "segnalato da", "indicado por",
# "aanbevolen door", "z polecenia") or after it ("Tom referred me", "me recomendó", "hat mich
# empfohlen", "mnie polecił").
@functools.cache
def _referral_before() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:referred\s+by|referral\s+(?:from|by|via)|recommended\s+by|ref(?:erral)?\s*:|empfohlen\s+(?:von|durch)"
        r"|empfehlung\s+(?:von|durch)|recommandée?\s+par|cooptée?\s+par|r[ée]f[ée]r[ée]e?\s+par|sur\s+recommandation\s+de"
        r"|referid[oa]\s+(?:por|pel[oa])|recomendad[oa]\s+(?:por|pel[oa])|recomendación\s+de|segnalat[oa]\s+da|raccomandat[oa]\s+da"
        r"|su\s+segnalazione\s+di|indicad[oa]\s+(?:por|pel[oa])|indicação\s+d[eoa]s?|aanbevolen\s+door|doorverwezen\s+door"
        r"|polecon[ya]\s+przez|z\s+polecenia"
        # the verb first, then who: "me refirió mi primo Nico", "me indicou a Ana", "mi ha segnalato Paolo"
        r"|me\s+(?:refirió|refirio|recomendó|recomendo|recomendou|indicou|pasó|passou)"
        r"|mi\s+ha\s+(?:segnalat[oa]|raccomandat[oa]|consigliat[oa])|m['’]a\s+(?:recommandée?|cooptée?|r[ée]f[ée]r[ée]e?)"
        r"|polecił[a]?\s+mnie|indicou-me|recomendou-me)\s+",
        re.IGNORECASE)


@functools.cache
def _referral_after() -> re.Pattern[str]:
    return re.compile(r"\s+(?:referred\s+me|recommended\s+me|put\s+me\s+forward|hat\s+mich\s+empfohlen"
                      # a word put in for me ("Aroha put in a good word with Josh", "Mick put a word in")
                      r"|put\s+(?:in\s+)?a\s+(?:good\s+)?word(?:\s+in)?(?:\s+for\s+me)?"
                      r"|me\s+(?:recomendó|refirió|indicou|ha\s+segnalato|a\s+recommandée?)|m['’]a\s+(?:recommandée?|cooptée?)"
                      r"|mnie\s+polecił[a]?"
                      r"|heeft\s+mij\s+aanbevolen)\b", re.IGNORECASE)


# the words before a relation's noun ("meinem Kollegen", "my old friend", "mi amiga")
_DETERMINERS = frozenset({"meinem", "meiner", "meine", "mein", "meinen", "einem", "einer", "dem", "der", "des", "ihrem",
                          "seinem", "unserem", "my", "a", "an", "the", "our", "mon", "ma", "un", "une", "mi", "mio",
                          "mia", "meu", "minha", "mijn", "een", "mojego", "mojej", "moja"})


# the small words inside family names ("Pieter de Vries", "Ana dos Santos", "Ursula von der Leyen")
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "dos", "das", "del", "di", "du", "le", "la", "ter",
                        "ten", "zu", "bin", "al"})


def _particle_of_a_name(tokens: list[str], k: int) -> bool:
    """Whether the particle at `k` leads, through at most one more ("de la"), to a capitalised word."""
    for j in (k + 1, k + 2):
        if j < len(tokens) and _capitalised(tokens[j]):
            return True
        if j >= len(tokens) or tokens[j] not in _PARTICLES:
            return False
    return False


def _after_a_first_name(words: list[str], k: int) -> bool:
    """Whether the particle at `k` follows, through at most one more ("van der"), a capitalised word."""
    for j in (k - 1, k - 2):
        if j < 0:
            return False
        if _capitalised(words[j]):
            return True
        if words[j] not in _PARTICLES:
            return False
    return False


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and any(ch.isalpha() for ch in token)


def referral_elsewhere(text: Any) -> tuple[str, str]:
    """`referral_in` in the other languages the reader knows, and the shapes it does not read: the
    capitalised name after the relation's words ("referred by my cousin Tom Reyes (works in QA)" ->
    ('Tom Reyes', 'QA'), "empfohlen von meiner Kollegin Petra Haas", "recomendado por", "segnalato
    da", "indicado por", "aanbevolen door", "z polecenia"), or before "referred me", "me recomendó",
    "hat mich empfohlen". "referred by a friend" names no one."""
    if not isinstance(text, str) or not text:
        return "", ""
    for m in _referral_before().finditer(text):
        tokens = re.findall(r"[^\W\d_][\w'’.-]*|[(),;:.!?]", text[m.end():])[:8]
        k = 0
        while k < len(tokens) and k < 4 and tokens[k][:1].islower():
            k += 1      # "my cousin", "meinem Kollegen", "mi amiga"
        if 0 < k < len(tokens) - 1 and tokens[k] == ",":
            k += 1      # (the name set off by commas after the relation: "mi antiguo jefe, Jorge Salas, de Compras")
        name: list[str] = []
        while k < len(tokens) and len(name) < 5 and not tokens[k].endswith(("'s", "’s")) and (
                _capitalised(tokens[k])
                or (len(name) == 1 and tokens[k] in _PARTICLES and _particle_of_a_name(tokens, k))
                or (name and name[-1] in _PARTICLES and tokens[k] in _PARTICLES)):
            # (a particle only between a first name and a family name: "Pieter de Vries", "Luis de la
            # Fuente"; after a whole name it says where from: "Marco Bianchi di Milano")
            name.append(tokens[k])
            k += 1
        if len(name) >= 2 and k > len(name) and tokens[k - len(name) - 1].casefold() in _DETERMINERS:
            name = name[1:]     # "meinem Kollegen Jonas Weber": German writes the relation's noun capitalised
        name = name[:3] if not set(name) & _PARTICLES else name[:4]
        if name:
            return " ".join(name).rstrip("."), _department(text[m.end():])
    after = _referral_after().search(text)
    if after:
        before = text[:after.start()]
        # what is said of the referrer between the name and the verb, in brackets ("Peter Lau
        # (engineering team) referred me") or between commas ("Ana Ruiz, del equipo de pagos, me
        # recomendó", "Tom Hale, who works in their finance team, referred me")
        noted = re.search(r"\s*\(([^()]{1,40})\)\s*$|,\s*([^,()]{1,60}?)\s*,\s*$", before)
        if noted:
            before = before[:noted.start()]
        else:   # (or in a relative clause: "Andre Brown who teaches there put in a good word")
            before = re.sub(r"\s+(?:who|that)(?:\s+[\w'’-]+){1,5}\s*$", "", before)
        # (where the person is from is said after the name: "Aroha from uni", "Dev at my old job";
        # "in" a part of the firm is their department: "Josh Clarke in risk put in a word")
        where = re.search(r"\s+(from|at|in|of)\s+(?:(?:my|our|the|his|her)\s+)?((?-i:[a-z][\w'’-]*)"
                          r"(?:\s+(?-i:[a-z][\w'’-]*))?)\s*$", before, flags=re.IGNORECASE)
        inside = where.group(2) if where and where.group(1).lower() == "in" else ""
        before = before[:where.start()] if where else before
        # (a title keeps its stop: "Mr. Dev Banerjee, my old head clerk, referred me")
        words = [w if form_of_address(w) else w.rstrip(".") for w in re.findall(r"[^\W\d_][\w'’-]*\.?", before)[-5:]]
        name = []
        for k in range(len(words) - 1, -1, -1):
            # (particles only between two capitalised words: "Jan de Vries", "Koen van der Berg")
            if not (_capitalised(words[k]) or (name and words[k] in _PARTICLES and _after_a_first_name(words, k))):
                break
            name.insert(0, words[k])
        name = name[-4:] if set(name) & _PARTICLES else name[-3:]
        if name:
            dept = _department(text[after.end():])
            if not dept and noted and noted.group(1):
                dept = re.sub(r"^(?:(?:works?|is)\s+)?(?:in|from|on|at)\s+(?:the\s+)?", "", noted.group(1).strip(),
                              flags=re.IGNORECASE)
            elif not dept and noted:
                dept = _department(" " + noted.group(2))
            return " ".join(name), dept or inside
    return cjk_referral(text)


# A referral in Chinese, Japanese or Korean: the referral's word (内推, 推荐, 紹介, リファラル, 추천),
# the referrer's name before it (after the relation's words: 前同事王磊内推, 田中さんの紹介, 윤지호 님
# 추천) or in the brackets after it (친구 추천 (개발팀 윤지호 책임)), a department in brackets or as a
# word ending in 部/팀/課 beside the name. A referral still to be asked for (打算找人内推, 紹介して
# もらう予定, 추천 부탁할 예정) is none.
_CJK_REFERRAL = re.compile(r"内推|內推|推荐|推薦|紹介|介绍|介紹|リファラル|추천|소개")
_CJK_UNSAID = re.compile(r"打算|准备|準備|想找|想请|想請|希望|もらう予定|お願いする|頼む予定|予定"
                         r"|부탁할|예정|하려고|没有|沒有|없")
_CJK_RELATION = re.compile(r"^(?:.*?)(?:前同事|老同事|同事|朋友|好友|室友|舍友|校友|发小|發小|邻居|鄰居"
                           r"|表哥|表姐|堂哥|前辈|前輩|前上司|前领导|前領導|学长|學長|学姐|學姐|学姊|學姊|师兄|師兄"
                           r"|师姐|師姐|同学|同學|老乡|老鄉|親戚|亲戚|先輩|友人|知人|元同僚|同僚|同期"
                           r"|친구|선배|후배|동기|지인|동료|전\s*직장\s*동료)\s*(?:の|的)?\s*")
_CJK_DEPT = re.compile(r"[\u4e00-\u9fff\uac00-\ud7a3A-Za-z]{1,8}(?:部|課|室|팀|본부|실|组|組|团队|團隊|中心|處|处)"
                       r"(?![\u4e00-\u9fff\uac00-\ud7a3])"
                       # (a department named in English in a mixed note: 'design team', 'IT dept')
                       r"|[A-Za-z][A-Za-z&\- ]{0,20}\s(?:team|dept|department|group)", re.IGNORECASE)
_CJK_TITLES = re.compile(r"\s*(?:さん|様|氏|先輩|님|책임|선임|수석|과장|부장|차장|대리|팀장|매니저|经理|經理"
                         r"|总监|總監|老师|老師|女士|先生|小姐|学长|學長|学姐|學姐|學姊|师兄|師兄|师姐|師姐|선배)$")
# words in a referral's place that name no person
_NOT_PEOPLE = frozenset({"朋友", "同事", "친구", "지인", "헤드헌터", "리크루터", "猎头", "獵頭", "人事", "인사팀",
                         "エージェント", "リクルーター"})


def cjk_referral(text: str) -> tuple[str, str]:
    """(referrer, department) a Chinese, Japanese or Korean note says, or ("", "")."""
    m = _CJK_REFERRAL.search(text)
    if m is None:
        return "", ""
    clause_start = max((text.rfind(c, 0, m.start()) for c in "。；;！!？?\n，,、"), default=-1) + 1
    if _CJK_UNSAID.search(text[clause_start:m.end() + 12]):
        return "", ""
    after = re.match(r"\s*(?:으로|으로는|로|で|的|了|我)?\s*[(（]([^)）]{1,30})[)）]", text[m.end():])
    inside = after.group(1) if after else ""
    before = text[clause_start:m.start()]
    # (Japanese "佐藤さんに紹介してもらった": に marks who did it)
    # (and 'からの紹介', 'より紹介': who it came from, with the particles after it)
    before = re.sub(r"(?:(?:の|が|に|から|より|에게서|한테서|께서|이|가|帮我|幫我|给我|給我|帮忙|幫忙|的)\s*)+$", "",
                    before.strip())
    said = re.search(r"[(（]([^)）]{1,30})[)）]\s*$", before)    # '佐藤さん（経理部）に': the note after the name
    if said:
        inside, before = inside or said.group(1), before[:said.start()]
    relation = _CJK_RELATION.match(before)
    if relation and before[relation.end():].strip():
        before = before[relation.end():]                 # '前同事王磊': the name after the relation
    elif relation:      # '王大明學長': the relation after the name; '友人の': a relation alone names no one
        spoken = _CJK_TITLES.sub("", before.strip()).strip()
        before = spoken if spoken != re.sub(r"(?:の|的)$", "", before.strip()) else ""
    before = _CJK_TITLES.sub("", before).strip()
    dept = ""
    unit = re.match(r"(.{1,8}?(?:部|課|组|組|팀|본부))\s*(.+)$", before)    # '研發部王大明學長'
    if unit and _cjk_name(unit.group(2)):
        dept, before = unit.group(1), unit.group(2)
    name = _cjk_name(before)
    if inside:
        words = inside.split()
        depts = [w for w in words if _CJK_DEPT.fullmatch(w)]
        dept = dept or (depts[0] if depts else "")
        if not name:
            name = next((_cjk_name(w) for w in reversed(words) if w not in depts and _cjk_name(w)), "")
        if not dept and _CJK_DEPT.fullmatch(inside.strip()):
            dept = inside.strip()
    if not name:
        return "", ""
    if not dept:      # '她在製造部', '在財務部上班': where the referrer works, said after
        works = re.search(r"[在於于]\s*([\u4e00-\u9fff]{1,8}?(?:部|課|组|組|团队|團隊))", text[m.end():m.end() + 20])
        dept = works.group(1) if works else ""
    return name, dept


def _cjk_name(words: str) -> str:
    """The name that ends `words` ('前同事王磊' after the relation is taken off: '王磊'; '윤지호 책임':
    '윤지호'; 'Peter'): two to four Han letters or Hangul syllables, or a capitalised Latin name."""
    words = _CJK_TITLES.sub("", words.strip()).strip()
    m = re.search(r"(?:^|[\s(（])([\u4e00-\u9fff]{2,4}|[\uac00-\ud7a3]{2,4}"
                  r"|(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))$", " " + words)
    if m is None:
        return ""
    name = m.group(1)
    if _CJK_DEPT.fullmatch(name) or name in _NOT_PEOPLE:
        return ""
    return name


# A department said right after the referrer's name, as each language says where someone works:
# its name before the word for a team ("in their finance team", "from the QA dept"), after it
# ("du service qualité", "dell'ufficio acquisti", "del departamento de Compras", "do setor de RH",
# "van de afdeling Inkoop", "z działu zakupów", "aus der Abteilung Vertrieb"), or a German noun
# after "aus dem" / "im" ("aus dem Einkauf", "im Vertrieb").
_TEAM_WORDS = r"team|dept\.?|department|division|group|unit"



# the nouns for a department in the languages the reader knows, said with its name before or
# after them ("(área Tecnología)", "(IT-Abteilung)", "du service qualité", "z działu zakupów")
_DEPT_WORDS = (r"service|équipe|direction|pôle|département|abteilung|bereich|departamento|depto\.?|área|equipo|ufficio"
               r"|reparto|area|divisione|settore|setor|sector|time|equipe|afdeling|dział|działu|zespołu|zespół|team|dept\.?")
_DEPT_NOUN = f"(?:{_DEPT_WORDS})"


@functools.cache
def _department_said() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:in|from|on|at|of)\s+(?:(?:their|the|its|our|his|her)\s+)?(?P<before>[\w&'’-]+(?:\s+[\w&'’-]+)?)"
        rf"\s+(?:{_TEAM_WORDS})\b"
        rf"|\b(?:{_DEPT_WORDS})\s+(?:(?:de|di|do|da|des|del|della|dos|das)\s+(?:la\s+|l['’]\s*)?|d['’]\s*)?"
        r"(?P<after>[^\W\d_][\w&'’-]*(?:\s+(?-i:[A-ZÀ-Ý])[\w&'’-]*){0,2})"
        r"|\b(?:aus\s+de[mr]|im|in\s+der)\s+(?P<german>(?-i:[A-ZÄÖÜ])[\wäöüß-]+)", re.IGNORECASE)




def _department(rest: str) -> str:
    """"(works in QA)", "(área Tecnología)", "(IT-Abteilung)", "in their finance team", "du service
    qualité", "aus dem Einkauf" right after a referrer's name (in the same clause, within some 60
    letters): the department, as written, without the word for a team (the scripts say it in
    their own words)."""
    named = re.match(r"[^(.;,]{0,40}?\(\s*(?:(?:in|from|aus|dans|en|di|da|em|uit|w)\s+)?"
                     r"(?:(?:the|der|die|la|le|el|l['’])\s*)?"
                     + _DEPT_NOUN + r"\s+(?:(?:de|di|del|do|da|des|du|van|of)\s+)?([^)]{1,30})\)"
                     r"|[^(.;,]{0,40}?\(\s*([^)\s]{1,20})[-\s]" + _DEPT_NOUN + r"\s*\)", rest, re.IGNORECASE)
    if named:
        return (named.group(1) or named.group(2)).strip()
    m = re.match(r"[^(.;,]{0,40}?\((?:[^)]*?\b(?:in|from|aus|dans|en|di|da|em|uit|w)\s+)?([^)]{1,30})\)", rest)
    if m and re.search(r"\b(?:in|from|aus|dans|en|di|da|em|uit|w)\s+", m.group(0)):
        return m.group(1).strip()
    # (some 60 letters, to the end of the word there: "el equipo de pagos" is never cut to "pag")
    near = re.match(r".{0,60}\w*", re.split(r"[.;\n!?]", rest, maxsplit=1)[0], re.DOTALL).group()  # type: ignore[union-attr]
    said = _department_said().search(near)
    if said is None:
        return ""
    dept = said.group("before") or said.group("after") or said.group("german") or ""
    return "" if dept.casefold() in _DETERMINERS else dept


# --- a person of the employer the notes name with their part ----------------------------------------
# "spoke w/ Priya from TA", "Marcus the hiring mgr said", "HR (Dolores) rang", "recruiter Jen says",
# "Frau Roth aus der Personalabteilung", "Julie des RH", "Ana de RRHH", "Sanne van HR", "Pani Nowak
# z HR": a capitalised name beside a word for a part (contactrole's: hiring manager, recruiter, HR or
# gatekeeper, and the titles of people who run a place), in one of these shapes:
#   NAME (ROLE)        ROLE (NAME)         NAME from/at/in (the) ... ROLE      ROLE[,] NAME
#   NAME[,] the/their ... ROLE      (apposition, the way each language puts an article before it)
# Never a weekday, a month, the company, a word for a part, a verb ("Met the hiring manager",
# "Called the recruiter", "Email the HM"), nor a word that starts a sentence ("The", "Then").
_STAFF = (r"director|dir|gm|general\s+manager|owner|founder|ceo|coo|cfo|supervisor|coordinator|co-?ordinator|principal"
          # (the noun after a part: "HR rep Denise", "TA specialist Omar")
          r"|rep|representative|generalist|officer|advisor|adviser|specialist|associate"
          r"|head(?:\s+\w+)?|lead|chef|partner|vp|president|(?:\w+\s+)?manager|(?:\w+\s+)?mgr"
          r"|geschäftsführer(?:in)?|leiter(?:in)?|directeur|directrice|gérante?|director[a]?|directora|direttore"
          r"|direttrice|diretor[a]?|directeur|eigenaar|dyrektor(?:ka)?|właściciel(?:ka)?|prezes")
# the words between a name and its part, per language: where the person is ("from", "aus der",
# "des", "de", "della", "do", "van", "z") and the articles of an apposition ("the", "la", "die")
_OF = (r"from|at|in|on|of|aus|vom|von|bei|im|der|dem|de|du|des|d['’]|chez|del|la|di|della|dell['’]|delle|dello|do|da"
       r"|dos|das|van|bij|z|ze")
_ARTICLES = r"the|their|our|his|her|my|a|an|la|le|el|il|lo|die|der|den|o|a|het|de"
# the verb that says who holds a part, either way round ("the HM is Tom Reid", "Orla is ward manager")
_COPULA = r"(?:is|was|ist|war|est|es|è|é|jest)(?!\s+(?:not|no|never|nicht|kein\w*|pas|non|não|nie)\b)"
_TITLES = r"(?:" + titles_before_a_name() + r"\s+)?"
_PERSON = _TITLES + r"(?-i:[A-Z][a-zà-ÿ][\w'’-]*(?:\s+[A-Z][a-zà-ÿ][\w'’-]*)?)"
# what an English note's capitalised word may be other than a name: a verb of contact said as a
# to-do ("Email the HM"), a word that opens a sentence
_NOT_A_PERSON = re.compile(
    r"(?:email|e-mail|call|ring|phone|chase|follow|ask|send|text|message|ping|check|contact|reach|meet|speak|talk|try"
    r"|wait|need|chat|interview|intro|spoke|sent|got|had|saw|heard|told|left|met|rang|went|gave|took|came|did|wrote"
    r"|the|a|an|and|but|then|also|just|still|so|if|when|after|before|since|per|via|re|fwd|thanks|hi|hello|dear|no|yes"
    r"|not|will|today|tomorrow|yesterday|next|last|this|that|they|she|he|we|i|it|our|their|my|his|her|new|old"
    r"|zoom|teams|linkedin|indeed|glassdoor|seek|reed|gmail|outlook|whatsapp|skype|google"
    r"|\w+(?:ed|ing))", re.IGNORECASE)


@functools.cache
def _role_of_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a part said anywhere, with a group per role; the same, the whole of a text)."""
    from .contactrole import HIRING_MANAGER, HR, RECRUITER, role_words
    body = "|".join(f"(?P<{role}>{role_words(role)})" for role in (HIRING_MANAGER, RECRUITER, HR)) \
        + f"|(?P<staff>{_STAFF})"
    return (re.compile(r"(?<![\w'’-])(?:" + body + r")\.?(?![\w'’-])", re.IGNORECASE),
            re.compile(r"(?:" + body + r")\.?", re.IGNORECASE))


@functools.cache
def _person_shapes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a name before a part: in brackets, after a word of place or an article; a name after it:
    in brackets or as the next words), each on the text before or after the part."""
    before_bracket = re.compile(r"(?P<name>" + _PERSON + r")\s*[(（]\s*(?:(?:" + _ARTICLES + r")\s+)?"
                                r"(?:(?-i:[a-z][\w/&'’-]*)\s+){0,2}$")
    before = re.compile(r"(?P<name>" + _PERSON + r")\s*(?:,\s*|\s+(?:" + _OF + r")\s+|\s+(?=(?:" + _ARTICLES + r")\s)"
                        r"|\s+" + _COPULA + r"\s+)"
                        r"(?:(?:" + _ARTICLES + r")\s+)?(?:(?-i:[a-z][\w/&'’-]*)\s+){0,2}$", re.IGNORECASE)
    after_bracket = re.compile(r"^\s*[(（]\s*(?P<name>" + _PERSON + r")\s*[)）]")
    after = re.compile(r"^\s*(?:[,:]\s*|\s[-–—]\s+|\s+" + _COPULA + r"\s+)?(?P<name>" + _PERSON
                       + r")(?![\w'’(-])(?!\s*[(（])")
    return before_bracket, before, after_bracket, after


@functools.cache
def _calendar_words() -> frozenset[str]:
    """What a capitalised word beside a part may be that is no person (Babel's CLDR names): a
    month or a weekday in the languages the reader knows (English abbreviated too: "Mon", "Sept";
    another language's short forms are names: French "sam.", Spanish "mar."), a country."""
    from babel import Locale

    from .statements import LANGUAGES
    out: set[str] = {"tues", "weds", "thur", "thurs", "sept"}
    for language in LANGUAGES:
        try:
            locale = Locale.parse(language)
        except (ValueError, LookupError):
            continue
        for table in (locale.days, locale.months):
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated") if language == "en" else ("wide",):
                    out.update(str(name).casefold().rstrip(".") for name in table[context][width].values())
        out.update(str(name).casefold() for name in locale.territories.values())
    return frozenset(out)


def _a_person(name: str, company: str) -> bool:
    """Whether a capitalised `name` next to a part may be a person: no weekday or month, no word of
    the company's, no word for a part, no verb or word that opens a sentence."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name)
             if not re.fullmatch(_TITLES.rstrip("?") + "?", w + " ")]
    if not words:
        return False
    firm = {w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", company or "")}
    first = words[0]
    return not (_NOT_A_PERSON.fullmatch(first) or any(w.casefold().rstrip(".") in _calendar_words() for w in words)
                or any(w.casefold() in firm for w in words) or _role_of_words()[1].fullmatch(first))


# a part that is a firm, not a person: the name written after it is the firm's
_ORGANISATION_PART = re.compile(r"agenc(?:y|ies)\.?$", re.IGNORECASE)


# A manager of the writer's own, said with "my" and what they were ("my old boss", "mi antiguo jefe",
# "mein ehemaliger Chef", "mon ancien manager", "il mio ex capo", "minha ex-chefe", "mijn oude baas",
# "mój były szef"); not "my future boss", who is the employer's
_MY_OWN = re.compile(
    r"(?:\bmy|\bmi|\bmein\w*|\bmon|\bma|\bmio|\bmia|\bil\s+mio|\bla\s+mia|\bmeu|\bminha|\bo\s+meu|\ba\s+minha"
    r"|\bmijn|\bmój|\bmoja|\bmojego|\bmojej)\s+"
    r"(?:(?:old|former|ex|previous|last|current|antigu[oa]|anterior|ex-?|alte[rnm]?|ehemalige[rnm]?|frühere[rnm]?"
    r"|ancien(?:ne)?|vecchi[oa]|ex-|antig[oa]|oude|voormalige|vorige|był[ya]|dawn[ya]|poprzedni[a]?)\s*)+"
    r"(?:line\s+)?\w+$|\bmy\s+(?:line\s+)?(?:boss|manager|mgr)$", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def people_in(note: object, company: str = "") -> tuple[tuple[str, str], ...]:
    """(name, role) of each person of the employer `note` names with their part (role: one of
    contactrole's roles, or "" for another part, e.g. a general manager), once each, in the order
    written. `company`: the row's company, never taken for a person."""
    if not isinstance(note, str) or not note:
        return ()
    if not re.search(r"[A-Z][a-zà-ÿ]", note):
        return _titled_people(note, company)
    found: dict[str, str] = {}
    anywhere, _ = _role_of_words()
    before_bracket, before, after_bracket, after = _person_shapes()
    # (words for a part side by side are one part, the first that names a role its role:
    # "recruitment partner", "HR manager")
    parts: list[tuple[int, int, str]] = []
    for m in screened(anywhere).finditer(note):
        role = m.lastgroup if m.lastgroup and m.lastgroup != "staff" else ""
        if parts and not note[parts[-1][1]:m.start()].strip(" -"):
            start, _, was = parts.pop()
            parts.append((start, m.end(), was or role))
        else:
            parts.append((m.start(), m.end(), role))
    for start, end, role in parts:
        # (the part's own clause only: "rang Acme. Tom the recruiter" is Tom's)
        left = re.split(r"[.;!?\n]\s|[.;!?\n]$", note[max(0, start - 80):start])[-1]
        if role == "hiring_manager" and _MY_OWN.search(left + note[start:end]):
            continue     # the writer's own (former) boss, who may refer them, is no manager of the employer's
        right = note[end:end + 60]
        shapes = [p.search(left) for p in (before_bracket, before)] + [p.search(right) for p in (after_bracket, after)]
        if _ORGANISATION_PART.search(note[start:end]):
            shapes = shapes[:1]   # "agency: Blue Arrow" names the agency; "Tom (agency)" is Tom
        for said in shapes:
            if said is not None and _a_person(said.group("name").strip(), company):
                name = said.group("name").strip()
                found[name] = found.get(name) or role or ""
                break
    return tuple(_distinct(found).items()) or _titled_people(note, company)


# A person named with a form of address and no part ("Frau Yilmaz ist bis 11.12. im Urlaub", "Mr
# Okafor rang", "人事の山本さんは出張中"): a person of the employer's, when the notes name no one with a part
# (the form of address as often in small letters, as Dutch, Polish, French, Spanish and Italian
# write it inside a sentence: "mevrouw De Smet", "pani Nowak", "la sra. Ortiz"; the name capitalised,
# after a particle of its own: "mevrouw van Dijk")
_TITLED = re.compile(
    r"(?-i:\b(?P<title>(?i:Mr|Mrs|Ms|Dr|Herr|Frau|Mme|Madame|Monsieur|Sra|Sr|Srta|Señora|Señor|Sig\.ra|Signora|Signor"
    r"|Dott\.ssa|Dott|Pan|Pani|Panią|Pana|Dhr|Mevr|Mevrouw|Meneer))\.?\s+"
    r"(?P<name>(?:(?:van|de|der|den|von|di|da|du|le|la|del)\s+)?"
    r"[A-ZÄÖÜÀ-ÝŁŚŻŹĆ][a-zà-ÿäöüßąćęłńóśźż][\w'’-]*(?:\s+[A-ZÄÖÜÀ-Ý][a-zà-ÿäöüß][\w'’-]*)?))"
    r"|(?P<kanji>[\u4e00-\u9fff\u3005]{1,4})(?P<honorific>さん|様)")
# what stands before さん or 様 that is no person's name
_NOT_KANJI_NAMES = frozenset({"担当", "担当者", "人事", "採用", "採用担当", "御社", "貴社", "皆", "先方", "お客",
                              "企業"})


def _titled_people(note: str, company: str) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for m in _TITLED.finditer(note):
        if m.group("kanji"):
            kanji = m.group("kanji")
            if kanji not in _NOT_KANJI_NAMES and kanji not in company and not kanji.endswith(("部", "課", "社")):
                found.setdefault(kanji + m.group("honorific"), "")
        elif _a_person(m.group("name"), company):
            said = m.group(0).strip()
            found.setdefault(said[:1].upper() + said[1:], "")
    return tuple(_distinct(found).items()) if len(found) == 1 else ()


def _distinct(found: dict[str, str]) -> dict[str, str]:
    """The people of `found`, one entry each, in the order found ("Priya" and "Priya Shah" are
    one: the longer name)."""
    kept: dict[str, str] = {}
    for name in sorted(found, key=len, reverse=True):
        if not any(other.casefold().split()[0] == name.casefold().split()[0] for other in kept):
            kept[name] = found[name]
    return {name: kept[name] for name in found if name in kept}
