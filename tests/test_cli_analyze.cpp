// argmap analyze: the structure report of a map, ICCMA solver behaviour on frameworks, and the
// statuses that map shows in its outputs.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using namespace argmap::test;

namespace {
const std::string sample = std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt";
}

TEST_CASE("analyze reports the sample op-ed's main claim standing and its objections answered", "[cli]") {
    const auto r = run_argmap("analyze '" + sample + "'");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("Semantics: grounded\n") == 0);
    CHECK(r.out.find("Central claim: [6] It is highly unlikely the two countries will form an alliance. -- stands") != std::string::npos);
    CHECK(r.out.find("objection answered: [28] ([28] falls)") != std::string::npos);
    const auto j = nlohmann::json::parse(run_argmap("analyze '" + sample + "' --format json").out);
    const auto central = j.at("central_claims").at(0).get<std::string>();
    for (const auto& s : j.at("statements"))
        if (s.at("id") == central) CHECK(s.at("status") == "in");
}

TEST_CASE("analyze solves an .af file as an ICCMA solver: one extension as 'w ...', or NO", "[cli]") {
    const auto dir = temp_dir();
    write_file(dir + "/chain.af", "p af 4\n1 2\n2 3\n3 4\n");
    write_file(dir + "/odd.af", "p af 3\n1 2\n2 3\n3 1\n");
    write_file(dir + "/pair.apx", "arg(a).\narg(b).\natt(a,b).\natt(b,a).\n");
    CHECK(run_argmap("analyze '" + dir + "/chain.af'").out == "w 1 3\n");
    CHECK(run_argmap("analyze --semantics stable '" + dir + "/chain.af'").out == "w 1 3\n");
    CHECK(run_argmap("analyze --semantics stable '" + dir + "/odd.af'").out == "NO\n");
    CHECK(run_argmap("analyze --semantics grounded '" + dir + "/odd.af'").out == "w\n");
    CHECK(run_argmap("analyze --semantics preferred '" + dir + "/pair.apx'").out == "w a\n");
    const auto j = nlohmann::json::parse(run_argmap("analyze --format json '" + dir + "/chain.af'").out);
    CHECK(j.at("labelling").at("out") == nlohmann::json::array({"2", "4"}));
    // conversion between the formats, and the standard input with --from
    CHECK(run_argmap("analyze --format tgf '" + dir + "/pair.apx'").out == "a\nb\n#\na b\nb a\n");
    CHECK(run_argmap("analyze --from af -", "p af 2\n1 2\n").out == "w 1\n");
}

TEST_CASE("analyze gives file:line:column errors for a bad framework, and refuses unknown semantics", "[cli]") {
    const auto dir = temp_dir();
    write_file(dir + "/bad.af", "p af 3\n1 2\n4 1\n");
    const auto r = run_argmap("analyze '" + dir + "/bad.af'");
    CHECK(r.status == 1);
    CHECK(r.err == dir + "/bad.af:3:1: error: argument 4 does not exist (the header says 1 to 3)\n");
    CHECK(run_argmap("analyze --semantics ideal '" + dir + "/bad.af'").status == 2);
    CHECK(run_argmap("map '" + sample + "' --from af").status == 2);
}

TEST_CASE("map shows statuses in the JSON document and the outline, and --no-status leaves them out", "[cli]") {
    const auto j = nlohmann::json::parse(run_argmap("map '" + sample + "' --format json").out);
    for (const auto& s : j.at("statements")) CHECK(s.contains("status"));
    for (const auto& r : j.at("relations")) CHECK(r.contains("status"));
    const auto plain = nlohmann::json::parse(run_argmap("map '" + sample + "' --format json --no-status").out);
    for (const auto& s : plain.at("statements")) CHECK_FALSE(s.contains("status"));
    // a document with statuses reads back: the reader ignores them
    const auto dir = temp_dir();
    REQUIRE(run_argmap("map '" + sample + "' -o '" + dir + "/m.json'").status == 0);
    CHECK(run_argmap("map '" + dir + "/m.json' --format outline").out ==
          run_argmap("map '" + sample + "' --format outline").out);
    const auto outline = run_argmap("map '" + sample + "' --format outline").out;
    CHECK(outline.find("Main claim: [6] It is highly unlikely the two countries will form an alliance. {in}") == 0);
    CHECK(run_argmap("map '" + sample + "' --format outline --no-status").out.find("{in}") == std::string::npos);
}

TEST_CASE("the diagram marks each box's status with a symbol and a word, and the legend explains them", "[cli]") {
    const auto dot = run_argmap("map '" + sample + "' --format dot").out;
    CHECK(dot.find("\u2714 stands") != std::string::npos);
    CHECK(dot.find("\u2718 falls") != std::string::npos);
    CHECK(dot.find("Status (grounded)") != std::string::npos);
    const auto plain = run_argmap("map '" + sample + "' --format dot --no-status").out;
    CHECK(plain.find("\u2714") == std::string::npos);
}

TEST_CASE("the HTML report lists each attack with what it defeats", "[cli]") {
    const auto html = run_argmap("map '" + sample + "' --format html").out;
    CHECK(html.find("<section id=\"attacks\"") != std::string::npos);
    CHECK(html.find("data-attack=\"r33\"") != std::string::npos);
    CHECK(html.find("data-defeats=\"s28\"") != std::string::npos);
    CHECK(html.find("answered: [28] falls") != std::string::npos);
}

TEST_CASE("map and analyze export a map as a framework in each ICCMA format", "[cli]") {
    const auto apx = run_argmap("map '" + sample + "' --format apx").out;
    CHECK(apx.find("arg(s6).\n") != std::string::npos);
    CHECK(apx.find("att(noreason_s6,s6).\n") != std::string::npos);
    const auto af = run_argmap("analyze '" + sample + "' --format af").out;
    CHECK(af.rfind("p af ", 0) == 0);
    CHECK(af.find("\n# 6 s6\n") != std::string::npos);
    const auto dir = temp_dir();
    write_file(dir + "/op-ed.af", af);
    // the exported framework's grounded extension holds the main claim (argument 6)
    const auto w = run_argmap("analyze '" + dir + "/op-ed.af'").out;
    CHECK(w.find(" 6 ") != std::string::npos);
}
