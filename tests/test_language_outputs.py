"""Everything the user reads outside the scripts in the run's language (rules §8): the call sheet,
the calendar, the Markdown and .xlsx exports, the stats page, the work-search log, the Today
sheet's title, the terminal's tables and messages. A German and a Japanese run leave no English
label behind; a CSV file keeps the English column names other programs import it by; every
catalogue has every text. Right-to-left and CJK text: the Today sheet's reading order, the call
sheet's dir="auto" and its print in Chromium, the terminal table's columns by display width."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import write_sheets

from followup_sheet import catalogue, exporttext
from followup_sheet.exportfiles import export_today
from followup_sheet.pipeline import compute, refresh
from followup_sheet.settings import Settings
from followup_sheet.worklog import export_log, work_search_log
from followup_sheet.xlsx.marksheets import built_day
from followup_sheet.xlsx.values import is_tool_sheet

MONDAY = dt.date(2026, 11, 30)
SECTIONS = ("outputs", "messages", "statuses", "explain", "inbox", "watch", "problems")
LANGUAGES = catalogue.languages()

# A tracker in each language: its own headers, people and companies (one row overdue by phone,
# one by e-mail only, one with no way to reach it), so every label of the outputs shows.
TRACKERS = {
    "de": (("Firma", "Stelle", "Bewerbungsdatum", "Status", "Telefon", "E-Mail", "Ansprechpartner", "Quelle"),
           [("Brückner Maschinenbau", "Konstrukteurin", dt.date(2026, 11, 2), "Beworben", "0711 5550140", "",
             "Frau Albrecht", "StepStone"),
            ("Elbufer Reederei", "Disponent", dt.date(2026, 11, 4), "Beworben", "", "jobs@elbufer.example",
             "Herr Sommer", "Karriereseite"),
            ("Hafenblick Kliniken", "Controller", dt.date(2026, 11, 5), "Beworben", "", "", "", "Empfehlung")]),
    "ja": (("会社名", "職種", "応募日", "ステータス", "電話番号", "メール", "担当者", "応募経路"),
           [("北斗精機株式会社", "生産技術", dt.date(2026, 11, 2), "応募済み", "03-5550-0101", "", "佐藤", "リクナビ"),
            ("みなと物流", "営業事務", dt.date(2026, 11, 4), "応募済み", "", "saiyo@minato.example", "高橋", "紹介"),
            ("青葉ソフト", "エンジニア", dt.date(2026, 11, 5), "応募済み", "", "", "", "企業サイト")]),
}
ME = {"de": Settings(your_name="Lena Vogel", your_phone="0176 5550123", language="de"),
      "ja": Settings(your_name="山田花子", your_phone="090-5550-0123", language="ja")}


_QUOTED = re.compile("[\"„“«「『‘][^\"„“”«»「」『』‘’]{1,40}[\"“”»」』’]")


def english_left(text: str, code: str) -> list[str]:
    """The English labels of the catalogues found in `text`: each English text's pieces (between
    its {fields}) that the language's translation does not itself hold, as whole words."""
    book = catalogue.catalogue(code)
    text = _QUOTED.sub(" ", text)   # a value quoted as the tracker holds it ("Gone cold") is no label
    found = []
    for section in (*SECTIONS, "today", "outcomes"):
        for english, shown in book.get(section, {}).items():
            if section == "today" and len(english) >= 30:
                continue   # the notes on the mark columns, checked by test_language_sheet
            said = " ".join(shown.values()) if isinstance(shown, dict) else str(shown)
            for piece in re.split(r"\{\w+\}", english):
                piece = piece.strip(" .,:;()")
                if len(piece) >= 4 and piece not in said and \
                        re.search(rf"(?<![\w-]){re.escape(piece)}(?![\w-])", text):
                    found.append(piece)
    return found


@pytest.fixture(scope="module", params=["de", "ja"])
def run(request, tmp_path_factory):
    """A refreshed tracker in the language, the outputs written from it, and the day."""
    code = request.param
    tmp = tmp_path_factory.mktemp(code)
    headers, rows = TRACKERS[code]
    path = write_sheets(tmp / f"tracker-{code}.xlsx", headers, {"Sheet1": rows})
    refresh(path, today=MONDAY, settings=ME[code])
    outcomes, table, settings = compute(path, today=MONDAY, settings=ME[code])
    assert len(table) == 3
    table = table.assign(why="")   # the Why column's fact words are the facts' own (rules §7)
    files = {}
    for suffix in (".html", ".ics", ".md", ".csv", ".xlsx"):
        out = tmp / f"today{suffix}"
        export_today(table, out, tracker=path, outcomes=outcomes, today=MONDAY, settings=settings)
        files[suffix] = out.read_bytes()
    return code, path, table, files


def _text_of_html(data: bytes) -> str:
    body = data.decode("utf-8")
    body = re.sub(r"<style>.*?</style>", " ", body, flags=re.S)
    body = re.sub(r'<div class="script"[^>]*>.*?</div>', " ", body, flags=re.S)   # the script is the templates'
    return re.sub(r"<[^>]+>", " ", body)


def test_the_call_sheet_has_no_english_label_left(run):
    code, _, _, files = run
    text = _text_of_html(files[".html"])
    assert english_left(text, code) == []
    assert catalogue.say("today", "Ask for", code) in text and catalogue.say("outputs", "When", code) in text
    assert f'lang="{code}"' in files[".html"].decode()


def test_the_calendar_speaks_the_language_but_keeps_the_standards_names(run):
    code, _, _, files = run
    text = files[".ics"].decode("utf-8").replace("\r\n ", "")
    summaries = re.findall(r"^SUMMARY:(.*)$", text, re.M)
    described = " ".join(re.findall(r"^DESCRIPTION:(.*)$", text, re.M))
    assert summaries and english_left(" ".join(summaries) + " " + described, code) == []
    assert not any(s.startswith(("Call ", "E-mail ")) for s in summaries)
    for name in ("BEGIN:VEVENT", "DTSTART", "SEQUENCE", "X-WR-CALNAME"):   # property names stay the standard's
        assert name in text


def test_markdown_and_xlsx_exports_have_the_languages_headers(run):
    code, _, _, files = run
    md = files[".md"].decode("utf-8")
    assert english_left(md.splitlines()[0], code) == []
    ws = openpyxl.load_workbook(io.BytesIO(files[".xlsx"])).active
    headers = " | ".join(str(c.value) for c in ws[1])
    assert english_left(headers, code) == [] and ws.title == catalogue.say("outputs", "Today", code)
    statuses = {catalogue.say("statuses", s, code) for s in ("Overdue", "Due today", "Waiting")}
    assert statuses & {str(c.value) for row in ws.iter_rows(min_row=2) for c in row}


def test_a_csv_file_keeps_the_english_column_names_other_programs_read(run):
    _, _, _, files = run
    first = files[".csv"].decode("utf-8-sig").splitlines()[0]
    assert first.startswith("Sheet,Row,Company,Position,Ask for,Phone,E-mail,Status,")


def test_the_today_sheets_title_speaks_the_language_and_is_read_back(run):
    code, path, _, _ = run
    title = openpyxl.load_workbook(path)["Today"]["A1"].value
    assert catalogue.say("outputs", "today's calls", code) in title and english_left(title, code) == []
    assert built_day(title) == MONDAY
    assert is_tool_sheet([[title]])


def test_a_today_sheet_in_one_language_is_known_by_a_run_in_another(tmp_path):
    headers, rows = TRACKERS["de"]
    path = write_sheets(tmp_path / "t.xlsx", headers, {"Sheet1": rows})
    refresh(path, today=MONDAY, settings=ME["de"])
    result = refresh(path, today=MONDAY + dt.timedelta(days=1), settings=ME["de"].replace(language="fr"))
    names = openpyxl.load_workbook(path).sheetnames
    assert names.count("Today") == 1 and not result.marks.problems
    assert "appels du jour" in openpyxl.load_workbook(path)["Today"]["A1"].value


def test_the_stats_page_has_no_english_label_left(run, tmp_path):
    code, path, _, _ = run
    from followup_sheet.stats import compute_stats
    outcomes, _, settings = compute(path, today=MONDAY, settings=ME[code])
    page = exporttext.stats_html(compute_stats(outcomes, MONDAY, settings), MONDAY, "t.xlsx", code)
    text = _text_of_html(page)
    assert english_left(text, code) == []
    assert catalogue.say("outputs", "What is working", code) in text


def test_the_work_search_log_has_the_languages_headings(run, tmp_path):
    code, path, _, _ = run
    table = work_search_log(path, MONDAY - dt.timedelta(days=30), MONDAY, settings=ME[code])
    assert len(table) == 3 and table.attrs["language"] == code
    out = tmp_path / "log.xlsx"
    export_log(table, out, language=code)
    ws = openpyxl.load_workbook(out).active
    cells = " | ".join(str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str))
    cells = cells.replace(TRACKERS[code][1][0][1], "")   # the positions are the user's words
    assert english_left(cells, code) == [] and ws.title == catalogue.say("outputs", "Work search log", code)[:31]
    csv_out = tmp_path / "log.csv"
    export_log(table, csv_out, language=code)
    assert csv_out.read_text("utf-8-sig").startswith("Date,Employer,Phone or address,")


def test_the_terminal_speaks_the_language(run, cli):
    code, path, _, _ = run
    done = cli("today", path, "--today", MONDAY.isoformat(), "--language", code)
    assert done.returncode == 0, done.stderr
    table = done.stdout.split("\n---", 1)[0]          # the scripts below are the templates'
    table = re.sub(r"(?m)^\s+(\[you\]|\w+ = \".*\")$", "", table)   # followup.toml's own key names
    assert english_left(table, code) == [], table
    stats = cli("stats", path, "--today", MONDAY.isoformat())
    assert english_left(stats.stdout, code) == [], stats.stdout


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_catalogue_has_every_output_and_message_text(code):
    wanted = {section: set().union(*(catalogue.catalogue(c).get(section, {}) for c in LANGUAGES))
              for section in SECTIONS}
    for section in SECTIONS:
        book = catalogue.catalogue(code).get(section, {})
        assert wanted[section] - set(book) == set(), f"{code} [{section}] lacks {wanted[section] - set(book)}"
        for english, shown in book.items():
            fields = set(re.findall(r"\{(\w+)\}", english))
            for form in (shown.values() if isinstance(shown, dict) else [shown]):
                assert set(re.findall(r"\{(\w+)\}", form)) <= fields, (code, english, form)
                assert form.format(**{f: "X" for f in fields} | {"n": 2})   # no stray brace


def test_the_code_asks_for_no_text_the_catalogues_lack():
    """Every literal text the outputs ask the catalogue for is a key of it (a key spelled
    differently in the code would be shown in English in every language)."""
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    sources = [*(root / "followup_sheet").rglob("*.py"), *(root / "templates" / "exports").glob("*.j2")]
    asked = set()
    for path in sources:
        text = path.read_text("utf-8")
        asked |= set(re.findall(r"""\b[wm]\(\s*"([^"{}]*(?:\{\w+\}[^"{}]*)*)"\s*[,)]""", text))
        asked |= set(re.findall(r"""\b[wm]\('([^'{}]+)'\)""", text))
        asked |= set(re.findall(r"""\b[wm]\.by_day\(\s*"([^"]*)\"""", text))
        for _one, other in re.findall(r"""\b[wm]\.count\(\s*"([^"]*)",\s*"([^"]*)\"""", text):
            asked.add(other)
    book = catalogue.catalogue("de")
    known = {k for s in (*SECTIONS, "today") for k in book.get(s, {})}
    assert asked and asked - known == set(), asked - known


# --- right to left and CJK ------------------------------------------------------------------

MIXED = (("Company", "Position", "Date Applied", "Status", "Phone", "Contact"),
         [("שטראוס מערכות", "מהנדסת נתונים", dt.date(2026, 11, 2), "Applied", "+972 3 555 0101", "נועה כהן"),
          ("شركة النخيل", "محلل بيانات", dt.date(2026, 11, 3), "Applied", "+971 4 555 0102", "ليلى حداد"),
          ("北斗精機株式会社", "生産技術", dt.date(2026, 11, 4), "Applied", "+81 3 5550 0103", "佐藤"),
          ("Acme Tools", "Analyst", dt.date(2026, 11, 5), "Applied", "+1 555 0104", "Dana Reed")])


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rtl")
    path = write_sheets(tmp / "mixed.xlsx", *MIXED[:1], {"Applications": MIXED[1]})
    refresh(path, today=MONDAY, settings=Settings(your_name="Sam", your_phone="555 0100", language="en"))
    outcomes, table, settings = compute(path, today=MONDAY, settings=Settings(your_name="Sam",
                                                                             your_phone="555 0100"))
    return tmp, path, table


def test_right_to_left_cells_of_the_today_sheet_read_right_to_left(mixed):
    _, path, _ = mixed
    ws = openpyxl.load_workbook(path)["Today"]
    order = {}
    for row in ws.iter_rows(min_row=3):
        for c in row:
            if isinstance(c.value, str) and c.value in {r[0] for r in MIXED[1]}:
                order[c.value] = c.alignment.readingOrder
    assert order["שטראוס מערכות"] == 2 and order["شركة النخيل"] == 2
    assert order["北斗精機株式会社"] != 2 and order["Acme Tools"] != 2


def test_the_call_sheet_marks_user_text_dir_auto(mixed):
    _, _, table = mixed
    page = exporttext.call_sheet_html(table, MONDAY, "mixed.xlsx").decode()
    for company in ("שטראוס מערכות", "شركة النخيل", "北斗精機株式会社"):
        assert f'<h2 dir="auto">{company}</h2>' in page
    for cls in ("script", "position"):
        assert re.search(rf'class="{cls}" dir="auto"', page)
    assert re.search(r'<dd dir="auto">נועה כהן</dd>', page)


def _has_cjk_font() -> bool:
    """Whether the system has a font for Japanese (a page without one prints empty boxes)."""
    if shutil.which("fc-list") is None:
        return False
    return bool(subprocess.run(["fc-list", ":lang=ja"], capture_output=True, text=True).stdout.strip())


@pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("pdftotext") and _has_cjk_font()),
                    reason="needs chromium, pdftotext and a CJK font (fonts-wqy-microhei or fonts-noto-cjk)")
def test_chromium_prints_hebrew_arabic_and_cjk_rows_of_the_call_sheet(mixed):
    tmp, _, table = mixed
    html = tmp / "sheet.html"
    html.write_bytes(exporttext.call_sheet_html(table, MONDAY, "mixed.xlsx", "ja"))
    pdf = tmp / "sheet.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.as_uri()], capture_output=True, timeout=120, check=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for company in ("北斗精機株式会社", "Acme Tools"):
        assert "".join(company.split()) in flat, text[:2000]
    # pdftotext gives right-to-left words in their logical order, a line's words in visual order
    for word in ("שטראוס", "מערכות", "النخيل", "شركة"):
        assert word in text, text[:2000]
    heading = catalogue.say("outputs", "Calls for {day}", "ja").replace("{day}", "")
    assert heading and heading in text


def test_the_terminal_table_lines_up_wide_characters(mixed, cli):
    _, path, _ = mixed
    done = cli("today", path, "--today", MONDAY.isoformat(), "--language", "ja")
    assert done.returncode == 0, done.stderr
    from followup_sheet.cli import _width
    lines = [ln for ln in done.stdout.split("\n---", 1)[0].splitlines() if ln.startswith("  ")]
    header, *rows = lines
    # each column starts at the same display column in every line: find the status column
    starts = []
    for line in [header, *rows]:
        cells = re.split(r"(?<=\S)\s{2,}(?=\S)", line.strip())
        pos, at = 2, []
        rest = line[2:]
        for cell in cells:
            skip = len(rest) - len(rest.lstrip(" "))
            pos += skip
            rest = rest[skip:]
            at.append(pos)
            pos += _width(cell)
            rest = rest[len(cell):]
        starts.append(at)
    assert any(_width(c) != len(c) for line in rows for c in line), "no wide characters in the table"
    full = [s for s in starts if len(s) == len(starts[0])]
    assert len(full) >= 3 and all(s == full[0] for s in full), starts


@pytest.mark.parametrize("code", ["en", *LANGUAGES])
def test_the_live_notice_keeps_each_text_constant_within_excels_limit(code):
    from followup_sheet.xlsx.live import stale_notice
    from followup_sheet.xlsx.todaysheet import INSTRUCTIONS
    then = catalogue.say("today", INSTRUCTIONS, code)
    formula, cached = stale_notice(MONDAY, then=then, language=code)
    constants = re.findall(r'"((?:[^"]|"")*)"', formula)
    assert constants and all(len(c.replace('""', '"')) <= 255 for c in constants), [len(c) for c in constants]
    shown = "".join(c.replace('""', '"') for c in constants)
    assert shown.endswith(then + then) and cached == then        # the pieces join back to the whole text
    if code != "en":
        assert "Built on" not in shown


@pytest.mark.parametrize("code", ["de", "ja"])
def test_a_refresh_says_what_it_did_in_the_language(code, tmp_path, cli):
    headers, rows = TRACKERS[code]
    path = write_sheets(tmp_path / f"{code}.xlsx", headers, {"Sheet1": rows})
    (tmp_path / "followup.toml").write_text(f'[you]\nname = "A B"\nphone = "555 0100"\nlanguage = "{code}"\n')
    trial = cli("refresh", path, "--today", MONDAY.isoformat(), "--dry-run")
    first = cli("refresh", path, "--today", MONDAY.isoformat())
    again = cli("refresh", path, "--today", MONDAY.isoformat())
    assert first.returncode == 0 and again.returncode == 0, first.stderr + again.stderr
    dry = catalogue.catalogue(code)["messages"]["Dry run: {n} cell(s) of {path} would change; nothing written."]
    start = str(dry["other"] if isinstance(dry, dict) else dry).split("{")[0].strip()
    assert start and start in trial.stdout, trial.stdout
    trial_head = trial.stdout.split("\n  ", 1)[0]         # the cells that would change are the tracker's
    for done in (first, again, trial_head):
        done = done if isinstance(done, str) else done.stdout
        said = done.split("\n---", 1)[0]
        assert english_left(said, code) == [], said
    assert catalogue.say("statuses", "Overdue", code) in first.stdout
    assert catalogue.say("messages", "{path} is already up to date.", code).format(path=path) in again.stdout


def test_the_today_sheets_status_words_are_the_languages_in_the_same_colours(tmp_path):
    headers, rows = TRACKERS["de"]
    fills = {}
    for code in ("en", "de"):
        path = write_sheets(tmp_path / f"{code}.xlsx", headers, {"Sheet1": rows})
        refresh(path, today=MONDAY, settings=ME["de"].replace(language=code))
        ws = openpyxl.load_workbook(path)["Today"]
        col = next(c.column for c in ws[2] if c.value == "Status")
        fills[code] = [(ws.cell(r, col).value, ws.cell(r, col).fill.fgColor.rgb) for r in range(3, 6)]
        tracker = openpyxl.load_workbook(path, data_only=True)["Sheet1"]
        status_col = next(c.column for c in tracker[1] if c.value == "Follow-up Status")
        assert {tracker.cell(r, status_col).value for r in range(2, 5)} == {"Overdue"}   # the tracker keeps English
    assert [v for v, _ in fills["en"]] == ["Overdue"] * 3 and [v for v, _ in fills["de"]] == ["Überfällig"] * 3
    assert [f for _, f in fills["en"]] == [f for _, f in fills["de"]] and fills["en"][0][1] not in (None, "00000000")


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize("kind", ["xls", "password", "missing"])
def test_an_error_before_reading_speaks_the_language_the_settings_name(kind, tmp_path, cli):
    path = tmp_path / ("alt.xls" if kind == "xls" else "geheim.xlsx")
    if kind == "xls":
        path.write_bytes(OLE2 + b"\0" * 600)
    elif kind == "password":
        path.write_bytes(OLE2 + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600)
    english = cli("refresh", path)
    assert english.returncode == 1 and str(path) in english.stderr
    assert english_left(english.stderr, "de") or "no such file" in english.stderr   # no setting: English
    (tmp_path / "followup.toml").write_text('[you]\nlanguage = "de"\n')
    german = cli("refresh", path)
    assert german.returncode == 1 and str(path) in german.stderr, german.stderr
    assert english_left(german.stderr, "de") == [] and "no such file" not in german.stderr, german.stderr
    words = {"xls": ".xlsx", "password": "Kennwort", "missing": "nicht gefunden"}
    assert words[kind] in german.stderr
    flagged = cli("refresh", path, "--language", "ja")
    assert str(path) in flagged.stderr and re.search("[\u3040-\u30ff]", flagged.stderr), flagged.stderr


@pytest.mark.parametrize("command, english, language, said", [
    ("stats", "Applications sent", "de", "Bewerbungen verschickt"),
    ("log", "Work-search log", "fr", "Relevé des démarches"),
])
def test_stats_and_log_follow_the_language_option(tmp_path, command, english, language, said):
    from conftest import run_cli

    tracker = tmp_path / "sample_tracker.xlsx"
    shutil.copyfile(Path(__file__).resolve().parent.parent / "sample_tracker.xlsx", tracker)
    plain = run_cli(command, tracker, "--today", "2026-12-04")
    chosen = run_cli(command, tracker, "--today", "2026-12-04", "--language", language)
    assert plain.returncode == 0 and chosen.returncode == 0, chosen.stderr
    assert english in plain.stdout and english not in chosen.stdout, chosen.stdout
    assert said in chosen.stdout, chosen.stdout
