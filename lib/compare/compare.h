// Verdicts: which claims agree, contradict or supersede one another.
#ifndef CROSSCHECK_LIB_COMPARE_COMPARE_H_
#define CROSSCHECK_LIB_COMPARE_COMPARE_H_

#include <vector>

#include "crosscheck/types.h"
#include "graph/claim_graph.h"

namespace crosscheck::internal {

/// Compares the report's claims group by group; findings in a stable order.
std::vector<Finding> compare_claims(const Report& report, ClaimGraph& graph);

/// The same speaker's words on the same occasion quoted differently by two
/// documents (see lib/compare/quote_compare.cpp).
std::vector<Finding> find_quote_divergences(const Report& report);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_COMPARE_COMPARE_H_
