// The claim graph: documents, entities and claims as vertices (Boost.Graph).
#ifndef CROSSCHECK_LIB_GRAPH_CLAIM_GRAPH_H_
#define CROSSCHECK_LIB_GRAPH_CLAIM_GRAPH_H_

#include <memory>
#include <string>
#include <vector>

#include "crosscheck/types.h"

namespace crosscheck::internal {

/// Opaque wrapper; Boost types stay inside lib/graph.
class ClaimGraph {
 public:
  /// What to build: the vertices and edges as well (to render the graph), or
  /// only the claim-key index that comparison reads.
  enum class Parts { kAll, kIndex };
  /// Builds vertices for the report's documents, entities and claims, with
  /// asserts / mentions / same-subject edges; claims are linked through an
  /// index on their key, not by comparing all pairs.
  explicit ClaimGraph(const Report& report, Parts parts = Parts::kAll);
  ~ClaimGraph();
  ClaimGraph(ClaimGraph&&) noexcept;

  /// Groups of claim indices (into Report::claims) that share a claim key:
  /// candidates for comparison, each group in claim order.
  std::vector<std::vector<std::size_t>> comparable_groups() const;
  /// Groups pairing claims that say an event's date is unknown with dated
  /// lifecycle claims (another claim type) about the same subject, predicate
  /// and qualifier, when the unknown date's own group has no date.
  std::vector<std::vector<std::size_t>> unknown_date_bridges() const;
  /// Records a verdict as edges between its claims (none with Parts::kIndex).
  void add_finding(const Finding& finding);
  /// Graphviz DOT and GraphML renderings (Boost's writers).
  std::string to_dot() const;
  std::string to_graphml() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_GRAPH_CLAIM_GRAPH_H_
