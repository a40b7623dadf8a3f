// Quantities: a scanner over tokens. Bounds convention (documented in README):
//   exact N        -> [N, N]
//   about N        -> [0.9 N, 1.1 N]      (about, around, some, roughly)
//   nearly N       -> [0.9 N, N]  at_most (nearly, almost, close to)
//   at least N     -> [N, inf)   at_least
//   more than N    -> [N, inf)   at_least (reporters round down, so N itself is kept)
//   up to N        -> [0, N]     at_most
//   less than N    -> [0, N]     at_most
//   between A and B, A to B, A-B -> [A, B] range
// Only numbers that count or measure something (a unit, a currency, a
// counted noun, or an approximator) become quantities; numbers inside time
// expressions never do.
#include "annotate/quantity/quantity_tagger.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "annotate/quantity/token_phrases.h"
#include "data/embedded.h"
#include "util/gallop.h"
#include "util/scratch.h"

namespace crosscheck::internal {
namespace {

struct QuantityData {
  PhraseTable approximators{"quantity/approximators.tsv"};
  PhraseTable scale{"quantity/scale.tsv"};
  PhraseTable number_words{"quantity/number_words.tsv"};
  PhraseTable units{"quantity/units.tsv"};
  PhraseTable counted{"quantity/counted.tsv"};
  PhraseTable function_words{"claims/function_words.tsv"};
  PhraseTable casualty{"claims/casualty_verbs.tsv"};
  // By vocabulary id: 1 where the word may start a quantity (a number word,
  // the first word of an approximator or of a unit, "between", "from").
  std::vector<std::uint8_t> may_start;
  // Whether "between" and "from" have vocabulary ids (else compare words).
  bool range_openers_known = false;

  QuantityData() {
    const PhraseVocabulary& vocabulary = PhraseVocabulary::instance();
    may_start.assign(vocabulary.size(), 0);
    for (std::uint32_t id = 1; id < vocabulary.size(); ++id) {
      std::string_view w = vocabulary.word(id);
      may_start[id] = number_words.find_id(id) || approximators.starts_phrase(id) ||
                      units.starts_phrase(id) || w == "between" || w == "from";
    }
    range_openers_known = vocabulary.id("between") != PhraseVocabulary::kUnknown &&
                          vocabulary.id("from") != PhraseVocabulary::kUnknown;
  }
};

const QuantityData& data() {
  static const QuantityData kData;
  return kData;
}

double to_double(std::string_view s) {
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() ? v : std::numeric_limits<double>::quiet_NaN();
}

// A number written in digits, maybe with thousands separators and a glued
// scale suffix ("2.3bn", "10m"). Ordinals ("75th") are not quantities.
struct ParsedNumber {
  double value = 0;
  double scale = 1;
  bool plain_integer = false;  ///< no separators, decimals or suffix (year-like)
};

std::optional<ParsedNumber> parse_digits(std::string_view token) {
  // The digits (and decimal point) without separators: never more than the
  // token's bytes, on the stack but for an absurdly long number.
  char on_stack[64];
  std::string on_heap;
  char* digits = on_stack;
  if (token.size() > sizeof on_stack) {
    on_heap.resize(token.size());
    digits = on_heap.data();
  }
  std::size_t digit_count = 0;
  std::size_t i = 0;
  bool separators = false, decimal = false;
  for (; i < token.size(); ++i) {
    char c = token[i];
    if (c >= '0' && c <= '9') {
      digits[digit_count++] = c;
    } else if (c == ',' && i + 3 < token.size() + 1 && !decimal) {
      separators = true;
    } else if (c == '.' && !decimal && i + 1 < token.size() && token[i + 1] >= '0' &&
               token[i + 1] <= '9') {
      digits[digit_count++] = '.';
      decimal = true;
    } else {
      break;
    }
  }
  if (digit_count == 0) return std::nullopt;
  ParsedNumber n;
  n.value = to_double(std::string_view(digits, digit_count));
  if (std::isnan(n.value)) return std::nullopt;
  const std::string suffix = i < token.size() ? normalise_token(token.substr(i)) : std::string();
  if (!suffix.empty()) {
    const PhraseTable::Entry* s = data().scale.find_word(suffix);
    if (!s) return std::nullopt;  // "75th", "3pm", "5G"
    n.scale = to_double(s->value);
  }
  n.plain_integer = !separators && !decimal && suffix.empty();
  return n;
}

// Which tokens lie inside a time expression. Tokens are in text order and do
// not overlap, so those inside a span are one run from the first that starts
// in it.
// Into `inside`, a buffer reused from one document to the next.
// The times come in text order, so each search starts from the last one's
// token (gallop_partition_point: a few steps, not a bisection of the text).
void tokens_in_times(const TextLayer& text, const std::vector<TimeExpr>& times,
                     std::vector<std::uint8_t>& inside) {
  const Token* tokens = text.tokens.data();
  const std::size_t n = text.tokens.size();
  inside.assign(n, 0);
  std::size_t at = 0;
  for (const TimeExpr& x : times) {
    at = gallop_partition_point(n, at,
                                [&](std::size_t k) { return tokens[k].begin < x.span.begin; });
    for (std::size_t k = at; k < n && tokens[k].end <= x.span.end; ++k) inside[k] = 1;
  }
}

struct NumberAt {
  double value = 0;
  std::size_t end = 0;  ///< token after the number (and its scale word)
  bool plain_integer = false;
  bool word = false;
};

// A number (digits or words, with a following scale word) at token i.
std::optional<NumberAt> number_at(const QuantityData& d, const TextLayer& text,
                                  const NormalisedTokens& norm, std::size_t i, std::size_t end) {
  if (i >= end) return std::nullopt;
  NumberAt out;
  if (text.tokens[i].kind == Token::Kind::kNumber) {
    auto n = parse_digits(text.token_text(i));
    if (!n) return std::nullopt;
    out.value = n->value * n->scale;
    out.plain_integer = n->plain_integer;
    out.end = i + 1;
  } else if (const auto* w = d.number_words.find_id(norm.ids[i])) {
    out.value = to_double(w->value);
    out.word = true;
    out.end = i + 1;
    // "twenty-five", "twenty five"
    std::size_t j = out.end;
    if (j < end && text.token_text(j) == "-") ++j;
    if (j < end && out.value >= 20 && out.value < 100) {
      if (const auto* u = d.number_words.find_id(norm.ids[j]); u && to_double(u->value) < 10) {
        out.value += to_double(u->value);
        out.end = j + 1;
      }
    }
  } else {
    return std::nullopt;
  }
  if (out.end < end) {
    if (const auto* s = d.scale.find_id(norm.ids[out.end])) {
      // single letters ("m", "b") only when glued, handled in parse_digits
      if (norm.words[out.end].size() > 1 ||
          text.tokens[out.end].begin == text.tokens[out.end - 1].end) {
        out.value *= to_double(s->value);
        out.plain_integer = false;
        ++out.end;
      }
    }
  }
  return out;
}

// The next token at or after i (before end) where a quantity can start: only
// a number, "between"/"from", an approximator or a unit written before its
// number ("$") can. Most tokens are none of these; one or two array look-ups
// tell.
std::size_t next_candidate(const QuantityData& d, const TextLayer& text,
                           const NormalisedTokens& norm, std::size_t i, std::size_t end) {
  const Token* tokens = text.tokens.data();
  const std::uint32_t* ids = norm.ids.data();
  const std::uint8_t* may_start = d.may_start.data();
  const std::size_t vocabulary_size = d.may_start.size();
  if (d.range_openers_known) {
    // The usual case, without the word compares: the id and the kind tell.
    for (; i < end; ++i) {
      const std::uint32_t id = ids[i];
      if ((id < vocabulary_size && may_start[id]) || tokens[i].kind == Token::Kind::kNumber) {
        return i;
      }
    }
    return end;
  }
  for (; i < end; ++i) {
    if (tokens[i].kind == Token::Kind::kNumber) return i;
    const std::uint32_t id = ids[i];
    if (id < vocabulary_size && may_start[id]) return i;
    if (norm.words[i] == "between" || norm.words[i] == "from") return i;
  }
  return end;
}

}  // namespace

std::vector<Quantity> tag_quantities(const TextLayer& text, const std::vector<TimeExpr>& times) {
  return tag_quantities(text, times, normalise_tokens(text));
}

// A quantity found, before it becomes a Quantity: its strings are views (of
// the tables and the text), made into strings once, in the vector returned.
struct FoundQuantity {
  Span span;
  double value, low, high;
  std::string_view unit, bound;
};

std::vector<Quantity> tag_quantities(const TextLayer& text, const std::vector<TimeExpr>& times,
                                     const NormalisedTokens& norm) {
  // Collected in a buffer reused from one document to the next, then made
  // into a vector of the exact size (one allocation, no regrowth, and each
  // string copied once).
  thread_local std::vector<FoundQuantity> found_buffer;
  std::vector<FoundQuantity>& found = found_buffer;
  found.clear();
  const QuantityData& d = data();
  thread_local std::vector<std::uint8_t> in_times_buffer;
  tokens_in_times(text, times, in_times_buffer);
  const std::vector<std::uint8_t>& in_times = in_times_buffer;
  const double inf = std::numeric_limits<double>::infinity();
  for (std::size_t s = 0; s < text.sentences.size(); ++s) {
    std::size_t sb = text.sentence_tokens[s], se = text.sentence_tokens[s + 1];
    for (std::size_t i = next_candidate(d, text, norm, sb, se); i < se;
         i = next_candidate(d, text, norm, i + 1, se)) {
      if (in_times[i]) continue;
      std::size_t start = i, j = i;
      std::string_view approx;  // (views of the tables' and the tokens' text)
      bool between = false;
      if (norm.words[j] == "between" || norm.words[j] == "from") {
        between = true;
        ++j;
      } else if (auto m = d.approximators.match(norm, j, se)) {
        approx = m.entry->value;
        j += m.length;
      }
      std::string_view unit;
      if (j < se) {
        if (auto m = d.units.match(norm, j, se);
            m && (m.entry->extra == "prefix" || m.entry->extra == "both")) {
          // A prefix of several tokens is written as one: "US$5", not "cost us $5".
          bool glued = true;
          for (std::size_t x = j + 1; x < j + m.length; ++x) {
            glued = glued && text.tokens[x].begin == text.tokens[x - 1].end;
          }
          if (glued) {
            unit = m.entry->value;
            j += m.length;
          }
        }
      }
      auto number = number_at(d, text, norm, j, se);
      if (!number || in_times[j]) continue;
      std::size_t k = number->end;
      double low = number->value, high = number->value;
      std::string_view bound = "exact";
      // Ranges: "10 to 20", "10-20", "between 10 and 20".
      if (k + 1 < se &&
          (norm.words[k] == "to" || norm.words[k] == "-" || (between && norm.words[k] == "and"))) {
        std::size_t r = k + 1;
        if (unit.size() && r < se) {
          if (auto m = d.units.match(norm, r, se); m && m.entry->value == unit) r += m.length;
        }
        if (auto second = number_at(d, text, norm, r, se);
            second && second->value >= number->value) {
          high = second->value;
          bound = "range";
          k = second->end;
        }
      }
      if (bound != "range" && between) continue;  // "from 2019" etc.
      // Unit or counted noun after the number.
      std::size_t unit_end = k;
      if (k < se) {
        if (auto m = d.units.match(norm, k, se); m && m.entry->extra != "prefix") {
          if (unit.empty()) unit = m.entry->value;
          if (unit != m.entry->value) m.length = 0;  // "magnitude 7.5 km deep": not both
          unit_end = k + m.length;
        }
      }
      if (unit.empty() && k < se) {
        // A counted noun: the last of up to three words before a function word.
        // A counted noun: a known one, or the last of up to three words
        // ("Palestinian civilians"), stopping before a verb ("one person died").
        std::size_t w = k;
        while (w < se && w < k + 3 && text.tokens[w].kind == Token::Kind::kWord &&
               !d.function_words.find_id(norm.ids[w]) && !d.units.find_id(norm.ids[w])) {
          if (d.counted.find_id(norm.ids[w])) {
            ++w;
            break;
          }
          std::string_view word = norm.words[w];
          if (w > k && (word.ends_with("ed") || word == "died" || word == "dead")) break;
          ++w;
        }
        if (w > k) {
          if (const auto* c = d.counted.find_id(norm.ids[w - 1])) {
            unit = c->value;
          } else {
            unit = norm.words[w - 1];
          }
          unit_end = w;
        }
      }
      if (unit.empty()) {
        // Bare counts of the dead: "the death toll rose to 45", "killed 12".
        bool toll = false;
        for (std::size_t p = start; p > sb && start - p < 10; --p)
          toll = toll || norm.words[p - 1] == "toll";
        bool casualty = start > sb && d.casualty.find_id(norm.ids[start - 1]);
        if ((toll || casualty) && !number->plain_integer) unit = "people";
        if ((toll || casualty) && number->plain_integer &&
            (number->value < 1000 || number->value > 2100)) {
          unit = "people";
        }
      }
      if (unit.empty() && approx.empty()) continue;
      if (number->plain_integer && approx.empty() && !number->word && number->value >= 1000 &&
          number->value <= 2100 && (unit.empty() || j == start)) {
        continue;  // a year ("2024 NATO Summit"); counts this size are written "1,500"
      }
      if (approx == "about") {
        low = number->value * 0.9;
        high = bound == "range" ? high * 1.1 : number->value * 1.1;
        bound = "about";
      } else if (approx == "at_most" || approx == "less_than") {
        low =
            approx == "at_most" && (norm.words[start] == "nearly" || norm.words[start] == "almost")
                ? number->value * 0.9
                : 0;
        high = bound == "range" ? high : number->value;
        bound = "at_most";
      } else if (approx == "at_least" || approx == "more_than") {
        low = number->value;
        high = inf;
        bound = "at_least";
      }
      found.push_back(FoundQuantity{
          .span =
              Span{text.tokens[start].begin, text.tokens[unit_end > k ? unit_end - 1 : k - 1].end},
          .value = number->value,
          .low = low,
          .high = high,
          .unit = unit,
          .bound = bound});
      i = (unit_end > k ? unit_end : k) - 1;
    }
  }
  release_if_larger(in_times_buffer);
  std::vector<Quantity> out(found.size());
  for (std::size_t k = 0; k < found.size(); ++k) {
    const FoundQuantity& f = found[k];
    Quantity& q = out[k];
    q.span = f.span;
    q.text = text.span_text(f.span);
    q.value = f.value;
    q.low = f.low;
    q.high = f.high;
    q.unit = f.unit;
    q.bound = f.bound;
  }
  found.clear();
  release_if_larger(found);
  return out;
}

}  // namespace crosscheck::internal
