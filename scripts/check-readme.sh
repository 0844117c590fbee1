#!/usr/bin/env bash
# Every README.md command, in order, on a fresh clone of this repository's HEAD (see scripts/check-readme.py).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/check-readme.py "$@"
