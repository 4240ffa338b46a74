"""The command line people expect (issue 17), through the real console script: usage errors exit
2, global options on either side of the command, output where asked, quiet runs, a dry run that
is a diff, problems listed where they are seen, the terminal table, help for every command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli, statuses_by_company, write_tracker

DAY = "2026-11-26"    # a Thursday
SCRIPT = Path(sys.executable).parent / "followup-sheet"

ROWS = [
    {"Company": "Acme Design", "Position": "Planner", "Date Applied": dt.date(2026, 11, 16), "Status": "Applied",
     "Contact": "Dana Whitfield", "Phone": "555-0100"},
    {"Company": "Beta Labs", "Position": "Analyst", "Date Applied": dt.date(2026, 11, 19), "Status": "Applied"},
    {"Company": "Gamma Works", "Position": "Designer", "Date Applied": dt.date(2026, 11, 24), "Status": "Applied"},
    {"Company": "=1+2", "Position": "Clerk", "Date Applied": dt.date(2026, 11, 16), "Status": "Applied"},
]


def fs(*args, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command line as a user runs it: in this process (conftest.run_cli), or, given an
    environment of its own (the terminal's width, the console's encoding), the installed
    `followup-sheet` console script in a fresh one."""
    if env is None:
        return run_cli(*args, cwd=cwd)
    return subprocess.run([str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=120,
                          cwd=cwd, env=env, encoding="utf-8")


def ok(proc: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert proc.returncode == 0, f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    return proc


def usage_error(proc: subprocess.CompletedProcess, *words: str) -> str:
    assert proc.returncode == 2, f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert proc.stdout == ""
    assert "usage:" in proc.stderr and "Traceback" not in proc.stderr
    for word in words:
        assert word in proc.stderr, (word, proc.stderr)
    return proc.stderr


@pytest.fixture
def tracker(tmp_path):
    return write_tracker(tmp_path / "jobs.xlsx", ROWS)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- 1. usage errors exit 2; parsing ----------------------------------------------------------

@pytest.mark.parametrize("args, words", [
    (["refresh", "{t}", "--dry"], ["--dry"]),                        # no prefix abbreviations
    (["refresh", "{t}", "--outp", "x.xlsx"], ["--outp"]),
    (["today", "{t}", "--out", "x.txt"], [".txt", ".csv", ".xlsx", ".md", ".html", ".ics"]),
    (["today", "{t}", "--output", "x"], [".csv", ".xlsx"]),
    (["refresh", "{t}", "--output", "out.csv"], ["out.csv", ".xlsx"]),
    (["refresh", "{t}", "--out", "-"], ["standard output"]),
    (["today", "{t}", "--format", "md"], ["--format"]),
    (["today", "{t}", "--output", "x.csv", "--format", "md"], ["--format"]),
    (["watch", "{t}", "--poll", "0"], ["--poll"]),
    (["stats", "{t}", "--out", "stats.csv"], ["stats.html"]),
    (["today", "{t}", "--out", "x.csv", "--weeks", "2"], ["--weeks", ".ics"]),
], ids=["dry-abbrev", "output-abbrev", "today-txt", "today-no-suffix", "refresh-csv", "refresh-stdout",
        "format-without-stdout", "format-mismatch", "poll-0", "stats-csv", "weeks-without-ics"])
def test_usage_errors_exit_2_and_write_nothing(tracker, args, words):
    before = tracker.read_bytes()
    usage_error(fs(*[a.format(t=tracker) for a in args], cwd=tracker.parent), *words)
    assert tracker.read_bytes() == before
    assert files_in(tracker.parent) == ["jobs.xlsx"]


@pytest.mark.parametrize("command", ["refresh", "today"])
@pytest.mark.parametrize("spelling", ["--output", "--out"])
def test_output_option_has_one_name_and_an_alias_on_both_commands(tracker, command, spelling):
    target = tracker.parent / ("copy.xlsx" if command == "refresh" else "calls.csv")
    ok(fs(command, tracker, "--today", DAY, spelling, target))
    assert target.is_file()


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_before_or_after_the_command(tracker, where):
    config = tracker.parent / "mine.toml"
    config.write_text('[you]\nname = "Jo Config"\n', encoding="utf-8")
    options = ["-v", "--today", "2026-12-30", "--config", config]
    args = [*options, "today", tracker] if where == "before" else ["today", tracker, *options]
    proc = ok(fs(*args))
    assert "DEBUG" in proc.stderr          # -v took effect, in either place
    assert "Jo Config" in proc.stdout      # so did --config
    assert "Gamma Works" in proc.stdout    # and --today: Waiting on the 26th, overdue by the 30th


@pytest.mark.parametrize("where", ["before", "after"])
def test_log_and_quiet_before_or_after_the_command(tracker, where):
    log = tracker.parent / "run.log"
    options = ["-q", "--log", log]
    args = [*options, "check", tracker] if where == "before" else ["check", tracker, *options]
    proc = ok(fs(*args))
    assert proc.stdout == "" and proc.stderr == ""
    assert log.read_text(encoding="utf-8").startswith("--- ")


@pytest.mark.parametrize("where", ["before", "after"])
def test_today_given_before_the_command_is_not_reset(tracker, where):
    args = ["--today", "2026-12-30", "today", tracker] if where == "before" else \
        ["today", tracker, "--today", "2026-12-30"]
    out = ok(fs(*args, "--output", "-")).stdout
    assert "Gamma Works" in out            # Waiting on the 26th, overdue by the 30th


def test_quiet_before_the_command(tracker):
    proc = ok(fs("-q", "refresh", tracker, "--today", DAY, "--no-backup"))
    assert proc.stdout == "" and proc.stderr == ""


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag):
    proc = ok(fs(flag))
    assert proc.stdout.startswith("followup-sheet ")


# --- 2. output where asked ----------------------------------------------------------------------

def test_today_output_dash_writes_csv_to_stdout_only(tracker):
    proc = ok(fs("today", tracker, "--today", DAY, "--output", "-"))
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert rows[0][:4] == ["Sheet", "Row", "Company", "Position"]
    companies = [r[2] for r in rows[1:]]
    assert "Acme Design" in companies and "Beta Labs" in companies and "Gamma Works" not in companies
    assert "'=1+2" in companies            # formula-safe, as the .csv export
    assert "Today" not in proc.stdout.splitlines()[0]
    assert files_in(tracker.parent) == ["jobs.xlsx"]


def test_today_output_dash_keeps_messages_off_stdout(tracker, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "check_in_cal.j2").write_text("Hi", encoding="utf-8")
    proc = ok(fs("today", tracker, "--today", DAY, "--output", "-", "--templates", folder))
    assert "check_in_cal.j2" in proc.stderr
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert len(rows) == 1 + 3 and all(len(r) == len(rows[0]) for r in rows)


def test_today_output_dash_markdown(tracker):
    proc = ok(fs("today", tracker, "--today", DAY, "--out", "-", "--format", "md"))
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("| Sheet | Row | Company |")
    assert lines[1].startswith("|---|")
    assert sum(1 for line in lines[2:] if line.startswith("| Applications |")) == 3
    assert all(line.count(" | ") >= 10 for line in lines[2:])    # a script's line breaks stay in the cell


def test_today_output_md_file(tracker):
    target = tracker.parent / "calls.md"
    proc = ok(fs("today", tracker, "--today", DAY, "--output", target))
    assert "calls.md" in proc.stdout
    assert target.read_text(encoding="utf-8").startswith("| Sheet | Row | Company |")


# --- 3. quiet -------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["refresh", "{t}", "--no-backup"],
    ["refresh", "{t}", "--dry-run"],
    ["today", "{t}"],
    ["today", "{t}", "--output", "{d}/calls.xlsx"],
    ["watch", "{t}", "--once", "--no-backup"],
])
def test_quiet_prints_nothing_on_success(tracker, args):
    proc = ok(fs(*[a.format(t=tracker, d=tracker.parent) for a in args], "--today", DAY, "-q"))
    assert proc.stdout == "" and proc.stderr == ""


def test_quiet_still_reports_problems(tmp_path):
    proc = fs("refresh", tmp_path / "nowhere.xlsx", "-q")
    assert proc.returncode == 1 and proc.stdout == ""
    assert "nowhere.xlsx" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["check", "{t}", "-q", "-v"], ["-q", "check", "{t}", "-v"],
                                  ["-v", "check", "{t}", "--quiet"]])
def test_quiet_and_verbose_together_are_a_usage_error(tracker, args):
    usage_error(fs(*[a.format(t=tracker) for a in args]))


# --- 4. a dry run is a diff ----------------------------------------------------------------------

def test_dry_run_on_an_unchanged_workbook_says_so_and_lists_nothing(tracker):
    ok(fs("refresh", tracker, "--today", DAY, "--no-backup"))
    before = tracker.read_bytes()
    out = ok(fs("refresh", tracker, "--today", DAY, "--dry-run")).stdout
    assert "would not change" in out
    assert "→" not in out
    assert tracker.read_bytes() == before


def test_dry_run_lists_only_the_cells_that_would_change(tracker):
    ok(fs("refresh", tracker, "--today", DAY, "--no-backup"))
    before = tracker.read_bytes()
    # a day later Beta Labs (row 3) goes from Due today to Overdue; Gamma Works (row 4) from Waiting
    # to Due soon; Acme Design and =1+2 stay Overdue
    out = ok(fs("refresh", tracker, "--today", "2026-11-27", "--dry-run")).stdout
    changes = [line.strip() for line in out.splitlines() if "→" in line]
    status = "G"     # columns A-F are the tracker's own
    assert f"{status}3: 'Due today' → 'Overdue'" in changes
    assert f"{status}4: 'Waiting' → 'Due soon'" in changes
    assert not any(c.startswith((f"{status}2:", f"{status}5:")) for c in changes), changes
    assert "would change" in out
    assert tracker.read_bytes() == before


def test_dry_run_on_a_new_tracker_lists_the_new_columns(tracker):
    out = ok(fs("refresh", tracker, "--today", DAY, "--dry-run")).stdout
    changes = [line.strip() for line in out.splitlines() if "→" in line]
    assert "G1: '' → 'Follow-up Status'" in changes     # columns A-F are the tracker's own
    assert "G2: '' → 'Overdue'" in changes
    assert "H2: '' → 2026-11-23" in changes
    # a new script is shown whole, as words put in (its lines kept)
    script = out[out.index("  I2: "):out.index("  G3: ")]
    assert script.startswith("  I2: {+") and script.rstrip().endswith("+}") and "\n\n" in script, script


# --- 5. problems where you see them --------------------------------------------------------------

def undated(n: int) -> list[dict]:
    return [{"Company": f"Undated {i}", "Position": "Clerk", "Status": "Applied", "Contact": "Sam"} for i in range(n)]


def test_refresh_lists_check_data_rows_with_their_fix(tmp_path):
    path = write_tracker(tmp_path / "jobs.xlsx", ROWS + undated(2) +
                         [{"Company": "Later", "Date Applied": "next week", "Status": "Applied"}])
    out = ok(fs("refresh", path, "--today", DAY, "--no-backup")).stdout
    assert "Row 6: 'Undated 0' has no date yet; fill in 'Date Applied' (C6)" in out
    assert "Row 7: 'Undated 1' has no date yet" in out
    assert "Row 8: 'Date Applied'" in out and "next week" in out
    assert "run check" not in out


def test_refresh_lists_at_most_ten_problems(tmp_path):
    path = write_tracker(tmp_path / "jobs.xlsx", ROWS + undated(13))
    out = ok(fs("refresh", path, "--today", DAY, "--no-backup")).stdout
    assert sum("has no date yet" in line for line in out.splitlines()) == 10
    assert "and 3 more: run check" in out


def test_check_exits_1_when_rows_need_fixing(tmp_path):
    good = write_tracker(tmp_path / "good.xlsx", ROWS)
    bad = write_tracker(tmp_path / "bad.xlsx", ROWS + undated(1))
    assert "Row problems: none" in ok(fs("check", good, "--today", DAY)).stdout
    proc = fs("check", bad, "--today", DAY)
    assert proc.returncode == 1, proc
    assert "Row problems (1)" in proc.stdout and "Row 6: 'Undated 0' has no date yet" in proc.stdout
    assert proc.stderr == ""


# --- 6. the terminal table ------------------------------------------------------------------------

def table_lines(out: str) -> list[str]:
    lines = out.split("Today:", 1)[1].splitlines()[1:]
    return [line for line in lines if line.startswith("  ") and not line.startswith("  ...")]


def display_width(text: str) -> int:
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def env_with(**values: str) -> dict:
    import os
    return {**os.environ, **values}


def test_table_cuts_with_an_ellipsis_and_fits_the_terminal(tmp_path):
    rows = [{"Company": "Extraordinarily Long Company Name Incorporated", "Position": "Senior Principal "
             "Data Visualisation Engineer", "Date Applied": dt.date(2026, 11, 16), "Status": "Applied",
             "Contact": "Maximilian Bartholomew-Fitzgerald", "Phone": "555-0100"}]
    path = write_tracker(tmp_path / "jobs.xlsx", rows)
    for columns in (60, 80, 120):
        out = ok(fs("today", path, "--today", DAY, env=env_with(COLUMNS=str(columns)))).stdout
        lines = table_lines(out)
        assert all(display_width(line) <= columns for line in lines), (columns, lines)
        assert "…" in lines[1]
        assert "555-0100" in lines[1] and "Overdue" in lines[1]      # phone and status are never cut


def test_table_aligns_double_width_text(tmp_path):
    rows = [{"Company": "日本株式会社", "Position": "データ分析", "Date Applied": dt.date(2026, 11, 16),
             "Status": "Applied", "Contact": "山田 太郎", "Phone": "03-1234-5678"},
            {"Company": "Acme", "Position": "Planner", "Date Applied": dt.date(2026, 11, 16), "Status": "Applied",
             "Contact": "Dana", "Phone": "555-0100"}]
    path = write_tracker(tmp_path / "jobs.xlsx", rows)
    out = ok(fs("today", path, "--today", DAY, env=env_with(COLUMNS="120", PYTHONIOENCODING="utf-8"))).stdout
    lines = table_lines(out)
    starts = [display_width(line[:line.index(phone)]) for line, phone in zip(lines[1:], ("03-1234", "555-0100"))]
    assert starts[0] == starts[1], lines


def test_table_shows_the_person_the_script_asks_for_and_an_email_without_a_phone(tmp_path):
    rows = [{"Company": "Brambleway Foods", "Position": "Analyst", "Date Applied": dt.date(2026, 11, 16),
             "Status": "Applied", "Contact": "Rosa Jimenez (HR)", "Hiring Manager": "Owen Gallagher",
             "Phone": "555-0139"},
            {"Company": "Oxbow Learning", "Position": "Specialist", "Date Applied": dt.date(2026, 11, 16),
             "Status": "Applied", "Contact": "Arjun Mehta", "Email": "arjun@oxbow.example"}]
    path = write_tracker(tmp_path / "jobs.xlsx", rows)
    out = ok(fs("today", path, "--today", DAY, env=env_with(COLUMNS="160"))).stdout
    lines = table_lines(out)
    bramble = next(line for line in lines if "Brambleway" in line)
    assert "Owen Gallagher" in bramble and "Rosa" not in bramble
    assert "speak with Owen Gallagher" in out
    oxbow = next(line for line in lines if "Oxbow" in line)
    assert "arjun@oxbow.example" in oxbow


# --- 7. help ----------------------------------------------------------------------------------------

COMMAND_NAMES = ["refresh", "today", "check", "demo", "watch"]


@pytest.mark.parametrize("command", COMMAND_NAMES)
def test_every_command_has_a_description_and_examples(command):
    proc = ok(fs(command, "--help"))
    assert proc.stderr == ""
    text = proc.stdout
    description = text.split("positional arguments:")[0].split("\n\n", 1)[1]
    assert len(description.split()) >= 20, description      # a paragraph, not a phrase
    examples = text.split("examples:\n", 1)[1]
    assert 2 <= sum(line.strip().startswith(f"followup-sheet {command}") for line in examples.splitlines()) <= 3


@pytest.mark.parametrize("command", COMMAND_NAMES)
def test_every_option_and_argument_has_help(command):
    from followup_sheet.cli import _parser
    sub = _parser().commands[command]
    missing = [a.dest for a in sub._actions if not a.help]
    assert not missing, f"{command}: no help for {missing}"


def test_main_help_lists_the_global_options():
    text = ok(fs("--help")).stdout
    for option in ("-V, --version", "-v, --verbose", "-q, --quiet", "--today", "--config"):
        assert option in text


def test_templates_export_has_help():
    from followup_sheet.cli import _parser
    commands = _parser().commands
    templates, export = commands["templates"], commands["templates export"]
    assert all(a.help for a in [*templates._actions, *export._actions])
    assert "examples:" in ok(fs("templates", "--help")).stdout


# --- 8. templates ----------------------------------------------------------------------------------

def test_templates_export_copies_the_built_in_ones(tmp_path, tracker):
    from followup_sheet.render import bundled_templates
    folder = tmp_path / "mine"
    proc = ok(fs("templates", "export", folder))
    built_in = sorted(p.name for p in bundled_templates().glob("*.j2"))
    assert files_in(folder) == built_in
    for name in built_in:
        assert name in proc.stdout
        assert (folder / name).read_bytes() == (bundled_templates() / name).read_bytes()
    # the copies are a working template folder, and warn about nothing
    proc = ok(fs("refresh", tracker, "--today", DAY, "--no-backup", "--templates", folder))
    assert proc.stderr == ""


def test_templates_export_never_replaces_a_file(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "check_in_call.j2").write_text("my own words", encoding="utf-8")
    proc = fs("templates", "export", folder)
    assert proc.returncode == 1 and proc.stdout == ""
    assert "check_in_call.j2" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert files_in(folder) == ["check_in_call.j2"]
    assert (folder / "check_in_call.j2").read_text(encoding="utf-8") == "my own words"


def test_templates_export_quiet(tmp_path):
    proc = ok(fs("-q", "templates", "export", tmp_path / "mine"))
    assert proc.stdout == "" and proc.stderr == ""


def test_a_template_file_no_situation_uses_is_reported(tmp_path, tracker):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "check_in_cal.j2").write_text("Hi {{ contact }}", encoding="utf-8")
    (folder / "notes.txt").write_text("my notes", encoding="utf-8")
    proc = ok(fs("today", tracker, "--today", DAY, "--templates", folder))
    warnings = proc.stderr.strip().splitlines()
    assert len(warnings) == 1, proc.stderr
    assert "check_in_cal.j2" in warnings[0] and "did you mean check_in_call.j2" in warnings[0]
    assert "check_in_cal.j2" not in proc.stdout


def test_a_missing_templates_folder_is_an_error(tmp_path, tracker):
    proc = fs("refresh", tracker, "--today", DAY, "--templates", tmp_path / "nowhere")
    assert proc.returncode == 1 and "nowhere" in proc.stderr


# --- 9. settings -------------------------------------------------------------------------------------

def test_user_wide_settings_are_read_and_the_workbooks_own_win(tracker, no_user_settings):
    user = no_user_settings / "followup-sheet" / "followup.toml"
    user.parent.mkdir()
    user.write_text('[you]\nname = "Jo User"\nphone = "555-0001"\n', encoding="utf-8")
    out = ok(fs("today", tracker, "--today", DAY)).stdout
    assert "Jo User" in out and "555-0001" in out
    (tracker.parent / "followup.toml").write_text('[you]\nphone = "555-0002"\n', encoding="utf-8")
    out = ok(fs("today", tracker, "--today", DAY)).stdout
    assert "Jo User" in out and "555-0002" in out and "555-0001" not in out


def test_check_says_which_settings_files_it_read(tracker, no_user_settings):
    assert "Settings: the built-in defaults" in ok(fs("check", tracker)).stdout
    user = no_user_settings / "followup-sheet" / "followup.toml"
    user.parent.mkdir()
    user.write_text('[you]\nname = "Jo User"\n', encoding="utf-8")
    beside = tracker.parent / "followup.toml"
    beside.write_text("[cadence]\nfirst_gap = 4\n", encoding="utf-8")
    line = next(line for line in ok(fs("check", tracker)).stdout.splitlines() if line.startswith("Settings:"))
    assert line == f"Settings: {user}, {beside}"


def test_user_settings_folder_by_platform(tmp_path):
    from followup_sheet.settings import user_config_path
    assert user_config_path({"XDG_CONFIG_HOME": "/x/cfg"}, windows=False) == Path("/x/cfg/followup-sheet/followup.toml")
    expected = Path("/home/jo/.config/followup-sheet/followup.toml")
    assert user_config_path({"HOME": "/home/jo"}, windows=False) == expected
    assert user_config_path({"HOME": "/home/jo", "XDG_CONFIG_HOME": "rel"}, windows=False) == \
        Path("/home/jo/.config/followup-sheet/followup.toml")
    assert user_config_path({"APPDATA": str(tmp_path)}, windows=True) == tmp_path / "followup-sheet" / "followup.toml"


def test_settings_with_a_byte_order_mark_are_read(tracker):
    (tracker.parent / "followup.toml").write_bytes("\ufeff[you]\nname = \"Jo User\"\n".encode("utf-8"))
    assert "Jo User" in ok(fs("today", tracker, "--today", DAY)).stdout


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_settings_get_a_clear_message(tracker, encoding):
    (tracker.parent / "followup.toml").write_bytes('[you]\nname = "Jo User"\n'.encode(encoding))
    proc = fs("today", tracker, "--today", DAY)
    assert proc.returncode == 1 and proc.stdout == ""
    line = proc.stderr.strip()
    assert "followup.toml" in line and "UTF-16" in line and "UTF-8" in line and "\n" not in line


def test_settings_messages_point_at_a_readme_section_that_exists(tracker):
    import re
    (tracker.parent / "followup.toml").write_text("[you\nname = 1\n", encoding="utf-8")
    proc = fs("check", tracker)
    assert proc.returncode == 1
    anchors = re.findall(r"README\.md#([a-z0-9-]+)", proc.stderr)
    assert anchors, proc.stderr
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    headings = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-")
                for h in re.findall(r"^#+ (.+)$", readme, re.M)}
    assert set(anchors) <= headings, (anchors, headings)


# --- 10. background runs -----------------------------------------------------------------------------

def test_log_file_takes_the_messages(tracker):
    log = tracker.parent / "followup.log"
    proc = ok(fs("refresh", tracker, "--today", DAY, "--no-backup", "--log", log))
    assert proc.stdout == "" and proc.stderr == ""
    text = log.read_text(encoding="utf-8")
    assert "followup-sheet refresh" in text and "Updated" in text and "Acme Design" in text
    ok(fs("--log", log, "watch", tracker, "--once", "--today", DAY))     # appended, before the command too
    text = log.read_text(encoding="utf-8")
    assert "Updated" in text and "followup-sheet watch" in text and "jobs.xlsx" in text.split("followup-sheet watch")[1]


def test_log_file_takes_errors_too(tmp_path):
    log = tmp_path / "followup.log"
    proc = fs("refresh", tmp_path / "nowhere.xlsx", "--log", log)
    assert proc.returncode == 1 and proc.stdout == "" and proc.stderr == ""
    assert "nowhere.xlsx" in log.read_text(encoding="utf-8")


def test_log_never_writes_into_a_workbook(tracker):
    before = tracker.read_bytes()
    usage_error(fs("refresh", tracker, "--log", tracker), "--log")
    other = tracker.parent / "copy.xlsx"
    other.write_bytes(before)
    usage_error(fs("refresh", tracker, "--log", other), "--log")
    disguised = tracker.parent / "notes.txt"
    disguised.write_bytes(before)
    proc = fs("refresh", tracker, "--log", disguised)
    assert proc.returncode == 1 and "not a text file" in proc.stderr
    assert tracker.read_bytes() == before and other.read_bytes() == before and disguised.read_bytes() == before


def test_windowless_watch_entry_point(tracker):
    from importlib.metadata import entry_points
    gui = {e.name: e.value for e in entry_points(group="gui_scripts")}
    assert gui.get("followup-sheet-watch") == "followup_sheet.cli:main_windowless"
    log = tracker.parent / "watch.log"
    proc = subprocess.run([str(SCRIPT.parent / "followup-sheet-watch"), str(tracker), "--once", "--today", DAY,
                           "--no-backup", "--log", str(log)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc
    assert proc.stdout == "" and proc.stderr == ""
    assert "refreshed jobs.xlsx" in log.read_text(encoding="utf-8")
    assert statuses_by_company(tracker)["Acme Design"] == "Overdue"


def test_windowless_entry_point_without_streams(tracker, monkeypatch):
    """pythonw gives a windowless program no stdout or stderr at all."""
    from followup_sheet import cli
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "argv", ["followup-sheet-watch", str(tracker), "--once", "--today", DAY, "--no-backup"])
    assert cli.main_windowless() == 0
    assert statuses_by_company(tracker)["Beta Labs"] == "Due today"


# --- the README shows what the tool prints ----------------------------------------------------------

def readme_example(command: str) -> list[str]:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    return block.rstrip("\n").splitlines()


def same_lines(shown: list[str], printed: str) -> None:
    """Every line the README shows is printed, in that order ('  ...' stands for lines left out)."""
    import re

    def plain(line: str) -> str:
        return re.sub(r"\(backup: [^)]*\)", "(backup: ...)", line.rstrip())

    printed_lines = [plain(line) for line in printed.splitlines()]
    at = 0
    for line in shown:
        if line.strip() == "...":
            continue
        assert plain(line) in printed_lines[at:], (line, printed_lines)
        at = printed_lines.index(plain(line), at) + 1


def test_readme_refresh_examples_match_the_output(tmp_path):
    ok(fs("-q", "demo", tmp_path, "--today", "2026-11-26"))
    path = tmp_path / "applications.xlsx"
    (tmp_path / "demo_tracker.xlsx").rename(path)
    env = env_with(COLUMNS="100")
    dry = ok(fs("refresh", "applications.xlsx", "--dry-run", "--today", "2026-11-27", cwd=tmp_path, env=env))
    same_lines(readme_example("followup-sheet refresh applications.xlsx --dry-run"), dry.stdout)
    done = ok(fs("refresh", "applications.xlsx", "--today", "2026-11-27", cwd=tmp_path, env=env))
    same_lines(readme_example("followup-sheet refresh applications.xlsx"), done.stdout)
