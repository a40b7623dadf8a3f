// JSON Lines ingest: any bytes give documents or one clean error; and the
// flat-record reader reads each line as nlohmann does, or leaves it alone.
#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "ingest/flat_json.h"
#include "util/utf8.h"

namespace {

void check_flat_reader(std::string_view content) {
  while (!content.empty()) {
    std::size_t eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content = eol == std::string_view::npos ? std::string_view() : content.substr(eol + 1);
    if (crosscheck::internal::find_invalid_utf8(line)) continue;  // (ingest's first check)
    auto flat = crosscheck::internal::parse_flat_object(line);
    if (!flat) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      crosscheck_fuzz::bug(std::string("flat reader read what nlohmann rejects: ") + e.what());
    }
    std::map<std::string, std::optional<std::string>> members;
    for (const auto& m : *flat) {
      members[std::string(m.key)] = m.is_null ? std::nullopt : std::optional<std::string>(m.value);
    }
    if (!j.is_object() || j.size() != members.size()) crosscheck_fuzz::bug("flat reader: members");
    for (const auto& [key, value] : members) {
      auto it = j.find(key);
      if (it == j.end()) crosscheck_fuzz::bug("flat reader: a key nlohmann lacks");
      bool same = value ? it->is_string() && it->get<std::string>() == *value : it->is_null();
      if (!same) crosscheck_fuzz::bug("flat reader: a value differs from nlohmann's");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  check_flat_reader(content);
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
