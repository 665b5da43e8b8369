#!/usr/bin/env bash
# Compile-time benchmark of wasmc: wall time of `wasmc FILE -o OUT -O2`
# (decode, validate, lower, optimize, codegen and the in-process link) on
#   - hello world (the fixed cost), the kernels of bench/kernels/ and all
#     kernels in one program (real clang-19 wasm32-wasi -O2 output);
#   - modules from wasmc-gen-module (bench/gen-large-module.cpp) with 500
#     and 2000 functions of ~1 KB, and single functions of ~20 KB and ~200 KB
#     (the cost of one large function);
# plus the executables' sizes.
#
#   bench/run-compile.sh [BUILD_DIR]        (default ./build)
#
# Environment: WASMC_BENCH_OUT (default /tmp/wasmc-bench-compile),
#   WASMC_BENCH_GEN_FUNCS (default "500 2000"), WASMC_BENCH_OPT (default 2).
#   Modules of more than 1 MB of code are compiled in parts (--part-size);
#   bench/run-large-compile.sh measures that on a 30 MB module.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
wasmc=$build/bin/wasmc
gen=$build/bin/wasmc-gen-module
out=${WASMC_BENCH_OUT:-/tmp/wasmc-bench-compile}
opt=${WASMC_BENCH_OPT:-2}
gen_funcs=${WASMC_BENCH_GEN_FUNCS:-"500 2000"}
kdir=$here/kernels
kernels="editdist fannkuch matmul nbody sha256 sieve sort vm"
declare -A small=([editdist]=600 [fannkuch]=8 [matmul]=1 [nbody]=300 [sha256]=10
                  [sieve]=1000 [sort]=50000 [vm]=5)

for x in "$wasmc" "$gen"; do [ -x "$x" ] || { echo "run-compile: $x not found" >&2; exit 1; }; done
mkdir -p "$out"
cd "$out"
rm -f ./*.json

echo "== building the inputs"
printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' > hello.c
clang-19 --target=wasm32-wasi -O2 -Wl,--strip-debug hello.c -o hello.wasm
for k in $kernels; do
  clang-19 --target=wasm32-wasi -O2 -Wl,--strip-debug "$kdir/$k.c" -o $k.wasm
done
# all kernels in one program: each kernel's bench() renamed, one main running
# them at their reduced sizes
{
  echo '#include "common.h"'
  echo '#undef BENCH_MAIN'
  echo '#define BENCH_MAIN(name, dflt)'
  for k in $kernels; do
    echo "#define bench bench_$k"
    echo "#include \"$k.c\""
    echo "#undef bench"
  done
  echo 'int main(void) {'
  for k in $kernels; do
    echo "  printf(\"$k size=${small[$k]} checksum=%016llx\\n\", (unsigned long long)bench_$k(${small[$k]}));"
  done
  echo '  return 0;'
  echo '}'
} > allkernels.c
clang-19 --target=wasm32-wasi -O2 -I"$kdir" -Wl,--strip-debug allkernels.c -o allkernels.wasm
gens=""
for n in $gen_funcs; do
  "$gen" --functions "$n" --seed 1 -o gen-f$n.wasm >/dev/null
  gens+=" gen-f$n"
done
"$gen" --functions 1 --body-bytes 20000 --seed 3 -o gen-1x20k.wasm >/dev/null
"$gen" --functions 1 --body-bytes 200000 --seed 3 -o gen-1x200k.wasm >/dev/null
gens+=" gen-1x20k gen-1x200k"

# code section size and function count, from wasm-objdump when present
code_info() {
  local line size count
  line=$(wasm-objdump -h "$1" 2>/dev/null | grep ' Code ' || true)
  size=$(sed -n 's/.*(size=\(0x[0-9a-f]*\)).*/\1/p' <<<"$line")
  count=$(sed -n 's/.*count: \([0-9]*\).*/\1/p' <<<"$line")
  echo "$(( ${size:-0} )) ${count:-0}"
}

echo "== timing wasmc -O$opt"
rows=()
for m in hello $kernels allkernels $gens; do
  bytes=$(stat -c %s $m.wasm)
  if [ "$bytes" -gt 1000000 ]; then runs=1; else runs=3; fi
  read -r codebytes funcs < <(code_info $m.wasm)
  # one compile first: peak memory, and whether it succeeds at all
  rm -f $m.exe
  if /usr/bin/time -o $m.rss -f '%M' "$wasmc" $m.wasm -o $m.exe -O$opt >/dev/null 2>$m.err &&
     [ -f $m.exe ]; then
    rss=$(tail -1 $m.rss)
    hyperfine -N --style none --runs $runs --export-json $m.json \
      "$wasmc $m.wasm -o $m.exe -O$opt" >/dev/null 2>&1
    rows+=("$m $bytes $codebytes $funcs $(stat -c %s $m.exe) $rss")
    echo "  $m"
  else
    rows+=("$m $bytes $codebytes $funcs FAILED 0")
    echo "  $m: wasmc FAILED: $(tail -1 $m.err)"
  fi
done
./allkernels.exe > allkernels.out
for k in $kernels; do
  grep -q "^$k size=" allkernels.out || { echo "run-compile: allkernels.exe output lacks $k" >&2; exit 1; }
done
./hello.exe | grep -q '^hello$' || { echo "run-compile: hello.exe failed" >&2; exit 1; }

printf '%s\n' "${rows[@]}" > rows.txt
python3 -c '
import json, sys
rows = [l.split() for l in open("rows.txt") if l.strip()]
med = lambda m: json.load(open(m + ".json"))["results"][0]["median"]
print("\n| module | wasm bytes | code bytes | functions | wasmc -O'"$opt"' (s) | s per MB of wasm | exe bytes | peak RSS (MB) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
t0 = med("hello")
for m, b, cb, f, exe, rss in rows:
    if exe == "FAILED":
        print(f"| {m} | {int(b):,} | {int(cb):,} | {f} | FAILED | | | |")
        continue
    t = med(m)
    per = (t - t0) / (int(b) / 1e6) if m != "hello" else None
    print(f"| {m} | {int(b):,} | {int(cb):,} | {f} | {t:.2f} | {per:.1f} |" if per is not None else f"| {m} | {int(b):,} | {int(cb):,} | {f} | {t:.2f} | (fixed cost) |", end="")
    print(f" {int(exe):,} | {int(rss)/1024:.0f} |")
gen = [r for r in rows if r[0].startswith("gen-f") and r[4] != "FAILED"]
if len(gen) >= 2:
    (a, ab, _, af, *_), (b, bb, _, bf, *_) = gen[0], gen[-1]
    ta, tb = med(a), med(b)
    mb = (int(bb) - int(ab)) / 1e6
    print(f"\nmarginal cost between {a} and {b}: {(tb - ta) / mb:.1f} s per MB, "
          f"{(tb - ta) / (int(bf) - int(af)) * 1e3:.2f} ms per function "
          f"(so the 32,000-function, 32 MB module of the validation benchmark would take about "
          f"{t0 + (tb - ta) / mb * 32.1:.0f} s at this rate)")
ok = {r[0] for r in rows if r[4] != "FAILED"}
if {"gen-1x20k", "gen-1x200k"} <= ok:
  s1, s2 = med("gen-1x20k"), med("gen-1x200k")
  print(f"one function of ~20 KB: {s1 - t0:.2f} s above the fixed cost; of ~200 KB: {s2 - t0:.2f} s")
'
