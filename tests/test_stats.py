"""`stats` (issue 15): the figures worked out by hand for a small tracker, a figure left out with
the column it needs when the tracker has none, the terminal table and the HTML page (opened in
Chromium) through the console script."""

from __future__ import annotations

import datetime as dt
import html.parser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_tracker

from followup_sheet.pipeline import compute
from followup_sheet.stats import compute_stats

TODAY = dt.date(2026, 11, 26)    # a Thursday; its week starts on Monday 11-23
SCRIPT = Path(sys.executable).parent / "followup-sheet"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def app(company, applied, source, status="Applied", response=None, follow_ups=0, reply_on=None):
    return {"Company": company, "Position": "Analyst", "Date Applied": applied, "Source": source,
            "Status": status, "Response": response, "Follow-ups": follow_ups, "Response Date": reply_on}


ROWS = [   # replied?  week of
    app("A", dt.date(2026, 11, 2), "LinkedIn"),                                              # no   11-02
    app("B", dt.date(2026, 11, 3), "LinkedIn", "Interviewing", follow_ups=1,
        reply_on=dt.date(2026, 11, 6)),                                                       # yes  11-02
    app("C", dt.date(2026, 11, 10), "Referral", "Rejected", follow_ups=1,
        reply_on=dt.date(2026, 11, 20)),                                                      # yes  11-09
    app("D", dt.date(2026, 11, 11), "Referral", response="Automatic reply", follow_ups=2),   # no   11-09
    app("E", dt.date(2026, 11, 12), "Job board", "Ghosted", follow_ups=3),                   # no   11-09
    app("F", None, "Job board", "Wishlist", follow_ups=None),                                # not sent
    app("G", dt.date(2026, 11, 17), "Job board", response="Called back, wants a portfolio",
        reply_on=dt.date(2026, 11, 24)),                                                      # yes  11-16
    app("H", dt.date(2026, 11, 18), "Job board", response="No reply yet"),                   # no   11-16
]


def stats_of(path: Path):
    outcomes, _, settings = compute(path, today=TODAY)
    return compute_stats(outcomes, TODAY, settings)


def without(rows, *headers):
    return [{k: v for k, v in r.items() if k not in headers} for r in rows]


def test_counts_per_week_stage_and_source(tmp_path):
    s = stats_of(write_tracker(tmp_path / "t.xlsx", ROWS))
    assert s.applications == 7                                         # the wishlist row was never sent
    assert s.per_week.to_dict("list") == {
        "week": [dt.date(2026, 11, 2), dt.date(2026, 11, 9), dt.date(2026, 11, 16), dt.date(2026, 11, 23)],
        "applications": [2, 3, 2, 0]}
    assert dict(zip(s.per_stage["stage"], s.per_stage["applications"])) == {
        "Applied": 4, "Interviewing": 1, "Closed": 2}
    assert dict(zip(s.per_source["source"], s.per_source["applications"])) == {
        "Job board": 3, "LinkedIn": 2, "Referral": 2}


def test_reply_rate_overall_by_source_and_by_follow_ups(tmp_path):
    s = stats_of(write_tracker(tmp_path / "t.xlsx", ROWS))
    assert s.replied == 3 and s.reply_rate == pytest.approx(3 / 7)
    by_source = {r.source: (r.applications, r.replied) for r in s.reply_by_source.itertuples()}
    assert by_source == {"Job board": (3, 1), "LinkedIn": (2, 1), "Referral": (2, 1)}
    by_count = {r.follow_ups: (r.applications, r.replied) for r in s.reply_by_follow_ups.itertuples()}
    assert by_count == {"0": (3, 1), "1": (2, 2), "2": (1, 0), "3 or more": (1, 0)}
    assert s.cold == 1                                                 # E, ghosted


def test_median_days_to_first_reply_from_a_response_date_column(tmp_path):
    s = stats_of(write_tracker(tmp_path / "t.xlsx", ROWS))
    assert s.median_days_to_reply == 7 and s.replies_dated == 3        # 3, 10 and 7 days
    assert not any("reply" in m.lower() for m in s.missing)


def test_without_a_reply_date_the_median_is_not_guessed(tmp_path):
    rows = [{**without([r], "Response Date")[0], "Last Contact": r["Response Date"]} for r in ROWS]
    s = stats_of(write_tracker(tmp_path / "t.xlsx", rows))
    assert s.median_days_to_reply is None
    assert any("Response Date" in m for m in s.missing), s.missing


@pytest.mark.parametrize("dropped, figure, named", [
    ("Source", "per_source", "'Source'"),
    ("Follow-ups", "reply_by_follow_ups", "'Follow-ups'"),
    ("Date Applied", "per_week", "'Date Applied'"),
])
def test_a_missing_column_names_itself_instead_of_a_wrong_figure(tmp_path, dropped, figure, named):
    rows = without(ROWS, dropped)
    if dropped == "Date Applied":
        rows = [{**r, "Last Contact": a["Date Applied"]} for r, a in zip(rows, ROWS)]
    s = stats_of(write_tracker(tmp_path / "t.xlsx", rows))
    assert getattr(s, figure) is None
    assert any(named in m for m in s.missing), s.missing


def test_reply_rate_needs_a_status_or_response(tmp_path):
    s = stats_of(write_tracker(tmp_path / "t.xlsx", without(ROWS, "Status", "Response")))
    assert s.reply_rate is None and s.reply_by_source is None
    assert any("'Status' or 'Response'" in m for m in s.missing)


# --- through the console script -----------------------------------------------------------------

def fs(*args):
    return subprocess.run([str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=180,
                          encoding="utf-8")


def test_stats_prints_a_table_and_leaves_the_tracker_alone(tmp_path):
    path = write_tracker(tmp_path / "t.xlsx", ROWS)
    before = path.read_bytes()
    proc = fs("stats", path, "--today", TODAY.isoformat())
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Applications sent: 7" in out and "Replied (a person answered): 3 (43%)" in out
    assert "Median days to the first reply: 7" in out
    assert "Reply rate by source:" in out and "Job board" in out
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.xlsx"]


HOSTILE_SOURCE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


class Tags(html.parser.HTMLParser):
    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_stats_page_is_self_contained_and_hostile_text_inert(tmp_path):
    rows = [*ROWS, app("=HYPERLINK(\"http://x\",\"y\")", dt.date(2026, 11, 19), HOSTILE_SOURCE)]
    path = write_tracker(tmp_path / "t.xlsx", rows)
    out = tmp_path / "stats.html"
    proc = fs("stats", path, "--today", TODAY.isoformat(), "--output", out)
    assert proc.returncode == 0, proc.stderr
    body = out.read_text(encoding="utf-8")
    page = Tags(body)
    assert "script" not in page.tags and "img" not in page.tags and "link" not in page.tags
    assert page.tags.count("svg") >= 4                          # week, stage, source, the reply rates
    assert HOSTILE_SOURCE in "".join(page.text)                 # shown as text
    assert "src=" not in body.replace("src=x", "")


def test_stats_page_replaces_its_own_page_but_not_the_tracker(tmp_path):
    path = write_tracker(tmp_path / "t.xlsx", ROWS)
    out = tmp_path / "stats.html"
    for _ in range(2):
        assert fs("stats", path, "--today", TODAY.isoformat(), "--output", out).returncode == 0
    html_named = write_tracker(tmp_path / "t.html", ROWS)
    before = html_named.read_bytes()
    proc = fs("stats", html_named, "--output", html_named, "--force")
    assert proc.returncode == 1 and "is the tracker" in proc.stderr
    assert html_named.read_bytes() == before


@pytest.mark.chromium
def test_stats_page_prints_in_chromium_with_every_source(tmp_path):
    if CHROMIUM is None or shutil.which("pdftotext") is None:
        pytest.skip("Chromium or pdftotext is not installed")
    path = write_tracker(tmp_path / "t.xlsx", ROWS)
    out = tmp_path / "stats.html"
    assert fs("stats", path, "--today", TODAY.isoformat(), "--output", out).returncode == 0
    pdf = tmp_path / "stats.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", out.as_uri()],
                   capture_output=True, timeout=180, check=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for source in ("LinkedIn", "Referral", "Job board", "43%", "Applications per week"):
        assert source in text, source
