#include "render/analysis_report.hpp"

#include <nlohmann/json.hpp>

#include "render/dot_builder.hpp"
#include "render/json_document.hpp"

namespace argmap::render {
namespace {

using engine::label;
using engine::relation_id;
using engine::statement_id;

std::string number(statement_id s) { return "[" + std::to_string(s.value + 1) + "]"; }

/// "[n] text", the text cleaned for display as the outline cleans it.
std::string named(const engine::argument_map& map, statement_id s) {
    std::string text;
    for (const auto& line : detail::wrap_lines(detail::sanitize_utf8(map.at(s).text), 0)) text += line;
    return text.empty() ? number(s) : number(s) + " " + text;
}

std::string premises(const engine::argument_map& map, relation_id r) {
    std::string out;
    for (const auto p : map.at(r).from) out += (out.empty() ? "" : " + ") + number(p);
    return out;
}

/// What a relation points at: "[n]", or for an undercut "the inference [p] -> [c]".
std::string target(const engine::argument_map& map, relation_id r) {
    const auto& to = map.at(r).to;
    if (const auto* s = std::get_if<statement_id>(&to)) return number(*s);
    const auto cut = std::get<relation_id>(to);
    return "the inference " + premises(map, cut) + " -> " + target(map, cut);
}

}  // namespace

std::string why_not(const engine::argument_map& map, const engine::map_status& status, relation_id r) {
    std::string out;
    const auto add = [&](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
    for (const auto p : map.at(r).from)
        if (status.statements[p.value] != label::in)
            add(number(p) + (status.statements[p.value] == label::out ? " falls" : " is undecided"));
    for (std::uint32_t u = 0; u < map.relations().size(); ++u) {
        const auto* cut = std::get_if<relation_id>(&map.relations()[u].to);
        if (cut && *cut == r && status.relations[u] == label::in) add("undercut by " + premises(map, relation_id{u}));
    }
    return out;
}

namespace {

std::string status_word(label l) {
    return l == label::in ? "stands" : l == label::out ? "falls" : "undecided";
}

template <class Id>
std::string id_list(const std::vector<Id>& ids, const auto& show) {
    if (ids.empty()) return "none";
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + show(id);
    return out;
}

}  // namespace

std::string analysis_text(const engine::argument_map& map, const engine::map_status& status,
                          const engine::structure_report& report) {
    std::string out;
    const auto line = [&](const std::string& s) { out += s + '\n'; };
    line(std::string("Semantics: ") + engine::to_string(status.used) +
         (status.labelled ? "" : " (no labelling exists: every statement is undecided)"));
    for (const auto c : report.central_claims)
        line("Central claim: " + named(map, c) + " -- " + status_word(status.statements[c.value]));
    if (report.central_claims.empty()) line("Central claim: none");
    line("Depth: " + std::to_string(report.depth));
    line("Linked reasons: " + id_list(report.linked_reasons, [&](relation_id r) {
             return premises(map, r) + " -> " + target(map, r);
         }));
    line("Convergent reasons (claims with several separate reasons): " +
         id_list(report.convergent_claims, [&](statement_id s) { return number(s); }));
    line("Assumptions (premises nothing supports): " + id_list(report.assumptions, [&](statement_id s) { return number(s); }));
    line("Objections with no answer: " + id_list(report.unanswered_objections, [&](relation_id r) {
             return premises(map, r) + " against " + target(map, r);
         }));
    for (const auto wanted : {label::in, label::out, label::undecided}) {
        std::string section;
        for (const auto& v : report.claims) {
            if (v.status != wanted) continue;
            section += "  " + named(map, v.statement) + '\n';
            for (const auto r : v.reasons_standing) section += "    reason stands: " + premises(map, r) + '\n';
            for (const auto r : v.reasons_fallen)
                section += "    reason fails: " + premises(map, r) + " (" + why_not(map, status, r) + ")\n";
            for (const auto r : v.objections_standing) section += "    defeated by: " + premises(map, r) + '\n';
            for (const auto r : v.objections_defeated)
                section += "    objection answered: " + premises(map, r) + " (" + why_not(map, status, r) + ")\n";
            for (const auto r : v.objections_undecided) section += "    objection undecided: " + premises(map, r) + '\n';
        }
        if (section.empty()) continue;
        out += '\n';
        line(wanted == label::in ? "Claims that stand:" : wanted == label::out ? "Claims that fall:" : "Claims left undecided:");
        out += section;
    }
    return out;
}

std::string analysis_json(const engine::argument_map& map, const engine::map_status& status,
                          const engine::structure_report& report) {
    using nlohmann::ordered_json;
    const auto ids = [](const auto& list) {
        ordered_json a = ordered_json::array();
        for (const auto& id : list) a.push_back(json_id(id));
        return a;
    };
    ordered_json j;
    j["semantics"] = engine::to_string(status.used);
    j["labelled"] = status.labelled;
    j["central_claims"] = ids(report.central_claims);
    j["depth"] = report.depth;
    j["linked_reasons"] = ids(report.linked_reasons);
    j["convergent_claims"] = ids(report.convergent_claims);
    j["assumptions"] = ids(report.assumptions);
    j["unanswered_objections"] = ids(report.unanswered_objections);
    j["claims"] = ordered_json::array();
    for (const auto& v : report.claims) {
        ordered_json c;
        c["statement"] = json_id(v.statement);
        c["status"] = engine::to_string(v.status);
        c["reasons_standing"] = ids(v.reasons_standing);
        c["reasons_fallen"] = ids(v.reasons_fallen);
        c["objections_standing"] = ids(v.objections_standing);
        c["objections_defeated"] = ids(v.objections_defeated);
        c["objections_undecided"] = ids(v.objections_undecided);
        j["claims"].push_back(std::move(c));
    }
    j["statements"] = ordered_json::array();
    for (std::uint32_t s = 0; s < status.statements.size(); ++s)
        j["statements"].push_back({{"id", json_id(statement_id{s})},
                                   {"text", map.statements()[s].text},
                                   {"status", engine::to_string(status.statements[s])}});
    j["relations"] = ordered_json::array();
    for (std::uint32_t r = 0; r < status.relations.size(); ++r)
        j["relations"].push_back({{"id", json_id(relation_id{r})}, {"status", engine::to_string(status.relations[r])}});
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';  // bad UTF-8 as U+FFFD
}

}  // namespace argmap::render
