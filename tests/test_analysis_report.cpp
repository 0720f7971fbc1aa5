// The analysis report as text and as JSON: what it says of a small map whose claim survives one
// objection and falls to another.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "engine/structure_report.hpp"
#include "map_builder.hpp"
#include "render/analysis_report.hpp"

using namespace argmap;
using engine::relation_type;

namespace {

struct analysed {
    test::map_builder b{"t"};
    engine::map_status status;
    engine::structure_report report;
    analysed() {
        const auto claim = b.add("Fines should be higher.", true);
        const auto dirty = b.add("The streets are dirty.");
        const auto clean = b.add("The streets were swept <today>.");
        const auto rain = b.add("It rained all week.");
        const auto poor = b.add("Higher fines hurt the poor.");
        b.relate(relation_type::support, {dirty}, claim);
        b.relate(relation_type::attack, {clean}, dirty);
        b.relate(relation_type::attack, {rain}, clean);
        b.relate(relation_type::attack, {poor}, claim);
        status = engine::evaluate_map(b.map, engine::semantics::grounded);
        report = engine::analyze_structure(b.map, status);
    }
};

}  // namespace

TEST_CASE("the text report names what stands, what falls and the relations that decide it", "[render]") {
    const analysed a;
    const auto text = render::analysis_text(a.b.map, a.status, a.report);
    CHECK(text.find("Semantics: grounded\n") == 0);
    CHECK(text.find("Central claim: [1] Fines should be higher. -- falls\n") != std::string::npos);
    CHECK(text.find("Objections with no answer: [4] against [3], [5] against [1]\n") != std::string::npos);
    CHECK(text.find("Claims that stand:\n  [2] The streets are dirty.\n    objection answered: [3] ([3] falls)\n") != std::string::npos);
    CHECK(text.find("Claims that fall:\n  [1] Fines should be higher.\n    reason stands: [2]\n    defeated by: [5]\n") != std::string::npos);
    CHECK(text.find("Assumptions (premises nothing supports): [2], [3], [4], [5]\n") != std::string::npos);
}

TEST_CASE("the JSON report gives each statement and relation its status, with the document's ids", "[render]") {
    const analysed a;
    const auto j = nlohmann::json::parse(render::analysis_json(a.b.map, a.status, a.report));
    CHECK(j.at("semantics") == "grounded");
    CHECK(j.at("labelled") == true);
    CHECK(j.at("central_claims") == nlohmann::json::array({"s1"}));
    CHECK(j.at("unanswered_objections") == nlohmann::json::array({"r3", "r4"}));
    CHECK(j.at("statements").at(0).at("status") == "out");
    CHECK(j.at("statements").at(2).at("text") == "The streets were swept <today>.");
    CHECK(j.at("statements").at(2).at("status") == "out");
    CHECK(j.at("relations").at(3).at("status") == "in");
    const auto& claim = j.at("claims").at(0);
    CHECK(claim.at("statement") == "s1");
    CHECK(claim.at("objections_standing") == nlohmann::json::array({"r4"}));
    CHECK(claim.at("reasons_standing") == nlohmann::json::array({"r1"}));
}
