// From a map to a framework and back to statuses: the documented rules, each pinned on a small
// map, and the sample op-ed's main claim.

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include "engine/map_framework.hpp"
#include "engine/rules.hpp"
#include "grammar/prose_parser.hpp"
#include "map_builder.hpp"

using namespace argmap;
using engine::label;
using engine::relation_type;
using engine::semantics;

namespace {

label status_of(const engine::argument_map& m, engine::statement_id s, semantics sem = semantics::grounded) {
    return engine::evaluate_map(m, sem).statements[s.value];
}
label status_of(const engine::argument_map& m, engine::relation_id r, semantics sem = semantics::grounded) {
    return engine::evaluate_map(m, sem).relations[r.value];
}

}  // namespace

TEST_CASE("a premise that nothing supports or attacks is given, and its reason makes the claim stand", "[engine]") {
    test::map_builder b("t");
    const auto claim = b.add("claim", true);
    const auto premise = b.add("premise");
    const auto r = b.relate(relation_type::support, {premise}, claim);
    CHECK(status_of(b.map, premise) == label::in);
    CHECK(status_of(b.map, r) == label::in);
    CHECK(status_of(b.map, claim) == label::in);
}

TEST_CASE("an objection that nothing answers defeats its target; an answered one does not", "[engine]") {
    test::map_builder b("t");
    const auto claim = b.add("claim", true);
    const auto reason = b.add("reason");
    const auto objection = b.add("objection");
    b.relate(relation_type::support, {reason}, claim);
    const auto attack = b.relate(relation_type::attack, {objection}, claim);
    CHECK(status_of(b.map, attack) == label::in);
    CHECK(status_of(b.map, claim) == label::out);
    const auto answer = b.add("answer");
    b.relate(relation_type::attack, {answer}, objection);
    CHECK(status_of(b.map, objection) == label::out);
    CHECK(status_of(b.map, attack) == label::out);
    CHECK(status_of(b.map, claim) == label::in);
}

TEST_CASE("a claim stands when one of its reasons stands, and falls when none does", "[engine]") {
    test::map_builder b("t");
    const auto claim = b.add("claim", true);
    const auto first = b.add("first reason");
    const auto second = b.add("second reason");
    b.relate(relation_type::support, {first}, claim);
    b.relate(relation_type::support, {second}, claim);
    b.relate(relation_type::attack, {b.add("against the first")}, first);
    CHECK(status_of(b.map, first) == label::out);
    CHECK(status_of(b.map, claim) == label::in);  // convergent: the second still stands
    b.relate(relation_type::attack, {b.add("against the second")}, second);
    CHECK(status_of(b.map, claim) == label::out);  // no reason left
}

TEST_CASE("linked premises give a reason only when every one of them stands", "[engine]") {
    test::map_builder b("t");
    const auto claim = b.add("claim", true);
    const auto p1 = b.add("p1");
    const auto p2 = b.add("p2");
    const auto linked = b.relate(relation_type::support, {p1, p2}, claim);
    CHECK(status_of(b.map, claim) == label::in);
    b.relate(relation_type::attack, {b.add("against p2")}, p2);
    CHECK(status_of(b.map, p1) == label::in);
    CHECK(status_of(b.map, linked) == label::out);
    CHECK(status_of(b.map, claim) == label::out);
}

TEST_CASE("an undercut defeats the inference, not its premise; the claim falls only without another reason", "[engine]") {
    test::map_builder b("t");
    const auto claim = b.add("The book is red.", true);
    const auto looks = b.add("It looks red.");
    const auto inference = b.relate(relation_type::support, {looks}, claim);
    const auto light = b.add("The light is red.");
    const auto cut = b.relate(relation_type::undercut, {light}, inference);
    CHECK(status_of(b.map, cut) == label::in);
    CHECK(status_of(b.map, inference) == label::out);
    CHECK(status_of(b.map, looks) == label::in);
    CHECK(status_of(b.map, claim) == label::out);
    b.relate(relation_type::support, {b.add("The label says red.")}, claim);
    CHECK(status_of(b.map, claim) == label::in);
    // an undercut whose premise is defeated cuts nothing
    b.relate(relation_type::attack, {b.add("The light is white.")}, light);
    CHECK(status_of(b.map, inference) == label::in);
}

TEST_CASE("a mutual attack is undecided under grounded; preferred and stable agree on nothing either", "[engine]") {
    test::map_builder b("t");
    const auto claim = b.add("claim", true);
    const auto x = b.add("x");
    const auto y = b.add("y");
    b.relate(relation_type::support, {x}, claim);
    b.relate(relation_type::attack, {x}, y);
    b.relate(relation_type::attack, {y}, x);
    for (const auto s : {semantics::grounded, semantics::complete, semantics::preferred, semantics::stable}) {
        INFO(engine::to_string(s));
        const auto st = engine::evaluate_map(b.map, s);
        CHECK(st.labelled);
        CHECK(st.statements[x.value] == label::undecided);
        CHECK(st.statements[claim.value] == label::undecided);
    }
    // the claim is credulously accepted: one preferred labelling has x in and y out
    const auto translated = engine::to_framework(b.map);
    CHECK(engine::credulously_accepted(translated.framework.framework, semantics::preferred,
                                       translated.statement_argument[claim.value]));
}

TEST_CASE("an odd cycle of attacks leaves stable semantics without a labelling", "[engine]") {
    test::map_builder b("t");
    const auto x = b.add("x");
    const auto y = b.add("y");
    const auto z = b.add("z");
    b.relate(relation_type::attack, {x}, y);
    b.relate(relation_type::attack, {y}, z);
    b.relate(relation_type::attack, {z}, x);
    const auto st = engine::evaluate_map(b.map, semantics::stable);
    CHECK_FALSE(st.labelled);
    CHECK(st.statements == std::vector<label>(3, label::undecided));
    CHECK(engine::evaluate_map(b.map, semantics::grounded).labelled);
}

TEST_CASE("the framework of a map names its arguments after the statements and relations", "[engine]") {
    test::map_builder b("t");
    const auto claim = b.add("claim", true);
    const auto p = b.add("p");
    const auto r = b.relate(relation_type::support, {p}, claim);
    const auto translated = engine::to_framework(b.map);
    const auto& f = translated.framework;
    CHECK(f.name(translated.statement_argument[claim.value]) == "s1");
    CHECK(f.name(translated.relation_argument[r.value]) == "r1");
    CHECK(f.names == std::vector<std::string>{"s1", "s2", "r1", "not_s2", "noreason_s1"});
    // s2 -> not_s2 -> r1 -> noreason_s1 -> s1
    CHECK(f.framework.attacks() == std::vector<engine::attack>{{1, 3}, {2, 4}, {3, 2}, {4, 0}});
}

TEST_CASE("the sample op-ed's main claim stands and every objection to it is answered", "[engine]") {
    std::ifstream in(std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt", std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(!text.empty());
    const auto parsed = grammar::parse_prose(text);
    REQUIRE(parsed.ok());
    const auto map = engine::reconstruct_by_rules(*parsed.value, "putin-visit-tokyo.txt");  // the default reconstruction
    const auto status = engine::evaluate_map(map, semantics::grounded);
    std::size_t central = 0, objections = 0;
    for (std::uint32_t s = 0; s < map.statements().size(); ++s) {
        if (!map.statements()[s].central) continue;
        ++central;
        CHECK(status.statements[s] == label::in);
        for (std::uint32_t r = 0; r < map.relations().size(); ++r) {
            const auto& rel = map.relations()[r];
            if (rel.type != relation_type::attack || std::get<engine::statement_id>(rel.to).value != s) continue;
            ++objections;
            INFO("objection r" << r + 1 << ": " << map.at(rel.from.front()).text);
            CHECK(status.relations[r] == label::out);
            CHECK(status.statements[rel.from.front().value] == label::out);
        }
    }
    CHECK(central == 1);
    CHECK(objections >= 1);
    // preferred and stable say the same of this map (it has no cycles)
    CHECK(engine::evaluate_map(map, semantics::preferred).statements == status.statements);
    CHECK(engine::evaluate_map(map, semantics::stable).statements == status.statements);
}
