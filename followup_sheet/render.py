"""Render stage: the plan -> one follow-up script per row that needs one.

Templates are Jinja2 files named `{situation}_{channel}.j2` (bundled in `templates/`); a user's
folder overrides any of them by name. Each template is compiled once and gets a small context.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import columns
from .agencies import brand_in
from .catalogue import Worded, in_language
from .contactrole import contact_role
from .errors import TemplateProblem
from .facts import employer_caller, someone_else_called
from .hanzi import in_form
from .language import polish_nominative, spoken_name
from .plan import PLACEHOLDERS
from .portugal import in_form as in_portugal_form
from .settings import AGENCY_NAMES, Settings
from .status import Situation, Status

SCRIPT_LIMIT = 32_000   # below Excel's 32,767 characters per cell


def bundled_templates() -> Path:
    """The templates shipped inside the package, or the source tree's top-level `templates/`."""
    here = Path(__file__).resolve().parent
    installed = here / "templates"
    return installed if any(installed.glob("*.j2")) else here.parent / "templates"


@functools.cache
def sandboxed_environment_class():
    """Jinja2's `SandboxedEnvironment`, with a refusal that says what the template did wrong.
    Every template the tool renders (scripts and exports) goes through it: a shared template
    folder must not run code, so names starting with `_` and Python's internals are refused."""
    import jinja2.sandbox

    class SandboxedTemplates(jinja2.sandbox.SandboxedEnvironment):
        def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
            return self.undefined(
                f"it reaches for {attribute!r} of a {type(obj).__name__} object, which templates may not "
                "use (names starting with _ and Python's internals are blocked); use only the fields "
                "listed in README.md#customising-scripts",
                name=attribute, obj=obj, exc=jinja2.sandbox.SecurityError)

    return SandboxedTemplates


@functools.cache
def _script_environment_class():
    """The sandboxed environment, with the phrase helpers (`m.NAME`) looked up and called
    directly: the sandbox's checks on each attribute and call, and Jinja2's general call path
    (looking at what each callable wants), cost more than most helpers themselves: per script,
    16.3 µs of CPU without the sandbox, 27.5 with it checking `m.NAME` too, 16.9 with this
    (the 16 bundled templates over benchmarks/render_bench.py's contexts). Only the helpers of
    `phrases.PHRASE_FUNCTIONS` pass unchecked; everything else goes through the sandbox."""
    from .phrases import PHRASE_FUNCTIONS, PHRASES

    helpers = {f.__name__: f for f in PHRASE_FUNCTIONS}

    class ScriptEnvironment(sandboxed_environment_class()):
        def getattr(self, obj: Any, attribute: str) -> Any:
            if obj is PHRASES and attribute in helpers:
                return helpers[attribute]
            return super().getattr(obj, attribute)

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (the names Environment.call uses)
            wants_context = PHRASE_FUNCTIONS.get(__obj) if not kwargs else None
            if wants_context is None:
                return super().call(__context, __obj, *args, **kwargs)
            return __obj(__context, *args) if wants_context else __obj(*args)

    return ScriptEnvironment


@functools.lru_cache(maxsize=8)
def _environment(user_folder: str | None):
    """One environment per template folder. Templates call the shared phrases of `phrases.py`
    as `m.NAME()`; a user's folder is searched before the bundled one."""
    import jinja2

    from .phrases import PHRASES

    folders = ([user_folder] if user_folder else []) + [str(bundled_templates())]
    env = _script_environment_class()(loader=jinja2.FileSystemLoader(folders), undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, autoescape=False, keep_trailing_newline=False,
                             bytecode_cache=_bytecode_cache())
    env.globals["m"] = PHRASES
    return env


def _bytecode_cache():
    """Compiled templates kept between runs (saves a few tens of ms per start). Jinja2's default
    folder is per user and checked for ownership, so no one else's bytecode is ever loaded. The
    files get their own names: a sandboxed template's calls are compiled to go through the
    environment (the sandbox's check, the phrase helpers' quick path), an unsandboxed one's do
    not, and Jinja2's cache key (template name and source) does not tell the two apart."""
    import jinja2
    try:
        return jinja2.FileSystemBytecodeCache(pattern="__followup_sheet_sandboxed_%s.cache")
    except (OSError, RuntimeError):
        return None


def get_template(name: str, templates: Path | None = None, language: str = "en"):
    """The template `name`; in another language `NAME.LANG.j2` first, the English as fallback
    (each looked for in the user's folder, then the bundled one)."""
    import jinja2
    env = _environment(str(Path(templates).resolve()) if templates else None)
    try:
        if language != "en" and name.endswith(".j2"):
            return env.select_template([f"{name[:-3]}.{language}.j2", name])
        return env.get_template(name)
    except jinja2.TemplateNotFound:
        raise TemplateProblem(f"template {name} not found in {templates or bundled_templates()}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(f"template {exc.filename or name}, line {exc.lineno}: {exc.message}") from None
    except UnicodeDecodeError:
        where = Path(templates) / name if templates and (Path(templates) / name).is_file() else name
        raise TemplateProblem(f"template {where} is not UTF-8 text; save it as UTF-8 in your editor") from None
    except OSError as exc:
        raise TemplateProblem(f"template {name} in {templates or bundled_templates()} cannot be read "
                              f"({exc.strerror or exc})") from None


class _Compiled:
    """One template, rendered for many rows. `Template.render` merges the template's globals
    (a ChainMap) into a fresh dict on every call; here that is done once per template. The
    context it builds is otherwise the one `Template.render` builds."""

    def __init__(self, template):
        self.template = template
        self.env = template.environment
        self.globals = dict(template.globals)
        self.global_names = set(self.globals)

    def render(self, values: dict[str, Any]) -> str:
        t, env = self.template, self.env
        ctx = env.context_class(env, {**self.globals, **values}, t.name, t.blocks)
        ctx.globals_keys = self.global_names
        return env.concat(t.root_render_func(ctx))


@functools.lru_cache(maxsize=4096)
def _human_date(value: Any, this_year: int) -> str:
    """'November 20', or 'November 20, 2025' when it is not this year (rules §7)."""
    if type(value) is dt.date:   # what `_records` gives for a date column
        d = value
    elif type(value) is pd.Timestamp:
        d = value.date()
    elif value is None or pd.isna(value):
        return ""
    else:
        d = pd.Timestamp(value).date()
    return f"{d:%B} {d.day}" if d.year == this_year else f"{d:%B} {d.day}, {d.year}"


def human_date(value: Any, this_year: int) -> str:
    """A date as the scripts say it: 'November 20', or 'November 20, 2025' in another year."""
    return _human_date(value, this_year)


def _days_since(applied: Any, today: dt.date) -> int:
    if type(applied) is dt.date:
        return (today - applied).days
    if type(applied) is pd.Timestamp:
        return (today - applied.date()).days
    return (today - pd.Timestamp(applied).date()).days if pd.notna(applied) else 0


# Words that make a contact a team or a department, not a person to ask for by name, in the
# languages headers are read in ("Human Resources", "Personalabteilung", "Recursos Humanos").
_NOT_A_PERSON = {"team", "talent", "acquisition", "hr", "recruiting", "recruitment", "careers", "hiring",
                 "people", "jobs", "department", "office", "admin", "info", "staffing", "desk", "human",
                 "resources", "personnel", "personalabteilung", "personal", "personalwesen", "personalbüro",
                 "bewerbermanagement", "abteilung", "rh", "rrhh", "recursos", "humanos", "reclutamiento",
                 "departamento", "ressources", "humaines", "recrutement", "service", "risorse", "umane",
                 "selezione", "ufficio", "recrutamento", "equipe", "équipe", "recruiter", "recruiters",
                 "dział", "kadr", "kadry", "kadrowy", "rekrutacja", "rekrutacji", "zespół", "biuro", "karier"}
_NOT_A_PERSON_CJK = ("人事", "人力", "招聘", "hr部", "採用", "担当", "総務", "인사", "채용", "부서", "담당자",
                     "猎头", "獵頭", "헤드헌터", "리크루터", "エージェント", "リクルーター")
_WORD_SPLIT = re.compile(r"[\W_]+")
_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_ADDRESSED = re.compile(r"^(?:hr|fr|hrn)\.\s*(?=\w)")
# (Chinese, Japanese and Korean text writes them full-width: 陈先生（猎头）, 鈴木【人事】)
_BRACKETED = re.compile(r"\s*[(\[（【［][^)\]）】］]*[)\]）】］]")


@functools.lru_cache(maxsize=8)
def _blanks(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


@functools.lru_cache(maxsize=4096)
def _text(value: Any, blanks: frozenset[str]) -> str:
    """Cell text for a script: '' for missing values and placeholders, else the text trimmed."""
    if not isinstance(value, str):
        return "" if value is None or pd.isna(value) else str(value).strip()
    text = " ".join(value.split())
    low = text.casefold().strip(" .")
    return "" if low in PLACEHOLDERS or low in blanks else text


# "Caro de RRHH", "Jan vom Personal", "Ana from HR": a person, then the department they work in
_OF_DEPARTMENT = re.compile(r"^(?P<name>.*\S)\s+(?:from|of|at|in|de|del|da|do|du|des|dal|dall['’]|della|dell['’]"
                            r"|von|vom|aus|van|uit|z|ze|di|chez|bei|/|\|)\s+(?:(?:the|la|le|el|der|dem|de|het|o|a)\s+|l['’])?"
                            r"(?P<part>[^\d@]+)$", re.IGNORECASE)


# A department or role written before a person in Chinese, Japanese or Korean ('人事 小川様',
# '인사팀 김민지 매니저', 'HR 王女士', '人事部の佐藤さん'): the person is what follows it
_CJK_DEPARTMENT_FIRST = re.compile(r"^(?P<part>\S+?)(?:\s+|の|的)(?P<name>\S.*)$")
_DEPARTMENT_CJK = _NOT_A_PERSON_CJK + ("人资", "人資", "팀", "hr", "部", "課", "室")
# a role glued to the name that follows it ('猎头陈先生', '猎头Amy', 'HR小王', 'エージェント木村さん')
_ROLE_GLUED = re.compile(r"^(?:猎头|獵頭|hr|人资|人資|人事|招聘|エージェント|リクルーター|헤드헌터|리크루터|인사팀)"
                         r"\s*(?:の|的)?\s*"
                         r"(?=[^\s部課课室组組团團팀の的])", re.IGNORECASE)


# a department glued to the person after it, as Chinese and Japanese write one ('人事处王主任',
# '教务处李老师', '人力资源部陈经理', '総務課田中さん'): an office word ends it, a person of two to
# four characters follows
_DEPARTMENT_GLUED = re.compile(r"^[\u4e00-\u9fff]{1,6}?[部課课室处處科办辦组組]"
                               r"(?P<name>[\u4e00-\u9fff]{2,4}(?:さん|様)?)$")


def _without_department(name: str) -> str:
    if not _CJK_LETTER.search(name):
        return _without_latin_department(name)
    office = _DEPARTMENT_GLUED.match(name.strip())
    if office is not None and not any(w in office.group("name").casefold() for w in _NOT_A_PERSON_CJK):
        return office.group("name")
    glued = _ROLE_GLUED.match(name)
    if glued and not any(w in name[glued.end():].casefold() for w in _NOT_A_PERSON_CJK):
        return name[glued.end():]
    said = _CJK_DEPARTMENT_FIRST.match(name)
    if said is not None and any(w in said.group("part").casefold() for w in _DEPARTMENT_CJK) \
            and not any(w in said.group("name").casefold() for w in _NOT_A_PERSON_CJK):
        return said.group("name")
    return _without_latin_department(name)


def _without_latin_department(name: str) -> str:
    """The name without the department or the agency said after it ("Anna from HR", "Tomek z
    Hays", "Luca di Adecco", "Jana Kovac / Randstad"); a particle before a family name stays
    ("Luca di Stefano")."""
    # the agency on one side of a dash or slash ("Hays - Carla Ruiz", "Carla Ruiz – Hays",
    # "Randstad / Tom Berg"): the person is the other side
    halves = re.match(r"^(?P<a>[^-–—/|:]+?)\s+[-–—/|:]\s+(?P<b>\S.*)$", name) \
        or re.match(r"^(?P<a>[^–—/|:]+?)\s*[–—/|:]\s*(?P<b>\S.*)$", name)
    if halves is not None:
        if _an_agency(halves.group("a")) and not _an_agency(halves.group("b")):
            return halves.group("b")
        if _an_agency(halves.group("b")) and not _an_agency(halves.group("a")):
            return halves.group("a")
    said = _OF_DEPARTMENT.match(name)
    if said is None:
        return name
    part = said.group("part")
    if set(_WORD_SPLIT.split(part.casefold())) - {""} <= _NOT_A_PERSON or _an_agency(part):
        return said.group("name")
    return name


def _an_agency(part: str) -> bool:
    """Whether `part` is an agency's name and nothing else (one of the bundled brands)."""
    brand = brand_in(part, AGENCY_NAMES)
    return bool(brand) and len(re.findall(r"[\w&-]+", part)) <= len(brand.split()) + 1


@functools.lru_cache(maxsize=4096)
def _person(name: str) -> str:
    """'Priya Raman (Talent Acquisition)' -> 'Priya Raman'; 'Smith, John' -> 'John Smith';
    'People Team' -> '' (not a person)."""
    from .phrases import person_name  # phrases imports jinja2, which only rendering needs

    name = contact_role(name).name     # "Tom, recruiter", "J. Okafor - hiring mgr": the name without the mark
    name = polish_nominative(name)     # "z Panią Kowalską", "Pana Nowaka": the name as it is greeted
    if "(" in name or "[" in name:
        name = _BRACKETED.sub("", name)
    # "Orla @ Hays": an "at" with spaces round it names where the person works; an address has none
    name = re.sub(r"\s+@\s+.*$", "", name).strip(" ,;-")
    if not name or "@" in name or any(ch.isdigit() for ch in name):
        return ""
    name = spoken_name(_without_department(name))
    name = person_name(name)
    low = name.casefold()
    # a title with its dot before a name is a form of address: "Hr. Demir" is Herr Demir, not HR
    words = set(_WORD_SPLIT.split(_ADDRESSED.sub("", low)))
    if words & _NOT_A_PERSON or any(w in low for w in _NOT_A_PERSON_CJK) or low in PLACEHOLDERS \
            or low.endswith(("部", "課", "课", "室", "组", "組", "团队", "團隊", "팀")):
        return ""     # (the last: a department, 'HR課', '开发组')
        return ""
    return name


def note_free(text: str) -> str:
    """Cell text without the notes in brackets after it: 'Acme (client confidential)' -> 'Acme'
    (rules §7: a note is never read aloud)."""
    if not any(ch in text for ch in "([（【［"):
        return text
    return " ".join(_BRACKETED.sub(" ", text).split()).strip(" ,;-")


@functools.lru_cache(maxsize=4096)
def team_name(text: str) -> str:
    """The contact when it names a team or a department rather than a person ('Recruiting team',
    'Personalabteilung', 'HR'): asked for, never greeted. '' for a person, an address or nothing."""
    if _marked_person(text):
        return ""
    text = note_free(text)
    if not text or "@" in text or any(ch.isdigit() for ch in text) or _person(text):
        return ""
    return text


def _marked_person(text: str) -> str:
    """The person in brackets after a part and a firm ("Recruiter - Hudson (Mel)" -> "Mel"), whom
    `note_free` would drop with the note; '' when the cell is not so written."""
    said = contact_role(text) if "(" in text else None
    return _person(said.name) if said is not None and said.role and "(" in said.name else ""


def person_text(text: str) -> str:
    """A contact cell's person as the scripts name them ('Smith, John' -> 'John Smith'); '' for a
    team, an address or a placeholder."""
    return (_person(note_free(text)) or _marked_person(text)) if text else ""


def ask_for(text: str) -> str:
    """Whom the call sheet says to ask for: the name as the script says it ('Smith, John' ->
    'John Smith', 'Priya Raman (Talent Acquisition)' -> 'Priya Raman'), or the text as written
    when it names no person ('People Team', 'HR')."""
    if not text or "@" in text:    # an address is where to write, not whom to ask for
        return ""
    return _person(text) or note_free(text)


NO_WAY_TO_REACH = "Find a number or e-mail first: this row has neither a phone nor an e-mail."


def asked_for(frame: pd.DataFrame | Mapping[str, Any], plan: pd.DataFrame | Mapping[str, Any]) -> Any:
    """The person each row's script asks for: the hiring manager in the hiring-manager and
    referral situations, else the contact (the hiring manager when there is none), as the
    templates do, and named as the script names them (`ask_for`). `frame` and `plan` are the
    tables, or their columns by name (arrays)."""
    manager = np.asarray(frame["hiring_manager"], dtype=object)
    contact = np.asarray(frame["contact"], dtype=object)
    situation = np.asarray(plan["situation"], dtype=object)
    uses_manager = (situation == Situation.HIRING_MANAGER.value) | (situation == Situation.REFERRAL.value) \
        | (contact == "")
    chosen = np.where(uses_manager & (manager != ""), manager, contact)
    return np.array([ask_for(v) if isinstance(v, str) else v for v in chosen], dtype=object)


def addresses(frame: pd.DataFrame | Mapping[str, Any]) -> np.ndarray:
    """The e-mail column, or the contact cell when that is an address (rules §5: an address,
    not a name). `frame` is the table, or its columns by name (arrays)."""
    email = np.asarray(frame["contact_email"], dtype=object)
    contact = np.asarray(frame["contact"], dtype=object)
    return np.array([e or (c.strip() if isinstance(c, str) and columns.mailto_url(c.strip()) else e)
                     for e, c in zip(email.tolist(), contact.tolist())], dtype=object)


@functools.lru_cache(maxsize=4096)
def _first(name: str) -> str:
    from .phrases import first
    return first(name)


def _flag(value: Any) -> bool:
    """A plan column's yes/no (missing, NaN and None are no)."""
    return value is True or (isinstance(value, (bool, np.bool_)) and bool(value))


def _said(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _contact_channel(facts: Any) -> str:
    """How the employer got in touch ("call" or "email"), from the plan's facts; "call" when they
    do not say (a phone call is what "HR reached out" mostly means)."""
    for fact in facts if isinstance(facts, list) else ():
        if getattr(fact, "kind", "") == "employer_contact":
            return "email" if getattr(fact, "channel", "") == "email" else "call"
    return "call"


def decision_day(plan_row: Mapping[str, Any]) -> dt.date | None:
    """The decision date the row's notes give (plan column `decision_on`), ahead or past; None
    without one, or when they give only a part of a month (`decision_rough`)."""
    value = plan_row.get("decision_on")
    if value is None or pd.isna(value) or _flag(plan_row.get("decision_rough", False)):
        return None     # ("mid-December" is no day to say)
    return pd.Timestamp(value).date()


def script_context(row: dict[str, Any], plan_row: dict[str, Any], today: dt.date, settings: Settings) -> dict[str, Any]:
    """The documented template context (README: Customising scripts). Missing text is ''.
    Every value is a fact of the row (a cell, a mark, or what the plan read from them), so a
    template that says only what its variables hold says nothing the row does not (rules §7)."""
    blanks = _blanks(settings.blank_words)
    text = {k: _text(note_free(_text(row.get(k, ""), blanks)), blanks)   # "TBD (agency)" is a placeholder too
            for k in ("company", "position", "contact", "hiring_manager", "referrer", "referrer_dept")}
    text["source"] = _text(row.get("source", ""), blanks)
    # ("Recruiter - Hudson (Mel)": the person in brackets is Mel, not a note to drop)
    text["contact"] = _marked_person(_text(row.get("contact", ""), blanks)) or text["contact"]
    applied = row["applied_on"]
    contact = _person(text["contact"])
    if not contact and _flag(plan_row.get("employer_called", False)) and plan_row.get("caller"):
        contact = _person(str(plan_row["caller"]))      # "Fr. Novak hat aufs Band gesprochen": her call
    referrer = _person(text["referrer"])
    year = today.year
    ahead = plan_row.get("interview_ahead")   # the plan gives the day of an interview still ahead
    interview_ahead = _flag(ahead) or isinstance(ahead, (pd.Timestamp, dt.date)) and not pd.isna(ahead)
    interview_on = plan_row.get("interview_on")
    if interview_ahead and not isinstance(ahead, bool):
        interview_on = ahead
    if _flag(plan_row.get("interview_rough", False)):
        interview_on = None       # only a week or a span was said: no day to say (rules §7)
    employer_called = _flag(plan_row.get("employer_called", False))
    returned = _flag(plan_row.get("returned_unanswered", False))
    raw_contact = str(row.get("contact", "") or "")
    if employer_called and someone_else_called(
            employer_caller(f"{row.get('response', '') or ''}\n{row.get('notes', '') or ''}"), raw_contact):
        # the notes say someone else called ("HR called" and "Anand (referral)"): the call back asks
        # for the person who called, and greets nobody by a name that did not call (rules §7)
        contact, text["hiring_manager"] = "", ""
    last_by = _said(plan_row.get("last_by", ""))
    # the company cell is a recruiting agency: the employer is its client, whose name the row does
    # not hold ("the hiring manager at Hays" would be false), so the scripts name no company
    agency = text["company"] if _flag(plan_row.get("agency_company", False)) else ""
    if agency:
        text["company"] = ""
    decision = decision_day(plan_row)
    return {
        "me": {"name": settings.your_name, "phone": settings.your_phone,
               "email": settings.your_email, "pitch": settings.pitch},
        "company": text["company"], "position": text["position"], "agency": agency,
        "contact": contact, "contact_first": _first(contact),
        "hiring_manager": _person(text["hiring_manager"]), "referrer": referrer,
        "referrer_dept": text["referrer_dept"] if referrer else "", "source": text["source"],
        "applied_on": _human_date(applied, year), "days_since_applied": max(_days_since(applied, today), 0),
        "last_contact": _human_date(row["last_contact"], year),
        "follow_up_number": int(plan_row["follow_ups"]) + 1,
        "due": _human_date(plan_row["due"], year),
        "answer_by": _human_date(plan_row.get("answer_by"), year),
        # the decision date the notes give: still ahead, or come (its day included) with no news yet
        "decision_by": _human_date(decision, year) if decision is not None and decision > today else "",
        "decision_passed": _human_date(decision, year) if decision is not None and decision <= today else "",
        # that day is when they said they would get back to me (their news), not a decision
        "decision_news": decision is not None and _flag(plan_row.get("decision_news", False)),
        "written_offer": bool(plan_row.get("written_offer", False)),
        "interview_held": _flag(plan_row.get("interview_held", True)) and not interview_ahead,
        "interview_ahead": interview_ahead,
        "interview_arranging": _flag(plan_row.get("interview_arranging", False)) and not interview_ahead,
        "via_agency": _flag(plan_row.get("via_agency", False)),
        # the recruiter has passed the CV on to its client (facts.cv_passed_on): ask for their feedback
        "cv_forwarded": any(getattr(f, "kind", "") == "cv_forwarded" for f in plan_row.get("facts") or ()),
        "interview_on": _human_date(interview_on, year) if interview_ahead else "",
        "thank_you": _flag(plan_row.get("thank_you", False)),
        "last_by": last_by,
        "employer_called": employer_called,
        "employer_called_on": _human_date(plan_row.get("employer_called_on"), year) if employer_called
        else _human_date(plan_row.get("returned_call_on"), year) if returned else "",
        "returning_call": employer_called and last_by != "user" or returned,
        # the user already returned their call and reached nobody: the message left then, and its day
        "message_left": returned and _flag(plan_row.get("message_left", False)),
        "message_left_on": _human_date(plan_row.get("message_left_on"), year) if returned else "",
        "employer_channel": _contact_channel(plan_row.get("facts")) if employer_called else "",
        "team": team_name(text["contact"]),
        "call_back": _text(plan_row.get("call_back", ""), blanks),
        "hold_ended": _said(plan_row.get("hold_ended", "")),
        "hold_until": _human_date(plan_row.get("hold_until"), year) if _said(plan_row.get("hold_ended", "")) else "",
        "other_offer_by": _human_date(plan_row.get("other_offer_by"), year),
        "other_offer_written": bool(plan_row.get("other_offer_written", False)),
        "situation": plan_row["situation"], "channel": plan_row["channel"],
    }


_ROW_FIELDS = ("company", "position", "contact", "hiring_manager", "referrer", "referrer_dept", "source",
               "applied_on", "last_contact", "notes", "response")
_PLAN_FIELDS = ("follow_ups", "due", "situation", "channel", "answer_by", "decision_on", "decision_news",
                "decision_rough", "written_offer", "interview_rough",
                "interview_held", "call_back", "other_offer_by", "other_offer_written", "interview_ahead",
                "interview_arranging", "via_agency", "caller",
                "interview_on", "thank_you",
                "last_by", "employer_called", "employer_called_on", "facts", "agency_company", "hold_ended",
                "hold_until", "returned_unanswered", "returned_call_on", "message_left", "message_left_on")

# The template of a call the employer made that is still to be returned (rules §2), for every
# situation but an offer (whose own script already answers what they said).
CALL_BACK = "call_back"


def template_name(situation: str, channel: str, returning_call: bool) -> str:
    """`{situation}_{channel}.j2`, or `call_back_{channel}.j2` for a call still to be returned."""
    if returning_call and situation != Situation.OFFER.value:
        return f"{CALL_BACK}_{channel}.j2"
    return f"{situation}_{channel}.j2"


def returning_calls(plan: pd.DataFrame) -> np.ndarray:
    """Rows whose last contact was the employer's call: the script returns it (unless an interview
    is still ahead)."""
    if "employer_called" not in plan:
        return np.zeros(len(plan), dtype=bool)
    called = plan["employer_called"].fillna(False).astype(bool).to_numpy()
    by = plan["last_by"].to_numpy(dtype=object) if "last_by" in plan else np.full(len(plan), "", dtype=object)
    # a call that set up an interview still ahead was answered by it ("HR rang, interview on Thursday"):
    # the next call is the one after the interview, not a return call
    ahead = plan["interview_ahead"].notna().to_numpy() if "interview_ahead" in plan else np.zeros(len(plan), bool)
    back = plan["returned_unanswered"].fillna(False).astype(bool).to_numpy() if "returned_unanswered" in plan \
        else np.zeros(len(plan), bool)
    return (called & (by != "user") | back) & ~ahead


def _taken(table: pd.DataFrame, fields: tuple[str, ...], at: np.ndarray) -> dict[str, list]:
    """The `fields` of `table` it has, each as a list of plain Python values (`_plain`) at the
    positions `at`: only the columns the scripts read, not the whole table taken (the plan has
    some forty columns, each its own block: taking them cost more than a small tracker's scripts)."""
    positions = at.tolist()
    out = {}
    for c in fields:
        if c in table:
            values = _plain(table[c])
            out[c] = [values[i] for i in positions]
    return out


def _records(columns: Mapping[str, list], start: int, stop: int):
    """Rows `start` to `stop` as dicts of plain Python values (quicker than DataFrame.to_dict for
    text columns)."""
    names = tuple(columns)
    return (dict(zip(names, values)) for values in zip(*(columns[c][start:stop] for c in names)))


def _plain(values: pd.Series) -> list:
    """A column's values as a list; a date column's as `datetime.date` (None where there is
    none), which numpy makes without a pandas Timestamp per cell (they cost about as much as
    the rest of a row's context: 30 ms of the default 10,000-row tracker's 5,567 scripts)."""
    if isinstance(values.dtype, np.dtype) and values.dtype.kind == "M":
        return values.to_numpy(dtype="datetime64[D]").astype(object).tolist()
    return values.tolist()


NO_DATE_YET = "No date yet: fill in Date Applied (or Last Contact) so the next follow-up can be worked out."


def render_scripts(frame: pd.DataFrame, plan: pd.DataFrame, today: dt.date, settings: Settings | None = None,
                   templates: Path | None = None) -> pd.Series:
    """Script text per row: rendered for rows with a situation, the problem for Check data rows."""
    settings = settings or Settings()
    templates = templates or settings.templates
    language = settings.language or "en"
    # (on plain lists and positions, not masked Series assignments: each of those cost more than
    # the rows of a small tracker)
    status = plan["status"].tolist()
    problems = frame["problem"].tolist()
    check = plan["check"].tolist() if "check" in plan else None
    texts: list[Any] = [""] * len(frame)
    for i, said in enumerate(problems):
        if status[i] == Status.CHECK_DATA.value:
            texts[i] = said if said != "" else Worded(NO_DATE_YET)
        if check is not None and check[i] != "" and said == "":
            texts[i] = check[i]     # the plan's own finding (a date after today) names the cell to fix
        if texts[i] != "" or status[i] == Status.CHECK_DATA.value:
            texts[i] = in_language(texts[i], language, "problems")   # in the tracker's language (rules §11)
    at = np.flatnonzero(plan["situation"].to_numpy() != "")       # positions in the plan
    wanted = plan.index[at]
    names = [template_name(situation, channel, back) for situation, channel, back in
             zip(plan["situation"].to_numpy()[at].tolist(), plan["channel"].to_numpy()[at].tolist(),
                 returning_calls(plan)[at].tolist())]
    compiled = {name: _Compiled(get_template(name, templates, language)) for name in dict.fromkeys(names)}
    in_frame = at if plan.index.equals(frame.index) else frame.index.get_indexer(wanted)
    rendered = _Rows(_taken(frame, _ROW_FIELDS, in_frame), _taken(plan, _PLAN_FIELDS, at), wanted, names, compiled,
                     today, settings).render(0, len(wanted))
    for k, text in zip(in_frame, rendered):
        texts[k] = text
    form = settings.chinese if language == "zh" else ""
    if form not in ("", "simplified"):    # a tracker kept in traditional characters reads its scripts so
        texts = [in_form(str(t), form) if t != "" else t for t in texts]
    if language == "pt" and settings.portuguese == "portugal":     # the scripts said as Portugal says them
        texts = [in_portugal_form(str(t)) if t != "" else t for t in texts]
    return pd.Series(texts, index=frame.index, dtype=object)


class _Rows:
    """The rows that get a script."""

    def __init__(self, row_values: dict[str, list], plan_values: dict[str, list], wanted: pd.Index, names: list[str],
                 compiled: dict[str, _Compiled], today: dt.date, settings: Settings):
        """`row_values` and `plan_values`: the tracker's and the plan's columns the scripts read
        (`_taken`), at the rows of `wanted` (the tracker's row numbers), in that order."""
        self.row_values, self.plan_values, self.wanted, self.names = row_values, plan_values, wanted, names
        self.compiled, self.today, self.settings = compiled, today, settings

    def render(self, start: int, stop: int) -> list[str]:
        """The scripts of rows `start` to `stop` (positions in `wanted`), in order."""
        part = self.wanted[start:stop]
        texts = []
        for row, name, r, p in zip(part, self.names[start:stop],
                                   _records(self.row_values, start, stop),
                                   _records(self.plan_values, start, stop)):
            try:
                context = script_context(r, p, self.today, self.settings)
                language = self.settings.language
                localised = language not in ("", "en") and self.compiled[name].template.name.endswith(f".{language}.j2")
                if localised:   # a NAME.LANG.j2: its dates and names in LANG
                    from .language import finish, local_context
                    context = local_context(context, r, p, self.today, language)
                text = self.compiled[name].render(context).strip()
                if localised:
                    text = finish(text)
            except Exception as exc:   # a user's template may fail in any way jinja2 can
                raise TemplateProblem(f"template {name} failed for row {row}: {exc}") from None
            texts.append(text[:SCRIPT_LIMIT])
        return texts


# --- the user's own templates ---------------------------------------------------------------

def template_names() -> list[str]:
    """The names a template folder may use: one per situation and channel, in English
    (`NAME.j2`) and in each language (`NAME.LANG.j2`)."""
    from .language import LANGUAGES

    english = [p.name for p in bundled_templates().glob("*.j2") if p.name.count(".") == 1]
    return sorted(english + [f"{n[:-3]}.{code}.j2" for n in english for code in LANGUAGES if code != "en"])


def unknown_templates(folder: Path) -> list[str]:
    """A warning for each file in a user's template folder that no situation uses (a misspelt
    name would otherwise be ignored without a word), naming the closest real name."""
    import difflib

    known = template_names()
    warnings = []
    for path in sorted(Path(folder).iterdir()):
        if path.name in known or path.name.startswith(".") or not path.is_file():
            continue
        close = difflib.get_close_matches(path.name, known, n=1, cutoff=0.75)
        if path.suffix.lower() != ".j2" and not close:
            continue   # a note or a backup of the user's own, not meant as a template
        hint = f"did you mean {close[0]}?" if close else "template names are SITUATION_call.j2 or SITUATION_email.j2"
        warnings.append(f"template {path} matches no situation and is not used; {hint}")
    return warnings


def export_templates(folder: Path) -> list[Path]:
    """Copy the built-in templates into `folder` (made if missing) for editing. No file there is
    ever replaced: if any of the names exists, nothing is written."""
    from .errors import OutputRefused

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputRefused(f"{folder} is a file, not a folder; give a folder to copy the templates into")
    sources = sorted(bundled_templates().glob("*.j2"))
    taken = [folder / s.name for s in sources if os.path.lexists(folder / s.name)]
    if taken:
        more = f" and {len(taken) - 1} more" if len(taken) > 1 else ""
        raise OutputRefused(f"{taken[0]}{more} already exist; nothing was copied; export into an empty "
                            "folder, or move your edited templates elsewhere first")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for source in sources:
            target = folder / source.name
            with open(target, "xb") as fh:    # never over a file that appeared meanwhile
                fh.write(source.read_bytes())
            written.append(target)
    except FileExistsError as exc:
        raise OutputRefused(f"{exc.filename} appeared while copying; it was left as it is") from None
    except OSError as exc:
        raise OutputRefused(f"{folder}: the templates could not be copied ({exc.strerror or exc})") from None
    return written
