#include <catch2/catch.hpp>

#include <malloc.h>  // mallinfo2 (glibc)

#include <cstddef>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "engine/model.hpp"
#include "map_builder.hpp"
#include "render/dot_builder.hpp"
#include "render/graphviz_renderer.hpp"

using namespace argmap;
using engine::relation_type;
using render::output_format;

namespace {

/// A map like the golden one of test_dot_builder.cpp: a main claim, convergent reasons, a linked
/// pair, an objection, a rebuttal and an undercut.
engine::argument_map sample_map() {
    test::map_builder b{"tokyo.txt", "Putin visit unlikely to close rift with Tokyo"};
    const auto claim = b.add("It is highly unlikely that Japan and Russia will form an alliance.", true);
    const auto interests = b.add("Their strategic interests are in conflict.");
    const auto concepts = b.add("The two countries follow different strategic concepts.");
    const auto us = b.add("Japan relies on its alliance with the United States.");
    const auto threat = b.add("Russia regards that alliance as a threat to itself.");
    const auto ties = b.add("Both sides have realistic interests in better ties.");
    const auto dispute = b.add("Realistic interests have not settled the territorial dispute.");
    const auto rivals = b.add("Conflicting interests have not kept other rivals from becoming allies.");
    const auto r1 = b.relate(relation_type::support, {interests}, claim);
    b.relate(relation_type::support, {concepts}, claim);
    b.relate(relation_type::support, {us, threat}, claim);
    b.relate(relation_type::attack, {ties}, claim);
    b.relate(relation_type::attack, {dispute}, ties);
    b.relate(relation_type::undercut, {rivals}, r1);
    return std::move(b.map);
}

/// A main claim with `n` reasons for it.
engine::argument_map fan_map(std::size_t n) {
    test::map_builder b{"in.txt"};
    const auto claim = b.add("The main claim of the map.", true);
    for (std::size_t i = 0; i < n; ++i)
        b.relate(relation_type::support, {b.add("Reason number " + std::to_string(i) + " for the claim.")}, claim);
    return std::move(b.map);
}

/// Bytes allocated with malloc and not yet freed (glibc's count; 0 where another allocator, such
/// as AddressSanitizer's, does not keep it).
std::size_t heap_in_use() {
    const auto info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

engine::argument_map one_statement_map(const std::string& text) {
    engine::argument_map m;
    const auto src = m.add_source({"in.txt", "", "", ""});
    m.add_statement({src, text, {}, true});
    return m;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

/// The text content of every <text> element of an SVG, entities decoded, one per line.
/// (No std::regex: g++ 12 warns inside it at -O2, and the build treats warnings as errors.)
std::string svg_text(const std::string& svg) {
    static const std::vector<std::pair<std::string, std::string>> entities = {
        {"&#45;", "-"}, {"&#39;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#160;", " "},
        {"&amp;", "&"}};
    std::string out;
    for (auto open = svg.find("<text"); open != std::string::npos; open = svg.find("<text", open + 1)) {
        const auto start = svg.find('>', open);
        const auto end = svg.find("</text>", open);
        if (start == std::string::npos || end == std::string::npos || end < start) break;
        std::string t = svg.substr(start + 1, end - start - 1);
        for (const auto& [entity, plain] : entities)
            for (auto pos = t.find(entity); pos != std::string::npos; pos = t.find(entity, pos + plain.size()))
                t.replace(pos, entity.size(), plain);
        out += t + "\n";
    }
    return out;
}

/// Whether a PDF names an embedded subset of a DejaVu Sans face: "/FontName /ABCDEF+DejaVuSans...".
bool names_dejavu_subset(const std::string& pdf) {
    const std::string key = "/FontName /";
    for (auto pos = pdf.find(key); pos != std::string::npos; pos = pdf.find(key, pos + 1)) {
        const std::string name = pdf.substr(pos + key.size(), 17);
        if (name.size() < 17) continue;
        bool tag = true;  // a subset tag: six capital letters and "+"
        for (std::size_t i = 0; i < 6; ++i) tag = tag && name[i] >= 'A' && name[i] <= 'Z';
        if (tag && name.compare(6, 11, "+DejaVuSans") == 0) return true;
    }
    return false;
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace

TEST_CASE("SVG output has one node group per statement box and contains the statement text", "[render]") {
    const auto map = sample_map();
    const std::string svg = render::render(render::to_dot(map), output_format::svg);
    CHECK((svg.rfind("<?xml", 0) == 0 || svg.rfind("<svg", 0) == 0));
    CHECK(count(svg, "<svg") == 1);
    CHECK(count(svg, "</svg>") == 1);
    CHECK(svg.find("font-family=\"DejaVu Sans\"") != std::string::npos);
    for (std::size_t i = 1; i <= map.statements().size(); ++i) {
        INFO("statement box " << i);
        CHECK(count(svg, "\" class=\"node\">\n<title>s" + std::to_string(i) + "</title>") == 1);
    }
    // junction points and the legend are nodes too, but not statement boxes
    CHECK(count(svg, "\" class=\"node\">\n<title>j1</title>") == 1);
    CHECK(count(svg, "\" class=\"node\">\n<title>j3</title>") == 1);
    CHECK(count(svg, "\" class=\"node\">\n<title>legend</title>") == 1);
    CHECK(count(svg, "<g id=\"node") == map.statements().size() + 3);
    CHECK(count(svg, "class=\"node\"") == map.statements().size() + 3);

    const std::string text = svg_text(svg);
    for (const auto& st : map.statements())
        for (const auto& line : render::detail::wrap_lines(st.text, 40)) {
            INFO(line);
            CHECK(text.find(line + "\n") != std::string::npos);
        }
    CHECK(text.find("Putin visit unlikely to close rift with Tokyo") != std::string::npos);
    CHECK(text.find("Rebuttal") != std::string::npos);
}

TEST_CASE("Markup in a statement is escaped in the SVG", "[render]") {
    const std::string statement = "<script>alert('x')</script> & </svg>";
    const std::string svg = render::render(render::to_dot(one_statement_map(statement)), output_format::svg);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(count(svg, "</svg>") == 1);
    CHECK(svg.find("&lt;script&gt;") != std::string::npos);
    CHECK(svg_text(svg).find(statement + "\n") != std::string::npos);
}

TEST_CASE("A statement with invalid UTF-8 still renders, with U+FFFD in its place", "[render]") {
    const auto map = one_statement_map("caf\xE9 \xFF\xFE ok \xC3\x28 \x01 end");
    const std::string svg = render::render(render::to_dot(map), output_format::svg);
    CHECK(valid_utf8(svg));
    CHECK(svg_text(svg).find("caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD ok \xEF\xBF\xBD( end") != std::string::npos);
    CHECK(render::render(render::to_dot(map), output_format::png).size() > 8);
}

TEST_CASE("PNG output starts with the PNG signature", "[render]") {
    const std::string png = render::render(render::to_dot(sample_map()), output_format::png);
    REQUIRE(png.size() > 8);
    CHECK(png.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) == 0);
}

TEST_CASE("PDF output starts with %PDF and embeds the DejaVu font", "[render]") {
    const std::string pdf = render::render(render::to_dot(sample_map()), output_format::pdf);
    CHECK(pdf.rfind("%PDF", 0) == 0);
    CHECK((pdf.find("/FontFile") != std::string::npos));  // /FontFile, /FontFile2 or /FontFile3
    CHECK(names_dejavu_subset(pdf));
}

TEST_CASE("Bad DOT gives a render_error that carries Graphviz's message", "[render]") {
    try {
        (void)render::render("digraph { a -> }", output_format::svg);
        FAIL("no render_error");
    } catch (const render::render_error& e) {
        const std::string what = e.what();
        CHECK(what.find("could not read the DOT input") != std::string::npos);
        INFO(what);
        CHECK(what.find("syntax error in line 1") != std::string::npos);
    }
    CHECK_THROWS_AS(render::render("", output_format::svg), render::render_error);
    CHECK_THROWS_AS(render::render(std::string("digraph { a }\0", 14), output_format::svg), render::render_error);
    // Graphviz recovers: the next graph renders.
    CHECK(render::render("digraph { a -> b }", output_format::svg).find("<title>a</title>") != std::string::npos);
}

TEST_CASE("Text after the graph is an error and never leaks into the next call", "[render]") {
    // Graphviz's scanner keeps unread input in a global buffer; render() must not leave any.
    CHECK_THROWS_AS(render::render("digraph { a } digraph { b }", output_format::svg), render::render_error);
    CHECK(render::render("digraph { c }", output_format::svg).find("<title>c</title>") != std::string::npos);
    try {
        (void)render::render("digraph { d } garbage", output_format::svg);
        FAIL("no render_error");
    } catch (const render::render_error& e) {
        CHECK(std::string(e.what()).find("near 'garbage'") != std::string::npos);
    }
    const std::string svg = render::render("digraph { e }\n\n\n", output_format::svg);
    CHECK(svg.find("<title>e</title>") != std::string::npos);
    CHECK(svg.find("<title>d</title>") == std::string::npos);
    try {  // line numbers start again at 1 for every call
        (void)render::render("digraph {\n f -> }", output_format::svg);
        FAIL("no render_error");
    } catch (const render::render_error& e) {
        CHECK(std::string(e.what()).find("syntax error in line 2") != std::string::npos);
    }
}

TEST_CASE("A malformed HTML-like label is an error, not a silently wrong picture", "[render]") {
    try {
        (void)render::render("digraph { a [label=<<B>x</I>>] }", output_format::svg);
        FAIL("no render_error");
    } catch (const render::render_error& e) {
        CHECK(std::string(e.what()).find("mismatched tag") != std::string::npos);
    }
    CHECK_NOTHROW(render::render("digraph { a [label=<<B>x</B>>] }", output_format::svg));
}

TEST_CASE("Rendering from two threads at once works", "[render]") {
    const std::string dot = render::to_dot(sample_map());
    const std::string expected = render::render(dot, output_format::svg);
    std::vector<std::string> results(2 * 4);
    std::vector<std::string> errors(2);
    auto work = [&](std::size_t t) {
        try {
            for (std::size_t i = 0; i < 4; ++i)
                results[t * 4 + i] = render::render(dot, i % 2 == 0 ? output_format::svg : output_format::png);
        } catch (const std::exception& e) {
            errors[t] = e.what();
        }
    };
    std::thread first(work, 0);
    std::thread second(work, 1);
    first.join();
    second.join();
    CHECK(errors[0].empty());
    CHECK(errors[1].empty());
    for (std::size_t k = 0; k < results.size(); ++k) {
        INFO("result " << k);
        if (k % 2 == 0)
            CHECK(results[k] == expected);
        else
            CHECK(results[k].rfind("\x89PNG", 0) == 0);
    }
}

TEST_CASE("An empty map and a map without relations still render", "[render]") {
    const std::string empty = render::render(render::to_dot(engine::argument_map{}), output_format::svg);
    CHECK(empty.find("<title>legend</title>") != std::string::npos);
    engine::argument_map loose;
    const auto src = loose.add_source({"in.txt", "", "", ""});
    loose.add_statement({src, "one", {}, false});
    loose.add_statement({src, "two", {}, false});
    const std::string svg = render::render(render::to_dot(loose), output_format::svg);
    CHECK(svg.find("<title>s2</title>") != std::string::npos);
    CHECK(svg_text(svg).find("Not connected\n") != std::string::npos);
}

TEST_CASE("A call keeps its graph until the next call frees it and memory does not pile up", "[render]") {
    // render() leaves the laid-out graph of its last call allocated (the last one of a process is
    // left to the exit) and frees it at the start of the next call.
    const std::string dot = render::to_dot(fan_map(300));
    std::vector<std::size_t> in_use;  // after each call
    for (int i = 0; i < 12; ++i) {
        CHECK(render::render(dot, output_format::svg).find("<title>s301</title>") != std::string::npos);
        in_use.push_back(heap_in_use());
    }
    CHECK(render::render("digraph { a }", output_format::svg).find("<title>a</title>") != std::string::npos);
    const std::size_t after_small = heap_in_use();
    if (in_use.front() == 0) {
        WARN("this allocator keeps no malloc statistics (a sanitizer's?): memory not checked");
        return;
    }
    // The small graph's call freed the large one: a drop of one graph (about 1.5 MB here, many
    // times its DOT text).
    REQUIRE(in_use.back() > after_small);
    const std::size_t one_graph = in_use.back() - after_small;
    CHECK(one_graph > dot.size());
    // Repeated calls grow by much less than a graph each. (They grow a little: Graphviz 2.42 keeps
    // some of every layout, about a tenth of the graph here, even after gvFreeLayout and agclose.)
    const std::size_t growth_per_call = (in_use.back() - in_use[1]) / (in_use.size() - 2);
    CHECK(growth_per_call < one_graph / 2);
}
