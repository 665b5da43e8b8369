#!/usr/bin/env bash
# The README's first command: builds wasmc and runs it on the bundled example.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh"
wasmc="$root/build/bin/wasmc"
example="$root/examples/hello-compute.wat"
echo "== wasmc validate examples/hello-compute.wat"
"$wasmc" validate "$example" && echo "valid"
echo "== wasmc inspect examples/hello-compute.wat"
"$wasmc" inspect "$example"
