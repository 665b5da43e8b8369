#!/usr/bin/env bash
# Installs every Debian 12 package wasmc needs to build, test and benchmark.
# Idempotent: prints nothing and touches nothing when all packages are present.
set -euo pipefail

packages=(
  cmake ninja-build ccache g++ pkg-config
  llvm-19-dev liblld-19-dev lld-19 clang-19 libclang-rt-19-dev
  libclang-rt-19-dev-wasm32 wasi-libc libc++-19-dev-wasm32 libc++abi-19-dev-wasm32
  libcli11-dev zlib1g-dev libzstd-dev libgtest-dev libgmock-dev
  wabt binaryen hyperfine valgrind nodejs python3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
