// Derived input limits shared by the readers.
#ifndef CROSSCHECK_LIB_INGEST_LIMITS_H_
#define CROSSCHECK_LIB_INGEST_LIMITS_H_

#include <cstddef>
#include <limits>

#include "crosscheck/crosscheck.h"

namespace crosscheck::internal {

/// `factor` times the document limit, saturating instead of wrapping around.
inline std::size_t scaled_limit(const Limits& limits, std::size_t factor) {
  constexpr std::size_t kMax = std::numeric_limits<std::size_t>::max();
  return limits.max_document_bytes > kMax / factor ? kMax : limits.max_document_bytes * factor;
}

/// HTML carries markup around its text: a page may be this large.
inline std::size_t html_limit(const Limits& limits) { return scaled_limit(limits, 4); }

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_INGEST_LIMITS_H_
