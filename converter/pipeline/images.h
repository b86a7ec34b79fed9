// load_images: the pictures an article's <figure>s name, read from files next to the article,
// checked (size from the header before any decoding, then decoded whole) and, with gray, made gray.
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"
#include "core/image.h"

namespace paiban {

struct ImageOptions {
  bool gray = false;                    // --gray: colour pictures to gray (black-only printing)
  long long max_pixels = 60'000'000;    // larger pictures are refused from their header
  size_t max_bytes = 64u << 20;         // larger files are refused unread
};

// Adds to `images` every picture of `doc` not yet in it. `article` is the article's path as the
// user gave it: a figure's src is relative to its folder, and is rewritten to that path (the key
// in `images`), so two articles' "photo.jpg" in two folders stay two pictures. Throws an input
// Error naming the article file and the figure's src for a missing, unreadable, corrupt or
// oversized picture.
bool has_figures(const Document& doc);
// `ref` as written in `file` (an article or a plan): relative to file's folder unless absolute.
std::string beside(const std::string& file, const std::string& ref);
void load_images(Document& doc, const std::string& article, const ImageOptions& opts, Images& images);

// The picture in `bytes` (JPEG or PNG) checked and prepared; `name` says where it comes from.
Image read_image(std::string bytes, const std::string& name, const ImageOptions& opts);

}  // namespace paiban
