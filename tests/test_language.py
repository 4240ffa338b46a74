"""The user's language (rules §8): the choice and its reason, localised scripts (golden files per
language, situation and row), no English left in them, names and dates as people there say them."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest

from followup_sheet import settings as settings_module
from followup_sheet.errors import BadSettings
from followup_sheet.facts import Fact
from followup_sheet.language import LANGUAGES, address, choose_language, human_date, languages_of, person
from followup_sheet.plan import SITUATIONS
from followup_sheet.read import ColumnInfo
from followup_sheet.render import bundled_templates, render_scripts, template_names, unknown_templates
from followup_sheet.settings import Settings
from followup_sheet.status import Status

GOLDEN = Path(__file__).parent / "golden" / "lang"
TODAY = dt.date(2026, 11, 12)
# The languages whose every script is written (the others fall back to English file by file).
WRITTEN = ("de", "fr", "es", "it", "pt", "nl", "pl", "zh", "ja", "ko")
NAMES = [f"{s}_{c}" for s in (*SITUATIONS, "call_back") for c in ("call", "email")]

# Rows in each language's own world: the user, the contact (with a title), a referrer without one.
PEOPLE = {
    "de": ("Lena Vogel", "Frau Dr. Sabine Krüger", "Jonas Brandt", "Herr Öztürk", "Einkauf",
           "Spedition Kranich AG"),
    "fr": ("Camille Roux", "Mme Hélène Moreau", "Julien Faure", "M. Bertrand Lefèvre", "Achats",
           "Boulangeries Vernet SA"),
    "es": ("Lucía Navarro", "Sra. Carmen Ortega Ruiz", "Pablo Medina", "Sr. Iván Prieto", "Compras",
           "Conservas Miramar S.L."),
    "it": ("Giulia Ferri", "Dott.ssa Chiara Bianchi", "Marco Neri", "Sig. Paolo Greco", "Acquisti",
           "Ceramiche Tirreno SpA"),
    "pt": ("Mariana Souza", "Sra. Beatriz Costa", "Rafael Lima", "Dr. Paulo Mendes", "Compras",
           "Cooperativa Ipê Ltda."),
    "nl": ("Sanne Bakker", "mevrouw Eva de Vries", "Daan Visser", "dhr. Bram Mulder", "Inkoop",
           "Tulpenveld B.V."),
    "pl": ("Marta Zielińska", "Pani Katarzyna Wiśniewska", "Tomasz Lis", "Pan Piotr Nowak", "Zakupy",
           "Spedycja Wisła sp. z o.o."),
    "zh": ("李明", "陈静女士", "刘洋", "张经理", "采购部", "星河物流有限公司"),
    "ja": ("佐藤美咲", "田中 花子", "鈴木 一郎", "山本様", "営業部", "株式会社みなと物流"),
    "ko": ("이지은", "김민수", "박서준", "최유진 님", "영업부", "한빛물류"),
}


def _tracker(headers: list[str], stages: list[str]) -> SimpleNamespace:
    frame = pd.DataFrame({"stage": stages, "response": [""] * len(stages)})
    return SimpleNamespace(columns={f"f{i}": ColumnInfo(i + 1, h) for i, h in enumerate(headers)}, frame=frame)


@pytest.mark.parametrize("headers, stages, code", [
    (["Firma", "Stelle", "Bewerbungsdatum", "Ansprechpartner", "Status"], ["Absage", "Vorstellungsgespräch"], "de"),
    (["Entreprise", "Poste", "Date de candidature", "Statut"], ["Refusée", "Entretien prévu"], "fr"),
    (["Empresa", "Puesto", "Fecha de postulación", "Estado"], ["Rechazado", "Entrevista"], "es"),
    (["公司", "职位", "投递日期", "状态"], ["面试", "已投递"], "zh"),
    (["Firma", "Stanowisko", "Data wysłania CV", "Osoba kontaktowa", "Etap rekrutacji"],
     ["Odrzucona", "Rozmowa kwalifikacyjna w toku", "Wysłano"], "pl"),
    (["Nazwa firmy", "Stanowisko", "Status"], ["Odmowa"], "pl"),
    (["会社名", "職種", "応募日", "選考状況"], [""], "ja"),
    (["Company", "Position", "Date Applied", "Status"], ["Rejected", "Interview"], "en"),
])
def test_the_language_is_the_one_of_every_header_and_stage_word(headers, stages, code):
    choice = choose_language([_tracker(headers, stages)], Settings())
    assert choice.code == code
    assert LANGUAGES[code] in choice.reason and "[you] language" in choice.note


def test_a_tracker_in_two_languages_gets_english_and_check_says_which_words_disagree():
    choice = choose_language([_tracker(["Firma", "Stelle", "Date Applied", "Notes"], ["Absage"])], Settings())
    assert choice.code == "en"
    assert "mixes" in choice.reason and "'Date Applied'" in choice.reason and "German" in choice.reason
    assert 'language = "de"' in choice.note           # how to have German anyway


def test_the_setting_wins_over_the_tracker():
    choice = choose_language([_tracker(["Firma", "Stelle"], [""])], Settings(language="FR"))
    assert (choice.code, choice.reason) == ("fr", "set by [you] language (or --language)")


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(BadSettings, match="one of en, de, fr"):
        Settings(language="klingon")


def test_the_setting_is_read_from_followup_toml(tmp_path):
    config = tmp_path / "followup.toml"
    config.write_text('[you]\nlanguage = "es"\n', encoding="utf-8")
    assert settings_module.settings_from_toml(config)["language"] == "es"


def test_every_tagged_word_is_one_the_reader_knows_and_no_foreign_word_is_untagged():
    from followup_sheet.language import _TAGGED, _key

    known = {_key(a) for aliases in settings_module.DEFAULT_ALIASES.values() for a in aliases}
    for name in ("CLOSED_WORDS", "OFFER_WORDS", "INTERVIEWING_WORDS", "NOT_APPLIED_WORDS", "APPLIED_WORDS",
                 "AUTORESPONSE_WORDS", "RECRUITER_WORDS", "FIRST_SCREEN_WORDS", "BLANK_WORDS", "NO_DATE_WORDS"):
        known |= {_key(w) for w in getattr(settings_module, name)}
    known |= {_key(w) for words in settings_module.HEADER_WORDS.values() for w in words}   # a header's words
    stray = [w for ws in _TAGGED.values() for w in ws if _key(w) not in known]
    assert not stray, f"tagged words the reader does not know: {stray}"
    untagged = [a for aliases in settings_module.DEFAULT_ALIASES.values() for a in aliases
                if not a.isascii() and languages_of(a) == {"en"}]
    assert not untagged, f"non-English aliases without a language: {untagged}"


@pytest.mark.parametrize("code, this_year, other_year", [
    ("de", "3. November", "3. November 2025"), ("fr", "3 novembre", "3 novembre 2025"),
    ("es", "3 de noviembre", "3 de noviembre de 2025"), ("zh", "11月3日", "2025年11月3日"),
    ("ja", "11月3日", "2025年11月3日"), ("ko", "11월 3일", "2025년 11월 3일"),
])
def test_dates_as_people_there_say_them_with_the_year_only_when_not_this_year(code, this_year, other_year):
    assert human_date(pd.Timestamp("2026-11-03"), 2026, code) == this_year
    assert human_date(pd.Timestamp("2025-11-03"), 2026, code) == other_year
    assert human_date(pd.NaT, 2026, code) == ""


@pytest.mark.parametrize("cell, code, ask, greet, dear", [
    ("Frau Dr. Anna Weiß", "de", "Frau Dr. Weiß", "Guten Tag, Frau Dr. Weiß", "Sehr geehrte Frau Dr. Weiß,"),
    ("Herr Tobias Kern", "de", "Herrn Kern", "Guten Tag, Herr Kern", "Sehr geehrter Herr Kern,"),
    # no title: no Frau/Herr guessed from the first name; greet without the name, ask by full name
    ("Anna Weiß", "de", "Anna Weiß", "Guten Tag", "Guten Tag Anna Weiß,"),
    ("Mme Odile Perrin", "fr", "Madame Perrin", "Bonjour Madame", "Bonjour Madame,"),
    ("Odile Perrin", "fr", "Odile Perrin", "Bonjour", "Bonjour,"),
    ("Sr. Tomás Vidal Soler", "es", "el señor Vidal Soler", "Buenos días, señor Vidal Soler",
     "Estimado Sr. Vidal Soler:"),
    ("Ms. Rosa Bell", "es", "la señora Bell", "Buenos días, señora Bell", "Estimada Sra. Bell:"),
    ("Rosa Vidal", "es", "Rosa Vidal", "Buenos días", "Buenos días, Rosa Vidal:"),
    # Korean: 님 after the full name (씨 is for equals, not a recruiter); a job title keeps its place
    ("김민수 씨", "ko", "김민수 님", "김민수 님", "김민수 님"),
    ("박 과장", "ko", "박 과장님", "박 과장님", "박 과장님"),
    ("김민수 팀장님", "ko", "김민수 팀장님", "김민수 팀장님", "김민수 팀장님"),

    # Polish: the instrumental only where the ending says it for certain, else a question that
    # needs none; "Szanowna Pani," with no name; no pani/pan without a title in the cell
    ("Pani Agnieszka Kowalczyk", "pl", "Czy mogę rozmawiać z panią Kowalczyk?", "Dzień dobry", "Szanowna Pani,"),
    ("Pani dr Ewa Zawadzka", "pl", "Czy mogę rozmawiać z panią doktor Zawadzką?", "Dzień dobry",
     "Szanowna Pani Doktor,"),
    ("Pan Marek Dąbrowski", "pl", "Czy mogę rozmawiać z panem Dąbrowskim?", "Dzień dobry", "Szanowny Panie,"),
    ("Pan Adam Kowalczyk", "pl", "Czy mogę rozmawiać z panem Kowalczykiem?", "Dzień dobry", "Szanowny Panie,"),
    ("Pan Jerzy Wróbel", "pl", "Czy jest może pan Wróbel?", "Dzień dobry", "Szanowny Panie,"),
    ("Pani Joanna Wajda", "pl", "Czy jest może pani Wajda?", "Dzień dobry", "Szanowna Pani,"),
    ("Joanna Wróbel", "pl", "Czy mogę prosić o połączenie z osobą o imieniu i nazwisku Joanna Wróbel?",
     "Dzień dobry", "Dzień dobry,"),
    ("Tomasz", "pl", "Czy jest może Tomasz?", "Dzień dobry", "Dzień dobry,"),     # a first name alone
])
def test_forms_of_address_come_from_the_cell_never_from_a_first_name(cell, code, ask, greet, dear):
    got = address(cell, code)
    assert (got["ask"], got["greet"], got["dear"]) == (ask, greet, dear)


def test_a_chinese_name_keeps_its_family_name_first():
    p = person("李娜")
    assert p is not None and (p.surname, p.full) == ("李", "李娜")


FACT_KINDS: dict[str, dict] = {
    "ahead": {"interview_held": False, "interview_ahead": pd.Timestamp("2026-12-03")},
    "thanks": {"interview_held": True, "thank_you": True},
    "employer_last": {"last_by": "employer"},
    "mine_last": {"last_by": "user"},
    # the notes give the decision's day: still ahead (said, not asked for), or come without news
    "decision_ahead": {"interview_held": True, "decision_on": pd.Timestamp("2026-11-20"),
                       "facts": [Fact("decision", "by 20.11.", dt.date(2026, 11, 20), "", "", "Notes, P7")]},
    "decision_passed": {"interview_held": True, "decision_on": pd.Timestamp("2026-11-11"),
                        "facts": [Fact("decision", "by 11.11.", dt.date(2026, 11, 11), "", "", "Notes, P7")]},
    # the notes asked me to call back after a day they state (a dated statement, rules §7)
    "asked_back": {"call_back": "after November 9",
                   "facts": [Fact("call_back", "after November 9", dt.date(2026, 11, 9), "", "", "Notes, P7")]},
}


def _render_row(code: str, kind: str, name: str) -> str:
    me_name, contact, referrer, manager, dept, company = PEOPLE[code]
    situation, channel = name.rsplit("_", 1)
    if kind == "full":
        settings = Settings(your_name=me_name, your_phone="+00 30 5550147", your_email="post@example.org",
                            language=code)
        row = {"company": company, "position": "Data Analyst", "contact": contact, "hiring_manager": manager,
               "referrer": referrer, "referrer_dept": dept, "source": "LinkedIn",
               "applied_on": pd.Timestamp("2026-10-27"), "last_contact": pd.NaT}
        follow_ups = 0
    else:
        settings = Settings(language=code)
        row = {"company": "", "position": "", "contact": "", "hiring_manager": "", "referrer": "",
               "referrer_dept": "", "source": "", "applied_on": pd.Timestamp("2025-12-20"), "last_contact": pd.NaT}
        follow_ups = 2
    if kind in FACT_KINDS:               # the full row, with what the row says happened
        settings = Settings(your_name=me_name, your_phone="+00 30 5550147", your_email="post@example.org",
                            language=code)
        row = {"company": company, "position": "Data Analyst", "contact": contact, "hiring_manager": manager,
               "referrer": referrer, "referrer_dept": dept, "source": "LinkedIn",
               "applied_on": pd.Timestamp("2026-10-27"), "last_contact": pd.Timestamp("2026-11-06")}
        follow_ups = 2
    frame = pd.DataFrame([{**row, "problem": ""}], index=[7])
    # call_back: the employer called (on a day the full row gives) and the call is still to be returned
    back = situation == "call_back"
    facts = {"employer_called": back, "last_by": "employer" if back else "",
             "employer_called_on": pd.Timestamp("2026-11-10") if back and kind == "full" else pd.NaT}
    if back:
        situation = "check_in"
    plan = pd.DataFrame([{**facts, "status": Status.DUE_TODAY.value, "situation": situation, "channel": channel,
                          "follow_ups": follow_ups, "due": pd.Timestamp("2026-11-12"),
                          "answer_by": pd.Timestamp("2026-11-20"), "written_offer": False, "interview_held": True,
                          "call_back": "", "other_offer_by": pd.Timestamp("2026-11-18"),
                          "other_offer_written": kind == "full", **FACT_KINDS.get(kind, {})}], index=[7])
    return render_scripts(frame, plan, TODAY, settings)[7]


CASES = [(code, name, kind) for code in WRITTEN for name in NAMES for kind in ("full", "bare")]
# The facts the scripts honour (rules §7), per the templates they change: an interview still ahead
# (no thanks, no "when will you decide"), the thank-you after an interview held (said as the first
# thanks, not "again"), the employer's or my own last contact about an offer.
FACT_CASES = [(code, f"{situation}_{channel}", kind) for code in WRITTEN for channel in ("call", "email")
              for situation, kind in (("post_interview", "ahead"), ("post_interview", "thanks"),
                                      ("offer", "employer_last"), ("offer", "mine_last"),
                                      ("post_interview", "decision_ahead"), ("post_interview", "decision_passed"),
                                      ("check_in", "decision_ahead"), ("check_in", "decision_passed"))]
CASES += FACT_CASES


def _says_asked_back(code: str, name: str) -> bool:
    """Whether the language's template says what the notes asked about calling back (`call_back_on`)."""
    text = (bundled_templates() / f"{name}.{code}.j2").read_text(encoding="utf-8")
    return "call_back_on" in text or "l.call_back" in text


# The call back the notes asked for, in each language whose templates say it (the English ones do).
ASKED_BACK_CASES = [(code, name, "asked_back") for code in WRITTEN for name in NAMES if _says_asked_back(code, name)]
CASES += ASKED_BACK_CASES


@pytest.mark.parametrize("code", WRITTEN)
def test_every_written_language_has_every_template(code):
    english = {p.name[:-3] for p in bundled_templates().glob("*.j2") if p.name.count(".") == 1}
    assert english == set(NAMES)
    missing = [n for n in NAMES if not (bundled_templates() / f"{n}.{code}.j2").is_file()]
    assert not missing, f"{LANGUAGES[code]} lacks {missing}"


@pytest.mark.parametrize("code, name, kind", CASES)
def test_localised_script_matches_golden_file(code, name, kind):
    text = _render_row(code, kind, name)
    golden = GOLDEN / code / f"{name}_{kind}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text + "\n", encoding="utf-8")
    assert golden.exists(), f"missing {golden}; run with UPDATE_GOLDEN=1 once and review the files"
    assert text == golden.read_text(encoding="utf-8").rstrip("\n")


def _pairs(text: str) -> set[tuple[str, str]]:
    """Each two words in a row, one of them of four letters or more ("for a" is Portuguese too); a
    hyphenated word is one word ("E-Mail" is German too, and no pair of its own)."""
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", text)]
    return {(a, b) for a, b in zip(words, words[1:]) if max(len(a), len(b)) >= 4}


def _english_pairs() -> set[tuple[str, str]]:
    """Each two words in a row of the English templates' own text (Jinja code and comments left
    out): a sentence left untranslated shares them, a single word like "Name" or "Person" does not."""
    pairs: set[tuple[str, str]] = set()
    for n in NAMES:
        text = (bundled_templates() / f"{n}.j2").read_text(encoding="utf-8")
        text = re.sub(r"\{#.*?#\}", " ", text, flags=re.S)
        literals = re.findall(r"'((?:[^'\\]|\\.)*)'", " ".join(re.findall(r"\{[{%](.*?)[%}]\}", text, flags=re.S)))
        for run in re.split(r"\{[{%].*?[%}]\}", text, flags=re.S) + literals:
            pairs |= _pairs(run)
    return pairs


@pytest.mark.parametrize("code, name, kind", CASES)
def test_no_localised_script_holds_words_of_the_english_template(code, name, kind):
    text = _render_row(code, kind, name)
    facts = _pairs(" ".join(PEOPLE[code]) + " Data Analyst LinkedIn")
    left = (_pairs(text) & _english_pairs()) - facts
    assert not left, f"{code} {name} {kind}: English words {sorted(left)} (a missing translation?)\n{text}"


@pytest.mark.parametrize("code, date, recent", [("de", "27. Oktober", "20. Dezember 2025"),
                                               ("fr", "27 octobre", "20 décembre 2025"),
                                               ("es", "27 de octubre", "20 de diciembre de 2025"),
                                               ("it", "27 ottobre", "20 dicembre 2025"),
                                               ("pt", "27 de outubro", "20 de dezembro de 2025"),
                                               ("nl", "27 oktober", "20 december 2025"),
                                               ("pl", "27 października", "20 grudnia 2025"),
                                               ("zh", "10月27日", "2025年12月20日"),
                                               ("ja", "10月27日", "2025年12月20日"),
                                               ("ko", "10월 27일", "2025년 12월 20일")])
def test_names_dates_and_companies_are_said_right(code, date, recent):
    me_name, contact, referrer, manager, dept, company = PEOPLE[code]
    full = _render_row(code, "full", "check_in_email")
    assert date in full and me_name in full and company.rstrip(".") in full
    for name in NAMES:                                  # "Miramar S.L." ends a sentence with one stop
        text = _render_row(code, "full", name)
        assert ".." not in text.replace("...", "") and ("S.L." in text or "Miramar" not in text)
    asked = address(contact, code)["ask"]             # "Frau Dr. Krüger", "Madame Moreau", "陈女士"
    assert asked and asked in _render_row(code, "full", "check_in_call").splitlines()[0]
    assert "2026" not in full                           # no year for this year's date
    assert recent in _render_row(code, "bare", "check_in_email")
    call = _render_row(code, "full", "referral_call")
    assert address(referrer, code)["named"] in call and address(manager, code)["ask"] in call


def test_a_language_without_its_own_template_falls_back_to_english(tmp_path, monkeypatch):
    import shutil

    from followup_sheet import render

    bundled = tmp_path / "bundled"
    shutil.copytree(bundled_templates(), bundled)
    (bundled / "check_in_call.pl.j2").unlink()             # Polish without this one script
    monkeypatch.setattr(render, "bundled_templates", lambda: bundled)
    render._environment.cache_clear()
    frame = pd.DataFrame([{"company": "Tulpen BV", "position": "Planner", "contact": "", "hiring_manager": "",
                           "referrer": "", "referrer_dept": "", "source": "", "problem": "",
                           "applied_on": pd.Timestamp("2026-11-02"), "last_contact": pd.NaT}], index=[3])
    plan = pd.DataFrame([{"status": Status.DUE_TODAY.value, "situation": "check_in", "channel": "call",
                          "follow_ups": 0, "due": pd.Timestamp("2026-11-12")}], index=[3])
    try:
        text = render_scripts(frame, plan, TODAY, Settings(language="pl"))[3]
    finally:
        render._environment.cache_clear()
    assert "I applied for the Planner role at Tulpen BV" in text
    assert "November 2" in text                     # the English template says the date in English


def test_a_user_folder_may_hold_a_template_for_one_language(tmp_path):
    (tmp_path / "check_in_call.de.j2").write_text("Anruf bei {{ company }} am {{ applied_on }}.", encoding="utf-8")
    (tmp_path / "check_in_call.it.j2").write_text("Chiamata {{ company }}", encoding="utf-8")
    assert unknown_templates(tmp_path) == []
    assert "check_in_call.pt.j2" in template_names() and "check_in_call.j2" in template_names()
    frame = pd.DataFrame([{"company": "Kranich AG", "position": "", "contact": "", "hiring_manager": "",
                           "referrer": "", "referrer_dept": "", "source": "", "problem": "",
                           "applied_on": pd.Timestamp("2026-03-05"), "last_contact": pd.NaT}], index=[2])
    plan = pd.DataFrame([{"status": Status.DUE_TODAY.value, "situation": "check_in", "channel": "call",
                          "follow_ups": 0, "due": pd.Timestamp("2026-11-12")}], index=[2])
    text = render_scripts(frame, plan, TODAY, Settings(language="de", templates=tmp_path))[2]
    assert text == "Anruf bei Kranich AG am 5. März."


def _channel_plan() -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = pd.DataFrame({"contact_email": ["hr@kitsune.example", "", "jobs@hanbit.example", "saiyo@tsuru.example"],
                          "contact": ["", "", "", ""]}, index=[2, 3, 4, 5])
    plan = pd.DataFrame({"follow_ups": [0, 0, 1, 0], "channel": ["call"] * 4,
                         "situation": ["check_in", "check_in", "check_in", "offer"]}, index=[2, 3, 4, 5])
    return frame, plan


@pytest.mark.parametrize("settings, emailed", [
    (Settings(language="ja"), [2]),                        # Japanese: the first follow-up is written
    (Settings(language="ko"), [2]),
    (Settings(language="pl"), [2]),                        # Polish: a short e-mail first
    (Settings(language="de"), []),                         # German: a call, as in English
    (Settings(language="de", first_channel="email"), [2]),  # the setting wins
    (Settings(language="ja", first_channel="call"), []),
])
def test_the_first_channel_is_the_languages_unless_the_setting_says(settings, emailed):
    from followup_sheet.language import with_first_channel

    frame, plan = _channel_plan()
    got = with_first_channel(plan, frame, settings)
    # row 3 has no address, row 4 is a later follow-up, row 5 an offer: they keep their call
    assert list(got.index[got["channel"] == "email"]) == emailed
    assert list(plan["channel"]) == ["call"] * 4           # the plan given is not changed


def test_a_first_channel_other_than_call_or_email_is_refused():
    with pytest.raises(BadSettings, match="first_channel"):
        Settings(first_channel="fax")


@pytest.mark.parametrize("source, kind", [
    ("StepStone", "named_source"), ("InfoJobs", "named_source"), ("Company website", "site"),
    ("Site de l'entreprise", "site"), ("Karriereseite", "site"), ("Página web de la empresa", "site"),
    ("Courriel", "mail"), ("per E-Mail", "mail"),
    # no place an application goes "through": said nothing rather than "über Jobbörse"
    ("Jobbörse", ""), ("Salon de l'emploi", ""), ("Bolsa de empleo", ""), ("Recruiter (inbound)", ""), ("", ""),
    # ways of applying are no place either: not "über Initiativ", "a través de Referido"
    ("Initiativ", ""), ("Initiativbewerbung", ""), ("Referido", ""), ("Candidature spontanée", ""),
    ("Firmenseite", "site"),
    # Polish: the company's site, a portal by its name; a referral, a job fair, an agency are no place
    ("Strona internetowa firmy", "site"), ("Pracuj.pl", "named_source"), ("Polecenie", ""), ("Targi pracy", ""),
    ("Agencja pośrednictwa pracy", ""),
])
def test_a_source_is_named_only_when_it_is_a_place_the_application_went_through(source, kind):
    from followup_sheet.language import source_kind

    assert source_kind(source) == kind


@pytest.mark.parametrize("position, said", [("Analyste reporting", "le poste d'Analyste reporting"),
                                            ("Hôtesse d'accueil", "le poste d'Hôtesse d'accueil"),
                                            ("Data analyst", "le poste de Data analyst"),
                                            ("Hauteur de vue", "le poste de Hauteur de vue")])
def test_french_elides_de_before_a_vowel_or_a_mute_h(position, said):
    frame = pd.DataFrame([{"company": "", "position": position, "contact": "", "hiring_manager": "",
                           "referrer": "", "referrer_dept": "", "source": "", "problem": "",
                           "applied_on": pd.Timestamp("2026-11-02"), "last_contact": pd.NaT}], index=[4])
    plan = pd.DataFrame([{"status": Status.DUE_TODAY.value, "situation": "check_in", "channel": "call",
                          "follow_ups": 0, "due": pd.Timestamp("2026-11-12")}], index=[4])
    text = render_scripts(frame, plan, TODAY, Settings(language="fr"))[4]
    assert said in text and "de A" not in text and "de H\u00f4" not in text


@pytest.mark.parametrize("code", WRITTEN)
def test_every_voicemail_ends_with_how_to_reach_me(code):
    from followup_sheet.language import _PHRASES

    both = _PHRASES[code]["both"].format(phone="+00 30 5550147", email="post@example.org")
    for name in NAMES:
        if name.endswith("_call"):
            assert _render_row(code, "full", name).rstrip().endswith(both), name
            assert _render_row(code, "bare", name).rstrip().endswith(_PHRASES[code]["none"]), name


@pytest.mark.parametrize("cell, code", [("인사팀", "ko"), ("채용 담당자", "ko"), ("採用担当", "ja"), ("人事部", "ja")])
def test_a_team_in_korean_or_japanese_is_not_greeted_as_a_person(cell, code):
    assert address(cell, code)["greet"] == ""


# The words that say "your call" in each language's call-back script, and that an e-mail from the
# employer must not get: their e-mail is thanked as an e-mail.
CALL_WORDS = {"de": "angerufen", "fr": "votre appel", "es": "llamada", "it": "richiamo", "pt": "ligação",
              "nl": "gebeld", "pl": "za telefon", "zh": "打过电话", "ja": "折り返し", "ko": "전화를 주셔서"}


@pytest.mark.parametrize("code", WRITTEN)
def test_a_call_back_answers_an_employers_e_mail_as_an_e_mail(code):
    from followup_sheet.language import local_context
    from followup_sheet.render import get_template, script_context

    me_name, contact, *_ = PEOPLE[code]
    settings = Settings(your_name=me_name, your_phone="+00 30 5550147", language=code)
    row = {"company": "Kestrel", "position": "Data Analyst", "contact": contact, "hiring_manager": "", "referrer": "",
           "referrer_dept": "", "source": "", "applied_on": pd.Timestamp("2026-10-27"), "last_contact": pd.NaT}
    plan = {"status": Status.DUE_TODAY.value, "situation": "check_in", "channel": "call", "follow_ups": 0,
            "due": pd.Timestamp("2026-11-12"), "employer_called": True, "last_by": "employer",
            "employer_called_on": pd.Timestamp("2026-11-10")}
    template = get_template("call_back_call.j2", None, code)
    said = {}
    for channel in ("call", "email"):
        context = local_context({**script_context(row, plan, TODAY, settings), "employer_channel": channel}, row, plan,
                                TODAY, code)
        said[channel] = template.render(context)
    assert CALL_WORDS[code] in said["call"]
    assert CALL_WORDS[code] not in said["email"], said["email"]
    assert human_date(pd.Timestamp("2026-11-10"), 2026, code) in said["email"]


@pytest.mark.parametrize("code", WRITTEN)
def test_a_team_as_contact_is_asked_for_by_its_name_and_never_greeted(code):
    team = {"de": "Personalabteilung", "fr": "Ressources humaines", "es": "Recursos Humanos", "it": "Risorse Umane",
            "pt": "Recursos Humanos", "nl": "HR", "pl": "Kadry i Płace", "zh": "人事部", "ja": "人事部",
            "ko": "인사팀"}[code]
    frame = pd.DataFrame([{"company": "Kestrel", "position": "Data Analyst", "contact": team, "hiring_manager": "",
                           "referrer": "", "referrer_dept": "", "source": "", "problem": "",
                           "applied_on": pd.Timestamp("2026-11-02"), "last_contact": pd.NaT}], index=[4])
    for situation in ("check_in", "recruiter", "post_interview"):
        plan = pd.DataFrame([{"status": Status.DUE_TODAY.value, "situation": situation, "channel": "call",
                              "follow_ups": 0, "due": pd.Timestamp("2026-11-12")}], index=[4])
        text = render_scripts(frame, plan, TODAY, Settings(language=code))[4]
        first, reached = text.split("\n\n")[:2]
        assert team in first, (situation, text)
        if code in ("de", "pl"):                                # asked for by its head noun, as a team
            assert {"de": "aus der Personalabteilung", "pl": "z kimś z działu Kadry i Płace"}[code] in first, text
        assert team not in reached, (situation, text)           # not greeted: "Guten Tag, Personalabteilung"


@pytest.mark.parametrize("code", WRITTEN)
def test_an_interview_still_ahead_gets_no_thanks_and_no_question_about_the_decision(code):
    for name in ("post_interview_call", "post_interview_email"):
        held, ahead = _render_row(code, "full", name), _render_row(code, "ahead", name)
        asked = [p for p in held.split("\n\n")[1:] if re.search(r"[?？]|でしょうか。", p)][0]
        assert asked not in ahead, (name, ahead)                               # not "when will you decide"
        if name.endswith("_call"):
            thanks = held.split("\n\n")[1]                                     # the thanks for the interview
            assert thanks not in ahead and thanks.split(". ")[-1] not in ahead
        assert human_date(pd.Timestamp("2026-12-03"), 2026, code) in ahead    # the interview's day, said


@pytest.mark.parametrize("code", WRITTEN)
def test_following_up_on_my_last_message_only_after_my_own_contact(code):
    for name in ("offer_call", "offer_email"):
        mine, theirs = _render_row(code, "mine_last", name), _render_row(code, "employer_last", name)
        assert mine != theirs and len(mine) > len(theirs)       # the sentence about my last message is left out


@pytest.mark.parametrize("code, name, kind", ASKED_BACK_CASES)
def test_a_call_back_the_notes_ask_for_is_said_only_with_its_day(code, name, kind, monkeypatch):
    assert human_date(pd.Timestamp("2026-11-09"), 2026, code) in _render_row(code, kind, name)
    monkeypatch.setitem(FACT_KINDS, kind, {})
    plain = _render_row(code, kind, name)
    # without a day ("after Thanksgiving") nothing is said: the words after "call back" are the notes' English
    monkeypatch.setitem(FACT_KINDS, kind, {"call_back": "after Thanksgiving"})
    undated = _render_row(code, kind, name)
    assert "Thanksgiving" not in undated and human_date(pd.Timestamp("2026-11-09"), 2026, code) not in undated
    if code not in ("it", "pt"):             # Italian and Portuguese say "later" ("più avanti", "mais adiante")
        assert undated == plain

@pytest.mark.parametrize("name", ["Möwe Verlag", "Linde Klinik", "Krone Verlag", "Brigitte Klinik"])
def test_a_german_company_name_is_never_changed_to_fit_an_article(name):
    # a word ending in -e before the head noun that is no adjective is the name's own: no "-n", no article
    from followup_sheet.language import german_bei, german_company

    assert german_company(name) == german_company(name, "acc") == name
    assert german_bei(name) == f"bei {name}"


@pytest.mark.parametrize("name, dative, accusative", [
    ("Brenner Logistik GmbH", "der Brenner Logistik GmbH", "die Brenner Logistik GmbH"),     # the legal form says it
    ("Spedition Haas", "der Spedition Haas", "die Spedition Haas"),                          # a head noun first
    ("Verlag Ostwind", "dem Verlag Ostwind", "den Verlag Ostwind"),
    ("Nordische Versicherung", "der Nordischen Versicherung", "die Nordische Versicherung"),  # adjective before it
    ("Landesinstitut-Süd", "Landesinstitut-Süd", "Landesinstitut-Süd"),                     # not sure: no article
    ("Stadtwerke-Institut", "dem Stadtwerke-Institut", "das Stadtwerke-Institut"),
    ("Turnverein Eiche e. V.", "dem Turnverein Eiche e. V.", "den Turnverein Eiche e. V."),
    ("Zeiss", "Zeiss", "Zeiss"), ("Kranich Logistik", "Kranich Logistik", "Kranich Logistik"),   # a bare name
    ("Verlag Ostwind GmbH", "der Verlag Ostwind GmbH", "die Verlag Ostwind GmbH"),          # the legal form wins
])
def test_a_german_company_gets_the_article_its_legal_form_or_head_noun_gives(name, dative, accusative):
    from followup_sheet.language import german_company

    assert (german_company(name), german_company(name, "acc")) == (dative, accusative)


def test_the_german_scripts_put_the_article_before_a_company_after_a_preposition():
    frame = pd.DataFrame([{"company": "Brenner Logistik GmbH", "position": "Disponent", "contact": "",
                           "hiring_manager": "", "referrer": "", "referrer_dept": "", "source": "", "problem": "",
                           "applied_on": pd.Timestamp("2026-11-02"), "last_contact": pd.NaT}], index=[4])
    plan = pd.DataFrame([{"status": Status.DUE_TODAY.value, "situation": "check_in", "channel": "call",
                          "follow_ups": 0, "due": pd.Timestamp("2026-11-12")}], index=[4])
    text = render_scripts(frame, plan, TODAY, Settings(language="de"))[4]
    assert "bei der Brenner Logistik GmbH" in text and "bei Brenner" not in text
    frame.loc[4, "company"] = "Zeiss"
    assert "bei Zeiss" in render_scripts(frame, plan, TODAY, Settings(language="de"))[4]
    frame.loc[4, "company"] = "Verlag Ostwind"                     # "bei dem" is said "beim"
    text = render_scripts(frame, plan, TODAY, Settings(language="de"))[4]
    assert "beim Verlag Ostwind" in text and "bei dem" not in text


@pytest.mark.parametrize("channel", ["call", "email"])
@pytest.mark.parametrize("company, said", [
    ("Stadtwerke Halle", "über Ihr Unternehmen"),            # a plural name: "die Stadtwerke", not guessed
    ("Kranich Logistik", "über Ihr Unternehmen"),            # a bare name: no article known
    ("Brenner Logistik GmbH", "über die Brenner Logistik GmbH"),    # the legal form gives it
    ("Verlag Ostwind", "über den Verlag Ostwind"),           # the head noun gives it
])
def test_a_german_thank_you_names_a_company_after_ueber_only_with_an_article_it_knows(company, said, channel):
    """"viel über Stadtwerke Halle erfahren" lacks the article a German listener hears missing; a
    name whose article no legal form or head noun tells is not guessed, the sentence is said of
    "Ihr Unternehmen" instead."""
    frame = pd.DataFrame([{"company": company, "position": "Disponent", "contact": "Frau Roth",
                           "hiring_manager": "", "referrer": "", "referrer_dept": "", "source": "", "problem": "",
                           "applied_on": pd.Timestamp("2026-11-02"), "last_contact": pd.Timestamp("2026-11-10")}],
                         index=[4])
    plan = pd.DataFrame([{"status": Status.DUE_TODAY.value, "situation": "post_interview", "channel": channel,
                          "follow_ups": 0, "due": pd.Timestamp("2026-11-12"), "interview_held": True}], index=[4])
    text = render_scripts(frame, plan, TODAY, Settings(language="de"))[4]
    assert said in text, text
    assert f"über {company}" not in text, text


@pytest.mark.parametrize("team, code, said", [
    ("Personalabteilung", "de", "jemandem aus der Personalabteilung"),
    ("Recruiting-Team", "de", "jemandem aus dem Recruiting-Team"),
    ("Team Personal", "de", "jemandem aus dem Team Personal"),
    ("HR", "de", "jemandem aus dem Bereich HR"),                   # no head noun of its own: the frame
    ("Service recrutement", "fr", "quelqu'un du service recrutement"),
    ("Équipe talents", "fr", "quelqu'un de l'équipe talents"),
    ("Departamento de Personas", "es", "alguien del departamento de Personas"),
    ("Dział Kadr", "pl", "Czy mogę rozmawiać z kimś z Działu Kadr?"),
    ("HR", "pl", "Czy mogę rozmawiać z kimś z działu HR?"),
])
def test_a_team_is_asked_for_by_its_own_head_noun_not_framed_twice(team, code, said):
    from followup_sheet.language import team_phrase

    assert team_phrase(team, code) == said


def test_a_referrers_department_with_its_own_head_noun_is_not_framed_twice():
    me_name, contact, referrer, manager, _, company = PEOPLE["de"]
    frame = pd.DataFrame([{"company": company, "position": "Data Analyst", "contact": contact,
                           "hiring_manager": manager, "referrer": referrer, "referrer_dept": "Finanzabteilung",
                           "source": "", "problem": "", "applied_on": pd.Timestamp("2026-11-02"),
                           "last_contact": pd.NaT}], index=[4])
    plan = pd.DataFrame([{"status": Status.DUE_TODAY.value, "situation": "referral", "channel": "call",
                          "follow_ups": 0, "due": pd.Timestamp("2026-11-12")}], index=[4])
    text = render_scripts(frame, plan, TODAY, Settings(language="de"))[4]
    assert "Jonas Brandt aus der Finanzabteilung" in text and "Abteilung Finanzabteilung" not in text


# What each language's scripts say when the notes ask me to get back in touch from a given day
# (the English "I was asked to call back after …"), and the day as the language says it.
ASKED_BACK = {"de": "wieder melden", "fr": "reprendre contact", "es": "volviera a ponerme en contacto",
              "pl": "ponowny kontakt", "zh": "起再联系", "ja": "ご連絡するようにとのこと",
              # Italian and Portuguese say "later" when the notes give no day ("più avanti", "mais adiante")
              "it": "farmi risentire a partire", "pt": "retomar o contato a partir do dia"}


@pytest.mark.parametrize("code", ASKED_BACK)
@pytest.mark.parametrize("name", ["check_in_call", "check_in_email", "recruiter_email", "offer_call"])
def test_a_dated_request_to_call_back_is_said_in_the_language_with_its_day(code, name):
    from followup_sheet.facts import Fact

    me_name, contact, _, _, _, company = PEOPLE[code]
    frame = pd.DataFrame([{"company": company, "position": "Data Analyst", "contact": contact, "hiring_manager": "",
                           "referrer": "", "referrer_dept": "", "source": "", "problem": "",
                           "applied_on": pd.Timestamp("2026-10-27"), "last_contact": pd.NaT}], index=[5])
    situation, channel = name.rsplit("_", 1)
    asked = Fact("call_back", "after Nov 23", dt.date(2026, 11, 23), "", "", "Notes, J5")
    row = {"status": Status.DUE_TODAY.value, "situation": situation, "channel": channel, "follow_ups": 1,
           "due": pd.Timestamp("2026-11-12"), "facts": [asked], "call_back": "after Nov 23"}
    settings = Settings(your_name=me_name, language=code)
    said = render_scripts(frame, pd.DataFrame([row], index=[5]), TODAY, settings)[5]
    assert ASKED_BACK[code] in said and human_date(pd.Timestamp("2026-11-23"), 2026, code) in said
    assert "Nov 23" not in said and "after" not in said                   # not the note's English words
    # no request in the notes (a dated note of my own, "follow up 23.11."): nothing said
    mine = render_scripts(frame, pd.DataFrame([{**row, "call_back": ""}], index=[5]), TODAY, settings)[5]
    assert ASKED_BACK[code] not in mine
    # a request without a day the notes state: the English words are not put into the language
    undated = render_scripts(frame, pd.DataFrame([{**row, "facts": []}], index=[5]), TODAY, settings)[5]
    assert ASKED_BACK[code] not in undated and "after Nov 23" not in undated


def test_a_request_to_call_back_read_from_the_notes_reaches_a_german_script(tmp_path):
    from conftest import write_sheets

    from followup_sheet.pipeline import compute

    headers = ("Firma", "Stelle", "Bewerbungsdatum", "Letzter Kontakt", "Status", "Ansprechpartner", "Notizen")
    rows = [("Brenner Logistik GmbH", "Disponent", dt.date(2026, 10, 20), dt.date(2026, 11, 4), "Beworben",
             "Herr Kaya", "Mr Kaya asked me to call back after Nov 16")]
    path = write_sheets(tmp_path / "liste.xlsx", headers, {"Liste": rows})
    outcomes, _, _ = compute(path, today=dt.date(2026, 11, 17), language="de")
    script = next(s for s in outcomes[0].scripts if s)
    assert "ab dem 16. November wieder melden" in script, script
    assert "bei der Brenner Logistik GmbH" in script


@pytest.mark.parametrize("cell", ["Dział Rekrutacji", "Zespół HR", "Kadry", "Biuro Karier"])
def test_a_polish_team_in_the_contact_cell_is_a_team_not_a_person(cell):
    from followup_sheet.render import person_text, team_name

    assert team_name(cell) == cell and person_text(cell) == ""


@pytest.mark.parametrize("cell, your", [("Pani Iwona Kaczmarek", "Pani"), ("Pan Olaf Zieliński", "Pana"),
                                        ("Iwona Kaczmarek", "Państwa"), ("", "Państwa")])
def test_polish_says_your_team_with_the_possessive_the_title_gives(cell, your):
    assert address(cell, "pl")["your"] == your


# An employer's request to get back in touch, written in the tracker's language (the verb before
# or after the date), reaches the script in that language with its day; a follow-up the user
# planned alone ("nachfassen ab ...") is no request and is not said.
ASKED_IN_NOTES = [
    ("de", "Herr Yilmaz bat mich, nach dem 3. Dezember noch einmal anzurufen"),
    ("de", "Personalerin meinte, ich solle mich ab 4.12. wieder melden"),
    ("fr", "La RH m'a demandé de la rappeler après le 3 décembre"),
    ("es", "La reclutadora me pidió que la llame después del 3 de diciembre"),
    ("it", "Mi ha chiesto di richiamare dopo il 3 dicembre"),
    ("pt", "A recrutadora pediu para ligar depois de 3 de dezembro"),
    ("nl", "Recruiter vroeg me om na 3 december terug te bellen"),
    ("pl", "Rekruterka poprosiła o telefon po 3 grudnia"),
    ("zh", "HR让我12月3日以后再打电话"),
    ("ja", "12月3日以降に連絡するように言われた"),
]
SAID_ASKED = {**ASKED_BACK, "nl": "Ik had begrepen dat ik"}
PLANNED_ALONE = [("de", "Ich fasse ab 4.12. nach"), ("nl", "Zelf na 3 december nog eens bellen"),
                 ("es", "Volver a llamar después del 3 de diciembre, idea mía")]


def _script_for_note(tmp_path, code: str, note: str) -> tuple[str, Any]:
    from conftest import write_sheets

    from followup_sheet.pipeline import compute

    headers = ("Company", "Position", "Applied", "Last Contact", "Status", "Contact", "Notes")
    rows = [("Vantaa Freight", "Dispatcher", dt.date(2026, 11, 2), dt.date(2026, 11, 20), "Applied",
             "Kim Lee", note)]
    path = write_sheets(tmp_path / f"tracker_{code}.xlsx", headers, {"Tracker": rows})
    outcomes, _, _ = compute(path, today=dt.date(2026, 12, 7), language=code)
    return next(s for s in outcomes[0].scripts if s), outcomes[0].plan.iloc[0]


@pytest.mark.parametrize("code, note", ASKED_IN_NOTES)
def test_a_request_to_call_back_written_in_the_trackers_language_is_said_with_its_day(tmp_path, code, note):
    from followup_sheet.language import call_back_day

    script, plan_row = _script_for_note(tmp_path, code, note)
    day = call_back_day(plan_row.to_dict())
    assert day is not None and day.month == 12 and day.day in (3, 4, 5), plan_row["facts"]
    assert SAID_ASKED[code] in script, script
    assert human_date(pd.Timestamp(day), 2026, code) in script, script


@pytest.mark.parametrize("code, note", PLANNED_ALONE)
def test_a_call_back_the_user_planned_alone_is_not_said_to_be_asked_for(tmp_path, code, note):
    script, plan_row = _script_for_note(tmp_path, code, note)
    assert SAID_ASKED[code] not in script, script
    assert not plan_row["call_back"]


@pytest.mark.parametrize("company, position, said", [
    ("Harbor Freight Labs", "Lab Technician", "Harbor Freight Labs Lab Technician职位"),   # two Latin words: a space
    ("星河物流有限公司", "Data Analyst", "星河物流有限公司Data Analyst职位"),               # Han then Latin: none
    ("Nordwind GmbH", "数据分析师", "Nordwind GmbH数据分析师职位"),
])
def test_a_chinese_script_puts_a_space_only_between_a_latin_company_and_a_latin_position(company, position, said):
    frame = pd.DataFrame([{"company": company, "position": position, "contact": "", "hiring_manager": "",
                           "referrer": "", "referrer_dept": "", "source": "", "problem": "",
                           "applied_on": pd.Timestamp("2026-11-02"), "last_contact": pd.NaT}], index=[4])
    plan = pd.DataFrame([{"status": Status.DUE_TODAY.value, "situation": "check_in", "channel": "call",
                          "follow_ups": 0, "due": pd.Timestamp("2026-11-12")}], index=[4])
    text = render_scripts(frame, plan, TODAY, Settings(language="zh"))[4]
    assert said in text, text
