// The temporal tagger's fast paths: lexicon lookups, value formatting, the
// tokenizer's edge cases, and results independent of earlier documents and
// of other threads.
#include "annotate/time/time_lexicon.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "annotate/time/time_tagger.h"
#include "annotate/time/time_value.h"
#include "text/segment.h"
#include "util/date.h"

using crosscheck::TimeExpr;
using crosscheck::internal::CivilDate;
using crosscheck::internal::segment;
using crosscheck::internal::tag_times;
namespace time_ns = crosscheck::internal::time;

namespace {

std::vector<TimeExpr> tag(const std::string& text,
                          std::optional<CivilDate> anchor = CivilDate{2024, 7, 12}) {
  auto layer = segment(text);
  return tag_times(layer, anchor);
}

// "text=value" of every expression, in order.
std::string summary(const std::vector<TimeExpr>& times) {
  std::string out;
  for (const auto& t : times) {
    out += t.text + "=" + t.value + "@" + std::to_string(t.span.begin) + ";";
  }
  return out;
}

}  // namespace

TEST_CASE("lexicon lookups by length") {
  const auto& lex = time_ns::time_lexicon();
  SUBCASE("short, eight-byte and longer keys") {
    REQUIRE(lex.find("may") != nullptr);
    CHECK(lex.find("may")->month == 5);
    REQUIRE(lex.find("thursday") != nullptr);  // exactly eight bytes
    CHECK(lex.find("thursday")->weekday == 4);
    REQUIRE(lex.find("september") != nullptr);  // head and tail words overlap
    CHECK(lex.find("september")->month == 9);
    REQUIRE(lex.find("approximately") != nullptr);
    CHECK(lex.find("approximately")->approx == "APPROX");
  }
  SUBCASE("unknown words, prefixes and extensions of known ones") {
    CHECK(lex.find("") == nullptr);
    CHECK(lex.find("ma") == nullptr);
    CHECK(lex.find("mayo") == nullptr);
    CHECK(lex.find("septembers") == nullptr);
    CHECK(lex.find("thursdays")->weekday_plural == 4);
    CHECK(lex.find("approximatelyyyyyyyyyyyy") == nullptr);  // longer than any key
    CHECK(lex.find("zzzzzzzzzzzzzzzzzzzz") == nullptr);
  }
  SUBCASE("keys are lower case") { CHECK(lex.find("May") == nullptr); }
}

TEST_CASE("value strings are zero-padded like printf") {
  CHECK(time_ns::year_str(2024) == "2024");
  CHECK(time_ns::year_str(987) == "0987");
  CHECK(time_ns::year_str(0) == "0000");
  CHECK(time_ns::year_str(-5) == "-005");  // printf's "%04d"
  CHECK(time_ns::year_str(12345) == "12345");
  CHECK(time_ns::month_str(2024, 7) == "2024-07");
  CHECK(time_ns::month_str(2024, 12) == "2024-12");
  CHECK(time_ns::day_str({2024, 2, 9}) == "2024-02-09");
  CHECK(time_ns::day_str({33, 11, 30}) == "0033-11-30");
  CHECK(time_ns::quarter_str(2024, 3) == "2024-Q3");
  CHECK(time_ns::week_str(crosscheck::internal::days_from_civil({2024, 7, 12})) == "2024-W28");
  CHECK(time_ns::week_str(crosscheck::internal::days_from_civil({2021, 1, 3})) == "2020-W53");
}

TEST_CASE("tokenizer edge cases") {
  SUBCASE("a word at the very end of the text") {
    auto times = tag("They met on Thursday");
    REQUIRE(times.size() == 1);
    CHECK(times[0].text == "Thursday");
    CHECK(times[0].value == "2024-07-11");
  }
  SUBCASE("letter runs longer than eight bytes and mixed case") {
    auto times = tag("It ends in SEPTEMBER, says Representative Internationalisation.");
    REQUIRE(times.size() == 1);
    CHECK(times[0].text == "SEPTEMBER");
  }
  SUBCASE("non-breaking and typographic spaces separate words") {
    auto times =
        tag("It opened on September\xC2\xA0"
            "16,\xE2\x80\x89"
            "2025.");
    REQUIRE(times.size() == 1);
    CHECK(times[0].value == "2025-09-16");
  }
  SUBCASE("an apostrophe begins a decade only before two digits") {
    CHECK(summary(tag("Music of the '90s returned.")).find("'90s") != std::string::npos);
    auto times = tag("The company's plan, Reuters' story.");
    CHECK(times.empty());
  }
  SUBCASE("a very long digit run is no date and no crash") {
    std::string digits(400, '7');
    auto times = tag("The code " + digits + " appeared in 2019.");
    REQUIRE(times.size() == 1);
    CHECK(times[0].value == "2019");
  }
  SUBCASE("an expression after many words that begin none") {
    std::string text;
    for (int k = 0; k < 300; ++k) text += "Officials reviewed documents carefully ";
    text += "on Monday.";
    auto times = tag(text);
    REQUIRE(times.size() == 1);
    CHECK(times[0].text == "Monday");
    CHECK(times[0].span.begin == text.size() - 7);
  }
}

TEST_CASE("results do not depend on earlier documents or other threads") {
  const std::string small = "The vote was held on March 3, 2024, and again last week.";
  std::string large;
  for (int k = 0; k < 200; ++k) {
    large += "In 1998 the board met every Tuesday until the late '90s, at 10 a.m. EST. ";
  }
  const std::string expected = summary(tag(small));
  REQUIRE(!expected.empty());
  (void)tag(large);  // grows the reused buffers
  CHECK(summary(tag(small)) == expected);
  CHECK(summary(tag("")) == "");
  CHECK(summary(tag(small)) == expected);

  const std::string large_expected = summary(tag(large));
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      std::string s;
      for (int round = 0; round < 5; ++round) s = summary(tag(k % 2 ? small : large));
      got[k] = s;
    });
  }
  for (auto& t : threads) t.join();
  for (int k = 0; k < 4; ++k) CHECK(got[k] == (k % 2 ? expected : large_expected));
}
