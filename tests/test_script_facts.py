"""Scripts are assembled from the row's facts only (rules §5, §7): per kind of row, a phrase the
script must hold and one it must not, through the whole plan and render; then a property test
over random rows: every name, date, company, number and claim a script says is one of its row's
facts or cells. TODAY is Thursday 2026-11-26."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import TODAY, canonical_frame
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_sheet.plan import build_plan
from followup_sheet.render import human_date, render_scripts
from followup_sheet.settings import Settings

ME = Settings(your_name="Noor Haddad", your_phone="+44 20 7946 0321", your_email="noor.haddad@example.org")
NOBODY = Settings(your_name="Noor Haddad")   # [you] without a phone or an e-mail
DE = ME.replace(language="de")
ES = ME.replace(language="es")

BASE = {"company": "Fennel & Finch", "position": "Grants Officer", "contact": "Ruth Okafor",
        "contact_phone": "020 7946 0877", "applied_on": "2026-11-02"}


def _one(row: dict, me: Settings = ME) -> tuple[dict, str]:
    frame = canonical_frame([{**BASE, **row}])
    plan = build_plan(frame, TODAY, me)
    script = render_scripts(frame, plan, TODAY, me).iloc[0]
    return plan.iloc[0].to_dict(), script


# (row, settings, situation or None, channel, must say, must not say)
KINDS = [
    pytest.param({"notes": "Missed a call from Ms. Okafor on Tuesday", "last_contact": "2026-11-24"}, ME, None, "call",
                 ["I'm returning", "call about the Grants Officer role"],
                 ["taking the time to talk", "my last message", "I applied for"], id="missed-employer-call"),
    pytest.param({"notes": "Ruth e-mailed me on Tuesday asking for references", "last_contact": "2026-11-24"}, ME,
                 None, "call", ["Thank you for your e-mail on November 24", "calling about your e-mail"],
                 ["returning your call", "taking the time to talk", "I applied for"], id="employer-e-mail-to-answer"),
    pytest.param({"stage": "Verbal offer", "last_contact": "2026-11-23", "follow_ups": 2}, ME, "offer", "call",
                 ["thank you again for the offer"], ["my last message"], id="verbal-offer-employer-spoke-last"),
    pytest.param({"stage": "Verbal offer", "last_contact": "2026-11-23", "follow_ups": 2,
                  "notes": "I called them back to ask about the start date"}, ME, "offer", "call",
                 ["following up on my last message"], [], id="offer-after-my-own-call"),
    pytest.param({"stage": "Interview booked", "notes": "onsite with the director 12/3", "last_contact": "2026-11-24"},
                 ME, "post_interview", "call", ["looking forward to the interview"],
                 ["taking the time", "thank you for", "make a decision"], id="scheduled-interview"),
    pytest.param({"stage": "Interviewed", "last_contact": "2026-11-24"}, ME, "post_interview", None,
                 ["for taking the time to talk with me"], ["looking forward to the interview"], id="held-interview"),
    pytest.param({"stage": "Interviewed", "notes": "panel interview on 11/25", "last_contact": "2026-11-25",
                  "follow_ups": 2}, ME, "post_interview", "email",
                 ["Subject: Thank you for the interview", "Thank you for taking the time to talk with me"],
                 ["thank you again", "looking forward to the interview"], id="thank-you-the-day-after"),
    pytest.param({"position": "Grants Officer (m/w/d)"}, ME, "check_in", "call",
                 ["the Grants Officer role at Fennel & Finch"], ["m/w/d"], id="bracketed-position-note"),
    pytest.param({"contact_phone": "", "contact_email": "ruth.okafor@fennel.example"}, ME, "check_in", "email",
                 ["Subject:", "Hi Ruth,"], ["may I speak with", "Voicemail", "Hello, may I"], id="e-mail-only-row"),
    pytest.param({"contact": "grants@fennel.example", "contact_phone": ""}, ME, "check_in", "email",
                 ["Subject:", "Hello,"], ["grants@", "Hi grants", "may I speak"], id="e-mail-in-the-contact-cell"),
    pytest.param({"company": "Fennel & Finch (confidential client)"}, ME, "check_in", "call",
                 ["at Fennel & Finch"], ["confidential", "("], id="bracketed-company-note"),
    pytest.param({"contact": "Ruth Okafor [via agency]", "source": "Referral"}, ME, None, "call",
                 ["Ruth"], ["agency", "["], id="bracketed-contact-note"),
    pytest.param({"contact": "Recruiting team"}, ME, "check_in", "call",
                 ["may I speak with someone in the Recruiting team"], ["Hi Recruiting", "Hi Team"],
                 id="team-as-contact"),
    pytest.param({"contact": "Personalabteilung"}, ME, "check_in", "call",
                 ["someone in Personalabteilung"], ["Hi Personalabteilung"], id="german-department-as-contact"),
    pytest.param({"referrer": "Tomasz Wilk", "hiring_manager": "Dr. Anke Roth", "follow_ups": 1,
                  "last_contact": "2026-11-13"}, ME, "referral", "call",
                 ["Hi Dr. Roth", "Tomasz Wilk, who recommended", "following up again on my application"],
                 ["the résumé I sent you", "I sent it"], id="referral-to-a-manager-who-never-got-the-resume"),
    # an employer's message said as a contact and its sender: answered as their e-mail or call
    pytest.param({"notes": "mail from Ms. Okafor re: references", "last_contact": "2026-11-24"}, ME, None, "call",
                 ["Thank you for your e-mail on November 24"], ["taking the time to talk", "I applied for"],
                 id="mail-from-the-contact"),
    pytest.param({"response": "Nachricht von der Personalabteilung", "last_contact": "2026-11-24"}, DE, None, "call",
                 ["Vielen Dank für Ihre E-Mail"], ["angerufen, und ich rufe Sie gern zurück"],
                 id="message-from-hr-de"),
    pytest.param({"notes": "llamada de RRHH, no pude contestar", "last_contact": "2026-11-24"}, ES, None, "call",
                 ["Llamo para devolverle la llamada"], ["el correo que me envió"], id="call-from-hr-es"),
    # the company cell is a recruiting agency: its client's hiring manager is asked for, never the agency's
    pytest.param({"company": "Hays"}, ME, "recruiter", "call", ["may I ask who that is?"],
                 ["at Hays", "your company", "Hays"], id="agency-brand-as-company"),
    pytest.param({"company": "Kestrel Staffing Ltd", "position": ""}, ME, "recruiter", "call",
                 ["the opening we discussed"], ["Kestrel", "your company"], id="agency-word-as-company"),
    pytest.param({"company": "Lindgren Personalberatung GmbH"}, DE, "recruiter", "call",
                 ["an die Fachabteilung weitergeleitet"], ["Lindgren", "bei Lindgren"], id="agency-as-company-de"),
    pytest.param({"company": "Serrano Selección"}, ES, "recruiter", "call",
                 ["la persona que decide la contratación?"], ["Serrano"], id="agency-as-company-es"),
    pytest.param({}, NOBODY, "check_in", "call", ["Voicemail:", "I'll follow up by e-mail."],
                 ["You can reach me"], id="no-phone-or-e-mail-in-you"),
    pytest.param({}, ME, "check_in", "call", ["You can reach me at +44 20 7946 0321 or at noor.haddad@example.org."],
                 ["I'll follow up by e-mail"], id="voicemail-says-how-to-reach-me"),
]


@pytest.mark.parametrize("row, me, situation, channel, must, must_not", KINDS)
def test_script_says_only_what_the_row_holds(row, me, situation, channel, must, must_not):
    plan, script = _one(row, me)
    if situation is not None:
        assert plan["situation"] == situation, script
    if channel is not None:
        assert plan["channel"] == channel, script
    for phrase in must:
        assert phrase.casefold() in script.casefold(), (phrase, script)
    for phrase in must_not:
        assert phrase.casefold() not in script.casefold(), (phrase, script)


def test_the_missed_call_uses_the_call_back_template():
    plan, script = _one({"response": "HR rang to set up a screen", "last_contact": "2026-11-25"})
    assert plan["employer_called"]
    assert script.startswith("Hello, this is Noor Haddad. I'm returning Ruth Okafor's call")
    assert "Voicemail: Hi Ruth, this is Noor Haddad, returning your call on November 25" in script


# --- the property: every name, date, company, number and claim comes from the row --------------

COMPANIES = ["Larkspur Ltd", "Ostrava Bikes", "Mirador SA", "Kettle & Pine", "Quokka Labs", "Saffron Health"]
POSITIONS = ["Data Steward", "Line Cook", "Site Engineer", "Payroll Clerk", "", "N/A"]
PEOPLE = ["Imani Boateng", "Okafor, Chidi", "dr. lena voss", "Tomás Ferreira", "", "TBD", "Hiring team",
          "jobs@quokka.example"]
NOTES = ["", "(client confidential)", "[for client]", "(via agency)"]
STAGES = ["", "Applied", "Auto-reply received", "Phone screen booked", "Interviewed", "Offer extended",
          "Final round done", "On hold", "Rejected"]
RESPONSES = ["", "Recruiter rang, missed it", "No answer", "Automatic confirmation"]
SOURCES = ["", "LinkedIn", "Company website", "Referral", "Hays Recruitment"]
ROW_NOTES = ["", "they will decide by 12/4", "Missed a call from the hiring lead", "second interview on 12/2",
             "asked me to call back after the holidays", "hiring freeze until January", "left a voicemail",
             "written offer, answer needed by Dec 9", "Sent a thank-you note"]
DAYS = [d.date() for d in pd.date_range("2026-08-03", "2026-11-25", freq="D")]


@st.composite
def rows(draw):
    n = draw(st.integers(1, 5))
    out = []
    for _ in range(n):
        applied = draw(st.sampled_from(DAYS))
        row = {
            "company": draw(st.sampled_from(COMPANIES)) + " " + draw(st.sampled_from(NOTES)),
            "position": draw(st.sampled_from(POSITIONS)),
            "contact": draw(st.sampled_from(PEOPLE)) + " " + draw(st.sampled_from(NOTES)),
            "hiring_manager": draw(st.sampled_from(["", "Priya Raman", "Mr. Jonas Ek"])),
            "referrer": draw(st.sampled_from(["", "Ada Mensah"])),
            "stage": draw(st.sampled_from(STAGES)), "response": draw(st.sampled_from(RESPONSES)),
            "source": draw(st.sampled_from(SOURCES)), "notes": draw(st.sampled_from(ROW_NOTES)),
            "contact_phone": draw(st.sampled_from(["", "+1 415 555 0142"])),
            "contact_email": draw(st.sampled_from(["", "team@larkspur.example"])),
            "applied_on": applied.isoformat(),
        }
        if draw(st.booleans()):
            later = draw(st.sampled_from([d for d in DAYS if d >= applied]))
            row["last_contact"] = later.isoformat()
        if draw(st.booleans()):
            row["follow_ups"] = draw(st.integers(0, 4))
        out.append(row)
    return out


_DATE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                   r" \d{1,2}(?:, \d{4})?")
_NUMBER = re.compile(r"\d[\d ]*\d|\d")
_CLAIMS = {   # a claim the script makes -> what in the row makes it true
    "the offer": lambda p, f: p["stage"] == "offer",
    "for taking the time to talk": lambda p, f: p["stage"] == "interviewing",
    "automatic": lambda p, f: bool(p["autoresponse"]),
    "returning your call": lambda p, f: bool(p["employer_called"]),
    "another employer": lambda p, f: p["situation"] == "competing_interest",
    "referred me": lambda p, f: bool(f["referrer"].strip()),
    "recommended": lambda p, f: bool(f["referrer"].strip()),
    "I was asked to": lambda p, f: "call back" in f["notes"],
    "looking forward to the interview": lambda p, f: not pd.isna(p["interview_ahead"]),
}


def _row_dates(frame_row, plan_row) -> set[str]:
    days = [frame_row["applied_on"], frame_row["last_contact"]]
    days += [f.date for f in plan_row["facts"]]
    days += [plan_row[c] for c in ("answer_by", "other_offer_by", "employer_called_on", "interview_ahead")]
    return {human_date(d, TODAY.year) for d in days if d is not None and not pd.isna(d)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows())
def test_every_name_date_company_number_and_claim_comes_from_the_row(data):
    frame = canonical_frame(data)
    plan = build_plan(frame, TODAY, ME)
    scripts = render_scripts(frame, plan, TODAY, ME)
    for row in frame.index:
        script, f, p = scripts[row], frame.loc[row], plan.loc[row]
        if not p["situation"]:
            continue
        own = " ".join(str(f[c]) for c in ("company", "position", "contact", "hiring_manager", "referrer", "source"))
        # names and companies: none of another row's, no placeholder, no note in brackets
        for name in COMPANIES + ["Imani", "Chidi", "Voss", "Tomás", "Priya", "Ek", "Ada"]:
            if name in script:
                assert name.split()[0].casefold() in own.casefold() or name in ME.your_name, (name, script)
        for never in ("TBD", "N/A", "confidential", "for client", "via agency", "[", "(", "jobs@", "Hi Hiring"):
            assert never not in script, (never, script)
        # dates: each one a fact of the row, as the script says dates
        allowed = _row_dates(f, p)
        for said in _DATE.findall(script):
            assert said in allowed, (said, allowed, script)
        # numbers: the dates' days and years, [you]'s phone, or the row's own cells
        rest = _DATE.sub("", script).replace(ME.your_phone, "").replace(ME.your_email, "")
        cells = own + " " + str(f["contact_phone"]) + " " + str(f["contact_email"])
        for number in _NUMBER.findall(rest):
            assert number in cells, (number, script)
        # claims: each one true of the row
        for claim, holds in _CLAIMS.items():
            if claim in script:
                assert holds(p, f), (claim, script)


@pytest.mark.parametrize("name", sorted(p.name for p in __import__("followup_sheet.render", fromlist=["x"])
                                        .bundled_templates().glob("*_call.j2")))
@pytest.mark.parametrize("me, ending", [(NOBODY, "I'll follow up by e-mail."),
                                        (ME, "You can reach me at +44 20 7946 0321 or at noor.haddad@example.org.")])
def test_every_voicemail_ends_with_how_to_reach_me(name, me, ending):
    from followup_sheet.render import get_template, script_context
    row = {**{k: "" for k in ("company", "position", "contact", "hiring_manager", "referrer", "referrer_dept",
                              "source")}, "company": "Fennel & Finch", "applied_on": pd.Timestamp("2026-11-02"),
           "last_contact": pd.NaT}
    plan_row = {"follow_ups": 0, "due": pd.Timestamp("2026-11-09"), "situation": name.rsplit("_", 1)[0],
                "channel": "call", "employer_called": name.startswith("call_back")}
    text = get_template(name).render(script_context(row, plan_row, TODAY, me))
    voicemail = [line for line in text.splitlines() if line.startswith("Voicemail:")]
    assert voicemail and all(line.rstrip().endswith(ending) for line in voicemail), text


# --- a hold that has come to its end: a plain check-in that says so, whatever the situation --
# (the row's extra cells -> the situation it must keep); its hold ends Wednesday, December 2
HELD_ROWS = [
    ({"notes": "hiring freeze until 12/2"}, "check_in"),
    ({"stage": "On hold until Dec 2"}, "check_in"),
    ({"notes": "process on pause until 2 December, they said"}, "check_in"),
    ({"notes": "Einstellungsstopp bis 2.12."}, "check_in"),
    ({"notes": "proceso en pausa hasta el 2 de diciembre"}, "check_in"),
    ({"notes": "hiring freeze until 12/2", "source": "Brightwater Recruitment"}, "recruiter"),
    ({"notes": "hiring freeze until 12/2", "referrer": "Ada Mensah"}, "referral"),
    ({"notes": "hiring freeze until 12/2", "hiring_manager": "Priya Raman"}, "hiring_manager"),
    ({"notes": "hiring freeze until 12/2", "response": "Auto-reply received"}, "autoresponse"),
    ({"notes": "hiring freeze until 12/2", "stage": "Final round done"}, "post_interview"),
    ({"notes": "offer paused until 12/2 (budget)", "stage": "Verbal offer"}, "offer"),
]
HOLD_DAYS = [pd.Timestamp("2026-12-02").date(), pd.Timestamp("2026-12-03").date()]


@pytest.mark.parametrize("today", HOLD_DAYS, ids=["end-day", "day-after"])
@pytest.mark.parametrize("cells,situation", HELD_ROWS)
def test_a_hold_that_has_ended_gets_a_check_in_that_says_so(cells, situation, today):
    # another employer at a first interview only: no strong interest anywhere
    rows = [{**BASE, "last_contact": "2026-11-16", **cells},
            {**BASE, "company": "Quokka Labs", "stage": "Phone screen booked", "last_contact": "2026-11-30"}]
    frame = canonical_frame(rows)
    plan = build_plan(frame, today, ME)
    script = render_scripts(frame, plan, today, ME).iloc[0]
    assert plan.iloc[0]["status"] == ("Due today" if today.day == 2 else "Overdue"), plan.iloc[0]["why"]
    assert plan.iloc[0]["situation"] == situation
    assert "until December 2, so I'm checking in now that it has passed" in script, script
    assert "strong interest" not in script


@pytest.mark.parametrize("held", ["Final round — hiring freeze until 12/9", "Offer on hold until Dec 9",
                                  "Zweite Runde, Einstellungsstopp bis 9.12."])
def test_a_process_on_hold_elsewhere_is_no_strong_interest(held):
    rows = [{**BASE, "last_contact": "2026-11-16", "notes": "hiring freeze until 12/2"},
            {**BASE, "company": "Quokka Labs", "stage": held, "last_contact": "2026-11-30"}]
    frame = canonical_frame(rows)
    today = HOLD_DAYS[0]
    plan = build_plan(frame, today, ME)
    assert plan.iloc[0]["situation"] == "check_in"
    assert "strong interest" not in render_scripts(frame, plan, today, ME).iloc[0]


def test_an_ended_hold_may_meet_true_strong_interest_elsewhere_and_still_says_it_has_passed():
    rows = [{**BASE, "last_contact": "2026-11-16", "notes": "hiring freeze until 12/2"},
            {**BASE, "company": "Quokka Labs", "stage": "Written offer received", "last_contact": "2026-11-30"}]
    frame = canonical_frame(rows)
    today = HOLD_DAYS[0]
    plan = build_plan(frame, today, ME)
    script = render_scripts(frame, plan, today, ME).iloc[0]
    assert plan.iloc[0]["situation"] == "competing_interest"
    assert "until December 2, so I'm checking in now that it has passed" in script


# The same, in every language with its own scripts: the hold's end and its day in the language's
# words, in each situation a held row can be in.
HOLD_PASSED_WORDS = {"de": "ruht", "fr": "suspendu", "es": "en pausa", "it": "sospesa", "pt": "suspenso",
                     "nl": "stillag", "pl": "wstrzymany", "zh": "暂停", "ja": "一時停止", "ko": "중단"}


@pytest.mark.parametrize("code", sorted(HOLD_PASSED_WORDS))
@pytest.mark.parametrize("cells,situation", [HELD_ROWS[0], *HELD_ROWS[5:]])
def test_a_hold_that_has_ended_is_said_in_the_users_language(code, cells, situation):
    from followup_sheet.language import human_date
    from followup_sheet.settings import Settings

    today = HOLD_DAYS[1]
    rows = [{**BASE, "last_contact": "2026-11-16", **cells}]
    frame = canonical_frame(rows)
    settings = Settings(your_name="Sam Ortiz", your_phone="+00 30 5550147", language=code)
    plan = build_plan(frame, today, settings)
    assert plan.iloc[0]["situation"] == situation
    script = render_scripts(frame, plan, today, settings).iloc[0]
    assert HOLD_PASSED_WORDS[code] in script, script
    assert human_date(pd.Timestamp("2026-12-02"), 2026, code) in script, script
    assert "freeze" not in script and "December" not in script
