// Quotes as claims ("X said '...'"), so findings about quotes cite claims.
#ifndef CROSSCHECK_LIB_CLAIMS_QUOTE_CLAIMS_H_
#define CROSSCHECK_LIB_CLAIMS_QUOTE_CLAIMS_H_

#include <vector>

#include "annotate/annotations.h"

namespace crosscheck::internal {

/// Appends one claim of type "quote" per attributed quote: subject = speaker
/// id, predicate "said", value = the quoted words, evidence = the sentence(s).
void append_quote_claims(const Annotations& annotations, std::vector<Claim>& claims);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_CLAIMS_QUOTE_CLAIMS_H_
