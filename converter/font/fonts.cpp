// FontLibrary: find faces by family/style (fonts/manifest.xml, then the system font folders) or
// by file, load each once with FreeType + HarfBuzz, then share them read-only between threads.
#include "font/fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>

#include "core/error.h"
#include "core/paths.h"
#include "font/font_file.h"

namespace paiban {

namespace fs = std::filesystem;

bool FontFace::has_glyph(char32_t cp) const {
  hb_codepoint_t g = 0;
  return hb_font && hb_font_get_nominal_glyph(hb_font.get(), cp, &g) && g != 0;
}

// Each face gets its own FT_Library: FreeType allows one thread per library at a time, and the
// PDF writer opens faces from several threads (https://freetype.org/freetype2/docs/reference/ft2-library_setup.html).
struct FontFace::FreeType {
  std::mutex lock;
  bool opened = false;
  Owned<FT_LibraryRec_, FT_Done_FreeType> library;  // declared first: destroyed after the face
  Owned<FT_FaceRec_, FT_Done_Face> face;
  bool cid_keyed = false;
  CidSystemInfo ros;
};

namespace {

// Opens the face on first use; the caller holds ft.lock.
void open_freetype(const FontFace& f, FontFace::FreeType& ft) {
  if (ft.opened) return;
  if (!ft.library) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) throw Error(ExitCode::internal, "FreeType: cannot initialise");
    ft.library.reset(library);
  }
  FT_Face face = nullptr;
  FT_Error err = FT_New_Memory_Face(ft.library.get(), reinterpret_cast<const FT_Byte*>(f.data),
                                    static_cast<FT_Long>(f.data_size), f.index, &face);
  ft.face.reset(err == 0 ? face : nullptr);
  if (err != 0) {
    throw input_error(f.path + ": corrupt font file (FreeType error " + std::to_string(err) + ")",
                      "reinstall the font or point the style at another file");
  }
  FT_Bool cid = 0;
  ft.cid_keyed = f.cff && FT_Get_CID_Is_Internally_CID_Keyed(ft.face.get(), &cid) == 0 && cid;
  const char *r = nullptr, *o = nullptr;
  FT_Int s = 0;
  if (ft.cid_keyed && FT_Get_CID_Registry_Ordering_Supplement(ft.face.get(), &r, &o, &s) == 0 && r && o)
    ft.ros = {r, o, static_cast<int>(s)};
  ft.opened = true;
}

}  // namespace

bool FontFace::cid_keyed() const {
  if (!cff || !freetype) return false;
  std::lock_guard<std::mutex> lock(freetype->lock);
  open_freetype(*this, *freetype);
  return freetype->cid_keyed;
}

CidSystemInfo FontFace::cid_system_info() const {
  if (!cff || !freetype) return {};
  std::lock_guard<std::mutex> lock(freetype->lock);
  open_freetype(*this, *freetype);
  return freetype->ros;
}

uint32_t FontFace::cid(uint32_t gid) const {
  if (!cff || !freetype) return gid;
  std::lock_guard<std::mutex> lock(freetype->lock);
  open_freetype(*this, *freetype);
  FT_UInt cid = 0;
  if (!freetype->cid_keyed || FT_Get_CID_From_Glyph_Index(freetype->face.get(), gid, &cid) != 0) return gid;
  return cid;
}

namespace {
const HaltGlyph* find_half(const std::vector<HaltGlyph>& table, uint32_t gid) {
  auto it = std::lower_bound(table.begin(), table.end(), gid,
                             [](const HaltGlyph& h, uint32_t g) { return h.gid < g; });
  return it != table.end() && it->gid == gid ? &*it : nullptr;
}
}  // namespace

const HaltGlyph* FontFace::halt_of(uint32_t gid) const { return find_half(halt, gid); }
const HaltGlyph* FontFace::vhal_of(uint32_t gid) const { return find_half(vhal, gid); }

namespace {

struct SystemFace {
  std::string path;
  int index;
  FaceNames names;
};

std::string style_key(const std::string& family, const std::string& style) {
  return fold_name(family) + "|" + fold_style(style);
}

std::string canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(path), ec);
  return ec ? path : p.string();
}

std::string install_hint(const std::string& package) {
  if (package.empty()) return "install the font, add it to fonts/manifest.xml, or name its file in the style";
  return "install the Debian package " + package + " (sudo apt-get install " + package + ")";
}

std::vector<std::string> system_font_dirs() {
  std::vector<std::string> dirs = {"/usr/share/fonts", "/usr/local/share/fonts"};
  if (const char* home = std::getenv("HOME"); home && *home) {
    dirs.push_back(std::string(home) + "/.local/share/fonts");
    dirs.push_back(std::string(home) + "/.fonts");
  }
  return dirs;
}

// The font's bounding box from 'head' (xMin, yMin, xMax, yMax: int16 at offsets 36–42), the box
// FreeType reports for sfnt faces; zeros when the table is missing or short.
std::array<int, 4> head_bbox(hb_face_t* face) {
  std::array<int, 4> box{};
  HbBlob head(hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd')));
  unsigned len = 0;
  const auto* d = reinterpret_cast<const unsigned char*>(hb_blob_get_data(head.get(), &len));
  if (d && len >= 44)
    for (int i = 0; i < 4; ++i) box[i] = static_cast<int16_t>(d[36 + 2 * i] << 8 | d[37 + 2 * i]);
  return box;
}

bool font_extension(const fs::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e == ".ttf" || e == ".otf" || e == ".ttc" || e == ".otc";
}

}  // namespace

struct FontLibrary::Impl {
  struct File {
    std::shared_ptr<const MappedFile> map;
    HbBlob blob;
  };
  // Declared before the faces, so destroyed after them: a face reads its file's bytes.
  std::map<std::string, File> files;  // canonical path → mapped bytes, shared by a TTC's faces

  std::string manifest_path;
  std::optional<Manifest> manifest;
  std::vector<std::unique_ptr<FontFace>> faces;
  std::map<std::string, int> by_name;  // style_key → id
  std::map<std::string, int> by_file;  // canonical path + "#" + index → id
  std::optional<std::vector<SystemFace>> system;

  explicit Impl(std::string mp) : manifest_path(std::move(mp)) {}

  const Manifest& get_manifest() {
    if (!manifest) manifest = load_manifest(manifest_path);
    return *manifest;
  }

  const File& file(const std::string& path) {
    auto it = files.find(path);
    if (it == files.end()) {
      File f;
      f.map = MappedFile::open(path);
      f.blob.reset(hb_blob_create(f.map->data(), static_cast<unsigned>(f.map->size()), HB_MEMORY_MODE_READONLY,
                                  nullptr, nullptr));
      it = files.emplace(path, std::move(f)).first;
    }
    return it->second;
  }

  // What FreeType would refuse at once, checked without parsing the outlines (FreeType opens the
  // face later, only if a PDF embeds it): the sfnt header, the face index, and every table record
  // inside the file (OpenType spec, "Organization of an OpenType font": TTC header, table directory).
  void check_sfnt(const std::string& path, int index) {
    const MappedFile& m = *file(path).map;
    const auto* d = reinterpret_cast<const unsigned char*>(m.data());
    const size_t size = m.size();
    bool sfnt = size >= 12 && (std::memcmp(d, "\0\1\0\0", 4) == 0 || std::memcmp(d, "OTTO", 4) == 0 ||
                               std::memcmp(d, "true", 4) == 0 || std::memcmp(d, "ttcf", 4) == 0);
    if (!sfnt) {
      throw input_error(path + ": not a font file (no OpenType/TrueType/TTC header)",
                        "point the style at a .ttf, .otf or .ttc file (WOFF, Type 1 and bitmap fonts are not supported)");
    }
    auto corrupt = [&](const std::string& why) {
      return input_error(path + ": corrupt font file (" + why + ")", "reinstall the font or point the style at another file");
    };
    auto be16 = [&](size_t at) { return static_cast<uint32_t>(d[at] << 8 | d[at + 1]); };
    auto be32 = [&](size_t at) { return be16(at) << 16 | be16(at + 2); };
    size_t offset = 0;
    if (std::memcmp(d, "ttcf", 4) == 0) {
      uint32_t faces = be32(8);
      if (static_cast<uint64_t>(12) + 4ull * faces > size) throw corrupt("the collection header is cut short");
      if (static_cast<uint32_t>(index) >= faces) {
        throw input_error(path + ": has no face " + std::to_string(index) + " (" + std::to_string(faces) + " faces)",
                          "use a face index below the count");
      }
      offset = be32(12 + 4 * static_cast<size_t>(index));
    } else if (index > 0) {
      throw input_error(path + ": has no face " + std::to_string(index) + " (1 face)", "use face index 0");
    }
    if (offset > size || size - offset < 12) throw corrupt("the table directory is outside the file");
    uint32_t tables = be16(offset + 4);
    if (tables == 0 || static_cast<uint64_t>(offset) + 12 + 16ull * tables > size)
      throw corrupt("the table directory is cut short");
    for (uint32_t t = 0; t < tables; ++t) {
      size_t rec = offset + 12 + 16 * static_cast<size_t>(t);
      uint64_t at = be32(rec + 8), len = be32(rec + 12);
      if (at + len > size) {
        throw corrupt("table '" + std::string(reinterpret_cast<const char*>(d + rec), 4) +
                      "' runs past the end of the file: truncated?");
      }
    }
  }

  FaceNames names_of(const std::string& path, int index) {
    HbFace f(hb_face_create(file(path).blob.get(), static_cast<unsigned>(index)));
    return read_face_names(f.get());
  }

  int load(const std::string& path, int index, const std::string& package) {
    std::string key = path + "#" + std::to_string(index);
    if (auto it = by_file.find(key); it != by_file.end()) return it->second;
    check_sfnt(path, index);
    auto f = std::make_unique<FontFace>();
    auto fail = [&](const std::string& what) { return input_error(path + ": " + what, "point the style at another font file"); };
    const File& file_ = file(path);
    const MappedFile& m = *file_.map;
    f->hb_face.reset(hb_face_create(file_.blob.get(), static_cast<unsigned>(index)));
    hb_face_t* hbf = f->hb_face.get();
    auto has_table = [&](hb_tag_t tag) { return hb_blob_get_length(HbBlob(hb_face_reference_table(hbf, tag)).get()) > 0; };
    bool cff = has_table(HB_TAG('C', 'F', 'F', ' '));
    if (hb_face_get_glyph_count(hbf) == 0 || (!cff && !has_table(HB_TAG('g', 'l', 'y', 'f')))) {
      throw fail("no usable glyph outlines (corrupt, or CFF2/bitmap-only, which are not supported)");
    }
    hb_face_make_immutable(hbf);
    f->path = path;
    f->index = index;
    f->package = package;
    FaceNames names = read_face_names(hbf);
    f->family = names.family;
    f->style = names.style;
    f->postscript_name = english_name(hbf, HB_OT_NAME_ID_POSTSCRIPT_NAME);
    f->cff = cff;
    f->bbox = head_bbox(hbf);
    f->freetype = std::make_shared<FontFace::FreeType>();
    f->upem = static_cast<int>(hb_face_get_upem(hbf));
    f->glyph_count = hb_face_get_glyph_count(hbf);
    f->hb_font.reset(hb_font_create(hbf));
    hb_font_make_immutable(f->hb_font.get());
    // Ideographic em box from BASE (or HarfBuzz's synthesis), the box CJK lines are set on.
    hb_position_t top = 0, bottom = 0;
    hb_ot_layout_get_baseline_with_fallback(f->hb_font.get(), HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                            HB_DIRECTION_LTR, HB_TAG('h', 'a', 'n', 'i'), HB_TAG_NONE, &top);
    hb_ot_layout_get_baseline_with_fallback(f->hb_font.get(), HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT,
                                            HB_DIRECTION_LTR, HB_TAG('h', 'a', 'n', 'i'), HB_TAG_NONE, &bottom);
    if (top > bottom) {
      f->ascender = static_cast<float>(top) / f->upem;
      f->descender = static_cast<float>(bottom) / f->upem;
    }
    f->data = m.data();
    f->data_size = m.size();
    f->halt = build_halt_table(f->hb_font.get(), f->upem, false);
    f->vertical_metrics = has_table(HB_TAG('v', 'h', 'e', 'a')) && has_table(HB_TAG('v', 'm', 't', 'x'));
    f->vhal = build_halt_table(f->hb_font.get(), f->upem, true);
    faces.push_back(std::move(f));
    int id = static_cast<int>(faces.size() - 1);
    by_file[key] = id;
    return id;
  }

  // The face of `path` whose names match; the manifest's index is tried first, then every face
  // of the file (a package update may reorder a TTC). -1 when none matches.
  int find_in_file(const std::string& path, int hint, const std::string& family, const std::string& style) {
    int n = static_cast<int>(hb_face_count(file(path).blob.get()));
    if (n == 0) {
      check_sfnt(path, 0);  // throws the precise error
      throw input_error(path + ": corrupt font file (no face can be read)", "reinstall the font or point the style at another file");
    }
    std::vector<int> order;
    if (hint >= 0 && hint < n) order.push_back(hint);
    for (int i = 0; i < n; ++i)
      if (i != hint) order.push_back(i);
    for (int i : order)
      if (names_match(names_of(path, i), family, style)) return i;
    return -1;
  }

  const std::vector<SystemFace>& system_faces() {
    if (system) return *system;
    system.emplace();
    for (const std::string& dir : system_font_dirs()) {
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) continue;
      std::vector<std::string> paths;
      for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && font_extension(it->path())) paths.push_back(it->path().string());
      }
      std::sort(paths.begin(), paths.end());  // deterministic choice among duplicates
      for (const std::string& p : paths) {
        // Unreadable files are skipped: the scan looks for a family, it does not judge files.
        HbBlob blob(hb_blob_create_from_file_or_fail(p.c_str()));
        if (!blob) continue;
        unsigned n = hb_face_count(blob.get());
        for (unsigned i = 0; i < n; ++i) {
          HbFace f(hb_face_create(blob.get(), i));
          system->push_back({p, static_cast<int>(i), read_face_names(f.get())});
        }
      }
    }
    return *system;
  }

  // by family + style; returns -1 instead of throwing "not installed" when `optional`.
  int find(const std::string& family, const std::string& style, bool optional) {
    std::string key = style_key(family, style);
    if (auto it = by_name.find(key); it != by_name.end()) return it->second;
    const ManifestFont* missing = nullptr;
    int id = -1;
    for (const ManifestFont& mf : get_manifest().fonts) {
      if (style_key(mf.family, mf.style) != key) continue;
      std::error_code ec;
      if (!fs::exists(mf.file, ec)) {
        if (!missing) missing = &mf;
        continue;
      }
      std::string path = canonical(mf.file);
      int index = find_in_file(path, mf.index, family, style);
      if (index < 0) {
        throw input_error(get_manifest().path + ": " + mf.file + " has no face \"" + family + "\" " + style,
                          "the package " + mf.package + " may have changed: fix fonts/manifest.xml");
      }
      id = load(path, index, mf.package);
      break;
    }
    // An optional fallback the manifest knows but the system lacks: skip it without the (slow)
    // scan of every installed font.
    if (id < 0 && missing && optional) return -1;
    if (id < 0) {
      for (const SystemFace& sf : system_faces()) {
        if (names_match(sf.names, family, style)) {
          id = load(canonical(sf.path), sf.index, missing ? missing->package : "");
          break;
        }
      }
    }
    if (id < 0) {
      if (optional) return -1;
      if (missing) {
        throw Error(ExitCode::internal,
                    "font \"" + family + "\" " + style + ": " + missing->file + " is not installed",
                    install_hint(missing->package));
      }
      throw input_error("font \"" + family + "\" " + style + ": not found in " + get_manifest().path +
                            " nor in the system font folders",
                        "install it, add it to fonts/manifest.xml, or name its file in the style "
                        "(fc-list lists the installed families)");
    }
    by_name[key] = id;
    return id;
  }
};

FontLibrary::FontLibrary() : FontLibrary(data_path("fonts/manifest.xml")) {}
FontLibrary::FontLibrary(std::string manifest_path) : impl_(std::make_unique<Impl>(std::move(manifest_path))) {}
FontLibrary::~FontLibrary() = default;
FontLibrary::FontLibrary(FontLibrary&&) noexcept = default;
FontLibrary& FontLibrary::operator=(FontLibrary&&) noexcept = default;

int FontLibrary::load_face(const std::string& family, const std::string& style) {
  return impl_->find(family, style, false);
}

int FontLibrary::load_face_file(const std::string& path, int index) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw input_error(path + ": no such font file", "check the font file named in the style");
  }
  if (index < 0) throw input_error(path + ": negative face index " + std::to_string(index));
  return impl_->load(canonical(path), index, "");
}

FontChain FontLibrary::load_chain(const std::string& role) {
  const Manifest& m = impl_->get_manifest();
  for (const ManifestRole& r : m.roles) {
    if (r.name != role) continue;
    FontChain chain;
    for (size_t i = 0; i < r.faces.size(); ++i) {
      int id = impl_->find(r.faces[i].family, r.faces[i].style, i > 0);
      if (id >= 0 && std::find(chain.faces.begin(), chain.faces.end(), id) == chain.faces.end())
        chain.faces.push_back(id);
    }
    return chain;
  }
  throw input_error(m.path + ": no font role \"" + role + "\"",
                    "roles are defined by <role name=...> in fonts/manifest.xml");
}

const FontFace& FontLibrary::face(int id) const {
  if (id < 0 || static_cast<size_t>(id) >= impl_->faces.size()) {
    throw Error(ExitCode::internal, "FontLibrary: no face " + std::to_string(id));
  }
  return *impl_->faces[static_cast<size_t>(id)];
}

size_t FontLibrary::size() const { return impl_->faces.size(); }

int FontLibrary::load(const FontRef& ref) {
  return ref.file.empty() ? load_face(ref.family, ref.style) : load_face_file(ref.file, ref.index);
}

int FontLibrary::resolve(const FontRef& ref) const {
  for (size_t i = 0; i < size(); ++i) {
    const FontFace& f = face(static_cast<int>(i));
    if (!ref.file.empty()) {
      if (f.index == ref.index && canonical(f.path) == canonical(ref.file)) return static_cast<int>(i);
    } else if (fold_style(f.family) == fold_style(ref.family) && fold_style(f.style) == fold_style(ref.style)) {
      return static_cast<int>(i);
    } else if (fold_style(f.family) + fold_style(f.style) == fold_style(ref.family) + fold_style(ref.style)) {
      return static_cast<int>(i);  // the same words split differently between family and style
    }
  }
  return -1;
}

}  // namespace paiban
