#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace crosscheck::internal {
namespace {

// ICU break iterators are expensive to build and not thread-safe; each thread
// clones its own from prototypes built once.
struct Prototypes {
  std::unique_ptr<icu::BreakIterator> sentence;
  std::unique_ptr<icu::BreakIterator> word;
};

const Prototypes& prototypes() {
  static const Prototypes kPrototypes = [] {
    Prototypes p;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale& en = icu::Locale::getEnglish();
    std::unique_ptr<icu::BreakIterator> raw(icu::BreakIterator::createSentenceInstance(en, status));
    std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
        icu::FilteredBreakIteratorBuilder::createInstance(en, status));
    if (U_SUCCESS(status) && builder) {
      // Abbreviations common in news that ICU's English list lacks.
      for (const char* abbr : {"Gen.", "Lt.", "Col.", "Sen.", "Rep.", "Gov.", "Capt.", "Sgt.",
                               "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
                               "Jr.", "Sr.", "St.", "No.", "Corp.", "Inc.", "Ltd.", "Co.",
                               "Rev.", "Prof.", "Dr.", "Mt.", "Ft.", "Adm.", "Cmdr."}) {
        builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbr), status);
      }
      p.sentence.reset(builder->build(raw.release(), status));
    } else {
      p.sentence = std::move(raw);
    }
    status = U_ZERO_ERROR;
    p.word.reset(icu::BreakIterator::createWordInstance(en, status));
    return p;
  }();
  return kPrototypes;
}

bool is_space_run(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
  }
  return true;
}

Token::Kind kind_of(std::string_view s) {
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  if (c < 0) return Token::Kind::kSymbol;
  if (u_isdigit(c)) return Token::Kind::kNumber;
  if (u_isalpha(c)) return Token::Kind::kWord;
  if (u_ispunct(c)) return Token::Kind::kPunct;
  return Token::Kind::kSymbol;
}

}  // namespace

std::size_t TextLayer::sentence_at(std::size_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](std::size_t o, const Span& s) { return o < s.begin; });
  return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin()) - 1;
}

TextLayer segment(std::string_view text) {
  TextLayer layer;
  layer.text = text;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return layer;
  std::unique_ptr<icu::BreakIterator> sentences(prototypes().sentence->clone());
  std::unique_ptr<icu::BreakIterator> words(prototypes().word->clone());
  sentences->setText(ut, status);
  words->setText(ut, status);

  // Sentences, trimmed of surrounding white space; empty ones are dropped.
  for (int32_t start = sentences->first(), end = sentences->next(); end != icu::BreakIterator::DONE;
       start = end, end = sentences->next()) {
    std::size_t b = static_cast<std::size_t>(start), e = static_cast<std::size_t>(end);
    while (b < e && is_space_run(text.substr(b, 1))) ++b;
    while (e > b && is_space_run(text.substr(e - 1, 1))) --e;
    // Multi-byte white space (NBSP etc.) is left in; it is rare at edges.
    if (b < e) layer.sentences.push_back(Span{b, e});
  }

  // Tokens: ICU word segments that are not white space.
  for (int32_t start = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    std::string_view piece = text.substr(start, end - start);
    if (piece.empty() || is_space_run(piece)) continue;
    layer.tokens.push_back(Token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end),
                                 0, kind_of(piece)});
  }
  utext_close(ut);

  // Assign tokens to sentences (both are in text order).
  layer.sentence_tokens.assign(layer.sentences.size() + 1, 0);
  std::size_t s = 0;
  for (std::size_t t = 0; t < layer.tokens.size(); ++t) {
    while (s + 1 < layer.sentences.size() && layer.tokens[t].begin >= layer.sentences[s + 1].begin) {
      layer.sentence_tokens[++s] = static_cast<std::uint32_t>(t);
    }
    layer.tokens[t].sentence = static_cast<std::uint32_t>(s);
  }
  for (std::size_t k = s + 1; k <= layer.sentences.size(); ++k) {
    layer.sentence_tokens[k] = static_cast<std::uint32_t>(layer.tokens.size());
  }
  return layer;
}

}  // namespace crosscheck::internal
