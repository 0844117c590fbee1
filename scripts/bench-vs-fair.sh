#!/usr/bin/env bash
# EarthBox against FaIR 2.2.5 (issue 14): the same ensemble, members x 4 SSPs x 1750-2300 (default 1000, the
# ensemble of Namelists/ensembles/benchmark.nml), whole process in each tool (start-up, inputs, compute, statistics,
# output file), run alternately ROUNDS times on this machine. Prints each pair, the paired ratio (median of
# FaIR/EarthBox over the pairs) and each tool's peak memory (maximum resident set size).
#   bash scripts/bench-vs-fair.sh [--install] [--rounds N] [--members M]      (FAIR_PYTHON=python3: an existing FaIR)
# --install makes the virtual environment .venv-fair with fair==2.2.5 (PyPI) when it is missing. FaIR's RCMIP
# RCMIP inputs come from ../shared/data/rcmip when present (RCMIP_DIRECTORY overrides), else FaIR downloads them.
set -euo pipefail
cd "$(dirname "$0")/.."
install=0; rounds=3; members=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --install) install=1 ;;
    --rounds) rounds=$2; shift ;;
    --members) members=$2; shift ;;
    *) echo "usage: bash scripts/bench-vs-fair.sh [--install] [--rounds N] [--members M]" >&2; exit 2 ;;
  esac
  shift
done
VENV=.venv-fair
# FAIR_PYTHON: an interpreter that already has FaIR 2.2.5 (instead of the virtual environment).
PYTHON=${FAIR_PYTHON:-$VENV/bin/python}
if [ -z "${FAIR_PYTHON:-}" ] && { [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import fair" 2>/dev/null; }; then
  if [ "$install" = 1 ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "fair==2.2.5"
  else
    echo "FaIR 2.2.5 is not installed in $VENV: run with --install (makes the virtual environment from PyPI)" >&2
    exit 1
  fi
fi
"$PYTHON" -c "import fair, sys; v = fair.__version__; sys.exit(0 if v == '2.2.5' else f'FaIR {v} in $PYTHON, need 2.2.5')"
bash scripts/build-release.sh --product earthbox >/dev/null
RCMIP_DIRECTORY=${RCMIP_DIRECTORY:-}
if [ -z "$RCMIP_DIRECTORY" ] && [ -d ../shared/data/rcmip ]; then RCMIP_DIRECTORY=../shared/data/rcmip; fi
WORK=$(mktemp -d /tmp/earthbox-vs-fair.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
uptime
# Each tool in a fresh child process; wall time and the child's maximum resident set size.
python3 - "$rounds" "$members" "$WORK" "$PYTHON" "$RCMIP_DIRECTORY" <<'PY'
import resource, statistics, subprocess, sys, time
rounds, members, work, fair_python, emissions = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
earthbox = [".build/release/earthbox", "ensemble", "Namelists/ensembles/benchmark.nml", "--quiet",
            "--set", f"ensemble.members={members}", "--output", f"{work}/earthbox.nc"]
fair = [fair_python, "scripts/bench_fair_ensemble.py", str(members), f"{work}/fair.npz"] + ([emissions] if emissions else [])
def measure(command):
    start = time.perf_counter()
    pid = subprocess.Popen(command, stdout=subprocess.DEVNULL).pid
    _, status, usage = __import__("os").wait4(pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(command)}")
    return seconds, usage.ru_maxrss / 1024   # Linux: kilobytes
pairs = []
for r in range(rounds):
    e, em = measure(earthbox)
    f, fm = measure(fair)
    pairs.append((e, f, em, fm))
    print(f"round {r + 1}: EarthBox {e:.2f} s ({em:.0f} MiB), FaIR 2.2.5 {f:.2f} s ({fm:.0f} MiB), ratio {f / e:.1f}x", flush=True)
ratio = statistics.median(f / e for e, f, _, _ in pairs)
print(f"{members} members x 4 SSPs x 1750-2300, whole process: FaIR/EarthBox paired ratio {ratio:.1f}x (median of {rounds})")
print(f"peak memory: EarthBox {max(p[2] for p in pairs):.0f} MiB, FaIR {max(p[3] for p in pairs):.0f} MiB")
PY
uptime
