"""Every part a refresh writes keeps the child order of the ECMA-376 schema (Excel calls a file
damaged when it does not; LibreOffice forgives it), and a styles part's lists say how many
children they hold. Checked on every fixture, the sample, and a sample of the shared corpus.

The sequences are the tests' own (corpus_tools.SCHEMA_ORDER, from docs/xlsx-facts.md), independent
of the writer's table (followup_sheet/xlsx/order.py), which a test below compares with them.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from corpus_tools import (
    CORPUS,
    SCHEMA_ORDER,
    TODAY,
    CannotAddSheet,
    add_tracker_sheet,
    corpus_files,
    corpus_id,
    schema_order_problems,
)
from lxml import etree

from followup_sheet.errors import FollowupError
from followup_sheet.pipeline import refresh
from followup_sheet.sample import build_sample
from followup_sheet.xlsx import order

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_fixtures as mf  # noqa: E402

COUNTED = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles")


def order_problems(data: bytes) -> list[str]:
    """What is out of order in one part: children of a worksheet, styleSheet or workbook root
    out of sequence or a once-only child twice (corpus_tools.schema_order_problems), an
    element the sequence does not know before a known one (only extLst-like content may close a
    part), or a styles list whose count is not its number of children."""
    problems = schema_order_problems(data)
    root = etree.fromstring(data)
    kind = etree.QName(root).localname
    sequence = SCHEMA_ORDER.get(kind)
    if sequence is None:
        return problems
    children = [c for c in root if isinstance(c.tag, str)]
    known = [etree.QName(c).localname in sequence for c in children]
    for i, child in enumerate(children):
        if not known[i] and any(known[i + 1:]):
            problems.append(f"unknown <{etree.QName(child).localname}> before known elements")
    if kind == "styleSheet":
        for child in children:
            name = etree.QName(child).localname
            if name in COUNTED and child.get("count") is not None:
                n = len([c for c in child if isinstance(c.tag, str)])
                if int(child.get("count")) != n:
                    problems.append(f"<{name} count={child.get('count')}> holds {n}")
    return problems


def written_parts(before: bytes, after: bytes) -> dict[str, bytes]:
    """The XML parts a refresh added or changed."""
    old = zipfile.ZipFile(io.BytesIO(before))
    new = zipfile.ZipFile(io.BytesIO(after))
    old_names = set(old.namelist())
    return {n: new.read(n) for n in new.namelist()
            if n.endswith(".xml") and (n not in old_names or new.read(n) != old.read(n))}


def check_refresh(path: Path, **kwargs) -> dict[str, list[str]]:
    """Refresh `path` twice (a second refresh edits what the first one wrote) and return the
    order problems of every part either wrote, by part."""
    before = path.read_bytes()
    found: dict[str, list[str]] = {}
    for _ in range(2):
        refresh(path, today=TODAY, backup=False, **kwargs)
        after = path.read_bytes()
        for name, data in written_parts(before, after).items():
            problems = order_problems(data)
            if problems:
                found[name] = problems
    return found


def test_the_order_table_matches_the_documented_sequences():
    assert list(order.WORKSHEET_ORDER) == SCHEMA_ORDER["worksheet"]
    assert list(order.STYLESHEET_ORDER) == SCHEMA_ORDER["styleSheet"]
    assert list(order.WORKBOOK_ORDER) == SCHEMA_ORDER["workbook"]


def test_the_check_finds_what_is_out_of_order():
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    assert order_problems(f"<worksheet {ns}><sheetData/><dataValidations/><conditionalFormatting/>"
                          "</worksheet>".encode()) == ["<conditionalFormatting> after <dataValidations>"]
    assert order_problems(f"<worksheet {ns}><sheetData/><conditionalFormatting/><conditionalFormatting/>"
                          "<pageMargins/></worksheet>".encode()) == []
    assert order_problems(f'<styleSheet {ns}><dxfs count="2"><dxf/></dxfs></styleSheet>'.encode()) \
        == ["<dxfs count=2> holds 1"]
    assert order_problems(f"<workbook {ns}><sheets/><bookViews/></workbook>".encode()) \
        == ["<bookViews> after <sheets>"]
    assert order_problems(f"<worksheet {ns}><sheetData/><odd/><pageMargins/></worksheet>".encode()) \
        == ["unknown <odd> before known elements"]


def test_insert_in_order_puts_an_element_where_the_sequence_says():
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    root = etree.fromstring(f'<worksheet xmlns="{ns}"><sheetData/><conditionalFormatting/>'
                            "<hyperlinks/><pageMargins/></worksheet>".encode())
    for name in ("dataValidations", "conditionalFormatting", "extLst", "sheetPr"):
        order.insert_in_order(root, etree.Element(f"{{{ns}}}{name}"), order.WORKSHEET_ORDER)
    assert [etree.QName(c).localname for c in root] == [
        "sheetPr", "sheetData", "conditionalFormatting", "conditionalFormatting", "dataValidations",
        "hyperlinks", "pageMargins", "extLst"]


def test_tail_position_in_worksheet_bytes():
    tail = (b'</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells>'
            b'<!-- a > b --><x:dataValidations count="0"></x:dataValidations>'
            b'<x:pageMargins left="0.7" note="a>b"/></x:worksheet>')
    at = order.tail_position(tail, "conditionalFormatting")
    assert tail[at:].startswith(b"<x:dataValidations")
    assert tail[order.tail_position(tail, "extLst"):] == b"</x:worksheet>"


FIXTURES = [name for name in mf.BUILDERS if name not in mf.REFUSALS]


@pytest.fixture(scope="module")
def fixture_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("order-fixtures")


@pytest.mark.parametrize("name", FIXTURES)
def test_every_written_part_of_every_fixture_is_in_order(fixture_dir, name):
    case = mf.build(name, fixture_dir)
    try:
        problems = check_refresh(case.path, sheet=case.sheet)
    except FollowupError as exc:
        pytest.skip(f"refused: {exc}")
    assert problems == {}


@pytest.mark.parametrize("live", [True, False])
def test_the_sample_is_in_order(tmp_path, live):
    path = build_sample(tmp_path / "sample.xlsx")
    (tmp_path / "followup.toml").write_text(f"[saving]\nlive = {'true' if live else 'false'}\n")
    assert check_refresh(path) == {}


# every 25th workbook of the corpus: a spread of writers (Excel, LibreOffice, libraries)
CORPUS_SAMPLE = corpus_files()[::25]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}")
@pytest.mark.parametrize("src", CORPUS_SAMPLE, ids=[corpus_id(p) for p in CORPUS_SAMPLE])
def test_corpus_refreshes_keep_the_order(tmp_path, src):
    try:
        added = add_tracker_sheet(src.read_bytes())
    except CannotAddSheet as exc:
        pytest.skip(f"no tracker can be added: {exc}")
    path = tmp_path / src.name
    path.write_bytes(added.data)
    original = {n: problems for n, problems in _all_problems(added.data).items()}
    try:
        found = check_refresh(path, sheet=added.name)
    except FollowupError as exc:
        pytest.skip(f"refused: {exc}")
    # a part that was out of order before stays the user's (we keep their bytes where we can);
    # anything new must be in order
    assert {n: p for n, p in found.items() if set(p) - set(original.get(n, []))} == {}


def _all_problems(data: bytes) -> dict[str, list[str]]:
    zf = zipfile.ZipFile(io.BytesIO(data))
    out = {}
    for n in zf.namelist():
        if n.endswith(".xml"):
            try:
                problems = order_problems(zf.read(n))
            except etree.XMLSyntaxError:
                continue
            if problems:
                out[n] = problems
    return out

