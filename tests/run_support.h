// Helpers for tests that run the checker binary and write scratch files.
#ifndef CROSSCHECK_TESTS_RUN_SUPPORT_H_
#define CROSSCHECK_TESTS_RUN_SUPPORT_H_

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace test_support {

namespace fs = std::filesystem;

/// A scratch directory removed when the test ends.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("crosscheck-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  /// Writes `content` to `name` in the directory and returns its path.
  std::string write(const std::string& name, const std::string& content) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string path(const std::string& name = "") const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

inline std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Single-quotes a word for /bin/sh.
inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

/// Runs the checker with `args` (already shell-quoted where needed), with
/// `env` prefixed (e.g. "LC_ALL=C TZ=UTC").
inline Run run_checker(const std::string& args, const std::string& env = "") {
  ScratchDir dir;
  const std::string out = dir.path("stdout"), err = dir.path("stderr");
  const std::string command = (env.empty() ? "" : "env " + env + " ") +
                              shell_quote(CROSSCHECK_BINARY) + " " + args + " >" +
                              shell_quote(out) + " 2>" + shell_quote(err);
  const int raw = std::system(command.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  r.out = read_all(out);
  r.err = read_all(err);
  return r;
}

}  // namespace test_support

#endif  // CROSSCHECK_TESTS_RUN_SUPPORT_H_
