#pragma once
// Choosing how Graphviz lays out a map from its size: plain `dot` for ordinary maps, faster
// settings (or another layout engine) above the size where `dot` gets slow.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace argmap::render {

struct layout_plan {
    std::string engine = "dot";  ///< the Graphviz layout engine ("dot", "twopi", ...)
    /// Graph attributes added to the DOT (dot_options::graph_attributes).
    std::vector<std::pair<std::string, std::string>> graph_attributes;
    /// Positions come from render::place_tree (dot_options::fixed_layout), the engine only draws.
    bool fixed_positions = false;
    std::string name = "dot";    ///< short name of the plan, for tables and tests
    std::string note;            ///< one line for standard error when the plan is not plain dot, else ""
};

/// The layout for a map of `statements` boxes and `relations` relations (see the thresholds in
/// layout_strategy.cpp and bench/large_map_bench.cpp, which measures them).
[[nodiscard]] layout_plan choose_layout(std::size_t statements, std::size_t relations);

}  // namespace argmap::render
