"""Plan stage: the tidy tracker DataFrame -> status, next date, script situation and order per row.

Pure pandas/numpy over whole columns; `today` and the settings are arguments (rules §2-§6).
"""

from __future__ import annotations

import datetime as dt
import enum
import re

import numpy as np
import pandas as pd

from .settings import Settings


class Status(str, enum.Enum):
    """What the Follow-up Status column shows, in the rules' order of precedence."""
    CLOSED = "Closed"
    NOT_APPLIED = "Not applied"
    CHECK_DATA = "Check data"
    GONE_COLD = "Gone cold"
    OVERDUE = "Overdue"
    DUE_TODAY = "Due today"
    DUE_SOON = "Due soon"
    WAITING = "Waiting"

    def __str__(self) -> str:
        return self.value


ACTIVE = (Status.OVERDUE, Status.DUE_TODAY, Status.DUE_SOON, Status.WAITING)
TODAY_STATUSES = (Status.OVERDUE, Status.DUE_TODAY)
SITUATIONS = ("post_interview", "offer", "recruiter", "referral", "hiring_manager", "autoresponse",
              "competing_interest", "check_in")
STAGES = ("closed", "not_applied", "offer", "interviewing", "applied")


def _word_pattern(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w.strip().lower()) for w in words if w.strip()) or r"(?!x)x"


def classify_stage(text: pd.Series, settings: Settings) -> pd.Series:
    """Stage per row from its stage/response words; the first list that matches wins (rules §2)."""
    def stages(low: pd.Series) -> np.ndarray:
        conditions = [low.str.contains(_word_pattern(words), regex=True, na=False)
                      for words in (settings.closed_words, settings.not_applied_words,
                                    settings.offer_words, settings.interviewing_words)]
        return np.select(conditions, STAGES[:4], default="applied")
    return pd.Series(_per_value(text, lambda t: stages(t.str.lower())), index=text.index)


def _per_value(text: pd.Series, test) -> np.ndarray:
    """`test` (a Series -> array function) run once per distinct value of `text`, spread back
    over the rows: trackers repeat a handful of stage, response and source words."""
    codes, uniques = pd.factorize(text, use_na_sentinel=False)
    return np.asarray(test(pd.Series(uniques, dtype=text.dtype)))[codes]


def _contains(text: pd.Series, words: tuple[str, ...]) -> np.ndarray:
    """True where the lower-cased text holds one of `words`."""
    pattern = _word_pattern(words)
    return _per_value(text, lambda t: t.str.lower().str.contains(pattern, regex=True, na=False).to_numpy(dtype=bool))


def _applied_flag_stage(flag: pd.Series) -> np.ndarray:
    """An 'Applied' column of yes/no: no means not applied yet."""
    return _per_value(flag, lambda f: f.str.lower().str.strip().isin(["no", "n", "false", "0", "not yet", "nope"]))


def _busday(dates: pd.Series) -> np.ndarray:
    return dates.to_numpy(dtype="datetime64[D]")


def build_plan(frame: pd.DataFrame, today: dt.date, settings: Settings | None = None) -> pd.DataFrame:
    """Status, due date, situation, channel and Today priority for every application row."""
    s = settings or Settings()
    holidays = np.array(s.holidays, dtype="datetime64[D]")
    cal = np.busdaycalendar(holidays=holidays)
    today64 = np.datetime64(today, "D")
    idx = frame.index

    stage_text = (frame["stage"] + " " + frame["response"]).str.strip()
    stage = classify_stage(stage_text, s)
    stage = stage.where(~(_applied_flag_stage(frame["applied_flag"]) & (stage == "applied")), "not_applied")
    autoresponse = _contains(stage_text, s.autoresponse_words)
    recruiter = _contains(frame["source"] + " " + frame["contact"], s.recruiter_words)

    applied = _busday(frame["applied_on"])
    last = _busday(frame["last_contact"])
    pinned = _busday(frame["pinned"])
    base = np.fmax(applied, last)                    # NaT-aware: the later known date
    has_base = ~np.isnat(base)
    contacted_after = ~np.isnat(last) & (np.isnat(applied) | (last > applied))
    counted = frame["follow_ups"].to_numpy(dtype=float)
    follow_ups = np.where(np.isnan(counted), np.where(contacted_after, 1, 0), counted)

    gap = np.select(
        [stage.to_numpy() == "interviewing", stage.to_numpy() == "offer", follow_ups == 0],
        [s.interview_gap, s.offer_gap, s.first_gap], default=s.repeat_gap).astype(int)
    safe_base = np.where(has_base, base, today64)
    cadence_due = np.busday_offset(safe_base, gap, roll="forward", busdaycal=cal)
    use_pin = ~np.isnat(pinned) & has_base & (pinned >= safe_base)
    due = np.where(use_pin, pinned, cadence_due)
    due = np.where(has_base, due, np.datetime64("NaT"))
    soon_limit = np.busday_offset(today64, s.soon_window, roll="forward", busdaycal=cal)

    bad_date = (frame["problem"] != "").to_numpy()
    st = stage.to_numpy()
    status = np.select(
        [st == "closed",
         st == "not_applied",
         ~has_base | bad_date,
         (st == "applied") & (follow_ups >= s.max_follow_ups) & (today64 >= due),
         due < today64,
         due == today64,
         (due > today64) & (due <= soon_limit)],
        [Status.CLOSED.value, Status.NOT_APPLIED.value, Status.CHECK_DATA.value, Status.GONE_COLD.value,
         Status.OVERDUE.value, Status.DUE_TODAY.value, Status.DUE_SOON.value],
        default=Status.WAITING.value)
    active = np.isin(status, [x.value for x in ACTIVE])

    live_other = _competing(frame["company"], st, active | (status == Status.GONE_COLD.value))
    has_mgr = (frame["hiring_manager"] != "").to_numpy()
    has_ref = (frame["referrer"] != "").to_numpy()
    situation = np.select(
        [st == "interviewing", st == "offer", recruiter, has_mgr & has_ref, has_mgr, autoresponse, live_other],
        list(SITUATIONS[:-1]), default=SITUATIONS[-1])
    situation = np.where(active, situation, "")

    days_overdue = np.where(active & ~np.isnat(due), (today64 - due).astype("timedelta64[D]").astype(float), np.nan)
    plan = pd.DataFrame({
        "stage": st,
        "status": status,
        "due": pd.to_datetime(np.where(active, due, np.datetime64("NaT"))),
        "follow_ups": follow_ups.astype(int),
        "situation": situation,
        "channel": np.where(frame["no_calls"].to_numpy(dtype=bool), "email", "call"),
        "days_overdue": np.where(np.isnan(days_overdue), 0, np.maximum(days_overdue, 0)).astype(int),
        "autoresponse": autoresponse,
        "recruiter": recruiter,
    }, index=idx)
    plan["channel"] = plan["channel"].where(plan["situation"] != "", "")
    return plan


def _competing(company: pd.Series, stage: np.ndarray, live: np.ndarray) -> np.ndarray:
    """True where ANOTHER company has a live interviewing or offer process (rules §5)."""
    hot = live & np.isin(stage, ["interviewing", "offer"])
    key = company.str.lower().str.strip()
    hot_per_company = pd.Series(hot, index=company.index).groupby(key.to_numpy()).transform("sum").to_numpy()
    return (hot.sum() - hot_per_company) > 0


def today_order(frame: pd.DataFrame, plan: pd.DataFrame) -> pd.Index:
    """Rows for today's calls: Overdue and Due today, most days overdue first, then rows with a
    hiring manager or referrer, then the oldest application (rules §6)."""
    due_now = plan["status"].isin([s.value for s in TODAY_STATUSES])
    keyed = pd.DataFrame({
        "overdue": -plan["days_overdue"],
        "person": ~((frame["hiring_manager"] != "") | (frame["referrer"] != "")),
        "applied": frame["applied_on"].fillna(frame["last_contact"]),
        "row": frame.index,
    }, index=frame.index)[due_now]
    return keyed.sort_values(["overdue", "person", "applied", "row"], na_position="last").index


def summary(plan: pd.DataFrame) -> dict[str, int]:
    counts = plan["status"].value_counts()
    return {s.value: int(counts.get(s.value, 0)) for s in Status}
