"""The call sheet as LibreOffice prints it: the refreshed sample's Today sheet (long scripts) to
PDF, read back with pdftotext/pdfinfo. Landscape, every header whole on page 1, every call listed,
and each page as wide as the sheet (the header row, first column to last, on every page)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from followup_sheet import columns
from followup_sheet.pipeline import refresh
from followup_sheet.sample import REFERENCE_DATE, build_sample

pytestmark = pytest.mark.libreoffice

TOOLS = ("soffice", "pdftotext", "pdfinfo")


def _make_picture():
    spec = importlib.util.spec_from_file_location(
        "make_picture", Path(__file__).resolve().parents[1] / "docs" / "make_picture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)}")
    tmp = tmp_path_factory.mktemp("pdf")
    path = build_sample(tmp / "tracker.xlsx", today=REFERENCE_DATE)
    result = refresh(path, today=REFERENCE_DATE, backup=False)
    pictures = _make_picture()
    pictures.only_today_sheet(path, tmp / "callsheet.xlsx")
    pdf = pictures.to_pdf(tmp / "callsheet.xlsx", tmp)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout for n in range(1, pages + 1)]
    return result.today, info, text


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w'&@.+()-]+", text))


def test_page_is_landscape(printed):
    _, info, _ = printed
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert w > h, info


def test_every_header_whole_on_page_one(printed):
    _, _, pages = printed
    assert pages[0].startswith("followup-sheet: today's calls, built Thursday 26 November 2026")
    words = _words(pages[0])
    for column in columns.sheet_columns():
        for word in column.header.split():
            assert word in words, (column.header, pages[0][:2000])


def test_every_call_is_printed(printed):
    today, _, pages = printed
    assert len(today) >= 8
    everything = "\n".join(pages)
    for company, sheet, row in zip(today["company"], today["sheet"], today["row"]):
        for word in company.split():
            assert word in _words(everything), company
        assert f"{sheet}!{row}" in everything


def test_pages_fit_the_width(printed):
    today, _, pages = printed
    assert 1 <= len(pages) <= len(today)
    first, last = columns.sheet_columns()[0].header, columns.sheet_columns()[-1].header
    for n, page in enumerate(pages, start=1):
        header_line = next((line for line in page.splitlines() if line.startswith(first)), "")
        assert header_line and header_line.rstrip().endswith(last), (n, page[:1500])
