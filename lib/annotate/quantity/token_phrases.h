// Token-level phrase tables read from data files, shared by the quantity
// tagger and the claim extractor. Matching is case-insensitive, over tokens,
// so no regular expression ever runs over document text.
//
// Every word of every phrase table has an id in one vocabulary, built once
// (thread-safe static initialisation) and read-only afterwards. A document's
// tokens are interned once (`normalise_tokens`); phrase tables then match on
// ids, and a token that starts no phrase of a table costs one array look-up.
#ifndef CROSSCHECK_LIB_ANNOTATE_QUANTITY_TOKEN_PHRASES_H_
#define CROSSCHECK_LIB_ANNOTATE_QUANTITY_TOKEN_PHRASES_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "text/segment.h"

namespace crosscheck::internal {

/// Whether two words are equal: a byte loop, which beats a memcmp call on
/// words of a few bytes (hash tables compare only after equal hashes).
inline bool same_word(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

/// An allocator whose vectors leave new elements of trivial types
/// uninitialised on resize(n): a reused buffer that every document overwrites
/// whole need not be zeroed each time it grows back.
template <class T>
struct UninitialisedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitialisedAllocator<U>;
  };
  UninitialisedAllocator() = default;
  template <class U>
  UninitialisedAllocator(const UninitialisedAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;  // default-, not value-initialised
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
/// A vector of numbers that resize() does not zero.
template <class T>
using UninitialisedVector = std::vector<T, UninitialisedAllocator<T>>;

struct NormalisedTokens;
NormalisedTokens normalise_tokens(const TextLayer& text);
void normalise_tokens(const TextLayer& text, NormalisedTokens& out);

/// Lowercases ASCII, maps the typographic apostrophe to "'".
std::string normalise_token(std::string_view token);

/// The words of all phrase tables (the first column of every TSV file under
/// lib/data/claims and lib/data/quantity, tokenised like document text).
class PhraseVocabulary {
 public:
  /// Id of words that are in no phrase table.
  static constexpr std::uint32_t kUnknown = 0;

  /// The one vocabulary, built on first use.
  static const PhraseVocabulary& instance();

  /// Builds a vocabulary of `words` (normalised; duplicates are ignored).
  explicit PhraseVocabulary(const std::vector<std::string>& words);
  /// Id of a normalised word, kUnknown when no table has it.
  std::uint32_t id(std::string_view word) const { return id(word, hash(word)); }
  /// The same, given hash(word).
  std::uint32_t id(std::string_view word, std::uint64_t word_hash) const;
  /// The hash the vocabulary uses (of the bytes, eight at a time).
  static std::uint64_t hash(std::string_view word);
  /// Number of ids (kUnknown included): every id is below it.
  std::size_t size() const { return words_.size(); }
  /// The word of an id ("" for kUnknown).
  std::string_view word(std::uint32_t id) const { return words_[id]; }

 private:
  friend void normalise_tokens(const TextLayer& text, NormalisedTokens& out);
  // A slot holds an id in its low bits (kIdBits), kDisplaced, and the word's
  // length (127 for any longer) in the high bits: four bytes, so the table
  // stays in the L1 cache. kDisplaced marks a slot that is the first probe of
  // a word stored further on: a word whose first probe holds another word
  // and not kDisplaced is in no table.
  static constexpr std::uint32_t kIdBits = (1u << 24) - 1;
  static constexpr std::uint32_t kDisplaced = 1u << 24;
  static constexpr unsigned kLengthShift = 25;
  static constexpr std::uint32_t slot_length(std::size_t length) {
    return length < 127 ? static_cast<std::uint32_t>(length) : 127;
  }
  // The first sixteen bytes of a word, zero-padded.
  struct Key {
    std::uint64_t first = 0, second = 0;
  };
  // Whether slot s holds the word (the rest of a word longer than eight bytes
  // is compared only then).
  bool holds(std::uint32_t s, std::string_view word, std::uint64_t prefix) const {
    const std::uint32_t id = s & kIdBits;
    return (s >> kLengthShift) == slot_length(word.size()) && keys_[id].first == prefix &&
           lengths_[id] == word.size() && (word.size() <= 8 || same_word(words_[id], word));
  }
  // Id of `word`, given its first eight bytes zero-padded and its hash.
  std::uint32_t find(std::string_view word, std::uint64_t prefix, std::uint64_t word_hash) const {
    if (word.size() > max_length_ || word.empty()) return kUnknown;
    for (std::size_t at = word_hash & mask_;; at = (at + 1) & mask_) {
      const std::uint32_t s = slots_[at];
      if ((s & kIdBits) == kUnknown) return kUnknown;
      if (holds(s, word, prefix)) return s & kIdBits;
    }
  }
  // find() for words of one to sixteen bytes (their bytes, zero-padded, in
  // `first` and `second`), from plain copies of the table (a document's
  // stores cannot make the compiler reload them), without a branch on whether
  // the first probe holds the word: it decides but after a displaced word.
  struct ShortFinder {
    const PhraseVocabulary& vocabulary;
    const std::uint32_t* slots = vocabulary.slots_.data();
    const Key* keys = vocabulary.keys_.data();
    std::size_t mask = vocabulary.mask_;

    // A word of one to eight bytes (all in `first`).
    std::uint32_t find(std::size_t length, std::uint64_t first, std::uint64_t word_hash) const {
      const std::uint32_t s = slots[word_hash & mask];
      const std::uint32_t id = s & kIdBits;
      // & rather than &&: no branches. The eight bytes and the length are the
      // whole word.
      const auto same =
          static_cast<std::uint32_t>((keys[id].first == first) & ((s >> kLengthShift) == length));
      return decide(s, same, length, first, 0, word_hash);
    }
    // A word of one to sixteen bytes.
    std::uint32_t find(std::size_t length, std::uint64_t first, std::uint64_t second,
                       std::uint64_t word_hash) const {
      const std::uint32_t s = slots[word_hash & mask];
      const std::uint32_t id = s & kIdBits;
      const auto same =
          static_cast<std::uint32_t>((keys[id].first == first) & (keys[id].second == second) &
                                     ((s >> kLengthShift) == length));
      return decide(s, same, length, first, second, word_hash);
    }
    // The slot's id if it holds the word (`same`: 1 or 0), else kUnknown or,
    // after a displaced word, what probing on finds. (One branch, rarely
    // taken: not one on `same`.)
    std::uint32_t decide(std::uint32_t s, std::uint32_t same, std::size_t length,
                         std::uint64_t first, std::uint64_t second, std::uint64_t word_hash) const {
      if ((s & kDisplaced & (same - 1u)) != 0) [[unlikely]] {
        char bytes[16];
        std::memcpy(bytes, &first, 8);
        std::memcpy(bytes + 8, &second, 8);
        return vocabulary.find(std::string_view(bytes, length), first, word_hash);
      }
      return s & kIdBits & (0u - same);
    }
  };
  std::vector<std::string> words_;     // by id
  std::vector<Key> keys_;              // by id
  std::vector<std::uint8_t> lengths_;  // by id (words are short: max_length_ < 256)
  std::vector<std::uint32_t> slots_;   // open addressing, size a power of two
  std::size_t mask_ = 0;               // slots_.size() - 1
  std::size_t max_length_ = 0;
};

/// Normalised token texts of a whole document, with possessive "'s" removed
/// (`possessive` records where it was), and their vocabulary ids. The words
/// are views into the TextLayer's lower-cased text (`lower`: the layer must
/// outlive them; moving it is fine) or into this object's own buffer, so it
/// can be moved but not copied.
struct NormalisedTokens {
  std::vector<std::string_view> words;
  // The numbers are not zeroed when a reused object grows: every element is
  // written. (The views are: std::string_view has no uninitialised state.)
  UninitialisedVector<std::uint32_t> ids;        ///< PhraseVocabulary ids, kUnknown for most words
  UninitialisedVector<std::uint64_t> hashes;     ///< PhraseVocabulary::hash of each word
  UninitialisedVector<std::uint8_t> possessive;  ///< 1 where "'s" or "'" was removed

  NormalisedTokens() = default;
  NormalisedTokens(NormalisedTokens&&) = default;
  NormalisedTokens& operator=(NormalisedTokens&&) = default;
  NormalisedTokens(const NormalisedTokens&) = delete;
  NormalisedTokens& operator=(const NormalisedTokens&) = delete;

 private:
  friend void normalise_tokens(const TextLayer& text, NormalisedTokens& out);
  std::vector<char> lowered_;  // lowercased copies of the words that needed it
};
NormalisedTokens normalise_tokens(const TextLayer& text);
/// The same into `out`, reusing its buffers (a thread's spare: no allocation
/// and no zeroing once they are large enough).
void normalise_tokens(const TextLayer& text, NormalisedTokens& out);

/// A list of phrases with up to two payload fields, from a TSV data file.
class PhraseTable {
 public:
  struct Entry {
    std::vector<std::string> words;
    std::vector<std::uint32_t> ids;  ///< vocabulary ids of `words`
    std::string value;               ///< second column (or the phrase itself)
    std::string extra;               ///< third column, may be empty
  };
  struct Match {
    const Entry* entry = nullptr;
    std::size_t length = 0;  ///< tokens matched
    explicit operator bool() const { return entry != nullptr; }
  };

  /// Loads lib/data/`name`; the phrase is split into tokens like document text.
  /// Its words must be in PhraseVocabulary::instance() (throws std::logic_error).
  explicit PhraseTable(std::string_view name);
  /// Longest phrase starting at token `i` (only tokens before `end` are used).
  Match match(const NormalisedTokens& tokens, std::size_t i, std::size_t end) const {
    // Most tokens start no phrase: decide that here, without a call.
    if (i >= end || i >= tokens.ids.size() || !starts_phrase(tokens.ids[i])) return Match{};
    return match_from(tokens, i, end);
  }
  /// Whether the single word is a one-token phrase of the table.
  const Entry* find_word(std::string_view word) const;
  /// The same for a vocabulary id.
  const Entry* find_id(std::uint32_t id) const {
    return id < single_.size() && single_[id] != kNoEntry ? &entries_[single_[id]] : nullptr;
  }
  /// Whether some phrase of the table starts with the word of this id.
  bool starts_phrase(std::uint32_t id) const {
    return id + 1 < first_begin_.size() && first_begin_[id] != first_begin_[id + 1];
  }
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  static constexpr std::uint32_t kNoEntry = static_cast<std::uint32_t>(-1);
  Match match_from(const NormalisedTokens& tokens, std::size_t i, std::size_t end) const;
  std::vector<Entry> entries_;
  // Entries by first word id, in file order: by_first_[first_begin_[id] ..
  // first_begin_[id + 1]) (compressed rows, one per vocabulary id).
  std::vector<std::uint32_t> first_begin_;
  std::vector<std::uint32_t> by_first_;
  std::vector<std::uint32_t> single_;  // id -> first one-word entry, or kNoEntry
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_ANNOTATE_QUANTITY_TOKEN_PHRASES_H_
