// Sentence boundaries as ICU's English sentence iterator (with our extra
// abbreviations) finds them: a hand-written splitter for speed, and ICU
// itself as the fallback and the reference the splitter is tested against.
#ifndef CROSSCHECK_LIB_TEXT_SENTENCE_SPLIT_H_
#define CROSSCHECK_LIB_TEXT_SENTENCE_SPLIT_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "text/segment.h"

namespace crosscheck::internal {

/// The break positions (byte offsets, ascending, the last one text.size();
/// none for empty text) of UAX #29 sentence segmentation, as ICU's English
/// rules compute them, then without the breaks ICU's abbreviation filter
/// suppresses (when `with_abbreviations`). nullopt when the splitter cannot
/// promise ICU's answer: invalid UTF-8, text of 2 GiB or more, or a case of
/// the filter whose ICU result is unspecified; callers then use ICU.
/// `valid_utf8` says the caller has checked the text already (validate()).
std::optional<std::vector<std::uint32_t>> fast_sentence_breaks(std::string_view text,
                                                               bool with_abbreviations = true,
                                                               bool valid_utf8 = false);
/// The same into `breaks` (cleared first; its storage is reused): false
/// where the above gives nullopt.
bool fast_sentence_breaks(std::string_view text, bool with_abbreviations, bool valid_utf8,
                          std::vector<std::uint32_t>& breaks);

/// The same breaks from ICU's iterators (the reference; slow).
std::vector<std::uint32_t> icu_sentence_breaks(std::string_view text,
                                               bool with_abbreviations = true);

/// segment() as it was before its fast paths, for tests that compare them
/// with it: ICU's sentence iterator, and ICU's word iterator for every run
/// (text between ASCII white space) with a non-ASCII character.
TextLayer segment_with_icu(std::string_view text);

/// segment() for text known to be valid UTF-8 (validate() has checked every
/// document that extraction gets), which is then not checked again.
TextLayer segment_valid_utf8(std::string_view text);

/// The same into `layer`, reusing its buffers (tokens, lower-cased text) when
/// they are large enough: for callers that segment document after document.
void segment_valid_utf8(std::string_view text, TextLayer& layer);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_TEXT_SENTENCE_SPLIT_H_
