"""Time `followup-sheet refresh` against the openpyxl floor and against `import pandas`.

    python benchmarks/bench.py                      # 100, 1000, 10000, 100000 rows, 3 runs
    python benchmarks/bench.py --quick              # 100 and 1000 rows only
    python benchmarks/bench.py --sizes 100 1000 --runs 2
    python benchmarks/bench.py --markdown docs/benchmarks.md
    python benchmarks/bench.py --shape both --sizes 10000 --runs 5 --no-startup
    python benchmarks/bench.py --tracker my.xlsx --runs 5 --no-startup

What is measured (each one a separate process, started the same way):

* refresh: `followup-sheet refresh IN.xlsx --today 2026-11-26 --no-backup --output OUT.xlsx`
  on a generated tracker (benchmarks/make_trackers.py, or make_wide_trackers.py for
  `--shape wide`; files cached in benchmarks/out/), or on any workbook given with `--tracker`.
* floor: `python -c "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]);
  wb.save(sys.argv[2])"` on the same file: what a plain openpyxl round trip costs.
* start-up: `followup-sheet --help` and a refresh of the 100-row tracker, each against
  `python -c "import pandas"`.

The two sides of a comparison run in turns (refresh, floor, then floor, refresh, ...), each
on a fresh copy of the input in a scratch folder; with several trackers (shapes, sizes, files)
each round of runs goes through all of them, so they share the machine's ups and downs. Figures
are medians over the runs; the
ratio is the median of the per-pair ratios, so a slow moment on a shared machine hits one
pair rather than one side. Peak memory is the child's ru_maxrss from os.wait4 (KB on
Linux), the highest over the runs. Per-row cost is the median wall time divided by the rows.

The script prints PASS/FAIL next to the project's targets but always exits 0: it is a
measurement, not a test. A refresh that fails is reported with the tail of its stderr, and
the rest of the measurement goes on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_trackers import DEFAULT_OUTDIR, REFERENCE_DAY, ensure_tracker  # noqa: E402
from make_wide_trackers import ensure_wide_tracker  # noqa: E402

DEFAULT_SIZES = (100, 1000, 10000, 100000)
QUICK_SIZES = (100, 1000)
FLOOR_CODE = "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])"
PANDAS_CODE = "import pandas"
STDERR_TAIL_LINES = 15
MARK_START = "<!-- bench:results:start -->"
MARK_END = "<!-- bench:results:end -->"

# Targets from the "Speed and memory" issue.
RATIO_TARGET = 0.35        # refresh time / floor time, at 10k and 100k rows
RSS_TARGET = 0.50          # refresh peak RSS / floor peak RSS, at 100k rows
GROWTH_TARGET = 0.10       # per-row cost at 100k may be at most 10% above that at 10k
REFRESH_100_TARGET = 1.30  # 100-row refresh / `import pandas`
HELP_TARGET = 0.50         # `followup-sheet --help` / `import pandas`


# --------------------------------------------------------------------------------------------
# Running one process

@dataclass
class Run:
    seconds: float
    maxrss_kb: int | None
    returncode: int
    stderr_tail: str = ""
    problem: str = ""          # why the run does not count (exit code, missing output...)

    @property
    def ok(self) -> bool:
        return not self.problem


def run_process(argv: list[str], workdir: Path, timeout: float) -> Run:
    """Run argv to completion; wall time and the child's own peak RSS."""
    out_path, err_path = workdir / "stdout.txt", workdir / "stderr.txt"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=workdir)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(proc.pid, 0)
                seconds = time.perf_counter() - start
                proc.returncode = os.waitstatus_to_exitcode(status)
                maxrss = usage.ru_maxrss
                if sys.platform == "darwin":       # bytes there, KB on Linux
                    maxrss //= 1024
            else:                                  # no per-child rusage (Windows)
                proc.wait()
                seconds = time.perf_counter() - start
                maxrss = None
        finally:
            timer.cancel()
    tail = _tail(err_path)
    run = Run(seconds, maxrss, proc.returncode, tail)
    if proc.returncode != 0:
        run.problem = (f"killed after the {timeout:.0f}s timeout" if proc.returncode == -9 and seconds >= timeout
                       else f"exit code {proc.returncode}")
    return run


def _tail(path: Path, lines: int = STDERR_TAIL_LINES) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


def refresh_command(use_module: bool) -> list[str]:
    """The installed console script beside this interpreter, else `python -m followup_sheet`."""
    script = Path(sys.executable).parent / ("followup-sheet.exe" if os.name == "nt" else "followup-sheet")
    if script.is_file() and not use_module:
        return [str(script)]
    return [sys.executable, "-m", "followup_sheet"]


def check_refresh_output(path: Path) -> str:
    """'' if `path` is a workbook with a Today sheet, else what is wrong with it."""
    if not path.is_file():
        return "no output file written"
    try:
        with zipfile.ZipFile(path) as z:
            workbook_xml = z.read("xl/workbook.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        return f"output is not a readable workbook ({exc})"
    if 'name="Today"' not in workbook_xml:
        return "output has no Today sheet"
    return ""


# --------------------------------------------------------------------------------------------
# Measurements

@dataclass
class Side:
    name: str
    runs: list[Run] = field(default_factory=list)
    failure: Run | None = None   # first failed run, kept for its stderr

    @property
    def good(self) -> list[Run]:
        return [r for r in self.runs if r.ok]

    @property
    def median(self) -> float | None:
        good = self.good
        return statistics.median(r.seconds for r in good) if good else None

    @property
    def peak_kb(self) -> int | None:
        values = [r.maxrss_kb for r in self.good if r.maxrss_kb is not None]
        return max(values) if values else None


def paired_ratio(a: Side, b: Side) -> float | None:
    """Median of a/b over the pairs (same index) where both runs counted."""
    ratios = [x.seconds / y.seconds for x, y in zip(a.runs, b.runs) if x.ok and y.ok and y.seconds > 0]
    return statistics.median(ratios) if ratios else None


SHAPES = ("default", "wide")


@dataclass
class SizeResult:
    rows: int | None      # None for a workbook given with --tracker
    input_kb: float
    refresh: Side
    floor: Side
    shape: str = "default"   # "default", "wide", or the file name given with --tracker

    @property
    def ratio(self):
        return paired_ratio(self.refresh, self.floor)

    @property
    def rss_ratio(self):
        a, b = self.refresh.peak_kb, self.floor.peak_kb
        return a / b if a and b else None

    def per_row_us(self, side: Side):
        m = side.median
        return m / self.rows * 1e6 if m is not None and self.rows else None

    @property
    def label(self) -> str:
        return f"{self.shape}, {self.rows:,} rows" if self.rows else self.shape


class Bench:
    def __init__(self, args):
        self.args = args
        self.refresh_cmd = refresh_command(args.module)
        self.today = args.today
        self.scratch = Path(tempfile.mkdtemp(prefix="followup-bench-"))

    def close(self):
        shutil.rmtree(self.scratch, ignore_errors=True)

    def log(self, text=""):
        print(text, flush=True)

    # Individual commands, each on a fresh copy of the input.
    def _fresh(self, source: Path) -> tuple[Path, Path, Path]:
        workdir = self.scratch / "run"
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir()
        src = workdir / "tracker.xlsx"
        shutil.copyfile(source, src)
        return workdir, src, workdir / "out.xlsx"

    def refresh(self, source: Path) -> Run:
        workdir, src, out = self._fresh(source)
        run = run_process([*self.refresh_cmd, "refresh", str(src), "--today", self.today,
                           "--no-backup", "--output", str(out)], workdir, self.args.timeout)
        if run.ok:
            run.problem = check_refresh_output(out)
        return run

    def floor(self, source: Path) -> Run:
        workdir, src, out = self._fresh(source)
        run = run_process([sys.executable, "-c", FLOOR_CODE, str(src), str(out)], workdir, self.args.timeout)
        if run.ok and not out.is_file():
            run.problem = "no output file written"
        return run

    def help(self) -> Run:
        workdir = self.scratch / "run"
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir()
        return run_process([*self.refresh_cmd, "--help"], workdir, self.args.timeout)

    def import_pandas(self) -> Run:
        workdir = self.scratch / "run"
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir()
        return run_process([sys.executable, "-c", PANDAS_CODE], workdir, self.args.timeout)

    def record(self, side: Side, run: Run) -> None:
        side.runs.append(run)
        if not run.ok and side.failure is None:
            side.failure = run
            self.log(f"    {side.name} FAILED: {run.problem}")
            if run.stderr_tail:
                self.log(_indent(run.stderr_tail, "      | "))

    def tracker(self, rows: int, shape: str = "default") -> Path:
        if shape == "wide":
            path, took = ensure_wide_tracker(self.args.outdir, rows, self.args.seed, self.args.writer)
        else:
            path, took = ensure_tracker(self.args.outdir, rows, self.args.seed)
        if took is not None:
            self.log(f"  generated {path.name} in {took:.1f}s")
        return path

    def warm_up(self, source: Path) -> None:
        """One untimed pass of each command so .pyc files and the page cache are in place."""
        self.log("warming up (untimed) ...")
        self.import_pandas()
        self.help()
        self.floor(source)
        self.refresh(source)

    def measure(self, cases: list[tuple[str, int | None, Path]]) -> list[SizeResult]:
        """Paired refresh/floor runs of every (shape, rows, file) case, round after round: each
        round goes through all the cases, so they are measured side by side."""
        results = [SizeResult(rows, path.stat().st_size / 1024, Side("refresh"), Side("floor"), shape)
                   for shape, rows, path in cases]
        for i in range(self.args.runs):
            for result, (_, _, path) in zip(results, cases):
                refresh, floor = result.refresh, result.floor
                order = ("refresh", "floor") if i % 2 == 0 else ("floor", "refresh")
                parts = []
                for which in order:
                    if which == "refresh":
                        if refresh.failure is not None:     # one failure is enough: skip the rest
                            refresh.runs.append(refresh.failure)
                            continue
                        run = self.refresh(path)
                        self.record(refresh, run)
                    else:
                        run = self.floor(path)
                        self.record(floor, run)
                    parts.append(f"{which} {_secs(run.seconds)} {_mb(run.maxrss_kb)}"
                                 + ("" if run.ok else " (failed)"))
                pair = (f" ratio {run_ratio:.2f}x" if (run_ratio := paired_ratio(
                    Side("", refresh.runs[-1:]), Side("", floor.runs[-1:]))) is not None else "")
                self.log(f"  {result.label}, run {i + 1}/{self.args.runs}: " + " | ".join(parts) + pair)
        return results

    def measure_startup(self) -> dict[str, Side]:
        path = self.tracker(100)
        sides = {"pandas": Side("import pandas"), "help": Side("--help"), "refresh": Side("refresh 100 rows")}
        rounds = self.args.startup_runs
        for i in range(rounds):
            names = list(sides)
            names = names[i % 3:] + names[:i % 3]        # rotate who goes first
            parts = []
            for name in names:
                side = sides[name]
                if side.failure is not None:
                    side.runs.append(side.failure)
                    continue
                run = {"pandas": self.import_pandas, "help": self.help,
                       "refresh": lambda: self.refresh(path)}[name]()
                self.record(side, run)
                parts.append(f"{name} {_secs(run.seconds)}" + ("" if run.ok else " (failed)"))
            self.log(f"  start-up round {i + 1}/{rounds}: " + " | ".join(parts))
        return sides


# --------------------------------------------------------------------------------------------
# Reporting

def _secs(v):
    if v is None:
        return "-"
    return f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s"


def _mb(kb):
    return "-" if kb is None else f"{kb / 1024:.0f} MB"


def _x(v):
    return "-" if v is None else f"{v:.2f}x"


def _us(v):
    return "-" if v is None else (f"{v:.0f}" if v >= 100 else f"{v:.1f}")


def _indent(text, prefix):
    return "\n".join(prefix + line for line in text.splitlines())


def size_table(results: list[SizeResult]) -> tuple[list[str], list[list[str]]]:
    head = ["tracker", "rows", "input", "refresh", "floor", "ratio", "refresh µs/row", "marginal µs/row",
            "floor µs/row", "refresh RSS", "floor RSS", "RSS ratio"]
    body = []
    previous: dict[str, SizeResult] = {}   # the last result of each shape: marginal cost within a shape
    for r in results:
        marginal = None
        prev = previous.get(r.shape)
        if prev is not None and r.rows and prev.rows and r.rows != prev.rows \
                and r.refresh.median is not None and prev.refresh.median is not None:
            marginal = (r.refresh.median - prev.refresh.median) / (r.rows - prev.rows) * 1e6
        body.append([
            r.shape, f"{r.rows:,}" if r.rows else "-", f"{r.input_kb:,.0f} KB",
            _secs(r.refresh.median) if r.refresh.good else "FAILED",
            _secs(r.floor.median) if r.floor.good else "FAILED",
            _x(r.ratio), _us(r.per_row_us(r.refresh)), _us(marginal), _us(r.per_row_us(r.floor)),
            _mb(r.refresh.peak_kb), _mb(r.floor.peak_kb), _x(r.rss_ratio),
        ])
        previous[r.shape] = r
    return head, body


def startup_table(sides: dict[str, Side]) -> tuple[list[str], list[list[str]]]:
    head = ["command", "median", "vs import pandas", "peak RSS"]
    body = []
    for name, side in sides.items():
        ratio = None if name == "pandas" else paired_ratio(side, sides["pandas"])
        body.append([_command_label(name), _secs(side.median) if side.good else "FAILED",
                     "1.00x" if name == "pandas" else _x(ratio), _mb(side.peak_kb)])
    return head, body


def _command_label(name):
    return {"pandas": 'python -c "import pandas"', "help": "followup-sheet --help",
            "refresh": "followup-sheet refresh (100 rows)"}[name]


def evaluate_targets(results: list[SizeResult], startup: dict[str, Side] | None) -> list[tuple[str, str, str]]:
    """(target, measured, verdict) rows. Verdict: PASS, FAIL, or n/a when not measured."""
    by_rows = {r.rows: r for r in results if r.shape == "default"}
    rows = []

    def verdict(value, limit, available, why_missing):
        if not available:
            return "-", "n/a (not run)"
        if value is None:
            return "-", f"FAIL ({why_missing})"
        return value, "PASS" if value <= limit else "FAIL"

    for n in (10000, 100000):
        r = by_rows.get(n)
        value, v = verdict(r and r.ratio, RATIO_TARGET, r is not None, "refresh failed")
        rows.append((f"refresh ≤ {RATIO_TARGET}x floor at {n:,} rows", _x(value) if value != "-" else "-", v))
    for r in results:   # the other shapes and given files: the same ratio target where they are big enough
        if r.shape != "default" and (r.rows is None or r.rows >= 10000):
            value, v = verdict(r.ratio, RATIO_TARGET, True, "refresh failed")
            rows.append((f"refresh ≤ {RATIO_TARGET}x floor, {r.label}", _x(value) if value != "-" else "-", v))
    r = by_rows.get(100000)
    value, v = verdict(r and r.rss_ratio, RSS_TARGET, r is not None, "refresh failed")
    rows.append((f"peak RSS at 100,000 rows ≤ {RSS_TARGET}x floor's", _x(value) if value != "-" else "-", v))
    a, b = by_rows.get(10000), by_rows.get(100000)
    growth = None
    if a and b and a.per_row_us(a.refresh) and b.per_row_us(b.refresh):
        growth = b.per_row_us(b.refresh) / a.per_row_us(a.refresh) - 1
    value, v = verdict(growth, GROWTH_TARGET, bool(a and b), "refresh failed")
    rows.append((f"per-row cost 100,000 vs 10,000 rows ≤ +{GROWTH_TARGET:.0%}",
                 f"{value:+.1%}" if value != "-" else "-", v))
    if startup is None:
        rows.append((f"100-row refresh ≤ {REFRESH_100_TARGET}x import pandas", "-", "n/a (not run)"))
        rows.append((f"--help ≤ {HELP_TARGET}x import pandas", "-", "n/a (not run)"))
    else:
        checks = (("refresh", REFRESH_100_TARGET, f"100-row refresh ≤ {REFRESH_100_TARGET}x import pandas"),
                  ("help", HELP_TARGET, f"--help ≤ {HELP_TARGET}x import pandas"))
        for key, limit, label in checks:
            value, v = verdict(paired_ratio(startup[key], startup["pandas"]), limit, True, f"{key} failed")
            rows.append((label, _x(value) if value != "-" else "-", v))
    return rows


def text_table(head, body) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *body)]

    def line(cells) -> str:
        return "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return "\n".join([line(head), "  ".join("-" * w for w in widths), *map(line, body)])


def md_table(head, body) -> str:
    out = ["| " + " | ".join(head) + " |",
           "|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in body]
    return "\n".join(out)


def failures(results, startup) -> list[tuple[str, Run]]:
    found = []
    for r in results:
        for side in (r.refresh, r.floor):
            if side.failure is not None:
                found.append((f"{side.name}, {r.label}", side.failure))
    for side in (startup or {}).values():
        if side.failure is not None:
            found.append((side.name, side.failure))
    return found


def environment(args, refresh_cmd) -> list[tuple[str, str]]:
    def version(dist):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = "unknown"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True,
                                text=True, timeout=10).stdout.strip() or "unknown"
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=HERE,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        if dirty and commit != "unknown":
            commit += " (with uncommitted changes)"
    except (OSError, subprocess.SubprocessError):
        pass
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "-"
    return [
        ("date", dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("commit", commit),
        ("followup-sheet", version("followup-sheet")),
        ("python", platform.python_version()),
        ("openpyxl / pandas", f"{version('openpyxl')} / {version('pandas')}"),
        ("machine", f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} CPUs"),
        ("CPUs this run may use", str(usable_cpus())),
        ("load average at start", load),
        ("trackers", ", ".join(args.shapes) + (f"; files: {', '.join(p.name for p in args.tracker)}"
                                                 if args.tracker else "")),
        ("runs per size / start-up rounds", f"{args.runs} / {args.startup_runs}"),
        ("refresh command", " ".join(Path(refresh_cmd[0]).name if i == 0 else a
                                     for i, a in enumerate(refresh_cmd))
         + f" refresh FILE --today {args.today} --no-backup --output OUT.xlsx"),
    ]


def usable_cpus() -> int:
    """CPUs the measured processes may run on (less than the machine's under `taskset`)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def render_text(env, results, startup, targets, fails) -> str:
    parts = ["", "== followup-sheet benchmark ==", *(f"{k}: {v}" for k, v in env), ""]
    if results:
        parts += ["refresh vs openpyxl floor (load_workbook + save), medians; ratio = median of per-pair ratios",
                  text_table(*size_table(results)), ""]
    if startup:
        parts += ["start-up", text_table(*startup_table(startup)), ""]
    parts += ["targets", text_table(["target", "measured", "result"], [list(t) for t in targets]), ""]
    for label, run in fails:
        parts += [f"FAILED: {label}: {run.problem}", _indent(run.stderr_tail or "(no stderr)", "  | "), ""]
    return "\n".join(parts)


def render_markdown(env, results, startup, targets, fails) -> str:
    parts = [md_table(["setting", "value"], [[k, v] for k, v in env]), ""]
    if results:
        parts += ["Refresh against the openpyxl floor (medians; ratio = median of per-pair ratios; "
                  "RSS = peak resident memory of the process):", "", md_table(*size_table(results)), ""]
    if startup:
        parts += ["Start-up:", "", md_table(*startup_table(startup)), ""]
    parts += ["Targets:", "", md_table(["target", "measured", "result"], [list(t) for t in targets]), ""]
    for label, run in fails:
        parts += [f"**Failed: {label}** ({run.problem}):", "", "```",
                  run.stderr_tail or "(no stderr)", "```", ""]
    return "\n".join(parts).rstrip() + "\n"


def write_markdown(path: Path, body: str) -> None:
    """Replace the marked results block of `path`, or write the whole file if it has none."""
    block = f"{MARK_START}\n{body}{MARK_END}"
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        start, end = text.find(MARK_START), text.find(MARK_END)
        if start != -1 and end > start:
            path.write_text(text[:start] + block + text[end + len(MARK_END):], encoding="utf-8")
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# followup-sheet benchmark results\n\n" + block + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------

def parse_args(argv=None):
    p = argparse.ArgumentParser(
        description="Time `followup-sheet refresh` against an openpyxl load+save and `import pandas`. "
                    "Always exits 0: PASS/FAIL next to the targets is information.")
    p.add_argument("--sizes", type=int, nargs="+", metavar="ROWS",
                   help=f"tracker sizes in data rows (default: {' '.join(map(str, DEFAULT_SIZES))})")
    p.add_argument("--quick", action="store_true",
                   help=f"small sizes only ({' '.join(map(str, QUICK_SIZES))}) unless --sizes is given")
    p.add_argument("--runs", type=int, default=3, help="timed runs of each side per size (default: 3)")
    p.add_argument("--startup-runs", type=int, default=None,
                   help="rounds of the start-up comparison (default: --runs, at least 5)")
    p.add_argument("--no-startup", action="store_true", help="skip the start-up comparison")
    p.add_argument("--no-warmup", action="store_true", help="skip the untimed first pass")
    p.add_argument("--markdown", type=Path, metavar="FILE",
                   help="also write the results as Markdown: between the "
                        f"'{MARK_START}' and '{MARK_END}' lines if FILE has them, else the whole file")
    p.add_argument("--outdir", type=Path, default=DEFAULT_OUTDIR,
                   help=f"where generated trackers are cached (default: {DEFAULT_OUTDIR})")
    p.add_argument("--seed", type=int, default=0, help="tracker generator seed (default: 0)")
    p.add_argument("--shape", choices=(*SHAPES, "both"), default=None,
                   help="generated trackers to measure: default (the default; make_trackers.py), wide "
                        "(make_wide_trackers.py: 30 columns, many shared strings, a second sheet) or both")
    p.add_argument("--writer", choices=("auto", "libreoffice", "openpyxl"), default="auto",
                   help="program that saves the wide trackers (default: LibreOffice when installed)")
    p.add_argument("--tracker", type=Path, nargs="+", default=[], metavar="FILE",
                   help="also measure these workbooks (only these, unless --shape or --sizes is given)")
    p.add_argument("--today", default=REFERENCE_DAY.isoformat(),
                   help=f"--today passed to refresh (default: {REFERENCE_DAY.isoformat()})")
    p.add_argument("--module", action="store_true",
                   help="run `python -m followup_sheet` instead of the followup-sheet script")
    p.add_argument("--timeout", type=float, default=1800, help="seconds before a process is killed (default: 1800)")
    args = p.parse_args(argv)
    if args.tracker:
        missing = [str(f) for f in args.tracker if not f.is_file()]
        if missing:
            p.error(f"no such file: {', '.join(missing)}")
        args.tracker = [f.resolve() for f in args.tracker]
        if args.sizes is None and args.shape is None:   # the given files alone
            args.sizes = []
    shape = args.shape or "default"
    args.shapes = list(SHAPES) if shape == "both" else [shape]
    if args.sizes is None:
        args.sizes = list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    if any(n < 1 for n in args.sizes):
        p.error("--sizes must be 1 or more")
    args.sizes = sorted(set(args.sizes))
    if args.runs < 1:
        p.error("--runs must be 1 or more")
    if args.startup_runs is None:
        args.startup_runs = max(5, args.runs)
    if args.startup_runs < 1:
        p.error("--startup-runs must be 1 or more")
    return args


def compile_package() -> None:
    """Byte-compile followup_sheet, as `pip install` does: with PYTHONDONTWRITEBYTECODE set (or an
    editable install), every run would otherwise compile its modules from source."""
    import compileall

    import followup_sheet
    compileall.compile_dir(Path(followup_sheet.__file__).parent, quiet=1)


def main(argv=None) -> int:
    args = parse_args(argv)
    bench = Bench(args)
    env = environment(args, bench.refresh_cmd)
    try:
        bench.log(f"trackers: {args.outdir}   scratch: {bench.scratch}")
        cases = [(shape, rows, bench.tracker(rows, shape)) for rows in args.sizes for shape in args.shapes]
        cases += [(f.name, None, f) for f in args.tracker]
        if not args.no_warmup:
            compile_package()
            bench.warm_up(min(cases, key=lambda c: c[2].stat().st_size)[2] if cases else bench.tracker(100))
        startup = None
        if not args.no_startup:
            bench.log("start-up:")
            startup = bench.measure_startup()
        bench.log("refresh and floor, in pairs:")
        results = bench.measure(cases)
    finally:
        bench.close()

    targets = evaluate_targets(results, startup)
    fails = failures(results, startup)
    print(render_text(env, results, startup, targets, fails), flush=True)
    if args.markdown:
        write_markdown(args.markdown, render_markdown(env, results, startup, targets, fails))
        print(f"Markdown written to {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
