"""The inbox command against a real IMAP server: Debian's dovecot-imapd, started here with a
throw-away configuration, mail folder and self-signed certificate on a free port of localhost,
spoken to over IMAPS. Skipped, with the reason, where dovecot or openssl is missing."""

from __future__ import annotations

import datetime as dt
import email
import email.utils
import getpass
import grp
import imaplib
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from conftest import TODAY, run_cli, write_tracker
from inbox_mail import message, write_maildir

DOVECOT = shutil.which("dovecot") or ("/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None)
OPENSSL = shutil.which("openssl")
pytestmark = pytest.mark.skipif(DOVECOT is None or OPENSSL is None,
                                reason="needs Debian's dovecot-imapd and openssl (apt-get install dovecot-imapd)")
PASSWORD = "correct horse battery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _mail_user() -> tuple[str, int, int]:
    """The user dovecot runs the mail processes as: this user, or when this is root (which
    dovecot refuses for mail) its own 'dovecot' user."""
    if os.getuid() != 0:
        return getpass.getuser(), os.getuid(), os.getgid()
    entry = pwd.getpwnam("dovecot")
    return "dovecot", entry.pw_uid, entry.pw_gid


CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
auth_mechanisms = plain
disable_plaintext_auth = yes
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {login}
first_valid_uid = {uid}
last_valid_uid = {uid}
mail_location = maildir:{root}/home/%u/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
"""


@pytest.fixture(scope="module")
def dovecot():
    # a folder of its own, not pytest's: dovecot's own users must reach it when the tests run as root
    root = Path(tempfile.mkdtemp(prefix="followup-dovecot-"))
    os.chmod(root, 0o755)
    user, uid, gid = _mail_user()
    login = user if os.getuid() != 0 else "dovenull"
    port = _free_port()
    subprocess.run([OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(root / "key.pem"),
                    "-out", str(root / "cert.pem")], check=True, capture_output=True)
    (root / "passwd").write_text(f"sam:{{PLAIN}}{PASSWORD}\n")
    box = root / "home" / "sam" / "Maildir"
    box.parent.mkdir(parents=True)
    write_maildir(box, _messages())
    for path in (box / "new").iterdir():   # delivered when sent: IMAP's SINCE looks at the delivery day
        with open(path, "rb") as fh:
            sent = email.message_from_binary_file(fh)["Date"]
        stamp = email.utils.parsedate_to_datetime(sent).timestamp()
        os.utime(path, (stamp, stamp))
    config = root / "dovecot.conf"
    config.write_text(CONFIG.format(root=root, user=user, group=grp.getgrgid(gid).gr_name, login=login, uid=uid,
                                    gid=gid, port=port))
    if os.getuid() == 0:
        for path in [root / "home", *(root / "home").rglob("*")]:
            os.chown(path, uid, gid)
    server = subprocess.Popen([DOVECOT, "-F", "-c", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None:
                log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
                pytest.fail(f"dovecot did not start: {server.stdout.read().decode() if server.stdout else ''}{log}")
            time.sleep(0.2)
    yield {"root": root, "port": port}
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    shutil.rmtree(root, ignore_errors=True)


SENT = dt.date(2026, 11, 12)


def _messages() -> list:
    return [
        message('"Kestrel Analytics Hiring Team" <no-reply@greenhouse.io>', "Thank you for applying",
                "We have received your application for the Data Analyst role.", day=SENT),
        message("Alex Moreau <alex@northwindtraders.com>", "Interview invitation",
                "We would like to invite you to an interview for the Buyer position.", day=SENT,
                invite=dt.date(2026, 11, 19)),
        message("Alex Moreau <alex@northwindtraders.com>", "Old news", "Thank you for your application.",
                day=dt.date(2026, 9, 1)),     # before the oldest open application: not fetched
    ]


@pytest.fixture
def tracker(tmp_path, dovecot):
    path = write_tracker(tmp_path / "jobs.xlsx", [
        {"Company": "Kestrel Analytics", "Position": "Data Analyst", "Date Applied": dt.date(2026, 11, 2),
         "Stage": "Applied", "Response": ""},
        {"Company": "Northwind Traders", "Position": "Buyer", "Date Applied": dt.date(2026, 11, 3),
         "Stage": "Applied", "Response": ""}])
    (tmp_path / "followup.toml").write_text(
        f'[inbox]\nhost = "localhost"\nport = {dovecot["port"]}\nuser = "sam"\nfolder = "INBOX"\n'
        f'cafile = "{dovecot["root"] / "cert.pem"}"\n')
    return path


def _inbox(tracker: Path, password: str, *more: str):
    env = {**os.environ, "FOLLOWUP_IMAP_PASSWORD": password, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        return run_cli("inbox", tracker, "--imap", "--today", TODAY.isoformat(), *more)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _flags(dovecot) -> list[bytes]:
    context = ssl.create_default_context(cafile=str(dovecot["root"] / "cert.pem"))
    conn = imaplib.IMAP4_SSL("localhost", dovecot["port"], ssl_context=context)
    conn.login("sam", PASSWORD)
    conn.select("INBOX", readonly=True)
    _, data = conn.fetch("1:*", "(FLAGS)")
    conn.logout()
    return [d for d in data if isinstance(d, bytes)]


def test_imaps_read_only_proposes_and_applies(dovecot, tracker):
    before = _flags(dovecot)
    done = _inbox(tracker, PASSWORD)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Read 2 message(s) from imap since 2026-11-02" in done.stdout      # the September one not fetched
    assert "row 2 Kestrel Analytics: 'Response' (column E): (empty) → 'Automatic confirmation (e-mail)'" in done.stdout
    assert "row 3 Northwind Traders: 'Stage' (column D): 'Applied' → 'Interview'" in done.stdout
    assert _flags(dovecot) == before and not any(b"\\Seen" in f for f in before)   # nothing marked read
    applied = _inbox(tracker, PASSWORD, "--apply")
    assert applied.returncode == 0 and "Updated" in applied.stdout, applied.stdout + applied.stderr


def test_a_wrong_password_is_a_clear_message_and_exit_1(dovecot, tracker):
    before = tracker.read_bytes()
    done = _inbox(tracker, "not the password")
    assert done.returncode == 1 and "refused user 'sam'" in done.stderr, done.stderr
    assert tracker.read_bytes() == before


def test_a_certificate_not_trusted_is_refused(dovecot, tracker):
    config = tracker.parent / "followup.toml"
    config.write_text("\n".join(line for line in config.read_text().splitlines() if not line.startswith("cafile")))
    done = _inbox(tracker, PASSWORD)
    assert done.returncode == 1 and "certificate was not accepted" in done.stderr, done.stderr
