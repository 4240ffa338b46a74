"""A throw-away IMAP server for the inbox tests: Debian's dovecot-imapd, started with its own
configuration, mail folders and self-signed certificate on a free port of localhost, spoken to
over IMAPS. Each user's messages are delivered into a Maildir of their own before it starts."""

from __future__ import annotations

import contextlib
import email
import email.utils
import getpass
import grp
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

from inbox_mail import write_maildir

DOVECOT = shutil.which("dovecot") or ("/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None)
OPENSSL = shutil.which("openssl")
MISSING = "needs Debian's dovecot-imapd and openssl (apt-get install dovecot-imapd)"
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



@contextlib.contextmanager
def imap_server(mailboxes: dict[str, list[Message]]) -> Iterator[dict]:
    """Dovecot serving each user's messages (user -> messages, all with PASSWORD) on a free port:
    yields {"root", "port", "cafile"}. A message is delivered on the day its Date header says
    (IMAP's SINCE looks at the delivery day)."""
    # a folder of its own, not pytest's: dovecot's own users must reach it when the tests run as root
    root = Path(tempfile.mkdtemp(prefix="followup-dovecot-"))
    os.chmod(root, 0o755)
    user, uid, gid = _mail_user()
    login = user if os.getuid() != 0 else "dovenull"
    port = _free_port()
    subprocess.run([OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(root / "key.pem"),
                    "-out", str(root / "cert.pem")], check=True, capture_output=True)
    (root / "passwd").write_text("".join(f"{name}:{{PLAIN}}{PASSWORD}\n" for name in mailboxes))
    for name, messages in mailboxes.items():
        box = root / "home" / name / "Maildir"
        box.parent.mkdir(parents=True)
        write_maildir(box, messages)
        for path in (box / "new").iterdir():
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
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
                    raise RuntimeError(f"dovecot did not start: "
                                       f"{server.stdout.read().decode() if server.stdout else ''}{log}") from None
                time.sleep(0.2)
        yield {"root": root, "port": port, "cafile": root / "cert.pem"}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(root, ignore_errors=True)


def imap_settings(server: dict, user: str) -> str:
    """The followup.toml [inbox] section that reads `user`'s INBOX on `server`."""
    return (f'[inbox]\nhost = "localhost"\nport = {server["port"]}\nuser = "{user}"\nfolder = "INBOX"\n'
            f'cafile = "{server["cafile"]}"\n')


def scan_tracker(server: dict, tmp_path: Path, user: str, rows: list[dict], today) -> tuple[Path, Path, object]:
    """A tracker of `rows` with a followup.toml that reads `user`'s INBOX on `server`, scanned as
    the inbox command does: (the workbook, its settings file, the scan's report)."""
    from conftest import write_tracker

    from followup_sheet.inbox import MailSource, scan_inbox
    path = write_tracker(tmp_path / "jobs.xlsx", rows)
    config = tmp_path / "followup.toml"
    config.write_text(imap_settings(server, user))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return path, config, scan_inbox(path, MailSource("imap"), today=today, config=config, password=PASSWORD)
