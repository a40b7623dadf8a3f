#include "ingest/flat_json.h"

#include <cstdint>
#include <cstring>

#include "util/json_bytes.h"
#include "util/utf8.h"

namespace crosscheck::internal {
namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The value of four hex digits at p, or -1.
long hex4(const char* p) {
  long v = 0;
  for (int k = 0; k < 4; ++k) {
    char c = p[k];
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return -1;
    }
    v = v * 16 + d;
  }
  return v;
}

class Reader {
 public:
  explicit Reader(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  void skip_space() {
    while (p_ < end_ && is_json_space(*p_)) ++p_;
  }
  bool eat(char c) {
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool at_end() const { return p_ == end_; }

  // A key without escapes, after its opening quote.
  bool key(std::string_view& out) {
    const char* begin = p_;
    bool non_ascii = false;  // (the caller checked the UTF-8)
    p_ = json_plain_run_end(p_, end_, non_ascii);
    if (p_ == end_ || *p_ != '"') return false;  // an escape or a control character
    out = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
    ++p_;
    return true;
  }

  // A string's contents, decoded, after its opening quote.
  bool string(std::string& out) {
    // Most bytes are copied in runs up to the next quote or backslash.
    for (;;) {
      const char* run = p_;
      bool non_ascii = false;  // (the caller checked the UTF-8)
      p_ = json_plain_run_end(p_, end_, non_ascii);
      out.append(run, static_cast<std::size_t>(p_ - run));
      if (p_ == end_) return false;
      char c = *p_++;
      if (c == '"') return true;
      if (c != '\\') return false;  // a control character
      if (p_ == end_) return false;
      switch (*p_++) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          if (end_ - p_ < 4) return false;
          long cp = hex4(p_);
          if (cp < 0) return false;
          p_ += 4;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end_ - p_ < 6 || p_[0] != '\\' || p_[1] != 'u') return false;
            long low = hex4(p_ + 2);
            if (low < 0xDC00 || low > 0xDFFF) return false;
            p_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, static_cast<char32_t>(cp));
          break;
        }
        default:
          return false;
      }
    }
  }

  bool literal_null() {
    if (end_ - p_ >= 4 && std::memcmp(p_, "null", 4) == 0) {
      p_ += 4;
      return true;
    }
    return false;
  }

 private:
  const char* p_;
  const char* end_;
};

}  // namespace

std::optional<std::vector<FlatMember>> parse_flat_object(std::string_view line) {
  Reader r(line);
  r.skip_space();
  if (!r.eat('{')) return std::nullopt;
  std::vector<FlatMember> members;
  r.skip_space();
  if (!r.eat('}')) {
    for (;;) {
      r.skip_space();
      if (!r.eat('"')) return std::nullopt;
      FlatMember& m = members.emplace_back();
      if (!r.key(m.key)) return std::nullopt;
      r.skip_space();
      if (!r.eat(':')) return std::nullopt;
      r.skip_space();
      if (r.eat('"')) {
        if (!r.string(m.value)) return std::nullopt;
      } else if (r.literal_null()) {
        m.is_null = true;
      } else {
        return std::nullopt;  // a number, boolean, array or object
      }
      r.skip_space();
      if (r.eat(',')) continue;
      if (r.eat('}')) break;
      return std::nullopt;
    }
  }
  r.skip_space();
  if (!r.at_end()) return std::nullopt;
  return members;
}

}  // namespace crosscheck::internal
