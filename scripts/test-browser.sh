#!/usr/bin/env bash
# Browser tests of `earthbox serve` (scripts/test_browser.py): Selenium in the gitignored .venv-ci/ (scripts/python-env.sh)
# driving Debian's headless chromium + chromium-driver (scripts/install-deps.sh). Needs the debug build of `earthbox`.
# Skips with a printed reason only when Chromium cannot start.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/python-env.sh   # selenium (scripts/requirements-ci.txt)
PYTHON=$PWD/.venv-ci/bin/python
exec "$PYTHON" scripts/test_browser.py --earthbox .build/debug/earthbox "$@"
