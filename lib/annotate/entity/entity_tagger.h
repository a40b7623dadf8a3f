// Named entities, aliases and within-document coreference.
#ifndef CROSSCHECK_LIB_ANNOTATE_ENTITY_ENTITY_TAGGER_H_
#define CROSSCHECK_LIB_ANNOTATE_ENTITY_ENTITY_TAGGER_H_

#include <vector>

#include "annotate/annotations.h"

namespace crosscheck::internal {

/// Finds entity mentions and groups them into entities with canonical ids.
EntityLayer tag_entities(const TextLayer& text, const Lexicon& lexicon);

/// Merges entities across documents: rewrites ids in every extraction (entities,
/// quotes, claims) so one real thing has one id, and returns the canonical list.
std::vector<Entity> link_entities(std::vector<Extraction>& extractions, const Lexicon& lexicon);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_ANNOTATE_ENTITY_ENTITY_TAGGER_H_
