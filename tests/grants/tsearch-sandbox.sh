# tsearch-sandbox.sh WASMC WORK SOURCE_DIR exe|exe-parts
# (grants.tsearch-sandbox.exe): tsearch compiled into a native tool with one
# baked grant, data/ read-only as /data, and nothing else: it finds what the
# native build finds there, and no path, symlink, output file or
# command-line option gets it more. exe-parts compiles it in parts of 4 KB
# of code, as a large module is: the grant lives in the module-info part.
. "$(dirname "$0")/lib.sh" "$@"
EXE=$STEP/tsearch
PARTS=()
[ "$ENGINE" = exe-parts ] && PARTS=(--part-size 4096)

run "compile" "$WASMC" "$WORK/tsearch.wasm" --dir-ro "$DATA::/data" "${PARTS[@]}" -o "$EXE"
expect_status 0
[ -x "$EXE" ] || { finish; }

# What it finds: the lines written by build.sh, in name order...
cat >"$STEP/want" <<'EOF'
/data/README.txt:1:the needle is here
/data/a/alpha.txt:2:needle in alpha, line 2
/data/a/deep/deeper/core.txt:3:last line without newline: needle
/data/b/beta.md:2:needles, plural
/data/z-last.txt:1:needle at the end of the walk
EOF
run "search /data" "$EXE" -n needle /data
expect_status 0
expect_stdout "$STEP/want"
expect_no_secret

# ...and exactly what the native build reports on the same tree, for
# every output mode.
for flags in "-n" "-i -n" "-c" "-l" "-i -l" "-in"; do
  native_expect "$STEP/native" $flags needle data
  run "tsearch $flags vs native" "$EXE" $flags needle /data
  expect_status 0
  expect_stdout "$STEP/native"
done
native_expect "$STEP/native" -n haystack data
run "not found vs native" "$EXE" -n haystack /data
expect_status 1
expect_stdout "$STEP/native"

# Paths outside the grant: nothing is read, every one is an error (2).
for path in / /etc /data/.. /data/../.. /data/../outside /data/../outside/secret.txt \
  "$OUTSIDE" "$OUTSIDE/secret.txt"; do
  run "outside path $path" "$EXE" -n needle "$path"
  expect_status 2
  expect_stdout_empty
  expect_no_secret
  expect_stderr "^tsearch: $path: "
done

# Symlinks inside the grant that lead out: refused when named...
for link in /data/link-abs /data/link-rel /data/b/link-dir; do
  run "symlink $link" "$EXE" -n needle "$link"
  expect_status 2
  expect_stdout_empty
  expect_no_secret
  expect_stderr "^tsearch: $link: "
done
# (a link that stays inside is followed)...
printf '/data/b/to-a/alpha.txt:2:needle in alpha, line 2\n' >"$STEP/want"
run "symlink inside" "$EXE" -n needle /data/b/to-a/alpha.txt
expect_status 0
expect_stdout "$STEP/want"
# ...and when followed during the walk (-L): each is one error, and the
# report is the native one without the secret (links inside are followed).
native_expect "$STEP/native-all" -L -n needle data
grep -v "$SECRET" "$STEP/native-all" >"$STEP/native"
run "walk following links" "$EXE" -L -n needle /data
expect_status 2
expect_stdout "$STEP/native"
expect_no_secret
for link in /data/link-abs /data/link-rel /data/b/link-dir; do
  expect_stderr "^tsearch: $link: "
done
# The probe is real: natively, -L does reach the secret.
WHAT="native -L reaches the secret"
CHECKS=$((CHECKS + 1))
(cd "$WORK" && ./tsearch-native -L needle data) | grep -q "$SECRET" ||
  fail "the native build should find the secret through the links"

# The grant is read-only: no report file can be created in it.
run "-o in a read-only grant" "$EXE" -o /data/out.txt needle /data
expect_status 2
expect_stdout_empty
expect_stderr "^tsearch: cannot write /data/out.txt: "
expect_no_file "$DATA/out.txt"
run "-o outside the grant" "$EXE" -o "$WORK/escaped.txt" needle /data
expect_status 2
expect_no_file "$WORK/escaped.txt"

# Not compiled with --allow-runtime-grants: grant options on the command
# line are the program's arguments (tsearch rejects them itself).
for opt in "--dir /" "--dir=/" "--dir-ro $OUTSIDE::/data" "--inherit-env"; do
  run "runtime option $opt" "$EXE" $opt needle /
  expect_status 2
  expect_stdout_empty
  expect_no_secret
  expect_stderr "^tsearch: unknown option ${opt%% *}"
done
# After PATTERN they are paths, which do not exist in the sandbox.
run "runtime option as a path" "$EXE" needle /data/README.txt --dir "$OUTSIDE"
expect_status 2
expect_no_secret
expect_stderr "^tsearch: --dir: "
expect_stderr "^tsearch: $OUTSIDE: "
finish
