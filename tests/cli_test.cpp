// The checker's contract: options, exit statuses, one-line errors that name
// the file (and line), never partial output.
#include <crosscheck/crosscheck.h>
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "run_support.h"

using test_support::Run;
using test_support::run_checker;
using test_support::ScratchDir;
using test_support::shell_quote;

namespace {

const std::string kSample = std::string(CROSSCHECK_SOURCE_DIR) + "/examples/nato-amman.jsonl";

// The error contract: status 2, nothing on stdout, exactly one line on stderr
// that names `where`.
void expect_bad_input(const Run& r, const std::string& where) {
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  REQUIRE(!r.err.empty());
  CHECK(r.err.back() == '\n');
  CHECK(r.err.find('\n') == r.err.size() - 1);
  CHECK_MESSAGE(r.err.find(where) != std::string::npos, r.err);
}

}  // namespace

TEST_CASE("check and extract succeed on the sample corpus") {
  Run text = run_checker("check " + shell_quote(kSample));
  CHECK(text.status == 0);
  CHECK(text.err.empty());
  CHECK(text.out.find("5 documents") != std::string::npos);

  Run json = run_checker("check --format json " + shell_quote(kSample));
  REQUIRE(json.status == 0);
  auto report = nlohmann::json::parse(json.out);
  CHECK(report["schema"] == "crosscheck.report/1");
  CHECK(report["documents"].size() == 5);

  Run extract = run_checker("extract " + shell_quote(kSample));
  REQUIRE(extract.status == 0);
  std::size_t lines = 0;
  std::istringstream in(extract.out);
  for (std::string line; std::getline(in, line); ++lines) {
    auto x = nlohmann::json::parse(line);
    CHECK(x["schema"] == "crosscheck.extract/1");
  }
  CHECK(lines == 5);

  for (const char* format : {"html", "dot", "graphml"}) {
    Run r = run_checker(std::string("check --format ") + format + " " + shell_quote(kSample));
    CHECK(r.status == 0);
    CHECK(!r.out.empty());
  }
}

TEST_CASE("bad input exits 2 with one line naming the file and line") {
  ScratchDir dir;
  SUBCASE("missing file") {
    expect_bad_input(run_checker("check " + shell_quote(dir.path("nope.jsonl"))), "nope.jsonl");
  }
  SUBCASE("malformed JSONL line") {
    std::string f =
        dir.write("bad.jsonl", "{\"id\":\"a\",\"text\":\"Fine.\"}\n{\"id\": \"b\", text}\n");
    expect_bad_input(run_checker("check " + shell_quote(f)), "bad.jsonl:2:");
  }
  SUBCASE("JSONL line that is not an object") {
    std::string f = dir.write("arr.jsonl", "{\"id\":\"a\",\"text\":\"Fine.\"}\n\n[1, 2]\n");
    expect_bad_input(run_checker("extract " + shell_quote(f)), "arr.jsonl:3:");
  }
  SUBCASE("missing id, or both text and html") {
    std::string f = dir.write("noid.jsonl", "{\"text\":\"No id.\"}\n");
    expect_bad_input(run_checker("extract " + shell_quote(f)), "noid.jsonl:1:");
    std::string g =
        dir.write("both.jsonl", "{\"id\":\"x\",\"text\":\"a\",\"html\":\"<p>b</p>\"}\n");
    expect_bad_input(run_checker("extract " + shell_quote(g)), "both.jsonl:1:");
  }
  SUBCASE("invalid UTF-8 in JSONL and in a text file") {
    std::string f = dir.write(
        "utf.jsonl", "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"caf\xe9\"}\n");
    Run r = run_checker("check " + shell_quote(f));
    expect_bad_input(r, "utf.jsonl:2:");
    CHECK(r.err.find("UTF-8") != std::string::npos);
    std::string g = dir.write("latin1.txt", "First line.\nCaf\xe9 au lait.\n");
    Run t = run_checker("extract " + shell_quote(g));
    expect_bad_input(t, "latin1.txt:2:");
  }
  SUBCASE("empty documents") {
    std::string f = dir.write("empty.txt", "");
    expect_bad_input(run_checker("extract " + shell_quote(f)), "empty.txt");
    std::string g = dir.write("blank.jsonl", "{\"id\":\"a\",\"text\":\" \\n \"}\n");
    expect_bad_input(run_checker("extract " + shell_quote(g)), "blank.jsonl:1:");
    std::string h = dir.write("nothing.jsonl", "\n\n");
    expect_bad_input(run_checker("extract " + shell_quote(h)), "nothing.jsonl");
    std::string e = dir.write("tags.html", "<html><script>x()</script></html>");
    expect_bad_input(run_checker("extract " + shell_quote(e)), "tags.html");
  }
  SUBCASE("duplicate ids, within a file and across files") {
    std::string f = dir.write(
        "dup.jsonl", "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"a\",\"text\":\"Two.\"}\n");
    Run r = run_checker("check " + shell_quote(f));
    expect_bad_input(r, "dup.jsonl:2:");
    CHECK(r.err.find("'a'") != std::string::npos);
    std::string g = dir.write("x/a.txt", "Three.");
    std::string h = dir.write("y/a.md", "Four.");
    expect_bad_input(run_checker("check " + shell_quote(g) + " " + shell_quote(h)), "a.md");
  }
  SUBCASE("bad --published") {
    std::string f = dir.write("a.txt", "Some text.");
    for (const char* bad : {"2024-13-01", "2024-02-30", "yesterday", "2024-7-1"}) {
      Run r = run_checker(std::string("extract --published ") + bad + " " + shell_quote(f));
      expect_bad_input(r, "--published");
    }
  }
  SUBCASE("bad published field in JSONL") {
    std::string f =
        dir.write("pub.jsonl", "{\"id\":\"a\",\"text\":\"x\",\"published\":\"12/07/2024\"}\n");
    expect_bad_input(run_checker("extract " + shell_quote(f)), "pub.jsonl:1:");
  }
  SUBCASE("bad usage") {
    for (const char* args : {"", "check", "frobnicate x", "check --format pdf x.jsonl",
                             "check --fail-on agreement x.jsonl", "check --threads many x.jsonl",
                             "extract --max-document-bytes 0 x.jsonl"}) {
      Run r = run_checker(args);
      CHECK_MESSAGE(r.status == 2, args);
      CHECK(r.out.empty());
      CHECK(r.err.find('\n') == r.err.size() - 1);
    }
  }
  SUBCASE("a lexicon file that does not exist") {
    expect_bad_input(run_checker("check --lexicon " + shell_quote(dir.path("lex.json")) + " " +
                                 shell_quote(kSample)),
                     "lex.json");
  }
  SUBCASE("a malformed lexicon file is named in the error") {
    std::string lex = dir.write("bad-lexicon.json", "{\"entities\": 5}");
    Run r = run_checker("check --lexicon " + shell_quote(lex) + " " + shell_quote(kSample));
    expect_bad_input(r, "bad-lexicon.json: \"entities\" must be an array");
  }
  SUBCASE("a document over the size limit") {
    std::string f = dir.write("big.txt", std::string(5000, 'a') + ".");
    Run r = run_checker("extract --max-document-bytes 1000 " + shell_quote(f));
    expect_bad_input(r, "big.txt");
    CHECK(r.err.find("limit") != std::string::npos);
  }
  SUBCASE("too many documents") {
    std::string f = dir.write("many.jsonl",
                              "{\"id\":\"a\",\"text\":\"A.\"}\n{\"id\":\"b\",\"text\":\"B.\"}\n"
                              "{\"id\":\"c\",\"text\":\"C.\"}\n");
    expect_bad_input(run_checker("extract --max-documents 2 " + shell_quote(f)), "many.jsonl:3:");
  }
}

TEST_CASE("extract prints each document's JSON on its own line, in input order") {
  // Three copies of the sample under new ids: more lines than threads, and
  // documents of different sizes.
  ScratchDir dir;
  std::string jsonl;
  auto sample = crosscheck::read_inputs({kSample});
  REQUIRE(sample);
  std::vector<crosscheck::Document> docs;
  for (int copy = 0; copy < 3; ++copy) {
    for (const crosscheck::Document& d : *sample) {
      crosscheck::Document c = d;
      c.id = d.id + "-" + std::to_string(copy);
      c.origin.clear();
      nlohmann::json line = {{"id", c.id}, {"text", c.text}};
      for (const auto& [key, value] : {std::pair{"source", c.source},
                                       {"url", c.url},
                                       {"title", c.title},
                                       {"author", c.author},
                                       {"language", c.language},
                                       {"published", c.published}}) {
        if (!value.empty()) line[key] = value;
      }
      jsonl += line.dump() + "\n";
      docs.push_back(std::move(c));
    }
  }
  std::string input = dir.write("copies.jsonl", jsonl);
  auto extractions = crosscheck::extract_all(docs);
  REQUIRE(extractions);
  std::string expected;
  for (const crosscheck::Extraction& x : *extractions) expected += crosscheck::to_json(x) + "\n";

  for (const char* threads : {"1", "4"}) {
    CAPTURE(threads);
    Run out = run_checker(std::string("extract --threads ") + threads + " " + shell_quote(input));
    REQUIRE(out.status == 0);
    CHECK(out.out == expected);
    std::string file = dir.path(std::string("x") + threads + ".jsonl");
    Run to_file = run_checker(std::string("extract --threads ") + threads + " -o " +
                              shell_quote(file) + " " + shell_quote(input));
    REQUIRE(to_file.status == 0);
    CHECK(to_file.out.empty());
    CHECK(test_support::read_all(file) == expected);
  }
}

TEST_CASE("an error leaves no partial output file") {
  ScratchDir dir;
  std::string good = dir.write("good.jsonl", "{\"id\":\"a\",\"text\":\"One sentence.\"}\n");
  std::string bad = dir.write("bad.jsonl", "{\"id\":\"b\",\"text\":\"Two.\"}\n{oops\n");
  std::string out = dir.path("report.json");
  Run r = run_checker("check --format json -o " + shell_quote(out) + " " + shell_quote(good) + " " +
                      shell_quote(bad));
  CHECK(r.status == 2);
  CHECK(!std::filesystem::exists(out));
  CHECK(!std::filesystem::exists(out + ".partial"));

  Run ok = run_checker("check --format json -o " + shell_quote(out) + " " + shell_quote(good));
  CHECK(ok.status == 0);
  CHECK(ok.out.empty());
  CHECK(nlohmann::json::accept(test_support::read_all(out)));
  CHECK(!std::filesystem::exists(out + ".partial"));

  Run unwritable = run_checker("check -o " + shell_quote(dir.path("no/such/dir/r.txt")) + " " +
                               shell_quote(good));
  CHECK(unwritable.status == 2);
  CHECK(unwritable.err.find("no/such/dir/r.txt") != std::string::npos);
}

TEST_CASE("inputs: JSONL fields, HTML, directories in name order") {
  ScratchDir dir;
  SUBCASE("unknown JSONL fields are ignored, known ones kept") {
    std::string f =
        dir.write("f.jsonl",
                  "{\"id\":\"a\",\"text\":\"Hello there.\",\"source\":\"Outlet\",\"extra\":"
                  "{\"nested\":[1,2]},\"published\":\"2024-07-12T10:00:00+03:00\"}\n");
    Run r = run_checker("extract " + shell_quote(f));
    REQUIRE(r.status == 0);
    auto x = nlohmann::json::parse(r.out);
    CHECK(x["source"] == "Outlet");
    CHECK(x["published"] == "2024-07-12");
    CHECK(x["text"] == "Hello there.");
  }
  SUBCASE("HTML: entities decoded, scripts and styles dropped") {
    std::string f = dir.write(
        "page.html",
        "<html><head><title>T</title><style>p{}</style><script>var s = '<p>no</p>';</script></head>"
        "<body><h1>Rock &amp; Roll</h1><p>Caf&eacute; &#8220;quoted&#8221; &mdash; ok&nbsp;now.</p>"
        "<script>alert(1)</script></body></html>");
    Run r = run_checker("extract " + shell_quote(f));
    REQUIRE(r.status == 0);
    auto x = nlohmann::json::parse(r.out);
    CHECK(x["id"] == "page");
    const std::string text = x["text"];
    CHECK(text ==
          "Rock & Roll\nCaf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x94 ok\xc2\xa0now.");
    CHECK(text.find("alert") == std::string::npos);
    CHECK(text.find("var s") == std::string::npos);
  }
  SUBCASE("directories: supported files in name order, others skipped") {
    dir.write("in/b.txt", "Second file.");
    dir.write("in/a.md", "First file.");
    dir.write("in/c.html", "<p>Third file.</p>");
    dir.write("in/notes.pdf", "%PDF-1.4");
    dir.write("in/d.jsonl",
              "{\"id\":\"d1\",\"text\":\"Fourth.\"}\n{\"id\":\"d2\",\"text\":\"Fifth.\"}\n");
    Run r = run_checker("extract --published 2024-07-12 " + shell_quote(dir.path("in")));
    REQUIRE(r.status == 0);
    std::vector<std::string> ids;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
      auto x = nlohmann::json::parse(line);
      ids.push_back(x["id"]);
      CHECK(x["published"] == "2024-07-12");
    }
    CHECK(ids == std::vector<std::string>{"a", "b", "c", "d1", "d2"});
  }
  SUBCASE("--published fills in only missing dates") {
    std::string f = dir.write("p.jsonl",
                              "{\"id\":\"a\",\"text\":\"A.\",\"published\":\"2020-01-02\"}\n"
                              "{\"id\":\"b\",\"text\":\"B.\"}\n");
    Run r = run_checker("extract --published 2024-07-12 " + shell_quote(f));
    REQUIRE(r.status == 0);
    std::istringstream in(r.out);
    std::string first, second;
    std::getline(in, first);
    std::getline(in, second);
    CHECK(nlohmann::json::parse(first)["published"] == "2020-01-02");
    CHECK(nlohmann::json::parse(second)["published"] == "2024-07-12");
  }
  SUBCASE("undated text stays undated unless a date is inferred") {
    std::string f = dir.write("undated.txt", "Nothing dated here at all.");
    Run r = run_checker("extract " + shell_quote(f));
    REQUIRE(r.status == 0);
    auto x = nlohmann::json::parse(r.out);
    CHECK(x["published"].is_null());
    CHECK(x["published_inferred"].is_null());
  }
}

TEST_CASE("--fail-on contradiction exits 1 only for unresolved contradictions") {
  ScratchDir dir;
  // The sample's contradictions are superseded ones: exit 0 with --fail-on.
  Run r = run_checker("check --fail-on contradiction " + shell_quote(kSample));
  CHECK(r.status == 0);
}
