#include "annotate/quantity/token_phrases.h"

#include <cstring>
#include <stdexcept>

#include "data/embedded.h"

namespace crosscheck::internal {
namespace {

constexpr char kAsciiLower[] = "abcdefghijklmnopqrstuvwxyz";

char lower_ascii(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? kAsciiLower[c - 'A'] : static_cast<char>(c);
}

// Bytes as normalise_token maps them (ASCII lowercased), except 0 for 0xE2,
// which may start U+2019, and for NUL.
struct NormalisedBytes {
  unsigned char map[256];
  constexpr NormalisedBytes() : map() {
    for (int c = 0; c < 256; ++c) {
      map[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    map[0xE2] = 0;
  }
  constexpr unsigned char operator[](unsigned char c) const { return map[c]; }
};
constexpr NormalisedBytes kNormalised;

// U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) at token[i].
bool curly_apostrophe_at(std::string_view token, std::size_t i) {
  return static_cast<unsigned char>(token[i]) == 0xE2 && i + 2 < token.size() &&
         static_cast<unsigned char>(token[i + 1]) == 0x80 &&
         static_cast<unsigned char>(token[i + 2]) == 0x99;
}

// FNV-1a: the words are short, so a byte loop is as fast as anything, and
// normalise_tokens computes it while it copies.
constexpr std::uint64_t kFnvBasis = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

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
      if (row.empty() || row[0].empty()) continue;
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

// ---- PhraseVocabulary -------------------------------------------------------

const PhraseVocabulary& PhraseVocabulary::instance() {
  static const PhraseVocabulary kVocabulary(table_words());
  return kVocabulary;
}

PhraseVocabulary::PhraseVocabulary(const std::vector<std::string>& words) {
  words_.emplace_back();  // kUnknown
  std::size_t capacity = 16;
  while (capacity < 4 * (words.size() + 1)) capacity *= 2;
  slots_.assign(capacity, Slot{});
  for (const std::string& w : words) {
    if (w.empty()) continue;
    const std::uint64_t h = hash(w);
    const auto high = static_cast<std::uint32_t>(h >> 32);
    std::size_t at = h & (slots_.size() - 1);
    bool present = false;
    for (; slots_[at].id != kUnknown; at = (at + 1) & (slots_.size() - 1)) {
      if (slots_[at].hash == high && words_[slots_[at].id] == w) {
        present = true;
        break;
      }
    }
    if (present) continue;
    slots_[at] = Slot{high, static_cast<std::uint32_t>(words_.size())};
    words_.push_back(w);
    max_length_ = std::max(max_length_, w.size());
  }
}

std::uint64_t PhraseVocabulary::hash(std::string_view word) {
  std::uint64_t h = kFnvBasis;
  for (char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

std::uint32_t PhraseVocabulary::id(std::string_view word, std::uint64_t h) const {
  if (word.empty() || word.size() > max_length_) return kUnknown;
  const auto high = static_cast<std::uint32_t>(h >> 32);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = h & mask; slots_[at].id != kUnknown; at = (at + 1) & mask) {
    if (slots_[at].hash == high && same_word(words_[slots_[at].id], word)) return slots_[at].id;
  }
  return kUnknown;
}

// ---- NormalisedTokens -------------------------------------------------------

NormalisedTokens normalise_tokens(const TextLayer& text) {
  const PhraseVocabulary& vocabulary = PhraseVocabulary::instance();
  NormalisedTokens out;
  const std::size_t n = text.tokens.size();
  out.words.resize(n);
  out.ids.resize(n);
  out.possessive.resize(n);
  out.hashes.resize(n);
  // Normalising never lengthens a word, so the buffer never reallocates
  // (the views into it stay valid).
  out.lowered_.resize(text.text.size());
  char* buffer = out.lowered_.data();
  std::size_t used = 0;
  const char* source = text.text.data();
  for (std::size_t i = 0; i < n; ++i) {
    const Token& token = text.tokens[i];
    const std::string_view raw(source + token.begin, token.end - token.begin);
    // Every word is copied lowercased (cheaper than testing whether it needs
    // it) and hashed on the way; the hashes of the word without its last one
    // and two bytes are kept for a possessive ending.
    char* start = buffer + used;
    std::size_t len = 0;
    std::uint64_t h = kFnvBasis, h1 = kFnvBasis, h2 = kFnvBasis;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      unsigned char c = kNormalised[static_cast<unsigned char>(raw[k])];
      if (c == 0) {  // 0xE2 (maybe U+2019) or NUL
        c = static_cast<unsigned char>(raw[k]);
        if (curly_apostrophe_at(raw, k)) {
          c = '\'';
          k += 2;
        }
      }
      start[len++] = static_cast<char>(c);
      h2 = h1;
      h1 = h;
      h = (h ^ c) * kFnvPrime;
    }
    used += len;
    std::string_view w(start, len);
    bool poss = false;
    if (w.size() > 2 && w.ends_with("'s")) {
      w.remove_suffix(2);
      h = h2;
      poss = true;
    } else if (w.size() > 1 && w.back() == '\'' && w[w.size() - 2] == 's') {
      w.remove_suffix(1);  // plural possessive: "states'"
      h = h1;
      poss = true;
    }
    out.words[i] = w;
    out.hashes[i] = h;
    out.ids[i] = vocabulary.id(w, h);
    out.possessive[i] = poss;
  }
  return out;
}

// ---- PhraseTable ------------------------------------------------------------

PhraseTable::PhraseTable(std::string_view name) {
  const PhraseVocabulary& vocabulary = PhraseVocabulary::instance();
  for (const auto& row : data_tsv(name)) {
    if (row.empty() || row[0].empty()) continue;
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
