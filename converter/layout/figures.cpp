// figures: an article's pictures, set at the top of page 1's columns under the head — each at the
// whole columns its figure asks for (at most the page's), placed where its columns' tops are
// highest (rightmost on a tie), its caption (the box style: its own font) and credit (right-aligned)
// under it at the picture's width. Text starts below them on the body grid; the depth each column
// gives up is flow.reserve.
#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "layout/flow.h"
#include "layout/layout.h"

namespace paiban::layout {

namespace {

float ceil_to(float x, float step) { return std::ceil(x / step - 1e-4f) * step; }

void collect(const std::vector<Block>& blocks, std::vector<const Block*>& out) {
  for (const Block& b : blocks) {
    if (b.kind == Kind::figure) out.push_back(&b);
    else if (b.kind == Kind::section) collect(b.children, out);
  }
}

std::string label(const Document& doc, const Block& b) {
  std::string where = doc.source.empty() ? "" : doc.source + (b.src.known() ? ":" + std::to_string(b.src.first) : "") + ": ";
  return where + "<figure src=\"" + b.image + "\">";
}

}  // namespace

void compose_figures(const Document& doc, ComposeContext& ctx, Flow& flow) {
  std::vector<const Block*> blocks;
  collect(doc.blocks, blocks);
  if (blocks.empty()) return;
  const Geometry& g = ctx.geo;
  if (g.vertical)
    throw input_error(label(doc, *blocks.front()) + ": figures are not set on vertical-rl pages yet",
                      "typeset the article with a horizontal style, or without its <figure>");
  flow.reserve.assign(g.columns, 0);
  const float column_h = g.top - g.bottom - flow.head_height;
  for (const Block* b : blocks) {
    auto it = ctx.images ? ctx.images->find(b->image) : Images::const_iterator{};
    if (!ctx.images || it == ctx.images->end() || !it->second)
      throw input_error(label(doc, *b) + ": its picture was not loaded", "read the article's pictures first (pipeline/images.h)");
    const Image& img = *it->second;
    SetFigure f;
    f.image = it->second;
    f.span = std::clamp(b->columns, 1, g.columns);
    // The columns whose tops are highest: the picture goes where the least text is pushed down,
    // rightmost on a tie, so the text starts at the top of the first column and reads on under it.
    float best = 1e30f;
    for (int c = g.columns - f.span; c >= 0; --c) {
      float top = *std::max_element(flow.reserve.begin() + c, flow.reserve.begin() + c + f.span);
      if (top < best - 1e-3f) best = top, f.column = c;
    }
    f.v = best;
    float width = f.span * g.measure + (f.span - 1) * g.gap;
    f.w = width;
    f.h = width * img.height / std::max(1, img.width);
    if (f.h > 0.6f * column_h) {  // a tall picture keeps its shape at a narrower width
      f.h = 0.6f * column_h;
      f.w = f.h * img.width / std::max(1, img.height);
    }
    float v = f.h + 0.4f * g.pitch, bottom = f.h;
    for (const Block& c : b->children) {
      TextStyle ts = ctx.style.box;
      ts.indent = 0;
      ts.align = c.kind == Kind::credit ? Align::end : Align::justify;
      if (c.kind == Kind::credit) ts.size *= 0.85f;
      f.texts.push_back(set_text(c.text, ts, width, kind_name(c.kind), ctx, &c));
      f.text_v.push_back(v);
      int n = static_cast<int>(f.texts.back().lines.size());
      bottom = v + (n - 1) * ts.pitch() + ts.size;
      v += n * ts.pitch();
    }
    f.height = ceil_to(bottom + 0.5f * g.pitch, g.pitch);
    if (f.v + f.height > column_h + 1e-3f)
      throw input_error(label(doc, *b) + ": the picture and its caption do not fit on the page under the head",
                        "give the figure fewer columns, a shorter caption, or a wider picture");
    for (int c = f.column; c < f.column + f.span; ++c) flow.reserve[c] = f.v + f.height;
    flow.figures.push_back(std::move(f));
  }
}

}  // namespace paiban::layout
