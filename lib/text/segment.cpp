#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

#include "data/embedded.h"
#include "text/sentence_split.h"
#include "util/scratch.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace crosscheck::internal {
namespace {

// Real sentences are far shorter; see add_sentences().
constexpr std::size_t kMaxSentenceBytes = 4096;

// ICU's word iterator is expensive to build and not thread-safe; each call
// clones its own from a prototype built once.
const icu::BreakIterator& word_prototype() {
  static const std::unique_ptr<icu::BreakIterator> kPrototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(
        icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  }();
  return *kPrototype;
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
  bool joins[128];  // letters, digits and '_' (see split_words())
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
      t.joins[c] =
          k == AsciiClass::kLetter || k == AsciiClass::kNumeric || k == AsciiClass::kExtendNumLet;
      const char ch = static_cast<char>(c);
      t.kind[c] = kind_of(std::string_view(&ch, 1));
    }
    return t;
  }();
  return kTables;
}

// Word_Break classes of the non-ASCII characters the word splitter handles
// itself: letters of Latin-1 and Latin Extended-A, typographic quotes,
// dashes, the ellipsis, no-break spaces and the like. Each is taken only if
// ICU's word rules treat it like the ASCII classes above: no Extend/Format
// (WB4), no emoji (WB3c), no dictionary script, no WSegSpace (WB3d).
struct WideClass {
  bool handled = false;
  bool white = false;  // White_Space: its segment is not a token
  AsciiClass word_class = AsciiClass::kOther;
  Token::Kind kind = Token::Kind::kSymbol;
};

constexpr char32_t kWideFirst = 0x80, kWideEnd = 0x2070;

const std::array<WideClass, kWideEnd - kWideFirst>& wide_classes() {
  static const auto kTable = [] {
    std::array<WideClass, kWideEnd - kWideFirst> t{};
    for (char32_t c = kWideFirst; c < kWideEnd; ++c) {
      const bool wanted = (c >= 0xA0 && c < 0x180) || (c >= 0x2010 && c < 0x2070);
      if (!wanted) continue;
      const auto cp = static_cast<UChar32>(c);
      const auto wb = u_getIntPropertyValue(cp, UCHAR_WORD_BREAK);
      const auto lb = u_getIntPropertyValue(cp, UCHAR_LINE_BREAK);
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(cp, &status);
      if (u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC) || lb == U_LB_COMPLEX_CONTEXT ||
          script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
          U_FAILURE(status)) {
        continue;
      }
      WideClass& w = t[c - kWideFirst];
      switch (wb) {
        case U_WB_ALETTER:
          w.word_class = AsciiClass::kLetter;
          break;
        case U_WB_NUMERIC:
          w.word_class = AsciiClass::kNumeric;
          break;
        case U_WB_MIDNUMLET:
          w.word_class = AsciiClass::kMidNumLet;
          break;
        case U_WB_MIDNUM:
          w.word_class = AsciiClass::kMidNum;
          break;
        case U_WB_EXTENDNUMLET:
          w.word_class = AsciiClass::kExtendNumLet;
          break;
        case U_WB_OTHER:
          w.word_class = AsciiClass::kOther;
          break;
        default:
          continue;
      }
      w.handled = true;
      w.white = u_isUWhiteSpace(cp);
      char utf8[4];
      int32_t length = 0;
      U8_APPEND_UNSAFE(utf8, length, cp);
      w.kind = kind_of(std::string_view(utf8, static_cast<std::size_t>(length)));
    }
    return t;
  }();
  return kTable;
}

// UAX #29 word segments of `count` units (bytes or code points) of a run
// without ASCII white space: letters, digits and '_' join (WB5, WB8-WB10,
// WB13a/b); MidNumLet ('.', '\'', U+2019) joins letters to letters (WB6/WB7)
// and digits to digits (WB11/WB12), MidNum (',', ';') digits to digits;
// anything else stands alone (WB999). emit(i, j) takes units [i, j).
template <class ClassAt, class Emit>
void split_words(std::size_t count, ClassAt cls, Emit emit) {
  auto joins = [](AsciiClass c) {
    return c == AsciiClass::kLetter || c == AsciiClass::kNumeric || c == AsciiClass::kExtendNumLet;
  };
  for (std::size_t i = 0; i < count;) {
    std::size_t j = i + 1;
    if (joins(cls(i))) {
      while (j < count) {
        const AsciiClass c = cls(j);
        if (joins(c)) {
          ++j;
          continue;
        }
        if (j + 1 < count) {
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
    emit(i, j);
    i = j;
  }
}

// Tokens as they are found, in text order, each given its sentence at once
// (the sentences are known before the tokens). They are written to a
// per-thread buffer that only grows, and copied to the layer once at the end:
// cheaper than push_back on a vector whose final size is not known (and the
// layer's vector is then exactly as large as needed).
class TokenSink {
 public:
  explicit TokenSink(TextLayer& layer) : layer_(layer), buffer_(token_buffer()) {
    layer_.sentence_tokens.assign(layer_.sentences.size() + 1, 0);
    next_begin_ = next_sentence_begin();
    if (buffer_.empty()) buffer_.resize(kInitialTokens);
    out_ = buffer_.data();
    limit_ = out_ + buffer_.size();
  }
  void add(std::size_t begin, std::size_t end, Token::Kind kind) {
    enter_sentence_of(begin);
    if (out_ == limit_) [[unlikely]] {
      grow();
    }
    add_in_sentence(begin, end, kind);
  }
  // Moves on to the sentence of a token that begins at `begin`.
  void enter_sentence_of(std::size_t begin) {
    while (begin >= next_begin_) {
      layer_.sentence_tokens[++sentence_] = static_cast<std::uint32_t>(count());
      next_begin_ = next_sentence_begin();
    }
  }
  // Where the sentence after the current one begins: tokens that begin
  // before it are in the current one.
  std::size_t next_begin() const { return next_begin_; }
  // Room for `count` more tokens of add_in_sentence().
  void reserve(std::size_t count) {
    while (static_cast<std::size_t>(limit_ - out_) < count) grow();
  }
  // add() for a token before next_begin(), with room reserved.
  void add_in_sentence(std::size_t begin, std::size_t end, Token::Kind kind) {
    *out_++ = Token{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                    static_cast<std::uint32_t>(sentence_), kind};
  }
  // For a caller that writes tokens of the current sentence itself (before
  // next_begin(), room reserved) through a local pointer, then hands it back
  // with advance_to(): out_, which may alias the tokens as far as the compiler
  // knows, would be stored and reloaded around each one.
  Token* cursor() const { return out_; }
  std::uint32_t sentence() const { return static_cast<std::uint32_t>(sentence_); }
  void advance_to(Token* out) { out_ = out; }
  void finish() {
    for (std::size_t k = sentence_ + 1; k <= layer_.sentences.size(); ++k) {
      layer_.sentence_tokens[k] = static_cast<std::uint32_t>(count());
    }
    layer_.tokens.assign(buffer_.data(), out_);
    // A thread keeps no more than a large document's worth.
    constexpr std::size_t kKeepTokens = std::size_t{1} << 18;
    if (buffer_.size() > kKeepTokens) std::vector<Token>().swap(buffer_);
  }

 private:
  static constexpr std::size_t kInitialTokens = 4096;

  static std::vector<Token>& token_buffer() {
    thread_local std::vector<Token> buffer;
    return buffer;
  }
  std::size_t count() const { return static_cast<std::size_t>(out_ - buffer_.data()); }
  void grow() {
    const std::size_t used = count();
    buffer_.resize(2 * buffer_.size());
    out_ = buffer_.data() + used;
    limit_ = buffer_.data() + buffer_.size();
  }
  // Where the sentence after the current one begins (none: past any offset).
  std::size_t next_sentence_begin() const {
    return sentence_ + 1 < layer_.sentences.size() ? layer_.sentences[sentence_ + 1].begin
                                                   : static_cast<std::size_t>(-1);
  }

  TextLayer& layer_;
  std::vector<Token>& buffer_;
  Token* out_ = nullptr;
  Token* limit_ = nullptr;
  std::size_t sentence_ = 0;
  std::size_t next_begin_ = 0;
};

// Whether `mid` between `before` and `after` stays inside a word (UAX #29
// WB6/7, WB11/12): "don't", "U.S", "3.5", "1,000".
inline bool joins_across(AsciiClass before, AsciiClass mid, AsciiClass after) {
  const bool letters = before == AsciiClass::kLetter && after == AsciiClass::kLetter &&
                       mid == AsciiClass::kMidNumLet;
  const bool digits = before == AsciiClass::kNumeric && after == AsciiClass::kNumeric &&
                      (mid == AsciiClass::kMidNum || mid == AsciiClass::kMidNumLet);
  return letters || digits;
}

// split_words() on text[begin, end), ASCII without white space.
void split_ascii_words(std::string_view text, std::size_t begin, std::size_t end,
                       const AsciiTables& t, TokenSink& tokens) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  auto cls = [&](std::size_t i) { return t.word_class[s[i]]; };
  for (std::size_t i = begin; i < end;) {
    std::size_t j = i + 1;
    if (t.joins[s[i]]) {
      for (;;) {
        while (j < end && t.joins[s[j]]) ++j;
        if (j + 1 < end) {
          if (joins_across(cls(j - 1), cls(j), cls(j + 1))) {
            j += 2;
            continue;
          }
        }
        break;
      }
    }
    tokens.add(i, j, t.kind[s[i]]);
    i = j;
  }
}

#if defined(__SSE2__)
// Bytes per block of the word splitter's fast path (four SSE2 loads): long
// enough that few runs go on past a block.
constexpr std::size_t kBlockBytes = 64;

// Bit masks of one block (bit k is byte k): ASCII white space (as
// ByteClasses), bytes >= 0x80, and the ASCII word classes of AsciiTables:
// letters and '@', digits, '_' (ExtendNumLet), MidNumLet ('.', '\'') and
// MidNum (',', ';').
struct BlockMasks {
  std::uint64_t white, high, letters, digits, underscores, mid_num_let, mid_num;
};

inline BlockMasks block_masks(const unsigned char* p) {
  auto in_range = [](__m128i x, char lo, char hi) {  // signed: bytes >= 0x80 are out
    return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
  };
  auto either = [](__m128i x, char a, char b) {
    return _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(a)), _mm_cmpeq_epi8(x, _mm_set1_epi8(b)));
  };
  auto bits = [](__m128i x, std::size_t shift) {
    return std::uint64_t{static_cast<unsigned>(_mm_movemask_epi8(x))} << shift;
  };
  BlockMasks m{};
  for (std::size_t half = 0; half < kBlockBytes; half += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + half));
    const __m128i white =
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), in_range(v, '\t', '\r'));
    const __m128i letter = _mm_or_si128(in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'),
                                        _mm_cmpeq_epi8(v, _mm_set1_epi8('@')));
    m.white |= bits(white, half);
    m.high |= bits(v, half);
    m.letters |= bits(letter, half);
    m.digits |= bits(in_range(v, '0', '9'), half);
    m.underscores |= bits(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')), half);
    m.mid_num_let |= bits(either(v, '.', '\''), half);
    m.mid_num |= bits(either(v, ',', ';'), half);
  }
  return m;
}

// The bits of the block at text[base] for the bytes before text[offset].
inline std::uint64_t block_bits_before(std::size_t offset, std::size_t base) {
  if (offset <= base) return 0;
  if (offset - base >= kBlockBytes) return ~std::uint64_t{0};
  return (std::uint64_t{1} << (offset - base)) - 1;
}

// split_ascii_words() on the ASCII bytes `range` of the block at text[base]
// (each run in it whole: white space, or the block's start, on either side),
// from the block's masks rather than byte by byte. A token is a stretch of
// joining bytes (letters, digits, '_', and a MidNumLet between two letters or
// a MidNum(Let) between two digits: joins_across()) or any other byte alone.
// Token starts and ends then alternate, and are taken in pairs; the tokens
// of a sentence are added together, without a check each.
void split_ascii_bits(const unsigned char* block, std::size_t base, const BlockMasks& m,
                      std::uint64_t range, const AsciiTables& t, TokenSink& tokens) {
  // (Bit 0 has white space or nothing before it, and `range` ends before
  // white space: neighbours shifted in from outside the block never matter.)
  const std::uint64_t across = (m.mid_num_let & (m.letters << 1) & (m.letters >> 1)) |
                               ((m.mid_num_let | m.mid_num) & (m.digits << 1) & (m.digits >> 1));
  const std::uint64_t words = (m.letters | m.digits | m.underscores | across) & range;
  const std::uint64_t singles = range & ~m.white & ~words;
  std::uint64_t starts = (words & ~(words << 1)) | singles;
  std::uint64_t ends = (words & ~(words >> 1)) | singles;  // last bytes
  tokens.reserve(kBlockBytes);
  Token* out = tokens.cursor();
  while (starts != 0) {
    const std::uint64_t before_next = block_bits_before(tokens.next_begin(), base);
    const std::uint32_t sentence = tokens.sentence();
    for (std::uint64_t now = starts & before_next; now != 0; now &= now - 1) {
      const auto b = static_cast<unsigned>(__builtin_ctzll(now));
      const auto e = static_cast<unsigned>(__builtin_ctzll(ends)) + 1;
      *out++ = Token{static_cast<std::uint32_t>(base + b), static_cast<std::uint32_t>(base + e),
                     sentence, t.kind[block[b]]};
      ends &= ends - 1;
    }
    starts &= ~before_next;
    if (starts != 0) {
      tokens.advance_to(out);
      tokens.enter_sentence_of(base + static_cast<unsigned>(__builtin_ctzll(starts)));
    }
  }
  tokens.advance_to(out);
}
#endif

// A handled character of a run: its byte offset and tables.
struct RunChar {
  std::uint32_t begin;
  AsciiClass word_class;
  Token::Kind kind;
  bool white;
};

// Splits a run with non-ASCII characters like split_ascii_words() when all
// of them are handled (see wide_classes()); false, adding nothing, if not.
bool split_wide_words(std::string_view text, std::size_t begin, std::size_t end,
                      const AsciiTables& ascii, std::vector<RunChar>& chars, TokenSink& tokens) {
  const auto& wide = wide_classes();
  // One RunChar per character and one for the end: no more than the bytes
  // and one. They are written through a pointer, not push_back(), and
  // `chars` is only ever made larger (it is reused from run to run).
  if (chars.size() < end - begin + 1) chars.resize(end - begin + 1);
  RunChar* const first = chars.data();
  RunChar* out = first;
  for (std::size_t i = begin; i < end;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      *out++ =
          RunChar{static_cast<std::uint32_t>(i), ascii.word_class[byte], ascii.kind[byte], false};
      ++i;
      continue;
    }
    UChar32 c;
    const std::size_t at = i;
    U8_NEXT(text.data(), i, end, c);
    if (c < static_cast<UChar32>(kWideFirst) || c >= static_cast<UChar32>(kWideEnd)) return false;
    const WideClass& w = wide[c - kWideFirst];
    if (!w.handled) return false;
    *out++ = RunChar{static_cast<std::uint32_t>(at), w.word_class, w.kind, w.white};
  }
  *out = RunChar{static_cast<std::uint32_t>(end), AsciiClass::kOther, Token::Kind::kSymbol, false};
  split_words(
      static_cast<std::size_t>(out - first), [&](std::size_t i) { return first[i].word_class; },
      [&](std::size_t i, std::size_t j) {
        // A lone white space character (NBSP) is a segment but no token.
        if (j == i + 1 && first[i].white) return;
        tokens.add(first[i].begin, first[j].begin, first[i].kind);
      });
  return true;
}

// ICU's word segments of text[begin, end). The run follows ASCII white space
// (or starts the text), so `begin` is a boundary unless a combining mark
// attaches to that space (UAX #29 WB4); `end` is one too.
void split_icu_words(std::string_view text, std::size_t begin, std::size_t end,
                     icu::BreakIterator& words, TokenSink& tokens) {
  int32_t start = static_cast<int32_t>(begin);
  if (!words.isBoundary(start)) start = words.preceding(start);
  for (int32_t stop = words.next();
       stop != icu::BreakIterator::DONE && start < static_cast<int32_t>(end);
       start = stop, stop = words.next()) {
    std::string_view piece = text.substr(start, stop - start);
    if (piece.empty() || is_space_run(piece)) continue;
    tokens.add(static_cast<std::size_t>(start), static_cast<std::size_t>(stop), kind_of(piece));
  }
}

// Words that open sentences (lib/data/text/sentence_openers.txt), sorted, so
// that an initial before one ends a sentence ("Plan B. That failed.").
const std::vector<std::string_view>& sentence_openers() {
  static const std::vector<std::string_view> kOpeners = [] {
    std::vector<std::string_view> out;
    for (const auto& row : data_tsv("text/sentence_openers.txt")) out.push_back(row[0]);
    std::sort(out.begin(), out.end());
    return out;
  }();
  return kOpeners;
}

// The break at `end` follows a middle initial in a name and is no sentence
// end: "James B. Comey said", "Donald J. Trump" (not "by J. K. Rowling",
// whose first initial has no capitalised word before it). ICU's
// abbreviation filter cannot hold these (its matches need no word start, so
// "B." would hold the break after "the FBI." too): the sentence before
// [start, end) ends in a capitalised word, a space and one capital letter
// with a full stop; the next starts on the same line with a capitalised word
// in lower case after its first letter that does not usually open a sentence.
bool initial_in_name(std::string_view text, std::size_t start, std::size_t end,
                     const std::vector<std::string_view>& openers) {
  auto upper = [&](std::size_t i) { return text[i] >= 'A' && text[i] <= 'Z'; };
  std::size_t e = end;
  while (e > start && text[e - 1] == ' ') --e;
  if (e < start + 5 || text[e - 1] != '.' || !upper(e - 2)) return false;
  std::size_t space = e - 3;  // before the initial
  // Two initials written together: "George H.W. Bush" (not "Washington,
  // D.C. Police": the word before ends in a letter).
  if (text[space] == '.' && space >= start + 3 && upper(space - 1) && text[space - 2] == ' ' &&
      (upper(space - 3) || (text[space - 3] >= 'a' && text[space - 3] <= 'z'))) {
    space -= 2;
  }
  if (text[space] != ' ') return false;
  std::size_t w = space;  // the word before the initial ends here
  while (w > start && text[w - 1] != ' ' && text[w - 1] != '\n') --w;
  if (w == space || !upper(w)) return false;
  std::size_t n = end;
  while (n < text.size() && text[n] == ' ') ++n;
  if (n == end && end > start && text[end - 1] != ' ') return false;
  if (n >= text.size() || !upper(n)) return false;
  // An Irish or Italian surname: "Denise E. O'Donnell", "O’Rourke", "D'Amato".
  std::size_t after = n + 1;
  if (after < text.size() && text[after] == '\'') {
    ++after;
  } else if (text.substr(after, 3) == "\xE2\x80\x99") {
    after += 3;
  }
  if (after > n + 1) return after < text.size() && upper(after);
  std::size_t m = n + 1;
  while (m < text.size() && text[m] >= 'a' && text[m] <= 'z') ++m;
  if (m == n + 1) return false;
  const std::string_view next = text.substr(n, m - n);
  return !std::binary_search(openers.begin(), openers.end(), next);
}

// Sentences from break positions, trimmed of surrounding ASCII white space;
// empty ones are dropped, and a break after a middle initial is not kept.
void add_sentences(TextLayer& layer, const std::vector<std::uint32_t>& breaks) {
  const std::string_view text = layer.text;
  const ByteClasses& bytes = byte_classes();
  layer.sentences.reserve(breaks.size());  // one per break, but for very long ones
  const std::vector<std::string_view>& openers = sentence_openers();
  std::size_t start = 0;
  for (const std::uint32_t end : breaks) {
    if (end < text.size() && initial_in_name(text, start, end, openers)) continue;
    std::size_t b = start, e = end;
    start = end;
    while (b < e && bytes[text[b]] == ByteClasses::kSpace) ++b;
    while (e > b && bytes[text[e - 1]] == ByteClasses::kSpace) --e;
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
}

// The end of the run of non-white-space bytes at `begin` (the first ASCII
// white space byte after it, or the end); sets non_ascii if the run has a
// byte >= 0x80. Words are short, so 16 bytes at a time mostly take one step.
std::size_t find_run_end(std::string_view text, std::size_t begin, bool& non_ascii) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = begin;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' '), below_tab = _mm_set1_epi8('\t' - 1),
                after_cr = _mm_set1_epi8('\r' + 1);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    // ' ' and '\t'..'\r'; bytes >= 0x80 are negative, below '\t' as signed.
    const __m128i white =
        _mm_or_si128(_mm_cmpeq_epi8(v, space),
                     _mm_and_si128(_mm_cmpgt_epi8(v, below_tab), _mm_cmplt_epi8(v, after_cr)));
    const auto white_mask = static_cast<unsigned>(_mm_movemask_epi8(white));
    const auto high_mask = static_cast<unsigned>(_mm_movemask_epi8(v));
    if (white_mask != 0) {
      const unsigned k = static_cast<unsigned>(__builtin_ctz(white_mask));
      non_ascii = non_ascii || (high_mask & ((1u << k) - 1)) != 0;
      return i + k;
    }
    non_ascii = non_ascii || high_mask != 0;
  }
#endif
  const ByteClasses& bytes = byte_classes();
  std::uint8_t seen = 0;
  for (std::uint8_t c; i < n && (c = bytes[text[i]]) != ByteClasses::kSpace; ++i) seen |= c;
  non_ascii = non_ascii || (seen & ByteClasses::kNonAscii) != 0;
  return i;
}

}  // namespace

std::size_t TextLayer::sentence_at(std::size_t offset) const {
  // The last sentence that begins at or before `offset` (the first if none
  // does), by a binary search without branches (a conditional move per
  // step): the taggers ask with offsets all over the text, so a search
  // with branches mispredicts about every other step.
  const Span* first = sentences.data();
  const Span* at = first;
  for (std::size_t n = sentences.size(); n > 1;) {
    const std::size_t half = n / 2;
    at = at[half].begin <= offset ? at + half : at;
    n -= half;
  }
  return static_cast<std::size_t>(at - first);
}

namespace {

// segment(), with the fast paths or, for the reference, as it was before
// them: ICU's sentence iterator, and ICU's word iterator for every run with
// non-ASCII characters. Into `layer`, whose buffers (tokens, lower,
// sentence_tokens) are reused: only what is read is written.
void segment_text(std::string_view text, bool fast, bool valid_utf8, TextLayer& layer) {
  layer.text = text;
  layer.sentences.clear();
  layer.tokens.clear();
  // (Every byte before the 8 NULs is written below: a longer string is cut,
  // not zeroed.)
  if (layer.lower.size() >= text.size() + 8) {
    layer.lower.resize(text.size() + 8);
    std::fill_n(layer.lower.data() + text.size(), 8, '\0');
  } else {
    layer.lower.resize(text.size() + 8, '\0');
  }
  {
    // Branch-free ASCII lower-casing (the compiler vectorises it).
    const unsigned char* __restrict src = reinterpret_cast<const unsigned char*>(text.data());
    unsigned char* __restrict dst = reinterpret_cast<unsigned char*>(layer.lower.data());
    for (std::size_t k = 0, size = text.size(); k < size; ++k) {
      unsigned char u = src[k];
      dst[k] =
          static_cast<unsigned char>(u | (static_cast<unsigned char>(u - 'A') < 26 ? 0x20 : 0));
    }
  }
  // The hand-written splitter gives ICU's breaks; ICU itself when it cannot.
  // (The fast breaks go to a buffer the thread reuses, as one per document
  // would be allocated and freed each time.)
  thread_local std::vector<std::uint32_t> break_buffer;
  std::vector<std::uint32_t>& breaks = break_buffer;
  if (!fast || !fast_sentence_breaks(text, true, valid_utf8, breaks)) {
    breaks = icu_sentence_breaks(text);
  }
  add_sentences(layer, breaks);
  release_if_larger(breaks);

  // The word iterator (UTF-8, byte offsets) only for runs that need it.
  UText* ut = nullptr;
  std::unique_ptr<icu::BreakIterator> words;
  UErrorCode status = U_ZERO_ERROR;
  // (Per thread, reused: most documents have a few runs with non-ASCII
  // characters, each cleared before use.)
  thread_local std::vector<RunChar> run_chars;

  // Tokens: ICU word segments that are not white space. Runs between ASCII
  // white space (most of a news text) are split by the same rules without
  // ICU when all their characters are handled; other runs go through ICU's
  // word iterator.
  TokenSink tokens(layer);
  const AsciiTables& ascii = ascii_tables();
  const ByteClasses& bytes = byte_classes();
  // A run [begin, end) between ASCII white space by the general path; false
  // when ICU fails, which ends tokenising.
  auto split_run = [&](std::size_t begin, std::size_t end, bool non_ascii) {
    if (!non_ascii) {
      split_ascii_words(text, begin, end, ascii, tokens);
    } else if (!fast || !split_wide_words(text, begin, end, ascii, run_chars, tokens)) {
      if (!words) {
        ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
        if (U_FAILURE(status)) return false;
        words.reset(word_prototype().clone());
        words->setText(ut, status);
      }
      split_icu_words(text, begin, end, *words, tokens);
    }
    return true;
  };
  std::size_t run_begin = 0;  // all runs before it are split
  bool failed = false;
#if defined(__SSE2__)
  // Most of a news text is short ASCII words between single spaces: the masks
  // of each block of kBlockBytes are computed once, and the runs that end
  // before its last white space are split from them, but for runs with
  // non-ASCII bytes, which take the general path. The next block starts after
  // that white space, with the run that goes on past this block. A run as
  // long as a block takes the general path too.
  const auto* bytes_at = reinterpret_cast<const unsigned char*>(text.data());
  while (run_begin + kBlockBytes <= text.size() && !failed) {
    const std::size_t pos = run_begin;
    const BlockMasks m = block_masks(bytes_at + pos);
    if (m.white == 0) {
      bool non_ascii = false;
      run_begin = find_run_end(text, pos, non_ascii);
      failed = !split_run(pos, run_begin, non_ascii);
      continue;
    }
    const auto last_white = static_cast<unsigned>(63 - __builtin_clzll(m.white));
    run_begin = pos + last_white + 1;
    auto split_ascii = [&](unsigned from, unsigned to) {
      const std::uint64_t range = (std::uint64_t{1} << to) - (std::uint64_t{1} << from);
      split_ascii_bits(bytes_at + pos, pos, m, range, ascii, tokens);
    };
    unsigned from = 0;
    for (std::uint64_t high = m.high & ((std::uint64_t{1} << last_white) - 1); high != 0;) {
      // The run around the first non-ASCII byte left, between white space.
      const auto at = static_cast<unsigned>(__builtin_ctzll(high));
      const std::uint64_t white_before = m.white & ((std::uint64_t{1} << at) - 1);
      const unsigned start =
          white_before == 0 ? 0 : 64 - static_cast<unsigned>(__builtin_clzll(white_before));
      const auto stop = static_cast<unsigned>(__builtin_ctzll(m.white & (~std::uint64_t{0} << at)));
      split_ascii(from, start);
      if (!split_run(pos + start, pos + stop, true)) {
        failed = true;
        break;
      }
      from = stop;
      high &= ~std::uint64_t{0} << stop;
    }
    if (!failed) split_ascii(from, last_white);
  }
#endif
  while (run_begin < text.size() && !failed) {
    if (bytes[text[run_begin]] == ByteClasses::kSpace) {
      ++run_begin;
      continue;
    }
    bool non_ascii = false;
    const std::size_t run_end = find_run_end(text, run_begin, non_ascii);
    failed = !split_run(run_begin, run_end, non_ascii);
    run_begin = run_end;
  }
  words.reset();
  if (ut) utext_close(ut);
  tokens.finish();
  release_if_larger(run_chars);  // (a run without white space as long as a book)
}

TextLayer segment_text(std::string_view text, bool fast, bool valid_utf8) {
  TextLayer layer;
  segment_text(text, fast, valid_utf8, layer);
  return layer;
}

}  // namespace

TextLayer segment(std::string_view text) { return segment_text(text, true, false); }

TextLayer segment_with_icu(std::string_view text) { return segment_text(text, false, false); }

TextLayer segment_valid_utf8(std::string_view text) { return segment_text(text, true, true); }

void segment_valid_utf8(std::string_view text, TextLayer& layer) {
  segment_text(text, true, true, layer);
}

}  // namespace crosscheck::internal
