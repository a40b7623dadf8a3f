// Shared pieces of crosscheck._core: errors carried to Python, offset
// conversion, and the Python-facing value types.
#ifndef CROSSCHECK_BINDINGS_PYTHON_CORE_H_
#define CROSSCHECK_BINDINGS_PYTHON_CORE_H_

#include <crosscheck/crosscheck.h>
#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace crosscheck::python {

namespace py = pybind11;

/// A crosscheck::Error on its way to Python, where the registered translator
/// turns it into the matching crosscheck.Error subclass.
struct CoreError : std::exception {
  explicit CoreError(Error e) : error(std::move(e)) {}
  const char* what() const noexcept override { return "crosscheck error"; }
  Error error;
};

/// The value of a Result, or a CoreError.
template <typename T>
T unwrap(Result<T>&& result) {
  if (!result) throw CoreError(result.error());
  return std::move(result).value();
}

/// Raises `crosscheck.<error>` for `error` (a Python exception, GIL held).
[[noreturn]] void throw_core_error(const Error& error);

/// Maps UTF-8 byte offsets to code point offsets (Python str indices) with a
/// small checkpoint table, so huge texts cost little memory.
class CharIndex {
 public:
  explicit CharIndex(std::string_view text);
  /// Code points in text[0, byte); offsets past the end are clamped.
  std::size_t operator()(std::size_t byte) const;

 private:
  static constexpr std::size_t kBlock = 256;
  std::string_view text_;
  std::vector<std::size_t> before_block_;  // code points before each block
};

/// A byte range with its code point twin.
struct Located {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t char_begin = 0;
  std::size_t char_end = 0;
};

inline Located locate(const Span& span, const CharIndex& index) {
  return {span.begin, span.end, index(span.begin), index(span.end)};
}

/// A document as Python sees it; `inferred` is set when it comes out of an analysis.
struct PyDocument {
  Document doc;
  std::optional<InferredDate> inferred;
};

struct PyInferredDate {
  InferredDate date;
  Located at;
};
struct PySentence {
  Located at;
  std::string text;
};
struct PyTime {
  TimeExpr time;
  Located at;
};
struct PyQuantity {
  Quantity quantity;
  Located at;
};
struct PyMention {
  std::string text;
  Located at;
};
struct PyEntity {
  Entity entity;
  std::vector<PyMention> mentions;
};
struct PyQuote {
  Quote quote;
  Located at;
  std::optional<PyMention> speaker_mention;
};
struct PyClaim {
  Claim claim;
  Located at;
  Located evidence_at;
};
struct PyFinding {
  Finding finding;
};

/// One document's annotations; shares ownership of the C++ result.
class PyExtraction {
 public:
  explicit PyExtraction(std::shared_ptr<const Extraction> extraction);
  const Extraction& get() const { return *x_; }
  const CharIndex& index() const { return index_; }

  py::object document();
  py::object published_inferred();
  py::list sentences();
  py::list times();
  py::list quantities();
  py::list entities();
  py::list quotes();
  py::list claims();

 private:
  std::shared_ptr<const Extraction> x_;
  CharIndex index_;
  // Converted lazily, once; handed out as fresh lists.
  py::object sentences_, times_, quantities_, entities_, quotes_, claims_;
};

/// The result of a check; shares ownership of the C++ report.
class PyReport {
 public:
  explicit PyReport(std::shared_ptr<const Report> report);
  PyReport(const PyReport&) = delete;
  PyReport& operator=(const PyReport&) = delete;
  PyReport(PyReport&&) = default;
  PyReport& operator=(PyReport&&) = default;
  const Report& get() const { return *r_; }

  py::list documents();
  py::list extractions();
  py::list entities();
  py::list claims();
  py::list findings();
  py::object claim(const std::string& id);
  py::object document(const std::string& id);
  py::object extraction(const std::string& id);

 private:
  const CharIndex& index_of(const std::string& document_id);
  std::shared_ptr<const Report> r_;
  std::unordered_map<std::string, std::size_t> document_position_;
  std::vector<std::unique_ptr<CharIndex>> indexes_;
  std::unordered_map<std::string, std::size_t> claim_position_;
  py::object documents_, extractions_, entities_, claims_, findings_;
};

PyClaim make_claim(const Claim& claim, const CharIndex& index);
PyEntity make_entity(const Entity& entity, const CharIndex* index);
/// `typed_value` as in the JSON report.
py::dict typed_value(const ClaimValue& value);

/// Binds the document type and the input functions.
void bind_documents(py::module_& m);
/// Binds the result types (Extraction, Report and what they hold).
void bind_results(py::module_& m);

/// "text…" cut to about `max_chars` code points, for reprs.
std::string shorten(std::string_view text, std::size_t max_chars = 60);
/// Python repr of a string.
std::string quoted(std::string_view text);

}  // namespace crosscheck::python

#endif  // CROSSCHECK_BINDINGS_PYTHON_CORE_H_
