# The Debian package (`make package`, CPack): built from this build into a temporary folder, its
# control fields checked, unpacked with dpkg -x into a scratch root, and the sample converted by
# the unpacked program and by the unpacked Python module, with the unpacked data (run by ctest as:
# bash tests/install/deb_test.sh BUILD_DIR).
set -u
BUILD=$(cd "${1:?usage: bash deb_test.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILED=0
fail() { echo "FAIL: $*"; FAILED=1; }
(cd "$TMP" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$TMP/pkg" >"$TMP/cpack.log" 2>&1) ||
  { echo "FAIL: cpack: $(tail -20 "$TMP/cpack.log")"; exit 1; }
DEB=$(ls "$TMP"/pkg/paiban_*.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || { echo "FAIL: no paiban_*.deb in $TMP/pkg: $(ls "$TMP/pkg")"; exit 1; }

# Control: the Debian packages it needs, fonts included.
dpkg-deb -f "$DEB" Package | grep -qx paiban || fail "Package: $(dpkg-deb -f "$DEB" Package)"
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
for p in libharfbuzz0b libhpdf-2.3.0 libpugixml1v5 libicu72 libtesseract5 fonts-noto-cjk fonts-lxgw-wenkai python3; do
  echo "$DEPENDS" | grep -qw -- "$p" || fail "Depends lacks $p: $DEPENDS"
done
# Every package named exists in this Debian (apt knows it).
for p in $(echo "$DEPENDS" | tr ',' '\n' | sed 's/(.*//; s/ //g' | sort -u); do
  apt-cache show "$p" >/dev/null 2>&1 || fail "Depends names $p, which apt does not know"
done

ROOT=$TMP/root
dpkg -x "$DEB" "$ROOT"
for f in usr/bin/paiban usr/share/man/man1/paiban.1 usr/share/paiban/styles/broadsheet.xml usr/share/paiban/fonts/manifest.xml \
         usr/share/paiban/schema/article.rng usr/include/paiban/paiban.h usr/lib/pkgconfig/paiban.pc usr/lib/paiban/libpaiban_scan.so; do
  [ -e "$ROOT/$f" ] || fail "the package lacks /$f"
done
ls "$ROOT"/usr/lib/libpaiban.so.0.2 >/dev/null 2>&1 || fail "the package lacks libpaiban.so.0.2"
PYDIR=$(ls -d "$ROOT"/usr/lib/python3*/dist-packages 2>/dev/null | head -1)
[ -n "$PYDIR" ] && ls "$PYDIR"/paiban*.so "$PYDIR"/paiban.pyi >/dev/null 2>&1 || fail "the package lacks the Python module"
man -l "$ROOT/usr/share/man/man1/paiban.1" 2>/dev/null | grep -q "paiban convert" || fail "man page does not render"

# The unpacked program converts the sample with the unpacked styles and schema: the same XML as the build's.
(cd "$TMP" && "$ROOT/usr/bin/paiban" convert "$SRC/input/lvliang-cppcc-2024.txt" --to xml,pdf,html --out "$TMP/out") 2>"$TMP/err" ||
  fail "the unpacked paiban failed: $(cat "$TMP/err")"
cmp -s "$TMP/out/lvliang-cppcc-2024.xml" "$SRC/tests/data/golden/lvliang-cppcc-2024.xml" || fail "unpacked paiban: XML differs from the golden"
head -c 5 "$TMP/out/lvliang-cppcc-2024.pdf" | grep -q "%PDF-" || fail "unpacked paiban: no PDF"
xmllint --noout --relaxng "$ROOT/usr/share/paiban/schema/article.rng" "$TMP/out/lvliang-cppcc-2024.xml" 2>"$TMP/lint" ||
  fail "XML invalid against the packaged schema: $(cat "$TMP/lint")"

# The unpacked Python module, run by Debian's python3 from outside the source tree.
if [ -n "$PYDIR" ]; then
  (cd "$TMP" && PYTHONPATH="$PYDIR" LD_LIBRARY_PATH="$ROOT/usr/lib" /usr/bin/python3 -c "
import paiban, sys
doc = paiban.reflow(open(sys.argv[1], 'rb').read())
assert doc.blocks[0].text == '为建设美丽幸福吕梁广泛凝心聚力', doc.blocks[0].text
assert paiban.typeset(doc).startswith(b'%PDF-')
assert paiban.__file__.startswith(sys.argv[2]), paiban.__file__
print('python ok')" "$SRC/input/lvliang-cppcc-2024.txt" "$PYDIR") >"$TMP/py.out" 2>&1 || fail "unpacked Python module: $(cat "$TMP/py.out")"
fi
[ $FAILED = 0 ] && echo "deb test passed"
exit $FAILED
