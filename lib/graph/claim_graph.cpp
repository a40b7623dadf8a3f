#include "graph/claim_graph.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <cctype>
#include <locale>
#include <map>
#include <sstream>
#include <unordered_map>

#include "util/ascii.h"

namespace crosscheck::internal {

namespace {

struct VertexProps {
  std::string id;     ///< document id, entity id or claim id
  std::string key;    ///< "<kind>:<id>", unique across kinds (DOT node ids)
  std::string kind;   ///< document | entity | claim
  std::string label;  ///< human-readable
};

struct EdgeProps {
  std::string
      kind;  ///< asserts | mentions | same_subject | agrees | contradicts | supersedes | quotes
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

// A qualifier that names an entity may come with its id prefix ("org:x") or
// without it ("x") depending on whether the entity was linked; both are one key.
std::string qualifier_key(const std::string& q) {
  std::string out = ascii_lowered(q);
  auto colon = out.find(':');
  if (colon != std::string::npos && colon > 0 &&
      std::all_of(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(colon),
                  [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
    out.erase(0, colon + 1);
  }
  return out;
}

// Claims that may be compared share subject, predicate and qualifier (the
// event); `type` joins them unless empty (for the bridge of unknown dates).
std::string claim_key(const Claim& c, bool with_type = true) {
  return c.subject + '\x1f' + (with_type ? ascii_lowered(c.type) : std::string()) + '\x1f' +
         ascii_lowered(c.predicate) + '\x1f' + qualifier_key(c.qualifier);
}

bool has_date(const Claim& c) {
  return (c.typed.kind == ClaimValue::Kind::kTime || c.typed.kind == ClaimValue::Kind::kState) &&
         c.typed.time.anchored();
}

}  // namespace

struct ClaimGraph::Impl {
  Graph graph;
  std::unordered_map<std::string, Vertex> by_id;
  std::vector<Vertex> claim_vertex;  ///< per Report::claims index
  /// Claims by claim key (hashed while building: fewer long-key comparisons
  /// than a map); walked in key order through `sorted`, for determinism.
  using Groups = std::unordered_map<std::string, std::vector<std::size_t>>;
  Groups by_key;
  /// Claims about one event's date, whatever their type (unknown or dated).
  Groups by_event;

  static std::vector<const Groups::value_type*> sorted(const Groups& groups) {
    std::vector<const Groups::value_type*> out;
    out.reserve(groups.size());
    for (const auto& entry : groups) out.push_back(&entry);
    std::sort(out.begin(), out.end(),
              [](const auto* x, const auto* y) { return x->first < y->first; });
    return out;
  }
  const std::vector<Claim>* claims = nullptr;
  /// False when only the index below was built (Parts::kIndex).
  bool vertices = true;

  /// Groups the claims by claim key and by event.
  void index(const std::vector<Claim>& all) {
    for (std::size_t i = 0; i < all.size(); ++i) {
      const Claim& c = all[i];
      // Quotes are compared by their own module (quote divergences).
      if (c.type == "quote") continue;
      by_key[claim_key(c)].push_back(i);
      if (c.typed.kind == ClaimValue::Kind::kUnknownTime || has_date(c)) {
        by_event[claim_key(c, false)].push_back(i);
      }
    }
    claims = &all;
  }

  Vertex add(const std::string& id, const std::string& kind, const std::string& label) {
    std::string key;
    key.reserve(kind.size() + 1 + id.size());
    key.append(kind).append(1, ':').append(id);
    auto [it, inserted] = by_id.try_emplace(key, 0);
    if (inserted)
      it->second = boost::add_vertex(VertexProps{id, std::move(key), kind, label}, graph);
    return it->second;
  }
};

ClaimGraph::ClaimGraph(const Report& report, Parts parts) : impl_(std::make_unique<Impl>()) {
  impl_->index(report.claims);
  impl_->vertices = parts == Parts::kAll;
  if (!impl_->vertices) return;
  for (const Extraction& x : report.extractions) {
    impl_->add(x.document.id, "document",
               x.document.source.empty() ? x.document.id : x.document.source);
  }
  for (const Entity& e : report.entities) {
    Vertex ev = impl_->add(e.id, "entity", e.name);
    for (const std::string& d : e.documents) {
      boost::add_edge(impl_->add(d, "document", d), ev, EdgeProps{"mentions"}, impl_->graph);
    }
  }
  impl_->claim_vertex.reserve(report.claims.size());
  // Claims come document by document: the document's vertex is looked up once.
  const std::string* last_document = nullptr;
  Vertex document_vertex = 0;
  for (std::size_t i = 0; i < report.claims.size(); ++i) {
    const Claim& c = report.claims[i];
    Vertex cv = impl_->add(c.id, "claim", c.predicate + ": " + c.value);
    impl_->claim_vertex.push_back(cv);
    if (!last_document || *last_document != c.document) {
      document_vertex = impl_->add(c.document, "document", c.document);
      last_document = &c.document;
    }
    boost::add_edge(document_vertex, cv, EdgeProps{"asserts"}, impl_->graph);
    if (auto it = impl_->by_id.find("entity:" + c.subject); it != impl_->by_id.end()) {
      boost::add_edge(cv, it->second, EdgeProps{c.type == "quote" ? "quotes" : "about"},
                      impl_->graph);
    }
  }
  for (const auto* entry : Impl::sorted(impl_->by_key)) {
    const auto& members = entry->second;
    for (std::size_t k = 1; k < members.size(); ++k) {
      boost::add_edge(impl_->claim_vertex[members[k - 1]], impl_->claim_vertex[members[k]],
                      EdgeProps{"same_subject"}, impl_->graph);
    }
  }
}

ClaimGraph::~ClaimGraph() = default;
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;

std::vector<std::vector<std::size_t>> ClaimGraph::comparable_groups() const {
  std::vector<std::vector<std::size_t>> groups;
  for (const auto* entry : Impl::sorted(impl_->by_key)) {
    if (entry->second.size() > 1) groups.push_back(entry->second);
  }
  return groups;
}

std::vector<std::vector<std::size_t>> ClaimGraph::unknown_date_bridges() const {
  std::vector<std::vector<std::size_t>> groups;
  if (!impl_->claims) return groups;
  const std::vector<Claim>& claims = *impl_->claims;
  for (const auto* entry : Impl::sorted(impl_->by_event)) {
    const auto& members = entry->second;
    std::vector<std::size_t> unknown, dated_other_type;
    for (std::size_t i : members) {
      if (claims[i].typed.kind != ClaimValue::Kind::kUnknownTime) continue;
      // Bridge only when the claim's own group offers no date to compare with.
      const auto& own = impl_->by_key.at(claim_key(claims[i]));
      bool answered = std::any_of(own.begin(), own.end(), [&](std::size_t j) {
        return claims[j].document != claims[i].document && has_date(claims[j]);
      });
      if (!answered) unknown.push_back(i);
    }
    if (unknown.empty()) continue;
    for (std::size_t i : members) {
      if (claims[i].typed.kind != ClaimValue::Kind::kState || !has_date(claims[i])) continue;
      bool other_type = std::all_of(unknown.begin(), unknown.end(), [&](std::size_t u) {
        return ascii_lowered(claims[u].type) != ascii_lowered(claims[i].type);
      });
      if (other_type) dated_other_type.push_back(i);
    }
    if (dated_other_type.empty()) continue;
    std::vector<std::size_t> group = unknown;
    group.insert(group.end(), dated_other_type.begin(), dated_other_type.end());
    std::sort(group.begin(), group.end());
    groups.push_back(std::move(group));
  }
  return groups;
}

void ClaimGraph::add_finding(const Finding& finding) {
  if (!impl_->vertices) return;
  // Claims of a contradiction are listed oldest first: each later claim
  // supersedes (or contradicts) the one before it.
  bool newer_first = finding.resolution == "superseded";
  std::string kind = finding.kind == "agreement"          ? "agrees"
                     : finding.resolution == "superseded" ? "supersedes"
                     : finding.kind == "contradiction"    ? "contradicts"
                                                          : "quotes";
  for (std::size_t k = 1; k < finding.claims.size(); ++k) {
    auto a = impl_->by_id.find("claim:" + finding.claims[k - 1]);
    auto b = impl_->by_id.find("claim:" + finding.claims[k]);
    if (a != impl_->by_id.end() && b != impl_->by_id.end()) {
      if (newer_first) {
        boost::add_edge(b->second, a->second, EdgeProps{kind}, impl_->graph);
      } else {
        boost::add_edge(a->second, b->second, EdgeProps{kind}, impl_->graph);
      }
    }
  }
}

std::string ClaimGraph::to_dot() const {
  std::ostringstream out;
  out.imbue(std::locale::classic());  // numbers as written, whatever the global locale
  boost::dynamic_properties dp;
  dp.property("node_id", boost::get(&VertexProps::key, impl_->graph));
  dp.property("id", boost::get(&VertexProps::id, impl_->graph));
  dp.property("label", boost::get(&VertexProps::label, impl_->graph));
  dp.property("kind", boost::get(&VertexProps::kind, impl_->graph));
  dp.property("label", boost::get(&EdgeProps::kind, impl_->graph));
  boost::write_graphviz_dp(out, impl_->graph, dp, "node_id");
  return out.str();
}

std::string ClaimGraph::to_graphml() const {
  std::ostringstream out;
  out.imbue(std::locale::classic());  // numbers as written, whatever the global locale
  boost::dynamic_properties dp;
  dp.property("id", boost::get(&VertexProps::id, impl_->graph));
  dp.property("label", boost::get(&VertexProps::label, impl_->graph));
  dp.property("kind", boost::get(&VertexProps::kind, impl_->graph));
  dp.property("relation", boost::get(&EdgeProps::kind, impl_->graph));
  boost::write_graphml(out, impl_->graph, dp, true);
  return out.str();
}

}  // namespace crosscheck::internal
