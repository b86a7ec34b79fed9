// write (text): Document → clean text. Blocks in reading order, one empty line between them; a
// paragraph on one line (or rewrapped to a width); a heading's printed lines kept.
#include "text/text.h"

#include "core/unicode.h"
#include "text/stages.h"

namespace paiban {

namespace {

struct Writer {
  const TextOptions& opts;
  std::string out;

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
    if (!out.empty()) out += '\n';
  }
};

}  // namespace

std::string write_text(const Document& doc, const TextOptions& opts) {
  Writer w{opts, {}};
  for (const auto& b : doc.blocks) w.block(b);
  return w.out;
}

}  // namespace paiban
