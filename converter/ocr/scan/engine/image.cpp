// image: page images through Leptonica, each page's size read from its header and checked
// against --max-pixels before any pixel is allocated (a 100000×100000 PNG is 300 bytes).
#include <cstdio>

#include "ocr/scan/engine/engine.h"

namespace paiban::scan::engine {

namespace {

const l_uint8* data_of(std::string_view b) { return reinterpret_cast<const l_uint8*>(b.data()); }

std::string page_prefix(const std::string& name, int number, int pages) {
  return pages > 1 ? name + ": page " + std::to_string(number) : name;
}

// Throws Failure when a page of w × h cannot be read: zero-size, or past max_pixels.
void check_size(long long w, long long h, const std::string& where, const Options& o) {
  if (w <= 0 || h <= 0)
    throw Failure{where + ": the image is " + std::to_string(w) + " × " + std::to_string(h) + " pixels (empty)",
                  "check the file; rescan the page"};
  if (static_cast<unsigned long long>(w) * static_cast<unsigned long long>(h) > o.max_pixels)
    throw Failure{where + ": the image is " + std::to_string(w) + " × " + std::to_string(h) +
                      " pixels, more than the limit of " + std::to_string(o.max_pixels) +
                      " (a decompression bomb, or a scan at a needlessly high resolution)",
                  "pass --max-pixels N to raise the limit for a genuine large scan"};
}

PixPtr with_resolution(Pix* pix, const Options& o) {
  // --dpi replaces what the file says (scanners write 72 or nothing); 0 keeps it, as tesseract does.
  if (pix && o.dpi > 0) pixSetResolution(pix, o.dpi, o.dpi);
  return PixPtr(pix);
}

Failure unreadable(const std::string& where, Kind kind) {
  return Failure{where + ": cannot read this " + std::string(kind_name(kind)) + " image (corrupt or truncated)",
                 "check that the file was copied whole; open it in an image viewer or rescan"};
}

void read_tiff(std::string_view bytes, const std::string& name, const Options& o,
               const std::function<void(int, PixPtr)>& each, const std::function<void(int, Failure)>& fail) {
  int pages = 0;
  {
    FILE* fp = fopenReadFromMemory(data_of(bytes), bytes.size());
    if (!fp) throw unreadable(name, Kind::tiff);
    l_ok bad = tiffGetCount(fp, &pages);
    std::fclose(fp);
    if (bad || pages <= 0) throw unreadable(name, Kind::tiff);
  }
  if (pages > o.max_pages)
    throw Failure{name + ": " + std::to_string(pages) + " pages, more than the limit of " +
                      std::to_string(o.max_pages),
                  "pass --max-pages N to raise the limit, or split the file (tiffsplit)"};
  for (int n = 0; n < pages; ++n) {
    const std::string where = page_prefix(name, n + 1, pages);
    try {
      l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
      if (readHeaderMemTiff(data_of(bytes), bytes.size(), n, &w, &h, &bps, &spp, &res, &cmap, &format))
        throw unreadable(where, Kind::tiff);
      check_size(w, h, where, o);
      PixPtr pix = with_resolution(pixReadMemTiff(data_of(bytes), bytes.size(), n), o);
      if (!pix) throw unreadable(where, Kind::tiff);
      each(n + 1, std::move(pix));
    } catch (Failure& f) {
      fail(n + 1, std::move(f));
    }
  }
}

}  // namespace

void read_image(std::string_view bytes, const std::string& name, Kind kind, const Options& o,
                const std::function<void(int, PixPtr)>& each, const std::function<void(int, Failure)>& fail) {
  if (kind == Kind::tiff) return read_tiff(bytes, name, o, each, fail);
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(data_of(bytes), bytes.size(), &format, &w, &h, &bps, &spp, &cmap))
    throw unreadable(name, kind);
  check_size(w, h, name, o);
  if ((kind == Kind::png && !png_complete(bytes)) || (kind == Kind::jpeg && !jpeg_complete(bytes)))
    throw unreadable(name, kind);
  Pix* pix = nullptr;
  if (kind == Kind::jpeg) {
    // Hint 0 fails on bad data (not L_JPEG_CONTINUE_WITH_BAD_DATA): libjpeg would pad a truncated
    // scan with grey and say nothing.
    l_int32 warnings = 0;
    pix = pixReadMemJpeg(data_of(bytes), bytes.size(), 0, 1, &warnings, 0);
    if (pix && warnings > 0) pixDestroy(&pix);
  } else {
    pix = pixReadMem(data_of(bytes), bytes.size());
  }
  // The decoder must agree with the header it was checked by (a PNM whose header lies).
  if (pix && (pixGetWidth(pix) != w || pixGetHeight(pix) != h)) pixDestroy(&pix);
  if (!pix) throw unreadable(name, kind);
  each(1, with_resolution(pix, o));
}

}  // namespace paiban::scan::engine
