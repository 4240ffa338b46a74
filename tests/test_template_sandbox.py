"""Templates from elsewhere cannot run code: every template is rendered in Jinja2's sandbox.

A template folder someone shares is text the user did not write. Reaching Python's internals
from it (to run a shell command, or to list every class in the interpreter) is refused with a
message naming the template, exit 1, and the tracker left as it was.
"""

from __future__ import annotations

import datetime as dt

import jinja2
import jinja2.sandbox
import pytest
from conftest import run_cli, write_tracker

from followup_sheet.render import bundled_templates, get_template

DAY = "2026-11-26"    # a Thursday

# Each a way out of a template that plain Jinja2 allows; MARKER is the file the first ones would make.
MARKER = "BROKE_OUT"
TRICKS = [
    ("self-globals", "{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch " + MARKER + "') }}"),
    ("subclasses", "{{ ''.__class__.__mro__[1].__subclasses__() }}"),
    ("cycler-globals", "{{ cycler.__init__.__globals__.os.system('touch " + MARKER + "') }}"),
    ("helper-globals", "{{ m.role.__globals__['__builtins__']['open']('" + MARKER + "', 'w') }}"),
    ("format-string", "{{ '{0.__class__.__mro__[1].__subclasses__}'.format('') }}"),
]


def _shared_folder(tmp_path, body: str):
    """A template folder as someone might share it: every script template holds `body`."""
    folder = tmp_path / "shared_templates"
    folder.mkdir()
    for template in bundled_templates().glob("*.j2"):
        (folder / template.name).write_text("Hello {{ company }}.\n" + body + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def tracker(tmp_path):
    return write_tracker(tmp_path / "hunt.xlsx", [
        {"Company": "Nordlicht Optik", "Role": "Lens technician", "Applied on": dt.date(2026, 11, 9),
         "Status": "sent CV"},
        {"Company": "Harbour & Finch", "Role": "Bookkeeper", "Applied on": dt.date(2026, 11, 12),
         "Status": "applied through their site"},
    ])


@pytest.mark.parametrize("command", ["refresh", "today"])
@pytest.mark.parametrize("label, trick", TRICKS, ids=[t[0] for t in TRICKS])
def test_a_shared_template_cannot_run_code(tmp_path, tracker, command, label, trick):
    folder = _shared_folder(tmp_path, trick)
    before = tracker.read_bytes()
    proc = run_cli(command, tracker, "--today", DAY, "--templates", folder, cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert not (tmp_path / MARKER).exists()
    assert "internal error" not in proc.stderr
    assert ".j2" in proc.stderr and "template" in proc.stderr
    assert "may not use" in proc.stderr or "unsafe" in proc.stderr
    assert tracker.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hunt.xlsx", "shared_templates"]


def test_the_message_names_the_template_and_what_it_reached_for(tmp_path, tracker):
    folder = _shared_folder(tmp_path, TRICKS[0][1])
    proc = run_cli("refresh", tracker, "--today", DAY, "--templates", folder, cwd=tmp_path)
    line = proc.stderr.strip().splitlines()[-1]
    assert "check_in_call.j2" in line
    assert "'__init__'" in line and "README.md#customising-scripts" in line


def test_templates_that_use_only_the_context_still_work(tmp_path, tracker):
    folder = _shared_folder(tmp_path, "{{ m.role() }} / {{ me.name or 'me' }} / {{ contact or 'nobody' }}")
    proc = run_cli("today", tracker, "--today", DAY, "--templates", folder, "--output", "-", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Hello Nordlicht Optik." in proc.stdout
    assert "the Lens technician role at Nordlicht Optik / me / nobody" in proc.stdout


@pytest.mark.parametrize("label, trick", TRICKS, ids=[t[0] for t in TRICKS])
def test_the_bundled_script_environment_is_sandboxed(tmp_path, label, trick):
    template = get_template("check_in_call.j2")
    assert isinstance(template.environment, jinja2.sandbox.SandboxedEnvironment)
    with pytest.raises(jinja2.sandbox.SecurityError):
        template.environment.from_string(trick).render(company="x")
    assert not (tmp_path / MARKER).exists()


def test_the_export_pages_are_sandboxed():
    from followup_sheet.exporttext import _environment

    env = _environment()
    assert isinstance(env, jinja2.sandbox.SandboxedEnvironment)
    with pytest.raises(jinja2.sandbox.SecurityError):
        env.from_string(TRICKS[1][1]).render()
    assert isinstance(env.get_template("call_sheet.html.j2"), jinja2.Template)


def test_bytecode_compiled_without_the_sandbox_is_not_loaded(tmp_path, monkeypatch):
    """Jinja2 keys its bytecode cache by template name and source only. Bytecode a plain
    environment (an earlier version of the tool) left for the same file calls functions without
    asking the environment; loaded into the sandboxed one, a call the sandbox refuses would run."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "check_in_call.j2").write_text("{{ company }}: {{ m.role() }}", encoding="utf-8")
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader([str(folder.resolve())]),
                               bytecode_cache=jinja2.FileSystemBytecodeCache())
    plain.get_template("check_in_call.j2")     # leaves its bytecode in the cache folder
    assert any((tmp_path / "tmp").rglob("*.cache"))

    template = get_template("check_in_call.j2", folder)
    ran = []

    @jinja2.sandbox.unsafe
    def refused():
        ran.append(True)
        return "ran"
    with pytest.raises(jinja2.sandbox.SecurityError):
        template.render(company="Nordlicht Optik", position="", m=refused_phrases(refused))
    assert ran == []


def refused_phrases(refused):
    """An `m` whose `role` the sandbox refuses to call."""
    class Phrases:
        role = staticmethod(refused)
    return Phrases()
