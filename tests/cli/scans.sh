# Scans through every command (run by ctest as: bash tests/cli/scans.sh PAIBAN): a crop of the
# sample typeset by paiban, rendered at 150 dpi, read in-process by Tesseract; --keep-ocr; the
# scan flags; a scan's errors leave no output. Small crops only: each OCR costs about a second.
source "$(dirname "$0")/lib.bash"
for tool in pdftoppm xmllint; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is not installed (run make deps)" >&2; exit 1; }
done
"$PAIBAN" typeset input/lvliang-cppcc-2024.txt -o "$TMP/s.pdf" 2>/dev/null || { echo "FAIL: typeset the sample"; exit 1; }
pdftoppm -r 150 -gray -png -x 0 -y 0 -W 600 -H 700 -singlefile "$TMP/s.pdf" "$TMP/top"
PNG=$TMP/top.png

# reflow: a page of articles, valid, with its per-page figures in --verbose; --keep-ocr hocr
# writes Tesseract's hOCR beside the output, and reflowing that gives the same articles.
expect_exit 0 "reflow a PNG" -- "$PAIBAN" reflow "$PNG" -o "$TMP/p.xml" --verbose --keep-ocr hocr
xmllint --noout --relaxng schema/article.rng "$TMP/p.xml" 2>/dev/null && pass || fail "page XML of a scan is invalid"
grep -q '<page version="2"' "$TMP/p.xml" && pass || fail "a scan gives <page>: $(head -c 300 "$TMP/p.xml")"
grep -q "paiban: $PNG: page 1: ocr, [0-9]* words, mean confidence [0-9.]*, [0-9]* articles\?" "$TMP/err" && pass ||
  fail "verbose: per-page figures: $(cat "$TMP/err")"
grep -q "class='ocr_page'" "$TMP/p.hocr" 2>/dev/null && pass || fail "--keep-ocr hocr wrote no $TMP/p.hocr"
expect_exit 0 "reflow the kept hOCR" -- "$PAIBAN" reflow "$TMP/p.hocr" -o "$TMP/k.xml"
diff <(grep -o '<headline[^>]*>[^<]*' "$TMP/p.xml" | sed 's/ src="[^"]*"//') \
     <(grep -o '<headline[^>]*>[^<]*' "$TMP/k.xml" | sed 's/ src="[^"]*"//') >/dev/null && pass ||
  fail "the kept hOCR reflows to other headlines"
# ALTO is kept as NAME.alto.xml.
expect_exit 0 "--keep-ocr alto" -- "$PAIBAN" reflow "$PNG" -o "$TMP/a.xml" --keep-ocr alto
grep -q "<alto xmlns" "$TMP/a.alto.xml" 2>/dev/null && pass || fail "--keep-ocr alto wrote no $TMP/a.alto.xml"

# text: the page's articles in reading order; stdin works too (detected by content).
expect_exit 0 "text of a PNG" -- "$PAIBAN" text "$PNG"
grep -q "把准方向" "$TMP/out" && pass || fail "text of a scan: $(head -c 300 "$TMP/out")"
"$PAIBAN" text - <"$PNG" >"$TMP/stdin.txt" 2>/dev/null && cmp -s "$TMP/out" "$TMP/stdin.txt" && pass ||
  fail "text of a PNG on stdin differs"

# typeset and convert: a PDF from a scan; convert writes every format (and the kept OCR).
expect_exit 0 "typeset a PNG" -- "$PAIBAN" typeset "$PNG" -o "$TMP/t.pdf"
pdfinfo "$TMP/t.pdf" >/dev/null 2>&1 && pass || fail "typeset of a scan: no PDF"
mkdir -p "$TMP/conv"
expect_exit 0 "convert a PNG" -- "$PAIBAN" convert "$PNG" --out "$TMP/conv" --keep-ocr hocr
for f in top.xml top.txt top.pdf top.hocr; do [ -s "$TMP/conv/$f" ] && pass || fail "convert: no $f"; done

# Flags: a language pack that is not installed names its Debian package; nothing is written.
expect_exit 1 "--ocr-lang without its pack" -- "$PAIBAN" reflow "$PNG" -o "$TMP/none.xml" --ocr-lang chi_sim+zzz_nope
expect_error_line "no Tesseract language pack for 'zzz_nope'"
grep -q "tesseract-ocr-zzz-nope" "$TMP/err" && pass || fail "hint names the package: $(cat "$TMP/err")"
[ ! -e "$TMP/none.xml" ] && pass || fail "an output was written after an error"
expect_exit 1 "--max-pixels below the page" -- "$PAIBAN" text "$PNG" --max-pixels 1000
expect_error_line "600 × 700 pixels, more than the limit of 1000"
expect_exit 2 "--keep-ocr takes hocr or alto" -- "$PAIBAN" reflow "$PNG" --keep-ocr pdf
# A truncated PNG: one clear error naming the file, no output.
head -c 200 "$PNG" >"$TMP/cut.png"
expect_exit 1 "truncated PNG" -- "$PAIBAN" reflow "$TMP/cut.png" -o "$TMP/cut.xml"
expect_error_line "cut.png: cannot read this PNG image"
[ ! -e "$TMP/cut.xml" ] && pass || fail "a truncated scan left an output"
finish
