# lib.sh: what every grants test script shares. Sourced as
#   . lib.sh WASMC WORK SOURCE_DIR [ENGINE]
# WORK is the folder grants.build.clang filled (build.sh); ENGINE is one of
# interp, aot, exe. Checks do not stop at the first failure, so that one
# run shows everything that is wrong; the script ends with `finish`.
set -u

WASMC=$1
WORK=$2
SRC=$3
ENGINE=${4:-}

DATA=$WORK/data       # granted as /data
OUTSIDE=$WORK/outside # never granted: holds the secret
MORE=$WORK/more       # granted at run time as /more
SECRET=TOPSECRET-7f3a # the secret file's content; must never be printed
CACHE=$WORK/cache     # `wasmc run`'s compile cache, shared by the aot tests

FAILED=0
CHECKS=0
STEP=$(mktemp -d "$WORK/step.XXXXXX") # this run's scratch files
trap 'rm -rf "$STEP"' EXIT

fail() {
  echo "FAIL [$WHAT]: $*" >&2
  FAILED=1
}

# run WHAT CMD...: runs CMD with stdin from /dev/null, keeping its stdout,
# stderr and status for the checks below (WHAT names it in failures).
run() {
  WHAT=$1
  shift
  "$@" </dev/null >"$STEP/out" 2>"$STEP/err"
  STATUS=$?
  LAST_CMD="$*"
}

# run_in WHAT INPUT CMD...: the same with stdin from file INPUT.
run_in() {
  WHAT=$1
  local input=$2
  shift 2
  "$@" <"$input" >"$STEP/out" 2>"$STEP/err"
  STATUS=$?
  LAST_CMD="$*"
}

show() {
  echo "  command: $LAST_CMD" >&2
  echo "  status: $STATUS; stdout:" >&2
  head -c 2000 "$STEP/out" | sed 's/^/    | /' >&2
  echo "  stderr:" >&2
  head -c 2000 "$STEP/err" | sed 's/^/    | /' >&2
}

expect_status() {
  CHECKS=$((CHECKS + 1))
  [ "$STATUS" = "$1" ] || { fail "expected status $1, got $STATUS"; show; }
}

# expect_stdout FILE: stdout is FILE's content, byte for byte.
expect_stdout() {
  CHECKS=$((CHECKS + 1))
  cmp -s "$1" "$STEP/out" || {
    fail "stdout differs from $1"
    diff "$1" "$STEP/out" | head -20 >&2
    show
  }
}

expect_stdout_empty() {
  CHECKS=$((CHECKS + 1))
  [ ! -s "$STEP/out" ] || { fail "stdout should be empty"; show; }
}

# expect_stderr REGEX: some line of stderr matches (grep -E).
expect_stderr() {
  CHECKS=$((CHECKS + 1))
  grep -Eq -- "$1" "$STEP/err" || { fail "no stderr line matches /$1/"; show; }
}

# expect_one_line_stderr: a bad option gets one clear line, not a screenful.
expect_one_line_stderr() {
  CHECKS=$((CHECKS + 1))
  [ "$(wc -l <"$STEP/err")" = 1 ] || { fail "stderr should be exactly one line"; show; }
}

# expect_no_secret: neither stream shows the secret file's content.
expect_no_secret() {
  CHECKS=$((CHECKS + 1))
  if grep -q "$SECRET" "$STEP/out" "$STEP/err"; then
    fail "the secret outside the grant was revealed"
    show
  fi
}

# expect_file FILE EXPECTED: FILE exists with EXPECTED's content.
expect_file() {
  CHECKS=$((CHECKS + 1))
  if [ ! -f "$1" ]; then
    fail "$1 was not written"
    show
  elif ! cmp -s "$2" "$1"; then
    fail "$1 differs from $2"
    diff "$2" "$1" | head -20 >&2
  fi
}

expect_no_file() {
  CHECKS=$((CHECKS + 1))
  [ ! -e "$1" ] || { fail "$1 should not exist"; show; }
}

# native_expect FILE ARGS...: the native build's report on the fixture,
# searched as "data" from WORK and shown as "/data", the sandbox's view.
native_expect() {
  local file=$1
  shift
  (cd "$WORK" && ./tsearch-native "$@") | sed 's|^data|/data|' >"$file"
}

finish() {
  if [ "$FAILED" = 0 ]; then
    echo "ok: $CHECKS checks"
  fi
  exit "$FAILED"
}
