// Fonts (FreeType + HarfBuzz): faces loaded once per process and shared read-only by all
// workers of a batch. CONTRACT between the font/PDF work and the layout work; extend, don't break.
#pragma once

#include <memory>
#include <string>
#include <vector>

typedef struct FT_FaceRec_* FT_Face;
typedef struct hb_face_t hb_face_t;
typedef struct hb_font_t hb_font_t;

namespace paiban {

struct FontFace {
  std::string path;          // file on disk
  int index = 0;             // face index inside a TTC
  std::string family, style; // e.g. "Noto Serif CJK SC", "Regular"
  std::string postscript_name;
  bool cff = false;          // CFF outlines (CIDFontType0) vs TrueType (CIDFontType2)
  int upem = 1000;
  float ascender = 0.88f, descender = -0.12f;  // in em
  FT_Face ft = nullptr;
  hb_face_t* hb_face = nullptr;
  hb_font_t* hb_font = nullptr;  // scale = upem (advances come back in font units)
  std::string blob;              // the file's bytes, owned here (HarfBuzz and FreeType read it)
  bool has_glyph(char32_t cp) const;
};

// A role's faces in fallback order (indices into FontLibrary).
struct FontChain {
  std::vector<int> faces;
};

class FontLibrary {
 public:
  FontLibrary();
  ~FontLibrary();
  FontLibrary(FontLibrary&&) noexcept;
  FontLibrary& operator=(FontLibrary&&) noexcept;

  // Loads (once; later calls return the same index) a face by family + style, searching the
  // manifest in fonts/ and the system font folders; or by file path (+ index for TTC).
  // Throws Error naming the family/file and the Debian package that provides it.
  int try_face(const std::string& family, const std::string& style);
  int try_face_file(const std::string& path, int index = 0);

  const FontFace& face(int id) const;
  size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace paiban
