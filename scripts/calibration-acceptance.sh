#!/usr/bin/env bash
# The measured acceptance numbers of the calibrated parameter set calibrated-v1 (docs/calibration.md §6):
# posterior ECS/TCR and GMST 2011-2020 from the calibration diagnostics; AR6 SPM.1 20-year means for the five SSPs,
# concentration-driven (as AR6) and emission-driven, over the 1000 posterior members; remaining carbon budgets from
# 2020 (AR6 SPM.2) and from 2025 (IGCC 2024) and the SSP markers' AR6 categories, from `earthbox compare`. Prints measured beside published with the tolerance and HOLDS or
# DOES NOT HOLD.   bash scripts/calibration-acceptance.sh   (release build if present; RANKS=n for MPI)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/earthbox-binary.sh   # EARTHBOX and RUN
PYTHON=${PYTHON:-}
if [ -z "$PYTHON" ]; then bash scripts/python-env.sh >/dev/null; PYTHON=.venv-ci/bin/python; fi
OUT=Runs/calibration
mkdir -p "$OUT"
SSPS="ensemble.scenarios='ssp119','ssp126','ssp245','ssp370','ssp585'"
"${RUN[@]}" ensemble --quiet Namelists/parameter-sets/calibrated-v1.nml --set "$SSPS" --set "run.co2_mode='concentrations'" \
  --set "run.other_gas_mode='concentrations'" --set "ensemble.output_variables='tas'" --output "$OUT/spm1-concentrations.nc"
"${RUN[@]}" ensemble --quiet Namelists/parameter-sets/calibrated-v1.nml --set "$SSPS" \
  --set "ensemble.output_variables='tas','emissions_co2_fossil','emissions_co2_land_use'" --set run.end_year=2300 --output "$OUT/spm1-emissions.nc"
# Budgets, categories and probabilities as `earthbox compare` computes them (WarmingStatistics: one definition).
"$EARTHBOX" compare --quiet "$OUT/spm1-emissions.nc" --output-dir "$OUT/compare"
"$PYTHON" scripts/calibration_acceptance.py Calibration/earthbox-calibrated-v1-diagnostics.nc "$OUT/spm1-concentrations.nc" \
  "$OUT/spm1-emissions.nc" "$OUT/compare/compare.csv"
