"""Command line: parse, call one library function, print. Exit codes: 0 ok, 1 handled problem, 2 usage.

Heavy imports (pandas, lxml, jinja2) happen inside the commands so `--help` starts fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import gc
import logging
import os
import re
import shutil
import signal
import sys
import textwrap
import unicodedata
from pathlib import Path
from typing import Any, NoReturn

from . import __version__
from .catalogue import Worded, Words, in_language
from .errors import FollowupError
from .status import SUMMARY_ORDER

DEMO_NAME = "demo_tracker.xlsx"   # not sample_tracker.xlsx, so a demo in a checkout leaves that file alone
STATUS_ORDER = tuple(s.value for s in SUMMARY_ORDER)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-10") from None


def _time(text: str) -> str:
    try:
        dt.datetime.strptime(text, "%H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(Worded("argument --at: {value} is not a time like 07:30",
                                                value=repr(text))) from None
    return text


def _poll(text: str) -> float:
    from .settings import POLL_RANGE
    low, high = POLL_RANGE
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not low <= seconds <= high:   # nan and inf fail this too
        raise argparse.ArgumentTypeError(Worded("argument --poll: {value} is not a number of seconds between {low} "
                                                "and {high}", value=repr(text), low=f"{low:g}", high=f"{high:g}"))
    return seconds


def _watch_times(args: argparse.Namespace, sub: argparse.ArgumentParser) -> None:
    """`watch --at` and `--poll`, read after the command line so that a mistake in them is said in
    the language of --language, else of the settings file's [you] language (the tracker is not
    read yet). Other commands have neither."""
    if args.command != "watch":
        return
    try:
        args.at = [_time(text) for text in args.at] if args.at else None
        args.poll = _poll(str(args.poll))
    except argparse.ArgumentTypeError as exc:
        from .settings import declared_language
        language = getattr(args, "language", None) or declared_language(args.tracker, args.config) or "en"
        sub.error(in_language(exc.args[0], language))


EXPORT_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx", ".md": "md", ".html": "html", ".ics": "ics"}


def _row_number(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 1_048_576:
        raise argparse.ArgumentTypeError(f"{text!r} is not a row number (1 to 1048576)")
    return int(text)


def _weeks(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 52:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of weeks from 1 to 52")
    return int(text)


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    """The options every command takes, before or after the command name. The copies on the
    subcommands default to SUPPRESS so that a value given before the command is not overwritten."""
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if suppress else {}
    parser.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="act as if it were this day", **default)
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="settings file to read instead of followup.toml beside the workbook "
                             "(the user-wide one is read first either way)", **default)
    parser.add_argument("--language", metavar="CODE",
                        help="the language of the scripts: en, de, fr, es... (default: [you] language, else the "
                             "tracker's own)", **default)
    parser.add_argument("--log", type=Path, metavar="FILE",
                        help="append the messages to this text file instead of the terminal (for background runs)",
                        **default)
    loud = parser.add_mutually_exclusive_group()
    loud.add_argument("-v", "--verbose", action="store_true", help="say more about what happens", **default)
    loud.add_argument("-q", "--quiet", action="store_true",
                      help="print nothing on success (problems still go to stderr)", **default)


def _command(sub, name: str, common, summary: str, description: str, examples: str) -> argparse.ArgumentParser:
    return sub.add_parser(name, parents=[common], help=summary, description=textwrap.fill(description, 79),
                          epilog="examples:\n" + examples, allow_abbrev=False,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


TRACKER_HELP = "your job tracker workbook (.xlsx or .xlsm)"
SHEET_HELP = "the tracker sheet (default: the one that looks most like a tracker)"
TEMPLATES_HELP = "a folder of your own script templates; they override the built-in ones by file name"


class _Parser(argparse.ArgumentParser):
    commands: dict[str, argparse.ArgumentParser]   # command name -> its parser, for the checks in _parse


def _parser() -> _Parser:
    common = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    _global_options(common, suppress=True)

    parser = _Parser(
        prog="followup-sheet", allow_abbrev=False,
        description="Follow-up statuses, next dates and phone scripts, written into your own job tracker.",
        epilog="Run 'followup-sheet COMMAND --help' for a command's options and examples.")
    parser.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = _command(sub, "refresh", common, "update the tracker's follow-up columns and Today sheet",
                 "Read the tracker, work out each application's follow-up status, next date and script, and "
                 "write them into the tracker's own three columns and its Today sheet. Nothing else in the "
                 "workbook changes; a backup of the old file is kept in .followup-backups unless --no-backup.",
                 "  followup-sheet refresh jobs.xlsx\n"
                 "  followup-sheet refresh jobs.xlsx --dry-run          # list the cells that would change\n"
                 "  followup-sheet refresh jobs.xlsx --output copy.xlsx  # leave jobs.xlsx as it is")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx", help=TRACKER_HELP)
    p.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)
    p.add_argument("--templates", type=Path, metavar="DIR", help=TEMPLATES_HELP)
    p.add_argument("--output", "--out", dest="output", type=Path, metavar="PATH",
                   help="write a refreshed copy here instead of updating the tracker (same suffix as the tracker)")
    p.add_argument("--dry-run", action="store_true", help="list the cells that would change; write nothing")
    p.add_argument("--no-backup", action="store_true", help="do not keep a backup copy of the tracker")
    p.add_argument("--force", action="store_true",
                   help="let --output replace an existing file (a copy is kept in .followup-backups)")

    p = _command(sub, "today", common, "print today's calls, or export them",
                 "List the applications that are overdue or due today (offers first, then interviews, then "
                 "calls to return, then those with a named hiring manager or referrer, most overdue first "
                 "within each; at most calls_per_day of them, 12 unless followup.toml says otherwise), each "
                 "with why and its phone or e-mail script. The tracker is only read. With --output the list "
                 "goes to a file instead, its format from the suffix: .xlsx, .csv, .md, .html (a call sheet "
                 "to print or open on a phone) or .ics (a calendar of the follow-ups of the next --weeks weeks); or to "
                 "standard output with '-'.",
                 "  followup-sheet today jobs.xlsx\n"
                 "  followup-sheet today jobs.xlsx --output calls.html     # also .xlsx, .csv, .md\n"
                 "  followup-sheet today jobs.xlsx --output follow-ups.ics --weeks 6")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx", help=TRACKER_HELP)
    p.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)
    p.add_argument("--templates", type=Path, metavar="DIR", help=TEMPLATES_HELP)
    p.add_argument("--output", "--out", dest="output", metavar="FILE|-",
                   help="export instead of printing: a .xlsx, .csv, .md, .html or .ics file, or - for standard output")
    p.add_argument("--format", choices=("csv", "md"), metavar="csv|md",
                   help="the format for --output - (default csv)")
    p.add_argument("--weeks", type=_weeks, default=4, metavar="N",
                   help="with --output FILE.ics: the follow-ups of the next N weeks (default 4)")
    p.add_argument("--all", action="store_true", dest="all_calls",
                   help="list every call due, not only the day's calls_per_day (default 12)")
    p.add_argument("--force", action="store_true",
                   help="let --output replace a file the tool did not write (a copy is kept in .followup-backups)")

    p = _command(sub, "stats", common, "what is working: applications, replies, sources",
                 "Count the applications per week, per stage and per source; the share that got a reply from a "
                 "person, overall, by source and by the number of follow-ups made; the median days to the first "
                 "reply; and how many went cold. A figure the tracker has no column for is not guessed: the "
                 "output names the column that would give it. The tracker is only read.",
                 "  followup-sheet stats jobs.xlsx\n"
                 "  followup-sheet stats jobs.xlsx --output stats.html")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx", help=TRACKER_HELP)
    p.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)
    p.add_argument("--output", "--out", dest="output", type=Path, metavar="FILE.html",
                   help="write the figures with bar charts to this .html page instead of printing them")
    p.add_argument("--force", action="store_true",
                   help="let --output replace a file the tool did not write (a copy is kept in .followup-backups)")

    p = _command(sub, "check", common, "show how the tracker is read; write nothing",
                 "Show which sheet, header row and columns are used, where the tool's columns go, how the "
                 "stage words are understood and which rows have problems, with the fix for each. Nothing is "
                 "written. Exits 1 when some rows have problems, so scripts can test it.",
                 "  followup-sheet check jobs.xlsx\n"
                 "  followup-sheet check jobs.xlsx --sheet 'Job Hunt 2026'")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx", help=TRACKER_HELP)
    p.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)

    p = _command(sub, "explain", common, "show why a row has its status, date and script",
                 "Print one application's status, next follow-up and why, then each sentence of its script "
                 "with the facts it rests on and the cells they come from. A sentence that rests on no fact "
                 "of the row is flagged, so you can check it before you say it. Nothing is written. ROW is the "
                 "row number you see in the spreadsheet.",
                 "  followup-sheet explain jobs.xlsx 14\n"
                 "  followup-sheet explain jobs.xlsx 7 --sheet 'Job Hunt 2026'")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx", help=TRACKER_HELP)
    p.add_argument("row", type=_row_number, metavar="ROW", help="the row's number in the sheet, e.g. 14")
    p.add_argument("--sheet", metavar="NAME", help="the tracker sheet the row is on (needed when there are several)")
    p.add_argument("--templates", type=Path, metavar="DIR", help=TEMPLATES_HELP)

    p = _command(sub, "log", common, "list the applications and follow-ups of a period (work-search log)",
                 "List every application (its date applied) and follow-up (the Follow-up Log, and last-contact "
                 "dates the log does not cover) from --from to --to, this week by default: date, employer, its "
                 "phone or address, person contacted, method, position and result. The tracker is only read.",
                 "  followup-sheet log jobs.xlsx\n"
                 "  followup-sheet log jobs.xlsx --from 2026-11-23 --to 2026-11-29 --out week48.csv")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx", help=TRACKER_HELP)
    p.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)
    p.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD", help="first day (default: this Monday)")
    p.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD", help="last day (default: this Sunday)")
    p.add_argument("--out", "--output", dest="output", type=Path, metavar="FILE.csv|.xlsx",
                   help="write the log to a .csv or .xlsx file instead of printing it")
    p.add_argument("--force", action="store_true",
                   help="let --out replace an existing file (a copy is kept in .followup-backups)")

    p = _command(sub, "demo", common, "make a sample tracker dated for today and refresh it",
                 "Create demo_tracker.xlsx (or the next free 'demo_tracker (N).xlsx') with made-up "
                 "applications dated around today, refresh it and print today's calls. No existing file "
                 "is replaced.",
                 "  followup-sheet demo\n"
                 "  followup-sheet demo ~/Documents\n"
                 "  followup-sheet demo --language fr    # the sample in French, refreshed into French scripts")
    p.add_argument("folder", type=Path, nargs="?", default=Path("."), metavar="DIR",
                   help="the folder to create the sample in (default: the current folder)")

    p = _command(sub, "watch", common, "keep the tracker fresh: daily and whenever it is saved",
                 "Refresh the tracker now, every day at the given times, and a few seconds after each save. "
                 "While the workbook is open in Excel or LibreOffice the refresh waits and today's calls are "
                 "written beside it instead. With --once, refresh once and exit (for cron or Task Scheduler).",
                 "  followup-sheet watch jobs.xlsx\n"
                 "  followup-sheet watch jobs.xlsx --at 07:30 --at 13:00\n"
                 "  followup-sheet -q watch jobs.xlsx --once")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx", help=TRACKER_HELP)
    p.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)
    p.add_argument("--templates", type=Path, metavar="DIR", help=TEMPLATES_HELP)
    p.add_argument("--at", action="append", metavar="HH:MM",        # (read by _watch_times)
                   help="daily refresh time (repeatable; default 07:30)")
    p.add_argument("--poll", default="3", metavar="SECONDS", help="how often to look for saves (default 3)")
    p.add_argument("--once", action="store_true", help="refresh once and exit (for cron / Task Scheduler)")
    p.add_argument("--inbox", action=argparse.BooleanOptionalAction, default=None,
                   help="look at your mail once a day, at the first --at time, and say which tracker changes it "
                        "implies (nothing is written; the mailbox is set under [inbox] in followup.toml; "
                        "default: [inbox] watch)")
    p.add_argument("--no-backup", action="store_true", help="do not keep a backup copy of the tracker")

    p = _command(sub, "inbox", common, "propose tracker updates from the replies in your mail",
                 "Read your mail (an mbox file, a Maildir, a folder of .eml files, or an IMAP folder, read-only), "
                 "find the automatic confirmations, rejections, interview invitations, offers and replies about "
                 "the applications in the tracker, and list the changes they imply for its Response, Stage and "
                 "Last contact columns. Nothing is written unless you add --apply (a backup is kept). Messages "
                 "that could be about more than one row, or about an application the tracker lacks, are listed, "
                 "never applied. Only mail since the oldest open application is read; nothing from it is stored.",
                 "  followup-sheet inbox jobs.xlsx --mbox ~/mail/Inbox.mbox\n"
                 "  followup-sheet inbox jobs.xlsx --imap                # [inbox] in followup.toml\n"
                 "  followup-sheet inbox jobs.xlsx --eml saved-mail --apply\n"
                 "  followup-sheet inbox jobs.xlsx --mbox Inbox.mbox --add-missing --apply")
    p.add_argument("tracker", type=Path, metavar="TRACKER.xlsx", help=TRACKER_HELP)
    p.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--mbox", type=Path, metavar="FILE", help="an mbox file (as Thunderbird or Google Takeout give)")
    where.add_argument("--maildir", type=Path, metavar="DIR", help="a Maildir folder (with cur and new inside)")
    where.add_argument("--eml", type=Path, metavar="DIR", help="a folder of .eml files")
    where.add_argument("--imap", action="store_true",
                       help="the IMAP folder set under [inbox] in followup.toml (password: keyring or "
                            "FOLLOWUP_IMAP_PASSWORD)")
    p.add_argument("--apply", action="store_true", help="write the proposed changes into the tracker (with a backup)")
    p.add_argument("--add-missing", action="store_true",
                   help="also propose a new row, below your last application, for each company whose automatic "
                        "confirmation is in your mail but not in the tracker")
    p.add_argument("--skip-unreadable", action="store_true",
                   help="leave out messages no parser can read instead of stopping")
    p.add_argument("--no-backup", action="store_true", help="with --apply: do not keep a backup copy")

    p = _command(sub, "templates", common, "copy the built-in script templates for editing",
                 "Work with the Jinja2 templates the scripts are written from. 'templates export DIR' copies "
                 "the built-in ones into DIR (made if missing) so you can edit them; then pass --templates DIR "
                 "to refresh, today or watch. Existing files are never replaced.",
                 "  followup-sheet templates export my_templates\n"
                 "  followup-sheet refresh jobs.xlsx --templates my_templates")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, help="what to do")
    parser.commands = dict(sub.choices)   # for the checks in _parse
    e = actions.add_parser("export", parents=[common], allow_abbrev=False,
                           help="copy the built-in templates into a folder",
                           description="Copy the built-in templates into DIR for editing; no file is replaced.")
    parser.commands["templates export"] = e
    e.add_argument("folder", type=Path, metavar="DIR", help="the folder to copy them into (made if missing)")
    return parser


def _same_file(a: Path, b: Path) -> bool:
    from .filesafe import same_file  # imported here: the parser runs before any heavy import
    return same_file(a, b)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    """The command line, with the checks argparse cannot make itself (all usage errors: exit 2)."""
    parser = _parser()
    args = parser.parse_args(argv)
    sub = parser.commands[args.command]
    _watch_times(args, sub)
    if args.verbose and args.quiet:
        sub.error("-v/--verbose and -q/--quiet cannot be used together")
    if args.log is not None:
        if args.log.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv") or \
                (getattr(args, "tracker", None) is not None and _same_file(args.log, args.tracker)):
            sub.error(f"--log {args.log}: the log is a text file of its own, e.g. followup-sheet.log")
    if args.command == "refresh" and args.output is not None:
        if str(args.output) == "-":
            sub.error("refresh --output needs a file name: the refreshed workbook cannot go to standard output")
        want = args.tracker.suffix.lower()
        if args.output.suffix.lower() != want:
            sub.error(f"refresh --output {args.output}: the copy is a workbook like the tracker; give it the "
                      f"tracker's suffix ({want or 'none'}), e.g. {args.output.with_suffix(want or '.xlsx')}")
    if args.command == "today":
        if args.output == "-":
            args.format = args.format or "csv"
        elif args.output is not None:
            args.output = Path(args.output)
            kind = EXPORT_FORMATS.get(args.output.suffix.lower())
            if kind is None:
                sub.error(f"--output {args.output}: unknown format {args.output.suffix or '(no suffix)'!r}; "
                          "use .xlsx, .xlsm, .csv, .md, .html or .ics, or - for standard output")
            if args.format is not None and args.format != kind:
                sub.error(f"--format {args.format} does not match --output {args.output}")
        elif args.format is not None:
            sub.error("--format goes with --output - (a file's format is its suffix)")
        if args.weeks != 4 and EXPORT_FORMATS.get(Path(str(args.output)).suffix.lower()) != "ics":
            sub.error("--weeks goes with --output FILE.ics (the calendar)")
    _check_log_days(args, sub)
    if args.command == "stats" and args.output is not None and args.output.suffix.lower() != ".html":
        sub.error(f"stats --output {args.output}: the stats page is an .html file, e.g. "
                  f"{args.output.with_suffix('.html')}")
    return args


def _check_log_days(args: argparse.Namespace, sub: argparse.ArgumentParser) -> None:
    """`log --from` after `--to` (or after this week's Sunday, when only --from is given)."""
    if args.command != "log" or not (args.start or args.end):
        return
    from .worklog import week_of
    monday, sunday = week_of(_today(args))
    start, end = args.start or monday, args.end or sunday
    if start > end:
        sub.error(f"--from {start} is after --to {end}" + ("" if args.start and args.end else " (this week's end)")
                  + "; give the first day with --from and the last with --to")


def run() -> NoReturn:
    """The `followup-sheet` command: `main()` with the arguments given, then exit with its code;
    a one-shot command skips the interpreter's teardown (tuning.quick_exit)."""
    out = Output(exits=True)
    code = main(output=out)
    if out.one_shot:
        from .tuning import quick_exit
        quick_exit(code, (sys.stdout, sys.stderr))
    sys.exit(code)


def main(argv: list[str] | None = None, output: Output | None = None) -> int:
    """Run one command: `argv` (else the process's arguments), its output routed by `output`
    (else a new `Output` on the process's standard streams). Returns the exit code."""
    _tolerant_console()
    args = _parse(argv)
    out = output if output is not None else Output()
    out.begin(args.quiet, sys.stdout, sys.stderr)
    if args.log is None:
        return out.finish(_run(args, out), [(out.stdout, "standard output"), (out.stderr, "")])
    try:
        log = _open_log(args.log)
    except OSError as exc:
        print(f"followup-sheet: --log {args.log}: cannot be written ({exc.strerror or exc}); give a text file "
              "in a folder you can write to", file=sys.stderr)
        return 1
    saved = sys.stderr
    sys.stderr = log   # the log handlers made during the run write there too
    out.to_log(log, str(args.log))
    try:
        out.write(log, f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S} followup-sheet {args.command}\n")
        code = _run(args, out)
    except OutputLost as exc:
        code = out.lost(exc)
    finally:
        sys.stderr = saved
        out.stderr, out.log = saved, None
    return out.finish(code, [(out.stdout, "standard output"), (log, f"--log {args.log}"), (saved, "")], close=log)


class OutputLost(Exception):
    """What the command prints could not all be written (a full disk, /dev/full): `where` (the
    standard output, the --log file) is cut short."""

    def __init__(self, where: str, error: OSError):
        super().__init__(where, error)
        self.where, self.error = where, error


_LONG_TEXT = 4096   # characters: below a text stream's buffer (8 KB), which retries short writes itself


class Output:
    """Where a command's output goes, passed to each command (as csvkit passes `output_file`):
    its data (`stdout`), its messages and error line (`stderr`, which is the --log file with
    --log), and the terminal's standard error the run started with, which says once when
    output was lost."""

    def __init__(self, stdout: Any = None, stderr: Any = None, exits: bool = False) -> None:
        self.stdout: Any = stdout if stdout is not None else sys.stdout
        self.stderr: Any = stderr if stderr is not None else sys.stderr
        self.terminal: Any = self.stderr     # the standard error the run started with (even with --log)
        self.log: Any = None                 # --log: messages go to this file
        self.log_name = ""                   # its name as given
        self.quiet = False                   # -q: nothing on success
        self.messages_to_stderr = False      # the command's data goes to stdout, so its messages do not
        self.one_shot = False                # the command runs once and exits (not the watcher)
        self.exits = exits                   # the process ends with the command (`run`, not a program calling `main`)
        self.lost_said = False               # output was lost, and said so
        self.chinese = ""                    # the form of Chinese the run writes (hanzi.in_form); "" as it is

    def begin(self, quiet: bool, stdout: Any, stderr: Any) -> None:
        """A run starts: its streams, nothing lost yet."""
        self.stdout, self.stderr, self.terminal = stdout, stderr, stderr
        self.quiet, self.messages_to_stderr, self.lost_said = quiet, False, False

    def to_log(self, log: Any, name: str) -> None:
        """--log: messages and the error line go to `log` (named `name`)."""
        self.stderr, self.log, self.log_name = log, log, name

    def write(self, stream, text: str) -> None:
        """`text` written to `stream`; a failure (other than a closed pipe) is an OutputLost.

        A long text goes to the stream's bytes in a loop: given more than its buffer at once, a
        text stream passes the bytes on in one write and drops what a short write (a disk that fills
        up) did not take, without an error (`today --out - > file` kept the first 64 KB, exit 0)."""
        try:
            binary = getattr(stream, "buffer", None)
            if binary is None or len(text) < _LONG_TEXT:
                stream.write(text)
                return
            stream.flush()
            if os.linesep != "\n":
                text = text.replace("\n", os.linesep)   # as the text stream would
            left = memoryview(text.encode(stream.encoding or "utf-8", stream.errors or "strict"))
            while left:
                took = binary.write(left)
                if not took:
                    raise OSError(errno.EIO, "the output took no more bytes")
                left = left[took:]
            binary.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputLost(self.where(stream), exc) from None

    def data(self, text: str) -> None:
        """The command's data (`today --out -`) on standard output (in the characters the run
        speaks, as `say`)."""
        if self.chinese:
            from .hanzi import in_form
            text = in_form(text, self.chinese)
        self.write(self.stdout, text)

    def say(self, text: str = "") -> None:
        """Print a line of the command's output; cell text in it never reaches the terminal raw."""
        if not self.quiet:
            stream = self.log or (self.stderr if self.messages_to_stderr else self.stdout)
            if self.chinese:     # a tracker kept in traditional characters is spoken to in them
                from .hanzi import in_form
                text = in_form(text, self.chinese)
            self.write(stream, for_terminal(text, newlines=True) + "\n")

    def where(self, stream) -> str:
        if stream is self.log and self.log is not None:
            return f"--log {self.log_name}"
        return "standard output" if stream is self.stdout else "standard error"

    def lost(self, exc: OutputLost) -> int:
        """Say once, on the terminal's standard error, that output was lost: exit code 1."""
        if not self.lost_said:
            self.lost_said = True
            reason = exc.error.strerror or str(exc.error)
            try:
                print(f"followup-sheet: {exc.where} could not be written ({reason}), so what it holds is cut short; "
                      "free some space (or write it elsewhere) and run again", file=self.terminal, flush=True)
            except (OSError, ValueError):
                pass   # standard error itself is what fails: the exit code still says so
        return 1

    def finish(self, code: int, streams: list[tuple[Any, str]], close=None) -> int:
        """Everything printed, flushed and checked before the command ends: output that could not
        be written (a full disk, /dev/full) makes the exit code 1 and is said once. A `where` of ''
        is the terminal's standard error, which cannot report its own failure."""
        for stream, where in streams:
            try:
                if stream is None:
                    continue
                if stream is close:
                    stream.close()
                else:
                    stream.flush()
            except BrokenPipeError:   # output piped into `head` and the like
                pass
            except ValueError:        # closed already (after a broken pipe)
                pass
            except OSError as exc:
                code = self.lost(OutputLost(where, exc)) if where else 1
        return code

    def error(self, line: str) -> None:
        """The run's one error line, on standard error (the --log file, with --log); where that
        cannot be written, on the terminal's."""
        try:
            self.write(self.stderr, line + "\n")
            self.stderr.flush()
        except (OutputLost, OSError) as exc:
            self.lost(exc if isinstance(exc, OutputLost) else OutputLost(self.where(self.stderr), exc))
            if self.terminal is not self.stderr:
                try:
                    print(line, file=self.terminal, flush=True)
                except (OSError, ValueError):
                    pass


def _open_log(path: Path):
    """The log file, opened for appending; never a file that is not text (a workbook, say). A
    named pipe is written to only when something reads it (else opening it would wait), and
    neither it nor a device is read."""
    import stat
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = stat.S_IFREG
    if stat.S_ISFIFO(mode):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno == errno.ENXIO:
                raise OSError(exc.errno, "a named pipe nothing reads from") from None
            raise
        os.set_blocking(fd, True)
        return open(fd, "a", encoding="utf-8", errors="backslashreplace", buffering=1)
    if stat.S_ISCHR(mode):
        return open(path, "a", encoding="utf-8", errors="backslashreplace", buffering=1)
    with open(path, "ab+") as fh:
        fh.seek(0)
        head = fh.read(4096)
    if head.startswith(b"PK\x03\x04") or b"\x00" in head:
        raise OSError(f"{path} is not a text file")
    return open(path, "a", encoding="utf-8", errors="backslashreplace", buffering=1)


def _run(args, out: Output) -> int:
    if hasattr(signal, "SIGXFSZ"):
        # A file size limit (ulimit -f) would kill the process mid-write; ignored, the write
        # fails with EFBIG instead and is reported like any other failed save.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    from . import tuning
    out.one_shot = args.command != "watch"
    # A run that exits soon: no garbage collection. Not for `inbox`: parsing mail makes reference
    # cycles (each message's header objects), and without the collector a 10,000-message mailbox
    # took 534 MB instead of ~110 (benchmarks/inbox_bench.py).
    collecting = gc.isenabled()
    if out.one_shot and args.command != "inbox":
        tuning.one_shot_gc()
    from .patterncache import kept
    try:
        with kept():    # the patterns' programs of earlier runs (docs/architecture.md, "Speed")
            return _run_command(args, out)
    finally:    # `main` called from a program that goes on (a script, a test) gets its collector back
        # A process that ends with the command leaves it off: turned back on, its first collection
        # would look at every object made during the run, about 50 ms at 10,000 rows, just before the exit.
        if collecting and not (out.one_shot and out.exits):
            gc.enable()


def _run_command(args, out: Output) -> int:
    level = logging.DEBUG if args.verbose else logging.ERROR if args.quiet else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(message)s" if args.verbose
                        else "followup-sheet: %(levelname)s: %(message)s")
    logging.addLevelName(logging.WARNING, "warning")
    logging.addLevelName(logging.ERROR, "error")
    try:
        return COMMANDS[args.command](args, out)
    except FollowupError as exc:
        out.error(f"followup-sheet: {for_terminal(_in_language(exc, args), newlines=True)}")
        return 1
    except OutputLost as exc:
        return out.lost(exc)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:   # output piped into `head` and the like
        out.stderr.close()
        return 0
    except Exception as exc:   # a bug: one line (the details with -v), never a traceback
        if args.verbose:
            import traceback
            try:
                traceback.print_exc()
            except OSError:   # standard error (or the --log file) is what fails: out.error says so
                pass
        out.error(f"followup-sheet: internal error: {for_terminal(f'{type(exc).__name__}: {exc}')[:300]}; nothing "
               "was changed; run again with -v for the details and report it")
        return 1
    finally:
        values = sys.modules.get(f"{__package__}.xlsx.values")
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


def _in_language(exc: FollowupError, args) -> str:
    """The error in the language the run was told to speak (--language, or [you] language in the
    settings): an error met before the workbook is read cannot know the tracker's own language,
    so without a setting it stays English, as it does when the catalogue lacks its wording."""
    if not exc.wording:
        return str(exc)
    language = getattr(args, "language", None) or exc.language
    if not language and getattr(args, "tracker", None) is not None:
        from .settings import declared_language
        language = declared_language(args.tracker, getattr(args, "config", None))
    if not language or language == "en":
        return str(exc)
    return in_language(Worded(exc.wording, **exc.fields), language)


def _overrides(args) -> dict:
    return {"templates": getattr(args, "templates", None), "language": getattr(args, "language", None)}


def _preload(args) -> None:
    """Let calamine parse the workbook while pandas is imported (see xlsx/values.py)."""
    from .xlsx import preload
    preload(args.tracker, args.sheet)


def _today(args) -> dt.date:
    """The day to act for: --today, else the computer's date (read here and nowhere below)."""
    return args.today or dt.date.today()


def cmd_refresh(args, out: Output) -> int:
    _preload(args)
    from .checkreport import you_reminder
    from .pipeline import data_problems, refresh
    from .settings import load_settings
    result = refresh(args.tracker, sheet=args.sheet, today=_today(args), config=args.config,
                     output=args.output, dry_run=args.dry_run, backup=not args.no_backup, force=args.force,
                     **_overrides(args))
    out.chinese = result.chinese
    m = Words(result.language, "messages")
    if result.empty:
        out.say(m("{tracker}: no applications yet; nothing written.", tracker=args.tracker))
        return 0
    _print_summary(out, result.counts, result.language)
    if result.marks.applied:
        out.say(m("Marks applied from the Today sheet: {n} (see the Follow-up Log sheet)", n=result.marks.applied))
    for line in result.marks.notes:
        out.say(f"{m('Marks:')} {in_language(line, result.language or 'en')}")
    for line in (note for outcome in result.sheets for note in outcome.tracker.refresh_notes):
        out.say(f"{m('Note:')} {line}")
    for line in result.marks.problems:
        out.say(f"{m('Mark not applied:')} {in_language(line, result.language or 'en')}")
    _print_problems(out, data_problems(result.sheets, result.language or "en"), language=result.language)
    reminder = you_reminder(load_settings(args.tracker, args.config), result.language)
    if reminder:
        out.say(reminder)
    if args.dry_run:
        _print_changes(out, result)
    elif result.written:
        out.say(m("Updated {path}", path=result.path)
                + (" " + m("(backup: {path})", path=result.backup) if result.backup else ""))
    else:
        out.say(m("{path} is already up to date.", path=result.path))
    _print_today(out, result.today, limit=20, language=result.language)
    return 0


def cmd_today(args, out: Output) -> int:
    _preload(args)
    from .checkreport import you_reminder
    from .exportfiles import export_today
    from .exporttext import today_text
    from .pipeline import compute
    out.messages_to_stderr = args.output == "-"
    from .plan import next_business_day
    from .settings import load_settings
    settings = load_settings(args.tracker, args.config, **_overrides(args))
    if args.all_calls:
        settings = settings.replace(calls_per_day=0)
    asked = _today(args)
    today = next_business_day(asked, settings.holidays)   # a weekend or holiday prepares the next one's calls
    outcomes, table, settings = compute(args.tracker, sheet=args.sheet, today=today, settings=settings)
    language = settings.language or "en"
    out.chinese = settings.chinese if language == "zh" else ""
    m = Words(language, "messages")
    if today != asked:
        out.say(m("{asked} is not a business day: these are the calls for {today}.",
                  asked=m.day(asked, "full"), today=m.day(today, "full")) if language != "en" else
                f"{asked:%A %Y-%m-%d} is not a business day: these are the calls for {today:%A %Y-%m-%d}.")
    reminder = you_reminder(settings)
    if reminder:
        out.say(reminder)
    if args.output == "-":
        out.data(today_text(table, args.format, language))
    elif args.output:
        done = export_today(table, args.output, tracker=args.tracker, force=args.force, backups=settings.backups,
                            outcomes=outcomes, today=today, weeks=args.weeks, settings=settings)
        what = (m.count("the follow-ups of the next week", "the follow-ups of the next {n} weeks", args.weeks)
                if args.output.suffix.lower() == ".ics" else m.count("{n} call for today", "{n} calls for today",
                                                                     len(table)))
        out.say(m("Wrote {what} to {path}", what=what, path=args.output)
                + (" " + m("(the old file is kept as {path})", path=done.backup) if done.backup else ""))
    else:
        _print_today(out, table, scripts=True, language=language)
    return 0


def cmd_stats(args, out: Output) -> int:
    _preload(args)
    from .exportfiles import export_stats
    from .pipeline import compute
    from .stats import compute_stats
    today = _today(args)
    outcomes, _, settings = compute(args.tracker, sheet=args.sheet, today=today, config=args.config,
                                    **_overrides(args))
    figures = compute_stats(outcomes, today, settings)
    language = settings.language or "en"
    out.chinese = settings.chinese if language == "zh" else ""
    m = Words(language, "messages")
    if args.output:
        done = export_stats(figures, args.output, today=today, tracker=args.tracker, force=args.force,
                            backups=settings.backups, language=language, chinese=settings.chinese)
        out.say(m("Wrote the stats page to {path}", path=args.output)
                + (" " + m("(the old file is kept as {path})", path=done.backup) if done.backup else ""))
    else:
        _print_stats(out, figures, language)
    return 0


def cmd_check(args, out: Output) -> int:
    _preload(args)
    from .checkreport import check
    report = check(args.tracker, sheet=args.sheet, config=args.config, today=_today(args))
    out.say(f"{report.path}")
    out.say("\n".join(report.lines).rstrip())
    return 1 if report.problems else 0


def cmd_explain(args, out: Output) -> int:
    _preload(args)
    from .checkreport import you_reminder
    from .errors import NotAnApplication
    from .explain import explain_row
    from .settings import load_settings
    today = _today(args)
    try:
        found = explain_row(args.tracker, args.row, sheet=args.sheet, today=today, config=args.config,
                            **_overrides(args))
    except NotAnApplication as exc:
        out.error(f"followup-sheet explain: {for_terminal(_in_language(exc, args))}")
        return 2
    out.chinese = found.chinese if found.language == "zh" else ""
    m = Words(found.language, "explain")
    head = m("Row {row} of {sheet}: {company}", row=found.row, sheet=repr(found.sheet),
             company=found.company or m("(no company)"))
    out.say(head + (f", {found.position}" if found.position else ""))
    status = found.status if found.language == "en" else m.status(found.status)
    line = m("Status: {status}", status=status)
    if found.due:
        day = f"{found.due:%a %Y-%m-%d}" if found.language == "en" else m.day(found.due, "full")
        line += m("; next follow-up {day}", day=day)
    if found.channel:
        line += m("; by e-mail") if found.channel == "email" else m("; by phone")
    out.say(line)
    out.say(f"{m('Why:')} {found.why or m('(nothing beyond the dates)')}")
    if found.problem:
        out.say(f"{m('To fix:')} {found.problem}")
    elif not found.sentences:
        out.say(m("Script: none (only rows still being followed up get one)"))
    else:
        out.say(m("Script, sentence by sentence, with the facts each rests on:"))
    for s in found.sentences:
        out.say(f"  {s.text}")
        if s.sources:
            out.say("      ← " + "; ".join(s.sources))
        elif s.kind == "claim":
            out.say("      ! " + m("rests on no fact of this row: check it is true before you say it"))
    if found.unsourced:
        out.say(m.count("{n} sentence(s) rest on no fact of this row.", "{n} sentence(s) rest on no fact of this row.",
                        len(found.unsourced)))
    reminder = you_reminder(load_settings(args.tracker, args.config), found.language)
    if reminder:
        out.say(reminder)
    return 0


def cmd_log(args, out: Output) -> int:
    from .worklog import export_log, shown_log, week_of, work_search_log
    week = week_of(_today(args))
    start, end = args.start or week[0], args.end or week[1]
    from .settings import load_settings
    settings = load_settings(args.tracker, args.config, **_overrides(args))
    table = work_search_log(args.tracker, start, end, sheet=args.sheet, settings=settings)
    language = table.attrs.get("language", "en")
    out.chinese = table.attrs.get("chinese", "") if language == "zh" else ""
    m = Words(language, "messages")
    if args.output:
        export_log(table, args.output, tracker=args.tracker, force=args.force, language=language)
        out.say(m.count("Wrote {n} contact from {start} to {end} to {path}",
                        "Wrote {n} contacts from {start} to {end} to {path}", len(table), start=start, end=end,
                        path=args.output))
        return 0
    out.say(m.count("Work-search log, {start} to {end}: {n} contact", "Work-search log, {start} to {end}: {n} contacts",
                    len(table), start=start, end=end))
    shown = shown_log(table, language)
    if len(shown):
        out.say("  " + " | ".join(str(h) for h in shown.columns))
    for rec in shown.itertuples(index=False):
        out.say("  " + " | ".join(str(v) for v in rec))
    return 0


def cmd_demo(args, out: Output) -> int:
    from .pipeline import refresh
    from .sample import build_new_sample
    today = _today(args)
    language = getattr(args, "language", None)
    path = build_new_sample(args.folder, DEMO_NAME, today=today, language=language or "en")
    result = refresh(path, today=today, config=args.config, backup=False, language=language)
    _print_summary(out, result.counts, result.language)
    _print_today(out, result.today, language=result.language)
    out.say("\n" + Words(result.language, "messages")(
        "Open {path} to see the Follow-up Status, Next Follow-up and Follow-up Script columns and the Today sheet.",
        path=path.resolve()))
    from .checkreport import you_reminder
    from .settings import load_settings
    reminder = you_reminder(load_settings(path, args.config), result.language)
    if reminder:
        out.say(f"\n{reminder}")
    return 0


class _TerminalFormatter(logging.Formatter):
    """Event lines name files and quote cells: control characters in them are shown as escapes."""

    def format(self, record: logging.LogRecord) -> str:
        return for_terminal(super().format(record), newlines=True)


def cmd_watch(args, out: Output) -> int:
    """`followup-sheet watch`: event lines go to stderr with a timestamp, whatever -v says."""
    from .errors import NotAWorkbook
    from .watch import DEFAULT_TIMES, Watcher
    events = logging.getLogger(f"{__package__}.watch")
    handler = logging.StreamHandler()
    handler.setFormatter(_TerminalFormatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    saved = events.level, events.propagate
    events.addHandler(handler)
    events.setLevel(logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO)
    events.propagate = False
    try:
        if not Path(args.tracker).is_file():
            from .filesafe import not_a_file
            kind = not_a_file(args.tracker)
            if kind:
                raise NotAWorkbook(f"{args.tracker} is {kind}, not a workbook file; give the path of the .xlsx file "
                                   "itself")
            raise NotAWorkbook.worded("{path}: no such file", path=args.tracker)
        times = args.at or DEFAULT_TIMES
        watcher = Watcher(args.tracker, times=times, poll=args.poll, clock=dt.datetime.now, today=args.today,
                          backup=not args.no_backup, sheet=args.sheet, config=args.config,
                          templates=args.templates, inbox=args.inbox, language=getattr(args, "language", None))
        if args.once:
            return watcher.once()
        events.info(Words(watcher.language, "watch")(
            "watching {name}: refresh now, daily at {times} and after each save (checked every {seconds}s)",
            name=args.tracker, times=", ".join(sorted(set(times))), seconds=f"{args.poll:g}"))
        return watcher.run()
    finally:
        events.removeHandler(handler)
        events.setLevel(saved[0])
        events.propagate = saved[1]


def cmd_inbox(args, out: Output) -> int:
    from .inbox import MailSource, apply_inbox, scan_inbox
    from .settings import declared_language
    kind = next(k for k in ("mbox", "maildir", "eml", "imap") if getattr(args, k))
    source = MailSource(kind, None if kind == "imap" else getattr(args, kind))
    today = _today(args)
    early = Words(getattr(args, "language", None) or declared_language(args.tracker, args.config) or "en", "inbox")
    report = scan_inbox(args.tracker, source, today=today, sheet=args.sheet, config=args.config,
                        skip_unreadable=args.skip_unreadable, add_missing=args.add_missing,
                        progress=lambda n: args.quiet or print("  " + early("... {n} messages read", n=n),
                                                               file=out.stderr),
                        language=getattr(args, "language", None))
    _print_inbox(out, report)
    m = report.words()
    if not report.proposals:
        return 0
    if not args.apply:
        out.say(m("Nothing written. Run again with --apply to write these changes (a backup is kept)."))
        return 0
    result = apply_inbox(args.tracker, report, today=today, sheet=args.sheet, config=args.config,
                         backup=not args.no_backup, language=getattr(args, "language", None))
    m = Words(result.language or report.language, "inbox")
    for line in result.marks.problems:
        out.say(m("Not written: {problem}", problem=in_language(line, m.language)))
    out.say(m("Updated {path}", path=result.path)
            + (" " + m("(backup: {path})", path=result.backup) if result.backup else ""))
    _print_summary(out, result.counts, m.language)
    return 0


def _print_inbox(out: Output, report) -> None:
    from .inbox import KIND_NAMES
    m = report.words()

    def day_of(day) -> str:
        return m("(no date)") if not day else f"{day:%Y-%m-%d}"

    def kind(name: str) -> str:
        return m(KIND_NAMES.get(name, name))

    if report.since:        # the language orders the source and the day itself (から/에서 after the source)
        since = m.by_day("since {day} (the oldest open application)", report.since.day,
                         day=f"{report.since:%Y-%m-%d}" if m.language == "en" else m.day(report.since, "long"))
        out.say(m.count("Read {n} message(s) from {source} {since}.", "Read {n} message(s) from {source} {since}.",
                        report.read, source=report.source, since=since))
    else:
        out.say(m.count("Read {n} message(s) from {source}.", "Read {n} message(s) from {source}.",
                        report.read, source=report.source))
    changes = [p for p in report.proposals if not p.adds_row]
    if changes:
        out.say(m("Proposed changes ({n}):", n=len(changes)))
    for p in changes:
        old = _cell_text(p.old) if p.old != "" else m("(empty)")
        out.say("  " + m("{sheet} row {row} {company}: {column}: {old} → {new}", sheet=repr(p.sheet), row=p.row,
                         company=p.company, column=p.column, old=old, new=_cell_text(p.new)))
        out.say(f"      {day_of(p.day)} {for_terminal(repr(p.subject[:80]))} ({kind(p.kind)}, {p.confidence}%)")
    added = [p for p in report.proposals if p.adds_row]
    rows = sorted({(p.sheet, p.row) for p in added})
    if rows:
        out.say(m("New rows for applications the tracker lacks ({n}):", n=len(rows)))
    for sheet, row in rows:
        cells = [p for p in added if (p.sheet, p.row) == (sheet, row)]
        shown = ", ".join(f"{p.column}: {_cell_text(p.new)}" for p in cells)
        first = cells[0]
        out.say("  " + m("{sheet} row {row}: {cells}", sheet=repr(sheet), row=row, cells=shown))
        out.say(f"      {day_of(first.day)} {for_terminal(repr(first.subject[:80]))} ({kind(first.kind)})")
    covered = {p.company for p in added}
    missing = [x for x in report.missing if not (x.company and x.company in covered)]
    for title, listed in ((m("Also read for a row, where a newer message decides ({n}):", n=len(report.also)),
                           report.also),
                          (m("Not applied, not sure of the row ({n}):", n=len(report.ambiguous)), report.ambiguous),
                          (m("Not in your tracker ({n}):", n=len(missing)), missing)):
        if listed:
            out.say(title)
        for x in listed:
            out.say(f"  {day_of(x.day)} {for_terminal(repr(x.subject[:80]))} {kind(x.kind)}, {x.note}")
    if missing and not added and any(x.company and x.kind == "confirmation" for x in missing):
        out.say("  " + m("(--add-missing proposes a row for each automatic confirmation listed here)"))
    for line in report.unreadable:
        out.say(m("Left out: {problem}", problem=line))
    for line in report.notes:
        out.say(f"{m('Note:')} {line}")
    counts = ", ".join(f"{n} {kind(k)}" for k, n in report.kinds.most_common())
    largest = f"{report.largest / 2**20:.1f}" if m.language == "en" else m.number(report.largest / 2**20, "0.0")
    out.say(m("Summary: {read} read, {older} older than the oldest open application, {matched} matched to a row; "
              "{kinds}; largest message {size} MB.", read=report.read, older=report.before_since,
              matched=report.matched, kinds=counts or m("nothing classified"), size=largest))


def cmd_templates(args, out: Output) -> int:
    from .render import export_templates
    written = export_templates(args.folder)
    out.say(f"Copied {len(written)} templates into {args.folder}:")
    for path in written:
        out.say(f"  {path.name}")
    out.say(f"Edit them, then: followup-sheet refresh TRACKER.xlsx --templates {args.folder}")
    return 0


def sample_main(argv: list[str] | None = None) -> int:
    """`python -m followup_sheet.sample [PATH]`: write the sample tracker for its reference day."""
    from .sample import DEFAULT_PATH, REFERENCE_DATE, build_sample
    parser = argparse.ArgumentParser(
        prog="python -m followup_sheet.sample",
        description=f"Write the sample tracker, dated around {REFERENCE_DATE:%a %Y-%m-%d}.")
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH,
                        help=f"where to write it (default: ./{DEFAULT_PATH})")
    args = parser.parse_args(argv)
    print(f"wrote {build_sample(args.path)}")
    return 0


def main_windowless() -> int:
    """`followup-sheet-watch`, a windowless program (gui-scripts) for Task Scheduler: `watch` with
    the given arguments and no console. Give --log FILE to keep its messages."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:    # pythonw gives a windowless program no streams
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    return main(["watch", *sys.argv[1:]])


COMMANDS = {"refresh": cmd_refresh, "today": cmd_today, "stats": cmd_stats, "check": cmd_check, "log": cmd_log,
            "demo": cmd_demo, "explain": cmd_explain,
            "watch": cmd_watch, "templates": cmd_templates, "inbox": cmd_inbox}


# The count line's key per status ("{n} closed"): each catalogue words it with the plural forms of
# its language ("3 clôturées", "5 zamkniętych"), not the status's singular.
STATUS_COUNTS = {s: f"{{n}} {s.lower()}" for s in STATUS_ORDER}


def _print_summary(out: Output, counts: dict[str, int], language: str = "en") -> None:
    m = Words(language, "messages")
    shown = [m.count(STATUS_COUNTS[s], STATUS_COUNTS[s], counts[s]) for s in STATUS_ORDER if counts.get(s)]
    out.say(m("Applications:") + " " + (", ".join(shown) if shown else m("none")))


def _print_changes(out: Output, result) -> None:
    """A dry run's Edits: each cell that would change (a script as a word diff), the tool's columns
    whose width is set or that are shown again, the Today sheet, the log."""
    edits = result.edits
    m = Words(result.language, "messages")
    if edits is None or not edits.changed:
        out.say(m("Dry run: {path} would not change; nothing written.", path=result.path))
        return
    cells = edits.cells
    if cells:
        out.say(m.count("Dry run: {n} cell(s) of {path} would change; nothing written.",
                        "Dry run: {n} cell(s) of {path} would change; nothing written.", len(cells), path=result.path))
    elif edits.formats:
        out.say(m("Dry run: only the look of the tool's columns in {path} would change; nothing written.",
                  path=result.path))
    else:
        out.say(m("Dry run: only the tool's own sheets of {path} would change; nothing written.", path=result.path))
    for line in edits.describe():
        out.say(for_terminal(line, newlines=True))


def _cell_text(value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        first = value.split("\n", 1)[0]
        return repr(first[:57] + "…" if len(first) > 60 or first != value else first)
    return repr(value)


def _print_problems(out: Output, lines: list[str], limit: int = 10, language: str = "en") -> None:
    m = Words(language, "messages")
    if lines:
        out.say(m("To fix ({n}):", n=len(lines)))
    for line in lines[:limit]:
        out.say(f"  {line}")
    if len(lines) > limit:
        out.say("  " + m("and {n} more: run check", n=len(lines) - limit))


def _print_today(out: Output, table, scripts: bool = False, limit: int | None = None, language: str = "en") -> None:
    from .columns import more_line, plain_value, shown_header, terminal_columns
    m = Words(language, "messages")
    if table.empty:
        out.say(m("Today: nothing overdue or due today."))
        return
    out.say(m.count("Today: {n} call(s)", "Today: {n} call(s)", len(table)))
    shown_columns = terminal_columns()
    rows = [tuple(shown_header(c, language, terminal=True) for c in shown_columns)]
    shown = table if limit is None else table.head(limit)
    for rec in shown.to_dict("records"):
        values = []
        for c in shown_columns:
            value = plain_value(c, rec, terminal=True, language=language)
            if c.kind == "days":
                value = m("{n}d", n=value) if value else ""
            elif c.kind == "status" and language != "en":
                value = m.status(str(value or ""))
            values.append(for_terminal("" if value is None or value != value else value))
        rows.append(tuple(values))
    shrinkable = [i for i, c in enumerate(shown_columns) if c.kind in ("text", "wrap", "phone", "email")]
    widths = _column_widths(rows, shutil.get_terminal_size().columns - 2, shrinkable=shrinkable)
    for line in rows:
        out.say("  " + "  ".join(_fit(v, w) for v, w in zip(line, widths)).rstrip())
    if len(shown) < len(table):
        out.say("  " + m("... and {n} more: see the Today sheet, or `followup-sheet today`", n=len(table) - len(shown)))
    if scripts:
        for r in table.itertuples(index=False):
            why = getattr(r, "why", "")
            where = m("row {row} of {sheet}", row=r.row, sheet=for_terminal(repr(r.sheet)))
            head = f"\n--- {for_terminal(r.company or r.position)} ({where}) ---\n"
            why_line = f"{m('Why:')} {for_terminal(why)}\n" if why else ""
            out.say(head + why_line + for_terminal(r.script, newlines=True))
    more = more_line(int(table.attrs.get("more", 0)), language)
    if more:
        out.say(f"\n{more} " + m("(`followup-sheet today --all` lists them)"))


def _print_stats(out: Output, s, language: str = "en") -> None:
    w = Words(language)
    pct = (lambda v: f"{v:.0%}") if language == "en" else w.percent
    out.say(w("{label}: {value}", label=w("Applications sent"), value=s.applications))
    if s.reply_rate is not None:
        out.say(w("{label}: {value}", label=w("Replied (a person answered)"),
                  value=f"{s.replied} " + w("({where})", where=pct(s.reply_rate))))
    if s.median_days_to_reply is not None:
        out.say(w("Median days to the first reply: {days} (of {n} dated replies)",
                  days=f"{s.median_days_to_reply:g}" if language == "en" else w.number(s.median_days_to_reply),
                  n=s.replies_dated))
    out.say(w("{label}: {value}", label=w("Went cold"), value=s.cold))
    tables = [("Per week (weeks from Monday)", s.per_week, ["week", "applications"]),
              ("Per stage", s.per_stage, ["stage", "applications"]),
              ("Per source", s.per_source, ["source", "applications"]),
              ("Reply rate by source", s.reply_by_source, ["source", "applications", "replied", "rate"]),
              ("Reply rate by follow-ups made", s.reply_by_follow_ups,
               ["follow_ups", "applications", "replied", "rate"])]
    heads = {"week": "Week", "applications": "Applications", "stage": "Stage", "source": "Source",
             "replied": "Replied", "rate": "Rate", "follow_ups": "Follow-ups"}
    for title, table, columns in tables:
        if table is None or table.empty:
            continue
        out.say(f"\n{w(title)}:")
        rows = [tuple(w(heads[c]) for c in columns)]
        for rec in table[columns].itertuples(index=False):
            rows.append(tuple(pct(v) if c == "rate" else v.isoformat() if isinstance(v, dt.date) else
                              for_terminal(w(v) if isinstance(v, str) else v) for c, v in zip(columns, rec)))
        widths = [min(max(_width(str(r[i])) for r in rows), 32) for i in range(len(columns))]
        for line in rows:
            out.say("  " + "  ".join(_fit(str(v), width) if i == 0 else _pad_left(str(v), width)
                                  for i, (v, width) in enumerate(zip(line, widths))).rstrip())
    if s.earlier_weeks:
        out.say("  " + w.count("(and {n} earlier)", "(and {n} earlier)", s.earlier_weeks))
    if s.missing:
        out.say(f"\n{w('Not shown')}:")
        for line in s.missing:
            out.say(f"  {w(line)}")


def _pad_left(text: str, width: int) -> str:
    """`text` right-aligned in `width` terminal columns (wide characters take two)."""
    return " " * max(width - _width(text), 0) + text


def _width(text: str) -> int:
    """Columns `text` takes in a terminal: wide and full-width characters (CJK) take two,
    combining marks none."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _fit(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns, or cut to them ending in '…'."""
    if _width(text) > width:
        kept, used = [], 0
        for ch in text:
            w = _width(ch)
            if used + w > width - 1:
                break
            kept.append(ch)
            used += w
        text = "".join(kept) + "…"
    return text + " " * (width - _width(text))


def _column_widths(rows: list[tuple[str, ...]], room: int, cap: int = 28, least: int = 6,
                   shrinkable: list[int] | None = None) -> list[int]:
    """Each column as wide as its widest cell (at most `cap`), then the widest `shrinkable` (text)
    columns narrowed until the table fits in `room` terminal columns (none below `least`); the
    others (phone, status, lateness) stay whole."""
    widths = [min(max(_width(r[i]) for r in rows), cap) for i in range(len(rows[0]))]
    room -= 2 * (len(widths) - 1)
    shrinkable = shrinkable if shrinkable else list(range(len(widths)))
    while sum(widths) > room:
        i = max(shrinkable, key=lambda k: widths[k])
        if widths[i] <= least:
            break
        widths[i] -= 1
    return widths


if __name__ == "__main__":
    sys.exit(main())
