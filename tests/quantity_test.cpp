#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "annotate/quantity/quantity_tagger.h"

using namespace crosscheck;
using namespace crosscheck::internal;

namespace {

std::vector<Quantity> tag(std::string_view text, const std::vector<TimeExpr>& times = {}) {
  TextLayer layer = segment(text);
  return tag_quantities(layer, times);
}

}  // namespace

TEST_CASE("counts with counted nouns") {
  auto q = tag("Hamas attacked Israel, killing 1,200 people.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].text == "1,200 people");
  CHECK(q[0].value == 1200);
  CHECK(q[0].low == 1200);
  CHECK(q[0].high == 1200);
  CHECK(q[0].unit == "people");
  CHECK(q[0].bound == "exact");
}

TEST_CASE("approximators become bounds") {
  SUBCASE("more than: at least N, open above") {
    auto q = tag("The campaign has killed more than 38,000 Palestinians.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].text == "more than 38,000 Palestinians");
    CHECK(q[0].bound == "at_least");
    CHECK(q[0].low == 38000);
    CHECK(std::isinf(q[0].high));
    CHECK(q[0].unit == "palestinians");
  }
  SUBCASE("at least one person (number words, singular noun normalised)") {
    auto q = tag("At least one person died.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].value == 1);
    CHECK(q[0].unit == "people");
    CHECK(q[0].bound == "at_least");
  }
  SUBCASE("about: ten percent either side") {
    auto q = tag("About 200 homes were destroyed.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].bound == "about");
    CHECK(q[0].low == doctest::Approx(180));
    CHECK(q[0].high == doctest::Approx(220));
  }
  SUBCASE("nearly: just under") {
    auto q = tag("It builds on nearly three decades of relations.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].value == 3);
    CHECK(q[0].unit == "decades");
    CHECK(q[0].bound == "at_most");
    CHECK(q[0].high == 3);
    CHECK(q[0].low < 3);
  }
  SUBCASE("up to") {
    auto q = tag("Up to 5,000 troops could be sent.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].bound == "at_most");
    CHECK(q[0].low == 0);
    CHECK(q[0].high == 5000);
  }
}

TEST_CASE("money, scale words and units") {
  SUBCASE("$2.3bn") {
    auto q = tag("UAE, Jordan sign $2.3bn agreement to build railways.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].text == "$2.3bn");
    CHECK(q[0].value == doctest::Approx(2.3e9));
    CHECK(q[0].unit == "USD");
  }
  SUBCASE("scale as a separate word") {
    auto q = tag("The fund holds 4.5 million euros.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].value == doctest::Approx(4.5e6));
    CHECK(q[0].unit == "EUR");
  }
  SUBCASE("magnitude") {
    auto q = tag("A 5.6 magnitude earthquake struck.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].value == doctest::Approx(5.6));
    CHECK(q[0].unit == "magnitude");
  }
  SUBCASE("a prefix of several tokens is written as one") {
    auto glued = tag("It cost US$5 million.");
    REQUIRE(glued.size() == 1);
    CHECK(glued[0].text == "US$5 million");
    auto apart = tag("The war cost us $1 billion.");
    REQUIRE(apart.size() == 1);
    CHECK(apart[0].text == "$1 billion");
    CHECK(apart[0].unit == "USD");
  }
  SUBCASE("percent") {
    auto q = tag("Turnout was 64.5 per cent.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].unit == "percent");
    CHECK(q[0].value == doctest::Approx(64.5));
  }
}

TEST_CASE("ranges") {
  SUBCASE("between A and B") {
    auto q = tag("Between 10 and 20 people were hurt.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].bound == "range");
    CHECK(q[0].low == 10);
    CHECK(q[0].high == 20);
    CHECK(q[0].unit == "people");
  }
  SUBCASE("A to B") {
    auto q = tag("It will cost $5bn to $7bn.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].bound == "range");
    CHECK(q[0].low == doctest::Approx(5e9));
    CHECK(q[0].high == doctest::Approx(7e9));
  }
}

TEST_CASE("numbers that are not quantities") {
  SUBCASE("years, ordinals and bare numbers") {
    CHECK(tag("The 2024 NATO Summit marked the 75th anniversary.").empty());
    CHECK(tag("It was founded in 1949 and rebuilt in 2017.").empty());
    CHECK(tag("The three-day summit ended.").empty());
  }
  SUBCASE("numbers inside time expressions are left to the times") {
    std::string text = "The talks lasted three days and 40 people attended.";
    TextLayer layer = segment(text);
    TimeExpr duration;
    duration.span = Span{text.find("three days"), text.find("three days") + 10};
    duration.type = "DURATION";
    duration.value = "P3D";
    auto q = tag_quantities(layer, {duration});
    REQUIRE(q.size() == 1);
    CHECK(q[0].value == 40);
  }
}

TEST_CASE("never crashes on odd input") {
  for (std::string text :
       {"", "$", "more than", "between 5 and", "1,2,3,4,5,6", "99999999999999999999999 people",
        "bn bn bn", "3.", ".5 people", "- 4 to - 2", "twenty - ", "at least"}) {
    CHECK_NOTHROW(tag(text));
  }
}

TEST_CASE("interned words given or made here: the same quantities") {
  const std::string text =
      "At least 1,200 people were killed and about 3,000 homes destroyed; the 7.8 magnitude "
      "quake cost $2.3bn, officials said, up 15 percent on 2 million euros.";
  TextLayer layer = segment(text);
  const std::vector<Quantity> own = tag_quantities(layer, {});
  const NormalisedTokens norm = normalise_tokens(layer);
  const std::vector<Quantity> given = tag_quantities(layer, {}, norm);
  REQUIRE(own.size() >= 4);
  REQUIRE(given.size() == own.size());
  for (std::size_t i = 0; i < own.size(); ++i) {
    CHECK(given[i].span.begin == own[i].span.begin);
    CHECK(given[i].span.end == own[i].span.end);
    CHECK(given[i].unit == own[i].unit);
    CHECK(given[i].bound == own[i].bound);
    CHECK(given[i].value == own[i].value);
  }
}
