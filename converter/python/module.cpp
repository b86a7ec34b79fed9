// The Python module `paiban` (pybind11): the library's API (include/paiban/paiban.h) for Python
// programs. paiban's errors become paiban.Error with .message, .hint and .where; the GIL is
// released while paiban works, so threads convert in parallel. Stub: python/paiban.pyi.
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "decode/decode.h"
#include "paiban/paiban.h"

namespace py = pybind11;

namespace {

// bytes → as they are; str → its UTF-8; os.PathLike → the file's bytes are read by paiban.
struct Input {
  std::string bytes, path;
};

Input input_of(const py::object& data) {
  Input in;
  if (py::isinstance<py::bytes>(data)) in.bytes = data.cast<std::string>();
  else if (py::isinstance<py::str>(data)) in.bytes = data.cast<std::string>();
  else if (py::hasattr(data, "__fspath__")) in.path = py::str(data.attr("__fspath__")());
  else throw py::type_error("expected bytes, str (the text itself) or a path (os.PathLike)");
  return in;
}

struct Block {
  std::string kind, text;
  std::vector<std::string> lines, ids;
  std::string image;  // a figure's picture file
  int columns = 0;    // the columns a figure spans
  std::pair<int, int> src;
  py::object bbox;
  std::vector<Block> children;
};

Block block_of(const paiban::Block& b) {
  Block o;
  o.kind = paiban::kind_name(b.kind);
  o.text = paiban::plain_text(b);
  o.lines = b.lines;
  o.image = b.image;
  o.columns = b.columns;
  o.src = {b.src.first, b.src.last};
  o.bbox = b.bbox.known() ? py::object(py::make_tuple(b.bbox.x0, b.bbox.y0, b.bbox.x1, b.bbox.y1)) : py::none();
  for (const auto& c : b.children) o.children.push_back(block_of(c));
  return o;
}

// A Document's articles: itself, or those of every page.
std::vector<paiban::Document> articles_of(const paiban::Document& d) {
  if (!d.is_pages()) return {d};
  std::vector<paiban::Document> out;
  for (const auto& p : d.pages)
    for (const auto& a : p.articles) out.push_back(a);
  return out;
}

paiban::Document reflow(const py::object& data, const std::optional<std::string>& encoding) {
  Input in = input_of(data);
  py::gil_scoped_release release;
  const std::string enc = encoding.value_or("");
  return in.path.empty() ? paiban::reflow_bytes(in.bytes, "", enc) : paiban::reflow_file(in.path, enc);
}

paiban::Document read_xml(const py::object& data) {
  Input in = input_of(data);
  py::gil_scoped_release release;
  if (!in.path.empty()) return paiban::document_from_xml(paiban::read_file_limited(in.path), in.path);
  return paiban::document_from_xml(in.bytes, "");
}

std::string text_of(const paiban::Document& d, std::optional<int> width, const std::string& spacing) {
  if (spacing != "none" && spacing != "pangu")
    throw paiban::Error(paiban::ExitCode::usage, "unknown spacing '" + spacing + "'", "use \"none\" or \"pangu\"");
  py::gil_scoped_release release;
  return paiban::clean_text(d, width.value_or(0), spacing == "pangu");
}

}  // namespace

PYBIND11_MODULE(paiban, m) {
  m.doc() = "paiban: Chinese newspaper OCR → article Document → XML, clean text and PDF";
  m.attr("__version__") = paiban::version();

  static py::exception<paiban::Error> error(m, "Error");
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const paiban::Error& e) {
      py::object exc = py::reinterpret_borrow<py::object>(error.ptr())(e.what());
      exc.attr("message") = e.what();
      exc.attr("hint") = e.hint();
      exc.attr("where") = e.where().str();
      PyErr_SetObject(error.ptr(), exc.ptr());
    }
  });

  py::class_<Block>(m, "Block", "One block of an article: headline, subtitle, byline, section, heading, p, box, caption")
      .def_readonly("kind", &Block::kind)
      .def_readonly("text", &Block::text, "its text (a section's or box's: all of it)")
      .def_readonly("lines", &Block::lines, "a heading's printed lines")
      .def_readonly("image", &Block::image, "a figure's picture file, as the XML names it (\"\" for other blocks)")
      .def_readonly("columns", &Block::columns, "the columns a figure spans (0: one)")
      .def_readonly("src", &Block::src, "(first, last) source lines, (0, 0) when unknown")
      .def_readonly("bbox", &Block::bbox, "(x0, y0, x1, y1) on the scanned page, or None")
      .def_readonly("children", &Block::children)
      .def("__repr__", [](const Block& b) { return "<paiban.Block " + b.kind + ">"; });

  py::class_<paiban::Document>(m, "Document", "An article, or pages holding articles")
      .def_readonly("lang", &paiban::Document::lang)
      .def_readonly("source", &paiban::Document::source)
      .def_readonly("date", &paiban::Document::date)
      .def_property_readonly("is_pages", &paiban::Document::is_pages)
      .def_property_readonly("blocks", [](const paiban::Document& d) {
        std::vector<Block> out;
        for (const auto& b : d.blocks) out.push_back(block_of(b));
        return out;
      })
      .def_property_readonly("articles", &articles_of, "the articles: [self], or those of every page")
      .def("to_xml", [](const paiban::Document& d) {
        py::gil_scoped_release release;
        return paiban::document_to_xml(d);
      })
      .def("text", &text_of, py::arg("width") = py::none(), py::arg("spacing") = "none")
      .def(py::self == py::self);

  py::class_<paiban::Typesetter>(m, "Typesetter", "A style and its fonts, loaded once; pdf() from any thread")
      .def(py::init<const std::string&>(), py::arg("style") = "broadsheet", py::call_guard<py::gil_scoped_release>())
      .def("pdf", [](const paiban::Typesetter& t, const paiban::Document& d) {
        std::string pdf;
        {
          py::gil_scoped_release release;
          pdf = t.pdf(d);
        }
        return py::bytes(pdf);
      });

  m.def("reflow", &reflow, py::arg("data"), py::arg("encoding") = py::none(),
        "Raw OCR text (bytes in any detected encoding, or str), article/page XML, hOCR, ALTO, PAGE, a scan, or a path → Document");
  m.def("read_xml", &read_xml, py::arg("data"), "Article or page XML (bytes, str or a path) → Document");
  m.def("typeset", [](const paiban::Document& d, const std::string& style) {
        std::string pdf;
        {
          py::gil_scoped_release release;
          pdf = paiban::typeset(d, style);
        }
        return py::bytes(pdf);
      }, py::arg("doc"), py::arg("style") = "broadsheet", "Document → PDF bytes in a style");
}
