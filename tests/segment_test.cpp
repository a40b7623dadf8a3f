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

TEST_CASE("news abbreviations and dates do not end sentences") {
  SUBCASE("U.S. before a lower-case word, Dec. and Jan. before a day") {
    auto s = sentence_texts(
        "The U.S. embassy opened on Dec. 14 and closed on Jan. 5, officials said. Talks resume.");
    REQUIRE(s.size() == 2);
    CHECK(s[1] == "Talks resume.");
  }
  SUBCASE("titles with and without a dot") {
    auto s = sentence_texts("Mrs May met Dr. Jones and Gen. Smith. Mr Stoltenberg spoke.");
    REQUIRE(s.size() == 2);
    CHECK(s[1] == "Mr Stoltenberg spoke.");
  }
  SUBCASE("a sentence ending in U.S. still ends") {
    auto s = sentence_texts("He moved to the U.S. He stayed there.");
    CHECK(s.back() == "He stayed there.");
  }
}

TEST_CASE("a middle initial in a name does not end a sentence") {
  SUBCASE("a first name, an initial and a surname") {
    auto s = sentence_texts(
        "On Wednesday, the director, James B. Comey, said so. Donald J. Trump replied. He left.");
    REQUIRE(s.size() == 3);
    CHECK(s[0] == "On Wednesday, the director, James B. Comey, said so.");
    CHECK(s[1] == "Donald J. Trump replied.");
  }
  SUBCASE("an initial before a word that opens sentences, or a line break, still ends one") {
    auto s = sentence_texts("They chose Plan B. That failed. We met Group C.\nScotland won.");
    REQUIRE(s.size() == 4);
    CHECK(s[0] == "They chose Plan B.");
    CHECK(s[2] == "We met Group C.");
  }
  SUBCASE("two initials written together, and a surname with an apostrophe") {
    auto s = sentence_texts(
        "Former President George H.W. Bush said so. The U.S. attorney, Denise E. O'Donnell, "
        "agreed. Beto O\xe2\x80\x99Rourke replied.");
    REQUIRE(s.size() == 3);
    CHECK(s[0] == "Former President George H.W. Bush said so.");
    CHECK(s[1] == "The U.S. attorney, Denise E. O'Donnell, agreed.");
  }
  SUBCASE("an abbreviation after a comma is no pair of initials") {
    auto s = sentence_texts("He flew to Washington, D.C. Police met him there.");
    REQUIRE(s.size() == 2);
    CHECK(s[1] == "Police met him there.");
  }
  SUBCASE("an acronym at the end of a sentence is no initial") {
    auto s = sentence_texts("He works at the FBI. Comey said so.");
    REQUIRE(s.size() == 2);
    CHECK(s[1] == "Comey said so.");
  }
}

TEST_CASE("quotations") {
  SUBCASE("a comma inside the closing quote continues the sentence") {
    auto s = sentence_texts("\xe2\x80\x9cWe are ready,\xe2\x80\x9d Mr Stoltenberg said. He left.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "\xe2\x80\x9cWe are ready,\xe2\x80\x9d Mr Stoltenberg said.");
  }
  SUBCASE("a full stop inside the closing quote ends it, quote mark included") {
    auto s = sentence_texts("He said: \"It is done.\" Then he left.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "He said: \"It is done.\"");
  }
}

TEST_CASE("line structure") {
  SUBCASE("a headline and a dateline on their own lines") {
    auto s = sentence_texts("NATO opens office in Amman\n\nJuly 12, 2024\n\nThe alliance said so.");
    REQUIRE(s.size() == 3);
    CHECK(s[0] == "NATO opens office in Amman");
    CHECK(s[1] == "July 12, 2024");
  }
  SUBCASE("CRLF, CR and LF line ends all separate lines; offsets stay byte offsets") {
    const std::string text = "Headline one\r\nHeadline two\rHeadline three\nBody text.";
    auto layer = segment(text);
    REQUIRE(layer.sentences.size() == 4);
    CHECK(layer.span_text(layer.sentences[0]) == "Headline one");
    CHECK(layer.span_text(layer.sentences[1]) == "Headline two");
    CHECK(layer.span_text(layer.sentences[2]) == "Headline three");
    CHECK(layer.sentences[3].begin == text.find("Body"));
  }
}

TEST_CASE("every token lies inside its sentence") {
  auto layer = segment(
      "First one. \xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 text, 3.5 km!\nLast");
  REQUIRE(layer.sentence_tokens.size() == layer.sentences.size() + 1);
  for (std::size_t i = 0; i < layer.sentences.size(); ++i) {
    for (auto t = layer.sentence_tokens[i]; t < layer.sentence_tokens[i + 1]; ++t) {
      CHECK(layer.tokens[t].sentence == i);
      CHECK(layer.tokens[t].begin >= layer.sentences[i].begin);
      CHECK(layer.tokens[t].end <= layer.sentences[i].end);
    }
  }
}

TEST_CASE("text without punctuation is cut into bounded sentences at white space") {
  std::string text;
  while (text.size() < 50000) text += "the committee said the office would open ";
  auto layer = segment(text);
  REQUIRE(layer.sentences.size() > 10);
  std::size_t previous_end = 0;
  for (const auto& s : layer.sentences) {
    CHECK(s.end - s.begin <= 4096);
    CHECK(s.begin >= previous_end);
    CHECK(text[s.begin] != ' ');
    CHECK(text[s.end - 1] != ' ');
    previous_end = s.end;
  }
  // No white space at all: cut between code points.
  std::string word;
  while (word.size() < 10000) word += "\xc3\xa9";
  auto w = segment(word);
  REQUIRE(w.sentences.size() == 3);
  for (const auto& s : w.sentences)
    CHECK((static_cast<unsigned char>(word[s.begin]) & 0xC0) != 0x80);
}

TEST_CASE("sentence_at gives the last sentence beginning at or before an offset") {
  const std::string text =
      "  First one here. Second one! Third?\n\nFourth line\nFifth. Sixth one. Seventh.";
  const auto layer = segment(text);
  REQUIRE(layer.sentences.size() == 7);
  for (std::size_t offset = 0; offset <= text.size() + 3; ++offset) {
    std::size_t expected = 0;
    for (std::size_t i = 0; i < layer.sentences.size(); ++i) {
      if (layer.sentences[i].begin <= offset) expected = i;
    }
    CAPTURE(offset);
    CHECK(layer.sentence_at(offset) == expected);
  }
  CHECK(segment("").sentence_at(5) == 0);
  CHECK(segment("One.").sentence_at(0) == 0);
}
