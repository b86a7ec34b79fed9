// write_text, one feature per file of records in tests/data/text/*.tests:
//   [width=N] [spacing=pangu] [furniture] | INPUT → OUTPUT
// INPUT is article or page XML (starting with <) or the text of one paragraph; OUTPUT is the
// clean text with ⏎ for each line end and ␌ for a form feed (between pages).
#include <gtest/gtest.h>

#include "core/unicode.h"
#include "records.h"
#include "text/text.h"
#include "xml/xml.h"

using namespace paiban;

namespace {

class TextRecords : public ::testing::TestWithParam<std::string> {};

TEST_P(TextRecords, Hold) {
  auto records = test::read_records("text/" + GetParam() + ".tests");
  ASSERT_FALSE(records.empty());
  for (const auto& r : records) {
    SCOPED_TRACE(r.where);
    TextOptions opts;
    std::string input = r.input;
    if (size_t bar = input.find(" | "); bar != std::string::npos) {
      for (const auto& o : test::split(input.substr(0, bar), " ")) {
        if (o.rfind("width=", 0) == 0) opts.width = std::stoi(o.substr(6));
        else if (o == "spacing=pangu") opts.pangu = true;
        else if (o == "furniture") opts.furniture = true;
        else ADD_FAILURE() << "unknown option " << o;
      }
      input = input.substr(bar + 3);
    }
    Document d;
    if (!input.empty() && input[0] == '<') {
      d = read_xml(input, r.where);
    } else {
      Block p;
      p.text = input;
      d.blocks.push_back(p);
    }
    std::string want;
    for (const auto& part : test::split(r.expected, "⏎")) want += part + "\n";
    want.pop_back();  // the last ⏎ closes the last line
    for (size_t ff; (ff = want.find("␌")) != std::string::npos;) want.replace(ff, std::string("␌").size(), "\f");
    std::string got = write_text(d, opts);
    EXPECT_EQ(got, want) << "  input: " << r.input;
    if (opts.width > 0) {
      // Only a single unbreakable ASCII word (a URL) may overflow.
      for (const auto& line : test::split(got, "\n")) {
        bool one_word = !line.empty();
        for (char c : line) one_word &= c > 0x20 && c < 0x7F;
        if (display_width(line) > opts.width && !one_word)
          ADD_FAILURE() << "line wider than " << opts.width << ": " << line;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Feature, TextRecords, ::testing::Values("layout", "wrap", "spacing", "pages"));

}  // namespace
