#!/usr/bin/env bash
# Runs every EarthBox check: installs what is missing, proves the committed forcing files are
# reproducible from ../shared/data/rcmip (when that folder is present), builds, and runs the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
if [ -d ../shared/data/rcmip ] && command -v python3 >/dev/null; then
  python3 Forcing/convert_rcmip.py --check
else
  echo "forcing reproducibility check skipped: ../shared/data/rcmip not found"
fi
swift build --build-tests
# The shipped pathway files must be what their namelists make from the GCB national data (when present).
GCB=../shared/data/observations/global-carbon-budget-2023-national-fossil-territorial-emissions_Year-China-World.csv
if [ -f "$GCB" ]; then
  .build/debug/earthbox pathway --check --history-file "$GCB" Namelists/pathways/*.nml
else
  echo "pathway reproducibility check skipped: $GCB not found"
fi
swift test --skip-build "$@"
# Release and debug builds must agree bit for bit (undefined behaviour under -Ounchecked shows up only here).
if [ "$#" -eq 0 ]; then bash scripts/check-release-matches-debug.sh; fi
# Bounded fuzzing of the input readers (issue 15): 30 s per target here; scripts/fuzz.sh documents longer runs.
# EARTHBOX_FUZZ_SECONDS=0 skips it (e.g. for a quick local check).
if [ "${EARTHBOX_FUZZ_SECONDS:-30}" != 0 ]; then
  bash scripts/fuzz.sh "${EARTHBOX_FUZZ_SECONDS:-30}"
fi
