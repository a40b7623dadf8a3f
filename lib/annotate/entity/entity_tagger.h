// Named entities, aliases and within-document coreference.
#ifndef CROSSCHECK_LIB_ANNOTATE_ENTITY_ENTITY_TAGGER_H_
#define CROSSCHECK_LIB_ANNOTATE_ENTITY_ENTITY_TAGGER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/annotations.h"

namespace crosscheck::internal {

/// Finds entity mentions and groups them into entities with canonical ids.
EntityLayer tag_entities(const TextLayer& text, const Lexicon& lexicon);

/// Merges entities across documents: rewrites ids in every extraction (entities,
/// quotes, claims) so one real thing has one id, and returns the canonical list.
std::vector<Entity> link_entities(std::vector<Extraction>& extractions, const Lexicon& lexicon);

/// The entity the words at `span` refer to: the mention overlapping `span` the
/// most (names, acronyms, "Mr X", and resolved descriptions such as "the
/// alliance", "the office", "the Amman office", "NATO's liaison office"), or
/// nullopt when no mention overlaps it.
std::optional<std::size_t> entity_at(const EntityLayer& layer, Span span);

/// The most recent PERSON mentioned before byte `offset` (an antecedent for
/// "he"/"she"), looking back at most `max_sentences` sentences; nullopt if none.
std::optional<std::size_t> person_before(const EntityLayer& layer, const TextLayer& text,
                                         std::size_t offset, std::size_t max_sentences = 3);

/// The id of an entity named `name`: `prefix` and the name in lower case,
/// words joined by '_', apostrophes and dots dropped ("per:", "Beto O'Rourke"
/// -> "per:beto_orourke").
std::string entity_id(std::string_view prefix, std::string_view name);

/// Index of the entity with this id in the layer, or nullopt.
std::optional<std::size_t> entity_index(const EntityLayer& layer, std::string_view id);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_ANNOTATE_ENTITY_ENTITY_TAGGER_H_
