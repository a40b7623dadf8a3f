#include "claims/quote_claims.h"

namespace crosscheck::internal {

void append_quote_claims(const Annotations&, std::vector<Claim>&) {}

}  // namespace crosscheck::internal
