#include "batch/plan.h"

#include <map>
#include <set>

#include "batch/safety.h"
#include "batch/shard.h"

namespace paiban::batch {

namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Raw text, article or page XML, ALTO and PAGE (.xml), hOCR (.hocr, or .html as OCRmyPDF and
// kraken name it), scans (images, PDFs): what the file holds is decided from its content when it
// is converted.
constexpr const char* kScanExtensions[] = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pnm", ".pbm", ".pgm", ".ppm", ".pdf"};
constexpr const char* kTextExtensions[] = {".txt", ".xml", ".hocr", ".html"};

size_t extension_length(const std::string& l, const char* ext) {
  size_t n = std::char_traits<char>::length(ext);
  return l.size() > n && l.compare(l.size() - n, n, ext) == 0 && l[l.size() - n - 1] != '/' ? n : 0;
}

size_t input_extension_length(const std::string& rel) {
  std::string l = lower(rel);
  for (const char* ext : kTextExtensions)
    if (size_t n = extension_length(l, ext)) return n;
  return scan_extension_length(rel);
}

std::string strip_extension(const std::string& rel) { return rel.substr(0, rel.size() - input_extension_length(rel)); }

}  // namespace

size_t scan_extension_length(const std::string& rel) {
  std::string l = lower(rel);
  for (const char* ext : kScanExtensions)
    if (size_t n = extension_length(l, ext)) return n;
  return 0;
}

std::string skip_reason(const std::string& rel) {
  size_t start = 0;
  while (start < rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    std::string part = rel.substr(start, end - start);
    if (part[0] == '.') return "a hidden file (its name or a folder's starts with '.')";
    if (part == "__MACOSX") return "macOS metadata (__MACOSX/), not an article";
    start = end + 1;
  }
  if (input_extension_length(rel) == 0) return "not a .txt, .xml, .hocr or .html file, nor a scan (.png, .jpg, .tif, .pnm, .pdf)";
  return {};
}

Plan make_plan(const Listing& listing, const Options& opts) {
  const auto& entries = listing.entries;
  // 1. Decide every entry over the whole listing, shard or not, so that all shards agree.
  std::vector<Item> decided(entries.size());
  std::vector<bool> is_input(entries.size(), false);
  std::set<std::string> seen;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    Item& it = decided[i];
    it.input = e.rel.empty() ? e.name : e.rel;
    it.bytes = e.size;
    it.stored_hex = e.stored_hex;
    it.status = e.status;
    it.error = e.reason;
    it.hint = e.hint;
    if (e.status != Status::pending) continue;
    if (std::string why = skip_reason(e.rel); !why.empty()) {
      it.status = Status::skipped;
      it.error = why;
      // A hidden .txt/.xml may be an article someone did not mean to hide; macOS's __MACOSX/
      // and ._ AppleDouble files never are.
      const std::string base = e.rel.substr(e.rel.rfind('/') + 1);
      it.article = input_extension_length(e.rel) > 0 && base.compare(0, 2, "._") != 0 &&
                   e.rel.find("__MACOSX") == std::string::npos;
      if (it.article) it.hint = "rename it without the leading '.' to convert it";
    } else if (!seen.insert(e.rel).second) {
      it.status = Status::failed;
      it.error = "the source holds this path more than once; only the first copy is converted";
      it.hint = "remove the duplicate from the archive";
    } else if (e.size > opts.limits.max_entry_size) {
      it.status = Status::failed;
      it.error = "too large: " + format_bytes(e.size) + ", more than " +
                 format_bytes(opts.limits.max_entry_size) + " (--max-entry-size)";
      it.hint = "raise --max-entry-size if this really is one article";
    } else {
      is_input[i] = true;
    }
  }

  // 2. Output stems: the path without its extension, unless two inputs share it.
  std::vector<std::string> stem(entries.size());
  for (size_t i = 0; i < entries.size(); ++i)
    if (is_input[i]) stem[i] = strip_extension(entries[i].rel);
  std::vector<bool> renamed(entries.size(), false);
  for (bool changed = true; changed;) {  // whole names are unique, so this ends
    changed = false;
    std::map<std::string, std::vector<size_t>> by_stem;
    for (size_t i = 0; i < entries.size(); ++i)
      if (is_input[i]) by_stem[stem[i]].push_back(i);
    for (auto& [s, group] : by_stem) {
      if (group.size() < 2) continue;
      for (size_t i : group) {
        if (stem[i] == entries[i].rel) continue;
        stem[i] = entries[i].rel;
        renamed[i] = changed = true;
      }
    }
  }

  // 3. An output may not be where another output needs a folder (`a.xml` vs `a.xml/b.txt`).
  std::set<std::string> folders;
  for (size_t i = 0; i < entries.size(); ++i)
    if (is_input[i])
      for (size_t p = stem[i].find('/'); p != std::string::npos; p = stem[i].find('/', p + 1))
        folders.insert(stem[i].substr(0, p));
  const char* exts[] = {".xml", ".txt", ".pdf"};
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!is_input[i]) continue;
    for (const char* ext : exts) {
      if (!folders.count(stem[i] + ext)) continue;
      is_input[i] = false;
      decided[i].status = Status::failed;
      decided[i].error = "its output " + stem[i] + ext + " would have the name of a folder other outputs need";
      decided[i].hint = "rename the file or the folder in the source";
      break;
    }
  }

  // 4. This shard's part.
  Plan plan;
  plan.task_of_entry.assign(entries.size(), -1);
  const bool want[] = {opts.formats.xml, opts.formats.txt, opts.formats.pdf};
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].folder || !in_shard(decided[i].input, opts.shard)) continue;
    if (!is_input[i]) {
      plan.settled.push_back(std::move(decided[i]));
      continue;
    }
    Task t;
    t.entry = i;
    t.input = entries[i].rel;
    t.stored_hex = entries[i].stored_hex;
    for (int f = 0; f < 3; ++f)
      if (want[f]) t.outputs.push_back(stem[i] + exts[f]);
    if (opts.scan.keep != scan::Keep::none && scan_extension_length(t.input)) {
      t.kept = static_cast<int>(t.outputs.size());
      t.outputs.push_back(stem[i] + kept_extension(opts.scan.keep));
    }
    if (renamed[i])
      t.note = "another input has the same name but for its extension, so the outputs keep the whole name: " +
               stem[i] + ".*";
    plan.task_of_entry[i] = static_cast<int>(plan.tasks.size());
    plan.tasks.push_back(std::move(t));
  }
  return plan;
}

}  // namespace paiban::batch
