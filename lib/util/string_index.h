// A flat open-addressing map from short strings (words, phrase keys) to
// values, with lookups by string_view that never allocate. It owns its key
// bytes, so it can be copied freely (offsets, not pointers, name the keys).
#ifndef CROSSCHECK_LIB_UTIL_STRING_INDEX_H_
#define CROSSCHECK_LIB_UTIL_STRING_INDEX_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crosscheck::internal {

/// Hash of a short string, eight bytes at a time (keys are words and short phrases).
inline std::uint64_t short_string_hash(std::string_view s) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xFF51AFD7ED558CCDull);
  const char* p = s.data();
  std::size_t n = s.size();
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    // The last 1-7 bytes with at most two loads (no byte loop).
    std::uint64_t w;
    if (n >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      w = (std::uint64_t{a} << 32) | b;
    } else {
      w = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
          (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
          static_cast<unsigned char>(p[n - 1]);
    }
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
  }
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 32);
}

/// The default hash of a StringIndex.
struct ShortStringHash {
  std::uint64_t operator()(std::string_view s) const { return short_string_hash(s); }
};

/// A one-hash Bloom filter in front of an open-addressing table of `slots`
/// slots (a power of two, at least 16), four bits per slot, read from bits 40
/// and up of a 64-bit hash: most look-ups are misses, and the bits stay in
/// cache where the slots do not.
class HashFilter {
 public:
  /// Empties the filter and sizes it for a table of `slots` slots.
  void reset(std::size_t slots) { bits_.assign(slots / 16, 0); }
  /// Whether a key with hash `h` may have been added (never false for one
  /// that was). The filter must have been reset() first.
  bool may_contain(std::uint64_t h) const {
    const std::size_t b = bit(h);
    return (bits_[b >> 6] >> (b & 63)) & 1;
  }
  void add(std::uint64_t h) {
    const std::size_t b = bit(h);
    bits_[b >> 6] |= std::uint64_t{1} << (b & 63);
  }

 private:
  std::size_t bit(std::uint64_t h) const { return (h >> 40) & (bits_.size() * 64 - 1); }
  std::vector<std::uint64_t> bits_;
};

/// Map from strings to `Value`s; values live in insertion order (see `values()`).
/// `Hash` lets callers that already hashed their words (with another function)
/// pass those hashes in instead of hashing again.
template <typename Value, typename Hash = ShortStringHash>
class StringIndex {
 public:
  /// The value stored under `key`, or nullptr.
  const Value* find(std::string_view key) const { return find(key, Hash{}(key)); }
  /// The same, given `hash == Hash{}(key)` (to look one key up in several maps).
  const Value* find(std::string_view key, std::uint64_t hash) const {
    if (slots_.empty() || !filter_.may_contain(hash)) return nullptr;
    std::size_t slot = locate(key, hash);
    return slot == kNone || slots_.empty() || slots_[slot].value == 0
               ? nullptr
               : &values_[slots_[slot].value - 1];
  }
  Value* find(std::string_view key) { return find(key, Hash{}(key)); }
  Value* find(std::string_view key, std::uint64_t hash) {
    return const_cast<Value*>(static_cast<const StringIndex&>(*this).find(key, hash));
  }

  /// The value under `key` (inserted as `Value{}` when absent) and whether it was
  /// inserted. The pointer is valid until the next insertion.
  std::pair<Value*, bool> try_emplace(std::string_view key) {
    return try_emplace(key, Hash{}(key));
  }
  /// The same, given `h == Hash{}(key)`.
  std::pair<Value*, bool> try_emplace(std::string_view key, std::uint64_t h) {
    if ((values_.size() + 1) * 2 > slots_.size()) grow((values_.size() + 1) * 2);
    std::size_t slot = locate(key, h);
    Slot& s = slots_[slot];
    if (s.value != 0) return {&values_[s.value - 1], false};
    if (chars_.size() + key.size() > UINT32_MAX)
      throw std::length_error("StringIndex: keys too long");
    s.offset = static_cast<std::uint32_t>(chars_.size());
    s.length = static_cast<std::uint32_t>(key.size());
    s.hash = static_cast<std::uint32_t>(h);
    chars_.append(key);
    values_.emplace_back();
    s.value = static_cast<std::uint32_t>(values_.size());
    filter_.add(h);
    return {&values_.back(), true};
  }

  /// Makes room for `n` keys without rehashing.
  void reserve(std::size_t n) {
    if (n * 2 > slots_.size()) grow(n * 2);
    values_.reserve(n);
  }

  /// Empties the index but keeps its storage (for reuse, as from one
  /// document to the next).
  void clear() {
    if (values_.empty()) return;
    std::fill(slots_.begin(), slots_.end(), Slot{});
    filter_.reset(slots_.size());
    chars_.clear();
    values_.clear();
  }
  /// The bytes of storage it holds.
  std::size_t capacity_bytes() const {
    return chars_.capacity() + slots_.capacity() * sizeof(Slot) + slots_.size() / 8 +
           values_.capacity() * sizeof(Value);
  }

  std::size_t size() const { return values_.size(); }
  /// Values in insertion order (the i-th key inserted owns values()[i]).
  const std::vector<Value>& values() const { return values_; }

 private:
  struct Slot {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    std::uint32_t hash = 0;
    std::uint32_t value = 0;  // index + 1 into values_; 0: empty
  };
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::string_view key_of(const Slot& s) const {
    return std::string_view(chars_.data() + s.offset, s.length);
  }

  // The slot holding `key`, or the empty slot where it would go.
  // Keys are short: a byte loop, not a memcmp call.
  static bool same_chars(const char* stored, std::string_view key) {
    for (std::size_t k = 0; k < key.size(); ++k) {
      if (stored[k] != key[k]) return false;
    }
    return true;
  }

  std::size_t locate(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return kNone;
    std::size_t mask = slots_.size() - 1;
    auto h32 = static_cast<std::uint32_t>(h);
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.value == 0) return i;
      if (s.hash == h32 && s.length == key.size() && same_chars(chars_.data() + s.offset, key))
        return i;
    }
  }

  void grow(std::size_t min_slots) {
    std::size_t size = 16;
    while (size < min_slots) size *= 2;
    if (size <= slots_.size()) return;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(size, Slot{});
    filter_.reset(size);
    std::size_t mask = size - 1;
    for (const Slot& s : old) {
      if (s.value == 0) continue;
      std::uint64_t h = Hash{}(key_of(s));
      std::size_t i = h & mask;
      while (slots_[i].value != 0) i = (i + 1) & mask;
      slots_[i] = s;
      filter_.add(h);
    }
  }

  std::string chars_;
  std::vector<Slot> slots_;  // size is zero or a power of two (at least 16)
  HashFilter filter_;        // (in front of the slots)
  std::vector<Value> values_;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_UTIL_STRING_INDEX_H_
