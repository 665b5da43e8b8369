#!/usr/bin/env bash
# Configures (once) and builds wasmc into build/. Used by the quick-start and
# test commands; safe to run repeatedly (incremental, ccache-backed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/install-deps.sh"
build="${WASMC_BUILD_DIR:-$root/build}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    ${CI:+-DWASMC_WERROR=ON} >/dev/null
fi
ninja -C "$build" -j"$(nproc)" ${CI:+--quiet} | grep -v -e '^ninja: no work to do' -e '^ninja: Entering directory' || true
test "${PIPESTATUS[0]}" -eq 0
