// debug_dump: one text line per laid-out line, for golden tests of layout decisions and for
// people checking a layout (`paiban typeset --debug-dump FILE`). Format (space-separated):
//   p=PAGE c=COLUMN x=X y=Y w=MEASURE h=SIZE r=RATIO g=GLYPHS n=K/N KIND TEXT
// x, y: the line box's start corner in PDF points (top-left; vertical-rl: top-right, w running down); column 0 is the head/header/footer across
// the text area; r < 0 shrunk, r > 0 stretched (see layout/paragraph.h); n: line K of the N lines
// of its paragraph.
#include <cmath>
#include <cstdio>

#include "layout/flow.h"

namespace paiban::layout {

void dump_line(std::string& out, const DumpLine& d) {
  char ratio[32];
  if (std::isinf(d.ratio)) std::snprintf(ratio, sizeof ratio, "%s", d.ratio > 0 ? "+inf" : "-inf");
  else std::snprintf(ratio, sizeof ratio, "%+.3f", std::fabs(d.ratio) < 5e-4f ? 0.0f : d.ratio);
  char buf[160];
  // snprintf: paiban never calls setlocale, so the decimal point is '.'.
  std::snprintf(buf, sizeof buf, "p=%d c=%d x=%.2f y=%.2f w=%.2f h=%.2f r=%s g=%d n=%d/%d %s ", d.page, d.column,
                d.x, d.y, d.w, d.h, ratio, d.glyphs, d.line, d.lines, d.kind);
  out += buf;
  out += d.text;
  out += '\n';
}

}  // namespace paiban::layout
