"""The check report: how a workbook was read (settings files, sheet, header row, column mapping,
where the tool's columns go, stage words, row problems, marks kept), as `followup-sheet check`
prints it. Input: the workbook and the settings; output: a `CheckReport`. Nothing is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import columns
from .businessdays import holidays_note
from .catalogue import Words
from .hanzi import simplified
from .language import choose_language
from .pipeline import SheetOutcome, data_problems, notes_settings, roll_marks
from .plan import STAGES, build_plan, review_lines
from .read import Tracker, read_trackers
from .settings import CONFIG_NAME, Settings, country_origin, settings_files, settings_for, user_config_path
from .xlsx import column_letters


@dataclass
class CheckReport:
    path: Path
    trackers: list[Tracker]
    lines: list[str]
    problems: int = 0      # rows with something to fix (checkers exit 1 then)
    language: Any = None   # language.LanguageChoice: the language scripts speak, and why


def check(path: Path, *, today: dt.date, sheet: str | None = None, settings: Settings | None = None,
          config: Path | None = None, **overrides: Any) -> CheckReport:
    """How the workbook was read, as `followup-sheet check` prints it: settings files, sheet,
    header row, column mapping, row problems, stage words. Nothing is written. Returns a
    `CheckReport`: `.lines` (the report), `.problems` (rows with something to fix),
    `.trackers` (what was read) and `.language` (the language chosen: `.code`, `.reason`).
    Arguments as for `compute` (`today` is the day the row problems are judged on)."""
    from .xlsx.edits import tool_columns

    path = Path(path)
    given_settings = settings
    settings = settings_for(path, settings, config, overrides)
    trackers = read_trackers(path, settings, sheet, today=today)
    language = choose_language(trackers, settings)
    # the rows are planned as a refresh plans them: notes read in the language and date order it uses
    planned = settings if settings.language else settings.replace(language=language.code)
    # `check` is the diagnostic report: the fields it names (applied_on, last_contact), the reasons
    # and the notes are the tool's own English words, so its labels stay English with them (half a
    # report in German and half in English reads worse than either); the language it chose is the
    # last line. The refresh, today and the other outputs speak the language (README).
    m = Words("en", "messages")
    lines: list[str] = []
    count = 0
    if given_settings is None:
        files = settings_files(path, config)
        lines.append(m("Settings:") + " " + (", ".join(str(f) for f in files) if files else
                                     f"the built-in defaults (no {CONFIG_NAME} beside the workbook or in "
                                     f"{user_config_path() or 'your settings folder'})"))
    for t in trackers:
        lines.append(f"{m('Sheet:')} {t.sheet!r}" + (f" (chosen because {'; '.join(t.reasons)})" if t.reasons else ""))
        lines.append(f"{m('Header row:')} {t.header_row}")
        lines.append(m("Columns:"))
        for fld, col in sorted(t.columns.items(), key=lambda kv: kv[1].index):
            order = t.date_orders.get(fld)
            lines.append(f"  {fld:<15} <- {col.header!r} (column {col.letter}{', ' + order if order else ''})")
        lines.append(m("Ignored headers:") + " " + (", ".join(t.ignored_headers)
                                            + " (no field; map one under [columns] in followup.toml if it matters)"
                                            if t.ignored_headers else m("none")))
        placed = tool_columns(t)
        letters = [f"{h} -> column {column_letters(c)}{' (exists)' if e else ''}"
                   for h, c, e in zip(columns.output_headers(), placed.columns, placed.existing)]
        lines.append(m("Writes:") + " " + "; ".join(letters))
        if t.table is not None:
            lines.append(f"Excel table: {t.table.name} (the new columns join it)")
        for note in t.notes:
            lines.append(f"Note: {note}")
        n = len(t.frame)
        lines.append(m("Applications:") + " " + (m("{n} (rows {first}-{last})", n=n, first=t.frame.index.min(),
                                                  last=t.frame.index.max()) if n
                                                else m("0 (none found under the header)")))
        lines.extend(stage_word_lines(t.frame, settings, chinese=planned.language == "zh"))
        if t.duplicates:
            lines.append(m("Duplicates ({n}):", n=len(t.duplicates)))
            lines.extend(f"  {d}" for d in t.duplicates)
        if t.skipped_rows:
            lines.append(m("Rows not taken as applications ({n}):", n=len(t.skipped_rows)))
            lines.extend(f"  {p}" for p in t.skipped_rows)
        plan = build_plan(t.frame, today, notes_settings(t, planned), columns=t.columns)
        problems = data_problems([SheetOutcome(t, plan, pd.Series(dtype=object))])
        count += len(problems)
        if problems:
            lines.append(m("Row problems ({n}):", n=len(problems)))
            lines.extend(f"  {p}" for p in problems)
        else:
            lines.append(m("Row problems:") + " " + m("none"))
        lines.extend(review_lines(t.frame, plan))
        lines.append("")
    origin = "the settings passed in" if given_settings is not None or "country" in overrides else \
        country_origin(settings_files(path, config))
    lines.append(holidays_note(settings.country, origin, len(settings.holidays)))
    lines.append(language.note)
    marks = roll_marks(trackers, today, settings)
    lines.extend(f"Marks: {note}" for note in marks.notes)
    if marks.held:
        count += len(marks.held)
        lines.append(f"Marks kept for the next refresh ({len(marks.held)}):")
        lines.extend(f"  {mark.where} ({mark.company or '(no company)'}): {why}" for mark, why in marks.held)
    reminder = you_reminder(settings, "en")
    if reminder:
        lines.append(reminder)
    return CheckReport(path, trackers, lines, problems=count, language=language)


def you_reminder(settings: Settings, language: str = "") -> str | None:
    """What to fill in when [you] has no phone or e-mail (voicemails then end "I'll follow up
    by e-mail" instead of saying how to reach you)."""
    if settings.your_phone or settings.your_email:
        return None
    said = Words(language or settings.language or "en", "messages")(
        "Fill in [you]: voicemails end with how to reach you, and your phone and e-mail are not set. "
        "Add to followup.toml beside the workbook:")
    return (said + "\n"
            "  [you]\n  name = \"Your Name\"\n  phone = \"(555) 010-0000\"\n  email = \"you@example.com\"")


def stage_word_lines(frame: pd.DataFrame, settings: Settings, chinese: bool = False) -> list[str]:
    """Which stage each distinct stage/response text went to and the words that decided it, then
    the texts read as applied only because no list knew their words (rules §2); in a Chinese
    tracker (`chinese`) traditional characters read as simplified, as the plan reads them."""
    from .plan import stage_words, unplaced_words

    stage_text = (frame["stage"] + " " + frame["response"]).str.strip()
    shown_as = frame["stage"].map(repr).where(frame["stage"] != "", "")
    with_response = frame["response"] != ""
    shown_as = shown_as.where(~with_response, shown_as + " + response " + frame["response"].map(repr))
    texts = pd.DataFrame({"shown": shown_as.str.lstrip(" +"), "text": stage_text})
    texts = texts[texts["shown"] != ""].drop_duplicates("shown")
    if texts.empty:
        return []
    placed: dict[str, list[str]] = {}
    unsure: list[str] = []
    for shown, written in zip(texts["shown"], texts["text"]):
        text = simplified(written, chinese)    # read as the plan reads it: '已投遞' is the listed '已投递'
        stage, words, negated = stage_words(text, settings)
        why = [", ".join(dict.fromkeys(words))] if words else []
        why += [f"not counted after a negation: {', '.join(dict.fromkeys(negated))}"] if negated else []
        placed.setdefault(stage, []).append(f"{shown} ({'; '.join(why)})" if why else shown)
        unknown = unplaced_words(text, settings)
        if unknown:
            unsure.append(f"{shown} (unknown: {', '.join(dict.fromkeys(unknown))})")
    lines = ["Stage words:"]
    for stage, shown in sorted(placed.items(), key=lambda kv: STAGES.index(kv[0])):
        more = f" and {len(shown) - 12} more" if len(shown) > 12 else ""
        lines.append(f"  {stage:<13} <- {', '.join(shown[:12])}{more}")
    if unsure:
        lines.append(f"Stage text read as applied only because no word list knows it ({len(unsure)}); "
                     "add its words to [words] in followup.toml if it means something else:")
        lines.extend(f"  {u}" for u in unsure[:30])
        if len(unsure) > 30:
            lines.append(f"  and {len(unsure) - 30} more")
    return lines
