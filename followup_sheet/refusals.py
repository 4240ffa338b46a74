"""Plan stage: whether a text says the employer ended the application in soft words, with no
stage word in it ("they won't be progressing my application", "went with an internal candidate").
Input: one stage, response or note text; output: the words that say it, or "".

Two shapes of sentence carry nearly every such refusal in English, so they are read as shapes, not
as a list of phrases: a step of the process that is negated ("not shortlisted", "won't be taking
it further", "unable to proceed") and a choice of someone else ("decided to go w/ another
candidate", "offered the role to someone else", "filled it internally"). A negation that is still
open ("not shortlisted yet") or a condition ("if not shortlisted") is no refusal."""

from __future__ import annotations

import functools
import re

# a step the employer takes an application through
_STEP = (r"(?:progress\w*|proceed\w*|short[-\s]?list\w*|advanc\w*|consider\w*|select\w*|successful"
         r"|(?:take|taking|taken|took|move|moving|moved|go|going)\s+(?:(?:it|this|that|me|you|(?:my|your|the|his|her)\s+\w+)\s+)?"
         r"(?:any\s+)?(?:further|forward|ahead))")
_NEGATION = (r"(?:\bnot|n['’]t|\bno\s+longer|\bunable\s+to|\bcannot|\bcan\s+not|\bdecided\s+against"
             r"|\bwill\s+not|\bnot\s+able\s+to)")
# someone other than the user
_OTHER = (r"(?:(?:some|any)(?:one|body)\s+(?:else|with|who|that|more|less|\w+er)\b"
          r"|(?:another|other|a\s+different|different|an?\s+internal|internal|an?\s+external|external|a\s+stronger"
          r"|stronger|a\s+more\s+\w+|more\s+\w+|an?\s+\w+\s+internal)\s+(?:\w+\s+)?"
          r"(?:candidates?|applicants?|persons?|people|profiles?|hires?|someone|somebody))")
# choosing: "went with", "go w/", "chose", "offered the role to", "moving forward with"
_CHOICE = (r"(?:(?:went|gone|go|goes|going|proceed\w*|progress\w*|mov(?:e|ed|ing)\s+(?:forward|ahead)|continu\w*)"
           r"\s+(?:with|w/)|chose|chosen|choose|choosing|picked|selected|hired|appointed|prefer\w*"
           r"|offered\s+(?:it|the\s+\w+)\s+to|filled\s+(?:it|the\s+\w+)\s+with|given\s+(?:it|the\s+\w+)\s+to)")
_INTERNALLY = r"\b(?:filled|hired|hiring|recruited|going|gone|went)\s+(?:\w+\s+){0,3}?internally\b"
_OPEN = re.compile(r"^[^.;,\n]*\b(?:yet|until|till|for\s+now)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|unless|whether|in\s+case|might|may|could|would)\s+(?:\w+\s+){0,3}$",
                        re.IGNORECASE)


@functools.cache
def _shapes() -> re.Pattern[str]:
    negated_step = _NEGATION + r"(?:\s+(?:be|been|being|to|have|has|had|get|getting|got|going\s+to))*\s+" + _STEP
    choice = r"\b" + _CHOICE + r"\s+(?:\w+\s+){0,2}?" + _OTHER + r"\b"
    return re.compile(f"{negated_step}|{choice}|{_INTERNALLY}", re.IGNORECASE)


def refusal(text: object) -> str:
    """The words of `text` that say the employer ended the application, or ""."""
    if not isinstance(text, str) or not text:
        return ""
    for m in _shapes().finditer(text):
        clause_start = max(text.rfind(sep, 0, m.start()) for sep in (".", ";", "\n", ","))
        before = text[clause_start + 1:m.start()]
        if _CONDITION.search(before) or re.search(r"\byet\b", text[m.start():m.end()], re.IGNORECASE) \
                or _OPEN.match(text[m.end():]):
            continue
        start = m.start()
        while start > 0 and text[start - 1].isalpha():     # "won't", not "n't"
            start -= 1
        return text[start:m.end()].strip()
    return ""
