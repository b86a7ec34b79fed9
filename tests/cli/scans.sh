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
[ "$(wc -l <"$TMP/err")" -eq 2 ] && pass || fail "a truncated PNG: only paiban's error and hint on stderr: $(cat "$TMP/err")"
[ ! -e "$TMP/cut.xml" ] && pass || fail "a truncated scan left an output"

# batch over a folder of scans: PNGs (one in a subfolder), a two-page TIFF, an e-paper PDF and a
# truncated PNG. Every page's outputs mirror the input paths; the report has each page's figures;
# the broken file fails alone (exit 3); a second run finds everything up to date.
mkdir -p "$TMP/scans/sub"
cp "$PNG" "$TMP/scans/scan-0001.png"
cp "$PNG" "$TMP/scans/sub/scan-0002.png"
cp "$TMP/cut.png" "$TMP/scans/scan-0003.png"
cp "$TMP/s.pdf" "$TMP/scans/epaper.pdf"
if command -v convert >/dev/null; then
  convert "$PNG" "$PNG" -adjoin "$TMP/scans/two.tif" && pass || fail "convert made no TIFF"
fi
expect_exit 3 "batch over scans with a broken one" -- "$PAIBAN" batch "$TMP/scans" --out "$TMP/bout" --keep-ocr hocr -q
for f in scan-0001.xml scan-0001.txt scan-0001.pdf scan-0001.hocr sub/scan-0002.xml sub/scan-0002.hocr \
         epaper.xml epaper.txt epaper.pdf; do
  [ -s "$TMP/bout/$f" ] && pass || fail "batch: no $f"
done
[ ! -e "$TMP/bout/epaper.hocr" ] && pass || fail "an e-paper PDF read from its text layer has no OCR to keep"
[ ! -e "$TMP/bout/scan-0003.xml" ] && pass || fail "the broken scan has outputs"
python3 - "$TMP/bout/report.json" "$TMP/scans/two.tif" <<'PY' && pass || fail "batch report of scans"
import json, os, sys
items = {it["input"]: it for it in json.load(open(sys.argv[1]))["items"]}
p = items["scan-0001.png"]["pages"]
assert len(p) == 1 and p[0]["via"] == "ocr" and 50 < p[0]["confidence"] <= 100 and p[0]["articles"] >= 1, p
assert isinstance(p[0]["repairs"], dict) and sum(p[0]["repairs"].values()) == sum(items["scan-0001.png"]["repairs"].values()), p
assert items["epaper.pdf"]["pages"][0]["via"] == "text layer" and items["epaper.pdf"]["pages"][0]["confidence"] is None
assert items["scan-0003.png"]["status"] == "failed" and "cannot read this PNG" in items["scan-0003.png"]["error"]
if os.path.exists(sys.argv[2]):
    assert [x["page"] for x in items["two.tif"]["pages"]] == [1, 2], items["two.tif"]
    assert items["two.tif"]["outputs"] == ["two.xml", "two.txt", "two.pdf", "two.hocr"], items["two.tif"]["outputs"]
PY
if [ -e "$TMP/scans/two.tif" ]; then
  [ "$(grep -c '<page ' "$TMP/bout/two.xml")" -eq 2 ] && pass || fail "a two-page TIFF gives two <page>s"
fi
rm "$TMP/scans/scan-0003.png"
expect_exit 0 "batch over scans again: up to date" -- "$PAIBAN" batch "$TMP/scans" --out "$TMP/bout" --keep-ocr hocr
grep -q "0 converted, [0-9]* up to date" "$TMP/err" && pass || fail "second run: $(cat "$TMP/err")"
# Another --psm reads them again.
expect_exit 0 "batch with another --psm" -- "$PAIBAN" batch "$TMP/scans" --out "$TMP/bout" --keep-ocr hocr --psm 4 -q
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['totals']['unchanged'] == 0, r['totals']" \
  "$TMP/bout/report.json" && pass || fail "--psm 4 left scans up to date"
finish
