// Which scan format bytes are, from their magic numbers (each format's own spec), never the file
// name. Inline: the scan module (engine/) and the program both need it, and neither links the other.
#pragma once

#include <cstring>
#include <string_view>

namespace paiban::scan {

// other_image: BMP, GIF, WebP, JPEG 2000 — known but not read (the hint says to convert them).
enum class Kind { none, png, jpeg, tiff, pnm, pdf, other_image };

namespace detail {

inline bool starts(std::string_view b, const char* magic, size_t n) {
  return b.size() >= n && std::memcmp(b.data(), magic, n) == 0;
}

// Netpbm (netpbm.sourceforge.net/doc/pbm.html …): "P1"–"P6", then width and height in decimal,
// with whitespace and '#' comments between; plain text starting "P3 " stays text.
inline bool netpbm(std::string_view b) {
  if (b.size() < 7 || b[0] != 'P' || b[1] < '1' || b[1] > '6') return false;
  size_t i = 2;
  for (int number = 0; number < 2; ++number) {
    const size_t start = i;
    for (;;) {
      while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) ++i;
      if (i < b.size() && b[i] == '#')
        while (i < b.size() && b[i] != '\n') ++i;
      else
        break;
    }
    if (i == start) return false;  // whitespace must separate the fields
    const size_t digits = i;
    while (i < b.size() && b[i] >= '0' && b[i] <= '9') ++i;
    if (i == digits || i - digits > 9) return false;
  }
  return i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n');
}

// BMP: "BM", then a DIB header whose size (at byte 14) is one of the versions Windows defined.
inline bool bmp(std::string_view b) {
  if (!starts(b, "BM", 2) || b.size() < 18) return false;
  const unsigned dib = static_cast<unsigned char>(b[14]) | static_cast<unsigned char>(b[15]) << 8;
  return b[16] == 0 && b[17] == 0 && (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 108 || dib == 124);
}

}  // namespace detail

inline Kind sniff(std::string_view b) {
  if (detail::starts(b, "\x89PNG\r\n\x1a\n", 8)) return Kind::png;
  if (detail::starts(b, "\xff\xd8\xff", 3)) return Kind::jpeg;
  if (detail::starts(b, "II*\0", 4) || detail::starts(b, "MM\0*", 4)) return Kind::tiff;
  if (detail::starts(b, "II+\0", 4) || detail::starts(b, "MM\0+", 4)) return Kind::tiff;  // BigTIFF
  if (detail::netpbm(b)) return Kind::pnm;
  if (detail::starts(b, "%PDF-", 5)) return Kind::pdf;
  if (detail::bmp(b)) return Kind::other_image;
  if (detail::starts(b, "GIF87a", 6) || detail::starts(b, "GIF89a", 6)) return Kind::other_image;
  if (detail::starts(b, "RIFF", 4) && b.size() >= 12 && std::memcmp(b.data() + 8, "WEBP", 4) == 0) return Kind::other_image;
  if (detail::starts(b, "\0\0\0\x0cjP  \r\n\x87\n", 12) || detail::starts(b, "\xff\x4f\xff\x51", 4)) return Kind::other_image;
  return Kind::none;
}

inline const char* kind_name(Kind k) {
  switch (k) {
    case Kind::none: return "none";
    case Kind::png: return "PNG";
    case Kind::jpeg: return "JPEG";
    case Kind::tiff: return "TIFF";
    case Kind::pnm: return "PNM";
    case Kind::pdf: return "PDF";
    case Kind::other_image: return "image";
  }
  return "?";
}

}  // namespace paiban::scan
