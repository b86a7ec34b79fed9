# paiban typeset --make-up: four parts of an article made up on one page — modules apart, in the
# type area and covering every column to its foot (from the dump), rules between them, a running
# head, every part's text in pdftotext, same bytes twice; too much text fails naming the article,
# exit 1, no PDF.
source "$(dirname "$0")/lib.bash"
f=input/lvliang-cppcc-2024.txt
sed -n 1,76p $f > "$TMP/a.txt"
(printf '深化党的创新理论 坚定信念强根基\n\n'; sed -n 79,140p $f) > "$TMP/b.txt"
(printf '聚焦服务中心大局 协商议政图发展\n\n'; sed -n 143,200p $f) > "$TMP/c.txt"
(printf '加强思想政治引领 倾情画好同心圆\n\n'; sed -n 258,312p $f) > "$TMP/d.txt"
export SOURCE_DATE_EPOCH=1700000000
parts=("$TMP/a.txt" "$TMP/b.txt" "$TMP/c.txt" "$TMP/d.txt")

expect_exit 0 "make-up" -- "$PAIBAN" typeset --make-up "${parts[@]}" -o "$TMP/page.pdf" --debug-dump "$TMP/dump"
[ "$(grep -c '^module ' "$TMP/dump")" -eq 4 ] && pass || fail "dump: $(cat "$TMP/dump")"
echo "four parts: $(python3 "$(dirname "$0")/holes.py" "$TMP/page.pdf" "$TMP/dump")"  # printed, for docs/makeup.md
# Every module inside 6 columns and the type area's height; no two rectangles overlap.
awk -v H="$(sed -n 's/.*columns x \([0-9.]*\) pt.*/\1/p' "$TMP/dump")" '
  /^module/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    n++; X[n] = v["x"]; Y[n] = v["y"]; W[n] = v["w"]; Hh[n] = v["h"]
    if (v["x"] < 0 || v["x"] + v["w"] > 6 || v["y"] < 0 || v["y"] + v["h"] > H + 0.5) { print "outside: " $0; bad = 1 } }
  END { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
      if (X[i] + W[i] > X[j] && X[j] + W[j] > X[i] && Y[i] + Hh[i] > Y[j] && Y[j] + Hh[j] > Y[i]) { print "overlap " i " " j; bad = 1 }
    exit bad }' "$TMP/dump" && pass || fail "modules: $(cat "$TMP/dump")"
# Every column covered from the top of the type area to within a line of its foot: modules with
# one-line gaps (the rules) between them, no hole.
awk -v H="$(sed -n 's/.*columns x \([0-9.]*\) pt.*/\1/p' "$TMP/dump")" '
  /^module/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    for (c = v["x"]; c < v["x"] + v["w"]; c++) { area[c] += v["h"]; n[c]++; if (v["y"] + v["h"] > low[c]) low[c] = v["y"] + v["h"] } }
  /^# page/ { pitch = 14.4 }
  END { for (c = 0; c < 6; c++) if (low[c] < H - 14.4 || area[c] + (n[c] - 1) * 14.4 < low[c] - 0.5) { print "column " c + 1 " ends at " low[c] " covered " area[c]; bad = 1 }
    exit bad }' "$TMP/dump" && pass || fail "holes: $(cat "$TMP/dump")"
[ "$(grep -c '^rule ' "$TMP/dump")" -eq 3 ] && pass || fail "rules between 4 modules: $(cat "$TMP/dump")"
pdftotext -raw "$TMP/page.pdf" - | head -1 | tr -d ' \n' | grep -q '排版日报.*第1版' && pass || fail "no running head"
pdftotext "$TMP/page.pdf" - | tr -d ' \n' > "$TMP/text"
for probe in 为建设美丽幸福吕梁 政协事业要发展 深化党的创新理论 聚焦服务中心大局 倾情画好同心圆; do
  grep -q "$probe" "$TMP/text" && pass || fail "pdftotext lacks $probe"
done
# Each part's last words come after its first (order within the module).
for p in a b c d; do
  first=$(sed -n '/[^ ]/{p;q}' "$TMP/$p.txt" | tr -d ' ' | cut -c1-6)
  last=$(grep -v '^ *$' "$TMP/$p.txt" | tail -1 | tr -d ' ' | cut -c1-6)
  i=$(grep -bo "$first" "$TMP/text" | head -1 | cut -d: -f1); j=$(grep -bo "$last" "$TMP/text" | tail -1 | cut -d: -f1)
  [ -n "$i" ] && [ -n "$j" ] && [ "$i" -lt "$j" ] && pass || fail "$p: '$first' at $i, '$last' at $j"
done
expect_exit 0 "again" -- "$PAIBAN" typeset --make-up "${parts[@]}" -o "$TMP/again.pdf"
cmp -s "$TMP/page.pdf" "$TMP/again.pdf" && pass || fail "two runs differ"

# Too much: the whole article four times over cannot share one page.
for i in 1 2 3 4 5; do cp $f "$TMP/long$i.txt"; done
expect_exit 1 "too long" -- "$PAIBAN" typeset --make-up "$TMP"/long{1,2,3,4,5}.txt -o "$TMP/over.pdf" &&
  expect_error_line 'long[0-9].txt: does not fit on the page'
[ ! -e "$TMP/over.pdf" ] && pass || fail "a partial PDF was written"
expect_exit 2 "no -o" -- "$PAIBAN" typeset --make-up "$TMP/a.txt"
# A module the articles cannot fill is named in a note (the page is still made).
printf '只有标题\n' > "$TMP/bare.txt"
expect_exit 0 "headline only" -- "$PAIBAN" typeset --make-up "$TMP/a.txt" "$TMP/bare.txt" -o "$TMP/bare.pdf" &&
  { grep -q '^paiban: note: bare.txt: [0-9]* lines left white under it' "$TMP/err" && pass || fail "no note: $(cat "$TMP/err")"; }
# More articles than one page is searched for: refused before anything is written.
expect_exit 2 "13 articles" -- "$PAIBAN" typeset --make-up $(for i in $(seq 13); do echo "$TMP/d.txt"; done) -o "$TMP/many.pdf" &&
  expect_error_line '13 articles for one page'
[ ! -e "$TMP/many.pdf" ] && pass || fail "a PDF was written for 13 articles"
finish
