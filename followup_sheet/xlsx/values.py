"""Cell values through python-calamine, and reading them ahead of time on a worker thread.

calamine parses a sheet in Rust with the GIL released, so a one-shot command can start the
parse (`preload`) and import pandas while it runs: on a 10,000-row tracker the two take about
the same time, and together hardly longer than the import alone. Nothing here imports pandas.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import threading
from pathlib import Path
from typing import Any

from ..errors import NotAWorkbook, UnsupportedContent
from ..tuning import PRELOAD_LIMIT
from .package import Package, SheetInfo, open_package
from .refs import column_letters
from .sheetxml import SheetScan, scan_sheet

log = logging.getLogger(__name__)

TODAY_SHEET_NAMES = ("Today", "Follow-up Today")
TODAY_MARKER = "followup-sheet: today's calls"   # first cell of a Today sheet the tool made
LOG_MARKER = "followup-sheet: follow-up log"     # first cell of the log of applied marks
# A hidden workbook name pointing at the tool's Today sheet: Excel and LibreOffice carry it along
# when the user renames the sheet, it does not change when the title cell is retyped, and a copy
# of the sheet does not get it, so the tool's own sheet is told from the user's copy.
TODAY_NAME = "_followup_sheet_today"


def marked_sheet(pkg: Package) -> str | None:
    """The sheet the hidden TODAY_NAME points at, if the workbook has it."""
    import re

    from .package import MAIN_NS, parse_xml
    book = parse_xml(pkg.read(pkg.workbook_part), f"{pkg.path}: {pkg.workbook_part}")
    for el in book.iterfind(f"{{{MAIN_NS}}}definedNames/{{{MAIN_NS}}}definedName"):
        if el.get("name", "").lower() == TODAY_NAME.lower():
            m = re.match(r"^\s*(?:'((?:[^']|'')+)'|([^'!]+))!", el.text or "")
            if m:
                return m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2)
    return None
MAX_CELLS = 30_000_000
MAX_ROWS = 300_000
NARROW_COLUMNS = 52   # columns A:AZ, where a stray value is not looked for (see SheetScan.far_right)
MIN_ROW_BYTES = 16    # less XML than this per row down to the last value: most rows are missing


TOOL_PREFIX = "followup-sheet: "   # how every title the tool writes starts, in every language


def today_marker(language: str = "en") -> str:
    """The start of the Today sheet's title in `language`: the tool's name and "today's calls"."""
    from ..catalogue import say
    return TOOL_PREFIX + say("outputs", "today's calls", language)


@functools.cache
def today_markers() -> tuple[str, ...]:
    """The Today sheet's title start in every language: a sheet built in German is known again
    by a run that speaks French."""
    from ..catalogue import languages
    return tuple(dict.fromkeys([TODAY_MARKER, *(today_marker(code) for code in languages())]))


def is_today_title(text: Any) -> bool:
    """`text` starts like a Today sheet's title in some language. The titles in the other
    languages (one catalogue file each) are read only for a text that starts with the tool's name."""
    return isinstance(text, str) and text.startswith(TOOL_PREFIX) and text.startswith(today_markers())


def is_tool_sheet(grid: list[list[Any]]) -> bool:
    first = grid[0][0] if grid and grid[0] else None
    return is_today_title(first) or isinstance(first, str) and first.startswith(LOG_MARKER)


def open_values(path: Path, data: bytes | None = None) -> tuple[Package, SheetValues]:
    """The package and the cell values of `path` (or of `data`, its bytes): from the preload
    started for this path, if there is one and the file has not changed since, else opened now.
    Errors are the same either way."""
    global _pending
    ahead, _pending = _pending, None
    if ahead is not None and data is None and ahead.still_matches(path):
        log.debug("%s: read while the program started", path)
        return ahead.result()
    pkg = open_package(path, data)
    return pkg, SheetValues(pkg)


def preload(path: Path, sheet: str | None = None) -> None:
    """Start opening `path` and parsing its worksheets (only `sheet`, if given) on a worker
    thread, for the next `open_values(path)` to pick up. For one-shot commands: the file is read
    once, now; `open_values` takes it only if the file still has the same size, time and inode,
    and the write stage checks its content did not change before replacing it.

    Files over `PRELOAD_LIMIT` are left to the caller (see `tuning` for why)."""
    global _pending
    _pending = None
    path = Path(path)
    identity = _identity(path)
    if identity is not None and identity[0] <= PRELOAD_LIMIT:
        _pending = _Preload(path, identity, sheet)


def discard_preload() -> None:
    """Forget a preload nobody took (the command failed before reading, say)."""
    global _pending
    _pending = None


def _identity(path: Path) -> tuple[int, int, int, int, str] | None:
    try:
        st = path.stat()
    except OSError:   # missing, unreadable...: open_values says so, with its message
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev, os.path.abspath(path)


class _Preload:
    def __init__(self, path: Path, identity: tuple, sheet: str | None):
        self.path, self.identity, self.sheet = path, identity, sheet
        self._done: tuple[Package, SheetValues] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="followup-preload", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            pkg = open_package(self.path)
            book = SheetValues(pkg)
        except BaseException as exc:   # handed to the caller, exactly as if it had opened the file
            self._error = exc
            return
        self._done = (pkg, book)
        for info in pkg.sheets:
            if info.is_worksheet and self.sheet in (None, info.name):
                try:
                    book.sheet(info)
                except Exception:   # the caller meets it again, with its message, if it needs the sheet
                    pass

    def still_matches(self, path: Path) -> bool:
        return _identity(Path(path)) == self.identity

    def result(self) -> tuple[Package, SheetValues]:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._done is not None
        return self._done


_pending: _Preload | None = None


class SheetValues:
    """Cell values through python-calamine; each sheet is parsed once."""

    def __init__(self, pkg: Package):
        import python_calamine
        self.pkg = pkg
        try:
            self.book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(pkg.data))
        except Exception as exc:  # calamine raises its own error types; all mean "cannot read"
            broken = [s.name for s in pkg.sheets if not s.part]
            if broken:
                raise NotAWorkbook(f"{pkg.path}: sheet {broken[0]!r} points at a part the file does not have, "
                                   "so the file is damaged; open it in Excel and save a copy") from None
            log.debug("%s: python-calamine: %s", pkg.path, exc)
            raise NotAWorkbook(f"{pkg.path} is a damaged workbook: its cells cannot be read; open it in Excel, "
                               "which can often repair it, and save a copy, or restore it from a backup") from None
        self._sheets: dict[str, Any] = {}
        self._merges: dict[str, list[tuple[int, int, int, int]]] = {}
        self._first: dict[str, list[list[Any]]] = {}
        self.scans: dict[str, SheetScan] = {}

    def scan(self, info: SheetInfo) -> SheetScan:
        if info.name not in self.scans:
            self.scans[info.name] = scan_sheet(self.pkg, info.part)
        return self.scans[info.name]

    def sheet(self, info: SheetInfo):
        if info.name not in self._sheets:
            self._check_extent(info)
            try:
                self._sheets[info.name] = self.book.get_sheet_by_name(info.name)
            except Exception as exc:
                raise NotAWorkbook(f"{self.pkg.path}, sheet {info.name!r}: the cells cannot be read ({exc}); "
                                   "open the file in Excel and save a copy") from None
        return self._sheets[info.name]

    def _check_extent(self, info: SheetInfo) -> None:
        """A value far below everything else would make the value grid enormous: refuse it
        before it is loaded. (Formatting alone that runs to the last row costs nothing.)"""
        if not info.is_worksheet:
            return
        scan = self.scan(info)
        last, far = scan.last_value, scan.far_right
        if far is not None and last is not None and far[0] * last[0] > MAX_CELLS // 4:
            raise UnsupportedContent(
                f"{self.pkg.path}, sheet {info.name!r}: there is a value in cell {far[1]}, far to the right of "
                "any tracker; delete the stray cells at the far right of the sheet and save")
        if far is None and last is not None and last[0] * NARROW_COLUMNS > MAX_CELLS // 4 \
                and scan.row_bytes < last[0] * MIN_ROW_BYTES:
            # the rows above it are mostly missing: a stray value, under a grid that would be mostly empty
            raise UnsupportedContent(
                f"{self.pkg.path}, sheet {info.name!r}: there is a value in cell {last[1]}, far below the rest of "
                "the sheet; delete the stray cells at the bottom of the sheet and save")
        if last is None or last[0] <= MAX_ROWS:
            return
        raise UnsupportedContent(
            f"{self.pkg.path}, sheet {info.name!r}: there is a value in cell {last[1]}, far below any "
            f"tracker (more than {MAX_ROWS:,} rows); delete the stray cells at the bottom of the sheet and save")

    def grid(self, info: SheetInfo, nrows: int | None = None) -> list[list[Any]]:
        """The sheet's values from A1; a full read also lets go of calamine's copy of them."""
        sheet = self.sheet(info)
        if nrows is None:
            self.merged(info)
            self._keep_first_row(info.name, sheet)
            del self._sheets[info.name]
        end = sheet.end
        if end is not None and (end[0] + 1) * (end[1] + 1) > MAX_CELLS:
            raise UnsupportedContent(
                f"{self.pkg.path}, sheet {info.name!r}: cells run to {column_letters(end[1] + 1)}{end[0] + 1}, "
                "far beyond any tracker; delete the stray cells far to the right or below and save")
        try:
            return sheet.to_python(skip_empty_area=False, nrows=nrows)
        except Exception as exc:
            raise NotAWorkbook(f"{self.pkg.path}, sheet {info.name!r}: the cells cannot be read ({exc}); "
                               "open the file in Excel and save a copy") from None

    def first_row(self, info: SheetInfo) -> list[list[Any]]:
        """The sheet's first row as `to_python(nrows=1)` gives it (empty rows and columns before
        the values skipped), without parsing a sheet again that was already read whole."""
        if info.name in self._first:
            return self._first[info.name]
        return self.sheet(info).to_python(nrows=1)

    def _keep_first_row(self, name: str, sheet: Any) -> None:
        # the Today-sheet checks look at every sheet's first cell after the tracker was read, and
        # calamine parses a whole sheet again for it (0.1-0.4 s at 10,000 rows)
        try:
            self._first[name] = sheet.to_python(nrows=1)
        except Exception:   # then asked again, it fails again, as before
            pass

    def tool_sheets(self) -> frozenset[str]:
        """The tool's Today sheet: the one its hidden name points at (renamed or retitled as the
        user likes), else sheets named like it whose first cell carries our marker."""
        names = {i.name for i in self.pkg.sheets if i.is_worksheet}
        marked = marked_sheet(self.pkg)
        if marked in names:
            return frozenset({marked})
        ours = set()
        for info in self.pkg.sheets:
            named = info.name.lower() in {n.lower() for n in TODAY_SHEET_NAMES} \
                or info.name.lower().startswith("follow-up today")
            if not (named and info.is_worksheet):
                continue
            try:
                first = self.first_row(info)
            except Exception:   # unreadable: then it is not one we can vouch for
                continue
            if is_tool_sheet(first):
                ours.add(info.name)
        return frozenset(ours)

    def merged(self, info: SheetInfo) -> list[tuple[int, int, int, int]]:
        if info.name not in self._merges:
            try:
                ranges = self.sheet(info).merged_cell_ranges or []
            except Exception:
                ranges = []
            self._merges[info.name] = [(a[0], a[1], b[0], b[1]) for a, b in ranges]
        return self._merges[info.name]
