// Reports for people (text) and for graph tools (DOT, GraphML).
#include <map>
#include <sstream>

#include "crosscheck/crosscheck.h"
#include "graph/claim_graph.h"

namespace crosscheck {
namespace {

const Document* find_document(const Report& r, const std::string& id) {
  for (const Extraction& x : r.extractions) {
    if (x.document.id == id) return &x.document;
  }
  return nullptr;
}

std::string outlet(const Document& d) {
  std::string name = !d.source.empty() ? d.source : d.id;
  return name + " (" + (d.published.empty() ? "undated" : d.published) + ")";
}

}  // namespace

std::string to_text(const Report& report) {
  std::map<std::string, const Claim*> claims;
  for (const Claim& c : report.claims) claims[c.id] = &c;
  std::ostringstream out;
  out << "crosscheck report: " << report.extractions.size() << " documents, " << report.claims.size()
      << " claims, " << report.findings.size() << " findings\n";
  const std::pair<const char*, const char*> kGroups[] = {
      {"contradiction", "Contradictions"}, {"quote_divergence", "Quotes worded differently"},
      {"agreement", "Agreements"}};
  for (const auto& [kind, heading] : kGroups) {
    bool any = false;
    for (const Finding& f : report.findings) {
      if (f.kind != kind) continue;
      if (!any) out << "\n== " << heading << " ==\n";
      any = true;
      out << "\n[" << f.id << "] " << f.summary;
      if (!f.resolution.empty()) out << " (" << f.resolution << ")";
      out << "\n";
      for (const std::string& id : f.claims) {
        auto it = claims.find(id);
        if (it == claims.end()) continue;
        const Claim& c = *it->second;
        const Document* d = find_document(report, c.document);
        out << "  - " << (d ? outlet(*d) : c.document) << ": \"" << c.evidence << "\"\n";
      }
      if (!f.rule.empty()) out << "  rule: " << f.rule << "\n";
    }
  }
  return out.str();
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
