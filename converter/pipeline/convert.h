// The per-article pipeline shared by `paiban convert` and `paiban batch`:
// bytes → Document (decode + reflow, or read XML) → XML / clean text / PDF.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/limits.h"
#include "reflow/reflow.h"
#include "text/text.h"

namespace paiban {

class FontLibrary;
struct Style;

struct ConvertOptions {
  std::string encoding;  // forced input encoding; "" = detect
  bool xml = true, txt = true, pdf = true;
  TextOptions text;
  Limits limits;  // input size, line length, blocks, XML depth, pages (core/limits.h)
  int pdf_threads = 2;  // threads one PDF is written on; a batch pool that fills every core sets 1
};

struct Converted {
  Document doc;
  std::string xml, txt, pdf;          // empty when not asked for
  std::vector<std::string> warnings;  // OCR repairs made, missing glyphs, ... (one line each)
  std::map<std::string, int> repairs; // OCR repairs made, by kind (ReflowReport::repairs)
  int articles = 0;                   // 1, or the articles of a scanned page (or pages)
};

// How many articles a Document holds: 1, or those of every page.
int count_articles(const Document& doc);

// Raw text (any supported encoding) or article XML → Document. Throws Error on bad input,
// including input past `limits` (size, line length, block count, XML nesting).
Document try_load_document(std::string_view bytes, const std::string& name,
                           const std::string& encoding, ReflowReport* report, const Limits& limits = {});

class Converter {
 public:
  // Loads the style and its fonts once (only when pdf output is wanted); afterwards convert()
  // is safe to call from many threads at once.
  static Converter try_create(const std::string& style, bool need_pdf);
  Converter(Converter&&) noexcept;
  ~Converter();

  // `name` is the input's file name, used in messages and <article source>.
  Converted convert(std::string_view bytes, const std::string& name, const ConvertOptions& opts) const;

 private:
  Converter();
  std::unique_ptr<FontLibrary> fonts_;
  std::unique_ptr<Style> style_;
};

}  // namespace paiban
