// reflow_ocr: OCR pages → articles. Two kinds of case, each against golden text in
// tests/data/reflow_page/ (regenerate with PAIBAN_REGENERATE_GOLDEN=1, then read the diff):
// - *.page: a hand-built page, one OCR line a row: "region x0 y0 x1 y1 [conf=N] text" (page
//   units, word confidence 0–100, "# " comments, a first row "page W H", "page W H exact" for a
//   PDF's text layer, "engine=NAME" for its producer);
// - *.hocr: real Tesseract chi_sim hOCR (psm 3, 4) of pages paiban typeset and pdftoppm rendered,
//   read by ocr::read_hocr;
// - *.txt: Tesseract's plain text of such a page, through reflow() (several articles → a page).
// The outline lists furniture, then each article's blocks: kind, source ids, bbox, text.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "ocr/fit.h"
#include "ocr/read.h"
#include "reflow/reflow.h"
#include "test_util.h"

using namespace paiban;

namespace {

std::string box(const BBox& b) {
  return "(" + std::to_string(b.x0) + "," + std::to_string(b.y0) + "," + std::to_string(b.x1) + "," +
         std::to_string(b.y1) + ")";
}

// Provenance: source ids and bbox on layout input, src lines on text input.
std::string where(const Block& b) {
  if (!b.ids.empty() || b.bbox.known()) return "[" + b.ids + "] " + box(b.bbox);
  if (!b.src.known()) return "src ?";
  return "src " + std::to_string(b.src.first) + (b.src.last != b.src.first ? "-" + std::to_string(b.src.last) : "");
}

void outline(const Block& b, int depth, std::string& out) {
  out += std::string(static_cast<size_t>(depth) * 2, ' ') + kind_name(b.kind) + " " + where(b);
  if (b.kind == Kind::section || b.kind == Kind::box) {
    out += "\n";
    for (const auto& c : b.children) outline(c, depth + 1, out);
    return;
  }
  std::string t = b.text;
  for (size_t i = 0; i < b.lines.size(); ++i) t += (i ? "⏎" : "") + b.lines[i];
  out += " «" + t + "»\n";
}

std::string outline(const ReflowResult& r) {
  std::string out;
  if (!r.doc.is_pages()) {  // column text of one article
    out += "article\n";
    for (const auto& b : r.doc.blocks) outline(b, 1, out);
  }
  for (const auto& p : r.doc.pages) {
    out += "page " + std::to_string(p.number) + " " + std::to_string(p.width) + "x" + std::to_string(p.height) + "\n";
    for (const auto& f : p.furniture)
      out += std::string("furniture ") + role_name(f.role) + " [" + f.ids + "] " + box(f.bbox) + " «" + f.text + "»\n";
    for (const auto& a : p.articles) {
      out += "article " + box(a.bbox) + "\n";
      for (const auto& b : a.blocks) outline(b, 1, out);
    }
  }
  std::string rep;
  for (const auto& [k, n] : r.report.repairs) rep += " " + k + "=" + std::to_string(n);
  if (!rep.empty()) out += "repairs" + rep + "\n";
  return out;
}

// "page W H [exact] [engine=NAME]": the page's size, whether its boxes are a text layer's, its producer;
// "region x0 y0 x1 y1 [conf=N] [face=F] [hint=caption] [size=S] text": one line per row, read as one
// word with the line's box (size: the type size a text layer names, else none);
// "+ x0 y0 x1 y1 [conf=N] text" rows after it are more words of that line, each with its own box
// (the line's box grows to hold them), for cases where the gaps between words decide; a line
// row whose text is "-" gives the engine's row box alone, its words all in "+" rows (the box
// stays as given: the engine's word boxes may reach past its row's); "rule x0 y0
// x1 y1" is a rule the engine found (a frame's side).
std::vector<ocr::Page> read_page_rows(const std::string& text, const std::string& name) {
  ocr::Page p;
  p.source = name;
  std::istringstream in(text);
  std::string row;
  int n = 0;
  size_t last_region = static_cast<size_t>(-1);  // where the last line went ("+" rows add to it)
  bool row_box = false;                          // the last line's box was given alone ("-")
  while (std::getline(in, row)) {
    ++n;
    if (row.empty() || row[0] == '#') continue;
    std::istringstream rs(row);
    if (row.rfind("page ", 0) == 0) {
      std::string w;
      rs >> w >> p.width >> p.height;
      while (rs >> w) {
        if (w == "exact") p.exact = true;  // a text layer's boxes and sizes
        if (w.rfind("engine=", 0) == 0) p.engine = w.substr(7);  // the producer the source names
      }
      continue;
    }
    if (row.rfind("rule ", 0) == 0) {  // a rule the engine found (hOCR ocr_separator)
      std::string w;
      BBox b;
      rs >> w >> b.x0 >> b.y0 >> b.x1 >> b.y1;
      p.rules.push_back(b);
      continue;
    }
    if (row.rfind("+ ", 0) == 0 && last_region < p.regions.size()) {
      std::string plus;
      ocr::Word w;
      rs >> plus >> w.box.x0 >> w.box.y0 >> w.box.x1 >> w.box.y1 >> w.text;
      if (w.text.rfind("conf=", 0) == 0) w.conf = std::stof(w.text.substr(5)), rs >> w.text;
      ocr::Line& l = p.regions[last_region].lines.back();
      if (!row_box)
        l.box = BBox{std::min(l.box.x0, w.box.x0), std::min(l.box.y0, w.box.y0), std::max(l.box.x1, w.box.x1),
                     std::max(l.box.y1, w.box.y1)};
      l.words.push_back(std::move(w));
      continue;
    }
    size_t region = 0;
    ocr::Line l;
    rs >> region >> l.box.x0 >> l.box.y0 >> l.box.x1 >> l.box.y1;
    std::string rest;
    std::getline(rs, rest);
    while (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
    while (p.regions.size() <= region) p.regions.push_back(ocr::Region{});
    l.id = "l" + std::to_string(n);
    l.src = n;
    ocr::Word w;
    // "key=value " at the row's text's head, taken off it; empty where the key is not there.
    auto take = [&](const char* key) {
      const size_t k = std::strlen(key);
      if (rest.compare(0, k, key) != 0) return std::string();
      const size_t end = std::min(rest.find(' '), rest.size());
      std::string value = rest.substr(k, end - k);
      rest.erase(0, std::min(rest.size(), end + 1));
      return value;
    };
    if (const std::string c = take("conf="); !c.empty()) w.conf = std::stof(c);  // the engine's, 0–100
    l.face = take("face=");  // the typeface a text layer names
    if (const std::string h = take("hint="); !h.empty()) l.hint = ocr::hint_from_name(h);  // the source's class
    if (const std::string z = take("size="); !z.empty()) l.size = std::stod(z);  // the type size a text layer names
    w.text = rest;
    w.box = l.box;
    row_box = rest == "-";
    if (!row_box) l.words.push_back(w);  // "-": the row box alone, its words in "+" rows
    p.regions[region].lines.push_back(l);
    last_region = region;
  }
  return {p};
}

class ReflowPage : public ::testing::TestWithParam<std::string> {};

TEST_P(ReflowPage, MatchesGolden) {
  const std::string name = GetParam();
  const std::string in = test::read_file(test::data("reflow_page/" + name));
  auto ends = [&](const char* ext) {
    size_t n = std::strlen(ext);
    return name.size() > n && name.compare(name.size() - n, n, ext) == 0;
  };
  std::string got;
  if (ends(".txt")) {  // Tesseract's page text: reflow() finds the articles
    got = outline(reflow(test::split(in, "\n"), name));
  } else {
    auto pages = ends(".hocr") ? ocr::read_hocr(in, name) : read_page_rows(in, name);
    ASSERT_FALSE(pages.empty());
    got = outline(reflow_ocr(pages, name));
  }
  const std::string golden = test::data("reflow_page/" + name + ".outline");
  if (std::getenv("PAIBAN_REGENERATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << got;
  }
  EXPECT_EQ(got, test::read_file(golden)) << "regenerate with PAIBAN_REGENERATE_GOLDEN=1 and read the diff";
}

// Each page's repairs are those it makes alone, and together they are the document's.
TEST_P(ReflowPage, RepairsAreCountedPerPage) {
  const std::string name = GetParam();
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) GTEST_SKIP() << "page text: one page";
  const std::string in = test::read_file(test::data("reflow_page/" + name));
  auto pages = name.compare(name.size() - 5, 5, ".hocr") == 0 ? ocr::read_hocr(in, name) : read_page_rows(in, name);
  ReflowResult all = reflow_ocr(pages, name);
  ASSERT_EQ(all.report.page_repairs.size(), pages.size());
  std::map<std::string, int> sum;
  for (size_t i = 0; i < pages.size(); ++i) {
    ReflowResult one = reflow_ocr({pages[i]}, name);
    EXPECT_EQ(all.report.page_repairs[i], one.report.repairs) << "page " << i + 1;
    for (const auto& [kind, n] : all.report.page_repairs[i]) sum[kind] += n;
  }
  EXPECT_EQ(sum, all.report.repairs);
}

// Two real pages read as one document (Tesseract psm 3 and psm 4 of one page): the repairs each
// makes are told apart.
TEST(ReflowPages, RepairsOfTwoPagesAreToldApart) {
  std::vector<ocr::Page> pages;
  for (const char* f : {"tesseract-psm3.hocr", "tesseract-psm4.hocr"})
    for (auto& p : ocr::read_hocr(test::read_file(test::data(std::string("reflow_page/") + f)), f)) pages.push_back(std::move(p));
  ASSERT_EQ(pages.size(), 2u);
  pages[1].number = 2;
  ReflowResult all = reflow_ocr(pages, "two.hocr");
  ASSERT_EQ(all.report.page_repairs.size(), 2u);
  for (size_t i = 0; i < 2; ++i)
    EXPECT_EQ(all.report.page_repairs[i], reflow_ocr({pages[i]}, "one.hocr").report.repairs) << "page " << i + 1;
  std::map<std::string, int> sum = all.report.page_repairs[0];
  for (const auto& [kind, n] : all.report.page_repairs[1]) sum[kind] += n;
  EXPECT_EQ(sum, all.report.repairs);
  EXPECT_FALSE(all.report.repairs.empty()) << "real OCR pages make repairs";
}

std::vector<std::string> cases() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(test::data("reflow_page"))) {
    std::string n = e.path().filename().string();
    auto ext = e.path().extension().string();
    if (ext == ".page" || ext == ".hocr" || ext == ".txt") out.push_back(n);
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Case, ReflowPage, ::testing::ValuesIn(cases()), [](const auto& info) {
  std::string n = info.param;
  for (auto& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
});

}  // namespace
