// Fonts (FreeType + HarfBuzz): faces loaded once per process and shared read-only by all
// workers of a batch. CONTRACT between the font/PDF work and the layout work; extend, don't break.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <hb.h>

#include "core/error.h"
#include "core/owned.h"

namespace paiban {

// Half-width metrics of a glyph from the font's `halt` feature (clreq §3.1.6 punctuation
// compression, https://www.w3.org/TR/clreq/#punctuation_width_adjustment), in em.
struct HaltGlyph {
  uint32_t gid = 0;
  float advance = 0, dx = 0;
};

// A CIDFont's character collection (PDF 32000-1 §9.7.3): the CFF's own ROS, else Adobe-Identity-0.
struct CidSystemInfo {
  std::string registry = "Adobe", ordering = "Identity";
  int supplement = 0;
};

// Owned HarfBuzz handles (core/owned.h): destroyed however the scope is left.
using HbBlob = Owned<hb_blob_t, hb_blob_destroy>;
using HbFace = Owned<hb_face_t, hb_face_destroy>;
using HbFont = Owned<hb_font_t, hb_font_destroy>;
using HbBuffer = Owned<hb_buffer_t, hb_buffer_destroy>;

struct FontFace {
  std::string path;          // file on disk
  int index = 0;             // face index inside a TTC
  std::string family, style; // e.g. "Noto Serif CJK SC", "Regular"
  std::string postscript_name;
  std::string package;       // Debian package that provides the file ("" when unknown)
  bool cff = false;          // CFF outlines (CIDFontType0) vs TrueType (CIDFontType2)
  int upem = 1000;
  unsigned glyph_count = 0;
  float ascender = 0.88f, descender = -0.12f;  // ideographic em box (BASE), in em
  std::array<int, 4> bbox{};  // xMin, yMin, xMax, yMax in font units ('head' table)
  HbFace hb_face;  // immutable
  HbFont hb_font;  // immutable; scale = upem (advances come back in font units)
  // The file's bytes: a read-only memory map owned by the FontLibrary (shared by the faces of a
  // TTC), so a 26 MB Noto file costs no copy and only the pages actually read.
  const char* data = nullptr;
  size_t data_size = 0;
  std::vector<HaltGlyph> halt;   // sorted by gid; glyphs `halt` changes (computed at load)
  // Vertical writing: glyphs `vhal` changes in top-to-bottom text (advance and dx along the column,
  // downwards), sorted by gid; and whether the face has vertical metrics (vhea + vmtx). Without
  // them HarfBuzz synthesises em-box advances and layout warns (OpenType vmtx).
  std::vector<HaltGlyph> vhal;
  bool vertical_metrics = false;
  // FreeType's view of the face, opened on first use under its own lock (fonts.cpp): only PDF
  // embedding of CFF faces needs it, so fallback faces a document never uses cost no parse.
  struct FreeType;
  std::shared_ptr<FreeType> freetype;

  bool has_glyph(char32_t cp) const;
  // CFF with a CID charset: PDF codes are CIDs, not glyph ids. Throws Error when FreeType
  // cannot read the face (these three open it on first use; thread-safe).
  bool cid_keyed() const;
  // The CID of a glyph in a CID-keyed CFF face (FT_Get_CID_From_Glyph_Index), else the gid.
  uint32_t cid(uint32_t gid) const;
  CidSystemInfo cid_system_info() const;
  // The halt entry of a glyph, or nullptr when `halt` leaves it alone.
  const HaltGlyph* halt_of(uint32_t gid) const;
  const HaltGlyph* vhal_of(uint32_t gid) const;
};

// A face as a style names it: by family + style name (fonts/ manifest and system folders), or a
// file of the style's own (a publisher's licensed font), resolved relative to the style file.
struct FontRef {
  std::string family, style;
  std::string file;
  int index = 0;  // face inside a TTC/OTC file
  Where where;    // the style's <face> naming it, for messages (empty when made in code)
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
  int load_face(const std::string& family, const std::string& style);
  int load_face_file(const std::string& path, int index = 0);
  // The fallback chain of a manifest role ("song", "hei", "kai", "latin"): its first face is
  // required (throws like load_face); later ones are skipped when their file is not installed.
  FontChain load_chain(const std::string& role);

  // A FontRef's face: load_face or load_face_file (loads; throws like them).
  int load(const FontRef& ref);
  // The loaded face a FontRef names (the same folding of names as loading), or -1. Read-only.
  int resolve(const FontRef& ref) const;

  const FontFace& face(int id) const;
  size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace paiban
