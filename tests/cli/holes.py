#!/usr/bin/env python3
# holes.py PDF DUMP [MAX]: the deepest white on each made-up page, measured from a rendering
# (pdftoppm, 144 dpi, gray), column by column: the longest run of pixel rows on the type area's
# grid of lines in which one column's whole width holds no ink — text, rules and pictures as drawn
# (a glyph's ink wherever it reaches; a picture over its whole box, a PNG's transparent parts
# included). Given in body lines of white beyond the leading every two lines of text have
# between them: a run of N lines means N lines of text missing (a column 1 line short of its
# neighbours reads 1.0; two lines of text one after the other, 0). The grid is the type area's
# whole lines (the dump's "# grid" line of each page); the fraction of a line under its last line
# holds no line and is foot margin. Exit 1 when a page's deepest white is more than MAX lines.
# HOLES_VERBOSE=1 also lists every run over 1.5 lines.
import os
import re
import subprocess
import sys
import tempfile

DPI = 144
INK = 224  # a pixel darker than this is ink (antialiased edges of body strokes are ~120-200)
VERBOSE = os.environ.get('HOLES_VERBOSE')


def read_pgm(path):
    data = open(path, 'rb').read()
    fields, at = [], 0
    while len(fields) < 4:  # P5 width height maxval, whitespace separated, comments allowed
        while data[at:at + 1].isspace():
            at += 1
        if data[at:at + 1] == b'#':
            at = data.index(b'\n', at) + 1
            continue
        end = at
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    assert fields[0] == b'P5', 'not a binary PGM'
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[at + 1:at + 1 + w * h]


def grids(dump):
    out = []
    for line in open(dump, encoding='utf-8'):
        m = re.match(r'# grid page=(\d+) left=([\d.]+) top=([\d.]+) columns=(\d+) measure=([\d.]+) gap=([\d.]+) '
                     r'lines=(\d+) pitch=([\d.]+) body=([\d.]+)', line)
        if m:
            out.append({'page': int(m[1]), 'left': float(m[2]), 'top': float(m[3]), 'n': int(m[4]),
                        'measure': float(m[5]), 'gap': float(m[6]), 'lines': int(m[7]), 'pitch': float(m[8]),
                        'body': float(m[9]), 'pictures': []})
        m = re.match(r'picture columns=(\d+)-(\d+) y=([\d.]+) w=[\d.]+ h=([\d.]+)', line)
        if m and out:
            out[-1]['pictures'].append((int(m[1]) - 1, int(m[2]) - 1, float(m[3]), float(m[4])))
    return out


def deepest(px, w, h, g):
    s = DPI / 72.0
    top, pitch = g['top'], g['pitch']
    y0, y1 = int(round(top * s)), min(h, int(round((top + g['lines'] * pitch) * s)))
    leading = pitch - g['body']  # the white between two lines of text: not a hole
    worst = (0.0, 0, 0.0, 0.0)
    for c in range(g['n']):
        cx = g['left'] + c * (g['measure'] + g['gap'])
        x0, x1 = int(round(cx * s)), min(w, int(round((cx + g['measure']) * s)))
        inked = set()
        for p0, p1, py, ph in g['pictures']:
            if p0 <= c <= p1:
                inked.update(range(int((top + py) * s), int((top + py + ph) * s) + 1))
        run_from = y0
        for y in range(y0, y1 + 1):
            if y == y1 or y in inked or min(px[y * w + x0:y * w + x1]) < INK:
                lines = max(0.0, ((y - run_from) / s - leading) / pitch)
                at = (run_from - y0) / s / pitch
                if VERBOSE and lines > 1.5:
                    print('  column %d: %.1f lines of white from line %.1f' % (c + 1, lines, at))
                if lines > worst[0]:
                    worst = (lines, c, at, (y - run_from) / s / pitch)
                run_from = y + 1
    return worst


def main():
    pdf, dump = sys.argv[1], sys.argv[2]
    limit = float(sys.argv[3]) if len(sys.argv) > 3 else None
    gs = grids(dump)
    if not gs:
        sys.exit('holes.py: %s has no "# grid" line' % dump)
    worst_all = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for g in gs:
            subprocess.run(['pdftoppm', '-r', str(DPI), '-gray', '-f', str(g['page']), '-l', str(g['page']),
                            '-singlefile', pdf, tmp + '/p'], check=True)
            w, h, px = read_pgm(tmp + '/p.pgm')
            lines, c, at, raw = deepest(px, w, h, g)
            print('page %d: deepest white %.1f lines (%.1f with the leading; column %d, from line %.1f)'
                  % (g['page'], lines, raw, c + 1, at))
            worst_all = max(worst_all, lines)
    if limit is not None and worst_all > limit:
        sys.exit(1)


main()
