// layout: Document + Style → laid-out pages. The stages, in order:
// compose (shape → prepare → break, per block) → paginate → emit.
#include "layout/layout.h"

#include <filesystem>

#include "core/error.h"
#include "core/timer.h"
#include "layout/flow.h"
#include "style/style.h"

namespace paiban {

namespace {

std::string fold(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (out.empty() || out == "regular" || out == "book" || out == "normal" || out == "roman") return "regular";
  return out;
}

std::string canonical(const std::string& path) {
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

// The loaded face a style's FontRef names, or -1. Read-only: the faces were loaded by
// prepare_fonts, which also checks that every face it loaded is found here again.
int find_loaded(const FontLibrary& fonts, const FontRef& ref) {
  for (size_t i = 0; i < fonts.size(); ++i) {
    const FontFace& f = fonts.face(static_cast<int>(i));
    if (!ref.file.empty()) {
      if (f.index == ref.index && canonical(f.path) == canonical(ref.file)) return static_cast<int>(i);
    } else if (fold(f.family) == fold(ref.family) && fold(f.style) == fold(ref.style)) {
      return static_cast<int>(i);
    } else if (fold(f.family) + fold(f.style) == fold(ref.family) + fold(ref.style)) {
      return static_cast<int>(i);  // "Noto Serif CJK SC Bold" + "Regular" ~ "Noto Serif CJK SC" + "Bold"
    }
  }
  return -1;
}

layout::FontChains resolve_chains(const Style& style, const FontLibrary& fonts) {
  layout::FontChains chains;
  for (const auto& [role, refs] : style.fonts) {
    FontChain chain;
    for (const FontRef& ref : refs) {
      int id = find_loaded(fonts, ref);
      if (id >= 0) chain.faces.push_back(id);
    }
    if (chain.faces.empty())
      throw Error(ExitCode::internal, style.file + ": the fonts of role '" + role + "' are not loaded",
                  "call prepare_fonts(style, fonts) before layout");
    chains.roles.emplace_back(role, std::move(chain));
  }
  return chains;
}

}  // namespace

void prepare_fonts(const Style& style, FontLibrary& fonts) {
  for (const auto& [role, refs] : style.fonts) {
    for (size_t i = 0; i < refs.size(); ++i) {
      const FontRef& ref = refs[i];
      int id;
      try {
        id = ref.file.empty() ? fonts.try_face(ref.family, ref.style) : fonts.try_face_file(ref.file, ref.index);
      } catch (const Error& e) {
        // The first face of a role is required; later faces are fallbacks used when installed.
        if (i == 0)
          throw Error(e.code(), style.file + ": font role '" + role + "': " + e.what(), e.hint());
        continue;
      }
      if (find_loaded(fonts, ref) != id) {
        const FontFace& f = fonts.face(id);
        throw input_error(style.file + ": font role '" + role + "': \"" + ref.family + "\" " + ref.style +
                              " was found as \"" + f.family + "\" " + f.style,
                          "write the face's own names in the style: family=\"" + f.family + "\" style=\"" +
                              f.style + "\"");
      }
    }
  }
}

namespace {

// A piece taller than a column (a huge headline or heading) cannot be placed: pagination keeps it
// whole, so it would run off the page. Refuse it rather than print text nobody can see.
void check_on_page(const LaidOutDocument& out, const Document& doc) {
  for (size_t p = 0; p < out.pages.size(); ++p) {
    const LaidOutPage& page = out.pages[p];
    for (const GlyphRun& run : page.runs) {
      for (const PlacedGlyph& g : run.glyphs) {
        if (g.y >= 0 && g.y <= page.height) continue;
        std::string text;
        for (const PlacedGlyph& h : run.glyphs) text += h.text;
        if (text.size() > 60) text = text.substr(0, 60) + "…";
        throw input_error((doc.source.empty() ? std::string("<input>") : doc.source) + ": page " +
                              std::to_string(p + 1) + ": text does not fit on the page: \"" + text + "\"",
                          "a headline, heading or box is taller than a column of this style; shorten it or "
                          "choose a style with taller pages");
      }
    }
  }
}

}  // namespace

LaidOutDocument layout_document(const Document& doc, const Style& style, const FontLibrary& fonts,
                                const TypesetOptions& opts, TypesetReport* report) {
  using namespace layout;
  FontChains chains = resolve_chains(style, fonts);
  Geometry geo = page_geometry(style);
  BreakFinder breaks;
  std::vector<std::string> warnings;
  ComposeContext cc{style, fonts, chains, geo, breaks, &warnings, {}};
  ScopedTimer timer;
  Flow flow = compose(doc, cc);
  double compose_ms = timer.restart();
  std::vector<PageLayout> pages = paginate(flow, geo, opts.limits, doc.source.empty() ? "typeset" : doc.source);
  double paginate_ms = timer.restart();
  std::string dump;
  EmitContext ec{style, fonts, chains, geo, breaks, opts.debug ? &dump : nullptr};
  LaidOutDocument out = emit(doc, flow, pages, ec);
  check_on_page(out, doc);
  double emit_ms = timer.ms();
  if (report) {
    for (auto& w : warnings) report->warnings.push_back(std::move(w));
    report->debug_dump = std::move(dump);
    report->timings.shape_ms += cc.timings.shape_ms;
    report->timings.break_ms += cc.timings.break_ms + (compose_ms - cc.timings.shape_ms - cc.timings.break_ms);
    report->timings.paginate_ms += paginate_ms + emit_ms;
  }
  return out;
}

}  // namespace paiban
