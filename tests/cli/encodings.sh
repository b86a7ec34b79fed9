# The sample in GB18030, UTF-16LE with BOM, UTF-8 with BOM and with CRLF line ends gives the same
# XML as the UTF-8 original.
source "$(dirname "$0")/lib.bash"
SAMPLE=input/lvliang-cppcc-2024.txt
mkdir -p "$TMP"/{utf8,gb,u16,bom,crlf}
cp "$SAMPLE" "$TMP/utf8/a.txt"
iconv -f UTF-8 -t GB18030 "$SAMPLE" > "$TMP/gb/a.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$SAMPLE"; } > "$TMP/u16/a.txt"
{ printf '\xef\xbb\xbf'; cat "$SAMPLE"; } > "$TMP/bom/a.txt"
sed 's/$/\r/' "$SAMPLE" > "$TMP/crlf/a.txt"

expect_exit 0 "utf-8 original" -- "$PAIBAN" convert "$TMP/utf8/a.txt" --to xml --out "$TMP/utf8"
for enc in gb u16 bom crlf; do
  expect_exit 0 "$enc" -- "$PAIBAN" convert "$TMP/$enc/a.txt" --to xml --out "$TMP/$enc" &&
    { cmp -s "$TMP/utf8/a.xml" "$TMP/$enc/a.xml" && pass || fail "$enc XML differs from UTF-8: $(diff "$TMP/utf8/a.xml" "$TMP/$enc/a.xml" | head -5)"; }
done
# A forced wrong encoding is caught, not turned into garbage.
expect_exit 1 "UTF-8 read as Big5" -- "$PAIBAN" convert "$TMP/utf8/a.txt" --encoding big5 --to xml --out "$TMP/x" &&
  expect_error_line "invalid Big5 byte sequence"
# Every XML written validates against the schema.
for enc in utf8 gb u16 bom crlf; do
  xmllint --noout --relaxng schema/article.rng "$TMP/$enc/a.xml" 2>"$TMP/lint" && pass || fail "$enc: $(cat "$TMP/lint")"
done
finish
