# paiban batch over archives made by the usual tools (zip, GNU tar with gzip/xz/zstd): every
# kind gives the same outputs as the folder they were made from; the summary and --quiet.
source "$(dirname "$0")/lib.bash"
for tool in zip tar xz zstd gzip; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is not installed (run make deps)" >&2; exit 1; }
done

mkdir -p "$TMP/src/2024/03" "$TMP/src/吕梁"
cp input/lvliang-cppcc-2024.txt "$TMP/src/2024/03/a.txt"
sed 's/2024/2025/g' input/lvliang-cppcc-2024.txt > "$TMP/src/2024/03/b.txt"
sed 's/政协/人大/g' input/lvliang-cppcc-2024.txt > "$TMP/src/吕梁/政协.txt"
(cd "$TMP/src" && zip -qr ../src.zip . && tar cf ../src.tar . && tar czf ../src.tgz . &&
  tar cJf ../src.tar.xz . && tar --zstd -cf ../src.tar.zst .) && pass || fail "making the archives"

expect_exit 0 "folder" -- "$PAIBAN" batch "$TMP/src" --out "$TMP/out-folder" --to xml,txt
grep -q "3 converted, 0 up to date, 0 failed, 0 refused" "$TMP/err" && pass || fail "summary: $(cat "$TMP/err")"
! grep -q $'\r' "$TMP/err" && pass || fail "no live progress line when stderr is not a terminal"
for kind in zip tar tgz tar.xz tar.zst; do
  expect_exit 0 "$kind" -- "$PAIBAN" batch "$TMP/src.$kind" --out "$TMP/out-$kind" --to xml,txt --quiet
  [ ! -s "$TMP/err" ] && pass || fail "$kind: --quiet printed: $(cat "$TMP/err")"
  diff -r -x 'report*' -x '.paiban-manifest*' -x '.paiban-lock*' "$TMP/out-folder" "$TMP/out-$kind" >/dev/null && pass ||
    fail "$kind: outputs differ from the folder's"
  grep -q '"source_kind": "'"$(echo $kind | sed 's/tgz/tar.gz/')"'"' "$TMP/out-$kind/report.json" && pass ||
    fail "$kind: source_kind in $(grep source_kind "$TMP/out-$kind/report.json")"
done
[ -f "$TMP/out-zip/吕梁/政协.xml" ] && pass || fail "Chinese file names are kept"

finish
