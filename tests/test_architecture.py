"""The layout's rules, checked on the source (docs/architecture.md): only the format package
touches the file format and the read stage (read, headers, dates) takes only its plain layout, only
the CLI prints, nothing below the CLI reads the date, and plan does neither; nothing starts a
process; only businessdays.py imports holidays; no module takes a private name from another or
makes an import cycle. Each rule is also run on a module written to break it, so none passes
vacuously."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

import followup_sheet

PACKAGE = Path(followup_sheet.__file__).resolve().parent
FORMAT_LIBRARIES = frozenset({"openpyxl", "lxml", "zipfile", "python_calamine"})
FORMAT_PACKAGE = "xlsx/"
# the command line: the __main__ modules and console only call cli
CLI = frozenset({"cli.py", "__main__.py", "console.py", "sample/__main__.py"})
# Clock reads below the CLI that are about the file system's time, not the tracker's day: how old
# a temporary file a killed run left is (against its mtime), and the backup copies' file names.
FILE_TIMES = frozenset({("filesafe.py", "time.time"), ("filesafe.py", "dt.datetime.now")})
# No module starts a process: every platform runs the same code, in one process.
PROCESS_STARTS = frozenset({"fork", "forkpty", "spawnv", "spawnl", "posix_spawn", "system", "popen", "execv",
                            "execvp", "execl"})
PROCESS_MODULES = frozenset({"subprocess", "multiprocessing", "concurrent", "pty"})
# The one module that knows where public holidays come from: every business day is counted with
# the calendar it builds.
HOLIDAYS_HOME = "businessdays.py"
HOLIDAY_LIBRARIES = frozenset({"holidays"})


def _last_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def format_imports(tree: ast.AST, libraries: frozenset[str] = FORMAT_LIBRARIES) -> list[tuple[int, str]]:
    """(line, library) for each import of a file-format library (or of `libraries`), lazy ones
    inside functions and `importlib.import_module("...")` / `__import__("...")` included."""
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and _last_name(node.func) in ("import_module", "__import__") \
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            names = [node.args[0].value]
        found += [(node.lineno, name.split(".")[0]) for name in names if name.split(".")[0] in libraries]
    return found


def clock_reads(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, expression) for each place that reads today's date or the time of day:
    date.today, datetime.now/today/utcnow, Timestamp.now/today, time.time, and
    datetime64("today") / Timestamp("now") and the like; called or passed on as a value."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            owner = _last_name(node.value)
            if (node.attr in ("today", "now", "utcnow") and owner in ("date", "datetime", "Timestamp")) \
                    or (node.attr in ("time", "time_ns") and owner == "time"):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.ImportFrom) and node.module == "time":
            found += [(node.lineno, f"time.{a.name}") for a in node.names if a.name in ("time", "time_ns")]
        elif isinstance(node, ast.Call) and _last_name(node.func) in ("datetime64", "Timestamp", "to_datetime") \
                and node.args and isinstance(node.args[0], ast.Constant) \
                and str(node.args[0].value).lower() in ("today", "now"):
            found.append((node.lineno, ast.unparse(node)))
    return found


def output_writes(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, expression) for each print() and each use of sys.stdout / sys.stderr."""
    streams = ("stdout", "stderr", "__stdout__", "__stderr__")
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            found.append((node.lineno, "print()"))
        elif isinstance(node, ast.Attribute) and node.attr in streams and _last_name(node.value) == "sys":
            found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.ImportFrom) and node.module == "sys":
            found += [(node.lineno, f"sys.{a.name}") for a in node.names if a.name in streams]
    return found


def process_starts(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, what) for each os.fork / os.system / os.spawn* / os.exec*-like call and each import
    of subprocess, multiprocessing, concurrent or pty."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _last_name(node.value) == "os" and (
                node.attr in PROCESS_STARTS or node.attr.startswith(("spawn", "exec"))):
            found.append((node.lineno, f"os.{node.attr}"))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] in PROCESS_MODULES]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            if node.module.split(".")[0] in PROCESS_MODULES:
                found.append((node.lineno, node.module))
            elif node.module == "os":
                found += [(node.lineno, f"os.{a.name}") for a in node.names
                          if a.name in PROCESS_STARTS or a.name.startswith(("spawn", "exec"))]
    return found


# The read stage's modules: choosing the sheet and reading its rows, the header row and its fields,
# the dates. They stay outside the format boundary and take from it only the plain layout and
# cell references (where the tool's own columns go is the layout's `tool_columns`).
READ_STAGE = frozenset({"read.py", "headers.py", "dates.py"})
# The inbox (mail -> proposed changes) never touches the workbook itself: refresh writes its changes.
INBOX = "inbox/"
# What the read stage takes from the format package: the plain layout and cell references.
READ_SEES = frozenset({"open_workbook", "WorkbookLayout", "SheetLayout", "TableInfo", "is_tool_sheet",
                       "column_letters", "is_empty_cell"})


def format_package_uses(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, name) for each name a module takes from the format package: `from .xlsx import
    name`, `from .xlsx.part import name` (as 'part.name') and `xlsx.name`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level and node.module \
                and node.module.split(".")[0] == FORMAT_PACKAGE.rstrip("/"):
            inner = node.module.split(".")[1:]
            found += [(node.lineno, ".".join([*inner, a.name])) for a in node.names]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == FORMAT_PACKAGE.rstrip("/"):
            found.append((node.lineno, node.attr))
    return found


def modules(root: Path) -> dict[str, ast.AST]:
    """Every module of the package below `root`, by its path relative to it ('xlsx/write.py')."""
    return {path.relative_to(root).as_posix(): ast.parse(path.read_text(encoding="utf-8"), str(path))
            for path in sorted(root.rglob("*.py"))}


def violations(root: Path, file_times: frozenset[tuple[str, str]] = FILE_TIMES) -> list[str]:
    """Every break of the rules in the package at `root`, one line each."""
    out = []
    for name, tree in modules(root).items():
        if not name.startswith(FORMAT_PACKAGE):
            out += [f"{name}:{line} imports {lib}: only followup_sheet/{FORMAT_PACKAGE} may touch the file format"
                    for line, lib in format_imports(tree)]
        if name not in CLI:
            out += [f"{name}:{line} writes to the terminal ({what}): only the CLI prints; log instead"
                    for line, what in output_writes(tree)]
            out += [f"{name}:{line} reads the clock ({what}): take `today` (or a clock) as an argument"
                    for line, what in clock_reads(tree)
                    if (name, what) not in file_times or name == "plan.py"]
        if name != HOLIDAYS_HOME:
            out += [f"{name}:{line} imports {lib}: only {HOLIDAYS_HOME} builds the business-day calendar"
                    for line, lib in format_imports(tree, HOLIDAY_LIBRARIES)]
        out += [f"{name}:{line} starts a process ({what}): the work is done in this process, the same "
                "way on every platform" for line, what in process_starts(tree)]
        if name.startswith(INBOX):
            out += [f"{name}:{line} takes {what} from the format package: the inbox hands its changes to "
                    "pipeline.refresh, which writes them" for line, what in format_package_uses(tree)]
        if name in READ_STAGE:
            out += [f"{name}:{line} takes {what} from the format package: read sees only the plain layout "
                    f"({', '.join(sorted(READ_SEES))})"
                    for line, what in format_package_uses(tree) if what not in READ_SEES]
    return out


def _from_parts(name: str, node: ast.ImportFrom) -> list[str] | None:
    """The package path (['xlsx', 'write']) a `from ... import` in module `name` reads from,
    relative or absolute; None when it is not the package."""
    here = name.split("/")[:-1]
    if node.level:
        base = here[:len(here) - node.level + 1] if node.level > 1 else here
        return [*base, *(node.module.split(".") if node.module else [])]
    if node.module and node.module.split(".")[0] == "followup_sheet":
        return node.module.split(".")[1:]
    return None


def _module_of(parts: list[str], known: set[str]) -> str | None:
    """The key of `known` the package path `parts` names (a module, or a sub-package's __init__)."""
    path = "/".join(parts)
    for key in (f"{path}.py", f"{path}/__init__.py" if path else "__init__.py"):
        if key in known:
            return key
    return None


def package_imports(name: str, tree: ast.AST, known: set[str]) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) for each import of a module of the package by module `name`
    ('xlsx/write.py'), relative or absolute, inside functions too; `module` is a key of `known`
    ('xlsx/__init__.py' for the sub-package), and `names` what the import takes from it. Imports
    under `if TYPE_CHECKING:` are left out: they name types for the checker and never run."""
    typing_only = {id(inner) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and _last_name(node.test) == "TYPE_CHECKING" for stmt in node.body for inner in ast.walk(stmt)}
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                module = _module_of(parts[1:], known) if parts[0] == "followup_sheet" else None
                if module is not None:
                    found.append((node.lineno, module, []))
        if not isinstance(node, ast.ImportFrom):
            continue
        parts = _from_parts(name, node)
        if parts is None:
            continue
        names = []
        for alias in node.names:     # `from . import xlsx` takes a module, not a name of the package
            sub = _module_of([*parts, alias.name], known)
            if sub is not None:
                found.append((node.lineno, sub, []))
            else:
                names.append(alias.name)
        module = _module_of(parts, known)
        if module is not None and names:
            found.append((node.lineno, module, names))
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_uses(name: str, tree: ast.AST, known: set[str]) -> list[tuple[int, str, str]]:
    """(line, module, name) for each private name module `name` takes from another module of the
    package: imported (`from .plan import _contains`), or reached through an imported module
    (`from . import plan` ... `plan._contains`, `import followup_sheet.plan as plan`)."""
    found = [(line, module, n) for line, module, names in package_imports(name, tree, known) for n in names
             if _private(n) and module != name]
    aliases: dict[str, str] = {}    # a local name -> the package module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (parts := _from_parts(name, node)) is not None:
            for alias in node.names:
                module = _module_of([*parts, alias.name], known)
                if module is not None:
                    aliases[alias.asname or alias.name] = module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                module = _module_of(parts[1:], known) if parts[0] == "followup_sheet" and alias.asname else None
                if module is not None and alias.asname:
                    aliases[alias.asname] = module
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases \
                and _private(node.attr) and aliases[node.value.id] != name:
            found.append((node.lineno, aliases[node.value.id], node.attr))
    return found


def import_problems(root: Path, checked: frozenset[str] | set[str] | None = None) -> list[str]:
    """Private names taken from another module, and import cycles, for the `checked` modules (all
    of the package's by default)."""
    trees = modules(root)
    known = set(trees)
    graph = {name: {module for _, module, _ in package_imports(name, tree, known)} for name, tree in trees.items()}
    out = []
    for name in sorted(known if checked is None else checked & known):
        out += [f"{name}:{line} takes {n} from {module}: make it public (no underscore) in the module it belongs to"
                for line, module, n in private_uses(name, trees[name], known)]
        # a cycle through `name`: a path from one of its imports back to it
        stack, seen = [(m, [name, m]) for m in graph[name]], set()
        while stack:
            module, path = stack.pop()
            if module == name:
                out.append("import cycle: " + " -> ".join(path))
                break
            if module in seen:
                continue
            seen.add(module)
            stack += [(m, [*path, m]) for m in graph.get(module, ())]
    return out


def test_no_module_takes_a_private_name_from_another_or_makes_a_cycle():
    assert import_problems(PACKAGE) == []


@pytest.mark.parametrize("files, what", [
    ({"read.py": "from .headers import _fold\n", "headers.py": "def _fold(): pass\n"}, "takes _fold from headers.py"),
    ({"dates.py": "def f():\n    from followup_sheet.read import _text\n", "read.py": ""}, "takes _text from read.py"),
    ({"headers.py": "from . import dates\n", "dates.py": "from .headers import normalize_header\n"},
     "import cycle: dates.py -> headers.py -> dates.py"),
    ({"xlsx/__init__.py": "from .placement import place\n", "xlsx/placement.py": "from ..read import Tracker\n",
      "read.py": "from . import xlsx\n"}, "import cycle: read.py -> xlsx/__init__.py -> xlsx/placement.py -> read.py"),
    # anywhere in the package, not only the read stage: a private name reached through the module
    ({"stats.py": "from . import plan\ndef f():\n    return plan._contains\n", "plan.py": ""},
     "stats.py:3 takes _contains from plan.py"),
    ({"worklog.py": "import followup_sheet.pipeline as p\nx = p._settings\n", "pipeline.py": ""},
     "worklog.py:2 takes _settings from pipeline.py"),
    ({"xlsx/marksheets.py": "def f():\n    from .sheetedit import _Scanner\n", "xlsx/__init__.py": "",
      "xlsx/sheetedit.py": ""}, "xlsx/marksheets.py:2 takes _Scanner from xlsx/sheetedit.py"),
    # a cycle made by an import inside a function, and one through a program's entry
    ({"pipeline.py": "from .exporttext import today_text\n",
      "exporttext.py": "def f():\n    from .pipeline import NO_WAY\n"}, "import cycle: exporttext.py -> pipeline.py"),
    ({"cli.py": "def demo():\n    from .sample import build\n",
      "sample.py": "if __name__ == '__main__':\n    from .cli import sample_main\n"},
     "import cycle: cli.py -> sample.py -> cli.py"),
])
def test_the_import_rules_catch_a_module_that_breaks_them(tmp_path, files, what):
    found = import_problems(_package(tmp_path, files))
    assert any(what in line for line in found), found


def test_the_import_rules_allow_public_names_and_one_way_imports(tmp_path):
    root = _package(tmp_path, {"read.py": "from . import xlsx\nfrom .headers import header_fields\n",
                               "headers.py": "from .dates import is_date_cell\nfrom .xlsx import column_letters\n",
                               "dates.py": "from .xlsx import is_empty_cell\n",
                               "xlsx/__init__.py": "from .refs import x\nfrom .write import w\n",
                               "xlsx/refs.py": "from ..errors import E\n",
                               "xlsx/write.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                                "    from ..read import Tracker\n",
                               "errors.py": "",
                               # a sub-package's modules importing each other: not an import of its __init__
                               "inbox/__init__.py": "from .classify import classify\n",
                               "inbox/classify.py": "from . import words as W\nx = W.WORDS\n",
                               "inbox/words.py": "WORDS = ()\n_own = 1\n",
                               # a program's entry in a package of its own imports the CLI, which imports the package
                               "cli.py": "def demo():\n    from .sample import build\n",
                               "sample/__init__.py": "def build(): pass\n",
                               "sample/__main__.py": "from ..cli import main\n"})
    assert import_problems(root) == []


def test_the_package_keeps_its_rules():
    assert violations(PACKAGE) == []


def test_plan_imports_no_file_format_and_reads_no_clock():
    tree = modules(PACKAGE)["plan.py"]
    assert format_imports(tree) == [] and clock_reads(tree) == []


def test_the_file_time_exceptions_are_still_there():
    """An exception that no longer matches anything would hide a new clock read of that name."""
    found = {(name, what) for name, tree in modules(PACKAGE).items() for _, what in clock_reads(tree)}
    assert FILE_TIMES <= found


def test_the_format_package_and_the_cli_are_seen():
    """The checker reads the real package: the format package does import the format libraries,
    and the CLI does print and read the date (else the rules above would hold by reading nothing)."""
    found = modules(PACKAGE)
    assert {lib for name, tree in found.items() if name.startswith(FORMAT_PACKAGE)
            for _, lib in format_imports(tree)} == FORMAT_LIBRARIES
    assert output_writes(found["cli.py"]) and clock_reads(found["cli.py"])
    assert format_imports(found[HOLIDAYS_HOME], HOLIDAY_LIBRARIES)


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return root


BAD_MODULES = [
    # a module below the CLI that touches the file format
    ("read.py", "from lxml import etree\n", "imports lxml"),
    ("inbox/match.py", "import openpyxl\n", "imports openpyxl"),
    # the inbox writing the workbook itself instead of through refresh
    ("inbox/__init__.py", "from ..xlsx.write import write_back\n", "takes write.write_back"),
    ("pipeline.py", "def f():\n    import zipfile\n", "imports zipfile"),
    ("render.py", "import openpyxl.styles\n", "imports openpyxl"),
    ("watch.py", "import importlib\nimportlib.import_module('python_calamine')\n", "imports python_calamine"),
    ("plan.py", "from openpyxl import Workbook\n", "imports openpyxl"),
    # the read stage reaching past the plain layout
    ("read.py", "from . import xlsx\nh = xlsx.hidden_columns(None)\n", "takes hidden_columns"),
    ("read.py", "from .xlsx import open_values\n", "takes open_values"),
    ("read.py", "from .xlsx.sheetxml import scan_sheet\n", "takes sheetxml.scan_sheet"),
    ("headers.py", "from .xlsx.placement import place_tool_columns\n", "takes placement.place_tool_columns"),
    ("dates.py", "from . import xlsx\nd = xlsx.open_values\n", "takes open_values"),
    # printing below the CLI
    ("pipeline.py", "print('done')\n", "print()"),
    ("watch.py", "import sys\nsys.stderr.write('x')\n", "sys.stderr"),
    ("xlsx/write.py", "import sys\nout = sys.stdout\n", "sys.stdout"),
    ("render.py", "from sys import stdout\n", "sys.stdout"),
    # the clock below the CLI
    ("pipeline.py", "import datetime as dt\ntoday = dt.date.today()\n", "dt.date.today"),
    ("watch.py", "from datetime import datetime\nclock = datetime.now\n", "datetime.now"),
    ("plan.py", "import datetime\nx = datetime.datetime.today()\n", "datetime.datetime.today"),
    ("read.py", "import time\nt = time.time()\n", "time.time"),
    ("sample.py", "from time import time\n", "time.time"),
    ("render.py", "import pandas as pd\nd = pd.Timestamp.now()\n", "pd.Timestamp.now"),
    ("xlsx/values.py", "import numpy as np\nd = np.datetime64('today')\n", "np.datetime64('today')"),
    # a process started anywhere, the speed tricks' module included
    ("tuning.py", "import os\npid = os.fork()\n", "os.fork"),
    ("cli.py", "import multiprocessing\n", "multiprocessing"),
    ("xlsx/write.py", "import os\npid = os.fork()\n", "os.fork"),
    ("render.py", "from concurrent.futures import ProcessPoolExecutor\n", "concurrent.futures"),
    ("watch.py", "import subprocess\n", "subprocess"),
    ("pipeline.py", "from os import posix_spawn\n", "os.posix_spawn"),
    ("export.py", "import os\nos.execvp('x', ['x'])\n", "os.execvp"),
    # plan may not read the clock even the way the file-time exceptions do
    ("plan.py", "import datetime as dt\nstamp = dt.datetime.now()\n", "dt.datetime.now"),
    # public holidays from anywhere but businessdays.py
    ("marks.py", "def f():\n    import holidays\n", "imports holidays"),
    ("xlsx/live.py", "from holidays import country_holidays\n", "imports holidays"),
]


@pytest.mark.parametrize("name, source, what", BAD_MODULES)
def test_each_rule_catches_a_module_that_breaks_it(tmp_path, name, source, what):
    root = _package(tmp_path, {"cli.py": "", name: source})
    found = violations(root, file_times=frozenset({("plan.py", "dt.datetime.now")}))
    assert len(found) == 1 and found[0].startswith(f"{name}:") and what in found[0], found


@pytest.mark.parametrize("name, source", [
    ("cli.py", "import sys, datetime as dt\nprint(dt.date.today(), file=sys.stderr)\n"),
    ("__main__.py", "import sys\nsys.exit(0)\n"),
    ("xlsx/package.py", "import zipfile\nfrom lxml import etree\nimport openpyxl\nimport python_calamine\n"),
    ("watch.py", "import time\nstart = time.monotonic()\nlog = print_later = None\n"),
    ("filesafe.py", "import time\nnow = time.time()\n"),
    ("businessdays.py", "import holidays\n"),
    ("xlsx/write.py", "import os\nos.replace('a', 'b')\nos.getpid()\n"),
    ("read.py", "from . import xlsx\nfrom .xlsx import open_workbook\nletter = xlsx.column_letters(3)\n"),
    ("headers.py", "from .xlsx import column_letters, is_empty_cell\n"),
])
def test_what_the_rules_allow_passes(tmp_path, name, source):
    root = _package(tmp_path, {"cli.py": "", name: source})
    assert violations(root) == []
