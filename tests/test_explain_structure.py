"""`explain` maps a script's sentences to the facts they were rendered from by the templates'
structure (the `{% if %}` a sentence is said under), not by English words, so it names the source
in every language (rules §7: every sentence has a source)."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import canonical_frame

from followup_sheet.explain import CONDITION_KINDS, explain_sentences, row_evidence, template_text
from followup_sheet.plan import build_plan
from followup_sheet.render import render_scripts
from followup_sheet.settings import Settings

TODAY = dt.date(2026, 12, 7)
# The agency's recruiter has passed the CV on, told in each language's own words
PASSED_ON = {
    "zh": "顾问李小姐上周把我的简历推荐给了客户",
    "de": "Herr Voss hat mein Profil an den Kunden weitergeleitet",
    "ko": "헤드헌터 박 과장님이 제 이력서를 고객사에 넘겼다고 함",
}
_ROW = {"company": "Brightpath Staffing", "position": "Payroll Officer", "applied_on": "2026-11-09",
        "contact": "Noor Hadid (Recruiter)", "source": "Recruiter", "contact_phone": "0431 555 0190"}


def _explained(code: str, note: str):
    settings = Settings(your_name="Robin Vale", your_phone="+00 31 5550123", language=code)
    frame = canonical_frame([{**_ROW, "notes": note}])
    plan = build_plan(frame, TODAY, settings)
    scripts = render_scripts(frame, plan, TODAY, settings)
    row = frame.index[0]
    facts = plan.at[row, "facts"]
    evidence = row_evidence(frame.loc[row].to_dict(), plan.loc[row].to_dict(), row, None, TODAY, settings)
    return explain_sentences(str(scripts[row]), evidence, code), facts


@pytest.fixture(scope="module")
def explained() -> dict:
    return {code: (_explained(code, note), _explained(code, "")) for code, note in PASSED_ON.items()}


@pytest.mark.parametrize("code", list(PASSED_ON))
def test_a_sentence_said_because_the_cv_was_passed_on_names_that_fact(explained, code):
    (sentences, facts), (plain, _) = explained[code]
    label = next(f.label(code) for f in facts if f.kind == "cv_forwarded")
    before = {s.text for s in plain}
    said_for_it = [s for s in sentences if s.text not in before and s.kind != "courtesy"]
    assert said_for_it, [s.text for s in sentences]
    assert all(label in s.sources for s in said_for_it), [(s.text, s.sources) for s in said_for_it]
    # and no sentence of the row without it claims the fact
    assert not any("cv_forwarded" in src for s in plain for src in s.sources)


@pytest.mark.parametrize("code", ["zh", "de", "ko"])
def test_the_templates_say_which_sentences_rest_on_a_value_of_the_row(code):
    text = template_text(code)
    under = {c for conditions in text.conditions.values() for c in conditions}
    assert {"cv_forwarded", "hiring_manager"} <= under, under
    # every value a sentence rests on is one the row's facts can make true
    assert under <= set(CONDITION_KINDS), under - set(CONDITION_KINDS)
    # a greeting or a close, said whatever the row holds, rests on none
    assert not any(text.conditions.get(form) for form in text.courtesy)
