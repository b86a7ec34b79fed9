# Hostile and broken input end to end: each is one clear error line with exit 1 (or converts
# exactly), never a crash, a hang or a partial output file. Unit-level matrices are in
# tests/data/hostile/*.tests; these go through the whole command.
source "$(dirname "$0")/lib.bash"
OUT=$TMP/outdir

# refused DESCRIPTION PATTERN FILE [ARGS...]: `convert FILE --out $OUT` (every format) exits 1
# with one error line matching PATTERN and writes nothing.
refused() {
  local what=$1 pattern=$2 file=$3
  shift 3
  expect_exit 1 "$what" -- timeout 60 "$PAIBAN" convert "$file" --out "$OUT" "$@" && expect_error_line "$pattern"
  if ls -A "$OUT" 2>/dev/null | grep -q .; then fail "$what: left $(ls -A "$OUT")"; rm -rf "$OUT"; else pass; fi
}

printf '中文\xE4\xB8' > "$TMP/truncated.txt"
refused "truncated UTF-8" "truncated.txt:1: invalid UTF-8 byte sequence E4 B8 at byte offset 6" "$TMP/truncated.txt"
grep -q "truncated" "$TMP/err" && pass || fail "no truncation hint: $(cat "$TMP/err")"

{ printf '为建设美丽幸福吕梁\n'; printf '广泛凝心聚力，市政协履职\n' | iconv -t GB18030; } > "$TMP/mixed.txt"
refused "mixed encodings" "mixed.txt:2: mixed encodings: line 1 is UTF-8 but line 2 is GB18030" "$TMP/mixed.txt"

printf '政协事业\0要发展\n' > "$TMP/nul.txt"
refused "NUL byte" "nul.txt: looks like a binary file (NUL byte at byte offset 12)" "$TMP/nul.txt"

printf '政协事业要发展\n\x1b[2J清屏\n' > "$TMP/ctrl.txt"
refused "control character" "ctrl.txt:2: control character U+001B" "$TMP/ctrl.txt"

printf '   \n\t\n\xe3\x80\x80\n\n' > "$TMP/spaces.txt"
refused "only whitespace" "spaces.txt: no text to convert" "$TMP/spaces.txt"

printf '，。！？\n……——\n“”《》\n' > "$TMP/punct.txt"
refused "only punctuation" "punct.txt: no text to convert" "$TMP/punct.txt"

head -c 10485760 /dev/zero | tr '\0' 'a' > "$TMP/longline.txt"
refused "10 MB line" "longline.txt: input too large (10 MiB), more than the limit of 8 MiB" "$TMP/longline.txt"
refused "10 MB line, input limit raised" "longline.txt:1: line too long (10 MiB), more than the limit of 2 MiB" \
  "$TMP/longline.txt" --max-input-size 16M
expect_exit 0 "10 MB line, both limits raised" -- "$PAIBAN" text "$TMP/longline.txt" --max-input-size 16M \
  --max-line-length 16M -o "$TMP/longline.out"
[ "$(stat -c %s "$TMP/longline.out")" -ge 10485760 ] && pass || fail "10 MB line: text lost"

expect_exit 1 "endless device" -- timeout 60 "$PAIBAN" text /dev/zero && expect_error_line "/dev/zero: input too large (at least"

cat > "$TMP/dtd.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE article [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<article><p>&lol2;</p></article>
XML
refused "XML with a DTD" "dtd.xml:2:1: DTDs and entity declarations are not accepted" "$TMP/dtd.xml"

printf '<article><p>&ext;</p></article>\n' > "$TMP/ent.xml"
refused "XML entity without a DTD" 'ent.xml:1:13: unknown or malformed entity reference "&ext;"' "$TMP/ent.xml"

{ printf '<article source="'; head -c 1048576 /dev/zero | tr '\0' 'x'; printf '"><p>x</p></article>\n'; } > "$TMP/attr.xml"
refused "huge attribute value" "attr.xml:1:1: <article>: source is 1 MiB long, more than 4 KiB" "$TMP/attr.xml"

printf '<article><p>正文</p><video src="x"/></article>\n' > "$TMP/unknown.xml"
refused "unknown element" "unknown.xml:1:19: <video>: not allowed here in <article>" "$TMP/unknown.xml"

# Styles: a missing, corrupt, non-font or FIFO font file; a page too small for the text.
printf '标题\n\n政协事业要发展，党的领导是根本。\n' > "$TMP/a.txt"
style_with_font() {  # FILE: the report style with its body font replaced by FILE
  sed "s#<face family=\"Noto Serif CJK SC\" style=\"Regular\"/>#<face file=\"$1\"/>#" styles/report.xml > "$TMP/font-style.xml"
}
# The error names the style's <face> (file:line:column) and keeps the font's own error as its cause.
font_refused() {  # WHAT CAUSE-PATTERN
  refused "$1" "font-style.xml:[0-9]*:[0-9]*: <face>: font role 'body': its first face cannot be loaded" \
    "$TMP/a.txt" --style "$TMP/font-style.xml"
  grep -q -- "^  because: .*$2" "$TMP/err" && pass || fail "$1: no cause matching '$2': $(cat "$TMP/err")"
}
style_with_font "$TMP/missing.otf"
font_refused "style naming a missing font file" "missing.otf: no such font file"
head -c 30000 /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc > "$TMP/cut.ttc"
style_with_font "$TMP/cut.ttc"
font_refused "style naming a truncated font" "cut.ttc: corrupt font file"
head -c 5000 "$PAIBAN" > "$TMP/junk.ttf"
style_with_font "$TMP/junk.ttf"
font_refused "style naming a binary that is not a font" "junk.ttf: not a font file"
style_with_font "$TMP/../"
font_refused "style naming a folder as font" "not a font file"
mkfifo "$TMP/fifo.ttf"
style_with_font "$TMP/fifo.ttf"
font_refused "style naming a FIFO as font (must not wait)" "fifo.ttf: not a font file"

sed -e 's#<page width="210mm" height="297mm"/>#<page width="40mm" height="30mm"/>#' \
  -e 's#<margins [^>]*/>#<margins top="1mm" bottom="1mm" left="1mm" right="1mm"/>#' styles/report.xml > "$TMP/small.xml"
refused "page too small for the text" "small.xml:[0-9]*:[0-9]*: margins: the text area is shorter than 10 body lines" \
  "$TMP/a.txt" --style "$TMP/small.xml"
sed 's#<columns count="1" grid="yes"/>#<columns count="12" grid="yes"/>#' styles/report.xml > "$TMP/narrow.xml"
refused "columns too narrow for one line" "narrow.xml:[0-9]*:[0-9]*: columns: columns are too narrow" "$TMP/a.txt" --style "$TMP/narrow.xml"

# A hostile style: its values are quoted short in the message; bytes that are no UTF-8 text or a
# device instead of a file are refused before parsing.
python3 -c 'import sys; sys.stdout.write(open("styles/report.xml").read().replace(
  "<body size=\"10.5pt\" leading=\"75%\"", "<body size=\"10.5pt\" leading=\"6" + "v" * 200000 + "\""))' \
  > "$TMP/hugeval.xml"
refused "style with a huge value" "hugeval.xml:[0-9]*:[0-9]*: body/@leading: '6vvvv.*…$" "$TMP/a.txt" --style "$TMP/hugeval.xml"
[ "$(wc -c < "$TMP/err")" -lt 1000 ] && pass || fail "style error message is $(wc -c < "$TMP/err") bytes"
{ cat styles/report.xml; printf '<!-- \xff\xfe -->\n'; } > "$TMP/badutf8.xml"
refused "style that is not UTF-8" "badutf8.xml:[0-9]*:[0-9]*: invalid UTF-8 byte FF" "$TMP/a.txt" --style "$TMP/badutf8.xml"
refused "style that is a device" "/dev/zero: input too large" "$TMP/a.txt" --style /dev/zero

finish
