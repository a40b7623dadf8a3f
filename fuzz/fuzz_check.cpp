// check() over up to four fuzzed documents (split at form feeds), with
// every report format rendered.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  static const char* const kDates[] = {"2024-07-10", "", "2025-09-16", "2024-07-12"};
  std::vector<crosscheck::Document> docs;
  while (!input.empty() && docs.size() < 4) {
    const std::size_t cut = docs.size() == 3 ? std::string_view::npos : input.find('\f');
    crosscheck::Document d;
    d.id = "d" + std::to_string(docs.size() + 1);
    d.source = "outlet " + std::to_string(docs.size() % 2);
    d.published = kDates[docs.size()];
    d.text = std::string(input.substr(0, cut));
    docs.push_back(std::move(d));
    input = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 1);
  }
  crosscheck::Options options;
  options.threads = 1;
  auto report = crosscheck::check(docs, options);
  if (!report) {
    crosscheck_fuzz::expect_no_internal_error(report.error());
    return 0;
  }
  for (const auto& x : report->extractions) crosscheck_fuzz::expect_consistent(x);
  for (const auto& f : report->findings) {
    for (const auto& id : f.claims) {
      bool found = false;
      for (const auto& c : report->claims) found = found || c.id == id;
      if (!found) crosscheck_fuzz::bug("finding " + f.id + " names unknown claim " + id);
    }
  }
  if (!nlohmann::json::accept(crosscheck::to_json(*report)))
    crosscheck_fuzz::bug("report JSON does not parse");
  (void)crosscheck::to_text(*report);
  (void)crosscheck::to_html(*report);
  (void)crosscheck::to_dot(*report);
  (void)crosscheck::to_graphml(*report);
  return 0;
}
