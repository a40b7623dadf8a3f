// The per-document blackboard that annotators fill in pipeline order.
#ifndef CROSSCHECK_LIB_ANNOTATE_ANNOTATIONS_H_
#define CROSSCHECK_LIB_ANNOTATE_ANNOTATIONS_H_

#include <memory>
#include <optional>
#include <vector>

#include "annotate/lexicon.h"
#include "annotate/quantity/token_phrases.h"
#include "crosscheck/types.h"
#include "text/segment.h"
#include "util/date.h"

namespace crosscheck::internal {

/// How an entity is referred to at one place.
struct EntityMention {
  enum class Kind : std::uint8_t { kName, kAcronym, kTitle, kDescription, kPronoun };
  Span span;
  std::size_t entity = 0;  ///< index into EntityLayer::entities
  Kind kind = Kind::kName;
};

/// Entities of one document and where each is mentioned (text order).
struct EntityLayer {
  std::vector<Entity> entities;
  std::vector<EntityMention> mentions;
};

/// Everything known about one document so far.
struct Annotations {
  const Document* document = nullptr;
  const Lexicon* lexicon = nullptr;
  std::optional<CivilDate> anchor;  ///< publication date, given or inferred
  std::optional<InferredDate> published_inferred;
  TextLayer text;
  /// The text's words interned once (normalise_tokens), shared by quantities
  /// and claims; null when no stage made them (claims then make their own).
  std::shared_ptr<const NormalisedTokens> normalised;
  std::vector<TimeExpr> times;
  std::vector<Quantity> quantities;
  EntityLayer entities;
  std::vector<Quote> quotes;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_ANNOTATE_ANNOTATIONS_H_
