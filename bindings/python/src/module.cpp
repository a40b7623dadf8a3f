// crosscheck._core: a thin pybind11 layer over the C++ API. The Pythonic
// argument handling lives in the crosscheck package that re-exports it.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "core.h"

namespace crosscheck::python {

namespace {

const char* code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage:
      return "usage";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kInput:
      return "input";
    case ErrorCode::kEncoding:
      return "encoding";
    case ErrorCode::kLimit:
      return "limit";
    case ErrorCode::kLexicon:
      return "lexicon";
  }
  return "input";
}

py::object none_or(const std::string& s) { return s.empty() ? py::none() : py::object(py::str(s)); }

// Sets the Python error for `error` (GIL held); never throws.
void set_python_error(const Error& error) {
  try {
    py::object make = py::module_::import("crosscheck._errors").attr("_from_core");
    py::object exc = make(code_name(error.code), error.message(), none_or(error.file),
                          error.line > 0 ? py::object(py::int_(error.line)) : py::none(),
                          none_or(error.document), error.detail);
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
  } catch (py::error_already_set& e) {
    // The package is broken or missing; still report the error itself.
    e.discard_as_unraisable("crosscheck._errors");
    PyErr_SetString(PyExc_RuntimeError, error.message().c_str());
  }
}

}  // namespace

void throw_core_error(const Error& error) {
  set_python_error(error);
  throw py::error_already_set();
}

CharIndex::CharIndex(std::string_view text) : text_(text) {
  before_block_.reserve(text.size() / kBlock + 1);
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) before_block_.push_back(count);
    // Every byte but a continuation byte starts a code point.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
}

std::size_t CharIndex::operator()(std::size_t byte) const {
  byte = std::min(byte, text_.size());
  const std::size_t block = byte / kBlock;
  if (block >= before_block_.size()) {
    // Only byte == size on a block boundary (or an empty text) gets here.
    if (before_block_.empty()) return 0;
    std::size_t count = before_block_.back();
    for (std::size_t i = (before_block_.size() - 1) * kBlock; i < byte; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++count;
    }
    return count;
  }
  std::size_t count = before_block_[block];
  for (std::size_t i = block * kBlock; i < byte; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string shorten(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (chars == max_chars) return out + "\u2026";
      ++chars;
    }
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : static_cast<char>(c);
  }
  return out;
}

std::string quoted(std::string_view text) {
  return py::repr(py::str(std::string(text))).cast<std::string>();
}

}  // namespace crosscheck::python

PYBIND11_MODULE(_core, m) {
  namespace cp = crosscheck::python;
  m.doc() =
      "crosscheck native core. Use the `crosscheck` package, which re-exports these types "
      "with Pythonic argument handling.";
  m.attr("__version__") = CROSSCHECK_VERSION;

  pybind11::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const cp::CoreError& e) {
      cp::set_python_error(e.error);
    }
  });

  cp::bind_documents(m);
  cp::bind_results(m);
}
