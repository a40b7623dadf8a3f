// Temporal expressions: recognition and TIMEX3 normalisation.
#ifndef CROSSCHECK_LIB_ANNOTATE_TIME_TIME_TAGGER_H_
#define CROSSCHECK_LIB_ANNOTATE_TIME_TIME_TAGGER_H_

#include <optional>
#include <vector>

#include "crosscheck/types.h"
#include "text/segment.h"
#include "util/date.h"

namespace crosscheck::internal {

/// Finds and normalises temporal expressions, resolving relative ones
/// against `anchor` (the publication date); unresolvable ones keep X's.
std::vector<TimeExpr> tag_times(const TextLayer& text, const std::optional<CivilDate>& anchor);

/// Reads a publication date from a byline or dateline near the start.
std::optional<InferredDate> infer_publication_date(const TextLayer& text);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_ANNOTATE_TIME_TIME_TAGGER_H_
