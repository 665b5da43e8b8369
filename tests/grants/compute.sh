# compute.sh WASMC WORK SOURCE_DIR ENGINE (grants.compute.interp, .aot,
# .exe): the compute model. examples/test-compute.c (a reactor exporting
# compute) probes every access it was not given and must be denied all of
# them, then copies its input; examples/hello-compute.wat upper-cases its
# input. Both read stdin or a --preopen-read file and write stdout or a
# --preopen-write file.
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
finish
