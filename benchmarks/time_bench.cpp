// Throughput of the temporal tagger alone (segmentation is done beforehand).
// usage: time_bench [--anchor YYYY-MM-DD] [--min-mb N] FILE...
// Each file is read as UTF-8 text (a .tml file's <TEXT> element, if present, is
// used without its tags); the texts are tagged repeatedly until N MB are done.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annotate/time/time_tagger.h"
#include "text/segment.h"
#include "util/date.h"

namespace {

// The file's bytes; exits with a message when it cannot be read.
std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "time_bench: cannot read %s\n", path);
    std::exit(2);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Plain text of a TimeML file: the <TEXT> element without markup.
std::string plain_text(const std::string& raw) {
  std::size_t b = raw.find("<TEXT>"), e = raw.find("</TEXT>");
  if (b == std::string::npos || e == std::string::npos) return raw;
  std::string out;
  bool in_tag = false;
  for (std::size_t i = b + 6; i < e; ++i) {
    char c = raw[i];
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else if (!in_tag)
      out += c;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace crosscheck::internal;
  std::optional<CivilDate> anchor = CivilDate{2024, 7, 12};
  double min_mb = 50;
  std::vector<std::string> texts;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--anchor" && i + 1 < argc) {
      anchor = parse_iso_date(argv[++i]);
    } else if (a == "--min-mb" && i + 1 < argc) {
      min_mb = std::atof(argv[++i]);
    } else if (!a.empty() && a[0] == '-') {
      texts.clear();  // an unknown option (or --help): usage
      break;
    } else {
      texts.push_back(plain_text(read_file(argv[i])));
    }
  }
  if (texts.empty()) {
    std::fprintf(stderr, "usage: time_bench [--anchor YYYY-MM-DD] [--min-mb N] FILE...\n");
    return 2;
  }
  std::vector<TextLayer> layers;
  std::size_t bytes = 0;
  for (const auto& t : texts) {
    layers.push_back(segment(t));
    bytes += t.size();
  }
  if (bytes == 0) {  // repeating nothing until N MB are done would never end
    std::fprintf(stderr, "time_bench: the files hold no text\n");
    return 2;
  }
  std::size_t done = 0, expressions = 0;
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  while (done < min_mb * 1e6) {
    for (const auto& layer : layers) expressions += tag_times(layer, anchor).size();
    done += bytes;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  // CPU time is the figure to compare: wall time depends on other load.
  std::printf(
      "files %zu, corpus %.2f MB, tagged %.1f MB: %.1f MB/s (CPU %.3f s), %.1f MB/s wall, "
      "%.0f expressions/MB\n",
      texts.size(), bytes / 1e6, done / 1e6, done / 1e6 / cpu, cpu, done / 1e6 / seconds,
      expressions / (done / 1e6));
  return 0;
}
