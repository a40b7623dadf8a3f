// The phrase vocabulary, interned document tokens and id-based phrase tables
// (lib/annotate/quantity/token_phrases.h).
#include "annotate/quantity/token_phrases.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "data/embedded.h"

using namespace crosscheck::internal;

TEST_CASE("a vocabulary gives each distinct word one id and 0 to others") {
  PhraseVocabulary v({"open", "office", "open", "'s", "a"});
  CHECK(v.size() == 5);  // kUnknown + 4 distinct words
  const std::uint32_t open = v.id("open");
  CHECK(open != PhraseVocabulary::kUnknown);
  CHECK(v.id("office") != open);
  CHECK(v.word(open) == "open");
  CHECK(v.id("opened") == PhraseVocabulary::kUnknown);
  CHECK(v.id("Open") == PhraseVocabulary::kUnknown);  // words are normalised first
  CHECK(v.id("") == PhraseVocabulary::kUnknown);
  CHECK(v.id(std::string(200, 'a')) == PhraseVocabulary::kUnknown);
  CHECK(v.id("open", PhraseVocabulary::hash("open")) == open);
}

TEST_CASE("every phrase-table word is in the built-in vocabulary") {
  const PhraseVocabulary& v = PhraseVocabulary::instance();
  std::size_t count = 0;
  const EmbeddedFile* files = embedded_files(&count);
  std::size_t tables = 0;
  for (std::size_t f = 0; f < count; ++f) {
    std::string_view name = files[f].name;
    if (!name.ends_with(".tsv") || !(name.starts_with("claims/") || name.starts_with("quantity/")))
      continue;
    ++tables;
    PhraseTable table(name);  // throws if a word is missing
    for (const PhraseTable::Entry& e : table.entries()) {
      REQUIRE(e.ids.size() == e.words.size());
      for (std::size_t k = 0; k < e.words.size(); ++k) CHECK(v.word(e.ids[k]) == e.words[k]);
    }
  }
  CHECK(tables > 10);
}

TEST_CASE("normalised tokens: lower case, curly apostrophes, possessives, ids") {
  std::string text = "NATO\u2019s Office opened; the Jordan's plans";
  TextLayer layer = segment(text);
  NormalisedTokens n = normalise_tokens(layer);
  REQUIRE(n.words.size() == layer.tokens.size());
  REQUIRE(n.ids.size() == layer.tokens.size());
  std::vector<std::string> words(n.words.begin(), n.words.end());
  CHECK(words ==
        std::vector<std::string>{"nato", "office", "opened", ";", "the", "jordan", "plans"});
  CHECK(std::vector<std::uint8_t>(n.possessive.begin(), n.possessive.end()) ==
        std::vector<std::uint8_t>{1, 0, 0, 0, 0, 1, 0});
  const PhraseVocabulary& v = PhraseVocabulary::instance();
  for (std::size_t i = 0; i < n.words.size(); ++i) {
    CHECK(n.ids[i] == v.id(n.words[i]));
    CHECK(n.hashes[i] == PhraseVocabulary::hash(n.words[i]));
  }
  CHECK(n.ids[4] != PhraseVocabulary::kUnknown);  // "the" is a function word
  // The views survive a move (they point into the text or a heap buffer).
  NormalisedTokens moved = std::move(n);
  CHECK(moved.words[0] == "nato");
  CHECK(moved.words[5] == "jordan");
}

TEST_CASE("normalised tokens written into a reused object equal fresh ones") {
  // A long document with curly apostrophes (lower-cased copies), then a
  // short one, then a short-string text (copied), all into one object.
  std::string long_text =
      "The Alliance\u2019s Secretary-General\u2019s office said Jordan's "
      "NATO-ICI partners met in Amman on 3 May; the states' plans stand.";
  std::string short_text = "Ministers\u2019 talks";
  std::string tiny_text = "NATO's";
  NormalisedTokens reused;
  for (const std::string* text : {&long_text, &short_text, &tiny_text, &long_text}) {
    TextLayer layer = segment(*text);
    normalise_tokens(layer, reused);
    NormalisedTokens fresh = normalise_tokens(layer);
    REQUIRE(reused.words.size() == layer.tokens.size());
    CHECK(reused.words == fresh.words);
    CHECK(reused.ids == fresh.ids);
    CHECK(reused.hashes == fresh.hashes);
    CHECK(reused.possessive == fresh.possessive);
  }
}

TEST_CASE("a reused object that grows back over stale numbers writes every one") {
  // The numbers' vectors are not zeroed when they grow: a short document
  // after a long one, then a longer one still (past the capacity), each
  // element must be this document's, possessive flags of 0 included.
  const std::string long_text = "the states' plans and NATO's 'Office' of the Jordan's";
  const std::string short_text = "plans";
  const std::string longer_text = long_text + " rates rose " + long_text + " week\u2019s end";
  NormalisedTokens reused;
  for (const std::string* text : {&long_text, &short_text, &longer_text, &short_text, &long_text}) {
    TextLayer layer = segment(*text);
    normalise_tokens(layer, reused);
    NormalisedTokens fresh = normalise_tokens(layer);
    REQUIRE(reused.ids.size() == layer.tokens.size());
    REQUIRE(reused.hashes.size() == layer.tokens.size());
    REQUIRE(reused.possessive.size() == layer.tokens.size());
    CHECK(reused.words == fresh.words);
    CHECK(reused.ids == fresh.ids);
    CHECK(reused.hashes == fresh.hashes);
    CHECK(reused.possessive == fresh.possessive);
    for (std::size_t i = 0; i < layer.tokens.size(); ++i) {
      CHECK(reused.possessive[i] <= 1);
      CHECK(reused.hashes[i] == PhraseVocabulary::hash(reused.words[i]));
    }
  }
}

TEST_CASE("phrase tables match the longest phrase on ids, like the words") {
  PhraseTable lifecycle("claims/lifecycle.tsv");
  PhraseTable function_words("claims/function_words.tsv");
  REQUIRE(!lifecycle.entries().empty());
  // Every phrase of the table matches itself as document text, with its full length.
  for (const PhraseTable::Entry& e : lifecycle.entries()) {
    std::string phrase;
    for (const std::string& w : e.words) phrase += (phrase.empty() ? "" : " ") + w;
    TextLayer layer = segment(phrase);
    NormalisedTokens n = normalise_tokens(layer);
    auto m = lifecycle.match(n, 0, n.ids.size());
    REQUIRE(m);
    CHECK(m.length >= e.words.size());
    CHECK(!lifecycle.match(n, 0, 0));  // nothing past `end`
  }
  TextLayer layer = segment("the zyxwv");
  NormalisedTokens n = normalise_tokens(layer);
  CHECK(function_words.find_id(n.ids[0]) == function_words.find_word("the"));
  CHECK(function_words.find_id(n.ids[0]) != nullptr);
  CHECK(function_words.find_id(n.ids[1]) == nullptr);
  CHECK(!function_words.starts_phrase(PhraseVocabulary::kUnknown));
}

TEST_CASE("the vocabulary and tables are read-only: concurrent use agrees") {
  std::string text = "The office will open in Amman, officials said, and the NATO office opened.";
  TextLayer layer = segment(text);
  PhraseTable lifecycle("claims/lifecycle.tsv");
  auto run = [&] {
    NormalisedTokens n = normalise_tokens(layer);
    std::vector<std::size_t> lengths;
    for (std::size_t i = 0; i < n.ids.size(); ++i)
      lengths.push_back(lifecycle.match(n, i, n.ids.size()).length);
    return lengths;
  };
  std::vector<std::size_t> expected = run();
  std::vector<std::vector<std::size_t>> got(4);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < got.size(); ++k) threads.emplace_back([&, k] { got[k] = run(); });
  for (std::thread& t : threads) t.join();
  for (const auto& g : got) CHECK(g == expected);
  CHECK(std::count_if(expected.begin(), expected.end(), [](std::size_t l) { return l > 0; }) >= 2);
}

TEST_CASE("normalised tokens equal normalise_token of each token, however long or short") {
  // Words of one to over sixteen bytes, capitals in either eight-byte half,
  // curly and straight possessives (their apostrophe in either half), non-ASCII letters and
  // punctuation, and a last token that ends the text (the one-register path must not read past it).
  const std::string text =
      "A an THE Office OFFICES Counter-Terrorism INTERNATIONALISATION NATO\u2019s States' "
      "James's Amman\u2019 caf\u00e9 \u201cQuoted\u201d \u2014 ABCDEFGHij abcdefgHIJ "
      "x's Xx'S 12,000 $5m Alliance's COUNTRIES' abcdefg's abcdefgh's abcdefghijklmn's "
      "abcdefghijklmno's don't O'Neill ABCDEFGHIJKLMNOP abcdefghijklmnopq Z";
  TextLayer layer = segment(text);
  NormalisedTokens n = normalise_tokens(layer);
  REQUIRE(n.words.size() == layer.tokens.size());
  const PhraseVocabulary& v = PhraseVocabulary::instance();
  for (std::size_t i = 0; i < layer.tokens.size(); ++i) {
    std::string expected = normalise_token(layer.token_text(i));
    bool possessive = false;
    if (expected.size() > 2 && expected.ends_with("'s")) {
      expected.resize(expected.size() - 2);
      possessive = true;
    } else if (expected.size() > 1 && expected.ends_with("s'")) {
      expected.pop_back();
      possessive = true;
    }
    CAPTURE(layer.token_text(i));
    CHECK(n.words[i] == expected);
    CHECK(static_cast<bool>(n.possessive[i]) == possessive);
    CHECK(n.hashes[i] == PhraseVocabulary::hash(expected));
    CHECK(n.ids[i] == v.id(expected));
  }
  CHECK(n.ids[2] != PhraseVocabulary::kUnknown);  // "the"
  CHECK(n.words.back() == "z");
}

// The words are views of TextLayer::lower when it is on the heap, else of a
// copy of its own: either way they outlive a move of the layer, and a layer
// without `lower` (made by hand) gives the same words.
TEST_CASE("normalised tokens: the same words from a short, a long or a hand-made layer") {
  auto expected_words = [](const TextLayer& layer) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < layer.tokens.size(); ++i) {
      std::string w = normalise_token(layer.token_text(i));
      if (w.size() > 2 && w.ends_with("'s")) w.resize(w.size() - 2);
      out.push_back(w);
    }
    return out;
  };
  for (const std::string text : {std::string("Ab\u2019s"), std::string("NATO"),
                                 std::string("The NATO Office\u2019s staff said STATES' plans.")}) {
    CAPTURE(text);
    TextLayer layer = segment(text);
    const std::vector<std::string> expected = expected_words(layer);
    NormalisedTokens n = normalise_tokens(layer);
    TextLayer moved = std::move(layer);
    layer.lower.assign(32, 'y');  // the moved-from layer's buffer is reused
    CHECK(std::vector<std::string>(n.words.begin(), n.words.end()) == expected);
    TextLayer by_hand = moved;
    by_hand.lower.clear();
    NormalisedTokens own = normalise_tokens(by_hand);
    CHECK(std::vector<std::string>(own.words.begin(), own.words.end()) == expected);
    CHECK(own.ids == n.ids);
    CHECK(own.hashes == n.hashes);
    CHECK(own.possessive == n.possessive);
  }
}

// normalise_tokens finds ids from the first probe of the vocabulary's table
// unless that slot is marked as passed over by a displaced word: every word of
// the vocabulary (displaced ones too) and near misses of each must still get
// the id that id() finds by probing.
TEST_CASE("normalised tokens find every vocabulary word and no near miss") {
  const PhraseVocabulary& v = PhraseVocabulary::instance();
  std::string text;
  std::vector<std::string> expected;
  for (std::uint32_t id = 1; id < v.size(); ++id) {
    const std::string word(v.word(id));
    TextLayer alone = segment(word);
    if (alone.tokens.size() != 1 || word.find('\'') != std::string::npos) continue;
    for (const std::string& w : {word, word + "q", word.substr(0, word.size() - 1) + "q"}) {
      if (segment(w).tokens.size() != 1) continue;  // "-" + "q"
      text += w + " ";
      expected.push_back(w);
    }
  }
  TextLayer layer = segment(text);
  NormalisedTokens n = normalise_tokens(layer);
  REQUIRE(n.words.size() == expected.size());
  std::size_t found = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(expected[i]);
    CHECK(n.words[i] == expected[i]);
    CHECK(n.ids[i] == v.id(expected[i]));
    found += n.ids[i] != PhraseVocabulary::kUnknown;
  }
  CHECK(found > 400);
}
