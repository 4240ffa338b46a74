"""Settings: followup.toml beside the workbook or --config FILE, each section changing what the
rules do, and bad files reported (exit 1) with the file named."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY, run_cli, write_tracker

from followup_sheet.errors import BadSettings
from followup_sheet.pipeline import compute
from followup_sheet.settings import Settings, load_settings

DAY = TODAY.isoformat()   # Thursday 2026-11-26

ROWS = [
    # Mon 11-23 +5 business days = Mon 11-30 (Due soon); with first_gap 3: Tue24 Wed25 Thu26 = today
    {"Company": "Acme", "Position": "Planner", "Date Applied": dt.date(2026, 11, 23), "Status": "Applied"},
    # Mon 11-16 +5 = Mon 11-23: Overdue either way
    {"Company": "Beta", "Position": "Analyst", "Date Applied": dt.date(2026, 11, 16), "Status": "Applied",
     "Contact": "Dana Whitfield"},
    {"Company": "Gamma", "Position": "Designer", "Date Applied": dt.date(2026, 11, 16), "Status": "Binned"},
    {"Company": "Delta", "Position": "Engineer", "Date Applied": dt.date(2026, 11, 16), "Status": "Rejected"},
]


@pytest.fixture
def tracker(tmp_path):
    folder = tmp_path / "jobs"
    folder.mkdir()
    return write_tracker(folder / "tracker.xlsx", ROWS)


def _statuses(path, **kwargs):
    outcomes, _, _ = compute(path, today=TODAY, **kwargs)
    o = outcomes[0]
    return dict(zip(o.tracker.frame["company"], o.plan["status"]))


def _scripts(path, **kwargs):
    outcomes, _, _ = compute(path, today=TODAY, **kwargs)
    o = outcomes[0]
    return dict(zip(o.tracker.frame["company"], o.scripts))


def test_defaults_without_a_settings_file(tracker):
    statuses = _statuses(tracker)
    assert statuses["Acme"] == "Due soon"
    assert statuses["Gamma"] == "Overdue"        # "Binned" is not a built-in closed word


def test_followup_toml_beside_the_workbook(tracker):
    (tracker.parent / "followup.toml").write_text("[cadence]\nfirst_gap = 3\n")
    assert _statuses(tracker)["Acme"] == "Due today"


def test_followup_toml_beside_the_workbook_through_the_cli(tracker):
    (tracker.parent / "followup.toml").write_text("[cadence]\nfirst_gap = 3\n")
    proc = run_cli("today", tracker, "--today", DAY)
    assert proc.returncode == 0, proc.stderr
    assert "Acme" in proc.stdout


def test_config_flag(tracker, tmp_path):
    config = tmp_path / "elsewhere" / "my-settings.toml"
    config.parent.mkdir()
    config.write_text("[cadence]\nfirst_gap = 3\n")
    assert _statuses(tracker)["Acme"] == "Due soon"             # not beside the workbook: not read
    assert _statuses(tracker, config=config)["Acme"] == "Due today"
    proc = run_cli("today", tracker, "--today", DAY, "--config", config)
    assert proc.returncode == 0, proc.stderr
    assert "Acme" in proc.stdout
    proc = run_cli("today", tracker, "--today", DAY)
    assert proc.returncode == 0, proc.stderr
    assert "Acme" not in proc.stdout


def test_config_flag_wins_over_the_file_beside_the_workbook(tracker, tmp_path):
    (tracker.parent / "followup.toml").write_text("[cadence]\nfirst_gap = 3\n")
    config = tmp_path / "other.toml"
    config.write_text("[cadence]\nfirst_gap = 10\n")
    # Mon 11-23 +10 business days = Mon 12-07: Waiting
    assert _statuses(tracker, config=config)["Acme"] == "Waiting"


@pytest.mark.parametrize("text,words", [
    ("[cadence\nfirst_gap = 3\n", []),                                  # broken TOML
    ("[cadence]\nfirst_gapp = 3\n", ["first_gapp"]),                    # unknown key
    ("[colours]\nOverdue = \"FF0000\"\n", ["colours"]),                 # unknown section
    ("[cadence]\nfirst_gap = \"three\"\n", ["first_gap"]),              # wrong type
    ("[words]\nclosd = [\"binned\"]\n", ["closd"]),                      # unknown word list
    ("[columns]\n\"Firm Name\" = \"compnay\"\n", ["compnay"]),           # unknown field
], ids=["bad-toml", "unknown-key", "unknown-section", "wrong-type", "unknown-word-list", "unknown-field"])
@pytest.mark.parametrize("command", ["refresh", "today", "check"])
def test_bad_settings_exit_1_naming_the_file(tracker, text, words, command):
    settings = tracker.parent / "followup.toml"
    settings.write_text(text)
    before = tracker.read_bytes()
    proc = run_cli(command, tracker, "--today", DAY)
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "followup.toml" in lines[0]
    for word in words:
        assert word in lines[0]
    assert tracker.read_bytes() == before


def test_bad_config_flag_names_that_file(tracker, tmp_path):
    config = tmp_path / "mine.toml"
    config.write_text("[cadence]\nnot valid toml = = 3\n")
    proc = run_cli("check", tracker, "--config", config)
    assert proc.returncode == 1
    assert "mine.toml" in proc.stderr


def test_missing_config_flag_file(tracker, tmp_path):
    proc = run_cli("check", tracker, "--config", tmp_path / "absent.toml")
    assert proc.returncode == 1
    assert "absent.toml" in proc.stderr


def test_words_extend_the_built_in_lists(tracker):
    (tracker.parent / "followup.toml").write_text('[words]\nclosed = ["binned"]\n')
    statuses = _statuses(tracker)
    assert statuses["Gamma"] == "Closed"         # the new word
    assert statuses["Delta"] == "Closed"         # the built-in "reject" still works
    assert statuses["Beta"] == "Overdue"


def test_columns_map_a_header(tmp_path):
    rows = [{"Outfit": "Acme", "Date Applied": dt.date(2026, 11, 16), "Status": "Applied"}]
    path = write_tracker(tmp_path / "outfit.xlsx", rows)
    proc = run_cli("check", path)
    assert proc.returncode == 1                  # not a header this tool knows on its own
    (tmp_path / "followup.toml").write_text('[columns]\n"Outfit" = "company"\n')
    outcomes, _, _ = compute(path, today=TODAY)
    t = outcomes[0].tracker
    assert t.columns["company"].header == "Outfit"
    assert list(t.frame["company"]) == ["Acme"]
    assert list(outcomes[0].plan["status"]) == ["Overdue"]


def test_you_appear_in_the_scripts(tracker):
    """The README's [you] keys: name, phone, email, pitch."""
    (tracker.parent / "followup.toml").write_text(
        '[you]\nname = "Jordan Rivera"\nphone = "(555) 014-2233"\nemail = "jordan@example.com"\n'
        'pitch = "I cut permit review times in half"\n')
    script = _scripts(tracker)["Beta"]
    assert "Jordan Rivera" in script
    assert "(555) 014-2233" in script
    assert "I cut permit review times in half" in script


def test_holidays_from_the_file(tracker):
    # holiday Wed 11-25: Mon 11-23 + Tue24 (Wed25) Thu26 Fri27 Mon30 Tue1 = Tue 12-01 -> Waiting
    (tracker.parent / "followup.toml").write_text('[cadence]\nholidays = ["2026-11-25"]\n')
    assert _statuses(tracker)["Acme"] == "Waiting"


def test_fills_from_the_file(tracker):
    import openpyxl

    from followup_sheet.pipeline import refresh
    (tracker.parent / "followup.toml").write_text('[fills]\n"Overdue" = "#123456"\n')
    refresh(tracker, today=TODAY, backup=False)
    ws = openpyxl.load_workbook(tracker)["Applications"]
    status_col = next(c.column for c in ws[1] if c.value == "Follow-up Status")
    beta = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "Beta")
    assert ws.cell(beta, status_col).fill.fgColor.rgb[-6:].upper() == "123456"


def test_settings_object_rejects_nonsense():
    with pytest.raises(BadSettings):
        Settings(first_gap=-1)
    with pytest.raises(BadSettings):
        Settings(date_order="ymd")
    with pytest.raises(BadSettings):
        Settings(max_follow_ups=0)


def test_load_settings_flags_override_the_file(tmp_path):
    config = tmp_path / "followup.toml"
    config.write_text("[cadence]\nfirst_gap = 3\nrepeat_gap = 9\n")
    settings = load_settings(config=config, first_gap=4)
    assert settings.first_gap == 4
    assert settings.repeat_gap == 9


def test_cold_after_days_from_the_settings_file(tmp_path):
    config = tmp_path / "followup.toml"
    config.write_text("[cadence]\ncold_after_days = 90\n\n[words]\nstrong_interest = [\"case study\"]\n")
    settings = load_settings(config=config)
    assert settings.cold_after_days == 90
    assert "case study" in settings.strong_interest_words
    with pytest.raises(BadSettings, match="cold_after_days"):
        Settings(cold_after_days=-1)
