// Reports for people (text) and for graph tools (DOT, GraphML).
#include <locale>
#include <sstream>

#include "crosscheck/crosscheck.h"
#include "graph/claim_graph.h"
#include "report/view.h"

namespace crosscheck {
namespace {

using internal::ReportView;

// The evidence sentence in quotation marks with the claim's words in **...**.
std::string quoted(const ReportView& view, const Claim& c) {
  internal::MarkedEvidence e = view.evidence(c);
  if (e.words.empty()) return "\"" + e.before + "\"";
  return "\"" + e.before + "**" + e.words + "**" + e.after + "\"";
}

std::string source_line(const ReportView& view, const Claim& c) {
  std::string out = view.outlet(c.document) + " (" + view.date(c.document) + ")";
  if (!c.attributed_to.empty()) out += ", attributed to " + c.attributed_to;
  if (!c.modality.empty() && c.modality != "asserted") out += ", " + c.modality;
  return out;
}

void write_finding(std::ostringstream& out, const ReportView& view, const Finding& f) {
  out << "\n[" << f.id << "] " << f.summary << "\n";
  for (const Claim* c : view.finding_claims(f)) {
    out << "  - " << source_line(view, *c) << ": " << quoted(view, *c) << "\n";
  }
  if (!f.explanation.empty()) out << "  why: " << f.explanation << "\n";
  if (!f.rule.empty()) out << "  rule: " << f.rule << "\n";
}

// Articles may carry control characters (terminal escapes among them); a report
// printed to a terminal must not pass them on. C0 controls other than tab and
// line feed, DEL and the C1 range become U+FFFD.
std::string printable(std::string text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
      out += kReplacement;
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += kReplacement;
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string to_text(const Report& report) {
  ReportView view(report);
  std::ostringstream out;
  out.imbue(std::locale::classic());  // numbers as written, whatever the global locale
  out << "crosscheck report: " << report.extractions.size() << " documents, "
      << report.claims.size() << " claims, " << report.findings.size() << " findings\n";
  out << "\nSources:\n";
  for (const Extraction& x : report.extractions) {
    out << "  " << x.document.id << ": " << view.outlet(x.document.id) << ", "
        << view.date(x.document.id);
    if (!x.document.title.empty()) out << ", \"" << x.document.title << "\"";
    out << "\n";
  }
  struct Group {
    const char* kind;
    const char* resolution;
    const char* heading;
  };
  const Group kGroups[] = {
      {"contradiction", "unresolved", "Contradictions (unresolved)"},
      {"contradiction", "superseded",
       "Superseded (a later report changes the story; newest first)"},
      {"quote_divergence", nullptr, "Quotes worded differently"},
      {"agreement", nullptr, "Agreements"},
  };
  for (const Group& g : kGroups) {
    bool any = false;
    for (const Finding& f : report.findings) {
      if (f.kind != g.kind) continue;
      if (g.resolution && f.resolution != g.resolution &&
          !(f.resolution.empty() && g.resolution[0] == 'u'))
        continue;
      if (!any) out << "\n== " << g.heading << " ==\n";
      any = true;
      write_finding(out, view, f);
    }
  }
  auto single = view.single_source();
  if (!single.empty()) {
    out << "\n== Single-source claims (no other source speaks to them) ==\n";
    std::string current;
    for (const Claim* c : single) {
      if (c->document != current) {
        current = c->document;
        out << "\n" << view.outlet(current) << " (" << view.date(current) << "):\n";
      }
      std::string what =
          (c->subject_name.empty() ? c->subject : c->subject_name) + " " + c->predicate;
      out << "  - " << what << ": " << c->value << " -- " << quoted(view, *c) << "\n";
    }
  }
  return printable(out.str());
}

std::string to_dot(const Report& report) {
  internal::ClaimGraph graph(report);
  for (const Finding& f : report.findings) graph.add_finding(f);
  return graph.to_dot();
}

std::string to_graphml(const Report& report) {
  internal::ClaimGraph graph(report);
  for (const Finding& f : report.findings) graph.add_finding(f);
  return graph.to_graphml();
}

}  // namespace crosscheck
