#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 (user postgres, database test, trust auth), so the
# storage tests run on PostgreSQL as well as SQLite. Prints the URL for LADDER_TEST_POSTGRES_URL on stdout.
#   1. one answers already (the project's machines usually run one): use it;
#   2. one is installed but stopped: start it;
#   3. none is installed: install Debian's postgresql, let 127.0.0.1 in without a password, start it.
# Only for test machines: step 3 configures a server nobody else should use.
set -euo pipefail
cd "$(dirname "$0")/.."
URL="postgresql://postgres@127.0.0.1:5432/test"

answers() {
  .venv/bin/python - "$URL" <<'PY' >/dev/null 2>&1
import sys, psycopg
psycopg.connect(sys.argv[1], connect_timeout=3).close()
PY
}

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; } || as_root=(false)
  [ "${as_root[*]}" = false ] || as_root=(sudo -n)
fi
root() { "${as_root[@]}" "$@"; }
fail() {
  echo "No PostgreSQL server answers on 127.0.0.1:5432 and this script could not start one: $1" >&2
  echo "See README (Opslag / Storage) for setting one up, or set LADDER_TEST_POSTGRES_URL yourself." >&2
  exit 1
}
start_cluster() {
  local version
  version=$(ls /etc/postgresql | sort -V | tail -1)
  root pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
}
create_test_database() {
  root su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='test'\" | grep -q 1 || createdb test"
}
wait_until_it_answers() {
  for _ in $(seq 1 30); do answers && return 0; sleep 1; done
  return 1
}

if answers; then echo "$URL"; exit 0; fi
[ "${as_root[*]}" != false ] || fail "not root, and no sudo without a password."

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Installing PostgreSQL (Debian's postgresql) for the storage tests ..." >&2
  log=$(mktemp)
  root env DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$log" 2>&1 || { cat "$log" >&2; fail "apt-get update failed."; }
  root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >>"$log" 2>&1 \
    || { cat "$log" >&2; fail "apt-get install postgresql failed."; }
  rm -f "$log"
  hba="/etc/postgresql/$(ls /etc/postgresql | sort -V | tail -1)/main/pg_hba.conf"
  # Trust on the loopback only, as on the project's machines; put first so it wins over the default lines.
  root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
fi
start_cluster
wait_until_it_answers || { create_test_database; wait_until_it_answers; } || fail "the server did not answer after starting."
echo "$URL"
