// `argmap map --format html` and `argmap compare --format html` as a user runs them.

#include <catch2/catch.hpp>

#include <string>

#include "cli_runner.hpp"

using argmap::test::read_file;
using argmap::test::run_argmap;
using argmap::test::temp_dir;

namespace {
const std::string sample = std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt";
const std::string reply = std::string(ARGMAP_SAMPLES) + "/putin-visit-can-help.txt";
}  // namespace

TEST_CASE("map -o report.html writes the HTML report, the same as --format html on standard output", "[cli]") {
    const auto dir = temp_dir();
    const auto file = run_argmap("map '" + sample + "' -o '" + dir + "/report.html'");
    REQUIRE(file.status == 0);
    const auto html = read_file(dir + "/report.html");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("data-report=\"map\"") != std::string::npos);
    CHECK(html.find("<h1>Putin visit unlikely to close rift with Tokyo</h1>") != std::string::npos);
    CHECK(html.find("<span class=\"unit role-central\"") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    const auto piped = run_argmap("map '" + sample + "' --format html");
    REQUIRE(piped.status == 0);
    CHECK(piped.out == html);
    REQUIRE(run_argmap("map '" + sample + "' -o '" + dir + "/report.htm'").status == 0);
    CHECK(read_file(dir + "/report.htm") == html);
}

TEST_CASE("map --format html --theme colorblind colours the highlights like the colour-blind diagram", "[cli]") {
    const auto r = run_argmap("map '" + sample + "' --format html --theme colorblind");
    REQUIRE(r.status == 0);
    CHECK(r.out.find(".role-reason { --fill: #d5e8f5; --border: #0072b2;") != std::string::npos);
    CHECK(r.out.find("fill=\"#d5e8f5\"") != std::string::npos);
}

TEST_CASE("compare -o cmp.html writes the comparison report with both texts and the summary", "[cli]") {
    const auto dir = temp_dir();
    const auto r = run_argmap("compare '" + sample + "' '" + reply + "' -o '" + dir + "/cmp.html'");
    REQUIRE(r.status == 0);
    const auto html = read_file(dir + "/cmp.html");
    CHECK(html.find("data-report=\"comparison\"") != std::string::npos);
    CHECK(html.find("<div class=\"source-text\" data-source=\"a\">") != std::string::npos);
    CHECK(html.find("<div class=\"source-text\" data-source=\"b\">") != std::string::npos);
    CHECK(html.find("Points of agreement (") != std::string::npos);
    CHECK(html.find("Points of clash (") != std::string::npos);
    CHECK(html.find("never addresses (") != std::string::npos);
    CHECK(html.find("data-aligned=\"") != std::string::npos);
    const auto piped = run_argmap("compare '" + sample + "' '" + reply + "' --format html");
    REQUIRE(piped.status == 0);
    CHECK(piped.out == html);
}

TEST_CASE("map --format html of a text full of markup shows the markup as text", "[cli]") {
    const auto r = run_argmap("map - --format html",
                              "We must keep </svg> and <script>alert(1)</script> as text, because ]]> and &amp; "
                              "matter. But \"quotes\" do too.\n");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("<script>alert(1)") == std::string::npos);
    CHECK(r.out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(r.out.find("&amp;amp;") != std::string::npos);
    CHECK(r.out.find("]]>") == std::string::npos);
    CHECK(r.out.find("&quot;quotes&quot;") != std::string::npos);
}

TEST_CASE("An unknown format is still a usage error once html is known", "[cli]") {
    CHECK(run_argmap("map '" + sample + "' --format htmx").status == 2);
    CHECK(run_argmap("compare '" + sample + "' '" + reply + "' --format outline").status == 2);
}
