#!/usr/bin/env bash
# The Python package's tests (python/tests) against the built binary (EARTHBOX_BINARY, default .build/debug).
set -euo pipefail
cd "$(dirname "$0")/.."
# pint/iam-units cache their unit registries by file path; a cache outside the venv outlives the checkout that made it
# (a deleted clone's paths then fail the next run), so the checks keep theirs inside .venv-ci.
export XDG_CACHE_HOME=$PWD/.venv-ci/cache
bash scripts/python-env.sh
export EARTHBOX_HOME=$PWD EARTHBOX_BINARY=${EARTHBOX_BINARY:-$PWD/.build/debug/earthbox}
cd python && ../.venv-ci/bin/python -m pytest -q -p no:cacheprovider tests
