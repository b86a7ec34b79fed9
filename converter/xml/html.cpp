// write_html: Document → a standalone HTML5 page (https://html.spec.whatwg.org/): an <article>
// per article with its <header>, headings, boxes as <aside> and captions as <figure>; CSS for
// Chinese text (docs/formats.md "HTML"). Written as well-formed XML too, so XML tools read it.
#include <algorithm>
#include <string>

#include "core/date.h"
#include "core/xml_chars.h"
#include "xml/formats.h"

namespace paiban {

namespace {

// Text and attribute values: & < > " escaped (HTML's "escaping a string", attribute mode).
using xml_chars::escape;

// Body text in the paper's manner: 2 em indent, justified; CJK punctuation trimmed where CSS Text 4's
// text-spacing-trim is supported, and a gap between Han and Latin where text-autospace is.
constexpr const char* kStyle = R"(
body { margin: 0 auto; max-width: 42em; padding: 1em 1.5em; line-height: 1.8;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif;
  text-spacing-trim: trim-start; text-autospace: normal; }
:lang(zh-Hant) { font-family: "Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", "PMingLiU", serif; }
h1, h2, h3 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  line-height: 1.4; }
h1 { font-size: 1.9em; margin: 0.6em 0 0.3em; }
h2 { font-size: 1.2em; margin: 1.2em 0 0.4em; }
h3 { font-size: 1.05em; margin: 1em 0 0.3em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
header p { text-indent: 0; }
.subtitle { font-size: 1.2em; }
.byline, .date, figcaption { color: #444; font-size: 0.9em; }
aside { margin: 1em 0; padding: 0.5em 1em; border: 1px solid #888;
  font-family: "LXGW WenKai", "Kaiti SC", "KaiTi", serif; }
figure { margin: 1em 0; }
article + article { margin-top: 2em; padding-top: 1em; border-top: 1px solid #888; }
)";

class Writer {
 public:
  explicit Writer(std::string& out) : o_(out) {}

  // `date`: the article's own, else its page's.
  void article(const Document& a, const std::string& page_lang, const std::string& date) {
    o_ += a.lang == page_lang ? "<article>\n" : "<article lang=\"" + escape(a.lang) + "\">\n";
    // The blocks that open the article (headline, subtitle, byline) are its <header>.
    size_t i = 0;
    while (i < a.blocks.size() && is_head(a.blocks[i].kind)) ++i;
    auto day = parse_iso_date(a.date.empty() ? date : a.date);
    if (i > 0 || day) {
      o_ += "<header>\n";
      for (size_t k = 0; k < i; ++k) block(a.blocks[k], 0);
      if (day) o_ += "<p class=\"date\"><time datetime=\"" + iso_date(*day) + "\">" + escape(chinese_date(*day)) + "</time></p>\n";
      o_ += "</header>\n";
    }
    for (; i < a.blocks.size(); ++i) block(a.blocks[i], 0);
    o_ += "</article>\n";
  }

 private:
  static bool is_head(Kind k) { return k == Kind::headline || k == Kind::subtitle || k == Kind::byline; }

  void element(const char* tag, const char* cls, const std::string& text) {
    o_ += std::string("<") + tag + (cls ? std::string(" class=\"") + cls + "\"" : "") + ">" + escape(text) + "</" + tag + ">\n";
  }

  // depth: 0 in the article, 1 inside a section or box, 2 in a box of a section: its heading is h2, h3, ….
  void block(const Block& b, int depth) {
    switch (b.kind) {
      case Kind::headline: element("h1", nullptr, b.text); break;
      case Kind::subtitle: element("p", "subtitle", b.text); break;
      case Kind::byline: element("p", "byline", b.text); break;
      case Kind::paragraph: element("p", nullptr, b.text); break;
      case Kind::caption: o_ += "<figure><figcaption>" + escape(b.text) + "</figcaption></figure>\n"; break;
      case Kind::credit: element("p", "credit", b.text); break;
      case Kind::figure: {
        o_ += "<figure><img src=\"" + escape(b.image) + "\" alt=\"\" />\n";
        for (const auto& c : b.children)
          if (c.kind == Kind::caption) o_ += "<figcaption>" + escape(c.text) + "</figcaption>\n";
          else block(c, depth + 1);
        o_ += "</figure>\n";
        break;
      }
      case Kind::heading: {  // printed lines kept as lines
        std::string h = "h" + std::to_string(std::min(std::max(depth + 1, 2), 6));
        o_ += "<" + h + ">";
        for (size_t k = 0; k < b.lines.size(); ++k) o_ += (k ? "<br />" : "") + escape(b.lines[k]);
        o_ += "</" + h + ">\n";
        break;
      }
      case Kind::section:
      case Kind::box:
        o_ += b.kind == Kind::box ? "<aside>\n" : "<section>\n";
        for (const auto& c : b.children) block(c, depth + 1);
        o_ += b.kind == Kind::box ? "</aside>\n" : "</section>\n";
        break;
    }
  }

  std::string& o_;
};

// <title>: the first headline; else the source's name; HTML requires one that is not empty.
std::string title_of(const Document& doc) {
  auto first_headline = [](const Document& a) -> const Block* {
    for (const auto& b : a.blocks)
      if (b.kind == Kind::headline) return &b;
    return nullptr;
  };
  const Block* h = first_headline(doc);
  for (size_t p = 0; !h && p < doc.pages.size(); ++p)
    for (size_t k = 0; !h && k < doc.pages[p].articles.size(); ++k) h = first_headline(doc.pages[p].articles[k]);
  if (h && !h->text.empty()) return h->text;
  return doc.source.empty() ? "paiban" : doc.source;
}

}  // namespace

std::string write_html(const Document& doc) {
  std::string o = "<!DOCTYPE html>\n<html lang=\"" + escape(doc.lang) + "\">\n<head>\n<meta charset=\"utf-8\" />\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n";
  o += "<title>" + escape(title_of(doc)) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
  Writer w(o);
  if (!doc.is_pages()) w.article(doc, doc.lang, doc.date);
  for (const auto& p : doc.pages) {
    std::string label = p.number > 0 ? " data-page=\"" + std::to_string(p.number) + "\"" : "";
    if (doc.pages.size() > 1) o += "<section class=\"page\"" + label + ">\n";
    for (const auto& a : p.articles) w.article(a, doc.lang, doc.date);
    if (doc.pages.size() > 1) o += "</section>\n";
  }
  o += "</main>\n</body>\n</html>\n";
  return o;
}

}  // namespace paiban
