// ASCII character classes. The C library's (std::tolower, std::isalnum) follow
// the process's locale, which a host application may set (Python sets
// LC_CTYPE from the environment); crosscheck's output must not depend on it.
#ifndef CROSSCHECK_LIB_UTIL_ASCII_H_
#define CROSSCHECK_LIB_UTIL_ASCII_H_

#include <string>
#include <string_view>

namespace crosscheck::internal {

constexpr bool ascii_digit(unsigned char c) { return static_cast<unsigned>(c) - '0' < 10u; }
constexpr bool ascii_alpha(unsigned char c) { return static_cast<unsigned>(c | 0x20) - 'a' < 26u; }
constexpr bool ascii_alnum(unsigned char c) { return ascii_alpha(c) || ascii_digit(c); }
/// 'A'..'Z' to 'a'..'z'; every other byte as it is.
constexpr char ascii_lower(char c) {
  return static_cast<unsigned>(static_cast<unsigned char>(c)) - 'A' < 26u
             ? static_cast<char>(c + 32)
             : c;
}

/// A copy of `s` with 'A'..'Z' lowered.
inline std::string ascii_lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_UTIL_ASCII_H_
