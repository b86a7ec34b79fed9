# paiban typeset: raw text or article XML → newspaper PDF (run by ctest as: bash tests/cli/typeset.sh PAIBAN).
source "$(dirname "$0")/lib.bash"
SAMPLE=input/lvliang-cppcc-2024.txt

# Default output: IN with .pdf, next to it; the debug dump has one line per laid-out line.
cp "$SAMPLE" "$TMP/article.txt"
expect_exit 0 "the sample" -- "$PAIBAN" typeset "$TMP/article.txt" --debug-dump "$TMP/lines.txt"
! grep -q "warning:" "$TMP/err" && pass || fail "no warnings on the sample (reflow notes may appear)"
head -c 5 "$TMP/article.pdf" | grep -q "%PDF-" && pass || fail "default output IN.pdf"
[ "$(grep -c "^p=1 c=[0-9] " "$TMP/lines.txt")" -gt 300 ] && pass || fail "debug dump written"
grep -q "headline 为建设美丽幸福吕梁广泛凝心聚力$" "$TMP/lines.txt" && pass || fail "dump names the headline"

# From article XML (reflow's output): the same PDF as from the text.
"$PAIBAN" reflow "$SAMPLE" -o "$TMP/article.xml"
SOURCE_DATE_EPOCH=0 "$PAIBAN" typeset "$TMP/article.xml" -o "$TMP/from-xml.pdf"
SOURCE_DATE_EPOCH=0 "$PAIBAN" typeset "$TMP/article.txt" -o "$TMP/from-txt.pdf"
cmp -s "$TMP/from-xml.pdf" "$TMP/from-txt.pdf" && pass || fail "XML and text give the same PDF"

# Styles by name and by file; stdout.
"$PAIBAN" typeset "$SAMPLE" --style tabloid -o "$TMP/t.pdf"
pdfinfo "$TMP/t.pdf" | grep -q "^Pages: *2$" && pass || fail "tabloid: 2 pages"
"$PAIBAN" typeset "$SAMPLE" --style styles/report.xml -o - > "$TMP/r.pdf"
pdfinfo "$TMP/r.pdf" | grep -q "^Pages: *[3-5]$" && pass || fail "report by file, to stdout"
pdfinfo "$TMP/r.pdf" | grep -q "Page size: *595.* x 841.* pts" && pass || fail "A4 report"
# Every stream decodes cleanly in MuPDF too (a page with no rules or pictures has an empty first
# content stream: it must not claim /FlateDecode with no data).
if command -v mutool >/dev/null; then
  mutool draw -o /dev/null -F png -r 10 "$TMP/r.pdf" 2>"$TMP/mutool.err" >/dev/null
  ! grep -v "ICC support" "$TMP/mutool.err" | grep -qi "warning\|error" && pass || fail "mutool: $(head -2 "$TMP/mutool.err")"
fi

# A Traditional variant of a style by a font change only: the TC sample set in broadsheet-tc
# embeds Noto Serif CJK TC and copies out whole.
"$PAIBAN" typeset tests/data/vertical/lvliang-tw.xml --style broadsheet-tc -o "$TMP/tc.pdf"
pdffonts "$TMP/tc.pdf" | grep -q "NotoSerifCJKtc" && pass || fail "broadsheet-tc embeds Noto Serif CJK TC"
! pdffonts "$TMP/tc.pdf" | grep -q "CJKsc" && pass || fail "broadsheet-tc embeds no SC face"
# Every paragraph whole in content-stream order (-raw; the default mode joins lines across columns).
pdftotext -raw "$TMP/tc.pdf" "$TMP/tc.txt"
python3 - tests/data/vertical/lvliang-tw.xml "$TMP/tc.txt" <<'PY' && pass || fail "broadsheet-tc: every paragraph whole in pdftotext -raw"
import sys, xml.etree.ElementTree as ET
text = "".join(open(sys.argv[2], encoding="utf-8").read().split())  # no spaces, line or page breaks
paras = ["".join("".join(e.itertext()).split()) for e in ET.parse(sys.argv[1]).iter() if e.tag in ("p", "headline")]
missing = [p[:20] for p in paras if p not in text]
print("missing:", missing) if missing else None
sys.exit(1 if missing or not paras else 0)
PY
expect_exit 0 "tabloid-tc" -- "$PAIBAN" typeset tests/data/vertical/lvliang-tw.xml --style tabloid-tc -o "$TMP/tc2.pdf"
pdffonts "$TMP/tc2.pdf" | grep -q "NotoSansCJKtc-Bold" && pass || fail "tabloid-tc embeds Noto Sans CJK TC Bold (headline)"

# Errors: one message with a hint, the documented exit code, no output left behind.
expect_exit 1 "unknown style" -- "$PAIBAN" typeset "$SAMPLE" --style nosuch -o "$TMP/x.pdf"
grep -q "hint: available styles: broadsheet, report, tabloid" "$TMP/err" && pass || fail "unknown style: lists styles"
[ ! -e "$TMP/x.pdf" ] && pass || fail "unknown style: no output"
sed 's/size="9pt"/size="14pt"/' styles/broadsheet.xml > "$TMP/bad.xml"
expect_exit 1 "bad style value" -- "$PAIBAN" typeset "$SAMPLE" --style "$TMP/bad.xml" -o "$TMP/x.pdf"
grep -q "bad.xml:[0-9]*:[0-9]*: body/@size: body text must be 8–10.5 pt" "$TMP/err" && pass || fail "bad style value: file:line:column: field"
expect_exit 1 "missing input" -- "$PAIBAN" typeset "$TMP/missing.txt" -o "$TMP/x.pdf"
[ ! -e "$TMP/x.pdf" ] && pass || fail "missing input: no output"
printf '<article><p>未闭合' > "$TMP/broken.xml"
expect_exit 1 "malformed XML" -- "$PAIBAN" typeset "$TMP/broken.xml" -o "$TMP/x.pdf"
expect_exit 2 "unknown option" -- "$PAIBAN" typeset "$SAMPLE" --nosuch
expect_exit 2 "no input" -- "$PAIBAN" typeset
[ -z "$(ls -A "$TMP" | grep "\.tmp-")" ] && pass || fail "no temp files left"
expect_exit 1 "unknown -tc" -- "$PAIBAN" typeset "$SAMPLE" --style nosuch-tc -o "$TMP/x.pdf"
grep -q "nosuch" "$TMP/err" && pass || fail "unknown -tc style: named in the error"

# Vertical writing (vertical-rl styles): Identity-V fonts, the text whole, make-up refused.
V=tests/data/vertical/short.xml
expect_exit 0 "vertical-book" -- "$PAIBAN" typeset "$V" --style vertical-book -o "$TMP/v.pdf"
pdffonts "$TMP/v.pdf" | grep -q "Identity-V *yes yes yes" && pass || fail "vertical: an embedded Identity-V font with ToUnicode"
pdftotext "$TMP/v.pdf" - | tr -d ' \n' | grep -q "直排試印：「縱中橫」與西文" && pass || fail "vertical: the headline copies out in order"
qpdf --check "$TMP/v.pdf" > /dev/null && pass || fail "vertical: qpdf --check"
expect_exit 1 "vertical make-up" -- "$PAIBAN" typeset --make-up "$V" --style vertical-broadsheet -o "$TMP/vm.pdf"
grep -q "make-up does not set vertical-rl pages yet" "$TMP/err" && pass || fail "vertical make-up: refused with a reason"
[ ! -e "$TMP/vm.pdf" ] && pass || fail "vertical make-up: no output"
# Content-stream order is reading order, across upright, sideways and across (tate-chu-yoko) runs.
pdftotext -raw "$TMP/v.pdf" - | tr -d '\n' | grep -q "吸引約300名球迷到場。他表示：「這是我第7次來台灣，每次都很開心。」主辦單位說，本次活動共有2024張門票，Apple與Google均派員出席。" && pass || fail "vertical: pdftotext -raw gives the paragraph in reading order"
# Plain pdftotext and MuPDF too: each vertical line is one /ActualText span (lines mixing Han with
# rotated Latin and tate-chu-yoko numbers were scattered by direction), the page in reading order.
python3 - "$V" "$TMP/v.pdf" <<'PY' && pass || fail "vertical: every block whole and in order in pdftotext, -raw and mutool"
import re, subprocess, sys, xml.etree.ElementTree as ET
blocks = ["".join("".join(e.itertext()).split()) for e in ET.parse(sys.argv[1]).getroot()]
outs = {"pdftotext": ["pdftotext", sys.argv[2], "-"], "-raw": ["pdftotext", "-raw", sys.argv[2], "-"],
        "mutool": ["mutool", "draw", "-q", "-F", "txt", sys.argv[2]]}
bad = []
for name, cmd in outs.items():
    text = "".join(subprocess.run(cmd, capture_output=True, text=True).stdout.split())
    at = 0
    for b in blocks:
        k = text.find(b, at)
        if k < 0: bad.append((name, b[:12])); break
        at = k + len(b)
print(bad) if bad else None
sys.exit(1 if bad or len(blocks) != 4 else 0)
PY
grep -c "/ActualText" <(qpdf --qdf --object-streams=disable "$TMP/v.pdf" -) | grep -qv "^0$" && pass || fail "vertical: /ActualText spans written"

# A head across a vertical page (vertical-broadsheet-across): the headline a horizontal Identity-H
# font at the top, the body Identity-V below; pdftotext reads the headline first, then the body.
expect_exit 0 "vertical across" -- "$PAIBAN" typeset "$V" --style vertical-broadsheet-across -o "$TMP/va.pdf"
pdffonts "$TMP/va.pdf" | grep -Eq "SerifCJKtc-Bold-Identity-H +CID Type 0C +Identity-H +yes yes yes" && pass || fail "vertical across: the headline's Serif Bold in Identity-H"
pdffonts "$TMP/va.pdf" | grep -q "SerifCJKtc-Bold.*Identity-V" && fail "vertical across: the headline's face has no vertical font" || pass
pdffonts "$TMP/va.pdf" | grep -q "Identity-V *yes yes yes" && pass || fail "vertical across: the body in Identity-V"
qpdf --check "$TMP/va.pdf" > /dev/null && pass || fail "vertical across: qpdf --check"
mutool draw -o /dev/null -F png -r 10 "$TMP/va.pdf" 2>"$TMP/mutool.err" >/dev/null
! grep -v "ICC support" "$TMP/mutool.err" | grep -qi "warning\|error" && pass || fail "vertical across: mutool: $(head -2 "$TMP/mutool.err")"
python3 - "$V" "$TMP/va.pdf" <<'PY' && pass || fail "vertical across: the headline first, every block whole and in order"
import subprocess, sys, xml.etree.ElementTree as ET
blocks = ["".join("".join(e.itertext()).split()) for e in ET.parse(sys.argv[1]).getroot()]
bad = []
for cmd in (["pdftotext", sys.argv[2], "-"], ["pdftotext", "-raw", sys.argv[2], "-"]):
    text = "".join(subprocess.run(cmd, capture_output=True, text=True).stdout.split())
    text = text.replace("排版日報", "", 1).replace("第1版", "", 1)  # the running header
    if not text.startswith(blocks[0]): bad.append((cmd[1], "headline not first", text[:20]))
    at = 0
    for b in blocks:
        k = text.find(b, at)
        if k < 0: bad.append((cmd[1], b[:12])); break
        at = k + len(b)
print(bad) if bad else None
sys.exit(1 if bad else 0)
PY
sed 's/<headline font="heading"/<headline orientation="horizontal" font="heading"/' styles/vertical-book.xml > "$TMP/book-across.xml"
expect_exit 1 "across head on one band" -- "$PAIBAN" typeset "$V" --style "$TMP/book-across.xml" -o "$TMP/vb.pdf"
grep -q "paiban: error: .*short.xml.*book-across.xml.*needs 1 of the page's 1 column bands" "$TMP/err" && pass || fail "across head on one band: the error names the input, the style and the cause"
[ ! -e "$TMP/vb.pdf" ] && pass || fail "across head on one band: no PDF"

# Mixed-direction boxes (a box asking for the other writing mode, in the article or the style):
# one clear error naming the file and the element, with a hint, exit 1, no PDF.
sed 's|<p src="4">|<box writing-mode="horizontal-tb"><p src="4">|; s|延續。</p>|延續。</p></box>|' "$V" > "$TMP/mixed.xml"
expect_exit 1 "mixed-direction box in the article" -- "$PAIBAN" typeset "$TMP/mixed.xml" --style vertical-book -o "$TMP/vm2.pdf"
expect_error_line 'mixed.xml:6:3: <box>: writing-mode="horizontal-tb": .*mixed-direction boxes'
grep -q "^  hint: .*writing-mode" "$TMP/err" && pass || fail "mixed-direction box in the article: a hint"
[ ! -e "$TMP/vm2.pdf" ] && pass || fail "mixed-direction box in the article: no PDF"
sed 's|<box font="box"|<box writing-mode="horizontal-tb" font="box"|' styles/vertical-book.xml > "$TMP/book-hbox.xml"
expect_exit 1 "mixed-direction box in the style" -- "$PAIBAN" typeset "$V" --style "$TMP/book-hbox.xml" -o "$TMP/vm3.pdf"
expect_error_line 'book-hbox.xml:[0-9]*:[0-9]*: box/@writing-mode: a horizontal-tb box on a vertical-rl page is not supported'
grep -q "^  hint: .*remove the attribute" "$TMP/err" && pass || fail "mixed-direction box in the style: a hint"
[ ! -e "$TMP/vm3.pdf" ] && pass || fail "mixed-direction box in the style: no PDF"

finish
