// embed: one face → a subset Type0 font (PDF 32000-1 §9.7): Identity-H, a CIDFont, a font
// descriptor, the subset font program, /W widths, /ToUnicode, and /CIDToGIDMap for TrueType.
// CFF faces: CIDFontType0 + bare `CFF ` table as /FontFile3 /CIDFontType0C, codes = original CIDs
// (§9.7.4.2; /FontFile3 /OpenType with renumbered glyphs renders as garbage in poppler).
// TrueType faces: CIDFontType2 + /FontFile2, codes = original glyph ids mapped by /CIDToGIDMap.
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/timer.h"
#include "pdf/libharu.h"
#include "pdf/pdf_internal.h"

namespace paiban::pdf {
namespace {

using InputPtr = Owned<hb_subset_input_t, hb_subset_input_destroy>;
using PlanPtr = Owned<hb_subset_plan_t, hb_subset_plan_destroy>;

// Tables a PDF renderer never reads: layout (shaping is done; keeping GSUB makes the glyph closure
// pull in ~60% more glyphs), hinting, bitmaps, colour, vertical metrics (not used yet).
constexpr hb_tag_t kDropTables[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
    HB_TAG('D', 'S', 'I', 'G'), HB_TAG('k', 'e', 'r', 'n'), HB_TAG('V', 'O', 'R', 'G'),
    HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('h', 'd', 'm', 'x'),
    HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('g', 'a', 's', 'p'),
    HB_TAG('f', 'p', 'g', 'm'), HB_TAG('p', 'r', 'e', 'p'), HB_TAG('c', 'v', 't', ' '),
    HB_TAG('E', 'B', 'D', 'T'), HB_TAG('E', 'B', 'L', 'C'), HB_TAG('E', 'B', 'S', 'C'),
    HB_TAG('C', 'B', 'D', 'T'), HB_TAG('C', 'B', 'L', 'C'), HB_TAG('s', 'b', 'i', 'x'),
    HB_TAG('C', 'O', 'L', 'R'), HB_TAG('C', 'P', 'A', 'L'), HB_TAG('S', 'V', 'G', ' '),
    HB_TAG('m', 'e', 't', 'a'), HB_TAG('S', 'T', 'A', 'T'), HB_TAG('m', 'o', 'r', 'x'),
};

// A deterministic subset tag (§9.6.4: six upper-case letters) from the face and its glyph set.
std::string subset_tag(const std::string& name, const std::vector<std::pair<uint16_t, int>>& codes) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&](uint64_t v) {
    h ^= v;
    h *= 1099511628211ull;
  };
  for (char c : name) mix(static_cast<unsigned char>(c));
  for (auto& [code, w] : codes) mix(code);
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag.push_back(static_cast<char>('A' + h % 26));
    h /= 26;
  }
  return tag;
}

// PostScript names are printable ASCII without PDF delimiters (Adobe TN 5902).
std::string ps_name(const FontFace& f) {
  std::string out;
  for (char c : f.postscript_name) {
    if (c > 32 && c < 127 && std::string_view("[](){}<>/%").find(c) == std::string_view::npos) out.push_back(c);
  }
  return out.empty() ? "PaibanFont" + std::to_string(f.index) : out.substr(0, 100);
}

// The face as hb-subset should see it: without the tables a PDF never reads. Hiding them (rather
// than only dropping them from the output) keeps the plan from walking the whole 44k-entry cmap
// and the layout tables: for Noto Serif CJK this cuts planning from ~10 ms to well under 1 ms for
// a short text (CPU time, measured with the glyph counts of the sample article).
bool hidden_from_subsetter(hb_tag_t tag) {
  if (tag == HB_TAG('c', 'm', 'a', 'p')) return true;  // CIDFonts select glyphs by CID/GID (§9.9)
  for (hb_tag_t t : kDropTables)
    if (t == tag) return true;
  return false;
}

hb_blob_t* reference_visible_table(hb_face_t*, hb_tag_t tag, void* user) {
  if (hidden_from_subsetter(tag)) return nullptr;
  return hb_face_reference_table(static_cast<hb_face_t*>(user), tag);
}

int to_1000(const FontFace& f, double units) { return static_cast<int>(std::lround(units * 1000.0 / f.upem)); }

int glyph_width(const FontFace& f, uint32_t gid) { return to_1000(f, hb_font_get_glyph_h_advance(f.hb_font.get(), gid)); }
// HarfBuzz gives vertical advances as negative y (down).
int glyph_height(const FontFace& f, uint32_t gid) { return -to_1000(f, hb_font_get_glyph_v_advance(f.hb_font.get(), gid)); }

// /W2 (§9.7.4.3) as `c [w1y vx vy]` per glyph: the array form, since Ghostscript 10.0 misplaces
// the range form (DESIGN §5). The position vector is HarfBuzz's vertical origin, the point layout
// placed the glyph by (shape.cpp), so PDF and layout agree; entries equal to the defaults
// (/DW2 [880 -1000], vx = w0/2) are left out.
HPDF_Array w2_array(HPDF_MMgr mm, const std::vector<PreparedFont::Vertical>& w2, HPDF_STATUS& st) {
  HPDF_Array a = HPDF_Array_New(mm);
  for (const PreparedFont::Vertical& v : w2) {
    st += HPDF_Array_AddNumber(a, v.code);
    HPDF_Array e = HPDF_Array_New(mm);
    st += HPDF_Array_AddNumber(e, v.w1y);
    st += HPDF_Array_AddNumber(e, v.vx);
    st += HPDF_Array_AddNumber(e, v.vy);
    st += HPDF_Array_Add(a, e);
  }
  return a;
}

// A Type0 font (§9.7.6) over `cid` with a predefined Identity CMap; the caller adds /ToUnicode.
HPDF_Dict type0_font(HPDF_Doc pdf, const FontFace& f, const std::string& base, const char* encoding, HPDF_Dict cid,
                     HPDF_STATUS& st) {
  HPDF_MMgr mm = libharu::memory(pdf);
  HPDF_Dict type0 = HPDF_Dict_New(mm);
  st += libharu::add_indirect(pdf, type0);
  st += HPDF_Dict_AddName(type0, "Type", "Font");
  st += HPDF_Dict_AddName(type0, "Subtype", "Type0");
  st += HPDF_Dict_AddName(type0, "BaseFont", (f.cff ? base + "-" + encoding : base).c_str());
  st += HPDF_Dict_AddName(type0, "Encoding", encoding);
  HPDF_Array desc_fonts = HPDF_Array_New(mm);
  st += HPDF_Array_Add(desc_fonts, cid);
  st += HPDF_Dict_Add(type0, "DescendantFonts", desc_fonts);
  return type0;
}

PreparedFont::Vertical vertical_of(const FontFace& f, uint32_t gid, uint16_t code) {
  hb_position_t ox = 0, oy = 0;
  hb_font_get_glyph_v_origin(f.hb_font.get(), gid, &ox, &oy);
  return {code, -glyph_height(f, gid), to_1000(f, ox), to_1000(f, oy)};
}

}  // namespace

bool codes_before_subset(const FontFace& f) { return !f.cff || f.cid_keyed(); }

GlyphCode glyph_code(const FontFace& f, uint32_t gid) {
  uint32_t code = f.cff ? f.cid(gid) : gid;
  if (code > 0xFFFF)
    throw Error(ExitCode::internal, "pdf: " + f.path + ": a glyph code does not fit Identity-H (2 bytes)",
                "the font may be damaged; try another face");
  return GlyphCode{static_cast<uint16_t>(code), glyph_width(f, gid), glyph_height(f, gid)};
}

PreparedFont prepare_font(const FontFace& f, const FontUse& use) {
  auto fail = [&](const char* what) {
    return Error(ExitCode::internal, "pdf: " + f.path + ": " + what, "the font may be damaged; try another face");
  };
  // Subset once per document with the plan API, keeping original glyph ids known via the map.
  InputPtr input(hb_subset_input_create_or_fail());
  if (!input) throw fail("hb-subset cannot allocate its input");
  hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
  hb_set_add(glyphs, 0);
  for (uint32_t g : use.gids) hb_set_add(glyphs, g);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t : kDropTables) hb_set_add(drop, t);
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_DESUBROUTINIZE | HB_SUBSET_FLAGS_NO_HINTING);
  HbFace source(hb_face_create_for_tables(reference_visible_table, f.hb_face.get(), nullptr));
  hb_face_set_upem(source.get(), static_cast<unsigned>(f.upem));
  hb_face_set_glyph_count(source.get(), f.glyph_count);
  PlanPtr plan(hb_subset_plan_create_or_fail(source.get(), input.get()));
  if (!plan) throw fail("hb-subset cannot plan the subset");
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  HbFace sub(hb_subset_plan_execute_or_fail(plan.get()));
  if (!sub) throw fail("hb-subset failed");
  HbBlob program(f.cff ? hb_face_reference_table(sub.get(), HB_TAG('C', 'F', 'F', ' '))
                        : hb_face_reference_blob(sub.get()));
  unsigned program_len = 0;
  const char* program_data = hb_blob_get_data(program.get(), &program_len);
  if (program_len == 0) throw fail("the subset font program is empty");

  PreparedFont out;
  out.face = use.face;
  out.program_len = program_len;
  out.program = deflate_bytes(std::string_view(program_data, program_len));
  if (out.program.empty()) throw fail("cannot compress the font program");
  // Codes and widths.
  // FreeType reads the CFF's charset here, on this font's thread (fonts.h: FontFace::freetype).
  const bool cid_keyed = f.cff && f.cid_keyed();
  if (cid_keyed) out.ros = f.cid_system_info();
  std::vector<std::pair<uint16_t, std::string>> unicode;
  uint32_t max_code = 0;
  for (uint32_t gid : use.gids) {
    uint32_t code = cid_keyed ? f.cid(gid) : f.cff ? hb_map_get(old_to_new, gid) : gid;
    if (code > 0xFFFF) throw fail("a glyph code does not fit Identity-H (2 bytes)");
    int w = glyph_width(f, gid);
    out.codes[gid] = GlyphCode{static_cast<uint16_t>(code), w, glyph_height(f, gid)};
    out.code_width.emplace_back(static_cast<uint16_t>(code), w);
    if (use.vertical) {
      PreparedFont::Vertical v = vertical_of(f, gid, static_cast<uint16_t>(code));
      if (v.w1y != -1000 || v.vy != 880 || 2 * v.vx != w) out.w2.push_back(v);
    }
    max_code = std::max(max_code, code);
    // .notdef stands for different characters; its text goes into /ActualText (content.cpp).
    if (auto it = use.text.find(gid); it != use.text.end() && gid != 0)
      unicode.emplace_back(static_cast<uint16_t>(code), it->second);
  }
  std::sort(out.code_width.begin(), out.code_width.end());
  std::sort(out.w2.begin(), out.w2.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  out.vertical = use.vertical;
  std::sort(unicode.begin(), unicode.end());
  unicode.erase(std::unique(unicode.begin(), unicode.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                unicode.end());
  out.tounicode = deflate_bytes(tounicode_cmap(unicode));
  if (out.tounicode.empty()) throw fail("cannot compress the ToUnicode CMap");
  if (!f.cff) {
    // /CIDToGIDMap (§9.7.4.2): 2 bytes per code, big-endian new glyph id.
    std::string map((static_cast<size_t>(max_code) + 1) * 2, '\0');
    for (uint32_t gid : use.gids) {
      uint32_t ng = hb_map_get(old_to_new, gid);
      if (ng == HB_MAP_VALUE_INVALID) throw fail("hb-subset dropped a used glyph");
      uint16_t code = out.codes[gid].code;
      map[code * 2] = static_cast<char>(ng >> 8);
      map[code * 2 + 1] = static_cast<char>(ng & 0xFF);
    }
    out.cid_to_gid = deflate_bytes(map);
    if (out.cid_to_gid.empty()) throw fail("cannot compress the CIDToGIDMap");
  }
  return out;
}

EmbeddedFont embed_font(HPDF_Doc pdf, const HpdfErrors& errors, const FontFace& f, PreparedFont&& prep,
                        EmbedTimes* times) {
  ScopedTimer timer(times ? &times->embed_ms : nullptr);
  EmbeddedFont out;
  out.face = prep.face;
  out.font_bytes = prep.program_len;
  out.codes = std::move(prep.codes);
  const std::vector<std::pair<uint16_t, int>>& code_width = prep.code_width;

  const std::string base = subset_tag(ps_name(f), code_width) + "+" + ps_name(f);
  HPDF_MMgr mm = libharu::memory(pdf);
  HPDF_STATUS st = HPDF_OK;

  // Font program.
  HPDF_Dict file = new_deflated_stream(pdf, prep.program);
  if (!file) check(errors, HPDF_FAILD_TO_ALLOC_MEM, "writing a font program");
  if (f.cff) st += HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
  else st += HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(prep.program_len));

  // Font descriptor (§9.8).
  HPDF_Dict fd = HPDF_Dict_New(mm);
  st += libharu::add_indirect(pdf, fd);
  st += HPDF_Dict_AddName(fd, "Type", "FontDescriptor");
  st += HPDF_Dict_AddName(fd, "FontName", base.c_str());
  st += HPDF_Dict_AddNumber(fd, "Flags", 4);  // symbolic: glyphs outside the standard Latin set
  HPDF_Array box = HPDF_Array_New(mm);
  for (int v : f.bbox) st += HPDF_Array_AddNumber(box, to_1000(f, static_cast<double>(v)));
  st += HPDF_Dict_Add(fd, "FontBBox", box);
  st += HPDF_Dict_AddNumber(fd, "ItalicAngle", 0);
  hb_position_t asc = 0, desc = 0, cap = 0;
  hb_ot_metrics_get_position_with_fallback(f.hb_font.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
  hb_ot_metrics_get_position_with_fallback(f.hb_font.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc);
  hb_ot_metrics_get_position_with_fallback(f.hb_font.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
  st += HPDF_Dict_AddNumber(fd, "Ascent", to_1000(f, asc));
  st += HPDF_Dict_AddNumber(fd, "Descent", to_1000(f, desc));
  st += HPDF_Dict_AddNumber(fd, "CapHeight", to_1000(f, cap));
  st += HPDF_Dict_AddNumber(fd, "StemV", 80);  // required; not used by renderers of embedded fonts
  st += HPDF_Dict_Add(fd, f.cff ? "FontFile3" : "FontFile2", file);

  // CIDFont (§9.7.4).
  HPDF_Dict cid = HPDF_Dict_New(mm);
  st += libharu::add_indirect(pdf, cid);
  st += HPDF_Dict_AddName(cid, "Type", "Font");
  st += HPDF_Dict_AddName(cid, "Subtype", f.cff ? "CIDFontType0" : "CIDFontType2");
  st += HPDF_Dict_AddName(cid, "BaseFont", base.c_str());
  const CidSystemInfo ros = prep.ros;  // the CFF's own ROS (Identity-H is compatible with any)
  HPDF_Dict sysinfo = HPDF_Dict_New(mm);
  st += HPDF_Dict_Add(sysinfo, "Registry", HPDF_String_New(mm, ros.registry.c_str(), nullptr));
  st += HPDF_Dict_Add(sysinfo, "Ordering", HPDF_String_New(mm, ros.ordering.c_str(), nullptr));
  st += HPDF_Dict_AddNumber(sysinfo, "Supplement", ros.supplement);
  st += HPDF_Dict_Add(cid, "CIDSystemInfo", sysinfo);
  st += HPDF_Dict_Add(cid, "FontDescriptor", fd);
  st += HPDF_Dict_AddNumber(cid, "DW", 1000);
  // /W (§9.7.4.3): consecutive codes share one array; widths equal to /DW are left out.
  HPDF_Array w = HPDF_Array_New(mm);
  for (size_t i = 0; i < code_width.size();) {
    if (code_width[i].second == 1000) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < code_width.size() && code_width[j].first == code_width[j - 1].first + 1 && code_width[j].second != 1000) ++j;
    st += HPDF_Array_AddNumber(w, code_width[i].first);
    HPDF_Array ws = HPDF_Array_New(mm);
    for (size_t k = i; k < j; ++k) st += HPDF_Array_AddNumber(ws, code_width[k].second);
    st += HPDF_Array_Add(w, ws);
    i = j;
  }
  st += HPDF_Dict_Add(cid, "W", w);
  if (prep.vertical && !prep.w2.empty()) st += HPDF_Dict_Add(cid, "W2", w2_array(mm, prep.w2, st));
  if (!f.cff) {
    HPDF_Dict m = new_deflated_stream(pdf, prep.cid_to_gid);
    if (!m) check(errors, HPDF_FAILD_TO_ALLOC_MEM, "writing a CIDToGIDMap");
    st += HPDF_Dict_Add(cid, "CIDToGIDMap", m);
  }

  // Type0 font (§9.7.6) with Identity-H and /ToUnicode.
  HPDF_Dict type0 = type0_font(pdf, f, base, "Identity-H", cid, st);
  HPDF_Dict tu = new_deflated_stream(pdf, prep.tounicode);
  if (!tu) check(errors, HPDF_FAILD_TO_ALLOC_MEM, "writing a ToUnicode CMap");
  st += HPDF_Dict_Add(type0, "ToUnicode", tu);
  if (prep.vertical) {
    // Identity-V (§9.7.5.2) over the same CIDFont and ToUnicode: vertical runs draw with it.
    HPDF_Dict v = type0_font(pdf, f, base, "Identity-V", cid, st);
    st += HPDF_Dict_Add(v, "ToUnicode", tu);
    out.type0_v = v;
  }
  check(errors, st, "building a font");
  out.type0 = type0;
  return out;
}

}  // namespace paiban::pdf
