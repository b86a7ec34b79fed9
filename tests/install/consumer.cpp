// A program other than paiban using the installed library (tests/install/install_test.sh builds
// it against PREFIX with find_package and with pkg-config): the whole public API, and an error.
// usage: consumer ARTICLE.txt WORKDIR
#include <paiban/paiban.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  namespace fs = std::filesystem;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string work = argv[2];

  std::cout << "version " << paiban::version() << "\n";
  paiban::Document doc = paiban::reflow_bytes(ss.str(), "article.txt");
  std::cout << "blocks " << doc.blocks.size() << "\n";
  std::string xml = paiban::document_to_xml(doc);
  paiban::Document again = paiban::document_from_xml(xml, "again.xml");
  std::cout << "xml round trip " << (again == doc ? "same" : "differs") << "\n";
  std::string text = paiban::clean_text(doc, 40);
  std::cout << "first line " << text.substr(0, text.find('\n')) << "\n";
  paiban::Typesetter typesetter("broadsheet");
  std::string pdf = typesetter.pdf(doc);
  std::cout << "pdf " << (pdf.rfind("%PDF-", 0) == 0 ? "ok" : "bad") << "\n";

  try {
    paiban::document_from_xml("<article lang=\"zh-Hans\"><p>x</article>", "bad.xml");
    std::cout << "bad xml accepted\n";
  } catch (const paiban::Error& e) {
    std::cout << "error " << e.what() << "\nhint " << e.hint() << "\nline " << e.where().line << "\n";
  }

  fs::create_directories(work + "/src");
  std::ofstream(work + "/src/a.txt", std::ios::binary) << ss.str();
  std::ofstream(work + "/src/b.txt", std::ios::binary) << ss.str();
  paiban::BatchOptions o;
  o.src = work + "/src";
  o.out = work + "/out";
  o.formats = "xml,txt";
  o.jobs = 2;
  int calls = 0;
  int code = paiban::run_batch(o, [&](const paiban::BatchProgress& p) {
    ++calls;
    std::cout << "progress " << p.done << "/" << p.total << (p.failed ? " failed" : "") << "\n";
  });
  std::cout << "batch exit " << code << " after " << calls << " calls, a.xml "
            << (fs::exists(work + "/out/a.xml") ? "written" : "missing") << "\n";
  return 0;
}
