// Opens the HTML report in a real browser (headless Chromium from Debian) and
// checks what a reader sees: the layout puts a finding's evidence side by
// side, claim words are highlighted, the timeline is in date order, and the
// page loads nothing from anywhere. Skipped (ctest SKIP) without Chromium.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "report_fixture.h"

using namespace crosscheck;
using namespace crosscheck::testing;

namespace {

namespace fs = std::filesystem;

std::string chromium() {
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (::access(path, X_OK) == 0) return path;
  }
  return {};
}

// Measures the rendered page and writes the figures as JSON into the DOM. The
// probe is appended to a copy of the report for the test only: the report
// itself carries no script.
constexpr const char* kProbe = R"js(
<script>
(function () {
  const out = {};
  const grid = document.querySelector('#f1 .evidence-grid');
  const boxes = grid ? Array.from(grid.querySelectorAll('.evidence')) : [];
  out.evidence = boxes.length;
  if (boxes.length >= 2) {
    const a = boxes[0].getBoundingClientRect(), b = boxes[1].getBoundingClientRect();
    out.side_by_side = Math.abs(a.top - b.top) < 2 && b.left >= a.right - 1 && a.width > 100;
  }
  const mark = document.querySelector('#f1 mark');
  out.mark_text = mark ? mark.textContent : null;
  out.mark_background = mark ? getComputedStyle(mark).backgroundColor : null;
  out.timeline = Array.from(document.querySelectorAll('ol.timeline time')).map(t => t.getAttribute('datetime'));
  out.sections = Array.from(document.querySelectorAll('main > section')).map(s => s.id);
  out.findings = document.querySelectorAll('article.finding').length;
  out.visible_height = document.body.scrollHeight;
  out.resources = performance.getEntriesByType('resource').length;
  out.scripts = document.scripts.length;
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
)js";

}  // namespace

TEST_CASE("the HTML report renders in headless Chromium") {
  const std::string browser = chromium();
  if (browser.empty()) {
    MESSAGE("SKIPPED: chromium is not installed");
    return;
  }
  fs::path dir = fs::temp_directory_path() / ("crosscheck-html-test-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "profile");
  std::string html = to_html(sample_report());
  auto body_end = html.rfind("</body>");
  REQUIRE(body_end != std::string::npos);
  html.insert(body_end, kProbe);
  {
    std::ofstream out(dir / "report.html", std::ios::binary);
    out << html;
  }
  const std::string flags =
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking"
      " --disable-component-update --disable-sync --window-size=1280,1800 --user-data-dir=" +
      (dir / "profile").string();
  Run dom = run("timeout 120 " + browser + flags + " --dump-dom file://" +
                (dir / "report.html").string() + " 2>/dev/null");
  REQUIRE(dom.status == 0);
  auto at = dom.out.find("<pre id=\"probe\">");
  REQUIRE_MESSAGE(at != std::string::npos, dom.out.substr(0, 400));
  at += std::string("<pre id=\"probe\">").size();
  std::string payload = dom.out.substr(at, dom.out.find("</pre>", at) - at);
  // The DOM serialiser escapes &, < and > in text; the probe's JSON has only &quot;-free text.
  for (std::string from : {"&amp;", "&lt;", "&gt;"}) {
    std::string to = from == "&amp;" ? "&" : from == "&lt;" ? "<" : ">";
    for (std::size_t p = payload.find(from); p != std::string::npos;
         p = payload.find(from, p + 1)) {
      payload.replace(p, from.size(), to);
    }
  }
  auto probe = nlohmann::json::parse(payload);
  INFO(probe.dump());
  CHECK(probe["findings"] == 3);
  CHECK(probe["evidence"] == 2);
  CHECK(probe["side_by_side"] == true);
  CHECK(probe["mark_text"] == "September 16, 2025");
  CHECK(probe["mark_background"] != "rgba(0, 0, 0, 0)");
  CHECK(probe["timeline"] == nlohmann::json::array({"2024-07-10", "2024-07-12", "2025-09-16"}));
  CHECK(probe["sections"] ==
        nlohmann::json::array({"sources", "timeline", "contradictions", "superseded", "quotes",
                               "agreements", "single-source"}));
  CHECK(probe["resources"] == 0);
  CHECK(probe["scripts"] == 1);  // the probe alone
  CHECK(probe["visible_height"] > 600);

  // A screenshot renders too (a real paint, not just a parse).
  Run shot = run("cd " + dir.string() + " && timeout 120 " + browser + flags +
                 " --screenshot=" + (dir / "shot.png").string() + " file://" +
                 (dir / "report.html").string() + " >/dev/null 2>&1");
  CHECK(shot.status == 0);
  CHECK((fs::exists(dir / "shot.png") && fs::file_size(dir / "shot.png") > 10000));
  // CROSSCHECK_KEEP_HTML_TEST=DIR keeps the page and screenshot for a look.
  if (const char* keep = std::getenv("CROSSCHECK_KEEP_HTML_TEST")) {
    fs::copy(dir / "report.html", fs::path(keep) / "report.html",
             fs::copy_options::overwrite_existing);
    fs::copy(dir / "shot.png", fs::path(keep) / "shot.png", fs::copy_options::overwrite_existing);
  }
  fs::remove_all(dir);
}
