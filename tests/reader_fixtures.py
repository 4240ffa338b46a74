"""Workbooks for the reader that generalises (rules §1): one builder per kind of tracker the
reader must understand without a new alias, in many languages. Each builder writes a workbook
with openpyxl into the folder it is given and returns its path. Run `python
tests/reader_fixtures.py OUTDIR` to look at them.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.dimensions import ColumnDimension


def _sheet(ws, header: list[str], rows: list[list[Any]], date_format: str = "mm/dd/yyyy") -> None:
    ws.append(header)
    for row in rows:
        ws.append(row)
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, (dt.date, dt.datetime)):
                cell.number_format = date_format


def _book(path: Path, sheets: dict[str, tuple[list[str], list[list[Any]]]], date_format: str = "mm/dd/yyyy",
          active: int = 0) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, (header, rows) in sheets.items():
        _sheet(wb.create_sheet(name), header, rows, date_format)
    wb.active = active
    wb.save(path)
    return path


def D(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d)


# 1. an exact header beats density ------------------------------------------------------------

def sparse_exact_header(folder: Path) -> Path:
    """'Application date' with one date; the other rows say 'not yet' or nothing; a Turkish sheet
    likewise under 'Başvuru Tarihi' would be read the same way."""
    return _book(folder / "sparse_exact.xlsx", {"Search": (
        ["Employer", "Job Title", "Application date", "Status", "Notes"],
        [["Larkspur Analytics", "Data Clerk", D(2026, 11, 16), "Sent", "portal"],
         ["Brightwater Farms", "Logistics Aide", "not yet", "", "draft the letter"],
         ["Quenby Tools", "Buyer", None, "", "ask Sam first"],
         ["Oster & Vale", "Archivist", "not yet", "", "needs portfolio"]])})


def sparse_turkish_header(folder: Path) -> Path:
    return _book(folder / "sparse_turkish.xlsx", {"Başvurular": (
        ["Şirket Adı", "Pozisyon", "Başvuru Tarihi", "Durum"],
        [["Marmara Lojistik", "Depo Sorumlusu", D(2026, 11, 18), "Gönderildi"],
         ["Ege Yazılım", "Test Uzmanı", "henüz değil", "Hazırlanıyor"],
         ["Karadeniz Enerji", "Planlamacı", None, "Taslak"]])})


def generic_date_mostly_words(folder: Path) -> Path:
    """A generic 'Tarih' (Turkish 'date') of words with one date: not the date applied."""
    return _book(folder / "generic_words.xlsx", {"Liste": (
        ["Şirket", "Pozisyon", "Tarih", "Durum"],
        [["Marmara Lojistik", "Depo Sorumlusu", "yakında", "Gönderildi"],
         ["Ege Yazılım", "Test Uzmanı", "belki", "Gönderildi"],
         ["Karadeniz Enerji", "Planlamacı", D(2026, 11, 2), "Gönderildi"]])})


# 2. CJK headers by containment; postings never beat the log ---------------------------------

def cjk_postings_and_log(folder: Path) -> Path:
    postings = [[f"株式会社サンプル{i}", f"職種{i}", D(2026, 10, 1 + i % 28), f"https://jobs.example.jp/{i}"]
                for i in range(40)]
    log = [["東和精機株式会社", "生産管理", D(2026, 11, 9), "書類選考中"],
           ["みなと物流", "倉庫スタッフ", D(2026, 11, 12), "応募済み"],
           ["青葉商事", "営業事務", D(2026, 11, 20), "面接予定"]]
    return _book(folder / "cjk_postings.xlsx", {
        "求人一覧": (["募集企業名", "募集職種", "掲載日", "リンク"], postings),
        "応募記録": (["応募先企業", "希望職種", "応募した日付", "選考ステータス"], log)}, date_format="yyyy/mm/dd")


def exact_postings_beside_weak_log(folder: Path) -> Path:
    """Postings under exact Chinese headers (公司名称, 职位名称) and many rows; the log beside them
    under headers only their words name: the log is still the tracker."""
    postings = [[f"示例公司{i}", f"岗位{i}", D(2026, 10, 1 + i % 28)] for i in range(60)]
    log = [["远景能源", "运维工程师", D(2026, 11, 2), "已投递"],
           ["北辰物流", "仓储主管", D(2026, 11, 6), "面试"]]
    return _book(folder / "postings_exact.xlsx", {
        "岗位信息": (["公司名称", "职位名称", "发布日期"], postings),
        "我的投递": (["目标企业", "应聘岗位", "投递日", "当前进度"], log)}, date_format="yyyy-mm-dd")


def korean_and_chinese(folder: Path) -> Path:
    return _book(folder / "korean.xlsx", {"지원 현황": (
        ["회사명", "지원 직무", "지원일", "상태", "면접 날짜"],
        [["한빛전자", "품질관리", D(2026, 11, 4), "서류 검토", None],
         ["바다식품", "구매담당", D(2026, 11, 10), "면접", D(2026, 12, 2)]])}, date_format="yyyy-mm-dd")


def chinese_recruiter_names(folder: Path) -> Path:
    return _book(folder / "chinese.xlsx", {"求职记录": (
        ["招聘单位名称", "应聘岗位", "投递时间", "进度"],
        [["华信科技有限公司", "数据分析", D(2026, 11, 3), "已投递"],
         ["东方航运", "调度员", D(2026, 11, 11), "面试"]])}, date_format="yyyy-mm-dd")


# 3. typos and the columns of tools people export from -----------------------------------------

def typos_indonesian(folder: Path) -> Path:
    return _book(folder / "typos.xlsx", {"Lamaran": (
        ["Perusahan", "Positon Applied", "Tanggal Melamar", "Statsu"],
        [["PT Sinar Mas Agro", "Analis Gudang", D(2026, 11, 2), "Terkirim"],
         ["CV Maju Jaya", "Staf Admin", D(2026, 11, 9), "Interview"]])})


def crm_export(folder: Path) -> Path:
    """A CRM deal export: the account is the company; the close date is no date applied."""
    return _book(folder / "crm.xlsx", {"Deals": (
        ["Account Name", "Deal Name", "Deal Stage", "Create Date", "Close Date"],
        [["Halvard Freight", "Dispatcher role", "Applied", D(2026, 11, 3), D(2027, 1, 15)],
         ["Pinecrest Health", "Scheduler role", "Interview", D(2026, 11, 6), D(2027, 2, 1)]])})


def board_export(folder: Path) -> Path:
    """A job board's export of applications (LinkedIn's own column names)."""
    return _book(folder / "board.xlsx", {"Applications": (
        ["Application Date", "Company Name", "Job Title", "Job Url", "Contact Email"],
        [[D(2026, 11, 10), "Norrland Timber", "Forestry Planner", "https://example.com/j/1", "hr@norrland.example"],
         [D(2026, 11, 13), "Kestrel Audio", "Support Engineer", "https://example.com/j/2", ""]])})


# 4. a header that names the sheet, not the column ---------------------------------------------

def sheet_name_header(folder: Path) -> Path:
    """Vietnamese: the first header names the log ('job-search diary'); its cells are companies."""
    return _book(folder / "sheet_header.xlsx", {"Nhật ký": (
        ["Nhật ký tìm việc", "Vị trí", "Ngày nộp hồ sơ", "Trạng thái", "Đường dẫn"],
        [["Công ty Sông Hồng", "Kế toán", D(2026, 11, 2), "Đã nộp", "https://example.vn/1"],
         ["Minh Long Logistics", "Điều phối", D(2026, 11, 5), "Phỏng vấn", "https://example.vn/2"],
         ["Hoa Sen Group", "Nhân viên kho", D(2026, 11, 9), "Đã nộp", "https://example.vn/3"],
         ["Tân Cảng Sài Gòn", "Thư ký", D(2026, 11, 12), "Đã nộp", "https://example.vn/4"]])})


# 5. dates typed as numbers ---------------------------------------------------------------------

def digit_dates(folder: Path) -> Path:
    """Hebrew headers; dates typed as digits: month-first, year-first, day-first only."""
    return _book(folder / "digits.xlsx", {"מועמדויות": (
        ["חברה", "תפקיד", "תאריך הגשה", "סטטוס"],
        [["Galil Systems", "QA", 8212019, "sent"],
         ["Negev Water", "Planner", "08222019", "sent"],
         ["Carmel Foods", "Buyer", 20240315, "sent"],
         ["Arava Labs", "Technician", 23082019, "sent"],
         ["Kinneret Bank", "Teller", D(2019, 8, 1), "sent"]])})


# 6. day/month order from evidence -------------------------------------------------------------

def one_text_date_among_real(folder: Path, date_format: str = "mm/dd/yyyy") -> Path:
    """Real month-first dates and two typed ones: '28/10/2026' (a slip) and '11/6/2026'."""
    return _book(folder / "order.xlsx", {"Applications": (
        ["Company", "Role", "Date Applied", "Status"],
        [["Ashgrove Mills", "Clerk", D(2026, 11, 2), "Applied"],
         ["Brackley Print", "Estimator", D(2026, 10, 20), "Applied"],
         ["Corwen Dairy", "Driver", D(2026, 11, 3), "Applied"],
         ["Dunmore Glass", "Cutter", "28/10/2026", "Applied"],
         ["Elstow Foods", "Packer", "11/6/2026", "Applied"]])}, date_format=date_format)


def formatted_day_first(folder: Path) -> Path:
    """Real dates formatted dd/mm/yyyy and two typed ones, one of them fitting month-first only:
    the format says day-first, so '4/11/2026' is 4 November."""
    return _book(folder / "formatted_dmy.xlsx", {"Jobs": (
        ["Company", "Role", "Date Applied", "Status"],
        [["Ashgrove Mills", "Clerk", D(2026, 11, 2), "Applied"],
         ["Brackley Print", "Estimator", D(2026, 10, 20), "Applied"],
         ["Corwen Dairy", "Driver", D(2026, 11, 3), "Applied"],
         ["Dunmore Glass", "Cutter", "10/28/2026", "Applied"],
         ["Elstow Foods", "Packer", "4/11/2026", "Applied"]])}, date_format="dd/mm/yyyy")


# 7. dates that mean something else -------------------------------------------------------------

def meaning_of_dates(folder: Path) -> Path:
    """Swedish/English: an interview day, a planned follow-up, the date applied."""
    return _book(folder / "meaning.xlsx", {"Ansökningar": (
        ["Företag", "Tjänst", "Ansökningsdatum", "Intervjudatum", "FollowUp"],
        [["Vattenfall Nord", "Elektriker", D(2026, 11, 2), D(2026, 12, 3), D(2026, 12, 10)],
         ["Skogsbolaget", "Planerare", D(2026, 11, 9), None, D(2026, 11, 30)]])})


def arabic_meaning(folder: Path) -> Path:
    return _book(folder / "arabic.xlsx", {"الطلبات": (
        ["الشركة", "المسمى الوظيفي", "تاريخ التقديم", "موعد المقابلة", "تاريخ المتابعة القادمة"],
        [["Nile Textiles", "Accountant", D(2026, 11, 1), D(2026, 12, 1), D(2026, 12, 8)],
         ["Delta Ports", "Clerk", D(2026, 11, 5), None, D(2026, 12, 2)]])})


# 8. hidden columns beside the table -----------------------------------------------------------

def hidden_beside(folder: Path) -> Path:
    path = folder / "hidden.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tracker"
    _sheet(ws, ["Company", "Position", "Date Applied", "Status"],
           [["Fenwick Bakery", "Baker", D(2026, 11, 2), "Applied"],
            ["Garnet Mining", "Surveyor", D(2026, 11, 16), "Applied"]])
    dim = ColumnDimension(ws, index="E", hidden=True)
    dim.min, dim.max = 5, 16384
    ws.column_dimensions["E"] = dim
    wb.save(path)
    return path


# 9. refusal hints never harmful ---------------------------------------------------------------

def job_leads(folder: Path) -> Path:
    """A list of leads: a link, a surname, a posting date; nothing was applied to."""
    return _book(folder / "leads.xlsx", {"Leads": (
        ["Link", "Surname", "Date Posted", "Salary"],
        [["https://example.org/jobs/11", "Okafor", D(2026, 11, 1), 52000],
         ["https://example.org/jobs/12", "Lindqvist", D(2026, 11, 3), 48000],
         ["https://example.org/jobs/13", "Haddad", D(2026, 11, 4), 61000]])})


def tracker_without_company_header(folder: Path) -> Path:
    """Swedish headers without a company: 'Att göra' (to do) holds firm names, 'Kontaktperson' people."""
    return _book(folder / "no_company.xlsx", {"Sökt": (
        ["Kontaktperson", "Länk", "Att göra", "Sökt datum", "Status"],
        [["Eva Berg", "https://example.se/1", "Norrsken AB", D(2026, 11, 3), "Skickad"],
         ["Jonas Ek", "https://example.se/2", "Fjällbruk", D(2026, 11, 6), "Skickad"],
         ["Sara Lind", "https://example.se/3", "Östkust Rederi", D(2026, 11, 8), "Skickad"]])})


# 10. a mapping added later keeps the tool's data ----------------------------------------------

def chases_and_tool_count(folder: Path) -> Path:
    path = _book(folder / "chases.xlsx", {"Jobs": (
        ["Company", "Position", "Date Applied", "# chases", "Follow-ups"],
        [["Harrow Pumps", "Fitter", D(2026, 11, 2), None, 2],
         ["Ingleby Print", "Finisher", D(2026, 11, 3), 3, 1],
         ["Jessop Stone", "Mason", D(2026, 11, 4), None, None]])})
    (folder / "followup.toml").write_text('[columns]\n"# chases" = "follow_ups"\n', encoding="utf-8")
    return path


BUILDERS = [sparse_exact_header, sparse_turkish_header, generic_date_mostly_words, cjk_postings_and_log,
            exact_postings_beside_weak_log, formatted_day_first,
            korean_and_chinese, chinese_recruiter_names, typos_indonesian, crm_export, board_export,
            sheet_name_header, digit_dates, one_text_date_among_real, meaning_of_dates, arabic_meaning,
            hidden_beside, job_leads, tracker_without_company_header, chases_and_tool_count]


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "reader_fixtures")
    out.mkdir(parents=True, exist_ok=True)
    for build in BUILDERS:
        folder = out / build.__name__
        folder.mkdir(exist_ok=True)
        print(build(folder))
