// Reconstruction rules, each pinned on small texts written for the test: segmentation into
// units, the choice of the main claim, and the rules that attach units to each other.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "engine/rules.hpp"
#include "engine/roles.hpp"
#include "engine/segmentation.hpp"
#include "grammar/prose_parser.hpp"

using namespace argmap;

namespace {

struct mapped {
    std::string text;
    engine::argument_map map;

    /// The statement whose text contains `needle`, ignoring case (fails the test when there is none).
    engine::statement_id find(const std::string& needle) const {
        const auto lower = [](std::string s) {
            for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return s;
        };
        for (std::uint32_t i = 0; i < map.statements().size(); ++i)
            if (lower(map.statements()[i].text).find(lower(needle)) != std::string::npos) return engine::statement_id{i};
        FAIL("no statement contains '" << needle << "'");
        return {};
    }
    /// The relation leaving the statement that contains `needle`.
    const engine::relation& from(const std::string& needle) const {
        const auto id = find(needle);
        const auto r = engine::main_outgoing(map, id);
        REQUIRE(r.has_value());
        return map.at(*r);
    }
    engine::statement_id to(const engine::relation& r) const { return std::get<engine::statement_id>(r.to); }
    const engine::statement& central() const {
        for (const auto& s : map.statements())
            if (s.central) return s;
        FAIL("no central claim");
        return map.statements().front();
    }
};

mapped map_text(std::string text) {
    mapped m{std::move(text), {}};
    auto parsed = grammar::parse_prose(m.text);
    REQUIRE(parsed.ok());
    m.map = engine::reconstruct_by_rules(*parsed.value, "test.txt");
    return m;
}

std::vector<std::string> unit_texts(const std::string& text) {
    auto parsed = grammar::parse_prose(text);
    REQUIRE(parsed.ok());
    std::vector<std::string> out;
    for (const auto& u : engine::segment(*parsed.value)) out.emplace_back(engine::slice(text, u.where));
    return out;
}

}  // namespace

TEST_CASE("a clause opened by a premise marker becomes its own unit", "[engine]") {
    const auto units = unit_texts("We should plant more trees, because they cool the streets.");
    REQUIRE(units.size() == 2);
    CHECK(units[0] == "We should plant more trees,");
    CHECK(units[1] == "because they cool the streets.");
}

TEST_CASE("a fronted concession is cut where the main clause's subject begins", "[engine]") {
    const auto units =
        unit_texts("Although the council, and later the mayor, promised new parks, they never built a single one.");
    REQUIRE(units.size() == 2);
    CHECK(units[0] == "Although the council, and later the mayor, promised new parks,");
    CHECK(units[1] == "they never built a single one.");
}

TEST_CASE("'not only X but also Y' gives two parallel reasons", "[engine]") {
    const auto m = map_text("We should build more bike lanes. They not only make the streets safer "
                            "but also help local shops sell more.");
    CHECK(m.find("not only make the streets safer") != m.find("help local shops sell more"));
    CHECK(m.map.at(m.find("help local shops sell more")).text == "Help local shops sell more.");
    CHECK(m.map.at(m.to(m.from("help local shops"))).central);
    CHECK(m.map.at(m.to(m.from("make the streets safer"))).central);
}

TEST_CASE("'X, which means Y' makes X a reason for Y", "[engine]") {
    const auto m = map_text("The council has cut the bus routes again, which means that many villages are now cut off.");
    CHECK(m.central().text.find("many villages are now cut off") != std::string::npos);
    const auto& r = m.from("cut the bus routes");
    CHECK(r.type == engine::relation_type::support);
    CHECK(r.why.marker == "which means");
}

TEST_CASE("a fronted reason or concession clause is its own unit, cut before the main clause", "[engine]") {
    CHECK(unit_texts("Since the buses are always late, we should build a tram line.") ==
          std::vector<std::string>{"Since the buses are always late,", "we should build a tram line."});
    CHECK(unit_texts("Because fares rise every year, many people drive to work.").size() == 2);
    CHECK(unit_texts("As prices keep rising, families must save more.").size() == 2);
    CHECK(unit_texts("Despite the heavy rain last week, the river stayed low.").size() == 2);
    // "as" before a noun phrase is no reason: "As a teacher, ..."
    CHECK(unit_texts("As a teacher of many years, I know the value of homework.").size() == 1);
}

TEST_CASE("a fronted reason clause supports the main clause after it", "[engine]") {
    const auto m = map_text("Since the buses are always late, we should build a tram line.");
    CHECK(m.central().text == "We should build a tram line.");
    const auto& r = m.from("buses are always late");
    CHECK(r.type == engine::relation_type::support);
    CHECK(r.why.rule == "fronted-premise");
}

TEST_CASE("contrast, semicolons and coordinated clauses split a sentence; short pieces do not", "[engine]") {
    CHECK(unit_texts("Fees are high; however, the service is worth every cent.").size() == 2);
    CHECK(unit_texts("The bus is slow, but the tram is even slower than that.").size() == 2);
    CHECK(unit_texts("Rents rise every year, and many families must move out.").size() == 2);
    CHECK(unit_texts("Cats, but not dogs, are allowed in the flats here.").size() == 1);
}

TEST_CASE("every unit span covers exactly its words", "[engine]") {
    const std::string text = "  Taxes must fall,  because they hurt growth.\n\nGrowth pays for schools.  ";
    auto parsed = grammar::parse_prose(text);
    REQUIRE(parsed.ok());
    for (const auto& u : engine::segment(*parsed.value)) {
        const auto s = engine::slice(text, u.where);
        REQUIRE_FALSE(s.empty());
        CHECK(s.front() != ' ');
        CHECK(s.back() != ' ');
    }
}

TEST_CASE("the main claim is the unit with deontic stance rather than its reasons", "[engine]") {
    const auto m = map_text("The streets are full of litter. Tourists complain every summer. "
                            "The city should therefore double the fines for littering.");
    CHECK(m.central().text.find("double the fines") != std::string::npos);
}

TEST_CASE("a title's words point at the main claim", "[engine]") {
    const auto m = map_text("Bike lanes pay off\n\nMany cities built roads for decades. "
                            "Bike lanes pay off within a few years. Shops near them sell more. Accidents fall.\n");
    CHECK(m.central().text.find("Bike lanes pay off within") != std::string::npos);
}

TEST_CASE("a premise marker attaches its unit to the clause before it", "[engine]") {
    const auto m = map_text("We should plant more trees, because they cool the streets.");
    const auto& r = m.from("cool the streets");
    CHECK(r.type == engine::relation_type::support);
    CHECK(m.to(r) == m.find("plant more trees"));
    CHECK(r.why.marker == "because");
    CHECK(r.why.rule == "premise-marker");
}

TEST_CASE("a conclusion marker makes what precedes it a reason for it", "[engine]") {
    const auto m = map_text("Schools should start later. Teenagers sleep late by nature. "
                            "Their first lessons are wasted. Therefore, early classes hurt learning.");
    const auto& r = m.from("first lessons are wasted");
    CHECK(r.type == engine::relation_type::support);
    CHECK(m.to(r) == m.find("early classes hurt learning"));
    CHECK(r.why.rule == "conclusion-marker");
}

TEST_CASE("a concession followed by its answer is an attack that is answered", "[engine]") {
    const auto m = map_text("We should ban cars from the old town. Of course, shop owners fear losing customers. "
                            "But pedestrian streets attract more shoppers than parking lots do.");
    const auto& objection = m.from("shop owners fear");
    CHECK(objection.type == engine::relation_type::attack);
    CHECK(m.map.at(m.to(objection)).central);
    const auto& answer = m.from("pedestrian streets attract");
    CHECK(answer.type == engine::relation_type::attack);
    CHECK(m.to(answer) == m.find("shop owners fear"));
    const auto roles = engine::statement_roles(m.map);
    CHECK(roles[m.find("shop owners fear").value] == engine::statement_role::objection);
    CHECK(roles[m.find("pedestrian streets attract").value] == engine::statement_role::rebuttal);
}

TEST_CASE("a point the text turns away from with 'but' becomes an objection", "[engine]") {
    const auto m = map_text("Homework should be abolished. Homework trains discipline. "
                            "But children already spend six hours a day at school.");
    CHECK(m.from("trains discipline").type == engine::relation_type::attack);
    CHECK(m.from("trains discipline").why.rule == "conceded-before-contrast");
    CHECK(m.to(m.from("six hours")) == m.find("trains discipline"));
}

TEST_CASE("a fronted 'although' clause attacks the claim and the main clause answers it", "[engine]") {
    const auto m = map_text("The museum should stay free. Although tickets would raise money, "
                            "they would keep poor families away.");
    CHECK(m.from("tickets would raise money").type == engine::relation_type::attack);
    const auto& answer = m.from("keep poor families away");
    CHECK(answer.type == engine::relation_type::attack);
    CHECK(m.to(answer) == m.find("tickets would raise money"));
}

TEST_CASE("an example marker supports the unit before it", "[engine]") {
    const auto m = map_text("Public transport must be cheaper. Cheap fares change habits. "
                            "For example, Vienna's yearly pass doubled the number of riders.");
    const auto& r = m.from("Vienna");
    CHECK(r.type == engine::relation_type::support);
    CHECK(m.to(r) == m.find("Cheap fares change habits"));
}

TEST_CASE("in a longer text, unmarked paragraphs continue the line of reasoning before them", "[engine]") {
    const auto m = map_text("Cities should build more bike lanes.\n\n"
                            "Cycling is good for health. Doctors agree on this.\n\n"
                            "Regular riders see their doctors less often. They miss fewer days of work.\n\n"
                            "In addition, bike lanes cost little. A kilometre costs less than a bus.\n\n"
                            "Closing the argument, the case is clear.\n");
    CHECK(m.to(m.from("Regular riders")) == m.find("Cycling is good for health"));
    CHECK(m.from("Regular riders").why.rule == "line-of-reasoning");
    CHECK(m.map.at(m.to(m.from("bike lanes cost little"))).central);
}

TEST_CASE("every unit except the main claim has exactly one way up, and no cycles", "[engine]") {
    const auto m = map_text("Taxes should fall, so growth returns. Growth returns, so taxes should fall. "
                            "Therefore we need change. Because change is good, we need it.");
    const auto& map = m.map;
    for (std::uint32_t i = 0; i < map.statements().size(); ++i) {
        const engine::statement_id s{i};
        std::set<std::uint32_t> seen;
        auto cur = s;
        while (!map.at(cur).central) {
            REQUIRE(seen.insert(cur.value).second);
            const auto r = engine::main_outgoing(map, cur);
            REQUIRE(r.has_value());
            cur = engine::target_statement(map, *r);
        }
    }
}

TEST_CASE("the sample op-ed maps to its claim, three lines of reasons and an answered objection", "[engine]") {
    std::ifstream in(std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt", std::ios::binary);
    const auto m = map_text(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    CHECK(m.central().text == "It is highly unlikely the two countries will form an alliance.");
    // restated, in other words, where the last paragraph opens
    REQUIRE(m.central().spans.size() == 2);
    CHECK(engine::slice(m.text, m.central().spans[1]) == "There are many structural barriers between Russia and Japan.");
    for (const char* line : {"strategic interests are in conflict", "strategic concepts of Japan and Russia",
                             "lot of strategic divergences"}) {
        const auto& r = m.from(line);
        CHECK(r.type == engine::relation_type::support);
        CHECK(m.map.at(m.to(r)).central);
    }
    // each line has its own evidence beneath it
    CHECK(m.to(m.from("freshly emerging non-Western power")) == m.find("strategic interests are in conflict"));
    CHECK(m.to(m.from("Russia values world multi-polarization")) == m.find("strategic concepts of Japan"));
    CHECK(m.to(m.from("territorial dispute defies")) == m.find("lot of strategic divergences"));
    // the objection (realistic interests) attacks the claim and the text answers it
    const auto& objection = m.from("mainly done out of realistic interests");
    CHECK(objection.type == engine::relation_type::attack);
    CHECK(m.map.at(m.to(objection)).central);
    const auto& answer = m.from("will not greatly improve");
    CHECK(answer.type == engine::relation_type::attack);
    CHECK(m.to(answer) == m.find("mainly done out of realistic interests"));
    // no byline or page furniture
    for (const auto& s : m.map.statements()) {
        CHECK(s.text.find("Wang Haiyun") == std::string::npos);
        CHECK(s.text.find("Disqus") == std::string::npos);
        CHECK(s.text.find("@") == std::string::npos);
        CHECK(s.text.find("The author is") == std::string::npos);
    }
}

TEST_CASE("a coordinated clause that speaks of the clause before with 'this' or 'that' is a linked premise",
          "[engine]") {
    const auto m = map_text("We should go to the lake on Sunday. The forecast promises sunshine all day, "
                            "and one must not let this go to waste.");
    const auto& r = m.from("forecast promises sunshine");
    CHECK(r.type == engine::relation_type::support);
    CHECK(m.map.at(m.to(r)).central);
    REQUIRE(r.from.size() == 2);
    CHECK(r.from[0] == m.find("forecast promises sunshine"));
    CHECK(r.from[1] == m.find("let this go to waste"));
    CHECK(r.why.rule.find("linked-clause") != std::string::npos);
}

TEST_CASE("a coordinated clause with a point of its own is a separate, convergent reason", "[engine]") {
    const auto m = map_text("Peter should close his snack bar soon. Prices for supplies are far too high, "
                            "and his pool of customers is shrinking constantly.");
    const auto& prices = m.from("Prices for supplies");
    const auto& customers = m.from("pool of customers");
    CHECK(&prices != &customers);
    CHECK(prices.from.size() == 1);
    CHECK(customers.from.size() == 1);
    CHECK(m.map.at(m.to(customers)).central);
}

TEST_CASE("a summing-up marker in the last paragraph restates the main claim", "[engine]") {
    const auto m = map_text("The city should build more bike lanes.\n\n"
                            "Cyclists are safer on them. Shops along them sell more.\n\n"
                            "In short, bike lanes are worth their price.\n");
    const auto& claim = m.central();
    CHECK(claim.text == "The city should build more bike lanes.");
    REQUIRE(claim.spans.size() == 2);
    CHECK(engine::slice(m.text, claim.spans[1]) == "In short, bike lanes are worth their price.");
    for (const auto& s : m.map.statements()) CHECK(s.text.find("worth their price") == std::string::npos);
}

TEST_CASE("a longer text that closes on its main subjects restates its claim there", "[engine]") {
    const std::string text =
        "Berlin and Paris will not agree on a common budget soon.\n\n"
        "Berlin wants strict limits on debt. Paris wants room to invest.\n\n"
        "Berlin fears inflation more than anything. Paris fears stagnation.\n\n"
        "Berlin answers to thrifty voters. Paris answers to unions.\n\n"
        "Deep differences remain between Berlin and Paris. Talks will go on for years.\n";
    const auto m = map_text(text);
    const auto& claim = m.central();
    CHECK(claim.text == "Berlin and Paris will not agree on a common budget soon.");
    REQUIRE(claim.spans.size() == 2);
    CHECK(engine::slice(m.text, claim.spans[1]) == "Deep differences remain between Berlin and Paris.");
    // what followed the restatement in its paragraph now goes to the claim
    CHECK(m.map.at(m.to(m.from("Talks will go on"))).central);

    // the same closing sentence about other subjects is an ordinary statement
    std::string other = text;
    other.replace(other.find("Deep differences remain between Berlin and Paris."),
                  std::string("Deep differences remain between Berlin and Paris.").size(),
                  "Deep differences remain between unions and banks.");
    CHECK(map_text(other).central().spans.size() == 1);
}

TEST_CASE("a concession right after a reason is conceded against that reason", "[engine]") {
    const auto m = map_text("We should ban cars from the city centre. Cars make the air there dirty. "
                            "Admittedly, modern cars are much cleaner than old ones. But there are still far too many of them.");
    const auto& conceded = m.from("modern cars are much cleaner");
    CHECK(conceded.type == engine::relation_type::attack);
    CHECK(m.to(conceded) == m.find("make the air there dirty"));
    CHECK(m.to(m.from("still far too many")) == m.find("modern cars are much cleaner"));
}

TEST_CASE("a unit that takes up an earlier reason's words, not the claim's, elaborates that reason", "[engine]") {
    const auto m = map_text("The council should ban cars from the old town. Exhaust fumes fill its narrow lanes every day. "
                            "Exhaust fumes in narrow lanes harm the lungs of residents.");
    const auto& r = m.from("harm the lungs");
    CHECK(r.type == engine::relation_type::support);
    CHECK(m.to(r) == m.find("fill its narrow lanes"));
    CHECK(r.why.rule == "lexical-overlap");
}

TEST_CASE("a second stance cue strengthens a unit's claim to be the main one", "[engine]") {
    const auto m = map_text("I think the old airport has been lucky for years. "
                            "Once the new airport opens, the old one should definitely be closed.");
    CHECK(m.central().text.find("should definitely be closed") != std::string::npos);
}

TEST_CASE("evaluative and deontic stance ('is fair', 'had better') marks the main claim", "[engine]") {
    CHECK(map_text("Many people are fit for longer than before. They live longer as well. "
                   "Raising the retirement age for them is fair.")
              .central()
              .text.find("is fair") != std::string::npos);
    CHECK(map_text("Elections are coming soon. The government had better restrain itself in its promises. "
                   "Voters have become more sceptical.")
              .central()
              .text.find("had better restrain") != std::string::npos);
}

TEST_CASE("courtesies and subheadings are not units of the argument", "[engine]") {
    CHECK(engine::is_courtesy("Good morning."));
    CHECK(engine::is_courtesy("Thank you, and God bless America."));
    CHECK_FALSE(engine::is_courtesy("Thank you for the good news, which proves my point."));
    const std::string text = "Good morning. Taxes should fall, because the economy is weak.\n\nThe Evidence\n\n"
                             "Growth has slowed for three years.\n\nThank you.\n";
    const auto parsed = grammar::parse_prose(text);
    REQUIRE(parsed.ok());
    const auto units = engine::segment(*parsed.value);
    for (const auto& u : units) {
        const auto t = text.substr(u.where.begin, u.where.end - u.where.begin);
        CHECK(t.find("Good morning") == std::string::npos);
        CHECK(t.find("Thank you") == std::string::npos);
        CHECK(t != "The Evidence");
    }
    CHECK(units.size() == 3);
}

TEST_CASE("a unit's text keeps an opening word that its clause needs, and drops one that only joins", "[engine]") {
    const std::string text = "As a business owner, I know the costs. Since 2013, sixteen states have raised wages. "
                             "Unlike its defenders, the report is careful. But the costs are real. Moreover, wages rose.";
    const auto parsed = grammar::parse_prose(text);
    REQUIRE(parsed.ok());
    std::vector<std::string> shown;
    for (const auto& u : engine::segment(*parsed.value)) shown.push_back(engine::display_text(text, u));
    const auto has = [&](const std::string& s) { return std::find(shown.begin(), shown.end(), s) != shown.end(); };
    CHECK(has("As a business owner, I know the costs."));
    CHECK(has("Since 2013, sixteen states have raised wages."));
    CHECK(has("Unlike its defenders, the report is careful."));
    CHECK(has("The costs are real."));
    CHECK(has("Wages rose."));
}
