#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>

namespace crosscheck::internal {
namespace {

// Real sentences are far shorter; see segment().
constexpr std::size_t kMaxSentenceBytes = 4096;

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
      for (const char* abbr : {"Gen.", "Lt.",   "Col.", "Sen.",  "Rep.",  "Gov.", "Capt.", "Sgt.",
                               "Jan.", "Feb.",  "Aug.", "Sept.", "Sep.",  "Oct.", "Nov.",  "Dec.",
                               "Jr.",  "Sr.",   "St.",  "No.",   "Corp.", "Inc.", "Ltd.",  "Co.",
                               "Rev.", "Prof.", "Dr.",  "Mt.",   "Ft.",   "Adm.", "Cmdr."}) {
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

// ASCII white space, other ASCII, and bytes of non-ASCII characters.
struct ByteClasses {
  static constexpr std::uint8_t kSpace = 0, kAscii = 1, kNonAscii = 2;
  std::uint8_t of[256];
  constexpr ByteClasses() : of() {
    for (int c = 0; c < 256; ++c) {
      of[c] = c >= 0x80 ? kNonAscii
              : (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v')
                  ? kSpace
                  : kAscii;
    }
  }
  std::uint8_t operator[](char c) const { return of[static_cast<unsigned char>(c)]; }
};

const ByteClasses& byte_classes() {
  static constexpr ByteClasses kClasses;
  return kClasses;
}

// Word_Break classes of the ASCII characters that are not white space, as
// ICU's word rules have them (UAX #29 with CLDR's tailoring: '@' is a letter,
// ':' is not MidLetter). tests/segment_tokens_test.cpp checks them against ICU.
enum class AsciiClass : std::uint8_t {
  kLetter,
  kNumeric,
  kMidNumLet,
  kMidNum,
  kExtendNumLet,
  kOther
};

struct AsciiTables {
  AsciiClass word_class[128];
  Token::Kind kind[128];
};

const AsciiTables& ascii_tables() {
  static const AsciiTables kTables = [] {
    AsciiTables t{};
    for (int c = 0; c < 128; ++c) {
      AsciiClass k = AsciiClass::kOther;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@')
        k = AsciiClass::kLetter;
      else if (c >= '0' && c <= '9')
        k = AsciiClass::kNumeric;
      else if (c == '.' || c == '\'')
        k = AsciiClass::kMidNumLet;  // '\'' is Single_Quote: same here
      else if (c == ',' || c == ';')
        k = AsciiClass::kMidNum;
      else if (c == '_')
        k = AsciiClass::kExtendNumLet;
      t.word_class[c] = k;
      const char ch = static_cast<char>(c);
      t.kind[c] = kind_of(std::string_view(&ch, 1));
    }
    return t;
  }();
  return kTables;
}

// Splits text[begin, end), ASCII without white space, into UAX #29 word
// segments: letters, digits and '_' join (WB5, WB8-WB10, WB13a/b); '.' and
// '\'' join letters to letters (WB6/WB7) and digits to digits (WB11/WB12),
// ',' and ';' join digits to digits; anything else stands alone (WB999).
void split_ascii_words(std::string_view text, std::size_t begin, std::size_t end,
                       std::vector<Token>& tokens) {
  const AsciiTables& t = ascii_tables();
  auto cls = [&](std::size_t i) { return t.word_class[static_cast<unsigned char>(text[i])]; };
  auto joins = [](AsciiClass c) {
    return c == AsciiClass::kLetter || c == AsciiClass::kNumeric || c == AsciiClass::kExtendNumLet;
  };
  for (std::size_t i = begin; i < end;) {
    std::size_t j = i + 1;
    if (joins(cls(i))) {
      while (j < end) {
        const AsciiClass c = cls(j);
        if (joins(c)) {
          ++j;
          continue;
        }
        if (j + 1 < end) {
          const AsciiClass before = cls(j - 1), after = cls(j + 1);
          const bool letters = before == AsciiClass::kLetter && after == AsciiClass::kLetter &&
                               c == AsciiClass::kMidNumLet;
          const bool digits = before == AsciiClass::kNumeric && after == AsciiClass::kNumeric &&
                              (c == AsciiClass::kMidNum || c == AsciiClass::kMidNumLet);
          if (letters || digits) {
            j += 2;
            continue;
          }
        }
        break;
      }
    }
    tokens.push_back(Token{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), 0,
                           t.kind[static_cast<unsigned char>(text[i])]});
    i = j;
  }
}

// ICU's word segments of text[begin, end). The run follows ASCII white space
// (or starts the text), so `begin` is a boundary unless a combining mark
// attaches to that space (UAX #29 WB4); `end` is one too.
void split_icu_words(std::string_view text, std::size_t begin, std::size_t end,
                     icu::BreakIterator& words, std::vector<Token>& tokens) {
  int32_t start = static_cast<int32_t>(begin);
  if (!words.isBoundary(start)) start = words.preceding(start);
  for (int32_t stop = words.next();
       stop != icu::BreakIterator::DONE && start < static_cast<int32_t>(end);
       start = stop, stop = words.next()) {
    std::string_view piece = text.substr(start, stop - start);
    if (piece.empty() || is_space_run(piece)) continue;
    tokens.push_back(Token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(stop), 0,
                           kind_of(piece)});
  }
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
  // The sentence iterator reads a UTF-16 copy: ICU's rules run on UTF-16, and
  // its UTF-8 UText maps every chunk (half of the iterator's time here). Its
  // boundaries are mapped back to byte offsets as they come, in order.
  std::vector<UChar> utf16;
  int32_t utf16_length = 0;
  bool use_utf16 = false, all_ascii = true;
  if (text.size() < static_cast<std::size_t>(INT32_MAX)) {
    utf16.resize(text.size() + 1);  // never more units than bytes
    const auto size = static_cast<int32_t>(text.size());
    use_utf16 = true;
    for (int32_t i = 0; i < size;) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80) {
        utf16[utf16_length++] = byte;
        ++i;
        continue;
      }
      all_ascii = false;
      UChar32 c;
      U8_NEXT(text.data(), i, size, c);
      if (c < 0) {  // invalid UTF-8: ICU reads the bytes as before
        use_utf16 = false;
        break;
      }
      U16_APPEND_UNSAFE(utf16.data(), utf16_length, c);
    }
  }
  status = U_ZERO_ERROR;
  UText* sentence_text =
      use_utf16 ? utext_openUChars(nullptr, utf16.data(), utf16_length, &status)
                : utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return layer;
  std::unique_ptr<icu::BreakIterator> sentences(prototypes().sentence->clone());
  sentences->setText(sentence_text, status);
  // UTF-16 index -> byte offset, moving forward only.
  std::size_t mapped_bytes = 0;
  int32_t mapped_units = 0;
  auto byte_offset = [&](int32_t boundary) -> std::size_t {
    if (!use_utf16 || all_ascii) return static_cast<std::size_t>(boundary);
    while (mapped_units < boundary && mapped_bytes < text.size()) {
      const unsigned char lead = static_cast<unsigned char>(text[mapped_bytes]);
      const std::size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      mapped_bytes += bytes;
      mapped_units += bytes == 4 ? 2 : 1;
    }
    return mapped_bytes;
  };

  // Sentences, trimmed of surrounding white space; empty ones are dropped.
  for (int32_t start = sentences->first(), end = sentences->next(); end != icu::BreakIterator::DONE;
       start = end, end = sentences->next()) {
    std::size_t b = byte_offset(start), e = byte_offset(end);
    while (b < e && is_space_run(text.substr(b, 1))) ++b;
    while (e > b && is_space_run(text.substr(e - 1, 1))) --e;
    // Multi-byte white space (NBSP etc.) is left in; it is rare at edges.
    // A "sentence" longer than any real one (text without punctuation) is cut
    // at white space so per-sentence work in the annotators stays bounded.
    while (e - b > kMaxSentenceBytes) {
      std::size_t cut = b + kMaxSentenceBytes;
      while (cut > b + kMaxSentenceBytes / 2 && text[cut] != ' ' && text[cut] != '\n') --cut;
      if (text[cut] != ' ' && text[cut] != '\n') {
        cut = b + kMaxSentenceBytes;  // no space: cut at a code point boundary
        while (cut > b && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      }
      std::size_t next = cut;
      while (cut > b && (text[cut - 1] == ' ' || text[cut - 1] == '\n')) --cut;
      while (next < e && (text[next] == ' ' || text[next] == '\n')) ++next;
      if (cut > b) layer.sentences.push_back(Span{b, cut});
      b = next;
    }
    if (b < e) layer.sentences.push_back(Span{b, e});
  }
  utext_close(sentence_text);

  // The word iterator (UTF-8, byte offsets) only for runs that need it.
  UText* ut = nullptr;
  std::unique_ptr<icu::BreakIterator> words;

  // Tokens: ICU word segments that are not white space. Runs of ASCII
  // between ASCII white space (most of an English news text) are split by
  // the same rules without ICU; other runs go through ICU's word iterator.
  const ByteClasses& bytes = byte_classes();
  for (std::size_t run_begin = 0; run_begin < text.size();) {
    if (bytes[text[run_begin]] == ByteClasses::kSpace) {
      ++run_begin;
      continue;
    }
    std::size_t run_end = run_begin;
    std::uint8_t seen = 0;
    for (std::uint8_t c; run_end < text.size() && (c = bytes[text[run_end]]) != ByteClasses::kSpace;
         ++run_end) {
      seen |= c;
    }
    if (!(seen & ByteClasses::kNonAscii)) {
      split_ascii_words(text, run_begin, run_end, layer.tokens);
    } else {
      if (!words) {
        ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
        if (U_FAILURE(status)) break;
        words.reset(prototypes().word->clone());
        words->setText(ut, status);
      }
      split_icu_words(text, run_begin, run_end, *words, layer.tokens);
    }
    run_begin = run_end;
  }
  words.reset();
  if (ut) utext_close(ut);

  // Assign tokens to sentences (both are in text order).
  layer.sentence_tokens.assign(layer.sentences.size() + 1, 0);
  std::size_t s = 0;
  for (std::size_t t = 0; t < layer.tokens.size(); ++t) {
    while (s + 1 < layer.sentences.size() &&
           layer.tokens[t].begin >= layer.sentences[s + 1].begin) {
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
