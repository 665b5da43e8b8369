#!/usr/bin/env bash
# digest.sh WASMC CLANG WORK SOURCE: entropy.c under --deterministic must
# give one output digest on the interpreter and on compiled code at -O0
# and -O3 with guard and explicit bounds checks, and as an executable
# with the options baked in; another seed must change it.
set -u
wasmc=$1 clang=$2 work=$3 src=$4
rm -rf "$work" && mkdir -p "$work/tree" "$work/cache"
"$clang" --target=wasm32-wasi -O2 -D_WASI_EMULATED_PROCESS_CLOCKS "$src/entropy.c" \
  -o "$work/entropy.wasm" || { echo "clang failed"; exit 1; }
# Files created in an order that is not their name order, at different times.
for f in zeta alpha mid beta; do echo "$f" > "$work/tree/$f"; sleep 0.01; done
mkdir "$work/tree/subdir"

opts=(--deterministic --seed 42 --output-digest --dir "$work/tree::tree")
digest() { # prints the digest line of a run; checks the status is 3
  local out status
  out=$("$@" 2>&1 >/dev/null); status=$?
  if [ "$status" != 3 ]; then echo "status $status from $*: $out" >&2; return 1; fi
  grep '^wasmc: output-digest: ' <<<"$out"
}

failures=0
expected=$(digest "$wasmc" run --interp "${opts[@]}" "$work/entropy.wasm" tree) || exit 1
[ -n "$expected" ] || { echo "no digest printed"; exit 1; }
check() { # NAME COMMAND...
  local name=$1; shift
  local got; got=$(digest "$@") || { failures=$((failures + 1)); return; }
  if [ "$got" != "$expected" ]; then
    echo "FAIL $name: $got, interpreter: $expected"; failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
check interp-again "$wasmc" run --interp "${opts[@]}" "$work/entropy.wasm" tree
for o in 0 3; do
  for b in guard explicit; do
    check "aot-O$o-$b" "$wasmc" run --cache-dir "$work/cache" -O$o --bounds-checks=$b \
      "${opts[@]}" "$work/entropy.wasm" tree
  done
done
"$wasmc" "$work/entropy.wasm" -o "$work/entropy" "${opts[@]}" || exit 1
check exe-baked "$work/entropy" tree
other=$(digest "$wasmc" run --interp --deterministic --seed 43 --output-digest \
  --dir "$work/tree::tree" "$work/entropy.wasm" tree)
if [ "$other" = "$expected" ]; then
  echo "FAIL another seed gave the same digest"; failures=$((failures + 1))
fi
# The stdout itself shows the fixed epoch, sorted entries and fixed stats.
out=$("$wasmc" run --interp --deterministic --dir "$work/tree::tree" "$work/entropy.wasm" tree 2>/dev/null)
grep -q '^realtime 946684800\.' <<<"$out" || { echo "FAIL realtime is not the fixed epoch"; failures=$((failures + 1)); }
names=$(grep -E '^(alpha|beta|mid|zeta|subdir) ' <<<"$out" | cut -d' ' -f1 | tr '\n' ' ')
[ "$names" = "alpha beta mid subdir zeta " ] || { echo "FAIL entries not sorted: $names"; failures=$((failures + 1)); }
grep -q '^alpha ino=0 mtime=0 size=6$' <<<"$out" || { echo "FAIL file times or inodes not fixed"; failures=$((failures + 1)); }
grep -q '^subdir ino=0 mtime=0 size=0$' <<<"$out" || { echo "FAIL directory size not fixed"; failures=$((failures + 1)); }
grep -q '^after-sleep 0.0050' <<<"$out" || { echo "FAIL a sleep did not let virtual time pass: $(grep ^after-sleep <<<"$out")"; failures=$((failures + 1)); }
grep -q '^nan 7ff8000000000000 7ff8000000000000 7fc00000$' <<<"$out" || { echo "FAIL NaNs not canonical: $(grep ^nan <<<"$out")"; failures=$((failures + 1)); }
grep -q '^HOME=(unset)$' <<<"$out" || { echo "FAIL the host environment leaked"; failures=$((failures + 1)); }
[ "$failures" = 0 ] || { echo "$failures failures"; exit 1; }
