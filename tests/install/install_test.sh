# `cmake --install` into a temporary prefix, then the consumer built against it twice — with CMake's
# find_package and with pkg-config — and run from outside the source tree (run by ctest as:
# bash tests/install/install_test.sh BUILD_DIR).
set -u
BUILD=${1:?usage: bash install_test.sh BUILD_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
SAMPLE=$HERE/../../input/lvliang-cppcc-2024.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILED=0
fail() { echo "FAIL: $*"; FAILED=1; }
PREFIX=$TMP/prefix
cmake --install "$BUILD" --prefix "$PREFIX" >"$TMP/install.log" 2>&1 || { cat "$TMP/install.log"; exit 1; }
LIBDIR=$(cd "$PREFIX" && ls -d lib*/ | head -1)

# Only the public headers are installed; the shared library carries its SONAME.
[ "$(cd "$PREFIX/include/paiban" && ls | tr '\n' ' ')" = "document.h error.h paiban.h " ] || fail "installed headers: $(ls "$PREFIX/include/paiban")"
SO=$(ls "$PREFIX"/lib*/libpaiban.so.*.*.* 2>/dev/null | head -1)
[ -n "$SO" ] || fail "no libpaiban.so.X.Y.Z in $PREFIX"
objdump -p "$SO" | grep -q "SONAME *libpaiban.so.0.2$" || fail "SONAME: $(objdump -p "$SO" | grep SONAME)"
[ -f "$PREFIX/lib/libpaiban.a" ] || [ -n "$(ls "$PREFIX"/lib*/libpaiban.a 2>/dev/null)" ] || fail "no libpaiban.a"

# Run from a folder outside the source tree, data found beside the installed library.
check_run() {  # NAME BINARY
  local out=$TMP/$1.out
  (cd "$TMP" && env -u PAIBAN_DATA_DIR LD_LIBRARY_PATH="$PREFIX/lib" "$2" "$SAMPLE" "$TMP/work-$1") >"$out" 2>"$TMP/$1.err" ||
    { fail "$1 consumer exited $?: $(cat "$TMP/$1.err")"; return; }
  for want in "version 0.2.0" "xml round trip same" "first line 为建设美丽幸福吕梁广泛凝心聚力" "pdf ok" \
              "error bad.xml:1:" "line 1" "progress 2/2" "batch exit 0 after 2 calls, a.xml written"; do
    grep -qF -- "$want" "$out" || fail "$1 consumer: no '$want' in: $(cat "$out")"
  done
  grep -q "^hint ." "$out" || fail "$1 consumer: the error has no hint: $(cat "$out")"
}

cmake -S "$HERE" -B "$TMP/cmake-build" -DCMAKE_PREFIX_PATH="$PREFIX" >"$TMP/cfg.log" 2>&1 &&
  cmake --build "$TMP/cmake-build" >"$TMP/build.log" 2>&1 || fail "find_package consumer did not build: $(tail -20 "$TMP/cfg.log" "$TMP/build.log")"
[ -x "$TMP/cmake-build/consumer" ] && check_run cmake "$TMP/cmake-build/consumer"

export PKG_CONFIG_PATH="$PREFIX/${LIBDIR}pkgconfig"
[ "$(pkg-config --modversion paiban)" = 0.2.0 ] || fail "pkg-config --modversion paiban: $(pkg-config --modversion paiban 2>&1)"
c++ -std=c++17 -o "$TMP/pc-consumer" "$HERE/consumer.cpp" $(pkg-config --cflags --libs paiban) 2>"$TMP/pc.log" ||
  fail "pkg-config consumer did not build: $(cat "$TMP/pc.log")"
[ -x "$TMP/pc-consumer" ] && check_run pkgconfig "$TMP/pc-consumer"

# A version the package is not compatible with is refused.
sed 's/paiban 0.2 REQUIRED/paiban 0.3 REQUIRED/' "$HERE/CMakeLists.txt" >"$TMP/CMakeLists.txt" && cp "$HERE/consumer.cpp" "$TMP/"
cmake -S "$TMP" -B "$TMP/newer" -DCMAKE_PREFIX_PATH="$PREFIX" >/dev/null 2>&1 && fail "find_package(paiban 0.3) accepted 0.2.0"
[ $FAILED = 0 ] && echo "install test passed"
exit $FAILED
