# Bad input gives one clear error line naming the file and the documented exit code (README "Exit codes").
source "$(dirname "$0")/lib.bash"

printf '<?xml version="1.0"?>\n<article>\n<p>unclosed\n</article>\n' > "$TMP/bad.xml"
expect_exit 1 "malformed XML" -- "$PAIBAN" convert "$TMP/bad.xml" --to xml --out "$TMP/o" &&
  expect_error_line "bad.xml:[0-9]*:[0-9]*: malformed XML"

printf '政协事业要发展\n' > "$TMP/ok.txt"
expect_exit 2 "unknown encoding" -- "$PAIBAN" convert "$TMP/ok.txt" --encoding klingon --to xml --out "$TMP/o" &&
  expect_error_line "unknown encoding 'klingon'"

expect_exit 1 "missing file" -- "$PAIBAN" convert "$TMP/nope.txt" --to xml --out "$TMP/o" &&
  expect_error_line "nope.txt: no such file"

mkdir -p "$TMP/dir"
expect_exit 1 "directory as file" -- "$PAIBAN" convert "$TMP/dir" --to xml --out "$TMP/o" &&
  expect_error_line "dir: is a directory"

: > "$TMP/empty.txt"
expect_exit 1 "empty file" -- "$PAIBAN" convert "$TMP/empty.txt" --to xml --out "$TMP/o" &&
  expect_error_line "empty.txt: empty file"

head -c 2000 "$PAIBAN" > "$TMP/binary.txt"
expect_exit 1 "binary file" -- "$PAIBAN" convert "$TMP/binary.txt" --to xml --out "$TMP/o" &&
  expect_error_line "binary.txt: looks like a binary file"

expect_exit 2 "unknown format" -- "$PAIBAN" convert "$TMP/ok.txt" --to docx --out "$TMP/o" &&
  expect_error_line "unknown output format 'docx'"

expect_exit 2 "unknown option" -- "$PAIBAN" convert "$TMP/ok.txt" --frobnicate

# Nothing half-written is left behind by a failed conversion.
if ls -A "$TMP/o" 2>/dev/null | grep -q .; then fail "failed conversions left files: $(ls -A "$TMP/o")"; else pass; fi

# Several inputs: the good one converts, the bad one is reported, exit 3 (some failed).
expect_exit 3 "partial failure" -- "$PAIBAN" convert "$TMP/ok.txt" "$TMP/empty.txt" --to xml --out "$TMP/p" &&
  expect_error_line "empty.txt: empty file"
[ -s "$TMP/p/ok.xml" ] && pass || fail "the good input was not converted"

# Outputs never clobber what they must not: the input itself, a device, or another input's output.
cp "$TMP/ok.txt" "$TMP/self.txt"
expect_exit 2 "reflow over its input" -- "$PAIBAN" reflow "$TMP/self.txt" -o "$TMP/./self.txt" &&
  expect_error_line "would overwrite the input"
cmp -s "$TMP/ok.txt" "$TMP/self.txt" && pass || fail "the input was changed"
expect_exit 2 "text over its input" -- "$PAIBAN" text "$TMP/self.txt" -o "$TMP/self.txt"
mkfifo "$TMP/fifo"
( cat "$TMP/fifo" > "$TMP/from-fifo" ) &
expect_exit 0 "output to a FIFO" -- "$PAIBAN" reflow "$TMP/ok.txt" -o "$TMP/fifo"
wait
[ -p "$TMP/fifo" ] && grep -q "<article" "$TMP/from-fifo" && pass || fail "the FIFO was replaced or not written"
mkdir -p "$TMP/ca" "$TMP/cb"
cp "$TMP/ok.txt" "$TMP/ca/x.txt"; cp "$TMP/ok.txt" "$TMP/cb/x.txt"
expect_exit 2 "two inputs, one stem" -- "$PAIBAN" convert "$TMP/ca/x.txt" "$TMP/cb/x.txt" --to xml --out "$TMP/co" &&
  expect_error_line "would both write x"
expect_exit 2 "text --width too narrow" -- "$PAIBAN" text "$TMP/ok.txt" --width 2

# A headline taller than a column is refused, not printed off the page.
python3 -c "print('<article><headline>' + '很长的标题' * 900 + '</headline><p>正文。</p></article>')" > "$TMP/tall.xml"
expect_exit 1 "headline taller than a column" -- "$PAIBAN" typeset "$TMP/tall.xml" -o "$TMP/tall.pdf" &&
  expect_error_line "text does not fit on the page"
[ ! -e "$TMP/tall.pdf" ] && pass || fail "a PDF was written for the refused article"

expect_exit 0 "--version" -- "$PAIBAN" --version
for sub in reflow text typeset convert batch; do
  expect_exit 0 "$sub --help" -- "$PAIBAN" $sub --help
done

finish
