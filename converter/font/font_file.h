// Internal helpers of fonts.cpp: map a font file, read face names, parse the manifest, build the
// halt table. Not part of the layout contract.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

typedef struct hb_face_t hb_face_t;
typedef struct hb_font_t hb_font_t;

namespace paiban {

struct HaltGlyph;

// A read-only memory map of a whole file; unmapped on destruction.
class MappedFile {
 public:
  // Throws Error (input) when the file cannot be opened or is empty.
  static std::shared_ptr<const MappedFile> open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  const char* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  MappedFile(const char* d, size_t n) : data_(d), size_(n) {}
  const char* data_;
  size_t size_;
};

// Every (family, style) pair a face carries: name IDs 1+2, 16+17 and 21+22 in every language,
// so "LXGW WenKai" and "霞鹜文楷" both find the same face. Kept as pairs so
// "Noto Serif CJK SC Medium"/"Regular" never matches a request for family "Noto Serif CJK SC".
struct FaceNames {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::string family, style;  // the English typographic (else legacy) pair, for messages
};
FaceNames read_face_names(hb_face_t* face);

// Case-insensitive match of a requested family/style against a face's names; the styles
// "Regular", "Book", "Normal", "Roman" are one.
bool names_match(const FaceNames& names, const std::string& family, const std::string& style);
// Lower case without ' ', '-', '_': "NotoSerifCJKsc" ~ "Noto Serif CJK SC".
std::string fold_name(const std::string& s);
// fold_name, and "" / Regular / Book / Normal / Roman all as "regular": the one folding of styles.
std::string fold_style(const std::string& s);
// A name-table string (e.g. ID 6, the PostScript name) in English, else in any language; "" if none.
std::string english_name(hb_face_t* face, unsigned id);

struct ManifestFont {
  std::string family, style, file, package;
  int index = 0;
};
struct ManifestRole {
  std::string name;
  std::vector<ManifestFont> faces;  // fallback order
};
struct Manifest {
  std::string path;
  std::vector<ManifestFont> fonts;
  std::vector<ManifestRole> roles;
};
// Throws Error (input) when the manifest cannot be read or is malformed.
Manifest load_manifest(const std::string& path);

// Glyphs whose advance or offset the `halt` feature changes (zh-Hans, Han script), sorted by gid;
// `vertical`: the `vhal` feature in top-to-bottom text, for the `vert` forms.
std::vector<HaltGlyph> build_halt_table(hb_font_t* font, int upem, bool vertical);

}  // namespace paiban
