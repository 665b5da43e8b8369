# tsearch-engines.sh WASMC WORK SOURCE_DIR ENGINE (grants.tsearch.interp,
# grants.tsearch.aot): the same tsearch.wasm under `wasmc run` with
# --dir-ro data::/data, on the interpreter or compiled through the cache,
# behaves as the baked executable does (grants.tsearch-sandbox.exe checks
# that one against the same native reports): same stdout, same status, and
# the same refusals.
. "$(dirname "$0")/lib.sh" "$@"
case $ENGINE in
interp) ENGINE_ARGS=(--interp) ;;
aot) ENGINE_ARGS=(--cache-dir "$CACHE") ;;
*) echo "unknown engine $ENGINE" >&2; exit 2 ;;
esac

# tsearch_run WHAT ARGS...: tsearch.wasm with ARGS, /data granted read-only.
tsearch_run() {
  local what=$1
  shift
  run "$what" "$WASMC" run "${ENGINE_ARGS[@]}" --dir-ro "$DATA::/data" "$WORK/tsearch.wasm" -- "$@"
}

for flags in "-n" "-i -n" "-c" "-l"; do
  native_expect "$STEP/native" $flags needle data
  tsearch_run "tsearch $flags vs native" $flags needle /data
  expect_status 0
  expect_stdout "$STEP/native"
  expect_no_secret
done
native_expect "$STEP/native" -n haystack data
tsearch_run "not found" -n haystack /data
expect_status 1
expect_stdout "$STEP/native"

# The walk following links: those inside are followed, each of those
# that lead out is one error; the report is the native one without the
# secret.
native_expect "$STEP/native-all" -L -n needle data
grep -v "$SECRET" "$STEP/native-all" >"$STEP/native"
tsearch_run "walk following links" -L -n needle /data
expect_status 2
expect_stdout "$STEP/native"
expect_no_secret
for link in /data/link-abs /data/link-rel /data/b/link-dir; do
  expect_stderr "^tsearch: $link: "
done

for path in / /etc /data/../.. /data/../outside/secret.txt /data/link-abs "$OUTSIDE/secret.txt"; do
  tsearch_run "outside path $path" -n needle "$path"
  expect_status 2
  expect_stdout_empty
  expect_no_secret
  expect_stderr "^tsearch: $path: "
done

tsearch_run "-o in a read-only grant" -o /data/out.txt needle /data
expect_status 2
expect_stdout_empty
expect_stderr "^tsearch: cannot write /data/out.txt: "
expect_no_file "$DATA/out.txt"

# Options after FILE belong to the module, even grant options.
tsearch_run "grant option after FILE" --dir / needle /
expect_status 2
expect_stdout_empty
expect_stderr "^tsearch: unknown option --dir"
finish
