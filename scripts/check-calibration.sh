#!/usr/bin/env bash
# CI check of `earthbox calibrate` (docs/calibration.md): a small version of the shipped calibration
# (Namelists/calibration/calibrated-v1.nml with 300 prior members and 30 posterior members) regenerated twice, on one
# process and on two MPI ranks, must give the same posterior CSV and diagnostics NetCDF byte for byte; and the shipped
# posterior file must read back as a parameter set (an ensemble over its first 3 members runs).
set -euo pipefail
cd "$(dirname "$0")/.."
EARTHBOX=${EARTHBOX:-.build/debug/earthbox}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
small=(--set ensemble.members=300 --set calibration.posterior_members=30 --set calibration.batch_members=100 --code-revision ci)
"$EARTHBOX" calibrate --quiet Namelists/calibration/calibrated-v1.nml "${small[@]}" --output "$tmp/one.csv"
if command -v mpirun >/dev/null; then
  env $(env | grep -o '^\(OMPI\|PMIX\)_[A-Za-z0-9_]*' | sed 's/^/-u /') \
    mpirun -n 2 --allow-run-as-root --oversubscribe "$EARTHBOX" calibrate --quiet Namelists/calibration/calibrated-v1.nml "${small[@]}" --output "$tmp/two.csv"
else
  "$EARTHBOX" calibrate --quiet Namelists/calibration/calibrated-v1.nml "${small[@]}" --output "$tmp/two.csv"
fi
cmp "$tmp/one.csv" "$tmp/two.csv"
cmp "$tmp/one-diagnostics.nc" "$tmp/two-diagnostics.nc"
"$EARTHBOX" ensemble --quiet Namelists/parameter-sets/calibrated-v1.nml --set ensemble.members=3 --set run.end_year=2030 --output "$tmp/set.nc"
echo "check-calibration: the small calibration is reproducible bit for bit (1 and 2 ranks); the shipped set reads"
