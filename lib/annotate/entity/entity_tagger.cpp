// Entity mentions from the gazetteer, orthography and context; within-document
// coreference (names, acronyms, titles, definite descriptions, facilities).
//
// One pass over the words of each sentence finds names (gazetteer matches,
// titles + names, capitalised sequences with evidence of their type, acronym
// definitions); a second pass finds facility noun phrases ("the Amman office",
// "NATO's liaison office in Amman") and definite descriptions ("the alliance",
// "the kingdom") and resolves them to the most recent compatible entity.
#include "annotate/entity/entity_tagger.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "data/embedded.h"
#include "util/ascii.h"
#include "util/scratch.h"
#include "util/string_index.h"

namespace crosscheck::internal {
namespace {

// ---------------------------------------------------------------------------
// Tables from lib/data/entity, loaded once (thread-safe static init).

struct TitleInfo {
  std::size_t words = 1;
  bool honorific = false;  // "Mr": only directly before a name
  bool role = false;       // "citizen": only in appositions
};

struct DescriptionInfo {
  std::string type;
  std::vector<std::string> tags;  // empty: any entity of the type
};

// Everything the tables say about one key: single-word facts, and for the
// phrase tables (titles, demonyms, facility kinds) whether the key is a whole
// phrase key or only a prefix of one, so that matchers stop at the first word
// that no phrase can start with.
struct WordFacts {
  bool common = false;
  bool person_cue = false;
  bool given_name = false;
  bool title_prefix = false;    // some title key starts with this key
  bool demonym_prefix = false;  // some demonym key starts with this key
  bool kind_prefix = false;     // some facility kind key starts with this key
  // The bytes that follow this key in longer title (demonym, kind) keys, as
  // bits (next_bit): phrase matchers stop before looking up a longer phrase
  // whose next word starts with none of them.
  std::uint64_t title_next = 0;
  std::uint64_t demonym_next = 0;
  std::uint64_t kind_next = 0;
  bool title = false;  // a title key; `title_info` tells which
  bool demonym = false;
  bool is_kind = false;         // a facility kind key; `kind` tells which
  bool is_head = false;         // an organisation head word; `head` is its entity type
  bool is_description = false;  // a definite description head; see `description`
  TitleInfo title_info;
  std::string kind;
  std::string head;
  std::vector<std::string> head_tags;
  DescriptionInfo description;
};

// WordFacts' flags packed into one word, kept per distinct key (the tagger
// tests them at every word; the full entry is read only on a hit).
enum FactFlag : std::uint16_t {
  kCommon = 1 << 0,
  kPersonCue = 1 << 1,
  kGivenName = 1 << 2,
  kTitlePrefix = 1 << 3,
  kDemonymPrefix = 1 << 4,
  kKindPrefix = 1 << 5,
  kKind = 1 << 6,
  kHead = 1 << 7,
  kDescription = 1 << 8,
  kAliasStart = 1 << 9,   // (per word) capitalised, and some alias key starts with its key
  kDeterminer = 1 << 10,  // (not from the data files) "the", "this" or "that"
  kTitle = 1 << 11,       // a whole title key
  kDemonym = 1 << 12,     // a whole demonym key
  kParticle = 1 << 13,    // a name particle (particles.txt): "of", "al", "van"...
};

std::uint16_t fact_flags(const WordFacts* f) {
  if (!f) return 0;
  return static_cast<std::uint16_t>(
      (f->common ? kCommon : 0) | (f->person_cue ? kPersonCue : 0) |
      (f->given_name ? kGivenName : 0) | (f->title_prefix ? kTitlePrefix : 0) |
      (f->demonym_prefix ? kDemonymPrefix : 0) | (f->kind_prefix ? kKindPrefix : 0) |
      (f->is_kind ? kKind : 0) | (f->is_head ? kHead : 0) | (f->is_description ? kDescription : 0) |
      (f->title ? kTitle : 0) | (f->demonym ? kDemonym : 0));
}

// The hash of a key of up to eight bytes from its bytes as one integer
// (zero-padded, as `packed_key` reads them); longer keys by short_string_hash.
std::uint64_t packed_key_hash(std::uint64_t packed, std::size_t size) {
  std::uint64_t h = (packed ^ size) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}

struct WordKeyHash {
  std::uint64_t operator()(std::string_view s) const {
    if (s.size() > 8) return short_string_hash(s);
    std::uint64_t packed = 0;  // (as packed_key)
    if (!s.empty()) std::memcpy(&packed, s.data(), s.size());
    return packed_key_hash(packed, s.size());
  }
};

// Every key of the tables with its flags, for the look-up of each distinct
// word of a document. A slot holds all that a look-up needs, keys of up to
// eight bytes as one integer, so that a hit reads one cache line (the tables
// leave the cache between documents) rather than a slot, the key's bytes and
// an entry.
class FactsIndex {
 public:
  static constexpr std::uint32_t kNoFacts = UINT32_MAX;
  struct Slot {
    std::uint64_t tag = 0;    // the key's bytes (up to 8, zero-padded) or its WordKeyHash
    std::uint32_t facts = 0;  // index + 1 into the facts' values; 0: empty slot; or kNoFacts
    std::uint16_t flags = 0;  // fact_flags and `extra` flags
    std::uint16_t size = 0;   // the key's length
  };

  // Indexes `keys` (distinct) with their entries in `facts` and their
  // fact_flags, and the flags in `extra` (keys of up to eight bytes, with or
  // without facts).
  void build(const std::vector<std::string_view>& keys, const StringIndex<WordFacts>& facts,
             const std::vector<std::pair<std::string_view, std::uint16_t>>& extra) {
    std::size_t n = 16;
    while (n < (keys.size() + extra.size()) * 2) n *= 2;
    slots_.assign(n, Slot{});
    filter_.reset(n);
    long_keys_.assign(facts.size(), std::string());
    const WordFacts* first = facts.values().data();
    for (std::string_view k : keys) {
      const WordFacts* f = facts.find(k);
      if (!f) continue;  // (every key is in `facts`)
      auto index = static_cast<std::uint32_t>(f - first);
      std::uint64_t h = WordKeyHash{}(k);
      std::uint64_t tag = h;
      if (k.size() <= 8) {
        tag = 0;
        if (!k.empty()) std::memcpy(&tag, k.data(), k.size());
      } else {
        long_keys_[index] = std::string(k);
      }
      insert(Slot{tag, index + 1, fact_flags(f), static_cast<std::uint16_t>(k.size())}, h);
    }
    for (auto [k, flags] : extra) {
      if (k.size() > 8) continue;  // (none are)
      std::uint64_t tag = 0;
      if (!k.empty()) std::memcpy(&tag, k.data(), k.size());
      std::uint64_t h = WordKeyHash{}(k);
      if (Slot* s = find_slot(tag, h, k)) {
        s->flags |= flags;
      } else {
        insert(Slot{tag, kNoFacts, flags, static_cast<std::uint16_t>(k.size())}, h);
      }
    }
  }

  // The slot of the key with this tag (as Tagger::intern computes it), hash
  // (WordKeyHash) and bytes, or nullptr.
  const Slot* find(std::uint64_t tag, std::uint64_t h, std::string_view key) const {
    if (!filter_.may_contain(h)) return nullptr;
    std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = h & mask;; slot = (slot + 1) & mask) {
      const Slot& s = slots_[slot];
      if (s.facts == 0) return nullptr;
      if (s.tag == tag && s.size == key.size() &&
          (key.size() <= 8 || long_keys_[s.facts - 1] == key))
        return &s;
    }
  }
  // The facts of a slot's key, given the facts' values, or nullptr.
  static const WordFacts* facts_of(const Slot& s, const WordFacts* values) {
    return s.facts == kNoFacts ? nullptr : values + (s.facts - 1);
  }

 private:
  Slot* find_slot(std::uint64_t tag, std::uint64_t h, std::string_view key) {
    return const_cast<Slot*>(static_cast<const FactsIndex&>(*this).find(tag, h, key));
  }
  void insert(const Slot& s, std::uint64_t h) {
    std::size_t mask = slots_.size() - 1;
    std::size_t slot = h & mask;
    while (slots_[slot].facts != 0) slot = (slot + 1) & mask;
    slots_[slot] = s;
    filter_.add(h);
  }

  std::vector<Slot> slots_;             // a power of two, at most half full
  HashFilter filter_;                   // most words are in no table
  std::vector<std::string> long_keys_;  // by facts index: keys longer than eight bytes
};

struct Tables {
  std::unordered_map<std::string, TitleInfo> titles;  // Lexicon::key -> info
  std::size_t max_title_words = 1;
  std::unordered_map<std::string, DescriptionInfo> descriptions;
  std::unordered_map<std::string, std::string> facility_kinds;  // key -> kind
  std::size_t max_kind_words = 1;
  std::unordered_map<std::string, std::string> heads;                   // key -> type
  std::unordered_map<std::string, std::vector<std::string>> head_tags;  // key -> tags
  std::unordered_map<std::string, std::string> demonyms;                // key -> place id or "-"
  std::size_t max_demonym_words = 1;
  std::unordered_set<std::string> common;
  std::unordered_set<std::string> person_cues;
  std::unordered_set<std::string> given_names;
  std::vector<std::string> particles;  // keys of entity/particles.txt
  // All of the above by key, and the same keys with their flags.
  StringIndex<WordFacts> facts;
  FactsIndex entries;  // (hashes as the tagger's vocabulary)
};

std::size_t words_in(std::string_view phrase) {
  std::size_t n = 0;
  bool in = false;
  for (char c : phrase) {
    bool sep = c == ' ' || c == '-';
    if (!sep && !in) ++n;
    in = !sep;
  }
  return n;
}

std::vector<std::string_view> lines_of(std::string_view file) {
  std::vector<std::string_view> out;
  while (!file.empty()) {
    std::size_t eol = file.find('\n');
    std::string_view line = file.substr(0, eol);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') out.push_back(line);
    if (eol == std::string_view::npos) break;
    file.remove_prefix(eol + 1);
  }
  return out;
}

// A key byte as a bit of WordFacts' `*_next` masks (bytes may share a bit).
std::uint64_t next_bit(char c) { return std::uint64_t{1} << (static_cast<unsigned char>(c) & 63); }

// Indexes every key of the tables in `t.facts`; phrase keys with their prefixes.
void index_facts(Tables& t) {
  auto prefixes = [&](const std::string& k, bool WordFacts::*flag, std::uint64_t WordFacts::*next) {
    for (std::size_t n = 1; n <= k.size(); ++n) {
      WordFacts& f = *t.facts.try_emplace(k.substr(0, n)).first;
      f.*flag = true;
      if (n < k.size()) f.*next |= next_bit(k[n]);
    }
  };
  for (const auto& [k, info] : t.titles) {
    prefixes(k, &WordFacts::title_prefix, &WordFacts::title_next);
    WordFacts& f = *t.facts.try_emplace(k).first;
    f.title = true;
    f.title_info = info;
  }
  for (const auto& [k, place] : t.demonyms) {
    prefixes(k, &WordFacts::demonym_prefix, &WordFacts::demonym_next);
    t.facts.try_emplace(k).first->demonym = true;
  }
  for (const auto& [k, kind] : t.facility_kinds) {
    prefixes(k, &WordFacts::kind_prefix, &WordFacts::kind_next);
    WordFacts& f = *t.facts.try_emplace(k).first;
    f.is_kind = true;
    f.kind = kind;
  }
  for (const auto& [k, d] : t.descriptions) {
    WordFacts& f = *t.facts.try_emplace(k).first;
    f.is_description = true;
    f.description = d;
  }
  for (const auto& [k, type] : t.heads) {
    WordFacts& f = *t.facts.try_emplace(k).first;
    f.is_head = true;
    f.head = type;
  }
  for (const auto& [k, tags] : t.head_tags) t.facts.try_emplace(k).first->head_tags = tags;
  for (const auto& k : t.common) t.facts.try_emplace(k).first->common = true;
  for (const auto& k : t.person_cues) t.facts.try_emplace(k).first->person_cue = true;
  for (const auto& k : t.given_names) t.facts.try_emplace(k).first->given_name = true;
  std::vector<std::string_view> keys;
  std::unordered_set<std::string_view> seen;
  auto add_entry = [&](std::string_view k) {
    if (seen.insert(k).second) keys.push_back(k);
  };
  auto add_with_prefixes = [&](const std::string& k) {
    for (std::size_t n = 1; n <= k.size(); ++n) add_entry(std::string_view(k).substr(0, n));
  };
  for (const auto& entry : t.titles) add_with_prefixes(entry.first);
  for (const auto& entry : t.demonyms) add_with_prefixes(entry.first);
  for (const auto& entry : t.facility_kinds) add_with_prefixes(entry.first);
  for (const auto& entry : t.descriptions) add_entry(entry.first);
  for (const auto& entry : t.heads) add_entry(entry.first);
  for (const auto& entry : t.head_tags) add_entry(entry.first);
  for (const auto& k : t.common) add_entry(k);
  for (const auto& k : t.person_cues) add_entry(k);
  for (const auto& k : t.given_names) add_entry(k);
  // Keys flagged for the tagger's own tests: determiners, and the particles
  // kept between the capitalised words of a name ("Bank of England").
  std::vector<std::pair<std::string_view, std::uint16_t>> extra;
  for (std::string_view k : {"the", "this", "that"}) extra.emplace_back(k, kDeterminer);
  for (const std::string& k : t.particles) extra.emplace_back(k, kParticle);
  t.entries.build(keys, t.facts, extra);
}

Tables load_tables() {
  Tables t;
  for (const auto& row : data_tsv("entity/titles.tsv", 3)) {
    if (row[2] != "honorific" && row[2] != "title" && row[2] != "role") {
      report_data_row("entity/titles.tsv", row, "unknown kind");
      continue;
    }
    TitleInfo info{words_in(row[0]), row[2] == "honorific", row[2] == "role"};
    std::string k = Lexicon::key(row[0]);
    auto [it, inserted] = t.titles.emplace(k, info);
    if (!inserted && !info.role) it->second = info;  // a title sense wins over a role
    t.max_title_words = std::max(t.max_title_words, info.words);
  }
  for (const auto& row : data_tsv("entity/descriptions.tsv", 3)) {
    DescriptionInfo d{std::string(row[1]), {}};
    if (row[2] != "-") {
      std::string_view tags = row[2];
      while (!tags.empty()) {
        std::size_t bar = tags.find('|');
        d.tags.emplace_back(tags.substr(0, bar));
        if (bar == std::string_view::npos) break;
        tags.remove_prefix(bar + 1);
      }
    }
    t.descriptions.emplace(Lexicon::key(row[0]), std::move(d));
  }
  for (const auto& row : data_tsv("entity/facility_kinds.tsv", 2)) {
    t.facility_kinds.emplace(Lexicon::key(row[0]), std::string(row[1]));
    t.max_kind_words = std::max(t.max_kind_words, words_in(row[0]));
  }
  for (const auto& row : data_tsv("entity/org_heads.tsv", 2)) {
    std::string k = Lexicon::key(row[0]);
    t.heads.emplace(k, std::string(row[1]));
    std::vector<std::string>& tags = t.head_tags[k];
    tags.push_back(k);
    if (row.size() > 2) {
      std::string_view list = row[2];
      while (!list.empty()) {
        std::size_t bar = list.find('|');
        tags.emplace_back(list.substr(0, bar));
        if (bar == std::string_view::npos) break;
        list.remove_prefix(bar + 1);
      }
    }
  }
  for (const auto& row : data_tsv("entity/demonyms.tsv", 2)) {
    t.demonyms.emplace(Lexicon::key(row[0]), std::string(row[1]));
    t.max_demonym_words = std::max(t.max_demonym_words, words_in(row[0]));
  }
  for (std::string_view line : lines_of(data_file("entity/common_words.txt"))) {
    t.common.insert(Lexicon::key(line));
  }
  for (std::string_view line : lines_of(data_file("entity/person_cues.txt"))) {
    t.person_cues.insert(Lexicon::key(line));
  }
  for (std::string_view line : lines_of(data_file("entity/given_names.txt"))) {
    t.given_names.insert(Lexicon::key(line));
  }
  for (std::string_view line : lines_of(data_file("entity/particles.txt"))) {
    t.particles.push_back(Lexicon::key(line));
  }
  return t;
}

const Tables& tables() {
  static const Tables kTables = [] {
    Tables t = load_tables();
    index_facts(t);
    return t;
  }();
  return kTables;
}

// ---------------------------------------------------------------------------
// Words: tokens with possessive endings split off and hyphenated compounds
// split into parts, so "NATO’s" matches "NATO" and "NATO-ICI" holds two names.

struct Word {
  std::uint32_t begin = 0;  // (byte offsets and sentence as in Token)
  std::uint32_t end = 0;
  std::uint32_t sentence = 0;
  std::uint32_t key_at = 0;    // Lexicon::key(text) is at this offset in the key buffer,
                               // right after the previous word's key (see phrase_key)
  std::uint32_t key_size = 0;  // (see Tagger::key_of)
  std::uint32_t id = 0;        // the key's index in the document's vocabulary
  std::uint16_t flags = 0;     // FactFlag bits of the key
  bool punct = false;
  bool cap = false;            // starts with a capital letter
  bool upper = false;          // all capitals, two letters or more
  bool possessive = false;     // "'s" or "’s" followed it
  bool hyphen_before = false;  // joined to the previous word by a hyphen
};

bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 capitals (À..Þ) as UTF-8 C3 80..C3 9E.
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x80 &&
         static_cast<unsigned char>(s[1]) <= 0x9E && static_cast<unsigned char>(s[1]) != 0x97;
}

// Token i is a middle initial: one capital letter (or two written together,
// "H.W") and a full stop touching it, between two capitalised words of the
// same sentence ("Vladimir V. Putin", "George H.W. Bush"). Most sources leave it out, so the words
// do too: the name is the given name and surname, and its mention still spans it.
[[gnu::noinline]] bool middle_initial_at(const Token* tokens, std::size_t n_tokens, std::size_t i,
                                         const char* text) {
  if (i == 0 || i + 2 >= n_tokens) return false;
  const Token& initial = tokens[i];
  const Token& stop = tokens[i + 1];
  const Token& before = tokens[i - 1];
  const Token& after = tokens[i + 2];
  auto capitalised_word = [&](const Token& t) {
    return t.kind == Token::Kind::kWord && t.end - t.begin >= 2 && t.sentence == initial.sentence &&
           starts_upper(std::string_view(text + t.begin, t.end - t.begin));
  };
  auto upper = [&](std::size_t at) { return text[at] >= 'A' && text[at] <= 'Z'; };
  // One initial, or two written together ("H.W").
  const std::size_t size = initial.end - initial.begin;
  const bool letters = size == 1 ? upper(initial.begin)
                                 : size == 3 && upper(initial.begin) &&
                                       text[initial.begin + 1] == '.' && upper(initial.begin + 2);
  return initial.kind == Token::Kind::kWord && letters && stop.begin == initial.end &&
         stop.end - stop.begin == 1 && text[stop.begin] == '.' &&
         stop.sentence == initial.sentence && capitalised_word(before) &&
         before.end < initial.begin && capitalised_word(after) && stop.end < after.begin;
}

// A generational suffix that may end a person's name ("Joseph Biden Jr",
// "Joseph Murray II"): the surname is the word before it.
bool name_suffix(std::string_view w) {
  return w == "Jr" || w == "Sr" || w == "II" || w == "III" || w == "IV";
}

// The surname among a person's name words: the last, or the one before a
// generational suffix.
std::string_view surname_of(std::span<const std::string_view> words) {
  if (words.size() >= 2 && name_suffix(words.back())) return words[words.size() - 2];
  return words.empty() ? std::string_view{} : words.back();
}

bool is_hyphen(std::string_view s) {
  if (s.size() == 1) return s[0] == '-';
  return s.size() == 3 && s[0] == '\xE2' && s[1] == '\x80' && (s[2] == '\x90' || s[2] == '\x91');
}

// What Lexicon::write_key does with each byte: ASCII capitals are lowered,
// letters, digits and non-ASCII bytes kept, other ASCII dropped; '-' (a part
// boundary) and 0xE2 (maybe typographic punctuation) need a closer look.
enum KeyByteClass : std::uint8_t {
  kKeepByte = 1,
  kUpperByte = 2,  // (bit 1: counted as a capital)
  kLowerByte = 4,
  kSpecialByte = 8,
};

struct KeyBytes {
  std::uint8_t cls[256] = {};
  char lower[256] = {};
  constexpr KeyBytes() {
    for (int c = 0; c < 256; ++c) {
      lower[c] = static_cast<char>(c);
      if (c >= 'A' && c <= 'Z') {
        cls[c] = kKeepByte | kUpperByte;
        lower[c] = static_cast<char>(c - 'A' + 'a');
      } else if (c >= 'a' && c <= 'z') {
        cls[c] = kKeepByte | kLowerByte;
      } else if ((c >= '0' && c <= '9') || c >= 0x80) {
        cls[c] = kKeepByte;
      }
    }
    cls[static_cast<unsigned char>('-')] = kSpecialByte;
    cls[0xE2] = kKeepByte | kSpecialByte;
  }
};
constexpr KeyBytes kKeyBytes;

// A key of up to eight bytes as one integer: its bytes copied into a zeroed
// word. `p` must have eight readable bytes.
std::uint64_t packed_key(const char* p, std::size_t size) {
  std::uint64_t w = 0;
  if constexpr (std::endian::native == std::endian::little) {
    static constexpr std::uint64_t kLowBytes[9] = {0,
                                                   0xFF,
                                                   0xFFFF,
                                                   0xFFFFFF,
                                                   0xFFFFFFFF,
                                                   0xFFFFFFFFFF,
                                                   0xFFFFFFFFFFFF,
                                                   0xFFFFFFFFFFFFFF,
                                                   ~std::uint64_t{0}};
    std::memcpy(&w, p, 8);
    return w & kLowBytes[size];
  } else {
    std::memcpy(&w, p, size);
    return w;
  }
}

// ---------------------------------------------------------------------------
// Entities under construction.

enum class Origin : std::uint8_t { kLexicon, kPerson, kName, kFacility };

struct Draft {
  Origin origin = Origin::kName;
  std::string type;
  std::string id;  // known now for lexicon entities, computed at the end otherwise
  std::string name;
  // Persons: the longest name seen, as views of the text or of the lexicon
  // entity's name (both outlive the tagger): entries [name_at, name_at +
  // name_size) of the thread's name word pool (see Tagger::name_words).
  std::uint32_t name_at = 0;
  std::uint32_t name_size = 0;
  // Into the lexicon entity or the head word's table entry (both outlive the
  // tagger); null: no tags.
  const std::vector<std::string>* tags = nullptr;
  std::vector<std::string> located_in;
  // Aliases: a list in the thread's AliasRef pool (see Tagger::add_alias),
  // first and last entry + 1 (0: none), made strings only in finish().
  std::uint32_t first_alias = 0;
  std::uint32_t last_alias = 0;
  std::uint32_t alias_count = 0;
  // Name and title mentions so far (add_mention; descriptions are not
  // counted), and the first word of the latest: persons' surnames alone go
  // to the most mentioned person bearing them.
  std::uint32_t mention_count = 0;
  std::uint32_t last_mention_word = 0;
  // Facilities: owner entity, normalised kind and place entity (-1: unknown).
  long owner = -1;
  std::string kind;
  long place = -1;
};

struct RawMention {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t entity = 0;
  EntityMention::Kind kind = EntityMention::Kind::kName;
  std::uint32_t first_word = 0;  // the words it covers: [first_word, last_word)
  std::uint32_t last_word = 0;
};

// What slug() does with each byte: keeps it (lower-cased), drops it as a
// separator, or looks closer (apostrophes and dots are skipped, 0xE2 may start
// typographic punctuation).
struct SlugBytes {
  static constexpr std::uint8_t kKeep = 1;
  static constexpr std::uint8_t kSpecial = 2;
  std::uint8_t cls[256] = {};
  char lower[256] = {};
  constexpr SlugBytes() {
    for (int c = 0; c < 256; ++c) {
      lower[c] = static_cast<char>(c);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) cls[c] = kKeep;
      if (c >= 'A' && c <= 'Z') {
        cls[c] = kKeep;
        lower[c] = static_cast<char>(c - 'A' + 'a');
      }
    }
    cls[static_cast<unsigned char>('\'')] = cls[static_cast<unsigned char>('.')] = kSpecial;
    cls[0xE2] = kKeep | kSpecial;
    cls[0xC2] = kKeep | kSpecial;  // may start a no-break space
  }
};
constexpr SlugBytes kSlugBytes;

// `prefix` and the slug of `s`: lower-case letters and digits, runs of
// anything else as one '_' between them, apostrophes and dots dropped.
std::string slug(std::string_view s, std::string_view prefix = {}) {
  // Written in place: the slug is never longer than `s` (each '_' stands for
  // at least one byte dropped).
  std::string out(prefix.size() + s.size(), '\0');
  char* const begin = out.data();
  if (prefix.size() == 4) {
    std::memcpy(begin, prefix.data(), 4);  // ("org:": a fixed-size copy, inlined)
  } else if (!prefix.empty()) {
    std::memcpy(begin, prefix.data(), prefix.size());
  }
  char* const start = begin + prefix.size();
  char* at = start;
  unsigned underscore = 0;  // a separator since the last byte kept
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = bytes[i];
    unsigned cls = kSlugBytes.cls[c];
    if (cls & SlugBytes::kSpecial) {
      if (c == '\'' || c == '.') continue;
      // A no-break space (U+00A0) or one of U+2000-U+200A, U+202F separates
      // words as a space does ("Laura Ingraham\u00a0Show"); other typographic
      // punctuation (’, “, –) is dropped like an apostrophe.
      bool space = c == 0xC2 ? i + 1 < n && bytes[i + 1] == 0xA0
                             : i + 2 < n && bytes[i + 1] == 0x80 &&
                                   (bytes[i + 2] <= 0x8A || bytes[i + 2] == 0xAF);
      if (space) {
        i += c == 0xC2 ? 1 : 2;
        underscore = 1;
        continue;
      }
      if (c == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80) {
        i += 2;  // typographic punctuation
        continue;
      }
    }
    // (Without branches: '_' is written and kept only before a kept byte
    // that follows a separator, not at the start; a dropped byte is written
    // and overwritten.)
    unsigned keep = cls & SlugBytes::kKeep;
    *at = '_';
    at += underscore & keep & static_cast<unsigned>(at != start);
    *at = kSlugBytes.lower[c];
    at += keep;
    underscore = keep ^ 1;
  }
  out.resize(static_cast<std::size_t>(at - begin));
  return out;
}

// Draft types are compared in loops over all drafts: the length first.
bool is_person(const Draft& d) { return d.type.size() == 6 && d.type == "PERSON"; }

bool kinds_compatible(std::string_view a, std::string_view b) {
  if (a == b) return true;
  auto ends_with_kind = [](std::string_view longer, std::string_view shorter) {
    return longer.size() > shorter.size() + 1 && longer.ends_with(shorter) &&
           longer[longer.size() - shorter.size() - 1] == '_';
  };
  return ends_with_kind(a, b) || ends_with_kind(b, a);
}

constexpr std::size_t kNoLocal = static_cast<std::size_t>(-1);
constexpr std::uint32_t kNoId = UINT32_MAX;

// What the document's words are: one entry per distinct key.
struct DocWord {
  std::string_view key;
  std::uint64_t tag = 0;                // keys of up to 8 bytes: the bytes; longer: the hash
  const WordFacts* facts = nullptr;     // the tables' entry for the key
  const AliasKeyInfo* alias = nullptr;  // the lexicon's entry (alias key or prefix)
  std::size_t local_alias = kNoLocal;   // draft of an acronym defined in the text
  std::uint64_t title_next = 0;         // facts->title_next and kind_next (read at every
  std::uint64_t kind_next = 0;          // title or kind prefix)
  std::uint16_t flags = 0;              // fact_flags(facts)
  bool alias_known = false;             // `alias` was looked up (capitalised words)
  bool mid_cap = false;                 // capitalised somewhere not at a sentence start
  bool lowercase = false;               // written in lower case somewhere
};

// A slot of the document's vocabulary index.
struct VocabSlot {
  std::uint32_t hash = 0;  // the key's hash, top half (its top bits choose the slot)
  std::uint32_t id = 0;    // vocab index + 1; 0: empty
};

// An alias of a draft: bytes [begin, end) of the text, and the draft's next
// alias (index + 1 in the pool; 0: none).
struct AliasRef {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t next = 0;
};

// A name mention by words.
struct WordMention {
  std::uint32_t entity;
  std::uint32_t first;  // word range
  std::uint32_t last;   // exclusive
};

// The tagger's per-document buffers, kept per thread so that their memory is
// reused from one document to the next (a Tagger is the only user, one at a
// time per thread).
struct Scratch {
  std::string keys;  // sized to the largest text seen: it bounds the keys
  std::vector<Word> words;
  std::vector<DocWord> vocab;
  std::vector<VocabSlot> vocab_slots;
  std::vector<std::uint32_t> name_starts;
  std::vector<std::uint32_t> kind_starts;
  std::vector<std::uint32_t> determiners;
  std::vector<std::uint32_t> mention_at;  // per word: word_mentions index + 1; 0: none
  std::vector<WordMention> word_mentions;
  std::vector<std::size_t> sentence_first;
  std::vector<std::uint32_t> sentence_alpha;
  std::vector<std::uint32_t> sentence_caps;
  std::vector<std::uint8_t> claimed;
};

Scratch& scratch() {
  thread_local Scratch buffers;
  return buffers;
}

// A person's name words by hash (the whole name and its last word), so that
// the scans over all persons compare strings only on a likely match.
struct NameKey {
  std::uint64_t name = 0;
  std::uint64_t last = 0;   // the surname's hash
  std::uint64_t first = 0;  // the first word's hash
  std::size_t words = 0;
};

// The tagger's lists of drafts and mentions, kept per thread like Scratch
// (cleared, not freed, between documents).
struct DraftScratch {
  std::vector<Draft> drafts;
  std::vector<RawMention> mentions;
  std::vector<RawMention> facility_mentions;
  std::vector<RawMention> descriptions;  // (tag_descriptions)
  std::vector<std::uint32_t> mention_starts;
  std::vector<std::size_t> facilities;
  std::vector<std::size_t> person_drafts;
  std::vector<NameKey> person_keys;
  std::vector<AliasRef> aliases;             // every draft's aliases, as lists
  std::vector<std::string_view> name_words;  // persons' name words (see Draft::name_at)
  // Compound names' drafts by the name's key (compound_entity).
  std::string name_key;
  StringIndex<std::uint32_t> named;
  // Per lexicon entity: its draft + 1, 0: none yet. Only the entries listed
  // in lexicon_used are non-zero, and they are reset before the next document.
  std::vector<std::uint32_t> by_lexicon;
  std::vector<std::uint32_t> lexicon_used;
  // finish(): entities by id, each draft's and each mention's entity, and
  // mentions per entity.
  std::vector<std::uint32_t> by_id;
  std::vector<std::size_t> draft_to_entity;
  std::vector<std::uint32_t> entity_of;
  std::vector<std::uint32_t> mention_count;

  void clear(std::size_t lexicon_entities) {
    drafts.clear();
    mentions.clear();
    facility_mentions.clear();
    mention_starts.clear();
    facilities.clear();
    person_drafts.clear();
    person_keys.clear();
    aliases.clear();
    name_words.clear();
    named.clear();
    for (std::uint32_t index : lexicon_used) by_lexicon[index] = 0;
    lexicon_used.clear();
    if (by_lexicon.size() < lexicon_entities) by_lexicon.resize(lexicon_entities, 0);
  }
  // Frees what an unusually large document left behind.
  void trim() {
    release_if_larger(drafts);
    release_if_larger(mentions);
    release_if_larger(facility_mentions);
    release_if_larger(descriptions);
    release_if_larger(mention_starts);
    release_if_larger(facilities);
    release_if_larger(person_drafts);
    release_if_larger(person_keys);
    release_if_larger(aliases);
    release_if_larger(name_words);
    if (name_key.capacity() > kScratchKeepBytes) std::string().swap(name_key);
    if (named.capacity_bytes() > kScratchKeepBytes) named = StringIndex<std::uint32_t>();
    release_if_larger(lexicon_used);
    release_if_larger(by_id);
    release_if_larger(draft_to_entity);
    release_if_larger(entity_of);
    release_if_larger(mention_count);
  }
};

DraftScratch& draft_scratch() {
  thread_local DraftScratch buffers;
  return buffers;
}

class Tagger {
 public:
  Tagger(const TextLayer& text, const Lexicon& lexicon)
      : text_(text),
        lexicon_(lexicon),
        t_(tables()),
        scratch_(scratch()),
        keys_(scratch_.keys),
        words_(scratch_.words),
        vocab_(scratch_.vocab),
        vocab_slots_(scratch_.vocab_slots),
        name_starts_(scratch_.name_starts),
        kind_starts_(scratch_.kind_starts),
        determiners_(scratch_.determiners),
        sentence_first_(scratch_.sentence_first),
        sentence_alpha_(scratch_.sentence_alpha),
        sentence_caps_(scratch_.sentence_caps),
        claimed_(scratch_.claimed),
        lists_(draft_scratch()),
        drafts_(lists_.drafts),
        mentions_(lists_.mentions),
        facility_mentions_(lists_.facility_mentions),
        mention_at_(scratch_.mention_at),
        word_mentions_(scratch_.word_mentions),
        mention_starts_(lists_.mention_starts),
        facilities_(lists_.facilities),
        person_drafts_(lists_.person_drafts),
        person_keys_(lists_.person_keys),
        aliases_(lists_.aliases),
        name_pool_(lists_.name_words),
        by_lexicon_(lists_.by_lexicon),
        lexicon_used_(lists_.lexicon_used) {
    lists_.clear(lexicon_.entities().size());
    build_words();
    list_starts();
    claimed_.assign(words_.size(), false);
    // Sentences without words start where the next one does.
    for (std::size_t s = text.sentences.size(); s-- > 0;) {
      sentence_first_[s] = std::min(sentence_first_[s], sentence_first_[s + 1]);
    }
    // Drafts are large: growing the vector moves them all.
    drafts_.reserve(words_.size() / 32 + 8);
  }

  ~Tagger() {
    // A very long document's buffers are not kept for the thread's lifetime.
    constexpr std::size_t kKeepBytes = std::size_t{16} << 20;
    if (keys_.size() > kKeepBytes) scratch_ = Scratch{};
    lists_.trim();
  }
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // (The passes are kept out of line, [[gnu::noinline]], so that profiles
  // tell them apart; each runs once per document or sentence.)
  EntityLayer run() {
    for (std::size_t s = 0; s < text_.sentences.size(); ++s) tag_names(s);
    std::sort(mentions_.begin(), mentions_.end(), by_position);
    word_mentions();
    for (std::size_t s = 0; s < text_.sentences.size(); ++s) tag_facilities(s);
    tag_descriptions();
    return finish();
  }

 private:
  // ---- words ------------------------------------------------------------

  // Splits the tokens into words (possessive endings split off, hyphenated
  // compounds split into parts, so "NATO’s" matches "NATO" and "NATO-ICI"
  // holds two names), writes their keys to `keys_` and gives each its
  // vocabulary id and flags, in one pass.
  [[gnu::noinline]] void build_words() {
    const TextLayer& text = text_;
    words_.clear();
    words_.reserve(text.tokens.size() + text.tokens.size() / 8);
    vocab_.clear();
    vocab_.reserve(text.tokens.size() / 2 + 8);
    // Keys are never longer than the text; eight more bytes let keys (and the
    // text's last bytes) be read eight at a time.
    if (keys_.size() < text.text.size() + 8) keys_.resize(text.text.size() + 8);
    // Documents have about half as many distinct keys as tokens: the index
    // grows if it must.
    std::size_t slots = 64;
    while (slots < text.tokens.size()) slots *= 2;
    vocab_slots_.assign(slots, VocabSlot{});
    vocab_shift_ = 32 - static_cast<unsigned>(std::countr_zero(slots));
    sentence_first_.assign(text.sentences.size() + 1, std::numeric_limits<std::size_t>::max());
    // Per sentence, for the headline test: words starting with a letter, and
    // how many of them are capitalised.
    sentence_alpha_.assign(text.sentences.size(), 0);
    sentence_caps_.assign(text.sentences.size(), 0);

    char* const keys = keys_.data();
    char* key_end = keys;
    const char* const text_begin = text.text.data();
    const std::size_t text_size = text.text.size();
    const Token* const tokens = text.tokens.data();
    const std::size_t n_tokens = text.tokens.size();
    constexpr std::size_t kNoSentence = static_cast<std::size_t>(-1);
    std::size_t sentence = kNoSentence;
    std::uint32_t alpha = 0, caps = 0;  // the sentence's sentence_alpha_ and sentence_caps_
    bool word_seen = false;             // a non-punctuation word earlier in the sentence
    bool pending_hyphen = false;
    std::uint32_t punct_id = kNoId;  // the empty key's id, once seen
    for (std::size_t i = 0; i < n_tokens; ++i) {
      const Token& tok = tokens[i];
      if (tok.sentence != sentence) {
        if (sentence != kNoSentence) {
          sentence_alpha_[sentence] = alpha;
          sentence_caps_[sentence] = caps;
        }
        sentence = tok.sentence;
        sentence_first_[sentence] = words_.size();
        word_seen = false;
        alpha = caps = 0;
      }
      const char* s = text_begin + tok.begin;
      std::size_t size = tok.end - tok.begin;
      static_assert(Token::Kind::kPunct > Token::Kind::kNumber &&
                    Token::Kind::kSymbol > Token::Kind::kPunct);
      if (tok.kind >= Token::Kind::kPunct) {  // punctuation or a symbol
        bool joined = is_hyphen(std::string_view(s, size)) && !words_.empty() &&
                      !words_.back().punct && words_.back().end == tok.begin && i + 1 < n_tokens &&
                      tokens[i + 1].begin == tok.end && tokens[i + 1].kind != Token::Kind::kPunct;
        pending_hyphen = joined;
        if (joined) {
          // (A sentence's first word is its first token, never a hyphen.)
          continue;
        }
        if (punct_id == kNoId) punct_id = intern(key_end, 0);
        Word& w = words_.emplace_back();
        w.begin = tok.begin;
        w.end = tok.end;
        w.sentence = tok.sentence;
        w.key_at = static_cast<std::uint32_t>(key_end - keys);
        w.punct = true;
        w.id = punct_id;
        w.flags = vocab_[punct_id].flags;
        continue;
      }
      // An initial is one byte long, or three as in "H.W": tested without
      // branches, as a word's length is random and its tests mispredict (s[1]
      // only when it is the token's own byte).
      bool initial_like = (size == 1) | ((size == 3) & (s[size > 1] == '.'));
      if (initial_like && middle_initial_at(tokens, n_tokens, i, text_begin)) {
        ++i;  // (and its full stop)
        continue;
      }
      // A possessive ending, "'s", "'S" or "’s", from the token's last four
      // bytes as one integer, without branches (word lengths are random: tests
      // of them mispredict). (The bytes before a short token are text too,
      // except at the very start, where size < 4.)
      std::uint32_t tail = 0;
      if (tok.end >= 4) {
        const char* last = text_begin + tok.end - 4;
        if constexpr (std::endian::native == std::endian::little) {
          std::memcpy(&tail, last, 4);
        } else {
          const auto* b = reinterpret_cast<const unsigned char*>(last);
          tail = std::uint32_t{b[0]} | std::uint32_t{b[1]} << 8 | std::uint32_t{b[2]} << 16 |
                 std::uint32_t{b[3]} << 24;
        }
      } else {
        for (std::size_t k = 0; k < size; ++k)  // (the token's bytes, the last one highest)
          tail |= std::uint32_t{static_cast<unsigned char>(s[size - 1 - k])} << (24 - 8 * k);
      }
      // (Bytes from the lowest: ... '\'' 's', 0xDF folding 's' to 'S'; or E2 80 99 's'.)
      std::size_t drop = ((tail >> 16) & 0xDFFF) == 0x5327 ? 2 : 0;
      drop = tail == 0x739980E2 ? 4 : drop;
      drop = size > drop ? drop : 0;  // (the ending alone is no word)
      const bool possessive = drop != 0;
      const std::size_t len = size - drop;
      // Split internal hyphens ("NATO-ICI", "secretary-general"). Each part's
      // key is written as Lexicon::write_key does, eight ASCII letters or
      // digits at a time when it can, with whether the part is all capitals
      // (two letters or more, none lower case).
      const auto* bytes = reinterpret_cast<const unsigned char*>(s);
      std::size_t start = 0;
      bool first = true;
      while (start < len) {
        char* key_begin = key_end;
        unsigned capitals = 0;
        std::uint64_t lower = 0;
        std::size_t at = start;
        if constexpr (std::endian::native == std::endian::little) {
          while (at < len && tok.begin + at + 8 <= text_size) {
            std::size_t n = std::min<std::size_t>(8, len - at);
            std::uint64_t w;
            std::memcpy(&w, bytes + at, 8);
            constexpr std::uint64_t kHigh = 0x8080808080808080ull;
            std::uint64_t valid = kHigh >> (8 * (8 - n));  // the high bit of the part's bytes
            if (w & valid) break;                          // non-ASCII: byte by byte
            constexpr std::uint64_t kOnes = 0x0101010101010101ull;
            std::uint64_t folded = w | (0x20 * kOnes);
            // (Bytes below 0x80 plus at most 0x50 carry into no neighbour.)
            std::uint64_t letter =
                (folded + 0x1F * kOnes) & ~(folded + 0x05 * kOnes) & valid;  // a..z
            if (letter != valid) {
              std::uint64_t digit = (w + 0x50 * kOnes) & ~(w + 0x46 * kOnes) & valid;  // 0..9
              if ((letter | digit) != valid) break;  // punctuation or '-': byte by byte
            }
            std::uint64_t out = w | (letter >> 2);  // capitals lowered
            std::memcpy(key_end, &out, 8);
            key_end += n;
            std::uint64_t small = letter & (w << 2);  // (bit 5 of a letter: lower case)
            lower |= small;
            // Capitals count only while no letter is lower case (see `upper`);
            // multiplying sums the bytes' capital bits into the top byte.
            if (lower == 0)
              capitals += static_cast<unsigned>((((letter ^ small) >> 7) * kOnes) >> 56);
            at += n;
          }
        }
        for (; at < len; ++at) {
          unsigned char c = bytes[at];
          std::uint8_t cls = kKeyBytes.cls[c];
          if (cls & kSpecialByte) {
            if (c == '-') break;
            // Typographic apostrophes, quotes and dashes (U+2010..U+201F) are
            // punctuation; other non-ASCII letters are kept. (Continuation bytes
            // are never '-', so the part holds the whole sequence when `len` does.)
            if (at + 2 < len && bytes[at + 1] == 0x80 && bytes[at + 2] >= 0x90 &&
                bytes[at + 2] <= 0x9F) {
              at += 2;
              continue;
            }
          }
          *key_end = kKeyBytes.lower[c];
          key_end += cls & kKeepByte;
          capitals += (cls >> 1) & 1;
          lower |= cls & kLowerByte;
        }
        std::size_t hyphen = at;
        if (hyphen > start) {
          // (Written in place: a copy assembled on the stack from small
          // stores and read back whole would stall store forwarding.)
          Word& w = words_.emplace_back();
          w.begin = static_cast<std::uint32_t>(tok.begin + start);
          w.end = static_cast<std::uint32_t>(tok.begin + hyphen);
          w.sentence = tok.sentence;
          w.key_at = static_cast<std::uint32_t>(key_begin - keys);
          w.key_size = static_cast<std::uint32_t>(key_end - key_begin);
          auto first_byte = static_cast<unsigned char>(s[start]);
          w.cap = static_cast<unsigned char>(first_byte - 'A') < 26;
          if (first_byte == 0xC3) w.cap = starts_upper(std::string_view(s + start, hyphen - start));
          w.upper = lower == 0 && capitals >= 2;
          w.hyphen_before = first ? pending_hyphen : true;
          w.possessive = possessive && hyphen == len;
          first = false;
          w.id = intern(key_begin, w.key_size);
          DocWord& d = vocab_[w.id];
          if (w.cap && !d.alias_known) {
            d.alias = lexicon_.find_alias_prefix(d.key);
            d.alias_known = true;
          }
          w.flags = static_cast<std::uint16_t>(d.flags | (w.cap && d.alias ? kAliasStart : 0));
          // Words capitalised somewhere other than at a sentence start are names
          // when they start a sentence, too.
          if (w.cap) {
            if (word_seen) d.mid_cap = true;
          } else {
            d.lowercase = true;
          }
          word_seen = true;
          // (Keys are lower case.)
          // (The key buffer has a byte at `key_begin` even for an empty key.)
          unsigned letter =
              (w.key_size > 0) & (static_cast<unsigned char>(key_begin[0] - 'a') < 26);
          alpha += letter;
          caps += letter & w.cap;
        }
        start = hyphen + 1;
      }
      pending_hyphen = false;
    }
    if (sentence != kNoSentence) {
      sentence_alpha_[sentence] = alpha;
      sentence_caps_[sentence] = caps;
    }
    sentence_first_[text.sentences.size()] = words_.size();
  }

  // Fills the lists of words each pass starts at (without branches: most
  // words are in none).
  void list_starts() {
    std::size_t n = words_.size();
    // (Only grown: the lists' lengths are kept apart, so nothing is zeroed.)
    if (name_starts_.size() < n) {
      name_starts_.resize(n);
      kind_starts_.resize(n);
      determiners_.resize(n);
    }
    std::size_t names = 0, kinds = 0, determiners = 0;
    const Word* words = words_.data();
    std::uint32_t* __restrict name_out = name_starts_.data();
    std::uint32_t* __restrict kind_out = kind_starts_.data();
    std::uint32_t* __restrict determiner_out = determiners_.data();
    for (std::size_t i = 0; i < n; ++i) {
      const Word& w = words[i];
      // (Bitwise, not logical, operators: no branches.)
      unsigned word = !w.punct;
      unsigned empty = w.key_size == 0;
      // A title (kind) prefix that is no whole title (kind) starts a phrase
      // only if a longer one can go on with the next word of its sentence
      // (as match_title and tag_facilities would find).
      unsigned title = 0, kind = 0;
      if (w.flags & (kTitlePrefix | kKindPrefix)) {
        const DocWord& d = vocab_[w.id];
        // (The sentence goes on after word i when the next word is in it.)
        std::size_t end = i + 1 < n && words[i + 1].sentence == w.sentence ? n : i + 1;
        title = (w.flags & kTitle) ||
                ((w.flags & kTitlePrefix) && may_continue(d.title_next, i + 1, end));
        kind =
            (w.flags & kKind) || ((w.flags & kKindPrefix) && may_continue(d.kind_next, i + 1, end));
      }
      auto index = static_cast<std::uint32_t>(i);
      name_out[names] = index;
      names += word & (w.cap | empty | title);
      kind_out[kinds] = index;
      kinds += word & (empty | kind);
      determiner_out[determiners] = index;
      determiners += (w.flags & kDeterminer) != 0;
    }
    name_count_ = names;
    kind_count_ = kinds;
    determiner_count_ = determiners;
  }

  // The vocabulary id of a key (at `key`, `size` bytes), added with its
  // table entries when new. Keys of up to eight bytes, most of them, are
  // compared as one integer; longer ones by hash, then by their bytes.
  // (Inlined into build_words: it runs at every word.)
  [[gnu::always_inline]] std::uint32_t intern(const char* key, std::size_t size) {
    std::uint64_t tag, h;
    if (size <= 8) {
      tag = packed_key(key, size);
      h = packed_key_hash(tag, size);
    } else {
      tag = h = short_string_hash(std::string_view(key, size));
    }
    auto h32 = static_cast<std::uint32_t>(h >> 32);
    std::size_t mask = vocab_slots_.size() - 1;
    for (std::size_t slot = h32 >> vocab_shift_;; slot = (slot + 1) & mask) {
      VocabSlot& v = vocab_slots_[slot];
      if (v.id == 0) {
        std::string_view k(key, size);
        const FactsIndex::Slot* e = t_.entries.find(tag, h, k);  // (WordKeyHash, as `h`)
        DocWord& d = vocab_.emplace_back();
        d.key = k;
        d.tag = tag;
        d.facts = e ? FactsIndex::facts_of(*e, t_.facts.values().data()) : nullptr;
        if (e && (e->flags & kTitlePrefix)) d.title_next = d.facts->title_next;
        if (e && (e->flags & kKindPrefix)) d.kind_next = d.facts->kind_next;
        d.flags = e ? e->flags : 0;
        v = VocabSlot{h32, static_cast<std::uint32_t>(vocab_.size())};
        std::uint32_t id = v.id - 1;
        if (vocab_.size() * 2 > vocab_slots_.size()) grow_vocab_slots();
        return id;
      }
      if (v.hash == h32) {
        const DocWord& d = vocab_[v.id - 1];
        if (d.tag == tag && d.key.size() == size &&
            (size <= 8 || std::memcmp(d.key.data(), key, size) == 0))
          return v.id - 1;
      }
    }
  }

  void grow_vocab_slots() {
    std::vector<VocabSlot> old(vocab_slots_);
    vocab_slots_.assign(old.size() * 2, VocabSlot{});
    --vocab_shift_;
    std::size_t mask = vocab_slots_.size() - 1;
    for (const VocabSlot& v : old) {
      if (v.id == 0) continue;
      std::size_t slot = v.hash >> vocab_shift_;
      while (vocab_slots_[slot].id != 0) slot = (slot + 1) & mask;
      vocab_slots_[slot] = v;
    }
  }

  std::string_view key_of(const Word& w) const {
    return std::string_view(keys_.data() + w.key_at, w.key_size);
  }
  // The keys of words [i, j) (i < j) joined: build_words writes each word's
  // key right after the previous word's, so they are already side by side.
  std::string_view phrase_key(std::size_t i, std::size_t j) const {
    const Word& last = words_[j - 1];
    return std::string_view(keys_.data() + words_[i].key_at,
                            last.key_at + last.key_size - words_[i].key_at);
  }
  std::string_view text_of(const Word& w) const {
    return std::string_view(text_.text.data() + w.begin, w.end - w.begin);
  }

  static bool by_position(const RawMention& a, const RawMention& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  }

  std::size_t sentence_end(std::size_t s) const { return sentence_first_[s + 1]; }
  bool sentence_initial(std::size_t i) const {
    std::size_t first = sentence_first_[words_[i].sentence];
    while (first < i && words_[first].punct) ++first;  // opening quotes, dashes
    return first == i;
  }
  bool has(std::size_t i, FactFlag flag) const { return words_[i].flags & flag; }
  bool is_common(std::size_t i) const { return has(i, kCommon); }
  bool is_person_cue(std::size_t i) const { return has(i, kPersonCue); }
  bool word_is(std::size_t i, std::string_view key) const {
    return i < words_.size() && !words_[i].punct && key_of(words_[i]) == key;
  }
  // Whether word i is the punctuation mark `c` (one byte).
  bool punct_is(std::size_t i, char c) const {
    if (i >= words_.size()) return false;
    const Word& w = words_[i];
    return w.punct && w.end - w.begin == 1 && text_.text[w.begin] == c;
  }

  // Drafts are made in place (new_draft()), then registered (added_draft()):
  // a Draft is large, and moving it costs.
  Draft& new_draft() { return drafts_.emplace_back(); }
  std::size_t added_draft() {
    const Draft& d = drafts_.back();
    if (is_person(d)) {
      person_drafts_.push_back(drafts_.size() - 1);
      person_keys_.push_back(name_key(name_words(d)));
      add_to_person_filter(person_keys_.back());
    }
    return drafts_.size() - 1;
  }

  // A name word's hash: its length and first eight bytes (cheap; equal texts
  // have equal hashes, and texts are compared after).
  static std::uint64_t name_word_hash(std::uint64_t first_bytes, std::size_t size) {
    return (first_bytes ^ size) * 0x9E3779B97F4A7C15ull;
  }
  static std::uint64_t name_word_hash(std::string_view word) {
    std::uint64_t first_bytes = 0;
    std::memcpy(&first_bytes, word.data(), std::min<std::size_t>(word.size(), 8));
    return name_word_hash(first_bytes, word.size());
  }
  std::uint64_t name_word_hash(const Word& w) const {
    std::size_t size = w.end - w.begin;
    if (w.begin + 8 <= text_.text.size())  // (the same bytes, loaded at once)
      return name_word_hash(packed_key(text_.text.data() + w.begin, std::min<std::size_t>(size, 8)),
                            size);
    return name_word_hash(text_of(w));
  }
  static std::uint64_t add_to_name_hash(std::uint64_t h, std::uint64_t word_hash) {
    return (h ^ word_hash) * 0xBF58476D1CE4E5B9ull + 1;
  }
  static NameKey name_key(std::span<const std::string_view> name_words) {
    NameKey key;
    for (std::string_view w : name_words) key.name = add_to_name_hash(key.name, name_word_hash(w));
    if (!name_words.empty()) {
      key.last = name_word_hash(surname_of(name_words));
      key.first = name_word_hash(name_words.front());
    }
    key.words = name_words.size();
    return key;
  }
  // The same for the text of words [i, j) (i < j).
  NameKey name_key(std::size_t i, std::size_t j) const {
    NameKey key;
    for (std::size_t k = i; k < j; ++k) {
      key.last = name_word_hash(words_[k]);
      key.name = add_to_name_hash(key.name, key.last);
      if (k == i) key.first = key.last;
    }
    if (std::size_t s = surname_word(i, j); s != j - 1) key.last = name_word_hash(words_[s]);
    key.words = j - i;
    return key;
  }
  // The surname's word among name words [i, j) (i < j): the last, or the one
  // before a generational suffix (surname_of for the text of words).
  std::size_t surname_word(std::size_t i, std::size_t j) const {
    return j - i >= 2 && name_suffix(text_of(words_[j - 1])) ? j - 2 : j - 1;
  }
  // Bits of the persons' name and surname hashes (surnames of names of two
  // words or more): most name runs name no known person, and are told so
  // without a scan. (Bits are only added: a renamed person's old bits stay.)
  void add_to_person_filter(const NameKey& key) {
    set_filter_bit(person_names_, key.name);
    if (key.words > 1) set_filter_bit(person_surnames_, key.last);
    if (key.words == 2 || key.words == 3) set_filter_bit(person_surnames_, key.first);  // "Xi"
  }
  static void set_filter_bit(std::array<std::uint64_t, 4>& filter, std::uint64_t h) {
    filter[(h >> 62) & 3] |= std::uint64_t{1} << ((h >> 56) & 63);
  }
  static bool filter_has(const std::array<std::uint64_t, 4>& filter, std::uint64_t h) {
    return (filter[(h >> 62) & 3] >> ((h >> 56) & 63)) & 1;
  }

  bool same_name(std::span<const std::string_view> name_words, std::size_t i, std::size_t j) const {
    if (name_words.size() != j - i) return false;
    for (std::size_t k = i; k < j; ++k) {
      if (name_words[k - i] != text_of(words_[k])) return false;
    }
    return true;
  }

  void add_mention(std::size_t begin_word, std::size_t end_word, std::size_t entity,
                   EntityMention::Kind kind) {
    RawMention m{words_[begin_word].begin,
                 words_[end_word - 1].end,
                 entity,
                 kind,
                 static_cast<std::uint32_t>(begin_word),
                 static_cast<std::uint32_t>(end_word)};
    mentions_.push_back(m);
    for (std::size_t i = begin_word; i < end_word; ++i) claimed_[i] = true;
    Draft& d = drafts_[entity];
    ++d.mention_count;
    d.last_mention_word = static_cast<std::uint32_t>(begin_word);
    add_alias(entity, m.begin, m.end);
  }

  // The text of bytes [begin, end) as an alias of the draft, unless it has it.
  // (Kept as a span in the thread's pool, not as a string in a vector per
  // draft: growing a vector for each draft costs an allocation per alias;
  // finish() makes the strings, into exactly reserved vectors.)
  void add_alias(std::size_t entity, std::size_t begin, std::size_t end) {
    const std::string_view text = text_.text;
    const std::size_t size = end - begin;
    Draft& d = drafts_[entity];
    for (std::uint32_t a = d.first_alias; a != 0; a = aliases_[a - 1].next) {
      const AliasRef& r = aliases_[a - 1];
      if (r.end - r.begin == size && text.compare(r.begin, size, text.substr(begin, size)) == 0)
        return;
    }
    aliases_.push_back(
        AliasRef{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), 0});
    auto index = static_cast<std::uint32_t>(aliases_.size());
    if (d.last_alias != 0) {
      aliases_[d.last_alias - 1].next = index;
    } else {
      d.first_alias = index;
    }
    d.last_alias = index;
    ++d.alias_count;
  }
  std::string_view alias_text(const AliasRef& r) const {
    return text_.text.substr(r.begin, r.end - r.begin);
  }

  std::size_t lexicon_entity(std::size_t index) {
    std::uint32_t& draft = by_lexicon_[index];
    if (draft == 0) {
      draft = static_cast<std::uint32_t>(drafts_.size() + 1);
      lexicon_used_.push_back(static_cast<std::uint32_t>(index));
      const LexiconEntity& e = lexicon_.entities()[index];
      Draft& d = new_draft();
      d.origin = Origin::kLexicon;
      d.type = e.type;
      d.id = e.id;
      d.name = e.name;
      d.tags = &e.tags;
      d.located_in = e.located_in;
      if (e.type == "PERSON") {
        // Known people take part in surname coreference ("Mr X").
        d.name_at = static_cast<std::uint32_t>(name_pool_.size());
        std::string_view name = e.name;
        while (!name.empty()) {
          std::size_t sp = name.find(' ');
          if (sp != 0) name_pool_.emplace_back(name.substr(0, sp));
          if (sp == std::string_view::npos) break;
          name.remove_prefix(sp + 1);
        }
        d.name_size = static_cast<std::uint32_t>(name_pool_.size() - d.name_at);
      }
      added_draft();
    }
    return draft - 1;
  }

  // Longest gazetteer (or document acronym) match starting at word i.
  [[gnu::always_inline]] std::optional<std::pair<std::size_t, std::size_t>> match_lexicon(
      std::size_t i, std::size_t end) const {
    if (words_[i].punct || !words_[i].cap) return std::nullopt;
    if (!(words_[i].flags & kAliasStart)) {
      // No alias starts with this word (the loop below would stop at once).
      if (std::size_t local = vocab_[words_[i].id].local_alias;
          local != kNoLocal && words_[i].upper && i < end)
        return std::pair<std::size_t, std::size_t>{1, local | kLocalFlag};
      return std::nullopt;
    }
    return match_lexicon_phrase(i, end);
  }
  [[gnu::noinline]] std::optional<std::pair<std::size_t, std::size_t>> match_lexicon_phrase(
      std::size_t i, std::size_t end) const {
    std::optional<std::pair<std::size_t, std::size_t>> best;  // (words, draft-or-lexicon)
    for (std::size_t n = 1; n <= lexicon_.max_alias_words() && i + n <= end; ++n) {
      const Word& w = words_[i + n - 1];
      if (w.punct) break;
      if (n > 1 && words_[i + n - 2].possessive) break;
      const std::string_view k = phrase_key(i, i + n);
      const AliasKeyInfo* info = n == 1 ? vocab_[w.id].alias : lexicon_.find_alias_prefix(k);
      // No alias key starts with `k`: no longer phrase can match either.
      bool dead_end = !info && !k.empty();
      if (n == 1) {
        if (std::size_t local = vocab_[w.id].local_alias; local != kNoLocal && w.upper) {
          best = {1, local | kLocalFlag};
          if (dead_end) break;
          continue;
        }
      }
      if (dead_end) break;
      if (!info || info->hits.empty()) continue;
      for (const AliasHit& h : info->hits) {
        if (h.acronym) {
          // "NATO", and "Nato" for acronyms of four letters or more.
          bool ok = n == 1 ? (w.upper || (k.size() >= 4 && w.cap)) : true;
          if (n > 1) {
            for (std::size_t j = i; j < i + n; ++j) ok = ok && words_[j].cap;
          }
          if (!ok) continue;
        }
        best = {n, h.entity};
        break;
      }
    }
    return best;
  }

  // Whether a phrase key can go on with word `next` (before `end`), given the
  // bytes that follow it in longer keys: a word with an empty key leaves the
  // phrase key as it is.
  bool may_continue(std::uint64_t next_bytes, std::size_t next, std::size_t end) const {
    if (next >= end) return false;
    const Word& w = words_[next];
    return w.key_size == 0 || (next_bytes & next_bit(keys_[w.key_at]));
  }

  // A title phrase starting at word i: its length in words.
  [[gnu::always_inline]] std::optional<std::pair<std::size_t, TitleInfo>> match_title(
      std::size_t i, std::size_t end) const {
    if (i >= end || words_[i].punct) return std::nullopt;
    if (words_[i].key_size != 0) {
      if (!has(i, kTitlePrefix)) return std::nullopt;  // no title starts with this word
      // Not a title, and no longer title goes on with the next word.
      if (!has(i, kTitle) && !may_continue(vocab_[words_[i].id].title_next, i + 1, end))
        return std::nullopt;
    }
    return match_title_phrase(i, end);
  }
  [[gnu::noinline]] std::optional<std::pair<std::size_t, TitleInfo>> match_title_phrase(
      std::size_t i, std::size_t end) const {
    std::optional<std::pair<std::size_t, TitleInfo>> best;
    for (std::size_t n = 1; n <= t_.max_title_words && i + n <= end; ++n) {
      const Word& w = words_[i + n - 1];
      if (w.punct) break;
      if (n > 1 && words_[i + n - 2].possessive) break;
      const std::string_view k = phrase_key(i, i + n);
      const WordFacts* f = n == 1 ? facts(i) : phrase_facts(k);
      if (!k.empty() && !(f && f->title_prefix)) break;  // no title starts so
      if (f && f->title) best = {n, f->title_info};
      // Nothing longer starts so, and the next word would lengthen the key.
      if (!k.empty() && !may_continue(f->title_next, i + n, end)) break;
    }
    return best;
  }

  [[gnu::always_inline]] std::size_t match_demonym(std::size_t i, std::size_t end) const {
    if (i >= end || words_[i].punct || !words_[i].cap) return 0;
    if (!has(i, kDemonymPrefix)) return 0;  // (keys of capitalised words are never empty)
    if (!has(i, kDemonym) && !may_continue(facts(i)->demonym_next, i + 1, end)) return 0;
    return match_demonym_phrase(i, end);
  }
  [[gnu::noinline]] std::size_t match_demonym_phrase(std::size_t i, std::size_t end) const {
    std::size_t best = 0;
    for (std::size_t n = 1; n <= t_.max_demonym_words && i + n <= end; ++n) {
      if (words_[i + n - 1].punct || !words_[i + n - 1].cap) break;
      const std::string_view k = phrase_key(i, i + n);
      const WordFacts* f = n == 1 ? facts(i) : phrase_facts(k);
      if (!k.empty() && !(f && f->demonym_prefix)) break;  // no demonym starts so
      if (f && f->demonym) best = n;
      if (!k.empty() && !may_continue(f->demonym_next, i + n, end)) break;
    }
    return best;
  }

  // Capitalised words from i that can form a name: stops at punctuation,
  // common words, titles, demonyms and gazetteer names; keeps particles
  // ("of", "for the", "al") between capitalised words.
  std::size_t name_run(std::size_t i, std::size_t end, std::size_t max_words) const {
    std::size_t j = i;
    while (j < end && j - i < max_words) {
      const Word& w = words_[j];
      if (w.punct) break;
      if (w.cap) {
        if (j == i + 1 && place_surname(i, end)) {
          j = i + 2;
          break;
        }
        if (j > i && (is_common(j) || match_title(j, end) || match_demonym(j, end) ||
                      match_lexicon(j, end))) {
          // A gazetteer word inside a compound ("NATO Mission Iraq") is part of it.
          if (!(match_lexicon(j, end) && run_has_head_after(j, end))) break;
        }
        if (j == i && is_common(j)) break;
        ++j;
        if (words_[j - 1].possessive) break;
        continue;
      }
      bool particle = w.flags & kParticle;
      if (particle && j > i && j + 1 < end) {
        std::size_t next = j + 1;
        if (key_of(words_[next]) == "the" && next + 1 < end) ++next;
        // Two particles: "Ursula von der Leyen", "Rafael de la Fuente".
        if (next + 1 < end && !words_[next].punct && !words_[next].cap &&
            (words_[next].flags & kParticle)) {
          ++next;
        }
        if (!words_[next].punct && words_[next].cap) {
          j = next;
          continue;
        }
      }
      break;
    }
    // Trailing particles are not part of the name.
    while (j > i && !words_[j - 1].cap) --j;
    return j;
  }

  // Given name i is followed by a one-word place that is the surname:
  // "Rep. Jim Jordan of Ohio", "Steve Israel said" (not "George Washington
  // crossed": a title before or a speech verb after must say so).
  bool place_surname(std::size_t i, std::size_t end) const {
    std::size_t j = i + 1;
    if (!has(i, kGivenName) || j >= end) return false;
    auto hit = match_lexicon(j, end);
    if (!hit || hit->first != 1 || (hit->second & kLocalFlag) ||
        lexicon_.entities()[hit->second].type != "LOCATION") {
      return false;
    }
    bool cue_after = j + 1 < end && !words_[j + 1].punct && is_person_cue(j + 1);
    return cue_after || title_ends_at(i);
  }

  // Word i is a one-word place that is also a given name ("Virginia",
  // "Jordan") and a surname-like word follows it: the end of the two-word
  // name, else 0. (Not "Jordan Valley", "Georgia Tech", "Georgia Gov.",
  // "Florence, Italy": the next word is a head, a title or known.)
  std::size_t given_name_place(std::size_t i, std::size_t end) const {
    std::size_t j = i + 1;
    if (!has(i, kGivenName) || words_[i].possessive || j >= end) return 0;
    auto hit = match_lexicon(i, end);
    if (!hit || hit->first != 1 || (hit->second & kLocalFlag) ||
        lexicon_.entities()[hit->second].type != "LOCATION") {
      return 0;
    }
    const Word& s = words_[j];
    if (s.punct || !s.cap || s.upper || text_of(s).size() < 2 || is_common(j) ||
        vocab_[s.id].lowercase || head_type(j) || is_facility_word(j) || match_title(j, end) ||
        match_demonym(j, end) || match_lexicon(j, end)) {
      return 0;
    }
    return j + 1;
  }

  // The evidence that the place-named run [i, k) is a person: a title before
  // it, a speech verb either side, an age or a description after it.
  bool place_named_person(std::size_t i, std::size_t k, std::size_t end) const {
    if (k < end && !words_[k].punct && is_person_cue(k)) return true;
    if (i > 0 && !words_[i - 1].punct && is_person_cue(i - 1)) return true;
    return title_ends_at(i) || age_follows(k, end) || apposition_end(k, end) ||
           titled_apposition(i, k);
  }

  // Word j starts a title that a capitalised name follows ("coach Rod
  // Brind'Amour", "reporter Jane Smith"): the words before it modify the
  // title ("Carolina Hurricanes coach"), and name a team or a paper, not a person.
  bool title_before_name(std::size_t j, std::size_t end) const {
    auto title = match_title(j, end);
    if (!title || title->second.honorific) return false;
    std::size_t k = j + title->first;
    return k < end && !words_[k].punct && words_[k].cap;
  }

  // Word j is the full stop of an abbreviation just before it ("Sen.", "Mr.").
  bool abbreviation_stop(std::size_t j) const {
    return j > 0 && punct_is(j, '.') && words_[j].begin == words_[j - 1].end &&
           !words_[j - 1].punct;
  }

  // A title or honorific ends just before word i ("Rep. Jim", "Senator Steve").
  bool title_ends_at(std::size_t i) const {
    std::size_t e = i > 0 && abbreviation_stop(i - 1) ? i - 1 : i;
    return title_phrase_before(e, [](const TitleInfo& t) { return !t.role; });
  }

  // A title phrase of the kind `accept` takes ends just before word e.
  template <class Accept>
  bool title_phrase_before(std::size_t e, Accept accept) const {
    for (std::size_t n = 1; n <= t_.max_title_words && n <= e; ++n) {
      auto title = match_title(e - n, e);
      if (title && title->first == n && accept(title->second)) return true;
    }
    return false;
  }

  bool run_has_head_after(std::size_t j, std::size_t end) const {
    for (std::size_t k = j + 1; k < end && k < j + 4; ++k) {
      if (words_[k].punct || !words_[k].cap) return false;
      if (head_type(k)) return true;
    }
    return false;
  }

  // The entity type an organisation head word ("ministry", "council") gives, or nullptr.
  const std::string* head_type(std::size_t i) const {
    return has(i, kHead) ? &facts(i)->head : nullptr;
  }

  bool is_facility_word(std::size_t i) const { return has(i, kKind); }

  // Evidence that the capitalised run [i, j) names a person.
  bool person_evidence(std::size_t i, std::size_t j, std::size_t end) const {
    if (j < end && !words_[j].punct && is_person_cue(j)) return true;
    if (apposition_end(j, end)) return true;
    // (A surname alone before an age may be someone named in full before:
    // "Mayra Gonzalez, a cook, said ... said Gonzalez, 55,".)
    if (j - i >= 2 && age_follows(j, end)) return true;
    // (A generational suffix is no part of the test: "Martin Luther King Jr".)
    std::size_t core_end = j - i >= 3 && name_suffix(text_of(words_[j - 1])) ? j - 1 : j;
    std::size_t n = core_end - i;
    if (n < 2 || n > 3) return false;
    for (std::size_t k = i; k < core_end; ++k) {
      const Word& w = words_[k];
      if (!w.cap || w.upper || text_of(w).size() < 2 || is_common(k) || head_type(k) ||
          is_facility_word(k))
        return false;
      if (vocab_[w.id].lowercase) return false;  // "Joint Military Exercises"
    }
    // Bounded by lowercase words or punctuation: not part of a longer capitalised title.
    bool left_ok = i == sentence_first_[words_[i].sentence] || words_[i - 1].punct ||
                   !words_[i - 1].cap || is_common(i - 1);
    bool right_ok = j >= end || words_[j].punct || !words_[j].cap || is_common(j);
    // A bare name needs a known given name first ("Paul Ryan", not "Ground
    // Zero") or a speech verb before it ("said Alex Marlow").
    // ("said Carolina Hurricanes coach Rod Brind'Amour": the words before a
    // title and a name modify the title; the speech verb's subject is the coach.)
    if (!left_ok || !right_ok || title_before_name(j, end)) return false;
    bool cue_before = i > 0 && !words_[i - 1].punct && is_person_cue(i - 1);
    // "the Carolina Panthers", "the Austin Powers films": a name after "the"
    // is a team's, a thing's, not a person's.
    bool given = has(i, kGivenName) && !(i > 0 && word_is(i - 1, "the"));
    return given || cue_before || titled_apposition(i, j);
  }

  // An age set off by commas after word j-1: "Marcel Lehel Lazar, 44, said".
  bool age_follows(std::size_t j, std::size_t end) const {
    if (j + 2 >= end || !punct_is(j, ',') || !punct_is(j + 2, ',')) return false;
    std::string_view age = text_of(words_[j + 1]);
    if (age.empty() || age.size() > 3) return false;
    for (char c : age) {
      if (c < '0' || c > '9') return false;
    }
    return age.size() < 3 || age[0] == '1';  // (up to 199)
  }

  // The name [i, j) stands between commas after a title or a person noun:
  // "The U.S. attorney, Denise O'Donnell, said", "his lawyer, Ben Kroll,".
  bool titled_apposition(std::size_t i, std::size_t j) const {
    if (i < 2 || !punct_is(i - 1, ',') || !punct_is(j, ',')) return false;
    return title_phrase_before(i - 1, [](const TitleInfo& t) { return !t.honorific; });
  }

  // ", a British citizen," after word j-1: the end word of the apposition, if
  // it describes a person.
  std::optional<std::size_t> apposition_end(std::size_t j, std::size_t end) const {
    if (!punct_is(j, ',') || j + 2 >= end) return std::nullopt;
    std::size_t k = j + 1;
    if (!(word_is(k, "a") || word_is(k, "an") || word_is(k, "the"))) return std::nullopt;
    for (std::size_t m = k + 1; m < end && m <= k + 6; ++m) {
      if (words_[m].punct) return std::nullopt;
      auto title = match_title(m, end);
      if (title) {
        std::size_t last = m + title->first;
        if (last >= end || words_[last].punct || word_is(last, "of") || word_is(last, "at") ||
            word_is(last, "for") || word_is(last, "with") || word_is(last, "who")) {
          return last;
        }
      }
    }
    return std::nullopt;
  }

  // The person named by words [i, j): a person draft with the same name, a
  // longer one ending with it ("Stoltenberg" after "Jens Stoltenberg"), a
  // one-word one it lengthens, or a new one. (Name words are compared with
  // the text, and copied only when a draft takes them.)
  std::size_t person_for(std::size_t i, std::size_t j) {
    std::size_t n = j - i;
    if (n >= 2 && (words_[i].flags & kParticle)) {
      if (auto e = person_by_particle_surname(i, j)) return *e;
    }
    const NameKey key = name_key(i, j);
    for (std::size_t k = person_drafts_.size(); k-- > 0;) {
      const NameKey& p = person_keys_[k];
      std::size_t e = person_drafts_[k];
      if (p.name == key.name && p.words == n && same_name(name_words(drafts_[e]), i, j)) return e;
    }
    if (n == 1) {
      if (auto e = person_by_surname(i, key)) return *e;
    } else {
      std::string_view last = text_of(words_[surname_word(i, j)]);
      for (std::size_t k = person_drafts_.size(); k-- > 0;) {  // (persons of kPerson origin)
        const NameKey& p = person_keys_[k];
        std::size_t e = person_drafts_[k];
        Draft& d = drafts_[e];
        if (p.words == 1 && p.last == key.last && d.origin == Origin::kPerson &&
            name_words(d)[0] == last) {
          set_name_words(d, i, j);  // "Stoltenberg" first, "Jens Stoltenberg" later
          d.name = span_words_joined(i, j);
          person_keys_[k] = key;
          add_to_person_filter(key);
          return e;
        }
      }
    }
    Draft& d = new_draft();
    d.origin = Origin::kPerson;
    d.type = "PERSON";
    set_name_words(d, i, j);
    d.name = span_words_joined(i, j);
    return added_draft();
  }

  // The text of words [i, j) joined by single spaces.
  std::string span_words_joined(std::size_t i, std::size_t j) const {
    std::string out;
    out.reserve(words_[j - 1].end - words_[i].begin + 1);
    for (std::size_t k = i; k < j; ++k) {
      if (!out.empty()) out += ' ';
      out += text_of(words_[k]);
    }
    return out;
  }

  // The person of a longer name ending with the words [i, j), which start
  // with a particle: "Von der Leyen" after "Ursula von der Leyen", "bin
  // Salman" after "Mohammed bin Salman" (the particle's case aside). Of
  // several, the most recent.
  std::optional<std::size_t> person_by_particle_surname(std::size_t i, std::size_t j) const {
    std::size_t n = j - i;
    for (std::size_t k = person_drafts_.size(); k-- > 0;) {
      std::size_t e = person_drafts_[k];
      std::span<const std::string_view> name = name_words(drafts_[e]);
      if (name.size() <= n) continue;
      bool same = true;
      for (std::size_t m = 0; m < n && same; ++m) {
        std::string_view a = name[name.size() - n + m], b = text_of(words_[i + m]);
        same = m == 0 ? ascii_lowered(a) == ascii_lowered(b) : a == b;
      }
      if (same) return e;
    }
    return std::nullopt;
  }

  // The person draft words [i, j) name (the same name words, or the surname
  // alone of a longer name), most recent first.
  std::optional<std::size_t> known_person(std::size_t i, std::size_t j) const {
    if (person_drafts_.empty()) return std::nullopt;
    std::size_t n = j - i;
    if (n >= 2 && (words_[i].flags & kParticle)) {
      if (auto e = person_by_particle_surname(i, j)) return e;
    }
    const NameKey key = name_key(i, j);
    if (!filter_has(person_names_, key.name) && !(n == 1 && filter_has(person_surnames_, key.last)))
      return std::nullopt;
    for (std::size_t k = person_drafts_.size(); k-- > 0;) {
      const NameKey& p = person_keys_[k];
      std::size_t e = person_drafts_[k];
      if (p.name == key.name && p.words == n && same_name(name_words(drafts_[e]), i, j)) return e;
    }
    if (n == 1) return person_by_surname(i, key);
    return std::nullopt;
  }
  // The person of a longer name whose surname is the word at i (its key
  // `key`): of several ("Jeb Bush", and "George W. Bush" named once in
  // passing), the most mentioned, then the latest mentioned. Of none, the
  // one person the word starts (person_by_first_word).
  std::optional<std::size_t> person_by_surname(std::size_t i, const NameKey& key) const {
    std::string_view only = text_of(words_[i]);
    std::optional<std::size_t> best;
    for (std::size_t k = person_drafts_.size(); k-- > 0;) {
      const NameKey& p = person_keys_[k];
      std::size_t e = person_drafts_[k];
      if (p.words <= 1 || p.last != key.last || surname_of(name_words(drafts_[e])) != only) {
        continue;
      }
      const Draft& d = drafts_[e];
      if (!best || d.mention_count > drafts_[*best].mention_count ||
          (d.mention_count == drafts_[*best].mention_count &&
           d.last_mention_word > drafts_[*best].last_mention_word)) {
        best = e;
      }
    }
    if (!best) best = person_by_first_word(i, key);
    return best;
  }
  // The one person of two or three words whose first word is the word at i
  // (and no one's surname): the family name of a name written family name
  // first ("Xi said" after "Xi Jinping", "Kim" after "Kim Jong Un"), or a
  // given name used alone ("Beto" after "Beto O'Rourke"). Of two such
  // persons, none.
  std::optional<std::size_t> person_by_first_word(std::size_t i, const NameKey& key) const {
    std::string_view only = text_of(words_[i]);
    std::optional<std::size_t> found;
    for (std::size_t k = person_drafts_.size(); k-- > 0;) {
      const NameKey& p = person_keys_[k];
      std::size_t e = person_drafts_[k];
      if (p.words < 2 || p.words > 3 || p.first != key.first || name_words(drafts_[e])[0] != only)
        continue;
      if (found && *found != e) return std::nullopt;
      found = e;
    }
    return found;
  }

  // A person draft's name words (views into the thread's pool: valid until
  // the pool grows).
  std::span<const std::string_view> name_words(const Draft& d) const {
    return {name_pool_.data() + d.name_at, d.name_size};
  }
  // Makes the text of words [i, j) the draft's name words (a longer name
  // leaves the old entries in the pool unused).
  void set_name_words(Draft& d, std::size_t i, std::size_t j) {
    d.name_at = static_cast<std::uint32_t>(name_pool_.size());
    for (std::size_t k = i; k < j; ++k) name_pool_.push_back(text_of(words_[k]));
    d.name_size = static_cast<std::uint32_t>(j - i);
  }

  // "(ACR)" right after word j-1: defines ACR as an alias of `entity`.
  std::size_t acronym_definition(std::size_t name_begin, std::size_t j, std::size_t end,
                                 std::size_t entity) {
    if (!(punct_is(j, '(') && j + 2 < end && punct_is(j + 2, ')'))) return j;
    const Word& acr = words_[j + 1];
    if (acr.punct || !acr.upper || text_of(acr).size() > 10) return j;
    // The acronym's letters are initials of the name's words, in order.
    std::string initials;
    for (std::size_t k = name_begin; k < j; ++k) {
      if (key_of(words_[k]).empty()) continue;
      if (words_[k].upper) {
        initials += key_of(words_[k]);  // "EU Training Mission" -> "eutm"
      } else {
        initials.push_back(key_of(words_[k])[0]);
      }
    }
    std::size_t at = 0;
    for (char c : key_of(acr)) {
      if (c >= '0' && c <= '9') continue;
      at = initials.find(c, at);
      if (at == std::string::npos) return j;
      ++at;
    }
    if (initials.empty() || key_of(acr)[0] != initials[0]) return j;
    vocab_[acr.id].local_alias = entity;
    add_mention(j + 1, j + 2, entity, EntityMention::Kind::kAcronym);
    return j + 3;
  }

  std::size_t entity_of_match(std::size_t raw) {
    if (raw & kLocalFlag) return raw & ~kLocalFlag;
    return lexicon_entity(raw);
  }

  [[gnu::noinline]] void tag_names(std::size_t s) {
    std::size_t begin = sentence_first_[s];
    std::size_t end = sentence_end(s);
    // Title-case lines (headlines) hold no new names, only known ones.
    std::size_t alpha = sentence_alpha_[s], caps = sentence_caps_[s];
    // Headlines lack the final stop that sentences full of names still have.
    bool stop = false;
    for (std::size_t k = end; k > begin; --k) {
      if (!words_[k - 1].punct) break;
      std::string_view p = text_of(words_[k - 1]);
      stop = stop || p == "." || p == "!" || p == "?" || p == ":";
    }
    bool headline = !stop && alpha >= 4 && caps * 10 >= alpha * 7;
    sentence_mentions_ = mentions_.size();
    std::size_t i = begin;
    while (true) {
      // The next word from i that can start a name (others are lower case,
      // start no title and so match nothing below).
      while (name_cursor_ < name_count_ && name_starts_[name_cursor_] < i) ++name_cursor_;
      if (name_cursor_ == name_count_ || name_starts_[name_cursor_] >= end) break;
      i = name_starts_[name_cursor_];
      const Word& w = words_[i];
      if (claimed_[i]) {
        ++i;
        continue;
      }
      // Title + name: "secretary general Jens Stoltenberg", "Mr Stoltenberg".
      if (auto title = match_title(i, end); title && !title->second.role) {
        std::size_t j = i + title->first;
        if (abbreviation_stop(j)) ++j;  // "Sen. Thom Tillis", "Mr. Kemp"
        if (j < end && !words_[i + title->first - 1].possessive && words_[j].cap &&
            !words_[j].punct && !is_common(j) &&
            (!match_lexicon(j, end) || given_name_place(j, end))) {
          // Up to four words, or six with particles ("Luiz Inácio Lula da
          // Silva"; not "Rep. McCaul Announces Bill Revoking Hillary").
          std::size_t k = name_run(j, end, 6);
          bool particles = false;
          for (std::size_t m = j; m < k; ++m) particles = particles || !words_[m].cap;
          if (!particles) k = std::min(k, j + 4);
          // A person's name holds no "of" or "for": "Mr. Weil of Weil & Associates".
          for (std::size_t m = j + 1; m < k; ++m) {
            if (word_is(m, "of") || word_is(m, "for")) {
              k = m;
              break;
            }
          }
          if (k == j + 1 && name_suffix(text_of(words_[j]))) k = j;  // "King Jr": no name
          bool org_like = false;
          for (std::size_t m = j; m < k; ++m)
            org_like = org_like || head_type(m) || is_facility_word(m);
          if (k > j && !org_like) {
            std::size_t e = person_for(j, k);
            add_mention(i, k, e, EntityMention::Kind::kTitle);
            add_alias(e, words_[j].begin, words_[k - 1].end);
            i = k;
            continue;
          }
        }
      }
      // "Virginia Foxx said", "said Jordan Peterson": a place that is also a
      // given name starts a person's name when the words around say so.
      if (std::size_t k = given_name_place(i, end); k && place_named_person(i, k, end)) {
        std::size_t e = person_for(i, k);
        add_mention(i, k, e, EntityMention::Kind::kName);
        i = k;
        continue;
      }
      // Gazetteer and acronyms defined earlier in the document.
      if (auto hit = match_lexicon(i, end)) {
        std::size_t j = i + hit->first;
        std::size_t e = entity_of_match(hit->second);
        bool acronym = j == i + 1 && words_[i].upper;
        add_mention(i, j, e, acronym ? EntityMention::Kind::kAcronym : EntityMention::Kind::kName);
        // "NATO Mission Iraq", "NATO Summit": a compound name around a known one.
        if (!words_[j - 1].possessive && j < end && !headline) {
          std::size_t k = name_run_after_known(j, end);
          std::size_t last_head = k;
          for (std::size_t m2 = j; m2 < k; ++m2) {
            if (head_type(m2)) last_head = m2;
          }
          if (k > j && last_head < k && !is_facility_word(k - 1)) {
            std::size_t c = compound_entity(i, k, *head_type(last_head));
            RawMention m{words_[i].begin,
                         words_[k - 1].end,
                         c,
                         EntityMention::Kind::kName,
                         static_cast<std::uint32_t>(i),
                         static_cast<std::uint32_t>(k)};
            mentions_.push_back(m);
            add_alias(c, m.begin, m.end);
            for (std::size_t m2 = j; m2 < k; ++m2) claimed_[m2] = true;
            i = acronym_definition(i, k, end, c);
            continue;
          }
        }
        i = acronym_definition(i, j, end, e);
        continue;
      }
      if (!w.cap) {
        ++i;
        continue;
      }
      if (std::size_t d = match_demonym(i, end)) {
        // "Danish Energy Agency": a demonym starting an organisation's name.
        std::size_t k = i + d < end ? name_run(i + d, end, 5) : i + d;
        if (!headline && k > i + d && head_type(k - 1) && *head_type(k - 1) == "ORGANIZATION" &&
            !is_facility_word(k - 1)) {
          std::size_t e = compound_entity(i, k, "ORGANIZATION");
          add_mention(i, k, e, EntityMention::Kind::kName);
          i = acronym_definition(i, k, end, e);
          continue;
        }
        i += d;
        continue;
      }
      std::size_t j = name_run(i, end, 6);
      if (j == i) {
        ++i;
        continue;
      }
      bool cue_follows = j < end && !words_[j].punct && is_person_cue(j);
      std::optional<std::size_t> known = known_person(i, j);  // (looked up once)
      if (j - i == 1 && sentence_initial(i) && !vocab_[w.id].mid_cap && !known && !cue_follows) {
        ++i;
        continue;
      }
      if (auto p = known) {
        add_mention(i, j, *p, EntityMention::Kind::kName);
        i = j;
        continue;
      }
      if (headline) {
        i = j;
        continue;
      }
      std::size_t next = j;
      bool acronym_follows =
          punct_is(j, '(') && j + 2 < end && words_[j + 1].upper && punct_is(j + 2, ')');
      const std::string* head = head_type(j - 1);
      if (head && is_facility_word(j - 1)) head = nullptr;  // facilities come later
      if (acronym_follows || (head && j - i >= 2)) {
        std::size_t e = compound_entity(i, j, head ? *head : "ORGANIZATION");
        add_mention(i, j, e, EntityMention::Kind::kName);
        next = acronym_definition(i, j, end, e);
      } else if (auto country = place_apposition(i, j, end)) {
        // "in Ma'an, Jordan": an unknown place inside a known country.
        std::size_t e = compound_entity(i, j, "LOCATION");
        add_mention(i, j, e, EntityMention::Kind::kName);
        add_located(e, *country);
      } else if (person_evidence(i, j, end)) {
        std::size_t e = person_for(i, j);
        add_mention(i, j, e, EntityMention::Kind::kName);
        if (auto app = apposition_end(j, end)) {
          RawMention m{words_[j + 1].begin,
                       words_[*app - 1].end,
                       e,
                       EntityMention::Kind::kDescription,
                       static_cast<std::uint32_t>(j + 1),
                       static_cast<std::uint32_t>(*app)};
          mentions_.push_back(m);
          next = *app;
        }
      }
      i = std::max(next, i + 1);
    }
    // "Jordan's capital Amman", "Amman, Jordan": place containment from text.
    // Only the words where this sentence's name mentions start can hold one:
    // those are visited, in order, not every word.
    std::vector<std::uint32_t>& starts = mention_starts_;
    starts.clear();
    for (std::size_t k = sentence_mentions_; k < mentions_.size(); ++k) {
      const RawMention& m = mentions_[k];
      if (m.kind == EntityMention::Kind::kDescription) continue;
      starts.push_back(m.first_word);
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    for (std::size_t k : starts) {
      if (k + 2 >= end) break;
      auto a = mention_entity_at_word(k);
      if (!a || drafts_[*a].type != "LOCATION") continue;
      std::size_t after = mention_end_word(k);
      std::optional<std::size_t> b;
      if (words_[after - 1].possessive && word_is(after, "capital")) {
        b = mention_entity_at_word(after + 1);
        if (b && drafts_[*b].type == "LOCATION") add_located(*b, *a);
      } else if (punct_is(after, ',') && (b = mention_entity_at_word(after + 1)) &&
                 drafts_[*b].type == "LOCATION" && drafts_[*a].origin == Origin::kLexicon &&
                 drafts_[*b].origin == Origin::kLexicon &&
                 lexicon_.contains(drafts_[*b].id, drafts_[*a].id)) {
        add_located(*a, *b);
      }
    }
  }

  // For "in X, Country": the country's draft, when X follows a preposition of
  // place and the word after the comma names a country.
  std::optional<std::size_t> place_apposition(std::size_t i, std::size_t j, std::size_t end) {
    if (i == 0 || !punct_is(j, ',') || j + 1 >= end) return std::nullopt;
    std::string_view before = key_of(words_[i - 1]);
    if (before != "in" && before != "near" && before != "from" && before != "at" &&
        before != "hit" && before != "to") {
      return std::nullopt;
    }
    auto hit = match_lexicon(j + 1, end);
    if (!hit || (hit->second & kLocalFlag)) return std::nullopt;
    // A country, or a state or province ("Des Moines, Iowa").
    const LexiconEntity& country = lexicon_.entities()[hit->second];
    auto tagged = [&](std::string_view tag) {
      return std::find(country.tags.begin(), country.tags.end(), tag) != country.tags.end();
    };
    if (!tagged("country") && !tagged("state") && !tagged("province")) return std::nullopt;
    return lexicon_entity(hit->second);
  }

  std::size_t name_run_after_known(std::size_t j, std::size_t end) const {
    std::size_t k = j;
    bool head_seen = false;
    while (k < end && k < j + 5 && !words_[k].punct && words_[k].cap && !is_common(k) &&
           !match_title(k, end)) {
      // Another known name ends the compound unless hyphenated to it
      // ("NATO-Ukraine Council") or after its head ("NATO Mission Iraq").
      if (!head_seen && !words_[k].hyphen_before && match_lexicon(k, end)) break;
      if (head_type(k)) head_seen = true;
      ++k;
      if (words_[k - 1].possessive) break;
    }
    bool acronym_follows =
        punct_is(k, '(') && k + 2 < end && words_[k + 1].upper && punct_is(k + 2, ')');
    if (acronym_follows && head_seen) return k;
    // Up to the last head word.
    while (k > j && !head_type(k - 1)) --k;
    return k;
  }

  std::size_t compound_entity(std::size_t i, std::size_t j, const std::string& type) {
    std::string_view name = text_.text.substr(words_[i].begin, words_[j - 1].end - words_[i].begin);
    std::string& k = lists_.name_key;
    k.clear();
    Lexicon::append_key(name, k);
    // (`draft` stays valid below: nothing else is added to the index before
    // it is set.)
    auto [draft, added] = lists_.named.try_emplace(k);
    if (!added) return *draft;
    Draft& d = new_draft();  // (`type` is never a draft's: drafts_ may grow)
    d.origin = Origin::kName;
    d.type = type;
    d.name = name;
    std::size_t head = j;
    for (std::size_t m = i; m < j; ++m) {
      if (head_type(m)) head = m;
    }
    if (head < j) {
      if (const WordFacts* f = facts(head); f && f->is_head) d.tags = &f->head_tags;
    }
    std::size_t e = added_draft();
    *draft = static_cast<std::uint32_t>(e);
    return e;
  }

  void add_located(std::size_t inner, std::size_t outer) {
    if (inner == outer) return;
    const std::string& id = drafts_[outer].id;
    if (id.empty()) return;
    auto& list = drafts_[inner].located_in;
    if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
  }

  std::optional<std::size_t> mention_entity_at_word(std::size_t w) const {
    if (w >= words_.size()) return std::nullopt;
    for (std::size_t k = sentence_mentions_; k < mentions_.size(); ++k) {
      const RawMention& m = mentions_[k];
      if (m.begin == words_[w].begin && m.kind != EntityMention::Kind::kDescription)
        return m.entity;
    }
    return std::nullopt;
  }

  std::size_t mention_end_word(std::size_t w) const {
    std::size_t end_byte = words_[w].end;
    for (std::size_t k = sentence_mentions_; k < mentions_.size(); ++k) {
      const RawMention& m = mentions_[k];
      if (m.begin == words_[w].begin) end_byte = std::max(end_byte, m.end);
    }
    std::size_t k = w;
    while (k < words_.size() && words_[k].end <= end_byte) ++k;
    return k;
  }

  // ---- facilities -------------------------------------------------------

  // Name mentions by word: the longest mention starting at each word.
  [[gnu::noinline]] void word_mentions() {
    // (The previous document's entries are cleared, not the whole vector.)
    for (const WordMention& m : word_mentions_) {
      if (m.first < mention_at_.size()) mention_at_[m.first] = 0;
    }
    word_mentions_.clear();
    if (mention_at_.size() < words_.size()) mention_at_.resize(words_.size(), 0);
    for (const RawMention& m : mentions_) {
      if (m.kind == EntityMention::Kind::kDescription) continue;
      std::size_t w = m.first_word;
      std::size_t last = m.last_word;
      WordMention found{static_cast<std::uint32_t>(m.entity), m.first_word, m.last_word};
      if (std::uint32_t at = mention_at_[w]; at == 0) {
        word_mentions_.push_back(found);
        mention_at_[w] = static_cast<std::uint32_t>(word_mentions_.size());
      } else if (last > word_mentions_[at - 1].last) {
        word_mentions_[at - 1] = found;
      }
    }
  }

  // The longest name mention starting at a word, or nullptr.
  struct MentionsByWord {
    const std::uint32_t* at;
    const WordMention* mentions;
    const WordMention* operator[](std::size_t word) const {
      return at[word] ? &mentions[at[word] - 1] : nullptr;
    }
  };

  // How many mentions begin before byte `before` (mentions_ is sorted by
  // position here); a backward scan starts there, not at the end of a long
  // document.
  std::size_t mentions_before(std::size_t before) const {
    return static_cast<std::size_t>(
        std::partition_point(mentions_.begin(), mentions_.end(),
                             [&](const RawMention& m) { return m.begin < before; }) -
        mentions_.begin());
  }

  // Most recent ORGANIZATION (non-facility) mentioned before byte `before`,
  // in sentence `s` only when `same_sentence`.
  std::optional<std::size_t> recent_org(std::size_t before,
                                        std::optional<std::size_t> sentence) const {
    for (std::size_t k = mentions_before(before); k-- > 0;) {
      const RawMention& m = mentions_[k];
      if (sentence && text_.sentence_at(m.begin) != *sentence) return std::nullopt;
      const Draft& d = drafts_[m.entity];
      if (d.type == "ORGANIZATION" && d.origin != Origin::kFacility && d.origin != Origin::kPerson)
        return m.entity;
    }
    return std::nullopt;
  }

  bool place_compatible(long a, long b) const {
    if (a < 0 || b < 0 || a == b) return true;
    if (place_inside(a, b) || place_inside(b, a)) return true;
    const std::string& x = drafts_[a].id;
    const std::string& y = drafts_[b].id;
    return !x.empty() && !y.empty() && (lexicon_.contains(x, y) || lexicon_.contains(y, x));
  }
  bool place_inside(long inner, long outer) const {
    if (inner < 0 || outer < 0 || inner == outer) return false;
    const Draft& i = drafts_[inner];
    const Draft& o = drafts_[outer];
    if (std::find(i.located_in.begin(), i.located_in.end(), o.id) != i.located_in.end())
      return true;
    return !i.id.empty() && !o.id.empty() && lexicon_.contains(o.id, i.id);
  }

  [[gnu::noinline]] void tag_facilities(std::size_t s) {
    std::size_t begin = sentence_first_[s];
    std::size_t end = sentence_end(s);
    const MentionsByWord by_word{mention_at_.data(), word_mentions_.data()};
    // (Sentences come in order: the words before `begin` were visited.)
    for (; kind_cursor_ < kind_count_ && kind_starts_[kind_cursor_] < end; ++kind_cursor_) {
      std::size_t i = kind_starts_[kind_cursor_];
      // Longest kind phrase starting here.
      std::size_t kind_words = 0;
      const std::string* kind_of = nullptr;
      for (std::size_t n = 1; n <= t_.max_kind_words && i + n <= end; ++n) {
        if (words_[i + n - 1].punct) break;
        const std::string_view k = phrase_key(i, i + n);
        const WordFacts* f = n == 1 ? facts(i) : phrase_facts(k);
        if (!k.empty() && !(f && f->kind_prefix)) break;  // no kind starts so
        if (f && f->is_kind) {
          kind_words = n;
          kind_of = &f->kind;
        }
        if (!k.empty() && !may_continue(f->kind_next, i + n, end)) break;
      }
      if (!kind_words) continue;
      const std::string& kind = *kind_of;
      std::size_t head_end = i + kind_words;
      // A longer kind phrase that ends here was already handled ("regional centre").
      // (Only if some kind key starts with the previous word's key.)
      if (i > begin && !words_[i - 1].punct &&
          (key_of(words_[i - 1]).empty() || has(i - 1, kKindPrefix))) {
        if (const WordFacts* f = phrase_facts(phrase_key(i - 1, head_end)); f && f->is_kind)
          continue;
      }
      // "at the centre of", "took office": not facilities.
      if (word_is(head_end, "of")) continue;
      // "Hub for the South": a capitalised kind word heading a proper name.
      if (words_[head_end - 1].cap && (word_is(head_end, "for") || word_is(head_end, "on")))
        continue;
      const Word& prev = words_[i - (i > begin ? 1 : 0)];
      if (i > begin &&
          (key_of(prev) == "took" || key_of(prev) == "in" || key_of(prev) == "left" ||
           key_of(prev) == "assumed" || key_of(prev) == "foreign" || key_of(prev) == "press" ||
           key_of(prev) == "box" || key_of(prev) == "post" || key_of(prev) == "home" ||
           key_of(prev) == "oval" || key_of(prev) == "head" || key_of(prev) == "for")) {
        continue;
      }
      // Walk left over the noun phrase's premodifiers.
      std::optional<std::size_t> owner = std::nullopt;
      std::optional<std::size_t> place = std::nullopt;
      bool definite = false, indefinite = false, pronoun_owner = false;
      std::size_t np_begin = i;
      for (std::size_t j = i; j > begin && i - j < 6;) {
        std::size_t p = j - 1;
        if (words_[p].punct) break;
        std::string_view key = key_of(words_[p]);
        if (key == "the" || key == "this" || key == "that" || key == "such" || key == "these") {
          definite = true;
          np_begin = p;
          break;
        }
        if (key == "a" || key == "an") {
          indefinite = true;
          np_begin = p;
          break;
        }
        if (key == "its" || key == "their") {
          pronoun_owner = true;
          definite = true;
          np_begin = p;
          break;
        }
        // A name ending at p.
        const WordMention* named = nullptr;
        for (std::size_t q = p + 1; q-- > begin && p - q < 6;) {
          if (by_word[q] && by_word[q]->last == p + 1) {
            named = by_word[q];
            break;
          }
        }
        if (named) {
          const Draft& d = drafts_[named->entity];
          if (d.type == "LOCATION" && !place) place = named->entity;
          if (d.type == "ORGANIZATION" && d.origin != Origin::kFacility)
            owner = named->entity;  // leftmost wins
          np_begin = named->first;
          j = named->first;
          // "NATO's office": the possessor ends the phrase.
          if (words_[p].possessive && d.type == "ORGANIZATION") {
            definite = true;
            break;
          }
          continue;
        }
        if (is_common(p) && key != "new" && key != "first" && key != "second") break;
        if (words_[p].possessive) break;
        np_begin = p;
        j = p;
      }
      if (!definite && !indefinite) {
        // Without a determiner the phrase is the names right before the head
        // ("Gulf office", "NATO liaison office"), not a verb ("opens").
        std::size_t b = i;
        while (b > np_begin && !words_[b - 1].punct &&
               (words_[b - 1].cap || is_facility_word(b - 1))) {
          --b;
        }
        if (b > np_begin) {
          np_begin = b;
          owner.reset();
          place.reset();
          for (std::size_t q = np_begin; q < i; ++q) {
            if (!by_word[q]) continue;
            const Draft& d = drafts_[by_word[q]->entity];
            if (d.type == "LOCATION" && !place) place = by_word[q]->entity;
            if (d.type == "ORGANIZATION" && d.origin != Origin::kFacility && !owner)
              owner = by_word[q]->entity;
          }
        }
      }
      // A place after the head: "in Amman", "in Amman, Jordan", "in Jordan's capital Amman".
      std::optional<std::size_t> after_place;
      std::size_t np_end = head_end;
      std::size_t a = head_end;
      if (word_is(a, "based") || word_is(a, "located")) ++a;
      if (word_is(a, "in") || word_is(a, "at")) {
        std::size_t b = a + 1;
        if (word_is(b, "the")) ++b;
        if (b < end && by_word[b] && drafts_[by_word[b]->entity].type == "LOCATION") {
          after_place = by_word[b]->entity;
          np_end = by_word[b]->last;
          std::size_t c = by_word[b]->last;
          if (words_[c - 1].possessive && word_is(c, "capital") && c + 1 < end && by_word[c + 1] &&
              drafts_[by_word[c + 1]->entity].type == "LOCATION") {
            after_place = by_word[c + 1]->entity;
            np_end = by_word[c + 1]->last;
          }
        }
      }
      if (after_place) place = after_place;
      if (pronoun_owner || !owner) {
        // "its office": the organisation last mentioned; otherwise an
        // organisation earlier in the same sentence ("NATO will open an office").
        if (auto o = recent_org(words_[np_begin].begin,
                                pronoun_owner ? std::nullopt : std::optional(s))) {
          if (!owner) owner = o;
        }
      }
      // Definite phrases ("the liaison office") find their owner through their antecedent.
      if (!owner && (indefinite || pronoun_owner)) owner = unnamed_owner(begin, np_begin);
      resolve_facility(np_begin, head_end, kind, owner, place, definite, indefinite);
      (void)np_end;
    }
  }

  // "Apple will open a store", "Tesla plans to close its factory": the
  // capitalised name nearest before the phrase in its sentence, not otherwise
  // known, is taken as the owning organisation.
  std::optional<std::size_t> unnamed_owner(std::size_t sentence_begin, std::size_t np_begin) {
    for (std::size_t k = np_begin; k-- > sentence_begin;) {
      if (claimed_[k]) return std::nullopt;  // a known name is nearer
      const Word& w = words_[k];
      if (w.punct || !w.cap || is_common(k) || match_title(k, np_begin) ||
          match_demonym(k, np_begin))
        continue;
      std::size_t first = k;
      while (first > sentence_begin && !words_[first - 1].punct && words_[first - 1].cap &&
             !claimed_[first - 1] && !is_common(first - 1) && k - first < 3) {
        --first;
      }
      if (match_title(first, np_begin) || known_person(first, k + 1)) return std::nullopt;
      for (std::size_t q = first; q <= k; ++q) {
        if (vocab_[words_[q].id].lowercase) return std::nullopt;  // "Officials will open"
      }
      if (is_person_cue(k + 1)) return std::nullopt;  // "Smith said"
      std::size_t e = compound_entity(first, k + 1, "ORGANIZATION");
      RawMention m{words_[first].begin,
                   words_[k].end,
                   e,
                   EntityMention::Kind::kName,
                   static_cast<std::uint32_t>(first),
                   static_cast<std::uint32_t>(k + 1)};
      mentions_.insert(std::upper_bound(mentions_.begin(), mentions_.end(), m, by_position), m);
      for (std::size_t q = first; q <= k; ++q) claimed_[q] = true;
      add_alias(e, m.begin, m.end);
      return e;
    }
    return std::nullopt;
  }

  void resolve_facility(std::size_t np_begin, std::size_t head_end, const std::string& kind,
                        const std::optional<std::size_t>& owner,
                        const std::optional<std::size_t>& place, bool definite, bool indefinite) {
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"  // false positive on std::optional
#endif
    long own = owner ? static_cast<long>(*owner) : -1;
    long plc = place ? static_cast<long>(*place) : -1;
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
    std::optional<std::size_t> found;
    for (std::size_t f = facilities_.size(); f-- > 0;) {
      const Draft& d = drafts_[facilities_[f]];
      if (!kinds_compatible(d.kind, kind)) continue;
      if (own >= 0 && d.owner >= 0 && own != d.owner) continue;
      if (!place_compatible(plc, d.place)) continue;
      found = facilities_[f];
      break;
    }
    if (!found) {
      bool create = plc >= 0 || (own >= 0 && definite);
      if (!create || (indefinite && plc < 0)) return;
      Draft d;
      d.origin = Origin::kFacility;
      d.type = "ORGANIZATION";
      d.owner = own;
      d.kind = kind;
      d.place = plc;
      drafts_.push_back(std::move(d));
      found = drafts_.size() - 1;
      facilities_.push_back(*found);
    } else {
      Draft& d = drafts_[*found];
      if (d.owner < 0) d.owner = own;
      if (plc >= 0 && (d.place < 0 || place_inside(plc, d.place))) d.place = plc;
      if (kind.size() > d.kind.size()) d.kind = kind;
      // Move it to the end: most recent first for the next lookup.
      facilities_.erase(std::find(facilities_.begin(), facilities_.end(), *found));
      facilities_.push_back(*found);
    }
    RawMention m{words_[np_begin].begin,
                 words_[head_end - 1].end,
                 *found,
                 EntityMention::Kind::kDescription,
                 static_cast<std::uint32_t>(np_begin),
                 static_cast<std::uint32_t>(head_end)};
    facility_mentions_.push_back(m);
    add_alias(*found, m.begin, m.end);
  }

  // ---- definite descriptions -------------------------------------------

  [[gnu::noinline]] void tag_descriptions() {
    std::vector<RawMention>& found = lists_.descriptions;
    found.clear();
    for (std::size_t d = 0; d < determiner_count_; ++d) {  // "the", "this", "that"
      std::size_t i = determiners_[d];
      if (i + 1 >= words_.size()) break;
      std::size_t s = words_[i].sentence;
      std::size_t end = sentence_end(s);
      for (std::size_t h = i + 1; h < end && h <= i + 3; ++h) {
        if (words_[h].punct || claimed_[h]) break;
        if (!has(h, kDescription)) {
          if (is_common(h)) break;
          continue;
        }
        if (word_is(h + 1, "of")) break;  // "the city of X" names a new place
        const DescriptionInfo& info = facts(h)->description;
        std::size_t limit_sentences = info.tags.empty() ? 3 : 30;
        for (std::size_t k = mentions_before(words_[i].begin); k-- > 0;) {
          const RawMention& m = mentions_[k];
          if (s - text_.sentence_at(m.begin) > limit_sentences) break;
          const Draft& d = drafts_[m.entity];
          if (d.type != info.type || d.origin == Origin::kFacility) continue;
          bool tag_ok = info.tags.empty();
          for (const std::string& tag : info.tags) {
            tag_ok = tag_ok ||
                     (d.tags && std::find(d.tags->begin(), d.tags->end(), tag) != d.tags->end());
          }
          if (!tag_ok) continue;
          found.push_back(RawMention{
              words_[i].begin, words_[h].end, m.entity, EntityMention::Kind::kDescription,
              static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(h + 1)});
          break;
        }
        break;
      }
    }
    for (const RawMention& m : found) {
      mentions_.push_back(m);
      add_alias(m.entity, m.begin, m.end);
    }
  }

  // ---- output -------------------------------------------------------------

  std::string owner_slug(long owner) const {
    if (owner < 0) return "unknown";
    const std::string& id = drafts_[owner].id;
    return id.substr(id.find(':') + 1);
  }

  [[gnu::noinline]] EntityLayer finish() {
    // Ids for persons and names, then facilities (which use owner/place ids).
    for (Draft& d : drafts_) {
      if (d.origin == Origin::kPerson) d.id = slug(d.name, "per:");
      if (d.origin == Origin::kName) {
        std::string prefix = d.type == "ORGANIZATION" ? "org:"
                             : d.type == "LOCATION"   ? "loc:"
                                                      : "oth:";
        d.id = slug(d.name, prefix);
      }
    }
    for (Draft& d : drafts_) {
      if (d.origin != Origin::kFacility) continue;
      std::string place = d.place >= 0 ? drafts_[d.place].id : "";
      d.id = "fac:" + owner_slug(d.owner) + "/" + d.kind;
      if (!place.empty()) d.id += "/" + place.substr(place.find(':') + 1);
      std::string kind_words = d.kind;
      std::replace(kind_words.begin(), kind_words.end(), '_', ' ');
      d.name = (d.owner >= 0 ? drafts_[d.owner].name + " " : "") + kind_words;
      if (d.place >= 0) {
        d.name += ", " + drafts_[d.place].name;
        d.located_in = {place};
      }
    }
    mentions_.insert(mentions_.end(), facility_mentions_.begin(), facility_mentions_.end());
    std::sort(mentions_.begin(), mentions_.end(), by_position);
    mentions_.erase(std::unique(mentions_.begin(), mentions_.end(),
                                [](const RawMention& a, const RawMention& b) {
                                  return a.begin == b.begin && a.end == b.end &&
                                         a.entity == b.entity;
                                }),
                    mentions_.end());
    // Entities in order of first mention; drafts with the same id merge.
    EntityLayer layer;
    // (Growing the entities vector would move every entity built so far.)
    layer.entities.reserve(drafts_.size());
    layer.mentions.reserve(mentions_.size());
    // Entities by id: an open-addressing table of entity index + 1 by the
    // id's hash (ids are compared with the entities' own).
    std::size_t slots = 16;
    while (slots < drafts_.size() * 2) slots *= 2;
    std::vector<std::uint32_t>& by_id = lists_.by_id;
    by_id.assign(slots, 0);
    std::vector<std::size_t>& draft_to_entity = lists_.draft_to_entity;
    draft_to_entity.assign(drafts_.size(), SIZE_MAX);
    // Each mention's entity first, so that each entity's mentions are
    // allocated once.
    std::vector<std::uint32_t>& entity_of = lists_.entity_of;
    entity_of.resize(mentions_.size());  // (each entry is written below)
    std::vector<std::uint32_t>& mention_count = lists_.mention_count;
    mention_count.clear();
    mention_count.reserve(drafts_.size());
    for (std::size_t k = 0; k < mentions_.size(); ++k) {
      const RawMention& m = mentions_[k];
      Draft& d = drafts_[m.entity];  // moved from once, when its entity is made
      std::size_t e = draft_to_entity[m.entity];
      if (e == SIZE_MAX) {
        std::size_t slot = short_string_hash(d.id) & (slots - 1);
        while (by_id[slot] != 0 && layer.entities[by_id[slot] - 1].id != d.id)
          slot = (slot + 1) & (slots - 1);
        if (by_id[slot] != 0) {
          e = draft_to_entity[m.entity] = by_id[slot] - 1;
          auto& list = layer.entities[e].aliases;
          for (std::uint32_t a = d.first_alias; a != 0; a = aliases_[a - 1].next) {
            std::string_view alias = alias_text(aliases_[a - 1]);
            if (std::find(list.begin(), list.end(), alias) == list.end()) list.emplace_back(alias);
          }
        } else {
          e = draft_to_entity[m.entity] = layer.entities.size();
          by_id[slot] = static_cast<std::uint32_t>(e + 1);
          Entity& out = layer.entities.emplace_back();  // (reserved: no reallocation)
          out.id = std::move(d.id);
          out.name = std::move(d.name);
          out.type = std::move(d.type);
          out.aliases.reserve(d.alias_count);
          for (std::uint32_t a = d.first_alias; a != 0; a = aliases_[a - 1].next)
            out.aliases.emplace_back(alias_text(aliases_[a - 1]));
          out.located_in = std::move(d.located_in);
          mention_count.push_back(0);
        }
      }
      entity_of[k] = static_cast<std::uint32_t>(e);
      ++mention_count[e];
    }
    for (std::size_t e = 0; e < layer.entities.size(); ++e)
      layer.entities[e].mentions.reserve(mention_count[e]);
    for (std::size_t k = 0; k < mentions_.size(); ++k) {
      const RawMention& m = mentions_[k];
      Span span{m.begin, m.end};
      layer.entities[entity_of[k]].mentions.push_back(
          Mention{span, std::string(text_.span_text(span))});
      layer.mentions.push_back(EntityMention{span, entity_of[k], m.kind});
    }
    return layer;
  }

  static constexpr std::size_t kLocalFlag = std::size_t{1} << (sizeof(std::size_t) * 8 - 1);

  const WordFacts* facts(std::size_t i) const { return vocab_[words_[i].id].facts; }
  // The tables' entry for a phrase key (several words' keys joined).
  const WordFacts* phrase_facts(std::string_view key) const { return t_.facts.find(key); }

  const TextLayer& text_;
  const Lexicon& lexicon_;
  const Tables& t_;
  Scratch& scratch_;
  std::string& keys_;  // the words' keys, back to back
  std::vector<Word>& words_;
  std::vector<DocWord>& vocab_;
  std::vector<VocabSlot>& vocab_slots_;
  // The words each pass can start at, in order (the rest it would skip):
  // tag_names at capitalised words, title prefixes and empty keys;
  // tag_facilities at kind prefixes and empty keys; tag_descriptions at determiners.
  std::vector<std::uint32_t>& name_starts_;
  std::vector<std::uint32_t>& kind_starts_;
  std::vector<std::uint32_t>& determiners_;
  std::size_t name_count_ = 0;  // (the lists' lengths)
  std::size_t kind_count_ = 0;
  std::size_t determiner_count_ = 0;
  std::size_t name_cursor_ = 0;  // next name_starts_ entry to visit
  std::size_t kind_cursor_ = 0;
  unsigned vocab_shift_ = 0;  // vocab_slots_ index: the top bits of a key's hash
  std::vector<std::size_t>& sentence_first_;
  std::vector<std::uint32_t>& sentence_alpha_;  // words starting with a letter, per sentence
  std::vector<std::uint32_t>& sentence_caps_;   // of which capitalised
  std::vector<std::uint8_t>& claimed_;          // bytes, not bits: tested at every word
  DraftScratch& lists_;
  std::vector<Draft>& drafts_;
  std::vector<RawMention>& mentions_;
  std::vector<RawMention>& facility_mentions_;
  // Name mentions by first word (see word_mentions): kept all zero between
  // documents, so that only the words with a mention are written.
  std::vector<std::uint32_t>& mention_at_;
  std::vector<WordMention>& word_mentions_;
  std::size_t sentence_mentions_ = 0;           // index of the current sentence's first mention
  std::vector<std::uint32_t>& mention_starts_;  // (tag_names: words where mentions start)
  std::vector<std::size_t>& facilities_;        // draft indices, least recent first
  std::vector<std::size_t>& person_drafts_;  // drafts of type PERSON, in order (types never change)
  std::vector<NameKey>& person_keys_;        // (their name keys)
  std::vector<AliasRef>& aliases_;           // (see Draft::first_alias)
  std::vector<std::string_view>& name_pool_;     // (see Draft::name_at)
  std::array<std::uint64_t, 4> person_names_{};  // (see add_to_person_filter)
  std::array<std::uint64_t, 4> person_surnames_{};
  std::vector<std::uint32_t>& by_lexicon_;  // (see DraftScratch)
  std::vector<std::uint32_t>& lexicon_used_;
};

}  // namespace

EntityLayer tag_entities(const TextLayer& text, const Lexicon& lexicon) {
  if (text.tokens.empty()) return {};
  return Tagger(text, lexicon).run();
}

// ---------------------------------------------------------------------------
// Across documents.

namespace {

struct FacilityId {
  std::string owner, kind, place;  // place without "loc:"; may be empty
};

std::optional<FacilityId> parse_facility(std::string_view id) {
  if (!id.starts_with("fac:")) return std::nullopt;
  id.remove_prefix(4);
  FacilityId f;
  std::size_t a = id.find('/');
  if (a == std::string_view::npos) return std::nullopt;
  f.owner = std::string(id.substr(0, a));
  std::string_view rest = id.substr(a + 1);
  std::size_t b = rest.find('/');
  f.kind = std::string(rest.substr(0, b));
  if (b != std::string_view::npos) f.place = std::string(rest.substr(b + 1));
  return f;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t sp = s.find(' ', start);
    if (sp == std::string_view::npos) sp = s.size();
    if (sp > start) out.emplace_back(s.substr(start, sp - start));
    start = sp + 1;
  }
  return out;
}

bool name_like(std::string_view alias) {
  if (!starts_upper(alias)) return false;
  for (std::string_view article : {"The ", "A ", "An ", "This ", "That ", "Its ", "Such "}) {
    if (alias.starts_with(article)) return false;
  }
  return true;
}

struct Node {
  std::string id;
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
  std::vector<std::string> located_in;
  std::vector<std::size_t> documents;  // extraction indices, in input order
  std::size_t first_seen = 0;          // order of first appearance
};

}  // namespace

std::vector<Entity> link_entities(std::vector<Extraction>& extractions, const Lexicon& lexicon) {
  // One node per distinct id, in order of first appearance.
  std::vector<Node> nodes;
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::size_t xi = 0; xi < extractions.size(); ++xi) {
    const Extraction& x = extractions[xi];
    for (const Entity& e : x.entities) {
      auto [it, inserted] = by_id.emplace(e.id, nodes.size());
      if (inserted) {
        Node n;
        n.id = e.id;
        n.name = e.name;
        n.type = e.type;
        n.first_seen = nodes.size();
        nodes.push_back(std::move(n));
      }
      Node& n = nodes[it->second];
      for (const auto& a : e.aliases) {
        if (std::find(n.aliases.begin(), n.aliases.end(), a) == n.aliases.end())
          n.aliases.push_back(a);
      }
      for (const auto& l : e.located_in) {
        if (std::find(n.located_in.begin(), n.located_in.end(), l) == n.located_in.end())
          n.located_in.push_back(l);
      }
      if (n.documents.empty() || n.documents.back() != xi) n.documents.push_back(xi);
      if (e.name.size() > n.name.size() && e.type == "PERSON") n.name = e.name;
    }
  }
  std::vector<std::size_t> parent(nodes.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto find = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // `from` joins `into`'s group; `into`'s root stays the root.
  auto merge = [&](std::size_t from, std::size_t into) {
    std::size_t a = find(from), b = find(into);
    if (a != b) parent[a] = b;
  };

  // Persons named by surname alone join the one full name ending with it.
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].type != "PERSON") continue;
    auto words = split_words(nodes[i].name);
    if (words.size() != 1) continue;
    std::optional<std::size_t> match;
    bool ambiguous = false;
    for (std::size_t j = 0; j < nodes.size(); ++j) {
      if (j == i || nodes[j].type != "PERSON") continue;
      auto other = split_words(nodes[j].name);
      if (other.size() > 1 && name_suffix(other.back())) other.pop_back();  // "Biden Jr"
      if (other.size() > 1 && other.back() == words[0]) {
        if (match && find(*match) != find(j)) ambiguous = true;
        match = j;
      }
    }
    if (match && !ambiguous) merge(i, *match);
  }

  // Names outside the lexicon that share a written form with another entity
  // of the same type ("Mediterranean Dialogue" / "MD" defined in two documents).
  std::map<std::pair<std::string, std::string>, std::size_t> by_alias;  // (type, key) -> node
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].id.starts_with("fac:") || nodes[i].type == "PERSON") continue;
    for (const auto& a : nodes[i].aliases) {
      if (!name_like(a)) continue;
      auto key = std::make_pair(nodes[i].type, Lexicon::key(a));
      auto [it, inserted] = by_alias.emplace(key, i);
      if (!inserted && find(it->second) != find(i)) {
        bool i_known = lexicon.find_id(nodes[i].id) != nullptr;
        bool other_known = lexicon.find_id(nodes[it->second].id) != nullptr;
        if (i_known && other_known) continue;  // two known things never merge
        if (i_known) {
          merge(it->second, i);
        } else {
          merge(i, it->second);
        }
      }
    }
  }

  // Facilities: one without a place, or placed in a country, joins the one
  // facility of the same owner and kind inside that place ("a NATO office in
  // Jordan" is the office in Amman when NATO has one office in Jordan).
  std::vector<std::optional<FacilityId>> facility(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) facility[i] = parse_facility(nodes[i].id);
  auto place_id = [](const std::string& p) { return "loc:" + p; };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!facility[i]) continue;
    const FacilityId& f = *facility[i];
    std::vector<std::size_t> candidates;
    for (std::size_t j = 0; j < nodes.size(); ++j) {
      if (j == i || !facility[j]) continue;
      const FacilityId& g = *facility[j];
      if (g.owner != f.owner || !kinds_compatible(f.kind, g.kind)) continue;
      bool more_specific_place =
          !g.place.empty() &&
          (f.place.empty() ||
           (g.place != f.place && lexicon.contains(place_id(f.place), place_id(g.place))));
      bool more_specific_kind = g.place == f.place && g.kind.size() > f.kind.size();
      if (more_specific_place || more_specific_kind) candidates.push_back(j);
    }
    // Candidates in one group count once.
    std::vector<std::size_t> roots;
    for (std::size_t c : candidates) {
      std::size_t r = find(c);
      if (std::find(roots.begin(), roots.end(), r) == roots.end()) roots.push_back(r);
    }
    if (roots.size() == 1) {
      // Join the most specific candidate (deepest place, longest kind).
      std::size_t best = candidates.front();
      for (std::size_t c : candidates) {
        const FacilityId& g = *facility[c];
        const FacilityId& b = *facility[best];
        if (!b.place.empty() && !g.place.empty() && g.place != b.place &&
            lexicon.contains(place_id(b.place), place_id(g.place))) {
          best = c;
        } else if (g.place == b.place && g.kind.size() > b.kind.size()) {
          best = c;
        }
      }
      // The most specific facility becomes the root and names the group.
      std::size_t ra = find(i), rb = find(best);
      std::vector<std::size_t> members;
      for (std::size_t k = 0; k < parent.size(); ++k) {
        std::size_t r = find(k);
        if (r == ra || r == rb) members.push_back(k);
      }
      for (std::size_t k : members) parent[k] = best;
    }
  }

  // Canonical node per group: the root, except that a lexicon entity or a
  // fuller person name wins.
  std::vector<std::size_t> canonical(nodes.size());
  std::map<std::size_t, std::size_t> root_choice;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    std::size_t r = find(i);
    auto [it, inserted] = root_choice.emplace(r, r);
    std::size_t& c = it->second;
    bool i_known = lexicon.find_id(nodes[i].id) != nullptr;
    bool c_known = lexicon.find_id(nodes[c].id) != nullptr;
    if (i_known && !c_known) c = i;
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) canonical[i] = root_choice[find(i)];

  std::unordered_map<std::string, std::size_t> id_to_canonical;
  for (std::size_t i = 0; i < nodes.size(); ++i) id_to_canonical[nodes[i].id] = canonical[i];
  auto new_id = [&](const std::string& id) -> const std::string* {
    auto it = id_to_canonical.find(id);
    return it == id_to_canonical.end() ? nullptr : &nodes[it->second].id;
  };

  // Rewrite every extraction (in place: entities that now share an id merge
  // into the first of them).
  std::unordered_map<std::string_view, std::size_t> seen;  // canonical id -> kept index
  for (Extraction& x : extractions) {
    std::unordered_map<std::string, std::string> renamed_names;  // old name -> canonical name
    seen.clear();
    std::size_t kept = 0;
    for (std::size_t k = 0; k < x.entities.size(); ++k) {
      Entity& e = x.entities[k];
      std::size_t c = id_to_canonical.at(e.id);
      if (nodes[c].name != e.name) renamed_names[e.name] = nodes[c].name;
      e.id = nodes[c].id;
      e.name = nodes[c].name;
      for (auto& l : e.located_in) {
        if (const std::string* n = new_id(l)) l = *n;
      }
      auto [it, inserted] = seen.emplace(nodes[c].id, kept);
      if (inserted) {
        if (kept != k) x.entities[kept] = std::move(e);
        ++kept;
      } else {
        Entity& into = x.entities[it->second];
        for (auto& a : e.aliases) {
          if (std::find(into.aliases.begin(), into.aliases.end(), a) == into.aliases.end())
            into.aliases.push_back(a);
        }
        into.mentions.insert(into.mentions.end(), e.mentions.begin(), e.mentions.end());
        std::sort(into.mentions.begin(), into.mentions.end(),
                  [](const Mention& a, const Mention& b) {
                    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin
                                                        : a.span.end < b.span.end;
                  });
      }
    }
    x.entities.erase(x.entities.begin() + static_cast<std::ptrdiff_t>(kept), x.entities.end());
    for (Quote& q : x.quotes) {
      if (const std::string* n = new_id(q.speaker_id)) {
        q.speaker_id = *n;
        q.speaker = nodes[id_to_canonical.at(*n)].name;
      }
    }
    for (Claim& c : x.claims) {
      if (const std::string* n = new_id(c.subject)) {
        if (c.subject_name == nodes[id_to_canonical.at(c.subject)].name || c.subject_name.empty() ||
            renamed_names.count(c.subject_name)) {
          c.subject_name = nodes[id_to_canonical.at(c.subject)].name;
        }
        c.subject = *n;
      }
      if (const std::string* n = new_id(c.typed.entity)) {
        if (c.value == c.typed.entity) c.value = *n;
        c.typed.entity = *n;
      }
      if (auto it = renamed_names.find(c.attributed_to); it != renamed_names.end())
        c.attributed_to = it->second;
    }
  }

  // Documents in input order (an entity's documents are gathered as
  // positions, so that joining large groups costs no linear search).
  // The canonical list, in order of first appearance.
  std::vector<Entity> out;
  std::vector<std::vector<std::size_t>> out_documents;
  std::unordered_map<std::size_t, std::size_t> slot;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    std::size_t c = canonical[i];
    auto [it, inserted] = slot.emplace(c, out.size());
    if (inserted) {
      Entity e;
      e.id = nodes[c].id;
      e.name = nodes[c].name;
      e.type = nodes[c].type;
      out.push_back(std::move(e));
      out_documents.emplace_back();
    }
    Entity& e = out[it->second];
    for (const auto& a : nodes[i].aliases) {
      if (std::find(e.aliases.begin(), e.aliases.end(), a) == e.aliases.end())
        e.aliases.push_back(a);
    }
    for (const auto& l : nodes[i].located_in) {
      std::string id = l;
      if (const std::string* n = new_id(l)) id = *n;
      if (id != e.id &&
          std::find(e.located_in.begin(), e.located_in.end(), id) == e.located_in.end()) {
        e.located_in.push_back(id);
      }
    }
    auto& documents = out_documents[it->second];
    documents.insert(documents.end(), nodes[i].documents.begin(), nodes[i].documents.end());
  }
  for (std::size_t k = 0; k < out.size(); ++k) {
    auto& documents = out_documents[k];
    std::sort(documents.begin(), documents.end());
    documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
    out[k].documents.reserve(documents.size());
    for (std::size_t d : documents) out[k].documents.push_back(extractions[d].document.id);
  }
  return out;
}

std::optional<std::size_t> entity_at(const EntityLayer& layer, Span span) {
  std::optional<std::size_t> best;
  std::size_t best_overlap = 0;
  std::size_t best_length = 0;
  for (const EntityMention& m : layer.mentions) {
    if (m.span.begin >= span.end) break;
    std::size_t lo = std::max(m.span.begin, span.begin);
    std::size_t hi = std::min(m.span.end, span.end);
    if (hi <= lo) continue;
    std::size_t overlap = hi - lo;
    std::size_t length = m.span.end - m.span.begin;
    // The most overlap; among equals the tighter mention.
    if (overlap > best_overlap || (overlap == best_overlap && length < best_length)) {
      best = m.entity;
      best_overlap = overlap;
      best_length = length;
    }
  }
  return best;
}

std::optional<std::size_t> person_before(const EntityLayer& layer, const TextLayer& text,
                                         std::size_t offset, std::size_t max_sentences) {
  std::size_t sentence = text.sentence_at(offset);
  for (std::size_t k = layer.mentions.size(); k-- > 0;) {
    const EntityMention& m = layer.mentions[k];
    if (m.span.end > offset) continue;
    if (sentence - text.sentence_at(m.span.begin) > max_sentences) break;
    if (layer.entities[m.entity].type == "PERSON") return m.entity;
  }
  return std::nullopt;
}

std::optional<std::size_t> entity_index(const EntityLayer& layer, std::string_view id) {
  for (std::size_t i = 0; i < layer.entities.size(); ++i) {
    if (layer.entities[i].id == id) return i;
  }
  return std::nullopt;
}

std::string entity_id(std::string_view prefix, std::string_view name) { return slug(name, prefix); }

}  // namespace crosscheck::internal
