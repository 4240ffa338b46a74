"""followup-sheet: a follow-up plan written into your own job-application workbook.

read -> plan -> render -> write; `refresh()` chains them and is what the CLI and the watcher call.
From Python: `followup_sheet.refresh(path, today=...)`, `compute(...)` and `check(...)`
(README.md, "Use it from Python").
"""

TYPE_CHECKING = False     # typing.TYPE_CHECKING without importing typing (mypy reads it the same)
__version__ = "0.1.0"
__all__ = ["BadSettings", "FollowupError", "Settings", "check", "compute", "refresh"]

if TYPE_CHECKING:
    from .checkreport import check
    from .errors import BadSettings, FollowupError
    from .pipeline import compute, refresh
    from .settings import Settings

# Where each public name lives. They are imported when first used, so `import followup_sheet`
# (and the command line's `--help`) does not load pandas and numpy.
_PUBLIC = {"refresh": "pipeline", "compute": "pipeline", "check": "checkreport", "Settings": "settings",
           "FollowupError": "errors", "BadSettings": "errors"}


def __getattr__(name: str) -> object:
    if name not in _PUBLIC:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
    globals()[name] = value     # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
