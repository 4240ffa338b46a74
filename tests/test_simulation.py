"""Five weeks of a job search, day by day: a tracker of fifteen applications is refreshed through
`compute` every business day from Mon 2026-11-30 to Fri 2027-01-01 (country US), and the user
does what the plan says, as they would in the sheet: records calls, e-mails, thank-yous and
interviews. The employers act on their own days (calls, invitations, a rejection, an offer).

Checked on every day: nothing is due on a weekend or a public holiday; no row is contacted more
than the caps allow; a held interview gets its thank-you the next business day; an employer's
call is never counted as the user's follow-up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import holidays
import pandas as pd
from conftest import write_tracker

from followup_sheet.pipeline import compute
from followup_sheet.settings import Settings

SETTINGS = Settings(country="US")
START, END = dt.date(2026, 11, 30), dt.date(2027, 1, 1)
US = holidays.country_holidays("US", years=[2026, 2027])


def d(text: str) -> dt.date:
    return dt.date.fromisoformat("2026-" + text) if len(text) == 5 else dt.date.fromisoformat(text)


@dataclasses.dataclass
class App:
    company: str
    applied: dt.date
    phone: str = "+1 555 0100"
    email: str = ""
    stage: str = "Applied"
    notes: str = ""
    last: dt.date | None = None
    follow_ups: int | None = 0          # None: the user leaves the column empty
    no_calls: bool = False
    answers: bool = True                # whether anyone picks up the user's calls
    on_answer: str = "spoke with HR, no news yet"
    # what the user has done, for the checks
    contacts: list[tuple[dt.date, str]] = dataclasses.field(default_factory=list)
    interviews: list[dt.date] = dataclasses.field(default_factory=list)

    def log(self, day: dt.date, words: str) -> None:
        self.notes = f"{self.notes}; {day:%m/%d} {words}" if self.notes else f"{day:%m/%d} {words}"

    def cells(self) -> dict:
        return {"Company": self.company, "Role": "Analyst", "Date Applied": self.applied, "Last Contact": self.last,
                "Follow-ups": self.follow_ups, "Status": self.stage, "Phone": self.phone or None,
                "Email": self.email or None, "No Calls": "yes" if self.no_calls else None, "Notes": self.notes or None}


def tracker() -> list[App]:
    return [
        App("Alder Print", d("11-16")),
        App("Birchway Foods", d("11-18"), answers=False),
        App("Cobalt Yard", d("11-18")),
        App("Dunmore Health", d("11-23"), phone="", email="jobs@dunmore.example"),
        App("Elmstead Energy", d("11-09"), stage="Interviewed", last=d("11-25"), follow_ups=1,
            notes="11/24 final interview, 11/25 thank-you sent"),
        App("Fairlight Media", d("11-02"), stage="On hold", last=d("11-20"), notes="hiring freeze until Q1"),
        App("Glenrock Bank", d("11-16"), last=d("11-30"), notes="HR asked me to call back the week of 12/14"),
        App("Hartwell GmbH", d("11-20"), stage="Einladung erhalten", last=d("11-27"),
            notes="Vorstellungsgespräch am 8.12."),
        App("Ivybridge Labs", d("11-24")),
        App("Juniper Legal", d("11-24"), no_calls=True, email="hr@juniper.example"),
        App("Kestrel Maritime", d("11-27"), last=d("11-27"), notes="réponse avant le 15 décembre", follow_ups=None),
        App("Larchmont Retail", d("11-12"), stage="Second interview scheduled", last=d("11-30"),
            notes="second interview on 12/16"),
        App("Moorfield Travel", d("11-25"), follow_ups=None),
        App("Northgate Freight", d("11-25")),
        App("Oakhurst Insurance", d("11-02"), last=d("11-20"), follow_ups=2),
    ]


def employer_events(apps: dict[str, App]) -> dict[dt.date, list[Callable[[], None]]]:
    """What the employers do, on the morning of a day (the user writes it down that day)."""
    def call(name: str, day: dt.date, words: str) -> Callable[[], None]:
        def act() -> None:
            a = apps[name]
            a.log(day, words)
            a.last = day
        return act

    def stage(name: str, day: dt.date, new: str, words: str) -> Callable[[], None]:
        def act() -> None:
            a = apps[name]
            a.stage = new
            a.log(day, words)
            a.last = day
        return act
    return {
        d("12-02"): [call("Cobalt Yard", d("12-02"), "missed the recruiter's call")],
        d("12-04"): [stage("Ivybridge Labs", d("12-04"), "Rejected", "rejection e-mail")],
        d("12-07"): [call("Moorfield Travel", d("12-07"), "me llamaron de RRHH")],
        d("12-09"): [stage("Elmstead Energy", d("12-09"), "Verbal offer",
                           "they called with a verbal offer, answer by 12/18")],
    }


def user_acts(app: App, day: dt.date, row: pd.Series) -> None:
    """The user does the row's follow-up and writes it into the sheet."""
    count = (app.follow_ups or 0) if app.follow_ups is not None else None
    if row["channel"] == "email" or row["thank_you"]:
        app.log(day, "thank-you e-mail sent" if row["thank_you"] else "e-mailed HR")
        app.contacts.append((day, "thank_you" if row["thank_you"] else "email"))
    elif row["employer_called"]:
        if app.company == "Cobalt Yard":
            app.stage = "Interview scheduled"
            app.log(day, "returned their call, interview on 12/10")
        else:
            app.log(day, "devolví la llamada, todo bien")
        app.contacts.append((day, "return_call"))
        app.last = day
        return      # answering their call is not one of the user's follow-ups
    elif not app.answers:
        app.log(day, "called, no answer")
        app.contacts.append((day, "retry" if row["retry"] else "call"))
        if row["retry"]:       # a call that reached nobody again is not another follow-up
            app.last = day
            return
    else:
        app.log(day, app.on_answer)
        app.contacts.append((day, "call"))
    app.last = day
    if count is not None:
        app.follow_ups = count + 1


def interviews_today(apps: dict[str, App], day: dt.date) -> None:
    """Interviews happen; the user records each one that evening."""
    held = {d("12-08"): "Hartwell GmbH", d("12-10"): "Cobalt Yard", d("12-16"): "Larchmont Retail"}
    if day in held:
        a = apps[held[day]]
        a.stage = "Interviewed"
        a.log(day, "interview done")
        a.last = day
        a.interviews.append(day)


def _check_day(day: dt.date, plan: pd.DataFrame, apps: dict[str, App], thank_you_days: dict, cold: set) -> None:
    for name, row in plan.iterrows():
        if pd.notna(row["due"]):
            due = row["due"].date()
            assert due.weekday() < 5 and due not in US, (day, name, due)
        if row["status"] == "Gone cold":
            cold.add(name)
        if row["thank_you"] and row["status"] in ("Due today", "Overdue"):
            thank_you_days.setdefault(name, []).append(day)
        if row["employer_called"]:
            # their call is not the user's follow-up: an empty Follow-ups column stays at 0
            if apps[name].follow_ups is None and not apps[name].contacts:
                assert row["follow_ups"] == 0, (day, name)
            assert row["last_by"] == "employer" and row["status"] != "Gone cold", (day, name)


def _five_weeks(path) -> tuple[dict[str, App], dict[str, list[dt.date]], set[str]]:
    apps = {a.company: a for a in tracker()}
    events = employer_events(apps)
    thank_you_days: dict[str, list[dt.date]] = {}
    cold: set[str] = set()
    for stamp in pd.bdate_range(START, END):
        day = stamp.date()
        for act in events.get(day, []):
            act()
        if day in US:
            interviews_today(apps, day)
            continue        # the user takes the holiday off
        write_tracker(path, [a.cells() for a in apps.values()])
        sheets, _, _ = compute(path, today=day, settings=SETTINGS)
        plan = sheets[0].plan.assign(company=sheets[0].tracker.frame["company"]).set_index("company")
        _check_day(day, plan, apps, thank_you_days, cold)
        for name, row in plan.iterrows():
            if row["status"] in ("Due today", "Overdue"):
                user_acts(apps[name], day, row)
        interviews_today(apps, day)
    return apps, thank_you_days, cold


def test_five_weeks_day_by_day(tmp_path):
    tracker_counts = {a.company: a.follow_ups or 0 for a in tracker()}
    apps, thank_you_days, cold = _five_weeks(tmp_path / "tracker.xlsx")

    # each interview's thank-you was due (on Today) the business day after it, and only then
    for name, days in ((n, a.interviews) for n, a in apps.items() if a.interviews):
        for held in days:
            after = (pd.Timestamp(held) + pd.offsets.CustomBusinessDay(holidays=list(US))).date()
            assert thank_you_days.get(name, [None])[0] == after, (name, held, thank_you_days.get(name))
    assert set(thank_you_days) == {"Hartwell GmbH", "Cobalt Yard", "Larchmont Retail"}

    for name, a in apps.items():
        follow_ups = [c for c in a.contacts if c[1] in ("call", "email")]
        # an applied row stops at max_follow_ups, an interviewing row at max_interview_follow_ups (the
        # thank-you among them), an offer at both together; the Follow-ups column holds those made
        # before the five weeks; returning an employer's call is not a follow-up
        cap = SETTINGS.max_follow_ups if not a.interviews else max(SETTINGS.max_follow_ups,
                                                                   SETTINGS.max_interview_follow_ups)
        if a.stage == "Verbal offer":
            cap = SETTINGS.max_follow_ups + SETTINGS.max_interview_follow_ups
        made = tracker_counts[name] + len(follow_ups) + sum(k == "thank_you" for _, k in a.contacts)
        assert made <= cap, (name, a.contacts)
        if a.follow_ups is not None:
            assert a.follow_ups == made, (name, a.follow_ups, a.contacts)      # none counted twice
        run = 0
        for _, kind in a.contacts:        # calls that reached nobody, in a row
            run = run + 1 if kind == "retry" else 0
            assert run <= SETTINGS.max_retries, (name, a.contacts)
        days = [c[0] for c in a.contacts]
        assert len(days) == len(set(days)), (name, a.contacts)      # one contact a day at most

    never = apps["Birchway Foods"]
    assert [k for _, k in never.contacts][:3] == ["call", "retry", "retry"]
    assert "email" in [k for _, k in never.contacts]       # after the retries, an e-mail
    assert all(k in ("email", "thank_you") for _, k in apps["Dunmore Health"].contacts + apps["Juniper Legal"].contacts)
    assert [c for c in apps["Fairlight Media"].contacts if c[0] < d("2027-01-04")] == []   # on hold until Q1
    assert min(c[0] for c in apps["Glenrock Bank"].contacts) == d("12-14")
    assert "Oakhurst Insurance" in cold and "Alder Print" in cold
    assert (d("12-03"), "return_call") in apps["Cobalt Yard"].contacts
    assert (d("12-08"), "return_call") in apps["Moorfield Travel"].contacts
    assert not [c for c in apps["Larchmont Retail"].contacts if c[0] <= d("12-16")]   # nothing before the interview
    assert not [c for c in apps["Hartwell GmbH"].contacts if c[0] <= d("12-08")]
