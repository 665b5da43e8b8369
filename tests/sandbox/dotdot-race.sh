# dotdot-race.sh WASMC NO_OPENAT2 CLANG WORK exe|interp ATTEMPTS
# (sandbox.dotdot-race.<engine>): two guests with the same read-write grant
# of box/, on a kernel without openat2 (no-openat2's seccomp filter), so
# that wasi-host resolves with its walk. One moves box/d1/d2 to box/d2 and
# back; the other opens "d1/d2/../../outside/secret.txt" and creates
# "d1/d2/../../PWNED" ATTEMPTS times. outside/ is next to box/, never
# granted. The secret must never be read, no PWNED may appear next to the
# box, and the run must have made every attempt while the renames raced
# with them. exe: both guests compiled into executables with the grant
# baked in; interp: `wasmc run --interp`.
set -u
WASMC=$1
NO_OPENAT2=$2
CLANG=$3
WORK=$4/$5
ENGINE=$5
ATTEMPTS=$6
SRC=$(cd "$(dirname "$0")" && pwd)
SECRET=TOPSECRET-d07d07
LIMIT=100 # seconds for each guest; far more than a passing run takes

FAILED=0
fail() {
  echo "FAIL: $*" >&2
  FAILED=1
}

rm -rf "$WORK"
mkdir -p "$WORK/box/d1/d2" "$WORK/outside"
printf '%s\n' "$SECRET" >"$WORK/outside/secret.txt"
: >"$WORK/box/PWNED" # the only PWNED the attacker may open

for g in attacker renamer; do
  "$CLANG" --target=wasm32-wasi -O2 -Wall -Wextra -Werror -o "$WORK/$g.wasm" \
    "$SRC/dotdot-$g.c" || { echo "FAIL: cannot build the $g" >&2; exit 1; }
done

# The commands that run each guest with the grant.
GRANT=(--dir "$WORK/box::/box")
if [ "$ENGINE" = exe ]; then
  for g in attacker renamer; do
    "$WASMC" "$WORK/$g.wasm" "${GRANT[@]}" -o "$WORK/$g" ||
      { echo "FAIL: cannot compile the $g" >&2; exit 1; }
  done
  ATTACKER=("$WORK/attacker" "$ATTEMPTS")
  RENAMER=("$WORK/renamer")
else
  ATTACKER=("$WASMC" run --interp "${GRANT[@]}" "$WORK/attacker.wasm" -- "$ATTEMPTS")
  RENAMER=("$WASMC" run --interp "${GRANT[@]}" "$WORK/renamer.wasm")
fi

# The launcher must really take openat2 away (it checks that itself too).
"$NO_OPENAT2" true || { echo "FAIL: no-openat2 does not work here" >&2; exit 1; }

start=$(date +%s%N)
timeout "$LIMIT" "$NO_OPENAT2" "${RENAMER[@]}" >"$WORK/renamer.out" 2>&1 &
renamer=$!
timeout "$LIMIT" "$NO_OPENAT2" "${ATTACKER[@]}" >"$WORK/attacker.out" 2>&1
status=$?
: >"$WORK/box/done" # stops the renamer even if the attacker died early
wait "$renamer"
rstatus=$?
end=$(date +%s%N)

echo "attacker (status $status):"
sed 's/^/  | /' "$WORK/attacker.out"
echo "renamer (status $rstatus):"
sed 's/^/  | /' "$WORK/renamer.out"
echo "wall time: $(((end - start) / 1000000)) ms"

[ "$status" = 0 ] || fail "the attacker ended with status $status"
[ "$rstatus" = 0 ] || fail "the renamer ended with status $rstatus"
if grep -q "$SECRET" "$WORK/attacker.out" "$WORK/renamer.out"; then
  fail "the secret outside the box was read"
fi
grep -q '^ESCAPE' "$WORK/attacker.out" && fail "the attacker reports escapes"
[ -e "$WORK/PWNED" ] && fail "PWNED was created outside the box"
extra=$(cd "$WORK" && ls -A outside | grep -vx secret.txt)
[ -z "$extra" ] && [ "$(cat "$WORK/outside/secret.txt")" = "$SECRET" ] ||
  fail "outside/ was changed"

# The counts: every attempt made, none failing unexpectedly, and the race
# was real: some creates found d2 away (missing) and some did not.
read -r _ attempts _ inside _ missing _ _ _ other _ <<<"$(grep '^attempts ' "$WORK/attacker.out")"
read -r _ rounds _ rfailed <<<"$(grep '^rounds ' "$WORK/renamer.out")"
[ "${attempts:-0}" -ge "$ATTEMPTS" ] 2>/dev/null ||
  fail "the attacker made ${attempts:-no} attempts, not $ATTEMPTS"
[ "${other:-1}" = 0 ] || fail "${other:-?} attempts failed with an unexpected errno"
[ "${inside:-0}" -gt 0 ] && [ "${missing:-0}" -gt 0 ] ||
  fail "the renames did not race with the attempts (inside ${inside:-?}, missing ${missing:-?})"
[ "${rounds:-0}" -gt 0 ] && [ "${rfailed:-1}" = 0 ] ||
  fail "the renamer made ${rounds:-no} rounds, ${rfailed:-?} renames failed"

[ "$FAILED" = 0 ] && echo "ok: no escape in ${attempts} attempts against ${rounds} rename rounds"
exit "$FAILED"
