// regress: every input a fuzz target once failed on (tests/data/regress/<target>/) is replayed
// through that target's checks (fuzz/*_fuzz.cpp); a violated invariant aborts the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "fuzz_check.h"
#include "test_util.h"

namespace {

using Body = void (*)(std::string_view);

const std::map<std::string, Body>& bodies() {
  static const std::map<std::string, Body> m = {
      {"decode_reflow_fuzz", paiban::fuzz::decode_reflow_one},
      {"xml_fuzz", paiban::fuzz::xml_one},
      {"style_fuzz", paiban::fuzz::style_one},
      {"typeset_fuzz", paiban::fuzz::typeset_one},
      {"scan_image_fuzz", paiban::fuzz::scan_image_one},
      {"ocr_read_fuzz", paiban::fuzz::ocr_read_one},
      {"text_layer_fuzz", paiban::fuzz::text_layer_one},
      {"batch_names_fuzz", paiban::fuzz::batch_names_one},
      {"figure_image_fuzz", paiban::fuzz::figure_image_one},
      {"plan_fuzz", paiban::fuzz::plan_one},
  };
  return m;
}

struct Case {
  std::string target, path;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  std::filesystem::path root = paiban::test::data("regress");
  for (const auto& dir : std::filesystem::directory_iterator(root))
    for (const auto& f : std::filesystem::directory_iterator(dir.path()))
      out.push_back({dir.path().filename().string(), f.path().string()});
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.path < b.path; });
  return out;
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.path; }

class Regress : public testing::TestWithParam<Case> {};

TEST_P(Regress, Replays) {
  const Case& c = GetParam();
  auto it = bodies().find(c.target);
  ASSERT_NE(it, bodies().end()) << "no fuzz target named " << c.target << " for " << c.path;
  it->second(paiban::test::read_file(c.path));  // aborts with the broken invariant on failure
}

INSTANTIATE_TEST_SUITE_P(Fuzz, Regress, testing::ValuesIn(cases()), [](const testing::TestParamInfo<Case>& i) {
  std::string name = i.param.target + "_" + std::filesystem::path(i.param.path).stem().string();
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
});

}  // namespace
