#include "util/string_index.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "annotate/lexicon.h"

using crosscheck::internal::AliasKeyInfo;
using crosscheck::internal::Lexicon;
using crosscheck::internal::short_string_hash;
using crosscheck::internal::StringIndex;

TEST_CASE("StringIndex: finds what was inserted, nothing else, across growth and copies") {
  StringIndex<int> index;
  CHECK(index.find("anything") == nullptr);
  CHECK(index.find("") == nullptr);
  std::map<std::string, int> expected;
  // Keys of every length around the hash's 8-byte steps, and the empty key.
  for (int i = 0; i < 3000; ++i) {
    std::string key = std::string(static_cast<std::size_t>(i % 19), 'a') + std::to_string(i);
    auto [value, inserted] = index.try_emplace(key);
    CHECK(inserted);
    *value = i;
    expected[key] = i;
  }
  auto [empty, inserted_empty] = index.try_emplace("");
  CHECK(inserted_empty);
  *empty = -1;
  expected[""] = -1;
  CHECK(index.size() == expected.size());
  StringIndex<int> copy = index;  // keys are offsets, so a copy stands alone
  for (const auto& [key, value] : expected) {
    const int* found = index.find(key);
    REQUIRE(found != nullptr);
    CHECK(*found == value);
    CHECK(*copy.find(key, short_string_hash(key)) == value);
    auto [again, inserted] = index.try_emplace(key);
    CHECK_FALSE(inserted);
    CHECK(*again == value);
  }
  for (std::string absent : {"b", "a1x", "zzzzzzzzzzzzzzzzzzzzzz", "aaaa3001", "\xE2\x80\x99"}) {
    CHECK(index.find(absent) == nullptr);
  }
  CHECK(index.values().size() == expected.size());
  CHECK(index.values().front() == 0);  // insertion order
}

TEST_CASE("StringIndex::clear empties the index for reuse, keeping its storage") {
  StringIndex<int> index;
  index.clear();  // (an empty index, never used)
  CHECK(index.size() == 0);
  for (int i = 0; i < 100; ++i) *index.try_emplace("key" + std::to_string(i)).first = i;
  const std::size_t held = index.capacity_bytes();
  CHECK(held > 0);
  index.clear();
  CHECK(index.size() == 0);
  CHECK(index.values().empty());
  CHECK(index.capacity_bytes() >= held);
  for (int i = 0; i < 100; ++i) CHECK(index.find("key" + std::to_string(i)) == nullptr);
  // Reused: keys old and new are inserted afresh and found with their new values.
  auto [value, inserted] = index.try_emplace("key7");
  CHECK(inserted);
  *value = 70;
  *index.try_emplace("other").first = 1;
  CHECK(*index.find("key7") == 70);
  CHECK(*index.find("other") == 1);
  CHECK(index.find("key8") == nullptr);
  CHECK(index.size() == 2);
}

TEST_CASE("short_string_hash: equal strings hash equal whatever their storage") {
  std::string a = "secretarygeneral";
  std::string b = std::string("xx") + "secretarygeneral";
  CHECK(short_string_hash(a) == short_string_hash(std::string_view(b).substr(2)));
  CHECK(short_string_hash("nato") != short_string_hash("natO"));
  CHECK(short_string_hash("ab") != short_string_hash("ba"));
}

TEST_CASE("Lexicon: alias keys and their prefixes, for matchers that stop early") {
  auto lexicon = Lexicon::builtin();
  // "NATO" is an alias; its key and each prefix of it are in the index.
  const AliasKeyInfo* nato = lexicon->find_alias_prefix("nato");
  REQUIRE(nato != nullptr);
  CHECK_FALSE(nato->hits.empty());
  CHECK(lexicon->find_alias("nato") == &nato->hits);
  const AliasKeyInfo* na = lexicon->find_alias_prefix("na");
  REQUIRE(na != nullptr);
  // A prefix that is no alias itself has no hits, and find_alias says so.
  const AliasKeyInfo* nat = lexicon->find_alias_prefix("nat");
  REQUIRE(nat != nullptr);
  if (nat->hits.empty()) CHECK(lexicon->find_alias("nat") == nullptr);
  // Nothing starts with this: a matcher can stop at the first word.
  CHECK(lexicon->find_alias_prefix("qqqxz") == nullptr);
  CHECK(lexicon->find_alias("qqqxz") == nullptr);

  // User lexicons extend the index (and its prefixes) of their own Lexicon only.
  auto user = Lexicon::build({R"({"entities": [{"id": "org:zyxwv", "name": "Zyxwv Holdings"}]})"});
  REQUIRE(user);
  CHECK((*user)->find_alias_prefix("zyxwvhold") != nullptr);
  CHECK((*user)->find_alias("zyxwvholdings") != nullptr);
  CHECK(lexicon->find_alias_prefix("zyxwv") == nullptr);
}

TEST_CASE("Lexicon::write_key equals key() and append_key()") {
  for (std::string phrase : {"Co-operation", "U.N.", "NATO\xE2\x80\x99s", "Zürich", "", "a b-c",
                             "\xE2\x80\x94" "dash", "X\xE2\x80"}) {
    std::string written(phrase.size(), '\0');
    char* end = Lexicon::write_key(phrase, written.data());
    written.resize(static_cast<std::size_t>(end - written.data()));
    CHECK(written == Lexicon::key(phrase));
    std::string appended = "pre";
    Lexicon::append_key(phrase, appended);
    CHECK(appended == "pre" + Lexicon::key(phrase));
  }
  CHECK(Lexicon::key("Co-operation") == "cooperation");
  CHECK(Lexicon::key("U.N.") == "un");
  CHECK(Lexicon::key("NATO\xE2\x80\x99s") == "natos");
}
