#include "engine/map_framework.hpp"

#include <string>

namespace argmap::engine {

map_framework to_framework(const argument_map& map) {
    const auto& statements = map.statements();
    const auto& relations = map.relations();
    map_framework out;
    auto& names = out.framework.names;
    std::vector<attack> attacks;
    const auto add = [&](std::string name) {
        names.push_back(std::move(name));
        return static_cast<std::uint32_t>(names.size() - 1);
    };
    for (std::size_t s = 0; s < statements.size(); ++s) out.statement_argument.push_back(add("s" + std::to_string(s + 1)));
    for (std::size_t r = 0; r < relations.size(); ++r) out.relation_argument.push_back(add("r" + std::to_string(r + 1)));

    constexpr auto none = static_cast<std::uint32_t>(-1);
    std::vector<std::uint32_t> fails(statements.size(), none);      // not_s<n>, made when first needed
    std::vector<std::uint32_t> no_reason(statements.size(), none);  // noreason_s<n>
    for (std::size_t r = 0; r < relations.size(); ++r) {
        const auto& rel = relations[r];
        const auto applies = out.relation_argument[r];
        for (const auto p : rel.from) {
            auto& f = fails[p.value];
            if (f == none) {
                f = add("not_s" + std::to_string(p.value + 1));
                attacks.push_back({out.statement_argument[p.value], f});
            }
            attacks.push_back({f, applies});
        }
        if (const auto* target = std::get_if<relation_id>(&rel.to)) {
            attacks.push_back({applies, out.relation_argument[target->value]});  // an undercut
            continue;
        }
        const auto claim = std::get<statement_id>(rel.to).value;
        if (rel.type == relation_type::support) {
            auto& n = no_reason[claim];
            if (n == none) {
                n = add("noreason_s" + std::to_string(claim + 1));
                attacks.push_back({n, out.statement_argument[claim]});
            }
            attacks.push_back({applies, n});
        } else {
            attacks.push_back({applies, out.statement_argument[claim]});
        }
    }
    out.framework.framework = argumentation_framework(static_cast<std::uint32_t>(names.size()), attacks);
    return out;
}

map_status evaluate_map(const argument_map& map, semantics s, search_limit limit) {
    const auto translated = to_framework(map);
    const auto labels = sceptical_labelling(translated.framework.framework, s, limit);
    map_status status;
    status.used = s;
    status.labelled = labels.has_value();
    for (const auto a : translated.statement_argument) status.statements.push_back(labels ? (*labels)[a] : label::undecided);
    for (const auto a : translated.relation_argument) status.relations.push_back(labels ? (*labels)[a] : label::undecided);
    return status;
}

}  // namespace argmap::engine
