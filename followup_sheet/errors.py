"""Every problem followup-sheet reports on purpose.

Each error is a `FollowupError` (the CLI turns it into exit code 1 and a one-line
message) and also the closest builtin, so callers can catch either.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Self


class FollowupError(Exception):
    """A handled problem: the message names the file, the place and the fix. One made with
    `worded` also keeps its English wording and fields, so the command line can say it in the
    language the settings name (catalogue [messages], keyed by the wording)."""

    wording: str = ""
    fields: dict[str, object] = {}
    language: str = ""      # the run's language, when the error is met after it is known

    @classmethod
    def worded(cls, wording: str, **fields: object) -> Self:
        exc = cls(wording.format(**fields))
        exc.wording, exc.fields = wording, fields
        return exc


@contextlib.contextmanager
def said_in(language: str) -> Iterator[None]:
    """A FollowupError raised inside is said in `language` (the run's, once it is known)."""
    try:
        yield
    except FollowupError as exc:
        exc.language = exc.language or language
        raise


class NotAWorkbook(FollowupError, ValueError):
    """The file is not an .xlsx/.xlsm workbook we can edit (.xls, .ods, CSV, corrupt...)."""


class UnsupportedContent(FollowupError, ValueError):
    """A workbook we could open but will not edit safely (Strict OOXML, too big, XML bombs)."""


class NoTrackerFound(FollowupError, LookupError):
    """No sheet looks like a job tracker (or the named sheet does not exist)."""


class MissingColumns(FollowupError, KeyError):
    """The tracker lacks a column the rules need (a company or a date column)."""

    def __str__(self):  # KeyError would otherwise wrap the message in quotes
        return str(self.args[0]) if self.args else ""


class WorkbookBusy(FollowupError, PermissionError):
    """The workbook is open in Excel or LibreOffice, or changed while we worked."""


class BadSettings(FollowupError, ValueError):
    """followup.toml (or a flag) holds something we cannot use."""


class TemplateProblem(FollowupError, ValueError):
    """A script template is missing or fails to render."""


class OutputRefused(FollowupError, OSError):
    """A file the tool would write (an export, the demo) would land on the tracker, on a file the
    tool did not write, or nowhere (a missing folder, a file where a folder should be)."""


class SaveFailed(FollowupError, OSError):
    """The new workbook (or its backup) could not be written: a missing or read-only folder, a
    full disk, a file size limit. Nothing was changed."""


class ReadOnlyWorkbook(FollowupError, PermissionError):
    """The user made the file read-only; it is not replaced."""


class NotAnApplication(FollowupError, LookupError):
    """The row asked about (`explain TRACKER ROW`) is not one the tool takes as an application."""
