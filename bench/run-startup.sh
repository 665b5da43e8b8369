#!/usr/bin/env bash
# Start-up time: a hello-world compiled by wasmc (guard and explicit bounds
# checks) next to the same program built natively and statically
# (clang-19 -O2 -static), and node 20's WASI for reference, with hyperfine.
#
#   bench/run-startup.sh [BUILD_DIR]        (default ./build)
#
# Environment: WASMC_BENCH_OUT (default /tmp/wasmc-bench-startup),
#   WASMC_BENCH_STARTUP_RUNS (default 300).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
wasmc=$build/bin/wasmc
out=${WASMC_BENCH_OUT:-/tmp/wasmc-bench-startup}
runs=${WASMC_BENCH_STARTUP_RUNS:-300}
mkdir -p "$out"
cd "$out"
rm -f ./*.json

printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' > hello.c
clang-19 -O2 -static hello.c -o hello.native-static
clang-19 -O2 hello.c -o hello.native-dynamic
clang-19 --target=wasm32-wasi -O2 -Wl,--strip-debug hello.c -o hello.wasm
"$wasmc" hello.wasm -o hello.guard -O2 --bounds-checks=guard
"$wasmc" hello.wasm -o hello.explicit -O2 --bounds-checks=explicit
for x in hello.native-static hello.native-dynamic hello.guard hello.explicit; do
  [ "$(./$x)" = hello ] || { echo "run-startup: $x does not print hello" >&2; exit 1; }
done
cat > hello-node.js <<'EOF'
'use strict';
const { WASI } = require('wasi');
const wasi = new WASI({ version: 'preview1', args: [], env: {}, returnOnExit: true });
const inst = new WebAssembly.Instance(new WebAssembly.Module(require('fs').readFileSync(process.argv[2])), wasi.getImportObject());
wasi.start(inst);
EOF

names=(native-static native-dynamic wasmc-guard wasmc-explicit node)
cmds=("./hello.native-static" "./hello.native-dynamic" "./hello.guard" "./hello.explicit"
      "node --no-warnings hello-node.js hello.wasm")
for i in "${!names[@]}"; do
  n=$runs
  [ "${names[$i]}" = node ] && n=$(( runs / 10 > 10 ? runs / 10 : 10 ))
  hyperfine -N --style none --warmup 20 --runs $n --export-json "${names[$i]}.json" "${cmds[$i]}" >/dev/null 2>&1
done

python3 - "${names[@]}" <<'EOF'
import json, sys, os
names = sys.argv[1:]
res = {n: json.load(open(n + ".json"))["results"][0] for n in names}
base = res["native-static"]["median"]
print("| program | runs | median (ms) | mean ± sd (ms) | min (ms) | user+sys (ms) | ratio (median) to native static | size (bytes) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
files = {"native-static": "hello.native-static", "native-dynamic": "hello.native-dynamic",
         "wasmc-guard": "hello.guard", "wasmc-explicit": "hello.explicit", "node": "hello.wasm"}
for n in names:
    r = res[n]
    print(f"| {n} | {len(r['times'])} | {r['median']*1e3:.2f} | {r['mean']*1e3:.2f} ± {r['stddev']*1e3:.2f} | "
          f"{r['min']*1e3:.2f} | {(r['user'] + r['system'])*1e3:.2f} | {r['median']/base:.2f}x | "
          f"{os.path.getsize(files[n]):,} |")
EOF
