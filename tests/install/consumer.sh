# consumer.sh CMAKE BUILD_DIR SOURCE_DIR WORK: installs BUILD_DIR into
# WORK/prefix, copies examples/cmake-consumer to WORK/src (outside the
# source tree) and builds it with only the installed package; runs both
# executables; checks that a touched source rebuilds only its target, a
# changed keyword rebuilds its target, and a missing clang is a clear
# configure-time error.
set -u
CMAKE=$1
BUILD=$2
SRC=$3
WORK=$4
FAILED=0
fail() { echo "FAIL: $*" >&2; FAILED=1; }

rm -rf "$WORK" && mkdir -p "$WORK"
PREFIX=$WORK/prefix
"$CMAKE" --install "$BUILD" --prefix "$PREFIX" >"$WORK/install.log" 2>&1 ||
  { cat "$WORK/install.log" >&2; fail "cmake --install"; exit 1; }
for f in bin/wasmc lib/libwasmc-runtime.a include/rt/abi.h include/rt/runtime.h \
  include/wasi/host.h lib/cmake/wasmc/wasmcConfig.cmake lib/cmake/wasmc/wasmcConfigVersion.cmake; do
  [ -e "$PREFIX/$f" ] || fail "not installed: $f"
done

# The installed wasmc works from any directory, with no build tree.
(cd / && "$PREFIX/bin/wasmc" "$SRC/examples/hello-compute.wat" -o "$WORK/hello") ||
  fail "installed wasmc could not compile from /"
[ "$(echo abc | "$WORK/hello")" = ABC ] || fail "hello-compute from the installed wasmc"

cp -r "$SRC/examples/cmake-consumer" "$WORK/src"
OUT=$WORK/build
configure() {
  "$CMAKE" -S "$WORK/src" -B "$OUT" -G Ninja -DCMAKE_PREFIX_PATH="$PREFIX" "$@" \
    >"$WORK/configure.log" 2>&1 || { cat "$WORK/configure.log" >&2; return 1; }
}
build() {
  "$CMAKE" --build "$OUT" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; return 1; }
}
configure || { fail "configure"; exit 1; }
build || { fail "build"; exit 1; }

# linecount sees data/ as /data, read-only, and nothing else.
got=$(cd / && "$OUT/bin/linecount" /data/three.txt /data/one.txt)
[ "$got" = "$(printf '3 /data/three.txt\n1 /data/one.txt')" ] || fail "linecount: got '$got'"
got=$("$OUT/bin/linecount" "$WORK/src/CMakeLists.txt")
status=$?
[ $status = 1 ] && [[ $got == "- $WORK/src/CMakeLists.txt: "* ]] ||
  fail "linecount reached a file outside its grant: '$got' ($status)"
# rot13 is a stdin-to-stdout filter (the compute model).
got=$(echo "Hello, World" | "$OUT/bin/rot13")
[ "$got" = "Uryyb, Jbeyq" ] || fail "rot13: got '$got'"

stamp() { stat -c %Y.%y "$1"; }
before_tool=$(stamp "$OUT/bin/linecount")
before_filter=$(stamp "$OUT/bin/rot13")
sleep 1.1
touch "$WORK/src/src/count.c"
build || fail "rebuild after touching count.c"
[ "$(stamp "$OUT/bin/linecount")" != "$before_tool" ] || fail "touching count.c did not rebuild linecount"
[ "$(stamp "$OUT/bin/rot13")" = "$before_filter" ] || fail "touching count.c rebuilt rot13"

# A touched header rebuilds through the depfiles too.
before_tool=$(stamp "$OUT/bin/linecount")
sleep 1.1
touch "$WORK/src/src/count.h"
build || fail "rebuild after touching count.h"
[ "$(stamp "$OUT/bin/linecount")" != "$before_tool" ] || fail "touching count.h did not rebuild linecount"

# A changed keyword rebuilds its target only.
before_tool=$(stamp "$OUT/bin/linecount")
before_filter=$(stamp "$OUT/bin/rot13")
sleep 1.1
configure -DROT13_OPT=-O0 && build || fail "rebuild with ROT13_OPT=-O0"
[ "$(stamp "$OUT/bin/rot13")" != "$before_filter" ] || fail "a changed OPT did not rebuild rot13"
[ "$(stamp "$OUT/bin/linecount")" = "$before_tool" ] || fail "a changed OPT of rot13 rebuilt linecount"
got=$(echo "Uryyb" | "$OUT/bin/rot13")
[ "$got" = "Hello" ] || fail "rot13 at -O0: got '$got'"

# Without clang the configure step stops and names the package.
rm -rf "$OUT"
if configure -DWASMC_WASI_CLANG=/nonexistent/clang-19; then
  fail "configuring with a missing clang succeeded"
elif ! tr -s " \n" "  " <"$WORK/configure.log" | grep -q "install the Debian package clang-19"; then
  fail "a missing clang was not named"; cat "$WORK/configure.log" >&2
fi

[ $FAILED = 0 ] && echo "ok: installed package used by examples/cmake-consumer"
exit $FAILED
