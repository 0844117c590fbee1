#!/usr/bin/env bash
# The Python package's tests (python/tests) against the built binary (EARTHBOX_BINARY, default .build/debug).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/python-env.sh
export EARTHBOX_HOME=$PWD EARTHBOX_BINARY=${EARTHBOX_BINARY:-$PWD/.build/debug/earthbox}
cd python && ../.venv-ci/bin/python -m pytest -q -p no:cacheprovider tests
