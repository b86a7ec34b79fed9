# paiban reflow: raw column text → article XML (run by ctest as: bash tests/cli/reflow.sh PAIBAN).
set -u
PAIBAN=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }
SAMPLE=input/lvliang-cppcc-2024.txt

# The sample to stdout: valid article XML with the structure a reader sees.
"$PAIBAN" reflow "$SAMPLE" > "$T/out.xml"; rc=$?
check "exit 0" '[ $rc -eq 0 ]'
check "valid against schema/article.rng" 'xmllint --noout --relaxng schema/article.rng "$T/out.xml" 2>/dev/null'
check "5 sections" '[ "$(grep -c "<section" "$T/out.xml")" -eq 5 ]'
check "one box" '[ "$(grep -c "<box" "$T/out.xml")" -eq 1 ]'
check "byline without its marker" 'grep -q "<byline src=\"5\">本报记者 高茜</byline>" "$T/out.xml"'
check "source named" 'grep -q "source=\"lvliang-cppcc-2024.txt\"" "$T/out.xml"'

# -o writes the file, stdin works, and both agree with stdout.
"$PAIBAN" reflow "$SAMPLE" -o "$T/sub/dir/a.xml"
check "-o creates folders and writes" 'cmp -s "$T/out.xml" "$T/sub/dir/a.xml"'
"$PAIBAN" reflow - < "$SAMPLE" > "$T/stdin.xml"
check "stdin gives the same blocks" 'diff <(grep -v "<article" "$T/out.xml") <(grep -v "<article" "$T/stdin.xml") >/dev/null'

# GB18030 input decodes to the same XML.
iconv -f UTF-8 -t GB18030 "$SAMPLE" > "$T/lvliang-cppcc-2024.txt"
"$PAIBAN" reflow "$T/lvliang-cppcc-2024.txt" > "$T/gb.xml"
check "GB18030 input, same XML" 'cmp -s "$T/out.xml" "$T/gb.xml"'

# --verbose reports the structure and every repair on stderr, not in the XML.
"$PAIBAN" reflow "$SAMPLE" --verbose > "$T/v.xml" 2> "$T/v.err"
check "verbose keeps stdout clean" 'cmp -s "$T/out.xml" "$T/v.xml"'
check "verbose: structure" 'grep -q "sections 5" "$T/v.err"'
check "verbose: repairs" 'grep -q "repairs:.*byline-marker 1.*letter-spacing 1" "$T/v.err"'

# Errors: one message with a hint, the documented exit code, no output file left.
"$PAIBAN" reflow "$T/missing.txt" -o "$T/none.xml" 2> "$T/e1"; rc=$?
check "missing input: exit 1" '[ $rc -eq 1 ]'
check "missing input: no output" '[ ! -e "$T/none.xml" ]'
check "missing input: hint" 'grep -q "hint:" "$T/e1"'
"$PAIBAN" reflow "$SAMPLE" --encoding NOPE > /dev/null 2>&1; rc=$?
check "unknown encoding: exit 2" '[ $rc -eq 2 ]'
printf '\n  \n\n' > "$T/blank.txt"
"$PAIBAN" reflow "$T/blank.txt" > /dev/null 2>&1; rc=$?
check "only blank lines: exit 1" '[ $rc -eq 1 ]'
"$PAIBAN" reflow > /dev/null 2>&1; rc=$?
check "no input named: exit 2" '[ $rc -eq 2 ]'

exit $fail
