// Byte scans shared by the JSON reader and writer.
#ifndef CROSSCHECK_LIB_UTIL_JSON_BYTES_H_
#define CROSSCHECK_LIB_UTIL_JSON_BYTES_H_

#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace crosscheck::internal {

/// The first byte in [p, end) that a JSON string cannot hold as it is (a
/// quote, a backslash or a control character below 0x20), or `end`. Sets
/// `non_ascii` when a byte of 0x80 or more comes before it.
inline const char* json_plain_run_end(const char* p, const char* end, bool& non_ascii) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  // Bytes below 0x20 are those whose value XOR 0x80, as signed, is below -96.
  const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i control_limit = _mm_set1_epi8(static_cast<char>(0x80 + 0x20));
  int high = 0;
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i stop =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                     _mm_cmplt_epi8(_mm_xor_si128(v, flip), control_limit));
    if (int mask = _mm_movemask_epi8(stop)) {
      int at = __builtin_ctz(static_cast<unsigned>(mask));
      high |= _mm_movemask_epi8(v) & ((1 << at) - 1);
      non_ascii |= high != 0;
      return p + at;
    }
    high |= _mm_movemask_epi8(v);
    p += 16;
  }
  non_ascii |= high != 0;
#endif
  for (; p < end; ++p) {
    auto c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\' || c < 0x20) break;
    non_ascii |= c >= 0x80;
  }
  return p;
}

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_UTIL_JSON_BYTES_H_
