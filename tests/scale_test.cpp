// What keeps check() fast and small on large runs without changing its output:
// the streaming JSON writer (byte-identical to nlohmann's dump), reports that
// keep only what they print (Options::keep_extractions = false), and quote
// divergences computed once per distinct pair of quotations.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>

#include "compare/compare.h"
#include "crosscheck/crosscheck.h"
#include "report/json_writer.h"

using namespace crosscheck;

namespace {

using Json = nlohmann::ordered_json;

// Writes a nlohmann value with the JsonWriter, member by member.
void write(internal::JsonWriter& w, const Json& v) {
  if (v.is_object()) {
    w.begin_object();
    for (const auto& [key, value] : v.items()) {
      w.dynamic_key(key);
      write(w, value);
    }
    w.end_object();
  } else if (v.is_array()) {
    w.begin_array();
    for (const Json& e : v) write(w, e);
    w.end_array();
  } else if (v.is_string()) {
    w.string(v.get_ref<const std::string&>());
  } else if (v.is_null()) {
    w.null();
  } else if (v.is_boolean()) {
    w.boolean(v.get<bool>());
  } else if (v.is_number_unsigned()) {
    w.unsigned_integer(v.get<std::uint64_t>());
  } else if (v.is_number_integer()) {
    w.integer(v.get<std::int64_t>());
  } else {
    w.real(v.get<double>());
  }
}

std::string with_writer(const Json& v, int indent) {
  std::string out;
  internal::JsonWriter w(out, indent);
  write(w, v);
  return out;
}

std::string with_nlohmann(const Json& v, int indent) {
  return v.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<Document> sample() {
  auto docs = read_inputs({std::string(CROSSCHECK_SOURCE_DIR) + "/examples/nato-amman.jsonl"});
  REQUIRE(docs.ok());
  return *docs;
}

}  // namespace

TEST_CASE("the JSON writer prints what nlohmann's dump prints") {
  Json v = Json::object();
  v["plain"] = "hello";
  v["escapes"] = std::string("quote \" backslash \\ tab \t nl \n cr \r ff \f bs \b ") +
                 std::string(1, '\x01') + std::string(1, '\x1f') + " del \x7f";
  v["utf8"] = "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80";
  v["invalid_utf8"] = std::string("bad \xC3 \xFF \xED\xA0\x80 \xF0\x9F\x98 end");
  v["truncated_utf8"] = std::string("cut \xE2\x80");
  v["empty_object"] = Json::object();
  v["empty_array"] = Json::array();
  v["nested"] = Json{{"a", Json::array({1, -2, nullptr, true, false})}, {"b", Json::object()}};
  v["numbers"] =
      Json::array({0.5, 2.3e9, 1e-7, -0.0, 123456789.125, 1e300, 3.0,
                   std::uint64_t{18446744073709551615ULL}, std::int64_t{-9223372036854775807LL}});
  v["strings"] = Json::array({"", "x", "\"", "\\"});
  for (int indent : {2, -1}) {
    CAPTURE(indent);
    CHECK(with_writer(v, indent) == with_nlohmann(v, indent));
  }
  CHECK(with_writer(Json::object(), 2) == "{}");
  CHECK(with_writer(Json::array(), 2) == "[]");
}

TEST_CASE("the JSON writer escapes long and random strings as nlohmann does") {
  // Strings long enough for the 16-byte scans, with the bytes to escape and
  // the non-ASCII ones (valid or not) at every position.
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"a",
                                           "word ",
                                           "\"",
                                           "\\",
                                           "\n",
                                           "\t",
                                           std::string(1, '\x01'),
                                           std::string(1, '\0'),
                                           "\x7f",
                                           "\xC3\xA9",
                                           "\xE2\x80\x9C",
                                           "\xF0\x9F\x98\x80",
                                           "\xC3",
                                           "\xED\xA0\x80",
                                           "\xFF",
                                           "0123456789abcdef"};
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) {
      // Mostly plain text, so that runs cross 16-byte blocks.
      std::size_t piece = rng() % 3 == 0 ? rng() % pieces.size() : rng() % 2 == 0 ? 1 : 15;
      s += pieces[piece];
    }
    CAPTURE(s);
    Json v = Json::array({s});
    REQUIRE(with_writer(v, -1) == with_nlohmann(v, -1));
  }
}

TEST_CASE("write_json streams the same bytes to_json returns") {
  auto report = check(sample());
  REQUIRE(report.ok());
  std::ostringstream streamed;
  write_json(*report, streamed);
  CHECK(streamed.str() == to_json(*report));
  // And it is the report nlohmann would have printed.
  auto parsed = Json::parse(streamed.str());
  CHECK(parsed.dump(2, ' ', false) + "\n" == streamed.str());
}

TEST_CASE("a report that keeps only what it prints renders the same") {
  const auto docs = sample();
  auto full = check(docs);
  Options lean_options;
  lean_options.keep_extractions = false;
  auto lean = check(docs, lean_options);
  REQUIRE(full.ok());
  REQUIRE(lean.ok());
  CHECK(to_json(*lean) == to_json(*full));
  CHECK(to_text(*lean) == to_text(*full));
  CHECK(to_html(*lean) == to_html(*full));
  CHECK(to_dot(*lean) == to_dot(*full));
  CHECK(to_graphml(*lean) == to_graphml(*full));
  CHECK(count_unresolved_contradictions(*lean) == count_unresolved_contradictions(*full));
  // What it dropped: each document's text and annotations; the claims are
  // in Report::claims only.
  REQUIRE(lean->extractions.size() == full->extractions.size());
  std::size_t full_claims = 0;
  for (std::size_t i = 0; i < lean->extractions.size(); ++i) {
    const Extraction& x = lean->extractions[i];
    CHECK(x.document.id == full->extractions[i].document.id);
    CHECK(x.document.published == full->extractions[i].document.published);
    CHECK(x.document.text.empty());
    CHECK(x.claims.empty());
    CHECK(x.entities.empty());
    CHECK(x.times.empty());
    full_claims += full->extractions[i].claims.size();
  }
  CHECK(full_claims > 0);
  CHECK(lean->claims.size() == full_claims);
}

TEST_CASE("quote divergences between copies of articles are found once per document pair") {
  // Two outlets quote one speaker's statement in different words; each article
  // is then copied under other ids. Every pair of documents that words it
  // differently is reported (the copies share cached comparisons), and copies
  // that quote it verbatim are not.
  const std::string a =
      "The minister said: \"We will open the new office in the capital next year, and it will "
      "serve the whole region.\"";
  const std::string b =
      "The minister said: \"We are going to open a new office in the capital next year, and it "
      "will serve the region.\"";
  std::vector<Document> docs;
  for (int copy = 0; copy < 3; ++copy) {
    for (const auto& [name, text] : {std::pair{"a", a}, std::pair{"b", b}}) {
      Document d;
      d.id = std::string(name) + std::to_string(copy);
      d.published = "2024-05-0" + std::to_string(copy + 1);
      d.text = text;
      docs.push_back(d);
    }
  }
  auto report = check(docs);
  REQUIRE(report.ok());
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const Finding& f : report->findings) {
    if (f.kind != "quote_divergence") continue;
    REQUIRE(f.documents.size() == 2);
    pairs.emplace_back(f.documents[0], f.documents[1]);
    CHECK(f.rule.find("reworded") != std::string::npos);
    CHECK(f.explanation.find("word diff (") == 0);
  }
  // a_i against b_j for every i, j (in document order), never a against a.
  std::vector<std::pair<std::string, std::string>> expected;
  const std::vector<std::string> order = {"a0", "b0", "a1", "b1", "a2", "b2"};
  for (std::size_t x = 0; x < order.size(); ++x) {
    for (std::size_t y = x + 1; y < order.size(); ++y) {
      if (order[x][0] != order[y][0]) expected.emplace_back(order[x], order[y]);
    }
  }
  CHECK(pairs == expected);
}
