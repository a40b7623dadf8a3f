#include "claims/claim_extractor.h"

namespace crosscheck::internal {

std::vector<Claim> extract_claims(const Annotations&) { return {}; }

}  // namespace crosscheck::internal
