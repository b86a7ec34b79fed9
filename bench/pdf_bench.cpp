// pdf_bench: the font/PDF half of typesetting on the sample article (~3,100 Han characters):
// load fonts, shape every line, place it naively (wrap at the measure; no clreq line breaking —
// that is the layout stage's work), then write_pdf. Prints the time split, median of 7 runs,
// wall and CPU time (the machine is shared, so CPU time is the steadier figure).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/unicode.h"
#include "layout/shape.h"
#include "pdf/pdf.h"

using namespace paiban;
namespace fs = std::filesystem;

namespace {

double wall_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct Shaped {
  std::string text;
  std::vector<ShapedGlyph> glyphs;
  float size;
};

// Naive placement on A4 pages: 10 pt body, 15 pt line pitch, wrap at 495 pt.
LaidOutDocument place(const std::vector<Shaped>& lines) {
  LaidOutDocument doc;
  doc.title = "为建设美丽幸福吕梁广泛凝心聚力";
  doc.pages.emplace_back();
  float y = 800;
  for (const Shaped& l : lines) {
    float x = 50;
    GlyphRun* run = nullptr;
    for (size_t i = 0; i < l.glyphs.size(); ++i) {
      const ShapedGlyph& g = l.glyphs[i];
      if (x + g.advance * l.size > 545 || !run) {
        if (run) y -= l.size * 1.5f, x = 50;
        if (y < 50) {
          doc.pages.emplace_back();
          y = 800;
        }
        run = nullptr;
      }
      if (!run || run->face != g.face) {
        doc.pages.back().runs.push_back(GlyphRun{g.face, l.size, 0, {}});
        run = &doc.pages.back().runs.back();
      }
      PlacedGlyph p{g.gid, x + g.dx * l.size, y + g.dy * l.size, {}};
      if (i == 0 || l.glyphs[i - 1].cluster != g.cluster) {
        size_t end = l.text.size();
        for (size_t k = i + 1; k < l.glyphs.size(); ++k)
          if (l.glyphs[k].cluster != g.cluster) {
            end = l.glyphs[k].cluster;
            break;
          }
        p.text = l.text.substr(g.cluster, end - g.cluster);
      }
      run->glyphs.push_back(std::move(p));
      x += g.advance * l.size;
    }
    y -= l.size * 1.5f;
  }
  return doc;
}

}  // namespace

int main() {
  const std::string path = PAIBAN_SOURCE_DIR "/input/lvliang-cppcc-2024.txt";
  std::ifstream in(path);
  if (!in) {
    std::printf("pdf_bench: %s not found, skipped\n", path.c_str());
    return 0;
  }
  std::vector<std::string> text;
  size_t han = 0;
  for (std::string s; std::getline(in, s);) {
    if (s.empty()) continue;
    for (size_t i = 0; i < s.size();) han += is_han(next_code_point(s, i));
    text.push_back(s);
  }

  double w0 = wall_ms(), c0 = cpu_ms();
  FontLibrary fonts;
  FontChain song = fonts.load_chain("song"), hei = fonts.load_chain("hei-bold");
  double load_wall = wall_ms() - w0, load_cpu = cpu_ms() - c0;

  std::vector<double> shape_w, subset, embed, content, save, write_w, write_c;
  size_t bytes = 0, glyphs = 0, font_bytes = 0, pages = 0;
  std::string written;
  for (int run = 0; run < 7; ++run) {
    double ws = wall_ms();
    std::vector<Shaped> lines;
    for (size_t i = 0; i < text.size(); ++i) {
      float size = i == 0 ? 18.0f : 10.0f;
      lines.push_back({text[i], shape(text[i], fonts, i == 0 ? hei : song, nullptr), size});
    }
    shape_w.push_back(wall_ms() - ws);
    LaidOutDocument doc = place(lines);
    PdfStats st;
    double ww = wall_ms(), cw = cpu_ms();
    std::string pdf = write_pdf(doc, fonts, {}, &st);
    write_w.push_back(wall_ms() - ww);
    write_c.push_back(cpu_ms() - cw);
    subset.push_back(st.subset_ms);
    embed.push_back(st.embed_ms);
    content.push_back(st.content_ms);
    save.push_back(st.save_ms);
    bytes = st.bytes, glyphs = st.glyphs, font_bytes = st.font_bytes, pages = doc.pages.size();
    if (run == 0) written = pdf;
  }
  // Nothing is left in the current folder: the PDF is written to a temporary one, checked whole
  // on disk, and removed.
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec) / ("paiban-pdf-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir, ec);
  const fs::path out = dir / "pdf_bench.pdf";
  std::ofstream(out, std::ios::binary) << written;
  const bool whole = !ec && fs::exists(out) && fs::file_size(out, ec) == written.size();
  fs::remove_all(dir, ec);
  std::printf("pdf_bench: %zu Han characters, %zu lines, %zu pages, %zu distinct glyphs\n", han, text.size(), pages,
              glyphs);
  std::printf("  load fonts   %7.2f ms wall %7.2f ms cpu (once)\n", load_wall, load_cpu);
  std::printf("  shape        %7.2f ms wall (median of 7)\n", median(shape_w));
  std::printf("  subset       %7.2f ms wall\n", median(subset));
  std::printf("  embed        %7.2f ms wall (font dicts, /W, /ToUnicode)\n", median(embed));
  std::printf("  content      %7.2f ms wall (pages, glyph text)\n", median(content));
  std::printf("  save         %7.2f ms wall (libharu serialise + Flate)\n", median(save));
  std::printf("  write_pdf    %7.2f ms wall %7.2f ms cpu\n", median(write_w), median(write_c));
  std::printf("  PDF %zu bytes, font programs %zu bytes before compression (written to a temporary file: %s)\n",
              bytes, font_bytes, whole ? "ok" : "FAILED");
  return whole ? 0 : 1;
}
