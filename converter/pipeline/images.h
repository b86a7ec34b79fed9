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
// user gave it: a figure's src is relative to its folder. Throws an input Error naming the article
// file, the figure's line and its src for a missing, unreadable, corrupt or oversized picture.
void load_images(const Document& doc, const std::string& article, const ImageOptions& opts, Images& images);

// The picture in `bytes` (JPEG or PNG) checked and prepared; `name` says where it comes from.
Image read_image(std::string bytes, const std::string& name, const ImageOptions& opts);

}  // namespace paiban
