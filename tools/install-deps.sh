#!/usr/bin/env bash
# Installs the Debian 12 packages govplan needs, only those missing.
set -euo pipefail

packages=(
  cmake g++ make
  libboost1.81-dev libboost-serialization1.81-dev libboost-date-time1.81-dev libboost-json1.81-dev
  libboost-program-options1.81-dev libfmt-dev doctest-dev pkgconf
  clang libclang-rt-14-dev libbenchmark-dev
  chromium fonts-wqy-microhei
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all packages present"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
