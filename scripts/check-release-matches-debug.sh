#!/usr/bin/env bash
# The release build (-Ounchecked on the numeric kernels) must give the same bits as the debug build that the unit
# tests check, for every shipped namelist, `earthbox diagnose` and `earthbox compare`. Undefined behaviour in unsafe
# pointer code shows up here first: a one-element array written through its buffer pointer was read back unstepped
# in release only (FastSlowSplit, esm-ssp245 slow part 1.31 K against 0.72 K), and no debug test could see it.
#   bash scripts/check-release-matches-debug.sh      (after `swift build --build-tests`)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-release.sh --product earthbox >/dev/null
EARTHBOX_REFERENCE_BIN=$PWD/.build/debug/earthbox EARTHBOX_NEW_BIN=$PWD/.build/release/earthbox \
  EARTHBOX_REFERENCE_LABEL="the debug build" exec bash scripts/check-bit-identical.sh
