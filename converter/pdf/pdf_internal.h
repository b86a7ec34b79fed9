// Internal pieces of the PDF writer (write.cpp drives them). PDF 32000-1:2008 section numbers
// are given where a structure comes from.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "font/fonts.h"
#include "layout/page.h"
#include "pdf/pdf.h"

namespace paiban::pdf {

// libharu reports errors through a callback; this collects the first one so the caller can
// throw a paiban::Error after the call returns (libharu must not be unwound through).
struct HpdfErrors {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};
void HPDF_STDCALL on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void* user);
// Throws Error(internal) naming `what` when libharu has reported an error or `status` != OK.
void check(const HpdfErrors& errors, HPDF_STATUS status, const char* what);

// Locale-free number for a content stream or dict: at most `decimals` decimals, no trailing zeros.
void append_number(std::string& out, double v, int decimals = 3);
void append_hex4(std::string& out, uint32_t code);
// Upper-case hex digits of every byte (the inside of a hex string, §7.3.4.3).
void append_hex(std::string& out, std::string_view bytes);
// UTF-8 → UTF-16BE bytes (surrogate pairs for astral characters), optionally with a BOM.
std::string utf16be(std::string_view utf8, bool bom);
// A PDF text string (7.9.2.2): UTF-16BE with BOM, written as a hex string by libharu.
HPDF_Binary text_string(HPDF_Doc pdf, std::string_view utf8);
// A new indirect stream object holding data already deflated by deflate_bytes.
HPDF_Dict new_deflated_stream(HPDF_Doc pdf, std::string_view packed);
// Writes data already deflated by deflate_bytes as the whole data of stream dict `s`.
HPDF_STATUS write_deflated_stream(HPDF_Dict s, std::string_view packed);
// zlib-format deflate at zlib's default level (libharu's); empty on failure.
std::string deflate_bytes(std::string_view bytes);

// A page's font resource: a face, in its Identity-H or (vertical runs) its Identity-V font.
inline int font_key(int face, bool vertical) { return face * 2 + (vertical ? 1 : 0); }
inline int font_key(const GlyphRun& run) { return font_key(run.face, run.writing == RunWriting::vertical); }
inline int key_face(int key) { return key / 2; }
inline bool key_vertical(int key) { return key % 2 == 1; }

// The glyphs a document uses of one face, and the text each stands for (first non-empty wins).
struct FontUse {
  int face = 0;
  bool vertical = false;  // some run sets it top to bottom: it needs /W2 and an Identity-V font
  std::vector<uint32_t> gids;  // sorted, unique, original glyph ids
  std::unordered_map<uint32_t, std::string> text;
};
// collect: the faces and glyphs of the pages added so far, one page at a time; a bit per glyph of
// each face used, not a list of every glyph drawn.
class FontCollector {
 public:
  explicit FontCollector(const FontLibrary& fonts) : fonts_(fonts) {}
  // Throws Error(internal) for a face or glyph the library does not have (a layout bug).
  void add(const LaidOutPage& page);
  // One entry per face, in order of first use (deterministic).
  std::vector<FontUse> uses() const;

 private:
  struct Face {
    int face = 0;
    bool vertical = false;
    std::vector<bool> used;  // by glyph id
    std::unordered_map<uint32_t, std::string> text;
  };
  const FontLibrary& fonts_;
  std::vector<Face> faces_;
  std::unordered_map<int, size_t> slot_;  // face → index in faces_
};

// A glyph's content-stream code (2 bytes, Identity-H/V), /W width and vertical advance (the
// /W2 w1y, negated: down the page), in 1/1000 em.
struct GlyphCode {
  uint16_t code = 0;
  int width = 0;
  int height = 1000;
};
using GlyphCodes = std::unordered_map<uint32_t, GlyphCode>;  // original gid → code and width
// Whether a face's codes are known before it is subset: CID-keyed CFF (codes = CIDs) and TrueType
// (codes = glyph ids) yes; a CFF without CIDs is renumbered by the subset, so its codes wait.
bool codes_before_subset(const FontFace& f);
// The code and width of a glyph of such a face (the same prepare_font gives).
GlyphCode glyph_code(const FontFace& f, uint32_t gid);

// A face embedded as a Type0 font (9.7): glyph → 2-byte code (Identity-H) and width in 1/1000 em.
struct EmbeddedFont {
  int face = 0;
  HPDF_Dict type0 = nullptr;
  HPDF_Dict type0_v = nullptr;  // Identity-V over the same CIDFont; only when FontUse::vertical
  GlyphCodes codes;
  size_t font_bytes = 0;
};
struct EmbedTimes {
  double embed_ms = 0;  // building libharu objects from prepared fonts
};
// The part of embedding that needs no libharu object: the hb-subset run, codes and widths, and the
// deflated font program, /ToUnicode and /CIDToGIDMap. Thread-safe (faces are shared read-only), so
// write_pdf prepares a document's fonts in parallel.
struct PreparedFont {
  int face = 0;
  std::string program;     // deflated subset font program (bare CFF, or the whole TrueType)
  size_t program_len = 0;  // its uncompressed length
  GlyphCodes codes;
  std::vector<std::pair<uint16_t, int>> code_width;  // sorted by code
  struct Vertical {
    uint16_t code;
    int w1y, vx, vy;  // §9.7.4.3: vertical advance and the position vector, 1/1000 em
  };
  std::vector<Vertical> w2;  // sorted by code; glyphs differing from /DW2 and vx = w0/2; vertical use only
  bool vertical = false;
  std::string tounicode;   // deflated
  std::string cid_to_gid;  // deflated; TrueType only
  CidSystemInfo ros;       // the CFF's own ROS when CID-keyed, else Adobe-Identity-0
};
PreparedFont prepare_font(const FontFace& face, const FontUse& use);
// Builds Type0 + CIDFont + FontDescriptor + font file + /W + /ToUnicode (+ /CIDToGIDMap for
// TrueType) in `pdf` from a prepared font.
EmbeddedFont embed_font(HPDF_Doc pdf, const HpdfErrors& errors, const FontFace& face, PreparedFont&& prep,
                        EmbedTimes* times);

// /ToUnicode CMap (9.10.3) for code → text pairs (sorted by code).
std::string tounicode_cmap(const std::vector<std::pair<uint16_t, std::string>>& map);

// The page's glyph text as BT…ET blocks, one per run, in run order (reading order).
// `codes` has every glyph of each face the page uses; `resource` the page-local font name (/F1…)
// of each font_key.
std::string page_text(const LaidOutPage& page, const std::map<int, const GlyphCodes*>& codes,
                      const std::map<int, std::string>& resource);

// pack: what a page keeps from PdfWriter::add_page until the document is saved — its size, rules,
// the faces its text uses in order of first use (their page-local names /F1, /F2… as libharu
// gives them) and that text already built and deflated. A page using a face whose codes wait for
// the subset (codes_before_subset) is kept whole and its text built when it is saved.
struct PackedPage {
  float width = 0, height = 0, bleed = 0;
  std::vector<RuleLine> rules;
  std::vector<PlacedImage> images;
  std::vector<int> faces;             // font_key of each, in order of first use
  std::string text;                   // deflated content stream; "" with no text
  std::unique_ptr<LaidOutPage> held;  // non-null: the text is built at save time
};
// The page-local font name of the k-th face (0-based) a page registers: libharu's own rule.
std::string local_font_name(size_t k);
// `number` is the page's 1-based number (messages); `codes` caches each face's glyph codes.
PackedPage pack_page(const LaidOutPage& page, size_t number, const FontLibrary& fonts,
                     std::map<int, GlyphCodes>& codes);

// The steps of PdfWriter::finish (write.cpp) that build pages and document objects.
// pages.cpp: a libharu page per packed page with its boxes, rules and text; each packed page's
// text is let go once libharu holds it.
std::vector<HPDF_Page> add_pages(HPDF_Doc pdf, const HpdfErrors& errors, std::vector<PackedPage>& packed,
                                 const std::vector<EmbeddedFont>& embedded);
// images.cpp: each picture an image XObject, made once however often it is drawn: JPEG as its
// own DCT data, PNG as libharu reads it (alpha → /SMask), gray pixels (--gray) deflated.
class ImageObjects {
 public:
  ImageObjects(HPDF_Doc pdf, const HpdfErrors& errors) : pdf_(pdf), errors_(errors) {}
  HPDF_Image get(const Image& image);

 private:
  HPDF_Doc pdf_;
  const HpdfErrors& errors_;
  std::map<const Image*, HPDF_Image> made_;
};
void draw_images(HPDF_Page page, const std::vector<PlacedImage>& images, ImageObjects& objects);
// info.cpp: /CreationDate's time: the caller's, else SOURCE_DATE_EPOCH, else none.
std::optional<long long> creation_epoch(const PdfOptions& opts);
void add_info(HPDF_Doc pdf, const HpdfErrors& errors, const DocumentInfo& doc, std::optional<long long> epoch);
void add_outline(HPDF_Doc pdf, const HpdfErrors& errors, const std::vector<Bookmark>& bookmarks,
                 const std::vector<HPDF_Page>& pages);

}  // namespace paiban::pdf
