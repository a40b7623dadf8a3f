// Quotes as claims ("X said '...'"), so findings about quotes cite claims.
#ifndef CROSSCHECK_LIB_CLAIMS_QUOTE_CLAIMS_H_
#define CROSSCHECK_LIB_CLAIMS_QUOTE_CLAIMS_H_

#include <vector>

#include "annotate/annotations.h"

namespace crosscheck::internal {

/// Appends one claim of type "quote" per attributed quote: subject = speaker
/// id, predicate "said", value = the quoted words, evidence = the sentence(s).
void append_quote_claims(const Annotations& annotations, std::vector<Claim>& claims);

/// The same claims added to `claims`, and all of them put in text order (by
/// span; ties keep `claims`' order, then the quotes'). Each quote's claim is
/// made in its final place and each other claim moved at most once.
void add_quote_claims_in_text_order(const Annotations& annotations, std::vector<Claim>& claims);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_CLAIMS_QUOTE_CLAIMS_H_
