"""The speed tricks keep what a run does: the quick exit still flushes its output, and gives way to
the normal exit when a tracer, a profiler or coverage watches the process (they write their
results during the interpreter's teardown). Each case runs in a fresh interpreter."""

from __future__ import annotations

import pstats
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each watcher is set up before quick_exit is called; the teardown's atexit hook says whether
# the interpreter's normal exit ran.
WATCHERS = {
    "nothing": "",
    "a tracer": "sys.settrace(lambda frame, event, arg: None)",
    "a profiler": "sys.setprofile(lambda frame, event, arg: None)",
    "cProfile": "import cProfile; cProfile.Profile().enable()",
}
if sys.version_info >= (3, 12):
    WATCHERS["a sys.monitoring tool"] = "sys.monitoring.use_tool_id(sys.monitoring.COVERAGE_ID, 'cover')"


@pytest.mark.parametrize("watcher", WATCHERS)
def test_quick_exit_flushes_and_gives_way_to_a_watcher(watcher):
    code = textwrap.dedent(f"""
        import atexit, sys
        from followup_sheet import tuning
        atexit.register(lambda: print("teardown ran", file=sys.stderr))
        {WATCHERS[watcher]}
        sys.stdout.write("the last line, still in the buffer")
        tuning.quick_exit(3, (sys.stdout, sys.stderr))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 3
    assert done.stdout == "the last line, still in the buffer"
    watched = watcher != "nothing"
    assert ("teardown ran" in done.stderr) == watched, done.stderr


def test_a_refresh_under_cprofile_keeps_its_profile(tmp_path):
    """`python -m cProfile -m followup_sheet refresh ...` writes its profile: with the quick exit
    taken under the profiler, the file was never written."""
    tracker = tmp_path / "tracker.xlsx"
    tracker.write_bytes((ROOT / "sample_tracker.xlsx").read_bytes())
    stats = tmp_path / "refresh.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "followup_sheet", "-q",
                           "refresh", str(tracker), "--today", "2026-11-26", "--no-backup",
                           "--output", str(tmp_path / "out.xlsx")],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.xlsx").exists()
    assert any("render_scripts" in name for _, _, name in pstats.Stats(str(stats)).stats)  # type: ignore[attr-defined]
