#!/usr/bin/env bash
# Follows the README's two commands on a fresh, minimal Debian 12 (bookworm) with only the
# system Python, as a normal user, in a chroot made by debootstrap (no container engine needed).
#
#   sudo benchmarks/debian12_check.sh [ROOT] [TEST-ARGS...]
#
# ROOT defaults to /tmp/deb12 (made if missing; reused if there). TEST-ARGS go after the README's
# test command, e.g. -m "not slow" for the quick loop; without them the command runs as written.
# Logs: ROOT.install.log (install + demo) and ROOT.tests.log (the tests). See docs/install-check.md.
#
# Behind a TLS-intercepting proxy, set PIP_CERT to a CA bundle that trusts it; it is copied into
# the chroot and passed to pip there (a fresh machine on an open network needs nothing of the sort).
set -euo pipefail

ROOT=${1:-/tmp/deb12}
shift || true
REPO=$(cd "$(dirname "$0")/.." && pwd)
MIRROR=${MIRROR:-http://deb.debian.org/debian}

if [ "$(id -u)" -ne 0 ]; then echo "run as root (debootstrap and chroot need it)" >&2; exit 2; fi
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap

if [ ! -x "$ROOT/usr/bin/apt-get" ]; then
    debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR"
fi

cleanup() {
    for m in dev/pts dev proc; do umount "$ROOT/$m" 2>/dev/null || true; done
}
trap cleanup EXIT
mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
mountpoint -q "$ROOT/dev" || mount --bind /dev "$ROOT/dev"
mountpoint -q "$ROOT/dev/pts" || mount -t devpts devpts "$ROOT/dev/pts"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"

# What a user installs first: the system Python and its venv module (the README's Debian note).
chroot "$ROOT" /usr/bin/env DEBIAN_FRONTEND=noninteractive bash -c \
    'apt-get update -qq && apt-get install -y -qq python3 python3-venv >/dev/null'
chroot "$ROOT" bash -c 'id user >/dev/null 2>&1 || useradd -m -s /bin/bash user'

# A checkout of this branch, as `git clone` would give it (committed files only).
rm -rf "$ROOT/home/user/followup-sheet"
git clone -q "$REPO" "$ROOT/home/user/followup-sheet"
chroot "$ROOT" chown -R user:user /home/user/followup-sheet

PROXY_CA=""
if [ -n "${PIP_CERT:-}" ]; then
    cp "$PIP_CERT" "$ROOT/etc/ssl/pip-ca-bundle.crt"
    PROXY_CA="export PIP_CERT=/etc/ssl/pip-ca-bundle.crt; "
fi

# The README's commands, word for word (tests/test_cli.py checks the test command against it).
INSTALL='python3 -m venv .venv && . .venv/bin/activate && python -m pip install . && followup-sheet demo'
TESTS='python3 -m venv .venv && . .venv/bin/activate && python -m pip install ".[test]" && python -m pytest -n auto'
grep -qF "$INSTALL" "$REPO/README.md" || { echo "README.md no longer shows: $INSTALL" >&2; exit 1; }
grep -qF "$TESTS" "$REPO/README.md" || { echo "README.md no longer shows: $TESTS" >&2; exit 1; }
EXTRA=""
if [ "$#" -gt 0 ]; then EXTRA=$(printf ' %q' "$@"); fi

status=0
chroot "$ROOT" su - user -c "${PROXY_CA}cd followup-sheet && $INSTALL" >"$ROOT.install.log" 2>&1 || status=$?
echo "install + demo: exit $status (log $ROOT.install.log)"
[ "$status" -eq 0 ] || exit "$status"
test -s "$ROOT/home/user/followup-sheet/demo_tracker.xlsx"

# A second, clean checkout for the tests, so that the test command makes its own .venv.
chroot "$ROOT" su - user -c "rm -rf followup-sheet-tests && cp -r followup-sheet followup-sheet-tests \
    && rm -rf followup-sheet-tests/.venv followup-sheet-tests/demo_tracker.xlsx"
chroot "$ROOT" su - user -c "${PROXY_CA}cd followup-sheet-tests && $TESTS$EXTRA" >"$ROOT.tests.log" 2>&1 || status=$?
echo "tests: exit $status (log $ROOT.tests.log)"
tail -n 3 "$ROOT.tests.log"
exit "$status"
