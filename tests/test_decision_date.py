"""A decision date the notes give is said, never asked for (rules §3, §7): after an interview the
script says the day it was given while it is ahead, says it has come without news once it has
(the row is then due), and asks "when will you decide?" only when the row holds no such day. In
every language with its own scripts, through the whole plan and render, with notes written the
way people write them in that language. TODAY (conftest) is Thursday 2026-11-26."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from conftest import TODAY, canonical_frame

from followup_sheet.facts import short_date
from followup_sheet.language import human_date as local_date
from followup_sheet.plan import build_plan
from followup_sheet.render import human_date, render_scripts
from followup_sheet.settings import Settings

DECIDED = dt.date(2026, 12, 3)         # the day the notes give, a Thursday
AFTER = dt.date(2026, 12, 4)           # the business day after the decision's day: due
ROW = {"company": "Ostara Saatgut", "position": "Lab Technician", "contact": "Imke Brandt",
       "contact_phone": "0421 555 0182", "applied_on": "2026-11-02", "last_contact": "2026-11-24"}

# language -> (stage, notes, the question asked without a date, words said once the day has come)
CASES = {
    # (the notes name no interview of their own: with the stage "Applied" a step the notes say
    # happened would be the row's stage)
    "en": ("Interviewed", "Spoke to Jo in HR, they'll let me know by 12/3",
           "when do you expect to make a decision", "haven't heard anything yet"),
    "de": ("Vorstellungsgespräch geführt", "lief gut, Entscheidung fällt spätestens am 3.12.",
           "wann rechnen Sie mit einer Entscheidung", "noch nichts gehört"),
    "fr": ("Entretien passé", "Bon échange, réponse promise avant le 3 décembre",
           "savez-vous quand la décision sera prise", "pas encore de nouvelles"),
    "es": ("Entrevista realizada", "Quedaron en darme una respuesta antes del 3 de diciembre",
           "para cuándo tienen previsto tomar una decisión", "todavía no he tenido noticias"),
    "it": ("Colloquio fatto", "mi comunicano l'esito entro il 3 dicembre",
           "un'idea dei tempi per la decisione", "non avendo ancora avuto notizie"),
    "pt": ("Entrevista realizada", "ficaram de dar retorno até 3 de dezembro",
           "previsão para a decisão", "ainda não tive notícias"),
    "nl": ("Sollicitatiegesprek gehad", "uitslag volgt uiterlijk 3 december",
           "wanneer verwacht u een besluit te nemen", "nog niets"),
    "pl": ("Po rozmowie kwalifikacyjnej", "decyzja ma zapaść do 3 grudnia",
           "kiedy mogę spodziewać się decyzji", "Nie mam jeszcze żadnych informacji"),
    "zh": ("已面试", "面试官说12月3日前给结果", "大概什么时候会有结果", "还没有收到消息"),
    "ja": ("一次面接済み", "12月3日までに結果を連絡するとのこと", "いつ頃になりそうか", "その後の状況"),
    "ko": ("면접 완료", "12월 3일까지 결과 알려준다고 함", "결과는 언제쯤", "아직 소식을 듣지 못해"),
}


def _run(code: str, notes: str, today: dt.date, stage: str | None = None, channel: str = "call"):
    settings = Settings(your_name="Alex Morgan", your_phone="+00 30 5550147", language=code)
    row = {**ROW, "stage": stage or CASES[code][0], "notes": notes}
    if channel == "email":
        row = {**row, "contact_phone": "", "contact_email": "imke.brandt@ostara.example"}
    frame = canonical_frame([row])
    plan = build_plan(frame, today, settings)
    return plan.iloc[0], render_scripts(frame, plan, today, settings).iloc[0]


def _said(day: dt.date, code: str) -> str:
    return human_date(day, 2026) if code == "en" else local_date(pd.Timestamp(day), 2026, code)


@pytest.mark.parametrize("channel", ["call", "email"])
@pytest.mark.parametrize("code", sorted(CASES))
def test_a_decision_date_still_ahead_is_said_not_asked_for(code, channel):
    stage, notes, question, passed = CASES[code]
    plan_row, script = _run(code, notes, TODAY, channel=channel)
    assert plan_row["situation"] == "post_interview" and plan_row["channel"] == channel
    assert plan_row["status"] == "Waiting", plan_row["why"]
    assert _said(DECIDED, code) in script, script
    assert question not in script, script
    assert passed not in script, script


@pytest.mark.parametrize("channel", ["call", "email"])
@pytest.mark.parametrize("code", sorted(CASES))
def test_a_decision_date_that_has_come_without_news_is_said_to_have_passed(code, channel):
    stage, notes, question, passed = CASES[code]
    plan_row, script = _run(code, notes, AFTER, channel=channel)
    assert plan_row["status"] == "Due today", plan_row["why"]     # the business day after the decision's day
    assert pd.isna(plan_row["answer_by"])                         # no longer a deadline ahead ...
    assert plan_row["decision_on"] == pd.Timestamp(DECIDED)      # ... but still the day the notes gave
    assert _said(DECIDED, code) in script, script
    assert passed in script, script
    assert question not in script, script


@pytest.mark.parametrize("code", sorted(CASES))
def test_without_a_decision_date_the_script_still_asks_when(code):
    stage, notes, question, passed = CASES[code]
    plan_row, script = _run(code, "", TODAY)
    assert pd.isna(plan_row["decision_on"])
    assert question in script, script
    assert passed not in script


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_why_column_cites_the_decision_date_the_script_says(code):
    plan_row, script = _run(code, CASES[code][1], AFTER)
    facts = [f for f in plan_row["facts"] if f.kind in ("decision", "feedback", "answer")]
    assert [f.date for f in facts] == [DECIDED]
    assert facts[0].source.startswith("notes")
    assert short_date(DECIDED, code) in plan_row["why"], plan_row["why"]


def test_on_the_decision_day_itself_the_script_asks_where_things_stand():
    plan_row, script = _run("en", CASES["en"][1], DECIDED)
    assert "I understood you expected to get back to me by December 3" in script, script   # ("let me know")
    assert "when do you expect" not in script


def test_a_decision_day_from_before_the_last_contact_is_not_said():
    """A day the notes gave before the row's last contact was what was expected then (a
    shortlist before the interview), not a decision still awaited: the script asks."""
    settings = Settings(your_name="Alex Morgan", your_phone="+00 30 5550147")
    frame = canonical_frame([{**ROW, "stage": "Interviewed", "last_contact": "2026-11-24",
                              "notes": "shortlist decision by 2026-11-20, then the panel on 11/24"}])
    plan = build_plan(frame, TODAY, settings)
    script = render_scripts(frame, plan, TODAY, settings).iloc[0]
    assert pd.isna(plan.iloc[0]["decision_on"])
    assert "November 20" not in script and "when do you expect to make a decision" in script, script


def test_explain_sources_the_decision_sentence_to_the_note():
    from followup_sheet.explain import row_evidence, sentences_of, sources_of

    plan_row, script = _run("en", CASES["en"][1], AFTER)
    evidence = row_evidence(ROW, plan_row.to_dict(), 2, None, AFTER, Settings())
    said = [s for s in sentences_of(script) if "December 3" in s]
    assert said, script
    assert all(any("Dec 3" in label for label in sources_of(s, evidence)) for s in said), said


# A check-in whose question is when the screening's result comes (Korean) says the day instead.
def test_a_korean_check_in_says_the_result_day_the_notes_give():
    settings = Settings(your_name="이지은", your_phone="+00 30 5550147", language="ko")
    frame = canonical_frame([{**ROW, "stage": "지원 완료", "notes": "12월 3일까지 서류 결과 발표 예정",
                              "last_contact": ""}])
    for today, said in ((TODAY, "그 전에"), (AFTER, "아직 소식을 듣지 못해")):
        plan = build_plan(frame, today, settings)
        script = render_scripts(frame, plan, today, settings).iloc[0]
        assert plan.iloc[0]["situation"] == "check_in"
        assert "12월 3일" in script and said in script, script
        assert "결과는 언제쯤" not in script


# The interview stage as people write it in their tracker's language: held, still ahead, or
# negated (not an interview at all), so the post-interview script and its decision sentence reach
# every language.
STAGES = [
    ("nl", "Sollicitatiegesprek gehad", "interviewing", True),
    ("nl", "Tweede gesprek ingepland", "interviewing", False),
    ("nl", "Geen gesprek", "applied", False),
    ("pl", "Po rozmowie kwalifikacyjnej", "interviewing", True),
    ("pl", "Rozmowa zaplanowana", "interviewing", False),
    ("ja", "一次面接済み", "interviewing", True),
    ("ja", "面接予定", "interviewing", False),
    ("ja", "面接なし", "applied", False),
    ("ko", "면접 완료", "interviewing", True),
    ("ko", "면접 예정", "interviewing", False),
    ("ko", "면접 없음", "applied", False),
    ("de", "Vorstellungsgespräch geführt", "interviewing", True),
    ("de", "Vorstellungsgespräch geplant", "interviewing", False),
]


@pytest.mark.parametrize("code, stage, read_as, held", STAGES)
def test_an_interview_stage_in_the_trackers_language_is_read_as_one(code, stage, read_as, held):
    plan_row, _ = _run(code, "", TODAY, stage=stage)
    assert (plan_row["stage"], bool(plan_row["interview_held"])) == (read_as, held)


# A check-in (an application with no interview yet) whose notes give the decision's day says it too.
CHECK_IN_PASSED = {"en": "haven't heard anything yet", "de": "noch nichts gehört", "fr": "pas encore de nouvelles",
                   "es": "todavía no he tenido noticias", "it": "non ho ancora avuto notizie",
                   "pt": "ainda não tive notícias", "nl": "nog niets gehoord",
                   "pl": "nie mam jeszcze żadnych informacji",
                   "zh": "还没有收到消息", "ja": "伺っておりましたが", "ko": "아직 소식을 듣지 못해"}


@pytest.mark.parametrize("channel", ["call", "email"])
@pytest.mark.parametrize("code", sorted(CHECK_IN_PASSED))
def test_a_check_in_says_the_decision_day_the_notes_give(code, channel):
    notes = CASES[code][1]
    ahead_row, ahead = _run(code, notes, TODAY, stage="Applied", channel=channel)
    come_row, come = _run(code, notes, AFTER, stage="Applied", channel=channel)
    assert ahead_row["situation"] == come_row["situation"] == "check_in"
    assert _said(DECIDED, code) in ahead and CHECK_IN_PASSED[code] not in ahead, ahead
    assert _said(DECIDED, code) in come and CHECK_IN_PASSED[code] in come, come
    _, without = _run(code, "", TODAY, stage="Applied", channel=channel)
    assert _said(DECIDED, code) not in without and CHECK_IN_PASSED[code] not in without


# --- on an offer: the employer's news by a day is no deadline for my answer ------------------

# language -> (stage, a note saying the employer will get back by the day, a note saying I owe my
# answer by that day); written the way people note it, none of them about the same thing twice
OFFER_NOTES = {
    "en": ("Offer (verbal)", "HR will get back to me by 12/3 with the contract details",
           "need to give them my answer by 12/3"),
    "de": ("Zusage mündlich", "Frau Brandt gibt mir bis 3.12. Bescheid zum Vertrag",
           "Antwort von mir spätestens 3.12. fällig"),
    "pt": ("Proposta recebida", "RH vai dar retorno até 3 de dezembro sobre o contrato",
           "preciso responder até 3 de dezembro"),
    "nl": ("Aanbod ontvangen", "terugkoppeling over het contract uiterlijk 3 december",
           "mijn antwoord moet er uiterlijk 3 december zijn"),
}


@pytest.mark.parametrize("code", sorted(OFFER_NOTES))
def test_on_an_offer_the_employers_news_by_a_day_is_not_said_as_my_deadline(code):
    """'They'll let me know by Dec 3' on an offer row tells when news comes, not when my answer is
    due: the offer script must not say "you'd like my answer by December 3", while a note that
    does give my deadline still has it said."""
    stage, news, owed = OFFER_NOTES[code]
    plan_row, script = _run(code, news, TODAY, stage=stage)
    assert plan_row["stage"] == "offer", plan_row["stage"]
    assert pd.isna(plan_row["answer_by"]), plan_row["answer_by"]
    assert pd.Timestamp(plan_row["decision_on"]).date() == DECIDED      # the day is still known
    said = local_date(DECIDED, TODAY.year, code) if code != "en" else human_date(DECIDED, TODAY.year)
    assert said not in script, script
    plan_row, script = _run(code, owed, TODAY, stage=stage)
    assert pd.Timestamp(plan_row["answer_by"]).date() == DECIDED, plan_row["answer_by"]
    assert said in script, script


# --- a slashed date in a note, in the order the tracker's language writes dates ---------------

# language -> (headers, stage, a note with the day written day first as slashed numbers)
SLASHED = {
    "pt": (("Empresa", "Cargo", "Data de candidatura", "Último contato", "Status", "Observações"),
           "Entrevista realizada", "ficaram de dar retorno até 3/12"),
    "de": (("Firma", "Stelle", "Beworben am", "Letzter Kontakt", "Status", "Notizen"),
           "Vorstellungsgespräch geführt", "Entscheidung bis 3/12 versprochen"),
    "es": (("Empresa", "Puesto", "Fecha de solicitud", "Último contacto", "Estado", "Notas"),
           "Entrevista realizada", "me dan una respuesta antes del 3/12"),
}


@pytest.mark.parametrize("code", sorted(SLASHED))
def test_a_slashed_date_in_a_note_reads_day_first_in_a_day_first_language(tmp_path, code):
    """The tracker's dates are real date cells (nothing proves an order), so the note's 3/12 is
    read the way its language writes dates: December 3, not March 12; an English tracker keeps
    month-first (its 12/3 is December 3)."""
    from conftest import write_tracker

    from followup_sheet.pipeline import compute
    headers, stage, note = SLASHED[code]
    row = dict(zip(headers, ("Ostara Saatgut", "Lab Technician", dt.date(2026, 11, 2), dt.date(2026, 11, 24),
                             stage, note)))
    path = write_tracker(tmp_path / "tracker.xlsx", [row], headers=headers, date_format="dd/mm/yyyy")
    sheets, _, used = compute(path, today=TODAY)
    assert used.language == code
    plan = sheets[0].plan.iloc[0]
    assert pd.Timestamp(plan["decision_on"]).date() == DECIDED, (code, plan["decision_on"])

    english = ("Company", "Position", "Date Applied", "Last Contact", "Status", "Notes")
    row = dict(zip(english, ("Ostara Seeds", "Lab Technician", dt.date(2026, 11, 2), dt.date(2026, 11, 24),
                             "Interviewed", "they'll let me know by 12/3")))
    path = write_tracker(tmp_path / "english.xlsx", [row], headers=english)
    sheets, _, used = compute(path, today=TODAY)
    assert pd.Timestamp(sheets[0].plan.iloc[0]["decision_on"]).date() == DECIDED


# An answer or a deadline the user owes is no decision of the employer's: the script never says
# "you expect to make a decision by" that day (rules §7: every sentence true).
@pytest.mark.parametrize("code, notes", [
    ("en", "Panel went well. I have to reply to their questionnaire by 12/3"),
    ("en", "good chat with the team; take-home deadline 12/3"),
    ("de", "Gespräch lief gut, ich muss bis 3.12. antworten"),
    ("fr", "Bon échange. Je dois donner ma réponse avant le 3 décembre pour l'autre poste"),
    ("es", "Buena entrevista, tengo que responder antes del 3 de diciembre"),
    ("pt", "Entrevista boa; preciso responder até 3 de dezembro"),
])
def test_an_answer_i_owe_is_never_said_as_their_decision(code, notes):
    plan_row, script = _run(code, notes, TODAY)
    assert plan_row["situation"] == "post_interview"
    assert pd.isna(plan_row["decision_on"]), plan_row["why"]
    assert pd.isna(plan_row["interview_ahead"]), plan_row["why"]   # the held talk before the comma is no talk ahead
    assert _said(DECIDED, code) not in script, script


@pytest.mark.parametrize("code, notes", [
    ("en", "Panel went well, waiting for their answer by 12/3"),
    ("fr", "Bon échange, réponse promise avant le 3 décembre"),
    ("es", "Quedaron en darme una respuesta antes del 3 de diciembre"),
])
def test_an_answer_they_owe_is_still_their_decision(code, notes):
    plan_row, script = _run(code, notes, TODAY)
    assert plan_row["decision_on"] == pd.Timestamp(DECIDED), plan_row["why"]
    assert _said(DECIDED, code) in script, script

# a talk held, then a day given in the same clause after a comma with "by" or "they say": the day
# their news comes, never the talk's day (a talk is held on a day; news comes by one)
@pytest.mark.parametrize("code, notes", [
    ("en", "Met the panel, they said by 12/3"),
    ("en", "technical round with two engineers done, by 12/3"),
    ("it", "colloquio tecnico svolto, mi dicono qualcosa entro il 3 dicembre"),
    ("de", "Gespräch mit der Abteilungsleiterin war gut, sie sagen bis 3.12."),
    ("fr", "entretien avec la DRH passé, ils disent d'ici le 3 décembre"),
    ("es", "entrevista con el jefe de planta hecha, me dicen antes del 3 de diciembre"),
    ("pt", "entrevista com o gestor feita, dizem até 3 de dezembro"),
    ("nl", "gesprek met de teamleider gehad, ze zeggen voor 3 december"),
    # within a span counted from the talk, or what I will hear or know ("ik hoor", "sabré")
    ("nl", "kennismaking met de teamleider gehad, ik hoor voor 3 december iets"),
    ("es", "entrevista con el jefe de planta hecha, sabré algo antes del 3 de diciembre"),
    ("de", "Gespräch mit der Abteilungsleiterin war gut, bis 3.12. höre ich was"),
])
def test_a_day_given_by_after_a_held_talk_is_their_news_not_the_talks_day(code, notes):
    plan_row, script = _run(code, notes, TODAY)
    assert plan_row["situation"] == "post_interview"
    assert pd.isna(plan_row["interview_ahead"]), plan_row["why"]
    assert plan_row["decision_on"] == pd.Timestamp(DECIDED), plan_row["why"]
    assert _said(DECIDED, code) in script, script


# (a span is no day to say: the script keeps asking when, but no talk is ahead on its last day)
@pytest.mark.parametrize("code, notes", [
    ("en", "panel with the plant manager done, within 9 days"),
    ("de", "Gespräch mit der Abteilungsleiterin war gut, innerhalb von 9 Tagen"),
    ("nl", "kennismaking met de teamleider gehad, ik hoor binnen 9 dagen iets"),
])
def test_a_span_given_after_a_held_talk_is_their_news_not_a_talk_ahead(code, notes):
    plan_row, script = _run(code, notes, TODAY)
    assert plan_row["situation"] == "post_interview"
    assert pd.isna(plan_row["interview_ahead"]), plan_row["why"]
    assert plan_row["decision_on"] == pd.Timestamp(DECIDED), plan_row["why"]
    assert _said(DECIDED, code) not in script, script


# --- the voicemail says the day too --------------------------------------------------------------

# language -> the word that opens the voicemail in its scripts
VOICEMAIL = {"en": "Voicemail:", "de": "Mailbox:", "fr": "Message vocal :", "es": "Buzón de voz:",
             "it": "Segreteria:", "pt": "Caixa postal:", "nl": "Voicemail:", "pl": "Poczta głosowa:",
             "zh": "语音留言：", "ja": "留守番電話：", "ko": "음성 메시지:"}


# the words a voicemail says once the day has come without news, where they differ from the call's
VOICEMAIL_PASSED = {"ko": "아직 소식을 듣지 못했", "ja": "まだご連絡をいただいておりません"}


def _voicemails(script: str, code: str) -> list[str]:
    return [line for line in script.splitlines() if line.startswith(VOICEMAIL[code])]


@pytest.mark.parametrize("stage", ["interviewed", "applied"])
@pytest.mark.parametrize("code", sorted(CASES))
def test_the_voicemail_says_the_decision_day_the_notes_give(code, stage):
    """A message left on a machine says the day as the call does: ahead, or come without news."""
    notes = CASES[code][1]
    stage_text = CASES[code][0] if stage == "interviewed" else "Applied"
    for today, passed in ((TODAY, False), (AFTER, True)):
        plan_row, script = _run(code, notes, today, stage=stage_text)
        said = _voicemails(script, code)
        assert len(said) == 1, script
        assert _said(DECIDED, code) in said[0], said[0]
        assert (re.search(VOICEMAIL_PASSED.get(code, re.escape(CHECK_IN_PASSED[code])), said[0], re.I)
                is not None) == passed, said[0]
    _, without = _run(code, "", TODAY, stage=stage_text)
    assert _said(DECIDED, code) not in _voicemails(without, code)[0]


# --- the employer's news is said as news, a decision as a decision -------------------------------

# language -> (a note that they will get back by the day, a note that they decide by it, the words
# the script says for the news, the words it says for a decision); each language words the two apart
IN_KIND = {
    "en": ("recruiter will get back to me by 12/3", "final decision expected 12/3",
           r"get back to me by", r"make a decision by"),
    "de": ("Rückmeldung kommt bis 3.12.", "Entscheidung spätestens 3.12.", r"bei mir melden",
           r"die Entscheidung bis zum"),
    "fr": ("ils me donnent une réponse d'ici le 3 décembre", "décision prévue le 3 décembre",
           r"me faire un retour", r"la décision (?:doit|devait) être prise"),
    "es": ("me darán una respuesta el 3 de diciembre", "la decisión se toma el 3 de diciembre",
           r"darme una respuesta", r"tomar una decisión"),
    "it": ("mi daranno una risposta entro il 3 dicembre", "decisione finale entro il 3 dicembre",
           r"darmi un riscontro|il riscontro era previsto", r"di decidere entro|la decisione era prevista"),
    "pt": ("ficaram de dar um retorno até 3 de dezembro", "decisão final até 3 de dezembro",
           r"me dar um retorno", r"a decisão deve"),
    "nl": ("terugkoppeling uiterlijk 3 december", "besluit valt uiterlijk 3 december",
           r"dat ik uiterlijk \S+ december van u", r"een besluit (?:neemt|zou nemen)"),
    "pl": ("informacja zwrotna do 3 grudnia", "decyzja zapadnie do 3 grudnia",
           r"odpowiedź mi?a\w* przyjść", r"decyzja mi?a\w* zapaść"),
}


@pytest.mark.parametrize("situation", ["interviewed", "applied"])
@pytest.mark.parametrize("channel", ["call", "email"])
@pytest.mark.parametrize("code", sorted(IN_KIND))
def test_the_script_says_in_kind_whether_the_notes_await_news_or_a_decision(code, channel, situation):
    news, decision, says_news, says_decision = IN_KIND[code]
    stage = CASES[code][0] if situation == "interviewed" else "Applied"
    for today in (TODAY, AFTER):
        plan_row, script = _run(code, news, today, stage=stage, channel=channel)
        assert plan_row["decision_news"] and _said(DECIDED, code) in script, (plan_row["why"], script)
        assert re.search(says_news, script) and not re.search(says_decision, script), script
        plan_row, script = _run(code, decision, today, stage=stage, channel=channel)
        assert not plan_row["decision_news"] and _said(DECIDED, code) in script, (plan_row["why"], script)
        assert re.search(says_decision, script) and not re.search(says_news, script), script


# language -> a note giving only a part of a month for the decision (mid-December: the 15th bounds it)
ROUGH = {
    "en": "Panel went fine, verdict expected mid-Dec",
    "de": "lief ordentlich, Bescheid kommt Mitte Dezember",
    "fr": "entretien sympa, décision prévue à la mi-décembre",
    "es": "me dicen algo a mediados de diciembre",
    "it": "decisione verso metà dicembre",
    "pt": "decisão lá para meados de dezembro",
    "nl": "besluit valt half december",
    "pl": "decyzja w połowie grudnia",
}


@pytest.mark.parametrize("code", sorted(ROUGH))
def test_a_decision_in_a_part_of_a_month_bounds_the_plan_but_no_day_is_said(code):
    plan_row, script = _run(code, ROUGH[code], TODAY)
    assert plan_row["decision_on"] == pd.Timestamp("2026-12-15"), plan_row["why"]
    assert CASES[code][2] in script, script          # asked for, as when no date is given
    for day in (dt.date(2026, 12, 1), dt.date(2026, 12, 15)):
        assert _said(day, code) not in script, script
    said = [f for f in plan_row["facts"] if f.date == dt.date(2026, 12, 15)]
    assert said and all(f.text in f.label(code) for f in said)      # the Why column shows the words
    later, after = _run(code, ROUGH[code], dt.date(2026, 12, 16))
    assert later["due"] == pd.Timestamp("2026-12-16") and _said(dt.date(2026, 12, 15), code) not in after


@pytest.mark.parametrize("note, day", [
    ("they'll decide by the end of January", dt.date(2027, 1, 31)),
    ("Rückmeldung Anfang Januar", dt.date(2027, 1, 10)),
    ("réponse fin janvier", dt.date(2027, 1, 31)),
    ("talked late Nov, nothing since", dt.date(2026, 11, 30)),     # last month's, not next year's
])
def test_the_part_of_a_month_is_its_last_day_in_the_month_nearest_the_note(note, day):
    from followup_sheet.statements import read_statements
    assert [s.date for s in read_statements(note, dt.date(2026, 12, 2), True)] == [day]


@pytest.mark.parametrize("note, day", [
    ("the HR rep said she'd ring me this week", dt.date(2026, 12, 4)),
    ("me van a llamar la semana que viene", dt.date(2026, 12, 11)),
    ("elle doit me rappeler cette semaine", dt.date(2026, 12, 4)),
    ("mi richiamano la prossima settimana", dt.date(2026, 12, 11)),
    ("ze bellen me deze week", dt.date(2026, 12, 4)),
    ("zadzwonią w przyszłym tygodniu", dt.date(2026, 12, 11)),
    ("Rückmeldung kommt nächste Woche", dt.date(2026, 12, 11)),
    ("the panel is deliberating, I should hear this week", dt.date(2026, 12, 4)),
])
def test_news_promised_for_a_week_is_bounded_by_its_friday(note, day):
    from followup_sheet.statements import approximate, read_statements
    said = read_statements(note, dt.date(2026, 12, 1), True)     # written on a Tuesday
    assert [(s.date, s.kind) for s in said] == [(day, "feedback")]
    assert approximate(said[0].words)


@pytest.mark.parametrize("note", [
    "me llamaron esta semana", "hat mich diese Woche angerufen", "they called me this week",
    "interview this week", "I'll call them this week",
])
def test_a_call_received_or_planned_in_a_week_is_no_promise_of_news(note):
    from followup_sheet.statements import read_statements
    assert not [s for s in read_statements(note, dt.date(2026, 12, 1), True) if s.kind in ("feedback", "decision")]


def test_a_decision_due_this_week_is_planned_after_its_friday_and_never_said_as_a_day():
    plan_row, script = _run("en", "Panel went fine, they decide this week", dt.date(2026, 11, 24))
    assert plan_row["decision_on"] == pd.Timestamp("2026-11-27")      # the Friday of the week of 11/24
    assert "November 27" not in script and CASES["en"][2] in script


@pytest.mark.parametrize("note", [
    "recruiter says they'll circle back after the holidays",
    "Rückmeldung erst nach den Feiertagen",
    "ils reviendront vers moi après les fêtes",
    "me dicen algo después de las fiestas",
    "ficaram de dar retorno depois das festas",
    "odezwą się po świętach",
])
def test_news_promised_after_the_year_end_holidays_waits_for_the_new_year(note):
    from followup_sheet.statements import approximate, read_statements
    said = read_statements(note, dt.date(2026, 12, 1), True)
    assert [s.date for s in said] == [dt.date(2027, 1, 1)] and approximate(said[0].words)
    plan = build_plan(canonical_frame([{**ROW, "stage": "", "notes": note}]), dt.date(2026, 12, 7),
                      Settings(country="US"))
    assert plan.iloc[0]["status"] == "Waiting" and plan.iloc[0]["due"] == pd.Timestamp("2027-01-04")
    assert "January 1" not in render_scripts(canonical_frame([{**ROW, "notes": note}]), plan, dt.date(2026, 12, 7),
                                             Settings(country="US")).iloc[0]


@pytest.mark.parametrize("note, bound, next_call", [
    ("the panel will let me know before xmas", "2026-12-24", "2026-12-28"),
    ("Personalerin meldet sich vor den Feiertagen", "2026-12-24", "2026-12-28"),
    ("ils me donnent une réponse avant Noël", "2026-12-24", "2026-12-28"),
    ("decidono entro Natale", "2026-12-24", "2026-12-28"),
    ("they make the decision by the end of the year", "2026-12-31", "2027-01-04"),
    ("la decisión se toma para finales de año", "2026-12-31", "2027-01-04"),
    ("besluit valt voor het einde van het jaar", "2026-12-31", "2027-01-04"),
    ("decyzja do końca roku", "2026-12-31", "2027-01-04"),
])
def test_news_promised_by_the_years_end_waits_for_it_and_is_never_said_as_a_day(note, bound, next_call):
    from followup_sheet.statements import approximate, read_statements
    said = read_statements(note, dt.date(2026, 12, 1), True)
    assert [s.date for s in said] == [dt.date.fromisoformat(bound)] and approximate(said[0].words), said
    plan = build_plan(canonical_frame([{**ROW, "stage": "", "notes": note}]), dt.date(2026, 12, 7),
                      Settings(country="US"))
    assert plan.iloc[0]["status"] == "Waiting" and plan.iloc[0]["due"] == pd.Timestamp(next_call)
    script = render_scripts(canonical_frame([{**ROW, "notes": note}]), plan, dt.date(2026, 12, 7),
                            Settings(country="US")).iloc[0]
    assert "24" not in script and "31" not in script, script


@pytest.mark.parametrize("note, written, bound", [
    ("panel feedback mid month", "2026-12-02", "2026-12-15"),
    ("they decide by mid-month", "2026-12-18", "2027-01-15"),       # (this month's middle is past)
    ("Entscheidung Mitte des Monats", "2026-12-02", "2026-12-15"),
    ("réponse vers la mi-mois", "2026-12-02", "2026-12-15"),
    ("respuesta a mediados de mes", "2026-12-02", "2026-12-15"),
    ("resposta em meados do mês", "2026-12-02", "2026-12-15"),
    ("besluit half deze maand", "2026-12-02", "2026-12-15"),
    ("they'll decide the week after next", "2026-12-02", "2026-12-18"),
    ("Rückmeldung übernächste Woche", "2026-12-02", "2026-12-18"),
])
def test_news_promised_for_the_middle_of_this_month_or_the_week_after_next_is_a_bound(note, written, bound):
    from followup_sheet.statements import approximate, read_statements
    said = read_statements(note, dt.date.fromisoformat(written), True)
    assert [s.date for s in said] == [dt.date.fromisoformat(bound)] and approximate(said[0].words), said


@pytest.mark.parametrize("note, kind", [
    ("CV passed to the hiring manager on 11/25", "date"),
    ("bring my portfolio on 12/9", "date"),
    ("must ring HR on 12/8", "call_back"),
    ("ringing them again 12/8", "call_back"),
])
def test_a_call_is_ring_as_a_word_not_inside_hiring_or_bring(note, kind):
    from followup_sheet.statements import read_statements
    assert [s.kind for s in read_statements(note, dt.date(2026, 11, 9), False)] == [kind]


@pytest.mark.parametrize("note", ["year-end review went well, they liked my portfolio",
                                  "Jahresendgespräch mit meinem alten Chef"])
def test_the_year_end_as_a_name_of_something_else_is_no_date(note):
    from followup_sheet.statements import read_statements
    assert list(read_statements(note, dt.date(2026, 12, 1), True)) == []


@pytest.mark.parametrize("note", ["Vertrag kommt per Post, muss bis 15.12. unterschreiben",
                                  "tengo que firmar el contrato antes del 15/12",
                                  "je dois signer avant le 15 décembre"])
def test_signing_an_offer_by_a_day_is_my_answer_and_the_offers_cadence_goes_on(note):
    row = {**ROW, "stage": "Offer", "last_contact": "2026-12-04", "notes": note}
    plan = build_plan(canonical_frame([row]), dt.date(2026, 12, 7), Settings())
    assert plan.iloc[0]["answer_by"] == pd.Timestamp("2026-12-15")
    assert plan.iloc[0]["next_reason"] == "cadence" and plan.iloc[0]["due"] == pd.Timestamp("2026-12-08")


@pytest.mark.parametrize("note, day", [
    ("ze laten voor 11 december iets weten", dt.date(2026, 12, 11)),      # the verb split around the date
    ("ze laten ons vóór 11/12 het resultaat weten", dt.date(2026, 12, 11)),
])
def test_news_said_with_a_verb_split_around_its_date(note, day):
    from followup_sheet.statements import read_statements
    assert [(s.date, s.kind) for s in read_statements(note, dt.date(2026, 12, 2), True)] == [(day, "feedback")]


@pytest.mark.parametrize("note", [
    "dzwonili do mnie w piątek, nie odebrałem",
    "金曜日に人事から電話があったが出られなかった",
    "금요일에 인사팀에서 전화가 왔는데 못 받음",
])
def test_a_call_that_came_on_a_weekday_is_the_last_such_day_without_a_last_contact(note):
    from followup_sheet.statements import read_statements
    said = read_statements(note, dt.date(2026, 11, 20), True, until=dt.date(2026, 12, 7))
    assert [s.date for s in said] == [dt.date(2026, 12, 4)]


@pytest.mark.parametrize("note, day", [
    ("odezwą się do końca tygodnia", dt.date(2026, 12, 4)),
    ("mi fanno sapere entro fine settimana", dt.date(2026, 12, 4)),
    ("ficaram de dar retorno até o fim da semana", dt.date(2026, 12, 4)),
    ("ze laten het eind van de week weten", dt.date(2026, 12, 4)),
    ("decyzja do końca przyszłego tygodnia", dt.date(2026, 12, 11)),
])
def test_the_end_of_a_week_in_italian_portuguese_dutch_and_polish_is_its_friday(note, day):
    from followup_sheet.statements import read_statements
    assert [s.date for s in read_statements(note, dt.date(2026, 12, 1), True)] == [day]


@pytest.mark.parametrize("stage", ["Da inviare", "À envoyer", "Por enviar", "Nog te versturen", "noch zu senden"])
def test_an_application_still_to_send_is_not_applied(stage):
    plan = build_plan(canonical_frame([{**ROW, "applied_on": "", "last_contact": "", "stage": stage}]),
                      dt.date(2026, 12, 7), Settings())
    assert plan.iloc[0]["status"] == "Not applied"
    from followup_sheet.language import languages_of
    assert "en" not in languages_of(stage)       # a tracker saying it stays in its own language


@pytest.mark.parametrize("note, stage", [
    ("meant to apply before xmas", "not_applied"),
    ("tolle Firma, Bewerbung noch abschicken", "not_applied"),
    ("CV à envoyer la semaine prochaine", "not_applied"),
    # negated: no word of not having applied ("interested"); with no stage cell it is an end the
    # notes state plainly (not interested is a closed word), so the row is closed
    ("not interested in the end", "closed"),
])
def test_notes_saying_an_undated_row_is_still_to_send_make_it_not_applied(note, stage):
    plan = build_plan(canonical_frame([{**ROW, "applied_on": "", "last_contact": "", "stage": "", "notes": note}]),
                      dt.date(2026, 12, 7), Settings())
    assert plan.iloc[0]["stage"] == stage, plan.iloc[0]["why"]
    dated = build_plan(canonical_frame([{**ROW, "stage": "", "notes": note}]), dt.date(2026, 12, 7), Settings())
    assert dated.iloc[0]["stage"] != "not_applied"      # a dated row went out: its notes do not undo that
