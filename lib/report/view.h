// What the text and HTML reports share: lookups, dates, marked evidence and
// the claims no other source speaks to.
#ifndef CROSSCHECK_LIB_REPORT_VIEW_H_
#define CROSSCHECK_LIB_REPORT_VIEW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compare/rules.h"
#include "crosscheck/types.h"

namespace crosscheck::internal {

/// An evidence sentence split around the claim's own words.
struct MarkedEvidence {
  std::string before;
  std::string words;  ///< empty when the claim's span is not inside the sentence
  std::string after;
};

/// Read-only indexes over a report for rendering.
class ReportView {
 public:
  explicit ReportView(const Report& report);
  const Report& report() const { return report_; }
  /// The claim with this id, or null.
  const Claim* claim(const std::string& id) const;
  /// The document with this id, or null.
  const Document* document(const std::string& id) const;
  /// The outlet's name, or the document id.
  std::string outlet(const std::string& document) const;
  /// "2024-07-10", "2024-07-10 (inferred)" or "undated".
  std::string date(const std::string& document) const;
  /// The claim's time for ordering (as_of, document date, or the date of a
  /// past event it reports); nullopt when unknown.
  std::optional<std::int32_t> day(const Claim& claim) const;
  /// The evidence sentence with whitespace folded and the claim's words split out.
  MarkedEvidence evidence(const Claim& claim) const;
  /// Claims in no finding, in report order (quotes excluded): single-source.
  std::vector<const Claim*> single_source() const;
  /// Lifecycle claims (states and unknown dates) ordered by date, undated last.
  std::vector<const Claim*> timeline() const;
  /// The claims of a finding in display order: superseded contradictions
  /// newest first, others as listed.
  std::vector<const Claim*> finding_claims(const Finding& finding) const;

 private:
  const Report& report_;
  CompareContext context_;
  std::unordered_map<std::string, const Claim*> claims_;
  std::unordered_map<std::string, const Extraction*> documents_;
};

/// "2025-09-16" for a day number.
std::string iso_day(std::int32_t day);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_REPORT_VIEW_H_
