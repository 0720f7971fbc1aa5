// The structure report: shape of a map and why each claim stands or falls.

#include <catch2/catch.hpp>

#include "engine/structure_report.hpp"
#include "map_builder.hpp"

using namespace argmap;
using engine::label;
using engine::relation_type;

TEST_CASE("the structure report lists central claims, linked and convergent reasons, assumptions and unanswered objections", "[engine]") {
    test::map_builder b("t");
    const auto claim = b.add("claim", true);
    const auto p1 = b.add("p1");
    const auto p2 = b.add("p2");
    const auto p3 = b.add("p3");
    const auto linked = b.relate(relation_type::support, {p1, p2}, claim);
    const auto single = b.relate(relation_type::support, {p3}, claim);
    const auto sub = b.add("support of p3");
    b.relate(relation_type::support, {sub}, p3);
    const auto objection = b.add("objection");
    const auto attack = b.relate(relation_type::attack, {objection}, p1);
    const auto other = b.add("unanswered");
    const auto open = b.relate(relation_type::attack, {other}, claim);
    const auto answer = b.add("answer");
    b.relate(relation_type::attack, {answer}, objection);

    const auto status = engine::evaluate_map(b.map, engine::semantics::grounded);
    const auto report = engine::analyze_structure(b.map, status);
    CHECK(report.central_claims == std::vector<engine::statement_id>{claim});
    CHECK(report.depth == 3);  // answer -> objection -> p1 -> claim
    CHECK(report.linked_reasons == std::vector<engine::relation_id>{linked});
    CHECK(report.convergent_claims == std::vector<engine::statement_id>{claim});
    CHECK(report.assumptions == std::vector<engine::statement_id>{p1, p2, sub, objection, other, answer});
    CHECK(report.unanswered_objections.size() == 2);
    CHECK(report.unanswered_objections[0] == open);
    // the claim falls: the unanswered objection stands, though both reasons stand
    REQUIRE(report.claims.size() == 4);  // claim, p1, p3, objection
    const auto& verdict = report.claims[0];
    CHECK(verdict.statement == claim);
    CHECK(verdict.status == label::out);
    CHECK(verdict.reasons_standing == std::vector<engine::relation_id>{linked, single});
    CHECK(verdict.objections_standing == std::vector<engine::relation_id>{open});
    const auto& p1_verdict = report.claims[1];
    CHECK(p1_verdict.statement == p1);
    CHECK(p1_verdict.status == label::in);
    CHECK(p1_verdict.objections_defeated == std::vector<engine::relation_id>{attack});
}
