#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "render/json_document.hpp"

using namespace argmap;
using nlohmann::json;

namespace {

engine::span find_span(const std::string& text, const std::string& part) {
    const auto at = text.find(part);
    REQUIRE(at != std::string::npos);
    return {at, at + part.size()};
}

/// Two sources, linked premises, an attack, an undercut, an alignment, non-ASCII text.
engine::argument_map rich_map() {
    engine::argument_map map;
    engine::source a;
    a.name = "putin-visit-tokyo.txt";
    a.title = "Putin visit unlikely to close rift with Tokyo";
    a.byline = "By Sōichirō Tanaka, Tōkyō";
    a.text = "It is highly unlikely the two countries will form an alliance. Their strategic interests "
             "conflict, and their strategic concepts differ. Still, both sides want better ties "
             "(« réalisme »). But wanting ties is not the same as an alliance. Тест: 東京.\n";
    const auto sa = map.add_source(a);
    engine::source b;
    b.name = "reply.txt";
    b.text = "An alliance is likely, because trade is growing.";
    const auto sb = map.add_source(b);

    const auto s1 = map.add_statement({sa, "It is highly unlikely the two countries will form an alliance.",
                                       {find_span(a.text, "It is highly unlikely the two countries will form an alliance.")},
                                       true});
    const auto s2 = map.add_statement(
        {sa, "Their strategic interests conflict.", {find_span(a.text, "Their strategic interests conflict")}, false});
    const auto s3 = map.add_statement(
        {sa, "Their strategic concepts differ.", {find_span(a.text, "their strategic concepts differ")}, false});
    const auto s4 = map.add_statement(
        {sa, "Both sides want better ties (« réalisme »).", {find_span(a.text, "both sides want better ties")}, false});
    const auto s5 = map.add_statement({sa, "Wanting ties is not the same as an alliance.",
                                       {find_span(a.text, "wanting ties is not the same as an alliance"),
                                        find_span(a.text, "Тест: 東京")},
                                       false});
    const auto t1 = map.add_statement({sb, "An alliance is likely.", {find_span(b.text, "An alliance is likely")}, true});
    const auto t2 = map.add_statement({sb, "Trade is growing.", {}, false});

    engine::relation linked;
    linked.type = engine::relation_type::support;
    linked.from = {s2, s3};
    linked.to = s1;
    linked.why = {"and", find_span(a.text, "and their"), "linked-conjunction", 0.1 + 0.2};
    const auto r1 = map.add_relation(linked);

    engine::relation objection;
    objection.type = engine::relation_type::attack;
    objection.from = {s4};
    objection.to = s1;
    objection.why = {"Still", find_span(a.text, "Still"), "contrast-marker", 1.0 / 3.0};
    const auto r2 = map.add_relation(objection);

    engine::relation undercut;
    undercut.type = engine::relation_type::undercut;
    undercut.from = {s5};
    undercut.to = r2;
    undercut.why = {"But", std::nullopt, "answer-to-objection", 0.6};
    map.add_relation(undercut);

    engine::relation reply;
    reply.type = engine::relation_type::support;
    reply.from = {t2};
    reply.to = t1;
    reply.why = {"", std::nullopt, "", 1.0};
    map.add_relation(reply);
    (void)r1;

    map.add_alignment({s1, t1, engine::stance::contradict, 0.71});
    map.add_alignment({s2, t2, engine::stance::related, 5e-324});
    return map;
}

const std::string tiny_text = "No alliance\nJapan and Russia will not ally, because their interests conflict.\n";

/// The map that tests/data/json/small_map.json describes.
engine::argument_map small_map() {
    engine::argument_map map;
    const auto a = map.add_source({"tiny.txt", "No alliance", "", tiny_text});
    const auto s1 = map.add_statement({a, "Japan and Russia will not ally.", {{12, 42}}, true});
    const auto s2 = map.add_statement({a, "Their interests conflict.", {{52, 76}}, false});
    engine::relation r;
    r.from = {s2};
    r.to = s1;
    r.why = {"because", engine::span{44, 51}, "premise-marker", 0.6};
    map.add_relation(r);
    return map;
}

/// The map that tests/data/json/argdown_fields.json describes: titles, tags, groups, an argument
/// node with data, linked premises with an inference rule.
engine::argument_map argdown_map() {
    engine::argument_map map;
    const auto a = map.add_source({"taxes.argdown", "", "", ""});
    engine::statement t1{a, "Taxes should rise.", {}, true};
    t1.title = "T1";
    t1.tags = {"policy", "fiscal policy"};
    t1.group = "Op-ed A > Part 1";
    const auto s1 = map.add_statement(t1);
    engine::statement a1{a, "Schools need money.", {}, false};
    a1.kind = engine::statement_kind::argument;
    a1.title = "A1";
    a1.group = "Op-ed A > Part 1";
    a1.data = {{"year", "2024"}, {"source", "Op-ed B"}};
    const auto s2 = map.add_statement(a1);
    engine::statement p1{a, "Schools are under-funded.", {}, false};
    p1.title = "P1";
    const auto s3 = map.add_statement(p1);
    engine::statement p2{a, "If schools are under-funded, taxes should rise.", {}, false};
    p2.title = "P2";
    const auto s4 = map.add_statement(p2);
    engine::relation pcs{engine::relation_type::support, {s3, s4}, s1, {"", std::nullopt, "argdown-pcs", 1.0}};
    pcs.inference = "Modus ponens";
    map.add_relation(pcs);
    map.add_relation({engine::relation_type::support, {s2}, s1, {"", std::nullopt, "argdown-relation", 1.0}});
    return map;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// A valid document in which the malformed cases below change one thing each.
json base_document() {
    return json::parse(R"({
      "format": "argmap", "version": 1,
      "sources": [{"id": "a", "name": "x.txt", "text": "Cats purr. Dogs bark, so pets are loud."}],
      "statements": [
        {"id": "s1", "source": "a", "text": "Pets are loud.", "spans": [[25, 38]], "central": true},
        {"id": "s2", "source": "a", "text": "Dogs bark.", "spans": [[11, 20]]},
        {"id": "s3", "source": "a", "text": "Cats purr.", "spans": [[0, 10]]}
      ],
      "relations": [
        {"id": "r1", "type": "support", "from": ["s2"], "to": "s1", "marker": "so",
         "marker_span": [22, 24], "rule": "conclusion-marker", "confidence": 0.8},
        {"id": "r2", "type": "undercut", "from": ["s3"], "to": "r1", "marker": "", "rule": "r", "confidence": 0.5}
      ],
      "alignments": [{"statements": ["s1", "s2"], "stance": "related", "score": 0.3}]
    })");
}

bool any_error_contains(const engine::parse_result<engine::argument_map>& r, const std::string& part) {
    for (const auto& e : r.errors)
        if (e.message.find(part) != std::string::npos) return true;
    return false;
}

std::string all_messages(const engine::parse_result<engine::argument_map>& r) {
    std::string out;
    for (const auto& e : r.errors) out += std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message + "\n";
    return out;
}

/// Whether every byte sequence in s is well-formed UTF-8.
bool valid_utf8(const std::string& s) {
    try {
        (void)json(s).dump();  // the strict error handler throws on bad UTF-8
        return true;
    } catch (const json::type_error&) {
        return false;
    }
}

}  // namespace

TEST_CASE("ids are derived from indices: letters for sources, s and r numbers for the rest", "[render]") {
    using engine::source_id;
    CHECK(render::json_id(source_id{0}) == "a");
    CHECK(render::json_id(source_id{1}) == "b");
    CHECK(render::json_id(source_id{25}) == "z");
    CHECK(render::json_id(source_id{26}) == "aa");
    CHECK(render::json_id(source_id{27}) == "ab");
    CHECK(render::json_id(source_id{701}) == "zz");
    CHECK(render::json_id(source_id{702}) == "aaa");
    CHECK(render::json_id(engine::statement_id{0}) == "s1");
    CHECK(render::json_id(engine::statement_id{41}) == "s42");
    CHECK(render::json_id(engine::relation_id{0}) == "r1");
    CHECK(render::json_id(engine::relation_id{9}) == "r10");
}

TEST_CASE("a small map is written exactly as the golden document", "[render]") {
    const auto map = small_map();
    REQUIRE(tiny_text.substr(12, 30) == "Japan and Russia will not ally");
    REQUIRE(tiny_text.substr(44, 7) == "because");
    REQUIRE(tiny_text.substr(52, 24) == "their interests conflict");

    const auto golden = json::parse(read_file(std::string(ARGMAP_TEST_DATA) + "/json/small_map.json"));
    CHECK(render::to_json_value(map) == golden);
    CHECK(json::parse(render::write_json(map, true)) == golden);
    CHECK(json::parse(render::write_json(map, false)) == golden);

    const auto back = render::from_json_value(golden);
    INFO(all_messages(back));
    REQUIRE(back.ok());
    CHECK(*back.value == map);
}

TEST_CASE("titles, tags, groups, argument nodes, data and inference rules are written as the golden document", "[render]") {
    const auto map = argdown_map();
    const auto golden = json::parse(read_file(std::string(ARGMAP_TEST_DATA) + "/json/argdown_fields.json"));
    CHECK(render::to_json_value(map) == golden);
    CHECK(json::parse(render::write_json(map, true)) == golden);

    const auto back = render::from_json_value(golden);
    INFO(all_messages(back));
    REQUIRE(back.ok());
    CHECK(*back.value == map);
    const auto& arg = back.value->statements()[1];
    CHECK(arg.kind == engine::statement_kind::argument);
    CHECK(arg.title == "A1");
    CHECK(arg.data.at("source") == "Op-ed B");
    CHECK(back.value->statements()[0].tags == std::vector<std::string>{"policy", "fiscal policy"});
    CHECK(back.value->relations()[0].inference == "Modus ponens");
}

TEST_CASE("the Argdown fields keep their place in the key order and round-trip through text", "[render]") {
    const auto map = argdown_map();
    const auto compact = render::write_json(map, false);
    CHECK(compact.find(R"({"id":"s1","source":"a","title":"T1","text":"Taxes should rise.","spans":[],"central":true,)"
                       R"("tags":["policy","fiscal policy"],"group":"Op-ed A > Part 1"})") != std::string::npos);
    CHECK(compact.find(R"({"id":"s2","source":"a","kind":"argument","title":"A1","text":"Schools need money.","spans":[],)"
                       R"("group":"Op-ed A > Part 1","data":{"source":"Op-ed B","year":"2024"}})") != std::string::npos);
    CHECK(compact.find(R"("confidence":1.0,"inference":"Modus ponens"})") != std::string::npos);
    for (const bool pretty : {false, true}) {
        const auto back = render::read_json(render::write_json(map, pretty));
        INFO(all_messages(back));
        REQUIRE(back.ok());
        CHECK(*back.value == map);
    }
}

TEST_CASE("a plain statement gets no kind, title, tags, group or data keys, and a plain relation no inference", "[render]") {
    const auto doc = render::to_json_value(small_map());
    for (const auto& st : doc["statements"])
        for (const char* key : {"kind", "title", "tags", "group", "data"}) CHECK_FALSE(st.contains(key));
    CHECK_FALSE(doc["relations"][0].contains("inference"));
    // empty values read as absent ones
    auto with_empty = doc;
    with_empty["statements"][0]["title"] = "";
    with_empty["statements"][0]["tags"] = json::array();
    with_empty["statements"][0]["group"] = "";
    with_empty["statements"][0]["data"] = json::object();
    with_empty["statements"][0]["kind"] = "statement";
    with_empty["relations"][0]["inference"] = "";
    const auto back = render::from_json_value(with_empty);
    INFO(all_messages(back));
    REQUIRE(back.ok());
    CHECK(*back.value == small_map());
}

TEST_CASE("empty titles, bylines, false central flags and absent alignments are left out", "[render]") {
    engine::argument_map map;
    const auto a = map.add_source({"n.txt", "", "", "One. Two."});
    const auto s1 = map.add_statement({a, "One.", {{0, 4}}, false});
    const auto s2 = map.add_statement({a, "Two.", {}, false});
    map.add_relation({engine::relation_type::attack, {s2}, s1, {"", std::nullopt, "", 0.25}});
    const auto doc = render::to_json_value(map);
    CHECK_FALSE(doc["sources"][0].contains("title"));
    CHECK_FALSE(doc["sources"][0].contains("byline"));
    CHECK_FALSE(doc["statements"][0].contains("central"));
    CHECK(doc["statements"][1]["spans"] == json::array());
    CHECK_FALSE(doc["relations"][0].contains("marker_span"));
    CHECK(doc["relations"][0]["marker"] == "");
    CHECK(doc["relations"][0]["type"] == "attack");
    CHECK_FALSE(doc.contains("alignments"));
    CHECK(doc["format"] == "argmap");
    CHECK(doc["version"] == 1);
}

TEST_CASE("written text keeps the contract's key order and is deterministic", "[render]") {
    const auto map = rich_map();
    const auto compact = render::write_json(map, false);
    CHECK(compact.rfind(R"({"format":"argmap","version":1,"sources":[{"id":"a","name":)", 0) == 0);
    CHECK(compact.find('\n') == std::string::npos);
    CHECK(compact.find(R"("statements":[{"id":"s1","source":"a","text":)") != std::string::npos);
    CHECK(compact.find(R"("relations":[{"id":"r1","type":"support","from":["s2","s3"],"to":"s1","marker":"and")") !=
          std::string::npos);
    CHECK(compact.find(R"({"id":"r3","type":"undercut","from":["s5"],"to":"r2","marker":"But","rule":)") !=
          std::string::npos);
    CHECK(compact.find(R"("alignments":[{"statements":["s1","s6"],"stance":"contradict","score":0.71})") !=
          std::string::npos);
    CHECK(render::write_json(rich_map(), false) == compact);
    const auto pretty = render::write_json(map, true);
    CHECK(pretty.rfind("{\n  \"format\": \"argmap\",\n  \"version\": 1,\n", 0) == 0);
    CHECK(json::parse(pretty) == json::parse(compact));
}

TEST_CASE("a map with two sources, linked premises, an undercut and an alignment reads back equal", "[render]") {
    const auto map = rich_map();
    for (const bool pretty : {false, true}) {
        const auto text = render::write_json(map, pretty);
        const auto back = render::read_json(text);
        INFO(all_messages(back));
        REQUIRE(back.ok());
        CHECK(*back.value == map);
        CHECK(back.value->relations()[0].from.size() == 2);
        CHECK(back.value->sources()[0].byline == "By Sōichirō Tanaka, Tōkyō");
        CHECK(render::write_json(*back.value, pretty) == text);
    }
    const auto via_value = render::from_json_value(render::to_json_value(map));
    REQUIRE(via_value.ok());
    CHECK(*via_value.value == map);
}

TEST_CASE("confidences and scores read back as the same double", "[render]") {
    for (const double c : {0.6, 0.1 + 0.2, 1.0 / 3.0, 0.0, 1.0, 5e-324, 0.9999999999999999, 2.0 / 7.0}) {
        engine::argument_map map;
        const auto a = map.add_source({"x", "", "", "p q"});
        const auto s1 = map.add_statement({a, "p", {{0, 1}}, false});
        const auto s2 = map.add_statement({a, "q", {{2, 3}}, false});
        map.add_relation({engine::relation_type::support, {s2}, s1, {"", std::nullopt, "", c}});
        map.add_alignment({s1, s2, engine::stance::agree, c * 3.7});
        const auto back = render::read_json(render::write_json(map, false));
        REQUIRE(back.ok());
        CHECK(back.value->relations()[0].why.confidence == c);
        CHECK(back.value->alignments()[0].score == c * 3.7);
    }
}

TEST_CASE("a batch line carries the input's id first, copied as-is, on one line", "[render]") {
    const auto map = small_map();
    for (const auto& id : {json("doc-17"), json(42), json::parse(R"({"corpus": "micro", "n": [1, 2]})"), json(nullptr)}) {
        const auto line = render::write_json_line(map, id);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.rfind("{\"id\":" + id.dump() + ",\"format\":\"argmap\"", 0) == 0);
        auto doc = json::parse(line);
        CHECK(doc["id"] == id);
        doc.erase("id");
        CHECK(doc == render::to_json_value(map));
        const auto back = render::read_json(line);  // the extra key is ignored on reading
        REQUIRE(back.ok());
        CHECK(*back.value == map);
    }
}

TEST_CASE("a batch id nested deeper than the limit is written as null, not copied", "[render]") {
    const auto nested = [](std::size_t depth) {
        std::string text(depth, '[');
        text += std::string(depth, ']');
        return json::parse(text);
    };
    CHECK(render::nesting_within(json(3), 0));
    CHECK(render::nesting_within(json::parse("[1, {\"a\": [2]}]"), 3));
    CHECK_FALSE(render::nesting_within(json::parse("[1, {\"a\": [2]}]"), 2));
    CHECK_FALSE(render::nesting_within(nested(100000), render::max_id_depth));

    const auto within = json::parse(render::write_json_line(small_map(), nested(render::max_id_depth)));
    CHECK(within["id"].is_array());
    CHECK(within["format"] == "argmap");
    const auto beyond = json::parse(render::write_json_line(small_map(), nested(render::max_id_depth + 1)));
    CHECK(beyond["id"].is_null());
    const auto far_beyond = json::parse(render::write_json_line(small_map(), nested(100000)));
    CHECK(far_beyond["id"].is_null());
    CHECK(far_beyond["statements"].size() == 2);
}

TEST_CASE("text that is not valid UTF-8 is written with replacement characters, not an exception", "[render]") {
    engine::argument_map map;
    const auto a = map.add_source({"bad\xC3.txt", "", "", std::string("ab\xFF\xFE cd\0ef", 10)});
    map.add_statement({a, "cd \xE2\x82", {}, false});
    std::string text;
    REQUIRE_NOTHROW(text = render::write_json(map, true));
    CHECK(valid_utf8(text));
    CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
    CHECK(text.find("\\u0000") != std::string::npos);
    const auto back = render::read_json(text);
    INFO(all_messages(back));
    REQUIRE(back.ok());
    CHECK(back.value->statements()[0].text.rfind("cd ", 0) == 0);
    REQUIRE_NOTHROW((void)render::write_json_line(map, json("x")));
}

TEST_CASE("ids on input may be any strings and are mapped to indices", "[render]") {
    const auto back = render::read_json(R"({
      "format": "argmap", "version": 1,
      "sources": [{"id": "left", "name": "l", "text": "A. B."}, {"id": "", "name": "r", "text": "C."}],
      "statements": [
        {"id": "claim", "source": "left", "text": "A", "spans": [[0, 2]], "central": false},
        {"id": "reason", "source": "left", "text": "B", "spans": []},
        {"id": "other", "source": "", "text": "C", "spans": [[0, 2]]}
      ],
      "relations": [{"id": "because-1", "type": "support", "from": ["reason"], "to": "claim",
                     "marker": "", "rule": "", "confidence": 1}],
      "alignments": [{"statements": ["claim", "other"], "stance": "agree", "score": 1}],
      "extension": {"anything": [1, 2, 3]}
    })");
    INFO(all_messages(back));
    REQUIRE(back.ok());
    engine::argument_map expected;
    const auto l = expected.add_source({"l", "", "", "A. B."});
    const auto r = expected.add_source({"r", "", "", "C."});
    const auto claim = expected.add_statement({l, "A", {{0, 2}}, false});
    const auto reason = expected.add_statement({l, "B", {}, false});
    const auto other = expected.add_statement({r, "C", {{0, 2}}, false});
    expected.add_relation({engine::relation_type::support, {reason}, claim, {"", std::nullopt, "", 1.0}});
    expected.add_alignment({claim, other, engine::stance::agree, 1.0});
    CHECK(*back.value == expected);
}

TEST_CASE("an undercut may name a relation listed after it", "[render]") {
    auto doc = base_document();
    // u2 undercuts u1, which undercuts r1; both are listed before what they attack.
    doc["relations"] = json::parse(R"([
      {"id": "u2", "type": "undercut", "from": ["s2"], "to": "u1", "marker": "", "rule": "b", "confidence": 0.2},
      {"id": "u1", "type": "undercut", "from": ["s3"], "to": "r1", "marker": "", "rule": "a", "confidence": 0.3},
      {"id": "r1", "type": "support", "from": ["s2"], "to": "s1", "marker": "so", "rule": "c", "confidence": 0.8}
    ])");
    const auto back = render::read_json(doc.dump(2));
    INFO(all_messages(back));
    REQUIRE(back.ok());
    const auto& rel = back.value->relations();
    REQUIRE(rel.size() == 3);
    CHECK(rel[0].why.rule == "c");
    CHECK(rel[0].to == std::variant<engine::statement_id, engine::relation_id>(engine::statement_id{0}));
    CHECK(rel[1].why.rule == "a");
    CHECK(rel[1].to == std::variant<engine::statement_id, engine::relation_id>(engine::relation_id{0}));
    CHECK(rel[2].why.rule == "b");
    CHECK(rel[2].to == std::variant<engine::statement_id, engine::relation_id>(engine::relation_id{1}));
    // and written again it reads back equal
    const auto again = render::read_json(render::write_json(*back.value, false));
    REQUIRE(again.ok());
    CHECK(*again.value == *back.value);
}

TEST_CASE("cycles of undercuts are rejected", "[render]") {
    auto doc = base_document();
    doc["relations"].push_back(json::parse(
        R"({"id": "u1", "type": "undercut", "from": ["s3"], "to": "u2", "marker": "", "rule": "", "confidence": 1})"));
    doc["relations"].push_back(json::parse(
        R"({"id": "u2", "type": "undercut", "from": ["s2"], "to": "u1", "marker": "", "rule": "", "confidence": 1})"));
    doc["relations"].push_back(json::parse(
        R"({"id": "u3", "type": "undercut", "from": ["s2"], "to": "u3", "marker": "", "rule": "", "confidence": 1})"));
    const auto back = render::read_json(doc.dump(2));
    INFO(all_messages(back));
    CHECK_FALSE(back.value);
    CHECK(back.errors.size() == 2);
    CHECK(any_error_contains(back, R"(a cycle of undercuts: "u1" -> "u2" -> "u1")"));
    CHECK(any_error_contains(back, R"(relations[4].to: a cycle of undercuts: "u3" -> "u3")"));
}

TEST_CASE("each malformed document gives a diagnostic naming the path of what is wrong", "[render]") {
    struct malformed {
        const char* what;
        std::function<void(json&)> change;
        const char* expected;
    };
    const std::vector<malformed> cases = {
        {"no format", [](json& d) { d.erase("format"); }, R"(document: missing key "format")"},
        {"wrong format", [](json& d) { d["format"] = "aif"; }, R"(format: expected "argmap", found "aif")"},
        {"wrong version", [](json& d) { d["version"] = 2; }, "version: unsupported version 2"},
        {"negative version", [](json& d) { d["version"] = -1; }, "version: unsupported version -1"},
        {"fractional version", [](json& d) { d["version"] = 1.0; }, "version: unsupported version 1.0"},
        {"version as text", [](json& d) { d["version"] = "1"; }, "version: expected the number 1, found string"},
        {"no statements", [](json& d) { d.erase("statements"); }, R"(document: missing key "statements")"},
        {"statements not a list", [](json& d) { d["statements"] = json::object(); },
         "statements: expected an array, found object"},
        {"source without text", [](json& d) { d["sources"][0].erase("text"); }, R"(sources[0]: missing key "text")"},
        {"source text a number", [](json& d) { d["sources"][0]["text"] = 3; },
         "sources[0].text: expected a string, found number"},
        {"title not a string", [](json& d) { d["sources"][0]["title"] = json::array(); },
         "sources[0].title: expected a string, found array"},
        {"statement not an object", [](json& d) { d["statements"][1] = "s2"; },
         "statements[1]: expected an object, found string"},
        {"statement without text", [](json& d) { d["statements"][2].erase("text"); },
         R"(statements[2]: missing key "text")"},
        {"reversed span", [](json& d) { d["statements"][1]["spans"][0] = {20, 11}; },
         "statements[1].spans[0]: expected [begin, end] with begin <= end"},
        {"negative span", [](json& d) { d["statements"][1]["spans"][0] = {-1, 11}; },
         "statements[1].spans[0]: expected [begin, end] with begin <= end"},
        {"fractional span", [](json& d) { d["statements"][1]["spans"][0] = {1.5, 11}; },
         "statements[1].spans[0]: expected [begin, end] with begin <= end"},
        {"span of three", [](json& d) { d["statements"][1]["spans"][0] = {1, 2, 3}; },
         "statements[1].spans[0]: expected [begin, end] with begin <= end"},
        {"span past the text", [](json& d) { d["statements"][0]["spans"].push_back({30, 999}); },
         R"(statements[0].spans[1]: span [30, 999] lies outside the text of source "a" (39 bytes))"},
        {"unknown source", [](json& d) { d["statements"][2]["source"] = "zz"; },
         R"(statements[2].source: unknown source id "zz")"},
        {"central not a boolean", [](json& d) { d["statements"][0]["central"] = "yes"; },
         "statements[0].central: expected true or false, found string"},
        {"duplicate statement id", [](json& d) { d["statements"][2]["id"] = "s1"; },
         R"(statements[2].id: duplicate statement id "s1")"},
        {"unknown relation type", [](json& d) { d["relations"][0]["type"] = "supports"; },
         R"(relations[0].type: unknown relation type "supports")"},
        {"no premises", [](json& d) { d["relations"][0]["from"] = json::array(); },
         "relations[0].from: expected at least one premise"},
        {"unknown premise", [](json& d) { d["relations"][0]["from"].push_back("s9"); },
         R"(relations[0].from[1]: unknown statement id "s9")"},
        {"premise not a string", [](json& d) { d["relations"][0]["from"][0] = 2; },
         "relations[0].from[0]: expected a statement id, found number"},
        {"unknown conclusion", [](json& d) { d["relations"][0]["to"] = "s7"; },
         R"(relations[0].to: unknown statement id "s7")"},
        {"undercut of a statement", [](json& d) { d["relations"][1]["to"] = "s1"; },
         R"(relations[1].to: an undercut must target a relation; "s1" is a statement)"},
        {"undercut of an unknown relation", [](json& d) { d["relations"][1]["to"] = "r8"; },
         R"(relations[1].to: unknown relation id "r8")"},
        {"support of a relation", [](json& d) { d["relations"][1]["type"] = "support"; },
         R"(relations[1].to: only an undercut may target a relation, but the type is "support")"},
        {"self-support", [](json& d) { d["relations"][0]["to"] = "s2"; },
         "relations[0].to: a relation from a statement to itself"},
        {"no marker", [](json& d) { d["relations"][0].erase("marker"); }, R"(relations[0]: missing key "marker")"},
        {"no confidence", [](json& d) { d["relations"][1].erase("confidence"); },
         R"(relations[1]: missing key "confidence")"},
        {"confidence out of range", [](json& d) { d["relations"][0]["confidence"] = 1.5; },
         "relations[0].confidence: expected a number in [0, 1], found 1.5"},
        {"confidence as text", [](json& d) { d["relations"][0]["confidence"] = "high"; },
         "relations[0].confidence: expected a number, found string"},
        {"marker span past the text", [](json& d) { d["relations"][0]["marker_span"] = {22, 40}; },
         R"(relations[0].marker_span: span [22, 40] lies outside the text of source "a")"},
        {"marker span reversed", [](json& d) { d["relations"][0]["marker_span"] = {24, 22}; },
         "relations[0].marker_span: expected [begin, end] with begin <= end"},
        {"duplicate relation id", [](json& d) { d["relations"][1]["id"] = "r1"; },
         R"(relations[1].id: duplicate relation id "r1")"},
        {"alignments not a list", [](json& d) { d["alignments"] = 1; }, "alignments: expected an array, found number"},
        {"alignment of three", [](json& d) { d["alignments"][0]["statements"].push_back("s3"); },
         "alignments[0].statements: expected two statement ids, found 3"},
        {"alignment of an unknown statement", [](json& d) { d["alignments"][0]["statements"][1] = "t4"; },
         R"(alignments[0].statements[1]: unknown statement id "t4")"},
        {"unknown stance", [](json& d) { d["alignments"][0]["stance"] = "disagree"; },
         R"(alignments[0].stance: unknown stance "disagree")"},
        {"score as null", [](json& d) { d["alignments"][0]["score"] = nullptr; },
         "alignments[0].score: expected a number, found null"},
        {"unknown statement kind", [](json& d) { d["statements"][1]["kind"] = "argumentation"; },
         R"(statements[1].kind: unknown kind "argumentation" (expected "statement" or "argument"))"},
        {"kind not a string", [](json& d) { d["statements"][1]["kind"] = 1; },
         "statements[1].kind: expected a string, found number"},
        {"statement title not a string", [](json& d) { d["statements"][0]["title"] = json::array({"T1"}); },
         "statements[0].title: expected a string, found array"},
        {"tags not a list", [](json& d) { d["statements"][0]["tags"] = "policy"; },
         "statements[0].tags: expected an array, found string"},
        {"a tag not a string", [](json& d) { d["statements"][0]["tags"] = json::array({"policy", 7}); },
         "statements[0].tags[1]: expected a tag (a string), found number"},
        {"group not a string", [](json& d) { d["statements"][2]["group"] = json::object(); },
         "statements[2].group: expected a string, found object"},
        {"data not an object", [](json& d) { d["statements"][2]["data"] = json::array(); },
         "statements[2].data: expected an object, found array"},
        {"a data value not a string", [](json& d) { d["statements"][2]["data"] = json::parse(R"({"year": 2024})"); },
         "statements[2].data.year: expected a string, found number"},
        {"inference not a string", [](json& d) { d["relations"][0]["inference"] = true; },
         "relations[0].inference: expected a string, found boolean"},
    };
    {
        const auto base = render::read_json(base_document().dump(2));
        INFO(all_messages(base));
        REQUIRE(base.ok());
    }
    for (const auto& c : cases) {
        auto doc = base_document();
        c.change(doc);
        const auto text = doc.dump(2);
        const auto from_text = render::read_json(text);
        const auto from_value = render::from_json_value(doc);
        INFO(c.what << "\n" << all_messages(from_text));
        CHECK_FALSE(from_text.value);
        CHECK(any_error_contains(from_text, c.expected));
        CHECK_FALSE(from_value.value);
        CHECK(any_error_contains(from_value, c.expected));
        // Pretty-printed, everything but the top level is below line 2: the position is real.
        for (const auto& e : from_text.errors)
            if (e.message.rfind("document:", 0) != 0) CHECK(e.line > 1);
    }
}

TEST_CASE("a document that is not an object is rejected", "[render]") {
    for (const char* text : {"[1, 2]", "\"argmap\"", "null", "42"}) {
        const auto r = render::read_json(text);
        INFO(text);
        CHECK_FALSE(r.value);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].message.rfind("document: expected an object, found ", 0) == 0);
    }
}

TEST_CASE("semantic errors point at the line and column of the offending value", "[render]") {
    const std::string text =
        "{\"format\": \"argmap\", \"version\": 1,\n"
        " \"sources\": [{\"id\": \"a\", \"name\": \"n\", \"text\": \"Ünïcode text here.\"}],\n"
        " \"statements\": [\n"
        "  {\"id\": \"s1\", \"source\": \"a\", \"text\": \"Ü\", \"spans\": [[0, 2], [9, 3]]},\n"
        "  {\"id\": \"s2\", \"sou\\u0072ce\": \"q\", \"text\": \"t\", \"spans\": []}\n"
        " ],\n"
        " \"relations\": [{\"id\": \"r1\", \"type\": \"rebut\", \"from\": [\"s2\"], \"to\": \"s1\",\n"
        "                \"marker\": \"\", \"rule\": \"\", \"confidence\": 0.5}]}";
    const auto r = render::read_json(text);
    INFO(all_messages(r));
    CHECK_FALSE(r.value);
    REQUIRE(r.errors.size() == 3);  // every error, not only the first
    CHECK(r.errors[0] == engine::diagnostic{4, 62, "statements[0].spans[1]: expected [begin, end] with begin <= end, found [9,3]"});
    CHECK(r.errors[1] == engine::diagnostic{5, 31, R"(statements[1].source: unknown source id "q")"});
    CHECK(r.errors[2].line == 7);
    CHECK(r.errors[2].column == 37);
    CHECK(r.errors[2].message.rfind(R"(relations[0].type: unknown relation type "rebut")", 0) == 0);
}

TEST_CASE("syntax errors give the line and column where parsing stopped", "[render]") {
    {
        const auto r = render::read_json("[1,]");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].line == 1);
        CHECK(r.errors[0].column == 4);
        CHECK(r.errors[0].message.find("unexpected ']'") != std::string::npos);
        CHECK(r.errors[0].message.find("json.exception") == std::string::npos);
    }
    {
        const auto r = render::read_json("{\n  \"format\": \"argmap\",\n  \"version\": tru\n}");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].line == 3);
        CHECK(r.errors[0].column >= 14);
    }
    {
        const auto r = render::read_json("");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0] == engine::diagnostic{1, 1, r.errors[0].message});
        CHECK(r.errors[0].message.find("unexpected end of input") != std::string::npos);
    }
    {
        const auto r = render::read_json("{\"version\": 1e999}");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].line == 1);
        CHECK(r.errors[0].column > 12);
        CHECK(r.errors[0].message.find("number overflow") != std::string::npos);
    }
    {
        // the lexer reads "tr" as the start of "true" and stops at the "a"
        const auto r = render::read_json("{} trailing");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].column == 6);
    }
}

TEST_CASE("invalid UTF-8 in the input gives a printable diagnostic", "[render]") {
    for (const std::string& text : {std::string("{\"format\": \"arg\xFFmap\"}"), std::string("{\"format\": \"\xC3\"}"),
                                   std::string("\xFF\xFE{}"), std::string("{\"a\": \"\xED\xA0\x80\"}")}) {
        engine::parse_result<engine::argument_map> r;
        REQUIRE_NOTHROW(r = render::read_json(text));
        CHECK_FALSE(r.value);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].line == 1);
        const auto& m = r.errors[0].message;
        CHECK((m.find("UTF-8") != std::string::npos || m.find("invalid literal") != std::string::npos));
        CHECK(valid_utf8(r.errors[0].message));
    }
}

TEST_CASE("binary input and damaged documents give diagnostics, never exceptions", "[render]") {
    std::mt19937 rng(20240611);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int n = 0; n < 500; ++n) {
        std::string text(static_cast<std::size_t>(n % 64) + 1, '\0');
        for (auto& c : text) c = static_cast<char>(byte(rng));
        engine::parse_result<engine::argument_map> r;
        REQUIRE_NOTHROW(r = render::read_json(text));
        CHECK_FALSE(r.value);
        CHECK_FALSE(r.errors.empty());
    }
    // every proper prefix of a valid document is invalid
    const auto whole = render::write_json(rich_map(), false);
    for (std::size_t n = 0; n < whole.size(); n += 7) {
        engine::parse_result<engine::argument_map> r;
        REQUIRE_NOTHROW(r = render::read_json(std::string_view(whole).substr(0, n)));
        CHECK_FALSE(r.value);
        CHECK_FALSE(r.errors.empty());
    }
    // single bytes changed: a result or diagnostics, never an exception, and never both
    for (int n = 0; n < 2000; ++n) {
        std::string text = whole;
        text[std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(rng)] = static_cast<char>(byte(rng));
        engine::parse_result<engine::argument_map> r;
        REQUIRE_NOTHROW(r = render::read_json(text));
        CHECK((r.value.has_value() == r.errors.empty()));
    }
}

TEST_CASE("deeply nested input is rejected without exhausting the stack", "[render]") {
    const std::size_t depth = 200000;
    const auto arrays = std::string(depth, '[') + std::string(depth, ']');
    const auto r1 = render::read_json(arrays);
    CHECK_FALSE(r1.value);
    REQUIRE(r1.errors.size() == 1);
    CHECK(r1.errors[0].message == "document: expected an object, found array");

    std::string objects = R"({"format": "argmap", "version": 1, "sources": [], "statements": [], "relations": [],)"
                          R"( "extra": )";
    for (std::size_t i = 0; i < depth; ++i) objects += R"({"a": )";
    objects += "1" + std::string(depth, '}') + R"(, "alignments": 7})";
    const auto r2 = render::read_json(objects);
    CHECK_FALSE(r2.value);
    REQUIRE(r2.errors.size() == 1);
    CHECK(r2.errors[0].message == "alignments: expected an array, found number");
    CHECK(r2.errors[0].column == objects.size() - 1);
}

TEST_CASE("messages stay short whatever the document holds", "[render]") {
    auto doc = base_document();
    const std::string long_id(5000, 'x');
    doc["statements"][0]["source"] = long_id;
    doc["relations"][0]["confidence"] = json::parse(R"({"a": [1, 2, 3]})");
    // nlohmann's dump recurses: put the deeply nested span into the text by hand
    auto text = doc.dump();
    const auto at = text.find("[11,20]");
    REQUIRE(at != std::string::npos);
    text.replace(at, 7, std::string(100000, '[') + std::string(100000, ']'));
    const auto r = render::read_json(text);
    INFO(all_messages(r));
    REQUIRE(r.errors.size() == 3);
    for (const auto& e : r.errors) CHECK(e.message.size() < 200);
    CHECK(any_error_contains(r, R"(statements[0].source: unknown source id "xxxxxxxxxx)"));
    CHECK(any_error_contains(r, "...") );
    CHECK(any_error_contains(r, "statements[1].spans[0]: expected [begin, end] with begin <= end, found an array"));
    CHECK(any_error_contains(r, "relations[0].confidence: expected a number, found object"));

    const auto bad = "{\"format\": \"" + std::string(10000, 'y') + "\xFF\"}";
    const auto syntax = render::read_json(bad);
    REQUIRE(syntax.errors.size() == 1);
    CHECK(syntax.errors[0].message.size() < 200);
    CHECK(syntax.errors[0].message.find("yyy\\xFF'") != std::string::npos);
    CHECK(syntax.errors[0].column == 10013);
}

TEST_CASE("the document is written directly as the same text as dumping its JSON value, or its pretty layout", "[render]") {
    engine::argument_map odd;
    static constexpr char raw[] = "x\x01\x1F\x7F\\/\b\f\r\n\0y \xF0\x9F\x98\x80 \xED\xA0\x80 \xC0\xAF \xF4\x90\x80\x80";
    const auto a = odd.add_source({"odd.txt", "T\xC3\xA9tle \"q\"", "by\tline", std::string(raw, sizeof raw - 1)});
    const auto s1 = odd.add_statement({a, "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D", {{0, 3}, {5, 9}}, true});
    const auto s2 = odd.add_statement({a, "", {}, false});
    odd.add_relation({engine::relation_type::support, {s2}, s1, {"because", engine::span{1, 2}, "rule", 0.1 + 0.2}});
    for (const auto& map : {rich_map(), small_map(), argdown_map(), odd, engine::argument_map{}}) {
        const auto compact = render::write_json(map, false);
        CHECK(compact == render::detail::write_json_by_value(map));
        // pretty: the same value, and the same text once the layout's white space is gone
        const auto pretty = render::write_json(map, true);
        CHECK(nlohmann::ordered_json::parse(pretty).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) ==
              compact);
    }
}

TEST_CASE("the pretty document has a line of its own for each member and each record", "[render]") {
    const auto map = rich_map();
    REQUIRE(!map.statements().empty());
    REQUIRE(!map.relations().empty());
    const auto text = render::write_json(map, true);
    std::vector<std::string> lines;
    for (std::size_t at = 0; at <= text.size();) {
        const auto end = std::min(text.find('\n', at), text.size());
        lines.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    // "{", format, version, each array's opening and closing line, "}", and one line per record
    const std::size_t arrays = 3 + (map.alignments().empty() ? 0 : 1);
    CHECK(lines.size() == 4 + 2 * arrays + map.sources().size() + map.statements().size() + map.relations().size() +
                              map.alignments().size());
    CHECK(lines.front() == "{");
    CHECK(lines[1] == R"(  "format": "argmap",)");
    CHECK(lines.back() == "}");
    std::size_t records = 0;
    for (const auto& line : lines) {
        if (line.rfind("    {\"id\": \"s", 0) != 0) continue;  // a statement
        ++records;
        const auto one = json::parse(line.back() == ',' ? line.substr(0, line.size() - 1) : line);
        CHECK(one.contains("text"));
        CHECK(line.find("\"spans\": [") != std::string::npos);  // ", " and ": " inside a record
        CHECK(line.find("\", \"source\": ") != std::string::npos);
    }
    CHECK(records == map.statements().size());
}

TEST_CASE("a character to escape is escaped wherever it stands in a string of any length", "[render]") {
    // the writer scans strings 8, 16 and 32 bytes at a time; the last block of a long string
    // overlaps the one before
    for (const std::string special : {"\x01", "\"", "\\", "\x7F", "\xC3\xA9", "\xFF", "\n"}) {
        for (std::size_t size = 1; size <= 100; size += (size < 70 ? 1 : 7)) {
            for (std::size_t at = 0; at < size; at += (size < 40 ? 1 : 3)) {
                std::string text(size, 'a');
                text.replace(at, 1, special);
                engine::argument_map map;
                const auto a = map.add_source({"s.txt", "", "", text});
                map.add_statement({a, text, {}, false});
                INFO("size " << size << ", at " << at);
                CHECK(render::write_json(map, false) == render::detail::write_json_by_value(map));
            }
        }
    }
}
