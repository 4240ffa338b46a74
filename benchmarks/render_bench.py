"""Micro-benchmark of the render stage: microseconds per rendered follow-up script.

    python benchmarks/render_bench.py                        # the bundled templates
    python benchmarks/render_bench.py --renders 5000
    python benchmarks/render_bench.py --baseline /tmp/old/templates

For every template (`{situation}_{channel}.j2`) the script renders `--renders` varied contexts
(names, titles, sources, dates and settings present or missing, different follow-up numbers)
and prints the best of `--repeats` timed passes, in µs per render. The contexts are built
once with `script_context()` beforehand; its own cost per row is printed on a separate line, as
is the whole `render_scripts()` call per scripted row.

`--baseline DIR` also times another template folder side by side, for example the templates of
an earlier commit (`mkdir /tmp/old && git archive REV templates | tar -x -C /tmp/old`). That
folder is rendered in a plain Jinja2 environment with the project's options, so templates that
import their own `_macros.j2` are measured as they were; templates that use the shared phrase
helpers need the project's environment and are rendered with it instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from followup_sheet.plan import SITUATIONS  # noqa: E402
from followup_sheet.render import get_template, render_scripts, script_context  # noqa: E402
from followup_sheet.settings import Settings  # noqa: E402

TODAY = dt.date(2026, 11, 26)
COMPANIES = ["Acme Design Group", "Globex Inc.", "Initech", "Umbrella Health", "Stark Industries", ""]
POSITIONS = ["Senior Planner", "UX Designer", "Engineer", "HR Manager", "Data Analyst role",
             "Operations Lead", "Account Executive position", ""]
PEOPLE = ["Dana Whitfield", "Ms. Dana Whitfield", "Marcus Lee", "Priya Raman (Talent Acquisition)",
          "Whitfield, Dana", "Dr. Lee", "People Team", ""]
DEPTS = ["Engineering", "Finance", ""]
SOURCES = ["LinkedIn", "Indeed", "company website", "Email", "referral", "Glassdoor", ""]
PITCHES = ["I've shipped three design systems used by 40 teams",
           "cut onboarding time by half at my last job.", ""]


def _contexts(count: int, seed: int) -> list[tuple[dict, dict, Settings]]:
    rnd = random.Random(seed)
    settings = [Settings(your_name=n, your_phone=p, your_email=e, pitch=t)
                for n in ("Jordan Rivera", "") for p in ("(555) 014-2233", "")
                for e in ("jordan@example.com", "") for t in PITCHES]
    out = []
    for _ in range(count):
        applied = TODAY - dt.timedelta(days=rnd.randint(0, 60))
        row = {"company": rnd.choice(COMPANIES), "position": rnd.choice(POSITIONS),
               "contact": rnd.choice(PEOPLE), "hiring_manager": rnd.choice(PEOPLE),
               "referrer": rnd.choice(PEOPLE), "referrer_dept": rnd.choice(DEPTS),
               "source": rnd.choice(SOURCES),
               "applied_on": pd.Timestamp(applied) if rnd.random() < 0.85 else pd.NaT,
               "last_contact": pd.Timestamp(applied + dt.timedelta(days=3)) if rnd.random() < 0.4 else pd.NaT}
        plan_row = {"follow_ups": rnd.choice([0, 0, 1, 2, 3]), "due": pd.Timestamp(TODAY),
                    "situation": "", "channel": ""}
        out.append((row, plan_row, rnd.choice(settings)))
    return out


def _time_per_call(fn, items, repeats: int) -> float:
    """The best of `repeats` passes, in µs per item (the least disturbed by other work)."""
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        for item in items:
            fn(item)
        runs.append((time.perf_counter() - start) / len(items) * 1e6)
    return min(runs)


def _baseline_env(folder: Path):
    import jinja2
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, autoescape=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--renders", type=int, default=2000, help="contexts rendered per template (default 2000)")
    ap.add_argument("--repeats", type=int, default=5, help="timed passes; the best is shown (default 5)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--templates", type=Path, help="a user template folder to time instead of the bundled one")
    ap.add_argument("--baseline", type=Path, help="another template folder to time side by side")
    args = ap.parse_args(argv)

    rows = _contexts(args.renders, args.seed)
    names = [(s, c) for s in SITUATIONS for c in ("call", "email")]
    base_env = _baseline_env(args.baseline) if args.baseline else None

    print(f"µs per render, best of {args.repeats} passes over {args.renders} contexts per template")
    print(f"{'template':28} {'baseline':>9} {'current':>9} {'speed-up':>9}" if base_env else
          f"{'template':28} {'current':>9}")
    cur_all, base_all = [], []
    for situation, channel in names:
        name = f"{situation}_{channel}.j2"
        contexts = [script_context(r, {**p, "situation": situation, "channel": channel}, TODAY, s)
                    for r, p, s in rows]
        template = get_template(name, args.templates)
        current = _time_per_call(lambda ctx, template=template: template.render(ctx).strip(), contexts, args.repeats)
        cur_all.append(current)
        if base_env is None:
            print(f"{name:28} {current:9.1f}")
            continue
        try:
            old = base_env.get_template(name)
            old.render(contexts[0])
        except Exception:   # a folder of new-style templates needs the project's helpers
            old = get_template(name, args.baseline)
        baseline = _time_per_call(lambda ctx, old=old: old.render(ctx).strip(), contexts, args.repeats)
        base_all.append(baseline)
        print(f"{name:28} {baseline:9.1f} {current:9.1f} {baseline / current:8.1f}x")
    if base_env is None:
        print(f"{'mean':28} {statistics.mean(cur_all):9.1f}")
    else:
        mean_b, mean_c = statistics.mean(base_all), statistics.mean(cur_all)
        print(f"{'mean':28} {mean_b:9.1f} {mean_c:9.1f} {mean_b / mean_c:8.1f}x")

    items = [(r, {**p, "situation": "check_in", "channel": "call"}, s) for r, p, s in rows]
    ctx_cost = _time_per_call(lambda it: script_context(it[0], it[1], TODAY, it[2]), items, args.repeats)
    print(f"\nscript_context(): {ctx_cost:.1f} µs per row")

    frame = pd.DataFrame([{**r, "problem": ""} for r, _, _ in rows], index=range(2, 2 + len(rows)))
    plan = pd.DataFrame([{**p, "status": "Due", "situation": names[i % len(names)][0],
                          "channel": names[i % len(names)][1]} for i, (_, p, _) in enumerate(rows)],
                        index=frame.index)
    settings = Settings(your_name="Jordan Rivera", your_phone="(555) 014-2233",
                        your_email="jordan@example.com", pitch=PITCHES[0])
    render_scripts(frame, plan, TODAY, settings, args.templates)   # compile once
    runs = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        render_scripts(frame, plan, TODAY, settings, args.templates)
        runs.append((time.perf_counter() - start) / len(rows) * 1e6)
    print(f"render_scripts(): {min(runs):.1f} µs per scripted row, all 16 templates mixed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
