# paiban reflow: raw column text → article XML (run by ctest as: bash tests/cli/reflow.sh PAIBAN).
source "$(dirname "$0")/lib.bash"
SAMPLE=input/lvliang-cppcc-2024.txt

# The sample to stdout: valid article XML with the structure a reader sees.
expect_exit 0 "the sample to stdout" -- "$PAIBAN" reflow "$SAMPLE"
cp "$TMP/out" "$TMP/out.xml"
xmllint --noout --relaxng schema/article.rng "$TMP/out.xml" 2>/dev/null && pass || fail "valid against schema/article.rng"
[ "$(grep -c "<section" "$TMP/out.xml")" -eq 5 ] && pass || fail "5 sections"
[ "$(grep -c "<box" "$TMP/out.xml")" -eq 1 ] && pass || fail "one box"
grep -q "<byline src=\"5\">本报记者 高茜</byline>" "$TMP/out.xml" && pass || fail "byline without its marker"
grep -q "source=\"lvliang-cppcc-2024.txt\"" "$TMP/out.xml" && pass || fail "source named"

# -o writes the file, stdin works, and both agree with stdout.
"$PAIBAN" reflow "$SAMPLE" -o "$TMP/sub/dir/a.xml"
cmp -s "$TMP/out.xml" "$TMP/sub/dir/a.xml" && pass || fail "-o creates folders and writes"
"$PAIBAN" reflow - < "$SAMPLE" > "$TMP/stdin.xml"
diff <(grep -v "<article" "$TMP/out.xml") <(grep -v "<article" "$TMP/stdin.xml") >/dev/null && pass ||
  fail "stdin gives the same blocks"

# GB18030 input decodes to the same XML.
iconv -f UTF-8 -t GB18030 "$SAMPLE" > "$TMP/lvliang-cppcc-2024.txt"
"$PAIBAN" reflow "$TMP/lvliang-cppcc-2024.txt" > "$TMP/gb.xml"
cmp -s "$TMP/out.xml" "$TMP/gb.xml" && pass || fail "GB18030 input, same XML"

# --verbose reports the structure and every repair on stderr, not in the XML.
"$PAIBAN" reflow "$SAMPLE" --verbose > "$TMP/v.xml" 2> "$TMP/v.err"
cmp -s "$TMP/out.xml" "$TMP/v.xml" && pass || fail "verbose keeps stdout clean"
grep -q "sections 5" "$TMP/v.err" && pass || fail "verbose: structure"
grep -q "repairs:.*byline-marker 1.*letter-spacing 1" "$TMP/v.err" && pass || fail "verbose: repairs"

# Errors: one message with a hint, the documented exit code, no output file left.
expect_exit 1 "missing input" -- "$PAIBAN" reflow "$TMP/missing.txt" -o "$TMP/none.xml"
[ ! -e "$TMP/none.xml" ] && pass || fail "missing input: no output"
grep -q "hint:" "$TMP/err" && pass || fail "missing input: hint"
expect_exit 2 "unknown encoding" -- "$PAIBAN" reflow "$SAMPLE" --encoding NOPE
printf '\n  \n\n' > "$TMP/blank.txt"
expect_exit 1 "only blank lines" -- "$PAIBAN" reflow "$TMP/blank.txt"
expect_exit 2 "no input named" -- "$PAIBAN" reflow

finish
