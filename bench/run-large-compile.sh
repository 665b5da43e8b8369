#!/usr/bin/env bash
# Compiling a large real module in bounded memory (docs/benchmarks.md,
# "Compiling a 30 MB module"):
#   - `wasmc M.wasm -O2 -j JOBS --part-size S` for each part size S, with
#     wall time, user time and peak RSS from /usr/bin/time;
#   - wasmc-bench-compile-functions on the module's 10 largest functions,
#     each compiled alone (lowering, optimization, code generation);
#   - the executables of the different part sizes are run on `-V` (a
#     version banner, or any argument in WASMC_BENCH_ARGS) and must print
#     what the interpreter prints.
#
#   bench/run-large-compile.sh [BUILD_DIR]            (default ./build)
#
# The module is WASMC_BENCH_LARGE if set, else yosys (a 30.8 MB WASI
# command of 34,000 functions, built by the YoWASP project) from the npm
# package @yowasp/yosys@0.55.944, fetched with `npm pack` into the work
# folder: it is measured, never committed.
# Environment: WASMC_BENCH_OUT (default /tmp/wasmc-bench-large),
#   WASMC_BENCH_PART_SIZES (default "1048576 262144"), WASMC_BENCH_JOBS
#   (default 2). Takes about 15 minutes of CPU per part size.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
out=${WASMC_BENCH_OUT:-/tmp/wasmc-bench-large}
sizes=${WASMC_BENCH_PART_SIZES:-"1048576 262144"}
jobs=${WASMC_BENCH_JOBS:-2}
args=${WASMC_BENCH_ARGS:--V}

cmake --build "$build" --target wasmc wasmc-runtime wasmc-bench-compile-functions -j 2
mkdir -p "$out"
cd "$out"

module=${WASMC_BENCH_LARGE:-}
if [ -z "$module" ]; then
  module=$out/package/gen/yosys.core.wasm
  if [ ! -f "$module" ]; then
    npm pack @yowasp/yosys@0.55.944 >/dev/null
    tar xzf yowasp-yosys-0.55.944.tgz package/gen/yosys.core.wasm
  fi
fi
"$build/bin/wasmc" inspect "$module" | sed -n '1,4p'
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"

# shellcheck disable=SC2086 # $args is a list of arguments
"$build/bin/wasmc" run --interp "$module" -- $args >interp.out 2>&1 || true
for size in $sizes; do
  echo "== wasmc -O2 -j $jobs --part-size $size"
  /usr/bin/time -f "wall %e s  user %U s  peak RSS %M KB" \
    "$build/bin/wasmc" "$module" -O2 -j "$jobs" --part-size "$size" -o "large-$size.exe"
  ls -l "large-$size.exe" | awk '{print "executable", $5, "bytes"}'
  # shellcheck disable=SC2086
  "./large-$size.exe" $args >"large-$size.out" 2>&1 || true
  if cmp -s interp.out "large-$size.out"; then
    echo "output of '$args': same as the interpreter's"
  else
    echo "output of '$args': DIFFERS from the interpreter's" >&2
    exit 1
  fi
done

echo "== the 10 largest functions, each compiled alone (-O2)"
"$build/bin/wasmc-bench-compile-functions" "$module" --top 10
