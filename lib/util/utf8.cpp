#include "util/utf8.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace crosscheck::internal {

namespace {

// find_invalid_utf8(), and with kFindNul the first NUL byte in *first_nul
// (left as it is, npos, when there is none; not looked for past an invalid
// sequence).
template <bool kFindNul>
std::optional<std::size_t> scan_utf8(std::string_view text, std::size_t* first_nul) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  [[maybe_unused]] auto note_nul = [&](std::size_t at) {
    if (*first_nul == std::string_view::npos) *first_nul = at;
  };
  while (i < n) {
    // Most text is ASCII: skip it 64 bytes at a time, then 16, up to the next
    // byte >= 0x80.
#if defined(__SSE2__)
    [[maybe_unused]] const __m128i zero = _mm_setzero_si128();
    for (; i + 64 <= n; i += 64) {
      const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 16));
      const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 32));
      const __m128i d = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 48));
      if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) != 0) break;
      if constexpr (kFindNul) {
        const __m128i nuls =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, zero), _mm_cmpeq_epi8(b, zero)),
                         _mm_or_si128(_mm_cmpeq_epi8(c, zero), _mm_cmpeq_epi8(d, zero)));
        if (_mm_movemask_epi8(nuls) != 0 && *first_nul == std::string_view::npos) {
          for (std::size_t k = i;; ++k) {
            if (s[k] == 0) {
              note_nul(k);
              break;
            }
          }
        }
      }
    }
    for (; i + 16 <= n; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      const auto high = static_cast<unsigned>(_mm_movemask_epi8(v));
      const unsigned ascii = high == 0 ? 16 : static_cast<unsigned>(__builtin_ctz(high));
      if constexpr (kFindNul) {
        const auto nuls =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero))) & ((1u << ascii) - 1);
        if (nuls != 0) note_nul(i + static_cast<unsigned>(__builtin_ctz(nuls)));
      }
      if (high != 0) {
        i += ascii;
        break;
      }
    }
#else
    for (std::uint64_t word; i + 8 <= n; i += 8) {
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080u) break;
      // (A zero byte: one whose low seven bits, plus 0x7F, do not carry.)
      if constexpr (kFindNul) {
        if ((~(((word & 0x7F7F7F7F7F7F7F7Fu) + 0x7F7F7F7F7F7F7F7Fu) | word) &
             0x8080808080808080u) != 0) {
          for (std::size_t k = i; k < i + 8; ++k) {
            if (s[k] == 0) {
              note_nul(k);
              break;
            }
          }
        }
      }
    }
#endif
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      if constexpr (kFindNul) {
        if (c == 0) note_nul(i);
      }
      ++i;
      continue;
    }
    std::size_t len;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  return scan_utf8<false>(text, nullptr);
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text, std::size_t& first_nul) {
  first_nul = std::string_view::npos;
  return scan_utf8<true>(text, &first_nul);
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

std::size_t code_points_before(std::string_view text, std::size_t byte_offset) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i) {
    count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return count;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace crosscheck::internal
