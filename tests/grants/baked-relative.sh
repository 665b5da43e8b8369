# baked-relative.sh WASMC WORK SOURCE_DIR exe (grants.baked-relative.exe):
# a grant baked with a relative host path names the directory it named at
# compile time, wherever the tool is started from. Run from a directory
# where the same relative path is a planted symlink to the secret, the
# tool still sees the real data, and nothing of the secret.
. "$(dirname "$0")/lib.sh" "$@"
EXE=$STEP/tsearch
run "compile with relative grants" \
  bash -c 'cd "$1" && shift && exec "$@"' _ "$WORK" \
  "$WASMC" "$WORK/tsearch.wasm" --dir-ro data::/data --dir-ro=data -o "$EXE"
expect_status 0
[ -x "$EXE" ] || { finish; }

ELSEWHERE=$STEP/elsewhere
mkdir -p "$ELSEWHERE"
ln -s "$OUTSIDE" "$ELSEWHERE/data"
native_expect "$STEP/want" -n needle data
for guest in /data data; do
  want=$STEP/want-${guest#/}
  run "run elsewhere: $guest" bash -c 'cd "$1" && shift && exec "$@"' _ "$ELSEWHERE" \
    "$EXE" -n needle "$guest"
  expect_status 0
  sed "s|^/data|$guest|" "$STEP/want" >"$want"
  expect_stdout "$want"
  expect_no_secret
done
finish
