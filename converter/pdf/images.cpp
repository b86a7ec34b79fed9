// images: pictures as image XObjects (PDF 32000-1 §8.9.5) through libharu — a JPEG's DCT data
// embedded unchanged (HPDF_LoadJpegImageFromMem), a PNG read by libharu with its alpha as a soft
// mask (§11.6.5.3), pixels made by pipeline/images.cpp (gray, or a PNG libharu cannot read) deflated. Each picture is
// one object however many times it is drawn.
#include "core/error.h"
#include "pdf/pdf_internal.h"

namespace paiban::pdf {

namespace {

const HPDF_BYTE* bytes_of(const std::string& s) { return reinterpret_cast<const HPDF_BYTE*>(s.data()); }

}  // namespace

HPDF_Image ImageObjects::get(const Image& img) {
  auto it = made_.find(&img);
  if (it != made_.end()) return it->second;
  HPDF_Image x = nullptr;
  auto size = static_cast<HPDF_UINT>(img.bytes.size());
  switch (img.format) {
    case Image::Format::jpeg: x = HPDF_LoadJpegImageFromMem(pdf_, bytes_of(img.bytes), size); break;
    case Image::Format::png: x = HPDF_LoadPngImageFromMem(pdf_, bytes_of(img.bytes), size); break;
    case Image::Format::pixels: {
      HPDF_ColorSpace cs = img.components == 3 ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY;
      x = HPDF_LoadRawImageFromMem(pdf_, bytes_of(img.bytes), img.width, img.height, cs, 8);
      if (x && !img.alpha.empty()) {
        HPDF_Image mask =
            HPDF_LoadRawImageFromMem(pdf_, bytes_of(img.alpha), img.width, img.height, HPDF_CS_DEVICE_GRAY, 8);
        check(errors_, mask ? HPDF_Image_AddSMask(x, mask) : HPDF_INVALID_IMAGE, "adding a picture's transparency");
      }
      break;
    }
  }
  if (!x || errors_.code != HPDF_OK)
    throw input_error(img.name + ": libharu cannot embed the picture (error " + std::to_string(errors_.code) + ", " +
                          std::to_string(errors_.detail) + ")",
                      "save it as a baseline JPEG or an 8-bit PNG");
  made_[&img] = x;
  return x;
}

void draw_images(HPDF_Page page, const std::vector<PlacedImage>& images, ImageObjects& objects) {
  for (const PlacedImage& p : images)
    if (p.image) HPDF_Page_DrawImage(page, objects.get(*p.image), p.x, p.y, p.w, p.h);
}

}  // namespace paiban::pdf
