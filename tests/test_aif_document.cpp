#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "engine/rules.hpp"
#include "grammar/prose_parser.hpp"
#include "render/aif_document.hpp"

using namespace argmap;
using nlohmann::json;

namespace {

using target = std::variant<engine::statement_id, engine::relation_id>;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string data_path(const std::string& name) { return std::string(ARGMAP_TEST_DATA) + "/aif/" + name; }

std::string all_messages(const engine::parse_result<engine::argument_map>& r) {
    std::string out;
    for (const auto& e : r.errors) out += std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message + "\n";
    return out;
}

std::string joined(const std::vector<std::string>& messages) {
    std::string out;
    for (const auto& m : messages) out += m + "\n";
    return out;
}

bool any_error_contains(const engine::parse_result<engine::argument_map>& r, const std::string& part) {
    return std::any_of(r.errors.begin(), r.errors.end(), [&](const auto& e) { return e.message.find(part) != std::string::npos; });
}

bool any_contains(const std::vector<std::string>& messages, const std::string& part) {
    return std::any_of(messages.begin(), messages.end(), [&](const auto& m) { return m.find(part) != std::string::npos; });
}

engine::relation relation_of(engine::relation_type type, std::vector<engine::statement_id> from, target to) {
    engine::relation r;
    r.type = type;
    r.from = std::move(from);
    r.to = to;
    return r;
}

/// One source (as the AIF reader makes it) holding everything AIF and the extra keys can carry:
/// titles, tags, groups, data, an argument node, a central claim; linked and convergent
/// supports, an attack, undercuts of a support, of an attack and of an undercut, a rephrase,
/// inference rules, provenance.
engine::argument_map full_map() {
    engine::argument_map map;
    const auto a = map.add_source({"map.aif.json", "", "", ""});
    engine::statement claim{a, "Taxes should rise.", {}, true};
    claim.title = "T1";
    claim.tags = {"policy", "fiscal policy"};
    claim.group = "Op-ed A > Part 1";
    const auto s0 = map.add_statement(claim);
    engine::statement p1{a, "Schools are under-funded.", {}, false};
    p1.title = "P1";
    const auto s1 = map.add_statement(p1);
    const auto s2 = map.add_statement({a, "If schools are under-funded, taxes should rise.", {}, false});
    engine::statement arg{a, "Roads need repair.", {}, false};
    arg.kind = engine::statement_kind::argument;
    arg.title = "A2";
    arg.data = {{"source", "Op-ed B"}, {"year", "2024"}};
    const auto s3 = map.add_statement(arg);
    const auto s4 = map.add_statement({a, "Schools are well funded.", {}, false});
    const auto s5 = map.add_statement({a, "Funding tables are out of date.", {}, false});
    const auto s6 = map.add_statement({a, "Road repair is paid from tolls.", {}, false});
    const auto s7 = map.add_statement({a, "Tolls were abolished.", {}, false});
    const auto s8 = map.add_statement({a, "Taxes must go up.", {}, false});
    const auto s9 = map.add_statement({a, "", {}, false});  // an argument without description, say

    auto linked = relation_of(engine::relation_type::support, {s1, s2}, s0);
    linked.inference = "Modus ponens";
    linked.why = {"", std::nullopt, "argdown-pcs", 1.0};
    const auto r0 = map.add_relation(linked);
    auto convergent = relation_of(engine::relation_type::support, {s3}, s0);
    convergent.why = {"because", std::nullopt, "premise-marker", 0.6};
    const auto r1 = map.add_relation(convergent);
    auto attack = relation_of(engine::relation_type::attack, {s4}, s1);
    attack.inference = "Rebuttal by counter-evidence";
    const auto r2 = map.add_relation(attack);
    const auto r3 = map.add_relation(relation_of(engine::relation_type::undercut, {s5}, r2));  // undercut of an attack
    map.add_relation(relation_of(engine::relation_type::undercut, {s6}, r1));                 // undercut of a support
    map.add_relation(relation_of(engine::relation_type::undercut, {s7}, r3));                 // undercut of an undercut
    auto rephrase = relation_of(engine::relation_type::support, {s0}, s8);
    rephrase.why.rule = std::string(render::aif_rephrase_rule);
    map.add_relation(rephrase);
    map.add_relation(relation_of(engine::relation_type::support, {s9}, s8));
    (void)r0;
    return map;
}

/// The nodes of a nodeset by id.
std::map<std::string, json> nodes_by_id(const json& doc) {
    std::map<std::string, json> out;
    for (const auto& n : doc.at("nodes")) out[n.at("nodeID").get<std::string>()] = n;
    return out;
}

std::vector<json> edges_to(const json& doc, const std::string& id) {
    std::vector<json> out;
    for (const auto& e : doc.at("edges"))
        if (e.at("toID") == id) out.push_back(e);
    return out;
}

std::vector<json> edges_from(const json& doc, const std::string& id) {
    std::vector<json> out;
    for (const auto& e : doc.at("edges"))
        if (e.at("fromID") == id) out.push_back(e);
    return out;
}

/// The minimal example of ../shared/reference/aif.md, as a value.
json minimal() { return json::parse(read_file(data_path("minimal.json"))); }

}  // namespace

TEST_CASE("the reference's minimal example reads as linked premises, a rebuttal of a premise and an undercut", "[render]") {
    const auto doc = minimal();
    CHECK(render::check_aif(doc).empty());
    const auto r = render::read_aif(read_file(data_path("minimal.json")), "minimal.json");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    const auto& map = *r.value;

    REQUIRE(map.sources().size() == 1);
    CHECK(map.sources()[0] == engine::source{"minimal.json", "", "", ""});

    REQUIRE(map.statements().size() == 5);  // I-nodes 1, 2, 3, 5, 7 in node order
    CHECK(map.statements()[0].text == "The interests of A and B conflict.");
    CHECK(map.statements()[1].text == "If their interests conflict, an alliance is unstable.");
    CHECK(map.statements()[2].text == "A and B should not form an alliance.");
    CHECK(map.statements()[3].text == "A and B share long-term goals.");
    CHECK(map.statements()[4].text == "Conflicting interests have not stopped past alliances.");
    for (const auto& s : map.statements()) {
        CHECK(s.source == engine::source_id{0});
        CHECK(s.spans.empty());
        CHECK_FALSE(s.central);
        CHECK(s.title.empty());
        CHECK(s.kind == engine::statement_kind::statement);
    }

    REQUIRE(map.relations().size() == 3);
    const auto& ra = map.relations()[0];
    CHECK(ra.type == engine::relation_type::support);
    CHECK(ra.from == std::vector<engine::statement_id>{{0}, {1}});  // linked: one RA, two premises
    CHECK(ra.to == target(engine::statement_id{2}));
    CHECK(ra.inference.empty());  // "Default Inference"
    CHECK(ra.why == engine::provenance{"", std::nullopt, "", 1.0});
    const auto& ca = map.relations()[1];
    CHECK(ca.type == engine::relation_type::attack);
    CHECK(ca.from == std::vector<engine::statement_id>{{3}});
    CHECK(ca.to == target(engine::statement_id{0}));
    CHECK(ca.inference.empty());  // "Default Conflict"
    const auto& undercut = map.relations()[2];
    CHECK(undercut.type == engine::relation_type::undercut);
    CHECK(undercut.from == std::vector<engine::statement_id>{{4}});
    CHECK(undercut.to == target(engine::relation_id{0}));

    // the value gives the same map
    const auto v = render::from_aif_value(doc, "minimal.json");
    REQUIRE(v.ok());
    CHECK(*v.value == map);
}

TEST_CASE("the minimal example written back is AIF of the same shape, node for node", "[render]") {
    const auto read = render::from_aif_value(minimal(), "minimal.json");
    REQUIRE(read.ok());
    const auto written = json::parse(render::write_aif(*read.value, true, {"2026-01-01 00:00:00"}));
    CHECK(render::check_aif(written).empty());
    // The golden file was checked by hand against the reference: I-nodes 1-5 in statement order,
    // then RA 6 (premises 1 and 2, conclusion 3), CA 7 (4 attacks 1), CA 8 (5 undercuts RA 6).
    CHECK(written == json::parse(read_file(data_path("minimal_written.json"))));
}

TEST_CASE("a map written as AIF passes the structural check and reads back equal", "[render]") {
    const auto map = full_map();
    const auto value = render::to_aif_value(map);
    INFO(joined(render::check_aif(value)));
    CHECK(render::check_aif(value).empty());
    for (const bool pretty : {false, true}) {
        const auto text = render::write_aif(map, pretty);
        CHECK(json::parse(text) == value);
        CHECK(render::check_aif(json::parse(text)).empty());
        const auto back = render::read_aif(text, "map.aif.json");
        INFO(all_messages(back));
        REQUIRE(back.ok());
        CHECK(*back.value == map);
        CHECK(render::write_aif(*back.value, pretty) == text);
    }
    const auto via_value = render::from_aif_value(value, "map.aif.json");
    REQUIRE(via_value.ok());
    CHECK(*via_value.value == map);
}

TEST_CASE("AIF output has AIFdb's shape: string ids, null form edges, empty locutions, default scheme names", "[render]") {
    const auto map = full_map();
    const auto text = render::write_aif(map, false);
    CHECK(text.rfind(R"({"nodes":[{"nodeID":"1","text":"Taxes should rise.","type":"I","argmap_title":"T1",)", 0) == 0);
    CHECK(text.find(R"({"edgeID":"1","fromID":"2","toID":"11","formEdgeID":null})") != std::string::npos);
    CHECK(text.ends_with(R"(}],"locutions":[]})"));
    CHECK(text.find("timestamp") == std::string::npos);  // none unless asked for

    const auto doc = render::to_aif_value(map);
    for (const auto& n : doc["nodes"]) {
        CHECK(n["nodeID"].is_string());
        CHECK(n["text"].is_string());
    }
    for (const auto& e : doc["edges"]) {
        CHECK(e["edgeID"].is_string());
        CHECK(e["formEdgeID"].is_null());
    }
    auto nodes = nodes_by_id(doc);
    REQUIRE(nodes.size() == map.statements().size() + map.relations().size());
    CHECK(nodes.at("11")["type"] == "RA");
    CHECK(nodes.at("11")["text"] == "Modus ponens");
    CHECK(nodes.at("12")["text"] == "Default Inference");
    CHECK(nodes.at("12")["argmap_rule"] == "premise-marker");
    CHECK(nodes.at("12")["argmap_marker"] == "because");
    CHECK(nodes.at("12")["argmap_confidence"] == 0.6);
    CHECK(nodes.at("13")["type"] == "CA");
    CHECK(nodes.at("13")["text"] == "Rebuttal by counter-evidence");
    CHECK(nodes.at("14")["text"] == "Default Conflict");
    CHECK(nodes.at("17")["type"] == "MA");
    CHECK(nodes.at("17")["text"] == "Default Rephrase");
    CHECK_FALSE(nodes.at("17").contains("argmap_rule"));
    CHECK(nodes.at("4")["type"] == "I");  // an argument is an I-node too
    CHECK(nodes.at("4")["text"] == "Roads need repair.");
    CHECK(nodes.at("4")["argmap_kind"] == "argument");
    CHECK(nodes.at("4")["argmap_data"] == json::parse(R"({"source": "Op-ed B", "year": "2024"})"));
    CHECK(nodes.at("1")["argmap_central"] == true);
    CHECK(nodes.at("1")["argmap_tags"] == json::array({"policy", "fiscal policy"}));
    CHECK(nodes.at("1")["argmap_group"] == "Op-ed A > Part 1");
    for (const char* key : {"argmap_title", "argmap_tags", "argmap_group", "argmap_kind", "argmap_central", "argmap_data"})
        CHECK_FALSE(nodes.at("5").contains(key));

    const auto stamped = render::to_aif_value(map, {"2026-05-06 07:08:09"});
    for (const auto& n : stamped["nodes"]) CHECK(n["timestamp"] == "2026-05-06 07:08:09");
}

TEST_CASE("linked premises make one RA node, convergent reasons one RA node each", "[render]") {
    engine::argument_map map;
    const auto a = map.add_source({"x", "", "", ""});
    const auto c = map.add_statement({a, "C", {}, false});
    const auto p = map.add_statement({a, "P", {}, false});
    const auto q = map.add_statement({a, "Q", {}, false});
    const auto r = map.add_statement({a, "R", {}, false});
    map.add_relation(relation_of(engine::relation_type::support, {p, q}, c));  // linked
    map.add_relation(relation_of(engine::relation_type::support, {r}, c));     // convergent with it
    const auto doc = render::to_aif_value(map);
    CHECK(render::check_aif(doc).empty());
    auto nodes = nodes_by_id(doc);
    REQUIRE(nodes.size() == 6);
    CHECK(nodes.at("5")["type"] == "RA");
    CHECK(nodes.at("6")["type"] == "RA");
    const auto into_linked = edges_to(doc, "5");
    REQUIRE(into_linked.size() == 2);
    CHECK(into_linked[0]["fromID"] == "2");
    CHECK(into_linked[1]["fromID"] == "3");
    const auto into_other = edges_to(doc, "6");
    REQUIRE(into_other.size() == 1);
    CHECK(into_other[0]["fromID"] == "4");
    for (const char* ra : {"5", "6"}) {
        const auto out = edges_from(doc, ra);
        REQUIRE(out.size() == 1);
        CHECK(out[0]["toID"] == "1");
    }
    CHECK(edges_to(doc, "1").size() == 2);
    for (const auto& e : doc["edges"])
        CHECK_FALSE((nodes.at(e["fromID"].get<std::string>())["type"] == "I" && nodes.at(e["toID"].get<std::string>())["type"] == "I"));

    const auto back = render::from_aif_value(doc, "x");
    REQUIRE(back.ok());
    CHECK(*back.value == map);
}

TEST_CASE("an undercut is a CA node whose edge points at the scheme node of the inference it attacks", "[render]") {
    const auto doc = render::to_aif_value(full_map());
    auto nodes = nodes_by_id(doc);
    // Relations are numbered from 0 and their nodes from 11: relation 4 (node 15) undercuts the
    // convergent support (node 12, an RA); relation 3 (node 14) undercuts the attack (node 13,
    // a CA); relation 5 (node 16) undercuts that undercut.
    const auto expect_undercut = [&](const std::string& ca, const std::string& attacker, const std::string& attacked,
                                     const char* attacked_type) {
        INFO(ca);
        CHECK(nodes.at(ca)["type"] == "CA");
        std::vector<std::string> premises;  // edges into a CA from I-nodes; an undercut of it comes from a CA
        for (const auto& e : edges_to(doc, ca))
            if (nodes.at(e["fromID"].get<std::string>())["type"] == "I") premises.push_back(e["fromID"].get<std::string>());
        CHECK(premises == std::vector<std::string>{attacker});
        const auto out = edges_from(doc, ca);
        REQUIRE(out.size() == 1);
        CHECK(out[0]["toID"] == attacked);
        CHECK(nodes.at(attacked)["type"] == attacked_type);
    };
    expect_undercut("15", "7", "12", "RA");
    expect_undercut("14", "6", "13", "CA");
    expect_undercut("16", "8", "14", "CA");
    CHECK(edges_to(doc, "14").size() == 2);  // its premise, and the CA that undercuts it
    // and the attack itself is a CA between I-nodes
    CHECK(edges_to(doc, "13")[0]["fromID"] == "5");
    CHECK(edges_from(doc, "13")[0]["toID"] == "2");
}

TEST_CASE("an undercut listed before the inference it attacks reads back in an order the map accepts", "[render]") {
    const auto doc = json::parse(R"({
      "nodes": [
        {"nodeID": "u", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "a", "text": "A", "type": "I"},
        {"nodeID": "b", "text": "B", "type": "I"},
        {"nodeID": "c", "text": "C", "type": "I"},
        {"nodeID": "r", "text": "RA", "type": "RA"}
      ],
      "edges": [
        {"edgeID": "1", "fromID": "c", "toID": "u"},
        {"edgeID": "2", "fromID": "u", "toID": "r"},
        {"edgeID": "3", "fromID": "b", "toID": "r"},
        {"edgeID": "4", "fromID": "r", "toID": "a"}
      ]
    })");
    CHECK(render::check_aif(doc).empty());
    const auto back = render::from_aif_value(doc, "x");
    INFO(all_messages(back));
    REQUIRE(back.ok());
    const auto& rel = back.value->relations();
    REQUIRE(rel.size() == 2);
    CHECK(rel[0].type == engine::relation_type::support);
    CHECK(rel[0].inference.empty());  // AraucariaDB's "RA" is the default scheme
    CHECK(rel[0].from == std::vector<engine::statement_id>{{1}});
    CHECK(rel[0].to == target(engine::statement_id{0}));
    CHECK(rel[1].type == engine::relation_type::undercut);
    CHECK(rel[1].from == std::vector<engine::statement_id>{{2}});
    CHECK(rel[1].to == target(engine::relation_id{0}));
}

TEST_CASE("OVA's wrapper is read: its nodeset, its text and numeric ids; dialogue and preference nodes are ignored", "[render]") {
    const auto text = read_file(data_path("ova.json"));
    const auto doc = json::parse(text);
    INFO(joined(render::check_aif(doc)));
    CHECK(render::check_aif(doc).empty());
    const auto r = render::read_aif(text, "ova.json");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    const auto& map = *r.value;
    REQUIRE(map.sources().size() == 1);
    CHECK(map.sources()[0].name == "ova.json");
    CHECK(map.sources()[0].text == doc["text"].get<std::string>());

    REQUIRE(map.statements().size() == 4);  // the I-nodes; no L-node becomes a statement
    CHECK(map.statements()[0].text == "Taxes should rise.");
    CHECK(map.statements()[1].text == "Schools are under-funded.");
    CHECK(map.statements()[2].text == "Schools are well funded.");
    CHECK(map.statements()[3].text == "Taxes must go up.");

    REQUIRE(map.relations().size() == 3);  // RA, CA, MA; the PA and the YA "Arguing" add nothing
    CHECK(map.relations()[0].type == engine::relation_type::support);
    CHECK(map.relations()[0].from == std::vector<engine::statement_id>{{1}});  // the YA edge into the RA is no premise
    CHECK(map.relations()[0].to == target(engine::statement_id{0}));
    CHECK(map.relations()[0].inference == "Argument From Consequences");
    CHECK(map.relations()[1].type == engine::relation_type::attack);
    CHECK(map.relations()[1].from == std::vector<engine::statement_id>{{2}});
    CHECK(map.relations()[1].to == target(engine::statement_id{1}));
    // the rephrase: a support along its edges, marked by its rule
    CHECK(map.relations()[2].type == engine::relation_type::support);
    CHECK(map.relations()[2].from == std::vector<engine::statement_id>{{0}});
    CHECK(map.relations()[2].to == target(engine::statement_id{3}));
    CHECK(map.relations()[2].why.rule == render::aif_rephrase_rule);
    CHECK(map.relations()[2].inference.empty());

    SECTION("written back, the rephrase is an MA node again and the map reads back equal") {
        const auto written = render::to_aif_value(map);
        CHECK(render::check_aif(written).empty());
        auto nodes = nodes_by_id(written);
        CHECK(nodes.at("7")["type"] == "MA");
        CHECK(nodes.at("7")["text"] == "Default Rephrase");
        CHECK(nodes.at("5")["text"] == "Argument From Consequences");
        const auto back = render::from_aif_value(written, "ova.json");
        REQUIRE(back.ok());
        CHECK(back.value->statements() == map.statements());
        CHECK(back.value->relations() == map.relations());
    }
    SECTION("OVA's text may also come as {\"txt\": ...}") {
        auto wrapped = doc;
        wrapped["text"] = json{{"txt", "Alice: taxes."}};
        const auto w = render::from_aif_value(wrapped, "ova.json");
        REQUIRE(w.ok());
        CHECK(w.value->sources()[0].text == "Alice: taxes.");
    }
}

TEST_CASE("numeric and string ids name the same node, and scheme names come from text or scheme keys", "[render]") {
    const auto doc = json::parse(R"({
      "nodes": [
        {"nodeID": 10, "text": "Claim", "type": "I"},
        {"nodeID": "11", "text": "Reason", "type": "I"},
        {"nodeID": 12, "text": "RA", "type": "RA", "scheme": "Argument From Expert Opinion"},
        {"nodeID": "13", "text": "Objection", "type": "I"},
        {"nodeID": 14, "text": "CA", "type": "CA"}
      ],
      "edges": [
        {"edgeID": 1, "fromID": "11", "toID": "12"},
        {"edgeID": "2", "fromID": "12", "toID": 10},
        {"edgeID": 3, "fromID": 13, "toID": 14},
        {"edgeID": 4, "fromID": "14", "toID": "10"}
      ],
      "locutions": []
    })");
    CHECK(render::check_aif(doc).empty());
    const auto r = render::from_aif_value(doc, "mixed");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    REQUIRE(r.value->relations().size() == 2);
    CHECK(r.value->relations()[0].from == std::vector<engine::statement_id>{{1}});
    CHECK(r.value->relations()[0].to == target(engine::statement_id{0}));
    CHECK(r.value->relations()[0].inference == "Argument From Expert Opinion");
    CHECK(r.value->relations()[1].type == engine::relation_type::attack);
    CHECK(r.value->relations()[1].inference.empty());
}

TEST_CASE("a prose map written as AIF passes the check and keeps its statements, relations and central claim", "[render]") {
    const auto text = read_file(std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt");
    const auto parsed = grammar::parse_prose(text);
    REQUIRE(parsed.value);
    const auto map = engine::reconstruct_by_rules(*parsed.value, "putin-visit-tokyo.txt");
    REQUIRE(map.statements().size() > 5);
    REQUIRE_FALSE(map.relations().empty());

    const auto doc = render::to_aif_value(map);
    INFO(joined(render::check_aif(doc)));
    CHECK(render::check_aif(doc).empty());
    const auto back = render::read_aif(render::write_aif(map, false), "putin-visit-tokyo.txt");
    INFO(all_messages(back));
    REQUIRE(back.ok());
    // AIFdb nodes hold no text positions, no source text and no explanations: everything else survives.
    REQUIRE(back.value->statements().size() == map.statements().size());
    for (std::size_t i = 0; i < map.statements().size(); ++i) {
        auto expected = map.statements()[i];
        expected.spans.clear();
        expected.claim_evidence.clear();  // an explanation of the reconstruction, not part of AIF
        CHECK(back.value->statements()[i] == expected);
    }
    REQUIRE(back.value->relations().size() == map.relations().size());
    for (std::size_t i = 0; i < map.relations().size(); ++i) {
        auto expected = map.relations()[i];
        expected.why.marker_span.reset();
        CHECK(back.value->relations()[i] == expected);
    }
}

TEST_CASE("statements of several sources are written into one nodeset and read back into one source", "[render]") {
    engine::argument_map map;
    const auto a = map.add_source({"a.txt", "A", "", "Alpha."});
    const auto b = map.add_source({"b.txt", "B", "", "Beta."});
    const auto s1 = map.add_statement({a, "Alpha.", {{0, 6}}, true});
    const auto s2 = map.add_statement({b, "Beta.", {{0, 5}}, true});
    map.add_relation(relation_of(engine::relation_type::attack, {s2}, s1));
    map.add_alignment({s1, s2, engine::stance::contradict, 0.5});
    const auto back = render::from_aif_value(render::to_aif_value(map), "both");
    REQUIRE(back.ok());
    REQUIRE(back.value->sources().size() == 1);
    REQUIRE(back.value->statements().size() == 2);
    CHECK(back.value->statements()[1].text == "Beta.");
    CHECK(back.value->statements()[1].source == engine::source_id{0});
    CHECK(back.value->statements()[1].central);
    CHECK(back.value->relations()[0].from == std::vector<engine::statement_id>{s2});
    CHECK(back.value->alignments().empty());
}

TEST_CASE("each malformed AIF document gives a diagnostic naming the JSON path of what is wrong", "[render]") {
    struct malformed {
        const char* what;
        std::function<void(json&)> change;
        const char* expected;
    };
    const std::vector<malformed> cases = {
        {"no nodes", [](json& d) { d.erase("nodes"); }, R"(document: missing key "nodes")"},
        {"edges not a list", [](json& d) { d["edges"] = json::object(); }, "edges: expected an array, found object"},
        {"node not an object", [](json& d) { d["nodes"][2] = "3"; }, "nodes[2]: expected an object, found string"},
        {"node without id", [](json& d) { d["nodes"][0].erase("nodeID"); }, R"(nodes[0]: missing key "nodeID")"},
        {"fractional id", [](json& d) { d["nodes"][0]["nodeID"] = 1.5; },
         "nodes[0].nodeID: expected a string or an integer, found 1.5"},
        {"node without type", [](json& d) { d["nodes"][1].erase("type"); }, R"(nodes[1]: missing key "type")"},
        {"unknown node type", [](json& d) { d["nodes"][3]["type"] = "XA"; },
         R"(nodes[3].type: unknown node type "XA" (expected I, RA, CA, MA, PA, L, TA or YA))"},
        {"I-node without text", [](json& d) { d["nodes"][4].erase("text"); }, R"(nodes[4]: missing key "text")"},
        {"text a number", [](json& d) { d["nodes"][4]["text"] = 5; }, "nodes[4].text: expected a string, found number"},
        {"duplicate node id", [](json& d) { d["nodes"][6]["nodeID"] = "5"; }, R"(nodes[6].nodeID: duplicate node id "5")"},
        {"same id as number and string", [](json& d) { d["nodes"][6]["nodeID"] = 5; },
         R"(nodes[6].nodeID: duplicate node id "5")"},
        {"edge not an object", [](json& d) { d["edges"][0] = json::array(); }, "edges[0]: expected an object, found array"},
        {"edge from an unknown node", [](json& d) { d["edges"][1]["fromID"] = "99"; },
         R"(edges[1].fromID: unknown node id "99")"},
        {"edge without target", [](json& d) { d["edges"][1].erase("toID"); }, R"(edges[1]: missing key "toID")"},
        {"edge between two I-nodes", [](json& d) { d["edges"].push_back({{"edgeID", "8"}, {"fromID", "5"}, {"toID", "3"}}); },
         R"(edges[7]: an edge between two I-nodes ("5" -> "3"))"},
        {"RA without premise", [](json& d) { d["edges"].erase(0); d["edges"].erase(0); },
         R"(nodes[3]: RA node "4" has no premise (no edge into it from an I-node))"},
        {"CA without conclusion", [](json& d) { d["edges"].erase(4); }, R"(nodes[5]: CA node "6" has no conclusion)"},
        {"CA with two conclusions", [](json& d) { d["edges"].push_back({{"edgeID", "8"}, {"fromID", "6"}, {"toID", "3"}}); },
         R"(nodes[5]: CA node "6" has 2 conclusions (edges out of it); expected one)"},
        {"RA concluding a CA", [](json& d) { d["edges"][2]["toID"] = "6"; },
         R"(edges[2].toID: an RA node must conclude an I-node; "6" is a CA node)"},
        {"premise and conclusion at once", [](json& d) { d["edges"][2]["toID"] = "1"; },
         R"(edges[2].toID: the I-node "1" is both premise and conclusion of RA node "4")"},
        {"a cycle of undercuts", [](json& d) {
             d["edges"][6]["toID"] = "6";  // CA 8 undercuts CA 6 ...
             d["edges"][4]["toID"] = "8";  // ... which undercuts CA 8
         },
         R"(a cycle of undercuts: "6" -> "8" -> "6")"},
        {"a tag not a string", [](json& d) { d["nodes"][0]["argmap_tags"] = json::array({"ok", 3}); },
         "nodes[0].argmap_tags[1]: expected a tag (a string), found number"},
        {"unknown kind", [](json& d) { d["nodes"][0]["argmap_kind"] = "claim"; },
         R"(nodes[0].argmap_kind: unknown kind "claim" (expected "statement" or "argument"))"},
        {"central not a boolean", [](json& d) { d["nodes"][0]["argmap_central"] = 1; },
         "nodes[0].argmap_central: expected true or false, found number"},
        {"data not an object", [](json& d) { d["nodes"][0]["argmap_data"] = "x"; },
         "nodes[0].argmap_data: expected an object, found string"},
        {"confidence out of range", [](json& d) { d["nodes"][3]["argmap_confidence"] = 2; },
         "nodes[3].argmap_confidence: expected a number in [0, 1], found 2"},
        {"rule not a string", [](json& d) { d["nodes"][3]["argmap_rule"] = json::array(); },
         "nodes[3].argmap_rule: expected a string, found array"},
        {"OVA wrapper whose AIF is no object", [](json& d) { d = json{{"AIF", json::array()}, {"text", ""}}; },
         "AIF: expected an object, found array"},
        {"OVA wrapper with a bad edge", [](json& d) {
             d["edges"][0]["toID"] = "77";
             d = json{{"AIF", d}, {"OVA", json::object()}, {"text", "t"}};
         },
         R"(AIF.edges[0].toID: unknown node id "77")"},
    };
    {
        const auto base = render::read_aif(minimal().dump(2), "m");
        INFO(all_messages(base));
        REQUIRE(base.ok());
    }
    for (const auto& c : cases) {
        auto doc = minimal();
        c.change(doc);
        const auto text = doc.dump(2);
        engine::parse_result<engine::argument_map> from_text;
        engine::parse_result<engine::argument_map> from_value;
        REQUIRE_NOTHROW(from_text = render::read_aif(text, "m"));
        REQUIRE_NOTHROW(from_value = render::from_aif_value(doc, "m"));
        INFO(c.what << "\n" << all_messages(from_text));
        CHECK_FALSE(from_text.value);
        CHECK(any_error_contains(from_text, c.expected));
        CHECK_FALSE(from_value.value);
        CHECK(any_error_contains(from_value, c.expected));
        // Pretty-printed, everything but the top level is below line 1: the position is real.
        for (const auto& e : from_text.errors)
            if (e.message.rfind("document:", 0) != 0 && e.message.rfind("AIF:", 0) != 0) CHECK(e.line > 1);
    }
}

TEST_CASE("a document that is not an AIF object gives one diagnostic", "[render]") {
    for (const char* text : {"[1, 2]", "\"AIF\"", "null", "42"}) {
        const auto r = render::read_aif(text, "x");
        INFO(text);
        CHECK_FALSE(r.value);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].message.rfind("document: expected an object, found ", 0) == 0);
        CHECK(render::check_aif(json::parse(text)).size() == 1);
    }
    const auto missing = render::read_aif("{}", "x");
    CHECK(missing.errors.size() == 2);  // nodes and edges
}

TEST_CASE("diagnostics point at the line and column of the offending value", "[render]") {
    const std::string text =
        "{\"nodes\": [\n"
        "  {\"nodeID\": \"1\", \"text\": \"A\", \"type\": \"I\"},\n"
        "  {\"nodeID\": \"2\", \"text\": \"B\", \"type\": \"I\"},\n"
        "  {\"nodeID\": \"3\", \"text\": \"Default Inference\", \"type\": \"RA\"}],\n"
        " \"edges\": [\n"
        "  {\"edgeID\": \"1\", \"fromID\": \"2\", \"toID\": \"3\"},\n"
        "  {\"edgeID\": \"2\", \"fromID\": \"3\", \"toID\": \"9\"}]}";
    const auto r = render::read_aif(text, "x");
    INFO(all_messages(r));
    CHECK_FALSE(r.value);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].line == 4);  // the RA node: no conclusion
    CHECK(r.errors[0].column == 3);
    CHECK(r.errors[0].message.rfind(R"(nodes[2]: RA node "3" has no conclusion)", 0) == 0);
    CHECK(r.errors[1] == engine::diagnostic{7, 42, R"(edges[1].toID: unknown node id "9")"});
}

TEST_CASE("syntax errors, binary input and damaged AIF give diagnostics, never exceptions", "[render]") {
    {
        const auto r = render::read_aif("{\"nodes\": [,]}", "x");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].line == 1);
        CHECK(r.errors[0].column == 12);
        CHECK(r.errors[0].message.rfind("invalid JSON: ", 0) == 0);
    }
    std::mt19937 rng(20260101);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int n = 0; n < 300; ++n) {
        std::string text(static_cast<std::size_t>(n % 64) + 1, '\0');
        for (auto& c : text) c = static_cast<char>(byte(rng));
        engine::parse_result<engine::argument_map> r;
        REQUIRE_NOTHROW(r = render::read_aif(text, "x"));
        CHECK_FALSE(r.value);
        CHECK_FALSE(r.errors.empty());
    }
    const auto whole = render::write_aif(full_map(), false);
    for (std::size_t n = 0; n < whole.size(); n += 5) {
        engine::parse_result<engine::argument_map> r;
        REQUIRE_NOTHROW(r = render::read_aif(std::string_view(whole).substr(0, n), "x"));
        CHECK_FALSE(r.value);
        CHECK_FALSE(r.errors.empty());
    }
    // single bytes changed: a map or diagnostics, never an exception, never both; the checker copes too
    for (int n = 0; n < 2000; ++n) {
        std::string text = whole;
        text[std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(rng)] = static_cast<char>(byte(rng));
        engine::parse_result<engine::argument_map> r;
        REQUIRE_NOTHROW(r = render::read_aif(text, "x"));
        CHECK((r.value.has_value() == r.errors.empty()));
        const auto parsed = json::parse(text, nullptr, false);
        if (!parsed.is_discarded()) REQUIRE_NOTHROW((void)render::check_aif(parsed));
    }
}

TEST_CASE("check_aif reports each structural fault with its path", "[render]") {
    CHECK(render::check_aif(minimal()).empty());
    const auto faults = [](const std::function<void(json&)>& change) {
        auto doc = minimal();
        change(doc);
        return render::check_aif(doc);
    };
    CHECK(any_contains(faults([](json& d) { d["nodes"][1]["nodeID"] = "1"; }), R"(nodes[1].nodeID: duplicate node id "1")"));
    CHECK(any_contains(faults([](json& d) { d["edges"][1]["edgeID"] = 1; }), R"(edges[1].edgeID: duplicate edge id "1")"));
    CHECK(any_contains(faults([](json& d) { d["edges"][1].erase("edgeID"); }), R"(edges[1]: missing key "edgeID")"));
    CHECK(any_contains(faults([](json& d) { d["edges"][3]["fromID"] = "42"; }), R"(edges[3].fromID: unknown node id "42")"));
    CHECK(any_contains(faults([](json& d) { d["edges"][2]["fromID"] = "1"; }),
                       R"(edges[2]: an edge between two I-nodes ("1" -> "3"))"));
    CHECK(any_contains(faults([](json& d) { d["edges"].erase(3); }),
                       R"(nodes[5]: CA node "6" has no premise (no edge into it from an I-node))"));
    CHECK(any_contains(faults([](json& d) { d["edges"][3]["fromID"] = "8"; }), R"(nodes[5]: CA node "6" has no premise)"));
    CHECK(any_contains(faults([](json& d) { d["edges"].push_back({{"edgeID", "9"}, {"fromID", "4"}, {"toID", "5"}}); }),
                       R"(nodes[3]: RA node "4" has 2 conclusions (edges out of it); expected one)"));
    CHECK(any_contains(faults([](json& d) { d["edges"].erase(2); }), R"(nodes[3]: RA node "4" has 0 conclusions)"));
    CHECK(any_contains(faults([](json& d) { d["nodes"][0].erase("text"); }), R"(nodes[0]: missing key "text")"));
    CHECK(any_contains(faults([](json& d) { d["nodes"][0]["type"] = 1; }), "nodes[0].type: expected a string, found number"));
    CHECK(any_contains(faults([](json& d) { d.erase("edges"); }), R"(document: missing key "edges")"));
    CHECK(any_contains(faults([](json& d) { d = json{{"AIF", d}}; d["AIF"]["nodes"][0]["nodeID"] = "2"; }),
                       R"(AIF.nodes[1].nodeID: duplicate node id "2")"));
    // several faults: one message each
    CHECK(faults([](json& d) {
              d["edges"][0]["edgeID"] = "2";
              d["nodes"][0]["text"] = 5;
          }).size() == 2);
    // dialogue nodes around a scheme node are neither premises nor conclusions
    auto dialogue = minimal();
    dialogue["nodes"].push_back({{"nodeID", "9"}, {"text", "Arguing"}, {"type", "YA"}});
    dialogue["edges"].push_back({{"edgeID", "8"}, {"fromID", "9"}, {"toID", "4"}});
    dialogue["edges"].push_back({{"edgeID", "9"}, {"fromID", "4"}, {"toID", "9"}});
    CHECK(render::check_aif(dialogue).empty());
}

TEST_CASE("AIF text that is not valid UTF-8 is written with replacement characters, not an exception", "[render]") {
    engine::argument_map map;
    const auto a = map.add_source({"bad", "", "", ""});
    const auto s1 = map.add_statement({a, "ab\xFF\xFE", {}, false});
    const auto s2 = map.add_statement({a, "cd \xE2\x82", {}, false});
    map.add_relation(relation_of(engine::relation_type::support, {s2}, s1));
    std::string text;
    REQUIRE_NOTHROW(text = render::write_aif(map, true));
    CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);
    const auto back = render::read_aif(text, "bad");
    INFO(all_messages(back));
    REQUIRE(back.ok());
    CHECK(back.value->statements()[0].text.rfind("ab", 0) == 0);
    CHECK(back.value->relations().size() == 1);
}
