# NITF and HTML out through `convert --to nitf,html` (run by ctest as: bash tests/cli/formats.sh
# PAIBAN): the sample and a page of two articles, each file well-formed to xmllint; the same text
# as the golden files of tests/data/formats (formats_test.cpp checks their structure).
source "$(dirname "$0")/lib.bash"
command -v xmllint >/dev/null || { echo "FAIL: xmllint is not installed (run make deps)" >&2; exit 1; }
wellformed() { xmllint --noout "$1" 2>"$TMP/lint" && pass || fail "$1 not well-formed: $(cat "$TMP/lint")"; }
same() { cmp -s "$1" "$2" && pass || fail "$1 differs from $2: $(diff "$1" "$2" | head -5)"; }

# The sample article: its XML is the golden XML; NITF and HTML as formats_test's goldens.
expect_exit 0 "convert the sample to nitf,html,xml" -- "$PAIBAN" convert input/lvliang-cppcc-2024.txt --to nitf,html,xml --out "$TMP/a"
same "$TMP/a/lvliang-cppcc-2024.xml" tests/data/golden/lvliang-cppcc-2024.xml
same "$TMP/a/lvliang-cppcc-2024.nitf.xml" tests/data/formats/lvliang-cppcc-2024.nitf.xml
same "$TMP/a/lvliang-cppcc-2024.html" tests/data/formats/lvliang-cppcc-2024.html
wellformed "$TMP/a/lvliang-cppcc-2024.nitf.xml"
wellformed "$TMP/a/lvliang-cppcc-2024.html"
[ "$(ls "$TMP/a" | wc -l)" = 3 ] && pass || fail "only the formats asked for: $(ls "$TMP/a")"

# A page of two articles: PAGE-1.nitf.xml and PAGE-2.nitf.xml, one page.html with two <article>s.
expect_exit 0 "convert a page to nitf,html" -- "$PAIBAN" convert tests/data/xml/page.xml --to nitf,html --out "$TMP/p"
for f in page-1.nitf.xml page-2.nitf.xml page.html; do
  same "$TMP/p/$f" "tests/data/formats/$f"
  wellformed "$TMP/p/$f"
done
[ ! -e "$TMP/p/page.nitf.xml" ] && pass || fail "a page gives one NITF per article, not one for the page"
[ "$(grep -c '^<article' "$TMP/p/page.html")" = 2 ] && pass || fail "two <article>s in page.html"

# The page rendered by a real browser (headless Chromium; make deps installs it) and read back by
# Tesseract: both articles' text is on the screenshot (OCR-tolerant: 85 % of each line's characters
# in order, as the longest common subsequence).
if command -v chromium >/dev/null && command -v tesseract >/dev/null; then
  (cd "$TMP" && HOME="$TMP" timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
     --window-size=900,2400 --screenshot="$TMP/p/page.png" "file://$TMP/p/page.html") >"$TMP/chromium.log" 2>&1 &&
    [ -s "$TMP/p/page.png" ] && pass || fail "chromium could not render page.html: $(tail -3 "$TMP/chromium.log")"
  tesseract "$TMP/p/page.png" - -l chi_sim 2>/dev/null | tr -d ' \n' >"$TMP/p/page.txt"
  for t in 为建设美丽幸福吕梁广泛凝心聚力 冬日菜篮子供应充足 政协事业要发展，党的领导是根本。 记者在市区几家超市看到，新鲜蔬菜品种齐全。; do
    python3 -c '
import sys
want, got = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
row = [0] * (len(got) + 1)
for w in want:
    prev = 0
    for j, g in enumerate(got):
        cur = row[j + 1]
        row[j + 1] = prev + 1 if w == g else max(row[j + 1], row[j])
        prev = cur
sys.exit(0 if row[-1] >= 0.85 * len(want) else 1)' "$t" "$TMP/p/page.txt" && pass ||
      fail "the screenshot of page.html lacks $t (OCR read: $(head -c 300 "$TMP/p/page.txt"))"
  done
else
  fail "chromium or tesseract is not installed (run make deps)"
fi

# Unknown formats name the known ones; batch says it does not write nitf/html.
expect_exit 2 "unknown format" -- "$PAIBAN" convert input/lvliang-cppcc-2024.txt --to rtf --out "$TMP/x"
expect_error_line "nitf and/or html"
mkdir -p "$TMP/src" && cp input/lvliang-cppcc-2024.txt "$TMP/src/"
expect_exit 2 "batch --to html" -- "$PAIBAN" batch "$TMP/src" --out "$TMP/b" --to html
expect_error_line "batch does not write html"
finish
