#!/bin/sh
# bench/validate-large.sh [BUILD_DIR]
#
# The validation benchmark of docs/benchmarks.md. Builds wasmc and the two
# benchmark tools, generates the large module (deterministic: 32,000
# functions, seed 1, about 36 MB), checks that wabt agrees it is valid, then
# times
#   - decode and validate in process (wasmc-bench-validate: median of N),
#   - `wasmc validate FILE` against wabt's `wasm-validate FILE`, both as
#     whole processes in the same hyperfine run, reported as MB/s and ratio.
#
# BUILD_DIR defaults to ./build. Environment: WASMC_BENCH_RUNS (default 10),
# WASMC_BENCH_FUNCTIONS (32000), WASMC_BENCH_SEED (1).
set -eu

Repo=$(cd "$(dirname "$0")/.." && pwd)
Build=$(cd "${1:-$Repo/build}" && pwd)
Runs=${WASMC_BENCH_RUNS:-10}
Functions=${WASMC_BENCH_FUNCTIONS:-32000}
Seed=${WASMC_BENCH_SEED:-1}
Work=$Build/bench-data
mkdir -p "$Work"

cmake --build "$Build" --target wasmc wasmc-gen-module wasmc-bench-validate -j 2
Tools=$Build/bin

Module=$Work/large-f$Functions-s$Seed.wasm
"$Tools/wasmc-gen-module" --functions "$Functions" --seed "$Seed" -o "$Module"
Bytes=$(stat -c %s "$Module")
wasm-validate "$Module"
"$Build/bin/wasmc" validate "$Module"

echo
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "== in process: $Tools/wasmc-bench-validate $Module --runs $Runs"
"$Tools/wasmc-bench-validate" "$Module" --runs "$Runs"

echo
echo "== whole process: wasmc validate vs wasm-validate (hyperfine, $Runs runs each)"
hyperfine --warmup 2 --runs "$Runs" --export-json "$Work/hyperfine.json" \
  -n "wasmc validate" "$Build/bin/wasmc validate $Module" \
  -n "wasm-validate" "wasm-validate $Module"

python3 - "$Work/hyperfine.json" "$Bytes" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2])
median = {r["command"]: r["median"] for r in results}
user = {r["command"]: r["user"] for r in results}
print(f"\nmodule: {size} bytes ({size / 1e6:.1f} MB)")
for name, t in median.items():
    print(f"{name:15s} median {t * 1e3:8.1f} ms  {size / 1e6 / t:8.1f} MB/s  "
          f"(mean user CPU {user[name] * 1e3:.1f} ms)")
ratio = median["wasm-validate"] / median["wasmc validate"]
print(f"wasmc validate is {ratio:.2f}x the speed of wasm-validate (median wall time)")
PY
