#!/usr/bin/env bash
# Install the Debian 12 packages rnnmem builds against (LAPACKE + OpenBLAS, GSL, FFTW3, pkg-config), gnuplot for
# figures and GNU parallel for the README's sweep examples. Skips apt entirely when everything is already installed.
# Uses sudo when not run as root.
set -euo pipefail
packages=(pkg-config liblapacke-dev libopenblas-dev libgsl-dev libfftw3-dev gnuplot-nox parallel "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
