"""Render the README picture: the sample tracker, refreshed, as LibreOffice shows it.

Usage: python docs/make_picture.py  (needs soffice and pdftoppm). Writes docs/sample.png.
Only a throwaway copy is reshaped for the picture (some columns hidden, fitted to one page).
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

from followup_sheet.pipeline import refresh
from followup_sheet.sample import REFERENCE_DATE, build_sample

SHOWN = {"Company", "Position", "Status", "Follow-up Status", "Next Follow-up", "Follow-up Script"}


def main() -> int:
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
