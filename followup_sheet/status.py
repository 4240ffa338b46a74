"""What the plan says of a row: its status and its script situation, and what the user reports
of a follow-up (its outcome), as str-enums whose values are what the sheets show and what the
template files are named after (`{situation}_call.j2`). It imports nothing of the project:
settings, read, plan, render, the marks, the exports and the CLI all use it.
"""

from __future__ import annotations

import enum


class Status(enum.StrEnum):
    """What the Follow-up Status column shows, in the rules' order of precedence."""
    CLOSED = "Closed"
    NOT_APPLIED = "Not applied"
    CHECK_DATA = "Check data"
    GONE_COLD = "Gone cold"
    OVERDUE = "Overdue"
    DUE_TODAY = "Due today"
    DUE_SOON = "Due soon"
    WAITING = "Waiting"


class Situation(enum.StrEnum):
    """Which script a row gets (rules §5), in the rules' order of precedence: the first that
    applies wins, and `check_in` is the default."""
    POST_INTERVIEW = "post_interview"
    OFFER = "offer"
    RECRUITER = "recruiter"
    REFERRAL = "referral"
    HIRING_MANAGER = "hiring_manager"
    AUTORESPONSE = "autoresponse"
    COMPETING_INTEREST = "competing_interest"
    CHECK_IN = "check_in"


ACTIVE = (Status.OVERDUE, Status.DUE_TODAY, Status.DUE_SOON, Status.WAITING)
TODAY_STATUSES = (Status.OVERDUE, Status.DUE_TODAY)
# The order statuses are counted in for the terminal: the ones to act on first.
SUMMARY_ORDER = (Status.OVERDUE, Status.DUE_TODAY, Status.DUE_SOON, Status.WAITING, Status.CHECK_DATA,
                 Status.GONE_COLD, Status.NOT_APPLIED, Status.CLOSED)


class Outcome(enum.StrEnum):
    """What the user reports of a follow-up: the Today sheet's Outcome drop-down (these values, in
    this order), the printed call sheet's boxes, and what the marks' rules apply."""
    SPOKE = "Spoke"
    VOICEMAIL = "Left voicemail"
    GATEKEEPER = "Reached a gatekeeper"
    EMAILED = "E-mailed"
    NO_ANSWER = "No answer"
    CALL_BACK = "Call back on a date"
    GOT_NAME = "Got the hiring manager's name"
    NOT_INTERESTED = "Not interested"
    INTERVIEW = "Got an interview"
    THEY_CALLED = "They called me"   # the employer's contact: a call-back, not the user's follow-up
    WITHDREW = "I withdrew"
    DONE = "Followed up"        # Done filled, Outcome left empty


# The Outcome drop-down: every outcome but Done's own.
OUTCOME_CHOICES = tuple(o for o in Outcome if o is not Outcome.DONE)
# The printed call sheet's boxes: what a call the user makes can end in, in the order a call goes.
CALL_OUTCOMES = (Outcome.SPOKE, Outcome.VOICEMAIL, Outcome.GATEKEEPER, Outcome.EMAILED, Outcome.NO_ANSWER,
                 Outcome.CALL_BACK, Outcome.GOT_NAME, Outcome.NOT_INTERESTED, Outcome.INTERVIEW)
