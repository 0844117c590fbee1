#!/usr/bin/env bash
# CF-1.8 conformance of EarthBox's three kinds of output file: a box run, a zonal run and an ensemble file, each
# checked by cfchecks (cfchecker) and compliance-checker --test=cf:1.8. Fails on any error of either checker.
# Offline: the standard name table is the one compliance-checker ships; the area type table and (empty) region
# list are scripts/cf-tables/ (see the comments in them). EARTHBOX=path overrides the binary (default .build/debug).
set -euo pipefail
cd "$(dirname "$0")/.."
EARTHBOX=${EARTHBOX:-.build/debug/earthbox}
bash scripts/python-env.sh
PY=.venv-ci/bin/python
tables=$("$PY" -c 'import compliance_checker, os; print(os.path.join(os.path.dirname(compliance_checker.__file__), "data"))')
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
cat > "$out/ensemble.nml" <<'NML'
! A small ensemble with every kind of variable: sampled parameters, climate metrics, constraints, two scenarios.
&run
  start_year = 1750
  end_year = 2100
  forcing_directory = 'Forcing'
/
&ensemble
  members = 4
  scenarios = 'ssp126', 'ssp245'
  seed = 7
  constrain = .true.
  climate_metrics = .true.
  output_variables = 'tas_anomaly', 'co2', 'fgco2_global', 'ohc', 'emissions_ch4', 'spco2'
/
&priors
  climate.equilibrium_climate_sensitivity = 'lognormal', 3.0, 0.28, 1.5, 8.0
  ocean.vertical_diffusivity = 'uniform', 0.3, 1.5
  land.respiration_q10 = 'triangular', 1.4, 2.0, 3.0
/
NML
"$EARTHBOX" run Namelists/default.nml --output "$out/box.nc" --quiet
"$EARTHBOX" run Namelists/zonal-ssp245.nml --output "$out/zonal.nc" --quiet
"$EARTHBOX" ensemble "$out/ensemble.nml" --output "$out/ensemble.nc" --quiet
failed=0
for f in box zonal ensemble; do
  .venv-ci/bin/cfchecks -v 1.8 -s "$tables/cf-standard-name-table.xml" -a scripts/cf-tables/area-type-table.xml \
    -r scripts/cf-tables/standardized-region-list.xml "$out/$f.nc" > "$out/$f.cfchecks" 2>&1 || true
  errors=$(sed -n 's/^ERRORS detected: *//p' "$out/$f.cfchecks")
  warnings=$(sed -n 's/^WARNINGS given: *//p' "$out/$f.cfchecks")
  cc=0; .venv-ci/bin/compliance-checker --test=cf:1.8 --format=text "$out/$f.nc" > "$out/$f.cc" 2>&1 || cc=$?
  echo "check-cf: $f.nc: cfchecks ${errors:-?} errors, ${warnings:-?} warnings; compliance-checker cf:1.8 exit $cc"
  if [ "${errors:-x}" != 0 ]; then grep -E "^(ERROR|Traceback)|Error" "$out/$f.cfchecks" | head -20 >&2 || cat "$out/$f.cfchecks" >&2; failed=1; fi
  if [ "$cc" != 0 ]; then sed -n '/Corrective Actions/,$p' "$out/$f.cc" | head -40 >&2; failed=1; fi
done
[ "$failed" = 0 ] || { echo "check-cf: FAILED" >&2; exit 1; }
