"""Two of the trial's mailboxes, as strangers' mail arrives (tests/fixtures/inbox_trial/): a
London tracker with a title row (SmartRecruiters, a top-posted reply over a long quoted thread,
a moved calendar invitation, a HackerRank assessment, a soft rejection after an interview, an
offer as a PDF with a short body, an out-of-office reply, a job alert and a newsletter, a
private address signing with the company, the user's own forward, an application the tracker
lacks, a cancelled interview) and a Milan tracker saved by LibreOffice (Personio and Workday in
Italian, a rejection after the interview, an out-of-office reply "fino all'11 compreso", a
moved interview, a company the tracker names shorter). Each outcome was checked by reading the
messages; the test pins them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from followup_sheet.inbox import MailSource, apply_inbox, scan_inbox

HERE = Path(__file__).parent / "fixtures" / "inbox_trial"
TODAY = dt.date(2026, 12, 7)
D = dt.date

LONDON = {
    (4, "pinned", D(2026, 12, 11)), (4, "last_contact", D(2026, 12, 2)),      # 2nd interview on 10 Dec
    (5, "stage", "Interview"), (5, "pinned", D(2026, 12, 14)), (5, "last_contact", D(2026, 12, 1)),  # test by 11 Dec
    (6, "pinned", D(2026, 12, 17)), (6, "last_contact", D(2026, 12, 3)),      # invitation moved to 16 Dec
    (7, "pinned", D(2026, 12, 14)),                                          # back Monday 14th
    (8, "response", "Automatic confirmation (e-mail)"),
    (9, "stage", "Offer"), (9, "last_contact", D(2026, 12, 3)),               # the letter attached
    (10, "stage", "Rejected"), (10, "last_contact", D(2026, 12, 4)),          # "won't be taking things further"
    (11, "last_contact", D(2026, 12, 6)), (11, "response", "Reply by e-mail from Fenwick Analytics"),   # cancelled
}
MILANO = {
    (3, "stage", "Colloquio"), (3, "response", "Colloquio il 2026-12-10"), (3, "last_contact", D(2026, 12, 1)),
    (4, "stage", "Rifiutata"), (4, "last_contact", D(2026, 12, 2)),           # "proseguire con un altro profilo"
    (5, "stage", "Colloquio"), (5, "response", "Colloquio il 2026-12-09"), (5, "last_contact", D(2026, 12, 3)),
    (6, "response", "Conferma automatica: candidatura ricevuta (e-mail)"),
    (7, "response", "Assente fino al 2026-12-12"),                            # away through the 11th
    (8, "response", "Colloquio il 2026-12-14"), (8, "last_contact", D(2026, 12, 3)),   # moved from the 9th
    (9, "stage", "Proposta"), (9, "last_contact", D(2026, 12, 4)),
}


@pytest.mark.parametrize("name, expected, listed_maybe, listed_missing", [
    ("london", LONDON, ["Claims Analyst role"], ["Thank you for applying to Lodestar Maps"]),
    ("milano", MILANO, [], ["Abbiamo ricevuto la tua candidatura"]),
])
def test_a_trial_mailbox_changes_what_it_should_and_nothing_else(tmp_path, name, expected, listed_maybe,
                                                                  listed_missing):
    tracker = shutil.copy(HERE / f"{name}.xlsx", tmp_path / f"{name}.xlsx")
    report = scan_inbox(Path(tracker), MailSource("mbox", HERE / f"{name}.mbox"), today=TODAY)
    got = {(p.row, p.field, p.new) for p in report.proposals}
    assert got == expected, sorted(got ^ expected, key=str)
    assert [a.subject for a in report.ambiguous] == listed_maybe       # the private address: listed, never applied
    assert [m.subject for m in report.missing] == listed_missing       # the application the tracker lacks
    assert report.kinds["newsletter"] >= 1 and not any("Fwd" in p.subject or p.subject.startswith("I:")
                                                      for p in report.proposals)


def test_the_milan_changes_are_written_and_read_back(tmp_path):
    tracker = Path(shutil.copy(HERE / "milano.xlsx", tmp_path / "milano.xlsx"))
    report = scan_inbox(tracker, MailSource("mbox", HERE / "milano.mbox"), today=TODAY)
    result = apply_inbox(tracker, report, today=TODAY, backup=False)
    plan = result.sheets[0].plan
    assert plan.loc[4, "stage"] == "closed"                        # the rejection closes Carraro
    assert plan.loc[9, "stage"] == "offer"                         # the letter attached is an offer
    assert plan.loc[8, "due"] == pd.Timestamp(2026, 12, 15)        # the day after the moved interview
    assert plan.loc[7, "due"] == pd.Timestamp(2026, 12, 14)        # Brambilla is back on the 12th: Monday
