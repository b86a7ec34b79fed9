// layout: Document + Style → laid-out pages. The stages, in order:
// compose (shape → prepare → break, per block) → paginate → emit.
#include "layout/layout.h"

#include <algorithm>
#include <optional>

#include "core/clreq.h"
#include "core/error.h"
#include "core/limits.h"
#include "core/timer.h"
#include "layout/flow.h"
#include "style/style.h"

namespace paiban {

namespace {

layout::FontChains resolve_chains(const Style& style, const FontLibrary& fonts) {
  layout::FontChains chains;
  for (const auto& [role, refs] : style.fonts) {
    FontChain chain;
    for (const FontRef& ref : refs) {
      int id = fonts.resolve(ref);
      if (id >= 0) chain.faces.push_back(id);
    }
    if (chain.faces.empty())
      throw Error(ExitCode::internal, style.file + ": the fonts of role '" + role + "' are not loaded",
                  "call prepare_fonts(style, fonts) before layout");
    chains.roles.emplace_back(role, std::move(chain));
  }
  return chains;
}

// A face without vhea/vmtx still sets upright, on the em-box advances HarfBuzz synthesises; say
// so rather than let a column run on guessed metrics unnoticed (OpenType vmtx).
void warn_vertical_metrics(const layout::FontChains& chains, const FontLibrary& fonts, const Style& style,
                           std::vector<int>& seen, std::vector<std::string>& warnings) {
  for (const auto& [role, chain] : chains.roles) {
    for (int id : chain.faces) {
      const FontFace& f = fonts.face(id);
      if (f.vertical_metrics || std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      seen.push_back(id);
      warnings.push_back(style.file + ": font role '" + role + "': \"" + f.family + "\" " + f.style +
                         " has no vertical metrics (vhea/vmtx): its characters are set upright on em-box "
                         "advances; choose a face with vertical metrics (Noto CJK) for vertical-rl");
    }
  }
}

// The faces each article is set in (style.h Faces): the style's own, or for a zh-Hant article
// under a by-language style naming Noto CJK SC faces, the Traditional variant's (TC faces: Taiwan's
// standard glyph forms, which Simplified faces do not draw). Resolved once, on the first such article.
class ArticleFaces {
 public:
  ArticleFaces(const Style& style, const FontLibrary& fonts)
      : style_(style), fonts_(fonts), own_(resolve_chains(style, fonts)),
        follows_(style.faces == Faces::by_language && has_traditional_variant(style)) {}

  // The chains for `art`; what was chosen goes into `notes` (--verbose), a fallback into `warnings`.
  const layout::FontChains& of(const Document& art, int number, std::vector<std::string>& notes,
                               std::vector<std::string>& warnings) {
    const bool traditional = clreq::variant_of(art.lang) == clreq::Variant::traditional;
    const std::string who = (art.source.empty() ? std::string("typeset") : art.source) + ": article " +
                            std::to_string(number) + " (" + art.lang + ")";
    if (!follows_) {
      if (style_.faces == Faces::pinned) notes.push_back(who + ": the faces of style " + style_.name + " (pinned by its name)");
      return own_;
    }
    if (!traditional) {
      notes.push_back(who + ": the faces of style " + style_.name);
      return own_;
    }
    if (!tc_) tc_ = traditional_chains(warnings);
    if (tc_->roles.empty()) return own_;
    notes.push_back(who + ": Traditional Chinese faces, as style " + style_.name + "-tc (--style " + style_.name +
                    "-sc keeps the Simplified ones)");
    return *tc_;
  }

 private:
  // Empty when a role's first Traditional face is not installed (then warned once).
  layout::FontChains traditional_chains(std::vector<std::string>& warnings) const {
    const Style tc = traditional_variant(style_);
    for (const auto& [role, refs] : tc.fonts) {
      if (fonts_.resolve(refs.front()) >= 0) continue;
      warnings.push_back(style_.file + ": font role '" + role + "': \"" + refs.front().family + "\" " +
                         refs.front().style + " is not installed: zh-Hant articles are set in the style's own "
                         "(Simplified) faces; install fonts-noto-cjk");
      return {};
    }
    return resolve_chains(tc, fonts_);
  }

  const Style& style_;
  const FontLibrary& fonts_;
  layout::FontChains own_;
  bool follows_;
  std::optional<layout::FontChains> tc_;
};

// The style's <face> naming `ref`, or the style file for a ref made in code.
Where where_of(const FontRef& ref, const Style& style) {
  return ref.where.file.empty() ? Where{style.file} : ref.where;
}

}  // namespace

namespace {

// A by-language style's Traditional faces (style.h Faces), loaded when installed: a zh-Hant article
// that finds them missing is set in the style's own faces with a warning (ArticleFaces).
void prepare_traditional_fonts(const Style& style, FontLibrary& fonts) {
  if (style.faces != Faces::by_language || !has_traditional_variant(style)) return;
  for (const auto& [role, refs] : traditional_variant(style).fonts) {
    for (const FontRef& ref : refs) {
      try {
        fonts.load(ref);
      } catch (const Error&) {
      }
    }
  }
}

}  // namespace

void prepare_fonts(const Style& style, FontLibrary& fonts) {
  for (const auto& [role, refs] : style.fonts) {
    for (size_t i = 0; i < refs.size(); ++i) {
      const FontRef& ref = refs[i];
      int id;
      try {
        id = fonts.load(ref);
      } catch (const Error& e) {
        // The first face of a role is required; later faces are fallbacks used when installed.
        if (i == 0)
          throw Error(e.code(), where_of(ref, style), "font role '" + role + "': its first face cannot be loaded")
              .because(e);
        continue;
      }
      if (fonts.resolve(ref) != id) {  // resolve_chains must find it again
        const FontFace& f = fonts.face(id);
        throw input_error(where_of(ref, style),
                          "font role '" + role + "': \"" + ref.family + "\" " + ref.style + " was found as \"" +
                              f.family + "\" " + f.style,
                          "write the face's own names in the style: family=\"" + f.family + "\" style=\"" +
                              f.style + "\"");
      }
    }
  }
  prepare_traditional_fonts(style, fonts);
}

namespace {

// A piece taller than a column (a huge headline or heading) cannot be placed: pagination keeps it
// whole, so it would run off the page. Refuse it rather than print text nobody can see.
void check_on_page(const LaidOutPage& page, int number, const Document& doc) {
  for (const GlyphRun& run : page.runs) {
    for (const PlacedGlyph& g : run.glyphs) {
      if (g.y >= 0 && g.y <= page.height) continue;
      std::string text;
      for (const PlacedGlyph& h : run.glyphs) text += h.text;
      if (text.size() > 60) text = text.substr(0, 60) + "…";
      throw input_error((doc.source.empty() ? std::string("<input>") : doc.source) + ": page " +
                            std::to_string(number) + ": text does not fit on the page: \"" + text + "\"",
                        "a headline, heading or box is taller than a column of this style; shorten it or "
                        "choose a style with taller pages");
    }
  }
}

// What is set: the article, or a scanned page's articles in reading order (no page make-up yet:
// each starts a page with its own head), each with the page's date and source where it names
// none ({date} in running heads, messages). An article without blocks sets nothing. A single
// article is not copied.
struct Articles {
  std::vector<Document> owned;
  std::vector<const Document*> list;
};

Articles articles_of(const Document& doc) {
  Articles out;
  if (!doc.is_pages()) {
    out.list.push_back(&doc);
    return out;
  }
  for (const Page& p : doc.pages) {
    for (const Document& a : p.articles) {
      if (a.blocks.empty()) continue;
      out.owned.push_back(a);
      if (out.owned.back().date.empty()) out.owned.back().date = doc.date;
      if (out.owned.back().source.empty()) out.owned.back().source = doc.source;
    }
  }
  for (const Document& a : out.owned) out.list.push_back(&a);
  return out;
}

bool prints_page_count(const Running& r) {
  if (!r.enabled) return false;
  for (const std::string* t : {&r.left, &r.center, &r.right})
    if (t->find("{pages}") != std::string::npos) return true;
  return false;
}

// One article composed and paginated a page at a time; what lies behind the page last made is
// forgotten (layout/flow.h), so memory follows a page, not the article.
struct ArticleRun {
  layout::Flow flow;
  layout::Composer composer;
  layout::Paginator paginator;
  ArticleRun(const Document& doc, layout::ComposeContext& cc)
      : composer(doc, cc, flow),
        paginator(flow, composer, cc.geo, layout::first_body_size(doc, cc, cc.geo.pitch)) {}
  bool next(layout::PageLayout& page) { return paginator.next(page); }
  // After the page just made has been drawn: keep the piece before the next page (paginate asks
  // whether a box continues from it) and what follows.
  void forget_drawn() { flow.forget_before(std::max(0, paginator.next_piece() - 1)); }
};

}  // namespace

DocumentInfo layout_pages(const Document& doc, const Style& style, const FontLibrary& fonts,
                          const TypesetOptions& opts, TypesetReport* report, const PageSink& sink) {
  using namespace layout;
  ArticleFaces faces(style, fonts);
  Geometry geo = page_geometry(style);
  BreakFinder breaks;
  std::vector<std::string> warnings, notes;
  const std::string where = doc.source.empty() ? "typeset" : doc.source;
  Articles articles = articles_of(doc);
  if (articles.list.empty())
    throw input_error(where + ": no article to typeset (the page holds no text)",
                      "check that the OCR found text on this page");
  // Each article's faces, chosen before any is set (notes in reading order, warnings once).
  std::vector<const FontChains*> chains;
  std::vector<int> warned;
  for (const Document* a : articles.list) {
    chains.push_back(&faces.of(*a, static_cast<int>(chains.size()) + 1, notes, warnings));
    if (geo.vertical) warn_vertical_metrics(*chains.back(), fonts, style, warned, warnings);
  }
  auto context = [&](size_t k, std::vector<std::string>* w) {
    ComposeContext c{style, fonts, *chains[k], geo, breaks, w, {}};
    c.vertical = geo.vertical;
    c.images = opts.images;
    c.lang = articles.list[k]->lang;
    return c;
  };
  double shape_ms = 0, break_ms = 0;
  ScopedTimer timer;
  double paginate_ms = 0, emit_ms = 0;
  // {pages} in a running head needs the page count before page 1 is drawn: a first pass counts
  // them (composing twice); without it pages are drawn as they are made.
  int total = 0;
  if (prints_page_count(style.header) || prints_page_count(style.footer)) {
    for (size_t k = 0; k < articles.list.size(); ++k) {
      ComposeContext quiet = context(k, nullptr);
      ArticleRun run(*articles.list[k], quiet);
      PageLayout page;
      while (run.next(page)) {
        check_page_count(++total, where, opts.limits);
        run.forget_drawn();
      }
    }
    paginate_ms += timer.restart();
  }
  std::string dump;
  DocumentInfo out;
  int done = 0;  // pages handed to the sink
  for (size_t k = 0; k < articles.list.size(); ++k) {
    const Document& art = *articles.list[k];
    ComposeContext cc = context(k, &warnings);
    EmitContext ec{style, fonts, *chains[k], geo, breaks, opts.debug ? &dump : nullptr};
    ec.first_page = done + 1;
    ec.total_pages = total;
    ec.lang = art.lang;
    ArticleInfo info = article_info(art, style);
    if (done == 0) {
      out.title = info.title;
      out.author = info.author;
      out.subject = info.subject;
    }
    // A scanned page's article: its own outline entry (its headline), over its sections'.
    if (doc.is_pages() && !info.title.empty()) out.bookmarks.push_back({info.title, done, geo.top});
    ArticleRun run(art, cc);
    PageLayout layout;
    for (int pi = 0;; ++pi) {
      {
        ScopedTimer tp(&paginate_ms);
        if (!run.next(layout)) break;
        check_page_count(done + 1, where, opts.limits);
      }
      ScopedTimer te(&emit_ms);
      LaidOutPage page = emit_page(run.flow, layout, pi, info, ec, out.bookmarks);
      check_on_page(page, done + 1, art);
      sink(page);
      ++done;
      run.forget_drawn();
    }
    shape_ms += cc.timings.shape_ms;
    break_ms += cc.timings.break_ms;
  }
  if (report) {
    for (auto& w : warnings) report->warnings.push_back(std::move(w));
    for (auto& n : notes) report->notes.push_back(std::move(n));
    report->debug_dump = std::move(dump);
    // Composing happens as pagination reads the flow: its shaping and breaking are taken out.
    report->timings.shape_ms += shape_ms;
    report->timings.break_ms += break_ms;
    report->timings.paginate_ms += std::max(0.0, paginate_ms - shape_ms - break_ms) + emit_ms;
  }
  return out;
}

std::vector<float> figure_depths(const Document& doc, const Style& style, const FontLibrary& fonts,
                                 const Images* images) {
  bool any = false;
  for (const Block& b : doc.blocks) any = any || b.kind == Kind::figure || b.kind == Kind::section;
  if (!any) return {};
  using namespace layout;
  ArticleFaces faces(style, fonts);
  std::vector<std::string> ignored;
  Geometry geo = page_geometry(style);
  BreakFinder breaks;
  ComposeContext cc{style, fonts, faces.of(doc, 1, ignored, ignored), geo, breaks, nullptr, {}};
  cc.lang = doc.lang;
  cc.images = images;
  Flow flow;
  Composer composer(doc, cc, flow);
  return flow.reserve;
}

LaidOutDocument layout_document(const Document& doc, const Style& style, const FontLibrary& fonts,
                                const TypesetOptions& opts, TypesetReport* report) {
  LaidOutDocument out;
  std::vector<LaidOutPage> pages;
  static_cast<DocumentInfo&>(out) =
      layout_pages(doc, style, fonts, opts, report, [&](const LaidOutPage& p) { pages.push_back(p); });
  out.pages = std::move(pages);
  return out;
}

}  // namespace paiban
