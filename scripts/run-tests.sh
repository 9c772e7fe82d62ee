#!/usr/bin/env bash
# Installs what is needed (first run only) and runs the whole test suite. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install-system-packages.sh  # chromium for the browser tests, a font for the PDF
# The storage tests run on SQLite and on PostgreSQL; a URL set by hand wins over the local server.
if [ -z "${LADDER_TEST_POSTGRES_URL:-}" ]; then
  LADDER_TEST_POSTGRES_URL=$(bash scripts/ensure-postgres.sh)
  export LADDER_TEST_POSTGRES_URL
fi
.venv/bin/python -m pytest "$@"
