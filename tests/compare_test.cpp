// Comparison rules on hand-built claims: each rule, and the near-misses that
// must not become contradictions.
#include "compare/compare.h"

#include <crosscheck/crosscheck.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <locale>

#include "compare/rules.h"
#include "graph/claim_graph.h"
#include "util/date.h"

using namespace crosscheck;
using crosscheck::internal::ClaimGraph;
using crosscheck::internal::compare_claims;

namespace {

std::int32_t day(const char* iso) {
  return internal::days_from_civil(*internal::parse_iso_date(iso));
}

TimeInterval interval(const char* first, const char* last, Granularity g) {
  return TimeInterval{day(first), day(last), g};
}

struct Builder {
  Report report;

  Builder& doc(const std::string& id, const std::string& published,
               const std::string& source = "") {
    Extraction x;
    x.document.id = id;
    x.document.published = published;
    x.document.source = source;
    report.extractions.push_back(x);
    return *this;
  }

  Claim& claim(const std::string& document, const std::string& type, const std::string& value) {
    Claim c;
    c.id = document + "#" + std::to_string(report.claims.size() + 1);
    c.document = document;
    c.type = type;
    c.subject = "fac:office";
    c.subject_name = "the office";
    c.predicate = "opening";
    c.value = value;
    c.modality = "asserted";
    c.polarity = "positive";
    c.evidence = "Sentence about " + value + ".";
    report.claims.push_back(c);
    return report.claims.back();
  }

  /// A claim dated to a whole year ("1995").
  Claim& year(const std::string& document, const std::string& y) {
    return time(document, y,
                interval((y + "-01-01").c_str(), (y + "-12-31").c_str(), Granularity::kYear));
  }

  Claim& time(const std::string& document, const std::string& value, TimeInterval t) {
    Claim& c = claim(document, "event_date", value);
    c.typed.kind = ClaimValue::Kind::kTime;
    c.typed.time = t;
    c.typed.time_value = value;
    return c;
  }

  Claim& unknown_time(const std::string& document) {
    Claim& c = claim(document, "event_date", "not yet announced");
    c.typed.kind = ClaimValue::Kind::kUnknownTime;
    return c;
  }

  Claim& quantity(const std::string& document, const std::string& text, double value, double low,
                  double high, const std::string& bound, const std::string& unit = "people") {
    Claim& c = claim(document, "quantity", text);
    c.subject = "event:quake";
    c.predicate = "killed";
    c.typed.kind = ClaimValue::Kind::kQuantity;
    c.typed.quantity = Quantity{{}, text, value, low, high, unit, bound};
    return c;
  }

  Claim& state(const std::string& document, const std::string& state, int stage) {
    Claim& c = claim(document, "lifecycle", state);
    c.typed.kind = ClaimValue::Kind::kState;
    c.typed.state = state;
    c.typed.stage = stage;
    return c;
  }

  Claim& role(const std::string& document, const std::string& holder) {
    Claim& c = claim(document, "role", holder);
    c.subject = "org:alliance";
    c.predicate = "secretary_general";
    c.typed.kind = ClaimValue::Kind::kEntity;
    c.typed.entity = "per:" + holder;
    return c;
  }

  Claim& set(const std::string& document, std::vector<std::string> items, bool complete = false) {
    Claim& c = claim(document, "scope", "");
    c.predicate = "focus";
    c.typed.kind = ClaimValue::Kind::kSet;
    c.typed.items = std::move(items);
    c.typed.complete = complete;
    for (const auto& i : c.typed.items) c.value += (c.value.empty() ? "" : ", ") + i;
    return c;
  }

  std::vector<Finding> run() {
    ClaimGraph graph(report);
    return compare_claims(report, graph);
  }
};

const double kInf = std::numeric_limits<double>::infinity();

std::size_t count(const std::vector<Finding>& fs, const std::string& kind,
                  const std::string& resolution = "") {
  return static_cast<std::size_t>(std::count_if(fs.begin(), fs.end(), [&](const Finding& f) {
    return f.kind == kind && (resolution.empty() || f.resolution == resolution);
  }));
}

}  // namespace

TEST_CASE("dates compare by interval and granularity") {
  SUBCASE("a year is compatible with a month inside it") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-12");
    b.time("a", "2023", interval("2023-01-01", "2023-12-31", Granularity::kYear));
    b.time("b", "2023-07", interval("2023-07-01", "2023-07-31", Granularity::kMonth));
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "agreement");
    CHECK(fs[0].rule == "time.granularity");
    CHECK(fs[0].claims == std::vector<std::string>{"a#1", "b#2"});
    CHECK(fs[0].documents == std::vector<std::string>{"a", "b"});
  }
  SUBCASE("July 2023 conflicts with July 2024") {
    Builder b;
    b.doc("a", "2024-08-01").doc("b", "2024-08-02");
    b.time("a", "2023-07", interval("2023-07-01", "2023-07-31", Granularity::kMonth));
    b.time("b", "2024-07", interval("2024-07-01", "2024-07-31", Granularity::kMonth));
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "contradiction");
    CHECK(fs[0].resolution == "unresolved");
    CHECK(fs[0].rule == "time.disjoint");
    CHECK(fs[0].summary.find("2023-07") != std::string::npos);
    CHECK(!fs[0].explanation.empty());
  }
  SUBCASE("one day apart at day granularity is left alone") {
    Builder b;
    b.doc("a", "2024-08-01").doc("b", "2024-08-02");
    b.time("a", "2024-07-10", interval("2024-07-10", "2024-07-10", Granularity::kDay));
    b.time("b", "2024-07-11", interval("2024-07-11", "2024-07-11", Granularity::kDay));
    CHECK(b.run().empty());
  }
  SUBCASE("a planned date replaced by a later actual date is superseded") {
    Builder b;
    b.doc("a", "2024-01-01").doc("b", "2025-10-01");
    b.time("a", "2025-06", interval("2025-06-01", "2025-06-30", Granularity::kMonth)).modality =
        "future";
    b.time("b", "2025-09-16", interval("2025-09-16", "2025-09-16", Granularity::kDay));
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].resolution == "superseded");
    CHECK(fs[0].rule == "time.rescheduled");
  }
}

TEST_CASE("an unknown date is superseded by a later known date") {
  Builder b;
  b.doc("national", "2024-07-10", "The National")
      .doc("singh", "2024-07-12")
      .doc("inauguration", "");
  b.unknown_time("national");
  b.unknown_time("singh");
  b.time("inauguration", "2025-09-16", interval("2025-09-16", "2025-09-16", Granularity::kDay));
  auto fs = b.run();
  REQUIRE(count(fs, "contradiction", "superseded") == 1);
  const Finding& f = fs[0];
  CHECK(f.kind == "contradiction");
  CHECK(f.rule == "time.unknown_superseded");
  // Oldest first: both unknown-date claims, then the date.
  CHECK(f.claims == std::vector<std::string>{"national#1", "singh#2", "inauguration#3"});
  CHECK(f.summary.find("The National, 2024-07-10") != std::string::npos);
  CHECK(count(fs, "contradiction", "unresolved") == 0);
  // The two July reports agree that no date was known.
  CHECK(count(fs, "agreement") == 1);

  SUBCASE("a date given before the unknown statement is a real contradiction") {
    Builder e;
    e.doc("early", "2024-06-01").doc("late", "2024-07-12");
    e.time("early", "2024-06", interval("2024-06-01", "2024-06-30", Granularity::kMonth));
    e.unknown_time("late");
    auto gs = e.run();
    REQUIRE(gs.size() == 1);
    CHECK(gs[0].resolution == "unresolved");
    CHECK(gs[0].rule == "time.unknown_contradicted");
  }
  SUBCASE("an undated unknown statement cannot be ordered") {
    Builder e;
    e.doc("x", "").doc("y", "");
    e.unknown_time("x");
    e.time("y", "2024-06", interval("2024-06-01", "2024-06-30", Granularity::kMonth)).modality =
        "future";
    CHECK(e.run().empty());
  }
}

TEST_CASE("unknown dates bridge to dated lifecycle claims of the same event") {
  Builder b;
  b.doc("a", "2024-07-12").doc("b", "");
  b.unknown_time("a");
  Claim& opened = b.state("b", "inaugurated", 5);
  opened.typed.time = interval("2025-09-16", "2025-09-16", Granularity::kDay);
  opened.typed.time_value = "2025-09-16";
  Claim& announced = b.state("a", "announced", 3);  // an announcement date answers nothing
  announced.typed.time = interval("2024-07-10", "2024-07-10", Granularity::kDay);
  auto fs = b.run();
  REQUIRE(count(fs, "contradiction", "superseded") >= 1);
  auto it = std::find_if(fs.begin(), fs.end(),
                         [](const Finding& f) { return f.rule == "time.unknown_superseded"; });
  REQUIRE(it != fs.end());
  CHECK(it->claims == std::vector<std::string>{"a#1", "b#2"});
}

TEST_CASE("quantities compare by bounds and tolerance") {
  SUBCASE("more than 38,000 is compatible with 38,295") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-12");
    b.quantity("a", "more than 38,000", 38000, 38000, kInf, "at_least");
    b.quantity("b", "38,295", 38295, 38295, 38295, "exact");
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "agreement");
    CHECK(fs[0].rule == "quantity.bounds");
  }
  SUBCASE("about 14,000 is compatible with 14,300") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10");
    b.quantity("a", "about 14,000", 14000, 14000, 14000, "about");
    b.quantity("b", "14,300", 14300, 14300, 14300, "exact");
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "agreement");
  }
  SUBCASE("five killed conflicts with one killed for the same event and day") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10").doc("c", "2024-07-10");
    b.quantity("a", "five", 5, 5, 5, "exact");
    b.quantity("b", "one", 1, 1, 1, "exact");
    b.quantity("c", "at least one", 1, 1, kInf, "at_least");
    auto fs = b.run();
    REQUIRE(count(fs, "contradiction", "unresolved") == 1);
    const Finding& f = fs[0];
    // "at least one" is compatible with both and is left out.
    CHECK(f.claims == std::vector<std::string>{"a#1", "b#2"});
    CHECK(f.rule == "quantity.same_time");
  }
  SUBCASE("near-misses are not contradictions") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10").doc("c", "").doc("d", "");
    b.quantity("a", "five", 5, 5, 5, "exact");
    b.quantity("b", "one", 1, 1, 1, "exact").qualifier = "aftershock";  // another event
    b.quantity("b", "one", 1, 1, 1, "exact").subject = "event:flood";   // another subject
    b.quantity("b", "1 km", 1, 1, 1, "exact", "km");                    // another unit
    b.quantity("c", "five", 5, 5, 5, "exact").subject = "event:storm";
    b.quantity("d", "one", 1, 1, 1, "exact").subject = "event:storm";  // undated: time unknown
    CHECK(count(b.run(), "contradiction") == 0);
  }
  SUBCASE("a later figure supersedes an earlier one") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-12");
    b.quantity("a", "five", 5, 5, 5, "exact");
    b.quantity("b", "seven", 7, 7, 7, "exact");
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].resolution == "superseded");
    CHECK(fs[0].claims == std::vector<std::string>{"a#1", "b#2"});
  }
}

TEST_CASE("lifecycle states are ordered in time") {
  SUBCASE("a later source with a later stage supersedes") {
    Builder b;
    b.doc("oped", "2023-07-13").doc("news", "2024-07-10").doc("wire", "2024-07-12");
    b.state("oped", "under_discussion", 1);
    b.state("news", "announced", 3);
    b.state("wire", "decided", 2);
    auto fs = b.run();
    CHECK(count(fs, "contradiction", "unresolved") == 0);
    REQUIRE(count(fs, "contradiction", "superseded") == 1);
    CHECK(fs[0].claims == std::vector<std::string>{"oped#1", "news#2", "wire#3"});
    CHECK(fs[0].rule == "lifecycle.progress");
    // Decided and announced are the same stage of the story: they agree.
    REQUIRE(count(fs, "agreement") == 1);
    CHECK(fs[1].claims == std::vector<std::string>{"news#2", "wire#3"});
  }
  SUBCASE("a later source with an earlier stage contradicts") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2025-03-01");
    b.state("a", "decided", 2);
    b.state("b", "under_discussion", 1);
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].resolution == "unresolved");
    CHECK(fs[0].rule == "lifecycle.regression");
  }
  SUBCASE("an undated source cannot be ordered: no verdict") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "");
    b.state("a", "decided", 2);
    b.state("b", "under_discussion", 1);
    CHECK(b.run().empty());
  }
  SUBCASE("an undated report of a dated opening is ordered by that date") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "");
    b.state("a", "announced", 3);
    Claim& c = b.state("b", "inaugurated", 5);
    c.typed.time = interval("2025-09-16", "2025-09-16", Granularity::kDay);
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].resolution == "superseded");
  }
}

TEST_CASE("roles: a later holder supersedes, the same time contradicts") {
  SUBCASE("later") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2025-05-14");
    b.role("a", "stoltenberg");
    b.role("b", "rutte");
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].resolution == "superseded");
    CHECK(fs[0].rule == "role.update");
  }
  SUBCASE("same day") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10");
    b.role("a", "stoltenberg");
    b.role("b", "rutte");
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].resolution == "unresolved");
  }
  SUBCASE("as_of decides over the publication date") {
    Builder b;
    b.doc("a", "2025-05-14").doc("b", "2025-05-14");
    b.role("a", "stoltenberg").as_of = "2024-07-10";
    b.role("b", "rutte");
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].resolution == "superseded");
    CHECK(fs[0].claims == std::vector<std::string>{"a#1", "b#2"});
  }
  SUBCASE("same holder agrees") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "");
    b.role("a", "stoltenberg");
    b.role("b", "stoltenberg");
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "agreement");
  }
}

TEST_CASE("sets: overlap is partial agreement, disjoint is not a contradiction") {
  SUBCASE("overlap names what is shared and what only one says") {
    Builder b;
    b.doc("a", "2024-07-10", "The National").doc("b", "2024-07-12", "Singh");
    b.set("a", {"training", "counter-terrorism", "cyber security", "climate change"});
    b.set("b", {"training", "counter terrorism", "cybersecurity", "climate change",
                "crisis management"});
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "agreement");
    CHECK(fs[0].rule == "set.overlap");
    CHECK(fs[0].explanation.find(
              "all list training, counter-terrorism, cyber security, climate change") !=
          std::string::npos);
    CHECK(fs[0].explanation.find("only Singh lists crisis management") != std::string::npos);
  }
  SUBCASE("disjoint open lists") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10");
    b.set("a", {"Libya", "Kosovo"});
    b.set("b", {"Mali"});
    CHECK(b.run().empty());
  }
  SUBCASE("a complete list contradicts an extra item") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10");
    b.set("a", {"Libya", "Kosovo"}, true);
    b.set("b", {"Libya", "Mali"});
    auto fs = b.run();
    REQUIRE(count(fs, "contradiction") == 1);
    CHECK(fs[0].rule == "set.complete.same_time");
  }
}

TEST_CASE("attribution and modality") {
  SUBCASE("different speakers never contradict") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10");
    b.quantity("a", "five", 5, 5, 5, "exact").attributed_to = "Police";
    b.quantity("b", "one", 1, 1, 1, "exact").attributed_to = "Hospital";
    CHECK(b.run().empty());
  }
  SUBCASE("the same speaker reported differently does") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10");
    b.quantity("a", "five", 5, 5, 5, "exact").attributed_to = "Police";
    b.quantity("b", "one", 1, 1, 1, "exact").attributed_to = "police";
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].resolution == "unresolved");
  }
  SUBCASE("unnamed generic sources speak in the outlet's own voice") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10");
    b.quantity("a", "7.8", 7.8, 7.8, 7.8, "exact", "magnitude").attributed_to = "officials";
    b.quantity("b", "7.5", 7.5, 7.5, 7.5, "exact", "magnitude");
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].resolution == "unresolved");
  }
  SUBCASE("named officials keep their own voice") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10");
    b.quantity("a", "7.8", 7.8, 7.8, 7.8, "exact", "magnitude").attributed_to = "Army officials";
    b.quantity("b", "7.5", 7.5, 7.5, 7.5, "exact", "magnitude");
    CHECK(b.run().empty());
  }
  SUBCASE("a hedge is not compared with a fact") {
    Builder b;
    b.doc("a", "2024-08-01").doc("b", "2024-08-02");
    b.time("a", "2023-07", interval("2023-07-01", "2023-07-31", Granularity::kMonth)).modality =
        "hedged";
    b.time("b", "2024-07", interval("2024-07-01", "2024-07-31", Granularity::kMonth));
    b.time("b", "2023-07", interval("2023-07-01", "2023-07-31", Granularity::kMonth));
    CHECK(b.run().empty());
  }
  SUBCASE("hedges may agree with each other but never contradict") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-12");
    b.set("a", {"training", "cyber security"}).modality = "hedged";
    b.set("b", {"training", "cyber security"}).modality = "hedged";
    b.time("a", "2023-07", interval("2023-07-01", "2023-07-31", Granularity::kMonth)).modality =
        "conditional";
    b.time("b", "2024-07", interval("2024-07-01", "2024-07-31", Granularity::kMonth)).modality =
        "conditional";
    auto fs = b.run();
    CHECK(count(fs, "agreement") == 1);
    CHECK(count(fs, "contradiction") == 0);
  }
  SUBCASE("negation against affirmation") {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10");
    Claim& x = b.claim("a", "membership", "member");
    Claim& y = b.claim("b", "membership", "member");
    y.polarity = "negative";
    (void)x;
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].rule == "polarity.negation");
  }
}

TEST_CASE("agreement needs two documents; claims about different things are never grouped") {
  Builder b;
  b.doc("a", "2024-07-10").doc("b", "2024-07-12");
  b.time("a", "2017", interval("2017-01-01", "2017-12-31", Granularity::kYear)).subject =
      "fac:kuwait_centre";
  b.time("a", "2017", interval("2017-01-01", "2017-12-31", Granularity::kYear)).subject =
      "fac:kuwait_centre";
  b.time("b", "2025-09-16", interval("2025-09-16", "2025-09-16", Granularity::kDay));
  CHECK(b.run().empty());
}

TEST_CASE("findings are deterministic and ordered") {
  auto build = [] {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-10").doc("c", "2024-08-01");
    b.quantity("a", "five", 5, 5, 5, "exact");
    b.quantity("b", "one", 1, 1, 1, "exact");
    b.time("a", "2023", interval("2023-01-01", "2023-12-31", Granularity::kYear));
    b.time("c", "2023-07", interval("2023-07-01", "2023-07-31", Granularity::kMonth));
    b.role("a", "stoltenberg");
    b.role("c", "rutte");
    return b.run();
  };
  auto first = build(), second = build();
  REQUIRE(first.size() == 3);
  CHECK(first[0].resolution == "unresolved");
  CHECK(first[1].resolution == "superseded");
  CHECK(first[2].kind == "agreement");
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].claims == second[i].claims);
    CHECK(first[i].summary == second[i].summary);
  }
}

TEST_CASE("linking goes through the key index") {
  Builder b;
  b.doc("a", "2024-07-10").doc("b", "2024-07-10");
  for (int i = 0; i < 2000; ++i) {
    b.time(i % 2 ? "a" : "b", "2023", interval("2023-01-01", "2023-12-31", Granularity::kYear))
        .subject = "thing:" + std::to_string(i / 2);
  }
  ClaimGraph graph(b.report);
  auto groups = graph.comparable_groups();
  CHECK(groups.size() == 1000);
  for (const auto& g : groups) CHECK(g.size() == 2);
  CHECK(compare_claims(b.report, graph).size() == 1000);
}

TEST_CASE("a very large group of one key stays bounded") {
  // Pathological input: thousands of claims about one thing. Comparison uses a
  // bounded window per claim, so this finishes quickly and without n^2 memory.
  Builder b;
  for (int d = 0; d < 20; ++d) b.doc("d" + std::to_string(d), "2024-07-" + std::to_string(10 + d));
  for (int i = 0; i < 3000; ++i) {
    int year = 1900 + i % 100;
    std::string y = std::to_string(year);
    b.time(
        "d" + std::to_string(i % 7), y,
        TimeInterval{day((y + "-01-01").c_str()), day((y + "-12-31").c_str()), Granularity::kYear});
  }
  auto fs = b.run();
  CHECK(count(fs, "agreement") > 0);
  CHECK(count(fs, "contradiction", "unresolved") > 0);
}

TEST_CASE("an entity qualifier links with or without its id prefix") {
  Builder b;
  b.doc("a", "2024-07-10").doc("b", "2024-07-12");
  b.year("a", "1995").qualifier = "org:dialogue";
  b.year("b", "1995").qualifier = "dialogue";
  b.year("b", "1995").qualifier = "org:council";
  ClaimGraph graph(b.report);
  auto groups = graph.comparable_groups();
  REQUIRE(groups.size() == 1);
  CHECK(groups[0] == std::vector<std::size_t>{0, 1});
}

TEST_CASE("graph outputs keep kinds apart and record verdicts") {
  Builder b;
  b.doc("x", "2024-07-10").doc("y", "");
  b.unknown_time("x");
  b.time("y", "2025-09-16", interval("2025-09-16", "2025-09-16", Granularity::kDay));
  ClaimGraph graph(b.report);
  auto findings = compare_claims(b.report, graph);
  REQUIRE(findings.size() == 1);
  std::string dot = graph.to_dot();
  CHECK(dot.find("\"document:x\"") != std::string::npos);
  // The newer claim supersedes the older one.
  CHECK(dot.find("\"claim:y#2\"->\"claim:x#1\"  [label=supersedes]") != std::string::npos);
  CHECK(dot.find("\"document:x\"->\"claim:x#1\"  [label=asserts]") != std::string::npos);
  CHECK(graph.to_graphml().find("supersedes") != std::string::npos);
}

TEST_CASE("the key index alone groups and compares as the whole graph does") {
  Builder b;
  b.doc("x", "2024-07-10").doc("y", "").doc("z", "2024-07-12");
  b.unknown_time("x");
  Claim& opened = b.state("y", "inaugurated", 5);
  opened.typed.time = interval("2025-09-16", "2025-09-16", Granularity::kDay);
  opened.typed.time_value = "2025-09-16";
  b.year("x", "1995").qualifier = "org:dialogue";
  b.year("z", "1995").qualifier = "dialogue";
  b.year("z", "1996").qualifier = "org:dialogue";
  ClaimGraph whole(b.report);
  ClaimGraph index(b.report, ClaimGraph::Parts::kIndex);
  CHECK(index.comparable_groups() == whole.comparable_groups());
  CHECK(index.unknown_date_bridges() == whole.unknown_date_bridges());
  REQUIRE(!whole.unknown_date_bridges().empty());
  auto from_whole = compare_claims(b.report, whole);
  auto from_index = compare_claims(b.report, index);
  REQUIRE(from_whole.size() >= 3);
  REQUIRE(from_index.size() == from_whole.size());
  for (std::size_t i = 0; i < from_whole.size(); ++i) {
    CHECK(from_index[i].claims == from_whole[i].claims);
    CHECK(from_index[i].kind == from_whole[i].kind);
    CHECK(from_index[i].resolution == from_whole[i].resolution);
    CHECK(from_index[i].rule == from_whole[i].rule);
  }
  // Only the whole graph has vertices to render.
  CHECK(whole.to_dot().find("claim:x#1") != std::string::npos);
  CHECK(index.to_dot().find("claim:") == std::string::npos);
}

TEST_CASE("explanations print numbers the same whatever the host's global locale") {
  // A host may make a locale with a decimal comma and digit grouping global;
  // quantities without their text are printed by the library itself.
  struct Comma : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
  };
  auto explain = [] {
    Builder b;
    b.doc("a", "2024-07-10").doc("b", "2024-07-12");
    b.quantity("a", "", 12500.5, 12500.5, 12500.5, "exact");
    b.quantity("b", "", 12500.5, 12500.5, 12500.5, "exact");
    auto fs = b.run();
    REQUIRE(fs.size() == 1);
    return fs[0].explanation;
  };
  const std::string plain = explain();
  CHECK(plain.find("12500.5") != std::string::npos);
  std::locale before = std::locale::global(std::locale(std::locale::classic(), new Comma));
  const std::string with_comma = explain();
  std::locale::global(before);
  CHECK(with_comma == plain);

  // The whole report in every format, on the sample story.
  auto docs =
      crosscheck::read_inputs({std::string(CROSSCHECK_SOURCE_DIR) + "/examples/nato-amman.jsonl"});
  REQUIRE(docs);
  auto render = [&] {
    auto report = crosscheck::check(*docs);
    REQUIRE(report);
    return crosscheck::to_json(*report) + crosscheck::to_text(*report) +
           crosscheck::to_html(*report) + crosscheck::to_dot(*report) +
           crosscheck::to_graphml(*report);
  };
  const std::string reports = render();
  before = std::locale::global(std::locale(std::locale::classic(), new Comma));
  const std::string reports_with_comma = render();
  std::locale::global(before);
  CHECK(reports_with_comma == reports);
}

TEST_CASE("malformed values never become findings") {
  Builder b;
  b.doc("a", "2024-07-10").doc("b", "2024-07-10");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  b.quantity("a", "many", nan, nan, nan, "exact");
  b.quantity("b", "one", 1, 1, 1, "exact");
  Claim& s = b.state("a", "", -1);  // no state at all
  s.subject = "x";
  Claim& t = b.state("b", "weird_state", -1);
  t.subject = "x";
  Claim& u = b.time("a", "XXXX-07", TimeInterval{});
  u.subject = "y";
  Claim& v = b.time("b", "XXXX-08", TimeInterval{});
  v.subject = "y";
  CHECK(b.run().empty());
}
