"""What the plan says of a row: its status and its script situation, as str-enums whose values
are what the sheet shows and what the template files are named after (`{situation}_call.j2`).
It imports nothing of the project: settings, read, plan, render and the CLI all use it.
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
