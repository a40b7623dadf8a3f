// Knowledge the annotators share: the built-in gazetteer and synonym sets,
// extended at run time by user lexicons (`--lexicon FILE`).
#ifndef CROSSCHECK_LIB_ANNOTATE_LEXICON_H_
#define CROSSCHECK_LIB_ANNOTATE_LEXICON_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crosscheck/result.h"
#include "util/string_index.h"

namespace crosscheck::internal {

/// A known entity: canonical key, display name, type and surface forms.
struct LexiconEntity {
  std::string id;                       ///< "org:nato", "loc:amman", "per:jens_stoltenberg"
  std::string name;                     ///< "NATO"
  std::string type;                     ///< PERSON | ORGANIZATION | LOCATION | OTHER
  std::vector<std::string> aliases;     ///< surface forms, any case
  std::vector<std::string> located_in;  ///< entity ids of containing places
  std::vector<std::string> tags;        ///< e.g. "arab_world", "capital"
};

/// A set of phrases that mean the same ("counter-terrorism", "fighting terrorism").
struct SynonymSet {
  std::string canonical;
  std::vector<std::string> variants;
};

/// One entity an alias key can name; `acronym` when the alias is written in capitals.
struct AliasHit {
  std::size_t entity = 0;  ///< index into Lexicon::entities()
  bool acronym = false;    ///< alias is all capitals ("NATO", "UN")
};

/// An alias key, or a prefix of one, in the alias index.
struct AliasKeyInfo {
  std::vector<AliasHit> hits;  ///< entities with exactly this key; empty: only a prefix
};

/// The merged lexicon; immutable once built, shared across threads.
class Lexicon {
 public:
  /// Built-in data plus the given JSON lexicon texts (see README for the format).
  static Result<std::shared_ptr<const Lexicon>> build(const std::vector<std::string>& extra_json,
                                                      const std::vector<std::string>& names = {});
  /// The built-in data alone (built once).
  static std::shared_ptr<const Lexicon> builtin();

  const std::vector<LexiconEntity>& entities() const { return entities_; }
  const std::vector<SynonymSet>& synonyms() const { return synonyms_; }
  /// Canonical phrase for `phrase` (case-insensitive), or `phrase` itself.
  std::string canonical_phrase(std::string_view phrase) const;

  /// Matching key of a phrase: ASCII letters lowered, digits and non-ASCII kept,
  /// everything else dropped ("Co-operation" -> "cooperation", "U.N." -> "un").
  static std::string key(std::string_view phrase);
  /// Appends key(phrase) to `out` (no allocation when `out` has room).
  static void append_key(std::string_view phrase, std::string& out);
  /// Writes key(phrase) at `out` (room for phrase.size() bytes); returns its end.
  static char* write_key(std::string_view phrase, char* out);
  /// Entities having an alias (or name) with this key(), or nullptr.
  const std::vector<AliasHit>* find_alias(std::string_view key) const;
  /// The alias index's entry for `key` when some alias key starts with it, else
  /// nullptr: then no phrase whose key starts with `key` is an alias.
  const AliasKeyInfo* find_alias_prefix(std::string_view key) const {
    return alias_index_.find(key);
  }
  /// The same, given `hash == short_string_hash(key)`.
  const AliasKeyInfo* find_alias_prefix(std::string_view key, std::uint64_t hash) const {
    return alias_index_.find(key, hash);
  }
  /// The entity with this id, or nullptr.
  const LexiconEntity* find_id(std::string_view id) const;
  /// Longest alias or name, in words (hyphenated parts count as words).
  std::size_t max_alias_words() const { return max_alias_words_; }
  /// True when place `inner` is `outer` or lies inside it (transitively, by ids).
  bool contains(std::string_view outer, std::string_view inner) const;
  /// True when the entity with this id carries `tag`.
  bool has_tag(std::string_view id, std::string_view tag) const;

 private:
  std::vector<LexiconEntity> entities_;
  std::vector<SynonymSet> synonyms_;
  // Lookups by string_view without building a std::string.
  struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using IndexMap = std::unordered_map<std::string, std::size_t, TransparentHash, std::equal_to<>>;

  StringIndex<AliasKeyInfo> alias_index_;  // every alias key and every prefix of one
  IndexMap id_index_;
  IndexMap synonym_index_;  // key -> synonyms_ index
  std::size_t max_alias_words_ = 1;
  friend class LexiconBuilder;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_ANNOTATE_LEXICON_H_
