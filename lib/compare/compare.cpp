// Verdicts on linked claims: each pair of claims about the same thing (same
// claim key) is compared by the type of its value; conflicts are grouped into
// contradictions (superseded or unresolved), compatible claims from several
// documents into agreements.
#include "compare/compare.h"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <cmath>
#include <locale>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "compare/rules.h"
#include "data/embedded.h"
#include "util/ascii.h"
#include "util/date.h"

namespace crosscheck::internal {

namespace {

// Words of a text, lowercased, letters and digits only ("Cyber-security" ->
// "cybersecurity"), so spelling variants of list items compare equal.
std::string fold(std::string_view s) {
  std::string out;
  for (char ch : s) {
    auto u = static_cast<unsigned char>(ch);
    if (ascii_alnum(u) || u >= 0x80) out += ascii_lower(ch);
  }
  return out;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    auto u = static_cast<unsigned char>(ch);
    if (ascii_alnum(u) || u >= 0x80) {
      cur += ascii_lower(ch);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool contains_sequence(const std::vector<std::string>& hay,
                       const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

bool day_granular(const TimeInterval& t) {
  return t.granularity == Granularity::kDay || t.first_day == t.last_day;
}

}  // namespace

// ---------------------------------------------------------------------------
// Rules

const LifecyclePhases& LifecyclePhases::builtin() {
  static const LifecyclePhases phases = [] {
    LifecyclePhases p;
    for (const auto& row : data_tsv("compare/lifecycle_phases.tsv", 2)) {
      std::optional<int> phase = data_int(row[1]);
      if (!phase) {
        report_data_row("compare/lifecycle_phases.tsv", row, "the phase is not a number");
        continue;
      }
      p.phase_of.emplace(std::string(row[0]), *phase);
    }
    return p;
  }();
  return phases;
}

std::optional<int> LifecyclePhases::phase(const ClaimValue& v) const {
  if (auto it = phase_of.find(ascii_lowered(v.state)); it != phase_of.end()) return it->second;
  return std::nullopt;
}

CompareContext::CompareContext(const Report& report) : phases(&LifecyclePhases::builtin()) {
  for (const Extraction& x : report.extractions) {
    DocumentDate d;
    if (auto p = parse_iso_date(x.document.published)) {
      d.day = days_from_civil(*p);
    } else if (x.published_inferred) {
      if (auto q = parse_iso_date(x.published_inferred->value)) d.day = days_from_civil(*q);
      d.inferred = true;
    }
    d.document = &x.document;
    documents.emplace(x.document.id, d);
  }
  for (const Entity& e : report.entities) {
    if (!e.located_in.empty()) located_in.emplace(e.id, e.located_in);
  }
}

When CompareContext::when(const Claim& c) const {
  if (auto a = parse_iso_date(c.as_of)) return When{days_from_civil(*a), true};
  if (auto it = documents.find(c.document); it != documents.end() && it->second.day) {
    return When{*it->second.day, true};
  }
  // An undated source that reports a past event in plain assertion was written
  // after that event: the event's first day bounds the source's time below.
  const ClaimValue& v = c.typed;
  bool past = c.modality == "asserted" || c.modality.empty();
  bool has_time = (v.kind == ClaimValue::Kind::kTime || v.kind == ClaimValue::Kind::kState) &&
                  v.time.first_day != TimeInterval::kOpenLow;
  if (past && has_time && c.polarity != "negative") {
    if (v.kind == ClaimValue::Kind::kTime || phase_is_done(v)) return When{v.time.first_day, false};
  }
  return When{};
}

bool CompareContext::phase_is_done(const ClaimValue& v) const {
  auto p = phases->phase(v);
  return p && *p >= 2;
}

bool CompareContext::contains_place(const std::string& outer, const std::string& inner) const {
  // Walks located_in upwards from `inner`, bounded against cycles.
  std::vector<std::string> frontier{inner};
  std::set<std::string> seen{inner};
  for (int depth = 0; depth < 8 && !frontier.empty(); ++depth) {
    std::vector<std::string> next;
    for (const std::string& id : frontier) {
      auto it = located_in.find(id);
      if (it == located_in.end()) continue;
      for (const std::string& up : it->second) {
        if (up == outer) return true;
        if (seen.insert(up).second) next.push_back(up);
      }
    }
    frontier = std::move(next);
  }
  return false;
}

std::string CompareContext::outlet(const Claim& c) const {
  auto it = documents.find(c.document);
  if (it == documents.end() || !it->second.document) return c.document;
  const Document& d = *it->second.document;
  return d.source.empty() ? d.id : d.source;
}

std::string CompareContext::dated_outlet(const Claim& c) const {
  std::string out = outlet(c);
  auto it = documents.find(c.document);
  if (!c.as_of.empty()) return out + ", " + c.as_of;
  if (it != documents.end() && it->second.day) {
    return out + ", " + format_iso(civil_from_days(*it->second.day)) +
           (it->second.inferred ? " (inferred)" : "");
  }
  return out + ", undated";
}

namespace {

bool tentative(const Claim& c) { return c.modality == "hedged" || c.modality == "conditional"; }

// Claims that may be set against each other as facts.
bool may_conflict(const Claim& c) {
  return c.modality.empty() || c.modality == "asserted" || c.modality == "future";
}

// The voice a claim is stated in; unnamed generic sources (officials said)
// speak for the outlet, as they do in its unattributed sentences.
std::string voice(const Claim& c) {
  static const std::set<std::string> kAnonymous = [] {
    std::set<std::string> out;
    for (const auto& row : data_tsv("compare/anonymous_sources.tsv")) out.insert(fold(row[0]));
    return out;
  }();
  std::string v = fold(c.attributed_to);
  return kAnonymous.count(v) ? std::string() : v;
}

std::string day_text(const When& w) {
  if (!w.known()) return "an unknown date";
  return (w.exact ? "" : "after ") + format_iso(civil_from_days(w.day));
}

// Ordering of two claims' times: -1 a earlier, +1 b earlier, 0 same day,
// nullopt unknown. A lower bound only orders against an exact earlier day.
std::optional<int> order(const When& a, const When& b) {
  if (!a.known() || !b.known()) return std::nullopt;
  if (a.exact && b.exact) return a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
  if (a.exact && b.day > a.day) return -1;
  if (b.exact && a.day > b.day) return 1;
  return std::nullopt;
}

Relation compatible(std::string rule, std::string why) {
  return Relation{Rel::kCompatible, std::move(rule), std::move(why), -1};
}
Relation conflict(std::string rule, std::string why) {
  return Relation{Rel::kConflict, std::move(rule), std::move(why), -1};
}
Relation supersedes(int later, std::string rule, std::string why) {
  return Relation{Rel::kSupersedes, std::move(rule), std::move(why), later};
}

// A value that changes over time (a count, an office holder): a different
// value is superseded when the sources are ordered, contradicts on the same
// day, and says nothing when the order is unknown.
Relation changing_value(const CompareContext& ctx, const Claim& a, const Claim& b,
                        const std::string& rule, const std::string& what) {
  When wa = ctx.when(a), wb = ctx.when(b);
  auto o = order(wa, wb);
  if (!o) return {};
  if (*o == 0) {
    return conflict(rule + ".same_time", what + " differ for the same time (" + day_text(wa) + ")");
  }
  int later = *o < 0 ? 1 : 0;
  const Claim& newer = later ? b : a;
  return supersedes(later, rule + ".update",
                    what + " differ; " + ctx.dated_outlet(newer) +
                        " is the later report and replaces the earlier one");
}

struct Bounds {
  double low, high;
};

// The interval a stated quantity allows, widened for approximations and for
// round numbers ("about 14,000", "14,000" may stand for 14,300).
Bounds quantity_bounds(const Quantity& q) {
  double low = q.low, high = q.high;
  if (low == 0 && high == 0 && q.value != 0) low = high = q.value;
  if (low > high) std::swap(low, high);
  double v = std::fabs(q.value);
  double slack = 0;
  if (v >= 1000 && std::fmod(v, 1000) == 0) {
    double unit = 1000;
    while (unit * 10 <= v && std::fmod(v, unit * 10) == 0) unit *= 10;
    slack = unit / 2;
  }
  if (q.bound == "about") slack = std::max(slack, v * 0.1);
  if (q.bound != "at_least" && std::isfinite(low)) low -= slack;
  if (q.bound != "at_most" && std::isfinite(high)) high += slack;
  return {low, high};
}

std::string quantity_text(const Quantity& q) {
  if (!q.text.empty()) return q.text;
  std::ostringstream out;
  out.imbue(std::locale::classic());  // not a locale the host may have made global
  out << q.value;
  return out.str();
}

Relation compare_quantities(const CompareContext& ctx, const Claim& a, const Claim& b) {
  const Quantity& qa = a.typed.quantity;
  const Quantity& qb = b.typed.quantity;
  if (ascii_lowered(qa.unit) != ascii_lowered(qb.unit))
    return {};  // different units: not comparable
  Bounds ba = quantity_bounds(qa), bb = quantity_bounds(qb);
  if (std::isnan(ba.low) || std::isnan(ba.high) || std::isnan(bb.low) || std::isnan(bb.high))
    return {};
  if (ba.low <= bb.high && bb.low <= ba.high) {
    return compatible("quantity.bounds", "\"" + quantity_text(qa) + "\" and \"" +
                                             quantity_text(qb) + "\" allow the same number");
  }
  return changing_value(
      ctx, a, b, "quantity",
      "the figures \"" + quantity_text(qa) + "\" and \"" + quantity_text(qb) + "\"");
}

std::string time_text(const Claim& c) {
  return !c.typed.time_value.empty() ? c.typed.time_value : c.value;
}

Relation compare_times(const CompareContext& ctx, const Claim& a, const Claim& b) {
  const TimeInterval& ta = a.typed.time;
  const TimeInterval& tb = b.typed.time;
  if (!ta.anchored() || !tb.anchored()) {
    if (!a.typed.time_value.empty() && a.typed.time_value == b.typed.time_value) {
      return compatible("time.same_value", "both give " + a.typed.time_value);
    }
    return {};
  }
  if (ta.first_day <= tb.last_day && tb.first_day <= ta.last_day) {
    std::string why = ta.first_day == tb.first_day && ta.last_day == tb.last_day
                          ? "both give " + time_text(a)
                      : ta.first_day >= tb.first_day && ta.last_day <= tb.last_day
                          ? time_text(a) + " falls within " + time_text(b)
                      : tb.first_day >= ta.first_day && tb.last_day <= ta.last_day
                          ? time_text(b) + " falls within " + time_text(a)
                          : time_text(a) + " and " + time_text(b) + " overlap";
    return compatible("time.granularity", why);
  }
  // One day apart at day granularity is a time-zone or reporting artefact, not
  // a disagreement worth an editor's time.
  std::int64_t gap = ta.first_day > tb.last_day ? std::int64_t{ta.first_day} - tb.last_day
                                                : std::int64_t{tb.first_day} - ta.last_day;
  if (day_granular(ta) && day_granular(tb) && gap <= 1) return {};
  std::string what = time_text(a) + " and " + time_text(b) + " do not overlap";
  bool fa = a.modality == "future", fb = b.modality == "future";
  if (fa || fb) {
    // A planned date replaced by a later report is a change of plan.
    auto o = order(ctx.when(a), ctx.when(b));
    if (o && *o != 0) {
      int later = *o < 0 ? 1 : 0;
      const Claim& older = later ? a : b;
      if (older.modality == "future") {
        return supersedes(later, "time.rescheduled",
                          what + "; the earlier date was a plan, the later report gives another");
      }
    }
    if (fa != fb) return {};
  }
  return conflict("time.disjoint", what);
}

// "Yet to be announced" as of one day against a known date.
Relation compare_unknown_time(const CompareContext& ctx, const Claim& unknown, const Claim& known,
                              int known_side) {
  When wu = ctx.when(unknown);
  if (!wu.known() || !wu.exact) return {};
  const TimeInterval& t = known.typed.time;
  // Only a date that the event actually took (or takes) place answers it; the
  // date of an announcement does not.
  if (!t.anchored()) return {};
  if (known.typed.kind == ClaimValue::Kind::kState && !ctx.phase_is_done(known.typed)) return {};
  When wk = ctx.when(known);
  std::string said = ctx.dated_outlet(unknown) + " says no date was known";
  std::string date = "\"" + time_text(known) + "\" (" + ctx.dated_outlet(known) + ")";
  if ((wk.known() && wk.day > wu.day) || (t.anchored() && t.first_day > wu.day)) {
    return supersedes(known_side, "time.unknown_superseded",
                      said + "; the later report gives the date " + date);
  }
  if (!may_conflict(known) || known.modality == "future") return {};
  if (wk.known() && wk.exact && wk.day < wu.day) {
    return conflict("time.unknown_contradicted",
                    said + ", but an earlier report already gave " + date);
  }
  if (t.anchored() && t.last_day < wu.day && known.typed.kind == ClaimValue::Kind::kTime) {
    return conflict("time.unknown_contradicted",
                    said + ", but " + date + " places the event before that");
  }
  return {};
}

Relation compare_states(const CompareContext& ctx, const Claim& a, const Claim& b) {
  const ClaimValue& va = a.typed;
  const ClaimValue& vb = b.typed;
  std::optional<int> pa = ctx.phases->phase(va), pb = ctx.phases->phase(vb);
  if (!pa || !pb) {
    // States outside the phase table: fall back on the extractor's stage order.
    if (va.stage < 0 || vb.stage < 0) {
      return ascii_lowered(va.state) == ascii_lowered(vb.state)
                 ? compatible("lifecycle.same_state", "both report " + va.state)
                 : Relation{};
    }
    pa = va.stage;
    pb = vb.stage;
  }
  if (*pa == *pb) {
    if (va.time.anchored() && vb.time.anchored() &&
        (va.time.last_day < vb.time.first_day || vb.time.last_day < va.time.first_day)) {
      return {};  // the same stage at different times: maybe a second occurrence
    }
    std::string both = ascii_lowered(va.state) == ascii_lowered(vb.state)
                           ? "both report the state " + va.state
                           : va.state + " and " + vb.state + " are the same stage";
    return compatible("lifecycle.same_stage", both);
  }
  When wa = ctx.when(a), wb = ctx.when(b);
  auto o = order(wa, wb);
  if (!o || *o == 0) return {};  // the order of the reports is unknown: no verdict
  int later = *o < 0 ? 1 : 0;
  const Claim& older = later ? a : b;
  const Claim& newer = later ? b : a;
  int p_old = later ? *pa : *pb, p_new = later ? *pb : *pa;
  std::string story = ctx.dated_outlet(older) + " reports " + older.typed.state + ", " +
                      ctx.dated_outlet(newer) + " reports " + newer.typed.state;
  if (p_new > p_old) return supersedes(later, "lifecycle.progress", story + ": the story moved on");
  return conflict("lifecycle.regression", story + ": the later report gives an earlier stage");
}

Relation compare_entities(const CompareContext& ctx, const Claim& a, const Claim& b) {
  const std::string& ea = a.typed.kind == ClaimValue::Kind::kEntity ? a.typed.entity : a.typed.text;
  const std::string& eb = b.typed.kind == ClaimValue::Kind::kEntity ? b.typed.entity : b.typed.text;
  if (ea.empty() || eb.empty()) return {};
  if (fold(ea) == fold(eb))
    return compatible("entity.same", "both name " + (a.value.empty() ? ea : a.value));
  if (a.type == "role") {
    return changing_value(ctx, a, b, "role", "the holders " + a.value + " and " + b.value);
  }
  if (a.type == "event_place") {
    if (ctx.contains_place(ea, eb) || ctx.contains_place(eb, ea)) {
      return compatible("place.containment",
                        a.value + " and " + b.value + " are the same place at different scales");
    }
    if (a.typed.kind == ClaimValue::Kind::kEntity && b.typed.kind == ClaimValue::Kind::kEntity) {
      return conflict("place.disjoint", a.value + " and " + b.value + " are different places");
    }
  }
  return {};
}

std::vector<std::string> set_keys(const ClaimValue& v) {
  std::vector<std::string> out;
  for (const std::string& item : v.items) out.push_back(fold(item));
  return out;
}

Relation compare_sets(const CompareContext& ctx, const Claim& a, const Claim& b) {
  auto ka = set_keys(a.typed), kb = set_keys(b.typed);
  std::set<std::string> sa(ka.begin(), ka.end()), sb(kb.begin(), kb.end());
  std::vector<std::string> shared, only_a, only_b;
  for (std::size_t i = 0; i < ka.size(); ++i) {
    (sb.count(ka[i]) ? shared : only_a).push_back(a.typed.items[i]);
  }
  for (std::size_t i = 0; i < kb.size(); ++i) {
    if (!sa.count(kb[i])) only_b.push_back(b.typed.items[i]);
  }
  if ((a.typed.complete && !only_b.empty()) || (b.typed.complete && !only_a.empty())) {
    const Claim& full = a.typed.complete && !only_b.empty() ? a : b;
    const auto& extra = &full == &a ? only_b : only_a;
    return changing_value(ctx, a, b, "set.complete",
                          "the lists (" + ctx.outlet(full) +
                              " says its list is complete, the other adds " + join(extra, ", ") +
                              ")");
  }
  if (shared.empty()) return {};  // different items of an open list: no conflict
  return compatible("set.overlap", "shared: " + join(shared, ", "));
}

Relation compare_text(const Claim& a, const Claim& b) {
  auto wa = words(a.typed.kind == ClaimValue::Kind::kText ? a.typed.text : a.value);
  auto wb = words(b.typed.kind == ClaimValue::Kind::kText ? b.typed.text : b.value);
  if (wa.empty() || wb.empty()) return {};
  if (wa == wb || contains_sequence(wa, wb) || contains_sequence(wb, wa)) {
    return compatible("text.same", "both say " + (wa.size() <= wb.size() ? a.value : b.value));
  }
  return {};
}

// Positive against negative statement of the same value.
Relation compare_polarity(const CompareContext& ctx, const Claim& a, const Claim& b) {
  When wa = ctx.when(a), wb = ctx.when(b);
  auto o = order(wa, wb);
  if (!o) return {};
  const Claim& pos = a.polarity == "negative" ? b : a;
  const Claim& neg = a.polarity == "negative" ? a : b;
  std::string what = ctx.dated_outlet(pos) + " affirms what " + ctx.dated_outlet(neg) + " denies";
  if (*o == 0) return conflict("polarity.negation", what);
  int later = *o < 0 ? 1 : 0;
  const Claim& newer = later ? b : a;
  if (&newer == &pos)
    return supersedes(later, "polarity.now_true", what + "; the affirmation is later");
  return conflict("polarity.negation", what + "; the denial is later");
}

bool same_value(const Claim& a, const Claim& b) {
  if (a.typed.kind != b.typed.kind) return false;
  if (!a.value.empty() || !b.value.empty()) return fold(a.value) == fold(b.value);
  return true;
}

}  // namespace

Relation relate(const CompareContext& ctx, const Claim& a, const Claim& b) {
  if (tentative(a) != tentative(b)) return {};  // a hedge is not compared as a fact
  using K = ClaimValue::Kind;
  const K ka = a.typed.kind, kb = b.typed.kind;
  Relation r;
  if (a.polarity == "negative" || b.polarity == "negative") {
    if (a.polarity == b.polarity) {
      if (same_value(a, b)) r = compatible("polarity.both_negative", "both deny " + a.value);
    } else if (same_value(a, b)) {
      r = compare_polarity(ctx, a, b);
    }
  } else if (ka == K::kUnknownTime && kb == K::kUnknownTime) {
    r = compatible("time.unknown", "both say no date was known");
  } else if (ka == K::kUnknownTime && (kb == K::kTime || kb == K::kState)) {
    r = compare_unknown_time(ctx, a, b, 1);
  } else if (kb == K::kUnknownTime && (ka == K::kTime || ka == K::kState)) {
    r = compare_unknown_time(ctx, b, a, 0);
  } else if (a.type != b.type) {
    return {};  // only unknown dates are bridged across claim types
  } else if (ka != kb) {
    if ((ka == K::kEntity || ka == K::kText) && (kb == K::kEntity || kb == K::kText) &&
        a.type == "role") {
      r = compare_entities(ctx, a, b);
    }
  } else {
    switch (ka) {
      case K::kTime:
        r = compare_times(ctx, a, b);
        break;
      case K::kQuantity:
        r = compare_quantities(ctx, a, b);
        break;
      case K::kState:
        r = compare_states(ctx, a, b);
        break;
      case K::kEntity:
        r = compare_entities(ctx, a, b);
        break;
      case K::kSet:
        r = compare_sets(ctx, a, b);
        break;
      case K::kText:
        r = a.type == "role" ? compare_entities(ctx, a, b) : compare_text(a, b);
        break;
      case K::kNone:
        r = compatible("predicate.same", "both state it");
        break;
      case K::kUnknownTime:
        break;
    }
  }
  if (r.rel == Rel::kConflict || r.rel == Rel::kSupersedes) {
    // Precision first: only firm statements from two sources, in the same
    // voice, can conflict; different speakers never contradict each other
    // (but may agree).
    if (a.document == b.document || tentative(a) || !may_conflict(a) || !may_conflict(b) ||
        voice(a) != voice(b)) {
      return {};
    }
  }
  return r;
}

// ---------------------------------------------------------------------------
// Findings

namespace {

struct UnionFind {
  std::vector<std::size_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

struct Edge {
  std::size_t a, b;  // positions in the group
  Relation relation;
};

std::string topic(const Claim& c) {
  std::string subject = !c.subject_name.empty() ? c.subject_name : c.subject;
  std::string predicate = c.predicate;
  std::replace(predicate.begin(), predicate.end(), '_', ' ');
  std::string out = subject.empty() ? predicate : subject + ": " + predicate;
  if (!c.qualifier.empty()) out += " (" + c.qualifier + ")";
  return out;
}

// The value as people should read it in a one-line summary.
std::string shown_value(const Claim& c) {
  switch (c.typed.kind) {
    case ClaimValue::Kind::kUnknownTime:
      return "no date known";
    case ClaimValue::Kind::kState: {
      std::string state = c.typed.state.empty() ? c.value : c.typed.state;
      std::replace(state.begin(), state.end(), '_', ' ');
      return c.typed.time_value.empty() ? state : state + " " + c.typed.time_value;
    }
    case ClaimValue::Kind::kTime:
      return !c.typed.time_value.empty() ? c.typed.time_value : c.value;
    default:
      break;
  }
  if (!c.value.empty()) return c.value;
  switch (c.typed.kind) {
    case ClaimValue::Kind::kQuantity:
      return quantity_text(c.typed.quantity);
    case ClaimValue::Kind::kEntity:
      return c.typed.entity;
    case ClaimValue::Kind::kSet:
      return join(c.typed.items, ", ");
    case ClaimValue::Kind::kText:
      return c.typed.text;
    default:
      return c.predicate;
  }
}

class FindingBuilder {
 public:
  FindingBuilder(const Report& report, const CompareContext& ctx) : report_(report), ctx_(ctx) {
    for (std::size_t i = 0; i < report.extractions.size(); ++i)
      doc_rank_[report.extractions[i].document.id] = i;
  }

  Finding make(const std::string& kind, const std::string& resolution,
               std::vector<std::size_t> members, const std::vector<const Edge*>& edges) {
    const auto& claims = report_.claims;
    // Contradictions read oldest first; agreements in document order.
    std::stable_sort(members.begin(), members.end(), [&](std::size_t x, std::size_t y) {
      if (kind == "contradiction") {
        When wx = ctx_.when(claims[x]), wy = ctx_.when(claims[y]);
        if (wx.known() != wy.known()) return wx.known();
        if (wx.known() && wx.day != wy.day) return wx.day < wy.day;
      }
      return x < y;
    });
    Finding f;
    f.kind = kind;
    f.resolution = resolution;
    std::set<std::string> docs;
    for (std::size_t m : members) {
      f.claims.push_back(claims[m].id);
      docs.insert(claims[m].document);
    }
    f.documents.assign(docs.begin(), docs.end());
    std::sort(f.documents.begin(), f.documents.end(),
              [&](const std::string& x, const std::string& y) {
                return rank(x) != rank(y) ? rank(x) < rank(y) : x < y;
              });
    // The rule is the most frequent among the deciding edges (ties: first).
    std::unordered_map<std::string_view, std::size_t> votes;
    std::vector<std::string> reasons;
    for (const Edge* e : edges) ++votes[e->relation.rule];
    std::size_t best = 0;
    for (const Edge* e : edges) {
      if (std::size_t v = votes[e->relation.rule]; v > best) {
        best = v;
        f.rule = e->relation.rule;
      }
      if (reasons.size() < 4 &&
          std::find(reasons.begin(), reasons.end(), e->relation.why) == reasons.end()) {
        reasons.push_back(e->relation.why);
      }
    }
    const Claim& first = claims[members.front()];
    if (kind == "agreement") {
      f.summary = topic(first) + ": " + std::to_string(f.documents.size()) + " sources agree on " +
                  agreed_value(members);
      f.explanation = agreement_explanation(members, reasons);
    } else {
      // One step per document and value (a state repeated in one article
      // is told once).
      std::vector<std::string> steps;
      std::set<std::string> told;
      for (std::size_t m : members) {
        const Claim& c = claims[m];
        std::string value =
            c.typed.kind == ClaimValue::Kind::kState ? c.typed.state : shown_value(c);
        if (!told.insert(c.document + '\x1f' + value).second) continue;
        steps.push_back(shown_value(c) + " (" + ctx_.dated_outlet(c) + ")");
      }
      f.summary = topic(first) + ": " + join(steps, resolution == "superseded" ? " -> " : " vs ");
      if (resolution == "superseded" && reasons.size() > 2) {
        // Many pairs: tell the story once, oldest to newest.
        f.explanation = "Each later report supersedes the earlier ones: " + join(steps, " -> ") +
                        ". The earlier statements were true when made";
      } else {
        f.explanation = join(reasons, "; ");
      }
      f.explanation += ".";
    }
    return f;
  }

 private:
  std::size_t rank(const std::string& doc) const {
    auto it = doc_rank_.find(doc);
    return it == doc_rank_.end() ? doc_rank_.size() : it->second;
  }

  std::string agreed_value(const std::vector<std::size_t>& members) const {
    const auto& claims = report_.claims;
    // The most precise statement: the narrowest time, the shortest list...
    const Claim* best = &claims[members.front()];
    for (std::size_t m : members) {
      const Claim& c = claims[m];
      if (c.typed.kind == ClaimValue::Kind::kTime && best->typed.kind == ClaimValue::Kind::kTime &&
          std::int64_t{c.typed.time.last_day} - c.typed.time.first_day <
              std::int64_t{best->typed.time.last_day} - best->typed.time.first_day) {
        best = &c;
      }
    }
    if (best->typed.kind == ClaimValue::Kind::kSet) {
      return join(shared_items(members), ", ");
    }
    return shown_value(*best);
  }

  std::vector<std::string> shared_items(const std::vector<std::size_t>& members) const {
    const auto& claims = report_.claims;
    std::vector<std::string> out;
    const ClaimValue& first = claims[members.front()].typed;
    for (const std::string& item : first.items) {
      std::string key = fold(item);
      bool everywhere = std::all_of(members.begin(), members.end(), [&](std::size_t m) {
        auto keys = set_keys(claims[m].typed);
        return std::find(keys.begin(), keys.end(), key) != keys.end();
      });
      if (everywhere && std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    }
    return out;
  }

  std::string agreement_explanation(const std::vector<std::size_t>& members,
                                    const std::vector<std::string>& reasons) const {
    const auto& claims = report_.claims;
    std::vector<std::string> outlets;
    std::unordered_set<std::string> listed;
    for (std::size_t m : members) {
      std::string o = ctx_.dated_outlet(claims[m]);
      if (listed.insert(o).second) outlets.push_back(std::move(o));
    }
    std::string out = join(outlets, "; ") + ": ";
    if (claims[members.front()].typed.kind != ClaimValue::Kind::kSet)
      return out + join(reasons, "; ") + ".";
    auto shared = shared_items(members);
    std::set<std::string> shared_keys;
    for (const auto& s : shared) shared_keys.insert(fold(s));
    out += "all list " + join(shared, ", ");
    std::map<std::string, std::vector<std::string>> only;  // outlet -> items
    std::vector<std::string> order_seen;
    for (std::size_t m : members) {
      std::string o = ctx_.outlet(claims[m]);
      for (const std::string& item : claims[m].typed.items) {
        if (shared_keys.count(fold(item))) continue;
        auto& list = only[o];
        if (list.empty() &&
            std::find(order_seen.begin(), order_seen.end(), o) == order_seen.end()) {
          order_seen.push_back(o);
        }
        if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
      }
    }
    for (const std::string& o : order_seen) out += "; only " + o + " lists " + join(only[o], ", ");
    return out + ".";
  }

  const Report& report_;
  const CompareContext& ctx_;
  std::unordered_map<std::string, std::size_t> doc_rank_;
};

// Comparisons per group are pairwise; very large groups (pathological input)
// compare each claim with a bounded window of neighbours so cost stays linear.
constexpr std::size_t kPairWindow = 256;

// `bridge`: a group across claim types, where only pairs of different types
// are compared (the rest is compared in their own groups).
void compare_group(const Report& report, const CompareContext& ctx, FindingBuilder& builder,
                   const std::vector<std::size_t>& group, bool bridge,
                   std::vector<std::pair<std::size_t, Finding>>& out) {
  const auto& claims = report.claims;
  const std::size_t n = group.size();
  auto related = [&](std::size_t i, std::size_t j) {
    return relate(ctx, claims[group[i]], claims[group[j]]);
  };
  // Compatible pairs are most pairs on repetitive input (an article stating
  // one fact thousands of times): they are kept as one bit per windowed pair,
  // and their relations are computed again only for the clusters that become
  // findings. Storing them all took 60 KB per claim.
  std::vector<std::bitset<kPairWindow>> compatible(n);
  std::vector<Edge> edges;  // conflicts and supersessions
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n && j <= i + kPairWindow; ++j) {
      if (bridge && claims[group[i]].type == claims[group[j]].type) continue;
      Relation r = related(i, j);
      if (r.rel == Rel::kCompatible) {
        compatible[i].set(j - i - 1);
      } else if (r.rel != Rel::kUnrelated) {
        edges.push_back(Edge{i, j, std::move(r)});
      }
    }
  }
  auto first_index = [&](const std::vector<std::size_t>& members) {
    return *std::min_element(members.begin(), members.end());
  };
  // Contradictions: connected claims under conflict edges, one finding per
  // component and resolution.
  // One finding per resolution, rule family (lifecycle, time, quantity...) and
  // connected component: a state's progress and a date becoming known are
  // told separately even when they share claims.
  auto family = [](const std::string& rule) {
    if (rule.rfind("time.unknown", 0) == 0) return std::string("time.unknown");
    return rule.substr(0, rule.find('.'));
  };
  std::map<std::pair<int, std::string>, std::vector<const Edge*>> families;
  for (const Edge& e : edges) {
    if (e.relation.rel == Rel::kConflict || e.relation.rel == Rel::kSupersedes) {
      families[{e.relation.rel == Rel::kConflict ? 0 : 1, family(e.relation.rule)}].push_back(&e);
    }
  }
  for (const auto& [which, family_edges] : families) {
    UnionFind uf(n);
    for (const Edge* e : family_edges) uf.unite(e->a, e->b);
    std::map<std::size_t, std::vector<std::size_t>> components;
    std::map<std::size_t, std::vector<const Edge*>> component_edges;
    std::vector<bool> listed(n);  // a claim belongs to one component
    for (const Edge* e : family_edges) {
      std::size_t root = uf.find(e->a);
      auto& members = components[root];
      for (std::size_t p : {e->a, e->b}) {
        if (!listed[p]) {
          listed[p] = true;
          members.push_back(group[p]);
        }
      }
      component_edges[root].push_back(e);
    }
    for (auto& [root, members] : components) {
      out.emplace_back(first_index(members),
                       builder.make("contradiction", which.first == 0 ? "unresolved" : "superseded",
                                    members, component_edges[root]));
    }
  }
  // Agreements: greedy clusters of mutually compatible claims, in claim order;
  // only clusters spanning two documents or more are findings.
  auto compatible_pair = [&](std::size_t i, std::size_t j) {
    if (i > j) std::swap(i, j);
    return j - i <= kPairWindow && compatible[i].test(j - i - 1);
  };
  std::vector<std::vector<std::size_t>> clusters;
  std::size_t open_from = 0;  // clusters before it are out of the window for good
  for (std::size_t i = 0; i < n; ++i) {
    bool placed = false;
    // Claims beyond the comparison window were never compared with `i`;
    // clusters start in increasing order, so those are a prefix.
    while (open_from < clusters.size() && clusters[open_from].front() + kPairWindow < i)
      ++open_from;
    for (std::size_t k = open_from; k < clusters.size(); ++k) {
      auto& cluster = clusters[k];
      if (std::all_of(cluster.begin(), cluster.end(),
                      [&](std::size_t m) { return compatible_pair(m, i); })) {
        cluster.push_back(i);
        placed = true;
        break;
      }
    }
    if (!placed) clusters.push_back({i});
  }
  for (const auto& cluster : clusters) {
    std::set<std::string> docs;
    for (std::size_t p : cluster) docs.insert(claims[group[p]].document);
    if (docs.size() < 2) continue;
    std::vector<std::size_t> members;
    std::vector<Edge> cluster_edges;
    for (std::size_t x = 0; x < cluster.size(); ++x) {
      members.push_back(group[cluster[x]]);
      for (std::size_t y = x + 1; y < cluster.size(); ++y) {
        cluster_edges.push_back(Edge{cluster[x], cluster[y], related(cluster[x], cluster[y])});
      }
    }
    std::vector<const Edge*> deciding;
    for (const Edge& e : cluster_edges) deciding.push_back(&e);
    out.emplace_back(first_index(members), builder.make("agreement", "", members, deciding));
  }
}

int kind_rank(const Finding& f) {
  if (f.kind == "contradiction") return f.resolution == "unresolved" ? 0 : 1;
  return f.kind == "agreement" ? 2 : 3;
}

}  // namespace

std::vector<Finding> compare_claims(const Report& report, ClaimGraph& graph) {
  CompareContext ctx(report);
  FindingBuilder builder(report, ctx);
  std::vector<std::pair<std::size_t, Finding>> found;
  for (const auto& group : graph.comparable_groups())
    compare_group(report, ctx, builder, group, false, found);
  // Unknown dates are also compared with dated lifecycle claims (another claim
  // type) about the same subject and predicate, when their own group has no
  // date to set them against.
  for (const auto& group : graph.unknown_date_bridges())
    compare_group(report, ctx, builder, group, true, found);
  std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    int rx = kind_rank(x.second), ry = kind_rank(y.second);
    return rx != ry ? rx < ry : x.first < y.first;
  });
  std::vector<Finding> findings;
  std::set<std::vector<std::string>> seen;
  for (auto& [at, f] : found) {
    std::vector<std::string> key = f.claims;
    key.push_back(f.kind + f.resolution);
    if (!seen.insert(key).second) continue;
    graph.add_finding(f);
    findings.push_back(std::move(f));
  }
  return findings;
}

}  // namespace crosscheck::internal
