#!/usr/bin/env bash
# corpus-holes.sh PAIBAN [SETS]: the deepest white of pages made up (--make-up) from sets of 3–8
# articles of the development corpus, each set about a broadsheet page of text (2800–3800
# characters), drawn with a fixed seed so every run makes the same sets; measured from the
# rendering by tests/cli/holes.py. A check of the make-up search on pages it was not tuned on.
set -euo pipefail
paiban=$(realpath "${1:?usage: corpus-holes.sh PAIBAN [SETS]}")
sets=${2:-8}
here=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$here/../shared/corpus/cctv-news-2022-2023.jsonl
[ -f "$corpus" ] || { echo "SKIP: $corpus is absent"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$corpus" "$tmp" "$sets" <<'PY'
import json, random, sys
corpus, out, sets = sys.argv[1], sys.argv[2], int(sys.argv[3])
items = sorted((json.loads(l) for l in open(corpus, encoding='utf-8')), key=lambda it: it['id'])
rng = random.Random(8012)
made = 0
while made < sets:
    n = rng.randint(3, 8)
    pick = rng.sample(items, n)
    total = sum(len(b['text']) for it in pick for b in it['blocks'])
    if not 2800 <= total <= 3800: continue
    made += 1
    pick.sort(key=lambda it: -sum(len(b['text']) for b in it['blocks']))  # the longest leads
    with open('%s/set%d' % (out, made), 'w') as f:
        for k, it in enumerate(pick):
            name = '%s/s%d-%d.txt' % (out, made, k)
            open(name, 'w', encoding='utf-8').write('\n\n'.join(b['text'] for b in it['blocks']) + '\n')
            f.write(name + '\n')
PY
export SOURCE_DATE_EPOCH=1700000000
for s in "$tmp"/set*; do
  mapfile -t files <"$s"
  if "$paiban" typeset --make-up "${files[@]}" -o "$tmp/p.pdf" --debug-dump "$tmp/d" 2>"$tmp/err" >/dev/null; then
    echo "$(basename "$s") (${#files[@]} articles): $(python3 "$here/tests/cli/holes.py" "$tmp/p.pdf" "$tmp/d")"
  else
    echo "$(basename "$s") (${#files[@]} articles): $(grep error "$tmp/err")"
  fi
done
