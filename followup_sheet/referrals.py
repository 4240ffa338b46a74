"""Read stage: who referred the user, when the notes say it and no column does ("Referred by my
old head of dept, Claire Moss (now in their Finance team)", "Marcus from my cohort referred me").
Input: one note; output: the referrer's name and department as written, or ("", "").

Read by the sentence's shape, who did what: a name after "referred by" / "recommended by" (the
words that describe the person skipped: "my old head of dept,"), or a name as the subject of
"referred me"; the department from "in/from their X team", "X dept" right after the name. A
referral still to come ("will ask Jo to refer me") or denied ("not referred") is none."""

from __future__ import annotations

import re

_NAME = r"(?P<name>(?-i:[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?))"
_BY = re.compile(r"\b(?:referred|recommended|put\s+forward|referral)\s+(?:by|from)\s+"
                 r"(?:(?:my|our|a|an|the|his|her)\s+)?(?:(?-i:[a-z][\w'’/-]*)[\s,]+){0,6}?" + _NAME, re.IGNORECASE)
_SUBJECT = re.compile(_NAME + r"(?:\s+(?:from|at|in|on)(?:\s+[\w'’]+){1,4}?)?\s+(?:has\s+|had\s+|kindly\s+)?"
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
    if not isinstance(note, str) or "refer" not in note.lower() and "recommend" not in note.lower():
        return "", ""
    for pattern in (_BY, _SUBJECT):
        for m in pattern.finditer(note):
            name = m.group("name")
            if name.split()[0] in _NOT_NAMES or _UNSAID.search(note[:m.start()]):
                continue
            dept = _DEPT.match(note[m.end():])
            return name, dept.group("dept") if dept else ""
    return "", ""
