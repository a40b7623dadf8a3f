#include "report/view.h"

#include <algorithm>
#include <set>

#include "compare/rules.h"
#include "util/date.h"

namespace crosscheck::internal {

namespace {

// Collapses runs of whitespace (line breaks inside sentences) to one space.
std::string fold_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

}  // namespace

std::string iso_day(std::int32_t day) { return format_iso(civil_from_days(day)); }

ReportView::ReportView(const Report& report) : report_(report), context_(report) {
  for (const Claim& c : report.claims) claims_.emplace(c.id, &c);
  for (const Extraction& x : report.extractions) documents_.emplace(x.document.id, &x);
}

const Claim* ReportView::claim(const std::string& id) const {
  auto it = claims_.find(id);
  return it == claims_.end() ? nullptr : it->second;
}

const Document* ReportView::document(const std::string& id) const {
  auto it = documents_.find(id);
  return it == documents_.end() ? nullptr : &it->second->document;
}

std::string ReportView::outlet(const std::string& id) const {
  const Document* d = document(id);
  return d && !d->source.empty() ? d->source : id;
}

std::string ReportView::date(const std::string& id) const {
  auto it = documents_.find(id);
  if (it == documents_.end()) return "undated";
  const Extraction& x = *it->second;
  if (!x.document.published.empty()) return x.document.published;
  if (x.published_inferred) return x.published_inferred->value + " (inferred)";
  return "undated";
}

std::optional<std::int32_t> ReportView::day(const Claim& claim) const {
  // The comparison's notion of time, so reports and verdicts agree.
  When w = context_.when(claim);
  if (!w.known()) return std::nullopt;
  return w.day;
}

MarkedEvidence ReportView::evidence(const Claim& c) const {
  MarkedEvidence out;
  std::string_view sentence = c.evidence;
  const Document* d = document(c.document);
  if (sentence.empty() && d && c.evidence_span.end <= d->text.size() && !c.evidence_span.empty()) {
    sentence = std::string_view(d->text).substr(c.evidence_span.begin,
                                                c.evidence_span.end - c.evidence_span.begin);
  }
  const Span& ev = c.evidence_span;
  bool inside = !c.span.empty() && c.span.begin >= ev.begin && c.span.end <= ev.end &&
                ev.end - ev.begin == sentence.size();
  if (!inside) {
    out.before = fold_space(sentence);
    return out;
  }
  std::size_t b = c.span.begin - ev.begin, e = c.span.end - ev.begin;
  // Keep leading/trailing spaces around the marked words.
  auto keep_edges = [](std::string_view s, std::string folded) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\n')) folded.insert(folded.begin(), ' ');
    if (!s.empty() && (s.back() == ' ' || s.back() == '\n') && !folded.empty() &&
        folded.back() != ' ') {
      folded += ' ';
    }
    return folded;
  };
  out.before = keep_edges(sentence.substr(0, b), fold_space(sentence.substr(0, b)));
  if (!out.before.empty() && out.before.front() == ' ') out.before.erase(0, 1);
  out.words = fold_space(sentence.substr(b, e - b));
  out.after = keep_edges(sentence.substr(e), fold_space(sentence.substr(e)));
  if (!out.after.empty() && out.after.back() == ' ') out.after.pop_back();
  return out;
}

std::vector<const Claim*> ReportView::single_source() const {
  std::set<std::string> in_finding;
  for (const Finding& f : report_.findings) in_finding.insert(f.claims.begin(), f.claims.end());
  std::vector<const Claim*> out;
  for (const Claim& c : report_.claims) {
    if (c.type != "quote" && !in_finding.count(c.id)) out.push_back(&c);
  }
  return out;
}

std::vector<const Claim*> ReportView::timeline() const {
  std::vector<std::pair<std::optional<std::int32_t>, const Claim*>> items;
  for (const Claim& c : report_.claims) {
    bool lifecycle = c.typed.kind == ClaimValue::Kind::kState ||
                     c.typed.kind == ClaimValue::Kind::kUnknownTime || c.type == "lifecycle";
    if (!lifecycle) continue;
    When w = context_.when(c);
    items.emplace_back(w.known() ? std::optional<std::int32_t>(w.day) : std::nullopt, &c);
  }
  std::stable_sort(items.begin(), items.end(), [](const auto& x, const auto& y) {
    if (x.first.has_value() != y.first.has_value()) return x.first.has_value();
    return x.first && *x.first < *y.first;
  });
  std::vector<const Claim*> out;
  for (const auto& [d, c] : items) out.push_back(c);
  return out;
}

std::vector<const Claim*> ReportView::finding_claims(const Finding& f) const {
  std::vector<const Claim*> out;
  for (const std::string& id : f.claims) {
    if (const Claim* c = claim(id)) out.push_back(c);
  }
  // Contradictions list claims oldest first; show the newest state first.
  if (f.kind == "contradiction" && f.resolution == "superseded")
    std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace crosscheck::internal
