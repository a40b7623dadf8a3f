// Hostile input: each kind has a defined outcome (an error, or the text passed
// through with valid offsets), bounded time, and no crash. The README's
// robustness table lists the same cases.
#include <doctest/doctest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "crosscheck/crosscheck.h"
#include "run_support.h"

using crosscheck::Document;
using crosscheck::ErrorCode;
using crosscheck::Extraction;

namespace {

Document doc(std::string id, std::string text, std::string published = "2024-07-12") {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.published = std::move(published);
  return d;
}

// Every offset inside the text, sentences in order and not overlapping.
void expect_valid_offsets(const Extraction& x) {
  const std::size_t n = x.document.text.size();
  std::size_t previous_end = 0;
  for (const auto& s : x.sentences) {
    CHECK(s.begin < s.end);
    CHECK(s.begin >= previous_end);
    CHECK(s.end <= n);
    previous_end = s.end;
  }
  for (const auto& t : x.times) CHECK(t.span.end <= n);
  for (const auto& q : x.quantities) CHECK(q.span.end <= n);
  for (const auto& q : x.quotes) CHECK(q.span.end <= n);
  for (const auto& e : x.entities) {
    for (const auto& m : e.mentions) CHECK(m.span.end <= n);
  }
  for (const auto& c : x.claims) {
    CHECK(c.span.end <= n);
    CHECK(c.evidence_span.end <= n);
  }
  CHECK(nlohmann::json::accept(crosscheck::to_json(x)));
}

// Extracts with a time budget; the budget is generous (sanitizer builds are
// slower) but catches quadratic blow-ups.
Extraction extract_within(const Document& d, double seconds) {
  const auto start = std::chrono::steady_clock::now();
  auto x = crosscheck::extract(d);
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_MESSAGE(took < seconds, d.id << " took " << took << " s");
  REQUIRE_MESSAGE(x.ok(), x.error().message());
  expect_valid_offsets(*x);
  return std::move(x).value();
}

}  // namespace

TEST_CASE("bad encodings are errors with a location") {
  auto invalid = crosscheck::extract(doc("latin1", "Caf\xe9 au lait."));
  REQUIRE(!invalid.ok());
  CHECK(invalid.error().code == ErrorCode::kEncoding);
  CHECK(invalid.error().message().find("byte 3") != std::string::npos);

  // Surrogates encoded in UTF-8 (CESU-8) and overlong forms are invalid too.
  for (const char* bad : {"a\xed\xa0\x80z", "a\xc0\xafz", "a\xf4\x90\x80\x80z", "a\xe2\x82"}) {
    auto r = crosscheck::extract(doc("bad", bad));
    REQUIRE(!r.ok());
    CHECK(r.error().code == ErrorCode::kEncoding);
  }

  auto nul = crosscheck::extract(doc("nul", std::string("One.\0Two.", 9)));
  REQUIRE(!nul.ok());
  CHECK(nul.error().code == ErrorCode::kEncoding);
  CHECK(nul.error().message().find("NUL") != std::string::npos);

  // UTF-16 read as bytes: valid-looking ASCII with NULs between.
  test_support::ScratchDir dir;
  auto utf16 = crosscheck::read_inputs({dir.write("u16.txt", std::string("H\0i\0.\0", 6))});
  REQUIRE(!utf16.ok());
  CHECK(utf16.error().file.find("u16.txt") != std::string::npos);
}

TEST_CASE("JSON escapes: lone surrogates are errors, pairs and controls pass") {
  auto lone = crosscheck::parse_jsonl("{\"id\":\"a\",\"text\":\"x\\ud800y\"}", "s.jsonl");
  REQUIRE(!lone.ok());
  CHECK(lone.error().line == 1);
  auto low = crosscheck::parse_jsonl("{\"id\":\"a\",\"text\":\"x\\udc00y\"}", "s.jsonl");
  CHECK(!low.ok());
  auto pair =
      crosscheck::parse_jsonl("{\"id\":\"a\",\"text\":\"x\\ud83d\\ude00y\\u0007\"}", "s.jsonl");
  REQUIRE(pair.ok());
  CHECK((*pair)[0].text == "x\xf0\x9f\x98\x80y\x07");
  expect_valid_offsets(extract_within((*pair)[0], 5));
}

TEST_CASE("text that is odd but valid passes through with byte offsets") {
  SUBCASE("mixed line endings") {
    const std::string text = "Title\r\nFirst line.\rSecond line.\nThird line.\r\n\r\nLast.";
    auto x = extract_within(doc("eol", text), 5);
    CHECK(x.document.text == text);
    CHECK(x.sentences.size() == 5);
  }
  SUBCASE("right-to-left text with bidi controls") {
    const std::string text =
        "\xd9\x82\xd8\xa7\xd9\x84 \xd8\xa7\xd9\x84\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1 \xe2\x80\x8f"
        "\xc2\xab\xd9\x86\xd8\xb9\xd9\x85\xc2\xbb. \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xe2\x80\xae"
        "reversed\xe2\x80\xac NATO 2024.";
    auto x = extract_within(doc("rtl", text), 5);
    CHECK(!x.sentences.empty());
  }
  SUBCASE("a byte order mark, combining marks, zero-width joiners, control characters") {
    const std::string text =
        "\xef\xbb\xbf"
        "Cafe\xcc\x81 fam\xe2\x80\x8d"
        "ily \x1b[31mred\x1b[0m. End.";
    auto x = extract_within(doc("marks", text), 5);
    CHECK(x.document.text == text);
  }
  SUBCASE("a very long sentence without punctuation") {
    std::string text;
    while (text.size() < 256 * 1024) text += "the committee said the office would open ";
    auto x = extract_within(doc("long", text), 60);
    CHECK(x.sentences.size() >= 1);
  }
  SUBCASE("a very long word") {
    // Cut into bounded pieces like a long sentence (see segment()).
    auto x = extract_within(doc("word", std::string(256 * 1024, 'a') + "."), 60);
    CHECK(x.sentences.size() == 65);  // 64 pieces of 4 KiB and the "."
  }
  SUBCASE("thousands of quotation marks") {
    std::string text = "Mr Smith said ";
    for (int i = 0; i < 3000; ++i) text += i % 3 ? "\xe2\x80\x9cyes\xe2\x80\x9d, " : "\"no\" ";
    text += "\xe2\x80\x9c unbalanced \" \xe2\x80\x9d \xe2\x80\x9c.";
    extract_within(doc("quotes", text), 60);
  }
  SUBCASE("many short lines and sentences") {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "Line " + std::to_string(i) + ".\n";
    extract_within(doc("lines", text), 60);
  }
}

TEST_CASE("megabyte pages and nesting limits") {
  SUBCASE("a megabyte of HTML") {
    std::string html = "<html><body>";
    while (html.size() < (1u << 20)) {
      html +=
          "<div class=\"c\"><p>NATO opened a liaison office in Amman on September 16, 2025. "
          "<a href=\"/x\">More</a></p><script>var x = '<div>';</script></div>\n";
    }
    const auto start = std::chrono::steady_clock::now();
    auto text = crosscheck::html_to_text(html);
    REQUIRE(text.ok());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
    CHECK(text->find("var x") == std::string::npos);
  }
  SUBCASE("200,000 nested elements fail fast") {
    std::string html;
    for (int i = 0; i < 200000; ++i) html += "<div>";
    const auto start = std::chrono::steady_clock::now();
    auto text = crosscheck::html_to_text(html + "deep");
    REQUIRE(!text.ok());
    CHECK(text.error().code == ErrorCode::kLimit);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  }
  SUBCASE("formatting elements reopened in every paragraph hit the memory cap") {
    std::string html;
    for (int i = 0; i < 250; ++i) html += "<font size=" + std::to_string(i) + ">";
    for (int i = 0; i < 60000; ++i) html += "<p>x";
    auto text = crosscheck::html_to_text(html);
    REQUIRE(!text.ok());
    CHECK(text.error().code == ErrorCode::kLimit);
  }
  SUBCASE("deep JSON") {
    std::string deep = "{\"id\":\"a\",\"text\":\"x\",\"extra\":" + std::string(100000, '[') +
                       std::string(100000, ']') + "}";
    auto docs = crosscheck::parse_jsonl(deep, "deep.jsonl");
    REQUIRE(!docs.ok());
    CHECK(docs.error().code == ErrorCode::kLimit);
    CHECK(docs.error().line == 1);
    // Brackets inside strings are text, not nesting.
    std::string brackets = "{\"id\":\"a\",\"text\":\"" + std::string(1000, '[') + "\"}";
    CHECK(crosscheck::parse_jsonl(brackets, "b.jsonl").ok());
  }
}

TEST_CASE("one claim repeated thousands of times stays linear") {
  // An article that states one fact 5,000 times, against another that states
  // it as often: every claim is compared within a bounded window, and
  // agreements keep the rule and reasons of their pairs.
  std::string sentence = "NATO opened its liaison office in Amman on September 16, 2025. ";
  std::string text;
  for (int i = 0; i < 5000; ++i) text += sentence;
  const auto start = std::chrono::steady_clock::now();
  auto r = crosscheck::check({doc("first", text, "2025-09-17"), doc("second", text, "2025-09-18")});
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_MESSAGE(took < 120, "took " << took << " s");
  REQUIRE_MESSAGE(r.ok(), r.error().message());
  CHECK(r->claims.size() >= 10000);
  std::size_t agreements = 0;
  for (const auto& f : r->findings) {
    CHECK(f.kind == "agreement");
    CHECK(!f.rule.empty());
    CHECK(!f.explanation.empty());
    CHECK(f.documents.size() == 2);
    agreements += f.kind == "agreement";
  }
  CHECK(agreements > 0);
}

TEST_CASE("concurrent check() calls on separate inputs") {
  // Each thread checks its own pair of documents; results must equal the
  // sequential ones.
  std::vector<std::vector<Document>> inputs;
  for (int i = 0; i < 16; ++i) {
    inputs.push_back(
        {doc("early" + std::to_string(i),
             "The opening date for office " + std::to_string(i) +
                 " is yet to be announced, Mr Stoltenberg said on Wednesday.",
             "2024-07-10"),
         doc("late" + std::to_string(i),
             "The office " + std::to_string(i) +
                 " was inaugurated on September 16, 2025, in Amman.\n\xe2\x80\x9cIt is "
                 "a milestone,\xe2\x80\x9d he said.",
             "2025-09-16")});
  }
  std::vector<std::string> sequential;
  for (const auto& in : inputs) {
    auto r = crosscheck::check(in);
    REQUIRE(r.ok());
    sequential.push_back(crosscheck::to_json(*r));
  }
  std::vector<std::string> concurrent(inputs.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 3; ++round) {
        crosscheck::Options options;
        options.threads = 2;  // nested parallelism inside each call as well
        auto r = crosscheck::check(inputs[i], options);
        concurrent[i] = r.ok() ? crosscheck::to_json(*r) : r.error().message();
      }
    });
  }
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < inputs.size(); ++i) CHECK(concurrent[i] == sequential[i]);
}
