# compute.sh WASMC WORK SOURCE_DIR ENGINE (grants.compute.interp, .aot,
# .exe): the compute model. examples/test-compute.c (a reactor exporting
# compute) probes every access it was not given and must be denied all of
# them, then copies its input; examples/hello-compute.wat upper-cases its
# input. Both read stdin or a --preopen-read file and write stdout or a
# --preopen-write file. wc-compute.c and rev-compute.wat have the compute
# model's own signature, compute(in, out) with no result (status 0): by
# default, with --compute, and called with --invoke on preopened fds.
. "$(dirname "$0")/lib.sh" "$@"
IN=$WORK/compute-in.txt
TEST_COMPUTE=$WORK/test-compute.wasm
HELLO=$SRC/examples/hello-compute.wat

# compute_run WHAT INPUT MODULE OPTIONS...: MODULE with the run OPTIONS on
# this engine, stdin from INPUT. On exe, the options are baked in.
compute_run() {
  local what=$1 input=$2 module=$3
  shift 3
  case $ENGINE in
  interp) run_in "$what" "$input" "$WASMC" run --interp "$@" "$module" ;;
  aot) run_in "$what" "$input" "$WASMC" run --cache-dir "$CACHE" "$@" "$module" ;;
  exe)
    local exe=$STEP/exe-$RANDOM
    run "$what: compile" "$WASMC" "$module" "$@" -o "$exe"
    expect_status 0
    run_in "$what" "$input" "$exe"
    ;;
  esac
}

{
  for probe in "read from out" "write to in" "seek on in" "widen rights of in" \
    "any descriptor besides in and out" "write to stderr" "a preopened directory at fd 3" \
    "open a path" "see an environment variable"; do
    echo "denied: $probe"
  done
  cat "$IN"
} >"$STEP/probed"

# stdin and stdout, by default: nothing else is reachable.
compute_run "test-compute on stdin" "$IN" "$TEST_COMPUTE"
expect_status 0
expect_stdout "$STEP/probed"

# The same through preopened files; stdout is then not granted at all.
OUT=$STEP/test-compute-out.txt
compute_run "test-compute on files" /dev/null "$TEST_COMPUTE" \
  --compute --preopen-read "0:$IN" --preopen-write "1:$OUT"
expect_status 0
expect_stdout_empty
expect_file "$OUT" "$STEP/probed"

tr a-z A-Z <"$IN" >"$STEP/upper"
OUT=$STEP/hello-out.txt
printf 'stale content that must be truncated away, longer than the input\n%.0s' $(seq 1 200) >"$OUT"
compute_run "hello-compute on files" /dev/null "$HELLO" \
  --preopen-read "0:$IN" --preopen-write "1:$OUT"
expect_status 0
expect_stdout_empty
expect_file "$OUT" "$STEP/upper"
compute_run "hello-compute on stdin" "$IN" "$HELLO"
expect_status 0
expect_stdout "$STEP/upper"

# No result: the same three ways, on stdio and on files.
WC=$WORK/wc-compute.wasm
REV=$SRC/tests/grants/rev-compute.wat
wc <"$IN" | awk '{ print $1, $2, $3 }' >"$STEP/wc"
rev_of() { python3 -c 'import sys; sys.stdout.buffer.write(open(sys.argv[1], "rb").read()[::-1])' "$1"; }
rev_of "$IN" >"$STEP/rev"
for flag in "" --compute; do
  compute_run "wc-compute on stdin ${flag:-by default}" "$IN" "$WC" $flag
  expect_status 0
  expect_stdout "$STEP/wc"
  compute_run "rev-compute on stdin ${flag:-by default}" "$IN" "$REV" $flag
  expect_status 0
  expect_stdout "$STEP/rev"
done
OUT=$STEP/wc-out.txt
compute_run "wc-compute on files" /dev/null "$WC" \
  --compute --preopen-read "0:$IN" --preopen-write "1:$OUT"
expect_status 0
expect_stdout_empty
expect_file "$OUT" "$STEP/wc"

# The compute model's original invocation: the host preopens fds 3 and 4
# and calls compute(3, 4). A function with no result prints nothing;
# hello-compute prints its status.
invoke_on_fds() {
  local what=$1 module=$2 out=$3
  local grants=(--preopen-read "3:$IN" --preopen-write "4:$out" --invoke compute)
  case $ENGINE in
  interp) run "$what" "$WASMC" run --interp "${grants[@]}" "$module" 3 4 ;;
  aot) run "$what" "$WASMC" run --cache-dir "$CACHE" "${grants[@]}" "$module" 3 4 ;;
  exe)
    local exe=$STEP/exe-$RANDOM
    run "$what: compile" "$WASMC" "$module" "${grants[@]}" -o "$exe"
    expect_status 0
    run "$what" "$exe" 3 4
    ;;
  esac
}
invoke_on_fds "wc-compute --invoke compute 3 4" "$WC" "$STEP/wc-fds.txt"
expect_status 0
expect_stdout_empty
expect_file "$STEP/wc-fds.txt" "$STEP/wc"
invoke_on_fds "rev-compute --invoke compute 3 4" "$REV" "$STEP/rev-fds.txt"
expect_status 0
expect_stdout_empty
expect_file "$STEP/rev-fds.txt" "$STEP/rev"
printf '0\n' >"$STEP/zero"
invoke_on_fds "hello-compute --invoke compute 3 4" "$HELLO" "$STEP/hello-fds.txt"
expect_status 0
expect_stdout "$STEP/zero"
expect_file "$STEP/hello-fds.txt" "$STEP/upper"

# A compute of any other type is refused with both accepted types named.
BAD=$STEP/bad-compute.wat
printf '(module (func (export "compute") (param i32) (result i32) (i32.const 0)))\n' >"$BAD"
compute_run "compute of the wrong type" /dev/null "$BAD" --compute
expect_status 99
expect_stderr "\\[i32 i32\\] -> \\[\\] or \\[i32 i32\\] -> \\[i32\\]"
finish
