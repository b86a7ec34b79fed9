// place: a chosen line → glyph positions along the inline axis, applying the line's shrink and
// stretch (break.cpp decided how much of each class) and the half forms of marks at line edges.
#include <algorithm>

#include "layout/paragraph.h"

namespace paiban::layout {

namespace {

float lerp(float a, float b, float t) { return a + (b - a) * t; }

// How far an atom is squeezed towards its half form on this line: 1 at a line edge that trims it
// (clreq: line-end mark ½ em, line-start opening bracket), its class's share when justification
// squeezed marks, 0 otherwise.
float squeeze(const Atom& a, const Line& line, int i) {
  if (a.base_t > 0) return a.base_t;
  if (i == line.last && a.end_trim > 0) return 1;
  if (i == line.first && a.start_trim > 0) return 1;
  if (a.shrink > 0) return line.shrink_used[static_cast<int>(a.shrink_cls)];
  return 0;
}

float gap_width(const Gap& g, const Line& line) {
  float w = g.width;
  if (g.shrink > 0) w -= g.shrink * line.shrink_used[static_cast<int>(g.shrink_cls)];
  if (g.stretch > 0) w += g.stretch * line.stretch_used[static_cast<int>(g.stretch_cls)];
  if (g.inter_char) w += line.inter_char;
  return w;
}

}  // namespace

std::vector<InlineGlyph> place_line(const Paragraph& p, const Line& line, const Setting& s, bool last) {
  std::vector<InlineGlyph> out;
  float offset = 0;
  float slack = s.measure - line.width;
  bool ragged = s.align != Align::justify || (last && s.ragged_last);
  if (ragged && slack > 0) {
    if (s.align == Align::center) offset = slack / 2;
    else if (s.align == Align::end) offset = slack;
  }
  float u = offset + (line.first == 0 ? p.indent : 0);
  for (int i = line.first; i <= line.last; ++i) {
    const Atom& a = p.atoms[i];
    float t = squeeze(a, line, i);
    bool first_glyph = true;
    for (uint32_t k = a.glyph_begin; k < a.glyph_end; ++k) {
      const ShapedGlyph& g = p.glyphs[k];
      InlineGlyph out_g;
      out_g.face = g.face;
      out_g.gid = g.gid;
      out_g.u = u + lerp(g.dx, g.half_dx, t) * p.size;
      out_g.dv = g.dy * p.size;
      out_g.orient = g.orient;
      out_g.scale = g.scale;
      // A tate-chu-yoko group is one cluster of single-byte characters, one glyph each
      // (shape_vertical.cpp): each glyph copies out as its own character.
      if (g.orient == Orient::across) out_g.text = p.text.substr(a.begin + (k - a.glyph_begin), 1);
      else if (first_glyph) out_g.text = p.text.substr(a.begin, a.end - a.begin);
      first_glyph = false;
      out.push_back(std::move(out_g));
      u += lerp(g.advance, g.half_advance, t) * p.size;
    }
    if (i == line.last) break;
    const Gap& gap = p.gaps[i];
    if (gap.space_glyph >= 0) {
      // The space itself is drawn (it is blank) so that copied text keeps it.
      const ShapedGlyph& g = p.glyphs[gap.space_glyph];
      out.push_back(InlineGlyph{g.face, g.gid, u, 0, " ", g.orient, g.scale});
    }
    u += gap_width(gap, line);
  }
  return out;
}

std::string line_text(const Paragraph& p, const Line& line) {
  std::string s;
  for (int i = line.first; i <= line.last; ++i) {
    const Atom& a = p.atoms[i];
    s.append(p.text, a.begin, a.end - a.begin);
    if (i < line.last && p.gaps[i].space_glyph >= 0) s += ' ';
  }
  return s;
}

}  // namespace paiban::layout
