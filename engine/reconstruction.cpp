#include "engine/reconstruction.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "engine/reconstruction_features.hpp"
#include "engine/tree_decoder.hpp"

namespace argmap::engine {
namespace {

double log_sigmoid(double x) { return x >= 0 ? -std::log1p(std::exp(-x)) : x - std::log1p(std::exp(x)); }

/// The main-claim candidates the decoder tries as roots: the best-scoring few (one for very long
/// texts, where each try costs a decoding of the whole text).
std::vector<std::size_t> root_candidates(const std::vector<double>& claim_score) {
    const std::size_t n = claim_score.size();
    const std::size_t k = std::min<std::size_t>(n, n > 400 ? 1 : 5);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](std::size_t a, std::size_t b) {
                          return claim_score[a] > claim_score[b] || (claim_score[a] == claim_score[b] && a < b);
                      });
    order.resize(k);
    return order;
}

/// The features that added most to a score, strongest first (by absolute contribution).
std::vector<weighted_feature> strongest(const linear_classifier& c, const feature_list& features, std::size_t count,
                                        const std::string& prefix = {}) {
    std::vector<weighted_feature> all;
    for (const auto& f : features)
        if (const double w = c.weight(f.name); w != 0.0) all.push_back({prefix + f.name, w * f.value});
    std::sort(all.begin(), all.end(), [](const weighted_feature& a, const weighted_feature& b) {
        return std::abs(a.contribution) > std::abs(b.contribution) ||
               (std::abs(a.contribution) == std::abs(b.contribution) && a.name < b.name);
    });
    if (all.size() > count) all.resize(count);
    return all;
}

/// What the learned model makes of one text, before decoding.
struct scores {
    text_evidence evidence;
    std::vector<feature_list> unit;            ///< per unit
    std::vector<double> claim;                 ///< main-claim score (log-odds)
    std::vector<double> attack;                ///< probability of attacking
    std::vector<std::size_t> roots;            ///< main-claim candidates
    std::vector<scored_edge> edges;            ///< each candidate parent's score (log-odds), by child
    std::vector<double> root_bonus;            ///< per edge: what it adds when its parent is the claim
};

scores score_text(const document_structure& doc, const std::vector<text_unit>& units, const reconstruction_model& m) {
    scores s{gather_evidence(doc, units), {}, {}, {}, {}, {}, {}};
    const auto n = units.size();
    s.unit.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        s.unit.push_back(unit_features(s.evidence, i));
        s.claim.push_back(m.main_claim.score(s.unit.back()));
        s.attack.push_back(m.attack.probability(s.unit.back()));
    }
    s.roots = root_candidates(s.claim);
    for (std::size_t i = 0; i < n; ++i)
        for (const auto j : candidate_targets(s.evidence, i, s.roots)) {
            s.edges.push_back({i, j, m.attachment.score(pair_features(s.evidence, i, j))});
            const bool may_be_root = std::find(s.roots.begin(), s.roots.end(), j) != s.roots.end();
            s.root_bonus.push_back(may_be_root ? m.attachment.score(root_pair_features(s.evidence, i, j)) - m.attachment.bias
                                               : 0.0);
        }
    return s;
}

/// The edges for one main claim: each child's candidates as log-probabilities (a softmax over its
/// candidates, the claim's root features added to the edges into it).
void edges_for_root(const scores& s, std::size_t root, std::vector<scored_edge>& out) {
    out.clear();
    for (std::size_t b = 0; b < s.edges.size();) {
        std::size_t e = b;
        while (e < s.edges.size() && s.edges[e].child == s.edges[b].child) ++e;
        double top = -std::numeric_limits<double>::infinity();
        for (std::size_t k = b; k < e; ++k) {
            auto x = s.edges[k];
            if (x.parent == root) x.score += s.root_bonus[k];
            out.push_back(x);
            top = std::max(top, x.score);
        }
        double z = 0.0;
        for (std::size_t k = out.size() - (e - b); k < out.size(); ++k) z += std::exp(out[k].score - top);
        const double log_z = top + std::log(z);
        for (std::size_t k = out.size() - (e - b); k < out.size(); ++k) out[k].score -= log_z;
        b = e;
    }
}

/// The best tree for scored units.
tree_reading decode(const document_structure& doc, const std::vector<text_unit>& units, const scores& s) {
    const auto n = units.size();
    double not_claim = 0.0;  // every unit's log-probability of not being the main claim
    for (const auto c : s.claim) not_claim += log_sigmoid(-c);
    tree_reading best;
    double best_total = -std::numeric_limits<double>::infinity();
    std::vector<scored_edge> all, edges;
    std::vector<scored_edge> chosen_edges;
    for (const auto root : s.roots) {
        auto restated = find_restatements(doc, units, root);
        std::vector<bool> joined(n, false);
        for (const auto r : restated) joined[r] = true;
        edges_for_root(s, root, all);
        edges.clear();
        for (const auto& e : all)
            if (!joined[e.child] && !joined[e.parent]) edges.push_back(e);
        auto parent = best_tree(n, root, edges);
        double total = not_claim - log_sigmoid(-s.claim[root]) + log_sigmoid(s.claim[root]);
        for (const auto& e : edges)
            if (parent[e.child] == e.parent) total += e.score;
        if (total > best_total) {
            best_total = total;
            best.central = root;
            best.restatements = std::move(restated);
            best.parent = std::move(parent);
            chosen_edges = edges;
        }
    }
    best.type.assign(n, relation_type::support);
    best.attach_probability.assign(n, 0.0);
    best.type_probability.assign(n, 0.0);
    for (const auto& e : chosen_edges)
        if (best.parent[e.child] == e.parent) best.attach_probability[e.child] = std::exp(e.score);
    for (std::size_t i = 0; i < n; ++i) {
        const bool attacks = s.attack[i] > 0.5;
        best.type[i] = attacks ? relation_type::attack : relation_type::support;
        best.type_probability[i] = attacks ? s.attack[i] : 1.0 - s.attack[i];
    }
    return best;
}

}  // namespace

tree_reading read_tree(const document_structure& doc, const std::vector<text_unit>& units,
                       const reconstruction_model& model) {
    return decode(doc, units, score_text(doc, units, model));
}

argument_map reconstruct(const document_structure& doc, std::string source_name, const reconstruction_model& model) {
    argument_map map;
    const auto sid = map.add_source(source_of(doc, std::move(source_name)));

    const auto units = segment(doc);
    if (units.empty()) return map;
    const auto scored = score_text(doc, units, model);
    const auto tree = decode(doc, units, scored);
    const auto& evidence = scored.evidence;

    // one statement per unit; restatements join the claim's statement as extra spans
    std::vector<bool> joined(units.size(), false);
    for (const auto r : tree.restatements) joined[r] = true;
    std::vector<statement_id> ids(units.size());
    std::vector<statement> statements;
    statements.reserve(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (joined[i]) continue;
        statement st;
        st.source = sid;
        st.text = display_text(doc.text, units[i]);
        st.spans.push_back(units[i].where);
        st.central = i == tree.central;
        if (st.central) {
            for (const auto r : tree.restatements) st.spans.push_back(units[r].where);
            st.claim_evidence = strongest(model.main_claim, scored.unit[i], 5);
        }
        ids[i] = statement_id{static_cast<std::uint32_t>(statements.size())};
        statements.push_back(std::move(st));
    }
    for (const auto r : tree.restatements) ids[r] = ids[tree.central];
    map.add_statements(std::move(statements));

    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto p = tree.parent[i];
        if (p == no_parent || ids[i] == ids[p]) continue;
        relation r;
        r.type = tree.type[i];
        r.from = {ids[i]};
        r.to = ids[p];
        r.why.rule = "learned";
        r.why.confidence = tree.attach_probability[i] * tree.type_probability[i];
        if (const auto& lead = units[i].lead; lead && lead->cls != marker_class::stance) {
            r.why.marker = std::string(slice(doc.text, lead->where));
            r.why.marker_span = lead->where;
        }
        auto attach_features = pair_features(evidence, i, p);
        if (p == tree.central)
            for (auto& f : root_pair_features(evidence, i, p)) attach_features.push_back(std::move(f));
        r.why.evidence = strongest(model.attachment, attach_features, 3, "attach ");
        for (auto& f : strongest(model.attack, scored.unit[i], 2,
                                 r.type == relation_type::attack ? "attack " : "support "))
            r.why.evidence.push_back(std::move(f));
        map.add_relation(std::move(r));
    }
    return map;
}

}  // namespace argmap::engine
