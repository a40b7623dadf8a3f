#include "graph/claim_graph.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <map>
#include <sstream>
#include <unordered_map>

namespace crosscheck::internal {

namespace {

struct VertexProps {
  std::string id;     ///< document id, entity id or claim id
  std::string kind;   ///< document | entity | claim
  std::string label;  ///< human-readable
};

struct EdgeProps {
  std::string kind;  ///< asserts | mentions | same_subject | agrees | contradicts | supersedes | quotes
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

// Claims that may be compared share subject, type, predicate and qualifier.
std::string claim_key(const Claim& c) {
  return c.subject + '\x1f' + c.type + '\x1f' + c.predicate + '\x1f' + c.qualifier;
}

}  // namespace

struct ClaimGraph::Impl {
  Graph graph;
  std::unordered_map<std::string, Vertex> by_id;
  std::vector<Vertex> claim_vertex;                  ///< per Report::claims index
  std::map<std::string, std::vector<std::size_t>> by_key;  ///< ordered for determinism

  Vertex add(const std::string& id, const std::string& kind, const std::string& label) {
    auto [it, inserted] = by_id.try_emplace(kind + ':' + id, 0);
    if (inserted) it->second = boost::add_vertex(VertexProps{id, kind, label}, graph);
    return it->second;
  }
};

ClaimGraph::ClaimGraph(const Report& report) : impl_(std::make_unique<Impl>()) {
  for (const Extraction& x : report.extractions) {
    impl_->add(x.document.id, "document", x.document.source.empty() ? x.document.id : x.document.source);
  }
  for (const Entity& e : report.entities) {
    Vertex ev = impl_->add(e.id, "entity", e.name);
    for (const std::string& d : e.documents) {
      boost::add_edge(impl_->add(d, "document", d), ev, EdgeProps{"mentions"}, impl_->graph);
    }
  }
  for (std::size_t i = 0; i < report.claims.size(); ++i) {
    const Claim& c = report.claims[i];
    Vertex cv = impl_->add(c.id, "claim", c.predicate + ": " + c.value);
    impl_->claim_vertex.push_back(cv);
    boost::add_edge(impl_->add(c.document, "document", c.document), cv, EdgeProps{"asserts"},
                    impl_->graph);
    if (auto it = impl_->by_id.find("entity:" + c.subject); it != impl_->by_id.end()) {
      boost::add_edge(cv, it->second, EdgeProps{"about"}, impl_->graph);
    }
    impl_->by_key[claim_key(c)].push_back(i);
  }
  for (const auto& [key, members] : impl_->by_key) {
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
  for (const auto& [key, members] : impl_->by_key) {
    if (members.size() > 1) groups.push_back(members);
  }
  return groups;
}

void ClaimGraph::add_finding(const Finding& finding) {
  std::string kind = finding.kind == "agreement"        ? "agrees"
                     : finding.resolution == "superseded" ? "supersedes"
                     : finding.kind == "contradiction"  ? "contradicts"
                                                        : "quotes";
  for (std::size_t k = 1; k < finding.claims.size(); ++k) {
    auto a = impl_->by_id.find("claim:" + finding.claims[k - 1]);
    auto b = impl_->by_id.find("claim:" + finding.claims[k]);
    if (a != impl_->by_id.end() && b != impl_->by_id.end()) {
      boost::add_edge(a->second, b->second, EdgeProps{kind}, impl_->graph);
    }
  }
}

std::string ClaimGraph::to_dot() const {
  std::ostringstream out;
  boost::dynamic_properties dp;
  dp.property("node_id", boost::get(&VertexProps::id, impl_->graph));
  dp.property("label", boost::get(&VertexProps::label, impl_->graph));
  dp.property("kind", boost::get(&VertexProps::kind, impl_->graph));
  dp.property("label", boost::get(&EdgeProps::kind, impl_->graph));
  boost::write_graphviz_dp(out, impl_->graph, dp, "node_id");
  return out.str();
}

std::string ClaimGraph::to_graphml() const {
  std::ostringstream out;
  boost::dynamic_properties dp;
  dp.property("id", boost::get(&VertexProps::id, impl_->graph));
  dp.property("label", boost::get(&VertexProps::label, impl_->graph));
  dp.property("kind", boost::get(&VertexProps::kind, impl_->graph));
  dp.property("relation", boost::get(&EdgeProps::kind, impl_->graph));
  boost::write_graphml(out, impl_->graph, dp, true);
  return out.str();
}

}  // namespace crosscheck::internal
