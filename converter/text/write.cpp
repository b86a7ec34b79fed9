// write (text): Document → clean text. Blocks in reading order, one empty line between them; a
// paragraph on one line (or rewrapped to a width); a heading's printed lines kept. A scanned
// page's articles one after another, set apart; its furniture only when asked for.
#include "text/text.h"

#include "core/unicode.h"
#include "text/stages.h"

namespace paiban {

namespace {

// Between two articles of a page: a line no article text is (a scene break's asterisks).
constexpr const char* kArticleBreak = "* * *\n";

struct Writer {
  const TextOptions& opts;
  std::string out;
  bool fresh = true;  // nothing written yet on this page: no empty line before the next block

  void lines(const std::string& utf8) {
    std::u32string t = to_u32(utf8);
    if (opts.pangu) t = text_stages::pangu(t);
    for (const auto& l : text_stages::wrap(t, opts.width)) {
      out += to_utf8(l);
      out += '\n';
    }
  }

  void block(const Block& b) {
    switch (b.kind) {
      case Kind::section:
      case Kind::box:
      case Kind::figure:  // its caption and credit
        for (const auto& c : b.children) block(c);
        return;
      case Kind::heading:
        separate();
        for (const auto& l : b.lines) lines(l);
        return;
      default:
        separate();
        lines(b.text);
    }
  }

  void separate() {
    if (!fresh) out += '\n';
    fresh = false;
  }

  void page(const Page& p) {
    if (opts.furniture) {
      for (const auto& f : p.furniture) {
        separate();
        lines(std::string("[") + role_name(f.role) + "] " + f.text);
      }
    }
    bool first = true;
    for (const auto& a : p.articles) {
      if (a.blocks.empty()) continue;
      if (!first) {
        separate();
        out += kArticleBreak;
      }
      first = false;
      for (const auto& b : a.blocks) block(b);
    }
  }
};

}  // namespace

std::string write_text(const Document& doc, const TextOptions& opts) {
  Writer w{opts, {}};
  for (const auto& b : doc.blocks) w.block(b);
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    if (i > 0) {
      w.out += '\f';
      w.fresh = true;
    }
    w.page(doc.pages[i]);
  }
  return w.out;
}

}  // namespace paiban
