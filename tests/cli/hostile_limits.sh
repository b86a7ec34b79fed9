# Limits (core/limits.h): each has a flag; going past one is one clear error line, exit 1, and no
# output file. Time stays linear: 1 MB in one line and 1 MB one character per line both finish.
source "$(dirname "$0")/lib.bash"
SAMPLE=input/lvliang-cppcc-2024.txt

# no_output FILE...: none of the files (nor a temp file next to them) exists.
no_output() {
  local f
  for f in "$@"; do
    if ls -A "$(dirname "$f")" 2>/dev/null | grep -q "$(basename "$f")"; then fail "left $(ls -A "$(dirname "$f")")"; return 1; fi
  done
  pass
}

expect_exit 1 "input size" -- "$PAIBAN" reflow "$SAMPLE" --max-input-size 10K -o "$TMP/o/a.xml" &&
  expect_error_line "lvliang-cppcc-2024.txt: input too large (14.4 KiB), more than the limit of 10 KiB" &&
  grep -q -- "--max-input-size" "$TMP/err" && no_output "$TMP/o/a.xml"
expect_exit 0 "input size raised" -- "$PAIBAN" reflow "$SAMPLE" --max-input-size 15K -o "$TMP/o/a.xml"
rm -rf "$TMP/o"

expect_exit 1 "input size from stdin" -- sh -c "'$PAIBAN' text - --max-input-size 1K < '$SAMPLE'" &&
  expect_error_line "<stdin>: input too large"

expect_exit 1 "line length" -- "$PAIBAN" text "$SAMPLE" --max-line-length 64 -o "$TMP/o/a.txt" &&
  expect_error_line "lvliang-cppcc-2024.txt:12: line too long (69 bytes), more than the limit of 64 bytes" &&
  grep -q -- "--max-line-length" "$TMP/err" && no_output "$TMP/o/a.txt"

expect_exit 1 "blocks" -- "$PAIBAN" convert "$SAMPLE" --max-blocks 20 --to xml,txt --out "$TMP/o" &&
  expect_error_line "lvliang-cppcc-2024.txt: too many blocks ([0-9]*), more than the limit of 20" &&
  grep -q -- "--max-blocks" "$TMP/err" && no_output "$TMP/o/lvliang-cppcc-2024.xml"

"$PAIBAN" reflow "$SAMPLE" -o "$TMP/sample.xml" 2>/dev/null
expect_exit 1 "blocks in XML" -- "$PAIBAN" text "$TMP/sample.xml" --max-blocks 20 &&
  expect_error_line "sample.xml:[0-9]*:[0-9]*: too many blocks"

printf '<article><section><box><heading><line>标题</line></heading><p>正文。</p></box></section></article>\n' > "$TMP/deep.xml"
expect_exit 0 "depth 5 is a valid article" -- "$PAIBAN" text "$TMP/deep.xml" --max-depth 5
{ printf '<article>'; for i in $(seq 1 40); do printf '<section>'; done; printf '\n'; } > "$TMP/deeper.xml"
expect_exit 1 "depth" -- "$PAIBAN" text "$TMP/deeper.xml" --max-depth 8 &&
  expect_error_line "deeper.xml:1:73: nested too deeply (9 levels), more than the limit of 8" &&
  grep -q -- "--max-depth" "$TMP/err"
expect_exit 2 "depth below an article's own" -- "$PAIBAN" text "$TMP/deep.xml" --max-depth 3

expect_exit 1 "pages" -- "$PAIBAN" typeset "$SAMPLE" --style report --max-pages 1 -o "$TMP/o/a.pdf" &&
  expect_error_line "lvliang-cppcc-2024.txt: too many pages (2), more than the limit of 1" &&
  grep -q -- "--max-pages" "$TMP/err" && no_output "$TMP/o/a.pdf"
expect_exit 1 "pages in convert" -- "$PAIBAN" convert "$SAMPLE" --style report --max-pages 1 --out "$TMP/o" &&
  expect_error_line "too many pages" && no_output "$TMP/o/lvliang-cppcc-2024.pdf"
expect_exit 2 "pages must be positive" -- "$PAIBAN" typeset "$SAMPLE" --max-pages 0

# batch: the same limits per article; the article past one fails alone (exit 3), with the
# limit's message in the report, and leaves no output.
mkdir -p "$TMP/bsrc"
cp "$SAMPLE" "$TMP/bsrc/"
printf '政协事业要发展，党的领导是根本。\n' > "$TMP/bsrc/small.txt"
expect_exit 3 "batch: blocks per article" -- "$PAIBAN" batch "$TMP/bsrc" --out "$TMP/bout" --max-blocks 20 -q
grep -q "lvliang-cppcc-2024.txt: too many blocks ([0-9]*), more than the limit of 20" "$TMP/bout/report.json" &&
  [ -s "$TMP/bout/small.xml" ] && ! ls "$TMP/bout" | grep -q lvliang && pass || fail "batch limits: $(ls "$TMP/bout")"

# Time linear in input size (no timing threshold: ctest's timeout is the bound) and the output
# right: 1 MB in one line comes back as that one line; 1 MB one character per line keeps every
# character in order (a paragraph each: more blocks than the default limit, which is said).
python3 - "$TMP" <<'PY'
import random, sys
random.seed(7)
han = "政协事业要发展党的领导是根本为建设美丽幸福吕梁广泛凝心聚力"
s = "".join(random.choice(han) for _ in range(349525))
open(sys.argv[1] + "/line.txt", "w").write(s + "\n")
open(sys.argv[1] + "/chars.txt", "w").write("\n".join(s[:262144]) + "\n")
PY
[ "$(stat -c %s "$TMP/line.txt")" -eq 1048576 ] && [ "$(stat -c %s "$TMP/chars.txt")" -eq 1048576 ] && pass || fail "test inputs are not 1 MB"

expect_exit 0 "1 MB single line" -- "$PAIBAN" convert "$TMP/line.txt" --to xml,txt --out "$TMP/l"
cmp -s <(tr -d '\n' < "$TMP/l/line.txt") <(tr -d '\n' < "$TMP/line.txt") && pass || fail "1 MB line: text differs"
xmllint --noout --relaxng schema/article.rng "$TMP/l/line.xml" 2>/dev/null && pass || fail "1 MB line: XML invalid"

expect_exit 1 "1 MB of one-character lines: past the block limit" -- "$PAIBAN" text "$TMP/chars.txt" &&
  expect_error_line "chars.txt: too many blocks (262144), more than the limit of 100000"
expect_exit 0 "1 MB of one-character lines" -- "$PAIBAN" convert "$TMP/chars.txt" --max-blocks 300000 \
  --to xml,txt,pdf --out "$TMP/c"
cmp -s <(tr -d '\n' < "$TMP/c/chars.txt") <(tr -d '\n' < "$TMP/chars.txt") && pass || fail "1 MB of lines: text differs"
[ "$(grep -c '<p ' "$TMP/c/chars.xml")" -eq 262143 ] && pass || fail "1 MB of lines: want 262143 <p>"
# In content-stream order, every body line holds one character (running heads hold more).
pdftotext -raw "$TMP/c/chars.pdf" - | python3 -c 'import sys; print("".join(l for l in sys.stdin.read().replace("\f", "\n").split("\n") if len(l) == 1))' \
  > "$TMP/c/pdf.txt"
cmp -s <(tr -d '\n' < "$TMP/c/pdf.txt") <(tr -d '\n' < "$TMP/chars.txt") && pass || fail "1 MB of lines: PDF text differs"

finish
