#include "annotate/quantity/token_phrases.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

#include "data/embedded.h"

namespace crosscheck::internal {
namespace {

constexpr char kAsciiLower[] = "abcdefghijklmnopqrstuvwxyz";

char lower_ascii(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? kAsciiLower[c - 'A'] : static_cast<char>(c);
}

// U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) at token[i].
bool curly_apostrophe_at(std::string_view token, std::size_t i) {
  return static_cast<unsigned char>(token[i]) == 0xE2 && i + 2 < token.size() &&
         static_cast<unsigned char>(token[i + 1]) == 0x80 &&
         static_cast<unsigned char>(token[i + 2]) == 0x99;
}

// The normalised words of column 0 of every phrase-table file.
std::vector<std::string> table_words() {
  std::vector<std::string> words;
  std::size_t count = 0;
  const EmbeddedFile* files = embedded_files(&count);
  for (std::size_t f = 0; f < count; ++f) {
    std::string_view name = files[f].name;
    if (!name.ends_with(".tsv") || !(name.starts_with("claims/") || name.starts_with("quantity/")))
      continue;
    for (const auto& row : data_tsv(name)) {
      if (row[0].empty()) continue;  // PhraseTable reports it
      TextLayer layer = segment(row[0]);
      for (std::size_t i = 0; i < layer.tokens.size(); ++i) {
        words.push_back(normalise_token(layer.token_text(i)));
      }
    }
  }
  return words;
}

}  // namespace

std::string normalise_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (curly_apostrophe_at(token, i)) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(lower_ascii(static_cast<unsigned char>(token[i])));
  }
  return out;
}

// ---- Hashing eight bytes at a time ---------------------------------------------

namespace {

// Up to eight bytes of p (n of them), zero-padded, without reading past them.
std::uint64_t load_padded(const char* p, std::size_t n) {
  std::uint64_t w = 0;
  std::memcpy(&w, p, n < 8 ? n : 8);
  return w;
}

// One multiply per eight bytes: the words are short, and the tables that use
// the hash compare the words themselves.
constexpr std::uint64_t kHashSeed = 0x9E3779B97F4A7C15ull;
constexpr std::uint64_t kHashMix = 0xBF58476D1CE4E5B9ull;
std::uint64_t hash_step(std::uint64_t h, std::uint64_t chunk) {
  h = (h ^ chunk) * kHashMix;
  return h ^ (h >> 32);
}

}  // namespace

// ---- PhraseVocabulary -------------------------------------------------------

const PhraseVocabulary& PhraseVocabulary::instance() {
  static const PhraseVocabulary kVocabulary(table_words());
  return kVocabulary;
}

PhraseVocabulary::PhraseVocabulary(const std::vector<std::string>& words) {
  // The distinct words (the table files repeat many) size the table: a
  // quarter full at most.
  std::vector<std::string_view> distinct;
  for (const std::string& w : words) {
    if (!w.empty()) distinct.push_back(w);
  }
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::size_t capacity = 16;
  while (capacity < 4 * (distinct.size() + 1)) capacity *= 2;
  slots_.assign(capacity, kUnknown);
  mask_ = capacity - 1;
  if (distinct.size() >= kIdBits) throw std::logic_error("phrase vocabulary: too many words");
  words_.emplace_back();  // kUnknown
  keys_.emplace_back();
  lengths_.push_back(0);
  for (const std::string& w : words) {  // ids in first-seen order
    if (w.empty()) continue;
    if (w.size() > 255) throw std::logic_error("phrase vocabulary: word \"" + w + "\" is too long");
    const std::uint64_t h = hash(w);
    if (find(w, load_padded(w.data(), w.size()), h) != kUnknown) continue;
    std::size_t at = h & mask_;
    while ((slots_[at] & kIdBits) != kUnknown) at = (at + 1) & mask_;
    if (at != (h & mask_)) slots_[h & mask_] |= kDisplaced;
    const auto id = static_cast<std::uint32_t>(words_.size());
    slots_[at] = slot_length(w.size()) << kLengthShift | id;
    words_.push_back(w);
    keys_.push_back(Key{load_padded(w.data(), w.size()),
                        w.size() > 8 ? load_padded(w.data() + 8, w.size() - 8) : 0});
    lengths_.push_back(static_cast<std::uint8_t>(w.size()));
    max_length_ = std::max(max_length_, w.size());
  }
}

std::uint64_t PhraseVocabulary::hash(std::string_view word) {
  std::uint64_t h = kHashSeed ^ word.size();
  const char* p = word.data();
  std::size_t left = word.size();
  for (; left >= 8; p += 8, left -= 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    h = hash_step(h, chunk);
  }
  if (left > 0) {
    // The last bytes zero-padded, as a little-endian load gives them (what
    // normalise_tokens' one-register path hashes).
    std::uint64_t chunk = 0;
    for (std::size_t k = 0; k < left; ++k)
      chunk |= std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
    h = hash_step(h, chunk);
  }
  return h;
}

std::uint32_t PhraseVocabulary::id(std::string_view word, std::uint64_t h) const {
  return find(word, load_padded(word.data(), word.size()), h);
}

// ---- NormalisedTokens -------------------------------------------------------

namespace {

constexpr std::uint64_t kHighs = 0x8080808080808080ull;

// The first n bytes (n <= 8) of a little-endian eight-byte load.
constexpr std::uint64_t kFirstBytes[9] = {
    0,
    0xFF,
    0xFFFF,
    0xFFFFFF,
    0xFFFFFFFF,
    0xFFFFFFFFFFull,
    0xFFFFFFFFFFFFull,
    0xFFFFFFFFFFFFFFull,
    ~0ull,
};

// Length of a normalised word without a possessive ending ("'s", or "'"
// after an s), and whether it had one.
std::size_t without_possessive(const char* w, std::size_t len, bool* possessive) {
  if (len > 2 && w[len - 2] == '\'' && w[len - 1] == 's') {
    *possessive = true;
    return len - 2;
  }
  if (len > 1 && w[len - 1] == '\'' && w[len - 2] == 's') {
    *possessive = true;  // plural possessive: "states'"
    return len - 1;
  }
  *possessive = false;
  return len;
}

}  // namespace

NormalisedTokens normalise_tokens(const TextLayer& text) {
  NormalisedTokens out;
  normalise_tokens(text, out);
  return out;
}

void normalise_tokens(const TextLayer& text, NormalisedTokens& out) {
  const PhraseVocabulary& vocabulary = PhraseVocabulary::instance();
  const std::size_t n = text.tokens.size();
  const std::size_t text_size = text.text.size();
  // Every element below n is written: resizing a reused object zeroes only
  // the views it grows by (the numbers' vectors leave theirs uninitialised).
  out.lowered_.clear();
  out.words.resize(n);
  out.ids.resize(n);
  out.possessive.resize(n);
  out.hashes.resize(n);
  // The words are views of the lower-cased text: segment()'s TextLayer::lower
  // (A-Z lower-cased, 8 NUL bytes after), which differs from normalise_token
  // only in curly apostrophes. It is used when it lives on the heap (a move
  // of the layer keeps its bytes where they are; a short string's would go
  // along); otherwise a copy is made here.
  const auto lower_at = reinterpret_cast<std::uintptr_t>(text.lower.data());
  const auto layer_at = reinterpret_cast<std::uintptr_t>(&text.lower);
  const bool heap_lower = text.lower.size() == text_size + 8 &&
                          (lower_at < layer_at || lower_at >= layer_at + sizeof(text.lower));
  if (!heap_lower) {
    out.lowered_.assign(text_size + 8, '\0');
    for (std::size_t k = 0; k < text_size; ++k) {
      out.lowered_[k] = lower_ascii(static_cast<unsigned char>(text.text[k]));
    }
  }
  const char* source = heap_lower ? text.lower.data() : out.lowered_.data();
  const Token* tokens = text.tokens.data();
  // Plain pointers: the stores below would make the compiler reload the
  // vectors' data pointers.
  std::string_view* words = out.words.data();
  std::uint64_t* hashes = out.hashes.data();
  std::uint32_t* ids = out.ids.data();
  std::uint8_t* possessive = out.possessive.data();
  const PhraseVocabulary::ShortFinder finder{vocabulary};
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t begin = tokens[i].begin, size = tokens[i].end - begin;
    const char* start = source + begin;
    if constexpr (std::endian::native == std::endian::little) {
      // Most tokens are ASCII words of at most eight bytes: hashed and looked
      // up in one register (the padding makes the eight-byte load safe).
      if (size - 1 < 8) {
        std::uint64_t chunk;
        std::memcpy(&chunk, start, 8);
        chunk &= kFirstBytes[size];
        if ((chunk & kHighs) == 0) {
          std::size_t kept = size;
          bool poss = false;
          if (size >= 2) {
            const auto ending = static_cast<std::uint16_t>(chunk >> (8 * (size - 2)));
            if (ending == ('\'' | 's' << 8) || ending == ('s' | '\'' << 8)) [[unlikely]] {
              kept = without_possessive(start, size, &poss);
              chunk &= kFirstBytes[kept];
            }
          }
          const std::uint64_t h = hash_step(kHashSeed ^ kept, chunk);  // kept > 0
          words[i] = std::string_view(start, kept);
          hashes[i] = h;
          ids[i] = finder.find(kept, chunk, h);
          possessive[i] = poss;
          continue;
        }
      } else if (size - 9 < 8) {
        // ASCII words of nine to sixteen bytes: the same in two registers.
        std::uint64_t first, second;
        std::memcpy(&first, start, 8);
        std::memcpy(&second, start + 8, 8);
        second &= kFirstBytes[size - 8];
        if (((first | second) & kHighs) == 0) {
          std::size_t kept = size;
          bool poss = false;
          const char last = start[size - 1], before_last = start[size - 2];
          if ((last == 's' && before_last == '\'') || (last == '\'' && before_last == 's'))
              [[unlikely]] {
            kept = without_possessive(start, size, &poss);
            if (kept <= 8) {
              first &= kFirstBytes[kept];
              second = 0;
            } else {
              second &= kFirstBytes[kept - 8];
            }
          }
          std::uint64_t h = hash_step(kHashSeed ^ kept, first);
          if (kept > 8) h = hash_step(h, second);
          words[i] = std::string_view(start, kept);
          hashes[i] = h;
          ids[i] = finder.find(kept, first, second, h);
          possessive[i] = poss;
          continue;
        }
      }
    }
    // Longer or non-ASCII words: lower-cased already; only a curly
    // apostrophe (E2 80 99) makes a copy, written where the word is in
    // lowered_ (a normalised word is never longer, so words never overlap).
    const std::string_view raw(start, size);
    std::size_t len = size;
    if (std::memchr(start, 0xE2, size) != nullptr) {
      if (out.lowered_.empty()) out.lowered_.assign(text_size + 8, '\0');
      char* copy = out.lowered_.data() + begin;
      len = 0;
      for (std::size_t k = 0; k < size; ++k) {
        char c = raw[k];
        if (curly_apostrophe_at(raw, k)) {
          c = '\'';
          k += 2;
        }
        copy[len++] = c;
      }
      start = copy;
    }
    bool poss = false;
    const std::string_view w(start, without_possessive(start, len, &poss));
    const std::uint64_t h = PhraseVocabulary::hash(w);
    words[i] = w;
    hashes[i] = h;
    ids[i] = vocabulary.id(w, h);
    possessive[i] = poss;
  }
}

// ---- PhraseTable ------------------------------------------------------------

PhraseTable::PhraseTable(std::string_view name) {
  const PhraseVocabulary& vocabulary = PhraseVocabulary::instance();
  for (const auto& row : data_tsv(name)) {
    if (row[0].empty()) {
      report_data_row(name, row, "no phrase");
      continue;
    }
    TextLayer layer = segment(row[0]);
    Entry e;
    for (std::size_t i = 0; i < layer.tokens.size(); ++i) {
      e.words.push_back(normalise_token(layer.token_text(i)));
      e.ids.push_back(vocabulary.id(e.words.back()));
      if (e.ids.back() == PhraseVocabulary::kUnknown) {
        throw std::logic_error("phrase table " + std::string(name) + ": \"" + e.words.back() +
                               "\" is not in the phrase vocabulary");
      }
    }
    if (e.words.empty()) continue;
    e.value = std::string(row.size() > 1 ? row[1] : row[0]);
    if (row.size() > 2) e.extra = std::string(row[2]);
    entries_.push_back(std::move(e));
  }
  // Compressed rows by first word id, keeping file order within a row.
  first_begin_.assign(vocabulary.size() + 1, 0);
  for (const Entry& e : entries_) ++first_begin_[e.ids.front() + 1];
  for (std::size_t id = 0; id < vocabulary.size(); ++id) first_begin_[id + 1] += first_begin_[id];
  by_first_.resize(entries_.size());
  std::vector<std::uint32_t> fill(first_begin_.begin(), first_begin_.end() - 1);
  single_.assign(vocabulary.size(), kNoEntry);
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    std::uint32_t first = entries_[k].ids.front();
    by_first_[fill[first]++] = static_cast<std::uint32_t>(k);
    if (entries_[k].ids.size() == 1 && single_[first] == kNoEntry) {
      single_[first] = static_cast<std::uint32_t>(k);
    }
  }
}

PhraseTable::Match PhraseTable::match_from(const NormalisedTokens& tokens, std::size_t i,
                                           std::size_t end) const {
  Match best;
  const std::uint32_t first = tokens.ids[i];
  for (std::uint32_t k = first_begin_[first]; k < first_begin_[first + 1]; ++k) {
    const Entry& e = entries_[by_first_[k]];
    const std::size_t len = e.ids.size();
    if (i + len > end || len <= best.length) continue;
    bool same = true;
    for (std::size_t w = 1; w < len && same; ++w) same = tokens.ids[i + w] == e.ids[w];
    if (same) best = Match{&e, len};
  }
  return best;
}

const PhraseTable::Entry* PhraseTable::find_word(std::string_view word) const {
  return find_id(PhraseVocabulary::instance().id(word));
}

}  // namespace crosscheck::internal
