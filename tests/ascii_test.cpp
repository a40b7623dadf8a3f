// ASCII character classes: the same as the C library's in the "C" locale for
// every byte, and unchanged when the process runs in another locale.
#include "util/ascii.h"

#include <doctest/doctest.h>

#include <cctype>
#include <clocale>
#include <string>

using crosscheck::internal::ascii_alnum;
using crosscheck::internal::ascii_alpha;
using crosscheck::internal::ascii_digit;
using crosscheck::internal::ascii_lower;
using crosscheck::internal::ascii_lowered;

TEST_CASE("ASCII classes equal the C locale's for every byte") {
  REQUIRE(std::string(std::setlocale(LC_CTYPE, nullptr)) == "C");
  for (int b = 0; b < 256; ++b) {
    CAPTURE(b);
    auto u = static_cast<unsigned char>(b);
    CHECK(ascii_digit(u) == (std::isdigit(b) != 0));
    CHECK(ascii_alpha(u) == (std::isalpha(b) != 0));
    CHECK(ascii_alnum(u) == (std::isalnum(b) != 0));
    CHECK(static_cast<unsigned char>(ascii_lower(static_cast<char>(b))) == std::tolower(b));
  }
  // The string form lowers ASCII capitals only; UTF-8 bytes stay as they are.
  CHECK(ascii_lowered("NATO-Jordan \xC3\x89t\xC3\xA9") == "nato-jordan \xC3\x89t\xC3\xA9");
  CHECK(ascii_lowered("").empty());
}

TEST_CASE("ASCII classes ignore the process's locale") {
  // A single-byte locale classifies bytes above 0x7F as letters; crosscheck
  // must not. (Skipped where no such locale is installed.)
  const char* latin1 = nullptr;
  for (const char* name : {"en_US.ISO-8859-1", "en_US.iso88591", "de_DE.ISO-8859-1", "C.UTF-8"}) {
    if (std::setlocale(LC_CTYPE, name)) {
      latin1 = name;
      break;
    }
  }
  if (!latin1) {
    MESSAGE("no other locale installed: skipped");
    return;
  }
  CAPTURE(latin1);
  for (int b = 0x80; b < 256; ++b) {
    auto u = static_cast<unsigned char>(b);
    CHECK_FALSE(ascii_alnum(u));
    CHECK(ascii_lower(static_cast<char>(b)) == static_cast<char>(b));
  }
  CHECK(ascii_lower('Q') == 'q');
  CHECK(ascii_lowered("NATO-Jordan \xC3\x89t\xC3\xA9") == "nato-jordan \xC3\x89t\xC3\xA9");
  std::setlocale(LC_CTYPE, "C");
}
