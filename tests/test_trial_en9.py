"""Trial en9: who holds a part said with "is", a part written before a name, an offer made on a
condition, a question that is no step, another firm's round, a call that said its piece, and
trackers written in English by people in Accra, a US school district, Singapore and Belfast."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import status_due_situation

from followup_sheet.statements import read_statements

MONDAY = dt.date(2026, 12, 7)


def _plan_of(tmp_path, header, rows, **settings):
    from openpyxl import Workbook

    from followup_sheet.pipeline import compute
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(tmp_path / "t.xlsx")
    outs, _, _ = compute(tmp_path / "t.xlsx", today=MONDAY, your_name="Sam Doe", your_phone="555 0100", **settings)
    return outs[0]


# --- who holds a part, said with a verb ------------------------------------------------------------
@pytest.mark.parametrize("note, person, role", [
    ("spoke to Kofi, he says the HM is Abena Osei from Credit", "Abena Osei", "hiring_manager"),
    ("hiring mgr is Dana Whitlock apparently", "Dana Whitlock", "hiring_manager"),
    ("Rui Tavares is the hiring manager for this one", "Rui Tavares", "hiring_manager"),
    ("the recruiter was Imogen, very friendly", "Imogen", "recruiter"),
])
def test_who_holds_a_part_said_with_is(note, person, role):
    from followup_sheet.referrals import people_in
    assert (person, role) in people_in(note)


@pytest.mark.parametrize("note", ["Rui Tavares is not the hiring manager", "Imogen is off sick, recruiter said"])
def test_a_part_denied_or_beside_another_verb_names_nobody(note):
    from followup_sheet.referrals import people_in
    assert not any(role for _, role in people_in(note))


# the place a manager runs, written before the part, still makes the contact the manager
@pytest.mark.parametrize("name, note, is_manager", [
    ("Bronagh Quinn", "Bronagh is ward manager, met her at the open day", True),
    ("Tim Vo", "tim's store mgr there", True),
    ("Bronagh Quinn", "Bronagh is not manager any more", False),
])
def test_a_manager_of_a_place_is_the_hiring_manager(name, note, is_manager):
    from followup_sheet.contactrole import manager_in_notes
    assert manager_in_notes(name, note) is is_manager


@pytest.mark.parametrize("name, note, is_manager", [
    ("Morag Baird", "Morag (HM) is away till the 14th", True),
    ("Kwame Asante", "emailed Kwame [hiring mgr] on Tuesday", True),
    ("Lena Voigt", "Lena/HM wants work samples", True),
    ("Morag Baird", "Morag (HR) is away till the 14th", False),
    ("Morag Baird", "Morag (not the HM) passed it on", False),
])
def test_the_contacts_part_in_brackets_after_the_name_in_the_notes(name, note, is_manager):
    from followup_sheet.contactrole import manager_in_notes
    assert manager_in_notes(name, note) is is_manager


@pytest.mark.parametrize("note, referrer", [
    ("Me refirió mi antiguo jefe, Jorge Salas, de Compras", "Jorge Salas"),
    ("my old boss Nadia Karim in Purchasing referred me", "Nadia Karim"),
    ("referred by my former manager, Dev Patel, now in Treasury", "Dev Patel"),
    ("me indicou a minha ex-chefe, Paula Reis", "Paula Reis"),
])
def test_the_writers_own_former_boss_who_refers_them_is_the_referrer_not_the_hiring_manager(note, referrer):
    from followup_sheet.referrals import people_in, referral_in
    assert referral_in(note)[0] == referrer
    assert (referrer, "hiring_manager") not in people_in(note)


def test_a_future_boss_is_still_the_employers_hiring_manager():
    from followup_sheet.referrals import people_in
    assert ("Dana Ruiz", "hiring_manager") in people_in("my future boss Dana Ruiz called 12/3")


def test_the_contact_the_notes_mark_as_hm_in_brackets_is_called_as_the_hiring_manager(tmp_path):
    out = _plan_of(tmp_path, ["Company", "Role", "Applied", "Contact", "Phone", "Notes"],
                   [["Kestrel Mutual", "Pricing Analyst", "16/11/2026", "Morag Baird", "020 7946 0100",
                     "Morag (HM) asked for my portfolio"]], country="GB")
    assert out.plan.at[2, "situation"] == "hiring_manager"
    assert "Morag" in out.scripts[2]


def test_a_hiring_manager_said_with_is_fills_an_empty_contact(tmp_path):
    out = _plan_of(tmp_path, ["Company", "Role", "Applied", "Phone", "Notes"],
                   [["Kestrel Mutual", "Pricing Analyst", "16/11/2026", "020 7946 0100",
                     "rang the office, the HM is Mariam Haddad in Pricing"]], country="GB")
    assert out.plan.at[2, "situation"] == "hiring_manager"
    assert "Mariam" in out.scripts[2]


# --- a part written before the name in the contact cell ----------------------------------------------
@pytest.mark.parametrize("cell, name, role", [
    ("Ward Manager Siobhan", "Siobhan", "hiring_manager"),
    ("Store Manager Keith Dunne", "Keith Dunne", "hiring_manager"),
    ("Recruiter Noor Aziz", "Noor Aziz", "recruiter"),
    ("HR Manager Lwazi Dube", "Lwazi Dube", "hr"),
    ("Recruitment Team", "Recruitment Team", ""),
    ("Personalreferentin Fr. Lang", "Personalreferentin Fr. Lang", ""),
])
def test_a_part_written_before_the_name(cell, name, role):
    from followup_sheet.contactrole import contact_role
    assert tuple(contact_role(cell)) == (name, role)


def test_the_greeting_is_to_the_person_not_the_part(tmp_path):
    out = _plan_of(tmp_path, ["Company", "Role", "Applied", "Contact", "Phone", "Notes"],
                   [["Lagan Care", "Staff Nurse", "10/11/2026", "Ward Manager Siobhan", "028 9000 0000",
                     "interviewed 1/12, outcome by Fri"]], country="GB")
    assert "Hi Siobhan" in out.scripts[2] and "Hi Ward" not in out.scripts[2]


@pytest.mark.parametrize("cell, greeting", [("Mdm Lee", "Hi Mdm Lee"), ("Mdm. Rahimah", "Hi Mdm. Rahimah")])
def test_madam_written_short_is_a_form_of_address(tmp_path, cell, greeting):
    out = _plan_of(tmp_path, ["Company", "Role", "Applied", "Contact", "Phone"],
                   [["Tampines Works", "Planner", "20/11/2026", cell, "6555 0000"]], country="SG")
    assert greeting in out.scripts[2]


# --- stages said in the notes ------------------------------------------------------------------------
@pytest.mark.parametrize("note, stage", [
    ("offer pending board approval", "offer"),
    ("offer made pending references", "offer"),
    ("offer pending", ""),                          # still awaited
    ("offer from Halden? nope, not yet", ""),       # a question is no step
    ("final round?? who knows", ""),
])
def test_an_offer_on_a_condition_is_made_and_a_question_is_no_step(note, stage):
    from followup_sheet.notestage import stage_in_notes
    from followup_sheet.plan import stage_of
    from followup_sheet.settings import Settings
    settings = Settings()
    assert stage_in_notes(note, lambda text: stage_of(text, settings)).stage == stage


# a round at a firm the note names, after a date written with slashes, is that firm's
def test_another_firms_round_gives_no_interview_here(tmp_path):
    out = _plan_of(tmp_path, ["Company", "Role", "Applied", "Contact", "Phone", "Notes"],
                   [["Quarry Lane", "Analyst", "05/11/2026", "Ines", "0161 000 0000",
                     "2nd interview 02/12 went well. also panel w/ Ortolan Bank next wk"]], country="GB")
    assert out.plan.at[2, "status"] == "Overdue"                 # the thank-you after Dec 2
    assert "looking forward to the interview" not in out.scripts[2]


@pytest.mark.parametrize("note", ["technical test 10/12 at their office", "aptitude test booked for 10/12",
                                  "psychometric test on 10/12"])
def test_a_test_on_a_day_is_an_interview_then(note):
    said = read_statements(note, dt.date(2026, 11, 25), True, ("en",))
    assert [(s.kind, s.date) for s in said] == [("interview", dt.date(2026, 12, 10))]


# an interview set up on an earlier day and held on a later one is held, whichever entry comes first
@pytest.mark.parametrize("note", [
    "12/1 video screen w/ Rosa. 11/24 Rosa emailed to schedule the screen",
    "11/24 Rosa emailed to schedule the screen. 12/1 video screen w/ Rosa",
])
def test_an_interview_arranged_before_it_was_held_is_held(tmp_path, note):
    out = _plan_of(tmp_path, ["Date Applied", "Company", "Position", "Contact", "Notes"],
                   [["11/20/2026", "Pinecrest Learning", "Course Designer", "Rosa", note]], country="US")
    assert (out.plan.at[2, "status"], str(out.plan.at[2, "due"].date())) == ("Overdue", "2026-12-02")
    assert "your e-mail" not in out.scripts[2]


# their call that said what it was for was a talk: nothing of theirs to return
def test_a_call_that_said_its_piece_is_no_call_to_return(tmp_path):
    out = _plan_of(tmp_path, ["Company", "Role", "Applied", "Contact", "Phone", "Notes"],
                   [["Jurong Pumps", "Engineer", "02/11/2026", "Ms Koh", "6555 0100",
                     "Ms Koh called to say the role is kept in view for now"]], country="SG")
    assert "returning" not in out.scripts[2]
    out = _plan_of(tmp_path, ["Company", "Role", "Applied", "Contact", "Phone", "Notes"],
                   [["Jurong Pumps", "Engineer", "02/11/2026", "Ms Koh", "6555 0100",
                     "Ms Koh rang to say hi, I missed it"]], country="SG")
    assert "returning" in out.scripts[2]


# a hold with no day of its own waits hold_days, but the script claims no "pause until" that day
def test_a_hold_without_a_day_claims_no_end(tmp_path):
    out = _plan_of(tmp_path, ["Company", "Role", "Applied", "Phone", "Notes"],
                   [["Ridgeway Foods", "Buyer", "02/11/2026", "0117 000 0000", "role on hold"]], country="GB")
    assert out.plan.at[2, "status"] == "Overdue"
    assert "until" not in out.scripts[2]


# --- the strangers' trackers, as checked by reading each row ---------------------------------------
FIXTURES = Path(__file__).parent / "fixtures"

ACCRA = {
    4: ("Overdue", "2026-11-16", "autoresponse"),
    6: ("Due today", "2026-12-07", "post_interview"),     # feedback promised by end of next week (Dec 4)
    7: ("Closed", None, ""),                               # can't sponsor, not moving forward
    8: ("Overdue", "2026-11-23", "competing_interest"),   # Efua is the contact: no HM on her line
    9: ("Overdue", "2026-12-04", "post_interview"),       # 2nd round 03/12 held; the final round is Maple Ridge's
    11: ("Overdue", "2026-11-27", "competing_interest"),  # vm then no answer: tried again next day
    12: ("Due soon", "2026-12-08", "offer"),
    13: ("Gone cold", None, ""),
    14: ("Due today", "2026-12-07", "competing_interest"),  # Grace called 04/12, missed
}
TEACHER = {
    2: ("Due today", "2026-12-07", "post_interview"),
    3: ("Waiting", "2026-12-14", "post_interview"),       # they'll get back by 12/11
    4: ("Waiting", "2026-12-15", "offer"),                # offer pending board approval on 12/15
    5: ("Overdue", "2026-11-23", "autoresponse"),
    6: ("Closed", None, ""),
    7: ("Overdue", "2026-12-02", "recruiter"),            # Thanksgiving skipped
    8: ("Due soon", "2026-12-09", "competing_interest"),  # out of office until 12/9
    10: ("Overdue", "2026-12-03", "post_interview"),      # screen held 12/2 after Hannah's e-mail of 11/25
}
SINGAPORE = {
    5: ("Due today", "2026-12-07", "post_interview"),     # will revert by 4/12
    6: ("Overdue", "2026-11-19", "recruiter"),
    8: ("Overdue", "2026-12-03", "post_interview"),
    9: ("Closed", None, ""),
    10: ("Due soon", "2026-12-08", "competing_interest"),  # Mdm Wong on leave until 8/12
    11: ("Waiting", "2026-12-10", "post_interview"),      # technical test 9/12 still ahead
    12: ("Waiting", "2027-01-04", "competing_interest"),  # on hold till Jan; the offer asked about is none
}
BELFAST = {
    4: ("Waiting", "2026-12-11", "post_interview"),       # interview invite via Trac for 10/12
    5: ("Overdue", "2026-12-01", "offer"),                # conditional offer
    6: ("Due today", "2026-12-07", "post_interview"),
    7: ("Closed", None, ""),
    9: ("Due today", "2026-12-07", "competing_interest"),
    10: ("Due today", "2026-12-07", "recruiter"),
    11: ("Closed", None, ""),
    13: ("Overdue", "2026-11-27", "referral"),
}


@pytest.mark.parametrize("name, country, expected", [
    ("trial_en9_accra_analyst.xlsx", "GB", ACCRA),
    ("trial_en9_teacher_to_design.xlsx", "US", TEACHER),
    ("trial_en9_singapore_engineer_libreoffice.xlsx", "SG", SINGAPORE),
    ("trial_en9_belfast_nurse.xlsx", "GB", BELFAST),
])
def test_the_strangers_trackers_read_as_checked(name, country, expected):
    from followup_sheet.pipeline import compute
    outs, _, _ = compute(FIXTURES / name, today=MONDAY, country=country, your_name="Sam Doe", your_phone="555 0100")
    plan = outs[0].plan
    got = status_due_situation(plan, expected)
    assert got == expected


def test_the_scripts_name_whom_the_cells_name_and_claim_nothing_else():
    from followup_sheet.pipeline import compute
    outs, _, _ = compute(FIXTURES / "trial_en9_belfast_nurse.xlsx", today=MONDAY, country="GB")
    scripts = outs[0].scripts
    assert "Hi Ciara" in scripts[6] and "December 4" in scripts[6]
    assert "Declan" in scripts[13] and "who the hiring manager is" not in scripts[13]
    outs, _, _ = compute(FIXTURES / "trial_en9_singapore_engineer_libreoffice.xlsx", today=MONDAY, country="SG")
    scripts = outs[0].scripts
    assert "returning" not in scripts[4] and "until" not in scripts[4]
    assert "Hi Mdm Wong" in scripts[10]
    assert "offer" not in scripts[12].split("Voicemail")[0].replace("another employer", "")
    outs, _, _ = compute(FIXTURES / "trial_en9_teacher_to_design.xlsx", today=MONDAY, country="US")
    scripts = outs[0].scripts
    assert "the offer" in scripts[4] and "strong interest" not in scripts[4]
    assert "e-mail about" not in scripts[10]


# --- after the held-out check ------------------------------------------------------------------------
# leaving the process said with a particle verb is an end, by either side; negated it is none
@pytest.mark.parametrize("note, status", [
    ("backed out after the 2nd chat, commute too long", "Closed"),
    ("they pulled out, budget gone", "Closed"),
    ("dropped out of the running - took another job", "Closed"),
    ("haven't pulled out yet, still keen", "Overdue"),
])
def test_pulling_out_is_an_end(tmp_path, note, status):
    out = _plan_of(tmp_path, ["Company", "Role", "Applied", "Phone", "Notes"],
                   [["Wren Depot", "Shift Lead", "02/11/2026", "0400 000 000", note]], country="AU")
    assert out.plan.at[2, "status"] == status


# their asking when the user is free is an interview being arranged
def test_their_asking_for_my_availability_is_arranging(tmp_path):
    out = _plan_of(tmp_path, ["Company", "Role", "Applied", "Contact", "Phone", "Notes"],
                   [["Saltbush Co", "Supervisor", "16/11/2026", "Kiri", "0400 000 001",
                     "Kiri texted 2/12 wanting my availability for a video call next week"]], country="AU")
    assert out.plan.at[2, "stage"] == "interviewing"


# a phone header over an empty column gives way to the column of numbers beside it
@pytest.mark.parametrize("numbers", ["Tel no.", "Call on"])
def test_the_numbers_are_the_phone_when_the_phone_column_is_empty(tmp_path, numbers):
    out = _plan_of(tmp_path, ["Firm", "Cell", "Role", "Applied", numbers, "Notes"],
                   [["Banksia Retail", None, "Manager", "16/11/2026", "0400 222 333", "applied online"],
                    ["Grevillea Foods", None, "Buyer", "18/11/2026", "07 3000 9999", ""]], country="AU")
    assert out.tracker.columns["contact_phone"].header == numbers


# the part first, then the firm with the person in brackets: the person is greeted, the firm a note
@pytest.mark.parametrize("cell, greeting", [("Recruiter - Talentpath (Joon)", "Hi Joon"),
                                            ("Agency: Redgum Staffing (Bree Walsh)", "Hi Bree")])
def test_a_person_in_brackets_after_a_part_and_a_firm(tmp_path, cell, greeting):
    out = _plan_of(tmp_path, ["Company", "Role", "Applied", "Contact", "Phone"],
                   [["Ironbark Hotels", "Night Manager", "20/11/2026", cell, "0400 000 002"]], country="AU")
    assert greeting in out.scripts[2] and "someone in" not in out.scripts[2]


# the held-out tracker, pinned as read after the fixes (its first reading is in the report)
BRISBANE = {
    4: ("Overdue", "2026-12-02", "post_interview"),       # interview 1/12 held: the thank-you
    5: ("Overdue", "2026-11-17", "autoresponse"),
    6: ("Overdue", "2026-11-27", "referral"),             # Dean referred; voicemail 26/11 retried
    7: ("Closed", None, ""),
    8: ("Overdue", "2026-12-04", "competing_interest"),   # Lisa rang 3/12, missed
    9: ("Overdue", "2026-11-30", "recruiter"),
    11: ("Waiting", "2026-12-14", "competing_interest"),  # away til 14/12
    12: ("Due soon", "2026-12-08", "offer"),
    13: ("Due today", "2026-12-07", "competing_interest"),
    14: ("Closed", None, ""),                              # pulled out
    15: ("Overdue", "2026-12-01", "post_interview"),      # a chat being arranged
}


def test_the_held_out_tracker_reads_as_checked():
    from followup_sheet.pipeline import compute
    outs, _, _ = compute(FIXTURES / "trial_en9_brisbane_retail_heldout.xlsx", today=MONDAY, country="AU-QLD",
                         your_name="Sam Doe", your_phone="555 0100")
    plan, scripts = outs[0].plan, outs[0].scripts
    got = status_due_situation(plan, BRISBANE)
    assert got == BRISBANE
    assert outs[0].tracker.columns["contact_phone"].header == "Ph"
    assert "Hi Mel" in scripts[9] and "Dean" in scripts[6] and "returning" in scripts[8]
