// Knowledge the annotators share: the built-in gazetteer and synonym sets,
// extended at run time by user lexicons (`--lexicon FILE`).
#ifndef CROSSCHECK_LIB_ANNOTATE_LEXICON_H_
#define CROSSCHECK_LIB_ANNOTATE_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/result.h"

namespace crosscheck::internal {

/// A known entity: canonical key, display name, type and surface forms.
struct LexiconEntity {
  std::string id;    ///< "org:nato", "loc:amman", "per:jens_stoltenberg"
  std::string name;  ///< "NATO"
  std::string type;  ///< PERSON | ORGANIZATION | LOCATION | OTHER
  std::vector<std::string> aliases;     ///< surface forms, any case
  std::vector<std::string> located_in;  ///< entity ids of containing places
  std::vector<std::string> tags;        ///< e.g. "arab_world", "capital"
};

/// A set of phrases that mean the same ("counter-terrorism", "fighting terrorism").
struct SynonymSet {
  std::string canonical;
  std::vector<std::string> variants;
};

/// The merged lexicon; immutable once built, shared across threads.
class Lexicon {
 public:
  /// Built-in data plus the given JSON lexicon texts (see README for the format).
  static Result<std::shared_ptr<const Lexicon>> build(const std::vector<std::string>& extra_json);
  /// The built-in data alone (built once).
  static std::shared_ptr<const Lexicon> builtin();

  const std::vector<LexiconEntity>& entities() const { return entities_; }
  const std::vector<SynonymSet>& synonyms() const { return synonyms_; }
  /// Canonical phrase for `phrase` (case-insensitive), or `phrase` itself.
  std::string canonical_phrase(std::string_view phrase) const;

 private:
  std::vector<LexiconEntity> entities_;
  std::vector<SynonymSet> synonyms_;
  friend class LexiconBuilder;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_ANNOTATE_LEXICON_H_
