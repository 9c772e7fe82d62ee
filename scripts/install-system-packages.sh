#!/usr/bin/env bash
# Installs the Debian packages a task needs, only when missing (a fresh CI machine has none of them).
#   bash scripts/install-system-packages.sh          what the test suite needs (scripts/run-tests.sh):
#     chromium           the browser the end-to-end tests drive (Playwright never downloads its own)
#     fonts-dejavu-core  the Unicode font the PDF export embeds (and the ODT and DOCX name)
#     libreoffice-writer-nogui  LibreOffice without a desktop: tests convert the ODT and DOCX to PDF with it, to
#                        show they open and that the ODT makes a tagged PDF (tests/reports/test_editable_documents.py;
#                        skipped where it is absent)
#     poppler-utils      pdfinfo, which reads that PDF's tags (and pdftoppm, to look at rendered pages)
#     nginx, openssl     the shared installation, which one browser test starts (see below)
#   bash scripts/install-system-packages.sh shared   what scripts/run-shared.sh needs:
#     nginx              Debian's nginx as the reverse proxy with TLS in front of the app processes
#     openssl            makes the self-signed certificate
# Quick and silent when everything is present; exits non-zero with a clear message when it cannot install.
# Note: on an ordinary Debian host, installing nginx also starts the system's own nginx service on port 80 (Debian's
# policy). run-shared.sh does not use it: it starts its own nginx, as the calling user, on an unprivileged port.
set -euo pipefail

missing=()
case "${1:-tests}" in
  tests)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
    command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
    command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils) ;;
  shared) ;;
  *) echo "Usage: $0 [tests|shared]" >&2; exit 2 ;;
esac
# Both lists: the shared installation's own browser test needs them as much as run-shared.sh does.
# /usr/sbin is not on an ordinary user's PATH, so look for nginx there too.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0

fail() {
  echo "Could not install the system packages needed: ${missing[*]}. $1" >&2
  echo "Install them yourself (sudo apt-get install ${missing[*]}) and run the command again." >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "This is not a Debian-like system (no apt-get)."
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  # -n: fail at once instead of waiting for a password nobody will type (CI)
  { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; } || fail "Not root, and no sudo without a password."
  as_root=(sudo -n)
fi

echo "Installing system packages: ${missing[*]} ..." >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# env: sudo drops the caller's environment, and a prompt would hang an unattended run
apt_get() { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@" >>"$log" 2>&1; }
apt_get update -q || { cat "$log" >&2; fail "apt-get update failed (output above)."; }
apt_get install -y -q --no-install-recommends "${missing[@]}" || { cat "$log" >&2; fail "apt-get install failed (output above)."; }
echo "Installed: ${missing[*]}." >&2
