// batch: nothing escapes DIR and nothing hangs — a symbolic link and a FIFO planted at output
// names, at report.csv and at the manifest; one run at a time per output folder (a second run
// stops naming the first one's process id, or waits with --wait; shards run side by side);
// a bomb inside an archive costs bounded work and the entries after it are still converted.
#include <gtest/gtest.h>
#include <sys/file.h>

#include <thread>

#include "batch_fixture.h"

namespace paiban::batch_test {
namespace {

TEST(BatchEscape, LinksAndFifoAtOutputNames) {
  Sandbox box;
  fs::path src = make_source(box / "src", Kind::zip,
                             {{"a.txt", 'f', sample()}, {"b.txt", 'f', variant(1)}, {"c.txt", 'f', variant(2)}});
  fs::create_directories(box / "out");
  write_file(box / "elsewhere.txt", "outside");
  write_file(box / "elsewhere.csv", "outside");
  fs::create_symlink(box / "elsewhere.txt", box / "out/a.txt");
  fs::create_symlink(box / "elsewhere.csv", box / "out/report.csv");
  ASSERT_EQ(::mkfifo((box / "out/b.txt").c_str(), 0644), 0);
  ASSERT_EQ(::mkfifo((box / "out/.paiban-manifest.tsv").c_str(), 0644), 0);
  std::string err;
  EXPECT_EQ(run_paiban({"batch", src.string(), "--out", (box / "out").string(), "--to", "txt"}, &err), 3) << err;
  EXPECT_EQ(read_file(box / "elsewhere.txt"), "outside");
  EXPECT_EQ(read_file(box / "elsewhere.csv"), "outside");
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(box / "out/report.csv")));  // our own file, replaced
  auto rows = report_rows(box / "out");
  EXPECT_EQ(rows["a.txt"]["status"], "failed");
  EXPECT_NE(rows["a.txt"]["error"].find("a symbolic link is where this output goes"), std::string::npos)
      << rows["a.txt"]["error"];
  EXPECT_EQ(rows["b.txt"]["status"], "failed");
  EXPECT_NE(rows["b.txt"]["error"].find("named pipe"), std::string::npos) << rows["b.txt"]["error"];
  EXPECT_EQ(rows["c.txt"]["status"], "converted");
  EXPECT_TRUE(fs::is_symlink(box / "out/a.txt"));  // refused, left as it was
}

// The test holds DIR's lock as another run would (flock on DIR/.paiban-lock naming a pid).
class HeldLock {
 public:
  explicit HeldLock(const fs::path& path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    EXPECT_EQ(::flock(fd_, LOCK_EX | LOCK_NB), 0);
    EXPECT_EQ(::pwrite(fd_, "4242\n", 5, 0), 5);
  }
  ~HeldLock() { release(); }
  void release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

TEST(BatchLock, SecondRunStopsOrWaitsShardsRunSideBySide) {
  Sandbox box;
  fs::path src = make_source(box / "src", Kind::folder, {{"a.txt", 'f', sample()}, {"b.txt", 'f', variant(1)}});
  fs::create_directories(box / "out");
  HeldLock held(box / "out/.paiban-lock");
  std::string err;
  const std::vector<std::string> run = {"batch", src.string(), "--out", (box / "out").string(), "--to", "txt"};
  EXPECT_EQ(run_paiban(run, &err), 1);
  EXPECT_NE(err.find("another paiban batch (process 4242) is writing into this folder"), std::string::npos) << err;
  EXPECT_NE(err.find("--wait"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(box / "out/a.txt"));

  std::vector<std::string> shard = run;  // shards have a lock each
  shard.insert(shard.end(), {"--shard", "1/2"});
  EXPECT_EQ(run_paiban(shard, &err), 0) << err;

  std::vector<std::string> waiting = run;
  waiting.push_back("--wait");
  Child child(waiting);
  // Until the child says it is waiting (polled; no timing asserted), it has written nothing.
  for (int i = 0; i < 1500 && child.stderr_so_far().find("waiting for") == std::string::npos; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(fs::exists(box / "out/report.csv"));
  held.release();
  EXPECT_EQ(child.wait(&err), 0) << err;
  EXPECT_NE(err.find("waiting for paiban batch process 4242"), std::string::npos) << err;
  EXPECT_TRUE(fs::exists(box / "out/a.txt"));
  EXPECT_TRUE(fs::exists(box / "out/b.txt"));
}

// A tar.gz bomb entry (too large to read, far past --max-ratio) between good entries: listing
// decompresses through it within the bound, and what follows is converted.
TEST(BatchBombs, GoodEntriesAfterABombAreConverted) {
  Sandbox box;
  std::vector<Spec> specs = {{"first.txt", 'f', sample()}, {"bomb.txt", 'f', std::string(8 << 20, '\0')}};
  for (int i = 0; i < 20; ++i)  // each alone is fine; together past 16 × 256K at > 100:1
    specs.push_back({"z" + std::to_string(100 + i) + ".txt", 'f', std::string(250 << 10, 'a')});
  specs.push_back({"later.txt", 'f', variant(1)});
  fs::path src = make_source(box / "src", Kind::tgz, specs);
  std::string err;
  EXPECT_EQ(run_paiban({"batch", src.string(), "--out", (box / "out").string(), "--to", "txt",
                        "--max-entry-size", "256K"}, &err), 3) << err;
  auto rows = report_rows(box / "out");
  EXPECT_EQ(rows["first.txt"]["status"], "converted");
  EXPECT_EQ(rows["bomb.txt"]["status"], "failed");
  EXPECT_EQ(rows["z119.txt"]["status"], "refused");
  EXPECT_NE(rows["z119.txt"]["error"].find("decompression bomb"), std::string::npos);
  EXPECT_EQ(rows["later.txt"]["status"], "converted") << err;
  EXPECT_EQ(rows.size(), specs.size());
}

}  // namespace
}  // namespace paiban::batch_test
