// read_image (pipeline/images.h) on pictures that fail inside libjpeg's decoding: an error exit
// in mid-scan jumps out past C++ frames, so it must cost nothing but the error (figure_image_fuzz
// found a leak there; under the sanitizers this test fails on it).
#include <gtest/gtest.h>

#include "core/error.h"
#include "pipeline/images.h"
#include "test_util.h"

namespace paiban {
namespace {

TEST(FigureImage, JpegFailingMidScanIsAnErrorNamingTheFigure) {
  const std::string bytes = test::read_file(test::data("hostile/jpeg-error-mid-scan.jpg"));
  for (bool gray : {false, true}) {
    ImageOptions o;
    o.gray = gray;
    try {
      read_image(bytes, "a.xml: <figure src=\"p.jpg\">", o);
      ADD_FAILURE() << "a JPEG libjpeg cannot decode was read (gray " << gray << ")";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("a.xml: <figure src=\"p.jpg\">"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace paiban
