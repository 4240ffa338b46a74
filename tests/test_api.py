"""The package's public functions, as README.md's "Use it from Python" shows them, on a copy of
the committed sample tracker."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import followup_sheet

REPO = Path(__file__).resolve().parent.parent
DAY = dt.date(2026, 11, 26)    # the sample's reference day


@pytest.fixture
def jobs(tmp_path):
    return Path(shutil.copy(REPO / "sample_tracker.xlsx", tmp_path / "jobs.xlsx"))


def test_compute_plans_without_writing(jobs):
    before = jobs.read_bytes()
    sheets, calls, settings = followup_sheet.compute(jobs, today=DAY)
    plan = sheets[0].plan
    assert {"Overdue", "Due today", "Waiting", "Closed"} <= set(plan["status"])
    assert len(calls) == (plan["status"].isin(["Overdue", "Due today"])).sum() > 0
    assert all(isinstance(s, str) and s for s in calls["script"])
    assert isinstance(settings, followup_sheet.Settings)
    assert jobs.read_bytes() == before


def test_compute_takes_a_setting_as_a_keyword(jobs):
    default, _, _ = followup_sheet.compute(jobs, today=DAY)
    sooner, _, settings = followup_sheet.compute(jobs, today=DAY, first_gap=1, your_name="Ines Duarte")
    assert settings.first_gap == 1
    assert (sooner[0].plan["due"] < default[0].plan["due"]).any()
    assert any("Ines Duarte" in s for s in sooner[0].scripts)


def test_check_reports_how_the_workbook_was_read(jobs):
    before = jobs.read_bytes()
    report = followup_sheet.check(jobs, today=DAY)
    text = "\n".join(report.lines)
    assert "Sheet: 'Applications'" in text and "company         <- 'Company' (column A)" in text
    assert "Row problems" in text and report.problems == text.count("\n  Row ")
    assert jobs.read_bytes() == before


def test_refresh_writes_the_tools_columns_once(jobs):
    result = followup_sheet.refresh(jobs, today=DAY, backup=False)
    assert result.written and result.counts["Overdue"] > 0
    ws = openpyxl.load_workbook(jobs)["Applications"]
    headers = [c.value for c in ws[1]]
    assert {"Follow-up Status", "Next Follow-up", "Follow-up Script"} <= set(headers)
    again = followup_sheet.refresh(jobs, today=DAY, backup=False)
    assert not again.written and not again.changed


def test_a_problem_is_a_followup_error(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(followup_sheet.FollowupError, match="notes.xlsx"):
        followup_sheet.refresh(path, today=DAY)
    with pytest.raises(followup_sheet.BadSettings):
        followup_sheet.compute(REPO / "sample_tracker.xlsx", today=DAY, first_gap=-1)


def test_the_readme_example_runs(jobs):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use it from Python", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    proc = subprocess.run([sys.executable, "-c", code], cwd=jobs.parent, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Sheet: 'Applications'" in proc.stdout and "True {" in proc.stdout


def test_importing_the_package_loads_no_pandas():
    code = ("import sys, followup_sheet; print('pandas' in sys.modules); followup_sheet.check; "
            "print('pandas' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert proc.stdout.split() == ["False", "True"]


def test_the_public_names():
    assert set(followup_sheet.__all__) <= set(dir(followup_sheet))
    for name, home in (("refresh", "pipeline"), ("compute", "pipeline"), ("check", "checkreport")):
        function = getattr(followup_sheet, name)
        assert function.__module__ == f"followup_sheet.{home}" and "today" in function.__doc__
    with pytest.raises(AttributeError, match="no attribute 'refersh'"):
        followup_sheet.refersh  # noqa: B018
