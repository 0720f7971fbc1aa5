#include <catch2/catch.hpp>

#include <string>

#include "engine/model.hpp"
#include "map_builder.hpp"
#include "render/outline_writer.hpp"

using namespace argmap;
using engine::relation_type;

TEST_CASE("The outline puts the main claim first with reasons and objections indented beneath", "[render]") {
    test::map_builder b{"in.txt"};
    const auto ties = b.add("Both sides want better ties.");  // statement order is not outline order
    const auto claim = b.add("Japan and Russia will not form an alliance.", true);
    const auto interests = b.add("Their strategic interests conflict.");
    const auto concepts = b.add("Their strategic concepts differ.");
    const auto us = b.add("Japan relies on the US alliance.");
    const auto strain = b.add("An alliance with Russia would strain it.");
    const auto dispute = b.add("The territorial dispute is unresolved.");
    const auto rivals = b.add("Rivals have allied before.");
    const auto kurils = b.add("Each claims the Kurils.");
    const auto r1 = b.relate(relation_type::support, {interests}, claim);
    b.relate(relation_type::support, {concepts}, claim);
    b.relate(relation_type::support, {us, strain}, claim);
    b.relate(relation_type::attack, {ties}, claim);
    b.relate(relation_type::attack, {dispute}, ties);
    b.relate(relation_type::undercut, {rivals}, r1);
    b.relate(relation_type::support, {kurils}, interests);
    b.add("Posted in: Asia");

    CHECK(render::to_outline(b.map) ==
          "Main claim: [2] Japan and Russia will not form an alliance.\n"
          "  + [3] Their strategic interests conflict.\n"
          "    + [9] Each claims the Kurils.\n"
          "    - (undercut) [8] Rivals have allied before.\n"
          "  + [4] Their strategic concepts differ.\n"
          "  + [5] Japan relies on the US alliance.\n"
          "  & [6] An alliance with Russia would strain it.\n"
          "  - [1] Both sides want better ties.\n"
          "    - [7] The territorial dispute is unresolved.\n"
          "Not connected:\n"
          "  [10] Posted in: Asia\n");
    CHECK(render::to_outline(b.map) == render::to_outline(b.map));
}

TEST_CASE("Linked premises keep their own reasons beneath each of them", "[render]") {
    test::map_builder b{"in.txt"};
    const auto c = b.add("C", true);
    const auto p = b.add("P");
    const auto q = b.add("Q");
    const auto pp = b.add("for P");
    const auto qq = b.add("against Q");
    const auto link = b.relate(relation_type::support, {p, q}, c);
    b.relate(relation_type::support, {pp}, p);
    b.relate(relation_type::attack, {qq}, q);
    const auto u = b.add("undercuts the link");
    b.relate(relation_type::undercut, {u}, link);
    CHECK(render::to_outline(b.map) ==
          "Main claim: [1] C\n"
          "  + [2] P\n"
          "    + [4] for P\n"
          "  & [3] Q\n"
          "    - [5] against Q\n"
          "    - (undercut) [6] undercuts the link\n");
}

TEST_CASE("Cycles and shared premises are written once, then referred to", "[render]") {
    test::map_builder b{"in.txt"};
    const auto a = b.add("A", true);
    const auto x = b.add("X");
    const auto y = b.add("Y");
    b.relate(relation_type::support, {x}, a);
    b.relate(relation_type::support, {y}, x);
    b.relate(relation_type::support, {x}, y);  // X and Y support each other
    b.relate(relation_type::support, {a}, y);  // and the claim supports Y
    const auto shared = b.add("S");
    b.relate(relation_type::support, {shared}, a);
    b.relate(relation_type::attack, {shared}, y);
    // an unconnected cycle with nothing at its top
    const auto p = b.add("P");
    const auto q = b.add("Q");
    b.relate(relation_type::support, {p}, q);
    b.relate(relation_type::support, {q}, p);
    CHECK(render::to_outline(b.map) ==
          "Main claim: [1] A\n"
          "  + [2] X\n"
          "    + [3] Y\n"
          "      + [2] X (see above)\n"
          "      + [1] A (see above)\n"
          "      - [4] S\n"
          "  + [4] S (see above)\n"
          "Not connected:\n"
          "  [5] P\n"
          "    + [6] Q\n"
          "      + [5] P (see above)\n");
}

TEST_CASE("An unconnected sub-argument is listed from its top, and a map without a main claim says so",
          "[render]") {
    test::map_builder b{"in.txt"};
    const auto top = b.add("top");
    const auto below = b.add("below\nwith a\tbreak");
    b.relate(relation_type::attack, {below}, top);
    b.add("bad \xFF byte");
    CHECK(render::to_outline(b.map) ==
          "(no main claim)\n"
          "Not connected:\n"
          "  [1] top\n"
          "    - [2] below with a break\n"
          "  [3] bad \xEF\xBF\xBD byte\n");
    CHECK(render::to_outline(engine::argument_map{}) == "(no main claim)\n");
}

TEST_CASE("A very deep chain stops indenting and gives the level instead", "[render]") {
    test::map_builder b{"in.txt"};
    auto previous = b.add("s0", true);
    for (int i = 1; i <= 5000; ++i) {
        const auto next = b.add("s" + std::to_string(i));
        b.relate(relation_type::support, {next}, previous);
        previous = next;
    }
    const std::string outline = render::to_outline(b.map);
    CHECK(outline.find("\n" + std::string(64, ' ') + "+ [33] s32\n") != std::string::npos);
    CHECK(outline.find("\n" + std::string(64, ' ') + "(level 33) + [34] s33\n") != std::string::npos);
    CHECK(outline.find("(level 5000) + [5001] s5000\n") != std::string::npos);
    CHECK(outline.size() < 5001 * 100);
}

TEST_CASE("A main claim that the source restates shows each restatement beneath it", "[render]") {
    engine::argument_map map;
    const std::string text = "Japan and Russia will not ally.  Interests clash.\n\nIn short, the two stay apart.";
    const auto src = map.add_source({"in.txt", "", "", text});
    const auto claim_end = text.find("ally.") + 5;
    const auto restated = text.find("In short");
    const auto claim = map.add_statement({src, "Japan and Russia will not ally.", {{0, claim_end}, {restated, text.size()}}, true});
    const auto reason = map.add_statement({src, "Interests clash.", {{33, 49}}});
    engine::relation r;
    r.from = {reason};
    r.to = claim;
    map.add_relation(r);
    CHECK(render::to_outline(map) == "Main claim: [1] Japan and Russia will not ally.\n"
                                     "  = restated: In short, the two stay apart.\n"
                                     "  + [2] Interests clash.\n");
}
