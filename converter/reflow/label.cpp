// label: the last stage of reflow and reflow_ocr — which language tag the text gets. Simplified
// or Traditional is read from the text's Han forms (core/han_forms.h), per article and for the
// whole input, so a Traditional article from Taiwan or Hong Kong says lang="zh-Hant" and is set
// and shaped as Traditional text. (--lang in the commands overrides it.)
#include "core/han_forms.h"
#include "reflow/reflow.h"

namespace paiban {

namespace {

HanForms forms_of(const Block& b) {
  HanForms f = count_han_forms(b.text);
  for (const auto& line : b.lines) f += count_han_forms(line);
  for (const auto& c : b.children) f += forms_of(c);
  return f;
}

HanForms forms_of(const Document& d) {
  HanForms f;
  for (const auto& b : d.blocks) f += forms_of(b);
  return f;
}

}  // namespace

void label_language(Document& doc) {
  HanForms all = forms_of(doc);
  for (auto& page : doc.pages)
    for (auto& article : page.articles) {
      HanForms f = forms_of(article);
      article.lang = han_language(f);
      all += f;
    }
  doc.lang = han_language(all);
}

void set_language(Document& doc, const std::string& lang) {
  doc.lang = lang;
  for (auto& page : doc.pages)
    for (auto& article : page.articles) article.lang = lang;
}

}  // namespace paiban
