// The library's public API (include/paiban/paiban.h): thin calls into the pipeline. Errors leave
// as the command prints them — causes folded into the message, the nearest hint kept — so a
// program gets the same text as a user of `paiban`.
#include "paiban/paiban.h"

#include "batch/batch.h"
#include "core/error.h"
#include "decode/decode.h"
#include "font/fonts.h"
#include "layout/layout.h"
#include "pipeline/convert.h"
#include "pipeline/typeset.h"
#include "style/style.h"
#include "text/text.h"
#include "xml/xml.h"

namespace paiban {

namespace {

// Runs `f`, turning an Error with causes into one Error whose message is the command's
// "what: because: …" line (cli/main.cpp) and whose hint is the one the command shows.
template <typename F>
auto flat_errors(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Error& e) {
    if (!e.cause()) throw;
    // what() already starts with the where; the constructor puts it back in front.
    std::string what = what_with_causes(e, "\n  because: ");
    const std::string where = e.where().str();
    if (!where.empty() && what.rfind(where + ": ", 0) == 0) what.erase(0, where.size() + 2);
    throw Error(e.code(), e.where(), what, hint_with_causes(e));
  }
}

// Input given without a name is "<bytes>" in messages (as Python names code from a string
// "<string>"), so an error reads "<bytes>:1:16: …", not ":1:16: …"; the Document keeps no source.
const std::string kUnnamed = "<bytes>";

const std::string& shown(const std::string& name) { return name.empty() ? kUnnamed : name; }

Document unnamed(Document d) {
  if (d.source == kUnnamed) d.source.clear();
  for (auto& page : d.pages)
    for (auto& a : page.articles)
      if (a.source == kUnnamed) a.source.clear();
  return d;
}

}  // namespace

const char* version() { return PAIBAN_VERSION; }

Document reflow_bytes(std::string_view bytes, const std::string& name, const std::string& encoding) {
  return flat_errors([&] {
    ReflowReport report;
    return unnamed(load_document(bytes, shown(name), encoding, &report));
  });
}

Document reflow_file(const std::string& path, const std::string& encoding) {
  return flat_errors([&] {
    std::string bytes = read_file_limited(path);
    ReflowReport report;
    return load_document(bytes, path, encoding, &report);
  });
}

Document document_from_xml(std::string_view xml, const std::string& name) {
  return flat_errors([&] { return read_xml(xml, shown(name)); });
}

std::string document_to_xml(const Document& doc) { return write_xml(doc); }

std::string clean_text(const Document& doc, int width, bool pangu) {
  if (width < 0 || (width > 0 && width < 4))
    throw usage_error("width " + std::to_string(width) + " is too narrow", "use 0 (no wrapping) or at least 4");
  TextOptions t;
  t.width = width;
  t.pangu = pangu;
  return write_text(doc, t);
}

struct Typesetter::Impl {
  Style style;
  FontLibrary fonts;
};

Typesetter::Typesetter(const std::string& style) {
  flat_errors([&] {
    impl_ = std::make_unique<Impl>(Impl{load_style(style), FontLibrary()});
    prepare_fonts(impl_->style, impl_->fonts);  // every face loaded before threads share it
    return 0;
  });
}
Typesetter::Typesetter(Typesetter&&) noexcept = default;
Typesetter& Typesetter::operator=(Typesetter&&) noexcept = default;
Typesetter::~Typesetter() = default;

std::string Typesetter::pdf(const Document& doc) const {
  return flat_errors([&] {
    TypesetOptions opts;
    // The host's threads are the library's parallelism: a second thread per document (the command's
    // default, for one article's latency) would leave a pool of N threads no faster than N - 1.
    opts.pdf_threads = 1;
    TypesetReport report;
    return typeset_pdf(doc, impl_->style, impl_->fonts, opts, &report);
  });
}

std::string typeset(const Document& doc, const std::string& style) { return Typesetter(style).pdf(doc); }

int run_batch(const BatchOptions& options, const std::function<void(const BatchProgress&)>& progress) {
  return flat_errors([&] {
    batch::Options o;
    o.src = options.src;
    o.out = options.out;
    o.formats = batch::parse_formats(options.formats);
    o.style = options.style;
    o.jobs = options.jobs;
    o.force = options.force;
    o.progress = batch::ProgressMode::quiet;
    if (progress)
      o.on_done = [&](size_t done, size_t total, const std::string& input, bool problem) {
        progress(BatchProgress{done, total, input, problem});
      };
    return batch::run(o);
  });
}

}  // namespace paiban
