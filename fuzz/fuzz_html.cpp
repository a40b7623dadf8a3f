// HTML to text: any bytes give valid UTF-8 text or one clean error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  crosscheck::Limits limits;
  limits.max_nesting = 64;
  auto text = crosscheck::html_to_text(html, limits);
  if (!text) {
    crosscheck_fuzz::expect_no_internal_error(text.error());
    return 0;
  }
  if (crosscheck::internal::find_invalid_utf8(*text))
    crosscheck_fuzz::bug("HTML text is not UTF-8");
  return 0;
}
