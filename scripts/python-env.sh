#!/usr/bin/env bash
# Makes (or reuses) the Python virtual environment the CI checks use, .venv-ci/ (gitignored), with
# scripts/requirements-ci.txt and the EarthBox Python package (python/). Prints nothing when it is up to date.
# PyPI is the only network it needs. Usage: bash scripts/python-env.sh; then .venv-ci/bin/python ...
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-ci
command -v python3 >/dev/null || { echo "python-env: python3 not found" >&2; exit 1; }
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" || { echo "python-env: cannot create $VENV (Debian: apt-get install python3-venv)" >&2; exit 1; }
fi
# Reinstall only when the requirements or the package changed (the stamp holds their checksum).
stamp=$(cat scripts/requirements-ci.txt python/pyproject.toml $(find python/src -name '*.py' | sort) | sha256sum | cut -d' ' -f1)
if [ "$(cat "$VENV/.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "python-env: installing scripts/requirements-ci.txt and ./python into $VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r scripts/requirements-ci.txt
  "$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps ./python
  echo "$stamp" > "$VENV/.stamp"
fi
