"""`followup-sheet explain TRACKER ROW` and the Why column (rules §7: every sentence has a source):
the row's status, date and why, each sentence with the facts and cells it rests on, a flag on a
sentence that rests on none, clear errors for a row that is no application; Why on the Today
sheet (read back with openpyxl), in the HTML call sheet (parsed) and in the exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil

import openpyxl
import pytest
from conftest import TODAY, write_tracker
from lxml import html

from followup_sheet import cli
from followup_sheet.explain import explain_row, sentences_of
from followup_sheet.exporttext import today_text
from followup_sheet.pipeline import compute, refresh
from followup_sheet.render import bundled_templates
from followup_sheet.settings import Settings

ROWS = [
    {"Company": "Brightwater Utilities", "Position": "Asset Planner", "Date Applied": dt.date(2026, 11, 2),
     "Last Contact": dt.date(2026, 11, 20), "Status": "Offer (verbal)", "Contact": "Keller, Mara",
     "Phone": "+1 312 555 0190", "Notes": "They need my answer by 12/4"},
    {"Company": "Idea: Copperleaf"},
    {"Company": "Saltmarsh Foods", "Position": "QA Lead", "Date Applied": dt.date(2026, 11, 9),
     "Last Contact": dt.date(2026, 11, 24), "Status": "Applied", "Contact": "Yusuf Demir",
     "Phone": "+1 312 555 0144", "Notes": "Missed a call from Yusuf"},
    {"Company": "Tidewell", "Position": "Planner", "Date Applied": dt.date(2026, 11, 10), "Status": "Applied",
     "Contact": "Lou Varga", "Phone": "+1 312 555 0101"},
]
HEADERS = ["Company", "Position", "Date Applied", "Last Contact", "Status", "Contact", "Phone", "Notes"]


@pytest.fixture(scope="module")
def tracker(tmp_path_factory):
    path = write_tracker(tmp_path_factory.mktemp("explain") / "search.xlsx", ROWS, headers=HEADERS)
    (path.parent / "followup.toml").write_text('[you]\nname = "Ines Barros"\nphone = "+1 312 555 0100"\n',
                                               encoding="utf-8")
    return path


def test_explain_names_the_cells_each_sentence_rests_on(tracker):
    found = explain_row(tracker, 2, today=TODAY)
    outcomes, _, _ = compute(tracker, today=TODAY)
    assert (found.row, found.company) == (2, "Brightwater Utilities")
    assert found.status == outcomes[0].plan.at[2, "status"] and found.why == outcomes[0].plan.at[2, "why"]
    assert "Notes, H2" in found.why
    deadline = next(s for s in found.sentences if "December 4" in s.text)
    assert any("Notes, H2" in src for src in deadline.sources)
    greeting = next(s for s in found.sentences if "Mara Keller" in s.text)
    assert any("Contact, F2" in src for src in greeting.sources)
    offer = next(s for s in found.sentences if "for the offer" in s.text)
    assert any("Status, E2" in src for src in offer.sources) and any("Company, A2" in src for src in offer.sources)
    assert not found.unsourced


def test_explain_a_returned_call(tracker):
    found = explain_row(tracker, 4, today=TODAY)
    returning = next(s for s in found.sentences if "returning your call" in s.text)
    assert any("Notes, H4" in src for src in returning.sources)
    assert any("Last Contact, D4" in src for src in returning.sources)


def test_explain_flags_a_sentence_no_fact_supports(tracker, tmp_path):
    own = tmp_path / "mine"
    own.mkdir()
    for template in bundled_templates().glob("*_call.j2"):   # whichever situation the row is in
        text = template.read_text(encoding="utf-8")
        (own / template.name).write_text(text.replace("{{ m.applied() }}", "{{ m.applied() }} We met at the "
                                                      "Lisbon trade fair."), encoding="utf-8")
    found = explain_row(tracker, 5, today=TODAY, templates=own)
    assert [s.text for s in found.unsourced] == ["We met at the Lisbon trade fair."]


def test_explain_command_prints_status_why_and_sources(tracker, capsys):
    assert cli.main(["explain", str(tracker), "2", "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Row 2 of 'Applications': Brightwater Utilities, Asset Planner")
    explained = explain_row(tracker, 2, today=TODAY)
    assert f"Status: {explained.status}; next follow-up {explained.due:%a %Y-%m-%d}; by phone" in out
    assert "Why: " in out and "← Notes, H2" in out
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "I know you'd like my answer by December 4." in line)
    assert lines[at + 1].strip().startswith("← ") and "Notes, H2" in lines[at + 1]


@pytest.mark.parametrize("row, words", [
    ("3", ["row 3 is not an application", "only"]),
    ("1", ["row 1 is the header row", "rows 2-5"]),
    ("40", ["row 40 is below the table"]),
])
def test_explain_a_row_that_is_no_application_exits_2_with_the_reason(tracker, capsys, row, words):
    assert cli.main(["explain", str(tracker), row, "--today", TODAY.isoformat()]) == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err, err


def test_explain_row_must_be_a_number(tracker, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["explain", str(tracker), "B7"])
    assert exit_.value.code == 2
    assert "not a row number" in capsys.readouterr().err


def test_explain_needs_the_sheet_when_there_are_several(tmp_path, capsys):
    from conftest import write_sheets
    rows = [("Alder Co", "Clerk", dt.date(2026, 11, 2), "Applied")]
    path = write_sheets(tmp_path / "two.xlsx", ["Company", "Position", "Date Applied", "Status"],
                        {"Applications 2026": rows, "Applications 2025": [("Birch Ltd", "Porter", dt.date(2025, 9, 1),
                                                                           "Applied")]})
    (tmp_path / "followup.toml").write_text('[reading]\nsheets = ["Applications 2026", "Applications 2025"]\n',
                                            encoding="utf-8")
    assert cli.main(["explain", str(path), "2", "--today", TODAY.isoformat()]) == 2
    assert "several tracker sheets" in capsys.readouterr().err
    assert cli.main(["explain", str(path), "2", "--sheet", "Applications 2025", "--today", TODAY.isoformat()]) == 0
    assert capsys.readouterr().out.startswith("Row 2 of 'Applications 2025': Birch Ltd, Porter")


def test_sentences_are_split_at_their_ends_not_at_titles():
    text = "Hi Dr. Lee, this is Ines. I applied on November 3.\n\nVoicemail: Hi Ms. Ortiz, thank you. Bye!"
    assert sentences_of(text) == ["Hi Dr. Lee, this is Ines.", "I applied on November 3.",
                                  "Voicemail: Hi Ms. Ortiz, thank you.", "Bye!"]


# --- the Why column -------------------------------------------------------------------------------

def test_why_on_the_today_sheet(tracker, tmp_path):
    path = shutil.copy(tracker, tmp_path / "jobs.xlsx")
    shutil.copy(tracker.parent / "followup.toml", tmp_path / "followup.toml")
    refresh(path, today=TODAY, backup=False)
    ws = openpyxl.load_workbook(path)["Today"]
    headers = [c.value for c in ws[2]]
    why_col = headers.index("Why") + 1
    rows = {ws.cell(r, 1).value: ws.cell(r, why_col) for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value}
    saltmarsh = rows["Saltmarsh Foods"]
    assert "Notes, H4" in saltmarsh.value and "←" in saltmarsh.value
    assert saltmarsh.alignment.wrap_text
    letter = openpyxl.utils.get_column_letter(why_col)
    assert ws.column_dimensions[letter].width >= 25


def test_why_in_the_html_call_sheet_and_the_exports(tracker):
    from followup_sheet.exporttext import call_sheet_html
    _, table, _ = compute(tracker, today=TODAY, settings=Settings(your_phone="+1 312 555 0100"))
    page = html.fromstring(call_sheet_html(table, TODAY, "search.xlsx"))
    calls = {c.xpath(".//h2")[0].text_content(): c for c in page.xpath("//section[@class='call']")}
    why = calls["Saltmarsh Foods"].xpath(".//p[@class='why']")[0].text_content()
    assert why.startswith("Why:") and "Notes, H4" in why
    rows = list(csv.DictReader(io.StringIO(today_text(table, "csv"))))
    assert "Notes, H4" in next(r for r in rows if r["Company"] == "Saltmarsh Foods")["Why"]
    assert "| Why |" in today_text(table, "md")


def test_explain_a_row_with_data_to_fix_and_a_closed_one(tmp_path, capsys):
    rows = [{"Company": "Marrow & Vine", "Position": "Cellar Hand", "Status": "Applied", "Notes": "sent by post"},
            {"Company": "Pellet Works", "Position": "Fitter", "Date Applied": dt.date(2026, 10, 1),
             "Status": "Absage"}]
    path = write_tracker(tmp_path / "fix.xlsx", rows,
                         headers=["Company", "Position", "Date Applied", "Status", "Notes"])
    assert cli.main(["explain", str(path), "2", "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "Status: Check data" in out and "To fix: " in out and "Script, sentence by sentence" not in out
    assert cli.main(["explain", str(path), "3", "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "Status: Closed" in out and "Script: none" in out


# --- every template in every language: courtesy is no claim, an invented claim is flagged --------

_BASE = {"applied_on": "2026-11-02", "position": "Lab Technician"}
# Rows that reach every situation (and, with an e-mail address only, the e-mail of each), in two
# trackers: one without an offer anywhere, one with an offer (which puts the other rows on the
# competing-interest script).
_SITUATION_ROWS = [
    [{**_BASE, "company": "Harbor Freight Labs", "contact": "Dana Whitfield", "stage": "Applied"},
     {**_BASE, "company": "Pine Ridge Clinic", "contact": "Omar Haddad", "stage": "Interviewed",
      "last_contact": "2026-11-20"},
     {**_BASE, "company": "Talentbridge Staffing", "contact": "Rosa Lind (Recruiter)", "source": "Recruiter"},
     {**_BASE, "company": "Norrland Foods", "referrer": "Sam Ortiz", "referrer_dept": "Finance"},
     {**_BASE, "company": "Kestrel Energy", "hiring_manager": "Lee Park"},
     {**_BASE, "company": "Quarry Lane Press", "response": "Automatic reply received"},
     {**_BASE, "company": "Vale Bioworks", "contact": "Ines Roth", "notes": "Missed a call from Ines on 11/24",
      "last_contact": "2026-11-24"},
     {"company": "Bare Row Ltd", "applied_on": "2026-11-02"}],
    [{**_BASE, "company": "Orchid Systems", "contact": "Mara Keller", "stage": "Offer",
      "last_contact": "2026-11-24"},
     {**_BASE, "company": "Fjord Analytics", "contact": "Tomas Berg", "stage": "Applied"}],
]


def _explained(code: str, channel: str, templates=None):
    """Each rendered script of the situation rows in language `code`, explained."""
    from conftest import canonical_frame

    from followup_sheet.explain import explain_sentences, row_evidence
    from followup_sheet.plan import build_plan
    from followup_sheet.render import render_scripts

    settings = Settings(your_name="Alex Morgan", your_phone="+00 30 5550147", your_email="alex@example.org",
                        language=code, templates=templates)
    reach = {"contact_phone": "0421 555 0182"} if channel == "call" else {"contact_email": "jobs@example.org"}
    out = {}
    for rows in _SITUATION_ROWS:
        frame = canonical_frame([{**r, **reach} for r in rows])
        plan = build_plan(frame, TODAY, settings)
        scripts = render_scripts(frame, plan, TODAY, settings)
        for row in frame.index:
            p = plan.loc[row].to_dict()
            if not p["situation"]:
                continue
            evidence = row_evidence(frame.loc[row].to_dict(), p, row, None, TODAY, settings)
            out[(p["situation"], p["channel"], frame.at[row, "company"])] = \
                explain_sentences(str(scripts[row]), evidence, code)
    return out


LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ko", "zh"]


@pytest.mark.parametrize("channel", ["call", "email"])
@pytest.mark.parametrize("code", LANGS)
def test_explain_flags_no_line_of_a_bundled_script_in_any_language(code, channel):
    """Greetings, thanks, closings, questions and the caller's own interest are no claims, in
    every language; each other sentence rests on a fact of its row."""
    explained = _explained(code, channel)
    situations = {s for s, _, _ in explained}
    assert situations >= {"check_in", "post_interview", "recruiter", "referral", "hiring_manager", "autoresponse",
                          "offer", "competing_interest"}, situations
    flagged = [(key, s.text) for key, sentences in explained.items() for s in sentences
               if s.kind == "claim" and not s.sources]
    assert flagged == []


# A sentence no template says and no fact of the row holds, in each language's own words.
INVENTED = {"en": "We met at the Lisbon trade fair.", "de": "Wir haben uns auf der Messe in Leipzig kennengelernt.",
            "fr": "Nous nous sommes rencontrés au salon de Lyon.", "es": "Nos conocimos en la feria de Valencia.",
            "it": "Ci siamo conosciuti alla fiera di Bologna.", "pt": "Nós nos conhecemos na feira de Curitiba.",
            "nl": "We hebben elkaar ontmoet op de beurs in Utrecht.", "pl": "Poznaliśmy się na targach w Poznaniu.",
            "ja": "大阪の展示会でお会いしました。", "ko": "부산 박람회에서 뵌 적이 있습니다.",
            "zh": "我们在广州的展会上见过面。"}


@pytest.mark.parametrize("code", LANGS)
def test_explain_still_flags_an_invented_claim_in_any_language(code, tmp_path):
    own = tmp_path / "mine"
    own.mkdir()
    suffix = ".j2" if code == "en" else f".{code}.j2"
    for template in bundled_templates().glob(f"*_call{suffix}"):
        if code == "en" and template.name.count(".") > 1:
            continue
        text = template.read_text(encoding="utf-8")      # the invented sentence on a line of its own
        (own / template.name).write_text(text.rstrip("\n") + "\n\n" + INVENTED[code] + "\n", encoding="utf-8")
    explained = _explained(code, "call", templates=own)
    for key, sentences in explained.items():
        flagged = [s.text for s in sentences if s.kind == "claim" and not s.sources]
        assert flagged == [INVENTED[code]], (key, flagged)
