// The public entry points: extract() and check() run the stages in order.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <unordered_set>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "annotate/annotations.h"
#include "annotate/entity/entity_tagger.h"
#include "annotate/quantity/quantity_tagger.h"
#include "annotate/quote/quote_tagger.h"
#include "annotate/time/time_tagger.h"
#include "claims/claim_extractor.h"
#include "claims/event_keys.h"
#include "claims/quote_claims.h"
#include "compare/compare.h"
#include "crosscheck/crosscheck.h"
#include "graph/claim_graph.h"
#include "pipeline/check_steps.h"
#include "pipeline/thread_pool.h"
#include "pipeline/validate.h"
#include "text/sentence_split.h"
#include "util/date.h"
#include "util/scratch.h"
#include "util/utf8.h"

namespace crosscheck {
namespace internal {
namespace {

Error document_error(const Document& d, ErrorCode code, std::string detail) {
  Error e{code, d.origin, 0, d.id, std::move(detail)};
  // origin is "file" or "file:line"; split it so message() stays uniform.
  if (auto colon = e.file.rfind(':');
      colon != std::string::npos && colon + 1 < e.file.size() &&
      e.file.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
    e.line = std::stoul(e.file.substr(colon + 1));
    e.file.resize(colon);
  }
  return e;
}

// "<document>#<n>", written in place (one allocation when it is long).
void set_claim_id(std::string& id, std::string_view document, std::size_t n) {
  char digits[20];
  char* end = digits + sizeof digits;
  char* p = end;
  do {
    *--p = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  const auto digit_count = static_cast<std::size_t>(end - p);
  id.resize(document.size() + 1 + digit_count);  // then overwritten
  char* out = id.data();
  std::memcpy(out, document.data(), document.size());
  out[document.size()] = '#';
  std::memcpy(out + document.size() + 1, p, digit_count);
}

// The text layer's buffers (tokens, lower-cased text) of the thread's last
// document, reused for the next: sized to the text, they are the largest
// blocks an extraction allocates and frees.
TextLayer& spare_text_layer() {
  thread_local TextLayer spare;
  return spare;
}

// The normalised tokens of the thread's last document, reused likewise (their
// four arrays are sized by the token count). Shared with the stages (the
// annotations, the claim context) only while a document is extracted: reused
// only when nobody else holds them.
std::shared_ptr<NormalisedTokens> spare_normalised() {
  thread_local std::shared_ptr<NormalisedTokens> spare;
  if (!spare || spare.use_count() != 1) spare = std::make_shared<NormalisedTokens>();
  return spare;
}

// Whether `n`'s buffers are small enough to keep for the next document (its
// lower-cased copies, when it makes them, are as long as the text).
bool worth_keeping(const NormalisedTokens& n, std::size_t text_size) {
  return n.words.capacity() * sizeof(std::string_view) <= kScratchKeepBytes &&
         text_size <= kScratchKeepBytes;
}

// Runs the stages on `out.document` (already validated), filling the rest of
// `out` in place: the document is never moved, and if a stage throws it is
// left intact for the error message.
void extract_unguarded(Extraction& out, const Lexicon& lexicon) {
  const Document& document = out.document;
  Annotations a;
  a.document = &document;
  a.lexicon = &lexicon;
  TextLayer& spare = spare_text_layer();
  a.text = std::move(spare);
  segment_valid_utf8(document.text, a.text);  // validate() checked the text
  if (auto given = parse_iso_date(document.published)) {
    a.anchor = given;
  } else if (auto inferred = infer_publication_date(a.text)) {
    a.published_inferred = inferred;
    a.anchor = parse_iso_date(inferred->value);
  }
  a.times = tag_times(a.text, a.anchor);
  std::shared_ptr<NormalisedTokens> normalised = spare_normalised();
  normalise_tokens(a.text, *normalised);
  a.normalised = normalised;
  a.quantities = tag_quantities(a.text, a.times, *a.normalised);
  a.entities = tag_entities(a.text, lexicon);
  a.quotes = tag_quotes(a.text, a.entities);
  out.claims = extract_claims(a);
  // Claims are numbered here, in text order, so ids are stable whatever the
  // extractors' internal order.
  add_quote_claims_in_text_order(a, out.claims);
  for (std::size_t i = 0; i < out.claims.size(); ++i) {
    set_claim_id(out.claims[i].id, document.id, i + 1);
    out.claims[i].document = document.id;
  }
  out.published_inferred = std::move(a.published_inferred);
  out.sentences = std::move(a.text.sentences);
  out.times = std::move(a.times);
  out.quantities = std::move(a.quantities);
  out.entities = std::move(a.entities.entities);
  out.quotes = std::move(a.quotes);
  // A very long document's buffers are not kept for the thread's lifetime.
  if (a.text.tokens.capacity() * sizeof(Token) <= kScratchKeepBytes &&
      a.text.lower.capacity() <= kScratchKeepBytes) {
    a.text.text = {};
    spare = std::move(a.text);
  }
  if (!worth_keeping(*normalised, document.text.size())) *normalised = NormalisedTokens();
}

// A stage that throws is a bug; it becomes an error for this document rather
// than a crash of the whole run (or of the host program).
std::optional<Error> extract_into(Extraction& out, const Lexicon& lexicon) {
  try {
    extract_unguarded(out, lexicon);
    return std::nullopt;
  } catch (const std::bad_alloc&) {
    return document_error(out.document, ErrorCode::kLimit, "out of memory while extracting");
  } catch (const std::exception& e) {
    return document_error(out.document, ErrorCode::kInternal,
                          std::string("internal error while extracting: ") + e.what());
  }
}

// The extraction of `document`, made in `out` (default-constructed): the one
// copy of the document, validated and extracted where it stays; the error
// if it is not valid or a stage fails.
std::optional<Error> extract_copy_into(const Document& document, const Limits& limits,
                                       const Lexicon& lexicon, Extraction& out) {
  out.document = document;
  if (auto error = validation_error(out.document, limits)) return error;
  return extract_into(out, lexicon);
}

// The built-in lexicon is built once per process; only user lexicons cost a
// build per call (extract() is called once per document by library users).
Result<std::shared_ptr<const Lexicon>> lexicon_for(const Options& options) {
  if (options.lexicons.empty()) return Lexicon::builtin();
  return Lexicon::build(options.lexicons, options.lexicon_names);
}

}  // namespace

std::optional<Error> validation_error(Document& document, const Limits& limits) {
  if (document.id.empty()) return document_error(document, ErrorCode::kInput, "document has no id");
  if (document.text.size() > limits.max_document_bytes) {
    return document_error(document, ErrorCode::kLimit,
                          "document text is " + std::to_string(document.text.size()) +
                              " bytes, over the limit of " +
                              std::to_string(limits.max_document_bytes));
  }
  std::size_t nul;  // (looked for in the same pass)
  if (auto bad = find_invalid_utf8(document.text, nul)) {
    return document_error(document, ErrorCode::kEncoding,
                          "invalid UTF-8 at byte " + std::to_string(*bad) + " of the text");
  }
  // NUL is valid UTF-8 but no article holds one: it marks a binary file or
  // UTF-16 read as bytes, whose text would be garbage.
  if (nul != std::string::npos) {
    return document_error(
        document, ErrorCode::kEncoding,
        "NUL byte at byte " + std::to_string(nul) + " of the text (binary or UTF-16 input?)");
  }
  if (document.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return document_error(document, ErrorCode::kInput, "document text is empty");
  }
  if (!document.published.empty() && !parse_iso_date(document.published)) {
    return document_error(document, ErrorCode::kInput,
                          "published date '" + document.published + "' is not YYYY-MM-DD");
  }
  if (!document.published.empty()) document.published.resize(10);
  return std::nullopt;
}

}  // namespace internal

Result<Document> validate(Document document, const Limits& limits) {
  if (auto error = internal::validation_error(document, limits)) return *std::move(error);
  return document;
}

Result<Extraction> extract(const Document& document, const Options& options) {
  Extraction out;
  out.document = document;  // the one copy of the document
  if (auto error = internal::validation_error(out.document, options.limits)) {
    return *std::move(error);
  }
  auto lexicon = internal::lexicon_for(options);
  if (!lexicon) return lexicon.error();
  if (auto error = internal::extract_into(out, **lexicon)) return *std::move(error);
  return out;
}

namespace internal {
namespace {

// What check() needs of an extraction when the report keeps no more than it
// prints: the document's metadata, its entities without mentions (for linking)
// and its claims. The text stays when a claim's evidence must be read from it.
void keep_only_what_check_needs(Extraction& x) {
  bool text_needed = std::any_of(x.claims.begin(), x.claims.end(), [](const Claim& c) {
    return c.evidence.empty() && !c.evidence_span.empty();
  });
  if (!text_needed) std::string().swap(x.document.text);
  std::vector<Span>().swap(x.sentences);
  std::vector<TimeExpr>().swap(x.times);
  std::vector<Quantity>().swap(x.quantities);
  std::vector<Quote>().swap(x.quotes);
  for (Entity& e : x.entities) std::vector<Mention>().swap(e.mentions);
}

// Gives the pages that freed memory leaves behind back to the system: what
// extraction allocates and frees (tokens, per-document annotations) is
// scattered between what the report keeps, and stays resident otherwise.
void release_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

}  // namespace

Result<std::vector<Extraction>> extract_all_with(const std::vector<Document>& documents,
                                                 const Options& options, const Lexicon& lexicon,
                                                 bool lean) {
  if (documents.size() > options.limits.max_documents) {
    return Error{ErrorCode::kLimit, "", 0, "",
                 std::to_string(documents.size()) + " documents, over the limit of " +
                     std::to_string(options.limits.max_documents)};
  }
  std::unordered_set<std::string_view> ids;
  ids.reserve(documents.size());
  for (const Document& d : documents) {
    if (!ids.insert(d.id).second) {
      return document_error(d, ErrorCode::kInput, "duplicate document id '" + d.id + "'");
    }
  }
  // Extractions are made in place; a document's error, if any, goes beside
  // it (pointers, as errors are rare), so nothing is moved after the run.
  std::vector<Extraction> extractions(documents.size());
  std::vector<std::unique_ptr<Error>> errors(documents.size());
  parallel_for(documents.size(), options.threads, [&](std::size_t i) {
    if (auto error = extract_copy_into(documents[i], options.limits, lexicon, extractions[i])) {
      errors[i] = std::make_unique<Error>(*std::move(error));
      return;
    }
    if (lean) keep_only_what_check_needs(extractions[i]);
  });
  for (const auto& error : errors) {
    if (error) return *error;  // the first bad document, in input order
  }
  if (lean) release_free_memory();
  return extractions;
}

void gather_claims(Report& report, bool lean) {
  std::size_t claim_count = 0;
  for (const Extraction& x : report.extractions) claim_count += x.claims.size();
  if (lean) {
    // The documents' entities served linking only: their memory goes back
    // before the claims' list is filled, and the documents' own claim lists
    // as they are emptied, so the claims are not held twice at the peak.
    // (Each malloc_trim walks the whole heap, about 0.1 s at 100,000
    // documents: hence every 256 MB, not after each document.)
    for (Extraction& x : report.extractions) std::vector<Entity>().swap(x.entities);
    release_free_memory();
  }
  report.claims.reserve(claim_count);
  constexpr std::size_t kReleaseBytes = std::size_t{256} << 20;
  std::size_t freed = 0;
  for (Extraction& x : report.extractions) {
    if (lean) {
      std::move(x.claims.begin(), x.claims.end(), std::back_inserter(report.claims));
      freed += x.claims.capacity() * sizeof(Claim);
      std::vector<Claim>().swap(x.claims);
      if (freed >= kReleaseBytes) {
        release_free_memory();
        freed = 0;
      }
    } else {
      report.claims.insert(report.claims.end(), x.claims.begin(), x.claims.end());
    }
  }
  if (lean) release_free_memory();
}

}  // namespace internal

Result<std::vector<Extraction>> extract_all(const std::vector<Document>& documents,
                                            const Options& options) {
  auto lexicon = internal::lexicon_for(options);
  if (!lexicon) return lexicon.error();
  return internal::extract_all_with(documents, options, **lexicon, false);
}

namespace {

Result<Report> check_unguarded(const std::vector<Document>& documents, const Options& options) {
  auto lexicon = internal::lexicon_for(options);
  if (!lexicon) return lexicon.error();
  const bool lean = !options.keep_extractions;
  auto extractions = internal::extract_all_with(documents, options, **lexicon, lean);
  if (!extractions) return extractions.error();
  Report report;
  report.extractions = std::move(*extractions);
  report.entities = internal::link_entities(report.extractions, **lexicon);
  internal::gather_claims(report, lean);
  internal::align_event_places(report.claims);
  internal::ClaimGraph graph(report, internal::ClaimGraph::Parts::kIndex);
  report.findings = internal::compare_claims(report, graph);
  for (Finding& f : internal::find_quote_divergences(report)) {
    graph.add_finding(f);
    report.findings.push_back(std::move(f));
  }
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    // (append, not "f" + ...: GCC 12 warns falsely about the latter, -Wrestrict)
    report.findings[i].id = std::to_string(i + 1).insert(0, 1, 'f');
  }
  return report;
}

}  // namespace

Result<Report> check(const std::vector<Document>& documents, const Options& options) {
  try {
    return check_unguarded(documents, options);
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kLimit, "", 0, "", "out of memory while checking"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, "", 0, "",
                 std::string("internal error while checking: ") + e.what()};
  }
}

std::size_t count_unresolved_contradictions(const Report& report) {
  return static_cast<std::size_t>(std::count_if(
      report.findings.begin(), report.findings.end(),
      [](const Finding& f) { return f.kind == "contradiction" && f.resolution != "superseded"; }));
}

}  // namespace crosscheck
