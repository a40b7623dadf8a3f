// Single-thread throughput of each pipeline stage on real news text, in MB/s
// (bytes of document text) and words/s. Each iteration runs one stage over the
// whole corpus; the stages before it are computed once, outside the timing.
//
//   crosscheck_stages_bench --corpus=corpus.jsonl [--benchmark_* flags]
#include <benchmark/benchmark.h>
#include <crosscheck/crosscheck.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "annotate/annotations.h"
#include "annotate/entity/entity_tagger.h"
#include "annotate/lexicon.h"
#include "annotate/quantity/quantity_tagger.h"
#include "annotate/quote/quote_tagger.h"
#include "annotate/time/time_tagger.h"
#include "claims/claim_extractor.h"
#include "claims/quote_claims.h"
#include "corpus.h"
#include "text/segment.h"
#include "util/date.h"

namespace crosscheck::bench {
namespace {

using internal::Annotations;

// How far the shared per-document state has been computed.
enum class Stage { kNone, kSegmented, kTimed, kQuantified, kEntities, kQuoted };

struct Corpus {
  std::string path;
  std::string jsonl;              // the file as read, for the ingest benchmark
  std::vector<std::string> html;  // HTML bodies of the documents that have one
  std::size_t html_bytes = 0;
  std::vector<Document> docs;
  CorpusSize size;
  std::shared_ptr<const internal::Lexicon> lexicon;
  std::vector<Annotations> annotations;  // one per document; views into docs
  Stage stage = Stage::kNone;

  // Brings every document's annotations up to `wanted`, in pipeline order.
  void prepare(Stage wanted) {
    if (stage < Stage::kSegmented && wanted >= Stage::kSegmented) {
      annotations.resize(docs.size());
      for (std::size_t i = 0; i < docs.size(); ++i) {
        Annotations& a = annotations[i];
        a.document = &docs[i];
        a.lexicon = lexicon.get();
        a.text = internal::segment(docs[i].text);
        if (auto given = internal::parse_iso_date(docs[i].published)) {
          a.anchor = given;
        } else if (auto inferred = internal::infer_publication_date(a.text)) {
          a.published_inferred = inferred;
          a.anchor = internal::parse_iso_date(inferred->value);
        }
      }
      stage = Stage::kSegmented;
    }
    if (stage < Stage::kTimed && wanted >= Stage::kTimed) {
      for (Annotations& a : annotations) a.times = internal::tag_times(a.text, a.anchor);
      stage = Stage::kTimed;
    }
    if (stage < Stage::kQuantified && wanted >= Stage::kQuantified) {
      for (Annotations& a : annotations) {
        // As the pipeline does: the quantity stage interns the words for claims too.
        a.normalised =
            std::make_shared<const internal::NormalisedTokens>(internal::normalise_tokens(a.text));
        a.quantities = internal::tag_quantities(a.text, a.times, *a.normalised);
      }
      stage = Stage::kQuantified;
    }
    if (stage < Stage::kEntities && wanted >= Stage::kEntities) {
      for (Annotations& a : annotations) a.entities = internal::tag_entities(a.text, *lexicon);
      stage = Stage::kEntities;
    }
    if (stage < Stage::kQuoted && wanted >= Stage::kQuoted) {
      for (Annotations& a : annotations) a.quotes = internal::tag_quotes(a.text, a.entities);
      stage = Stage::kQuoted;
    }
  }
};

Corpus* g_corpus = nullptr;

Corpus& corpus(Stage wanted = Stage::kNone) {
  g_corpus->prepare(wanted);
  return *g_corpus;
}

void report(benchmark::State& state, std::size_t bytes, std::size_t words) {
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words) * state.iterations(),
                                                 benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(g_corpus->docs.size());
}

// JSON Lines parsing, validation and HTML conversion (bytes: the JSONL file).
void BM_Ingest(benchmark::State& state) {
  Corpus& c = corpus();
  for (auto _ : state) {
    auto docs = parse_jsonl(c.jsonl, c.path);
    benchmark::DoNotOptimize(docs);
  }
  report(state, c.jsonl.size(), c.size.words);
}

// HTML to text alone, on the real HTML articles of the corpus (bytes: HTML).
void BM_HtmlToText(benchmark::State& state) {
  Corpus& c = corpus();
  if (c.html.empty()) {
    state.SkipWithError("no HTML documents in the corpus");
    return;
  }
  std::size_t words = 0;
  for (const std::string& h : c.html) words += count_words(*html_to_text(h));
  for (auto _ : state) {
    for (const std::string& h : c.html) {
      auto text = html_to_text(h);
      benchmark::DoNotOptimize(text);
    }
  }
  report(state, c.html_bytes, words);
}

void BM_Segment(benchmark::State& state) {
  Corpus& c = corpus();
  for (auto _ : state) {
    for (const Document& d : c.docs) {
      auto layer = internal::segment(d.text);
      benchmark::DoNotOptimize(layer);
    }
  }
  report(state, c.size.bytes, c.size.words);
}

void BM_TemporalTagging(benchmark::State& state) {
  Corpus& c = corpus(Stage::kSegmented);
  for (auto _ : state) {
    for (const Annotations& a : c.annotations) {
      auto times = internal::tag_times(a.text, a.anchor);
      benchmark::DoNotOptimize(times);
    }
  }
  report(state, c.size.bytes, c.size.words);
}

void BM_Quantities(benchmark::State& state) {
  Corpus& c = corpus(Stage::kTimed);
  for (auto _ : state) {
    for (const Annotations& a : c.annotations) {
      auto quantities = internal::tag_quantities(a.text, a.times);
      benchmark::DoNotOptimize(quantities);
    }
  }
  report(state, c.size.bytes, c.size.words);
}

void BM_Entities(benchmark::State& state) {
  Corpus& c = corpus(Stage::kQuantified);
  for (auto _ : state) {
    for (const Annotations& a : c.annotations) {
      auto entities = internal::tag_entities(a.text, *c.lexicon);
      benchmark::DoNotOptimize(entities);
    }
  }
  report(state, c.size.bytes, c.size.words);
}

void BM_Quotes(benchmark::State& state) {
  Corpus& c = corpus(Stage::kEntities);
  for (auto _ : state) {
    for (const Annotations& a : c.annotations) {
      auto quotes = internal::tag_quotes(a.text, a.entities);
      benchmark::DoNotOptimize(quotes);
    }
  }
  report(state, c.size.bytes, c.size.words);
}

// Claim extraction from fully annotated documents (typed claims + quote claims).
void BM_Claims(benchmark::State& state) {
  Corpus& c = corpus(Stage::kQuoted);
  for (auto _ : state) {
    for (const Annotations& a : c.annotations) {
      auto claims = internal::extract_claims(a);
      internal::append_quote_claims(a, claims);
      benchmark::DoNotOptimize(claims);
    }
  }
  report(state, c.size.bytes, c.size.words);
}

// The public per-document API, as a library user calls it.
void BM_Extract(benchmark::State& state) {
  Corpus& c = corpus();
  for (auto _ : state) {
    for (const Document& d : c.docs) {
      auto x = extract(d);
      benchmark::DoNotOptimize(x);
    }
  }
  report(state, c.size.bytes, c.size.words);
}

// extract_all on one thread (the lexicon is built once for the batch) and on
// more threads, to see the pool's scaling.
void BM_ExtractAll(benchmark::State& state) {
  Corpus& c = corpus();
  Options options;
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto x = extract_all(c.docs, options);
    if (!x) state.SkipWithError(x.error().message().c_str());
    benchmark::DoNotOptimize(x);
  }
  report(state, c.size.bytes, c.size.words);
}

// What `crosscheck extract --threads 1 FILE.jsonl` does between reading the
// file and writing its output: JSON Lines in, one JSON object per document out.
void BM_ExtractCli(benchmark::State& state) {
  Corpus& c = corpus();
  Options options;
  options.threads = 1;
  for (auto _ : state) {
    auto docs = parse_jsonl(c.jsonl, c.path);
    if (!docs) state.SkipWithError(docs.error().message().c_str());
    auto x = extract_all(*docs, options);
    if (!x) state.SkipWithError(x.error().message().c_str());
    // As the CLI does: one line per document, all rendered before any is written.
    std::vector<std::string> lines;
    lines.reserve(x->size());
    for (const Extraction& e : *x) lines.push_back(to_json(e));
    benchmark::DoNotOptimize(lines);
  }
  report(state, c.size.bytes, c.size.words);
}

BENCHMARK(BM_Ingest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HtmlToText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TemporalTagging)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Quantities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Entities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Quotes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Claims)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);
// One thread by CPU time: the single-core figure, robust to other load on the
// machine. One and two threads by wall time: the pool's speed-up.
BENCHMARK(BM_ExtractAll)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractAll)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ExtractCli)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck::bench

int main(int argc, char** argv) {
  using namespace crosscheck::bench;
  Corpus corpus;
  corpus.path = corpus_path(argc, argv);
  corpus.jsonl = read_all(corpus.path);
  corpus.docs = load_corpus(corpus.path);
  corpus.size = size_of(corpus.docs);
  for (std::string_view rest = corpus.jsonl; !rest.empty();) {
    std::size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("html") && j["html"].is_string()) {
      corpus.html.push_back(j["html"].get<std::string>());
      corpus.html_bytes += corpus.html.back().size();
    }
  }
  auto lexicon = crosscheck::internal::Lexicon::build({});
  if (!lexicon) {
    std::cerr << "bench: " << lexicon.error().message() << "\n";
    return 2;
  }
  corpus.lexicon = *lexicon;
  g_corpus = &corpus;
  benchmark::AddCustomContext("corpus", corpus.path);
  benchmark::AddCustomContext("corpus_documents", std::to_string(corpus.docs.size()));
  benchmark::AddCustomContext("corpus_text_MB", std::to_string(corpus.size.bytes / 1e6));
  benchmark::AddCustomContext("corpus_words", std::to_string(corpus.size.words));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
