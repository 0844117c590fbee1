#!/usr/bin/env bash
# Ensemble benchmark (issue 4): 1000 members x 4 SSPs x 1750-2300 with the full carbon cycle, release build,
# on 1 and 2 MPI ranks. Prints member-years per second, the speed-up and the peak memory of each rank.
# The machine load is printed too: numbers measured while other jobs run are low.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-release.sh --product earthbox
mkdir -p Runs
MPIRUN=(mpirun --allow-run-as-root --oversubscribe)
uptime
for n in 1 2; do
  echo "== $n rank(s)"
  "${MPIRUN[@]}" -n "$n" .build/release/earthbox ensemble Namelists/ensembles/benchmark.nml --output "Runs/ensemble-benchmark-$n.nc" \
    | grep -E "member-years|peak memory"
done
cmp "Runs/ensemble-benchmark-1.nc" "Runs/ensemble-benchmark-2.nc" && echo "1 and 2 ranks: identical files"
uptime
