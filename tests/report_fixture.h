// A hand-built report shared by the report tests (not a test binary itself).
#ifndef CROSSCHECK_TESTS_REPORT_FIXTURE_H_
#define CROSSCHECK_TESTS_REPORT_FIXTURE_H_

#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "compare/compare.h"
#include "crosscheck/crosscheck.h"
#include "graph/claim_graph.h"
#include "util/date.h"

namespace crosscheck::testing {

inline std::int32_t day(const char* iso) {
  return internal::days_from_civil(*internal::parse_iso_date(iso));
}

inline void add_doc(Report& r, const std::string& id, const std::string& source,
                    const std::string& published, const std::string& text) {
  Extraction x;
  x.document.id = id;
  x.document.source = source;
  x.document.published = published;
  x.document.text = text;
  r.extractions.push_back(x);
}

// A claim whose words are `words` inside the document's only sentence.
inline Claim& add_claim(Report& r, const std::string& doc, const std::string& words) {
  const Document* d = nullptr;
  for (const Extraction& x : r.extractions) {
    if (x.document.id == doc) d = &x.document;
  }
  REQUIRE(d);
  Claim c;
  c.id = doc + "#" + std::to_string(r.claims.size() + 1);
  c.document = doc;
  c.subject = "fac:office";
  c.subject_name = "the Amman office";
  c.predicate = "opening";
  c.type = "event_date";
  c.modality = "asserted";
  c.polarity = "positive";
  c.evidence = d->text;
  c.evidence_span = Span{0, d->text.size()};
  std::size_t at = d->text.find(words);
  REQUIRE(at != std::string::npos);
  c.span = Span{at, at + words.size()};
  c.value = words;
  r.claims.push_back(c);
  return r.claims.back();
}

// Three reports on an office opening: the date unknown in July 2024, then
// known; a lifecycle that moves on; two outlets listing the office's focus.
inline Report sample_report() {
  Report r;
  // add_claim returns references into r.claims: no reallocation may move them.
  r.claims.reserve(16);
  add_doc(r, "early", "The Daily", "2024-07-10",
          "It is unclear when the office would be officially opened.");
  add_doc(r, "late", "", "",
          "On September 16, 2025, the alliance officially inaugurated its office.");
  add_doc(r, "wire", "Wire & Co <Ltd>", "2024-07-12",
          "The office will focus on training, cyber security and climate change.");
  add_doc(r, "paper", "The Paper", "2024-07-11",
          "The office will focus on training and cyber security.");
  Claim& u = add_claim(r, "early", "unclear when");
  u.typed.kind = ClaimValue::Kind::kUnknownTime;
  Claim& k = add_claim(r, "late", "September 16, 2025");
  k.typed.kind = ClaimValue::Kind::kTime;
  k.typed.time = TimeInterval{day("2025-09-16"), day("2025-09-16"), Granularity::kDay};
  k.typed.time_value = "2025-09-16";
  Claim& s1 = add_claim(r, "wire", "training, cyber security and climate change");
  s1.type = "scope";
  s1.predicate = "focus";
  s1.typed.kind = ClaimValue::Kind::kSet;
  s1.typed.items = {"training", "cyber security", "climate change"};
  Claim& s2 = add_claim(r, "paper", "training and cyber security");
  s2.type = "scope";
  s2.predicate = "focus";
  s2.typed.kind = ClaimValue::Kind::kSet;
  s2.typed.items = {"training", "cyber security"};
  Claim& l1 = add_claim(r, "wire", "will focus");
  l1.type = "lifecycle";
  l1.typed.kind = ClaimValue::Kind::kState;
  l1.typed.state = "announced";
  l1.typed.stage = 3;
  Claim& l2 = add_claim(r, "late", "officially inaugurated");
  l2.type = "lifecycle";
  l2.typed.kind = ClaimValue::Kind::kState;
  l2.typed.state = "inaugurated";
  l2.typed.stage = 5;
  l2.typed.time = k.typed.time;
  Claim& only = add_claim(r, "paper", "cyber security");
  only.type = "superlative";
  only.predicate = "priority";
  only.typed.kind = ClaimValue::Kind::kText;
  only.typed.text = "cyber security";
  internal::ClaimGraph graph(r);
  r.findings = internal::compare_claims(r, graph);
  for (std::size_t i = 0; i < r.findings.size(); ++i)
    r.findings[i].id = "f" + std::to_string(i + 1);
  return r;
}

struct Run {
  int status = -1;
  std::string out;
};

inline Run run(const std::string& command) {
  Run r;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_REPORT_FIXTURE_H_
