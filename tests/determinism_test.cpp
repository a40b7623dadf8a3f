// The same inputs give byte-identical output whatever the thread count, the
// locale or the time zone.
#include <doctest/doctest.h>

#include <string>

#include "run_support.h"

using test_support::run_checker;
using test_support::shell_quote;

TEST_CASE("check and extract output is byte-identical across threads, locales and time zones") {
  test_support::ScratchDir dir;
  const std::string sample = std::string(CROSSCHECK_SOURCE_DIR) + "/examples/nato-amman.jsonl";
  // More documents than threads, so work is really spread: the sample plus
  // its articles again under other ids, as HTML and text files.
  const std::string extra =
      dir.write("more/extra.jsonl",
                "{\"id\":\"x1\",\"text\":\"The office opened on Dec. 14, "
                "2025, the U.S. envoy said.\",\"published\":\"2025-12-15\"}\n");
  dir.write("more/page.html", "<p>Istanbul &amp; Ankara: the istanbul office is İSTANBUL's.</p>");
  const std::string inputs = shell_quote(sample) + " " + shell_quote(dir.path("more"));

  for (const std::string command :
       {"check --format json", "check --format text", "check --format graphml", "extract"}) {
    CAPTURE(command);
    auto base = run_checker(command + " --threads 1 " + inputs, "LC_ALL=C TZ=UTC");
    REQUIRE(base.status == 0);
    REQUIRE(!base.out.empty());
    struct Variant {
      const char* threads;
      const char* env;
    };
    for (const Variant v :
         {Variant{"4", "LC_ALL=C TZ=UTC"}, Variant{"3", "LC_ALL=C.UTF-8 TZ=Asia/Tokyo"},
          Variant{"1", "LC_ALL=tr_TR.UTF-8 LANG=tr_TR.UTF-8 TZ=America/St_Johns"},
          Variant{"0", "LANG=de_DE.UTF-8 LC_ALL= TZ=Pacific/Kiritimati"}}) {
      CAPTURE(v.env);
      auto other = run_checker(command + " --threads " + v.threads + " " + inputs, v.env);
      REQUIRE(other.status == 0);
      CHECK(other.out == base.out);
    }
  }
}
