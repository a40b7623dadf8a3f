#include "text/segment.h"

#include <doctest/doctest.h>

using crosscheck::internal::segment;

namespace {

std::vector<std::string> sentence_texts(std::string_view text) {
  auto layer = segment(text);
  std::vector<std::string> out;
  for (auto s : layer.sentences) out.emplace_back(layer.span_text(s));
  return out;
}

}  // namespace

TEST_CASE("sentences do not break after titles and abbreviations") {
  SUBCASE("Mr without a dot") {
    auto s = sentence_texts("Mr Stoltenberg said the move would help. He left.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "Mr Stoltenberg said the move would help.");
  }
  SUBCASE("U.S. and Mr.") {
    auto s = sentence_texts("The U.S. military said Mr. Smith arrived. Talks followed.");
    REQUIRE(s.size() == 2);
    CHECK(s[1] == "Talks followed.");
  }
  SUBCASE("line breaks separate headlines") {
    auto s = sentence_texts("NATO Expands Presence\nOn September 16, 2025, NATO opened an office.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "NATO Expands Presence");
  }
}

TEST_CASE("tokens carry byte offsets into UTF-8 text") {
  auto layer = segment("NATO’s office – in Amman.");
  REQUIRE(!layer.tokens.empty());
  CHECK(layer.token_text(0) == "NATO’s");
  CHECK(layer.tokens.back().kind == crosscheck::internal::Token::Kind::kPunct);
  for (const auto& t : layer.tokens) CHECK(t.sentence == 0);
}
