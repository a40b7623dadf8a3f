#include "claims/quote_claims.h"

#include <algorithm>
#include <cstdint>

#include "annotate/entity/entity_tagger.h"

namespace crosscheck::internal {
namespace {

bool makes_claim(const Quote& q) { return !q.speaker.empty() && !q.span.empty(); }

/// Fills `c`, a claim made in place (no temporary claim is moved), from quote `q`.
void fill_quote_claim(const TextLayer& text, const Quote& q, Claim& c) {
  c.type = "quote";
  if (q.speaker_id.empty()) {
    c.subject = entity_id("per:", q.speaker);  // keyed as the entity layer keys a person
  } else {
    c.subject = q.speaker_id;
  }
  c.subject_name = q.speaker;
  c.predicate = "said";
  c.value = q.text;
  c.typed.kind = ClaimValue::Kind::kText;
  c.typed.text = q.text;
  c.modality = "asserted";
  c.polarity = "positive";
  c.attributed_to = q.speaker;
  c.span = q.span;
  // Evidence: the sentence(s) the quote lies in.
  if (!text.sentences.empty()) {
    std::size_t first = text.sentence_at(q.span.begin);
    std::size_t last = text.sentence_at(q.span.end > q.span.begin ? q.span.end - 1 : q.span.begin);
    c.evidence_span = Span{std::min(text.sentences[first].begin, q.span.begin),
                           std::max(text.sentences[last].end, q.span.end)};
  } else {
    c.evidence_span = q.span;
  }
  c.evidence = text.span_text(c.evidence_span);
}

}  // namespace

void append_quote_claims(const Annotations& annotations, std::vector<Claim>& claims) {
  claims.reserve(claims.size() + annotations.quotes.size());  // at most one claim per quote
  for (const Quote& q : annotations.quotes) {
    if (makes_claim(q)) fill_quote_claim(annotations.text, q, claims.emplace_back());
  }
}

void add_quote_claims_in_text_order(const Annotations& annotations, std::vector<Claim>& claims) {
  const std::vector<Quote>& quotes = annotations.quotes;
  const std::size_t n = claims.size();
  // Positions in the merged list: i < n is claims[i], n + k is quotes[k]
  // (whose claim's span is the quote's span).
  thread_local std::vector<std::uint32_t> order;  // (reused from document to document)
  order.clear();
  order.reserve(n + quotes.size());
  for (std::size_t i = 0; i < n; ++i) order.push_back(static_cast<std::uint32_t>(i));
  for (std::size_t k = 0; k < quotes.size(); ++k) {
    if (makes_claim(quotes[k])) order.push_back(static_cast<std::uint32_t>(n + k));
  }
  auto span_of = [&](std::uint32_t x) -> const Span& {
    return x < n ? claims[x].span : quotes[x - n].span;
  };
  auto before = [&](std::uint32_t x, std::uint32_t y) {
    const Span& a = span_of(x);
    const Span& b = span_of(y);
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  };
  if (!std::is_sorted(order.begin(), order.end(), before))
    std::stable_sort(order.begin(), order.end(), before);
  // When the other claims come first, in order (the usual case), the quotes'
  // claims are made after them; otherwise each claim is moved once into a new
  // list, each quote's claim made there.
  std::size_t in_place = 0;
  while (in_place < n && order[in_place] == in_place) ++in_place;
  if (in_place == n) {
    claims.reserve(order.size());
    for (std::size_t k = n; k < order.size(); ++k)
      fill_quote_claim(annotations.text, quotes[order[k] - n], claims.emplace_back());
    return;
  }
  std::vector<Claim> sorted;
  sorted.reserve(order.size());
  for (const std::uint32_t x : order) {
    if (x < n) {
      sorted.push_back(std::move(claims[x]));
    } else {
      fill_quote_claim(annotations.text, quotes[x - n], sorted.emplace_back());
    }
  }
  claims.swap(sorted);
}

}  // namespace crosscheck::internal
