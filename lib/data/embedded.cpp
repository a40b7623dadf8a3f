#include "data/embedded.h"

#include <algorithm>

namespace crosscheck::internal {

std::string_view data_file(std::string_view name) {
  std::size_t count = 0;
  const EmbeddedFile* files = embedded_files(&count);
  const EmbeddedFile* end = files + count;
  const EmbeddedFile* it = std::lower_bound(
      files, end, name, [](const EmbeddedFile& f, std::string_view n) { return f.name < n; });
  return it != end && it->name == name ? it->bytes : std::string_view();
}

std::vector<std::vector<std::string_view>> data_tsv(std::string_view name) {
  std::vector<std::vector<std::string_view>> rows;
  std::string_view rest = data_file(name);
  while (!rest.empty()) {
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
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace crosscheck::internal
