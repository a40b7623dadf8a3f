#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "annotate/annotations.h"
#include "annotate/entity/entity_tagger.h"
#include "annotate/quantity/quantity_tagger.h"
#include "annotate/quote/quote_tagger.h"
#include "annotate/time/time_tagger.h"
#include "claims/claim_extractor.h"
#include "crosscheck/crosscheck.h"
#include "util/date.h"

using namespace crosscheck;
using namespace crosscheck::internal;

namespace {

// A document annotated by the real taggers; times the temporal tagger does not
// (yet) produce can be added by hand, so these tests exercise the claim rules
// whichever tagger is merged.
struct Annotated {
  Document doc;
  Annotations a;

  explicit Annotated(std::string text, std::string published = "2024-07-10") {
    doc.id = "t";
    doc.text = std::move(text);
    doc.published = std::move(published);
    init();
  }
  explicit Annotated(const Document& d) : doc(d) { init(); }
  Annotated(const Annotated&) = delete;

  void init() {
    a.document = &doc;
    a.lexicon = Lexicon::builtin().get();
    a.anchor = parse_iso_date(doc.published);
    a.text = segment(doc.text);
    a.times = tag_times(a.text, a.anchor);
    a.entities = tag_entities(a.text, *a.lexicon);
    a.quotes = tag_quotes(a.text, a.entities);
  }

  // Sets the DATE of `phrase` (its first occurrence), replacing what the
  // temporal tagger made of it, so these tests exercise the claim rules alone.
  Annotated& time(std::string_view phrase, std::string value, CivilDate first, CivilDate last,
                  Granularity g) {
    std::size_t at = doc.text.find(phrase);
    REQUIRE(at != std::string::npos);
    Span span{at, at + phrase.size()};
    a.times.erase(std::remove_if(a.times.begin(), a.times.end(),
                                 [&](const TimeExpr& x) {
                                   return x.span.begin < span.end && span.begin < x.span.end;
                                 }),
                  a.times.end());
    TimeExpr x;
    x.span = span;
    x.text = std::string(phrase);
    x.type = "DATE";
    x.value = std::move(value);
    x.interval.first_day = days_from_civil(first);
    x.interval.last_day = days_from_civil(last);
    x.interval.granularity = g;
    a.times.push_back(std::move(x));
    std::sort(a.times.begin(), a.times.end(),
              [](const TimeExpr& p, const TimeExpr& q) { return p.span.begin < q.span.begin; });
    return *this;
  }
  Annotated& day(std::string_view phrase, int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return time(phrase, buf, {y, m, d}, {y, m, d}, Granularity::kDay);
  }
  Annotated& month(std::string_view phrase, int y, int m) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return time(phrase, buf, {y, m, 1}, {y, m, days_in_month(y, m)}, Granularity::kMonth);
  }
  Annotated& year(std::string_view phrase, int y) {
    return time(phrase, std::to_string(y), {y, 1, 1}, {y, 12, 31}, Granularity::kYear);
  }

  std::vector<Claim> claims() {
    a.quantities = tag_quantities(a.text, a.times);
    return extract_claims(a);
  }
};

const Claim* find(const std::vector<Claim>& claims, std::string_view type,
                  std::string_view evidence_has, std::string_view predicate = {}) {
  for (const Claim& c : claims) {
    if (c.type == type && c.evidence.find(evidence_has) != std::string::npos &&
        (predicate.empty() || c.predicate == predicate)) {
      return &c;
    }
  }
  return nullptr;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool same_key(const Claim& x, const Claim& y) {
  return x.subject == y.subject && x.type == y.type && x.predicate == y.predicate &&
         x.qualifier == y.qualifier;
}

}  // namespace

// ---------------------------------------------------------------------------
// Claim types on news beyond the sample corpus.

TEST_CASE("lifecycle: future, hedged, negated, dated and unknown-date openings") {
  SUBCASE("a company will open a store: announced, future, reported speech") {
    Annotated doc(
        "Apple will open a new store in Mumbai next month, chief executive Tim Cook said.");
    auto claims = doc.claims();
    const Claim* c = find(claims, "lifecycle", "Mumbai");
    REQUIRE(c);
    CHECK(c->subject == "fac:apple/store/mumbai");
    CHECK(c->typed.kind == ClaimValue::Kind::kState);
    CHECK(c->typed.state == "announced");
    CHECK(c->modality == "future");
    CHECK(c->polarity == "positive");
    CHECK(c->attributed_to == "Tim Cook");
    CHECK(c->as_of == "2024-07-10");
  }
  SUBCASE("a factive reporting verb leaves the claim to the outlet") {
    Annotated doc("Apple will open a store in Delhi, chief executive Tim Cook announced.");
    auto claims = doc.claims();  // find() points into it: keep it alive
    const Claim* c = find(claims, "lifecycle", "Delhi");
    REQUIRE(c);
    CHECK(c->attributed_to.empty());
  }
  SUBCASE("plans to close: hedged") {
    Annotated doc("Tesla plans to close its factory in Berlin.");
    auto claims = doc.claims();
    const Claim* c = find(claims, "lifecycle", "Berlin");
    REQUIRE(c);
    CHECK(c->subject == "fac:tesla/factory/berlin");
    CHECK(c->modality == "hedged");
  }
  SUBCASE("negation: has not reopened") {
    Annotated doc(
        "The airport in Kabul has not reopened since the storm. Officials gave no reason.");
    auto claims = doc.claims();
    const Claim* c = find(claims, "lifecycle", "reopened");
    REQUIRE(c);
    CHECK(c->subject == "fac:/airport/kabul");
    CHECK(c->polarity == "negative");
    CHECK(c->typed.state == "opened");
  }
  SUBCASE("a dated inauguration, passive, with the date opening the sentence") {
    Annotated doc(
        "On March 3, 2024, the new hospital in Lagos was officially inaugurated by the governor.");
    doc.day("March 3, 2024", 2024, 3, 3);
    auto claims = doc.claims();
    const Claim* c = find(claims, "lifecycle", "Lagos");
    REQUIRE(c);
    CHECK(ends_with(c->subject, "hospital/lagos"));
    CHECK(c->typed.state == "opened");
    CHECK(c->typed.time_value == "2024-03-03");
    CHECK(c->modality == "asserted");
  }
  SUBCASE("unknown date: yet to be set, unclear when") {
    Annotated doc(
        "Acme will build a factory in Ohio. The opening date for the factory is yet to be set. "
        "It is unclear when the factory would be opened.");
    auto claims = doc.claims();
    int unknown = 0;
    for (const Claim& c : claims) {
      if (c.typed.kind == ClaimValue::Kind::kUnknownTime) {
        ++unknown;
        CHECK(c.subject == "fac:acme/factory/ohio");
        CHECK(c.typed.state == "opened");
        CHECK(c.modality == "asserted");
        CHECK(c.as_of == "2024-07-10");
      }
    }
    CHECK(unknown == 2);
  }
  SUBCASE("conditional") {
    Annotated doc("If the council approves the budget, the bridge in Mostar will open in 2027.");
    doc.year("2027", 2027);
    auto claims = doc.claims();
    const Claim* c = find(claims, "lifecycle", "Mostar");
    REQUIRE(c);
    CHECK(c->modality == "conditional");
  }
  SUBCASE("postponed event") {
    Annotated doc("The summit in Doha was postponed, organisers said.");
    auto claims = doc.claims();
    const Claim* c = find(claims, "lifecycle", "Doha");
    REQUIRE(c);
    CHECK(c->subject == "event:summit/doha");
    CHECK(c->typed.state == "postponed");
    CHECK(c->attributed_to == "organisers");
  }
  SUBCASE("undated documents have no as-of date") {
    Annotated doc("Apple opened a store in Pune.", "");
    auto claims = doc.claims();
    const Claim* c = find(claims, "lifecycle", "Pune");
    REQUIRE(c);
    CHECK(c->as_of.empty());
  }
}

TEST_CASE("event dates and places") {
  SUBCASE("work on a facility: the facility named in it or just before, else nothing") {
    Annotated doc(
        "The Port of Valdora will open a new container terminal. Construction began in June "
        "2022.",
        "2025-03-04");
    auto claims = doc.claims();
    const Claim* c = find(claims, "event_date", "Construction began");
    REQUIRE(c);
    CHECK(c->subject == "fac:valdora/terminal");
    CHECK(c->predicate == "construction");
    CHECK(c->typed.time_value == "2022-06");
    Annotated bare("Construction began in June 2022. A $50 million renovation is planned.",
                   "2025-03-04");
    for (const Claim& x : bare.claims()) CHECK_MESSAGE(false, x.subject);
  }
  SUBCASE("an earthquake: date, magnitude and casualties") {
    Annotated doc(
        "A 5.6 magnitude earthquake struck eastern Turkey on Monday, killing at least 12 people, "
        "officials said.");
    doc.day("Monday", 2024, 3, 4);
    auto claims = doc.claims();
    const Claim* date = find(claims, "event_date", "earthquake");
    REQUIRE(date);
    CHECK(date->predicate == "earthquake");
    CHECK(date->typed.time_value == "2024-03-04");
    const Claim* magnitude = find(claims, "quantity", "earthquake", "magnitude");
    REQUIRE(magnitude);
    CHECK(magnitude->typed.quantity.value == doctest::Approx(5.6));
    const Claim* killed = find(claims, "quantity", "earthquake", "killed");
    REQUIRE(killed);
    CHECK(killed->subject == magnitude->subject);
    CHECK(killed->qualifier == "people");
    CHECK(killed->typed.quantity.low == 12);
    CHECK(std::isinf(killed->typed.quantity.high));
    CHECK(killed->attributed_to == "officials");
  }
  SUBCASE("talks began, resolved against their subject, with a place") {
    Annotated doc(
        "Samsung plans a chip plant in Texas. Talks about the plant began in March last year and "
        "were first held in Austin in March 2023.");
    doc.month("March last year", 2023, 3).month("March 2023", 2023, 3);
    auto claims = doc.claims();
    const Claim* began = find(claims, "event_date", "Talks about");
    REQUIRE(began);
    CHECK(began->subject == "fac:samsung/plant/texas");
    CHECK(began->predicate == "talks");
    CHECK(began->qualifier == "start");
    CHECK(began->typed.time_value == "2023-03");
  }
  SUBCASE("a court case: the trial began") {
    Annotated doc("The trial of the former mayor began on Tuesday in Paris.");
    doc.day("Tuesday", 2024, 5, 7);
    auto claims = doc.claims();
    const Claim* c = find(claims, "event_date", "trial");
    REQUIRE(c);
    CHECK(c->predicate == "trial");
    CHECK(c->qualifier == "start");
    const Claim* p = find(claims, "event_place", "trial");
    REQUIRE(p);
    CHECK(p->value == "Paris");
  }
  SUBCASE("an election held on a date, reported, future") {
    Annotated doc("The election will be held on May 5, the electoral commission announced.");
    doc.day("May 5", 2025, 5, 5);
    auto claims = doc.claims();
    const Claim* c = find(claims, "event_date", "election");
    REQUIRE(c);
    CHECK(c->qualifier == "held");
    CHECK(c->modality == "future");
  }
}

TEST_CASE("quantities as claims: casualties keep their event and victims apart") {
  Annotated doc(
      "At least 30 people were killed in the blast in Kabul, police said. "
      "The army said its strikes have killed more than 200 militants.");
  auto claims = doc.claims();
  const Claim* blast = find(claims, "quantity", "blast", "killed");
  REQUIRE(blast);
  CHECK(blast->subject == "event:explosion/kabul");
  CHECK(blast->typed.quantity.bound == "at_least");
  CHECK(blast->attributed_to == "police");
  const Claim* strikes = find(claims, "quantity", "militants", "killed");
  REQUIRE(strikes);
  CHECK(strikes->qualifier == "militants");
  CHECK_FALSE(same_key(*blast, *strikes));
}

TEST_CASE("casualty reports: tolls and bare counts") {
  Annotated doc(
      "Floods hit Kerala on Sunday. The death toll from the floods in Kerala rose to 45, officials "
      "said.");
  auto claims = doc.claims();
  const Claim* c = find(claims, "quantity", "toll", "killed");
  REQUIRE(c);
  CHECK(c->typed.quantity.value == 45);
  CHECK(c->qualifier == "people");
  CHECK(c->subject.find("flood") != std::string::npos);
}

TEST_CASE("a company deal: currency amounts") {
  Annotated doc("Siemens signed a €2.5bn contract with Deutsche Bahn.");
  auto claims = doc.claims();
  const Claim* c = find(claims, "quantity", "contract", "value");
  REQUIRE(c);
  CHECK(c->qualifier == "EUR");
  CHECK(c->typed.quantity.value == doctest::Approx(2.5e9));
}

TEST_CASE("measures of a thing: cost, staff, capacity") {
  SUBCASE("the subject before the words, or the facility a participle or relative follows") {
    Annotated doc(
        "The Port of Valdora will open a new container terminal. The terminal, built at a cost of "
        "$420 million, will handle up to 1.2 million containers a year. The terminal will employ "
        "310 workers.",
        "2025-03-04");
    auto claims = doc.claims();
    const Claim* cost = find(claims, "quantity", "at a cost of", "cost");
    REQUIRE(cost);
    CHECK(cost->subject == "fac:valdora/terminal");
    CHECK(cost->qualifier == "USD");
    CHECK(cost->typed.quantity.value == doctest::Approx(4.2e8));
    const Claim* capacity = find(claims, "quantity", "will handle", "capacity");
    REQUIRE(capacity);
    CHECK(capacity->subject == "fac:valdora/terminal");
    CHECK(capacity->qualifier == "containers");
    const Claim* staff = find(claims, "quantity", "310 workers", "employees");
    REQUIRE(staff);
    CHECK(staff->subject == "fac:valdora/terminal");
  }
  SUBCASE("a second verb of the facility that opens the sentence") {
    Annotated doc(
        "The Port of Valdora opened a terminal. The terminal cost $420 million and employs 310 "
        "workers. Officials said the plan would cost $5 million and employ 300 people.",
        "2025-10-20");
    auto claims = doc.claims();
    const Claim* staff = find(claims, "quantity", "employs 310", "employees");
    REQUIRE(staff);
    CHECK(staff->subject == "fac:valdora/terminal");
    CHECK_FALSE(find(claims, "quantity", "employ 300", "employees"));
  }
  SUBCASE("an organisation's name right before the words") {
    Annotated doc("Acme Corp employs 300,000 people worldwide.");
    auto claims = doc.claims();
    const Claim* c = find(claims, "quantity", "employs", "employees");
    REQUIRE(c);
    CHECK(c->subject == "org:acme_corp");
    CHECK(c->typed.quantity.value == doctest::Approx(300000));
  }
  SUBCASE("nothing when no thing is the subject") {
    Annotated doc(
        "Smith said it would cost $5 million. It cost us $1 billion. A state university "
        "will cost $160,000. The plan costs 3 percent of the budget.");
    for (const Claim& c : doc.claims()) CHECK_MESSAGE(c.type != "quantity", c.evidence);
  }
}

TEST_CASE(
    "a facility at an organisation is that organisation's; the opening date of the one "
    "named before") {
  Annotated doc(
      "The Port of Valdora will open a new container terminal. The opening date has not yet been "
      "set. The new container terminal at the Port of Valdora was opened on October 17, 2025.",
      "2025-03-04");
  auto claims = doc.claims();
  const Claim* unknown = find(claims, "lifecycle", "opening date has not yet");
  REQUIRE(unknown);
  CHECK(unknown->subject == "fac:valdora/terminal");
  CHECK(unknown->typed.kind == ClaimValue::Kind::kUnknownTime);
  const Claim* opened = find(claims, "lifecycle", "was opened on");
  REQUIRE(opened);
  CHECK(opened->subject == "fac:valdora/terminal");
  CHECK(opened->typed.state == "opened");
  // An event at a place is placed there, not owned by it.
  Annotated shooting("Police said a shooting at a Planned Parenthood clinic killed three people.");
  for (const Claim& c : shooting.claims()) {
    CHECK_MESSAGE(c.subject.rfind("event:planned_parenthood", 0) != 0, c.subject);
  }
}

TEST_CASE("membership") {
  SUBCASE("member of X since a year") {
    Annotated doc("Norway has been a member of the European Free Trade Association since 1960.");
    doc.year("1960", 1960);
    auto claims = doc.claims();
    const Claim* c = find(claims, "membership", "Norway");
    REQUIRE(c);
    CHECK(ends_with(c->subject, "norway"));
    CHECK(ends_with(c->qualifier, "european_free_trade_association"));
    CHECK(c->typed.kind == ClaimValue::Kind::kTime);
    CHECK(c->value == "since 1960");
  }
  SUBCASE("joined, and 'a member' resolved from context") {
    Annotated doc(
        "Finland joined NATO in April 2023. The talks with the Nordic Council continued. "
        "Iceland, a member since 1952, hosted them.");
    doc.month("April 2023", 2023, 4).year("1952", 1952);
    auto claims = doc.claims();
    const Claim* joined = find(claims, "membership", "Finland");
    REQUIRE(joined);
    CHECK(ends_with(joined->qualifier, "nato"));
    CHECK(joined->typed.time_value == "2023-04");
    const Claim* member = find(claims, "membership", "Iceland");
    REQUIRE(member);
    CHECK(ends_with(member->qualifier, "nordic_council"));
    CHECK(member->value == "since 1952");
  }
  SUBCASE("'as part of' is not membership") {
    Annotated doc("Oxfam sent food to the region as part of the Emergency Relief Programme.");
    auto claims = doc.claims();
    CHECK_FALSE(find(claims, "membership", "Oxfam"));
  }
}

TEST_CASE("roles with their as-of date") {
  Annotated doc("Microsoft chief executive Satya Nadella said the company would invest more.",
                "2023-05-01");
  auto claims = doc.claims();
  const Claim* c = find(claims, "role", "Nadella");
  REQUIRE(c);
  CHECK(ends_with(c->subject, "microsoft"));
  CHECK(c->predicate == "chief_executive");
  CHECK(c->value == "Satya Nadella");
  CHECK(c->as_of == "2023-05-01");
  SUBCASE("a title without an organisation is not a role claim") {
    Annotated bare("Prime Minister Keir Starmer visited Leeds.");
    CHECK_FALSE(find(bare.claims(), "role", "Starmer"));
  }
}

TEST_CASE("scopes and lists, normalised with synonyms") {
  Annotated one(
      "The new agency will be in charge of fighting terrorism, enhancing cyber security and "
      "climate change.");
  Annotated two(
      "The new agency is expected to focus on counter-terrorism, cybersecurity and climate change, "
      "officials said.");
  auto c1 = one.claims();
  auto c2 = two.claims();
  const Claim* s1 = find(c1, "scope", "agency");
  const Claim* s2 = find(c2, "scope", "agency");
  REQUIRE(s1);
  REQUIRE(s2);
  CHECK(same_key(*s1, *s2));
  CHECK(s1->typed.items ==
        std::vector<std::string>{"counter-terrorism", "cyber security", "climate change"});
  CHECK(s2->typed.items == s1->typed.items);
  CHECK(s1->modality == "future");
  CHECK(s2->modality == "hedged");
  SUBCASE("including: an open list, predicate from the noun before") {
    Annotated list("Its troops served in UN missions, including in Mali, Lebanon and Haiti.");
    auto claims = list.claims();
    const Claim* c = find(claims, "scope", "Mali");
    REQUIRE(c);
    CHECK(c->predicate == "un_missions");
    CHECK(c->typed.items == std::vector<std::string>{"mali", "lebanon", "haiti"});
    CHECK_FALSE(c->typed.complete);
  }
  SUBCASE("a single item is not a list") {
    Annotated single("The office will concentrate on a variety of projects.");
    CHECK_FALSE(find(single.claims(), "scope", "variety"));
  }
}

TEST_CASE("superlatives and firsts") {
  Annotated doc(
      "Meta opened its largest data centre in Europe. Turkey's deadliest earthquake killed 17,000 "
      "people.");
  auto claims = doc.claims();
  const Claim* c = find(claims, "superlative", "Meta");
  REQUIRE(c);
  CHECK(ends_with(c->subject, "meta"));
  CHECK(c->predicate == "largest");
  CHECK(c->qualifier == "centre/europe");
  const Claim* d = find(claims, "superlative", "deadliest");
  REQUIRE(d);
  CHECK(ends_with(d->subject, "turkey"));
  CHECK(d->predicate == "deadliest");
  SUBCASE("'first' as an adverb is not a superlative") {
    Annotated adv("The talks were first held in Geneva.");
    CHECK_FALSE(find(adv.claims(), "superlative", "Geneva"));
  }
}

TEST_CASE("precision guards") {
  SUBCASE("a plan that includes an opening does not assert the opening") {
    Annotated doc(
        "Ministers adopted a plan which includes the establishing of a trade office in Lima.");
    for (const Claim& c : doc.claims())
      CHECK_FALSE((c.type == "lifecycle" && c.typed.state == "opened"));
  }
  SUBCASE("adjectives are not lifecycle predicates") {
    Annotated doc("It was a close election. The election is close.");
    CHECK_FALSE(find(doc.claims(), "lifecycle", "election"));
  }
  SUBCASE("talking about an event is not a stage of it") {
    Annotated doc("Lawmakers are discussing the election in Lagos.");
    CHECK_FALSE(find(doc.claims(), "lifecycle", "election"));
  }
  SUBCASE("joining a person is not membership") {
    Annotated doc(
        "Warren joined Hillary Clinton on stage. Sweden joined the European Union in 1995.");
    doc.year("1995", 1995);
    auto claims = doc.claims();
    CHECK_FALSE(find(claims, "membership", "Warren"));
    const Claim* c = find(claims, "membership", "Sweden");
    REQUIRE(c);
    CHECK((ends_with(c->qualifier, "european_union") || ends_with(c->qualifier, ":eu")));
    CHECK(c->value == "since 1995");
  }
  SUBCASE("a relative clause dates its antecedent event") {
    Annotated doc("Officials discussed the war on Gaza, which erupted on October 7.");
    doc.day("October 7", 2023, 10, 7);
    const auto claims = doc.claims();
    const Claim* c = find(claims, "event_date", "erupted");
    REQUIRE(c);
    CHECK(c->predicate == "war");
    CHECK(c->qualifier == "start");
    CHECK(c->typed.time_value == "2023-10-07");
  }
  SUBCASE("reported speech: the speaker, not the outlet") {
    Annotated doc("Mr Smith arrived. The new terminal in Aden will open in May, Mr Smith said.");
    doc.month("May", 2025, 5);
    auto claims = doc.claims();  // find() points into it: keep it alive
    const Claim* c = find(claims, "lifecycle", "Aden");
    REQUIRE(c);
    CHECK(c->attributed_to == "Smith");
  }
}

TEST_CASE("offsets: the claim's words lie inside its evidence sentence") {
  Annotated doc("Nothing here. Nike will close its plant in Oregon, the company said.");
  auto claims = doc.claims();
  REQUIRE_FALSE(claims.empty());
  for (const Claim& c : claims) {
    CHECK(c.span.begin >= c.evidence_span.begin);
    CHECK(c.span.end <= c.evidence_span.end);
    CHECK(c.evidence ==
          doc.doc.text.substr(c.evidence_span.begin, c.evidence_span.end - c.evidence_span.begin));
  }
}

TEST_CASE("never crashes on odd input") {
  for (std::string text : {"", ".", "the the the", "1,2,3,4 and 5 to", "“", "in in in of of",
                           "$ bn million", "including, including", "first first first", "a member",
                           "It is unclear when", "Mr", "1995 since since"}) {
    Annotated doc(text.empty() ? " " : text);
    CHECK_NOTHROW(doc.claims());
  }
}

// ---------------------------------------------------------------------------
// The sample corpus: the claims behind the gold's expectations, per document.

namespace {

struct Sample {
  std::vector<Document> docs;
  std::vector<std::unique_ptr<Annotated>> annotated;
  std::vector<std::vector<Claim>> claims;

  Sample() {
    auto read = read_inputs({std::string(CROSSCHECK_SOURCE_DIR) + "/examples/nato-amman.jsonl"});
    REQUIRE(read.ok());
    docs = *read;
    for (const Document& d : docs) {
      auto valid = validate(d);
      REQUIRE(valid.ok());
      annotated.push_back(std::make_unique<Annotated>(*valid));
    }
    // The dates the claims need, as the temporal tagger resolves them.
    doc("national-2024-07-10")
        .month("July last year", 2023, 7)
        .year("2017", 2017)
        .year("1995", 1995);
    doc("singh-2024-07-12")
        .month("July last year", 2023, 7)
        .month("July 2023", 2023, 7)
        .year("2017", 2017)
        .year("1995", 1995);
    doc("inauguration-2025").day("September 16, 2025", 2025, 9, 16);
    for (auto& a : annotated) claims.push_back(a->claims());
  }
  Annotated& doc(std::string_view id) {
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (docs[i].id == id) return *annotated[i];
    }
    FAIL("no document " << id);
    return *annotated[0];
  }
  const std::vector<Claim>& of(std::string_view id) {
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (docs[i].id == id) return claims[i];
    }
    FAIL("no document " << id);
    return claims[0];
  }
};

}  // namespace

TEST_CASE("sample corpus: claims behind the gold expectations") {
  Sample s;
  const auto& national = s.of("national-2024-07-10");
  const auto& singh = s.of("singh-2024-07-12");
  const auto& oped = s.of("oped-2023-07-13");
  const auto& inauguration = s.of("inauguration-2025");

  const Claim* inaugurated = find(inauguration, "lifecycle", "September 16, 2025");
  REQUIRE(inaugurated);
  CHECK(inaugurated->typed.state == "opened");
  CHECK(inaugurated->typed.time_value == "2025-09-16");
  CHECK(inaugurated->modality == "asserted");
  const std::string office = inaugurated->subject;
  CHECK(office.find("office") != std::string::npos);
  CHECK(office.find("amman") != std::string::npos);

  SUBCASE("national: opening date unclear, as of publication, same office") {
    const Claim* c = find(national, "lifecycle", "officially opened");
    REQUIRE(c);
    CHECK(c->typed.kind == ClaimValue::Kind::kUnknownTime);
    CHECK(c->as_of == "2024-07-10");
    CHECK(same_key(*c, *inaugurated));
  }
  SUBCASE("singh: opening date yet to be announced, same office") {
    const Claim* c = find(singh, "lifecycle", "yet to be announced");
    REQUIRE(c);
    CHECK(c->typed.kind == ClaimValue::Kind::kUnknownTime);
    CHECK(c->as_of == "2024-07-12");
    CHECK(same_key(*c, *inaugurated));
  }
  SUBCASE("NATO will open a liaison office: announced, future, in both July reports") {
    const Claim* n = find(national, "lifecycle", "liaison office");
    const Claim* g = find(singh, "lifecycle", "liaison office");
    REQUIRE(n);
    REQUIRE(g);
    CHECK(same_key(*n, *g));
    CHECK(n->subject == office);
    CHECK(n->typed.state == "announced");
    CHECK(g->typed.state == "announced");
    CHECK(n->modality == "future");
    CHECK(g->modality == "future");
  }
  SUBCASE("Jordan in the Mediterranean Dialogue since 1995 (the second by context)") {
    const Claim* n = find(national, "membership", "since 1995");
    const Claim* g = find(singh, "membership", "since 1995");
    REQUIRE(n);
    REQUIRE(g);
    CHECK(same_key(*n, *g));
    CHECK(ends_with(n->subject, "jordan"));
    CHECK(n->qualifier.find("mediterranean_dialogue") != std::string::npos);
    CHECK(n->value == "since 1995");
    CHECK(g->value == "since 1995");
  }
  SUBCASE("discussions began in July 2023, about the Amman office") {
    const Claim* n = find(national, "event_date", "July last year");
    const Claim* g = find(singh, "event_date", "July last year");
    const Claim* v = find(singh, "event_date", "Vilnius");
    REQUIRE(n);
    REQUIRE(g);
    REQUIRE(v);
    CHECK(same_key(*n, *g));
    CHECK(same_key(*n, *v));
    CHECK(n->subject == office);
    CHECK(n->typed.time_value == "2023-07");
    CHECK(g->typed.time_value == "2023-07");
    CHECK(v->typed.time_value == "2023-07");
    const Claim* place = find(singh, "event_place", "Vilnius");
    REQUIRE(place);
    CHECK(place->value == "Vilnius");
  }
  SUBCASE("the Kuwait centre was inaugurated in 2017, and it is not the Amman office") {
    const Claim* n = find(national, "lifecycle", "2017");
    const Claim* g = find(singh, "lifecycle", "2017");
    REQUIRE(n);
    REQUIRE(g);
    CHECK(same_key(*n, *g));
    CHECK(n->subject.find("kuwait") != std::string::npos);
    CHECK(n->subject != office);
    CHECK(n->typed.time_value == "2017");
    CHECK(g->typed.time_value == "2017");
    for (const auto* claims : {&national, &singh}) {
      for (const Claim& c : *claims) {
        if (c.subject == office) CHECK(c.evidence.find("2017") == std::string::npos);
      }
    }
  }
  SUBCASE("the office's focus, normalised") {
    const Claim* n = find(national, "scope", "cyber security");
    const Claim* g = find(singh, "scope", "counter-terrorism");
    REQUIRE(n);
    REQUIRE(g);
    CHECK(same_key(*n, *g));
    CHECK(n->subject == office);
    CHECK(n->typed.items == g->typed.items);
    CHECK(n->modality == "hedged");
  }
  SUBCASE("Jordan's peacekeeping missions in Libya, Afghanistan and Kosovo") {
    const Claim* n = find(national, "scope", "Kosovo");
    const Claim* g = find(singh, "scope", "Kosovo");
    REQUIRE(n);
    REQUIRE(g);
    CHECK(same_key(*n, *g));
    CHECK(ends_with(n->subject, "jordan"));
    CHECK(n->typed.items == std::vector<std::string>{"libya", "afghanistan", "kosovo"});
    CHECK(g->typed.items == n->typed.items);
  }
  SUBCASE("NATO's 75th anniversary") {
    const Claim* n = find(national, "quantity", "75th");
    const Claim* g = find(singh, "quantity", "75th");
    REQUIRE(n);
    REQUIRE(g);
    CHECK(same_key(*n, *g));
    CHECK(n->typed.quantity.value == 75);
  }
  SUBCASE("oped: the office is proposed, still needs a decision, and would be a first") {
    const Claim* p = find(oped, "lifecycle", "still needs a decision");
    REQUIRE(p);
    CHECK(p->subject == office);
    CHECK(p->typed.state == "proposed");
    CHECK(p->as_of == "2023-07-13");
    const Claim* proposed = find(oped, "lifecycle", "proposed NATO office");
    REQUIRE(proposed);
    CHECK(proposed->subject == office);
    const Claim* first = find(oped, "superlative", "Arab world");
    REQUIRE(first);
    CHECK(first->predicate == "first");
    CHECK(first->qualifier == "office/arab_world");
  }
  SUBCASE("the two July 2024 reports share no key with conflicting lifecycle states") {
    for (const Claim& n : national) {
      for (const Claim& g : singh) {
        if (n.type == "lifecycle" && same_key(n, g) && n.typed.kind == g.typed.kind &&
            n.typed.kind == ClaimValue::Kind::kState) {
          CHECK(n.typed.state == g.typed.state);
        }
      }
    }
  }
}

namespace {

Document story_doc(std::string id, std::string published, std::string text) {
  Document d;
  d.id = std::move(id);
  d.source = d.id;
  d.published = std::move(published);
  d.text = std::move(text);
  return d;
}

// Findings of `kind` (and `resolution`, when given) whose claims have `predicate`.
std::size_t count_findings(const Report& r, std::string_view kind, std::string_view resolution,
                           std::string_view predicate) {
  std::size_t n = 0;
  for (const Finding& f : r.findings) {
    if (f.kind != kind || (!resolution.empty() && f.resolution != resolution)) continue;
    bool about = std::any_of(f.claims.begin(), f.claims.end(), [&](const std::string& id) {
      return std::any_of(r.claims.begin(), r.claims.end(),
                         [&](const Claim& c) { return c.id == id && c.predicate == predicate; });
    });
    if (about) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("measures: magnitude before or after the number, never a casualty count") {
  SUBCASE("magnitude written before the number") {
    Annotated d("A magnitude 6.1 earthquake shook the coast of Peru on Sunday.", "2024-05-12");
    auto cs = d.claims();
    const Claim* m = find(cs, "quantity", "magnitude 6.1", "magnitude");
    REQUIRE(m);
    CHECK(m->typed.quantity.unit == "magnitude");
    CHECK(m->typed.quantity.value == doctest::Approx(6.1));
    CHECK(m->subject.rfind("event:earthquake", 0) == 0);
  }
  SUBCASE("the death toll binds to the number it rose to, not to the magnitude") {
    Annotated d(
        "The death toll from Sunday's 6.1 magnitude earthquake in Peru rose to 240 on Tuesday.",
        "2024-05-14");
    auto cs = d.claims();
    for (const Claim& c : cs) {
      if (c.type == "quantity" && c.predicate == "killed") {
        CHECK(c.typed.quantity.unit != "magnitude");
      }
    }
    const Claim* toll = find(cs, "quantity", "rose to 240", "killed");
    REQUIRE(toll);
    CHECK(toll->typed.quantity.value == doctest::Approx(240));
    const Claim* m = find(cs, "quantity", "rose to 240", "magnitude");
    REQUIRE(m);
    CHECK(m->typed.quantity.value == doctest::Approx(6.1));
  }
}

TEST_CASE("story linking: event keys, magnitudes and rising tolls") {
  SUBCASE("different magnitudes for the same quake on the same day contradict") {
    std::vector<Document> docs{
        story_doc("a", "2024-05-12", "A 6.1 magnitude earthquake hit Peru on Sunday."),
        story_doc("b", "2024-05-12", "A magnitude 6.6 earthquake hit Peru on Sunday.")};
    auto r = check(docs);
    REQUIRE(r);
    CHECK(count_findings(*r, "contradiction", "unresolved", "magnitude") == 1);
  }
  SUBCASE("a toll that rises between days is not an unresolved contradiction") {
    std::vector<Document> docs{
        story_doc("a", "2024-05-12",
                  "A powerful earthquake struck Peru on Sunday, killing at least 40 people."),
        story_doc("b", "2024-05-14",
                  "The death toll from Sunday's earthquake in Peru rose to 240 on Tuesday.")};
    auto r = check(docs);
    REQUIRE(r);
    CHECK(count_findings(*r, "contradiction", "unresolved", "killed") == 0);
    // Same event with and without its place: keyed alike, so compared.
    CHECK(count_findings(*r, "agreement", "", "killed") +
              count_findings(*r, "contradiction", "superseded", "killed") ==
          1);
  }
  SUBCASE("the same event with and without a place gets one key") {
    auto r =
        check({story_doc("a", "2024-05-12", "The earthquake killed 40 people, officials said."),
               story_doc("b", "2024-05-12", "The earthquake in Peru killed 40 people.")});
    REQUIRE(r);
    CHECK(count_findings(*r, "agreement", "", "killed") == 1);
  }
  SUBCASE("two different events are never compared") {
    std::vector<Document> docs{
        story_doc("a", "2024-05-12", "An earthquake in Peru killed 40 people on Sunday."),
        story_doc("b", "2024-05-12", "A flood in Peru killed 300 people on Sunday.")};
    auto r = check(docs);
    REQUIRE(r);
    CHECK(count_findings(*r, "contradiction", "", "killed") == 0);
  }
  SUBCASE("a place-less event stays apart when the story has two places") {
    std::vector<Document> docs{
        story_doc("a", "2024-05-12", "The attack in Kabul killed 12 people on Sunday."),
        story_doc("b", "2024-05-12", "The attack in Herat killed 30 people on Sunday."),
        story_doc("c", "2024-05-12", "The attack killed 5 people on Sunday.")};
    auto r = check(docs);
    REQUIRE(r);
    CHECK(count_findings(*r, "contradiction", "", "killed") == 0);
  }
  SUBCASE("a facility's story: unknown date superseded, cost, capacity and start agree") {
    std::vector<Document> docs{
        story_doc("a", "2025-03-04",
                  "The Port of Valdora will open a new container terminal. The terminal, built at "
                  "a cost of $420 million, will handle up to 1.2 million containers a year. The "
                  "opening date has not yet been set. Construction began in June 2022."),
        story_doc("b", "2025-03-05",
                  "The Port of Valdora's new container terminal will be able to handle 1.2 "
                  "million containers annually."),
        story_doc("c", "2025-10-20",
                  "The new container terminal at the Port of Valdora was officially opened on "
                  "October 17, 2025. The terminal cost $420 million. Construction began in June "
                  "2022.")};
    auto r = check(docs);
    REQUIRE(r);
    CHECK(count_findings(*r, "contradiction", "superseded", "lifecycle") >= 1);
    CHECK(count_findings(*r, "contradiction", "unresolved", "lifecycle") == 0);
    CHECK(count_findings(*r, "agreement", "", "cost") == 1);
    CHECK(count_findings(*r, "agreement", "", "capacity") == 1);
    CHECK(count_findings(*r, "agreement", "", "construction") == 1);
  }
  SUBCASE("attacks by different perpetrators stay apart") {
    std::vector<Document> docs{
        story_doc("a", "2024-05-12", "Rebels attacked the town, killing 20 soldiers."),
        story_doc("b", "2024-05-12", "The army's offensive has killed more than 900 soldiers.")};
    auto r = check(docs);
    REQUIRE(r);
    CHECK(count_findings(*r, "contradiction", "", "killed") == 0);
  }
}

// Quantities and claims share one NormalisedTokens per document through
// Annotations::normalised; claims must come out the same whether it is there,
// absent (claims intern the words themselves) or made from another text
// (ignored: its token count does not match).
TEST_CASE("shared normalised tokens: the same claims with, without or with mismatched ones") {
  auto describe = [](const std::vector<Claim>& claims) {
    std::string out;
    for (const Claim& c : claims) {
      out += c.type + "|" + c.subject + "|" + c.subject_name + "|" + c.predicate + "|" +
             c.qualifier + "|" + c.value + "|" + c.typed.state + "|" + c.typed.time_value + "|" +
             c.typed.entity + "|" + c.typed.text + "|" + std::to_string(c.typed.items.size()) +
             "|" + c.modality + "|" + c.polarity + "|" + c.attributed_to + "|" +
             std::to_string(c.span.begin) + "-" + std::to_string(c.span.end) + "|" + c.evidence +
             "\n";
    }
    return out;
  };
  Sample s;
  Annotated other("A short text about nothing in particular.");
  std::size_t compared = 0;
  for (auto& annotated : s.annotated) {
    Annotations& a = annotated->a;
    a.normalised = nullptr;
    const std::string own = describe(extract_claims(a));
    a.normalised = std::make_shared<const NormalisedTokens>(normalise_tokens(a.text));
    a.quantities = tag_quantities(a.text, a.times, *a.normalised);
    CHECK(describe(extract_claims(a)) == own);
    a.normalised = std::make_shared<const NormalisedTokens>(normalise_tokens(other.a.text));
    CHECK(describe(extract_claims(a)) == own);
    compared += own.empty() ? 0 : 1;
  }
  CHECK(compared >= 4);  // the sample documents do state claims
}
