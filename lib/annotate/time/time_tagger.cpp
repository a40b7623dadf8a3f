#include "annotate/time/time_tagger.h"

namespace crosscheck::internal {

// Placeholder until the temporal tagger lands (issue: temporal expressions).
std::vector<TimeExpr> tag_times(const TextLayer&, const std::optional<CivilDate>&) { return {}; }

std::optional<InferredDate> infer_publication_date(const TextLayer&) { return std::nullopt; }

}  // namespace crosscheck::internal
