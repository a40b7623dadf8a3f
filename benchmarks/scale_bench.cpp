// check() over a growing corpus: N documents made by reusing the real articles
// of the corpus under new ids and publication dates (shifted so that time
// comparison is exercised). Prints one JSON object with wall times and peak
// memory; scripts/bench runs one process per size so each gets its own peak RSS.
//
//   crosscheck_scale_bench --corpus=corpus.jsonl --docs=10000 [--threads=1] [--phases]
//   [--skip-quote-divergence]
//
// --phases also times the stages of check() separately (extract_all, entity
// linking, claim graph, comparison, quote divergences, JSON rendering) by
// calling them in the order lib/pipeline/pipeline.cpp does.
// --skip-quote-divergence (implies --phases) leaves find_quote_divergences out,
// to see how the rest of check() grows.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "annotate/entity/entity_tagger.h"
#include "annotate/lexicon.h"
#include "claims/event_keys.h"
#include "compare/compare.h"
#include "corpus.h"
#include "graph/claim_graph.h"
#include "pipeline/check_steps.h"
#include "util/date.h"

namespace crosscheck::bench {
namespace {

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

// CPU seconds of this process (all threads, user + system): wall time on a
// shared machine says little.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return secs(usage.ru_utime) + secs(usage.ru_stime);
}

double load_average() {
  double load = 0;
  if (FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &load) != 1) load = 0;
    std::fclose(f);
  }
  return load;
}

double current_rss_mb() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<double>(resident) * 4096.0 / (1024.0 * 1024.0);
}

// splitmix64: a fixed, portable sequence, so every run builds the same corpus.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Copy k of the corpus: article k % n under id "<id>~<k>". Copies after the
// first get a publication date moved by up to a year either way (undated
// articles stay undated), so the same story is reported at different times.
std::vector<Document> grow(const std::vector<Document>& base, std::size_t count) {
  std::vector<Document> docs;
  docs.reserve(count);
  for (std::size_t k = 0; k < count; ++k) {
    Document d = base[k % base.size()];
    d.id += "~" + std::to_string(k);
    if (k >= base.size()) {
      if (auto date = internal::parse_iso_date(d.published)) {
        const auto shift = static_cast<std::int32_t>(mix(k) % 731) - 365;
        d.published = internal::format_iso(
            internal::civil_from_days(internal::days_from_civil(*date) + shift));
      }
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Progress on stderr, so a run stopped by a timeout still shows how far it got.
void progress(const char* step, double seconds) {
  std::fprintf(stderr, "scale_bench: %s %.2f s, resident %.0f MB, CPU so far %.1f s\n", step,
               seconds, current_rss_mb(), cpu_seconds());
}

// Counts what is written to it (the report's size when it is not kept).
class CountingBuf : public std::streambuf {
 public:
  std::size_t count = 0;

 protected:
  int_type overflow(int_type ch) override {
    if (ch != traits_type::eof()) ++count;
    return ch;
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<std::size_t>(n);
    return n;
  }
};

// The report's JSON streamed (as `crosscheck check --format json -o FILE`
// writes it) to FILE, or only counted; returns its size in bytes.
std::size_t render_json(const Report& report, const std::string& path) {
  if (!path.empty()) {
    std::ofstream out(path, std::ios::binary);
    write_json(report, out);
    out.flush();
    return static_cast<std::size_t>(out.tellp());
  }
  CountingBuf counter;
  std::ostream out(&counter);
  write_json(report, out);
  return counter.count;
}

}  // namespace
}  // namespace crosscheck::bench

int main(int argc, char** argv) {
  using namespace crosscheck;
  using namespace crosscheck::bench;
  const std::string path = corpus_path(argc, argv);
  std::size_t count = 1000;
  unsigned threads = 1;
  bool phases = false, skip_quote_divergence = false;
  std::string output;  // --output=FILE: the report's JSON, to compare runs
  bool render = true;  // --no-render: leave to_json out (its DOM dominates peak memory)
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--docs=", 7) == 0) {
      count = std::strtoull(argv[i] + 7, nullptr, 10);
    } else if (std::strncmp(argv[i], "--threads=", 10) == 0) {
      threads = static_cast<unsigned>(std::strtoul(argv[i] + 10, nullptr, 10));
    } else if (std::strcmp(argv[i], "--phases") == 0) {
      phases = true;
    } else if (std::strcmp(argv[i], "--no-render") == 0) {
      render = false;
    } else if (std::strncmp(argv[i], "--output=", 9) == 0) {
      output = argv[i] + 9;
    } else if (std::strcmp(argv[i], "--skip-quote-divergence") == 0) {
      phases = skip_quote_divergence = true;
    } else {
      std::fprintf(stderr,
                   "usage: %s [--corpus=FILE] [--docs=N] [--threads=N] [--phases] "
                   "[--skip-quote-divergence]\n",
                   argv[0]);
      return 2;
    }
  }
  std::vector<Document> docs;
  {
    std::vector<Document> base = load_corpus(path);
    if (base.empty() || count == 0) {
      std::fprintf(stderr, "scale_bench: empty corpus or --docs=0\n");
      return 2;
    }
    docs = grow(base, count);
  }
  const CorpusSize size = size_of(docs);
  const double rss_inputs = current_rss_mb();
  Options options;
  options.threads = threads;
  options.keep_extractions = false;  // as the CLI runs check()

  std::string timings;
  std::size_t claims = 0, findings = 0, entities = 0;
  const auto start = Clock::now();
  if (!phases) {
    auto report = check(docs, options);
    if (!report) {
      std::fprintf(stderr, "scale_bench: %s\n", report.error().message().c_str());
      return 1;
    }
    const double check_s = seconds_since(start);
    const auto render_start = Clock::now();
    const std::size_t json_bytes = render ? render_json(*report, output) : 0;
    const double render_s = seconds_since(render_start);
    claims = report->claims.size();
    findings = report->findings.size();
    entities = report->entities.size();
    timings = "\"check_s\": " + std::to_string(check_s) +
              ", \"render_json_s\": " + std::to_string(render_s) +
              ", \"json_MB\": " + std::to_string(static_cast<double>(json_bytes) / 1e6);
  } else {
    // The steps of check(), timed one by one (keep in step with pipeline.cpp).
    auto t = Clock::now();
    const double cpu_before = cpu_seconds();
    auto lexicon = internal::Lexicon::build(options.lexicons);
    if (!lexicon) return 1;
    auto extractions = internal::extract_all_with(docs, options, **lexicon, true);
    if (!extractions) {
      std::fprintf(stderr, "scale_bench: extraction failed\n");
      return 1;
    }
    const double extract_s = seconds_since(t);
    const double extract_cpu_s = cpu_seconds() - cpu_before;
    progress("extract", extract_s);
    Report report;
    report.extractions = std::move(*extractions);
    t = Clock::now();
    report.entities = internal::link_entities(report.extractions, **lexicon);
    progress("link_entities", seconds_since(t));
    internal::gather_claims(report, true);
    progress("gather_claims", seconds_since(t));
    internal::align_event_places(report.claims);
    const double link_s = seconds_since(t);
    progress("link", link_s);
    t = Clock::now();
    internal::ClaimGraph graph(report, internal::ClaimGraph::Parts::kIndex);  // as check() does
    const double graph_s = seconds_since(t);
    progress("graph", graph_s);
    t = Clock::now();
    report.findings = internal::compare_claims(report, graph);
    const double compare_s = seconds_since(t);
    progress("compare", compare_s);
    t = Clock::now();
    if (!skip_quote_divergence) {
      for (Finding& f : internal::find_quote_divergences(report)) {
        graph.add_finding(f);
        report.findings.push_back(std::move(f));
      }
    }
    for (std::size_t i = 0; i < report.findings.size(); ++i)
      report.findings[i].id = "f" + std::to_string(i + 1);
    const double quotes_s = seconds_since(t);
    progress("quotes", quotes_s);
    const double check_s = seconds_since(start);
    t = Clock::now();
    const std::size_t json_bytes = render ? render_json(report, output) : 0;
    const double render_s = seconds_since(t);
    const double after_extract_cpu_s = cpu_seconds() - cpu_before - extract_cpu_s;
    claims = report.claims.size();
    findings = report.findings.size();
    entities = report.entities.size();
    timings = "\"check_s\": " + std::to_string(check_s) +
              ", \"extract_s\": " + std::to_string(extract_s) +
              ", \"extract_cpu_s\": " + std::to_string(extract_cpu_s) +
              ", \"after_extract_cpu_s\": " + std::to_string(after_extract_cpu_s) +
              ", \"link_s\": " + std::to_string(link_s) +
              ", \"graph_s\": " + std::to_string(graph_s) +
              ", \"compare_s\": " + std::to_string(compare_s) +
              ", \"quote_divergence_s\": " + std::to_string(quotes_s) +
              ", \"render_json_s\": " + std::to_string(render_s) +
              ", \"json_MB\": " + std::to_string(static_cast<double>(json_bytes) / 1e6);
  }
  std::printf(
      "{\"docs\": %zu, \"threads\": %u, \"phases\": %s, \"quote_divergence\": %s, \"text_MB\": "
      "%.3f, \"words\": %zu, %s, "
      "\"claims\": %zu, \"findings\": %zu, \"entities\": %zu, \"rss_inputs_MB\": %.1f, "
      "\"peak_rss_MB\": %.1f, \"cpu_s\": %.2f, \"load_1min\": %.2f}\n",
      docs.size(), threads, phases ? "true" : "false", skip_quote_divergence ? "false" : "true",
      size.bytes / 1e6, size.words, timings.c_str(), claims, findings, entities, rss_inputs,
      peak_rss_mb(), cpu_seconds(), load_average());
  return 0;
}
