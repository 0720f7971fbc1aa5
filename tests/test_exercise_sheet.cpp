#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cli_runner.hpp"
#include "engine/model.hpp"
#include "map_builder.hpp"
#include "render/dot_builder.hpp"
#include "render/exercise_sheet.hpp"
#include "render/graphviz_renderer.hpp"

using namespace argmap;
using engine::relation_type;
using render::dot_exercise;

namespace {

engine::argument_map teaching_map() {
    test::map_builder b{"lesson.txt", "A lesson"};
    const auto claim = b.add("Socrates is mortal.", true);
    const auto men = b.add("All men are mortal.");
    const auto socrates = b.add("Socrates is a man.");
    const auto gods = b.add("Some say Socrates is a god.");
    const auto oracle = b.add("The oracle called him wise, not divine.");
    const auto kinds = b.add("Mortality comes in kinds & <degrees>.");
    b.relate(relation_type::support, {men, socrates}, claim);
    b.relate(relation_type::attack, {gods}, socrates);
    b.relate(relation_type::attack, {oracle}, gods);
    b.relate(relation_type::support, {kinds}, men);
    return std::move(b.map);
}

/// The DOT statement of one node ("s1 [label=...];"), without the edges.
std::string node_line(const std::string& dot, const std::string& node) {
    const auto pos = dot.find("\n  " + node + " [");
    if (pos == std::string::npos) return {};
    return dot.substr(pos + 1, dot.find('\n', pos + 1) - pos - 1);
}

/// The SVG group of the node whose <title> is `name`, up to the next group.
std::string svg_group(const std::string& svg, const std::string& name) {
    const auto pos = svg.find("<title>" + name + "</title>");
    if (pos == std::string::npos) return {};
    return svg.substr(pos, svg.find("<g id=", pos) - pos);
}

/// The text content of the <text> elements of an SVG fragment, joined by spaces.
std::string texts(const std::string& svg) {
    std::string out;
    for (auto open = svg.find("<text"); open != std::string::npos; open = svg.find("<text", open + 1)) {
        const auto start = svg.find('>', open);
        const auto end = svg.find("</text>", open);
        if (start == std::string::npos || end == std::string::npos) break;
        if (!out.empty()) out += ' ';
        out += svg.substr(start + 1, end - start - 1);
    }
    return out;
}

}  // namespace

TEST_CASE("splitmix64 gives the reference generator's numbers", "[render]") {
    // Vigna's splitmix64.c seeded with 1234567.
    render::splitmix64 rng(1234567);
    CHECK(rng.next() == 6457827717110365317ULL);
    CHECK(rng.next() == 3203168211198807973ULL);
    CHECK(rng.next() == 9817491932198370423ULL);
    CHECK(rng.next() == 4593380528125082431ULL);
    CHECK(rng.next() == 16408922859458223821ULL);
    render::splitmix64 small(7);
    for (int i = 0; i < 1000; ++i) CHECK(small.below(3) < 3);
}

TEST_CASE("The exercise shuffle is a permutation fixed by its seed, and seeds differ", "[render]") {
    for (std::size_t n : {0U, 1U, 2U, 7U, 50U}) {
        auto order = render::shuffled_order(n, 42);
        CHECK(order == render::shuffled_order(n, 42));
        std::sort(order.begin(), order.end());
        for (std::size_t i = 0; i < n; ++i) CHECK(order[i] == i);
    }
    std::set<std::vector<std::uint32_t>> orders;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) orders.insert(render::shuffled_order(20, seed));
    CHECK(orders.size() == 10);
    std::vector<std::uint32_t> identity(20);
    for (std::uint32_t i = 0; i < 20; ++i) identity[i] = i;
    CHECK(orders.count(identity) == 0);
}

TEST_CASE("Exercise letters run A to Z, then AA, AB, and so on", "[render]") {
    CHECK(render::exercise_letter(0) == "A");
    CHECK(render::exercise_letter(25) == "Z");
    CHECK(render::exercise_letter(26) == "AA");
    CHECK(render::exercise_letter(27) == "AB");
    CHECK(render::exercise_letter(701) == "ZZ");
    CHECK(render::exercise_letter(702) == "AAA");
}

TEST_CASE("A worksheet keeps numbered, coloured boxes without text and lists every statement once, shuffled",
          "[render]") {
    const auto map = teaching_map();
    for (auto theme : {render::dot_theme::standard, render::dot_theme::colorblind, render::dot_theme::print}) {
        render::dot_options full_options;
        full_options.theme = theme;
        render::dot_options ws_options = full_options;
        ws_options.exercise = dot_exercise::worksheet;
        ws_options.seed = 5;
        const auto full = render::to_dot(map, full_options);
        const auto ws = render::to_dot(map, ws_options);
        CHECK(ws == render::to_dot(map, ws_options));
        const auto sheet = render::make_exercise(map, 5);
        const auto list = node_line(ws, "statements");
        REQUIRE_FALSE(list.empty());
        std::size_t previous = 0;
        for (std::uint32_t k = 0; k < sheet.listed.size(); ++k) {
            const auto i = sheet.listed[k];
            const std::string number = std::to_string(i + 1);
            const auto box = node_line(ws, "s" + number);
            const auto full_box = node_line(full, "s" + number);
            INFO("box " << number);
            // Same number, border and fill as the full map's box; no text.
            CHECK(box.find("<B>" + number + "</B>") != std::string::npos);
            CHECK(box.substr(box.find(", color=")) == full_box.substr(full_box.find(", color=")));
            CHECK(box.find("mortal") == std::string::npos);
            CHECK(box.find("WIDTH=") != std::string::npos);
            // In the list, in shuffled order, after its letter.
            const std::string first_word = map.statements()[i].text.substr(0, 8);
            const auto at = list.find("<B>" + sheet.letter[i] + "</B></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" +
                                      first_word);
            CHECK(at != std::string::npos);
            CHECK(at >= previous);
            previous = at;
            CHECK(sheet.letter[i] == render::exercise_letter(k));
        }
        CHECK(list.find("Mortality comes in kinds &amp; &lt;degrees&gt;.") != std::string::npos);
        // Below every box: invisible edges from the list to the boxes nothing points at.
        CHECK(ws.find("statements -> s3 [style=invis, weight=0];") == std::string::npos);  // s3 has an attacker
        CHECK(ws.find("statements -> s4 [style=invis, weight=0];") == std::string::npos);
        CHECK(ws.find("statements -> s5 [style=invis, weight=0];") != std::string::npos);
        CHECK(ws.find("statements -> s6 [style=invis, weight=0];") != std::string::npos);
    }
    render::dot_options other_seed;
    other_seed.exercise = dot_exercise::worksheet;
    other_seed.seed = 6;
    render::dot_options seed5 = other_seed;
    seed5.seed = 5;
    CHECK(node_line(render::to_dot(map, other_seed), "statements") != node_line(render::to_dot(map, seed5), "statements"));
}

TEST_CASE("The answer key shows each box's letter and text and names the box of each letter", "[render]") {
    const auto map = teaching_map();
    render::dot_options o;
    o.exercise = dot_exercise::answer_key;
    o.seed = 9;
    const auto key = render::to_dot(map, o);
    const auto sheet = render::make_exercise(map, 9);
    const auto list = node_line(key, "statements");
    CHECK(list.find("Answer key") != std::string::npos);
    for (std::uint32_t i = 0; i < map.statements().size(); ++i) {
        const std::string number = std::to_string(i + 1);
        const auto box = node_line(key, "s" + number);
        CHECK(box.find("<I>" + sheet.letter[i] + "</I>") != std::string::npos);
        CHECK(box.find(map.statements()[i].text.substr(0, 8)) != std::string::npos);
        CHECK(list.find("<B>" + sheet.letter[i] + "</B></TD><TD VALIGN=\"TOP\" ALIGN=\"LEFT\">box " + number + "</TD>") !=
              std::string::npos);
    }
    // Main claim at the bottom: the list still goes below, after the boxes that point at nothing.
    o.direction = render::dot_direction::up;
    const auto up = render::to_dot(map, o);
    CHECK(up.find("s1 -> statements [style=invis, weight=0];") != std::string::npos);
    CHECK(up.find("s2 -> statements [style=invis, weight=0];") == std::string::npos);
}

TEST_CASE("A worksheet renders in every theme: the boxes' SVG groups hold only their numbers", "[render]") {
    const auto map = teaching_map();
    for (auto theme : {render::dot_theme::standard, render::dot_theme::colorblind, render::dot_theme::print}) {
        render::dot_options o;
        o.theme = theme;
        o.exercise = dot_exercise::worksheet;
        const auto svg = render::render(render::to_dot(map, o), render::output_format::svg);
        for (std::uint32_t i = 0; i < map.statements().size(); ++i) {
            const std::string number = std::to_string(i + 1);
            const auto group = svg_group(svg, "s" + number);
            REQUIRE_FALSE(group.empty());
            CHECK(texts(group) == number);
        }
        const auto list = texts(svg_group(svg, "statements"));
        CHECK(list.find("Socrates is a man.") != std::string::npos);
        CHECK(list.find("Mortality comes in kinds &amp; &lt;degrees&gt;.") != std::string::npos);
        CHECK(render::render(render::to_dot(map, o), render::output_format::pdf).rfind("%PDF", 0) == 0);
    }
}

TEST_CASE("map --exercise and --answer-key write matching sheets, the same for the same seed", "[cli]") {
    const std::string sample = std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt";
    const auto dir = test::temp_dir();
    auto run = [&](const std::string& args) { return test::run_argmap("map '" + sample + "' " + args); };
    REQUIRE(run("--exercise --seed 7 -o '" + dir + "/a.svg'").status == 0);
    REQUIRE(run("--exercise --seed 7 -o '" + dir + "/b.svg'").status == 0);
    REQUIRE(run("--exercise --seed 8 -o '" + dir + "/c.svg'").status == 0);
    const auto a = test::read_file(dir + "/a.svg");
    CHECK(a == test::read_file(dir + "/b.svg"));
    CHECK(a != test::read_file(dir + "/c.svg"));
    CHECK(texts(svg_group(a, "s7")) == "7");
    CHECK(a.find("Their strategic interests are in conflict.") != std::string::npos);  // in the list

    const auto ws = run("--exercise --seed 7 --format dot");
    const auto key = run("--answer-key --seed 7 --format dot");
    REQUIRE(ws.status == 0);
    REQUIRE(key.status == 0);
    // The worksheet's letter for statement 7 is the answer key's letter in box 7.
    const auto list = node_line(ws.out, "statements");
    const auto text_at = list.find("Their strategic interests are in conflict.");
    REQUIRE(text_at != std::string::npos);
    const auto letter_end = list.rfind("</B></TD>", text_at);
    const auto letter_start = list.rfind("<B>", letter_end) + 3;
    const auto letter = list.substr(letter_start, letter_end - letter_start);
    CHECK(node_line(key.out, "s7").find("<I>" + letter + "</I>") != std::string::npos);

    REQUIRE(run("--exercise -o '" + dir + "/w.png'").status == 0);
    CHECK(test::read_file(dir + "/w.png").substr(0, 4) == "\x89PNG");
    REQUIRE(run("--answer-key --theme print -o '" + dir + "/k.pdf'").status == 0);
    CHECK(test::read_file(dir + "/k.pdf").substr(0, 5) == "%PDF-");
    CHECK(run("--exercise --format outline").status == 2);
    CHECK(run("--exercise --seed -3").status == 2);
    CHECK(run("--exercise --seed x").status == 2);
}
