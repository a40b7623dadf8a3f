// crosscheck: the command-line checker (see README and the interface spec).
#include <CLI/CLI.hpp>
#include <crosscheck/crosscheck.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitBadInput = 2;

int fail(const std::string& message) {
  std::cerr << "crosscheck: " << message << "\n";
  return kExitBadInput;
}

// Writes all output at once so a failure never leaves a partial document.
int emit(const std::string& output, const std::string& path) {
  if (path.empty() || path == "-") {
    std::cout << output;
    std::cout.flush();
    return std::cout ? kExitOk : fail("cannot write to standard output");
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return fail(path + ": cannot open for writing");
  out << output;
  out.close();
  return out ? kExitOk : fail(path + ": write failed");
}

bool read_lexicons(const std::vector<std::string>& paths, std::vector<std::string>& texts,
                   std::string& error) {
  for (const std::string& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      error = p + ": cannot read lexicon file";
      return false;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    texts.push_back(buf.str());
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"crosscheck: check news sources against each other", "crosscheck"};
  app.set_version_flag("--version", CROSSCHECK_VERSION);
  app.require_subcommand(1);

  std::vector<std::string> inputs, lexicon_files;
  std::string format = "text", output, published, fail_on;
  unsigned threads = 0;

  CLI::App* check = app.add_subcommand("check", "print the cross-source report");
  check->add_option("INPUT", inputs, "JSONL, .txt/.md, .html/.htm files or directories")->required();
  check->add_option("--format", format, "text|json|html|dot|graphml")
      ->check(CLI::IsMember({"text", "json", "html", "dot", "graphml"}));
  check->add_option("-o,--output", output, "write to FILE instead of standard output");
  check->add_option("--fail-on", fail_on, "exit 1 when such a finding is made")
      ->check(CLI::IsMember({"contradiction"}));
  check->add_option("--lexicon", lexicon_files, "extra lexicon entries (JSON)");
  check->add_option("--published", published, "publication date (YYYY-MM-DD) for undated inputs");
  check->add_option("--threads", threads, "worker threads (0: all cores)");

  CLI::App* extract = app.add_subcommand("extract", "print each document's annotations as JSON");
  extract->add_option("INPUT", inputs, "JSONL, .txt/.md, .html/.htm files or directories")->required();
  extract->add_option("--published", published, "publication date (YYYY-MM-DD) for undated inputs");
  extract->add_option("-o,--output", output, "write to FILE instead of standard output");
  extract->add_option("--lexicon", lexicon_files, "extra lexicon entries (JSON)");
  extract->add_option("--threads", threads, "worker threads (0: all cores)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "crosscheck: " << e.what() << " (see crosscheck --help)\n";
    return kExitBadInput;
  }

  crosscheck::ReadOptions read_options;
  read_options.published = published;
  auto documents = crosscheck::read_inputs(inputs, read_options);
  if (!documents) return fail(documents.error().message());
  if (documents->empty()) return fail("no documents found in the inputs");

  crosscheck::Options options;
  options.threads = threads;
  std::string lexicon_error;
  if (!read_lexicons(lexicon_files, options.lexicons, lexicon_error)) return fail(lexicon_error);

  if (extract->parsed()) {
    auto extractions = crosscheck::extract_all(*documents, options);
    if (!extractions) return fail(extractions.error().message());
    std::string out;
    for (const crosscheck::Extraction& x : *extractions) out += crosscheck::to_json(x) + "\n";
    return emit(out, output);
  }

  auto report = crosscheck::check(*documents, options);
  if (!report) return fail(report.error().message());
  std::string out = format == "json"      ? crosscheck::to_json(*report)
                    : format == "html"    ? crosscheck::to_html(*report)
                    : format == "dot"     ? crosscheck::to_dot(*report)
                    : format == "graphml" ? crosscheck::to_graphml(*report)
                                          : crosscheck::to_text(*report);
  if (int status = emit(out, output); status != kExitOk) return status;
  if (fail_on == "contradiction" && crosscheck::count_unresolved_contradictions(*report) > 0) {
    return kExitFindings;
  }
  return kExitOk;
}
