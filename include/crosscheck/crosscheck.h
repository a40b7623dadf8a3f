// crosscheck: check news sources against each other.
//
//   auto docs = crosscheck::read_inputs({"articles.jsonl"});
//   if (!docs) { std::cerr << docs.error().message() << "\n"; return 2; }
//   auto report = crosscheck::check(*docs);
//   std::cout << crosscheck::to_text(*report);
#ifndef CROSSCHECK_CROSSCHECK_H_
#define CROSSCHECK_CROSSCHECK_H_

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/result.h"
#include "crosscheck/types.h"
#include "crosscheck/version.h"

namespace crosscheck {

/// Limits that keep hostile input from exhausting memory or time.
struct Limits {
  std::size_t max_document_bytes = 8u << 20;  ///< per document text or HTML
  std::size_t max_documents = 1'000'000;      ///< per run
  std::size_t max_nesting = 256;              ///< HTML and JSON nesting depth
};

/// How inputs are read.
struct ReadOptions {
  std::string published;  ///< "YYYY-MM-DD" for inputs that carry no date
  Limits limits;
};

/// How documents are analysed and compared.
struct Options {
  /// Extra lexicon entries (JSON texts, as in `--lexicon FILE`), on top of
  /// the built-in data.
  std::vector<std::string> lexicons;
  /// Where each lexicon came from (file names), used in errors; may be shorter
  /// than `lexicons`, unnamed ones are called "lexicon N".
  std::vector<std::string> lexicon_names;
  /// Worker threads for per-document work; 0 means all cores. Output never
  /// depends on it.
  unsigned threads = 0;
  Limits limits;
  /// check() only: keep each document's whole extraction in
  /// Report::extractions (the default). When false each keeps only the
  /// document's metadata (not its text) and published_inferred, and the claims
  /// are in Report::claims alone: every report format prints the same, and
  /// large runs need a fraction of the memory (the CLI does this).
  bool keep_extractions = true;
};

/// Reads JSON Lines, .txt/.md, .html/.htm files or directories of them.
Result<std::vector<Document>> read_inputs(const std::vector<std::string>& paths,
                                          const ReadOptions& options = {});

/// Parses JSON Lines content; `file` names it in errors.
Result<std::vector<Document>> parse_jsonl(std::string_view content, std::string_view file,
                                          const ReadOptions& options = {});

/// Converts an HTML page or fragment to the plain text offsets refer to.
Result<std::string> html_to_text(std::string_view html, const Limits& limits = {});

/// Checks that a document is usable (id, UTF-8, size, date format).
Result<Document> validate(Document document, const Limits& limits = {});

/// Annotates one document: sentences, times, quantities, entities, quotes, claims.
Result<Extraction> extract(const Document& document, const Options& options = {});

/// Extracts every document, in parallel; results in input order.
Result<std::vector<Extraction>> extract_all(const std::vector<Document>& documents,
                                            const Options& options = {});

/// Extracts every document and compares their claims.
Result<Report> check(const std::vector<Document>& documents, const Options& options = {});

/// `crosscheck.extract/1` JSON for one document, on one line.
std::string to_json(const Extraction& extraction);
/// `crosscheck.report/1` JSON, pretty-printed.
std::string to_json(const Report& report);
/// The same JSON written to `out` as it is produced (no copy of the whole
/// report in memory); the CLI uses it for large runs.
void write_json(const Report& report, std::ostream& out);
/// A report for people, findings grouped by kind with quoted evidence.
std::string to_text(const Report& report);
/// One self-contained HTML page.
std::string to_html(const Report& report);
/// The claim graph in Graphviz DOT.
std::string to_dot(const Report& report);
/// The claim graph in GraphML.
std::string to_graphml(const Report& report);

/// Number of unresolved contradictions (for `--fail-on contradiction`).
std::size_t count_unresolved_contradictions(const Report& report);

}  // namespace crosscheck

#endif  // CROSSCHECK_CROSSCHECK_H_
