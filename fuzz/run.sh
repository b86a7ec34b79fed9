#!/usr/bin/env bash
# Runs the libFuzzer targets one after another (never in parallel: the machine is shared),
# each for SECONDS with a seed corpus built from the tests' data and the sample.
#   fuzz/run.sh BUILD_DIR SECONDS [TARGET...]      (from the repo root; `make fuzz` calls it)
# Per target: working corpus in BUILD_DIR/corpus/T (kept between runs), seeds in
# BUILD_DIR/seeds/T (rebuilt each run), crashes in BUILD_DIR/findings/T/, the log in
# BUILD_DIR/logs/T.log. A summary line per target goes to BUILD_DIR/fuzz-summary.txt.
# Exit status: non-zero when any target found something (a crash, a leak, a timeout).
set -uo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzz.cpp; do t=$(basename "$f" .cpp); [ -x "$build/fuzz/$t" ] && targets+=("$t"); done
fi

# Small pieces of the sample: libFuzzer mutates small inputs far faster than a whole article.
sample_pieces() {  # DIR LINES_PER_PIECE
  local n=0
  for f in input/*.txt; do
    split -l "$2" -d -a 3 "$f" "$1/piece-$n-"
    n=$((n + 1))
  done
}

seeds_decode_reflow_fuzz() {
  local d=$1
  cp input/*.txt "$d/"
  sample_pieces "$d" 24
  local s=input/lvliang-cppcc-2024.txt
  head -c 3000 "$s" | iconv -f UTF-8 -t GB18030 >"$d/gb18030.txt" 2>/dev/null
  { printf '\xff\xfe'; head -c 3000 "$s" | iconv -f UTF-8 -t UTF-16LE; } >"$d/utf16le-bom.txt" 2>/dev/null
  head -c 3000 "$s" | iconv -f UTF-8 -t UTF-16BE >"$d/utf16be.txt" 2>/dev/null
  head -c 3000 "$s" | iconv -c -f UTF-8 -t BIG5 >"$d/big5.txt" 2>/dev/null
  head -c 3000 "$s" | sed 's/$/\r/' >"$d/crlf.txt"
  find tests/data -type f \( -name '*.txt' -o -name '*.in' \) -size -64k -exec cp --backup=numbered -t "$d" {} + 2>/dev/null
  true
}

seeds_xml_fuzz() {
  local d=$1
  find tests/data -type f -name '*.xml' -size -64k -exec cp --backup=numbered -t "$d" {} + 2>/dev/null
  # Article XML of the sample and its pieces, when a paiban binary that can reflow is at hand.
  local bin=
  for b in "$build/paiban" build/paiban; do [ -x "$b" ] && { bin=$b; break; }; done
  if [ -n "$bin" ]; then
    local tmp; tmp=$(mktemp -d)
    sample_pieces "$tmp" 40
    for f in input/*.txt "$tmp"/piece-*; do
      "$bin" reflow "$f" -o "$d/$(basename "$f").xml" >/dev/null 2>&1 || rm -f "$d/$(basename "$f").xml"
    done
    rm -rf "$tmp"
  fi
  true
}

seeds_style_fuzz() {
  local d=$1
  cp styles/*.xml "$d/"
  grep -l '<style' $(find tests/data -type f -name '*.xml') 2>/dev/null | xargs -r cp --backup=numbered -t "$d"
  true
}

seeds_typeset_fuzz() {
  local d=$1
  sample_pieces "$d" 6
  cp tests/data/xml/full.xml tests/data/xml/page.xml tests/data/xml/pages.xml "$d/" 2>/dev/null
  true
}

# Small page images of the sample in every format the readers take, and the hostile records' bytes.
seeds_scan_pdf_fuzz() {  # PDFs typeset from the sample, and an image-only page made from one
  local d=$1 bin=
  for b in "$build/paiban" build/paiban; do [ -x "$b" ] && { bin=$b; break; }; done
  [ -n "$bin" ] || return 0
  head -c 2000 input/lvliang-cppcc-2024.txt >"$d/short.txt"
  "$bin" typeset "$d/short.txt" --style tabloid -o "$d/short.pdf" >/dev/null 2>&1
  rm -f "$d/short.txt"
  find tests/data -name '*.pdf' -size -64k -exec cp --backup=numbered -t "$d" {} + 2>/dev/null
  python3 - "$d/scan.pdf" <<'PY'
import sys
px = b"\xff" * (40 * 30)
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14 11] /Resources << /XObject << /I 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 40 /Height 30 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n" % len(px) + px + b"\nendstream",
        b"<< /Length 24 >>\nstream\nq 14 0 0 11 0 0 cm /I Do Q\nendstream"]
out, offs = b"%PDF-1.4\n", []
for i, o in enumerate(objs):
    offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % x
open(sys.argv[1], "wb").write(out)
PY
  true
}

seeds_scan_image_fuzz() {
  local d=$1 bin=
  for b in "$build/paiban" build/paiban; do [ -x "$b" ] && { bin=$b; break; }; done
  if [ -n "$bin" ] && command -v pdftoppm >/dev/null; then
    local tmp; tmp=$(mktemp -d)
    if "$bin" typeset input/lvliang-cppcc-2024.txt -o "$tmp/s.pdf" >/dev/null 2>&1; then
      pdftoppm -r 30 -gray -png -singlefile "$tmp/s.pdf" "$d/page" 2>/dev/null
      pdftoppm -r 20 -mono -tiff -singlefile "$tmp/s.pdf" "$d/page-mono" 2>/dev/null
      pdftoppm -r 20 -gray -jpeg -singlefile "$tmp/s.pdf" "$d/page" 2>/dev/null
      pdftoppm -r 15 -gray -singlefile "$tmp/s.pdf" "$d/page" 2>/dev/null  # PGM
    fi
    rm -rf "$tmp"
  fi
  python3 - "$d" <<'PY' 2>/dev/null
import re, sys
for n, m in enumerate(re.finditer(r'^input: (.*)$', open('tests/data/hostile/scan.tests').read(), re.M)):
    b = re.sub(rb'\\x([0-9A-Fa-f]{2})', lambda x: bytes([int(x.group(1), 16)]), m.group(1).encode())
    b = b.replace(b'\\n', b'\n').replace(b'\\r', b'\r')
    open(f'{sys.argv[1]}/hostile-{n}', 'wb').write(b)
PY
  true
}

seeds_plan_fuzz() {  # the hostile plans' inputs
  local d=$1
  python3 - "$d" <<'PY' 2>/dev/null
import re, sys
for n, m in enumerate(re.finditer(r'^input: (.*)$', open('tests/data/hostile/plan.tests').read(), re.M)):
    open(f'{sys.argv[1]}/hostile-{n}', 'w').write(m.group(1).replace('\\n', '\n'))
PY
  true
}

seeds_figure_image_fuzz() {  # small pictures as cameras and charts give them, when ImageMagick is there
  local d=$1
  command -v convert >/dev/null || return 0
  convert -size 40x30 gradient:orange-navy "$d/photo.jpg"
  convert -size 40x30 gradient:orange-navy -interlace JPEG "$d/progressive.jpg"
  convert -size 40x30 gradient:white-black -colorspace Gray "$d/gray.jpg"
  convert -size 30x20 xc:none -fill red -draw "circle 15,10 15,2" "$d/alpha.png"
  convert -size 30x20 xc:white -fill black -draw "circle 15,10 15,2" -depth 8 -type Palette "$d/palette.png"
  true
}

seeds_ocr_read_fuzz() {
  local d=$1
  find tests/data/ocr -type f \( -name '*.hocr' -o -name '*.xml' \) -size -64k -exec cp --backup=numbered -t "$d" {} + 2>/dev/null
  true
}

seeds_batch_names_fuzz() {  # names as archivers store them: GBK, Big5 (0x5C seconds), Shift_JIS, UTF-8
  local d=$1
  printf '\xd0\xc2\xce\xc5/\xd0\xed\xb9\xa6\xb8\xc7.txt\0\xd5\x5c\xd0\xc5/\xdf\x5c\x84\xd3.txt' >"$d/gbk"
  printf '\xb7\x73\xbb\x44/\xb3\x5c\xa5\x5c\xbb\x5c.txt' >"$d/big5"
  printf '\x93\xfa\x96\x7b/\x8b\x4c\x8e\x96.txt' >"$d/sjis"
  printf '\x01\xe6\x8a\xa5\xe7\xba\xb8/a.txt\0../x.txt' >"$d/utf8"
}

status=0
: >"$build/fuzz-summary.txt"
for t in "${targets[@]}"; do
  bin="$build/fuzz/$t"
  [ -x "$bin" ] || { echo "fuzz: $bin not built" >&2; status=1; continue; }
  seeds="$build/seeds/$t"; corpus="$build/corpus/$t"; findings="$build/findings/$t"
  rm -rf "$seeds"; mkdir -p "$seeds" "$corpus" "$findings" "$build/logs"
  fn="seeds_${t}"
  if declare -F "$fn" >/dev/null; then "$fn" "$seeds"; fi
  opts=()
  [ -f "fuzz/$t.options" ] && read -r -a opts <"fuzz/$t.options"
  echo "== $t: ${seconds}s, $(ls "$seeds" | wc -l) seeds, corpus $(ls "$corpus" | wc -l) ${opts[*]}"
  nice -n 19 "$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
    -artifact_prefix="$findings/" "${opts[@]}" "$corpus" "$seeds" >"$build/logs/$t.log" 2>&1
  rc=$?
  last=$(grep -E '^#[0-9]+' "$build/logs/$t.log" | tail -1)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last"); ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/logs/$t.log")
  eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$build/logs/$t.log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$build/logs/$t.log")
  line="$t seconds=$seconds rc=$rc execs=${execs:-?} exec/s=${eps:-?} cov=${cov:-?} ft=${ft:-?} corpus=${corp:-?} peak_rss_mb=${rss:-?}"
  echo "$line" | tee -a "$build/fuzz-summary.txt"
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "fuzz: $t found something; see $build/logs/$t.log and $findings/" >&2
    grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$build/logs/$t.log" | head -8 >&2
  fi
done
exit $status
