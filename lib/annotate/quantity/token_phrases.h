// Token-level phrase tables read from data files, shared by the quantity
// tagger and the claim extractor. Matching is case-insensitive, over tokens,
// so no regular expression ever runs over document text.
#ifndef CROSSCHECK_LIB_ANNOTATE_QUANTITY_TOKEN_PHRASES_H_
#define CROSSCHECK_LIB_ANNOTATE_QUANTITY_TOKEN_PHRASES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/segment.h"

namespace crosscheck::internal {

/// Lowercases ASCII, maps the typographic apostrophe to "'".
std::string normalise_token(std::string_view token);

/// Normalised token texts of a whole document, with possessive "'s" removed
/// (`possessive` records where it was).
struct NormalisedTokens {
  std::vector<std::string> words;
  std::vector<bool> possessive;
};
NormalisedTokens normalise_tokens(const TextLayer& text);

/// A list of phrases with up to two payload fields, from a TSV data file.
class PhraseTable {
 public:
  struct Entry {
    std::vector<std::string> words;
    std::string value;  ///< second column (or the phrase itself)
    std::string extra;  ///< third column, may be empty
  };
  struct Match {
    const Entry* entry = nullptr;
    std::size_t length = 0;  ///< tokens matched
    explicit operator bool() const { return entry != nullptr; }
  };

  /// Loads lib/data/`name`; the phrase is split into tokens like document text.
  explicit PhraseTable(std::string_view name);
  /// Longest phrase starting at token `i` (only tokens before `end` are used).
  Match match(const std::vector<std::string>& words, std::size_t i, std::size_t end) const;
  /// Whether the single word is a one-token phrase of the table.
  const Entry* find_word(std::string_view word) const;
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_ANNOTATE_QUANTITY_TOKEN_PHRASES_H_
