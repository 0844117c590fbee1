#!/usr/bin/env bash
# Sets up a fresh Debian machine (NetCDF and OpenMPI libraries), builds EarthBox in release mode and
# runs the default experiment (historical + SSP2-4.5, emission-driven, 1750-2100) into Runs/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build-release.sh --product earthbox
mkdir -p Runs
.build/release/earthbox run Namelists/default.nml "$@"
