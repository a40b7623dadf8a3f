#include "claims/quote_claims.h"

#include <algorithm>

namespace crosscheck::internal {
namespace {

/// "per:<name>" from a display name: lower case, words joined by '_'.
std::string person_key(std::string_view name) {
  std::string key = "per:";
  bool gap = false;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    bool alnum =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || u >= 0x80;
    if (!alnum) {
      gap = true;
      continue;
    }
    if (gap && key.size() > 4) key += '_';
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    gap = false;
  }
  return key;
}

}  // namespace

void append_quote_claims(const Annotations& annotations, std::vector<Claim>& claims) {
  const TextLayer& text = annotations.text;
  claims.reserve(claims.size() + annotations.quotes.size());  // at most one claim per quote
  for (const Quote& q : annotations.quotes) {
    if (q.speaker.empty() || q.span.empty()) continue;
    Claim c;
    c.type = "quote";
    c.subject = q.speaker_id.empty() ? person_key(q.speaker) : q.speaker_id;
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
      std::size_t last =
          text.sentence_at(q.span.end > q.span.begin ? q.span.end - 1 : q.span.begin);
      c.evidence_span = Span{std::min(text.sentences[first].begin, q.span.begin),
                             std::max(text.sentences[last].end, q.span.end)};
    } else {
      c.evidence_span = q.span;
    }
    c.evidence = std::string(text.span_text(c.evidence_span));
    claims.push_back(std::move(c));
  }
}

}  // namespace crosscheck::internal
