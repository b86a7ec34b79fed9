// A picture of an article's <figure>, as read from its file (pipeline/images.cpp) and embedded
// by pdf/. Layout only needs its size in pixels.
#pragma once

#include <map>
#include <memory>
#include <string>

namespace paiban {

struct Image {
  // jpeg, png: `bytes` is the file, embedded as it is (JPEG's DCT data untouched). pixels: `bytes`
  // holds 8-bit pixels row by row (`components` a pixel: gray or RGB) and `alpha` (PNG's
  // transparency) one byte a pixel, or nothing — a picture made gray, or a PNG libharu cannot read.
  enum class Format { jpeg, png, pixels } format = Format::jpeg;
  std::string bytes;
  std::string alpha;
  int width = 0, height = 0;  // pixels
  int components = 0;         // colour components: 1 gray, 3 RGB, 4 CMYK
  std::string name;           // "a.xml:7: <figure src=\"photo.jpg\">", for messages
};

// The pictures of one or more articles by their figure's src as written.
using Images = std::map<std::string, std::shared_ptr<const Image>>;

}  // namespace paiban
