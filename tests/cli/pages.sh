# A scanned page through every command (run by ctest as: bash tests/cli/pages.sh PAIBAN): page XML
# (tests/data/xml/page.xml, hand-built: two articles, a running head, a folio, a caption) and real
# Tesseract hOCR, ALTO and page text of a page paiban typeset (tests/data/ocr/tesseract-psm4.*).
source "$(dirname "$0")/lib.bash"
for tool in xmllint pdfinfo pdftotext python3; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is not installed (run make deps)" >&2; exit 1; }
done
PAGE=tests/data/xml/page.xml
valid() { xmllint --noout --relaxng schema/article.rng "$1" 2>"$TMP/lint" && pass || fail "$1 invalid: $(cat "$TMP/lint")"; }

# reflow: page XML in gives the same page XML out, valid; --verbose tells the articles apart.
expect_exit 0 "reflow page XML" -- "$PAIBAN" reflow "$PAGE" -o "$TMP/page.xml" --verbose
cmp -s "$PAGE" "$TMP/page.xml" && pass || fail "page XML → reflow → the same bytes"
valid "$TMP/page.xml"
grep -qx "paiban: $PAGE: page 3: 2 articles, folio 1, running-head 1" "$TMP/err" && pass || fail "verbose page line: $(cat "$TMP/err")"
grep -qx "paiban: $PAGE: page 3: article 1: headline 1, subtitle 1, byline 1, sections 1, headings 1, paragraphs 1, captions 1" "$TMP/err" &&
  pass || fail "verbose article line: $(cat "$TMP/err")"

# text: the articles' clean text, golden; furniture only with --furniture.
expect_exit 0 "text of a page" -- "$PAIBAN" text "$PAGE"
cmp -s "$TMP/out" tests/data/golden/page.txt && pass || fail "text differs from tests/data/golden/page.txt: $(diff "$TMP/out" tests/data/golden/page.txt)"
expect_exit 0 "text --furniture" -- "$PAIBAN" text "$PAGE" --furniture
[ "$(head -1 "$TMP/out")" = "[running-head] 吕梁日报　2025年1月10日　星期五" ] && pass || fail "furniture first: $(head -1 "$TMP/out")"
grep -qx "\[folio\] 3" "$TMP/out" && pass || fail "folio shown"

# typeset: every article set, each from a new page with its own head; nothing refused.
expect_exit 0 "typeset a page" -- "$PAIBAN" typeset "$PAGE" -o "$TMP/page.pdf" --style report
[ "$(pdfinfo "$TMP/page.pdf" | awk '/^Pages:/ {print $2}')" = 2 ] && pass || fail "two articles, two pages: $(pdfinfo "$TMP/page.pdf" | grep Pages)"
pdftotext -f 2 -l 2 "$TMP/page.pdf" "$TMP/p2.txt"
grep -q "冬日菜篮子供应充足" "$TMP/p2.txt" && pass || fail "the second article's headline heads page 2"
pdftotext "$TMP/page.pdf" - | grep -q "吕梁日报" && fail "furniture was set" || pass

# convert: all three formats.
expect_exit 0 "convert a page" -- "$PAIBAN" convert "$PAGE" --to xml,txt,pdf --out "$TMP/conv"
cmp -s "$PAGE" "$TMP/conv/page.xml" && pass || fail "convert: XML"
cmp -s tests/data/golden/page.txt "$TMP/conv/page.txt" && pass || fail "convert: text"
[ -s "$TMP/conv/page.pdf" ] && pass || fail "convert: PDF"

# batch: the page, an article and a web page that is no hOCR (skipped); report counts articles.
mkdir -p "$TMP/src"
cp "$PAGE" "$TMP/src/page.xml"
cp input/lvliang-cppcc-2024.txt "$TMP/src/article.txt"
printf '<!DOCTYPE html>\n<html><body>index</body></html>\n' > "$TMP/src/index.html"
expect_exit 0 "batch with a page" -- "$PAIBAN" batch "$TMP/src" --out "$TMP/b" --to xml,txt,pdf
grep -q "2 converted, 0 up to date, 0 failed, 0 refused, 1 skipped" "$TMP/err" && pass || fail "batch summary: $(cat "$TMP/err")"
tr -d '\r' < "$TMP/b/report.csv" > "$TMP/report.csv"
grep -q '^page.xml,converted,.*,2,,,$' "$TMP/report.csv" && pass || fail "report.csv: 2 articles: $(grep page.xml "$TMP/report.csv")"
grep -q '^article.txt,converted,.*,1,byline-marker 1;extraction-space [0-9]*;' "$TMP/report.csv" && pass ||
  fail "report.csv: 1 article, repairs by kind: $(grep article.txt "$TMP/report.csv")"
grep -q '^index.html,skipped,.*not hOCR' "$TMP/report.csv" && pass || fail "a non-hOCR .html is skipped: $(grep index "$TMP/report.csv")"
python3 - "$TMP/b/report.json" <<'PY' && pass || fail "report.json: articles and repairs per item"
import json, sys
items = {i["input"]: i for i in json.load(open(sys.argv[1]))["items"]}
assert items["page.xml"]["articles"] == 2 and items["page.xml"]["repairs"] == {}, items["page.xml"]
assert items["article.txt"]["articles"] == 1 and sum(items["article.txt"]["repairs"].values()) > 0, items["article.txt"]
assert items["index.html"]["articles"] is None
PY
cmp -s "$PAGE" "$TMP/b/page.xml" && pass || fail "batch: page XML"
# A rerun keeps the counts of what is up to date.
expect_exit 0 "batch rerun" -- "$PAIBAN" batch "$TMP/src" --out "$TMP/b" --to xml,txt,pdf
tr -d '\r' < "$TMP/b/report.csv" | grep -q '^page.xml,unchanged,.*,2,,,$' && pass || fail "unchanged keeps its count: $(grep page.xml "$TMP/b/report.csv")"

finish
