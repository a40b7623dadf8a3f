// Ingest: JSON Lines, HTML to text, files and directories.
#include <doctest/doctest.h>

#include <string>

#include "crosscheck/crosscheck.h"
#include "run_support.h"

using crosscheck::ErrorCode;
using crosscheck::html_to_text;
using crosscheck::parse_jsonl;
using crosscheck::read_inputs;

TEST_CASE("JSON Lines: fields, blank lines, CRLF, BOM") {
  const std::string content =
      "\xef\xbb\xbf{\"id\":\"a\",\"text\":\"Alpha.\",\"source\":\"S\",\"url\":\"http://"
      "x\",\"title\":\"T\","
      "\"author\":null,\"language\":\"fr\",\"whatever\":[1,{\"deep\":true}]}\r\n"
      "\r\n"
      "   \n"
      "{\"id\":\"b\",\"html\":\"<p>Beta &amp; gamma</p>\",\"published\":\"2024-07-12\"}";
  auto docs = parse_jsonl(content, "in.jsonl");
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 2);
  const auto& a = (*docs)[0];
  CHECK(a.id == "a");
  CHECK(a.text == "Alpha.");
  CHECK(a.source == "S");
  CHECK(a.url == "http://x");
  CHECK(a.title == "T");
  CHECK(a.author.empty());
  CHECK(a.language == "fr");
  CHECK(a.origin == "in.jsonl:1");
  const auto& b = (*docs)[1];
  CHECK(b.text == "Beta & gamma");
  CHECK(b.published == "2024-07-12");
  CHECK(b.language == "en");
  CHECK(b.origin == "in.jsonl:4");
}

TEST_CASE("JSON Lines: flat records and others are read alike") {
  // A record of strings is read by the fast reader; the same with a number
  // member by nlohmann. Both give the same document.
  const std::string fields =
      "\"id\":\"a\",\"text\":\"Caf\\u00e9 \\\"q\\\" \\ud83d\\ude00\\n\\/x\",\"title\":"
      "null,\"source\":\"S1\",\"source\":\"S2\",\"published\":\"2024-07-10\"";
  auto flat = parse_jsonl("{" + fields + "}", "f.jsonl");
  auto full = parse_jsonl("{" + fields + ",\"n\":1}", "f.jsonl");
  REQUIRE(flat.ok());
  REQUIRE(full.ok());
  const auto& a = (*flat)[0];
  const auto& b = (*full)[0];
  CHECK(a.text == "Caf\xC3\xA9 \"q\" \xF0\x9F\x98\x80\n/x");
  CHECK(a.source == "S2");  // the last of duplicate members
  CHECK(a.title.empty());
  for (auto field : {&crosscheck::Document::id, &crosscheck::Document::text,
                     &crosscheck::Document::source, &crosscheck::Document::title,
                     &crosscheck::Document::published, &crosscheck::Document::language}) {
    CHECK(a.*field == b.*field);
  }
  SUBCASE("a nesting limit of 0 refuses even a flat object") {
    crosscheck::ReadOptions options;
    options.limits.max_nesting = 0;
    auto docs = parse_jsonl("{" + fields + "}", "f.jsonl", options);
    REQUIRE(!docs.ok());
    CHECK(docs.error().code == ErrorCode::kLimit);
  }
}

TEST_CASE("JSON Lines errors name the line and say what is wrong") {
  struct Case {
    const char* content;
    std::size_t line;
    ErrorCode code;
    const char* says;
  };
  const Case cases[] = {
      {"{\"id\":\"a\",\"text\":\"x\"}\nnot json\n", 2, ErrorCode::kInput, "invalid JSON"},
      {"{\"id\":\"a\",\"text\":\"x\"} trailing\n", 1, ErrorCode::kInput, "invalid JSON"},
      {"\"just a string\"\n", 1, ErrorCode::kInput, "JSON object"},
      {"{\"text\":\"x\"}\n", 1, ErrorCode::kInput, "'id'"},
      {"{\"id\":7,\"text\":\"x\"}\n", 1, ErrorCode::kInput, "'id'"},
      {"{\"id\":\"a\"}\n", 1, ErrorCode::kInput, "exactly one of"},
      {"{\"id\":\"a\",\"text\":5}\n", 1, ErrorCode::kInput, "'text' must be a string"},
      {"{\"id\":\"a\",\"text\":\"x\",\"source\":[]}\n", 1, ErrorCode::kInput, "'source'"},
      {"{\"id\":\"a\",\"text\":\"x\",\"published\":\"July 12\"}\n", 1, ErrorCode::kInput,
       "published"},
      {"{\"id\":\"a\",\"text\":\"x \\ud800 y\"}\n", 1, ErrorCode::kInput, "surrogate"},
      {"{\"id\":\"a\",\"text\":\"\xc3\"}\n", 1, ErrorCode::kEncoding, "UTF-8"},
      {"{\"id\":\"a\",\"text\":\"a\\u0000b\"}\n", 1, ErrorCode::kEncoding, "NUL"},
      {"{\"id\":\"a\",\"text\":\"\"}\n", 1, ErrorCode::kInput, "empty"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.content);
    auto docs = parse_jsonl(c.content, "f.jsonl");
    REQUIRE(!docs.ok());
    CHECK(docs.error().file == "f.jsonl");
    CHECK(docs.error().line == c.line);
    CHECK(docs.error().code == c.code);
    CHECK_MESSAGE(docs.error().message().find(c.says) != std::string::npos, docs.error().message());
    CHECK(docs.error().message().find('\n') == std::string::npos);
  }
}

TEST_CASE("errors stay on one line whatever the document id holds") {
  // Found by fuzz_jsonl: an id with escaped line breaks split the message.
  std::string id = "multi\\nline\\r id " + std::string(500, 'x');
  auto docs = parse_jsonl("{\"id\":\"" + id + "\",\"text\":\"t\",\"published\":\"{024-07-10\"}\n",
                          "f.jsonl");
  REQUIRE(!docs.ok());
  const std::string m = docs.error().message();
  CHECK(m.find('\n') == std::string::npos);
  CHECK(m.find('\r') == std::string::npos);
  CHECK(m.find("document 'multi\\nline\\r id xxx") != std::string::npos);
  CHECK(m.find("...'") != std::string::npos);  // a long id is clipped
  CHECK(m.find("is not YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("a number too large for a double is an input error, not an exception") {
  // Found by fuzz_jsonl: nlohmann throws out_of_range even from a non-throwing parse.
  auto docs = parse_jsonl("{\"id\":\"a\",\"text\":\"t\",\"n\":3e3333333333}\n", "f.jsonl");
  REQUIRE(!docs.ok());
  CHECK(docs.error().line == 1);
  CHECK(docs.error().message().find("invalid JSON") != std::string::npos);
}

TEST_CASE("a parse error does not quote megabytes of the line") {
  std::string line = "{\"id\":\"a\",\"text\":\"" + std::string(1 << 20, 'x') + "\n";
  auto docs = parse_jsonl(line, "f.jsonl");
  REQUIRE(!docs.ok());
  CHECK(docs.error().message().size() < 300);
}

TEST_CASE("HTML to text") {
  SUBCASE("entities, blocks, white space") {
    auto t = html_to_text(
        "<div>One&nbsp;&amp;&#x20AC;&euro;</div>\n\n<p>  Two\n  lines  "
        "</p><ul><li>a</li><li>b</li></ul>x<br>y");
    REQUIRE(t.ok());
    CHECK(*t == "One\xc2\xa0&\xe2\x82\xac\xe2\x82\xac\nTwo lines\na\nb\nx\ny");
  }
  SUBCASE("scripts, styles, comments, head dropped") {
    auto t = html_to_text(
        "<head><title>Title</title></head><!-- c --><script>if (a<b) {}</script>"
        "<style>.x{}</style><noscript>js off</noscript><p>Body</p>");
    REQUIRE(t.ok());
    CHECK(*t == "Body");
  }
  SUBCASE("a fragment and broken markup") {
    auto t = html_to_text("Plain <b>bold <i>both</b> italic</i> & <unknown>tag</unknown");
    REQUIRE(t.ok());
    CHECK(*t == "Plain bold both italic & tag");
  }
  SUBCASE("unclosed paragraphs and list items are not nesting") {
    std::string html;
    for (int i = 0; i < 2000; ++i) html += "<p>para <li>item ";
    auto t = html_to_text(html);
    CHECK(t.ok());
  }
}

TEST_CASE("HTML limits: depth, attributes, size") {
  crosscheck::Limits limits;
  limits.max_nesting = 100;
  std::string deep;
  for (int i = 0; i < 101; ++i) deep += "<div>";
  auto t = html_to_text(deep + "x", limits);
  REQUIRE(!t.ok());
  CHECK(t.error().code == ErrorCode::kLimit);
  CHECK(t.error().detail.find("nesting deeper than 100") != std::string::npos);
  std::string ok;
  for (int i = 0; i < 99; ++i) ok += "<div>";
  CHECK(html_to_text(ok + "x", limits).ok());
  // Closed elements do not add up.
  std::string flat;
  for (int i = 0; i < 5000; ++i) flat += "<div><span>x</span></div>";
  CHECK(html_to_text(flat, limits).ok());

  std::string attrs = "<p";
  for (int i = 0; i < 300; ++i) attrs += " a" + std::to_string(i) + "=\"v\"";
  auto a = html_to_text(attrs + ">x</p>");
  REQUIRE(!a.ok());
  CHECK(a.error().detail.find("attributes") != std::string::npos);

  limits.max_document_bytes = 10;
  auto big = html_to_text(std::string(41, 'x'), limits);
  REQUIRE(!big.ok());
  CHECK(big.error().code == ErrorCode::kLimit);
}

TEST_CASE("read_inputs: files, kinds, directory order, errors") {
  test_support::ScratchDir dir;
  dir.write("d/10.txt", "Ten.");
  dir.write("d/2.txt", "Two.");
  dir.write("d/B.md", "Bee.");
  dir.write("d/a.HTM", "<p>Ay.</p>");
  dir.write("d/skip.csv", "x,y");
  dir.write("d/sub/inner.txt", "Not read: directories are not recursive.");
  auto docs = read_inputs({dir.path("d")});
  REQUIRE(docs.ok());
  std::vector<std::string> ids;
  for (const auto& d : *docs) ids.push_back(d.id);
  // Byte order of the names: digits, then capitals, then lower case.
  CHECK(ids == std::vector<std::string>{"10", "2", "B", "a"});
  CHECK((*docs)[3].text == "Ay.");

  // A named file of another type is read as text.
  auto named = read_inputs({dir.write("notes.log", "Log line.")});
  REQUIRE(named.ok());
  CHECK((*named)[0].text == "Log line.");

  auto missing = read_inputs({dir.path("nope")});
  REQUIRE(!missing.ok());
  CHECK(missing.error().code == ErrorCode::kIo);

  auto bad_date = read_inputs({dir.path("d")}, crosscheck::ReadOptions{"2024-02-30", {}});
  REQUIRE(!bad_date.ok());
  CHECK(bad_date.error().code == ErrorCode::kUsage);

  auto dup = read_inputs({dir.path("d"), dir.write("e/2.md", "Again.")});
  REQUIRE(!dup.ok());
  CHECK(dup.error().message().find("duplicate document id '2'") != std::string::npos);
}
