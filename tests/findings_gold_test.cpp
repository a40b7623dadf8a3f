// End to end on the bundled sample corpus: the findings a careful reader
// expects, and the ones that must not appear. The expectations are written
// out here (they restate ../shared/gold/nato-amman.json) and matched the way
// ../shared/tools/score-findings matches them; when ../shared is present the
// scorer itself is run on the checker's JSON as well.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "crosscheck/crosscheck.h"

using namespace crosscheck;

namespace {

namespace fs = std::filesystem;

// Lowercase with whitespace runs folded to one space (as the scorer does).
std::string norm(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

struct Expect {
  const char* name;
  const char* kind;
  const char* resolution;  // nullptr: any
  std::map<std::string, std::vector<std::string>> evidence;
};

struct Forbid {
  const char* name;
  const char* kind;
  const char* resolution;
  std::vector<std::string> documents;
  std::vector<std::string> pair_a, pair_b;  // empty: no pair condition
};

const std::vector<Expect>& expectations() {
  static const std::vector<Expect> list = {
      {"opening date unclear (July 2024) vs inaugurated September 16, 2025",
       "contradiction",
       "superseded",
       {{"national-2024-07-10", {"officially opened"}},
        {"inauguration-2025", {"September 16, 2025"}}}},
      {"opening date yet to be announced vs inaugurated September 16, 2025",
       "contradiction",
       "superseded",
       {{"singh-2024-07-12", {"yet to be announced"}},
        {"inauguration-2025", {"September 16, 2025"}}}},
      {"Jordan in the Mediterranean Dialogue since 1995",
       "agreement",
       nullptr,
       {{"national-2024-07-10", {"since 1995"}}, {"singh-2024-07-12", {"since 1995"}}}},
      {"discussions began in July 2023",
       "agreement",
       nullptr,
       {{"national-2024-07-10", {"July last year"}}, {"singh-2024-07-12", {"July"}}}},
      {"the Kuwait centre was inaugurated in 2017",
       "agreement",
       nullptr,
       {{"national-2024-07-10", {"2017"}}, {"singh-2024-07-12", {"2017"}}}},
      {"Stoltenberg quoted differently: new level / elevating",
       "quote_divergence",
       nullptr,
       {{"national-2024-07-10", {"new level"}},
        {"singh-2024-07-12", {"elevating this partnership"}}}},
      {"Stoltenberg quoted differently on threats",
       "quote_divergence",
       nullptr,
       {{"national-2024-07-10", {"addresses the threats"}},
        {"singh-2024-07-12", {"addressing threats"}}}},
      {"the office's focus",
       "agreement",
       nullptr,
       {{"national-2024-07-10", {"cyber security"}}, {"singh-2024-07-12", {"cyber security"}}}},
      {"missions in Libya, Afghanistan and Kosovo",
       "agreement",
       nullptr,
       {{"national-2024-07-10", {"Kosovo"}}, {"singh-2024-07-12", {"Kosovo"}}}},
      {"the announcement at the 75th anniversary",
       "agreement",
       nullptr,
       {{"national-2024-07-10", {"75th"}}, {"singh-2024-07-12", {"75th"}}}},
      {"NATO will open a liaison office in Amman",
       "agreement",
       nullptr,
       {{"national-2024-07-10", {"liaison office"}}, {"singh-2024-07-12", {"liaison office"}}}},
  };
  return list;
}

const std::vector<Forbid>& forbidden() {
  static const std::vector<Forbid> list = {
      {"the Kuwait centre (2017) and the Amman office (2025) are different things",
       "contradiction",
       nullptr,
       {},
       {"2017"},
       {"September 16, 2025"}},
      {"'July last year' in 2024 is July 2023",
       "contradiction",
       nullptr,
       {},
       {"July last year"},
       {"July 2023"}},
      {"a 2023 proposal followed by a 2024 announcement is progress",
       "contradiction",
       "unresolved",
       {"oped-2023-07-13"},
       {"decision"},
       {"office"}},
      {"the two July 2024 reports do not contradict each other",
       "contradiction",
       "unresolved",
       {"national-2024-07-10", "singh-2024-07-12"},
       {},
       {}},
  };
  return list;
}

class Matcher {
 public:
  explicit Matcher(const Report& r) : report_(r) {
    for (const Claim& c : r.claims) claims_[c.id] = &c;
  }

  std::vector<const Claim*> claims_of(const Finding& f) const {
    std::vector<const Claim*> out;
    for (const std::string& id : f.claims) {
      if (auto it = claims_.find(id); it != claims_.end()) out.push_back(it->second);
    }
    return out;
  }

  static bool has_all(const Claim& c, const std::vector<std::string>& phrases) {
    std::string ev = norm(c.evidence);
    return std::all_of(phrases.begin(), phrases.end(),
                       [&](const std::string& p) { return ev.find(norm(p)) != std::string::npos; });
  }

  static bool kind_ok(const Finding& f, const char* kind, const char* resolution) {
    return f.kind == kind && (!resolution || f.resolution == resolution);
  }

  bool meets(const Finding& f, const Expect& e) const {
    if (!kind_ok(f, e.kind, e.resolution)) return false;
    auto cs = claims_of(f);
    return std::all_of(e.evidence.begin(), e.evidence.end(), [&](const auto& entry) {
      return std::any_of(cs.begin(), cs.end(), [&](const Claim* c) {
        return c->document == entry.first && has_all(*c, entry.second);
      });
    });
  }

  bool hits(const Finding& f, const Forbid& e) const {
    if (!kind_ok(f, e.kind, e.resolution)) return false;
    auto cs = claims_of(f);
    std::set<std::string> docs(f.documents.begin(), f.documents.end());
    for (const Claim* c : cs) docs.insert(c->document);
    for (const std::string& d : e.documents) {
      if (!docs.count(d)) return false;
    }
    if (e.pair_a.empty()) return true;
    for (const Claim* x : cs) {
      for (const Claim* y : cs) {
        if (x != y && has_all(*x, e.pair_a) && has_all(*y, e.pair_b)) return true;
      }
    }
    return false;
  }

 private:
  const Report& report_;
  std::map<std::string, const Claim*> claims_;
};

const std::string kCorpus = std::string(CROSSCHECK_SOURCE_DIR) + "/examples/nato-amman.jsonl";

Report sample_report() {
  auto docs = read_inputs({kCorpus});
  REQUIRE(docs.ok());
  auto report = check(*docs);
  REQUIRE(report.ok());
  return std::move(*report);
}

}  // namespace

TEST_CASE("sample corpus: no forbidden finding") {
  Report r = sample_report();
  Matcher m(r);
  for (const Forbid& e : forbidden()) {
    for (const Finding& f : r.findings)
      CHECK_MESSAGE(!m.hits(f, e), e.name, " hit by ", f.id, ": ", f.summary);
  }
  // Every finding is well formed: its claims exist, come from its documents,
  // and an agreement spans two documents.
  for (const Finding& f : r.findings) {
    auto cs = m.claims_of(f);
    CHECK(cs.size() == f.claims.size());
    for (const Claim* c : cs) {
      CHECK(std::find(f.documents.begin(), f.documents.end(), c->document) != f.documents.end());
    }
    if (f.kind == "agreement") CHECK(f.documents.size() >= 2);
    CHECK(!f.summary.empty());
  }
}

TEST_CASE("sample corpus: every expected finding (pending the claim extractor)") {
  Report r = sample_report();
  Matcher m(r);
  std::size_t found = 0;
  for (const Expect& e : expectations()) {
    bool ok = std::any_of(r.findings.begin(), r.findings.end(),
                          [&](const Finding& f) { return m.meets(f, e); });
    found += ok;
    CHECK_MESSAGE(ok, "missing: ", e.name);
  }
  MESSAGE("expected found ", found, "/", expectations().size(), " (", r.claims.size(), " claims, ",
          r.findings.size(), " findings)");
}

TEST_CASE("sample corpus: the shared scorer agrees (skipped without ../shared)") {
  const fs::path shared = CROSSCHECK_SHARED_DIR;
  const fs::path scorer = shared / "tools" / "score-findings";
  const fs::path gold = shared / "gold" / "nato-amman.json";
  if (!fs::exists(scorer) || !fs::exists(gold)) {
    MESSAGE("SKIPPED: ../shared is absent");
    return;
  }
  fs::path out =
      fs::temp_directory_path() / ("crosscheck-gold-" + std::to_string(getpid()) + ".json");
  std::string command =
      std::string(CROSSCHECK_BINARY) + " check --format json -o " + out.string() + " " + kCorpus;
  REQUIRE(std::system(command.c_str()) == 0);
  std::string score_command =
      "/usr/bin/python3 " + scorer.string() + " " + gold.string() + " " + out.string();
  FILE* pipe = popen(score_command.c_str(), "r");
  REQUIRE(pipe);
  std::string text;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) text.append(buf, n);
  pclose(pipe);
  fs::remove(out);
  INFO(text);
  CHECK(text.find("forbidden hit 0/4") != std::string::npos);
  CHECK(text.find("expected found 11/11") != std::string::npos);
}
