#!/usr/bin/env bash
# Runs every shipped pathway (Namelists/pathways/) and its base SSPs over the calibrated, constrained parameter set
# calibrated-v1 (1000 members, docs/calibration.md; &run parameter_set) and writes the comparison report to
# Runs/compare/report.html. Probabilities, percentiles and peaks follow the one definition of docs/calibration.md.
#   bash scripts/compare-pathways.sh   # the release build when there is one (setup-and-run.sh), else a debug build;
#                                      # EARTHBOX=path overrides the binary; RANKS=n runs each ensemble on n MPI ranks
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/earthbox-binary.sh   # EARTHBOX and RUN
OUT=Runs/pathways-calibrated   # not Runs/pathways (shipped single runs): 1000-member files are ~40 MB each
mkdir -p "$OUT" Runs/compare
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
files=()
for base in ssp119 ssp126 ssp245; do
  printf "&run\n  scenario = '%s'\n  end_year = 2300\n  run_name = 'esm-%s'\n  parameter_set = 'calibrated-v1'\n/\n" "$base" "$base" > "$tmp/$base.nml"
  "${RUN[@]}" run --quiet "$tmp/$base.nml" --output "$OUT/esm-$base-calibrated-v1.nc"
  files+=("$OUT/esm-$base-calibrated-v1.nc")
done
for nml in Namelists/pathways/*.nml; do
  name=$(basename "$nml" .nml)
  "${RUN[@]}" run --quiet "$nml" --set run.parameter_set=calibrated-v1 --output "$OUT/$name-calibrated-v1.nc"
  files+=("$OUT/$name-calibrated-v1.nc")
done
"$EARTHBOX" compare "${files[@]}" --output-dir Runs/compare
