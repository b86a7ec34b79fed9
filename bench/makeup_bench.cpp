// makeup_bench: milliseconds per made-up page (load, measure + search + set, PDF) for four parts
// of input/lvliang-cppcc-2024.txt on the broadsheet page; the target is ≤ 150 ms.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/make_up.h"

namespace {

// Lines [from, to] (1-based) of the sample, under `title` when one is given.
std::string part(const std::vector<std::string>& lines, int from, int to, const std::string& title) {
  std::string s = title.empty() ? "" : title + "\n\n";
  for (int i = from; i <= to && i <= static_cast<int>(lines.size()); ++i) s += lines[i - 1] + "\n";
  return s;
}

}  // namespace

int main() {
  std::ifstream in(PAIBAN_SOURCE_DIR "/input/lvliang-cppcc-2024.txt");
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::vector<paiban::NamedInput> inputs = {
      {"a.txt", part(lines, 1, 76, "")},
      {"b.txt", part(lines, 79, 140, "深化党的创新理论 坚定信念强根基")},
      {"c.txt", part(lines, 143, 200, "聚焦服务中心大局 协商议政图发展")},
      {"d.txt", part(lines, 258, 312, "加强思想政治引领 倾情画好同心圆")}};
  const int runs = 5;
  double total = 0, layout = 0;
  size_t bytes = 0;
  int layouts = 0;
  for (int r = 0; r < runs; ++r) {
    paiban::MakeUpReport rep;
    auto t0 = std::chrono::steady_clock::now();
    bytes = paiban::make_up_pdf(inputs, "broadsheet", "", {}, false, &rep).size();
    total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    layout += rep.timings.paginate_ms;
    layouts = rep.candidates;
  }
  std::printf("makeup: 4 articles → 1 broadsheet page: %.1f ms per page end to end (make-up %.1f ms, "
              "%d rectangles scored), PDF %zu bytes, mean of %d runs\n",
              total / runs, layout / runs, layouts, bytes, runs);
  return 0;
}
