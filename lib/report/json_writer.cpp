#include "report/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "util/json_bytes.h"
#include "util/utf8.h"

namespace crosscheck::internal {

namespace {

constexpr std::size_t kFlushBytes = 1u << 16;

}  // namespace

JsonWriter::JsonWriter(std::string& out, int indent, std::ostream* sink)
    : out_(out), indent_(indent), sink_(sink) {}

JsonWriter::~JsonWriter() = default;

void JsonWriter::flush() {
  if (!sink_) return;
  sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
  out_.clear();
}

void JsonWriter::maybe_flush() {
  if (sink_ && out_.size() >= kFlushBytes) flush();
}

void JsonWriter::newline_indent() {
  out_ += '\n';
  out_.append(levels_.size() * static_cast<std::size_t>(indent_), ' ');
}

// Separators as nlohmann writes them: "{\n  " before the first member, ",\n  "
// before the others (compact: "," only); nothing after a key.
void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (!level.first) out_ += ',';
  level.first = false;
  if (indent_ >= 0) newline_indent();
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  levels_.push_back({});
}

void JsonWriter::end_object() {
  const bool empty = levels_.back().first;
  levels_.pop_back();
  if (!empty && indent_ >= 0) newline_indent();
  out_ += '}';
  maybe_flush();
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  levels_.push_back({});
}

void JsonWriter::end_array() {
  const bool empty = levels_.back().first;
  levels_.pop_back();
  if (!empty && indent_ >= 0) newline_indent();
  out_ += ']';
  maybe_flush();
}

void JsonWriter::key(Key name) {
  before_value();
  out_ += '"';
  out_ += name.name();
  out_ += indent_ >= 0 ? "\": " : "\":";
  after_key_ = true;
}

void JsonWriter::dynamic_key(std::string_view name) {
  before_value();
  escaped(name);
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::string(std::string_view s) {
  before_value();
  escaped(s);
}

void JsonWriter::escaped(std::string_view s) {
  const char* p = s.data();
  const char* const end = p + s.size();
  bool non_ascii = false;
  const char* special = json_plain_run_end(p, end, non_ascii);
  // (Past a special byte the scan has not looked for non-ASCII bytes.)
  if ((non_ascii || special != end) && find_invalid_utf8(s)) {
    // Invalid UTF-8 (never in validated input): nlohmann's own replacement.
    out_ += nlohmann::json(std::string(s))
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out_ += '"';
  // Plain runs are copied whole; the bytes between them escaped.
  for (;;) {
    out_.append(p, static_cast<std::size_t>(special - p));
    if (special == end) break;
    const auto b = static_cast<unsigned char>(*special);
    switch (b) {
      case '\b':
        out_ += "\\b";
        break;
      case '\t':
        out_ += "\\t";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[b >> 4];
        out_ += kHex[b & 0xF];
      }
    }
    p = special + 1;
    bool ignored = false;
    special = json_plain_run_end(p, end, ignored);
  }
  out_ += '"';
}

void JsonWriter::string_or_null(std::string_view s) {
  if (s.empty()) {
    null();
  } else {
    string(s);
  }
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::integer(std::int64_t v) {
  before_value();
  std::array<char, 24> buffer;
  auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v).ptr;
  out_.append(buffer.data(), end);
}

void JsonWriter::unsigned_integer(std::uint64_t v) {
  before_value();
  std::array<char, 24> buffer;
  auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v).ptr;
  out_.append(buffer.data(), end);
}

void JsonWriter::real(double v) {
  before_value();
  if (!std::isfinite(v)) {
    out_ += "null";
    return;
  }
  std::array<char, 64> buffer;
  auto* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
  out_.append(buffer.data(), end);
}

void JsonWriter::raw(std::string_view text) { out_ += text; }

}  // namespace crosscheck::internal
