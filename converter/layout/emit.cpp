// emit: the paginated flow → page coordinates: glyph runs in reading order (head, then column by
// column), rules (column rules, heading rules, box frames, the head rule, header/footer rules),
// one bookmark per section, and the running header/footer.
//
// Inline/block axes map to the page here and only here (DESIGN §7): horizontal writing puts
// the inline axis along +x and the block axis along −y; vertical-rl the inline axis along −y
// and the block axis along −x, columns (bands) going down the page.
#include <algorithm>
#include <cmath>

#include "core/date.h"
#include "layout/flow.h"

namespace paiban::layout {

namespace {

// A frame: where (u, v) = (0, 0) is on the page, and which way its axes run.
struct Frame {
  float x = 0, y = 0;
  bool vertical = false;
  float px(float u, float v) const { return vertical ? x - v : x + u; }
  float py(float u, float v) const { return vertical ? y - u : y - v; }
};

// The frame of the text area (or a column of it) whose block axis starts `v0` in: its start
// corner is the top-left (horizontal) or the top-right (vertical-rl).
// `v1` goes on from v0 (a column's reserved top), kept apart so horizontal positions are computed
// exactly as they always were.
Frame frame_at(const Geometry& g, float u0, float v0, float v1 = 0) {
  if (g.vertical) return Frame{g.left + g.width - v0 - v1, g.top - u0, true};
  return Frame{g.left + u0, g.top - v0 - v1, false};
}

class Emitter {
 public:
  Emitter(EmitContext& ctx, const Flow& flow, std::vector<Bookmark>& bookmarks)
      : ctx_(ctx), flow_(flow), bookmarks_(bookmarks), g_(ctx.geo) {}

  void piece(LaidOutPage& page, int page_no, int column, const Frame& fr, const Piece& pc, float v) {
    for (const PieceLine& pl : pc.lines) line(page, page_no, column, fr, flow_.para(pl.para), pl.line, pl.u, v + pl.v);
    for (const PieceRule& r : pc.rules)
      page.rules.push_back({fr.px(r.u1, v + r.v), fr.py(r.u1, v + r.v), fr.px(r.u2, v + r.v), fr.py(r.u2, v + r.v),
                            r.width, 0});
    if (!pc.bookmark.empty())
      bookmarks_.push_back({pc.bookmark, page_no - 1, fr.py(0, v)});
  }

  // One line of a set paragraph with its em box top at (u, v) of the frame.
  void line(LaidOutPage& page, int page_no, int column, const Frame& fr, const SetParagraph& sp, int index,
            float u, float v) {
    const Line& L = sp.lines[index];
    bool last = index + 1 == static_cast<int>(sp.lines.size()) && !sp.continues;
    auto glyphs = place_line(sp.p, L, sp.setting, last);
    const float size = sp.p.size;
    // Horizontal: the baseline an ascender below the em box top. Vertical: the em box's centre
    // line, half a size left of its right edge; rotated Latin sits on a baseline that puts its em
    // box (ascender over descender) on that centre line.
    const float baseline = fr.py(u, v) - sp.ascent * size;
    const float centre = fr.px(u, v) - size / 2;
    const float rotated_base = centre - (sp.ascent - 0.5f) * size;
    const int line_no = fr.vertical ? ++vertical_lines_ : 0;
    for (InlineGlyph& ig : glyphs) {
      RunWriting w = RunWriting::horizontal;
      PlacedGlyph pg;
      if (!fr.vertical) {
        pg.x = fr.px(u + ig.u, v);
        pg.y = baseline + ig.dv;
      } else {
        pg.y = fr.py(u + ig.u, v);
        pg.x = (ig.orient == Orient::sideways ? rotated_base : centre) + ig.dv;
        if (ig.orient == Orient::upright) w = RunWriting::vertical;
        else if (ig.orient == Orient::sideways) w = RunWriting::rotated;
      }
      if (page.runs.empty() || page.runs.back().face != ig.face || page.runs.back().size != size ||
          page.runs.back().gray != sp.p.gray || page.runs.back().writing != w || page.runs.back().hscale != ig.scale ||
          page.runs.back().line != line_no) {
        GlyphRun run;
        run.face = ig.face;
        run.size = size;
        run.gray = sp.p.gray;
        run.writing = w;
        run.hscale = ig.scale;
        run.line = line_no;
        page.runs.push_back(std::move(run));
      }
      pg.gid = ig.gid;
      pg.text = std::move(ig.text);
      page.runs.back().glyphs.push_back(std::move(pg));
    }
    if (ctx_.debug) {
      DumpLine d;
      d.page = page_no;
      d.column = column;
      d.x = fr.px(u, v);
      d.y = fr.py(u, v);
      d.w = sp.setting.measure;
      d.h = sp.p.size;
      d.ratio = L.ratio;
      d.glyphs = static_cast<int>(glyphs.size());
      d.line = index + 1;
      d.lines = static_cast<int>(sp.lines.size());
      d.kind = sp.kind;
      d.text = line_text(sp.p, L);
      dump_line(*ctx_.debug, d);
    }
  }

  // A picture with its caption and credit; `fr` at its first column's top.
  void figure(LaidOutPage& page, int page_no, const SetFigure& f, const Frame& fr) {
    page.images.push_back({f.image, fr.px(0, 0), fr.py(0, f.v + f.h), f.w, f.h});  // horizontal pages only (figures.cpp)
    for (size_t t = 0; t < f.texts.size(); ++t) {
      const SetParagraph& sp = f.texts[t];
      float pitch = sp.p.size * (1 + ctx_.style.box.leading);  // as figures.cpp set them
      for (int j = 0; j < static_cast<int>(sp.lines.size()); ++j)
        line(page, page_no, f.column + 1, fr, sp, j, 0, f.v + f.text_v[t] + j * pitch);
    }
  }

  void rule(LaidOutPage& page, float x1, float y1, float x2, float y2, float w, float gray = 0) {
    page.rules.push_back({x1, y1, x2, y2, w, gray});
  }

  // A box frame around a column segment, drawn inside the column so it lines up with the text.
  // Where the box continues from or into another column the frame is open: no rule across.
  void frame(LaidOutPage& page, const Frame& fr, const BoxSegment& b) {
    float w = ctx_.style.box_frame;
    if (w <= 0) return;
    float u1 = w / 2, u2 = g_.measure - w / 2;
    float v1 = b.open_top ? b.v1 : b.v1 + w / 2, v2 = b.open_bottom ? b.v2 : b.v2 - w / 2;
    auto edge = [&](float ua, float va, float ub, float vb) {
      rule(page, fr.px(ua, va), fr.py(ua, va), fr.px(ub, vb), fr.py(ub, vb), w);
    };
    if (!b.open_top) edge(u1, v1, u2, v1);
    edge(u2, v1, u2, v2);
    if (!b.open_bottom) edge(u2, v2, u1, v2);
    edge(u1, v2, u1, v1);
  }

  std::string fill(const std::string& t, int page_no, int pages, const std::string& title,
                   const std::string& date) const {
    return fill_template(t, [&](const std::string& key) -> std::string {
      if (key == "paper") return ctx_.style.paper;
      if (key == "date") return date;
      if (key == "page") return std::to_string(page_no);
      if (key == "pages") return std::to_string(pages);
      return title;
    });
  }

  // The running header (above the text area) or footer (below it): three slots and a rule.
  void running(LaidOutPage& page, int page_no, int pages, const Running& r, bool header, const std::string& title,
               const std::string& date) {
    if (!r.enabled) return;
    ComposeContext cc{ctx_.style, ctx_.fonts, ctx_.chains, g_, ctx_.breaks, nullptr, {}};
    cc.lang = ctx_.lang;
    float v_text;  // em box top of the header/footer line, relative to the text area top
    float rule_y;
    if (header) {
      v_text = -(r.distance + r.text.size);  // em box bottom `distance` above the text area
      rule_y = g_.top + r.distance / 2;
    } else {
      v_text = (g_.top - g_.bottom) + r.distance;  // em box top `distance` below it
      rule_y = g_.bottom - r.distance / 2;
    }
    Frame fr{g_.left, g_.top, false};  // running heads stay horizontal on vertical pages too
    const std::string* slots[3] = {&r.left, &r.center, &r.right};
    const Align aligns[3] = {Align::start, Align::center, Align::end};
    for (int k = 0; k < 3; ++k) {
      std::string text = fill(*slots[k], page_no, pages, title, date);
      if (text.empty()) continue;
      TextStyle ts = r.text;
      ts.align = aligns[k];
      ts.indent = 0;
      SetParagraph sp = set_text(text, ts, g_.width, header ? "header" : "footer", cc, nullptr);
      if (!sp.lines.empty()) line(page, page_no, 0, fr, sp, 0, 0, v_text);
    }
    if (r.rule > 0) rule(page, g_.left, rule_y, g_.left + g_.width, rule_y, r.rule);
  }

 private:
  EmitContext& ctx_;
  const Flow& flow_;
  std::vector<Bookmark>& bookmarks_;
  const Geometry& g_;
  int vertical_lines_ = 0;  // GlyphRun::line of the last vertical line drawn
};

std::string headline_of(const Document& doc, Kind k) {
  for (const Block& b : doc.blocks)
    if (b.kind == k) return b.text;
  return {};
}

}  // namespace

ArticleInfo article_info(const Document& doc, const Style& style) {
  ArticleInfo a;
  a.title = headline_of(doc, Kind::headline);
  a.author = headline_of(doc, Kind::byline);
  a.subject = headline_of(doc, Kind::subtitle);
  // {date}: the article's own date (its XML date attribute or the dateline reflow found), printed
  // as papers do; the style's <paper date> when the article has none.
  a.date = style.date;
  if (auto d = parse_iso_date(doc.date)) a.date = chinese_date(*d);
  return a;
}

LaidOutPage emit_page(const Flow& flow, const PageLayout& pl, int pi, const ArticleInfo& art, EmitContext& ctx,
                      std::vector<Bookmark>& bookmarks) {
  const Geometry& g = ctx.geo;
  Emitter em(ctx, flow, bookmarks);
  LaidOutPage page;
  page.width = g.media_w;
  page.height = g.media_h;
  page.bleed = g.bleed;
  int page_no = ctx.first_page + pi;
  if (pi == 0 && !flow.head.empty()) {
    // An across head is horizontal whatever the page's writing mode (Flow::head_bands).
    Frame fr = flow.head_bands > 0 ? Frame{g.left, g.top - flow.head_v0, false} : frame_at(g, 0, 0);
    float v = 0;
    for (const Piece& pc : flow.head) {
      em.piece(page, page_no, 0, fr, pc, v);
      v += pc.height;
    }
    if (flow.head_rule_v >= 0) {
      float hv = flow.head_rule_v;
      em.rule(page, fr.px(0, hv), fr.py(0, hv), fr.px(g.along, hv), fr.py(g.along, hv), ctx.style.headline_rule);
    }
    if (flow.head_bands > 0 && ctx.style.headline_rule > 0) {  // in the gap under the head's bands
      float y = g.top - (flow.head_bands * (g.measure + g.gap) - g.gap / 2);
      em.rule(page, g.left, y, g.left + g.width, y, ctx.style.headline_rule);
    }
  }
  if (pi == 0)
    for (const SetFigure& f : flow.figures) em.figure(page, page_no, f, Frame{g.left + f.column * (g.measure + g.gap), g.top - pl.top_v});
  float deepest = 0;
  for (int c = 0; c < static_cast<int>(pl.columns.size()); ++c) {
    const ColumnLayout& col = pl.columns[c];
    float reserved = pl.reserve.empty() ? 0 : pl.reserve[c];
    deepest = std::max(deepest, reserved);
    Frame fr = frame_at(g, c * (g.measure + g.gap), pl.top_v, reserved);
    for (const PlacedPiece& pp : col.pieces) em.piece(page, page_no, c + 1, fr, flow.piece(pp.piece), pp.v);
    for (const BoxSegment& b : col.boxes) em.frame(page, fr, b);
    // The column's ink ends at its last line's em box, or at the frame of a box ending it.
    bool framed = !col.boxes.empty() && std::fabs(col.boxes.back().v2 - col.used) < 1e-3f;
    if (!col.pieces.empty())
      deepest = std::max(deepest, reserved + (framed ? col.used : col.used - (g.pitch - g.body_size)));
  }
  // Column rules in the gaps, as deep as the deepest column of the page.
  if (ctx.style.column_rule > 0 && deepest > 0) {
    for (int c = pl.first_column; c + 1 < static_cast<int>(pl.columns.size()); ++c) {
      if (pl.columns[c + 1].pieces.empty() && (pl.reserve.empty() || pl.reserve[c + 1] <= 0)) break;
      if (g.vertical) {
        float y = g.top - ((c + 1) * g.measure + c * g.gap + g.gap / 2), x1 = g.left + g.width - pl.top_v;
        em.rule(page, x1, y, x1 - deepest, y, ctx.style.column_rule, ctx.style.rule_gray);
        continue;
      }
      float x = g.left + (c + 1) * g.measure + c * g.gap + g.gap / 2;
      // The rule starts under a picture spanning this gap.
      float under = 0;
      if (pi == 0)
        for (const SetFigure& f : flow.figures)
          if (f.column <= c && c + 1 < f.column + f.span) under = std::max(under, f.v + f.height - g.pitch / 2);
      if (under >= deepest) continue;
      float y1 = g.top - pl.top_v - under;
      em.rule(page, x, y1, x, g.top - pl.top_v - deepest, ctx.style.column_rule, ctx.style.rule_gray);
    }
  }
  em.running(page, page_no, ctx.total_pages, ctx.style.header, true, art.title, art.date);
  em.running(page, page_no, ctx.total_pages, ctx.style.footer, false, art.title, art.date);
  return page;
}

}  // namespace paiban::layout
