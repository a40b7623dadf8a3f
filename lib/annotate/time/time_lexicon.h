// The temporal tagger's lexicon (lib/data/time/*.tsv), built once and shared.
#ifndef CROSSCHECK_LIB_ANNOTATE_TIME_TIME_LEXICON_H_
#define CROSSCHECK_LIB_ANNOTATE_TIME_TIME_LEXICON_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosscheck::internal::time {

/// What one lower-case word can mean; 0 / empty fields mean "not this class".
/// What the tagger tests of a word that may begin an expression lies in the
/// first cache line: the numbers, the pointers and which strings are set
/// (`has`); the strings come last, read only when a pattern uses them.
struct alignas(64) WordInfo {
  int month = 0;           ///< full month name, 1-12
  int month_abbr = 0;      ///< abbreviation ("Sept"), 1-12
  int weekday = 0;         ///< 1 = Monday ... 7 = Sunday
  int weekday_plural = 0;  ///< "Tuesdays"
  int number = -2;         ///< cardinal; -1 = unspecified ("few"); -2 = none
  int ordinal = 0;         ///< "third" = 3; "last" = -1
  char unit = 0;           ///< Y M W D H N S E C Q K F L J
  bool plural = false;     ///< plural unit ("years")
  bool tonight = false;
  bool plan = false;           ///< "planned", "scheduled": what they govern lies ahead of them
  bool generic_noun = false;   ///< "today's youth", "the world of tomorrow": not a date
  bool discourse = false;      ///< "Now, ..." opening a sentence: a discourse marker, not a time
  bool rate_marker = false;    ///< "average daily volume": a frequency word after it is a rate
  bool holiday_noun = false;   ///< "Christmas trees", "Easter Island": a thing, not the day
  bool noun_after_to = false;  ///< "shot to death", "rose to power": "to" is no infinitive here
  bool implicative = false;    ///< "managed", "enough": the infinitive after it is the verb's time
  bool event_noun = false;     ///< "the November election": an event held on a date set ahead
  bool report_noun = false;    ///< "the November jobs report": an account of a month past
  bool result_noun = false;    ///< "the win Tuesday": an outcome the day has seen
  bool trigger = false;        ///< may begin an expression (the scanner skips other words)
  bool standalone = false;     ///< may be an expression on its own ("June", "now", "years")
  std::uint8_t has = 0;        ///< kHasSeason...: which of the strings below are not empty
  int day_offset = 99;         ///< yesterday -1, today 0, tomorrow 1
  int deictic = 99;            ///< last -1, this 0, next 1, recent -2, latest 3
  const std::vector<const struct Phrase*>* phrases = nullptr;   ///< phrases starting here
  const std::vector<const struct Phrase*>* holidays = nullptr;  ///< holidays starting here
  int direction = 0;                                            ///< ago/earlier -1, later/hence +1
  int weekday_abbr = 0;  ///< "Tues", "Thu": a weekday only before a date, 1-7
  int tense = 0;  ///< past -1, present 2, future 1, reporting verb 3, future before "to" 4, not a
                  ///< verb 5, a timetable verb 6

  static constexpr std::uint8_t kHasSeason = 1, kHasPartOfDay = 2, kHasVague = 4, kHasSet = 8,
                                kHasApprox = 16, kHasPosition = 32;

  std::string season;              ///< SP SU FA WI
  std::string part_of_day;         ///< MO AF EV NI
  std::string vague;               ///< PRESENT_REF / PAST_REF / FUTURE_REF
  std::string set;                 ///< TIMEX3 value of a frequency word ("P1D")
  std::string part_of_day_plural;  ///< "nights" -> NI
  std::string approx;              ///< TIMEX3 mod of an approximator ("APPROX")
  std::string position;            ///< START / MID / END
  bool change_verb = false;        ///< "became", "transformed": "overnight" with it means suddenly
  bool span_verb = false;   ///< "lasts", "takes": "a week" after it is a span, not a rate's unit
  bool adverb_set = false;  ///< "paid quarterly": a set only as an adverb, not "quarterly profit"
  bool unplanned_noun = false;   ///< "massacre", "crash": an event news reports once it happened
  bool day_part_noun = false;    ///< "shows", "sky": "the morning shows" is no time
  bool measure_noun = false;     ///< "people", "points", "pence": four digits before it count
  bool game_noun = false;        ///< "touchdown", "rebounds": "the fourth quarter" is the game's
  bool reschedule_verb = false;  ///< "postponed", "set": a date after "until"/"for" is the new one
  bool refusal = false;          ///< "say", "comment": "would not say Tuesday" refused it then
  bool other_calendar = false;   ///< "Lunar New Year", "Orthodox Easter": not the Gregorian day
  bool timezone = false;         ///< "EST", "GMT" after a clock time
  bool simple_past = false;      ///< "fell", "began": a past that is no participle, so finite
};

// The fields the tagger tests at every expression start share a cache line.
static_assert(offsetof(WordInfo, holidays) + sizeof(WordInfo::holidays) <= 64);

/// A multi-word expression from the data files.
struct Phrase {
  std::vector<std::string> words;       ///< lower-case tokens
  std::vector<const WordInfo*> infos;   ///< the lexicon entry of each word (compared by address)
  std::string type;                     ///< TIMEX3 type (phrases), or rule kind (holidays)
  std::string value;                    ///< TIMEX3 value or relative code ("+0Y")
  int month = 0, nth = 0, weekday = 0;  ///< holiday rules
  int offset = 0;  ///< days after the rule's day (Easter's, or an nth weekday's)
};

/// An event that news names by its month and day ("the Sept. 11 attacks").
struct DatedEvent {
  int month = 0, day = 0, year = 0;
  std::vector<const WordInfo*> nouns;  ///< words that name it after the date
};

struct TimeLexicon {
  std::unordered_map<std::string_view, WordInfo> words;
  std::vector<DatedEvent> dated_events;  ///< from events.tsv
  /// Phrases and holidays by first word, longest first.
  std::unordered_map<std::string_view, std::vector<const Phrase*>> phrases_by_first;
  std::unordered_map<std::string_view, std::vector<const Phrase*>> holidays_by_first;
  std::deque<std::string> storage;  // owns the keys' bytes (stable addresses)
  std::vector<Phrase> phrases;
  std::vector<Phrase> holidays;

  /// Open-addressing index over `words`. A key is hashed from its first and
  /// last eight bytes and its length, which also decide equality for keys of
  /// up to 16 bytes: a lookup costs a few multiplications, not a loop per byte.
  /// The probe table holds 16-bit slot numbers (0 = empty) and is sparse, so
  /// it stays in the L1 cache and a word is mostly decided by its first cell
  /// without a branch on whether it is known (that branch mispredicts often).
  struct Slot {
    std::uint64_t head = 0, tail = 0;  // key bytes [0, 8) and [len - 8, len) (0 if len <= 8)
    std::uint32_t length = 0;          // 0 in the sentinel, which matches no word
    std::uint8_t flags = 0;            // kTrigger | kStandalone | kNotHead | tense, from info
    const char* key = nullptr;
    const WordInfo* info = nullptr;
  };
  // The word fields the scanner tests at every token, kept next to the key so
  // that a rejected word never touches its WordInfo.
  static constexpr std::uint8_t kTrigger = 1, kStandalone = 2;
  static constexpr std::uint8_t kNotHead = 4;  ///< generic_noun or plan
  /// WordInfo::tense (-1 to 6) in bits 3-6, two's complement: the tense
  /// scanner reads it from the token, not from the word's WordInfo.
  static constexpr int kTenseShift = 3;
  static constexpr std::uint8_t tense_flags(int tense) {
    return static_cast<std::uint8_t>((tense & 15) << kTenseShift);
  }
  static constexpr int tense_of(std::uint8_t flags) { return ((flags >> kTenseShift) ^ 8) - 8; }
  std::vector<Slot> slots;                     // slots[0]: the sentinel "no entry" (at most 65536)
  std::vector<std::uint16_t> cells;            // size is a power of two
  int shift = 64;                              // 64 - log2(cells.size())
  std::array<const Slot*, 128> ascii_slots{};  // one-byte words: marks ("-", "/", "'")
  std::size_t max_length = 0;

  static std::uint64_t load8(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  /// Key words of `p[0, len)`; reads p[0, 8) even when len < 8 (masked).
  static void key_words(const char* p, std::size_t len, std::uint64_t* head, std::uint64_t* tail) {
    static constexpr std::uint64_t kKeep[9] = {
        0,    0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF,
        ~0ull};  // bytes of a short key
    *head = load8(p) & kKeep[len < 8 ? len : 8];
    *tail = len > 8 ? load8(p + len - 8) : 0;
  }
  /// Fibonacci hashing: the table takes the top bits. For a key of up to 8
  /// bytes (tail 0) it is one xor and one multiplication.
  static std::uint64_t hash(std::uint64_t head, std::uint64_t tail, std::size_t len) {
    return (head ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ len) * 0x9E3779B97F4A7C15ull;
  }
  /// The probe table's pointers, copied by value: a scanner that keeps them in
  /// locals need not reload them after each byte store to its own records
  /// (a byte store may alias anything, the lexicon included).
  struct Index {
    const Slot* slots;  // slots[0] is the sentinel
    const std::uint16_t* cells;
    std::size_t mask;  // cells.size() - 1
    std::size_t max_length;
    int shift;

    /// Looks up a lower-case word at p, 1 <= len; p[0, 8) must be readable.
    /// Returns the sentinel slot (info nullptr, flags 0) for an unknown word.
    const Slot* find(const char* p, std::size_t len) const {
      if (len > max_length) return slots;
      std::uint64_t head, tail;
      key_words(p, len, &head, &tail);
      std::size_t i = hash(head, tail, len) >> shift;
      std::uint16_t cell = cells[i];
      const Slot* s = slots + cell;
      // Bitwise, not short-circuit: no branch until the rare cases below.
      bool same = (s->head == head) & (s->tail == tail) & (s->length == len);
      if (__builtin_expect((same & (len <= 16)) | (cell == 0), 1)) return same ? s : slots;
      // A longer key, or the first cell holds another word: probe on.
      for (;; i = (i + 1) & mask) {
        cell = cells[i];
        if (!cell) return slots;
        s = slots + cell;
        if (s->head == head && s->tail == tail && s->length == len &&
            (len <= 16 || std::memcmp(s->key + 8, p + 8, len - 16) == 0)) {
          return s;
        }
      }
    }
    /// find() for a word of 1 to 7 bytes given as its key word `head` (the
    /// word's bytes, the rest zero), which the scanner holds in a register
    /// already. Keys hold no NUL byte, so such a head equals no other key's:
    /// not a longer key's (whose first 8 bytes are not NUL), nor the sentinel's
    /// (0), nor a key of another length.
    const Slot* find_short(std::uint64_t head, std::size_t len) const {
      std::size_t i = hash(head, 0, len) >> shift;
      std::uint32_t cell = cells[i];
      // In integers, not bools: a compiler turns `same || !cell` into a branch
      // on whether the word is known, which mispredicts often.
      std::uint32_t same = slots[cell].head == head;  // 0 or 1
      std::uint32_t other = cell & (same - 1);        // another word's cell
      if (__builtin_expect(other == 0, 1)) return slots + (cell & (0u - same));
      const Slot* s;
      for (;;) {  // the first cell holds another word: probe on
        i = (i + 1) & mask;
        cell = cells[i];
        if (!cell) return slots;
        s = slots + cell;
        if (s->head == head) return s;
      }
    }
  };
  Index index() const { return {slots.data(), cells.data(), cells.size() - 1, max_length, shift}; }
  /// Looks up a lower-case word at p, 1 <= len; p[0, 8) must be readable.
  /// Returns the sentinel slot (info nullptr, flags 0) for an unknown word.
  const Slot* find_padded(const char* p, std::size_t len) const { return index().find(p, len); }
  const WordInfo* find(std::string_view lower_word) const {
    if (lower_word.empty() || lower_word.size() > max_length) return nullptr;
    char buf[8] = {};
    const char* p = lower_word.data();
    if (lower_word.size() < 8) p = static_cast<const char*>(std::memcpy(buf, p, lower_word.size()));
    return find_padded(p, lower_word.size())->info;
  }
};

/// The lexicon, built on first use (thread-safe static initialisation).
const TimeLexicon& time_lexicon();

/// Splits lower-case ASCII text into the tagger's tokens (letters, digits, one punctuation mark).
std::vector<std::string> split_words(std::string_view text);

}  // namespace crosscheck::internal::time

#endif  // CROSSCHECK_LIB_ANNOTATE_TIME_TIME_LEXICON_H_
