// The argmap command as a user runs it: formats, exit statuses, messages for bad input.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using argmap::test::read_file;
using argmap::test::run_argmap;
using argmap::test::temp_dir;
using argmap::test::write_file;

namespace {
const std::string sample = std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt";
const std::string short_text = "We should raise the fines, because the streets are dirty. Of course, fines cost money. But dirty "
                               "streets cost more.\n";
}  // namespace

TEST_CASE("map writes an SVG of the sample op-ed without its byline or page furniture", "[cli]") {
    const auto dir = temp_dir();
    const auto r = run_argmap("map '" + sample + "' -o '" + dir + "/map.svg'");
    REQUIRE(r.status == 0);
    const auto svg = read_file(dir + "/map.svg");
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("</svg>") != std::string::npos);
    CHECK(svg.find("Their strategic interests") != std::string::npos);
    CHECK(svg.find("Disqus") == std::string::npos);
    CHECK(svg.find("Posted in") == std::string::npos);
    CHECK(svg.find("opinion@globaltimes") == std::string::npos);
    CHECK(svg.find("Wang Haiyun") == std::string::npos);
}

TEST_CASE("map picks the output format from the file extension", "[cli]") {
    const auto dir = temp_dir();
    REQUIRE(run_argmap("map '" + sample + "' -o '" + dir + "/m.png'").status == 0);
    CHECK(read_file(dir + "/m.png").substr(0, 8) == "\x89PNG\r\n\x1a\n");
    REQUIRE(run_argmap("map '" + sample + "' -o '" + dir + "/m.pdf'").status == 0);
    CHECK(read_file(dir + "/m.pdf").substr(0, 5) == "%PDF-");
    REQUIRE(run_argmap("map '" + sample + "' -o '" + dir + "/m.dot'").status == 0);
    CHECK(read_file(dir + "/m.dot").find("digraph") != std::string::npos);
    REQUIRE(run_argmap("map '" + sample + "' -o '" + dir + "/m.json'").status == 0);
    CHECK(nlohmann::json::parse(read_file(dir + "/m.json")).at("format") == "argmap");
}

TEST_CASE("map reads standard input and writes an outline to standard output", "[cli]") {
    const auto r = run_argmap("map - --format outline", short_text);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("We should raise the fines") != std::string::npos);
    CHECK(r.out.find("streets are dirty") != std::string::npos);
}

TEST_CASE("map --explain gives the marker, rule and confidence of each relation", "[cli]") {
    const auto r = run_argmap("map - --format json --explain", short_text);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("\"because\"") != std::string::npos);
    CHECK(r.err.find("rule:") != std::string::npos);
    CHECK(r.err.find("confidence:") != std::string::npos);
}

TEST_CASE("the JSON document has the contract's shape", "[cli]") {
    const auto r = run_argmap("map '" + sample + "' --format json");
    REQUIRE(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc.at("format") == "argmap");
    CHECK(doc.at("version") == 1);
    REQUIRE(doc.at("sources").size() == 1);
    const auto text = read_file(sample);
    CHECK(doc["sources"][0].at("title") == "Putin visit unlikely to close rift with Tokyo");
    int central = 0;
    std::set<std::string> ids;
    for (const auto& s : doc.at("statements")) {
        ids.insert(s.at("id").get<std::string>());
        CHECK(s.at("source") == "a");
        central += s.value("central", false) ? 1 : 0;
        REQUIRE_FALSE(s.at("spans").empty());
        for (const auto& sp : s.at("spans")) {
            const auto b = sp.at(0).get<std::size_t>(), e = sp.at(1).get<std::size_t>();
            REQUIRE(b < e);
            REQUIRE(e <= text.size());
        }
    }
    CHECK(central == 1);
    CHECK(ids.size() > 20);
    for (const auto& rel : doc.at("relations")) {
        const auto type = rel.at("type").get<std::string>();
        CHECK((type == "support" || type == "attack" || type == "undercut"));
        for (const auto& f : rel.at("from")) CHECK(ids.count(f.get<std::string>()) == 1);
        if (type != "undercut") CHECK(ids.count(rel.at("to").get<std::string>()) == 1);
        const double c = rel.at("confidence");
        CHECK((c >= 0.0 && c <= 1.0));
        CHECK_FALSE(rel.at("rule").get<std::string>().empty());
    }
}

TEST_CASE("batch gives one output line per input line, with its id", "[cli]") {
    const auto dir = temp_dir();
    write_file(dir + "/in.jsonl", "{\"id\": \"x1\", \"text\": \"We should act now, because time is short.\"}\n"
                                  "\n"
                                  "{\"id\": 7, \"text\": \"Taxes must fall. They hurt growth. Growth pays for schools.\"}\n");
    const auto r = run_argmap("batch '" + dir + "/in.jsonl' -o '" + dir + "/out.jsonl' -j 2");
    REQUIRE(r.status == 0);
    const auto out = read_file(dir + "/out.jsonl");
    std::vector<nlohmann::json> lines;
    std::size_t pos = 0;
    while (pos < out.size()) {
        const auto end = out.find('\n', pos);
        lines.push_back(nlohmann::json::parse(out.substr(pos, end - pos)));
        pos = end + 1;
    }
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].at("id") == "x1");
    CHECK(lines[1].at("id") == 7);
    CHECK(lines[1].at("format") == "argmap");
    CHECK(lines[1].at("statements").size() == 3);
}

TEST_CASE("batch reports a bad line with its line number and goes on", "[cli]") {
    const auto dir = temp_dir();
    write_file(dir + "/in.jsonl", "{\"id\": \"a\", \"text\": \"It works, because it is tested.\"}\n"
                                  "{not json\n"
                                  "{\"id\": \"c\", \"text\": \"\"}\n");
    const auto r = run_argmap("batch '" + dir + "/in.jsonl'");
    CHECK(r.status == 1);
    CHECK(r.err.find("in.jsonl:2:") != std::string::npos);
    CHECK(r.err.find("in.jsonl:3:") != std::string::npos);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 3);
}

TEST_CASE("bad input gives a clear message and exit status 1", "[cli]") {
    const auto dir = temp_dir();
    SECTION("a missing file") {
        const auto r = run_argmap("map '" + dir + "/nope.txt'");
        CHECK(r.status == 1);
        CHECK(r.err.find("nope.txt: error: cannot read") != std::string::npos);
    }
    SECTION("an empty file") {
        write_file(dir + "/empty.txt", "");
        const auto r = run_argmap("map '" + dir + "/empty.txt'");
        CHECK(r.status == 1);
        CHECK(r.err.find("empty.txt:1:1: error:") != std::string::npos);
    }
    SECTION("a binary file") {
        write_file(dir + "/bin.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12));
        const auto r = run_argmap("map '" + dir + "/bin.txt'");
        CHECK(r.status == 1);
        CHECK(r.err.find("bin.txt:1:") != std::string::npos);
        CHECK(r.err.find("error:") != std::string::npos);
    }
    SECTION("invalid UTF-8 on the second line") {
        write_file(dir + "/bad.txt", "A fine first line.\nThen a bad \xC3\x28 byte.\n");
        const auto r = run_argmap("map '" + dir + "/bad.txt'");
        CHECK(r.status == 1);
        CHECK(r.err.find("bad.txt:2:12: error:") != std::string::npos);
    }
    SECTION("a file with no sentences") {
        write_file(dir + "/none.txt", "\n\n   \n--- *** ---\n");
        const auto r = run_argmap("map '" + dir + "/none.txt'");
        CHECK(r.status == 1);
        CHECK(r.err.find("none.txt:") != std::string::npos);
    }
    SECTION("a directory") {
        const auto r = run_argmap("map '" + dir + "'");
        CHECK(r.status == 1);
        CHECK(r.err.find("is a directory") != std::string::npos);
    }
    SECTION("an unwritable output path") {
        const auto r = run_argmap("map '" + sample + "' -o '" + dir + "/no/such/dir/map.svg'");
        CHECK(r.status == 1);
        CHECK(r.err.find("map.svg: error: cannot write") != std::string::npos);
    }
}

TEST_CASE("usage errors exit with status 2 and say what is wrong", "[cli]") {
    CHECK(run_argmap("").status == 2);
    const auto unknown = run_argmap("frobnicate x");
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("unknown command 'frobnicate'") != std::string::npos);
    const auto format = run_argmap("map '" + sample + "' --format gif");
    CHECK(format.status == 2);
    CHECK(format.err.find("unknown format 'gif'") != std::string::npos);
    CHECK(run_argmap("map").status == 2);
    CHECK(run_argmap("map '" + sample + "' -o").status == 2);
    CHECK(run_argmap("batch x.jsonl -j 0").status == 2);
}

TEST_CASE("every command has --help", "[cli]") {
    for (const std::string cmd : {"map", "batch"}) {
        const auto r = run_argmap(cmd + " --help");
        CHECK(r.status == 0);
        CHECK(r.out.find("usage: argmap " + cmd) != std::string::npos);
    }
    CHECK(run_argmap("--help").out.find("commands:") != std::string::npos);
}

TEST_CASE("map reads an Argdown document as written: YAML front matter, wrapped mentions, includes, strict mode", "[cli]") {
    const auto dir = temp_dir();
    std::filesystem::create_directories(dir + "/parts");
    write_file(dir + "/main.argdown",
               "===\n"
               "title: Homework\n"
               "  and stress\n"
               "model:\n"
               "  mode: strict\n"
               "===\n"
               "\n"
               "[No homework]: Schools should drop homework.\n"
               "  + [Stress]: Homework causes stress, as the @[Causal\n"
               "    study] shows.\n"
               "  - [Practice]: Homework gives practice.\n"
               "\n"
               "@include(parts/study.argdown)\n");
    write_file(dir + "/parts/study.argdown", "[Causal study]: A study found a causal link.\n  +> [Stress]\n");
    const auto r = run_argmap("map '" + dir + "/main.argdown' --format json");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());  // the mention finds the statement the include defines
    const auto doc = nlohmann::json::parse(r.out);
    std::map<std::string, std::string> title_of;
    for (const auto& s : doc["statements"]) title_of[s["id"].get<std::string>()] = s.value("title", "");
    std::set<std::string> relations;
    for (const auto& rel : doc["relations"]) {
        relations.insert(title_of[rel["from"][0].get<std::string>()] + " " + rel["type"].get<std::string>() + " " +
                         title_of[rel["to"].get<std::string>()] + " (" + rel["rule"].get<std::string>() + ")");
    }
    CHECK(relations == std::set<std::string>{
                           "Stress support No homework (argdown-entails)",
                           "Practice attack No homework (argdown-contrary)",
                           "No homework attack Practice (argdown-contrary)",
                           "Causal study support Stress (argdown-entails)",
                       });
    CHECK(r.out.find("Homework and stress") != std::string::npos);  // the front matter's folded title
}

TEST_CASE("map names a missing included file and an include cycle, and where the include stands", "[cli]") {
    const auto dir = temp_dir();
    std::filesystem::create_directories(dir + "/parts");
    write_file(dir + "/missing.argdown", "[T]: t\n\n@include(parts/nowhere.argdown)\n");
    const auto missing = run_argmap("map '" + dir + "/missing.argdown' --format json");
    CHECK(missing.status == 1);
    CHECK(missing.err == dir + "/missing.argdown:3:10: error: cannot read the included file 'parts/nowhere.argdown'\n");

    write_file(dir + "/cycle.argdown", "[T]: t\n\n@include(parts/a.argdown)\n");
    write_file(dir + "/parts/a.argdown", "[A]: a\n\n@include(../cycle.argdown)\n");
    const auto cycle = run_argmap("map '" + dir + "/cycle.argdown' --format json");
    CHECK(cycle.status == 1);
    CHECK(cycle.err == dir + "/cycle.argdown:3:10: error: in " + dir + "/parts/a.argdown:3:10: include cycle: " + dir +
                           "/cycle.argdown -> " + dir + "/parts/a.argdown -> " + dir + "/cycle.argdown\n");
}

TEST_CASE("map locates an error of an included file at its include, naming the place in that file", "[cli]") {
    const auto dir = temp_dir();
    write_file(dir + "/main.argdown", "[T]: t\n\n@include(part.argdown)\n\n[U]: u\n");
    write_file(dir + "/part.argdown", "[P]: p\n  + [Q: unclosed\n");
    const auto r = run_argmap("check '" + dir + "/main.argdown'");
    CHECK(r.status == 1);
    CHECK(r.err.rfind(dir + "/main.argdown:3:10: error: in " + dir + "/part.argdown:2:", 0) == 0);
}
