#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "engine/model.hpp"
#include "render/dot_builder.hpp"
#include "render/graphviz_renderer.hpp"
#include "render/layout_strategy.hpp"
#include "render/tree_layout.hpp"

using namespace argmap;
using engine::relation_type;
using engine::statement_id;

namespace {

/// A main claim with `n - 1` statements below it: each statement i > 0 supports (or, every
/// fifth, attacks) statement (i - 1) / 3, and every seventh support is linked with the next one.
engine::argument_map ternary_tree(std::uint32_t n) {
    engine::argument_map m;
    const auto src = m.add_source({"t.txt", "", "", ""});
    for (std::uint32_t i = 0; i < n; ++i)
        m.add_statement({src, "Statement number " + std::to_string(i + 1) + " says something.", {}, i == 0});
    for (std::uint32_t i = 1; i < n; ++i) {
        engine::relation r;
        r.type = i % 5 == 0 ? relation_type::attack : relation_type::support;
        r.from = {statement_id{i}};
        if (r.type == relation_type::support && i % 7 == 0 && i + 1 < n && (i + 1) % 5 != 0) {
            r.from.push_back(statement_id{i + 1});
            r.to = statement_id{(i - 1) / 3};
            m.add_relation(r);
            ++i;
            continue;
        }
        r.to = statement_id{(i - 1) / 3};
        m.add_relation(r);
    }
    return m;
}

std::vector<render::box_size> boxes_for(const engine::argument_map& m) {
    std::vector<render::box_size> boxes;
    for (std::size_t i = 0; i < m.statements().size(); ++i)
        boxes.push_back({60.0 + static_cast<double>(i % 4) * 30.0, 30.0 + static_cast<double>(i % 3) * 14.0});
    return boxes;
}

}  // namespace

TEST_CASE("Small maps keep plain dot; larger ones get newrank, the largest the tree layout, with a note", "[render]") {
    const auto small = render::choose_layout(300, 280);
    CHECK(small.engine == "dot");
    CHECK(small.graph_attributes.empty());
    CHECK_FALSE(small.fixed_positions);
    CHECK(small.note.empty());

    const auto middle = render::choose_layout(1400, 1300);
    CHECK(middle.engine == "dot");
    CHECK(std::find(middle.graph_attributes.begin(), middle.graph_attributes.end(),
                    std::pair<std::string, std::string>{"newrank", "true"}) != middle.graph_attributes.end());
    CHECK(middle.note.find("1400 statements") != std::string::npos);

    const auto large = render::choose_layout(20000, 19000);
    CHECK(large.engine == "nop2");
    CHECK(large.fixed_positions);
    CHECK(large.note.find("20000 statements") != std::string::npos);
    CHECK(large.note.find('\n') == std::string::npos);  // one line

    // Never back to a slower plan as maps grow.
    int previous = 0;
    for (std::size_t n = 100; n <= 30000; n += 100) {
        const auto plan = render::choose_layout(n, n);
        const int rank = plan.fixed_positions ? 2 : plan.graph_attributes.empty() ? 0 : 1;
        CHECK(rank >= previous);
        previous = rank;
    }
    CHECK(previous == 2);
}

TEST_CASE("The tree layout puts parents above their children and never overlaps two boxes", "[render]") {
    const auto m = ternary_tree(400);
    const auto boxes = boxes_for(m);
    for (const bool on_top : {true, false}) {
        const auto p = render::place_tree(m, boxes, on_top);
        REQUIRE(p.statements.size() == 400);
        for (const auto& rel : m.relations()) {
            const auto to = std::get<statement_id>(rel.to).value;
            for (auto f : rel.from) {
                if (on_top) CHECK(p.statements[to].y > p.statements[f.value].y);
                else CHECK(p.statements[to].y < p.statements[f.value].y);
            }
        }
        std::size_t overlaps = 0;
        for (std::size_t a = 0; a < 400; ++a) {
            const auto& pa = p.statements[a];
            CHECK(pa.x - boxes[a].width / 2 >= -0.01);
            CHECK(pa.x + boxes[a].width / 2 <= p.right + 0.01);
            CHECK(pa.y - boxes[a].height / 2 >= p.bottom - 0.01);
            CHECK(pa.y + boxes[a].height / 2 <= p.top + 0.01);
            for (std::size_t b = a + 1; b < 400; ++b) {
                const auto& pb = p.statements[b];
                const bool apart_x = std::abs(pa.x - pb.x) >= (boxes[a].width + boxes[b].width) / 2;
                const bool apart_y = std::abs(pa.y - pb.y) >= (boxes[a].height + boxes[b].height) / 2;
                if (!apart_x && !apart_y) ++overlaps;
            }
        }
        CHECK(overlaps == 0);
        CHECK(p.statements == render::place_tree(m, boxes, on_top).statements);
    }
}

TEST_CASE("The tree layout places cycles, loose statements and very deep chains", "[render]") {
    engine::argument_map m;
    const auto src = m.add_source({"t.txt", "", "", ""});
    auto add = [&](bool central = false) { return m.add_statement({src, "x", {}, central}); };
    auto support = [&](statement_id from, statement_id to) {
        engine::relation r;
        r.from = {from};
        r.to = to;
        m.add_relation(r);
    };
    const auto a = add(), b = add(), c = add();
    support(a, b);
    support(b, c);
    support(c, a);
    add();  // loose
    auto prev = add(true);
    for (int i = 0; i < 20000; ++i) {
        const auto next = add();
        support(next, prev);
        prev = next;
    }
    const auto p = render::place_tree(m, std::vector<render::box_size>(m.statements().size(), {50, 20}), true);
    REQUIRE(p.statements.size() == m.statements().size());
    for (const auto& s : p.statements) {
        CHECK(std::isfinite(s.x));
        CHECK(std::isfinite(s.y));
    }
    CHECK(p.statements[prev.value].y < p.statements[4].y);  // the chain's end far below the claim
}

TEST_CASE("A map drawn with fixed positions renders through nop2 with every box", "[render]") {
    const auto m = ternary_tree(120);
    render::dot_options o;
    o.fixed_layout = true;
    const auto dot = render::to_dot(m, o);
    CHECK(dot.find("s1 [") != std::string::npos);
    CHECK(dot.find("splines=line") != std::string::npos);
    std::size_t positioned = 0;
    for (auto pos = dot.find("pos=\""); pos != std::string::npos; pos = dot.find("pos=\"", pos + 1)) ++positioned;
    std::size_t junctions = 0;
    for (const auto& r : m.relations()) junctions += r.from.size() > 1 ? 1 : 0;
    CHECK(positioned == 120 + junctions + 1);  // boxes, junction points, legend
    const auto svg = render::render(dot, render::output_format::svg, "nop2");
    for (int i = 1; i <= 120; ++i) CHECK(svg.find("<title>s" + std::to_string(i) + "</title>") != std::string::npos);
    CHECK(svg.find("Statement number 120 says something.") != std::string::npos);
    o.exercise = render::dot_exercise::worksheet;
    const auto sheet = render::render(render::to_dot(m, o), render::output_format::svg, "nop2");
    CHECK(sheet.find("<title>statements</title>") != std::string::npos);
}

TEST_CASE("map says in one line on standard error when a large map gets another layout", "[cli]") {
    const auto dir = test::temp_dir();
    // A claim with 2,100 reasons in three levels (written in Argdown).
    std::string big = "[Claim]: The claim.\n";
    for (int i = 0; i < 30; ++i) {
        big += "  + Reason " + std::to_string(i) + " for the claim.\n";
        for (int j = 0; j < 69; ++j) big += "    + Backing " + std::to_string(i) + "." + std::to_string(j) + " of it.\n";
    }
    test::write_file(dir + "/big.argdown", big);
    const auto r = test::run_argmap("map '" + dir + "/big.argdown' -o '" + dir + "/big.svg'");
    REQUIRE(r.status == 0);
    CHECK(r.err.rfind("argmap: large map (2101 statements): laid out as a tree", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    const auto svg = test::read_file(dir + "/big.svg");
    CHECK(svg.find("<title>s2101</title>") != std::string::npos);
    CHECK(svg.find("Backing 29.68 of it.") != std::string::npos);

    const auto dot = test::run_argmap("map '" + dir + "/big.argdown' --format dot");
    CHECK(dot.err.find("dot -Knop2") != std::string::npos);
    CHECK(dot.out.find("pos=\"") != std::string::npos);

    test::write_file(dir + "/small.argdown", "[Claim]: The claim.\n  + A reason.\n");
    const auto small = test::run_argmap("map '" + dir + "/small.argdown' -o '" + dir + "/small.svg'");
    REQUIRE(small.status == 0);
    CHECK(small.err.empty());
}
