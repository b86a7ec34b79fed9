# Issue 12's acceptance page: a plan of 6 articles of the development corpus (the lead with two
# pictures, the second with a box) makes one broadsheet page — modules apart, inside the type area,
# covering every column to its foot, no white deeper than 2 lines in any column (holes.py);
# every article's text whole and in order in pdftotext; the pictures in the lead's module at their
# resolution (pdfimages -list); one bookmark per article; pdftoppm, mutool and Ghostscript render
# it alike. Skips when ../shared/corpus or a renderer is absent.
source "$(dirname "$0")/lib.bash"
corpus=../shared/corpus/cctv-news-2022-2023.jsonl
[ -f "$corpus" ] || { echo "SKIP: $corpus is absent"; exit 0; }
for t in convert mutool gs python3; do command -v $t >/dev/null || { echo "SKIP: $t is not installed"; exit 0; }; done
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C.UTF-8
ids=(cctv-20231211-0 cctv-20231204-0 cctv-20231017-15 cctv-20230423-11 cctv-20230418-8 cctv-20221201-3)
mkdir -p "$TMP/pics"
convert -size 1200x800 gradient:skyblue-darkgreen -fill white -draw "rectangle 200,300 500,700" \
  -fill orange -draw "circle 900,300 900,150" "$TMP/pics/a.jpg"
convert -size 800x600 xc:none -fill navy -draw "rectangle 100,300 200,550" -fill firebrick -draw "rectangle 300,150 400,550" \
  -fill darkgreen -draw "rectangle 500,50 600,550" -fill black -draw "line 50,560 750,560" "$TMP/pics/b.png"
# Article XML for each item (1.xml … 6.xml), and each one's paragraphs (N.txt, one a line) for the text check.
python3 - "$corpus" "$TMP" "${ids[@]}" <<'PY'
import json, sys, html
corpus, out, ids = sys.argv[1], sys.argv[2], sys.argv[3:]
items = {}
for line in open(corpus, encoding='utf-8'):
    it = json.loads(line)
    if it['id'] in ids: items[it['id']] = it
for n, i in enumerate(ids, 1):
    blocks, body, texts, section = items[i]['blocks'], [], [], False
    head = '<headline>%s</headline>' % html.escape(blocks[0]['text'], quote=False)
    for b in blocks[1:]:
        t = html.escape(b['text'], quote=False)
        texts.append(b['text'])
        if b['type'] == 'heading':
            body.append(('</section>' if section else '') + '<section><heading><line>%s</line></heading>' % t)
            section = True
        else:
            body.append('<p>%s</p>' % t)
    if section: body.append('</section>')
    if n == 1:
        body.insert(1, '<figure src="pics/a.jpg" columns="2"><caption>图为经济建设现场。</caption><credit>新华社记者 摄</credit></figure>')
        body.insert(3, '<figure src="pics/b.png" columns="2"><caption>示意图：相关数据一览。</caption></figure>')
    if n == 2:
        k = [j for j, s in enumerate(body) if s.startswith('<p>')][2]
        body[k] = '<box>' + body[k] + '</box>'
    open('%s/%d.xml' % (out, n), 'w').write('<article source="%s">\n%s\n%s\n</article>\n' % (i, head, '\n'.join(body)))
    open('%s/%d.txt' % (out, n), 'w').write('\n'.join([blocks[0]['text']] + texts) + '\n')
PY
cat > "$TMP/plan.xml" <<'X'
<plan jumps="off">
  <page>
    <article ref="1.xml" rank="lead"/>
    <article ref="2.xml" rank="second"/>
    <article ref="3.xml" rank="brief"/>
    <article ref="4.xml" rank="brief"/>
    <article ref="5.xml" rank="brief"/>
    <article ref="6.xml" rank="brief"/>
  </page>
</plan>
X
expect_exit 0 "the acceptance plan" -- "$PAIBAN" typeset "$TMP/plan.xml" -o "$TMP/page.pdf" --debug-dump "$TMP/dump"
[ "$(pdfinfo "$TMP/page.pdf" | awk '/^Pages:/ { print $2 }')" = 1 ] && pass || fail "not one page"
[ "$(grep -c '^module ' "$TMP/dump")" -eq 6 ] && pass || fail "dump: $(cat "$TMP/dump")"
# Modules inside the type area, apart, covering every column to within a line of its foot, and
# none with more than 2 lines of white under its text.
awk '/^# page [0-9.]+x/ { split($0, a, " x "); split(a[2], b, " "); H = b[1] }
  /^module/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    n++; X[n] = v["x"]; Y[n] = v["y"]; W[n] = v["w"]; Hh[n] = v["h"]
    if (v["hole"] > 2) { print "hole: " $0; bad = 1 }
    if (v["x"] < 0 || v["x"] + v["w"] > 6 || v["y"] < 0 || v["y"] + v["h"] > H + 0.5) { print "outside: " $0; bad = 1 }
    for (c = v["x"]; c < v["x"] + v["w"]; c++) { area[c] += v["h"]; k[c]++; if (v["y"] + v["h"] > low[c]) low[c] = v["y"] + v["h"] } }
  END { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
      if (X[i] + W[i] > X[j] && X[j] + W[j] > X[i] && Y[i] + Hh[i] > Y[j] && Y[j] + Hh[j] > Y[i]) { print "overlap " i " " j; bad = 1 }
    for (c = 0; c < 6; c++) if (low[c] < H - 14.4 || area[c] + (k[c] - 1) * 14.4 < low[c] - 0.5) { print "column " c + 1; bad = 1 }
    exit bad }' "$TMP/dump" && pass || fail "modules: $(cat "$TMP/dump")"
# No white deeper than 2 lines anywhere in the type area, measured from a rendering column by
# column (tests/cli/holes.py: a run of pixel rows where one column's whole width has no ink).
holes=$(python3 "$(dirname "$0")/holes.py" "$TMP/page.pdf" "$TMP/dump" 2) && pass || fail "white deeper than 2 lines: $holes"
echo "acceptance page: $holes"
# KEEP=DIR keeps the page and its dump there, to look at.
[ -z "${KEEP:-}" ] || cp "$TMP/page.pdf" "$TMP/dump" "$KEEP/"
# The pictures: in the lead's module, at 2 columns; the JPEG as DCT, the PNG with its soft mask.
lead=$(grep '^module article=0 ' "$TMP/dump")
lx=$(sed 's/.* x=\([0-9]*\) .*/\1/' <<<"$lead") lw=$(sed 's/.* w=\([0-9]*\) .*/\1/' <<<"$lead")
ly=$(sed 's/.* y=\([0-9.]*\) .*/\1/' <<<"$lead") lh=$(sed 's/.* h=\([0-9.]*\) .*/\1/' <<<"$lead")
[ "$(grep -c '^picture ' "$TMP/dump")" -eq 2 ] && pass || fail "pictures: $(grep picture "$TMP/dump")"
grep '^picture ' "$TMP/dump" | sed 's/picture columns=\([0-9]*\)-\([0-9]*\) y=\([0-9.]*\) w=[0-9.]* h=\([0-9.]*\) .*/\1 \2 \3 \4/' |
  awk -v lx="$lx" -v lw="$lw" -v ly="$ly" -v lh="$lh" '{ if ($2 - $1 != 1 || $1 <= lx || $2 > lx + lw || $3 < ly || $3 + $4 > ly + lh) bad = 1 } END { exit bad }' \
  && pass || fail "a picture outside the lead's module ($lead): $(grep picture "$TMP/dump")"
pdfimages -list "$TMP/page.pdf" > "$TMP/images"
awk '$3 == "image" && $4 == 1200 && $5 == 800 && $9 == "jpeg" && $13 > 320 && $13 < 380 { a = 1 }
     $3 == "image" && $4 == 800 && $5 == 600 && $13 > 220 && $13 < 270 { b = 1 } $3 == "smask" && $4 == 800 { c = 1 }
     END { exit !(a && b && c) }' "$TMP/images" && pass || fail "pdfimages: $(cat "$TMP/images")"
# Each article's headline and paragraphs whole and in order in the page's text (content order).
pdftotext -raw "$TMP/page.pdf" - | tr -d ' \n' > "$TMP/raw"
for n in 1 2 3 4 5 6; do
  python3 - "$TMP/raw" "$TMP/$n.txt" <<'PY' && pass || fail "article $n: its text is not whole and in order"
import sys, re
raw = open(sys.argv[1]).read()
at = 0
for p in open(sys.argv[2]).read().split('\n'):
    p = re.sub(r'\s', '', p)
    if not p: continue
    k = raw.find(p, at)
    if k < 0: print('missing or out of order:', p[:30]); sys.exit(1)
    at = k + len(p)
PY
done
# One bookmark per article, by its headline.
[ "$(mutool show "$TMP/page.pdf" outline | grep -c '#page=1')" -eq 6 ] && pass || fail "outline: $(mutool show "$TMP/page.pdf" outline)"
# pdftoppm, mutool and Ghostscript render it alike: the pages averaged over 24 × 34 cells differ little.
pdftoppm -r 30 -gray -png -singlefile "$TMP/page.pdf" "$TMP/r1"
mutool draw -r 30 -c gray -o "$TMP/r2.png" "$TMP/page.pdf" 1 2>"$TMP/mutool.err" >/dev/null
# MuPDF reads every stream without complaint (it warned "premature end of data in flate filter" on
# an empty content stream libharu wrote under /FlateDecode; its ICC note is about its own build).
! grep -v "ICC support" "$TMP/mutool.err" | grep -qi "warning\|error" && pass || fail "mutool: $(head -2 "$TMP/mutool.err")"
gs -q -sDEVICE=pnggray -r30 -o "$TMP/r3.png" "$TMP/page.pdf"
for i in 1 2 3; do convert "$TMP/r$i.png" -colorspace Gray -filter box -resize '24x34!' "$TMP/s$i.png"; done
for pair in "1 2" "1 3" "2 3"; do
  set -- $pair
  d=$(compare -metric RMSE "$TMP/s$1.png" "$TMP/s$2.png" null: 2>&1 | sed 's/.*(\(.*\))/\1/')
  awk -v d="$d" 'BEGIN { exit !(d < 0.12) }' && pass || fail "renderers $1 and $2 differ: RMSE $d"
done
finish
