#!/bin/bash
# paiban batch over archives made by the usual tools (zip, GNU tar with gzip/xz/zstd): every
# kind gives the same outputs as the folder they were made from; the summary and --quiet.
set -euo pipefail
PAIBAN=${1:?usage: batch_tools.sh PATH_TO_paiban}
for tool in zip tar xz zstd gzip; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is not installed (run make deps)" >&2; exit 1; }
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$T/src/2024/03" "$T/src/吕梁"
cp input/lvliang-cppcc-2024.txt "$T/src/2024/03/a.txt"
sed 's/2024/2025/g' input/lvliang-cppcc-2024.txt > "$T/src/2024/03/b.txt"
sed 's/政协/人大/g' input/lvliang-cppcc-2024.txt > "$T/src/吕梁/政协.txt"
(cd "$T/src" && zip -qr ../src.zip . && tar cf ../src.tar . && tar czf ../src.tgz . &&
  tar cJf ../src.tar.xz . && tar --zstd -cf ../src.tar.zst .)

"$PAIBAN" batch "$T/src" --out "$T/out-folder" --to xml,txt 2>"$T/err" || fail "folder: exit $?: $(cat "$T/err")"
grep -q "3 converted, 0 up to date, 0 failed, 0 refused" "$T/err" || fail "summary: $(cat "$T/err")"
grep -q $'\r' "$T/err" && fail "no live progress line when stderr is not a terminal"
for kind in zip tar tgz tar.xz tar.zst; do
  "$PAIBAN" batch "$T/src.$kind" --out "$T/out-$kind" --to xml,txt --quiet 2>"$T/err" ||
    fail "$kind: exit $?: $(cat "$T/err")"
  [ -s "$T/err" ] && fail "$kind: --quiet printed: $(cat "$T/err")"
  diff -r -x 'report*' -x '.paiban-manifest*' "$T/out-folder" "$T/out-$kind" >/dev/null ||
    fail "$kind: outputs differ from the folder's"
  grep -q '"source_kind": "'"$(echo $kind | sed 's/tgz/tar.gz/')"'"' "$T/out-$kind/report.json" ||
    fail "$kind: source_kind in $(grep source_kind "$T/out-$kind/report.json")"
done
[ -f "$T/out-zip/吕梁/政协.xml" ] || fail "Chinese file names are kept"
echo "PASS"
