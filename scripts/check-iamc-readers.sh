#!/usr/bin/env bash
# CI check (issue 13): pyam and scmdata read `earthbox assess`'s CSV and meta table and the shipped pathway files
# with no options. Uses the gitignored .venv-ci/ (scripts/python-env.sh), runs a small assess of the walk-through
# file (docs/assess.md) with the debug build, and loads every file with both readers.
set -euo pipefail
cd "$(dirname "$0")/.."
# pint/iam-units cache their unit registries by file path; a cache outside the venv outlives the checkout that made it
# (a deleted clone's paths then fail the next run), so the checks keep theirs inside .venv-ci.
export XDG_CACHE_HOME=$PWD/.venv-ci/cache
bash scripts/python-env.sh   # pyam-iamc, scmdata (scripts/requirements-ci.txt)
PY=$PWD/.venv-ci/bin/python
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat > "$TMP/small.nml" <<NML
&run
  start_year = 1750
  end_year = 2100
  forcing_directory = 'Forcing'
/
&ensemble
  members = 8
  seed = 1
  constrain = .true.
  climate_metrics = .false.
  observations_directory = 'Observations'
/
&priors
  climate.equilibrium_climate_sensitivity = 'lognormal', 3.0, 0.28, 1.5, 8.0
/
NML
.build/debug/earthbox assess docs/assess/ssp-markers-iamc.csv --ensemble "$TMP/small.nml" --output "$TMP/assess" --quiet
"$PY" -W ignore scripts/check_iamc_readers.py --meta "$TMP/assess-meta.csv" "$TMP/assess.csv"
"$PY" -W ignore scripts/check_iamc_readers.py Forcing/pathways/*.csv
echo "pyam and scmdata read the assess output and the shipped pathway files"
