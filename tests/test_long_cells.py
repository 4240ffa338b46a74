"""Long cells cost time in proportion to their length: a 32,767-character note or contact cell
(Excel's limit) is read in milliseconds, never seconds."""

from __future__ import annotations

import time

import pytest

from followup_sheet.facts import has_address, has_phone

LONG = 40_000


@pytest.mark.parametrize("letter", ["a", "é", "=", "😀", "x."])
def test_a_long_cell_without_an_address_is_searched_in_linear_time(letter):
    texts = [letter * (LONG // len(letter)) for _ in range(10)]
    start = time.process_time()
    found = [has_address(t) for t in texts] + [has_phone(t) for t in texts]
    seconds = time.process_time() - start
    assert not any(found)
    # linear: about a millisecond a cell; the old search tried every letter as the start (4-7 s a
    # cell, 40-70 s for ten). A guard against that kind, in CPU seconds, not a speed measurement.
    assert seconds < 10.0, f"{seconds:.1f} s of CPU for ten {LONG:,}-character cells"


@pytest.mark.parametrize("text", [
    "write to " + "b" * LONG + "@example.org",
    "c" * LONG + " reach me: kim.lee@mail.example.com " + "d" * LONG,
    "a@" * (LONG // 2) + "x@host.io",
])
def test_an_address_at_either_end_of_a_long_cell_is_still_found(text):
    assert has_address(text)


@pytest.mark.parametrize("text, expected", [
    ("jo@firm.de", True), ("(jo@firm.de)", True), ("mail:jo@firm.de;", True), ("@@jo@firm.de", True),
    ("jo@firm", False), ("jo @firm.de", False), ("@firm.de", False), ("", False),
])
def test_addresses_are_found_where_they_were_before(text, expected):
    assert has_address(text) is expected
