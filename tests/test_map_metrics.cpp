// How deep a map's reasoning nests: the measure --max-depth is checked against.

#include <catch2/catch.hpp>

#include "engine/map_metrics.hpp"

using namespace argmap::engine;

namespace {

argument_map with_statements(std::size_t n) {
    argument_map m;
    const auto src = m.add_source({"t.txt", "", "", ""});
    for (std::size_t i = 0; i < n; ++i) m.add_statement({src, "s" + std::to_string(i), {}, i == 0});
    return m;
}

relation_id support(argument_map& m, std::vector<std::uint32_t> from, std::uint32_t to) {
    relation r;
    for (auto f : from) r.from.push_back(statement_id{f});
    r.to = statement_id{to};
    return m.add_relation(r);
}

}  // namespace

TEST_CASE("a map without relations has depth 0, a premise of the claim depth 1", "[engine]") {
    auto m = with_statements(3);
    CHECK(map_depth(m) == 0);
    support(m, {1}, 0);
    CHECK(map_depth(m) == 1);
    support(m, {2}, 0);  // convergent: still 1
    CHECK(map_depth(m) == 1);
}

TEST_CASE("map depth counts the relations of the longest chain down from a claim", "[engine]") {
    const std::size_t n = 200000;
    auto m = with_statements(n);
    for (std::uint32_t i = 1; i < n; ++i) support(m, {i}, i - 1);
    CHECK(map_depth(m) == n - 1);
}

TEST_CASE("linked premises sit one level below their conclusion, however many", "[engine]") {
    auto m = with_statements(10001);
    std::vector<std::uint32_t> premises;
    for (std::uint32_t i = 1; i <= 10000; ++i) premises.push_back(i);
    support(m, premises, 0);
    CHECK(map_depth(m) == 1);
}

TEST_CASE("an undercut counts as pointing at the conclusion of the relation it attacks", "[engine]") {
    auto m = with_statements(4);
    const auto r = support(m, {1}, 0);
    relation u;
    u.type = relation_type::undercut;
    u.from = {statement_id{2}};
    u.to = r;
    const auto ru = m.add_relation(u);
    CHECK(map_depth(m) == 1);
    relation uu = u;  // an undercut of the undercut: still ends at statement 0
    uu.from = {statement_id{3}};
    uu.to = ru;
    m.add_relation(uu);
    CHECK(map_depth(m) == 1);
    support(m, {3}, 2);  // 3 also supports 2, which is at depth 1: 3 stays at its shortest, 1
    CHECK(map_depth(m) == 1);
}

TEST_CASE("statements caught in a cycle of support reach no claim and count nothing", "[engine]") {
    auto m = with_statements(4);
    support(m, {1}, 0);
    support(m, {2}, 3);
    support(m, {3}, 2);
    CHECK(map_depth(m) == 1);
    support(m, {2}, 1);  // now the cycle hangs below statement 1
    CHECK(map_depth(m) == 3);
}
