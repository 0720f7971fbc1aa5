#include "engine/map_metrics.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <vector>

namespace argmap::engine {

std::size_t map_depth(const argument_map& map) {
    const auto& statements = map.statements();
    const auto& relations = map.relations();
    // The statement each relation ends at: relations only point at relations added before them,
    // so one pass in order resolves chains of undercuts.
    std::vector<std::uint32_t> target(relations.size(), 0);
    for (std::size_t r = 0; r < relations.size(); ++r) {
        const auto& to = relations[r].to;
        target[r] = std::holds_alternative<statement_id>(to) ? std::get<statement_id>(to).value
                                                             : target[std::get<relation_id>(to).value];
    }
    // Reversed edges (conclusion -> premises) as one flat adjacency list.
    std::vector<std::uint32_t> first(statements.size() + 1, 0);
    std::vector<bool> points(statements.size(), false);
    for (std::size_t r = 0; r < relations.size(); ++r) {
        first[target[r] + 1] += static_cast<std::uint32_t>(relations[r].from.size());
        for (const auto p : relations[r].from) points[p.value] = true;
    }
    for (std::size_t s = 0; s < statements.size(); ++s) first[s + 1] += first[s];
    std::vector<std::uint32_t> premises(first.back());
    std::vector<std::uint32_t> fill(first.begin(), first.end() - 1);
    for (std::size_t r = 0; r < relations.size(); ++r)
        for (const auto p : relations[r].from) premises[fill[target[r]]++] = p.value;

    // Breadth-first from every statement that points at nothing.
    constexpr std::size_t unseen = static_cast<std::size_t>(-1);
    std::vector<std::size_t> level(statements.size(), unseen);
    std::deque<std::uint32_t> queue;
    for (std::uint32_t s = 0; s < statements.size(); ++s)
        if (!points[s]) {
            level[s] = 0;
            queue.push_back(s);
        }
    std::size_t depth = 0;
    while (!queue.empty()) {
        const auto s = queue.front();
        queue.pop_front();
        depth = std::max(depth, level[s]);
        for (auto k = first[s]; k < first[s + 1]; ++k) {
            const auto p = premises[k];
            if (level[p] != unseen) continue;
            level[p] = level[s] + 1;
            queue.push_back(p);
        }
    }
    return depth;
}

}  // namespace argmap::engine
