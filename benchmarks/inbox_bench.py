"""Time `followup-sheet inbox` on a large mailbox: 10,000 messages (confirmations, rejections,
invitations with .ics files, replies, newsletters, look-alikes, everyday mail, a few 5 MB
attachments) for a 40-row tracker, as an mbox file, a Maildir and a folder of .eml files.

    python benchmarks/inbox_bench.py                  # 10,000 messages, 3 runs
    python benchmarks/inbox_bench.py --messages 2000 --runs 5

Each figure is the median wall-clock time of the whole command (`python -m followup_sheet inbox
... --today ...`, start-up and reading the tracker included) and its peak resident memory (the
child's ru_maxrss), beside the same for `refresh --dry-run` of the same tracker, so the ratio
says what the mail adds. Memory must not grow with the mailbox: the script also runs a mailbox a
tenth the size and prints the two peaks' ratio (bounded memory: close to 1). Exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from inbox_mail import message, write_eml, write_maildir, write_mbox  # noqa: E402

DAY = dt.date(2026, 11, 30)
COMPANIES = [f"{name} {kind}" for name in ("Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum", "Hazel")
             for kind in ("Logistics", "Analytics", "Foods", "Clinics", "Studios")]


def domain(company: str) -> str:
    return company.replace(" ", "").lower() + ".com"


def tracker(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Company", "Position", "Date Applied", "Stage", "Response", "Last Contact", "Phone"])
    for i, company in enumerate(COMPANIES):
        ws.append([company, "Coordinator", dt.datetime(2026, 9, 1) + dt.timedelta(days=i), "Applied", None, None,
                   "555-0100"])
    wb.save(path)
    return path


def mailbox(n: int) -> list[EmailMessage]:
    out = []
    for i in range(n):
        company = COMPANIES[i % len(COMPANIES)]
        day = dt.date(2026, 9, 1) + dt.timedelta(days=i % 80)
        kind = i % 8
        if kind == 0:
            out.append(message(f"{company} Careers <no-reply@{domain(company)}>",
                               f"Thank you for applying to {company}",
                               "We have received your application.", day=day))
        elif kind == 1:
            out.append(message(f"Robin Hale <robin@{domain(company)}>", "Your application",
                               "We regret to inform you that we will not be moving forward.", day=day))
        elif kind == 2:
            out.append(message(f"Robin Hale <robin@{domain(company)}>", "Interview invitation",
                               "We would like to invite you to an interview.", day=day,
                               invite=day + dt.timedelta(days=4)))
        elif kind == 3:
            out.append(message("Jobs Weekly <news@jobsweekly.example>", f"{company} is hiring",
                               "Schedule an interview coaching call.", day=day,
                               headers={"List-Unsubscribe": "<https://jobsweekly.example/u>"}))
        elif kind == 4:
            out.append(message(f'"{company}" <hr@{domain(company)[:-4]}-jobs.top>', "Interview invitation",
                               "Confirm your bank details to continue.", day=day))
        elif kind == 5 and i % 2000 == 5:
            out.append(message(f"Robin Hale <robin@{domain(company)}>", "Re: documents",
                               "The signed forms are attached.", day=day, attachment=5 << 20))
        else:
            out.append(message("Sam <sam@example.org>", f"Weekend plans {i}", "Lunch on Saturday?", day=day))
    return out


def seconds(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(cmd: list[str], runs: int) -> tuple[float, int]:
    """Median seconds over `runs`, and the peak memory of a run of its own (in a fresh child)."""
    times = [seconds(cmd) for _ in range(runs)]
    probe = [sys.executable, "-c", "import resource, subprocess, sys; subprocess.run(sys.argv[1:], "
             "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)", *cmd]
    peak = int(subprocess.run(probe, check=True, capture_output=True, text=True).stdout)
    return statistics.median(times), peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = tracker(folder / "jobs.xlsx")
        msgs = mailbox(args.messages)
        box = write_mbox(folder / "big.mbox", msgs)
        small = write_mbox(folder / "small.mbox", msgs[: max(1, args.messages // 10)])
        maildir = write_maildir(folder / "maildir", msgs)
        eml = write_eml(folder / "eml", msgs)
        cli = [sys.executable, "-m", "followup_sheet", "-q"]
        base = measure([*cli, "refresh", str(book), "--dry-run", "--today", DAY.isoformat()], args.runs)
        print(f"refresh --dry-run, 40 rows: {base[0] * 1000:.0f} ms, peak {base[1]} MB")
        size = os.path.getsize(box) / 2**20
        print(f"mailbox: {args.messages:,} messages, {size:.0f} MB as mbox")
        peaks = {}
        for name, flag, where in (("mbox", "--mbox", box), ("Maildir", "--maildir", maildir),
                                  ("eml folder", "--eml", eml), ("mbox, a tenth", "--mbox", small)):
            took, peak = measure([*cli, "inbox", str(book), flag, str(where), "--today", DAY.isoformat()],
                                    args.runs)
            peaks[name] = peak
            per = took / (args.messages if "tenth" not in name else max(1, args.messages // 10)) * 1e6
            print(f"inbox {name}: {took:.2f} s ({per:.0f} µs a message), peak {peak} MB, "
                  f"{took / base[0]:.1f}x the dry run's time")
        print(f"peak memory, whole mailbox / a tenth of it: {peaks['mbox'] / peaks['mbox, a tenth']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
