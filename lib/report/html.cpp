// One self-contained HTML page for journalists: findings with the evidence
// side by side, a timeline of the story's states, highlighted claim words.
// No scripts, fonts, images or style sheets are loaded from anywhere.
#include <locale>
#include <sstream>

#include "crosscheck/crosscheck.h"
#include "report/view.h"

namespace crosscheck {
namespace {

using internal::ReportView;

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string words(std::string s) {
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  return s;
}

constexpr const char* kStyle = R"css(
:root { --ink:#1d232b; --muted:#5b6673; --line:#d9dee4; --bg:#f6f7f9;
  --red:#b42318; --amber:#a15c07; --green:#1b7f3b; --blue:#1f5fbf; --mark:#fff0a8; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); }
header, main { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { margin: 0 0 4px; font-size: 28px; }
h2 { margin: 32px 0 12px; font-size: 21px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { margin: 0 0 10px; font-size: 17px; }
.counts { color: var(--muted); margin: 0 0 8px; }
nav a { margin-right: 14px; color: var(--blue); }
table.sources { border-collapse: collapse; width: 100%; background: #fff; }
table.sources td, table.sources th { border: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
.finding { background:#fff; border:1px solid var(--line); border-left:6px solid var(--muted); border-radius:6px; padding:14px 16px; margin:0 0 16px; }
.finding.contradiction.unresolved { border-left-color: var(--red); }
.finding.contradiction.superseded { border-left-color: var(--amber); }
.finding.agreement { border-left-color: var(--green); }
.finding.quote_divergence { border-left-color: var(--blue); }
.badge { display:inline-block; font-size:12px; font-weight:600; text-transform:uppercase; letter-spacing:.04em;
  color:#fff; background:var(--muted); border-radius:3px; padding:1px 6px; margin-right:8px; vertical-align:2px; }
.unresolved .badge { background: var(--red); } .superseded .badge { background: var(--amber); }
.agreement .badge { background: var(--green); } .quote_divergence .badge { background: var(--blue); }
.evidence-grid { display:grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap:12px; }
.evidence { border:1px solid var(--line); border-radius:4px; padding:10px 12px; background:#fbfcfd; }
.evidence .outlet { font-weight:600; } .evidence .date, .evidence .meta { color:var(--muted); font-size:14px; }
.evidence .newest { color: var(--amber); font-weight:600; font-size:13px; }
blockquote { margin:8px 0 0; padding:0 0 0 10px; border-left:3px solid var(--line); }
mark { background: var(--mark); padding: 0 2px; border-radius: 2px; }
.value { margin-top:6px; font-size:14px; } .value code { background:#eef1f4; padding:0 4px; border-radius:3px; }
.explanation { margin:10px 0 0; } .rule { margin:4px 0 0; color:var(--muted); font-size:14px; }
ol.timeline { list-style:none; margin:0; padding:0 0 0 18px; border-left:3px solid var(--line); }
ol.timeline li { position:relative; margin:0 0 14px; padding-left:12px; }
ol.timeline li::before { content:""; position:absolute; left:-27px; top:6px; width:14px; height:14px; border-radius:50%;
  background:#fff; border:3px solid var(--blue); }
ol.timeline time { font-weight:600; margin-right:8px; } .state-name { font-weight:600; color: var(--blue); }
.subject { font-weight:600; } .meta { color: var(--muted); font-size: 14px; }
details { background:#fff; border:1px solid var(--line); border-radius:6px; padding:8px 12px; margin-bottom:10px; }
summary { cursor:pointer; font-weight:600; }
.empty { color: var(--muted); }
footer { max-width:1180px; margin: 40px auto 24px; padding: 0 20px; color: var(--muted); font-size: 13px; }
)css";

void write_sentence(std::ostringstream& out, const ReportView& view, const Claim& c) {
  internal::MarkedEvidence e = view.evidence(c);
  out << "<blockquote>" << escape(e.before);
  if (!e.words.empty()) out << "<mark>" << escape(e.words) << "</mark>" << escape(e.after);
  out << "</blockquote>";
}

void write_evidence(std::ostringstream& out, const ReportView& view, const Claim& c, bool newest) {
  out << "<div class=\"evidence\" data-claim=\"" << escape(c.id) << "\" data-document=\""
      << escape(c.document) << "\">";
  out << "<div class=\"outlet\">" << escape(view.outlet(c.document)) << "</div>";
  out << "<div class=\"date\">" << escape(view.date(c.document)) << "</div>";
  if (newest) out << "<div class=\"newest\">latest report</div>";
  std::string meta;
  if (!c.attributed_to.empty()) meta += "attributed to " + c.attributed_to;
  if (!c.modality.empty() && c.modality != "asserted")
    meta += (meta.empty() ? "" : ", ") + c.modality;
  if (c.polarity == "negative") meta += (meta.empty() ? "" : ", ") + std::string("negated");
  if (!meta.empty()) out << "<div class=\"meta\">" << escape(meta) << "</div>";
  write_sentence(out, view, c);
  out << "<div class=\"value\">" << escape(words(c.predicate)) << ": <code>" << escape(c.value)
      << "</code></div>";
  out << "</div>";
}

void write_finding(std::ostringstream& out, const ReportView& view, const Finding& f) {
  std::string label = f.kind == "agreement"          ? "agreement"
                      : f.kind == "quote_divergence" ? "quote differs"
                      : f.resolution.empty()         ? "unresolved"
                                                     : f.resolution;
  out << "<article class=\"finding " << escape(f.kind) << " "
      << escape(f.resolution.empty() ? f.kind : f.resolution) << "\" id=\"" << escape(f.id)
      << "\">\n";
  out << "<h3><span class=\"badge\">" << escape(label) << "</span>" << escape(f.summary)
      << "</h3>\n";
  out << "<div class=\"evidence-grid\">";
  auto claims = view.finding_claims(f);
  bool superseded = f.kind == "contradiction" && f.resolution == "superseded";
  for (std::size_t i = 0; i < claims.size(); ++i)
    write_evidence(out, view, *claims[i], superseded && i == 0);
  out << "</div>\n";
  if (!f.explanation.empty())
    out << "<p class=\"explanation\">" << escape(f.explanation) << "</p>\n";
  if (!f.rule.empty()) out << "<p class=\"rule\">rule: <code>" << escape(f.rule) << "</code></p>\n";
  out << "</article>\n";
}

}  // namespace

std::string to_html(const Report& report) {
  ReportView view(report);
  std::size_t unresolved = 0, superseded = 0, agreements = 0, quotes = 0;
  for (const Finding& f : report.findings) {
    if (f.kind == "contradiction") (f.resolution == "superseded" ? superseded : unresolved)++;
    if (f.kind == "agreement") ++agreements;
    if (f.kind == "quote_divergence") ++quotes;
  }
  std::ostringstream out;
  out.imbue(std::locale::classic());  // numbers as written, whatever the global locale
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>crosscheck report</title><style>"
      << kStyle << "</style></head>\n<body>\n<header>\n<h1>crosscheck report</h1>\n";
  out << "<p class=\"counts\" id=\"counts\">" << report.extractions.size() << " sources, "
      << report.claims.size() << " claims: <span data-count=\"unresolved\">" << unresolved
      << " unresolved contradictions</span>, "
      << "<span data-count=\"superseded\">" << superseded << " superseded</span>, "
      << "<span data-count=\"quote_divergence\">" << quotes << " quotes worded differently</span>, "
      << "<span data-count=\"agreement\">" << agreements << " agreements</span></p>\n";
  out << "<nav><a href=\"#sources\">Sources</a><a href=\"#timeline\">Timeline</a>"
         "<a href=\"#contradictions\">Contradictions</a><a href=\"#superseded\">Superseded</a>"
         "<a href=\"#quotes\">Quotes</a><a href=\"#agreements\">Agreements</a>"
         "<a href=\"#single-source\">Single-source</a></nav>\n</header>\n<main>\n";

  out << "<section id=\"sources\"><h2>Sources</h2>\n<table "
         "class=\"sources\"><thead><tr><th>Outlet</th><th>Date</th>"
         "<th>Title</th><th>Document</th></tr></thead><tbody>\n";
  for (const Extraction& x : report.extractions) {
    const Document& d = x.document;
    out << "<tr data-document=\"" << escape(d.id) << "\"><td>" << escape(view.outlet(d.id))
        << "</td><td>" << escape(view.date(d.id)) << "</td><td>" << escape(d.title) << "</td><td>"
        << escape(d.id);
    if (!d.url.empty()) out << "<br><span class=\"meta\">" << escape(d.url) << "</span>";
    out << "</td></tr>\n";
  }
  out << "</tbody></table></section>\n";

  out << "<section id=\"timeline\"><h2>Timeline of the story</h2>\n";
  auto timeline = view.timeline();
  if (timeline.empty()) {
    out << "<p class=\"empty\">No source reports a state of the story.</p>\n";
  } else {
    out << "<ol class=\"timeline\">\n";
    for (const auto& entry : timeline) {
      const Claim* c = entry.claim;
      auto day = entry.day;
      std::string state = c->typed.kind == ClaimValue::Kind::kUnknownTime ? "date not known"
                          : !c->typed.state.empty()                       ? words(c->typed.state)
                                                                          : c->value;
      out << "<li class=\"state\" data-claim=\"" << escape(c->id) << "\">";
      out << "<time" << (day ? " datetime=\"" + internal::iso_day(*day) + "\"" : "") << ">"
          << (entry.event_dated && !c->typed.time_value.empty() ? escape(c->typed.time_value)
              : day                                             ? internal::iso_day(*day)
                                                                : std::string("undated"))
          << "</time>";
      out << "<span class=\"subject\">"
          << escape(c->subject_name.empty() ? c->subject : c->subject_name)
          << "</span>: <span class=\"state-name\">" << escape(state) << "</span> &middot; "
          << (entry.event_dated ? "reported by " : "") << escape(view.outlet(c->document)) << " ("
          << escape(view.date(c->document)) << ")";
      if (entry.repeats) {
        out << " <span class=\"meta\">(+" << entry.repeats << " more mention"
            << (entry.repeats == 1 ? "" : "s") << " in this report)</span>";
      }
      write_sentence(out, view, *c);
      out << "</li>\n";
    }
    out << "</ol>\n";
  }
  out << "</section>\n";

  struct Section {
    const char* id;
    const char* heading;
    const char* kind;
    const char* resolution;
    const char* none;
  };
  const Section kSections[] = {
      {"contradictions", "Contradictions", "contradiction", "unresolved",
       "No unresolved contradictions."},
      {"superseded", "Superseded: a later report changes the story", "contradiction", "superseded",
       "Nothing superseded."},
      {"quotes", "Quotes worded differently", "quote_divergence", nullptr,
       "No quote is worded differently."},
      {"agreements", "Agreements", "agreement", nullptr, "No agreements."},
  };
  for (const Section& s : kSections) {
    out << "<section id=\"" << s.id << "\"><h2>" << s.heading << "</h2>\n";
    bool any = false;
    for (const Finding& f : report.findings) {
      if (f.kind != s.kind) continue;
      if (s.resolution &&
          !(f.resolution == s.resolution || (f.resolution.empty() && s.resolution[0] == 'u'))) {
        continue;
      }
      any = true;
      write_finding(out, view, f);
    }
    if (!any) out << "<p class=\"empty\">" << s.none << "</p>\n";
    out << "</section>\n";
  }

  out << "<section id=\"single-source\"><h2>Single-source claims</h2>\n";
  auto single = view.single_source();
  if (single.empty())
    out << "<p class=\"empty\">Every claim is backed or challenged by another source.</p>\n";
  for (std::size_t i = 0; i < single.size();) {
    const std::string& doc = single[i]->document;
    std::size_t j = i;
    while (j < single.size() && single[j]->document == doc) ++j;
    out << "<details data-document=\"" << escape(doc) << "\"><summary>" << escape(view.outlet(doc))
        << " (" << escape(view.date(doc)) << "): " << (j - i) << " claim" << (j - i == 1 ? "" : "s")
        << " no other source makes</summary>\n<ul>\n";
    for (; i < j; ++i) {
      const Claim& c = *single[i];
      out << "<li class=\"single\" data-claim=\"" << escape(c.id) << "\"><strong>"
          << escape(c.subject_name.empty() ? c.subject : c.subject_name) << "</strong> "
          << escape(words(c.predicate)) << ": <code>" << escape(c.value) << "</code>";
      write_sentence(out, view, c);
      out << "</li>\n";
    }
    out << "</ul></details>\n";
  }
  out << "</section>\n</main>\n<footer>crosscheck " << escape(CROSSCHECK_VERSION)
      << ": claims are machine-extracted; check the quoted evidence before "
         "publishing.</footer>\n</body></html>\n";
  return out.str();
}

}  // namespace crosscheck
