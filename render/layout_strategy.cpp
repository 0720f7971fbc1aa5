#include "render/layout_strategy.hpp"

namespace argmap::render {

namespace {

// Thresholds measured by bench/large_map_bench.cpp (its table shows why; see README.md).
constexpr std::size_t newrank_from = 1100;  ///< size: dot with newrank=true
constexpr std::size_t tree_from = 2000;     ///< size: place_tree positions, nop2 draws

}  // namespace

layout_plan choose_layout(std::size_t statements, std::size_t relations) {
    layout_plan plan;
    // Graphviz's own size is what counts: boxes plus the junction points of linked reasons.
    const std::size_t size = statements + relations / 8;
    if (size >= tree_from) {
        plan.engine = "nop2";
        plan.fixed_positions = true;
        plan.name = "tree";
        plan.note = "large map (" + std::to_string(statements) +
                    " statements): laid out as a tree by argmap with straight edges, not by dot, "
                    "whose time grows about quadratically with the map";
    } else if (size >= newrank_from) {
        plan.graph_attributes = {{"newrank", "true"}};
        plan.name = "dot-newrank";
        plan.note = "large map (" + std::to_string(statements) + " statements): dot with newrank=true, which ranks faster";
    }
    return plan;
}

}  // namespace argmap::render
