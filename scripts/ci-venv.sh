#!/usr/bin/env bash
# Creates (once) the gitignored Python virtual environment .venv-ci/ that the Python-side checks use and installs
# the packages named on the command line into it (pip, PyPI), e.g.
#   bash scripts/ci-venv.sh pyam-iamc scmdata
# Prints the path of the environment's python on the last line. Idempotent: packages already present are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-ci
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" >&2 || { echo "ci-venv: error: 'python3 -m venv' failed (Debian: apt-get install python3-venv)" >&2; exit 1; }
fi
missing=()
for pkg in "$@"; do
  "$VENV/bin/python" -m pip show -q "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci-venv: installing ${missing[*]} into $VENV" >&2
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${missing[@]}" >&2 \
    || { echo "ci-venv: error: pip install ${missing[*]} failed" >&2; exit 1; }
fi
echo "$PWD/$VENV/bin/python"
