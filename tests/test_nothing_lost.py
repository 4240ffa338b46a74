"""Nothing of the user's is lost: columns that look empty but are not, the watcher's side list,
read-only trackers, the sheet's last column, backups on a full disk, huge whitespace, and write
failures that end in a one-line message with the workbook untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from conftest import TODAY, Formula, run_cli, write_tracker
from followup_sheet.pipeline import refresh
from followup_sheet.read import read_tracker

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

ROWS = [{"Company": f"Firm {i}", "Position": "Analyst", "Date Applied": dt.date(2026, 11, 2 + i % 20),
         "Status": "Rejected" if i % 3 == 0 else "Applied"} for i in range(30)]


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _soffice(src: Path, outdir: Path, fmt: str) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = outdir / "lo-profile"
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                           "--convert-to", fmt, "--outdir", str(outdir), str(src)],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    return outdir


# --- columns that look empty but hold something ------------------------------------------

def _tracker_with_formula_column(path: Path) -> Path:
    """Company..Status in A:D, then in F (no header) =IF(D2="Nope","yes","") on every row, which
    is "" on every row: openpyxl saves the formulas with no cached result."""
    write_tracker(path, ROWS)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for r in range(2, len(ROWS) + 2):
        ws.cell(r, 6).value = f'=IF(D{r}="Nope","yes","")'
    wb.save(path)
    return path


def _formulas(path: Path, col: str) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)["Applications"]
    return {f"{col}{r}": ws[f"{col}{r}"].value for r in range(2, len(ROWS) + 2)}


def test_formula_column_without_cached_values_is_not_written_over(tmp_path):
    path = _tracker_with_formula_column(tmp_path / "tracker.xlsx")
    before = _formulas(path, "F")
    assert all(v.startswith("=IF(") for v in before.values())
    tracker = read_tracker(path)
    assert 6 not in tracker.output_columns
    refresh(path, today=TODAY, backup=False)
    assert _formulas(path, "F") == before


def test_formula_column_saved_by_libreoffice_is_not_written_over(tmp_path):
    """LibreOffice stores the empty text results as cached values: calamine reads them as ''."""
    (tmp_path / "src").mkdir()
    source = _tracker_with_formula_column(tmp_path / "src" / "tracker.xlsx")
    _soffice(source, tmp_path / "lo", "xlsx")
    path = tmp_path / "lo" / "tracker.xlsx"
    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
    assert b"<f" in sheet and b"IF(" in sheet        # LibreOffice kept the formulas...
    before = _formulas(path, "F")
    assert sum(1 for v in before.values() if str(v).startswith("=IF(")) == len(ROWS)
    refresh(path, today=TODAY, backup=False)
    assert _formulas(path, "F") == before


@pytest.mark.parametrize("kind", ["comment", "validation", "name", "merge", "value below"])
def test_a_column_holding_anything_is_occupied(tmp_path, kind):
    path = write_tracker(tmp_path / "tracker.xlsx", ROWS)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    if kind == "comment":
        ws["F20"].comment = Comment("call back in March", "me")
    elif kind == "validation":
        dv = DataValidation(type="list", formula1='"yes,no"')
        dv.add("F2:F31")
        ws.add_data_validation(dv)
    elif kind == "name":
        wb.defined_names["Picks"] = DefinedName("Picks", attr_text="Applications!$F$2:$F$31")
    elif kind == "merge":
        ws.merge_cells("F40:G41")
    else:
        ws["F60"] = "total: 30"
    wb.save(path)
    tracker = read_tracker(path)
    assert 6 not in tracker.output_columns
    assert tracker.output_columns == (5, 7, 8) if kind != "merge" else (5, 8, 9)
