#!/usr/bin/env bash
# Creates .venv, installs the pinned requirements and this project itself (editable, so the `ladder` command
# exists and runs the code of this folder); does nothing when both are already installed.
# Sourced by run-app.sh and run-tests.sh, so a fresh clone needs no other step.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1 || echo none))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv ..."
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha256
# pyproject.toml too: a new console script or package needs the editable install again
wanted=$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "Installing requirements (pinned in requirements.txt) ..."
  pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
  "${pip[@]}" -r requirements.txt
  # --no-build-isolation: build with the setuptools just installed from requirements.txt, not a fresh download;
  # --no-deps: requirements.txt is the one install list
  "${pip[@]}" --no-deps --no-build-isolation --editable .
  echo "$wanted" > "$stamp"
fi
