// JSON Lines ingest: any bytes give documents or one clean error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  crosscheck::ReadOptions options;
  options.limits.max_document_bytes = 1 << 16;
  options.limits.max_nesting = 64;
  auto docs = crosscheck::parse_jsonl(content, "fuzz.jsonl", options);
  if (!docs) {
    crosscheck_fuzz::expect_no_internal_error(docs.error());
    if (docs.error().file != "fuzz.jsonl") crosscheck_fuzz::bug("error names no file");
    return 0;
  }
  for (const crosscheck::Document& d : *docs) {
    // What ingest accepts, validation accepts too.
    auto valid = crosscheck::validate(d, options.limits);
    if (!valid)
      crosscheck_fuzz::bug("ingest accepted what validate rejects: " + valid.error().message());
  }
  return 0;
}
