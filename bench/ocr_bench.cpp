// ocr_bench: the OCR layout readers on a whole A3 newspaper page (300 dpi: 3508 × 4961 px,
// 7 columns × 140 lines, ~12 words a line, ~12 000 words) in hOCR, ALTO (pixel v4, mm10 v2)
// and PAGE XML, generated here in the shape Tesseract and ABBYY write.
//  - CPU time of one read (read_ocr: check, parse, transcribe), best and median of N runs
//    in-process;
//  - CPU time of the whole page → XML (read, reflow_ocr, write_xml), best and median;
//  - peak RSS of a fresh process that reads the page once (wait4), and of one that takes it to
//    XML, beside one that only builds the bytes, so paiban's own memory shows.
// Issue 10's budget for the whole page → XML is 20 ms CPU and 64 MB; reading must be a few ms.
// Usage: ocr_bench [--runs N]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "ocr/read.h"
#include "reflow/reflow.h"
#include "xml/xml.h"

using namespace paiban;

namespace {

constexpr int kWidth = 3508, kHeight = 4961, kColumns = 7, kLines = 140, kWords = 12;
const char* kText[] = {"政协", "事业", "要", "发展", "，", "党的", "领导", "是", "根本", "。", "市政协", "坚持"};

double cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Geometry {
  int col_w = kWidth / kColumns, line_h = 34, pitch = 34, word_w = 36;
  int x(int c, int w) const { return 60 + c * col_w + w * word_w; }
  int y(int l) const { return 80 + l * pitch; }
};

std::string hocr() {
  Geometry g;
  std::string s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
      "    \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n"
      " <head><meta name='ocr-system' content='tesseract 5.3.0' /></head>\n <body>\n"
      "  <div class='ocr_page' id='page_1' title='image \"a3.png\"; bbox 0 0 3508 4961; ppageno 0; scan_res 300 300'>\n";
  int wid = 0;
  for (int c = 0; c < kColumns; ++c) {
    s += "   <div class='ocr_carea' id='block_1_" + std::to_string(c) + "' title=\"bbox " + std::to_string(g.x(c, 0)) + " " +
         std::to_string(g.y(0)) + " " + std::to_string(g.x(c, kWords)) + " " + std::to_string(g.y(kLines)) + "\">\n";
    for (int l = 0; l < kLines; ++l) {
      if (l % 8 == 0) s += "    <p class='ocr_par' lang='chi_sim'>\n";
      s += "     <span class='ocr_line' id='line_" + std::to_string(c) + "_" + std::to_string(l) + "' title=\"bbox " +
           std::to_string(g.x(c, 0)) + " " + std::to_string(g.y(l)) + " " + std::to_string(g.x(c, kWords)) + " " +
           std::to_string(g.y(l) + g.line_h) + "; baseline 0.001 -6; x_size 34; x_descenders 8; x_ascenders 8\">\n";
      for (int w = 0; w < kWords; ++w)
        s += "      <span class='ocrx_word' id='word_1_" + std::to_string(++wid) + "' title='bbox " +
             std::to_string(g.x(c, w)) + " " + std::to_string(g.y(l)) + " " + std::to_string(g.x(c, w + 1) - 2) + " " +
             std::to_string(g.y(l) + g.line_h) + "; x_wconf 93'>" + kText[w] + "</span>\n";
      s += "     </span>\n";
      if (l % 8 == 7 || l == kLines - 1) s += "    </p>\n";
    }
    s += "   </div>\n";
  }
  return s + "  </div>\n </body>\n</html>\n";
}

// ALTO v4 in pixels (Tesseract) or v2 in mm10 (ABBYY: positions × 254 / 300).
std::string alto(bool mm10) {
  Geometry g;
  auto u = [&](int px) { return std::to_string(mm10 ? px * 254 / 300 : px); };
  std::string s = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-") +
                  (mm10 ? "v2#" : "v4#") + "\">\n<Description><MeasurementUnit>" + (mm10 ? "mm10" : "pixel") +
                  "</MeasurementUnit>" + (mm10 ? "<sourceImageInformation><xResolution>300</xResolution></sourceImageInformation>" : "") +
                  "</Description>\n<Styles><TextStyle ID=\"f0\" FONTSIZE=\"8\"/></Styles>\n<Layout>\n<Page ID=\"page_0\" WIDTH=\"" +
                  u(kWidth) + "\" HEIGHT=\"" + u(kHeight) + "\" PHYSICAL_IMG_NR=\"0\">\n<PrintSpace HPOS=\"0\" VPOS=\"0\" WIDTH=\"" +
                  u(kWidth) + "\" HEIGHT=\"" + u(kHeight) + "\">\n";
  int sid = 0;
  for (int c = 0; c < kColumns; ++c) {
    s += "<TextBlock ID=\"block_" + std::to_string(c) + "\" HPOS=\"" + u(g.x(c, 0)) + "\" VPOS=\"" + u(g.y(0)) + "\" WIDTH=\"" +
         u(g.x(c, kWords) - g.x(c, 0)) + "\" HEIGHT=\"" + u(g.y(kLines) - g.y(0)) + "\" STYLEREFS=\"f0\">\n";
    for (int l = 0; l < kLines; ++l) {
      s += "\t<TextLine ID=\"line_" + std::to_string(c * kLines + l) + "\" HPOS=\"" + u(g.x(c, 0)) + "\" VPOS=\"" + u(g.y(l)) +
           "\" WIDTH=\"" + u(g.x(c, kWords) - g.x(c, 0)) + "\" HEIGHT=\"" + u(g.line_h) + "\">\n";
      for (int w = 0; w < kWords; ++w)
        s += "\t\t<String ID=\"string_" + std::to_string(++sid) + "\" HPOS=\"" + u(g.x(c, w)) + "\" VPOS=\"" + u(g.y(l)) +
             "\" WIDTH=\"" + u(g.word_w - 2) + "\" HEIGHT=\"" + u(g.line_h) + "\" WC=\"0.93\" CONTENT=\"" + kText[w] +
             "\"/><SP WIDTH=\"2\" VPOS=\"" + u(g.y(l)) + "\" HPOS=\"" + u(g.x(c, w + 1) - 2) + "\"/>\n";
      s += "\t</TextLine>\n";
    }
    s += "</TextBlock>\n";
  }
  return s + "</PrintSpace>\n</Page>\n</Layout>\n</alto>\n";
}

std::string page_xml() {
  Geometry g;
  auto rect = [](int x0, int y0, int x1, int y1) {
    std::string a = std::to_string(x0), b = std::to_string(y0), c = std::to_string(x1), d = std::to_string(y1);
    return "<Coords points=\"" + a + "," + b + " " + c + "," + b + " " + c + "," + d + " " + a + "," + d + "\"/>";
  };
  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/"
                  "pagecontent/2019-07-15\">\n<Metadata><Creator>bench</Creator></Metadata>\n<Page imageFilename=\"a3.png\" "
                  "imageWidth=\"3508\" imageHeight=\"4961\">\n";
  for (int c = 0; c < kColumns; ++c) {
    s += "<TextRegion id=\"r" + std::to_string(c) + "\" type=\"paragraph\">" +
         rect(g.x(c, 0), g.y(0), g.x(c, kWords), g.y(kLines)) + "\n";
    for (int l = 0; l < kLines; ++l) {
      s += " <TextLine id=\"l" + std::to_string(c) + "_" + std::to_string(l) + "\">" +
           rect(g.x(c, 0), g.y(l), g.x(c, kWords), g.y(l) + g.line_h) + "\n";
      for (int w = 0; w < kWords; ++w)
        s += "  <Word>" + rect(g.x(c, w), g.y(l), g.x(c, w + 1) - 2, g.y(l) + g.line_h) +
             "<TextEquiv conf=\"0.93\"><Unicode>" + kText[w] + "</Unicode></TextEquiv></Word>\n";
      s += " </TextLine>\n";
    }
    s += "</TextRegion>\n";
  }
  return s + "</Page>\n</PcGts>\n";
}

// The whole page → article XML, as `paiban reflow page.hocr` does it.
size_t to_xml(const std::string& bytes) {
  return write_xml(reflow_ocr(ocr::read_ocr(bytes, "a3"), "a3").doc).size();
}

// Peak RSS (KB) of a fresh process (this program run again) that builds input `i` and then
// does `what` once ("hold": nothing, "read", "xml"): the difference is paiban's own memory.
long child_rss_kb(int i, const char* what) {
  pid_t pid = fork();
  if (pid == 0) {
    std::string n = std::to_string(i);
    execl("/proc/self/exe", "ocr_bench", "--child", n.c_str(), what, static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) std::fprintf(stderr, "ocr_bench: child failed (%d)\n", status);
  return ru.ru_maxrss;
}

std::string input(int i) {
  switch (i) {
    case 0: return hocr();
    case 1: return alto(false);
    case 2: return alto(true);
    default: return page_xml();
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--child") == 0) {
    std::string bytes = input(std::atoi(argv[2]));
    if (std::strcmp(argv[3], "hold") == 0) return bytes.empty();
    try {
      if (std::strcmp(argv[3], "xml") == 0) return to_xml(bytes) > 0 ? 0 : 1;
      return ocr::read_ocr(bytes, "a3").at(0).line_count() > 0 ? 0 : 1;
    } catch (...) {
      return 2;
    }
  }
  int runs = 30;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::atoi(argv[i + 1]));
  const char* names[] = {"hOCR (Tesseract)", "ALTO v4 pixel", "ALTO v2 mm10", "PAGE XML 2019"};
  std::printf("ocr_bench: one A3 page, %d columns × %d lines × %d words, %d runs each\n", kColumns, kLines, kWords, runs);
  for (int i = 0; i < 4; ++i) {
    std::string bytes = input(i);
    std::vector<double> cpu;
    size_t lines = 0, words = 0;
    for (int r = 0; r < runs; ++r) {
      double c0 = cpu_ms();
      auto pages = ocr::read_ocr(bytes, "a3");
      cpu.push_back(cpu_ms() - c0);
      lines = pages.at(0).line_count();
      words = 0;
      for (const auto& reg : pages[0].regions)
        for (const auto& l : reg.lines) words += l.words.size();
    }
    std::vector<double> whole;
    for (int r = 0; r < runs; ++r) {
      double c0 = cpu_ms();
      to_xml(bytes);
      whole.push_back(cpu_ms() - c0);
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(whole.begin(), whole.end());
    long hold = child_rss_kb(i, "hold"), read = child_rss_kb(i, "read"), xml = child_rss_kb(i, "xml");
    std::printf("  %-17s %6.0f KB %5zu lines %6zu words  read: best %5.2f ms, median %5.2f ms CPU;  "
                "peak RSS %5.1f MB (reader's own %4.1f MB)\n",
                names[i], bytes.size() / 1024.0, lines, words, cpu.front(), cpu[cpu.size() / 2], read / 1024.0,
                (read - hold) / 1024.0);
    std::printf("  %-17s page → XML (read, reflow_ocr, write_xml): best %5.2f ms, median %5.2f ms CPU;  "
                "peak RSS %5.1f MB (paiban's own %4.1f MB) — budget 20 ms, 64 MB\n",
                "", whole.front(), whole[whole.size() / 2], xml / 1024.0, (xml - hold) / 1024.0);
  }
  return 0;
}
