// Limits on what one run takes on: each has an option, and exceeding one is an error naming the
// limit and the option, with exit status 1.

#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "engine/map_metrics.hpp"
#include "render/json_document.hpp"

using argmap::test::read_file;
using argmap::test::run_argmap;
using argmap::test::temp_dir;
using argmap::test::write_file;

namespace {
const std::string sample = std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt";
const std::string quoted_sample = "'" + sample + "'";
const std::string objection_text = "We should raise the fines, because the streets are dirty. Of course, fines cost money. "
                                   "But dirty streets cost more.\n";
}  // namespace

TEST_CASE("a file larger than --max-input-size is refused before it is read", "[cli]") {
    const auto size = std::filesystem::file_size(sample);
    const auto r = run_argmap("map " + quoted_sample + " --format json --max-input-size " + std::to_string(size - 1));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == sample + ": error: input is " + std::to_string(size) + " bytes, more than the limit of " +
                       std::to_string(size - 1) + " bytes (--max-input-size)\n");
    CHECK(run_argmap("map " + quoted_sample + " --format json --max-input-size " + std::to_string(size)).status == 0);
}

TEST_CASE("standard input longer than --max-input-size is refused, K and M count binary", "[cli]") {
    const std::string text(3000, 'a');
    const auto r = run_argmap("map - --format json --max-input-size 2K", text + ".");
    CHECK(r.status == 1);
    CHECK(r.err.find("-: error: input is more than the limit of 2048 bytes (--max-input-size)") != std::string::npos);
    CHECK(run_argmap("map - --format json --max-input-size 1M", text + ".").status == 0);
}

TEST_CASE("a text with more units than --max-units is an error naming the option", "[cli]") {
    const auto dir = temp_dir();
    REQUIRE(run_argmap("map " + quoted_sample + " -o '" + dir + "/m.json'").status == 0);
    const auto map = argmap::render::read_json(read_file(dir + "/m.json"));
    REQUIRE(map.ok());
    const auto units = map.value->statements().size();
    REQUIRE(units > 3);
    const auto r = run_argmap("map " + quoted_sample + " --format json --max-units " + std::to_string(units - 1));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find(sample + ": error: input has ") == 0);
    CHECK(r.err.find("more than the limit of " + std::to_string(units - 1) + " (--max-units)\n") != std::string::npos);
    CHECK(run_argmap("map " + quoted_sample + " --format json --max-units " + std::to_string(units)).status == 0);
}

TEST_CASE("sentences are counted against --max-units before the text is reconstructed", "[cli]") {
    std::string text;
    for (int i = 0; i < 50; ++i) text += "Taxes rise. ";
    const auto r = run_argmap("map - --format json --max-units 10", text);
    CHECK(r.status == 1);
    CHECK(r.err == "-: error: input has 50 units (sentences), more than the limit of 10 (--max-units)\n");
}

TEST_CASE("reasoning nested deeper than --max-depth is an error naming the option", "[cli]") {
    const auto json = run_argmap("map - --format json", objection_text);
    REQUIRE(json.status == 0);
    const auto map = argmap::render::read_json(json.out);
    REQUIRE(map.ok());
    const auto depth = argmap::engine::map_depth(*map.value);
    REQUIRE(depth >= 2);
    const auto r = run_argmap("map - --format outline --max-depth " + std::to_string(depth - 1), objection_text);
    CHECK(r.status == 1);
    CHECK(r.err == "-: error: the reasoning nests " + std::to_string(depth) + " levels deep, more than the limit of " +
                       std::to_string(depth - 1) + " (--max-depth)\n");
    CHECK(run_argmap("map - --format outline --max-depth " + std::to_string(depth), objection_text).status == 0);
}

TEST_CASE("a diagram of more statements than --max-layout is refused, while DOT and JSON are not laid out", "[cli]") {
    const auto r = run_argmap("map - --format svg --max-layout 2", objection_text);
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("-: error: the map has ") == 0);
    CHECK(r.err.find("statements to lay out, more than the limit of 2 (--max-layout)") != std::string::npos);
    CHECK(run_argmap("map - --format dot --max-layout 2", objection_text).status == 0);
    CHECK(run_argmap("map - --format json --max-layout 2", objection_text).status == 0);
    const auto cmp = run_argmap("compare " + quoted_sample + " " + quoted_sample + " --format svg --max-layout 2");
    CHECK(cmp.status == 1);
    CHECK(cmp.err.find("(--max-layout)") != std::string::npos);
}

TEST_CASE("in batch mode a line over a limit gets its own error and the other lines their maps", "[cli]") {
    std::string many;
    for (int i = 0; i < 30; ++i) many += "Taxes rise. ";
    const std::string lines = "{\"id\": 1, \"text\": \"" + many + "\"}\n{\"id\": 2, \"text\": \"Fines work, because people pay.\"}\n";
    const auto r = run_argmap("batch - --max-units 10", lines);
    CHECK(r.status == 1);
    CHECK(r.err.find("-:1:1: error: input has 30 units (sentences), more than the limit of 10 (--max-units)") != std::string::npos);
    const auto first = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    const auto second = nlohmann::json::parse(r.out.substr(r.out.find('\n') + 1));
    CHECK(first.at("id") == 1);
    CHECK(first.at("errors").at(0).get<std::string>().find("(--max-units)") != std::string::npos);
    CHECK(second.at("id") == 2);
    CHECK_FALSE(second.at("statements").empty());
}

TEST_CASE("limit options need a whole number above 0", "[cli]") {
    for (const char* bad : {"0", "-3", "12x", "", "1.5", "99999999999999999999999"}) {
        const auto r = run_argmap(std::string("map - --max-units '") + bad + "'", "Taxes rise.");
        CHECK(r.status == 2);
        CHECK(r.err.find("--max-units needs a whole number above 0") != std::string::npos);
    }
    CHECK(run_argmap("map - --max-depth 3M", "Taxes rise.").status == 2);
    CHECK(run_argmap("map - --max-input-size 3G --format json", "Taxes rise.").status == 0);
}

TEST_CASE("each command's help lists the limits with their defaults", "[cli]") {
    for (const char* command : {"map", "compare", "batch"}) {
        const auto r = run_argmap(std::string(command) + " --help");
        CHECK(r.status == 0);
        for (const char* flag : {"--max-input-size N", "--max-units N", "--max-depth N", "--max-layout N"})
            CHECK(r.out.find(flag) != std::string::npos);
        CHECK(r.out.find("default 100000") != std::string::npos);
    }
}

TEST_CASE("a failed run leaves an existing output file as it was, and no temporary beside it", "[cli]") {
    const auto dir = temp_dir();
    const auto out = dir + "/map.svg";
    REQUIRE(run_argmap("map - -o '" + out + "'", objection_text).status == 0);
    const auto good = read_file(out);
    REQUIRE(good.find("</svg>") != std::string::npos);
    // over a limit, bad input, and a write that cannot happen (the temporary's place is taken)
    CHECK(run_argmap("map - -o '" + out + "' --max-layout 1", objection_text).status == 1);
    CHECK(run_argmap("map - -o '" + out + "'", std::string("bad \xff bytes")).status == 1);
    std::filesystem::create_directory(out + ".argmap-tmp");
    const auto blocked = run_argmap("map - -o '" + out + "'", objection_text + "Fines are fair.\n");
    CHECK(blocked.status == 1);
    CHECK(blocked.err.find(out + ": error: cannot write") == 0);
    std::filesystem::remove(out + ".argmap-tmp");
    CHECK(read_file(out) == good);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
    CHECK(files == 1);
}
