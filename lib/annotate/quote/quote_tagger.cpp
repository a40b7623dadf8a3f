// Direct quotations: quotation marks are paired within a paragraph (a quote
// never crosses a line break, so an unbalanced mark cannot swallow the rest
// of the document), then each quote is attributed from the speech cue after
// or before it ("..., X said", "X said: ...", "according to X"), falling back
// to the quote it continues (split and multi-paragraph quotes). Speakers are
// noun phrases found by scanning words around the cue; pronouns and "the
// official" resolve to earlier speakers; names are canonicalised against the
// EntityLayer when it has them. Word lists live in lib/data/quote/.
#include "annotate/quote/quote_tagger.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <string>

#include "annotate/entity/entity_tagger.h"
#include "data/embedded.h"
#include "util/ascii.h"
#include "util/gallop.h"
#include "util/scratch.h"
#include "util/string_index.h"

namespace crosscheck::internal {
namespace {

enum class VerbKind : std::uint8_t { kFinite, kParticiple, kSource };
enum class PronounKind : std::uint8_t { kPerson, kGroup, kSelf, kRelative };

/// A set of words with allocation-free lookups; most lookups are misses and
/// StringIndex answers those from its in-cache filter.
class WordSet {
 public:
  void emplace(std::string_view word) { index_.try_emplace(word); }
  std::size_t count(std::string_view word) const { return index_.find(word) ? 1 : 0; }

 private:
  StringIndex<char> index_;  // values unused
};

/// Words to values with allocation-free lookups (a StringIndex, not a
/// node-based map hashing each key with std::hash).
template <typename Value>
class WordMap {
 public:
  /// The value under `word`, or nullptr.
  const Value* find(std::string_view word) const { return index_.find(word); }
  std::size_t count(std::string_view word) const { return index_.find(word) ? 1 : 0; }
  /// The value under `word`, inserted as Value{} when absent.
  Value& operator[](std::string_view word) { return *index_.try_emplace(word).first; }
  /// Inserts `value` unless `word` is there already (the first one wins).
  void emplace(std::string_view word, Value value) {
    auto [slot, inserted] = index_.try_emplace(word);
    if (inserted) *slot = std::move(value);
  }

 private:
  StringIndex<Value> index_;
};

struct QuoteData {
  // Speech verbs keyed by their first word; each entry lists the full word
  // sequence so multi-word cues ("according to") match.
  WordMap<std::vector<std::pair<std::vector<std::string>, VerbKind>>> verbs;
  WordMap<PronounKind> pronouns;
  WordSet titles, function_words, determiners, skip_words, not_names, organisation_words,
      speaker_nouns, abbreviations, attachments;
};

WordSet word_set(std::string_view file) {
  WordSet out;
  for (const auto& row : data_tsv(file)) {
    if (row[0].empty()) {
      report_data_row(file, row, "no word");
      continue;
    }
    out.emplace(row[0]);
  }
  return out;
}

const QuoteData& quote_data() {
  static const QuoteData kData = [] {
    QuoteData d;
    for (const auto& row : data_tsv("quote/speech_verbs.tsv", 2)) {
      if (row[1] != "finite" && row[1] != "participle" && row[1] != "source") {
        report_data_row("quote/speech_verbs.tsv", row, "unknown kind");
        continue;
      }
      std::vector<std::string> words;
      std::string_view w = row[0];
      while (!w.empty()) {
        auto sp = w.find(' ');
        if (sp != 0) words.emplace_back(w.substr(0, sp));
        if (sp == std::string_view::npos) break;
        w.remove_prefix(sp + 1);
      }
      if (words.empty()) continue;
      VerbKind kind = row[1] == "participle" ? VerbKind::kParticiple
                      : row[1] == "source"   ? VerbKind::kSource
                                             : VerbKind::kFinite;
      d.verbs[words[0]].emplace_back(std::move(words), kind);
    }
    for (const auto& row : data_tsv("quote/pronouns.tsv", 2)) {
      if (row[1] != "person" && row[1] != "group" && row[1] != "self" && row[1] != "relative") {
        report_data_row("quote/pronouns.tsv", row, "unknown kind");
        continue;
      }
      PronounKind kind = row[1] == "person"  ? PronounKind::kPerson
                         : row[1] == "group" ? PronounKind::kGroup
                         : row[1] == "self"  ? PronounKind::kSelf
                                             : PronounKind::kRelative;
      d.pronouns.emplace(row[0], kind);
    }
    d.titles = word_set("quote/titles.tsv");
    d.function_words = word_set("quote/function_words.tsv");
    d.determiners = word_set("quote/determiners.tsv");
    d.skip_words = word_set("quote/skip_words.tsv");
    d.not_names = word_set("quote/not_names.tsv");
    d.organisation_words = word_set("quote/organisation_words.tsv");
    d.speaker_nouns = word_set("quote/speaker_nouns.tsv");
    d.abbreviations = word_set("quote/abbreviations.tsv");
    d.attachments = word_set("quote/attachments.tsv");
    return d;
  }();
  return kData;
}

// ---------------------------------------------------------------- words --

/// A word or punctuation mark, with abbreviations ("Mr.") and hyphenated
/// words ("Secretary-General") merged back from ICU's tokens. No default
/// member values: build_words() sets every field, and the reused buffer is
/// not cleared per document.
struct Word {
  std::uint32_t begin, end;  // 32 bits as in Token: a word takes 32 bytes, not 48
  std::string_view lower;    ///< lower-cased (ASCII), possessive "'s" removed; in TextLayer::lower
  std::uint32_t paragraph;
  bool capitalised;
  bool punct;
  bool possessive;
};

/// ascii_lowered(a) == ascii_lowered(b), without building either.
bool ascii_iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (ascii_lower(a[k]) != ascii_lower(b[k])) return false;
  }
  return true;
}

/// ascii_lowered(s).ends_with(lower_suffix), for a suffix already in lower case.
bool ascii_lower_ends_with(std::string_view s, std::string_view lower_suffix) {
  return s.size() >= lower_suffix.size() &&
         ascii_iequal(s.substr(s.size() - lower_suffix.size()), lower_suffix);
}

// Outside the ASCII fast path: ICU decides.
bool starts_upper_non_ascii(std::string_view s) {
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_isupper(c);
}

inline bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  auto first = static_cast<unsigned char>(s[0]);
  if (first < 0x80) return first >= 'A' && first <= 'Z';  // what u_isupper says for ASCII
  return starts_upper_non_ascii(s);
}

bool is_abbreviation(std::string_view lower) {
  return lower.size() == 1 || quote_data().abbreviations.count(lower) > 0;
}

/// A slot of the index of capitalised words: the first and last word of one
/// spelling (word indices), or empty.
struct CapitalSlot {
  static constexpr std::uint32_t kEmpty = static_cast<std::uint32_t>(-1);
  std::uint32_t hash = 0;
  std::uint32_t first = kEmpty;
  std::uint32_t last = kEmpty;
};

/// Buffers reused by the documents a thread tags one after another.
struct Scratch {
  std::vector<Word> words;                 ///< only grows; build_words() says how many are in use
  std::vector<std::uint32_t> capitalised;  ///< indices of the capitalised words; only grows
  std::size_t capitalised_count = 0;       ///< how many of `capitalised` are in use
  std::vector<CapitalSlot> capital_slots;
  std::vector<std::size_t> next_capitalised;

  /// Frees what an unusually large document left behind, so that a thread
  /// does not keep it for the rest of its life.
  void trim() {
    release_if_larger(words);
    release_if_larger(capitalised);
    release_if_larger(capital_slots);
    release_if_larger(next_capitalised);
  }
};

Scratch& scratch() {
  thread_local Scratch buffers;
  return buffers;
}

// Merges the tokens that continue the word at `tok`, which an adjacent token
// follows: hyphenated words ("Secretary-General") and abbreviations ("Mr.").
// Returns the last token taken and sets *end to its end. Out of line: few
// words need it, and the loop of build_words() keeps its values in registers.
[[gnu::noinline]] const Token* merge_word(const Token* tok, const Token* tok_end, const char* low,
                                          std::uint32_t* end) {
  const std::uint32_t b = tok->begin;
  std::uint32_t e = *end;
  while (tok + 2 < tok_end && tok[1].begin == e && tok[2].begin == tok[1].end &&
         tok[1].end - tok[1].begin == 1 && low[tok[1].begin] == '-' &&
         tok[2].kind == Token::Kind::kWord) {
    e = tok[2].end;
    tok += 2;
  }
  if (tok + 1 < tok_end && tok[1].begin == e && tok[1].end - tok[1].begin == 1 &&
      low[tok[1].begin] == '.' && is_abbreviation(std::string_view(low + b, e - b))) {
    e = tok[1].end;
    ++tok;
  }
  *end = e;
  return tok;
}

// Fills scratch.words (and scratch.capitalised) for the text and returns the
// words; their `lower` views point into text.lower, the text in ASCII lower
// case.
std::span<const Word> build_words(const TextLayer& text, Scratch& scratch) {
  if (text.lower.size() < text.text.size()) {
    throw std::logic_error("tag_quotes: the text layer has no lower-cased text (use segment())");
  }
  const char* t = text.text.data();
  const char* low = text.lower.data();
  const Token* tok = text.tokens.data();
  const Token* const tok_end = tok + text.tokens.size();
  // One word per token at most. Grown, never shrunk or cleared: resizing to
  // each document's size would initialise every word before it is written.
  std::vector<Word>& words = scratch.words;
  if (words.size() < text.tokens.size()) words.resize(text.tokens.size());
  std::vector<std::uint32_t>& capitalised = scratch.capitalised;
  if (capitalised.size() < text.tokens.size()) capitalised.resize(text.tokens.size());
  Word* const out = words.data();
  std::uint32_t* next_capital =
      capitalised.data();  // written for every word, kept when capitalised
  std::uint32_t count = 0;
  std::uint32_t paragraph = 0;
  std::uint32_t last_end = 0;
  for (; tok < tok_end; ++tok) {
    const std::uint32_t b = tok->begin;
    std::uint32_t e = tok->end;
    const Token::Kind kind = tok->kind;
    // Only a hyphen or a dot right after a word can continue it (most
    // adjacent marks are commas and quotation marks: no call for them).
    // low[e] is text or padding: tested first, it decides for most tokens.
    const char after = low[e];
    if ((after == '-' || after == '.') && kind == Token::Kind::kWord && tok + 1 < tok_end &&
        tok[1].begin == e && tok[1].end - tok[1].begin == 1) {
      tok = merge_word(tok, tok_end, low, &e);
    }
    // A line break between the previous word and this one starts a paragraph.
    // Most gaps are no byte (a mark after a word) or one space: arithmetic,
    // not a branch on which (low[last_end] is this word's first byte then).
    if (b <= last_end + 1) {
      paragraph += (b > last_end) & (low[last_end] == '\n');
    } else {
      for (std::uint32_t k = last_end; k < b; ++k) {
        if (low[k] == '\n') {
          ++paragraph;
          break;
        }
      }
    }
    last_end = e;
    std::uint32_t n = e - b;
    const bool punct = kind == Token::Kind::kPunct || kind == Token::Kind::kSymbol;
    // An ASCII capital is the one byte that lower-casing changes.
    bool capital = !punct && n > 0 && t[b] != low[b];
    if (!punct && n > 0 && static_cast<unsigned char>(t[b]) >= 0x80) [[unlikely]] {
      capital = starts_upper_non_ascii(std::string_view(t + b, n));
    }
    *next_capital = count;
    next_capital += capital;
    // Lower case without the possessive ending and a final dot; most words
    // end in neither 's' nor '.'.
    bool possessive = false;
    const char* s = low + b;
    const char last = n > 0 ? s[n - 1] : 0;
    if (last == 's' || last == '.') {
      if (n > 2 && s[n - 2] == '\'' && last == 's') {
        n -= 2;
        possessive = true;
      } else if (n > 4 && s[n - 4] == '\xE2' && s[n - 3] == '\x80' && s[n - 2] == '\x99' &&
                 last == 's') {
        n -= 4;
        possessive = true;
      }
      if (n > 1 && s[n - 1] == '.') --n;
    }
    Word& w = out[count++];
    w.begin = b;
    w.end = e;
    w.lower = std::string_view(s, n);
    w.paragraph = paragraph;
    w.capitalised = capital;
    w.punct = punct;
    w.possessive = possessive;
  }
  scratch.capitalised_count = static_cast<std::size_t>(next_capital - capitalised.data());
  return std::span<const Word>(out, count);
}

bool is_sentence_end(const Word& w) {
  if (!w.punct || w.lower.size() != 1) return false;
  char c = w.lower[0];
  return c == '.' || c == '!' || c == '?' || c == ';';
}

bool is_dash(std::string_view s) {
  return s == "-" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94" || s == "\xE2\x80\x95";
}

bool is_quote_mark_text(std::string_view s) {
  return s == "\"" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x9E" ||
         s == "\xC2\xAB" || s == "\xC2\xBB";
}

// --------------------------------------------------------- quote regions --

struct Region {
  std::size_t open = 0;       ///< byte of the opening mark
  std::size_t close_end = 0;  ///< byte after the closing mark (or the cut)
  Span inner;                 ///< the quoted words, trimmed
  bool closed = true;
  bool continues = false;     ///< runs on into the next paragraph
  bool continuation = false;  ///< continues the previous region's quote
};

enum class MarkKind : std::uint8_t { kOpen, kClose, kEither };

struct Mark {
  std::size_t pos = 0, len = 0;
  MarkKind kind = MarkKind::kEither;
};

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

Span trim(std::string_view text, std::size_t b, std::size_t e) {
  while (b < e && is_space_byte(text[b])) ++b;
  while (e > b && is_space_byte(text[e - 1])) --e;
  // Non-breaking spaces at the edges.
  while (e >= b + 2 && text.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
  while (b + 2 <= e && text.substr(b, 2) == "\xC2\xA0") b += 2;
  return Span{b, e};
}

constexpr std::size_t kMaxUnclosedBytes = 1500;
// A quote without a cue continues the previous quote's speaker when it is at
// most this many paragraphs further on.
constexpr std::size_t kInheritParagraphs = 1;
// Words between a quote and the verb of the cue after it ("..., Seth McKee, a
// political scientist at Texas Tech University, told The Hill").
constexpr std::size_t kMaxCueDistance = 35;
// Longest apposition skipped between a speaker and its verb.
constexpr std::size_t kMaxApposition = 30;
// Longest uncued title-case quote taken for the name of a work or show.
constexpr std::size_t kMaxTitleWords = 6;
// Speakers remembered for resolving pronouns and nominal speakers.
constexpr std::size_t kSeenWindow = 64;

/// How many bytes a scan for quotation marks takes at byte `pos` of a
/// possible mark ('"', 0xE2, 0xC2): 0 when a mark starts there ('"', the
/// curly marks E2 80 9C/9D/9E, the guillemets C2 AB/BB), 3 for any other
/// E2 80 xx (apostrophes, dashes: skipped whole, even in broken UTF-8),
/// else 1.
inline std::size_t mark_step(std::string_view text, std::size_t pos) {
  auto c = static_cast<unsigned char>(text[pos]);
  if (c == '"') return 0;
  if (c == 0xE2 && pos + 2 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0x80) {
    auto d = static_cast<unsigned char>(text[pos + 2]);
    return d == 0x9C || d == 0x9D || d == 0x9E ? 0 : 3;
  }
  if (c == 0xC2 && pos + 1 < text.size()) {
    auto d = static_cast<unsigned char>(text[pos + 1]);
    if (d == 0xAB || d == 0xBB) return 0;
  }
  return 1;
}

/// The first byte from i on where a quotation mark starts (as a byte-by-byte
/// scan with mark_step would find it) or a line break is, or text.size(): one
/// pass finds the marks of a paragraph and where it ends. A line break ends
/// the paragraph even inside a sequence mark_step skips (broken UTF-8). Bytes
/// that may start one are found sixteen at a time where SSE2 is there (else
/// eight); most 0xE2 bytes are apostrophes and dashes and are passed over here.
std::size_t next_mark_or_line(std::string_view text, std::size_t i) {
  const char* p = text.data();
  const std::size_t end = text.size();
  std::size_t skip = i;  // mark candidates before this byte were passed over
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i lead = _mm_set1_epi8(static_cast<char>(0xE2));
  const __m128i bit5 = _mm_set1_epi8(0x20);  // 0xC2 | 0x20 == 0xE2
  const __m128i line = _mm_set1_epi8('\n');
  for (; i + 16 <= end; i += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i hits = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(_mm_or_si128(x, bit5), lead)),
        _mm_cmpeq_epi8(x, line));
    for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits)); mask != 0; mask &= mask - 1) {
      std::size_t pos = i + static_cast<std::size_t>(std::countr_zero(mask));
      if (p[pos] == '\n') return pos;
      if (pos < skip) continue;
      std::size_t step = mark_step(text, pos);
      if (step == 0) return pos;
      skip = pos + step;
    }
  }
#else
  // A zero byte of x ^ pattern, found exactly (no borrow between bytes).
  auto zero_bytes = [](std::uint64_t v) {
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((v & kLow7) + kLow7) | v) & ~kLow7;
  };
  while (i + 8 <= end) {
    std::uint64_t x;
    std::memcpy(&x, p + i, 8);
    std::uint64_t y = x | 0x2020202020202020ull;  // 0xC2 | 0x20 == 0xE2
    if (zero_bytes(y ^ 0x2222222222222222ull) | zero_bytes(y ^ 0xE2E2E2E2E2E2E2E2ull) |
        zero_bytes(x ^ 0x0A0A0A0A0A0A0A0Aull)) {
      break;
    }
    i += 8;
  }
#endif
  for (; i < end; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c == '\n') return i;
    if (i < skip || (c != '"' && c != 0xE2 && c != 0xC2)) continue;
    std::size_t step = mark_step(text, i);
    if (step == 0) return i;
    skip = i + step;
  }
  return end;
}

/// Pairs quotation marks paragraph by paragraph: the quote regions of `text`,
/// in text order, into `regions`; `marks` is a buffer (both are reused from
/// one document to the next).
void find_regions(std::string_view text, std::vector<Region>& regions, std::vector<Mark>& marks) {
  regions.clear();
  std::size_t para_begin = 0;
  while (para_begin <= text.size()) {
    // The paragraph's marks, up to its line break (found by the same scan).
    std::size_t para_end;
    marks.clear();
    for (std::size_t i = para_begin;;) {
      i = next_mark_or_line(text, i);
      if (i >= text.size() || text[i] == '\n') {
        para_end = i;
        break;
      }
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == '"') {
        marks.push_back({i, 1, MarkKind::kEither});
        ++i;
      } else if (c == 0xE2 && i + 2 < text.size() &&
                 static_cast<unsigned char>(text[i + 1]) == 0x80) {
        unsigned char d = static_cast<unsigned char>(text[i + 2]);
        if (d == 0x9C || d == 0x9E) marks.push_back({i, 3, MarkKind::kOpen});
        if (d == 0x9D) marks.push_back({i, 3, MarkKind::kClose});
        i += 3;
      } else if (c == 0xC2 && i + 1 < text.size() &&
                 (static_cast<unsigned char>(text[i + 1]) == 0xAB ||
                  static_cast<unsigned char>(text[i + 1]) == 0xBB)) {
        marks.push_back(
            {i, 2,
             static_cast<unsigned char>(text[i + 1]) == 0xAB ? MarkKind::kOpen : MarkKind::kClose});
        i += 2;
      } else {
        ++i;
      }
    }
    const Mark* open = nullptr;  // points into marks, which no longer changes
    auto emit_unclosed = [&](const Mark& m, std::size_t limit) {
      Region r;
      r.open = m.pos;
      r.closed = false;
      std::size_t end = limit;
      if (end - m.pos > kMaxUnclosedBytes) {
        // Too long to be one quote: keep the first sentence-like stretch.
        std::size_t cut = m.pos + m.len;
        std::size_t stop = std::min(limit, m.pos + kMaxUnclosedBytes);
        std::size_t best = stop;
        for (std::size_t k = cut; k + 1 < stop; ++k) {
          if ((text[k] == '.' || text[k] == '!' || text[k] == '?') && text[k + 1] == ' ') {
            best = k + 1;
            break;
          }
        }
        end = best;
      }
      r.close_end = end;
      r.inner = trim(text, m.pos + m.len, end);
      if (!r.inner.empty()) regions.push_back(r);
    };
    for (const Mark& m : marks) {
      if (!open) {
        if (m.kind == MarkKind::kClose) continue;  // stray closing mark
        if (m.kind == MarkKind::kEither) {
          // A straight mark followed by a space (or the end) cannot open.
          std::size_t after = m.pos + 1;
          if (after >= para_end || is_space_byte(text[after])) continue;
        }
        open = &m;
        continue;
      }
      if (m.kind == MarkKind::kOpen && open->kind == MarkKind::kOpen) {
        // A second opening mark: the first was never closed.
        emit_unclosed(*open, m.pos);
        open = &m;
        continue;
      }
      if (m.kind == MarkKind::kOpen) continue;
      Region r;
      r.open = open->pos;
      r.close_end = m.pos + m.len;
      r.inner = trim(text, open->pos + open->len, m.pos);
      if (!r.inner.empty()) regions.push_back(r);
      open = nullptr;
    }
    if (open) {
      // Unclosed at the paragraph's end: a multi-paragraph quote when the
      // next paragraph opens with a mark, else an unbalanced mark.
      std::size_t next = para_end;
      while (next < text.size() && is_space_byte(text[next])) ++next;
      bool next_opens =
          next < text.size() && (text[next] == '"' || text.substr(next, 3) == "\xE2\x80\x9C" ||
                                 text.substr(next, 3) == "\xE2\x80\x9E");
      std::size_t before = regions.size();
      emit_unclosed(*open, para_end);
      if (regions.size() > before && next_opens) regions.back().continues = true;
    }
    if (para_end >= text.size()) break;
    para_begin = para_end + 1;
  }
  for (std::size_t i = 1; i < regions.size(); ++i) {
    if (regions[i - 1].continues) regions[i].continuation = true;
  }
}

// -------------------------------------------------------------- speakers --

enum class SpeakerKind : std::uint8_t { kNone, kName, kNominal, kPronoun };
constexpr std::size_t kNoHead = static_cast<std::size_t>(-1);

struct SpeakerPhrase {
  SpeakerKind kind = SpeakerKind::kNone;
  std::size_t first = 0, last = 0;  ///< word indices, inclusive
  std::size_t head = kNoHead;       ///< last word of the core phrase ("Morgan" of the Sierra Club)
  std::size_t core_last() const { return head == kNoHead ? last : head; }
  PronounKind pronoun = PronounKind::kPerson;
};

// A speaker seen so far, for pronouns and "the official": the quote whose
// speaker (name and id) it is, and the rest of its Resolved.
struct SeenSpeaker {
  std::size_t quote;
  bool person;
  bool nominal;
  std::string_view head;  // in TextLayer::lower: no string to copy when the vector grows
  std::size_t at;
};

// find_regions()' buffers, the regions' speaker phrases and the attributor's
// lists, per thread (reused: no allocations per document).
struct RegionBuffers {
  std::vector<Region> regions;
  std::vector<Mark> marks;
  std::vector<std::optional<SpeakerPhrase>> phrases;
  std::vector<std::uint8_t> cued;
  std::vector<Span> quoted;
  std::vector<SeenSpeaker> seen;
};

RegionBuffers& region_buffers() {
  thread_local RegionBuffers buffers;
  return buffers;
}

struct Resolved {
  std::string name;
  std::string id;
  bool person = false;
  bool nominal = false;
  std::string_view head;  ///< last word of a nominal speaker ("official"), in TextLayer::lower
};

class Attributor {
 public:
  Attributor(const TextLayer& text, const EntityLayer& entities)
      : text_(text),
        entities_(entities),
        data_(quote_data()),
        scratch_(scratch()),
        seen_(region_buffers().seen),
        quoted_(region_buffers().quoted),
        capital_slots_(scratch_.capital_slots),
        next_capitalised_(scratch_.next_capitalised) {
    seen_.clear();
    quoted_.clear();
  }

  std::vector<Quote> run() {
    RegionBuffers& buffers = region_buffers();
    find_regions(text_.text, buffers.regions, buffers.marks);
    const std::vector<Region>& regions = buffers.regions;
    if (regions.empty()) return {};  // no quotation marks: no words needed
    words_ = build_words(text_, scratch_);
    quoted_.reserve(regions.size());
    for (const Region& r : regions) quoted_.push_back(r.inner);
    // (Made in place, one per region, and never moved by growth; remembered
    // speakers refer to them by index.)
    std::vector<Quote> quotes;
    quotes.reserve(regions.size());
    quotes_ = &quotes;
    std::vector<std::optional<SpeakerPhrase>>& phrases = buffers.phrases;
    phrases.assign(regions.size(), std::nullopt);
    std::vector<std::uint8_t>& cued = buffers.cued;
    cued.assign(regions.size(), 0);
    for (std::size_t i = 0; i < regions.size(); ++i) {
      const Region& r = regions[i];
      std::size_t next_open = i + 1 < regions.size() ? regions[i + 1].open : text_.text.size();
      std::size_t prev_close = i > 0 ? regions[i - 1].close_end : 0;
      bool cue = false;
      phrases[i] = attribute(r, prev_close, next_open, cue);
      cued[i] = cue;
    }
    for (std::size_t i = 0; i < regions.size(); ++i) {
      Quote& q = quotes.emplace_back();
      q.span = regions[i].inner;
      q.text = text_.span_text(q.span);
      if (phrases[i]) {
        const SpeakerPhrase& p = *phrases[i];
        q.speaker_mention = Span{words_[p.first].begin, words_[p.last].end};
        Resolved who = resolve(p, regions[i].open);
        q.speaker = std::move(who.name);
        q.speaker_id = std::move(who.id);
        if (!q.speaker.empty()) remember(i, who, q.speaker_mention->begin);
      } else {
        // Split and continued quotes take the speaker of the quote they go on from.
        std::size_t para = paragraph_at(regions[i].open);
        if (i > 0 && quotes[i - 1].speaker_mention &&
            (regions[i].continuation ||
             para <= paragraph_at(regions[i - 1].open) + kInheritParagraphs)) {
          q.speaker = quotes[i - 1].speaker;
          q.speaker_id = quotes[i - 1].speaker_id;
          q.speaker_mention = quotes[i - 1].speaker_mention;
        }
      }
    }
    // Earlier pieces of a multi-paragraph quote take the speaker named at its end.
    for (std::size_t i = regions.size(); i-- > 1;) {
      if (regions[i].continuation && !quotes[i - 1].speaker_mention && quotes[i].speaker_mention) {
        quotes[i - 1].speaker = quotes[i].speaker;
        quotes[i - 1].speaker_id = quotes[i].speaker_id;
        quotes[i - 1].speaker_mention = quotes[i].speaker_mention;
      }
    }
    // Quotation marks around things other than words spoken: titles of shows
    // and works ("Meet the Press"), slogans, handles and ids in embedded posts.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < quotes.size(); ++i) {
      if (!looks_like_speech(quotes[i].text, cued[i])) continue;
      if (kept != i) quotes[kept] = std::move(quotes[i]);
      ++kept;
    }
    quotes.erase(quotes.begin() + static_cast<std::ptrdiff_t>(kept), quotes.end());
    return quotes;
  }

 private:
  const TextLayer& text_;
  const EntityLayer& entities_;
  const QuoteData& data_;
  Scratch& scratch_;             // buffers reused across documents
  std::span<const Word> words_;  // in scratch_.words
  // Speakers seen so far, in text order (in region_buffers()).
  using Seen = SeenSpeaker;
  std::vector<Seen>& seen_;
  const std::vector<Quote>* quotes_ = nullptr;  // the quotes made so far (run())
  const std::string& name_of(const Seen& seen) const { return (*quotes_)[seen.quote].speaker; }
  Resolved resolved_of(const Seen& seen) const {
    const Quote& q = (*quotes_)[seen.quote];
    return Resolved{q.speaker, q.speaker_id, seen.person, seen.nominal, seen.head};
  }
  std::vector<Span>& quoted_;  ///< inner spans of all quotes (in region_buffers())
  /// Capitalised words by lower case: a chain per spelling, in text order,
  /// from the first word (first_capitalised) on through next_capitalised_.
  /// Built when expand_surname() has asked often (most documents ask a few
  /// times, and about half of them never).
  static constexpr std::size_t kNoWord = static_cast<std::size_t>(-1);
  std::vector<CapitalSlot>& capital_slots_;  // open addressing, size a power of two
  std::vector<std::size_t>& next_capitalised_;
  mutable bool capitalised_indexed_ = false;
  /// Capitalised words expand_surname() has read one by one; past
  /// kScanBudget times their number it indexes them instead.
  mutable std::size_t capitalised_scanned_ = 0;
  static constexpr std::size_t kScanBudget = 8;
  mutable std::size_t last_word_found_ = 0;     ///< word_at_or_after()'s last answer
  mutable std::size_t last_mention_found_ = 0;  ///< first_mention_at_or_after()'s last answer

  void index_capitalised() const {
    std::span<const std::uint32_t> capitalised(scratch_.capitalised.data(),
                                               scratch_.capitalised_count);
    std::size_t size = 16;
    while (size < 2 * capitalised.size()) size *= 2;
    capital_slots_.assign(size, CapitalSlot{});
    next_capitalised_.assign(words_.size(), kNoWord);
    const std::size_t mask = size - 1;
    for (std::size_t i : capitalised) {
      std::string_view lower = words_[i].lower;
      std::uint64_t h = short_string_hash(lower);
      auto h32 = static_cast<std::uint32_t>(h);
      for (std::size_t at = h & mask;; at = (at + 1) & mask) {
        CapitalSlot& slot = capital_slots_[at];
        if (slot.first == CapitalSlot::kEmpty) {
          slot = CapitalSlot{h32, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i)};
          break;
        }
        if (slot.hash == h32 && words_[slot.first].lower == lower) {
          next_capitalised_[slot.last] = i;
          slot.last = static_cast<std::uint32_t>(i);
          break;
        }
      }
    }
    capitalised_indexed_ = true;
  }

  /// The first capitalised word written `lower` in lower case (then follow
  /// next_capitalised_), or kNoWord.
  std::size_t first_capitalised(std::string_view lower) const {
    if (!capitalised_indexed_) index_capitalised();
    const std::size_t mask = capital_slots_.size() - 1;
    std::uint64_t h = short_string_hash(lower);
    auto h32 = static_cast<std::uint32_t>(h);
    for (std::size_t at = h & mask;; at = (at + 1) & mask) {
      const CapitalSlot& slot = capital_slots_[at];
      if (slot.first == CapitalSlot::kEmpty) return kNoWord;
      if (slot.hash == h32 && words_[slot.first].lower == lower) return slot.first;
    }
  }

  bool any_capital(std::size_t first, std::size_t last) const {
    for (std::size_t i = first; i <= last; ++i) {
      if (words_[i].capitalised) return true;
    }
    return false;
  }

  /// True when word i ends a sentence; a dot followed by ")", "," or a
  /// lower-case word closes an abbreviation instead ("(D-Wis.) said").
  bool ends_sentence(std::size_t i) const {
    if (!is_sentence_end(words_[i])) return false;
    if (words_[i].lower == "." && i + 1 < words_.size() &&
        words_[i + 1].begin == words_[i].end + 0 &&
        (words_[i + 1].lower == ")" || words_[i + 1].lower == ",")) {
      return false;
    }
    if (words_[i].lower == "." && i > 0 && words_[i - 1].end == words_[i].begin &&
        i + 1 < words_.size() && !words_[i + 1].punct && !words_[i + 1].capitalised &&
        words_[i + 1].paragraph == words_[i].paragraph) {
      return false;
    }
    return true;
  }

  /// False for quoted material that is not speech: ids, handles and
  /// dates (no spaces, digits or '@'), and uncued title-case names of works.
  bool looks_like_speech(std::string_view q, bool cued) const {
    bool has_space = q.find(' ') != std::string_view::npos;
    bool has_letter = false;
    for (char c : q) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        has_letter = true;
        break;
      }
    }
    if (!has_letter) return false;
    if (!has_space) {
      for (std::size_t i = 0; i < q.size(); ++i) {
        char c = q[i];
        if ((c >= '0' && c <= '9') || c == '@' || c == '_' || c == '/') return false;
        if (i > 0 && c >= 'A' && c <= 'Z' && q[i - 1] >= 'a' && q[i - 1] <= 'z') return false;
      }
    }
    if (cued) return true;
    // Title case: every word capitalised but small function words.
    std::size_t words = 0, capitals = 0;
    std::size_t i = 0;
    while (i < q.size()) {
      while (i < q.size() && q[i] == ' ') ++i;
      std::size_t b = i;
      while (i < q.size() && q[i] != ' ') ++i;
      std::string_view w = q.substr(b, i - b);
      if (w.empty()) continue;
      std::size_t first = 0;
      while (first < w.size() && !ascii_alnum(static_cast<unsigned char>(w[first])) &&
             static_cast<unsigned char>(w[first]) < 0x80) {
        ++first;
      }
      if (first >= w.size()) continue;
      ++words;
      if (starts_upper(w.substr(first))) {
        ++capitals;
      } else {
        std::string lw = ascii_lowered(w.substr(first));
        while (!lw.empty() && !ascii_alnum(static_cast<unsigned char>(lw.back()))) lw.pop_back();
        if (!data_.function_words.count(lw) && !data_.determiners.count(lw)) return true;
      }
    }
    return !(words > 0 && words <= kMaxTitleWords && capitals > 0);
  }

  std::size_t paragraph_at(std::size_t byte) const {
    std::size_t i = word_at_or_after(byte);
    if (i < words_.size()) return words_[i].paragraph;
    return words_.empty() ? 0 : words_.back().paragraph;
  }

  /// The first word that begins at or after `byte` (words_.size() if none).
  /// Most queries fall near the previous answer (the quotes are visited in
  /// text order), so the search gallops out from it to bound a binary search
  /// over a few nearby words, not over the whole document.
  std::size_t word_at_or_after(std::size_t byte) const {
    last_word_found_ = gallop_partition_point(
        words_.size(), last_word_found_, [&](std::size_t k) { return words_[k].begin < byte; });
    return last_word_found_;
  }

  /// True when only a cue-free stretch without a sentence end separates two
  /// quotes of one paragraph ("X," he said. "Y" is handled by the cue itself).
  bool continues_sentence(const Region& a, const Region& b) const {
    std::size_t lo = word_at_or_after(a.close_end), hi = word_at_or_after(b.open);
    return hi - lo <= 1;
  }

  bool is_quote_mark(const Word& w) const {
    return w.punct && is_quote_mark_text(text_.text.substr(w.begin, w.end - w.begin));
  }

  /// The speech verb starting at word i, if any: its kind and its length.
  std::optional<std::pair<VerbKind, std::size_t>> verb_at(std::size_t i, std::size_t hi) const {
    if (words_[i].punct) return std::nullopt;
    const auto* entries = data_.verbs.find(words_[i].lower);
    if (!entries) return std::nullopt;
    // "the United States" is not a cue; "According to" and "Said Smith:" may be.
    if (words_[i].capitalised && i > 0 && !words_[i - 1].punct) return std::nullopt;
    std::optional<std::pair<VerbKind, std::size_t>> best;
    for (const auto& [seq, kind] : *entries) {
      if (i + seq.size() > hi) continue;
      bool ok = true;
      for (std::size_t k = 1; k < seq.size() && ok; ++k) ok = words_[i + k].lower == seq[k];
      if (ok && (!best || seq.size() > best->second)) best = std::make_pair(kind, seq.size());
    }
    return best;
  }

  /// True when words [b, e) can only be modifiers of a following speaker
  /// phrase ("the bespectacled, 71-year-old diplomat").
  bool only_modifiers(std::size_t b, std::size_t e) const {
    if (e <= b || e - b > 5) return false;
    for (std::size_t i = b; i < e; ++i) {
      const Word& w = words_[i];
      if (w.punct) {
        if (w.lower != ",") return false;
        continue;
      }
      if (data_.determiners.count(w.lower)) continue;
      if (w.capitalised || data_.function_words.count(w.lower) || data_.pronouns.count(w.lower) ||
          data_.verbs.count(w.lower)) {
        return false;
      }
    }
    return true;
  }

  /// A noun that can head a speaker phrase ("official", "aides", "the ad").
  bool speaker_noun(std::string_view lower) const {
    if (data_.speaker_nouns.count(lower) || data_.titles.count(lower)) return true;
    if (lower.size() > 3 && lower.back() == 's') {
      std::string_view singular = lower.substr(0, lower.size() - 1);
      return data_.speaker_nouns.count(singular) || data_.titles.count(singular);
    }
    return false;
  }

  bool nominal_word(const Word& w) const {
    if (w.punct || w.lower.empty()) return false;
    if (data_.function_words.count(w.lower) || data_.verbs.count(w.lower)) return false;
    if (data_.pronouns.count(w.lower)) return false;
    for (char c : w.lower) {
      if (c >= '0' && c <= '9') return false;
    }
    return true;
  }

  /// The speaker phrase ending just before word `v` (exclusive), scanning
  /// back no further than `lo`.
  std::optional<SpeakerPhrase> phrase_before(std::size_t v, std::size_t lo) const {
    std::size_t j = v;
    while (j > lo && !words_[j - 1].punct && data_.skip_words.count(words_[j - 1].lower)) --j;
    while (j > lo && !words_[j - 1].punct && words_[j - 1].lower.size() > 3 &&
           words_[j - 1].lower.ends_with("ly") && !words_[j - 1].capitalised) {
      --j;
    }
    if (j <= lo) return std::nullopt;
    const Word& w = words_[j - 1];
    if (!w.punct) {
      if (const PronounKind* p = data_.pronouns.find(w.lower)) {
        if (*p == PronounKind::kRelative) {
          // "Smith, who ..., said": the phrase before the comma.
          if (j - 1 > lo && words_[j - 2].lower == ",") return phrase_before(j - 2, lo);
          return std::nullopt;
        }
        SpeakerPhrase sp;
        sp.kind = SpeakerKind::kPronoun;
        sp.first = sp.last = j - 1;
        sp.pronoun = *p;
        return sp;
      }
    }
    if (w.punct && (w.lower == "," || w.lower == ")")) {
      // Apposition: "X, the minister, said" -> X (or the appositive alone).
      std::string open = w.lower == ")" ? "(" : ",";
      std::size_t k = j - 1;
      if (w.lower == "," && k > lo && words_[k - 1].lower == ")") {
        // "John Kasich (R-OH), said"
        open = "(";
        --k;
      }
      std::size_t stop = k > lo + kMaxApposition ? k - kMaxApposition : lo;
      while (k > stop && !(words_[k - 1].punct && words_[k - 1].lower == open) &&
             !is_quote_mark(words_[k - 1]) && !ends_sentence(k - 1)) {
        --k;
      }
      if (k > stop && words_[k - 1].lower == open) {
        auto head = collect_back(k - 1, lo);
        if (head) return head;
        return collect_back(j - 1, k);
      }
      return std::nullopt;
    }
    return collect_back(j, lo);
  }

  /// A noun phrase ending at word `end` (exclusive).
  std::optional<SpeakerPhrase> collect_back(std::size_t end, std::size_t lo,
                                            bool allow_attachment = true) const {
    auto core = collect_core(end, lo);
    if (!core || !allow_attachment) return core;
    // "a spokesman for committee Democrats", "Mr. Morgan of the Sierra Club":
    // the phrase before the preposition is the speaker.
    std::size_t k = core->first;
    if (k > lo + 1 && data_.attachments.count(words_[k - 1].lower)) {
      auto outer = collect_back(k - 1, lo, false);
      if (outer && (outer->kind == SpeakerKind::kName || speaker_noun(words_[outer->last].lower))) {
        SpeakerPhrase sp = *outer;
        sp.head = outer->last;
        sp.last = core->last;
        return sp;
      }
    }
    return core;
  }

  std::optional<SpeakerPhrase> collect_core(std::size_t end, std::size_t lo) const {
    std::size_t k = end;
    std::size_t taken = 0;
    while (k > lo && taken < 7) {
      const Word& w = words_[k - 1];
      if (w.punct) break;
      if (data_.determiners.count(w.lower)) {
        if (taken == 0) break;
        --k;
        ++taken;
        break;
      }
      // A possessive opens the phrase unless it is its own head ("NATO's spokesman").
      if (w.possessive && taken == 0) break;
      if (!(w.capitalised || nominal_word(w))) break;
      if (!w.capitalised && data_.function_words.count(w.lower)) break;
      --k;
      ++taken;
    }
    if (taken == 0) return std::nullopt;
    SpeakerPhrase sp;
    sp.first = k;
    sp.last = end - 1;
    // "But Megan Hester said": sentence adverbs are not part of the phrase.
    while (sp.first < sp.last && (data_.not_names.count(words_[sp.first].lower) ||
                                  data_.function_words.count(words_[sp.first].lower))) {
      ++sp.first;
    }
    // Drop sentence-initial capitals that are not part of a name ("Meanwhile").
    bool any_cap = false;
    for (std::size_t i = sp.first; i <= sp.last; ++i) any_cap = any_cap || words_[i].capitalised;
    sp.kind = words_[sp.last].capitalised ? SpeakerKind::kName : SpeakerKind::kNominal;
    if (sp.kind == SpeakerKind::kNominal && !speaker_noun(words_[sp.last].lower) &&
        (!data_.determiners.count(words_[sp.first].lower) ||
         (sp.last - sp.first > 2 && !any_capital(sp.first, sp.last)))) {
      return std::nullopt;  // "at last said", "the ad uses footage": not a speaker
    }
    if (sp.kind == SpeakerKind::kName && data_.not_names.count(words_[sp.last].lower))
      return std::nullopt;
    return sp;
  }

  /// The speaker phrase starting at word `b` ("said Smith", "according to the official").
  std::optional<SpeakerPhrase> phrase_after(std::size_t b, std::size_t hi) const {
    std::size_t k = b;
    if (k < hi && !words_[k].punct) {
      const PronounKind* p = data_.pronouns.find(words_[k].lower);
      if (p && *p != PronounKind::kRelative && *p != PronounKind::kSelf) {
        SpeakerPhrase sp;
        sp.kind = SpeakerKind::kPronoun;
        sp.first = sp.last = k;
        sp.pronoun = *p;
        return sp;
      }
    }
    std::size_t first = k;
    if (k < hi && data_.determiners.count(words_[k].lower)) ++k;
    std::size_t last = k;
    bool any = false;
    bool seen_capital = false;
    while (k < hi && k - first < 8) {
      const Word& w = words_[k];
      if (w.punct) break;
      if (w.capitalised) {
        if (data_.not_names.count(w.lower)) break;
        if (!seen_capital && w.lower.size() > 5 && w.lower.ends_with("ing") && !all_caps(k, k)) {
          break;  // "Holding signs, ...": not a name
        }
        seen_capital = true;
      } else if (!nominal_word(w)) {
        break;
      } else if (seen_capital && !data_.titles.count(w.lower) &&
                 !data_.speaker_nouns.count(w.lower)) {
        break;  // "Ann Lee thinks": a name is not followed by other lower-case words
      }
      any = true;
      last = k;
      ++k;
      if (w.possessive) continue;
    }
    if (!any) return std::nullopt;
    SpeakerPhrase sp;
    sp.first = first;
    sp.last = last;
    sp.kind = words_[last].capitalised ? SpeakerKind::kName : SpeakerKind::kNominal;
    if (sp.kind == SpeakerKind::kNominal && !speaker_noun(words_[last].lower) &&
        (last - first > 2 || !data_.determiners.count(words_[first].lower))) {
      return std::nullopt;
    }
    // "whether Clinton", "Both Bolton": leading function words are not the speaker.
    while (sp.first < sp.last && (data_.not_names.count(words_[sp.first].lower) ||
                                  data_.function_words.count(words_[sp.first].lower))) {
      ++sp.first;
    }
    return sp;
  }

  /// Word range [lo, hi) of the cue stretch after a quote.
  std::optional<SpeakerPhrase> cue_after(const Region& r, std::size_t next_open) const {
    std::size_t lo = word_at_or_after(r.close_end);
    std::size_t hi = lo;
    std::size_t para = paragraph_at(r.open);
    while (hi < words_.size() && words_[hi].begin < next_open && words_[hi].paragraph == para &&
           !ends_sentence(hi) && !is_quote_mark(words_[hi]) && hi - lo < kMaxCueDistance + 5) {
      ++hi;
    }
    if (!r.closed) return std::nullopt;
    std::size_t start = lo;
    if (start < hi && words_[start].punct && is_dash(words_[start].lower)) {
      // "... ” ― Sonya Herridge": a signature after a dash.
      auto p = phrase_after(start + 1, hi);
      if (p && p->kind == SpeakerKind::kName) return p;
    }
    while (start < hi && words_[start].punct && words_[start].lower != "(") ++start;
    for (std::size_t i = start; i < hi && i - start < kMaxCueDistance; ++i) {
      auto verb = verb_at(i, hi);
      if (!verb) {
        // The speaker phrase must come first: stop at a clause.
        continue;
      }
      auto [kind, len] = *verb;
      if (kind == VerbKind::kSource) return phrase_after(i + len, hi);
      if (kind == VerbKind::kParticiple) return std::nullopt;
      if (i > start) {
        // Only the speaker may stand between the quote and its verb.
        auto p = phrase_before(i, start);
        if (p && (p->first == start || (p->first > start && words_[p->first - 1].lower == ",") ||
                  only_modifiers(start, p->first))) {
          return p;
        }
        if (words_[i - 1].lower == ",") {
          // "..." if she loses, said David Wasserman, an analyst.
          auto after = phrase_after(i + len, hi);
          if (after && after->kind == SpeakerKind::kName) return after;
        }
        return std::nullopt;
      }
      return phrase_after(i + len, hi);
    }
    // A quote ending in a comma (or ! ?) announces its attribution even when
    // the verb is not a known speech verb: "..., beamed Donald Hartley".
    char last = r.inner.empty() ? ' ' : text_.text[r.inner.end - 1];
    if ((last == ',' || last == '!' || last == '?') && start + 1 < hi) {
      if (!words_[start].punct && !words_[start].capitalised) {
        auto p = phrase_after(start + 1, hi);
        if (p && p->kind == SpeakerKind::kName) return p;
      }
      auto p = phrase_after(start, hi);
      if (p && p->kind != SpeakerKind::kNominal && p->last + 1 < hi && !words_[p->last + 1].punct &&
          !words_[p->last + 1].capitalised &&
          !data_.function_words.count(words_[p->last + 1].lower)) {
        return p;
      }
    }
    return std::nullopt;
  }

  /// The cue in the stretch before a quote ("X said:", "according to X,").
  std::optional<SpeakerPhrase> cue_before(const Region& r, std::size_t prev_close) const {
    std::size_t hi = word_at_or_after(r.open);
    std::size_t para = paragraph_at(r.open);
    std::size_t lo = hi;
    while (lo > 0 && words_[lo - 1].begin >= prev_close && words_[lo - 1].paragraph == para &&
           !ends_sentence(lo - 1) && hi - lo < 60) {
      --lo;
    }
    if (lo == hi && hi > 0 && words_[hi - 1].lower == ":" && words_[hi - 1].paragraph + 1 == para) {
      // "Smith said:" closing the previous paragraph.
      std::size_t end = hi - 1;
      lo = end;
      while (lo > 0 && words_[lo - 1].begin >= prev_close && !ends_sentence(lo - 1) &&
             end - lo < 60) {
        --lo;
      }
      return cue_in(lo, end);
    }
    return cue_in(lo, hi);
  }

  std::optional<SpeakerPhrase> cue_in(std::size_t lo, std::size_t hi) const {
    for (std::size_t i = hi; i-- > lo;) {
      auto verb = verb_at(i, hi);
      if (!verb) continue;
      auto [kind, len] = *verb;
      if (kind == VerbKind::kSource) {
        if (auto p = phrase_after(i + len, hi)) return p;
        continue;
      }
      if (kind == VerbKind::kParticiple) {
        // "..., adding": the subject of the clause's finite verb or its start.
        for (std::size_t k = i; k-- > lo;) {
          auto v = verb_at(k, hi);
          if (v && v->first == VerbKind::kFinite) {
            if (auto p = phrase_before(k, lo)) return p;
          }
        }
        std::size_t s = lo;
        while (s < i && words_[s].punct) ++s;
        if (auto p = phrase_after(s, i)) return p;
        continue;
      }
      if (auto p = phrase_before(i, lo)) return p;
      if (auto p = phrase_after(i + len, hi)) {
        if (p->kind != SpeakerKind::kNominal) return p;  // "Said Smith: ..."
      }
      if (i > lo && (words_[i - 1].lower == "and" || words_[i - 1].lower == "but")) {
        // "Grassley on Wednesday downplayed the attack ... and said": the clause's subject.
        if (auto p = clause_subject(lo, i - 1)) return p;
      }
    }
    return std::nullopt;
  }

  /// The subject of the clause spanning words [lo, hi): the first noun
  /// phrase, after an introductory phrase ("During the debate, Trump ...").
  std::optional<SpeakerPhrase> clause_subject(std::size_t lo, std::size_t hi) const {
    std::size_t s = lo;
    while (s < hi && words_[s].punct) ++s;
    if (s >= hi) return std::nullopt;
    const Word& w = words_[s];
    bool introductory =
        !data_.pronouns.count(w.lower) && !data_.determiners.count(w.lower) &&
        (data_.function_words.count(w.lower) || data_.not_names.count(w.lower) || !w.capitalised);
    if (introductory) {
      std::size_t k = s;
      while (k < hi && !(words_[k].punct && words_[k].lower == ",")) ++k;
      if (k >= hi || k - s > 12) return std::nullopt;
      s = k + 1;
    }
    auto p = phrase_after(s, hi);
    if (p && all_caps(p->first, p->last) &&
        (p->last > p->first || words_[p->last].lower.size() > 5)) {
      // A dateline ("FLINT, Mich. (UPI) - ...") or a heading: start after its dash.
      std::size_t k = p->last + 1;
      while (k < hi && !(words_[k].punct && is_dash(words_[k].lower)) && k - s < 15) ++k;
      if (k >= hi || !is_dash(words_[k].lower)) return std::nullopt;
      return clause_subject(k + 1, hi);
    }
    if (!p) return std::nullopt;
    if (p->kind == SpeakerKind::kName && p->first == p->last && !all_caps(p->first, p->last) &&
        expand_surname(p->first, words_[p->first].begin).empty() &&
        !speaker_entity(entity_for(p->first, p->first)) &&
        !data_.organisation_words.count(words_[p->first].lower)) {
      // A lone capitalised word opening a sentence is as likely a verb or an
      // adverb ("Bemoaning", "Calls") as a name nobody introduced.
      bool known = false;
      for (const Seen& seen : seen_) {
        known = known || ascii_lower_ends_with(name_of(seen), words_[p->first].lower);
      }
      if (!known) return std::nullopt;
    }
    // The phrase must be followed by a verb-like word, not be the object of one.
    if (p->kind == SpeakerKind::kNominal && !speaker_noun(words_[p->last].lower))
      return std::nullopt;
    return p;
  }

  /// Words [lo, hi) of the sentence stretch before byte `open`, within the paragraph.
  std::pair<std::size_t, std::size_t> stretch_before(std::size_t open,
                                                     std::size_t prev_close) const {
    std::size_t hi = word_at_or_after(open);
    std::size_t para = paragraph_at(open);
    std::size_t lo = hi;
    while (lo > 0 && words_[lo - 1].begin >= prev_close && words_[lo - 1].paragraph == para &&
           !ends_sentence(lo - 1) && hi - lo < 60) {
      --lo;
    }
    return {lo, hi};
  }

  std::optional<SpeakerPhrase> attribute(const Region& r, std::size_t prev_close,
                                         std::size_t next_open, bool& cued) const {
    cued = true;
    if (auto p = cue_after(r, next_open)) return p;
    if (r.continuation) return std::nullopt;
    if (auto p = cue_before(r, prev_close)) return p;
    cued = false;
    auto [lo, hi] = stretch_before(r.open, prev_close);
    if (hi > lo + 1) {
      // A mixed quote ("Trump criticised the act as a \"crazy system\""): the clause's subject.
      if (auto p = clause_subject(lo, hi)) return p;
    }
    const std::size_t open_paragraph = paragraph_at(r.open);
    if (lo == hi) {
      // The quote opens its sentence: "Sam Lau said in a statement. "...""
      std::size_t end = lo;
      while (end > 0 && words_[end - 1].punct && !is_quote_mark(words_[end - 1]) &&
             words_[end - 1].paragraph == open_paragraph) {
        --end;
      }
      std::size_t plo = end;
      bool quoted = false;
      while (plo > 0 && words_[plo - 1].begin >= prev_close &&
             words_[plo - 1].paragraph == open_paragraph && !ends_sentence(plo - 1) &&
             end - plo < 60) {
        quoted = quoted || is_quote_mark(words_[plo - 1]);
        --plo;
      }
      if (!quoted && plo < end) {
        if (auto p = cue_in(plo, end)) return p;
      }
    }
    // A signature on the next line: "...”\n-Michelle Marks, Philadelphia."
    std::size_t after = word_at_or_after(r.close_end);
    if (r.closed && after + 1 < words_.size() && words_[after].paragraph == open_paragraph + 1 &&
        words_[after].begin < next_open && words_[after].punct && is_dash(words_[after].lower)) {
      std::size_t hi2 = after + 1;
      while (hi2 < words_.size() && words_[hi2].paragraph == words_[after].paragraph &&
             hi2 - after < 12)
        ++hi2;
      auto p = phrase_after(after + 1, hi2);
      if (p && p->kind == SpeakerKind::kName) return p;
    }
    return std::nullopt;
  }

  // ------------------------------------------------------------ resolution --

  // Quote `quote`'s speaker, resolved as `who` (whose name and id the quote
  // took), named at byte `at`.
  void remember(std::size_t quote, const Resolved& who, std::size_t at) {
    seen_.push_back({quote, who.person, who.nominal, who.head, at});
    // Only recent speakers matter for pronouns and "the official"; keeping a
    // bounded window keeps long documents linear.
    if (seen_.size() > 2 * kSeenWindow) seen_.erase(seen_.begin(), seen_.end() - kSeenWindow);
  }

  /// The first entity mention that begins at or after `byte`. Speakers are
  /// resolved in text order, so the search gallops out from the last answer
  /// (the mentions are in text order).
  std::size_t first_mention_at_or_after(std::size_t byte) const {
    const auto& ms = entities_.mentions;
    last_mention_found_ = gallop_partition_point(
        ms.size(), last_mention_found_, [&](std::size_t k) { return ms[k].span.begin < byte; });
    return last_mention_found_;
  }

  const Entity* entity_overlapping(std::size_t b, std::size_t e) const {
    // Mentions are in text order: look at the few starting before `e`.
    const auto& ms = entities_.mentions;
    auto it = ms.begin() + static_cast<std::ptrdiff_t>(first_mention_at_or_after(e));
    const EntityMention* found = nullptr;
    for (int k = 0; k < 8 && it != ms.begin(); ++k) {
      --it;
      if (!found && it->span.begin < e && b < it->span.end &&
          it->entity < entities_.entities.size()) {
        found = &*it;  // the one nearest the phrase's head
      }
    }
    return found ? &entities_.entities[found->entity] : nullptr;
  }

  static bool speaker_entity(const Entity* e) {
    return e && (e->type == "PERSON" || e->type == "ORGANIZATION");
  }

  /// The entity mentioned at words [first, last] when it names the same
  /// person: its name must end in the same word ("Jens Stoltenberg" for "Mr
  /// Stoltenberg", not "Ban Ki" for "Ban Ki-moon").
  const Entity* entity_for(std::size_t first, std::size_t last) const {
    const Entity* e = entity_overlapping(words_[first].begin, words_[last].end);
    if (!e || e->type != "PERSON") return e;
    std::string_view n = e->name;
    auto sp = n.rfind(' ');
    std::string_view final_word = sp == std::string_view::npos ? n : n.substr(sp + 1);
    return ascii_iequal(final_word, words_[last].lower) ? e : nullptr;
  }

  const Entity* person_entity_named(std::string_view surname) const {
    const Entity* best = nullptr;
    for (const Entity& e : entities_.entities) {
      if (e.type != "PERSON") continue;
      std::string_view n = e.name;
      auto sp = n.rfind(' ');
      std::string_view last = sp == std::string_view::npos ? n : n.substr(sp + 1);
      if (ascii_iequal(last, surname) && (!best || e.name.size() > best->name.size())) {
        best = &e;
      }
    }
    return best;
  }

  /// The text of words [first, last], without a final possessive "'s" and
  /// without leading sentence adverbs ("When Hillary Clinton" -> "Hillary Clinton").
  std::string words_text(std::size_t first, std::size_t last) const {
    while (first < last && (data_.not_names.count(words_[first].lower) ||
                            data_.function_words.count(words_[first].lower))) {
      ++first;
    }
    std::string out(text_.text.substr(words_[first].begin, words_[last].end - words_[first].begin));
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "\xE2\x80\x99"}) {
      if (out.size() > suffix.size() && out.ends_with(suffix)) {
        out.resize(out.size() - suffix.size());
        break;
      }
    }
    return out;
  }

  static std::string key_of(std::string_view name) { return entity_id("per:", name); }

  /// A full name ending in `surname` written earlier in the document.
  std::string expand_surname(std::size_t name_word, std::size_t before) const {
    std::string_view surname = words_[name_word].lower;
    std::size_t best_first = kNoWord, best_last = kNoWord;  // (the text is made once)
    std::size_t end = word_at_or_after(before);
    auto consider = [&](std::size_t i) {
      if (i == 0) return;
      std::size_t k = i;
      while (k > 0 && words_[k - 1].capitalised && !words_[k - 1].possessive &&
             !data_.titles.count(words_[k - 1].lower) && i - k < 3 &&
             !data_.determiners.count(words_[k - 1].lower)) {
        --k;
      }
      if (k < i) {
        best_first = k;
        best_last = i;
      }
    };
    std::span<const std::uint32_t> capitalised(scratch_.capitalised.data(),
                                               scratch_.capitalised_count);
    if (!capitalised_indexed_ && capitalised_scanned_ <= kScanBudget * capitalised.size()) {
      // Most documents ask a few times: reading the capitalised words before
      // `end` in order costs less than indexing them all by spelling.
      for (std::uint32_t i : capitalised) {
        if (i >= end) break;
        ++capitalised_scanned_;
        if (words_[i].lower == surname) consider(i);
      }
    } else {
      // Many questions: the index keeps the document linear.
      for (std::size_t i = first_capitalised(surname); i != kNoWord; i = next_capitalised_[i]) {
        if (i >= end) break;
        consider(i);
      }
    }
    return best_first == kNoWord ? std::string() : words_text(best_first, best_last);
  }

  bool all_caps(std::size_t first, std::size_t last) const {
    for (std::size_t i = first; i <= last; ++i) {
      std::string_view raw = text_.text.substr(words_[i].begin, words_[i].end - words_[i].begin);
      for (char c : raw) {
        if (c >= 'a' && c <= 'z') return false;
      }
    }
    return true;
  }

  bool inside_quote(std::size_t byte) const {
    // quoted_ is in text order and its spans do not overlap.
    auto it = std::upper_bound(quoted_.begin(), quoted_.end(), byte,
                               [](std::size_t b, const Span& q) { return b < q.begin; });
    return it != quoted_.begin() && byte < std::prev(it)->end;
  }

  /// The person most recently named before byte `at` (outside quotes): a
  /// titled name ("President Obama"), a full name ("Hillary Clinton"), or
  /// the surname of a person seen before.
  std::optional<Resolved> person_before(std::size_t at, std::size_t* where) const {
    std::size_t end = word_at_or_after(at);
    std::size_t scanned = 0;
    for (std::size_t i = end; i-- > 0 && scanned < 150; ++scanned) {
      const Word& w = words_[i];
      if (!w.capitalised || inside_quote(w.begin)) continue;
      // The run of capitalised words ending at i.
      std::size_t k = i;
      while (k > 0 && words_[k - 1].capitalised && !words_[k - 1].possessive && i - k < 5) --k;
      bool titled = k > 0 && !words_[k - 1].punct && data_.titles.count(words_[k - 1].lower);
      std::size_t first = k;
      for (std::size_t j = k; j <= i; ++j) {
        if (data_.titles.count(words_[j].lower) || data_.not_names.count(words_[j].lower) ||
            data_.function_words.count(words_[j].lower) ||
            data_.determiners.count(words_[j].lower)) {
          titled = titled || data_.titles.count(words_[j].lower) > 0;
          first = j + 1;
        }
      }
      bool organisation = false;
      for (std::size_t j = first; j <= i; ++j) {
        std::string_view raw = text_.text.substr(words_[j].begin, words_[j].end - words_[j].begin);
        bool acronym = raw.size() >= 2 && std::all_of(raw.begin(), raw.end(), [](char c) {
                         return (c >= 'A' && c <= 'Z') || c == '.';
                       });
        organisation =
            organisation || acronym || data_.organisation_words.count(words_[j].lower) > 0;
      }
      // A place or an organisation the entity layer knows ("New England",
      // "Atlantic City") is no one to whom a pronoun refers.
      const Entity* ent = first <= i && !organisation ? entity_for(first, i) : nullptr;
      if (ent && ent->type != "PERSON") organisation = true;
      // "on The Laura Ingraham Show", "the Carolina Panthers": a name after
      // an article, with no title, is a programme's or a team's.
      if (!ent && !titled && first > 0 && first <= i &&
          (words_[first - 1].lower == "the" || words_[first - 1].lower == "a" ||
           words_[first - 1].lower == "an")) {
        organisation = true;
      }
      if (first <= i && !organisation) {
        std::string name = words_text(first, i);
        bool person = titled || first < i;
        if (!person) {
          std::string full = expand_surname(i, words_[i].begin);
          if (!full.empty()) {
            name = std::move(full);
            person = true;
          }
        }
        if (person) {
          Resolved out;
          if (ent) {
            out.name = ent->name;
            out.id = ent->id;
          } else if (const Entity* byname = person_entity_named(words_[i].lower)) {
            out.name = byname->name;
            out.id = byname->id;
          } else {
            // (Untitled, a lone word was expanded above already.)
            if (first == i && titled) {
              std::string full = expand_surname(i, words_[i].begin);
              if (!full.empty()) name = std::move(full);
            }
            out.id = key_of(name);
            out.name = std::move(name);
          }
          out.person = true;
          *where = words_[first].begin;
          return out;
        }
      }
      i = k;  // skip the rest of the run
      if (i == 0) break;
    }
    return std::nullopt;
  }

  Resolved resolve(const SpeakerPhrase& p, std::size_t at) const {
    Resolved out;
    if (p.kind == SpeakerKind::kPronoun) {
      if (p.pronoun == PronounKind::kPerson) {
        // The nearer of the last person named in the text and the last speaker.
        std::size_t named_at = 0;
        auto named = person_before(words_[p.first].begin, &named_at);
        const Seen* speaker = nullptr;
        for (auto it = seen_.rbegin(); it != seen_.rend() && !speaker; ++it) {
          if (it->person && it->at < words_[p.first].begin) speaker = &*it;
        }
        if (named && (!speaker || named_at >= speaker->at)) return std::move(*named);
        if (speaker) return resolved_of(*speaker);
        if (const Entity* e = entity_overlapping(words_[p.first].begin, words_[p.first].end)) {
          out.name = e->name;
          out.id = e->id;
          out.person = e->type == "PERSON";
          return out;
        }
        // Most recent person entity mentioned before the quote.
        const Entity* last = nullptr;
        const auto& ms = entities_.mentions;
        auto it = ms.begin() + static_cast<std::ptrdiff_t>(first_mention_at_or_after(at));
        for (int k = 0; k < 200 && it != ms.begin() && !last; ++k) {
          --it;
          if (it->entity < entities_.entities.size() &&
              entities_.entities[it->entity].type == "PERSON") {
            last = &entities_.entities[it->entity];
          }
        }
        if (last) {
          out.name = last->name;
          out.id = last->id;
          out.person = true;
        }
      } else if (p.pronoun == PronounKind::kGroup) {
        for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
          if (!it->person) return resolved_of(*it);
        }
        if (const Entity* e = entity_overlapping(words_[p.first].begin, words_[p.first].end)) {
          out.name = e->name;
          out.id = e->id;
          return out;
        }
      }
      return out;
    }
    std::size_t b = words_[p.first].begin;
    if (p.kind == SpeakerKind::kNominal) {
      out.nominal = true;
      out.head = words_[p.core_last()].lower;
      // "the official" -> the most recent nominal speaker with the same head.
      for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
        if (it->nominal && it->head == out.head) return resolved_of(*it);
      }
      std::string name = words_text(p.first, p.last);
      if (data_.determiners.count(words_[p.first].lower) && !name.empty() && name[0] >= 'A' &&
          name[0] <= 'Z') {
        name[0] = static_cast<char>(name[0] - 'A' + 'a');
      }
      out.id = key_of(name);
      out.name = std::move(name);
      out.person = data_.titles.count(out.head) > 0;
      return out;
    }
    // A name: the capitalised words after the last title word.
    std::size_t first = p.first;
    bool titled = false;
    for (std::size_t i = p.first; i <= p.core_last(); ++i) {
      if (data_.titles.count(words_[i].lower) || !words_[i].capitalised || words_[i].possessive ||
          data_.determiners.count(words_[i].lower)) {
        if (data_.titles.count(words_[i].lower)) titled = true;
        first = i + 1;
      }
    }
    if (first > p.core_last()) {
      // Only titles: "the President" is a nominal speaker.
      SpeakerPhrase nominal = p;
      nominal.kind = SpeakerKind::kNominal;
      return resolve(nominal, at);
    }
    bool organisation = false;
    for (std::size_t i = first; i <= p.core_last(); ++i) {
      organisation = organisation || data_.organisation_words.count(words_[i].lower) > 0;
    }
    std::string_view last_word = text_.text.substr(
        words_[p.core_last()].begin, words_[p.core_last()].end - words_[p.core_last()].begin);
    bool acronym =
        last_word.size() >= 2 && std::all_of(last_word.begin(), last_word.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || c == '.' || c == '&';
        });
    if (const Entity* ent = entity_for(first, p.core_last())) {
      out.name = ent->name;
      out.id = ent->id;
      out.person = ent->type == "PERSON";
      return out;
    }
    std::string name = words_text(first, p.core_last());
    out.person = !organisation && !acronym && (titled || first < p.core_last());
    if (first == p.core_last() && !organisation && !acronym) {
      std::string full = expand_surname(p.core_last(), b);
      if (!full.empty()) {
        name = std::move(full);
        out.person = true;
      } else {
        // A lone capitalised word after a title or seen as a person before.
        for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
          if (it->person && name_of(*it).size() > name.size() &&
              ascii_lower_ends_with(name_of(*it), " " + std::string(words_[p.core_last()].lower))) {
            return resolved_of(*it);
          }
        }
        out.person = titled;
      }
      if (const Entity* ent = person_entity_named(words_[p.core_last()].lower)) {
        out.name = ent->name;
        out.id = ent->id;
        out.person = true;
        return out;
      }
    }
    out.id = (organisation || acronym) ? "org:" + key_of(name).substr(4) : key_of(name);
    out.name = std::move(name);
    return out;
  }
};

}  // namespace

std::vector<Quote> tag_quotes(const TextLayer& text, const EntityLayer& entities) {
  if (text.text.empty()) return {};
  std::vector<Quote> quotes = Attributor(text, entities).run();
  scratch().trim();
  RegionBuffers& buffers = region_buffers();
  release_if_larger(buffers.regions);
  release_if_larger(buffers.marks);
  release_if_larger(buffers.phrases);
  release_if_larger(buffers.cued);
  release_if_larger(buffers.quoted);
  return quotes;
}

}  // namespace crosscheck::internal
