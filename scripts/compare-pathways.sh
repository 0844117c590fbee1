#!/usr/bin/env bash
# Runs every shipped pathway (Namelists/pathways/) and its base SSPs, each with a small ECS ensemble
# (AR6 likely range, see below), and writes the comparison report to Runs/compare/report.html.
#   bash scripts/compare-pathways.sh   # the release build when there is one (setup-and-run.sh), else a debug build;
#                                      # EARTHBOX=path overrides the binary
set -euo pipefail
cd "$(dirname "$0")/.."
EARTHBOX=${EARTHBOX:-}
if [ -z "$EARTHBOX" ] && [ -x .build/release/earthbox ]; then EARTHBOX=.build/release/earthbox; fi
if [ -z "$EARTHBOX" ]; then swift build --product earthbox >/dev/null; EARTHBOX=.build/debug/earthbox; fi
OUT=Runs/pathways
mkdir -p "$OUT" Runs/compare
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# ECS members: 10/30/50/70/90 % quantiles of a log-normal with median 3 K and 17-83 % range 2.5-4 K
# (AR6 WG1 §7.5.5: best 3 K, likely 2.5-4 K). A stand-in until the ensemble command (issue 4) exists.
ECS=(2.19 2.64 3.0 3.41 4.11)
run_members() { # namelist, label
  local nml=$1 label=$2 i=0
  for ecs in "${ECS[@]}"; do
    i=$((i+1))
    { sed '/^&climate/,/^\//d' "$nml"; printf '&climate\n  equilibrium_climate_sensitivity = %s\n/\n' "$ecs"; } > "$tmp/$label-m$i.nml"
    "$EARTHBOX" run --quiet "$tmp/$label-m$i.nml" --output "$OUT/$label-m$i.nc"
  done
}
files=()
for base in ssp119 ssp126 ssp245; do
  printf "&run\n  scenario = '%s'\n  end_year = 2300\n  run_name = 'esm-%s'\n/\n" "$base" "$base" > "$tmp/$base.nml"
  run_members "$tmp/$base.nml" "esm-$base"
  files+=("$OUT"/esm-$base-m*.nc)
done
for nml in Namelists/pathways/*.nml; do
  name=$(basename "$nml" .nml)
  run_members "$nml" "$name"
  files+=("$OUT"/$name-m*.nc)
done
"$EARTHBOX" compare "${files[@]}" --output-dir Runs/compare
