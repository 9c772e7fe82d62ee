#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only when missing (a fresh CI machine has none of them):
#   chromium           the browser the end-to-end tests drive (Playwright never downloads its own)
#   fonts-dejavu-core  the Unicode font the PDF export embeds
# Quick and silent when everything is present; exits non-zero with a clear message when it cannot install.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0

fail() {
  echo "Could not install the system packages the tests need: ${missing[*]}. $1" >&2
  echo "Install them yourself (sudo apt-get install ${missing[*]}) and run the tests again." >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "This is not a Debian-like system (no apt-get)."
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  # -n: fail at once instead of waiting for a password nobody will type (CI)
  { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; } || fail "Not root, and no sudo without a password."
  as_root=(sudo -n)
fi

echo "Installing system packages: ${missing[*]} ..."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# env: sudo drops the caller's environment, and a prompt would hang an unattended run
apt_get() { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@" >>"$log" 2>&1; }
apt_get update -q || { cat "$log" >&2; fail "apt-get update failed (output above)."; }
apt_get install -y -q --no-install-recommends "${missing[@]}" || { cat "$log" >&2; fail "apt-get install failed (output above)."; }
echo "Installed: ${missing[*]}."
