"""What is working: figures over the tracker frame and its plan (pure pandas, `today` passed in).

Input: the sheet outcomes of pipeline.compute; output: a `Stats` of small tables. A figure the
tracker has no column for is left out with a note naming the column that would give it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .settings import Settings
from .status import Status

WEEKS_SHOWN = 26
# A response text that says nothing came back: "no response", "not yet", "none so far", "waiting".
_NO_REPLY = re.compile(r"^\s*(?:no|not|none|nothing|never|waiting|pending|awaiting)\b|no (?:reply|response|answer)|"
                       r"not (?:yet )?heard|ghost", re.I)
# A Last Contact column headed like these holds the date they answered, not the user's own follow-up.
_REPLY_DATE_HEADER = re.compile(r"respon|repl|answer|heard|antwort|respuesta|réponse|reponse|risposta|resposta", re.I)


@dataclass
class Stats:
    applications: int                      # sent applications (stage not "not applied")
    per_week: pd.DataFrame | None          # week (Monday), applications
    per_stage: pd.DataFrame                # stage, applications
    per_source: pd.DataFrame | None        # source, applications
    replied: int | None
    reply_rate: float | None
    reply_by_source: pd.DataFrame | None   # source, applications, replied, rate
    reply_by_follow_ups: pd.DataFrame | None   # follow_ups, applications, replied, rate
    median_days_to_reply: float | None
    replies_dated: int
    cold: int
    earlier_weeks: int = 0                 # applications before the weeks shown
    missing: list[str] = field(default_factory=list)    # the figures not shown, and the column that would give them


def compute_stats(outcomes: list, today: dt.date, settings: Settings | None = None) -> Stats:
    """The figures over every tracker sheet of the outcomes."""
    settings = settings or Settings()
    frames, plans, mapped, reply_dated = [], [], set(), True
    for o in outcomes:
        frames.append(o.tracker.frame)
        plans.append(o.plan)
        mapped |= set(o.tracker.columns)
        last = o.tracker.columns.get("last_contact")
        reply_dated &= last is not None and bool(_REPLY_DATE_HEADER.search(last.header))
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    plan = pd.concat(plans, ignore_index=True) if plans else pd.DataFrame()
    if frame.empty:
        return Stats(0, None, pd.DataFrame(columns=["stage", "applications"]), None, None, None, None, None,
                     None, 0, 0, missing=["No applications yet."])
    sent = (plan["stage"] != "not_applied").to_numpy()
    frame, plan = frame[sent].reset_index(drop=True), plan[sent].reset_index(drop=True)
    missing: list[str] = []

    per_week, earlier = None, 0
    if "applied_on" in mapped:
        per_week, earlier = _per_week(frame["applied_on"], today)
    else:
        missing.append("Applications per week: needs a 'Date Applied' column.")

    per_stage = (plan["stage"].map(STAGE_NAMES).value_counts()
                 .reindex([STAGE_NAMES[s] for s in STAGE_ORDER]).dropna().astype(int)
                 .rename_axis("stage").reset_index(name="applications"))
    per_stage = per_stage[per_stage["applications"] > 0].reset_index(drop=True)

    source = frame["source"].map(lambda s: " ".join(str(s).split()) or "(none)") if "source" in mapped else None
    per_source = None
    if source is not None:
        per_source = source.value_counts().rename_axis("source").reset_index(name="applications")
    else:
        missing.append("Applications and replies per source: needs a 'Source' column (e.g. LinkedIn, referral).")

    replied_rows = None
    if {"stage", "response"} & mapped:
        replied_rows = replied(frame, plan, settings)
    else:
        missing.append("Reply rate: needs a 'Status' or 'Response' column saying what came back.")
    n = len(frame)
    reply_by_source = reply_by_follow_ups = None
    if replied_rows is not None:
        if source is not None:
            reply_by_source = _rates(source, replied_rows, "source")
        if "follow_ups" in mapped:
            made = plan["follow_ups"].clip(upper=3).map(lambda k: "3 or more" if k >= 3 else str(k))
            reply_by_follow_ups = _rates(made, replied_rows, "follow_ups").sort_values("follow_ups")
            reply_by_follow_ups = reply_by_follow_ups.reset_index(drop=True)
        else:
            missing.append("Reply rate by follow-ups made: needs a 'Follow-ups' column with the number you made.")

    median, dated = None, 0
    if replied_rows is not None and reply_dated and "applied_on" in mapped:
        days = (frame["last_contact"] - frame["applied_on"]).dt.days
        days = days[replied_rows.to_numpy() & days.notna().to_numpy() & (days >= 0).to_numpy()]
        dated = len(days)
        median = float(days.median()) if dated else None
    elif replied_rows is not None:
        missing.append("Median days to first reply: needs the date they answered, e.g. a 'Response Date' column "
                       "(with 'Date Applied'); a 'Last Contact' date may be your own follow-up, so it is not used.")

    stage_text = frame["stage"] + " " + frame["response"]
    cold = int(((plan["status"] == Status.GONE_COLD.value) | stage_text.str.contains("ghost", case=False)).sum())
    return Stats(
        applications=n, per_week=per_week, per_stage=per_stage, per_source=per_source,
        replied=None if replied_rows is None else int(replied_rows.sum()),
        reply_rate=None if replied_rows is None or n == 0 else float(replied_rows.mean()),
        reply_by_source=reply_by_source, reply_by_follow_ups=reply_by_follow_ups,
        median_days_to_reply=median, replies_dated=dated, cold=cold, earlier_weeks=earlier, missing=missing)


STAGE_ORDER = ("applied", "interviewing", "offer", "closed")
STAGE_NAMES = {"applied": "Applied", "interviewing": "Interviewing", "offer": "Offer",
               "closed": "Closed", "not_applied": "Not applied"}


def replied(frame: pd.DataFrame, plan: pd.DataFrame, settings: Settings) -> pd.Series:
    """Whether a person answered: an interview or offer stage; or a response that is neither an
    automatic reply, a placeholder nor a "no reply yet"; or a closed stage that is not the user's
    own doing or silence (withdrawn, ghosted, cancelled)."""
    from .plan import contains_words
    response = frame["response"].map(lambda s: " ".join(str(s).split()))
    blank = {w.casefold() for w in settings.blank_words}
    said = (response != "") & ~response.str.casefold().isin(blank) & ~response.str.contains(_NO_REPLY)
    automatic = pd.Series(contains_words(frame["stage"] + " " + frame["response"], settings.autoresponse_words),
                          index=frame.index)
    stage_text = frame["stage"] + " " + frame["response"]
    silent_close = stage_text.str.contains(r"withdr|ghost|cancel|no (?:reply|response|answer)", case=False)
    stage = plan["stage"]
    return (stage.isin(["interviewing", "offer"])
            | (said & ~automatic)
            | ((stage == "closed") & ~silent_close))


def _rates(group: pd.Series, replied_rows: pd.Series, name: str) -> pd.DataFrame:
    table = pd.DataFrame({name: group.to_numpy(), "replied": replied_rows.to_numpy()})
    out = table.groupby(name, sort=False).agg(applications=("replied", "size"), replied=("replied", "sum"))
    out["rate"] = out["replied"] / out["applications"]
    return out.sort_values("applications", ascending=False, kind="stable").reset_index()


def _per_week(applied: pd.Series, today: dt.date) -> tuple[pd.DataFrame, int]:
    """Applications per week (weeks start on Monday), the last WEEKS_SHOWN weeks up to today with
    the empty weeks in between; and how many were earlier."""
    days = applied.dropna()
    days = days[days <= pd.Timestamp(today)]
    if days.empty:
        return pd.DataFrame(columns=["week", "applications"]), 0
    weeks = (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.normalize()
    this_week = pd.Timestamp(today) - pd.Timedelta(days=today.weekday())
    first = max(weeks.min(), this_week - pd.Timedelta(weeks=WEEKS_SHOWN - 1))
    span = pd.date_range(first, this_week, freq="7D")
    counts = weeks.value_counts().reindex(span, fill_value=0)
    earlier = int((weeks < first).sum())
    table = pd.DataFrame({"week": [d.date() for d in span], "applications": counts.to_numpy(dtype=np.int64)})
    return table, earlier
