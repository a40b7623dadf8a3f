// The data files compiled into the library: every one is read, and every row
// of them is understood by the loader that reads it.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "crosscheck/crosscheck.h"
#include "data/embedded.h"

using namespace crosscheck::internal;

TEST_CASE("every embedded data file is read, and no loader finds a row it cannot use") {
  // A check of the sample corpus runs every stage, and so every loader.
  auto documents =
      crosscheck::read_inputs({std::string(CROSSCHECK_SOURCE_DIR) + "/examples/nato-amman.jsonl"});
  REQUIRE(documents);
  auto report = crosscheck::check(*documents);
  REQUIRE(report);
  REQUIRE(!report->findings.empty());

  std::vector<std::string> before = data_problems();
  std::string problems;
  for (const std::string& p : before) problems += p + "\n";
  CHECK_MESSAGE(problems.empty(), problems);

  std::vector<std::string> read = data_files_read();
  std::size_t count = 0;
  const EmbeddedFile* files = embedded_files(&count);
  REQUIRE(count > 40);
  for (std::size_t f = 0; f < count; ++f) {
    CAPTURE(files[f].name);
    CHECK(std::binary_search(read.begin(), read.end(), std::string(files[f].name)));
  }

  // Asking for a file that is not embedded is reported, not an empty table.
  CHECK(data_tsv("time/no-such-file.tsv").empty());
  std::vector<std::string> after = data_problems();
  CHECK(after.size() == before.size() + 1);
  CHECK(std::count(after.begin(), after.end(), "time/no-such-file.tsv: no such data file") == 1);
}

TEST_CASE("TSV rows: comments and blank lines skipped, short rows set aside with their line") {
  const std::string bytes =
      "# a comment\n"
      "one\ttwo\tthree\n"
      "\n"
      "short\tpair\r\n"
      "four\tfive\tsix\n"
      "alone";
  std::vector<ShortRow> short_rows;
  auto rows = parse_tsv(bytes, 3, &short_rows);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == std::vector<std::string_view>{"one", "two", "three"});
  CHECK(rows[1] == std::vector<std::string_view>{"four", "five", "six"});
  REQUIRE(short_rows.size() == 2);
  CHECK(short_rows[0].line == 4);
  CHECK(short_rows[0].fields == std::vector<std::string_view>{"short", "pair"});
  CHECK(short_rows[1].line == 6);
  CHECK(short_rows[1].fields == std::vector<std::string_view>{"alone"});
  // A field's line is found from where it points into the bytes.
  CHECK(line_of_field(bytes, rows[1][1]) == 5);
  CHECK(line_of_field(bytes, std::string_view("elsewhere")) == 0);
  // Every row is kept when one field is enough.
  CHECK(parse_tsv(bytes, 1, nullptr).size() == 4);
}

TEST_CASE("numbers in data fields are whole decimal numbers") {
  CHECK(data_int("12") == 12);
  CHECK(data_int("-3") == -3);
  CHECK(!data_int(""));
  CHECK(!data_int("7a"));
  CHECK(!data_int("one"));
}
