"""Command line: parse, call one library function, print. Exit codes: 0 ok, 1 handled problem, 2 usage.

Heavy imports (pandas, lxml, jinja2) happen inside the commands so `--help` starts fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import re
import signal
import sys
from pathlib import Path

from . import __version__
from .errors import FollowupError

DEMO_NAME = "demo_tracker.xlsx"   # not sample_tracker.xlsx, so a demo in a checkout leaves that file alone
STATUS_ORDER = ("Overdue", "Due today", "Due soon", "Waiting", "Check data", "Gone cold", "Not applied", "Closed")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-10") from None


def _time(text: str) -> str:
    try:
        dt.datetime.strptime(text, "%H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 07:30") from None
    return text


def _poll(text: str) -> float:
    from .settings import POLL_RANGE
    low, high = POLL_RANGE
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not low <= seconds <= high:   # nan and inf fail this too
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds between {low:g} and {high:g}")
    return seconds


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="act as if it were this day")
    common.add_argument("--config", type=Path, metavar="FILE", help="settings file (default: followup.toml beside the workbook)")
    common.add_argument("-v", "--verbose", action="store_true", help="say more about what happens")

    parser = argparse.ArgumentParser(
        prog="followup-sheet",
        description="Follow-up statuses, next dates and phone scripts, written into your own job tracker.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("refresh", parents=[common], help="update the tracker's follow-up columns and Today sheet")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx")
    p.add_argument("--sheet", metavar="NAME", help="the tracker sheet (default: the one that looks most like a tracker)")
    p.add_argument("--templates", type=Path, metavar="DIR", help="your own script templates (override by file name)")
    p.add_argument("--output", type=Path, metavar="PATH", help="write a copy here instead of updating the tracker")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--no-backup", action="store_true", help="do not keep a backup copy of the tracker")
    p.add_argument("--force", action="store_true",
                   help="let --output replace an existing file (a copy is kept in .followup-backups)")

    p = sub.add_parser("today", parents=[common], help="print today's calls, or export them")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx")
    p.add_argument("--sheet", metavar="NAME")
    p.add_argument("--templates", type=Path, metavar="DIR")
    p.add_argument("--out", type=Path, metavar="FILE.xlsx|FILE.csv", help="export instead of printing")
    p.add_argument("--force", action="store_true",
                   help="let --out replace a file the tool did not write (a copy is kept in .followup-backups)")

    p = sub.add_parser("check", parents=[common], help="show how the tracker is read; write nothing")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx")
    p.add_argument("--sheet", metavar="NAME")

    p = sub.add_parser("demo", parents=[common], help="make a sample tracker dated for today and refresh it")
    p.add_argument("folder", type=Path, nargs="?", default=Path("."), metavar="DIR")

    p = sub.add_parser("watch", parents=[common], help="keep the tracker fresh: daily and whenever it is saved")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx")
    p.add_argument("--sheet", metavar="NAME")
    p.add_argument("--templates", type=Path, metavar="DIR")
    p.add_argument("--at", type=_time, action="append", metavar="HH:MM", help="daily refresh time (repeatable; default 07:30)")
    p.add_argument("--poll", type=_poll, default=3.0, metavar="SECONDS", help="how often to look for saves (default 3)")
    p.add_argument("--once", action="store_true", help="refresh once and exit (for cron / Task Scheduler)")
    p.add_argument("--no-backup", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    _tolerant_console()
    args = _parser().parse_args(argv)
    if hasattr(signal, "SIGXFSZ"):
        # A file size limit (ulimit -f) would kill the process mid-write; ignored, the write
        # fails with EFBIG instead and is reported like any other failed save.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    if args.command != "watch":
        # A one-shot run makes millions of short-lived cell objects and no garbage cycles worth
        # collecting before it exits: the cyclic collector would only rescan them (about 5%).
        gc.disable()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(message)s")
    try:
        return COMMANDS[args.command](args)
    except FollowupError as exc:
        print(f"followup-sheet: {for_terminal(exc, newlines=True)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:   # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except Exception as exc:   # a bug: one line (the details with -v), never a traceback
        if args.verbose:
            import traceback
            traceback.print_exc()
        print(f"followup-sheet: internal error: {for_terminal(f'{type(exc).__name__}: {exc}')[:300]}; nothing was "
              "changed; run again with -v for the details and report it", file=sys.stderr)
        return 1
    finally:
        values = sys.modules.get(f"{__package__}.values")
        if values is not None:   # a command that failed before reading leaves its preload behind
            values.discard_preload()


def _tolerant_console() -> None:
    """Text a console cannot show (日本株式会社 on a cp1252 one) is shown escaped, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and stream.errors == "strict":
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


# Control characters (a terminal's escape sequences among them) and the invisible marks that
# reverse the direction of text: cell text shows them as escapes, never raw.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_NEWLINE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: object, newlines: bool = False) -> str:
    """`text` safe for a terminal: control characters as escapes like \\x1b (line breaks kept
    only with `newlines`)."""
    pattern = _CONTROL if newlines else _CONTROL_OR_NEWLINE
    text = str(text)
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _say(text: str = "") -> None:
    """Print a line of the command's output; cell text in it never reaches the terminal raw."""
    print(for_terminal(text, newlines=True))


def _overrides(args) -> dict:
    return {"templates": getattr(args, "templates", None)}


def _preload(args) -> None:
    """Let calamine parse the workbook while pandas is imported (see values.py)."""
    from .values import preload
    preload(args.tracker, args.sheet)


def cmd_refresh(args) -> int:
    _preload(args)
    from .pipeline import refresh
    result = refresh(args.tracker, sheet=args.sheet, today=args.today, config=args.config,
                     output=args.output, dry_run=args.dry_run, backup=not args.no_backup, force=args.force,
                     **_overrides(args))
    if result.empty:
        _say(f"{args.tracker}: no applications yet; nothing written.")
        return 0
    _print_summary(result.counts)
    if args.dry_run:
        _say(f"Dry run: {result.path} would {'change' if result.changed else 'stay as it is'}; nothing written.")
        for o in result.sheets:
            _print_changes(o)
    elif result.written:
        _say(f"Updated {result.path}" + (f" (backup: {result.backup})" if result.backup else ""))
    else:
        _say(f"{result.path} is already up to date.")
    _print_today(result.today, limit=20)
    return 0


def cmd_today(args) -> int:
    _preload(args)
    from .pipeline import compute, export_today
    _, table, settings = compute(args.tracker, sheet=args.sheet, today=args.today, config=args.config,
                                 **_overrides(args))
    if args.out:
        done = export_today(table, args.out, tracker=args.tracker, force=args.force, backups=settings.backups)
        _say(f"Wrote {len(table)} call(s) for today to {args.out}"
              + (f" (the old file is kept as {done.backup})" if done.backup else ""))
    else:
        _print_today(table, scripts=True)
    return 0


def cmd_check(args) -> int:
    _preload(args)
    from .pipeline import check
    report = check(args.tracker, sheet=args.sheet, config=args.config, today=args.today)
    _say(f"{report.path}")
    _say("\n".join(report.lines).rstrip())
    return 0


def cmd_demo(args) -> int:
    from .pipeline import refresh
    from .sample import build_new_sample
    today = args.today or dt.date.today()
    path = build_new_sample(args.folder, DEMO_NAME, today=today)
    result = refresh(path, today=today, config=args.config, backup=False)
    _print_summary(result.counts)
    _print_today(result.today)
    _say(f"\nOpen {path.resolve()} to see the Follow-up Status, Next Follow-up and Follow-up Script "
          "columns and the Today sheet.")
    from .pipeline import you_reminder
    from .settings import load_settings
    reminder = you_reminder(load_settings(path, args.config))
    if reminder:
        print(f"\n{reminder}")
    return 0


def cmd_watch(args) -> int:
    from .watch import watch_command
    return watch_command(args)


COMMANDS = {"refresh": cmd_refresh, "today": cmd_today, "check": cmd_check, "demo": cmd_demo,
            "watch": cmd_watch}


def _print_summary(counts: dict[str, int]) -> None:
    shown = [f"{counts[s]} {s.lower()}" for s in STATUS_ORDER if counts.get(s)]
    _say("Applications: " + (", ".join(shown) if shown else "none"))


def _print_changes(outcome) -> None:
    t = outcome.tracker
    _say(f"Sheet {t.sheet!r}: {len(t.frame)} rows would get a status in columns "
          + ", ".join(_col(c) for c in t.output_columns))
    for row, status in outcome.plan["status"].items():
        due = outcome.plan.at[row, "due"]
        _say(f"  row {row}: {status}" + (f", next {due:%Y-%m-%d}" if due == due and due is not None else ""))


def _col(c: int) -> str:
    from .xlsx import column_letters
    return column_letters(c)


def _print_today(table, scripts: bool = False, limit: int | None = None) -> None:
    if table.empty:
        _say("Today: nothing overdue or due today.")
        return
    _say(f"Today: {len(table)} call(s)")
    rows = [("Company", "Position", "Contact", "Phone", "Status", "Late")]
    shown = table if limit is None else table.head(limit)
    for r in shown.itertuples(index=False):
        late = f"{r.days_overdue}d" if r.days_overdue else ""
        rows.append(tuple(for_terminal(v) for v in (r.company, r.position, r.contact, r.phone, r.status, late)))
    widths = [min(max(len(str(x[i])) for x in rows), 28) for i in range(len(rows[0]))]
    for line in rows:
        _say("  " + "  ".join(str(v)[:w].ljust(w) for v, w in zip(line, widths)).rstrip())
    if len(shown) < len(table):
        _say(f"  ... and {len(table) - len(shown)} more: see the Today sheet, or `followup-sheet today`")
    if scripts:
        for r in table.itertuples(index=False):
            _say(f"\n--- {for_terminal(r.company or r.position)} (row {r.row} of {for_terminal(repr(r.sheet))}) ---\n"
                 f"{for_terminal(r.script, newlines=True)}")


if __name__ == "__main__":
    sys.exit(main())
