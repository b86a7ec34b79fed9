# paiban typeset: raw text or article XML → newspaper PDF (run by ctest as: bash tests/cli/typeset.sh PAIBAN).
set -u
PAIBAN=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }
SAMPLE=input/lvliang-cppcc-2024.txt

# Default output: IN with .pdf, next to it; the debug dump has one line per laid-out line.
cp "$SAMPLE" "$T/article.txt"
"$PAIBAN" typeset "$T/article.txt" --debug-dump "$T/lines.txt" 2> "$T/err"; rc=$?
check "exit 0" '[ $rc -eq 0 ]'
check "no warnings on the sample (reflow notes may appear)" '! grep -q "warning:" "$T/err"'
check "default output IN.pdf" 'head -c 5 "$T/article.pdf" | grep -q "%PDF-"'
check "debug dump written" '[ "$(grep -c "^p=1 c=[0-9] " "$T/lines.txt")" -gt 300 ]'
check "dump names the headline" 'grep -q "headline 为建设美丽幸福吕梁广泛凝心聚力$" "$T/lines.txt"'

# From article XML (reflow's output): the same PDF as from the text.
"$PAIBAN" reflow "$SAMPLE" -o "$T/article.xml"
SOURCE_DATE_EPOCH=0 "$PAIBAN" typeset "$T/article.xml" -o "$T/from-xml.pdf"
SOURCE_DATE_EPOCH=0 "$PAIBAN" typeset "$T/article.txt" -o "$T/from-txt.pdf"
check "XML and text give the same PDF" 'cmp -s "$T/from-xml.pdf" "$T/from-txt.pdf"'

# Styles by name and by file; stdout.
"$PAIBAN" typeset "$SAMPLE" --style tabloid -o "$T/t.pdf"
check "tabloid: 2 pages" 'pdfinfo "$T/t.pdf" | grep -q "^Pages: *2$"'
"$PAIBAN" typeset "$SAMPLE" --style styles/report.xml -o - > "$T/r.pdf"
check "report by file, to stdout" 'pdfinfo "$T/r.pdf" | grep -q "^Pages: *[3-5]$"'
check "A4 report" 'pdfinfo "$T/r.pdf" | grep -q "Page size: *595.* x 841.* pts"'

# Errors: one message with a hint, the documented exit code, no output left behind.
"$PAIBAN" typeset "$SAMPLE" --style nosuch -o "$T/x.pdf" 2> "$T/e1"; rc=$?
check "unknown style: exit 1" '[ $rc -eq 1 ]'
check "unknown style: lists styles" 'grep -q "hint: available styles: broadsheet, report, tabloid" "$T/e1"'
check "unknown style: no output" '[ ! -e "$T/x.pdf" ]'
sed 's/size="9pt"/size="14pt"/' styles/broadsheet.xml > "$T/bad.xml"
"$PAIBAN" typeset "$SAMPLE" --style "$T/bad.xml" -o "$T/x.pdf" 2> "$T/e2"; rc=$?
check "bad style value: exit 1" '[ $rc -eq 1 ]'
check "bad style value: file:line: field" 'grep -q "bad.xml:[0-9]*: body/@size: body text must be 8–10.5 pt" "$T/e2"'
"$PAIBAN" typeset "$T/missing.txt" -o "$T/x.pdf" 2> "$T/e3"; rc=$?
check "missing input: exit 1" '[ $rc -eq 1 ]'
check "missing input: no output" '[ ! -e "$T/x.pdf" ]'
printf '<article><p>未闭合' > "$T/broken.xml"
"$PAIBAN" typeset "$T/broken.xml" -o "$T/x.pdf" 2> "$T/e4"; rc=$?
check "malformed XML: exit 1" '[ $rc -eq 1 ]'
"$PAIBAN" typeset "$SAMPLE" --nosuch 2> /dev/null; rc=$?
check "unknown option: exit 2" '[ $rc -eq 2 ]'
"$PAIBAN" typeset 2> /dev/null; rc=$?
check "no input: exit 2" '[ $rc -eq 2 ]'
check "no temp files left" '[ -z "$(ls -A "$T" | grep "\.tmp-")" ]'

exit $fail
