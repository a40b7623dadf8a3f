// Data files compiled into the library (see cmake/embed_data.cmake).
#ifndef CROSSCHECK_LIB_DATA_EMBEDDED_H_
#define CROSSCHECK_LIB_DATA_EMBEDDED_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace crosscheck::internal {

/// One embedded file: its path under lib/data and its bytes.
struct EmbeddedFile {
  std::string_view name;
  std::string_view bytes;
};

/// All embedded files, sorted by name (generated).
const EmbeddedFile* embedded_files(std::size_t* count);

/// The bytes of lib/data/`name` ("time/months.tsv"); empty when absent.
std::string_view data_file(std::string_view name);

/// Lines of a TSV data file split into fields; blank lines and lines starting
/// with '#' are skipped.
std::vector<std::vector<std::string_view>> data_tsv(std::string_view name);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_DATA_EMBEDDED_H_
