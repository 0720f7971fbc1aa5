#include "render/tree_layout.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <variant>

#include "engine/roles.hpp"

namespace argmap::render {

namespace {

constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

}  // namespace

tree_placement place_tree(const engine::argument_map& map, const std::vector<box_size>& boxes, bool claim_on_top,
                          const tree_spacing& spacing) {
    const auto& stmts = map.statements();
    const auto& rels = map.relations();
    const std::size_t n = stmts.size();
    tree_placement out;
    out.statements.resize(n);
    out.junctions.resize(rels.size());
    if (n == 0) return out;
    auto size_of = [&](std::uint32_t s) { return s < boxes.size() ? boxes[s] : box_size{60, 30}; };

    // Each statement's parent: where its most confident outgoing relation ends (the first of
    // equals), as engine::main_outgoing chooses, in one pass.
    std::vector<std::uint32_t> parent(n, none);
    std::vector<double> best(n, -1.0);
    for (std::uint32_t r = 0; r < rels.size(); ++r) {
        const auto end = engine::target_statement(map, engine::relation_id{r}).value;
        for (auto f : rels[r].from) {
            if (rels[r].why.confidence > best[f.value]) {
                best[f.value] = rels[r].why.confidence;
                parent[f.value] = end;
            }
        }
    }
    for (std::uint32_t s = 0; s < n; ++s)
        if (stmts[s].central || parent[s] == s) parent[s] = none;

    // Children lists in id order; roots: no parent. Statements on a cycle that no root reaches
    // become roots themselves, the first of each such cycle in id order.
    std::vector<std::vector<std::uint32_t>> children(n);
    for (std::uint32_t s = 0; s < n; ++s)
        if (parent[s] != none) children[parent[s]].push_back(s);
    std::vector<std::uint32_t> roots;
    std::vector<std::size_t> depth(n, 0);
    std::vector<bool> reached(n, false);
    std::vector<std::uint32_t> order;  // breadth first, parents before children
    order.reserve(n);
    auto reach_from = [&](std::uint32_t root) {
        roots.push_back(root);
        reached[root] = true;
        std::size_t head = order.size();
        order.push_back(root);
        for (; head < order.size(); ++head) {
            const auto s = order[head];
            for (auto c : children[s]) {
                if (reached[c]) continue;
                reached[c] = true;
                depth[c] = depth[s] + 1;
                order.push_back(c);
            }
        }
    };
    for (std::uint32_t s = 0; s < n; ++s)
        if (parent[s] == none) reach_from(s);
    for (std::uint32_t s = 0; s < n; ++s)
        if (!reached[s]) {
            parent[s] = none;
            reach_from(s);
        }
    // Only the tree edges that the walk used: a child reached from elsewhere is not a child.
    for (auto& list : children)
        list.erase(std::remove_if(list.begin(), list.end(), [&](std::uint32_t c) { return parent[c] == none; }),
                   list.end());

    // Band widths bottom-up (reverse breadth-first order: children before parents).
    std::vector<double> band(n, 0);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const auto s = *it;
        double sum = 0;
        for (auto c : children[s]) sum += band[c];
        if (!children[s].empty()) sum += spacing.column_gap * static_cast<double>(children[s].size() - 1);
        band[s] = std::max(size_of(s).width, sum);
    }

    // Rows: the tallest box of each depth sets its height.
    std::size_t rows = 0;
    for (auto d : depth) rows = std::max(rows, d + 1);
    std::vector<double> row_height(rows, 0);
    for (std::uint32_t s = 0; s < n; ++s) row_height[depth[s]] = std::max(row_height[depth[s]], size_of(s).height);
    std::vector<double> row_centre(rows, 0);
    double y = 0;  // walking away from the roots' row
    for (std::size_t d = 0; d < rows; ++d) {
        row_centre[d] = claim_on_top ? -(y + row_height[d] / 2) : y + row_height[d] / 2;
        y += row_height[d] + spacing.row_gap;
    }
    const double extent = y - spacing.row_gap;

    // Left edges top-down: roots side by side, each band's children centred under it.
    std::vector<double> left(n, 0);
    double x = 0;
    for (auto r : roots) {
        left[r] = x;
        x += band[r] + spacing.column_gap;
    }
    for (const auto s : order) {
        double sum = 0;
        for (auto c : children[s]) sum += band[c];
        if (!children[s].empty()) sum += spacing.column_gap * static_cast<double>(children[s].size() - 1);
        double cx = left[s] + (band[s] - sum) / 2;
        for (auto c : children[s]) {
            left[c] = cx;
            cx += band[c] + spacing.column_gap;
        }
    }
    // Shift so that every coordinate is positive (Graphviz's bounding box starts at 0, 0).
    const double lift = claim_on_top ? extent : 0;
    for (std::uint32_t s = 0; s < n; ++s) {
        out.statements[s] = {left[s] + band[s] / 2, row_centre[depth[s]] + lift};
        out.right = std::max(out.right, left[s] + band[s]);
    }
    out.top = extent;
    out.bottom = 0;

    // Junctions: between the premises' row and the end's, at the premises' mean x.
    for (std::uint32_t r = 0; r < rels.size(); ++r) {
        if (rels[r].from.empty()) continue;
        double sx = 0, sy = 0;
        for (auto f : rels[r].from) {
            sx += out.statements[f.value].x;
            sy += out.statements[f.value].y;
        }
        const auto k = static_cast<double>(rels[r].from.size());
        const auto end = out.statements[engine::target_statement(map, engine::relation_id{r}).value];
        const double from_y = sy / k;
        out.junctions[r] = {(sx / k + end.x) / 2, from_y + (end.y - from_y) * 0.35};
    }
    return out;
}

}  // namespace argmap::render
