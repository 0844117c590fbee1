#!/usr/bin/env bash
# The release build every script and the README use: `swift build -c release --static-swift-stdlib` plus any
# arguments (--product, --scratch-path). The Swift runtime and Foundation are linked into the binary, so a start
# resolves ~24,000 fewer symbols across 15 fewer shared libraries: a single box run (`earthbox run
# Namelists/default.nml`) measured 42 ms against 53-56 ms dynamically linked, `earthbox --version` 13 ms against
# 18-22 ms (paired, 10 runs each, this 2-vCPU VM). The numbers are the same bits either way (same libm).
# Always build release through this script: SwiftPM rebuilds everything when the flags of a build folder change.
#   bash scripts/build-release.sh [--product earthbox] [--scratch-path DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift build -c release --static-swift-stdlib "$@"
