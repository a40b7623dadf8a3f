// Reports: text, JSON, HTML, DOT and GraphML renderings of a hand-built
// report, and the checker's --fail-on contract.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "report_fixture.h"

using namespace crosscheck;
using namespace crosscheck::testing;

namespace {

using Json = nlohmann::json;

// A small JSON Schema (2020-12) checker for the keywords docs/*.schema.json
// use; an unknown keyword fails, so the schema cannot drift past the checker.
class SchemaChecker {
 public:
  explicit SchemaChecker(Json schema) : root_(std::move(schema)) {}

  std::vector<std::string> check(const Json& value) {
    errors_.clear();
    visit(root_, value, "$");
    return errors_;
  }

 private:
  static bool digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  bool matches_pattern(const std::string& pattern, const std::string& s) {
    if (pattern == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$") {
      return s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(s.substr(0, 4)) &&
             digits(s.substr(5, 2)) && digits(s.substr(8, 2));
    }
    if (pattern == "^f[0-9]+$")
      return s.size() > 1 && s[0] == 'f' && digits(std::string_view(s).substr(1));
    errors_.push_back("unsupported pattern " + pattern);
    return false;
  }

  static bool has_type(const Json& v, const std::string& t) {
    if (t == "null") return v.is_null();
    if (t == "string") return v.is_string();
    if (t == "integer") return v.is_number_integer();
    if (t == "number") return v.is_number();
    if (t == "boolean") return v.is_boolean();
    if (t == "array") return v.is_array();
    if (t == "object") return v.is_object();
    return false;
  }

  void visit(const Json& schema, const Json& v, const std::string& where) {
    for (const auto& [key, rule] : schema.items()) {
      if (key == "$schema" || key == "$id" || key == "title" || key == "description" ||
          key == "$defs")
        continue;
      if (key == "$ref") {
        std::string ref = rule.get<std::string>();
        REQUIRE(ref.rfind("#/$defs/", 0) == 0);
        visit(root_["$defs"][ref.substr(8)], v, where);
      } else if (key == "type") {
        std::vector<std::string> types = rule.is_array()
                                             ? rule.get<std::vector<std::string>>()
                                             : std::vector<std::string>{rule.get<std::string>()};
        if (std::none_of(types.begin(), types.end(),
                         [&](const std::string& t) { return has_type(v, t); })) {
          errors_.push_back(where + ": expected " + rule.dump() + ", got " +
                            v.dump().substr(0, 60));
        }
      } else if (key == "const") {
        if (v != rule) errors_.push_back(where + ": expected " + rule.dump());
      } else if (key == "enum") {
        if (std::find(rule.begin(), rule.end(), v) == rule.end())
          errors_.push_back(where + ": not in enum: " + v.dump());
      } else if (key == "required") {
        for (const auto& name : rule) {
          if (!v.is_object() || !v.contains(name.get<std::string>()))
            errors_.push_back(where + ": missing " + name.dump());
        }
      } else if (key == "properties") {
        if (!v.is_object()) continue;
        for (const auto& [name, sub] : rule.items()) {
          if (v.contains(name)) visit(sub, v[name], where + "." + name);
        }
      } else if (key == "additionalProperties") {
        if (!v.is_object() || rule.get<bool>()) continue;
        for (const auto& [name, sub] : v.items()) {
          if (!schema["properties"].contains(name))
            errors_.push_back(where + ": unexpected " + name);
        }
      } else if (key == "items") {
        if (!v.is_array()) continue;
        for (std::size_t i = 0; i < v.size(); ++i)
          visit(rule, v[i], where + "[" + std::to_string(i) + "]");
      } else if (key == "minItems") {
        if (v.is_array() && v.size() < rule.get<std::size_t>())
          errors_.push_back(where + ": too few items");
      } else if (key == "minimum") {
        if (v.is_number() && v.get<double>() < rule.get<double>())
          errors_.push_back(where + ": below minimum");
      } else if (key == "pattern") {
        if (v.is_string() && !matches_pattern(rule.get<std::string>(), v.get<std::string>())) {
          errors_.push_back(where + ": does not match " + rule.get<std::string>());
        }
      } else if (key == "oneOf") {
        std::size_t passing = 0;
        for (const auto& option : rule) {
          auto saved = errors_;
          errors_.clear();
          visit(option, v, where);
          passing += errors_.empty();
          errors_ = saved;
        }
        if (passing != 1)
          errors_.push_back(where + ": matches " + std::to_string(passing) + " of oneOf");
      } else {
        errors_.push_back("unsupported schema keyword " + key);
      }
    }
  }

  Json root_;
  std::vector<std::string> errors_;
};

Json read_json(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  return Json::parse(in);
}

}  // namespace

TEST_CASE("the sample report has the expected findings") {
  Report r = sample_report();
  REQUIRE(r.findings.size() == 3);
  CHECK(r.findings[0].kind == "contradiction");
  CHECK(r.findings[0].resolution == "superseded");
  CHECK(r.findings[0].claims == std::vector<std::string>{"early#1", "late#2"});
  CHECK(r.findings[1].resolution == "superseded");
  CHECK(r.findings[1].rule == "lifecycle.progress");
  CHECK(r.findings[2].kind == "agreement");
  CHECK(count_unresolved_contradictions(r) == 0);
}

TEST_CASE(
    "text report: grouped by kind, newest first, quoted evidence with the claim's words marked") {
  Report r = sample_report();
  std::string text = to_text(r);
  auto superseded = text.find("== Superseded");
  auto agreements = text.find("== Agreements");
  auto single = text.find("== Single-source claims");
  REQUIRE(superseded != std::string::npos);
  REQUIRE(agreements != std::string::npos);
  REQUIRE(single != std::string::npos);
  CHECK(superseded < agreements);
  CHECK(agreements < single);
  CHECK(text.find("== Contradictions (unresolved)") ==
        std::string::npos);  // none: no empty heading
  // Newest state first inside a superseded finding.
  auto newest = text.find("late (undated): \"On **September 16, 2025**, the alliance");
  auto oldest = text.find("The Daily (2024-07-10): \"It is **unclear when** the office");
  REQUIRE(newest != std::string::npos);
  REQUIRE(oldest != std::string::npos);
  CHECK(newest < oldest);
  CHECK(text.find("rule: time.unknown_superseded") != std::string::npos);
  CHECK(text.find("why: ") != std::string::npos);
  // The agreement's explanation says what only one source lists.
  CHECK(text.find("only Wire & Co <Ltd> lists climate change") != std::string::npos);
  // Claims no other source speaks to are listed as single-source, not as findings.
  CHECK(text.find("The Paper (2024-07-11):\n  - the Amman office priority: cyber security -- \"The "
                  "office will focus on "
                  "training and **cyber security**.\"") != std::string::npos);
  CHECK(to_text(r) == text);
}

TEST_CASE("single-source claims are listed in text and HTML") {
  Report r;
  add_doc(r, "a", "Alpha", "2024-01-02", "Two bridges were closed.");
  add_claim(r, "a", "Two bridges");
  std::string text = to_text(r);
  CHECK(text.find("Single-source claims") != std::string::npos);
  CHECK(text.find("\"**Two bridges** were closed.\"") != std::string::npos);
  std::string html = to_html(r);
  CHECK(html.find("<li class=\"single\" data-claim=\"a#1\">") != std::string::npos);
  CHECK(html.find("<mark>Two bridges</mark> were closed.") != std::string::npos);
}

TEST_CASE("the text report never passes control characters to a terminal") {
  Report r;
  add_doc(r, "a", "Evil\x1b[2J Outlet", "2024-01-02", "Two bridges\x07 were \xC2\x9B closed.");
  add_claim(r, "a", "Two bridges");
  std::string text = to_text(r);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text.find("\xC2\x9B") == std::string::npos);
  CHECK(text.find("Evil\xEF\xBF\xBD[2J Outlet") != std::string::npos);
  CHECK(text.find('\n') != std::string::npos);  // line structure is kept
}

TEST_CASE("JSON report keeps the crosscheck.report/1 shape") {
  Report r = sample_report();
  auto j = nlohmann::json::parse(to_json(r));
  CHECK(j["schema"] == "crosscheck.report/1");
  REQUIRE(j["findings"].size() == 3);
  const auto& f = j["findings"][0];
  CHECK(f["id"] == "f1");
  CHECK(f["kind"] == "contradiction");
  CHECK(f["resolution"] == "superseded");
  CHECK(f["claims"] == nlohmann::json::array({"early#1", "late#2"}));
  CHECK(f["documents"] == nlohmann::json::array({"early", "late"}));
  CHECK(f["summary"].is_string());
  CHECK(f["rule"] == "time.unknown_superseded");
  CHECK(f["explanation"].is_string());
  CHECK(j["findings"][2]["resolution"].is_null());
  CHECK(j["claims"][0]["typed_value"]["known"] == false);
  CHECK(j["documents"][1]["published"].is_null());
}

TEST_CASE("HTML report: self-contained, evidence side by side, timeline, highlights, escaping") {
  Report r = sample_report();
  std::string html = to_html(r);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  // Nothing is loaded from elsewhere.
  for (const char* external :
       {"<script", "<link", "src=", "@import", "url(", "http://", "https://"}) {
    CHECK_MESSAGE(html.find(external) == std::string::npos, external);
  }
  CHECK(html.find("<article class=\"finding contradiction superseded\" id=\"f1\">") !=
        std::string::npos);
  CHECK(html.find("<div class=\"evidence-grid\">") != std::string::npos);
  CHECK(html.find("<mark>September 16, 2025</mark>") != std::string::npos);
  CHECK(html.find("Wire &amp; Co &lt;Ltd&gt;") != std::string::npos);
  CHECK(html.find("Wire & Co <Ltd>") == std::string::npos);
  // Timeline: the announced state (2024-07-12) before the inauguration (2025-09-16).
  auto timeline = html.find("<ol class=\"timeline\">");
  REQUIRE(timeline != std::string::npos);
  auto announced = html.find("<time datetime=\"2024-07-12\">", timeline);
  auto inaugurated = html.find("<time datetime=\"2025-09-16\">", timeline);
  REQUIRE(announced != std::string::npos);
  REQUIRE(inaugurated != std::string::npos);
  CHECK(announced < inaugurated);
  CHECK(to_html(r) == html);
}

TEST_CASE("graph outputs come from Boost's writers with finding edges") {
  Report r = sample_report();
  std::string dot = to_dot(r);
  CHECK(dot.rfind("digraph G {", 0) == 0);
  CHECK(dot.find("label=supersedes") != std::string::npos);
  CHECK(dot.find("label=agrees") != std::string::npos);
  CHECK(dot.find("label=asserts") != std::string::npos);
  std::string graphml = to_graphml(r);
  CHECK(graphml.find("<graphml") != std::string::npos);
  CHECK(graphml.find("supersedes") != std::string::npos);
}

TEST_CASE("count_unresolved_contradictions counts only unresolved ones") {
  Report r;
  r.findings = {Finding{"f1", "contradiction", "unresolved", {}, {}, "", "", ""},
                Finding{"f2", "contradiction", "superseded", {}, {}, "", "", ""},
                Finding{"f3", "agreement", "", {}, {}, "", "", ""},
                Finding{"f4", "quote_divergence", "", {}, {}, "", "", ""}};
  CHECK(count_unresolved_contradictions(r) == 1);
  r.findings.erase(r.findings.begin());
  CHECK(count_unresolved_contradictions(r) == 0);
}

TEST_CASE(
    "checker: --fail-on contradiction exits 1 exactly when an unresolved contradiction is "
    "reported") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("crosscheck-report-test-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string bin = CROSSCHECK_BINARY;
  auto check = [&](const std::string& input) {
    Run json = run(bin + " check --format json " + input + " 2>/dev/null");
    REQUIRE(json.status == 0);
    auto report = nlohmann::json::parse(json.out);
    std::size_t unresolved = 0;
    for (const auto& f : report["findings"]) {
      if (f["kind"] == "contradiction" && f["resolution"] == "unresolved") ++unresolved;
    }
    Run gate =
        run(bin + " check --fail-on contradiction -o " + (dir / "out.txt").string() + " " + input);
    CHECK(gate.status == (unresolved > 0 ? 1 : 0));
    // The report is written in full even when the gate fails.
    CHECK(fs::file_size(dir / "out.txt") > 0);
    return unresolved;
  };
  // The sample corpus: the July 2024 reports do not contradict each other,
  // the later inauguration supersedes; nothing unresolved.
  CHECK(check(std::string(CROSSCHECK_SOURCE_DIR) + "/examples/nato-amman.jsonl") == 0);
  // Two same-day reports of different death tolls for one event.
  {
    std::ofstream out(dir / "tolls.jsonl");
    out << R"({"id":"a","source":"A","published":"2024-03-01","text":"Five people were killed in the earthquake in Hatay on Friday, officials said."})"
        << "\n"
        << R"({"id":"b","source":"B","published":"2024-03-01","text":"One person was killed in the earthquake in Hatay on Friday, officials said."})"
        << "\n";
  }
  CHECK(check((dir / "tolls.jsonl").string()) >= 1);
  Run bad =
      run(bin + " check --fail-on agreement " + (dir / "tolls.jsonl").string() + " 2>/dev/null");
  CHECK(bad.status == 2);
  fs::remove_all(dir);
}

TEST_CASE("the JSON outputs follow docs/report.schema.json and docs/extract.schema.json") {
  const std::string root = CROSSCHECK_SOURCE_DIR;
  SchemaChecker report_schema(read_json(root + "/docs/report.schema.json"));
  SchemaChecker extract_schema(read_json(root + "/docs/extract.schema.json"));
  SUBCASE("hand-built report") {
    auto errors = report_schema.check(Json::parse(to_json(sample_report())));
    CHECK_MESSAGE(errors.empty(), (errors.empty() ? std::string() : errors.front()));
  }
  SUBCASE("sample corpus through the pipeline") {
    auto docs = read_inputs({root + "/examples/nato-amman.jsonl"});
    REQUIRE(docs.ok());
    auto report = check(*docs);
    REQUIRE(report.ok());
    auto errors = report_schema.check(Json::parse(to_json(*report)));
    CHECK_MESSAGE(errors.empty(), (errors.empty() ? std::string() : errors.front()));
    for (const Extraction& x : report->extractions) {
      auto xerrors = extract_schema.check(Json::parse(to_json(x)));
      CHECK_MESSAGE(xerrors.empty(), x.document.id, ": ",
                    (xerrors.empty() ? std::string() : xerrors.front()));
    }
  }
  SUBCASE("the checker catches a broken report") {
    Json broken = Json::parse(to_json(sample_report()));
    broken["findings"][0]["kind"] = "maybe";
    broken["findings"][0].erase("rule");
    broken["claims"][0]["typed_value"]["colour"] = "red";
    auto errors = report_schema.check(broken);
    CHECK(errors.size() == 3);
  }
}
