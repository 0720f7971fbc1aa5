#pragma once
// The global decision of reconstruction: of all the trees that the scored candidate edges allow,
// the one with the highest total score (a maximum spanning arborescence, Chu-Liu/Edmonds).

#include <cstddef>
#include <vector>

namespace argmap::engine {

/// `child` attaches to `parent` with this score (a log-probability, or any additive score).
struct scored_edge {
    std::size_t child = 0;
    std::size_t parent = 0;
    double score = 0.0;
};

inline constexpr std::size_t no_parent = static_cast<std::size_t>(-1);

/// The best tree over nodes 0..n-1 rooted at `root`: every other node gets exactly one parent
/// among the edges given, there are no cycles, and the sum of the chosen edges' scores is the
/// highest possible. Returns each node's parent (`no_parent` for the root, and for a node no
/// chain of edges connects to the root). Edges out of range or into the root are ignored.
[[nodiscard]] std::vector<std::size_t> best_tree(std::size_t n, std::size_t root, const std::vector<scored_edge>& edges);

}  // namespace argmap::engine
