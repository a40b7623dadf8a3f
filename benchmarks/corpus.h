// The benchmark corpus: real news articles read from the JSONL file that
// benchmarks/make_corpus.py writes at run time (never committed).
#ifndef CROSSCHECK_BENCHMARKS_CORPUS_H_
#define CROSSCHECK_BENCHMARKS_CORPUS_H_

#include <crosscheck/crosscheck.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::bench {

/// The corpus file: --corpus=PATH (removed from argv), else $CROSSCHECK_BENCH_CORPUS,
/// else the sample articles.
inline std::string corpus_path(int& argc, char** argv) {
  std::string path;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--corpus=", 9) == 0) {
      path = argv[i] + 9;
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  if (path.empty()) {
    if (const char* env = std::getenv("CROSSCHECK_BENCH_CORPUS")) path = env;
  }
  if (path.empty()) path = CROSSCHECK_SOURCE_DIR "/examples/nato-amman.jsonl";
  return path;
}

inline std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "bench: cannot read " << path << "\n";
    std::exit(2);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline std::vector<Document> load_corpus(const std::string& path) {
  auto docs = parse_jsonl(read_all(path), path);
  if (!docs) {
    std::cerr << "bench: " << docs.error().message() << "\n";
    std::exit(2);
  }
  return std::move(*docs);
}

/// Words as `wc -w` counts them (runs of non-space bytes), so words/s does not
/// depend on the tokenizer being measured.
inline std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

struct CorpusSize {
  std::size_t bytes = 0;
  std::size_t words = 0;
};

inline CorpusSize size_of(const std::vector<Document>& docs) {
  CorpusSize size;
  for (const Document& d : docs) {
    size.bytes += d.text.size();
    size.words += count_words(d.text);
  }
  return size;
}

}  // namespace crosscheck::bench

#endif  // CROSSCHECK_BENCHMARKS_CORPUS_H_
