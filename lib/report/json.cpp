// crosscheck.extract/1 and crosscheck.report/1 JSON (keys in a fixed order).
#include <cmath>
#include <nlohmann/json.hpp>

#include "crosscheck/crosscheck.h"
#include "report/json_model.h"

namespace crosscheck {
namespace internal {

using Json = nlohmann::ordered_json;

namespace {

Json null_or(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json number(double v) {
  if (std::isinf(v)) return nullptr;  // open bound
  if (v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return v;
}

Json span_json(const Span& s) { return Json{{"begin", s.begin}, {"end", s.end}}; }

Json inferred_json(const std::optional<InferredDate>& d) {
  if (!d) return nullptr;
  return Json{{"value", d->value}, {"evidence", d->evidence}};
}

}  // namespace

Json claim_value_json(const Claim& c) {
  const ClaimValue& v = c.typed;
  Json j = Json::object();
  switch (v.kind) {
    case ClaimValue::Kind::kTime:
      j["time"] = v.time_value;
      break;
    case ClaimValue::Kind::kUnknownTime:
      j["time"] = nullptr;
      j["known"] = false;
      break;
    case ClaimValue::Kind::kQuantity:
      j["value"] = number(v.quantity.value);
      j["low"] = number(v.quantity.low);
      j["high"] = number(v.quantity.high);
      j["unit"] = v.quantity.unit;
      j["bound"] = v.quantity.bound;
      break;
    case ClaimValue::Kind::kState:
      j["state"] = v.state;
      if (!v.time_value.empty()) j["time"] = v.time_value;
      break;
    case ClaimValue::Kind::kEntity:
      j["entity"] = v.entity;
      break;
    case ClaimValue::Kind::kSet:
      j["items"] = v.items;
      j["complete"] = v.complete;
      break;
    case ClaimValue::Kind::kText:
      j["text"] = v.text;
      break;
    case ClaimValue::Kind::kNone:
      break;
  }
  return j;
}

Json claim_json(const Claim& c) {
  return Json{{"id", c.id},
              {"document", c.document},
              {"type", c.type},
              {"subject", c.subject},
              {"subject_name", c.subject_name},
              {"predicate", c.predicate},
              {"qualifier", null_or(c.qualifier)},
              {"value", c.value},
              {"typed_value", claim_value_json(c)},
              {"as_of", null_or(c.as_of)},
              {"modality", c.modality},
              {"polarity", c.polarity},
              {"attributed_to", null_or(c.attributed_to)},
              {"begin", c.span.begin},
              {"end", c.span.end},
              {"evidence", c.evidence},
              {"evidence_begin", c.evidence_span.begin},
              {"evidence_end", c.evidence_span.end}};
}

Json entity_json(const Entity& e, bool with_mentions) {
  Json j{{"id", e.id}, {"name", e.name}, {"type", e.type}, {"aliases", e.aliases}};
  if (!e.located_in.empty()) j["located_in"] = e.located_in;
  if (with_mentions) {
    Json mentions = Json::array();
    for (const Mention& m : e.mentions) mentions.push_back(span_json(m.span));
    j["mentions"] = std::move(mentions);
  } else {
    j["documents"] = e.documents;
  }
  return j;
}

Json extraction_json(const Extraction& x) {
  Json j;
  j["schema"] = "crosscheck.extract/1";
  j["id"] = x.document.id;
  j["source"] = null_or(x.document.source);
  j["published"] = null_or(x.document.published);
  j["published_inferred"] = inferred_json(x.published_inferred);
  j["text"] = x.document.text;
  Json sentences = Json::array();
  for (const Span& s : x.sentences) sentences.push_back(span_json(s));
  j["sentences"] = std::move(sentences);
  Json times = Json::array();
  for (const TimeExpr& t : x.times) {
    Json tj{{"begin", t.span.begin},
            {"end", t.span.end},
            {"text", t.text},
            {"type", t.type},
            {"value", t.value}};
    if (!t.mod.empty()) tj["mod"] = t.mod;
    times.push_back(std::move(tj));
  }
  j["times"] = std::move(times);
  Json quantities = Json::array();
  for (const Quantity& q : x.quantities) {
    quantities.push_back(Json{{"begin", q.span.begin},
                              {"end", q.span.end},
                              {"text", q.text},
                              {"value", number(q.value)},
                              {"unit", q.unit},
                              {"bound", q.bound},
                              {"low", number(q.low)},
                              {"high", number(q.high)}});
  }
  j["quantities"] = std::move(quantities);
  Json entities = Json::array();
  for (const Entity& e : x.entities) entities.push_back(entity_json(e, true));
  j["entities"] = std::move(entities);
  Json quotes = Json::array();
  for (const Quote& q : x.quotes) {
    quotes.push_back(Json{
        {"begin", q.span.begin},
        {"end", q.span.end},
        {"text", q.text},
        {"speaker", null_or(q.speaker)},
        {"speaker_id", null_or(q.speaker_id)},
        {"speaker_mention", q.speaker_mention ? span_json(*q.speaker_mention) : Json(nullptr)}});
  }
  j["quotes"] = std::move(quotes);
  Json claims = Json::array();
  for (const Claim& c : x.claims) claims.push_back(claim_json(c));
  j["claims"] = std::move(claims);
  return j;
}

Json finding_json(const Finding& f) {
  return Json{{"id", f.id},
              {"kind", f.kind},
              {"resolution", null_or(f.resolution)},
              {"claims", f.claims},
              {"documents", f.documents},
              {"summary", f.summary},
              {"rule", f.rule},
              {"explanation", f.explanation}};
}

Json report_json(const Report& r) {
  Json j;
  j["schema"] = "crosscheck.report/1";
  Json documents = Json::array();
  for (const Extraction& x : r.extractions) {
    const Document& d = x.document;
    documents.push_back(Json{{"id", d.id},
                             {"source", null_or(d.source)},
                             {"url", null_or(d.url)},
                             {"title", null_or(d.title)},
                             {"published", null_or(d.published)},
                             {"published_inferred", inferred_json(x.published_inferred)}});
  }
  j["documents"] = std::move(documents);
  Json entities = Json::array();
  for (const Entity& e : r.entities) entities.push_back(entity_json(e, false));
  j["entities"] = std::move(entities);
  Json claims = Json::array();
  for (const Claim& c : r.claims) claims.push_back(claim_json(c));
  j["claims"] = std::move(claims);
  Json findings = Json::array();
  for (const Finding& f : r.findings) findings.push_back(finding_json(f));
  j["findings"] = std::move(findings);
  return j;
}

}  // namespace internal

// Invalid UTF-8 cannot reach here (inputs are validated), but replace rather
// than throw so output is always complete.
std::string to_json(const Extraction& extraction) {
  return internal::extraction_json(extraction)
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const Report& report) {
  return internal::report_json(report).dump(2, ' ', false,
                                            nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace crosscheck
