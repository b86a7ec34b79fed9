// batch sources: a folder and every archive kind holding good files, each kind of bad file and
// each kind of hostile entry (tests/data/batch/sources.tests) → outputs, report, exit code,
// and nothing written outside DIR.
#include <gtest/gtest.h>

#include <set>

#include "batch_fixture.h"

namespace paiban::batch_test {
namespace {

const char* kArticleXml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<article lang=\"zh-Hans\" source=\"article.txt\">\n"
    "  <headline src=\"1\">政协履职综述</headline>\n"
    "  <section>\n"
    "    <p src=\"3-4\">政协事业要发展，党的领导是根本。</p>\n"
    "  </section>\n"
    "</article>\n";

struct Row {
  std::string status, kinds;
  Spec spec;
};

std::string contents(const std::string& c) {
  if (c.rfind("sample:", 0) == 0) return variant(std::stoi(c.substr(7)));
  if (c.rfind("text:", 0) == 0) return c.substr(5);
  if (c.rfind("repeat:", 0) == 0) {
    std::string s;
    for (int i = std::stoi(c.substr(7)); i > 0; --i) s += sample();
    return s;
  }
  if (c.rfind("zeros:", 0) == 0) return std::string(std::stoul(c.substr(6)), '\0');
  if (c.rfind("hex:", 0) == 0) {
    std::string s;
    for (size_t i = 4; i + 1 < c.size(); i += 2) s += static_cast<char>(std::stoi(c.substr(i, 2), nullptr, 16));
    return s;
  }
  if (c == "png") return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0", 29);
  if (c == "xml") return kArticleXml;
  return {};  // empty
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, from.size(), to);
  return s;
}

bool applies(const std::string& kinds, Kind k) {
  if (kinds == "all") return true;
  if (kinds == "folder") return k == Kind::folder;
  if (kinds == "archives") return k != Kind::folder;
  if (kinds == "tar") return k != Kind::folder && k != Kind::zip;
  if (kinds == "compressed") return k != Kind::folder && k != Kind::tar;
  if (kinds == "plain") return k == Kind::folder || k == Kind::tar;
  if (kinds == "zip") return k == Kind::zip;
  if (kinds == "tar.*") return k != Kind::folder && k != Kind::tar && k != Kind::zip;
  return false;
}

std::vector<Row> rows_for(Kind kind, const fs::path& sandbox) {
  std::ifstream in(std::string(PAIBAN_TEST_DATA) + "/batch/sources.tests");
  std::vector<Row> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f(1);
    for (char c : line) {
      if (c == '\t') f.emplace_back();
      else f.back() += c;
    }
    if (f.size() == 4) f.emplace_back();
    EXPECT_EQ(f.size(), 5u) << line;
    Row r{f[0], f[1], Spec{replace_all(f[3], "{SANDBOX}", sandbox.string()), f[2][0], contents(f[4])}};
    if (r.spec.type != 'f') r.spec.data = f[4];
    if (applies(r.kinds, kind)) rows.push_back(r);
  }
  return rows;
}

class BatchSources : public ::testing::TestWithParam<Kind> {};

TEST_P(BatchSources, GoodBadAndHostileEntries) {
  const Kind kind = GetParam();
  Sandbox box;
  std::vector<Row> rows = rows_for(kind, box.path());
  ASSERT_GE(rows.size(), 12u);
  std::vector<Spec> specs;
  for (const Row& r : rows) specs.push_back(r.spec);
  fs::path src = make_source(box / "src", kind, specs);
  fs::path out = box / "out";
  std::set<std::string> before;
  for (auto& e : fs::directory_iterator(box.path())) before.insert(e.path().filename().string());

  std::string err;
  int code = run_paiban({"batch", src.string(), "--out", out.string(), "--jobs", "2",
                         "--max-entry-size", "64K", "--to", "xml,txt"}, &err);
  EXPECT_EQ(code, 3) << err;  // some failed, the rest converted

  // The report: one row per entry, with the expected status and, for problems, a reason.
  auto report = read_report_csv(out / "report.csv");
  std::multimap<std::string, std::map<std::string, std::string>> by_input;
  for (auto& row : report) by_input.emplace(row["input"], row);
  for (const Row& r : rows) {
    std::string key = r.spec.name;
    if (r.status != "refused") key = replace_all(key, "./", "");
    auto range = by_input.equal_range(key);
    ASSERT_NE(range.first, range.second) << kind_name(kind) << ": no report row for " << key << "\n" << err;
    auto& got = range.first->second;
    EXPECT_EQ(got["status"], r.status) << kind_name(kind) << ": " << key << ": " << got["error"];
    if (r.status == "failed" || r.status == "refused") {
      EXPECT_NE(got["error"], "") << key;
    }
    if (r.status == "converted") {
      std::string stem = key.substr(0, key.size() - 4);
      for (const char* ext : {".xml", ".txt"}) {
        fs::path p = out / (stem + ext);
        EXPECT_TRUE(fs::is_regular_file(p)) << p;
        EXPECT_GT(fs::file_size(p), 0u) << p;
      }
      EXPECT_FALSE(fs::exists(out / (stem + ".pdf"))) << "--to xml,txt wrote a PDF";
    }
  }
  EXPECT_NE(by_input.find("bad/too-large.txt")->second["error"].find("--max-entry-size"), std::string::npos);

  // Nothing outside DIR: the sandbox holds what it held, plus DIR; DIR holds no links.
  std::set<std::string> after;
  for (auto& e : fs::directory_iterator(box.path())) after.insert(e.path().filename().string());
  before.insert("out");
  EXPECT_EQ(after, before);
  for (const auto& [rel, bytes] : tree(out)) {
    EXPECT_NE(bytes, "<symlink>") << rel;
    EXPECT_NE(bytes, "<special>") << rel;
    EXPECT_EQ(rel.find(".tmp-"), std::string::npos) << "temporary file left: " << rel;
  }
  if (kind != Kind::folder) {
    EXPECT_TRUE(fs::is_directory(fs::symlink_status(out / "link"))) << "link/ must be a real folder";
    EXPECT_TRUE(fs::exists(out / "link/through.xml"));
  }
  EXPECT_NE(err.find("report"), std::string::npos) << "the summary names the report";
}

INSTANTIATE_TEST_SUITE_P(Kinds, BatchSources,
                         ::testing::Values(Kind::folder, Kind::zip, Kind::tar, Kind::tgz, Kind::txz, Kind::tzst, Kind::tbz2),
                         [](const auto& info) { return std::string(kind_name(info.param)); });

// A bomb inside a large archive (the archive as a whole stays under the ratio) is refused by
// its own ratio, and the entries after it are still converted.
TEST(BatchBombs, EntryRatioAndEntrySize) {
  for (Kind kind : {Kind::zip, Kind::tgz, Kind::txz}) {
    Sandbox box;
    std::string noise(1 << 20, '\0');
    std::uint64_t x = 88172645463325252ull;
    for (char& c : noise) {  // xorshift: incompressible, like a scan
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      c = static_cast<char>(x);
    }
    fs::path src = make_source(box / "src", kind,
                               {{"scan.bmp", 'f', noise}, {"bomb.txt", 'f', std::string(2 << 20, '\0')},
                                {"huge.txt", 'f', std::string(5 << 20, ' ')}, {"after.txt", 'f', sample()}});
    std::string err;
    int code = run_paiban({"batch", src.string(), "--out", (box / "out").string(), "--to", "txt",
                           "--max-ratio", "50", "--max-entry-size", "4M"}, &err);
    EXPECT_EQ(code, 3) << err;
    std::map<std::string, std::map<std::string, std::string>> rows;
    for (auto& r : read_report_csv(box / "out/report.csv")) rows[r["input"]] = r;
    EXPECT_EQ(rows["bomb.txt"]["status"], "refused") << kind_name(kind) << rows["bomb.txt"]["error"];
    EXPECT_NE(rows["bomb.txt"]["error"].find("--max-ratio"), std::string::npos);
    EXPECT_EQ(rows["huge.txt"]["status"], "failed") << kind_name(kind);
    EXPECT_NE(rows["huge.txt"]["error"].find("--max-entry-size"), std::string::npos);
    EXPECT_EQ(rows["after.txt"]["status"], "converted") << kind_name(kind) << err;
    EXPECT_EQ(rows["scan.bmp"]["status"], "skipped");
  }
}

// An archive that expands past --max-ratio as a whole (judged past 16 × --max-entry-size)
// stops being read at the entry that crosses the line; what came before is converted and the
// report says where it stopped.
TEST(BatchBombs, ArchiveRatioStopsReading) {
  Sandbox box;
  fs::path src = make_source(box / "src", Kind::tgz,
                             {{"first.txt", 'f', sample()}, {"bomb.txt", 'f', std::string(16 << 20, 'a')},
                              {"later.txt", 'f', variant(1)}});
  std::string err;
  EXPECT_EQ(run_paiban({"batch", src.string(), "--out", (box / "out").string(), "--to", "txt",
                        "--max-entry-size", "256K"}, &err), 3) << err;  // judged past 16 × 256K
  std::string json = read_file(box / "out/report.json");
  EXPECT_NE(json.find("decompression bomb"), std::string::npos) << json;
  std::map<std::string, std::string> status;
  for (auto& r : read_report_csv(box / "out/report.csv")) status[r["input"]] = r["status"];
  EXPECT_EQ(status["first.txt"], "converted");
  EXPECT_EQ(status["bomb.txt"], "refused");
  EXPECT_EQ(status.count("later.txt"), 0u);
  EXPECT_NE(err.find("reading stopped"), std::string::npos) << err;
}

// Many near-identical articles pack far past 100:1 with xz, yet are no bomb: a small archive
// is not judged as a whole (only past 16 × --max-entry-size).
TEST(BatchBombs, NearIdenticalArticlesAreNoBomb) {
  Sandbox box;
  std::vector<Spec> specs;
  size_t total = 0;
  for (int i = 0; i < 100; ++i) {
    specs.push_back({"a" + std::to_string(i) + ".txt", 'f', variant(i % 10)});
    total += specs.back().data.size();
  }
  fs::path src = make_source(box / "src", Kind::txz, specs);
  ASSERT_GT(total, 100 * fs::file_size(src)) << "the archive should expand more than 100:1";
  std::string err;
  EXPECT_EQ(run_paiban({"batch", src.string(), "--out", (box / "out").string(), "--to", "txt"}, &err), 0) << err;
}

// A truncated archive: the entries before the damage are converted, the rest reported.
TEST(BatchSourcesDamage, TruncatedArchive) {
  Sandbox box;
  std::vector<Spec> specs;
  for (int i = 0; i < 6; ++i) specs.push_back({"a" + std::to_string(i) + ".txt", 'f', variant(i)});
  fs::path src = make_source(box / "src", Kind::tar, specs);
  fs::resize_file(src, fs::file_size(src) / 2);
  std::string err;
  EXPECT_EQ(run_paiban({"batch", src.string(), "--out", (box / "out").string(), "--to", "txt"}, &err), 3) << err;
  auto rows = read_report_csv(box / "out/report.csv");
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0]["input"], "a0.txt");
  EXPECT_EQ(rows[0]["status"], "converted");
  EXPECT_NE(read_file(box / "out/report.json").find("damaged or truncated"), std::string::npos);
}

// A symbolic link someone left inside DIR is not followed: its inputs fail, nothing lands
// where it points, the other inputs are converted.
TEST(BatchSourcesDamage, LinkInsideOutputIsNotFollowed) {
  Sandbox box;
  fs::path src = make_source(box / "src", Kind::folder,
                             {{"2024/a.txt", 'f', sample()}, {"2025/b.txt", 'f', variant(1)}});
  fs::create_directories(box / "out");
  fs::create_directories(box / "elsewhere");
  fs::create_directory_symlink(box / "elsewhere", box / "out/2024");
  std::string err;
  EXPECT_EQ(run_paiban({"batch", src.string(), "--out", (box / "out").string(), "--to", "txt"}, &err), 3) << err;
  EXPECT_TRUE(fs::is_empty(box / "elsewhere"));
  std::map<std::string, std::map<std::string, std::string>> rows;
  for (auto& r : read_report_csv(box / "out/report.csv")) rows[r["input"]] = r;
  EXPECT_EQ(rows["2024/a.txt"]["status"], "failed");
  EXPECT_NE(rows["2024/a.txt"]["error"].find("symbolic link"), std::string::npos) << rows["2024/a.txt"]["error"];
  EXPECT_EQ(rows["2025/b.txt"]["status"], "converted");
}

// SRC itself unusable → exit 1, bad command lines → exit 2; nothing is written.
TEST(BatchSourcesDamage, UnusableSourceAndBadFlags) {
  Sandbox box;
  write_file(box / "plain.txt", sample());
  write_file(box / "random.tar.gz", std::string("\x1f\x8b not really gzip at all", 24));
  fs::create_directories(box / "empty");
  write_file(box / "src/a.txt", sample());
  const std::string out = (box / "out").string();
  struct Case { std::vector<std::string> args; int code; const char* says; } cases[] = {
      {{"batch", (box / "missing").string(), "--out", out}, 1, "cannot open"},
      {{"batch", (box / "plain.txt").string(), "--out", out}, 1, "not a folder or a readable archive"},
      {{"batch", (box / "random.tar.gz").string(), "--out", out}, 1, "archive"},
      {{"batch", (box / "empty").string(), "--out", out}, 1, "no .txt, .xml, .hocr or .html files"},
      {{"batch", (box / "src").string(), "--out", (box / "src/out").string()}, 2, "inside the source folder"},
      {{"batch", (box / "src").string(), "--out", out, "--to", "xml,docx"}, 2, "unknown format 'docx'"},
      {{"batch", (box / "src").string(), "--out", out, "--shard", "4/3"}, 2, "--shard"},
      {{"batch", (box / "src").string(), "--out", out, "--max-entry-size", "lots"}, 2, "--max-entry-size"},
      {{"batch", (box / "src").string(), "--out", out, "--jobs", "0"}, 2, "jobs"},
  };
  for (const auto& c : cases) {
    std::string err;
    EXPECT_EQ(run_paiban(c.args, &err), c.code) << c.args[1] << " " << c.args.back() << "\n" << err;
    EXPECT_NE(err.find(c.says), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(out + "/report.json"));
  }
  EXPECT_FALSE(fs::exists(box / "src/out"));
}

}  // namespace
}  // namespace paiban::batch_test
