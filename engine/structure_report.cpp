#include "engine/structure_report.hpp"

#include "engine/map_metrics.hpp"

namespace argmap::engine {

structure_report analyze_structure(const argument_map& map, const map_status& status) {
    const auto& statements = map.statements();
    const auto& relations = map.relations();
    structure_report report;
    report.depth = map_depth(map);

    std::vector<std::size_t> supports(statements.size(), 0);
    std::vector<bool> attacked(statements.size(), false), premise(statements.size(), false),
        undercut(relations.size(), false);
    std::vector<std::vector<relation_id>> toward(statements.size());  // relations ending at each statement
    for (std::size_t r = 0; r < relations.size(); ++r) {
        const auto& rel = relations[r];
        for (const auto p : rel.from) premise[p.value] = true;
        if (const auto* target = std::get_if<relation_id>(&rel.to)) {
            undercut[target->value] = true;
            continue;
        }
        const auto claim = std::get<statement_id>(rel.to).value;
        toward[claim].push_back(relation_id{static_cast<std::uint32_t>(r)});
        if (rel.type == relation_type::support) {
            ++supports[claim];
            if (rel.from.size() > 1) report.linked_reasons.push_back(relation_id{static_cast<std::uint32_t>(r)});
        } else {
            attacked[claim] = true;
        }
    }
    for (std::uint32_t s = 0; s < statements.size(); ++s) {
        const statement_id id{s};
        if (statements[s].central) report.central_claims.push_back(id);
        if (supports[s] > 1) report.convergent_claims.push_back(id);
        if (premise[s] && supports[s] == 0) report.assumptions.push_back(id);
    }
    for (std::uint32_t r = 0; r < relations.size(); ++r) {
        const auto& rel = relations[r];
        if (rel.type == relation_type::support || undercut[r]) continue;
        bool answered = false;
        for (const auto p : rel.from) answered = answered || attacked[p.value];
        if (!answered) report.unanswered_objections.push_back(relation_id{r});
    }
    for (std::uint32_t s = 0; s < statements.size(); ++s) {
        if (toward[s].empty()) continue;
        claim_verdict v;
        v.statement = statement_id{s};
        v.status = status.statements[s];
        for (const auto r : toward[s]) {
            const auto applies = status.relations[r.value];
            if (relations[r.value].type == relation_type::support) {
                (applies == label::in ? v.reasons_standing : v.reasons_fallen).push_back(r);
            } else if (applies == label::in) {
                v.objections_standing.push_back(r);
            } else if (applies == label::out) {
                v.objections_defeated.push_back(r);
            } else {
                v.objections_undecided.push_back(r);
            }
        }
        report.claims.push_back(std::move(v));
    }
    return report;
}

}  // namespace argmap::engine
