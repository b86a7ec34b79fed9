#include "dump.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "core/unicode.h"
#include "core/xml_chars.h"

namespace paiban::bench {

namespace {

using xml_chars::escape;

void block_xml(const Block& b, int depth, std::string& out) {
  std::string pad(static_cast<size_t>(depth) * 2, ' ');
  std::string open = pad + "<" + kind_name(b.kind);
  if (b.src.known()) open += " src=\"" + std::to_string(b.src.first) + "-" + std::to_string(b.src.last) + "\"";
  open += ">";
  std::string close = std::string("</") + kind_name(b.kind) + ">\n";
  if (b.kind == Kind::section || b.kind == Kind::box) {
    out += open + "\n";
    for (const auto& c : b.children) block_xml(c, depth + 1, out);
    out += pad + close;
  } else if (b.kind == Kind::heading) {
    out += open;
    for (const auto& l : b.lines) out += "<line>" + escape(l) + "</line>";
    out += close;
  } else {
    out += open + escape(b.text) + close;
  }
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f) throw Error(ExitCode::internal, path + ": cannot write", "check the --dump directory");
}

std::string strip(const std::string& s) {
  std::string o;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = next_code_point(s, i);
    if (!is_space(c)) o.append(s, at, i - at);
  }
  return o;
}

// Non-space text with the degrader's punctuation confusions folded back.
std::string strip_folded(const std::string& s) {
  std::u32string u = to_u32(strip(s));
  for (char32_t& c : u) {
    for (char32_t full : {U'，', U'：', U'；', U'？', U'！', U'（', U'）'})
      if (c == halfwidth_confusion(full)) c = full;
  }
  return to_utf8(u);
}

void leaves(const Block& b, std::vector<const Block*>& out) {
  if (b.kind == Kind::section || b.kind == Kind::box) {
    for (const auto& c : b.children) leaves(c, out);
  } else {
    out.push_back(&b);
  }
}

}  // namespace

std::string article_xml(const Document& doc) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article lang=\"" + escape(doc.lang) +
                    "\" source=\"" + escape(doc.source) + "\">\n";
  for (const auto& b : doc.blocks) block_xml(b, 1, out);
  return out + "</article>\n";
}

std::string describe(const Degraded& d) {
  const DegradeOptions& o = d.options;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "id=%s seed=%llu measure=%d box_measure=%d empty=%s subtitle=%d byline=%d box=%d "
                "hanging=%d extraction_space=%.1f letter_spacing=%.2f real_title_space=%.1f halfwidth_punct=%.2f",
                d.id.c_str(), static_cast<unsigned long long>(d.seed), o.measure, o.box_measure,
                empty_lines_name(o.empty), o.subtitle, o.byline, o.box, o.hanging, o.extraction_space,
                o.letter_spacing, o.real_title_space, o.halfwidth_punct);
  return buf;
}

void write_dump(const std::string& dir, const std::string& name, const Degraded& d, const Document* pred) {
  std::filesystem::create_directories(dir);
  std::string text;
  for (const auto& l : d.lines) text += l + "\n";
  write_file(dir + "/" + name + ".txt", text);
  std::string truth = article_xml(d.truth);
  truth.insert(truth.find('\n') + 1, "<!-- " + describe(d) + " -->\n");
  write_file(dir + "/" + name + ".truth.xml", truth);
  if (pred) write_file(dir + "/" + name + ".reflow.xml", article_xml(*pred));
}

std::string verify_degraded(const Degraded& d) {
  std::vector<const Block*> ls;
  for (const auto& b : d.truth.blocks) leaves(b, ls);
  int next_line = 1;
  for (const Block* b : ls) {
    std::string want = strip_folded(plain_text(*b));
    if (!b->src.known() || b->src.first < next_line || b->src.last < b->src.first ||
        b->src.last > static_cast<int>(d.lines.size()))
      return std::string(kind_name(b->kind)) + " \"" + want + "\": bad src";
    for (int n = next_line; n < b->src.first; ++n)
      if (!strip(d.lines[n - 1]).empty()) return "line " + std::to_string(n) + ": text outside every block";
    std::string got;
    for (int n = b->src.first; n <= b->src.last; ++n) got += strip_folded(d.lines[n - 1]);
    if (b->kind == Kind::byline) {
      for (const char* marker : {"□", "口"})
        if (got.rfind(marker, 0) == 0) { got.erase(0, std::string(marker).size()); break; }
    }
    if (got != want) return "lines " + std::to_string(b->src.first) + "-" + std::to_string(b->src.last) +
                            ": text \"" + got + "\" differs from truth \"" + want + "\"";
    next_line = b->src.last + 1;
  }
  for (size_t n = next_line; n <= d.lines.size(); ++n)
    if (!strip(d.lines[n - 1]).empty()) return "line " + std::to_string(n) + ": text after the last block";
  bool any_empty = false;
  for (const auto& l : d.lines) any_empty |= l.empty();
  if (d.options.empty == EmptyLines::none && any_empty) return "policy none but an empty line";
  for (size_t n = 0; n + 1 < d.lines.size(); ++n) {
    if (d.lines[n].empty() && d.lines[n + 1].empty()) return "two empty lines in a row at " + std::to_string(n + 1);
    if (d.options.empty == EmptyLines::every && !d.lines[n].empty() && d.lines[n + 1].empty() &&
        is_ascii_digit(static_cast<unsigned char>(d.lines[n].back())))
      return "policy every: empty line after a line ending in a digit at " + std::to_string(n + 1);
  }
  return "";
}

}  // namespace paiban::bench
