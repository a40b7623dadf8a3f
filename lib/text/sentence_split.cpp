#include "text/sentence_split.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <string>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/utf8.h"

namespace crosscheck::internal {
namespace {

// Abbreviations common in news that ICU's English list lacks.
constexpr const char* kExtraAbbreviations[] = {
    "Gen.",  "Lt.",  "Col.", "Sen.",  "Rep.", "Gov.", "Capt.", "Sgt.", "Jan.", "Feb.",  "Aug.",
    "Sept.", "Sep.", "Oct.", "Nov.",  "Dec.", "Jr.",  "Sr.",   "St.",  "No.",  "Corp.", "Inc.",
    "Ltd.",  "Co.",  "Rev.", "Prof.", "Dr.",  "Mt.",  "Ft.",   "Adm.", "Cmdr."};

// ---------------------------------------------------------------------------
// ICU, the reference.

// ICU break iterators are expensive to build and not thread-safe; each call
// clones its own from prototypes built once.
struct IcuPrototypes {
  std::unique_ptr<icu::BreakIterator> raw;       // ICU's rules alone
  std::unique_ptr<icu::BreakIterator> filtered;  // with the abbreviation filter
};

const IcuPrototypes& icu_prototypes() {
  static const IcuPrototypes kPrototypes = [] {
    IcuPrototypes p;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale& en = icu::Locale::getEnglish();
    p.raw.reset(icu::BreakIterator::createSentenceInstance(en, status));
    std::unique_ptr<icu::BreakIterator> raw(icu::BreakIterator::createSentenceInstance(en, status));
    std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
        icu::FilteredBreakIteratorBuilder::createInstance(en, status));
    if (U_SUCCESS(status) && builder) {
      for (const char* abbr : kExtraAbbreviations) {
        builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbr), status);
      }
      p.filtered.reset(builder->build(raw.release(), status));
    } else {
      p.filtered = std::move(raw);
    }
    return p;
  }();
  return kPrototypes;
}

// ---------------------------------------------------------------------------
// The splitter: UAX #29 sentence rules over Sentence_Break classes taken from
// ICU's own property data, so that only the rules are re-implemented.

enum Sb : std::uint8_t {
  kOther,
  kCR,
  kLF,
  kExtend,
  kSep,
  kFormat,
  kSp,
  kLower,
  kUpper,
  kOLetter,
  kNumeric,
  kATerm,
  kSContinue,
  kSTerm,
  kClose,
};

Sb sb_from_icu(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM:
      return kATerm;
    case U_SB_CLOSE:
      return kClose;
    case U_SB_FORMAT:
      return kFormat;
    case U_SB_LOWER:
      return kLower;
    case U_SB_NUMERIC:
      return kNumeric;
    case U_SB_OLETTER:
      return kOLetter;
    case U_SB_SEP:
      return kSep;
    case U_SB_SP:
      return kSp;
    case U_SB_STERM:
      return kSTerm;
    case U_SB_UPPER:
      return kUpper;
    case U_SB_CR:
      return kCR;
    case U_SB_EXTEND:
      return kExtend;
    case U_SB_LF:
      return kLF;
    case U_SB_SCONTINUE:
      return kSContinue;
    default:
      return kOther;
  }
}

// Classes of the BMP (a 64 KiB table built once); others are looked up.
struct SbTable {
  std::array<Sb, 0x10000> bmp;
  // Bytes the main loop must look at: sentence terminators, line ends and
  // the lead bytes of non-ASCII characters.
  std::array<bool, 256> stop;
  // The ASCII stops are ". ! ? LF CR" (what skip_to_stop() tests 16 at a time).
  bool usual_stops = false;
};

const SbTable& sb_table() {
  static const SbTable kTable = [] {
    SbTable t;
    for (UChar32 c = 0; c < 0x10000; ++c) t.bmp[c] = sb_from_icu(c);
    for (int b = 0; b < 256; ++b) {
      const Sb k = b < 0x80 ? t.bmp[b] : kOther;
      t.stop[b] = b >= 0x80 || k == kATerm || k == kSTerm || k == kCR || k == kLF || k == kSep;
    }
    t.usual_stops = true;
    for (int b = 0; b < 0x80; ++b) {
      const bool usual = b == '.' || b == '!' || b == '?' || b == '\n' || b == '\r';
      if (t.stop[b] != usual) t.usual_stops = false;
    }
    return t;
  }();
  return kTable;
}

// Decodes the code point at s[i] of valid UTF-8; sets its length.
inline char32_t decode(const unsigned char* s, std::size_t i, std::size_t& length) {
  const unsigned char b = s[i];
  if (b < 0x80) {
    length = 1;
    return b;
  }
  if (b < 0xE0) {
    length = 2;
    return (char32_t{b} & 0x1F) << 6 | (s[i + 1] & 0x3F);
  }
  if (b < 0xF0) {
    length = 3;
    return (char32_t{b} & 0x0F) << 12 | (char32_t{s[i + 1]} & 0x3F) << 6 | (s[i + 2] & 0x3F);
  }
  length = 4;
  return (char32_t{b} & 0x07) << 18 | (char32_t{s[i + 1]} & 0x3F) << 12 |
         (char32_t{s[i + 2]} & 0x3F) << 6 | (s[i + 3] & 0x3F);
}

// Start of the code point that ends at s[i] (i > 0) of valid UTF-8.
inline std::size_t previous_start(const unsigned char* s, std::size_t i) {
  --i;
  while ((s[i] & 0xC0) == 0x80) --i;
  return i;
}

// ICU's abbreviation filter (SimpleFilteredSentenceBreakIterator), rebuilt
// from the same strings with the same two tries and walked the same way, so
// that even its quirks carry over: "Lt." does not hold a break ("Lt.Cdr."
// moves it to the forward trie and the space after "Lt." then fails there),
// and a match needs no word start ("XMr. Smith" holds too).
class AbbreviationFilter {
 public:
  enum class Verdict { kBreak, kHold, kUnknown };

  // Loads ICU's English list and adds ours; nullopt when ICU has no list
  // (ICU then filters nothing, and so may differ from us: use ICU).
  static std::optional<AbbreviationFilter> load() {
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* bundle =
        ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en", &status);
    UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
    UResourceBundle* list = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
    std::vector<std::u32string> strings;
    bool ok = U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING;
    while (ok && ures_hasNext(list)) {
      int32_t length = 0;
      const UChar* s = ures_getNextString(list, &length, nullptr, &status);
      if (U_FAILURE(status)) {
        ok = false;
        break;
      }
      std::u32string out;
      for (int32_t i = 0; i < length;) {
        UChar32 c;
        U16_NEXT(s, i, length, c);
        out += static_cast<char32_t>(c);
      }
      strings.push_back(std::move(out));
    }
    ures_close(list);
    ures_close(exceptions);
    ures_close(bundle);
    if (!ok) return std::nullopt;
    for (const char* abbr : kExtraAbbreviations) {
      strings.emplace_back(abbr, abbr + std::char_traits<char>::length(abbr));
    }
    std::sort(strings.begin(), strings.end());
    strings.erase(std::unique(strings.begin(), strings.end()), strings.end());
    // Only the BMP: ICU's UTF-16 tries then step exactly like ours.
    for (const auto& s : strings) {
      for (char32_t c : s) {
        if (c >= 0x10000 || (c >= 0xD800 && c <= 0xDFFF)) return std::nullopt;
      }
    }
    return AbbreviationFilter(strings);
  }

  // Whether ICU's filter keeps the underlying break at `n` (0 < n < size).
  Verdict at(const unsigned char* s, std::size_t size, std::size_t n) const {
    std::size_t i = n;
    if (s[i - 1] == ' ') --i;  // "Mr. |Brown": start before one space
    // Backward walk: the longest reversed string ending before i.
    int node = 0;
    Result r = Result::kIntermediateValue;
    std::int64_t best_position = -1;
    int best_value = -1;
    bool ended = false;  // stopped by the start of the text
    for (;;) {
      if (i == 0) {
        ended = true;
        break;
      }
      const std::size_t start = previous_start(s, i);
      std::size_t length;
      const char32_t c = decode(s, start, length);
      i = start;
      r = backward_.step(node, c);
      if (!has_next(r)) break;
      if (has_value(r)) {
        best_position = static_cast<std::int64_t>(i);
        best_value = backward_.nodes[node].value;
      }
    }
    if (r != Result::kNoMatch) {
      // ICU reads the node's value here, which has none after a bare prefix
      // at the start of the text: ICU's answer is then unspecified.
      if (ended && (r == Result::kNoValue || node == 0)) return Verdict::kUnknown;
      best_value = backward_.nodes[node].value;
      best_position = static_cast<std::int64_t>(i);
    }
    if (best_position < 0) return Verdict::kBreak;
    if (best_value == kMatch) return Verdict::kHold;
    if (best_value != kPartial || forward_.nodes.size() <= 1) return Verdict::kBreak;
    // "Ph." matched backwards: the forward trie decides on "Ph.D." etc.
    node = 0;
    Result forward = Result::kIntermediateValue;
    for (std::size_t j = static_cast<std::size_t>(best_position); j < size;) {
      std::size_t length;
      const char32_t c = decode(s, j, length);
      j += length;
      forward = forward_.step(node, c);
      if (!has_next(forward)) break;
    }
    return forward != Result::kNoMatch ? Verdict::kHold : Verdict::kBreak;
  }

 private:
  // UStringTrieResult's values and meaning.
  enum class Result { kNoMatch = 0, kNoValue = 1, kFinalValue = 2, kIntermediateValue = 3 };
  static bool has_next(Result r) { return (static_cast<int>(r) & 1) != 0; }
  static bool has_value(Result r) { return static_cast<int>(r) >= 2; }
  static constexpr int kPartial = 1, kMatch = 2;  // ICU's trie values

  struct Trie {
    struct Node {
      std::vector<std::pair<char32_t, int>> children;
      int value = -1;
      int ascii_table = -1;  // index into ascii_tables, for nodes with many children
    };
    std::vector<Node> nodes{Node{}};
    // The children of ASCII characters (-1: none) of nodes with more than
    // kScanChildren children, looked up without a scan ("." has one for
    // nearly every letter).
    static constexpr std::size_t kScanChildren = 4;
    std::vector<std::array<int, 128>> ascii_tables;

    void add(const std::u32string& key, int value) {
      int node = 0;
      for (char32_t c : key) {
        int next = -1;
        for (const auto& [k, child] : nodes[node].children) {
          if (k == c) next = child;
        }
        if (next < 0) {
          next = static_cast<int>(nodes.size());
          nodes[node].children.emplace_back(c, next);
          nodes.emplace_back();
        }
        node = next;
      }
      nodes[node].value = value;
    }
    // After the last add(): the tables of nodes with many children.
    void build() {
      for (Node& n : nodes) {
        if (n.children.size() <= kScanChildren) continue;
        n.ascii_table = static_cast<int>(ascii_tables.size());
        ascii_tables.emplace_back();
        ascii_tables.back().fill(-1);
        for (const auto& [c, child] : n.children) {
          if (c < 128) ascii_tables.back()[c] = child;
        }
      }
    }
    // The child of `node` along `c`, or -1.
    int child(int node, char32_t c) const {
      const Node& n = nodes[node];
      if (c < 128 && n.ascii_table >= 0) return ascii_tables[n.ascii_table][c];
      for (const auto& [k, next] : n.children) {
        if (k == c) return next;
      }
      return -1;
    }
    // Moves `node` along `c`, with UCharsTrie::next's result.
    Result step(int& node, char32_t c) const {
      const int next = child(node, c);
      if (next < 0) return Result::kNoMatch;
      node = next;
      const bool more = !nodes[next].children.empty();
      if (nodes[next].value >= 0) return more ? Result::kIntermediateValue : Result::kFinalValue;
      return Result::kNoValue;
    }
  };

  // SimpleFilteredBreakIteratorBuilder::build(): a string with a '.' before
  // its end ("Ph.D.") puts its prefix up to that '.' ("Ph.") in the backward
  // trie as partial, and every string sharing that prefix goes to the
  // forward trie; the rest go to the backward trie reversed, as matches.
  explicit AbbreviationFilter(const std::vector<std::u32string>& strings) {
    std::vector<std::u32string> prefixes;
    for (const auto& s : strings) {
      const std::size_t dot = s.find(U'.');
      if (dot != std::u32string::npos && dot + 1 != s.size())
        prefixes.push_back(s.substr(0, dot + 1));
    }
    std::sort(prefixes.begin(), prefixes.end());
    prefixes.erase(std::unique(prefixes.begin(), prefixes.end()), prefixes.end());
    for (const auto& p : prefixes) backward_.add(std::u32string(p.rbegin(), p.rend()), kPartial);
    for (const auto& s : strings) {
      const bool grouped = std::any_of(prefixes.begin(), prefixes.end(), [&](const auto& p) {
        return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
      });
      if (grouped) {
        forward_.add(s, kMatch);
      } else {
        backward_.add(std::u32string(s.rbegin(), s.rend()), kMatch);
      }
    }
    backward_.build();
    forward_.build();
  }

  Trie backward_, forward_;
};

const AbbreviationFilter* abbreviation_filter() {
  static const std::optional<AbbreviationFilter> kFilter = AbbreviationFilter::load();
  return kFilter ? &*kFilter : nullptr;
}

class Splitter {
 public:
  Splitter(std::string_view text, const AbbreviationFilter* filter)
      : s_(reinterpret_cast<const unsigned char*>(text.data())),
        n_(text.size()),
        table_(sb_table()),
        filter_(filter) {}

  // The first byte at or after i that the main loop must look at.
  std::size_t skip_to_stop(std::size_t i) const {
#if defined(__SSE2__)
    if (table_.usual_stops) {
      const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
                    question = _mm_set1_epi8('?'), lf = _mm_set1_epi8('\n'),
                    cr = _mm_set1_epi8('\r');
      for (; i + 16 <= n_; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s_ + i));
        const __m128i hits =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, question),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr))));
        // movemask(v) has the bytes >= 0x80.
        const int mask = _mm_movemask_epi8(hits) | _mm_movemask_epi8(v);
        if (mask != 0)
          return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
      }
    }
#endif
    while (i < n_ && !table_.stop[s_[i]]) ++i;
    return i;
  }

  // False when ICU's answer is not known (see AbbreviationFilter::at).
  bool run(std::vector<std::uint32_t>& breaks) {
    breaks_ = &breaks;
    std::size_t i = 0;
    while (i < n_ && ok_) {
      i = skip_to_stop(i);
      if (i >= n_) break;
      std::size_t length;
      const Sb c = class_at(i, length);
      switch (c) {
        case kCR:
        case kLF:
        case kSep:  // SB4: break after a paragraph separator (SB3: CR × LF)
          i = after_separator(i, c, length);
          add(i);
          break;
        case kATerm:
        case kSTerm:
          i = after_terminator(i, c == kATerm, length);
          break;
        default:
          i += length;
      }
    }
    if (n_ > 0 && (breaks.empty() || breaks.back() != n_))
      breaks.push_back(static_cast<std::uint32_t>(n_));
    return ok_;
  }

 private:
  Sb class_of(char32_t c) const {
    return c < 0x10000 ? table_.bmp[c] : sb_from_icu(static_cast<UChar32>(c));
  }
  Sb class_at(std::size_t i, std::size_t& length) const {
    if (s_[i] < 0x80) {
      length = 1;
      return table_.bmp[s_[i]];
    }
    return class_of(decode(s_, i, length));
  }
  // SB5: Extend and Format characters belong to the character before them.
  std::size_t skip_extend_format(std::size_t i) const {
    while (i < n_) {
      std::size_t length;
      const Sb c = class_at(i, length);
      if (c != kExtend && c != kFormat) break;
      i += length;
    }
    return i;
  }
  std::size_t after_separator(std::size_t i, Sb c, std::size_t length) const {
    i += length;
    if (c == kCR && i < n_ && s_[i] == '\n') ++i;
    return i;
  }
  // SB7: the character before the terminator at i (Extend and Format
  // skipped) is a cased letter.
  bool letter_before(std::size_t i) const {
    while (i > 0) {
      i = previous_start(s_, i);
      std::size_t length;
      const Sb c = class_at(i, length);
      if (c == kExtend || c == kFormat) continue;
      return c == kUpper || c == kLower;
    }
    return false;
  }

  // Handles the terminator at t: SATerm Close* Sp* ParaSep? and what
  // follows it (SB6-SB11); returns where scanning goes on.
  std::size_t after_terminator(std::size_t t, bool aterm, std::size_t length) {
    const std::size_t after_term = skip_extend_format(t + length);
    std::size_t j = after_term;
    Sb c = kOther;
    while (j < n_ && (c = class_at(j, length)) == kClose) j = skip_extend_format(j + length);
    while (j < n_ && (c = class_at(j, length)) == kSp) j = skip_extend_format(j + length);
    if (j >= n_) return n_;                   // SB2: the end breaks anyway
    if (c == kCR || c == kLF || c == kSep) {  // SB9-SB11, then SB4
      j = after_separator(j, c, length);
      add(j);
      return j;
    }
    if (aterm) {
      if (j == after_term) {
        if (c == kNumeric) return j;                    // SB6
        if (c == kUpper && letter_before(t)) return j;  // SB7
      }
      // SB8: ATerm Close* Sp* × (¬(OLetter|Upper|Lower|ParaSep|SATerm))* Lower
      std::size_t k = j;
      Sb d = c;
      while (d != kOLetter && d != kUpper && d != kLower && d != kSep && d != kCR && d != kLF &&
             d != kATerm && d != kSTerm) {
        k += length;
        if (k >= n_) break;
        d = class_at(k, length);
      }
      if (k < n_ && d == kLower) return j;
    }
    if (c == kSContinue || c == kATerm || c == kSTerm) return j;  // SB8a
    add(j);                                                       // SB11
    return j;
  }

  // A break of ICU's rules, unless an abbreviation holds it (ICU asks its
  // filter at every break but the one at the end).
  void add(std::size_t position) {
    if (filter_ && position < n_) {
      switch (filter_->at(s_, n_, position)) {
        case AbbreviationFilter::Verdict::kHold:
          return;
        case AbbreviationFilter::Verdict::kUnknown:
          ok_ = false;
          return;
        case AbbreviationFilter::Verdict::kBreak:
          break;
      }
    }
    breaks_->push_back(static_cast<std::uint32_t>(position));
  }

  const unsigned char* s_;
  std::size_t n_;
  const SbTable& table_;
  const AbbreviationFilter* filter_;
  std::vector<std::uint32_t>* breaks_ = nullptr;
  bool ok_ = true;
};

}  // namespace

bool fast_sentence_breaks(std::string_view text, bool with_abbreviations, bool valid_utf8,
                          std::vector<std::uint32_t>& breaks) {
  breaks.clear();
  if (text.size() >= static_cast<std::size_t>(INT32_MAX) ||
      (!valid_utf8 && find_invalid_utf8(text))) {
    return false;
  }
  const AbbreviationFilter* filter = nullptr;
  if (with_abbreviations) {
    filter = abbreviation_filter();
    if (!filter) return false;
  }
  breaks.reserve(text.size() / 64 + 1);
  return Splitter(text, filter).run(breaks);
}

std::optional<std::vector<std::uint32_t>> fast_sentence_breaks(std::string_view text,
                                                               bool with_abbreviations,
                                                               bool valid_utf8) {
  std::vector<std::uint32_t> breaks;
  if (!fast_sentence_breaks(text, with_abbreviations, valid_utf8, breaks)) return std::nullopt;
  return breaks;
}

std::vector<std::uint32_t> icu_sentence_breaks(std::string_view text, bool with_abbreviations) {
  std::vector<std::uint32_t> breaks;
  UErrorCode status = U_ZERO_ERROR;
  // The iterator reads a UTF-16 copy: ICU's rules run on UTF-16, and its
  // UTF-8 UText maps every chunk. Its boundaries are mapped back to byte
  // offsets as they come, in order.
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
      if (c < 0) {  // invalid UTF-8: ICU reads the bytes
        use_utf16 = false;
        break;
      }
      U16_APPEND_UNSAFE(utf16.data(), utf16_length, c);
    }
  }
  UText* sentence_text =
      use_utf16 ? utext_openUChars(nullptr, utf16.data(), utf16_length, &status)
                : utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return breaks;
  const IcuPrototypes& prototypes = icu_prototypes();
  std::unique_ptr<icu::BreakIterator> sentences(
      (with_abbreviations ? prototypes.filtered : prototypes.raw)->clone());
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
  sentences->first();
  for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE; end = sentences->next()) {
    breaks.push_back(static_cast<std::uint32_t>(byte_offset(end)));
  }
  sentences.reset();
  utext_close(sentence_text);
  return breaks;
}

}  // namespace crosscheck::internal
