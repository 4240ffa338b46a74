"""Read stage, a contact's role marked in the contact cell: "Dana Ruiz (HM)", "J. Okafor - hiring
mgr", "Tom, recruiter", "Frau Weber (Personalabteilung)", "王经理（用人部门）".

In: one contact cell. Out: the person's name without the mark, and the role the mark gives
(hiring manager, recruiter, HR or gatekeeper), in the languages the reader knows.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .titles import form_of_address

HIRING_MANAGER, RECRUITER, HR = "hiring_manager", "recruiter", "hr"

# What a mark beside a name says the person is, by role. A mark is the whole text in brackets, or
# after a dash, a slash, a colon or a comma; a name followed by anything else keeps it.
_ROLE_WORDS: dict[str, str] = {
    HIRING_MANAGER: (
        r"hm|hiring\s*(?:manager|mgr|mngr|lead)|(?:my\s+)?(?:future\s+|prospective\s+)?(?:line\s+)?(?:manager|mgr|boss)"
        r"|(?:team|eng(?:ineering)?|dept|department)\s+(?:lead|manager|mgr|head)|head\s+of(?:\s+\w+){1,3}|decision\s*maker"
        r"|fachbereich|fachabteilung|abteilungsleiter(?:in)?|teamleiter(?:in)?|bereichsleiter(?:in)?|vorgesetzte[r]?"
        r"|führungskraft|responsable(?:\s+(?:du\s+)?(?:service|poste|équipe|de\s+área|del\s+área|de\s+contratación))?"
        r"|manager\s+opérationnel|futur(?:e)?\s+manager|n\+1|gestionnaire|jefe|jefa|gerente|responsabile|capo|gestor(?:a)?"
        r"|respons[áa]vel|chefe"
        r"|leidinggevende|teamleider|afdelingshoofd|kierownik|kierowniczka|menedżer|przełożon[ya]"
        r"|用人经理|用人部门|部门经理|业务负责人|直属领导|用人部門|部門經理|現場責任者|配属先|部門長|面接官|현업\s*담당자|팀장|부서장"),
    RECRUITER: (
        r"recruiter|recruitment|recruiting|ta|talent(?:\s+(?:acquisition|partner|team|sourcer))?|sourcer|headhunter"
        r"|(?:recruitment\s+|staffing\s+)?agency|recruitment\s+consultant"
        r"|recruiterin|personalberater(?:in)?|recruteur|recruteuse|chargée?\s+de\s+recrutement|reclutador(?:a)?"
        r"|selezionatore|selezionatrice|recrutador(?:a)?|werver|wervingsadviseur|rekruter(?:ka)?"
        r"|猎头|獵頭|招聘|招聘专员|採用担当(?:者)?|リクルーター|채용\s*담당자?|리크루터|헤드헌터"),
    HR: (
        r"hr|human\s+resources|people(?:\s+team|\s+ops)?|personnel|reception(?:ist)?|front\s+desk|gatekeeper|assistant|ea|pa"
        r"|secretary|admin|personalabteilung|personal|hr-abteilung|sekretariat|empfang|assistenz|rh|ressources\s+humaines"
        r"|secrétaire|accueil|rrhh|recursos\s+humanos|secretaria|recepción|risorse\s+umane|segreteria|ufficio\s+personale"
        r"|recepção|p&o|hr-afdeling|personeelszaken|receptie|secretariaat|kadry|dział\s+kadr|sekretarka|recepcja"
        r"|人事|人力|人力资源|前台|人資|人事部|総務|受付|인사|인사팀|인사\s*담당자?|총무"),
}


def role_words(role: str) -> str:
    """The alternatives (a regex, without groups of its own) that name `role` beside a person."""
    return _ROLE_WORDS[role]


class ContactRole(NamedTuple):
    name: str      # the contact as written, without the mark
    role: str      # HIRING_MANAGER, RECRUITER, HR, or "" when the cell marks no role


@functools.cache
def _marks() -> list[tuple[str, re.Pattern[str]]]:
    return [(role, re.compile(rf"(?:{words})\.?", re.IGNORECASE)) for role, words in _ROLE_WORDS.items()]


@functools.cache
def _split() -> re.Pattern[str]:
    # the mark: in brackets at the end, or after a dash, slash, colon, comma or "the" word "as"
    # (or a role's capital letters written straight after the name: "Marcos RH", "Tom HR", "Ana HM")
    return re.compile(r"^(?P<name>.*?\S)\s*(?:[(\[（【［](?P<b>[^()\[\]（）【】［］]+)[)\]）】］]"
                      r"|\s[-–—/|]\s*(?P<d>.+)|\s*[,:，：]\s*(?P<c>.+)|\s(?P<u>HR|RH|RRHH|TA|HM|P&O))\s*$")


def role_of(mark: str) -> str:
    """The role a mark names ("HM", "hiring mgr", "TA", "Personalabteilung"), or ""."""
    mark = " ".join(mark.split()).strip(" .")
    for role, pattern in _marks():
        if pattern.fullmatch(mark):
            return role
    return ""


# a word that ties a name to a part of the firm ("Piet van HR", "Ana de RH", "Tom from HR")
_OF = frozenset({"van", "de", "von", "vom", "from", "of", "in", "di", "da", "du", "del", "der", "des", "do", "z", "w",
                 "at", "bei", "chez", "na", "no", "em"})


@functools.lru_cache(maxsize=4096)
def contact_role(text: str) -> ContactRole:
    """The name and the role a contact cell marks: 'Dana Ruiz (HM)' -> ('Dana Ruiz', hiring
    manager), 'Tom, recruiter' -> ('Tom', recruiter); 'Smith, John' and 'Ana Ruiz (Randstad)'
    mark no role and stay as written."""
    text = " ".join(str(text or "").split())
    m = _split().match(text)
    if m is None:
        return _role_before_the_name(text)
    words = m.group("name").split()
    if m.group("u") and (not all(w[:1].isupper() for w in words) or words[-1].casefold() in _OF):
        return ContactRole(text, "")   # ("entretien RH" names no one; "Piet van HR" is Piet of HR)
    mark = m.group("b") or m.group("d") or m.group("c") or m.group("u") or ""
    # (the part first, then the firm and the person in brackets: "Recruiter - Hudson (Mel)" is Mel,
    # a recruiter, the firm her note: "Mel (Hudson)")
    first = role_of(m.group("name"))
    person = re.fullmatch(r"(?P<firm>[^()]+?)\s*\((?P<who>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)\)", mark)
    if first and person and not role_of(person.group("who")) and not _PART_NOUNS.fullmatch(person.group("who")):
        return ContactRole(f"{person.group('who')} ({person.group('firm')})", first)
    # (the mark's own note in brackets names the firm: "Owain - agency (Hays)")
    role = role_of(mark) or role_of(re.sub(r"\s*[(\[（【［][^()\[\]（）【】［］]*[)\]）】］]\s*$", "", mark))
    if not role:
        return ContactRole(text, "")
    return ContactRole(m.group("name").strip(" ,;:-–—/|"), role)


# what a capitalised word after a part is when it is no name: more of the part ("Recruitment Partner")
_PART_NOUNS = re.compile(r"partner|officer|advis[eo]r|specialist|co-?ordinator|team|department|dept|office|desk|rep"
                         r"|representative|generalist|associate|lead|manager|mgr|head|assistant", re.IGNORECASE)


def _role_before_the_name(text: str) -> ContactRole:
    """The part written before the name ("Ward Manager Ciara", "Recruiter Jo Lam"): the name after
    it, with the role; else the cell as written, with no role. The name is one or two capitalised
    words that are no part; the part may have one word of place before it ("Ward", "Store")."""
    words = text.split(" ")
    for cut in range(1, len(words)):
        mark, name = words[:cut], words[cut:]
        if form_of_address(mark[-1].rstrip(".")) or form_of_address(mark[-1]):
            continue     # (a title belongs to the name after it: "Personalberaterin Fr. Kovac")
        if len(name) > 2 or not all(re.fullmatch(r"[A-Z][a-z'’-]+", w) and not _PART_NOUNS.fullmatch(w)
                                        and not role_of(w) for w in name):
            continue
        # (of two words, the first names the part when it is one: "HR Manager" is HR's)
        role = role_of(" ".join(mark)) or (role_of(mark[0]) or role_of(mark[1]) if len(mark) == 2 else "")
        if role:
            return ContactRole(" ".join(name), role)
    return ContactRole(text, "")


# "X is the Y" in the notes, in the languages the reader knows: the verb or sign between a name and
# the role it gives ("Gary's the hiring mgr", "Frau Roth ist die Teamleiterin", "Holt = HM")
_IS = (r"(?:['’]s|\s+is|\s+was|\s*=|\s*:|\s+[-–—]|\s+ist|\s+war|\s+est|\s+es|\s+è|\s+é|\s+jest|\s+to)"
       r"\s+(?:(?:the|my|our|their|der|die|mein|meine|le|la|mon|ma|el|mi|il|o|a|de|mijn|onze)\s+)?"
       r"(?:(?:new|future|actual|real|eigentliche|neue|nouveau|nouvelle|nuevo|nueva|nuovo|nuova|novo|nova|nieuwe)\s+)?"
       # (the place the manager runs, one word before the role: "Orla is ward manager", "Tim's store mgr")
       r"(?:(?!not\b|no\b|never\b|nicht\b|pas\b|non\b|nie\b)[a-z]+\s+(?=manager|mgr|lead|head))?")
# ... or the role before the name ("the hiring manager is Gary", "HM: Gary Holt", "hiring mgr, Gary")
_ROLE_IS = r"(?:\s+is|\s+ist|\s+est|\s+es|\s+è|\s+é|\s+jest|\s*[=:,(])\s*"


@functools.cache
def _manager_word() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_ROLE_WORDS[HIRING_MANAGER]})\.?(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _may_name_a_manager(notes: str) -> bool:
    return _manager_word().search(notes) is not None


def manager_in_notes(name: str, notes: str) -> bool:
    """Whether the notes say the person `name` (a contact cell's name, without a mark) is the hiring
    manager: "Gary's the hiring mgr" and "the HM is Gary" for Gary Holt, "Herr Albers ist der
    Teamleiter". The person is named by the whole name, the first name or the surname, as a word."""
    if not _may_name_a_manager(notes):
        return False
    low = " ".join(notes.split()).lower()
    # (a form of address is no name of its own: "Frau" is not Frau Roth)
    parts = [p.lower() for p in re.split(r"[\s,]+", name) if len(p) >= 2 and p.isalpha() and not form_of_address(p)]
    if not parts or not any(p in low for p in parts):
        return False
    who = "|".join(re.escape(w) for w in sorted({name.lower(), *parts}, key=len, reverse=True))
    words = _ROLE_WORDS[HIRING_MANAGER]
    # ("Ailsa (HM) is on leave", "Gary [hiring mgr]", "Dana/HM"): the role in brackets after the name
    return bool(re.search(rf"(?<!\w)(?:{who}){_IS}(?:{words})\.?(?!\w)", low)
                or re.search(rf"(?<!\w)(?:{who})\s*(?:\(|\[|/)\s*(?:{words})\.?\s*(?:\)|\]|(?!\w))", low)
                or re.search(rf"(?<!\w)(?:the\s+|my\s+|der\s+|die\s+|le\s+|la\s+|el\s+|il\s+)?(?:{words})"
                             rf"{_ROLE_IS}(?:{who})(?!\w)", low))
