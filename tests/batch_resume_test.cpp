// batch at any scale: the same bytes whatever --jobs is, reruns that skip what is up to date,
// shards that together make the whole, and runs killed mid-way that resume to the same result.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include "batch_fixture.h"

namespace paiban::batch_test {
namespace {

// Outputs only: reports and the manifest hold times and run details, the lock file a pid.
std::map<std::string, std::string> outputs(const fs::path& out) {
  auto t = tree(out);
  for (auto it = t.begin(); it != t.end();) {
    const std::string& rel = it->first;
    bool own = rel.rfind("report", 0) == 0 || rel.rfind(".paiban-manifest", 0) == 0 ||
               rel.rfind(".paiban-lock", 0) == 0;
    it = own ? t.erase(it) : std::next(it);
  }
  return t;
}

std::map<std::string, std::string> statuses(const fs::path& csv) {
  std::map<std::string, std::string> s;
  for (auto& r : read_report_csv(csv)) s[r["input"]] = r["status"];
  return s;
}

std::vector<Spec> articles(int n) {
  std::vector<Spec> specs;
  for (int i = 0; i < n; ++i)
    specs.push_back({"2024/" + std::to_string(1 + i % 3) + "/article-" + std::to_string(i) + ".txt", 'f', variant(i)});
  specs.push_back({"2024/broken.txt", 'f', std::string("\x89PNG\r\n\x1a\n\0\0", 10)});
  return specs;
}

TEST(BatchDeterminism, JobsOneAndTwoGiveIdenticalBytes) {
  Sandbox box;
  fs::path src = make_source(box / "src", Kind::tgz, articles(10));
  std::string err;
  ASSERT_EQ(run_paiban({"batch", src.string(), "--out", (box / "j1").string(), "--jobs", "1"}, &err), 3) << err;
  ASSERT_EQ(run_paiban({"batch", src.string(), "--out", (box / "j2").string(), "--jobs", "2"}, &err), 3) << err;
  auto one = outputs(box / "j1"), two = outputs(box / "j2");
  EXPECT_EQ(one.size(), 30u);  // 10 articles × xml, txt, pdf
  EXPECT_TRUE(one == two) << "outputs differ between --jobs 1 and --jobs 2";
  // The reports list the same entries in the same order with the same outcome.
  auto r1 = read_report_csv(box / "j1/report.csv"), r2 = read_report_csv(box / "j2/report.csv");
  ASSERT_EQ(r1.size(), r2.size());
  for (size_t i = 0; i < r1.size(); ++i) {
    r1[i].erase("seconds");
    r2[i].erase("seconds");
    EXPECT_EQ(r1[i], r2[i]) << i;
  }
  EXPECT_EQ(read_file(box / "j1/.paiban-manifest.tsv"), read_file(box / "j2/.paiban-manifest.tsv"));
}

TEST(BatchResume, RerunSkipsWhatIsUpToDate) {
  Sandbox box;
  fs::path src = make_source(box / "src", Kind::folder, articles(6));
  const std::string out = (box / "out").string();
  std::vector<std::string> cmd = {"batch", src.string(), "--out", out, "--to", "xml,txt"};
  std::string err;
  ASSERT_EQ(run_paiban(cmd, &err), 3) << err;
  auto first = outputs(out);
  auto mtime = fs::last_write_time(fs::path(out) / "2024/1/article-0.xml");
  auto first_rows = read_report_csv(fs::path(out) / "report.csv");

  // Nothing changed: nothing converted, nothing rewritten; warnings still reported.
  ASSERT_EQ(run_paiban(cmd, &err), 3) << err;
  auto s = statuses(fs::path(out) / "report.csv");
  for (int i = 0; i < 6; ++i) {
    std::string in = "2024/" + std::to_string(1 + i % 3) + "/article-" + std::to_string(i) + ".txt";
    EXPECT_EQ(s[in], "unchanged") << in;
  }
  EXPECT_EQ(s["2024/broken.txt"], "failed") << "a failed input is tried again";
  EXPECT_EQ(fs::last_write_time(fs::path(out) / "2024/1/article-0.xml"), mtime);
  auto again_rows = read_report_csv(fs::path(out) / "report.csv");
  ASSERT_EQ(again_rows.size(), first_rows.size());
  for (size_t i = 0; i < first_rows.size(); ++i) EXPECT_EQ(again_rows[i]["warnings"], first_rows[i]["warnings"]);
  EXPECT_EQ(outputs(out), first);

  // One input edited, one output deleted: exactly those two are converted again.
  write_file(src / "2024/2/article-1.txt", variant(101));
  fs::remove(fs::path(out) / "2024/3/article-2.txt");
  ASSERT_EQ(run_paiban(cmd, &err), 3) << err;
  s = statuses(fs::path(out) / "report.csv");
  std::set<std::string> converted;
  for (auto& [in, st] : s)
    if (st == "converted") converted.insert(in);
  EXPECT_EQ(converted, (std::set<std::string>{"2024/2/article-1.txt", "2024/3/article-2.txt"}));
  EXPECT_EQ(outputs(out).size(), first.size());
  EXPECT_NE(outputs(out)["2024/2/article-1.xml"], first["2024/2/article-1.xml"]);

  // Other options or --force: everything again.
  for (auto extra : {std::vector<std::string>{"--force"}, std::vector<std::string>{"--to", "txt"}}) {
    auto c = std::vector<std::string>{"batch", src.string(), "--out", out};
    if (extra[0] == "--force") c.insert(c.end(), {"--to", "xml,txt"});
    c.insert(c.end(), extra.begin(), extra.end());
    ASSERT_EQ(run_paiban(c, &err), 3) << err;
    size_t n = 0;
    for (auto& [in, st] : statuses(fs::path(out) / "report.csv")) n += st == "converted";
    EXPECT_EQ(n, 6u) << extra[0];
  }
}

TEST(BatchShards, TogetherTheyMakeTheWhole) {
  Sandbox box;
  fs::path src = make_source(box / "src", Kind::zip, articles(12));
  std::string err;
  ASSERT_EQ(run_paiban({"batch", src.string(), "--out", (box / "whole").string(), "--to", "xml,txt"}, &err), 3);
  std::map<std::string, int> seen;
  for (int k = 1; k <= 3; ++k) {
    std::string shard = std::to_string(k) + "/3";
    int code = run_paiban({"batch", src.string(), "--out", (box / "shared").string(), "--to", "xml,txt",
                           "--shard", shard, "--quiet"}, &err);
    EXPECT_TRUE(code == 0 || code == 3) << err;
    auto rows = read_report_csv(box / ("shared/report-" + std::to_string(k) + "-of-3.csv"));
    EXPECT_FALSE(rows.empty()) << "shard " << shard << " got nothing of 13 inputs";
    for (auto& r : rows) ++seen[r["input"]];
  }
  EXPECT_EQ(seen.size(), 13u);
  for (auto& [in, n] : seen) EXPECT_EQ(n, 1) << in << " in " << n << " shards";
  EXPECT_EQ(outputs(box / "shared"), outputs(box / "whole"));
}

// Folders each holding a.txt … d.txt (variants 0-3), so every output must equal the output of
// its variant in a one-folder reference run (<article source> is the file name). With PDF
// (slow) a smaller archive is enough to be caught mid-way.
struct InterruptCase {
  int sig;
  const char* to;
  int folders;
};

class BatchInterrupt : public ::testing::TestWithParam<InterruptCase> {};

TEST_P(BatchInterrupt, KilledRunResumesToTheSameResult) {
  const int sig = GetParam().sig;
  const std::string to = GetParam().to;
  const int folders = GetParam().folders;
  const size_t per_input = static_cast<size_t>(std::count(to.begin(), to.end(), ',') + 1);
  Sandbox box;
  const char* names[] = {"a", "b", "c", "d"};
  std::vector<Spec> one, many;
  for (int v = 0; v < 4; ++v) one.push_back({std::string(names[v]) + ".txt", 'f', variant(v)});
  for (int d = 0; d < folders; ++d)
    for (int v = 0; v < 4; ++v) {
      char dir[16];
      std::snprintf(dir, sizeof dir, "d%03d/", d);
      many.push_back({dir + one[v].name, 'f', one[v].data});
    }
  fs::path ref_src = make_source(box / "ref", Kind::folder, one);
  fs::path src = make_source(box / "src", Kind::tgz, many);
  std::string err;
  ASSERT_EQ(run_paiban({"batch", ref_src.string(), "--out", (box / "ref-out").string(), "--to", to}, &err), 0) << err;
  auto ref = outputs(box / "ref-out");
  ASSERT_EQ(ref.size(), 4 * per_input);

  const fs::path out = box / "out";
  const fs::path manifest = out / ".paiban-manifest.tsv";
  std::vector<std::string> cmd = {"batch", src.string(), "--out", out.string(), "--jobs", "2", "--to", to};
  Child run(cmd);
  // Stop it once some inputs are done: the manifest gains a line per converted input.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string m = fs::exists(manifest) ? read_file(manifest) : "";
    if (std::count(m.begin(), m.end(), '\n') >= 4) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  run.signal(sig);
  int code = run.wait(&err);
  ASSERT_EQ(code, 128 + sig) << "the run ended before it could be interrupted (make it longer)\n" << err;

  // What is there is whole: every output equals its reference, no partial file under its name.
  auto partial = tree(out);
  size_t done = 0, temps = 0;
  for (const auto& [rel, bytes] : partial) {
    if (rel.find(".tmp-") != std::string::npos) {
      ++temps;
      continue;
    }
    if (rel.rfind("d", 0) != 0) continue;
    ++done;
    EXPECT_EQ(bytes, ref[rel.substr(5)]) << rel << " is not whole";
  }
  const size_t all = static_cast<size_t>(folders) * 4 * per_input;
  EXPECT_LT(done, all) << "nothing left to resume";
  if (sig == SIGTERM) {
    EXPECT_EQ(temps, 0u) << "a graceful stop leaves no temporary files";
    EXPECT_NE(read_file(out / "report.json").find("\"interrupted\": true"), std::string::npos);
    EXPECT_NE(err.find("run the same command again to resume"), std::string::npos) << err;
  }

  // The rerun finishes the rest, and the result is the complete, correct set.
  ASSERT_EQ(run_paiban(cmd, &err), 0) << err;
  auto final_tree = outputs(out);
  EXPECT_EQ(final_tree.size(), all);
  for (const auto& [rel, bytes] : final_tree) {
    EXPECT_EQ(rel.find(".tmp-"), std::string::npos) << "temporary file left: " << rel;
    EXPECT_EQ(bytes, ref[rel.substr(5)]) << rel;
  }
  auto s = statuses(out / "report.csv");
  size_t unchanged = 0;
  for (auto& [in, st] : s) unchanged += st == "unchanged";
  EXPECT_GT(unchanged, 0u) << "the rerun should skip what the killed run finished";
}

INSTANTIATE_TEST_SUITE_P(Signals, BatchInterrupt,
                         ::testing::Values(InterruptCase{SIGTERM, "xml,txt,pdf", 12}, InterruptCase{SIGINT, "xml,txt", 75},
                                           InterruptCase{SIGKILL, "xml,txt", 75}),
                         [](const auto& info) {
                           int s = info.param.sig;
                           return std::string(s == SIGTERM ? "SIGTERM" : s == SIGINT ? "SIGINT" : "SIGKILL");
                         });

}  // namespace
}  // namespace paiban::batch_test
