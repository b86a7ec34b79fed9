// hostile decode: broken and hostile raw text (tests/data/hostile/decode.tests) either decodes
// to exactly what was meant or fails with one clear Error naming the place and the remedy.
#include <gtest/gtest.h>

#include "core/error.h"
#include "decode/decode.h"
#include "keyed_records.h"

using namespace paiban;

namespace {

void run_record(const test::KeyedRecord& r) {
  SCOPED_TRACE("record '" + r["name"] + "' at decode.tests:" + std::to_string(r.line));
  std::string input = test::unescape(r["input"]);
  Limits limits;
  if (r.has("max-input")) limits.max_input_bytes = std::stoull(r["max-input"]);
  if (r.has("max-line")) limits.max_line_bytes = std::stoull(r["max-line"]);
  std::string forced = r.has("encoding") ? r["encoding"] : "";
  if (r.has("error")) {
    test::expect_record_error(r, [&] { decode_bytes(input, "x.txt", forced, limits); });
    return;
  }
  Decoded d = decode_bytes(input, "x.txt", forced, limits);
  EXPECT_EQ(d.lines.size(), std::stoull(r["lines"]));
  if (r.has("first")) {
    ASSERT_FALSE(d.lines.empty());
    EXPECT_EQ(d.lines[0].substr(0, test::unescape(r["first"]).size()), test::unescape(r["first"]));
  }
}

}  // namespace

TEST(HostileDecode, EveryRecordFailsCleanlyOrDecodes) {
  auto records = test::read_keyed_records(test::data("hostile/decode.tests"));
  ASSERT_GE(records.size(), 20u);
  for (const auto& r : records) run_record(r);
}

// The file reader enforces the input limit before reading the bytes.
TEST(HostileDecode, FileLargerThanTheLimitIsNotRead) {
  std::string dir = test::temp_dir("hostile-decode");
  test::write_file(dir + "/big.txt", std::string(4096, 'a'));
  Limits l;
  l.max_input_bytes = 1000;
  try {
    read_file_limited(dir + "/big.txt", l);
    ADD_FAILURE() << "read a file over the limit";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("big.txt: input too large (4 KiB), more than the limit of 1000 bytes"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(read_file_limited(dir + "/big.txt").size(), 4096u);
}
