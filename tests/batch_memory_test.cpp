// batch memory: --max-memory fails an input estimated above the budget and records it, so a
// resume does not try it again (--force does); an input a killed run was converting (its
// "running" manifest line left last) is failed on resume instead of killing the run again.
#include <gtest/gtest.h>

#include "batch_fixture.h"

namespace paiban::batch_test {
namespace {

TEST(BatchMemory, OverBudgetIsFailedAndRememberedUntilForce) {
  Sandbox box;
  fs::path src = make_source(box / "src", Kind::folder, {{"big.txt", 'f', sample() + sample()}, {"small.txt", 'f', "短文一篇。\n"}});
  const std::vector<std::string> run = {"batch", src.string(), "--out", (box / "out").string(), "--to", "xml,pdf"};
  std::vector<std::string> budget = run;
  budget.insert(budget.end(), {"--max-memory", "300K", "--jobs", "2"});
  std::string err;
  EXPECT_EQ(run_paiban(budget, &err), 3) << err;
  auto rows = report_rows(box / "out");
  EXPECT_EQ(rows["big.txt"]["status"], "failed");
  EXPECT_NE(rows["big.txt"]["error"].find("more than --max-memory 300 KiB"), std::string::npos) << rows["big.txt"]["error"];
  EXPECT_EQ(rows["small.txt"]["status"], "converted");
  EXPECT_NE(read_file(box / "out/.paiban-manifest.tsv").find("\tmemory\n"), std::string::npos);

  EXPECT_EQ(run_paiban(run, &err), 3) << err;  // a resume without the budget does not retry it
  rows = report_rows(box / "out");
  EXPECT_EQ(rows["big.txt"]["status"], "failed");
  EXPECT_NE(rows["big.txt"]["hint"].find("--force"), std::string::npos);
  EXPECT_EQ(rows["small.txt"]["status"], "unchanged");

  std::vector<std::string> force = run;
  force.push_back("--force");
  EXPECT_EQ(run_paiban(force, &err), 0) << err;
  EXPECT_EQ(report_rows(box / "out")["big.txt"]["status"], "converted");
}

TEST(BatchMemory, KilledWhileConvertingIsNotRetriedForever) {
  Sandbox box;
  fs::path src = make_source(box / "src", Kind::folder, {{"a.txt", 'f', sample()}, {"b.txt", 'f', variant(1)}});
  const std::vector<std::string> run = {"batch", src.string(), "--out", (box / "out").string(), "--to", "xml"};
  std::string err;
  ASSERT_EQ(run_paiban(run, &err), 0) << err;
  // What a run killed while converting a.txt leaves: a.txt's line says "running".
  const fs::path manifest = box / "out/.paiban-manifest.tsv";
  std::string text = read_file(manifest), edited;
  for (const std::string& line : test::split(text, "\n")) {
    if (line.rfind("a.txt\t", 0) == 0) {
      auto f = test::split(line, "\t");
      edited += f[0] + "\t" + f[1] + "\t" + f[2] + "\t0\t0\t-1\t0\trunning\n";
    } else if (!line.empty()) {
      edited += line + "\n";
    }
  }
  write_file(manifest, edited);
  fs::remove(box / "out/a.xml");
  EXPECT_EQ(run_paiban(run, &err), 3) << err;
  auto rows = report_rows(box / "out");
  EXPECT_EQ(rows["a.txt"]["status"], "failed");
  EXPECT_NE(rows["a.txt"]["error"].find("an earlier run ended while converting it"), std::string::npos)
      << rows["a.txt"]["error"];
  EXPECT_EQ(rows["b.txt"]["status"], "unchanged");
  EXPECT_FALSE(fs::exists(box / "out/a.xml"));
  std::vector<std::string> force = run;
  force.push_back("--force");
  EXPECT_EQ(run_paiban(force, &err), 0) << err;
}

}  // namespace
}  // namespace paiban::batch_test
