#!/usr/bin/env bash
# Runs every shipped namelist (Namelists/**: runs, labs, pathways, ensembles) and `earthbox diagnose` with two
# builds of earthbox and compares the outputs: the data of every NetCDF variable (ncdump with 17 significant
# digits, which round-trips a double exactly) and every CSV table, byte for byte. Attributes (the resolved
# namelist, dates) are not compared. Exit 0 if everything is identical, 1 with the differing files otherwise.
#
#   bash scripts/check-bit-identical.sh BASELINE_EARTHBOX [NEW_EARTHBOX]
#   e.g. bash scripts/check-bit-identical.sh /work/baseline/.build/release/earthbox .build-release/release/earthbox
#
# Set SKIP='pattern' to leave out namelists whose path matches (default: the 1000-member benchmark ensemble).
set -uo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: check-bit-identical.sh BASELINE_EARTHBOX [NEW_EARTHBOX]}
new=${2:-.build/release/earthbox}
skip=${SKIP:-ensembles/benchmark}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# data section only, for NetCDF; the file itself for CSV
normalise() {
  case "$1" in
    *.nc) ncdump -p 17,17 "$1" | sed -n '/^data:/,$p' ;;
    *) cat "$1" ;;
  esac
}

# run LABEL KIND ARGS... : runs both builds, writing to $out/{base,new}/LABEL.EXT
compare() {
  local label=$1 ext=$2; shift 2
  local a="$out/base-$label.$ext" b="$out/new-$label.$ext"
  "$base" "$@" --output "$a" >/dev/null 2>"$out/base-$label.err" || { echo "BASELINE FAILED: $label"; cat "$out/base-$label.err"; failures=$((failures + 1)); return; }
  "$new" "$@" --output "$b" >/dev/null 2>"$out/new-$label.err" || { echo "NEW FAILED: $label"; cat "$out/new-$label.err"; failures=$((failures + 1)); return; }
  if cmp -s <(normalise "$a") <(normalise "$b"); then
    echo "identical: $label"; identical=$((identical + 1))
  else
    echo "DIFFERENT: $label"; python3 scripts/nc-max-diff.py "$a" "$b" --top 3; failures=$((failures + 1))
  fi
}

failures=0; identical=0
for nml in $(find Namelists -name '*.nml' | sort); do
  if [[ "$nml" =~ $skip ]]; then echo "skipped: $nml"; continue; fi
  label=$(echo "${nml#Namelists/}" | tr '/' '_'); label=${label%.nml}
  case "$nml" in
    Namelists/ensembles/*) compare "$label" nc ensemble --quiet "$nml" ;;
    Namelists/teaching/*) compare "$label" csv run --quiet "$nml" ;;
    *) compare "$label" nc run --quiet "$nml" ;;
  esac
done
compare diagnose-default csv diagnose Namelists/default.nml
# `earthbox compare` over the pathway runs and their base SSPs (policy indicators, fast/slow warming split)
for side in base new; do
  bin=$base; [ "$side" = new ] && bin=$new
  "$bin" compare --quiet --output-dir "$out/$side-compare" "$out/$side"-pathways_*.nc "$out/$side-default.nc" >/dev/null 2>&1 \
    || echo "compare failed with $bin"
done
for table in compare.csv series.csv; do
  if cmp -s "$out/base-compare/$table" "$out/new-compare/$table"; then
    echo "identical: compare/$table"; identical=$((identical + 1))
  else
    echo "DIFFERENT: compare/$table"; python3 scripts/nc-max-diff.py "$out/base-compare/$table" "$out/new-compare/$table" --top 5; failures=$((failures + 1))
  fi
done
echo "$identical identical, $failures different or failed"
[ "$failures" -eq 0 ]
