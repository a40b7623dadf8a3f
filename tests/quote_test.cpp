#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "annotate/quote/quote_tagger.h"
#include "claims/quote_claims.h"
#include "compare/compare.h"
#include "compare/quote_compare.h"
#include "text/segment.h"

using namespace crosscheck;
using namespace crosscheck::internal;

// Curly quotation marks (kept out of string literals' hex escapes).
#define LQ "\xE2\x80\x9C"
#define RQ "\xE2\x80\x9D"
#define LS "\xE2\x80\x98"
#define RS "\xE2\x80\x99"

namespace {

struct Tagged {
  std::string text;
  TextLayer layer;
  std::vector<Quote> quotes;
};

// Keeps the text alive alongside the layer that views it.
Tagged tag(std::string text, const EntityLayer& entities = {}) {
  Tagged t;
  t.text = std::move(text);
  t.layer = segment(t.text);
  t.quotes = tag_quotes(t.layer, entities);
  return t;
}

std::string mention_text(const Tagged& t, const Quote& q) {
  return q.speaker_mention ? std::string(t.layer.span_text(*q.speaker_mention)) : std::string();
}

}  // namespace

TEST_CASE("speaker after the quote") {
  SUBCASE("name then verb") {
    auto t = tag(LQ "We are ready," RQ " Jane Smith said on Monday.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].text == "We are ready,");
    CHECK(t.quotes[0].speaker == "Jane Smith");
    CHECK(mention_text(t, t.quotes[0]) == "Jane Smith");
  }
  SUBCASE("inverted: said the title and name") {
    auto t = tag("\"It is astonishing,\" said Mr. McGinley, the law professor.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "McGinley");
  }
  SUBCASE("apposition between name and verb") {
    auto t = tag("\"We will act,\" Tom Brown, the foreign minister, told reporters.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Tom Brown");
  }
  SUBCASE("a clause after the quote is not a cue") {
    auto t = tag("Ann Lee thinks the plan is \"absolutely right\" when he said it failed.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Ann Lee");
  }
}

TEST_CASE("words merged across hyphens and abbreviation dots, up to the text's end") {
  SUBCASE("an abbreviation, the text ending on the name") {
    auto t = tag("\"We stand together,\" said Mr. Dubois");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Dubois");
    CHECK(mention_text(t, t.quotes[0]) == "Mr. Dubois");
  }
  SUBCASE("a hyphenated name ending the text") {
    auto t = tag("\"We stand together,\" said Jean-Pierre Dubois");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Jean-Pierre Dubois");
  }
  SUBCASE("a hyphen that ends the text joins nothing") {
    auto t = tag("\"We stand together,\" said Dubois-");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Dubois");
  }
  SUBCASE("a sentence's dot after a name is no abbreviation") {
    auto t = tag("\"We stand together,\" said Dubois. Then he left.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Dubois");
    CHECK(mention_text(t, t.quotes[0]) == "Dubois");
  }
}

TEST_CASE("speaker before the quote") {
  SUBCASE("title and name with a colon") {
    auto t = tag("NATO Secretary-General Mark Rutte said: " LQ "The alliance stands united." RQ);
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].text == "The alliance stands united.");
    CHECK(t.quotes[0].speaker == "Mark Rutte");
  }
  SUBCASE("according to") {
    auto t = tag("According to Maria Lopez, the deal is \"a turning point for the region\".");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Maria Lopez");
  }
  SUBCASE("according to after the quote") {
    auto t = tag("\"Prices will rise,\" according to the central bank governor.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(mention_text(t, t.quotes[0]) == "the central bank governor");
  }
  SUBCASE("mixed quote with the clause subject") {
    auto t =
        tag("Former President Bill Clinton criticised the act as a \"crazy system\" on Monday.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Bill Clinton");
  }
}

TEST_CASE("split quotes share the speaker") {
  auto t = tag("\"We came here,\" she said, \"to stay.\" Earlier, Laura Diaz arrived.");
  // No person before "she": the pronoun is the mention, the name unresolved.
  REQUIRE(t.quotes.size() == 2);
  CHECK(mention_text(t, t.quotes[0]) == "she");
  CHECK(mention_text(t, t.quotes[1]) == "she");

  auto u = tag("Laura Diaz spoke first. \"We came here,\" she said, \"to stay.\"");
  REQUIRE(u.quotes.size() == 2);
  CHECK(u.quotes[0].speaker == "Laura Diaz");
  CHECK(u.quotes[1].speaker == "Laura Diaz");
  CHECK(u.quotes[1].text == "to stay.");
}

TEST_CASE("pronoun and nominal speakers") {
  SUBCASE("he resolves to the most recent person") {
    auto t = tag("Secretary of State John Kerry arrived in Paris. \"This is a breach,\" he said.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "John Kerry");
    CHECK(mention_text(t, t.quotes[0]) == "he");
  }
  SUBCASE("surname resolves to the full name") {
    auto t = tag("Jens Stoltenberg spoke on Monday.\n\"We are ready,\" Mr Stoltenberg said.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Jens Stoltenberg");
    CHECK(mention_text(t, t.quotes[0]) == "Mr Stoltenberg");
  }
  SUBCASE("the official resolves to the earlier nominal speaker") {
    auto t =
        tag("\"Allies agree,\" the NATO official said.\nLater, \"we will not allow it,\" the "
            "official stressed.");
    REQUIRE(t.quotes.size() == 2);
    CHECK(t.quotes[0].speaker == "the NATO official");
    CHECK(t.quotes[1].speaker == "the NATO official");
  }
  SUBCASE("a place the entity layer knows is no one a pronoun refers to") {
    const std::string text = "Zorba Tillis spoke on Monday at a rally in New England. " LQ
                             "It was great," RQ " he said.";
    EntityLayer entities;
    Entity place;
    place.id = "loc:new_england";
    place.name = "New England";
    place.type = "LOCATION";
    std::size_t at = text.find("New England");
    entities.entities.push_back(place);
    entities.mentions.push_back({Span{at, at + 11}, 0});
    CHECK(tag(text).quotes.at(0).speaker == "New England");  // without entities: a name
    auto t = tag(text, entities);
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Zorba Tillis");
  }
  SUBCASE("nor a name after an article, nor a place or an event by its last word") {
    auto t =
        tag("Zorba Tillis, a Sanders supporter, spoke on The Laura Ingraham Show. " LQ
            "It was great," RQ " he said. Zorba Tillis lives in Lake City. " LQ "It was fine," RQ
            " he said. Zorba Tillis went to the Democratic National "
            "Convention. " LQ "It was long," RQ " he said.");
    REQUIRE(t.quotes.size() == 3);
    for (const auto& q : t.quotes) CHECK(q.speaker == "Zorba Tillis");
    CHECK(t.quotes[0].speaker_id == "per:zorba_tillis");
  }
  SUBCASE("a speaker's id is spelt as the entity layer spells ids") {
    auto t = tag(LQ "It was great," RQ " said Zorba O\u2019Tillis.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker_id == "per:zorba_otillis");
  }
  SUBCASE("EntityLayer canonicalises the speaker") {
    EntityLayer entities;
    Entity e;
    e.id = "per:jens_stoltenberg";
    e.name = "Jens Stoltenberg";
    e.type = "PERSON";
    entities.entities.push_back(e);
    std::string text = "\"We are ready,\" Mr Stoltenberg said.";
    entities.mentions.push_back({Span{text.find("Stoltenberg"), text.find("Stoltenberg") + 11}, 0});
    auto t = tag(text, entities);
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Jens Stoltenberg");
    CHECK(t.quotes[0].speaker_id == "per:jens_stoltenberg");
  }
}

TEST_CASE("nested quotation marks stay inside the quote") {
  auto t = tag(LQ "He called it " LS "a disaster" RS " twice," RQ " Ann Lee said.");
  REQUIRE(t.quotes.size() == 1);
  CHECK(t.quotes[0].text == "He called it " LS "a disaster" RS " twice,");
  CHECK(t.quotes[0].speaker == "Ann Lee");
}

TEST_CASE("unbalanced quotation marks do not swallow the document") {
  std::string text =
      "Tom Brown said: \"We will win this.\nThe vote is on Sunday. Polls open at eight.\n"
      "\"It will be close,\" Jane Smith said.";
  auto t = tag(text);
  REQUIRE(t.quotes.size() == 2);
  CHECK(t.quotes[0].text == "We will win this.");  // ends at the line break
  CHECK(t.quotes[0].speaker == "Tom Brown");
  CHECK(t.quotes[1].text == "It will be close,");
  CHECK(t.quotes[1].speaker == "Jane Smith");

  SUBCASE("a line break ends the paragraph right after an apostrophe or a dash") {
    // The scan for marks skips apostrophes and dashes (three bytes each) and
    // finds the line break in the same pass, wherever it falls.
    auto u = tag("Ann Lee said: \"the fans" RS "\nown words\" today. Tom Brown said: " LQ
                 "so far \xE2\x80\x94\nit is not" RQ " later.");
    REQUIRE(u.quotes.size() == 2);
    CHECK(u.quotes[0].text == "the fans" RS);
    CHECK(u.quotes[1].text == "so far \xE2\x80\x94");
  }
  SUBCASE("a stray closing mark is ignored") {
    auto u = tag("The word" RQ " appears. " LQ "Yes," RQ " Ann Lee said.");
    REQUIRE(u.quotes.size() == 1);
    CHECK(u.quotes[0].text == "Yes,");
  }
  SUBCASE("an unclosed quote in one long paragraph is cut") {
    std::string long_text = "Ann Lee said: \"It starts here. ";
    for (int i = 0; i < 200; ++i) long_text += "More words follow here. ";
    auto u = tag(long_text);
    REQUIRE(u.quotes.size() == 1);
    CHECK(u.quotes[0].text == "It starts here.");
  }
}

TEST_CASE("multi-paragraph quotes") {
  auto t = tag("Jane Smith spoke at length.\n" LQ "The first part runs on.\n" LQ
               "And the second part ends it," RQ " she said.\nNext topic.");
  REQUIRE(t.quotes.size() == 2);
  CHECK(t.quotes[0].text == "The first part runs on.");
  CHECK(t.quotes[1].text == "And the second part ends it,");
  CHECK(t.quotes[0].speaker == "Jane Smith");
  CHECK(t.quotes[1].speaker == "Jane Smith");
}

TEST_CASE("quote claims") {
  Document doc;
  doc.id = "d1";
  doc.text = "It rained. \"We are ready,\" Jane Smith said. Then they left.";
  Annotations a;
  a.document = &doc;
  a.text = segment(doc.text);
  a.quotes = tag_quotes(a.text, a.entities);
  std::vector<Claim> claims;
  append_quote_claims(a, claims);
  REQUIRE(claims.size() == 1);
  const Claim& c = claims[0];
  CHECK(c.type == "quote");
  CHECK(c.subject == "per:jane_smith");
  CHECK(c.subject_name == "Jane Smith");
  CHECK(c.predicate == "said");
  CHECK(c.value == "We are ready,");
  CHECK(c.typed.kind == ClaimValue::Kind::kText);
  CHECK(c.attributed_to == "Jane Smith");
  CHECK(c.modality == "asserted");
  CHECK(c.polarity == "positive");
  CHECK(c.evidence == "\"We are ready,\" Jane Smith said.");
  CHECK(doc.text.substr(c.span.begin, c.span.end - c.span.begin) == "We are ready,");
  // A quote given without a speaker id is keyed as the entity layer keys a person.
  a.quotes[0].speaker = "Beto O\u2019Rourke";
  a.quotes[0].speaker_id.clear();
  std::vector<Claim> unkeyed;
  append_quote_claims(a, unkeyed);
  REQUIRE(unkeyed.size() == 1);
  CHECK(unkeyed[0].subject == "per:beto_orourke");
}

TEST_CASE("quote claims in text order among other claims") {
  Document doc;
  doc.id = "d1";
  doc.text =
      "It rained. \"We are ready,\" Jane Smith said. Then they left. \"It is over,\" "
      "John Brown said.";
  Annotations a;
  a.document = &doc;
  a.text = segment(doc.text);
  a.quotes = tag_quotes(a.text, a.entities);
  REQUIRE(a.quotes.size() == 2);
  auto claim_at = [&](std::string_view words) {
    Claim c;
    c.type = "other";
    std::size_t at = doc.text.find(words);
    c.span = Span{at, at + words.size()};
    return c;
  };
  // Out of order, and one with the first quote's span (ties: claims first).
  std::vector<Claim> claims = {claim_at("they left"), claim_at("It rained"),
                               claim_at("We are ready,")};
  std::vector<Claim> appended = claims;
  append_quote_claims(a, appended);
  add_quote_claims_in_text_order(a, claims);
  REQUIRE(claims.size() == 5);
  CHECK(claims[0].span == appended[1].span);
  CHECK(claims[0].type == "other");
  CHECK(claims[1].type == "other");  // the tie: the claim before the quote's
  CHECK(claims[1].span == appended[2].span);
  CHECK(claims[2].type == "quote");
  CHECK(claims[2].value == "We are ready,");
  CHECK(claims[3].span == appended[0].span);
  CHECK(claims[4].type == "quote");
  CHECK(claims[4].value == "It is over,");
  CHECK(claims[4].evidence == appended[4].evidence);
  CHECK(claims[4].subject == appended[4].subject);
  // Already in order: the same claims, quotes after.
  std::vector<Claim> in_order = {claim_at("It rained")};
  add_quote_claims_in_text_order(a, in_order);
  REQUIRE(in_order.size() == 3);
  CHECK(in_order[0].type == "other");
  CHECK(in_order[1].value == "We are ready,");
  CHECK(in_order[2].value == "It is over,");
}

TEST_CASE("quote comparison classifies pairs") {
  using Kind = QuoteComparison::Kind;
  CHECK(compare_quotes("We are ready.", "We are ready.").kind == Kind::kVerbatim);
  CHECK(compare_quotes("We are ready, and willing.", "we are ready and willing").kind ==
        Kind::kPunctuation);
  CHECK(compare_quotes("NATO" RS "s role is vital", "Nato's role is vital!").kind ==
        Kind::kPunctuation);
  CHECK(compare_quotes("ready and willing", "We are ready and willing to help.").kind ==
        Kind::kExcerpt);
  // Dashes, typographic quotes, no-break spaces and ellipses separate words.
  CHECK(compare_quotes("We are ready\u2014and willing\u2026", "we are ready, and willing").kind ==
        Kind::kPunctuation);
  CHECK(compare_quotes("\u00abWe are\u00a0ready\u00bb", "\u201cWe are ready\u201d").kind ==
        Kind::kPunctuation);
  CHECK(compare_quotes("It is \u2018fine\u2019 \u2013 really", "It is fine, really").kind ==
        Kind::kPunctuation);
  auto r = compare_quotes("we are bringing this partnership to a new level today",
                          "we are elevating this partnership today");
  CHECK(r.kind == Kind::kReworded);
  CHECK(r.diff ==
        "we are [-bringing-] {+elevating+} this partnership [-to-] [-a-] [-new-] [-level-] today");
  CHECK(
      compare_quotes("the weather is fine in spring", "we will send more troops next year").kind ==
      Kind::kDifferent);
  SUBCASE("shared function words, scattered words or a fragment do not make the same statement") {
    // Only "I think this is going to" in common: no word with content.
    CHECK(compare_quotes("I think this is going to destroy Germany.",
                         "I think this is going to be a great night for us.")
              .kind == Kind::kDifferent);
    // "this is ... going to" picked out of a long answer.
    CHECK(compare_quotes("I think this is going to destroy Germany.",
                         "This is not what we need as a president. We need energy, and we are "
                         "not going to get it from him, believe me, to be honest.")
              .kind == Kind::kDifferent);
    // A fragment against a whole answer that holds most of its words.
    CHECK(compare_quotes("how the system is rigged,",
                         "Let Hillary and I sit there and just debate, because I think that the "
                         "system is being rigged against the voters.")
              .kind == Kind::kDifferent);
  }
}

namespace {

Claim quote_claim(std::string id, std::string doc, std::string subject, std::string value) {
  Claim c;
  c.id = std::move(id);
  c.document = std::move(doc);
  c.type = "quote";
  c.subject = std::move(subject);
  c.subject_name = "Jens Stoltenberg";
  c.predicate = "said";
  c.value = std::move(value);
  return c;
}

}  // namespace

TEST_CASE("quote divergences on a synthetic report") {
  Report report;
  report.claims = {
      quote_claim("a#1", "a", "per:jens_stoltenberg",
                  "We are bringing this partnership to a new level."),
      quote_claim("a#2", "a", "per:jens_stoltenberg",
                  "The weather in Washington is very warm today."),
      quote_claim("a#3", "a", "per:jens_stoltenberg", "Allies stand together, united and strong."),
      quote_claim("b#1", "b", "per:stoltenberg",
                  "We are elevating this partnership to a new level"),
      quote_claim("b#2", "b", "per:stoltenberg", "allies stand together united and strong"),
      quote_claim("b#3", "b", "per:someone_else", "The weather in Washington is very warm indeed."),
  };
  auto findings = find_quote_divergences(report);
  REQUIRE(findings.size() == 1);  // punctuation-only and other speakers are not findings
  const Finding& f = findings[0];
  CHECK(f.kind == "quote_divergence");
  CHECK(f.resolution.empty());
  CHECK(f.claims == std::vector<std::string>{"a#1", "b#1"});
  CHECK(f.documents == std::vector<std::string>{"a", "b"});
  CHECK(f.rule.rfind("quote_divergence: same speaker", 0) == 0);
  CHECK(f.explanation.find("[-bringing-] {+elevating+}") != std::string::npos);
  CHECK(f.summary.find('\n') == std::string::npos);
  // Deterministic: the same report gives the same findings.
  auto again = find_quote_divergences(report);
  REQUIRE(again.size() == 1);
  CHECK(again[0].summary == f.summary);
}

TEST_CASE("sample corpus: two Stoltenberg quote divergences") {
  std::filesystem::path corpus =
      std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "examples/nato-amman.jsonl";
  if (!std::filesystem::exists(corpus)) return;
  std::string cmd = std::string(CROSSCHECK_BINARY) + " check --format json " + corpus.string() +
                    " > quote_test_report.json";
  int rc = std::system(cmd.c_str());
  (void)rc;  // the exit code reports contradictions; the JSON is what counts
  FILE* f = std::fopen("quote_test_report.json", "rb");
  REQUIRE(f != nullptr);
  std::string json;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) json.append(buf, n);
  std::fclose(f);
  std::remove("quote_test_report.json");
  std::size_t count = 0;
  for (std::size_t at = json.find("\"quote_divergence\""); at != std::string::npos;
       at = json.find("\"quote_divergence\"", at + 1)) {
    ++count;
  }
  CHECK(count == 2);
  CHECK(json.find("{+elevating+}") != std::string::npos);
  CHECK(json.find("{+addressing+}") != std::string::npos);
}

TEST_CASE("speaker phrases with party tags, attachments and signatures") {
  SUBCASE("party tag with an abbreviation dot") {
    auto t = tag("\"It is a dog whistle,\" Rep. Gwen Moore (D-Wis.) said Friday.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Gwen Moore");
  }
  SUBCASE("prepositional attachment keeps the head") {
    auto t = tag("\"The facts have not changed,\" a spokesman for committee Democrats said.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(mention_text(t, t.quotes[0]) == "a spokesman for committee Democrats");
    CHECK(t.quotes[0].speaker == "a spokesman for committee Democrats");
  }
  SUBCASE("cue in the previous sentence") {
    auto t = tag("Sam Lau said in a statement. \"There are no paper ballots to recount.\"");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Sam Lau");
  }
  SUBCASE("signature on the next line") {
    auto t = tag("\"It needs to stop.\"\n-Michelle Marks, Philadelphia.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].speaker == "Michelle Marks");
  }
  SUBCASE("titles of shows are not quotes") {
    auto t = tag("He appeared on \"Meet the Press\" on Sunday.");
    CHECK(t.quotes.empty());
  }
}

namespace {

std::string render(const Tagged& t) {
  std::string out;
  for (const Quote& q : t.quotes) {
    out += std::to_string(q.span.begin) + "-" + std::to_string(q.span.end) + "|" + q.text + "|" +
           q.speaker + "|" + q.speaker_id + "|" + mention_text(t, q) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("per-thread buffers: a document's quotes do not depend on the one before") {
  // The tagger reuses its lower-cased text, words and surname index from
  // document to document on a thread: a long document, then a short one,
  // must give what each gives alone, and so must several threads at once.
  std::string long_text =
      "NATO Secretary General Jens Stoltenberg spoke in Amman on Monday. " LQ
      "We will open an office here," RQ
      " Stoltenberg said.\n"
      "Mr. Smith of the Sierra Club disagreed. " LQ "This is a mistake," RQ
      " he said.\n"
      "The minister, Ayman Safadi, welcomed it: " LQ "It is a good day for Jordan." RQ;
  std::string short_text = LQ "Not yet," RQ " Stoltenberg said.";
  std::string short_first = render(tag(short_text));
  std::string long_first = render(tag(long_text));
  std::string short_after_long = render(tag(short_text));
  std::string long_after_short = render(tag(long_text));
  CHECK(short_after_long == short_first);
  CHECK(long_after_short == long_first);
  // The full name is written only in the long document.
  CHECK(long_first.find("Jens Stoltenberg") != std::string::npos);
  CHECK(short_first.find("Jens Stoltenberg") == std::string::npos);

  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < results.size(); ++k) {
    threads.emplace_back([&, k] {
      std::string out;
      for (int round = 0; round < 20; ++round) {
        out = render(tag(k % 2 ? short_text : long_text)) + render(tag(long_text));
      }
      results[k] = out;
    });
  }
  for (auto& th : threads) th.join();
  for (std::size_t k = 0; k < results.size(); ++k) {
    CHECK(results[k] == (k % 2 ? short_first : long_first) + long_first);
  }
}

TEST_CASE("quotation mark scan: only real marks count") {
  SUBCASE("no quotation marks, no quotes") {
    CHECK(tag("Stoltenberg said the alliance would open an office.").quotes.empty());
    CHECK(tag("").quotes.empty());
  }
  SUBCASE("apostrophes and dashes around a quote are not marks") {
    // Many E2 80 xx bytes (’ — –) before and inside the quote: the scan
    // passes over them and pairs only the curly double marks.
    auto t = tag("Jordan" RS "s king \xE2\x80\x94 and NATO" RS "s chief \xE2\x80\x93 met. " LQ
                 "It" RS "s a good day for all of us," RQ " Stoltenberg said.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].text == "It" RS "s a good day for all of us,");
    CHECK(t.quotes[0].speaker == "Stoltenberg");
  }
  SUBCASE("guillemets") {
    auto t =
        tag("\xC2\xAB"
            "We will stay the course,"
            "\xC2\xBB"
            " the minister said.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].text == "We will stay the course,");
  }
  SUBCASE("a mark on the last bytes of a long line") {
    // The 16-byte scan reads past a paragraph's end; marks there belong to the next line.
    std::string line(40, 'a');
    auto t = tag(line + " said Smith.\n\"This is the next line,\" Jones said.");
    REQUIRE(t.quotes.size() == 1);
    CHECK(t.quotes[0].text == "This is the next line,");
    CHECK(t.quotes[0].speaker == "Jones");
  }
  SUBCASE("broken UTF-8 never crashes") {
    std::string broken = "\xE2\x80\"x\xE2\" said \xC2\"A\xE2\x80\xE2\x80\x9Cok\xE2\x80";
    for (std::size_t cut = 0; cut <= broken.size(); ++cut) {
      auto t = tag(broken.substr(0, cut));
      for (const Quote& q : t.quotes) CHECK(q.span.end <= cut);
    }
  }
}
