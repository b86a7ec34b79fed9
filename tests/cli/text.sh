# paiban text: raw column text or article XML → clean text (run by ctest as: bash tests/cli/text.sh PAIBAN).
set -u
PAIBAN=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }
SAMPLE=input/lvliang-cppcc-2024.txt

"$PAIBAN" text "$SAMPLE" > "$T/a.txt"; rc=$?
check "exit 0" '[ $rc -eq 0 ]'
check "headline first" '[ "$(head -1 "$T/a.txt")" = "为建设美丽幸福吕梁广泛凝心聚力" ]'
check "heading lines on their own lines" 'grep -A1 -x "坚持党的全面领导" "$T/a.txt" | grep -qx "把准方向重落实"'
check "a paragraph on one line" 'grep -qx "政协事业要发展，党的领导是根本。市政协坚持把党的全面领导贯穿到政协履职的全过程各方面，自觉在市委领导下谋划和推进工作，始终把牢正确政治方向。" "$T/a.txt"'
check "blocks separated by one empty line" '! grep -Pzq "\n\n\n" "$T/a.txt"'
check "no extraction spaces" 'grep -q "重大事项7次" "$T/a.txt"'

# Article XML in gives the same text as the raw text it came from.
"$PAIBAN" reflow "$SAMPLE" -o "$T/a.xml"
"$PAIBAN" text "$T/a.xml" > "$T/from-xml.txt"
check "XML in, same text" 'cmp -s "$T/a.txt" "$T/from-xml.txt"'

# --width: no line wider than N columns; no line starts with a closing mark or a pause.
"$PAIBAN" text "$SAMPLE" --width 30 -o "$T/w.txt"
check "--width 30 respected (wc -L counts display columns)" '[ "$(LC_ALL=C.UTF-8 wc -L < "$T/w.txt")" -le 30 ]'
check "--width 30 really wraps" '[ "$(wc -l < "$T/w.txt")" -gt "$(wc -l < "$T/a.txt")" ]'
check "no line starts with ，。、" '! grep -qE "^(，|。|、|；|：|”|）)" "$T/w.txt"'
check "no line ends with “（" '! grep -qE "(“|（|《)$" "$T/w.txt"'

# --spacing pangu adds the spaces newspapers leave out.
"$PAIBAN" text "$SAMPLE" --spacing pangu > "$T/p.txt"
check "pangu spacing" 'grep -q "重大事项 7 次" "$T/p.txt"'

# Bad options: exit 2.
"$PAIBAN" text "$SAMPLE" --spacing wide > /dev/null 2>&1; rc=$?
check "bad --spacing: exit 2" '[ $rc -eq 2 ]'
"$PAIBAN" text "$SAMPLE" --width -3 > /dev/null 2>&1; rc=$?
check "negative --width: exit 2" '[ $rc -eq 2 ]'

exit $fail
