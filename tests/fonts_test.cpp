// FontLibrary: faces found by family/style through fonts/manifest.xml (inside TTCs too) or by
// file, loaded once, and clear Errors for missing packages and broken files.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <thread>

#include "core/error.h"
#include "font/fonts.h"
#include "layout/shape.h"
#include "test_util.h"

using namespace paiban;
using test::catch_error;

namespace {

const std::string kData = PAIBAN_TEST_DATA "/fonts/";
const char* kNotoSerif = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";

std::string temp_file(const std::string& name, const std::string& bytes) {
  std::string path = testing::TempDir() + "paiban_fonts_" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST(Fonts, FindsTheScFaceInsideTheNotoTtcByName) {
  FontLibrary lib;
  const FontFace& f = lib.face(lib.load_face("Noto Serif CJK SC", "Regular"));
  EXPECT_EQ(f.path, kNotoSerif);
  EXPECT_EQ(f.family, "Noto Serif CJK SC");
  EXPECT_EQ(f.postscript_name, "NotoSerifCJKsc-Regular");
  EXPECT_EQ(f.package, "fonts-noto-cjk");
  EXPECT_TRUE(f.cff);
  EXPECT_TRUE(f.cid_keyed());
  EXPECT_EQ(f.upem, 1000);
  EXPECT_TRUE(f.has_glyph(U'吕'));
  EXPECT_FALSE(f.has_glyph(0x1F600));
  // Ideographic em box from BASE.
  EXPECT_FLOAT_EQ(f.ascender - f.descender, 1.0f);
}

TEST(Fonts, BoldIsAnotherFileAndHeiAnotherFamily) {
  FontLibrary lib;
  int regular = lib.load_face("Noto Serif CJK SC", "Regular");
  int bold = lib.load_face("noto serif cjk sc", "bold");
  int hei = lib.load_face("Noto Sans CJK SC", "Bold");
  EXPECT_NE(regular, bold);
  EXPECT_NE(bold, hei);
  EXPECT_EQ(lib.face(bold).style, "Bold");
  EXPECT_EQ(lib.face(hei).postscript_name, "NotoSansCJKsc-Bold");
}

TEST(Fonts, LoadsEachFaceOnceWhicheverWayItIsNamed) {
  FontLibrary lib;
  int a = lib.load_face("Noto Serif CJK SC", "Regular");
  EXPECT_EQ(lib.load_face("Noto Serif CJK SC", "Regular"), a);
  EXPECT_EQ(lib.load_face_file(kNotoSerif, 2), a);
  int jp = lib.load_face_file(kNotoSerif, 0);
  EXPECT_NE(jp, a);
  EXPECT_EQ(lib.face(jp).family, "Noto Serif CJK JP");
  EXPECT_EQ(lib.size(), 2u);
  // "Book" and "Regular" are one style.
  EXPECT_EQ(lib.load_face("DejaVu Serif", "Regular"), lib.load_face("DejaVu Serif", "Book"));
}

TEST(Fonts, TrueTypeFace) {
  FontLibrary lib;
  const FontFace& f = lib.face(lib.load_face("LXGW WenKai", "Regular"));
  EXPECT_FALSE(f.cff);
  EXPECT_FALSE(f.cid_keyed());
  EXPECT_EQ(f.package, "fonts-lxgw-wenkai");
  EXPECT_EQ(f.cid(1234), 1234u);  // TrueType: PDF codes are glyph ids
}

TEST(Fonts, FindsAFamilyByItsChineseNameInTheSystemFolders) {
  FontLibrary lib;
  int by_cn = lib.load_face("霞鹜文楷", "Regular");  // not in the manifest: found by scanning
  EXPECT_EQ(lib.load_face("LXGW WenKai", "Regular"), by_cn);
}

TEST(Fonts, HaltTableHalvesFullWidthPunctuation) {
  FontLibrary lib;
  const FontFace& f = lib.face(lib.load_face("Noto Serif CJK SC", "Regular"));
  EXPECT_GT(f.halt.size(), 20u);
  std::vector<MissingGlyph> missing;
  FontChain chain{{lib.load_face("Noto Serif CJK SC", "Regular")}};
  auto glyphs = shape("，中", lib, chain, &missing);
  ASSERT_EQ(glyphs.size(), 2u);
  ASSERT_NE(f.halt_of(glyphs[0].gid), nullptr);
  EXPECT_FLOAT_EQ(f.halt_of(glyphs[0].gid)->advance, 0.5f);
  EXPECT_EQ(f.halt_of(glyphs[1].gid), nullptr);  // Han is left alone
}

TEST(Fonts, ChainsComeFromManifestRoles) {
  FontLibrary lib;
  FontChain song = lib.load_chain("song");
  ASSERT_GE(song.faces.size(), 2u);
  EXPECT_EQ(lib.face(song.faces[0]).family, "Noto Serif CJK SC");
  EXPECT_EQ(lib.face(song.faces[1]).path, kDejaVu);
  FontChain kai = lib.load_chain("kai");
  EXPECT_EQ(lib.face(kai.faces[0]).family, "LXGW WenKai");
  Error e = catch_error([&] { lib.load_chain("no-such-role"); });
  EXPECT_NE(std::string(e.what()).find("no-such-role"), std::string::npos);
}

TEST(Fonts, MissingPackageNamesFamilyFileAndPackage) {
  FontLibrary lib(kData + "missing-package.xml");
  Error e = catch_error([&] { lib.load_face("Paiban Test Song", "Regular"); });
  std::string msg = e.what();
  EXPECT_NE(msg.find("Paiban Test Song"), std::string::npos) << msg;
  EXPECT_NE(msg.find("/nonexistent/paiban/PaibanTestSong.ttc"), std::string::npos) << msg;
  EXPECT_NE(e.hint().find("apt-get install fonts-paiban-test"), std::string::npos) << e.hint();
  EXPECT_EQ(e.code(), ExitCode::internal);
  // A missing fallback is skipped; a missing first face is an error.
  FontChain body = lib.load_chain("body");
  EXPECT_EQ(body.faces.size(), 1u);
  EXPECT_THROW(lib.load_chain("broken"), Error);
}

TEST(Fonts, ManifestIndexIsCheckedAgainstTheFaceNames) {
  // The test manifest says index 0 (the JP face); the loader reads the names and takes face 2.
  FontLibrary lib(kData + "missing-package.xml");
  const FontFace& f = lib.face(lib.load_face("Noto Serif CJK SC", "Regular"));
  EXPECT_EQ(f.index, 2);
  EXPECT_EQ(f.family, "Noto Serif CJK SC");
}

TEST(Fonts, UnknownFamilyIsAnInputError) {
  FontLibrary lib;
  Error e = catch_error([&] { lib.load_face("No Such Family 12345", "Regular"); });
  EXPECT_EQ(e.code(), ExitCode::input);
  EXPECT_NE(std::string(e.what()).find("No Such Family 12345"), std::string::npos);
}

TEST(Fonts, BadFilesGiveClearErrors) {
  FontLibrary lib;
  Error text = catch_error([&] { lib.load_face_file(kData + "not-a-font.ttf"); });
  EXPECT_NE(std::string(text.what()).find("not a font file"), std::string::npos) << text.what();
  EXPECT_EQ(text.code(), ExitCode::input);

  Error none = catch_error([&] { lib.load_face_file(kData + "no-such-file.ttf"); });
  EXPECT_NE(std::string(none.what()).find("no such font file"), std::string::npos) << none.what();

  Error empty = catch_error([&] { lib.load_face_file(temp_file("empty.ttf", "")); });
  EXPECT_NE(std::string(empty.what()).find("empty.ttf"), std::string::npos);

  std::ifstream in(kDejaVu, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string cut = temp_file("truncated.ttf", bytes.substr(0, 2000));
  Error truncated = catch_error([&] { lib.load_face_file(cut); });
  EXPECT_NE(std::string(truncated.what()).find("truncated.ttf"), std::string::npos);

  Error index = catch_error([&] { lib.load_face_file(kNotoSerif, 9); });
  EXPECT_NE(std::string(index.what()).find("has no face 9 (5 faces)"), std::string::npos) << index.what();
  EXPECT_EQ(lib.size(), 0u);
}

TEST(Fonts, MalformedManifestIsAnInputError) {
  FontLibrary lib(kData + "malformed.xml");
  Error e = catch_error([&] { lib.load_face("X", "Regular"); });
  EXPECT_EQ(e.code(), ExitCode::input);
  EXPECT_NE(std::string(e.what()).find("malformed.xml"), std::string::npos);
}

// A face index that is no number was read as face 0 (pugixml's as_int): now the line and element.
TEST(Fonts, ManifestIndexThatIsNoNumberIsAnInputError) {
  FontLibrary lib(kData + "bad-index.xml");
  Error e = catch_error([&] { lib.load_face("Noto Serif CJK SC", "Regular"); });
  EXPECT_EQ(e.code(), ExitCode::input);
  EXPECT_EQ(e.where().file, kData + "bad-index.xml");
  EXPECT_EQ(e.where().line, 3);
  EXPECT_EQ(e.where().element, "<font>");
  EXPECT_NE(std::string(e.what()).find("index=\"two\" is not a face number"), std::string::npos) << e.what();
  EXPECT_NE(e.hint().find("index=\"2\""), std::string::npos) << e.hint();
}

TEST(Fonts, SharedReadOnlyByThreads) {
  FontLibrary lib;
  FontChain song = lib.load_chain("song");
  const std::string text = "为建设美丽幸福吕梁广泛凝心聚力——市政协2024年履职工作综述，“好！”";
  auto expected = shape(text, lib, song, nullptr);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      bool same = true;
      for (int i = 0; i < 50; ++i) {
        auto g = shape(text, lib, song, nullptr);
        same = same && g.size() == expected.size();
        for (size_t k = 0; same && k < g.size(); ++k) same = g[k].gid == expected[k].gid;
        same = same && lib.face(song.faces[0]).cid(g[0].gid) == lib.face(song.faces[0]).cid(expected[0].gid);
      }
      ok[t] = same;
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_TRUE(ok[t]) << "thread " << t;
}
