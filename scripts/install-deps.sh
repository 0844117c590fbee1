#!/usr/bin/env bash
# Installs the Debian packages EarthBox needs (netCDF-C, OpenMPI) if any is missing; quiet when all are present.
set -euo pipefail
packages=(libnetcdf-dev netcdf-bin libopenmpi-dev openmpi-bin pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else echo "error: need root or sudo to install ${missing[*]}" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || { echo "error: apt-get update failed" >&2; exit 1; }
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || { echo "error: apt-get install ${missing[*]} failed" >&2; exit 1; }
