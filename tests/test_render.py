"""Render stage: golden scripts per template, the missing-field wording, user overrides."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from followup_sheet.errors import TemplateProblem
from followup_sheet.facts import Fact
from followup_sheet.plan import SITUATIONS, build_plan
from followup_sheet.render import bundled_templates, get_template, render_scripts, script_context
from followup_sheet.settings import Settings

GOLDEN = Path(__file__).parent / "golden"
TODAY = dt.date(2026, 11, 26)
ME = Settings(your_name="Jordan Rivera", your_phone="(555) 014-2233", your_email="jordan@example.com",
              pitch="I've been able to design plans that were quickly approved by the California Coastal Commission")
FULL_ROW = {"company": "Acme Design Group", "position": "Senior Planner", "contact": "Dana Whitfield",
            "hiring_manager": "Marcus Lee", "referrer": "Priya Patel", "referrer_dept": "Engineering",
            "source": "LinkedIn", "applied_on": pd.Timestamp("2026-11-03"), "last_contact": pd.NaT}
BARE_ROW = {"company": "Acme Design Group", "position": "", "contact": "", "hiring_manager": "",
            "referrer": "", "referrer_dept": "", "source": "", "applied_on": pd.NaT, "last_contact": pd.NaT}
BAD_TEXT = re.compile(r"\bNone\b|\bnan\b|\{\{|\}\}|\{%|Hi ,|Dear ,|Hello ,|\ba  |\bat \.|  ")


def _render(situation: str, channel: str, row: dict, settings: Settings, **plan_fields) -> str:
    plan_row = {"follow_ups": 0, "due": pd.Timestamp("2026-11-10"), "situation": situation, "channel": channel,
                **plan_fields}
    return get_template(f"{situation}_{channel}.j2").render(script_context(row, plan_row, TODAY, settings)).strip()


# Beyond the full and the bare row: the variants a situation's template words differently.
VARIANTS = {
    "no_manager": ({**FULL_ROW, "hiring_manager": ""}, {}),
    "third_follow_up": ({**FULL_ROW, "applied_on": pd.Timestamp("2025-12-18")},
                        {"follow_ups": 2, "call_back": "after Thanksgiving"}),
    "before_interview": (FULL_ROW, {"interview_held": False}),
    "offer_deadline": (FULL_ROW, {"other_offer_by": pd.Timestamp("2026-12-07"), "other_offer_written": True,
                                  "answer_by": pd.Timestamp("2026-12-07"), "written_offer": True}),
    "interview_ahead": (FULL_ROW, {"interview_ahead": True, "interview_on": pd.Timestamp("2026-12-03")}),
    # the notes give the day of the decision: still ahead, or come with no news yet
    "decision_ahead": (FULL_ROW, {"decision_on": pd.Timestamp("2026-12-04")}),
    "decision_passed": (FULL_ROW, {"decision_on": pd.Timestamp("2026-11-25")}),
    "decision_ahead_in_progress": (FULL_ROW, {"decision_on": pd.Timestamp("2026-12-04"), "interview_held": False}),
    "team": ({**FULL_ROW, "contact": "Talent Acquisition (EMEA)", "hiring_manager": ""}, {}),
    "employer_called": (FULL_ROW, {"employer_called": True, "employer_called_on": pd.Timestamp("2026-11-24"),
                                   "last_by": "employer"}),
    "employer_emailed": (FULL_ROW, {"employer_called": True, "employer_called_on": pd.Timestamp("2026-11-24"),
                                    "last_by": "employer",
                                    "facts": [Fact("employer_contact", "", dt.date(2026, 11, 24), "employer", "email",
                                                   "Notes, H5")]}),
}
VARIANT_CASES = [("referral", "no_manager"), ("check_in", "third_follow_up"), ("hiring_manager", "third_follow_up"),
                 ("referral", "third_follow_up"), ("competing_interest", "offer_deadline"),
                 ("offer", "offer_deadline"), ("post_interview", "before_interview"),
                 ("post_interview", "interview_ahead"), ("post_interview", "decision_ahead"),
                 ("post_interview", "decision_passed"), ("post_interview", "decision_ahead_in_progress"),
                 ("check_in", "decision_ahead"), ("check_in", "decision_passed"),
                 ("check_in", "team"), ("call_back", "employer_called"),
                 ("call_back", "employer_emailed"),
                 ("offer", "employer_called")]
CASES = [(s, c, kind) for s in (*SITUATIONS, "call_back") for c in ("call", "email") for kind in ("full", "bare")] + \
    [(s, c, kind) for s, kind in VARIANT_CASES for c in ("call", "email")]


def _case(situation, channel, kind):
    if kind == "full":
        return _render(situation, channel, FULL_ROW, ME)
    if kind == "bare":
        return _render(situation, channel, BARE_ROW, Settings())
    row, plan_fields = VARIANTS[kind]
    return _render(situation, channel, row, ME, **plan_fields)


@pytest.mark.parametrize("situation,channel,kind", CASES)
def test_script_matches_golden_file(situation, channel, kind):
    text = _case(situation, channel, kind)
    golden = GOLDEN / f"{situation}_{channel}_{kind}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text + "\n", encoding="utf-8")
    assert golden.exists(), f"missing {golden}; run with UPDATE_GOLDEN=1 once and review the files"
    assert text == golden.read_text(encoding="utf-8").rstrip("\n")


@pytest.mark.parametrize("situation,channel,kind", CASES)
def test_script_never_shows_placeholders_or_empty_names(situation, channel, kind):
    text = _case(situation, channel, kind)
    assert text
    assert not BAD_TEXT.search(text), BAD_TEXT.search(text)
    if channel == "email":
        assert text.startswith("Subject: ")
        assert text.split("Subject: ")[1][0].isupper()
    else:
        voicemail = text.rsplit("Voicemail: ", 1)[1]
        assert voicemail.endswith(("You can reach me at (555) 014-2233 or at jordan@example.com.",
                                   "I'll follow up by e-mail."))


def test_referral_call_names_referrer_department_and_intent():
    text = _render("referral", "call", FULL_ROW, ME)
    assert "Priya Patel in Engineering" in text
    assert "intend to hire a Senior Planner" in text
    assert ME.pitch in text


def test_autoresponse_call_asks_the_classic_questions():
    row = {**FULL_ROW, "hiring_manager": ""}
    text = _render("autoresponse", "call", row, ME)
    assert "automatic reply" in text
    assert "match for an open position" in text
    assert "which one" in text


def test_competing_interest_never_names_another_company():
    text = _render("competing_interest", "call", FULL_ROW, ME)
    assert "another employer" in text
    assert "within the week" in text


def test_user_template_folder_overrides_by_name(tmp_path):
    (tmp_path / "check_in_call.j2").write_text("Ring {{ company }} about {{ position or 'the job' }}.")
    frame = _frame([{"company": "Zeta", "applied_on": "2026-11-02"}])
    plan = build_plan(frame, TODAY, Settings())
    assert plan.at[2, "situation"] == "check_in"
    scripts = render_scripts(frame, plan, TODAY, Settings(), templates=tmp_path)
    assert scripts[2] == "Ring Zeta about the job."
    # templates the user did not override still come from the bundled folder
    other = get_template("offer_call.j2", tmp_path)
    assert Path(other.filename).parent == bundled_templates()


def test_rendering_many_rows_gives_what_jinja2_render_gives(tmp_path):
    """render_scripts builds each row's context itself (globals merged once per template); a
    user template using set, loops, macros, namespace, globals and the phrases must come out
    exactly as Jinja2's own Template.render makes it."""
    (tmp_path / "check_in_call.j2").write_text(
        "{% macro shout(x) %}{{ x | upper }}{% endmacro %}"
        "{% set ns = namespace(n=0) %}{% for i in range(follow_up_number) %}{% set ns.n = ns.n + i %}{% endfor %}"
        "{{ shout(company) }} #{{ ns.n }} {{ m.role() }} {% if contact %}Hi {{ contact_first }}{% endif %}"
        "{{ lipsum(1, html=False)[:0] }}{% set company = 'shadowed' %} {{ company }} {{ situation }}/{{ channel }}")
    frame = _frame([{"company": f"Co{i % 3}", "position": "Planner" if i % 2 else "",
                     "contact": "Dana Lee" if i % 2 else "", "applied_on": "2026-11-02", "follow_ups": i % 3}
                    for i in range(9)])
    plan = build_plan(frame, TODAY, Settings())
    assert set(plan["situation"]) == {"check_in"}
    scripts = render_scripts(frame, plan, TODAY, ME, templates=tmp_path)
    template = get_template("check_in_call.j2", tmp_path)
    for number in frame.index:
        row = frame.loc[number].to_dict()
        expected = template.render(script_context(row, plan.loc[number].to_dict(), TODAY, ME)).strip()
        assert scripts[number] == expected
    assert scripts[2].startswith("CO0 #0 ") and scripts[3].startswith("CO1 #1 ") and scripts[4].startswith("CO2 #3 ")
    assert scripts[3].endswith("shadowed check_in/call") and "Hi Dana" in scripts[3]


def test_broken_user_template_is_a_clear_error(tmp_path):
    (tmp_path / "check_in_call.j2").write_text("Hi {{ company ")
    with pytest.raises(TemplateProblem, match="check_in_call.j2, line 1"):
        get_template("check_in_call.j2", tmp_path)


def test_check_data_rows_get_the_problem_instead_of_a_script():
    frame = _frame([{"company": "Eta", "problem": "Row 2: 'Date Applied' (C2) is 'soon'; type a date"}])
    plan = build_plan(frame, TODAY, Settings())
    scripts = render_scripts(frame, plan, TODAY, Settings())
    assert plan.at[2, "status"] == "Check data"
    assert scripts[2].startswith("Row 2: 'Date Applied' (C2)")


def test_closed_rows_get_no_script():
    frame = _frame([{"company": "Theta", "stage": "Rejected", "applied_on": "2026-11-02"}])
    plan = build_plan(frame, TODAY, Settings())
    assert render_scripts(frame, plan, TODAY, Settings())[2] == ""


def _frame(rows: list[dict]) -> pd.DataFrame:
    text = ["company", "position", "contact", "contact_phone", "contact_email", "hiring_manager", "referrer",
            "referrer_dept", "source", "notes", "stage", "response", "applied_flag", "location"]
    records = []
    for r in rows:
        rec = {k: r.get(k, "") for k in text}
        for d in ("applied_on", "last_contact", "pinned"):
            rec[d] = pd.Timestamp(r[d]) if r.get(d) else pd.NaT
        rec["follow_ups"] = r.get("follow_ups", float("nan"))
        rec["no_calls"] = r.get("no_calls", False)
        rec["problem"] = r.get("problem", "")
        records.append(rec)
    frame = pd.DataFrame(records, index=range(2, 2 + len(rows)))
    for d in ("applied_on", "last_contact", "pinned"):
        frame[d] = frame[d].astype("datetime64[ns]")
    return frame


def test_templates_ship_inside_the_wheel(tmp_path):
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(tmp_path), str(root)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("followup_sheet-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {Path(n).name for n in names if n.startswith("followup_sheet/templates/")}
    expected = {p.name for p in (root / "templates").glob("*.j2")}
    assert expected and expected <= shipped


def _as_days(values: dict) -> dict:
    """The values as `render._plain` gives a date column's: `datetime.date`, None for no date."""
    return {k: (None if v is pd.NaT else v.date() if isinstance(v, pd.Timestamp) else v) for k, v in values.items()}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("language", ["en", "de", "ja"])
def test_a_context_is_the_same_whether_its_dates_come_as_timestamps_or_as_days(variant, language):
    """render_scripts hands the context a date column's values as `datetime.date` (numpy makes
    them without a pandas Timestamp per cell): the scripts must say what the Timestamps say."""
    from followup_sheet.language import local_context

    row, fields = VARIANTS[variant]
    plan_row = {"follow_ups": 1, "due": pd.Timestamp("2026-11-30 18:45"), "situation": "check_in", "channel": "call",
                "hold_until": pd.NaT, **fields}
    row = {**row, "last_contact": pd.Timestamp("1969-12-31 23:59")}
    settings = Settings(your_name="Ilse Brandt", language=language)
    stamped = script_context(row, plan_row, TODAY, settings)
    days = script_context(_as_days(row), _as_days(plan_row), TODAY, settings)
    assert days == stamped
    assert stamped["last_contact"] == "December 31, 1969"
    if language != "en":
        assert local_context(days, _as_days(row), _as_days(plan_row), TODAY, language) \
            == local_context(stamped, row, plan_row, TODAY, language)


def test_a_date_column_comes_as_days_and_none():
    from followup_sheet.render import _plain

    days = pd.Series(pd.to_datetime(["2026-03-01 18:30", None, "1969-12-31 23:59"]))
    assert _plain(days) == [dt.date(2026, 3, 1), None, dt.date(1969, 12, 31)]
    assert _plain(pd.Series(["a", None], dtype=object)) == ["a", None]
