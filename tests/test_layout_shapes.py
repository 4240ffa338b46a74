"""Trackers shaped unlike the usual one-row header: a column per follow-up, a company cell merged
down over two roles. Each test builds its sheet the way a person lays it out and reads it back."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd

from followup_sheet.read import read_tracker

D = dt.date


def _book(path, header, rows, merges=(), title=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hunt"
    if title:
        ws.append([title])
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def test_a_column_per_follow_up_gives_the_newest_day_and_the_count(tmp_path):
    path = _book(tmp_path / "chases.xlsx",
                 ["Employer", "Job Title", "Applied On", "F/U 1", "FU 2", "Follow up #3", "Stage", "Comments"],
                 [["Wrenfield Mills", "Planner", D(2026, 9, 1), D(2026, 9, 10), D(2026, 9, 22), D(2026, 10, 2),
                   "Applied", "nothing back"],
                  ["Osprey Cycles", "Mechanic", D(2026, 10, 5), D(2026, 10, 14), None, None, "Applied", None],
                  ["Tamsin Yarns", "Buyer", D(2026, 10, 20), None, None, None, "Applied", None]],
                 title="Autumn search")
    t = read_tracker(path)
    frame = t.frame.set_index("company")
    assert frame.loc["Wrenfield Mills", "last_contact"] == pd.Timestamp(2026, 10, 2)
    assert frame.loc["Wrenfield Mills", "follow_ups"] == 3
    assert frame.loc["Osprey Cycles", "last_contact"] == pd.Timestamp(2026, 10, 14)
    assert frame.loc["Osprey Cycles", "follow_ups"] == 1
    assert pd.isna(frame.loc["Tamsin Yarns", "last_contact"])
    assert any("One column per follow-up" in n and "'Follow up #3' (F)" in n for n in t.notes)
    assert not any("FU 2" in h for h in t.ignored_headers)


def test_a_run_of_next_steps_is_no_run_of_follow_ups(tmp_path):
    # 'Interview 1'/'Interview 2' are interviews, 'Next step 1' a plan: neither is a contact made
    path = _book(tmp_path / "rounds.xlsx",
                 ["Company", "Role", "Date Applied", "Interview 1", "Interview 2", "Notes"],
                 [["Larkspur Inc", "Analyst", D(2026, 10, 1), D(2026, 10, 20), D(2026, 11, 3), "two rounds"],
                  ["Fenwick Ltd", "Clerk", D(2026, 10, 8), None, None, None]])
    t = read_tracker(path)
    assert not any("One column per follow-up" in n for n in t.notes)
    assert t.frame["last_contact"].isna().all()


def test_a_company_merged_down_over_two_roles_names_both_rows(tmp_path):
    path = _book(tmp_path / "merged.xlsx",
                 ["Organisation", "Role", "Applied", "Notes"],
                 [["Halvard Shipping", "Deck Officer", D(2026, 11, 2), "sent via portal"],
                  [None, "Port Planner", D(2026, 11, 2), "same portal, second post"],
                  ["Ilford Glass", "Estimator", D(2026, 11, 9), None]],
                 merges=("A2:A3",))
    t = read_tracker(path)
    assert list(t.frame["company"]) == ["Halvard Shipping", "Halvard Shipping", "Ilford Glass"]
    assert list(t.frame["position"]) == ["Deck Officer", "Port Planner", "Estimator"]
    assert any("merged down" in n and "A2:A3" in n for n in t.notes)


def _coloured(path, legend_at, legend, rows):
    from openpyxl.styles import PatternFill
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Company", "Position", "Date Applied", "Status", "Notes"])
    for colour, row in rows:
        ws.append(row)
        for cell in ws[ws.max_row]:
            cell.fill = PatternFill("solid", fgColor=colour)
    for ref, (colour, text) in zip(legend_at, legend):
        ws[ref] = text
        ws[ref].fill = PatternFill("solid", fgColor=colour)
    wb.save(path)
    return path


BLUE, GREY, PEACH = "FF9BC2E6", "FFBFBFBF", "FFF8CBAD"


def test_rows_coloured_by_stage_take_the_words_of_the_legend(tmp_path):
    path = _coloured(tmp_path / "colours.xlsx", ["A9", "A10", "A11"],
                     [(BLUE, "Blue: offer made"), (GREY, "grey - turned down"), (PEACH, "Peach: sent, no word")],
                     [(BLUE, ["Juno Optics", "Lens Tech", D(2026, 11, 3), None, None]),
                      (GREY, ["Kelso Farms", "Herdsman", D(2026, 10, 12), None, None]),
                      (PEACH, ["Lindqvist AB", "Buyer", D(2026, 11, 24), None, None]),
                      (GREY, ["Moorgate Ltd", "Porter", D(2026, 10, 2), None, "called twice"])])
    t = read_tracker(path)
    stage = dict(zip(t.frame["company"], t.frame["stage"]))
    assert stage == {"Juno Optics": "Blue: offer made", "Kelso Farms": "grey - turned down",
                     "Lindqvist AB": "Peach: sent, no word", "Moorgate Ltd": "grey - turned down"}
    assert any("fill colours" in n and "(A10)" in n for n in t.notes)


def test_colours_without_a_legend_are_only_mentioned(tmp_path):
    path = _coloured(tmp_path / "nolegend.xlsx", [], [],
                     [(BLUE, ["Juno Optics", "Lens Tech", D(2026, 11, 3), None, None]),
                      (GREY, ["Kelso Farms", "Herdsman", D(2026, 10, 12), None, None])])
    t = read_tracker(path)
    assert (t.frame["stage"] == "").all()
    assert any("no legend" in n for n in t.notes)


def test_a_numbered_run_no_list_knows_counts_when_its_days_follow_on(tmp_path):
    header = ["Company", "Role", "Date Applied", "Nudge 1", "Nudge 2", "Notes"]
    path = _book(tmp_path / "nudges.xlsx", header,
                 [["Pellow Air", "Dispatcher", D(2026, 10, 1), D(2026, 10, 9), D(2026, 10, 20), None],
                  ["Quayle Ltd", "Fitter", D(2026, 10, 6), D(2026, 10, 15), None, None],
                  ["Rusk Media", "Editor", D(2026, 10, 12), None, None, "no news"]])
    frame = read_tracker(path).frame.set_index("company")
    assert frame.loc["Pellow Air", "last_contact"] == pd.Timestamp(2026, 10, 20)
    assert frame.loc["Pellow Air", "follow_ups"] == 2
    # the same words over days that go backwards, or before applying, are no run of follow-ups
    path = _book(tmp_path / "rounds.xlsx", header,
                 [["Pellow Air", "Dispatcher", D(2026, 10, 1), D(2026, 10, 20), D(2026, 10, 9), None],
                  ["Quayle Ltd", "Fitter", D(2026, 10, 6), D(2026, 9, 15), D(2026, 9, 1), None]])
    assert read_tracker(path).frame["last_contact"].isna().all()


def test_a_merged_company_lends_its_name_not_its_colour(tmp_path):
    from openpyxl.styles import PatternFill
    path = _coloured(tmp_path / "both.xlsx", ["A9", "A10"],
                     [(BLUE, "Blue: offer made"), (GREY, "grey - turned down")],
                     [(BLUE, ["Juno Optics", "Lens Tech", D(2026, 11, 3), None, None]),
                      (GREY, ["Kelso Farms", "Herdsman", D(2026, 10, 12), None, None])])
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.insert_rows(3)
    for col, value in enumerate([None, "Optician", D(2026, 11, 3)], start=1):
        ws.cell(3, col, value)
    ws.merge_cells("A2:A3")
    ws["A3"].fill = PatternFill("solid", fgColor=BLUE)     # as a spreadsheet app saves a merged cell
    wb.save(path)
    frame = read_tracker(path).frame
    rows = {(c, p): s for c, p, s in zip(frame["company"], frame["position"], frame["stage"])}
    assert rows[("Juno Optics", "Lens Tech")] == "Blue: offer made"
    assert rows[("Juno Optics", "Optician")] == ""


def test_a_row_copied_on_to_the_next_stage_sheet_is_followed_up_once(tmp_path):
    from followup_sheet.read import read_trackers
    wb = openpyxl.Workbook()
    header = ["Org", "Post", "Date applied", "Last contact", "Notes"]
    sheets = {"Sent": [["Tollan Rail", "Planner", D(2026, 11, 2), D(2026, 11, 10), "chased once"],
                       ["Usk Water", "Chemist", D(2026, 11, 4), None, None],
                       ["Usk Water", "Chemist", D(2026, 11, 4), None, "sent twice by mistake"]],
              "Talking": [["Tollan Rail", "Planner", D(2026, 11, 2), D(2026, 11, 27), "first interview done"],
                          ["Vane Audio", "Tester", D(2026, 11, 9), D(2026, 11, 20), "screen booked"]]}
    for i, (name, rows) in enumerate(sheets.items()):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        ws.append(header)
        for row in rows:
            ws.append(row)
    wb.save(tmp_path / "stages.xlsx")
    sent, talking = read_trackers(tmp_path / "stages.xlsx")
    assert list(sent.frame["company"]) == ["Usk Water", "Usk Water"]      # twice on one sheet: as before
    assert list(talking.frame["company"]) == ["Tollan Rail", "Vane Audio"]
    assert any(line.startswith("Row 2:") and "'Talking', row 2" in line for line in sent.skipped_rows)


def test_the_first_of_a_numbered_run_is_no_typo_of_a_planned_date(tmp_path):
    path = _book(tmp_path / "reminders.xlsx",
                 ["Company", "Position", "Applied", "Reminder 1", "Reminder 2", "Status"],
                 [["Wilde Hotels", "Concierge", D(2026, 10, 5), D(2026, 10, 13), D(2026, 10, 22), "Applied"],
                  ["Xeno Labs", "Technician", D(2026, 10, 19), None, None, "Applied"]])
    t = read_tracker(path)
    assert "pinned" not in t.columns
    frame = t.frame.set_index("company")
    assert frame.loc["Wilde Hotels", "last_contact"] == pd.Timestamp(2026, 10, 22)
    assert pd.isna(frame.loc["Wilde Hotels", "pinned"])
    assert any("first of a numbered run" in n for n in t.notes)


def test_a_closed_application_and_a_new_one_at_the_same_job_are_two(tmp_path):
    from followup_sheet.read import read_trackers
    wb = openpyxl.Workbook()
    for i, (name, row) in enumerate([("Spring", ["Yelland Co", "Clerk", D(2026, 4, 1), "Turned down"]),
                                     ("Autumn", ["Yelland Co", "Clerk", D(2026, 11, 2), "Applied"])]):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        ws.append(["Company", "Position", "Date applied", "Status"])
        ws.append(row)
        ws.append(["Zorn Paper", f"Clerk {name}", D(2026, 4 if i == 0 else 11, 3), "Applied"])
    wb.save(tmp_path / "again.xlsx")
    spring, autumn = read_trackers(tmp_path / "again.xlsx")
    assert "Yelland Co" in set(spring.frame["company"]) and "Yelland Co" in set(autumn.frame["company"])
    assert not spring.skipped_rows


def test_bare_numbers_under_a_merged_follow_up_label_are_a_run(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DETAILS", None, None, "CHASED ON", None])
    ws.merge_cells("A1:C1")
    ws.merge_cells("D1:E1")
    ws.append(["Company", "Job", "Applied", "1", "2"])
    ws.append(["Alder Freight", "Router", D(2026, 10, 1), D(2026, 10, 8), D(2026, 10, 19)])
    ws.append(["Brisk Couriers", "Driver", D(2026, 10, 5), D(2026, 10, 12), None])
    wb.save(tmp_path / "grouped.xlsx")
    frame = read_tracker(tmp_path / "grouped.xlsx").frame.set_index("company")
    assert frame.loc["Alder Freight", "last_contact"] == pd.Timestamp(2026, 10, 19)
    assert frame.loc["Alder Freight", "follow_ups"] == 2
    assert frame.loc["Brisk Couriers", "follow_ups"] == 1


def test_the_name_after_an_agency_is_the_agency_not_a_person():
    from followup_sheet.referrals import people_in
    assert people_in("agency: Kestrel Staffing") == ()
    assert people_in("went through the agency Harbour Talent") == ()
    assert people_in("Priya Nair (agency) sent my cv over") == (("Priya Nair", "recruiter"),)
    assert people_in("agency recruiter - Colm Byrne") == (("Colm Byrne", "recruiter"),)


def test_a_row_crossed_out_is_closed_but_one_struck_cell_says_nothing(tmp_path):
    from openpyxl.styles import Font
    path = _book(tmp_path / "crossed.xlsx", ["Company", "Position", "Applied", "Status", "Phone"],
                 [["Ashgrove Mill", "Weaver", D(2026, 11, 2), "Applied", "01632 960111"],
                  ["Bramley Foods", "Picker", D(2026, 11, 4), "Applied", "01632 960222"]])
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for cell in ws[2]:
        cell.font = Font(strike=True)
    ws["E3"].font = Font(strike=True)          # an old number crossed out, the row goes on
    wb.save(path)
    t = read_tracker(path)
    stage = dict(zip(t.frame["company"], t.frame["stage"]))
    from followup_sheet.plan import stage_of
    from followup_sheet.settings import Settings
    assert stage_of(stage["Ashgrove Mill"], Settings()) == "closed"
    assert stage["Bramley Foods"] == "Applied"
    assert any("struck through" in n and "2" in n for n in t.notes)


def test_check_says_a_column_of_day_numbers_holds_dates(tmp_path):
    path = _book(tmp_path / "serials.xlsx", ["Company", "Role", "Applied", "Notes"],
                 [["Corran Ferries", "Purser", 46342, "sent"], ["Dunvegan Inn", "Chef", 46350, None]])
    t = read_tracker(path)
    assert t.frame["applied_on"].iloc[0] == pd.Timestamp(2026, 11, 16)
    assert "day numbers in General cells" in t.date_orders["applied_on"]


def test_a_plain_end_in_the_notes_of_a_sheet_without_a_status_column_closes_the_row(tmp_path):
    # (rules §2, §6: the notes state the outcome and no stage cell says otherwise: the row is
    # closed and its note is the fact, rather than the user asked to add a column)
    from followup_sheet.pipeline import compute
    from followup_sheet.settings import Settings
    path = _book(tmp_path / "nostatus.xlsx", ["Company", "Role", "Applied", "Notes"],
                 [["Elder Vets", "Nurse", D(2026, 11, 16), "they picked someone internal in the end"],
                  ["Fennel Bistro", "Sous Chef", D(2026, 11, 20), "not selected, email on fri"],
                  ["Gorse Hall", "Porter", D(2026, 11, 20), "hope they don't pick someone internal"]])
    plan = compute(path, settings=Settings(your_name="Sam Rivera", your_phone="555-0100"),
                   today=D(2026, 12, 7))[0][0].plan
    for row in (2, 3):
        assert plan.loc[row, "status"] == "Closed" and f"D{row}" in plan.loc[row, "why"], plan.loc[row, "why"]
    assert plan.loc[4, "status"] != "Closed", plan.loc[4, "why"]


def test_a_sheet_per_stage_gives_its_silent_rows_its_stage(tmp_path):
    from followup_sheet.read import read_trackers
    wb = openpyxl.Workbook()
    sheets = {"Sent off": [["Lowther Arms", "Barista", D(2026, 11, 20), None]],
              "Interviewing": [["Merrow Books", "Clerk", D(2026, 11, 9), "Phone screen"],
                               ["Nairn Golf", "Greenkeeper", D(2026, 11, 12), None]],
              "Job offers": [["Orkney Fish", "Packer", D(2026, 11, 1), None]]}
    for i, (name, rows) in enumerate(sheets.items()):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        ws.append(["Company", "Role", "Date applied", "Status"])
        for row in rows:
            ws.append(row)
    wb.save(tmp_path / "bystage.xlsx")
    trackers = read_trackers(tmp_path / "bystage.xlsx")
    stages = {c: s for t in trackers for c, s in zip(t.frame["company"], t.frame["stage"])}
    assert stages == {"Lowther Arms": "Sent off", "Merrow Books": "Phone screen", "Nairn Golf": "Interviewing",
                      "Orkney Fish": "Job offers"}


def test_sheets_named_by_month_lend_no_stage(tmp_path):
    from followup_sheet.read import read_trackers
    wb = openpyxl.Workbook()
    for i, name in enumerate(["Oct", "Nov"]):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        ws.append(["Company", "Role", "Date applied", "Status"])
        ws.append([f"Pict {name}", "Clerk", D(2026, 10 + i, 3), None])
    wb.save(tmp_path / "months.xlsx")
    assert all((t.frame["stage"] == "").all() for t in read_trackers(tmp_path / "months.xlsx"))
