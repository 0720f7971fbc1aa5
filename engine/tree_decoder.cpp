#include "engine/tree_decoder.hpp"

#include <limits>

namespace argmap::engine {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

/// Chu-Liu/Edmonds on a graph whose every non-root node has at least one incoming edge. Returns,
/// per node, the index into `edges` of its chosen incoming edge (none for the root). All cycles of
/// a round are contracted at once, so that a text's few cycles cost few rounds.
std::vector<std::size_t> arborescence(std::size_t n, std::size_t root, const std::vector<scored_edge>& edges) {
    std::vector<std::size_t> best(n, none);
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const auto& x = edges[e];
        if (x.child == root || x.child == x.parent) continue;
        if (best[x.child] == none || x.score > edges[best[x.child]].score) best[x.child] = e;
    }
    // cycles among the best incoming edges
    std::vector<std::size_t> component(n, none), mark(n, none);
    std::size_t components = 0;
    bool any_cycle = false;
    for (std::size_t v = 0; v < n; ++v) {
        std::size_t x = v;
        while (x != root && best[x] != none && mark[x] == none && component[x] == none) {
            mark[x] = v;
            x = edges[best[x]].parent;
        }
        if (x != root && best[x] != none && mark[x] == v && component[x] == none) {
            // x lies on a cycle found from v
            const auto id = components++;
            std::size_t y = x;
            do {
                component[y] = id;
                y = edges[best[y]].parent;
            } while (y != x);
            any_cycle = true;
        }
    }
    if (!any_cycle) return best;
    std::vector<bool> in_cycle(n, false);
    for (std::size_t v = 0; v < n; ++v) {
        if (component[v] != none) in_cycle[v] = true;
        else component[v] = components++;
    }
    std::vector<scored_edge> contracted;
    std::vector<std::size_t> origin;
    contracted.reserve(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const auto& x = edges[e];
        const auto cu = component[x.parent], cv = component[x.child];
        if (cu == cv || x.child == root) continue;
        const double s = in_cycle[x.child] ? x.score - edges[best[x.child]].score : x.score;
        contracted.push_back({cv, cu, s});
        origin.push_back(e);
    }
    const auto sub = arborescence(components, component[root], contracted);
    std::vector<std::size_t> chosen(n, none);
    for (std::size_t v = 0; v < n; ++v)
        if (in_cycle[v]) chosen[v] = best[v];
    for (std::size_t c = 0; c < components; ++c) {
        if (sub[c] == none) continue;
        const auto e = origin[sub[c]];
        chosen[edges[e].child] = e;  // the edge entering a cycle replaces that node's cycle edge
    }
    return chosen;
}

}  // namespace

std::vector<std::size_t> best_tree(std::size_t n, std::size_t root, const std::vector<scored_edge>& edges) {
    std::vector<std::size_t> parent(n, no_parent);
    if (root >= n) return parent;
    // only the nodes that some chain of edges connects to the root take part
    std::vector<std::vector<std::size_t>> children(n);
    for (const auto& e : edges)
        if (e.child < n && e.parent < n && e.child != root && e.child != e.parent) children[e.parent].push_back(e.child);
    std::vector<std::size_t> index(n, none), nodes{root};
    index[root] = 0;
    for (std::size_t k = 0; k < nodes.size(); ++k)
        for (const auto c : children[nodes[k]])
            if (index[c] == none) {
                index[c] = nodes.size();
                nodes.push_back(c);
            }
    std::vector<scored_edge> local;
    local.reserve(edges.size());
    for (const auto& e : edges)
        if (e.child < n && e.parent < n && index[e.child] != none && index[e.parent] != none && e.child != root &&
            e.child != e.parent)
            local.push_back({index[e.child], index[e.parent], e.score});
    const auto chosen = arborescence(nodes.size(), 0, local);
    for (std::size_t k = 1; k < nodes.size(); ++k) parent[nodes[k]] = nodes[local[chosen[k]].parent];
    return parent;
}

}  // namespace argmap::engine
