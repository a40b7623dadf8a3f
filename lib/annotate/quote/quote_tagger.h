// Direct quotations and their speakers.
#ifndef CROSSCHECK_LIB_ANNOTATE_QUOTE_QUOTE_TAGGER_H_
#define CROSSCHECK_LIB_ANNOTATE_QUOTE_QUOTE_TAGGER_H_

#include <vector>

#include "annotate/annotations.h"

namespace crosscheck::internal {

/// Finds quotes and attributes each to a speaker entity where the text allows.
std::vector<Quote> tag_quotes(const TextLayer& text, const EntityLayer& entities);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_ANNOTATE_QUOTE_QUOTE_TAGGER_H_
