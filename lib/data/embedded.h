// Data files compiled into the library (see cmake/embed_data.cmake).
#ifndef CROSSCHECK_LIB_DATA_EMBEDDED_H_
#define CROSSCHECK_LIB_DATA_EMBEDDED_H_

#include <cstddef>
#include <optional>
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

/// A TSV row shorter than a loader needs: its line number and fields.
struct ShortRow {
  std::size_t line = 0;
  std::vector<std::string_view> fields;
};

/// The lines of TSV `bytes` split into fields, skipping blank lines and lines
/// starting with '#'; rows with fewer than `min_fields` fields go to `short_rows`.
std::vector<std::vector<std::string_view>> parse_tsv(std::string_view bytes, std::size_t min_fields,
                                                     std::vector<ShortRow>* short_rows);

/// The line number (from 1) at which `field` starts within `bytes`, or 0 if
/// the field does not point into them.
std::size_t line_of_field(std::string_view bytes, std::string_view field);

/// Lines of a TSV data file split into fields; blank lines and lines starting
/// with '#' are skipped. A row with fewer than `min_fields` fields, or a file
/// that is not embedded, is reported to data_problems() and yields nothing.
std::vector<std::vector<std::string_view>> data_tsv(std::string_view name,
                                                    std::size_t min_fields = 1);

/// A data field that is a whole decimal number ("-3", "12"), else nullopt.
std::optional<int> data_int(std::string_view field);

/// Records that a loader could not use `row` of data file `name` (an unknown
/// class, a bad number), with the row's line number.
void report_data_row(std::string_view name, const std::vector<std::string_view>& row,
                     std::string_view why);

/// "file:line: why" for every row or file a loader could not use so far,
/// sorted. Data is compiled in, so this is a build's defect: a test keeps it
/// empty after running every loader.
std::vector<std::string> data_problems();

/// The embedded files read so far through data_file() or data_tsv(), sorted.
std::vector<std::string> data_files_read();

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_DATA_EMBEDDED_H_
