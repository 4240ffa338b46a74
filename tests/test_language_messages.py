"""The messages of `explain`, `inbox` and `watch`, the row problems written into the tracker and
the settings file's errors in the run's language (rules §11): a German and a Japanese run leave no
English sentence; a row whose date cannot be read is described in the tracker's own language; a
settings-file error in a German run is German and still names the file, the line and the fix."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest
from conftest import write_sheets
from inbox_mail import message, write_mbox
from test_language_outputs import english_left

from followup_sheet import catalogue
from followup_sheet.pipeline import refresh
from followup_sheet.settings import Settings

MONDAY = dt.date(2026, 11, 30)

# Trackers of my own in each language: a row overdue by phone, one by e-mail, one whose date
# cannot be read (row 4), and one from a company the mail below writes about.
TRACKERS = {
    "de": (("Firma", "Stelle", "Bewerbungsdatum", "Status", "Telefon", "E-Mail", "Ansprechpartner"),
           [("Lindenhof Feinkost", "Einkäuferin", dt.date(2026, 11, 3), "Beworben", "089 5550177", "",
             "Frau Keller"),
            ("Sanitätshaus Weber", "Disponentin", dt.date(2026, 11, 5), "Beworben", "", "bewerbung@weber.example",
             ""),
            ("Kranzberg Logistik", "Teamleitung Lager", "31.02.2026", "Beworben", "0421 5550190", "", ""),
            ("Ostwind Solar", "Projektassistenz", dt.date(2026, 11, 9), "Beworben", "", "jobs@ostwind-solar.example",
             "")]),
    "ja": (("会社名", "職種", "応募日", "ステータス", "電話番号", "メール", "担当者"),
           [("さくら製菓株式会社", "購買", dt.date(2026, 11, 3), "応募済み", "03-5550-0177", "", "鈴木"),
            ("東雲ロジスティクス", "配車担当", dt.date(2026, 11, 5), "応募済み", "", "saiyo@shinonome.example", ""),
            ("青海メディカル", "総務", "来週あたり?", "応募済み", "06-5550-0190", "", ""),
            ("Ostwind Solar", "営業アシスタント", dt.date(2026, 11, 9), "応募済み", "", "jobs@ostwind-solar.example",
             "")]),
}
ME = '[you]\nname = "Kim Adler"\nphone = "0151 5550123"\n'


def _tracker(code: str, folder, language: bool = True):
    headers, rows = TRACKERS[code]
    path = write_sheets(folder / f"bewerbungen-{code}.xlsx", headers, {"Sheet1": rows})
    (folder / "followup.toml").write_text(ME + (f'language = "{code}"\n' if language else ""), "utf-8")
    return path


def _left(text: str, code: str) -> list[str]:
    """English labels left in `text`; followup.toml's own names ("[you] phone", "[inbox]") stay as they are."""
    return english_left(re.sub(r"\[\w+\]( \w+)?", "", text), code)


@pytest.mark.parametrize("code", ["de", "ja"])
def test_explain_says_its_lines_and_the_sources_in_the_language(code, tmp_path, cli):
    path = _tracker(code, tmp_path)
    done = cli("explain", path, "2", "--today", MONDAY.isoformat())
    assert done.returncode == 0, done.stderr
    notes = [line for line in done.stdout.splitlines() if line.startswith("      ")]   # sources, warnings
    lines = [line for line in done.stdout.splitlines() if not line.startswith("  ") or line in notes]
    said = "\n".join(lines)             # the script's own sentences are the templates'
    assert notes and _left(said, code) == [], said
    book = catalogue.catalogue(code)
    assert book["statuses"]["Overdue"] in done.stdout
    assert "next follow-up" not in done.stdout and "by phone" not in done.stdout
    assert any(line.lstrip().startswith("←") for line in notes), done.stdout   # sentences with their sources
    if code == "de":                    # a source named in the language
        assert f"← {book['explain']['company']} ← Firma, A2" in done.stdout, done.stdout


@pytest.mark.parametrize("code", ["de", "ja"])
def test_explain_of_a_row_that_is_no_application_says_why_in_the_language(code, tmp_path, cli):
    path = _tracker(code, tmp_path)
    done = cli("explain", path, "1", "--today", MONDAY.isoformat())
    assert done.returncode == 2
    assert "header row" not in done.stderr and _left(done.stderr, code) == [], done.stderr
    assert "Sheet1" in done.stderr


def _mail(code: str):
    """A rejection from a company of the tracker and a confirmation from one it lacks."""
    rejection = message("Ostwind Solar Personal <personal@ostwind-solar.example>", "Your application",
                        "Dear applicant, after careful review we have decided to move forward with other "
                        "candidates for the role. Best of luck.", day=dt.date(2026, 11, 20))
    unknown = message("Karriere <no-reply@jobs.nordlicht-werke.example>", "Application received",
                      "Thank you for applying to Nordlicht Werke. We have received your application and will "
                      "review it.", day=dt.date(2026, 11, 21))
    return [rejection, unknown]


@pytest.mark.parametrize("code", ["de", "ja"])
def test_inbox_reports_in_the_language(code, tmp_path, cli):
    path = _tracker(code, tmp_path)
    box = write_mbox(tmp_path / "post.mbox", _mail(code))
    done = cli("inbox", path, "--mbox", box, "--today", MONDAY.isoformat())
    assert done.returncode == 0, done.stderr
    report = re.sub(r"'[^'\n]*'", "''", done.stdout)         # the subjects and cells as the mail and sheet hold them
    assert _left(report, code) == [], done.stdout
    book = catalogue.catalogue(code)["inbox"]
    assert book["Proposed changes ({n}):"].split("{")[0] in done.stdout
    assert book["rejection"] in done.stdout
    assert "Summary:" not in done.stdout and "Nothing written" not in done.stdout


@pytest.mark.parametrize("code", ["de", "ja"])
def test_watch_once_logs_in_the_language(code, tmp_path, cli):
    path = _tracker(code, tmp_path, language=False)          # the tracker's own language, found by its headers
    done = cli("watch", path, "--once", "--today", MONDAY.isoformat())
    assert done.returncode == 0, done.stderr
    events = re.sub(r"^\S+ \S+ ", "", done.stderr, flags=re.M)  # the timestamps
    assert events.strip() and _left(events, code) == [], done.stderr
    assert "refreshed" not in events and "call(s)" not in events
    assert catalogue.catalogue(code)["watch"]["once"] in events


@pytest.mark.parametrize("code", ["de", "ja"])
def test_a_row_problem_is_written_in_the_trackers_language(code, tmp_path):
    path = _tracker(code, tmp_path, language=False)
    result = refresh(path, today=MONDAY, settings=Settings(your_name="Kim Adler", your_phone="0151 5550123"))
    assert result.language == code
    ws = openpyxl.load_workbook(path)["Sheet1"]
    script = next(c.column for c in ws[1] if c.value == "Follow-up Script")
    status = next(c.column for c in ws[1] if c.value == "Follow-up Status")
    assert ws.cell(4, status).value == "Check data"                    # the status stays English (§11)
    said = str(ws.cell(4, script).value)
    problems = catalogue.catalogue(code)["problems"]
    assert said.startswith(problems["Row {row}: {header} ({cell}) is {value}; {problem}"].split("{row}")[0]), said
    assert problems["not a date this tool can read; type a date like 2026-03-10"] in said
    assert "C4" in said and _left(said, code) == [], said


def test_a_row_problem_keeps_english_in_an_english_run(tmp_path):
    headers, rows = TRACKERS["de"]
    path = write_sheets(tmp_path / "t.xlsx", ("Company", "Position", "Date Applied", "Stage", "Phone", "Email",
                                               "Contact"), {"Sheet1": rows})
    refresh(path, today=MONDAY, settings=Settings(your_name="Kim Adler", your_phone="0151 5550123"))
    ws = openpyxl.load_workbook(path)["Sheet1"]
    script = next(c.column for c in ws[1] if c.value == "Follow-up Script")
    assert ws.cell(4, script).value.startswith("Row 4: 'Date Applied' (C4) is '31.02.2026'; ")


@pytest.mark.parametrize("settings_text, german", [
    ('[you]\nlanguage = "de"\n[cadence]\nfirst_gap = "drei"\n', "muss eine ganze Zahl sein"),
    ('[you]\nlanguage = "de"\ncolour = "blau"\n', "kennt keine Einstellung"),
    ('[you]\nlanguage = "de"\n[cadence\nfirst_gap = 3\n', "kein gültiges TOML"),
])
def test_a_settings_file_error_in_a_german_run_is_german(settings_text, german, tmp_path, cli):
    path = _tracker("de", tmp_path)
    (tmp_path / "followup.toml").write_text(settings_text, "utf-8")
    done = cli("refresh", path, "--today", MONDAY.isoformat())
    assert done.returncode == 1
    assert german in done.stderr and str(tmp_path / "followup.toml") in done.stderr, done.stderr
    assert "Zeile" in done.stderr or "TOML" in done.stderr               # where in the file
    own = re.sub(r"möglich sind: .*|\(Expected [^)]*\)", "", done.stderr)   # setting names; the TOML parser's words
    assert _left(own, "de") == [], done.stderr
    english = cli("refresh", path, "--today", MONDAY.isoformat(), "--language", "en")
    assert german not in english.stderr and english.returncode == 1


def test_a_settings_error_follows_the_language_option(tmp_path, cli):
    path = _tracker("de", tmp_path)
    (tmp_path / "followup.toml").write_text('[cadence]\nmax_follow_ups = 0\n', "utf-8")
    done = cli("refresh", path, "--today", MONDAY.isoformat(), "--language", "ja")
    assert done.returncode == 1 and "max_follow_ups" in done.stderr
    assert re.search("[\u3040-\u30ff]", done.stderr) and "must be between" not in done.stderr, done.stderr
    plain = cli("refresh", path, "--today", MONDAY.isoformat())
    assert "must be between" in plain.stderr       # no language named anywhere: English (§11)


@pytest.mark.parametrize("code, said", [("de", "ist ein Ordner"), ("ja", "はフォルダーです")])
def test_a_mailbox_that_cannot_be_read_is_said_in_the_trackers_language(code, said, tmp_path, cli):
    path = _tracker(code, tmp_path, language=False)      # the language is the tracker's own, found on reading
    (tmp_path / "post").mkdir()
    done = cli("inbox", path, "--mbox", tmp_path / "post", "--today", MONDAY.isoformat())
    assert done.returncode == 1 and said in done.stderr and str(tmp_path / "post") in done.stderr, done.stderr
    assert "--maildir" in done.stderr and _left(done.stderr, code) == [], done.stderr


def test_watch_asked_for_a_mailbox_it_lacks_says_so_in_the_language_of_the_settings(tmp_path, cli):
    path = _tracker("de", tmp_path)                   # followup.toml says language = "de", and has no [inbox]
    done = cli("watch", path, "--once", "--inbox", "--today", MONDAY.isoformat())
    assert done.returncode == 1 and "braucht ein Postfach" in done.stderr, done.stderr
    assert "followup.toml" in done.stderr and _left(done.stderr, "de") == [], done.stderr


# --- the inbox summary's word order: each language places the source and the day itself ---------

SUMMARY = (("Company", "Position", "Date Applied", "Status", "Email"),
           [("Haneul Bakery", "Store manager", dt.date(2026, 11, 11), "Applied", "hr@haneul.example"),
            ("Ostwind Solar", "Sales assistant", dt.date(2026, 11, 17), "Applied", "jobs@ostwind-solar.example")])


def _summary(code: str, first_day: dt.date, folder, cli) -> str:
    """The first line `inbox` prints in `code` for a tracker whose oldest open application is `first_day`."""
    headers, rows = SUMMARY
    path = write_sheets(folder / f"summary-{code}.xlsx", headers, {"Sheet1": [(rows[0][0], rows[0][1], first_day,
                                                                              *rows[0][3:]), rows[1]]})
    box = write_mbox(folder / "post.mbox", _mail(code))
    done = cli("inbox", path, "--mbox", box, "--today", MONDAY.isoformat(), "--language", code)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[0]


@pytest.mark.parametrize("code, after_source", [("ja", "から"), ("ko", "에서")])
def test_the_inbox_summary_puts_the_source_before_its_particle_and_the_day_after_it(code, after_source,
                                                                                    tmp_path, cli):
    first = _summary(code, dt.date(2026, 11, 4), tmp_path, cli)
    source, day = first.index("mbox"), first.index("2026")      # the mbox named, then the oldest open day
    particle = first.index(after_source, source)
    assert source < particle < day, first
    assert first.rstrip("。.").endswith(("読みました", "읽었습니다")), first


@pytest.mark.parametrize("day, since", [(8, "dall'8 novembre"), (11, "dall'11 novembre"), (9, "dal 9 novembre"),
                                        (1, "dal 1 novembre")])
def test_the_italian_inbox_summary_elides_the_article_before_eight_and_eleven(day, since, tmp_path, cli):
    first = _summary("it", dt.date(2026, 11, day), tmp_path, cli)
    assert since in first, first
    assert ("dal 8" not in first and "dal 11" not in first), first


def test_an_english_inbox_summary_reads_as_before(tmp_path, cli):
    first = _summary("en", dt.date(2026, 11, 8), tmp_path, cli)
    assert re.fullmatch(r"Read 2 message\(s\) from mbox \S+ since 2026-11-08 \(the oldest open application\)\.",
                        first), first


def test_a_day_dependent_text_takes_the_languages_ordinal_form():
    said = catalogue.Words("it", "inbox").by_day
    text = "since {day} (the oldest open application)"
    assert said(text, 8, day="8 marzo").startswith("dall'8 marzo")
    assert said(text, 18, day="18 marzo").startswith("dal 18 marzo")
    assert catalogue.Words("de", "inbox").by_day(text, 8, day="8. März").startswith("seit dem 8. März")
    english = catalogue.Words("en", "inbox").by_day(text, 8, day="2026-03-08")
    assert english == "since 2026-03-08 (the oldest open application)"


def _colons(text: str) -> int:
    """The colons of a catalogue text outside its brackets and fields (a "(例：…)" is no clause
    end, "{doc}" is filled in later)."""
    text = re.sub(r"\{[^}]*\}|\([^)]*\)|（[^）]*）", "", text)
    return text.count(":") + text.count("：")


def _entries():
    for code in catalogue.languages():
        for section, entries in catalogue.catalogue(code).items():
            if not isinstance(entries, dict):
                continue
            for english, shown in entries.items():
                for form in (shown.values() if isinstance(shown, dict) else (shown,)):
                    if isinstance(form, str):
                        yield code, section, english, form


def test_no_catalogue_line_says_a_colon_more_than_once_where_english_says_it_once():
    """A list or a count after a label takes one colon ("[inbox] sets {names}: give …" read
    "indique {names} : n'en indiquez qu'une : la boîte …" in French, and "messages lus : 3" after
    "boîte de réception … :"); a second one is the fault, in any catalogue."""
    faults = [f"{code} [{section}] {english!r} -> {shown!r}" for code, section, english, shown in _entries()
              if _colons(shown) > max(1, _colons(english))]
    assert faults == []


def test_no_translated_label_ends_in_a_colon_the_code_adds_again():
    faults = [f"{code} [{section}] {english!r} -> {shown!r}" for code, section, english, shown in _entries()
              if re.search(r"[:：]\s*$", shown) and not english.rstrip().endswith(":")]
    assert faults == []


@pytest.mark.parametrize("code", ["de", "fr", "ja", "ko"])
@pytest.mark.parametrize("option, value", [("--poll", "0"), ("--poll", "soon"), ("--at", "25:70")])
def test_a_watch_option_that_cannot_be_read_is_said_in_the_language_of_the_settings(code, option, value,
                                                                                    tmp_path, cli):
    """`--poll` and `--at` are read before the tracker: their mistakes follow --language, else the
    settings file's [you] language; still a usage error (exit 2) that names the option."""
    path = write_sheets(tmp_path / "jobs.xlsx", *TRACKERS["de"][:1], {"Sheet1": TRACKERS["de"][1]})
    (tmp_path / "followup.toml").write_text(f'[you]\nlanguage = "{code}"\n', "utf-8")
    done = cli("watch", path, option, value, "--once")
    assert done.returncode == 2 and option in done.stderr and repr(value) in done.stderr, done.stderr
    key = next(k for k in catalogue.catalogue(code)["messages"] if k.startswith(f"argument {option}:"))
    assert catalogue.catalogue(code)["messages"][key].split("{")[0] in done.stderr, done.stderr
    assert "is not a" not in done.stderr
    (tmp_path / "followup.toml").unlink()
    said = cli("--language", code, "watch", path, option, value, "--once")
    assert said.returncode == 2 and said.stderr == done.stderr


def test_a_watch_option_that_cannot_be_read_stays_english_without_a_language(tmp_path, cli):
    path = write_sheets(tmp_path / "jobs.xlsx", *TRACKERS["de"][:1], {"Sheet1": TRACKERS["de"][1]})
    done = cli("watch", path, "--at", "7h30", "--once")
    assert done.returncode == 2 and "'7h30' is not a time like 07:30" in done.stderr, done.stderr


@pytest.mark.parametrize("code", ["de", "ja", "pl"])
def test_watch_speaks_the_trackers_language_from_its_first_line_when_only_its_headers_say_it(code, tmp_path):
    """The first line ("watching …") is said before any refresh: a tracker whose language only its
    headers give is looked at for it, as the refresh would."""
    from followup_sheet.watch import Watcher
    headers, rows = TRACKERS.get(code, TRACKERS["de"])
    if code == "pl":
        headers = ("Firma", "Stanowisko", "Data aplikacji", "Status", "Telefon", "E-mail", "Osoba kontaktowa")
        rows = [("Piekarnia Zdrój", "Kierownik zmiany", dt.date(2026, 11, 3), "Wysłano CV", "22 555 01 77", "", "")]
    path = write_sheets(tmp_path / "tracker.xlsx", headers, {"Sheet1": rows})
    watcher = Watcher(path, clock=lambda: dt.datetime(2026, 11, 30, 9, 0))
    assert watcher.language == code
    english = Watcher(write_sheets(tmp_path / "en.xlsx", ("Company", "Position", "Date Applied", "Status"),
                                   {"Sheet1": [("Acme", "Clerk", dt.date(2026, 11, 3), "Applied")]}),
                      clock=lambda: dt.datetime(2026, 11, 30, 9, 0))
    assert english.language == "en"
