#!/usr/bin/env bash
# Installs what is needed (first run only) and runs the whole test suite. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install-system-packages.sh  # chromium for the browser tests, a font for the PDF
.venv/bin/python -m pytest "$@"
