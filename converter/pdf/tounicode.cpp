// /ToUnicode CMap (PDF 32000-1 §9.10.3): 2-byte codes → the source text of each glyph (from
// HarfBuzz clusters), so copy/paste and pdftotext return the article's text.
#include "pdf/pdf_internal.h"

namespace paiban::pdf {

std::string tounicode_cmap(const std::vector<std::pair<uint16_t, std::string>>& map) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // At most 100 entries per bfchar block (PDF 32000-1 §9.10.3, Adobe TN 5411).
  for (size_t i = 0; i < map.size(); i += 100) {
    size_t n = std::min<size_t>(100, map.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      out.push_back('<');
      append_hex4(out, map[k].first);
      out += "> <";
      append_hex(out, utf16be(map[k].second, false));
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace paiban::pdf
