#!/usr/bin/env bash
# The README's second command: builds wasmc and runs every test (ctest).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh"
cd "${WASMC_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j"$(nproc)" "$@"
