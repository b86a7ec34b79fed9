# The faces follow the language (styles/README.md, "Traditional Chinese"): a zh-Hant article —
# detected by reflow, given with --lang, or written in article XML — is set in the style's Traditional
# faces (Noto CJK TC) without naming NAME-tc; NAME-tc and NAME-sc pin the faces whatever the language.
# Run by ctest as: bash tests/cli/faces.sh PAIBAN.
source "$(dirname "$0")/lib.bash"
SAMPLE=input/lvliang-cppcc-2024.txt
TW=tests/data/vertical/lvliang-tw.xml

# The CJK faces a PDF (or its pages -f N -l N) embeds, by region: "sc", "tc" or "sc tc".
regions() { pdffonts "${@:2}" "$1" | grep -o "CJK[a-z]*" | sed 's/CJK//' | sort -u | tr '\n' ' ' | sed 's/ $//'; }

# Detected: the Traditional sample as plain text reflows as zh-Hant and is set in TC faces.
"$PAIBAN" text "$TW" -o "$TMP/tw.txt"
expect_exit 0 "zh-Hant text in report" -- "$PAIBAN" typeset "$TMP/tw.txt" --style report -v -o "$TMP/tw.pdf"
[ "$(regions "$TMP/tw.pdf")" = "tc" ] && pass || fail "zh-Hant text in report: TC faces only, got '$(regions "$TMP/tw.pdf")'"
grep -q "article 1 (zh-Hant[-A-Z]*): Traditional Chinese faces, as style report-tc" "$TMP/err" && pass ||
  fail "--verbose says which faces: $(cat "$TMP/err")"
pdftotext -raw "$TMP/tw.pdf" - | tr -d ' \n' | grep -q "為建設美麗幸福呂梁廣泛凝心聚力" && pass || fail "zh-Hant in TC faces copies out"

# The Simplified sample in the same style: SC faces, as before.
expect_exit 0 "zh-Hans text in report" -- "$PAIBAN" typeset "$SAMPLE" --style report -v -o "$TMP/cn.pdf"
[ "$(regions "$TMP/cn.pdf")" = "sc" ] && pass || fail "zh-Hans in report: SC faces only, got '$(regions "$TMP/cn.pdf")'"
grep -q "article 1 (zh-Hans): the faces of style report" "$TMP/err" && pass || fail "--verbose: $(cat "$TMP/err")"

# Forced: --lang zh-Hant sets the Simplified text in TC faces (the default style, broadsheet).
expect_exit 0 "--lang zh-Hant" -- "$PAIBAN" typeset "$SAMPLE" --lang zh-Hant -o "$TMP/forced.pdf"
[ "$(regions "$TMP/forced.pdf")" = "tc" ] && pass || fail "--lang zh-Hant: TC faces, got '$(regions "$TMP/forced.pdf")'"

# The user insists: NAME-sc keeps Simplified faces for zh-Hant, NAME-tc Traditional for zh-Hans.
expect_exit 0 "report-sc" -- "$PAIBAN" typeset "$TW" --style report-sc -v -o "$TMP/pin-sc.pdf"
[ "$(regions "$TMP/pin-sc.pdf")" = "sc" ] && pass || fail "report-sc pins SC, got '$(regions "$TMP/pin-sc.pdf")'"
grep -q "the faces of style report-sc (pinned by its name)" "$TMP/err" && pass || fail "--verbose: pinned: $(cat "$TMP/err")"
expect_exit 0 "report-tc" -- "$PAIBAN" typeset "$SAMPLE" --style report-tc -o "$TMP/pin-tc.pdf"
[ "$(regions "$TMP/pin-tc.pdf")" = "tc" ] && pass || fail "report-tc pins TC, got '$(regions "$TMP/pin-tc.pdf")'"
# A Traditional style pinned Simplified: vertical-book-sc swaps its TC faces for SC.
expect_exit 0 "vertical-book-sc" -- "$PAIBAN" typeset tests/data/vertical/short.xml --style vertical-book-sc -o "$TMP/vsc.pdf"
[ "$(regions "$TMP/vsc.pdf")" = "sc" ] && pass || fail "vertical-book-sc: SC faces, got '$(regions "$TMP/vsc.pdf")'"

# Per article: a page of a zh-Hans and a zh-Hant-HK article gets both, each article its own.
expect_exit 0 "two languages" -- "$PAIBAN" typeset tests/data/vertical/two-languages.xml --style tabloid -o "$TMP/two.pdf"
[ "$(regions "$TMP/two.pdf")" = "sc tc" ] && pass || fail "two languages: SC and TC, got '$(regions "$TMP/two.pdf")'"
[ "$(regions "$TMP/two.pdf" -f 1 -l 1)" = "sc" ] && [ "$(regions "$TMP/two.pdf" -f 2 -l 2)" = "tc" ] && pass ||
  fail "two languages: page 1 '$(regions "$TMP/two.pdf" -f 1 -l 1)', page 2 '$(regions "$TMP/two.pdf" -f 2 -l 2)'"
pdftotext -f 1 -l 1 "$TMP/two.pdf" - | grep -q "菜篮子" && pdftotext -f 2 -l 2 "$TMP/two.pdf" - | grep -q "菜籃子" && pass ||
  fail "two languages: one article a page"

# convert and batch: the same choice for each input of a run.
mkdir -p "$TMP/src"
cp "$TMP/tw.txt" "$TMP/src/tw.txt"
cp "$SAMPLE" "$TMP/src/cn.txt"
expect_exit 0 "convert two inputs" -- "$PAIBAN" convert "$TMP/src/tw.txt" "$TMP/src/cn.txt" --to pdf --style report -v -o "$TMP/conv"
[ "$(regions "$TMP/conv/tw.pdf")" = "tc" ] && [ "$(regions "$TMP/conv/cn.pdf")" = "sc" ] && pass ||
  fail "convert: tw '$(regions "$TMP/conv/tw.pdf")', cn '$(regions "$TMP/conv/cn.pdf")'"
grep -q "Traditional Chinese faces" "$TMP/err" && pass || fail "convert -v says which faces"
expect_exit 0 "batch" -- "$PAIBAN" batch "$TMP/src" --out "$TMP/batch" --to pdf --style report -q
[ "$(regions "$TMP/batch/tw.pdf")" = "tc" ] && [ "$(regions "$TMP/batch/cn.pdf")" = "sc" ] && pass ||
  fail "batch: tw '$(regions "$TMP/batch/tw.pdf")', cn '$(regions "$TMP/batch/cn.pdf")'"

finish
