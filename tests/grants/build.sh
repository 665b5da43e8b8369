# build.sh WASMC WORK SOURCE_DIR clang CLANG: the fixture of every grants
# test (grants.build.clang). Builds tsearch natively and for wasm32-wasi,
# examples/test-compute.c as a reactor, and writes the file trees:
#
#   data/      the tree granted as /data: nested directories, an empty
#              file and directory, two symlinks that stay inside and
#              three that lead outside
#   outside/   never granted: secret.txt, whose content no sandboxed run
#              may print
#   more/      granted only at run time, as /more
#   data-rw/   granted read-write as /data to the second tsearch build
WORK=$2
rm -rf "$WORK"
mkdir -p "$WORK"
. "$(dirname "$0")/lib.sh" "$@"
CLANG=$5
TSEARCH="$SRC/examples/tsearch"
TSEARCH_SRCS="$TSEARCH/main.c $TSEARCH/pattern.c $TSEARCH/walk.c $TSEARCH/scan.c $TSEARCH/report.c"

run "native tsearch" "$CLANG" -O2 -Wall -Wextra -Werror -o "$WORK/tsearch-native" $TSEARCH_SRCS
expect_status 0
run "wasm tsearch" "$CLANG" --target=wasm32-wasi -O2 -Wall -Wextra -Werror -Wl,--strip-debug \
  -o "$WORK/tsearch.wasm" $TSEARCH_SRCS
expect_status 0
run "test-compute reactor" "$CLANG" --target=wasm32-wasi -O2 -mexec-model=reactor \
  -o "$WORK/test-compute.wasm" "$SRC/examples/test-compute.c"
expect_status 0
run "wc-compute reactor" "$CLANG" --target=wasm32-wasi -O2 -Wall -Wextra -Werror \
  -mexec-model=reactor -o "$WORK/wc-compute.wasm" "$(dirname "$0")/wc-compute.c"
expect_status 0

mkdir -p "$DATA/a/deep/deeper" "$DATA/b" "$DATA/c-empty" "$OUTSIDE" "$MORE" "$WORK/data-rw"
printf 'the needle is here\nnothing\nNEEDLE in capitals\n' >"$DATA/README.txt"
printf 'alpha\nneedle in alpha, line 2\n' >"$DATA/a/alpha.txt"
printf 'x\ny\nlast line without newline: needle' >"$DATA/a/deep/deeper/core.txt"
printf 'Needle, capitalized\nneedles, plural\nhay\n' >"$DATA/b/beta.md"
: >"$DATA/b/empty.txt"
printf 'no match here\n' >"$DATA/b/hay.txt"
printf 'needle at the end of the walk\n' >"$DATA/z-last.txt"
printf 'needle %s\n' "$SECRET" >"$OUTSIDE/secret.txt"
# Links that stay inside the tree (followed with -L, in the sandbox too)...
ln -s ../b/beta.md "$DATA/a/to-beta"
ln -s ../a "$DATA/b/to-a"
# ...and an absolute and a relative link to the secret, and one to its
# directory.
ln -s "$OUTSIDE/secret.txt" "$DATA/link-abs"
ln -s ../outside/secret.txt "$DATA/link-rel"
ln -s ../../outside "$DATA/b/link-dir"
printf 'a needle granted later\n' >"$MORE/m.txt"
printf 'rw needle\n' >"$WORK/data-rw/rw.txt"

# The compute model's input: several lines, one of them long.
{
  printf 'first line\nsecond line, lower case\n'
  for i in $(seq 1 300); do printf 'chunk %d ' "$i"; done
  printf '\nlast\n'
} >"$WORK/compute-in.txt"
finish
