// crosscheck: the command-line checker (see README and the interface spec).
#include <crosscheck/crosscheck.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
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

// Never leaves a partial document: `whole` renders the output completely
// before writing it (standard output, devices), and a file is written beside
// its target and renamed over it when complete, so `stream`, when given, may
// write it there as it is produced.
using Writer = std::function<void(std::ostream&)>;
int emit(const Writer& whole, const Writer& stream, const std::string& path) {
  if (path.empty() || path == "-") {
    whole(std::cout);
    std::cout.flush();
    return std::cout ? kExitOk : fail("cannot write to standard output");
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  // Devices and pipes (-o /dev/stdout) cannot be replaced; write them directly.
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec)) {
    std::ofstream out(path, std::ios::binary);
    whole(out);
    out.flush();
    return out ? kExitOk : fail(path + ": write failed");
  }
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return fail(path + ": cannot open for writing");
    try {
      (stream ? stream : whole)(out);
    } catch (...) {
      out.close();
      fs::remove(partial, ec);
      throw;
    }
    out.close();
    if (!out) {
      fs::remove(partial, ec);
      return fail(path + ": write failed");
    }
  }
  fs::rename(partial, path, ec);
  if (ec) {
    fs::remove(partial, ec);
    return fail(path + ": cannot write: " + ec.message());
  }
  return kExitOk;
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

int run(int argc, char** argv) {
  CLI::App app{"crosscheck: check news sources against each other", "crosscheck"};
  app.set_version_flag("--version", CROSSCHECK_VERSION);
  app.require_subcommand(1);

  std::vector<std::string> inputs, lexicon_files;
  std::string format = "text", output, published, fail_on;
  unsigned threads = 0;
  crosscheck::Limits limits;
  // Options every subcommand takes.
  auto add_common = [&](CLI::App* command) {
    command->add_option("INPUT", inputs, "JSONL, .txt/.md, .html/.htm files or directories")
        ->required();
    command->add_option("-o,--output", output, "write to FILE instead of standard output");
    command->add_option("--lexicon", lexicon_files, "extra lexicon entries (JSON)");
    command->add_option("--published", published,
                        "publication date (YYYY-MM-DD) for inputs that carry none");
    command->add_option("--threads", threads, "worker threads (0: all cores)");
    command
        ->add_option("--max-document-bytes", limits.max_document_bytes,
                     "largest document text accepted (HTML may be 4 times larger)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    command->add_option("--max-documents", limits.max_documents, "most documents in one run")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    command->add_option("--max-nesting", limits.max_nesting, "deepest HTML or JSON nesting")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
  };

  CLI::App* check = app.add_subcommand("check", "print the cross-source report");
  add_common(check);
  check->add_option("--format", format, "text|json|html|dot|graphml")
      ->check(CLI::IsMember({"text", "json", "html", "dot", "graphml"}));
  check->add_option("--fail-on", fail_on, "exit 1 when such a finding is made")
      ->check(CLI::IsMember({"contradiction"}));

  CLI::App* extract = app.add_subcommand("extract", "print each document's annotations as JSON");
  add_common(extract);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "crosscheck: " << e.what() << " (see crosscheck --help)\n";
    return kExitBadInput;
  }

  crosscheck::ReadOptions read_options;
  read_options.published = published;
  read_options.limits = limits;
  auto documents = crosscheck::read_inputs(inputs, read_options);
  if (!documents) return fail(documents.error().message());
  if (documents->empty()) return fail("no documents found in the inputs");

  crosscheck::Options options;
  options.threads = threads;
  options.limits = limits;
  std::string lexicon_error;
  if (!read_lexicons(lexicon_files, options.lexicons, lexicon_error)) return fail(lexicon_error);
  options.lexicon_names = lexicon_files;

  if (extract->parsed()) {
    auto extractions = crosscheck::extract_all(*documents, options);
    if (!extractions) return fail(extractions.error().message());
    std::vector<crosscheck::Document>().swap(*documents);  // each extraction holds its own
    // Each document's line is rendered on its own (all of them before any is
    // written, so output is never partial) and written as it is: joining them
    // into one string would copy the whole output several times as it grows.
    std::vector<std::string> lines;
    lines.reserve(extractions->size());
    for (crosscheck::Extraction& x : *extractions) {
      lines.push_back(crosscheck::to_json(x));
      x = crosscheck::Extraction();  // its memory serves the next lines
    }
    return emit(
        [&](std::ostream& out) {
          for (const std::string& line : lines) {
            out.write(line.data(), static_cast<std::streamsize>(line.size()));
            out.put('\n');
          }
        },
        nullptr, output);
  }

  // The report keeps what it prints, not every document's annotations.
  options.keep_extractions = false;
  auto report = crosscheck::check(*documents, options);
  if (!report) return fail(report.error().message());
  std::vector<crosscheck::Document>().swap(*documents);  // the report has what it needs
  Writer stream;
  if (format == "json") stream = [&](std::ostream& out) { crosscheck::write_json(*report, out); };
  int status = emit(
      [&](std::ostream& out) {
        out << (format == "json"      ? crosscheck::to_json(*report)
                : format == "html"    ? crosscheck::to_html(*report)
                : format == "dot"     ? crosscheck::to_dot(*report)
                : format == "graphml" ? crosscheck::to_graphml(*report)
                                      : crosscheck::to_text(*report));
      },
      stream, output);
  if (status != kExitOk) return status;
  if (fail_on == "contradiction" && crosscheck::count_unresolved_contradictions(*report) > 0) {
    return kExitFindings;
  }
  return kExitOk;
}

int main(int argc, char** argv) {
  // The library reports errors as values; anything thrown here is a bug or
  // exhaustion, and still ends with one line and status 2, not a crash.
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    return fail("out of memory");
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + e.what());
  }
}
