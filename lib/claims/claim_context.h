// What the claim rules know about one document: normalised tokens, names,
// clause boundaries, facilities with in-document coreference, modality and
// attribution. Built once per document from the annotations; no state is
// shared between documents or threads.
#ifndef CROSSCHECK_LIB_CLAIMS_CLAIM_CONTEXT_H_
#define CROSSCHECK_LIB_CLAIMS_CLAIM_CONTEXT_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "annotate/annotations.h"
#include "annotate/quantity/token_phrases.h"

namespace crosscheck::internal {

/// The trigger lists and lexicons of lib/data/claims, loaded once.
struct ClaimData {
  PhraseTable lifecycle{"claims/lifecycle.tsv"};
  PhraseTable unknown_date{"claims/unknown_date.tsv"};
  PhraseTable modality{"claims/modality.tsv"};
  PhraseTable reporting{"claims/reporting.tsv"};
  PhraseTable event_verbs{"claims/event_verbs.tsv"};
  PhraseTable casualty{"claims/casualty_verbs.tsv"};
  PhraseTable measures{"claims/measures.tsv"};  ///< "cost", "employs", "capacity of"
  PhraseTable membership{"claims/membership.tsv"};
  PhraseTable scope{"claims/scope.tsv"};
  PhraseTable superlatives{"claims/superlatives.tsv"};
  PhraseTable facilities{"claims/facilities.tsv"};
  PhraseTable events{"claims/events.tsv"};
  PhraseTable roles{"claims/roles.tsv"};
  PhraseTable proxy{"claims/proxy_nouns.tsv"};
  PhraseTable scope_strip{"claims/scope_strip.tsv"};
  PhraseTable function_words{"claims/function_words.tsv"};
  PhraseTable org_heads{"claims/org_heads.tsv"};
  PhraseTable units{"quantity/units.tsv"};  ///< measure words, never part of a name
  std::unordered_map<std::string, int> stages;
  std::unordered_map<std::string, std::string> synonyms;  ///< variant -> canonical
  /// Bits of the rule trigger tables a word may start a phrase of.
  enum TriggerBit : std::uint16_t {
    kLifecycleTrigger = 1,
    kMembershipTrigger = 2,
    kScopeTrigger = 4,
    kEventVerbTrigger = 8,
    kRoleTrigger = 16,
    kSuperlativeTrigger = 32,
    kFacilityOrEventWord = 64,  ///< a one-word entry of facilities or events
    kFunctionWord = 128,        ///< has a function_class (not a trigger: never a name)
    kUnknownDateTrigger = 256,  ///< starts an unknown_date phrase
    kFacilityWord = 1024,       ///< a one-word entry of facilities (not a trigger)
    /// A one-word entry of events, facilities, lifecycle, proxy, roles or
    /// reporting: a known noun, not a name, when it opens a sentence.
    kKnownNoun = 2048,
  };
  /// The bits whose tokens the rules visit (ClaimContext::next_trigger).
  static constexpr unsigned kRuleTriggers = kLifecycleTrigger | kMembershipTrigger | kScopeTrigger |
                                            kEventVerbTrigger | kRoleTrigger | kSuperlativeTrigger |
                                            kUnknownDateTrigger;
  /// PhraseVocabulary id -> TriggerBit set (a sentence without a bit skips that rule).
  std::vector<std::uint16_t> triggers;
  /// PhraseVocabulary id -> function-word class (function_words' value) or empty.
  std::vector<std::string_view> function_class;
  /// The classes the rules ask about, as numbers (kOtherFunction: another class).
  enum Function : std::uint8_t {
    kNotFunction = 0,
    kDet,
    kPrep,
    kAux,
    kPron,
    kConj,
    kRel,
    kAdv,
    kOtherFunction,
  };
  /// PhraseVocabulary id -> Function (function_class as a number: compared without strings).
  std::vector<std::uint8_t> function_kind;
  ClaimData();
};
const ClaimData& claim_data();

/// Joins normalised words as a phrase ("counter - terrorism" -> "counter-terrorism").
std::string join_phrase(const std::vector<std::string>& words, std::size_t begin, std::size_t end);
std::string join_phrase(const std::vector<std::string_view>& words, std::size_t begin,
                        std::size_t end);
/// phrase_key(join_phrase(words, begin, end)) without the intermediate string.
std::string phrase_key_of(const std::vector<std::string_view>& words, std::size_t begin,
                          std::size_t end);
/// phrase_key_of(words, begin, end) appended to `out`.
void append_phrase_key(const std::vector<std::string_view>& words, std::size_t begin,
                       std::size_t end, std::string* out);
/// A key: the phrase with spaces as underscores.
std::string phrase_key(std::string_view phrase);

/// A maximal run of capitalised words: a name. Its strings are views into the
/// document, its annotations or its ClaimContext, which outlive it.
struct NameRun {
  std::size_t begin = 0, end = 0;  ///< tokens
  std::string_view key;   ///< entity id suffix or normalised words ("nato", "jens_stoltenberg")
  std::string_view id;    ///< entity id when the entity layer knows it, else empty
  std::string_view text;  ///< as written
  /// What claims name the run by: its entity id, else its key.
  std::string_view id_or_key() const { return id.empty() ? key : id; }
  bool possessive = false;
  bool place = false;
  bool person = false;
  bool org = false;
};

/// A facility or office noun phrase with its resolved key.
struct FacilityRef {
  std::size_t begin = 0, end = 0, head = 0;  ///< tokens; end is after "in <place>"
  std::string key;                           ///< "fac:<owner>/<kind>/<place>"
  std::string owner, kind, place;
  std::string name;  ///< words as written
};

struct ClaimContextBuffers;  // a thread's spare per-document arrays (claim_context.cpp)

class ClaimContext {
 public:
  explicit ClaimContext(const Annotations& a);
  /// Hands the per-document arrays on to the thread's next context.
  ~ClaimContext();
  // The runs' keys are views into this object's buffers: neither copied nor moved.
  ClaimContext(const ClaimContext&) = delete;
  ClaimContext& operator=(const ClaimContext&) = delete;

  const Annotations& a;
  const TextLayer& t;
  const ClaimData& d;

 private:
  std::shared_ptr<const NormalisedTokens> normalised_;  // the annotations' or our own

 public:
  const NormalisedTokens& n;
  std::span<const TimeExpr> times;  ///< annotations' times (or bare years when none)
  std::vector<int> time_at;         ///< token -> index into `times`, or -1
  std::vector<int> run_at;          ///< token -> index into `runs`, or -1
  std::vector<NameRun> runs;
  std::vector<FacilityRef> facilities;  ///< in text order
  std::vector<int> facility_at;         ///< head token -> index into `facilities`, or -1
  std::string as_of;
  /// Bit of sentence_triggers (in place of kFunctionWord): the sentence has a number token.
  static constexpr std::uint8_t kNumberInSentence = ClaimData::kFunctionWord;
  /// Bit of next_trigger (beside ClaimData::kRuleTriggers): a number token.
  static constexpr unsigned kNumberToken = 512;
  /// Sentence -> the ClaimData::TriggerBit of its words, and kNumberInSentence
  /// (a rule whose bit a sentence lacks finds nothing in it).
  std::vector<std::uint8_t> sentence_triggers;

  std::string_view word(std::size_t i) const { return n.words[i]; }
  /// Whether token i's word is `w` (inline: cheaper than == on a literal).
  bool word_is(std::size_t i, std::string_view w) const { return same_word(n.words[i], w); }
  /// PhraseVocabulary id of token i.
  std::uint32_t id(std::size_t i) const { return n.ids[i]; }
  bool is_punct(std::size_t i) const {
    return t.tokens[i].kind == Token::Kind::kPunct || t.tokens[i].kind == Token::Kind::kSymbol;
  }
  /// Function-word class ("det", "prep", "aux", "pron", "conj", "rel", "adv") or empty.
  std::string_view func(std::size_t i) const { return d.function_class[n.ids[i]]; }
  /// Whether token i is a function word of class `f` (func(i) == its name).
  bool func_is(std::size_t i, ClaimData::Function f) const {
    return d.function_kind[n.ids[i]] == f;
  }
  /// Whether token i is a function word (!func(i).empty()).
  bool is_func_word(std::size_t i) const {
    return d.function_kind[n.ids[i]] != ClaimData::kNotFunction;
  }
  bool is_content(std::size_t i) const {
    return t.tokens[i].kind == Token::Kind::kWord && !is_func_word(i);
  }
  /// Clause boundaries: punctuation that separates clauses, relativisers, conjunctions.
  bool is_boundary(std::size_t i, bool commas) const;
  std::size_t sentence_begin(std::size_t i) const {
    return t.sentence_tokens[t.tokens[i].sentence];
  }
  std::size_t sentence_end(std::size_t i) const {
    return t.sentence_tokens[t.tokens[i].sentence + 1];
  }
  /// First token of the clause containing i (a relativiser or "if" is included).
  std::size_t clause_begin(std::size_t i) const;
  /// Token after the clause containing i.
  std::size_t clause_end(std::size_t i, bool commas) const;

  /// Modality ("asserted" | "hedged" | "future" | "conditional") and polarity of
  /// a predicate at token i, from the cues in its clause before it.
  std::pair<std::string, std::string> modality(std::size_t i) const;
  /// Speaker of a claim at token i: the quote's speaker, or the subject of a
  /// reporting verb in the sentence; empty when asserted by the outlet.
  std::string attribution(std::size_t i, std::size_t claim_begin, std::size_t claim_end) const;

  /// The most recent organisation-like name before token i (for "its").
  const NameRun* org_before(std::size_t i) const;
  /// The first name in i's sentence before i that is neither a place nor a person.
  const NameRun* sentence_actor(std::size_t i) const;
  /// Key of the capitalised words from `begin` ("Mediterranean Dialogue"), common
  /// nouns included; `end` receives the token after them.
  std::string capitalised_key(std::size_t begin, std::size_t* end) const;
  /// Whether the capitalised words [begin, end) look like an organisation's name.
  bool org_like(std::size_t begin, std::size_t end) const;
  /// The name run starting the clause of token i, if any (its grammatical subject).
  const NameRun* clause_subject(std::size_t i) const;
  /// Facility whose phrase ends at token `end` (exclusive), hopping over one
  /// comma-separated appositive.
  const FacilityRef* facility_ending_at(std::size_t end) const;
  /// The first facility whose head lies in [begin, end).
  const FacilityRef* facility_in(std::size_t begin, std::size_t end) const;
  /// A key for the noun phrase [begin, end): a facility, a name, a proxy's
  /// possessor, or its normalised head words.
  std::string np_key(std::size_t begin, std::size_t end, std::string* display) const;
  /// Canonical form of a phrase (data synonyms, then the lexicon).
  std::string canonical(std::string_view phrase) const;
  /// Time expression starting in [begin, end) of type DATE/TIME, or nullptr.
  const TimeExpr* date_in(std::size_t begin, std::size_t end, std::size_t* first_token) const;
  /// The first token in [from, end) of from's sentence with one of `bits`
  /// (ClaimData::kRuleTriggers bits, kNumberToken), else `end`: the rules
  /// visit only these tokens (any other finds nothing).
  std::size_t next_trigger(std::size_t from, std::size_t end, unsigned bits) const {
    if (from >= end) return end;
    const std::size_t s = t.tokens[from].sentence;
    for (std::size_t k = trigger_begin_[s]; k < trigger_begin_[s + 1]; ++k) {
      const std::size_t i = trigger_tokens_[k];
      if (i >= end) break;
      if (i >= from && (trigger_bits_[k] & bits)) return i;
    }
    return end;
  }
  /// Token range of a byte span.
  std::pair<std::size_t, std::size_t> tokens_of(Span s) const;
  /// The same, searching on from `*cursor` (the first token of the previous
  /// span, 0 at first; set to this one's) for spans in text order.
  std::pair<std::size_t, std::size_t> tokens_of(Span s, std::size_t* cursor) const;
  /// tokens_of(x->span) of one of `times`.
  std::pair<std::size_t, std::size_t> time_tokens(const TimeExpr* x) const {
    const auto& range = time_tokens_[static_cast<std::size_t>(x - times.data())];
    return {range.first, range.second};
  }

 private:
  std::vector<TimeExpr> bare_years_;  // `times` when the annotations have none
  std::vector<std::pair<std::uint32_t, std::uint32_t>> time_tokens_;  // by time: tokens_of its span
  std::unordered_set<std::string_view> facility_places_;              // views of runs' keys
  std::vector<char> run_phrases_;  // the phrase keys of runs of several words (`runs` view them)
  bool mentions_sorted_ = false;
  // Calls visit(array, the thread's spare of it) for each per-document array
  // that is handed from one context to the next, but run_phrases_ (kept at
  // its size, not emptied): the constructor and destructor share the list.
  template <class Visit>
  void each_reused_array(ClaimContextBuffers& spare, Visit visit);
  void find_times();
  void find_runs();
  void find_facilities();
  std::vector<std::uint32_t> facility_heads_;  // tokens with a kFacilityOrEventWord
  // Tokens with a kRuleTriggers bit or a number, in text order, with their
  // bits (kNumberToken for a number); those of sentence s are
  // [trigger_begin_[s], trigger_begin_[s + 1]).
  std::vector<std::uint32_t> trigger_tokens_;
  std::vector<std::uint16_t> trigger_bits_;
  std::vector<std::uint32_t> trigger_begin_;
  // Where entity_at's scan of the mentions starts, for spans in text order.
  struct EntityCursor {
    std::size_t next = 0;   // first mention that may start in the scan window
    std::size_t reach = 0;  // longest mention (at most 512 bytes)
  };
  EntityCursor entity_cursor() const;
  // The entity of the first mention that overlaps [begin, end) and ends inside
  // it; `cursor` for spans given in text order.
  const Entity* entity_at(std::size_t begin, std::size_t end, EntityCursor* cursor = nullptr) const;
  std::string entity_id_at(std::size_t begin, std::size_t end, std::string* type,
                           std::string* name) const;
};

/// The key of an entity id without its type prefix ("org:nato" -> "nato").
std::string id_suffix(std::string_view id);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_CLAIMS_CLAIM_CONTEXT_H_
