// find_invalid_utf8 skips ASCII 64 and 16 bytes at a time; it must still find
// the first bad byte (and the first NUL) wherever it lies relative to those
// blocks.
#include "util/utf8.h"

#include <doctest/doctest.h>
#include <unicode/utf8.h>

#include <optional>
#include <random>
#include <string>

using crosscheck::internal::find_invalid_utf8;

namespace {

// ICU's strict decoder as the reference (it rejects overlongs, surrogates
// and values past U+10FFFF, as find_invalid_utf8 does).
std::optional<std::size_t> reference(const std::string& s) {
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return static_cast<std::size_t>(at);
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("find_invalid_utf8 finds the first bad byte at every offset") {
  const std::string bad[] = {"\xff",         "\xc0\xaf",         "\xe2\x80",
                             "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80"};
  const std::string good[] = {"a", "\xc3\xa9", "\xe2\x80\x99", "\xf0\x9f\x91\x8d"};
  for (const std::string& b : bad) {
    for (std::size_t offset = 0; offset < 140; ++offset) {
      for (const std::string& g : good) {
        std::string text;
        while (text.size() < offset) text += text.size() % 7 == 3 ? g : "x";
        const std::size_t at = text.size();
        text += b;
        text += std::string(20, 'y');
        CAPTURE(offset);
        CHECK(find_invalid_utf8(text) == std::optional<std::size_t>(at));
        CHECK(find_invalid_utf8(text.substr(0, at)) == std::nullopt);
      }
    }
  }
}

TEST_CASE("find_invalid_utf8 equals ICU's strict decoding on random bytes") {
  std::mt19937 random(7);
  const std::string pieces[] = {"abc",
                                "def ghi jkl mno",
                                "\xc3\xa9",
                                "\xe2\x80\x9c",
                                "\xf0\x9f\x91\x8d",
                                "\xff",
                                "\xc3",
                                "\x80",
                                "\xed\xb0\x80",
                                std::string(17, 'z')};
  std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1), count(0, 30);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (std::size_t k = count(random); k > 0; --k) text += pieces[piece(random)];
    CAPTURE(text);
    CHECK(find_invalid_utf8(text) == reference(text));
    std::size_t nul = 0;
    CHECK(find_invalid_utf8(text, nul) == reference(text));
    if (!reference(text)) CHECK(nul == std::string::npos);
  }
}

TEST_CASE("find_invalid_utf8 finds the first NUL byte of valid text at every offset") {
  const std::string others[] = {"x", "\xc3\xa9", "\xe2\x80\x99"};
  for (std::size_t offset = 0; offset < 160; ++offset) {
    for (const std::string& other : others) {
      std::string text;
      while (text.size() < offset) text += text.size() % 11 == 5 ? other : "x";
      const std::size_t at = text.size();
      text += '\0';
      text += std::string(offset % 3 == 0 ? 70 : 5, 'y');
      text += '\0';  // (not the first)
      CAPTURE(offset);
      std::size_t nul = 0;
      CHECK(find_invalid_utf8(text, nul) == std::nullopt);
      CHECK(nul == at);
      CHECK(find_invalid_utf8(text.substr(0, at), nul) == std::nullopt);
      CHECK(nul == std::string::npos);
      // Invalid UTF-8 after the NUL is still found.
      CHECK(find_invalid_utf8(text + "\xff", nul) == std::optional<std::size_t>(text.size()));
    }
  }
}
