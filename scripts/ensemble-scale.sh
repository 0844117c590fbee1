#!/usr/bin/env bash
# Scale benchmark of the streamed ensemble output (issue 14, item 3): benchmark.nml with MEMBERS members x 1 scenario
# (ssp245) on 1 and RANKS ranks, release build. Prints each rank's peak resident memory (/usr/bin/time), the wall
# times and whether the 1-rank and RANKS-rank files are identical. Needs free disk beside Runs/ for the rank files.
#   bash scripts/ensemble-scale.sh [MEMBERS=100000] [RANKS=2] [extra --set options ...]
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${1:-100000}; RANKS=${2:-2}; shift $(( $# > 2 ? 2 : $# ))
bash scripts/build-release.sh --scratch-path .build-release --product earthbox >/dev/null
mkdir -p Runs
MPIRUN=(mpirun --allow-run-as-root --oversubscribe -x OMP_NUM_THREADS=1)
SETS=(--set "ensemble.members=$MEMBERS" --set "ensemble.scenarios=ssp245" "$@")
uptime
for n in 1 "$RANKS"; do
  echo "== $n rank(s), $MEMBERS members x 1 scenario"
  start=$(date +%s.%N)
  "${MPIRUN[@]}" -n "$n" /usr/bin/time -f "rank peak memory: %M KB" .build-release/release/earthbox ensemble Namelists/ensembles/benchmark.nml \
    --quiet "${SETS[@]}" --output "Runs/ensemble-scale-$MEMBERS-$n.nc" 2>&1 | grep -E "peak memory|error" || true
  echo "wall time: $(echo "$(date +%s.%N) - $start" | bc) s"
  [ "$RANKS" = 1 ] && break
done
ls -l Runs/ensemble-scale-"$MEMBERS"-*.nc
[ "$RANKS" = 1 ] || { cmp "Runs/ensemble-scale-$MEMBERS-1.nc" "Runs/ensemble-scale-$MEMBERS-$RANKS.nc" && echo "1 and $RANKS ranks: identical files"; }
uptime
