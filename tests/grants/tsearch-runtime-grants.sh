# tsearch-runtime-grants.sh WASMC WORK SOURCE_DIR exe
# (grants.tsearch-runtime-grants.exe): tsearch compiled with a read-write
# grant (data-rw/ as /data) and --allow-runtime-grants. It can write its
# report into the grant, takes more grants before `--` (and only there),
# and a grant given at run time is as tight as a baked one.
. "$(dirname "$0")/lib.sh" "$@"
EXE=$STEP/tsearch-rw
RW=$STEP/data-rw
cp -r "$WORK/data-rw" "$RW" # this run's own copy: it gets written

run "compile" "$WASMC" "$WORK/tsearch.wasm" --dir "$RW::/data" --allow-runtime-grants -o "$EXE"
expect_status 0
[ -x "$EXE" ] || { finish; }

# The write grant: the report goes to a file in /data, not to stdout.
printf '/data/rw.txt:1:rw needle\n' >"$STEP/want"
run "-o into the read-write grant" "$EXE" -n -o /data/out.txt needle /data/rw.txt
expect_status 0
expect_stdout_empty
expect_file "$RW/out.txt" "$STEP/want"
# Writing still cannot leave the grant.
run "-o above the grant" "$EXE" -o /data/../escaped.txt needle /data/rw.txt
expect_status 2
expect_no_file "$STEP/escaped.txt"

# A grant given at run time, before `--`; the module's arguments follow.
printf '/more/m.txt:1:a needle granted later\n' >"$STEP/want"
run "runtime --dir-ro" "$EXE" --dir-ro "$MORE::/more" -- -n needle /more
expect_status 0
expect_stdout "$STEP/want"
# Both at once: search a runtime grant, report into the baked one; the
# report is what the native build finds in the same tree.
native_expect "$STEP/native" -n needle data
sed 's|^/data|/more|' "$STEP/native" >"$STEP/want"
run "runtime grant and -o" "$EXE" --dir-ro "$DATA::/more" -- -n -o /data/more.txt needle /more
expect_status 0
expect_stdout_empty
expect_file "$RW/more.txt" "$STEP/want"
expect_no_secret

# A runtime grant is as tight as a baked one: read-only, symlinks and ..
# refused.
run "runtime grant is read-only" "$EXE" --dir-ro "$MORE::/more" -- -o /more/out.txt needle /more
expect_status 2
expect_no_file "$MORE/out.txt"
for path in /more/link-abs /more/link-rel /more/b/link-dir /more/../outside; do
  run "runtime grant, $path" "$EXE" --dir-ro "$DATA::/more" -- -n needle "$path"
  expect_status 2
  expect_stdout_empty
  expect_no_secret
done

# Without the runtime grant /more does not exist; after `--`, grant
# options are the module's arguments.
run "no runtime grant" "$EXE" -- -n needle /more
expect_status 2
expect_stdout_empty
run "grant after --" "$EXE" -- --dir-ro "$MORE::/more" needle /more
expect_status 2
expect_stdout_empty
expect_stderr "^tsearch: unknown option --dir-ro"
# Bad runtime options are the runtime's errors, not the module's: a grant
# that cannot be opened stops the start (99), a malformed option is a
# usage error (2).
run "bad runtime option" "$EXE" --dir-ro "$WORK/does-not-exist::/x" -- needle /x
expect_status 99
expect_stderr "^wasmc: .*does-not-exist"
run "malformed runtime option" "$EXE" --preopen-read 0: -- needle /data
expect_status 2
expect_one_line_stderr
finish
