"""Corpus sweep: every workbook of ../shared/corpus, refreshed on a copy.

(a) As it is: the refresh succeeds or raises a FollowupError (and then leaves the file as it
    was), within a time budget, leaving no temporary files behind.
(b) With a small tracker sheet added by editing the zip: the refresh of that sheet succeeds, every
    member the tool does not own stays byte-identical, the parts it owns only gain entries, and
    every user cell reads the same through python-calamine and openpyxl.
(c) As (b), with the tracker written into the file's own first worksheet, right of its content,
    and a second refresh on the same day changes nothing. The second refresh is made here and
    not in (b): here it re-reads rows the tool edited inside the file's own sheet XML, while (b)'s
    sheet is one the test wrote, like the trackers of test_edits (a second refresh the same day
    plans and writes nothing) and test_cli (twice says up to date); it was a fifth of the
    sweep's time.

Every refresh runs in a pool of forked workers, killed and reported if one file takes more than
KILL_SECONDS. The three steps over all 1,358 workbooks take about 4 minutes of two cores' time.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import traceback
from pathlib import Path

import pytest
from corpus_tools import (
    CORPUS,
    TODAY,
    CannotAddSheet,
    add_tracker_block,
    add_tracker_sheet,
    corpus_files,
    corpus_id,
    run_parallel,
    tracker_fidelity,
    written_ok,
)

pytestmark = pytest.mark.slow   # every workbook of the corpus, three times: minutes

if not CORPUS.is_dir():
    pytest.skip(f"the shared corpus is not at {CORPUS} (clone the project beside ../shared)",
                allow_module_level=True)

BUDGET_SECONDS = 20.0     # one refresh of one corpus file
KILL_SECONDS = 90.0       # a worker stuck this long on one file is killed and the file reported
WORKERS = min(2, os.cpu_count() or 1)
PACKAGE_REFUSALS = ("NotAWorkbook", "UnsupportedContent")

FILES = corpus_files()
PARAMS = [pytest.param(corpus_id(p), id=corpus_id(p)) for p in FILES]


# --- what one worker does for one file ---------------------------------------------------

def _refresh(path: Path, sheet: str | None) -> tuple[str, str, float, object]:
    from followup_sheet.errors import FollowupError
    from followup_sheet.pipeline import refresh

    start = time.perf_counter()
    try:
        result = refresh(path, sheet=sheet, today=TODAY, backup=False)
    except FollowupError as exc:
        return "refused", f"{type(exc).__name__}: {exc}", time.perf_counter() - start, None
    except Exception:
        return "crash", traceback.format_exc(limit=6), time.perf_counter() - start, None
    return "ok", "", time.perf_counter() - start, result


def _verdict(kind: str, detail: str, seconds: float, problems: list[str], copy: Path) -> tuple[str, str, float]:
    """The step's outcome, "bad" when anything went wrong around an otherwise fine refresh."""
    stray = sorted(p.name for p in copy.parent.iterdir() if p != copy)
    if stray:
        problems.append(f"files left beside the workbook: {stray}")
    if seconds > BUDGET_SECONDS:
        problems.append(f"took {seconds:.1f} s (budget {BUDGET_SECONDS:.0f} s)")
    if problems:
        return "bad", (f"{kind} {detail}\n" if detail else "") + "\n".join(problems), seconds
    return kind, detail, seconds


def sweep_as_is(src: Path, folder: Path) -> tuple[str, str, float]:
    original = src.read_bytes()
    copy = folder / src.name
    copy.write_bytes(original)
    kind, detail, seconds, result = _refresh(copy, None)
    after = copy.read_bytes()
    problems = []
    if kind == "crash":
        return kind, detail, seconds
    if kind == "refused":
        if after != original:
            problems.append("refused, but the file changed")
    else:
        problems += written_ok(original, after, result, copy)
    return _verdict(kind, detail, seconds, problems, copy)


def sweep_with_tracker(src: Path, folder: Path, add=add_tracker_sheet, with_openpyxl: bool = True,
                       twice: bool = False) -> tuple[str, str, float]:
    try:
        added = add(src.read_bytes())
    except CannotAddSheet as exc:
        return "skipped", f"no tracker could be added: {exc}", 0.0
    copy = folder / src.name
    copy.write_bytes(added.data)
    kind, detail, seconds, result = _refresh(copy, added.name)
    after = copy.read_bytes()
    if kind == "crash":
        return kind, detail, seconds
    problems = []
    if kind == "refused":
        if after != added.data:
            problems.append("refused, but the file changed")
    elif not result.written:
        problems.append("a tracker with follow-ups due was not written")
    else:
        problems += tracker_fidelity(added, after, result, copy, with_openpyxl=with_openpyxl)
        if twice:
            again, why, _, second = _refresh(copy, added.name)
            if again != "ok" or second.written or copy.read_bytes() != after:
                problems.append(f"a second refresh on the same day was not a no-op ({again} {why})")
    return _verdict(kind, detail, seconds, problems, copy)


def sweep_with_block(src: Path, folder: Path) -> tuple[str, str, float]:
    # calamine alone here: openpyxl already compared every file's cells in step (b)
    return sweep_with_tracker(src, folder, add_tracker_block, with_openpyxl=False, twice=True)


STEPS = {"as_is": sweep_as_is, "tracker": sweep_with_tracker, "block": sweep_with_block}


def sweep_one(task: str):
    """`task` is "<step>|<corpus id>"."""
    key, item = task.split("|", 1)
    folder = Path(tempfile.mkdtemp(prefix="corpus-"))
    try:
        kind, detail, seconds = STEPS[key](CORPUS / item, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return kind, detail, seconds


# --- the tests ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sweep(request):
    """Run every selected file once, in parallel; the tests below look their file up."""
    tasks = sorted({f"{STEP_OF_TEST[item.originalname]}|{item.callspec.params['item']}"
                    for item in request.session.items
                    if item.module is request.module and item.originalname in STEP_OF_TEST})
    start = time.perf_counter()
    results = run_parallel(sweep_one, tasks, workers=WORKERS, kill_after=KILL_SECONDS)
    elapsed = time.perf_counter() - start
    slowest = sorted(results.values(), key=lambda o: -o.seconds)[:5]
    print(f"\ncorpus sweep: {len(tasks)} refreshes in {elapsed:.1f} s with {WORKERS} workers; slowest: "
          + ", ".join(f"{o.item} {o.seconds:.1f} s" for o in slowest))
    return results


def _step(sweep, item: str, key: str) -> tuple[str, str, float]:
    outcome = sweep.get(f"{key}|{item}")
    if outcome is None:     # the test of the other step was deselected: run this one here
        return sweep_one(f"{key}|{item}")
    return outcome.kind, outcome.detail, outcome.seconds


STEP_OF_TEST = {"test_refresh_succeeds_or_refuses_cleanly": "as_is",
                "test_added_tracker_refreshes_with_fidelity": "tracker",
                "test_tracker_in_an_existing_sheet_refreshes_with_fidelity": "block"}


@pytest.mark.parametrize("item", PARAMS)
def test_refresh_succeeds_or_refuses_cleanly(sweep, item):
    kind, detail, seconds = _step(sweep, item, "as_is")
    assert kind in ("ok", "refused"), f"{item}: {kind} after {seconds:.1f} s\n{detail}"


@pytest.mark.parametrize("item", PARAMS)
def test_added_tracker_refreshes_with_fidelity(sweep, item):
    _check_tracker_step(sweep, item, "tracker")


@pytest.mark.parametrize("item", PARAMS)
def test_tracker_in_an_existing_sheet_refreshes_with_fidelity(sweep, item):
    """The tracker written into the file's first worksheet, right of its content: the tool edits
    real-world rows (their spans, styles, formulas) and must keep every other cell."""
    _check_tracker_step(sweep, item, "block")


def _check_tracker_step(sweep, item: str, step: str) -> None:
    kind, detail, seconds = _step(sweep, item, step)
    if kind == "skipped":
        pytest.skip(detail)
    if kind == "refused":
        as_is, why, _ = _step(sweep, item, "as_is")
        refused_as_package = as_is == "refused" and why.startswith(PACKAGE_REFUSALS)
        assert refused_as_package, (f"{item}: the added tracker sheet was refused although the workbook "
                                    f"itself was not ({why or as_is}):\n{detail}")
        return
    assert kind == "ok", f"{item}: {kind} after {seconds:.1f} s\n{detail}"
