#include <catch2/catch.hpp>

#include <string>

#include "engine/model.hpp"

using namespace argmap::engine;

namespace {

/// One source with three statements: s0 <- s1 (support), s2 attacks s0.
struct fixture {
    argument_map map;
    source_id src;
    statement_id s0, s1, s2;
    relation_id support;

    fixture() {
        src = map.add_source({"f.txt", "Title", "By me", "Claim. Reason. Objection."});
        s0 = map.add_statement({src, "Claim.", {{0, 6}}, true});
        s1 = map.add_statement({src, "Reason.", {{7, 14}}, false});
        s2 = map.add_statement({src, "Objection.", {{15, 25}}, false});
        support = map.add_relation({relation_type::support, {s1}, s0, {"", std::nullopt, "r", 0.5}});
    }
};

relation make(relation_type t, std::vector<statement_id> from, std::variant<statement_id, relation_id> to) {
    relation r;
    r.type = t;
    r.from = std::move(from);
    r.to = to;
    return r;
}

}  // namespace

TEST_CASE("the map hands out ids in insertion order, one sequence per kind", "[engine]") {
    argument_map map;
    CHECK(map.add_source({"a", "", "", "x"}) == source_id{0});
    CHECK(map.add_source({"b", "", "", "y"}) == source_id{1});
    CHECK(map.add_statement({source_id{1}, "p", {}, false}) == statement_id{0});
    CHECK(map.add_statement({source_id{0}, "q", {}, false}) == statement_id{1});
    CHECK(map.add_statement({source_id{0}, "r", {}, false}) == statement_id{2});
    CHECK(map.add_relation(make(relation_type::support, {statement_id{1}}, statement_id{0})) == relation_id{0});
    CHECK(map.add_relation(make(relation_type::undercut, {statement_id{2}}, relation_id{0})) == relation_id{1});
    CHECK(map.sources().size() == 2);
    CHECK(map.statements().size() == 3);
    CHECK(map.relations().size() == 2);
    CHECK(map.at(statement_id{0}).text == "p");
    CHECK(map.at(statement_id{0}).source == source_id{1});
    CHECK(map.at(source_id{1}).name == "b");
    CHECK(map.at(relation_id{1}).type == relation_type::undercut);
    CHECK(map.contains(statement_id{2}));
    CHECK_FALSE(map.contains(statement_id{3}));
    CHECK_FALSE(map.contains(source_id{2}));
    CHECK_FALSE(map.contains(relation_id{2}));
}

TEST_CASE("unknown ids are programmer errors", "[engine]") {
    fixture f;
    CHECK_THROWS_AS(f.map.add_statement({source_id{1}, "x", {}, false}), engine_error);
    CHECK_THROWS_AS(f.map.at(source_id{1}), engine_error);
    CHECK_THROWS_AS(f.map.at(statement_id{3}), engine_error);
    CHECK_THROWS_AS(f.map.at(relation_id{1}), engine_error);
    CHECK_THROWS_AS(f.map.set_central(statement_id{3}, true), engine_error);
    CHECK_THROWS_AS(f.map.add_alignment({f.s0, statement_id{9}, stance::agree, 0.5}), engine_error);
    CHECK_THROWS_AS(f.map.add_alignment({statement_id{9}, f.s0, stance::agree, 0.5}), engine_error);
    CHECK(f.map.statements().size() == 3);
    CHECK(f.map.alignments().empty());
}

TEST_CASE("add_relation rejects what a map cannot hold and keeps the map unchanged", "[engine]") {
    fixture f;
    const auto before = f.map;
    SECTION("no premises") { CHECK_THROWS_AS(f.map.add_relation(make(relation_type::support, {}, f.s0)), engine_error); }
    SECTION("an unknown premise") {
        CHECK_THROWS_AS(f.map.add_relation(make(relation_type::support, {f.s1, statement_id{7}}, f.s0)), engine_error);
    }
    SECTION("an unknown conclusion") {
        CHECK_THROWS_AS(f.map.add_relation(make(relation_type::attack, {f.s2}, statement_id{7})), engine_error);
    }
    SECTION("an undercut of a statement") {
        CHECK_THROWS_AS(f.map.add_relation(make(relation_type::undercut, {f.s2}, f.s0)), engine_error);
    }
    SECTION("a support or attack of a relation") {
        CHECK_THROWS_AS(f.map.add_relation(make(relation_type::support, {f.s2}, f.support)), engine_error);
        CHECK_THROWS_AS(f.map.add_relation(make(relation_type::attack, {f.s2}, f.support)), engine_error);
    }
    SECTION("an undercut of an unknown relation") {
        CHECK_THROWS_AS(f.map.add_relation(make(relation_type::undercut, {f.s2}, relation_id{1})), engine_error);
    }
    SECTION("a statement supporting itself, alone or among linked premises") {
        CHECK_THROWS_AS(f.map.add_relation(make(relation_type::support, {f.s0}, f.s0)), engine_error);
        CHECK_THROWS_AS(f.map.add_relation(make(relation_type::attack, {f.s1, f.s2}, f.s2)), engine_error);
    }
    CHECK(f.map == before);
}

TEST_CASE("add_relation accepts linked premises, attacks and undercuts", "[engine]") {
    fixture f;
    const auto linked = f.map.add_relation(make(relation_type::support, {f.s1, f.s2}, f.s0));
    const auto attack = f.map.add_relation(make(relation_type::attack, {f.s2}, f.s1));
    const auto undercut = f.map.add_relation(make(relation_type::undercut, {f.s2}, f.support));
    const auto nested = f.map.add_relation(make(relation_type::undercut, {f.s0}, undercut));
    CHECK(f.map.at(linked).from == std::vector<statement_id>{f.s1, f.s2});
    CHECK(std::get<statement_id>(f.map.at(attack).to) == f.s1);
    CHECK(std::get<relation_id>(f.map.at(undercut).to) == f.support);
    CHECK(std::get<relation_id>(f.map.at(nested).to) == undercut);
}

TEST_CASE("maps are equal exactly when every part is equal", "[engine]") {
    fixture a;
    fixture b;
    CHECK(a.map == b.map);

    SECTION("a source's byline") {
        argument_map m;
        m.add_source({"f.txt", "Title", "By you", "Claim. Reason. Objection."});
        argument_map n;
        n.add_source({"f.txt", "Title", "By me", "Claim. Reason. Objection."});
        CHECK_FALSE(m == n);
    }
    SECTION("a central flag") {
        b.map.set_central(b.s0, false);
        CHECK(a.map != b.map);
        b.map.set_central(b.s0, true);
        CHECK(a.map == b.map);
    }
    SECTION("a relation's confidence") {
        a.map.add_relation({relation_type::attack, {a.s2}, a.s0, {"but", span{1, 2}, "x", 0.5}});
        b.map.add_relation({relation_type::attack, {b.s2}, b.s0, {"but", span{1, 2}, "x", 0.25}});
        CHECK(a.map != b.map);
    }
    SECTION("a relation's marker span") {
        a.map.add_relation({relation_type::attack, {a.s2}, a.s0, {"but", span{1, 2}, "x", 0.5}});
        b.map.add_relation({relation_type::attack, {b.s2}, b.s0, {"but", std::nullopt, "x", 0.5}});
        CHECK(a.map != b.map);
    }
    SECTION("the order of linked premises") {
        a.map.add_relation(make(relation_type::support, {a.s1, a.s2}, a.s0));
        b.map.add_relation(make(relation_type::support, {b.s2, b.s1}, b.s0));
        CHECK(a.map != b.map);
    }
    SECTION("a statement's title, tags, group, kind or data") {
        statement x{a.src, "Claim.", {}, false};
        x.title = "T1";
        x.tags = {"policy", "fiscal policy"};
        x.group = "Op-ed A > Part 1";
        x.kind = statement_kind::argument;
        x.data = {{"source", "Op-ed B"}};
        a.map.add_statement(x);
        statement y = x;
        SECTION("the title") { y.title = "T2"; }
        SECTION("the order of tags") { y.tags = {"fiscal policy", "policy"}; }
        SECTION("the group") { y.group = "Op-ed A"; }
        SECTION("the kind") { y.kind = statement_kind::statement; }
        SECTION("a data value") { y.data["source"] = "Op-ed A"; }
        SECTION("a data key") { y.data = {{"origin", "Op-ed B"}}; }
        b.map.add_statement(y);
        CHECK(a.map != b.map);
    }
    SECTION("a relation's inference rule") {
        auto r = make(relation_type::support, {a.s2}, a.s0);
        r.inference = "Modus ponens";
        a.map.add_relation(r);
        r.inference = "";
        b.map.add_relation(r);
        CHECK(a.map != b.map);
    }
    SECTION("an alignment") {
        a.map.add_alignment({a.s0, a.s1, stance::agree, 0.5});
        CHECK(a.map != b.map);
        b.map.add_alignment({b.s0, b.s1, stance::contradict, 0.5});
        CHECK(a.map != b.map);
    }
}

TEST_CASE("a statement written as source, text, spans and flag has no title, tags, group or data", "[engine]") {
    const statement s{source_id{0}, "Claim.", {{0, 6}}, true};
    CHECK(s.title.empty());
    CHECK(s.tags.empty());
    CHECK(s.group.empty());
    CHECK(s.kind == statement_kind::statement);
    CHECK(s.data.empty());
    const relation r{relation_type::support, {statement_id{1}}, statement_id{0}, {"because", std::nullopt, "r", 0.5}};
    CHECK(r.inference.empty());
}

TEST_CASE("an Argdown argument is a node of the map with its title, tags, group and data", "[engine]") {
    fixture f;
    statement arg;
    arg.source = f.src;
    arg.text = "Schools need money.";
    arg.title = "A1";
    arg.kind = statement_kind::argument;
    arg.tags = {"education"};
    arg.group = "Op-ed A > Funding";
    arg.data = {{"source", "Op-ed B"}, {"year", "2024"}};
    const auto a1 = f.map.add_statement(arg);
    auto support = make(relation_type::support, {a1}, f.s0);
    support.inference = "Modus ponens";
    const auto r = f.map.add_relation(support);
    CHECK(f.map.at(a1) == arg);
    CHECK(f.map.at(a1).kind == statement_kind::argument);
    CHECK(f.map.at(a1).data.at("year") == "2024");
    CHECK(f.map.at(r).inference == "Modus ponens");
    CHECK(f.map.at(f.s0).kind == statement_kind::statement);
}

TEST_CASE("relation types and stances convert to and from their names", "[engine]") {
    for (const auto t : {relation_type::support, relation_type::attack, relation_type::undercut})
        CHECK(parse_relation_type(to_string(t)) == t);
    CHECK(std::string(to_string(relation_type::undercut)) == "undercut");
    CHECK_FALSE(parse_relation_type("Support"));
    CHECK_FALSE(parse_relation_type(""));
    for (const auto s : {stance::agree, stance::contradict, stance::related}) CHECK(parse_stance(to_string(s)) == s);
    CHECK(std::string(to_string(stance::contradict)) == "contradict");
    CHECK_FALSE(parse_stance("disagree"));
    for (const auto k : {statement_kind::statement, statement_kind::argument}) CHECK(parse_statement_kind(to_string(k)) == k);
    CHECK(std::string(to_string(statement_kind::argument)) == "argument");
    CHECK_FALSE(parse_statement_kind("Argument"));
    CHECK_FALSE(parse_statement_kind(""));
}

TEST_CASE("spans measure bytes and treat reversed bounds as empty", "[engine]") {
    CHECK(span{3, 10}.size() == 7);
    CHECK_FALSE(span{3, 10}.empty());
    CHECK(span{4, 4}.empty());
    CHECK(span{9, 2}.size() == 0);
    CHECK(span{9, 2}.empty());
    CHECK(span{1, 2} < span{1, 3});
}
