// jump: a story too long for its page is cut where its module is full — the most of its text that
// still fits with the jump line （下转第N版） after it (a binary search over where to cut, each
// candidate set by layout as the module will be) — and its rest continues on page N under the
// headline's short form, （上接第M版） first. Figures stay with the first part (they head it).
#include <algorithm>

#include "makeup/makeup.h"

namespace paiban {

namespace {

bool is_head(Kind k) { return k == Kind::headline || k == Kind::subtitle || k == Kind::byline; }

// A byte offset of `s` at most n on a code point boundary.
size_t boundary(const std::string& s, size_t n) {
  n = std::min(n, s.size());
  while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

Block paragraph(std::string text) {
  Block b;
  b.kind = Kind::paragraph;
  b.text = std::move(text);
  return b;
}

// The headline's short form: up to its first space, colon or dash when that leaves a few
// characters, else its first ten characters.
std::string short_form(const Document& doc) {
  std::string h;
  for (const Block& b : doc.blocks)
    if (b.kind == Kind::headline) h = b.text;
  for (const char* sep : {" ", "\u3000", "：", "——", "—"}) {
    size_t at = h.find(sep);
    if (at != std::string::npos && at >= 6) return h.substr(0, at);
  }
  size_t at = 0;
  for (int k = 0; k < 10 && at < h.size(); ++k) {
    ++at;
    while (at < h.size() && (static_cast<unsigned char>(h[at]) & 0xC0) == 0x80) ++at;
  }
  return h.substr(0, at);
}

}  // namespace

bool cut_for_jump(const Document& doc, const std::string& short_head, int from, int to, const Style& page,
                  const Grid& g, const Module& m, const FontLibrary& fonts, const Images* images, Jumped* out,
                  TypesetTimings* t) {
  // Positions: a paragraph counts its bytes, any other body block one (it is never split).
  std::vector<size_t> size;
  size_t total = 0, first_body = 0;
  while (first_body < doc.blocks.size() && is_head(doc.blocks[first_body].kind)) ++first_body;
  for (size_t i = first_body; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    size.push_back(b.kind == Kind::figure ? 0 : b.kind == Kind::paragraph ? b.text.size() : 1);
    total += size.back();
  }
  const std::string down = "（下转第" + std::to_string(to) + "版）";
  auto split = [&](size_t cut, Jumped& j) {
    j.here = doc;
    j.here.blocks.assign(doc.blocks.begin(), doc.blocks.begin() + first_body);
    j.rest = doc;
    j.rest.blocks.clear();
    Block head;
    head.kind = Kind::headline;
    head.text = short_head.empty() ? short_form(doc) : short_head;
    if (!head.text.empty()) j.rest.blocks.push_back(head);
    j.rest.blocks.push_back(paragraph("（上接第" + std::to_string(from) + "版）"));
    size_t at = 0;
    for (size_t k = 0; k < size.size(); ++k) {
      const Block& b = doc.blocks[first_body + k];
      if (b.kind == Kind::figure || at + size[k] <= cut) {
        j.here.blocks.push_back(b);
      } else if (at >= cut) {
        j.rest.blocks.push_back(b);
      } else {  // the paragraph the cut falls in
        size_t n = boundary(b.text, cut - at);
        if (n > 0) j.here.blocks.push_back(paragraph(b.text.substr(0, n)));
        j.rest.blocks.push_back(paragraph(b.text.substr(n)));
        j.rest.blocks.back().src = b.src;
      }
      at += size[k];
    }
    // The jump line ends the text kept, run on after its last words as papers print it.
    if (!j.here.blocks.empty() && j.here.blocks.back().kind == Kind::paragraph && j.here.blocks.size() > first_body)
      j.here.blocks.back().text += down;
    else
      j.here.blocks.push_back(paragraph(down));
  };
  auto fits = [&](size_t cut) {
    Jumped j;
    split(cut, j);
    LaidOutPage unused;
    return set_module(j.here, page, g, m, fonts, images, &unused, nullptr, t);
  };
  if (!fits(0)) return false;
  size_t lo = 0, hi = total;  // fits(lo); the largest cut that fits is found
  while (lo < hi) {
    size_t mid = lo + (hi - lo + 1) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  split(lo, *out);
  return true;
}

}  // namespace paiban
