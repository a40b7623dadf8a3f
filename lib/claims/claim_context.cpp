#include "claims/claim_context.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#include "data/embedded.h"
#include "util/date.h"
#include "util/gallop.h"
#include "util/scratch.h"
#include "util/string_index.h"

namespace crosscheck::internal {

ClaimData::ClaimData() {
  for (const auto& row : data_tsv("claims/stages.tsv", 2)) {
    std::optional<int> order = data_int(row[1]);
    if (!order) {
      report_data_row("claims/stages.tsv", row, "the order is not a number");
      continue;
    }
    stages[std::string(row[0])] = *order;
  }
  for (const auto& row : data_tsv("claims/synonyms.tsv")) {
    auto phrase_of = [](std::string_view s) {
      TextLayer layer = segment(s);
      std::vector<std::string> words;
      for (std::size_t i = 0; i < layer.tokens.size(); ++i) {
        words.push_back(normalise_token(layer.token_text(i)));
      }
      return join_phrase(words, 0, words.size());
    };
    std::string canonical = phrase_of(row[0]);
    for (std::size_t k = 0; k < row.size(); ++k) synonyms[phrase_of(row[k])] = canonical;
  }
  const std::pair<const PhraseTable*, TriggerBit> trigger_tables[] = {
      {&lifecycle, kLifecycleTrigger}, {&membership, kMembershipTrigger},
      {&scope, kScopeTrigger},         {&event_verbs, kEventVerbTrigger},
      {&roles, kRoleTrigger},          {&superlatives, kSuperlativeTrigger},
  };
  function_class.assign(PhraseVocabulary::instance().size(), std::string_view());
  for (std::uint32_t id = 0; id < function_class.size(); ++id) {
    if (const auto* e = function_words.find_id(id)) function_class[id] = e->value;
  }
  const std::pair<std::string_view, Function> kinds[] = {
      {"det", kDet},   {"prep", kPrep}, {"aux", kAux}, {"pron", kPron},
      {"conj", kConj}, {"rel", kRel},   {"adv", kAdv},
  };
  function_kind.assign(function_class.size(), kNotFunction);
  for (std::uint32_t id = 0; id < function_class.size(); ++id) {
    if (function_class[id].empty()) continue;
    function_kind[id] = kOtherFunction;
    for (const auto& [name, kind] : kinds) {
      if (function_class[id] == name) function_kind[id] = kind;
    }
  }
  triggers.assign(PhraseVocabulary::instance().size(), 0);
  for (std::uint32_t id = 0; id < triggers.size(); ++id) {
    for (const auto& [table, bit] : trigger_tables) {
      if (table->starts_phrase(id)) triggers[id] |= bit;
    }
    const bool facility = facilities.find_id(id), event = events.find_id(id);
    if (facility || event) triggers[id] |= kFacilityOrEventWord;
    if (!function_class[id].empty()) triggers[id] |= kFunctionWord;
    if (unknown_date.starts_phrase(id)) triggers[id] |= kUnknownDateTrigger;
    if (facility) triggers[id] |= kFacilityWord;
    if (facility || event || lifecycle.find_id(id) || proxy.find_id(id) || roles.find_id(id) ||
        reporting.find_id(id)) {
      triggers[id] |= kKnownNoun;
    }
  }
}

const ClaimData& claim_data() {
  static const ClaimData kData;
  return kData;
}

namespace {

template <typename Word>
std::string join_words(const std::vector<Word>& words, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end && i < words.size(); ++i) {
    bool glue = words[i] == "-" || (i > begin && words[i - 1] == "-");
    if (!out.empty() && !glue) out.push_back(' ');
    out += words[i];
  }
  return out;
}

}  // namespace

std::string join_phrase(const std::vector<std::string>& words, std::size_t begin, std::size_t end) {
  return join_words(words, begin, end);
}

std::string join_phrase(const std::vector<std::string_view>& words, std::size_t begin,
                        std::size_t end) {
  return join_words(words, begin, end);
}

namespace {

// join_phrase of words [begin, end) with '_' for every space (words rarely
// hold one), in one pass, written at `first`, which has room for the words
// and a separator each. Returns the end of what it wrote. With kPadded, the
// words are normalised ones (views of NormalisedTokens: eight readable bytes
// after each) and a word of up to eight bytes is written as one eight-byte
// store (its spaces made '_' in the register), so `first` needs eight bytes of
// room more. No loop per byte: its end mispredicted.
template <bool kPadded>
char* write_phrase_key(const std::string_view* words, std::size_t begin, std::size_t end,
                       char* const first) {
  char* p = first;
  bool after_hyphen = false;
  for (std::size_t i = begin; i < end; ++i) {
    const std::string_view w = words[i];
    const bool hyphen = w.size() == 1 && w[0] == '-';
    if (p != first && !hyphen && !after_hyphen) *p++ = '_';
    if (kPadded && w.size() <= 8) {
      std::uint64_t x;
      std::memcpy(&x, w.data(), 8);
      // Bytes equal to ' ' (exactly: no borrow crosses bytes here) become '_'.
      constexpr std::uint64_t kSpaces = 0x2020202020202020ull, kLow7 = 0x7F7F7F7F7F7F7F7Full;
      const std::uint64_t y = x ^ kSpaces;
      const std::uint64_t nonzero = ((y & kLow7) + kLow7) | y;  // high bit: byte != ' '
      const std::uint64_t space = (~nonzero & ~kLow7) >> 7;     // 1 in each space byte
      x += space * static_cast<std::uint64_t>('_' - ' ');
      std::memcpy(p, &x, 8);
      p += w.size();
    } else {
      for (char c : w) *p++ = c == ' ' ? '_' : c;
    }
    after_hyphen = hyphen;
  }
  return p;
}

}  // namespace

void append_phrase_key(const std::vector<std::string_view>& words, std::size_t begin,
                       std::size_t end, std::string* out) {
  end = std::min(end, words.size());
  std::size_t most = 0;
  for (std::size_t i = begin; i < end; ++i) most += words[i].size() + 1;
  const std::size_t start = out->size();
  out->resize(start + most);
  char* const first = out->data() + start;
  char* const last = write_phrase_key<false>(words.data(), begin, end, first);
  out->resize(start + static_cast<std::size_t>(last - first));
}

std::string phrase_key_of(const std::vector<std::string_view>& words, std::size_t begin,
                          std::size_t end) {
  std::string out;
  std::size_t length = 0;
  for (std::size_t i = begin; i < std::min(end, words.size()); ++i) length += words[i].size() + 1;
  out.reserve(length);
  append_phrase_key(words, begin, end, &out);
  return out;
}

std::string phrase_key(std::string_view phrase) {
  std::string out(phrase);
  std::replace(out.begin(), out.end(), ' ', '_');
  return out;
}

std::string id_suffix(std::string_view id) {
  auto colon = id.find(':');
  return std::string(colon == std::string_view::npos ? id : id.substr(colon + 1));
}

// The per-document arrays of the thread's last ClaimContext, handed on to the
// next one (no allocation per document once they are large enough).
struct ClaimContextBuffers {
  std::vector<int> time_at, run_at, facility_at;
  std::vector<NameRun> runs;
  std::vector<FacilityRef> facilities;
  std::vector<std::uint8_t> sentence_triggers;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> time_tokens;
  std::vector<std::uint32_t> facility_heads, trigger_tokens, trigger_begin;
  std::vector<std::uint16_t> trigger_bits;
  std::vector<char> run_phrases;
};

namespace {

ClaimContextBuffers& spare_buffers() {
  thread_local ClaimContextBuffers spare;
  return spare;
}

}  // namespace

template <class Visit>
void ClaimContext::each_reused_array(ClaimContextBuffers& spare, Visit visit) {
  visit(time_at, spare.time_at);
  visit(run_at, spare.run_at);
  visit(facility_at, spare.facility_at);
  visit(runs, spare.runs);
  visit(facilities, spare.facilities);
  visit(sentence_triggers, spare.sentence_triggers);
  visit(time_tokens_, spare.time_tokens);
  visit(facility_heads_, spare.facility_heads);
  visit(trigger_tokens_, spare.trigger_tokens);
  visit(trigger_begin_, spare.trigger_begin);
  visit(trigger_bits_, spare.trigger_bits);
}

ClaimContext::~ClaimContext() {
  ClaimContextBuffers& spare = spare_buffers();
  each_reused_array(spare, [](auto& mine, auto& kept) {
    mine.clear();
    release_if_larger(mine);  // (an unusually large document's)
    kept = std::move(mine);
  });
  // Kept at its size: find_runs overwrites what it uses (no zeroing).
  release_if_larger(run_phrases_);
  spare.run_phrases = std::move(run_phrases_);
}

ClaimContext::ClaimContext(const Annotations& annotations)
    : a(annotations),
      t(annotations.text),
      d(claim_data()),
      normalised_(
          annotations.normalised &&
                  annotations.normalised->words.size() == annotations.text.tokens.size()
              ? annotations.normalised
              : std::make_shared<const NormalisedTokens>(normalise_tokens(annotations.text))),
      n(*normalised_) {
  if (a.document && !a.document->published.empty()) {
    as_of = a.document->published.substr(0, 10);
  } else if (a.anchor) {
    as_of = format_iso(*a.anchor);
  }
  ClaimContextBuffers& spare = spare_buffers();
  each_reused_array(spare, [](auto& mine, auto& kept) { mine = std::move(kept); });
  run_phrases_ = std::move(spare.run_phrases);
  mentions_sorted_ = std::is_sorted(
      a.entities.mentions.begin(), a.entities.mentions.end(),
      [](const EntityMention& x, const EntityMention& y) { return x.span.begin < y.span.begin; });
  // find_runs first: its pass over all tokens brings them into the cache.
  find_runs();
  find_times();
  find_facilities();
}

bool ClaimContext::is_boundary(std::size_t i, bool commas) const {
  std::string_view w = n.words[i];
  if (is_punct(i)) {
    // A switch on single bytes: the clause scans ask about every token.
    if (w.size() == 1) {
      switch (w[0]) {
        case ',':
          return commas;
        case ';':
        case ':':
        case '(':
        case ')':
        case '"':
        case '.':
        case '?':
        case '!':
          return true;
        default:
          return false;
      }
    }
    return same_word(w, "\u201c") || same_word(w, "\u201d") || same_word(w, "\u2014") ||
           same_word(w, "\u2013");
  }
  switch (d.function_kind[n.ids[i]]) {
    case ClaimData::kRel:
      return true;
    case ClaimData::kConj:
      return !same_word(w, "and") && !same_word(w, "or");
    case ClaimData::kNotFunction:
    case ClaimData::kOtherFunction:
      break;
    default:
      return false;  // no other class holds "if" or "unless"
  }
  return same_word(w, "if") || same_word(w, "unless");
}

std::size_t ClaimContext::clause_begin(std::size_t i) const {
  std::size_t sb = sentence_begin(i);
  for (std::size_t j = i; j > sb; --j) {
    if (is_boundary(j - 1, true)) return is_punct(j - 1) ? j : j - 1;
  }
  return sb;
}

std::size_t ClaimContext::clause_end(std::size_t i, bool commas) const {
  std::size_t se = sentence_end(i);
  for (std::size_t j = i + 1; j < se; ++j) {
    if (is_boundary(j, commas)) return j;
  }
  return se;
}

std::pair<std::string, std::string> ClaimContext::modality(std::size_t i) const {
  std::size_t cb = clause_begin(i);
  bool hedged = false, future = false, conditional = false, negative = false;
  // A condition governs the whole sentence after it: "If X, the bridge will open".
  for (std::size_t j = sentence_begin(i); j < cb; ++j) {
    if (auto m = d.modality.match(n, j, cb); m && m.entry->value == "conditional")
      conditional = true;
  }
  for (std::size_t j = cb; j < i; ++j) {
    std::string_view w = n.words[j];
    if (w.size() > 3 && w.substr(w.size() - 3) == "n't") negative = true;
    auto m = d.modality.match(n, j, i + 1);
    if (!m) continue;
    const std::string& kind = m.entry->value;
    if (kind == "hedged") hedged = true;
    if (kind == "future") future = true;
    if (kind == "conditional") conditional = true;
    if (kind == "negation") negative = true;
    j += m.length - 1;
  }
  // A bare infinitive after a name or noun is a headline future: "NATO to open".
  if (i > cb && word_is(i - 1, "to") && i >= 2 && i - 1 > cb &&
      t.tokens[i - 2].kind == Token::Kind::kWord && !is_func_word(i - 2) &&
      !d.lifecycle.find_id(n.ids[i - 2])) {
    future = true;
  }
  std::string polarity = negative ? "negative" : "positive";
  if (conditional) return {"conditional", polarity};
  if (hedged) return {"hedged", polarity};
  if (future) return {"future", polarity};
  return {"asserted", polarity};
}

std::pair<std::size_t, std::size_t> ClaimContext::tokens_of(Span s) const {
  std::size_t from = 0;
  return tokens_of(s, &from);
}

std::pair<std::size_t, std::size_t> ClaimContext::tokens_of(Span s, std::size_t* cursor) const {
  const Token* const tokens = t.tokens.data();
  const std::size_t count = t.tokens.size();
  // The first token that ends after s.begin, searched from the cursor (the
  // tokens near it are in the cache).
  *cursor = gallop_partition_point(count, *cursor,
                                   [&](std::size_t k) { return tokens[k].end <= s.begin; });
  // Spans cover a few tokens: walk to the end rather than search for it.
  const Token* last = tokens + *cursor;
  while (last != tokens + count && last->begin < s.end) ++last;
  return {*cursor, static_cast<std::size_t>(last - tokens)};
}

void ClaimContext::find_times() {
  times = a.times;
  if (times.empty()) {
    std::vector<TimeExpr>& years = bare_years_;
    // Without the time tagger, bare years still date events ("in 2017").
    for (std::size_t i = 0; i < t.tokens.size(); ++i) {
      std::string_view w = t.token_text(i);
      if (w.size() != 4 || t.tokens[i].kind != Token::Kind::kNumber) continue;
      if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      int year = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
      if (year < 1000 || year > 2100) continue;
      TimeExpr x;
      x.span = Span{t.tokens[i].begin, t.tokens[i].end};
      x.text = std::string(w);
      x.type = "DATE";
      x.value = std::string(w);
      x.interval.first_day = days_from_civil({year, 1, 1});
      x.interval.last_day = days_from_civil({year, 12, 31});
      x.interval.granularity = Granularity::kYear;
      years.push_back(std::move(x));
    }
    times = years;
  }
  time_at.assign(t.tokens.size(), -1);
  time_tokens_.resize(times.size());
  std::size_t cursor = 0;  // the times come in text order
  for (std::size_t k = 0; k < times.size(); ++k) {
    auto [b, e] = tokens_of(times[k].span, &cursor);
    time_tokens_[k] = {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
    for (std::size_t i = b; i < e; ++i) time_at[i] = static_cast<int>(k);
  }
}

std::string ClaimContext::entity_id_at(std::size_t begin, std::size_t end, std::string* type,
                                       std::string* name) const {
  const Entity* ent = entity_at(begin, end);
  if (!ent) return {};
  if (type) *type = ent->type;
  if (name) *name = ent->name;
  return ent->id;
}

ClaimContext::EntityCursor ClaimContext::entity_cursor() const {
  EntityCursor cursor;
  // No mention reaches further back than its own length: a scan may start
  // that far before a span instead of 512 bytes before it (same result).
  for (const EntityMention& m : a.entities.mentions) {
    cursor.reach = std::max<std::size_t>(cursor.reach, m.span.end - m.span.begin);
  }
  cursor.reach = std::min<std::size_t>(cursor.reach, 512);
  return cursor;
}

const Entity* ClaimContext::entity_at(std::size_t begin, std::size_t end,
                                      EntityCursor* cursor) const {
  if (begin >= end) return nullptr;
  std::size_t b = t.tokens[begin].begin, e = t.tokens[end - 1].end;
  // The mention must end inside these words: "Jordan" in "Jordan's capital
  // Amman" is not Amman, while "secretary general Jens Stoltenberg" is him.
  // Mentions in text order are short: start the scan a little before `b`.
  const auto& mentions = a.entities.mentions;
  auto first = mentions.begin();
  if (mentions_sorted_) {
    auto before = [](const EntityMention& m, std::size_t o) { return m.span.begin < o; };
    if (cursor) {
      // Spans come in text order: move the cursor on instead of searching.
      const std::size_t from = b > cursor->reach ? b - cursor->reach : 0;
      while (cursor->next < mentions.size() && mentions[cursor->next].span.begin < from)
        ++cursor->next;
      first = mentions.begin() + static_cast<std::ptrdiff_t>(cursor->next);
    } else {
      std::size_t from = b > 512 ? b - 512 : 0;
      first = std::lower_bound(mentions.begin(), mentions.end(), from, before);
    }
  }
  for (auto it = first; it != mentions.end(); ++it) {
    const EntityMention& m = *it;
    if (mentions_sorted_ && m.span.begin >= e) break;
    if (m.span.begin < e && b < m.span.end && m.span.end <= e &&
        m.entity < a.entities.entities.size()) {
      return &a.entities.entities[m.entity];
    }
  }
  return nullptr;
}

namespace {

bool capitalised(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  return c >= 'A' && c <= 'Z';
}

bool all_caps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// A normalised word of up to four bytes (a view of NormalisedTokens, whose
// text has eight readable bytes after every word) as one number: its bytes
// and its length. Short words then compare as integers.
std::uint64_t short_word_code(std::string_view w) {
  std::uint32_t x;
  std::memcpy(&x, w.data(), 4);
  if (w.size() < 4) x &= (std::uint32_t{1} << (8 * w.size())) - 1;
  return std::uint64_t{w.size()} << 32 | x;
}

// short_word_code of a literal of up to four bytes.
constexpr std::uint64_t short_word_code_of(std::string_view w) {
  std::uint64_t x = std::uint64_t{w.size()} << 32;
  for (std::size_t k = 0; k < w.size(); ++k)
    x |= std::uint64_t{static_cast<unsigned char>(w[k])} << (8 * k);
  return x;
}

// Whether a normalised word (see short_word_code) is an honorific: a length
// test and integer compares, no call or byte loop. (A branch-free version
// mispredicted less but ran 20 more instructions a word.)
[[gnu::always_inline]] inline bool is_honorific(std::string_view w) {
  if (w.size() - 2 > 2) return false;  // two to four bytes
  const std::uint64_t x = short_word_code(w);
  return x == short_word_code_of("mr") || x == short_word_code_of("ms") ||
         x == short_word_code_of("dr") || x == short_word_code_of("mrs") ||
         x == short_word_code_of("sir") || x == short_word_code_of("dame");
}

// A word before a place name ("in Amman", "towards Gaza").
bool place_preposition(std::string_view w) {
  switch (w.size()) {
    case 2:
    case 4: {  // a normalised word (see short_word_code)
      const std::uint64_t x = short_word_code(w);
      return x == short_word_code_of("in") || x == short_word_code_of("at") ||
             x == short_word_code_of("from") || x == short_word_code_of("near") ||
             x == short_word_code_of("into");
    }
    case 6:
      return w == "across";
    case 7:
      return w == "towards";
    default:
      return false;
  }
}

// Numbers strings the caller keeps alive (views), in order of first
// insertion. Callers pass PhraseVocabulary::hash of the key (NormalisedTokens'
// hashes are that); a slot holds the hash's low 32 bits (which place it:
// tables stay below 2^32 slots) with the id, so a probe looks further only
// when those are equal, and growing rehashes from the slots. For keys of up
// to eight bytes that hash is one-to-one (per length: one multiply by an odd
// number and one xor-shift of the zero-padded bytes), so equal hashes and
// lengths are equal keys: their bytes are never read (only longer keys are
// compared). Its storage is kept from one document to the next (clear()).
class ViewIds {
 public:
  static constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);

  /// Empties the table, with room for `expected` keys without growing.
  void clear(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    allocate(slots_, capacity);
    keys_.clear();
    keys_.reserve(expected);
    hashes_.clear();
    hashes_.reserve(expected);
  }

  /// The id of `key` (whose hash is h), inserting it when new.
  [[gnu::always_inline]] std::uint32_t intern(std::string_view key, std::uint64_t h) {
    Slot& s = slots_[locate(key, h)];
    if (s.id != 0) return s.id - 1;
    keys_.push_back(key);
    hashes_.push_back(h);
    s = Slot{static_cast<std::uint32_t>(h), static_cast<std::uint32_t>(keys_.size())};
    if (2 * keys_.size() > mask_ + 1) grow();
    return static_cast<std::uint32_t>(keys_.size() - 1);
  }
  /// The id of `key`, or kNone.
  [[gnu::always_inline]] std::uint32_t find(std::string_view key, std::uint64_t h) const {
    return slots_[locate(key, h)].id - 1;  // 0 - 1 == kNone
  }
  std::size_t size() const { return keys_.size(); }
  /// Frees what an unusually large document left behind.
  void trim() {
    release_if_larger(slots_);
    release_if_larger(old_);
    release_if_larger(keys_);
    release_if_larger(hashes_);
  }

 private:
  struct Slot {          // trivial: a new table is zero-filled at once
    std::uint32_t hash;  // the key's hash's low bits
    std::uint32_t id;    // id + 1, or 0 when empty
  };
  // Makes `slots` the table of `capacity` empty slots (zeros).
  void allocate(std::vector<Slot>& slots, std::size_t capacity) {
    if (slots.size() < capacity) slots.resize(capacity);
    std::memset(slots.data(), 0, capacity * sizeof(Slot));
    mask_ = capacity - 1;
  }
  [[gnu::always_inline]] std::size_t locate(std::string_view key, std::uint64_t h) const {
    for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
      const Slot& s = slots_[at];
      if (s.id == 0) return at;
      if (s.hash == static_cast<std::uint32_t>(h) && hashes_[s.id - 1] == h) {
        const std::string_view k = keys_[s.id - 1];
        if (k.size() == key.size() && (key.size() <= 8 || same_word(k, key))) return at;
      }
    }
  }
  void grow() {
    slots_.swap(old_);
    const std::size_t old_capacity = mask_ + 1;
    allocate(slots_, 2 * old_capacity);
    for (std::size_t k = 0; k < old_capacity; ++k) {
      const Slot& s = old_[k];
      if (s.id == 0) continue;
      std::size_t at = s.hash & mask_;
      while (slots_[at].id != 0) at = (at + 1) & mask_;
      slots_[at] = s;
    }
  }
  std::vector<Slot> slots_;  // the first mask_ + 1 are the table
  std::vector<Slot> old_;    // the table before it grew
  std::size_t mask_ = 0;     // capacity - 1
  std::vector<std::string_view> keys_;
  std::vector<std::uint64_t> hashes_;  // by id: the key's whole hash
};

std::uint64_t key_hash(std::string_view key) { return PhraseVocabulary::hash(key); }

// Bits of the per-word flags of find_runs.
enum WordUse : std::uint8_t {
  kMidCapitalised = 1,  ///< capitalised inside a sentence (as a content word)
  kLowerCase = 2,       ///< written in lower case somewhere
};

// Byte -> kLowerCaseByte for a-z, kUpperCaseByte for A-Z, else 0.
constexpr unsigned kLowerCaseByte = 1, kUpperCaseByte = 2;
constexpr auto kLetterCase = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLowerCaseByte;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kUpperCaseByte;
  return table;
}();

bool is_hyphen(std::string_view w) { return w.size() == 1 && w[0] == '-'; }

// Whether a normalised word (a view of NormalisedTokens: eight readable
// bytes after it) holds a space; one of up to eight bytes is tested at once.
bool has_space(std::string_view w) {
  if (w.size() <= 8) {
    std::uint64_t x;
    std::memcpy(&x, w.data(), 8);
    x ^= 0x2020202020202020ull;  // a space becomes a zero byte
    // A zero byte among the word's sets its high bit here (bytes above a zero
    // may be marked too, but none below the first one is).
    const std::uint64_t zero = (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
    const std::uint64_t in_word =
        w.size() == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * w.size())) - 1;
    return (zero & in_word) != 0;
  }
  for (char c : w) {
    if (c == ' ') return true;
  }
  return false;
}

// find_runs' working arrays, kept by each thread from one document to the
// next (no allocation per document). Only what a document reads is written
// or zeroed: as much as now, sized by the document, not by the largest seen.
struct RunScratch {
  std::vector<std::uint8_t> role_token, name_token, word_use, key_use, standalone;
  std::vector<std::uint32_t> token_lists, capitalised_word, key_of, several, run_entity, entity_key;
  std::vector<std::uint64_t> filter, phrase_hash;
  std::vector<std::string_view> phrase;
  ViewIds word_ids, names;

  /// Frees what an unusually large document left behind.
  void trim() {
    release_if_larger(role_token);
    release_if_larger(name_token);
    release_if_larger(word_use);
    release_if_larger(several);
    release_if_larger(run_entity);
    release_if_larger(entity_key);
    release_if_larger(key_use);
    release_if_larger(capitalised_word);
    release_if_larger(token_lists);
    release_if_larger(key_of);
    release_if_larger(filter);
    release_if_larger(phrase_hash);
    release_if_larger(phrase);
    release_if_larger(standalone);
    word_ids.trim();
    names.trim();
  }
};

RunScratch& run_scratch() {
  thread_local RunScratch scratch;
  return scratch;
}

// Room for n elements at the start of `buffer` (contents unspecified).
template <class T>
T* room(std::vector<T>& buffer, std::size_t n) {
  if (buffer.size() < n) buffer.resize(n);
  return buffer.data();
}

// n zeros at the start of `buffer`.
template <class T>
T* zeros(std::vector<T>& buffer, std::size_t n) {
  T* const p = room(buffer, n);
  std::fill_n(p, n, T{});
  return p;
}

}  // namespace

void ClaimContext::find_runs() {
  // One pass over the tokens sorts out the few that need more work: those
  // starting a rule trigger, a facility or event word, or a number (for the
  // trigger bits of each sentence, find_facilities and the claim rules); the
  // capitalised content words (only they can be names); the content words in
  // lower case (a word also written so is a common noun in a title). It
  // stores each token's index in its list and counts it there without a
  // branch (every list has room for all tokens), so the loop keeps its few
  // variables in registers and mispredicts nothing. Passes over the short
  // lists then do the rest: the trigger lists, role phrases, and the words
  // seen capitalised inside a sentence (names even when they open one).
  // Plain pointers: the stores below cannot then make the compiler reload
  // the vectors' data.
  const Token* tokens = t.tokens.data();
  const char* text = t.text.data();
  const std::uint32_t* ids = n.ids.data();
  const std::string_view* words = n.words.data();
  const std::uint64_t* hashes = n.hashes.data();
  const std::uint16_t* triggers = d.triggers.data();
  const std::uint32_t* sentence_tokens = t.sentence_tokens.data();
  const std::size_t count = t.tokens.size();
  const std::size_t sentences = t.sentences.size();
  RunScratch& scratch = run_scratch();
  std::uint8_t* const role_token = zeros(scratch.role_token, count);
  // Only capitalised content words can be names (name_test rejects function
  // words first), and only content words written in lower case matter.
  // The three lists share one buffer, a third each, and the loop below
  // keeps one pointer to it with three positions (fewer registers: none of
  // its variables is spilled to the stack).
  std::uint32_t* const lists = room(scratch.token_lists, 3 * count);
  std::uint32_t* const rare_at = lists;
  std::uint32_t* const lower_at = lists + count;
  std::uint32_t* const capitalised_at = lists + 2 * count;
  std::uint32_t* const capitalised_word = room(scratch.capitalised_word, count);
  std::size_t rare_end = 0, lower_end = count, capitalised_end = 2 * count;
  constexpr unsigned kRare = ClaimData::kRuleTriggers | ClaimData::kFacilityOrEventWord;
  // The sentences' tokens, [sentence_tokens[0], sentence_tokens[sentences]),
  // are consecutive.
  const std::size_t first_token = sentences ? sentence_tokens[0] : 0;
  const std::size_t last_token = sentences ? sentence_tokens[sentences] : 0;
  for (std::size_t i = first_token; i < last_token; ++i) {
    const Token token = tokens[i];
    const unsigned bits = triggers[ids[i]];
    lists[rare_end] = static_cast<std::uint32_t>(i);
    rare_end += ((bits & kRare) != 0) | (token.kind == Token::Kind::kNumber);
    if (token.end == token.begin) [[unlikely]] {
      continue;
    }
    // The first byte's case (kLowerCaseByte, kUpperCaseByte), none for a
    // function word: kFunctionWord (128) >> 6 shifts both bits out.
    static_assert(ClaimData::kFunctionWord >> 6 == 2);
    const unsigned letter = kLetterCase[static_cast<unsigned char>(text[token.begin])] >>
                            ((bits & ClaimData::kFunctionWord) >> 6);
    lists[lower_end] = static_cast<std::uint32_t>(i);
    lower_end += letter & kLowerCaseByte;
    lists[capitalised_end] = static_cast<std::uint32_t>(i);
    capitalised_end += letter >> 1;
  }
  const std::size_t rare = rare_end, lower = lower_end - count,
                    capitalised = capitalised_end - 2 * count;
  // The trigger bits of each sentence and the trigger tokens, from the rare ones.
  sentence_triggers.assign(sentences, 0);
  // The rare tokens are at most all of each list: reserved once, no regrowing.
  trigger_tokens_.clear();
  trigger_tokens_.reserve(rare);
  trigger_bits_.clear();
  trigger_bits_.reserve(rare);
  trigger_begin_.resize(sentences + 1);
  facility_heads_.clear();
  facility_heads_.reserve(rare);
  std::size_t next_sentence = 0;  // the first sentence whose trigger_begin_ is not set
  for (std::size_t k = 0; k < rare; ++k) {
    const std::size_t i = rare_at[k];
    const std::size_t s = tokens[i].sentence;
    const unsigned bits = triggers[ids[i]];
    while (next_sentence <= s)
      trigger_begin_[next_sentence++] = static_cast<std::uint32_t>(trigger_tokens_.size());
    const bool number = tokens[i].kind == Token::Kind::kNumber;
    sentence_triggers[s] |= static_cast<std::uint8_t>((bits & (ClaimData::kFunctionWord - 1)) |
                                                      (number ? kNumberInSentence : 0));
    if (const unsigned rule_bits =
            (bits & ClaimData::kRuleTriggers) | (number ? kNumberToken : 0)) {
      trigger_tokens_.push_back(static_cast<std::uint32_t>(i));
      trigger_bits_.push_back(static_cast<std::uint16_t>(rule_bits));
    }
    if (bits & ClaimData::kFacilityOrEventWord)
      facility_heads_.push_back(static_cast<std::uint32_t>(i));
    if (bits & ClaimData::kRoleTrigger) {
      if (auto m = d.roles.match(n, i, sentence_tokens[s + 1])) {
        for (std::size_t j = i; j < i + m.length; ++j) role_token[j] = 1;
      }
    }
  }
  while (next_sentence <= sentences)
    trigger_begin_[next_sentence++] = static_cast<std::uint32_t>(trigger_tokens_.size());
  // Numbers for the capitalised words, and whether each is seen capitalised
  // inside a sentence, then whether it is also written in lower case. A
  // filter of the capitalised words' hashes (a bit each, at least 16 bits a
  // word) passes few lower-case words on to the table, whose probes would
  // mispredict as often as they meet a full slot.
  ViewIds& word_ids = scratch.word_ids;
  word_ids.clear(count / 8);
  std::uint8_t* const word_use = zeros(scratch.word_use, capitalised);  // by word id
  unsigned filter_shift = 64 - 9;                                       // 512 bits at least
  while ((std::size_t{1} << (64 - filter_shift)) < 16 * capitalised) --filter_shift;
  std::uint64_t* const filter = zeros(scratch.filter, (std::size_t{1} << (64 - filter_shift)) / 64);
  for (std::size_t k = 0; k < capitalised; ++k) {
    const std::uint32_t i = capitalised_at[k];
    const std::uint64_t h = hashes[i];
    const std::uint32_t w = word_ids.intern(words[i], h);
    word_use[w] |= i != sentence_tokens[tokens[i].sentence] ? kMidCapitalised : 0;
    capitalised_word[k] = w;
    const std::uint64_t bit = h >> filter_shift;
    filter[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
  for (std::size_t k = 0; k < lower; ++k) {
    const std::uint32_t i = lower_at[k];
    const std::uint64_t h = hashes[i];
    const std::uint64_t bit = h >> filter_shift;
    if ((filter[bit >> 6] >> (bit & 63)) & 1) [[unlikely]] {
      if (const std::uint32_t w = word_ids.find(words[i], h); w != ViewIds::kNone)
        word_use[w] |= kLowerCase;
    }
  }
  // Whether a token may be part of a name (kName), and whether that name
  // word is in capitals (kAllCaps: a run starting with it is an organisation
  // unless the context says otherwise), else 0.
  enum NameBits : std::uint8_t { kName = 1, kAllCaps = 2 };
  // all_caps(t.token_text(i)), a token of up to eight bytes tested at once
  // (its letters as bit masks) when eight bytes of text can be read from it.
  const std::size_t text_size = t.text.size();
  auto all_caps_token = [&](std::size_t i) __attribute__((always_inline)) {
    const std::size_t begin = tokens[i].begin, size = tokens[i].end - begin;
    if (size > 8 || begin + 8 > text_size) [[unlikely]] {
      return all_caps(t.token_text(i));
    }
    std::uint64_t x;
    std::memcpy(&x, text + begin, 8);
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const std::uint64_t in_token =
        size == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
    // ASCII bytes only (bytes of 0x80 and over are no letters): with their
    // high bit clear, adding c to each byte carries into no other byte.
    const std::uint64_t ascii = ~x & kHigh & in_token;
    const std::uint64_t low7 = x & ~kHigh;
    auto between = [&](unsigned char first, unsigned char last) {
      // High bit of each byte: first <= byte <= last.
      return (low7 + kOnes * (0x80 - first)) & ~(low7 + kOnes * (0x7F - last)) & ascii;
    };
    const std::uint64_t lower = between('a', 'z'), upper = between('A', 'Z');
    return lower == 0 && (upper & (upper - 1)) != 0;  // no lower case, two capitals or more
  };
  // Inlined into its one call: it runs for every capitalised word.
  auto name_test = [&](std::size_t i, std::uint32_t w) __attribute__((always_inline)) {
    // i is a capitalised content word w
    if (tokens[i].kind != Token::Kind::kWord || role_token[i]) return std::uint8_t{0};
    const std::string_view word = words[i];
    if (is_honorific(word)) return std::uint8_t{0};
    const bool caps = all_caps_token(i);
    // One look-up of the word's bits for the facilities and known nouns.
    const unsigned bits = triggers[ids[i]];
    if (!caps && (bits & ClaimData::kFacilityWord)) return std::uint8_t{0};
    // Words also written in lower case are common nouns in a title ("Liaison Office").
    const std::uint8_t use = word_use[w];
    if (!caps && (use & kLowerCase)) return std::uint8_t{0};
    const std::uint8_t name = caps ? kName | kAllCaps : kName;
    const std::size_t sb = sentence_tokens[tokens[i].sentence];
    if (i != sb || caps || (use & kMidCapitalised)) return name;
    // An opening word is a name when it acts like one: "Apple will", "Siemens
    // signed", "Iceland, a member", "Turkey's" -- unless it is a known noun.
    if (bits & ClaimData::kKnownNoun) return std::uint8_t{0};
    if (n.possessive[i]) return name;
    const std::size_t se = sentence_tokens[tokens[i].sentence + 1];
    std::size_t k = i + 1;
    if (k >= se) return std::uint8_t{0};
    std::string_view next = words[k];
    if (next == "," && k + 1 < se && func_is(k + 1, ClaimData::kDet)) return name;
    if (func_is(k, ClaimData::kAux) || d.lifecycle.find_id(ids[k]) ||
        d.membership.match(n, k, se) || d.roles.match(n, k, se)) {
      return name;
    }
    const bool participle = tokens[k].kind == Token::Kind::kWord && !is_func_word(k) &&
                            next.size() > 3 && next.ends_with("ed");
    return participle ? name : std::uint8_t{0};
  };
  // Each token is tested once (the run scan below asks about most twice).
  std::uint8_t* const name_token = zeros(scratch.name_token, count);
  for (std::size_t k = 0; k < capitalised; ++k)
    name_token[capitalised_at[k]] = name_test(capitalised_at[k], capitalised_word[k]);
  run_at.assign(count, -1);
  runs.reserve(capitalised);  // every run starts with one
  // Mentions in text order: entity_at's scan starts at a cursor that only moves on.
  EntityCursor cursor = entity_cursor();
  // A one-word run's phrase key is its normalised word (with its hash) unless
  // that holds a space; longer runs' (`several`) are written to run_phrases_
  // below, sized for all of them. Every run starts with a capitalised word.
  std::string_view* const phrase = room(scratch.phrase, capitalised);
  std::uint64_t* const phrase_hash = room(scratch.phrase_hash, capitalised);
  std::uint32_t* const several = room(scratch.several, capitalised);
  // The entity of each run keyed by one (its index in the entity layer).
  std::uint32_t* const run_entity = room(scratch.run_entity, capitalised);
  const Entity* const first_entity = a.entities.entities.data();
  std::size_t several_runs = 0, phrase_bytes = 0;
  std::size_t entity_runs = 0;  // runs keyed by their entity
  // Runs start at names, which are capitalised: visit only those tokens.
  std::size_t next_free = 0;  // the token after the last run
  for (std::size_t c = 0; c < capitalised; ++c) {
    const std::uint32_t i = capitalised_at[c];
    if (i < next_free || !name_token[i]) continue;
    std::size_t j = i;
    const std::size_t se = sentence_end(i);
    while (j < se) {
      if (name_token[j]) {
        ++j;
        if (n.possessive[j - 1]) break;
        continue;
      }
      // "Co-operation", "NATO-ICI": a hyphen inside a name.
      if (is_hyphen(words[j]) && j + 1 < se && tokens[j + 1].kind == Token::Kind::kWord &&
          tokens[j].begin == tokens[j - 1].end) {
        j += 2;
        if (n.possessive[j - 1]) break;
        continue;
      }
      break;
    }
    next_free = j;
    if (j - i > 6) continue;  // a tag list or a headline, not a name
    NameRun& r = runs.emplace_back();
    r.begin = i;
    r.end = j;
    r.possessive = n.possessive[j - 1];
    std::string_view written =
        t.text.substr(tokens[r.begin].begin, tokens[r.end - 1].end - tokens[r.begin].begin);
    if (r.possessive) {
      auto apos = written.rfind('\'');
      auto curly = written.rfind("\u2019");
      std::size_t cut = std::string::npos;
      if (apos != std::string::npos) cut = apos;
      if (curly != std::string::npos && (cut == std::string::npos || curly > cut)) cut = curly;
      if (cut != std::string::npos) written = written.substr(0, cut);
    }
    r.text = written;
    const Entity* entity = entity_at(r.begin, r.end, &cursor);
    if (entity && !entity->id.empty()) {
      r.id = entity->id;
      const auto colon = r.id.find(':');
      r.key = colon == std::string_view::npos ? r.id : r.id.substr(colon + 1);
      const std::string_view type = entity->type;
      r.place = same_word(type, "LOCATION");
      r.person = same_word(type, "PERSON");
      r.org = same_word(type, "ORGANIZATION");
      ++entity_runs;
      run_entity[runs.size() - 1] = static_cast<std::uint32_t>(entity - first_entity);
    }
    const std::size_t q = runs.size() - 1;
    for (std::size_t k = r.begin; k < r.end; ++k) run_at[k] = static_cast<int>(q);
    if (j - i == 1 && !has_space(words[i])) {
      phrase[q] = words[i];
      phrase_hash[q] = hashes[i];
    } else {
      several[several_runs++] = static_cast<std::uint32_t>(q);
      for (std::size_t k = i; k < j; ++k) phrase_bytes += words[k].size() + 1;
    }
  }
  // Keys: the shortest final part of the run that also stands alone somewhere
  // ("Home Industry Defence NATO" -> "nato"); roles of names from context.
  // A suffix of a phrase key is a view of it.
  // (Eight bytes of room more: write_phrase_key<true> stores eight at a time.)
  char* phrase_end = room(run_phrases_, phrase_bytes + 8);
  for (std::size_t m = 0; m < several_runs; ++m) {
    const std::size_t q = several[m];
    const NameRun& r = runs[q];
    char* const start = phrase_end;
    phrase_end = write_phrase_key<true>(words, r.begin, r.end, start);
    phrase[q] = std::string_view(start, static_cast<std::size_t>(phrase_end - start));
    phrase_hash[q] = key_hash(phrase[q]);
  }
  // One table numbers the runs' phrases and their keys (the same string has
  // one number): a phrase's number is its key's when the run is keyed by it,
  // and what the context says of a key is a flag of its number. Every
  // phrase is numbered (and marked standalone) before any key is looked for.
  ViewIds& names = scratch.names;
  const std::size_t most_names = runs.size() + entity_runs;
  names.clear(most_names);
  std::uint32_t* const key_of = room(scratch.key_of, runs.size());
  std::uint8_t* const standalone = zeros(scratch.standalone, most_names);  // by number
  for (std::size_t q = 0; q < runs.size(); ++q) {
    key_of[q] = names.intern(phrase[q], phrase_hash[q]);
    standalone[key_of[q]] = 1;
  }
  enum KeyUse : std::uint8_t { kPlace = 1, kPerson = 2, kOrg = 4 };
  std::uint8_t* const key_use = zeros(scratch.key_use, most_names);  // by number
  std::uint32_t* const entity_key = zeros(scratch.entity_key, a.entities.entities.size());
  for (std::size_t q = 0; q < runs.size(); ++q) {
    NameRun& r = runs[q];
    if (r.key.empty()) {
      const std::string_view whole = phrase[q];
      std::string_view key = whole;
      // Suffixes from the longest down: each starts after a '_' of the phrase
      // (words[b] and words[b - 1] are not hyphens, so they were joined by one).
      std::size_t suffix = whole.size();
      for (std::size_t b = r.end - 1; b > r.begin; --b) {
        suffix -= words[b].size();
        const bool glued = is_hyphen(words[b]) || is_hyphen(words[b - 1]);
        if (!glued) {
          const std::string_view tail = whole.substr(suffix);
          const std::uint32_t tail_id = names.find(tail, key_hash(tail));
          if (tail_id != ViewIds::kNone && standalone[tail_id]) {
            key = tail;
            key_of[q] = tail_id;
            break;
          }
          --suffix;  // the '_' before words[b]
        }
      }
      r.key = key;  // key_of[q] is its number (the whole phrase's, set above, or the tail's)
    } else {
      // A name's entity is named again and again: its key's number is
      // looked up (and its key hashed) once per entity.
      std::uint32_t& known = entity_key[run_entity[q]];  // number + 1, or 0
      if (known == 0) known = names.intern(r.key, key_hash(r.key)) + 1;
      key_of[q] = known - 1;
    }
    const std::size_t sb = sentence_begin(r.begin);
    std::size_t p = r.begin;
    while (p > sb && func_is(p - 1, ClaimData::kDet)) --p;
    if (p > sb) {
      std::string_view w = words[p - 1];
      bool whole_np = r.end >= sentence_end(r.begin) || !is_content(r.end);
      if (!r.possessive && whole_np && place_preposition(w)) {
        key_use[key_of[q]] |= kPlace;
      }
      if (is_honorific(w)) key_use[key_of[q]] |= kPerson;
      // A role phrase ends just before p only where pass one marked a role.
      if (role_token[p - 1]) {
        for (std::size_t k = p; k > sb && p - k < 4; --k) {
          if (auto m = d.roles.match(n, k - 1, p); m && k - 1 + m.length == p)
            key_use[key_of[q]] |= kPerson;
        }
      }
    }
  }
  // A name is an organisation everywhere once it is one somewhere (kOrg is
  // set as each run is decided; the loop reads only kPerson and kPlace).
  for (std::size_t q = 0; q < runs.size(); ++q) {
    NameRun& r = runs[q];
    if (r.id.empty()) {
      r.person = key_use[key_of[q]] & kPerson;
      r.place = !r.person && (key_use[key_of[q]] & kPlace);
      const std::size_t se = sentence_end(r.begin);
      bool before_verb =
          r.end < se && (func_is(r.end, ClaimData::kAux) || d.lifecycle.match(n, r.end, se));
      r.org = !r.person && !r.place &&
              ((name_token[r.begin] & kAllCaps) || r.possessive || before_verb);
    }
    if (r.org) key_use[key_of[q]] |= kOrg;
  }
  for (std::size_t q = 0; q < runs.size(); ++q) {
    NameRun& r = runs[q];
    // (Bitwise: whether a run is one varies from run to run.)
    r.org = r.org | (!r.person & !r.place & ((key_use[key_of[q]] & kOrg) != 0));
  }
  scratch.trim();
}

const NameRun* ClaimContext::org_before(std::size_t i) const {
  // Runs are in text order and do not overlap: start at the last one ending by i.
  auto last = std::upper_bound(runs.begin(), runs.end(), i,
                               [](std::size_t pos, const NameRun& r) { return pos < r.end; });
  for (std::size_t k = static_cast<std::size_t>(last - runs.begin()); k > 0; --k) {
    const NameRun& r = runs[k - 1];
    if (r.end <= i && r.org) return &r;
  }
  return nullptr;
}

const NameRun* ClaimContext::sentence_actor(std::size_t i) const {
  const NameRun* first = nullptr;
  for (std::size_t j = sentence_begin(i); j < i; ++j) {
    if (run_at[j] < 0) continue;
    const NameRun& r = runs[run_at[j]];
    if (!r.place && !r.person && r.end <= i) {
      if (r.org) return &r;
      if (!first) first = &r;
    }
    j = r.end - 1;
  }
  return first;
}

std::string ClaimContext::capitalised_key(std::size_t begin, std::size_t* end) const {
  std::size_t se = sentence_end(begin), j = begin;
  while (j < se) {
    if (t.tokens[j].kind == Token::Kind::kWord && capitalised(t.token_text(j)) &&
        !is_func_word(j)) {
      ++j;
      if (n.possessive[j - 1]) break;
    } else if (word_is(j, "-") && j > begin && j + 1 < se &&
               t.tokens[j].begin == t.tokens[j - 1].end) {
      j += 2;
    } else {
      break;
    }
  }
  if (end) *end = j;
  if (std::string id = entity_id_at(begin, j, nullptr, nullptr); !id.empty()) return id;
  return phrase_key_of(n.words, begin, j);
}

bool ClaimContext::org_like(std::size_t begin, std::size_t end) const {
  if (begin >= end) return false;
  if (run_at[begin] >= 0) {
    const NameRun& r = runs[run_at[begin]];
    if (r.org || (!r.id.empty() && r.id.rfind("org:", 0) == 0)) return true;
    if (r.person || r.place) return false;
  }
  return all_caps(t.token_text(begin)) || d.org_heads.find_id(n.ids[end - 1]) != nullptr;
}

const NameRun* ClaimContext::clause_subject(std::size_t i) const {
  std::size_t cb = clause_begin(i);
  // Skip a sentence-initial time ("On September 16, 2025, NATO ...").
  std::size_t j = cb;
  while (j < i && (func_is(j, ClaimData::kDet) || func_is(j, ClaimData::kRel) ||
                   func_is(j, ClaimData::kConj) || time_at[j] >= 0 ||
                   (j == cb && (word_is(j, "on") || word_is(j, "in"))) || word_is(j, ","))) {
    ++j;
  }
  if (j < i && run_at[j] >= 0) return &runs[run_at[j]];
  // The clause may start after an introductory phrase; try the sentence start.
  return nullptr;
}

// How many of the facilities found before one are searched for its antecedent.
constexpr std::size_t kFacilityWindow = 256;

void ClaimContext::find_facilities() {
  facility_at.assign(t.tokens.size(), -1);
  facilities.reserve(facility_heads_.size());  // one each, and a few aliases
  // Per head, cleared for each (their room is kept).
  std::vector<const NameRun*> pre_names;
  std::vector<std::string_view> context;         // views of runs' keys
  for (const std::size_t h : facility_heads_) {  // the words with kFacilityOrEventWord
    const auto* kind = d.facilities.find_id(n.ids[h]);
    const auto* event = kind ? nullptr : d.events.find_id(n.ids[h]);
    if (event) kind = event;
    if (!kind || t.tokens[h].kind != Token::Kind::kWord) continue;
    std::size_t sb = sentence_begin(h), se = sentence_end(h);
    // A facility noun used as a modifier ("office holder") is not the head.
    if (h + 1 < se && d.facilities.find_id(n.ids[h + 1])) continue;
    FacilityRef f;
    f.head = h;
    f.kind = kind->value;
    std::string_view det;  // compared with same_word (inline) below
    pre_names.clear();
    std::size_t b = h;
    while (b > sb && h - b < 8) {
      std::size_t j = b - 1;
      if (func_is(j, ClaimData::kDet) || func_is(j, ClaimData::kPron)) {
        det = n.words[j];
        b = j;
        if (same_word(det, "a") || same_word(det, "an")) {
          if (j > sb && word_is(j - 1, "such")) {
            det = "such";
            b = j - 1;
          }
        }
        break;
      }
      if (run_at[j] >= 0) {
        const NameRun& r = runs[run_at[j]];
        pre_names.push_back(&r);
        b = r.begin;
        if (r.possessive) {
          // a determiner before the possessor belongs to it ("the alliance's")
          continue;
        }
        continue;
      }
      const auto* life = d.lifecycle.find_id(n.ids[j]);
      if (t.tokens[j].kind == Token::Kind::kWord && !is_func_word(j) &&
          (!life || life->extra == "adj" || n.words[j].ends_with("ed")) &&
          !d.reporting.find_id(n.ids[j]) && !d.scope.match(n, j, h) &&
          !d.units.find_id(n.ids[j])) {  // "7.8 magnitude" measures the event
        b = j;                           // a modifier: "liaison", "regional", "first", "new"
        continue;
      }
      if (word_is(j, "-") && j > sb && t.tokens[j - 1].kind == Token::Kind::kWord) {
        b = j;  // "first-ever"
        continue;
      }
      break;
    }
    std::string_view owner, place;  // views of runs' keys
    context.clear();
    for (const NameRun* r : pre_names) {
      if (r->place || facility_places_.count(r->key)) {
        if (place.empty()) place = r->key;
        context.push_back(r->key);
      } else if (owner.empty()) {
        owner = r->key;
      }
    }
    // "in Amman", "in Amman, Jordan", "in Jordan's capital Amman".
    std::size_t e = h + 1;
    if (e + 1 < se && (word_is(e, "in") || word_is(e, "at"))) {
      std::size_t j = e + 1;
      while (j < se && func_is(j, ClaimData::kDet)) ++j;
      if (j < se && run_at[j] >= 0) {
        const NameRun* r = &runs[run_at[j]];
        std::size_t after = r->end;
        if (r->possessive && after + 1 < se && t.tokens[after].kind == Token::Kind::kWord &&
            run_at[after] < 0 && after + 1 < se && run_at[after + 1] >= 0) {
          context.push_back(r->key);  // "Jordan's capital Amman"
          r = &runs[run_at[after + 1]];
          after = r->end;
        }
        if (word_is(h + 1, "at") && !r->place && owner.empty() && !event) {
          // "the terminal at the Port of Valdora", "the lab at Acme Corp": the
          // organisation a facility is at owns it (an event at X is placed there).
          owner = r->key;
        } else {
          place = r->key;
          context.push_back(r->key);
        }
        e = after;
        if (e + 1 < se && word_is(e, ",") && run_at[e + 1] >= 0 && runs[run_at[e + 1]].place) {
          context.push_back(runs[run_at[e + 1]].key);
          e = runs[run_at[e + 1]].end;
        }
      } else if (j + 2 < se && d.facilities.find_id(n.ids[j]) && word_is(j + 1, "of") &&
                 run_at[j + 2] >= 0) {
        // "at the Port of Valdora": the name after the facility word owns what
        // stands at it; "in the port of Valdora" places it.
        const NameRun& r = runs[run_at[j + 2]];
        if (word_is(h + 1, "at") && !r.place && !event) {
          if (owner.empty()) owner = r.key;
        } else {
          place = r.key;
          context.push_back(r.key);
        }
        e = r.end;
      } else if (j < se && t.tokens[j].kind == Token::Kind::kWord) {
        // a region without a name ("in the Arab world"): recorded as context only
      }
    }
    bool definite = same_word(det, "the") || same_word(det, "this") || same_word(det, "that") ||
                    same_word(det, "these") || same_word(det, "such");
    bool pronoun = same_word(det, "its") || same_word(det, "their");
    if (pronoun && owner.empty() && !event) {
      if (const NameRun* o = sentence_actor(b)) {
        owner = o->key;
      } else if (const NameRun* o2 = org_before(b)) {
        owner = o2->key;
      }
    }
    // In-document coreference: the most recent compatible facility, among the
    // last kFacilityWindow (an antecedent lies a few paragraphs back at most;
    // a search of all of them grew with a long document's facilities squared).
    const FacilityRef* antecedent = nullptr;
    const std::size_t oldest =
        facilities.size() > kFacilityWindow ? facilities.size() - kFacilityWindow : 0;
    for (std::size_t k = facilities.size(); k > oldest; --k) {
      const FacilityRef& g = facilities[k - 1];
      if (g.kind != f.kind) continue;
      if (event && !definite && !pronoun) continue;
      if (!owner.empty() && !g.owner.empty() && owner != g.owner) continue;
      bool place_ok = place.empty() || g.place.empty() || place == g.place;
      if (!place_ok) {
        // "a Nato office in Jordan" after "an office in Jordan's capital Amman":
        // aliases below record the containing places under the same key.
        for (const std::string_view c : context) place_ok = place_ok || c == g.place;
      }
      if (!place_ok) continue;
      if ((definite || pronoun) || (!owner.empty() && !place.empty())) {
        antecedent = &g;
        break;
      }
    }
    if (!antecedent && owner.empty() && !event) {
      if (const NameRun* s = sentence_actor(b)) {
        owner = s->key;
      } else if (const NameRun* o = org_before(b)) {
        owner = o->key;
      }
    }
    for (const std::string_view c : context) facility_places_.insert(c);
    f.begin = b;
    f.end = e;
    f.name = std::string(t.text.substr(t.tokens[b].begin, t.tokens[e - 1].end - t.tokens[b].begin));
    const Entity* fac_entity = entity_at(h, h + 1);
    const std::string_view fac_id = fac_entity ? std::string_view(fac_entity->id) : "";
    // The entity layer's facility id, unless it could not tell the owner.
    if (fac_id.starts_with("fac:") && fac_id.find("unknown") == std::string_view::npos) {
      f.key = fac_id;
    } else if (antecedent) {
      f.key = antecedent->key;
      f.owner = antecedent->owner;
      f.place = antecedent->place;
    } else {
      // "event:[<owner>/]<kind>[/<place>]", "fac:<owner>/<kind>[/<place>]".
      f.owner = owner;
      f.place = place;
      f.key = event ? "event:" : "fac:";
      if (!event || !owner.empty()) {
        f.key += owner;
        f.key += '/';
      }
      f.key += f.kind;
      if (!place.empty()) {
        f.key += '/';
        f.key += place;
      }
    }
    facility_at[h] = static_cast<int>(facilities.size());
    facilities.push_back(std::move(f));
    // Remember containing places under the key for later "in <country>" mentions.
    for (const std::string_view c : context) {
      if (c != facilities.back().place) {
        FacilityRef alias = facilities.back();
        alias.place = c;
        alias.head = static_cast<std::size_t>(-1);
        facilities.push_back(std::move(alias));
      }
    }
  }
}

const FacilityRef* ClaimContext::facility_ending_at(std::size_t end) const {
  if (end == 0) return nullptr;
  for (const FacilityRef& f : facilities) {
    if (f.head != static_cast<std::size_t>(-1) && f.end == end) return &f;
  }
  // Hop over one appositive: "a regional centre in Kuwait, part of X, inaugurated".
  if (word_is(end - 1, ",")) {
    std::size_t sb = sentence_begin(end - 1);
    for (std::size_t j = end - 1; j > sb && end - 1 - j < 10; --j) {
      if (word_is(j - 1, ",")) {
        for (const FacilityRef& f : facilities) {
          if (f.head != static_cast<std::size_t>(-1) && f.end == j - 1) return &f;
        }
        break;
      }
    }
  }
  // Hop over the name it stands at or in: "the new terminal at the Port of
  // Valdora was opened" (a name of capitalised words, "of" and articles).
  std::size_t sb = sentence_begin(end - 1);
  for (std::size_t j = end; j > sb && end - j < 8; --j) {
    std::size_t k = j - 1;
    if (word_is(k, "at") || word_is(k, "in")) {
      if (j == end) break;
      for (const FacilityRef& f : facilities) {
        if (f.head != static_cast<std::size_t>(-1) && f.end == k) return &f;
      }
      break;
    }
    char first = t.text[t.tokens[k].begin];
    bool capitalised = t.tokens[k].kind == Token::Kind::kWord && first >= 'A' && first <= 'Z';
    if (!capitalised && !func_is(k, ClaimData::kDet) && !word_is(k, "of")) break;
  }
  return nullptr;
}

const FacilityRef* ClaimContext::facility_in(std::size_t begin, std::size_t end) const {
  for (std::size_t h = begin; h < end && h < facility_at.size(); ++h) {
    if (facility_at[h] >= 0) return &facilities[facility_at[h]];
  }
  return nullptr;
}

std::string ClaimContext::canonical(std::string_view phrase) const {
  auto it = d.synonyms.find(std::string(phrase));
  if (it != d.synonyms.end()) return it->second;
  if (a.lexicon) return a.lexicon->canonical_phrase(phrase);
  return std::string(phrase);
}

std::string ClaimContext::np_key(std::size_t begin, std::size_t end, std::string* display) const {
  while (begin < end &&
         (func_is(begin, ClaimData::kDet) || func_is(begin, ClaimData::kPrep) || is_punct(begin) ||
          (n.words[begin].ends_with("ly") && run_at[begin] < 0))) {
    ++begin;
  }
  while (end > begin && (is_punct(end - 1) || is_func_word(end - 1))) --end;
  if (begin >= end) return {};
  if (const FacilityRef* f = facility_in(begin, end)) {
    if (display) *display = f->name;
    return f->key;
  }
  // "Its army", "Jordan's government": the possessor stands for the proxy.
  std::size_t head = begin;
  while (head < end && !is_func_word(head) && t.tokens[head].kind == Token::Kind::kWord) ++head;
  std::string_view first = n.words[begin];
  if (end - begin >= 2 && d.proxy.match(n, begin + 1, end)) {
    if (first == "its" || first == "their") {
      // the subject of the previous sentence, else the last organisation
      std::size_t s = t.tokens[begin].sentence;
      if (s > 0) {
        std::size_t pb = t.sentence_tokens[s - 1];
        if (run_at[pb] >= 0) {
          const NameRun& r = runs[run_at[pb]];
          if (display) *display = r.text;
          return std::string(r.id_or_key());
        }
      }
      if (const NameRun* o = org_before(begin)) {
        if (display) *display = o->text;
        return std::string(o->id_or_key());
      }
    } else if (run_at[begin] >= 0 && runs[run_at[begin]].possessive) {
      const NameRun& r = runs[run_at[begin]];
      if (display) *display = r.text;
      return std::string(r.id_or_key());
    }
  }
  if (run_at[begin] >= 0) {
    const NameRun& r = runs[run_at[begin]];
    if (!r.possessive && (r.end >= end || func_is(r.end, ClaimData::kPrep) || is_punct(r.end))) {
      if (display) *display = r.text;
      return std::string(r.id_or_key());
    }
  }
  // Common noun phrase: its words up to the first preposition, canonicalised.
  while (begin + 1 < end && func_is(begin, ClaimData::kPron)) ++begin;  // "its strikes"
  std::size_t stop = begin;
  while (stop < end && !func_is(stop, ClaimData::kPrep) && !is_punct(stop)) ++stop;
  if (stop == begin) return {};
  if (display)
    *display = std::string(
        t.text.substr(t.tokens[begin].begin, t.tokens[stop - 1].end - t.tokens[begin].begin));
  return phrase_key(canonical(join_phrase(n.words, begin, stop)));
}

const TimeExpr* ClaimContext::date_in(std::size_t begin, std::size_t end,
                                      std::size_t* first_token) const {
  for (std::size_t i = begin; i < end && i < time_at.size(); ++i) {
    if (time_at[i] < 0) continue;
    const TimeExpr& x = times[time_at[i]];
    if (x.type == "DATE" || x.type == "TIME") {
      if (first_token) *first_token = i;
      return &x;
    }
  }
  return nullptr;
}

std::string ClaimContext::attribution(std::size_t i, std::size_t claim_begin,
                                      std::size_t claim_end) const {
  std::size_t off = t.tokens[i].begin;
  for (const Quote& q : a.quotes) {
    if (off >= q.span.begin && off < q.span.end) return q.speaker;
  }
  std::size_t sb = sentence_begin(i), se = sentence_end(i);
  // Inside quotation marks without a tagged quote: unknown speaker, not the outlet.
  for (std::size_t j = sb; j < se; ++j) {
    auto m = d.reporting.match(n, j, se);
    if (!m) continue;
    std::size_t r = j;
    j += m.length - 1;
    if (r >= claim_begin && r < claim_end && r != i) continue;
    if (r == i) continue;
    if (m.entry->value == "factive") continue;
    std::string speaker;
    auto name_of = [&](std::size_t k) -> std::string {
      if (k < run_at.size() && run_at[k] >= 0) {
        const NameRun& nr = runs[run_at[k]];
        if (!nr.id.empty()) {
          for (const Entity& e : a.entities.entities) {
            if (e.id == nr.id) return e.name;
          }
        }
        return std::string(nr.text);
      }
      return {};
    };
    if (word_is(r, "according")) {
      std::size_t k = r + m.length;
      while (k < se && (func_is(k, ClaimData::kDet) || !is_content(k)) && run_at[k] < 0) ++k;
      if (k < se) speaker = name_of(k);
    } else {
      // "X said", "X, a spokesman, said", "said X"
      std::size_t k = r;
      while (k > sb && (func_is(k - 1, ClaimData::kAux) || func_is(k - 1, ClaimData::kAdv))) --k;
      std::size_t limit = k > sb + 5 ? k - 5 : sb;
      for (std::size_t p = k; p > limit; --p) {
        if (run_at[p - 1] >= 0) {
          speaker = name_of(p - 1);
          // "Nato officials say": the name with its noun
          if (p < k && t.tokens[p].kind == Token::Kind::kWord && !is_func_word(p) &&
              runs[run_at[p - 1]].end == p) {
            speaker += " " + std::string(t.token_text(p));
          }
          break;
        }
        if (is_boundary(p - 1, true)) break;
      }
      if (speaker.empty() && r + 1 < se && run_at[r + 1] >= 0) speaker = name_of(r + 1);
      if (speaker.empty() && k > sb && is_content(k - 1) && !d.lifecycle.find_id(n.ids[k - 1]) &&
          (k - 1 == sb || !is_content(k - 2) || func_is(k - 2, ClaimData::kDet) ||
           word_is(k - 2, ","))) {
        speaker = std::string(t.token_text(k - 1));  // "police said", "the company said"
      }
      if (speaker.empty() && k > sb && (word_is(k - 1, "he") || word_is(k - 1, "she"))) {
        for (std::size_t q = runs.size(); q > 0; --q) {
          if (runs[q - 1].end <= k && runs[q - 1].person) {
            speaker = name_of(runs[q - 1].begin);
            break;
          }
        }
      }
    }
    // The claim must be in the reported clause, not the speaker's own words.
    if (!speaker.empty()) return speaker;
  }
  return {};
}

}  // namespace crosscheck::internal
