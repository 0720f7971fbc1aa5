// The HTML reports (map and comparison): what elements they hold, the colour class of each unit,
// the text inside, the links between aligned units, and escaping of hostile input.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/comparison.hpp"
#include "engine/rules.hpp"
#include "engine/roles.hpp"
#include "grammar/prose_parser.hpp"
#include "grammar/snowball_stemmer.hpp"
#include "render/dot_builder.hpp"
#include "render/html_page.hpp"
#include "render/html_report.hpp"
#include "render/html_source_text.hpp"
#include "render/json_document.hpp"

using namespace argmap;
using engine::statement_id;
using engine::statement_role;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

engine::argument_map map_of(const std::string& text, const std::string& name) {
    auto parsed = grammar::parse_prose(text);
    REQUIRE(parsed.ok());
    return engine::reconstruct_by_rules(*parsed.value, name);
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::string h = haystack, n = needle;
    auto lower = [](std::string& s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    };
    lower(h);
    lower(n);
    std::size_t k = 0;
    for (auto p = h.find(n); p != std::string::npos; p = h.find(n, p + 1)) ++k;
    return k;
}

/// One highlighted unit as the report writes it.
struct unit_element {
    std::string role;
    std::uint32_t statement;  ///< statement id (the node name's number less one)
    bool anchor;              ///< carries id="unit-sN"
    std::string aligned;      ///< data-aligned, or empty
    std::string body;         ///< the escaped text inside
};

/// Reads the text up to `stop` at `pos` and moves past it; fails the test if `stop` is missing.
std::string read_until(const std::string& html, std::size_t& pos, const std::string& stop) {
    const auto e = html.find(stop, pos);
    REQUIRE(e != std::string::npos);
    std::string out = html.substr(pos, e - pos);
    pos = e + stop.size();
    return out;
}

/// Moves past `expected` at `pos` when it stands there.
bool skip(const std::string& html, std::size_t& pos, const std::string& expected) {
    if (html.compare(pos, expected.size(), expected) != 0) return false;
    pos += expected.size();
    return true;
}

/// Every `<span class="unit ...">text</span>` in the page, in order (no std::regex: GCC 12 warns
/// inside it under the sanitizers).
std::vector<unit_element> units_in(const std::string& html) {
    const std::string open = "<span class=\"unit role-";
    std::vector<unit_element> out;
    for (auto pos = html.find(open); pos != std::string::npos; pos = html.find(open, pos)) {
        pos += open.size();
        unit_element u;
        u.role = read_until(html, pos, "\"");
        REQUIRE(skip(html, pos, " data-s=\"s"));
        const auto name = read_until(html, pos, "\"");
        REQUIRE(skip(html, pos, " data-n=\""));
        CHECK(read_until(html, pos, "\"") == name);  // the number shown is the box's
        u.statement = static_cast<std::uint32_t>(std::stoul(name) - 1);
        REQUIRE(skip(html, pos, " tabindex=\"0\""));
        u.anchor = skip(html, pos, " id=\"unit-s" + name + "\"");
        if (skip(html, pos, " data-aligned=\"")) u.aligned = read_until(html, pos, "\"");
        REQUIRE(skip(html, pos, ">"));
        u.body = read_until(html, pos, "</span>");
        CHECK(u.body.find('<') == std::string::npos);
        out.push_back(std::move(u));
    }
    return out;
}

/// The text between the tags.
std::string without_tags(const std::string& html) {
    std::string out;
    bool in_tag = false;
    for (const char c : html) {
        if (c == '<') in_tag = true;
        else if (c == '>' && in_tag) in_tag = false;
        else if (!in_tag) out += c;
    }
    return out;
}

/// The part of the page inside the first element that starts with `open_tag_start`.
std::string section(const std::string& html, const std::string& open_tag_start, const std::string& close_tag) {
    const auto b = html.find(open_tag_start);
    REQUIRE(b != std::string::npos);
    const auto e = html.find(close_tag, b);
    REQUIRE(e != std::string::npos);
    return html.substr(b, e - b);
}

const std::string sample_path = std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt";
const std::string reply_path = std::string(ARGMAP_SAMPLES) + "/putin-visit-can-help.txt";

}  // namespace

TEST_CASE("The map report highlights every unit of the sample op-ed in its role's class, with its own text",
          "[render]") {
    const std::string text = slurp(sample_path);
    const auto map = map_of(text, "putin-visit-tokyo.txt");
    const auto roles = engine::statement_roles(map);
    const auto html = render::to_html_report(map);

    const auto units = units_in(html);
    REQUIRE(!units.empty());
    std::map<std::uint32_t, std::string> bodies;
    std::set<std::string> roles_seen;
    for (const auto& u : units) {
        REQUIRE(u.statement < map.statements().size());
        CHECK(u.role == engine::to_string(roles[u.statement]));
        bodies[u.statement] += u.body;
        roles_seen.insert(u.role);
    }
    // Every statement with a span is highlighted, with the text of its span(s), and anchored once.
    for (std::uint32_t i = 0; i < map.statements().size(); ++i) {
        const auto& st = map.statements()[i];
        if (st.spans.empty()) continue;
        std::string expected;
        for (const auto& s : st.spans)
            expected += render::detail::escape_for_html(text.substr(s.begin, s.end - s.begin), true);
        CHECK(bodies[i] == expected);
        CHECK(std::count_if(units.begin(), units.end(), [&](const auto& u) { return u.statement == i && u.anchor; }) == 1);
    }
    for (const char* role : {"central", "reason", "objection", "rebuttal"}) CHECK(roles_seen.count(role) == 1);

    // The text outside the units is there too, unhighlighted: the whole source is shown.
    const auto text_block = section(html, "<div class=\"source-text\" data-source=\"a\">", "</div>");
    CHECK(text_block.find("Posted in:") != std::string::npos);
    CHECK(count(text_block, "<span class=\"unit") == units.size());

    // Title, one inline SVG with a box per statement, the outline with a reference per statement.
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<h1>Putin visit unlikely to close rift with Tokyo</h1>") != std::string::npos);
    CHECK(html.find("<title>Putin visit unlikely to close rift with Tokyo") != std::string::npos);
    CHECK(count(html, "<svg") == 1);
    CHECK(count(html, "</svg>") == 1);
    for (std::uint32_t i = 0; i < map.statements().size(); ++i)
        CHECK(html.find("<title>s" + std::to_string(i + 1) + "</title>") != std::string::npos);
    const auto outline = section(html, "<section id=\"outline\"", "</section>");
    CHECK(outline.find("Main claim: ") != std::string::npos);
    for (std::uint32_t i = 0; i < map.statements().size(); ++i)
        CHECK(outline.find("data-s=\"s" + std::to_string(i + 1) + "\"") != std::string::npos);
}

TEST_CASE("The map report is one self-contained file: nothing to fetch, argmap's script only", "[render]") {
    const auto html = render::to_html_report(map_of(slurp(sample_path), "putin-visit-tokyo.txt"));
    CHECK(count(html, "<script") == 1);
    CHECK(count(html, "</script>") == 1);
    CHECK(count(html, "<style>") == 1);
    for (const char* external : {"src=", "<link", "@import", "url(", "href=\"http", "<img", "<iframe", "<!DOCTYPE svg"})
        CHECK(count(html, external) == 0);
    CHECK(html.find("<?xml") == std::string::npos);
}

TEST_CASE("The report's highlight colours are the diagram's colours for each role, in every theme", "[render]") {
    const auto map = map_of(slurp(sample_path), "putin-visit-tokyo.txt");
    for (const auto theme : {render::dot_theme::standard, render::dot_theme::colorblind, render::dot_theme::print}) {
        render::html_options options;
        options.diagram.theme = theme;
        const auto html = render::to_html_report(map, options);
        const auto svg = section(html, "<svg", "</svg>");
        for (const auto role : {statement_role::central, statement_role::reason, statement_role::objection,
                                statement_role::rebuttal}) {
            const auto style = render::style_of_role(theme, role);
            const std::string rule = std::string(".role-") + engine::to_string(role) + " { --fill: " + style.fill +
                                     "; --border: " + style.border + "; --line: " + style.border_style + "; }";
            CHECK(html.find(rule) != std::string::npos);
            CHECK(svg.find(std::string("fill=\"") + style.fill + "\"") != std::string::npos);
            CHECK(svg.find(std::string("stroke=\"") + style.border + "\"") != std::string::npos);
        }
    }
    // The themes differ where they should: reasons green in the standard theme, blue in the other.
    CHECK(std::string(render::style_of_role(render::dot_theme::standard, statement_role::reason).border) !=
          render::style_of_role(render::dot_theme::colorblind, statement_role::reason).border);
    CHECK(std::string(render::style_of_role(render::dot_theme::print, statement_role::objection).border_style) == "dashed");
}

TEST_CASE("Input text in the report is escaped: markup, quotes and entities in a text show as text", "[render]") {
    const std::string text =
        "Title </title><script>alert(1)</script> & \"q\"\n\n"
        "We must show </svg> and ]]> and &amp; as text, because <script>alert(2)</script> is no code. "
        "'Single' \"double\" <img src=x onerror=alert(3)> \\ </script><!-- -->\n";
    const auto map = map_of(text, "<b>name</b>.txt");
    REQUIRE(map.statements().size() >= 2);
    const auto html = render::to_html_report(map);

    CHECK(count(html, "<script") == 1);
    CHECK(count(html, "</script") == 1);
    CHECK(count(html, "<svg") == 1);
    CHECK(count(html, "</svg") == 1);
    CHECK(count(html, "<img") == 0);
    CHECK(count(html, "<b>") == 0);
    CHECK(count(html, "<!-- -->") == 0);
    CHECK(html.find("]]>") == std::string::npos);
    // What the page says is the text itself, escaped.
    const auto text_block = section(html, "<div class=\"source-text\"", "</div>");
    CHECK(text_block.find("&lt;script&gt;alert(2)&lt;/script&gt;") != std::string::npos);
    CHECK(text_block.find("&lt;/svg&gt; and ]]&gt; and &amp;amp;") != std::string::npos);
    CHECK(text_block.find("&#39;Single&#39; &quot;double&quot; &lt;img src=x onerror=alert(3)&gt; \\ "
                          "&lt;/script&gt;&lt;!-- --&gt;") != std::string::npos);
    const auto head_title = section(html, "<title>", "</title>");
    CHECK(head_title.find('<', 1) == std::string::npos);
    CHECK(html.find("<h1>Title &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</h1>") !=
          std::string::npos);
    CHECK(html.find("&lt;b&gt;name&lt;/b&gt;.txt") != std::string::npos);
    // The diagram shows the same text, escaped by Graphviz.
    const auto svg = section(html, "<svg", "</svg>");
    CHECK(svg.find("&lt;/svg&gt;") != std::string::npos);
}

TEST_CASE("Invalid UTF-8 and control characters in a text do not reach the report", "[render]") {
    engine::argument_map map;
    const std::string text = "Bad \xff byte\x01 here.\r\nNext line.";
    const auto src = map.add_source({"in.txt", "T\x02itle", "", text});
    map.add_statement({src, "Bad byte here.", {{0, 17}}, true});
    const auto html = render::to_html_report(map);
    CHECK(html.find('\x01') == std::string::npos);
    CHECK(html.find('\x02') == std::string::npos);
    CHECK(html.find('\xff') == std::string::npos);
    CHECK(html.find('\r') == std::string::npos);
    CHECK(html.find("Bad \xEF\xBF\xBD byte here.</span>\nNext line.") != std::string::npos);
    CHECK(html.find("<h1>Title</h1>") != std::string::npos);
}

TEST_CASE("Overlapping spans: the shorter statement's span wins the overlap, spans past the end are cut",
          "[render]") {
    engine::argument_map map;
    const std::string text = "Alpha beta gamma. Delta.";
    const auto src = map.add_source({"in.txt", "", "", text});
    map.add_statement({src, "Alpha beta gamma.", {{0, 17}}, true});
    map.add_statement({src, "beta", {{6, 10}}, false});
    map.add_statement({src, "Delta.", {{18, 400}}, false});
    const std::vector<statement_role> roles{statement_role::central, statement_role::reason, statement_role::other};
    const auto html = render::detail::highlighted_source_text(map, src, roles);
    const auto units = units_in(html);
    REQUIRE(units.size() == 4);
    CHECK(units[0].statement == 0);
    CHECK(units[0].body == "Alpha ");
    CHECK(units[0].anchor);
    CHECK(units[1].statement == 1);
    CHECK(units[1].body == "beta");
    CHECK(units[1].role == "reason");
    CHECK(units[2].statement == 0);
    CHECK(units[2].body == " gamma.");
    CHECK_FALSE(units[2].anchor);
    CHECK(units[3].statement == 2);
    CHECK(units[3].body == "Delta.");
    CHECK(units[3].role == "other");
    // Nothing lost, nothing doubled: the text between the tags is the text.
    CHECK(without_tags(html) == text);
}

TEST_CASE("The comparison report shows both texts with aligned units linked both ways, and the summary",
          "[render]") {
    auto merged = engine::merge_maps({map_of(slurp(sample_path), "putin-visit-tokyo.txt"),
                                      map_of(slurp(reply_path), "putin-visit-can-help.txt")});
    grammar::snowball_stemmer stemmer;
    const engine::term_extractor stem = [&stemmer](std::string_view w) { return stemmer.stem(w); };
    for (const auto& a : engine::align(merged, stem)) merged.add_alignment(a);
    const auto summary = engine::summarize(merged);
    REQUIRE(!summary.agreements.empty());
    REQUIRE(!summary.clashes.empty());
    const auto html = render::to_html_comparison(merged, summary);

    CHECK(html.find("data-report=\"comparison\"") != std::string::npos);
    CHECK(count(html, "<svg") == 1);
    CHECK(count(html, "<script") == 1);
    // Each text in its own block, its units only from its own source.
    const auto roles = engine::statement_roles(merged);
    for (const char* id : {"a", "b"}) {
        const auto block = section(html, std::string("<div class=\"source-text\" data-source=\"") + id + "\">", "</div>");
        const auto units = units_in(block);
        REQUIRE(!units.empty());
        for (const auto& u : units) {
            CHECK(render::json_id(merged.at(statement_id{u.statement}).source) == id);
            CHECK(u.role == engine::to_string(roles[u.statement]));
        }
    }
    // Every alignment links its two units, each to the other, with its stance.
    std::map<std::uint32_t, std::string> aligned;
    for (const auto& u : units_in(html))
        if (u.anchor) aligned[u.statement] = u.aligned;
    for (const auto& a : merged.alignments()) {
        const std::string stance = engine::to_string(a.stance);
        CHECK(aligned[a.first.value].find("s" + std::to_string(a.second.value + 1) + ":" + stance) != std::string::npos);
        CHECK(aligned[a.second.value].find("s" + std::to_string(a.first.value + 1) + ":" + stance) != std::string::npos);
    }
    // The summary: counts, and each listed pair and unanswered reason as references.
    const auto sum = section(html, "<section id=\"summary\"", "</section>");
    CHECK(sum.find("Points of agreement (" + std::to_string(summary.agreements.size()) + ")") != std::string::npos);
    CHECK(sum.find("Points of clash (" + std::to_string(summary.clashes.size()) + ")") != std::string::npos);
    const auto clashes = section(sum, "<div class=\"clashes\">", "</ul>");
    for (const auto& a : summary.clashes) {
        const auto pair = "data-s=\"s" + std::to_string(a.first.value + 1) + "\"";
        const auto other = "data-s=\"s" + std::to_string(a.second.value + 1) + "\"";
        CHECK(clashes.find(pair) != std::string::npos);
        CHECK(clashes.find(other) != std::string::npos);
    }
    REQUIRE(summary.unanswered.size() == 2);
    for (std::uint32_t s = 0; s < 2; ++s) {
        const auto list = section(sum, "<div class=\"unanswered\" data-source=\"" + std::string(s ? "b" : "a") + "\">", "</div>");
        CHECK(list.find("(" + std::to_string(summary.unanswered[s].size()) + ")") != std::string::npos);
        for (auto id : summary.unanswered[s]) CHECK(list.find("data-s=\"s" + std::to_string(id.value + 1) + "\"") != std::string::npos);
    }
    // Both titles, side by side in the heading.
    CHECK(html.find("Putin visit unlikely to close rift with Tokyo") != std::string::npos);
    CHECK(html.find("Putin visit can help close the rift between Tokyo and Moscow") != std::string::npos);
}

TEST_CASE("The same map gives the same report, byte for byte", "[render]") {
    const auto map = map_of(slurp(sample_path), "putin-visit-tokyo.txt");
    CHECK(render::to_html_report(map) == render::to_html_report(map));
}

TEST_CASE("An SVG that holds a script or a second svg element is refused, not inlined", "[render]") {
    CHECK(render::detail::inline_svg("<?xml version=\"1.0\"?>\n<svg a=\"1\"><g/></svg>\n") == "<svg a=\"1\"><g/></svg>");
    CHECK_THROWS(render::detail::inline_svg("<svg><script>x</script></svg>"));
    CHECK_THROWS(render::detail::inline_svg("<svg></svg><svg></svg>"));
    CHECK_THROWS(render::detail::inline_svg("<svg><foreignObject/></svg>"));
    CHECK_THROWS(render::detail::inline_svg("no drawing"));
}
