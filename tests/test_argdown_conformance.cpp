// Conformance with the Argdown CLI 1.7.5: argmap's mapping of each document under
// tests/data/argdown/conformance/, reduced to statement titles, argument titles, premise-conclusion
// structures and relations, equals the reduction of the CLI's own JSON export (NAME.golden.json,
// made by scripts/argdown-conformance-goldens; this test needs no npm).

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "grammar/argdown_mapping.hpp"
#include "grammar/argdown_parser.hpp"

using namespace argmap;
using engine::statement_id;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trimmed(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    return s;
}

/// The same reduction as scripts/argdown-conformance-goldens, from argmap's side.
nlohmann::json reduce(const grammar::argdown_mapping& m) {
    const auto& map = m.map;
    auto statement_name = [&](statement_id id) {
        const auto& s = map.at(id);
        return s.title.empty() ? "text:" + trimmed(s.text) : s.title;
    };
    auto argument_of = [&](statement_id id) -> const grammar::mapped_argument* {
        for (const auto& a : m.arguments) {
            if (a.node == id) return &a;
        }
        return nullptr;
    };
    auto argument_name = [&](statement_id id) {
        const auto& s = map.at(id);
        if (!s.title.empty()) return s.title;
        const auto* a = argument_of(id);
        return a != nullptr && !a->pcs.empty() ? "pcs:" + statement_name(a->pcs.back()) : std::string("?");
    };
    auto name = [&](statement_id id) {
        return map.at(id).kind == engine::statement_kind::argument ? argument_name(id) : statement_name(id);
    };
    auto kind = [&](statement_id id) -> std::string {
        return map.at(id).kind == engine::statement_kind::argument ? "argument" : "equivalence-class";
    };

    std::vector<std::string> statements, arguments;
    for (std::uint32_t i = 0; i < map.statements().size(); ++i) {
        const statement_id id{i};
        (map.at(id).kind == engine::statement_kind::argument ? arguments : statements).push_back(name(id));
    }
    std::sort(statements.begin(), statements.end());
    std::sort(arguments.begin(), arguments.end());

    nlohmann::json pcs = nlohmann::json::object();
    for (const auto& a : m.arguments) {
        if (a.pcs.empty()) continue;
        nlohmann::json lines = nlohmann::json::array();
        for (std::size_t i = 0; i < a.pcs.size(); ++i) {
            const char* role = a.roles[i] == grammar::pcs_role::premise                   ? "premise"
                               : a.roles[i] == grammar::pcs_role::intermediate_conclusion ? "intermediary-conclusion"
                                                                                          : "main-conclusion";
            lines.push_back({role, statement_name(a.pcs[i])});
        }
        pcs[argument_name(a.node)] = lines;
    }

    std::set<std::tuple<std::string, std::string, std::string, std::string, std::string>> relations;
    for (const auto& mr : m.relations) {
        if (mr.relations.empty()) continue;
        const auto& r = map.at(mr.relations.front());
        const char* type = mr.type == grammar::relation_type::support    ? "support"
                           : mr.type == grammar::relation_type::attack   ? "attack"
                           : mr.type == grammar::relation_type::undercut ? "undercut"
                                                                         : "contradictory";
        if (r.type == engine::relation_type::attack && mr.type == grammar::relation_type::undercut) type = "attack";
        const auto from = r.from.front();
        std::tuple<std::string, std::string, std::string, std::string, std::string> key;
        if (const auto* to = std::get_if<statement_id>(&r.to)) {
            key = {name(from), kind(from), type, name(*to), kind(*to)};
        } else {
            const auto target = std::get<engine::relation_id>(r.to);
            std::string target_name = "?", to_kind = "?";
            for (const auto& a : m.arguments) {
                const auto it = std::find(a.inferences.begin(), a.inferences.end(), target);
                if (it != a.inferences.end()) {
                    target_name = argument_name(a.node) + "#" + std::to_string(a.conclusion_index[static_cast<std::size_t>(it - a.inferences.begin())]);
                    to_kind = "inference";
                }
            }
            if (to_kind == "?") {  // the first relation of an argument without a PCS
                const auto& t = map.at(target);
                target_name = name(t.from.front());
                to_kind = kind(t.from.front());
            }
            key = {name(from), kind(from), type, target_name, to_kind};
        }
        if (std::string(type) == "contradictory" &&
            std::tie(std::get<3>(key), std::get<4>(key)) < std::tie(std::get<0>(key), std::get<1>(key)))
            key = {std::get<3>(key), std::get<4>(key), type, std::get<0>(key), std::get<1>(key)};
        relations.insert(key);
    }
    nlohmann::json rel = nlohmann::json::array();
    for (const auto& [a, b, c, d, e] : relations) rel.push_back({a, b, c, d, e});
    return {{"statements", statements}, {"arguments", arguments}, {"pcs", pcs}, {"relations", rel}};
}

}  // namespace

TEST_CASE("Each conformance document maps as the Argdown CLI 1.7.5 reads it", "[grammar][argdown]") {
    const std::filesystem::path dir = std::filesystem::path(ARGMAP_TEST_DATA) / "argdown" / "conformance";
    std::vector<std::filesystem::path> documents;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".argdown") documents.push_back(e.path());
    }
    std::sort(documents.begin(), documents.end());
    REQUIRE(documents.size() >= 5);
    for (const auto& path : documents) {
        auto golden_path = path;
        golden_path.replace_extension(".golden.json");
        INFO(path.filename().string());
        const auto text = slurp(path);
        const auto parsed = grammar::parse_argdown(text);
        REQUIRE(parsed.ok());
        const auto mapped = grammar::map_argdown(*parsed.value, path.filename().string());
        const auto ours = reduce(mapped);
        const auto golden = nlohmann::json::parse(slurp(golden_path));
        CHECK(ours["statements"].dump(1) == golden.at("statements").dump(1));
        CHECK(ours["arguments"].dump(1) == golden.at("arguments").dump(1));
        CHECK(ours["pcs"].dump(1) == golden.at("pcs").dump(1));
        CHECK(ours["relations"].dump(1) == golden.at("relations").dump(1));
    }
}
