// Errors as values: every fallible crosscheck call returns Result<T>.
#ifndef CROSSCHECK_RESULT_H_
#define CROSSCHECK_RESULT_H_

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace crosscheck {

/// What went wrong, in categories a caller can act on.
enum class ErrorCode {
  kUsage,       ///< bad arguments to the checker or the API
  kIo,          ///< a file could not be read or written
  kInput,       ///< a document or input line is malformed
  kEncoding,    ///< text is not valid UTF-8
  kLimit,       ///< an input exceeds a configured limit
  kLexicon,     ///< a lexicon file is malformed
  kInternal,    ///< a bug in crosscheck (an exception escaped a stage); please report it
};

/// One error with where it happened; message() is a single line for users.
struct Error {
  ErrorCode code = ErrorCode::kInput;
  std::string file;      ///< input file, empty when not from a file
  std::size_t line = 0;  ///< 1-based line in `file`, 0 when not known
  std::string document;  ///< document id, when known
  std::string detail;    ///< what is wrong, without location

  /// "file:line: detail" (or "document 'id': detail"), one line.
  std::string message() const;
};

/// Either a value or an Error, in the spirit of std::expected.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}    // NOLINT: implicit by design

  /// True when a value is held.
  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  /// The value; only valid when ok().
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  /// The error; only valid when !ok().
  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_RESULT_H_
