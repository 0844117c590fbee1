#!/usr/bin/env bash
# Refactor check: every shipped namelist (Namelists/**) and `earthbox diagnose` must give bit-identical variable
# data with this tree's release build and with a reference commit's (default 12a7167, before the component
# refactor of issue 9). The reference binary is built in a temporary git worktree unless EARTHBOX_REFERENCE_BIN
# names one. NetCDF files are compared by `ncdump -p 9,17` (every double printed with round-trip precision) with
# the global attributes (git revision, history, dates) left out; CSV tables byte for byte. `earthbox compare` over the
# pathway runs and the default run (policy indicators, fast/slow split) is compared too. For every difference the
# largest changes are listed (scripts/nc-max-diff.py: variable, relative size, where).
#   bash scripts/check-bit-identical.sh [commit]
set -euo pipefail
cd "$(dirname "$0")/.."
REFERENCE=${1:-12a7167}
LABEL=${EARTHBOX_REFERENCE_LABEL:-$REFERENCE}
WORK=$(mktemp -d /tmp/earthbox-bitcheck.XXXXXX)
cleanup() {
  if [ -n "${REFERENCE_TREE:-}" ]; then git worktree remove --force "$REFERENCE_TREE" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${EARTHBOX_NEW_BIN:-}" ]; then
  NEW=$EARTHBOX_NEW_BIN
else
  bash scripts/build-release.sh --product earthbox >/dev/null
  NEW=$PWD/.build/release/earthbox
fi
if [ -n "${EARTHBOX_REFERENCE_BIN:-}" ]; then
  OLD=$EARTHBOX_REFERENCE_BIN
else
  REFERENCE_TREE=$WORK/reference
  git worktree add --detach "$REFERENCE_TREE" "$REFERENCE" >/dev/null 2>&1
  (cd "$REFERENCE_TREE" && swift build -c release --product earthbox >/dev/null)
  OLD=$REFERENCE_TREE/.build/release/earthbox
fi

# Variable definitions and data only: the global attributes carry the revision and the date.
variables() { ncdump -p 9,17 "$1" | sed '/^\/\/ global attributes:/,/^data:/{/^data:/!d}' | sed 1d; }

failures=0
compare() {   # name, old file, new file
  local same
  case "$2" in
    *.nc) variables "$2" > "$WORK/old.cdl"; variables "$3" > "$WORK/new.cdl"
          if ! grep -q '^data:' "$WORK/new.cdl"; then echo "unreadable $1"; failures=$((failures + 1)); return; fi
          if cmp -s "$WORK/old.cdl" "$WORK/new.cdl"; then same=1; else same=0; fi ;;
    *) if cmp -s "$2" "$3"; then same=1; else same=0; fi ;;
  esac
  if [ "$same" = 1 ]; then echo "identical  $1"; else
    echo "DIFFERENT  $1"; failures=$((failures + 1))
    python3 scripts/nc-max-diff.py "$2" "$3" --top 3 || true
  fi
}

run_both() {   # name, extension, command arguments (the output path is appended)
  local name=$1 ext=$2; shift 2
  mkdir -p "$WORK/old" "$WORK/new"
  rm -rf "$WORK/journal"; "$OLD" "$@" --output "$WORK/old/$name.$ext" >/dev/null
  rm -rf "$WORK/journal"; "$NEW" "$@" --output "$WORK/new/$name.$ext" >/dev/null
  compare "$name" "$WORK/old/$name.$ext" "$WORK/new/$name.$ext"
}

for namelist in Namelists/*.nml Namelists/*/*.nml; do
  name=$(echo "${namelist#Namelists/}" | tr / _ | sed 's/\.nml$//')
  case "$namelist" in
    Namelists/ensembles/*)
      # A journalled ensemble gets a fresh journal of its own for each side (never the user's, never shared).
      if grep -q "journal_directory" "$namelist"; then
        mkdir -p "$WORK/namelists"
        sed "s|journal_directory *=.*|journal_directory = '$WORK/journal'|" "$namelist" > "$WORK/namelists/$name.nml"
        namelist=$WORK/namelists/$name.nml
      fi
      run_both "$name" nc ensemble "$namelist" --quiet ;;
    Namelists/teaching/*) run_both "$name" csv run "$namelist" --quiet ;;
    Namelists/calibration/*)
      # A small version of the calibration (the full one is 1e5 members): posterior CSV and its diagnostics.
      if "$OLD" calibrate --help >/dev/null 2>&1; then
        run_both "$name" csv calibrate "$namelist" --quiet --code-revision check --set ensemble.members=200 \
          --set calibration.posterior_members=20 --set calibration.batch_members=100
      else echo "skipped    $name (the reference build has no calibrate)"; fi ;;
    Namelists/parameter-sets/*)
      if grep -q parameter_file "$namelist" && "$OLD" ensemble --help 2>&1 | grep -q . && "$OLD" parameters 2>/dev/null | grep -q parameter_file; then
        run_both "$name" nc ensemble "$namelist" --quiet --set ensemble.members=100
      else echo "skipped    $name (the reference build has no parameter_file)"; fi ;;
    *) run_both "$name" nc run "$namelist" --quiet ;;
  esac
done
run_both diagnose csv diagnose Namelists/default.nml
for side in old new; do
  bin=$OLD; [ "$side" = new ] && bin=$NEW
  "$bin" compare --quiet --output-dir "$WORK/$side/compare" "$WORK/$side"/pathways_*.nc "$WORK/$side/default.nc" >/dev/null
done
for table in compare.csv series.csv; do compare "compare/$table" "$WORK/old/compare/$table" "$WORK/new/compare/$table"; done

if [ "$failures" -gt 0 ]; then echo "$failures output(s) differ from $LABEL"; exit 1; fi
echo "every output bit-identical to $LABEL"
