// The whole extract path on one document: offsets stay inside the text and
// the JSON parses. The first byte picks a publication date (or none).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kDates[] = {"", "2024-07-12", "2025-09-16", "1999-12-31", "2024-02-29"};
  crosscheck::Document d;
  d.id = "fuzz";
  d.published = kDates[data[0] % 5];
  d.text.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  crosscheck::Options options;
  options.threads = 1;
  auto x = crosscheck::extract(d, options);
  if (!x) {
    crosscheck_fuzz::expect_no_internal_error(x.error());
    return 0;
  }
  crosscheck_fuzz::expect_consistent(*x);
  return 0;
}
