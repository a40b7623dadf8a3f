// Word-level comparison of two quotations (see quote_compare.cpp).
#ifndef CROSSCHECK_LIB_COMPARE_QUOTE_COMPARE_H_
#define CROSSCHECK_LIB_COMPARE_QUOTE_COMPARE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::internal {

/// How two quotations of one speaker relate.
struct QuoteComparison {
  enum class Kind : std::uint8_t {
    kVerbatim,     ///< byte-identical
    kPunctuation,  ///< the same words; punctuation or case differ
    kExcerpt,      ///< one is a contiguous run of the other's words
    kReworded,     ///< evidently the same statement in different words
    kDifferent,    ///< too little in common to be the same statement
  };
  Kind kind = Kind::kDifferent;
  std::size_t common = 0;   ///< words in the longest common subsequence
  std::size_t words_a = 0;  ///< words of the first quote
  std::size_t words_b = 0;  ///< words of the second quote
  std::string diff;         ///< word diff: shared words, [-only a-], {+only b+}
};

/// The normalised words of a quotation (lower case, no punctuation, no "'s").
std::vector<std::string> quote_words(std::string_view text);

/// Classifies two quotations and computes their word diff.
QuoteComparison compare_quotes(std::string_view a, std::string_view b);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_COMPARE_QUOTE_COMPARE_H_
