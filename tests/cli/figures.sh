# Pictures in articles: <figure src columns><caption><credit> — a JPEG embedded as it is (DCT) at
# the width of its columns, a PNG with its alpha as a soft mask, --gray making both gray, the same
# in make-up; a missing, corrupt, not-a-picture or 30000×30000 picture: exit 1 naming the article
# and the figure, no PDF. Test pictures are made here with ImageMagick.
source "$(dirname "$0")/lib.bash"
command -v convert >/dev/null || { echo "SKIP: ImageMagick's convert is not installed"; exit 0; }
export SOURCE_DATE_EPOCH=1700000000
mkdir -p "$TMP/pics"
convert -size 1200x800 gradient:orange-navy -fill yellow -draw "circle 600,400 600,150" "$TMP/pics/photo.jpg"
convert -size 600x450 xc:none -fill red -draw "circle 300,225 300,50" "$TMP/pics/chart.png"
f=input/lvliang-cppcc-2024.txt
para() { sed -n "$1p" $f | grep -v '^\s*$' | sed 's/^ *//; s/.*/<p>&<\/p>/'; }
{ echo '<article source="fig.xml"><headline>吕梁市政协工作纪实</headline><byline>本报记者</byline>'
  para 3,20
  echo '<figure src="pics/photo.jpg" columns="2"><caption>委员在基层调研。</caption><credit>本报记者 摄</credit></figure>'
  para 21,40
  echo '<figure src="pics/chart.png"><caption>图表：协商议政成果</caption></figure></article>'; } > "$TMP/fig.xml"

expect_exit 0 "typeset with figures" -- "$PAIBAN" typeset "$TMP/fig.xml" -o "$TMP/fig.pdf"
pdfimages -list "$TMP/fig.pdf" > "$TMP/list"
# The JPEG as its own DCT data in colour; at 2 of the broadsheet's 6 columns (about 250 pt) it
# prints at about 1200 px / 3.5 in ≈ 340 ppi.
awk '$3 == "image" && $4 == 1200 && $5 == 800 && $6 == "rgb" && $9 == "jpeg" && $13 > 300 && $13 < 400 { ok = 1 } END { exit !ok }' "$TMP/list" \
  && pass || fail "photo.jpg not embedded as DCT at ~340 ppi: $(cat "$TMP/list")"
awk '$3 == "image" && $4 == 600 && $6 == "rgb" { a = 1 } $3 == "smask" && $4 == 600 { b = 1 } END { exit !(a && b) }' "$TMP/list" \
  && pass || fail "chart.png without its soft mask: $(cat "$TMP/list")"
pdftotext "$TMP/fig.pdf" - | tr -d ' \n' > "$TMP/text"
for probe in 委员在基层调研 本报记者摄 图表：协商议政成果; do
  grep -q "$probe" "$TMP/text" && pass || fail "pdftotext lacks $probe"
done

expect_exit 0 "--gray" -- "$PAIBAN" typeset "$TMP/fig.xml" -o "$TMP/gray.pdf" --gray
pdfimages -list "$TMP/gray.pdf" | awk '$3 == "image" { n++; if ($6 != "gray") bad = 1 } END { exit bad || n != 2 }' \
  && pass || fail "--gray left colour: $(pdfimages -list "$TMP/gray.pdf")"

# A CMYK JPEG: embedded as is, and made gray with --gray (libjpeg cannot: paiban does).
convert "$TMP/pics/photo.jpg" -colorspace CMYK "$TMP/pics/cmyk.jpg"
sed 's|pics/photo.jpg|pics/cmyk.jpg|' "$TMP/fig.xml" > "$TMP/cmyk.xml"
expect_exit 0 "CMYK" -- "$PAIBAN" typeset "$TMP/cmyk.xml" -o "$TMP/cmyk.pdf"
pdfimages -list "$TMP/cmyk.pdf" | grep -q ' cmyk  *4  *8  *jpeg' && pass || fail "CMYK JPEG: $(pdfimages -list "$TMP/cmyk.pdf")"
expect_exit 0 "CMYK --gray" -- "$PAIBAN" typeset "$TMP/cmyk.xml" -o "$TMP/cmyk.pdf" --gray
pdfimages -list "$TMP/cmyk.pdf" | awk '$3 == "image" && $4 == 1200 && $6 == "gray" { ok = 1 } END { exit !ok }' \
  && pass || fail "CMYK --gray: $(pdfimages -list "$TMP/cmyk.pdf")"

(printf '深化党的创新理论 坚定信念强根基\n\n'; sed -n 79,140p $f) > "$TMP/b.txt"
(printf '聚焦服务中心大局 协商议政图发展\n\n'; sed -n 143,200p $f) > "$TMP/c.txt"
expect_exit 0 "make-up with figures" -- "$PAIBAN" typeset --make-up "$TMP/fig.xml" "$TMP/b.txt" "$TMP/c.txt" \
  -o "$TMP/page.pdf" --debug-dump "$TMP/dump"
[ "$(pdfimages -list "$TMP/page.pdf" | awk '$3 == "image"' | wc -l)" -eq 2 ] && pass || fail "make-up lost a picture"
# The lead's module is at least as wide as its 2-column picture.
grep -q '^module article=0 .* w=[2-6] ' "$TMP/dump" && pass || fail "lead module: $(cat "$TMP/dump")"

# Two articles in two folders, each with its own "photo.jpg": two pictures, not one twice.
mkdir -p "$TMP/one" "$TMP/two"
convert -size 300x200 xc:red "$TMP/one/photo.jpg"
convert -size 400x300 xc:blue "$TMP/two/photo.jpg"
for d in one two; do
  { echo "<article source=\"$d\"><headline>${d}的图片新闻标题</headline>"; para 41,60
    echo '<figure src="photo.jpg"><caption>图片说明。</caption></figure></article>'; } > "$TMP/$d/a.xml"
done
expect_exit 0 "same src in two folders" -- "$PAIBAN" typeset --make-up "$TMP/one/a.xml" "$TMP/two/a.xml" -o "$TMP/two.pdf"
[ "$(pdfimages -list "$TMP/two.pdf" | awk '$3 == "image" { print $4 "x" $5 }' | sort | tr '\n' ' ')" = "300x200 400x300 " ] \
  && pass || fail "same-named pictures mixed up: $(pdfimages -list "$TMP/two.pdf")"

# Bad pictures: one error line naming the article and the figure, exit 1, no PDF.
head -c 20000 "$TMP/pics/photo.jpg" > "$TMP/pics/cut.jpg"
echo 'not a picture' > "$TMP/pics/text.jpg"
printf '\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x75\x30\0\0\x75\x30\x08\x02\0\0\0\0\0\0\0' > "$TMP/pics/huge.png"
for case in "missing.jpg:cannot read" "cut.jpg:cannot be decoded" "text.jpg:not a JPEG or PNG" "huge.png:30000×30000 pixels"; do
  pic=${case%%:*} want=${case#*:}
  sed "s|pics/photo.jpg|pics/$pic|" "$TMP/fig.xml" > "$TMP/bad.xml"
  rm -f "$TMP/bad.pdf"
  expect_exit 1 "$pic" -- "$PAIBAN" typeset "$TMP/bad.xml" -o "$TMP/bad.pdf" &&
    expect_error_line "bad.xml: <figure src=\"pics/$pic\">: .*$want"
  [ ! -e "$TMP/bad.pdf" ] && pass || fail "$pic: a PDF was written"
  expect_exit 1 "$pic in make-up" -- "$PAIBAN" typeset --make-up "$TMP/bad.xml" "$TMP/b.txt" -o "$TMP/bad.pdf"
  [ ! -e "$TMP/bad.pdf" ] && pass || fail "$pic: make-up wrote a PDF"
done
finish
