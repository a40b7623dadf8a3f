// Sentences and tokens of a document's text, with byte offsets (UAX #29 rules;
// our own splitter, ICU where it cannot decide).
#ifndef CROSSCHECK_LIB_TEXT_SEGMENT_H_
#define CROSSCHECK_LIB_TEXT_SEGMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/types.h"

namespace crosscheck::internal {

/// A word, number or punctuation mark; spaces are not tokens.
struct Token {
  enum class Kind : std::uint8_t { kWord, kNumber, kPunct, kSymbol };
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t sentence = 0;  ///< index into TextLayer::sentences
  Kind kind = Kind::kWord;
};

/// The segmented text every annotator reads. `text` must outlive it.
struct TextLayer {
  std::string_view text;
  std::vector<Span> sentences;
  std::vector<Token> tokens;
  /// tokens of sentence i are [sentence_tokens[i], sentence_tokens[i + 1]).
  std::vector<std::uint32_t> sentence_tokens;
  /// The text with A-Z lower-cased (other bytes unchanged), then 8 NUL bytes so
  /// that word-sized loads may run past the end. Made once here for the time
  /// and quote taggers, which both read it.
  std::string lower;

  std::string_view token_text(std::size_t i) const {
    return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  std::string_view span_text(Span s) const { return text.substr(s.begin, s.end - s.begin); }
  /// Index of the sentence containing byte `offset` (the last one at the end).
  std::size_t sentence_at(std::size_t offset) const;
};

/// Splits valid UTF-8 text into sentences and tokens. Abbreviations such as
/// "Mr.", "U.S." and "Dec." do not end sentences; line breaks that separate
/// headlines or list items do.
TextLayer segment(std::string_view text);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_TEXT_SEGMENT_H_
