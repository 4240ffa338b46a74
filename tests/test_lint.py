"""ruff and mypy, configured in pyproject.toml, pass on the whole project; each is also shown
to catch a planted fault under the same configuration, so a pass is not a tool that checked nothing."""
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _needs(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install '.[test]')")


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_ruff_is_clean():
    _needs("ruff")
    proc = _run("ruff", "check", "--no-cache", ".")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_catches_a_planted_fault(tmp_path):
    _needs("ruff")
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n\n\ndef f(x):\n    return type(x) == str\n")
    proc = _run("ruff", "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(bad))
    assert proc.returncode != 0
    assert "F401" in proc.stdout and "E721" in proc.stdout


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory) -> Path:
    """One fresh cache for both mypy runs: the second reuses the standard library's and the
    dependencies' stubs the first has analysed (each run from nothing took 10-30 s)."""
    return tmp_path_factory.mktemp("mypy-cache")


def test_mypy_is_clean(mypy_cache):
    _needs("mypy")
    proc = _run("mypy", "--cache-dir", str(mypy_cache))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_catches_a_planted_fault(tmp_path, mypy_cache):
    _needs("mypy")
    bad = tmp_path / "bad.py"
    bad.write_text("import re\n\n\ndef first(text: str) -> str:\n    return re.match('a', text).group()\n")
    proc = _run("mypy", "--cache-dir", str(mypy_cache), "--config-file", str(ROOT / "pyproject.toml"),
                str(bad))
    assert proc.returncode != 0
    assert "union-attr" in proc.stdout
