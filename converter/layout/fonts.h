// Fonts (FreeType + HarfBuzz): faces loaded once per process and shared read-only by all
// workers of a batch. CONTRACT between the font/PDF work and the layout work; extend, don't break.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

typedef struct FT_FaceRec_* FT_Face;
typedef struct hb_face_t hb_face_t;
typedef struct hb_font_t hb_font_t;

namespace paiban {

// Half-width metrics of a glyph from the font's `halt` feature (clreq §3.1.6 punctuation
// compression, https://www.w3.org/TR/clreq/#punctuation_width_adjustment), in em.
struct HaltGlyph {
  uint32_t gid = 0;
  float advance = 0, dx = 0;
};

struct FontFace {
  std::string path;          // file on disk
  int index = 0;             // face index inside a TTC
  std::string family, style; // e.g. "Noto Serif CJK SC", "Regular"
  std::string postscript_name;
  std::string package;       // Debian package that provides the file ("" when unknown)
  bool cff = false;          // CFF outlines (CIDFontType0) vs TrueType (CIDFontType2)
  bool cid_keyed = false;    // CFF with a CID charset (PDF codes are CIDs, not glyph ids)
  int upem = 1000;
  unsigned glyph_count = 0;
  float ascender = 0.88f, descender = -0.12f;  // ideographic em box (BASE), in em
  FT_Face ft = nullptr;      // NOT thread-safe: use only under ft_lock (see cid())
  hb_face_t* hb_face = nullptr;  // immutable
  hb_font_t* hb_font = nullptr;  // immutable; scale = upem (advances come back in font units)
  // The file's bytes: a read-only memory map owned by the FontLibrary (shared by the faces of a
  // TTC), so a 26 MB Noto file costs no copy and only the pages actually read.
  const char* data = nullptr;
  size_t data_size = 0;
  std::vector<HaltGlyph> halt;   // sorted by gid; glyphs `halt` changes (computed at load)
  std::shared_ptr<std::mutex> ft_lock = std::make_shared<std::mutex>();

  bool has_glyph(char32_t cp) const;
  // The CID of a glyph in a CID-keyed CFF face (FT_Get_CID_From_Glyph_Index), else the gid.
  uint32_t cid(uint32_t gid) const;
  // The halt entry of a glyph, or nullptr when `halt` leaves it alone.
  const HaltGlyph* halt_of(uint32_t gid) const;
};

// A role's faces in fallback order (indices into FontLibrary).
struct FontChain {
  std::vector<int> faces;
};

class FontLibrary {
 public:
  FontLibrary();  // manifest: data_path("fonts/manifest.xml")
  explicit FontLibrary(std::string manifest_path);
  ~FontLibrary();
  FontLibrary(FontLibrary&&) noexcept;
  FontLibrary& operator=(FontLibrary&&) noexcept;

  // Loads (once; later calls return the same index) a face by family + style, searching the
  // manifest in fonts/ and the system font folders; or by file path (+ index for TTC).
  // Throws Error naming the family/file and the Debian package that provides it.
  int try_face(const std::string& family, const std::string& style);
  int try_face_file(const std::string& path, int index = 0);
  // The fallback chain of a manifest role ("song", "hei", "kai", "latin"): its first face is
  // required (throws like try_face); later ones are skipped when their file is not installed.
  FontChain try_chain(const std::string& role);

  const FontFace& face(int id) const;
  size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace paiban
