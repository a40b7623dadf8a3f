// Typed claims: what each sentence asserts, with time, modality and evidence.
#ifndef CROSSCHECK_LIB_CLAIMS_CLAIM_EXTRACTOR_H_
#define CROSSCHECK_LIB_CLAIMS_CLAIM_EXTRACTOR_H_

#include <vector>

#include "annotate/annotations.h"

namespace crosscheck::internal {

/// Extracts claims from an annotated document. The pipeline sets `id` and
/// `document` afterwards (numbering in text order).
std::vector<Claim> extract_claims(const Annotations& annotations);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_CLAIMS_CLAIM_EXTRACTOR_H_
