// Result types: Extraction, Report and the read-only values they hold.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "core.h"

namespace crosscheck::python {

namespace {

py::object none_or(const std::string& s) { return s.empty() ? py::none() : py::object(py::str(s)); }

// JSON numbers as the report prints them: integral values as int, open bounds as None.
py::object json_number(double v) {
  if (std::isinf(v) || std::isnan(v)) return py::none();
  if (v == std::floor(v) && std::fabs(v) < 9e15) return py::int_(static_cast<long long>(v));
  return py::float_(v);
}

template <typename T>
py::list list_of(const std::vector<T>& items) {
  py::list out(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out[i] = py::cast(items[i]);
  return out;
}

// Converts `items` once into a tuple cached in `cache`; hands out a fresh list.
template <typename Build>
py::list cached(py::object& cache, Build build) {
  if (!cache) cache = py::tuple(build());
  return py::list(cache);
}

PyMention make_mention(std::string text, const Span& span, const CharIndex& index) {
  return PyMention{std::move(text), locate(span, index)};
}

std::string substring(std::string_view text, const Span& span) {
  if (span.begin >= text.size() || span.empty()) return {};
  return std::string(text.substr(span.begin, std::min(span.end, text.size()) - span.begin));
}

// Adds begin/end/char_begin/char_end properties read through `at`.
template <typename Class, typename Get>
void add_offsets(Class& cls, Get at, const char* what) {
  using T = typename Class::type;
  cls.def_property_readonly(
         "begin", [at](const T& v) { return at(v).begin; },
         (std::string("UTF-8 byte offset where ") + what + " begins in the document text.").c_str())
      .def_property_readonly(
          "end", [at](const T& v) { return at(v).end; }, "UTF-8 byte offset just past its end.")
      .def_property_readonly(
          "char_begin", [at](const T& v) { return at(v).char_begin; },
          "Python str index of `begin` (code points).")
      .def_property_readonly(
          "char_end", [at](const T& v) { return at(v).char_end; },
          "Python str index of `end`: doc.text[char_begin:char_end].");
}

std::string offsets_repr(const Located& at) {
  return "[" + std::to_string(at.char_begin) + ":" + std::to_string(at.char_end) + "]";
}

}  // namespace

py::dict typed_value(const ClaimValue& v) {
  py::dict j;
  switch (v.kind) {
    case ClaimValue::Kind::kTime:
      j["time"] = v.time_value;
      break;
    case ClaimValue::Kind::kUnknownTime:
      j["time"] = py::none();
      j["known"] = false;
      break;
    case ClaimValue::Kind::kQuantity:
      j["value"] = json_number(v.quantity.value);
      j["low"] = json_number(v.quantity.low);
      j["high"] = json_number(v.quantity.high);
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

PyClaim make_claim(const Claim& claim, const CharIndex& index) {
  return PyClaim{claim, locate(claim.span, index), locate(claim.evidence_span, index)};
}

PyEntity make_entity(const Entity& entity, const CharIndex* index) {
  PyEntity out{entity, {}};
  if (index != nullptr) {
    for (const Mention& m : entity.mentions)
      out.mentions.push_back(make_mention(m.text, m.span, *index));
  }
  out.entity.mentions.clear();
  return out;
}

// --- Extraction ---------------------------------------------------------

PyExtraction::PyExtraction(std::shared_ptr<const Extraction> extraction)
    : x_(std::move(extraction)), index_(x_->document.text) {}

py::object PyExtraction::document() {
  return py::cast(PyDocument{x_->document, x_->published_inferred});
}

py::object PyExtraction::published_inferred() {
  if (!x_->published_inferred) return py::none();
  return py::cast(
      PyInferredDate{*x_->published_inferred, locate(x_->published_inferred->span, index_)});
}

py::list PyExtraction::sentences() {
  return cached(sentences_, [&] {
    std::vector<PySentence> out;
    for (const Span& s : x_->sentences)
      out.push_back({locate(s, index_), substring(x_->document.text, s)});
    return list_of(out);
  });
}

py::list PyExtraction::times() {
  return cached(times_, [&] {
    std::vector<PyTime> out;
    for (const TimeExpr& t : x_->times) out.push_back({t, locate(t.span, index_)});
    return list_of(out);
  });
}

py::list PyExtraction::quantities() {
  return cached(quantities_, [&] {
    std::vector<PyQuantity> out;
    for (const Quantity& q : x_->quantities) out.push_back({q, locate(q.span, index_)});
    return list_of(out);
  });
}

py::list PyExtraction::entities() {
  return cached(entities_, [&] {
    std::vector<PyEntity> out;
    for (const Entity& e : x_->entities) out.push_back(make_entity(e, &index_));
    return list_of(out);
  });
}

py::list PyExtraction::quotes() {
  return cached(quotes_, [&] {
    std::vector<PyQuote> out;
    for (const Quote& q : x_->quotes) {
      PyQuote p{q, locate(q.span, index_), std::nullopt};
      if (q.speaker_mention) {
        p.speaker_mention = make_mention(substring(x_->document.text, *q.speaker_mention),
                                         *q.speaker_mention, index_);
      }
      out.push_back(std::move(p));
    }
    return list_of(out);
  });
}

py::list PyExtraction::claims() {
  return cached(claims_, [&] {
    std::vector<PyClaim> out;
    for (const Claim& c : x_->claims) out.push_back(make_claim(c, index_));
    return list_of(out);
  });
}

// --- Report -------------------------------------------------------------

PyReport::PyReport(std::shared_ptr<const Report> report) : r_(std::move(report)) {
  indexes_.resize(r_->extractions.size());
  for (std::size_t i = 0; i < r_->extractions.size(); ++i) {
    document_position_.emplace(r_->extractions[i].document.id, i);
  }
  for (std::size_t i = 0; i < r_->claims.size(); ++i) claim_position_.emplace(r_->claims[i].id, i);
}

const CharIndex& PyReport::index_of(const std::string& document_id) {
  static const CharIndex kEmpty{std::string_view()};
  auto it = document_position_.find(document_id);
  if (it == document_position_.end()) return kEmpty;
  auto& slot = indexes_[it->second];
  if (!slot) slot = std::make_unique<CharIndex>(r_->extractions[it->second].document.text);
  return *slot;
}

py::list PyReport::documents() {
  return cached(documents_, [&] {
    std::vector<PyDocument> out;
    for (const Extraction& x : r_->extractions)
      out.push_back(PyDocument{x.document, x.published_inferred});
    return list_of(out);
  });
}

py::list PyReport::extractions() {
  return cached(extractions_, [&] {
    py::list out;
    for (const Extraction& x : r_->extractions) {
      // Aliasing: the extraction keeps the whole report alive, nothing is copied.
      out.append(py::cast(PyExtraction(std::shared_ptr<const Extraction>(r_, &x))));
    }
    return out;
  });
}

py::list PyReport::entities() {
  return cached(entities_, [&] {
    std::vector<PyEntity> out;
    for (const Entity& e : r_->entities) out.push_back(make_entity(e, nullptr));
    return list_of(out);
  });
}

py::list PyReport::claims() {
  return cached(claims_, [&] {
    std::vector<PyClaim> out;
    for (const Claim& c : r_->claims) out.push_back(make_claim(c, index_of(c.document)));
    return list_of(out);
  });
}

py::list PyReport::findings() {
  return cached(findings_, [&] {
    std::vector<PyFinding> out;
    for (const Finding& f : r_->findings) out.push_back({f});
    return list_of(out);
  });
}

py::object PyReport::claim(const std::string& id) {
  auto it = claim_position_.find(id);
  if (it == claim_position_.end()) throw py::key_error("no claim '" + id + "' in this report");
  claims();
  return py::reinterpret_borrow<py::object>(claims_[py::int_(it->second)]);
}

py::object PyReport::document(const std::string& id) {
  auto it = document_position_.find(id);
  if (it == document_position_.end())
    throw py::key_error("no document '" + id + "' in this report");
  documents();
  return py::reinterpret_borrow<py::object>(documents_[py::int_(it->second)]);
}

py::object PyReport::extraction(const std::string& id) {
  auto it = document_position_.find(id);
  if (it == document_position_.end())
    throw py::key_error("no document '" + id + "' in this report");
  extractions();
  return py::reinterpret_borrow<py::object>(extractions_[py::int_(it->second)]);
}

// --- Bindings -----------------------------------------------------------

void bind_results(py::module_& m) {
  auto inferred = py::class_<PyInferredDate>(
      m, "InferredDate", "A publication date read from the text (byline, dateline).");
  inferred
      .def_property_readonly(
          "value", [](const PyInferredDate& d) { return d.date.value; }, "'YYYY-MM-DD'.")
      .def_property_readonly(
          "date",
          [](const PyInferredDate& d) {
            return py::module_::import("datetime").attr("date").attr("fromisoformat")(d.date.value);
          },
          "`value` as a datetime.date.")
      .def_property_readonly(
          "evidence", [](const PyInferredDate& d) { return d.date.evidence; },
          "The words it was read from.")
      .def("__repr__", [](const PyInferredDate& d) {
        return "InferredDate(value=" + quoted(d.date.value) +
               ", evidence=" + quoted(shorten(d.date.evidence)) + ")";
      });
  add_offsets(
      inferred, [](const PyInferredDate& d) { return d.at; }, "the evidence");

  auto sentence = py::class_<PySentence>(m, "Sentence", "One sentence of a document.");
  sentence.def_property_readonly("text", [](const PySentence& s) { return s.text; })
      .def("__repr__", [](const PySentence& s) {
        return "Sentence(" + offsets_repr(s.at) + " " + quoted(shorten(s.text)) + ")";
      });
  add_offsets(
      sentence, [](const PySentence& s) { return s.at; }, "the sentence");

  auto time = py::class_<PyTime>(m, "Time", "A temporal expression (TimeML TIMEX3).");
  time.def_property_readonly("text", [](const PyTime& t) { return t.time.text; })
      .def_property_readonly(
          "type", [](const PyTime& t) { return t.time.type; }, "DATE | TIME | DURATION | SET.")
      .def_property_readonly(
          "value", [](const PyTime& t) { return t.time.value; },
          "TIMEX3 value: '2025-09-16', '2023-07', 'P3Y', 'PRESENT_REF'...")
      .def_property_readonly(
          "mod", [](const PyTime& t) { return none_or(t.time.mod); },
          "TIMEX3 mod ('APPROX', 'MORE_THAN'...) or None.")
      .def("__repr__", [](const PyTime& t) {
        return "Time(" + quoted(t.time.text) + ", type=" + quoted(t.time.type) +
               ", value=" + quoted(t.time.value) + ")";
      });
  add_offsets(
      time, [](const PyTime& t) { return t.at; }, "the expression");

  auto quantity =
      py::class_<PyQuantity>(m, "Quantity", "A count or measure with the bounds its words allow.");
  quantity.def_property_readonly("text", [](const PyQuantity& q) { return q.quantity.text; })
      .def_property_readonly(
          "value", [](const PyQuantity& q) { return q.quantity.value; },
          "The number as written, scaled ('$2.3bn' -> 2.3e9).")
      .def_property_readonly(
          "low", [](const PyQuantity& q) { return q.quantity.low; }, "Lower bound.")
      .def_property_readonly(
          "high", [](const PyQuantity& q) { return q.quantity.high; },
          "Upper bound (math.inf when open).")
      .def_property_readonly("unit", [](const PyQuantity& q) { return q.quantity.unit; })
      .def_property_readonly(
          "bound", [](const PyQuantity& q) { return q.quantity.bound; },
          "exact | about | at_least | at_most | range.")
      .def("__repr__", [](const PyQuantity& q) {
        return "Quantity(" + quoted(q.quantity.text) +
               ", value=" + py::repr(py::float_(q.quantity.value)).cast<std::string>() +
               ", unit=" + quoted(q.quantity.unit) + ", bound=" + quoted(q.quantity.bound) + ")";
      });
  add_offsets(
      quantity, [](const PyQuantity& q) { return q.at; }, "the quantity");

  auto mention = py::class_<PyMention>(m, "Mention", "Words naming an entity or a speaker.");
  mention.def_property_readonly("text", [](const PyMention& x) { return x.text; })
      .def("__repr__", [](const PyMention& x) {
        return "Mention(" + offsets_repr(x.at) + " " + quoted(x.text) + ")";
      });
  add_offsets(
      mention, [](const PyMention& x) { return x.at; }, "the mention");

  py::class_<PyEntity>(m, "Entity", "A real-world thing, merged over its mentions.")
      .def_property_readonly(
          "id", [](const PyEntity& e) { return e.entity.id; }, "Canonical key ('org:nato').")
      .def_property_readonly("name", [](const PyEntity& e) { return e.entity.name; })
      .def_property_readonly(
          "type", [](const PyEntity& e) { return e.entity.type; },
          "PERSON | ORGANIZATION | LOCATION | OTHER.")
      .def_property_readonly("aliases", [](const PyEntity& e) { return e.entity.aliases; })
      .def_property_readonly(
          "located_in", [](const PyEntity& e) { return e.entity.located_in; },
          "Containing places, by entity id.")
      .def_property_readonly(
          "mentions", [](const PyEntity& e) { return e.mentions; },
          "Where this document names it (empty in a report).")
      .def_property_readonly(
          "documents", [](const PyEntity& e) { return e.entity.documents; },
          "Report only: ids of the documents mentioning it.")
      .def("__repr__", [](const PyEntity& e) {
        std::string out = "Entity(id=" + quoted(e.entity.id) + ", name=" + quoted(e.entity.name) +
                          ", type=" + quoted(e.entity.type);
        if (!e.mentions.empty()) out += ", mentions=" + std::to_string(e.mentions.size());
        if (!e.entity.documents.empty())
          out += ", documents=" + std::to_string(e.entity.documents.size());
        return out + ")";
      });

  auto quote = py::class_<PyQuote>(m, "Quote", "A direct quotation and who said it.");
  quote
      .def_property_readonly(
          "text", [](const PyQuote& q) { return q.quote.text; },
          "The quoted words, inside the quotation marks.")
      .def_property_readonly(
          "speaker", [](const PyQuote& q) { return none_or(q.quote.speaker); },
          "Canonical name of the speaker, or None.")
      .def_property_readonly("speaker_id",
                             [](const PyQuote& q) { return none_or(q.quote.speaker_id); })
      .def_property_readonly(
          "speaker_mention", [](const PyQuote& q) { return q.speaker_mention; },
          "The words naming the speaker, or None.")
      .def("__repr__", [](const PyQuote& q) {
        return "Quote(" + quoted(shorten(q.quote.text)) + ", speaker=" +
               (q.quote.speaker.empty() ? std::string("None") : quoted(q.quote.speaker)) + ")";
      });
  add_offsets(
      quote, [](const PyQuote& q) { return q.at; }, "the quoted words");

  auto claim = py::class_<PyClaim>(m, "Claim", "A typed assertion made by one document.");
  claim
      .def_property_readonly(
          "id", [](const PyClaim& c) { return c.claim.id; }, "'<document>#<n>'.")
      .def_property_readonly(
          "document", [](const PyClaim& c) { return c.claim.document; }, "Document id.")
      .def_property_readonly(
          "type", [](const PyClaim& c) { return c.claim.type; },
          "lifecycle | event_date | event_place | quantity | membership | role | scope | ...")
      .def_property_readonly(
          "subject", [](const PyClaim& c) { return c.claim.subject; }, "Entity id or key.")
      .def_property_readonly("subject_name", [](const PyClaim& c) { return c.claim.subject_name; })
      .def_property_readonly("predicate", [](const PyClaim& c) { return c.claim.predicate; })
      .def_property_readonly("qualifier",
                             [](const PyClaim& c) { return none_or(c.claim.qualifier); })
      .def_property_readonly(
          "value", [](const PyClaim& c) { return c.claim.value; }, "Normalised value, as printed.")
      .def_property_readonly(
          "typed_value", [](const PyClaim& c) { return typed_value(c.claim.typed); },
          "The value as a dict, as in the JSON report.")
      .def_property_readonly(
          "as_of", [](const PyClaim& c) { return none_or(c.claim.as_of); },
          "'YYYY-MM-DD' the claim speaks as of, or None.")
      .def_property_readonly("modality", [](const PyClaim& c) { return c.claim.modality; })
      .def_property_readonly("polarity", [](const PyClaim& c) { return c.claim.polarity; })
      .def_property_readonly("attributed_to",
                             [](const PyClaim& c) { return none_or(c.claim.attributed_to); })
      .def_property_readonly(
          "evidence", [](const PyClaim& c) { return c.claim.evidence; },
          "The sentence stating the claim.")
      .def_property_readonly("evidence_begin", [](const PyClaim& c) { return c.evidence_at.begin; })
      .def_property_readonly("evidence_end", [](const PyClaim& c) { return c.evidence_at.end; })
      .def_property_readonly("evidence_char_begin",
                             [](const PyClaim& c) { return c.evidence_at.char_begin; })
      .def_property_readonly("evidence_char_end",
                             [](const PyClaim& c) { return c.evidence_at.char_end; })
      .def("__repr__", [](const PyClaim& c) {
        return "Claim(id=" + quoted(c.claim.id) + ", type=" + quoted(c.claim.type) +
               ", subject=" + quoted(c.claim.subject) + ", predicate=" + quoted(c.claim.predicate) +
               ", value=" + quoted(shorten(c.claim.value, 40)) + ")";
      });
  add_offsets(
      claim, [](const PyClaim& c) { return c.at; }, "the claim's own words");

  py::class_<PyFinding>(m, "Finding", "A verdict about claims from several documents.")
      .def_property_readonly(
          "id", [](const PyFinding& f) { return f.finding.id; }, "'f<n>'.")
      .def_property_readonly(
          "kind", [](const PyFinding& f) { return f.finding.kind; },
          "agreement | contradiction | quote_divergence.")
      .def_property_readonly(
          "resolution", [](const PyFinding& f) { return none_or(f.finding.resolution); },
          "superseded | unresolved for contradictions, else None.")
      .def_property_readonly(
          "claims", [](const PyFinding& f) { return f.finding.claims; },
          "Ids of exactly the claims it is about (see Report.claim).")
      .def_property_readonly("documents", [](const PyFinding& f) { return f.finding.documents; })
      .def_property_readonly("summary", [](const PyFinding& f) { return f.finding.summary; })
      .def_property_readonly("rule", [](const PyFinding& f) { return f.finding.rule; })
      .def_property_readonly("explanation",
                             [](const PyFinding& f) { return f.finding.explanation; })
      .def("__repr__", [](const PyFinding& f) {
        std::string out = "Finding(id=" + quoted(f.finding.id) + ", kind=" + quoted(f.finding.kind);
        if (!f.finding.resolution.empty()) out += ", resolution=" + quoted(f.finding.resolution);
        out += ", claims=" + py::repr(py::cast(f.finding.claims)).cast<std::string>();
        return out + ", summary=" + quoted(shorten(f.finding.summary)) + ")";
      });

  py::class_<PyExtraction>(m, "Extraction", "Everything crosscheck extracts from one document.")
      .def_property_readonly("document", &PyExtraction::document)
      .def_property_readonly(
          "id", [](const PyExtraction& x) { return x.get().document.id; }, "Document id.")
      .def_property_readonly(
          "text", [](const PyExtraction& x) { return x.get().document.text; },
          "The document text all offsets refer to.")
      .def_property_readonly(
          "published", [](const PyExtraction& x) { return none_or(x.get().document.published); })
      .def_property_readonly("published_inferred", &PyExtraction::published_inferred)
      .def_property_readonly("sentences", &PyExtraction::sentences)
      .def_property_readonly("times", &PyExtraction::times)
      .def_property_readonly("quantities", &PyExtraction::quantities)
      .def_property_readonly("entities", &PyExtraction::entities)
      .def_property_readonly("quotes", &PyExtraction::quotes)
      .def_property_readonly("claims", &PyExtraction::claims)
      .def(
          "to_json",
          [](const PyExtraction& x) {
            py::gil_scoped_release unlocked;
            return to_json(x.get());
          },
          "`crosscheck.extract/1` JSON, on one line (as `crosscheck extract` prints it).")
      .def("__repr__", [](const PyExtraction& x) {
        const Extraction& e = x.get();
        return "<crosscheck.Extraction " + quoted(e.document.id) + ": " +
               std::to_string(e.sentences.size()) + " sentences, " +
               std::to_string(e.times.size()) + " times, " + std::to_string(e.quantities.size()) +
               " quantities, " + std::to_string(e.entities.size()) + " entities, " +
               std::to_string(e.quotes.size()) + " quotes, " + std::to_string(e.claims.size()) +
               " claims>";
      });

  auto render = [](std::string (*format)(const Report&)) {
    return [format](const PyReport& r) {
      py::gil_scoped_release unlocked;
      return format(r.get());
    };
  };
  py::class_<PyReport>(m, "Report",
                       "The result of checking documents against each other; iterate for findings.")
      .def_property_readonly("documents", &PyReport::documents,
                             "The input documents, in input order.")
      .def_property_readonly("extractions", &PyReport::extractions,
                             "One Extraction per document, in input order.")
      .def_property_readonly("entities", &PyReport::entities,
                             "Canonical entities across documents.")
      .def_property_readonly("claims", &PyReport::claims, "All claims, in document order.")
      .def_property_readonly("findings", &PyReport::findings)
      .def_property_readonly(
          "unresolved_contradictions",
          [](const PyReport& r) { return count_unresolved_contradictions(r.get()); },
          "Number of contradictions not resolved as superseded.")
      .def("claim", &PyReport::claim, py::arg("id"),
           "The claim with this id (KeyError when absent).")
      .def("document", &PyReport::document, py::arg("id"),
           "The document with this id (KeyError when absent).")
      .def("extraction", &PyReport::extraction, py::arg("id"), "The extraction of this document.")
      .def("to_json", render([](const Report& r) { return to_json(r); }),
           "`crosscheck.report/1` JSON, pretty-printed (as `crosscheck check --format json`).")
      .def("to_text", render([](const Report& r) { return to_text(r); }), "The report for people.")
      .def("to_html", render([](const Report& r) { return to_html(r); }),
           "One self-contained HTML page.")
      .def("to_dot", render([](const Report& r) { return to_dot(r); }),
           "The claim graph in Graphviz DOT.")
      .def("to_graphml", render([](const Report& r) { return to_graphml(r); }),
           "The claim graph in GraphML.")
      .def("__iter__", [](PyReport& r) { return py::iter(r.findings()); })
      .def(
          "__len__", [](const PyReport& r) { return r.get().findings.size(); },
          "Number of findings.")
      .def("__repr__", [](const PyReport& r) {
        const Report& rep = r.get();
        std::size_t contradictions = 0;
        for (const Finding& f : rep.findings) contradictions += f.kind == "contradiction";
        return "<crosscheck.Report: " + std::to_string(rep.extractions.size()) + " documents, " +
               std::to_string(rep.claims.size()) + " claims, " +
               std::to_string(rep.findings.size()) + " findings (" +
               std::to_string(contradictions) + " contradictions, " +
               std::to_string(count_unresolved_contradictions(rep)) + " unresolved)>";
      });
}

}  // namespace crosscheck::python
