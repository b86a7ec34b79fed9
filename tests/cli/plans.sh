# paiban typeset plan.xml: a page plan — articles by ref and inline, ranks, fixed modules — made up
# into one PDF; a plan with more text than fits jumps the story to page 2 with both jump lines and
# its short headline, its text whole and in order; bad plans fail naming the plan's line and the
# article, exit 1, no PDF.
source "$(dirname "$0")/lib.bash"
export SOURCE_DATE_EPOCH=1700000000
f=input/lvliang-cppcc-2024.txt
(printf '深化党的创新理论 坚定信念强根基\n\n'; sed -n 79,140p $f) > "$TMP/b.txt"
(printf '聚焦服务中心大局 协商议政图发展\n\n'; sed -n 143,200p $f) > "$TMP/c.txt"
(printf '加强思想政治引领 倾情画好同心圆\n\n'; sed -n 258,312p $f) > "$TMP/d.txt"
(printf '吕梁市政协2024年工作报告全文 凝心聚力谱新篇\n\n'; cat $f) > "$TMP/long.txt"
(printf '另一篇报道 第二版头条\n\n'; sed -n 200,250p $f) > "$TMP/p2.txt"

cat > "$TMP/plan.xml" <<'X'
<plan>
  <page>
    <article ref="b.txt" rank="lead"/>
    <article ref="c.txt" columns="3"/>
    <article rank="brief" source="简讯"><headline>本报简讯</headline><p>市政协召开常委会议，审议通过年度工作要点。</p></article>
  </page>
</plan>
X
expect_exit 0 "plan" -- "$PAIBAN" typeset "$TMP/plan.xml" -o "$TMP/plan.pdf" --debug-dump "$TMP/plan.dump"
[ "$(grep -c '^module ' "$TMP/plan.dump")" -eq 3 ] && pass || fail "dump: $(cat "$TMP/plan.dump")"
grep -q '^module article=1 .* w=3 .*c.txt' "$TMP/plan.dump" && pass || fail "columns=\"3\" not kept: $(cat "$TMP/plan.dump")"
pdftotext "$TMP/plan.pdf" - | tr -d ' \n' > "$TMP/text"
for probe in 深化党的创新理论 聚焦服务中心大局 审议通过年度工作要点; do
  grep -q "$probe" "$TMP/text" && pass || fail "pdftotext lacks $probe"
done

# A scanned page (reflow's <page>) by <page ref>: its articles made up, the first the lead.
cp tests/data/xml/page.xml "$TMP/scan.xml"
printf '<plan>\n<page ref="scan.xml"/>\n</plan>\n' > "$TMP/scanned.xml"
expect_exit 0 "page ref" -- "$PAIBAN" typeset "$TMP/scanned.xml" -o "$TMP/scanned.pdf" --debug-dump "$TMP/scanned.dump"
[ "$(grep -c '^module ' "$TMP/scanned.dump")" -eq "$(grep -c '<article' "$TMP/scan.xml")" ] && pass || fail "page ref: $(cat "$TMP/scanned.dump")"
pdftotext "$TMP/scanned.pdf" - | tr -d ' \n' | grep -q '为建设美丽幸福吕梁广泛凝心聚力' && pass || fail "page ref: the lead's headline"
printf '<plan>\n<page ref="b.txt"/>\n</plan>\n' > "$TMP/scanned.xml"
expect_exit 1 "page ref to an article" -- "$PAIBAN" typeset "$TMP/scanned.xml" -o "$TMP/scanned.pdf" &&
  expect_error_line 'scanned.xml:2: <page ref="b.txt">: is one article, not a page'

# Fixed modules: exactly where the plan puts them.
cat > "$TMP/fixed.xml" <<'X'
<plan jumps="off">
  <page>
    <article ref="b.txt" columns="1-3" rows="1-74"/>
    <article ref="c.txt" columns="4-6" rows="1-50"/>
    <article ref="d.txt" columns="4-6" rows="52-74" rank="brief"/>
  </page>
</plan>
X
expect_exit 0 "fixed modules" -- "$PAIBAN" typeset "$TMP/fixed.xml" -o "$TMP/fixed.pdf" --debug-dump "$TMP/dump"
grep -q '^module article=2 x=3 y=734.4 w=3 h=331.2 ' "$TMP/dump" && pass || fail "fixed module moved: $(cat "$TMP/dump")"

# More text than fits: the lead jumps to page 2.
cat > "$TMP/jump.xml" <<'X'
<plan>
  <page>
    <article ref="long.txt" rank="lead" short="政协工作报告"/>
    <article ref="c.txt"/>
    <article ref="d.txt"/>
  </page>
  <page><article ref="p2.txt" rank="lead"/></page>
</plan>
X
expect_exit 0 "jump" -- "$PAIBAN" typeset "$TMP/jump.xml" -o "$TMP/jump.pdf" --debug-dump "$TMP/jump.dump"
pdftotext -f 1 -l 1 "$TMP/jump.pdf" - | tr -d ' \n' > "$TMP/p1"
pdftotext -f 2 -l 2 "$TMP/jump.pdf" - | tr -d ' \n' > "$TMP/p2"
grep -q '（下转第2版）' "$TMP/p1" && pass || fail "page 1 lacks （下转第2版）"
grep -q '政协工作报告（上接第1版）' "$TMP/p2" && pass || fail "page 2 lacks the short headline and （上接第1版）"
! grep -q '（上接' "$TMP/p1" && pass || fail "page 1 has a 上接 line"
# The story whole and in order: its last sentence only after the jump, on page 2 or later.
last=$(grep -v '^\s*$' $f | tail -1 | tr -d ' ' | cut -c1-12)
pdftotext "$TMP/jump.pdf" - | tr -d ' \n' > "$TMP/all"
grep -q "$last" "$TMP/all" && ! grep -q "$last" "$TMP/p1" && pass || fail "the story's end is missing or on page 1"
# The story in order across the jump: a probe from every 40th of its lines, found in the PDF's
# text (content order, jump lines taken out) each after the one before.
export LC_ALL=C.UTF-8
pdftotext -raw "$TMP/jump.pdf" - | tr -d ' \n' | sed 's/（[上下][接转]第[0-9]版）//g' > "$TMP/raw"
prev=-1 ok=1
while read -r line; do
  probe=$(printf '%s' "$line" | tr -d ' ' | grep -o '^.\{0,10\}')
  [ ${#probe} -ge 6 ] || continue
  at=$(grep -bo -- "$probe" "$TMP/raw" | cut -d: -f1 | awk -v p="$prev" '$1 > p { print; exit }')  # c, d quote it too
  if [ -z "$at" ] || [ "$at" -le "$prev" ]; then ok=0; echo "out of order or missing: $probe"; break; fi
  prev=$at
done < <(grep -v '^\s*$' $f | awk 'NR % 40 == 1')
[ $ok -eq 1 ] && pass || fail "the jumped story is not whole and in order"

# The deepest white of the searched pages (printed, not checked: the plan's one-sentence brief
# cannot fill a module), for comparing make-up searches (docs/makeup.md).
for p in plan scanned jump; do
  [ -f "$TMP/$p.pdf" ] && echo "$p: $(python3 "$(dirname "$0")/holes.py" "$TMP/$p.pdf" "$TMP/$p.dump" | tr '\n' ' ')"
done

# Bad plans: one error naming the plan's line and the article, exit 1, no PDF.
bad() {  # NAME PATTERN: $TMP/bad.xml fails so
  rm -f "$TMP/bad.pdf"
  expect_exit 1 "$1" -- "$PAIBAN" typeset "$TMP/bad.xml" -o "$TMP/bad.pdf" && expect_error_line "$2"
  [ ! -e "$TMP/bad.pdf" ] && pass || fail "$1: a PDF was written"
}
printf '<plan>\n<page>\n<article ref="b.txt"/>\n<article ref="bad.xml"/>\n</page>\n</plan>\n' > "$TMP/bad.xml"
bad "self-reference" 'bad.xml:4: <article ref="bad.xml">: the plan refers to itself'
printf '<plan>\n<page>\n<article ref="nothere.xml"/>\n</page>\n</plan>\n' > "$TMP/bad.xml"
bad "missing file" 'bad.xml:3: <article ref="nothere.xml">: no such file'
{ echo '<plan>'; for i in $(seq 1000); do echo '<page><article ref="b.txt"/></page>'; done; echo '</plan>'; } > "$TMP/bad.xml"
bad "1000 pages" 'bad.xml:202:.*more than 200 pages'
printf '<plan>\n<page>\n<article ref="b.txt" columns="1-1" rows="1-2"/>\n<article ref="c.txt" columns="2-6" rows="1-74"/>\n</page>\n</plan>\n' > "$TMP/bad.xml"
bad "module too small for its headline" 'bad.xml:3: .*b.txt: its module (1 columns, 2 lines) is too small for its headline'
sed 's/<plan>/<plan jumps="off">/' "$TMP/jump.xml" > "$TMP/bad.xml"
bad "jumps off" 'bad.xml:3: .*long.txt: does not fit on the page'
finish
