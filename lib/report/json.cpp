// crosscheck.extract/1 and crosscheck.report/1 JSON (keys in a fixed order),
// written as a stream (report/json_writer.h): no document tree in memory.
#include <cmath>
#include <ostream>

#include "crosscheck/crosscheck.h"
#include "report/json_writer.h"

namespace crosscheck {
namespace internal {

namespace {

// Whole numbers print as integers, open bounds as null.
void number(JsonWriter& w, double v) {
  if (std::isinf(v)) {
    w.null();
  } else if (v == std::floor(v) && std::fabs(v) < 9e15) {
    w.integer(static_cast<std::int64_t>(v));
  } else {
    w.real(v);
  }
}

void span_json(JsonWriter& w, const Span& s) {
  w.begin_object();
  w.key("begin");
  w.unsigned_integer(s.begin);
  w.key("end");
  w.unsigned_integer(s.end);
  w.end_object();
}

void inferred_json(JsonWriter& w, const std::optional<InferredDate>& d) {
  if (!d) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("value");
  w.string(d->value);
  w.key("evidence");
  w.string(d->evidence);
  w.end_object();
}

void strings(JsonWriter& w, const std::vector<std::string>& list) {
  w.begin_array();
  for (const std::string& s : list) w.string(s);
  w.end_array();
}

void claim_value_json(JsonWriter& w, const Claim& c) {
  const ClaimValue& v = c.typed;
  w.begin_object();
  switch (v.kind) {
    case ClaimValue::Kind::kTime:
      w.key("time");
      w.string(v.time_value);
      break;
    case ClaimValue::Kind::kUnknownTime:
      w.key("time");
      w.null();
      w.key("known");
      w.boolean(false);
      break;
    case ClaimValue::Kind::kQuantity:
      w.key("value");
      number(w, v.quantity.value);
      w.key("low");
      number(w, v.quantity.low);
      w.key("high");
      number(w, v.quantity.high);
      w.key("unit");
      w.string(v.quantity.unit);
      w.key("bound");
      w.string(v.quantity.bound);
      break;
    case ClaimValue::Kind::kState:
      w.key("state");
      w.string(v.state);
      if (!v.time_value.empty()) {
        w.key("time");
        w.string(v.time_value);
      }
      break;
    case ClaimValue::Kind::kEntity:
      w.key("entity");
      w.string(v.entity);
      break;
    case ClaimValue::Kind::kSet:
      w.key("items");
      strings(w, v.items);
      w.key("complete");
      w.boolean(v.complete);
      break;
    case ClaimValue::Kind::kText:
      w.key("text");
      w.string(v.text);
      break;
    case ClaimValue::Kind::kNone:
      break;
  }
  w.end_object();
}

void claim_json(JsonWriter& w, const Claim& c) {
  w.begin_object();
  w.key("id");
  w.string(c.id);
  w.key("document");
  w.string(c.document);
  w.key("type");
  w.string(c.type);
  w.key("subject");
  w.string(c.subject);
  w.key("subject_name");
  w.string(c.subject_name);
  w.key("predicate");
  w.string(c.predicate);
  w.key("qualifier");
  w.string_or_null(c.qualifier);
  w.key("value");
  w.string(c.value);
  w.key("typed_value");
  claim_value_json(w, c);
  w.key("as_of");
  w.string_or_null(c.as_of);
  w.key("modality");
  w.string(c.modality);
  w.key("polarity");
  w.string(c.polarity);
  w.key("attributed_to");
  w.string_or_null(c.attributed_to);
  w.key("begin");
  w.unsigned_integer(c.span.begin);
  w.key("end");
  w.unsigned_integer(c.span.end);
  w.key("evidence");
  w.string(c.evidence);
  w.key("evidence_begin");
  w.unsigned_integer(c.evidence_span.begin);
  w.key("evidence_end");
  w.unsigned_integer(c.evidence_span.end);
  w.end_object();
}

void entity_json(JsonWriter& w, const Entity& e, bool with_mentions) {
  w.begin_object();
  w.key("id");
  w.string(e.id);
  w.key("name");
  w.string(e.name);
  w.key("type");
  w.string(e.type);
  w.key("aliases");
  strings(w, e.aliases);
  if (!e.located_in.empty()) {
    w.key("located_in");
    strings(w, e.located_in);
  }
  if (with_mentions) {
    w.key("mentions");
    w.begin_array();
    for (const Mention& m : e.mentions) span_json(w, m.span);
    w.end_array();
  } else {
    w.key("documents");
    strings(w, e.documents);
  }
  w.end_object();
}

void extraction_json(JsonWriter& w, const Extraction& x) {
  w.begin_object();
  w.key("schema");
  w.string("crosscheck.extract/1");
  w.key("id");
  w.string(x.document.id);
  w.key("source");
  w.string_or_null(x.document.source);
  w.key("published");
  w.string_or_null(x.document.published);
  w.key("published_inferred");
  inferred_json(w, x.published_inferred);
  w.key("text");
  w.string(x.document.text);
  w.key("sentences");
  w.begin_array();
  for (const Span& s : x.sentences) span_json(w, s);
  w.end_array();
  w.key("times");
  w.begin_array();
  for (const TimeExpr& t : x.times) {
    w.begin_object();
    w.key("begin");
    w.unsigned_integer(t.span.begin);
    w.key("end");
    w.unsigned_integer(t.span.end);
    w.key("text");
    w.string(t.text);
    w.key("type");
    w.string(t.type);
    w.key("value");
    w.string(t.value);
    if (!t.mod.empty()) {
      w.key("mod");
      w.string(t.mod);
    }
    w.end_object();
  }
  w.end_array();
  w.key("quantities");
  w.begin_array();
  for (const Quantity& q : x.quantities) {
    w.begin_object();
    w.key("begin");
    w.unsigned_integer(q.span.begin);
    w.key("end");
    w.unsigned_integer(q.span.end);
    w.key("text");
    w.string(q.text);
    w.key("value");
    number(w, q.value);
    w.key("unit");
    w.string(q.unit);
    w.key("bound");
    w.string(q.bound);
    w.key("low");
    number(w, q.low);
    w.key("high");
    number(w, q.high);
    w.end_object();
  }
  w.end_array();
  w.key("entities");
  w.begin_array();
  for (const Entity& e : x.entities) entity_json(w, e, true);
  w.end_array();
  w.key("quotes");
  w.begin_array();
  for (const Quote& q : x.quotes) {
    w.begin_object();
    w.key("begin");
    w.unsigned_integer(q.span.begin);
    w.key("end");
    w.unsigned_integer(q.span.end);
    w.key("text");
    w.string(q.text);
    w.key("speaker");
    w.string_or_null(q.speaker);
    w.key("speaker_id");
    w.string_or_null(q.speaker_id);
    w.key("speaker_mention");
    if (q.speaker_mention) {
      span_json(w, *q.speaker_mention);
    } else {
      w.null();
    }
    w.end_object();
  }
  w.end_array();
  w.key("claims");
  w.begin_array();
  for (const Claim& c : x.claims) claim_json(w, c);
  w.end_array();
  w.end_object();
}

void finding_json(JsonWriter& w, const Finding& f) {
  w.begin_object();
  w.key("id");
  w.string(f.id);
  w.key("kind");
  w.string(f.kind);
  w.key("resolution");
  w.string_or_null(f.resolution);
  w.key("claims");
  strings(w, f.claims);
  w.key("documents");
  strings(w, f.documents);
  w.key("summary");
  w.string(f.summary);
  w.key("rule");
  w.string(f.rule);
  w.key("explanation");
  w.string(f.explanation);
  w.end_object();
}

void report_json(JsonWriter& w, const Report& r) {
  w.begin_object();
  w.key("schema");
  w.string("crosscheck.report/1");
  w.key("documents");
  w.begin_array();
  for (const Extraction& x : r.extractions) {
    const Document& d = x.document;
    w.begin_object();
    w.key("id");
    w.string(d.id);
    w.key("source");
    w.string_or_null(d.source);
    w.key("url");
    w.string_or_null(d.url);
    w.key("title");
    w.string_or_null(d.title);
    w.key("published");
    w.string_or_null(d.published);
    w.key("published_inferred");
    inferred_json(w, x.published_inferred);
    w.end_object();
  }
  w.end_array();
  w.key("entities");
  w.begin_array();
  for (const Entity& e : r.entities) entity_json(w, e, false);
  w.end_array();
  w.key("claims");
  w.begin_array();
  for (const Claim& c : r.claims) claim_json(w, c);
  w.end_array();
  w.key("findings");
  w.begin_array();
  for (const Finding& f : r.findings) finding_json(w, f);
  w.end_array();
  w.end_object();
  w.raw("\n");
}

}  // namespace
}  // namespace internal

// Invalid UTF-8 cannot reach here (inputs are validated), but it is replaced
// rather than thrown on, so output is always complete.
std::string to_json(const Extraction& extraction) {
  std::string out;
  internal::JsonWriter w(out, -1);
  internal::extraction_json(w, extraction);
  return out;
}

std::string to_json(const Report& report) {
  std::string out;
  internal::JsonWriter w(out, 2);
  internal::report_json(w, report);
  return out;
}

void write_json(const Report& report, std::ostream& out) {
  std::string buffer;
  internal::JsonWriter w(buffer, 2, &out);
  internal::report_json(w, report);
  w.flush();
}

}  // namespace crosscheck
