// A document's validation in place, for the pipeline and ingest (validate()
// takes and returns the document by value, which moves it three times).
#ifndef CROSSCHECK_LIB_PIPELINE_VALIDATE_H_
#define CROSSCHECK_LIB_PIPELINE_VALIDATE_H_

#include <optional>

#include "crosscheck/crosscheck.h"

namespace crosscheck::internal {

/// What validate() checks, on `document` in place (whose date it then cuts to
/// YYYY-MM-DD): the error, or nullopt when the document is valid.
std::optional<Error> validation_error(Document& document, const Limits& limits);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_PIPELINE_VALIDATE_H_
