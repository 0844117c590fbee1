#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages EarthBox needs to build and test:
#   libnetcdf-dev  netCDF-C headers + library (pulls in HDF5)
#   zlib1g-dev     zlib.h: the writer deflates the large variables' chunks itself (NetCDFChunkWriter)
#   netcdf-bin     ncdump / ncgen (used by tests and for inspecting output)
#   libopenmpi-dev Open MPI headers + library
#   openmpi-bin    mpirun
#   pkg-config     lets SwiftPM find the Open MPI headers (ompi-c.pc)
#   gnuplot-nox    figures of `earthbox compare` (PNG via cairo, SVG); without it compare writes tables only
#   libudunits2-dev, udunits-bin  udunits-2, which the CF checkers (cfchecker, compliance-checker) parse units with
#   python3-venv   the virtual environment of the CF checks, the Python package's tests and the pyam/scmdata checks of the IAMC files (scripts/python-env.sh)
# Idempotent: prints nothing and exits 0 when everything is already installed.
# Uses sudo only when not root and sudo exists. Exits non-zero on failure.
set -euo pipefail

PACKAGES=(libnetcdf-dev zlib1g-dev netcdf-bin libopenmpi-dev openmpi-bin pkg-config gnuplot-nox libudunits2-dev udunits-bin python3-venv)

die() { echo "install-deps: error: $*" >&2; exit 1; }

# Browser tests of `earthbox serve` (scripts/test-browser.sh): headless Chromium and its WebDriver, and the venv
# module for the .venv-ci/ that holds Selenium (scripts/python-env.sh).
PACKAGES+=(chromium chromium-driver)

command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found; this script supports Debian/Ubuntu only"

missing=()
for pkg in "${PACKAGES[@]}"; do
    # 'dpkg -s' also succeeds for removed-but-not-purged packages; check the state.
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "installed" ]] || missing+=("$pkg")
done

[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    die "missing packages: ${missing[*]}; not root and sudo is not available — install them as root"
fi

echo "install-deps: installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq \
    || die "'apt-get update' failed"
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "'apt-get install ${missing[*]}' failed"

# Verify, so a partial install is reported instead of failing later in the build.
still=()
for pkg in "${missing[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "installed" ]] || still+=("$pkg")
done
[[ ${#still[@]} -eq 0 ]] || die "still not installed after apt-get: ${still[*]}"
echo "install-deps: done"
