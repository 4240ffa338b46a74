"""A third tracker shape for `bench.py --tracker`: narrow and mostly due.

Eight columns under German-style headers (Employer, Role, Applied on, Stage, Recruiter, Tel,
Email, Comments), dates formatted DD.MM.YYYY, a plain openpyxl save (shared strings, no table,
no formulas, no styles to speak of), and applications spread over the ten weeks before
2026-11-26 with most still open, so about three rows in four are due a call that day.

Its openpyxl floor is cheap (little to load and save per row) while a refresh writes a script
for most rows and a Today sheet of some 7,500 calls: the shape where the refresh's own work
weighs most against the floor.

    python benchmarks/make_narrow_tracker.py [ROWS] [OUT.xlsx]
    python benchmarks/bench.py --tracker benchmarks/out/narrow-10000.xlsx --runs 5 --no-startup
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import openpyxl

DAY = dt.date(2026, 11, 26)
STAGES = ["Applied", "Applied", "Phone screen", "Interview", "Rejected", "Offer", "Waiting", "Applied"]
ROLES = ["Analyst", "Engineer", "Designer", "Manager", "Clerk"]
RECRUITERS = ["", "Anna Müller", "Jonas Weber", "HR Team", "Lea Schmidt"]


def build(rows: int, out: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Jobs"
    ws.append(["Employer", "Role", "Applied on", "Stage", "Recruiter", "Tel", "Email", "Comments"])
    for i in range(rows):
        applied = DAY - dt.timedelta(days=rng.randint(0, 70))
        ws.append([f"Firma {rng.randint(1, 3000)} GmbH", f"{rng.choice(ROLES)} {i % 97}", applied,
                   rng.choice(STAGES), rng.choice(RECRUITERS),
                   f"+49 30 {rng.randint(1000000, 9999999)}" if rng.random() < 0.6 else "",
                   f"jobs{i}@firma.de" if rng.random() < 0.5 else "",
                   rng.choice(["", "", "called once", "sent portfolio"])])
        ws.cell(row=i + 2, column=3).number_format = "DD.MM.YYYY"
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "out" / f"narrow-{n}.xlsx"
    print(build(n, target))
