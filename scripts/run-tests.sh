#!/usr/bin/env bash
# Installs what is needed (first run only), runs the checks (ruff, mypy, the import layers; settings in
# pyproject.toml) and then the whole test suite. Exits non-zero on any failure. Arguments, if any, go to one
# pytest run instead, e.g. -m "not browser and not slow" for a quick run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "Checking: ruff, mypy, import layers ..."
.venv/bin/ruff check --quiet .
.venv/bin/mypy
.venv/bin/lint-imports --no-logo --no-cache
bash scripts/install-system-packages.sh  # chromium for the browser tests, a font for the PDF, nginx and openssl
#   for the test of the shared installation (scripts/run-shared.sh)
# The storage tests run on SQLite and on PostgreSQL; a URL set by hand wins over the local server.
if [ -z "${LADDER_TEST_POSTGRES_URL:-}" ]; then
  LADDER_TEST_POSTGRES_URL=$(bash scripts/ensure-postgres.sh)
  export LADDER_TEST_POSTGRES_URL
fi
if [ $# -gt 0 ]; then
  exec .venv/bin/python -m pytest "$@"
fi
# Everything but the browser on both cores (pytest-xdist: 2m50 instead of 4m50 here); the browser tests after it,
# one at a time, since each drives its own app server and chromium and would fight for the two cores.
.venv/bin/python -m pytest -m "not browser" -n 2
.venv/bin/python -m pytest -m browser
