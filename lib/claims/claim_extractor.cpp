// Claim rules over tokens. Each rule finds a trigger from a data file (a
// lifecycle verb, a membership cue, a scope cue, an event verb, a role title,
// a superlative, a counted quantity), then the words it governs inside its
// clause: the thing it is about (object, or subject when passive), the date
// it governs, and the modality cues before it.
#include "claims/claim_extractor.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "claims/claim_context.h"
#include "data/embedded.h"

namespace crosscheck::internal {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

class Extractor {
 public:
  explicit Extractor(const Annotations& a) : c_(a) {}

  std::vector<Claim> run() {
    for (std::size_t s = 0; s < c_.t.sentences.size(); ++s) {
      std::size_t sb = c_.t.sentence_tokens[s], se = c_.t.sentence_tokens[s + 1];
      if (sb >= se) continue;
      // A rule finds nothing in a sentence where no word starts one of its
      // triggers (PhraseTable::match would reject every token): skip it. In
      // the others it visits only the tokens that start one (next_trigger).
      const unsigned found = c_.sentence_triggers[s];
      const bool number = found & ClaimContext::kNumberInSentence;
      if (found & ClaimData::kLifecycleTrigger) lifecycle(sb, se);
      if (found & ClaimData::kMembershipTrigger) membership(sb, se);
      if (found & ClaimData::kScopeTrigger) scope(sb, se);
      if (found & ClaimData::kEventVerbTrigger) event_dates(sb, se);
      if (found & ClaimData::kRoleTrigger) roles(sb, se);
      if (found & ClaimData::kSuperlativeTrigger) superlatives(sb, se);
      if (number) ordinals(sb, se);
    }
    quantities();
    return std::move(out_);
  }

 private:
  ClaimContext c_;
  std::vector<Claim> out_;
  std::set<std::string> seen_;  // type|subject|predicate|qualifier|sentence

  Claim& add(std::string type, std::string subject, std::string subject_name, std::string predicate,
             std::string qualifier, std::size_t trigger, std::size_t span_begin,
             std::size_t span_end) {
    Claim cl;
    cl.type = std::move(type);
    cl.subject = std::move(subject);
    cl.subject_name = std::move(subject_name);
    cl.predicate = std::move(predicate);
    cl.qualifier = std::move(qualifier);
    cl.as_of = c_.as_of;
    auto [modality, polarity] = c_.modality(trigger);
    cl.modality = modality;
    cl.polarity = polarity;
    cl.attributed_to = c_.attribution(trigger, span_begin, span_end);
    span_end = std::max(span_end, span_begin + 1);
    cl.span = Span{c_.t.tokens[span_begin].begin, c_.t.tokens[span_end - 1].end};
    std::size_t s = c_.t.tokens[trigger].sentence;
    cl.evidence_span = c_.t.sentences[s];
    cl.evidence = std::string(c_.t.span_text(cl.evidence_span));
    // The quotes' claims join this list (add_quote_claims_in_text_order):
    // room for them now spares regrowing it, each time moving every claim.
    if (out_.capacity() == 0) out_.reserve(c_.a.quotes.size() + 4);
    out_.push_back(std::move(cl));
    return out_.back();
  }

  bool first_time(std::string_view type, std::string_view subject, std::string_view predicate,
                  std::string_view qualifier, std::size_t token) {
    // type|subject|predicate|qualifier|sentence, written into a string of its
    // size (no temporaries).
    char sentence[16];
    const char* const sentence_end =
        std::to_chars(sentence, sentence + sizeof sentence, c_.t.tokens[token].sentence).ptr;
    std::string key;
    key.reserve(type.size() + subject.size() + predicate.size() + qualifier.size() +
                static_cast<std::size_t>(sentence_end - sentence) + 4);
    for (const std::string_view part : {type, subject, predicate, qualifier}) {
      key += part;
      key += '|';
    }
    key.append(sentence, static_cast<std::size_t>(sentence_end - sentence));
    return seen_.insert(std::move(key)).second;
  }

  static void set_time(ClaimValue& v, const TimeExpr& x) {
    v.time = x.interval;
    v.time_value = x.value;
  }

  int stage(const std::string& state) const {
    auto it = c_.d.stages.find(state);
    return it == c_.d.stages.end() ? -1 : it->second;
  }

  // ---- lifecycle ---------------------------------------------------------

  // The facility a lifecycle trigger at [i, e) is about.
  const FacilityRef* lifecycle_thing(std::size_t i, std::size_t e, const std::string& form,
                                     std::size_t se) const {
    if (form == "adj") {
      return c_.facility_in(e, std::min(se, e + 4));
    }
    if (form == "noun") {
      std::size_t j = e;
      if (j < se && c_.is_content(j) && !c_.d.facilities.find_id(c_.id(j))) ++j;  // "opening date"
      if (j < se && (c_.word_is(j, "of") || c_.word_is(j, "for") || c_.word_is(j, "over") ||
                     c_.word_is(j, "about") || c_.word_is(j, "on"))) {
        std::size_t end = std::min(c_.clause_end(j, true), j + 9);
        const FacilityRef* f = c_.facility_in(j + 1, end);
        if (f && f->begin <= j + 1) return f;
      }
      return nullptr;
    }
    // Verb: the object, else (passive or participle) the subject just before.
    std::size_t end = std::min(c_.clause_end(e - 1, true), e + 8);
    std::size_t obj = e;
    while (obj < end && (c_.func_is(obj, ClaimData::kAdv) || c_.word(obj).ends_with("ly"))) ++obj;
    if (const FacilityRef* f = c_.facility_in(e, end); f && f->begin <= obj) {
      // A base form before a bare noun phrase is an adjective: "a close election".
      std::string_view verb = c_.word(e - 1);
      std::size_t b = f->begin;
      bool determined = c_.func_is(b, ClaimData::kDet) || c_.func_is(b, ClaimData::kPron) ||
                        c_.run_at[b] >= 0 || c_.t.tokens[b].kind == Token::Kind::kNumber ||
                        c_.d.superlatives.match(c_.n, b, f->head + 1);
      if (determined || verb.ends_with("ed") || verb.ends_with("s")) return f;
      return nullptr;
    }
    std::size_t j = i;
    bool passive = false;
    while (j > c_.sentence_begin(i) &&
           (c_.func_is(j - 1, ClaimData::kAux) || c_.func_is(j - 1, ClaimData::kAdv))) {
      std::string_view w = c_.word(j - 1);
      if (w == "be" || w == "been" || w == "is" || w == "are" || w == "was" || w == "were" ||
          w == "being") {
        passive = true;
      }
      --j;
    }
    // Passive ("was opened") or intransitive ("the bridge will open"); after a
    // form of "be" only a participle is a verb ("the election is close" is not).
    if (passive && !c_.word(e - 1).ends_with("ed") && !c_.word(e - 1).ends_with("en"))
      return nullptr;
    return c_.facility_ending_at(j);
  }

  // "The opening date has not yet been set" after "X will open a new
  // terminal": a definite stage noun opening its sentence, with no "of"
  // after it, speaks of the facility the sentence before named last.
  const FacilityRef* thing_told_before(std::size_t i, std::size_t sb) const {
    auto modifier = [&](std::size_t k) {
      return c_.word_is(k, "official") || c_.word_is(k, "formal") || c_.word_is(k, "exact") ||
             c_.word_is(k, "final");
    };
    std::size_t k = sb;
    while (k < i && modifier(k)) ++k;
    if (!(k < i && c_.word_is(k, "the"))) return nullptr;
    for (++k; k < i; ++k) {
      if (!modifier(k)) return nullptr;
    }
    std::size_t e = i + 1;
    if (e < c_.sentence_end(i) && c_.word_is(e, "date")) ++e;
    if (e < c_.sentence_end(i) && (c_.word_is(e, "of") || c_.word_is(e, "for"))) return nullptr;
    return facility_told_before(sb);
  }
  // The facility the two sentences before the one at sb named last, when it
  // has an owner; else nullptr.
  const FacilityRef* facility_told_before(std::size_t sb) const {
    if (sb == 0) return nullptr;
    std::size_t pb = c_.sentence_begin(sb - 1);
    if (pb > 0) pb = c_.sentence_begin(pb - 1);
    for (std::size_t h = sb; h-- > pb;) {
      if (c_.facility_at[h] >= 0) {
        const FacilityRef& f = c_.facilities[c_.facility_at[h]];
        if (f.key.rfind("fac:", 0) == 0 && f.key.rfind("fac:/", 0) != 0) return &f;
        return nullptr;
      }
    }
    return nullptr;
  }

  void lifecycle(std::size_t sb, std::size_t se) {
    // Unknown-date cues and event verbs of the sentence.
    std::vector<std::pair<std::size_t, std::size_t>> unknown;
    bool event_verb = false;
    constexpr unsigned kCues = ClaimData::kUnknownDateTrigger | ClaimData::kEventVerbTrigger;
    for (std::size_t i = c_.next_trigger(sb, se, kCues); i < se;
         i = c_.next_trigger(i + 1, se, kCues)) {
      if (auto m = c_.d.unknown_date.match(c_.n, i, se)) {
        unknown.emplace_back(i, i + m.length);
        i += m.length - 1;
      } else if (c_.d.event_verbs.match(c_.n, i, se)) {
        event_verb = true;
      }
    }
    auto in_unknown = [&](std::size_t i) {
      for (auto [b, e] : unknown) {
        if (i >= b && i < e) return true;
      }
      return false;
    };
    for (std::size_t i = c_.next_trigger(sb, se, ClaimData::kLifecycleTrigger); i < se;
         i = c_.next_trigger(i + 1, se, ClaimData::kLifecycleTrigger)) {
      if (in_unknown(i)) continue;
      auto m = c_.d.lifecycle.match(c_.n, i, se);
      if (!m) continue;
      std::string state = m.entry->value, form = m.entry->extra;
      // "close election", "open-ended", "Planned Parenthood": not predicates.
      if (i + m.length < se &&
          (c_.word_is(i + m.length, "-") || c_.facility_at[i + m.length] >= 0) && form == "verb") {
        continue;
      }
      if (i > sb && c_.t.token_text(i)[0] >= 'A' && c_.t.token_text(i)[0] <= 'Z' && i + 1 < se &&
          c_.run_at[i + 1] >= 0) {
        continue;
      }
      // Chains: "review plans to open", "under review is the establishment of",
      // "proposition of": the outer word gives the state, the inner the thing.
      std::size_t inner = i, inner_end = i + m.length;
      std::string inner_form = form;
      for (int hops = 0; hops < 3; ++hops) {
        std::size_t j = inner_end;
        while (j < se && j < inner_end + 3 &&
               (c_.word_is(j, "to") || c_.word_is(j, "is") || c_.word_is(j, "the") ||
                c_.word_is(j, "be") || c_.word_is(j, "a") || c_.word_is(j, "an") ||
                c_.word_is(j, "of") || c_.word_is(j, "over") || c_.word_is(j, "for"))) {
          ++j;
        }
        auto m2 = c_.d.lifecycle.match(c_.n, j, se);
        if (!m2 || in_unknown(j)) break;
        inner = j;
        inner_end = j + m2.length;
        inner_form = m2.entry->extra;
      }
      bool needs_inner = m.entry->words.back() == "to";  // "set to", "due to"
      if (needs_inner && inner == i) continue;
      if (form == "date" && unknown.empty()) continue;  // "the date of the vote" alone says nothing
      std::size_t next = inner_end;
      const FacilityRef* thing = lifecycle_thing(inner, inner_end, inner_form, se);
      if (!thing && inner != i) thing = lifecycle_thing(i, i + m.length, form, se);
      if (!thing && !unknown.empty() && form == "noun") thing = thing_told_before(i, sb);
      if (!thing) {
        i = next - 1;
        continue;
      }
      // Events are held, put off or called off; talking about one is not a stage.
      if (thing->key.rfind("event:", 0) == 0 && stage(state) < stage("announced")) {
        i = next - 1;
        continue;
      }
      // A noun like "the establishment of X" asserts the state only as the
      // subject of its clause ("The opening of X marks ..."), not inside a
      // plan ("a plan which includes the establishing of X").
      if (inner == i && form == "noun" && stage(state) >= stage("opened") && unknown.empty()) {
        std::size_t k = c_.clause_begin(i);
        while (k < i && (c_.func_is(k, ClaimData::kDet) || c_.word_is(k, "official") ||
                         c_.word_is(k, "formal")))
          ++k;
        if (k != i) {
          i = next - 1;
          continue;
        }
      }
      // Discussions that began or were held on a date are event dates instead.
      if (state == "under_discussion" && form == "noun" && event_verb) {
        i = next - 1;
        continue;
      }
      std::string inner_state =
          inner != i ? c_.d.lifecycle.match(c_.n, inner, se).entry->value : state;
      bool is_unknown = !unknown.empty();
      std::size_t span_b = std::min(i, thing->begin), span_e = std::max(inner_end, thing->end);
      ClaimValue v;
      std::string value;
      if (is_unknown) {
        v.kind = ClaimValue::Kind::kUnknownTime;
        v.state = inner_state;
        v.stage = stage(inner_state);
        value = inner_state + " date unknown";
        for (auto [b, e] : unknown) {
          span_b = std::min(span_b, b);
          span_e = std::max(span_e, e);
        }
      } else {
        v.kind = ClaimValue::Kind::kState;
        // A date the trigger governs: after it in its clause, or opening the sentence.
        std::size_t ce = c_.clause_end(inner_end - 1, true);
        std::size_t after = std::max(inner_end, thing->end > inner_end ? thing->end : inner_end);
        ce = std::min(ce, after + 5);
        std::size_t tt = 0;
        const TimeExpr* when = c_.date_in(inner_end, ce, &tt);
        if (!when) {
          const TimeExpr* early = c_.date_in(sb, i, &tt);
          if (early && tt <= sb + 1) when = early;
        }
        if (when) {
          set_time(v, *when);
          auto [tb, te] = c_.time_tokens(when);
          span_b = std::min(span_b, tb);
          span_e = std::max(span_e, te);
        }
        v.state = state;
        value = state;
        if (when) value += " " + when->value;
      }
      if (!first_time("lifecycle", thing->key, "lifecycle", "", i)) {
        i = next - 1;
        continue;
      }
      Claim& cl = add("lifecycle", thing->key, thing->name, "lifecycle", "", inner, span_b, span_e);
      if (is_unknown) {
        cl.modality = "asserted";
        cl.polarity = "positive";
      } else if ((cl.modality == "future" || cl.modality == "hedged") &&
                 stage(v.state) >= stage("scheduled") && v.state != "postponed" &&
                 v.state != "cancelled") {
        // "will open": what is asserted is the announcement of the opening.
        v.state = "announced";
        value = v.time_value.empty() ? "announced" : "announced " + v.time_value;
      }
      v.stage = stage(v.state);
      cl.value = value;
      cl.typed = std::move(v);
      i = next - 1;
    }
  }

  // ---- membership --------------------------------------------------------

  void membership(std::size_t sb, std::size_t se) {
    constexpr unsigned kCues = ClaimData::kMembershipTrigger;
    for (std::size_t i = c_.next_trigger(sb, se, kCues); i < se;
         i = c_.next_trigger(i + 1, se, kCues)) {
      auto m = c_.d.membership.match(c_.n, i, se);
      if (!m) continue;
      std::size_t cue_end = i + m.length;
      if (m.entry->value == "-") {
        i = cue_end - 1;
        continue;
      }
      // Subject: the name (or facility) just before, skipping auxiliaries; or
      // before the comma of an appositive ("Jordan, a member since 1995,").
      std::size_t j = i;
      while (j > sb && (c_.func_is(j - 1, ClaimData::kAux) || c_.func_is(j - 1, ClaimData::kAdv) ||
                        c_.word_is(j - 1, "became") || c_.word_is(j - 1, "remains") ||
                        c_.word_is(j - 1, "become"))) {
        --j;
      }
      if (j > sb && c_.word_is(j - 1, ",")) --j;
      std::string subject, subject_name;
      if (const FacilityRef* f = c_.facility_ending_at(j)) {
        subject = f->key;
        subject_name = f->name;
      } else if (j > sb && c_.run_at[j - 1] >= 0) {
        const NameRun& r = c_.runs[c_.run_at[j - 1]];
        subject = r.id_or_key();
        subject_name = r.text;
      }
      if (subject.empty()) continue;
      // The organisation: after "of", or the one the context was speaking of.
      std::string org, org_name;
      std::size_t k = cue_end;
      if (k < se && (c_.word_is(k, "of") || c_.word_is(k, "in") || c_.word_is(k, "to"))) ++k;
      while (k < se && c_.func_is(k, ClaimData::kDet)) ++k;
      std::size_t span_e = cue_end;
      if (k < se && c_.run_at[k] >= 0 && c_.runs[c_.run_at[k]].possessive)
        k = c_.runs[c_.run_at[k]].end;
      bool strict = m.entry->words.back() != "member";  // "joined", "part of"
      if (k < se && c_.run_at[k] >= 0) {
        std::size_t e = k;
        org = c_.capitalised_key(k, &e);
        if (strict && !c_.org_like(k, e)) continue;
        org_name = std::string(
            c_.t.text.substr(c_.t.tokens[k].begin, c_.t.tokens[e - 1].end - c_.t.tokens[k].begin));
        span_e = e;
      } else if (m.entry->words.back() == "member") {
        std::size_t subject_begin = j > sb ? j - 1 : sb;
        for (std::size_t q = c_.runs.size(); q > 0; --q) {
          const NameRun& r = c_.runs[q - 1];
          if (r.end > subject_begin) continue;
          if (c_.t.tokens[r.begin].sentence + 2 < c_.t.tokens[subject_begin].sentence) break;
          const std::string_view key = r.id_or_key();
          if (r.place || r.person || r.possessive || key == subject) continue;
          std::size_t e = r.begin;
          std::string candidate = c_.capitalised_key(r.begin, &e);
          if (!c_.org_like(r.begin, e)) continue;
          org = candidate;
          org_name = std::string(c_.t.text.substr(
              c_.t.tokens[r.begin].begin, c_.t.tokens[e - 1].end - c_.t.tokens[r.begin].begin));
          break;
        }
      }
      if (org.empty()) continue;
      ClaimValue v;
      std::string value;
      std::size_t ce = se;
      std::size_t tt = 0;
      const TimeExpr* since = nullptr;
      for (std::size_t q = cue_end; q + 1 < ce; ++q) {
        if (c_.word_is(q, "since") && c_.time_at[q + 1] >= 0) {
          since = &c_.times[c_.time_at[q + 1]];
          tt = q;
          break;
        }
      }
      if (!since && m.entry->words.back() == "joined") {
        since = c_.date_in(cue_end, se, &tt);
      }
      if (since) {
        v.kind = ClaimValue::Kind::kTime;
        set_time(v, *since);
        value = "since " + since->value;
        span_e = std::max(span_e, c_.time_tokens(since).second);
      } else {
        v.kind = ClaimValue::Kind::kEntity;
        v.entity = org;
        value = org_name;
      }
      (void)tt;
      std::size_t span_b = j > sb ? j - 1 : i;
      if (c_.run_at[span_b] >= 0) span_b = c_.runs[c_.run_at[span_b]].begin;
      if (!first_time("membership", subject, "member_of", org, i)) continue;
      Claim& cl = add("membership", subject, subject_name, "member_of", org, i, span_b, span_e);
      cl.value = value;
      cl.typed = std::move(v);
      i = cue_end - 1;
    }
  }

  // ---- scope and lists ---------------------------------------------------

  // Items of a list starting at token j: "a, b, c and d". Returns the end token.
  std::size_t parse_list(std::size_t j, std::size_t se, std::vector<std::string>& items,
                         std::vector<std::string>& shown, bool& open) const {
    open = false;
    std::size_t item_b = j, end = j;
    bool last = false;
    auto flush = [&](std::size_t e) {
      std::size_t b = item_b;
      while (b < e && (c_.func_is(b, ClaimData::kPrep) || c_.func_is(b, ClaimData::kDet))) ++b;
      if (b >= e) return false;
      if (e - b > 4) return false;
      std::string phrase = join_phrase(c_.n.words, b, e);
      std::string canon = c_.canonical(phrase);
      if (canon == phrase) {
        std::size_t s = b;
        while (s + 1 < e && c_.d.scope_strip.find_id(c_.id(s))) ++s;
        if (s > b) canon = c_.canonical(join_phrase(c_.n.words, s, e));
      }
      items.push_back(canon);
      shown.emplace_back(
          c_.t.text.substr(c_.t.tokens[b].begin, c_.t.tokens[e - 1].end - c_.t.tokens[b].begin));
      return true;
    };
    for (std::size_t k = j; k <= se; ++k) {
      bool stop = k == se || (c_.is_punct(k) && !c_.word_is(k, ",") && !c_.word_is(k, "-")) ||
                  (c_.func_is(k, ClaimData::kRel));
      if (!stop && c_.word_is(k, "among") && k + 1 < se && c_.word_is(k + 1, "others")) {
        open = true;
        stop = true;
      }
      if (!stop && (c_.word_is(k, "etc"))) {
        open = true;
        stop = true;
      }
      if (stop || c_.word_is(k, ",")) {
        if (k > item_b && !flush(k)) return kNone;
        end = k;
        if (stop || last) break;
        item_b = k + 1;
        if (item_b < se && (c_.word_is(item_b, "and") || c_.word_is(item_b, "or"))) {
          last = true;
          ++item_b;
          ++k;
        }
        continue;
      }
      if ((c_.word_is(k, "and") || c_.word_is(k, "or")) && !last) {
        if (k > item_b && !flush(k)) return kNone;
        last = true;
        item_b = k + 1;
      }
    }
    return end;
  }

  void scope(std::size_t sb, std::size_t se) {
    constexpr unsigned kCues = ClaimData::kScopeTrigger;
    for (std::size_t i = c_.next_trigger(sb, se, kCues); i < se;
         i = c_.next_trigger(i + 1, se, kCues)) {
      auto m = c_.d.scope.match(c_.n, i, se);
      if (!m) continue;
      std::size_t cue_end = i + m.length;
      std::vector<std::string> items, shown;
      bool open = false;
      std::size_t end = parse_list(cue_end, se, items, shown, open);
      if (end == kNone || items.size() < 2) continue;
      bool is_list = m.entry->value == "list";
      // Subject: the noun phrase opening the sentence, or the antecedent of a
      // relative clause ("the talks, which focus on ...").
      std::size_t cb = c_.clause_begin(i);
      std::size_t subj_b = sb, subj_e = sb;
      if (cb > sb && c_.func_is(cb, ClaimData::kRel) && cb >= 1) {
        std::size_t e = cb;
        if (e > sb && c_.word_is(e - 1, ",")) --e;
        std::size_t b = e;
        while (b > sb && !c_.is_boundary(b - 1, true) && !c_.func_is(b - 1, ClaimData::kAux)) --b;
        subj_b = b;
        subj_e = e;
      } else {
        std::size_t e = sb;
        while (e < se &&
               (c_.time_at[e] >= 0 ||
                (e == sb && (c_.word_is(e, "on") || c_.word_is(e, "in")) && e + 1 < se &&
                 c_.time_at[e + 1] >= 0) ||
                (c_.word_is(e, ",") && e < sb + 8 && c_.time_at[e - (e > sb ? 1 : 0)] >= 0))) {
          ++e;
        }
        subj_b = e;
        while (e < se && !c_.func_is(e, ClaimData::kAux) && !c_.is_boundary(e, true) &&
               !c_.d.lifecycle.find_id(c_.id(e)) && e < i && !c_.d.reporting.find_id(c_.id(e))) {
          if (c_.func_is(e, ClaimData::kPrep) && e > subj_b) break;
          if (c_.run_at[e] >= 0 && !c_.runs[c_.run_at[e]].possessive &&
              c_.runs[c_.run_at[e]].end < se && e == subj_b) {
            e = c_.runs[c_.run_at[e]].end;
            if (e < se && !c_.d.facilities.find_id(c_.id(e))) break;
            continue;
          }
          ++e;
        }
        subj_e = e;
      }
      // A subject must be a thing: a facility or event, a name, or a short
      // determined noun phrase ("These programmes"), not "Instead, they ...".
      bool named = c_.facility_in(subj_b, subj_e) != nullptr;
      for (std::size_t k = subj_b; k < subj_e && !named; ++k) named = c_.run_at[k] >= 0;
      if (!named &&
          (subj_e - subj_b > 4 || subj_b >= subj_e ||
           (!c_.func_is(subj_b, ClaimData::kDet) && !c_.func_is(subj_b, ClaimData::kPron)) ||
           (c_.func_is(subj_b, ClaimData::kPron) && subj_e - subj_b < 2))) {
        continue;
      }
      std::string subject_name;
      std::string subject = c_.np_key(subj_b, subj_e, &subject_name);
      if (subject.empty()) continue;
      std::string predicate = "scope";
      if (is_list) {
        // The noun the list exemplifies: "UN peacekeeping missions, including".
        std::size_t e = i;
        if (e > sb && c_.word_is(e - 1, ",")) --e;
        std::size_t b = e;
        while (b > sb && !c_.is_punct(b - 1) && !c_.is_func_word(b - 1) && e - b < 5) --b;
        if (b == e || !c_.word(e - 1).ends_with("s")) continue;  // examples of a plural set
        predicate = phrase_key(c_.canonical(join_phrase(c_.n.words, b, e)));
      }
      ClaimValue v;
      v.kind = ClaimValue::Kind::kSet;
      v.items = items;
      v.complete = !is_list && !open;
      std::string value;
      for (std::size_t k = 0; k < items.size(); ++k) value += (k ? ", " : "") + items[k];
      if (!first_time("scope", subject, predicate, "", i)) continue;
      Claim& cl = add("scope", subject, subject_name, predicate, "", i, std::min(subj_b, i), end);
      cl.value = value;
      cl.typed = std::move(v);
      i = end > i ? end - 1 : i;
    }
  }

  // ---- event dates and places ----------------------------------------------

  void event_dates(std::size_t sb, std::size_t se) {
    constexpr unsigned kCues = ClaimData::kEventVerbTrigger;
    for (std::size_t i = c_.next_trigger(sb, se, kCues); i < se;
         i = c_.next_trigger(i + 1, se, kCues)) {
      auto m = c_.d.event_verbs.match(c_.n, i, se);
      if (!m) continue;
      std::size_t verb_end = i + m.length;
      std::string phase = m.entry->value;
      // Subject: the noun phrase before the verb (over auxiliaries) back to the clause start.
      std::size_t j = i;
      while (j > sb && (c_.func_is(j - 1, ClaimData::kAux) || c_.func_is(j - 1, ClaimData::kAdv)))
        --j;
      std::size_t b = j;
      while (b > sb && !c_.is_boundary(b - 1, true)) --b;
      if (b == j && b > sb && c_.func_is(b - 1, ClaimData::kRel)) {
        // "the war on Gaza, which erupted on ...": the antecedent
        j = b - 1;
        if (j > sb && c_.word_is(j - 1, ",")) --j;
        b = j;
        while (b > sb && !c_.is_boundary(b - 1, true) && !c_.func_is(b - 1, ClaimData::kAux)) --b;
      }
      // The event noun heading it.
      std::size_t head = kNone;
      for (std::size_t k = b; k < j; ++k) {
        if (c_.d.events.find_id(c_.id(k))) {
          head = k;
          break;
        }
      }
      if (head == kNone) continue;
      const PhraseTable::Entry* event = c_.d.events.find_id(c_.id(head));
      std::string predicate = event->value;
      std::string subject, subject_name;
      if (const FacilityRef* f = c_.facility_in(head + 1, j)) {
        subject = f->key;
        subject_name = f->name;
      } else {
        for (std::size_t k = b; k < j; ++k) {
          if (c_.run_at[k] >= 0) {
            const NameRun& r = c_.runs[c_.run_at[k]];
            subject = r.id_or_key();
            subject_name = r.text;
            break;
          }
        }
      }
      if (subject.empty() && event->extra == "facility") {
        // "Construction began in June 2022": of the facility told before.
        const FacilityRef* f = facility_told_before(sb);
        if (!f) continue;
        subject = f->key;
        subject_name = f->name;
      }
      if (subject.empty()) {
        subject = predicate;
        subject_name = std::string(c_.t.token_text(head));
      }
      std::size_t ce = c_.clause_end(verb_end - 1, true);
      std::size_t tt = 0;
      const TimeExpr* when = c_.date_in(verb_end, ce, &tt);
      if (when && first_time("event_date", subject, predicate, phase, i)) {
        auto [tb, te] = c_.time_tokens(when);
        Claim& cl = add("event_date", subject, subject_name, predicate, phase, i, head, te);
        ClaimValue v;
        v.kind = ClaimValue::Kind::kTime;
        set_time(v, *when);
        cl.value = when->value;
        cl.typed = std::move(v);
        (void)tb;
      }
      // Place: "at the NATO Summit in Vilnius" -> the last name after in/at that is not a time.
      const NameRun* place = nullptr;
      std::size_t place_end = 0;
      for (std::size_t k = verb_end; k + 1 < ce; ++k) {
        if ((c_.word_is(k, "in") || c_.word_is(k, "at")) && c_.time_at[k + 1] < 0) {
          std::size_t q = k + 1;
          while (q < ce && c_.func_is(q, ClaimData::kDet)) ++q;
          if (q < ce && c_.run_at[q] >= 0 && c_.time_at[q] < 0) {
            place = &c_.runs[c_.run_at[q]];
            place_end = place->end;
          }
        }
      }
      if (place && first_time("event_place", subject, predicate, phase, i)) {
        Claim& cl = add("event_place", subject, subject_name, predicate, phase, i, head, place_end);
        ClaimValue v;
        v.kind = ClaimValue::Kind::kEntity;
        v.entity = place->id_or_key();
        cl.value = place->text;
        cl.typed = std::move(v);
      }
      i = verb_end - 1;
    }
  }

  // ---- roles -------------------------------------------------------------

  void roles(std::size_t sb, std::size_t se) {
    constexpr unsigned kCues = ClaimData::kRoleTrigger;
    for (std::size_t i = c_.next_trigger(sb, se, kCues); i < se;
         i = c_.next_trigger(i + 1, se, kCues)) {
      auto m = c_.d.roles.match(c_.n, i, se);
      if (!m) continue;
      std::size_t e = i + m.length;
      // "NATO Secretary-General Mark Rutte": organisation, title, holder.
      if (e >= se || c_.run_at[e] < 0 || i == sb || c_.run_at[i - 1] < 0) {
        i = e - 1;
        continue;
      }
      const NameRun& org = c_.runs[c_.run_at[i - 1]];
      const NameRun& holder = c_.runs[c_.run_at[e]];
      if (org.place && !org.possessive && false) continue;
      std::string org_key(org.id_or_key());
      std::string predicate = m.entry->value;
      if (first_time("role", org_key, predicate, "", i)) {
        Claim& cl =
            add("role", org_key, std::string(org.text), predicate, "", i, org.begin, holder.end);
        ClaimValue v;
        v.kind = ClaimValue::Kind::kEntity;
        v.entity = holder.id.empty() ? "per:" + phrase_key_of(c_.n.words, holder.begin, holder.end)
                                     : holder.id;
        cl.value = holder.text;
        cl.typed = std::move(v);
      }
      i = holder.end - 1;
    }
  }

  // ---- superlatives --------------------------------------------------------

  void superlatives(std::size_t sb, std::size_t se) {
    constexpr unsigned kCues = ClaimData::kSuperlativeTrigger;
    for (std::size_t i = c_.next_trigger(sb + 1, se, kCues); i < se;
         i = c_.next_trigger(i + 1, se, kCues)) {
      auto m = c_.d.superlatives.match(c_.n, i, se);
      if (!m) continue;
      bool determined = c_.func_is(i - 1, ClaimData::kDet) || c_.func_is(i - 1, ClaimData::kPron);
      bool possessed = c_.n.possessive[i - 1];
      bool after_verb = c_.d.lifecycle.find_id(c_.id(i - 1)) != nullptr;
      if (!determined && !possessed && !after_verb) continue;
      if (c_.word_is(i - 1, "a") || c_.word_is(i - 1, "an")) continue;
      // The head noun: the facility, or the last word before a function word.
      std::size_t e = i + m.length;
      std::size_t head = kNone;
      const FacilityRef* f = nullptr;
      for (std::size_t k = e; k < se && k < e + 6; ++k) {
        if (c_.facility_at[k] >= 0) {
          f = &c_.facilities[c_.facility_at[k]];
          head = k;
          break;
        }
        if (c_.is_punct(k) && !c_.word_is(k, "-")) break;
        if (c_.is_func_word(k) || c_.d.lifecycle.find_id(c_.id(k))) break;
        head = k;
      }
      if (head == kNone || head < e || c_.t.tokens[head].kind != Token::Kind::kWord) continue;
      // Whose: the possessor, or the facility's owner.
      std::string subject, subject_name;
      if (possessed && c_.run_at[i - 1] >= 0) {
        const NameRun& r = c_.runs[c_.run_at[i - 1]];
        subject = r.id_or_key();
        subject_name = r.text;
      } else if (c_.word_is(i - 1, "its") || c_.word_is(i - 1, "their")) {
        if (const NameRun* a = c_.sentence_actor(i)) {
          subject = a->id_or_key();
          subject_name = a->text;
        } else if (const NameRun* o = c_.org_before(i)) {
          subject = o->id_or_key();
          subject_name = o->text;
        }
      }
      if (subject.empty() && f && !f->owner.empty()) subject = subject_name = f->owner;
      if (subject.empty()) continue;
      // Scope: names between the cue and the head, or "in <region>" after it.
      std::string region;
      for (std::size_t k = e; k < head; ++k) {
        if (c_.run_at[k] >= 0 && c_.runs[c_.run_at[k]].place) region = c_.runs[c_.run_at[k]].key;
      }
      std::size_t span_e = head + 1;
      if (head + 1 < se && c_.word_is(head + 1, "in")) {
        std::size_t q = head + 2;
        while (q < se && c_.func_is(q, ClaimData::kDet)) ++q;
        std::size_t r = q;
        while (r < se && c_.t.tokens[r].kind == Token::Kind::kWord && !c_.is_func_word(r) &&
               r < q + 4)
          ++r;
        if (r > q && region.empty()) {
          region = phrase_key_of(c_.n.words, q, r);
          span_e = r;
        }
      }
      std::string kind = f ? f->kind : c_.word(head).data() ? std::string(c_.word(head)) : "";
      std::string qualifier = kind + (region.empty() ? "" : "/" + region);
      std::string predicate = m.entry->value;
      if (!first_time("superlative", subject, predicate, qualifier, i)) continue;
      Claim& cl = add("superlative", subject, subject_name, predicate, qualifier, i, i - 1, span_e);
      ClaimValue v;
      v.kind = f ? ClaimValue::Kind::kEntity : ClaimValue::Kind::kText;
      if (f) v.entity = f->key;
      v.text = std::string(c_.t.text.substr(c_.t.tokens[i].begin,
                                            c_.t.tokens[span_e - 1].end - c_.t.tokens[i].begin));
      cl.value = v.text;
      cl.typed = std::move(v);
    }
  }

  // ---- ordinals of recurring events ("the alliance's 75th anniversary") ----

  void ordinals(std::size_t sb, std::size_t se) {
    // Only number tokens can be ordinals: visit those.
    constexpr unsigned kCues = ClaimContext::kNumberToken;
    for (std::size_t i = c_.next_trigger(sb, se, kCues); i + 1 < se;
         i = c_.next_trigger(i + 1, se, kCues)) {
      std::string_view w = c_.word(i);
      std::size_t digits = 0;
      while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
      std::string_view suffix = w.substr(digits);
      if (digits == 0 || (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th"))
        continue;
      if (!c_.is_content(i + 1)) continue;
      std::string noun(c_.word(i + 1));
      std::string subject, subject_name;
      if (i > sb && c_.n.possessive[i - 1]) {
        if (c_.run_at[i - 1] >= 0) {
          const NameRun& r = c_.runs[c_.run_at[i - 1]];
          subject = r.id_or_key();
          subject_name = r.text;
        } else if (const NameRun* s = c_.sentence_actor(i); s && s->org) {
          // "Nato marks the alliance's 75th": a description of the clause subject
          subject = s->id_or_key();
          subject_name = s->text;
        } else if (const NameRun* o = c_.org_before(i)) {
          subject = o->id_or_key();
          subject_name = o->text;
        }
      }
      if (subject.empty()) continue;
      if (!first_time("quantity", subject, noun, "ordinal", i)) continue;
      double number = 0;
      for (std::size_t k = 0; k < digits; ++k) number = number * 10 + (w[k] - '0');
      Claim& cl = add("quantity", subject, subject_name, noun, "ordinal", i, i - 1, i + 2);
      ClaimValue v;
      v.kind = ClaimValue::Kind::kQuantity;
      v.quantity.span = Span{c_.t.tokens[i].begin, c_.t.tokens[i].end};
      v.quantity.text = std::string(c_.t.token_text(i));
      v.quantity.value = v.quantity.low = v.quantity.high = number;
      v.quantity.unit = "ordinal";
      v.quantity.bound = "exact";
      cl.value = std::string(c_.t.token_text(i)) + " " + noun;
      cl.typed = std::move(v);
    }
  }

  // ---- quantities ----------------------------------------------------------

  // The event closest before token `at` in [sb, se), else the first after it.
  const FacilityRef* nearest_event(std::size_t sb, std::size_t se, std::size_t at) const {
    const FacilityRef* best = nullptr;
    for (std::size_t h = sb; h < se; ++h) {
      if (c_.facility_at[h] < 0) continue;
      const FacilityRef& f = c_.facilities[c_.facility_at[h]];
      if (f.key.rfind("event:", 0) != 0) continue;
      if (h < at || !best) best = &f;
      if (h >= at) break;
    }
    return best;
  }

  static std::string number_text(double x) {
    if (std::isinf(x)) return "inf";
    char buf[64];
    if (x == std::floor(x) && std::fabs(x) < 1e15) {
      std::snprintf(buf, sizeof buf, "%.0f", x);
    } else {
      // (%.6g, but without the locale's decimal point: to_chars is the C locale's.)
      auto end = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::general, 6).ptr;
      return std::string(buf, end);
    }
    return buf;
  }

  // Units of measure (units.tsv values: magnitude, currencies, percent, km...),
  // as opposed to counted nouns (people, homes).
  static bool measure_unit(const std::string& unit) {
    static const std::set<std::string> kMeasures = [] {
      std::set<std::string> out;
      for (const auto& row : data_tsv("quantity/units.tsv"))
        if (row.size() > 1) out.insert(std::string(row[1]));
      return out;
    }();
    return kMeasures.count(unit) > 0;
  }

  // A measure words of measures.tsv state just before the quantity at qb,
  // of the facility or organisation named before them in the sentence: "the
  // terminal cost $420 million", "the plant, built at a cost of $1.2bn",
  // "Siemens employs 300,000 people". Money for a cost; a counted noun for
  // staff and capacity. Nothing when no such thing is named (a bare "it
  // cost $5" would collide across stories).
  void measure_of_thing(const Quantity& q, std::size_t qb, std::size_t sb, std::string* predicate,
                        std::string* subject, std::string* subject_name, std::size_t* trigger,
                        std::size_t* span_b) const {
    const PhraseTable::Entry* entry = nullptr;
    std::size_t start = qb;
    for (std::size_t b = qb > sb + 4 ? qb - 4 : sb; b < qb && !entry; ++b) {
      if (auto m = c_.d.measures.match(c_.n, b, qb); m && b + m.length == qb) {
        entry = m.entry;
        start = b;
      }
    }
    if (!entry) return;
    bool money = measure_unit(q.unit) && q.unit != "percent" && q.unit != "magnitude" &&
                 q.unit.size() == 3 && q.unit[0] >= 'A' && q.unit[0] <= 'Z';
    bool count = !q.unit.empty() && !measure_unit(q.unit);
    if (entry->extra == "money" ? !money : !count) return;
    // The thing is the subject right before the words (auxiliaries and
    // adverbs aside): a facility ("the terminal cost", "its new terminal
    // will employ"), or an organisation's name ("Siemens employs"); or the
    // facility a relative clause or a participle follows ("a plant, which
    // employs", "the terminal, built at a cost of").
    std::size_t j = start;
    while (j > sb && (c_.func_is(j - 1, ClaimData::kAux) || c_.func_is(j - 1, ClaimData::kAdv) ||
                      c_.word_is(j - 1, "to") || c_.word_is(j - 1, "able") ||
                      c_.word_is(j - 1, "expected")))  // "will be able to handle"
      --j;
    bool relative = false;
    if (j > sb && (c_.word_is(j - 1, "which") || c_.word_is(j - 1, "that"))) {
      --j;
      relative = true;
    } else if (j > sb + 1 && c_.t.tokens[j - 1].kind == Token::Kind::kWord &&
               c_.word_is(j - 2, ",") &&
               (c_.word(j - 1).ends_with("ed") || c_.word_is(j - 1, "built"))) {
      --j;  // "the terminal, built at a cost of"
      relative = true;
    }
    if (relative && j > sb && c_.word_is(j - 1, ",")) --j;
    std::string key, name;
    std::size_t at = start;
    // "The terminal cost $420 million and employs 310 workers": a second verb
    // of the facility that opens the sentence.
    const FacilityRef* opening = nullptr;
    if (j > sb && c_.word_is(j - 1, "and")) {
      std::size_t k = sb;
      while (k < j && c_.func_is(k, ClaimData::kDet)) ++k;
      for (std::size_t h = k; h < j && h < k + 6; ++h) {
        if (c_.facility_at[h] >= 0) {
          const FacilityRef& f = c_.facilities[c_.facility_at[h]];
          if (f.begin == sb) opening = &f;
          break;
        }
      }
    }
    if (const FacilityRef* f = opening ? opening : c_.facility_ending_at(j)) {
      key = f->key;
      name = f->name;
      at = f->begin;
    } else if (j == start && j > sb && c_.run_at[j - 1] >= 0) {
      const NameRun& r = c_.runs[c_.run_at[j - 1]];
      if (r.end == j && !r.person && !r.place && !r.possessive) {
        key = r.id_or_key();
        name = r.text;
        at = r.begin;
      }
    }
    // A facility with no owner ("fac:/plant") would meet any story's plant.
    if (key.rfind("fac:/", 0) == 0) return;
    if (key.empty()) return;
    *predicate = entry->value;
    *subject = std::move(key);
    *subject_name = std::move(name);
    *trigger = start;
    *span_b = std::min(at, start);
  }

  static bool time_unit(const std::string& unit) {
    return unit == "years" || unit == "decades" || unit == "months" || unit == "days" ||
           unit == "hours" || unit == "weeks";
  }

  void quantities() {
    std::size_t cursor = 0;  // the quantities come in text order
    for (const Quantity& q : c_.a.quantities) {
      if (time_unit(q.unit)) continue;
      auto [qb, qe] = c_.tokens_of(q.span, &cursor);
      if (qb >= qe || qe > c_.t.tokens.size()) continue;
      std::size_t sb = c_.sentence_begin(qb), se = c_.sentence_end(qb);
      std::string predicate, subject, subject_name;
      std::size_t trigger = qb, span_b = qb, span_e = qe;
      // Governing verb before: "has killed more than 38,000", ", killing 1,200".
      std::size_t v = qb;
      if (v > sb && c_.d.casualty.find_id(c_.id(v - 1))) {
        --v;
        predicate = c_.d.casualty.find_id(c_.id(v))->value;
        trigger = v;
        std::size_t j = v;
        while (j > sb && (c_.func_is(j - 1, ClaimData::kAux) || c_.func_is(j - 1, ClaimData::kAdv)))
          --j;
        std::size_t e = j;
        if (e > sb && c_.word_is(e - 1, ",")) {
          // a participle: the event or subject of the clause before
          std::size_t cb = c_.clause_begin(e - 1);
          if (const FacilityRef* ev = c_.facility_in(cb, e - 1);
              ev && ev->key.rfind("event:", 0) == 0) {
            subject = ev->key;
            subject_name = ev->name;
          }
          std::size_t k = cb;
          while (k < e - 1 && c_.is_func_word(k)) ++k;
          std::size_t ke = k;
          while (ke < e - 1 && !c_.func_is(ke, ClaimData::kAux) &&
                 !c_.d.lifecycle.find_id(c_.id(ke)) && !c_.is_boundary(ke, true) &&
                 (ke == k || c_.run_at[ke] >= 0 || c_.func_is(ke, ClaimData::kDet) ||
                  c_.is_content(ke)) &&
                 ke < k + 4) {
            if (c_.run_at[ke] >= 0) {
              ke = c_.runs[c_.run_at[ke]].end;
              break;
            }
            ++ke;
          }
          if (subject.empty()) subject = c_.np_key(k, ke, &subject_name);
          if (c_.run_at[k] < 0 && !c_.func_is(cb, ClaimData::kDet) &&
              subject.rfind("event:", 0) != 0)
            subject.clear();
          span_b = k;
        } else {
          std::size_t b = e;
          while (b > sb && !c_.is_boundary(b - 1, true) && e - b < 6 && !c_.word_is(b - 1, "and") &&
                 !c_.d.casualty.find_id(c_.id(b - 1)) && !c_.d.reporting.find_id(c_.id(b - 1))) {
            --b;
          }
          // The agent: an event named in the phrase ("an earthquake in Peru":
          // the place only qualifies it), else a name in the phrase ("Israel's
          // campaign", "Ottoman Turks"), else the event of the sentence, else a
          // short determined phrase.
          if (const FacilityRef* ev = c_.facility_in(b, e); ev && ev->key.rfind("event:", 0) == 0) {
            subject = ev->key;
            subject_name = ev->name;
          }
          for (std::size_t k = b; k < e && subject.empty(); ++k) {
            if (c_.run_at[k] >= 0) {
              const NameRun& r = c_.runs[c_.run_at[k]];
              subject = r.id_or_key();
              subject_name = r.text;
            }
          }
          if (subject.empty()) {
            if (const FacilityRef* ev = nearest_event(sb, se, qb);
                ev && ev->key.rfind("event:", 0) == 0) {
              subject = ev->key;
              subject_name = ev->name;
            }
          }
          if (subject.empty() && b < e &&
              (c_.func_is(b, ClaimData::kDet) || c_.func_is(b, ClaimData::kPron)) && e - b <= 4) {
            subject = c_.np_key(b, e, &subject_name);
          }
          span_b = b;
        }
      } else {
        // Verb after: "1,200 people were killed", "12 dead".
        std::size_t k = qe;
        while (k < se && (c_.func_is(k, ClaimData::kAux) || c_.word_is(k, "reported") ||
                          c_.word_is(k, "confirmed")))
          ++k;
        // "the death toll rose to 45": a toll counts the dead.
        std::size_t toll = kNone;
        for (std::size_t p = qb; p > sb && qb - p < 10; --p) {
          if (c_.word_is(p - 1, "toll")) toll = p - 1;
        }
        bool after = k < se && c_.d.casualty.find_id(c_.id(k));
        // A measure ("7.8 magnitude", "$5m") is never a count of the dead, even
        // inside "the death toll from Monday's 7.8 magnitude earthquake rose to ...".
        bool measure = measure_unit(q.unit);
        if (!measure && (after || toll != kNone)) {
          predicate = after ? c_.d.casualty.find_id(c_.id(k))->value : "killed";
          trigger = after ? k : toll;
          span_e = after ? k + 1 : qe;
          if (!after) span_b = toll > sb && c_.word_is(toll - 1, "death") ? toll - 1 : toll;
          if (const FacilityRef* ev = nearest_event(sb, se, qb);
              ev && ev->key.rfind("event:", 0) == 0) {
            subject = ev->key;
            subject_name = ev->name;
          }
          if (subject.empty()) {
            for (std::size_t h = qe; h < se; ++h) {
              if ((c_.word_is(h, "in")) && h + 1 < se && c_.run_at[h + 1] >= 0) {
                subject = c_.runs[c_.run_at[h + 1]].key;
                subject_name = c_.runs[c_.run_at[h + 1]].text;
                break;
              }
            }
          }
        } else if (qe < se && c_.is_content(qe) &&
                   (q.unit == "magnitude" || q.unit == "USD" || q.unit == "EUR" ||
                    q.unit == "GBP" || q.unit == "percent")) {
          // A measure of the noun it modifies: "a 5.6 magnitude earthquake", "a $2.3bn agreement".
          std::size_t h = qe;
          const PhraseTable::Entry* work = c_.d.events.find_id(c_.id(h));
          if (c_.facility_at[h] >= 0) {
            // (Not work on a facility no owner is named for: "a $50 million
            // renovation" would meet every story's renovation.)
            const FacilityRef& f = c_.facilities[c_.facility_at[h]];
            bool bare_work =
                work && work->extra == "facility" && f.key.find('/') == std::string::npos;
            if (!bare_work) {
              subject = f.key;
              subject_name = f.name;
            }
          } else if (!c_.word(h).ends_with("ly") && !c_.d.lifecycle.find_id(c_.id(h))) {
            // "Siemens signed a €2.5bn contract": whose contract, or nothing
            // (a bare "$3 million charge" would collide across stories).
            const NameRun* actor = nullptr;
            for (std::size_t k = qb; k > sb && !actor; --k) {
              if (c_.run_at[k - 1] < 0) continue;
              const NameRun& r = c_.runs[c_.run_at[k - 1]];
              if (!r.place && !r.person) actor = &r;
              k = r.begin + 1;
            }
            if (actor) {
              subject =
                  phrase_key(c_.canonical(std::string(c_.word(h)))) + "/" + std::string(actor->key);
              subject_name = std::string(c_.t.token_text(h));
            }
          }
          predicate = q.unit == "magnitude" ? "magnitude"
                      : q.unit == "percent" ? "percent"
                                            : "value";
          span_e = h + 1;
        }
      }
      if (predicate.empty()) {
        measure_of_thing(q, qb, sb, &predicate, &subject, &subject_name, &trigger, &span_b);
      }
      if (predicate.empty() || subject.empty()) continue;
      std::string qualifier = predicate == "magnitude" || predicate == "value" ? q.unit : q.unit;
      if (!first_time("quantity", subject, predicate, qualifier, qb)) continue;
      Claim& cl = add("quantity", subject, subject_name, predicate, qualifier, trigger,
                      std::min(span_b, qb), std::max(span_e, qe));
      ClaimValue val;
      val.kind = ClaimValue::Kind::kQuantity;
      val.quantity = q;
      std::string value;
      if (q.bound == "at_least")
        value = "at least " + number_text(q.low);
      else if (q.bound == "at_most")
        value = "at most " + number_text(q.high);
      else if (q.bound == "about")
        value = "about " + number_text(q.value);
      else if (q.bound == "range")
        value = number_text(q.low) + "-" + number_text(q.high);
      else
        value = number_text(q.value);
      cl.value = value + (q.unit.empty() ? "" : " " + q.unit);
      cl.typed = std::move(val);
    }
  }
};

}  // namespace

std::vector<Claim> extract_claims(const Annotations& annotations) {
  if (annotations.text.tokens.empty()) return {};
  Extractor extractor(annotations);
  return extractor.run();
}

}  // namespace crosscheck::internal
