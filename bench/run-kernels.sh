#!/usr/bin/env bash
# Run-time benchmark of the CPU-bound kernels in bench/kernels/:
#   native (clang-19 -O2), wasmc -O2 (guard and explicit bounds checks) and
#   node 20's WASI at the full size; wasmc's reference interpreter and wabt's
#   wasm-interp at a reduced size, next to native and wasmc-guard at that size.
#
#   bench/run-kernels.sh [BUILD_DIR]        (default ./build)
#
# Environment:
#   WASMC_BENCH_RUNS        hyperfine runs at the full size (default 5, + 1 warmup)
#   WASMC_BENCH_SMALL_RUNS  runs of the interpreters at the small size (default 3)
#   WASMC_BENCH_OUT         work directory (default /tmp/wasmc-bench-kernels)
#   WASMC_BENCH_KERNELS     space-separated subset of kernels
#   WASMC_INTERP            wasmc binary providing `run --interp` (default BUILD_DIR/bin/wasmc)
#   WASMC_BENCH_NO_MARCH=1  skip the extra `clang-19 -O2 -march=native` column
#   WASMC_BASELINE          another wasmc (e.g. a build of the previous commit): its
#                           guard executables are timed in the same run, as an extra
#                           column, so that a change is measured side by side
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
wasmc=$build/bin/wasmc
interp=${WASMC_INTERP:-$wasmc}
runs=${WASMC_BENCH_RUNS:-5}
small_runs=${WASMC_BENCH_SMALL_RUNS:-3}
out=${WASMC_BENCH_OUT:-/tmp/wasmc-bench-kernels}
kdir=$here/kernels

# kernel -> reduced size for the interpreters (full sizes are the defaults in
# the sources). Chosen so that wasm-interp takes about 0.3-7 s per kernel.
declare -A small=([editdist]=600 [fannkuch]=8 [matmul]=1 [nbody]=300 [sha256]=10
                  [sieve]=1000 [sort]=50000 [vm]=5)
kernels=${WASMC_BENCH_KERNELS:-"editdist fannkuch matmul nbody sha256 sieve sort vm"}

for tool in clang-19 hyperfine node wasm-interp python3; do
  command -v $tool >/dev/null || { echo "run-kernels: $tool not found" >&2; exit 1; }
done
[ -x "$wasmc" ] || { echo "run-kernels: $wasmc not found (build it first)" >&2; exit 1; }

mkdir -p "$out"
rm -f "$out"/*.json
cd "$out"

# Does the interpreter exist, and does it have WASI yet?
have_interp=0 interp_wasi=0
if "$interp" run --help >/dev/null 2>&1; then
  have_interp=1
  printf '#include <stdio.h>\nint main(void){puts("hello");return 0;}\n' > hello.c
  clang-19 --target=wasm32-wasi -O2 -Wl,--strip-debug hello.c -o hello.wasm
  if [ "$("$interp" run --interp hello.wasm 2>/dev/null)" = hello ]; then interp_wasi=1; fi
fi
echo "interpreter: $([ $have_interp = 1 ] && echo "$interp run --interp (WASI: $([ $interp_wasi = 1 ] && echo yes || echo no))" || echo pending)"

march=1
[ "${WASMC_BENCH_NO_MARCH:-0}" = 1 ] && march=0
baseline=${WASMC_BASELINE:-}

echo "== building"
for k in $kernels; do
  s=${small[$k]}
  clang-19 -O2 -Wall -o $k.native "$kdir/$k.c"
  [ $march = 1 ] && clang-19 -O2 -march=native -ffp-contract=off -o $k.native-march "$kdir/$k.c"
  clang-19 --target=wasm32-wasi -O2 -Wall -Wl,--strip-debug -o $k.wasm "$kdir/$k.c"
  clang-19 --target=wasm32-wasi -O2 -Wall -Wl,--strip-debug -mexec-model=reactor \
    -DBENCH_EXPORT_SIZE=$s -o $k.export.wasm "$kdir/$k.c"
  "$wasmc" $k.wasm -o $k.guard -O2 --bounds-checks=guard
  "$wasmc" $k.wasm -o $k.explicit -O2 --bounds-checks=explicit
  [ -n "$baseline" ] && "$baseline" $k.wasm -o $k.baseline -O2 --bounds-checks=guard
done

echo "== checking outputs against native"
fail=0
check() { # name expected actual
  if [ "$2" != "$3" ]; then echo "MISMATCH $1: expected '$2', got '$3'"; fail=1; fi
}
export_hex() { # decimal i64 (signed or unsigned) -> 16 hex digits
  python3 -c 'import sys; print("%016x" % (int(sys.argv[1]) % (1 << 64)))' "$1"
}
for k in $kernels; do
  s=${small[$k]}
  ref=$(./$k.native)
  check "$k guard" "$ref" "$(./$k.guard)"
  check "$k explicit" "$ref" "$(./$k.explicit)"
  check "$k node" "$ref" "$(node --no-warnings "$kdir/run-node.js" $k.wasm)"
  [ $march = 1 ] && check "$k native-march" "$ref" "$(./$k.native-march)"
  [ -n "$baseline" ] && check "$k baseline" "$ref" "$(./$k.baseline)"
  refs=$(./$k.native $s)
  check "$k guard small" "$refs" "$(./$k.guard $s)"
  hex=${refs##*checksum=}
  v=$(wasm-interp --run-all-exports --dummy-import-func $k.export.wasm | sed -n 's/^bench_export() => i64://p')
  check "$k wasm-interp small" "$hex" "$(export_hex "$v")"
  if [ $have_interp = 1 ]; then
    v=$("$interp" run --interp --invoke bench_export $k.export.wasm)
    check "$k interp small" "$hex" "$(export_hex "$v")"
    if [ $interp_wasi = 1 ]; then
      check "$k interp-wasi small" "$refs" "$("$interp" run --interp $k.wasm -- $s)"
    fi
  fi
  echo "$k: $ref"
done
[ $fail = 0 ] || { echo "run-kernels: outputs differ" >&2; exit 1; }

hf() { # json-name runs warmup command...
  local name=$1 n=$2 w=$3; shift 3
  hyperfine -N --style none --warmup "$w" --runs "$n" --export-json "$name.json" "$@" >/dev/null 2>&1 ||
    hyperfine --style none --warmup "$w" --runs "$n" --export-json "$name.json" "$@" >/dev/null
}

echo "== timing, full size ($runs runs + 1 warmup each)"
for k in $kernels; do
  echo "  $k"
  hf $k.native $runs 1 ./$k.native
  [ $march = 1 ] && hf $k.native-march $runs 1 ./$k.native-march
  hf $k.guard $runs 1 ./$k.guard
  [ -n "$baseline" ] && hf $k.baseline $runs 1 ./$k.baseline
  hf $k.explicit $runs 1 ./$k.explicit
  hf $k.node $runs 1 "node --no-warnings $kdir/run-node.js $k.wasm"
done

echo "== timing, small size (interpreters: $small_runs runs, no warmup)"
for k in $kernels; do
  s=${small[$k]}
  echo "  $k ($s)"
  hf $k.s.native 20 3 "./$k.native $s"
  hf $k.s.guard 20 3 "./$k.guard $s"
  hf $k.s.wasm-interp $small_runs 0 "wasm-interp --run-all-exports --dummy-import-func $k.export.wasm"
  if [ $have_interp = 1 ]; then
    hf $k.s.interp $small_runs 0 "$interp run --interp --invoke bench_export $k.export.wasm"
    [ $interp_wasi = 1 ] && hf $k.s.interp-wasi $small_runs 0 "$interp run --interp $k.wasm -- $s"
  fi
done

sizes=""
for k in $kernels; do sizes+="$k=${small[$k]} "; done
python3 - "$kernels" "$march" "$have_interp" "$interp_wasi" "$sizes" "$baseline" <<'EOF'
import json, math, os, sys
kernels = sys.argv[1].split()
march, have_interp, interp_wasi = sys.argv[2] == "1", sys.argv[3] == "1", sys.argv[4] == "1"
small = dict(kv.split("=") for kv in sys.argv[5].split())
baseline = sys.argv[6] != ""

def t(name):
    if not os.path.exists(name + ".json"):
        return None
    r = json.load(open(name + ".json"))["results"][0]
    return r["median"]

def gm(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(map(math.log, xs)) / len(xs)) if xs else None

def fmt(x, unit=1.0, d=3):
    return "-" if x is None else f"{x * unit:.{d}f}"

cols = [("wasmc guard", "guard"), ("wasmc explicit", "explicit"), ("node 20", "node")]
if march:
    cols.insert(0, ("clang -march=native -ffp-contract=off", "native-march"))
if baseline:
    cols.insert(-2, ("baseline guard", "baseline"))
print("\n### Full size: median wall time (s), ratio to native clang-19 -O2\n")
print("| kernel | native | " + " | ".join(c[0] for c in cols) + " |")
print("|---|---:|" + "---:|" * len(cols))
ratios = {c[1]: [] for c in cols}
for k in kernels:
    n = t(k + ".native")
    row = [k, fmt(n)]
    for _, c in cols:
        x = t(f"{k}.{c}")
        r = x / n if x and n else None
        ratios[c].append(r)
        row.append(f"{fmt(x)} ({fmt(r, d=2)}x)")
    print("| " + " | ".join(row) + " |")
print("| **geomean ratio** | 1 | " + " | ".join(f"**{fmt(gm(ratios[c]), d=2)}x**" for _, c in cols) + " |")

scols = [("wasmc guard", "guard"), ("wasm-interp", "wasm-interp")]
if have_interp:
    scols.insert(1, ("wasmc interp", "interp"))
    if interp_wasi:
        scols.insert(2, ("wasmc interp (WASI)", "interp-wasi"))
print("\n### Reduced size: median wall time (ms), ratio to native at the same size\n")
print("| kernel | size | native | " + " | ".join(c[0] for c in scols) + " |")
print("|---|---:|---:|" + "---:|" * len(scols))
sr = {c[1]: [] for c in scols}
for k in kernels:
    n = t(k + ".s.native")
    row = [k, small[k], fmt(n, 1e3, 1)]
    for _, c in scols:
        x = t(f"{k}.s.{c}")
        r = x / n if x and n else None
        sr[c].append(r)
        row.append(f"{fmt(x, 1e3, 1)} ({fmt(r, d=1)}x)")
    print("| " + " | ".join(row) + " |")
print("| **geomean ratio** | | 1 | " + " | ".join(f"**{fmt(gm(sr[c]), d=1)}x**" for _, c in scols) + " |")
if have_interp:
    rr = [a / b for a, b in zip(sr["interp"], sr["wasm-interp"]) if a and b]
    print(f"\nwasmc interp / wasm-interp time, geomean: {fmt(gm(rr), d=2)}x")
if not have_interp:
    print("\nwasmc interp: pending (`wasmc run --interp` not available)")
EOF
