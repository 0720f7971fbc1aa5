#pragma once
// A layered tree layout computed here, in linear time, for maps too large for Graphviz's dot
// (whose x-coordinate phase grows about quadratically with the map): every statement hangs
// under the statement its strongest outgoing relation points at, each subtree gets its own
// horizontal band, parents are centred over their children, and each depth is one row. The
// DOT then carries the positions and Graphviz's "nop2" engine only draws (straight edges).

#include <cstddef>
#include <vector>

#include "engine/model.hpp"

namespace argmap::render {

struct box_size {
    double width = 0;   ///< points
    double height = 0;  ///< points
};

struct point {
    double x = 0;  ///< points, Graphviz's orientation (y grows upwards)
    double y = 0;
    bool operator==(const point&) const = default;
};

struct tree_placement {
    std::vector<point> statements;  ///< per statement: the centre of its box
    std::vector<point> junctions;   ///< per relation: where its junction point would go
    double top = 0;                 ///< highest box edge
    double bottom = 0;              ///< lowest box edge
    double right = 0;               ///< rightmost box edge (the leftmost is 0)
};

struct tree_spacing {
    double column_gap = 22;  ///< between neighbouring subtrees, points
    double row_gap = 46;     ///< between rows, points
};

/// Positions for every statement (boxes of the given sizes, one per statement) and every
/// relation's junction. Main claims and statements that point at nothing are roots, side by side
/// in id order; children in id order. claim_on_top: roots on the highest row, else the lowest.
/// Deterministic, no recursion (any depth), cycles broken where they close.
[[nodiscard]] tree_placement place_tree(const engine::argument_map& map, const std::vector<box_size>& boxes,
                                        bool claim_on_top, const tree_spacing& spacing = {});

}  // namespace argmap::render
