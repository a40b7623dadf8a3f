// Pairwise comparison rules by value type (see compare.cpp), exposed for tests.
#ifndef CROSSCHECK_LIB_COMPARE_RULES_H_
#define CROSSCHECK_LIB_COMPARE_RULES_H_

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "crosscheck/types.h"

namespace crosscheck::internal {

/// Lifecycle states grouped into phases (lib/data/compare/lifecycle_phases.tsv).
struct LifecyclePhases {
  std::map<std::string, int> phase_of;  ///< lowercase state -> phase
  /// The built-in table (thread-safe, built once).
  static const LifecyclePhases& builtin();
  /// The phase of a state value, when the state is in the table.
  std::optional<int> phase(const ClaimValue& value) const;
};

/// When a claim speaks: a day (exact, or a lower bound for undated reports of
/// past events), or unknown.
struct When {
  static constexpr std::int32_t kUnknown = std::numeric_limits<std::int32_t>::min();
  std::int32_t day = kUnknown;  ///< days since 1970-01-01
  bool exact = false;           ///< false: the claim speaks on or after `day`
  bool known() const { return day != kUnknown; }
};

/// How two claims about the same thing relate.
enum class Rel : std::uint8_t { kUnrelated, kCompatible, kConflict, kSupersedes };

/// A pairwise verdict with the rule that decided it.
struct Relation {
  Rel rel = Rel::kUnrelated;
  std::string rule;  ///< e.g. "time.granularity"
  std::string why;   ///< one clause for people
  int later = -1;    ///< kSupersedes: 0 when the first claim is the newer one, 1 for the second
};

/// Per-report facts the rules need: document dates, place containment.
class CompareContext {
 public:
  explicit CompareContext(const Report& report);
  /// When the claim speaks (as_of, else the document's date, else a bound).
  When when(const Claim& claim) const;
  /// True when a lifecycle state says the thing has happened (opened, held...).
  bool phase_is_done(const ClaimValue& value) const;
  /// True when entity `inner` lies in `outer` (located_in, transitively).
  bool contains_place(const std::string& outer, const std::string& inner) const;
  /// The outlet's name (or the document id).
  std::string outlet(const Claim& claim) const;
  /// "The National, 2024-07-10" (or "..., undated").
  std::string dated_outlet(const Claim& claim) const;

  const LifecyclePhases* phases;

 private:
  struct DocumentDate {
    std::optional<std::int32_t> day;
    bool inferred = false;
    const Document* document = nullptr;
  };
  std::unordered_map<std::string, DocumentDate> documents;
  std::unordered_map<std::string, std::vector<std::string>> located_in;
};

/// Compares two claims with the same claim key.
Relation relate(const CompareContext& context, const Claim& a, const Claim& b);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_COMPARE_RULES_H_
