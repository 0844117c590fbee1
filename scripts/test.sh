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
# The observation copies must match their checksums (and ../shared's copies, when present), and the shipped pathway
# files must be what their namelists make from the GCB national data in Observations/.
(cd Observations && sha256sum --quiet -c SHA256SUMS)
if [ -d ../shared/data/observations ]; then
  for f in $(cut -d' ' -f3 Observations/SHA256SUMS); do
    cmp -s "Observations/$f" "../shared/data/observations/$f" || { echo "Observations/$f differs from ../shared/data/observations/$f" >&2; exit 1; }
  done
fi
.build/debug/earthbox pathway --check Namelists/pathways/*.nml
# CF-1.8 conformance of a box, a zonal and an ensemble file; the Python package's tests; pyam and scmdata read
# what assess writes and the shipped pathway files.
bash scripts/check-cf.sh
bash scripts/check-python.sh
bash scripts/check-iamc-readers.sh
bash scripts/check-calibration.sh
swift test --skip-build "$@"
# The web simulator in a real (headless) browser.
bash scripts/test-browser.sh
# Release and debug builds must agree bit for bit (undefined behaviour under -Ounchecked shows up only here).
if [ "$#" -eq 0 ]; then bash scripts/check-release-matches-debug.sh; fi
# Bounded fuzzing of the input readers (issue 15): 30 s per target here; scripts/fuzz.sh documents longer runs.
# EARTHBOX_FUZZ_SECONDS=0 skips it (e.g. for a quick local check).
if [ "${EARTHBOX_FUZZ_SECONDS:-30}" != 0 ]; then
  bash scripts/fuzz.sh "${EARTHBOX_FUZZ_SECONDS:-30}"
fi
# Every README command, in order, on a fresh clone (release build; README_CHECK=0 skips it locally).
if [ "${README_CHECK:-1}" != 0 ]; then bash scripts/check-readme.sh; fi
