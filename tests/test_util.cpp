#include "test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/unicode.h"

namespace paiban::test {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string data(const std::string& rel) { return std::string(PAIBAN_TEST_DATA) + "/" + rel; }

std::string sample_path() { return std::string(PAIBAN_TEST_DATA) + "/../../input/lvliang-cppcc-2024.txt"; }

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t at; (at = s.find(sep, from)) != std::string::npos; from = at + sep.size())
    out.push_back(s.substr(from, at - from));
  out.push_back(s.substr(from));
  return out;
}

std::u32string non_space(std::string_view s) {
  std::u32string out;
  for (char32_t c : to_u32(s))
    if (!is_space(c)) out += c;
  return out;
}

std::string temp_dir(const std::string& tag) {
  // The process id keeps concurrent runs (several worktrees, ctest -j) apart.
  auto base = std::filesystem::temp_directory_path() / ("paiban-test-" + tag + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base);
  return base.string();
}

Run run(const std::string& cmd, Stderr err) {
  Run r;
  FILE* p = popen((cmd + (err == Stderr::merged ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

bool have_tool(const std::string& tool) { return run("command -v " + tool).code == 0; }

Run validate_article_xml(const std::string& path) {
  if (!have_tool("xmllint")) {
    ADD_FAILURE() << "xmllint is not installed: the schema tests need it (libxml2-utils; make deps)";
    return Run{127, "xmllint missing"};
  }
  return run("xmllint --noout --relaxng " + std::string(PAIBAN_SOURCE_DIR) + "/schema/article.rng '" + path + "'");
}

Gray read_pgm(const std::string& path) {
  Gray g;
  std::string bytes = read_file(path);
  size_t i = 0;
  // The next header token, past white space and "# ..." comments (Ghostscript writes one).
  auto token = [&] {
    for (;;) {
      while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
      if (i < bytes.size() && bytes[i] == '#') {
        while (i < bytes.size() && bytes[i] != '\n') ++i;
        continue;
      }
      break;
    }
    size_t s = i;
    while (i < bytes.size() && !std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
    return bytes.substr(s, i - s);
  };
  if (token() != "P5") return g;
  g.w = std::stoi(token());
  g.h = std::stoi(token());
  if (token() != "255") return Gray{};
  ++i;  // the single white space before the raster
  if (bytes.size() < i + static_cast<size_t>(g.w) * g.h) return Gray{};
  g.px.assign(bytes.begin() + static_cast<long>(i), bytes.begin() + static_cast<long>(i) + g.w * g.h);
  return g;
}

Renders render_three(const std::string& pdf, int page, int dpi, const std::string& base) {
  const std::string p = std::to_string(page), r = std::to_string(dpi);
  Renders out;
  if (run("pdftoppm -r " + r + " -gray -f " + p + " -l " + p + " -singlefile " + pdf + " " + base + "-poppler").code == 0)
    out.poppler = read_pgm(base + "-poppler.pgm");
  if (run("mutool draw -q -r " + r + " -c gray -o " + base + "-mupdf.pgm " + pdf + " " + p).code == 0)
    out.mupdf = read_pgm(base + "-mupdf.pgm");
  if (run("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pgmraw -r" + r + " -dTextAlphaBits=4 -dGraphicsAlphaBits=4 "
          "-dFirstPage=" + p + " -dLastPage=" + p + " -sOutputFile=" + base + "-gs.pgm " + pdf).code == 0)
    out.gs = read_pgm(base + "-gs.pgm");
  return out;
}

namespace {

// Ink (255 - gray, summed) per cell of `cell` pixels over w × h, the image shifted by dx, dy.
std::vector<long> cells(const Gray& g, int w, int h, int cell, int dx, int dy) {
  int cw = w / cell, ch = h / cell;
  std::vector<long> out(static_cast<size_t>(cw) * ch, 0);
  for (int y = 0; y < ch * cell; ++y)
    for (int x = 0; x < cw * cell; ++x) {
      int sx = std::clamp(x + dx, 0, g.w - 1), sy = std::clamp(y + dy, 0, g.h - 1);
      out[static_cast<size_t>(y / cell) * cw + x / cell] += 255 - g.px[static_cast<size_t>(sy) * g.w + sx];
    }
  return out;
}

}  // namespace

RenderDiff compare_renders(const Gray& ref, const Gray& other, int dpi) {
  RenderDiff d;
  if (ref.w == 0 || other.w == 0) return d;
  const int w = std::min(ref.w, other.w), h = std::min(ref.h, other.h);
  const int cell = std::max(4, dpi * 12 / 50);  // ~17 pt
  const long area = static_cast<long>(cell) * cell * 255;
  const long inked = area / 50, clear = area / 500, solid = area / 25;  // 2 %, 0.2 %, 4 % of a cell
  const std::vector<long> r = cells(ref, w, h, cell, 0, 0);
  long total = 0;
  for (long v : r) {
    total += v;
    d.occupied += v > inked;
  }
  d.differ = -1;
  for (int dy = -2; dy <= 2; ++dy)
    for (int dx = -2; dx <= 2; ++dx) {
      const std::vector<long> o = cells(other, w, h, cell, dx, dy);
      long diff = 0, sum = 0;
      for (size_t i = 0; i < o.size(); ++i) {
        diff += (o[i] > solid && r[i] < clear) || (r[i] > solid && o[i] < clear);
        sum += o[i];
      }
      if (d.differ < 0 || diff < d.differ) {
        d.differ = diff;
        d.ink = total > 0 ? static_cast<double>(sum) / static_cast<double>(total) : 0;
      }
    }
  return d;
}

}  // namespace paiban::test
