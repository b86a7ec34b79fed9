// makeup_bench: milliseconds per made-up page (load, measure + search + set, PDF) for 3, 5 and 8
// articles cut from input/lvliang-cppcc-2024.txt on the broadsheet page (the target is
// ≤ 150 ms a page for 3–8 articles), and whether the same articles give the same PDF bytes twice.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/make_up.h"

namespace {

struct Part {
  int from, to;       // lines of the sample, 1-based, inclusive
  const char* title;  // "" : the part starts with its own headline
};

// Three, five and eight stories out of the same sample, each set about a broadsheet page of text:
// the lead (the report's opening), then its sections and pieces of them.
const std::vector<Part> kPages[] = {
    {{1, 76, ""}, {79, 200, "深化党的创新理论 坚定信念强根基"}, {258, 364, "加强思想政治引领 倾情画好同心圆"}},
    {{1, 76, ""},
     {79, 140, "深化党的创新理论 坚定信念强根基"},
     {143, 200, "聚焦服务中心大局 协商议政图发展"},
     {258, 312, "加强思想政治引领 倾情画好同心圆"},
     {315, 364, "全面加强自身建设 履职能力再提升"}},
    {{1, 60, ""},
     {79, 125, "深化党的创新理论 坚定信念强根基"},
     {143, 180, "聚焦服务中心大局 协商议政图发展"},
     {258, 290, "加强思想政治引领 倾情画好同心圆"},
     {315, 340, "全面加强自身建设 履职能力再提升"},
     {181, 200, "建言生态文明建设"},
     {365, 380, "凝聚各方智慧力量"},
     {397, 410, "奋进新征程展现新作为"}},
};

std::vector<paiban::NamedInput> articles(const std::vector<std::string>& lines, const std::vector<Part>& parts) {
  std::vector<paiban::NamedInput> out;
  for (size_t a = 0; a < parts.size(); ++a) {
    const Part& p = parts[a];
    std::string s = *p.title ? std::string(p.title) + "\n\n" : "";
    for (int i = p.from; i <= p.to && i <= static_cast<int>(lines.size()); ++i) s += lines[i - 1] + "\n";
    out.push_back({std::string(1, static_cast<char>('a' + a)) + ".txt", s});
  }
  return out;
}

}  // namespace

int main() {
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);  // the PDF's dates: same bytes from the same input
  std::ifstream in(PAIBAN_SOURCE_DIR "/input/lvliang-cppcc-2024.txt");
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  const int runs = 5;
  int failed = 0;
  for (const std::vector<Part>& parts : kPages) {
    std::vector<paiban::NamedInput> inputs = articles(lines, parts);
    int n = static_cast<int>(parts.size());
    double total = 0, layout = 0;
    std::string first;
    bool same = true;
    int scored = 0;
    float hole = 0;
    for (int r = 0; r < runs; ++r) {
      paiban::MakeUpReport rep;
      auto t0 = std::chrono::steady_clock::now();
      std::string pdf;
      try {
        pdf = paiban::make_up_pdf(inputs, "broadsheet", "", {}, false, &rep);
      } catch (const std::exception& e) {
        std::printf("makeup: %d articles: failed: %s\n", n, e.what());
        ++failed;
        break;
      }
      total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      layout += rep.timings.paginate_ms;
      scored = rep.candidates;
      hole = rep.hole_lines;
      if (r == 0) first = pdf;
      same = same && pdf == first;
    }
    if (first.empty()) continue;
    std::printf("makeup: %d articles → 1 broadsheet page: %.1f ms per page end to end (make-up %.1f ms, %d rectangles "
                "scored, deepest hole %.1f lines), PDF %zu bytes, %s bytes in %d runs\n",
                n, total / runs, layout / runs, scored, hole, first.size(), same ? "same" : "DIFFERENT", runs);
    failed += !same;
  }
  return failed ? 1 : 0;
}
