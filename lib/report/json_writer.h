// A streaming JSON writer whose output is byte for byte what nlohmann::json's
// dump() prints (indent 2 or compact, UTF-8 kept, invalid UTF-8 replaced), so
// large reports are written without building a document tree first.
#ifndef CROSSCHECK_LIB_REPORT_JSON_WRITER_H_
#define CROSSCHECK_LIB_REPORT_JSON_WRITER_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::internal {

class JsonWriter {
 public:
  /// Writes into `out`; with `sink`, `out` is a buffer flushed to it as it
  /// fills. `indent` < 0 writes compact JSON (nlohmann's dump(-1)).
  JsonWriter(std::string& out, int indent, std::ostream* sink = nullptr);
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// A key written in the source: checked when compiling to need no escaping,
  /// so it is copied as it is.
  class Key {
   public:
    consteval Key(const char* name) : name_(name) {  // NOLINT: implicit from literals
      for (char c : name_) {
        auto b = static_cast<unsigned char>(c);
        if (b == '"' || b == '\\' || b < 0x20 || b >= 0x80) throw "this key needs escaping";
      }
    }
    std::string_view name() const { return name_; }

   private:
    std::string_view name_;
  };

  /// An object member's key, known when compiling; the value follows.
  void key(Key name);
  /// An object member's key from data (escaped); the value follows.
  void dynamic_key(std::string_view name);

  void string(std::string_view s);
  /// A string, or null when it is empty.
  void string_or_null(std::string_view s);
  void null();
  void boolean(bool b);
  void integer(std::int64_t v);
  void unsigned_integer(std::uint64_t v);
  /// A double as nlohmann prints it (null when not finite).
  void real(double v);
  /// Appends text as is (a newline after the document).
  void raw(std::string_view text);
  /// Writes the buffer to the sink (no-op without one).
  void flush();

 private:
  void before_value();
  void escaped(std::string_view s);
  void newline_indent();
  void maybe_flush();

  std::string& out_;
  int indent_;
  std::ostream* sink_;
  struct Level {
    bool first = true;
  };
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_REPORT_JSON_WRITER_H_
