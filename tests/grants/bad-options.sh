# bad-options.sh WASMC WORK SOURCE_DIR ENGINE (grants.bad-options.interp,
# .aot, .exe): a run option that is wrong gets one line on stderr and the
# status of its kind: 99 for a grant that cannot be opened (the module
# cannot start), 2 for an option that does not parse.
. "$(dirname "$0")/lib.sh" "$@"
MODULE=$SRC/examples/hello-compute.wat
MISSING=$WORK/no-such-dir

# bad_run WHAT OPTIONS...: the module run with OPTIONS on this engine. On
# exe, an executable compiled with --allow-runtime-grants takes them.
bad_run() {
  local what=$1
  shift
  case $ENGINE in
  interp) run "$what" "$WASMC" run --interp "$@" "$MODULE" ;;
  aot) run "$what" "$WASMC" run --cache-dir "$CACHE" "$@" "$MODULE" ;;
  exe) run "$what" "$STEP/hello" "$@" -- ;;
  esac
}

if [ "$ENGINE" = exe ]; then
  run "compile" "$WASMC" "$MODULE" --allow-runtime-grants -o "$STEP/hello"
  expect_status 0
  # At compile time the same options are checked before anything is
  # written.
  for opt in "--preopen-read 0:" "--fuel abc" "--seed -1" "--dir"; do
    run "compile with $opt" "$WASMC" "$MODULE" $opt -o "$STEP/bad"
    expect_status 2
    expect_one_line_stderr
    expect_no_file "$STEP/bad"
  done
fi

bad_run "missing --dir" --dir "$MISSING"
expect_status 99
expect_one_line_stderr
expect_stderr "no-such-dir"
bad_run "missing --dir-ro" --dir-ro "$MISSING::/data"
expect_status 99
expect_one_line_stderr
expect_stderr "no-such-dir"
bad_run "missing --preopen-read file" --preopen-read "0:$MISSING"
expect_status 99
expect_one_line_stderr
expect_stderr "no-such-dir"

bad_run "--preopen-read without a path" --preopen-read 0:
expect_status 2
expect_one_line_stderr
expect_stderr "preopen-read"
bad_run "--preopen-write without a fd" --preopen-write ":$STEP/out.txt"
expect_status 2
expect_one_line_stderr
expect_no_file "$STEP/out.txt"
bad_run "--fuel abc" --fuel abc
expect_status 2
expect_one_line_stderr
expect_stderr "fuel"
bad_run "--seed -1" --seed -1
expect_status 2
expect_one_line_stderr
expect_stderr "seed"
finish
