#!/usr/bin/env bash
# Release benchmark of `earthbox serve` (not a timed unit test): server time from a slider change to new plume data,
# for the default ensemble (the 1000-member calibrated set calibrated-v1) to 2100 and for a single member. Reports the server's own time
# (request parsed -> plume percentiles and JSON ready, the Server-Timing header; the members' run alone is compute_ms) and the wall time of the HTTP round trip on loopback, median over the moves.
#   bash scripts/serve-bench.sh [members]
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${1:-1000}
bash scripts/build-release.sh --scratch-path .build-release --product earthbox >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LOG=$(mktemp)
.build-release/release/earthbox serve --port "$PORT" --members "$MEMBERS" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 600); do grep -q "listening on" "$LOG" && break; sleep 0.2; done
cat "$LOG"
python3 - "$PORT" <<'PY'
import json, statistics, sys, time, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}/api/policy?"
def measure(label, queries):
    server, total, wall = [], [], []
    for q in queries:
        t = time.perf_counter()
        with urllib.request.urlopen(base + q, timeout=60) as r:
            timing = dict(part.strip().split(";dur=") for part in r.headers["Server-Timing"].split(","))
            d = json.load(r)
        wall.append((time.perf_counter() - t) * 1000)
        server.append(d["compute_ms"])
        total.append(float(timing["total"]))
    print(f"{label}: {d['members']} member(s), {len(queries)} slider moves: server median {statistics.median(total):.1f} ms "
          f"(min {min(total):.1f}, max {max(total):.1f}; members' run alone {statistics.median(server):.1f} ms), "
          f"HTTP round trip median {statistics.median(wall):.1f} ms")
moves = [f"mode=ensemble&pathway=on&region=World&peak_year=2030&peak_emissions=40&net_zero_year={y}" for y in range(2050, 2080)]
measure("ensemble plume", moves)
removal = [f"mode=ensemble&scenario=ssp126&pathway=on&region=World&peak_year=2030&peak_emissions=40&net_zero_year=2060&residual_emissions=3"
           f"&removal_rate=5&removal_years=40&land_removal_capacity={c / 10}&land_removal_start_year=2030&ocean_alkalinity_capacity=1&ocean_alkalinity_start_year=2040"
           for c in range(1, 31)]
measure("ensemble plume, CO2 removal by type (3 routes: + 3 paired counterfactual runs)", removal)
single = [f"mode=single&pathway=on&region=China&peak_year=2030&peak_emissions=12.5&net_zero_year={y}&equilibrium_climate_sensitivity=3.2" for y in range(2050, 2080)]
measure("single member, pathway move", single)
ecs = [f"mode=single&pathway=on&region=World&peak_year=2030&peak_emissions=40&net_zero_year=2070&equilibrium_climate_sensitivity={e/10}" for e in range(20, 50)]
measure("single member, ECS move (history rerun)", ecs)
PY
