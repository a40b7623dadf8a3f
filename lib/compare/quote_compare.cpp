#include "compare/compare.h"

namespace crosscheck::internal {

std::vector<Finding> find_quote_divergences(const Report&) { return {}; }

}  // namespace crosscheck::internal
