"""Shared phrases for the follow-up script templates.

Every template (bundled or in a `--templates` folder) can call these as `m.NAME(...)`; they read
the script's own variables (`company`, `position`, `me`, `source`, ...), so most need no
arguments. Each returns an inline phrase that is safe when fields are missing: never an empty
name, "a  position" or a dangling "at". Only `m.via()` and `m.pitch(before)` may start with a
space.

    m.co()                  the company without a final period, so "at Acme Inc." can end a sentence
    m.pos()                 "Senior Planner role", or the position alone when it already says
                            "role", "position", "opening", "job" or "vacancy"
    m.role(fallback='the role I applied for')
                            "the Senior Planner role at Acme", "the Senior Planner role",
                            "the opening at Acme", or the fallback
    m.article(text)         "a" or "an" for the word that follows: an Engineer, an HR Manager,
                            a UX Designer, a User Researcher
    m.first(full, given='') the name to greet someone by: `given` when set, else the first name
                            ("Smith, John" -> "John"), or a title with the surname ("Ms. Dana
                            Whitfield" -> "Ms. Whitfield"; "Dr. Lee" stays); empty without a name
    m.when()                when I applied: "on November 3", "12 days ago", "about 3 weeks ago",
                            "yesterday" or "recently"
    m.via()                 " through LinkedIn", " through your website", " through a job board",
                            " by e-mail", or nothing when the source says nothing useful
    m.pitch(before='')      my one-line pitch as a sentence (capitalised, ending in a full stop)
                            after `before`, e.g. m.pitch(' ') to follow another sentence; empty
                            without a pitch
    m.applied()             the sentence about my application: "I applied for the Senior Planner
                            role at Acme through LinkedIn on November 3." on a first follow-up,
                            "I'm following up again on my application for ..., sent through
                            LinkedIn on November 3." on a later one
    m.call_back()           " I was asked to call back after Thanksgiving." (e-mail: "... to get
                            back in touch after ...") when the notes say so; " I understood there was a
                            hiring freeze until December 9, so I'm checking in now that it has
                            passed." once the row's hold has ended; else nothing
    m.reach_me()            how to reach me, for the end of a voicemail; "I'll follow up by
                            e-mail." when [you] has neither phone nor e-mail
    m.hello(name)           "Hi Dana," or "Hello," for an e-mail
    m.team()                the team the contact cell names, to ask for: "the Recruiting team",
                            "HR"; empty when the contact is a person or missing
    m.possessive(name)      "Ms. Brooks's", "Dana Lee's": whose call I'm returning
    m.signature()           e-mail sign-off: "Best regards," then my name, phone and e-mail, each
                            on its own line when known

The helpers read the script's variables when they are called: those of the context, and any
set with `{% set %}` at the top level of the template before the call. The same phrases are
plain functions below (`role(company, position, fallback)`, ...) for use from Python.

To word a phrase differently, write it out in your own copy of the template instead of calling
the helper.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from jinja2 import pass_context
from jinja2.filters import do_int
from jinja2.runtime import Context

_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq", "cpa", "pe"))
_ROLE_WORDS = frozenset(("role", "position", "opening", "job", "vacancy"))
# Titles said with the surname ("Dr. Barros", "Frau Müller"), in the languages headers are read in.
_TITLES = frozenset(("mr", "mrs", "ms", "miss", "mx", "mdm", "dr", "prof", "sir", "madam", "ma'am", "maam", "mam",
                     "herr", "frau", "hr", "fr",                                     # German
                     "sr", "sra", "srta", "don", "doña", "dra",                      # Spanish, Portuguese
                     "m", "mme", "mlle", "monsieur", "madame",                        # French
                     "sig", "sig.ra", "sigra", "signor", "signora", "dott", "dott.ssa", "ing", "avv",  # Italian
                     "senhor", "senhora"))
_TEAM_NOUNS = frozenset(("team", "department", "dept", "dept.", "office", "group", "desk", "unit", "division",
                         "staff", "committee", "panel", "board"))
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")
_VOWEL_AS_CONSONANT = ("uni", "use", "usu", "uti", "ux", "eu", "one", "once")
_WEBSITE = frozenset(("website", "company website", "company site", "careers page", "career page",
                      "careers site", "careers", "direct", "company"))
_EMAIL = frozenset(("email", "e-mail", "mail"))
# Sources that are a kind of place rather than a name: said with an article.
_GENERIC_SOURCES = {"job board": " through a job board", "jobboard": " through a job board",
                    "job site": " through a job site", "job portal": " through a job portal",
                    "alumni network": " through my alumni network", "online": " online",
                    "online application": " online", "portal": " through your careers portal"}
_SAYS_NOTHING = frozenset(("referral", "referred", "recruiter", "agency", "staffing", "headhunter", "other",
                           "unknown", "walk-in", "career fair", "job fair", "networking"))


# -- the phrases as plain functions -------------------------------------------------------------

def co(company: str) -> str:
    """The company without a final period."""
    return str(company.rstrip("."))


def pos(position: str) -> str:
    """'Senior Planner role', or the position alone when it already ends in 'role', 'job'..."""
    last = position.lower().split()[-1:]
    if last and last[0] in _ROLE_WORDS:
        return str(position)
    return f"{position} role"


def role(company: str, position: str, fallback: Any = "the role I applied for") -> str:
    """'the Senior Planner role at Acme', 'the Senior Planner role', 'the opening at Acme' or the fallback."""
    if position and company:
        return f"the {pos(position)} at {co(company)}"
    if position:
        return f"the {pos(position)}"
    if company:
        return f"the opening at {co(company)}"
    return str(fallback)


def article(text: str) -> str:
    """'a' or 'an' for the word that starts `text`."""
    words = text.split()
    word = words[0] if words else ""
    low = word.lower()
    if word.isupper() and word.isalpha() and (len(word) <= 3 or not text.isupper()):
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    if low.startswith(_SILENT_H):
        return "an"
    if low[:1] and low[:1] in "aeiou" and not low.startswith(_VOWEL_AS_CONSONANT):
        return "an"
    return "a"


def _is_title(word: str) -> bool:
    return word.rstrip(".").lower() in _TITLES


def _capitalise(word: str) -> str:
    """'doe' -> 'Doe', "o'neil" -> "O'Neil", 'smith-jones' -> 'Smith-Jones'; 'dr.' -> 'Dr.'"""
    return "-".join("'".join(p[:1].upper() + p[1:] for p in part.split("'")) for part in word.split("-"))


def person_name(text: str) -> str:
    """A name as people say it: "Smith, John" -> "John Smith", "jane doe" -> "Jane Doe",
    "Whitfield, Ms. Dana" -> "Ms. Dana Whitfield"; "John Smith, PhD" -> "John Smith"."""
    name = " ".join(str(text).split())
    if "," in name:
        left, right = (p.strip() for p in name.split(",", 1))
        right_words = right.replace(",", " ").split()
        if len(left.split()) == 1 and right_words and right_words[0].rstrip(".").lower() not in _SUFFIXES \
                and len(right_words) <= 3:
            name = f"{right} {left}"
        else:
            name = left
    words = name.split()
    if name and (name == name.lower() or name == name.upper()):
        words = [_capitalise(w.lower()) for w in words]
    if words and _is_title(words[0]):
        words[0] = words[0][0].upper() + words[0][1:].lower()
    return " ".join(words)


def first(full: str, given: Any = "") -> str:
    """The name to greet someone by: the first name, or a title with the surname; '' without a name."""
    if given:
        return str(given)
    parts = person_name(full).split()
    # (a word shortened with a full stop before the surname is a title as well, listed or not:
    # "Engr. Bello", "Arch. Nwosu", "Pst. Adebayo", "Capt. Reyes")
    if parts and (_is_title(parts[0]) or len(parts) > 1 and re.fullmatch(r"[A-Z][a-z]{1,4}\.", parts[0])):
        return f"{parts[0]} {parts[-1]}" if len(parts) > 1 else str(parts[0])
    if len(parts) > 1 and re.fullmatch(r"[^\W\d_]\.?", parts[0]):
        return " ".join(parts)     # "J. Okafor": an initial is no name to greet by
    if parts:
        return str(parts[0])
    return ""


def when(applied_on: Any, days_since_applied: Any) -> str:
    """When I applied: 'on November 3', '12 days ago', 'about 3 weeks ago', 'yesterday' or 'recently'."""
    days = do_int(days_since_applied)
    if applied_on:
        return f"on {applied_on}"
    if days >= 14:
        return f"about {days // 7} weeks ago"
    if days > 1:
        return f"{days} days ago"
    if days == 1:
        return "yesterday"
    return "recently"


def via(source: str) -> str:
    """' through LinkedIn', ' through your website', ' by e-mail', or ''. A kind with a name after it
    ("agency - Hays", "Recruiter: Talent Army") is said by the name; a source written as a plain
    description rather than a name ("mate", "walk in", "Online portal") is not read out, unless it
    reads as a phrase of its own ("a friend", "my cousin")."""
    text = source.strip()
    parts = [p.strip() for p in re.split(r"\s+[-–]\s+|\s*:\s+", text, maxsplit=1)]
    kind, name = (parts[0], parts[1]) if len(parts) == 2 else (text, "")
    if name and kind.lower() in _SAYS_NOTHING | {"job board", "jobboard", "website", "site", "friend", "mate"}:
        text = name
    s = text.lower()
    if s in _WEBSITE:
        return " through your website"
    if s in _EMAIL:
        return " by e-mail"
    if s in _GENERIC_SOURCES:
        return _GENERIC_SOURCES[s]
    if not s or s in _SAYS_NOTHING:
        return ""
    words = text.split()
    if words[0].lower() in ("a", "an", "my", "the", "our"):
        return f" through {text}"
    # a name: capitalised in each of its words or within one ("Seek", "IrishJobs", "Talent Army");
    # a description is all lower case or only its first letter is capital ("mate", "Online portal")
    if any(ch.isupper() for w in words[1:] for ch in w) or len(words) == 1 and text != s \
            or any(ch.isupper() for ch in words[0][1:]):
        return f" through {text}"
    return ""


def pitch(text: str, before: Any = "") -> str:
    """The pitch as a sentence after `before`; '' without a pitch."""
    p = text.strip()
    if p:
        return f"{before}{p[0].upper()}{p[1:]}{'' if p[-1] in '.!?' else '.'}"
    return ""


def reach_me(phone: Any, email: Any) -> str:
    """How to call me back, for a voicemail."""
    if phone and email:
        return f"You can reach me at {phone} or at {email}."
    if phone:
        return f"You can reach me at {phone}."
    if email:
        return f"You can reach me by e-mail at {email}."
    return "I'll follow up by e-mail."


def applied(company: str, position: str, source: str, applied_on: Any, days_since_applied: Any,
            follow_up_number: Any, fallback: Any = "an opening with your company") -> str:
    """'I applied for ... on November 3.' on a first follow-up, 'I'm following up again on my
    application for ..., sent on November 3.' on a later one."""
    what, how, sent = role(company, position, fallback), via(source), when(applied_on, days_since_applied)
    if do_int(follow_up_number) > 1:
        return f"I'm following up again on my application for {what}, sent{how} {sent}."
    return f"I applied for {what}{how} {sent}."


def call_back(when_text: Any, channel: Any = "call", hold: Any = "", hold_until: Any = "") -> str:
    """' I was asked to call back after Thanksgiving.' when the notes say so; ' I understood there was a
    hiring freeze until December 9, so I'm checking in now that it has passed.' when the row's
    hold has come to its end; else ''."""
    if hold and hold_until:
        return (f" I understood there was {hold_phrase(hold)} until {hold_until},"
                " so I'm checking in now that it has passed.")
    if not when_text:
        return ""
    verb = "get back in touch" if channel == "email" else "call back"
    return f" I was asked to {verb} {when_text}."


_HOLD_NOUNS = ("freeze", "hold", "pause")


def hold_phrase(word: Any) -> str:
    """A hold as the script says it: 'hiring freeze' -> 'a hiring freeze', 'paused' -> 'a pause'."""
    text = str(word or "").strip().lower()
    if any(text.endswith(noun) for noun in _HOLD_NOUNS) and not text.startswith("on "):
        return f"a {text}"
    return "a pause in the process"


def team(name: Any) -> str:
    """A team or department as it is asked for: 'the Recruiting team', 'the People Office',
    'Talent Acquisition', 'HR' (an article only before a noun such as team or office)."""
    text = str(name or "").strip()
    words = text.lower().split()
    if words and words[-1] in _TEAM_NOUNS and words[0] not in ("the", "your"):
        return f"the {text}"
    return text


def possessive(name: Any) -> str:
    """"Ms. Brooks's" (rules §2's example keeps the 's after an s)."""
    text = str(name or "").strip()
    return f"{text}'s" if text else ""


def hello(name: Any) -> str:
    """'Hi Dana,' or 'Hello,'."""
    return f"Hi {name}," if name else "Hello,"


def signature(name: Any, phone: Any, email: Any) -> str:
    """'Best regards,' and my name, phone and e-mail, each on its own line when known."""
    text = "Best regards,\n"
    if name:
        text += f"{name}\n"
    if phone:
        text += f"{phone}\n"
    if email:
        text += f"{email}\n"
    return text


# -- the same phrases for templates, reading the script's variables ----------------------------

def _var(context: Context, name: str) -> Any:
    """A template variable, as `{{ name }}` would see it (Undefined when missing)."""
    vars_ = context.vars
    if name in vars_:
        return vars_[name]
    parent = context.parent
    if name in parent:
        return parent[name]
    return context.environment.undefined(name=name)


def _me(context: Context, key: str) -> Any:
    """`me.KEY`, as the template would see it."""
    me = _var(context, "me")
    if type(me) is dict and key in me:   # the usual case; `name`, `phone`... are no dict methods
        return me[key]
    return context.environment.getattr(me, key)


class Phrases:
    """The `m` that templates see: `m.role()`, `m.when()`, ... (see the module docstring)."""

    __slots__ = ()

    @staticmethod
    @pass_context
    def co(context: Context) -> str:
        return co(_var(context, "company"))

    @staticmethod
    @pass_context
    def pos(context: Context) -> str:
        return pos(_var(context, "position"))

    @staticmethod
    @pass_context
    def role(context: Context, fallback: Any = "the role I applied for") -> str:
        return role(_var(context, "company"), _var(context, "position"), fallback)

    @staticmethod
    def article(text: str) -> str:
        return article(text)

    @staticmethod
    def first(full: str, given: Any = "") -> str:
        return first(full, given)

    @staticmethod
    @pass_context
    def when(context: Context) -> str:
        return when(_var(context, "applied_on"), _var(context, "days_since_applied"))

    @staticmethod
    @pass_context
    def via(context: Context) -> str:
        return via(_var(context, "source"))

    @staticmethod
    @pass_context
    def pitch(context: Context, before: Any = "") -> str:
        return pitch(_me(context, "pitch"), before)

    @staticmethod
    @pass_context
    def applied(context: Context, fallback: Any = "an opening with your company") -> str:
        v = functools.partial(_var, context)
        return applied(v("company"), v("position"), v("source"), v("applied_on"), v("days_since_applied"),
                       v("follow_up_number"), fallback)

    @staticmethod
    @pass_context
    def call_back(context: Context) -> str:
        return call_back(_var(context, "call_back"), _var(context, "channel"), _var(context, "hold_ended"),
                         _var(context, "hold_until"))

    @staticmethod
    @pass_context
    def reach_me(context: Context) -> str:
        return reach_me(_me(context, "phone"), _me(context, "email"))

    @staticmethod
    def hello(name: Any) -> str:
        return hello(name)

    @staticmethod
    @pass_context
    def team(context: Context) -> str:
        return team(_var(context, "team"))

    @staticmethod
    def possessive(name: Any) -> str:
        return possessive(name)

    @staticmethod
    @pass_context
    def signature(context: Context) -> str:
        return signature(_me(context, "name"), _me(context, "phone"), _me(context, "email"))


PHRASES = Phrases()

# Each helper, and whether it takes the template's context first (render.py calls them directly).
PHRASE_FUNCTIONS = {getattr(PHRASES, name): hasattr(getattr(PHRASES, name), "jinja_pass_arg")
                    for name in ("co", "pos", "role", "article", "first", "when", "via", "pitch", "reach_me",
                                 "hello", "signature", "applied", "call_back", "team", "possessive")}
