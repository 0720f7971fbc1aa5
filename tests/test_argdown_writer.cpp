// The Argdown writer, and round trips: notation -> JSON -> notation, map -> AIF -> map, prose ->
// notation, each keeping every statement, relation and title.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "engine/rules.hpp"
#include "grammar/argdown_mapping.hpp"
#include "grammar/argdown_parser.hpp"
#include "grammar/prose_parser.hpp"
#include "render/aif_document.hpp"
#include "render/argdown_writer.hpp"
#include "render/json_document.hpp"

using namespace argmap;
using engine::statement_id;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::filesystem::path> notation_files() {
    std::vector<std::filesystem::path> out{std::filesystem::path(ARGMAP_TEST_DATA) / "argdown" / "tour.argdown"};
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(ARGMAP_TEST_DATA) / "argdown" / "conformance")) {
        if (e.path().extension() == ".argdown") out.push_back(e.path());
    }
    std::sort(out.begin() + 1, out.end());
    return out;
}

/// A node by what it says: kind, title and text (titles: optional, for maps whose untitled
/// statements may get titles on the way).
std::string node(const engine::argument_map& m, statement_id id, bool titles) {
    const auto& s = m.at(id);
    return std::string(s.kind == engine::statement_kind::argument ? "<" : "[") + (titles ? s.title : std::string()) + "]" + s.text;
}

std::string relation(const engine::argument_map& m, engine::relation_id id, bool titles) {
    const auto& r = m.at(id);
    std::vector<std::string> from;
    for (const auto f : r.from) from.push_back(node(m, f, titles));
    std::sort(from.begin(), from.end());
    std::string s;
    for (const auto& f : from) s += f + " & ";
    s += std::string(engine::to_string(r.type)) + " {" + r.inference + "} ";
    if (const auto* to = std::get_if<statement_id>(&r.to)) return s + node(m, *to, titles);
    return s + "(" + relation(m, std::get<engine::relation_id>(r.to), titles) + ")";
}

struct summary {
    std::vector<std::string> statements;
    std::vector<std::string> relations;
};

/// Statements (with tags and group when `details`) and relations, sorted.
summary summarise(const engine::argument_map& m, bool titles, bool details) {
    summary out;
    for (std::uint32_t i = 0; i < m.statements().size(); ++i) {
        std::string s = node(m, statement_id{i}, titles);
        if (details) {
            const auto& st = m.statements()[i];
            std::vector<std::string> tags = st.tags;
            std::sort(tags.begin(), tags.end());
            for (const auto& t : tags) s += " #" + t;
            s += " @" + st.group;
            for (const auto& [k, v] : st.data) s += " " + k + "=" + v;
        }
        out.statements.push_back(s);
    }
    for (std::uint32_t i = 0; i < m.relations().size(); ++i) out.relations.push_back(relation(m, engine::relation_id{i}, titles));
    std::sort(out.statements.begin(), out.statements.end());
    std::sort(out.relations.begin(), out.relations.end());
    return out;
}

engine::argument_map read_notation(const std::string& text) {
    std::vector<engine::diagnostic> warnings;
    auto r = grammar::read_argdown(text, "x.argdown", &warnings);
    std::string errors;
    for (const auto& e : r.errors) errors += std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message + "\n";
    INFO(errors);
    INFO(text);
    REQUIRE(r.ok());
    return std::move(*r.value);
}

}  // namespace

TEST_CASE("Notation to JSON to notation keeps every statement, relation, title, tag and group", "[render][argdown]") {
    for (const auto& path : notation_files()) {
        INFO(path.filename().string());
        const auto first = read_notation(slurp(path));
        const auto json = render::write_json(first, false);
        const auto back = render::read_json(json);
        REQUIRE(back.ok());
        const auto written = render::write_argdown(*back.value);
        const auto again = read_notation(written);
        INFO(written);
        const auto a = summarise(first, true, true);
        const auto b = summarise(again, true, true);
        CHECK(a.statements == b.statements);
        CHECK(a.relations == b.relations);
    }
}

TEST_CASE("A map to AIF and back keeps every statement, relation and title", "[render][argdown]") {
    std::vector<engine::argument_map> maps;
    for (const auto& path : notation_files()) maps.push_back(read_notation(slurp(path)));
    const auto prose = slurp(std::filesystem::path(ARGMAP_SAMPLES) / "putin-visit-tokyo.txt");
    const auto parsed = grammar::parse_prose(prose);
    REQUIRE(parsed.ok());
    maps.push_back(engine::reconstruct_by_rules(*parsed.value, "putin-visit-tokyo.txt"));
    for (const auto& m : maps) {
        const auto aif = render::write_aif(m, false);
        CHECK(render::check_aif(nlohmann::json::parse(aif)).empty());
        const auto back = render::read_aif(aif, "x");
        REQUIRE(back.ok());
        const auto a = summarise(m, true, true);
        const auto b = summarise(*back.value, true, true);
        CHECK(a.statements == b.statements);
        CHECK(a.relations == b.relations);
    }
}

TEST_CASE("A map from prose written as notation reads back with every statement and relation", "[render][argdown]") {
    const auto prose = slurp(std::filesystem::path(ARGMAP_SAMPLES) / "putin-visit-tokyo.txt");
    const auto parsed = grammar::parse_prose(prose);
    REQUIRE(parsed.ok());
    const auto map = engine::reconstruct_by_rules(*parsed.value, "putin-visit-tokyo.txt");
    REQUIRE(map.relations().size() > 5);
    const auto written = render::write_argdown(map);
    const auto again = read_notation(written);
    const auto a = summarise(map, false, false);
    const auto b = summarise(again, false, false);
    CHECK(a.statements == b.statements);
    CHECK(a.relations == b.relations);
    CHECK(again.sources().front().title == map.sources().front().title);
}

TEST_CASE("Special characters in texts are escaped and read back as text", "[render][argdown]") {
    engine::argument_map m;
    const auto src = m.add_source({"x", "", "", ""});
    const std::vector<std::string> texts = {"Costs [in euros] are *high* #1 <really>.", "- starts like a relation", "(1) starts like a PCS line",
                                            "a // not a comment, a /* not */ either", "smile :) and .~. and {braces} and @[x] back\\slash",
                                            "_under_ and 2. list"};
    std::vector<statement_id> ids;
    for (const auto& t : texts) ids.push_back(m.add_statement({src, t, {}, false}));
    for (std::size_t i = 1; i < ids.size(); ++i) m.add_relation({engine::relation_type::attack, {ids[i]}, ids[0], {}});
    const auto written = render::write_argdown(m);
    const auto again = read_notation(written);
    INFO(written);
    CHECK(summarise(m, false, false).statements == summarise(again, false, false).statements);
    CHECK(summarise(m, false, false).relations == summarise(again, false, false).relations);
}

TEST_CASE("What notation cannot say is written as an argument of its own, not dropped", "[render][argdown]") {
    engine::argument_map m;
    const auto src = m.add_source({"x", "", "", ""});
    const auto c = m.add_statement({src, "Conclusion.", {}, false});
    const auto p1 = m.add_statement({src, "Premise one.", {}, false});
    const auto p2 = m.add_statement({src, "Premise two.", {}, false});
    const auto u = m.add_statement({src, "Undercutter.", {}, false});
    const auto linked = m.add_relation({engine::relation_type::support, {p1, p2}, c, {}});
    m.add_relation({engine::relation_type::undercut, {u}, linked, {}});
    const auto written = render::write_argdown(m);
    INFO(written);
    const auto again = read_notation(written);
    // the linked support and its undercut are there, through a PCS of an argument of the writer's
    std::vector<std::string> rel = summarise(again, false, false).relations;
    CHECK(std::find(rel.begin(), rel.end(), "[]Premise one. & []Premise two. & support {} []Conclusion.") != rel.end());
    CHECK(std::find(rel.begin(), rel.end(), "[]Undercutter. & undercut {} ([]Premise one. & []Premise two. & support {} []Conclusion.)") !=
          rel.end());
}

TEST_CASE("map --format argdown output is accepted by check; check prints every error with its position", "[cli][argdown]") {
    const auto dir = test::temp_dir();
    const auto tour = std::string(ARGMAP_TEST_DATA) + "/argdown/tour.argdown";
    const auto written = test::run_argmap("map '" + tour + "' --format argdown -o '" + dir + "/tour.ad'");
    REQUIRE(written.status == 0);
    const auto ok = test::run_argmap("check '" + dir + "/tour.ad'");
    CHECK(ok.status == 0);
    CHECK(ok.out.empty());
    CHECK(ok.err.empty());
    test::write_file(dir + "/bad.argdown", "[T]: t\n\n  + [U]: u\n\n[A]: a\n  + \n");
    const auto bad = test::run_argmap("check '" + dir + "/bad.argdown'");
    CHECK(bad.status == 1);
    CHECK(bad.out.empty());
    CHECK(bad.err.find(dir + "/bad.argdown:3:3: error:") != std::string::npos);
    CHECK(bad.err.find(dir + "/bad.argdown:6:") != std::string::npos);
    const auto warn = test::run_argmap("check -", "[T]: t\n  + <Nowhere>\n");
    CHECK(warn.status == 0);
    CHECK(warn.err == "-:2:5: warning: undefined argument <Nowhere>\n");
}

TEST_CASE("map reads Argdown, JSON and AIF by extension, content or --from, and writes AIF and Argdown", "[cli][argdown]") {
    const auto dir = test::temp_dir();
    const std::string text = "[T]: Taxes should rise.\n  + [R]: Schools need money.\n  - [W]: It would be wasted.\n";
    test::write_file(dir + "/in.argdown", text);
    test::write_file(dir + "/in.unknown", text);
    const auto json = test::run_argmap("map '" + dir + "/in.argdown' -o '" + dir + "/out.json'");
    REQUIRE(json.status == 0);
    const auto doc = nlohmann::json::parse(test::read_file(dir + "/out.json"));
    CHECK(doc.at("statements").size() == 3);
    CHECK(doc.at("statements")[0].at("title") == "T");
    // the same by content
    const auto by_content = test::run_argmap("map '" + dir + "/in.unknown' --format json");
    CHECK(by_content.status == 0);
    CHECK(nlohmann::json::parse(by_content.out).at("relations").size() == 2);
    // a saved map re-renders; AIF out and back in
    const auto aif = test::run_argmap("map '" + dir + "/out.json' --format aif -o '" + dir + "/out.aif'");
    REQUIRE(aif.status == 0);
    CHECK(render::check_aif(nlohmann::json::parse(test::read_file(dir + "/out.aif"))).empty());
    const auto from_aif = test::run_argmap("map '" + dir + "/out.aif' --format argdown");
    REQUIRE(from_aif.status == 0);
    CHECK(from_aif.out.find("[T]: Taxes should rise.") != std::string::npos);
    CHECK(from_aif.out.find("  - [W]") != std::string::npos);
    // --from wins over the extension
    const auto forced = test::run_argmap("map '" + dir + "/in.argdown' --from prose --format json");
    CHECK(forced.status == 0);
    CHECK(nlohmann::json::parse(forced.out).at("statements")[0].count("title") == 0);
    CHECK(test::run_argmap("map '" + dir + "/in.argdown' --from yaml").status == 2);
    // errors in notation: position and exit 1
    const auto bad = test::run_argmap("map - --from argdown --format json", "[T]: t\n\n  + [U]\n");
    CHECK(bad.status == 1);
    CHECK(bad.err.find("-:3:3: error:") != std::string::npos);
}
