"""Four more of the trial's mailboxes (tests/fixtures/inbox_trial/), each checked by reading its
messages: a Leeds tracker (iCIMS, a recruiter offering two slots and then confirming the one taken
over a quoted reply, an automatic reminder of an interview tomorrow, a reply that quotes the user's
own mail full of interview and offer words, a soft no after an assessment, references and salary
asked, an out-of-office naming a deputy, a newsletter and a job alert naming tracked companies,
another opening of a tracked company, an invitation in French), a Cologne tracker saved by
LibreOffice (Recruitee, Lever in German, an accepted slot, a reminder, a soft no after an online
test, an English rejection), a Valencia tracker (Factorial, BambooHR, an accepted slot, references,
salary, an English invitation, another opening) and an Osaka tracker (an accepted slot, a reminder,
希望年収 asked, an English invitation from a company named in kana, another opening). The test pins
what changes, what is listed, and that nothing else changes."""

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

LEEDS = {
    (4, "response", "Automatic confirmation (e-mail)"),
    (5, "stage", "Interview"), (5, "response", "Interview on 2026-12-10"), (5, "last_contact", D(2026, 12, 2)),
    (6, "response", "Interview on 2026-12-08"), (6, "last_contact", D(2026, 12, 7)),         # "tomorrow"
    (7, "response", "Reply by e-mail from Ellis Grant"), (7, "last_contact", D(2026, 12, 3)),  # quoted words not read
    (8, "stage", "Rejected"), (8, "last_contact", D(2026, 12, 2)),
    (9, "response", "Reply by e-mail from Priya Shah"), (9, "last_contact", D(2026, 12, 3)),   # references
    (10, "response", "Reply by e-mail from Owen Blake"), (10, "last_contact", D(2026, 12, 4)),  # salary
    (11, "response", "Out of office until 2026-12-14"),
    (12, "stage", "Interview"), (12, "response", "Interview on 2026-12-17"), (12, "last_contact", D(2026, 12, 3)),
}
KOELN = {
    (4, "response", "Eingangsbestätigung (E-Mail)"),
    (5, "stage", "Gespräch"), (5, "pinned", D(2026, 12, 14)), (5, "last_contact", D(2026, 12, 2)),  # Friday 11th
    (6, "response", "Antwort per E-Mail von Tobias Reuter"), (6, "last_contact", D(2026, 12, 2)),
    (7, "stage", "Absage"), (7, "last_contact", D(2026, 12, 1)),
    (8, "response", "Antwort per E-Mail von Miriam Hesse"), (8, "last_contact", D(2026, 12, 3)),
    (9, "pinned", D(2026, 12, 9)), (9, "last_contact", D(2026, 12, 7)),                      # "morgen, am 8."
    (10, "pinned", D(2026, 12, 14)),                                                        # bis einschließlich 11.
    (11, "stage", "Absage"), (11, "last_contact", D(2026, 12, 4)),
}
VALENCIA = {
    (4, "response", "Acuse de recibo automático (correo)"),
    (5, "stage", "Entrevista"), (5, "response", "Entrevista el 2026-12-10"), (5, "last_contact", D(2026, 12, 2)),
    (6, "response", "Respuesta por correo de Rubén Ortega"), (6, "last_contact", D(2026, 12, 2)),
    (7, "response", "Acuse de recibo automático (correo)"),
    (8, "stage", "Rechazado"), (8, "last_contact", D(2026, 12, 3)),
    (9, "response", "Respuesta por correo de Irene Vidal"), (9, "last_contact", D(2026, 12, 4)),
    (10, "response", "Ausente hasta el 2026-12-14"),
    (11, "stage", "Entrevista"), (11, "response", "Entrevista el 2026-12-11"), (11, "last_contact", D(2026, 12, 4)),
}
OSAKA = {
    (4, "response", "自動返信：応募受付完了（メール）"),
    (5, "stage", "面接"), (5, "response", "2026-12-11 面接"), (5, "last_contact", D(2026, 12, 2)),
    (6, "response", "2026-12-08 面接"), (6, "last_contact", D(2026, 12, 7)),
    (7, "stage", "不採用"), (7, "last_contact", D(2026, 12, 2)),
    (8, "response", "こがね食品 採用 からメールで返信"), (8, "last_contact", D(2026, 12, 3)),
    (9, "response", "2026-12-10 まで不在"),
    (10, "stage", "面接"), (10, "response", "2026-12-14 面接"), (10, "last_contact", D(2026, 12, 4)),
}

# The held-out Lyon mailbox (written after the four above, first read 18 of 22 right): an unknown
# tracking system's acknowledgement, two slots then the one taken said back by phone, a reminder, a
# reply quoting the user's own mail ("-----Message d'origine-----"), a soft no after online tests,
# references asked and then an automatic acknowledgement (the reply stays), salary asked in English,
# an out-of-office "jusqu'au vendredi 11 décembre inclus" naming a colleague, an English rejection, a
# newsletter and a job alert, and a no to another opening of a tracked company.
LYON = {
    (4, "response", "Accusé de réception automatique (e-mail)"),
    (5, "stage", "Entretien"), (5, "response", "Entretien le 2026-12-09"), (5, "last_contact", D(2026, 12, 3)),
    (6, "response", "Entretien le 2026-12-10"), (6, "last_contact", D(2026, 12, 7)),
    (7, "response", "Réponse par e-mail de Élise Marchand"), (7, "last_contact", D(2026, 12, 1)),
    (8, "stage", "Refusé"), (8, "last_contact", D(2026, 12, 3)),
    (9, "response", "Réponse par e-mail de Paul Girard"), (9, "last_contact", D(2026, 12, 2)),
    (10, "response", "Réponse par e-mail de Laura Beck"), (10, "last_contact", D(2026, 12, 4)),
    (11, "response", "Absent jusqu'au 2026-12-12"),
    (12, "stage", "Refusé"), (12, "last_contact", D(2026, 12, 4)),
}


@pytest.mark.parametrize("name, expected, other_opening", [
    ("lyon", LYON, "Votre candidature"),
    ("leeds", LEEDS, "Your application for Warehouse Supervisor"),
    ("koeln", KOELN, "Eingangsbestätigung: Lagerleitung (m/w/d)"),
    ("valencia", VALENCIA, "Tu candidatura a Jefe de almacén"),
    ("osaka", OSAKA, "【なにわ精機】設計職 選考結果のご連絡"),
])
def test_a_trial_mailbox_changes_what_it_should_and_nothing_else(tmp_path, name, expected, other_opening):
    tracker = shutil.copy(HERE / f"{name}.xlsx", tmp_path / f"{name}.xlsx")
    report = scan_inbox(Path(tracker), MailSource("mbox", HERE / f"{name}.mbox"), today=TODAY)
    got = {(p.row, p.field, p.new) for p in report.proposals}
    assert got == expected, sorted(got ^ expected, key=str)
    assert [a.subject for a in report.ambiguous] == [other_opening]      # another opening: listed only
    assert not report.missing
    assert report.kinds["newsletter"] >= 1                               # the alerts naming tracked companies


def test_the_valencia_changes_are_written_and_read_back(tmp_path):
    tracker = Path(shutil.copy(HERE / "valencia.xlsx", tmp_path / "valencia.xlsx"))
    report = scan_inbox(tracker, MailSource("mbox", HERE / "valencia.mbox"), today=TODAY)
    plan = apply_inbox(tracker, report, today=TODAY, backup=False).sheets[0].plan
    assert plan.loc[8, "stage"] == "closed"                             # the soft no after the test
    assert plan.loc[4, "stage"] == "applied"                            # another opening's no leaves this row
    assert plan.loc[5, "due"] == pd.Timestamp(2026, 12, 11)             # the day after the slot taken
    assert plan.loc[10, "due"] == pd.Timestamp(2026, 12, 14)            # Lucía is back
