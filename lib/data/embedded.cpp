#include "data/embedded.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>

namespace crosscheck::internal {
namespace {

// What the loaders read and could not use. Loaders run once each, lazily and
// possibly on several worker threads at the same time, hence the lock.
struct DataLog {
  std::mutex mutex;
  std::set<std::string> read;
  std::set<std::string> problems;
};

DataLog& data_log() {
  static DataLog log;
  return log;
}

void log_problem(std::string problem) {
  DataLog& log = data_log();
  std::lock_guard lock(log.mutex);
  log.problems.insert(std::move(problem));
}

// "file:line: why".
void log_row_problem(std::string_view name, std::size_t line, std::string_view why) {
  log_problem(std::string(name) + ":" + std::to_string(line) + ": " + std::string(why));
}

const EmbeddedFile* find_file(std::string_view name) {
  std::size_t count = 0;
  const EmbeddedFile* files = embedded_files(&count);
  const EmbeddedFile* end = files + count;
  const EmbeddedFile* it = std::lower_bound(
      files, end, name, [](const EmbeddedFile& f, std::string_view n) { return f.name < n; });
  return it != end && it->name == name ? it : nullptr;
}

}  // namespace

std::string_view data_file(std::string_view name) {
  const EmbeddedFile* file = find_file(name);
  if (!file) {
    log_problem(std::string(name) + ": no such data file");
    return {};
  }
  DataLog& log = data_log();
  std::lock_guard lock(log.mutex);
  log.read.emplace(name);
  return file->bytes;
}

std::vector<std::vector<std::string_view>> parse_tsv(std::string_view bytes, std::size_t min_fields,
                                                     std::vector<ShortRow>* short_rows) {
  std::vector<std::vector<std::string_view>> rows;
  std::string_view rest = bytes;
  for (std::size_t line_number = 1; !rest.empty(); ++line_number) {
    std::size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    for (std::size_t start = 0;;) {
      std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields.size() < min_fields) {
      if (short_rows) short_rows->push_back({line_number, std::move(fields)});
      continue;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

std::size_t line_of_field(std::string_view bytes, std::string_view field) {
  // Compare addresses as integers: the field may point anywhere.
  auto at = reinterpret_cast<std::uintptr_t>(field.data());
  auto begin = reinterpret_cast<std::uintptr_t>(bytes.data());
  if (at < begin || at > begin + bytes.size()) return 0;
  return 1 + static_cast<std::size_t>(std::count(bytes.data(), bytes.data() + (at - begin), '\n'));
}

std::vector<std::vector<std::string_view>> data_tsv(std::string_view name, std::size_t min_fields) {
  std::vector<ShortRow> short_rows;
  auto rows = parse_tsv(data_file(name), min_fields, &short_rows);
  for (const ShortRow& r : short_rows) {
    log_row_problem(
        name, r.line,
        std::to_string(r.fields.size()) + " fields, " + std::to_string(min_fields) + " needed");
  }
  return rows;
}

std::optional<int> data_int(std::string_view field) {
  int value = 0;
  const char* end = field.data() + field.size();
  auto [at, ec] = std::from_chars(field.data(), end, value);
  if (field.empty() || ec != std::errc() || at != end) return std::nullopt;
  return value;
}

void report_data_row(std::string_view name, const std::vector<std::string_view>& row,
                     std::string_view why) {
  // The row's fields point into the embedded bytes: their offset gives the line.
  const EmbeddedFile* file = find_file(name);
  std::size_t line = file && !row.empty() ? line_of_field(file->bytes, row.front()) : 0;
  log_row_problem(name, line, why);
}

std::vector<std::string> data_problems() {
  DataLog& log = data_log();
  std::lock_guard lock(log.mutex);
  return {log.problems.begin(), log.problems.end()};
}

std::vector<std::string> data_files_read() {
  DataLog& log = data_log();
  std::lock_guard lock(log.mutex);
  return {log.read.begin(), log.read.end()};
}

}  // namespace crosscheck::internal
