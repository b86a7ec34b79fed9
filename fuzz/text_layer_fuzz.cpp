// Fuzz target: bytes → a PDF text layer's words (seven bytes each: position, size, gap, face and
// a piece of text) → layer_page's lines and regions → reflow_ocr of the page as exact. The words
// are what poppler could give for any page: overlapping, out of order, zero-sized, huge. Every
// word's text lands in exactly one line, in order; boxes hold what they contain; reflow either
// gives pages or a paiban error naming the input.
#include <algorithm>
#include <cstdint>

#include "fuzz_check.h"
#include "ocr/scan/engine/engine.h"
#include "reflow/reflow.h"

namespace paiban::fuzz {

namespace {

bool holds(const BBox& outer, const BBox& inner) {
  return outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && outer.x1 >= inner.x1 && outer.y1 >= inner.y1;
}

}  // namespace

void text_layer_one(std::string_view bytes) {
  static const char* const kText[] = {"中", "国", "，", "。", "（", "）", "“", "”", "2023", "A", "年", "的", "—", "、", "新闻", "：", "日）", "标题"};
  static const char* const kFace[] = {"NotoSerifCJKsc-Regular", "NotoSansCJKsc-Bold", "LXGWWenKai-Regular", ""};
  std::vector<scan::engine::LayerWord> words;
  std::string all;
  for (size_t i = 0; i + 7 <= bytes.size() && words.size() < 4096; i += 7) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(bytes[i + k]); };
    scan::engine::LayerWord w;
    const int x = b(0) * 12, y = b(1) * 12, size = 1 + b(2) % 96;
    const int chars = 1 + b(3) % 12;
    w.box = {x, y, x + (b(3) & 0x80 ? 0 : chars * size), y + size * 14 / 10};
    w.size = size;
    w.space_after = b(4) & 1;
    w.face = kFace[(b(4) >> 1) % 4];
    for (int k = 0; k < chars % 4 + 1; ++k) w.text += kText[(b(5) + k * b(6)) % (sizeof kText / sizeof *kText)];
    all += w.text;
    words.push_back(std::move(w));
  }
  ocr::Page page = scan::engine::layer_page(words);
  std::string got;
  size_t lines = 0;
  for (const auto& r : page.regions) {
    check(!r.lines.empty(), "an empty region");
    for (const auto& l : r.lines) {
      ++lines;
      check(holds(r.box, l.box), "a region's box does not hold its line " + l.id);
      for (const auto& w : l.words) {
        check(holds(l.box, w.box), "a line's box does not hold its word: " + l.id);
        got += w.text;
      }
    }
  }
  check(lines <= words.size(), "more lines than words");
  std::string sorted_all = all, sorted_got = got;
  std::sort(sorted_all.begin(), sorted_all.end());
  std::sort(sorted_got.begin(), sorted_got.end());
  check(sorted_all == sorted_got, "a word's text lost or repeated");
  page.source = "fuzz.pdf";
  page.width = 3072, page.height = 3072, page.dpi = 300, page.exact = true;
  try {
    ReflowResult r = reflow_ocr({page}, "fuzz.pdf");
    check(r.doc.pages.size() == 1, "one page in, not one page out");
  } catch (const Error& e) {
    check_error(e, "fuzz.pdf");
  }
}

}  // namespace paiban::fuzz

PAIBAN_FUZZ_ENTRY(paiban::fuzz::text_layer_one)
