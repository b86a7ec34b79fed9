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

// A text set but not yet reported on: a long paragraph's window warns only about what it keeps.
struct SetText {
  SetParagraph sp;
  std::vector<MissingGlyph> missing;
};

SetText set_text_quietly(std::string_view text, const TextStyle& ts, float measure, const char* kind,
                         ComposeContext& ctx) {
  const FontChain* chain = ctx.chains.find(ts.font);
  if (!chain) throw Error(ExitCode::internal, "layout: no faces for font role '" + ts.font + "'");
  const FontChain* latin = ts.latin.empty() ? nullptr : ctx.chains.find(ts.latin);
  SetText out;
  auto t0 = std::chrono::steady_clock::now();
  auto glyphs = shape_text(text, *chain, latin, ctx.fonts, &out.missing, ctx.lang, ctx.vertical);
  auto t1 = std::chrono::steady_clock::now();
  ctx.timings.shape_ms += std::chrono::duration<double, std::milli>(t1 - t0).count();
  SetParagraph& sp = out.sp;
  sp.kind = kind;
  sp.p = prepare_paragraph(std::string(text), std::move(glyphs), ctx.breaks, ts.size, ts.indent, ts.tracking, ts.gray,
                           clreq::variant_of(ctx.lang));
  sp.setting.measure = measure;
  sp.setting.align = ts.align;
  sp.lines = break_lines(sp.p, sp.setting);
  ctx.timings.break_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count();
  sp.ascent = ctx.fonts.face(chain->faces.front()).ascender;
  return out;
}

// Warnings for the glyphs missing before byte `end` of the text and its overfull lines.
void warn(const SetText& set, const TextStyle& ts, const char* kind, ComposeContext& ctx, const Block* block,
          size_t end) {
  if (!ctx.warnings) return;
  for (const MissingGlyph& m : set.missing) {
    if (m.offset >= end) continue;
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
  for (const Line& l : set.sp.lines)
    if (l.overfull)
      ctx.warnings->push_back(std::string("overfull line in <") + kind + ">: '" + line_text(set.sp.p, l) +
                              "' is wider than the measure and cannot be broken");
}

// A paragraph longer than this is set a window at a time (break.cpp's total fit over the whole of
// it would hold ~150 bytes per byte of text): the lines of each window up to three quarters of
// it are kept and the next window starts at the first line not kept, so lines near a window's end
// are chosen again with what follows in view. A newspaper paragraph is far shorter (the whole
// sample article is 15 KB), so ordinary articles are set exactly as in one piece.
constexpr size_t kWindowBytes = 32 * 1024;
constexpr size_t kKeepBytes = kWindowBytes * 3 / 4;

// The longest prefix of `text` of at most n bytes that ends on a code point boundary.
size_t cut_at(std::string_view text, size_t n) {
  if (n >= text.size()) return text.size();
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return n;
}

}  // namespace

struct Composer::Impl {
  Impl(const Document& d, ComposeContext& c, Flow& f) : doc(d), ctx(c), s_(c.style), g_(c.geo), flow_(f) {}

  const Document& doc;
  ComposeContext& ctx;
  const Style& s_;
  const Geometry& g_;
  Flow& flow_;
  int next_box_ = 0;
  // Where composing stands in the block tree: the lists being walked, innermost last.
  struct Level {
    const std::vector<Block>* blocks;
    size_t next;
    int box;
  };
  std::vector<Level> stack;
  // A long paragraph being set window by window: its block, box, the byte its next window starts
  // at, and the lines set so far.
  struct Long {
    const Block* b = nullptr;
    int box = -1;
    size_t at = 0;
    int lines = 0;
  } long_;

  bool across() const { return s_.head_across && g_.vertical; }

  void head_block(const Block& b) {
    const TextStyle& ts = b.kind == Kind::headline ? s_.headline : b.kind == Kind::subtitle ? s_.subtitle : s_.byline;
    int id;
    if (across()) {
      // Shaped horizontally and set at the text area's width: the head runs across the page.
      ComposeContext flat = ctx;
      flat.vertical = false;
      id = add(set_text(b.text, ts, g_.width, kind_name(b.kind), flat, &b));
      ctx.timings = flat.timings;
    } else {
      id = add(set_text(b.text, ts, g_.along, kind_name(b.kind), ctx, &b));
    }
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
    if (across()) return across_bands(content, space);
    flow_.head_rule_v = s_.headline_rule > 0 ? content + space / 2 : -1;
    flow_.head_height = ceil_to(content + space, g_.pitch);
  }

  // An across head fills whole bands of page 1 (the bands below keep the page's measure, so every
  // vertical line stays a whole number of ems, clreq §2.3.5), its lines centred in them with at
  // least `space` to spare; the first band of text follows it.
  void across_bands(float content, float space) {
    const float band = g_.measure + g_.gap;
    int k = std::max(1, static_cast<int>(std::ceil((content + space + g_.gap) / band - 1e-4f)));
    if (k >= g_.columns)
      throw input_error((doc.source.empty() ? std::string("<input>") : doc.source) + ": " + s_.file +
                            ": the headline set across (<headline orientation=\"horizontal\">) needs " +
                            std::to_string(k) + " of the page's " + std::to_string(g_.columns) +
                            " column bands and leaves none for the text",
                        "use a style with more or taller bands, a shorter headline, or orientation=\"vertical\"");
    flow_.head_bands = k;
    flow_.head_v0 = (k * band - g_.gap - content) / 2;
  }

  // A byline under an across head opens the first band as a vertical line in its own style, kept
  // with the text (Taiwanese papers print 【記者…報導】 at the head of the column, not the headline).
  void lead_byline(const Block& b) {
    const TextStyle& ts = s_.byline;
    int id = add(set_text(b.text, ts, g_.measure, "byline", ctx, &b));
    for (int j = 0; j < static_cast<int>(para(id).lines.size()); ++j) {
      Piece pc;
      pc.height = ceil_to(ts.pitch(), g_.pitch);
      pc.lines.push_back({id, j, 0, 0});
      pc.break_after = false;
      flow_.body.push_back(std::move(pc));
    }
  }

  // Composes the next block (or the next window of a long paragraph); false at the article's end.
  bool step() {
    if (long_.b) {
      long_window();
      return true;
    }
    while (!stack.empty() && stack.back().next >= stack.back().blocks->size()) stack.pop_back();
    if (stack.empty()) return false;
    Level& top = stack.back();
    const Block& b = (*top.blocks)[top.next++];
    block(b, top.box);
    return true;
  }

  void block(const Block& b, int box) {
    switch (b.kind) {
      case Kind::section:
        stack.push_back({&b.children, 0, box});
        break;
      case Kind::box:
        stack.push_back({&b.children, 0, next_box_++});
        break;
      case Kind::heading:
        subhead(b, box);
        break;
      case Kind::paragraph:
      case Kind::caption:  // a scanned page's caption, its picture not reproduced: set as text
        paragraph(b, box);
        break;
      case Kind::figure:  // set at the top of page 1 (figures.cpp)
      case Kind::credit:
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

  SetParagraph& para(int id) { return flow_.paras[static_cast<size_t>(id - flow_.para_base)]; }
  int add(SetParagraph sp) {
    flow_.paras.push_back(std::move(sp));
    return flow_.next_para() - 1;
  }

  float inner_measure(int box) const { return box >= 0 ? g_.box_inner : g_.measure; }

  // One piece per line of paragraph `id`; its lines are numbers first_line... of the whole
  // paragraph's `total` lines (0: more lines follow, so the orphan rule is met after these).
  void body_lines(int id, int box, int first_line, int total) {
    const TextStyle& ts = box >= 0 ? s_.box : s_.body;
    float u = box >= 0 ? g_.box_inset : 0;
    int n = static_cast<int>(para(id).lines.size());
    for (int j = 0; j < n; ++j) {
      int line = first_line + j;
      Piece pc;
      pc.height = box >= 0 ? ts.pitch() : g_.pitch;
      pc.lines.push_back({id, j, u, 0});
      pc.break_after = total > 0 ? may_break_after(line, total) : line + 1 >= 2;
      pc.box = box;
      flow_.body.push_back(std::move(pc));
    }
  }

  void paragraph(const Block& b, int box) {
    if (b.text.size() > kWindowBytes) {
      long_ = Long{&b, box, 0, 0};
      long_window();
      return;
    }
    const TextStyle& ts = box >= 0 ? s_.box : s_.body;
    int id = add(set_text(b.text, ts, inner_measure(box), box >= 0 ? "box" : "p", ctx, &b));
    body_lines(id, box, 0, static_cast<int>(para(id).lines.size()));
  }

  // The next window of the long paragraph: its lines up to kKeepBytes (at least one), or all of
  // them in the last window.
  void long_window() {
    const Block& b = *long_.b;
    std::string_view text = std::string_view(b.text).substr(long_.at);
    size_t len = cut_at(text, kWindowBytes);
    bool last = len == text.size();
    TextStyle ts = long_.box >= 0 ? s_.box : s_.body;
    if (long_.at > 0) ts.indent = 0;  // the first line's indent is the paragraph's, not a window's
    const char* kind = long_.box >= 0 ? "box" : "p";
    SetText set = set_text_quietly(text.substr(0, len), ts, inner_measure(long_.box), kind, ctx);
    size_t keep_lines = set.sp.lines.size();
    size_t keep_bytes = len;
    if (!last) {
      const Paragraph& p = set.sp.p;
      keep_lines = 0;
      while (keep_lines < set.sp.lines.size() && p.atoms[set.sp.lines[keep_lines].last].end <= kKeepBytes) ++keep_lines;
      keep_lines = std::max<size_t>(keep_lines, 1);  // a line longer than the window: cut where it ends
      if (keep_lines < set.sp.lines.size()) keep_bytes = p.atoms[set.sp.lines[keep_lines].first].begin;
      else keep_bytes = len;
      set.sp.lines.resize(keep_lines);
      set.sp.continues = true;
      if (keep_bytes == 0) keep_bytes = len;  // never stand still
    }
    warn(set, ts, kind, ctx, &b, keep_bytes);
    int id = add(std::move(set.sp));
    long_.at += keep_bytes;
    last = last || long_.at >= b.text.size();
    if (last) para(id).continues = false;
    body_lines(id, long_.box, long_.lines, last ? long_.lines + static_cast<int>(keep_lines) : 0);
    long_.lines += static_cast<int>(keep_lines);
    if (last) long_ = Long{};
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
      int id = add(set_text(text, ts, measure, "subhead", ctx, &b));
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
};

Composer::Composer(const Document& doc, ComposeContext& ctx, Flow& flow)
    : impl_(std::make_unique<Impl>(doc, ctx, flow)) {
  size_t i = 0;
  for (; i < doc.blocks.size(); ++i) {
    Kind k = doc.blocks[i].kind;
    if (k != Kind::headline && k != Kind::subtitle && k != Kind::byline) break;
    if (doc.blocks[i].text.empty()) continue;
    if (k == Kind::byline && impl_->across()) impl_->lead_byline(doc.blocks[i]);
    else impl_->head_block(doc.blocks[i]);
  }
  impl_->finish_head();
  compose_figures(doc, ctx, flow);
  impl_->stack.push_back({&doc.blocks, i, -1});
}

Composer::~Composer() = default;

bool Composer::reach(int k) {
  while (impl_->flow_.end() <= k)
    if (!impl_->step()) return false;
  return true;
}

void Flow::forget_before(int k) {
  head.clear();
  while (body_base < k && !body.empty()) {
    body.pop_front();
    ++body_base;
  }
  int keep = next_para();  // the first paragraph a piece from k on uses
  for (const Piece& pc : body)
    for (const PieceLine& pl : pc.lines) keep = std::min(keep, pl.para);
  while (para_base < keep && !paras.empty()) {
    paras.pop_front();
    ++para_base;
  }
}

float first_body_size(const Document& doc, const ComposeContext& ctx, float fallback) {
  ComposeContext quiet = ctx;
  quiet.warnings = nullptr;
  Flow flow;
  Composer composer(doc, quiet, flow);
  for (int k = 0; composer.reach(k); ++k) {
    const Piece& pc = flow.piece(k);
    // An across head's byline opens the body in its own size: not what the columns count by.
    if (!pc.lines.empty() && pc.box < 0 && pc.rules.empty() &&
        std::string_view(flow.para(pc.lines.front().para).kind) != "byline")
      return flow.para(pc.lines.front().para).p.size;
    flow.forget_before(k + 1);
  }
  return fallback;
}

Geometry page_geometry(const Style& s) {
  Geometry g;
  g.bleed = s.bleed;
  g.media_w = s.page_width + 2 * s.bleed;
  g.media_h = s.page_height + 2 * s.bleed;
  g.left = s.bleed + s.margin_left;
  g.top = s.bleed + s.page_height - s.margin_top;
  g.bottom = s.bleed + s.margin_bottom;
  g.width = s.page_width - s.margin_left - s.margin_right;
  g.vertical = s.vertical();
  g.along = g.vertical ? g.top - g.bottom : g.width;
  g.columns = s.columns;
  g.gap = s.column_gap;
  g.measure = (g.along - (g.columns - 1) * g.gap) / g.columns;
  if (s.grid) {
    // A whole number of body ems: lines of Han text need no adjustment; the spare length goes
    // into the gaps (or, for one column, into the margins).
    float whole = std::floor(g.measure / s.body.size + 1e-4f) * s.body.size;
    if (g.columns > 1) {
      g.gap = (g.along - g.columns * whole) / (g.columns - 1);
    } else if (g.vertical) {
      float spare = g.along - whole;
      g.top -= spare / 2;
      g.bottom += spare / 2;
    } else {
      g.left += (g.width - whole) / 2;
      g.width = whole;
    }
    g.measure = whole;
    if (g.columns == 1) g.along = whole;
  }
  g.depth = g.vertical ? g.width : g.top - g.bottom;
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

SetParagraph set_text(std::string_view text, const TextStyle& ts, float measure, const char* kind,
                      ComposeContext& ctx, const Block* block) {
  SetText set = set_text_quietly(text, ts, measure, kind, ctx);
  warn(set, ts, kind, ctx, block, text.size());
  return std::move(set.sp);
}

}  // namespace paiban::layout
