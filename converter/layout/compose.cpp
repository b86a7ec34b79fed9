// compose: the Document's blocks → set paragraphs → a flow of pieces for pagination. The head
// (headline, subtitle, byline) spans the text area of page 1; section headings become newspaper
// subheads kept with what follows; boxes are set narrower in their own font.
#include <unicode/uchar.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/error.h"
#include "core/unicode.h"
#include "layout/flow.h"

namespace paiban::layout {

namespace {

float ceil_to(float x, float step) { return std::ceil(x / step - 1e-4f) * step; }

std::string block_name(char32_t cp) {
  int b = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_BLOCK);
  const char* name = u_getPropertyValueName(UCHAR_BLOCK, b, U_LONG_PROPERTY_NAME);
  std::string s = name ? name : "unknown block";
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

// Widow and orphan rules (clreq §adjustments_of_orphans_and_widows): a column may end after line
// j of an n-line paragraph only when at least two lines stay on each side.
bool may_break_after(int j, int n) { return j == n - 1 || (j + 1 >= 2 && n - (j + 1) >= 2); }

class Composer {
 public:
  Composer(ComposeContext& ctx, Flow& flow) : ctx_(ctx), s_(ctx.style), g_(ctx.geo), flow_(flow) {}

  void head_block(const Block& b) {
    const TextStyle& ts = b.kind == Kind::headline ? s_.headline : b.kind == Kind::subtitle ? s_.subtitle : s_.byline;
    int id = add(set_text(b.text, ts, g_.width, kind_name(b.kind), ctx_, &b));
    for (int j = 0; j < static_cast<int>(para(id).lines.size()); ++j) {
      Piece pc;
      pc.height = ts.pitch();
      pc.lines.push_back({id, j, 0, 0});
      flow_.head.push_back(std::move(pc));
    }
  }

  void finish_head() {
    if (flow_.head.empty()) return;
    // The last display line needs no gap below its em box; the head ends at its bottom.
    float content = 0;
    for (auto& pc : flow_.head) content += pc.height;
    const SetParagraph& last = para(flow_.head.back().lines.back().para);
    content -= flow_.head.back().height - last.p.size;
    float space = s_.headline_space;
    flow_.head_rule_v = s_.headline_rule > 0 ? content + space / 2 : -1;
    flow_.head_height = ceil_to(content + space, g_.pitch);
  }

  void block(const Block& b, int box) {
    switch (b.kind) {
      case Kind::section:
        for (const Block& c : b.children) block(c, box);
        break;
      case Kind::box: {
        int id = next_box_++;
        for (const Block& c : b.children) block(c, id);
        break;
      }
      case Kind::heading:
        subhead(b, box);
        break;
      case Kind::paragraph:
      case Kind::caption:  // a scanned page's caption, its picture not reproduced: set as text
        paragraph(b, box);
        break;
      case Kind::headline:
      case Kind::subtitle:
      case Kind::byline: {
        // A display block after the body has started: centred in the column like a subhead.
        Block h = b;
        h.lines = {b.text};
        subhead(h, box);
        break;
      }
    }
  }

 private:
  SetParagraph& para(int id) { return flow_.paras[id]; }
  int add(SetParagraph sp) {
    flow_.paras.push_back(std::move(sp));
    return static_cast<int>(flow_.paras.size()) - 1;
  }

  float inner_measure(int box) const { return box >= 0 ? g_.box_inner : g_.measure; }

  void paragraph(const Block& b, int box) {
    const TextStyle& ts = box >= 0 ? s_.box : s_.body;
    float u = box >= 0 ? g_.box_inset : 0;
    int id = add(set_text(b.text, ts, inner_measure(box), box >= 0 ? "box" : "p", ctx_, &b));
    int n = static_cast<int>(para(id).lines.size());
    for (int j = 0; j < n; ++j) {
      Piece pc;
      pc.height = box >= 0 ? ts.pitch() : g_.pitch;
      pc.lines.push_back({id, j, u, 0});
      pc.break_after = may_break_after(j, n);
      pc.box = box;
      flow_.body.push_back(std::move(pc));
    }
  }

  // A section heading as a newspaper subhead: its own font, centred, between rules, taking a
  // whole number of grid lines so the columns keep one baseline grid; kept with the next
  // paragraph's first two lines (the orphan rule keeps those two together).
  void subhead(const Block& b, int box) {
    const TextStyle& ts = s_.subhead;
    float measure = inner_measure(box);
    float u0 = box >= 0 ? g_.box_inset : 0;
    Piece pc;
    pc.box = box;
    pc.break_after = false;
    std::vector<std::pair<int, int>> lines;
    std::string title;
    for (const std::string& text : b.lines) {
      if (text.empty()) continue;
      int id = add(set_text(text, ts, measure, "subhead", ctx_, &b));
      for (int j = 0; j < static_cast<int>(para(id).lines.size()); ++j) lines.push_back({id, j});
      title += (title.empty() ? "" : " ") + text;
    }
    if (lines.empty()) return;
    float content = (lines.size() - 1) * ts.pitch() + ts.size;
    float rule_gap = s_.subhead_rule > 0 ? 0.45f * ts.size : 0;
    float need = content + s_.subhead_space + 2 * (rule_gap + s_.subhead_rule);
    pc.height = box >= 0 ? need : ceil_to(need, g_.pitch);
    float top = (pc.height - content) / 2;
    for (size_t k = 0; k < lines.size(); ++k)
      pc.lines.push_back({lines[k].first, lines[k].second, u0, top + k * ts.pitch()});
    if (s_.subhead_rule > 0) {
      float a = top - rule_gap - s_.subhead_rule / 2;
      float z = top + content + rule_gap + s_.subhead_rule / 2;
      pc.rules.push_back({u0, u0 + measure, a, s_.subhead_rule});
      pc.rules.push_back({u0, u0 + measure, z, s_.subhead_rule});
    }
    if (box < 0) pc.bookmark = title;
    flow_.body.push_back(std::move(pc));
  }

  ComposeContext& ctx_;
  const Style& s_;
  const Geometry& g_;
  Flow& flow_;
  int next_box_ = 0;
};

}  // namespace

Geometry page_geometry(const Style& s) {
  Geometry g;
  g.bleed = s.bleed;
  g.media_w = s.page_width + 2 * s.bleed;
  g.media_h = s.page_height + 2 * s.bleed;
  g.left = s.bleed + s.margin_left;
  g.top = s.bleed + s.page_height - s.margin_top;
  g.bottom = s.bleed + s.margin_bottom;
  g.width = s.page_width - s.margin_left - s.margin_right;
  g.columns = s.columns;
  g.gap = s.column_gap;
  g.measure = (g.width - (g.columns - 1) * g.gap) / g.columns;
  if (s.grid) {
    // A whole number of body ems: lines of Han text need no adjustment; the spare width goes
    // into the gaps (or, for one column, into the margins).
    float whole = std::floor(g.measure / s.body.size + 1e-4f) * s.body.size;
    if (g.columns > 1) {
      g.gap = (g.width - g.columns * whole) / (g.columns - 1);
    } else {
      g.left += (g.width - whole) / 2;
      g.width = whole;
    }
    g.measure = whole;
  }
  g.pitch = s.body.pitch();
  g.body_size = s.body.size;
  g.box_pad = s.box_padding * s.box.size + s.box_frame;
  // Inside a frame the measure is again a whole number of the box's ems (clreq §2.3.5: the line
  // length is an integral multiple of the character size, https://www.w3.org/TR/clreq/), so
  // un-punctuated box lines set solid; the padding is the least inner space, the rest is split
  // evenly between both sides.
  float room = std::max(0.0f, g.measure - 2 * g.box_pad);
  float inner = s.grid ? std::floor(room / s.box.size + 1e-4f) * s.box.size : room;
  g.box_inner = inner >= s.box.size ? inner : room;  // a column too narrow for a whole em: as is
  g.box_inset = (g.measure - g.box_inner) / 2;
  return g;
}

SetParagraph set_text(const std::string& text, const TextStyle& ts, float measure, const char* kind,
                      ComposeContext& ctx, const Block* block) {
  const FontChain* chain = ctx.chains.find(ts.font);
  if (!chain) throw Error(ExitCode::internal, "layout: no faces for font role '" + ts.font + "'");
  const FontChain* latin = ts.latin.empty() ? nullptr : ctx.chains.find(ts.latin);
  std::vector<MissingGlyph> missing;
  auto t0 = std::chrono::steady_clock::now();
  auto glyphs = shape_text(text, *chain, latin, ctx.fonts, &missing);
  auto t1 = std::chrono::steady_clock::now();
  ctx.timings.shape_ms += std::chrono::duration<double, std::milli>(t1 - t0).count();
  if (ctx.warnings) {
    for (const MissingGlyph& m : missing) {
      std::string ch;
      append_utf8(ch, m.cp);
      std::string where = block && block->src.known()
                              ? "source line" + std::string(block->src.first == block->src.last ? " " : "s ") +
                                    std::to_string(block->src.first) +
                                    (block->src.first == block->src.last ? "" : "-" + std::to_string(block->src.last))
                              : "no source line";
      ctx.warnings->push_back("missing glyph: '" + ch + "' " + code_point_label(m.cp) + " (" + block_name(m.cp) +
                              ") in <" + kind + ">, " + where + ": no face of the '" + ts.font +
                              "' fonts has it; drawn as an empty box");
    }
  }
  SetParagraph sp;
  sp.kind = kind;
  sp.p = prepare_paragraph(text, std::move(glyphs), ctx.breaks, ts.size, ts.indent, ts.tracking, ts.gray);
  sp.setting.measure = measure;
  sp.setting.align = ts.align;
  sp.lines = break_lines(sp.p, sp.setting);
  ctx.timings.break_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count();
  sp.ascent = ctx.fonts.face(chain->faces.front()).ascender;
  for (const Line& l : sp.lines)
    if (l.overfull && ctx.warnings)
      ctx.warnings->push_back(std::string("overfull line in <") + kind + ">: '" + line_text(sp.p, l) +
                              "' is wider than the measure and cannot be broken");
  return sp;
}

Flow compose(const Document& doc, ComposeContext& ctx) {
  Flow flow;
  Composer c(ctx, flow);
  size_t i = 0;
  for (; i < doc.blocks.size(); ++i) {
    Kind k = doc.blocks[i].kind;
    if (k != Kind::headline && k != Kind::subtitle && k != Kind::byline) break;
    if (!doc.blocks[i].text.empty()) c.head_block(doc.blocks[i]);
  }
  c.finish_head();
  for (; i < doc.blocks.size(); ++i) c.block(doc.blocks[i], -1);
  return flow;
}

}  // namespace paiban::layout
