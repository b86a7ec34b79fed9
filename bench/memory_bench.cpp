// memory_bench: peak memory of one worker converting one article, per input byte — the figures
// behind --max-memory's estimate (pipeline/memory.h) and docs/batch.md "Memory".
// For articles of 1, 4 and 15 MB (the sample article's variants run together as one long
// article), a document of about 200 pages and a 4 MB article that is one paragraph (article XML
// with one <p>: what a failed reflow can make), a forked child converts in-process, as a batch
// worker does, to XML + clean text ("reflow") and to PDF ("typeset"); the parent reads the
// child's peak RSS (wait4). A child converting the sample article (15 KB) gives the constant
// (process, ICU, style and the fonts' pages a real article touches); the rest divided by the
// input's bytes is the per-byte figure, set
// against the bound docs/batch.md "Memory" documents (the constant + 10 bytes per input byte).
// Usage: memory_bench [--sizes 1,4,15] [--pages 200] [--paragraph 4]   (MiB; 0 skips one)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "pipeline/convert.h"
#include "pipeline/memory.h"

using namespace paiban;

namespace {

constexpr double kBoundPerByte = 10;  // docs/batch.md "Memory"

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The sample's variants (digits rotated) run together to `bytes`; later copies lose their
// headline lines so it stays one article.
std::string article_of(size_t bytes) {
  const std::string sample = read(std::string(PAIBAN_SOURCE_DIR) + "/input/lvliang-cppcc-2024.txt");
  size_t body = 0;
  for (int n = 0; n < 6 && body != std::string::npos; ++n) body = sample.find('\n', body + (n ? 1 : 0));
  std::string out;
  for (int i = 0; out.size() < bytes; ++i) {
    std::string v = i ? sample.substr(body + 1) : sample;
    for (char& c : v)
      if (c >= '0' && c <= '9') c = static_cast<char>('0' + (c - '0' + i) % 10);
    out += v;
  }
  return out;
}

// One paragraph of `bytes` as article XML: the sample's text without its line breaks.
std::string one_paragraph_of(size_t bytes) {
  std::string text;
  for (char c : article_of(bytes))
    if (c != '\n' && c != '\r' && c != '<' && c != '>' && c != '&') text += c;
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article version=\"1\">\n  <headline>一段到底</headline>\n  <p>" +
         text + "</p>\n</article>\n";
}

struct Peak {
  long rss_kb = 0;
  int pages = 0;
  bool ok = false;
};

// Converts `text` in a child; its peak RSS and the PDF's page count.
Peak child_peak(const std::string& text, bool pdf) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    int pages = -1;
    try {
      Converter c = Converter::create("broadsheet", pdf);
      ConvertOptions o;
      o.xml = o.txt = !pdf;
      o.pdf = pdf;
      o.pdf_threads = 1;
      o.limits.max_input_bytes = 64ull << 20;
      o.limits.max_line_bytes = 64ull << 20;
      o.limits.max_blocks = 10000000;
      o.limits.max_pages = 100000;
      Converted out = c.convert(text, "memory.txt", o);
      pages = 0;  // page objects ("/Type /Page", not "/Type /Pages"); libharu writes them unpacked
      for (size_t p = 0; (p = out.pdf.find("/Type /Page", p)) != std::string::npos; ++p)
        pages += p + 11 < out.pdf.size() && out.pdf[p + 11] != 's';
    } catch (const Error& e) {
      std::fprintf(stderr, "memory_bench: %s\n", e.what());
    }
    ssize_t w = ::write(fds[1], &pages, sizeof pages);
    ::_exit(w == sizeof pages && pages >= 0 ? 0 : 1);
  }
  ::close(fds[1]);
  Peak r;
  if (::read(fds[0], &r.pages, sizeof r.pages) != sizeof r.pages) r.pages = -1;
  ::close(fds[0]);
  int status = 0;
  rusage ru{};
  if (pid > 0 && ::wait4(pid, &status, 0, &ru) == pid) {
    r.rss_kb = ru.ru_maxrss;
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  return r;
}

std::vector<double> parse_list(const char* s) {
  std::vector<double> v;
  for (const char* p = s; *p;) {
    v.push_back(std::strtod(p, const_cast<char**>(&p)));
    if (*p == ',') ++p;
    else break;
  }
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<double> sizes = {1, 4, 15};
  int want_pages = 200;
  double paragraph_mb = 4;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--sizes")) sizes = parse_list(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--pages")) want_pages = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--paragraph")) paragraph_mb = std::atof(argv[i + 1]);
  }
  const MemoryModel model;
  int status = 0;
  double pages_per_byte = 0;  // from the first typeset article: sizes the 200-page document
  for (bool pdf : {true, false}) {
    const char* what = pdf ? "typeset" : "reflow";
    // The constant is what a real article of ordinary length costs (a one-line article touches
    // only a few pages of the fonts' files; the sample, some 1,000 distinct characters, most).
    std::string sample = read(std::string(PAIBAN_SOURCE_DIR) + "/input/lvliang-cppcc-2024.txt");
    Peak base = child_peak(sample, pdf);
    std::printf("%-8s constant (the %.0f KB sample article): peak RSS %.1f MB\n", what, sample.size() / 1024.0,
                base.rss_kb / 1024.0);
    auto one = [&](const std::string& label, const std::string& text) {
      Peak p = child_peak(text, pdf);
      double extra = (p.rss_kb - base.rss_kb) * 1024.0;
      double per_byte = extra / static_cast<double>(text.size());
      double est = static_cast<double>(estimate_work_bytes(text.size(), pdf, model));
      std::printf("%-8s %-22s %6.1f MB input: peak RSS %7.1f MB, %5.1f bytes per input byte%s%s%s (estimate %.0f MB)\n",
                  what, label.c_str(), text.size() / 1048576.0, p.rss_kb / 1024.0, per_byte,
                  pdf ? (", " + std::to_string(p.pages) + " pages").c_str() : "", p.ok ? "" : " FAILED",
                  per_byte <= kBoundPerByte ? "" : " OVER THE BOUND", (est + base.rss_kb * 1024.0) / 1048576.0);
      if (!p.ok) status = 1;
      if (pdf && p.pages > 0 && pages_per_byte == 0) pages_per_byte = p.pages / static_cast<double>(text.size());
    };
    for (double mb : sizes) one(std::to_string(static_cast<int>(mb)) + " MB article", article_of(static_cast<size_t>(mb * 1048576)));
    if (want_pages > 0 && pages_per_byte > 0) {
      one(std::to_string(want_pages) + "-page document", article_of(static_cast<size_t>(want_pages / pages_per_byte)));
    }
    if (paragraph_mb > 0)
      one(std::to_string(static_cast<int>(paragraph_mb)) + " MB, one paragraph",
          one_paragraph_of(static_cast<size_t>(paragraph_mb * 1048576)));
  }
  return status;
}
