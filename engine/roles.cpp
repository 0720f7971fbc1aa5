#include "engine/roles.hpp"

#include <set>

namespace argmap::engine {

const char* to_string(statement_role r) noexcept {
    switch (r) {
        case statement_role::central: return "central";
        case statement_role::reason: return "reason";
        case statement_role::objection: return "objection";
        case statement_role::rebuttal: return "rebuttal";
        case statement_role::other: return "other";
    }
    return "other";
}

std::optional<relation_id> main_outgoing(const argument_map& map, statement_id s) {
    std::optional<relation_id> best;
    double best_conf = -1.0;
    const auto& rels = map.relations();
    for (std::uint32_t i = 0; i < rels.size(); ++i) {
        const auto& r = rels[i];
        bool from_s = false;
        for (auto f : r.from) from_s = from_s || f == s;
        if (from_s && r.why.confidence > best_conf) {
            best = relation_id{i};
            best_conf = r.why.confidence;
        }
    }
    return best;
}

statement_id target_statement(const argument_map& map, relation_id r) {
    std::set<std::uint32_t> seen;
    for (;;) {
        const auto& rel = map.at(r);
        if (const auto* s = std::get_if<statement_id>(&rel.to)) return *s;
        if (!seen.insert(r.value).second) return rel.from.front();  // cannot happen: ids only point back
        r = std::get<relation_id>(rel.to);
    }
}

std::vector<statement_role> statement_roles(const argument_map& map) {
    const auto n = map.statements().size();
    // Each statement's main outgoing relation (as main_outgoing chooses: the most confident, the
    // first of equals), in one pass over the relations rather than one per statement.
    std::vector<std::optional<relation_id>> out(n);
    std::vector<double> best(n, -1.0);
    const auto& rels = map.relations();
    for (std::uint32_t r = 0; r < rels.size(); ++r) {
        for (auto f : rels[r].from) {
            if (rels[r].why.confidence > best[f.value]) {
                best[f.value] = rels[r].why.confidence;
                out[f.value] = relation_id{r};
            }
        }
    }

    // side: true = proponent. Follow outgoing edges; each attack flips. Cycles end the walk.
    auto walk = [&](statement_id s) {
        bool pro = true;
        std::set<std::uint32_t> seen;
        while (!map.at(s).central && out[s.value] && seen.insert(s.value).second) {
            const auto& r = map.at(*out[s.value]);
            if (r.type != relation_type::support) pro = !pro;
            s = target_statement(map, *out[s.value]);
        }
        return pro;
    };
    // The same, remembered along every walk that ends without a cycle, so that a long chain costs
    // linear time rather than quadratic; walks into a cycle take the plain walk above.
    std::vector<signed char> side(n, -1);
    std::vector<std::uint32_t> stamp(n, 0);
    std::uint32_t current = 0;
    std::vector<std::uint32_t> path;
    auto proponent = [&](statement_id start) {
        ++current;
        path.clear();
        bool value = true;
        for (std::uint32_t s = start.value;;) {
            if (side[s] >= 0) {
                value = side[s] == 1;
                break;
            }
            if (map.at(statement_id{s}).central || !out[s]) break;
            if (stamp[s] == current) return walk(start);
            stamp[s] = current;
            path.push_back(s);
            s = target_statement(map, *out[s]).value;
        }
        for (auto it = path.rbegin(); it != path.rend(); ++it) {
            if (map.at(*out[*it]).type != relation_type::support) value = !value;
            side[*it] = value ? 1 : 0;
        }
        return value;
    };

    std::vector<statement_role> roles(n, statement_role::other);
    for (std::uint32_t i = 0; i < n; ++i) {
        const statement_id s{i};
        if (map.at(s).central) {
            roles[i] = statement_role::central;
        } else if (out[i]) {
            const auto& r = map.at(*out[i]);
            if (r.type == relation_type::support) {
                roles[i] = statement_role::reason;
            } else {
                roles[i] = proponent(target_statement(map, *out[i])) ? statement_role::objection
                                                                      : statement_role::rebuttal;
            }
        }
    }
    return roles;
}

}  // namespace argmap::engine
