// Diagram output as a user gets it: the same bytes every run, PNG resolution, embedded fonts,
// and label text that stays within its wrap width.

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "cli_runner.hpp"

using argmap::test::read_file;
using argmap::test::run_argmap;
using argmap::test::temp_dir;

namespace {

const std::string sample = std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt";

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

std::string decode_entities(std::string t) {
    static const std::vector<std::pair<std::string, std::string>> entities = {
        {"&#45;", "-"}, {"&#39;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#160;", " "},
        {"&#92;", "\\"}, {"&amp;", "&"}};
    for (const auto& [entity, plain] : entities)
        for (auto pos = t.find(entity); pos != std::string::npos; pos = t.find(entity, pos + plain.size()))
            t.replace(pos, entity.size(), plain);
    return t;
}

/// Each <text> element of an SVG fragment, decoded.
std::vector<std::string> text_elements(const std::string& svg) {
    std::vector<std::string> out;
    for (auto open = svg.find("<text"); open != std::string::npos; open = svg.find("<text", open + 1)) {
        const auto start = svg.find('>', open);
        const auto end = svg.find("</text>", open);
        if (start == std::string::npos || end == std::string::npos) break;
        out.push_back(decode_entities(svg.substr(start + 1, end - start - 1)));
    }
    return out;
}

/// The SVG group of the node whose <title> is `name`, up to the next group.
std::string svg_group(const std::string& svg, const std::string& name) {
    const auto pos = svg.find("<title>" + name + "</title>");
    if (pos == std::string::npos) return {};
    return svg.substr(pos, svg.find("<g id=", pos) - pos);
}

/// Width and height of a PNG, from its IHDR chunk.
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& png) {
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png.at(at + i));
        return v;
    };
    return {be32(16), be32(20)};
}

}  // namespace

TEST_CASE("The same input gives byte-identical DOT and SVG on every run", "[cli]") {
    const auto dir = temp_dir();
    for (const std::string extra : {"", " --exercise --seed 4", " --theme print --direction up"}) {
        INFO("options:" << extra);
        for (const std::string ext : {"dot", "svg"}) {
            REQUIRE(run_argmap("map '" + sample + "'" + extra + " -o '" + dir + "/1." + ext + "'").status == 0);
            REQUIRE(run_argmap("map '" + sample + "'" + extra + " -o '" + dir + "/2." + ext + "'").status == 0);
            const auto first = read_file(dir + "/1." + ext);
            CHECK(first.size() > 1000);
            CHECK(first == read_file(dir + "/2." + ext));
        }
    }
}

TEST_CASE("map --dpi sets the PNG resolution and is refused for vector formats", "[cli]") {
    const auto dir = temp_dir();
    const std::string text = "We should raise the fines, because the streets are dirty.\n";
    REQUIRE(run_argmap("map - --dpi 96 -o '" + dir + "/a.png'", text).status == 0);
    REQUIRE(run_argmap("map - --dpi 192 -o '" + dir + "/b.png'", text).status == 0);
    const auto [w1, h1] = png_size(read_file(dir + "/a.png"));
    const auto [w2, h2] = png_size(read_file(dir + "/b.png"));
    CHECK(w1 > 100);
    CHECK(w2 >= 2 * w1 - 4);
    CHECK(w2 <= 2 * w1 + 4);
    CHECK(h2 >= 2 * h1 - 4);
    CHECK(h2 <= 2 * h1 + 4);
    const auto dot = run_argmap("map - --dpi 300 --format dot", text);
    REQUIRE(dot.status == 0);
    CHECK(dot.out.find(", dpi=300") != std::string::npos);
    CHECK(run_argmap("map - --format dot", text).out.find("dpi=") == std::string::npos);
    CHECK(run_argmap("map - --dpi 300 --format svg", text).status == 2);
    CHECK(run_argmap("map - --dpi 10 -o '" + dir + "/c.png'", text).status == 2);
    CHECK(run_argmap("map - --dpi many -o '" + dir + "/c.png'", text).status == 2);
}

TEST_CASE("The PDF of the sample op-ed embeds its font", "[cli]") {
    const auto dir = temp_dir();
    REQUIRE(run_argmap("map '" + sample + "' -o '" + dir + "/m.pdf'").status == 0);
    const auto pdf = read_file(dir + "/m.pdf");
    CHECK(pdf.find("/FontFile") != std::string::npos);  // /FontFile, /FontFile2 or /FontFile3
    CHECK(pdf.find("DejaVuSans") != std::string::npos);
}

TEST_CASE("No label line of the sample's SVG is wider than the wrap width, and the text is in DejaVu Sans",
          "[cli]") {
    const auto dir = temp_dir();
    REQUIRE(run_argmap("map '" + sample + "' -o '" + dir + "/m.svg'").status == 0);
    REQUIRE(run_argmap("map '" + sample + "' --exercise -o '" + dir + "/e.svg'").status == 0);
    const auto svg = read_file(dir + "/m.svg");
    std::size_t boxes = 0, lines = 0;
    for (int n = 1;; ++n) {
        const auto group = svg_group(svg, "s" + std::to_string(n));
        if (group.empty()) break;
        ++boxes;
        for (const auto& t : text_elements(group)) {
            INFO("box " << n << ": " << t);
            CHECK(code_points(t) <= 40);  // dot_options::wrap_width
            ++lines;
        }
    }
    CHECK(boxes >= 30);
    CHECK(lines > 2 * boxes);  // the number and at least one line of text per box, long ones wrapped
    for (const auto& t : text_elements(svg_group(read_file(dir + "/e.svg"), "statements")))
        CHECK(code_points(t) <= 70);  // the exercise list wraps wider
    CHECK(svg.find("font-family=\"DejaVu Sans") != std::string::npos);
    CHECK(svg.find("font-family=\"Times") == std::string::npos);
}
