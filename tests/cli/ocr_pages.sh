# OCR layouts through every command (run by ctest as: bash tests/cli/ocr_pages.sh PAIBAN): real
# Tesseract 5.3 hOCR and ALTO of a page paiban typeset (tests/data/ocr/tesseract-psm4.*, see its
# README) and hand-written PAGE XML, detected by content, read, split into articles.
source "$(dirname "$0")/lib.bash"
for tool in xmllint pdfinfo python3; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is not installed (run make deps)" >&2; exit 1; }
done
HOCR=tests/data/ocr/tesseract-psm4.hocr
ALTO=tests/data/ocr/tesseract-psm4.alto.xml
PAGEXML=tests/data/ocr/page-2019.xml
valid() { xmllint --noout --relaxng schema/article.rng "$1" 2>"$TMP/lint" && pass || fail "$1 invalid: $(cat "$TMP/lint")"; }
# Every block and article of a <page> carries ids and a bbox; the root is <page version="2">.
provenance() {
  python3 - "$1" <<'PY' && pass || fail "$1: provenance"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "page" and root.get("version") == "2", root.tag
assert int(root.get("width")) > 0 and int(root.get("height")) > 0
arts = root.findall("article")
assert arts, "no article"
for a in arts:
    assert a.get("bbox"), "article without bbox"
    for b in a.iter():
        if b is a or b.tag == "line":
            continue
        assert b.get("ids") and b.get("bbox"), (b.tag, b.attrib)
        x0, y0, x1, y1 = map(int, b.get("bbox").split())
        assert 0 <= x0 < x1 <= int(root.get("width")) and 0 <= y0 < y1 <= int(root.get("height")), b.get("bbox")
PY
}

# reflow: hOCR (XHTML DOCTYPE and all), ALTO and PAGE → <page>, valid, with provenance.
expect_exit 0 "reflow hOCR" -- "$PAIBAN" reflow "$HOCR" -o "$TMP/h.xml" --verbose
valid "$TMP/h.xml"
provenance "$TMP/h.xml"
grep -q "<headline" "$TMP/h.xml" && pass || fail "hOCR: a headline found"
grep -q "paiban: $HOCR: page 1: 1 article" "$TMP/err" && pass || fail "verbose: articles: $(cat "$TMP/err")"
grep -q "paiban: $HOCR: repairs: .*han-space" "$TMP/err" && pass || fail "verbose: repairs by kind: $(cat "$TMP/err")"
# The XML written reads back as the same page.
expect_exit 0 "page XML of hOCR round trip" -- "$PAIBAN" reflow "$TMP/h.xml" -o "$TMP/h2.xml"
cmp -s "$TMP/h.xml" "$TMP/h2.xml" && pass || fail "hOCR's page XML → reflow → the same bytes"
for f in "$ALTO" "$PAGEXML"; do
  expect_exit 0 "reflow $f" -- "$PAIBAN" reflow "$f" -o "$TMP/x.xml"
  valid "$TMP/x.xml"
  provenance "$TMP/x.xml"
done
# hOCR and ALTO of one page give the same text.
"$PAIBAN" text "$HOCR" > "$TMP/h.txt" && "$PAIBAN" text "$ALTO" > "$TMP/a.txt"
cmp -s "$TMP/h.txt" "$TMP/a.txt" && pass || fail "hOCR and ALTO text differ: $(diff "$TMP/h.txt" "$TMP/a.txt" | head -5)"
[ "$(head -1 "$TMP/h.txt")" = "$(head -1 "$TMP/a.txt")" ] && grep -q "工作综述" "$TMP/h.txt" && pass || fail "hOCR text: $(head -3 "$TMP/h.txt")"

# From stdin too: content decides, not the name.
expect_exit 0 "hOCR on stdin" -- sh -c "'$PAIBAN' reflow - < '$HOCR'"
grep -q '<page version="2"' "$TMP/out" && pass || fail "stdin hOCR → <page>"

# typeset and convert take it; batch picks up .hocr by content.
expect_exit 0 "typeset hOCR" -- "$PAIBAN" typeset "$HOCR" -o "$TMP/h.pdf" --style report
[ "$(pdfinfo "$TMP/h.pdf" | awk '/^Pages:/ {print $2}')" -ge 1 ] && pass || fail "hOCR PDF"
expect_exit 0 "convert hOCR" -- "$PAIBAN" convert "$HOCR" --to xml,txt --out "$TMP/c"
cmp -s "$TMP/h.xml" "$TMP/c/tesseract-psm4.xml" && pass || fail "convert: same XML as reflow"
mkdir -p "$TMP/src/scans"
cp "$HOCR" "$TMP/src/scans/p1.hocr"
cp "$HOCR" "$TMP/src/scans/p2.html"
cp "$ALTO" "$TMP/src/scans/p3.xml"
expect_exit 0 "batch of OCR files" -- "$PAIBAN" batch "$TMP/src" --out "$TMP/b" --to xml,txt
grep -q "3 converted, 0 up to date, 0 failed" "$TMP/err" && pass || fail "batch: $(cat "$TMP/err")"
for s in p1 p2 p3; do
  grep -q '<page version="2"' "$TMP/b/scans/$s.xml" && pass || fail "batch $s: page XML"
  tr -d '\r' < "$TMP/b/report.csv" | grep -q "^scans/$s\.[a-z]*,converted,.*,1,.*han-space" && pass ||
    fail "batch $s: articles and repairs: $(grep "$s" "$TMP/b/report.csv")"
done

# Broken OCR: one error line naming file, line and element; exit 1; no output left behind.
head -c 3000 "$HOCR" > "$TMP/cut.hocr"
expect_exit 1 "truncated hOCR" -- "$PAIBAN" reflow "$TMP/cut.hocr" -o "$TMP/cut.xml"
expect_error_line "cut.hocr:[0-9]*:"
[ ! -e "$TMP/cut.xml" ] && pass || fail "a failed reflow left output"
printf '<?xml version="1.0"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">\n<Layout></Layout></alto>\n' > "$TMP/empty.alto.xml"
expect_exit 1 "ALTO without a page" -- "$PAIBAN" reflow "$TMP/empty.alto.xml" -o "$TMP/empty.xml"
expect_error_line "empty.alto.xml:3:1: <Layout>: no <Page> in <Layout>"
[ ! -e "$TMP/empty.xml" ] && pass || fail "a failed reflow left output"
# What a reader tolerates is a warning naming file, line and element (--verbose).
sed 's/bbox 557 297 1919 384/bbox 557 297 x 384/' "$HOCR" > "$TMP/bad.hocr"
expect_exit 0 "a line's bad bbox is left out" -- "$PAIBAN" reflow "$TMP/bad.hocr" --verbose
grep -q 'warning: .*bad.hocr:15: <span class="ocr_line" id="line_1_1">: bbox is not four numbers' "$TMP/err" && pass ||
  fail "warning for a bad bbox: $(cat "$TMP/err")"
# Article XML still refuses every DTD, while hOCR's XHTML DOCTYPE was read above.
printf '<?xml version="1.0"?>\n<!DOCTYPE article SYSTEM "a.dtd">\n<article><p>x</p></article>\n' > "$TMP/dtd.xml"
expect_exit 1 "article XML with a DTD" -- "$PAIBAN" reflow "$TMP/dtd.xml"
expect_error_line "dtd.xml:2:1: DTDs and entity declarations are not accepted"

finish
