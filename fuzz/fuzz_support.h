// Shared checks for the fuzz targets: an internal error or an offset outside
// the text is a bug, so it aborts and libFuzzer keeps the input.
#ifndef CROSSCHECK_FUZZ_FUZZ_SUPPORT_H_
#define CROSSCHECK_FUZZ_FUZZ_SUPPORT_H_

#include <crosscheck/crosscheck.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

namespace crosscheck_fuzz {

[[noreturn]] inline void bug(const std::string& what) {
  std::fprintf(stderr, "crosscheck fuzz: %s\n", what.c_str());
  std::abort();
}

inline void expect_no_internal_error(const crosscheck::Error& error) {
  if (error.code == crosscheck::ErrorCode::kInternal) bug(error.message());
  if (error.message().find('\n') != std::string::npos) bug("multi-line error: " + error.message());
}

inline void expect_span(const crosscheck::Span& span, std::size_t size, const char* what) {
  if (span.begin > span.end || span.end > size) {
    bug(std::string(what) + " span [" + std::to_string(span.begin) + ", " +
        std::to_string(span.end) + ") outside text of " + std::to_string(size) + " bytes");
  }
}

/// Every offset of an extraction lies inside its text, and its JSON parses.
inline void expect_consistent(const crosscheck::Extraction& x) {
  const std::size_t n = x.document.text.size();
  for (const auto& s : x.sentences) expect_span(s, n, "sentence");
  for (const auto& t : x.times) expect_span(t.span, n, "time");
  for (const auto& q : x.quantities) expect_span(q.span, n, "quantity");
  for (const auto& e : x.entities) {
    for (const auto& m : e.mentions) expect_span(m.span, n, "entity mention");
  }
  for (const auto& q : x.quotes) {
    expect_span(q.span, n, "quote");
    if (q.speaker_mention) expect_span(*q.speaker_mention, n, "speaker mention");
  }
  for (const auto& c : x.claims) {
    expect_span(c.span, n, "claim");
    expect_span(c.evidence_span, n, "claim evidence");
  }
  const std::string json = crosscheck::to_json(x);
  if (!nlohmann::json::accept(json)) bug("extract JSON does not parse");
}

}  // namespace crosscheck_fuzz

#endif  // CROSSCHECK_FUZZ_FUZZ_SUPPORT_H_
