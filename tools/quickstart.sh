#!/usr/bin/env bash
# The README's first command: builds wasmc, compiles the bundled example to a
# native executable and runs it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh"
build="${WASMC_BUILD_DIR:-$root/build}"
wasmc="$build/bin/wasmc"
mkdir -p "$build/examples"
exe="$build/examples/hello-compute"
echo "== wasmc examples/hello-compute.wat -o ${exe#$root/}"
"$wasmc" "$root/examples/hello-compute.wat" -o "$exe"
echo "== echo 'hello, compute' | ${exe#$root/}"
echo 'hello, compute' | "$exe"
