// batch: the parts that decide things without touching a source — entry paths, sizes, shards,
// output names, manifest lines, report escaping, progress text. Cases in tests/data/batch/.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "batch/hash.h"
#include "batch/manifest.h"
#include "batch/plan.h"
#include "batch/progress.h"
#include "batch/report.h"
#include "batch/safety.h"
#include "batch/shard.h"
#include "core/error.h"

namespace paiban::batch {
namespace {

std::vector<std::string> data_lines(const std::string& file) {
  std::ifstream in(std::string(PAIBAN_TEST_DATA) + "/batch/" + file);
  EXPECT_TRUE(in) << file;
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  return lines;
}

// "\xHH" → that byte, "\t" → tab (only where the data file says so).
std::string unescape(const std::string& s, bool tabs) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() + 0 && s[i + 1] == 'x' && std::isxdigit(static_cast<unsigned char>(s[i + 2])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 3]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else if (tabs && s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 't') {
      out += '\t';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

TEST(BatchSafety, EntryPaths) {
  auto lines = data_lines("entry_paths.tests");
  ASSERT_GT(lines.size(), 20u);
  for (const std::string& line : lines) {
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    std::string name = unescape(line.substr(0, tab), false), want = line.substr(tab + 1);
    PathCheck pc = check_entry_path(name);
    if (want.rfind("refused: ", 0) == 0) {
      EXPECT_TRUE(pc.rel.empty()) << line << " → " << pc.rel;
      EXPECT_NE(pc.reason.find(want.substr(9)), std::string::npos) << line << " → " << pc.reason;
    } else {
      EXPECT_EQ(pc.reason, "") << line;
      EXPECT_EQ(pc.rel, want) << line;
    }
  }
}

TEST(BatchSafety, Sizes) {
  EXPECT_EQ(parse_size("16M", "--x"), 16u << 20);
  EXPECT_EQ(parse_size("1.5K", "--x"), 1536u);
  EXPECT_EQ(parse_size("2GiB", "--x"), 2ull << 30);
  EXPECT_EQ(parse_size("1000", "--x"), 1000u);
  EXPECT_EQ(parse_size("64 kb", "--x"), 64u << 10);
  for (const char* bad : {"", "M", "0", "-1", "12X", "1.2.3", "abc", "99999999999G"}) {
    try {
      parse_size(bad, "--max-entry-size");
      ADD_FAILURE() << "accepted " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::usage);
      EXPECT_NE(std::string(e.what()).find("--max-entry-size"), std::string::npos);
    }
  }
  // Sizes in batch messages are core/limits.h's format_bytes, as in every other message.
  EXPECT_EQ(format_bytes(16u << 20), "16 MiB");
  EXPECT_EQ(format_bytes(1536), "1.5 KiB");
  EXPECT_EQ(format_bytes(12), "12 bytes");
}

TEST(BatchSafety, EntryGuardStopsLargeAndBombs) {
  SourceLimits l;
  l.max_entry_size = 10 << 20;
  l.max_ratio = 100;
  l.ratio_floor = 1 << 20;
  EntryGuard g(l, 5000);
  bool bomb = true;
  EXPECT_EQ(g.check(900 << 10, 5000 + 10, bomb), "");  // under the floor: no judgement yet
  EXPECT_EQ(g.check(2 << 20, 5000 + (40 << 10), bomb), "");  // 51:1 is text-like enough
  EXPECT_NE(g.check(2 << 20, 5000 + (10 << 10), bomb), "");  // 205:1
  EXPECT_TRUE(bomb);
  EXPECT_NE(g.check((10 << 20) + 1, 5000 + (9 << 20), bomb).find("too large"), std::string::npos);
  EXPECT_FALSE(bomb);
  // The whole archive is judged past 16 × the entry limit (160 MiB here).
  EXPECT_EQ(check_archive_ratio(l, 160 << 20, 10), "");
  EXPECT_EQ(check_archive_ratio(l, 200 << 20, 3 << 20), "");
  EXPECT_NE(check_archive_ratio(l, 200 << 20, 1 << 20), "");
}

TEST(BatchShard, ParseAndCoverExactlyOnce) {
  Shard s = parse_shard("3/8");
  EXPECT_EQ(s.k, 3);
  EXPECT_EQ(s.n, 8);
  EXPECT_EQ(shard_suffix(s), "-3-of-8");
  EXPECT_EQ(shard_suffix(parse_shard("1/1")), "");
  for (const char* bad : {"0/3", "4/3", "3", "/3", "1/0", "a/b", "1/3/4", " 1/3", "-1/3"}) {
    EXPECT_THROW(parse_shard(bad), Error) << bad;
  }
  for (int n : {1, 2, 3, 7}) {
    std::vector<int> per(n + 1, 0);
    for (int i = 0; i < 2000; ++i) {
      std::string path = "paper/2024/" + std::to_string(i % 12 + 1) + "/article-" + std::to_string(i) + ".txt";
      int hits = 0;
      for (int k = 1; k <= n; ++k)
        if (in_shard(path, Shard{k, n})) {
          ++hits;
          ++per[k];
        }
      ASSERT_EQ(hits, 1) << path << " in " << hits << " of " << n << " shards";
    }
    for (int k = 1; k <= n; ++k) {  // balanced within 15 %
      EXPECT_GT(per[k], 2000 / n * 85 / 100) << k << "/" << n;
      EXPECT_LT(per[k], 2000 / n * 115 / 100) << k << "/" << n;
    }
  }
}

TEST(BatchShard, AssignmentIsPinned) {
  // Changing the hash would move files between shards and break resumed sharded runs.
  EXPECT_EQ(hash64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(hash64("a"), 0xaf63dc4c8601ec8cull);  // FNV-1a test vector
  int shard = 0;
  for (int k = 1; k <= 4; ++k)
    if (in_shard("2024/01/01/a.txt", Shard{k, 4})) shard = k;
  EXPECT_EQ(shard, static_cast<int>(mix64(hash64("2024/01/01/a.txt")) % 4) + 1);
}

struct PlanCase {
  std::string name;
  Listing listing;
  std::vector<std::pair<std::string, std::string>> expect;  // input → "outputs…" or status
};

std::vector<PlanCase> plan_cases() {
  std::vector<PlanCase> cases;
  for (const std::string& line : data_lines("plan_names.tests")) {
    if (line.rfind("case ", 0) == 0) {
      cases.emplace_back();
      cases.back().name = line.substr(5);
    } else if (line.rfind("entry: ", 0) == 0) {
      std::istringstream ss(line.substr(7));
      Entry e;
      ss >> e.name;
      e.rel = check_entry_path(e.name).rel;
      e.regular = true;
      e.size = 10;
      for (std::string w; ss >> w;) {
        if (w.rfind("size=", 0) == 0) e.size = std::stoull(w.substr(5));
        if (w == "refused") {
          e.status = Status::refused;
          e.regular = false;
          e.reason = "a symbolic link";
        }
      }
      cases.back().listing.entries.push_back(e);
    } else if (line.rfind("expect: ", 0) == 0) {
      size_t arrow = line.find(" => ");
      cases.back().expect.emplace_back(line.substr(8, arrow - 8), line.substr(arrow + 4));
    }
  }
  return cases;
}

TEST(BatchPlan, OutputNamesAndDecisions) {
  auto cases = plan_cases();
  ASSERT_GE(cases.size(), 8u);
  Options o;
  o.limits.max_entry_size = 1000;
  for (const PlanCase& c : cases) {
    Plan p = make_plan(c.listing, o);
    std::vector<std::pair<std::string, std::string>> got;
    for (size_t i = 0; i < c.listing.entries.size(); ++i) {
      int t = p.task_of_entry[i];
      if (t >= 0) {
        std::string outs;
        for (const auto& out : p.tasks[t].outputs) outs += (outs.empty() ? "" : " ") + out;
        got.emplace_back(p.tasks[t].input, outs);
      }
    }
    for (const Item& it : p.settled) got.emplace_back(it.input, status_name(it.status));
    auto sorted = [](auto v) {
      std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.first < b.first; });
      return v;
    };
    EXPECT_EQ(sorted(got), sorted(c.expect)) << c.name;
  }
}

TEST(BatchPlan, ShardsSplitTheSameNames) {
  Listing l;
  for (int i = 0; i < 60; ++i) {
    Entry e;
    e.name = e.rel = "d" + std::to_string(i % 7) + "/" + std::to_string(i) + (i % 5 ? ".txt" : ".xml");
    e.regular = true;
    l.entries.push_back(e);
  }
  l.entries[3].name = l.entries[3].rel = "d3/1.xml";  // meets d1/1.txt? no: other folder; and d3/3.txt
  Options whole;
  Plan all = make_plan(l, whole);
  std::map<std::string, std::vector<std::string>> names;
  for (const Task& t : all.tasks) names[t.input] = t.outputs;
  std::set<std::string> seen;
  for (int k = 1; k <= 3; ++k) {
    Options o;
    o.shard = Shard{k, 3};
    for (const Task& t : make_plan(l, o).tasks) {
      EXPECT_TRUE(seen.insert(t.input).second) << t.input;
      EXPECT_EQ(t.outputs, names[t.input]) << t.input;
    }
  }
  EXPECT_EQ(seen.size(), all.tasks.size());
}

TEST(BatchManifest, RecordsRoundTrip) {
  Record r;
  r.input = "吕梁/a\tb\\c.txt";
  r.hash = 0x0123456789abcdefull;
  r.key = manifest_key("xml,pdf", "broadsheet");
  r.outputs = {{"吕梁/a.xml", 12}, {"吕梁/a.pdf", 34567}};
  r.warnings = {"line 3: missing glyph U+9FA5\nsecond line", ""};
  r.articles = 3;
  r.repairs = {{"fullwidth-colon", 4}, {"han-space", 17}};
  std::string line = format_record(r);
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  Record back;
  ASSERT_TRUE(parse_record(line.substr(0, line.size() - 1), back));
  EXPECT_EQ(back.input, r.input);
  EXPECT_EQ(back.hash, r.hash);
  EXPECT_EQ(back.key, r.key);
  EXPECT_EQ(back.outputs, r.outputs);
  EXPECT_EQ(back.warnings, r.warnings);
  EXPECT_EQ(back.articles, 3);
  EXPECT_EQ(back.repairs, r.repairs);
  EXPECT_EQ(back.failure, "");
  EXPECT_NE(r.key.find(PAIBAN_VERSION), std::string::npos);
  // Failure records (no outputs): running, memory, failed — and nothing else.
  for (const char* f : {kRunning, kMemory, kFailed}) {
    Record m;
    m.input = "big.txt";
    m.hash = 7;
    m.key = r.key;
    m.warnings = {"w"};
    m.failure = f;
    std::string l = format_record(m);
    ASSERT_TRUE(parse_record(l.substr(0, l.size() - 1), back)) << l;
    EXPECT_EQ(back.failure, f);
    EXPECT_EQ(back.warnings, m.warnings);
    EXPECT_TRUE(back.outputs.empty());
  }
  EXPECT_FALSE(parse_record("big.txt\t0000000000000007\tk\t0\t0\tsomething", back));
}

TEST(BatchManifest, DamagedLinesAreRejected) {
  auto lines = data_lines("manifest_records.tests");
  ASSERT_GE(lines.size(), 8u);
  for (const std::string& line : lines) {
    Record r;
    EXPECT_FALSE(parse_record(unescape(line, true), r)) << line;
  }
}

TEST(BatchReport, JsonAndCsvEscaping) {
  EXPECT_EQ(json_string("a\"b\\c\n吕"), "\"a\\\"b\\\\c\\u000a吕\"");
  // GBK bytes of 吕梁 (an old zip's names) are not UTF-8: each byte becomes U+FFFD.
  EXPECT_EQ(json_string("\xe5\x90\x95/\xc2\xc0\xc1\xba"), "\"\xe5\x90\x95/\\ufffd\\ufffd\\ufffd\\ufffd\"");
  EXPECT_EQ(json_string("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");  // a UTF-16 surrogate is not UTF-8
  Item it;
  it.input = "a,b.txt";
  it.status = Status::failed;
  it.error = "a,b.txt:3: \"bad\"";
  it.hint = "fix it";
  std::string csv = report_csv({it});
  EXPECT_NE(csv.find("\"a,b.txt\",failed,0,0.000,,,\"a,b.txt:3: \"\"bad\"\"\",fix it,,,,\r\n"), std::string::npos) << csv;
  // A converted page: its articles and its repairs by kind, in both reports.
  Item page;
  page.input = "p.hocr";
  page.status = Status::converted;
  page.articles = 3;
  page.repairs = {{"fullwidth-colon", 2}, {"han-space", 40}};
  EXPECT_NE(report_csv({page}).find(",3,fullwidth-colon 2;han-space 40,,\r\n"), std::string::npos) << report_csv({page});
  // A scan: each page's figures and repairs; a text layer has no confidence.
  Item scanned = page;
  scanned.pages = {{1, "ocr", 812, 87.44f, 3, {{"fullwidth-colon", 2}, {"han-space", 39}}},
                   {2, "text layer", 90, -1, 1, {{"han-space", 1}}}};
  EXPECT_NE(report_csv({scanned}).find(",,1 ocr 87.4 3 41;2 text layer  1 1\r\n"), std::string::npos) << report_csv({scanned});
  EXPECT_NE(report_json({}, {scanned}).find("\"pages\": [{\"page\": 1, \"via\": \"ocr\", \"words\": 812, \"confidence\": 87.4, "
                                            "\"articles\": 3, \"repairs\": {\"fullwidth-colon\": 2, \"han-space\": 39}}, "
                                            "{\"page\": 2, \"via\": \"text layer\", \"words\": 90, "
                                            "\"confidence\": null, \"articles\": 1, \"repairs\": {\"han-space\": 1}}]"),
            std::string::npos) << report_json({}, {scanned});
  std::string json = report_json({}, {page, it});
  EXPECT_NE(json.find("\"articles\": 3, \"repairs\": {\"fullwidth-colon\": 2, \"han-space\": 40}"),
            std::string::npos) << json;
  EXPECT_NE(json.find("\"articles\": null, \"repairs\": {}"), std::string::npos) << json;
}

TEST(BatchProgress, Text) {
  EXPECT_EQ(progress_text(412, 1000, 2, 61.25, 9.6), "412/1000 · 2 failed · 61.2 files/s · ETA 0:10");
  EXPECT_EQ(progress_text(0, 10, 0, -1, -1), "0/10");
  EXPECT_EQ(progress_text(10, 10, 0, 5, 0), "10/10 · 5.0 files/s");
  EXPECT_EQ(progress_text(1, 100000, 0, 1, 99999), "1/100000 · 1.0 files/s · ETA 27:46:39");
}

// A clock the test moves by hand.
Progress::Clock::time_point g_fake_now;
Progress::Clock::time_point fake_now() { return g_fake_now; }

std::string drive(ProgressMode mode, int seconds) {
  std::FILE* f = std::tmpfile();
  g_fake_now = Progress::Clock::time_point{} + std::chrono::hours(1);
  Progress p(mode, 100, f, &fake_now);
  for (int t = 0; t < seconds * 10; ++t) {  // one input every 100 ms
    g_fake_now += std::chrono::milliseconds(100);
    p.advance(t % 25 == 0);
    p.tick();
  }
  p.finish();
  std::rewind(f);
  std::string out;
  for (int c; (c = std::fgetc(f)) != EOF;) out += static_cast<char>(c);
  std::fclose(f);
  return out;
}

TEST(BatchProgress, PlainLineEveryFiveSecondsLiveLineInPlaceQuietNothing) {
  std::string plain = drive(ProgressMode::plain, 9);  // 90 inputs in 9 s
  EXPECT_EQ(std::count(plain.begin(), plain.end(), '\n'), 1) << plain;  // at 5 s only
  EXPECT_EQ(plain, "paiban batch: 50/100 · 2 failed · 10.0 files/s · ETA 0:05\n");
  std::string live = drive(ProgressMode::live, 2);
  EXPECT_EQ(live.find('\n'), std::string::npos) << "a live line never scrolls";
  EXPECT_NE(live.find("\r\033[K20/100 · 1 failed · 10.0 files/s · ETA 0:08"), std::string::npos) << live;
  EXPECT_EQ(live.substr(live.size() - 4), "\r\033[K") << "the live line is cleared at the end";
  EXPECT_EQ(drive(ProgressMode::quiet, 9), "");
}

}  // namespace
}  // namespace paiban::batch
