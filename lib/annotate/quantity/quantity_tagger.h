// Counts and measures with approximators turned into bounds.
#ifndef CROSSCHECK_LIB_ANNOTATE_QUANTITY_QUANTITY_TAGGER_H_
#define CROSSCHECK_LIB_ANNOTATE_QUANTITY_QUANTITY_TAGGER_H_

#include <vector>

#include "annotate/quantity/token_phrases.h"
#include "crosscheck/types.h"
#include "text/segment.h"

namespace crosscheck::internal {

/// Finds quantities; numbers inside `times` (years, days) are not quantities.
std::vector<Quantity> tag_quantities(const TextLayer& text, const std::vector<TimeExpr>& times);
/// The same with the text's words already interned (normalise_tokens(text)).
std::vector<Quantity> tag_quantities(const TextLayer& text, const std::vector<TimeExpr>& times,
                                     const NormalisedTokens& norm);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_ANNOTATE_QUANTITY_QUANTITY_TAGGER_H_
