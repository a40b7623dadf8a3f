// crosscheck.Document and the functions that read, extract and check.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core.h"

namespace crosscheck::python {

namespace {

std::string type_name(py::handle h) { return py::str(py::type::handle_of(h).attr("__name__")); }

[[noreturn]] void type_error(const std::string& message) {
  PyErr_SetString(PyExc_TypeError, message.c_str());
  throw py::error_already_set();
}

// The UTF-8 bytes of a str argument; lone surrogates are an encoding error of
// the document, not a crash.
std::string utf8_of(py::handle value, const char* field, const std::string& document_id) {
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
  if (data == nullptr) {
    PyErr_Clear();
    throw CoreError(
        Error{ErrorCode::kEncoding, "", 0, document_id,
              std::string("field '") + field + "' is not valid Unicode (lone surrogate)"});
  }
  return std::string(data, static_cast<std::size_t>(size));
}

std::string string_arg(py::handle value, const char* field, const std::string& document_id,
                       bool optional) {
  if (optional && value.is_none()) return {};
  if (!py::isinstance<py::str>(value)) {
    type_error(std::string("Document() argument '") + field + "' must be str" +
               (optional ? " or None" : "") + ", not " + type_name(value));
  }
  return utf8_of(value, field, document_id);
}

// None, "YYYY-MM-DD" (or an ISO 8601 date-time), datetime.date or datetime.datetime.
std::string published_arg(py::handle value, const std::string& document_id) {
  if (value.is_none()) return {};
  if (py::isinstance<py::str>(value)) return utf8_of(value, "published", document_id);
  py::module_ datetime = py::module_::import("datetime");
  py::object date = py::reinterpret_borrow<py::object>(value);
  if (py::isinstance(value, datetime.attr("datetime"))) date = value.attr("date")();
  if (py::isinstance(date, datetime.attr("date"))) return py::str(date.attr("isoformat")());
  type_error(
      "Document() argument 'published' must be a datetime.date, a 'YYYY-MM-DD' str or None, not " +
      type_name(value));
}

PyDocument make_document(const py::object& id, const py::object& text, const py::object& html,
                         const py::object& source, const py::object& url, const py::object& title,
                         const py::object& author, const py::object& language,
                         const py::object& published) {
  Document d;
  d.id = string_arg(id, "id", "", false);
  if (text.is_none() == html.is_none()) {
    type_error("Document() needs exactly one of text= or html= (document '" + d.id + "')");
  }
  d.source = string_arg(source, "source", d.id, true);
  d.url = string_arg(url, "url", d.id, true);
  d.title = string_arg(title, "title", d.id, true);
  d.author = string_arg(author, "author", d.id, true);
  d.language = string_arg(language, "language", d.id, false);
  d.published = published_arg(published, d.id);
  if (!text.is_none()) {
    d.text = string_arg(text, "text", d.id, false);
  } else {
    std::string page = string_arg(html, "html", d.id, false);
    Result<std::string> converted = std::string();
    {
      py::gil_scoped_release unlocked;
      converted = html_to_text(page);
    }
    if (!converted) {
      Error e = converted.error();
      e.document = d.id;
      throw CoreError(std::move(e));
    }
    d.text = std::move(*converted);
  }
  return PyDocument{unwrap(validate(std::move(d))), std::nullopt};
}

// The document behind a Python Document, checking that __init__ ran: an
// instance made by Document.__new__ alone holds no document yet.
const PyDocument& document_of(py::handle self) {
  if (!py::isinstance<PyDocument>(self)) {
    type_error("expected a crosscheck.Document, not " + type_name(self));
  }
  auto* instance = reinterpret_cast<py::detail::instance*>(self.ptr());
  auto held = instance->get_value_and_holder(py::detail::get_type_info(typeid(PyDocument)),
                                             /*throw_if_missing=*/false);
  if (!held || !held.holder_constructed()) {
    type_error(
        "crosscheck.Document instance is not initialized (Document.__init__ was not called)");
  }
  return *held.value_ptr<PyDocument>();
}

// A Document property or method that reads a constructed document.
template <typename Get>
auto on_document(Get get) {
  return [get](py::handle self) { return get(document_of(self)); };
}

py::object none_or(const std::string& s) { return s.empty() ? py::none() : py::object(py::str(s)); }

py::object date_of(const std::string& iso) {
  if (iso.size() < 10) return py::none();
  return py::module_::import("datetime").attr("date").attr("fromisoformat")(iso.substr(0, 10));
}

std::string document_repr(const PyDocument& p) {
  const Document& d = p.doc;
  std::string out = "Document(id=" + quoted(d.id);
  if (!d.source.empty()) out += ", source=" + quoted(d.source);
  if (!d.published.empty()) out += ", published=" + quoted(d.published);
  if (!d.title.empty()) out += ", title=" + quoted(shorten(d.title, 50));
  out += ", text=" + quoted(shorten(d.text, 50));
  return out + ")";
}

py::dict document_dict(const PyDocument& p) {
  const Document& d = p.doc;
  py::dict out;
  out["id"] = d.id;
  out["text"] = d.text;
  out["source"] = none_or(d.source);
  out["url"] = none_or(d.url);
  out["title"] = none_or(d.title);
  out["author"] = none_or(d.author);
  out["language"] = d.language;
  out["published"] = none_or(d.published);
  return out;
}

bool same_document(const Document& a, const Document& b) {
  return a.id == b.id && a.text == b.text && a.source == b.source && a.url == b.url &&
         a.title == b.title && a.author == b.author && a.language == b.language &&
         a.published == b.published;
}

// The documents of a Python iterable, copied so the GIL can be released.
std::vector<Document> documents_of(const py::iterable& items, const char* function) {
  std::vector<Document> out;
  std::size_t i = 0;
  for (py::handle item : items) {
    if (!py::isinstance<PyDocument>(item)) {
      type_error(std::string(function) + "() expects crosscheck.Document objects; item " +
                 std::to_string(i) + " is " + type_name(item));
    }
    out.push_back(document_of(item).doc);
    ++i;
  }
  return out;
}

Options options_of(std::vector<std::string> lexicons, std::vector<std::string> lexicon_names,
                   unsigned threads) {
  Options options;
  options.lexicons = std::move(lexicons);
  options.lexicon_names = std::move(lexicon_names);
  options.threads = threads;
  return options;
}

}  // namespace

void bind_documents(py::module_& m) {
  py::class_<PyDocument>(m, "Document", R"doc(One input article.

``text`` is the plain text every offset refers to: exactly one of ``text=`` or
``html=`` is given, and HTML is converted to text as the checker does. The
document is validated on construction (id, size, date format): bad values raise
:class:`crosscheck.InputError` naming the document.)doc")
      .def(py::init(&make_document), py::arg("id"), py::arg("text") = py::none(), py::kw_only(),
           py::arg("html") = py::none(), py::arg("source") = py::none(),
           py::arg("url") = py::none(), py::arg("title") = py::none(),
           py::arg("author") = py::none(), py::arg("language") = "en",
           py::arg("published") = py::none())
      .def_property_readonly("id", on_document([](const PyDocument& p) { return p.doc.id; }),
                             "Unique within one run.")
      .def_property_readonly("text", on_document([](const PyDocument& p) { return p.doc.text; }),
                             "The plain text offsets refer to.")
      .def_property_readonly("source",
                             on_document([](const PyDocument& p) { return none_or(p.doc.source); }),
                             "Outlet name, or None.")
      .def_property_readonly("url",
                             on_document([](const PyDocument& p) { return none_or(p.doc.url); }))
      .def_property_readonly("title",
                             on_document([](const PyDocument& p) { return none_or(p.doc.title); }))
      .def_property_readonly("author",
                             on_document([](const PyDocument& p) { return none_or(p.doc.author); }))
      .def_property_readonly("language",
                             on_document([](const PyDocument& p) { return p.doc.language; }))
      .def_property_readonly(
          "published", on_document([](const PyDocument& p) { return none_or(p.doc.published); }),
          "Publication date as given, 'YYYY-MM-DD', or None when undated.")
      .def_property_readonly("published_date", on_document([](const PyDocument& p) {
                               return date_of(p.doc.published);
                             }),
                             "`published` as a datetime.date, or None.")
      .def_property_readonly(
          "published_inferred", on_document([](const PyDocument& p) -> py::object {
            if (!p.inferred) return py::none();
            CharIndex index(p.doc.text);
            return py::cast(PyInferredDate{*p.inferred, locate(p.inferred->span, index)});
          }),
          "Date read from the text (byline, dateline) by an analysis, or None.")
      .def_property_readonly("origin",
                             on_document([](const PyDocument& p) { return none_or(p.doc.origin); }),
                             "Where it was read from ('file.jsonl:3'), or None.")
      .def("to_dict", on_document(&document_dict),
           "The fields as a dict, as in a JSON Lines input line.")
      .def("__repr__", on_document(&document_repr))
      .def("__eq__",
           [](py::handle a, py::handle b) -> py::object {
             if (!py::isinstance<PyDocument>(b))
               return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(same_document(document_of(a).doc, document_of(b).doc));
           })
      .def(py::pickle(on_document([](const PyDocument& p) {
                        const Document& d = p.doc;
                        return py::make_tuple(d.id, d.text, d.source, d.url, d.title, d.author,
                                              d.language, d.published, d.origin);
                      }),
                      [](const py::tuple& t) {
                        if (t.size() != 9) type_error("bad pickled crosscheck.Document");
                        Document d;
                        d.id = t[0].cast<std::string>();
                        d.text = t[1].cast<std::string>();
                        d.source = t[2].cast<std::string>();
                        d.url = t[3].cast<std::string>();
                        d.title = t[4].cast<std::string>();
                        d.author = t[5].cast<std::string>();
                        d.language = t[6].cast<std::string>();
                        d.published = t[7].cast<std::string>();
                        d.origin = t[8].cast<std::string>();
                        return PyDocument{unwrap(validate(std::move(d))), std::nullopt};
                      }));

  m.def(
      "read",
      [](const std::vector<std::string>& paths, const std::string& published) {
        ReadOptions options;
        options.published = published;
        Result<std::vector<Document>> docs = std::vector<Document>{};
        {
          py::gil_scoped_release unlocked;
          docs = read_inputs(paths, options);
        }
        std::vector<PyDocument> out;
        for (Document& d : unwrap(std::move(docs)))
          out.push_back(PyDocument{std::move(d), std::nullopt});
        return out;
      },
      py::arg("paths"), py::arg("published") = "",
      "Reads JSON Lines, .txt/.md, .html/.htm files or directories of them.");

  m.def(
      "html_to_text",
      [](const std::string& html) {
        Result<std::string> text = std::string();
        {
          py::gil_scoped_release unlocked;
          text = html_to_text(html);
        }
        return unwrap(std::move(text));
      },
      py::arg("html"), "Converts an HTML page or fragment to the plain text offsets refer to.");

  m.def(
      "extract",
      [](py::handle document, std::vector<std::string> lexicons,
         std::vector<std::string> lexicon_names) {
        if (!py::isinstance<PyDocument>(document)) {
          type_error("extract() takes a crosscheck.Document, not " + type_name(document));
        }
        const Document& doc = document_of(document).doc;
        Options options = options_of(std::move(lexicons), std::move(lexicon_names), 1);
        Result<Extraction> x = Extraction{};
        {
          py::gil_scoped_release unlocked;
          x = extract(doc, options);
        }
        return PyExtraction(std::make_shared<const Extraction>(unwrap(std::move(x))));
      },
      py::arg("document"), py::arg("lexicons") = std::vector<std::string>{},
      py::arg("lexicon_names") = std::vector<std::string>{}, "Annotates one document.");

  m.def(
      "extract_all",
      [](const py::iterable& documents, std::vector<std::string> lexicons,
         std::vector<std::string> lexicon_names, unsigned threads) {
        std::vector<Document> docs = documents_of(documents, "extract_all");
        Options options = options_of(std::move(lexicons), std::move(lexicon_names), threads);
        Result<std::vector<Extraction>> xs = std::vector<Extraction>{};
        {
          py::gil_scoped_release unlocked;
          xs = extract_all(docs, options);
        }
        std::vector<PyExtraction> out;
        for (Extraction& x : unwrap(std::move(xs))) {
          out.emplace_back(std::make_shared<const Extraction>(std::move(x)));
        }
        return out;
      },
      py::arg("documents"), py::arg("lexicons") = std::vector<std::string>{},
      py::arg("lexicon_names") = std::vector<std::string>{}, py::arg("threads") = 0u,
      "Annotates every document, in parallel; results in input order.");

  m.def(
      "check",
      [](const py::iterable& documents, std::vector<std::string> lexicons,
         std::vector<std::string> lexicon_names, unsigned threads) {
        std::vector<Document> docs = documents_of(documents, "check");
        Options options = options_of(std::move(lexicons), std::move(lexicon_names), threads);
        Result<Report> report = Report{};
        {
          py::gil_scoped_release unlocked;
          report = check(docs, options);
        }
        return PyReport(std::make_shared<const Report>(unwrap(std::move(report))));
      },
      py::arg("documents"), py::arg("lexicons") = std::vector<std::string>{},
      py::arg("lexicon_names") = std::vector<std::string>{}, py::arg("threads") = 0u,
      "Extracts every document and compares their claims.");
}

}  // namespace crosscheck::python
