// Rule-based temporal tagger: a hand-written scanner over light-weight
// tokens, with lexicon lookups in hash tables built once (lib/data/time).
// Each position tries every pattern family and keeps the longest match;
// values follow the TimeML TIMEX3 conventions of TimeBank.
#include "annotate/time/time_tagger.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "annotate/time/time_lexicon.h"
#include "annotate/time/time_value.h"
#include "util/ascii.h"
#include "util/date.h"
#include "util/scratch.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace crosscheck::internal {
namespace {

using time::WordInfo;

enum Kind : std::uint8_t { kAlpha, kDigit, kPunct };

struct Tok {
  std::uint32_t b = 0, e = 0;
  int num = -1;           // value of a digit run (up to 9 digits)
  std::uint8_t ndig = 0;  // digits in a digit run (255 for 255 or more)
  Kind kind = kPunct;
  bool cap = false;        // first letter upper case
  std::uint8_t flags = 0;  // TimeLexicon::kTrigger...: the lexicon entry's flags
  std::string_view low;
  const WordInfo* w = nullptr;
};
static_assert(sizeof(Tok) <= 40);

constexpr std::uint8_t kTrigger = time::TimeLexicon::kTrigger;
constexpr std::uint8_t kStandalone = time::TimeLexicon::kStandalone;
constexpr std::uint8_t kNotHead = time::TimeLexicon::kNotHead;

// Character classes of ASCII bytes: 1 space, 2 letter, 3 digit, 0 other.
constexpr std::array<std::uint8_t, 256> kCharClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = 2;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = 2;
  for (int c = '0'; c <= '9'; ++c) t[c] = 3;
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[static_cast<unsigned char>(c)] = 1;
  return t;
}();

std::uint8_t char_class(char c) { return kCharClass[static_cast<unsigned char>(c)]; }

// The first `len` bytes of a word, 0 <= len <= 8.
constexpr std::uint64_t kKeepBytes[9] = {
    0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF, ~0ull};

// Bit 7 of each byte of the result is set where `lower8` holds 'a'-'z'.
// (The portable fallback of leading_letters(); unused where SSE2 is.)
[[maybe_unused]] inline std::uint64_t letter_bytes(std::uint64_t lower8) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  std::uint64_t low7 = lower8 & ~kHigh;  // no carries between bytes below
  std::uint64_t ge_a = low7 + kOnes * (0x80 - 'a');
  std::uint64_t gt_z = low7 + kOnes * (0x80 - 'z' - 1);
  return ge_a & ~gt_z & ~lower8 & kHigh;
}

// The tokens of the sentence being tagged: a view of the thread's token
// buffer, read like a vector (size(), [i]).
struct Tokens {
  const Tok* data = nullptr;
  std::size_t count = 0;
  std::size_t size() const { return count; }
  const Tok& operator[](std::size_t i) const { return data[i]; }
};

// Where tokenize() is: the next byte, and the tokens and starts written.
struct Cursor {
  std::size_t i = 0;
  std::size_t n = 0;
  std::size_t nstarts = 0;
};

// The number of leading bytes of p[0, 8) that are 'a'-'z' (0 to 8).
inline std::size_t leading_letters(const char* p) {
#if defined(__SSE2__)
  __m128i v = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));  // upper half zero
  // 'a'-'z' move to -128..-103, the lowest signed bytes; the zero upper half
  // moves to 31, so bits 8-15 of the mask are clear and the count stops at 8.
  __m128i letters = _mm_cmpgt_epi8(_mm_set1_epi8(-128 + 26),
                                   _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - 'a'))));
  return static_cast<std::size_t>(
      __builtin_ctz(~static_cast<unsigned>(_mm_movemask_epi8(letters))));
#else
  std::uint64_t non_letters = ~letter_bytes(time::TimeLexicon::load8(p)) & 0x8080808080808080ull;
  return non_letters ? static_cast<std::size_t>(__builtin_ctzll(non_letters)) / 8 : 8;
#endif
}

struct Word {
  const time::TimeLexicon::Slot* slot;
  std::size_t length;
};

// A word of eight letters or more at low[i], or one that runs past `to`
// (where it is cut), of which `counted` letters are known. Out of the hot
// loop, which it would crowd.
[[gnu::noinline]] Word long_word(const char* low, std::size_t i, std::size_t to,
                                 const time::TimeLexicon::Index& index, std::size_t counted) {
  std::size_t more = counted, j = i + more;
  while (more == 8 && j < to) {
    more = leading_letters(low + j);
    j += more;
  }
  if (j > to) j = to;
  return {index.find(low + i, j - i), j - i};
}

// How far sentences ended after "p.m." are rejoined (segmentation cuts
// sentences at 4 KB; a run of clock times must not make one sentence of a file).
constexpr std::size_t kMaxRejoinedBytes = 8192;

// Whether `s` is all ASCII digits (and not empty).
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return ascii_digit(static_cast<unsigned char>(c));
  });
}

// Whether `s` begins with four digits (a year's, or a 24-hour clock's).
bool four_digits_first(std::string_view s) { return s.size() >= 4 && all_digits(s.substr(0, 4)); }

// Whether the white space from `at` on holds a blank line: a paragraph ends there.
bool paragraph_break_at(std::string_view text, std::size_t at) {
  int newlines = 0;
  for (; at < text.size(); ++at) {
    char c = text[at];
    if (c == '\n') {
      if (++newlines == 2) return true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      return false;
    }
  }
  return false;
}

// The hot loop of tokenize(): words, ASCII marks and spaces from `at` on, up
// to `to` or the first digit or non-ASCII byte, which the caller takes. Kept
// apart, without calls, so that its state stays in registers.
// `at` is read and written field by field: a Cursor returned by value went
// through memory and was reloaded in 16-byte halves that a store of 8 bytes
// cannot forward (a stall at every call).
[[gnu::noinline]] void scan_ascii(const char* text, const char* low, std::size_t to,
                                  const time::TimeLexicon& lex, Tok* out, std::uint32_t* start,
                                  Cursor* at) {
  const time::TimeLexicon::Index index = lex.index();
  const time::TimeLexicon::Slot* const* ascii_slots = lex.ascii_slots.data();
  std::size_t i = at->i, n = at->n;
  std::uint32_t* next_start = start + at->nstarts;  // one register, not two
  while (i < to) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::uint8_t cls = kCharClass[c];
    if (cls == 2) {
      std::size_t len = leading_letters(low + i);
      const time::TimeLexicon::Slot* slot;
      if (__builtin_expect(len < 8 && i + len <= to, 1)) {
        // Most words: up to seven letters, whose key is their eight bytes with
        // those past the word cleared.
        slot = index.find_short(time::TimeLexicon::load8(low + i) & kKeepBytes[len], len);
      } else {
        Word word = long_word(low, i, to, index, len);
        slot = word.slot;
        len = word.length;
      }
      std::uint8_t flags = slot->flags;
      out[n] = Tok{.b = static_cast<std::uint32_t>(i),
                   .e = static_cast<std::uint32_t>(i + len),
                   .num = -1,
                   .ndig = 0,
                   .kind = kAlpha,
                   .cap = c <= 'Z',
                   .flags = flags,
                   .low = std::string_view(low + i, len),
                   .w = slot->info};
      *next_start = static_cast<std::uint32_t>(n);
      next_start += flags & kTrigger;
      ++n;
      i += len;
      // Most words are followed by one space. A branch, not arithmetic: it is
      // well predicted and keeps the load off the chain from one word's start
      // to the next. low[to] is text or padding, and a space there ends the
      // loop as `to` would.
      if (low[i] == ' ') ++i;
      continue;
    }
    if (cls == 1) {
      ++i;
      continue;
    }
    if (cls == 3 || c >= 0x80) break;
    // An ASCII mark; of these only an apostrophe may begin an expression.
    const time::TimeLexicon::Slot* slot = ascii_slots[c];
    *next_start = static_cast<std::uint32_t>(n);
    next_start += c == '\'';
    out[n++] = Tok{.b = static_cast<std::uint32_t>(i),
                   .e = static_cast<std::uint32_t>(i + 1),
                   .num = -1,
                   .ndig = 0,
                   .kind = kPunct,
                   .cap = false,
                   .flags = slot->flags,
                   .low = std::string_view(low + i, 1),
                   .w = slot->info};
    ++i;
  }
  at->i = i;
  at->n = n;
  at->nstarts = static_cast<std::size_t>(next_start - start);
}

// Text scraped from pages glues a label to a date: "FeaturedFebruary 6, 2016".
// Called before the digit run at `digit_at`: if the token before it is an
// unknown word of eight letters or more, one space back, that ends in a
// capitalised month, the month becomes a token of its own. (At digits, which
// are rare, rather than at every long word.)
[[gnu::noinline]] void cut_glued_month(const char* text, const char* low, std::size_t digit_at,
                                       const time::TimeLexicon& lex, Tok* out, std::uint32_t* start,
                                       Cursor* at) {
  if (at->n == 0) return;
  Tok& word = out[at->n - 1];
  if (word.kind != kAlpha || word.w || word.e + 1 != digit_at || text[word.e] != ' ' ||
      word.e - word.b < 8) {
    return;
  }
  for (std::size_t p = word.b + 2; p + 3 <= word.e; ++p) {
    if (text[p] < 'A' || text[p] > 'Z' || text[p - 1] < 'a' || text[p - 1] > 'z') continue;
    const time::TimeLexicon::Slot* month = lex.find_padded(low + p, word.e - p);
    if (!month->info || !month->info->month) continue;
    const time::TimeLexicon::Slot* head = lex.find_padded(low + word.b, p - word.b);
    Tok tail = word;
    tail.b = static_cast<std::uint32_t>(p);
    tail.cap = true;
    tail.flags = month->flags;
    tail.low = std::string_view(low + p, word.e - p);
    tail.w = month->info;
    word.e = static_cast<std::uint32_t>(p);
    word.flags = head->flags;
    word.low = std::string_view(low + word.b, p - word.b);
    word.w = head->info;
    if (word.flags & kTrigger) start[at->nstarts++] = static_cast<std::uint32_t>(at->n - 1);
    if (tail.flags & kTrigger) start[at->nstarts++] = static_cast<std::uint32_t>(at->n);
    out[at->n++] = tail;
    return;
  }
}

// Splits [from, to) of `text` into tokens written to `out`, which has room for
// one token per byte (every token is at least one byte long, so tokens are
// built in place, with no capacity checks). `low` is the ASCII-lower-cased
// text followed by at least 8 padding bytes: word-sized loads may run past a
// token's end, and the byte after a token can be read without a bounds check.
// The indices of the tokens an expression may begin at (trigger words,
// digits, apostrophes) go in order to `start` (room for one per byte): the
// scanner visits only those, and they are collected without a branch per word.
// Returns the numbers of tokens and of starts written.
Cursor tokenize(std::string_view text, const char* low, std::size_t from, std::size_t to,
                const time::TimeLexicon& lex, Tok* out, std::uint32_t* start) {
  Cursor at{from, 0, 0};
  for (;;) {
    scan_ascii(text.data(), low, to, lex, out, start, &at);
    if (at.i >= to) return at;  // at.i may be to + 1 (a space after the last word)
    // A digit run or a non-ASCII character.
    std::size_t i = at.i;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (char_class(text[i]) == 3) {
      cut_glued_month(text.data(), low, i, lex, out, start, &at);
      std::size_t j = i;
      long long v = 0;
      while (j < to && char_class(text[j]) == 3) {
        if (j - i < 9) v = v * 10 + (text[j] - '0');
        ++j;
      }
      out[at.n] = Tok{.b = static_cast<std::uint32_t>(i),
                      .e = static_cast<std::uint32_t>(j),
                      .num = j - i <= 9 ? static_cast<int>(v) : -1,
                      .ndig = static_cast<std::uint8_t>(std::min<std::size_t>(j - i, 255)),
                      .kind = kDigit,
                      .cap = false,
                      .flags = 0,
                      .low = std::string_view(low + i, j - i),
                      .w = nullptr};
      start[at.nstarts++] = static_cast<std::uint32_t>(at.n);
      ++at.n;
      at.i = j;
      continue;
    }
    // One UTF-8 character; non-breaking and typographic spaces are spaces.
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + len > to) len = to - i;
    std::string_view ch = text.substr(i, len);
    at.i = i + len;
    if (ch == "\xC2\xA0" || ch == "\xE2\x80\xAF" || ch == "\xE3\x80\x80" ||
        (ch.size() == 3 && ch[0] == '\xE2' && ch[1] == '\x80' &&
         static_cast<unsigned char>(ch[2]) <= 0x8A)) {
      continue;
    }
    // A typographic apostrophe (or an opening quote standing for one) may
    // begin "\u201990s" or "\u201808".
    if (ch == "\xE2\x80\x99" || ch == "\xE2\x80\x98") {
      start[at.nstarts++] = static_cast<std::uint32_t>(at.n);
    }
    const time::TimeLexicon::Slot* slot = lex.find_padded(low + i, len);
    out[at.n++] = Tok{.b = static_cast<std::uint32_t>(i),
                      .e = static_cast<std::uint32_t>(at.i),
                      .num = -1,
                      .ndig = 0,
                      .kind = kPunct,
                      .cap = false,
                      .flags = slot->flags,
                      .low = std::string_view(low + i, len),
                      .w = slot->info};
  }
}

struct Core {
  // User-provided, so that `Core{}` and `return {};` (most patterns find
  // nothing) set the members below, not zero the whole object first with a
  // slow `rep stos` before setting them.
  Core() {}

  std::size_t end = 0;    // exclusive token index; 0 = no match
  std::string_view type;  // a literal or lexicon storage
  std::string value;
  std::string_view mod;    // a literal or lexicon storage
  bool the_ok = false;     // may take a leading "the"
  bool approx_ok = false;  // may take "about", "more than"...
  bool pos_ok = false;     // may take "early", "mid", "late"
  std::size_t skip = 0;    // leading tokens that set `mod` but stay outside the span
};

// An expression found, before it becomes a TimeExpr: its text and type are
// made only once the document is done, in a vector of the exact size (a
// vector grown per expression moved every TimeExpr, four strings each, about
// twice).
struct Found {
  // User-provided, so that emplace_back() sets the members, not zero the
  // whole object first with a slow `rep stos` (as Core()).
  Found() {}

  Span span;
  std::string_view type;  // a literal or lexicon storage
  std::string value;
  std::string_view mod;  // a literal or lexicon storage
  TimeInterval interval;
};

// Buffers reused from one document to the next on the same thread.
struct Scratch {
  std::vector<Tok> toks;  // storage, one token per byte of the longest sentence
  std::vector<std::pair<int, int>> markers;
  std::vector<std::uint32_t> starts;
  std::vector<Found> found;

  // After an unusually large document, gives the memory back rather than
  // keeping it for the thread's lifetime.
  void trim() {
    release_if_larger(toks);
    release_if_larger(starts);
    found.clear();
    release_if_larger(found);
  }
};

Scratch& thread_scratch() {
  thread_local Scratch scratch;
  return scratch;
}

// The day number of the nth `weekday_1` (1 = Monday) of a month, or of its
// last one when nth < 0. A fifth that the month lacks runs into the next month.
std::int32_t nth_weekday_in(int year, int month, int weekday_1, int nth) {
  if (nth > 0) {
    std::int32_t first = days_from_civil({year, month, 1});
    return first + ((weekday_1 - 1) - weekday(first) + 7) % 7 + 7 * (nth - 1);
  }
  std::int32_t last = days_from_civil({year, month, days_in_month(year, month)});
  return last - (weekday(last) - (weekday_1 - 1) + 7) % 7;
}

class Tagger {
 public:
  Tagger(const TextLayer& layer, const std::optional<CivilDate>& anchor, Scratch& scratch)
      : layer_(layer),
        lex_(time::time_lexicon()),
        anchor_(anchor),
        tok_buffer_(scratch.toks),
        markers_(scratch.markers),
        starts_(scratch.starts),
        found_(scratch.found) {
    if (anchor_ && is_valid(*anchor_)) {
      anchor_days_ = days_from_civil(*anchor_);
    } else {
      anchor_.reset();
    }
  }

  std::vector<TimeExpr> run() {
    std::vector<Found>& out = found_;
    out.clear();
    std::string_view text = layer_.text;
    const Span whole{0, text.size()};
    std::span<const Span> sentences = layer_.sentences;
    if (sentences.empty() && !text.empty()) sentences = std::span<const Span>(&whole, 1);
    std::size_t covered = 0;
    for (std::size_t next_sentence = 0; next_sentence < sentences.size();) {
      Span s = sentences[next_sentence++];
      // ICU ends a sentence after "p.m." before a capital ("10 p.m. Wednesday");
      // rejoin such pieces so the clock time keeps its day. (All of them before
      // tokenizing once, and no further than a long sentence: the work per
      // sentence grows with its length squared.)
      while (next_sentence < sentences.size() && s.end - s.begin < kMaxRejoinedBytes) {
        std::string_view piece = layer_.span_text(s);
        if (piece.size() < 4) break;
        std::string_view tail = piece.substr(piece.size() - 4);
        if (tail != "a.m." && tail != "p.m." && tail != "A.M." && tail != "P.M.") break;
        if (paragraph_break_at(text, s.end)) break;  // "at 1 p.m.\n\nFriday's hearing"
        s.end = sentences[next_sentence++].end;
      }
      std::size_t from = std::max(s.begin, covered);
      std::size_t to = std::min(s.end, text.size());
      if (from >= to) continue;
      // Most words cannot begin an expression: only the starts are tried.
      if (tok_buffer_.size() < to - from) tok_buffer_.resize(to - from);
      if (starts_.size() < to - from) starts_.resize(to - from);
      Cursor end =
          tokenize(text, layer_.lower.data(), from, to, lex_, tok_buffer_.data(), starts_.data());
      covered = to;
      ++sentence_;
      toks_ = Tokens{tok_buffer_.data(), end.n};
      std::size_t nstarts = end.nstarts;
      markers_found_ = false;  // found on first use (most sentences need none)
      std::size_t next = 0;    // the first token not inside an expression found
      for (std::size_t k = 0; k < nstarts; ++k) {
        std::size_t i = starts_[k];
        if (i < next) continue;
        const Tok& t = toks_[i];
        // Of the marks only an apostrophe before two digits begins one ("'90s").
        if (t.kind == kPunct && !digit(i + 1)) continue;
        // A word that only modifies ("a", "the", "last") needs a known word, a
        // number or a mark after it ("two or more years" is a count too).
        if (t.kind == kAlpha && !(t.flags & kStandalone) && i + 1 < toks_.size() &&
            toks_[i + 1].kind == kAlpha && (!toks_[i + 1].w || (toks_[i + 1].flags & kNotHead)) &&
            !(is(i + 1, "or") && (is(i + 2, "more") || is(i + 2, "fewer") || is(i + 2, "less")))) {
          continue;
        }
        Core m = match(i);
        // (Only a number can be a second day: most starts skip the call, and
        // the empty Core it would return.)
        if (m.end <= i && t.kind == kDigit) m = second_day(i, out);
        if (m.end > i && !m.value.empty()) {
          emit(i + m.skip, std::move(m), out);
          next = m.end;
        }
      }
    }
    std::vector<TimeExpr> times;
    times.reserve(out.size());
    for (Found& f : out) {
      TimeExpr& e = times.emplace_back();
      e.span = f.span;
      e.text = layer_.text.substr(f.span.begin, f.span.end - f.span.begin);
      e.type = f.type;
      e.value = std::move(f.value);
      e.mod = f.mod;
      e.interval = f.interval;
    }
    return times;
  }

 private:
  // "April 24 and 25", "Oct. 3-5": the second day of the month just tagged.
  Core second_day(std::size_t i, const std::vector<Found>& out) {
    if (out.empty() || i < 2 || !digit(i) || toks_[i].ndig > 2 || toks_[i].num < 1 ||
        toks_[i].num > 31) {
      return {};
    }
    if (!(is(i - 1, "and") || is(i - 1, "or") || is(i - 1, "to") || is(i - 1, "through") ||
          is_dash(i - 1))) {
      return {};
    }
    const Found& prev = out.back();
    std::optional<CivilDate> first = calendar_value(prev.value, Granularity::kDay);
    if (prev.span.end != toks_[i - 2].e || !first || toks_[i - 2].kind != kDigit) return {};
    // Not a count or a number of something: "April 24 and 25 people", "25%".
    // A tight dash range may modify a noun: "the Jan. 5-7 poll".
    bool tight = is_dash(i - 1) && adjacent(i - 1) && adjacent(i);
    if (i + 1 < n() && ((toks_[i + 1].kind == kAlpha && !(w(i + 1) && w(i + 1)->tense) &&
                         !is(i + 1, "and") && !is(i + 1, "in") && !is(i + 1, "at") && !tight) ||
                        is(i + 1, "%") || (is(i + 1, ",") && digit(i + 2)))) {
      return {};
    }
    CivilDate second{first->year, first->month, toks_[i].num};
    if (!is_valid(second) || second.day <= first->day) return {};
    return make(i + 1, "DATE", time::day_str(second));
  }

  // The first day of `v` when it names one calendar day ("2016-07-15", with
  // `unit` kDay), month ("2016-07", kMonth), week ("2016-W28" or its weekend,
  // kWeek: the Monday) or year ("2016", kYear); nullopt for anything else (a
  // clock time, "XXXX-07-15").
  static std::optional<CivilDate> calendar_value(std::string_view v, Granularity unit) {
    if ((unit == Granularity::kDay && v.size() != 10) ||
        (unit == Granularity::kMonth && v.size() != 7)) {
      return std::nullopt;
    }
    TimeInterval t = time::interval_of(v);
    if (t.granularity != unit) return std::nullopt;
    return civil_from_days(t.first_day);
  }

  // ---- token helpers -------------------------------------------------------
  std::size_t n() const { return toks_.size(); }
  std::string_view low(std::size_t i) const { return i < n() ? toks_[i].low : std::string_view(); }
  [[gnu::always_inline]] bool is(std::size_t i, std::string_view w) const {
    return i < n() && toks_[i].low == w;
  }
  // Literal words: the length is known at compile time, so the comparison inlines.
  template <std::size_t N>
  [[gnu::always_inline]] bool is(std::size_t i, const char (&w)[N]) const {
    if (i >= n()) return false;
    std::string_view l = toks_[i].low;
    return l.size() == N - 1 && std::memcmp(l.data(), w, N - 1) == 0;
  }
  const WordInfo* w(std::size_t i) const { return i < n() ? toks_[i].w : nullptr; }
  bool adjacent(std::size_t i) const {  // token i touches token i-1
    return i > 0 && i < n() && toks_[i].b == toks_[i - 1].e;
  }
  bool digit(std::size_t i) const { return i < n() && toks_[i].kind == kDigit; }
  bool is_dash(std::size_t i) const {
    return i < n() && (toks_[i].low == "-" || toks_[i].low == "\xE2\x80\x93" ||
                       toks_[i].low == "\xE2\x80\x94");
  }
  bool apostrophe(std::size_t i) const {
    return i < n() && (toks_[i].low == "'" || toks_[i].low == "\xE2\x80\x99");
  }
  // The mark before a two-digit year ("'90s", "in '08"): an apostrophe, or
  // an opening quote typed for one ("in \u201808").
  bool year_apostrophe(std::size_t i) const { return apostrophe(i) || is(i, "\xE2\x80\x98"); }

  // ---- tense ---------------------------------------------------------------
  const std::vector<std::pair<int, int>>& markers() const {
    if (!markers_found_) {
      find_tense_markers();
      markers_found_ = true;
    }
    return markers_;
  }
  // "The trial begins Monday", "talks resume Tuesday": a timetable told in the
  // simple present is still to come. The word at i is that verb unless a
  // determiner, possessive or number makes it a noun ("his visits Tuesday",
  // "whose visits"); a bare form ("begin") needs a plural subject before it
  // (a plural noun, a pronoun, names joined by "and"), so "to begin", "will
  // meet" are left to their own markers.
  bool schedule_verb(std::size_t i) const {
    if (i == 0 || determiner(i - 1) || possessive_before(i) || digit(i - 1) || is(i - 1, "whose")) {
      return false;
    }
    // "The Senate votes Thursday", "Iowa votes Monday"; not the noun ("cast
    // votes Tuesday"), which a name seldom comes right before.
    if (is(i, "votes")) return toks_[i - 1].kind == kAlpha && toks_[i - 1].cap;
    if (toks_[i].low.back() == 's') return true;
    if ((is(i, "open") || is(i, "close")) && kept_before(i - 1)) return false;
    std::size_t s = i - 1;
    // "The Chiefs, who won the title last season, open their campaign": the
    // subject stands before the relative clause.
    if (is(s, ",")) {
      std::size_t k = s;
      while (k > 0 && !is(k - 1, ",") && s - k < 12) --k;
      if (k < 2 || !is(k - 1, ",") || !(is(k, "who") || is(k, "which"))) return false;
      s = k - 2;
    }
    const Tok& subject = toks_[s];
    if (subject.kind != kAlpha) return false;
    if (is(s, "they") || is(s, "we") || is(s, "you") || is(s, "i")) return true;
    if (subject.cap && !sentence_initial(s)) return true;  // "Arafat meet separately"
    return subject.low.size() > 3 && subject.low.back() == 's' &&
           time::TimeLexicon::tense_of(subject.flags) == 0 && !is(s, "this");
  }
  // A verb that keeps its object as it is comes a few words before token i,
  // so an "open" after it is an adjective: "leaving their votes open until".
  bool kept_before(std::size_t i) const {
    for (std::size_t k = i, steps = 0; k > 0 && steps < 3; --k, ++steps) {
      std::string_view v = toks_[k - 1].low;
      if (v == "keep" || v == "keeps" || v == "kept" || v == "keeping" || v == "leave" ||
          v == "leaves" || v == "leaving" || v == "left" || v == "hold" || v == "holding") {
        return true;
      }
    }
    return false;
  }
  void find_tense_markers() const {
    markers_.clear();
    for (std::size_t i = 0; i < n(); ++i) {
      const Tok& t = toks_[i];
      if (t.kind != kAlpha) continue;
      int tense = time::TimeLexicon::tense_of(t.flags);  // (0 without a lexicon entry)
      if (tense == 6) tense = schedule_verb(i) ? 1 : 0;
      if (tense == 1 && t.low == "wo" && !(apostrophe(i + 1) || is(i + 1, "n"))) tense = 0;
      if (t.low == "won" && apostrophe(i + 1) && is(i + 2, "t")) tense = 1;  // "won't"
      // The modal "may", not the month "May".
      if (tense == 1 && t.low == "may" && t.cap) tense = 0;
      if (tense == 1 && t.low == "going" && !is(i + 1, "to")) tense = 0;
      // "can win in November" looks ahead; "can't trash us in February" does not.
      if (tense == 1 && t.low == "can" &&
          (apostrophe(i + 1) || is(i + 1, "not") || is(i + 1, "n"))) {
        tense = 0;
      }
      // "is expected to", and "is expected in July", "are due on Friday": after
      // "is"/"are" the word is a passive or an adjective that looks ahead ("is
      // set in" places a story; "is set for" schedules).
      if (tense == 4) {
        bool after_be =
            i > 0 && (is(i - 1, "is") || is(i - 1, "are")) && (t.low != "set" || is(i + 1, "for"));
        // "The decision, expected Friday", "a ruling expected on Monday": a
        // participle that dates what is to come (not "than expected on Friday").
        std::size_t d = is(i + 1, "on") || is(i + 1, "by") ? i + 2 : i + 1;
        bool dated = t.low == "expected" && w(d) && w(d)->weekday && toks_[d].cap &&
                     !(i > 0 && (is(i - 1, "than") || is(i - 1, "as") || is(i - 1, "had") ||
                                 is(i - 1, "has") || is(i - 1, "have") || is(i - 1, "was") ||
                                 is(i - 1, "were") || is(i - 1, "been")));
        tense = is(i + 1, "to") || after_be || dated ? 1 : 0;
      }
      // "with the primary looming, he intervened on Monday": a future word
      // before a mark governs nothing after it.
      if (tense == 1 && i + 1 < n() && toks_[i + 1].kind == kPunct && !apostrophe(i + 1)) tense = 0;
      if (t.low == "ll" && i > 0 && apostrophe(i - 1)) tense = 1;
      if (tense == 0 && contracted_be(i)) tense = 2;
      // "would not say Tuesday", "wouldn't comment on Friday": a refusal
      // already given, news's way of reporting one, not a future.
      if (t.low.size() >= 5 && t.low[0] == 'w' && (t.low == "would" || t.low == "wouldn") &&
          refusal_after(i)) {
        tense = -1;
      }
      if (tense == 5) continue;  // an adjective in -ed ("preferred shares")
      // "the delegate-packed April 19 primary", "a hard-won seat": a past form
      // hyphened to the word before it is a compound adjective.
      if (tense <= 0 && i > 1 && is(i - 1, "-") && adjacent(i) && adjacent(i - 1) &&
          toks_[i - 2].kind == kAlpha) {
        continue;
      }
      // A word in -ed is mostly a past verb, but not a name ("United") nor an
      // adjective after a determiner ("the proposed sale"). Opening a sentence
      // before a lower-case word it is a verb too ("Asked on Monday whether").
      // Nor a participle before "by" ("a speech on Monday, followed by one on
      // Tuesday"): a passive whose tense, if any, its auxiliary gives.
      if (tense == 0 && t.low.size() >= 5 && t.low.substr(t.low.size() - 2) == "ed" &&
          !(t.w && (t.w->month || t.w->weekday)) && !is(i + 1, "by") &&
          (!t.cap || (sentence_initial(i) && i + 1 < n() && toks_[i + 1].kind == kAlpha &&
                      !toks_[i + 1].cap)) &&
          !determiner(i - 1)) {
        tense = -1;
      }
      // A participle after "be"/"is" is a passive: its auxiliary gives the tense
      // ("will be paid Dec. 14", "is expected").
      // (Adverbs may come between: "will almost certainly be decided".)
      // ("could", "must" not: "could not be reached for comment Saturday".)
      if (tense == -1 && i > 1 && is(i - 1, "be")) {
        std::size_t m = before_adverbs(i - 1);
        if (is(m, "will") || is(m, "ll") || is(m, "would") || is(m, "to") || is(m, "may") ||
            is(m, "might") || is(m, "should") || is(m, "can")) {
          continue;
        }
        // "could be concluded in October" may look ahead or tell what
        // happened ("could be located Wednesday", "could be seen Tuesday"):
        // no direction, so the nearest such date. ("could not be reached
        // Saturday" is a past.)
        if (is(m, "could") && m + 1 == i - 1) tense = 2;
      }
      // After a linking verb a participle is an adjective, and the linking
      // verb gives the tense: "will remain closed through Friday", "stays
      // shut", "remains largely unchanged".
      if (tense == -1 && i > 0) {
        std::size_t m = before_adverbs(i);
        if (m < n() && (is(m, "remain") || is(m, "remains") || is(m, "stay") || is(m, "stays") ||
                        is(m, "seem") || is(m, "seems") || is(m, "become") || is(m, "becomes"))) {
          continue;
        }
      }
      // "before being elected": a passive with no tense of its own.
      if (tense == -1 && i > 0 && (is(i - 1, "is") || is(i - 1, "are") || is(i - 1, "being"))) {
        continue;
      }
      // "had been scheduled to expire Friday": a plan that lies in the past.
      if (tense == 1 && i > 0 && is(i - 1, "been")) tense = -1;
      // "might have been", "would have won": a modal perfect looks back, unlike
      // "will have changed" and "would have trouble": a participle must follow,
      // or nothing ("the role he could have Tuesday", a clause cut short).
      if (tense == 1 && is(i + 1, "have") && t.low != "will" && t.low != "shall" && t.low != "ll" &&
          (participle_at(i + 2) || i + 2 >= n() || toks_[i + 2].kind != kAlpha ||
           (toks_[i + 2].w && toks_[i + 2].w->trigger))) {
        tense = -1;
      }
      // "is to resume trading Tuesday": a plan.
      if (tense == 2 && is(i + 1, "to") && i + 2 < n() && toks_[i + 2].kind == kAlpha &&
          !(toks_[i + 2].w && toks_[i + 2].w->trigger) && !determiner(i + 2)) {
        tense = 1;
      }
      // "will have a chance": the modal's verb group, whose tense the modal gives.
      if (tense == 2 && i > 0 &&
          (is(i - 1, "will") || is(i - 1, "shall") || is(i - 1, "can") || is(i - 1, "must") ||
           is(i - 1, "would") || is(i - 1, "could") || is(i - 1, "might") ||
           (is(i - 1, "ll") && i > 1 && apostrophe(i - 2)))) {
        continue;
      }
      // "will hit Florida Monday", "to hit": after a modal or "to" a past form
      // is the base form it shares ("hit"); the modal marks the tense.
      if (tense == -1 && after_modal(i)) continue;
      if (tense != 0) markers_.emplace_back(static_cast<int>(i), tense);
    }
  }
  // The nearest tense marker before token i is the past verb of an
  // "if"/"unless" clause in a sentence whose "would" (or "could", "might")
  // looks ahead: "would fare if he won the election on Nov. 8", "markets
  // would fall if the Fed raised rates in December" speak of a month to come.
  // Not "would have won if he had", a past that did not happen. (Left to
  // months and dates: "if Sanders split delegates in Tuesday's contests, he
  // would" said the next day speaks of a day past.)
  bool hypothetical_before(std::size_t at) const {
    auto [verb, tense] = marker_before(at);
    if (verb < 0 || tense != -1) return false;
    std::size_t i = static_cast<std::size_t>(verb);
    std::size_t k = i;
    while (k > 0 && i - k < 8 && toks_[k - 1].kind != kPunct && !is(k - 1, "if") &&
           !is(k - 1, "unless") && !is(k - 1, "had") && !is(k - 1, "that")) {
      --k;
    }
    if (k == 0 || !(is(k - 1, "if") || is(k - 1, "unless"))) return false;
    bool modal = false;
    for (std::size_t m = 0; m < n(); ++m) {
      if (!(is(m, "would") || is(m, "could") || is(m, "might") ||
            (is(m, "d") && apostrophe(m - 1))))
        continue;
      std::size_t v = m + 1;
      if (is(v, "not") || is(v, "n")) ++v;
      if (is(v, "have") || (apostrophe(v) && is(v + 1, "ve"))) return false;
      modal = true;
    }
    return modal;
  }
  // "would" at i is negated and governs a verb of refusal: "would not say",
  // "wouldn't comment", "would n't elaborate".
  bool refusal_after(std::size_t i) const {
    std::size_t k = i + 1;
    if (is(i, "wouldn") || (is(i, "would") && is(k, "n"))) {
      k += is(i, "would") ? 1 : 0;
      if (!(apostrophe(k) && is(k + 1, "t"))) return false;
      k += 2;
    } else if (is(k, "not")) {
      ++k;
    } else {
      return false;
    }
    return w(k) && w(k)->refusal;
  }
  // The nearest token before k that is not one of at most two adverbs or
  // "not" (n() if none): the modal of "will almost certainly be", "could not hit".
  std::size_t before_adverbs(std::size_t k) const {
    std::size_t m = k;
    while (m > 0 && k - m < 2 &&
           (ly_adverb(m - 1) || is(m - 1, "not") || is(m - 1, "also") || is(m - 1, "still") ||
            is(m - 1, "never") || is(m - 1, "almost") || is(m - 1, "just") || is(m - 1, "even"))) {
      --m;
    }
    return m == 0 ? n() : m - 1;
  }
  // A modal, "to" or "do" comes before token i, perhaps across adverbs and
  // "not": "could hit", "will not hit", "to hit" (not the month: "in May was").
  bool after_modal(std::size_t i) const {
    std::size_t k = before_adverbs(i);
    return is(k, "will") || is(k, "would") || is(k, "could") || is(k, "can") ||
           (is(k, "may") && !toks_[k].cap) || is(k, "might") || is(k, "should") || is(k, "must") ||
           is(k, "shall") || is(k, "to") || is(k, "do") || is(k, "does") ||
           (is(k, "ll") && k > 0 && apostrophe(k - 1));
  }
  // Token k looks like a past participle: "been", "won", "changed", "taken", "done".
  bool participle_at(std::size_t k) const {
    if (k >= n() || toks_[k].kind != kAlpha) return false;
    std::string_view l = toks_[k].low;
    auto ends = [&](std::string_view e) {
      return l.size() > e.size() + 1 && l.substr(l.size() - e.size()) == e;
    };
    return time::TimeLexicon::tense_of(toks_[k].flags) == -1 || l == "been" || l == "done" ||
           l == "gone" || l == "become" || l == "come" || ends("ed") || ends("en") || ends("wn");
  }
  // A contracted "is", "are" or "am" at k: "there's an election on Tuesday",
  // "they're meeting Friday", "I'm flying Monday". "'s" only after a pronoun
  // (after a noun it is a possessive), and none before a participle, where
  // "'s" and "'re" may be "has" and "have" ("he's gone", "we're done").
  bool contracted_be(std::size_t k) const {
    if (k < 2 || !adjacent(k) || !adjacent(k - 1)) return false;  // (most words fail here)
    std::string_view l = toks_[k].low;
    if (l == "s") {
      // (Possessives are common: the short pronoun list first.)
      std::string_view before = toks_[k - 2].low;
      static constexpr std::string_view kPronouns[] = {
          "he",    "she", "it",       "there",     "here",   "that",    "what",      "who",
          "where", "how", "everyone", "everybody", "nobody", "someone", "something", "nothing"};
      if (before.size() > 9 || std::ranges::find(kPronouns, before) == std::end(kPronouns)) {
        return false;
      }
    } else if (l != "re" && l != "m") {
      return false;
    }
    return apostrophe(k - 1) && !participle_at(k + 1);
  }
  // An adverb in -ly at k: "certainly", "suddenly".
  bool ly_adverb(std::size_t k) const {
    return k < n() && toks_[k].low.size() > 4 && toks_[k].low.ends_with("ly");
  }
  bool determiner(std::size_t k) const {
    return k < n() && (is(k, "the") || is(k, "a") || is(k, "an") || is(k, "this") ||
                       is(k, "these") || is(k, "those") || possessive_pronoun(k));
  }
  bool possessive_pronoun(std::size_t k) const {
    return is(k, "its") || is(k, "their") || is(k, "his") || is(k, "her") || is(k, "our") ||
           is(k, "my") || is(k, "your");
  }
  // A possessive right before token i: "his", "the store's".
  bool possessive_before(std::size_t i) const {
    return i > 0 && (possessive_pronoun(i - 1) || (i > 1 && is(i - 1, "s") && apostrophe(i - 2)));
  }
  // The token after a possessive "'s" at k ("November's election"), else k.
  std::size_t after_possessive(std::size_t k) const {
    return apostrophe(k) && is(k + 1, "s") ? k + 2 : k;
  }
  // The phrase at i opens the clause a reporting verb introduces, which has
  // its own verb: "told reporters the December summit will be held", not
  // "said at the November summit".
  bool reported_subject_at(std::size_t i) const {
    auto [at, tense] = marker_before(i);
    if (tense != 3 || static_cast<int>(i) - at > 3) return false;
    for (std::size_t k = static_cast<std::size_t>(at) + 1; k < i; ++k) {
      if (toks_[k].kind != kAlpha || !(is(k, "the") || k == static_cast<std::size_t>(at) + 1)) {
        return false;
      }
    }
    return !is(at + 1, "in") && !is(at + 1, "at") && !is(at + 1, "on") && !is(at + 1, "during") &&
           !is(at + 1, "before") && !is(at + 1, "after") && !is(at + 1, "since") &&
           !is(at + 1, "of") && !is(at + 1, "by") && !is(at + 1, "for");
  }
  // -1 past, +1 future, 0 present or unknown: the nearest marker decides.
  // Reporting verbs ("said") count only when nothing else marks the tense.
  // The governing verb usually comes before the time expression ("said
  // Tuesday", "will open in June"): the nearest marker on the left decides;
  // otherwise the nearest on the right, reporting verbs last.
  int tense_at(std::size_t i) const {
    int left = -1, left_tense = 0, right_tense = 0, right_report = 0;
    int right = 1 << 30, right_r = 1 << 30;
    // Inside a quotation the quoted words' verbs decide, not the verb that
    // introduced them: 'He boomed: "Let's defeat her in November."'
    int quote = quote_open_before(i);
    for (auto [pos, tense] : markers()) {
      if (pos < static_cast<int>(i)) {
        if (pos > left && pos > quote) left = pos, left_tense = tense;
      } else if (tense == 3) {
        if (pos < right_r && !quote_closes_between(i, pos)) right_r = pos, right_report = tense;
      } else if (pos < right) {
        right = pos, right_tense = tense;
      }
    }
    auto norm = [](int t) { return t == 2 ? 0 : t == 3 ? -1 : t; };
    // "He said that in June the company will cut jobs", "legislation that in
    // June will require", "decided that on Election Day, I will vote": a date
    // fronted in a clause that opens right before it takes the tense of that
    // clause's verb, not of the verb before it.
    if (left >= 0 && fronted_clause_verb(i, right, right_tense)) return norm(right_tense);
    if (left >= 0) return norm(left_tense);
    // "On Tuesday, the company said it would ...": a past reporting verb
    // before any other marker is the clause's own verb (but not a
    // parenthetical "Next week, officials said, the vote will ...").
    if (right_r < right && !is(right_r + 1, ",") && (is(right_r, "said") || is(right_r, "told"))) {
      return -1;
    }
    if (right < (1 << 30)) return norm(right_tense);
    if (right_r < (1 << 30)) return norm(right_report);
    return 0;
  }

  // The position of the double quote mark that opens a quotation the token at
  // i stands in (before any mark that closes one), or -1. Single quotes are
  // left out: they are mostly apostrophes ("'08", "rock 'n' roll").
  int quote_open_before(std::size_t i) const {
    for (std::size_t k = i; k-- > 0;) {
      if (!quote_mark(k)) continue;
      std::string_view q = toks_[k].low;
      bool double_mark = q == "\"" || q == "\xE2\x80\x9C" || q == "\xE2\x80\x9D" || q == "`" ||
                         (apostrophe(k) && k > 0 && is(k - 1, "'") && adjacent(k));
      if (!double_mark) continue;
      bool opens = k + 1 < n() && adjacent(k + 1) && toks_[k + 1].kind == kAlpha &&
                   (k == 0 || !adjacent(k) || toks_[k - 1].kind == kPunct);
      return opens && q != "\xE2\x80\x9D" ? static_cast<int>(k) : -1;
    }
    return -1;
  }
  // The verb at `right` (-1 or 1 << 30: none), of tense `tense`, is the verb
  // of the subordinate clause the date at i is fronted in, and looks ahead or
  // is present (a past, or a participle taken for one, adds nothing to the
  // verb before the clause).
  bool fronted_clause_verb(std::size_t i, int right, int tense) const {
    return (tense == 1 || tense == 2) && clause_fronted_at(i) && same_clause(i, right);
  }
  // Token `right` (-1 or 1 << 30: none) lies in the clause of token i: no
  // colon, semicolon or word that opens a clause comes between (a comma may:
  // "that on Election Day, I will vote").
  bool same_clause(std::size_t i, int right) const {
    if (right < 0 || right == (1 << 30) || break_between(static_cast<int>(i), right, false)) {
      return false;
    }
    for (int k = static_cast<int>(i) + 1; k < right; ++k) {
      if (clause_word(k)) return false;
    }
    return true;
  }
  // The date at i is an adverbial that opens a subordinate clause: "that in
  // June", "which on Monday", "who in 2019".
  bool clause_fronted_at(std::size_t i) const {
    std::size_t k = modifiers_start(i);
    if (k < 2 || !(is(k - 1, "in") || is(k - 1, "on") || is(k - 1, "by") || is(k - 1, "during") ||
                   is(k - 1, "until") || is(k - 1, "since"))) {
      return false;
    }
    k -= 2;
    return is(k, "that") || is(k, "which") || is(k, "who") || is(k, "where");
  }
  // The first quote mark after token i and before `end` closes a quotation
  // (it touches a preceding ",", ".", "?" or "!"): '"... in November," Tester
  // said' dates the words, not what they say.
  bool quote_closes_between(std::size_t i, int end) const {
    for (std::size_t k = i + 1; static_cast<int>(k) < end; ++k) {
      if (!quote_mark(k) || (apostrophe(k) && toks_[k - 1].kind == kAlpha)) continue;
      return adjacent(k) && (is(k - 1, ",") || is(k - 1, ".") || is(k - 1, "?") || is(k - 1, "!"));
    }
    return false;
  }
  // The tense of the clause at i from tense and aspect markers alone, ignoring
  // reporting verbs: the nearest on the left, else the nearest on the right.
  int tense_no_report(std::size_t i) const {
    int left = -1, left_tense = 0, right = 1 << 30, right_tense = 0;
    int quote = quote_open_before(i);
    for (auto [pos, tense] : markers()) {
      if (tense == 3) continue;
      if (pos < static_cast<int>(i)) {
        if (pos > left && pos > quote) left = pos, left_tense = tense;
      } else if (pos < right) {
        right = pos, right_tense = tense;
      }
    }
    if (left >= 0 && fronted_clause_verb(i, right, right_tense)) left = -1;
    int t = left >= 0 ? left_tense : right < (1 << 30) ? right_tense : 0;
    return t == 2 ? 0 : t;
  }

  // The nearest tense marker on the right is "had".
  bool had_follows(std::size_t i) const {
    for (auto [pos, t] : markers()) {
      if (pos > static_cast<int>(i)) return is(static_cast<std::size_t>(pos), "had");
    }
    return false;
  }

  // A time-zone abbreviation (upper case) at k.
  bool timezone(std::size_t k) const {
    return k < n() && toks_[k].kind == kAlpha && toks_[k].cap && w(k) && w(k)->timezone;
  }
  // The token after a zone named in words at k: "local time", "Eastern time",
  // "Moscow time", "Eastern Standard Time" (one to three capitalised words
  // before "time"), else k.
  std::size_t after_zone_name(std::size_t k) const {
    if (is(k, "local") && is(k + 1, "time")) return k + 2;
    std::size_t j = k;
    while (
        j < n() && j < k + 3 && toks_[j].kind == kAlpha && toks_[j].cap && !is(j, "time") &&
        !(w(j) && (w(j)->weekday || w(j)->month || w(j)->month_abbr || w(j)->day_offset != 99))) {
      ++j;
    }
    return j > k && is(j, "time") ? j + 1 : k;
  }

  // A figure compared with an earlier one names the month at i: "up from
  // September", "down from 3.9% in September" (a month already measured).
  bool compared_from_before(std::size_t i) const {
    if (range_word(i + 1)) return false;  // "up from September to December": a span
    for (std::size_t k = i, steps = 0; k > 1 && steps < 6; --k, ++steps) {
      if (is(k - 1, ",") || is(k - 1, ";") || is(k - 1, "to")) return false;
      if (is(k - 1, "from")) return is(k - 2, "up") || is(k - 2, "down");
    }
    return false;
  }
  // "since" governs the expression starting at token i ("since early November").
  bool after_since(std::size_t i) const {
    if ((i > 0 && is(i - 1, "since")) || (i > 1 && is(i - 2, "since"))) return true;
    // "since shortly after the Oct. 23 slaying"
    std::size_t k = i;
    while (k > 0 && i - k < 4 &&
           (is(k - 1, "the") || is(k - 1, "shortly") || is(k - 1, "just") || is(k - 1, "after") ||
            is(k - 1, "soon") || is(k - 1, "early") || is(k - 1, "late"))) {
      --k;
    }
    if (k < i && k > 0 && is(k - 1, "since")) return true;
    // "since announcing in October", "since taking office in January": a
    // gerund and at most one object word between "since" and "in"/"on".
    if (i >= 3 && (is(i - 1, "in") || is(i - 1, "on"))) {
      for (std::size_t g : {i - 2, i - 3}) {
        std::string_view l = toks_[g].low;
        if (g >= 1 && l.size() > 4 && l.substr(l.size() - 3) == "ing" && is(g - 1, "since")) {
          return true;
        }
      }
    }
    return false;
  }
  // The nearest tense marker on the left of token i: {position, tense}, or {-1, 0}.
  std::pair<int, int> marker_before(std::size_t i) const {
    int left = -1, tense = 0;
    for (auto [pos, t] : markers()) {
      if (pos < static_cast<int>(i) && pos > left) left = pos, tense = t;
    }
    return {left, tense};
  }
  // A colon or semicolon lies between tokens `from` (-1: none) and i; with
  // `clause`, also a comma or a word that opens a clause ("that", "if").
  bool break_between(int from, std::size_t i, bool clause) const {
    for (std::size_t k = from < 0 ? i : static_cast<std::size_t>(from) + 1; k < i; ++k) {
      if (is(k, ":") || is(k, ";")) return true;
      if (clause && (is(k, ",") || clause_word(k))) return true;
    }
    return false;
  }
  // A word that opens a clause.
  bool clause_word(std::size_t k) const {
    return is(k, "that") || is(k, "which") || is(k, "who") || is(k, "if") || is(k, "when") ||
           is(k, "whether") || is(k, "unless");
  }
  // No tense marker comes before token i and the first after it is a
  // reporting verb: "The nominee for the Nov. 8 election later said ...".
  // (Not a parenthetical one: "The November election, officials said, was".)
  bool only_report_governs(std::size_t i) const {
    auto [at, tense] = marker_after(i);
    return marker_before(i).first < 0 && tense == 3 && !is(at + 1, ",");
  }
  // The nearest tense marker at or after token i: {position, tense}, or {-1, 0}.
  std::pair<int, int> marker_after(std::size_t i) const {
    int right = -1, tense = 0;
    for (auto [pos, t] : markers()) {
      if (pos >= static_cast<int>(i) && (right < 0 || pos < right)) right = pos, tense = t;
    }
    return {right, tense};
  }
  // Token i ends a quoted name in title case: "an interview with “Fox News
  // Sunday.”", ''Fox News Sunday''. (A capitalised word before a weekday is
  // common in news, "Obama Monday said"; the closing quote makes it a title.)
  bool ends_quoted_title(std::size_t i) const {
    if (i < 2 || toks_[i - 1].kind != kAlpha || !toks_[i - 1].cap || sentence_initial(i - 1)) {
      return false;
    }
    std::size_t k = i + 1;
    if (is(k, ",") || is(k, ".")) ++k;
    return is(k, "\xE2\x80\x9D") || is(k, "\"") || (apostrophe(k) && apostrophe(k + 1));
  }
  // The nearest tense marker on the left, close by, is a future one.
  bool future_event_at(std::size_t i) const {
    auto [left, tense] = marker_before(i);
    return left >= 0 && tense == 1 && static_cast<int>(i) - left <= 4;
  }
  // "will" governs token i from within its clause, a few words before: "will
  // close for the holidays on December 20" cannot speak of a day weeks gone.
  bool will_governs(std::size_t i) const {
    auto [at, tense] = marker_before(i);
    return at >= 0 && tense == 1 && i - static_cast<std::size_t>(at) <= 10 &&
           (is(at, "will") || is(at, "ll") || is(at, "shall") || is(at, "wo")) &&
           !break_between(at, i, true);
  }
  // The nearest tense marker on the left is a future one seen from now
  // ("will", "can", "planning"), not from the past ("would", "could", "might").
  bool will_before(std::size_t i) const {
    auto [left, tense] = marker_before(i);
    if (left < 0 || tense != 1) return false;
    auto k = static_cast<std::size_t>(left);
    return !(is(k, "would") || is(k, "could") || is(k, "might"));
  }
  // Where "at least" before token i begins, else i: "until at least
  // Tuesday" is a deadline as "until Tuesday" is.
  std::size_t before_at_least(std::size_t i) const {
    return i > 1 && is(i - 1, "least") && is(i - 2, "at") ? i - 2 : i;
  }
  // The date at i is the new date of something set or moved: "postponed
  // until March 5", "pushed the vote back to Jan. 14", "set a hearing for Jan.
  // 14". News reports such a move once it is made, so the date lies after it,
  // whatever the verb's tense.
  bool new_date_at(std::size_t i) const {
    i = before_at_least(i);  // "extended until at least March"
    if (i < 2 ||
        !(is(i - 1, "to") || is(i - 1, "until") || is(i - 1, "till") || is(i - 1, "for"))) {
      return false;
    }
    // The verb, then at most five words of particle and object.
    for (std::size_t k = i - 2, words = 0; words <= 5; --k, ++words) {
      if (toks_[k].kind != kAlpha) return false;
      if (w(k) && w(k)->reschedule_verb) return true;
      if (k == 0) break;
    }
    return false;
  }
  // The nearest verb on the left is in the past tense and is not a reporting verb.
  bool past_event_at(std::size_t i) const {
    i = day_part_head(i);                      // "erupted in the early hours of Oct. 7"
    if (hypothetical_before(i)) return false;  // "would fare if he lost on Nov. 8"
    // "decided that on Election Day, I will": the verb does not reach into
    // the clause the date opens; that clause's own verb tells.
    if (clause_fronted_at(i)) {
      auto [right, right_tense] = marker_after(i);
      return right_tense == -1 && same_clause(i, right);
    }
    auto [left, tense] = marker_before(i);
    if (i > 0 && (is(i - 1, "until") || is(i - 1, "to") || is(i - 1, "through") ||
                  is(i - 1, "by") || is(i - 1, "till") || is(i - 1, "before") ||
                  is(i - 1, "around") || is(i - 1, "about") || is(i - 1, "from"))) {
      return false;  // deadlines and plans: "was extended until Nov. 20"
    }
    // "said on Oct. 3", "told reporters on Oct. 3": when it was said (not
    // "said Oct. 3 would be", which may name a date to come).
    if (left >= 0 && tense == 3 && i > 0 && is(i - 1, "on") && static_cast<int>(i) - left <= 3) {
      return true;
    }
    return left >= 0 && tense == -1 && static_cast<int>(i) - left <= 3;
  }
  // The "the" that opens a part of a day named before a date at i, "the
  // night of", "the early hours of", "the eve of", else i: the phrase's
  // preposition, not the date, stands next to the verb.
  std::size_t day_part_head(std::size_t i) const {
    if (i < 3 || !is(i - 1, "of")) return i;
    std::size_t k = i - 1;
    bool hours = is(k - 1, "hours");
    if (hours) --k;
    if (k > 1 &&
        ((w(k - 1) && !w(k - 1)->part_of_day.empty()) || is(k - 1, "night") || is(k - 1, "eve"))) {
      --k;
    } else if (!hours) {
      return i;
    }
    while (k > 1 &&
           (is(k - 1, "early") || is(k - 1, "late") || is(k - 1, "wee") || is(k - 1, "small"))) {
      --k;
    }
    return is(k - 1, "the") ? k - 1 : i;
  }
  // Where the words that place a date at b within its period begin: "the",
  // "early", "late", "mid-" ("in the early 1990s", "in mid-April"), else b.
  std::size_t modifiers_start(std::size_t b) const {
    while (b > 0 && (is(b - 1, "early") || is(b - 1, "late") || is(b - 1, "mid") ||
                     is_dash(b - 1) || is(b - 1, "the"))) {
      --b;
    }
    return b;
  }
  // A present clause sets the date at b: "the deadline is October 25", "the
  // election is in November", "the law takes effect in October", "comes into
  // force on June 1", "tickets go on sale in May". (A past verb keeps its
  // own: "came into effect in May".)
  bool present_schedule_before(std::size_t b) const {
    std::size_t k = modifiers_start(b);
    if (k > 0 && (is(k - 1, "in") || is(k - 1, "on"))) --k;
    if (k == 0) return false;
    if (is(k - 1, "is") || is(k - 1, "are")) return true;
    if (k < 2 || !(is(k - 1, "effect") || is(k - 1, "force") || is(k - 1, "sale"))) return false;
    std::size_t v = k - 2;
    if (v > 0 && (is(v, "into") || is(v, "on"))) --v;
    return is(v, "takes") || is(v, "take") || is(v, "goes") || is(v, "go") || is(v, "comes") ||
           is(v, "come") || is(v, "enters") || is(v, "enter");
  }
  // "is"/"are"/"am" is the nearest tense marker before token i, in its
  // clause, with no participle after it: "the senator is up for re-election
  // in November", "it gets closer to November" speak of a month to come, not
  // of one long past. (Not a comparison: "sales are up 5% from October",
  // "higher than in October", "compared with October".)
  bool present_be_governs(std::size_t i) const {
    std::size_t k = modifiers_start(i);
    if (k > 0 && (is(k - 1, "in") || is(k - 1, "on"))) --k;
    if (k > 0 &&
        (is(k - 1, "from") || is(k - 1, "since") || is(k - 1, "than") || is(k - 1, "over") ||
         is(k - 1, "with") || is(k - 1, "versus") || is(k - 1, "vs"))) {
      return false;
    }
    auto [verb, tense] = marker_before(i);
    if (verb < 0 || tense != 2 || break_between(verb, i, true)) return false;
    std::size_t v = static_cast<std::size_t>(verb);
    if (!(is(v, "is") || is(v, "are") || is(v, "am"))) return false;
    std::size_t a = v + 1;
    if (ly_adverb(a) || is(a, "not") || is(a, "still") || is(a, "also")) ++a;
    return !participle_at(a);
  }
  // The expression over tokens [b, e) opens its sentence as a fronted
  // adverbial ("In August, prices fell", "On Labor Day traffic rose") and the
  // clause's verb, the first tense marker after it, is past and not a
  // reporting verb ("In August, the company said it would" may announce a plan).
  bool fronted_past_at(std::size_t b, std::size_t e) const {
    if (e >= n() || toks_[e].kind == kDigit || (toks_[e].kind == kPunct && !is(e, ","))) {
      return false;
    }
    std::size_t k = modifiers_start(b);
    if (k == 0 ||
        !(is(k - 1, "in") || is(k - 1, "on") || is(k - 1, "during") || is(k - 1, "over") ||
          is(k - 1, "at") || is(k - 1, "before") || is(k - 1, "after"))) {
      return false;
    }
    --k;
    if (k > 0 && is(k - 1, "back")) --k;
    // "Three days before Christmas, the storm hit": the span counted from it.
    if ((is(k, "before") || is(k, "after")) && tagged_just_before(k)) {
      k = last_tag_start(k);
    }
    if (!sentence_initial(k)) return false;
    auto [verb, tense] = marker_after(e);
    return verb >= 0 && tense == -1;
  }
  // A finite past verb governs the date at b through the preposition before
  // it: "took place in April", "they met in April", "was held from April",
  // "he said in May" (not "contests in March", whose preposition hangs on a
  // noun, nor "ads reserved in December", a participle after one).
  bool past_verb_governs(std::size_t b) const {
    std::size_t k = modifiers_start(b);
    if (k < 2 || !(is(k - 1, "in") || is(k - 1, "on") || is(k - 1, "during") || is(k - 1, "from") ||
                   is(k - 1, "until") || is(k - 1, "through") || is(k - 1, "since") ||
                   is(k - 1, "between"))) {
      return false;
    }
    std::size_t v = k - 2;
    bool place = is(v, "place");  // "took place"
    if (v > 0 && (place || is(v, "back") || is(v, "up") || is(v, "out") || is(v, "off"))) --v;
    auto [verb, tense] = marker_before(k - 1);
    if (verb != static_cast<int>(v) || !(tense == -1 || tense == 3) || v == 0) return false;
    // "was postponed from December to February": the old date, still ahead.
    if (is(k - 1, "from") && w(v) && w(v)->reschedule_verb) return false;
    // Finite: after "took" ... "place", a past that is no participle ("fell"),
    // a subject pronoun, an auxiliary or a name.
    std::size_t s = v - 1;
    return place || (w(v) && w(v)->simple_past) || is(s, "he") || is(s, "she") || is(s, "it") ||
           is(s, "they") || is(s, "we") || is(s, "i") || is(s, "was") || is(s, "were") ||
           is(s, "had") || (toks_[s].cap && toks_[s].kind == kAlpha && !sentence_initial(s));
  }
  // A finite past verb opens a range starting at s through "from",
  // "between" or "in": "fell between October and January", "lasted from Dec.
  // 20 to Jan. 5" (not a reporting verb: "said in December and January").
  bool past_verb_opens_range(std::size_t s) const {
    std::size_t k = modifiers_start(s);
    return k > 0 && (is(k - 1, "from") || is(k - 1, "between") || is(k - 1, "in")) &&
           past_verb_governs(s) && marker_before(k - 1).second == -1;
  }
  // The noun at k (one word, or two) is the subject of a timetable's verb in
  // the simple present: "Sunday's game starts at 1 p.m.", "Friday's hearing
  // begins", "Friday's deadline looms" (not "will": "Tuesday's win will
  // help him" looks ahead from a day past).
  bool timetable_after(std::size_t k) const {
    if (is(k + 1, "looms") || is(k + 2, "looms")) return true;  // "as Friday's deadline looms"
    auto [verb, tense] = marker_after(k);
    return tense == 1 && verb > static_cast<int>(k) && verb <= static_cast<int>(k) + 2 &&
           !break_between(static_cast<int>(k), verb, true) &&
           time::TimeLexicon::tense_of(toks_[verb].flags) == 6;  // (made 1 by schedule_verb())
  }
  // The sentence tells a game's play ("yards", "touchdown", "rebounds").
  bool game_sentence() const {
    for (std::size_t k = 0; k < n(); ++k) {
      if (w(k) && w(k)->game_noun) return true;
    }
    return false;
  }
  // The nearest number or ordinal (2 to 99) before token k in the sentence,
  // in words or figures ("five jobs", "his third defeat"); -1 when none.
  int count_before(std::size_t k) const {
    for (std::size_t j = k; j-- > 0;) {
      if (is(j, ",") || is(j, ";")) break;
      if (digit(j) && toks_[j].ndig <= 2 && toks_[j].num >= 2) return toks_[j].num;
      const WordInfo* x = w(j);
      if (x && x->number >= 2 && x->number < 100) return x->number;
      if (x && x->ordinal >= 2 && x->ordinal < 100) return x->ordinal;
    }
    return -1;
  }
  // A result noun ("win", "victories") comes just before token i (or before
  // "on" there), and is a noun: not "can win on Tuesday", "more victories on".
  bool result_noun_before(std::size_t i) const {
    std::size_t k = i > 0 && is(i - 1, "on") ? i - 1 : i;
    if (k < 2 || !w(k - 1) || !w(k - 1)->result_noun) return false;
    std::size_t b = k - 2;
    return !(is(b, "to") || is(b, "more") || is(b, "ll") ||
             time::TimeLexicon::tense_of(toks_[b].flags) == 1);
  }
  // An event no one schedules is named just before the expression at i, with
  // at most a place between: "the massacre in June", "the slaying in Chicago
  // on Friday", "the incident Sunday evening". The date is one it has seen,
  // whatever the clause's tense ("will vote for him because of the slaying in
  // Chicago on Friday"). (Not the verb: "will attack him on Friday".)
  bool unplanned_event_before(std::size_t i) const {
    for (std::size_t k = i, steps = 0; k > 1 && steps < 4; --k, ++steps) {
      std::size_t j = k - 1;
      if (w(j) && w(j)->unplanned_noun) {
        std::size_t b = j - 1;
        return !(is(b, "to") || is(b, "ll") || is(b, "not") ||
                 time::TimeLexicon::tense_of(toks_[b].flags) == 1 || after_modal(j));
      }
      if (!(is(j, "in") || is(j, "on") || is(j, "at") || is(j, "near") || is(j, "outside") ||
            (toks_[j].kind == kAlpha && toks_[j].cap && !w(j)))) {
        return false;
      }
    }
    return false;
  }
  // An event held on a set date follows token k, after at most two modifiers
  // ("election", "general election", "New Hampshire primary").
  bool event_noun_after(std::size_t k) const { return noun_after(k, &WordInfo::event_noun); }
  // "the November jobs report", "their February campaign finance reports".
  bool report_noun_after(std::size_t k) const { return noun_after(k, &WordInfo::report_noun); }
  // Within three words from k, before any trigger, determiner or preposition,
  // a word of the class `flag`.
  bool noun_after(std::size_t k, bool WordInfo::*flag) const {
    for (std::size_t j = k; j < n() && j < k + 3; ++j) {
      if (toks_[j].kind != kAlpha) return false;
      if (w(j) && w(j)->*flag) return true;
      if (flag == &WordInfo::event_noun && is(j, "run") && is_dash(j + 1) && is(j + 2, "off")) {
        return true;  // "run-off"
      }
      if ((toks_[j].flags & kTrigger) || determiner(j) || is(j, "in") || is(j, "of") ||
          is(j, "on") || is(j, "at") || is(j, "for") || is(j, "to") || is(j, "and") ||
          is(j, "or")) {
        return false;
      }
    }
    return false;
  }
  // "if" or "unless" opens the clause token i is in: its present tense speaks
  // of what is to come.
  bool condition_before(std::size_t i) const {
    for (std::size_t k = i; k-- > 0 && i - k <= 12;) {
      if (toks_[k].kind == kPunct && !apostrophe(k) && !is_dash(k)) return false;
      if (is(k, "if") || is(k, "unless")) return true;
    }
    return false;
  }
  // The token after a month and day at i ("Nov. 8", "March 15th").
  std::size_t after_month_day(std::size_t i) const {
    std::size_t k = i + 1;
    if (is(k, ".") && adjacent(k)) ++k;
    if (!digit(k)) return 0;
    ++k;
    if (adjacent(k) && (is(k, "st") || is(k, "nd") || is(k, "rd") || is(k, "th"))) ++k;
    return k;
  }

  // ---- output ----------------------------------------------------------------
  // (Takes `m`'s value.)
  void emit(std::size_t i, Core&& m, std::vector<Found>& out) {
    const Span span{toks_[i].b, toks_[m.end - 1].e};
    if (!out.empty() && out.back().span.end > span.begin) return;  // never overlap
    if (m.value.size() == 10 && m.type == "DATE") fix_day_range(i, m);
    Found& e = out.emplace_back();
    e.span = span;
    e.type = m.type;
    e.value = std::move(m.value);
    e.mod = m.mod;
    if (e.type == "DATE" || e.type == "TIME") e.interval = time::interval_of(e.value);
    // The latest calendar date mentioned: what "that year" / "that day" refer to.
    // (Not "today" or "this year": "that" points away from the present, as in
    // "the 2008 race ... support today is below McCain's support that year".)
    bool present = is(i, "today") || is(i, "tonight") || is(i, "now") ||
                   (is(i, "this") && w(i + 1) && w(i + 1)->unit);
    if (!present && (e.type == "DATE" || e.type == "TIME") && four_digits_first(e.value)) {
      ref_ = e.value;
      // Midnight at the end of a day is the start of the next, which is the day
      // that "overnight" or "6 a.m." after it refer to.
      if (ref_.size() == 16 && ref_.ends_with("T24:00")) ref_ = day_of(ref_) + "T00:00";
      ref_sentence_ = sentence_;
      // A full date with its year written out ("March 2, 2015") starts a
      // narrative in that year; a date of the same year carries it on, any
      // other ends it. (A year alone does not: "the 1973 decision ... In
      // March, Trump said" is this March.)
      int written = 0, year = ref_year();
      for (std::size_t k = i; k < m.end && !written && ref_.size() >= 10; ++k) {
        if (digit(k) && toks_[k].ndig == 4 && year_at(k, &written) && written != year) written = 0;
      }
      if (written) {
        narrative_year_ = written;
      } else if (year != narrative_year_) {
        narrative_year_ = 0;
      }
    }
  }
  // A month and day without a year that end a range of days ("from June 1 to
  // November 30", "between 1 June and 30 November") lie after its first day,
  // whatever their own nearest year: the November after that June. A past
  // clause keeps its end in the past and moves a start that nearness alone
  // had put ahead of the anchor back a year instead ("Between June 1 and
  // November 30, storms formed"). `m` is the end, tokens [i, m.end).
  void fix_day_range(std::size_t i, Core& m) {
    if (!(digit(i) || (w(i) && (w(i)->month || w(i)->month_abbr)))) return;
    if (four_digits_in(i, m.end)) return;  // a year of its own
    std::optional<std::size_t> s = range_start_token(i);
    if (!s) return;
    std::optional<CivilDate> first = calendar_value(found_.back().value, Granularity::kDay);
    std::optional<CivilDate> own = calendar_value(m.value, Granularity::kDay);
    if (!first || !own) return;
    std::int32_t start = days_from_civil(*first), own_days = days_from_civil(*own);
    bool start_written = four_digits_in(*s, i - 1);
    CivilDate earlier{first->year - 1, first->month, first->day};
    if (!start_written && start > anchor_days_ && own_days <= anchor_days_ && is_valid(earlier) &&
        days_from_civil(earlier) < own_days && tense_no_report(i) < 0) {
      revalue_last(time::day_str(earlier));
      return;
    }
    // "The freeze lasted from Dec. 20 to Jan. 5" said in November: a range
    // the past verb has seen end lies a year back, both its ends.
    if (!start_written && start > anchor_days_ && is_valid(earlier) && past_verb_opens_range(*s)) {
      revalue_last(time::day_str(earlier));
      first = earlier;
    }
    CivilDate after{first->year, own->month, own->day};
    if (is_valid(after) && days_from_civil(after) <= start) ++after.year;
    if (is_valid(after)) m.value = time::day_str(after);
  }
  // A number of four digits (a year, most likely) among tokens [from, to).
  bool four_digits_in(std::size_t from, std::size_t to) const {
    for (std::size_t k = from; k < to; ++k) {
      if (digit(k) && toks_[k].ndig == 4) return true;
    }
    return false;
  }
  // The calendar day of a day or time value ("2016-07-19T24:00" is 2016-07-20),
  // or empty.
  static std::string day_of(std::string_view value) {
    bool midnight = value.size() == 16 && value.ends_with("T24:00");
    return day_plus(value.substr(0, std::min<std::size_t>(value.size(), 10)), midnight ? 1 : 0);
  }
  // The day `days` after the day value `day` ("2016-07-19"), or empty when it
  // names no single day.
  static std::string day_plus(std::string_view day, int days) {
    std::optional<CivilDate> d = calendar_value(day, Granularity::kDay);
    return d ? time::day_str(civil_from_days(days_from_civil(*d) + days)) : std::string();
  }
  // The day value of weekday `wd` (1 Monday ... 7 Sunday) in the week that
  // begins on `monday`.
  static std::string day_in_week(CivilDate monday, int wd) {
    return time::day_str(civil_from_days(days_from_civil(monday) + wd - 1));
  }

  // ---- calendar helpers --------------------------------------------------------
  CivilDate a() const { return *anchor_; }
  std::string day_rel(int offset) const {
    if (!anchor_) return "XXXX-XX-XX";
    return time::day_str(civil_from_days(anchor_days_ + offset));
  }
  // The day `num` units (years, decades, months, weeks or days) before
  // (`sign` -1) or after (1) the day `offset` days from the anchor's: "a
  // year ago today", "a week from tomorrow"; nullopt for another unit.
  std::optional<std::int32_t> day_counted(int num, char unit, int sign, int offset) const {
    if (!(unit == 'Y' || unit == 'E' || unit == 'M' || unit == 'W' || unit == 'D')) {
      return std::nullopt;
    }
    CivilDate base = civil_from_days(anchor_days_ + offset);
    int months = unit == 'Y' ? 12 * num : unit == 'E' ? 120 * num : unit == 'M' ? num : 0;
    int idx = base.year * 12 + (base.month - 1) + sign * months;
    CivilDate d{idx / 12, idx % 12 + 1, base.day};
    while (!is_valid(d)) --d.day;  // "a year ago today" on Feb. 29
    return days_from_civil(d) + sign * (unit == 'W' ? 7 * num : unit == 'D' ? num : 0);
  }
  // Day `day` of the month `offset` months from the anchor's (not checked).
  CivilDate day_in_month_rel(int offset, int day) const {
    int idx = a().year * 12 + (a().month - 1) + offset;
    return CivilDate{idx / 12, idx % 12 + 1, day};
  }
  std::string month_rel(int offset) const {
    if (!anchor_) return "XXXX-XX";
    CivilDate d = day_in_month_rel(offset, 1);
    return time::month_str(d.year, d.month);
  }
  std::string year_rel(int offset) const {
    if (!anchor_) return "XXXX";
    return time::year_str(a().year + offset);
  }
  std::string week_rel(int offset) const {
    if (!anchor_) return "XXXX-WXX";
    return time::week_str(anchor_days_ + 7 * offset);
  }
  int anchor_quarter() const { return (a().month - 1) / 3 + 1; }
  std::string quarter_rel(int offset) {
    if (!anchor_) return "XXXX-QX";
    int idx = a().year * 4 + anchor_quarter() - 1 + offset;
    note_quarter(idx / 4, idx % 4 + 1);
    return time::quarter_str(idx / 4, idx % 4 + 1);
  }
  void note_quarter(int year, int q) {
    last_q_year_ = year;
    last_q_ = q;
    // Results are reported for quarters that have ended: "the third quarter
    // of 1990" in a forecast is no base for a later "year-ago period".
    if (anchor_ && year * 4 + q < a().year * 4 + anchor_quarter()) {
      done_q_year_ = year;
      done_q_ = q;
    }
  }
  // The quarter a "year-ago" figure is compared with, and its year.
  int compared_q() const { return done_q_ ? done_q_ : last_q_; }
  int compared_q_year() const { return done_q_ ? done_q_year_ : last_q_year_; }
  // A month (1-12) without a year, resolved by the tense near token i.
  std::string month_in_context(int month, std::size_t i) const {
    if (!anchor_) return "XXXX-" + time::month_str(0, month).substr(5);
    if (int y = joined_month_year(month, i)) return time::month_str(y, month);
    if (auto year = narrowed_date(i, Granularity::kYear)) return time::month_str(year->year, month);
    int y = a().year, am = a().month;
    // "since October", and "the November jobs report", which accounts for a
    // month that has begun: the latest such month.
    // So is "the massacre in June": a month the event has seen.
    int t = tense_at(i);
    if (after_since(i) || report_noun_after(i + 1) || unplanned_event_before(i) ||
        (compared_from_before(i) && t <= 0)) {
      return time::month_str(month <= am ? y : y - 1, month);
    }
    // "agreed to buy the unit in February": the month is the infinitive's,
    // which may lie after the past verb; the nearest such month.
    if (t < 0 && infinitive_between(i)) t = 0;
    if (t < 0 && hypothetical_before(i)) t = 1;
    if (new_date_at(i)) t = 1;           // "the talks were delayed until January"
    if (t <= 0 && planned_at(i)) t = 1;  // "planned to visit before January"
    if (t <= 0 && present_schedule_before(i)) t = 1;
    // A past verb in another clause does not date an event: "strengthened
    // the prospect that the November election will ...", "the threat of ...,
    // security lapses and a British exit in a June referendum". The event's
    // own verb, if any, does ("..., the November election was close").
    bool event = event_noun_after(after_possessive(i + 1));
    if (t < 0 && event &&
        (break_between(marker_before(i).first, i, true) || reported_subject_at(i))) {
      auto [right, tense] = marker_after(i);
      t = right >= 0 && !break_between(static_cast<int>(i), right, true) && tense != 2 ? tense : 0;
      if (t == 3) t = -1;  // a reporting verb
    }
    if (t < 0 && event && only_report_governs(i)) t = 0;  // "the November election later said"
    // "the November election" with no past verb is the coming one, and so is
    // a month in a condition ("if he is the nominee in November").
    // So does a present progressive: "is holding a rally in November".
    if (t == 0 && (event || condition_before(i) || progressive_before(i, 5))) t = 1;
    // A past clause may still speak of next month ("contests in March" said
    // in February), unless the month fronts a past verb of its own.
    if (t < 0) {
      bool next_ok = !fronted_past_at(i, i + 1) && !past_verb_governs(i);
      return time::month_str(month <= am + (next_ok ? 1 : 0) ? y : y - 1, month);
    }
    if (t > 0) return time::month_str(month >= am ? y : y + 1, month);
    // No tense: the nearest such month.
    int diff = month - am;
    if (diff > 6 && present_be_governs(i)) return time::month_str(y, month);
    if (diff > 6) return time::month_str(y - 1, month);
    if (diff < -6) return time::month_str(y + 1, month);
    return time::month_str(y, month);
  }
  // The year a past narrative is in, for a month and day at i with no year
  // of their own: "On March 2, 2015, the Times revealed it. On March 25, ..."
  // is 2015's March 25. A full date must have written that year out in this
  // sentence or the one before (or dates of that year carried it on since);
  // the year lies before the anchor's and the clause is past; the month does
  // not come before the narrative's (a story told forward). 0 otherwise.
  // (While narrative_year_ is set, ref_ is the narrative's latest date.)
  int narrative_year(int month, std::size_t i) const {
    if (!narrative_year_ || sentence_ - ref_sentence_ > 1 || narrative_year_ >= a().year ||
        ref_number(5, 2) > month) {
      return 0;
    }
    return tense_at(i) < 0 ? narrative_year_ : 0;
  }
  // A weekday at i that ends a range ("from Monday to Wednesday", "May 13
  // through Sunday") lies after the range's start, which the tense of each
  // alone may not give: "Thursday to Saturday last week" read on a Friday
  // puts Thursday yesterday and Saturday six days ago. When `date` is not
  // after the start, a past end moves a weekday start back a week (the range
  // lay in the past), and otherwise the end moves forward.
  // A weekday joined to one ahead ("will hit Tuesday or Wednesday", "takes
  // place Saturday and Sunday") is the first such day after it when its own
  // reading fell on or before the anchor, or was an alternative ("as early as
  // Tuesday or as late as Thursday"). A range that starts ahead is not moved
  // back by its end.
  void fix_weekday_range(std::size_t i, std::string& date) {
    std::optional<CivilDate> first = range_start_before(i);
    std::optional<std::size_t> join = first ? std::nullopt : weekday_join_before(i);
    if (join) first = calendar_value(found_.back().value, Granularity::kDay);
    if (!first) return;
    std::optional<CivilDate> end = calendar_value(date, Granularity::kDay);
    if (!end) return;
    std::int32_t start = days_from_civil(*first), last = days_from_civil(*end);
    if (last > start) return;
    if (join && (start <= anchor_days_ || (last > anchor_days_ && !is(*join, "or")))) return;
    int gap = 1 + (weekday(last) - weekday(start) + 6) % 7;  // days from start to end, 1-7
    bool weekday_start = w(i - 2) && w(i - 2)->weekday;
    if (!join && weekday_start && last < anchor_days_ && start <= anchor_days_) {
      revalue_last(time::day_str(civil_from_days(last - gap)));
      return;
    }
    date = time::day_str(civil_from_days(start + gap));
  }
  // The "and" or "or" that joins the weekday at i to a weekday tagged just
  // before it: "Tuesday or Wednesday", "late Tuesday or early Wednesday",
  // "Tuesday night and Wednesday", "as early as Tuesday or as late as Thursday".
  std::optional<std::size_t> weekday_join_before(std::size_t i) const {
    std::size_t k = modifiers_start(i);
    if (k > 3 && is(k - 1, "as") && (is(k - 2, "late") || is(k - 2, "early")) && is(k - 3, "as")) {
      k -= 3;
    }
    if (k < 3 || !(is(k - 1, "and") || is(k - 1, "or")) || !tagged_just_before(k - 1)) {
      return std::nullopt;
    }
    std::size_t d = k - 2;
    if ((is(d, "night") || (w(d) && !w(d)->part_of_day.empty())) && d > 0) --d;
    if (!(w(d) && w(d)->weekday)) return std::nullopt;
    return k - 1;
  }
  // A word that joins the two ends of a range: "to", "through", "until", a dash.
  bool range_word(std::size_t c) const {
    return is(c, "to") || is(c, "through") || is(c, "until") || is(c, "till") || is_dash(c);
  }
  // The first token of the expression tagged last, when it starts a range
  // that ends at i: it is just before "to", "through", "until" or a dash
  // ("Monday to", "May 13 through"), or "between" is before it and "and"
  // after it.
  std::optional<std::size_t> range_start_token(std::size_t i) const {
    if (i < 2 || !tagged_just_before(i - 1)) return std::nullopt;
    std::size_t s = last_tag_start(i - 2);
    bool between = is(i - 1, "and") && s > 0 && is(s - 1, "between");
    if (!range_word(i - 1) && !between) return std::nullopt;
    return s;
  }
  // The day a range ending at i starts on: the day just tagged (see
  // range_start_token()).
  std::optional<CivilDate> range_start_before(std::size_t i) const {
    if (!range_start_token(i)) return std::nullopt;
    return calendar_value(found_.back().value, Granularity::kDay);
  }
  // The expression tagged last ends at the token before c (a joining word).
  bool tagged_just_before(std::size_t c) const {
    return c > 0 && !found_.empty() && found_.back().span.end == toks_[c - 1].e;
  }
  // The first token of the expression tagged last, which takes in the tokens
  // before c (see tagged_just_before()).
  std::size_t last_tag_start(std::size_t c) const {
    while (c > 0 && toks_[c - 1].b >= found_.back().span.begin) --c;
    return c;
  }
  // Gives the expression tagged last a new value: a range's end has placed it.
  void revalue_last(std::string value) {
    Found& prev = found_.back();
    prev.value = std::move(value);
    prev.interval = time::interval_of(prev.value);
  }
  // The first day of the date a phrase at i narrows, when that date was
  // tagged just before it, set off by a comma and "on"/"in"/"during", and is
  // of granularity `unit`: "Last year, in March", "last week, on Tuesday",
  // "In 2017, on Election Day".
  std::optional<CivilDate> narrowed_date(std::size_t i, Granularity unit) const {
    if (i < 3 || !(is(i - 1, "on") || is(i - 1, "in") || is(i - 1, "during")) || !is(i - 2, ",") ||
        !tagged_just_before(i - 2)) {
      return std::nullopt;
    }
    return calendar_value(found_.back().value, unit);
  }
  // The year of a month at i joined to the month tagged just before it, or 0:
  // "December and January", "May or June", "October to February". A range
  // runs forward; a pair does when the second month is at most three after
  // the first ("in February and October" may list them either way).
  int joined_month_year(int month, std::size_t i) const {
    std::size_t c = i;
    while (c > 0 &&
           (is(c - 1, "early") || is(c - 1, "late") || is(c - 1, "mid") || is_dash(c - 1))) {
      if (is_dash(c - 1) && !(c > 1 && is(c - 2, "mid"))) break;
      --c;
    }
    if (c < 2 || found_.empty()) return 0;
    --c;  // the joining word
    bool range = range_word(c);
    if (!range && !is(c, "and") && !is(c, "or")) return 0;
    std::optional<CivilDate> first = calendar_value(found_.back().value, Granularity::kMonth);
    if (!tagged_just_before(c) || !first) return 0;
    int py = first->year, pm = first->month;
    int gap = (month - pm + 12) % 12;
    if (gap == 0 || (!range && gap > 3)) return 0;
    return month > pm ? py : py + 1;
  }
  // "to" and a verb lie between the nearest tense marker on the left and token
  // i, within the clause: "agreed to purchase the line for $22 million in".
  bool infinitive_between(std::size_t i) const {
    int left = -1;
    for (auto [pos, t] : markers()) {
      if (pos < static_cast<int>(i) && pos > left) left = pos;
    }
    if (left < 0) return false;
    for (std::size_t k = static_cast<std::size_t>(left) + 1; k + 1 < i; ++k) {
      if (is(k, ",") || is(k, ";")) return false;
      if (is(k, "to") && toks_[k + 1].kind == kAlpha && !toks_[k + 1].cap && !determiner(k + 1) &&
          !(w(k + 1) && (w(k + 1)->trigger || w(k + 1)->noun_after_to)) &&
          !(k > 0 && w(k - 1) && w(k - 1)->implicative)) {
        return true;
      }
    }
    return false;
  }
  // The year of a dated event from the data ("the Sept. 11 attacks": 2001)
  // that the month and day at i name, or 0. (A year narrated nearby is no
  // better guide: "the 2016 race" comes up beside the 2001 attacks as often
  // as "2012" beside the Benghazi one.)
  int dated_event_year(int month, int day, std::size_t i) const {
    std::size_t k = after_month_day(i);
    if (!k) return 0;
    for (const time::DatedEvent& e : lex_.dated_events) {
      if (e.month != month || e.day != day || a().year < e.year) continue;
      for (std::size_t j = k; j < n() && j < k + 3 && toks_[j].kind == kAlpha; ++j) {
        if (std::find(e.nouns.begin(), e.nouns.end(), w(j)) == e.nouns.end()) continue;
        return e.year;
      }
    }
    return 0;
  }

  std::string month_day_in_context(int month, int day, std::size_t i) const {
    if (!anchor_) {
      char buf[24];
      std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", month, day);
      return buf;
    }
    if (int y = dated_event_year(month, day, i)) return time::day_str({y, month, day});
    if (int y = narrative_year(month, i); y && is_valid({y, month, day})) {
      return time::day_str({y, month, day});
    }
    // The nearest such date (a year either side of the anchor), unless the
    // clause's tense puts it on the other side: "since October 7", "was shot
    // on Oct. 23" lie before the anchor, "will be paid Dec. 14" after it.
    // Reported speech ("said ... Jan. 14") does not decide.
    auto at = [&](int yy) {
      return days_from_civil({yy, month, std::min(day, days_in_month(yy, month))});
    };
    int y = a().year;
    // "the mass shooting Dec. 2": a date the event has seen.
    if (unplanned_event_before(i)) {
      CivilDate seen{at(y) <= anchor_days_ ? y : y - 1, month, day};
      if (is_valid(seen)) return time::day_str(seen);
    }
    int best_y = y;
    for (int yy : {y - 1, y + 1}) {
      if (std::abs(at(yy) - anchor_days_) < std::abs(at(best_y) - anchor_days_)) best_y = yy;
    }
    // Near the verb ("erupted on October 7") the tense decides beyond two
    // weeks; the clause's tense further off only beyond three months.
    // "payable Dec. 7", "effective Feb. 1", "until March 6", "take effect
    // Jan. 1" name plans.
    std::size_t b = before_at_least(i);  // "until at least Sept. 3"
    bool plan = b > 0 && (is(b - 1, "payable") || is(b - 1, "effective") || is(b - 1, "until") ||
                          is(b - 1, "till") || is(b - 1, "due") || is(b - 1, "effect"));
    int clause = tense_no_report(i);
    // "was postponed until March 5": the new date looks ahead from the move.
    // "The law takes effect on Jan. 1", "the deadline is Jan. 1": a timetable
    // in the present names a day to come, as "will" does (a day past would
    // be told in the past: "took effect on Jan. 1").
    bool scheduled = present_schedule_before(b);
    if (new_date_at(i) || scheduled) plan = true, clause = 1;
    if (clause <= 0 && planned_at(i)) clause = 1;  // "hope to hold the vote on Feb. 2"
    // "engineered the release to influence the Nov. 8 election": the date is
    // the infinitive's, as for months.
    if (clause < 0 && infinitive_between(i)) clause = 0;
    if (clause < 0 && hypothetical_before(i)) clause = 1;  // "would fare if he won on Nov. 8"
    // "The nominee for the Nov. 8 election later said he was ...": the
    // event's only verb reports, and what follows is what was said.
    std::size_t date_end = after_month_day(i);
    if (clause < 0 && only_report_governs(i) && event_noun_after(date_end)) clause = 0;
    std::int32_t ahead = at(best_y) - anchor_days_;
    // A future clause, or none before "the Nov. 8 election", sees the date
    // ahead; so does a plan's date under no past verb ("is valid until Nov. 5").
    auto looks_ahead = [&] {
      return clause > 0 || (clause == 0 && !after_since(i) && event_noun_after(date_end));
    };
    bool ended = i > 0 && is(i - 1, "ended");  // "the quarter ended Oct. 31"
    // A past verb right before the date puts it behind unless it is at most
    // two days ahead ("The vote was held on 3 March" said on 18 February is
    // last year's; a publication date may be a day late); with an infinitive
    // between them, which may hold a plan ("offered to debate April 14",
    // "had been set to expire Nov. 6"), and after "since" or a fronted date,
    // beyond two weeks.
    bool past_verb = past_event_at(i);
    int grace = past_verb && !infinitive_between(i) ? 2 : 14;
    if (!plan &&
        (ended ? ahead > 0
         : (after_since(i) || past_verb || (date_end && fronted_past_at(i, date_end)))
             ? ahead > grace
             : clause < 0 && ahead > 90) &&
        anchor_days_ - at(best_y - 1) <= 366) {
      --best_y;
    } else if ((future_event_at(i) ? ahead < 0
                : will_governs(i) || scheduled
                    ? ahead < -14
                    : ahead < -90 && (looks_ahead() || (plan && clause >= 0))) &&
               at(best_y + 1) - anchor_days_ <= 366) {
      ++best_y;
    }
    if (!is_valid({best_y, month, day}))
      return "XXXX-" + time::day_str({2000, month, day}).substr(5);
    return time::day_str({best_y, month, day});
  }
  // A weekday (1 = Monday) near the anchor; `direction` -1 past, +1 future, 0 by tense.
  std::string weekday_in_context(int wd, std::size_t i, int direction, bool strict) const {
    if (!anchor_) {
      return "XXXX-WXX-" + std::to_string(wd);
    }
    if (auto monday = narrowed_date(i, Granularity::kWeek)) {
      return day_in_week(*monday, wd);
    }
    int t = direction != 0 ? direction : tense_at(i);
    // A deadline lies ahead ("postponed until Tuesday", "as soon as Tuesday")
    // unless a past perfect follows ("Until Thursday, they had not ...").
    // So does the end of a span in a clause that is not past ("the orders
    // remain in effect through Sunday, officials said").
    std::size_t b = before_at_least(i);
    if (direction == 0 && b > 0 && is(b - 1, "through") && tense_no_report(i) >= 0) t = 1;
    if (direction == 0 &&
        ((b > 0 && (is(b - 1, "until") || is(b - 1, "till") || is(b - 1, "due"))) ||
         new_date_at(i) || (i > 1 && is(i - 1, "on") && is(i - 2, "due")) ||
         (i > 1 && is(i - 1, "as") && is(i - 2, "soon"))) &&
        !had_follows(i)) {
      t = 1;
    }
    // "planned to leave on Thursday", "scheduled a rally Saturday": a plan
    // reported before it happens, so the coming day, unless a past perfect
    // or a passive past ("was planned") puts the plan behind.
    if (direction == 0 && t <= 0 && planned_at(i)) t = 1;
    // A present verb with an infinitive looks ahead: "are eligible to vote
    // in the state's primary on Tuesday", "wants to meet him Friday".
    if (direction == 0 && t == 0 &&
        ((present_at(i) && infinitive_between(i)) || passive_infinitive_before(i))) {
      t = 1;
    }
    // A present condition speaks of what is to come: "if there is a close
    // election on Tuesday, we need clarity".
    // (Not "if he follows up his Tuesday wins": a result the day has seen.)
    if (direction == 0 && t == 0 && condition_before(i) && !(w(i + 1) && w(i + 1)->result_noun)) {
      t = 1;
    }
    // A present progressive with a day is an arrangement to come: "he's
    // campaigning Wednesday in Wisconsin", "is flying to Paris on Friday".
    if (direction == 0 && t == 0 && progressive_before(i, 5)) t = 1;
    int today = weekday(anchor_days_) + 1;
    int delta;
    // "was scheduled to leave late Tuesday", "was set to headline Tuesday": a
    // plan told in the past may have been carried out or be still to come;
    // the nearest such day. So is "speaks later Monday", which news writes on
    // the day itself, though it may be published on the next, and "heading
    // into Tuesday's primary", written on its eve or the morning after.
    if (direction == 0 && !strict &&
        ((t > 0 && (past_plan_before(i) || (i > 0 && is(i - 1, "later")))) || into_event(i) ||
         (t < 0 && passive_infinitive_before(i)))) {
      int ahead = (wd - today + 7) % 7;
      delta = ahead <= 3 ? ahead : ahead - 7;
      return time::day_str(civil_from_days(anchor_days_ + delta));
    }
    // No tense marker at all, as in a present-tense schedule ("the meeting
    // ends Friday", "they meet Monday" on a Friday): the nearest such day when
    // it is at most three days ahead.
    if (t == 0 && direction == 0 && !strict && (wd - today + 7) % 7 <= 3 &&
        (wd - today + 7) % 7 > 0 && (markers().empty() || present_at(i))) {
      t = 1;
    }
    if (t > 0) {
      delta = (wd - today + 7) % 7;
      if (strict && delta == 0) delta = 7;
    } else {
      delta = -((today - wd + 7) % 7);
      if (strict && delta == 0) delta = -7;
    }
    return time::day_str(civil_from_days(anchor_days_ + delta));
  }
  // A passive infinitive governs token i, a few words before it in the same
  // phrase: "an address, to be delivered Wednesday at the Citadel".
  bool passive_infinitive_before(std::size_t i) const {
    for (std::size_t k = i, steps = 0; k > 0 && steps < 6; --k, ++steps) {
      const Tok& t = toks_[k - 1];
      if (t.kind == kPunct) return false;
      if (k >= 3 && is(k - 3, "to") && is(k - 2, "be") && t.kind == kAlpha &&
          (t.low.ends_with("ed") || t.low.ends_with("en"))) {
        return true;
      }
    }
    return false;
  }
  // The tense marker that governs token i (the nearest on its left, else the
  // nearest on its right) is a present tense: "is", "are", "shows".
  bool present_at(std::size_t i) const {
    std::pair<int, int> governing = marker_before(i);
    if (governing.first < 0) governing = marker_after(i);
    auto [at, tense] = governing;
    if (at < 0 || tense != 2) return false;
    // "has mounted", "has suddenly taken": a present perfect looks back.
    if (is(at, "has") || is(at, "have")) {
      std::size_t v = at + 1;
      if (ly_adverb(v)) ++v;
      if (v < n() && toks_[v].kind == kAlpha &&
          (toks_[v].low.ends_with("ed") || toks_[v].low.ends_with("en") ||
           time::TimeLexicon::tense_of(toks_[v].flags) == -1)) {
        return false;
      }
    }
    return true;
  }
  // A weekday at i names an event that the clause comes up to: "heading into
  // Tuesday's primary", "came into Tuesday's contests".
  bool into_event(std::size_t i) const {
    return i > 1 && is(i - 1, "into") && apostrophe(i + 1) &&
           (is(i - 2, "heading") || is(i - 2, "going") || is(i - 2, "came") ||
            is(i - 2, "coming") || is(i - 2, "headed") || is(i - 2, "went"));
  }
  // The nearest tense marker before token i looks ahead from a past "was" or
  // "were": "was scheduled to", "were set to", "was going to".
  bool past_plan_before(std::size_t i) const {
    auto [at, tense] = marker_before(i);
    return at > 0 && tense == 1 && (is(at - 1, "was") || is(at - 1, "were"));
  }
  // A present progressive governs token i, at most `gap` words after the
  // verb and no preposition that looks back between: "is running in
  // Tuesday's primary", not "is reeling from Tuesday's debate".
  bool progressive_before(std::size_t i, std::size_t gap = 3) const {
    auto [at, tense] = marker_before(i);
    if (at < 0 || tense != 2) return false;
    std::size_t v = static_cast<std::size_t>(at) + 1;
    if (ly_adverb(v)) ++v;
    if (v >= i || toks_[v].kind != kAlpha || !toks_[v].low.ends_with("ing") || i - v > gap) {
      return false;
    }
    for (std::size_t k = v + 1; k < i; ++k) {
      if (is(k, "from") || is(k, "after") || is(k, "since") || is(k, "about") || is(k, "over") ||
          is(k, "off")) {
        return false;
      }
    }
    return true;
  }
  // "ahead of Tuesday's vote", "ahead of New York's delegate-rich Tuesday
  // primary": "ahead of" opens the noun phrase that token i is in.
  bool ahead_of_before(std::size_t i) const {
    for (std::size_t k = i, steps = 0; k > 1 && steps < 9; --k, ++steps) {
      if (is(k - 1, "of")) return is(k - 2, "ahead");
      const Tok& t = toks_[k - 1];
      bool modifier = apostrophe(k - 1) || is(k - 1, "s") || is_dash(k - 1) || is(k - 1, "the") ||
                      (t.kind == kAlpha && (t.cap || !(t.flags & kTrigger)) &&
                       time::TimeLexicon::tense_of(t.flags) == 0 && !determiner(k - 1));
      if (!modifier) return false;
    }
    return false;
  }
  // A verb of planning governs token i: the nearest verb on its left, a few
  // words away within the clause, is "planned", "plans", "scheduled"...
  bool planned_at(std::size_t i) const {
    std::size_t lo = i > 8 ? i - 8 : 0;
    for (std::size_t k = i; k-- > lo;) {
      const Tok& t = toks_[k];
      if (t.kind == kPunct && (t.low == "." || t.low == ";" || t.low == ",")) return false;
      if (t.kind != kAlpha || !t.w) continue;
      if (t.w->plan) {
        // An active plan with its object: "planned to leave", "planned a rally";
        // not a participle ("the service planned for Saturday was canceled").
        // A present passive schedules too: "a service is planned Friday".
        bool present_passive = k > 0 && (is(k - 1, "is") || is(k - 1, "are"));
        if (!(is(k + 1, "to") || determiner(k + 1) || present_passive)) return false;
        return !(k > 0 && (is(k - 1, "was") || is(k - 1, "were") || is(k - 1, "had") ||
                           is(k - 1, "been") || is(k - 1, "originally")));
      }
      if (t.w->tense == 6 ? schedule_verb(k)
                          : t.w->tense != 0 && t.w->tense != 4 && t.w->tense != 5) {
        return false;
      }
    }
    return false;
  }
  // Seasons as indices year * 4 + k (SP 0, SU 1, FA 2, WI 3; winter starts in December).
  // The nearest tense marker on the right is a past one ("In the spring after
  // the scandal broke, she said ...").
  bool past_verb_follows(std::size_t i) const {
    for (auto [pos, t] : markers()) {
      if (pos > static_cast<int>(i)) return t == -1 || t == 3;
    }
    return false;
  }
  std::string season_in_context(const std::string& s, std::size_t i, int deictic) const {
    if (!anchor_) return "XXXX-" + s;
    int k = s == "SP" ? 0 : s == "SU" ? 1 : s == "FA" ? 2 : 3;
    int y = a().year, am = a().month;
    int current = am <= 2    ? (y - 1) * 4 + 3
                  : am <= 5  ? y * 4
                  : am <= 8  ? y * 4 + 1
                  : am <= 11 ? y * 4 + 2
                             : y * 4 + 3;
    int t = deictic == 99 ? tense_at(i) : deictic;
    int idx;
    if (deictic == 0) {
      idx = current / 4 * 4 + k;  // "this summer": the current season-year
      if (k == 3 && am <= 2) idx = (y - 1) * 4 + 3;
      // "expecting their second child this summer" in December: the coming one.
      if (idx < current && tense_at(i) > 0) idx += 4;
    } else if (t < 0) {
      idx = current / 4 * 4 + k;
      // The coming season under a past verb elsewhere in the clause is still
      // the coming one ("said he would do a good job in the fall debates" in
      // August), as a holiday or a date less than three months ahead.
      bool coming = deictic == 99 && (idx == current + 1 || idx + 4 == current + 1) &&
                    !after_since(i) && !past_event_at(i) && !past_verb_follows(i);
      if (coming && idx < current) idx += 4;
      if (!coming && (deictic == -1 ? idx >= current : idx > current)) idx -= 4;
    } else if (t > 0) {
      idx = current / 4 * 4 + k;
      if (deictic == 1 ? idx <= current : idx < current) idx += 4;
    } else {
      idx = current / 4 * 4 + k;
    }
    return time::year_str(idx / 4) + "-" + s;
  }
  std::string quarter_in_context(int q, std::size_t i) {
    if (!anchor_) return "XXXX-Q" + std::to_string(q);
    int y = a().year, aq = anchor_quarter();
    // Quarters are mostly reported after they end: a later quarter in a past
    // clause is last year's; a future clause does not move an earlier one on.
    int t = tense_at(i);
    if (t < 0 && q > aq) y -= 1;
    // But what will happen in a quarter lies in one to come: "will be
    // reviewed in the first quarter", "by the end of the first quarter"
    // (not "will report first-quarter results").
    if (t > 0 && q < aq && i > 1 && is(i - 1, "the")) {
      bool in = is(i - 2, "in") || is(i - 2, "during") || is(i - 2, "by") || is(i - 2, "until") ||
                is(i - 2, "before") || is(i - 2, "after");
      bool edge =
          i > 2 && is(i - 2, "of") &&
          (is(i - 3, "end") || is(i - 3, "start") || is(i - 3, "beginning") || is(i - 3, "middle"));
      if (in || edge) y += 1;
    }
    note_quarter(y, q);
    return time::quarter_str(y, q);
  }

  // ---- small parsers -----------------------------------------------------------
  // A cardinal number at i: digits or words ("twenty-four", "a couple of", "a few").
  // Returns the index after it; *value -1 for unspecified.
  std::size_t number_at(std::size_t i, int* value) const {
    if (i >= n()) return 0;
    if (digit(i)) {
      if (toks_[i].num < 0) return 0;
      std::size_t j = i + 1;
      int v = toks_[i].num;
      // "1,000" is not a small count of time units; "2.5" is (number_unit() reads its fraction).
      if (j + 1 < n() && (is(j, ",") || is(j, ".")) && adjacent(j) && digit(j + 1) &&
          adjacent(j + 1)) {
        if (is(j, ".")) {
          *value = v;
          return j + 2;  // "2.5 years": the integer part here
        }
        return 0;
      }
      *value = v;
      return j;
    }
    // "half a dozen", "a half-dozen", "half dozen": six.
    {
      std::size_t k = (is(i, "a") || is(i, "an")) && is(i + 1, "half") ? i + 1 : i;
      if (is(k, "half")) {
        std::size_t d = is(k + 1, "a") || is_dash(k + 1) ? k + 2 : k + 1;
        if (!is(d, "dozen")) return 0;
        *value = 6;
        return d + 1;
      }
    }
    const WordInfo* wi = w(i);
    if (!wi || wi->number == -2) return 0;
    if (is(i, "a") || is(i, "an")) {
      // "a few", "a couple of", "a dozen", "a hundred"; "a handful of" is a few.
      if (is(i + 1, "handful") && is(i + 2, "of")) {
        *value = -1;  // as "few" (X)
        return i + 3;
      }
      const WordInfo* nx = w(i + 1);
      if (nx && (is(i + 1, "few") || is(i + 1, "couple") || is(i + 1, "dozen") ||
                 is(i + 1, "hundred") || is(i + 1, "thousand"))) {
        if (is(i + 1, "couple")) {
          *value = 2;
          return is(i + 2, "of") ? i + 3 : i + 2;
        }
        *value = nx->number;
        return i + 2;
      }
      *value = 1;
      return i + 1;
    }
    if (is(i, "couple")) {
      *value = 2;
      return is(i + 1, "of") ? i + 2 : i + 1;
    }
    // The "dozen" of "a half-dozen", "half a dozen" is not a dozen on its own:
    // the six are counted from "half" above.
    if (is(i, "dozen") && i >= 2 && (is_dash(i - 1) || is(i - 1, "a")) && is(i - 2, "half")) {
      return 0;
    }
    int v = wi->number;
    std::size_t j = i + 1;
    if (v >= 20 && v < 100 && v % 10 == 0) {
      std::size_t k = is_dash(j) ? j + 1 : j;
      const WordInfo* u = w(k);
      if (u && u->number >= 1 && u->number <= 9) {
        v += u->number;
        j = k + 1;
      }
    }
    if (v > 0 && v < 100 && is(j, "hundred")) {
      v *= 100;
      ++j;
    } else if (v > 0 && v < 100 && is(j, "thousand")) {
      v *= 1000;  // "two thousand years"
      ++j;
    } else if (v > 0 && v < 100 && is(j, "dozen")) {
      v *= 12;  // "two dozen"
      ++j;
    }
    *value = v;
    return j;
  }

  // "last year", "this year", "next year" at i: sets *year from the anchor's
  // and returns the index after it, or 0 (also without an anchor).
  std::size_t deictic_year_at(std::size_t i, int* year) const {
    if (!anchor_ || !(is(i, "last") || is(i, "this") || is(i, "next")) || !is(i + 1, "year")) {
      return 0;
    }
    *year = a().year + w(i)->deictic;
    return i + 2;
  }
  // A year as digits at i (1000-2199) or spelled out ("nineteen ninety-six").
  std::size_t year_at(std::size_t i, int* year) const {
    if (i >= n()) return 0;
    if (digit(i) && toks_[i].ndig == 4 && toks_[i].num >= 1000 && toks_[i].num <= 2199) {
      if (adjacent(i + 1) && (digit(i + 1) || toks_[i + 1].kind == kAlpha)) {
        if (!(is(i + 1, "s"))) return 0;
      }
      *year = toks_[i].num;
      return i + 1;
    }
    // "'69" in "the summer of '69", "March '98": mostly a year gone by, so
    // at most two years ahead.
    if (year_apostrophe(i) && digit(i + 1) && toks_[i + 1].ndig == 2 && adjacent(i + 1) &&
        !(adjacent(i + 2) && (digit(i + 2) || toks_[i + 2].kind == kAlpha || apostrophe(i + 2)))) {
      *year = two_digit_year(toks_[i + 1].num, 2);
      return i + 2;
    }
    if (is(i, "nineteen") || is(i, "eighteen")) {
      int base = is(i, "nineteen") ? 1900 : 1800;
      const WordInfo* t = w(i + 1);
      if (t && t->number >= 20 && t->number < 100 && t->number % 10 == 0) {
        int v = t->number;
        std::size_t j = i + 2;
        std::size_t k = is_dash(j) ? j + 1 : j;
        const WordInfo* u = w(k);
        if (u && u->number >= 1 && u->number <= 9) v += u->number, j = k + 1;
        *year = base + v;
        return j;
      }
    }
    if (is(i, "two") && is(i + 1, "thousand")) {
      int v = 0;
      std::size_t j = i + 2;
      std::size_t k = is(j, "and") ? j + 1 : j;
      std::size_t e = number_at(k, &v);
      if (e && v >= 1 && v < 100 && !is(k, "a")) {
        *year = 2000 + v;
        return e;
      }
      // "two thousand years", "two thousand people": a number, not the year
      if (w(j) && w(j)->unit) return 0;
      if (j < n() && toks_[j].kind == kAlpha && !toks_[j].cap && !(w(j) && w(j)->tense)) return 0;
      *year = 2000;
      return j;
    }
    return 0;
  }

  // A month name at i: full name, or abbreviation with optional period.
  std::size_t month_at(std::size_t i, int* month) const {
    const WordInfo* wi = w(i);
    if (!wi) return 0;
    if (wi->month) {
      *month = wi->month;
      std::size_t j = i + 1;
      if (is(j, ".") && adjacent(j)) ++j;  // "Sept." spelled out as "September." is rare
      return i + 1;
    }
    if (wi->month_abbr) {
      *month = wi->month_abbr;
      if (is(i + 1, ".") && adjacent(i + 1)) return i + 2;
      return i + 1;
    }
    return 0;
  }

  // Day of month at i: "14", "14th", ordinal words ("eighth").
  std::size_t day_at(std::size_t i, int* day) const {
    if (digit(i) && toks_[i].ndig <= 2 && toks_[i].num >= 1 && toks_[i].num <= 31) {
      *day = toks_[i].num;
      std::size_t j = i + 1;
      if (j < n() && adjacent(j) && (is(j, "st") || is(j, "nd") || is(j, "rd") || is(j, "th"))) {
        ++j;
      } else if (j < n() && adjacent(j) && toks_[j].kind != kPunct) {
        return 0;
      }
      return j;
    }
    const WordInfo* wi = w(i);
    if (wi && wi->ordinal >= 1 && wi->ordinal <= 31) {
      int v = wi->ordinal;
      // "twenty-first"
      *day = v;
      return i + 1;
    }
    return 0;
  }

  static std::string duration_value(int count, char unit) {
    std::string num = count < 0 ? "X" : std::to_string(count);
    switch (unit) {
      case 'Y':
        return "P" + num + "Y";
      case 'M':
        return "P" + num + "M";
      case 'W':
        return "P" + num + "W";
      case 'D':
        return "P" + num + "D";
      case 'H':
        return "PT" + num + "H";
      case 'N':
        return "PT" + num + "M";
      case 'S':
        return "PT" + num + "S";
      case 'E':
        return count < 0 ? "P" + num + "E" : "P" + std::to_string(count * 10) + "Y";
      case 'C':
        return count < 0 ? "P" + num + "C" : "P" + std::to_string(count * 100) + "Y";
      case 'L':
        return count < 0 ? "P" + num + "L" : "P" + std::to_string(count * 1000) + "Y";
      case 'Q':
        return "P" + num + "Q";
      case 'K':
        return count < 0 ? "PXWE" : "P" + std::to_string(count * 2) + "D";
      case 'F':
        return count < 0 ? "P" + num + "W" : "P" + std::to_string(count * 2) + "W";
      case 'J':
        return count < 0 ? "PXM" : "P" + std::to_string(count * 6) + "M";
    }
    return "";
  }

  // The DATE `count` units before (sign -1) or after (+1) the anchor.
  std::string shifted(int count, char unit, int sign) {
    if (count < 0) return sign < 0 ? "PAST_REF" : "FUTURE_REF";
    int k = sign * count;
    switch (unit) {
      case 'Y':
        return year_rel(k);
      case 'E':
        return year_rel(10 * k);
      case 'C':
        return year_rel(100 * k);
      case 'M':
        return month_rel(k);
      case 'Q':
        return quarter_rel(k);
      case 'W':
        return week_rel(k);
      case 'F':
        return week_rel(2 * k);
      case 'D':
        return day_rel(k);
      case 'H':
      case 'N':
      case 'S':
        return day_rel(0);
      case 'K':
        return week_rel(k) + "-WE";
    }
    return "";
  }

  // `count` and a half units from the anchor ("a year and a half ago"), at
  // the granularity the half falls in: 18 months back is a month.
  std::string shifted_half(int count, char unit, int sign) {
    if (count < 0 || !anchor_) return shifted(count, unit, sign);
    auto month_back = [&](int half_months) {  // half_months / 2 months, by days
      CivilDate d = civil_from_days(anchor_days_ + sign * half_months * 61 / 4);
      return time::month_str(d.year, d.month);
    };
    switch (unit) {
      case 'Y':
        return month_rel(sign * (12 * count + 6));
      case 'E':
        return year_rel(sign * (10 * count + 5));
      case 'C':
        return year_rel(sign * (100 * count + 50));
      case 'Q':
        return month_back(6 * count + 3);
      case 'M':
        return month_back(2 * count + 1);
      case 'W':
        return time::week_str(anchor_days_ + sign * (7 * count + 3));
    }
    return shifted(count, unit, sign);
  }

  // The report is of a Monday, Tuesday or Wednesday: a weekend it names
  // without a tense looking ahead is mostly the one just past.
  bool early_in_week() const { return anchor_ && weekday(anchor_days_) <= 2; }
  bool sunday_report() const { return anchor_ && weekday(anchor_days_) == 6; }

  // An American week begins on Sunday: in a Sunday article, "this week" still
  // to come ("will skip this week's convention", "is not available this week",
  // "later this week") is the ISO week that starts the next day.
  bool week_to_come_on_sunday(std::size_t i) const {
    if (!sunday_report()) return false;
    // A present verb after the week does not decide: "officials this week
    // detailed the plan, which is ...".
    return is(i, "later") || tense_at(i) > 0 || (marker_before(i).first >= 0 && present_at(i));
  }

  // The same period as the anchor, shifted by `k` (last year -1, this month 0).
  std::string period_rel(char unit, int k) {
    switch (unit) {
      case 'Y':
        return year_rel(k);
      case 'M':
        return month_rel(k);
      case 'W':
        return week_rel(k);
      case 'D':
        return day_rel(k);
      case 'Q':
        return quarter_rel(k);
      case 'K':
        return anchor_ ? week_rel(k) + "-WE" : "XXXX-WXX-WE";
      case 'E': {
        if (!anchor_) return "XXX";
        return std::to_string((a().year + 10 * k) / 10);
      }
      case 'C': {
        if (!anchor_) return "XX";
        return std::to_string((a().year + 100 * k) / 100);
      }
    }
    return "";
  }

  // "the week after next", "the year before last", "the weekend before last":
  // two periods on from the anchor's.
  Core period_two_off(std::size_t i) {
    const WordInfo* u = w(i + 1);
    if (!u || !u->unit || u->plural || toks_[i + 1].cap) return {};
    int k = is(i + 2, "after") && is(i + 3, "next")    ? 2
            : is(i + 2, "before") && is(i + 3, "last") ? -2
                                                       : 0;
    if (!k ||
        !(u->unit == 'Y' || u->unit == 'Q' || u->unit == 'M' || u->unit == 'W' || u->unit == 'K')) {
      return {};
    }
    return make(i + 4, "DATE", period_rel(u->unit, k));  // (unknown parts with no anchor)
  }

  // ---- pattern families -------------------------------------------------------------
  Core match(std::size_t i) {
    Core best = core(i);
    // Prefixes: "the", approximators, "early/mid/late", "the end of".
    std::size_t j = i;
    bool the = false;
    std::string_view approx, position;  // literals or lexicon storage
    if (is(j, "the")) {
      const WordInfo* p = w(j + 1);
      if (p && (p->has & WordInfo::kHasPosition) && is(j + 2, "of")) {
        position = p->position;
        j += 3;
      } else {
        the = true;
        ++j;
      }
    }
    if (!the && position.empty()) {
      if (is(j, "more") && is(j + 1, "than"))
        approx = "MORE_THAN", j += 2;
      else if (is(j, "less") && is(j + 1, "than"))
        approx = "LESS_THAN", j += 2;
      else if (is(j, "at") && is(j + 1, "least"))
        approx = "EQUAL_OR_MORE", j += 2;
      else if (is(j, "at") && is(j + 1, "most"))
        approx = "EQUAL_OR_LESS", j += 2;
      else if (is(j, "up") && is(j + 1, "to"))
        approx = "EQUAL_OR_LESS", j += 2;
      else if (is(j, "no") && is(j + 1, "more") && is(j + 2, "than"))
        approx = "EQUAL_OR_LESS", j += 3;
      else if (is(j, "close") && is(j + 1, "to"))
        approx = "APPROX", j += 2;
      else if (w(j) && (w(j)->has & WordInfo::kHasApprox) && !is(j, "over"))
        approx = w(j)->approx, ++j;
      if (!approx.empty() && is(j, "the")) the = true, ++j;
    }
    if (position.empty() && (is(j, "early") || is(j, "mid") || is(j, "late") || is(j, "middle"))) {
      // "mid-1990s", "late November", "early next year"; not "late payments".
      position = w(j)->position;
      ++j;
      if (is_dash(j) && adjacent(j)) ++j;
    }
    if (j > i && j < n()) {
      Core c = core(j);
      // "the end of the first quarter": the period's own "the", which a
      // phrase ("the year") may not hold.
      if (c.end <= j && !position.empty() && !the && is(j, "the") && j > i + 2) {
        c = core(j + 1);
        if (!c.the_ok) c = Core();
      }
      // "the end of the decade", "the middle of the century": the anchor's own,
      // or the one before or after when the tense puts that point on the other
      // side of the anchor ("at the end of the century, it fell", said in 2013).
      // Only after a position: "the decade" alone is as often a span. So is
      // "by mid-century", "until mid-decade" after a preposition of time (not
      // "mid-century furniture", a style of the last century's).
      std::size_t u = c.end > j || position.empty() ? 0
                      : i == j - 3 && is(j, "the")  ? j + 1
                      : is(i, "mid") && i > 0 && j > i &&
                              (is(i - 1, "by") || is(i - 1, "until") || is(i - 1, "before") ||
                               is(i - 1, "toward") || is(i - 1, "towards") || is(i - 1, "beyond"))
                          ? j
                          : 0;
      if (u && w(u) && (w(u)->unit == 'E' || w(u)->unit == 'C') && !w(u)->plural &&
          !(is_dash(u + 1) || apostrophe(u + 1) || is(u + 1, "of")) && anchor_) {
        int span = w(u)->unit == 'E' ? 10 : 100;
        int first = a().year / span * span;
        int point = position == "START" ? first
                    : position == "MID" ? first + span / 2
                                        : first + span - 1;
        int tense = tense_at(i);
        int k = tense < 0 && point > a().year ? -1 : tense > 0 && point < a().year ? 1 : 0;
        c = make(u + 1, "DATE", period_rel(w(u)->unit, k));
        c.pos_ok = true;
      }
      bool ok = c.end > j;
      if (ok && the && !c.the_ok) ok = false;
      if (ok && !approx.empty() && !c.approx_ok) ok = false;
      if (ok && !position.empty() && !c.pos_ok && !is(i, "the")) ok = false;
      if (ok && approx == "MORE_THAN" && is(i, "over") && c.type != "DURATION") ok = false;
      // "up to five years", but "moved up to Feb. 3", "in the days leading up
      // to March 5": before a point, "up" is the verb's.
      if (ok && is(i, "up") && c.type != "DURATION") ok = false;
      if (ok && c.end >= best.end) {
        best = c;
        if (!approx.empty()) best.mod = approx;
        // TimeBank and AQUAINT leave "about" and "almost" outside a duration, but
        // both keep them in an offset from now ("almost four years ago", 4 of 4).
        if ((is(i, "about") || is(i, "almost")) && !is(best.end - 1, "ago")) best.skip = 1;
        if (!position.empty()) best.mod = position;
        if (position == "START" && best.value.size() == 4 && is(i, "the")) {
          // keep the year; TimeBank marks "the beginning of 1990" as 1990
        }
      }
    }
    // "the end of next week's contests", "the end of the week's talks": the end
    // is the contests', not the week's; the period alone is found from its own
    // first word. (Not "the turn of the century's architecture", the period's.)
    if (best.end > i && is(i, "the") && w(i + 1) && (w(i + 1)->has & WordInfo::kHasPosition) &&
        is(i + 2, "of") && apostrophe(best.end) && is(best.end + 1, "s")) {
      best = Core();
    }
    // One object returned on every path, so that it is built in the caller's
    // (moving a Core copies its value string with a memcpy call, even empty).
    if (best.end > i &&
        (in_title(i, best.end - 1) ||
         capitalised_in_name(i + best.skip, best.end, best.value.ends_with("_REF")))) {
      best = Core();
    }
    return best;
  }

  // "CBS This Morning", "NBC's \"Today\" show", "Saturday Night Live", "Back to
  // the Future", "the Summer Olympics", "the Midnight Crew": a word of the time
  // lexicon that is written in lower case in running text (a part of day,
  // "midnight", "noon", "today", "now", a
  // season, any word of a `vague` reference: "the Future") but is capitalised
  // inside a sentence belongs to a name. Not in headlines set in title case,
  // nor at the start of a quoted sentence.
  bool capitalised_in_name(std::size_t b, std::size_t e, bool vague) const {
    bool found = false;
    for (std::size_t k = b; k < e && !found; ++k) {
      const WordInfo* wi = toks_[k].kind == kAlpha && toks_[k].cap ? w(k) : nullptr;
      if (!wi ||
          !(vague ||
            (wi->has & (WordInfo::kHasPartOfDay | WordInfo::kHasVague | WordInfo::kHasSeason)) ||
            wi->day_offset != 99 || wi->tonight || is(k, "midnight") || is(k, "noon"))) {
        continue;
      }
      if ((wi->has & WordInfo::kHasSeason) && k + 1 < n() && toks_[k + 1].kind == kDigit)
        continue;         // "Fall 2016"
      std::size_t j = k;  // skip opening quotes: "Rubio says, “Tonight was ..."
      while (j > 0 && quote_mark(j - 1)) --j;
      if (sentence_initial(j) || (j < k && toks_[j - 1].kind == kPunct)) continue;
      // After a full stop or a colon ("Co. Recently, ...", "Q: Now you ..."), or
      // shouted in capitals ("we need it NOW!"), the capital says nothing.
      if (is(j - 1, ".") || is(j - 1, ":") || is(j - 1, ";") || is(j - 1, "?") || is(j - 1, "!"))
        continue;
      if (toks_[k].e - toks_[k].b >= 2 && all_caps(k)) continue;
      found = true;
    }
    if (!found) return false;
    // A headline in title case capitalises every word.
    int words = 0, caps = 0;
    for (std::size_t k = 0; k < n(); ++k) {
      if (toks_[k].kind != kAlpha || toks_[k].e - toks_[k].b < 4) continue;
      ++words;
      caps += toks_[k].cap;
    }
    return caps * 10 < words * 7;
  }

  bool all_caps(std::size_t k) const {
    for (std::size_t p = toks_[k].b; p < toks_[k].e; ++p) {
      char c = layer_.text[p];
      if (c >= 'a' && c <= 'z') return false;
    }
    return true;
  }

  bool quote_mark(std::size_t k) const {
    if (toks_[k].kind != kPunct) return false;
    std::string_view t = toks_[k].low;
    return t == "\"" || t == "'" || t == "`" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" ||
           t == "\xE2\x80\x98" || t == "\xE2\x80\x99";
  }

  // "Person of the Year", "21st Century Fox", "the Year of the Woman": a
  // capitalised "Year" or "Century" inside a sentence that names a title or a
  // firm, next to other capitalised words, is no date.
  bool in_title(std::size_t i, std::size_t e) const {
    if (!toks_[e].cap || !(is(e, "year") || is(e, "century")) || sentence_initial(e)) return false;
    auto cap_word = [this](std::size_t k) {
      return k < n() && toks_[k].kind == kAlpha && toks_[k].cap;
    };
    if (cap_word(e + 1)) return true;  // "21st Century Fox"
    if (is(e + 1, "of") && is(e + 2, "the") && cap_word(e + 3)) return true;
    // "Person of the Year", "Liar-of the Year"
    return is(i, "the") && i >= 2 && is(i - 1, "of") && (cap_word(i - 2) || is_dash(i - 2));
  }

  Core core(std::size_t i) {
    Core best;
    auto consider = [&best](Core&& c) {
      if (c.end > best.end && !c.value.empty()) best = std::move(c);
    };
    if (i >= n()) return best;
    const Tok& t = toks_[i];
    if (t.kind == kAlpha && !(t.flags & kTrigger)) return best;  // no pattern starts here
    // Digits glued to a letter are part of a code or link ("P2qpm3h3Pm", "F16"), not a number.
    if (t.kind == kDigit && i > 0 && adjacent(i) && toks_[i - 1].kind == kAlpha) return best;
    if (t.kind == kAlpha) {
      const WordInfo* wi = t.w;
      // "could last weeks", "expected to last three days": the verb, which
      // starts no expression (not "compared to last year").
      if (wi && wi->ordinal == -1 && is(i, "last") && after_modal(i) &&
          !(w(i + 1) && w(i + 1)->unit && !w(i + 1)->plural)) {
        return best;
      }
      if (wi && wi->phrases) consider(phrase(i));
      if (is(i, "the")) {
        consider(period_two_off(i));
        consider(back_half(i));
      }
      if (wi && wi->holidays) consider(holiday(i));
      if (wi) {
        if (wi->day_offset != 99) consider(relative_day(i));
        if (wi->has & WordInfo::kHasVague) consider(vague(i));
        if (wi->has & WordInfo::kHasSet) consider(set_word(i));
        if (wi->deictic != 99) consider(deictic(i));
        if (wi->number != -2) {
          consider(number_unit(i));
          // "three times a week", "a dozen times a year", "twenty-five times a year"
          if (is(i + 1, "times") || is(i + 2, "times") || is(i + 3, "times")) {
            consider(frequency(i));
          }
          if ((is(i, "a") || is(i, "an")) && (is(i + 1, "half") || is(i + 1, "quarter"))) {
            consider(fraction_unit(i));
            if (is(i + 2, "past") || is(i + 2, "to")) consider(minutes_from_hour(i));
          }
          // Clock hours and counted minutes are number words of three letters
          // or more ("one" to "fifty-nine"), never "a".
          if (t.low.size() > 2 && wi->number >= 1 && wi->number < 60) {
            if (wi->number <= 12 && (is(i + 1, "o") || (i > 0 && hour_preposition(i - 1)))) {
              consider(word_clock(i));
            }
            if (is(i + 1, "past") || is(i + 2, "past") || is(i + 2, "to")) {
              consider(minutes_from_hour(i));  // "ten past six", "twenty minutes to nine"
            }
          }
        }
        if (wi->month || wi->month_abbr) consider(month_expr(i));
        if (wi->weekday) consider(weekday_expr(i, 0, false));
        if (wi->weekday_plural) consider(weekday_set(i));
        if (t.cap && wi->weekday_abbr) consider(weekday_abbr_expr(i));
        if (wi->ordinal) consider(ordinal_expr(i));
        if (wi->has & WordInfo::kHasSeason) consider(season_expr(i, 99));
        if (wi->unit) consider(unit_expr(i));
        if (wi->has & WordInfo::kHasPartOfDay) consider(part_of_day(i));
      }
      // Patterns that name their first word, dispatched on its first letter
      // (no word begins two groups, so each word keeps its order of patterns).
      switch (t.low[0]) {
        case 'a':
          if (t.cap && (is(i, "ad") || is(i, "a"))) consider(era_first_year(i));  // "AD 122"
          break;
        case 'c':
          if (is(i, "calendar")) consider(fiscal(i));
          break;
        case 'e':
          if (is(i, "every") || is(i, "each")) consider(every(i));
          if (is(i, "earlier") && is(i + 1, "that")) consider(anaphoric(i, i + 1));
          if (is(i, "eighteen")) consider(year_expr(i));
          if (is(i, "eighties")) consider(decade_word(i));
          break;
        case 'f':
          if (is(i, "fiscal") || is(i, "fy")) consider(fiscal(i));
          if (is(i, "fifties") || is(i, "forties")) consider(decade_word(i));
          break;
        case 'h':
          if (is(i, "h") && adjacent(i + 1) && digit(i + 1)) consider(h_half(i));
          if (is(i, "half")) {
            if (is(i + 1, "past")) consider(minutes_from_hour(i));
            consider(fraction_unit(i));
            consider(number_unit(i));  // "half a dozen years"
          }
          break;
        case 'l':
          if (is(i, "later") && is(i + 1, "that")) consider(anaphoric(i, i + 1));
          break;
        case 'o':
          if (is(i, "once")) consider(frequency(i));
          break;
        case 'm':
          if (is(i, "midnight") || is(i, "midday")) consider(clock(i));
          if (is(i, "midweek") || (is(i, "mid") && is_dash(i + 1) && is(i + 2, "week"))) {
            consider(midweek(i));
          }
          break;
        case 'n':
          if (is(i, "noon")) consider(clock(i));
          if (is(i, "nineteen")) consider(year_expr(i));
          if (is(i, "nineties")) consider(decade_word(i));
          break;
        case 'p':
          if (is(i, "per")) consider(every(i));
          break;
        case 'q':
          if (is(i, "q") && adjacent(i + 1) && digit(i + 1)) consider(q_quarter(i));
          if (is(i, "quarter")) {
            if (is(i + 1, "past") || is(i + 1, "to")) consider(minutes_from_hour(i));
            consider(fraction_unit(i));
          }
          break;
        case 's':
          if (is(i, "seventies") || is(i, "sixties")) consider(decade_word(i));
          break;
        case 't':
          if (is(i, "that")) consider(anaphoric(i, i));
          if (is(i, "the")) {
            if (is(i + 1, "day") && (is(i + 2, "before") || is(i + 2, "after"))) {
              consider(day_before_after(i));
            }
            consider(nth_day_today(i));
            // "the same day", as "that same day", when the date mentioned last
            // names that unit; not "the same day as the vote", "the same day
            // it seated its delegates", "the same month last year".
            if (is(i + 1, "same") &&
                !(is(i + 3, "as") || is(i + 3, "that") || is(i + 3, "when") || is(i + 3, "of") ||
                  is(i + 3, "in") || is(i + 3, "it") || is(i + 3, "he") || is(i + 3, "she") ||
                  is(i + 3, "they") || is(i + 3, "we") || (w(i + 3) && w(i + 3)->deictic != 99))) {
              Core same = anaphoric(i, i);
              if (same.value.find('X') == std::string::npos) consider(std::move(same));
            }
            consider(year_ago_period(i));
          }
          if (is(i, "two")) consider(year_expr(i));
          if (is(i, "twice") || is(i, "thrice")) consider(frequency(i));
          if (is(i, "thirties") || is(i, "twenties")) consider(decade_word(i));
          break;
        case 'y':
          if (is(i, "year")) consider(year_ago_compound(i));
          break;
        default:
          break;
      }
    } else if (t.kind == kDigit) {
      consider(year_expr(i));
      consider(numeric_date(i));
      consider(clock(i));
      if (t.ndig <= 2 && is(i + 1, "minutes") && (is(i + 2, "past") || is(i + 2, "to"))) {
        consider(minutes_from_hour(i));  // "20 minutes to midnight"
      }
      consider(number_unit(i));
      if (is(i + 1, "times")) consider(frequency(i));
      consider(day_first(i));
      if (i > 1 && is(i - 1, "the")) consider(day_of_month(i));
      consider(century_digits(i));
      if (t.ndig <= 4) consider(era_year(i));
      if (t.ndig == 2 && i > 1 && (is_dash(i - 1) || is(i - 1, "/"))) consider(second_year(i));
      if (t.ndig == 1 && adjacent(i + 1) && (is(i + 1, "q") || is(i + 1, "h"))) {
        consider(number_letter_period(i));
      }
    } else if (year_apostrophe(i) && digit(i + 1) && toks_[i + 1].ndig == 2 && adjacent(i + 1)) {
      consider(short_decade(i));
    }
    return best;
  }

  Core make(std::size_t end, std::string_view type, std::string value) {
    Core c;
    c.end = end;
    c.type = type;
    c.value = std::move(value);
    return c;
  }

  Core phrase(std::size_t i) {
    const WordInfo* first = w(i);
    if (!first || !first->phrases) return {};
    const WordInfo* second = w(i + 1);
    for (const time::Phrase* p : *first->phrases) {
      if (p->infos.size() > 1 && p->infos[1] != second) continue;
      std::size_t k = 1;
      while (k < p->infos.size() && w(i + k) == p->infos[k]) ++k;
      if (k != p->words.size()) continue;
      std::size_t end = i + k;
      const std::string& v = p->value;
      std::string_view type = p->type;
      std::string value = v;
      int year = 0;
      if (is_dash(end) && adjacent(end)) continue;  // "the year-ago quarter"
      std::size_t ye = p->words.back() == "year" ? year_at(end, &year) : 0;
      if (ye) {  // "the year two thousand", "the year 2000"
        Core c = make(ye, "DATE", time::year_str(year));
        c.the_ok = true;
        return c;
      }
      // "the year he returned to teaching", "the year Mr. Ackman teamed up": a
      // year that a clause names, not the anchor's.
      if (p->words.size() == 2 && p->words[0] == "the" && p->words[1] == "year" && end < n() &&
          (is(end, "he") || is(end, "she") || is(end, "they") || is(end, "we") || is(end, "i") ||
           is(end, "you") || (toks_[end].kind == kAlpha && toks_[end].cap && !w(end)))) {
        return {};
      }
      // "the turn of the century": the century year nearest the anchor (2000
      // seen from 1998 or from 2016), not the anchor's century.
      if (v == "~C") value = anchor_ ? time::year_str((a().year + 50) / 100 * 100) : "XXXX";
      if (v == "~L") value = anchor_ ? time::year_str((a().year + 500) / 1000 * 1000) : "XXXX";
      // "in the new year": said in the autumn, the coming one. (Not "the New
      // Year", the holiday, nor "the new year's budget".)
      if (v == "~Y") {
        if (toks_[i + 1].cap || apostrophe(end)) return {};
        value = anchor_ ? time::year_str(a().year + (a().month >= 7)) : "XXXX";
      }
      if (!v.empty() && (v[0] == '+' || v[0] == '-') && v.size() >= 3) {
        int off = (v[1] - '0') * (v[0] == '-' ? -1 : 1);
        char unit = v.back();
        if (off == 0 && unit == 'W' && p->words[0] == "later" && week_to_come_on_sunday(i)) off = 1;
        value = unit == 'D' ? day_rel(off) : period_rel(unit, off);
        // "the year ended Sept. 30", "the year to March": a fiscal year, a
        // span rather than a calendar year. So are "the week ended Oct. 14",
        // "the month ending Saturday" (not "the week ended with a rally").
        // (Not "the year ended on a high note": a date must follow.)
        bool ended = is(end, "ended") || is(end, "ending");
        const WordInfo* next = ended ? w(end + 1) : nullptr;
        std::size_t m =
            is(end + 1, "in") || (digit(end + 1) && toks_[end + 1].ndig <= 2) ? end + 2 : end + 1;
        bool ended_month =
            ended && w(m) &&
            ((toks_[m].cap && (w(m)->month || w(m)->month_abbr || w(m)->weekday)) ||
             is(m, "today") || is(m, "tomorrow") || is(m, "yesterday"));  // "ending tomorrow"
        // "the week to Sunday", "the month to February 28" are such spans too.
        bool to_weekday = (is(end, "to") || is(end, "through")) && w(end + 1) &&
                          w(end + 1)->weekday && toks_[end + 1].cap;
        if (off == 0 &&
            (unit == 'Y' ? ended_month || to_month_at(end)
                         : (unit == 'W' || unit == 'M') &&
                               ((next && (next->month || next->month_abbr || next->weekday)) ||
                                to_month_at(end) || (unit == 'W' && to_weekday)))) {
          type = "DURATION";
          value = duration_value(1, unit);
        }
        // "the week of March 6", "the weekend of April 6": the ISO week (or
        // its weekend) of that day; "the month of May": that month.
        // So is "the week commencing 21 October" ("beginning", "starting", "from").
        bool week_from = unit == 'W' && (is(end, "commencing") || is(end, "beginning") ||
                                         is(end, "starting") || is(end, "from"));
        if (off == 0 && (unit == 'W' || unit == 'K' || unit == 'M') &&
            (is(end, "of") || week_from) &&
            ((w(end + 1) && (w(end + 1)->month || w(end + 1)->month_abbr)) ||
             (digit(end + 1) && unit != 'M'))) {
          Core d = digit(end + 1) ? day_first(end + 1) : month_expr(end + 1);
          std::optional<CivilDate> day = calendar_value(d.value, Granularity::kDay);
          if (d.end && day && unit != 'M') {
            std::string week = time::week_str(days_from_civil(*day));
            Core c = make(d.end, "DATE", unit == 'K' ? week + "-WE" : week);
            c.pos_ok = false;
            return c;
          }
          if (d.end && d.value.size() == 7 && d.type == "DATE" && unit == 'M') {
            Core c = make(d.end, "DATE", d.value);
            c.pos_ok = false;
            return c;
          }
        }
        // "$450 million the year before.": the year before the one just named.
        if (off == 0 && (unit == 'Y' || unit == 'M' || unit == 'W') &&
            (is(end, "before") || is(end, "earlier")) &&
            (end + 1 >= n() || toks_[end + 1].kind == kPunct) && p->words.size() == 2) {
          std::string before = ref_shifted(unit, -1);
          Core c = make(end + 1, "DATE", before.empty() ? period_rel(unit, -1) : before);
          return c;
        }
        // "the year before the election": relative to an event, unknown here.
        // (Not when a span's preposition governs the phrase and "before"
        // opens a gerund clause on the verb: "rain will continue through the
        // weekend before clearing on Monday".)
        bool verb_clause_after = i > 0 &&
                                 (is(i - 1, "through") || is(i - 1, "over") ||
                                  is(i - 1, "throughout") || is(i - 1, "during")) &&
                                 end + 1 < n() && toks_[end + 1].kind == kAlpha &&
                                 toks_[end + 1].low.size() > 5 &&
                                 toks_[end + 1].low.ends_with("ing");
        if (off == 0 && p->words.size() == 2 && (is(end, "before") || is(end, "after")) &&
            end + 1 < n() && toks_[end + 1].kind != kPunct && !verb_clause_after) {
          return {};
        }
        // "over the weekend" in a weekday's report, in a past clause or, early in
        // the week, in any clause not looking ahead ("insurgents making gains
        // over the weekend").
        if (off == 0 && unit == 'K' && anchor_ && weekday(anchor_days_) < 5 &&
            (tense_at(i) < 0 ||
             (early_in_week() && i > 0 && is(i - 1, "over") && tense_at(i) == 0))) {
          value = period_rel('K', -1);
        }
      }
      // "the future of the alliance", "the past of the city": its fate or
      // history, not a time.
      if ((value == "FUTURE_REF" || value == "PAST_REF") && p->words.front() == "the" &&
          is(end, "of")) {
        return {};
      }
      // "the past six election cycles", "the past half-dozen days": "past"
      // modifies a count of things, it does not name the past.
      if ((value == "FUTURE_REF" || value == "PAST_REF") && p->words.size() == 2 &&
          p->words.front() == "the" && end < n() &&
          (digit(end) || is(end, "few") || is(end, "several") || is(end, "couple") ||
           is(end, "half") || (w(end) && w(end)->number > 0))) {
        return {};
      }
      // "most recently last October": the date that follows is the time; the
      // adverb only orders it.
      if (value == "PAST_REF" && p->words.back() == "recently" && date_follows(end)) return {};
      Core c = make(end, type, value);
      c.pos_ok = p->words.front() != "the";
      return c;
    }
    return {};
  }

  Core holiday(std::size_t i) {
    const WordInfo* first = w(i);
    if (!first || !first->holidays || !toks_[i].cap) return {};
    // "Lunar New Year", "Orthodox Christmas": another calendar's day, which
    // the Gregorian rules below would misdate.
    if (i > 0 && w(i - 1) && w(i - 1)->other_calendar) return {};
    for (const time::Phrase* p : *first->holidays) {
      std::size_t k = 1;
      // A typographic apostrophe stands for the data's "'" ("New Year’s Eve").
      while (k < p->infos.size() &&
             (w(i + k) == p->infos[k] || (p->words[k] == "'" && apostrophe(i + k)))) {
        ++k;
      }
      if (k != p->words.size()) continue;
      std::size_t end = i + k;
      // "Christmas trees", "Easter Island": a thing or a place named after the
      // holiday, not the day. The longest name matched decides.
      if (w(end) && w(end)->holiday_noun) return {};
      // "Super Tuesday 2", "Super Tuesday III": another day of that name.
      if ((digit(end) && toks_[end].ndig <= 2) || is(end, "ii") || is(end, "iii")) return {};
      int year_given = 0;
      std::size_t e2 = 0;
      if (is(end, ","))
        e2 = year_at(end + 1, &year_given);
      else
        e2 = year_at(end, &year_given);
      if (e2) end = e2;
      auto date_in = [&](int y) -> CivilDate {
        if (p->type == "fixed") return {y, p->month, p->nth};
        if (p->type == "easter") {
          int aa = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
          int g = (b - f + 1) / 3, h = (19 * aa + b - d - g + 15) % 30, ii = c / 4, kk = c % 4;
          int l = (32 + 2 * e + 2 * ii - h - kk) % 7, m = (aa + 11 * h + 22 * l) / 451;
          int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
          return civil_from_days(days_from_civil({y, month, day}) + p->offset);
        }
        if (p->type == "election") {  // Tuesday after the first Monday of November
          return civil_from_days(nth_weekday_in(y, 11, 1, 1) + 1);
        }
        // nth weekday of month (the last one when nth is not positive)
        return civil_from_days(nth_weekday_in(y, p->month, p->weekday, p->nth > 0 ? p->nth : -1) +
                               p->offset);
      };
      if (!year_given) {
        if (auto year = narrowed_date(i, Granularity::kYear)) year_given = year->year;
      }
      if (year_given) return make(end, "DATE", time::day_str(date_in(year_given)));
      if (!anchor_) return make(end, "DATE", "XXXX-XX-XX");
      int y = a().year;
      int t = tense_at(i);
      if (i > 0 && is(i - 1, "last")) t = -1;
      if (i > 0 && is(i - 1, "next")) t = 1;
      std::int32_t d = days_from_civil(date_in(y));
      bool week = is(end, "week");  // "Easter week": the ISO week of the holiday
      // A holiday within a week of the anchor is this year's, whatever the tense.
      bool named_side = i > 0 && (is(i - 1, "last") || is(i - 1, "next"));
      if (week && std::abs(d - anchor_days_) <= 7) {
      } else if (named_side) {
        if (t < 0 && d > anchor_days_) --y;
        if (t > 0 && d < anchor_days_) ++y;
      } else {
        // As for a month and day: a past verb right before it ("was shot on
        // Thanksgiving") moves it back beyond two weeks, a past clause only
        // beyond three months ("as Election Day nears" in September, under a
        // past verb elsewhere, is the coming one). A future tense still puts a
        // passed holiday a year on ("will have changed by Election Day").
        std::int32_t ahead = d - anchor_days_;
        int clause = tense_no_report(i);
        if (clause < 0 && hypothetical_before(i)) clause = 1;
        // A past event after it ("lined up the day after Christmas") puts it behind.
        bool past_after = clause < 0 && i > 0 && is(i - 1, "after");
        if (ahead > 0 &&
            (past_after || ((after_since(i) || past_event_at(i) || fronted_past_at(i, end))
                                ? ahead > 14
                                : clause < 0 && ahead > 90))) {
          --y;
        } else if (ahead < 0 && t > 0) {
          ++y;
        }
      }
      if (week) return make(end + 1, "DATE", time::week_str(days_from_civil(date_in(y))));
      Core c = make(end, "DATE", time::day_str(date_in(y)));
      c.pos_ok = true;
      return c;
    }
    return {};
  }

  // An upper-case word after another upper-case word: a name ("USA TODAY").
  bool in_caps_name(std::size_t i) const {
    auto caps = [this](std::size_t k) {
      if (k >= n() || toks_[k].kind != kAlpha) return false;
      std::string_view t = layer_.text.substr(toks_[k].b, toks_[k].e - toks_[k].b);
      for (char c : t) {
        if (c < 'A' || c > 'Z') return false;
      }
      return t.size() >= 2;
    };
    return caps(i) && i > 0 && caps(i - 1);
  }

  Core relative_day(std::size_t i) {
    if (in_caps_name(i)) return {};
    // "USA Today", "This is VOA Today.": a capitalised day word right after a
    // name, inside a sentence, ends the name of a paper or programme.
    if (toks_[i].cap && i > 0 && toks_[i - 1].kind == kAlpha && toks_[i - 1].cap &&
        !sentence_initial(i - 1)) {
      return {};
    }
    const WordInfo* wi = w(i);
    // "today's youth", "the people of tomorrow": the present or future in general.
    if (wi->day_offset != -1) {
      std::size_t k = i + 1;
      if (apostrophe(k) && is(k + 1, "s")) k += 2;
      while (k < n() && k < i + 4 && toks_[k].kind == kAlpha && !toks_[k].w &&
             (toks_[k].low.size() > 3 && toks_[k].low.substr(toks_[k].low.size() - 2) == "al")) {
        ++k;  // "today's personal computers"
      }
      if (k > i + 1 && w(k) && w(k)->generic_noun) return {};
      // "the people of tomorrow", "presidential candidates of tomorrow": after
      // "of", a plural noun or a generic one makes the day a figure of speech.
      if (i > 1 && is(i - 1, "of") && toks_[i - 2].kind == kAlpha && !toks_[i - 2].cap &&
          !(apostrophe(i + 1) && is(i + 2, "s"))) {
        std::string_view noun = toks_[i - 2].low;
        bool plural = plural_noun(i - 2) && noun[noun.size() - 2] != 's';  // not "congress"
        if (plural || (w(i - 2) && w(i - 2)->generic_noun)) return {};
      }
    }
    std::string date = day_rel(wi->day_offset);
    std::size_t j = i + 1;
    if (wi->tonight) {
      Core c = make(j, "TIME", date + "TNI");
      c.pos_ok = true;  // "late tonight"
      return c;
    }
    const WordInfo* nx = w(j);
    if (nx && !nx->part_of_day.empty()) {
      Core c = make(j + 1, "TIME", date + "T" + nx->part_of_day);
      c.pos_ok = true;
      return c;
    }
    Core c = make(j, "DATE", date);
    c.pos_ok = true;
    return c;
  }

  Core vague(std::size_t i) {
    const WordInfo* wi = w(i);
    // "current" and "recent" as adjectives of units are handled by deictic().
    if (is(i, "current") && (is(i + 1, "account") || is(i + 1, "accounts") ||
                             is(i + 1, "affairs") || is(i + 1, "events"))) {
      return {};
    }
    if (is(i, "present")) return {};
    if (wi->vague == "PAST_REF" && date_follows(i + 1)) return {};  // "recently last May"
    // "the then current price", "then-current": the present of a past time.
    if (wi->vague == "PRESENT_REF" &&
        ((i > 0 && is(i - 1, "then")) || (i > 1 && is_dash(i - 1) && is(i - 2, "then")))) {
      return make(i + 1, "DATE", "PAST_REF");
    }
    // "Now, he says ...": opening a sentence before a comma, a discourse marker.
    if (wi->discourse && is(i + 1, ",") && sentence_initial(i)) return {};
    Core c = make(i + 1, "DATE", wi->vague);
    return c;
  }

  Core set_word(std::size_t i) {
    // "average daily volume", "10,000 units annually", "rise 8.5% annually": part of a
    // rate, like "per year", not a recurrence of events.
    if (i > 0 && ((w(i - 1) && w(i - 1)->rate_marker) || quantity_before(i - 1))) return {};
    // "the Daily News", "Breitbart News Daily", "Publishers Weekly", "The Daily
    // Show": capitalised inside a sentence, or before another capitalised word,
    // the word names a paper or a programme.
    if (toks_[i].cap && (!sentence_initial(i) ||
                         (i + 1 < n() && toks_[i + 1].kind == kAlpha && toks_[i + 1].cap))) {
      return {};
    }
    // "the Paris daily Libération", "the Communist Party daily Granma": between two
    // names, a paper. ("the weekly GOP Power Rankings" is a recurrence.) "told the
    // daily.": a paper, the article before it and nothing after.
    const bool name_after = i + 1 < n() && toks_[i + 1].kind == kAlpha && toks_[i + 1].cap;
    const bool name_before =
        i > 0 && toks_[i - 1].kind == kAlpha && toks_[i - 1].cap && !sentence_initial(i - 1);
    if (name_after && name_before) return {};
    if (i > 0 && (is(i - 1, "the") || is(i - 1, "a")) &&
        (i + 1 >= n() || is(i + 1, ".") || is(i + 1, ",") || is(i + 1, ";"))) {
      return {};
    }
    // "quarterly profit", "a quarterly": an adjective or a noun.
    if (w(i)->adverb_set &&
        ((i + 1 < n() && toks_[i + 1].kind == kAlpha && !is(i + 1, "and") && !is(i + 1, "or")) ||
         (i > 0 && determiner(i - 1)))) {
      return {};
    }
    return make(i + 1, "SET", w(i)->set);
  }

  // Whether the sentence around token i compares figures, as earnings reports
  // do with "a year ago" ("rose to $5 million from $4 million a year ago",
  // "higher than a year ago"), rather than tell a story ("It is doubtful she
  // imagined a year ago ...").
  bool compares_figures(std::size_t i) const {
    if (i > 0 && (is(i - 1, "from") || is(i - 1, "than") || is(i - 1, "with") ||
                  is(i - 1, "versus") || is(i - 1, "vs"))) {
      return true;
    }
    for (std::size_t k = 0; k < n(); ++k) {
      if (toks_[k].kind == kDigit || is(k, "%") || is(k, "$")) return true;
    }
    return false;
  }

  // Whether token k ends a quantity: "8.5%", "$17.9 million", "10,000 units".
  bool quantity_before(std::size_t k) const {
    const Tok& t = toks_[k];
    if (t.kind == kDigit || is(k, "%") || is(k, "percent") || is(k, "million") ||
        is(k, "billion") || is(k, "thousand") || is(k, "cents") || is(k, "dollars")) {
      return true;
    }
    // A plural noun counted by a number: "10,000 units", "two million barrels".
    std::string_view l = t.low;
    return k > 0 && t.kind == kAlpha && (!t.w || !t.w->trigger) && l.size() > 3 &&
           l.back() == 's' &&
           (toks_[k - 1].kind == kDigit || is(k - 1, "million") || is(k - 1, "billion"));
  }

  // A calendar date begins at token k, or after "in"/"on" there: "last October",
  // "in 1997", "on May 6".
  bool date_follows(std::size_t k) {
    if (k < n() && (is(k, "in") || is(k, "on"))) ++k;
    if (k >= n()) return false;
    Core next = core(k);
    return next.end > k && next.type != "DURATION" && next.value.size() >= 4 &&
           next.value[0] != 'P';
  }

  // Only punctuation (quotes, dashes) before token i in its sentence.
  bool sentence_initial(std::size_t i) const {
    for (std::size_t k = 0; k < i; ++k) {
      if (toks_[k].kind != kPunct) return false;
    }
    return true;
  }

  Core every(std::size_t i) {
    std::size_t j = i + 1;
    int count = 1;
    if (is(j, "other")) count = 2, ++j;
    int num = 0;
    std::size_t e = digit(j) || (w(j) && w(j)->number > 1) ? number_at(j, &num) : 0;
    if (e && num > 0) count *= num, j = e;
    // "every three to five years", "every two or three weeks": a recurrence
    // whose count is a range, unknown as a whole.
    if (e && num > 0 && (is(j, "to") || is(j, "or") || is_dash(j))) {
      int high = 0;
      std::size_t f = number_at(j + 1, &high);
      if (f && high > num && w(f) && w(f)->unit && w(f)->plural && w(f)->unit != 'K' &&
          !is(i, "per")) {
        return make(f + 1, "SET", duration_value(-1, w(f)->unit));
      }
    }
    // "every half hour": the half counted in the unit below.
    if (!e && is(j, "half") && !is(i, "per")) {
      Core half = fraction_unit(j, true);
      if (half.end && half.type == "DURATION") {
        half.type = "SET";
        return half;
      }
    }
    // "every few months": a recurrence of an unknown count of units.
    if (!e && w(j) && w(j)->number == -1 && w(j + 1) && w(j + 1)->unit && w(j + 1)->plural &&
        !is(i, "per")) {
      return make(j + 2, "SET", duration_value(-1, w(j + 1)->unit));
    }
    const WordInfo* u = w(j);
    if (!u) return {};
    if (is(i, "per") && !u->unit) return {};
    if (u->unit && u->unit != 'K') {
      if (is(i, "per")) return {};  // "per year" is part of a rate, not a TIMEX3
      return make(j + 1, "SET", duration_value(count, u->unit));
    }
    if (u->unit == 'K') return make(j + 1, "SET", "XXXX-WXX-WE");
    if (u->weekday) {
      std::string v = "XXXX-WXX-" + std::to_string(u->weekday);
      const WordInfo* p = w(j + 1);
      if (p && !p->part_of_day.empty()) return make(j + 2, "SET", v + "T" + p->part_of_day);
      return make(j + 1, "SET", v);
    }
    if (u->month) {
      // "where each may thrive": a modal, not the month.
      if (!toks_[j].cap && (is(j, "may") || is(j, "march"))) return {};
      return make(j + 1, "SET", "XXXX-" + time::month_str(0, u->month).substr(5));
    }
    if (!u->season.empty()) return make(j + 1, "SET", "XXXX-" + u->season);
    if (!u->part_of_day.empty()) return make(j + 1, "SET", "XXXX-XX-XXT" + u->part_of_day);
    return {};
  }

  // "twice a year", "three times a week", "once per month": a recurrence in
  // each such unit (TimeML's freq, the count, is not part of the value).
  Core frequency(std::size_t i) {
    std::size_t j = i + 1;
    if (!(is(i, "once") || is(i, "twice") || is(i, "thrice"))) {
      int num = 0;
      std::size_t e = number_at(i, &num);
      if (!e || !(num >= 1 || num == -1) || !is(e, "times")) return {};  // "several times"
      j = e + 1;
    }
    // "twice weekly", "three times daily": the frequency word is the unit.
    if (const WordInfo* f = w(j); f && !f->set.empty() && f->set.front() == 'P') {
      return make(j + 1, "SET", std::string(f->set));
    }
    if (!(is(j, "a") || is(j, "an") || is(j, "per"))) return {};
    const WordInfo* u = w(j + 1);
    if (!u || !u->unit || u->plural || u->unit == 'K' || toks_[j + 1].cap) return {};
    if (is_dash(j + 2) && adjacent(j + 2)) return {};  // "once a year-long event"
    return make(j + 2, "SET", duration_value(1, u->unit));
  }

  Core weekday_set(std::size_t i) {
    if (!toks_[i].cap) return {};
    std::string v = "XXXX-WXX-" + std::to_string(w(i)->weekday_plural);
    const WordInfo* p = w(i + 1);
    if (p && !p->part_of_day.empty()) return make(i + 2, "SET", v + "T" + p->part_of_day);
    return make(i + 1, "SET", v);
  }

  // "last year", "this week", "next June", "the past three years", "recent months".
  Core deictic(std::size_t i) {
    const WordInfo* wi = w(i);
    int d = wi->deictic;
    std::size_t j = i + 1;
    // "Following Monday's debate", "following years of neglect": without
    // "the", the word is a preposition, not "the following Monday".
    if ((is(i, "following") || is(i, "preceding")) && !(i > 0 && is(i - 1, "the"))) return {};
    // "his last year in office", "the store's last week of trading": a final
    // period of something, not the one before the anchor ("his last week" alone
    // may be either).
    if (is(i, "last") && w(j) && w(j)->unit && !w(j)->plural &&
        (is(j + 1, "in") || is(j + 1, "as") || is(j + 1, "of") || is(j + 1, "at")) &&
        possessive_before(i)) {
      return {};
    }
    // "last Thanksgiving", "next Christmas": the holiday with its word, which
    // holiday() reads (not "the last Christmas he spent at home").
    if (w(j) && w(j)->holidays && (is(i, "last") || is(i, "next") || is(i, "this")) &&
        !(i > 0 && is(i - 1, "the"))) {
      if (Core h = holiday(j); h.end) return h;  // ("last May" is a month)
    }
    if (is(i, "this") && is(j, "past")) d = -1, ++j;
    if (is(i, "this") && is(j, "coming")) d = 1, ++j;
    // Counted spans: "the past three years", "the next few days", "recent weeks".
    int num = 0;
    std::size_t e = number_at(j, &num);
    if (e && !is(j, "a") && !is(j, "an")) {
      std::size_t k = e;
      if (is(k, "or") || is(k, "to")) {  // "the next two years or so", "12 to 18 months"
        int num2 = 0;
        std::size_t e2 = number_at(k + 1, &num2);
        if (e2 && w(e2) && w(e2)->unit)
          num = -1, k = e2;
        else if (is(k, "or") && is(k + 1, "so"))
          k += 2;
      }
      if (is(k, "more")) ++k;
      // "the last two and a half years"
      bool half = num > 0 && is(k, "and") && is(k + 1, "a") && is(k + 2, "half");
      if (half) k += 3;
      const WordInfo* u = w(k);
      // "you said this 20 years ago": the offset, not a span.
      if (u && u->unit && (u->plural || num == 1) && !is(k + 1, "ago")) {
        std::size_t end = k + 1;
        if (is(end, "or") && is(end + 1, "so")) end += 2;
        Core c = make(end, "DURATION",
                      half ? fraction_duration(num, "5", u->unit) : duration_value(num, u->unit));
        c.the_ok = true;
        c.approx_ok = true;
        return c;
      }
    }
    if (d == 3) {  // "the latest quarter", "the latest period"
      if ((is(j, "quarter") || is(j, "period")) && anchor_) {
        // The latest quarter reported on: the last one that has ended.
        Core c = make(j + 1, "DATE", quarter_rel(-1));
        c.the_ok = true;
        return c;
      }
      return {};
    }
    // "the past quarter-century", "the last half century": a span, as "the past decade".
    if ((d == -1 || d == 1) && (is(j, "quarter") || is(j, "half"))) {
      Core f = fraction_unit(j, true);
      if (f.end && f.type == "DURATION") return theok(std::move(f));
    }
    const WordInfo* u = w(j);
    if (!u) return {};
    if (u->unit && u->plural) {
      if (d == 0 || d == 3) return {};
      std::size_t end = j + 1;
      if (is(end, "and") && w(end + 1) && w(end + 1)->unit && w(end + 1)->plural) end += 2;
      // "recent years", "the coming months": spans of unknown length; "the past
      // several years" keeps its vague reference.
      Core c = (is(i, "recent") || is(i, "coming") || is(i, "upcoming"))
                   ? make(end, "DURATION", duration_value(-1, u->unit))
                   : make(end, "DATE", d < 0 ? "PAST_REF" : "FUTURE_REF");
      c.the_ok = true;
      return c;
    }
    if (d == -2) return {};  // "recent" + singular noun: handled as a vague word
    if (is(j, "fiscal") && is(j + 1, "year")) {
      Core c = make(j + 2, "DATE", year_rel(d < 0 ? -1 : d > 0 ? 1 : 0));
      c.the_ok = true;
      return c;
    }
    if (u->unit) {
      char unit = u->unit;
      std::size_t end = j + 1;
      // "the past year and a half", "the next month and a half": a span.
      if (d != 0 && !u->plural && is(end, "and") && is(end + 1, "a") && is(end + 2, "half")) {
        Core c = make(end + 3, "DURATION", fraction_duration(1, "5", unit));
        c.the_ok = true;
        return c;
      }
      // "the last day of the convention", "his last day in office", "the last
      // day I took off": a final day, not yesterday. Only "in the last day"
      // is a span, as "in the past day".
      if (is(i, "last") && unit == 'D' && !u->plural) {
        if (i > 1 && is(i - 1, "the") && !is(end, "of") &&
            (is(i - 2, "in") || is(i - 2, "over") || is(i - 2, "during") || is(i - 2, "within"))) {
          Core c = make(end, "DURATION", "P1D");
          c.the_ok = true;
          return c;
        }
        return {};
      }
      if (is(i, "past") && (unit == 'E' || unit == 'C' || unit == 'W' || unit == 'F' ||
                            unit == 'D' || unit == 'M' || unit == 'Q')) {
        Core c = make(end, "DURATION", duration_value(1, unit));
        c.the_ok = true;
        return c;
      }
      // "the past decade", "the next fortnight", "in the last fortnight": spans
      // (a fortnight has no calendar period to name).
      if ((unit == 'E' && d != 0) || (unit == 'F' && d != 3)) {
        Core c = make(end, "DURATION", duration_value(1, unit));
        c.the_ok = true;
        return c;
      }
      // "next year's first quarter"
      if (unit == 'Y' && apostrophe(end) && is(end + 1, "s")) {
        const WordInfo* o = w(end + 2);
        if (o && o->ordinal >= 1 && o->ordinal <= 4) {
          std::size_t k = end + 3;
          if (is_dash(k)) ++k;
          if (is(k, "quarter") && anchor_) {
            int y = a().year + d;
            note_quarter(y, o->ordinal);
            Core c = make(k + 1, "DATE", time::quarter_str(y, o->ordinal));
            c.the_ok = true;
            return c;
          }
        }
        if (is(end + 2, "quarter") && anchor_ && last_q_) {
          Core c = make(end + 3, "DATE", time::quarter_str(a().year + d, last_q_));
          return c;
        }
      }
      if (unit == 'H' || unit == 'N' || unit == 'S') return {};
      if (is(i, "this") && unit == 'D') return {};
      if (unit == 'Q' && (d == 0 || is(i, "current")) && last_q_ && is(i, "this")) {
        Core c = make(end, "DATE", quarter_rel(0));
        c.the_ok = true;
        return c;
      }
      // "the next day or two", "the next week or so": counted from the anchor.
      bool approximate = is(end, "or") && (is(end + 1, "so") || is(end + 1, "two"));
      if (is(end, "or") && is(end + 1, "so")) end += 2;
      if (toks_[j].cap && !toks_[i].cap) return {};          // "this Week" as a title
      if (toks_[j].cap && i > 0 && toks_[i].cap) return {};  // "This Week" mid-sentence
      // "the next day" in a narrative is the day after the one it is on; "over
      // the next day or two", "within the next day" count from the anchor.
      bool from_anchor =
          unit == 'D' && (approximate || (i > 1 && (is(i - 2, "over") || is(i - 2, "within"))));
      bool narrative = is(i, "following") || is(i, "previous") || is(i, "preceding") ||
                       (unit == 'D' && i > 0 && is(i - 1, "the") && is(i, "next") && !from_anchor);
      std::string narrated = narrative ? ref_shifted(unit, d) : std::string();
      // After "In June 2001" or "in 1990" the next day is a day of that month
      // or year, not of the anchor's ("2001-06-XX").
      if (narrative && narrated.empty() && unit == 'D') narrated = ref_with_unknown_day();
      int shift = d;
      if (unit == 'W' && d == 0 && is(i, "this") && !(i > 0 && is(i - 1, "earlier")) &&
          week_to_come_on_sunday(i)) {
        shift = 1;
      }
      // In a Sunday article "last week" is the American week that ended the
      // day before, six of whose seven days are the ISO week ending that Sunday.
      // ("the past week" is a span, read above.)
      if (unit == 'W' && (is(i, "last") || (is(i, "this") && is(i + 1, "past"))) &&
          sunday_report()) {
        shift = 0;
      }
      // "This weekend, Sanders complained", in a Monday to Wednesday report:
      // the weekend just past, as for "over the weekend". (Not when a colon
      // parts it from the past verb: "remains stalled: if he wins this weekend".)
      if (unit == 'K' && d == 0 && is(i, "this") && early_in_week() && tense_at(i) < 0 &&
          !break_between(marker_before(i).first, i, false)) {
        shift = -1;
      }
      Core c = make(end, "DATE", narrated.empty() ? period_rel(unit, shift) : narrated);
      if (is(i, "past") || is(i, "previous") || is(i, "following") || is(i, "current") ||
          is(i, "coming") || is(i, "preceding") || is(i, "prior")) {
        c.the_ok = true;
      } else {
        c.the_ok = is(i, "last") || is(i, "next");  // "the last year" / "the next week"
      }
      c.pos_ok = true;
      // "the current fiscal year"
      return c;
    }
    // "the previous Friday", "the following Monday": next to the day the
    // narrative is on, when one was named; otherwise next to the anchor.
    if (u->weekday && toks_[j].cap && i > 0 && is(i - 1, "the") &&
        (is(i, "previous") || is(i, "preceding") || is(i, "following"))) {
      std::int32_t ref = 0;
      if (ref_day(&ref)) {
        int ref_wd = weekday(ref) + 1;
        int wd = u->weekday;
        int gap = d < 0 ? (ref_wd - wd + 7) % 7 : (wd - ref_wd + 7) % 7;
        if (gap == 0) gap = 7;
        Core c = make(j + 1, "DATE", time::day_str(civil_from_days(ref + (d < 0 ? -gap : gap))));
        c.the_ok = true;
        return c;
      }
      Core c = weekday_expr(j, d, true);
      c.the_ok = true;
      return c;
    }
    if (is(i, "past") || is(i, "recent") || is(i, "current") || is(i, "present") ||
        is(i, "previous") || is(i, "prior") || is(i, "preceding") || is(i, "upcoming")) {
      if (is(j, "fiscal") && is(j + 1, "year")) {
        Core c = make(j + 2, "DATE", year_rel(d == 1 ? 1 : d == 0 ? 0 : -1));
        c.the_ok = true;
        return c;
      }
      return {};
    }
    if (u->month) {
      int m = u->month;
      if (!toks_[j].cap) return {};
      // "next March 3", "this coming September 30th": that day, the first one
      // after (or before) the anchor.
      std::size_t k = j + 1;
      int day = 0, year = 0;
      std::size_t de = day_at(k, &day);
      if (de && digit(k) && !(w(de) && w(de)->unit) && !year_at(de, &year) &&
          !(is(de, ",") && year_at(de + 1, &year))) {
        if (!anchor_) {
          char buf[24];
          std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", m, day);
          return make(de, "DATE", buf);
        }
        int y = a().year;
        auto at = [&](int yy) {
          return days_from_civil({yy, m, std::min(day, days_in_month(yy, m))});
        };
        if (d > 0 && at(y) <= anchor_days_) ++y;
        if (d < 0 && at(y) >= anchor_days_) --y;
        if (d == 0) return make(de, "DATE", month_day_in_context(m, day, j));
        if (!is_valid({y, m, day})) return {};
        return make(de, "DATE", time::day_str({y, m, day}));
      }
      if (!anchor_) return make(j + 1, "DATE", "XXXX-" + time::month_str(0, m).substr(5));
      int y = a().year;
      if (d < 0)
        y = m < a().month ? y : y - 1;
      else if (d > 0)
        y = m > a().month ? y : y + 1;
      Core c = make(j + 1, "DATE", time::month_str(y, m));
      c.pos_ok = true;
      return c;
    }
    if (u->weekday) {
      if (!toks_[j].cap) return {};
      // "this Tuesday" is the one to come (or today) unless the clause is past:
      // "Michigan votes this Tuesday" on a Friday.
      bool strict = d != 0;
      if (d == 0) d = tense_at(j) < 0 ? -1 : 1;
      Core c = weekday_expr(j, d, strict);
      if (c.end) c.pos_ok = true;
      return c;
    }
    if (!u->season.empty()) {
      Core c = season_expr(j, d);
      if (c.end) c.the_ok = d == 0 ? false : true;
      return c;
    }
    if (!u->part_of_day.empty()) {
      // "last night", "this morning"
      int off = d < 0 ? -1 : d > 0 ? 1 : 0;
      if (is(i, "this") || d == 0) off = 0;
      std::string day = day_rel(off);
      // "the next morning", "the previous evening": next to the narrated day.
      if (off != 0 && i > 0 && is(i - 1, "the") &&
          (is(i, "next") || is(i, "following") || is(i, "previous") || is(i, "preceding"))) {
        std::string narrated = ref_shifted('D', off);
        if (!narrated.empty()) day = narrated;
      }
      Core c = make(j + 1, "TIME", day + "T" + u->part_of_day);
      c.the_ok = d != 0;
      c.pos_ok = true;  // "late last night", "early this morning"
      return c;
    }
    if (is(j, "fiscal") && is(j + 1, "year")) {
      Core c = make(j + 2, "DATE", year_rel(d));
      c.the_ok = true;
      return c;
    }
    return {};
  }

  // The number written in ref_[from, from + len), or -1 when those are not all digits.
  int ref_number(std::size_t from, std::size_t len) const {
    if (ref_.size() < from + len) return -1;
    int v = 0;
    for (std::size_t k = from; k < from + len; ++k) {
      if (ref_[k] < '0' || ref_[k] > '9') return -1;
      v = v * 10 + (ref_[k] - '0');
    }
    return v;
  }
  // The year of the date mentioned last (the narrative's), or 0.
  int ref_year() const { return std::max(ref_number(0, 4), 0); }
  // The month of the date mentioned last ("2001-06"), or -1.
  int ref_month() const { return ref_.size() >= 7 && ref_[4] == '-' ? ref_number(5, 2) : -1; }
  // The date mentioned last, a month or a year, as a day whose unknown parts
  // are X ("2001-06-XX", "1990-XX-XX"); empty for any other value.
  std::string ref_with_unknown_day() const {
    if (ref_.size() == 4 && ref_number(0, 4) >= 0) return ref_ + "-XX-XX";
    if (ref_.size() == 7 && ref_number(0, 4) >= 0 && ref_month() >= 0) return ref_ + "-XX";
    return {};
  }
  // "the following year", "the previous month": next to the date mentioned
  // last, not to the anchor. Empty when that date lacks the unit.
  std::string ref_shifted(char unit, int k) const {
    int y = ref_number(0, 4);
    if (y < 0) return {};
    int m = ref_month();
    int d = m > 0 && ref_.size() >= 10 && ref_[7] == '-' ? ref_number(8, 2) : -1;
    if (unit == 'Y') return time::year_str(y + k);
    if (unit == 'M' && m >= 1 && m <= 12) {
      int idx = y * 12 + m - 1 + k;
      return time::month_str(idx / 12, idx % 12 + 1);
    }
    if (unit == 'D' && d >= 1 && is_valid({y, m, d})) {
      return time::day_str(civil_from_days(days_from_civil({y, m, d}) + k));
    }
    // "The fire broke out on May 28. The following week, ...": the week of
    // the narrated day (or week), moved on.
    if (unit == 'W') {
      std::optional<CivilDate> day = calendar_value(ref_, Granularity::kDay);
      if (!day) day = calendar_value(ref_, Granularity::kWeek);
      if (day) return time::week_str(days_from_civil(*day) + 7 * k);
    }
    return {};
  }

  // "that year", "later that year", "that same day", "that quarter": the
  // period of the date mentioned last (the narrative's reference time).
  Core anaphoric(std::size_t start, std::size_t i) {
    std::size_t j = i + 1;
    if (is(j, "same")) ++j;
    const WordInfo* u = w(j);
    // "Humphrey's loss that November", "that spring": a month or season of
    // the year the narrative is on. Not "said Tuesday that March 1 is ...",
    // where "that" opens a clause.
    if (u && (u->month || !u->season.empty()) && !u->plural && !digit(j + 1) &&
        (!u->month || toks_[j].cap) && ref_year() &&
        !(start > 0 && w(start - 1) &&
          (w(start - 1)->tense == 3 || w(start - 1)->weekday || w(start - 1)->day_offset != 99))) {
      std::string v = u->month ? time::month_str(ref_year(), u->month)
                               : time::year_str(ref_year()) + "-" + u->season;
      return make(j + 1, "DATE", v);
    }
    bool part = u && !u->part_of_day.empty() && !toks_[j].cap && !is(j, "overnight");
    if (!u || !(u->unit || part) || u->plural || ref_.empty()) return {};
    bool same_or_shifted = j > i + 1 || start < i;  // "that same day", "later that day"
    bool has_month = ref_month() >= 0;
    bool has_day = has_month && ref_.size() >= 10 && ref_[7] == '-' && ref_number(8, 2) >= 0;
    // "that night", "later that evening": the part of the day named in this
    // sentence or the one before; an older date is often another story's.
    if (part) {
      std::string day = recent_ref_day();
      if (day.empty()) return {};
      return make(j + 1, "TIME", day + "T" + u->part_of_day);
    }
    std::string v;
    switch (u->unit) {
      case 'Y':
        v = ref_.substr(0, 4);
        break;
      case 'M':
        if (has_month) v = ref_.substr(0, 7);
        break;
      case 'D':
        // After "last October" or "in 1994", "that same day" and "later that
        // day" are a day of that month or year: the unknown parts stay X
        // ("1998-10-XX"). A bare "that day" is often generic ("trades made
        // that day"), so it needs the day itself.
        if (has_day)
          v = ref_.substr(0, 10);
        else if (same_or_shifted)
          v = ref_with_unknown_day();
        break;
      case 'W':
        if (has_day) {
          v = time::week_str(
              days_from_civil({ref_number(0, 4), ref_number(5, 2), ref_number(8, 2)}));
        }
        break;
      case 'Q':
        if (last_q_) v = time::quarter_str(last_q_year_, last_q_);
        break;
    }
    if (v.empty()) return {};
    return make(j + 1, "DATE", v);
  }

  // "the quarter a year ago", "the corresponding period last year", "the same
  // period a year earlier": in an earnings report, the year-ago quarter.
  Core year_ago_period(std::size_t i) {
    std::size_t j = i + 1;
    if (is(j, "same") || is(j, "corresponding") || is(j, "comparable") || is(j, "like")) ++j;
    if (!(is(j, "quarter") || is(j, "period"))) return {};
    std::size_t k = j + 1;
    if (is(k, "a") && is(k + 1, "year") && (is(k + 2, "ago") || is(k + 2, "earlier"))) {
      k += 3;
    } else if ((is(k, "last") || is(k, "a")) && is(k + 1, "year") && j > i + 1) {
      k += 2;  // "the same period last year" (but "the quarter last year" is rare)
    } else {
      return {};
    }
    if (!anchor_) return make(k, "DATE", "XXXX");
    if (compared_q())
      return make(k, "DATE", time::quarter_str(compared_q_year() - 1, compared_q()));
    return make(k, "DATE", year_rel(-1));
  }

  // "the day before last Tuesday's hearing", "the day after Christmas": a day
  // next to the date that follows; "the day before," alone: next to the date
  // the narrative is on. Before an event ("the day before the vote") the day
  // is unknown and nothing is tagged.
  Core day_before_after(std::size_t i) {
    int k = is(i + 2, "before") ? -1 : 1;
    std::size_t j = i + 3;
    if (j < n()) {
      Core c = match(j);
      std::string day = day_plus(c.value, k);
      if (c.end > j && !day.empty() && (c.type == "DATE" || c.type == "TIME")) {
        Core r = make(c.end, "DATE", std::move(day));
        r.skip = 1;  // TimeBank leaves the article out: "the [day before last Tuesday]"
        return r;
      }
    }
    if (j >= n() || toks_[j].kind == kPunct) {
      std::string v = ref_shifted('D', k);
      if (!v.empty()) return make(j, "DATE", v);
    }
    return {};
  }

  // "Today is the eighth day of the blockade", "It's the second day of an
  // offensive": the counted day is the day the copula's subject names.
  Core nth_day_today(std::size_t i) {
    const WordInfo* o = w(i + 1);
    if (!o || o->ordinal < 1 || !is(i + 2, "day") || i < 2) return {};
    std::size_t subject;
    if (is(i - 1, "is"))
      subject = i - 2;
    else if (is(i - 1, "s") && apostrophe(i - 2) && i >= 3)
      subject = i - 3;  // "It's"
    else
      return {};
    if (!(is(subject, "it") || is(subject, "today") || is(subject, "this"))) return {};
    return make(i + 3, "DATE", day_rel(0));
  }

  // Each unit, the next smaller one and how many of that make it (a month
  // has no whole number of days; a second has nothing smaller in TimeML).
  struct UnitBelow {
    char unit, below;
    int size;
  };
  static constexpr UnitBelow kUnitBelow[] = {{'L', 'Y', 1000}, {'C', 'Y', 100}, {'E', 'Y', 10},
                                             {'Y', 'M', 12},   {'W', 'D', 7},   {'D', 'H', 24},
                                             {'H', 'N', 60},   {'N', 'S', 60}};

  // A half or a quarter of a unit: "half an hour" (PT30M), "a quarter-century
  // ago" (25 years back), "half a century", "a half-hour show". The span is
  // counted in the next smaller unit that holds it whole; a half month or
  // week has none, and is left untagged rather than read as a whole one.
  // `determined`: a determiner comes before ("the past quarter century").
  Core fraction_unit(std::size_t i, bool determined = false) {
    std::size_t k = i;
    bool article = is(k, "a") || is(k, "an");
    if (article) ++k;
    article = article || determined;
    int parts = is(k, "half") ? 2 : is(k, "quarter") ? 4 : 0;
    if (!parts) return {};
    ++k;
    if (is(k, "of") && (is(k + 1, "a") || is(k + 1, "an"))) {
      k += 2;  // "a quarter of a century"
    } else if (!article && parts == 2 && (is(k, "a") || is(k, "an"))) {
      ++k;  // "half a century"
    } else if (is_dash(k) && adjacent(k) && adjacent(k + 1)) {
      ++k;  // "a half-century", "quarter-hour"
    } else if (!(article && w(k) && w(k)->unit)) {
      return {};  // "quarter century" only after its article
    }
    const WordInfo* u = w(k);
    if (!u || !u->unit || u->plural || toks_[k].cap) return {};
    // The next smaller unit, when a half or a quarter of this one fills it
    // whole (a quarter of a decade does not).
    int count = 0;
    char unit = 0;
    for (const auto& b : kUnitBelow) {
      if (b.unit == u->unit && b.size % parts == 0) count = b.size / parts, unit = b.below;
    }
    if (!unit) return {};
    std::size_t end = k + 1;
    if (is_dash(end) && (is(end + 1, "old") || is(end + 1, "olds"))) return {};  // an age
    if (is_dash(end) && adjacent(end) && is(end + 1, "long") && adjacent(end + 1)) end += 2;
    end = or_so(end);
    if (Core off = counted_offset(i, end, count, unit, {}); off.end) return off;
    Core c = make(end, "DURATION", duration_value(count, unit));
    c.the_ok = true;
    c.approx_ok = true;  // "nearly half an hour", "more than a quarter-century"
    return c;
  }

  // "a week or so ago" is as far back as "a week ago": the index of "ago".
  std::size_t or_so(std::size_t end) const {
    return is(end, "or") && is(end + 1, "so") && w(end + 2) && w(end + 2)->direction != 0 ? end + 2
                                                                                          : end;
  }

  // `num` units and a `fraction` of one (its decimal figures, "5" for a half)
  // ending before token `end`, as an offset when a direction word follows:
  // from the anchor ("two weeks ago", "a quarter-century ago", "three years
  // from now") or from the narrative ("four years later"). An empty Core when
  // no offset follows.
  Core counted_offset(std::size_t i, std::size_t end, int num, char unit,
                      std::string_view fraction) {
    bool whole = fraction.empty();  // a whole count, which the rules of dates need
    const WordInfo* post = w(end);
    if (post && post->direction != 0 && !is(end, "before")) {
      int sign = post->direction;
      // "a year earlier", "a year ago" in an earnings report: the year-ago quarter.
      if (unit == 'Y' && num == 1 && (is(end, "earlier") || is(end, "ago")) && last_q_ && anchor_ &&
          compares_figures(i)) {
        Core c = make(end + 1, "DATE", time::quarter_str(compared_q_year() - 1, compared_q()));
        c.approx_ok = true;
        return c;
      }
      // "a decade earlier than non-smokers", "a week later than expected": a
      // difference between two times, so only the span.
      if ((is(end, "earlier") || is(end, "later") || is(end, "sooner")) && is(end + 1, "than")) {
        Core c = make(end, "DURATION", fraction_duration(num, fraction, unit));
        c.approx_ok = true;
        return c;
      }
      if (is(end, "earlier") || is(end, "later")) {
        // "lost it to Romney four years later" counts from the year the
        // narrative is on (2008), never from the anchor: a later year is
        // that one moved on, and without one only the span is known.
        // So does "two years earlier" ("A poll in December found that, relative to
        // two years earlier, ..." in March 2016 is 2013), back to the anchor's
        // year when nothing was narrated.
        // A later year past the anchor's in a clause that does not look ahead
        // is moved on from the wrong year ("Last year, she said ... And a
        // decade later, HP remains ..."): only the span is known then too.
        if ((unit == 'Y' || unit == 'E' || unit == 'C') && num > 0 && whole) {
          std::string v = ref_shifted('Y', sign * num * (unit == 'E' ? 10 : unit == 'C' ? 100 : 1));
          if (!v.empty() && sign > 0 && anchor_ && std::atoi(v.c_str()) > a().year &&
              tense_at(i) <= 0) {
            v.clear();
          }
          if (!v.empty()) {
            Core c = make(end + 1, "DATE", v);
            c.approx_ok = true;
            return c;
          }
        }
        // "three days later" counts from a narrated event, not the anchor:
        // TimeBank tags the span "three days" and leaves "later" as a signal.
        if ((unit != 'Y' && unit != 'Q' && unit != 'E' && unit != 'C') || is(end, "later")) {
          Core c = make(end, "DURATION", fraction_duration(num, fraction, unit));
          c.approx_ok = true;
          return c;
        }
      }
      // "A year ago today", "four weeks ago today": that day.
      if (is(end, "ago") && is(end + 1, "today") && !apostrophe(end + 2) && anchor_ && num > 0 &&
          whole) {
        if (std::optional<std::int32_t> day = day_counted(num, unit, -1, 0)) {
          Core c = make(end + 2, "DATE", time::day_str(civil_from_days(*day)));
          c.approx_ok = true;
          return c;
        }
      }
      if (is(end, "ago") && anchor_ && num > 0 && whole) {
        // "a week ago Sunday": that many weeks before the last Sunday.
        if (Core c = weeks_from_weekday(end + 1, unit, num, -1); c.end) return c;
        // "two years ago this month": this month of that year.
        if ((unit == 'Y' || unit == 'E') && is(end + 1, "this") && is(end + 2, "month")) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "%04d-%02d", a().year - num * (unit == 'E' ? 10 : 1),
                        a().month);
          Core c = make(end + 3, "DATE", buf);
          c.approx_ok = true;
          return c;
        }
        // "75 years ago this week": the week of the day so counted.
        if ((unit == 'Y' || unit == 'E') && is(end + 1, "this") && is(end + 2, "week")) {
          Core c = make(end + 3, "DATE", time::week_str(*day_counted(num, unit, -1, 0)));
          c.approx_ok = true;
          return c;
        }
      }
      Core c = make(end + 1, "DATE",
                    fraction == "5" ? shifted_half(num, unit, sign) : shifted(num, unit, sign));
      c.approx_ok = true;
      return c;
    }
    // "a week from today", "a month from tomorrow": that day, as "a year ago
    // today" is (not "today's vote").
    if (is(end, "from") && anchor_ && num > 0 && whole && w(end + 1) &&
        w(end + 1)->day_offset != 99 && !w(end + 1)->tonight && !apostrophe(end + 2)) {
      if (std::optional<std::int32_t> day = day_counted(num, unit, 1, w(end + 1)->day_offset)) {
        Core c = make(end + 2, "DATE", time::day_str(civil_from_days(*day)));
        c.approx_ok = true;
        return c;
      }
    }
    // "two weeks from now", "two weeks from today" (not "today's vote")
    if (is(end, "from") && (is(end + 1, "now") || (is(end + 1, "today") && !apostrophe(end + 2)))) {
      Core c = make(end + 2, "DATE",
                    fraction == "5" ? shifted_half(num, unit, 1) : shifted(num, unit, 1));
      c.approx_ok = true;
      return c;
    }
    // "a week from Tuesday", British "a week on Tuesday": that many weeks
    // after the coming Tuesday.
    if ((is(end, "from") || is(end, "on")) && anchor_ && num > 0 && whole)
      return weeks_from_weekday(end + 1, unit, num, 1);
    return {};
  }

  // `num` weeks (`unit` 'W') before (`direction` -1) or after (1) the
  // weekday at k, which is itself the last or the coming one: "a week ago
  // Sunday", "two weeks from Friday". Empty when k holds no weekday.
  Core weeks_from_weekday(std::size_t k, char unit, int num, int direction) {
    const WordInfo* d = w(k);
    if (unit != 'W' || !d || !d->weekday || !toks_[k].cap || apostrophe(k + 1)) return {};
    std::string day =
        day_plus(weekday_in_context(d->weekday, k, direction, false), direction * 7 * num);
    if (day.empty()) return {};
    Core c = make(k + 1, "DATE", std::move(day));
    c.approx_ok = true;
    return c;
  }

  // Counted durations ("three years", "a decade", "two-year") and offsets
  // from the anchor ("two weeks ago", "a year earlier").
  Core number_unit(std::size_t i) {
    int num = 0;
    std::size_t j = number_at(i, &num);
    if (!j) return {};
    if (digit(i) && i > 0 && (is(i - 1, "$") || is(i - 1, "#"))) return {};
    // "a dollar-an-hour wage", "a once-a-year event": the article inside a
    // compound makes it a rate.
    if ((is(i, "a") || is(i, "an")) && i > 1 && is_dash(i - 1) && adjacent(i) && adjacent(i - 1) &&
        toks_[i - 2].kind == kAlpha) {
      return {};
    }
    // "his third defeat in as many years", "five jobs in as many years": the
    // count the clause gave before.
    if (num == -1 && is(i, "many") && i > 1 && is(i - 1, "as") &&
        (is(i - 2, "in") || is(i - 2, "over") || is(i - 2, "within"))) {
      num = count_before(i - 2);
    }
    std::size_t k = j;
    if (is(k, "or") || is(k, "to")) {  // "two or three years", "two to three weeks"
      int num2 = 0;
      std::size_t e2 = number_at(k + 1, &num2);
      if (e2 && w(e2) && w(e2)->unit) {
        // A range gives one expression per end, as for dates: "two" (P2W) and
        // "three weeks" (P3W). "two or three years" is one vague span.
        // Only when the second end is a duration on its own: not an age ("18 to
        // 25 years old") or an offset ("six to eight weeks ago").
        std::size_t after = e2 + 1;
        bool plain =
            !(is_dash(after) || is(after, "old") || (is(after, "of") && is(after + 1, "age")) ||
              (w(after) && w(after)->direction) || (is(after, "or") && is(after + 1, "so")));
        if (is(k, "to") && plain && num > 0 && num2 > num &&
            !(i > 0 && (is(i - 1, "next") || is(i - 1, "past") || is(i - 1, "last")))) {
          Core c = make(j, "DURATION", duration_value(num, w(e2)->unit));
          c.approx_ok = true;
          return c;
        }
        num = -1, k = e2;
      }
    }
    // "2.5 years", "1.25 hours": the figures after the point, less trailing zeros.
    std::string_view fraction;
    if (digit(i) && j == i + 3 && is(i + 1, ".")) {
      fraction = toks_[i + 2].low;
      while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
    }
    // "2 1/2 years", "two and a half hours": a fraction of "5".
    if (num >= 0 && digit(k) && toks_[k].num == 1 && is(k + 1, "/") && adjacent(k + 1) &&
        digit(k + 2) && adjacent(k + 2) && toks_[k + 2].num == 2) {
      fraction = "5", k += 3;
    } else if (num >= 0 && is(k, "and") && is(k + 1, "a") && is(k + 2, "half")) {
      fraction = "5", k += 3;
    } else if (num >= 0 && is_dash(k) && is(k + 1, "and") && is_dash(k + 2) && is(k + 3, "a") &&
               is_dash(k + 4) && is(k + 5, "half")) {
      fraction = "5", k += 6;  // "seven-and-a-half years"
    }
    // "four-plus months": more than four; "two or more years", "ten or fewer days".
    std::string_view count_mod;  // a literal
    if (num > 0 && is_dash(k) && adjacent(k) && is(k + 1, "plus") && adjacent(k + 1)) {
      count_mod = "MORE_THAN", k += 2;
    } else if (num > 0 && is(k, "or") && w(k + 2) && w(k + 2)->unit) {
      if (is(k + 1, "more"))
        count_mod = "EQUAL_OR_MORE", k += 2;
      else if (is(k + 1, "fewer") || is(k + 1, "less"))
        count_mod = "EQUAL_OR_LESS", k += 2;
    }
    bool hyphen = false;
    if (is_dash(k) && adjacent(k)) hyphen = true, ++k;
    if (is(k, "more") || is(k, "full") || is(k, "additional") || is(k, "extra") ||
        is(k, "further") || is(k, "straight") || is(k, "consecutive") || is(k, "long")) {
      ++k;
    }
    // "eight trading days", "five business days"
    if ((is(k, "trading") || is(k, "business")) && w(k + 1) && w(k + 1)->unit == 'D') ++k;
    // "a few more weeks"
    const WordInfo* u = w(k);
    if (!u || !u->unit) return {};
    if (toks_[k].cap && k > 0 && !toks_[k - 1].cap) return {};  // a title: "This Week"
    if (named_period_at(k)) return {};
    // "half a month", "a quarter of an hour": the fraction's rule reads them.
    if ((is(i, "a") || is(i, "an")) && i > 0 &&
        (is(i - 1, "half") || (is(i - 1, "of") && i > 1 && is(i - 2, "quarter")))) {
      return {};
    }
    char unit = u->unit;
    if ((is(i, "a") || is(i, "an")) && j == i + 1 && u->plural) return {};
    // "a fight for another day", "live to fight another day": some other
    // time, not a day more (but "another day of talks").
    if (is(i, "another") && j == i + 1 && unit == 'D' && !is(k + 1, "of") && !is(k + 1, "or")) {
      return {};
    }
    bool article = i > 0 && (is(i - 1, "a") || is(i - 1, "an") || is(i - 1, "the"));
    if (!digit(i) && num > 1 && !u->plural && !hyphen && !article) return {};
    if (unit == 'Q' && num == 1) return {};             // "a quarter" is a fraction
    if (unit == 'Q' && hyphen && u->plural) return {};  // "three-quarters"
    std::size_t end = k + 1;
    // "on a day-to-day basis", "month-to-month": a manner, not a span.
    if (is_dash(end) && adjacent(end) && is(end + 1, "to") && is_dash(end + 2)) return {};
    // "a day-long strike": the article counts the strike, the unit is the duration.
    bool long_compound = is_dash(end) && adjacent(end) && is(end + 1, "long") && adjacent(end + 1);
    if ((is(i, "a") || is(i, "an")) && j == i + 1 && long_compound) return {};
    // "year-earlier", "year-ago" are compounds of their own.
    if (is_dash(end) && (is(end + 1, "earlier") || is(end + 1, "ago"))) return {};
    // Ages ("6-year-old", "52 years old") are not temporal expressions in TimeML.
    if (is_dash(end) && (is(end + 1, "old") || is(end + 1, "olds"))) return {};
    if (u->plural && (is(end, "old") || (is(end, "of") && is(end + 1, "age")))) return {};
    if (unit == 'S' && num == 1 && !digit(i) && !is(end, "later") && !is(end, "earlier")) {
      return {};  // "a second group": the ordinal, not the unit
    }
    // "a minute and a half"
    if (fraction.empty() && num >= 0 && is(end, "and") && is(end + 1, "a") && is(end + 2, "half")) {
      fraction = "5", end += 3;
    }
    // A compound adjective: "10-year" ("10-year bonds" is still P10Y).
    if (hyphen || (num >= 0 && !u->plural && is_dash(end))) {
      if (long_compound) end += 2;  // "a 10-day-long march"
      Core c = make(end, "DURATION", fraction_duration(num, fraction, unit));
      c.approx_ok = true;
      c.mod = count_mod;
      return c;
    }
    // "One day, she will lead the party": a fronted "one day" is some day in
    // the future or, before a past clause, in the past; never a span.
    if (is(i, "one") && unit == 'D' && !u->plural && k == i + 1 && sentence_initial(i) &&
        is(end, ",")) {
      auto [at, tense] = marker_after(end);
      if (at >= 0 && (tense == 1 || tense == -1)) {
        return make(end, "DATE", tense == 1 ? "FUTURE_REF" : "PAST_REF");
      }
    }
    // "will one day be", "the hope he one day follows", "researchers hope one
    // day to harness it": some day in the future (not "it takes one day to").
    if (is(i, "one") && unit == 'D' && !u->plural && k == i + 1 && i > 0) {
      std::size_t b = i - 1;
      bool modal_or_subject = is(b, "will") || is(b, "would") || is(b, "could") || is(b, "may") ||
                              is(b, "might") || is(b, "can") || is(b, "should") || is(b, "must") ||
                              is(b, "he") || is(b, "she") || is(b, "they") || is(b, "we") ||
                              is(b, "i") || is(b, "you");
      bool wish =
          is(end, "to") && (is(b, "hope") || is(b, "hopes") || is(b, "hoped") || is(b, "hoping") ||
                            is(b, "want") || is(b, "wants") || is(b, "wanted") || is(b, "dream") ||
                            is(b, "dreams") || is(b, "dreamed") || is(b, "aspire") ||
                            is(b, "aspires") || is(b, "expect") || is(b, "expects"));
      if (modal_or_subject || wish) return make(end, "DATE", "FUTURE_REF");
    }
    end = or_so(end);
    if (Core off = counted_offset(i, end, num, unit, fraction); off.end) return off;
    if (!digit(i) && num == 1 && (is(i, "a") || is(i, "an")) && unit == 'D' && i > 0 &&
        toks_[i - 1].kind == kDigit) {
      return {};  // "three times a day" is a rate
    }
    if (i > 0 && (is(i - 1, "per") || is(i - 1, "a")) && (is(i, "a") || is(i, "an"))) return {};
    if ((is(i, "a") || is(i, "an") || is(i, "per")) && i > 0 && rate_before(i - 1)) {
      return {};  // "$5 a year", "700 seats a week", "twice a day": rates, not durations
    }
    // "24 hours a day", "three days a week": a share of each period, a rate too.
    if ((is(end, "a") || is(end, "per")) && w(end + 1) && w(end + 1)->unit && !w(end + 1)->plural &&
        !(is_dash(end + 2) && adjacent(end + 2)) &&
        !(w(end + 2) && w(end + 2)->direction)) {  // but "three days a week ago"
      return {};
    }
    std::string value = fraction_duration(num, fraction, unit);
    if (fraction.empty() && num > 0) end = compound_duration(end, num, unit, &value);
    Core c = make(end, "DURATION", std::move(value));
    // "the 60 second ad": a count before a singular unit is an adjective, and
    // the article belongs to the noun it modifies.
    c.the_ok = u->plural || num <= 1;
    c.approx_ok = true;
    c.mod = count_mod;
    return c;
  }

  // "two hours and 15 minutes", "3 minutes 32 seconds": a count of the next
  // smaller unit after `num` units ending before `end` joins them in one
  // value. Returns the new end, or `end` when nothing joins.
  std::size_t compound_duration(std::size_t end, int num, char unit, std::string* value) const {
    static constexpr std::string_view kOrder = "YMWDHNS";
    std::size_t at = kOrder.find(unit);
    if (at == std::string_view::npos || at + 1 >= kOrder.size()) return end;
    std::size_t k = is(end, "and") || is(end, ",") ? end + 1 : end;
    int num2 = 0;
    std::size_t e = number_at(k, &num2);
    if (!e || num2 <= 0 || is(k, "a") || is(k, "an")) return end;
    const WordInfo* u2 = w(e);
    if (!u2 || !u2->unit || (u2->plural != (num2 > 1))) return end;
    // The next smaller unit, or days after months ("two years and three
    // months", "two months and five days"; not "two years and five days").
    std::size_t at2 = kOrder.find(u2->unit);
    if (at2 != at + 1 && !(unit == 'M' && u2->unit == 'D')) return end;
    // An offset or a compound adjective is another expression: "two years and
    // three months ago", "three hours and 20-minute breaks".
    if (is_dash(e + 1) || (w(e + 1) && w(e + 1)->direction) || is(e + 1, "ago")) return end;
    auto part = [](int n, char u) { return std::to_string(n) + (u == 'N' ? 'M' : u); };
    bool time1 = unit == 'H' || unit == 'N' || unit == 'S';
    bool time2 = u2->unit == 'H' || u2->unit == 'N' || u2->unit == 'S';
    *value = std::string(time1 ? "PT" : "P") + part(num, unit) + (time2 && !time1 ? "T" : "") +
             part(num2, u2->unit);
    return e + 1;
  }

  // `count` units and a decimal fraction of one (`digits`, the figures after
  // the point: "5" for a half), in the next smaller unit when that is whole
  // ("P2Y6M", "PT5H30M", "PT1H15M"), else as ISO 8601's decimal fraction of
  // the unit ("P1.5M", "P3.7Y"). TimeBank writes "2 1/2 years" as P2Y6M.
  static std::string fraction_duration(int count, std::string_view digits, char unit) {
    if (count < 0 || digits.empty() || digits.size() > 6) return duration_value(count, unit);
    long fraction = 0, scale = 1;
    for (char c : digits) fraction = fraction * 10 + (c - '0'), scale *= 10;
    // Appended piece by piece: GCC 12 warns (-Wrestrict) at "P" + a temporary.
    std::string v = "P";
    for (const UnitBelow& b : kUnitBelow) {
      if (b.unit != unit || fraction * b.size % scale != 0) continue;
      long part = fraction * b.size / scale;
      if (b.below == 'Y') return v.append(std::to_string(count * b.size + part)).append("Y");
      if (unit == 'H' || unit == 'N') v += 'T';
      v.append(std::to_string(count)).push_back(unit_letter(unit));
      if (unit == 'D') v += 'T';
      return v.append(std::to_string(part)) + unit_letter(b.below);
    }
    if (unit != 'Y' && unit != 'M' && unit != 'W' && unit != 'D' && unit != 'H' && unit != 'N' &&
        unit != 'S') {
      return duration_value(count, unit);
    }
    if (unit == 'H' || unit == 'N' || unit == 'S') v += 'T';
    v.append(std::to_string(count)).append(".").append(digits);
    return v + unit_letter(unit);
  }
  // The letter of a unit in a TIMEX3 duration (minutes are 'M' after the 'T').
  static char unit_letter(char unit) { return unit == 'N' ? 'M' : unit; }

  // Whether token k ends a quantity that a following "a year" makes a rate.
  bool rate_before(std::size_t k) const {
    const Tok& t = toks_[k];
    if (t.kind == kDigit || is(k, "%")) return true;
    // "$20 or more an hour"
    if (k > 1 && (is(k, "more") || is(k, "less")) && is(k - 1, "or")) return rate_before(k - 2);
    if (t.kind != kAlpha) return false;
    if (is(k, "million") || is(k, "billion") || is(k, "thousand") || is(k, "hundred") ||
        is(k, "percent") || is(k, "times") || is(k, "twice") || is(k, "once") || is(k, "cents") ||
        is(k, "dollars") || is(k, "dollar") || is(k, "day") || is(k, "hours")) {
      return true;
    }
    // A plural noun right before: "seats a week", "flights a day", "two visits
    // a day" (not "50 minutes a day").
    std::string_view l = t.low;
    return l.size() > 3 && l.back() == 's' && !t.cap && l != "this" && l != "was" && l != "has" &&
           l != "is" && l != "its" && l != "his" && l != "does" && l != "us" && l != "less" &&
           l != "across" && l != "unless" && l != "plus" && l != "thus" && l != "as" &&
           !(t.w &&
             ((t.w->unit && !t.w->plural) || (t.w->tense && t.w->tense != 6) || t.w->span_verb));
  }

  // The capitalised plural unit at k names something with the capitalised
  // word after its apostrophe: "the Thirty Years' War", "the Seven Years' War";
  // or, written without one, a war: "the Hundred Years War".
  bool named_period_at(std::size_t k) const {
    if (!toks_[k].cap || !w(k)->plural) return false;
    if (is(k + 1, "war") && toks_[k + 1].cap) return true;  // "the Hundred Years War"
    return apostrophe(k + 1) && adjacent(k + 1) && k + 2 < n() && toks_[k + 2].kind == kAlpha &&
           toks_[k + 2].cap && !(w(k + 2) && w(k + 2)->trigger);
  }
  // A unit word alone: "years" (PXY), "the year-earlier period".
  Core unit_expr(std::size_t i) {
    const WordInfo* u = w(i);
    if (named_period_at(i)) return {};
    // "a day-long strike", "decades-long feud": an adjectival duration.
    if (is_dash(i + 1) && adjacent(i + 1) && is(i + 2, "long") && adjacent(i + 2) &&
        !(is_dash(i + 3) && adjacent(i + 3))) {
      return make(i + 3, "DURATION", duration_value(u->plural ? -1 : 1, u->unit));
    }
    // "on weekends", "at weekends", "on the weekends": every weekend, as
    // "on Mondays" is every Monday ("on the weekends of May 3 and 10" are two).
    if (u->unit == 'K' && u->plural && i > 0 && !is(i + 1, "of")) {
      std::size_t p = is(i - 1, "the") ? i - 2 : i - 1;
      if (p < i && (is(p, "on") || (p == i - 1 && is(p, "at")))) {
        return make(i + 1, "SET", "XXXX-WXX-WE");
      }
    }
    // "lasted for hours", "within days", "sank within minutes": spans of
    // unknown length.
    if (u->plural && (u->unit == 'D' || u->unit == 'H' || u->unit == 'N' || u->unit == 'S') &&
        i > 0 && (is(i - 1, "for") || is(i - 1, "within")) && !is(i + 1, "of")) {
      return make(i + 1, "DURATION", duration_value(-1, u->unit));
    }
    // A determiner or number before makes the unit a noun of another phrase
    // ("the days", "5 years"), none of the bare spans below.
    bool determined = i > 0 && (is(i - 1, "the") || toks_[i - 1].kind == kDigit);
    // "Hours later", "days earlier": as "weeks later" below.
    if (u->plural && (u->unit == 'D' || u->unit == 'H' || u->unit == 'N') &&
        (is(i + 1, "later") || is(i + 1, "earlier")) && !determined) {
      return make(i + 1, "DURATION", duration_value(-1, u->unit));
    }
    // "came hours after the vote", "Minutes after the blast": a span of
    // unknown length between two events (not "a matter of days before", "the
    // first days after", "the final hours before": nouns of another phrase).
    if (u->plural && (u->unit == 'D' || u->unit == 'H' || u->unit == 'N') &&
        (is(i + 1, "after") || is(i + 1, "before")) && !determined &&
        !(i > 0 && (is(i - 1, "of") || determiner(i - 1) || (w(i - 1) && w(i - 1)->ordinal) ||
                    possessive_before(i) || (i > 1 && is(i - 2, "the"))))) {
      return make(i + 1, "DURATION", duration_value(-1, u->unit));
    }
    // "just days ago", as "weeks ago" below.
    if (u->plural && (u->unit == 'D' || u->unit == 'H') && is(i + 1, "ago") && !determined) {
      return make(i + 2, "DATE", "PAST_REF");
    }
    if (u->plural &&
        (u->unit == 'Y' || u->unit == 'E' || u->unit == 'C' || u->unit == 'M' || u->unit == 'W')) {
      if (is(i + 1, "ahead")) return theok(make(i + 2, "DURATION", duration_value(-1, u->unit)));
      // "over the years": a span of unknown length.
      if (i > 1 && is(i - 1, "the") && is(i - 2, "over") && !is(i + 1, "of") &&
          !(is(i + 1, "since") || is(i + 1, "after") || is(i + 1, "before"))) {
        return theok(make(i + 1, "DURATION", duration_value(-1, u->unit)));
      }
      if (determined) return {};
      // "five years old", "then 29-years-old": an age, which the count's rule declined.
      if (is(i + 1, "old") || (is_dash(i + 1) && (is(i + 2, "old") || is(i + 2, "olds")))) {
        return {};
      }
      Core c = make(i + 1, "DURATION", duration_value(-1, u->unit));
      if (is(i + 1, "ago")) c = make(i + 2, "DATE", "PAST_REF");
      // "Years from now, you'll look back": as "many years from now".
      if (is(i + 1, "from") && is(i + 2, "now")) c = make(i + 3, "DATE", "FUTURE_REF");
      return c;
    }
    if (u->unit == 'Q' && !u->plural && i > 0 && is(i - 1, "the") &&
        !(is_dash(i + 1) && adjacent(i + 1))) {  // not "the quarter-to-quarter comparison"
      // "the quarter of Democratic voters" is a fraction; "the quarter of
      // 2016" and "the quarter of the year" are periods.
      if (is(i + 1, "of")) {
        std::size_t k = i + 2;
        while (is(k, "the") || is(k, "this") || is(k, "that") || is(k, "last") || is(k, "next") ||
               is(k, "fiscal")) {
          ++k;
        }
        if (!digit(k) && !(w(k) && w(k)->unit)) return {};
      }
      // "the quarter": the quarter the report is about
      if (!anchor_) {
        Core c = make(i + 1, "DATE", "XXXX-QX");
        c.the_ok = true;
        return c;
      }
      Core c;
      // "the quarter ended Sept. 30", "the quarter that ended in June", "the
      // quarter to June", "the quarter through September": the calendar
      // quarter that holds most of the three months before its last day
      // ("ended July 31", May to July, is Q2).
      std::size_t v = is(i + 1, "that") ? i + 2 : i + 1;
      std::size_t m = is(v + 1, "in") || is(v + 1, "on") ? v + 2 : v + 1;
      bool to = v == i + 1 && m == v + 1 && (is(v, "to") || is(v, "through"));
      if ((is(v, "ended") || is(v, "ending") || to) && w(m) && (w(m)->month || w(m)->month_abbr)) {
        Core d = month_expr(m);
        std::optional<CivilDate> last = calendar_value(d.value, Granularity::kDay);
        if (std::optional<CivilDate> month = calendar_value(d.value, Granularity::kMonth)) {
          last = CivilDate{month->year, month->month, days_in_month(month->year, month->month)};
        }
        if (d.end && last) {
          CivilDate mid = civil_from_days(days_from_civil(*last) - 45);
          note_quarter(mid.year, (mid.month - 1) / 3 + 1);
        }
      }
      if (last_q_)
        c = make(i + 1, "DATE", time::quarter_str(last_q_year_, last_q_));
      else
        c = make(i + 1, "DATE", quarter_rel(-1));
      c.the_ok = true;
      return c;
    }
    return {};
  }

  // "year-earlier", "year-ago" (+ "quarter" / "period" / "third quarter").
  Core year_ago_compound(std::size_t i) {
    if (!is_dash(i + 1) || !(is(i + 2, "earlier") || is(i + 2, "ago"))) return {};
    std::size_t end = i + 3;
    int q = compared_q();
    bool noun = false;
    const WordInfo* o = w(end);
    if (o && o->ordinal >= 1 && o->ordinal <= 4 && is(end + 1, "quarter")) {
      q = o->ordinal;
      end += 2;
      noun = true;
    } else if (is(end, "quarter") || is(end, "period")) {
      ++end;
      noun = true;
    } else {
      // "the year-earlier nine months" is a span
      int num = 0;
      std::size_t e = number_at(end, &num);
      if (e && num > 1 && w(e) && w(e)->unit && w(e)->plural) {
        return theok(make(e + 1, "DURATION", duration_value(num, w(e)->unit)));
      }
    }
    if (!anchor_) {
      Core c = make(end, "DATE", "XXXX");
      c.the_ok = noun;
      return c;
    }
    int y = (compared_q() ? compared_q_year() : a().year) - 1;
    Core c = make(end, "DATE", q ? time::quarter_str(y, q) : time::year_str(y));
    c.the_ok = noun;  // "the year-earlier quarter", but "the year-ago $4 million"
    return c;
  }

  // "to" or "through" and a month at k, a day number between them or not:
  // "the year to March", "the year to 31 March", "the year through June".
  bool to_month_at(std::size_t k) const {
    if (!is(k, "to") && !is(k, "through")) return false;
    std::size_t m = digit(k + 1) && toks_[k + 1].ndig <= 2 ? k + 2 : k + 1;
    return w(m) && toks_[m].cap && (w(m)->month || w(m)->month_abbr);
  }
  // "every month" or "each month" at k, which after a day of the month
  // makes it a monthly recurrence.
  bool every_month_at(std::size_t k) const {
    return (is(k, "every") || is(k, "each")) && is(k + 1, "month");
  }

  // "third quarter", "the first half of 1990", "first nine months", "the 20th century".
  // "the first Monday in September", "the last Friday of August 2001": a
  // weekday counted within a month.
  Core weekday_of_month(std::size_t i) {
    int ord = w(i)->ordinal;
    const WordInfo* day = w(i + 1);
    if (ord < -1 || ord > 5 || ord == 0 || !day || !day->weekday || !toks_[i + 1].cap) return {};
    if (!(is(i + 2, "in") || is(i + 2, "of"))) return {};
    // "the first Tuesday of every month": a recurrence, not a day.
    if (every_month_at(i + 3)) return theok(make(i + 5, "SET", "P1M"));
    int m = 0;
    std::size_t end = month_at(i + 3, &m);
    if (!end || !toks_[i + 3].cap) return {};
    int y = 0;
    if (std::size_t ye = is(end, ",") ? year_at(end + 1, &y) : year_at(end, &y)) end = ye;
    if (!y && !anchor_) {
      std::string v = time::month_str(0, m);
      v.replace(0, 4, "XXXX");
      return theok(make(end, "DATE", v + "-XX"));
    }
    if (!y) y = std::atoi(month_in_context(m, i + 3).c_str());
    std::int32_t d = nth_weekday_in(y, m, day->weekday, ord);
    if (civil_from_days(d).month != m) return {};  // no fifth Monday that month
    return theok(make(end, "DATE", time::day_str(civil_from_days(d))));
  }

  // The `ord`th (or, -1, the last) day of the month or year named at k: "the
  // first day of next year", "the last day of March", "the last day of the
  // month"; not "the first day of the trial".
  Core day_of_period(std::size_t k, int ord) {
    Core d = core(k);
    if (!d.end && is(k, "the")) {
      d = core(k + 1);
      if (!d.the_ok) d = Core();
    }
    if (!d.end || d.type != "DATE" || !d.mod.empty()) return {};
    // A fiscal year's last day is its own ("the last day of fiscal 2012").
    for (std::size_t f = k; f < d.end; ++f) {
      if (is(f, "fiscal") || is(f, "fy") || is(f, "financial")) return {};
    }
    if (std::optional<CivilDate> m = calendar_value(d.value, Granularity::kMonth)) {
      int last = days_in_month(m->year, m->month);
      int day = ord == -1 ? last : ord;
      if (day > last) return {};
      return theok(make(d.end, "DATE", time::day_str({m->year, m->month, day})));
    }
    std::optional<CivilDate> y = calendar_value(d.value, Granularity::kYear);
    if (!y || (ord != 1 && ord != -1)) return {};
    CivilDate day = ord == 1 ? CivilDate{y->year, 1, 1} : CivilDate{y->year, 12, 31};
    return theok(make(d.end, "DATE", time::day_str(day)));
  }

  // The `ord`th half (1 or 2) at j, the ordinal's word at i: "the first half
  // of 1990", "the second half of July", "the last half of the '80s", "the
  // second half" (the year in the story).
  Core half_of(std::size_t i, std::size_t j, int ord) {
    std::size_t end = j + 1;
    int y = 0;
    std::size_t e = 0;
    if (is(end, "of")) e = year_at(end + 1, &y);
    if (!e && is(end, "of")) e = fiscal_year_at(end + 1, &y);  // "of fiscal 2025"
    if (e) return theok(make(e, "DATE", time::year_str(y) + "-H" + std::to_string(ord)));
    // "the last half of the '80s", "the first half of the 20th century": a
    // half of a decade or century is that period, begun or ended.
    if (is(end, "of") && is(end + 1, "the")) {
      Core d = core(end + 2);
      bool period = d.end && d.type == "DATE" && (d.value.size() == 2 || d.value.size() == 3) &&
                    all_digits(d.value);
      if (period) {
        Core c = theok(make(d.end, "DATE", d.value));
        c.mod = ord == 1 ? "START" : "END";
        return c;
      }
    }
    // "the second half of July": that month, begun or ended.
    if (is(end, "of") && w(end + 1) && (w(end + 1)->month || w(end + 1)->month_abbr)) {
      Core m = month_expr(end + 1);
      if (m.end && m.type == "DATE" && m.value.size() == 7) {
        Core c = theok(make(m.end, "DATE", m.value));
        c.mod = ord == 1 ? "START" : "END";
        return c;
      }
    }
    // "the first half of this year", "the first half of next year"
    if (int yy = 0; std::size_t e = is(end, "of") ? deictic_year_at(end + 1, &yy) : 0) {
      return theok(make(e, "DATE", time::year_str(yy) + "-H" + std::to_string(ord)));
    }
    // "the second half" and "the second half of the year": the year in the
    // story; a second half told in the past in the first half is last year's.
    if (is(end, "of") && is(end + 1, "the") && is(end + 2, "year")) end += 3;
    if (!anchor_) return theok(make(end, "DATE", "XXXX-H" + std::to_string(ord)));
    int yy = a().year;
    if (tense_at(i) < 0 && ord == 2 && a().month <= 6) --yy;
    return theok(make(end, "DATE", time::year_str(yy) + "-H" + std::to_string(ord)));
  }
  // "the back half of the year", "the front half of 2025": a half, only of a
  // year (not "the back half of the season").
  Core back_half(std::size_t i) {
    if (!(is(i + 1, "back") || is(i + 1, "front")) || !is(i + 2, "half") || !is(i + 3, "of")) {
      return {};
    }
    int y = 0;
    std::size_t k = i + 4;
    if (!(year_at(k, &y) || deictic_year_at(k, &y) || (is(k, "the") && is(k + 1, "year")))) {
      return {};
    }
    return half_of(i + 1, i + 2, is(i + 1, "back") ? 2 : 1);
  }

  Core ordinal_expr(std::size_t i) {
    const WordInfo* o = w(i);
    int ord = o->ordinal;
    std::size_t j = i + 1;
    if (Core c = weekday_of_month(i); c.end) return c;
    if (Core c = century_pair(i, j, ord); c.end) return c;
    if (is(j, "day") && is(j + 1, "of") && (ord == -1 || (ord >= 1 && ord <= 31))) {
      if (Core c = day_of_period(j + 2, ord); c.end) return c;
    }
    bool compound = false;  // "third-quarter" is an adjective; "the" belongs to its noun
    if (is_dash(j) && adjacent(j)) ++j, compound = true;
    // "the fourth fiscal quarter", "the third fundraising quarter": the kind of
    // quarter does not move it.
    if (is(j, "fiscal") || is(j, "calendar") || is(j, "financial") || is(j, "fundraising")) ++j;
    if (is_dash(j) && adjacent(j)) ++j;
    if ((is(j, "quarter") || is(j, "period")) && ord >= 1 && ord <= 4) {
      std::size_t end = j + 1;
      int y = 0;
      std::size_t e = 0;
      if (is(end, "of")) e = year_at(end + 1, &y);
      if (!e && is(end, ",")) e = year_at(end + 1, &y);
      if (!e) e = year_at(end, &y);
      if (!e && is(end, "of")) e = deictic_year_at(end + 1, &y);
      if (!e && is(end, "of")) e = fiscal_year_at(end + 1, &y);  // "of fiscal 2025"
      // "the third quarter of the year": the year in the story, so the tense
      // decides as for "the third quarter" ("raised during the third quarter
      // of the year" in January is last year's).
      bool of_the_year = false;
      if (!e && is(end, "of") && is(end + 1, "the") && is(end + 2, "year") && anchor_) {
        of_the_year = true;
        e = end + 3;
      }
      std::string v;
      if (of_the_year) {
        end = e;
        v = quarter_in_context(ord, i);
      } else if (e) {
        end = e;
        note_quarter(y, ord);
        v = time::quarter_str(y, ord);
      } else if (i > 0 && toks_[i - 1].kind == kDigit && toks_[i - 1].ndig == 4) {
        return {};  // handled by year_expr ("the 1988 third quarter")
      } else if (game_sentence()) {
        return {};  // "threw for 300 yards in the fourth quarter": the game's
      } else {
        v = quarter_in_context(ord, i);
      }
      Core c = make(end, "DATE", v);
      c.the_ok = !compound || e;
      return c;
    }
    // "the first week of April", "the last week of March 2013": the ISO week
    // holding that month's 4th day (the last but three), counted on by weeks.
    if ((ord == -1 || (ord >= 1 && ord <= 4)) && is(j, "week") && is(j + 1, "of") && w(j + 2) &&
        (w(j + 2)->month || w(j + 2)->month_abbr)) {
      Core m = month_expr(j + 2);
      std::optional<CivilDate> month = calendar_value(m.value, Granularity::kMonth);
      if (m.end && month) {
        int y = month->year, mo = month->month;
        int day = ord == -1 ? days_in_month(y, mo) - 3 : 4 + 7 * (ord - 1);
        return theok(make(m.end, "DATE", time::week_str(days_from_civil({y, mo, day}))));
      }
    }
    // "the first weekend of May", "the last weekend of June": the weekend of
    // that month's nth (or last) Saturday.
    if ((ord == -1 || (ord >= 1 && ord <= 5)) && is(j, "weekend") && is(j + 1, "of") && w(j + 2) &&
        (w(j + 2)->month || w(j + 2)->month_abbr)) {
      Core m = month_expr(j + 2);
      std::optional<CivilDate> month = calendar_value(m.value, Granularity::kMonth);
      if (m.end && month) {
        std::int32_t saturday = nth_weekday_in(month->year, month->month, 6, ord);
        if (civil_from_days(saturday).month == month->month) {
          return theok(make(m.end, "DATE", time::week_str(saturday) + "-WE"));
        }
      }
    }
    // "the first decade of the 21st century", "the last decade of the 19th
    // century": that decade of the century (the 2000s, the 1890s).
    if ((ord == -1 || (ord >= 1 && ord <= 10)) && is(j, "decade") && is(j + 1, "of")) {
      Core c = core(j + 2);
      if (!c.end && is(j + 2, "the")) c = core(j + 3);
      if (c.end && c.type == "DATE" && c.mod.empty() && c.value.size() == 2 &&
          all_digits(c.value)) {
        return theok(make(c.end, "DATE", c.value + std::to_string(ord == -1 ? 9 : ord - 1)));
      }
    }
    if (ord == -1 && is(j, "half")) ord = 2;  // "the last half of 1989"
    if (is(j, "half") && (ord == 1 || ord == 2)) return half_of(i, j, ord);
    if ((ord == 1 || ord == -1) && is(j, "two") && is(j + 1, "quarters") && is(j + 2, "of")) {
      // "the first two quarters of 1990" is its first half.
      int y = 0;
      std::size_t e = year_at(j + 3, &y);
      if (!e) e = deictic_year_at(j + 3, &y);
      if (e) return theok(make(e, "DATE", time::year_str(y) + (ord == 1 ? "-H1" : "-H2")));
    }
    if (ord >= 1 && ord <= 4 && is(j, "two") && is(j + 1, "quarters")) {
      return {};
    }
    // "the first nine months": a span
    int num = 0;
    std::size_t e = number_at(j, &num);
    if (e && num > 1 && w(e) && w(e)->unit && w(e)->plural) {
      return theok(make(e + 1, "DURATION", duration_value(num, w(e)->unit)));
    }
    if (is(j, "century") && ord >= 1) return theok(century(j + 1, ord));
    return {};
  }

  // "on the 16th", "by the 3rd": a day of the month the narrative is on (that
  // of the date named last, in this sentence or the one before), else of the
  // anchor's month, the one before or after when the tense says the day has
  // passed or is to come.
  Core day_of_month(std::size_t i) {
    if (i < 2 || !is(i - 1, "the") ||
        !(is(i - 2, "on") || is(i - 2, "by") || is(i - 2, "until") || is(i - 2, "since") ||
          is(i - 2, "before") || is(i - 2, "after"))) {
      return {};
    }
    int day = 0;
    std::size_t e = day_at(i, &day);
    // With its suffix, and ending the phrase: not "the 16th floor", "the
    // 16th-century church" ("the 16th of May" is a date of its own). A
    // preposition, a conjunction or a verb may follow: "on the 15th at
    // noon", "on the 3rd and", "released on the 15th showed".
    if (!e || e == i + 1 || is_dash(e)) return {};
    if (e < n() && toks_[e].kind == kAlpha && !phrase_follows(e)) return {};
    if (!anchor_) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-XX-%02d", day);
      return theok(make(e, "DATE", buf));
    }
    std::optional<CivilDate> narrated;
    if (ref_.size() >= 7 && sentence_ - ref_sentence_ <= 1) {
      narrated = calendar_value(std::string_view(ref_).substr(0, 7), Granularity::kMonth);
    }
    CivilDate d;
    if (narrated) {
      d = CivilDate{narrated->year, narrated->month, day};
    } else {
      int t = tense_at(i);
      d = day_in_month_rel(t < 0 && day > a().day ? -1 : t > 0 && day < a().day ? 1 : 0, day);
    }
    if (!is_valid(d)) return {};
    return theok(make(e, "DATE", time::day_str(d)));
  }

  // The word at k opens what follows a noun phrase rather than going on with
  // it: a preposition, a conjunction or a verb that marks a tense.
  bool phrase_follows(std::size_t k) const {
    if (is(k, "at") || is(k, "in") || is(k, "and") || is(k, "or") || is(k, "but") ||
        is(k, "when") || is(k, "with") || is(k, "to") || is(k, "from") || is(k, "for") ||
        is(k, "after") || is(k, "before") || is(k, "because") || is(k, "if")) {
      return true;
    }
    return marker_after(k).first == static_cast<int>(k);
  }
  Core theok(Core c) {
    c.the_ok = true;
    return c;
  }

  // The digit 1 to `max` glued to the capital letter at i ("Q4", "H1"), with no
  // letters glued after it ("H1N1"); 0 otherwise.
  int letter_digit(std::size_t i, int max) const {
    int d = toks_[i + 1].num;
    if (toks_[i + 1].ndig != 1 || d < 1 || d > max || !toks_[i].cap) return 0;
    if (i + 2 < n() && adjacent(i + 2) && toks_[i + 2].kind != kPunct) return 0;
    return d;
  }

  // "Q4", "Q4 2025".
  Core q_quarter(std::size_t i) {
    int q = letter_digit(i, 4);
    if (!q) return {};
    int y = 0;
    std::size_t e = year_at(i + 2, &y);
    if (!e) e = fiscal_year_at(i + 2, &y);  // "Q1 FY25", as the fiscal first quarter
    if (e) {
      note_quarter(y, q);
      return make(e, "DATE", time::quarter_str(y, q));
    }
    return theok(make(i + 2, "DATE", quarter_in_context(q, i)));
  }

  // "3Q23", "2Q 2024", "1H24": a quarter or half with its number first, only
  // with its year (two digits joined on, or four).
  Core number_letter_period(std::size_t i) {
    bool quarter = is(i + 1, "q");
    int part = toks_[i].num;
    if (toks_[i].ndig != 1 || !toks_[i + 1].cap || part < 1 || part > (quarter ? 4 : 2)) return {};
    std::size_t k = i + 2;
    int y = 0;
    std::size_t e = 0;
    if (digit(k) && adjacent(k) && toks_[k].ndig == 2) {
      y = two_digit_year(toks_[k].num, 20), e = k + 1;
    } else if (!adjacent(k) || digit(k)) {
      e = year_at(k, &y);
    }
    if (!e || (adjacent(e) && toks_[e].kind != kPunct)) return {};
    if (!quarter) return make(e, "DATE", time::year_str(y) + "-H" + std::to_string(part));
    note_quarter(y, part);
    return make(e, "DATE", time::quarter_str(y, part));
  }

  // The year a fiscal year at k names ("fiscal 2025", "FY25", "fiscal year
  // 2024"), read as the calendar year of that number; the index after it, or 0.
  std::size_t fiscal_year_at(std::size_t k, int* year) {
    if (!(is(k, "fiscal") || is(k, "fy"))) return 0;
    Core f = fiscal(k);
    if (!f.end || f.value.size() != 4) return 0;
    *year = std::atoi(f.value.c_str());
    return f.end;
  }

  // The year a two-digit year names ("'69", "FY24", "7/10/98"): the one in the
  // hundred years that end `ahead` years after the anchor's, so "FY00" said in
  // 1999 is 2000; with no anchor, 1969-2068, as POSIX strptime reads "%y".
  int two_digit_year(int yy, int ahead) const {
    if (!anchor_) return yy + (yy >= 69 ? 1900 : 2000);
    int last = a().year + ahead;
    return last - ((last - yy) % 100 + 100) % 100;
  }

  // "H1 2024", "H2 2023": a half year, only with its year (not "H1N1").
  Core h_half(std::size_t i) {
    int h = letter_digit(i, 2);
    if (!h) return {};
    int y = 0;
    std::size_t e = year_at(i + 2, &y);
    if (!e) return {};
    return make(e, "DATE", time::year_str(y) + "-H" + std::to_string(h));
  }

  Core fiscal(std::size_t i) {
    std::size_t j = i + 1;
    if (is(i, "calendar") || is(i, "fiscal")) {
      if (is(j, "year")) ++j;
    }
    int y = 0;
    std::size_t e = year_at(j, &y);
    if (e) return make(e, "DATE", time::year_str(y));
    // "fiscal 89" / "FY24"
    if (digit(j) && toks_[j].ndig == 2) {
      return make(j + 1, "DATE", time::year_str(two_digit_year(toks_[j].num, 20)));
    }
    // "fiscal second-quarter"
    const WordInfo* o = w(j);
    if (o && o->ordinal) {
      Core c = ordinal_expr(j);
      if (c.end) return c;
    }
    return {};
  }

  // Month-based dates.
  Core month_expr(std::size_t i) {
    int m = 0;
    std::size_t j = month_at(i, &m);
    if (!j) return {};
    const Tok& t = toks_[i];
    bool abbr = w(i)->month_abbr && !w(i)->month;
    bool may_or_march = t.low == "may" || t.low == "march";
    if (!t.cap) return {};
    // Day of month: "Sept. 30", "July 12, 2024", "Jul 13,2023", "Dec.14", "March eighth".
    int day = 0;
    std::size_t k = j;
    if (is(k, ".") && !abbr) {
      // "September." ends a sentence; do not read on
    } else {
      std::size_t e = day_at(k, &day);
      if (e && digit(k) && is(e, ":") && digit(e + 1) && adjacent(e + 1)) e = 0;  // a clock
      if (e) {
        std::size_t end = e;
        int y = 0;
        std::size_t ye = 0;
        if (is(end, ","))
          ye = year_at(end + 1, &y);
        else
          ye = year_at(end, &y);
        if (ye) {
          if (Core t = timestamp(ye, {y, m, day}); t.end) return t;
        } else {
          // "June 16 last year", "June 16th of last year", as "June last year".
          ye = deictic_year_at(is(end, "of") ? end + 1 : end, &y);
        }
        if (ye) {
          Core c = make(ye, "DATE",
                        is_valid({y, m, day}) ? time::day_str({y, m, day}) : time::month_str(y, m));
          c.approx_ok = true;
          return c;
        }
        if (!digit(k) && !(w(k) && w(k)->ordinal)) return {};
        Core c = make(end, "DATE", month_day_in_context(m, day, i));
        c.approx_ok = true;
        return c;
      }
    }
    // Month and year: "July 1997", "June of 1990", "March, 2011".
    int y = 0;
    std::size_t ye = year_at(k, &y);
    if (!ye && is(k, "of")) ye = year_at(k + 1, &y);
    if (!ye && is(k, ",")) {
      ye = year_at(k + 1, &y);
    }
    if (ye) {
      Core c = make(ye, "DATE", time::month_str(y, m));
      c.pos_ok = true;
      c.approx_ok = true;
      return c;
    }
    if (abbr && !is(j - 1, ".")) return {};  // "Jan" alone is often a name
    if (abbr && !(i > 0 && (is(i - 1, "in") || is(i - 1, "since") || is(i - 1, "until")))) {
      return {};
    }
    // "October of that year", "June of the same year": a month of the year
    // the narrative is on ("took office in January 2009 and peaked ... in").
    std::size_t of_that = 0;
    if (is(k, "of") && is(k + 1, "that") && is(k + 2, "year")) of_that = k + 3;
    if (is(k, "of") && is(k + 1, "the") && is(k + 2, "same") && is(k + 3, "year")) of_that = k + 4;
    if (int ry = ref_year(); of_that && ry) {
      Core c = make(of_that, "DATE", time::month_str(ry, m));
      c.pos_ok = true;
      return c;
    }
    // "July last year", "January this year", "June of next year"
    if (int yy = 0; std::size_t e = deictic_year_at(is(k, "of") ? k + 1 : k, &yy)) {
      Core c = make(e, "DATE", time::month_str(yy, m));
      c.pos_ok = true;
      return c;
    }
    if (may_or_march) {
      // The modal verb and the verb "march" are far more common than the months.
      std::size_t b = before_at_least(i);  // "until at least March"
      bool prep =
          b > 0 && (month_lead(b - 1) || is(b - 1, "from") || is(b - 1, "to") || is(b - 1, "-") ||
                    is(b - 1, "and") || is(b - 1, "between") || is(b - 1, "through"));
      // "April or May"; "scheduled for May" (not "support for May", a name).
      if (int m0 = 0; !prep && i > 1 && is(i - 1, "or") && month_at(i - 2, &m0)) prep = true;
      if (!prep && i > 1 && is(i - 1, "for") && w(i - 2) && w(i - 2)->plan) prep = true;
      // "the March accession", "a May interview": a month as a modifier. Not
      // "the March on Washington", "the March of Dimes" (names).
      if (!prep && i > 0 && determiner(i - 1) && k < n() && toks_[k].kind == kAlpha &&
          !toks_[k].cap && !(w(k) && w(k)->tense != 0 && w(k)->tense != 5) &&
          !(is(k, "of") || is(k, "on") || is(k, "to") || is(k, "for") || is(k, "in") ||
            is(k, "into") || is(k, "from") || is(k, "across") || is(k, "through") ||
            is(k, "against") || is(k, "toward") || is(k, "towards") || is(k, "past") ||
            is(k, "around") || is(k, "by") || is(k, "with") || is(k, "and") || is(k, "or") ||
            is(k, "at") || is(k, "was") || is(k, "were") || is(k, "is"))) {
        prep = true;
      }
      // "will publish March inflation figures", "May sales rose": a capitalised
      // month before the account of it, with no verb there ("may report") nor a
      // name before it ("Theresa May").
      if (!prep && t.cap && i > 0 && !toks_[i - 1].cap && report_noun_after(k) &&
          !is(k, "report") && !is(k, "reports")) {
        prep = true;
      }
      if (!prep) return {};
      if (t.low == "may" && i == 0) return {};
    }
    // "April Mellody, a spokeswoman", "August Wilson": a month before a
    // capitalised word outside the lexicon, with no determiner or preposition
    // before it, is a first name (but "a July NATO summit", "in July Obama").
    if (k < n() && toks_[k].kind == kAlpha && toks_[k].cap && !w(k) &&
        !(i > 0 && (determiner(i - 1) || is_dash(i - 1) || month_lead(i - 1)))) {
      return {};
    }
    // "from September to December 2014", "in October and November 2014": the
    // year on the second month is the first's too (the year before when the
    // range crosses New Year: "November to February 2015").
    if (is(k, "to") || is(k, "through") || is(k, "until") || is(k, "and") || is(k, "or") ||
        is_dash(k)) {
      int m2 = 0, y2 = 0;
      std::size_t e2 = month_at(k + 1, &m2);
      if (e2 && toks_[k + 1].cap) {
        std::size_t ye2 = year_at(e2, &y2);
        if (!ye2 && is(e2, ",")) ye2 = year_at(e2 + 1, &y2);
        if (!ye2) ye2 = deictic_year_at(is(e2, "of") ? e2 + 1 : e2, &y2);  // "March last year"
        if (ye2) {
          Core c = make(k, "DATE", time::month_str(m > m2 ? y2 - 1 : y2, m));
          c.pos_ok = true;
          return c;
        }
      }
    }
    // "the September quarter": the quarter that ends with that month.
    if (m % 3 == 0 && is(k, "quarter") && !is_dash(k + 1)) {
      std::optional<CivilDate> month = calendar_value(month_in_context(m, i), Granularity::kMonth);
      if (month) {
        note_quarter(month->year, m / 3);
        return theok(make(k + 1, "DATE", time::quarter_str(month->year, m / 3)));
      }
    }
    Core c = make(k, "DATE", month_in_context(m, i));
    c.pos_ok = true;
    move_past_month_range(m, i, c.value);
    return c;
  }
  // "Sales fell between October and January", "from October to December",
  // said in November: a pair of months a past verb has seen that would end
  // after the anchor's month lies a year back, both of them. `value` is the
  // month at i, joined to the one tagged just before.
  void move_past_month_range(int month, std::size_t i, std::string& value) {
    if (!anchor_ || !joined_month_year(month, i)) return;
    std::optional<CivilDate> end = calendar_value(value, Granularity::kMonth);
    if (!end || end->year * 12 + end->month <= a().year * 12 + a().month) return;
    std::size_t s = last_tag_start(i);
    if (four_digits_in(s, i) || !past_verb_opens_range(s)) return;
    std::optional<CivilDate> first = calendar_value(found_.back().value, Granularity::kMonth);
    if (!first) return;
    revalue_last(time::month_str(first->year - 1, first->month));
    value = time::month_str(end->year - 1, end->month);
  }

  // The clock time after a full date that ends before token k, as one TIME
  // on that day ("February 6, 2016 9:52PM", "March 5, 2024, 10:31 a.m.",
  // "8 October 2024 at 7pm"); empty when none follows.
  Core timestamp(std::size_t k, CivilDate date) {
    std::size_t ck = is(k, ",") || is(k, "at") ? k + 1 : k;
    if (!digit(ck) || !is_valid(date) || in_timestamp_) return {};
    // (A clock reads a date after it in turn: no chain of date, clock, date...)
    in_timestamp_ = true;
    Core t = clock(ck);
    in_timestamp_ = false;
    std::size_t tpos = t.value.find('T');
    if (!t.end || t.type != "TIME" || tpos != 10) return {};
    Core c = make(t.end, "TIME", time::day_str(date) + t.value.substr(tpos));
    c.approx_ok = true;
    return c;
  }

  // A word before a month that makes it a date ("in May", "early March", "last June").
  bool month_lead(std::size_t k) const {
    return is(k, "in") || is(k, "since") || is(k, "until") || is(k, "by") || is(k, "of") ||
           is(k, "early") || is(k, "late") || is(k, "mid") || is(k, "last") || is(k, "next") ||
           is(k, "this") || is(k, "before") || is(k, "after") || is(k, "during");
  }

  // "16 September 2025", "16th of September".
  Core day_first(std::size_t i) {
    int day = 0;
    std::size_t e = day_at(i, &day);
    if (!e || !digit(i)) return {};
    bool of = is(e, "of");
    if (of) ++e;
    // "6-9 June", "from 6 to 9 June", "28/29 June": the first day of a range
    // whose month comes after its last.
    if (!of && (is_dash(e) || is(e, "to") || is(e, "and") || is(e, "/")) && digit(e + 1) &&
        toks_[e + 1].ndig <= 2 && !(e + 2 < n() && is_dash(e + 2))) {
      Core last = day_first(e + 1);
      std::optional<CivilDate> d = calendar_value(last.value, Granularity::kDay);
      if (d && day < d->day) {
        return make(e, "DATE", time::day_str({d->year, d->month, day}));
      }
      return {};
    }
    // "16-Sep-2025": day, month and year joined by dashes.
    bool dashed = !of && is_dash(e) && adjacent(e) && adjacent(e + 1);
    if (dashed) ++e;
    // "the 15th of last month", "the 3rd of this month"
    if (of && anchor_ && (is(e, "last") || is(e, "this") || is(e, "next")) && is(e + 1, "month")) {
      CivilDate d = day_in_month_rel(w(e)->deictic, day);
      return is_valid(d) ? theok(make(e + 2, "DATE", time::day_str(d))) : Core{};
    }
    // "the 15th of each month": a recurrence, not a day.
    if (of && every_month_at(e)) return theok(make(e + 2, "SET", "P1M"));
    int m = 0;
    std::size_t j = month_at(e, &m);
    if (!j || !toks_[e].cap) return {};
    int y = 0;
    std::size_t ye = 0;
    if (dashed) {
      if (!(is_dash(j) && adjacent(j) && adjacent(j + 1) && digit(j + 1) && toks_[j + 1].ndig == 4))
        return {};
      ye = year_at(j + 1, &y);
    } else {
      ye = year_at(j, &y);
      if (!ye && is(j, ",")) ye = year_at(j + 1, &y);
    }
    // "16 June last year", "the 16th of June of last year".
    bool deictic = false;
    if (!ye && !dashed) {
      ye = deictic_year_at(is(j, "of") ? j + 1 : j, &y);
      deictic = ye != 0;
    }
    if (ye && is_valid({y, m, day})) {
      if (Core t = deictic ? Core{} : timestamp(ye, {y, m, day}); t.end) return t;
      return make(ye, "DATE", time::day_str({y, m, day}));
    }
    if (dashed) return {};
    // "won 3-2 June 5": the month has its own day after it.
    if (int d2 = 0; i > 0 && is_dash(i - 1) && day_at(j, &d2) && digit(j)) return {};
    return make(j, "DATE", month_day_in_context(m, day, i));
  }

  // The date written after a weekday, from token k on (a comma first or not):
  // "Friday, Oct. 23", "Friday 25 October"; empty when there is none.
  Core date_after_weekday(std::size_t k) {
    if (is(k, ",")) ++k;
    if (w(k) && (w(k)->month || w(k)->month_abbr)) {
      Core c = month_expr(k);
      if (c.end && c.value.size() >= 10) {
        c.approx_ok = false;
        return c;
      }
    }
    return digit(k) ? day_first(k) : Core{};
  }

  // The day of *c, a date written from token b on without a year, moved a
  // year either way when only there it falls on weekday `wd` (1 = Monday).
  void fit_weekday(Core* c, int wd, std::size_t b) const {
    std::optional<CivilDate> d = parse_iso_date(c->value);
    if (!d || weekday(days_from_civil(*d)) + 1 == wd) return;
    if (four_digits_in(b, c->end)) return;  // "Sunday, Oct. 6, 2023": as written
    for (int yy : {d->year - 1, d->year + 1}) {
      CivilDate other{yy, d->month, d->day};
      if (is_valid(other) && weekday(days_from_civil(other)) + 1 == wd) {
        c->value = time::day_str(other);
        return;
      }
    }
  }
  // An abbreviated weekday before the date it falls on: "Tues., March 12",
  // "Sat 23 Mar". Alone it is left untagged ("Sun", "Sat" and "Wed" are words
  // too), and so after "the" ("The Sun, March 12" is a newspaper's).
  Core weekday_abbr_expr(std::size_t i) {
    if (!toks_[i].cap || (i > 0 && is(i - 1, "the"))) return {};
    std::size_t j = i + 1;
    if (is(j, ".") && adjacent(j)) ++j;
    Core c = date_after_weekday(j);
    if (c.end) fit_weekday(&c, w(i)->weekday_abbr, j);
    return c;
  }
  // Weekdays: "Wednesday", "Friday, Oct. 23", "Tuesday morning".
  Core weekday_expr(std::size_t i, int direction, bool strict) {
    if (!toks_[i].cap) return {};
    if (ends_quoted_title(i)) return {};
    std::size_t j = i + 1;
    // An explicit date after the weekday decides; the weekday picks its
    // year when none is written ("Sunday, Oct. 6" said in September 2024 is
    // 2024's, whatever the tense).
    if (Core c = date_after_weekday(j); c.end) {
      fit_weekday(&c, w(i)->weekday, j);
      return c;
    }
    // "Tuesday 5th", "Friday the 8th": the day of that number nearest the
    // anchor that falls on that weekday (none: the weekday alone).
    if (std::size_t d = is(j, "the") ? j + 1 : j; anchor_ && digit(d)) {
      int day = 0;
      std::size_t e = day_at(d, &day);
      if (e > d + 1 && !(e < n() && (toks_[e].kind == kAlpha || is_dash(e)))) {
        std::optional<std::int32_t> best;
        for (int offset = -1; offset <= 1; ++offset) {
          CivilDate c = day_in_month_rel(offset, day);
          if (!is_valid(c)) continue;
          std::int32_t days = days_from_civil(c);
          if (weekday(days) + 1 == w(i)->weekday &&
              (!best || std::abs(days - anchor_days_) < std::abs(*best - anchor_days_))) {
            best = days;
          }
        }
        if (best) {
          Core c = make(e, "DATE", time::day_str(civil_from_days(*best)));
          c.pos_ok = true;
          return c;
        }
      }
    }
    // "the Tuesday after Labor Day", "the Friday before Christmas": the first
    // such day after (or before) the date that follows, which is tagged on its own.
    if (i > 0 && is(i - 1, "the") && (is(j, "after") || is(j, "before"))) {
      Core date = match(j + 1);
      std::optional<CivilDate> day =
          date.end ? calendar_value(date.value, Granularity::kDay) : std::nullopt;
      if (day && date.value.size() == 10) {
        std::int32_t from = days_from_civil(*day);
        int gap = is(j, "after") ? (w(i)->weekday - 1 - weekday(from) + 7) % 7
                                 : (weekday(from) - (w(i)->weekday - 1) + 7) % 7;
        if (gap == 0) gap = 7;
        return make(j, "DATE",
                    time::day_str(civil_from_days(from + (is(j, "after") ? gap : -gap))));
      }
    }
    // "Thursday last week", "Monday of next week": that day of the week the
    // words after it name, as deictic() reads them (not "Thursday, last week's
    // winner").
    if (std::size_t d = is(j, "of") ? j + 1 : j;
        (is(d, "last") || is(d, "next") || is(d, "this")) && is(d + 1, "week") &&
        !apostrophe(d + 2)) {
      Core week = deictic(d);
      std::optional<CivilDate> monday = calendar_value(week.value, Granularity::kWeek);
      if (week.end == d + 2 && monday) {
        std::string date = day_in_week(*monday, w(i)->weekday);
        fix_weekday_range(i, date);
        Core c = make(d + 2, "DATE", std::move(date));
        c.pos_ok = true;
        return c;
      }
    }
    // British "Tuesday week": a week after the coming Tuesday (before a
    // stop, a preposition or a verb: not "the Tuesday week ahead").
    if (anchor_ && is(j, "week") && !apostrophe(j + 1) &&
        (j + 1 >= n() || toks_[j + 1].kind == kPunct || phrase_follows(j + 1))) {
      std::string date = day_plus(weekday_in_context(w(i)->weekday, i, 1, true), 7);
      if (!date.empty()) {
        Core c = make(j + 1, "DATE", std::move(date));
        c.pos_ok = true;
        return c;
      }
    }
    // "ahead of Tuesday's vote": a day to come. ("leading up to Monday's
    // caucus" is as often told afterwards.)
    if (direction == 0 && ahead_of_before(i)) direction = 1;
    // "The anniversary is on Wednesday", "the vote is Wednesday", "takes
    // effect Friday": a timetable in the present ("is Monday's winner" is
    // left to the possessive rule below).
    if (direction == 0 && !apostrophe(j) && present_schedule_before(i)) direction = 1;
    // "Wednesday's ruling" names something that has happened, unless the verb
    // before it looks ahead ("he will do well in Tuesday's primary"; not "said
    // they would get around Wednesday's ruling", a future seen from the past),
    // or a present progressive is taking part in the event ("is running in
    // Tuesday's primary": the coming one if it is at most three days ahead).
    const WordInfo* p = w(j);
    std::size_t owner = p && !p->part_of_day.empty() ? j + 1 : j;  // "Saturday night's debate"
    if (direction == 0 && apostrophe(owner) && is(owner + 1, "s") && !will_before(i) &&
        !into_event(i) && !(progressive_before(i) && event_noun_after(owner + 2)) &&
        !timetable_after(owner + 2)) {
      direction = -1;
    }
    // "a boost from the win Tuesday", "Clinton's wins on Tuesday": a result
    // that the day has seen, whatever the clause's tense.
    if (direction == 0 && (result_noun_before(i) || unplanned_event_before(i))) direction = -1;
    std::string date = weekday_in_context(w(i)->weekday, i, direction, strict);
    fix_weekday_range(i, date);
    if (p && !p->part_of_day_plural.empty()) {  // "Tuesday nights"
      return make(j + 1, "SET",
                  "XXXX-WXX-" + std::to_string(w(i)->weekday) + "T" + p->part_of_day_plural);
    }
    if (p && !p->part_of_day.empty()) {
      // "Wednesday evening", "Friday afternoon": that part of the day, as the
      // guidelines have it. TimeBank and AQUAINT mostly annotate "Wednesday
      // night" and "Friday morning" as the DATE of that day, so those stay days.
      if (date.size() == 10 && (p->part_of_day == "EV" || p->part_of_day == "AF")) {
        Core c = make(j + 1, "TIME", date + "T" + p->part_of_day);
        c.pos_ok = true;
        return c;
      }
      Core c = make(j + 1, "DATE", date);
      c.pos_ok = true;
      return c;
    }
    Core c = make(j, "DATE", date);
    c.pos_ok = true;
    return c;
  }

  // "by midweek", "mid-week": the ISO week of the Wednesday the clause's
  // tense points to, as a weekday's ("slumped midweek" on a Friday is this
  // week's; "will clear by midweek" on a Friday, next week's). Not "a midweek
  // game", "every midweek", a kind of day.
  Core midweek(std::size_t i) {
    std::size_t end = is(i, "midweek") ? i + 1 : i + 3;
    if (i > 0 && (is(i - 1, "a") || is(i - 1, "every") || is(i - 1, "each"))) return {};
    if (w(end) && w(end)->unit) return {};  // "midweek trading days"
    std::string value = "XXXX-WXX";
    if (anchor_) {
      std::optional<CivilDate> day =
          calendar_value(weekday_in_context(3, i, 0, false), Granularity::kDay);
      if (!day) return {};
      value = time::week_str(days_from_civil(*day));
    }
    Core c = make(end, "DATE", std::move(value));
    c.mod = "MID";
    return c;
  }

  Core season_expr(std::size_t i, int deictic) {
    const WordInfo* s = w(i);
    std::size_t j = i + 1;
    int y = 0;
    std::size_t ye = year_at(j, &y);
    if (!ye && is(j, "of")) ye = year_at(j + 1, &y);
    // "the summer of last year", "the spring of next year"
    if (!ye && is(j, "of")) ye = deictic_year_at(j + 1, &y);
    if (ye) return theok(make(ye, "DATE", time::year_str(y) + "-" + s->season));
    // "the fall and winter of 2014": the year named after the second season is
    // the first's too (the season's own span stays one word).
    if ((is(j, "and") || is(j, "or")) && w(j + 1) && (w(j + 1)->has & WordInfo::kHasSeason) &&
        (year_at(j + 2, &y) || (is(j + 2, "of") && year_at(j + 3, &y)))) {
      return theok(make(j, "DATE", time::year_str(y) + "-" + s->season));
    }
    if (deictic == 99) {
      // Bare seasons: "spring" and "fall" are also common nouns and verbs.
      bool the = i > 0 && is(i - 1, "the");
      bool prep = i > 0 && (is(i - 1, "in") || is(i - 1, "during") || is(i - 1, "by") ||
                            is(i - 1, "until") || is(i - 1, "since") || is(i - 1, "early") ||
                            is(i - 1, "late"));
      bool prep2 = the && i > 1 &&
                   (is(i - 2, "in") || is(i - 2, "during") || is(i - 2, "by") ||
                    is(i - 2, "until") || is(i - 2, "since"));
      // "into the spring", "throughout the spring and summer", "much of the
      // fall": when a time word ends the phrase, not "the spring meeting".
      bool ends = j >= n() || toks_[j].kind != kAlpha || is(j, "and") || is(j, "or") ||
                  is(j, "when") || is(j, "before") || is(j, "after") || is(j, "as") ||
                  is(j, "if") || is(j, "but") || is(j, "because");
      bool span =
          the && i > 1 && ends &&
          (is(i - 2, "into") || is(i - 2, "through") || is(i - 2, "throughout") ||
           is(i - 2, "over") ||
           (is(i - 2, "of") && i > 2 &&
            (is(i - 3, "much") || is(i - 3, "most") || is(i - 3, "rest") || is(i - 3, "part"))));
      // "the spring and summer": the second of two seasons joined.
      bool joined = i > 2 && (is(i - 1, "and") || is(i - 1, "or")) && w(i - 2) &&
                    (w(i - 2)->has & WordInfo::kHasSeason) && is(i - 3, "the") && ends;
      prep2 = prep2 || span || joined;
      bool weak = s->season == "FA" || s->season == "SP";
      if (weak ? !(prep || prep2) : !(prep || the || joined)) return {};
      if (is(j, "of")) return {};
      Core c = make(j, "DATE", season_in_context(s->season, i, 99));
      c.the_ok = true;
      c.pos_ok = true;
      return c;
    }
    // "After this fall in prices": a decline, not autumn.
    if (s->season == "FA" && is(j, "in") && j + 1 < n() && toks_[j + 1].kind == kAlpha &&
        !toks_[j + 1].cap && !determiner(j + 1)) {
      return {};
    }
    return theok(make(j, "DATE", season_in_context(s->season, i, deictic)));
  }

  // A verb of change of state shares token i's clause: "Faso became a serious
  // contender overnight", "Overnight, Faso became ...", "doubling its size
  // overnight". The clause ends at a stop, a comma or a colon (not at the
  // quotes of "from 'Queen Nancy' to 'Bag Lady'"), or ten words away.
  bool change_in_clause(std::size_t i) const {
    auto change = [&](std::size_t k) { return w(k) && w(k)->change_verb; };
    auto stop = [&](std::size_t k) {
      return is(k, ",") || is(k, ".") || is(k, ";") || is(k, ":") || is(k, "?") || is(k, "!");
    };
    for (std::size_t k = i, words = 0; k > 0 && words < 10 && !stop(k - 1); --k) {
      if (change(k - 1)) return true;
      words += toks_[k - 1].kind == kAlpha;
    }
    std::size_t k = is(i + 1, ",") ? i + 2 : i + 1;
    for (std::size_t words = 0; k < n() && words < 10 && !stop(k); ++k) {
      if (change(k)) return true;
      words += toks_[k].kind == kAlpha;
    }
    return false;
  }
  Core part_of_day(std::size_t i) {
    // "the morning", "Wednesday night" are handled elsewhere; "overnight" alone.
    // "overnight" is the night before the day the narrative is on (the one
    // named in this sentence or the one before), else before the anchor's day;
    // in a future clause it is that day's own night.
    if (is(i, "overnight")) {
      // "it won't happen overnight", "almost overnight": suddenly, not a night.
      if (i > 0 && (is(i - 1, "happen") || is(i - 1, "happens") || is(i - 1, "happened") ||
                    is(i - 1, "change") || is(i - 1, "changed") || is(i - 1, "that") ||
                    is(i - 1, "it") || is(i - 1, "almost") || is(i - 1, "virtually") ||
                    is(i - 1, "nearly") || is(i - 1, "practically") || is(i - 1, "literally"))) {
        return {};
      }
      if (change_in_clause(i)) return {};
      // "overnight into Saturday": the night that ends on that day.
      if (is(i + 1, "into") && w(i + 2) && w(i + 2)->weekday && toks_[i + 2].cap && anchor_) {
        std::string next = day_plus(weekday_in_context(w(i + 2)->weekday, i + 2, 0, false), -1);
        if (!next.empty()) return make(i + 1, "TIME", next + "TNI");
      }
      std::int32_t day = anchor_days_;
      std::string named = past_narrated_day(i);
      if (!named.empty()) ref_day(&day);
      if (!anchor_ && named.empty()) return make(i + 1, "TIME", "XXXX-XX-XXTNI");
      int ahead = tense_at(i) > 0 ? 0 : 1;
      return make(i + 1, "TIME", time::day_str(civil_from_days(day - ahead)) + "TNI");
    }
    // "mid-afternoon", "in the morning": the anchor's day.
    // ("midafternoon", "midmorning": one word of the same.)
    bool pre = (i > 0 &&
                (is(i - 1, "mid") || is(i - 1, "-") || is(i - 1, "early") || is(i - 1, "late"))) ||
               is(i, "midafternoon") || is(i, "midmorning");
    bool in_the = i > 1 && is(i - 1, "the") && (is(i - 2, "in") || is(i - 2, "during"));
    if (!(pre || in_the) || (is(i, "night") && !pre)) return {};
    // "in the morning of Sept. 7", "the early morning hours of Friday": the
    // part of a day named after it, which is tagged alone.
    if (is(i + 1, "of") || (is(i + 1, "hours") && is(i + 2, "of"))) return {};
    // "in the morning shows", "in the evening sky": a kind of show or sky.
    if (w(i + 1) && w(i + 1)->day_part_noun) return {};
    const std::string& part = w(i)->part_of_day;
    // "mid-afternoon yesterday", "early Friday morning" aside: the day named after it.
    const WordInfo* d = w(i + 1);
    if (d && d->day_offset != 99 && !d->tonight) {
      Core c = make(i + 2, "TIME", day_rel(d->day_offset) + "T" + part);
      c.the_ok = c.pos_ok = true;
      return c;
    }
    if (d && d->weekday && toks_[i + 1].cap) {
      Core c = make(i + 2, "TIME", weekday_in_context(d->weekday, i + 1, 0, false) + "T" + part);
      c.the_ok = c.pos_ok = true;
      return c;
    }
    if (is(i, "night")) return {};
    // "in the morning" without a day: the day the narrative is on, when a
    // sentence close by named one ("hopes were dashed Friday. ... in the
    // morning"), else the anchor's day.
    std::string day = past_narrated_day(i);
    Core c = make(i + 1, "TIME", (day.empty() ? day_rel(0) : day) + "T" + part);
    c.the_ok = c.pos_ok = true;
    return c;
  }

  // The date mentioned last, if it names a day: its day number in *days.
  bool ref_day(std::int32_t* days) const {
    // The first ten characters: a value may go on past its day ("1998-10-23TNI").
    auto d = parse_iso_date(std::string_view(ref_).substr(0, 10));
    if (!d) return false;
    *days = days_from_civil(*d);
    return true;
  }

  // recent_ref_day(), unless a past clause at i tells of another day than
  // that one to come ("voters go to the polls Feb. 9. ... debated earlier in
  // the evening").
  std::string past_narrated_day(std::size_t i) const {
    std::string day = recent_ref_day();
    std::optional<CivilDate> d = calendar_value(day, Granularity::kDay);
    if (d && anchor_ && days_from_civil(*d) > anchor_days_ && tense_at(i) < 0) return {};
    return day;
  }
  // The day of the date mentioned last, if it was named in this sentence or
  // the one before; empty otherwise.
  std::string recent_ref_day() const {
    if (ref_.size() < 10 || ref_[4] != '-' || ref_[7] != '-' || sentence_ - ref_sentence_ > 1)
      return {};
    for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (ref_[k] < '0' || ref_[k] > '9') return {};
    }
    return ref_.substr(0, 10);
  }

  // A clock time restated in parentheses at `open`, with its day inside or
  // right after them: "(0735 GMT) Friday", "(4 a.m. EDT Thursday)", "(1130
  // GMT) on Thursday". Sets *date to that day; false when no day is named.
  // A day inside them is the restated time's, which in another time zone may
  // be the day before or after the clock time's own: given that time
  // (`minutes` into its day, or -1), "8 p.m. (0100 GMT Thursday)" is on
  // Wednesday.
  bool restated_day(std::size_t open, std::string* date, int minutes = -1) const {
    std::size_t close = open + 1;
    while (close < n() && close < open + 10 && !is(close, ")")) ++close;
    if (!is(close, ")")) return false;
    std::size_t last = is(close + 1, "on") ? close + 2 : close + 1;
    for (std::size_t k = open + 1; k <= last && k < n(); ++k) {
      if (k == close || (k == close + 1 && last == close + 2)) continue;
      const WordInfo* d = w(k);
      int offset = 0;
      if (d && d->weekday && toks_[k].cap) {
        *date = weekday_in_context(d->weekday, k, 0, false);
      } else if (d && d->day_offset != 99 && !d->tonight) {
        *date = day_rel(d->day_offset);
      } else {
        continue;
      }
      int restated = -1;  // the clock time before a day inside the parentheses
      if (k < close) {
        for (std::size_t c = open + 1; c < k && restated < 0; ++c) restated = restated_minutes(c);
      }
      if (minutes >= 0 && restated >= 0) offset = zone_day_offset(minutes - restated);
      if (std::string day; offset != 0 && !(day = day_plus(*date, offset)).empty()) {
        *date = std::move(day);
      }
      return true;
    }
    return false;
  }

  // The clock time at token k inside a restatement, in minutes into its day:
  // "0100 GMT", "4 a.m.", "7:30 p.m.", "19:14"; -1 when there is none.
  int restated_minutes(std::size_t k) const {
    if (!digit(k)) return -1;
    const Tok& t = toks_[k];
    if (t.ndig == 4 && timezone(k + 1)) {
      return t.num / 100 < 24 && t.num % 100 < 60 ? t.num / 100 * 60 + t.num % 100 : -1;
    }
    if (t.ndig > 2) return -1;
    int h = t.num, m = 0;
    std::size_t j = k + 1;
    if (is(j, ":") && adjacent(j) && digit(j + 1) && toks_[j + 1].ndig == 2) {
      m = toks_[j + 1].num;
      j += 2;
    }
    bool dotted = is(j + 1, ".") && is(j + 2, "m");
    bool pm = is(j, "pm") || (is(j, "p") && dotted);
    bool am = is(j, "am") || (is(j, "a") && dotted);
    if ((j == k + 1 && !am && !pm) || h > 24 || m > 59 || ((am || pm) && h > 12)) return -1;
    if (pm && h < 12) h += 12;
    if (am && h == 12) h = 0;
    return h * 60 + m;
  }

  // The days to add to a restated time's day to reach the day of a clock
  // time `diff` minutes of the clock after it: the one that puts the two
  // zones' offset nearest zero within the world's range (UTC-12 to UTC+14).
  static int zone_day_offset(int diff) {
    int best = 0, best_abs = 1 << 30;
    for (int d : {0, -1, 1}) {
      int offset = diff + d * 1440;
      if (offset < -12 * 60 || offset > 14 * 60) continue;
      if (std::abs(offset) < best_abs) best = d, best_abs = std::abs(offset);
    }
    return best;
  }

  // Years, decades, ISO dates, "2025 Q4", "the 1988 third quarter".
  Core year_expr(std::size_t i) {
    int y = 0;
    std::size_t e = year_at(i, &y);
    if (!e) return {};
    bool digits = digit(i);
    // "the 1990's", The New York Times's old style, after "the" or "early",
    // "mid-", "late" (else a possessive: "1990's budget").
    bool apostrophe_s = digits && y % 10 == 0 && apostrophe(e) && adjacent(e) && is(e + 1, "s") &&
                        adjacent(e + 1) && i > 0 &&
                        (is(i - 1, "the") || is(i - 1, "early") || is(i - 1, "late") ||
                         (is_dash(i - 1) && i > 1 && is(i - 2, "mid")));
    if (apostrophe_s) ++e;
    if (digits && is(e, "s") && adjacent(e)) {
      // "the 1800s", "the early 1900s" name a century; "the 2000s" mostly
      // its first decade, as "the 1990s" does.
      bool century = y % 100 == 0 && y != 2000;
      Core c = make(e + 1, "DATE", std::to_string(century ? y / 100 : y / 10));
      c.the_ok = c.pos_ok = true;
      return c;
    }
    if (digits) {
      // Not a year: "$1990", "1990 people", "2000 meters", "1,990", "No. 1990".
      if (i > 0 && (is(i - 1, "$") || is(i - 1, "#") || is(i - 1, "no") ||
                    ((is(i - 1, ",") || is(i - 1, ".")) && adjacent(i) && i > 1 && digit(i - 2) &&
                     !(toks_[i - 2].ndig <= 2 && is_month_before(i - 2))))) {
        return {};
      }
      if (i > 0 && digit(i - 1) && !adjacent(i)) return {};
      if (is(e, ".") && adjacent(e) && digit(e + 1) && adjacent(e + 1)) return {};  // 2082.1
      if (is(e, "%") || is(e, "percent") || is(e, "per") || timezone(e)) return {};
      if (is(i - 1, "at") && twenty_four_hour_zone(i)) return {};  // "close at 2000" (a clock)
      if (is(e, ":") && digit(e + 1)) return {};
      if (is_dash(e) && adjacent(e) && digit(e + 1) && adjacent(e + 1)) {
        // ISO date "2024-07-10" is handled by numeric_date; "1998-99" seasons keep the
        // year, and second_year() tags the "99".
        if (toks_[e + 1].ndig == 2 && is_dash(e + 2) && digit(e + 3)) return {};
      }
      bool temporal_prep =
          i > 0 &&
          (is(i - 1, "in") || is(i - 1, "since") || is(i - 1, "by") || is(i - 1, "until") ||
           is(i - 1, "from") || is(i - 1, "of") || is(i - 1, "during") || is(i - 1, "before") ||
           is(i - 1, "after") || is(i - 1, "through") || is(i - 1, "to") || is(i - 1, "and") ||
           is(i - 1, "early") || is(i - 1, "late") || is(i - 1, "mid") || is(i - 1, "-"));
      if (!temporal_prep && (y < 1800 || y > 2100)) return {};
      // Figures that are reported by year: "1989 results", "2005 levels".
      bool yearly = is(e, "levels") || is(e, "results") || is(e, "elections") || is(e, "games") ||
                    is(e, "sales") || is(e, "earnings") || is(e, "figures") || is(e, "profits");
      if (!temporal_prep && plural_noun(e) && !yearly && !year_modifier(i, y)) {
        return {};  // "sent 2000 troops"
      }
      // "a poll of 2047 registered voters": a year decades ahead that a
      // counted noun follows is the count. News writes counts above 999 with
      // a comma, so this is the rare unedited one.
      if (anchor_ && y > a().year + 20 && (is(i - 1, "of") || quantity_word(i - 1)) &&
          (plural_noun(e) ||
           (e < n() && toks_[e].kind == kAlpha && !toks_[e].cap && plural_noun(e + 1)))) {
        return {};
      }
      if (w(e) && w(e)->measure_noun) return {};  // "1500 people", "to 1450 points"
    }
    // "2025 Q4", "1988 third quarter", "1989 period"
    if (is(e, "q") && adjacent(e + 1) && digit(e + 1) && toks_[e + 1].ndig == 1 &&
        toks_[e + 1].num >= 1 && toks_[e + 1].num <= 4) {
      note_quarter(y, toks_[e + 1].num);
      return theok(make(e + 2, "DATE", time::quarter_str(y, toks_[e + 1].num)));
    }
    const WordInfo* o = w(e);
    if (o && o->ordinal >= 1 && o->ordinal <= 4) {
      std::size_t k = e + 1;
      if (is_dash(k)) ++k;
      if (is(k, "quarter")) {
        note_quarter(y, o->ordinal);
        return theok(make(k + 1, "DATE", time::quarter_str(y, o->ordinal)));
      }
    }
    if ((is(e, "quarter") || is(e, "period")) && i > 0 && is(i - 1, "the")) {
      int q = last_q_ ? last_q_ : 0;
      if (q) return theok(make(e + 1, "DATE", time::quarter_str(y, q)));
      return theok(make(e + 1, "DATE", time::year_str(y)));
    }
    if (o && !o->season.empty()) {
      return make(e + 1, "DATE", time::year_str(y) + "-" + o->season);
    }
    Core c = make(e, "DATE", time::year_str(y));
    c.pos_ok = true;
    c.approx_ok = true;
    c.the_ok = !digits;  // "the year two thousand" is a phrase elsewhere
    return c;
  }

  // A lowercase plural noun at k ("troops", "attacks"), not a unit of time.
  bool plural_noun(std::size_t k) const {
    if (k >= n()) return false;
    const Tok& t = toks_[k];
    return t.kind == kAlpha && !t.cap && t.low.size() > 3 && t.low.back() == 's' &&
           !(t.w && (t.w->unit || t.w->ordinal));
  }

  // "about", "nearly", "than": a word that introduces a count.
  bool quantity_word(std::size_t k) const {
    return is(k, "about") || is(k, "around") || is(k, "nearly") || is(k, "almost") ||
           is(k, "some") || is(k, "over") || is(k, "under") || is(k, "than") || is(k, "roughly") ||
           is(k, "approximately") || is(k, "least") || is(k, "only") || is(k, "just") ||
           is(k, "up");
  }

  // Whether the four digits at i, before a plural noun, name the year of
  // the noun ("the 2012 attacks", "Obama's 2012 bundlers", "eyeing 2020
  // campaigns") rather than count it ("sent 2000 troops"). A determiner or a
  // possessive says so; without one, a year near the anchor does, unless a
  // count word comes first ("about 2000 people").
  bool year_modifier(std::size_t i, int y) const {
    if (i > 0 && (determiner(i - 1) || is(i - 1, "all") || is(i - 1, "any") || is(i - 1, "every") ||
                  is(i - 1, "each"))) {
      return true;
    }
    if (possessive_before(i)) return true;
    if (!anchor_ || (i > 0 && quantity_word(i - 1))) return false;
    return y >= a().year - 15 && y <= a().year + 6;
  }

  bool is_month_before(std::size_t i) const {
    if (i == 0) return false;
    std::size_t k = i - 1;
    if (is(k, ".") && k > 0) --k;
    const WordInfo* wi = w(k);
    return wi && (wi->month || wi->month_abbr);
  }

  Core decade_word(std::size_t i) {
    static constexpr std::string_view kNames[] = {"twenties", "thirties",  "forties",  "fifties",
                                                  "sixties",  "seventies", "eighties", "nineties"};
    for (int d = 0; d < 8; ++d) {
      if (low(i) == kNames[d]) {
        if (!(i > 0 && (is(i - 1, "the") || is(i - 1, "mid") || is(i - 1, "-")))) return {};
        return theok(make(i + 1, "DATE", "19" + std::to_string(d + 2)));
      }
    }
    return {};
  }

  Core short_decade(std::size_t i) {
    // "'80s"
    std::size_t d = i + 1;
    if (!(is(d + 1, "s") && adjacent(d + 1))) {
      // "in '08", "since '95", "the class of '85": a year after a preposition
      // (not the title "'13 Hours'").
      int y = 0;
      std::size_t e = i > 0 && (is(i - 1, "in") || is(i - 1, "of") || is(i - 1, "since") ||
                                is(i - 1, "by") || is(i - 1, "from") || is(i - 1, "until") ||
                                (is(i - 1, "and") && tagged_just_before(i - 1)))
                          ? year_at(i, &y)
                          : 0;
      return e ? make(e, "DATE", time::year_str(y)) : Core{};
    }
    int v = toks_[d].num;
    if (v % 10 != 0) return {};
    int century = 19;
    if (anchor_ && 2000 + v <= a().year) century = 20;
    if (v >= 30) century = 19;
    Core c = make(d + 2, "DATE", std::to_string(century) + std::to_string(v / 10));
    c.the_ok = c.pos_ok = true;
    return c;
  }

  // The end of an ordinal at k, written in digits ("19th") or a word
  // ("fifth"), else 0.
  std::size_t ordinal_end(std::size_t k) const {
    if (digit(k) && toks_[k].ndig <= 2 && adjacent(k + 1) &&
        (is(k + 1, "th") || is(k + 1, "st") || is(k + 1, "nd") || is(k + 1, "rd"))) {
      return k + 2;
    }
    return w(k) && w(k)->ordinal >= 1 ? k + 1 : 0;
  }
  // Each ordinal of "the 18th and 19th centuries", "the fifth to sixth
  // centuries" names its century; the ordinal at i ends before e.
  Core century_pair(std::size_t i, std::size_t e, int ord) {
    if (ord < 1) return {};
    auto joining = [this](std::size_t k) {
      return is(k, "and") || is(k, "or") || is(k, "to") || is_dash(k);
    };
    std::string v = std::to_string(ord - 1);
    if (joining(e)) {
      std::size_t f = ordinal_end(e + 1);
      return f && is(f, "centuries") ? theok(make(e, "DATE", v)) : Core{};
    }
    if (is(e, "centuries") && i > 0 && joining(i - 1) && tagged_just_before(i - 1) &&
        found_.back().value.size() <= 2 && found_.back().type == "DATE") {
      return make(e + 1, "DATE", v);
    }
    return {};
  }
  Core century_digits(std::size_t i) {
    // "the 20th century", "the 1900s" is a decade form handled in year_expr
    if (toks_[i].ndig > 2 || !adjacent(i + 1)) return {};
    if (!(is(i + 1, "th") || is(i + 1, "st") || is(i + 1, "nd") || is(i + 1, "rd"))) return {};
    std::size_t j = i + 2;
    if (Core c = century_pair(i, j, toks_[i].num); c.end) return c;
    if (is_dash(j)) ++j;
    if (!is(j, "century")) return {};
    return theok(century(j + 1, toks_[i].num));
  }

  // The `ord`th century, its word ending before token e, and an era after it:
  // "the 20th century" is "19", "the fifth century" "04", "the 5th century
  // BC" "BC04" (the years 500 to 401 BC).
  Core century(std::size_t e, int ord) {
    bool bc = false;
    if (std::size_t k = era_after(e, &bc)) e = k;
    char buf[16];
    std::snprintf(buf, sizeof buf, bc ? "BC%02d" : "%02d", ord - 1);
    return make(e, "DATE", buf);
  }

  // An era written from token k: "BC", "BCE", "B.C.", "B.C.E." (*bc set),
  // "AD", "A.D.", "CE", "C.E."; the end of its words, else 0. A final stop
  // that ends the sentence stays outside.
  std::size_t era_after(std::size_t k, bool* bc) const {
    if (k >= n()) return 0;
    if ((is(k, "bc") || is(k, "bce") || is(k, "ad") || is(k, "ce")) && all_caps(k)) {
      *bc = is(k, "bc") || is(k, "bce");
      return k + 1;
    }
    // Dotted: capital letters, each followed by a stop, with no space.
    std::string letters;
    std::size_t j = k;
    while (j + 1 < n() && letters.size() < 3 && toks_[j].kind == kAlpha &&
           toks_[j].low.size() == 1 && all_caps(j) && is(j + 1, ".") && adjacent(j + 1) &&
           (j == k || adjacent(j))) {
      letters += toks_[j].low;
      j += 2;
    }
    if (!(letters == "bc" || letters == "bce" || letters == "ad" || letters == "ce")) return 0;
    *bc = letters[0] == 'b';
    return j < n() ? j : j - 1;
  }

  // A year with its era after it: "753 BC" ("BC0753"), "44 B.C.", "79 AD"
  // ("0079"). Not the end of a longer number ("12,500 BC").
  Core era_year(std::size_t i) {
    const Tok& t = toks_[i];
    if (t.num < 1 || (i > 1 && is(i - 1, ",") && adjacent(i) && digit(i - 2))) return {};
    bool bc = false;
    std::size_t e = era_after(i + 1, &bc);
    if (!e) return {};
    // "AD" or "CE" after a number is an era after a preposition or before no
    // noun ("in 79 AD", "79 AD."; not "won 3 AD titles").
    if (!bc &&
        !(i > 0 &&
          (is(i - 1, "in") || is(i - 1, "from") || is(i - 1, "to") || is(i - 1, "since") ||
           is(i - 1, "until") || is(i - 1, "by") || is(i - 1, "around") || is(i - 1, "circa") ||
           is(i - 1, "about") || is(i - 1, "of") || is(i - 1, "before") || is(i - 1, "after"))) &&
        e < n() && toks_[e].kind == kAlpha && !toks_[e].cap) {
      return {};
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, bc ? "BC%04d" : "%04d", t.num);
    return make(e, "DATE", buf);
  }

  // "AD 122", "A.D. 79": the era before the year.
  Core era_first_year(std::size_t i) {
    bool bc = false;
    std::size_t k = era_after(i, &bc);
    if (!k || bc || !digit(k) || toks_[k].ndig > 4 || toks_[k].num < 1) return {};
    if (k + 1 < n() && (is(k + 1, ",") || is(k + 1, ".")) && adjacent(k + 1) && digit(k + 2)) {
      return {};
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", toks_[k].num);
    return make(k + 1, "DATE", buf);
  }

  // The separator of a numeric date at token j: '-', '/' or '.', else 0.
  char date_separator(std::size_t j) const {
    if (j >= n() || !adjacent(j)) return 0;
    if (toks_[j].low == "-" || toks_[j].low == "/" || toks_[j].low == ".") return toks_[j].low[0];
    return 0;
  }

  // The second year of a span written "2019-20" or "2023/24" (a season, a
  // fiscal year): the year after the first, which is tagged on its own.
  Core second_year(std::size_t i) {
    if (i < 2 || !adjacent(i) || !(is_dash(i - 1) || is(i - 1, "/")) || !adjacent(i - 1)) return {};
    int y = 0;
    if (!digit(i - 2) || year_at(i - 2, &y) != i - 1) return {};
    // "1998-99", and "1950-53", "1939-45": the later year of that century. (Not
    // "2005-09", which may be September 2005.)
    int last = toks_[i].num, first = y % 100;
    bool later = last > first && last > 12 && last - first <= 30;
    if (last != (y + 1) % 100 && !later) return {};
    // Not a date running on ("2011-12-05") nor the start of a longer number.
    if (date_separator(i + 1) != 0 && digit(i + 2)) return {};
    if (i > 2 && date_separator(i - 3) != 0 && digit(i - 4)) return {};
    return make(i + 1, "DATE", std::to_string(last == (y + 1) % 100 ? y + 1 : y - first + last));
  }

  // "2024-07-10", "2024/07/10", "2024.07.10" (year first); "7/10/2024" (month
  // first, as in US news, unless the first number cannot be a month);
  // "10.07.2024", "10-07-2024" (day first, as where those are written).
  Core numeric_date(std::size_t i) {
    char sep = date_separator(i + 1);
    if (sep == 0 || date_separator(i + 3) != sep || !digit(i + 2) || !adjacent(i + 2) ||
        !digit(i + 4) || !adjacent(i + 4) || toks_[i + 2].ndig > 2)
      return {};
    // Not part of a longer run ("192.168.10.1", "1.2.3.4").
    if (adjacent(i) && (digit(i - 1) || (date_separator(i - 1) != 0 && digit(i - 2)))) return {};
    if (date_separator(i + 5) != 0 && digit(i + 6) && adjacent(i + 6)) return {};
    const Tok& a = toks_[i];
    const Tok& b = toks_[i + 2];
    const Tok& c = toks_[i + 4];
    if (a.ndig == 4 && c.ndig <= 2) {
      CivilDate d{a.num, b.num, c.num};
      if (!is_valid(d)) return {};
      // ISO 8601 "2024-07-10T14:03:00Z": the time of day with its seconds,
      // fraction and zone, kept to the minute.
      std::size_t t = i + 5;
      if (sep == '-' && is(t, "t") && adjacent(t) && digit(t + 1) && adjacent(t + 1) &&
          toks_[t + 1].ndig == 2 && toks_[t + 1].num < 24 && is(t + 2, ":") && adjacent(t + 2) &&
          digit(t + 3) && adjacent(t + 3) && toks_[t + 3].ndig == 2 && toks_[t + 3].num < 60) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "T%02d:%02d", toks_[t + 1].num, toks_[t + 3].num);
        std::size_t e = t + 4;
        if (is(e, ":") && adjacent(e) && digit(e + 1) && adjacent(e + 1)) e += 2;  // seconds
        if (is(e, ".") && adjacent(e) && digit(e + 1) && adjacent(e + 1)) e += 2;  // fraction
        if (is(e, "z") && adjacent(e)) {
          ++e;
        } else if ((is(e, "+") || is_dash(e)) && adjacent(e) && digit(e + 1) && adjacent(e + 1)) {
          e += 2;  // "+03:00", "-0500"
          if (is(e, ":") && adjacent(e) && digit(e + 1) && adjacent(e + 1)) e += 2;
        }
        return make(e, "TIME", time::day_str(d) + buf);
      }
      if (Core t = timestamp(i + 5, d); t.end) return t;  // "2013-03-22 14:05"
      return make(i + 5, "DATE", time::day_str(d));
    }
    if (a.ndig > 2) return {};
    // A two-digit year only with slashes: "1.2.10" and "3-2-10" are versions and scores.
    if (!(c.ndig == 4 || (c.ndig == 2 && sep == '/'))) return {};
    int y = c.ndig == 2 ? two_digit_year(c.num, 20) : c.num;
    CivilDate mdy{y, a.num, b.num};
    CivilDate dmy{y, b.num, a.num};
    CivilDate d = sep == '/' ? mdy : dmy;
    if (!is_valid(d)) d = sep == '/' ? dmy : mdy;
    if (!is_valid(d)) return {};
    if (Core t = timestamp(i + 5, d); t.end) return t;  // "Updated 22.03.2013, 14:05"
    return make(i + 5, "DATE", time::day_str(d));
  }

  // A part of day that names its day, at j: "tonight", "this morning", "last
  // night", "yesterday afternoon", "tomorrow evening". Returns the token after
  // it (0 when there is none) and sets *offset to the day's offset from the
  // anchor and *part to the part's word.
  std::size_t day_part_at(std::size_t j, int* offset, std::string_view* part) const {
    if (is(j, "tonight")) {
      *offset = 0, *part = "night";
      return j + 1;
    }
    if ((is(j, "this") && part_word(j + 1) && !is(j + 1, "night")) ||
        (is(j, "last") && (is(j + 1, "night") || is(j + 1, "evening"))) ||
        ((is(j, "yesterday") || is(j, "tomorrow")) && part_word(j + 1))) {
      *offset = is(j, "this") ? 0 : is(j, "tomorrow") ? 1 : -1;
      *part = toks_[j + 1].low;
      return j + 2;
    }
    return 0;
  }

  // One of the four parts of a day that an hour can be read in.
  bool part_word(std::size_t k) const {
    return is(k, "morning") || is(k, "afternoon") || is(k, "evening") || is(k, "night");
  }

  // An hour of the clock face (1-12) read with the part of day at j ("in the
  // morning", "at night", "tonight", "this afternoon", "last night"): moves *h
  // to 0-23, *end past the part and, when the part names its day ("tonight",
  // "yesterday morning"), *date to that day; false when no part follows.
  bool hour_of_part(int* h, std::size_t j, std::size_t* end, std::string* date) const {
    bool morning;
    int offset = 0;
    std::string_view part;
    if (is(j, "in") && is(j + 1, "the") &&
        (is(j + 2, "morning") || is(j + 2, "afternoon") || is(j + 2, "evening"))) {
      morning = is(j + 2, "morning");
      *end = j + 3;
    } else if (is(j, "at") && is(j + 1, "night")) {
      morning = *h < 5;  // "2 at night"
      *end = j + 2;
    } else if (std::size_t e = day_part_at(j, &offset, &part)) {
      // "at 2 tonight" falls on the next day: left to the reader.
      if (part == "night" && *h < 5) return false;
      morning = part == "morning";
      *end = e;
      *date = day_rel(offset);
    } else if (std::size_t k = is(j, "on") ? j + 1 : j;
               w(k) && w(k)->weekday && toks_[k].cap && part_word(k + 1)) {
      // "at 11 Saturday night", "by 5 on Friday afternoon"
      if (is(k + 1, "night") && *h < 5) return false;
      morning = is(k + 1, "morning");
      *end = k + 2;
      *date = weekday_in_context(w(k)->weekday, k, 0, false);
    } else {
      return false;
    }
    if (morning && *h == 12) *h = 0;    // twelve in the morning is midnight
    if (!morning && *h < 12) *h += 12;  // twelve in the afternoon or at night stays 12
    return true;
  }

  // A preposition that makes a bare hour after it a clock time: "at 4 in the
  // morning", "by nine tonight".
  bool hour_preposition(std::size_t k) const {
    return is(k, "at") || is(k, "by") || is(k, "until") || is(k, "around") || is(k, "about");
  }

  // A weekday that dates the hour before it, at j: "nine o'clock Monday",
  // "half past nine on Monday". Sets *date and returns the token after it;
  // returns j when there is none.
  std::size_t weekday_after_hour(std::size_t j, std::size_t hour, std::string* date) {
    std::size_t k = is(j, "on") ? j + 1 : j;
    const WordInfo* d = w(k);
    if (!d || !d->weekday || !toks_[k].cap) return j;
    *date = weekday_in_context(d->weekday, hour, 0, false);
    return k + 1;
  }

  // The TIME of the clock-face hour h read at token `hour`, whose words end
  // before e: with the part of day at e ("in the morning", "tonight"), else
  // on the weekday after it ("on Monday"), else on the anchor's day. Empty
  // when `need_part` and no part of day follows.
  Core hour_time(int h, std::size_t hour, std::size_t e, bool need_part) {
    std::string date;
    if (!hour_of_part(&h, e, &e, &date) && need_part) return {};
    if (date.empty()) {
      date = day_rel(0);
      e = weekday_after_hour(e, hour, &date);
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:00", h);
    Core c = make(e, "TIME", date + buf);
    c.approx_ok = true;
    return c;
  }

  // An hour in words: "three o'clock", "five o'clock in the morning", "at
  // nine tonight".
  Core word_clock(std::size_t i) {
    int h = w(i)->number;
    if (h < 1 || h > 12 || is(i, "a") || is(i, "an")) return {};
    bool oclock = is(i + 1, "o") && apostrophe(i + 2) && is(i + 3, "clock");
    if (!oclock && !(i > 0 && hour_preposition(i - 1))) return {};
    return hour_time(h, i, oclock ? i + 4 : i + 1, !oclock);
  }

  // Minutes counted from an hour: "half past nine", "a quarter to ten",
  // "quarter past 3 p.m. Friday", "ten past six", "20 minutes to midnight".
  Core minutes_from_hour(std::size_t i) {
    std::size_t j = is(i, "a") && is(i + 1, "quarter") ? i + 1 : i;
    int mnt = 0;
    bool counted = false;  // a number of minutes, not a half or a quarter
    // "one-quarter to one-third", "three quarters past": fractions, not clock times.
    if (j > 0 && (is_dash(j - 1) || (w(j - 1) && w(j - 1)->number > 1))) return {};
    if (is(j, "half")) {
      mnt = 30;
    } else if (is(j, "quarter")) {
      mnt = 15;
    } else if ((digit(j) && toks_[j].ndig <= 2 && is(j + 1, "minutes")) ||
               (toks_[j].kind == kAlpha && w(j) && w(j)->number > 0 && !is(j, "a") &&
                !is(j, "an"))) {
      mnt = digit(j) ? toks_[j].num : w(j)->number;
      counted = true;
      if (is(j + 1, "minutes")) ++j;
    } else {
      return {};
    }
    if (mnt < 1 || mnt > 59) return {};
    ++j;
    bool to = is(j, "to");
    // "ten to six" is as often a range as a time: a count before "to" needs "minutes".
    if (!(is(j, "past") || (to && (!counted || is(j - 1, "minutes"))))) return {};
    if (to && is(j - 1, "half")) return {};
    std::size_t k = j + 1;
    if (k >= n()) return {};
    Core hour = clock(k);
    if (!hour.end && toks_[k].kind == kAlpha && w(k)) hour = word_clock(k);
    // A bare hour: "half past nine", "quarter past 3 in the afternoon".
    bool decimal = (is(k + 1, ":") || is(k + 1, ".")) && digit(k + 2) && adjacent(k + 2);
    int h = digit(k) && toks_[k].ndig <= 2 && !decimal                       ? toks_[k].num
            : toks_[k].kind == kAlpha && w(k) && !is(k, "a") && !is(k, "an") ? w(k)->number
                                                                             : -1;
    // (Not "ten past nine years": a count of units.)
    const WordInfo* after = w(k + 1);
    if (!hour.end && h >= 1 && h <= 12 && !(after && after->unit) && !is(k + 1, "percent") &&
        !(is_dash(k + 1) && adjacent(k + 1))) {
      hour = hour_time(h, k, k + 1, false);
    }
    // The hour must be a whole one: "half past 3:30" is no time.
    std::size_t t = hour.value.find('T');
    if (!hour.end || t == std::string::npos || hour.value.size() != t + 6 ||
        hour.value.compare(t + 3, 3, ":00") != 0) {
      return {};
    }
    h = std::stoi(hour.value.substr(t + 1, 2));
    std::string date = hour.value.substr(0, t);
    if (to) {
      if (h == 0) return {};  // "a quarter to midnight" is written with 24
      h -= 1, mnt = 60 - mnt;
    } else if (h == 24) {
      // "half past midnight": the start of the next day.
      date = day_of(hour.value);
      if (date.empty()) return {};
      h = 0;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", h, mnt);
    Core c = make(hour.end, "TIME", date + buf);
    c.approx_ok = true;
    return c;
  }

  // The token after the zone of a 24-hour clock time at i ("0400 GMT", "0900
  // local time", "at 1400 hours"), or 0 when there is none.
  std::size_t twenty_four_hour_zone(std::size_t i) const {
    if (toks_[i].ndig != 4) return 0;
    int h = toks_[i].num / 100, mnt = toks_[i].num % 100;
    if (mnt > 59 || h > 24 || (h == 24 && mnt > 0)) return 0;
    if (timezone(i + 1)) return i + 2;
    if (std::size_t z = after_zone_name(i + 1); z > i + 1) return z;
    if ((is(i + 1, "hours") || is(i + 1, "hrs")) && i > 0 && is(i - 1, "at")) return i + 2;
    // "at 0600", and both ends of "from 2200 to 0600", "between 2300 and
    // 0500": no year is written with a leading zero.
    if (i == 0) return 0;
    if (toks_[i].low[0] == '0') return time_preposition(i - 1) ? i + 1 : 0;
    // "open at 0700 local time and close at 2000": after a 24-hour time in
    // the sentence, "at" and four digits are one more.
    // (Not before a noun: "at 2010 levels".)
    if (is(i - 1, "at") &&
        (i + 1 >= n() || toks_[i + 1].kind != kAlpha || is(i + 1, "and") || is(i + 1, "or") ||
         is(i + 1, "on") || is(i + 1, "in") || is(i + 1, "to") || is(i + 1, "until") ||
         is(i + 1, "when")) &&
        twenty_four_hour_before()) {
      return i + 1;
    }
    std::size_t k = i + 2;  // the range's other end
    if ((is(i - 1, "from") && (is(i + 1, "to") || is(i + 1, "until"))) ||
        (is(i - 1, "between") && is(i + 1, "and"))) {
      if (digit(k) && toks_[k].ndig == 4 && toks_[k].low[0] == '0' && twenty_four_hour_zone(k)) {
        return i + 1;
      }
    }
    return 0;
  }
  // A 24-hour clock time ("0700 GMT", "at 1400 hours") was found earlier in
  // this sentence.
  bool twenty_four_hour_before() const {
    for (std::size_t f = found_.size(); f-- > 0;) {
      const Found& t = found_[f];
      if (t.span.begin < toks_[0].b) return false;
      std::string_view text = layer_.text.substr(t.span.begin, t.span.end - t.span.begin);
      if (t.type == "TIME" && text.size() > 4 && four_digits_first(text) && text[4] == ' ') {
        return true;
      }
    }
    return false;
  }
  // A preposition before a 24-hour clock time written with its leading zero.
  bool time_preposition(std::size_t k) const {
    return is(k, "at") || is(k, "from") || is(k, "to") || is(k, "until") || is(k, "till") ||
           is(k, "by") || is(k, "before") || is(k, "after") || is(k, "since") || is(k, "between") ||
           is(k, "and");
  }

  // Clock times: "7:48 a.m.", "3 p.m. local time", "noon Thursday", "10 o'clock".
  Core clock(std::size_t i) {
    int h = -1, mnt = 0;
    std::size_t j = i;
    std::string part_date;  // the day a part of day after a bare hour names ("at 10 tonight")
    std::size_t zone = twenty_four_hour_zone(i);  // the token after "0400 GMT"'s zone, or 0
    if (is(i, "noon") && i > 0 && is(i - 1, "high")) return {};  // "High Noon", an idiom
    if (is(i, "noon") || is(i, "midday")) {
      h = 12, j = i + 1;
    } else if (is(i, "midnight")) {
      h = 24, j = i + 1;
    } else if (zone) {
      h = toks_[i].num / 100, mnt = toks_[i].num % 100;
      // "(0735 GMT) Friday": the restatement of a clock time, dated by the day after it.
      if (i > 0 && is(i - 1, "(") && is(zone, ")")) {
        std::string date = day_rel(0);
        restated_day(i - 1, &date);
        char buf[32];
        std::snprintf(buf, sizeof buf, "T%02d:%02d", h, mnt);
        return make(zone, "TIME", date + buf);
      }
      j = zone;  // "1914 GMT Thursday", "0400 GMT on Wednesday": the day after it as below
    } else {
      if (toks_[i].ndig > 2 || toks_[i].num > 24) return {};
      if (adjacent(i) && is(i - 1, ":")) return {};  // the minutes of "14:03:00"
      h = toks_[i].num;
      j = i + 1;
      if (is(j, ":") && adjacent(j) && digit(j + 1) && adjacent(j + 1) && toks_[j + 1].ndig == 2) {
        mnt = toks_[j + 1].num;
        if (mnt > 59) return {};
        j += 2;
        if (is(j, ":") && adjacent(j) && digit(j + 1) && toks_[j + 1].ndig == 2) j += 2;
      } else if (is(j, ".") && adjacent(j) && digit(j + 1) && adjacent(j + 1) &&
                 toks_[j + 1].ndig == 2 && toks_[j + 1].num < 60 &&
                 ((h >= 1 && h <= 12 &&
                   (is(j + 2, "am") || is(j + 2, "pm") ||
                    ((is(j + 2, "a") || is(j + 2, "p")) && is(j + 3, ".") && is(j + 4, "m")))) ||
                  (toks_[i].ndig == 2 && h < 24 &&
                   (timezone(j + 2) || after_zone_name(j + 2) > j + 2)))) {
        // "3.15pm", "10.30 a.m.", "07.00 BST": British style, only with its
        // a.m./p.m. or zone (not "3.15 percent").
        mnt = toks_[j + 1].num;
        j += 2;
      } else if (is(j, "o") && apostrophe(j + 1) && is(j + 2, "clock")) {
        j += 3;
      } else if (std::size_t e = 0; h >= 1 && h <= 12 && i > 0 && hour_preposition(i - 1) &&
                                    hour_of_part(&h, j, &e, &part_date)) {
        // "at 4 in the morning", "by 9 at night", "at 10 tonight"
        std::string date = part_date.empty() ? day_rel(0) : part_date;
        char buf[32];
        std::snprintf(buf, sizeof buf, "T%02d:00", h);
        // "at 4 in the morning (4 a.m. EDT Thursday)": the restatement names the day.
        if (is(e, "(")) restated_day(e, &date, h * 60);
        Core c = make(e, "TIME", date + buf);
        c.approx_ok = true;
        return c;
      } else {
        // A bare hour needs "a.m."/"p.m."
        if (!(is(j, "a") || is(j, "p") || is(j, "am") || is(j, "pm"))) return {};
      }
    }
    bool has_clock = j > i + 1 || h == 12 || h == 24 || zone;
    // a.m. / p.m.
    bool pm = false, am = false;
    std::size_t k = j;
    if (zone) {
      // (a 24-hour clock with its zone, read above)
    } else if ((is(k, "a") || is(k, "p")) && is(k + 1, ".") && is(k + 2, "m")) {
      pm = is(k, "p");
      am = !pm;
      k += 3;
      if (is(k, ".") && adjacent(k)) {
        // Keep the final period of "a.m." unless it also ends the sentence.
        if (k + 1 < n()) ++k;
      }
    } else if ((is(k, "am") || is(k, "pm")) && !(i > 0 && is(i, "noon"))) {
      pm = is(k, "pm");
      am = !pm;
      ++k;
    } else if (k < n() && toks_[k].kind == kAlpha && adjacent(k) && toks_[k].e - toks_[k].b > 2 &&
               (toks_[k].low.substr(0, 2) == "am" || toks_[k].low.substr(0, 2) == "pm") &&
               layer_.text[toks_[k].b + 2] >= 'A' && layer_.text[toks_[k].b + 2] <= 'Z') {
      // "9:52PMBush Says ...": a scraped timestamp glued to a headline; the
      // marker counts, the glued word stays outside the span.
      pm = toks_[k].low[0] == 'p';
      am = !pm;
    }
    if (!am && !pm && !has_clock) return {};
    if (!am && !pm && !zone && toks_[i].kind == kDigit && !(j > i + 2 || is(i + 1, "o"))) {
      // "7:48" alone is a time only with context ("at 7:48")
      if (!(i > 0 && (is(i - 1, "at") || is(i - 1, "by") || is(i - 1, "until") ||
                      is(i - 1, "before") || is(i - 1, "after") || is(i - 1, "from")))) {
        return {};
      }
    }
    if (pm && h < 12) h += 12;
    if (am && h == 12) h = 0;
    if (h > 24) return {};
    // Time zone or "local time".
    if (zone) {
      // (read with the clock)
    } else if (std::size_t z = after_zone_name(k); z > k) {
      k = z;
    } else if (timezone(k)) {
      ++k;
    }
    // "3:30 in the afternoon", "11:45 at night": the part of day says which half.
    if (!am && !pm && !zone && has_clock && h >= 1 && h <= 12 && (is(k, "in") || is(k, "at"))) {
      std::string unused;  // (these two forms name no day)
      if (std::size_t pe = 0; hour_of_part(&h, k, &pe, &unused)) k = pe;
    }
    // A day after the clock time: "noon Thursday", "7 p.m. yesterday".
    std::string date = day_rel(0);
    std::size_t dk = k;
    if (is(dk, "on") && w(dk + 1) &&
        (w(dk + 1)->weekday || w(dk + 1)->month || w(dk + 1)->month_abbr)) {
      ++dk;
    }
    if (is(dk, ",") && w(dk + 1) && (w(dk + 1)->month || w(dk + 1)->month_abbr)) ++dk;
    // After a full date ("March 5, 2024, 10:31 a.m.") the day is given already.
    const WordInfo* d = in_timestamp_ ? nullptr : w(dk);
    Core dated;
    std::size_t pe = 0;
    std::string_view part;
    // (Not "from 9 a.m. to 5 p.m. Yesterday afternoon ...": a new sentence.)
    bool new_sentence = dk < n() && toks_[dk].cap && is(dk - 1, ".");
    bool day_named = false;  // a day is named after the clock time
    if (!in_timestamp_ && is(dk, "on") && is(dk + 1, "the") && w(dk + 2) && w(dk + 2)->ordinal &&
        (dated = weekday_of_month(dk + 2)).end && dated.value.size() == 10) {
      date = dated.value;  // "2 p.m. on the last Friday in August"
      k = dated.end;
      day_named = true;
    } else if (!in_timestamp_ && is(dk, "on") && w(dk + 1) && w(dk + 1)->holidays &&
               (dated = holiday(dk + 1)).end && dated.value.size() == 10) {
      date = dated.value;  // "shortly before midnight on New Year's Eve"
      k = dated.end;
      day_named = true;
    } else if (((d && (d->month || d->month_abbr) && (dated = month_expr(dk)).end) ||
                (!in_timestamp_ && is(dk, "on") && digit(dk + 1) &&
                 (dated = day_first(dk + 1)).end)) &&
               dated.value.size() == 10) {
      date = dated.value;  // "5 p.m. EST, Nov. 6", "midnight on 31 March"
      k = dated.end;
      day_named = true;
    } else if (d && d->weekday && toks_[dk].cap) {
      date = weekday_in_context(d->weekday, i, 0, false);
      k = dk + 1;
      // "7:15 on Tuesday morning", "9:30 Friday night": that part of the day,
      // when it agrees with the clock's half (or says it).
      if (part_word(k) && !zone && (am || pm || (h >= 1 && h <= 12))) {
        bool morning = is(k, "morning");
        bool agrees =
            (am && morning) || (pm && !morning) || (!am && !pm && !(is(k, "night") && h < 5));
        if (agrees) {
          if (!am && !pm && !morning && h < 12) h += 12;
          ++k;
        }
      }
      // "midnight on Friday 25 October": the date after the weekday decides.
      if (!in_timestamp_ && (dated = date_after_weekday(dk + 1)).end && dated.value.size() == 10) {
        date = dated.value;
        k = dated.end;
      }
      day_named = true;
    } else if (int offset = 0; !in_timestamp_ && !new_sentence &&
                               (pe = day_part_at(dk, &offset, &part)) &&
                               !(part == "night" && !pm && h < 5)) {
      // "10 p.m. tonight", "10 o'clock tonight", "7:30 this morning": one time
      // on that day, in that part of it when no a.m. or p.m. says which half.
      date = day_rel(offset);
      if (!am && !pm && !zone && part != "morning" && h < 12) h += 12;
      k = pe;
      day_named = true;
    } else if (d && d->day_offset != 99 && !d->tonight && !new_sentence) {
      date = day_rel(d->day_offset);
      k = dk + 1;
      day_named = true;
    } else if (!in_timestamp_ && is(dk, "(")) {
      // "10:35 a.m. (0735 GMT) Friday": the day after a restatement in
      // another time zone dates the clock time, which keeps its own span.
      day_named = restated_day(dk, &date, h * 60 + mnt);
    } else if (std::string named; !found_.empty() && day_just_before(i, found_.back().span.end) &&
                                  !(named = day_of(found_.back().value)).empty()) {
      // "until Friday at noon", "Saturday morning between 10-11 a.m.": the day
      // just named ("from midnight to 6 a.m.": the day that midnight began).
      date = std::move(named);
    } else if (h == 24 && !in_timestamp_ && tense_at(i) < 0) {
      // "The quake struck shortly after midnight": the midnight that began the
      // anchor's day, the end of the day before.
      date = day_rel(-1);
    }
    if (day_named) date_range_start(i, date, h == 24 ? 24 * 60 : h * 60 + mnt);
    char buf[32];
    if (h == 24)
      std::snprintf(buf, sizeof buf, "T24:00");
    else
      std::snprintf(buf, sizeof buf, "T%02d:%02d", h, mnt);
    Core c = make(k, "TIME", date + buf);
    c.approx_ok = true;
    return c;
  }

  // "from 7 a.m. to 8 p.m. Tuesday", "between 10 p.m. and 2 a.m. Saturday":
  // the day named after a range's end clock time at i (`minutes` into `date`)
  // dates the bare clock time that starts the range, which had taken the
  // anchor's day or one named before ("Saturday, and from 7 a.m. to 8 p.m.
  // Tuesday"); a start later in the day than the end is on the day before.
  void date_range_start(std::size_t i, const std::string& date, int minutes) {
    std::optional<std::size_t> s = range_start_token(i);
    if (!s) return;
    const Found& prev = found_.back();
    if (prev.type != "TIME" || prev.value.size() != 16) return;
    for (std::size_t k = *s; k + 1 < i; ++k) {
      if (!(digit(k) || is(k, ":") || is(k, ".") || is(k, "a") || is(k, "p") || is(k, "m") ||
            is(k, "am") || is(k, "pm") || is(k, "noon") || is(k, "midnight"))) {
        return;  // the start names its own day
      }
    }
    int start = std::atoi(prev.value.c_str() + 11) * 60 + std::atoi(prev.value.c_str() + 14);
    std::string day = day_plus(date, start > minutes ? -1 : 0);
    if (day.empty()) return;
    revalue_last(day + prev.value.substr(10));
  }

  // The expression that ends at byte `end` lies in this sentence at most four
  // tokens before token i, with no stop or semicolon between: "Friday at
  // noon", "Saturday morning between 10-11 a.m.".
  bool day_just_before(std::size_t i, std::size_t end) const {
    for (std::size_t k = i, steps = 0; k > 0 && steps < 4; --k, ++steps) {
      if (toks_[k - 1].e == end) return true;
      if (is(k - 1, ".") || is(k - 1, ";")) return false;
    }
    return false;
  }

  const TextLayer& layer_;
  const time::TimeLexicon& lex_;
  std::optional<CivilDate> anchor_;
  std::int32_t anchor_days_ = 0;
  std::vector<Tok>& tok_buffer_;  // holds toks_
  Tokens toks_;                   // the tokens of the sentence being tagged
  // Tense markers of the current sentence (token index, tense), found lazily.
  std::vector<std::pair<int, int>>& markers_;
  mutable bool markers_found_ = false;
  std::vector<std::uint32_t>& starts_;  // tokens of the sentence an expression may begin at
  std::vector<Found>& found_;           // the expressions of the document, in text order
  int last_q_year_ = 0;
  int last_q_ = 0;
  int done_q_year_ = 0;  // the latest quarter noted that had ended by the anchor
  int done_q_ = 0;
  std::string ref_;            // value of the latest anchored DATE/TIME emitted
  int sentence_ = 0;           // index of the sentence being tagged
  int ref_sentence_ = 0;       // the sentence in which ref_ was emitted
  int narrative_year_ = 0;     // a full date's written year that the dates since stayed in
  bool in_timestamp_ = false;  // reading the clock time after a full date
};

}  // namespace

std::vector<TimeExpr> tag_times(const TextLayer& text, const std::optional<CivilDate>& anchor) {
  Scratch& scratch = thread_scratch();
  // The tokenizer reads the lower-cased text eight bytes at a time.
  if (text.lower.size() < text.text.size() + 8) {
    throw std::logic_error("tag_times: the text layer has no lower-cased text (use segment())");
  }
  std::vector<TimeExpr> times = Tagger(text, anchor, scratch).run();
  scratch.trim();
  return times;
}

std::optional<InferredDate> infer_publication_date(const TextLayer& text) {
  // A full date among the first words: a byline or dateline. A date on a short
  // line of its own or next to "updated"/"published"/"posted" wins over one in
  // running text; otherwise the first full date is taken.
  constexpr std::size_t kWindow = 600;
  TextLayer head;
  head.text = text.text.substr(0, std::min(text.text.size(), kWindow));
  head.lower.assign(text.lower, 0, head.text.size());
  head.lower.append(8, '\0');
  for (const Span& s : text.sentences) {
    if (s.begin >= head.text.size()) break;
    head.sentences.push_back(Span{s.begin, std::min(s.end, head.text.size())});
  }
  auto line_of = [&](const Span& span) {
    std::size_t b = head.text.rfind('\n', span.begin);
    b = b == std::string_view::npos ? 0 : b + 1;
    std::size_t e = head.text.find('\n', span.end);
    if (e == std::string_view::npos) e = head.text.size();
    return head.text.substr(b, e - b);
  };
  auto byline = [](std::string_view line) {
    if (line.size() <= 60) return true;
    const std::string lower = ascii_lowered(line);
    return lower.find("updated") != std::string::npos ||
           lower.find("published") != std::string::npos ||
           lower.find("posted") != std::string::npos;
  };
  std::optional<InferredDate> first;
  for (const TimeExpr& t : tag_times(head, std::nullopt)) {
    // A full date, or the day of a full timestamp ("2024-07-10T14:03:00Z").
    bool day = t.type == "DATE" && t.value.size() == 10;
    bool stamp = t.type == "TIME" && t.value.size() == 16 && t.value[10] == 'T' &&
                 t.value[11] >= '0' && t.value[11] <= '9';
    if (!(day || stamp) || t.value[0] == 'X') continue;
    InferredDate d;
    d.value = t.value.substr(0, 10);
    d.evidence = t.text;
    d.span = t.span;
    if (byline(line_of(t.span))) return d;
    if (!first) first = d;
  }
  return first;
}

}  // namespace crosscheck::internal
