// Temporal tagger: recognition, TIMEX3 normalisation, anchoring, intervals.
#include <doctest/doctest.h>

#include <string>

#include "annotate/time/time_lexicon.h"
#include "annotate/time/time_tagger.h"
#include "annotate/time/time_value.h"
#include "data/embedded.h"
#include "text/segment.h"
#include "util/date.h"

using crosscheck::Granularity;
using crosscheck::TimeExpr;
using crosscheck::internal::CivilDate;
using crosscheck::internal::days_from_civil;
using crosscheck::internal::infer_publication_date;
using crosscheck::internal::segment;
using crosscheck::internal::tag_times;

namespace {

std::vector<TimeExpr> tag(const std::string& text, std::optional<CivilDate> anchor) {
  auto layer = segment(text);
  return tag_times(layer, anchor);
}

// The expression whose text is exactly `words`; fails the test when absent.
TimeExpr find(const std::vector<TimeExpr>& times, const std::string& words) {
  for (const auto& t : times) {
    if (t.text == words) return t;
  }
  std::string got;
  for (const auto& t : times) got += "[" + t.text + " = " + t.value + "] ";
  FAIL_CHECK("no expression '" << words << "'; got " << got);
  return {};
}

// Tags `text` against `anchor` and returns the expression `words`.
TimeExpr one(const std::string& text, const std::string& words,
             std::optional<CivilDate> anchor = CivilDate{2024, 7, 12}) {
  return find(tag(text, anchor), words);
}

std::int32_t day(int y, int m, int d) { return days_from_civil(CivilDate{y, m, d}); }

// The values of every expression in `text`, in order.
std::vector<std::string> values(const std::string& text, CivilDate anchor) {
  std::vector<std::string> out;
  for (const auto& t : tag(text, anchor)) out.push_back(t.value);
  return out;
}

}  // namespace

TEST_CASE("the temporal data files have no row the loader does not understand") {
  const auto& lexicon = crosscheck::internal::time::time_lexicon();
  std::string rows;
  for (const std::string& r : crosscheck::internal::data_problems()) {
    if (r.starts_with("time/")) rows += r + "\n";
  }
  CHECK_MESSAGE(rows.empty(), rows);
  CHECK(lexicon.holidays.size() > 20);
  CHECK(!lexicon.dated_events.empty());
}

TEST_CASE("absolute dates in news formats") {
  SUBCASE("month day, year") {
    auto t = one("The office opened on September 16, 2025.", "September 16, 2025");
    CHECK(t.type == "DATE");
    CHECK(t.value == "2025-09-16");
    CHECK(t.interval.first_day == day(2025, 9, 16));
    CHECK(t.interval.last_day == day(2025, 9, 16));
    CHECK(t.interval.granularity == Granularity::kDay);
  }
  SUBCASE("day month year") {
    CHECK(one("It opened on 16 September 2025 in Amman.", "16 September 2025").value ==
          "2025-09-16");
  }
  SUBCASE("abbreviation without a space before the year") {
    CHECK(one("Jul 13,2023 - Last updated at Jul 13,2023", "Jul 13,2023").value == "2023-07-13");
  }
  SUBCASE("abbreviation glued to the day") {
    CHECK(one("The vote is due on Dec.14 in Brussels.", "Dec.14").value == "2024-12-14");
  }
  SUBCASE("ISO date") {
    CHECK(one("Filed 2024-07-10 by the agency.", "2024-07-10").value == "2024-07-10");
  }
  SUBCASE("a day of the month alone") {
    CivilDate anchor{2025, 9, 20};
    CHECK(one("It opened on the 16th.", "the 16th", anchor).value == "2025-09-16");
    CHECK(one("It will open on the 25th.", "the 25th", anchor).value == "2025-09-25");
    CHECK(one("It opened on the 25th.", "the 25th", anchor).value == "2025-08-25");
    CHECK(one("It will close by the 3rd.", "the 3rd", anchor).value == "2025-10-03");
    // The month the narrative is on.
    auto times = tag("In August, talks began. They ended on the 16th.", anchor);
    CHECK(find(times, "the 16th").value == "2025-08-16");
    // Not an ordinal before a noun.
    CHECK(tag("He lives on the 16th floor and spoke on the 50th anniversary.", anchor).empty());
  }
  SUBCASE("a weekday with its day of the month") {
    CivilDate anchor{2024, 11, 6};
    CHECK(one("The strike began on Tuesday 5th.", "Tuesday 5th", anchor).value == "2024-11-05");
    CHECK(one("It ends on Friday the 8th.", "Friday the 8th", anchor).value == "2024-11-08");
    // The month before or after when that is where the day falls on that weekday.
    CHECK(one("It began on Thursday 31st.", "Thursday 31st", anchor).value == "2024-10-31");
    CHECK(one("It starts on Sunday 1st.", "Sunday 1st", anchor).value == "2024-12-01");
  }
  SUBCASE("a day in every month is a recurrence") {
    CivilDate anchor{2024, 11, 6};
    auto t = one("Meetings are held on the first Tuesday of every month.",
                 "the first Tuesday of every month", anchor);
    CHECK(t.type == "SET");
    CHECK(t.value == "P1M");
    t = one("Payments are due on the 15th of each month.", "the 15th of each month", anchor);
    CHECK(t.type == "SET");
    CHECK(t.value == "P1M");
  }
  SUBCASE("numeric dates with slashes and dots") {
    CHECK(one("It was published on 2024/07/10.", "2024/07/10").value == "2024-07-10");
    CHECK(one("It was signed 2024.07.10 in Seoul.", "2024.07.10").value == "2024-07-10");
    CHECK(one("The law took effect on 7/10/2024.", "7/10/2024").value == "2024-07-10");
    CHECK(one("It was signed on 25/12/2023.", "25/12/2023").value == "2023-12-25");
    // Dots and dashes with the year last are written day first.
    CHECK(one("Figures from 10.07.2024 show growth.", "10.07.2024").value == "2024-07-10");
    CHECK(one("The rally was held on 12-07-2024.", "12-07-2024").value == "2024-07-12");
    CHECK(one("It ended 31.12.2023 at noon.", "31.12.2023").value == "2023-12-31");
    CHECK(one("It was filed 16-Sep-2025 in court.", "16-Sep-2025").value == "2025-09-16");
    // An ISO 8601 date and time, kept to the minute.
    auto stamp = one("Updated 2024-07-10T14:03:00Z by staff.", "2024-07-10T14:03:00Z");
    CHECK(stamp.type == "TIME");
    CHECK(stamp.value == "2024-07-10T14:03");
    CHECK(one("Sent 2024-07-10T09:30+02:00 here.", "2024-07-10T09:30+02:00").value ==
          "2024-07-10T09:30");
    // Versions and addresses are not dates.
    CHECK(tag("Version 2.10.12 and host 10.1.12.2024 shipped.", CivilDate{2024, 7, 12}).empty());
  }
  SUBCASE("abbreviated month with period") {
    auto t = one("The deal closed Sept. 30, 1989, officials said.", "Sept. 30, 1989");
    CHECK(t.value == "1989-09-30");
  }
  SUBCASE("month and year, year alone") {
    auto times = tag("Prices rose in July 2023 and fell in 2024.", CivilDate{2024, 7, 12});
    auto july = find(times, "July 2023");
    CHECK(july.value == "2023-07");
    CHECK(july.interval.granularity == Granularity::kMonth);
    CHECK(july.interval.first_day == day(2023, 7, 1));
    CHECK(july.interval.last_day == day(2023, 7, 31));
    auto year = find(times, "2024");
    CHECK(year.value == "2024");
    CHECK(year.interval.first_day == day(2024, 1, 1));
    CHECK(year.interval.last_day == day(2024, 12, 31));
  }
  SUBCASE("numbers that are not years") {
    auto times =
        tag("Some 2000 people marched; the index closed at 2082.1 points.", CivilDate{2024, 7, 12});
    CHECK(times.empty());
  }
}

TEST_CASE("months, weekdays and the tense of the clause") {
  SUBCASE("on Wednesday in a Friday article") {
    auto t = one("NATO said on Wednesday it would open an office.", "Wednesday");
    CHECK(t.type == "DATE");
    CHECK(t.value == "2024-07-10");
  }
  SUBCASE("a future weekday") {
    CHECK(one("The ministers will meet on Tuesday.", "Tuesday").value == "2024-07-16");
  }
  SUBCASE("a result dated by a weekday has happened") {
    CivilDate wednesday{2016, 2, 10};
    CHECK(one("He should also get a boost from the win Tuesday.", "Tuesday", wednesday).value ==
          "2016-02-09");
    CHECK(one("We really can win on Tuesday.", "Tuesday", wednesday).value == "2016-02-16");
    CHECK(one("He will reel off a few more victories on Saturday.", "Saturday", wednesday).value ==
          "2016-02-13");
  }
  SUBCASE("an event no one schedules is dated in the past, whatever the clause's tense") {
    CivilDate sunday{2016, 8, 28};
    CHECK(one("They will vote for him because of the slaying in Chicago on Friday of his cousin.",
              "Friday", sunday)
              .value == "2016-08-26");
    CHECK(one("Guns are an issue after the Charleston church massacre in June.", "June",
              CivilDate{2016, 2, 25})
              .value == "2015-06");
    CHECK(one("Guns are an issue after the mass shooting Dec. 2.", "Dec. 2", CivilDate{2016, 6, 10})
              .value == "2015-12-02");
    // The verb is no such event, nor is a noun with something else between.
    CHECK(one("He will attack Clinton on Friday.", "Friday", sunday).value == "2016-09-02");
    CHECK(one("Talks on the attack will resume Friday.", "Friday", sunday).value == "2016-09-02");
  }
  SUBCASE("a weekday in a present condition is the coming one") {
    CivilDate friday{2016, 3, 11};
    CHECK(
        one("If there is a close election on Tuesday we need clarity.", "Tuesday", friday).value ==
        "2016-03-15");
    CHECK(one("If it rains Monday, the game is off.", "Monday", friday).value == "2016-03-14");
    // Not a result the day has seen.
    CHECK(one("If he follows up his Tuesday wins, he leads.", "Tuesday", friday).value ==
          "2016-03-08");
  }
  SUBCASE("the same weekday as the anchor is the anchor's day") {
    CHECK(one("The alliance announced the plan Friday.", "Friday").value == "2024-07-12");
  }
  SUBCASE("in June: past and future") {
    CHECK(one("The talks collapsed in June.", "June", CivilDate{2024, 3, 10}).value == "2023-06");
    CHECK(one("The talks will resume in June.", "June", CivilDate{2024, 7, 12}).value == "2025-06");
    // "shows" is the clause's present verb, not the "will" of the clause it reports.
    CHECK(one("A poll in January shows voters say guns will be important.", "January",
              CivilDate{2016, 2, 25})
              .value == "2016-01");
    // "looming" before the noun looks ahead.
    CHECK(one("He was not hopeful about the looming showdown in July.", "July",
              CivilDate{2016, 4, 17})
              .value == "2016-07");
    // A report named by its month accounts for a month that has begun, whatever the tense.
    CivilDate march20{2016, 3, 20};
    CHECK(
        one("They must file their February campaign finance reports.", "February", march20).value ==
        "2016-02");
    CHECK(one("Markets will watch the November jobs report.", "November", march20).value ==
          "2015-11");
    CHECK(one("The debate in November will be big.", "November", march20).value == "2016-11");
    // A passive after a modal and adverbs takes the modal's tense; "should" looks ahead.
    CHECK(one("The nominee will almost certainly be decided in July.", "July", march20).value ==
          "2016-07");
    CHECK(one("He declared that they should beat her at the polls in November.", "November",
              CivilDate{2016, 7, 22})
              .value == "2016-11");
  }
  SUBCASE("May and March as verbs are not months") {
    auto times = tag("Officials may march to the square.", CivilDate{2024, 7, 12});
    CHECK(times.empty());
  }
  SUBCASE("no anchor keeps placeholders") {
    auto t = one("The talks collapsed in July.", "July", std::nullopt);
    CHECK(t.value == "XXXX-07");
    CHECK_FALSE(t.interval.anchored());
    CHECK(one("They met on Wednesday.", "Wednesday", std::nullopt).value == "XXXX-WXX-3");
  }
}

TEST_CASE("relative expressions") {
  SUBCASE("days") {
    CHECK(one("Troops arrived yesterday.", "yesterday").value == "2024-07-11");
    CHECK(one("Talks resume tomorrow.", "tomorrow").value == "2024-07-13");
    CHECK(one("He spoke today.", "today").value == "2024-07-12");
    CHECK(tag("He told USA TODAY the plan.", CivilDate{2024, 7, 12}).empty());
  }
  SUBCASE("last year, next year, this month") {
    CHECK(one("Sales fell last year.", "last year").value == "2023");
    CHECK(one("Sales will rise next year.", "next year").value == "2025");
    CHECK(one("It opened this month.", "this month").value == "2024-07");
  }
  SUBCASE("ago") {
    auto t = one("The plan was proposed two weeks ago.", "two weeks ago");
    CHECK(t.type == "DATE");
    CHECK(t.value == "2024-W26");
    CHECK(one("It was built five years ago.", "five years ago").value == "2019");
  }
  SUBCASE("the past decade is a duration") {
    auto t = one("Attacks rose over the past decade.", "the past decade");
    CHECK(t.type == "DURATION");
    CHECK(t.value == "P10Y");
    auto u = one("Exports doubled in the past three years.", "the past three years");
    CHECK(u.type == "DURATION");
    CHECK(u.value == "P3Y");
  }
  SUBCASE("earlier this month / this year") {
    CHECK(one("Earlier this year the office closed.", "Earlier this year").value == "2024");
    // TimeBank puts "earlier" inside the expression, as for "earlier this year".
    CHECK(one("It was signed earlier this month.", "earlier this month").value == "2024-07");
    CHECK(one("They met earlier this week.", "earlier this week").value == "2024-W28");
  }
  SUBCASE("this week and this weekend by the weekday of the report") {
    // Sunday 14 July 2024 ends ISO week 28; a week still to come is week 29.
    CivilDate sunday{2024, 7, 14};
    CHECK(one("Gore will skip this week's convention.", "this week", sunday).value == "2024-W29");
    CHECK(one("He is not available this week.", "this week", sunday).value == "2024-W29");
    CHECK(one("He flies to Ohio later this week.", "later this week", sunday).value == "2024-W29");
    CHECK(one("He campaigned in Iowa this week.", "this week", sunday).value == "2024-W28");
    CHECK(one("They met earlier this week.", "earlier this week", sunday).value == "2024-W28");
    // Officials this week detailed ...: a present verb after the week does not decide.
    CHECK(one("Officials this week detailed the plan, which is new.", "this week", sunday).value ==
          "2024-W28");
    // "last week" on a Sunday is the American week that ended the day before:
    // six of its days are ISO week 28; on a Saturday it is week 27.
    CHECK(one("He lost Florida last week.", "last week", sunday).value == "2024-W28");
    CHECK(one("He lost Florida this past week.", "this past week", sunday).value == "2024-W28");
    CHECK(one("He lost Florida last week.", "last week", CivilDate{2024, 7, 13}).value ==
          "2024-W27");
    // In a Monday to Wednesday report a past "this weekend" is the one just past.
    CivilDate tuesday{2024, 7, 16};
    CHECK(one("This weekend, Sanders complained about it.", "This weekend", tuesday).value ==
          "2024-W28-WE");
    CHECK(one("A rally is scheduled for this weekend.", "this weekend", tuesday).value ==
          "2024-W29-WE");
    CHECK(one("It stalled: if he wins this weekend, he gains.", "this weekend", tuesday).value ==
          "2024-W29-WE");
    CHECK(one("He said he would campaign this weekend.", "this weekend", CivilDate{2024, 7, 19})
              .value == "2024-W29-WE");
    CHECK(one("The fighting goes on, with gains over the weekend.", "the weekend", tuesday).value ==
          "2024-W28-WE");
    CHECK(one("He will rest over the weekend.", "the weekend", tuesday).value == "2024-W29-WE");
    // On a Saturday the week is the ISO week.
    CHECK(one("He will speak this week.", "this week", CivilDate{2024, 7, 13}).value == "2024-W28");
  }
  SUBCASE("next June, last Friday") {
    CHECK(one("The summit is planned for next June.", "next June").value == "2025-06");
    CHECK(one("He resigned last Friday.", "last Friday").value == "2024-07-05");
    // "this Tuesday" is the one to come, or today, unless the clause is past.
    CivilDate friday{2016, 3, 4};
    CHECK(one("He is hoping to win Michigan this Tuesday.", "this Tuesday", friday).value ==
          "2016-03-08");
    CHECK(one("They meet this Friday.", "this Friday", friday).value == "2016-03-04");
    CHECK(one("He won Michigan this Tuesday.", "this Tuesday", friday).value == "2016-03-01");
  }
  SUBCASE("July last year in a July 2024 article") {
    auto t = one("The office was agreed in July last year.", "July last year");
    CHECK(t.value == "2023-07");
    CHECK(t.interval.first_day == day(2023, 7, 1));
  }
  SUBCASE("a month of last or next year") {
    CHECK(
        one("The deal, signed in August of last year, will expire.", "August of last year").value ==
        "2023-08");
    CHECK(one("It will open in March of next year.", "March of next year").value == "2025-03");
    CHECK(one("In the summer of last year prices rose.", "the summer of last year").value ==
          "2023-SU");
    CivilDate january{2024, 1, 12};
    CHECK(one("The 15th of last month was quiet.", "The 15th of last month", january).value ==
          "2023-12-15");
    CHECK(one("By the 20th of next month it ends.", "the 20th of next month", january).value ==
          "2024-02-20");
  }
  SUBCASE("next month fronting a past verb is last year's") {
    // A past clause may speak of next month ("the contests in August", said
    // in July); a fronted month with its own past verb may not.
    CHECK(one("In August, prices fell.", "August").value == "2023-08");
    CHECK(one("Back in August the company reported a loss.", "August").value == "2023-08");
    CHECK(one("In early August, prices fell sharply.", "early August").value == "2023-08");
    CHECK(one("In August, prices will fall.", "August").value == "2024-08");
    CHECK(one("In August, the company said it would expand.", "August").value == "2024-08");
    CHECK(one("He said the contests in August would decide it.", "August").value == "2024-08");
  }
  SUBCASE("a year ago in an earnings report is the year-ago quarter") {
    auto times = tag("Third-quarter profit rose 19% from a year ago.", CivilDate{1989, 10, 26});
    CHECK(find(times, "Third-quarter").value == "1989-Q3");
    CHECK(find(times, "a year ago").value == "1988-Q3");
  }
}

TEST_CASE("past events and 'since' keep dates before the anchor") {
  CHECK(one("The war, which erupted on October 7, goes on.", "October 7", CivilDate{2024, 7, 10})
            .value == "2023-10-07");
  CHECK(
      one("Rebels have attacked ships since November.", "November", CivilDate{2024, 7, 10}).value ==
      "2023-11");
  CHECK(one("The meeting is scheduled for March 3.", "March 3").value == "2025-03-03");
  // A deadline in a past-tense sentence may still lie ahead.
  CHECK(one("The offer was extended until Nov. 20.", "Nov. 20", CivilDate{1989, 11, 2}).value ==
        "1989-11-20");
}

TEST_CASE("the clause's tense: passives, plans, adjectives and irregular verbs") {
  SUBCASE("'could be' and a participle has no direction of its own") {
    CivilDate august{2016, 8, 26};
    CHECK(one("The process could be concluded in October.", "October", august).value == "2016-10");
    CHECK(
        one("It could be concluded before he takes office in January.", "January", august).value ==
        "2017-01");
    CHECK(one("Neither could be located Wednesday.", "Wednesday", CivilDate{2000, 1, 6}).value ==
          "2000-01-05");
    // Negated, it tells what happened.
    CHECK(one("He could not be reached for comment Saturday.", "Saturday", august).value ==
          "2016-08-20");
  }
  SUBCASE("'would not say' reports a refusal already given") {
    CivilDate wednesday{2016, 6, 22};
    CHECK(one("Schumer wouldn\xE2\x80\x99t say Tuesday how the party would act.", "Tuesday",
              wednesday)
              .value == "2016-06-21");
    CHECK(one("He would not comment on Friday.", "Friday", wednesday).value == "2016-06-17");
    CHECK(one("He would n't elaborate Thursday.", "Thursday", wednesday).value == "2016-06-16");
    // Without the negation, or with another verb, "would" still looks ahead.
    CHECK(one("He would say Friday whether he runs.", "Friday", wednesday).value == "2016-06-24");
    CHECK(one("He would not travel on Friday.", "Friday", wednesday).value == "2016-06-24");
  }
  // A participle after "be" takes the tense of its auxiliary.
  CHECK(one("The dividend will be paid Dec. 14 to holders.", "Dec. 14", CivilDate{1989, 10, 26})
            .value == "1989-12-14");
  // "preferred" and "United" are not past-tense verbs.
  CHECK(one("It will redeem its preferred shares on Oct. 31.", "Oct. 31", CivilDate{1989, 10, 27})
            .value == "1989-10-31");
  CHECK(one("The father would be traveling to the United States Thursday.", "Thursday",
            CivilDate{2000, 4, 5})
            .value == "2000-04-06");
  // After a modal "hit" is the base form, not the past: the modal's tense.
  CHECK(one("The storm will hit Florida Monday.", "Monday", CivilDate{2016, 3, 12}).value ==
        "2016-03-14");
  CHECK(one("The ad is airing and could hit Florida airwaves Monday.", "Monday",
            CivilDate{2016, 3, 12})
            .value == "2016-03-14");
  CHECK(one("The storm hit Florida Monday.", "Monday", CivilDate{2016, 3, 12}).value ==
        "2016-03-07");
  // "won't" is "will not", not "won"; the modal "may" looks ahead as "might" does.
  CHECK(one("In California, where Democrats won’t vote until June, unions organize.", "June",
            CivilDate{2016, 4, 6})
            .value == "2016-06");
  CHECK(one("Adelson said that he may wait until February to decide.", "February",
            CivilDate{2015, 12, 20})
            .value == "2016-02");
  CHECK(one("Adelson said that he waited until February to decide.", "February",
            CivilDate{2015, 12, 20})
            .value == "2015-02");
  // A negated auxiliary keeps its tense: "didn't", "isn't".
  CHECK(one("Democrats didn't vote until June.", "June", CivilDate{2016, 4, 6}).value == "2015-06");
  CHECK(one("Obama isn't running, but his address Sunday about terrorism will matter.", "Sunday",
            CivilDate{2015, 12, 7})
            .value == "2015-12-06");
  // "later Monday" is written on the day itself: the nearest Monday.
  CHECK(one("He may face a skeptical audience when he speaks later Monday.", "Monday",
            CivilDate{2016, 3, 22})
            .value == "2016-03-21");
  CHECK(one("He may face a skeptical audience when he speaks Monday.", "Monday",
            CivilDate{2016, 3, 22})
            .value == "2016-03-28");
  // A past form hyphened to the word before it is a compound adjective.
  CHECK(one("Then comes the delegate-packed April 19 New York primary.", "April 19",
            CivilDate{2016, 3, 23})
            .value == "2016-04-19");
  CHECK(one("And on Monday, the group he co-founded will hold a party.", "Monday",
            CivilDate{2016, 4, 17})
            .value == "2016-04-18");
  // A plan told in the past ("was scheduled to", "was set to") may have been
  // carried out or be still to come: the nearest such day.
  CHECK(one("He was scheduled to leave New Hampshire late Tuesday.", "late Tuesday",
            CivilDate{2016, 2, 10})
            .value == "2016-02-09");
  CHECK(one("Palin was scheduled to speak to the delegates Saturday morning.", "Saturday morning",
            CivilDate{2016, 4, 15})
            .value == "2016-04-16");
  CHECK(one("He will leave New Hampshire late Tuesday.", "late Tuesday", CivilDate{2016, 2, 10})
            .value == "2016-02-16");
  // "is to" + verb is a plan; "had been scheduled to" one that has passed.
  CHECK(one("Trading is to resume in Paris Tuesday.", "Tuesday", CivilDate{1989, 10, 27}).value ==
        "1989-10-31");
  CHECK(one("The offer had been scheduled to expire Friday.", "Friday", CivilDate{1989, 10, 30})
            .value == "1989-10-27");
  // An irregular past verb far from the date still makes the clause past.
  CHECK(one("A bullet tore through his window and into his back Friday.", "Friday",
            CivilDate{1998, 10, 25})
            .value == "1998-10-23");
  // A month-day half a year ahead in a past clause is last year's.
  CHECK(
      one("He was shot to death on the night of Oct. 23 at home.", "Oct. 23", CivilDate{1999, 5, 5})
          .value == "1998-10-23");
  // ... but a payment date a few weeks ahead stays ahead.
  CHECK(one("The board declared a dividend payable Dec. 7 to holders.", "Dec. 7",
            CivilDate{1989, 10, 27})
            .value == "1989-12-07");
  CHECK(one("The second quarter ended Oct. 31.", "Oct. 31", CivilDate{1989, 10, 27}).value ==
        "1988-10-31");
  // A plan's date months behind is next year's under no past verb, last year's under one.
  CHECK(one("The offer is valid until Nov. 5.", "Nov. 5", CivilDate{2016, 3, 14}).value ==
        "2016-11-05");
  CHECK(one("He stayed until Nov. 5.", "Nov. 5", CivilDate{2016, 3, 14}).value == "2015-11-05");
  // A deadline lies ahead even after a past-tense verb.
  CHECK(one("Officials postponed until Tuesday any action.", "Tuesday", CivilDate{2000, 3, 30})
            .value == "2000-04-04");
  CHECK(
      one("They were given until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday", CivilDate{2000, 4, 3})
          .value == "2000-04-04T09:00");
  CHECK(one("Until Thursday, they had not called him a suspect.", "Thursday", CivilDate{1999, 5, 7})
            .value == "1999-05-06");
  SUBCASE("the new date of something set or moved lies after the move") {
    CivilDate july{2024, 7, 12};  // a Friday
    CHECK(one("The vote was postponed until March 5.", "March 5", july).value == "2025-03-05");
    CHECK(one("The vote was pushed back to March 5.", "March 5", july).value == "2025-03-05");
    CHECK(one("The judge set a hearing for Jan. 14.", "Jan. 14", july).value == "2025-01-14");
    CHECK(one("The talks were delayed until January.", "January", july).value == "2025-01");
    CHECK(one("The launch was moved to Tuesday.", "Tuesday", july).value == "2024-07-16");
    // A date just gone by stays the nearest; the move's own date is behind.
    CHECK(one("The vote was postponed to July 10.", "July 10", july).value == "2024-07-10");
    CHECK(one("The summit was postponed on Tuesday.", "Tuesday", july).value == "2024-07-09");
    CHECK(one("He moved to Texas in March.", "March", july).value == "2024-03");
    // "up" before a point is the verb's, not "up to" as a bound.
    auto t = one("Voting was moved up to Feb. 3.", "Feb. 3", july);
    CHECK(t.value == "2025-02-03");
    CHECK(t.mod.empty());
  }
}

TEST_CASE("anaphoric 'that year', 'later that year', 'that day' take the last date mentioned") {
  auto times =
      tag("He fled to Florida in June 1998 and returned later that year. Imports rose "
          "that year.",
          CivilDate{2000, 1, 28});
  CHECK(find(times, "later that year").value == "1998");
  CHECK(find(times, "that year").value == "1998");
  auto day = tag("He was killed on Oct. 23, 1998. Earlier that day, the family sent a fax.",
                 CivilDate{1999, 10, 24});
  CHECK(find(day, "Earlier that day").value == "1998-10-23");
  auto following = tag("On May 22, 1995, he was promoted, and the following year he moved.",
                       CivilDate{1998, 4, 18});
  CHECK(find(following, "the following year").value == "1996");
  CHECK(one("In March, it rejected a bid. The following month, it put itself up for sale.",
            "The following month", CivilDate{1989, 10, 27})
            .value == "1989-04");
  // "that" points away from the present: "today" in between is no antecedent.
  CHECK(one("Compared with the 2008 race, Trump's support today is below McCain's support that "
            "year.",
            "that year", CivilDate{2016, 9, 7})
            .value == "2008");
  // Without an earlier date there is nothing to refer to.
  CHECK(one("It may be resolved in a hearing the week of March 6.", "the week of March 6",
            CivilDate{2000, 2, 24})
            .value == "2000-W10");
  // So are "the weekend of" a date and "the month of" a month.
  CHECK(one("The summit is set for the weekend of April 6-7.", "the weekend of April 6",
            CivilDate{2013, 3, 21})
            .value == "2013-W14-WE");
  CHECK(
      one("In the month of March 2012, he won.", "the month of March 2012", CivilDate{2013, 3, 21})
          .value == "2012-03");
  CHECK(tag("Traders lost money that day.", CivilDate{1989, 10, 30}).empty());
  // After a month or a year, the day is unknown but lies within it.
  CHECK(one("He was shot last October. His name was crossed out that same day.", "that same day",
            CivilDate{1999, 2, 6})
            .value == "1998-10-XX");
  CHECK(one("The plant opened in 1994. Later that day, the mayor cut a ribbon.", "Later that day",
            CivilDate{1999, 2, 6})
            .value == "1994-XX-XX");
  // A bare "that day" after a month is often generic: it needs the day.
  CHECK(tag("Funds shrank in September. Redemptions were strong that day.", CivilDate{1989, 10, 27})
            .size() == 1);
  CHECK(one("Two bombs exploded on Oct. 3. A third went off the same day.", "the same day",
            CivilDate{1999, 2, 6})
            .value == "1998-10-03");
  // Counted from an event: unknown.
  CHECK(tag("It rained the same day as the vote.", CivilDate{1999, 2, 6}).empty());
  CHECK(tag("In 1994 it rained the same day it voted.", CivilDate{1999, 2, 6}).size() == 1);
  CHECK(one("Casinos won less in October than the same month last year.", "last year",
            CivilDate{2015, 11, 13})
            .value == "2014");
  // "the same day" needs a day mentioned before it, unlike "that same day".
  CHECK(tag("In 1994 donors gave on the same day.", CivilDate{1999, 2, 6}).size() == 1);
  // A week is not guessed from a month.
  CHECK(tag("Prices fell in March. That week, traders left.", CivilDate{1999, 2, 6}).size() == 1);
}

TEST_CASE("anchoring across year boundaries and leap days") {
  CHECK(one("The fire started yesterday.", "yesterday", CivilDate{2024, 3, 1}).value ==
        "2024-02-29");
  CHECK(one("Prices rose last month.", "last month", CivilDate{2024, 1, 15}).value == "2023-12");
  CHECK(one("Talks resume tomorrow.", "tomorrow", CivilDate{2023, 12, 31}).value == "2024-01-01");
  CHECK(one("It happened last week.", "last week", CivilDate{2024, 1, 3}).value == "2023-W52");
  CHECK(one("Shops close on Jan. 3.", "Jan. 3", CivilDate{2023, 11, 20}).value == "2024-01-03");
  CHECK(one("The attack came on Dec. 28.", "Dec. 28", CivilDate{2024, 1, 4}).value == "2023-12-28");
  CHECK(one("Snow fell last winter.", "last winter", CivilDate{2024, 7, 12}).value == "2023-WI");
}

TEST_CASE("parts of day and clock times") {
  auto morning = one("Markets fell this morning.", "this morning");
  CHECK(morning.type == "TIME");
  CHECK(morning.value == "2024-07-12TMO");
  // "early" and "late" belong to a part of day that names its day, as to "late yesterday".
  auto late = one("The governor spoke late last night.", "late last night");
  CHECK(late.value == "2024-07-11TNI");
  CHECK(std::string(late.mod) == "END");
  CHECK(std::string(one("He arrived early this morning.", "early this morning").mod) == "START");
  CHECK(std::string(one("Votes are counted late tonight.", "late tonight").mod) == "END");
  auto clock = one("The quake struck at 7:48 a.m. local time on Tuesday.",
                   "7:48 a.m. local time on Tuesday");
  CHECK(clock.type == "TIME");
  CHECK(clock.value == "2024-07-09T07:48");
  // A zone named in words, as "local time" is: its day after it still dates it.
  CHECK(one("Polls closed at 8 p.m. Eastern time on Tuesday.", "8 p.m. Eastern time on Tuesday")
            .value == "2024-07-09T20:00");
  CHECK(one("It began at 9 a.m. Moscow time.", "9 a.m. Moscow time").value == "2024-07-12T09:00");
  CHECK(one("It ended at 5 p.m. Time magazine said.", "5 p.m.").value == "2024-07-12T17:00");
  CHECK(one("Polls close at 8 p.m. tonight.", "8 p.m. tonight").value == "2024-07-12T20:00");
  CHECK(one("They met at noon Thursday.", "noon Thursday").value == "2024-07-11T12:00");
  // A day just named before the clock time dates it: "until Friday at noon"
  // on a Thursday is the next day's noon.
  CivilDate thursday{2016, 7, 14};
  CHECK(one("They have until Friday at noon to file.", "noon", thursday).value ==
        "2016-07-15T12:00");
  CHECK(one("They met Friday, at 3 p.m., in Ohio.", "3 p.m.", thursday).value ==
        "2016-07-08T15:00");
  CHECK(one("He arrives tomorrow at 9 a.m. in Ohio.", "9 a.m.", thursday).value ==
        "2016-07-15T09:00");
  CHECK(one("In Ohio at 9 a.m. they met.", "9 a.m.", thursday).value == "2016-07-14T09:00");
  // So does one a few words before, with no stop between: "between 10-11 a.m.".
  CHECK(
      one("She speaks Saturday morning between 10-11 a.m. in Casper.", "11 a.m.", thursday).value ==
      "2016-07-16T11:00");
  CHECK(one("She spoke Saturday. At 11 a.m. they met.", "11 a.m.", thursday).value ==
        "2016-07-14T11:00");
  CHECK(one("Shots were heard last night.", "last night").value == "2024-07-11TNI");
  CHECK(one("The truce began at 0400 GMT.", "0400 GMT").value == "2024-07-12T04:00");
  // A weekday's evening or afternoon is that part of the day; its morning and
  // night stay the day, as the TimeBank and AQUAINT files mostly have them.
  auto evening = one("The minister spoke Wednesday evening.", "Wednesday evening");
  CHECK(evening.type == "TIME");
  CHECK(evening.value == "2024-07-10TEV");
  CHECK(one("Talks resumed Tuesday afternoon.", "Tuesday afternoon").value == "2024-07-09TAF");
  CHECK(one("Talks resumed Tuesday night.", "Tuesday night").value == "2024-07-09");
  CHECK(one("Talks resumed Tuesday morning.", "Tuesday morning").value == "2024-07-09");
  SUBCASE("midnight") {
    // Past: the midnight that began the anchor's day; else the one ending it.
    CHECK(one("The quake struck shortly after midnight.", "midnight").value == "2024-07-11T24:00");
    CHECK(one("The polls will close at midnight.", "midnight").value == "2024-07-12T24:00");
    // A clock time or "overnight" after it belongs to the day midnight began.
    auto curfew =
        tag("A curfew was set from midnight to 6 a.m. in the city.", CivilDate{2016, 9, 25});
    CHECK(find(curfew, "midnight").value == "2016-09-24T24:00");
    CHECK(find(curfew, "6 a.m.").value == "2016-09-25T06:00");
  }
  SUBCASE("a day word opening the next sentence after a.m. or p.m.") {
    auto times = tag("The meeting ran from 9 a.m. to 5 p.m. Yesterday afternoon he spoke.",
                     CivilDate{2024, 7, 12});
    CHECK(find(times, "5 p.m.").value == "2024-07-12T17:00");
    CHECK(find(times, "Yesterday afternoon").value == "2024-07-11TAF");
    CHECK(one("He arrived at 5 p.m. yesterday.", "5 p.m. yesterday").value == "2024-07-11T17:00");
  }
}

TEST_CASE("durations") {
  CHECK(one("The war lasted three years.", "three years").value == "P3Y");
  CHECK(one("It took a decade.", "a decade").value == "P10Y");
  auto nearly =
      one("NATO has worked with Jordan for nearly three decades.", "nearly three decades");
  CHECK(nearly.type == "DURATION");
  CHECK(nearly.value == "P30Y");
  CHECK(nearly.mod == "APPROX");
  CHECK(one("a 10-year bond", "10-year").value == "P10Y");
  CHECK(one("He waited 48 hours.", "48 hours").value == "PT48H");
  CHECK(one("It could take several months.", "several months").value == "PXM");
  auto least = one("The ban lasts at least 30 days.", "at least 30 days");
  CHECK(least.mod == "EQUAL_OR_MORE");
  SUBCASE("the verb 'last' before a duration") {
    CHECK(one("The shutdown could last weeks.", "weeks").value == "PXW");
    CHECK(one("The deal would last four years.", "four years").value == "P4Y");
    // Not the adjective: "compared to last year".
    CHECK(one("Sales rose compared to last year.", "last year").value == "2023");
  }
  SUBCASE("halves") {
    CHECK(one("They lived in camps for 2 1/2 years.", "2 1/2 years").value == "P2Y6M");
    CHECK(one("She spent about 5 1/2 hours there.", "5 1/2 hours").value == "PT5H30M");
    CHECK(one("It took two and a half hours.", "two and a half hours").value == "PT2H30M");
    CHECK(one("But a minute and a half later, a pilot called.", "a minute and a half").value ==
          "PT1M30S");
    // Months and weeks have no whole half in a smaller unit: a decimal fraction.
    CHECK(one("It came a month and a half before the vote.", "a month and a half").value ==
          "P1.5M");
    CHECK(one("He was held for 2 1/2 weeks.", "2 1/2 weeks").value == "P2.5W");
    // An offset keeps its half, at the granularity the half falls in.
    CivilDate march{2016, 3, 10};
    CHECK(one("A year and a half ago, he left.", "A year and a half ago", march).value ==
          "2014-09");
    CHECK(one("It fell a month and a half ago.", "a month and a half ago", march).value ==
          "2016-01");
    CHECK(one("It rose a decade and a half ago.", "a decade and a half ago", march).value ==
          "2001");
    CHECK(one("It ends 2 1/2 years from now.", "2 1/2 years from now", march).value == "2018-09");
  }
  SUBCASE("decimal counts") {
    // As halves are: in the next smaller unit when it comes out whole.
    CHECK(one("The flight took 1.5 hours.", "1.5 hours").value == "PT1H30M");
    CHECK(one("He served 2.5 years in prison.", "2.5 years").value == "P2Y6M");
    CHECK(one("The job took 1.25 hours.", "1.25 hours").value == "PT1H15M");
    CHECK(one("It took 2.50 days.", "2.50 days").value == "P2DT12H");
    CHECK(one("It lasted 1.5 decades.", "1.5 decades").value == "P15Y");
    CHECK(one("They met for a 1.5-hour session.", "1.5-hour").value == "PT1H30M");
    CHECK(one("It took 2.0 days.", "2.0 days").value == "P2D");
    // Else ISO 8601's decimal fraction of the unit.
    CHECK(one("He waited 3.7 years.", "3.7 years").value == "P3.7Y");
    CHECK(one("The race took 9.58 seconds.", "9.58 seconds").value == "PT9.58S");
    CHECK(one("It ends in 1.5 weeks.", "1.5 weeks").value == "P1.5W");
    CHECK(one("It rose 2.5 years ago.", "2.5 years ago", CivilDate{2016, 3, 10}).value ==
          "2013-09");
  }
  SUBCASE("a count of the next smaller unit joins the first") {
    CHECK(one("It lasted two hours and 15 minutes.", "two hours and 15 minutes").value ==
          "PT2H15M");
    CHECK(one("He made the case in 3 minutes 32 seconds.", "3 minutes 32 seconds").value ==
          "PT3M32S");
    CHECK(one("He served two years, 10 months in prison.", "two years, 10 months").value ==
          "P2Y10M");
    CHECK(one("Talks took a day and two hours.", "a day and two hours").value == "P1DT2H");
    // Not across a gap in the units, nor into an offset.
    CHECK(one("It took two years and five days.", "two years").value == "P2Y");
    CHECK(one("It began two years and three months ago.", "two years").value == "P2Y");
  }
  SUBCASE("thousands count") {
    CHECK(one("He was in the Senate for a thousand years.", "a thousand years").value == "P1000Y");
    CHECK(one("It was kept for more than two thousand years.", "more than two thousand years")
              .value == "P2000Y");
  }
  SUBCASE("'three days later' is a duration; 'later' is a signal outside it") {
    auto t = one("Three days later, the index closed higher.", "Three days");
    CHECK(t.type == "DURATION");
    CHECK(t.value == "P3D");
    CHECK(one("A few days later, it announced losses.", "A few days").value == "PXD");
  }
  SUBCASE("a range of counts gives one expression per end") {
    auto times = tag("Repairs will take two to three weeks.", CivilDate{2024, 7, 12});
    REQUIRE(times.size() == 2);
    CHECK(times[0].text == "two");
    CHECK(times[0].value == "P2W");
    CHECK(times[1].text == "three weeks");
    CHECK(times[1].value == "P3W");
    CHECK(one("It could take 2 or 3 years.", "2 or 3 years").value == "PXY");
    CHECK(one("over the next 12 to 18 months", "the next 12 to 18 months").value == "PXM");
    CHECK(tag("Voters 18 to 25 years old backed him.", CivilDate{2024, 7, 12}).empty());
    CHECK(tag("It was drafted six to eight weeks ago.", CivilDate{2024, 7, 12}).size() == 1);
  }
  SUBCASE("ages and rates are not durations") {
    CHECK(tag("His 6-year-old son, 52 years old, arrived.", CivilDate{2024, 7, 12}).empty());
    CHECK(tag("It saves $500 million a year.", CivilDate{2024, 7, 12}).empty());
    CHECK(tag("Guards stand there 24 hours a day.", CivilDate{2024, 7, 12}).empty());
    CHECK(tag("She works three days per week.", CivilDate{2024, 7, 12}).empty());
    CHECK(one("The talks lasted three days a week ago.", "three days").value == "P3D");
    // A verb in -s before "a week" is no plural noun of a rate.
    CHECK(one("The trip takes a day.", "a day").value == "P1D");
    CHECK(one("The vote comes a year after the crisis.", "a year").value == "P1Y");
    CHECK(tag("The hotel adds 300 rooms a year.", CivilDate{2024, 7, 12}).empty());
  }
}

TEST_CASE("the month May is no modal before a verb") {
  // "in May was": the past verb is the clause's, not a base form after "may".
  CHECK(one("The storm in May killed 20.", "May", CivilDate{2013, 3, 21}).value == "2012-05");
  CHECK(one("Rain in May was heavy.", "May", CivilDate{2013, 3, 21}).value == "2012-05");
  CHECK(one("The storm may hit on Friday.", "Friday", CivilDate{2013, 3, 21}).value ==
        "2013-03-22");
  SUBCASE("'or May', 'through May' and 'scheduled for May' are the month") {
    CivilDate anchor{2013, 3, 21};
    CHECK(one("He will move back in April or May.", "May", anchor).value == "2013-05");
    CHECK(one("The session runs from March through May.", "May", anchor).value == "2013-05");
    CHECK(one("The vote is scheduled for May.", "May", anchor).value == "2013-05");
    // "for May" is a person's name more often than not.
    CHECK(tag("Support for May fell.", anchor).empty());
  }
}

TEST_CASE("sets") {
  auto every = one("The summit is held every year.", "every year");
  CHECK(every.type == "SET");
  CHECK(every.value == "P1Y");
  CHECK(one("The paper is published weekly.", "weekly").value == "P1W");
  // "quarterly" is a set as an adverb, not in "quarterly profit" or "a quarterly".
  CHECK(one("Dividends are paid quarterly.", "quarterly").value == "P3M");
  CHECK(tag("Its quarterly profit rose; it declared a quarterly.", CivilDate{2024, 7, 12}).empty());
  CHECK(one("They meet each Thursday.", "each Thursday").value == "XXXX-WXX-4");
  CHECK(one("Flights leave on Tuesday nights.", "Tuesday nights").value == "XXXX-WXX-2TNI");
  CHECK(one("He works on weekends.", "weekends").value == "XXXX-WXX-WE");
  CHECK(one("At weekends the city empties.", "weekends").value == "XXXX-WXX-WE");
  // Counted or named weekends are no set.
  CHECK(one("They spent two weekends there.", "two weekends").type == "DURATION");
  CHECK(tag("Polls open on the weekends of May 3 and 10.", CivilDate{2024, 7, 12}).size() == 2);
  CHECK(one("Fans gather daily outside the stadium.", "daily").value == "P1D");
  SUBCASE("a frequency word in a rate is not a set") {
    const CivilDate anchor{2024, 7, 12};
    CHECK(tag("The mill turns out 5,000 tonnes annually.", anchor).empty());
    CHECK(tag("Revenue should grow 12% annually.", anchor).empty());
    CHECK(tag("The plan costs $3 million annually.", anchor).empty());
    CHECK(tag("The average daily volume fell.", anchor).empty());
    CHECK(one("The prize is awarded annually in Oslo.", "annually").value == "P1Y");
  }
  SUBCASE("counted recurrences") {
    CHECK(one("The board meets twice a year.", "twice a year").value == "P1Y");
    CHECK(one("He runs three times a week.", "three times a week").value == "P1W");
    CHECK(one("Payments are made twice monthly.", "twice monthly").value == "P1M");
    CHECK(one("Take it three times daily.", "three times daily").value == "P1D");
    // A number of more than one word, or an unspecified one.
    CHECK(one("The board meets twenty-five times a year.", "twenty-five times a year").value ==
          "P1Y");
    CHECK(one("It happens a dozen times a year.", "a dozen times a year").value == "P1Y");
    CHECK(one("It rained several times a month.", "several times a month").value == "P1M");
    CHECK(one("Once a month, she visits.", "Once a month").value == "P1M");
    CHECK(one("Doses are given 3 times per day.", "3 times per day").type == "SET");
    CHECK(one("They meet every other week.", "every other week").value == "P2W");
    CHECK(one("Every few months, a new leak emerges.", "Every few months").value == "PXM");
    const CivilDate anchor{2024, 7, 12};
    CHECK(tag("It was once a powerful firm.", anchor).empty());
    CHECK(one("It happened once a year-long inquiry began.", "year-long").type == "DURATION");
  }
  SUBCASE("a month after 'each' or 'every' is capitalised; 'each may' is a modal") {
    CHECK(one("Each May, the council meets.", "Each May").value == "XXXX-05");
    CHECK(tag("A look at where each may thrive.", CivilDate{2016, 4, 7}).empty());
  }
}

TEST_CASE("ranges, quarters, seasons, decades, centuries") {
  SUBCASE("from 2004 to 2017") {
    auto times = tag("He led the agency from 2004 to 2017.", CivilDate{2024, 7, 12});
    REQUIRE(times.size() == 2);
    CHECK(times[0].value == "2004");
    CHECK(times[1].value == "2017");
  }
  SUBCASE("2025 Q4 - 2027") {
    auto times = tag("Completion is expected 2025 Q4 \xE2\x80\x93 2027.", CivilDate{2024, 7, 12});
    CHECK(find(times, "2025 Q4").value == "2025-Q4");
    auto q = find(times, "2025 Q4").interval;
    CHECK(q.first_day == day(2025, 10, 1));
    CHECK(q.last_day == day(2025, 12, 31));
    CHECK(q.granularity == Granularity::kQuarter);
    CHECK(find(times, "2027").value == "2027");
  }
  SUBCASE("a range of weekdays ends after it starts") {
    CivilDate friday{2024, 7, 12};
    // Alone, the past Thursday is yesterday; the end's week dates it.
    CHECK(values("Polls were open Thursday to Saturday last week.", friday) ==
          std::vector<std::string>{"2024-07-04", "2024-07-06"});
    CHECK(values("Polls were open Thursday to Saturday.", friday) ==
          std::vector<std::string>{"2024-07-04", "2024-07-06"});
    CHECK(values("He was away from Friday through Monday.", friday) ==
          std::vector<std::string>{"2024-07-05", "2024-07-08"});
    CHECK(values("The show runs Friday to Monday.", friday) ==
          std::vector<std::string>{"2024-07-12", "2024-07-15"});
    // A range that starts on a date may span weeks; only an end before the
    // start moves.
    CHECK(values("It was taken from July 1 through Monday.", friday) ==
          std::vector<std::string>{"2024-07-01", "2024-07-08"});
    CHECK(values("Early voting runs from July 13 through Tuesday.", friday) ==
          std::vector<std::string>{"2024-07-13", "2024-07-16"});
    // "between ... and" is a range too.
    CHECK(values("Polls were open between Thursday and Saturday.", friday) ==
          std::vector<std::string>{"2024-07-04", "2024-07-06"});
  }
  SUBCASE("a range of days without a year ends after it starts") {
    CivilDate march{2024, 3, 14};
    // Alone, the nearest November 30 was last year's.
    CHECK(values("The season runs from June 1 to November 30.", march) ==
          std::vector<std::string>{"2024-06-01", "2024-11-30"});
    CHECK(values("The festival will run from November 28 through January 3.", march) ==
          std::vector<std::string>{"2024-11-28", "2025-01-03"});
    CHECK(values("It ran from June 1, 2022 to November 30.", march) ==
          std::vector<std::string>{"2022-06-01", "2022-11-30"});
    CHECK(values("The show ran from October 5 to February 2.", march) ==
          std::vector<std::string>{"2023-10-05", "2024-02-02"});
    // A past clause keeps the end behind the anchor and moves the start.
    CHECK(values("Between June 1 and November 30, storms formed.", march) ==
          std::vector<std::string>{"2023-06-01", "2023-11-30"});
    CHECK(values("From 1 June to 30 November it rained.", march) ==
          std::vector<std::string>{"2023-06-01", "2023-11-30"});
    // A range of clock times takes the day named after its end, not the
    // one named before it.
    CHECK(values("It opened at 2 a.m. Saturday, and from 7 a.m. to 8 p.m. Tuesday.", march) ==
          std::vector<std::string>{"2024-03-09T02:00", "2024-03-12T07:00", "2024-03-12T20:00"});
  }
  SUBCASE("H1 2024") {
    auto h = one("H1 2024 results beat forecasts.", "H1 2024", CivilDate{2024, 7, 12});
    CHECK(h.value == "2024-H1");
    CHECK(h.interval.last_day == day(2024, 6, 30));
    CHECK(tag("The H1N1 virus spread; H1 results were weak.", CivilDate{2024, 7, 12}).empty());
  }
  SUBCASE("financial shorthand: '3Q23', '1H24', 'Q1 FY25'") {
    CivilDate october{2024, 10, 8};
    CHECK(one("In 3Q23, margins fell.", "3Q23", october).value == "2023-Q3");
    CHECK(one("2Q 2024 results beat.", "2Q 2024", october).value == "2024-Q2");
    CHECK(one("1H24 profit rose.", "1H24", october).value == "2024-H1");
    // A fiscal quarter is named by its calendar quarter, as in TimeBank.
    CHECK(one("Revenue in Q1 FY25 rose.", "Q1 FY25", october).value == "2025-Q1");
    CHECK(one("In the first quarter of fiscal 2025, costs rose.",
              "the first quarter of fiscal 2025", october)
              .value == "2025-Q1");
    // Not without a year, nor a count glued to a word.
    CHECK(tag("The 4H club met; he scored 1H23abc.", october).empty());
  }
  SUBCASE("quarters") {
    CHECK(one("Profit rose in the first quarter.", "the first quarter", CivilDate{1998, 5, 4})
              .value == "1998-Q1");
    CHECK(one("Profit fell in the third quarter of 1990.", "the third quarter of 1990").value ==
          "1990-Q3");
    CHECK(one("Losses narrowed in the fourth quarter.", "the fourth quarter", CivilDate{1998, 2, 4})
              .value == "1997-Q4");
  }
  SUBCASE("seasons") {
    CHECK(one("Elections are due this summer.", "this summer").value == "2024-SU");
    CHECK(one("It was hit last fall.", "last fall").value == "2023-FA");
    CHECK(one("in the spring of 2021", "the spring of 2021").value == "2021-SP");
  }
  SUBCASE("a holiday's week") {
    // Easter 2000 fell on April 23: its ISO week is 2000-W16.
    CHECK(one("Crowds gathered during Easter week.", "Easter week", CivilDate{2000, 4, 17}).value ==
          "2000-W16");
  }
  SUBCASE("decades and centuries") {
    auto t = one("Inflation soared in the 1970s.", "the 1970s");
    CHECK(t.value == "197");
    CHECK(t.interval.first_day == day(1970, 1, 1));
    CHECK(t.interval.last_day == day(1979, 12, 31));
    CHECK(one("It was built in the mid-1990s.", "the mid-1990s").value == "199");
    CHECK(one("in the late '80s", "the late '80s").value == "198");
    CHECK(one("the 20th century", "the 20th century").value == "19");
  }
  SUBCASE("two-digit years after an apostrophe") {
    CivilDate march{2016, 3, 1};
    CHECK(one("That's what he did in '08 and '12.", "'12", march).value == "2012");
    CHECK(one("It was the summer of '69.", "the summer of '69", march).value == "1969-SU");
    CHECK(one("Prices peaked in March '98.", "March '98", march).value == "1998-03");
    // An opening quote typed for the apostrophe.
    CHECK(one("Obama won in \xE2\x80\x98"
              "08.",
              "\xE2\x80\x98"
              "08",
              march)
              .value == "2008");
    CHECK(one("The \xE2\x80\x98"
              "80s were fun.",
              "The \xE2\x80\x98"
              "80s",
              march)
              .value == "198");
    // Only after a preposition or a month: not a quoted title.
    CHECK(tag("He saw '13 Hours' twice.", march).empty());
  }
  SUBCASE("a two-digit year crosses the century when the anchor is near it") {
    CivilDate y1999{1999, 6, 1};
    CHECK(one("Spending in FY00 will rise.", "FY00", y1999).value == "2000");
    CHECK(one("The law passed on 1/5/01.", "1/5/01", y1999).value == "2001-01-05");
    CHECK(one("Prices fell in '99.", "'99", y1999).value == "1999");
    CivilDate y2024{2024, 6, 1};
    CHECK(one("He was born on 7/10/45.", "7/10/45", y2024).value == "1945-07-10");
    CHECK(one("It was hit in fiscal 89.", "fiscal 89", y2024).value == "1989");
    // With no anchor, 69-99 are the 1900s and 00-68 the 2000s, as strptime's %y.
    CHECK(one("That's what he did in '08.", "'08", std::nullopt).value == "2008");
    CHECK(one("It was hit in fiscal 89.", "fiscal 89", std::nullopt).value == "1989");
  }
}

TEST_CASE("vague references") {
  CHECK(one("The office is now open.", "now").value == "PRESENT_REF");
  CHECK(one("He recently resigned.", "recently").value == "PAST_REF");
  CHECK(one("Talks may resume in the future.", "the future").value == "FUTURE_REF");
  CHECK(one("The group is currently based in Amman.", "currently").value == "PRESENT_REF");
  SUBCASE("'Now,' opening a sentence is a discourse marker") {
    const CivilDate anchor{2024, 7, 12};
    CHECK(tag("Now, the minister says, the plan is dead.", anchor).empty());
    CHECK(tag("\"Now, let me explain,\" she said.", anchor).empty());
    CHECK(one("Now the bridge is closed.", "Now").value == "PRESENT_REF");
    CHECK(one("The bridge is closed now, officials said.", "now").value == "PRESENT_REF");
  }
  SUBCASE("fates, titles and adverbs that only order a date") {
    const CivilDate anchor{2024, 7, 12};
    CHECK(tag("They debated the future of the alliance.", anchor).empty());
    CHECK(one("They worried about the future.", "the future").value == "FUTURE_REF");
    CHECK(tag("He told USA Today the plan was dead.", anchor).empty());
    CHECK(one("Today the plan is dead.", "Today").value == "2024-07-12");
    auto times = tag("Three bridges have failed, most recently in March.", anchor);
    REQUIRE(times.size() == 1);
    CHECK(times[0].text == "March");
    CHECK(one("The bridge failed recently.", "recently").value == "PAST_REF");
  }
  // The present of a past time.
  CHECK(one("Holders could buy shares at half the then current market price.", "current").value ==
        "PAST_REF");
  CHECK(one("The then-current chairman resigned.", "current").value == "PAST_REF");
}

TEST_CASE("the sample corpus's expressions") {
  const std::string text =
      "NATO and Jordan have worked together since 1995. The liaison office was agreed in July "
      "last year and, after talks in 2017, NATO said on Wednesday that it would open. The "
      "office was inaugurated on September 16, 2025. Cooperation spans nearly three decades; "
      "completion is planned for 2025 Q4 \xE2\x80\x93 2027.";
  auto times = tag(text, CivilDate{2024, 7, 12});
  CHECK(find(times, "1995").value == "1995");
  CHECK(find(times, "July last year").value == "2023-07");
  CHECK(find(times, "2017").value == "2017");
  CHECK(find(times, "Wednesday").value == "2024-07-10");
  CHECK(find(times, "September 16, 2025").value == "2025-09-16");
  CHECK(find(times, "nearly three decades").value == "P30Y");
  CHECK(find(times, "2025 Q4").value == "2025-Q4");
  CHECK(find(times, "2027").value == "2027");
  // Spans are byte offsets into the text, sorted and non-overlapping.
  for (std::size_t i = 0; i < times.size(); ++i) {
    CHECK(text.substr(times[i].span.begin, times[i].span.end - times[i].span.begin) ==
          times[i].text);
    if (i > 0) CHECK(times[i - 1].span.end <= times[i].span.begin);
  }
}

TEST_CASE("intervals support containment and disjointness") {
  auto times = tag("In July 2023, not in July 2024, and all through 2023.", CivilDate{2024, 7, 12});
  auto a = find(times, "July 2023").interval;
  auto b = find(times, "July 2024").interval;
  auto y = find(times, "2023").interval;
  CHECK(a.first_day >= y.first_day);
  CHECK(a.last_day <= y.last_day);
  CHECK((b.first_day > y.last_day || b.last_day < y.first_day));
  using crosscheck::internal::time::interval_of;
  CHECK(interval_of("2024-W01").first_day == day(2024, 1, 1));
  CHECK(interval_of("2024-WI").last_day == day(2025, 2, 28));
  CHECK(interval_of("2020-WI").last_day == day(2021, 2, 28));
  CHECK(interval_of("2024-02").last_day == day(2024, 2, 29));
  CHECK_FALSE(interval_of("P3Y").anchored());
  CHECK_FALSE(interval_of("PRESENT_REF").anchored());
}

TEST_CASE("publication date inference") {
  SUBCASE("byline") {
    std::string text = "By Staff Writer\nJuly 12, 2024\nNATO opens an office in Amman.";
    auto layer = segment(text);
    auto d = infer_publication_date(layer);
    REQUIRE(d.has_value());
    CHECK(d->value == "2024-07-12");
    CHECK(d->evidence == "July 12, 2024");
    CHECK(text.substr(d->span.begin, d->span.end - d->span.begin) == "July 12, 2024");
  }
  SUBCASE("updated line") {
    auto layer = segment("Jul 13,2023 - Last updated at Jul 13,2023\nAMMAN - The office ...");
    auto d = infer_publication_date(layer);
    REQUIRE(d.has_value());
    CHECK(d->value == "2023-07-13");
  }
  SUBCASE("a dated line beats a date in running text") {
    auto layer = segment(
        "The summit that ended on July 11, 2024 in Washington agreed to open an office in "
        "Amman, officials said.\nPublished: July 14, 2024\nMore text.");
    auto d = infer_publication_date(layer);
    REQUIRE(d.has_value());
    CHECK(d->value == "2024-07-14");
  }
  SUBCASE("an ISO timestamp gives its day") {
    auto layer = segment("Updated 2024-07-10T14:03:00Z\nOfficials met on Monday.");
    auto d = infer_publication_date(layer);
    REQUIRE(d.has_value());
    CHECK(d->value == "2024-07-10");
    CHECK(d->evidence == "2024-07-10T14:03:00Z");
  }
  SUBCASE("nothing to infer") {
    auto layer = segment("NATO opens an office in Amman. It was agreed in July.");
    CHECK_FALSE(infer_publication_date(layer).has_value());
  }
}

TEST_CASE("robustness") {
  // Odd bytes, huge numbers and lone punctuation never crash or overlap.
  std::string junk = "99999999999999999 years ago \xFF\xFE : - / 12:99 p.m. Q9 '8 s";
  junk += std::string(1000, '-');
  auto times = tag(junk, CivilDate{2024, 7, 12});
  for (std::size_t i = 1; i < times.size(); ++i) {
    CHECK(times[i - 1].span.end <= times[i].span.begin);
  }
  CHECK(tag("", CivilDate{2024, 7, 12}).empty());
  // Deterministic: same input, same output.
  auto a = tag("Last year, on Wednesday, in June.", CivilDate{2024, 7, 12});
  auto b = tag("Last year, on Wednesday, in June.", CivilDate{2024, 7, 12});
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].value == b[i].value);
  // ICU ends a sentence at every "p.m." here; the pieces rejoin into one
  // sentence, tokenized once (it was tokenized again per piece, quadratic).
  std::string stamps;
  for (int k = 0; k < 20000; ++k) stamps += "Nov. 6, 1989 5 p.m. ";
  auto many = tag(stamps, CivilDate{2024, 7, 12});
  REQUIRE(many.size() == 20000);
  CHECK(many.back().value == "1989-11-06T17:00");
  // Rejoined no further than a long sentence: each clock and weekday is still found.
  std::string said;
  for (int k = 0; k < 5000; ++k) said += "He said Monday it would rain at 5 p.m. ";
  CHECK(tag(said, CivilDate{2024, 7, 12}).size() == 10000);
}

TEST_CASE("random temporal word salad keeps spans valid") {
  // A deterministic generator over words the patterns react to.
  static const char* kWords[] = {"the",         "last",
                                 "next",        "this",
                                 "past",        "year",
                                 "years",       "-",
                                 "ago",         "a",
                                 "an",          "few",
                                 "2024",        "1999",
                                 "12",          "31",
                                 "7",           ":",
                                 "48",          "a.m.",
                                 "p.m.",        "Q4",
                                 "'",           "80s",
                                 "s",           "January",
                                 "Jan",         ".",
                                 ",",           "Dec.14",
                                 "Monday",      "Tuesdays",
                                 "night",       "morning",
                                 "early",       "mid",
                                 "late",        "of",
                                 "quarter",     "third",
                                 "half",        "every",
                                 "each",        "other",
                                 "more",        "than",
                                 "at",          "least",
                                 "nearly",      "about",
                                 "summer",      "fall",
                                 "May",         "March",
                                 "fiscal",      "noon",
                                 "midnight",    "tonight",
                                 "yesterday",   "now",
                                 "recent",      "weeks",
                                 "decade",      "century",
                                 "20th",        "2000s",
                                 "nineteen",    "ninety",
                                 "two",         "thousand",
                                 "Christmas",   "Easter",
                                 "/",           "\xE2\x80\x93",
                                 "\xC2\xA0",    "earlier",
                                 "later",       "from",
                                 "to",          "since",
                                 "in",          "on",
                                 "99999999999", "0",
                                 "00"};
  constexpr std::size_t kCount = sizeof(kWords) / sizeof(kWords[0]);
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int doc = 0; doc < 300; ++doc) {
    std::string text;
    int words = 5 + static_cast<int>(next() % 60);
    for (int i = 0; i < words; ++i) {
      text += kWords[next() % kCount];
      if (next() % 4 != 0) text += ' ';
    }
    std::optional<CivilDate> anchor;
    if (doc % 3 != 0)
      anchor = CivilDate{2000 + static_cast<int>(next() % 30), 1 + static_cast<int>(next() % 12),
                         1 + static_cast<int>(next() % 28)};
    auto times = tag(text, anchor);
    for (std::size_t i = 0; i < times.size(); ++i) {
      const auto& t = times[i];
      REQUIRE(t.span.begin < t.span.end);
      REQUIRE(t.span.end <= text.size());
      CHECK(text.substr(t.span.begin, t.span.end - t.span.begin) == t.text);
      CHECK_FALSE(t.value.empty());
      if (i > 0) CHECK(times[i - 1].span.end <= t.span.begin);
    }
  }
}

TEST_CASE("day-relative anaphora follows the narrated day") {
  // Anchor: Thursday 2 November 1989.
  CivilDate anchor{1989, 11, 2};
  auto narrative =
      tag("Hopes were dashed Friday. Dealers placed heavy buy orders in the morning. He "
          "left the next day and returned the next morning.",
          anchor);
  CHECK(find(narrative, "Friday").value == "1989-10-27");
  CHECK(find(narrative, "the morning").value == "1989-10-27TMO");
  CHECK(find(narrative, "the next day").value == "1989-10-28");
  CHECK(find(narrative, "the next morning").value == "1989-10-29TMO");
  // Without a day named nearby, "in the morning" is the anchor's.
  CHECK(one("Trading resumes in the morning.", "the morning", anchor).value == "1989-11-02TMO");
  // Nor is a day still to come the one a past clause tells of.
  auto ahead = tag("Voters go to the polls Nov. 9. Rivals debated earlier in the evening.", anchor);
  CHECK(find(ahead, "the evening").value == "1989-11-02TEV");
  // "the day before X": the span leaves out the article, as TimeBank does.
  auto before = tag("The day before last Tuesday's hearing, he flew to Miami.", anchor);
  CHECK(find(before, "day before last Tuesday").value == "1989-10-30");
  CHECK(one("He was arrested on May 3. The day before, he had left.", "The day before", anchor)
            .value == "1989-05-02");
  CHECK(one("Fans lined up the day after Christmas.", "day after Christmas", anchor).value ==
        "1988-12-26");
  // Before an event the day is unknown: nothing is tagged.
  CHECK(tag("Polls closed the day before the vote.", anchor).empty());
}

TEST_CASE("a part of day takes the day named after it") {
  CivilDate anchor{1989, 11, 2};
  auto t = one("In London at mid-afternoon yesterday, shares were up.", "mid-afternoon yesterday",
               anchor);
  CHECK(t.type == "TIME");
  CHECK(t.value == "1989-11-01TAF");
  CHECK(one("Talks ended in the evening Tuesday.", "the evening Tuesday", anchor).value ==
        "1989-10-31TEV");
  // A clock time restated in another zone is dated by the day after it.
  CHECK(one("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.",
            CivilDate{1998, 8, 8})
            .value == "1998-08-07T10:35");
}

TEST_CASE("earnings-report periods and offsets") {
  CivilDate anchor{1989, 10, 26};
  auto t =
      tag("Net rose in the third quarter. For the quarter a year ago, it earned $16 million. Sales "
          "matched the corresponding period last year.",
          anchor);
  CHECK(find(t, "the quarter a year ago").value == "1988-Q3");
  CHECK(find(t, "the corresponding period last year").value == "1988-Q3");
  // "the quarter ended Sept. 30" is the calendar quarter of its last day.
  auto ended =
      tag("Profit fell in the first quarter. Sales for the quarter ended Sept. 30 rose 5% from a "
          "year earlier.",
          anchor);
  CHECK(find(ended, "a year earlier").value == "1988-Q3");
  // A forecast quarter is not what the year-ago figures compare with.
  auto forecast =
      tag("Third-quarter net fell. Analysts see losses through the third quarter of 1990. In the "
          "year-ago period, it earned $101 million.",
          anchor);
  CHECK(find(forecast, "the third quarter of 1990").value == "1990-Q3");
  CHECK(find(forecast, "the year-ago period").value == "1988-Q3");
  CHECK(one("Analysts see losses through the third quarter of 1990, down from a year earlier.",
            "a year earlier", anchor)
            .value == "1989-Q3");
  // A fiscal quarter is the calendar quarter holding most of it: May to July is Q2.
  auto fiscal =
      tag("In the quarter ended July 31, sales rose. Profit for the quarter fell.", anchor);
  CHECK(find(fiscal, "the quarter").value == "1989-Q2");
  CHECK(find(fiscal, "July 31").value == "1989-07-31");
  CHECK(tag("In the quarter ended Jan. 31, sales rose.", anchor).front().value == "1988-Q4");
  // "the quarter of <people>" is a fraction; "the quarter of the year" a period.
  CHECK(tag("He won the quarter of voters who are independents.", anchor).empty());
  CHECK(one("Profit in the quarter of the year rose.", "the quarter", anchor).value == "1989-Q3");
  CHECK(one("It closed eight trading days later.", "eight trading days", anchor).value == "P8D");
  CHECK(
      one("Then, a week or so ago, he picked Saturday.", "a week or so ago", CivilDate{1991, 2, 25})
          .value == "1991-W08");
}

TEST_CASE("plans, second days and figures of speech") {
  // Wednesday 30 September 1998: a plan reported before it happens.
  CivilDate anchor{1998, 9, 30};
  CHECK(one("The team planned to leave Nairobi on Thursday.", "Thursday", anchor).value ==
        "1998-10-01");
  CHECK(one("Protesters planned a rally on Saturday.", "Saturday", anchor).value == "1998-10-03");
  // So is an intent: "hopes to", "wants to", "is preparing to" (on a Friday).
  CivilDate friday{2016, 6, 3};
  CHECK(one("We hope to carry the state on Tuesday.", "Tuesday", friday).value == "2016-06-07");
  CHECK(one("He wants to meet Putin on Tuesday.", "Tuesday", friday).value == "2016-06-07");
  CHECK(one("She is preparing to announce her bid on Tuesday.", "Tuesday", friday).value ==
        "2016-06-07");
  CHECK(one("He hoped to win on Tuesday.", "Tuesday", friday).value == "2016-05-31");
  // A participle is not the plan's verb: the canceled service lay in the past.
  CHECK(one("A service planned for Saturday was canceled.", "Saturday", anchor).value ==
        "1998-09-26");
  // A present passive schedules: "is planned Friday" on a Sunday.
  CHECK(one("A public memorial service is planned Friday in Louisville.", "Friday",
            CivilDate{2016, 6, 5})
            .value == "2016-06-10");
  auto days = tag("The summit will be held on April 24 and 25 in Washington.", anchor);
  CHECK(find(days, "April 24").value == "1999-04-24");
  CHECK(find(days, "25").value == "1999-04-25");
  CHECK(tag("On May 5 and 20 people died.", anchor).size() == 1);
  // A tight dash range keeps its end before the noun it modifies.
  CHECK(find(tag("The Jan. 5-7 poll showed a tie.", anchor), "7").value == "1998-01-07");
  CHECK(one("Islam will one day be the second religion.", "one day", anchor).value == "FUTURE_REF");
  CHECK(one("Researchers hope one day to harness it.", "one day", anchor).value == "FUTURE_REF");
  CHECK(one("It takes one day to process.", "one day", anchor).value == "P1D");
  CHECK(one("The pay rose for one day only.", "one day", anchor).value == "P1D");
  // "today's youth" and "High Noon" are not dates or times.
  CHECK(tag("It is for today's youth and today's personal computers.", anchor).empty());
  CHECK(tag("He saw High Noon.", anchor).empty());
  CHECK(one("Today's meeting was long.", "Today", anchor).value == "1998-09-30");
  CHECK(tag("Secrets kept for more than two thousand people.", anchor).empty());
  CHECK(one("Searching since shortly after the Oct. 23 slaying.", "Oct. 23", CivilDate{1999, 5, 6})
            .value == "1998-10-23");
}

TEST_CASE("'the year before' follows the year just named; before an event it is unknown") {
  CivilDate anchor{1999, 1, 22};
  CHECK(one("Aid fell to $300 million last year, from $450 million the year before.",
            "the year before", anchor)
            .value == "1997");
  CHECK(one("In 1995 sales rose; the year before, they fell.", "the year before", anchor).value ==
        "1994");
  CHECK(tag("The year before the election was calm.", anchor).empty());
  SUBCASE("weeks move from the narrated day or week") {
    CHECK(one("The fire broke out on Jan. 5. The week before, a smaller one had burned.",
              "The week before", anchor)
              .value == "1998-W53");  // 1998 had 53 ISO weeks
    CHECK(one("The fire broke out on Jan. 5. The following week, the owner resigned.",
              "The following week", anchor)
              .value == "1999-W02");
    CHECK(one("Talks began the week of Jan. 4. The following week, they broke down.",
              "The following week", anchor)
              .value == "1999-W02");
  }
}

TEST_CASE("present-tense schedules, halves of the year, spans of hours and days") {
  CivilDate thursday{2013, 3, 14};
  // No tense marker: a day at most three days ahead is the coming one.
  CHECK(one("The two-day meeting ends Friday.", "Friday", thursday).value == "2013-03-15");
  CHECK(one("The meeting ended Friday.", "Friday", thursday).value == "2013-03-08");
  // Over a weekend too: on a Friday, "meet Monday" is three days ahead.
  CivilDate friday{1998, 5, 1};
  CHECK(one("They meet separately Monday with the envoy.", "Monday", friday).value == "1998-05-04");
  // A verb of a timetable looks ahead further: "they meet Tuesday", said on
  // a Friday, is not the Tuesday gone by.
  CHECK(one("They meet separately Tuesday with the envoy.", "Tuesday", friday).value ==
        "1998-05-05");
  CHECK(one("The trial begins Monday.", "Monday", thursday).value == "2013-03-18");
  CHECK(one("Officials said talks resume Tuesday.", "Tuesday", thursday).value == "2013-03-19");
  CHECK(one("Netanyahu and Arafat meet Wednesday.", "Wednesday", thursday).value == "2013-03-20");
  CHECK(one("The court reconvenes in January.", "January", thursday).value == "2014-01");
  // Not a noun ("his visits"), nor a bare form after "to" or a modal.
  CHECK(one("Officials said his visits Tuesday went well.", "Tuesday", thursday).value ==
        "2013-03-12");
  CHECK(one("Officials said they agreed to meet Tuesday.", "Tuesday", thursday).value ==
        "2013-03-12");
  // After "is" or "are" the same: "is on the line in Tuesday's primary" on a
  // Saturday; four days ahead it is the past day again, but for a present
  // progressive, which tells an arrangement ("is taking on protesters").
  CivilDate saturday{2016, 3, 12};
  CHECK(one("His candidacy is on the line in the primary on Tuesday.", "Tuesday", saturday).value ==
        "2016-03-15");
  CHECK(one("He is hoping for a strong finish Monday.", "Monday", saturday).value == "2016-03-14");
  CHECK(one("His candidacy is on the line in the primary on Wednesday.", "Wednesday", saturday)
            .value == "2016-03-09");
  CHECK(one("Clinton is taking on protesters Wednesday.", "Wednesday", saturday).value ==
        "2016-03-16");
  // With nothing on the left, the present marker on the right governs; a
  // present perfect ("has mounted") and a participle ("taken") look back.
  CHECK(
      one("On Friday, he has a speech scheduled in Ohio.", "Friday", CivilDate{2016, 6, 9}).value ==
      "2016-06-10");
  CHECK(
      one("And since Thursday, Mr. Khan has mounted a campaign.", "Thursday", CivilDate{2016, 8, 1})
          .value == "2016-07-28");
  CHECK(one("The poll, taken Thursday through Monday, has a margin of error.", "Thursday",
            CivilDate{2016, 2, 17})
            .value == "2016-02-11");
  // A future word before a mark governs nothing after it.
  CHECK(one("With the primary looming, the mayor on Monday intervened.", "Monday",
            CivilDate{2016, 4, 5})
            .value == "2016-04-04");
  CHECK(one("It closes in the second half of the year.", "the second half of the year", thursday)
            .value == "2013-H2");
  CHECK(one("Growth slows in the first half of next year.", "the first half of next year", thursday)
            .value == "2014-H1");
  CHECK(one("Sales peak in the fourth quarter of the year.", "the fourth quarter of the year",
            thursday)
            .value == "2013-Q4");
  CHECK(one("Output rises in the first two quarters of 1990.", "the first two quarters of 1990",
            thursday)
            .value == "1990-H1");
  CHECK(one("It lost money in the last two quarters of last year.",
            "the last two quarters of last year", thursday)
            .value == "2012-H2");
  CHECK(one("It lost money in the third quarter of last year.", "the third quarter of last year",
            thursday)
            .value == "2012-Q3");
  // A half of a decade or century is that period, begun or ended.
  auto half =
      tag("The first half of the 1990s was calm, unlike the last half of the '80s.", thursday);
  CHECK(find(half, "The first half of the 1990s").value == "199");
  CHECK(std::string(find(half, "The first half of the 1990s").mod) == "START");
  CHECK(find(half, "the last half of the '80s").value == "198");
  CHECK(std::string(find(half, "the last half of the '80s").mod) == "END");
  // "quarter-to-quarter" compares quarters; it names none.
  CHECK(tag("The quarter-to-quarter comparison was also enhanced.", thursday).empty());
  // A week of a month is the ISO week holding its 4th day (the last but three).
  CHECK(one("Voting starts the first week of April.", "the first week of April", thursday).value ==
        "2013-W14");
  CHECK(one("Talks end in the last week of March 2012.", "the last week of March 2012", thursday)
            .value == "2012-W13");
  CHECK(one("Talks end in the second week of May.", "the second week of May", thursday).value ==
        "2013-W19");
  CHECK(one("The storm lasted for hours.", "hours", thursday).value == "PTXH");
  CHECK(one("A deal could come within days.", "days", thursday).value == "PXD");
  // "Hours later", "days earlier", "minutes later" as "weeks later".
  CHECK(one("He was arrested hours later.", "hours", thursday).value == "PTXH");
  CHECK(one("Days later, he was charged.", "Days", thursday).value == "PXD");
  CHECK(one("They arrived minutes later.", "minutes", thursday).value == "PTXM");
  CHECK(one("Weeks later the case collapsed.", "Weeks", thursday).value == "PXW");
  CHECK(one("Over the years, the town grew.", "the years", thursday).value == "PXY");
  CHECK(one("Prices rose over the decades.", "the decades", thursday).value == "PXE");
  // Counted from an event or naming a period of something: no span of its own.
  CHECK(tag("Over the years of the war, the town grew.", thursday).empty());
  CHECK(tag("Over the years since the war, the town grew.", thursday).empty());
}

TEST_CASE("a month after an infinitive in a past clause is the nearest such month") {
  CivilDate october{1989, 10, 30};
  // The purchase may lie after the agreement: the nearest February.
  CHECK(one("Thermo agreed to purchase the line for $22 million in February.", "February", october)
            .value == "1990-02");
  CHECK(
      one("Delegates threatened to disrupt the convention in July.", "July", CivilDate{2016, 5, 19})
          .value == "2016-07");
  // Without the infinitive the past verb decides.
  CHECK(one("Thermo purchased the line for $22 million in February.", "February", october).value ==
        "1989-02");
  // A comma ends the infinitive's clause.
  CHECK(one("He agreed to resign, and left in February.", "February", october).value == "1989-02");
  // After an implicative word the infinitive happens when the past verb does.
  CivilDate november{2015, 11, 24};
  CHECK(one("He was bold enough to tout his position there in March.", "March", november).value ==
        "2015-03");
  CHECK(one("He managed to pass the bill in March.", "March", november).value == "2015-03");
  CHECK(one("He agreed to hold a summit there in March.", "March", november).value == "2016-03");
}

TEST_CASE("'the previous Friday', 'the following Monday' count from the narrated day") {
  CivilDate monday{1989, 10, 30};
  auto t = tag("Stocks fell Friday. The index closed 4.5% below the previous Friday.", monday);
  CHECK(find(t, "Friday").value == "1989-10-27");
  CHECK(find(t, "the previous Friday").value == "1989-10-20");
  CHECK(one("The deal was signed on Oct. 4. The following Monday, shares rose.",
            "The following Monday", monday)
            .value == "1989-10-09");
  // With no day named before, the anchor's.
  CHECK(one("Shares rose from the previous Friday.", "the previous Friday", monday).value ==
        "1989-10-27");
}

TEST_CASE(
    "a weekday's possessive is past unless 'ahead of', 'heading into', 'will' or a deadline "
    "governs it") {
  CivilDate friday{2016, 3, 11};
  CHECK(one("Campaigns raced ahead of Tuesday's primary.", "Tuesday", friday).value ==
        "2016-03-15");
  CHECK(one("Polls show him trailing just ahead of Sunday's vote.", "Sunday", friday).value ==
        "2016-03-13");
  // "leading up to" is as often told afterwards: the possessive's past day.
  CHECK(one("Claims grew in the days leading up to Monday's caucus.", "Monday", friday).value ==
        "2016-03-07");
  // "heading into" is written on the eve or the morning after: the nearest day.
  CHECK(one("Heading into Monday's caucus, he led.", "Monday", friday).value == "2016-03-14");
  CHECK(one("She led heading into Thursday's primaries.", "Thursday", friday).value ==
        "2016-03-10");
  // A possessive day otherwise names something that has happened.
  CHECK(one("After Wednesday's ruling, exiles protested.", "Wednesday", friday).value ==
        "2016-03-09");
  // "will" governs it; "would" after a past verb is a future seen from the past.
  CivilDate monday{2016, 2, 8};
  CHECK(one("He hopes he will do well in Tuesday's primary.", "Tuesday", monday).value ==
        "2016-02-09");
  CHECK(one("They said they would get around Wednesday's ruling.", "Wednesday", monday).value ==
        "2016-02-03");
  // "will have" is the modal's verb group; "due" names a deadline.
  CivilDate thursday{2016, 3, 10};
  CHECK(one("Voters will have a chance to make their voice known on Tuesday.", "Tuesday", thursday)
            .value == "2016-03-15");
  CHECK(one("The filings due Sunday night are expected to show gains.", "Sunday night", thursday)
            .value == "2016-03-13");
  SUBCASE("a present progressive runs in the coming event, not from a past one") {
    CivilDate saturday{2016, 6, 4};
    CHECK(one("Schoen described the situation Clinton is facing in Tuesday's California primary.",
              "Tuesday", saturday)
              .value == "2016-06-07");
    CHECK(one("She is running in Tuesday\xE2\x80\x99s congressional primary.", "Tuesday",
              CivilDate{2016, 6, 27})
              .value == "2016-06-28");
    CHECK(one("Clinton is still reeling from Tuesday's primary.", "Tuesday", saturday).value ==
          "2016-05-31");
    CHECK(one("Trump is raising questions about his microphone during Monday's debate.", "Monday",
              CivilDate{2016, 9, 30})
              .value == "2016-09-26");
  }
  SUBCASE("the possessive may follow a part of the day") {
    CivilDate sunday{2016, 2, 7};
    CHECK(one("The beginning of Saturday night\xE2\x80\x99s debate was awkward.", "Saturday night",
              sunday)
              .value == "2016-02-06");
    CHECK(one("He hopes he will shine in Tuesday night's debate.", "Tuesday night", sunday).value ==
          "2016-02-09");
  }
}

TEST_CASE("'the end of' before a period's possessive is the possessed thing's end") {
  CivilDate wednesday{2016, 4, 20};
  // The span is the period alone; "the end of" belongs to the contests.
  auto times = tag("By the end of next week's contests, the field will be smaller.", wednesday);
  REQUIRE(times.size() == 1);
  CHECK(times[0].text == "next week");
  CHECK(times[0].value == "2016-W17");
  times = tag("At the end of the week\xE2\x80\x99s talks, they left.", wednesday);
  REQUIRE(times.size() == 1);
  CHECK(times[0].text == "the week");
  // "the turn of the century's architecture" is the period's: no position word.
  CHECK(
      one("He loves the turn of the century's architecture.", "the turn of the century", wednesday)
          .value == "2000");
  // Without the possessive the end is the period's.
  CHECK(
      one("By the end of next week, the field will be smaller.", "the end of next week", wednesday)
          .value == "2016-W17");
  // The period's own "the" after "the end of": one expression, with its position.
  auto quarter = one("By the end of the first quarter, sales may rise.",
                     "the end of the first quarter", CivilDate{2016, 2, 10});
  CHECK(quarter.value == "2016-Q1");
  CHECK(quarter.mod == "END");
}

TEST_CASE("'overnight' is the night before the narrated day") {
  CivilDate monday{1989, 10, 30};
  // In a report of the 30th, the night from the 29th to the 30th.
  CHECK(one("Missiles struck the sites overnight, officials said.", "overnight", monday).value ==
        "1989-10-29TNI");
  // After a day named in the sentence before, the night before that day.
  CHECK(one("London shares fell Friday. They were hit by overnight losses in New York.",
            "overnight", monday)
            .value == "1989-10-26TNI");
  CHECK(one("The rally went on overnight.", "overnight", std::nullopt).value == "XXXX-XX-XXTNI");
  // A night to come is the day's own: tonight, or the named day's night.
  CHECK(one("Temperatures will drop overnight.", "overnight", monday).value == "1989-10-30TNI");
  CHECK(one("Snow will begin Wednesday and continue overnight.", "overnight", monday).value ==
        "1989-11-01TNI");
  // "suddenly" is not a night.
  CHECK(tag("You can't build an organization like that overnight.", monday).empty());
  CHECK(tag("Change will not happen overnight.", monday).empty());
  CHECK(tag("Its size doubled almost overnight.", monday).empty());
  SUBCASE("with a change of state in the clause, 'overnight' is suddenly") {
    CHECK(tag("Overnight, Faso became a serious contender.", monday).empty());
    CHECK(tag("She transformed from \"Queen Nancy\" to \"Bag Lady\" overnight.", monday).empty());
    CHECK(tag("It meant doubling the firm's size and stature overnight.", monday).empty());
    // A change in another clause does not count.
    CHECK(one("Prices doubled, and the sites were struck overnight.", "overnight", monday).value ==
          "1989-10-29TNI");
  }
}

TEST_CASE("'today is the eighth day of ...': the counted day is the anchor's") {
  CivilDate anchor{1990, 8, 15};
  auto t = tag("In the Gulf, today is the eighth day of the blockade.", anchor);
  CHECK(find(t, "the eighth day").value == "1990-08-15");
  CHECK(one("It's the second day of an offensive by the police.", "the second day", anchor).value ==
        "1990-08-15");
  // Without the copula the day is counted from an event, unknown here.
  CHECK(tag("He spoke on the second day of the summit.", anchor).empty());
  CHECK(tag("Monday was the fifth day of protests.", anchor).size() == 1);
}

TEST_CASE("adjectival durations in -long") {
  CivilDate anchor{2000, 4, 3};
  auto t = one("Workers held a day-long strike.", "day-long", anchor);
  CHECK(t.type == "DURATION");
  CHECK(t.value == "P1D");
  CHECK(one("The decades-long feud ended.", "decades-long", anchor).value == "PXE");
  CHECK(one("After a months-long search, he was found.", "months-long", anchor).value == "PXM");
  CHECK(one("The weeklong festival opens today.", "weeklong", anchor).value == "P1W");
  CHECK(one("A yearlong inquiry followed.", "yearlong", anchor).value == "P1Y");
  // "long" alone after a unit is not part of it.
  CHECK(one("They marched on a 10-day-long trek.", "10-day-long", anchor).value == "P10D");
  // "long" without a hyphen is not part of it.
  CHECK(one("It was a day long remembered.", "a day", anchor).value == "P1D");
}

TEST_CASE("'May' and 'March' as modifiers after a determiner") {
  CivilDate anchor{1999, 2, 10};
  CHECK(one("The March accession will make them members.", "March", anchor).value == "1999-03");
  // In a past clause the May before the anchor.
  CHECK(one("During a May interview, she said it again.", "May", anchor).value == "1998-05");
  CHECK(tag("He was at the March on Washington.", anchor).empty());
  CHECK(tag("She works for the March of Dimes.", anchor).empty());
  CHECK(tag("The march ended at the park.", anchor).empty());
  CHECK(tag("Theresa May said the plan may change.", anchor).empty());
}

TEST_CASE("hours of the day in words and restated clock times") {
  CivilDate anchor{2000, 4, 5};
  CHECK(one("The father will leave at 4 in the morning.", "4 in the morning", anchor).value ==
        "2000-04-05T04:00");
  CHECK(one("Polls close at 9 at night.", "9 at night", anchor).value == "2000-04-05T21:00");
  CHECK(one("They met at 3 in the afternoon.", "3 in the afternoon", anchor).value ==
        "2000-04-05T15:00");
  auto t = tag("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", CivilDate{1998, 8, 8});
  CHECK(find(t, "0735 GMT").value == "1998-08-07T07:35");
  // A 24-hour clock with a zone in words, or military "hours" after "at".
  CHECK(one("At 0900 local time, it began.", "0900 local time", anchor).value ==
        "2000-04-05T09:00");
  CHECK(one("The quake struck at 0546 Tokyo time.", "0546 Tokyo time", anchor).value ==
        "2000-04-05T05:46");
  CHECK(one("Troops left at 1400 hours.", "1400 hours", anchor).value == "2000-04-05T14:00");
  CHECK(one("He worked 1400 hours last year.", "1400 hours", anchor).type == "DURATION");
  // Its day after it, as for any clock time.
  CivilDate tuesday{2024, 10, 8};
  CHECK(one("The truce, which took effect at 0400 GMT on Wednesday, held.", "0400 GMT on Wednesday",
            tuesday)
            .value == "2024-10-02T04:00");
  CHECK(one("It began at 0400 local time on Wednesday.", "0400 local time on Wednesday", tuesday)
            .value == "2024-10-02T04:00");
  CHECK(one("At 1400 hours on Oct. 2 it ended.", "1400 hours on Oct. 2", tuesday).value ==
        "2024-10-02T14:00");
  CHECK(tag("Flights resumed at 2430 GMT.", tuesday).empty());
  // The restatement may carry the day itself.
  t = tag("The father will leave at 4 in the morning (4 a.m. EDT Thursday), he said.", anchor);
  CHECK(find(t, "4 in the morning").value == "2000-04-06T04:00");
  CHECK(find(t, "4 a.m. EDT Thursday").value == "2000-04-06T04:00");
  t = tag("Polls opened at 7 a.m. (0400 GMT Sunday) in the capital.", CivilDate{2000, 4, 3});
  CHECK(find(t, "7 a.m.").value == "2000-04-02T07:00");
  CHECK(find(t, "0400 GMT Sunday").value == "2000-04-02T04:00");
  CHECK(one("Trading halts at 1600 GMT Monday.", "1600 GMT Monday", CivilDate{2024, 7, 12}).value ==
        "2024-07-15T16:00");
  // The day after the parenthesis may come with "on"; it dates the restatement too.
  t = tag("It happened at 2:30 p.m. (1130 GMT) on Thursday.", CivilDate{2024, 7, 12});
  CHECK(find(t, "2:30 p.m.").value == "2024-07-11T14:30");
  CHECK(find(t, "1130 GMT").value == "2024-07-11T11:30");
  // The day after a range's end clock time dates its bare start too.
  CivilDate monday{2016, 3, 14};
  t = tag("Polls are open from 7 a.m. to 8 p.m. Tuesday.", monday);
  CHECK(find(t, "7 a.m.").value == "2016-03-15T07:00");
  t = tag("Polls are open between 7 a.m. and 8 p.m. Tuesday.", monday);
  CHECK(find(t, "7 a.m.").value == "2016-03-15T07:00");
  // A start later in the day than the end lies on the day before.
  t = tag("The curfew will run from 10 p.m. to 5 a.m. Saturday.", monday);
  CHECK(find(t, "10 p.m.").value == "2016-03-18T22:00");
  CHECK(find(t, "5 a.m. Saturday").value == "2016-03-19T05:00");
  t = tag("The curfew will run from midnight to 6 a.m. Saturday.", monday);
  CHECK(find(t, "midnight").value == "2016-03-18T24:00");
  // Not across a sentence's clauses, nor a start that names its own day.
  t = tag("The storm hit at 7 a.m.; the warning lasted to 8 p.m. Tuesday.", monday);
  CHECK(find(t, "7 a.m.").value == "2016-03-14T07:00");
  t = tag("Shops open from 9 a.m. Friday to 5 p.m. Saturday.", monday);
  CHECK(find(t, "9 a.m. Friday").value == "2016-03-18T09:00");
  CHECK(find(t, "5 p.m. Saturday").value == "2016-03-19T17:00");
  // A restated day in another time zone may be the day before or after the clock time's.
  t = tag("Voting ended at 8 p.m. local time (0100 GMT Thursday).", CivilDate{2024, 7, 12});
  CHECK(find(t, "8 p.m. local time").value == "2024-07-10T20:00");
  CHECK(find(t, "0100 GMT Thursday").value == "2024-07-11T01:00");
  t = tag("The quake struck at 02:14 local time (1914 GMT Thursday).", CivilDate{2024, 7, 13});
  CHECK(find(t, "02:14 local time").value == "2024-07-12T02:14");
  t = tag("The vote closed at midnight (0500 GMT Thursday).", CivilDate{2024, 7, 12});
  CHECK(find(t, "midnight").value == "2024-07-10T24:00");
  t = tag("It began at 11:30 p.m. (4:30 a.m. GMT Sunday).", CivilDate{2024, 7, 15});
  CHECK(find(t, "11:30 p.m.").value == "2024-07-13T23:30");
  // British clock times with a point, only before a.m./p.m. or a zone.
  CHECK(one("The blast at 3.15pm shook the city.", "3.15pm", anchor).value == "2000-04-05T15:15");
  CHECK(one("At 10.30 a.m., it opens.", "10.30 a.m.", anchor).value == "2000-04-05T10:30");
  CHECK(one("It closed at 22.30 BST on Tuesday.", "22.30 BST on Tuesday", anchor).value ==
        "2000-04-04T22:30");
  CHECK(tag("Rates rose 3.15 percent.", anchor).empty());
  CHECK(tag("The shares rose 12.50 local currency units.", anchor).empty());
  // A weekday after a clock time may be followed by its date.
  CHECK(one("The consultation closes at midnight on Friday 25 October.",
            "midnight on Friday 25 October", CivilDate{2024, 10, 8})
            .value == "2024-10-25T24:00");
  CHECK(one("At 5 p.m. Friday 25 people died.", "5 p.m. Friday", anchor).value ==
        "2000-03-31T17:00");
  // Hours in words before "o'clock".
  CHECK(one("He tweets at three o'clock in the morning.", "three o'clock in the morning", anchor)
            .value == "2000-04-05T03:00");
  CHECK(
      one("At nine o\u2019clock at night they left.", "nine o\u2019clock at night", anchor).value ==
      "2000-04-05T21:00");
  // Without a day in or after the parentheses the clock time keeps the anchor's day.
  t = tag("The talks resumed at 9 a.m. (local time) in Geneva.", anchor);
  CHECK(find(t, "9 a.m.").value == "2000-04-05T09:00");
}

TEST_CASE("minutes counted from an hour, and an hour with a part of day that names its day") {
  CivilDate anchor{2024, 7, 10};  // a Wednesday
  SUBCASE("half past, a quarter to, minutes past") {
    CHECK(one("The talks began at half past nine.", "half past nine", anchor).value ==
          "2024-07-10T09:30");
    CHECK(one("The meeting ended at a quarter to ten.", "a quarter to ten", anchor).value ==
          "2024-07-10T09:45");
    CHECK(one("He arrived at ten past six.", "ten past six", anchor).value == "2024-07-10T06:10");
    CHECK(one("It was set for 20 minutes to midnight tonight.", "20 minutes to midnight tonight",
              anchor)
              .value == "2024-07-10T23:40");
    CHECK(one("They will leave at half past midnight.", "half past midnight", anchor).value ==
          "2024-07-11T00:30");
    // The hour keeps its a.m./p.m., its part of day and its day.
    CHECK(one("It ended at quarter past 3 p.m. Friday.", "quarter past 3 p.m. Friday", anchor)
              .value == "2024-07-05T15:15");
    CHECK(one("It ended at quarter past 3 in the afternoon.", "quarter past 3 in the afternoon",
              anchor)
              .value == "2024-07-10T15:15");
    CHECK(one("The talks began at half past nine on Monday.", "half past nine on Monday", anchor)
              .value == "2024-07-08T09:30");
  }
  SUBCASE("fractions, ranges and counts are no clock times") {
    CHECK(tag("One-quarter to one-third of the workers back him.", anchor).empty());
    CHECK(tag("Support rose from ten to six percent.", anchor).empty());
    CHECK(tag("Half past presidents agreed.", anchor).empty());
    CHECK(one("Ten past nine years of growth.", "past nine years", anchor).value == "P9Y");
  }
  SUBCASE("an hour before 'tonight', 'this morning', 'last night'") {
    CHECK(one("He will speak at 10 o'clock tonight.", "10 o'clock tonight", anchor).value ==
          "2024-07-10T22:00");
    CHECK(one("He will speak at 10 tonight.", "10 tonight", anchor).value == "2024-07-10T22:00");
    CHECK(one("He will speak at 10 p.m. tonight.", "10 p.m. tonight", anchor).value ==
          "2024-07-10T22:00");
    CHECK(one("He spoke at 9 last night.", "9 last night", anchor).value == "2024-07-09T21:00");
    CHECK(one("He spoke at nine this morning.", "nine this morning", anchor).value ==
          "2024-07-10T09:00");
    CHECK(one("It should be done by 6 o'clock this afternoon.", "6 o'clock this afternoon", anchor)
              .value == "2024-07-10T18:00");
    CHECK(one("They met at 7:30 yesterday evening.", "7:30 yesterday evening", anchor).value ==
          "2024-07-09T19:30");
    // "2 tonight" is early on the next day: the hour is not read with it.
    CHECK(find(tag("The raid began at 2 tonight.", anchor), "tonight").value == "2024-07-10TNI");
  }
  SUBCASE("an hour before 'last evening' or a weekday's part of day") {
    CHECK(one("He spoke at 9 last evening.", "9 last evening", anchor).value == "2024-07-09T21:00");
    CHECK(one("Police arrived at 11 Saturday night.", "11 Saturday night", anchor).value ==
          "2024-07-06T23:00");
    CHECK(one("By 5 on Friday afternoon, it was over.", "5 on Friday afternoon", anchor).value ==
          "2024-07-05T17:00");
    CHECK(one("He was due at nine o'clock Monday morning.", "nine o'clock Monday morning", anchor)
              .value == "2024-07-08T09:00");
    // "2 Saturday night" is early on Sunday: the hour is not read with it.
    CHECK(find(tag("They left at 2 Saturday night.", anchor), "Saturday night").value ==
          "2024-07-06");
  }
}

TEST_CASE("a span of years written '2019-20' names both years") {
  CivilDate anchor{2024, 7, 10};
  auto t = tag("He played in the 2019-20 season and the 2023/24 season.", anchor);
  CHECK(find(t, "2019").value == "2019");
  CHECK(find(t, "20").value == "2020");
  CHECK(find(t, "24").value == "2024");
  CHECK(find(tag("The 1999\u201300 budget.", anchor), "00").value == "2000");
  // Not a date running on, nor two digits that may be a month ("2019-05").
  CHECK(tag("It was dated 2011-12-05.", anchor).size() == 1);
  CHECK(tag("Scores of 2019-05 were posted.", anchor).size() == 1);
}

TEST_CASE("'about'/'almost' stay outside a duration but inside an offset from now") {
  CivilDate anchor{2016, 7, 6};
  auto ago = one("The plant closed almost two years ago.", "almost two years ago", anchor);
  CHECK(ago.value == "2014");
  CHECK(ago.mod == "APPROX");
  CHECK(one("About a decade ago, he served abroad.", "About a decade ago", anchor).value == "2006");
  // A duration keeps the approximator out of its span (both TimeML halves agree).
  auto dur = one("He waited about five hours.", "five hours", anchor);
  CHECK(dur.value == "PT5H");
  CHECK(dur.mod == "APPROX");
}

TEST_CASE(
    "a holiday under a past verb elsewhere in the clause moves back only beyond three months") {
  CivilDate august{2016, 8, 17};
  CHECK(one("He campaigned in Ohio and hinted at his role as Election Day nears.", "Election Day",
            august)
            .value == "2016-11-08");
  CHECK(one("The ads targeted voters who stayed away from the polls on Election Day.",
            "Election Day", august)
            .value == "2016-11-08");
  CHECK(one("The debate was held the Saturday before Christmas.", "Christmas",
            CivilDate{2015, 12, 23})
            .value == "2015-12-25");
  // A past verb right before it, or a holiday far ahead, is last year's.
  CHECK(one("Dozens were arrested on Christmas.", "Christmas", CivilDate{2016, 1, 20}).value ==
        "2015-12-25");
  CHECK(one("The party celebrated Thanksgiving with its donors.", "Thanksgiving",
            CivilDate{2016, 3, 2})
            .value == "2015-11-26");
  // So does a fronted holiday with a past verb of its own.
  CHECK(one("On Labor Day, traffic rose.", "Labor Day").value == "2023-09-04");
  CHECK(one("On Labor Day, traffic will rise.", "Labor Day").value == "2024-09-02");
  // A future tense puts a passed holiday a year on.
  CHECK(one("By then, on Election Day, the race will have changed.", "Election Day",
            CivilDate{2015, 11, 18})
            .value == "2016-11-08");
}

TEST_CASE("holiday names match with a typographic apostrophe") {
  CivilDate anchor{2015, 12, 31};
  CHECK(one("The messages released on New Year\xE2\x80\x99s Eve were long.",
            "New Year\xE2\x80\x99s Eve", anchor)
            .value == "2015-12-31");
  CHECK(one("Voters met on Valentine\xE2\x80\x99s Day.", "Valentine\xE2\x80\x99s Day",
            CivilDate{2016, 2, 20})
            .value == "2016-02-14");
}

TEST_CASE("a capitalised 'Year' or 'Century' inside a title or a firm's name is no date") {
  CivilDate anchor{2016, 8, 1};
  CHECK(tag("The magazine chose her as its Person of the Year again.", anchor).empty());
  CHECK(tag("He took a top job at 21st Century Fox in London.", anchor).empty());
  CHECK(tag("It was called the Year of the Woman by her fans.", anchor).empty());
  // Dates stay dates.
  CHECK(
      one("He was among the top athletes of the 20th Century.", "the 20th Century", anchor).value ==
      "19");
  CHECK(one("The Year ahead looks hard.", "The Year", anchor).value == "2016");
  CHECK(one("Sales rose during the year.", "the year", anchor).value == "2016");
}

TEST_CASE("a capitalised frequency word in a paper's or show's name is no set") {
  CivilDate anchor{2016, 4, 8};
  CHECK(tag("He told the New York Daily News about it.", anchor).empty());
  CHECK(tag("The critic at Publishers Weekly liked it.", anchor).empty());
  CHECK(tag("\"Daily Show\" host Trevor Noah laughed.", anchor).empty());
  // Common use stays a set, also at the start of a sentence.
  CHECK(one("The group met daily at the office.", "daily", anchor).value == "P1D");
  CHECK(one("Weekly, the board reviews the figures.", "Weekly", anchor).value == "P1W");
}

TEST_CASE("a capitalised part of day, 'Today' or 'Now' inside a sentence is part of a name") {
  CivilDate anchor{2016, 5, 18};
  CHECK(tag("He told CBS This Morning that he would run.", anchor).empty());
  CHECK(tag("She is joining the \"Today\" show as an anchor.", anchor).empty());
  CHECK(tag("He played the senator on Saturday Night Live again.", anchor).empty());
  CHECK(tag("The group One Wisconsin Now found the columns.", anchor).empty());
  CHECK(tag("Fans watched the start of the Summer Olympics.", anchor).empty());
  // So is any word of a vague reference: a title.
  CHECK(tag("They added a clip from \"Back to the Future\" to the ad.", anchor).empty());
  CHECK(tag("It was a Blast from the Past party.", anchor).empty());
  CHECK(one("Talks may resume in the future.", "the future", anchor).value == "FUTURE_REF");
  // The start of a sentence, or of a quoted one, and shouted capitals are no names.
  CHECK(one("Rubio said, \"Tonight was supposed to be ours.\"", "Tonight", anchor).value ==
        "2016-05-18TNI");
  CHECK(one("The firm is Widget Co. Recently, rivals gained.", "Recently", anchor).value ==
        "PAST_REF");
  CHECK(one("We need it NOW!", "NOW", anchor).value == "PRESENT_REF");
  CHECK(one("Today, the board met.", "Today", anchor).value == "2016-05-18");
  // A headline in title case capitalises every word.
  CHECK(one("Senate Returns To Work In The Summer", "The Summer", anchor).value == "2016-SU");
}

TEST_CASE("the coming season under a past verb elsewhere in the sentence stays ahead") {
  CivilDate august{2016, 8, 17};
  CHECK(one("Supporters waved signs in hopes of seeing the duo on the ticket in the fall.",
            "the fall", august)
            .value == "2016-FA");
  // A past verb right before it or after it: the season before.
  CHECK(one("They met in the fall.", "the fall", august).value == "2015-FA");
  CHECK(one("In the spring after the scandal broke, she said nothing.", "the spring",
            CivilDate{2015, 12, 1})
            .value == "2015-SP");
}

TEST_CASE("a modal perfect ('might have been') looks back; 'will have' still ahead") {
  CivilDate friday{2016, 3, 4};
  CHECK(one("After his wins Tuesday night, this might have been his best week.", "Tuesday night",
            friday)
            .value == "2016-03-01");
  CHECK(one("By Tuesday, the race will have changed.", "Tuesday", friday).value == "2016-03-08");
}

TEST_CASE("later years, months of that year and weekdays counted in a month follow the narrative") {
  CivilDate anchor{2016, 3, 15};
  // "later" never counts from the publication date: from the year just named,
  // else only the span is known.
  CHECK(one("Obama won the state in 2008 but lost it to Romney four years later.",
            "four years later", anchor)
            .value == "2012");
  CHECK(one("On Nov. 11, 2014, they met. A little more than a year later, they signed.",
            "more than a year later", anchor)
            .value == "2015");
  CHECK(
      one("An attack that even three years later remains charged.", "three years", anchor).value ==
      "P3Y");
  // Nor past the publication year in a clause that does not look ahead: the
  // year moved on is the wrong one.
  CHECK(one("Last year, she spoke at a conference. And a decade later, HP remains on the brink.",
            "a decade", CivilDate{2016, 1, 20})
            .value == "P10Y");
  CHECK(
      one("In 2014 they won. Three years later, they will run again.", "Three years later", anchor)
          .value == "2017");
  // A month or season with "that" or "of that year" is of the narrative's year.
  auto narrated =
      tag("Obama took office in January 2009 and the rate peaked in October of that year. "
          "Humphrey ran in 1968. His loss that November hurt, and one rival quit that spring.",
          anchor);
  CHECK(find(narrated, "October of that year").value == "2009-10");
  CHECK(find(narrated, "that November").value == "1968-11");
  CHECK(find(narrated, "that spring").value == "1968-SP");
  // "said Tuesday that March 1 is ...": "that" opens a clause.
  CHECK(one("In 2012 he ran. He said Tuesday that March 1 is key.", "March 1", anchor).value ==
        "2016-03-01");
  // A weekday counted within a month, last or nth.
  CHECK(one("The board met on the last Friday in August 2015.", "the last Friday in August 2015",
            anchor)
            .value == "2015-08-28");
  CHECK(one("Labor Day falls on the first Monday in September 2016.",
            "the first Monday in September 2016", anchor)
            .value == "2016-09-05");
  CHECK(one("At 2 p.m. on the last Friday in August 2015, the board met.",
            "2 p.m. on the last Friday in August 2015", anchor)
            .value == "2015-08-28T14:00");
  // A full date then a clock time is one timestamp, even glued to a scraped headline.
  CHECK(one("Posted February 6, 2016 9:52PMBush speaks.", "February 6, 2016 9:52", anchor).value ==
        "2016-02-06T21:52");
  CHECK(one("Updated: March 5, 2024, 10:31 a.m. Prices rose.", "March 5, 2024, 10:31 a.m.", anchor)
            .value == "2024-03-05T10:31");
  CHECK(one("On May 5, 2015, 20 people came.", "May 5, 2015", anchor).value == "2015-05-05");
  CHECK(one("Published: Tue 8 Oct 2024 07.00 BST", "Tue 8 Oct 2024 07.00 BST", anchor).value ==
        "2024-10-08T07:00");
  CHECK(one("Posted on 8 October 2024 at 7pm.", "8 October 2024 at 7pm", anchor).value ==
        "2024-10-08T19:00");
  CHECK(one("On 5 May 2010 100 people died.", "5 May 2010", anchor).value == "2010-05-05");
  // A timestamp's clock does not read the next date: each keeps its own day.
  std::string log;
  for (int d = 1; d <= 28; ++d) log += "Feb. " + std::to_string(d) + ", 2015 5 p.m. ";
  auto stamps = tag(log, anchor);
  REQUIRE(stamps.size() == 28);
  CHECK(stamps[0].value == "2015-02-01T17:00");
  CHECK(stamps[27].value == "2015-02-28T17:00");
  // "next March 3", "this coming September 30": that day, the first one after the anchor.
  CHECK(one("The deal expires next March 3.", "next March 3", anchor).value == "2017-03-03");
  CHECK(one("It airs this coming March 30.", "this coming March 30", anchor).value == "2016-03-30");
  CHECK(one("He came last March 3 years ago.", "3 years ago", anchor).value == "2013");
  CHECK(one("It met on the fifth Monday of February 2016.", "the fifth Monday of February 2016",
            anchor)
            .value == "2016-02-29");
}

TEST_CASE("the verb that governs a fronted weekday, and 'since' before a gerund") {
  CivilDate thursday{2016, 3, 17};
  CHECK(one("On Tuesday, the company said it would not file its report.", "Tuesday", thursday)
            .value == "2016-03-15");
  CHECK(one("On Monday, Sanders told the AP that he would run.", "Monday", thursday).value ==
        "2016-03-14");
  // "since" governs a month after a gerund and its object.
  CHECK(one("Since announcing in October that he would not run, he has campaigned.", "October",
            thursday)
            .value == "2015-10");
  CHECK(one("Since taking office in January, he has worked.", "January", thursday).value ==
        "2016-01");
  // A sentence-opening participle is a past verb, unlike a name ("United").
  CHECK(one("Asked on Monday whether he would run, she laughed.", "Monday", thursday).value ==
        "2016-03-14");
  // A parenthetical "officials said," does not: the clause's own verb does.
  CHECK(one("On Tuesday, officials said, the board will vote.", "Tuesday", thursday).value ==
        "2016-03-22");
  SUBCASE("a reporting verb after a closed quotation dates the words, not what they say") {
    CivilDate june{2016, 6, 10};
    CHECK(one("\"I feel very good about chances in November,\" Tester said.", "November", june)
              .value == "2016-11");
    // Before the quotation opens, the time is the speaking's.
    CHECK(one("In November, \"we feel good,\" Tester said.", "November", june).value == "2015-11");
  }
  SUBCASE("'says' reports in the present") {
    CivilDate august{2016, 8, 10};
    CHECK(
        one("Her fate in the November election hinges on it, an analyst says.", "November", august)
            .value == "2016-11");
    CHECK(one("As Election Day nears, Stone says, the number of independents -- always "
              "exaggerated -- shrinks.",
              "Election Day", CivilDate{2016, 2, 18})
              .value == "2016-11-08");
  }
  SUBCASE("a participle after 'being' is a passive, not a past verb") {
    CivilDate april{2016, 4, 3};
    CHECK(one("They need not name a candidate before being elected, leaving their votes open "
              "until the convention in July.",
              "July", april)
              .value == "2016-07");
    CHECK(one("They need not name a candidate before they were elected, leaving their votes "
              "open until the convention in July.",
              "July", april)
              .value == "2015-07");
  }
}

TEST_CASE("words that only look temporal") {
  CivilDate anchor{2016, 9, 28};
  // "following" without "the" is a preposition.
  CHECK(one("Following Monday's debate, Politifact did a check.", "Monday", anchor).value ==
        "2016-09-26");
  CHECK(tag("It is a slow issue that, on a day-to-day basis, people do not see.", anchor).empty());
  CHECK(tag("They retaliated against Christmas trees and visited Easter Island.", anchor).empty());
  CHECK(one("He flew home for Christmas.", "Christmas", anchor).value == "2015-12-25");
  // Another calendar's holiday is not the Gregorian one of that name.
  CHECK(tag("Lunar New Year falls in February.", anchor).size() == 1);  // February alone
  CHECK(tag("Orthodox Christmas was quiet.", anchor).empty());
  // A month before a capitalised name is a first name; after a determiner, a modifier.
  CHECK(tag("April Mellody, a spokeswoman, declined to comment.", anchor).empty());
  CHECK(one("At a June Trump campaign event, he spoke.", "June", anchor).value == "2016-06");
  // Digits glued to letters are a code or a link, not a time.
  CHECK(tag("See pic.twitter.com/P2qpm3h3Pm and the F16 jet.", anchor).empty());
  CHECK(one("Years from now, you will look back.", "Years from now", anchor).value == "FUTURE_REF");
  CHECK(one("Two weeks from today, polls open.", "Two weeks from today", CivilDate{2013, 3, 21})
            .value == "2013-04-04");
  CHECK(one("It is three days from today's vote.", "three days").type == "DURATION");
  // "ago today" names the day: the anniversary, or the day weeks before.
  CivilDate leap{2024, 2, 29};
  CHECK(one("A year ago today he left.", "A year ago today", leap).value == "2023-02-28");
  CHECK(one("Four years ago today it began.", "Four years ago today", leap).value == "2020-02-29");
  CHECK(one("Two weeks ago today it passed.", "Two weeks ago today", leap).value == "2024-02-15");
  CHECK(one("A year ago, today's leaders were young.", "A year ago", leap).value == "2023");
  // Weeks counted from a weekday, and years back to this month.
  CivilDate monday{2016, 3, 14};
  CHECK(one("The poll was taken a week ago Sunday.", "a week ago Sunday", monday).value ==
        "2016-03-06");
  CHECK(one("The vote is a week from Tuesday.", "a week from Tuesday", monday).value ==
        "2016-03-22");
  CHECK(
      one("Clinton won eight years ago this month.", "eight years ago this month", monday).value ==
      "2008-03");
  CHECK(find(tag("He left two weeks ago, on Friday.", monday), "two weeks ago").value ==
        "2016-W09");
  CHECK(tag("After this fall in prices, the indicators changed.", anchor).empty());
  CHECK(one("He campaigns this fall in Ohio.", "this fall", anchor).value == "2016-FA");
  // Ages are not temporal expressions.
  CHECK(tag("He was only five years old; then 29-years-old, he polled 18-to-34-year-olds.", anchor)
            .empty());
  // A rate counted in nouns the lexicon knows for other reasons is still a rate.
  CHECK(tag("Growers plant two million trees annually.", anchor).empty());
  // A year that a clause names is not the anchor's.
  CHECK(tag("That was the year he returned to teaching, the year Mr. Ackman bought in.", anchor)
            .empty());
  CHECK(one("Sales rose for the year.", "the year", anchor).value == "2016");
  // A final day is not yesterday; "in the last day" is a span.
  CHECK(tag("On the last day of the convention, she spoke. It was his last day in office.", anchor)
            .empty());
  CHECK(one("Prices fell in the last day.", "the last day", anchor).value == "P1D");
}

TEST_CASE("'can' and 'must' look ahead; 'can't' does not") {
  CivilDate march{2016, 3, 1};
  CHECK(one("Voters want a candidate who can win in November.", "November", march).value ==
        "2016-11");
  CHECK(one("Clinton must win in November.", "November", march).value == "2016-11");
  // "would have" + a noun is the modal's verb group; + a participle, a modal perfect.
  CHECK(one("He would have trouble winning in the fall.", "the fall", march).value == "2016-FA");
  CHECK(one("He would have won in the fall.", "the fall", march).value == "2015-FA");
  // "this summer" under a future verb in winter is the coming one.
  CHECK(one("He will speak at the convention this summer.", "this summer", CivilDate{2015, 12, 21})
            .value == "2016-SU");
  CHECK(one("You can't trash us in February and then come back.", "February", march).value ==
        "2016-02");
}

TEST_CASE("'the past' before a count modifies it; spans counted with '-plus' and '-and-a-half'") {
  CivilDate august{2016, 8, 17};
  // A count of things, not of time: no expression at all.
  CHECK(tag("Sanders has won six of the past seven contests.", august).empty());
  CHECK(tag("The past two winners rose on the religious right.", august).empty());
  CHECK(tag("In the past few election cycles they lost.", august).empty());
  // "the past" alone still names the past.
  CHECK(one("In the past, he said so.", "the past", august).value == "PAST_REF");
  CHECK(one("Over the past two years it grew.", "the past two years", august).value == "P2Y");
  auto seven = one("His agenda over the past seven-and-a-half years hurt.",
                   "seven-and-a-half years", august);
  CHECK(seven.value == "P7Y6M");
  auto plus = one("Contests over the past four-plus months.", "four-plus months", august);
  CHECK(plus.value == "P4M");
  CHECK(std::string(plus.mod) == "MORE_THAN");
  // "half-dozen" is six, never the dozen alone.
  CHECK(one("Stumbles over the past half-dozen days.", "the past half-dozen days", august).value ==
        "P6D");
}

TEST_CASE("a count before a singular unit is an adjective; the article stays outside") {
  CivilDate march{2016, 3, 16};
  CHECK(one("The 60 second ad ends with a voice.", "60 second", march).value == "PT60S");
  CHECK(one("In the 95 minute rant he spoke.", "95 minute", march).value == "PT95M");
  CHECK(one("Over the two years he rose.", "the two years", march).value == "P2Y");
}

TEST_CASE("a quarter's kind between the ordinal and 'quarter' does not move it") {
  CivilDate november{2015, 11, 23};
  CHECK(one("His haul in the third fundraising quarter was small.", "the third fundraising quarter",
            november)
            .value == "2015-Q3");
  CHECK(one("It rose in the third calendar quarter of 2014.", "the third calendar quarter of 2014",
            november)
            .value == "2014-Q3");
}

TEST_CASE("'the September quarter' is the quarter that ends with that month") {
  CivilDate july{2023, 7, 26};
  CHECK(one("Growth will slow in the September quarter.", "the September quarter", july).value ==
        "2023-Q3");
  CHECK(one("In the December quarter, sales rose.", "the December quarter", july).value ==
        "2022-Q4");
  // Not a month that ends no quarter.
  CHECK(one("In the August quarter, sales rose.", "August", july).value == "2022-08");
}

TEST_CASE("half a dozen is six, two dozen twenty-four") {
  CivilDate april{2016, 4, 10};
  CHECK(one("It took half a dozen years.", "half a dozen years", april).value == "P6Y");
  CHECK(one("It took a half-dozen years.", "a half-dozen years", april).value == "P6Y");
  CHECK(one("He left a half dozen weeks ago.", "a half dozen weeks ago", april).value ==
        "2016-W08");
  CHECK(one("Two dozen hours later, it ended.", "Two dozen hours", april).value == "PT24H");
  CHECK(one("He served for a dozen years.", "a dozen years", april).value == "P12Y");
  SUBCASE("a half alone is still a fraction, and a dozen of things no time") {
    CHECK(one("They waited half an hour.", "half an hour", april).value == "PT30M");
    CHECK(tag("Half a dozen voters stayed home.", april).empty());
  }
}

TEST_CASE("a part of day repeated is a set of every day's part") {
  CivilDate november{2015, 11, 19};
  auto night = one("He had to sleep every night in a dormitory.", "every night", november);
  CHECK(night.type == "SET");
  CHECK(night.value == "XXXX-XX-XXTNI");
  CHECK(one("The reason he got up every morning.", "every morning", november).value ==
        "XXXX-XX-XXTMO");
}

TEST_CASE("a date under an infinitive after a past verb is the infinitive's") {
  CivilDate july{2016, 7, 31};
  CHECK(one("She believed Russia engineered the release to influence the Nov. 8 election.",
            "Nov. 8", july)
            .value == "2016-11-08");
  CHECK(one("It was seen as an attempt to appear presidential ahead of the Nov. 8 election.",
            "Nov. 8", CivilDate{2016, 7, 3})
            .value == "2016-11-08");
  // "to" before a noun it governs starts no infinitive: the past verb decides.
  CHECK(one("Slepian was shot to death on the night of Oct. 23 in his home.", "Oct. 23",
            CivilDate{1999, 5, 5})
            .value == "1998-10-23");
  CHECK(one("Kopp was sent to prison on Oct. 23.", "Oct. 23", CivilDate{1999, 5, 5}).value ==
        "1998-10-23");
}

TEST_CASE("an event whose only verb reports is dated as if no verb were past") {
  CivilDate july{2016, 7, 31};
  CHECK(
      one("The nominee for the Nov. 8 election later said he was joking.", "Nov. 8", july).value ==
      "2016-11-08");
  CHECK(one("The nominee for the November election later said he was joking.", "November", july)
            .value == "2016-11");
  // A parenthetical report does not govern: the event's own verb does.
  CHECK(one("The Nov. 8 election, officials said, was close.", "Nov. 8", july).value ==
        "2015-11-08");
  CHECK(one("The November election, officials said, was close.", "November", july).value ==
        "2015-11");
}

TEST_CASE("a final period, a generic 'of tomorrow' and days after Thanksgiving") {
  CivilDate december{2015, 12, 15};
  // "his last year in office" is his final year, not the year before the anchor.
  auto parties = tag("He hosted parties in 2008, his last year in office.", december);
  REQUIRE(parties.size() == 1);
  CHECK(parties[0].value == "2008");
  CHECK(one("His last week was busy.", "last week", december).value == "2015-W50");
  CHECK(one("Last year he hosted none.", "Last year", december).value == "2014");
  // After "of", a plural noun makes the day a figure of speech.
  CHECK(tag("They are the presidential candidates of tomorrow.", december).empty());
  CHECK(one("The results of tomorrow's vote matter.", "tomorrow", december).value == "2015-12-16");
  // Black Friday and Cyber Monday follow Thanksgiving (the fourth Thursday of November).
  CHECK(one("Protesters marched on Black Friday.", "Black Friday", CivilDate{2015, 12, 4}).value ==
        "2015-11-27");
  CHECK(
      one("Stores expect crowds on Black Friday.", "Black Friday", CivilDate{2019, 11, 1}).value ==
      "2019-11-29");  // November 1 is a Friday: not the fourth Friday
  CHECK(one("Cyber Monday sales rose.", "Cyber Monday", CivilDate{2015, 12, 4}).value ==
        "2015-11-30");
}

TEST_CASE("Super Tuesday is the first Tuesday of March, not the nearest Tuesday") {
  CHECK(one("Rubio's poor showings on Super Tuesday hurt him.", "Super Tuesday",
            CivilDate{2016, 3, 10})
            .value == "2016-03-01");
  CHECK(one("She is counting on South Carolina and on Super Tuesday.", "Super Tuesday",
            CivilDate{2016, 2, 9})
            .value == "2016-03-01");
  CHECK(one("Voters go to the polls on Super Tuesday.", "Super Tuesday", CivilDate{2020, 2, 20})
            .value == "2020-03-03");
  // "Super Tuesday 2" is another Tuesday: the weekday alone.
  CHECK(one("Right before 'Super Tuesday 2' she won.", "Tuesday", CivilDate{2016, 3, 15}).value ==
        "2016-03-15");
}

TEST_CASE("a month or date naming a scheduled event is the coming one unless a past verb rules") {
  CivilDate march{2016, 3, 4};
  CHECK(one("It is far better for them if the November election does not break their way.",
            "November", march)
            .value == "2016-11");
  CHECK(
      one("Residents aren't eligible to vote in the November general election.", "November", march)
          .value == "2016-11");
  CHECK(one("Voters head to the polls for the Nov. 8 election.", "Nov. 8", march).value ==
        "2016-11-08");
  // A past verb, or a date only weeks gone, keeps the one before.
  CHECK(one("Bevin won the November election.", "November", march).value == "2015-11");
  CHECK(one("Trump said, referring to the Sept. 16 debate on the network.", "Sept. 16",
            CivilDate{2015, 12, 3})
            .value == "2015-09-16");
  // Without an event the month is still the nearest one.
  CHECK(one("They say November does not break their way.", "November", march).value == "2015-11");
  // A participle after "may be", "can be" is a passive, not a past verb.
  CHECK(one("He suggests the November vote may be rigged.", "November", CivilDate{2016, 8, 16})
            .value == "2016-11");
  SUBCASE("a past verb in another clause does not date the event; the event's own verb does") {
    CHECK(one("The justice they may get stuck with if the November election does not break their "
              "way.",
              "November", march)
              .value == "2016-11");
    CHECK(one("Tuesday's contests strengthened the prospect that the November election will pit "
              "them against each other.",
              "November", march)
              .value == "2016-11");
    CHECK(one("Europe doubted, with low growth and the threat of a British exit in a June "
              "referendum.",
              "June", CivilDate{2016, 3, 23})
              .value == "2016-06");
    CHECK(one("When Bevin won, the November election was close.", "November", march).value ==
          "2015-11");
    CHECK(one("The summit prompted NATO at its July summit to act.", "July", CivilDate{2016, 9, 10})
              .value == "2016-07");
  }
  SUBCASE("a reported clause that opens with the event has its own verb") {
    CivilDate august{2016, 8, 17};
    CHECK(one("He told reporters the December summit will be held in Paris.", "December", august)
              .value == "2016-12");
    CHECK(one("Officials said the November election was rigged.", "November", august).value ==
          "2015-11");
    // Not an event the reporting verb's own prepositional phrase places.
    CHECK(one("He said at the November summit that he would quit.", "November", august).value ==
          "2015-11");
  }
  SUBCASE("a month's possessive before the event") {
    CHECK(one("They hope to take him on in November's general election.", "November",
              CivilDate{2016, 1, 22})
              .value == "2016-11");
    CHECK(one("Bevin won November's election.", "November", march).value == "2015-11");
  }
}

TEST_CASE("shares of a period are rates; 'this N years ago' is the offset") {
  CivilDate june{2016, 6, 17};
  CHECK(tag("Users spend 50 minutes a day on the site.", june).empty());
  CHECK(tag("The show airs seven days a week.", june).empty());
  CHECK(tag("Workers earn $20 or more an hour.", june).empty());
  CHECK(one("It lasted a day.", "a day", june).value == "P1D");
  auto ago = one("You said this 20 years ago.", "20 years ago", CivilDate{2015, 11, 8});
  CHECK(ago.type == "DATE");
  CHECK(ago.value == "1995");
}

TEST_CASE("'ahead of' opens a noun phrase whose weekday lies ahead") {
  CivilDate friday{2016, 4, 15};
  CHECK(one("The race has turned nasty ahead of New York's delegate-rich Tuesday primary.",
            "Tuesday", friday)
            .value == "2016-04-19");
  CHECK(one("She is in a tight race ahead of the Iowa caucuses on Monday.", "Monday",
            CivilDate{2016, 1, 29})
            .value == "2016-02-01");
  // Without "ahead of" the possessive weekday is past.
  CHECK(one("The race turned nasty after New York's Tuesday primary.", "Tuesday", friday).value ==
        "2016-04-12");
}

TEST_CASE("the turn of the century is the century year nearest the anchor") {
  CHECK(one("By the turn of the century, computers will fail.", "the turn of the century",
            CivilDate{1998, 5, 1})
            .value == "2000");
  CHECK(one("Job losses since the turn of the century hurt.", "the turn of the century",
            CivilDate{2016, 4, 27})
            .value == "2000");
  // So is the turn of the millennium's year.
  CHECK(one("It was launched at the turn of the millennium.", "the turn of the millennium",
            CivilDate{2026, 2, 18})
            .value == "2000");
}

TEST_CASE("the end of the decade or century is the anchor's, unless the tense says otherwise") {
  CivilDate anchor{2013, 4, 25};
  auto decade = one("By the end of the decade, it will double.", "the end of the decade", anchor);
  CHECK(decade.value == "201");
  CHECK(std::string(decade.mod) == "END");
  CHECK(one("By the middle of the century, seas will rise.", "the middle of the century", anchor)
            .value == "20");
  // The end of this century is still to come: a past clause tells of the last.
  CHECK(one("At the end of the century, it fell.", "the end of the century", anchor).value == "19");
  // The start of this decade is past: a future clause looks to the next.
  CHECK(one("By the start of the decade, it will be done.", "the start of the decade", anchor)
            .value == "202");
  // A decade that a phrase names or a span is no such period.
  CHECK(one("The end of the decade-long war came.", "decade-long", anchor).type == "DURATION");
  CHECK(tag("At the start of the decade of reform, it rose.", anchor).empty());
  SUBCASE("'mid-century' after a preposition of time") {
    CHECK(one("By mid-century, seas will rise.", "mid-century", anchor).value == "20");
    CHECK(one("By mid-century, the city had doubled.", "mid-century", anchor).value == "19");
    CHECK(one("Emissions must fall by mid-decade.", "mid-decade", anchor).value == "201");
    // An adjective of style is no date.
    CHECK(tag("The house is full of mid-century furniture.", anchor).empty());
  }
}

TEST_CASE("a fortnight after 'past', 'next' or 'last' is a span; two periods off the anchor's") {
  CivilDate friday{2024, 7, 12};
  CHECK(one("Prices rose over the past fortnight.", "the past fortnight", friday).value == "P2W");
  CHECK(one("A ruling is due within the next fortnight.", "the next fortnight", friday).value ==
        "P2W");
  CHECK(one("The vote is the week after next.", "the week after next", friday).value == "2024-W30");
  CHECK(one("The year before last, profits fell.", "The year before last", friday).value == "2022");
  CHECK(one("The weekend before last, storms hit.", "The weekend before last", friday).value ==
        "2024-W26-WE");
  CHECK(tag("They met the Week after next.", friday).empty());
}

TEST_CASE("'the new year' is the year whose first day is nearest the anchor") {
  CHECK(one("The inquiry will report in the new year.", "the new year", CivilDate{2024, 11, 6})
            .value == "2025");
  CHECK(one("Prices rose in the new year.", "the new year", CivilDate{2025, 1, 10}).value ==
        "2025");
  // "the New Year" is the holiday; "the new year's" a possessive.
  CHECK(one("He will return after the New Year.", "New Year", CivilDate{2024, 11, 6}).value ==
        "2025-01-01");
  CHECK(tag("The new year's budget is tight.", CivilDate{2024, 11, 6}).empty());
}

TEST_CASE("a month in a condition speaks of what is to come") {
  CivilDate march{2016, 3, 15};
  CHECK(
      one("He has a better chance if he is the Republican nominee in November.", "November", march)
          .value == "2016-11");
  CHECK(one("It can be overturned if a Republican is elected president in November.", "November",
            CivilDate{2016, 1, 5})
            .value == "2016-11");
  // A past verb in the condition keeps the past, and so it does without "if".
  CHECK(one("If it rained in November, the crops died.", "November", march).value == "2015-11");
  CHECK(one("He was the Republican nominee in November.", "November", march).value == "2015-11");
  SUBCASE("so does a month or a date in a plan or an intent, as a weekday in one does") {
    CivilDate may{2016, 5, 11};
    CHECK(one("He said he planned to visit before January.", "January", may).value == "2017-01");
    CHECK(one("They don't want to run against her in November.", "November", CivilDate{2016, 1, 19})
              .value == "2016-11");
    CHECK(one("They hope to hold the vote on Feb. 2.", "Feb. 2", may).value == "2017-02-02");
    CHECK(one("He said he planned to visit on Jan. 14.", "Jan. 14", may).value == "2017-01-14");
    // Not a participle: "the service planned for March was canceled".
    CHECK(one("The service planned for March was canceled.", "March", may).value == "2016-03");
  }
}

TEST_CASE("a participle before 'by' is no past verb; short past verbs count") {
  CHECK(one("In the primary on Tuesday, Kingson faces a veteran, a race followed by many.",
            "Tuesday", CivilDate{2016, 6, 27})
            .value == "2016-06-28");
  CHECK(one("His campaign sued the DNC in federal court on Friday.", "Friday",
            CivilDate{2015, 12, 20})
            .value == "2015-12-18");
  CHECK(one("It owed the firm money through the end of June, the period covered by its filings.",
            "the end of June", CivilDate{2016, 1, 29})
            .value == "2015-06");
}

TEST_CASE("'or more' and 'or fewer' bound a count; a frequency word between names is a paper") {
  CivilDate march{2016, 3, 21};
  auto more = one("Foreigners sentenced to two or more years in jail.", "two or more years", march);
  CHECK(more.value == "P2Y");
  CHECK(std::string(more.mod) == "EQUAL_OR_MORE");
  auto fewer = one("A ruling due in 10 or fewer days.", "10 or fewer days", march);
  CHECK(fewer.value == "P10D");
  CHECK(std::string(fewer.mod) == "EQUAL_OR_LESS");
  // An article inside a hyphenated compound makes a rate, not a span.
  CHECK(tag("She backed a $15 dollar-an-hour wage in a $400-million-a-year business.", march)
            .empty());
  // "daily" between two names, or after an article with nothing after it, is a paper.
  CHECK(tag("Valls told the Paris daily Libération and the Communist Party daily Granma.", march)
            .empty());
  CHECK(tag("Adelson owns Israel Hayom, a daily, and told the daily.", march).empty());
  // A recurrence before a name or after a verb stays a set.
  CHECK(one("Carson left the weekly GOP Power Rankings.", "weekly", march).value == "P1W");
  CHECK(one("The index is updated daily.", "daily", march).type == "SET");
}

TEST_CASE("halves of a month, parts of 'the year' by tense, and 'a year ago' outside a report") {
  CivilDate december{2015, 12, 21};
  auto july =
      one("The events are scheduled to coincide with the conventions in the second half of July.",
          "the second half of July", december);
  CHECK(july.value == "2016-07");
  CHECK(std::string(july.mod) == "END");
  CivilDate january{2016, 1, 4};
  CHECK(one("He raised $12 million during the third quarter of the year.",
            "the third quarter of the year", january)
            .value == "2015-Q3");
  CHECK(
      one("It raised more in the second half of the year.", "the second half of the year", january)
          .value == "2015-H2");
  CHECK(one("It will raise more in the second half of the year.", "the second half of the year",
            january)
            .value == "2016-H2");
  // "the back half", "the front half" of a year are its halves (of a season, no date).
  CHECK(one("Growth should pick up in the back half of the year.", "the back half of the year",
            january)
            .value == "2016-H2");
  CHECK(
      one("Sales were weak in the front half of 2013.", "the front half of 2013", january).value ==
      "2013-H1");
  CHECK(tag("He scored in the back half of the season.", january).empty());
  // After a quarter is named, "a year ago" is the year-ago quarter only where
  // figures are compared.
  CivilDate april{2016, 4, 20};
  const char* poll =
      "Her rating is down 13 points from her first-quarter average. It is doubtful Clinton "
      "imagined a year ago that it would fall.";
  CHECK(one(poll, "a year ago", april).value == "2015");
  const char* report =
      "Third-quarter net rose 10%. Net was $5 million, up from $4 million a year ago.";
  CHECK(one(report, "a year ago", CivilDate{1989, 10, 26}).value == "1988-Q3");
}

TEST_CASE("'is expected', 'are due' and 'is set for' look ahead without 'to'") {
  CivilDate december{2015, 12, 21};
  CHECK(one("The vote is expected in July.", "July", december).value == "2016-07");
  CHECK(one("The report is due in July.", "July", december).value == "2016-07");
  CHECK(one("The vote is set for July.", "July", december).value == "2016-07");
  CHECK(one("They are expecting their second child this summer.", "this summer", december).value ==
        "2016-SU");
  // Told in the past, or a story's setting, they do not.
  CHECK(one("The report was due in July.", "July", december).value == "2015-07");
  CHECK(one("The film is set in July.", "July", december).value == "2015-07");
}

TEST_CASE("a month glued to a label in scraped text is cut free") {
  CivilDate anchor{2016, 2, 7};
  auto stamp = one("Ani Vrabel moderatorFeaturedFebruary 6, 2016 9:52PMTrump speaks.",
                   "February 6, 2016 9:52", anchor);
  CHECK(stamp.value == "2016-02-06T21:52");
  CHECK(one("UpdatedMay 3, 2016 at 5 p.m.", "May 3, 2016 at 5 p.m", anchor).value ==
        "2016-05-03T17:00");
  // At the very end of the text, and with a known word before the month.
  CHECK(one("Posted by the moderatorFeaturedFebruary 6", "February 6", anchor).value ==
        "2016-02-06");
  CHECK(one("It was in the meetingsOctober 6", "October 6", anchor).value == "2015-10-06");
  // Only a month, and only before a number: names and hashtags stay whole.
  CHECK(tag("#GivingTuesday 5 and LaMarcherie 5 went.", anchor).empty());
}

TEST_CASE("a weekday that ends a quoted title is part of a name") {
  CivilDate anchor{2016, 7, 31};
  CHECK(tag("Clinton said in an interview with “Fox News Sunday.” Then she left.", anchor).empty());
  CHECK(tag("He answered three times on ''Fox News Sunday'' about it.", anchor).empty());
  // Before a quote but after a lower-case word, or with no quote, a day.
  CHECK(one("“We will win Tuesday,” he said.", "Tuesday", anchor).value == "2016-08-02");
  CHECK(one("Obama Monday said it.", "Monday", anchor).value == "2016-07-25");
}

TEST_CASE("the next day after a month or a year named is a day of it") {
  CivilDate anchor{2016, 1, 20};
  CHECK(one("Last September, Beck called Palin a clown. He apologized the next day.",
            "the next day", anchor)
            .value == "2015-09-XX");
  CHECK(one("In 1990 he signed a letter. But the next day, Trump made demands.", "the next day",
            anchor)
            .value == "1990-XX-XX");
  // After a day, the day after it; with no date before, the day after the anchor.
  CHECK(one("He signed it on Monday. The next day he left.", "The next day", anchor).value ==
        "2016-01-19");
  CHECK(one("He left. The next day he came back.", "The next day", anchor).value == "2016-01-21");
}

TEST_CASE("'years past' is the past, not a span") {
  CivilDate anchor{2015, 12, 19};
  auto past = one("In years past, he has had sharp words for Washington.", "years past", anchor);
  CHECK(past.type == "DATE");
  CHECK(past.value == "PAST_REF");
  CHECK(one("It was two years past the deadline.", "two years", anchor).value == "P2Y");
}

TEST_CASE("a range's year reaches its first month; 'N years earlier' counts from the narrative") {
  CivilDate february{2016, 2, 8};
  CHECK(one("From September to December 2014, 46,000 accounts were used.", "September", february)
            .value == "2014-09");
  CHECK(one("It ran from November to February 2015.", "November", february).value == "2014-11");
  CHECK(one("It ran between March and June 2012.", "March", february).value == "2012-03");
  CHECK(one("It ran from January to June 30.", "January", february).value == "2016-01");
  SUBCASE("a year named from the document's reaches the first month too") {
    CivilDate anchor{2013, 3, 21};
    CHECK(one("It ran from January to March last year.", "January", anchor).value == "2012-01");
    CHECK(one("It ran between November and February last year.", "November", anchor).value ==
          "2011-11");
    CHECK(one("Talks are planned for March or April next year.", "March", anchor).value ==
          "2014-03");
  }
  CivilDate march{2016, 3, 23};
  CHECK(one("A poll in December found that, relative to two years earlier, more agreed.",
            "two years earlier", march)
            .value == "2013");
  CHECK(one("Sales rose from two years earlier.", "two years earlier", march).value == "2014");
}

TEST_CASE("a hyphenated run-off is a scheduled event") {
  CHECK(one("Polls see Le Pen making it to an early May run-off in France.", "early May",
            CivilDate{2016, 8, 31})
            .value == "2017-05");
}

TEST_CASE("four digits before a plural noun are its year after a determiner or near the anchor") {
  CivilDate may{2016, 5, 1};
  CHECK(one("Two Americans were killed in the 2012 attacks on the compound.", "2012", may).value ==
        "2012");
  CHECK(one("He raised less than Obama's 2012 bundlers did.", "2012", may).value == "2012");
  CHECK(one("Republicans were eyeing 2020 campaigns.", "2020", may).value == "2020");
  CHECK(one("As 2015 comes to an end, we look back.", "2015", may).value == "2015");
  SUBCASE("a count stays a count") {
    for (const char* text :
         {"The army sent 1800 troops to the border.", "About 2014 voters took part in the poll.",
          "The Huffington Post poll of 2047 registered voters was released."}) {
      CAPTURE(text);
      for (const auto& t : tag(text, may)) CHECK(t.value.find("20") != 0);
      for (const auto& t : tag(text, may)) CHECK(t.value.find("18") != 0);
    }
  }
}

TEST_CASE("a half or a quarter of a unit is counted in the unit below") {
  CivilDate may{2016, 5, 1};
  CHECK(one("It took little more than half an hour.", "more than half an hour", may).value ==
        "PT30M");
  auto century =
      one("For more than half a century, he worked here.", "more than half a century", may);
  CHECK(century.value == "P50Y");
  CHECK(std::string(century.mod) == "MORE_THAN");
  CHECK(one("He has spent a quarter-century in Congress.", "a quarter-century", may).value ==
        "P25Y");
  CHECK(one("It went off the air a quarter-century ago.", "a quarter-century ago", may).value ==
        "1991");
  CHECK(
      one("It emerged more than a half century ago.", "more than a half century ago", may).value ==
      "1966");
  CHECK(one("It cost half a year of wages.", "half a year", may).value == "P6M");
  CHECK(one("Prices fell over the past quarter century.", "the past quarter century", may).value ==
        "P25Y");
  CHECK(one("It was issued a half-hour before the event.", "a half-hour", may).value == "PT30M");
  SUBCASE("no whole unit for a half month or a share of people") {
    for (const char* text : {"It ended half a month later.", "Half of the voters stayed home.",
                             "A quarter of voters stayed home."}) {
      CAPTURE(text);
      CHECK(tag(text, may).empty());
    }
  }
  CHECK(one("Sales rose in the last quarter.", "the last quarter", may).value == "2016-Q1");
  SUBCASE("a fraction takes a count's approximators and offsets") {
    auto nearly =
        one("He was a fixture for nearly a quarter-century.", "nearly a quarter-century", may);
    CHECK(nearly.value == "P25Y");
    CHECK(std::string(nearly.mod) == "APPROX");
    CHECK(one("They called it less than a half-hour after polls closed.", "less than a half-hour",
              may)
              .mod == std::string("LESS_THAN"));
    // With no year narrated, "earlier" counts back from the anchor, as
    // "fifty years earlier" does.
    CHECK(one("Half a century earlier, the war began.", "Half a century earlier", may).value ==
          "1966");
    CHECK(
        one("In 1966 it rose. Half a century later, it fell.", "Half a century later", may).value ==
        "2016");
    CHECK(one("He left half an hour or so ago.", "half an hour or so ago", may).type == "DATE");
  }
}

TEST_CASE("plural days and hours before 'ago' are the past") {
  CHECK(one("Just days ago, he changed his mind.", "days ago", CivilDate{2016, 7, 25}).value ==
        "PAST_REF");
  CHECK(one("It ended hours ago.", "hours ago", CivilDate{2016, 7, 25}).value == "PAST_REF");
}

TEST_CASE("a season after 'into', 'throughout' or 'much of the', or joined to another") {
  CivilDate february{2016, 2, 9};
  CHECK(one("It is braced for a fight it expects to last into the spring.", "the spring", february)
            .value == "2016-SP");
  auto times = tag("He led in the polls for much of the fall and winter.", february);
  CHECK(find(times, "the fall").value == "2015-FA");
  CHECK(find(times, "winter").value == "2015-WI");
  CHECK(one("It ran in the fall and winter of 2014.", "the fall", february).value == "2014-FA");
  SUBCASE("a season that modifies a noun is no time") {
    CHECK(tag("They met at the spring meeting in Florida.", february).empty());
    CHECK(tag("It will spring into action.", february).empty());
  }
}

TEST_CASE("'that night' is a part of the day named in this sentence or the one before") {
  CivilDate april{2016, 4, 5};
  CHECK(one("Clinton proposed a debate on April 4, but the title game would be later that night.",
            "later that night", april)
            .value == "2016-04-04TNI");
  CHECK(one("The Guard will stay through Sunday, when a game is held in the city that afternoon.",
            "that afternoon", CivilDate{2016, 9, 25})
            .value == "2016-09-25TAF");
  SUBCASE("without a day close by, or as a pronoun, nothing") {
    CHECK(tag("That night, I could barely sleep.", april).empty());
    auto times =
        tag("It began Jan. 30. Clinton declined. Sanders spoke. He said you can't do that "
            "overnight.",
            april);
    for (const auto& t : times) CHECK(t.text != "that overnight");
  }
}

TEST_CASE("a month and day that news uses as an event's name is that event's date") {
  CivilDate april{2016, 4, 14};
  CHECK(
      one("It has trafficked in Sept. 11 conspiracy theories.", "Sept. 11", CivilDate{2016, 9, 19})
          .value == "2001-09-11");
  CHECK(one("Clinton noted the Sept. 11 attacks and her work for first responders.", "Sept. 11",
            april)
            .value == "2001-09-11");
  CHECK(
      one("It came weeks after the September 11 terrorist attacks.", "September 11", april).value ==
      "2001-09-11");
  SUBCASE("without the event's noun, or before the event, the date is read as any other") {
    CHECK(one("The vote is on Sept. 11.", "Sept. 11", april).value == "2016-09-11");
    CHECK(one("The Jan. 6 committee met on Tuesday.", "Jan. 6", april).value == "2016-01-06");
  }
}

TEST_CASE("a month joined to the month tagged before it follows that month") {
  CivilDate november{2015, 11, 27};
  auto times = tag("The ads reserved in December and January come from super PACs.", november);
  CHECK(find(times, "December").value == "2015-12");
  CHECK(find(times, "January").value == "2016-01");
  times = tag("Tell us how much you love us in May or June or July.", CivilDate{2016, 5, 5});
  CHECK(find(times, "June").value == "2016-06");
  CHECK(find(times, "July").value == "2016-07");
  // A range runs forward however far: "from October to February".
  CHECK(one("When the cold winds blow from October to February, it closes.", "February",
            CivilDate{2016, 7, 15})
            .value == "2017-02");
  SUBCASE("a pair further apart may be listed either way: each month on its own") {
    times =
        tag("It barely moved from the two polls, in February and October.", CivilDate{2016, 5, 12});
    CHECK(find(times, "February").value == "2016-02");
    CHECK(find(times, "October").value == "2015-10");
  }
}

TEST_CASE("a day or month set off after a tagged date narrows that date") {
  CivilDate wednesday{2015, 11, 18};
  CHECK(one("Last week, on Tuesday, the board met.", "Tuesday", wednesday).value == "2015-11-10");
  CHECK(one("Two years ago, in November, he resigned.", "November", wednesday).value == "2013-11");
  CHECK(one("In 2017, on Election Day, voters chose.", "Election Day", wednesday).value ==
        "2017-11-07");
  CHECK(one("By a year from now, on Election Day, the situation will have morphed.", "Election Day",
            wednesday)
            .value == "2016-11-08");
  SUBCASE("without the comma and preposition the day is read on its own") {
    CHECK(one("Last week Tuesday's vote was close.", "Tuesday", wednesday).value == "2015-11-17");
  }
}

TEST_CASE("contracted 'is' and the present progressive look ahead to a day") {
  CivilDate monday{2016, 6, 27};
  CHECK(one("\"There's an election on Tuesday,\" she said.", "Tuesday", monday).value ==
        "2016-06-28");
  CHECK(one("He's campaigning Wednesday in Wisconsin and could split the vote.", "Wednesday",
            CivilDate{2016, 3, 24})
            .value == "2016-03-30");
  CHECK(one("She is holding a rally in November.", "November", CivilDate{2016, 3, 9}).value ==
        "2016-11");
  CHECK(one("But she is marching toward November facing an unpredictable opponent.", "November",
            CivilDate{2016, 3, 9})
            .value == "2016-11");
  SUBCASE("'s before a participle is 'has', and a progressive may look back") {
    CHECK(one("It's become such a presence that Sanders during a Sunday thanked them.", "Sunday",
              CivilDate{2016, 1, 29})
              .value == "2016-01-24");
    CHECK(one("Kasich is coming off a strong debate Thursday night.", "Thursday night",
              CivilDate{2016, 3, 4})
              .value == "2016-03-03");
    CHECK(one("\"The mayor's remarks on Tuesday,\" she said.", "Tuesday", monday).value ==
          "2016-06-21");
  }
}

TEST_CASE("'last', 'next' and 'this' before a holiday belong to it") {
  CivilDate february{2000, 2, 10};
  auto times = tag("He was found in the Atlantic last Thanksgiving. Next Easter we go.", february);
  CHECK(find(times, "last Thanksgiving").value == "1999-11-25");
  CHECK(find(times, "Next Easter").value == "2000-04-23");
  SUBCASE("a month that begins a holiday's name is still a month") {
    CHECK(one("Last May, a judge ruled.", "Last May", february).value == "1999-05");
  }
  SUBCASE("'the last' is the final one, not the one before") {
    times = tag("It was the last Christmas he spent at home.", february);
    for (const auto& t : times) CHECK(t.text != "last Christmas");
  }
}

TEST_CASE("'take effect' names a plan's date, as 'effective' does") {
  CivilDate september{2020, 9, 11};
  CHECK(one("The new rules take effect May 1.", "May 1", september).value == "2021-05-01");
  CHECK(one("The new rules took effect May 1.", "May 1", september).value == "2020-05-01");
}

TEST_CASE("plural years: decades, centuries and the apostrophe style") {
  CivilDate anchor{2025, 9, 20};
  auto times = tag(
      "It was founded in the 1800s, grew in the early 1900s, boomed in the 2000s and the 1980s.",
      anchor);
  CHECK(find(times, "the 1800s").value == "18");
  CHECK(find(times, "the early 1900s").value == "19");
  CHECK(find(times, "the 2000s").value == "200");
  CHECK(find(times, "the 1980s").value == "198");
  times = tag("He went to college in the 1970's, in the 1980’s and the mid-1960's.", anchor);
  CHECK(find(times, "the 1970's").value == "197");
  CHECK(find(times, "the 1980’s").value == "198");
  CHECK(find(times, "the mid-1960's").mod == "MID");
  SUBCASE("without 'the' or a position it is the year's possessive") {
    CHECK(one("The 1990's budget was small; 1990's budget was smaller.", "1990", anchor).value ==
          "1990");
  }
}

TEST_CASE("a weekday with the week named after it is that week's day") {
  CivilDate saturday{2025, 3, 1};
  auto times = tag(
      "He resigned on Thursday last week. Talks resume on Monday next week. The vote is Friday of "
      "this week.",
      saturday);
  CHECK(find(times, "Thursday last week").value == "2025-02-20");
  CHECK(find(times, "Monday next week").value == "2025-03-03");
  CHECK(find(times, "Friday of this week").value == "2025-02-28");
  SUBCASE("not across a comma, nor before a possessive week") {
    times = tag("On Thursday, last week's winner spoke.", saturday);
    CHECK(find(times, "Thursday").value == "2025-02-27");
  }
}

TEST_CASE("'the Tuesday after Labor Day' is the first such day after the date named") {
  CivilDate july{2024, 7, 12};
  auto times = tag("The schools reopen the Tuesday after Labor Day.", july);
  CHECK(find(times, "Tuesday").value == "2024-09-03");
  CHECK(find(times, "Labor Day").value == "2024-09-02");
  CHECK(find(tag("The party is the Friday before Christmas.", july), "Friday").value ==
        "2024-12-20");
  CHECK(find(tag("He died the Sunday after Aug. 4.", july), "Sunday").value == "2024-08-11");
  // Without a date after it, the weekday is read as any other.
  CHECK(one("They met the Monday after the election.", "Monday", july).value == "2024-07-08");
}

TEST_CASE("a forecast looks ahead as an expectation does") {
  CivilDate friday{2024, 7, 12};
  auto times =
      tag("The storm is forecast to make landfall late Tuesday or early Wednesday.", friday);
  CHECK(find(times, "late Tuesday").value == "2024-07-16");
  CHECK(find(times, "early Wednesday").value == "2024-07-17");
  CHECK(one("Profit is projected to rise in March.", "March", friday).value == "2025-03");
  // The noun is no verb.
  CHECK(one("The forecast called for rain Tuesday.", "Tuesday", friday).value == "2024-07-09");
}

TEST_CASE("frequency adverbs of the lexicon are sets") {
  CivilDate anchor{2025, 3, 1};
  CHECK(one("Meetings are held fortnightly.", "fortnightly", anchor).value == "P2W");
  CHECK(one("Dividends are paid semiannually.", "semiannually", anchor).value == "P6M");
  CHECK(one("The prize is awarded biennially.", "biennially", anchor).type == "SET");
}

TEST_CASE("the nth weekend of a month is the weekend of its nth Saturday") {
  CivilDate march{2025, 3, 12};
  CHECK(one("The first weekend of May is busy.", "The first weekend of May", march).value ==
        "2025-W18-WE");
  CHECK(one("The last weekend of June was hot.", "The last weekend of June", march).value ==
        "2024-W26-WE");
  CHECK(one("It rained the second weekend of October 2024.", "the second weekend of October 2024",
            march)
            .value == "2024-W41-WE");
  SUBCASE("a month without that many Saturdays has no such weekend") {
    for (const auto& t : tag("The fifth weekend of February.", march)) {
      CHECK(t.value.find("WE") == std::string::npos);
    }
  }
}

TEST_CASE("a month and day in a past narrative take the year its full date wrote out") {
  CivilDate anchor{2016, 9, 7};
  auto times =
      tag("On March 2, 2015, the Times revealed the account. On March 25, the firm held a call.",
          anchor);
  CHECK(find(times, "March 25").value == "2015-03-25");
  // Dates of that year carry the narrative on ("that month").
  times = tag(
      "Slaughter wrote in a June 10, 2009 email, after a speech earlier that month. Clinton gave "
      "the speech on July 15.",
      anchor);
  CHECK(find(times, "July 15").value == "2009-07-15");
  SUBCASE("not after a year alone, in a future clause, nor for an earlier month") {
    CHECK(one("The 1973 decision stood. On March 25, the court ruled.", "March 25", anchor).value ==
          "2016-03-25");
    times = tag("On March 2, 2015, it began. On March 25, the court will rule.", anchor);
    CHECK(find(times, "March 25").value == "2017-03-25");
    times = tag("On Nov. 3, 2014, it began. On Feb. 5, the court ruled.", anchor);
    CHECK(find(times, "Feb. 5").value == "2016-02-05");
  }
}

TEST_CASE(
    "a fiscal year 'to' a month is a span; a clock time 'on' a day-first date is that day's") {
  CivilDate anchor{2013, 3, 21};
  CHECK(one("Profit in the year to March rose.", "the year", anchor).value == "P1Y");
  CHECK(one("In the year to 31 March 2013, profit rose.", "the year", anchor).type == "DURATION");
  CHECK(one("He moved the year to 2014.", "the year", anchor).value == "2013");
  SUBCASE("so is the week or month ended on a date") {
    auto times = tag("Claims fell in the week ended Saturday.", anchor);
    CHECK(find(times, "the week").value == "P1W");
    CHECK(find(times, "Saturday").value == "2013-03-16");
    CHECK(one("Prices rose in the month ending June 30.", "the month", anchor).value == "P1M");
    // "ended" as the clause's verb leaves the week this one.
    CHECK(one("The week ended with a rally.", "The week", anchor).value == "2013-W12");
  }
  CHECK(one("The vote is at 5 p.m. on 31 March.", "5 p.m. on 31 March", anchor).value ==
        "2013-03-31T17:00");
  CHECK(one("The deadline is midnight on 31 March.", "midnight on 31 March", anchor).value ==
        "2013-03-31T24:00");
}

TEST_CASE("a day range before its month dates its first day too") {
  CivilDate anchor{2013, 3, 21};
  auto times = tag("The tournament runs 6-9 June.", anchor);
  CHECK(find(times, "6").value == "2013-06-06");
  CHECK(find(times, "9 June").value == "2013-06-09");
  CHECK(one("It runs from 6 to 9 June 2014.", "6", anchor).value == "2014-06-06");
  CHECK(one("The summit on 28/29 June will decide.", "28", anchor).value == "2013-06-28");
  // A score before a month that has its own day is no day.
  CHECK(one("The team won 3-2 June 5.", "June 5", anchor).value == "2013-06-05");
  CHECK(tag("The team won 3-2 June 5.", anchor).size() == 1);
}

TEST_CASE(
    "a date after 'the night of' or 'the early hours of' takes the tense of the verb before") {
  const CivilDate sept20{2024, 9, 20};
  CHECK(values("The offensive began in the early hours of Oct. 7.", sept20) ==
        std::vector<std::string>{"2023-10-07"});
  CHECK(values("The attack happened on the night of Oct. 7.", sept20) ==
        std::vector<std::string>{"2023-10-07"});
  CHECK(values("He died on the eve of Oct. 7.", sept20) == std::vector<std::string>{"2023-10-07"});
  // A future clause still looks ahead.
  CHECK(values("The vote will be held on the morning of Oct. 7.", sept20) ==
        std::vector<std::string>{"2024-10-07"});
  SUBCASE("the part of the day is the named day's, not the anchor's") {
    CHECK(values("He was arrested in the morning of Sept. 7.", sept20) ==
          std::vector<std::string>{"2024-09-07"});
    CHECK(values("He was arrested in the early morning hours of Sept. 7.", sept20) ==
          std::vector<std::string>{"2024-09-07"});
    CHECK(one("He was arrested in the morning.", "the morning", sept20).value == "2024-09-20TMO");
  }
}

TEST_CASE("'until at least' and 'through' before a day are deadlines") {
  const CivilDate friday{2024, 9, 20};
  CHECK(values("Evacuation orders remain in effect until at least Tuesday.", friday) ==
        std::vector<std::string>{"2024-09-24"});
  CHECK(values("The ban was extended until at least March.", friday) ==
        std::vector<std::string>{"2025-03"});
  CHECK(values("Orders remain in effect through at least Sunday evening, officials said.",
               friday) == std::vector<std::string>{"2024-09-22TEV"});
  // The end of a span told in the past is past.
  CHECK(values("The sale ran through Tuesday.", friday) == std::vector<std::string>{"2024-09-17"});
  // "at least" without a deadline is a bound, not a plan.
  CHECK(values("She said at least March would be cold.", friday).empty());
}

TEST_CASE("'another week', 'an extra day', 'a further month' are spans of one unit") {
  CHECK(one("Power may not be restored for another week.", "another week").value == "P1W");
  CHECK(one("The state refused to restore an extra week of voting.", "an extra week").value ==
        "P1W");
  CHECK(one("It will take a further month.", "a further month").value == "P1M");
  CHECK(one("We work 15 extra minutes.", "15 extra minutes").value == "PT15M");
  CHECK(one("Expect another day of talks.", "another day").value == "P1D");
  SUBCASE("'another day' as some other time is no span") {
    CHECK(tag("That is a fight for another day.", CivilDate{2024, 9, 20}).empty());
    CHECK(tag("They will live to fight another day.", CivilDate{2024, 9, 20}).empty());
  }
}

TEST_CASE("'the second half of fiscal 2025' is one half of that year") {
  CHECK(one("The deal should close in the second half of fiscal 2025.",
            "the second half of fiscal 2025")
            .value == "2025-H2");
}

TEST_CASE("'the year through March' is a year's span, as 'the year to March' is") {
  CHECK(one("Sales in the year through March fell.", "the year").value == "P1Y");
  CHECK(one("Sales in the year to March fell.", "the year").value == "P1Y");
  CHECK(one("She stayed the year through the holidays.", "the year").value == "2024");
}

TEST_CASE("a part of the day before a thing it names a kind of is no time") {
  const CivilDate friday{2024, 9, 20};
  CHECK(tag("He appeared in the morning shows.", friday).empty());
  CHECK(tag("The senator spoke in the early morning light.", friday).empty());
  CHECK(values("The comet is visible in the evening sky through mid-October.", friday) ==
        std::vector<std::string>{"2024-10"});
  // An event it dates keeps it.
  CHECK(one("She spoke in the evening session.", "the evening", friday).value == "2024-09-20TEV");
  CHECK(one("She left in the morning and returned.", "the morning", friday).value ==
        "2024-09-20TMO");
}

TEST_CASE("a weekday before a date without a year picks the year it falls in") {
  const CivilDate sept20{2024, 9, 20};
  // A past verb would put Oct. 6 in 2023, a Friday; the Sunday is 2024's.
  CHECK(values("He arrived on Sunday 6 October.", sept20) ==
        std::vector<std::string>{"2024-10-06"});
  CHECK(values("He said on Friday, Oct. 6 he would run.", sept20) ==
        std::vector<std::string>{"2023-10-06"});
  // A year written out stands.
  CHECK(values("He arrived on Sunday, Oct. 6, 2023.", sept20) ==
        std::vector<std::string>{"2023-10-06"});
}

TEST_CASE("a date after 'said on' is when it was said") {
  const CivilDate sept20{2024, 9, 20};
  CHECK(values("The ministry said on Oct. 7 that talks would resume.", sept20) ==
        std::vector<std::string>{"2023-10-07"});
  CHECK(values("The ministry told reporters on Oct. 7 that talks would resume.", sept20) ==
        std::vector<std::string>{"2023-10-07"});
  // Without "on" the date may be what was said.
  CHECK(values("The ministry said Oct. 7 would be the deadline.", sept20) ==
        std::vector<std::string>{"2024-10-07"});
}

TEST_CASE("'on the 15th' may be followed by a preposition, a conjunction or a verb") {
  const CivilDate sept20{2024, 9, 20};
  CHECK(values("The figures came out on the 15th at noon.", sept20) ==
        std::vector<std::string>{"2024-09-15", "2024-09-15T12:00"});
  CHECK(values("He left on the 3rd and returned on the 9th.", sept20) ==
        std::vector<std::string>{"2024-09-03", "2024-09-09"});
  CHECK(values("Data released on the 15th showed a rise.", sept20) ==
        std::vector<std::string>{"2024-09-15"});
  CHECK(tag("She lives on the 16th floor.", sept20).empty());
}

TEST_CASE("'the week commencing 21 October' is that day's week") {
  const CivilDate sept20{2024, 9, 20};
  CHECK(
      one("It closes in the week commencing 21 October.", "the week commencing 21 October", sept20)
          .value == "2024-W43");
  CHECK(
      one("The week beginning Oct. 21 will be busy.", "The week beginning Oct. 21", sept20).value ==
      "2024-W43");
  CHECK(one("The weekend of 5 October is busy.", "The weekend of 5 October", sept20).value ==
        "2024-W40-WE");
}

TEST_CASE("a month and day before 'last year' or 'next year' are that year's") {
  const CivilDate oct2{2016, 10, 2};
  CHECK(one("We started this journey on June 16th of last year.", "June 16th of last year", oct2)
            .value == "2015-06-16");
  CHECK(one("We started on 16 June last year.", "16 June last year", oct2).value == "2015-06-16");
  CHECK(one("He takes charge from January 20 next year.", "January 20 next year", oct2).value ==
        "2017-01-20");
  CHECK(one("We started on the 16th of June last year.", "16th of June last year", oct2).value ==
        "2015-06-16");
}

TEST_CASE("'a week from today', 'a month from tomorrow' are days, as 'a year ago today' is") {
  const CivilDate friday{2024, 9, 20};
  CHECK(one("A week from today, voters go to the polls.", "A week from today", friday).value ==
        "2024-09-27");
  CHECK(
      one("A week from tomorrow, voters go to the polls.", "A week from tomorrow", friday).value ==
      "2024-09-28");
  CHECK(one("A month from today, the law takes effect.", "A month from today", friday).value ==
        "2024-10-20");
  CHECK(one("A year ago today, the deal was announced.", "A year ago today", CivilDate{2024, 2, 29})
            .value == "2023-02-28");
  // "from now" keeps the unit's granularity.
  CHECK(one("Two weeks from now we vote.", "Two weeks from now", friday).value == "2024-W40");
}

TEST_CASE("a clock time before 'in the afternoon' or a weekday's part of the day takes its half") {
  const CivilDate friday{2024, 9, 20};
  CHECK(one("He called at 3:30 in the afternoon.", "3:30 in the afternoon", friday).value ==
        "2024-09-20T15:30");
  CHECK(one("He left at 11:45 at night.", "11:45 at night", friday).value == "2024-09-20T23:45");
  CHECK(
      one("The blast came at 7:15 on Tuesday morning.", "7:15 on Tuesday morning", friday).value ==
      "2024-09-17T07:15");
  CHECK(one("It ended at 9:30 Friday night.", "9:30 Friday night", friday).value ==
        "2024-09-20T21:30");
  CHECK(one("It ended at 9:30 p.m. Friday night.", "9:30 p.m. Friday night", friday).value ==
        "2024-09-20T21:30");
  // A part that disagrees with the clock's half stays out.
  CHECK(one("It began at 1:30 a.m. Friday night.", "1:30 a.m. Friday", friday).value ==
        "2024-09-20T01:30");
}

TEST_CASE("a quarter in which something will happen is one to come") {
  const CivilDate sept20{2024, 9, 20};
  CHECK(one("The ban will be reviewed in the first quarter.", "the first quarter", sept20).value ==
        "2025-Q1");
  CHECK(one("It will be reviewed at the end of the first quarter.", "the end of the first quarter",
            sept20)
            .value == "2025-Q1");
  // Results of a quarter gone by are reported later.
  CHECK(one("The company will report results for the first quarter.", "the first quarter", sept20)
            .value == "2024-Q1");
  CHECK(one("The company will report first-quarter results.", "first-quarter", sept20).value ==
        "2024-Q1");
}

TEST_CASE("'the Thirty Years' War' is a name, not a span") {
  const CivilDate sept20{2024, 9, 20};
  CHECK(values("The treaty ended the Thirty Years' War in 1648.", sept20) ==
        std::vector<std::string>{"1648"});
  CHECK(one("In ten years' time, the city will change.", "ten years", sept20).value == "P10Y");
  CHECK(one("He Spent Ten Years Fighting.", "Ten Years", sept20).value == "P10Y");
  CHECK(values("The Hundred Years War ended in 1453.", sept20) == std::vector<std::string>{"1453"});
}

TEST_CASE("the first or last day of a month or year is that day") {
  const CivilDate march22{2013, 3, 22};
  CHECK(one("The law takes effect on the first day of next year.", "the first day of next year",
            march22)
            .value == "2014-01-01");
  CHECK(one("The rule applies from the first day of March.", "the first day of March", march22)
            .value == "2013-03-01");
  CHECK(one("Trading resumes on the last day of the month.", "the last day of the month", march22)
            .value == "2013-03-31");
  CHECK(one("The fee rises on the first day of 2014.", "the first day of 2014", march22).value ==
        "2014-01-01");
  CHECK(one("It ends on the last day of February 2012.", "the last day of February 2012", march22)
            .value == "2012-02-29");
  // Not a day of the calendar: an event's, or a fiscal year's own.
  CHECK(values("He was killed on the first day of the war.", march22).empty());
  CHECK(one("The fund closed on the last day of fiscal 2012.", "fiscal 2012", march22).value ==
        "2012");
}

TEST_CASE("the quarter that ended in a month is the calendar quarter of its last months") {
  const CivilDate march22{2013, 3, 22};
  CHECK(one("Earnings for the quarter ending in March are due next week.", "the quarter", march22)
            .value == "2013-Q1");
  CHECK(one("It earned $5 million in the quarter that ended June 30.", "the quarter", march22)
            .value == "2012-Q2");
  CHECK(one("Net income fell in the quarter ended Sept. 30.", "the quarter", march22).value ==
        "2012-Q3");
}

TEST_CASE("next month's name after a finite past verb is last year's") {
  const CivilDate march22{2013, 3, 22};
  CHECK(one("The protests took place in April.", "April", march22).value == "2012-04");
  CHECK(one("They met in April to discuss the plan.", "April", march22).value == "2012-04");
  CHECK(one("The vote was held in April.", "April", march22).value == "2012-04");
  // A participle after a noun may look ahead: airtime reserved for April.
  CHECK(one("Ads reserved in April come from super PACs.", "April", march22).value == "2013-04");
  CHECK(one("Clinton won and leads the polls for contests in April.", "April", march22).value ==
        "2013-04");
}

TEST_CASE("a count earlier or later than something is a span") {
  const CivilDate march22{2013, 3, 22};
  CHECK(one("Smokers die a decade earlier than non-smokers.", "a decade", march22).value == "P10Y");
  CHECK(one("Women retire five years later than men.", "five years", march22).value == "P5Y");
  CHECK(one("The report came a week later than expected.", "a week", march22).value == "P1W");
  CHECK(one("It was founded in 1987 and went public a decade later.", "a decade later", march22)
            .value == "1997");
}

TEST_CASE("moveable feasts counted from Easter and more fixed holidays are days") {
  const CivilDate march22{2013, 3, 22};
  CHECK(one("The pope will celebrate Palm Sunday Mass.", "Palm Sunday", march22).value ==
        "2013-03-24");
  CHECK(one("The attack came on Whit Monday 2012.", "Whit Monday 2012", march22).value ==
        "2012-05-28");
  CHECK(one("Mardi Gras falls early this year.", "Mardi Gras", march22).value == "2013-02-12");
  CHECK(one("Parades marked Anzac Day across the country.", "Anzac Day", march22).value ==
        "2012-04-25");
  CHECK(one("The report will be released on Juneteenth.", "Juneteenth", march22).value ==
        "2013-06-19");
  CHECK(values("He had an epiphany on the trail.", march22).empty());
}

TEST_CASE("four digits before what a number measures are no year") {
  const CivilDate march22{2013, 3, 22};
  CHECK(values("Shares closed at 1850 pence.", march22).empty());
  CHECK(values("The index fell to 1450 points.", march22).empty());
  CHECK(values("The fare rose to 1800 euros.", march22).empty());
  CHECK(values("Prices returned to 2000 levels.", march22) == std::vector<std::string>{"2000"});
}

TEST_CASE("a 24-hour clock time with its leading zero is one after a preposition") {
  const CivilDate march22{2013, 3, 22};
  CHECK(one("Residents must stay indoors until 0600 on Monday.", "0600 on Monday", march22).value ==
        "2013-03-25T06:00");
  CHECK(values("The curfew runs from 2200 to 0600.", march22) ==
        std::vector<std::string>{"2013-03-22T22:00", "2013-03-22T06:00"});
  CHECK(values("Flight 0600 was delayed.", march22).empty());
  CHECK(values("Sales rose from 2010 to 2012.", march22) ==
        std::vector<std::string>{"2010", "2012"});
}

TEST_CASE("a timetable told in the simple present is still to come") {
  const CivilDate march22{2013, 3, 22};  // a Friday
  CHECK(one("Lawmakers return Monday from their recess.", "Monday", march22).value == "2013-03-25");
  CHECK(one("Wisconsin holds its primary on Tuesday.", "Tuesday", march22).value == "2013-03-26");
  CHECK(one("The fiscal year, which ends Sept. 30, was hard.", "Sept. 30", march22).value ==
        "2013-09-30");
  CHECK(one("Sunday's game starts at 1 p.m.", "Sunday", march22).value == "2013-03-24");
  CHECK(one("Tuesday marks one year since the attack.", "Tuesday", march22).value == "2013-03-26");
  // A noun, not the verb: "cast votes"; and a possessive told in the past.
  CHECK(one("States that cast votes on Tuesday backed him.", "Tuesday", march22).value ==
        "2013-03-19");
  CHECK(one("Sunday's game ended in a tie.", "Sunday", march22).value == "2013-03-17");
}

TEST_CASE("a clock time at a paragraph's end takes no day from the next paragraph") {
  const CivilDate march22{2013, 3, 22};
  std::vector<TimeExpr> t =
      tag("The game starts at 1 p.m.\n\nFriday's hearing was short.", march22);
  REQUIRE(t.size() == 2);
  CHECK(t[0].text == "1 p.m");
  CHECK(t[0].value == "2013-03-22T13:00");
  CHECK(t[1].text == "Friday");
  // Within a paragraph the day after the clock time is its own.
  CHECK(one("The game starts at 1 p.m. Sunday in Miami.", "1 p.m. Sunday", march22).value ==
        "2013-03-24T13:00");
}

TEST_CASE("a quarter or period of a game is no quarter of the year") {
  const CivilDate march22{2013, 3, 22};
  CHECK(values("The quarterback threw for 300 yards in the fourth quarter.", march22).empty());
  CHECK(values("The goalie made 30 saves in the second period.", march22).empty());
  CHECK(one("Sales rose 5 percent in the fourth quarter.", "the fourth quarter", march22).value ==
        "2012-Q4");
}

TEST_CASE("minutes and seconds after 'within' or 'for' are spans of unknown length") {
  const CivilDate march22{2013, 3, 22};
  CHECK(one("The ship sank within minutes.", "minutes", march22).value == "PTXM");
  CHECK(one("It vanished from radar within seconds.", "seconds", march22).value == "PTXS");
  CHECK(one("They argued for minutes before agreeing.", "minutes", march22).value == "PTXM");
  CHECK(values("The minutes of the meeting were released.", march22).empty());
}

TEST_CASE("a range of years written with the later year's last two digits") {
  const CivilDate march22{2013, 3, 22};
  CHECK(values("The 1950-53 war ended in a truce.", march22) ==
        std::vector<std::string>{"1950", "1953"});
  CHECK(values("The 1939-45 war changed Europe.", march22) ==
        std::vector<std::string>{"1939", "1945"});
  CHECK(values("He played in the 1999-00 season.", march22) ==
        std::vector<std::string>{"1999", "2000"});
  // Two digits that may be a month stay out.
  CHECK(values("In 2005-09 sales rose.", march22) == std::vector<std::string>{"2005"});
}

TEST_CASE("'the year ended' is a fiscal span only before the day it ended") {
  const CivilDate jan4{2013, 1, 4};
  CHECK(one("Profit for the year ended Sept. 30 rose.", "the year", jan4).value == "P1Y");
  CHECK(one("In the year ended 30 June, sales fell.", "the year", jan4).value == "P1Y");
  CHECK(one("It expects a loss for the year ending tomorrow.", "the year", jan4).value == "P1Y");
  CHECK(one("The year ended on a high note for investors.", "The year", jan4).type == "DATE");
}

TEST_CASE("a clock time on a holiday is on that day") {
  const CivilDate jan4{2013, 1, 4};
  CHECK(one("The attack happened shortly before midnight on New Year's Eve.",
            "midnight on New Year's Eve", jan4)
            .value == "2012-12-31T24:00");
  CHECK(one("The parade starts at 9 a.m. on Thanksgiving Day.", "9 a.m. on Thanksgiving Day", jan4)
            .value == "2013-11-28T09:00");
}

TEST_CASE("a month before the figures that account for it is the latest one") {
  const CivilDate jan4{2013, 1, 4};
  CHECK(one("The company will report December sales next week.", "December", jan4).value ==
        "2012-12");
  CHECK(one("The agency will publish March inflation figures.", "March", jan4).value == "2012-03");
  CHECK(values("Retailers May report sales soon.", jan4).empty());
  CHECK(values("Theresa May sales pitch failed.", jan4).empty());
  // An election's results are the coming election's.
  CHECK(one("He will decide what to do after the November results are tallied.", "November",
            CivilDate{2016, 4, 21})
            .value == "2016-11");
}

TEST_CASE("'in as many years' counts what the clause counted before") {
  const CivilDate jan4{2013, 1, 4};
  CHECK(one("It was his third defeat in as many years.", "many years", jan4).value == "P3Y");
  CHECK(one("He has had five jobs in as many years.", "many years", jan4).value == "P5Y");
  CHECK(one("Many years later, he returned.", "Many years", jan4).value == "PXY");
}

TEST_CASE("'overnight into Saturday' is the night that ends on that day") {
  const CivilDate march22{2013, 3, 22};  // a Friday
  CHECK(one("Temperatures will fall overnight into Saturday.", "overnight", march22).value ==
        "2013-03-22TNI");
  CHECK(one("Fighting raged overnight into Sunday.", "overnight", march22).value ==
        "2013-03-16TNI");
}

TEST_CASE("'75 years ago this week' is that week; 'is on Wednesday' is to come") {
  const CivilDate march22{2013, 3, 22};  // a Friday
  CHECK(one("The bridge opened 75 years ago this week.", "75 years ago this week", march22).value ==
        "1938-W12");
  CHECK(one("The 10th anniversary of the invasion is on Wednesday.", "Wednesday", march22).value ==
        "2013-03-27");
  CHECK(one("The funeral was on Saturday.", "Saturday", march22).value == "2013-03-16");
}

TEST_CASE("'midafternoon' and 'midmorning' written as one word are parts of the day") {
  const CivilDate march22{2013, 3, 22};
  CHECK(one("By midafternoon, the crowd had grown.", "midafternoon", march22).value ==
        "2013-03-22TAF");
  CHECK(one("The vote came in midmorning.", "midmorning", march22).value == "2013-03-22TMO");
}

TEST_CASE("a clock time after a numeric date is one time on that day") {
  const CivilDate march22{2013, 3, 22};
  CHECK(one("Updated 22.03.2013, 14:05", "22.03.2013, 14:05", march22).value == "2013-03-22T14:05");
  CHECK(one("Posted 2013-03-22 09:30 GMT", "2013-03-22 09:30 GMT", march22).value ==
        "2013-03-22T09:30");
  CHECK(one("Last updated: 03/22/2013 10:45 AM", "03/22/2013 10:45 AM", march22).value ==
        "2013-03-22T10:45");
  CHECK(one("On 2013-03-22 10 people died.", "2013-03-22", march22).value == "2013-03-22");
}

TEST_CASE("'at' and four digits after a 24-hour time in the sentence are one more") {
  const CivilDate march22{2013, 3, 22};
  CHECK(values("Polls open at 0700 local time and close at 2000.", march22) ==
        std::vector<std::string>{"2013-03-22T07:00", "2013-03-22T20:00"});
  CHECK(values("Shares traded at 1500 GMT at 2010 levels.", march22) ==
        std::vector<std::string>{"2013-03-22T15:00", "2010"});
  CHECK(values("The vote will close at 2000.", march22) == std::vector<std::string>{"2000"});
}

TEST_CASE("a present clause that sets a date looks ahead: 'is in October', 'takes effect'") {
  const CivilDate march6{2024, 3, 6};
  CHECK(one("The deadline is in October.", "October", march6).value == "2024-10");
  CHECK(one("The deadline is October 25.", "October 25", march6).value == "2024-10-25");
  CHECK(one("The election is on November 5.", "November 5", march6).value == "2024-11-05");
  CHECK(one("The law, passed last year, takes effect in October.", "October", march6).value ==
        "2024-10");
  CHECK(one("The law takes effect on October 1.", "October 1", march6).value == "2024-10-01");
  CHECK(one("Tickets go on sale in October.", "October", march6).value == "2024-10");
  CHECK(one("The treaty enters into force in October.", "October", march6).value == "2024-10");
  CHECK(one("Applications open in October.", "October", march6).value == "2024-10");
  CHECK(one("Polls open at 7 a.m. Tuesday.", "7 a.m. Tuesday", CivilDate{2024, 3, 7}).value ==
        "2024-03-12T07:00");
  SUBCASE("a past clause keeps its own") {
    CHECK(one("The law came into effect in October.", "October", march6).value == "2023-10");
    CHECK(one("The deadline was in October.", "October", march6).value == "2023-10");
    CHECK(one("Sales are up 5% from October.", "October", march6).value == "2023-10");
  }
}

TEST_CASE("'will' in the date's own clause puts a month and day weeks back a year ahead") {
  const CivilDate march6{2024, 3, 6};
  CHECK(one("Schools will close for the holidays on December 20.", "December 20", march6).value ==
        "2024-12-20");
  CHECK(one("He will be sentenced Jan. 30.", "Jan. 30", march6).value == "2025-01-30");
  // Another clause's "will" does not reach the date; nor does a date days back.
  CHECK(one("The firm, which will report soon, said on Dec. 20 that sales rose.", "Dec. 20", march6)
            .value == "2023-12-20");
  CHECK(one("The rules will apply, as agreed on Feb. 28.", "Feb. 28", march6).value ==
        "2024-02-28");
}

TEST_CASE("'every' before a range of counts or a half unit is one set") {
  const CivilDate march6{2024, 3, 6};
  CHECK(one("Screening is advised every three to five years.", "every three to five years", march6)
            .value == "PXY");
  CHECK(one("They meet every two or three weeks.", "every two or three weeks", march6).type ==
        "SET");
  CHECK(one("Trains run every 10-15 minutes.", "every 10-15 minutes", march6).value == "PTXM");
  CHECK(one("The buses come every half hour.", "every half hour", march6).value == "PT30M");
  CHECK(one("Polls are taken every half-year.", "every half-year", march6).value == "P6M");
  // "to" before a year is no range of counts.
  CHECK(values("Reviews are due every two years to 2030.", march6) ==
        std::vector<std::string>{"P2Y", "2030"});
}

TEST_CASE("an abbreviated weekday joins the date after it, and only that") {
  const CivilDate march6{2024, 3, 6};
  CHECK(one("The match is on Tues 12 March.", "Tues 12 March", march6).value == "2024-03-12");
  CHECK(one("The vote is on Thurs., March 14.", "Thurs., March 14", march6).value == "2024-03-14");
  CHECK(one("Posted Sat 23 Mar 2024.", "Sat 23 Mar 2024", march6).value == "2024-03-23");
  // The weekday picks the year, as a full name does.
  CHECK(one("The hearing is on Fri., Jan. 10.", "Fri., Jan. 10", march6).value == "2025-01-10");
  SUBCASE("not alone, nor a newspaper's name") {
    CHECK(values("The Sun, March 12, ran the story.", march6) ==
          std::vector<std::string>{"2024-03-12"});
    CHECK(values("They sat on Wed.", march6).empty());
  }
}

TEST_CASE("centuries named in pairs, and a decade counted within a century") {
  const CivilDate march6{2024, 3, 6};
  CHECK(values("In the 18th and 19th centuries, the port thrived.", march6) ==
        std::vector<std::string>{"17", "18"});
  CHECK(values("It was built between the 12th and 14th centuries.", march6) ==
        std::vector<std::string>{"11", "13"});
  CHECK(values("In the fifth and sixth centuries, the empire fell.", march6) ==
        std::vector<std::string>{"4", "5"});
  CHECK(one("In the last decade of the 19th century, railways spread.",
            "the last decade of the 19th century", march6)
            .value == "189");
  CHECK(one("In the first decade of this century, growth averaged 3%.",
            "the first decade of this century", march6)
            .value == "200");
  SUBCASE("not an ordinal that counts something else") {
    CHECK(values("He finished 18th and 19th in the two races.", march6).empty());
    CHECK(one("The last decade of his life was quiet.", "The last decade", march6).value == "P10Y");
  }
}

TEST_CASE("bare hours, days or minutes before 'after' or 'before' are a span between events") {
  const CivilDate march6{2024, 3, 6};
  CHECK(one("The announcement came hours after the vote.", "hours", march6).value == "PTXH");
  CHECK(one("Minutes after the blast, police arrived.", "Minutes", march6).value == "PTXM");
  CHECK(one("It happened just days before the election.", "days", march6).value == "PXD");
  SUBCASE("not a noun of another phrase") {
    CHECK(values("It is a matter of days before he quits.", march6).empty());
    CHECK(values("He campaigned in the final hours before the vote.", march6).empty());
    CHECK(values("In the first days after the war, looting spread.", march6).empty());
  }
}

TEST_CASE("'runs' is a timetable verb: 'the show runs from Thursday to Sunday'") {
  const CivilDate march6{2024, 3, 6};  // a Wednesday
  CHECK(values("The show runs from Thursday to Sunday.", march6) ==
        std::vector<std::string>{"2024-03-07", "2024-03-10"});
  CHECK(one("The show ran on Sunday.", "Sunday", march6).value == "2024-03-03");
}

TEST_CASE("'the week to Sunday', 'the month to February 28', 'the quarter to June'") {
  const CivilDate march6{2024, 3, 6};
  CHECK(one("Sales jumped 20% in the week to Sunday.", "the week", march6).value == "P1W");
  CHECK(one("Sales rose in the month to February 28.", "the month", march6).value == "P1M");
  CHECK(one("Prices rose in the quarter to June.", "the quarter", march6).value == "2023-Q2");
  CHECK(one("Earnings in the quarter through September fell.", "the quarter", march6).value ==
        "2023-Q3");
  // Not a week that goes on to something else.
  CHECK(one("Talks dragged on for the week to no avail.", "the week", march6).value == "2024-W10");
}

TEST_CASE("more timetables: 'votes', 'head', 'reopen', 'expected Friday', 'deadline looms'") {
  const CivilDate march6{2024, 3, 6};  // a Wednesday
  CHECK(one("The Senate votes Thursday on the bill.", "Thursday", CivilDate{2024, 3, 9}).value ==
        "2024-03-14");
  CHECK(one("Voters head to the polls on Sunday.", "Sunday", march6).value == "2024-03-10");
  CHECK(one("The markets reopen Tuesday.", "Tuesday", march6).value == "2024-03-12");
  CHECK(one("The decision, expected Friday, could come sooner.", "Friday", march6).value ==
        "2024-03-08");
  CHECK(one("As Friday's deadline looms, talks go on.", "Friday", march6).value == "2024-03-08");
  SUBCASE("the noun 'votes', a result expected, a day past") {
    CHECK(one("Clinton won more votes Sunday than in 2016.", "Sunday", march6).value ==
          "2024-03-03");
    CHECK(one("Growth was weaker than expected on Friday.", "Friday", march6).value ==
          "2024-03-01");
    CHECK(one("Friday's win will help him.", "Friday", march6).value == "2024-03-01");
  }
}

TEST_CASE("a month a figure is compared with has been measured: 'up from 3.9% in September'") {
  const CivilDate march6{2024, 3, 6};
  CHECK(one("The rate is 4.1%, up from 3.9% in September.", "September", march6).value ==
        "2023-09");
  CHECK(one("Sales are down from September, the firm said.", "September", march6).value ==
        "2023-09");
  // A span to come, or a future clause, is not.
  CHECK(one("Prices will be up from September to December.", "September", march6).value ==
        "2024-09");
}

TEST_CASE("a weekday set by a present clause looks ahead: 'the deadline is Tuesday'") {
  const CivilDate march6{2024, 3, 6};  // a Wednesday
  CHECK(one("The deadline is Tuesday.", "Tuesday", march6).value == "2024-03-12");
  CHECK(one("The hearing is Monday at 10 a.m.", "Monday", march6).value == "2024-03-11");
  CHECK(one("The law comes into force on Monday.", "Monday", march6).value == "2024-03-11");
  CHECK(one("The game is late Sunday.", "late Sunday", march6).value == "2024-03-10");
  SUBCASE("a past verb, or a possessive after 'is'") {
    CHECK(one("The deadline was Tuesday.", "Tuesday", march6).value == "2024-03-05");
    CHECK(one("She is Monday's winner.", "Monday", march6).value == "2024-03-04");
  }
}

TEST_CASE("a weekday joined to one ahead follows it: 'Tuesday or Wednesday'") {
  const CivilDate nov13{2024, 11, 13};  // a Wednesday
  auto both = [&](const char* text) {
    std::vector<std::string> v = values(text, nov13);
    return v.size() == 2 ? v[0] + " " + v[1] : std::string("?");
  };
  CHECK(both("The storm will hit late Tuesday or early Wednesday.") == "2024-11-19 2024-11-20");
  CHECK(both("The vote could come as early as Tuesday or as late as Thursday.") ==
        "2024-11-19 2024-11-21");
  CHECK(both("Voting takes place on Saturday and Sunday.") == "2024-11-16 2024-11-17");
  CHECK(both("Voting takes place from Saturday to Sunday.") == "2024-11-16 2024-11-17");
  SUBCASE("days past keep their order as written") {
    CHECK(both("Attacks were reported on Tuesday and Sunday.") == "2024-11-12 2024-11-10");
    CHECK(both("Thursday to Saturday last week, prices fell.") == "2024-11-07 2024-11-09");
  }
}

TEST_CASE("a range a finite past verb opens lies behind: 'fell between October and January'") {
  const CivilDate nov13{2024, 11, 13};
  auto both = [&](const char* text) {
    std::vector<std::string> v = values(text, nov13);
    return v.size() == 2 ? v[0] + " " + v[1] : std::string("?");
  };
  CHECK(both("Sales fell between October and January.") == "2023-10 2024-01");
  CHECK(both("Sales fell from October to December.") == "2023-10 2023-12");
  CHECK(both("Prices rose from early December to late January.") == "2023-12 2024-01");
  CHECK(both("The festival ran from December 28 to January 3.") == "2023-12-28 2024-01-03");
  CHECK(one("Sales fell in December.", "December", nov13).value == "2023-12");
  SUBCASE("a participle, a plan, a move or a present keeps the range ahead") {
    CHECK(both("Most of the ads reserved in December and January attack him.") ==
          "2024-12 2025-01");
    CHECK(both("The company announced layoffs from December to February.") == "2024-12 2025-02");
    CHECK(both("The vote was postponed from December to February.") == "2024-12 2025-02");
    CHECK(both("The festival runs from December 28 to January 3.") == "2024-12-28 2025-01-03");
    CHECK(both("Prices rose between September and October.") == "2024-09 2024-10");
  }
}

TEST_CASE("'the past year and a half', 'the last two and a half years' are spans") {
  const CivilDate dec15{2015, 12, 15};
  TimeExpr t =
      one("He had no fees in the previous year and a half.", "the previous year and a half", dec15);
  CHECK(t.type == "DURATION");
  CHECK(t.value == "P1Y6M");
  CHECK(one("It cost more over the past decade and a half.", "the past decade and a half", dec15)
            .value == "P15Y");
  CHECK(one("In the last two and a half years, it grew.", "the last two and a half years", dec15)
            .value == "P2Y6M");
  // Alone, "the past year" stays the calendar year before, as TimeBank has it.
  CHECK(one("Over the past year, prices doubled.", "the past year", dec15).value == "2014");
}

TEST_CASE("'a handful of days' counts as 'a few days'") {
  const CivilDate march1{2016, 3, 1};
  CHECK(one("It opens just a handful of days after the vote.", "a handful of days", march1).value ==
        "PXD");
  CHECK(one("It closed a handful of years ago.", "a handful of years ago", march1).value ==
        "PAST_REF");
  CHECK(values("A handful of voters showed up.", march1).empty());
}

TEST_CASE("a fronted date before a past clause has been: 'On Dec. 3, the talks collapsed'") {
  const CivilDate nov13{2024, 11, 13};
  CHECK(one("On Dec. 3, the talks collapsed.", "Dec. 3", nov13).value == "2023-12-03");
  CHECK(one("Two days after Dec. 3, the talks collapsed.", "Dec. 3", nov13).value == "2023-12-03");
  CHECK(one("Three days before Christmas, the storm hit.", "Christmas", nov13).value ==
        "2023-12-25");
  CHECK(one("Before Christmas, sales rose.", "Christmas", nov13).value == "2023-12-25");
  SUBCASE("a future clause, or a reporting verb, keeps it ahead") {
    CHECK(one("On Dec. 3, the talks will resume.", "Dec. 3", nov13).value == "2024-12-03");
    CHECK(one("On Dec. 3, officials said the talks would resume.", "Dec. 3", nov13).value ==
          "2024-12-03");
    CHECK(one("Three days before Christmas, the storm will hit.", "Christmas", nov13).value ==
          "2024-12-25");
  }
}

TEST_CASE("a fronted 'One day,' is some day, never a span") {
  const CivilDate nov13{2024, 11, 13};
  CHECK(one("One day, she will lead the party.", "One day", nov13).value == "FUTURE_REF");
  CHECK(one("One day, a man walked into the shop.", "One day", nov13).value == "PAST_REF");
  // Elsewhere it counts: "In one day", "will last one day".
  CHECK(one("In one day, we raised $18,000.", "one day", nov13).value == "P1D");
  CHECK(one("The strike will last one day.", "one day", nov13).value == "P1D");
}

TEST_CASE("'the other day' is a day past, 'every other day' a set") {
  const CivilDate nov13{2024, 11, 13};
  CHECK(one("I was in Fort Worth the other day.", "the other day", nov13).value == "PAST_REF");
  CHECK(one("He takes the pill every other day.", "every other day", nov13).value == "P2D");
}

TEST_CASE("a present 'is'/'are' before a month far ahead looks ahead, not a year back") {
  const CivilDate march6{2024, 3, 6};
  CHECK(one("The senator is up for re-election in November.", "November", march6).value ==
        "2024-11");
  CHECK(one("The senator, first elected in 2006, is up for re-election in November.", "November",
            march6)
            .value == "2024-11");
  CHECK(one("Democrats are confident about their chances in December.", "December", march6).value ==
        "2024-12");
  SUBCASE("a passive or a past keeps the month behind") {
    CHECK(one("The plant is closed since November.", "November", march6).value == "2023-11");
    CHECK(one("The senator was up for re-election in November.", "November", march6).value ==
          "2023-11");
    CHECK(one("The plant is expected to have been sold in November.", "November", march6).value ==
          "2023-11");
    CHECK(one("Prices are higher than in November.", "November", march6).value == "2023-11");
    CHECK(one("Sales are up compared with November.", "November", march6).value == "2023-11");
  }
}

TEST_CASE("a date fronted in a subordinate clause takes that clause's tense") {
  const CivilDate march11{2016, 3, 11};
  CHECK(one("He said that in June the company will cut jobs.", "June", march11).value == "2016-06");
  CHECK(one("She helped inform legislation passed by South Africa that in June will require "
            "reduced sodium in foods.",
            "June", march11)
            .value == "2016-06");
  CHECK(one("I have decided that on Election Day, I will vote for him.", "Election Day",
            CivilDate{2016, 9, 26})
            .value == "2016-11-08");
  CHECK(
      one("He said that on Election Day, he voted for her.", "Election Day", CivilDate{2016, 9, 26})
          .value == "2015-11-03");
  // The verb before it decides when the clause has none, or the date is no
  // fronted adverbial.
  CHECK(one("He said that in June sales fell.", "June", march11).value == "2015-06");
  CHECK(one("He said the company cut jobs in June.", "June", march11).value == "2015-06");
}

TEST_CASE("inside a quotation, the quoted words decide the tense") {
  const CivilDate july21{2016, 7, 21};
  CHECK(one("Trump leaned in and boomed: \xE2\x80\x9CLet\xE2\x80\x99s defeat her in "
            "November.\xE2\x80\x9D",
            "November", july21)
            .value == "2016-11");
  CHECK(one("He added: \"We won it in November.\"", "November", july21).value == "2015-11");
  // Outside the quotation the verb before still governs.
  CHECK(one("He boomed that they would defeat her in November.", "November", july21).value ==
        "2016-11");
  CHECK(one("He said \"no\" to the plan in November.", "November", july21).value == "2015-11");
}

TEST_CASE("'Midnight' and 'Noon' capitalised inside a sentence name something") {
  const CivilDate dec4{2015, 12, 4};
  CHECK(values("The police unit known as the \"Midnight Crew\" tortured suspects.", dec4).empty());
  CHECK(values("He toured with Midnight Oil in 1990.", dec4) == std::vector<std::string>{"1990"});
  CHECK(one("Midnight is the deadline.", "Midnight", dec4).value == "2015-12-04T24:00");
  CHECK(one("The deadline is midnight.", "midnight", dec4).value == "2015-12-04T24:00");
}

TEST_CASE("a past verb in an 'if' clause under a forward 'would' speaks of a date to come") {
  const CivilDate may16{2016, 5, 16};
  CHECK(one("He was asked how ties would fare if he won the election on Nov. 8.", "Nov. 8", may16)
            .value == "2016-11-08");
  CHECK(one("She would resign if she lost the vote in November.", "November", may16).value ==
        "2016-11");
  CHECK(one("If the Fed raised rates in December, markets would fall.", "December", may16).value ==
        "2016-12");
  CHECK(one("What would happen if he lost on Election Day?", "Election Day", may16).value ==
        "2016-11-08");
  SUBCASE("a counterfactual past, or no 'would', keeps the past") {
    CHECK(one("He would have won if he had campaigned in November.", "November", may16).value ==
          "2015-11");
    CHECK(one("If he won in November, he celebrated quietly.", "November", may16).value ==
          "2015-11");
    CHECK(one("He would've won if he campaigned in November.", "November", may16).value ==
          "2015-11");
  }
}

TEST_CASE("an infinitive under a present verb, or a passive one, looks ahead to a weekday") {
  const CivilDate fri_mar11{2016, 3, 11};  // a Friday
  CHECK(one("Voters who turn 18 by November are eligible to vote in the primary on Tuesday.",
            "Tuesday", fri_mar11)
            .value == "2016-03-15");
  CHECK(one("She wants to meet him Wednesday.", "Wednesday", fri_mar11).value == "2016-03-16");
  CHECK(one("The speech, to be delivered on Tuesday, is about jobs.", "Tuesday", fri_mar11).value ==
        "2016-03-15");
  const CivilDate tue_nov17{2015, 11, 17};  // a Tuesday
  // Under a past verb a passive infinitive's day is the nearest one.
  CHECK(one("Bush was recasting an address, to be delivered Wednesday at the Citadel.", "Wednesday",
            tue_nov17)
            .value == "2015-11-18");
  SUBCASE("without an infinitive, or under a past verb alone, the day is past") {
    CHECK(one("Voters were eligible to vote in the primary on Tuesday.", "Tuesday", fri_mar11)
              .value == "2016-03-08");
    CHECK(one("She is the one who met him Wednesday.", "Wednesday", fri_mar11).value ==
          "2016-03-09");
    CHECK(one("Bush recast the address he delivered Wednesday.", "Wednesday", tue_nov17).value ==
          "2015-11-11");
    CHECK(one("The report was issued to be reviewed by officials, who met Thursday.", "Thursday",
              tue_nov17)
              .value == "2015-11-12");
  }
}

TEST_CASE("a participle after a linking verb takes that verb's tense: 'will remain closed'") {
  const CivilDate mon_oct7{2024, 10, 7};  // a Monday
  CHECK(one("Schools will remain closed through Friday.", "Friday", mon_oct7).value ==
        "2024-10-11");
  CHECK(one("He will stay jailed until Friday.", "Friday", mon_oct7).value == "2024-10-11");
  CHECK(one("The roads will remain largely closed through Friday.", "Friday", mon_oct7).value ==
        "2024-10-11");
  SUBCASE("a past linking verb, or a past participle alone, is still past") {
    CHECK(one("Schools remained closed through Friday.", "Friday", mon_oct7).value == "2024-10-04");
    CHECK(one("The roads were closed through Friday.", "Friday", mon_oct7).value == "2024-10-04");
  }
}

TEST_CASE("'over the next day or two' counts from the anchor, not from the narrated day") {
  const CivilDate mon_oct7{2024, 10, 7};  // a Monday
  const char* text =
      "Landfall is expected late Thursday. Forecasters said the storm could strengthen over the "
      "next day or two.";
  CHECK(one(text, "the next day", mon_oct7).value == "2024-10-08");
  CHECK(one("Landfall came on Thursday. It weakened within the next day.", "the next day", mon_oct7)
            .value == "2024-10-08");
  // In a narrative it is the day after the one told.
  CHECK(one("Landfall came on Thursday. The next day, it weakened.", "The next day", mon_oct7)
            .value == "2024-10-04");
}

TEST_CASE("'midweek' is the week of the Wednesday the tense points to") {
  const CivilDate fri_feb13{2026, 2, 13};  // a Friday, in ISO week 7
  const CivilDate tue_feb10{2026, 2, 10};  // a Tuesday, in the same week
  SUBCASE("ahead") {
    auto t = one("Temperatures are expected to drop by midweek.", "midweek", fri_feb13);
    CHECK(t.value == "2026-W08");
    CHECK(t.mod == "MID");
    CHECK(one("Skies should clear by mid-week.", "mid-week", fri_feb13).value == "2026-W08");
    CHECK(one("Skies should clear by midweek.", "midweek", tue_feb10).value == "2026-W07");
  }
  SUBCASE("behind") {
    CHECK(one("Sales slumped midweek.", "midweek", fri_feb13).value == "2026-W07");
  }
  SUBCASE("a kind of day, not a date") {
    CHECK(values("The team plays a midweek game.", fri_feb13).empty());
  }
}

TEST_CASE("'year to date' is the year so far") {
  const CivilDate feb13{2026, 2, 13};
  CHECK(one("Shares are up 12% year to date.", "year to date", feb13).value == "2026");
  CHECK(one("Year-to-date sales rose 4 percent.", "Year-to-date", feb13).value == "2026");
}

TEST_CASE("a present timetable names a day to come, even one just past this year") {
  const CivilDate feb13{2026, 2, 13};
  CHECK(one("The law takes effect on Jan. 1.", "Jan. 1", feb13).value == "2027-01-01");
  CHECK(one("The deadline is Jan. 1.", "Jan. 1", feb13).value == "2027-01-01");
  // Told in the past, it is the one just gone.
  CHECK(one("The law took effect on Jan. 1.", "Jan. 1", feb13).value == "2026-01-01");
}

TEST_CASE("'through the weekend before clearing': the weekend, not one before an event") {
  const CivilDate fri_feb13{2026, 2, 13};
  CHECK(one("Rain will continue through the weekend before clearing on Monday.", "the weekend",
            fri_feb13)
            .value == "2026-W07-WE");
  // Before a noun it is a period before an event the tagger cannot date.
  CHECK(values("The year before the election was quiet.", fri_feb13).empty());
}

TEST_CASE("a timetable's verb after a relative clause keeps its plural subject") {
  const CivilDate feb20{2024, 2, 20};
  const char* text =
      "The Chiefs, who won the Super Bowl last season, open their campaign on Sept. 7.";
  CHECK(one(text, "Sept. 7", feb20).value == "2024-09-07");
  // The relative clause's own past still governs a date inside it.
  CHECK(one("The Chiefs, who won on Sept. 7, open their campaign soon.", "Sept. 7", feb20).value ==
        "2023-09-07");
}

TEST_CASE("eras: years and centuries before Christ, and AD") {
  const CivilDate feb18{2026, 2, 18};
  SUBCASE("a year BC") {
    auto t = one("The city was founded in 753 BC.", "753 BC", feb18);
    CHECK(t.value == "BC0753");
    CHECK(t.interval.first_day == day(-752, 1, 1));
    CHECK(t.interval.last_day == day(-752, 12, 31));
    CHECK(one("The temple dates to 500 B.C.", "500 B.C", feb18).value == "BC0500");
    CHECK(one("He was born in 4 BCE, historians say.", "4 BCE", feb18).value == "BC0004");
  }
  SUBCASE("a century BC") {
    auto t = one("The ruins date back to the 5th century BC.", "the 5th century BC", feb18);
    CHECK(t.value == "BC04");
    CHECK(t.interval.first_day == day(-499, 1, 1));   // 500 BC
    CHECK(t.interval.last_day == day(-400, 12, 31));  // 401 BC
    CHECK(
        one("It is from the 2nd century B.C.E. and rare.", "the 2nd century B.C.E.", feb18).value ==
        "BC01");
  }
  SUBCASE("AD, before or after the year, and centuries of one digit") {
    CHECK(one("The wall was built in AD 122.", "AD 122", feb18).value == "0122");
    CHECK(one("Vesuvius erupted in A.D. 79, burying Pompeii.", "A.D. 79", feb18).value == "0079");
    CHECK(one("The church dates from the 12th century AD.", "the 12th century AD", feb18).value ==
          "11");
    auto fifth = one("The fifth century saw the fall of Rome.", "The fifth century", feb18);
    CHECK(fifth.value == "04");
    CHECK(fifth.interval.first_day == day(400, 1, 1));
  }
  SUBCASE("not an era") {
    CHECK(values("They won 3 AD titles. The ad ran 30 times.", feb18).empty());
  }
}

TEST_CASE("a past verb right before a day puts it behind unless it is at most two days ahead") {
  const CivilDate feb18{2026, 2, 18};
  CHECK(one("The vote was held on 3 March.", "3 March", feb18).value == "2025-03-03");
  CHECK(one("The vote was held on March 3.", "March 3", feb18).value == "2025-03-03");
  // A day late publication date.
  CHECK(one("The vote was held on Feb. 19.", "Feb. 19", feb18).value == "2026-02-19");
  // A plan in an infinitive, told in the past, may still be to come.
  CHECK(one("He offered to debate on March 3.", "March 3", feb18).value == "2026-03-03");
  CHECK(one("The offer had been set to expire March 3.", "March 3", feb18).value == "2026-03-03");
  CHECK(one("The vote will be held on 3 March.", "3 March", feb18).value == "2026-03-03");
}

TEST_CASE("British 'Tuesday week' and 'a week on Friday' are a week after the coming day") {
  const CivilDate wed_feb18{2026, 2, 18};
  CHECK(one("The report is due out on Tuesday week.", "Tuesday week", wed_feb18).value ==
        "2026-03-03");
  CHECK(
      one("The minister will meet unions a week on Friday.", "a week on Friday", wed_feb18).value ==
      "2026-02-27");
  CHECK(one("The vote is a week from Friday.", "a week from Friday", wed_feb18).value ==
        "2026-02-27");
  // Before a noun, "week" is no part of the day.
  CHECK(one("The Tuesday week ahead looks busy.", "Tuesday", wed_feb18).value == "2026-02-17");
}
