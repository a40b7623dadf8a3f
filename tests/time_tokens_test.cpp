// The temporal tagger's tokenizer at its edges: words of every length (the
// short-word and long-word lookups), expressions at the very end of the text
// (the lower-cased text's padding), sentences that end inside a word, marks
// and non-ASCII spaces.
#include <doctest/doctest.h>

#include <string>

#include "annotate/time/time_tagger.h"
#include "text/segment.h"
#include "util/date.h"

using crosscheck::Span;
using crosscheck::TimeExpr;
using crosscheck::internal::CivilDate;
using crosscheck::internal::segment;
using crosscheck::internal::tag_times;
using crosscheck::internal::TextLayer;

namespace {

std::vector<TimeExpr> tag(const std::string& text) {
  TextLayer layer = segment(text);
  return tag_times(layer, CivilDate{2024, 7, 12});
}

// The one expression tagged in `text`; fails the test unless there is exactly one.
TimeExpr only(const std::string& text) {
  auto times = tag(text);
  REQUIRE_MESSAGE(times.size() == 1, "text: " << text);
  return times.front();
}

}  // namespace

TEST_CASE("a date after a word of any length keeps its value and offsets") {
  // Words of up to seven letters are looked up from one 8-byte load, longer
  // ones by another path; both must leave the date that follows intact.
  for (std::size_t len : {1u, 2u, 6u, 7u, 8u, 9u, 15u, 16u, 17u, 24u, 63u, 64u, 65u, 130u}) {
    CAPTURE(len);
    std::string word(len, 'q');
    std::string text = "Mr " + word + " left on March 3, 2021, officials said.";
    TimeExpr t = only(text);
    CHECK(t.value == "2021-03-03");
    CHECK(t.text == "March 3, 2021");
    CHECK(t.span.begin == 3 + len + 9);
    // The same with the long word in capitals and touching a mark.
    std::string caps = "(" + std::string(len, 'Q') + ") left on March 3, 2021.";
    CHECK(only(caps).value == "2021-03-03");
  }
}

TEST_CASE("expressions at the very end of the text") {
  CHECK(only("The deal was signed March 3, 2021").value == "2021-03-03");
  CHECK(only("The deal was signed on Tuesday").value == "2024-07-09");
  CHECK(only("The deal was signed on Tuesday ").value == "2024-07-09");
  CHECK(only("Signed in 1999").value == "1999");
  CHECK(only("yesterday").value == "2024-07-11");
  CHECK(only("Tuesday").value == "2024-07-09");
  CHECK(tag("").empty());
  CHECK(tag(" ").empty());
  CHECK(tag("x").empty());
}

TEST_CASE("a sentence that ends inside a word splits the word there") {
  // segment() never does this, but a caller's layer may: no token, and so no
  // expression, spans the boundary, and nothing is read out of bounds.
  std::string text = "It rained on Tuesday and on Wednesday.";
  TextLayer layer = segment(text);
  std::size_t cut = text.find("Wednesday") + 3;  // "Wed" | "nesday"
  layer.sentences = {Span{0, cut}, Span{cut, text.size()}};
  auto times = tag_times(layer, CivilDate{2024, 7, 12});
  for (const TimeExpr& t : times) {
    CAPTURE(t.text);
    CHECK((t.span.end <= cut || t.span.begin >= cut));
  }
  REQUIRE(!times.empty());
  CHECK(times.front().text == "Tuesday");
  CHECK(times.front().value == "2024-07-09");
}

TEST_CASE("marks, apostrophes and non-ASCII spaces between words") {
  CHECK(only("Prices doubled in the \xE2\x80\x99"
             "90s.")
            .value == "199");
  CHECK(only("Prices doubled in the '90s.").value == "199");
  // A no-break space and a thin space separate words like a space.
  CHECK(only("Signed on\xC2\xA0Tuesday.").value == "2024-07-09");
  CHECK(only("Signed on\xE2\x80\x89Tuesday.").value == "2024-07-09");
  // Letters with accents are not ASCII letters: "caf\xC3\xA9" is two tokens.
  CHECK(only("The caf\xC3\xA9 opened on March 3, 2021.").value == "2021-03-03");
  CHECK(only("It opened 3/3/2021, they said.").value == "2021-03-03");
}
