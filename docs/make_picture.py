"""Render the README pictures: the sample tracker, refreshed, as LibreOffice shows it, and its
Today sheet (the call sheet) as LibreOffice prints it.

Usage: python docs/make_picture.py  (needs soffice and pdftoppm). Writes docs/sample.png and
docs/today_sheet.png. Only throwaway copies are reshaped for the pictures.
"""

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
from lxml import etree

from followup_sheet.pipeline import refresh
from followup_sheet.sample import REFERENCE_DATE, build_sample

SHOWN = {"Company", "Position", "Status", "Follow-up Status", "Next Follow-up", "Follow-up Script"}


def only_today_sheet(src: Path, dst: Path, sheet: str = "Today") -> None:
    """A copy of `src` in which every sheet but `sheet` is hidden and `sheet` is the active one,
    so a PDF of it holds the Today sheet as written (hidden sheets are not printed). Only
    xl/workbook.xml changes; the Today sheet's own part is copied as it is."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/workbook.xml":
                root = etree.fromstring(data)
                names = []
                for el in root.iter("{*}sheet"):
                    names.append(el.get("name"))
                    el.set("state", "visible" if el.get("name") == sheet else "hidden")
                for view in root.iter("{*}workbookView"):
                    view.set("activeTab", str(names.index(sheet)))
                    view.set("firstSheet", str(names.index(sheet)))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, data)


def to_pdf(path: Path, folder: Path) -> Path:
    """`path` printed to PDF by LibreOffice headless (a profile of its own in `folder`)."""
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(folder), str(path)],
                   check=True, capture_output=True, timeout=180)
    return folder / (path.stem + ".pdf")


def call_sheet_picture(out: Path) -> None:
    """The refreshed sample's Today sheet, printed: the top of page 1."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path = build_sample(tmp / "tracker.xlsx", today=REFERENCE_DATE)
        refresh(path, today=REFERENCE_DATE, backup=False)
        only_today_sheet(path, tmp / "callsheet.xlsx")
        pdf = to_pdf(tmp / "callsheet.xlsx", tmp)
        subprocess.run(["pdftoppm", "-png", "-r", "130", "-f", "1", "-l", "1", "-singlefile",
                        "-x", "40", "-y", "58", "-W", "1360", "-H", "560", str(pdf), str(tmp / "page")], check=True)
        shutil.copy(tmp / "page.png", out)
    print(f"wrote {out}")


def main() -> int:
    call_sheet_picture(Path(__file__).with_name("today_sheet.png"))
    out = Path(__file__).with_name("sample.png")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path = build_sample(tmp / "tracker.xlsx", today=REFERENCE_DATE)
        refresh(path, today=REFERENCE_DATE, backup=False)
        wb = openpyxl.load_workbook(path)
        ws = wb["Applications"]
        for cell in ws[1]:
            if cell.value not in SHOWN:
                ws.column_dimensions[cell.column_letter].hidden = True
            if cell.value == "Follow-up Script":
                ws.column_dimensions[cell.column_letter].width = 95
        for row in range(2, ws.max_row + 1):
            ws.row_dimensions[row].height = 15
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        for other in wb.sheetnames:
            if other != "Applications":
                del wb[other]
        wb.save(tmp / "picture.xlsx")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmp), str(tmp / "picture.xlsx")],
                       check=True, capture_output=True, timeout=120)
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                        "-x", "70", "-y", "95", "-W", "1070", "-H", "360",
                        str(tmp / "picture.pdf"), str(tmp / "picture")], check=True)
        shutil.copy(tmp / "picture.png", out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
