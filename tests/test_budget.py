"""The daily budget (rules §6): at most `calls_per_day` rows on Today, in the rules' order, and a
line saying how many more wait for the next business day, on the Today sheet, the HTML call
sheet, the CSV/Markdown exports and the terminal; `today --all` lists them all."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from conftest import TODAY, write_tracker
from lxml import html

from followup_sheet import cli
from followup_sheet.exporttext import today_text
from followup_sheet.pipeline import compute, refresh, waiting_count
from followup_sheet.settings import Settings

# Sixteen overdue applications, each a few days later than the one before, so the order (most
# days overdue first) is known; two of them are offers, which go first whatever their lateness.
COMPANIES = [f"Firma {chr(65 + i)}{chr(97 + i)}" for i in range(16)]


def _rows():
    rows = []
    for i, company in enumerate(COMPANIES):
        rows.append({"Company": company, "Position": "Buchhalter", "Status": "Offer made" if i in (14, 15) else
                     "Beworben", "Date Applied": TODAY - dt.timedelta(days=30 - i), "Phone": f"+49 30 5550{i:03d}"})
    return rows


@pytest.fixture(scope="module")
def tracker(tmp_path_factory):
    return write_tracker(tmp_path_factory.mktemp("budget") / "bewerbungen.xlsx", _rows())


def test_compute_keeps_the_budget_and_counts_the_rest(tracker):
    _, table, settings = compute(tracker, today=TODAY)
    assert settings.calls_per_day == 12
    assert len(table) == 12
    assert waiting_count(table) == 4
    assert set(table["company"][:2]) == {"Firma Pp", "Firma Oo"}       # offers first
    assert "Firma Aa" in set(table["company"])                          # the most overdue of the rest
    assert "Firma Nn" not in set(table["company"])                      # the least overdue waits


@pytest.mark.parametrize("budget, shown, more", [(0, 16, 0), (5, 5, 11), (16, 16, 0), (20, 16, 0)])
def test_the_budget_is_a_setting(tracker, budget, shown, more):
    _, table, _ = compute(tracker, today=TODAY, calls_per_day=budget)
    assert (len(table), waiting_count(table)) == (shown, more)


def test_today_sheet_lists_the_budget_and_says_how_many_wait(tmp_path):
    path = write_tracker(tmp_path / "jobs.xlsx", _rows())
    refresh(path, today=TODAY, backup=False)
    ws = openpyxl.load_workbook(path)["Today"]
    companies = [ws.cell(r, 1).value for r in range(3, ws.max_row + 1)]
    assert companies[:12] == [c for c in companies[:12] if c and c.startswith("Firma")]
    assert len(companies) == 13
    assert companies[12] == "and 4 more — they wait for the next business day"


def test_marks_are_not_read_from_the_waiting_line(tmp_path):
    path = write_tracker(tmp_path / "jobs.xlsx", _rows())
    refresh(path, today=TODAY, backup=False)
    again = refresh(path, today=TODAY, backup=False)
    assert again.marks.applied == 0 and not again.marks.problems and not again.changed


def test_exports_say_how_many_wait(tracker):
    _, table, _ = compute(tracker, today=TODAY, calls_per_day=10)
    rows = list(csv.reader(io.StringIO(today_text(table, "csv"))))
    assert len(rows) == 1 + 10 + 1
    assert rows[-1][0] == "and 6 more — they wait for the next business day"
    assert not any(rows[-1][1:])
    md = today_text(table, "md")
    assert md.rstrip().endswith("and 6 more — they wait for the next business day")
    _, everything, _ = compute(tracker, today=TODAY, calls_per_day=0)
    assert "more — they wait" not in today_text(everything, "csv")


def test_html_call_sheet_says_how_many_wait(tracker, tmp_path):
    from followup_sheet.exporttext import call_sheet_html
    _, table, _ = compute(tracker, today=TODAY)
    page = html.fromstring(call_sheet_html(table, TODAY, "bewerbungen.xlsx"))
    assert len(page.xpath("//section[@class='call']")) == 12
    assert page.xpath("//p[@class='more']")[0].text_content().startswith("and 4 more")


def test_today_command_and_all(tracker, capsys):
    assert cli.main(["today", str(tracker), "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "Today: 12 call(s)" in out
    assert "and 4 more — they wait for the next business day" in out
    assert cli.main(["today", str(tracker), "--today", TODAY.isoformat(), "--all"]) == 0
    out = capsys.readouterr().out
    assert "Today: 16 call(s)" in out
    assert "more — they wait" not in out


def test_settings_file_sets_the_budget(tracker, tmp_path):
    config = tmp_path / "followup.toml"
    config.write_text("[cadence]\ncalls_per_day = 3\n", encoding="utf-8")
    _, table, settings = compute(tracker, today=TODAY, config=config)
    assert settings.calls_per_day == 3 and len(table) == 3 and waiting_count(table) == 13


def test_a_budget_out_of_range_is_refused():
    from followup_sheet.errors import BadSettings
    with pytest.raises(BadSettings, match="calls_per_day"):
        Settings(calls_per_day=-1)


def test_the_order_puts_call_backs_after_interviews_and_before_named_people(tmp_path):
    day = TODAY - dt.timedelta(days=20)
    rows = [
        {"Company": "Named Person AG", "Position": "Clerk", "Status": "Applied", "Date Applied": day,
         "Hiring Manager": "Vera Lind", "Phone": "555 0101"},
        {"Company": "Rang Me GmbH", "Position": "Clerk", "Status": "Applied", "Date Applied": day,
         "Last Contact": TODAY - dt.timedelta(days=3), "Notes": "Missed a call from their HR", "Phone": "555 0102"},
        {"Company": "Plain SE", "Position": "Clerk", "Status": "Applied", "Date Applied": day - dt.timedelta(days=5),
         "Phone": "555 0103"},
        {"Company": "Interviewing KG", "Position": "Clerk", "Status": "Interviewed", "Date Applied": day,
         "Last Contact": TODAY - dt.timedelta(days=6), "Phone": "555 0104"},
    ]
    path = write_tracker(tmp_path / "order.xlsx", rows)
    _, table, _ = compute(path, today=TODAY)
    assert list(table["company"]) == ["Interviewing KG", "Rang Me GmbH", "Named Person AG", "Plain SE"]


def test_an_address_in_the_contact_cell_is_where_to_write(tmp_path):
    rows = [{"Company": "Kiln Studio", "Position": "Glazer", "Status": "Applied",
             "Date Applied": TODAY - dt.timedelta(days=12), "Contact": "jobs@kiln.example"}]
    path = write_tracker(tmp_path / "kiln.xlsx", rows)
    outcomes, table, _ = compute(path, today=TODAY)
    assert outcomes[0].plan.at[2, "channel"] == "email"
    assert (table.at[0, "email"], table.at[0, "ask_for"]) == ("jobs@kiln.example", "")
    assert "Find a number or e-mail first" not in table.at[0, "script"]


def test_the_calendar_says_e_mail_for_an_e_mail_row(tmp_path):
    import icalendar

    from followup_sheet.exportfiles import export_today
    rows = [{"Company": "Kiln Studio", "Position": "Glazer", "Status": "Applied",
             "Date Applied": TODAY - dt.timedelta(days=12), "Email": "jobs@kiln.example"},
            {"Company": "Loom Works", "Position": "Weaver", "Status": "Applied",
             "Date Applied": TODAY - dt.timedelta(days=12), "Phone": "555 0177"}]
    path = write_tracker(tmp_path / "cal.xlsx", rows)
    outcomes, table, settings = compute(path, today=TODAY)
    out = tmp_path / "calls.ics"
    export_today(table, out, tracker=path, outcomes=outcomes, today=TODAY, settings=settings)
    summaries = sorted(str(e["summary"]) for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert summaries == ["Call Loom Works (Weaver)", "E-mail Kiln Studio (Glazer)"]


@pytest.mark.parametrize("command", [["refresh", "--no-backup"], ["today"], ["check"]])
def test_the_you_reminder_is_printed_once_a_run(tmp_path, capsys, command):
    path = write_tracker(tmp_path / "jobs.xlsx", _rows()[:3])
    cli.main([command[0], str(path), *command[1:], "--today", TODAY.isoformat()])
    printed = capsys.readouterr()
    assert (printed.out + printed.err).count("Fill in [you]") == 1
    (tmp_path / "followup.toml").write_text('[you]\nemail = "me@example.org"\n', encoding="utf-8")
    cli.main([command[0], str(path), *command[1:], "--today", TODAY.isoformat()])
    printed = capsys.readouterr()
    assert "Fill in [you]" not in printed.out + printed.err


def test_the_you_reminder_stays_out_of_piped_output(tmp_path, capsys):
    path = write_tracker(tmp_path / "jobs.xlsx", _rows()[:3])
    assert cli.main(["today", str(path), "--output", "-", "--today", TODAY.isoformat()]) == 0
    printed = capsys.readouterr()
    assert "Fill in [you]" not in printed.out and "Fill in [you]" in printed.err


def test_the_xlsx_export_ends_with_the_waiting_line(tracker, tmp_path):
    from followup_sheet.exportfiles import export_today
    _, table, _ = compute(tracker, today=TODAY)
    out = tmp_path / "calls.xlsx"
    export_today(table, out, tracker=tracker)
    ws = openpyxl.load_workbook(out)["Today"]
    rows = list(ws.iter_rows(values_only=True))
    assert len(rows) == 1 + 12 + 1
    assert rows[-1][0] == "and 4 more — they wait for the next business day" and not any(rows[-1][1:])
