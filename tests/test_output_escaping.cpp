// Text from the input reaches DOT, SVG and JSON as text: markup, entities, quotes, backslashes
// and Graphviz's own escape sequences are shown as written, never interpreted.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using argmap::test::run_argmap;

namespace {

const std::vector<std::string> tokens = {
    "\"quoted\"", "'single'", "C:\\path\\", "<script>alert(1)</script>", "]]>", "</svg>", "&amp;", "&lt;b&gt;",
    "&#92;",      "\\N",      "\\G",       "\\L",                        "\\E", "\\\\T", "<!--", "x&y"};

std::string hostile_text() {
    std::string text = "Title \"q\" <b>&amp;</b> \\N ]]>\n\nThe council must act now";
    for (const auto& t : tokens) text += " and " + t;
    text += " today.\n\nWe know this, because the streets " + tokens[3] + " are dirty " + tokens[9] + ".\n";
    return text;
}

/// Decodes the XML entities of SVG text (and of HTML-like DOT labels).
std::string decode_entities(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const auto semi = s.find(';', i);
        REQUIRE(semi != std::string_view::npos);
        const auto name = s.substr(i + 1, semi - i - 1);
        if (name == "amp") out += '&';
        else if (name == "lt") out += '<';
        else if (name == "gt") out += '>';
        else if (name == "quot") out += '"';
        else if (name == "apos") out += '\'';
        else if (!name.empty() && name[0] == '#') {
            const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            const auto code = std::stoul(std::string(name.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10);
            REQUIRE(code < 0x80);  // only ASCII is written as a character reference here
            out += static_cast<char>(code);
        } else {
            FAIL("unknown entity &" << name << ";");
        }
        i = semi;
    }
    return out;
}

/// The text content of every <text> element of an SVG, decoded, joined by spaces.
std::string svg_text(const std::string& svg) {
    std::string joined;
    for (auto at = svg.find("<text"); at != std::string::npos; at = svg.find("<text", at + 1)) {
        const auto open_end = svg.find('>', at);
        const auto close = svg.find("</text>", open_end);
        REQUIRE(close != std::string::npos);
        const auto inner = std::string_view(svg).substr(open_end + 1, close - open_end - 1);
        REQUIRE(inner.find('<') == std::string_view::npos);  // no markup from the input inside
        joined += decode_entities(inner) + ' ';
    }
    return joined;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("markup, entities, quotes and backslashes in the input are text in the JSON document", "[cli]") {
    const auto r = run_argmap("map - --format json", hostile_text());
    REQUIRE(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc.at("sources").at(0).at("title") == "Title \"q\" <b>&amp;</b> \\N ]]>");
    CHECK(doc.at("sources").at(0).at("text") == hostile_text());
    std::string all;
    for (const auto& s : doc.at("statements")) all += s.at("text").get<std::string>() + ' ';
    for (const auto& t : tokens) CHECK(all.find(t) != std::string::npos);
}

TEST_CASE("markup and Graphviz escapes in the input are text in the SVG", "[cli]") {
    const auto r = run_argmap("map - --format svg", hostile_text());
    REQUIRE(r.status == 0);
    const auto& svg = r.out;
    CHECK(count(svg, "</svg>") == 1);
    CHECK(count(svg, "<script") == 0);
    CHECK(count(svg, "]]>") == 0);
    CHECK(count(svg, "<!--") == count(svg, "-->"));  // only Graphviz's own comments
    const auto text = svg_text(svg);
    CHECK(text.find("Title \"q\" <b>&amp;</b> \\N ]]>") != std::string::npos);
    for (const auto& t : tokens) CHECK(text.find(t) != std::string::npos);
    // \N and \G were not expanded to the node's or the graph's name
    CHECK(text.find(" s1 ") == std::string::npos);
    CHECK(text.find("argmap") == std::string::npos);
}

TEST_CASE("markup and backslashes in the input are entities in DOT labels", "[cli]") {
    const auto r = run_argmap("map - --format dot", hostile_text());
    REQUIRE(r.status == 0);
    const auto& dot = r.out;
    CHECK(dot.find('\\') == std::string::npos);
    CHECK(dot.find("<script") == std::string::npos);
    CHECK(dot.find("</svg") == std::string::npos);
    CHECK(dot.find("]]>") == std::string::npos);
    // each backslash is written twice (Graphviz reads a doubled one as one, a single one as an escape)
    std::string labels;
    for (auto at = dot.find("label=<"); at != std::string::npos; at = dot.find("label=<", at + 1)) {
        const auto end = dot.find(">, ", at);
        const auto end2 = dot.find(">];", at);
        const auto stop = std::min(end, end2);
        REQUIRE(stop != std::string::npos);
        std::string inner = dot.substr(at + 7, stop - at - 7);
        // drop the builder's own markup: tags of the label tables
        std::string plain;
        bool in_tag = false;
        for (const char c : inner) {
            if (c == '<') in_tag = true;
            else if (c == '>') in_tag = false;
            else if (!in_tag) plain += c;
            if (c == '>' && !plain.empty()) plain += ' ';
        }
        labels += decode_entities(plain) + ' ';
    }
    std::string graphviz_view;  // what Graphviz shows: a doubled backslash is one
    for (std::size_t i = 0; i < labels.size(); ++i) {
        graphviz_view += labels[i];
        if (labels[i] == '\\') {
            REQUIRE(i + 1 < labels.size());
            CHECK(labels[i + 1] == '\\');
            ++i;
        }
    }
    for (const auto& t : tokens) CHECK(graphviz_view.find(t) != std::string::npos);
}
