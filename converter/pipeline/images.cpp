// load_images: figure src → file bytes → header (format, size: refused before decoding when too
// big) → decoded whole with libjpeg / libpng (a corrupt file fails here, not in the PDF writer)
// → kept as the file (JPEG's DCT data is embedded as is) or, with --gray and colour, as gray pixels.
#include "pipeline/images.h"

#include <png.h>
#include <stdio.h>  // jpeglib.h needs FILE
#include <jpeglib.h>

#include <cmath>
#include <csetjmp>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/error.h"

namespace paiban {

namespace {

struct Header {
  Image::Format format = Image::Format::jpeg;
  int width = 0, height = 0, components = 0;
  bool plain_png = false;  // 8 bits a sample, not palette, not interlaced: what libharu reads right
  bool ok = false;
};

int be16(const std::string& b, size_t at) {
  return (static_cast<unsigned char>(b[at]) << 8) | static_cast<unsigned char>(b[at + 1]);
}

// PNG: IHDR is the first chunk (PNG spec §11.2.2); JPEG: the first SOFn marker (ITU T.81 B.2.2).
Header sniff(const std::string& b) {
  Header h;
  static const char kPng[] = "\x89PNG\r\n\x1a\n";
  if (b.size() >= 33 && b.compare(0, 8, kPng, 8) == 0 && b.compare(12, 4, "IHDR") == 0) {
    h.format = Image::Format::png;
    h.width = (be16(b, 16) << 16) | be16(b, 18);
    h.height = (be16(b, 20) << 16) | be16(b, 22);
    int colour = static_cast<unsigned char>(b[25]);
    h.components = colour == 0 || colour == 4 ? 1 : 3;
    h.plain_png = b[24] == 8 && colour != 3 && b[28] == 0;
    h.ok = h.width > 0 && h.height > 0;
    return h;
  }
  if (b.size() < 4 || static_cast<unsigned char>(b[0]) != 0xFF || static_cast<unsigned char>(b[1]) != 0xD8) return h;
  for (size_t at = 2; at + 4 <= b.size();) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) return h;
    int marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) { ++at; continue; }
    int len = be16(b, at + 2);
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof && at + 10 <= b.size()) {
      h.height = be16(b, at + 5);
      h.width = be16(b, at + 7);
      h.components = static_cast<unsigned char>(b[at + 9]);
      h.ok = h.width > 0 && h.height > 0;
      return h;
    }
    if (len < 2) return h;
    at += 2 + static_cast<size_t>(len);
  }
  return h;
}

struct JpegFail {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX] = "";
};

void jpeg_fail(j_common_ptr info) {
  auto* f = reinterpret_cast<JpegFail*>(info->err);
  info->err->format_message(info, f->message);
  std::longjmp(f->jump, 1);
}

// The decoding proper, apart from decode_jpeg's setjmp: libjpeg's error exit jumps out of it, past
// any destructor, so it creates no object that owns memory; its buffers are the caller's.
void read_scanlines(jpeg_decompress_struct& info, const std::string& bytes, bool gray, std::string& row,
                    std::string& rows) {
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&info, TRUE);
  // libjpeg makes gray from YCbCr and RGB only; CMYK is decoded as is and made gray below.
  const bool cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
  if (gray) info.out_color_space = cmyk ? JCS_CMYK : JCS_GRAYSCALE;
  info.dct_method = JDCT_ISLOW;  // the same pixels on every machine
  jpeg_start_decompress(&info);
  row.assign(static_cast<size_t>(info.output_width) * info.output_components, '\0');
  while (info.output_scanline < info.output_height) {
    JSAMPROW p = reinterpret_cast<JSAMPROW>(&row[0]);
    jpeg_read_scanlines(&info, &p, 1);
    if (gray && cmyk) {
      // Adobe's CMYK JPEGs store inverted samples (255: no ink); ink is taken as covering.
      for (size_t x = 0; x < info.output_width; ++x) {
        auto ink = [&](int k) {
          int v = static_cast<unsigned char>(row[4 * x + k]);
          return info.saw_Adobe_marker ? 255 - v : v;
        };
        double colour = 0.3 * ink(0) + 0.59 * ink(1) + 0.11 * ink(2);
        rows.push_back(static_cast<char>(std::lround((255 - colour) * (255 - ink(3)) / 255.0)));
      }
    } else if (gray) {
      rows += row;
    }
  }
}

// Decodes the whole JPEG (libjpeg checks every scan); `gray` receives 8-bit gray pixels when given.
// Returns libjpeg's complaint, "" when the file decodes.
std::string decode_jpeg(const std::string& bytes, std::string* gray) {
  jpeg_decompress_struct info;
  JpegFail fail;
  info.err = jpeg_std_error(&fail.mgr);
  fail.mgr.error_exit = jpeg_fail;
  fail.mgr.output_message = [](j_common_ptr) {};
  std::string row, rows;  // made before setjmp, so a jump out of read_scanlines leaves them owned here
  if (setjmp(fail.jump)) {
    jpeg_destroy_decompress(&info);
    return fail.message;
  }
  read_scanlines(info, bytes, gray != nullptr, row, rows);
  // A file cut short still decodes (libjpeg pads it with gray) but warns: refuse it.
  if (fail.mgr.num_warnings > 0) {
    jpeg_destroy_decompress(&info);
    return "the JPEG data is cut short or damaged";
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  if (gray) *gray = std::move(rows);
  return "";
}

// Decodes the whole PNG with libpng's simplified API; with `pixels`, keeps them 8 bits a sample,
// `components` (1 gray, 3 RGB) a pixel, and the alpha apart (none when opaque).
std::string decode_png(const std::string& bytes, int components, std::string* pixels, std::string* alpha) {
  png_image img;
  std::memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&img, bytes.data(), bytes.size())) return img.message;
  img.format = components == 1 ? PNG_FORMAT_GA : PNG_FORMAT_RGBA;
  std::string px(PNG_IMAGE_SIZE(img), '\0');
  if (!png_image_finish_read(&img, nullptr, &px[0], 0, nullptr)) return img.message;
  if (pixels) {
    size_t n = static_cast<size_t>(img.width) * img.height;
    size_t step = components + 1;
    pixels->resize(n * components);
    alpha->resize(n);
    bool opaque = true;
    for (size_t i = 0; i < n; ++i) {
      for (int k = 0; k < components; ++k) (*pixels)[i * components + k] = px[i * step + k];
      (*alpha)[i] = px[i * step + components];
      opaque = opaque && static_cast<unsigned char>((*alpha)[i]) == 255;
    }
    if (opaque) alpha->clear();
  }
  return "";
}

void each_figure(std::vector<Block>& blocks, const std::function<void(Block&)>& f) {
  for (Block& b : blocks) {
    if (b.kind == Kind::figure) f(b);
    each_figure(b.children, f);
  }
}

}  // namespace

Image read_image(std::string bytes, const std::string& name, const ImageOptions& opts) {
  Header h = sniff(bytes);
  if (!h.ok)
    throw input_error(name + ": not a JPEG or PNG picture (or its header is damaged)",
                      "give the figure a JPEG or PNG file");
  if (static_cast<long long>(h.width) * h.height > opts.max_pixels)
    throw input_error(name + ": the picture is " + std::to_string(h.width) + "×" + std::to_string(h.height) +
                          " pixels, more than " + std::to_string(opts.max_pixels) + " (refused before decoding)",
                      "scale the picture down: a page needs at most 300 pixels per inch");
  Image img;
  img.width = h.width;
  img.height = h.height;
  img.components = h.components;
  img.name = name;
  bool to_gray = opts.gray && h.components != 1;
  bool png = h.format == Image::Format::png;
  bool keep_pixels = to_gray || (png && !h.plain_png);
  int components = to_gray ? 1 : std::min(h.components, 3);
  std::string pixels, alpha;
  std::string why = png ? decode_png(bytes, components, keep_pixels ? &pixels : nullptr, &alpha)
                        : decode_jpeg(bytes, to_gray ? &pixels : nullptr);
  if (!why.empty())
    throw input_error(name + ": the picture cannot be decoded: " + why, "give a complete, undamaged JPEG or PNG file");
  if (keep_pixels) {
    img.format = Image::Format::pixels;
    img.bytes = std::move(pixels);
    img.alpha = std::move(alpha);
    img.components = components;
  } else {
    img.format = h.format;
    img.bytes = std::move(bytes);
  }
  return img;
}

std::string beside(const std::string& file, const std::string& ref) {
  if (!ref.empty() && ref[0] == '/') return ref;
  size_t slash = file.find_last_of('/');
  return (slash == std::string::npos ? "" : file.substr(0, slash + 1)) + ref;
}

bool has_figures(const Document& doc) {
  std::function<bool(const std::vector<Block>&)> any = [&](const std::vector<Block>& bs) {
    for (const Block& b : bs)
      if (b.kind == Kind::figure || any(b.children)) return true;
    return false;
  };
  if (any(doc.blocks)) return true;
  for (const Page& p : doc.pages)
    for (const Document& a : p.articles)
      if (any(a.blocks)) return true;
  return false;
}

void load_images(Document& doc, const std::string& article, const ImageOptions& opts, Images& images) {
  std::vector<Block*> figures;
  each_figure(doc.blocks, [&](Block& b) { figures.push_back(&b); });
  for (Page& p : doc.pages)
    for (Document& a : p.articles) each_figure(a.blocks, [&](Block& b) { figures.push_back(&b); });
  for (Block* f : figures) {
    std::string name = article + ": <figure src=\"" + f->image + "\">";
    std::string path = beside(article, f->image);
    f->image = path;
    if (images.count(path)) continue;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(name + ": cannot read " + path, "put the picture next to the article, or correct src");
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    if (size < 0 || static_cast<size_t>(size) > opts.max_bytes)
      throw input_error(name + ": " + path + " is larger than " + std::to_string(opts.max_bytes >> 20) + " MiB",
                        "scale the picture down");
    in.seekg(0);
    std::string bytes(static_cast<size_t>(size), '\0');
    in.read(&bytes[0], size);
    images[path] = std::make_shared<const Image>(read_image(std::move(bytes), name, opts));
  }
}

}  // namespace paiban
