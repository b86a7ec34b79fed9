// Traditional text in layout: shaping takes the face's zh-Hant forms (OpenType locl: the marks
// centred in their frame, as Taiwan and Hong Kong set them), and clreq's compressions leave a
// centred mark its whole em box (clreq §h-punctuation_marks_width_and_position).
#include <gtest/gtest.h>

#include <algorithm>

#include "core/clreq.h"
#include "font/fonts.h"
#include "layout/layout.h"
#include "layout/paragraph.h"
#include "layout_fake_shape.h"
#include "style/style.h"
#include "test_fonts.h"

using namespace paiban;
using namespace paiban::layout;

namespace {

using test::fonts;

FontChain song() { return FontChain{{fonts().load_face("Noto Serif CJK SC", "Regular")}}; }

const Atom* atom_of(const Paragraph& p, char32_t cp) {
  for (const Atom& a : p.atoms)
    if (a.first == cp && a.last == cp) return &a;
  return nullptr;
}

}  // namespace

TEST(Traditional, VariantOfLanguageTags) {
  for (const char* t : {"zh-Hant", "zh-Hant-TW", "zh-Hant-HK", "zh-TW", "zh-HK", "zh-MO"})
    EXPECT_EQ(clreq::variant_of(t), clreq::Variant::traditional) << t;
  for (const char* t : {"zh-Hans", "zh", "zh-CN", "zh-SG", "", "zh-Hantx", "en"})
    EXPECT_EQ(clreq::variant_of(t), clreq::Variant::simplified) << t;
}

TEST(Traditional, ShapingTakesTheFacesTraditionalForms) {
  const std::string text = "中，。";
  auto hans = shape(text, fonts(), song(), nullptr, "zh-Hans");
  auto hant = shape(text, fonts(), song(), nullptr, "zh-Hant");
  ASSERT_EQ(hans.size(), 3u);
  ASSERT_EQ(hant.size(), 3u);
  EXPECT_EQ(hans[0].gid, hant[0].gid);  // 中 has one form
  EXPECT_NE(hans[1].gid, hant[1].gid);  // ， bottom-left vs centred
  EXPECT_NE(hans[2].gid, hant[2].gid);  // 。
  // The Simplified comma has a blank half (halt); the centred one has none to give.
  EXPECT_LT(hans[1].half_advance, hans[1].advance);
  EXPECT_FLOAT_EQ(hant[1].half_advance, hant[1].advance);
}

// Even where a font has no Traditional forms (its halt still offers a half), a centred mark in
// Traditional text is not halved at line end, squeezed beside another mark or shrunk to justify.
TEST(Traditional, CentredMarksKeepTheirWholeEmBox) {
  const std::string text = "政府表示，今日會議。」其後";
  BreakFinder finder;
  Paragraph s = prepare_paragraph(text, testutil::fake_shape(text), finder, 10, 0, 0, 0, clreq::Variant::simplified);
  Paragraph t = prepare_paragraph(text, testutil::fake_shape(text), finder, 10, 0, 0, 0, clreq::Variant::traditional);
  for (char32_t mark : {U'，', U'。'}) {
    const Atom* a = atom_of(s, mark);
    const Atom* b = atom_of(t, mark);
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_GT(a->end_trim + a->shrink + (a->full - a->width), 0.0f) << "Simplified gives up a half";
    EXPECT_FLOAT_EQ(b->width, b->full);
    EXPECT_FLOAT_EQ(b->end_trim, 0.0f);
    EXPECT_FLOAT_EQ(b->shrink, 0.0f);
  }
  // Brackets behave alike in both: 」 still gives up its blank at line end.
  const Atom* close = atom_of(t, U'」');
  ASSERT_NE(close, nullptr);
  EXPECT_GT(close->end_trim + (close->full - close->width), 0.0f);
}

// A page of articles in two languages set in a Simplified style: the zh-Hant article is set in the
// style's Traditional faces (Noto CJK TC: Taiwan's glyph forms), the zh-Hans one in its own; a
// style named NAME-sc or NAME-tc pins its faces for both (styles/README.md).
namespace {

Document article(const std::string& lang, const std::string& headline, const std::string& text) {
  Document d;
  d.lang = lang;
  d.blocks.push_back(Block{Kind::headline, headline});
  d.blocks.push_back(Block{Kind::paragraph, text});
  return d;
}

// The region ("SC", "TC") of every CJK face a page's runs use, in first-use order.
std::vector<std::string> regions(const LaidOutPage& page) {
  std::vector<std::string> out;
  for (const GlyphRun& r : page.runs) {
    const std::string& family = fonts().face(r.face).family;
    std::string region = family.size() > 2 ? family.substr(family.size() - 2) : family;
    if (std::find(out.begin(), out.end(), region) == out.end()) out.push_back(region);
  }
  return out;
}

LaidOutDocument set_page(const std::string& style_name, TypesetReport& rep) {
  Document doc;
  doc.source = "mixed.xml";
  doc.pages.emplace_back();
  doc.pages[0].articles.push_back(article("zh-Hans", "简体标题", "这是一段简体中文，用简体字形排印。"));
  doc.pages[0].articles.push_back(article("zh-Hant-HK", "繁體標題", "這是一段繁體中文，用繁體字形排印。"));
  Style style = load_style(style_name);
  prepare_fonts(style, fonts());
  return layout_document(doc, style, fonts(), TypesetOptions{}, &rep);
}

}  // namespace

TEST(Traditional, FacesFollowEachArticlesLanguage) {
  TypesetReport rep;
  LaidOutDocument d = set_page("report", rep);
  ASSERT_EQ(d.pages.size(), 2u);  // each article starts a page of its own
  EXPECT_EQ(regions(d.pages[0]), std::vector<std::string>{"SC"});
  EXPECT_EQ(regions(d.pages[1]), std::vector<std::string>{"TC"});
  ASSERT_EQ(rep.notes.size(), 2u);
  EXPECT_NE(rep.notes[0].find("article 1 (zh-Hans): the faces of style report"), std::string::npos) << rep.notes[0];
  EXPECT_NE(rep.notes[1].find("article 2 (zh-Hant-HK): Traditional Chinese faces, as style report-tc"),
            std::string::npos) << rep.notes[1];
}

TEST(Traditional, NamedVariantsPinTheFaces) {
  for (const char* name : {"report-sc", "report-tc"}) {
    TypesetReport rep;
    LaidOutDocument d = set_page(name, rep);
    ASSERT_EQ(d.pages.size(), 2u);
    const std::string want = std::string(name).substr(7) == "tc" ? "TC" : "SC";
    EXPECT_EQ(regions(d.pages[0]), std::vector<std::string>{want}) << name;
    EXPECT_EQ(regions(d.pages[1]), std::vector<std::string>{want}) << name;
    ASSERT_EQ(rep.notes.size(), 2u);
    EXPECT_NE(rep.notes[1].find("pinned"), std::string::npos) << rep.notes[1];
  }
}
