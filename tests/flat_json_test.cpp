// The flat-object JSON reader: what it reads, what it leaves to nlohmann, and
// that whatever it reads is what nlohmann reads.
#include "ingest/flat_json.h"

#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "util/utf8.h"

using crosscheck::internal::FlatMember;
using crosscheck::internal::parse_flat_object;

namespace {

// Members by key, the last of duplicates kept (as a JSON object does);
// nullopt for null.
std::map<std::string, std::optional<std::string>> by_key(const std::vector<FlatMember>& members) {
  std::map<std::string, std::optional<std::string>> out;
  for (const FlatMember& m : members) {
    out[std::string(m.key)] = m.is_null ? std::nullopt : std::optional<std::string>(m.value);
  }
  return out;
}

// The same from nlohmann; false when it finds an error or a value that is
// neither a string nor null.
bool nlohmann_reads(const std::string& line,
                    std::map<std::string, std::optional<std::string>>& out) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  if (!j.is_object()) return false;
  for (auto& [key, value] : j.items()) {
    if (value.is_null()) {
      out[key] = std::nullopt;
    } else if (value.is_string()) {
      out[key] = value.get<std::string>();
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("flat objects of strings are read") {
  SUBCASE("plain") {
    auto m = parse_flat_object(R"({"id":"a","text":"Hello, world."})");
    REQUIRE(m);
    REQUIRE(m->size() == 2);
    CHECK((*m)[0].key == "id");
    CHECK((*m)[0].value == "a");
    CHECK((*m)[1].key == "text");
    CHECK((*m)[1].value == "Hello, world.");
  }
  SUBCASE("whitespace, null and the empty object") {
    auto m = parse_flat_object(" \t{ \"a\" :\tnull , \"b\": \"\" }\r");
    REQUIRE(m);
    REQUIRE(m->size() == 2);
    CHECK((*m)[0].is_null);
    CHECK_FALSE((*m)[1].is_null);
    CHECK((*m)[1].value.empty());
    auto empty = parse_flat_object("{}");
    REQUIRE(empty);
    CHECK(empty->empty());
  }
  SUBCASE("escapes") {
    auto m = parse_flat_object(R"({"t":"q\"b\\s\/\b\f\n\r\t"})");
    REQUIRE(m);
    CHECK((*m)[0].value == "q\"b\\s/\b\f\n\r\t");
  }
  SUBCASE("unicode escapes, surrogate pairs included") {
    auto m = parse_flat_object(R"({"t":"\u00e9\u20AC\ud83d\ude00\u0041"})");
    REQUIRE(m);
    CHECK((*m)[0].value ==
          "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
          "A");
  }
  SUBCASE("UTF-8 is copied as it is") {
    auto m = parse_flat_object("{\"t\":\"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D\"}");
    REQUIRE(m);
    CHECK((*m)[0].value == "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D");
  }
  SUBCASE("duplicates are kept in order") {
    auto m = parse_flat_object(R"({"a":"1","a":"2"})");
    REQUIRE(m);
    CHECK(by_key(*m).at("a") == "2");
  }
}

TEST_CASE("anything else is left to the full parser") {
  for (const char* line : {
           "",
           "[]",
           "\"a\"",
           "{\"a\":1}",
           "{\"a\":true}",
           "{\"a\":[\"x\"]}",
           "{\"a\":{\"b\":\"c\"}}",
           "{\"a\":\"b\"} x",
           "{\"a\":\"b\"}{}",
           "{\"a\":\"b\",}",
           "{,}",
           "{\"a\" \"b\"}",
           "{\"a\":\"b\" \"c\":\"d\"}",
           "{\"a\":\"b",
           "{\"a\":nul}",
           "{\"a\":nullx}",
           "{\"a\\u0062\":\"c\"}",
           "{\"a\":\"\\x\"}",
           "{\"a\":\"\\u12\"}",
           "{\"a\":\"\\u12g4\"}",
           "{\"a\":\"\\ud800\"}",
           "{\"a\":\"\\ud800\\u0041\"}",
           "{\"a\":\"\\udc00\"}",
           "{\"a\":\"tab\there\"}",
           "\xEF\xBB\xBF{\"a\":\"b\"}",
           "{'a':'b'}",
       }) {
    CAPTURE(line);
    CHECK_FALSE(parse_flat_object(line));
  }
}

// Random records and random damage to them: whenever the flat reader answers,
// nlohmann reads the same members; and every well-formed flat record is read.
TEST_CASE("the flat reader agrees with nlohmann") {
  std::mt19937 rng(20261123);
  const std::vector<std::string> pieces = {"a",
                                           "id",
                                           "text",
                                           " ",
                                           "\\\"",
                                           "\\\\",
                                           "\\n",
                                           "\\u00e9",
                                           "\\u20ac",
                                           "\\ud83d\\ude00",
                                           "\\/",
                                           "\xC3\xA9",
                                           "\xE2\x80\x9C",
                                           "\\t",
                                           "x y",
                                           "{",
                                           "}",
                                           "[",
                                           ":",
                                           ",",
                                           "null",
                                           "\\ud800",
                                           "\\udc00",
                                           "\\u0000"};
  const std::string damage = "{}[]:,\"\\ nul0123456789tfeE.-+\t\r\x01\xC3\xA9";
  std::size_t read = 0, checked = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string line = "{";
    int members = static_cast<int>(rng() % 4);
    for (int k = 0; k < members; ++k) {
      if (k) line += rng() % 8 == 0 ? " , " : ",";
      line += "\"" + pieces[rng() % 3] + "\":";
      if (rng() % 6 == 0) {
        line += "null";
      } else {
        line += "\"";
        int n = static_cast<int>(rng() % 5);
        for (int p = 0; p < n; ++p) line += pieces[rng() % 15];
        line += "\"";
      }
    }
    line += "}";
    bool damaged = rng() % 2 == 0;
    if (damaged) {
      int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits && !line.empty(); ++e) {
        std::size_t at = rng() % (line.size() + 1);
        switch (rng() % 3) {
          case 0:
            line.insert(at, 1, damage[rng() % damage.size()]);
            break;
          case 1:
            if (at < line.size()) line.erase(at, 1);
            break;
          default:
            line.insert(at, pieces[rng() % pieces.size()]);
        }
      }
    }
    // The caller only passes valid UTF-8.
    if (crosscheck::internal::find_invalid_utf8(line)) continue;
    ++checked;
    CAPTURE(line);
    auto flat = parse_flat_object(line);
    std::map<std::string, std::optional<std::string>> expected;
    bool full = nlohmann_reads(line, expected);
    // Undamaged records hold only what the flat reader takes.
    if (!damaged) CHECK(flat);
    if (flat) {
      ++read;
      REQUIRE(full);
      CHECK(by_key(*flat) == expected);
    }
  }
  CHECK(checked > 15000);
  CHECK(read > 5000);
}
