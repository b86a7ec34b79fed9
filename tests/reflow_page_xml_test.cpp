// reflow_ocr's output is a document paiban itself can read back: every real Tesseract page in
// tests/data/reflow_page/ written as page XML reads back equal (src ranges never run backwards,
// ids and bboxes survive), whatever order the engine wrote its lines in.
#include <gtest/gtest.h>

#include <filesystem>

#include "ocr/read.h"
#include "reflow/reflow.h"
#include "test_util.h"
#include "xml/xml.h"

using namespace paiban;

TEST(ReflowPageXml, RealPagesReadBackEqual) {
  int cases = 0;
  for (const auto& e : std::filesystem::directory_iterator(test::data("reflow_page"))) {
    if (e.path().extension() != ".hocr") continue;
    const std::string name = e.path().filename().string();
    ReflowResult r = reflow_ocr(ocr::read_hocr(test::read_file(e.path().string()), name), name);
    ASSERT_TRUE(r.doc.is_pages()) << name;
    std::string xml = write_xml(r.doc);
    Document back;
    ASSERT_NO_THROW(back = read_xml(xml, name + ".xml")) << xml;
    EXPECT_EQ(back, r.doc) << name;
    ++cases;
  }
  EXPECT_GE(cases, 2);
}
