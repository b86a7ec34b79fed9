# paiban text: raw column text or article XML → clean text (run by ctest as: bash tests/cli/text.sh PAIBAN).
source "$(dirname "$0")/lib.bash"
SAMPLE=input/lvliang-cppcc-2024.txt

expect_exit 0 "the sample to stdout" -- "$PAIBAN" text "$SAMPLE"
cp "$TMP/out" "$TMP/a.txt"
[ "$(head -1 "$TMP/a.txt")" = "为建设美丽幸福吕梁广泛凝心聚力" ] && pass || fail "headline first"
grep -A1 -x "坚持党的全面领导" "$TMP/a.txt" | grep -qx "把准方向重落实" && pass || fail "heading lines on their own lines"
grep -qx "政协事业要发展，党的领导是根本。市政协坚持把党的全面领导贯穿到政协履职的全过程各方面，自觉在市委领导下谋划和推进工作，始终把牢正确政治方向。" "$TMP/a.txt" &&
  pass || fail "a paragraph on one line"
! grep -Pzq "\n\n\n" "$TMP/a.txt" && pass || fail "blocks separated by one empty line"
grep -q "重大事项7次" "$TMP/a.txt" && pass || fail "no extraction spaces"

# Article XML in gives the same text as the raw text it came from.
"$PAIBAN" reflow "$SAMPLE" -o "$TMP/a.xml"
"$PAIBAN" text "$TMP/a.xml" > "$TMP/from-xml.txt"
cmp -s "$TMP/a.txt" "$TMP/from-xml.txt" && pass || fail "XML in, same text"

# --width: no line wider than N columns; no line starts with a closing mark or a pause.
"$PAIBAN" text "$SAMPLE" --width 30 -o "$TMP/w.txt"
[ "$(LC_ALL=C.UTF-8 wc -L < "$TMP/w.txt")" -le 30 ] && pass || fail "--width 30 respected (wc -L counts display columns)"
[ "$(wc -l < "$TMP/w.txt")" -gt "$(wc -l < "$TMP/a.txt")" ] && pass || fail "--width 30 really wraps"
! grep -qE "^(，|。|、|；|：|”|）)" "$TMP/w.txt" && pass || fail "no line starts with ，。、"
! grep -qE "(“|（|《)$" "$TMP/w.txt" && pass || fail "no line ends with “（"

# --spacing pangu adds the spaces newspapers leave out.
"$PAIBAN" text "$SAMPLE" --spacing pangu > "$TMP/p.txt"
grep -q "重大事项 7 次" "$TMP/p.txt" && pass || fail "pangu spacing"

# Bad options: exit 2.
expect_exit 2 "bad --spacing" -- "$PAIBAN" text "$SAMPLE" --spacing wide
expect_exit 2 "negative --width" -- "$PAIBAN" text "$SAMPLE" --width -3

finish
