"""Whole rows through plan and render: the status, the situation, and what the script must and
must not say (follow-up rules §2, §3, §5, §7). Every case runs on TODAY = Thursday 2026-11-26.

Each case is the row under test first, then any other rows of the same tracker (the competing
interest depends on them).
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import TODAY, canonical_frame

from followup_sheet.plan import build_plan
from followup_sheet.render import render_scripts
from followup_sheet.settings import Settings

ME = Settings(your_name="Jordan Rivera", your_phone="(555) 014-2233", your_email="jordan@example.com")
NOBODY = Settings()

OVERDUE = {"applied_on": "2026-11-16"}                      # Mon 11-16 +5 bd = Mon 11-23
ROW = {"company": "Acme", "position": "Planner", "contact": "Dana Whitfield", "contact_phone": "(555) 010-1000",
       **OVERDUE}
# an offer or interview row at another company, live (Due soon)
OFFER_RECENT = {"applied_on": "2026-11-02", "last_contact": "2026-11-25"}


def row(**fields):
    return {**ROW, **fields}


def other(stage, company="Beta", **fields):
    return {"company": company, "position": "Analyst", "stage": stage, **OFFER_RECENT, **fields}


# (rows, settings, status, situation, must say, must not say)
CASES = [
    # --- stage words: whole words, negation, order (rules §2) ----------------------------------
    pytest.param([row(stage="written offer being drafted", last_contact="2026-11-23")], ME, "Overdue", "offer",
                 ["thank you again for the offer"], ["drafted"], id="offer-beats-draft"),
    pytest.param([row(stage="Already sent my portfolio")], ME, "Overdue", "check_in",
                 ["I applied for the Planner role at Acme on November 16"], ["portfolio"], id="already-is-not-ready"),
    pytest.param([row(stage="Not yet heard back")], ME, "Overdue", "check_in", ["I applied for"], [],
                 id="not-yet-heard-back-is-applied"),
    pytest.param([row(stage="Application accepted for review")], ME, "Overdue", "check_in", ["I applied for"], [],
                 id="accepted-alone-is-not-closed"),
    pytest.param([row(stage="Screened out by ATS")], ME, "Closed", "", [], ["interview"], id="screened-out"),
    pytest.param([row(stage="Offer rescinded")], ME, "Closed", "", [], ["offer"], id="offer-rescinded"),
    pytest.param([row(stage="No offer yet")], ME, "Overdue", "check_in", ["I applied for"], ["offer"],
                 id="no-offer-yet"),
    pytest.param([row(stage="Applied", response="not interviewed")], ME, "Overdue", "check_in", [],
                 ["thank you again"], id="not-interviewed"),
    pytest.param([row(response="Received a call from HR")], ME, "Overdue", "check_in", [], ["automatic"],
                 id="a-call-received-is-not-an-automatic-reply"),
    pytest.param([row(position="Automation lead")], ME, "Overdue", "check_in", ["Automation lead role"],
                 ["automatic"], id="automation-is-not-auto"),
    pytest.param([row(response="Application received")], ME, "Overdue", "autoresponse",
                 ["automatic reply", "which one"], [], id="application-received-is-an-automatic-reply"),
    pytest.param([row(stage="Offer accepted")], ME, "Closed", "", [], [], id="offer-accepted"),
    pytest.param([row(stage="Accepted offer")], ME, "Closed", "", [], [], id="accepted-offer"),
    # other tools' stage names (Huntr, Teal, LinkedIn, spreadsheets)
    pytest.param([row(stage="Applied")], ME, "Overdue", "check_in", [], [], id="applied"),
    pytest.param([row(stage="Wishlist")], ME, "Not applied", "", [], [], id="wishlist"),
    pytest.param([row(stage="Bookmarked")], ME, "Not applied", "", [], [], id="bookmarked"),
    pytest.param([row(stage="Applying")], ME, "Not applied", "", [], [], id="applying"),
    pytest.param([row(stage="Screening", last_contact="2026-11-20")], ME, "Overdue", "post_interview", [], [],
                 id="screening"),
    pytest.param([row(stage="Phone Screen", last_contact="2026-11-20")], ME, "Overdue", "post_interview", [], [],
                 id="phone-screen"),
    pytest.param([row(stage="Final round", last_contact="2026-11-20")], ME, "Overdue", "post_interview",
                 ["thank you again"], [], id="final-round"),
    pytest.param([row(stage="Interviewing", response="Panel interview went well", last_contact="2026-11-20")], ME,
                 "Overdue", "post_interview", ["thank you again for taking the time to talk with me"], [],
                 id="after-an-interview-the-thank-you"),
    pytest.param([row(stage="In progress", last_contact="2026-11-20")], ME, "Overdue", "post_interview",
                 ["looking forward to the next step"], ["thank you again", "Thank you again"],
                 id="in-progress-is-no-interview-yet"),
    pytest.param([row(stage="Interview scheduled", last_contact="2026-11-20")], ME, "Overdue", "post_interview",
                 ["looking forward to the next step"], ["thank you again"], id="an-interview-ahead-is-not-thanked-for"),
    pytest.param([row(stage="Waiting for interview", last_contact="2026-11-20")], ME, "Overdue", "post_interview",
                 ["looking forward to the next step"], ["thank you again"], id="waiting-for-an-interview"),
    pytest.param([row(stage="Technical assessment", last_contact="2026-11-20")], ME, "Overdue", "post_interview",
                 [], ["thank you again"], id="an-assessment-is-not-a-conversation"),
    pytest.param([row(stage="Negotiating", last_contact="2026-11-20")], ME, "Overdue", "post_interview", [], [],
                 id="negotiating"),
    pytest.param([row(stage="Ghosted")], ME, "Closed", "", [], [], id="ghosted"),
    pytest.param([row(stage="Offer received", last_contact="2026-11-20")], ME, "Overdue", "offer",
                 ["the offer"], ["automatic"], id="offer-received"),
    pytest.param([row(stage="Offer declined")], ME, "Closed", "", [], [], id="offer-declined"),
    pytest.param([row(stage="I Withdrew")], ME, "Closed", "", [], [], id="i-withdrew"),
    pytest.param([row(stage="Not Selected")], ME, "Closed", "", [], [], id="not-selected"),
    pytest.param([row(stage="No Longer Accepting Applications")], ME, "Closed", "", [], [],
                 id="linkedin-no-longer-accepting"),
    pytest.param([row(stage="No response")], ME, "Overdue", "check_in", [], [], id="no-response"),
    # other languages
    *[pytest.param([row(stage=word)], ME, "Closed", "", [], [], id=f"closed-{word}")
      for word in ("Abgesagt", "Absage erhalten", "Abgelehnt", "Rechazado", "Descartada", "Refusé",
                   "Candidature refusée", "Candidature non retenue", "Rifiutato", "Respinta", "Recusado",
                   "Reprovado", "已拒绝", "简历未通过", "REJECTED")],
    *[pytest.param([row(stage=word, last_contact="2026-11-20")], ME, "Overdue", "post_interview", [], [],
                   id=f"interview-{word}")
      for word in ("Vorstellungsgespräch", "Entretien RH", "Entrevista", "Colloquio", "面试", "In Bearbeitung",
                   "En cours", "In corso", "Em análise", "em analise")],
    *[pytest.param([row(stage=word, last_contact="2026-11-20")], ME, "Overdue", "offer", [], [], id=f"offer-{word}")
      for word in ("Angebot erhalten", "Zusage", "Oferta", "Offre reçue", "Proposta")],
    pytest.param([row(stage="Kein Angebot")], ME, "Overdue", "check_in", [], ["offer"], id="kein-angebot"),
    # --- honest competing interest (rules §5) ----------------------------------------------------
    pytest.param([row(), other("Phone screen")], ME, "Overdue", "check_in", [], ["strong interest"],
                 id="a-phone-screen-elsewhere-is-not-strong-interest"),
    pytest.param([row(), other("Assessment")], ME, "Overdue", "check_in", [], ["strong interest"],
                 id="an-assessment-elsewhere-is-not-strong-interest"),
    pytest.param([row(), other("Phone interview")], ME, "Overdue", "check_in", [], ["strong interest"],
                 id="a-phone-interview-elsewhere-is-a-first-screen"),
    pytest.param([row(), other("Final round")], ME, "Overdue", "competing_interest",
                 ["I've had strong interest from another employer, which prompts me to ask whether you had planned "
                  "to contact me within the week? Your company has a good reputation and I'd like to meet with you "
                  "before making other commitments. Does this week work for you?"],
                 ["most like to work", "Acme is where", "Beta"], id="final-round-elsewhere"),
    pytest.param([row(), other("Screening", response="Onsite booked")], ME, "Overdue", "competing_interest",
                 ["strong interest"], [], id="onsite-elsewhere"),
    pytest.param([row(no_calls=True), other("Offer")], ME, "Overdue", "competing_interest",
                 ["Your company has a good reputation"], ["most like to work"], id="offer-elsewhere-email"),
    pytest.param([row(), other("Offer", notes="Written offer received; answer due Dec 7")], ME, "Overdue",
                 "competing_interest",
                 ["I have a written offer and need to answer by December 7; "
                  "I'd like to talk with you before I decide."],
                 ["Beta"], id="offer-elsewhere-with-a-deadline"),
    pytest.param([row(), other("Offer", notes="Verbal offer, need to respond by 12/7")], ME, "Overdue",
                 "competing_interest", ["I have an offer and need to answer by December 7"], ["written offer"],
                 id="verbal-offer-elsewhere-is-not-written"),
    pytest.param([row(), other("Offer", notes="answer due Nov 20")], ME, "Overdue", "competing_interest",
                 ["strong interest"], ["need to answer"], id="a-past-deadline-is-not-said"),
    pytest.param([row(), other("Rejected after final round")], ME, "Overdue", "check_in", [], ["strong interest"],
                 id="a-closed-process-elsewhere-does-not-count"),
    pytest.param([row(stage="Offer", last_contact="2026-11-20", notes="Written offer in hand; answer due Dec 7")],
                 ME, "Overdue", "offer", ["I know you'd like my answer by December 7."],
                 ["When would you like my answer", "When can I expect the written offer"], id="own-offer-deadline"),
    # --- the row's own facts (rules §5, §7) -------------------------------------------------------
    pytest.param([row(referrer="Priya Patel", referrer_dept="Engineering"), other("Final round")], ME, "Overdue",
                 "referral", ["Priya Patel in Engineering referred me", "who the hiring manager is"],
                 ["strong interest", "a colleague"], id="referral-without-a-hiring-manager"),
    pytest.param([row(referrer="Priya Patel", referrer_dept="Engineering", hiring_manager="Marcus Lee")], ME,
                 "Overdue", "referral", ["Hi Marcus", "Priya Patel in Engineering, who recommended",
                                         "intend to hire a Planner"], [], id="referral-to-the-hiring-manager"),
    pytest.param([row(referrer="Yes")], ME, "Overdue", "check_in", [], ["Yes"], id="a-referral-tick-is-not-a-name"),
    pytest.param([row(notes="Dana asked me to call back after Thanksgiving")], ME, "Overdue", "check_in",
                 ["I was asked to call back after Thanksgiving."], [], id="notes-call-back"),
    pytest.param([row(applied_on="2026-11-02", last_contact="2026-11-10", follow_ups=2)], ME, "Overdue",
                 "check_in", ["this is Jordan Rivera", "I'm following up again on my application",
                              "sent on November 2", "calling again"],
                 ["my name is", "I applied for"], id="third-follow-up-is-not-a-first-introduction"),
    pytest.param([row(contact="Smith, John")], ME, "Overdue", "check_in",
                 ["may I speak with John Smith?", "Hi John,"], ["Smith, John", "Hi Smith"], id="surname-first"),
    pytest.param([row(contact="jane doe")], ME, "Overdue", "check_in",
                 ["may I speak with Jane Doe?", "Hi Jane,"], ["jane", "doe"], id="lower-case-name"),
    pytest.param([row(contact="", hiring_manager="Dr. Ines Barros")], ME, "Overdue", "hiring_manager",
                 ["may I speak with Dr. Ines Barros?", "Hi Dr. Barros,"], ["Hi Dr.,", "Hi Ines"], id="title"),
    pytest.param([row(contact="Herr Schmidt")], ME, "Overdue", "check_in",
                 ["may I speak with Herr Schmidt?", "Hi Herr Schmidt,"], ["Hi Herr,"], id="german-title"),
    pytest.param([row(contact="Frau Dr. Müller")], ME, "Overdue", "check_in",
                 ["may I speak with Frau Dr. Müller?", "Hi Frau Müller,"], ["Hi Frau,"], id="two-titles"),
    pytest.param([row(contact="Mme Durand")], ME, "Overdue", "check_in",
                 ["Hi Mme Durand,"], ["Hi Mme,"], id="french-title"),
    pytest.param([row(contact="Personalabteilung")], ME, "Overdue", "check_in",
                 ["Hello,", "someone in Personalabteilung"], ["Hi Personalabteilung"],
                 id="german-hr-department-is-asked-for-not-greeted"),
    pytest.param([row(contact="Human Resources")], ME, "Overdue", "check_in",
                 ["Hello,"], ["Human Resources?", "Hi Human"], id="hr-department-is-no-person"),
    pytest.param([row(contact="Recursos Humanos")], ME, "Overdue", "check_in",
                 ["Hello,"], ["Hi Recursos"], id="spanish-hr-department-is-no-person"),
    pytest.param([row(position="Not Mentioned", contact="N/A", hiring_manager="Unknown", source="-")], ME,
                 "Overdue", "check_in", ["the opening at Acme", "could you put me through"],
                 ["Not Mentioned", "N/A", "Unknown", " - "], id="placeholders-are-missing"),
    pytest.param([row(position="TBD", contact="Unable to Determine", referrer="none")], ME, "Overdue", "check_in",
                 ["the opening at Acme"], ["TBD", "Unable", "none"], id="more-placeholders"),
    pytest.param([row(applied_on="2018-06-29")], ME, "Gone cold", "", [], [], id="a-2018-application-has-gone-cold"),
    pytest.param([row(applied_on="2026-09-01")], ME, "Gone cold", "", [], [], id="older-than-cold-after-days"),
    pytest.param([row(applied_on="2026-09-28")], ME, "Overdue", "check_in", [], [], id="within-cold-after-days"),
    pytest.param([row(applied_on="2018-06-29", pinned="2026-11-26")], ME, "Due today", "check_in",
                 ["on June 29, 2018"], [], id="pinned-today-keeps-an-old-application-and-says-the-year"),
    pytest.param([row()], NOBODY, "Overdue", "check_in", ["Thank you. I'll follow up by e-mail."],
                 ["try you again", "my name is"], id="voicemail-without-you"),
    pytest.param([row()], ME, "Overdue", "check_in",
                 ["You can reach me at (555) 014-2233 or at jordan@example.com."], [], id="voicemail-with-you"),
]


@pytest.mark.parametrize("rows,settings,status,situation,must,must_not", CASES)
def test_row_status_situation_and_script(rows, settings, status, situation, must, must_not):
    frame = canonical_frame(rows)
    plan = build_plan(frame, TODAY, settings)
    script = render_scripts(frame, plan, TODAY, settings)[2]
    assert plan.at[2, "status"] == status
    assert plan.at[2, "situation"] == situation
    for phrase in must:
        assert phrase in script, (phrase, script)
    for phrase in must_not:
        assert phrase not in script, (phrase, script)
    assert "  " not in script and "None" not in script and "nan" not in script.split()
    if script and plan.at[2, "channel"] == "call":
        assert script.rstrip().endswith(("jordan@example.com.", "I'll follow up by e-mail."))


def test_cold_after_days_setting():
    frame = canonical_frame([row(applied_on="2026-09-01")])
    assert build_plan(frame, TODAY, Settings(cold_after_days=120)).at[2, "status"] == "Overdue"
    assert build_plan(frame, TODAY, Settings(cold_after_days=60)).at[2, "status"] == "Gone cold"


def test_cold_after_days_applies_to_every_open_stage_and_asks_to_confirm_interviews():
    frame = canonical_frame([row(stage="Interviewing", applied_on="2026-01-05"), row(applied_on="2026-01-05")])
    plan = build_plan(frame, TODAY, Settings())
    assert list(plan["status"]) == ["Gone cold", "Gone cold"]
    assert list(plan["confirm_cold"]) == [True, False]


def test_a_pinned_date_before_today_does_not_keep_an_old_application():
    frame = canonical_frame([row(applied_on="2018-06-29", pinned="2026-11-20")])
    assert build_plan(frame, TODAY, Settings()).at[2, "status"] == "Gone cold"


def test_the_nearest_deadline_of_another_company_is_used():
    rows = [row(), other("Offer", notes="answer due Dec 14"), other("Offer", company="Gamma", notes="answer by Dec 7"),
            other("Offer", company="Acme", notes="answer by Dec 1")]
    frame = canonical_frame(rows)
    plan = build_plan(frame, TODAY, ME)
    assert plan.at[2, "situation"] == "competing_interest"
    assert plan.at[2, "other_offer_by"] == pd.Timestamp("2026-12-07")   # Acme's own offer does not count
