"""The style numbers a sheet's cells point at, asked by the write when it appends cell formats to a
styles part that may lack some (a damaged part): the quick bound kept from reading the rows and
the close reading of the cells' start tags must give the answer the close reading alone gives."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_sheet.xlsx import styles as styles_module
from followup_sheet.xlsx.package import open_package
from followup_sheet.xlsx.sheetxml import scan_sheet, style_bound
from followup_sheet.xlsx.styles import highest_style_in_use

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# What the rows of a sheet may hold around a style number: a cell's start tag as Excel,
# LibreOffice or a hand-made file spells it, and the same text where it names no cell's style
# (a row's style, a value, another attribute, a tag that is not a cell).
PIECES = [
    '<c r="A{r}" s="{n}" t="s"><v>0</v></c>',
    '<c r="B{r}" s = \'{n}\'><v>1</v></c>',
    '<c r="C{r}"\ts=\n"{n}"/>',
    '<x:c r="D{r}" s="{n}"/>',
    '<c r="E{r}" t="s" s="{n}" s="{m}"><v>2</v></c>',
    '<c r="F{r}" s="0{n}"/>',
    '<c r="G{r}" cm="1" vm="{n}"/>',
    '<c r="H{r}" t="inlineStr"><is><t>s="{n}" and s = \'{m}\'</t></is></c>',
    '<c r="I{r}" xs="{n}"/>',
    '<c r="J{r}" note="a&gt;b" s="{n}"/>',
    '<c r="K{r}" note="a>b" s="{n}"/>',
    '<cx r="L{r}" s="{n}"/>',
    '<c r="M{r}"><v>{n}</v></c>',
    '<c r="N{r}" s="{n}x"/>',
]


def _named(rows: bytes) -> list[int]:
    """The style numbers the cells' start tags name, read one by one: the first `s` of each `<c ...>` tag."""
    numbers = []
    for tag in re.findall(rb"<(?:\w+:)?c\s[^>]*", rows):
        m = re.search(rb"""\bs\s*=\s*["'](\d+)["']""", tag)
        if m:
            numbers.append(int(m.group(1)))
    return numbers


def _cells_say(rows: bytes) -> int:
    return max(_named(rows), default=0)   # a cell that names none has style 0


@pytest.fixture(scope="module")
def blank() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.title = "Applications"
    wb.active["A1"] = "Company"
    wb.create_sheet("Budget")["B2"] = 57
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _package(blank: bytes, rows: bytes, tmp: Path):
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" xmlns:x="{MAIN}"><sheetData>'
             .encode() + rows + b"</sheetData></worksheet>")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blank)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = sheet if info.filename == "xl/worksheets/sheet2.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return open_package(tmp / "book.xlsx", out.getvalue())


def _rows(picks: list[tuple[int, int, int]]) -> bytes:
    cells = [PIECES[p].format(r=i + 1, n=n, m=m) for i, (p, n, m) in enumerate(picks)]
    rows = [f'<row r="{i + 1}" s="{n + 7}" customFormat="1">{c}</row>' for i, (c, (_, n, _)) in
            enumerate(zip(cells, picks))]
    return "".join(rows).encode()


picks = st.lists(st.tuples(st.integers(0, len(PIECES) - 1), st.integers(0, 40), st.integers(0, 40)), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picks)
def test_the_answer_is_what_the_cells_start_tags_say_whatever_was_read_before(blank, tmp_path, picks):
    rows = _rows(picks)
    said = _cells_say(rows)
    assert style_bound(rows) >= max(_named(rows), default=-1)
    fresh = _package(blank, rows, tmp_path)
    scanned = _package(blank, rows, tmp_path)
    for info in scanned.sheets:
        scan_sheet(scanned, info.part)       # as the read (or the preload) does: the bound is noted
    assert scanned.style_bounds
    for past in range(0, 50):
        expected = said if said >= past else None
        assert highest_style_in_use(fresh, past) == expected, past
        assert highest_style_in_use(scanned, past) == expected, past


@pytest.mark.parametrize(("rows", "said"), [
    (b'<row r="1"><c r="A1" s="3"/><c r="B1" s="12" t="s"><v>4</v></c></row>', 12),
    (b'<row r="1" s="40" customFormat="1"><c r="A1" s="2"/></row>', 2),           # the row's own style: no cell's
    (b'<row r="1"><c r="A1" t="inlineStr" s="5"><is><t>s="90"</t></is></c></row>', 5),   # text, not a tag
    (b"<row r=\"1\"><x:c r='A1' s = '21'/></row>", 21),
    (b'<row r="1"><c r="A1"><v>8</v></c></row>', 0),
])
def test_examples_of_what_a_cell_points_at(blank, tmp_path, rows, said):
    assert _cells_say(rows) == said
    pkg = _package(blank, rows, tmp_path)
    assert highest_style_in_use(pkg) == said
    assert highest_style_in_use(pkg, said + 1) is None


def test_rows_read_once_are_not_read_again_when_no_cell_can_point_past_the_formats(blank, tmp_path, monkeypatch):
    rows = b'<row r="1"><c r="A1" s="3"/></row><row r="2"><c r="A2" s="6"/></row>'
    pkg = _package(blank, rows, tmp_path)
    for info in pkg.sheets:
        scan_sheet(pkg, info.part)
    read = []
    real = styles_module.iter_sheet
    monkeypatch.setattr(styles_module, "iter_sheet", lambda p, part: read.append(part) or real(p, part))
    assert highest_style_in_use(pkg, 7) is None
    assert read == []
    assert highest_style_in_use(pkg, 6) == 6       # a cell that reaches that far is read closely
    assert read == ["xl/worksheets/sheet2.xml"]
