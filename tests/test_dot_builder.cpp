#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "engine/model.hpp"
#include "render/dot_builder.hpp"
#include "cli_runner.hpp"

using namespace argmap;
using engine::relation_type;
using engine::statement_id;

namespace {

engine::relation make_relation(relation_type type, std::vector<statement_id> from,
                               std::variant<statement_id, engine::relation_id> to, double confidence = 0.8) {
    engine::relation r;
    r.type = type;
    r.from = std::move(from);
    r.to = to;
    r.why.confidence = confidence;
    return r;
}

/// The golden map: a main claim, two convergent reasons (one with a reason of its own), a
/// linked pair, an objection, a rebuttal of it and an undercut.
engine::argument_map golden_map() {
    engine::argument_map m;
    const auto src = m.add_source({"tokyo.txt", "Putin visit unlikely to close rift with Tokyo", "", ""});
    auto add = [&](const char* text, bool central = false) {
        engine::statement s;
        s.source = src;
        s.text = text;
        s.central = central;
        return m.add_statement(s);
    };
    const auto claim = add("It is highly unlikely that Japan and Russia will form an alliance.", true);
    const auto interests = add("Their strategic interests are in conflict.");
    const auto concepts = add("The two countries follow different strategic concepts.");
    const auto us = add("Japan's security rests on its alliance with the United States.");
    const auto threat = add("Russia regards that alliance as a threat to itself.");
    const auto ties = add("Both sides have realistic interests in better ties.");
    const auto dispute = add("Realistic interests have not settled the territorial dispute in seventy years.");
    const auto rivals = add("Conflicting interests have not kept other former rivals from becoming allies.");
    const auto kurils = add("Each side claims the southern Kuril Islands.");
    const auto r1 = m.add_relation(make_relation(relation_type::support, {interests}, claim));
    m.add_relation(make_relation(relation_type::support, {concepts}, claim));
    m.add_relation(make_relation(relation_type::support, {us, threat}, claim));
    m.add_relation(make_relation(relation_type::attack, {ties}, claim));
    m.add_relation(make_relation(relation_type::attack, {dispute}, ties));
    m.add_relation(make_relation(relation_type::undercut, {rivals}, r1));
    m.add_relation(make_relation(relation_type::support, {kurils}, interests));
    return m;
}

engine::argument_map one_statement_map(const std::string& text) {
    engine::argument_map m;
    const auto src = m.add_source({"in.txt", "", "", ""});
    engine::statement s;
    s.source = src;
    s.text = text;
    s.central = true;
    m.add_statement(s);
    return m;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

/// The attribute list of the DOT line that starts with `head` ("s1 [", "s2 -> s1 ["), or "".
std::string line_of(const std::string& dot, const std::string& head) {
    std::istringstream in(dot);
    for (std::string line; std::getline(in, line);) {
        const auto first = line.find_first_not_of(' ');
        if (first != std::string::npos && line.compare(first, head.size(), head) == 0) return line;
    }
    return "";
}

}  // namespace

TEST_CASE("The DOT of a small map matches the golden file", "[render]") {
    const std::string path = std::string(ARGMAP_TEST_DATA) + "/dot/small_map.dot";
    const std::string dot = render::to_dot(golden_map());
    const char* update = std::getenv("ARGMAP_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << dot;
        WARN("rewrote " << path);
    }
    const std::string golden = read_file(path);
    INFO("golden file " << path << " (regenerate with ARGMAP_UPDATE_GOLDEN=1)");
    REQUIRE_FALSE(golden.empty());
    CHECK(dot == golden);
}

TEST_CASE("The same map gives byte-identical DOT every time", "[render]") {
    const auto map = golden_map();
    CHECK(render::to_dot(map) == render::to_dot(map));
    CHECK(render::to_dot(map) == render::to_dot(golden_map()));
}

TEST_CASE("The DOT has no coordinates and sets the font on graph, nodes and edges", "[render]") {
    const std::string dot = render::to_dot(golden_map());
    CHECK(dot.rfind("digraph argmap {\n", 0) == 0);
    CHECK(dot.find("pos=") == std::string::npos);
    CHECK(dot.find(" bb=") == std::string::npos);
    CHECK(line_of(dot, "graph [").find("fontname=\"DejaVu Sans\"") != std::string::npos);
    CHECK(line_of(dot, "node [").find("fontname=\"DejaVu Sans\"") != std::string::npos);
    CHECK(line_of(dot, "edge [").find("fontname=\"DejaVu Sans\"") != std::string::npos);
}

TEST_CASE("The main claim is drawn on top: rankdir=BT with edges from premise to conclusion", "[render]") {
    const std::string dot = render::to_dot(golden_map());
    CHECK(line_of(dot, "graph [").find("rankdir=BT") != std::string::npos);
    CHECK_FALSE(line_of(dot, "s3 -> s1 [").empty());
    CHECK(line_of(dot, "s1 -> ").empty());  // the claim points at nothing
}

TEST_CASE("Boxes are numbered in statement order and coloured by role", "[render]") {
    const std::string dot = render::to_dot(golden_map());
    for (int i = 1; i <= 9; ++i) {
        const std::string node = line_of(dot, "s" + std::to_string(i) + " [");
        INFO("statement " << i << ": " << node);
        CHECK(node.find("<B>" + std::to_string(i) + "</B>") != std::string::npos);
        CHECK(node.find("label=<<TABLE") != std::string::npos);
    }
    const std::string claim = line_of(dot, "s1 [");
    CHECK(claim.find("color=\"#1f4e79\"") != std::string::npos);  // dark blue border
    CHECK(claim.find("penwidth=2.6") != std::string::npos);
    CHECK(claim.find("<B>It is highly unlikely") != std::string::npos);  // bold text
    CHECK(line_of(dot, "s2 [").find("fillcolor=\"#dcefd9\"") != std::string::npos);  // reason: green
    CHECK(line_of(dot, "s6 [").find("fillcolor=\"#f9dcdc\"") != std::string::npos);  // objection: red
    CHECK(line_of(dot, "s7 [").find("fillcolor=\"#fde3c6\"") != std::string::npos);  // rebuttal: orange
    CHECK(line_of(dot, "s8 [").find("fillcolor=\"#f9dcdc\"") != std::string::npos);  // undercutter: objection
    // The statements appear in statement order.
    CHECK(dot.find("\n  s1 [") < dot.find("\n  s2 ["));
    CHECK(dot.find("\n  s8 [") < dot.find("\n  s9 ["));
}

TEST_CASE("Support and attack edges differ in colour, line style and arrowhead", "[render]") {
    const std::string dot = render::to_dot(golden_map());
    const std::string support = line_of(dot, "s3 -> s1 [");
    const std::string attack = line_of(dot, "s6 -> s1 [");
    CHECK(support.find("style=solid") != std::string::npos);
    CHECK(support.find("arrowhead=normal") != std::string::npos);
    CHECK(support.find("color=\"#2e7d32\"") != std::string::npos);
    CHECK(attack.find("style=dashed") != std::string::npos);
    CHECK(attack.find("arrowhead=tee") != std::string::npos);
    CHECK(attack.find("color=\"#c62828\"") != std::string::npos);
}

TEST_CASE("Linked premises join at a point node that has one edge to the claim", "[render]") {
    const std::string dot = render::to_dot(golden_map());
    // relation 3 = {s4, s5} -> s1
    CHECK(line_of(dot, "j3 [").find("shape=point") != std::string::npos);
    CHECK(line_of(dot, "s4 -> j3 [").find("arrowhead=none") != std::string::npos);
    CHECK(line_of(dot, "s5 -> j3 [").find("arrowhead=none") != std::string::npos);
    CHECK(line_of(dot, "j3 -> s1 [").find("arrowhead=normal") != std::string::npos);
    CHECK(line_of(dot, "s4 -> s1 [").empty());
    CHECK(count(dot, "-> j3 [") == 2);
    CHECK(count(dot, "j3 -> ") == 1);
}

TEST_CASE("An undercut points at the junction of the inference it attacks", "[render]") {
    const std::string dot = render::to_dot(golden_map());
    // relation 6: s8 undercuts relation 1 (s2 -> s1), which therefore gets junction j1
    CHECK(line_of(dot, "j1 [").find("shape=point") != std::string::npos);
    CHECK_FALSE(line_of(dot, "s2 -> j1 [").empty());
    CHECK_FALSE(line_of(dot, "j1 -> s1 [").empty());
    const std::string undercut = line_of(dot, "s8 -> j1 [");
    CHECK(undercut.find("style=dotted") != std::string::npos);
    CHECK(undercut.find("arrowhead=tee") != std::string::npos);
    // relations that are neither linked nor undercut go straight to their target
    CHECK(line_of(dot, "j2 [").empty());
    CHECK_FALSE(line_of(dot, "s3 -> s1 [").empty());
}

TEST_CASE("An undercut of an undercut points at that undercut's junction", "[render]") {
    auto map = golden_map();
    const auto extra = map.add_statement({engine::source_id{0}, "Those rivals shared an enemy.", {}, false});
    map.add_relation(make_relation(relation_type::undercut, {extra}, engine::relation_id{5}));
    const std::string dot = render::to_dot(map);
    CHECK(line_of(dot, "j6 [").find("shape=point") != std::string::npos);
    CHECK_FALSE(line_of(dot, "s8 -> j6 [").empty());
    CHECK_FALSE(line_of(dot, "j6 -> j1 [").empty());
    CHECK_FALSE(line_of(dot, "s10 -> j6 [").empty());
}

TEST_CASE("The source title is the caption and the legend can be turned off", "[render]") {
    const auto map = golden_map();
    const std::string with = render::to_dot(map);
    CHECK(line_of(with, "graph [").find("label=<<B>Putin visit unlikely to close rift with Tokyo</B>>") !=
          std::string::npos);
    CHECK(line_of(with, "graph [").find("labelloc=t") != std::string::npos);
    const std::string legend = line_of(with, "legend [");
    CHECK(legend.find("Reason") != std::string::npos);
    CHECK(legend.find("Objection") != std::string::npos);
    CHECK(legend.find("Rebuttal") != std::string::npos);
    CHECK(legend.find("Not connected") == std::string::npos);  // every statement is connected
    CHECK(with.find("{rank=same; s1; legend}") != std::string::npos);  // beside the main claim
    CHECK(with.find("rank=max") == std::string::npos);  // Graphviz 2.42 leaks min/max rank edges

    render::dot_options options;
    options.legend = false;
    const std::string without = render::to_dot(map, options);
    CHECK(without.find("legend") == std::string::npos);
    CHECK(render::to_dot(one_statement_map("x")).find("label=<<B>") == std::string::npos);  // no title
}

TEST_CASE("Statement text is escaped for HTML-like labels", "[render]") {
    render::dot_options unwrapped;
    unwrapped.wrap_width = 0;
    const std::string dot =
        render::to_dot(one_statement_map("<script>alert('x')</script> & </svg> \"q\" a\\nb"), unwrapped);
    CHECK(dot.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;/svg&gt; &quot;q&quot; a&#92;nb") !=
          std::string::npos);
    CHECK(dot.find("<script") == std::string::npos);
    CHECK(dot.find("</svg") == std::string::npos);
    CHECK(dot.find("\\n") == std::string::npos);
}

TEST_CASE("Titles and source names are escaped too", "[render]") {
    engine::argument_map m;
    const auto a = m.add_source({"a<b>.txt", "", "", ""});
    const auto b = m.add_source({"b.txt", "Tom & \"Jerry\"", "", ""});
    m.add_statement({a, "one", {}, true});
    m.add_statement({b, "two", {}, true});
    const std::string dot = render::to_dot(m);
    CHECK(dot.find("a&lt;b&gt;.txt") != std::string::npos);
    CHECK(dot.find("Tom &amp; &quot;Jerry&quot;") != std::string::npos);
}

TEST_CASE("Invalid UTF-8 becomes U+FFFD and control characters are dropped", "[render]") {
    using render::detail::sanitize_utf8;
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(sanitize_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
    CHECK(sanitize_utf8("a\xC3(b") == "a" + fffd + "(b");        // lead byte without continuation
    CHECK(sanitize_utf8("\xC0\xAF") == fffd + fffd);              // overlong
    CHECK(sanitize_utf8("\xED\xA0\x80") == fffd + fffd + fffd);   // surrogate
    CHECK(sanitize_utf8("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd);  // above U+10FFFF
    CHECK(sanitize_utf8("x\xE2\x82") == "x" + fffd);              // cut short at the end
    CHECK(sanitize_utf8("\xFF\xFE") == fffd + fffd);
    CHECK(sanitize_utf8("\xEF\xBF\xBF") == fffd);                 // U+FFFF is not allowed in XML
    CHECK(sanitize_utf8("a\tb\nc\rd") == "a b c d");
    CHECK(sanitize_utf8(std::string("a\0b\x01\x1b\x7F" "c\xC2\x85" "d", 10)) == "abcd");

    const std::string dot = render::to_dot(one_statement_map("bad \xFF\xC3 bytes\x01 here"));
    CHECK(dot.find("bad " + fffd + fffd + " bytes here") != std::string::npos);
    std::istringstream lines(dot);  // the whole DOT is clean UTF-8 without control characters
    for (std::string line; std::getline(lines, line);) CHECK(sanitize_utf8(line) == line);
}

TEST_CASE("Statement text wraps at about 40 characters at spaces", "[render]") {
    using render::detail::wrap_lines;
    const std::string text =
        "Realistic interests have not settled the territorial dispute in seventy years of talks.";
    const auto lines = wrap_lines(text, 40);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "Realistic interests have not settled the");
    CHECK(lines[1] == "territorial dispute in seventy years of");
    CHECK(lines[2] == "talks.");
    CHECK(wrap_lines("  a   b  ", 40) == std::vector<std::string>{"a b"});
    CHECK(wrap_lines("", 40).empty());
    CHECK(wrap_lines("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
    CHECK(wrap_lines("xy abcdefghij", 4) == std::vector<std::string>{"xy a", "bcde", "fghi", "j"});
    // widths count code points, not bytes
    CHECK(wrap_lines("\xC3\xA9\xC3\xA9\xC3\xA9 \xC3\xA9", 5) == std::vector<std::string>{"\xC3\xA9\xC3\xA9\xC3\xA9 \xC3\xA9"});
    CHECK(wrap_lines("one two", 0) == std::vector<std::string>{"one two"});

    const std::string dot = render::to_dot(one_statement_map(text));
    CHECK(dot.find("Realistic interests have not settled the<BR/>territorial dispute in seventy years of<BR/>"
                   "talks.") != std::string::npos);
}

TEST_CASE("Very long statements are cut with an ellipsis", "[render]") {
    const std::string dot = render::to_dot(one_statement_map(std::string(5000, 'a')));
    CHECK(count(dot, "a") < 1200);
    CHECK(dot.find("\xE2\x80\xA6") != std::string::npos);
    render::dot_options options;
    options.max_label_chars = 0;
    CHECK(count(render::to_dot(one_statement_map(std::string(5000, 'a')), options), "aaaaaaaaaa") >= 500);
}

TEST_CASE("A map with several sources gets one cluster per source and alignment edges", "[render]") {
    engine::argument_map m;
    const auto a = m.add_source({"a.txt", "Against an alliance", "", ""});
    const auto b = m.add_source({"b.txt", "", "", ""});
    const auto a1 = m.add_statement({a, "No alliance.", {}, true});
    const auto a2 = m.add_statement({a, "Interests conflict.", {}, false});
    const auto b1 = m.add_statement({b, "An alliance is coming.", {}, true});
    const auto b2 = m.add_statement({b, "Interests converge.", {}, false});
    m.add_relation(make_relation(relation_type::support, {a2}, a1));
    m.add_relation(make_relation(relation_type::support, {b2}, b1));
    m.add_alignment({a1, b1, engine::stance::contradict, 0.7});
    const std::string dot = render::to_dot(m);
    CHECK(count(dot, "subgraph cluster_") == 2);
    CHECK(dot.find("label=<<B>Against an alliance</B>>") != std::string::npos);
    CHECK(dot.find("label=<<B>b.txt</B>>") != std::string::npos);  // no title: the file name
    CHECK(count(dot, "labelloc=b") == 2);  // rankdir=BT flips cluster labels: this puts them on top
    // each source's statements sit inside its own cluster
    const auto c1 = dot.find("subgraph cluster_source1");
    const auto c2 = dot.find("subgraph cluster_source2");
    CHECK(c1 < dot.find("\n    s1 ["));
    CHECK(dot.find("\n    s2 [") < c2);
    CHECK(c2 < dot.find("\n    s3 ["));
    // no caption for the whole graph: the clusters carry the titles
    CHECK(line_of(dot, "graph [").find("label=") == std::string::npos);
    const std::string alignment = line_of(dot, "s1 -> s3 [");
    CHECK(alignment.find("constraint=false") != std::string::npos);
    CHECK(alignment.find("contradict") != std::string::npos);

    const std::string single = render::to_dot(golden_map());
    CHECK(single.find("subgraph cluster_") == std::string::npos);
}

namespace {

/// Every "#rrggbb" colour in the text.
std::vector<std::string> hex_colours(const std::string& text) {
    std::vector<std::string> out;
    for (auto pos = text.find('#'); pos != std::string::npos; pos = text.find('#', pos + 1)) {
        const std::string c = text.substr(pos + 1, 6);
        if (c.size() == 6 && c.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) out.push_back(c);
    }
    return out;
}

render::dot_options with_theme(render::dot_theme theme) {
    render::dot_options o;
    o.theme = theme;
    return o;
}

}  // namespace

TEST_CASE("The colour-blind theme colours roles with Okabe-Ito blue, vermillion and orange", "[render]") {
    const std::string dot = render::to_dot(golden_map(), with_theme(render::dot_theme::colorblind));
    CHECK(line_of(dot, "s1 [").find("color=\"#000000\"") != std::string::npos);      // main claim: black
    CHECK(line_of(dot, "s1 [").find("penwidth=2.6") != std::string::npos);
    CHECK(line_of(dot, "s2 [").find("color=\"#0072b2\"") != std::string::npos);      // reason: blue
    CHECK(line_of(dot, "s6 [").find("color=\"#d55e00\"") != std::string::npos);      // objection: vermillion
    CHECK(line_of(dot, "s7 [").find("color=\"#e69f00\"") != std::string::npos);      // rebuttal: orange
    const std::string support = line_of(dot, "s3 -> s1 [");
    const std::string attack = line_of(dot, "s6 -> s1 [");
    CHECK(support.find("color=\"#0072b2\"") != std::string::npos);
    CHECK(support.find("style=solid") != std::string::npos);
    CHECK(support.find("arrowhead=normal") != std::string::npos);
    CHECK(attack.find("color=\"#d55e00\"") != std::string::npos);
    CHECK(attack.find("style=dashed") != std::string::npos);
    CHECK(attack.find("arrowhead=tee") != std::string::npos);
    // None of the standard theme's green and red is left.
    for (const char* c : {"#2e7d32", "#dcefd9", "#c62828", "#f9dcdc"}) {
        INFO(c);
        CHECK(dot.find(c) == std::string::npos);
    }
    CHECK(dot.find("pos=") == std::string::npos);
}

TEST_CASE("The print theme uses greys only, white boxes, and border styles for roles", "[render]") {
    const std::string dot = render::to_dot(golden_map(), with_theme(render::dot_theme::print));
    const auto colours = hex_colours(dot);
    REQUIRE(colours.size() > 10);
    for (const auto& c : colours) {
        INFO("#" << c);
        CHECK((c.substr(0, 2) == c.substr(2, 2) && c.substr(2, 2) == c.substr(4, 2)));
    }
    for (int i = 1; i <= 9; ++i) {
        const std::string node = line_of(dot, "s" + std::to_string(i) + " [");
        INFO(node);
        CHECK(node.find("fillcolor=\"#ffffff\"") != std::string::npos);
    }
    CHECK(line_of(dot, "s1 [").find("penwidth=2.6") != std::string::npos);       // main claim: heavy
    CHECK(line_of(dot, "s2 [").find("style=") == std::string::npos);             // reason: solid
    CHECK(line_of(dot, "s6 [").find("style=\"rounded,filled,dashed\"") != std::string::npos);
    CHECK(line_of(dot, "s7 [").find("style=\"rounded,filled,dotted\"") != std::string::npos);
    const std::string support = line_of(dot, "s3 -> s1 [");
    const std::string attack = line_of(dot, "s6 -> s1 [");
    CHECK(support.find("style=solid") != std::string::npos);
    CHECK(support.find("arrowhead=normal") != std::string::npos);
    CHECK(attack.find("style=dashed") != std::string::npos);
    CHECK(attack.find("arrowhead=tee") != std::string::npos);
}

TEST_CASE("The standard theme keeps colours (the print check is not vacuous)", "[render]") {
    const auto colours = hex_colours(render::to_dot(golden_map()));
    CHECK(std::any_of(colours.begin(), colours.end(), [](const std::string& c) {
        return !(c.substr(0, 2) == c.substr(2, 2) && c.substr(2, 2) == c.substr(4, 2));
    }));
}

TEST_CASE("direction up puts the main claim at the bottom: rankdir=TB, same edges", "[render]") {
    render::dot_options o;
    o.direction = render::dot_direction::up;
    const std::string up = render::to_dot(golden_map(), o);
    CHECK(line_of(up, "graph [").find("rankdir=TB") != std::string::npos);
    CHECK_FALSE(line_of(up, "s3 -> s1 [").empty());
    CHECK(line_of(render::to_dot(golden_map()), "graph [").find("rankdir=BT") != std::string::npos);
}

TEST_CASE("map --theme and --direction reach the DOT; unknown values are usage errors", "[cli]") {
    const std::string text = "Japan and Russia will not form an alliance, because their interests conflict.\n";
    const auto print = test::run_argmap("map - --format dot --theme print --direction up", text);
    REQUIRE(print.status == 0);
    CHECK(line_of(print.out, "graph [").find("rankdir=TB") != std::string::npos);
    for (const auto& c : hex_colours(print.out)) {
        INFO("#" << c);
        CHECK((c.substr(0, 2) == c.substr(2, 2) && c.substr(2, 2) == c.substr(4, 2)));
    }
    const auto cb = test::run_argmap("map - --format dot --theme colorblind", text);
    REQUIRE(cb.status == 0);
    CHECK(cb.out.find("#0072b2") != std::string::npos);
    CHECK(line_of(cb.out, "graph [").find("rankdir=BT") != std::string::npos);
    const auto bad = test::run_argmap("map - --format dot --theme neon", text);
    CHECK(bad.status == 2);
    CHECK(bad.err.find("neon") != std::string::npos);
    CHECK(test::run_argmap("map - --format dot --direction sideways", text).status == 2);
}

TEST_CASE("A restated main claim shows each restatement, quoted from the source and escaped, in its box", "[render]") {
    engine::argument_map m;
    const std::string text = "Ties will not improve.\n\nIn short, <Tokyo> & Moscow stay apart.";
    const auto src = m.add_source({"in.txt", "", "", text});
    const auto restated = text.find("In short");
    engine::statement claim;
    claim.source = src;
    claim.text = "Ties will not improve.";
    claim.spans = {{0, 22}, {restated, text.size()}};
    claim.central = true;
    m.add_statement(claim);
    render::dot_options one_line;
    one_line.wrap_width = 0;
    const auto dot = render::to_dot(m, one_line);
    CHECK(dot.find("restated: In short, &lt;Tokyo&gt; &amp; Moscow stay apart.") != std::string::npos);
    CHECK(dot.find("<Tokyo>") == std::string::npos);
    // one span: nothing restated
    claim.spans.resize(1);
    engine::argument_map once;
    once.add_source({"in.txt", "", "", text});
    once.add_statement(claim);
    CHECK(render::to_dot(once).find("restated") == std::string::npos);
}
